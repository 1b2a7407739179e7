# Iterating dicts in every way.
inventory = {"apples": 5, "pears": 0, "kiwis": 12, "plums": 3}
for k in inventory:
    print(k, inventory[k])
for k, v in inventory.items():
    print(f"{k:>8}: {'*' * v}")
for v in inventory.values():
    print(v, end=" ")
print()
for i, (k, v) in enumerate(sorted(inventory.items(), key=lambda kv: -kv[1])):
    print(i, k, v)
print(sum(inventory.values()), max(inventory.values()), min(inventory, key=inventory.get))
print([k for k, v in inventory.items() if v], {k for k in inventory if "p" in k} == {"apples", "pears", "plums"})
print(list(map(str.upper, inventory)), dict(filter(lambda kv: kv[1] > 3, inventory.items())))
it = iter(inventory)
print(next(it), list(it))
