#!/bin/sh
# run.sh BIN - end-to-end tests of the screens: the real binary in tmux on
# the demo office, driven by keys, read back from the screen.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/routemap-tui.XXXXXX")
. "$(dirname "$0")/lib.sh"
trap '$TMUX_CMD kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
unset ROUTEMAP_CONFIG NO_COLOR
DB="$WORK/demo.db"
"$BIN" --demo -d "$DB" init >/dev/null || { echo "cannot make the demo database"; exit 1; }

# The groups, each tests/tui/NAME.sh, on a demo database of its own.
GROUPS="basics map checklist aar faults cuts links norms indicators mapedit authoring lessons requests fund reports levels conflicts"

# TUI_ONLY=NAME: only the tests of tests/tui/NAME.sh,
# e.g. TUI_ONLY=map sh tests/tui/run.sh build/routemap
if [ -n "${TUI_ONLY:-}" ]; then
	. "$(dirname "$0")/$TUI_ONLY.sh"
	finish
	exit
fi

# Every group at once, TUI_JOBS (3) at a time, each in its own process,
# tmux server and directory: the checks wait on screens far more than they
# use the processors, so the suite takes the time of its longest groups.
# Each group's output is shown whole, in order, then the sum.
LOGS="$WORK/logs"
mkdir -p "$LOGS"
printf '%s\n' $GROUPS | xargs -P "${TUI_JOBS:-3}" -I{} \
	sh -c 'TUI_ONLY=$1 sh "$0" "$2" >"$3/$1.log" 2>&1; echo $? >"$3/$1.rc"' \
	"$0" {} "$BIN" "$LOGS"
pass=0
fail=0
for g in $GROUPS; do
	grep -v "^screen tests: " "$LOGS/$g.log"
	n=$(sed -n 's/^screen tests: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$LOGS/$g.log")
	if [ -z "$n" ]; then
		echo "FAIL [$g] the group did not finish"
		fail=$((fail + 1))
		continue
	fi
	pass=$((pass + ${n% *}))
	fail=$((fail + ${n#* }))
	if [ "$(cat "$LOGS/$g.rc")" != 0 ] && [ "${n#* }" = 0 ]; then
		echo "FAIL [$g] the group ended with status $(cat "$LOGS/$g.rc")"
		fail=$((fail + 1))
	fi
done
echo "screen tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
