# Unicode errors: attributes and messages.
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
    print(str(e))
try:
    b"abc\xffdef".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e))
try:
    b"\xe2\x82".decode("utf-8")
except UnicodeDecodeError as e:
    print(str(e))
e = UnicodeDecodeError("ascii", b"\x80\x81", 0, 2, "custom reason")
print(str(e), e.args)
print(issubclass(UnicodeDecodeError, ValueError), UnicodeError.__mro__[1].__name__)
