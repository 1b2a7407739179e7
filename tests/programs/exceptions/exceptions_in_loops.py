# Handling errors per item in loops, retry patterns, error accumulation.
data = ["1", "2", "x", "4", None, "5.5", "-3"]
total, errors = 0, []
for item in data:
    try:
        total += int(item)
    except ValueError as e:
        errors.append(f"ValueError: {e}")
    except TypeError as e:
        errors.append(f"TypeError: {e}")
print(total)
for e in errors:
    print(" ", e)
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "success"
for i in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry:", e)
else:
    print("gave up")
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        pass
print([safe_div(1, b) for b in [1, 0, 4]])
