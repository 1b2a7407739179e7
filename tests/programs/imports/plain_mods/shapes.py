print("shapes module executing")
class Square:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
if __name__ == "__main__":
    print("never printed when imported")
