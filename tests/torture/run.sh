#!/bin/sh
# run.sh BIN [short|long] - bad days, the whole lot: kill -9 over the
# screens, many writers and readers at once, two Unix users sharing a
# group database, a planted symlink at every name, a full disk.  short
# (for make check) runs few rounds; long (make torture) many.
set -u
BIN=$1
MODE=${2:-short}
DIR=$(dirname "$0")
status=0
run() {
	"$@" || status=1
}
if [ "$MODE" = long ]; then
	run sh "$DIR/kill9.sh" "$BIN" "${ROUNDS:-250}"
	run sh "$DIR/concurrent.sh" "$BIN" 8 50 8 1200
else
	run sh "$DIR/kill9.sh" "$BIN" 6
	run sh "$DIR/concurrent.sh" "$BIN" 3 5 3 50
fi
run sh "$DIR/two-users.sh" "$BIN"
run sh "$DIR/symlinks.sh" "$BIN"
run sh "$DIR/fulldisk.sh" "$BIN"
[ $status -eq 0 ] && echo "torture ($MODE): all passed"
exit $status
