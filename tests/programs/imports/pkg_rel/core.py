base_value = 100
def describe():
    return f"core in package {__package__!r} named {__name__!r}"
