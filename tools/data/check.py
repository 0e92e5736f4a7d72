#!/usr/bin/env python3
"""Checks one research slice (tools/data/FORMAT.md) before it is merged:
prints each problem, then 'ok' or the number of problems.

    python3 tools/data/check.py SLICE_DIR
"""
import json, os, re, sys, glob

MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "static", "data")
TYPES = {d["id"] for d in json.load(open(f"{MAIN}/taxonomy.json"))["data_types"]}
KINDS = {"ransomware","credential_theft","misconfiguration","insider","vendor_retention_failure","software_vulnerability","unknown"}
CONF = {"client_notice","regulator_filing","vendor_list","court_record","press"}
SECTORS = {"carrier","bank","fintech","lending","insurer","retirement","health","retail","travel","entertainment","cloud_platform","software","business_services","government","education","other"}
AK = {"legal","brand","former","ticker","domain","misspelling","zh","short"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

def load(p, key):
    if not os.path.exists(p): return []
    return json.load(open(p)).get(key, [])

def main(d):
    probs = []
    P = probs.append
    base_orgs = json.load(open(f"{MAIN}/organizations.json"))["organizations"]
    base_inc = json.load(open(f"{MAIN}/incidents.json"))["incidents"]
    org_ids = {o["id"] for o in base_orgs}
    # other slices' orgs count as known (merge happens later)
    for f in glob.glob(os.path.join(os.path.dirname(os.path.abspath(d)), "*", "organizations.json")):
        for o in load(f, "organizations"): org_ids.add(o["id"])
    inc_ids = {i["id"] for i in base_inc}
    orgs = load(f"{d}/organizations.json", "organizations")
    rels = load(f"{d}/organizations.json", "relationships")
    incs = load(f"{d}/incidents.json", "incidents")
    seen = set()
    for o in orgs:
        oid = o.get("id", "?")
        if not SLUG.match(oid): P(f"org {oid}: bad id")
        if oid in seen: P(f"org {oid}: twice in this slice")
        seen.add(oid)
        if any(b["id"] == oid for b in base_orgs): P(f"org {oid}: already exists in the main data (reuse it, do not redefine)")
        if not o.get("name"): P(f"org {oid}: no name")
        if o.get("sector") not in SECTORS: P(f"org {oid}: bad sector {o.get('sector')}")
        if o.get("parent") and o["parent"] not in org_ids: P(f"org {oid}: unknown parent {o['parent']}")
        for a in o.get("aliases", []):
            if not isinstance(a, dict) or a.get("kind") not in AK or not a.get("name"):
                P(f"org {oid}: bad alias {a}")
        dom = o.get("domain")
        if dom and (dom.startswith("http") or "/" in dom or " " in dom): P(f"org {oid}: domain must be a bare host: {dom}")
    for r in rels:
        for k in ("client","vendor"):
            if r.get(k) not in org_ids: P(f"relationship {r.get('client')}->{r.get('vendor')}: unknown {k}")
        if not r.get("sources"): P(f"relationship {r.get('client')}->{r.get('vendor')}: no source")
        if r.get("confirmed_by") not in CONF: P(f"relationship {r.get('client')}->{r.get('vendor')}: confirmed_by missing/bad")
        for t in r.get("data_shared", []):
            if t not in TYPES: P(f"relationship {r.get('client')}->{r.get('vendor')}: unknown type {t}")
    for i in incs:
        iid = i.get("id", "?")
        if not SLUG.match(iid): P(f"incident {iid}: bad id")
        if iid in inc_ids: P(f"incident {iid}: id already used in the main data (is it the same event? then use updates.json)")
        inc_ids.add(iid)
        for k in ("title","summary","breached_org","kind","data_types","cohort","sources"):
            if k not in i: P(f"incident {iid}: missing {k}")
        if "own_customers" not in i: P(f"incident {iid}: missing own_customers")
        if i.get("kind") not in KINDS: P(f"incident {iid}: bad kind")
        for k in ("breached_org","platform"):
            if i.get(k) and i[k] not in org_ids: P(f"incident {iid}: unknown {k} {i[k]}")
        for t in i.get("data_types", []):
            if t not in TYPES: P(f"incident {iid}: unknown data type {t}")
        urls = set()
        for s in i.get("sources", []):
            if not str(s.get("url","")).startswith("https://"): P(f"incident {iid}: source url must be https")
            if not s.get("publisher"): P(f"incident {iid}: source without publisher")
            if not DATE.match(str(s.get("date",""))): P(f"incident {iid}: source date bad {s.get('date')}")
            urls.add(s.get("url"))
        if not i.get("sources"): P(f"incident {iid}: no sources")
        dates = [i.get(k) for k in ("breach_start","breach_end","discovered","disclosed","data_from","affected_as_of")]
        for k in ("breach_start","breach_end","discovered","disclosed","data_from","affected_as_of"):
            v = i.get(k)
            if v is not None and not DATE.match(str(v)): P(f"incident {iid}: {k} bad date {v}")
        def le(a, b):
            return a is None or b is None or a[:min(len(a),len(b))] <= b[:min(len(a),len(b))]
        if not le(i.get("breach_start"), i.get("breach_end")): P(f"incident {iid}: breach_start after breach_end")
        if not le(i.get("breach_start"), i.get("disclosed")): P(f"incident {iid}: breach_start after disclosed")
        if not le(i.get("discovered"), i.get("disclosed")): P(f"incident {iid}: discovered after disclosed")
        if i.get("affected") is not None:
            if not isinstance(i["affected"], int) or i["affected"] <= 0: P(f"incident {iid}: affected must be a positive integer")
            if not i.get("affected_as_of"): P(f"incident {iid}: affected without affected_as_of")
            if i.get("affected_source") not in urls: P(f"incident {iid}: affected_source must be one of sources[].url")
        for h in i.get("affected_history", []):
            if h.get("source") not in urls: P(f"incident {iid}: affected_history source not in sources")
        for c in i.get("affected_clients", []):
            if c.get("org") not in org_ids: P(f"incident {iid}: unknown client org {c.get('org')}")
            if c.get("confirmed_by") not in CONF: P(f"incident {iid}: client {c.get('org')} bad confirmed_by")
            if c.get("source") not in urls: P(f"incident {iid}: client {c.get('org')} source must be one of sources[].url")
        if i.get("campaign") and i["campaign"] not in inc_ids and not any(x.get("id")==i["campaign"] for x in incs):
            P(f"incident {iid}: unknown campaign {i['campaign']}")
        ch = i.get("cohort", {})
        if not isinstance(ch, dict) or not ch.get("text"): P(f"incident {iid}: cohort needs text")
    zh = json.load(open(f"{d}/zh.json")) if os.path.exists(f"{d}/zh.json") else {}
    zi = zh.get("incidents", {})
    for i in incs:
        t = zi.get(i.get("id"))
        if not t: P(f"incident {i.get('id')}: no Chinese texts in zh.json"); continue
        for k in ("title","summary","cohort"):
            if not t.get(k): P(f"incident {i['id']}: zh {k} missing")
        for c in i.get("affected_clients", []):
            if c.get("note") and not t.get("clients", {}).get(c["org"]): P(f"incident {i['id']}: zh note missing for client {c['org']}")
    for f in ("updates.json",):
        for u in load(f"{d}/{f}", "updates"):
            if u.get("incident") not in inc_ids: P(f"update for unknown incident {u.get('incident')}")
    for p in probs: print(p)
    print("ok" if not probs else f"{len(probs)} problem(s)")

main(sys.argv[1].rstrip("/"))
