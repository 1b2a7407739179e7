# Custom exception classes with extra state and custom __str__.
class AppError(Exception):
    """Base for the app."""
class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field, self.problem = field, problem
    def __str__(self):
        return f"{self.field}: {self.problem}"
class NotFound(AppError, LookupError):
    pass
class Silent(Exception):
    def __init__(self):
        pass
def check(data):
    if "name" not in data:
        raise NotFound("name")
    if not data["name"]:
        raise ValidationError("name", "must not be empty")
    return "ok"
for d in [{"name": "x"}, {}, {"name": ""}]:
    try:
        print(check(d))
    except ValidationError as e:
        print("validation:", e, repr(e), e.args, e.field)
    except LookupError as e:
        print("lookup:", type(e).__name__, e, isinstance(e, AppError), [c.__name__ for c in type(e).__mro__])
s = Silent()
print(repr(s), str(s), s.args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("a")), str(WithRepr("a")))
try:
    raise AppError
except AppError as e:
    print(type(e).__name__, repr(e), AppError.__doc__)
class Code(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise Code(404)
except Code as e:
    print(e.code, e.args, str(e))
