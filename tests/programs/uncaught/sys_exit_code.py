# sys.exit(n) sets the exit status.
import sys
print("exiting with 3")
sys.exit(3)
