"""String building, slicing and formatting: a text report built with
f-strings, str.format and %-formatting, join, split, replace, case changes,
a Caesar cipher by character-code arithmetic, palindromes by
slicing, and run-length encoding."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def random_word(rng):
    return "".join(LETTERS[rng.next_int(26)] for _ in range(3 + rng.next_int(6)))


def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def run_length(text):
    if not text:
        return ""
    pieces = []
    current, count = text[0], 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            pieces.append(f"{count}{current}")
            current, count = ch, 1
    pieces.append(f"{count}{current}")
    return "".join(pieces)


def is_palindrome(word):
    return word == word[::-1]


def report(rows):
    lines = ["{:<10} {:>8} {:>10}".format("name", "qty", "price")]
    for name, qty, price in rows:
        lines.append(f"{name:<10} {qty:>8d} {price:>10.2f}")
    total = sum(qty * price for _, qty, price in rows)
    lines.append(f"{'total':<10} {'':>8} {total:>10.2f}")
    return "\n".join(lines)


def main():
    rng = Lcg(99)
    checksum = 0
    for round_number in range(100):
        words = [random_word(rng) for _ in range(2_000)]
        text = " ".join(words)
        encoded = caesar(text, 3 + round_number)
        assert caesar(encoded, 26 - (3 + round_number) % 26) == text
        checksum += sum(map(ord, encoded[::97]))

        title = text.title()
        upper = text.upper()
        checksum += title.count("A") + upper.count("Q") + len(text.replace("a", "<a>"))
        checksum += sum(1 for w in text.split() if is_palindrome(w[:3]))
        checksum += len(run_length("".join(sorted(text[:3000]))))

        rows = [(w[:8], rng.next_int(100), rng.next_int(100_000) / 100) for w in words[:300]]
        table = report(rows)
        checksum += len(table) + table.count("9")

        slices = [text[i:i + 7] for i in range(0, len(text) - 7, 5)]
        checksum += sum(1 for s in slices if s.startswith("a") or s.endswith("z"))
        checksum += len("%s-%d-%.3f" % (words[0], len(words), len(text) / 7))
    print(f"checksum: {checksum}")


main()
