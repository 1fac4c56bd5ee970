# reports.sh - the Reports section: R lists the reports, Enter shows one
# fitted to the screen, f narrows it to a norm set version (an unknown
# set refused in words, the report left as it was), q back to the list.
# Sourced by run.sh after lib.sh; its own database.
RP="$WORK/reports.db"
"$BIN" --demo -d "$RP" init >/dev/null

start reports 80 24 -- -d "$RP"
wait_for "KKN-CDC-2568"
keys R
wait_for "คำขอรับการสนับสนุน ตามกรอบและแหล่งสนับสนุน"   # the fund's screen first
wait_for "ความครอบคลุมตามค่ากลางของทุกหน่วย  coverage"
wait_for "ตัวชี้วัดตามเป้าหมาย  indicators"
wait_for "ข้อขัดแย้งจากการแลกเปลี่ยน (0)"           # then the conflicts between offices
keys Down Down Enter
wait_for "CDC-NORM ฉบับ 2: ค่ากลางศูนย์เด็กเล็กปลอดโรค"
wait_for "A-BNG-69   20 ม.ค. 2569"                # the Buddhist Era
wait_for "47.4%"
wait_for "A-NKG-53"                               # version 1 further down
# f: only version 1 of the set
keys f
wait_for "ชุดค่ากลาง (รหัส หรือ รหัส:ฉบับ)"
keys Enter
type_text "CDC-NORM:1"
keys Enter
wait_for "ชุดค่ากลาง CDC-NORM:1"
wait_for "A-NKG-53   10 ก.ย. 2553"
wait_gone "A-BNG-69"
# a set that is not there: said, and the report stays as it was
keys f
wait_for "ชุดค่ากลาง (รหัส หรือ รหัส:ฉบับ)"
keys Enter
type_text "ไม่มีชุดนี้"
keys Enter
wait_for "ไม่มีชุดค่ากลางรหัสนี้ที่ประกาศใช้แล้ว"
wait_for "A-NKG-53   10 ก.ย. 2553"
# back to the list, and the follow-ups of the demo's AARs
keys q
wait_for "ความครอบคลุมตามค่ากลางของทุกหน่วย  coverage"
keys j j j Enter
wait_for "สิ่งที่ต้องทำต่อ ตามผู้รับผิดชอบ"
wait_for "กลุ่มพัฒนาวิชาการ"
# support: wider than 80 columns, its frames and sources whole; Right
# hides the frames, Left brings them back
keys q
wait_for "ความครอบคลุมตามค่ากลางของทุกหน่วย  coverage"
keys k Enter
wait_for "(ยังมีคอลัมน์อีก: ลูกศรขวา)"
wait_for "การสนับสนุนการสื่อสารเพื่อปรับเปลี่ยนพฤติกรรม"
wait_for "กองทุนฯ ตำบล"
keys Right
wait_for "(ซ่อนไว้ทางซ้าย 1 คอลัมน์: ลูกศรซ้าย)"
wait_gone "การสนับสนุนการสร้างนวัตกรรม"
wait_for "ไม่สนับสนุน"
keys Left
wait_for "การสนับสนุนการสร้างนวัตกรรม"
keys Q
wait_for "EXIT=0 TTY=restored"
