#!/bin/sh
# kill9.sh BIN [ROUNDS] - the screens killed with SIGKILL at random moments,
# ROUNDS times: after a status key, a Thai note or AAR text has been
# acknowledged ("saved" shown, or the new mark drawn), sometimes while
# more is being typed.  After every kill, every acknowledged edit must be
# in the database and the database must be sound.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROUNDS=${2:-6}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/routemap-kill9.XXXXXX")
SUITE="kill -9 over the screens"
. "$(dirname "$0")/../tui/lib.sh"
trap '$TMUX_CMD kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
unset ROUTEMAP_CONFIG NO_COLOR
DB="$WORK/kill9.db"
"$BIN" --demo -d "$DB" init >/dev/null || exit 1
ITEMS="SM1 SM2 SM3 CP1 CP2 CP3 CM1 CM2 CM3 SV1 SV2 SV3 LE1 LE2 CO1 CO2 SU1"
: >"$WORK/acked"          # lines: status ITEM VALUE | note ITEM TEXT | aar TEXT

entry() {   # entry ITEM: A-BNG-69's stored line for ITEM
	"$BIN" -d "$DB" export assessment_entries | grep "^A-BNG-69,$1,"
}
nth() {     # nth N WORDS...: the Nth word (from 0)
	_n=$1
	shift
	shift "$_n"
	echo "$1"
}
mark_of() {
	case $1 in met) echo "[✓]" ;; partial) echo "[~]" ;; not_met) echo "[✗]" ;; na) echo "[-]" ;; esac
}
seed=2569
random() {  # random N: 0..N-1 into $r, the same sequence every run (not
	    # in a subshell: the seed must move on)
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	r=$((seed / 65536 % $1))
}
downs() {   # downs N: N times Down, one key at a time
	_d=0
	while [ "$_d" -lt "$1" ]; do keys Down; _d=$((_d + 1)); done
}
verify() {  # every acknowledged edit is there
	while read -r kind a b; do
		case $kind in
		status)
			if entry "$a" | cut -d, -f3 | grep -qx "$b"; then ok; else bad "status of $a is not the acknowledged $b"; fi ;;
		note)
			if entry "$a" | grep -qF "$b"; then ok; else bad "the note of $a lost \"$b\""; fi ;;
		aar)
			if "$BIN" -d "$DB" export aar_sections | grep -qF "$a"; then ok; else bad "AAR text lost \"$a\""; fi ;;
		esac
	done <"$WORK/acked"
	if "$BIN" -d "$DB" check >/dev/null; then ok; else bad "check finds a problem after kill -9"; fi
}

round=1
while [ $round -le "$ROUNDS" ]; do
	start "kill9-$round" 80 24 -- -d "$DB"
	wait_for "KKN-CDC-2568"
	typing=1
	random 17
	i=$r
	item=$(nth "$i" $ITEMS)
	random 3
	case $r in
	0)      # a status key, different from what is stored
		was=$(entry "$item" | cut -d, -f3)
		random 4
		k=$r
		new=$(nth "$k" met partial not_met na)
		[ "$new" = "$was" ] && { k=$(((k + 1) % 4)); new=$(nth "$k" met partial not_met na); }
		keys C
		wait_for "A-BNG-69"
		keys Enter
		wait_for "] SM1"
		keys Home
		downs "$i"
		keys $((k + 1))
		if wait_for "$(mark_of "$new") $item"; then
			# the latest acknowledged status of an item is what must hold
			grep -v "^status $item " "$WORK/acked" >"$WORK/acked.new"
			echo "status $item $new" >>"$WORK/acked.new"
			mv "$WORK/acked.new" "$WORK/acked"
		fi
		typing=0   # (letters here would be commands, not text)
		;;
	1)      # a Thai note, typed and saved at rest
		keys C
		wait_for "A-BNG-69"
		keys Enter
		wait_for "] SM1"
		keys Home
		downs "$i"
		keys Enter
		wait_for "$item  "
		keys Enter
		type_text " บันทึกรอบที่$round"
		wait_for "บันทึกแล้ว" && echo "note $item บันทึกรอบที่$round" >>"$WORK/acked"
		;;
	2)      # AAR text in the first section of the first record
		keys A
		wait_for "AAR-"
		keys Enter
		wait_for "แบบฟอร์ม"
		downs 6
		keys Enter
		type_text " บทเรียนรอบที่$round"
		wait_for "บันทึกแล้ว" && echo "aar บทเรียนรอบที่$round" >>"$WORK/acked"
		;;
	esac
	# sometimes more is typed, and the kill comes in the middle of it
	random 2
	if [ "$r" = 1 ] && [ $typing = 1 ]; then
		type_text " ยังไม่ได้บันทึก"
	fi
	kill -9 "$(program_pid)"
	wait_for "EXIT=137"
	verify
	round=$((round + 1))
done
finish
