# A bank simulation: accounts, transactions, interest with big ints, audit log via generators.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount} (balance {account.balance})")
        self.account, self.amount = account, amount
class FrozenAccount(Exception):
    pass
class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
    def _record(self, kind, amount):
        self.history.append((len(self.history) + 1, kind, amount, self.balance))
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._check()
        self.balance += amount
        self._record("deposit", amount)
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self._record("withdraw", amount)
    def _check(self):
        if self.frozen:
            raise FrozenAccount(f"account {self.id} is frozen")
    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance})"
class Savings(Account):
    def __init__(self, owner, balance=0, rate_per_mille=35):
        super().__init__(owner, balance)
        self.rate = rate_per_mille
    def add_interest(self):
        interest = self.balance * self.rate // 1000
        self.balance += interest
        self._record("interest", interest)
        return interest
class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []
    def open(self, cls, owner, *args):
        acct = cls(owner, *args)
        self.accounts[acct.id] = acct
        self.log.append(f"open {acct.id} {owner}")
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except (InsufficientFunds, FrozenAccount) as e:
            self.log.append(f"transfer failed: {e}")
            return False
        try:
            b.deposit(amount)
        except FrozenAccount as e:
            a.deposit(amount)
            self.log.append(f"transfer rolled back: {e}")
            return False
        self.log.append(f"transfer {amount} {src}->{dst}")
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
    def statements(self):
        for acct in sorted(self.accounts.values(), key=lambda a: a.owner):
            yield f"== {acct.owner} ({type(acct).__name__} {acct.id})"
            for entry in acct.history:
                yield "   #%d %-8s %10d -> %d" % entry
bank = Bank("Krait Savings & Loan")
alice = bank.open(Account, "alice", 500)
bob = bank.open(Savings, "bob", 1000)
carol = bank.open(Savings, "carol", 10 ** 18, 50)
print(alice, bob, carol)
alice.deposit(250)
print(bank.transfer(alice.id, bob.id, 300))
print(bank.transfer(alice.id, bob.id, 10_000))
carol.frozen = True
print(bank.transfer(bob.id, carol.id, 100))
carol.frozen = False
for year in range(1, 31):
    for acct in (bob, carol):
        acct.add_interest()
print(bob.balance, carol.balance)
print(len(str(carol.balance)), carol.balance.bit_length())
try:
    alice.deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    alice.withdraw(10 ** 6)
except InsufficientFunds as e:
    print(type(e).__name__, e, e.amount)
for line in bank.log:
    print(line)
lines = list(bank.statements())
print(len(lines))
for line in lines[:12]:
    print(line)
print(lines[-1])
print("total", bank.total())
richest = max(bank.accounts.values(), key=lambda a: a.balance)
print("richest", richest.owner, f"{richest.balance:,}")
