from shapes import Square
def total_area(sides):
    return sum(Square(s).area() for s in sides)
