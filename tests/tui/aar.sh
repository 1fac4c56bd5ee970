# aar.sh - end-to-end tests of the AAR screens: a record added in each
# template from the keyboard, Thai typed into its sections (tone marks,
# upper and lower vowels, a wrong tone mark taken back, moves by cluster
# and by word), a follow-up action, undo, and a kill -9 that loses nothing
# the message line called saved.  Sourced by tests/tui/run.sh after its
# own tests: uses start, keys, type_text, wait_for, wait_gone, absent and
# program_pid from lib.sh, and $BIN and $WORK.  The screens speak Thai:
# what is waited for is the Thai of po/th.po, or the text typed.

ADB="$WORK/aar.db"
"$BIN" --demo -d "$ADB" init >/dev/null || bad "cannot make the AAR database"
TODAY=$(($(date +%Y) + 543))$(date +%m%d)   # the AAR code names the day in the Buddhist Era
SAVED="บันทึกแล้ว"                 # _("saved")

# aar_message TEXT: poll until the message line (the last line but one)
# says exactly TEXT.
aar_message() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if [ "$(screen | tail -n 2 | head -n 1 | sed 's/ *$//')" = "$1" ]; then
			ok
			return 0
		fi
		sleep 0.05
	done
	bad "waited for the message line to say: $1"
	return 1
}

# aar_line_has A B: some line of the screen holds both A and B.
aar_line_has() {
	if screen | grep -F -- "$1" | grep -qF -- "$2"; then ok; else bad "no line with both: $1 / $2"; fi
}

# aar_line_lacks A B: no line of the screen holds both A and B.
aar_line_lacks() {
	if screen | grep -F -- "$1" | grep -qF -- "$2"; then bad "one line with both: $1 / $2"; else ok; fi
}

# ---- read-only: a says so at once, before any list to choose from -----------
start aar-readonly 80 24 -- -r -d "$ADB"
wait_for "KKN-CDC-2568"
keys A
wait_for "ถอดบทเรียนการนำแผนที่ทางเดินยุทธศาสตร์สู่การปฏิบัติ"
absent "a เพิ่ม"                  # the hint line offers nothing that writes
keys a
wait_for "ฐานข้อมูลเปิดแบบอ่านอย่างเดียว แก้ไขไม่ได้"
absent "AAR ใหม่: ใช้แบบฟอร์มใด"
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- a record in each template, from the keyboard ------------------------
start aar-add 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-ODPC6-2553  1    ถอดบทเรียนการนำแผนที่ทางเดิน"
# aar4 (the office's default) about an event
keys a
wait_for "AAR ใหม่: ใช้แบบฟอร์มใด"
wait_for "AAR 4 คำถาม (aar4): สิ่งที่คาดหวัง · สิ่งที่เกิดขึ้นจริง"
keys Enter
wait_for "ทบทวนเรื่องใด"
keys End Enter                  # the last kind: an event
wait_for "ชื่อเรื่องของ AAR:"
type_text "ทบทวนการประชุมผู้ปกครองครั้งแรก"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY  ·  แบบฟอร์ม AAR 4 คำถาม"
wait_for "เพิ่ม AAR-KKN-PHO-$TODAY แล้ว"
wait_for " สิ่งที่เกิดขึ้นจริง"
aar_line_has "เรื่องที่ทบทวน" "เหตุการณ์หรือกิจกรรม"
# the date as people write it: offered as today in the Buddhist Era, typed
# afresh with Thai digits, a month's name and a two-digit year
keys Home Down Enter
wait_for "วันที่ เช่น 20/1/2569 หรือ 20 ม.ค. 69"
aar_line_has "วันที่" "$(date +%-d/%-m)/$(($(date +%Y) + 543))"
keys C-u
type_text "๑๕ ม.ค. ๖๙"
keys Enter
aar_message "$SAVED"
aar_line_has "วันที่" "15 ม.ค. 2569"
# a year in neither era is refused, naming the forms; nothing is saved
keys Enter C-u
type_text "15/1/2399"
keys Enter
wait_for "ไม่ใช่วันที่: เขียนเป็น 15/1/2569, 15 ม.ค. 2569 หรือ 2569-01-15"
keys C-u
type_text "16/1/2026"          # Gregorian, day first
keys Enter
aar_message "$SAVED"
aar_line_has "วันที่" "16 ม.ค. 2569"
keys h                          # history names the dates as they are shown
wait_for "วันที่: 15 ม.ค. 2569 → 16 ม.ค. 2569"
keys q
wait_for "AAR-KKN-PHO-$TODAY  ·  แบบฟอร์ม"
keys q
wait_for "ทบทวนการประชุมผู้ปกครองครั้งแรก"
# gotoknow4 about an objective of a plan
keys a
wait_for "AAR ใหม่: ใช้แบบฟอร์มใด"
keys Down Enter
wait_for "ทบทวนเรื่องใด"
keys Down Enter                 # an objective
wait_for "เป้าประสงค์ใด"
wait_for "KKN-CDC-2568/P2"
keys Down Enter
wait_for "ชื่อเรื่องของ AAR:"
type_text "แลกเปลี่ยนเรียนรู้เรื่องการดูแลเด็กเล็ก"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-2  ·  แบบฟอร์ม GotoKnow 4 คำถาม"
wait_for " อะไรได้เกินคาด"
aar_line_has "เป้าประสงค์ KKN-CDC-2568/P2" "เด็กเล็กได้รับการดูแล"
keys q
# lessons8 about a project: the record the rest of the tests write in
keys a
wait_for "AAR ใหม่: ใช้แบบฟอร์มใด"
keys Down Down Enter
wait_for "ทบทวนเรื่องใด"
keys Down Down Enter            # a project
wait_for "โครงการใด"
wait_for "NKG-CDC-53"
keys End Enter
wait_for "ชื่อเรื่องของ AAR:"
type_text "ถอดบทเรียนศูนย์เด็กเล็กหนองกุงปลอดโรค"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3  ·  แบบฟอร์ม ถอดบทเรียน 8 หัวข้อ"
wait_for " ที่มาของการดำเนินโครงการ"
aar_line_has "โครงการ NKG-CDC-53" "ทดลองรูปแบบ"
wait_for "(ยังไม่ได้เขียน กด Enter เพื่อเขียน)"

# ---- Thai typed into a section --------------------------------------------
# The cursor starts on the first section (ที่มาของการดำเนินโครงการ).
keys Enter
wait_for "กำลังพิมพ์: Esc เสร็จ"
type_text "ผู้ปกครองร่วมมือดีมาก น้ำใจงาม ครูพี่เลี้ยงคัดกรองทุกเช้า"
wait_for "  ผู้ปกครองร่วมมือดีมาก น้ำใจงาม ครูพี่เลี้ยงคัดกรองทุกเช้า"
# a wrong tone mark: Backspace takes only the mark back
type_text " ที้"
wait_for "ทุกเช้า ที้"
keys BSpace
type_text "่"
wait_for "ทุกเช้า ที่"
absent "ที้"
# Left moves over a whole cluster: ที่ stays one
keys Left
type_text "และ"
wait_for "ทุกเช้า และที่"
# by word: Home, two words on (ผู้ปกครอง|ร่วมมือ|ดี...), then text there
keys Home C-Right C-Right
type_text "[ทุกคน]"
wait_for "  ผู้ปกครองร่วมมือ[ทุกคน]ดีมาก"
# and back by cluster and word: after ผู้ (one cluster with its two marks)
keys Home Right
type_text "*"
wait_for "  ผู้*ปกครองร่วมมือ[ทุกคน]ดีมาก"
keys End C-Left
type_text "~"
wait_for "ทุกเช้า และ~ที่"
keys Escape
aar_message "$SAVED"
wait_gone "กำลังพิมพ์"
FIRST="ผู้*ปกครองร่วมมือ[ทุกคน]ดีมาก น้ำใจงาม ครูพี่เลี้ยงคัดกรองทุกเช้า และ~ที่"
wait_for "  $FIRST"

# ---- a long paragraph wraps at Thai words ----------------------------------
keys Down                       # กิจกรรมที่ทำ
keys Enter
LONG="เตรียมการ: ประชุมชี้แจงผู้ปกครองและครูพี่เลี้ยงเรื่องโรคมือ เท้า ปาก พัฒนา: ฝึกครูพี่เลี้ยงคัดกรองเด็กป่วยทุกเช้าและบันทึกผลลงแบบฟอร์ม ประเมินผล: ติดตามจำนวนเด็กป่วยร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบล"
type_text "$LONG"
wait_for "สุขภาพตำบล"
keys Escape
aar_message "$SAVED"
# two lines: the start and the end of the paragraph are on different ones
wait_for "  เตรียมการ: ประชุมชี้แจง"
aar_line_lacks "เตรียมการ:" "สุขภาพตำบล"
# no word cut at the end of a line: each shows whole
for word in "ประชุมชี้แจง" "ผู้ปกครอง" "ครูพี่เลี้ยง" "คัดกรอง" "เด็กป่วย" "ทุกเช้า" "บันทึกผล" \
	"แบบฟอร์ม" "ประเมินผล:" "ติดตาม" "จำนวน" "โรงพยาบาล" "ส่งเสริม" "สุขภาพ" "ตำบล"; do
	if screen | grep -qF -- "$word"; then ok; else bad "a word cut by the wrap: $word"; fi
done

# ---- a follow-up action: who, by when, done -----------------------------------
keys a
wait_for "การดำเนินการต่อ:"
type_text "ประชุมผู้ปกครองทุกเดือนเพื่อติดตามผล"
keys Enter
wait_for "ผู้รับผิดชอบ (Enter = ยังไม่มี):"
type_text "นางสาวพัชรินทร์ ศรีสุข"
keys Enter
wait_for "กำหนดเสร็จ เช่น 31/3/2569"
type_text "๓๑ มี.ค. ๖๙"          # Thai digits, a month's name, a two-digit year
keys Enter
wait_for "[ ] ประชุมผู้ปกครองทุกเดือนเพื่อติดตามผล"
aar_line_has "ผู้รับผิดชอบ" "นางสาวพัชรินทร์ ศรีสุข"
aar_line_has "กำหนดเสร็จ" "31 มี.ค. 2569"
aar_line_has "การดำเนินการต่อ" "(ยังไม่เสร็จ: 1 / 1)"
keys Space                      # done
wait_for "[✓] ประชุมผู้ปกครองทุกเดือนเพื่อติดตามผล"
aar_line_has "สถานะ" "เสร็จแล้ว"
aar_line_has "การดำเนินการต่อ" "(ยังไม่เสร็จ: 0 / 1)"

# ---- undo a text edit -----------------------------------------------------------
keys g                          # the title; six rows down: the first section
keys Down Down Down Down Down Down Enter
wait_for "กำลังพิมพ์: Esc เสร็จ"
type_text " แก้ผิดที่"
wait_for "และ~ที่ แก้ผิดที่"
keys Escape
aar_message "$SAVED"
keys u
wait_gone "แก้ผิดที่"
wait_for "  $FIRST"
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"

# ---- kill -9 right after "saved": nothing saved is lost -------------------------
keys Down Down                  # ผลที่เกิดขึ้นตามแผนปฏิบัติการ
keys Enter
THIRD="เด็กป่วยลดลงครึ่งหนึ่ง ผู้ปกครองพาเด็กไปพบแพทย์เร็วขึ้น"
type_text "$THIRD"
wait_for "$THIRD"
aar_message "$SAVED"            # saved by itself, a second after the last key
kill -9 "$(program_pid)"
wait_for "EXIT=137"
start aar-after-kill 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-KKN-PHO-$TODAY-3  0    ถอดบทเรียนศูนย์เด็กเล็กหนองกุงปลอดโรค"
keys /
type_text "หนองกุงปลอดโรค"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3  ·  แบบฟอร์ม ถอดบทเรียน 8 หัวข้อ"
aar_line_has "ชื่อเรื่อง" "ถอดบทเรียนศูนย์เด็กเล็กหนองกุงปลอดโรค"
wait_for "  $FIRST"
wait_for "  เตรียมการ: ประชุมชี้แจง"
wait_for "  $THIRD"
keys G
wait_for "[✓] ประชุมผู้ปกครองทุกเดือนเพื่อติดตามผล"
aar_line_has "ผู้รับผิดชอบ" "นางสาวพัชรินทร์ ศรีสุข"
aar_line_has "กำหนดเสร็จ" "31 มี.ค. 2569"

# ---- a dropped line (SIGHUP) and Ctrl-C while typing: saved on the way out --
keys g Down Down Down Down Down Down Down Down Down Down   # ปัจจัยแห่งความสำเร็จ
keys Enter
FIFTH="ครูพี่เลี้ยงใส่ใจ ผู้ปกครองให้ความร่วมมือ"
type_text "$FIFTH"
wait_for "$FIFTH"
kill -HUP "$(program_pid)"      # well within the second before a save at rest
wait_for "EXIT=0 TTY=restored"
start aar-ctrl-c 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A /
type_text "หนองกุงปลอดโรค"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3"
keys Enter
keys Down Down Down Down Down Down Down Down Down Down   # ปัจจัยแห่งความสำเร็จ
wait_for "  $FIFTH"
keys Down Enter                 # สิ่งที่ไม่ได้ดังใจ
SIXTH="น้ำท่วมช่วงปลายปี ต้องเลื่อนการประชุม"
type_text "$SIXTH"
wait_for "$SIXTH"
keys C-c
wait_for "EXIT=0 TTY=restored"
# and from the shell, exactly as typed
sections=$("$BIN" --demo -d "$ADB" export aar_sections)
for text in "$FIRST" "$LONG" "$THIRD" "$FIFTH" "$SIXTH"; do
	if printf '%s\n' "$sections" | grep -qF -- "AAR-KKN-PHO-$TODAY-3,"; then ok; else bad "no sections exported"; fi
	if printf '%s\n' "$sections" | grep -qF -- "$text"; then ok; else bad "not exported as typed: $text"; fi
done
if "$BIN" --demo -d "$ADB" export aar_actions | grep -qF \
	"AAR-KKN-PHO-$TODAY-3,ประชุมผู้ปกครองทุกเดือนเพื่อติดตามผล,นางสาวพัชรินทร์ ศรีสุข,2026-03-31,done"; then
	ok
else
	bad "the follow-up action was not exported as typed"
fi

# ---- every section of lessons8 written --------------------------------------
start aar-every-section 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A /
type_text "หนองกุงปลอดโรค"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3"
keys Enter
wait_for "AAR-KKN-PHO-$TODAY-3  ·  แบบฟอร์ม ถอดบทเรียน 8 หัวข้อ"
keys g Down Down Down Down Down Down Down Down Down Enter   # ความก้าวหน้า ความสำเร็จ ความภาคภูมิใจ
FOURTH="ศูนย์ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรคระดับดีมาก ครูภูมิใจในผลงาน"
type_text "$FOURTH"
keys Escape
aar_message "$SAVED"
keys Down Down Down Enter        # สิ่งที่ได้โดยไม่คาดหวัง
SEVENTH="อสม. อาสามาช่วยทำความสะอาดของเล่นทุกวันศุกร์"
type_text "$SEVENTH"
keys Escape
aar_message "$SAVED"
keys Down Enter                  # ความรู้ ทักษะ ข้อเสนอแนะ
EIGHTH="ควรขยายผลไปศูนย์เด็กเล็กอื่นในอำเภอ พร้อมคู่มือการคัดกรอง"
type_text "$EIGHTH"
keys Escape
aar_message "$SAVED"
keys Q
wait_for "EXIT=0 TTY=restored"
sections=$("$BIN" --demo -d "$ADB" export aar_sections)
for text in "$FOURTH" "$SEVENTH" "$EIGHTH"; do
	if printf '%s\n' "$sections" | grep -qF -- "$text"; then ok; else bad "not exported as typed: $text"; fi
done
n=$(printf '%s\n' "$sections" | grep -c "^AAR-KKN-PHO-$TODAY-3,")
if [ "$n" = 8 ]; then ok; else bad "lessons8 record has $n sections, not 8"; fi

# ---- delete a record from the list (asks), and undo it ------------------------
start aar-delete 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-PMQA-2553           1    AAR การประชุมเชิงปฏิบัติการ"
keys G d
wait_for "ลบ AAR-ODPC6-2553"
keys n
wait_for "ไม่ได้ลบ"
keys d
wait_for "ลบ AAR-ODPC6-2553"
wait_for "y หรือ ◌ั = ใช่ ปุ่มอื่น = ไม่"  # the whole question, its keys last (a lone mark on ◌)
# the keys on a line of their own, the question's last word not left with them
if screen | grep -qE '^y หรือ ◌ั = ใช่ ปุ่มอื่น = ไม่ *$'; then ok; else bad "the answer keys share a line"; fi
type_text "ั"                     # y's key in the Thai layout: yes
wait_gone "ถอดบทเรียนการนำแผนที่"
wait_for "ลบ AAR-ODPC6-2553 แล้ว"
keys u
wait_for "AAR-ODPC6-2553          1    ถอดบทเรียนการนำแผนที่"
keys G Enter                     # the sections and actions came back too
wait_for "ได้รับนโยบายจากกรมควบคุมโรค"
keys G
wait_for "[✓] เสนอให้ สสจ. แต่งตั้งผู้รับผิดชอบงานแผนที่ทางเดินยุทธศาสตร์โดยตรง"
keys h                          # its history
wait_for "ประวัติ"
keys q q Q
wait_for "EXIT=0 TTY=restored"

# ---- a search hit in an AAR opens the form at the part found ------------------
start aar-hit 80 24 -- --demo -d "$ADB"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนา"
keys /
wait_for "/"
type_text "แผนเสร็จภายใน"
wait_for "/แผนเสร็จภายใน"
keys Enter
wait_for "AAR-PMQA-2553/happened"
keys Enter
wait_for "AAR-PMQA-2553  ·  แบบฟอร์ม AAR 4 คำถาม"
keys Enter                      # typing where the cursor is: the section
wait_for "กำลังพิมพ์: Esc เสร็จ · Enter ขึ้นบรรทัดใหม่"
keys Escape q
wait_for "AAR-PMQA-2553/happened"
keys q
wait_for "AAR การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนา"
keys /
type_text "ปฏิทินการปฏิบัติงาน"
wait_for "/ปฏิทินการปฏิบัติงาน"
keys Enter
wait_for "ทำปฏิทินการปฏิบัติงาน PMQA"
keys Enter                      # the form scrolled to the action
wait_for "[ ] ทำปฏิทินการปฏิบัติงาน PMQA"
keys d                          # d on a follow-up action asks about that one
wait_for "ลบการดำเนินการต่อ \"ทำปฏิทินการปฏิบัติงาน PMQA"
keys n
wait_for "ไม่ได้ลบ"
keys Q
wait_for "EXIT=0 TTY=restored"
