# fund.sh - the fund's screen: the tambon fund BNG-FUND opens R, sees its
# area's support requests by frame and source with baht totals, agrees
# to one, declines one, refers one to the province; the totals follow,
# a second fund user is asked before replacing an answer, the province
# sees the referred one with it, and u takes the referral back.  Sourced
# by tests/tui/run.sh after lib.sh; the screens speak Thai.

FDB="$WORK/fund.db"
"$BIN" --demo -d "$FDB" init >/dev/null || bad "cannot make the fund's database"
# The fund's own INI, on the demo's database.
cat >"$WORK/fund.ini" <<'EOF'
[office]
code = BNG-FUND
name = กองทุนหลักประกันสุขภาพองค์การบริหารส่วนตำบลบัวเงิน
short_name = กองทุนฯ อบต.บัวเงิน
level = fund
parent = NPG-DHO
EOF
# Six requests on A-BNG-69's items (baht: 3,000 province; 12,000 and
# 2,500 fund under frame 3; 1,500 region; 4,500 fund under frame 5;
# 2,000 local), in place of any the demo has.  Written past the
# change-log triggers: the sqlite3 shell has no rm_user().
triggers=$(sqlite3 "$FDB" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'
	AND tbl_name = 'support_request'")
drops=$(sqlite3 "$FDB" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
	WHERE type = 'trigger' AND tbl_name = 'support_request'")
sqlite3 "$FDB" "BEGIN; $drops DELETE FROM support_request;
INSERT INTO support_request(entry_id, needed, source, frame_id, amount)
 SELECT e.id, r.needed, r.source, (SELECT id FROM support_frame WHERE code = r.frame), r.amount
 FROM (SELECT 1 n, 'SM2' item, 'ร่างประกาศตัวอย่างและนำเสนอสภา' needed, 'province' source,
  '1' frame, 3000 amount
  UNION ALL SELECT 2, 'CP2', 'อสม. เพิ่มอีก ๒ คน', 'fund', '3', 12000
  UNION ALL SELECT 3, 'SV1', 'แบบบันทึกการคัดกรองที่ใช้ง่าย', 'region', '2', 1500
  UNION ALL SELECT 4, 'SV2', 'ช่องทางรายงานด่วนถึง รพ.สต.', 'fund', '5', 4500
  UNION ALL SELECT 5, 'SU1', 'งบวัสดุเพิ่ม', 'local', '4', 2000
  UNION ALL SELECT 6, 'SM1', 'ค่าอาหารว่างประชุมผู้ปกครอง', 'fund', '3', 2500) r
 JOIN assessment a ON a.code = 'A-BNG-69' JOIN norm_item i ON i.set_id = a.set_id
  AND i.code = r.item
 JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id ORDER BY r.n;
$triggers COMMIT;" || bad "cannot load the support requests"

start fund 80 24 -- -c "$WORK/fund.ini" -d "$FDB"
wait_for "KKN-CDC-2568"
keys R                             # the reports, the fund's screen first
wait_for "คำขอรับการสนับสนุน ตามกรอบและแหล่งสนับสนุน"
keys Enter                         # the fund's screen: frames x sources
wait_for "รวมทุกกรอบ"
wait_for "6  25,500"               # every frame, every source
keys G                             # the totals row, the fund's column
wait_for "กองทุนฯ ตำบล · รวมทุกกรอบ: 3 คำขอ ขอ 19,000 บาท ตกลงให้ 0 บาท"

# ---- frame 3: agree to one, decline the other ------------------------------
keys g Down Down
wait_for "กองทุนฯ ตำบล · กรอบที่ 3: 2 คำขอ ขอ 14,500 บาท ตกลงให้ 0 บาท"
keys Enter                         # its two requests
wait_for "อสม. เพิ่มอีก ๒ คน"
# another user of the fund, B, has the same list open, both awaiting
start_b -c "$WORK/fund.ini" -d "$FDB"
wait_b "KKN-CDC-2568"
keys_b R
wait_b "คำขอรับการสนับสนุน ตามกรอบและแหล่งสนับสนุน"
keys_b Enter g Down Down Enter
wait_b "อสม. เพิ่มอีก ๒ คน"
keys y
wait_for "สนับสนุน 12,000 บาท บันทึกแล้ว"
keys_b x                           # B's x: told what A did, asked first
                                   # (B's list stale or read again)
wait_b "สนับสนุน 12,000 บาท เมื่อ"
keys_b n                           # no: A's answer stays
s=$(sqlite3 "$FDB" "SELECT status FROM support_request WHERE amount = 12000")
if [ "$s" = agreed ]; then ok; else bad "B's x replaced A's answer: $s"; fi
keys Down x
wait_for "ไม่สนับสนุนเพราะ"
type_text "งบปีนี้หมดแล้ว"
keys Enter
wait_for "ไม่สนับสนุน บันทึกแล้ว"
keys q                             # back to the table: the baht agreed
wait_for "กองทุนฯ ตำบล · กรอบที่ 3: 2 คำขอ ขอ 14,500 บาท ตกลงให้ 12,000 บาท"

# ---- frame 5: refer its request to the province, on its form ---------------
keys Down Down Enter
wait_for "ช่องทางรายงานด่วนถึง รพ.สต."
keys Enter                         # the request as a form
wait_for "4,500 บาท"
keys r                             # where to: not the fund, where it is
wait_for "ส่งต่อไปที่"
keys Enter                         # the first: the province
wait_for "ส่งต่อไปที่จังหวัด บันทึกแล้ว"
keys y                             # the province's to answer now
wait_for "คำขอนี้อยู่ที่จังหวัด แล้ว"
keys q q G Right                   # the totals, the province's column
wait_for "จังหวัด · รวมทุกกรอบ: 2 คำขอ ขอ 7,500 บาท ตกลงให้ 0 บาท"
n=$(sqlite3 "$FDB" "SELECT count(*) FROM support_request WHERE answered_by IS NOT NULL
	AND answered_on = date('now', 'localtime')")
if [ "$n" = 3 ]; then ok; else bad "$n requests answered today, 3 wanted"; fi

# ---- the province sees it with the province ---------------------------------
start_b --demo -d "$FDB"
wait_b "KKN-CDC-2568"
keys_b R
wait_b "คำขอรับการสนับสนุน ตามกรอบและแหล่งสนับสนุน"
keys_b Enter G Right
wait_b "จังหวัด · รวมทุกกรอบ: 2 คำขอ ขอ 7,500 บาท ตกลงให้ 0 บาท"

# ---- u takes the referral back ---------------------------------------------
keys u
wait_for "จังหวัด · รวมทุกกรอบ: 1 คำขอ ขอ 3,000 บาท ตกลงให้ 0 บาท"
keys Q
wait_for "EXIT=0"
