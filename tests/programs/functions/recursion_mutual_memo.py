# Recursion with memoization dictionaries, a recursive descent parser.
def parse(expr):
    pos = 0
    def peek():
        return expr[pos] if pos < len(expr) else ""
    def eat(ch):
        nonlocal pos
        assert expr[pos] == ch, (expr, pos, ch)
        pos += 1
    def number():
        nonlocal pos
        start = pos
        while peek().isdigit():
            pos += 1
        return int(expr[start:pos])
    def factor():
        if peek() == "(":
            eat("(")
            v = sum_()
            eat(")")
            return v
        if peek() == "-":
            eat("-")
            return -factor()
        return number()
    def term():
        v = factor()
        while peek() in ("*", "/"):
            op = peek()
            eat(op)
            r = factor()
            v = v * r if op == "*" else v // r
        return v
    def sum_():
        v = term()
        while peek() in ("+", "-"):
            op = peek()
            eat(op)
            r = term()
            v = v + r if op == "+" else v - r
        return v
    return sum_()
for e in ["1+2*3", "(1+2)*3", "10/3", "-(4-10)*2", "2*(3+(4-1)*2)", "100-1-1-1", "7"]:
    print(e, "=", parse(e))
ways = {}
def count_ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    key = (n, len(coins))
    if key not in ways:
        ways[key] = count_ways(n - coins[0], coins) + count_ways(n, coins[1:])
    return ways[key]
print(count_ways(100, [1, 5, 10, 25, 50]), count_ways(300, [1, 2, 5, 10, 20, 50, 100, 200]))
