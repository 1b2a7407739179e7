# time module: only properties that hold on any machine.
import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
time.sleep(0.01)
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
print(type(t1).__name__, t1 > 1_600_000_000, t2 >= t1, p2 > p1, m2 >= m1, p2 - p1 >= 0.005)
print(type(time.time_ns()).__name__, time.time_ns() > 1_600_000_000 * 10 ** 9, type(time.perf_counter_ns()).__name__)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__, e)
start = time.perf_counter()
total = sum(range(100000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, elapsed < 60)
