# Parsing a small binary/text mixed format with bytes methods.
blob = b"id:1;name:alpha;score:90\nid:2;name:beta;score:75\n\nid:3;name:gamma;score:88\n"
records = []
for line in blob.splitlines():
    if not line:
        continue
    fields = dict(kv.split(b":", 1) for kv in line.split(b";"))
    records.append(fields)
for r in records:
    print({k.decode(): v.decode() for k, v in r.items()})
total = sum(int(r[b"score"]) for r in records)
print("total", total, "avg", total / len(records))
best = max(records, key=lambda r: int(r[b"score"]))
print(best[b"name"], best[b"name"].upper(), best[b"name"].center(11, b"*"))
out = b"\n".join(b",".join(r.values()) for r in records)
print(out)
print(out.count(b","), out.split(b"\n")[1], out.replace(b",", b"\t")[:20])
