"""Exceptions raised and caught in loops: custom exception classes, try/
except/else/finally, raising inside a handler, `raise ... from`, exceptions as control
flow in a lookup helper, and context managers whose __exit__ sees them."""


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"bad {field}: {value}")
        self.field = field
        self.value = value


class RangeError(ValidationError):
    pass


def validate(record):
    if record["age"] < 0:
        raise RangeError("age", record["age"])
    if not record["name"]:
        raise ValidationError("name", record["name"])
    return record["age"]


def lookup(table, key, default):
    try:
        return table[key]
    except KeyError:
        return default


def parse_int(text):
    try:
        return int(text)
    except ValueError as error:
        raise ValidationError("number", text) from error


class Counting:
    """A context manager that counts the exceptions passing through it."""

    def __init__(self):
        self.entered = 0
        self.suppressed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, kind, value, traceback):
        if kind is ZeroDivisionError:
            self.suppressed += 1
            return True
        return False


def main():
    checksum = 0
    records = [{"name": "x" * (i % 4), "age": i % 13 - 3} for i in range(1000)]
    for _ in range(600):
        for record in records:
            try:
                checksum += validate(record)
            except RangeError as error:
                checksum += 2 + len(error.field)
            except ValidationError as error:
                checksum += 3 + len(str(error))
            else:
                checksum += 1
            finally:
                checksum += 1

    table = {i: i * i for i in range(0, 1000, 3)}
    for _ in range(1000):
        for key in range(1000):
            checksum += lookup(table, key, -1)

    texts = [str(i) if i % 4 else f"x{i}" for i in range(2000)]
    for _ in range(200):
        for text in texts:
            try:
                checksum += parse_int(text)
            except ValidationError as error:
                checksum += isinstance(error.__cause__, ValueError)

    guard = Counting()
    for i in range(1_000_000):
        with guard:
            checksum += 100 // (i % 10)
    checksum += guard.entered + guard.suppressed

    depth_errors = 0
    for i in range(200_000):
        try:
            try:
                [][i]
            except IndexError:
                raise LookupError(i)
        except LookupError as error:
            depth_errors += error.args[0] % 3
    print(f"checksum: {checksum + depth_errors}")


main()
