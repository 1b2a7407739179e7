import decimal
from decimal import Decimal, getcontext, localcontext
from fractions import Fraction
import statistics

print(Decimal('1.1') + Decimal('2.2'))
print(repr(Decimal('1.1') + Decimal('2.2')))
print(Decimal(1) / Decimal(7))
getcontext().prec = 6
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(2).sqrt())
print(Decimal(2).sqrt())
print(Decimal('3.14159').quantize(Decimal('0.01')), Decimal('-0'), Decimal('1e10').normalize())
print(Fraction(1, 3) + Fraction(1, 6))
print(repr(Fraction(1, 3) + Fraction(1, 6)), Fraction('3/4') * 2, Fraction(0.5), Fraction(1, 3) ** 2)
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.mode([1, 1, 2]))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
