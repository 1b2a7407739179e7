# Comprehensions over larger ranges.
squares = [i * i for i in range(10000)]
print(len(squares), squares[-1], sum(squares) % 1000007)
evens = {i for i in range(0, 20000, 2)}
print(len(evens), 19998 in evens, 19999 in evens)
lookup = {i: str(i)[::-1] for i in range(5000)}
print(lookup[1234], lookup[4999], len(lookup))
pal = [i for i in range(10000) if str(i) == str(i)[::-1]]
print(len(pal), pal[:15], pal[-5:])
