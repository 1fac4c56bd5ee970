#!/bin/sh
# forget.sh BIN - an office that forgets another (routemap bundle forget,
# as after the other's database was replaced) numbers its parts to it
# from 1 again under a new numbering: the receiver follows the new
# numbering instead of skipping its parts as applied, and a record the
# receiver never changed takes the sender's value with no conflict.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "/tmp/routemap-forget.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
unset ROUTEMAP_CONFIG
mkdir -p "$HOME"
. "$ROOT/tests/exchange/lib.sh"

printf '[office]\ncode = KKN-PHO\nname = สำนักงานสาธารณสุขจังหวัดขอนแก่น\nlevel = province\nparent = ODPC6\n\n[database]\npath = %s/kkn.db\n' "$T" >"$T/kkn.ini"
printf '[office]\ncode = BNG-CDC\nname = ศูนย์พัฒนาเด็กเล็ก อบต.บัวเงิน\nlevel = unit\nparent = BNG-FUND\n\n[database]\npath = %s/bng.db\n' "$T" >"$T/bng.ini"
rm_run kkn import "$ROOT/config/demo"
ok province-made [ "$st" = 0 ]
rm_run bng init
rm_run kkn bundle create --to BNG-CDC "$T/d1"
rm_run bng bundle apply "$T/d1"
ok first-bundle-applied [ "$st" = 0 ]
rm_run kkn bundle forget BNG-CDC
ok forget-says-so has out "BNG-CDC"
printf 'code,name,short_name,level,parent\nODPC6,สำนักงานป้องกันควบคุมโรคที่ ๗ ขอนแก่น,สคร.๗ ขอนแก่น,region,\n' >"$T/o.csv"
rm_run kkn import --update offices "$T/o.csv"
rm_run kkn bundle create --to BNG-CDC "$T/d2"
ok new-numbering-starts-at-1 has out "ส่วนที่ 1"
rm_run bng bundle apply "$T/d2"
applied() { [ "$st" = 0 ] && ! has out "ข้าม"; }
ok applied-not-skipped applied
ok change-arrives [ "$(sqlite3 "$T/bng.db" "SELECT short_name FROM office WHERE code = 'ODPC6'")" = "สคร.๗ ขอนแก่น" ]
ok no-conflict [ "$(sqlite3 "$T/bng.db" "SELECT count(*) FROM sync_conflict")" = 0 ]
# the unit's acknowledgement of the old numbering does not refuse its bundle
rm_run bng bundle create --to KKN-PHO "$T/u1"
rm_run kkn bundle apply "$T/u1"
ok old-ack-ignored [ "$st" = 0 ]

echo "forget: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
