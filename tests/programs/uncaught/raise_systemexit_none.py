# raise SystemExit(None) and SystemExit(True) statuses: True means 1.
print("raising SystemExit(True)")
raise SystemExit(True)
