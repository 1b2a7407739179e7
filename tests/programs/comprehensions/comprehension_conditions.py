# Complex conditions and expressions within comprehensions.
data = [{"name": "a", "score": 90, "tags": ["x"]}, {"name": "b", "score": 45, "tags": []}, {"name": "c", "score": 70, "tags": ["x", "y"]}, {"name": "d", "score": None, "tags": ["y"]}]
print([d["name"] for d in data if d["score"] is not None and d["score"] > 50])
print([d["name"] for d in data if "x" in d["tags"] or not d["tags"]])
print([(d["name"], "pass" if (d["score"] or 0) >= 60 else "fail") for d in data])
print({t for d in data for t in d["tags"]} == {"x", "y"}, sorted({t for d in data for t in d["tags"]}))
print([x for x in range(30) if x % 2 == 0 and x % 3 == 0 or x == 7])
print([s.strip().title() for s in " alpha ,beta,  gamma ".split(",") if s.strip()])
print(sum(1 for d in data if d["tags"]), max((d["score"] for d in data if d["score"]), default=0))
