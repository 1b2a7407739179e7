# Generator pipelines processing a text log.
LOG = """2024-01-01 10:00 INFO start service
2024-01-01 10:05 WARN disk 85%
2024-01-01 10:06 ERROR failed to write block 17
2024-01-01 10:07 INFO retry ok
2024-01-02 09:00 ERROR timeout talking to db
2024-01-02 09:01 INFO recovered
2024-01-02 11:30 WARN memory 91%"""
def lines(text):
    for line in text.splitlines():
        yield line
def parse(lines):
    for line in lines:
        date, time, level, msg = line.split(" ", 3)
        yield {"date": date, "time": time, "level": level, "msg": msg}
def only(level, records):
    return (r for r in records if r["level"] == level)
def numbered(it, start=1):
    n = start
    for x in it:
        yield n, x
        n += 1
for n, r in numbered(only("ERROR", parse(lines(LOG)))):
    print(n, r["date"], r["msg"])
by_day = {}
for r in parse(lines(LOG)):
    by_day.setdefault(r["date"], []).append(r["level"])
print(by_day)
def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def running_avg(it):
    total = count = 0
    for x in it:
        total += x
        count += 1
        yield total / count
print([round(v, 3) for v in running_avg([3, 5, 10, 2, 8])])
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
