print("pkg_basic.helpers executing")
counter = 0
def bump():
    global counter
    counter += 1
    return counter
class Tool:
    def __repr__(self):
        return f"Tool from {__name__}"
_private = "underscore"
