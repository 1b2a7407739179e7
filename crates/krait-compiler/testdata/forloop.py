for i in range(3):
    if i:
        break
else:
    done()
