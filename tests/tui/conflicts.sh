# conflicts.sh - conflicts between offices on screen: the start says how
# many wait, R lists them beside the fund's screen, Enter shows one (who
# changed it here and there, when, every field ours beside theirs), K
# keeps mine, T takes theirs (written at once), u takes that back.
# Sourced by run.sh after lib.sh; its own database, two requests of
# A-BNG-69 changed at the fund and at the region.
CF="$WORK/conflicts.db"
"$BIN" --demo -d "$CF" init >/dev/null
. "$(dirname "$0")/../data/put-conflict.sh"
put_conflict "$CF" BNG-FUND BNG69-CP2-1 "จัดอบรมผู้ดูแลเด็ก" 30000
put_conflict "$CF" ODPC6 BNG69-SV1-1 "แบบคัดกรองออนไลน์" 4000
# sql_is WHAT SQL VALUE: the database says VALUE
sql_is() {
	if [ "$(sqlite3 "$CF" "$2")" = "$3" ]; then ok; else bad "$1: $(sqlite3 "$CF" "$2")"; fi
}

start conflicts 80 24 -- -d "$CF"
wait_for "มีข้อขัดแย้ง 2 รายการ: กด R"
keys R
wait_for "ข้อขัดแย้งจากการแลกเปลี่ยน (2)"
keys Down Enter
wait_for "คำขอรับการสนับสนุน: อสม. เพิ่มอีก"
wait_for "ODPC6"
wait_for "สมชาย"
# the first: who here and there, when (Buddhist Era), the fields side by side
keys Enter
wait_for "ที่นี่: แก้โดย สมชาย 5 ม.ค. 2569"
wait_for "ที่ BNG-FUND: แก้โดย มาลี 6 ม.ค. 2569"
wait_for "จะเก็บของเรา (K) หรือรับของเขา (T)"
wait_for "ของเขา (BNG-FUND)"
wait_for "≠  สิ่งที่ขอ"
wait_for "จัดอบรมผู้ดูแลเด็ก"
wait_for "30000"
keys K
wait_for "เก็บของเราไว้แล้ว"
wait_for "ตัดสินแล้ว: เก็บของเรา โดย"
sql_is "mine kept" "SELECT amount FROM support_request WHERE uid = 'BNG69-CP2-1'" 24000.0
sql_is "kept" "SELECT status FROM sync_conflict WHERE id = 1" kept
# back in the list only the region's is open; T takes it there
keys q
wait_gone "BNG-FUND"
wait_for "ODPC6"
keys T
wait_for "รับของเขาแทนของเราแล้ว กด u เพื่อย้อนกลับ"
wait_for "ไม่มีข้อขัดแย้งที่รอตัดสิน"
sql_is "theirs written" "SELECT needed || ' ' || amount FROM support_request WHERE uid = 'BNG69-SV1-1'" \
	"แบบคัดกรองออนไลน์ 4000.0"
# u: ours back, the conflict open again
keys u
wait_for "ODPC6"
sql_is "mine back" "SELECT needed || ' ' || amount FROM support_request WHERE uid = 'BNG69-SV1-1'" \
	"แบบบันทึกการคัดกรองที่ใช้ง่าย 3500.0"
sql_is "open again" "SELECT status FROM sync_conflict WHERE id = 2" open
keys q
wait_for "ข้อขัดแย้งจากการแลกเปลี่ยน (1)"
keys Q
wait_for "EXIT=0 TTY=restored"
