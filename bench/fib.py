"""Recursion: naive doubly-recursive Fibonacci and a binary tree summed on the
call stack: the classic test of Python-to-Python call overhead."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tree_sum(depth, value):
    """Sum the values of a complete binary tree built only on the call stack."""
    if depth == 0:
        return value
    return tree_sum(depth - 1, value * 2) + tree_sum(depth - 1, value * 2 + 1)


def main():
    total = 0
    for n in range(20, 33):
        total += fib(n)
    total += tree_sum(19, 1)
    print(f"checksum: {total}")


main()
