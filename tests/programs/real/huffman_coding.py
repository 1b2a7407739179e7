# Huffman compression: build the tree with a hand-written heap, encode, decode, bit packing into big ints.
class Leaf:
    def __init__(self, ch, freq):
        self.ch, self.freq = ch, freq
class Node:
    def __init__(self, left, right):
        self.left, self.right = left, right
        self.freq = left.freq + right.freq
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap = []
    counter = 0
    def push(item):
        nonlocal counter
        heap.append((item.freq, counter, item))
        counter += 1
        i = len(heap) - 1
        while i and heap[(i - 1) // 2][:2] > heap[i][:2]:
            heap[i], heap[(i - 1) // 2] = heap[(i - 1) // 2], heap[i]
            i = (i - 1) // 2
    def pop():
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < len(heap) and heap[l][:2] < heap[m][:2]:
                    m = l
                if r < len(heap) and heap[r][:2] < heap[m][:2]:
                    m = r
                if m == i:
                    break
                heap[i], heap[m] = heap[m], heap[i]
                i = m
        return top[2]
    for ch in sorted(freq):
        push(Leaf(ch, freq[ch]))
    if len(heap) == 1:
        return Node(pop(), Leaf("", 0)), freq
    while len(heap) > 1:
        a, b = pop(), pop()
        push(Node(a, b))
    return pop(), freq
def codes(tree, prefix="", table=None):
    table = {} if table is None else table
    if isinstance(tree, Leaf):
        table[tree.ch] = prefix or "0"
    else:
        codes(tree.left, prefix + "0", table)
        codes(tree.right, prefix + "1", table)
    return table
def encode(text, table):
    bits = "".join(table[ch] for ch in text)
    return int("1" + bits, 2), len(bits)
def decode(number, tree):
    bits = bin(number)[3:]
    out, node = [], tree
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.ch)
            node = tree
    return "".join(out)
samples = ["abracadabra", "aaaaaaaa", "the quick brown fox jumps over the lazy dog", "mississippi river", "x", "Unicode: ☃☃☃ ünïcödé ☃"]
for text in samples:
    tree, freq = build(text)
    table = codes(tree)
    number, nbits = encode(text, table)
    back = decode(number, tree)
    print(repr(text))
    print("   ", sorted(table.items(), key=lambda kv: (len(kv[1]), kv[0]))[:8])
    print("   ", nbits, "bits vs", 8 * len(text.encode()), "| packed:", hex(number)[:24], "| roundtrip:", back == text)
big = "".join(chr(97 + (i * i) % 7) for i in range(2000))
tree, freq = build(big)
number, nbits = encode(big, codes(tree))
print(sorted(freq.items()), nbits, number.bit_length(), decode(number, tree) == big)
