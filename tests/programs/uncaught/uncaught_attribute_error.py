# Uncaught AttributeError on a user object (message names the type and attribute).
class Config:
    def __init__(self):
        self.host = "localhost"
c = Config()
print(c.host)
print(c.port)
