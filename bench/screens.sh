#!/bin/sh
# screens.sh BIN - what the screens cost: bytes sent to the terminal per
# keystroke at 80x24 (tmux pipe-pane records the program's output), and the
# time from start to the first screen (and out again) with the demo office
# and with a province's worth of data.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-bench.XXXXXX")
TM="tmux -L rmbench$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null || true; rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
"$BIN" --demo -d "$T/demo.db" init >/dev/null

wait_for() {
	i=0
	until $TM capture-pane -p -t b | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -lt 200 ] || { echo "timeout waiting for $1"; exit 1; }
		sleep 0.05
	done
}

# bytes LABEL KEY WAITTEXT: the bytes the program wrote for one key.
bytes() {
	before=$(wc -c <"$T/wire")
	$TM send-keys -t b "$2"
	wait_for "$3"
	sleep 0.2
	after=$(wc -c <"$T/wire")
	printf '%-34s %6d bytes\n' "$1" $((after - before))
}

$TM new-session -d -s b -x 80 -y 24 "TERM=tmux-256color '$BIN' --demo -d '$T/demo.db'; sleep 60"
wait_for "KKN-CDC-2568"
: >"$T/wire"
$TM pipe-pane -o -t b "cat >> '$T/wire'"
sleep 0.2
bytes "plan list: Down" Down "แผนที่ตอบสนอง" 
bytes "plan list: Up" Up "แผนที่ตอบสนอง"
bytes "open the route map (Enter)" Enter "┌─ P1"
bytes "map: Right (next box)" Right "P2  "
bytes "map: Down (box below)" Down "S3  "
bytes "map: Left" Left "S2  "
bytes "open an objective (Enter)" Enter "SLM"
bytes "back (q)" q "┌─ P1"
keys_wait() { $TM send-keys -t b "$1"; wait_for "$2"; }
keys_wait q "แผนที่ตอบสนอง"
keys_wait C "A-NKG-53"
keys_wait Enter "[✓] SM1"
sleep 0.2
bytes "checklist: Down" Down "[✗] SM2"
bytes "checklist: status key 1 (SM2)" 1 "[✓] SM2"
bytes "checklist: status key 2 (SM3)" 2 "[~] SM3"
bytes "checklist: status key 3 (CP1)" 3 "[✗] CP1"
$TM kill-server

# startup DB: microseconds from start to the first screen and out again
# (Q is waiting on the terminal), the best of ten runs.
startup() {
	best=""
	i=0
	while [ $i -lt 10 ]; do
		printf 'Q' | script -qfec "s=\$(date +%s%N); TERM=tmux-256color '$BIN' -d '$1'; e=\$(date +%s%N); echo \$(( (e - s) / 1000 )) > '$T/us'" /dev/null >/dev/null
		us=$(cat "$T/us")
		if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
		i=$((i + 1))
	done
	echo "$((best / 1000)).$(( (best % 1000) / 100 ))"
}
echo "start to first screen and out, demo office:    $(startup "$T/demo.db") ms"
sh "$(dirname "$0")/gen.sh" "$T/prov" "${UNITS:-1200}"
"$BIN" -d "$T/prov.db" import "$T/prov" >/dev/null
echo "start to first screen and out, province data:  $(startup "$T/prov.db") ms"

# The yardstick: the sqlite3 shell running the plan list's query (in its
# own order: it has no Thai collation) and exiting, best of ten, and its
# peak memory.
if command -v sqlite3 >/dev/null 2>&1; then
	q="SELECT p.code, coalesce(o.short_name, o.name), p.fy_from, p.fy_to, p.title, s.code,
	   (SELECT group_concat(code, ', ') FROM (SELECT c.code FROM plan c WHERE c.serves_id = p.id
	    ORDER BY c.code)) FROM plan p JOIN office o ON o.id = p.office_id
	   LEFT JOIN plan s ON s.id = p.serves_id ORDER BY p.title, p.code"
	for db in demo prov; do
		best=""
		i=0
		while [ $i -lt 10 ]; do
			s0=$(date +%s%N)
			sqlite3 -readonly "$T/$db.db" "$q" >/dev/null
			us=$((($(date +%s%N) - s0) / 1000))
			if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
			i=$((i + 1))
		done
		/usr/bin/time -f %M -o "$T/sqrss" sqlite3 -readonly "$T/$db.db" "$q" >/dev/null
		echo "sqlite3, the same first query, $db:  $((best / 1000)).$(( (best % 1000) / 100 )) ms, $(cat "$T/sqrss") KiB"
	done
else
	echo "sqlite3: not installed (apt-get install sqlite3) - no yardstick for start-up"
fi
