# Float formatting: format(), f-strings, % with every presentation type.
vals = [0.0, 1.0, -1.5, 3.14159265, 123456.789, 1e-5, 1e20, 2.5, 0.000123456, 1e16, 12345678.9]
for v in vals:
    print(f"{v} {v:f} {v:.2f} {v:e} {v:.3e} {v:g} {v:.3g} {v:G} {v:%} {v:.1%}")
    print(f"[{v:12.3f}] [{v:<12.2f}] [{v:^12.1f}] [{v:>+12.4f}] [{v:012.3f}] [{v:,.2f}] [{v:_.1f}]")
    print("%f %.2f %e %.3E %g %G %10.3f|%-10.2f|%+.1f %08.2f" % (v, v, v, v, v, v, v, v, v, v))
    print(format(v), format(v, ""), format(v, "n"), f"{v:#g}", f"{v:.0f}", f"{v:#.0f}", f"{v:.0e}")
print(f"{1.5:=+10.2f}", f"{-1.5:=10.2f}", f"{1.5: .2f}", f"{-1.5: .2f}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {3.5:.0f} {-0.5:.0f}")
print(f"{123.456:.10g} {123.456:.2g} {0.0001:g} {0.00001:g} {1e15:g} {1e16:g} {1e-4:.2g}")
print(f"{1234567.0:,} {1234567.891:,.2f} {0.1:.20f}")
print("%s %r %a" % (0.1, 0.1, 0.1))
print(str(1e16), str(1.0e15), str(123.0), repr(1.0e-4))
print(f"{2.0:.{3}f}", f"{2.0:{'>'}{10}.{2}f}")
for spec in ["d", "x", "c", ",d"]:
    try:
        format(1.5, spec)
    except ValueError as e:
        print(type(e).__name__, e)
print(float.__format__(3.0, ".1f"), (3.0).__format__(""))
