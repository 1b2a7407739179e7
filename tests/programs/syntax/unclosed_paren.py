print("valid line")
x = (1, 2
print(x)
