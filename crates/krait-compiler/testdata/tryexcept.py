try:
    risky()
except ValueError as e:
    handle(e)
finally:
    cleanup()
