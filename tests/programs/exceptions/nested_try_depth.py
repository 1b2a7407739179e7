# Deeply nested try statements and which handler wins.
def run(depth, fail_at, catch_at):
    trace = []
    def level(n):
        try:
            trace.append(f"enter{n}")
            if n == fail_at:
                raise ValueError(f"fail@{n}")
            if n < depth:
                level(n + 1)
        except ValueError as e:
            if n == catch_at:
                trace.append(f"caught{n}:{e}")
            else:
                trace.append(f"pass{n}")
                raise
        finally:
            trace.append(f"fin{n}")
    try:
        level(0)
    except ValueError as e:
        trace.append(f"top:{e}")
    return trace
for fail_at, catch_at in [(3, 1), (3, 3), (2, -1), (9, 0), (0, 0)]:
    print(fail_at, catch_at, run(4, fail_at, catch_at))
