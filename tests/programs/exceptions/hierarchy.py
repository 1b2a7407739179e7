# The builtin exception hierarchy.
def chain(cls):
    return " -> ".join(c.__name__ for c in cls.__mro__)
names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception", "StopIteration", "StopAsyncIteration",
         "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError",
         "BufferError", "EOFError", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError",
         "MemoryError", "NameError", "UnboundLocalError", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError",
         "ConnectionError", "BrokenPipeError", "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError",
         "SyntaxError", "IndentationError", "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
         "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "UserWarning", "DeprecationWarning",
         "RuntimeWarning", "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
         "ResourceWarning", "PendingDeprecationWarning", "EncodingWarning", "ExceptionGroup", "BaseExceptionGroup"]
for n in names:
    print(chain(getattr(__builtins__, n) if not isinstance(__builtins__, dict) else __builtins__[n]))
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyError, LookupError), issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception))
