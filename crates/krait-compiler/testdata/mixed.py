def f(a, *, k=1):
    try:
        g(a)
    except ValueError as e:
        return e
    finally:
        print("x")
    with open(a) as fp, b:
        pass
    for x in a:
        if x: break
    else:
        pass
    return [y for y in a if y]
async def h():
    async with a as b:
        await c
    async for x in y:
        pass
