#!/bin/sh
# exchange.sh BIN CACHE - the exchange at the province: UNITS units (1,000
# for a province, 2 for the demo's size) each send one assessment of 50
# items (bench/gen.sh, one fiscal year: Thai notes, and support requests
# on one entry in five) by `routemap bundle create --to PHO`, and the
# province applies them all:
#   - wall time, CPU time and peak memory of applying every bundle, in
#     one `bundle apply` of all the files and in one process per file
#     (the issue's mark: under 30 s for a province; other work on the
#     machine shows in the wall time only);
#   - then the reports across units at the province, best of three (the
#     mark: each under 1 s);
#   - the bundles' size and the province's database after;
#   - one unit's bundle to the province, and the province's to one unit
#     (its offices, the norm set of 50 items), best of three.
# The units' databases and bundles are made once into CACHE
# (bench/units.sh says how).
# Timings live here, never in a test.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CACHE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SCALES=${SCALES:-demo province}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-exchange.XXXXXX")
w=""
trap 'rm -rf "$T" ${w:+"$w"}' EXIT
trap 'exit 1' INT TERM
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
mkdir -p "$CACHE"
command -v sqlite3 >/dev/null || { echo "bench: exchange.sh needs sqlite3" >&2; exit 1; }
printf '[office]\ncode = PHO\nname = สสจ.ทดสอบ\nlevel = province\n' >"$T/PHO.ini"

. "$HERE/units.sh"

# run LABEL CMD...: run CMD (it must succeed); "wall cpu kib" of it in
# $T/time.
run() {
	label=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$T/time.raw" "$@" >"$T/out" 2>&1 ||
		{ echo "bench: $label failed:" >&2; tail -5 "$T/out" >&2; exit 1; }
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$T/time.raw" >"$T/time"
}

# timed LABEL CMD...: CMD's wall time, CPU time and peak memory as
# "SCALE|LABEL|1.23|1.01|4567" into $T/results.
timed() {
	run "$@"
	read -r s c kib <"$T/time"
	echo "$SCALE|$1|$s|$c|$kib" >>"$T/results"
}

# best LABEL SETUP CMD...: the best wall time of three runs of CMD, each
# after the shell command SETUP (a fresh copy to work on), with that
# run's CPU time and memory.
best() {
	label=$1 setup=$2
	shift 2
	b=""
	for _ in 1 2 3; do
		sh -c "$setup"
		run "$label" "$@"
		read -r s c kib <"$T/time"
		if [ -z "$b" ] || awk -v a="$s" -v b="$b" 'BEGIN { exit !(a < b) }'; then
			b=$s bc=$c m=$kib
		fi
	done
	echo "$SCALE|$label|$b|$bc|$m" >>"$T/results"
}

# note LABEL VALUE: a figure that is not a time.
note() { echo "$SCALE|$1|$2||" >>"$T/results"; }

count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }

measure() {
	d=$1 units=$2
	cp "$d/province.db" "$T/one.db"
	timed "apply all: one process" "$BIN" -c "$T/PHO.ini" -d "$T/one.db" bundle apply "$d"/bundles/*.bundle
	cp "$d/province.db" "$T/each.db"
	# shellcheck disable=SC2016
	timed "apply all: a process each" sh -c 'db=$1 ini=$2 bin=$3; shift 3
		for f; do "$bin" -c "$ini" -d "$db" bundle apply "$f" >/dev/null || exit 1; done' \
		sh "$T/each.db" "$T/PHO.ini" "$BIN" "$d"/bundles/*.bundle
	# what the province holds: every unit's assessment, answers, requests
	held=""
	for db in one each; do
		got="$(count "$T/$db.db" assessment)/$(count "$T/$db.db" assessment_entry)"
		got="$got/$(count "$T/$db.db" support_request)"
		[ -z "$held" ] || [ "$got" = "$held" ] ||
			{ echo "bench: applied one way $held, the other $got" >&2; exit 1; }
		held=$got
	done
	note "held: assessments/answers/requests" "$held"
	[ "${held%%/*}" -eq "$units" ] ||
		{ echo "bench: the province holds $held from $units units" >&2; exit 1; }
	for r in coverage items support; do
		best "report $r" : "$BIN" -d "$T/one.db" report $r --set N-CDC:1 --format csv
	done
	note "bundles in all (KiB)" "$(du -ck "$d"/bundles/*.bundle | tail -1 | cut -f1)"
	note "one unit's bundle (bytes)" "$(wc -c <"$d/bundles/U00001.bundle")"
	sqlite3 "$T/one.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	note "province database before (KiB)" "$(du -k "$d/province.db" | cut -f1)"
	note "province database after (KiB)" "$(du -k "$T/one.db" | cut -f1)"
	best "a unit's bundle up" "rm -f '$T/up.bundle'; cp '$d/U00001.db' '$T/u.db'" \
		"$BIN" -c "$d/U00001.ini" -d "$T/u.db" bundle create --to PHO "$T/up.bundle"
	best "the province's bundle down" "rm -f '$T/down.bundle'; cp '$T/one.db' '$T/p.db'" \
		"$BIN" -c "$T/PHO.ini" -d "$T/p.db" bundle create --to U00001 "$T/down.bundle"
	note "the bundle down (bytes)" "$(wc -c <"$T/down.bundle")"
}

for SCALE in $SCALES; do
	case $SCALE in
	demo) n=2 ;;
	province) n=1000 ;;
	*) n=$SCALE ;;
	esac
	measure "$(bundles "$SCALE" "$n")" "$n"
done

# the table: each figure at each scale, a mark where the issue's bar is
# missed at the largest
awk -F'|' -v scales="$SCALES" '
{
	if (!($2 in seen)) { seen[$2] = 1; order[++na] = $2 }
	v[$2, $1] = $3
	c[$2, $1] = $4
	m[$2, $1] = $5
}
END {
	ns = split(scales, sc, " ")
	printf "%-42s", "exchange at the province"
	for (s = 1; s <= ns; s++) printf "  %-30s", sc[s] " (wall, CPU, memory)"
	printf "\n"
	for (i = 1; i <= na; i++) {
		a = order[i]
		printf "%-42s", a
		mark = ""
		for (s = 1; s <= ns; s++) {
			if (m[a, sc[s]] == "")
				printf "  %-30s", v[a, sc[s]]
			else
				printf "  %6.2f s %6.2f s %7d KiB", v[a, sc[s]], c[a, sc[s]], m[a, sc[s]]
		}
		last = v[a, sc[ns]] + 0
		if (a ~ /^apply all/ && last > 30) mark = "  ! over 30 s"
		if (a ~ /^report/ && last > 1) mark = "  ! over 1 s"
		printf "%s\n", mark
	}
}' "$T/results"
# other work on the machine shows in the wall times, not in CPU
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
