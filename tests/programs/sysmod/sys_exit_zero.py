# sys.exit() with no argument exits with status 0 after finally blocks run.
import sys
try:
    print("before exit")
    sys.exit()
finally:
    print("finally runs on SystemExit")
print("never printed")
