#!/bin/sh
# fulldisk.sh BIN - the database on a full disk (a small tmpfs): imports,
# backups and exports fail with a message and leave nothing half made; on
# the screens a note that cannot be saved stays on the screen, is saved by
# itself once there is room, and when the program ends first it is kept
# in the state directory.  Needs root (mount); skipped otherwise.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ "$(id -u)" != 0 ]; then
	echo "full disk: skipped (needs root to mount a small tmpfs)"
	exit 0
fi
WORK=$(mktemp -d /tmp/routemap-full.XXXXXX)
FULL="$WORK/full"
mkdir "$FULL"
if ! mount -t tmpfs -o size=1536k tmpfs "$FULL" 2>/dev/null; then
	rmdir "$FULL"
	rm -rf "$WORK"
	echo "full disk: skipped (this machine does not let root mount a tmpfs)"
	exit 0
fi
SUITE="full disk"
. "$(dirname "$0")/../tui/lib.sh"
trap '$TMUX_CMD kill-server 2>/dev/null; umount "$FULL"; rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" LC_ALL=C.UTF-8
mkdir -p "$HOME"
STATE="$WORK/state"
DB="$FULL/office.db"
"$BIN" --demo -d "$WORK/demo.db" init >/dev/null
"$BIN" -d "$WORK/demo.db" backup "$DB" >/dev/null        # one file, rollback journal
sh "$(dirname "$0")/../../bench/gen.sh" "$WORK/province" 30
fill() {   # fill the tmpfs to its last byte
	dd if=/dev/zero of="$FULL/filler" bs=4096 2>/dev/null
	dd if=/dev/zero of="$FULL/filler2" bs=1 2>/dev/null
}
room() {
	rm -f "$FULL/filler" "$FULL/filler2"
}
check() {
	if "$@"; then ok; else bad "$what"; fi
}
fingerprint() {
	"$BIN" -d "$DB" export --dir "$WORK/fp.$$" >/dev/null 2>&1
	cat "$WORK/fp.$$"/*.csv | sha256sum
	rm -rf "$WORK/fp.$$"
}
current=full-disk
before=$(fingerprint)
"$BIN" -d "$DB" list plans >/dev/null     # the -wal and -shm are there
fill

what="import on a full disk fails, saying so"
"$BIN" -d "$DB" import "$WORK/province" >"$WORK/out" 2>"$WORK/err"
check test $? -eq 1
check grep -q "ดิสก์เต็ม" "$WORK/err"
what="backup onto a full disk fails and leaves no file"
check sh -c '! "$0" -d "$1" backup "$2" >/dev/null 2>&1' "$BIN" "$DB" "$FULL/copy.db"
check test -z "$(ls -A "$FULL" | grep copy)"
what="export --dir onto a full disk fails and leaves no directory"
check sh -c '! "$0" -d "$1" export --dir "$2" >/dev/null 2>&1' "$BIN" "$DB" "$FULL/export"
check test -z "$(ls -A "$FULL" | grep export)"
room
what="after all that, the database is as it was and sound"
check test "$before" = "$(fingerprint)"
check sh -c '"$0" -d "$1" check >/dev/null' "$BIN" "$DB"

# the screens: a note typed on a full disk
start fulldisk-screen 80 24 "XDG_STATE_HOME=$STATE" -- -d "$DB"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "SM1"
keys Down Down Down Down Down Down Enter
wait_for "ครูพี่เลี้ยงสอนและพาเด็กล้างมือ"
keys Enter
fill
type_text "บันทึกบนดิสก์เต็ม"
wait_for "ดิสก์เต็ม"                   # said, and the text still there
wait_for "บันทึกบนดิสก์เต็ม"
room                                   # room again: saved by itself
wait_for "บันทึกแล้ว"
what="the note typed on the full disk was saved once there was room"
check sh -c '"$0" -d "$1" export assessment_entries | grep -q "บันทึกบนดิสก์เต็ม"' "$BIN" "$DB"
fill
type_text " และอีกประโยค"
wait_for "ดิสก์เต็ม"
keys C-c                               # ends while the disk is full
wait_for "EXIT=0"
room
what="what could not be saved is in the state directory"
check grep -q "บันทึกบนดิสก์เต็ม และอีกประโยค" "$STATE/routemap/$(echo "$DB" | tr / %).recovered.txt"
finish
