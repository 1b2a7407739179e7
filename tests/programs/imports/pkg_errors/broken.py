print("broken: before error")
value = 1
raise RuntimeError("module body failed")
