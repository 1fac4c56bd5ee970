# links.sh - the o key: from a record to what it is linked to, through the
# router, in the section each record belongs to.  An AAR goes to what it
# reviews (a project without a plan: straight to its only checklist); a
# checklist to the AARs of its assessment and of its project and to where
# the project serves (a list asks which); an objective to its AARs and
# their open follow-up actions (the AAR opens at the action); the Thai
# layout's key (น) does the same; nothing linked is said in words.
# Sourced by tests/tui/run.sh after lib.sh; the screens speak Thai.

LDB="$WORK/links.db"
"$BIN" --demo -d "$LDB" init >/dev/null || bad "cannot make the links database"
printf '%s\n' "code,template,date,title,subject_kind,subject,facilitator,participants,tags" \
	"AAR-BNG-2569,aar4,2026-02-10,ทบทวนการประเมินศูนย์เด็กเล็กบัวเงิน,assessment,A-BNG-69,,," \
	"AAR-P1-2569,aar4,2026-03-01,ทบทวนเป้าประสงค์ผู้ปกครองมีส่วนร่วม,objective,NPG-CDC-2569/P1,,," \
	>"$WORK/links-aars.csv"
printf '%s\n' "aar,action,owner,due,status" \
	"AAR-P1-2569,จัดประชุมผู้ปกครองทุกไตรมาส,ครูพี่เลี้ยง,2026-06-30,open" \
	>"$WORK/links-actions.csv"
"$BIN" --demo -d "$LDB" import aars "$WORK/links-aars.csv" >/dev/null &&
	"$BIN" --demo -d "$LDB" import aar_actions "$WORK/links-actions.csv" >/dev/null ||
	bad "cannot import the linked AARs"

start links 80 24 -- --demo -d "$LDB"
wait_for "KKN-CDC-2568"
keys A                          # newest first: P1, BNG, PMQA (an event), ODPC6
wait_for "AAR-ODPC6-2553"
keys Down Down
wait_for "AAR-PMQA-2553 เรื่องที่ทบทวน: เหตุการณ์หรือกิจกรรม"
keys o                          # an event reviews no record
wait_for "ที่นี่ไม่มีเรื่องที่เชื่อมโยงไปยังเรื่องอื่น"
keys Down o                     # ODPC6 reviews project NKG-CDC-53: no plan, one checklist
wait_for "A-NKG-53  ค่ากลางศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น v1"
wait_for "[✓] SM1    ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมาศูนย์เด็กเล็ก"
keys o                          # back to the AAR of its project, the only link
wait_for "AAR-ODPC6-2553  ·  แบบฟอร์ม ถอดบทเรียน 8 หัวข้อ"
wait_for "โครงการ NKG-CDC-53"
keys q                          # q goes back through the AAR section's list
wait_for "AAR-PMQA-2553"
wait_gone "แบบฟอร์ม ถอดบทเรียน"

keys C q                        # the Checklists section, from its list
wait_for "A-BNG-69"
keys g Enter
wait_for "A-BNG-69  ค่ากลางศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น v2"
keys o                          # two links: a list asks which
wait_for "ไปยัง"
wait_for "AAR AAR-BNG-2569  ทบทวนการประเมินศูนย์เด็กเล็กบัวเงิน"
wait_for "โครงการ BNG-CDC-69 ในแผน NPG-CDC-2569 เป้าประสงค์ P1"
absent "A-NKG-53"               # not another project's checklist, nor itself as a link
keys Escape                     # Esc: nowhere
wait_gone "โครงการ BNG-CDC-69 ในแผน NPG-CDC-2569"
wait_for "A-BNG-69  ค่ากลางศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น v2"
keys o
wait_for "ไปยัง"
keys Down Enter                 # the objective the project serves, in the Plans
wait_for "P1  เด็กเล็กในอำเภอน้ำพองปลอดจากโรคมือ เท้า ปาก และอุจจาระร่วง"
wait_for "แผน: NPG-CDC-2569"
type_text "น"                   # o in the Thai layout
wait_for "AAR AAR-P1-2569  ทบทวนเป้าประสงค์ผู้ปกครองมีส่วนร่วม"
wait_for "สิ่งที่ต้องทำต่อจาก AAR-P1-2569: จัดประชุมผู้ปกครองทุกไตรมาส"
keys Down Enter                 # the follow-up: its AAR, at the action
wait_for "[ ] จัดประชุมผู้ปกครองทุกไตรมาส"
wait_for "30 มิ.ย. 2569"
absent "ชื่อเรื่อง"                 # scrolled to the action, past the title
keys q
wait_for "AAR-P1-2569     1    ทบทวนเป้าประสงค์ผู้ปกครองมีส่วนร่วม"
keys P                          # the Plans kept the objective
wait_for "P1  เด็กเล็กในอำเภอน้ำพองปลอดจากโรคมือ เท้า ปาก และอุจจาระร่วง"
keys Q
wait_for "EXIT=0 TTY=restored"
