#!/usr/bin/env python3
"""Merges research slices (folders in the format of tools/data/FORMAT.md) into
static/data/. Deterministic: the same slices in the same order give the same
files. Organizations already known under another id (same normalized name or
alias) are mapped onto the known one; colliding aliases and domains are
dropped from the later organization; incidents and relationships are
de-duplicated. Prints what it did; run `exposure validate` after it.

    python3 tools/data/merge.py SLICE_DIR [SLICE_DIR ...]
"""
import glob, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fmt import dump  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "static", "data")


_KEYS = {}


def prime(names):
    """Asks the core (`exposure normalize`) for the matching key of each name,
    so that collisions are decided exactly as the matcher and `validate` do."""
    todo = sorted({n.replace("\n", " ") for n in names} - set(_KEYS))
    if not todo:
        return
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "exposure-cli", "--bin", "exposure", "--", "normalize"],
        input="\n".join(todo) + "\n", capture_output=True, text=True, check=True,
        cwd=os.path.join(HERE, "..", ".."),
    ).stdout.split("\n")
    for n, k in zip(todo, out):
        _KEYS[n] = k


def norm(s):
    s = s.replace("\n", " ")
    if s not in _KEYS:
        prime([s])
    return _KEYS[s]


CLAIM = re.compile(r"leak site|claim(?:ed)? by the (?:attackers|gang|group)|attackers'? claim|not a notice|named only by the attackers", re.I)


def attacker_claim(client):
    """A client named only by the attackers (a leak-site listing) is no
    client link: the company never said it was affected."""
    return client.get("confirmed_by") == "press" and bool(CLAIM.search(client.get("note", "")))


def load(path, key, default):
    if not os.path.exists(path):
        return default
    return json.load(open(path)).get(key, default)


def apply_decisions(orgs_doc, inc_doc, zh_doc, count):
    """Applies tools/data/decisions.json, the reviewed corrections: each
    is made once there and stays made however often slices are merged."""
    path = os.path.join(HERE, "decisions.json")
    if not os.path.exists(path):
        return
    dec = json.load(open(path))
    # How current the data is, and the lists it was checked against.
    for k in ("as_of", "coverage"):
        if k in dec:
            inc_doc[k] = dec[k]
    orgs = {o["id"]: o for o in orgs_doc["organizations"]}
    incs = {i["id"]: i for i in inc_doc["incidents"]}
    for oid, d in dec.get("organizations", {}).items():
        o = orgs.get(oid)
        if not o:
            continue
        for k, v in d.get("set", {}).items():
            o[k] = v
        for k in d.get("unset", []):
            o.pop(k, None)
        drop = set(d.get("drop_aliases", []))
        if drop:
            o["aliases"] = [a for a in o.get("aliases", []) if a["name"] not in drop]
        have = {a["name"] for a in o.get("aliases", [])}
        o.setdefault("aliases", []).extend(a for a in d.get("add_aliases", []) if a["name"] not in have)
        count("decisions applied")
    for iid, d in dec.get("incidents", {}).items():
        i = incs.get(iid)
        if not i:
            continue
        for k, v in d.get("set", {}).items():
            i[k] = v
        for k in d.get("unset", []):
            i.pop(k, None)
        i.setdefault("cohort", {}).update(d.get("cohort", {}))
        for c in i.get("affected_clients", []):
            if c["org"] in d.get("clients_only_if", {}):
                c["only_if"] = d["clients_only_if"][c["org"]]
            if c["org"] in d.get("clients_source", {}):
                c["source"] = d["clients_source"][c["org"]]
        if d.get("zh"):
            zh_doc["incidents"].setdefault(iid, {}).update(d["zh"])
        drop = set(d.get("drop_clients", []))
        if drop:
            i["affected_clients"] = [c for c in i.get("affected_clients", []) if c["org"] not in drop]
            t = zh_doc["incidents"].get(iid, {}).get("clients", {})
            for o in drop:
                t.pop(o, None)
        count("decisions applied")
    for r in dec.get("relationship_sources", []):
        for old in orgs_doc["relationships"]:
            if (old["client"], old["vendor"]) == (r["client"], r["vendor"]):
                old["sources"], old["confirmed_by"] = r["sources"], r["confirmed_by"]
                count("decisions applied")
    drop_rel = {tuple(p) for p in dec.get("drop_relationships", {}).get("pairs", [])}
    before = len(orgs_doc["relationships"])
    orgs_doc["relationships"] = [r for r in orgs_doc["relationships"] if (r["client"], r["vendor"]) not in drop_rel]
    count("relationships dropped by decision", before - len(orgs_doc["relationships"]))
    for iid in dec.get("drop_incidents", []):
        if iid in incs:
            inc_doc["incidents"].remove(incs[iid])
            zh_doc["incidents"].pop(iid, None)
            count("incidents dropped by decision")


def main(slices):
    names = []
    for f in [f"{DATA}/organizations.json"] + [f"{s}/organizations.json" for s in slices]:
        for o in load(f, "organizations", []):
            names += [o["name"]] + [a["name"] if isinstance(a, dict) else a for a in o.get("aliases", [])]
    for s in slices:
        for f in glob.glob(f"{s}/*alias*.json") + [f"{s}/zh.json"]:
            doc = json.load(open(f)) if os.path.exists(f) else {}
            for v in (doc.get("organizations", {}) if f.endswith("zh.json") else doc).values():
                names += [v] if isinstance(v, str) else [a["name"] for a in v]
    prime(names)
    orgs_doc = json.load(open(f"{DATA}/organizations.json"))
    inc_doc = json.load(open(f"{DATA}/incidents.json"))
    zh_doc = json.load(open(f"{DATA}/zh.json"))
    orgs = orgs_doc["organizations"]
    by_id = {o["id"]: o for o in orgs}
    key_owner = {}
    for o in orgs:
        for n in [o["name"]] + [a["name"] for a in o.get("aliases", [])]:
            key_owner.setdefault(norm(n), o["id"])
    domains = {o["domain"]: o["id"] for o in orgs if o.get("domain")}
    remap = {}
    incs = inc_doc["incidents"]
    inc_by_id = {i["id"]: i for i in incs}
    rels = orgs_doc["relationships"]
    rel_key = {(r["client"], r["vendor"]): r for r in rels}
    stats = {}

    def count(k, n=1):
        stats[k] = stats.get(k, 0) + n

    def rid(i):
        return remap.get(i, i)

    def add_alias(o, a):
        k = norm(a["name"])
        if not k or k == norm(o["name"]):
            return
        owner = key_owner.get(k)
        if owner and owner != o["id"]:
            count("aliases dropped: claimed by another organization")
            return
        if owner == o["id"]:
            return
        o.setdefault("aliases", []).append({"name": a["name"], "kind": a["kind"]})
        key_owner[k] = o["id"]
        count("aliases added")

    for sl in slices:
        # 1. organizations
        new_orgs = load(f"{sl}/organizations.json", "organizations", [])
        zh_names = load(f"{sl}/zh.json", "organizations", {})
        pending = []
        for o in new_orgs:
            if o["id"] in by_id:
                remap[o["id"]] = o["id"]
                pending.append((by_id[o["id"]], o))
                count("organizations already known by id")
                continue
            same = key_owner.get(norm(o["name"]))
            if same:
                remap[o["id"]] = same
                pending.append((by_id[same], o))
                count("organizations mapped onto a known one by name")
                continue
            o = dict(o)
            if re.match(r"(an )?unnamed ", o["name"], re.I):
                # A placeholder for a vendor no one named: on paths, never
                # offered as a company to pick.
                o["listed"] = False
            aliases = o.pop("aliases", [])
            o["aliases"] = []
            if o.get("domain"):
                if o["domain"] in domains:
                    count("domains dropped: another organization's")
                    o.pop("domain")
                else:
                    domains[o["domain"]] = o["id"]
            orgs.append(o)
            by_id[o["id"]] = o
            key_owner[norm(o["name"])] = o["id"]
            pending.append((o, {"aliases": aliases}))
            count("organizations added")
        for target, src in pending:
            for a in src.get("aliases", []):
                add_alias(target, a)
        for oid, zh in sorted(zh_names.items()):
            o = by_id.get(rid(oid))
            if o and zh:
                add_alias(o, {"name": zh, "kind": "zh"})
        for o in orgs:
            if o.get("parent"):
                o["parent"] = rid(o["parent"])
                if o["parent"] == o["id"]:
                    o.pop("parent"); o.pop("parent_relation", None)
    for sl in slices:
        # Aliases a slice adds to organizations known before or defined by
        # another slice.
        extra = {}
        for name in ("alias_additions.json", "other_slice_alias_suggestions.json"):
            if os.path.exists(f"{sl}/{name}"):
                for k, v in json.load(open(f"{sl}/{name}")).items():
                    extra.setdefault(k.split(":")[-1], []).extend(v)
        for oid, als in sorted(extra.items()):
            o = by_id.get(rid(oid))
            for a in als if o else []:
                add_alias(o, a)
        # 2. relationships (after every slice's organizations, which they name)
        for r in load(f"{sl}/organizations.json", "relationships", []):
            r = dict(r, client=rid(r["client"]), vendor=rid(r["vendor"]))
            k = (r["client"], r["vendor"])
            if k in rel_key:
                old = rel_key[k]
                if not old.get("sources") and r.get("sources"):
                    old["sources"], old["confirmed_by"] = r["sources"], r["confirmed_by"]
                    count("relationships sourced")
                continue
            rels.append(r)
            rel_key[k] = r
            count("relationships added")
        for r in load(f"{sl}/relationship_sources.json", "relationships", []):
            old = rel_key.get((rid(r["client"]), rid(r["vendor"])))
            if old and not old.get("sources") and r.get("sources"):
                old["sources"], old["confirmed_by"] = r["sources"], r["confirmed_by"]
                count("relationships sourced")
        # 3. incidents
        zh_inc = load(f"{sl}/zh.json", "incidents", {})
        for i in load(f"{sl}/incidents.json", "incidents", []):
            if i["id"] in inc_by_id:
                count("incidents skipped: id taken")
                continue
            i = dict(i)
            plain = {s["url"] for s in i["sources"] if not s["url"].startswith("https://")}
            if plain:
                # The page links only to https; a page that could not be had
                # over it is dropped with what rests on it.
                i["sources"] = [s for s in i["sources"] if s["url"] not in plain]
                i["affected_clients"] = [c for c in i.get("affected_clients", []) if c.get("source") not in plain]
                if i.get("affected_source") in plain:
                    for k in ("affected", "affected_as_of", "affected_source"):
                        i.pop(k, None)
                count("sources dropped: not https", len(plain))
            i["breached_org"] = rid(i["breached_org"])
            if i.get("platform"):
                i["platform"] = rid(i["platform"])
            seen = set()
            clients = []
            for c in i.get("affected_clients", []):
                c = dict(c, org=rid(c["org"]))
                if c["org"] in seen:
                    continue
                if attacker_claim(c):
                    count("client links dropped: named only by the attackers")
                    continue
                seen.add(c["org"])
                clients.append(c)
            if clients:
                i["affected_clients"] = clients
            incs.append(i)
            inc_by_id[i["id"]] = i
            if i["id"] in zh_inc:
                t = zh_inc[i["id"]]
                if "clients" in t:
                    t = dict(t, clients={rid(k): v for k, v in t["clients"].items()})
                zh_doc["incidents"][i["id"]] = t
            count("incidents added")
        # 4. updates of existing incidents
        updates = load(f"{sl}/updates.json", "updates", [])
        updates += load(f"{sl}/updates_for_other_slices.json", "updates", [])
        for u in updates:
            inc = inc_by_id.get(u.get("incident"))
            if not inc:
                count("updates skipped: unknown incident")
                continue
            urls = {s["url"] for s in inc["sources"]}
            for s in u.get("add_sources", []):
                if not s["url"].startswith("https://"):
                    count("sources dropped: not https")
                    continue
                if s["url"] not in urls:
                    inc["sources"].append(s)
                    urls.add(s["url"])
            for k, v in (u.get("set") or {}).items():
                if k in ("id", "breached_org"):
                    continue
                if k == "affected" and inc.get("affected") not in (None, v):
                    old = {"count": inc["affected"], "date": inc.get("affected_as_of"), "source": inc.get("affected_source")}
                    # Kept as an earlier figure only when it is older; an
                    # older-dated, more exact figure replaces a rounded one.
                    if old["date"] and old["source"] and old["date"] < str(u["set"].get("affected_as_of", "")):
                        inc.setdefault("affected_history", []).append(old)
                inc[k] = v
            have = {c["org"] for c in inc.get("affected_clients", [])}
            for c in u.get("add_clients", []):
                c = dict(c, org=rid(c["org"]))
                if c["org"] in have:
                    continue
                if attacker_claim(c):
                    count("client links dropped: named only by the attackers")
                    continue
                if c.get("source") and c["source"] not in urls:
                    count("clients skipped: source not among the incident's sources")
                    continue
                inc.setdefault("affected_clients", []).append(c)
                have.add(c["org"])
                count("client links added")
            zt = (u.get("zh") or {})
            if zt and inc["id"] in zh_doc["incidents"]:
                for k, v in zt.items():
                    if k == "clients":
                        zh_doc["incidents"][inc["id"]].setdefault("clients", {}).update({rid(a): b for a, b in v.items()})
                    else:
                        zh_doc["incidents"][inc["id"]][k] = v
            elif zt:
                zh_doc["incidents"][inc["id"]] = zt
            count("updates applied")
    apply_decisions(orgs_doc, inc_doc, zh_doc, count)
    # Chinese notes only for clients an incident still names.
    for i in inc_doc["incidents"]:
        t = zh_doc["incidents"].get(i["id"], {})
        names = {c["org"] for c in i.get("affected_clients", [])}
        for o in [o for o in t.get("clients", {}) if o not in names]:
            del t["clients"][o]
            count("Chinese client notes dropped with their client")
    dump(f"{DATA}/organizations.json", orgs_doc)
    dump(f"{DATA}/incidents.json", inc_doc)
    json.dump(zh_doc, open(f"{DATA}/zh.json", "w"), ensure_ascii=False, indent=2)
    open(f"{DATA}/zh.json", "a").write("\n")
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")


if __name__ == "__main__":
    main([s.rstrip("/") for s in sys.argv[1:]])
