# Every combination of try/except/else/finally.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("v")
        if action == "key":
            raise KeyError("k")
        if action == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except ValueError {e}")
    except (KeyError, IndexError) as e:
        log.append(f"except Lookup {e!r}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for a in ["none", "raise", "key", "return"]:
    print(a, run(a))
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
    else:
        print("not here")
nested()
try:
    pass
finally:
    print("try/finally only")
try:
    raise TypeError("t")
except Exception as e:
    print("generic", type(e).__name__)
try:
    raise TypeError("t")
except:
    print("bare except")
e = "outer"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
def else_raises():
    try:
        pass
    except ValueError:
        print("not caught here")
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as err:
    print("else exception escaped:", err)
