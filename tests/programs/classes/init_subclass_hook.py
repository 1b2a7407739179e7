# __init_subclass__ with keyword arguments; a registry.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)
class CSV(Plugin, name="csv"):
    pass
class JSON(Plugin):
    pass
class PrettyJSON(JSON, name="pretty"):
    pass
print(sorted(Plugin.registry), PrettyJSON.plugin_name, JSON.plugin_name, Plugin.registry["csv"].__name__)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Strict:
    def __init_subclass__(cls):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} must define 'required'")
class Good(Strict):
    required = True
try:
    class Missing(Strict):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(Good.required)
