#!/bin/sh
# Development aid: run programs with CPython, show line counts and any stderr.
for f in "$@"; do
  d=$(dirname "$f"); b=$(basename "$f")
  (cd "$d" && PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 timeout 60 python3 "$b" > /tmp/chk.out 2>/tmp/chk.err </dev/null); rc=$?
  echo "$f rc=$rc lines=$(wc -l < /tmp/chk.out)"
  [ -s /tmp/chk.err ] && tail -2 /tmp/chk.err | sed 's/^/    /'
done
