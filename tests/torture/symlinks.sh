#!/bin/sh
# symlinks.sh BIN - a symlink planted at every name routemap creates, by a
# colleague who shares the directory: nothing outside routemap's own files
# is ever written, and nothing is created through the link.
set -u
BIN=$1
T=$(mktemp -d "${TMPDIR:-/tmp}/routemap-links.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
export LC_ALL=C.UTF-8
mkdir -p "$HOME"
pass=0
fail=0
check() {
	if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL symlinks: $what"; fi
}
victim() {   # a fresh file that must never change
	printf 'ไฟล์ของคนอื่น ห้ามแก้\n' >"$T/victim"
	sum=$(sha256sum <"$T/victim")
}
intact() {
	[ "$sum" = "$(sha256sum <"$T/victim")" ] && [ ! -L "$T/victim" ]
}
SHARED=$(cd "$(dirname "$0")/../.." && pwd)/../shared

# the database itself: a link to a file, and a dangling link
victim
ln -s "$T/victim" "$T/db-link.db"
what="database path linked to a file: refused"
check sh -c '! "$0" -d "$1" init >/dev/null 2>&1' "$BIN" "$T/db-link.db"
what="the file behind the database link is untouched"
check intact
ln -s "$T/nothing-yet.db" "$T/dangling.db"
what="database path that is a dangling link: refused"
check sh -c '! "$0" -d "$1" init >/dev/null 2>&1' "$BIN" "$T/dangling.db"
what="nothing made through the dangling link"
check test ! -e "$T/nothing-yet.db"

# -wal and -shm beside a database (SQLite opens them with O_NOFOLLOW)
"$BIN" --demo -d "$T/office.db" init >/dev/null
rm -f "$T/office.db-wal" "$T/office.db-shm"
victim
ln -s "$T/victim" "$T/office.db-wal"
ln -s "$T/victim" "$T/office.db-shm"
"$BIN" -d "$T/office.db" import plans "$SHARED/cases/plans-nbsp-code.csv" >/dev/null 2>&1
what="links at -wal and -shm: refused, naming the link"
check sh -c '"$0" -d "$1" list plans 2>&1 >/dev/null | grep -q "office.db-wal"' "$BIN" "$T/office.db"
what="links at -wal and -shm: their target untouched"
check intact
rm -f "$T/office.db-wal" "$T/office.db-shm"

# a backup's name
victim
ln -s "$T/victim" "$T/backup-link.db"
what="backup onto a link: refused"
check sh -c '! "$0" -d "$1" backup "$2" >/dev/null 2>&1' "$BIN" "$T/office.db" "$T/backup-link.db"
what="backup onto a link: target untouched"
check intact
ln -s "$T/backup-made-here.db" "$T/backup-dangling.db"
what="backup onto a dangling link: refused, nothing made through it"
check sh -c '! "$0" -d "$1" backup "$2" >/dev/null 2>&1 && [ ! -e "$3" ]' \
	"$BIN" "$T/office.db" "$T/backup-dangling.db" "$T/backup-made-here.db"

# an export directory
mkdir "$T/victim-dir"
ln -s "$T/victim-dir" "$T/export-link"
what="export --dir onto a link: refused, the linked directory stays empty"
check sh -c '! "$0" -d "$1" export --dir "$2" >/dev/null 2>&1 && [ -z "$(ls -A "$3")" ]' \
	"$BIN" "$T/office.db" "$T/export-link" "$T/victim-dir"

echo "symlink tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
