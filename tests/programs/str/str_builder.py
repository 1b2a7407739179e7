# Building strings incrementally; large strings.
parts = []
for i in range(50):
    parts.append(f"{i:02d}")
s = ",".join(parts)
print(s)
print(len(s), s.count(","), s[:20], s[-20:])
acc = ""
for i in range(200):
    acc += chr(65 + i % 26)
print(acc)
print(acc.count("ABC"), acc.find("XYZ"), acc.rfind("XYZ"))
big = "ab" * 100000
print(len(big), big[99999:100003], big.count("ba"), big.endswith("ab"))
table = [["Name", "Qty", "Price"], ["apple", 3, 1.25], ["banana", 12, 0.5], ["cherry", 100, 12.75]]
for row in table:
    print(f"{row[0]:<10}{str(row[1]):>5}{str(row[2]):>8}")
for name, qty, price in table[1:]:
    print(f"{name:<10}{qty:>5d}{price:>8.2f}{qty * price:>10.2f}")
print("=" * 33)
