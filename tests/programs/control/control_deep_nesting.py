# Deeply nested control flow.
results = []
for a in range(4):
    if a % 2 == 0:
        for b in range(3):
            while b < 2:
                if a == b:
                    results.append(("eq", a, b))
                    b += 1
                    continue
                elif a > b:
                    try:
                        if b == 0:
                            raise KeyError(a)
                        results.append(("gt", a, b))
                    except KeyError as e:
                        results.append(("key", e.args[0]))
                    finally:
                        results.append(("fin", a, b))
                else:
                    results.append(("lt", a, b))
                b += 1
            else:
                results.append(("while-else", a))
    else:
        results.append(("odd", a))
for r in results:
    print(r)
