# mapedit.sh - a plan made from the plan list and its route map built on
# screen at 80x24: four boxes in four bands, three links, one taken away,
# a box moved, each step seen on the map and taken back by undo; then
# `routemap show plan` draws the same map.  Sourced by run.sh after lib.sh.
MED="$WORK/mapedit.db"
"$BIN" --demo -d "$MED" init >/dev/null
MAP_PLAN=MAP-2570

start mapedit 80 24 -- --demo -d "$MED"
wait_for "KKN-CDC-2568"
# ---- a plan from the plan list -------------------------------------------
keys a
wait_for "แผนใหม่ ยังไม่ได้บันทึก: จะบันทึกทันทีที่กรอก รหัส, ชื่อเรื่อง"
wait_for "KKN-PHO"                      # the office's own code to start with
keys Enter
type_text "MAP-2570"
keys Enter Down Down Enter
type_text "แผนงานป้องกันโรคติดต่อในศูนย์เด็กเล็ก ตำบลทดสอบ"
keys Enter
wait_for "บันทึกแล้ว"
wait_gone "ยังไม่ได้บันทึก"
keys Down Enter
type_text "ภายในปี ๒๕๗๓ ศูนย์เด็กเล็กทุกแห่งปลอดโรคระบาด"
keys Escape
keys Down Down Enter                    # fiscal year to: the plan ends 2572
keys BSpace
type_text "๒"                            # a Thai digit
keys Enter
wait_for "2572"
keys q
wait_for "MAP-2570      สสจ.ขอนแก่น  2570–2572"
keys Home Enter
# ---- the empty map: its bands, the destination above them ----------------
wait_for "MAP-2570  จุดหมายปลายทาง: ภายในปี ๒๕๗๓ ศูนย์เด็กเล็กทุกแห่งปลอดโรคระบาด"
wait_for "ยังไม่มีเป้าประสงค์"
on_map "ประชาชน"
on_map "พื้นฐาน"
keys Down Left e                        # nothing to move to, nothing to edit
wait_for "ยังไม่มีกล่องในแผนที่นี้"
keys a                                  # a band chosen from a list
wait_for "เพิ่มกล่องในแถบใด"
keys Enter                              # ประชาชน, the first
wait_for "เป้าประสงค์ใหม่ ยังไม่ได้บันทึก"
keys Enter
type_text "P1"
keys Tab Down Enter
type_text "เด็กเล็กปลอดโรค"
keys Enter
wait_for "แผน MAP-2570"
keys q
wait_for "┌─ P1 ─"
band_has ประชาชน P1
# ---- three more, each a band lower than the selected one -----------------
add_box S1 1 "ท้องถิ่นร่วมลงทุน"
add_box R1 1 "คัดกรองเด็กป่วยทุกเช้า"
add_box F1 1 "ครูพี่เลี้ยงผ่านการอบรม"
band_has ภาคี S1
band_has กระบวนการ R1
band_has พื้นฐาน F1
wait_for "F1  ครูพี่เลี้ยงผ่านการอบรม"    # the new box selected
# ---- links: F1 -> R1 -> S1 -> P1 ----------------------------------------
keys l
wait_for "เชื่อมจาก F1 ไปยัง…"
keys Up Enter
wait_for "เพิ่มเส้นเชื่อม F1 → R1 แล้ว"
arrow_count 1
keys l Up Enter                         # R1 (selected: the effect) to S1
wait_for "เพิ่มเส้นเชื่อม R1 → S1 แล้ว"
keys l Up Enter
wait_for "เพิ่มเส้นเชื่อม S1 → P1 แล้ว"
arrow_count 3
wait_for "เกิดจาก: S1"                   # P1 selected: its cause
# a link down asks first; no: nothing made
keys l Down Enter
wait_for "S1 อยู่ในแถบที่ต่ำกว่า P1"
keys n
wait_for "ไม่ได้เชื่อม"
arrow_count 3
# Esc cancels linking, and stays on the map
keys Up l
wait_for "เชื่อมจาก P1 ไปยัง…"
keys Escape
wait_for "ไม่ได้เชื่อม"
wait_for "┌─ P1 ─"
# the same link again takes it away
keys Down l Up Enter
wait_for "เอาเส้นเชื่อม S1 → P1 ออกแล้ว"
arrow_count 2
wait_for "เกิดจาก: —"
# ---- a second foundation box, moved left, undone -------------------------
keys Down Down Down                      # from P1, the effect, down to F1
wait_for "F1  ครูพี่เลี้ยงผ่านการอบรม"
add_box F2 0 "มีระบบข้อมูลเฝ้าระวัง"
row_order F1 F2
keys '<'
wait_for "ย้าย F2 ไปทางซ้ายแล้ว"
row_order F2 F1
keys '<'
wait_for "F2 เป็นกล่องแรกของแถบอยู่แล้ว"
keys u
wait_for "┌─ F1 ─"
row_order F1 F2
# ---- to another band, undone --------------------------------------------
keys M
wait_for "ย้ายกล่องไปแถบใด"
keys Up Enter                             # กระบวนการ, above พื้นฐาน
wait_for "ย้าย F2 ไปอีกแถบแล้ว"
row_order R1 F2
keys u
row_order F1 F2
# ---- deleted with its link, undone --------------------------------------
keys Left                                 # F1, with its link to R1
keys d
wait_for "ลบกล่อง F1 พร้อมเส้นเชื่อม 1 เส้นและตัวชี้วัดของกล่องนี้"
keys y
wait_for "ลบ F1 แล้ว"
off_map "─ F1 ─"
arrow_count 1
keys u
wait_for "┌─ F1 ─"
arrow_count 2
# undo, step by step: F2's adding, then the link taken away: three again
keys u
wait_gone "─ F2 ─"
arrow_count 2
keys u
wait_for "เกิดจาก: S1"
arrow_count 3
# ---- the CLI draws the same map -----------------------------------------
screen | sed -n "$MAP_ROWS" | sed 's/ *$//' | sed '/^$/d' >"$WORK/mapedit-screen.txt"
keys Q
wait_for "EXIT=0"
"$BIN" --demo -d "$MED" show plan MAP-2570 >"$WORK/mapedit-cli.txt" 2>&1
if grep -qF "ภายในปี ๒๕๗๓ ศูนย์เด็กเล็กทุกแห่งปลอดโรคระบาด" "$WORK/mapedit-cli.txt" &&
	grep -qF "2570–2572" "$WORK/mapedit-cli.txt"; then ok; else bad "show plan: not the plan made"; fi
sed -n '/^ประชาชน/,$p' "$WORK/mapedit-cli.txt" | sed 's/ *$//' | sed '/^$/d' >"$WORK/mapedit-cli-map.txt"
if grep -q "┌─ P1 ─" "$WORK/mapedit-cli-map.txt" &&
	cmp -s "$WORK/mapedit-screen.txt" "$WORK/mapedit-cli-map.txt"; then
	ok
else
	bad "show plan draws another map than the screen"
	diff "$WORK/mapedit-screen.txt" "$WORK/mapedit-cli-map.txt" | head -20
fi
# the plan deleted from the list, and back
start mapedit-delete 80 24 -- --demo -d "$MED"
wait_for "MAP-2570"
keys Home d
wait_for "ลบแผน MAP-2570 พร้อมแผนที่ทางเดินยุทธศาสตร์"
keys y
wait_for "ลบ MAP-2570 แล้ว"
wait_gone "MAP-2570      "
keys u
wait_for "MAP-2570      สสจ.ขอนแก่น"
keys Home Enter
wait_for "┌─ F1 ─"
arrow_count 3
keys Q
wait_for "EXIT=0"
