# units.sh - sourced by bench/exchange.sh: the units' bundles to the
# province, made once into CACHE.  Needs BIN, T, CACHE, HERE and JOBS.
# Each unit's database is its own: a copy of the province's starting
# database (the office tree, the norm set, the plans), the unit's rows
# imported into it by `routemap import`, a new random database id, and
# the unit's INI ([office] code), which its first bundle takes as its
# office.  Made again when gen.sh, this file, the schema, import or the
# code that writes bundles change.
# shellcheck shell=sh

# split DIR OUT: the units' own rows of gen.sh's DIR, one directory a unit
# in OUT (assessments, entries, requests, and its INI).  Projects do not
# cross offices yet, so the assessments name none.
split() {
	LC_ALL=C.UTF-8 awk -F, -v OFS=, -v out="$2" '
	function put(kind, unit, line, head,   f) {
		f = out "/" unit "/" kind ".csv"
		if (f != cur[kind]) {
			if (cur[kind] != "")
				close(cur[kind])
			cur[kind] = f
			print head > f
		}
		print line > f
	}
	FILENAME ~ /offices.csv$/ && $4 == "unit" {
		system("mkdir -p \"" out "/" $1 "\"")
		f = out "/" $1 "/office.ini"
		printf "[office]\ncode = %s\nname = %s\nshort_name = %s\nlevel = unit\nparent = %s\n",
			$1, $2, $3, $5 > f
		close(f)
		next
	}
	FNR == 1 { head = $0; next }
	FILENAME ~ /assessments.csv$/ {
		unit[$1] = $4
		$5 = ""
		put("assessments", unit[$1], $0, head)
	}
	FILENAME ~ /assessment_entries.csv$/ { put("assessment_entries", unit[$1], $0, head) }
	FILENAME ~ /support_requests.csv$/ { put("support_requests", unit[$1], $0, head) }
	' "$1/offices.csv" "$1/assessments.csv" "$1/assessment_entries.csv" \
		"$1/support_requests.csv"
}

# The script one unit's database and bundle are made by (run by xargs):
# unit.sh BIN BASE UNITDIR BUNDLES KEEP.
cat >"$T/unit.sh" <<'EOF'
set -eu
bin=$1 base=$2 dir=$3 out=$4 keep=$5
u=$(basename "$dir")
cp "$base" "$dir/unit.db"
"$bin" -d "$dir/unit.db" import "$dir" >/dev/null
sqlite3 "$dir/unit.db" "UPDATE exchange_self SET db_id = lower(hex(randomblob(16)))"
[ "$u" != "$keep" ] || cp "$dir/unit.db" "$out/../$u.db"
"$bin" -c "$dir/office.ini" -d "$dir/unit.db" bundle create --to PHO "$out/$u.bundle" >/dev/null
[ "$u" != "$keep" ] || cp "$dir/office.ini" "$out/../$u.ini"
rm -rf "$dir"
EOF

# bundles SCALE UNITS: the directory of SCALE's data in CACHE (made when
# missing): province.db (before any bundle), bundles/U*.bundle, and the
# first unit's database before its bundle (U00001.db, .ini).
bundles() {
	key=$(cat "$HERE/gen.sh" "$HERE/units.sh" "$HERE"/../tui/core/schema*.c \
		"$HERE"/../tui/core/exchange.c "$HERE"/../tui/core/exchange_[fkr]*.c \
		"$HERE"/../tui/core/transfer_import.c | cksum | cut -d' ' -f1)
	d=$CACHE/exchange-$1-$key
	if [ ! -f "$d/done" ]; then
		rm -rf "$CACHE/exchange-$1"-*
		echo "bench: making the units' bundles for $1 (once; kept in $CACHE)" >&2
		# the units' databases are thrown away: made in memory (tmpfs,
		# where fsync costs nothing) when there is one
		w=$(mktemp -d "${BENCH_SHM:-/dev/shm}/routemap-units.XXXXXX" 2>/dev/null ||
			mktemp -d "$T/units.XXXXXX")
		mkdir -p "$d" "$w/bundles" "$w/base" "$w/units"
		sh "$HERE/gen.sh" "$w/gen" "$2" 1
		for k in offices groups support_frames norm_sets norm_items plans objectives links; do
			cp "$w/gen/$k.csv" "$w/base/"
		done
		"$BIN" -d "$w/province.db" import "$w/base" >/dev/null
		split "$w/gen" "$w/units"
		find "$w/units" -mindepth 1 -maxdepth 1 -type d | sort |
			xargs -P "$JOBS" -I{} sh "$T/unit.sh" "$BIN" "$w/province.db" {} \
				"$w/bundles" U00001
		n=$(find "$w/bundles" -name '*.bundle' | wc -l)
		[ "$n" -eq "$2" ] || { echo "bench: $n bundles of $2" >&2; exit 1; }
		rm -rf "$d/bundles"
		cp -r "$w/bundles" "$w/province.db" "$w/U00001.db" "$w/U00001.ini" "$d/"
		rm -rf "$w"
		w=""
		: >"$d/done"
	fi
	echo "$d"
}
