# del in loops, del of globals from functions, rebinding after del.
names = {}
for i in range(3):
    exec(f"v{i} = {i * 10}", names)
print(sorted(k for k in names if k.startswith("v")))
del names["v1"]
print(sorted(k for k in names if k.startswith("v")))
val = "first"
del val
val = "second"
print(val)
items = list(range(6))
while items:
    del items[0]
    print(items)
