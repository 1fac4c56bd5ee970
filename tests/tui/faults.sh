# faults.sh - bad days on the screens: two people on one note, another
# user holding the database, a terminal too small, an editor that fails,
# a wrong locale or TERM, data with terminal escapes in it, a planted
# symlink.  Sourced by run.sh after lib.sh; a database of its own.
CASES="$ROOT/../shared/cases"
FD="$WORK/faults.db"
"$BIN" --demo -d "$FD" init >/dev/null
ME=$(id -un)
RECOVERY="$FD.$ME.recovered.txt"
STATE="$WORK/state"

note_of() {   # the note of item $1 of A-BNG-69, as stored
	"$BIN" -d "$FD" export assessment_entries | grep "^A-BNG-69,$1,"
}

# wait_note ITEM TEXT: poll until the stored note of ITEM holds TEXT.
wait_note() {
	end=$(($(date +%s) + WAIT_SECONDS))
	while [ "$(date +%s)" -le "$end" ]; do
		if note_of "$1" | grep -qF -- "$2"; then
			ok
			return 0
		fi
		sleep 0.1
	done
	bad "the note of $1 never held: $2"
	return 1
}

# open_cm1: from the start, the note of CM1 in A-BNG-69, typing
open_cm1() {
	keys C
	wait_for "A-BNG-69"
	keys Enter
	wait_for "] SM1"
	keys Down Down Down Down Down Down Enter
	wait_for "ครูพี่เลี้ยงสอนและพาเด็กล้างมือ"
	keys Enter
}
open_cm1_b() {
	for k in C Enter Down Down Down Down Down Down Enter; do
		sleep 0.3
		keys_b "$k"
	done
	wait_b "ครูพี่เลี้ยงสอนและพาเด็กล้างมือ"
	keys_b Enter
}

# ---- two people, one note: A is asked, in words, whose text stays ---------
start conflict 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1
type_text "ฉบับของเอ"
wait_note CM1 "ฉบับของเอ"
start_b -d "$FD"
wait_b "KKN-CDC-2568"
open_cm1_b
type_b " ฉบับของบี"
keys_b Escape
wait_note CM1 "ฉบับของเอ ฉบับของบี" || screen_b | sed 's/^/  b | /'

type_text " และแก้ต่อ"        # A types on: saving at rest stops at B's version
wait_for "ไม่ได้บันทึกทับ"
absent "บันทึกแล้ว"              # "saved" went with the first key typed
sleep 1.5
if note_of CM1 | grep -q 'ฉบับของบี'; then ok; else bad "A's typing overwrote B's note"; fi
keys Escape                      # leaving asks; no key writes over B
wait_for "ใช้ของฉัน: บันทึกข้อความของฉันทับ"
wait_for "ใช้ของอีกคน: ข้อความของฉันเก็บไว้ในไฟล์กู้คืนของฉัน"
keys Enter                       # the one chosen at first: see both
wait_for "ข้อความของอีกคน:"
wait_for "ฉบับของเอ ฉบับของบี"
wait_for "ฉบับของเอ และแก้ต่อ"
keys x
wait_for "ดูข้อความทั้งสองฉบับ"
keys Up Up Enter                 # keep mine
wait_note CM1 "ฉบับของเอ และแก้ต่อ"
# the second time, take theirs: A's text goes to A's recovery file
keys Enter
type_text " รอบสอง"
wait_note CM1 "และแก้ต่อ รอบสอง"
sleep 0.5                        # B's screen sees it on its next tick
keys_b Enter
type_b " บีอีก"
keys_b Escape
wait_note CM1 "รอบสอง บีอีก"
type_text "x"
wait_for "ไม่ได้บันทึกทับ"
keys Escape
wait_for "ดูข้อความทั้งสองฉบับ"
keys Up Enter                    # take theirs
wait_for "ข้อความของคุณเก็บไว้ใน"
if note_of CM1 | grep -q 'รอบสอง บีอีก'; then ok; else bad "take theirs did not keep B's note"; fi
if grep -q 'รอบสองx' "$RECOVERY"; then ok; else bad "A's text is not in A's recovery file"; fi
$TMUX_CMD kill-session -t b
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- the record is deleted under the words being typed: they are kept ----
start aar-gone 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-PMQA-2553"
keys Enter                          # the first record, newest first
wait_for "แบบฟอร์ม"
keys Down Down Down Down Down Down Enter
start_b -d "$FD"
wait_b "KKN-CDC-2568"
keys_b A
wait_b "AAR-PMQA-2553"
keys_b d
wait_b "y หรือ ◌ั = ใช่"               # B is asked; A types...
type_text " คำที่พิมพ์ค้างไว้"
keys_b y                            # ...and B deletes the record before A rests
wait_b "เพื่อเอาคืน"
wait_joined "$ME.recovered.txt"     # told where the words went
if grep -q 'คำที่พิมพ์ค้างไว้' "$RECOVERY"; then ok; else bad "the words typed into a deleted AAR were lost"; fi
keys_b u                            # B takes the deletion back
wait_b "ยกเลิกการแก้ไขและบันทึกแล้ว"
$TMUX_CMD kill-session -t b
keys Q
wait_for "EXIT=0"

# ---- the next start says where the kept text is -------------------------------
start recovery-told 80 24 -- -d "$FD"
wait_joined "ดูได้ด้วยคำสั่ง: less $RECOVERY"
keys Q
wait_for "EXIT=0"

# ---- another user's change shows by itself ------------------------------------
start others 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
start_b -d "$FD"
wait_b "KKN-CDC-2568"
for k in C Enter 4; do sleep 0.3; keys_b "$k"; done     # B: SM1 not applicable
wait_b "บันทึกแล้ว"
wait_for "[-] SM1"                 # no key pressed here
$TMUX_CMD kill-session -t b
keys Q
wait_for "EXIT=0"

# ---- a status key that meets another user's answer: theirs stays, and the
# ---- keys after it still go to the items they were meant for --------------
start status-conflict 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[-] SM1"
keys Home
start_b -d "$FD"
wait_b "KKN-CDC-2568"
for k in C Enter; do sleep 0.3; keys_b "$k"; done
wait_b "[-] SM1"
# A is stopped, so its screen cannot read what B does next (no idle tick),
# and its keys wait in the terminal, to be read before any tick on waking
A_PID=$(program_pid)
kill -STOP "$A_PID"
keys 1 3                           # A, not having seen it: SM1 met, SM2 not met
keys_b 2                           # B: SM1 partly, stored meanwhile
wait_note SM1 ',partial,'
kill -CONT "$A_PID"
wait_for "ค่าของคุณยังไม่ได้บันทึก"
wait_for "[✗] SM2"
if note_of SM1 | grep -q ',partial,' && note_of SM2 | grep -q ',not_met,'; then
	ok
else
	bad "a status key overwrote another user's answer, or the next key went astray"
fi
keys Up Up 1                        # A, now knowing theirs: SM1 met after all
wait_for "[✓] SM1"
wait_gone "ค่าของคุณยังไม่ได้บันทึก"     # the refusal no longer stands there
wait_for "บันทึกแล้ว"
$TMUX_CMD kill-session -t b
keys Q
wait_for "EXIT=0"

# ---- the same in the unanswered-only list: the next key goes to the next item
# (theirs takes CP3 out of the list; the 3 meant for CM3 must not land on SV3)
start status-conflict-f 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "] SM1"
keys f
wait_for "[ ] CP3"
keys Home
start_b -d "$FD"
wait_b "KKN-CDC-2568"
for k in C Enter; do sleep 0.3; keys_b "$k"; done
wait_b "] SM1"
keys_b f
wait_b "[ ] CP3"
keys_b Home
A_PID=$(program_pid)               # A stopped, its keys waiting (as above)
kill -STOP "$A_PID"
keys 1 3                           # A: CP3 met (refused), CM3 not met
keys_b 2                           # B: CP3 partly, stored meanwhile
wait_note CP3 ',partial,'
kill -CONT "$A_PID"
wait_for "ค่าของคุณยังไม่ได้บันทึก"
wait_for "[ ] SV3"
if note_of CP3 | grep -q ',partial,' && note_of CM3 | grep -q ',not_met,' &&
   ! note_of SV3 | grep -q ',not_met,'; then
	ok
else
	bad "in the unanswered-only list a key after a conflict went to the wrong item"
fi
$TMUX_CMD kill-session -t b
keys Q
wait_for "EXIT=0"

# ---- another user holds the database: waiting shows, keys are kept ----------
start waiting 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "] SM1"
keys Home
hold_lock "$FD"
keys 3                             # SM1: not met (waits)
wait_for "กำลังรอผู้ใช้อีกคนแก้ไขให้เสร็จ"
keys 1                             # SM2, typed while waiting: kept
sleep 0.5
release_lock
wait_for "[✓] SM2"
wait_for "[✗] SM1"
if note_of SM1 | grep -q ',not_met,' && note_of SM2 | grep -q ',met,'; then
	ok
else
	bad "keys typed while waiting were lost"
fi
keys Q
wait_for "EXIT=0"

# ---- too small while typing: 80x23 keeps the keys, quits nothing ------------
start too-small 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1
type_text " ก"
resize 80 23
wait_for "80x23"
type_text "ข้อความระหว่างจอเล็ก"
keys q Escape                      # q and Esc too: kept, not quitting
wait_for "ปุ่มที่เก็บไว้: "
absent "EXIT="
resize 80 24
wait_for "ข้อความระหว่างจอเล็กq"
wait_for "บันทึกแล้ว"
if note_of CM1 | grep -q 'ข้อความระหว่างจอเล็กq'; then ok; else bad "keys typed at 80x23 were lost"; fi
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- an editor that fails: nothing taken, its file kept and named -------------
mkdir -p "$WORK/tmp"
start editor-fails 80 24 "VISUAL=$CASES/editor-exits-1.sh" "TMPDIR=$WORK/tmp" -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1
before=$(note_of CM1)
keys C-e
wait_for "$WORK/tmp/routemap-"
kept=$(ls "$WORK"/tmp/routemap-*.txt 2>/dev/null | head -n 1)
if [ -n "$kept" ] && grep -q 'ข้อความยาวที่พิมพ์ในโปรแกรมแก้ไขข้อความ' "$kept"; then
	ok
else
	bad "the editor's file was not kept"
fi
if [ "$(note_of CM1)" = "$before" ]; then ok; else bad "a failed editor's text was taken"; fi
keys Escape Q
wait_for "EXIT=0 TTY=restored"

# ---- SIGHUP while typing: the words typed are saved on the way out ------------
start hup-typing 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1
type_text " ก่อนสายหลุด"
wait_for "ก่อนสายหลุด"
kill -HUP "$(program_pid)"
wait_for "EXIT=0"
if note_of CM1 | grep -q 'ก่อนสายหลุด'; then ok; else bad "SIGHUP lost the words typed"; fi

# ---- SIGHUP while the editor is open: what it left in its file is saved ---
start hup-editor 80 24 "VISUAL=$ROOT/tests/data/editor-hup.sh" -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1
keys C-e
sleep 0.5                          # the editor has written its file
kill -HUP "$(program_pid)"
wait_for "EXIT=0"
if note_of CM1 | grep -q 'ข้อความที่เขียนในโปรแกรมแก้ไขก่อนสายหลุด'; then
	ok
else
	bad "the editor's text was lost when the line dropped"
fi

# ---- SIGHUP at the second question of a new follow-up action: the first
# answer, and the second as far as typed, are kept
start hup-action 80 24 -- -d "$FD"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-PMQA-2553"
keys Enter
wait_for "แบบฟอร์ม"
keys a
type_text "จัดอบรมครูพี่เลี้ยงรอบสอง"
keys Enter
type_text "นางสาวมณีรัตน์"
wait_for "นางสาวมณีรัตน์"
kill -HUP "$(program_pid)"
wait_for "EXIT="
if grep -q 'จัดอบรมครูพี่เลี้ยงรอบสอง' "$RECOVERY" && grep -q 'นางสาวมณีรัตน์' "$RECOVERY"; then
	ok
else
	bad "a hang-up during a new follow-up action lost what was typed"
fi

# ---- a symlink planted at the recovery file changes nothing outside ---------
echo "ไฟล์ของคนอื่น" >"$WORK/victim"
rm -f "$RECOVERY"
ln -s "$WORK/victim" "$RECOVERY"
start symlink 80 24 "XDG_STATE_HOME=$STATE" -- -d "$FD"
wait_for "KKN-CDC-2568"
open_cm1                           # A starts typing...
start_b -d "$FD"
wait_b "KKN-CDC-2568"
open_cm1_b
type_b " บี"
keys_b Escape                      # ...B saves first...
wait_note CM1 "สายหลุด บี"
$TMUX_CMD kill-session -t b
type_text " ข้อความลับ"             # ...A types on, and quits at once:
keys C-c                           # B's version stands, A's text is kept
wait_for "EXIT=0"
if [ "$(cat "$WORK/victim")" = "ไฟล์ของคนอื่น" ]; then ok; else bad "the symlink's target was written"; fi
if grep -q 'ข้อความลับ' "$STATE/routemap/$(echo "$FD" | tr / %).recovered.txt"; then
	ok
else
	bad "the text did not go to the state directory"
fi
rm -f "$RECOVERY"

# ---- data with terminal escapes shows escaped ----------------------------------
cp "$FD" "$WORK/dirty.db"
sqlite3 "$WORK/dirty.db" "DROP TRIGGER log_aar_au; DROP INDEX aar_by_day; DROP TRIGGER search_doc_au;
  UPDATE aar SET title = char(27) || '[2J' || char(27) || '[31mแดง' || char(7)
  WHERE code = 'AAR-PMQA-2553';"
start escapes 80 24 -- -d "$WORK/dirty.db"
wait_for "KKN-CDC-2568"
keys A
wait_for "^[[2J^[[31mแดง^G"
wait_for "ปีงบประมาณ"               # the title line is still there: nothing cleared
keys Q
wait_for "EXIT=0"

# ---- a locale that is not UTF-8, a TERM that cannot draw: one line, exit 2 ---
start lang-c 80 24 LANG=C LC_ALL=C -- -d "$FD"
wait_for "หน้าจอต้องใช้ locale แบบ UTF-8"
wait_for "EXIT=2"
start term-dumb 80 24 TERM=dumb -- -d "$FD"
wait_for "TERM=dumb"
wait_for "EXIT=2"
