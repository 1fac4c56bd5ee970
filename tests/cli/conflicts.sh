# conflicts.sh - sourced by run.sh: `routemap conflicts` on records changed
# here and at another office.  Until bundles make them, conflicts are put
# into sync_conflict as an exchange records them: both rows as JSON, who
# and when on each side (the change-log trigger is set aside for the
# insert, as sqlite3 has no rm_user()).

. "$ROOT/tests/data/put-conflict.sh"
# request UID's SQL value of COLUMN
request_is() {
	[ "$(sqlite3 "$CDB" "SELECT $2 FROM support_request WHERE uid = '$1'")" = "$3" ]
}

CDB="$T/conflicts.db"
"$BIN" --demo -d "$CDB" init >/dev/null 2>&1
run conflicts-none 0 -d "$CDB" conflicts
put_conflict "$CDB" BNG-FUND BNG69-CP2-1 "จัดอบรมผู้ดูแลเด็ก" 30000
# theirs holds an escape sequence: shown as ^[, never sent to the terminal
put_conflict "$CDB" ODPC6 BNG69-SV1-1 "$(printf 'แบบคัดกรอง\033[31m')" 4000
run conflicts-list 0 -d "$CDB" conflicts
run conflicts-show 0 -d "$CDB" conflicts show 1
run conflicts-show-escaped 0 -d "$CDB" conflicts show ๒
run conflicts-take 0 -d "$CDB" conflicts take 1
expect conflicts-taken-written request_is BNG69-CP2-1 "needed || ' ' || amount" \
	"จัดอบรมผู้ดูแลเด็ก 30000.0"
run conflicts-keep 0 -d "$CDB" conflicts keep 2
expect conflicts-kept-stays request_is BNG69-SV1-1 amount 3500.0
# decided already: refused, naming who decided (this user: not a golden file)
"$BIN" -d "$CDB" conflicts take 2 >"$T/out" 2>"$T/err"
expect conflicts-decided-refused [ $? -eq 1 ]
expect conflicts-decided-says grep -q "ข้อขัดแย้งหมายเลข 2 ตัดสินไปแล้ว โดย $(id -un)" "$T/err"
run conflicts-list-open 0 -d "$CDB" conflicts
run conflicts-all 0 -d "$CDB" conflicts --all
run conflicts-unknown 1 -d "$CDB" conflicts show 9
run usage-conflicts-number 2 -d "$CDB" conflicts keep หนึ่ง
run usage-conflicts-missing 2 -d "$CDB" conflicts take
run usage-conflicts-word 2 -d "$CDB" conflicts drop 1
run conflicts-readonly 2 -r -d "$CDB" conflicts keep 1
# ours changed here since it was found: refused, saying by whom, nothing decided
put_conflict "$CDB" BNG-FUND BNG69-SV2-1 "ช่องทางรายงานด่วน" 6000 4500
before=$(fingerprint "$CDB")
"$BIN" -d "$CDB" conflicts take 3 >"$T/out" 2>"$T/err"
expect conflicts-moved-refused [ $? -eq 1 ]
expect conflicts-moved-says-who grep -q "$(id -un)" "$T/err"
expect conflicts-moved-unchanged [ "$(fingerprint "$CDB")" = "$before" ]
