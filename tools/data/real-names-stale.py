#!/usr/bin/env python3
"""Marks the cases of tests/matching/real-names.json that the data has
caught up with: labelled "not in our data" when the set was frozen, but whose
name as filed is now, exactly (by the matcher's key), the name or an alias of
an organization added later, often from the same register. Such a case can
no longer say anything about the matcher either way, so the test leaves it
out and counts it; likewise a case naming an organization of the data whose
name as filed became one of that organization's names or aliases after the
freeze (compared with the data at `frozen_data_commit`). Nothing else is
changed; labels are never rewritten here.

    python3 tools/data/real-names-stale.py
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
from fmt import dump  # noqa: E402


def keys(names):
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "exposure-cli", "--bin", "exposure", "--", "normalize"],
        input="\n".join(n.replace("\n", " ") for n in names) + "\n",
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.split("\n")
    return dict(zip(names, out))


def main():
    path = os.path.join(ROOT, "tests", "matching", "real-names.json")
    doc = json.load(open(path))
    orgs = json.load(open(os.path.join(ROOT, "static", "data", "organizations.json")))["organizations"]
    names = [(o["id"], n) for o in orgs for n in [o["name"]] + [a["name"] for a in o.get("aliases", [])]]
    k = keys([n for _, n in names] + [c["input"] for c in doc["cases"]])
    owner = {}
    for oid, n in names:
        owner.setdefault(k[n], oid)
    added = set()
    for c in doc["cases"]:
        if c["expected"] is None and k.get(c["input"]) in owner:
            added.add(owner[k[c["input"]]])
    # The test leaves out a case labelled "not in our data" that reads as
    # one of these: the label predates the organization.
    doc["added_after_freeze"] = sorted(added)
    # And a case naming an organization of the data whose very name became
    # one of its names or aliases after the freeze (however it was found):
    # the set can no longer measure the matcher on it.
    frozen = subprocess.run(
        ["git", "show", f"{doc['frozen_data_commit']}:static/data/organizations.json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    old = [n for o in json.loads(frozen)["organizations"] for n in [o["name"]] + [a["name"] for a in o.get("aliases", [])]]
    k.update(keys([n for n in old if n not in k]))
    before = {k[n] for n in old}
    named = sorted(
        c["input"] for c in doc["cases"]
        if c["expected"] is not None and k[c["input"]] in owner and k[c["input"]] not in before
    )
    doc["names_added_after_freeze"] = named
    dump(path, doc)
    print(f"{len(added)} organization(s) added after the freeze under a name the set files")
    print(f"{len(named)} labelled name(s) the data took up as a name or alias after the freeze")


if __name__ == "__main__":
    main()
