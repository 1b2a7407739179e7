match x:
    case [1, *rest] if rest:
        pass
    case {"a": b, **kw}:
        pass
    case Point(x=0, y=yy) | Point(y=yy, x=1):
        pass
    case (a, b, *_):
        pass
    case _:
        pass
