# SystemExit raised deep in calls unwinds through finally blocks.
import sys
def inner():
    try:
        sys.exit(42)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    except Exception:
        print("Exception does not catch SystemExit")
    finally:
        print("outer finally")
outer()
print("never")
