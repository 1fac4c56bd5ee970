#!/bin/sh
# concurrent.sh BIN WRITERS FILES READERS UNITS - several people at once on
# one database: one writer imports a province's data (bench/gen.sh with
# UNITS units: it holds the write lock for a while), WRITERS processes each
# import FILES AAR records one by one (waiting for the lock), READERS
# processes list, search, report, export, check and back up the whole time.
# Every reader must succeed every time (readers never wait, never fail),
# every import must go in, and at the end the database holds exactly what
# went in.
set -u
BIN=$1
WRITERS=${2:-3}
FILES=${3:-5}
READERS=${4:-3}
UNITS=${5:-50}
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-conc.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export LC_ALL=C.UTF-8
mkdir -p "$HOME" "$T/in" "$T/out"
DB="$T/office.db"
"$BIN" -d "$DB" init >/dev/null || exit 1
sh "$(dirname "$0")/../../bench/gen.sh" "$T/province" "$UNITS"
printf 'code,template,date,title,subject_kind,subject,facilitator,participants,tags\nAAR-0,aar4,2569-01-01,ถอดบทเรียนก่อนเริ่ม,event,,,,\n' >"$T/first.csv"
"$BIN" -d "$DB" import aars "$T/first.csv" >/dev/null || exit 1
before=$("$BIN" -d "$DB" export aars | wc -l)
province_aars=$(($(wc -l <"$T/province/aars.csv") - 1))

# one AAR file per import, each with Thai text and two sections
w=1
while [ $w -le "$WRITERS" ]; do
	f=1
	while [ $f -le "$FILES" ]; do
		printf 'code,template,date,title,subject_kind,subject,facilitator,participants,tags\n' \
			>"$T/in/aar-$w-$f.csv"
		printf 'AAR-W%s-%s,aar4,2569-01-%02d,ถอดบทเรียนผู้เขียน %s ครั้งที่ %s,event,,,,\n' \
			"$w" "$f" $((f % 28 + 1)) "$w" "$f" >>"$T/in/aar-$w-$f.csv"
		f=$((f + 1))
	done
	w=$((w + 1))
done

# Readers wait at most one second for a lock ([database] wait = 1): one
# that had to wait for the province import would fail.
W1=$(cd "$(dirname "$0")/../data/ini" && pwd)/wait1.ini
reader() {   # reader N: loops until the writers are done
	n=0
	while [ ! -e "$T/done" ]; do
		for cmd in "list aars" "list plans" "list assessments" "search ถอดบทเรียน" \
		    "report coverage" "export aars --format txt" "check"; do
			# shellcheck disable=SC2086
			if ! "$BIN" -c "$W1" -d "$DB" $cmd >/dev/null 2>"$T/out/r$1.err"; then
				echo "reader $1: '$cmd' failed: $(cat "$T/out/r$1.err")" >>"$T/out/failures"
			fi
		done
		if ! "$BIN" -c "$W1" -d "$DB" backup "$T/out/b$1-$n.db" >/dev/null 2>"$T/out/r$1.err"; then
			echo "reader $1: backup failed: $(cat "$T/out/r$1.err")" >>"$T/out/failures"
		fi
		rm -f "$T/out/b$1-$n.db"
		n=$((n + 1))
	done
}

writer() {   # writer N: its FILES imports, one after the other
	f=1
	while [ $f -le "$FILES" ]; do
		if ! "$BIN" -d "$DB" import aars "$T/in/aar-$1-$f.csv" >/dev/null 2>"$T/out/w$1.err"; then
			echo "writer $1: import $f failed: $(cat "$T/out/w$1.err")" >>"$T/out/failures"
		fi
		f=$((f + 1))
	done
}

r=1
while [ $r -le "$READERS" ]; do
	reader $r &
	r=$((r + 1))
done
"$BIN" -d "$DB" import "$T/province" >/dev/null 2>"$T/out/big.err" ||
	echo "the province import failed: $(cat "$T/out/big.err")" >>"$T/out/failures" &
pids="$!"
w=1
while [ $w -le "$WRITERS" ]; do
	writer $w &
	pids="$pids $!"
	w=$((w + 1))
done
# shellcheck disable=SC2086
wait $pids
touch "$T/done"
wait

fail=0
if [ -s "$T/out/failures" ]; then
	head -n 20 "$T/out/failures"
	fail=1
fi
after=$("$BIN" -d "$DB" export aars | wc -l)
if [ "$after" -ne $((before + WRITERS * FILES + province_aars)) ]; then
	echo "FAIL concurrent: $((after - before)) AARs went in, expected $((WRITERS * FILES + province_aars))"
	fail=1
fi
if ! "$BIN" -d "$DB" check >/dev/null; then
	echo "FAIL concurrent: check finds a problem"
	fail=1
fi
echo "concurrency: a province of $UNITS units and $WRITERS writers x $FILES imports, $READERS readers: $([ $fail -eq 0 ] && echo passed || echo FAILED)"
exit $fail
