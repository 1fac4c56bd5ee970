# cuts.sh - text cut to fit and columns on the screens: codes never cut,
# headings whole, a long message whole, an item's long note scrolling.
# Sourced by run.sh after lib.sh.  Its own database.
CU="$WORK/cuts.db"
"$BIN" --demo -d "$CU" init >/dev/null

# heading_whole: the column headings (line 2 of the screen) hold no "…"
heading_whole() {
	if screen | sed -n 2p | grep -qF "…"; then bad "a heading cut"; else ok; fi
}

# code_whole CODE: CODE shows whole in a list, a space at least after it
code_whole() {
	wait_for "$1  "
	absent "${1%?}…"
}

# Below 80 columns the screens say so, in whole words; from 80 to 83 every
# list holds its codes whole and its headings uncut, the title giving way.
for W in 60 70; do
	start "cuts-$W" "$W" 24 -- -d "$CU"
	wait_for "80x24"
	absent "…"
	resize 80 24                      # (keys are held while it is too small)
	code_whole KKN-CDC-2568
	keys Q
	wait_for "EXIT=0"
done
for W in 80 81 82 83; do
	start "cuts-$W" "$W" 24 -- -d "$CU"
	wait_for "ชื่อเรื่อง"
	code_whole KKN-CDC-2568
	code_whole NPG-CDC-2569
	wait_for "สสจ.ขอนแก่น  2568–2571"
	heading_whole
	keys C
	code_whole A-BNG-69
	code_whole A-NKG-53
	# the set column as wide as its longest, PMQA-SELF v1
	wait_for "CDC-NORM v2   20 ม.ค. 2569"
	wait_for "PMQA-SELF v1  16 ก.พ. 2569"
	wait_for "รอตอบ"                  # "to answer": its heading whole
	wait_for "ศพด.บัวเงิน"
	heading_whole
	keys A
	code_whole AAR-ODPC6-2553
	code_whole AAR-PMQA-2553
	wait_for "ค้าง"
	wait_for "แบบฟอร์ม: AAR 4 คำถาม"   # below the list when not in a column
	heading_whole
	keys /
	type_text "ทุกเช้า"
	keys Enter
	wait_for "คำตอบในการประเมิน  A-BNG-69/SV1"   # the kind is never cut
	code_whole NPG-CDC-2569/R1
	code_whole "CDC-NORM v2/SV1"
	wait_for "ประเภท"
	if screen | sed -n 3p | grep -qF "…"; then bad "a heading cut"; else ok; fi
	keys Q
	wait_for "EXIT=0"
done

# ---- a message longer than two lines: whole, over as many lines --------
LONGQ="ไม่มีคำนี้แน่นอนไม่มีคำนี้แน่นอนไม่มีคำนี้แน่นอนไม่มีคำนี้แน่นอนไม่มีคำนี้แน่นอน"
LONGQ="$LONGQ$LONGQ$LONGQ$LONGQ"     # 20 times: three lines at 80 columns
start cuts-message 80 24 -- -d "$CU"
wait_for "KKN-CDC-2568"
keys /
type_text "$LONGQ"
keys Enter
wait_joined "ไม่พบ \"$LONGQ\""
if screen | tail -n 4 | grep -qF "…"; then bad "the message cut"; else ok; fi
wait_for "Enter เปิด"                 # the key hints stay below it
# an error goes with the next action that opens another view: here an
# AAR with no title is refused, then Enter opens the AAR on the list
keys A
wait_for "AAR-PMQA-2553"
keys a Enter Enter Enter Enter
wait_for "ไม่ได้เพิ่ม: AAR ต้องมีชื่อเรื่อง"
keys Enter
wait_for "แบบฟอร์ม AAR 4 คำถาม"
absent "ไม่ได้เพิ่ม"
keys Q
wait_for "EXIT=0"

# ---- an item's note of ten lines: every line, the form scrolling -------
cat >"$WORK/ten-lines.sh" <<'EDITOR'
#!/bin/sh
i=1
: >"$1"
while [ $i -le 10 ]; do
	printf 'บันทึกบรรทัดที่ %d ของศูนย์เด็กเล็ก' "$i" >>"$1"
	[ $i -lt 10 ] && printf '\n' >>"$1"
	i=$((i + 1))
done
EDITOR
chmod +x "$WORK/ten-lines.sh"
start cuts-note 80 24 VISUAL="$WORK/ten-lines.sh" -- -d "$CU"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Enter                    # SM2: the note, then its support request
wait_for "หลักฐาน:"
keys Enter C-e
wait_for "บันทึกแล้ว"
keys Escape
# 30 lines of form in 21: the note whole, the request's lines below the
# mark
wait_for "บันทึกบรรทัดที่ 1 ของศูนย์เด็กเล็ก"
wait_for "บันทึกบรรทัดที่ 10 ของศูนย์เด็กเล็ก"
wait_for "↓ อีก 9 บรรทัด"
absent "บรรทัดข้างบน"
keys Down Down Down                # to the request's frame: its whole row shows
wait_for "↑ อีก 9 บรรทัดข้างบน"
wait_gone "↓ อีก"
wait_for "บันทึกบรรทัดที่ 10 ของศูนย์เด็กเล็ก"
keys Up Up Up Up                   # to the status, the first field: the top
wait_for "↓ อีก 9 บรรทัด"
wait_gone "บรรทัดข้างบน"
wait_for "SM2  อบต. ออกประกาศ"
keys Q
wait_for "EXIT=0"
