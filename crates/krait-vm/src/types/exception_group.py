# The methods of BaseExceptionGroup (PEP 654), attached to the builtin type
# when the VM starts (see exception_group.rs). Written in Python because it
# is rarely hot and mostly recursion over the group's tree; the behaviour and
# messages are CPython 3.11's Objects/exceptions.c.


def __new__(cls, message, exceptions, /):
    if not isinstance(message, str):
        raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
    if not hasattr(type(exceptions), "__getitem__") or isinstance(exceptions, (set, frozenset, dict)):
        raise TypeError("second argument (exceptions) must be a sequence")
    excs = tuple(exceptions)
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    nested_base_exceptions = False
    for i, e in enumerate(excs):
        if not isinstance(e, BaseException):
            raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if not isinstance(e, Exception):
            nested_base_exceptions = True
    if cls is BaseExceptionGroup:
        if not nested_base_exceptions:
            cls = ExceptionGroup
    elif issubclass(cls, Exception) and nested_base_exceptions:
        if cls is ExceptionGroup:
            raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
    return BaseException.__new__(cls, message, exceptions)


def __init__(self, *args, **kwargs):
    pass


def __str__(self):
    n = len(self.args[1])
    return f"{self.args[0]} ({n} sub-exception{'s' if n > 1 else ''})"


def message(self):
    return self.args[0]


def exceptions(self):
    return tuple(self.args[1])


def derive(self, excs):
    return BaseExceptionGroup(self.args[0], excs)


def _matcher(condition):
    def is_exception_type(c):
        return isinstance(c, type) and issubclass(c, BaseException)

    if is_exception_type(condition) or (
        isinstance(condition, tuple) and all(is_exception_type(c) for c in condition)
    ):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _derive_with_metadata(group, excs):
    derived = group.derive(excs)
    derived.__traceback__ = group.__traceback__
    derived.__cause__ = group.__cause__
    derived.__context__ = group.__context__
    if hasattr(group, "__notes__"):
        derived.__notes__ = group.__notes__
    return derived


def split(self, condition):
    match = _matcher(condition)
    if match(self):
        return self, None
    matched, rest = [], []
    for e in self.args[1]:
        if isinstance(e, BaseExceptionGroup):
            m, r = e.split(match)
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        elif match(e):
            matched.append(e)
        else:
            rest.append(e)
    m = _derive_with_metadata(self, matched) if matched else None
    r = _derive_with_metadata(self, rest) if rest else None
    return m, r


def subgroup(self, condition):
    return self.split(condition)[0]
