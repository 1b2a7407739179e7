# An inventory/order system: classes with properties, validation errors, reports via generators.
class OutOfStock(Exception):
    pass
class UnknownProduct(KeyError):
    pass
class Product:
    def __init__(self, sku, name, price_cents, qty):
        self.sku, self.name, self._price, self.qty = sku, name, price_cents, qty
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, v):
        if v < 0:
            raise ValueError(f"negative price for {self.sku}")
        self._price = v
    def __repr__(self):
        return f"Product({self.sku!r}, {self.name!r}, {self._price}, qty={self.qty})"
class Inventory:
    def __init__(self):
        self.products = {}
    def add(self, p):
        self.products[p.sku] = p
    def __getitem__(self, sku):
        try:
            return self.products[sku]
        except KeyError:
            raise UnknownProduct(sku) from None
    def reserve(self, sku, qty):
        p = self[sku]
        if p.qty < qty:
            raise OutOfStock(f"{sku}: wanted {qty}, have {p.qty}")
        p.qty -= qty
        return p.price * qty
    def low_stock(self, threshold):
        return (p for p in self.products.values() if p.qty <= threshold)
class Order:
    _ids = iter(range(1, 10 ** 6))
    def __init__(self, customer, lines):
        self.id = next(Order._ids)
        self.customer, self.lines = customer, lines
        self.status, self.total = "new", 0
    def place(self, inv):
        reserved = []
        try:
            for sku, qty in self.lines:
                self.total += inv.reserve(sku, qty)
                reserved.append((sku, qty))
        except (OutOfStock, UnknownProduct) as e:
            for sku, qty in reserved:
                inv[sku].qty += qty
            self.status, self.total = f"rejected ({type(e).__name__}: {e})", 0
            return False
        self.status = "placed"
        return True
def money(c):
    return f"${c // 100:,}.{c % 100:02d}"
inv = Inventory()
for args in [("A1", "widget", 250, 10), ("B2", "gadget", 1999, 3), ("C3", "doohickey", 5, 1000), ("D4", "gizmo", 123456, 1)]:
    inv.add(Product(*args))
orders = [Order("ann", [("A1", 4), ("C3", 100)]), Order("bob", [("B2", 2), ("D4", 1)]), Order("cy", [("B2", 2)]), Order("dee", [("Z9", 1)]), Order("eve", [("A1", 6), ("D4", 1)]), Order("fay", [("C3", 900)])]
for o in orders:
    o.place(inv)
    print(f"order {o.id} {o.customer:4} {o.status:60} {money(o.total)}")
print("revenue", money(sum(o.total for o in orders)))
print("low stock:", [p.sku for p in inv.low_stock(1)])
for p in inv.products.values():
    print(p)
try:
    inv["B2"].price = -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    inv["nope"]
except KeyError as e:
    print(type(e).__name__, e, isinstance(e, UnknownProduct))
by_customer = {}
for o in orders:
    by_customer.setdefault(o.status.split()[0], []).append(o.customer)
print(by_customer)
