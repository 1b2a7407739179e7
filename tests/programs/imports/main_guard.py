# __name__ == "__main__" in the program, and in imported modules.
import sys
sys.path.insert(0, "plain_mods")
import shapes
print(shapes.__name__, shapes.Square(3).area())
def main():
    print("main() running because __name__ is", repr(__name__))
    return 0
if __name__ == "__main__":
    main()
else:
    print("never")
