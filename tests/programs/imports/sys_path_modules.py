# Importing plain modules from a directory added to sys.path.
import sys
sys.path.insert(0, "plain_mods")
import mathish
print(mathish.total_area([1, 2, 3]))
import shapes
print(shapes is sys.modules["shapes"], mathish.Square is shapes.Square)
del sys.modules["shapes"]
import shapes as shapes2
print(shapes2 is shapes, shapes2.Square is shapes.Square)
