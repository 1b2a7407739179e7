# Module attributes: __name__, __doc__, __file__ (basename only), __dict__, dir().
import pkg_attrs.mod as m
import pkg_attrs
print(m.__name__, m.name_seen, m.in_sys_modules, m.where(), m.__doc__, pkg_attrs.__doc__)
print(m.__file__.replace("\\", "/").split("/")[-2:], pkg_attrs.__file__.replace("\\", "/").split("/")[-1])
print(sorted(k for k in vars(m) if not k.startswith("__")))
print(__name__, __doc__)
m.added = "new attribute"
import pkg_attrs.mod
print(pkg_attrs.mod.added, pkg_attrs.x)
del m.added
print(hasattr(pkg_attrs.mod, "added"))
print(sorted(n for n in dir(m) if not n.startswith("_")))
import sys
print(type(sys.modules[__name__]).__name__, sys.modules[__name__].__name__)
print(__spec__ is None if False else "skip spec")
