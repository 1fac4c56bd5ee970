# indicators.sh - the objective page edits what it shows: this fiscal
# year's result typed in two keys (Enter, the number in Thai digits,
# Enter), an indicator and a fiscal year added, a project added serving
# two objectives; export shows exactly that, and undo takes each step back
# until the export is the demo's again.  Sourced by tests/tui/run.sh after
# lib.sh; the screens speak Thai.

IDB="$WORK/indicators.db"
"$BIN" --demo -d "$IDB" init >/dev/null || bad "cannot make the indicators database"
this_fiscal_year                   # FY, YY
RATE="ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค"
NEW="จำนวนศูนย์เด็กเล็กที่ประเมินตนเอง"
TITLE="อบรมครูพี่เลี้ยงเรื่องคัดกรองเด็กป่วย"
# an indicator's last column is its uid (random for a new one): left out
no_uid() { sed 's/,[^,]*$//'; }
"$BIN" -d "$IDB" export indicators | no_uid >"$WORK/ind-before.csv"
"$BIN" -d "$IDB" export projects >"$WORK/proj-before.csv"

start indicators 80 24 -- --demo -d "$IDB"
wait_for "KKN-CDC-2568"
keys Enter                         # the map of KKN-CDC-2568, on P1
wait_for "┌─ P1 ─"
keys Right Enter                   # P2's page
wait_for "ตัวชี้วัด   ค่าฐาน / เป้าหมาย / ผลงาน"
wait_for "ปีงบ $FY •"               # this year's column, marked
wait_for "$RATE (ร้อยละ)"
wait_for "42 / 80 / 57"

# ---- this year's result: Enter, the number, Enter (2 keys) -----------------
keys Enter
type_text "๖๑.๕"
keys Enter
wait_for "บันทึกแล้ว"
if [ "$FY" -eq 2569 ]; then
	wait_for "42 / 80 / 61.5"
	want_rate="KKN-CDC-2568,P2,$RATE,ร้อยละ,42,80,2569,61.5"
else
	wait_for "— / — / 61.5"
	want_rate="KKN-CDC-2568,P2,$RATE,ร้อยละ,,,$FY,61.5"
fi
absent "๖๑.๕"                       # stored and shown in ASCII digits

# ---- an indicator (a new-record form), then a fiscal year -----------------
keys a
wait_for "ปีงบประมาณของตัวชี้วัด"
keys Enter                         # an indicator
wait_for "ตัวชี้วัดใหม่ ยังไม่ได้บันทึก"
keys Enter
type_text "$NEW"
keys Enter                         # the name is all it needs: made
wait_for "บันทึกแล้ว"
keys Down Enter
type_text "แห่ง"
keys Enter q
wait_for "$NEW (แห่ง)"
keys a
wait_for "ปีงบประมาณของตัวชี้วัด"
keys Down Enter                    # a fiscal year: the next after the last
wait_for "ปีงบประมาณ (พ.ศ.):"
keys BSpace BSpace BSpace BSpace
type_text "๒๕๗๒"
keys Enter
wait_for "เพิ่มปีงบประมาณ 2572 ให้ทุกตัวชี้วัดแล้ว"
wait_for "ปีงบ 2572"
wait_for "◂"                         # the years before it scrolled off

# ---- a project serving P2 and R3 -----------------------------------------
keys a
wait_for "โครงการที่ตอบสนองเป้าประสงค์นี้"
keys Down Down Enter
wait_for "โครงการใหม่ ยังไม่ได้บันทึก"
wait_for "KKN-PHO-$YY"               # the defaults: this office and year,
wait_for "ขั้นเตรียมการ"              # in preparation,
wait_for "ตามแผน ยังไม่เริ่ม"          # planned, serving P2
keys Enter
type_text "$TITLE"
keys Enter
wait_for "บันทึกแล้ว"
keys Down Down Down Down Down Down Down Down Down Down Enter
wait_for "[✓] P2  เด็กเล็กได้รับการดูแล"
wait_for "[ ] R3  จัดการค่ากลาง"
keys Down Down Down Down Down Down Enter
wait_for "[✓] R3  จัดการค่ากลาง"          # in, the list still open
keys q
wait_for "P2, R3"
keys q
keys PageDown PageDown             # past the SLM row, to the projects
wait_for "KKN-PHO-$YY  $TITLE"
wait_for "ปีงบประมาณ $FY · ขั้นเตรียมการ · ตามแผน ยังไม่เริ่ม · สสจ.ขอนแก่น"

# ---- export shows exactly that ---------------------------------------------
"$BIN" -d "$IDB" export indicators | no_uid >"$WORK/ind-after.csv"
"$BIN" -d "$IDB" export projects >"$WORK/proj-after.csv"
if grep -qxF "$want_rate" "$WORK/ind-after.csv"; then ok; else bad "export: $want_rate"; fi
if grep -qxF "KKN-CDC-2568,P2,$NEW,แห่ง,,,$FY," "$WORK/ind-after.csv"; then ok; else
	bad "export: the new indicator"; fi
n=$(grep -c "^KKN-CDC-2568,P2,.*,2572,$" "$WORK/ind-after.csv")
if [ "$n" -eq 3 ]; then ok; else bad "export: 2572 for each of the 3 indicators ($n)"; fi
if grep -qxF "KKN-PHO-$YY,KKN-PHO,KKN-CDC-2568,P2;R3,$FY,$TITLE,preparation,planned,,,," \
	"$WORK/proj-after.csv"; then ok; else bad "export: the project"; fi

# ---- undo, step by step, back to the demo ----------------------------------
keys u                             # P2 alone again
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"
if "$BIN" -d "$IDB" export projects | grep -qF "KKN-PHO-$YY,KKN-PHO,KKN-CDC-2568,P2,"; then ok; else
	bad "undo: R3 served still"; fi
keys u                             # the project
wait_gone "KKN-PHO-$YY  $TITLE"
keys u u u u                       # the year, the unit, the indicator, the result
wait_gone "ปีงบ 2572"
wait_gone "$NEW"
wait_gone "61.5"
"$BIN" -d "$IDB" export indicators | no_uid >"$WORK/ind-undone.csv"
"$BIN" -d "$IDB" export projects >"$WORK/proj-undone.csv"
if cmp -s "$WORK/ind-before.csv" "$WORK/ind-undone.csv"; then ok; else bad "undo: indicators"; fi
if cmp -s "$WORK/proj-before.csv" "$WORK/proj-undone.csv"; then ok; else bad "undo: projects"; fi
keys Q
wait_for "EXIT=0 TTY=restored"
