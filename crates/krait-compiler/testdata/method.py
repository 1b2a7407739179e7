obj.meth(x, *y)
obj.meth(x, key=2)
