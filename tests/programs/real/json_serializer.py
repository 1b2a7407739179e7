# A JSON-like serializer and parser written by hand, with round trips.
class JSONError(Exception):
    pass
def dumps(obj, indent=None, _level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (_level + 1))
    end = "" if indent is None else "\n" + " " * (indent * _level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise JSONError(f"cannot encode {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\t":
                out.append("\\t")
            elif ord(ch) < 0x20 or ord(ch) > 0x7E:
                if ord(ch) > 0xFFFF:
                    v = ord(ch) - 0x10000
                    out.append("\\u%04x\\u%04x" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)))
                else:
                    out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, _level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = []
        for k, v in obj.items():
            if not isinstance(k, str):
                raise JSONError(f"keys must be str, not {type(k).__name__}")
            items.append(pad + dumps(k) + ": " + dumps(v, indent, _level + 1))
        return "{" + sep.join(items) + end + "}"
    raise JSONError(f"Object of type {type(obj).__name__} is not serializable")
class Parser:
    def __init__(self, text):
        self.text, self.i = text, 0
    def error(self, msg):
        raise JSONError(f"{msg} at position {self.i}")
    def ws(self):
        while self.i < len(self.text) and self.text[self.i] in " \t\n\r":
            self.i += 1
    def parse(self):
        v = self.value()
        self.ws()
        if self.i != len(self.text):
            self.error("extra data")
        return v
    def value(self):
        self.ws()
        if self.i >= len(self.text):
            self.error("unexpected end")
        c = self.text[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()
    def obj(self):
        self.i += 1
        out = {}
        self.ws()
        if self.text[self.i] == "}":
            self.i += 1
            return out
        while True:
            self.ws()
            if self.text[self.i] != '"':
                self.error("expected key")
            k = self.string()
            self.ws()
            if self.text[self.i] != ":":
                self.error("expected ':'")
            self.i += 1
            out[k] = self.value()
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "}":
                return out
            if c != ",":
                self.error("expected ',' or '}'")
    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.text[self.i] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "]":
                return out
            if c != ",":
                self.error("expected ',' or ']'")
    def string(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.text):
                self.error("unterminated string")
            c = self.text[self.i]
            self.i += 1
            if c == '"':
                return "".join(out)
            if c == "\\":
                e = self.text[self.i]
                self.i += 1
                if e == "u":
                    code = int(self.text[self.i:self.i + 4], 16)
                    self.i += 4
                    if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.i):
                        low = int(self.text[self.i + 2:self.i + 6], 16)
                        self.i += 6
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    out.append(chr(code))
                else:
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}[e])
            else:
                out.append(c)
    def number(self):
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in "+-0123456789.eE":
            self.i += 1
        s = self.text[start:self.i]
        if not s:
            self.error("unexpected character")
        return float(s) if any(c in s for c in ".eE") else int(s)
doc = {"name": "Krait", "version": [0, 1, 0], "stable": False, "tags": ["python", "rust", "jit"], "pi": 3.14159,
       "big": 2 ** 100, "nested": {"empty_list": [], "empty_obj": {}, "none": None, "quote": 'say "hi"\n\ttab'},
       "unicode": "héllo wörld ☃ 😀"}
text = dumps(doc)
print(text)
print(dumps(doc, indent=2))
back = Parser(text).parse()
print(back == doc, back["big"], back["unicode"])
for bad in ['{"a": 1', '[1, 2,, 3]', '{"a" 1}', '"unterminated', '[1] extra', '', '{1: 2}']:
    try:
        print(Parser(bad).parse())
    except JSONError as e:
        print(repr(bad), "->", e)
    except (IndexError, KeyError, ValueError) as e:
        print(repr(bad), "-> internal", type(e).__name__, e)
for bad in [{1: "x"}, float("nan"), {"s": {1, 2}}, object]:
    try:
        dumps(bad)
    except JSONError as e:
        print(type(e).__name__, e)
print(Parser(' [ -1.5e3 , 0 , 1e-2 , true , null ] ').parse())
