#!/bin/sh
# run-unit.sh BIN... - run each cmocka test binary (under $VALGRIND if set)
# and finish with one "N passed, N failed" line.
pass=0; fail=0
for t in "$@"; do
	if ${VALGRIND:-} "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t"; fi
done
echo "unit test programs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
