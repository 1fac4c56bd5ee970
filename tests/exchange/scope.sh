#!/bin/sh
# scope.sh BIN - a bundle changes only records its sender may say: a
# unit's database edited by hand (the province's norm set retitled, the
# province put under the unit so that the unit's subtree takes it in)
# makes a bundle the province refuses whole, naming whose the record is.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "/tmp/routemap-scope.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
unset ROUTEMAP_CONFIG
mkdir -p "$HOME"
. "$ROOT/tests/exchange/lib.sh"

printf '[office]\ncode = KKN-PHO\nname = สำนักงานสาธารณสุขจังหวัดขอนแก่น\nlevel = province\nparent = ODPC6\n' >"$T/kkn.ini"
printf '[office]\ncode = BNG-CDC\nname = ศูนย์พัฒนาเด็กเล็ก อบต.บัวเงิน\nlevel = unit\nparent = BNG-FUND\n' >"$T/bng.ini"
mkdir "$T/kkn-csv"
for k in offices groups norm_sets norm_items support_frames; do
	cp "$ROOT/config/demo/$k.csv" "$T/kkn-csv/"
done
rm_run kkn -d "$T/kkn.db" import "$T/kkn-csv"
ok province-made [ "$st" = 0 ]
rm_run bng -d "$T/bng.db" init
rm_run kkn -d "$T/kkn.db" bundle create --to BNG-CDC "$T/p1"
rm_run bng -d "$T/bng.db" bundle apply "$T/p1"
ok unit-has-the-set [ "$st" = 0 ]
# by hand, past the program (its triggers set aside for the edit)
sqlite3 "$T/bng.db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'trigger'" >"$T/trg.sql"
for n in $(sqlite3 "$T/bng.db" "SELECT name FROM sqlite_schema WHERE type = 'trigger'"); do
	sqlite3 "$T/bng.db" "DROP TRIGGER \"$n\""
done
sqlite3 "$T/bng.db" "UPDATE norm_set SET title = 'ชื่อที่ถูกแก้' WHERE code = 'CDC-NORM' AND version = 2;
	UPDATE office SET parent_id = (SELECT id FROM office WHERE code = 'BNG-CDC') WHERE code = 'KKN-PHO';"
sqlite3 "$T/bng.db" <"$T/trg.sql"
sqlite3 "$T/kkn.db" .dump >"$T/before"
rm_run bng -d "$T/bng.db" bundle create --to KKN-PHO "$T/u1"
rm_run kkn -d "$T/kkn.db" bundle apply "$T/u1"
ok refused [ "$st" = 1 ]
ok says-whose has err "เป็นของ KKN-PHO ซึ่งชุดข้อมูลจาก BNG-CDC แก้ไม่ได้"
sqlite3 "$T/kkn.db" .dump >"$T/after"
ok province-unchanged cmp -s "$T/before" "$T/after"

echo "scope: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
