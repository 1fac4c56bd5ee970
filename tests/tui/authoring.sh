# authoring.sh - issue 11's "Done when", as a new user would do it, in ONE
# database from the demo: a plan made from the plan list; its route map
# built on screen (four boxes in four bands and one more, four links and
# one of them taken away, a box moved, two steps undone and done again);
# this year's result of a new indicator typed in Thai digits; a project
# serving two objectives; CDC-NORM v3 from v2 with one item changed and
# one added, the difference seen, the version issued; an assessment's date
# corrected in the Buddhist Era; Q; the program opened again and all of
# it found on screen; then the batch commands show exactly that.  Last, a
# box deleted by a second user while the first has its form open.
# Sourced by run.sh after lib.sh.
AU="$WORK/authoring.db"
"$BIN" --demo -d "$AU" init >/dev/null || bad "cannot make the authoring database"
# today's fiscal year (FY, YY): the plan's first year, the column the new
# indicator starts with, the new project's code
this_fiscal_year
PLAN="KKN-DEN-2570"
MAP_PLAN=$PLAN                # (add_box waits for its form)
PTITLE="แผนที่ทางเดินยุทธศาสตร์ลดโรคไข้เลือดออก จังหวัดขอนแก่น"
DEST="ภายในปี ๒๕๗๓ ผู้ป่วยไข้เลือดออกลดลงร้อยละ ๕๐"
IND="อัตราป่วยด้วยโรคไข้เลือดออกต่อประชากรแสนคน"
PROJ="รณรงค์ทำลายแหล่งเพาะพันธุ์ยุงลายร่วมกับ อบต."
CM2="มีช่องทางแจ้งข่าวโรคระบาดถึงผู้ปกครองภายในวันเดียว (กลุ่มไลน์ เสียงตามสาย)"
CM4="ศูนย์เด็กเล็กแจ้งผู้ปกครองเมื่อพบเด็กป่วยด้วยไข้เลือดออก"

# au_links WANT: the plan's links as `export links` has them, one
# "from>to" after another, e.g. "F1>R1 R1>S1".
au_links() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while :; do
		got=$("$BIN" -d "$AU" export links |
			sed -n "s/^$PLAN,\([^,]*\),\([^,]*\)$/\1>\2/p" | sort | tr '\n' ' ')
		[ "$got" = "$1 " ] && { ok; return; }
		[ "$(date +%s)" -gt "$end" ] && break
		sleep 0.05
	done
	bad "links: $got, wanted $1"
}

start authoring 80 24 -- --demo -d "$AU"
wait_for "KKN-CDC-2568"
# ---- the plan ---------------------------------------------------------------
keys a
wait_for "แผนใหม่ ยังไม่ได้บันทึก: จะบันทึกทันทีที่กรอก รหัส, ชื่อเรื่อง"
keys Enter
type_text "$PLAN"
keys Enter Down Down Enter
type_text "$PTITLE"
keys Enter
wait_for "บันทึกแล้ว"
wait_gone "ยังไม่ได้บันทึก"
keys Down Enter
type_text "$DEST"
keys Escape
wait_for "บันทึกแล้ว"
keys q
wait_for "$PLAN  สสจ.ขอนแก่น  $FY–$((FY + 3))"
keys Home Down Enter                    # KKN-CDC-2568, then the new plan
wait_for "$PLAN  จุดหมายปลายทาง: $DEST"
wait_for "แผนนี้ยังไม่มีเป้าประสงค์"
# ---- the route map: P1 on the empty map, then a band lower each time -------
keys a
wait_for "เพิ่มกล่องในแถบใด"
keys Enter
wait_for "เป้าประสงค์ใหม่ ยังไม่ได้บันทึก"
keys Enter
type_text "P1"
keys Tab Down Enter
type_text "ประชาชนปลอดภัยจากโรคไข้เลือดออก"
keys Enter
wait_for "แผน $PLAN"
keys q
wait_for "┌─ P1 ─"
add_box S1 1 "อบต. ร่วมกำจัดแหล่งเพาะพันธุ์ยุงลาย"
add_box R1 1 "ทีมสอบสวนโรคออกควบคุมโรคภายใน ๒๔ ชั่วโมง"
add_box F1 1 "มีระบบข้อมูลเฝ้าระวังโรคที่ทันเวลา"
add_box F2 0 "บุคลากรได้รับการอบรมการควบคุมพาหะ"
band_has ประชาชน P1
band_has ภาคี S1
band_has กระบวนการ R1
band_has พื้นฐาน F1
row_order F1 F2
# ---- links: F1 -> R1 -> S1 -> P1, and F2 -> R1 made and taken away --------
keys Left
wait_for "F1  มีระบบข้อมูลเฝ้าระวังโรคที่ทันเวลา"
keys l Up Enter
wait_for "เพิ่มเส้นเชื่อม F1 → R1 แล้ว"
keys l Up Enter
wait_for "เพิ่มเส้นเชื่อม R1 → S1 แล้ว"
keys l Up Enter
wait_for "เพิ่มเส้นเชื่อม S1 → P1 แล้ว"
arrow_count 3
keys Down Down Down Right               # to F2, right of F1
wait_for "F2  บุคลากรได้รับการอบรมการควบคุมพาหะ"
keys l Up Enter
wait_for "เพิ่มเส้นเชื่อม F2 → R1 แล้ว"
wait_for "เกิดจาก: F1 F2"                # R1 selected: its two causes
au_links "F1>R1 F2>R1 R1>S1 S1>P1"
keys Down Right l Up Enter
wait_for "เอาเส้นเชื่อม F2 → R1 ออกแล้ว"
wait_for "เกิดจาก: F1 "
# ---- a box moved; two steps undone, then done again ------------------------
keys Down Right
wait_for "F2  บุคลากรได้รับการอบรมการควบคุมพาหะ"
keys '<'
wait_for "ย้าย F2 ไปทางซ้ายแล้ว"
row_order F2 F1
keys u                                  # the move
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"
row_order F1 F2
au_links "F1>R1 R1>S1 S1>P1"
keys u                                  # the link taken away: back
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"
au_links "F1>R1 F2>R1 R1>S1 S1>P1"
row_order F1 F2
wait_for "F2  บุคลากรได้รับการอบรมการควบคุมพาหะ"   # F2 selected again: done again
keys l Up Enter
wait_for "เอาเส้นเชื่อม F2 → R1 ออกแล้ว"
keys Down Right '<'
wait_for "ย้าย F2 ไปทางซ้ายแล้ว"
row_order F2 F1
arrow_count 3
au_links "F1>R1 R1>S1 S1>P1"
# ---- P1's page: an indicator, this year's result in Thai digits ------------
keys Up Up Up
wait_for "P1  ประชาชนปลอดภัยจากโรคไข้เลือดออก"
keys Enter
wait_for "ตัวชี้วัด   ค่าฐาน / เป้าหมาย / ผลงาน"
keys a
wait_for "ปีงบประมาณของตัวชี้วัด"
keys Enter
wait_for "ตัวชี้วัดใหม่ ยังไม่ได้บันทึก"
keys Enter
type_text "$IND"
keys Enter
wait_for "บันทึกแล้ว"
keys Down Enter
type_text "ต่อแสนประชากร"
keys Enter q
wait_for "$IND (ต่อแสนประชากร)"
wait_for "ปีงบ $FY •"
keys Enter                              # the cursor is on its result for this year
type_text "๒๕.๔"
keys Enter
wait_for "— / — / 25.4"
keys Left Enter
type_text "๓๐"
keys Enter
wait_for "— / 30 / 25.4"
keys Left Enter
type_text "๔๑.๒"
keys Enter
wait_for "41.2 / 30 / 25.4"
# ---- a project serving P1 and S1 -------------------------------------------
# objectives served: Enter puts one in or takes it out, the list stays open
proj_objectives() {       # the objectives the new project serves, as exported
	got=$("$BIN" -d "$AU" export projects | grep "^KKN-PHO-$YY," | cut -d, -f4)
	if [ "$got" = "$1" ]; then ok; else bad "objectives of KKN-PHO-$YY: '$got', not '$1'"; fi
}
keys a
wait_for "โครงการที่ตอบสนองเป้าประสงค์นี้"
keys Down Down Enter
wait_for "โครงการใหม่ ยังไม่ได้บันทึก"
wait_for "KKN-PHO-$YY"
# two objectives before it is made: S1 beside P1, kept in the form only
keys Down Down Down Down Down Down Down Down Down Down Enter
wait_for "[✓] P1  ประชาชนปลอดภัยจากโรคไข้เลือดออก"
wait_for "[ ] S1  "
keys Down Enter
wait_for "[✓] S1  "
keys Escape
wait_for "P1, S1"
wait_for "โครงการใหม่ ยังไม่ได้บันทึก"
absent "บันทึกแล้ว"
if "$BIN" -d "$AU" export projects | grep -q "^KKN-PHO-$YY,"; then bad "made too soon"; else ok; fi
keys Up Up Up Up Up Up Up Up Up Up Enter   # the title, the one field it needs
type_text "$PROJ"
keys Enter
wait_for "บันทึกแล้ว"
wait_gone "ยังไม่ได้บันทึก"
proj_objectives "P1;S1"
keys Down Down Down Down Down Down Enter   # the budget
type_text "๑๕๐,๐๐๐"
keys Enter
wait_for "150000"
# made: the two taken out (the only one served too), then put in again
keys Down Down Down Down Enter          # the objectives served
wait_for "[✓] P1  ประชาชนปลอดภัยจากโรคไข้เลือดออก"
keys Enter
wait_for "[ ] P1  "
proj_objectives "S1"
keys Down Enter                         # the only one it serves
wait_for "[ ] S1  "
proj_objectives ""
keys Up Enter
wait_for "[✓] P1  "
keys Down Enter
wait_for "[✓] S1  "
proj_objectives "P1;S1"
keys q
wait_for "P1, S1"
keys q PageDown
wait_for "KKN-PHO-$YY  $PROJ"
keys q
wait_for "┌─ P1 ─"
# ---- CDC-NORM v3 from v2: CM2's weight 1 -> 2, CM4 added, compared ---------
keys C
wait_for "A-BNG-69"
keys S
wait_for "PMQA-SELF"
keys v
wait_for "สร้าง CDC-NORM ฉบับที่ 3 จากฉบับที่ 2 แล้ว"
keys Enter
wait_for "CDC-NORM v3  ค่ากลางศูนย์เด็กเล็กปลอดโรค"
keys Down Down Down Down Down Down Down
wait_for "หลักฐาน: ข้อความที่แจ้ง"        # CM2's evidence under the list
keys e
wait_for "$CM2"
keys Down Down Enter BSpace
type_text "๒"
keys Enter
wait_for "บันทึกแล้ว"
keys q
wait_for "CM2  $CM2    น้ำหนัก 2"
keys a
wait_for "รายการค่ากลางใหม่ ยังไม่ได้บันทึก"
keys Up Enter
type_text "CM4"
keys Enter Down Enter
type_text "$CM4"
keys Escape
wait_for "บันทึกแล้ว"
keys q
wait_for "CM4  $CM4"
keys D
wait_for "เปรียบเทียบกับ"
keys Enter
wait_for "ฉบับที่ 2 → ฉบับที่ 3: เพิ่ม 1 ข้อ ตัดออก 0 ข้อ เปลี่ยน 1 ข้อ คงเดิม 16 ข้อ"
wait_for "~ CM2  $CM2"
wait_for "น้ำหนัก: 1 → 2"
wait_for "+ CM4  $CM4"
wait_for "กลุ่ม: การสื่อสาร  น้ำหนัก: 1"
keys q q
wait_for "PMQA-SELF"
# issued: its date typed in the Buddhist Era
keys e
wait_for "ออกเมื่อ"
keys Home Down Down Down Enter
type_text "๑/๑๑/๒๕๖๘"
keys Enter
wait_for "1 พ.ย. 2568"
keys q
wait_for "v3   1 พ.ย. 2568   18       0"
# ---- an assessment's date corrected ----------------------------------------
keys q
wait_for "A-BNG-69"
keys e
wait_for "20 ม.ค. 2569"
keys Enter BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "๒๑/๑/๒๕๖๙"
keys Enter
wait_for "21 ม.ค. 2569"
keys h
wait_for "วันที่ประเมิน: 20 ม.ค. 2569 → 21 ม.ค. 2569"
keys q q
wait_for "A-BNG-69  ศพด.บัวเงิน   CDC-NORM v2   21 ม.ค. 2569"
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- opened again: all of it there -----------------------------------------
start authoring-again 80 24 -- --demo -d "$AU"
wait_for "$PLAN  สสจ.ขอนแก่น  $FY–$((FY + 3))  แผนที่ทางเดินยุทธศาสตร์ลดโรคไข้เลือดออก"
keys Home Down Enter
wait_for "$PLAN  จุดหมายปลายทาง: $DEST"
band_has ประชาชน P1
band_has ภาคี S1
band_has กระบวนการ R1
band_has พื้นฐาน F2
row_order F2 F1
arrow_count 3
keys Enter                              # P1, the first box
wait_for "P1  ประชาชนปลอดภัยจากโรคไข้เลือดออก"
wait_for "ปีงบ $FY •"
wait_for "$IND (ต่อแสนประชากร)"
wait_for "41.2 / 30 / 25.4"
keys End                                # to the projects, the page's end
wait_for "KKN-PHO-$YY  $PROJ"
keys q q C
wait_for "A-BNG-69  ศพด.บัวเงิน   CDC-NORM v2   21 ม.ค. 2569"
keys S
wait_for "v3   1 พ.ย. 2568   18       0"
keys Enter
wait_for "CM2  $CM2    น้ำหนัก 2"
wait_for "CM4  $CM4"
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- the batch commands: exactly that was stored ---------------------------
"$BIN" -d "$AU" show plan "$PLAN" --width 80 >"$WORK/au-plan.txt" 2>&1
if grep -qxF "$PLAN $PTITLE" "$WORK/au-plan.txt" &&
	grep -qxF "ปีงบประมาณ: $FY–$((FY + 3))" "$WORK/au-plan.txt" &&
	grep -qxF "จุดหมายปลายทาง: $DEST" "$WORK/au-plan.txt"; then ok
else bad "show plan: $(head -4 "$WORK/au-plan.txt")"; fi
if grep -qE "^พื้นฐาน +┌─ F2 ─.*┌─ F1 ─" "$WORK/au-plan.txt" &&
	[ "$(grep -o "▲" "$WORK/au-plan.txt" | wc -l)" -eq 3 ]; then ok
else bad "show plan: not the map made"; fi
got=$("$BIN" -d "$AU" export objectives | grep "^$PLAN," | cut -d, -f2,3 | tr '\n' ' ')
want="P1,people S1,stakeholder R1,process F2,foundation F1,foundation "
if [ "$got" = "$want" ]; then ok; else bad "export objectives: $got"; fi
au_links "F1>R1 R1>S1 S1>P1"
# (its last column, the uid, made at random, left out)
got=$("$BIN" -d "$AU" export indicators | grep "^$PLAN," | sed 's/,[^,]*$//')
if [ "$got" = "$PLAN,P1,$IND,ต่อแสนประชากร,41.2,30,$FY,25.4" ]; then ok
else bad "export indicators: $got"; fi
got=$("$BIN" -d "$AU" export projects | grep "^KKN-PHO-$YY,")
if [ "$got" = "KKN-PHO-$YY,KKN-PHO,$PLAN,P1;S1,$FY,$PROJ,preparation,planned,150000,,," ]; then ok
else bad "export projects: $got"; fi
"$BIN" -d "$AU" show norm CDC-NORM --version 3 --format csv >"$WORK/au-norm.csv"
if [ "$(grep -c . "$WORK/au-norm.csv")" -eq 19 ] &&
	grep -qxF "CDC-NORM,3,communication,CM2,$CM2,ข้อความที่แจ้ง,2" "$WORK/au-norm.csv" &&
	grep -qxF "CDC-NORM,3,communication,CM4,$CM4,,1" "$WORK/au-norm.csv"; then ok
else bad "show norm CDC-NORM --version 3: $(grep CM "$WORK/au-norm.csv")"; fi
if "$BIN" -d "$AU" show norm CDC-NORM --version 3 | grep -qxF "ออกเมื่อ: 1 พ.ย. 2568"; then ok
else bad "show norm: not issued 1 พ.ย. 2568"; fi
"$BIN" -d "$AU" diff norm CDC-NORM 2 3 --format csv >"$WORK/au-diff.csv"
if [ "$(grep -c . "$WORK/au-diff.csv")" -eq 3 ] &&
	grep -qxF "changed,CM2,weight,communication,communication,1,2,$CM2,$CM2,ข้อความที่แจ้ง,ข้อความที่แจ้ง" "$WORK/au-diff.csv" &&
	grep -qxF "added,CM4,,,communication,,1,,$CM4,," "$WORK/au-diff.csv"; then ok
else bad "diff norm CDC-NORM 2 3: $(cat "$WORK/au-diff.csv")"; fi
if "$BIN" -d "$AU" list assessments | grep -q "^A-BNG-69 .* 21 ม.ค. 2569 "; then ok
else bad "list assessments: A-BNG-69 not on 21 ม.ค. 2569"; fi

# ---- two users: B deletes the box A has open --------------------------------
start authoring-a 80 24 -- --demo -d "$AU"
wait_for "$PLAN"
keys Home Down Enter Down Down Down
wait_for "F2  บุคลากรได้รับการอบรมการควบคุมพาหะ"
keys e
wait_for "แผน $PLAN"
start_b --demo -d "$AU"
wait_b "$PLAN"
keys_b Home Down Enter Down Down Down
wait_b "F2  บุคลากรได้รับการอบรมการควบคุมพาหะ"
keys_b d
wait_b "ลบกล่อง F2"
keys_b y
wait_b "ลบ F2 แล้ว"
wait_for "ไม่มีเป้าประสงค์นี้แล้ว (ถูกลบ หรือย้อนการเพิ่มไปแล้ว)"
absent "หน่วยความจำไม่พอ"                # not "out of memory"
type_text "ีก"                           # Thai typed on: u and d in the layout,
wait_for "เรื่องนี้ไม่มีแล้ว กด q เพื่อกลับ"   # eaten, never undo or delete
keys_b u
wait_b "┌─ F2 ─"
keys q
wait_for "┌─ F2 ─"
keys Q
wait_for "EXIT=0 TTY=restored"
