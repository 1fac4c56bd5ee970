# levels.sh - a PMQA checklist answered in levels: 1 2 3 Basic, Advance,
# Significance, 0 none reached (0 again: unanswered), the marks, each
# category's level (the lowest of its items) and the coverage following
# every key, u one key at a time; a new version keeps the scale.
# Sourced by run.sh after lib.sh; its own database.
LV="$WORK/levels.db"
"$BIN" --demo -d "$LV" init >/dev/null

start levels 80 24 -- -d "$LV"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-NPG-69"
keys End Enter                           # the district's PMQA self-assessment
wait_for "[A] L1"
wait_for "[B] L2"
# L1 Advance, L2 Basic: the category stands at Basic; 8 of 24 level points
wait_for "การนำองค์การ                         ผ่านระดับ B  B 1  A 1  S 0"
wait_for "33.3%  ระดับ 2  ตอบแล้ว 6/8"
wait_for "1 2 3 0 ระดับ B A S ไม่ถึง"
keys 3 3                                 # both Significance: the category too
wait_for "[S] L2"
wait_for "การนำองค์การ                         ผ่านระดับ S  B 0  A 0  S 2"
wait_for "45.8%  ระดับ 3  ตอบแล้ว 6/8"   # 11 / 24
keys 0                                   # P1: none reached
wait_for "[0] P1"
wait_for "การวางแผนเชิงยุทธศาสตร์                ยังไม่ถึงระดับพื้นฐาน  B 0  A 0  S 0  ไม่ถึง 1"
wait_for "41.7%  ระดับ 3  ตอบแล้ว 6/8"   # 10 / 24
keys Up 0                                # 0 on none: unanswered again
wait_for "[ ] P1"
wait_for "ผ่านระดับ -  B 0  A 0  S 0  ไม่ถึง 0  ยังไม่ตอบ 1"
wait_for "41.7%  ระดับ 3  ตอบแล้ว 5/8"
keys 4                                   # PMQA has no n.a.
wait_for "รายการ PMQA ไม่มี \"ไม่เกี่ยวข้อง\""
# u takes back one key at a time: P1 at none, at Basic, then L2 at Basic
keys u
wait_for "[0] P1"
keys u
wait_for "[B] P1"
wait_for "45.8%  ระดับ 3  ตอบแล้ว 6/8"
keys u
wait_for "[B] L2"
wait_for "การนำองค์การ                         ผ่านระดับ B  B 1  A 0  S 1"
wait_for "37.5%  ระดับ 2  ตอบแล้ว 6/8"   # 3 + 1 + 1 + 3 + 0 + 1 = 9 of 24
keys '?'
wait_for "ระดับ: พื้นฐาน (B)"
keys q q
# the list shows the kept coverage of the levels
wait_for "A-NPG-69  สสอ.น้ำพอง   PMQA-SELF v1  16 ก.พ. 2569  ███░░░░░  37.5% ระดับ 2"
# a new version keeps the scale; a draft nobody assessed may change it
keys S
wait_for "PMQA-SELF"
keys End v
wait_for "สร้าง PMQA-SELF ฉบับที่ 2 จากฉบับที่ 1 แล้ว"
keys e
wait_for "ตอบเป็น    ระดับ (พื้นฐาน / ก้าวหน้า / โดดเด่น)"
keys Home Down Down Down Down Down Enter Up Enter
wait_for "ตอบเป็น    มี / บางส่วน / ไม่มี"
wait_for "บันทึกแล้ว"
keys Q
wait_for "EXIT=0 TTY=restored"
if "$BIN" -d "$LV" report coverage A-NPG-69 --format csv | grep -qx 'A-NPG-69,\*,8,6,37.5,2'; then
	ok
else
	bad "report coverage does not say 37.5, rank 2"
fi
