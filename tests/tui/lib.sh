# lib.sh - drive the real binary in tmux: a private server, a fixed size,
# keys sent, and the screen polled until the expected text shows (never a
# fixed sleep).  Sourced by tests/tui/run.sh.

SOCK="routemap-e2e-$$"
TMUX_CMD="tmux -L $SOCK -f /dev/null"
# Generous under valgrind; a pass takes milliseconds.
WAIT_SECONDS=${WAIT_SECONDS:-10}
pass=0
fail=0
current=""

# start NAME COLS ROWS [ENV=VALUE...] -- ARGS...: the binary in a new
# session; the pane's shell reports the exit status and whether the
# terminal came back as it was.
start() {
	current=$1
	cols=$2
	rows=$3
	shift 3
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	shift
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	# An idle session keeps the server up: killing the only session makes
	# it exit, and the next new-session would race with that.
	$TMUX_CMD has-session -t keep 2>/dev/null ||
		$TMUX_CMD new-session -d -s keep "sleep 3600"
	$TMUX_CMD kill-session -t rm 2>/dev/null
	$TMUX_CMD new-session -d -s rm -x "$cols" -y "$rows" \
		"cd '$WORK' && s=\$(stty -g); env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color $envs ${VALGRIND:-} '$BIN' $args; st=\$?; [ \"\$(stty -g)\" = \"\$s\" ] && t=restored || t=changed; printf '\\r\\nEXIT=%s TTY=%s\\r\\n' \$st \$t; stty sane; sleep 600"
}

screen() {
	$TMUX_CMD capture-pane -p -t rm
}

# ok DESCRIPTION / bad DESCRIPTION: count a check.
ok() {
	pass=$((pass + 1))
}

bad() {
	fail=$((fail + 1))
	echo "FAIL [$current] $1"
	screen | sed 's/^/    | /'
}

# wait_for TEXT: poll the screen until TEXT shows.
wait_for() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if screen | grep -qF -- "$1"; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "waited for: $1"
	return 1
}

# wait_joined TEXT: poll until TEXT shows, perhaps wrapped over lines (a
# long file name in a two-line message).
wait_joined() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if screen | tr -d '\n' | grep -qF -- "$1"; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "waited for (over lines): $1"
	return 1
}

# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if ! screen | grep -qF -- "$1"; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "waited for this to go: $1"
	return 1
}

# wait_looks TEXT: poll the screen with its looks (capture-pane -e: each
# change of colour or attribute written as its SGR sequence, "\033[1;7m",
# before the cell it starts at) until TEXT shows, e.g. "46mP2": P2 on cyan.
wait_looks() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if $TMUX_CMD capture-pane -p -e -t rm | grep -qF -- "$1"; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "waited for the looks: $1"
	return 1
}

# wire_on: record what the program writes to the terminal from now on
# (tmux pipe-pane); wire_at_most BYTES WHAT: what it wrote since the last
# wire_on or wire_at_most, once quiet for a moment, is at most BYTES.
wire_on() {
	: >"$WORK/wire"
	$TMUX_CMD pipe-pane -o -t rm "cat >> '$WORK/wire'"
	wire_seen=$(wire_quiet)
}

wire_quiet() {
	was=-1
	now=$(wc -c <"$WORK/wire")
	while [ "$now" != "$was" ]; do
		was=$now
		sleep 0.3
		now=$(wc -c <"$WORK/wire")
	done
	echo "$now"
}

wire_at_most() {
	now=$(wire_quiet)
	if [ $((now - wire_seen)) -le "$1" ]; then
		ok
	else
		bad "$2: $((now - wire_seen)) bytes to the terminal, at most $1"
	fi
	wire_seen=$now
}

# absent TEXT: TEXT is not on the screen now.
absent() {
	if screen | grep -qF -- "$1"; then bad "should not show: $1"; else ok; fi
}

# keys KEY...: tmux key names (Enter, Down, C-c, q).
keys() {
	$TMUX_CMD send-keys -t rm "$@"
}

# type TEXT: literal UTF-8 text, one code point after another.
type_text() {
	$TMUX_CMD send-keys -t rm -l "$1"
}

resize() {
	$TMUX_CMD resize-window -t rm -x "$1" -y "$2"
}

# The pid of the program in the pane (the child of the pane's shell).
program_pid() {
	shell=$($TMUX_CMD list-panes -t rm -F '#{pane_pid}')
	pgrep -P "$shell" | head -n 1
}

# A second user's session, "b", beside "rm": start_b ARGS...; keys_b,
# type_b, screen_b and wait_b work on it as the plain ones do on "rm".
start_b() {
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	$TMUX_CMD kill-session -t b 2>/dev/null
	$TMUX_CMD new-session -d -s b -x 80 -y 24 \
		"cd '$WORK' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color ${VALGRIND:-} '$BIN' $args; printf '\\r\\nEXIT=%s\\r\\n' \$?; sleep 600"
}

screen_b() {
	$TMUX_CMD capture-pane -p -t b
}

keys_b() {
	$TMUX_CMD send-keys -t b "$@"
}

type_b() {
	$TMUX_CMD send-keys -t b -l "$1"
}

wait_b() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if screen_b | grep -qF -- "$1"; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "session b waited for: $1"
	screen_b | sed 's/^/  b | /'
	return 1
}

# hold_lock DB / release_lock: another process holds DB's write lock (an
# import, say) until released.
hold_lock() {
	rm -f "$WORK/hold"
	mkfifo "$WORK/hold"
	sqlite3 "$1" <"$WORK/hold" >/dev/null 2>&1 &
	holder=$!
	exec 8>"$WORK/hold"
	printf ".bail on\n.timeout 20000\nBEGIN IMMEDIATE;\nCREATE TABLE hold_lock(x);\n" >&8
	n=0
	while sqlite3 "$1" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 &&
		[ $n -lt 200 ]; do
		sleep 0.05
		n=$((n + 1))
	done
}

release_lock() {
	echo "ROLLBACK;" >&8
	exec 8>&-
	wait "$holder"
}

# ---- the route map (mapedit, authoring) -------------------------------------
MAP_ROWS='5,22p'      # the map's rows at 80x24, under the three lines above it
# on_map TEXT / off_map TEXT: TEXT on (not on) the map's rows.
on_map() {
	if screen | sed -n "$MAP_ROWS" | grep -qF -- "$1"; then ok; else bad "not on the map: $1"; fi
}
off_map() {
	if screen | sed -n "$MAP_ROWS" | grep -qF -- "$1"; then bad "on the map: $1"; else ok; fi
}

# band_has LABEL CODE: box CODE's top on the row of band LABEL.
band_has() {
	if screen | sed -n "$MAP_ROWS" | grep -qE -- "^$1 +┌─ $2 ─"; then ok
	else bad "$2 not in band $1"; fi
}

# arrow_count N: N arrow heads drawn on the map.
arrow_count() {
	n=$(screen | sed -n "$MAP_ROWS" | grep -o "▲" | wc -l)
	if [ "$n" -eq "$1" ]; then ok; else bad "$n arrow heads, $1 wanted"; fi
}

# row_order A B: on the map row holding box A's top, box B's top stands
# to its right.
row_order() {
	if screen | sed -n "$MAP_ROWS" | grep -q -- "─ $1 ─.*─ $2 ─"; then ok
	else bad "$1 not left of $2"; fi
}

# add_box CODE DOWNS TITLE: a (the band of the selected box preset),
# the code, the band DOWNS rows further down its list, the title; the
# box made at once in plan MAP_PLAN, back on the map.
add_box() {
	keys a
	wait_for "เป้าประสงค์ใหม่ ยังไม่ได้บันทึก"
	keys Enter
	type_text "$1"
	keys Tab                    # saved in the form; on to the band
	if [ "$2" -gt 0 ]; then
		keys Enter
		i=0
		while [ $i -lt "$2" ]; do
			keys Down
			i=$((i + 1))
		done
		keys Enter
	fi
	keys Down Enter
	type_text "$3"
	keys Enter
	wait_for "แผน $MAP_PLAN"    # made: the form of the made record
	keys q
	wait_for "┌─ $1 ─"
}

# this_fiscal_year: FY, today's fiscal year in the Buddhist Era (from 1
# October), and YY, its last two digits.
this_fiscal_year() {
	month=$(date +%m | sed 's/^0//')
	FY=$(($(date +%Y) + 543 + (month >= 10 ? 1 : 0)))
	YY=$((FY % 100))
}

finish() {
	$TMUX_CMD kill-server 2>/dev/null
	echo "${SUITE:-screen tests}: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
