# Uncaught custom exception with a custom __str__.
class BankError(Exception):
    def __init__(self, account, amount):
        super().__init__(account, amount)
        self.account, self.amount = account, amount
    def __str__(self):
        return f"account {self.account} cannot withdraw {self.amount}"
balance = {"alice": 10}
def withdraw(who, amount):
    if balance[who] < amount:
        raise BankError(who, amount)
    balance[who] -= amount
    print("withdrew", amount, "left", balance[who])
withdraw("alice", 3)
withdraw("alice", 30)
