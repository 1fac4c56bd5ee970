# checklist.sh - filling a ค่ากลาง checklist from the keyboard; sourced by
# run.sh after lib.sh.  Its own database, so the other tests see the demo.
CK="$WORK/checklist.db"
"$BIN" --demo -d "$CK" init >/dev/null

# ---- the whole of A-BNG-69 with the number keys -----------------------------
start fill 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
wait_for "47.4%  ระดับ 3  ตอบแล้ว 12/17"
# the filter's tag has a line of its own: the coverage stays whole beside it
keys f
wait_for "[เฉพาะข้อที่ยังไม่ตอบ]"
wait_for "ความครอบคลุม █████████░░░░░░░░░░░  47.4%  ระดับ 3  ตอบแล้ว 12/17"
keys f Home                        # all items again, from the first
wait_gone "[เฉพาะข้อที่ยังไม่ตอบ]"
wait_for "[✓] SM1"
# SM1..SM3 CP1..CP3 CM1..CM3 SV1..SV3 LE1 LE2 CO1 CO2 SU1, the cursor moving
# on after each key
keys 1 1 4 1 2 1 1 1 3 1 1 2 1 1 1 1 1
# met 16 of 19 applicable by weight, partial 2 x 0.5: 17/19
wait_for "89.5%  ระดับ 5  ตอบแล้ว 17/17"
wait_for "บันทึกแล้ว"
# each status key is its own step: u takes back the last (SU1)
keys u
wait_for "86.8%  ระดับ 5  ตอบแล้ว 17/17"   # SU1 back to partial
keys 1
wait_for "89.5%  ระดับ 5  ตอบแล้ว 17/17"
keys Q
wait_for "EXIT=0 TTY=restored"
if "$BIN" -d "$CK" report coverage A-BNG-69 --format csv | grep -qx 'A-BNG-69,\*,17,17,89.5,5'; then
	ok
else
	bad "report coverage does not say 89.5, rank 5"
fi

# ---- the Thai layout: ๅ is 1, / is 2 and - is 3 once Thai is typed, ภ is 4 --
start thai-status 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
type_text "ๅ"                      # 1: met, and on to SM2
wait_for "[✓] SM2"
type_text "/"                      # 2: partial (Thai layout: the 2 key)
wait_for "[~] SM2"
type_text "-"                      # 3: not met
wait_for "[✗] SM3"
type_text "ภ"                      # 4: not applicable
wait_for "[-] CP1"
type_text "จ"                      # the 0 key: clears
wait_for "[ ] CP2"
type_text "ๆ"                      # q: back to the list
wait_for "A-NKG-53"
type_text "๐"                      # Shift-Q in the Thai layout: quit, not the digit 0
wait_for "EXIT=0 TTY=restored"

# ---- the first key after start: / is status 2 in a checklist, said on the hint line
cp "$CK" "$WORK/first.db"
start thai-first-key 80 24 -- -d "$WORK/first.db"
wait_for "KKN-CDC-2568"
keys Tab Enter                     # no letter typed yet: the layout is not known
wait_for "[✓] SM1"
wait_for "1 2 3 4 สถานะ (แป้นไทย ๅ / - ภ)"
wait_for "ฝ ค้นหา"
type_text "/"
wait_for "[~] SM1"
type_text "-"
wait_for "[✗] SM2"
keys Q
wait_for "EXIT=0 TTY=restored"
# once a Latin letter is typed, / is search again, and the hint says so
start latin-slash 80 24 -- -d "$WORK/first.db"
wait_for "KKN-CDC-2568"
keys C Enter
wait_for "[~] SM1"
wait_for "1 2 3 4 สถานะ  "
wait_for "/ ค้นหา"
type_text "/"
type_text "ครูพี่เลี้ยง"
wait_for "/ครูพี่เลี้ยง"
keys Enter
wait_for "CDC-NORM v2/CM1"            # the hits, the status untouched
if "$BIN" -d "$WORK/first.db" export assessment_entries | grep -q '^A-BNG-69,SM1,partial,'; then
	ok
else
	bad "SM1 is not partial after / in the Thai layout"
fi
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- an item: a Thai note, support from a list, undo, kill -9 ---------------
start item 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down
keys Enter
wait_for "อบต. ออกประกาศแนวปฏิบัติการคัดกรองเด็กป่วยก่อนเข้าศูนย์"
wait_for "หลักฐาน: ประกาศ อบต."
keys Enter                         # the note: type in place
keys C-u                           # not a key of the text: a beep, typing goes on
type_text " ผู้ใหญ่บ้านช่วยผลักดันให้เข้าวาระประชุมเดือนหน้า"
keys Escape
wait_for "บันทึกแล้ว"
wait_for "ผู้ใหญ่บ้านช่วยผลักดัน"
keys Down Down                     # its request: asked from
keys Enter
wait_for "กองทุนฯ ตำบล"
keys Up                            # from the province up to the fund
keys Enter
wait_for "บันทึกแล้ว"
wait_for "กองทุนฯ ตำบล"
keys u                             # undo: back to the province
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"
wait_for "จังหวัด"
keys h                             # history of the item and its requests, newest first
wait_for "ขอจาก: กองทุนฯ ตำบล → จังหวัด"
wait_for "ขอจาก: จังหวัด → กองทุนฯ ตำบล"
keys q
# Ctrl-E: the note in $VISUAL (here a script that adds a sentence), back
# into the field and saved
cat > "$WORK/editor.sh" <<'EDITOR'
#!/bin/sh
sed -i 's/$/ ตรวจแล้วโดยหัวหน้าศูนย์/' "$1"
EDITOR
chmod +x "$WORK/editor.sh"
keys q
start item-editor 80 24 VISUAL="$WORK/editor.sh" -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Enter
wait_for "หลักฐาน: ประกาศ อบต."
keys Enter
keys C-e
wait_for "ตรวจแล้วโดยหัวหน้าศูนย์"
wait_for "บันทึกแล้ว"
keys Escape
# typing at rest is saved; kill -9 right after and nothing is lost
keys Enter                         # the note again (the cursor is still on it)
type_text " ครูพี่เลี้ยงสรุปผลทุกวันศุกร์"
wait_for "บันทึกแล้ว"
kill -9 "$(program_pid)"
wait_for "EXIT=137"
start item-after-kill 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys Q
wait_for "EXIT=0"
if "$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,SM2,' |
	grep -q 'ผู้ใหญ่บ้านช่วยผลักดันให้เข้าวาระประชุมเดือนหน้า ตรวจแล้วโดยหัวหน้าศูนย์ ครูพี่เลี้ยงสรุปผลทุกวันศุกร์'; then
	ok
else
	bad "the note typed before kill -9 is not in the database"
	"$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,SM2,'
fi
if "$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,SM2,' | grep -q ',province,'; then
	ok
else
	bad "undo did not put support_from back to province"
fi

# ---- a second item explained: note, a request of support under a frame -------
start second-item 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Down Down Down Down      # CP3
keys Enter
wait_for "แผนปฏิบัติการประจำปีของศูนย์เชื่อมกับแผนพัฒนาท้องถิ่น"
keys Enter                         # the note
type_text "ยังไม่ได้บรรจุในแผนพัฒนาท้องถิ่นสี่ปี"
keys Escape
wait_for "บันทึกแล้ว"
keys a                             # a request: what, from whom, frame, baht
wait_for "การสนับสนุนที่ต้องการ:"
type_text "วิทยากรช่วยเขียนโครงการเข้าแผนพัฒนาท้องถิ่น"
keys Enter
wait_for "ขอจาก"
keys Down Down Enter               # none -> the fund -> the province (required)
wait_for "การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์"
keys Down Down Enter               # none -> 1 -> 2
wait_for "จำนวนเงิน (บาท) ใช้เลขไทยได้"
keys Enter                         # no amount
wait_for "2  การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์"
keys Q
wait_for "EXIT=0 TTY=restored"
if "$BIN" -d "$CK" export assessment_entries | grep -qF \
	'A-BNG-69,CP3,met,ยังไม่ได้บรรจุในแผนพัฒนาท้องถิ่นสี่ปี,วิทยากรช่วยเขียนโครงการเข้าแผนพัฒนาท้องถิ่น,province,2'; then
	ok
else
	bad "the second item's note, support needed and frame are not stored as typed"
	"$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,CP3,'
fi

# ---- two people, one note: nobody's text is overwritten or lost -------------
# A types a note; B, in a session of their own, saves another version of it
# meanwhile.  A's saving at rest must stop at theirs; A quitting with Ctrl-C
# keeps A's text aside, in the recovery file, and B's stays in the database.
start two-a 80 24 -- -d "$CK"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Down Down Down Down Down         # CM1
keys Enter
wait_for "ครูพี่เลี้ยงสอนและพาเด็กล้างมือ"
keys Enter
type_text "ฉบับของเอ"
wait_for "บันทึกแล้ว"
$TMUX_CMD new-session -d -s b -x 80 -y 24 \
	"cd '$WORK' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color ${VALGRIND:-} '$BIN' -d '$CK'; sleep 600"
screen_b() { $TMUX_CMD capture-pane -p -t b; }
for k in C Enter Down Down Down Down Down Down Enter; do
	sleep 0.3
	$TMUX_CMD send-keys -t b "$k"
done
sleep 0.5
$TMUX_CMD send-keys -t b Enter
$TMUX_CMD send-keys -t b -l " ฉบับของบี"
$TMUX_CMD send-keys -t b Escape
i=0
until screen_b | grep -qF "บันทึกแล้ว"; do
	i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.1
done
if screen_b | grep -qF "บันทึกแล้ว"; then ok; else bad "B could not save"; fi
type_text " และแก้ต่อ"                    # A types on; B's version stands
wait_for "ไม่ได้บันทึกทับ"
sleep 1.5                                  # past a save at rest
if "$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,CM1,' | grep -q 'ฉบับของบี'; then
	ok
else
	bad "A's typing overwrote B's note"
fi
keys C-c
wait_for "EXIT=0"
if "$BIN" -d "$CK" export assessment_entries | grep 'A-BNG-69,CM1,' | grep -q 'ฉบับของบี'; then
	ok
else
	bad "A's quitting overwrote B's note"
fi
if grep -q 'ฉบับของเอ และแก้ต่อ' "$CK.$(id -un).recovered.txt" 2>/dev/null; then
	ok
else
	bad "A's text is not in the recovery file"
fi
$TMUX_CMD kill-session -t b
