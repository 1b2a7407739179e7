"""Sorting with keys: sorted() and list.sort() with lambdas, tuple keys,
reverse=True, attribute keys on small objects, stability across multiple
passes, and a hand-written merge sort and quicksort for comparison."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


class Employee:
    def __init__(self, name, department, salary, age):
        self.name = name
        self.department = department
        self.salary = salary
        self.age = age

    def __repr__(self):
        return f"Employee({self.name!r}, {self.department!r}, {self.salary}, {self.age})"


def merge_sort(items, key):
    if len(items) <= 1:
        return items
    middle = len(items) // 2
    left = merge_sort(items[:middle], key)
    right = merge_sort(items[middle:], key)
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            merged.append(right[j])
            j += 1
        else:
            merged.append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def quicksort(items):
    if len(items) <= 1:
        return items
    pivot = items[len(items) // 2]
    return (quicksort([x for x in items if x < pivot])
            + [x for x in items if x == pivot]
            + quicksort([x for x in items if x > pivot]))


def main():
    rng = Lcg(4242)
    departments = ["research", "sales", "support", "finance", "legal"]
    checksum = 0
    for round_number in range(10):
        staff = [Employee(f"e{rng.next_int(100_000):05d}", departments[rng.next_int(5)],
                          30_000 + rng.next_int(90_000), 20 + rng.next_int(45))
                 for _ in range(8_000)]

        by_salary = sorted(staff, key=lambda e: e.salary, reverse=True)
        checksum += by_salary[0].salary - by_salary[-1].salary

        by_department = sorted(staff, key=lambda e: (e.department, -e.age, e.name))
        checksum += sum(i * e.age for i, e in enumerate(by_department[:500]))

        staff.sort(key=lambda e: e.name)
        staff.sort(key=lambda e: e.age)
        checksum += sum(i % 97 * int(e.name[1:]) for i, e in enumerate(staff)) % 1_000_003

        names = [e.name for e in staff]
        checksum += len(sorted(set(names), key=str.lower))
        checksum += sorted(names, key=len)[0] == names[0]

        merged = merge_sort(staff[:3000], key=lambda e: (e.salary, e.name))
        checksum += merged[1500].salary + round_number

        numbers = [rng.next_int(1_000_000) for _ in range(20_000)]
        checksum += sum(quicksort(numbers)[::1000])
        checksum += sum(sorted(numbers, key=lambda n: (n % 1000, n))[:10])
    print(f"checksum: {checksum}")


main()
