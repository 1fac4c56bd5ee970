# conflicts.sh - sourced by run.sh: `routemap conflicts` on records changed
# here and at another office.  First on conflicts put into sync_conflict as
# an exchange records them (fixed people and times, for golden files: both
# rows as JSON, who and when on each side); then on real ones, made by
# bundles between a unit and its fund.

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

# ---- a real conflict: the unit BNG-CDC and its fund change one request ----
# Both hold the demo's checklists; bundles both ways first, then each changes
# BNG69-CP2-1 (by CSV, --update) and the fund's bundle reaches the unit:
# a conflict there.  Kept, ours goes to the fund with the next bundle;
# the second time taken, theirs stays at both.
office_ini() {   # office_ini CODE LEVEL PARENT FILE
	sed -e "/^\[office\]/,/^\[/{s/^code = .*/code = $1/;s/^level = .*/level = $2/;s/^parent = .*/parent = $3/}" \
		"$ROOT/config/routemap.ini" >"$4"
}
request_csv() {   # request_csv NEEDED AMOUNT FILE: BNG69-CP2-1 as it should be
	printf '%s\n%s\n' "assessment,item,uid,needed,source,frame,amount,status,referred_to,given,amount_agreed,filed_frame,answer_note,answered_by,answered_on" \
		"A-BNG-69,CP2,BNG69-CP2-1,$1,fund,3,$2,requested,,,,,,," >"$3"
}
amount_at() {   # amount_at DB AMOUNT: BNG69-CP2-1 asks AMOUNT baht in DB
	[ "$(sqlite3 "$1" "SELECT amount FROM support_request WHERE uid = 'BNG69-CP2-1'")" = "$2" ]
}
# both_change FUND_NEEDED UNIT_AMOUNT FUND_AMOUNT N: the unit asks
# UNIT_AMOUNT baht, the fund changes it to FUND_NEEDED and FUND_AMOUNT, and
# the fund's bundle N reaches the unit
both_change() {
	request_csv "อสม. เพิ่มอีก ๒ คน" "$2" "$X/u.csv"
	request_csv "$1" "$3" "$X/f.csv"
	# shellcheck disable=SC2086
	"$BIN" $U import --update support_requests "$X/u.csv" >/dev/null 2>&1
	# shellcheck disable=SC2086
	"$BIN" $F import --update support_requests "$X/f.csv" >/dev/null 2>&1
	# shellcheck disable=SC2086
	"$BIN" $F bundle create --to BNG-CDC "$X/$4.rmb" >/dev/null 2>&1
	# shellcheck disable=SC2086
	"$BIN" $U bundle apply "$X/$4.rmb" >/dev/null 2>&1
}
X="$T/exchange"
# the demo's plans, norm sets and checklists (its AARs and indicators,
# made apart at each, would be two offices' records under one code)
mkdir -p "$X/demo"
for k in offices groups norm_sets norm_items support_frames plans objectives projects \
	assessments assessment_entries support_requests; do
	cp "$ROOT/config/demo/$k.csv" "$X/demo/"
done
office_ini BNG-CDC unit BNG-FUND "$X/unit.ini"
office_ini BNG-FUND fund NPG-DHO "$X/fund.ini"
U="-c $X/unit.ini -d $X/unit.db"
F="-c $X/fund.ini -d $X/fund.db"
# (word splitting of U and F wanted: paths under TMP hold no blanks)
# shellcheck disable=SC2086
{
	"$BIN" $U import "$X/demo" >/dev/null 2>&1
	"$BIN" $F import "$X/demo" >/dev/null 2>&1
	"$BIN" $U bundle create --to BNG-FUND "$X/1.rmb" >/dev/null 2>&1
	"$BIN" $F bundle apply "$X/1.rmb" >/dev/null 2>&1
	"$BIN" $F bundle create --to BNG-CDC "$X/2.rmb" >/dev/null 2>&1
	"$BIN" $U bundle apply "$X/2.rmb" >/dev/null 2>&1
	both_change "จัดอบรมผู้ดูแลเด็ก" 26000 30000 3
	expect exchange-conflict-listed sh -c '"$0" $1 conflicts | grep -q "^1  BNG-FUND  คำขอรับการสนับสนุน: อสม. เพิ่มอีก ๒ คน (A-BNG-69 / CP2)"' "$BIN" "$U"
	expect exchange-conflict-shown sh -c '"$0" $1 conflicts show 1 | grep -Eq "^\*  บาทที่ขอ +26000 +30000$"' "$BIN" "$U"
	expect exchange-kept "$BIN" $U conflicts keep 1
	expect exchange-kept-here amount_at "$X/unit.db" 26000.0
	"$BIN" $U bundle create --to BNG-FUND "$X/4.rmb" >/dev/null 2>&1
	"$BIN" $F bundle apply "$X/4.rmb" >/dev/null 2>&1
	expect exchange-kept-reaches-fund amount_at "$X/fund.db" 26000.0
	expect exchange-fund-no-conflict sh -c '"$0" $1 conflicts | grep -q "ไม่มีข้อขัดแย้งที่รอตัดสิน"' "$BIN" "$F"
	# again (the kept conflict opens again: their value still differs), and
	# this time theirs is taken: the same at both, no conflict
	both_change "อสม. เพิ่มอีก ๒ คน" 27000 31000 5
	expect exchange-taken "$BIN" $U conflicts take 1
	expect exchange-taken-here amount_at "$X/unit.db" 31000.0
	"$BIN" $U bundle create --to BNG-FUND "$X/6.rmb" >/dev/null 2>&1
	"$BIN" $F bundle apply "$X/6.rmb" >/dev/null 2>&1
	expect exchange-taken-fund-same amount_at "$X/fund.db" 31000.0
	expect exchange-all-decided sh -c '"$0" $1 conflicts | grep -q "ไม่มีข้อขัดแย้งที่รอตัดสิน"' "$BIN" "$U"
}
