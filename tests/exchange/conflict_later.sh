#!/bin/sh
# conflict_later.sh BIN - a change that reaches the province after a
# conflict was found on the same record joins that conflict and is not
# applied, whether it comes in a later bundle or in a later part of the
# same one: the unit (BNG-CDC) and the province (KKN-PHO) both write a
# note on the same checklist answer, then the unit changes its status.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "/tmp/routemap-conflict-later.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
unset ROUTEMAP_CONFIG
mkdir -p "$HOME"
. "$ROOT/tests/exchange/lib.sh"

printf '[office]\ncode = KKN-PHO\nname = สำนักงานสาธารณสุขจังหวัดขอนแก่น\nlevel = province\nparent = ODPC6\n' >"$T/kkn.ini"
printf '[office]\ncode = BNG-CDC\nname = ศูนย์พัฒนาเด็กเล็ก อบต.บัวเงิน\nlevel = unit\nparent = BNG-FUND\n' >"$T/bng.ini"
# the demo's plans, norm sets and checklists (not its AARs and
# indicators: made apart at each, they would be two offices' records
# under one code); the province has all but the unit's own checklist
mkdir "$T/kkn-csv" "$T/bng-csv"
for k in offices groups norm_sets norm_items support_frames plans objectives projects \
	assessments assessment_entries support_requests; do
	cp "$ROOT/config/demo/$k.csv" "$T/bng-csv/"
	grep -v '^A-BNG-69,' "$ROOT/config/demo/$k.csv" >"$T/kkn-csv/$k.csv"
done
rm_run kkn -d "$T/kkn.db" import "$T/kkn-csv"
ok province-made [ "$st" = 0 ]
rm_run bng -d "$T/bng.db" import "$T/bng-csv"
ok unit-made [ "$st" = 0 ]

# answer SM3 of A-BNG-69 (na, no note in the demo) as STATUS with NOTE
# into WHO's DB, as a user would by import --update
answer() {
	printf 'assessment,item,status,note,support_needed,support_from,support_frame,level\n' >"$T/e.csv"
	printf 'A-BNG-69,SM3,%s,%s,,,,\n' "$3" "$4" >>"$T/e.csv"
	rm_run "$1" -d "$T/$2" import --update assessment_entries "$T/e.csv"
}

rm_run bng -d "$T/bng.db" bundle create --to KKN-PHO "$T/b1"
rm_run kkn -d "$T/kkn.db" bundle apply "$T/b1"
ok first-bundle-applied [ "$st" = 0 ]
answer kkn kkn.db na "จังหวัดเห็นว่าตำบลควรเริ่มร่างธรรมนูญ"
ok province-note [ "$st" = 0 ]
cp "$T/kkn.db" "$T/kkn2.db"
answer bng bng.db na "ศูนย์ฯ ขอเวลาอีกหนึ่งภาคเรียน"
rm_run bng -d "$T/bng.db" bundle create --to KKN-PHO "$T/b2"
answer bng bng.db partial "ศูนย์ฯ ขอเวลาอีกหนึ่งภาคเรียน"
ok unit-status [ "$st" = 0 ]
rm_run bng -d "$T/bng.db" bundle create --to KKN-PHO "$T/b3"

# what the province holds of SM3, and its open conflicts on it
held() {
	"$BIN" -c "$T/kkn.ini" -d "$T/$1" export assessment_entries 2>/dev/null |
		grep '^A-BNG-69,SM3,'
}
open_on_sm3() {
	sqlite3 "$T/$1" "SELECT count(*) FROM sync_conflict WHERE status = 'open'
		AND kind = 'entry' AND key = '[\"A-BNG-69\",\"SM3\"]'
		AND json_extract(remote, '\$.status') = '$2'"
}

# in two bundles: the note's conflict, then the status joins it
rm_run kkn -d "$T/kkn.db" bundle apply "$T/b2"
ok b2-conflict [ "$st" = 0 ]
ok b2-conflict-said has out "routemap conflicts"
rm_run kkn -d "$T/kkn.db" bundle apply "$T/b3"
ok b3-applied [ "$st" = 0 ]
ok b3-conflict-said has out "routemap conflicts"
ok b3-ours-kept [ "$(held kkn.db)" = "A-BNG-69,SM3,na,จังหวัดเห็นว่าตำบลควรเริ่มร่างธรรมนูญ,,,," ]
ok b3-one-conflict-theirs-now [ "$(open_on_sm3 kkn.db partial)" = 1 ]

# in one bundle (parts 2 and 3): the same
rm_run kkn -d "$T/kkn2.db" bundle apply "$T/b3"
ok b3-alone-applied [ "$st" = 0 ]
ok b3-alone-two-parts has out "2-3"
ok b3-alone-ours-kept [ "$(held kkn2.db)" = "A-BNG-69,SM3,na,จังหวัดเห็นว่าตำบลควรเริ่มร่างธรรมนูญ,,,," ]
ok b3-alone-one-conflict-theirs-now [ "$(open_on_sm3 kkn2.db partial)" = 1 ]

echo "conflict_later: $pass passed, $fail failed"
[ "$fail" = 0 ]
