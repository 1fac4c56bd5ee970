# requests.sh - an item's support requests on its form; sourced by run.sh
# after lib.sh.  Its own database, so the other tests see the demo.
RQ="$WORK/requests.db"
"$BIN" --demo -d "$RQ" init >/dev/null

# ---- CM3 of A-BNG-69 asks twice: money from the fund (baht in Thai
# digits), training from the region; left and opened again, both there,
# awaiting an answer; the checklist's line says so -----------------------
start requests 80 24 -- -d "$RQ"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Down Down Down Down Down Down Down Enter     # CM3
wait_for "มีสื่อความรู้เรื่องโรคติดต่อในเด็ก"
wait_for "ยังไม่มี กด a เพื่อเพิ่ม"
keys a
wait_for "การสนับสนุนที่ต้องการ:"
type_text "งบจัดซื้อเจลล้างมือและสบู่"
keys Enter
wait_for "ขอจาก"
keys Down Enter                                        # none -> the fund
wait_for "ในกรอบการสนับสนุน"
keys Down Down Down Down Enter                         # frame 4
wait_for "จำนวนเงิน (บาท) ใช้เลขไทยได้"
type_text "๒๕๐๐๐"
keys Enter
wait_for "คำขอที่ 1"
wait_for "25000"
keys a
wait_for "การสนับสนุนที่ต้องการ:"
type_text "อบรมครูพี่เลี้ยงเรื่องโรคติดต่อในเด็ก"
keys Enter
wait_for "ขอจาก"
keys Down Down Down Enter                              # the region
wait_for "ในกรอบการสนับสนุน"
keys Down Down Down Enter                              # frame 3
wait_for "จำนวนเงิน (บาท) ใช้เลขไทยได้"
keys Enter                                             # no amount
wait_for "คำขอที่ 2"
wait_for "บันทึกแล้ว"
keys q
wait_for "ขอ 2 รอตอบ 2"                                 # CM3's line
keys Enter
wait_for "คำขอรับการสนับสนุน  (รอคำตอบ: 2 / 2)"
wait_for "งบจัดซื้อเจลล้างมือและสบู่"
wait_for "กองทุนฯ ตำบล"
wait_for "4  การสนับสนุนการสร้างนวัตกรรม"
# the answer, under its label: none yet
if screen | grep -A1 -x ' คำตอบ' | grep -qx '  รอคำตอบ'; then ok; else bad "no answer awaited"; fi
keys Down Down Down Down Down Down Down               # the second request
wait_for "อบรมครูพี่เลี้ยงเรื่องโรคติดต่อในเด็ก"
wait_for "เขต"
# found by a search: the hit opens the item's form
keys q q
wait_for "A-BNG-69"
keys /
type_text "เจลล้างมือและสบู่"
keys Enter
wait_for "A-BNG-69/CM3"
keys Enter
wait_for "มีสื่อความรู้เรื่องโรคติดต่อในเด็ก"
wait_for "คำขอรับการสนับสนุน  (รอคำตอบ: 2 / 2)"
keys Q
wait_for "EXIT=0 TTY=restored"
got=$("$BIN" -d "$RQ" export support_requests | grep ',CM3,' | cut -d, -f4-8)
if [ "$got" = "งบจัดซื้อเจลล้างมือและสบู่,fund,4,25000,requested
อบรมครูพี่เลี้ยงเรื่องโรคติดต่อในเด็ก,region,3,,requested" ]; then
	ok
else
	bad "CM3's requests are not stored as typed: $got"
fi

# ---- the fund agrees to the first and refers the second to the province:
# the referred one still awaits (line, heading, answer); the answered one
# is not deleted: the form says who answered and when ---------------------
"$BIN" -d "$RQ" export support_requests | awk -F, -v OFS=, '
	$4 == "งบจัดซื้อเจลล้างมือและสบู่" { $8 = "agreed"; $14 = "นางสาวมณี ใจดี"; $15 = "2027-01-05" }
	$4 == "อบรมครูพี่เลี้ยงเรื่องโรคติดต่อในเด็ก" { $8 = "referred"; $9 = "province" }
	{ print }' >"$WORK/rq-answered.csv"
"$BIN" -d "$RQ" import --update support_requests "$WORK/rq-answered.csv" >/dev/null
start requests2 80 24 -- -d "$RQ"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
keys Down Down Down Down Down Down Down Down
wait_for "ขอ 2 รอตอบ 1"
keys Enter
wait_for "คำขอรับการสนับสนุน  (รอคำตอบ: 1 / 2)"
keys Down
wait_for "งบจัดซื้อเจลล้างมือและสบู่"
keys d
wait_for "ลบคำขอ"
keys y
wait_for "ตอบแล้วโดย นางสาวมณี ใจดี เมื่อ 5 ม.ค. 2570"
keys Down Down Down Down Down Down Down
wait_for "รอคำตอบจากจังหวัด"
keys Q
wait_for "EXIT=0 TTY=restored"
got=$("$BIN" -d "$RQ" export support_requests | grep -c ',CM3,')
if [ "$got" = 2 ]; then ok; else bad "an answered request was deleted: $got left"; fi
