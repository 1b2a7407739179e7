"""Dict-heavy code: word frequencies over generated text, an inverted index,
grouping records by key, memoisation, and a graph as a dict of adjacency
dicts searched breadth-first."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qua"]


def make_words(rng, count):
    words = []
    for _ in range(count):
        length = 1 + rng.next_int(3)
        words.append("".join(SYLLABLES[rng.next_int(len(SYLLABLES))] for _ in range(length)))
    return words


def word_frequencies(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def inverted_index(documents):
    index = {}
    for doc_id, document in enumerate(documents):
        for position, word in enumerate(document):
            index.setdefault(word, []).append((doc_id, position))
    return index


def group_by(records, key):
    groups = {}
    for record in records:
        k = record[key]
        if k in groups:
            groups[k].append(record)
        else:
            groups[k] = [record]
    return groups


def count_paths(grid_size, memo, row=0, col=0):
    """Lattice paths to the corner, memoised in a dict keyed by tuples."""
    if row == grid_size or col == grid_size:
        return 1
    key = (row, col)
    if key not in memo:
        memo[key] = (count_paths(grid_size, memo, row + 1, col)
                     + count_paths(grid_size, memo, row, col + 1)) % 1_000_000_007
    return memo[key]


def bfs_distances(graph, start):
    distances = {start: 0}
    frontier = [start]
    while frontier:
        next_frontier = []
        for node in frontier:
            for neighbour, weight in graph[node].items():
                if neighbour not in distances:
                    distances[neighbour] = distances[node] + weight
                    next_frontier.append(neighbour)
        frontier = next_frontier
    return distances


def main():
    rng = Lcg(7)
    checksum = 0
    for _ in range(15):
        words = make_words(rng, 30_000)
        counts = word_frequencies(words)
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
        checksum += sum(count for _, count in top) + len(counts)

        documents = [words[i:i + 50] for i in range(0, len(words), 50)]
        index = inverted_index(documents)
        checksum += sum(len(postings) for postings in index.values()) % 9973

        records = [{"id": i, "colour": ("red", "green", "blue")[i % 3],
                    "size": rng.next_int(10), "word": words[i]} for i in range(10_000)]
        by_size = group_by(records, "size")
        checksum += sum(len(group) * size for size, group in by_size.items())
        by_colour = {colour: sum(r["size"] for r in group)
                     for colour, group in group_by(records, "colour").items()}
        checksum += by_colour["red"] - by_colour["blue"]

        checksum += count_paths(120, {})

        graph = {n: {} for n in range(3000)}
        for n in range(3000):
            for _ in range(4):
                m = rng.next_int(3000)
                graph[n][m] = 1 + rng.next_int(5)
                graph[m][n] = graph[n][m]
        distances = bfs_distances(graph, 0)
        checksum += sum(distances.values()) + len(distances)
    print(f"checksum: {checksum}")


main()
