# id-free uses of slice(), memory-free builtins: slice, bool, help-free set.
s = slice(1, 5, 2)
print(s, "abcdefg"[s], s.indices(4))
print(max(range(5), key=lambda v: (v % 3, v)), min("hello", key=ord))
print(list(map(divmod, [7, 8], [2, 3])))
print(isinstance(print, type(len)), type(print).__name__, print.__name__)
print(sorted(map(abs, [-3, 1, -2])), any(map(str.isupper, "abC")))
print(all(isinstance(f, type) for f in [int, str, list, dict, set, tuple, bool, float, complex, bytes, bytearray, frozenset, object, type, range, slice, enumerate, zip, map, filter, reversed, property, staticmethod, classmethod, super]))
print([f.__name__ for f in [len, abs, min, max, sum, sorted, iter, next, repr, ascii, hash, callable, chr, ord, hex, oct, bin, divmod, pow, round, vars, dir, getattr, setattr, hasattr, delattr, isinstance, issubclass, globals, locals, exec, eval, compile, input, print, format, any, all, __import__]])
