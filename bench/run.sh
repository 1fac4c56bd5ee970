#!/bin/sh
# run.sh BIN [COMMIT [PLAIN]] - time the batch commands on a province's
# worth of data (bench/gen.sh) and report wall time and peak memory of
# each; COMMIT times a status change's commit, PLAIN the same rows as
# plain SQL INSERTs (the yardstick for import).
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
sh "$(dirname "$0")/gen.sh" "$T/data-in" "${UNITS:-1000}"
rows=$(cat "$T"/data-in/*.csv | wc -l)
echo "data: $rows CSV lines ($(du -sh "$T/data-in" | cut -f1))"
measure() {
	label=$1
	shift
	/usr/bin/time -f "%e s  %M KiB" -o "$T/time" "$BIN" -d "$T/p.db" "$@" >/dev/null || true
	printf '%-28s %s\n' "$label" "$(cat "$T/time")"
}
measure "import (all kinds)" import "$T/data-in"
echo "database: $(du -h "$T/p.db" | cut -f1)"
measure "list plans" list plans
measure "list assessments" list assessments
measure "show plan" show plan P-D001-2570
measure "show assessment" show assessment A00600-2570
measure "report coverage (one)" report coverage A00600-2570 --format csv
measure "search (a 15-code-point phrase)" search คัดกรองเด็กป่วย
measure "search (2 code points)" search ตำ
measure "export assessment_entries" export assessment_entries
measure "check" check
[ $# -ge 2 ] && "$2" "$T/p.db"
if [ $# -ge 3 ]; then
	/usr/bin/time -f "%U %S" -o "$T/itime" "$BIN" -d "$T/i.db" import "$T/data-in" >/dev/null
	plain=$("$3" "$T/p.db" "$T/plain.db" | cut -d' ' -f1)
	awk -v t="$(cat "$T/itime")" -v p="$plain" 'BEGIN { split(t, a, " "); i = a[1] + a[2];
		printf "import / plain SQL INSERTs:  %.2f s / %.2f s of CPU = %.2f (target 1.2)\n", i, p, i / p }'
fi
