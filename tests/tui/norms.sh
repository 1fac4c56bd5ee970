# norms.sh - norm sets on screen: S from the checklists, a new version of
# CDC-NORM with one item's text changed and one item added, the two
# versions compared, an issued and assessed version refusing a change, an
# assessment's date corrected; then the batch commands show the same.
# Sourced by run.sh after lib.sh; its own database.
NM="$WORK/norms.db"
"$BIN" --demo -d "$NM" init >/dev/null

start norms 80 24 -- -d "$NM"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys S
wait_for "PMQA-SELF"
wait_for "15 ต.ค. 2568"                  # v2's issued date, in the Buddhist Era
keys Enter                               # CDC-NORM v2, issued, assessed against
wait_for "CDC-NORM v2  ค่ากลางศูนย์เด็กเล็กปลอดโรค"
wait_for "SM1  ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมาศูนย์เด็กเล็ก"
keys e                                   # refused, and why
wait_for "ฉบับที่ 2 ออกใช้แล้วและมีหน่วยงานประเมินตามฉบับนี้แล้ว"
keys d
wait_for "ฉบับที่ 2 ออกใช้แล้วและมีหน่วยงานประเมินตามฉบับนี้แล้ว"
absent "ลบรายการ SM1"
keys v                                   # version 3 from version 2
wait_for "CDC-NORM v3  ค่ากลางศูนย์เด็กเล็กปลอดโรค"
wait_for "ร่าง: ยังไม่ออกใช้"
# SM1's text, one more phrase
keys e
wait_for "ข้อความ"
keys Enter
type_text " ทุกคนลงนาม"
keys Escape
wait_for "บันทึกแล้ว"
keys q
wait_for "SM1  ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมาศูนย์เด็กเล็ก ทุกคนลงนาม"
# a new item in SM1's group: made once its code and text are there
keys a
wait_for "รายการค่ากลางใหม่ ยังไม่ได้บันทึก"
keys Up Enter
type_text "SM4"
keys Escape Down Enter
type_text "ครอบครัวเด็กร่วมเวทีประชาคมสุขภาพปีละครั้ง"
keys Escape
wait_for "บันทึกแล้ว"
keys q
wait_for "SM4  ครอบครัวเด็กร่วมเวทีประชาคมสุขภาพปีละครั้ง"
# compared with version 2: one changed, one added
keys D
wait_for "เปรียบเทียบกับ"
keys Enter
wait_for "ฉบับที่ 2 → ฉบับที่ 3: เพิ่ม 1 ข้อ ตัดออก 0 ข้อ เปลี่ยน 1 ข้อ คงเดิม 16 ข้อ"
wait_for "~ SM1"
wait_for "→ ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมาศูนย์เด็กเล็ก ทุกคนลงนาม"
wait_for "+ SM4  ครอบครัวเด็กร่วมเวทีประชาคมสุขภาพปีละครั้ง"
keys q q
wait_for "PMQA-SELF"
wait_for "ร่าง"                            # v3 in the list, not issued
# a set's grouping stays as it was made: refused in words, not "saved"
keys Home e
wait_for "การจัดกลุ่ม  กิจกรรมสำคัญ"          # in Thai, not key_activity
keys Home Down Down Enter
wait_for "หมวดเกณฑ์ PMQA"
keys Down Enter
wait_for "รหัสและการจัดกลุ่มของชุดค่ากลางคงเดิมตามที่สร้างไว้"
absent "บันทึกแล้ว"
keys q
wait_for "PMQA-SELF"
keys q
wait_for "A-BNG-69"

# ---- an assessment's date, typed in the Buddhist Era ----------------------
keys f
type_text "BNG"
keys Enter
wait_gone "A-NKG-53"
keys e
wait_for "วันที่ประเมิน"
wait_for "20 ม.ค. 2569"
keys Enter End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "21/1/2569"
keys Escape
wait_for "บันทึกแล้ว"
wait_for "21 ม.ค. 2569"
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- a new norm set: kept as each field is left, never at rest --------------
# (typed with a pause in the middle of its code, the set is not made with
# half the code; nor does a value kept in the form say "saved")
start norms-new 80 24 -- --demo -d "$NM"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys S
wait_for "PMQA-SELF"
keys a
wait_for "ชุดค่ากลางใหม่ ยังไม่ได้บันทึก: จะบันทึกทันทีที่กรอก รหัส"
keys Enter                               # the title first
type_text "ค่ากลางทดสอบการพิมพ์"
keys Enter
wait_for "ชุดค่ากลางใหม่ ยังไม่ได้บันทึก: จะบันทึกทันทีที่กรอก รหัส"
absent "บันทึกแล้ว"
keys Up Enter                            # the code, with a pause
type_text "TST-"
sleep 2
absent "บันทึกแล้ว"
wait_for "ชุดค่ากลางใหม่ ยังไม่ได้บันทึก"
if "$BIN" -d "$NM" list norms | grep -q "TST-"; then
	bad "a set was made from half a code: $("$BIN" -d "$NM" list norms | grep TST-)"
else
	ok
fi
type_text "NORM"
keys Enter
wait_for "บันทึกแล้ว"
wait_gone "ยังไม่ได้บันทึก"
keys q
wait_for "TST-NORM"
absent "TST-  "
keys Q
wait_for "EXIT=0 TTY=restored"
if "$BIN" -d "$NM" list norms | grep -q "TST-NORM"; then ok; else bad "TST-NORM not made"; fi

# ---- the batch commands see the same -------------------------------------
out=$("$BIN" -d "$NM" show norm CDC-NORM --version 3 --format csv)
if [ "$(printf '%s\n' "$out" | grep -c .)" = 19 ] &&
	printf '%s\n' "$out" | grep -q 'SM1,ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมาศูนย์เด็กเล็ก ทุกคนลงนาม,' &&
	printf '%s\n' "$out" | grep -q 'SM4,ครอบครัวเด็กร่วมเวทีประชาคมสุขภาพปีละครั้ง,'; then
	ok
else
	bad "show norm CDC-NORM --version 3: $out"
fi
out=$("$BIN" -d "$NM" diff norm CDC-NORM 2 3 --format csv)
if [ "$(printf '%s\n' "$out" | grep -c .)" = 3 ] &&
	printf '%s\n' "$out" | grep -q '^changed,SM1,text,' &&
	printf '%s\n' "$out" | grep -q '^added,SM4,'; then
	ok
else
	bad "diff norm CDC-NORM 2 3: $out"
fi
if "$BIN" -d "$NM" show assessment A-BNG-69 | grep -q "21 ม.ค. 2569"; then
	ok
else
	bad "show assessment A-BNG-69 does not say 21 ม.ค. 2569"
fi
