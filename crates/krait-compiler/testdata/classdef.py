class A(B):
    def m(self):
        return super().m()
