# Recursion comfortably within the default limit, and sys.setrecursionlimit.
import sys
print(sys.getrecursionlimit())
def down(n):
    return n if n == 0 else down(n - 1)
print(down(950))
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(3000))
def count_nodes(depth):
    return 1 if depth == 0 else 1 + count_nodes(depth - 1) + count_nodes(depth - 1)
print(count_nodes(12))
