#!/bin/sh
# actions.sh BIN CACHE - what each key costs at demo, province and ten
# provinces' scale: CPU microseconds per action (medians), as routemap
# itself measures them with ROUTEMAP_COST_LOG (the key's handling and the
# drawing after it; a pause in typing for the save at rest), driven in
# tmux at 80x24.  Prints one table: each action at the three scales, the
# ratio of ten provinces to the demo, and a mark where the ratio is over
# 1.5 or the cost over 5 ms; then peak memory per scale.
#
# The province (bench/gen.sh 1000: 250,000 entries, 10,000 AARs) and the
# ten provinces (gen.sh 10000) are imported once into CACHE and reused
# while bench/gen.sh and the schema are unchanged (SCALES="demo province"
# skips the largest).  Timings live here, never in a test.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CACHE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SCALES=${SCALES:-demo province 10x}
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-actions.XXXXXX")
TM="tmux -L rmact$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null || true; rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
export LC_ALL=C.UTF-8
unset CI
mkdir -p "$CACHE"

. "$HERE/scale.sh"

# start DB [INI]: routemap on DB (as the office of INI) in a fresh tmux
# session, its costs in $T/cost.
start() {
	: >"$T/cost"
	$TM kill-server 2>/dev/null || true
	$TM new-session -d -s b -x 80 -y 24 \
		"ROUTEMAP_COST_LOG='$T/cost' TERM=tmux-256color /usr/bin/time -f %M -o '$T/rss' '$BIN' ${2:+-c '$2'} -d '$1'"
	keys=0
	wait_keys 0
}

# wait_keys N: until the cost log holds N key lines (each key writes one
# when it has been handled and drawn).
wait_keys() {
	i=0
	while [ "$(grep -c '^key ' "$T/cost" 2>/dev/null || true)" -lt "$1" ]; do
		i=$((i + 1))
		if [ $i -gt 600 ]; then
			echo "bench: no answer to key $1; the screen:" >&2
			$TM capture-pane -p -t b >&2 || true
			exit 1
		fi
		sleep 0.02
	done
	# the first screen: drawn once the log exists and a moment passed
	[ "$1" -gt 0 ] || sleep 0.5
}

# key LABEL KEY: send KEY, wait for it, record its cost under LABEL
# (LABEL "-" records nothing).
key() {
	$TM send-keys -t b "$2"
	keys=$((keys + 1))
	wait_keys $keys
	if [ "$1" != "-" ]; then
		us=$(grep '^key ' "$T/cost" | sed -n "${keys}p" | awk '{print $NF}')
		echo "$SCALE|$1|$us" >>"$T/results"
	fi
}

# text LABEL STRING: type STRING a character at a time.
text() {
	# one code point a line (GNU sed knows UTF-8; mawk would cut bytes)
	printf '%s\n' "$2" | LC_ALL=C.UTF-8 sed 's/./&\n/g' | sed '/^$/d' >"$T/chars"
	while IFS= read -r ch; do
		key "$1" "$ch"
	done <"$T/chars"
}

# rest LABEL: a pause in typing; the costliest tick of it is the save.
rest() {
	lines=$(wc -l <"$T/cost")
	sleep 2
	us=$(tail -n +$((lines + 1)) "$T/cost" | awk '$1 == "tick" && $2 > m { m = $2 } END { print m + 0 }')
	echo "$SCALE|$1|$us" >>"$T/results"
}

stop() {
	$TM send-keys -t b Q
	sleep 0.3
	$TM kill-server 2>/dev/null || true
	echo "$SCALE|peak RSS (KiB)|$(cat "$T/rss" 2>/dev/null || echo 0)" >>"$T/results"
}

# office_ini SCALE: the INI of the province of SCALE's data (the demo's
# KKN-PHO, gen.sh's PHO), for the fund's screen: the requests of the units
# under it.
office_ini() {
	if [ "$1" = demo ]; then
		printf '[office]\ncode = KKN-PHO\nname = สสจ.ขอนแก่น\nlevel = province\nparent = ODPC6\n'
	else
		printf '[office]\ncode = PHO\nname = สสจ.ทดสอบ\nlevel = province\n'
	fi >"$T/$1.ini"
	echo "$T/$1.ini"
}

# One scale: every action a few times over.
measure() {
	db=$1
	# the Reports (R), the fund's screen as the province, and a report
	# across units on screen, in three fresh runs
	for run in 1 2 3; do
		start "$db" "$(office_ini "$SCALE")"
		key "open the Reports (R)" R
		key "open the fund's screen (Enter)" Enter
		key "fund's screen: move" Down
		key "fund's screen: a cell's requests" Enter
		key - q
		key - q
		key - Down
		key "open the coverage report (Enter)" Enter
		stop
	done
	# the first switch to the checklists section, in three fresh runs
	for run in 1 2 3; do
		start "$db"
		key "first switch to checklists (C)" C
		stop
	done
	start "$db"
	for i in 1 2 3 4 5; do key "plan list: move" Down; done
	for i in 1 2 3; do
		key "open a route map (Enter)" Enter
		key "route map: move between boxes" Right
		key "route map: move between boxes" Left
		key - q
	done
	key - C
	for i in 1 2 3 4 5; do key "checklist list: move" Down; done
	for i in 1 2 3; do key "h history of an assessment" h; key - q; done
	for i in 1 2 3; do key "open a checklist (Enter)" Enter; key - q; done
	key - Enter
	for i in 1 2 3; do
		key "checklist: move" Down
		key "status key" 1
		key "u undo of a status change" u
		key "status key" 2
		key "u undo of a status change" u
	done
	key - Enter
	key - Down
	key - Enter
	key - End
	for i in 1 2 3; do
		text "typing a character" " ทดสอบ"
		rest "a note saved at rest"
	done
	key - Escape
	key - q
	key - q
	key - A
	for i in 1 2 3 4 5; do key "AAR list: move" Down; done
	# the prompt reads its own keys: / is one key, done when the search is
	for q in ตำ ครูพี่; do
		n=$(printf '%s\n' "$q" | LC_ALL=C.UTF-8 sed 's/./&\n/g' | sed '/^$/d' | wc -l)
		for i in 1 2 3; do
			$TM send-keys -t b / "$q" Enter
			keys=$((keys + 1))
			wait_keys $keys
			us=$(grep '^key ' "$T/cost" | sed -n "${keys}p" | awk '{print $NF}')
			echo "$SCALE|search of $n code points|$us" >>"$T/results"
			key - q
		done
	done
	stop
}

for SCALE in $SCALES; do
	measure "$(database "$SCALE")"
done

# the table: medians per action and scale, in milliseconds
awk -F'|' -v scales="$SCALES" '
function median(s, a, n, i, j, t) {
	n = split(s, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return n ? a[int((n + 1) / 2)] : ""
}
{
	if (!($2 in seen)) { seen[$2] = 1; order[++na] = $2 }
	v[$2, $1] = v[$2, $1] " " $3
}
END {
	ns = split(scales, sc, " ")
	printf "%-34s", "CPU ms per action (median)"
	for (s = 1; s <= ns; s++) printf " %9s", sc[s]
	# the ratio of the largest scale to the smallest, and to the one
	# before it (a list of the three rows of the demo draws less than a full
	# screen: that part of a ratio is the screen, not the data)
	printf "  %6s %6s\n", "ratio", "to prev"
	for (i = 1; i <= na; i++) {
		a = order[i]
		if (a ~ /RSS/) continue
		printf "%-34s", a
		first = ""; last = ""; prev = ""
		for (s = 1; s <= ns; s++) {
			m = median(v[a, sc[s]])
			if (m == "") { printf " %9s", "-"; continue }
			printf " %9.2f", m / 1000
			if (first == "") first = m
			prev = last
			last = m
		}
		mark = ""
		ratio = (first > 0) ? last / first : 0
		ratio2 = (prev > 0) ? last / prev : 1
		if (ratio > 1.5) mark = " ! ratio"
		if (last / 1000 > 5) mark = mark " ! over 5 ms"
		printf "  %6.1f %6.1f%s\n", ratio, ratio2, mark
	}
	printf "%-34s", "peak RSS of the screens (MiB)"
	for (s = 1; s <= ns; s++) {
		split(v["peak RSS (KiB)", sc[s]], r, " ")
		m = 0
		for (k in r) if (r[k] + 0 > m) m = r[k] + 0
		printf " %9.1f", m / 1024
	}
	printf "\n"
}' "$T/results"
