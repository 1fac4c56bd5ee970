#!/bin/sh
# run-unit.sh BIN... - run each cmocka test binary (under $VALGRIND if set),
# as many at once as the machine has processors (UNIT_JOBS to say), each
# one's output shown whole in the order given, and finish with one
# "N passed, N failed" line.
jobs=${UNIT_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
out=$(mktemp -d "${TMPDIR:-/tmp}/routemap-unit-run.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
i=0
for t in "$@"; do
	i=$((i + 1))
	printf '%s %s\n' "$i" "$t"
done | xargs -P "$jobs" -L 1 sh -c \
	'${VALGRIND:-} "$2" >"$0/$1.log" 2>&1; echo $? >"$0/$1.rc"' "$out"
pass=0; fail=0; i=0
for t in "$@"; do
	i=$((i + 1))
	cat "$out/$i.log"
	if [ "$(cat "$out/$i.rc" 2>/dev/null)" = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAILED: $t"
	fi
done
echo "unit test programs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
