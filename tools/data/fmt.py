import json
def dump(path, doc):
    """Writes a data file the way the repository keeps them: one record a line."""
    out = ["{"]
    keys = list(doc)
    for n, k in enumerate(keys):
        v = doc[k]
        end = "," if n < len(keys) - 1 else ""
        if isinstance(v, list) and v and isinstance(v[0], dict):
            out.append(f' "{k}": [')
            out.append(",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in v))
            out.append(" ]" + end)
        else:
            out.append(f' "{k}": ' + json.dumps(v, ensure_ascii=False) + end)
    out.append("}")
    open(path, "w").write("\n".join(out) + "\n")
