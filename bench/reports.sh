#!/bin/sh
# reports.sh BIN CACHE - the reports across units at demo, province and
# ten provinces' scale (the databases of bench/scale.sh, kept in CACHE):
# wall time and peak memory of each `routemap report`, best of three, the
# latest version of the generated norm set (the demo's CDC-NORM:2), and
# the workbook of the largest.  The issue's mark: each under 1 s at the
# province's scale.  Timings live here, never in a test.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CACHE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SCALES=${SCALES:-demo province 10x}
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-reports.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
mkdir -p "$CACHE"
. "$HERE/scale.sh"

# best DB ARGS...: the best wall time of three runs of `report ARGS` on DB,
# and the peak memory of that run, as "0.123 s  4567 KiB".
best() {
	db=$1
	shift
	b=""
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$T/time" "$BIN" -d "$db" report "$@" >/dev/null
		read -r s kib <"$T/time"
		if [ -z "$b" ] || awk -v a="$s" -v b="$b" 'BEGIN { exit !(a < b) }'; then
			b=$s
			m=$kib
		fi
	done
	printf '%6.2f s %7d KiB' "$b" "$m"
}

printf '%-34s' "report"
for s in $SCALES; do printf '  %-20s' "$s"; done
echo
dbs=""
for s in $SCALES; do dbs="$dbs $(database "$s")"; done
for r in "coverage" "items" "support" "followups" "indicators" "success" "coverage (all versions)" \
	 "items as xlsx"; do
	printf '%-34s' "$r"
	for db in $dbs; do
		case $db in
		*demo.db) set_v=CDC-NORM:2 ;;
		*) set_v=N-CDC:5 ;;
		esac
		case $r in
		"coverage (all versions)") args="coverage --format csv" ;;
		"items as xlsx") args="items --set $set_v --format xlsx --output $T/items.xlsx" ;;
		followups | indicators) args="$r --format csv" ;;
		*) args="$r --set $set_v --format csv" ;;
		esac
		# shellcheck disable=SC2086
		printf '  %s' "$(best "$db" $args)"
	done
	echo
done
