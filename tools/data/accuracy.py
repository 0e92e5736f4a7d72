#!/usr/bin/env python3
"""Compares the curated incidents with an independent public catalogue: the
Have I Been Pwned breach list (facts derived into tools/data/hibp-index.tsv).

Pairs an incident with a catalogue entry by organization AND year: the entry's
domain is the breached organization's domain (or one of its domain aliases),
or its title is the organization's name or an alias, and its breach year is
within two years of the incident's breach (or disclosure) year; the closest
year wins. Incidents whose count comes from the catalogue itself are left
out (they would agree by construction) and counted apart.

Prints the agreement on year (within one year) and on count (within a factor
of two), and every disagreement with its explanation from
tools/data/accuracy-explained.json (incident id -> why the two differ, e.g.
"accounts vs people", "a later figure"). Exit status 1 when agreement, with
explained disagreements counted as agreeing, is under the target.

    python3 tools/data/accuracy.py [--target 0.9]
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "static", "data")


def norm(s):
    s = unicodedata.normalize("NFKD", s.lower().replace("&", " and "))
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(w for w in s.split() if w not in ("the", "inc", "llc", "corp", "com"))


def main():
    target = float(sys.argv[sys.argv.index("--target") + 1]) if "--target" in sys.argv else 0.9
    rows = []
    with open(os.path.join(HERE, "hibp-index.tsv")) as f:
        lines = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    head, body = lines[0], lines[1:]
    for r in body:
        e = dict(zip(head, r))
        if e["fabricated"] == "1" or not e["breach_date"]:
            continue
        e["year"] = int(e["breach_date"][:4])
        e["accounts"] = int(e["accounts"])
        rows.append(e)
    explained = json.load(open(os.path.join(HERE, "accuracy-explained.json")))
    orgs = {o["id"]: o for o in json.load(open(f"{DATA}/organizations.json"))["organizations"]}
    incs = json.load(open(f"{DATA}/incidents.json"))["incidents"]
    by_domain, by_name = {}, {}
    for e in rows:
        if e["domain"]:
            by_domain.setdefault(e["domain"].lower(), []).append(e)
        by_name.setdefault(norm(e["title"]), []).append(e)
    pairs, circular = [], 0
    for i in incs:
        if "haveibeenpwned.com" in (i.get("affected_source") or ""):
            circular += 1
            continue
        o = orgs.get(i["breached_org"], {})
        domains = {o.get("domain")} | {a["name"].lower() for a in o.get("aliases", []) if a["kind"] == "domain"}
        names = {norm(o.get("name", ""))} | {norm(a["name"]) for a in o.get("aliases", []) if a["kind"] != "zh"}
        cands = [e for d in domains if d for e in by_domain.get(d, [])]
        cands += [e for n in names if n for e in by_name.get(n, [])]
        when = i.get("breach_start") or i.get("disclosed") or i.get("discovered")
        if not when or not cands:
            continue
        y = int(when[:4])
        cands = [e for e in cands if abs(e["year"] - y) <= 2]
        if not cands:
            continue
        e = min(cands, key=lambda e: (abs(e["year"] - y), e["name"]))
        pairs.append((i, e, y))
    ok = 0
    checks = 0
    problems = []
    for i, e, y in pairs:
        year_ok = abs(e["year"] - y) <= 1
        a = i.get("affected")
        count_ok = a is None or (e["accounts"] / 2 <= a <= e["accounts"] * 2)
        checks += 2
        good = int(year_ok) + int(count_ok)
        why = explained.get(i["id"])
        if good < 2:
            bad = []
            if not year_ok:
                bad.append(f"year {y} vs {e['year']}")
            if not count_ok:
                bad.append(f"count {a:,} vs {e['accounts']:,} accounts")
            problems.append((i["id"], e["name"], "; ".join(bad), why))
            if why:
                good = 2
        ok += good
    print(f"paired incidents: {len(pairs)} (left out, count taken from the catalogue itself: {circular})")
    n_year = sum(1 for i, e, y in pairs if abs(e["year"] - y) <= 1)
    n_count = sum(1 for i, e, y in pairs if i.get("affected") is None or e["accounts"] / 2 <= i["affected"] <= e["accounts"] * 2)
    if pairs:
        print(f"year agrees (±1): {n_year}/{len(pairs)} = {n_year/len(pairs):.0%}")
        print(f"count agrees (×2): {n_count}/{len(pairs)} = {n_count/len(pairs):.0%}")
    for iid, name, bad, why in problems:
        print(f"  {iid} ~ HIBP {name}: {bad} -> {why or 'UNEXPLAINED'}")
    share = ok / checks if checks else 1.0
    print(f"agreement with explained differences counted: {ok}/{checks} = {share:.1%} (target {target:.0%})")
    sys.exit(0 if share >= target else 1)


if __name__ == "__main__":
    main()
