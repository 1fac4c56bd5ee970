# basics.sh - browsing: the plan list, the route map, an objective; help;
# search; the sections; resizing; leaving (Q, Ctrl-C, SIGHUP); the Thai
# layout; marks; colour and monochrome; long lists and histories; ASCII.
# Sourced by tests/tui/run.sh after lib.sh; the screens speak Thai.

# ---- browse: plan list, the route map, an objective ----------------------
start browse 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
wait_for "สสจ.ขอนแก่น"
keys Enter
wait_for "┌─ P1 ─"
wait_for "P1  ผู้ปกครองและครูพี่เลี้ยงมีพฤติกรรมป้องกันโรค"
E=$(printf '\033')            # the code alone marked (the colour ends after it):
wait_looks "46mP1$E"            # the selected box's on cyan,
wait_looks "43mR2$E"            # its cause's on yellow,
wait_looks "42mP2$E"            # its effect's on green
wire_on
keys Right
wait_for "P2  เด็กเล็กได้รับการดูแลตามมาตรฐาน"
wait_for " S1 S2 S3 P1"          # what leads to P2
wire_at_most 300 "a move to the next box"
wait_looks "46mP2$E"
wait_looks "43mP1$E"
wait_looks "43mS3$E"
keys Down
wait_for "S3  รพ.สต. เป็นพี่เลี้ยงด้านวิชาการ"
wait_for " R1"
wire_at_most 300 "a move to the box below"
keys Up Enter
wait_for "ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค"
wait_for "ความก้าวหน้าจากค่าฐานสู่เป้าหมาย [████░░░░░░] 39%"   # 57 of the way from 42 to 80
wait_for "ผู้ดำเนินการ: —"        # the office's SLM columns
keys q
wait_for "┌─ P1 ─"
keys q
wait_for "NPG-CDC-2569"
wait_gone "┌─ P1 ─"

# ---- help, generated from the keymap -------------------------------------
keys '?'
wait_for "ส่วนถัดไป"            # the plan list's own keys first (a, e, d...)
keys G                          # the rest of the page
wait_for "Shift-Tab"
wait_for "Ctrl-L"
keys q
wait_gone "Shift-Tab"

# ---- search: two code points (a scan) and a long query (the index) -------
keys /
type_text "ศพ"
wait_for "/ศพ"
keys Enter
wait_for "A-BNG-69/CM2"         # in the order the records were made:
wait_for "BNG-CDC-69"           # the project, then the note
keys Down Enter
wait_for "[✓] SM1"              # the checklist the note belongs to
keys q                          # back to the checklists list
wait_for "A-NKG-53"
keys /
type_text "ศูนย์เด็กเล็กปลอดโรค"
keys Enter
wait_for "KKN-CDC-2568/P2"
keys Down Down Down Down Enter  # the fifth hit: an indicator of P2
wait_for "ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค"
keys n                          # the next: a project of NPG-CDC-2569
wait_for "เด็กเล็กในอำเภอน้ำพองปลอดจากโรคมือ เท้า ปาก"
keys q                          # same section: back to the record before
wait_for "ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค"
keys q                          # found from another section: then its list
wait_for "NPG-CDC-2569"
keys /
type_text "ไม่มีคำนี้แน่นอน"
keys Enter
wait_for "ไม่มีคำนี้แน่นอน"

# ---- sections: each as it was left -----------------------------------------
keys C
wait_for "พบ 8 รายการ"          # the search made from the checklists
keys q
wait_for "A-NKG-53"
keys Tab
wait_for "AAR-PMQA-2553   1    AAR การประชุมเชิงปฏิบัติการ"
keys P
wait_for "KKN-CDC-2568"

# ---- resize below 80x24 and back ------------------------------------------
resize 70 20
wait_for "70x20"
resize 80 24
wait_for "KKN-CDC-2568"
wait_gone "70x20"

# ---- leave with Q ----------------------------------------------------------
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- Ctrl-C quits safely ---------------------------------------------------
start ctrl-c 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
keys Enter
wait_for "┌─ P1 ─"
keys C-c
wait_for "EXIT=0 TTY=restored"

# ---- a dropped connection (SIGHUP) -----------------------------------------
start sighup 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
kill -HUP "$(program_pid)"
wait_for "EXIT=0 TTY=restored"

# ---- the Thai layout: ่ is j, ๆ is q, ฝ is / -------------------------------
start thai-layout 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
type_text "่"                   # j: down to the second plan
keys Enter
wait_for "NPG-CDC-2569  จุดหมายปลายทาง: ภายในปีงบประมาณ ๒๕๗๐"   # its destination heads the map
type_text "ๆ"                   # q: back
wait_gone "┌─ P1 ─"
type_text "ฝ"                   # /: search, where Thai is text again
type_text "ศพ"
wait_for "/ศพ"
keys Enter
wait_for "A-BNG-69/CM2"
type_text "ๆ"
type_text "ๆ"
wait_for "EXIT=0 TTY=restored"

# ---- marks a cell cannot hold: ncursesw keeps four over a base ---------------
# a title with six marks on one consonant (the fifth and sixth go on a
# circle, none dropped) and one that starts with a mark (on a circle)
cp "$DB" "$WORK/marks.db"
"$BIN" -d "$WORK/marks.db" import plans "$ROOT/tests/data/csv/plans-marks.csv" >/dev/null ||
	bad "cannot import the plans with marks"
start marks 80 24 -- -d "$WORK/marks.db"
wait_for "แผนทดสอบกิ่้๊◌๋์หกเครื่องหมาย"
wait_for "◌่แผนขึ้นต้นด้วยไม้เอก"
keys Q
wait_for "EXIT=0 TTY=restored"

# ---- monochrome (NO_COLOR) and colour --------------------------------------
start mono 80 24 NO_COLOR=1 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
if $TMUX_CMD capture-pane -p -e -t rm | grep -qE '\[(3[0-7]|4[0-7]|38;|48;)[0-9;]*m'; then
	bad "colours with NO_COLOR set"
else
	ok
fi
if $TMUX_CMD capture-pane -p -e -t rm | grep -q '\[7m'; then ok; else bad "no reverse video in monochrome"; fi
keys Enter                      # the map: the selected box's code reversed,
wait_looks "[1;7mP1$E"          # its cause's bold and underlined,
wait_looks "[1;4mR2$E"
wait_looks "[4mP2$E"            # its effect's underlined only
keys Right
wait_looks "[1;7mP2$E"
wait_looks "[1;4mP1$E"
keys Q
wait_for "EXIT=0"
start color 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
if $TMUX_CMD capture-pane -p -e -t rm | grep -qE '\[[0-9;]*4[0-7][0-9;]*m'; then ok; else bad "no colours"; fi
keys Q
wait_for "EXIT=0"

# ---- a search of more hits than a page: the rest as the user goes down ----
PD="$WORK/pages.db"
"$BIN" --demo -d "$PD" init >/dev/null
{
	echo "code,office,title,destination,fy_from,fy_to,serves"
	i=1
	while [ $i -le 100 ]; do
		printf 'PG-%03d,KKN-PHO,แผนทดสอบการค้นหาทีละหน้า ฉบับที่ %d,,2570,2572,\n' $i $i
		i=$((i + 1))
	done
} >"$WORK/plans.csv"
"$BIN" -d "$PD" import plans "$WORK/plans.csv" >/dev/null
start pages 80 24 -- -d "$PD"
wait_for "PG-001"
keys /
type_text "ทดสอบการค้นหาทีละหน้า"
keys Enter
wait_for "พบแล้ว 24 รายการ"          # the first page: one screenful (24 rows)
wait_for "PG-001"
keys NPage                      # within a screen of the end: the next page,
wait_for "พบแล้ว 72 รายการ"          # two screenfuls
wait_for "PG-019"                # 18 rows down
keys End                        # the end asked for: every hit is read
wait_for "พบ 100 รายการ"
wait_for "PG-100"
keys n                          # past the last: round to the first
wait_for "1 จาก 100 สำหรับ"
keys q
wait_for "PG-001"
keys /
type_text "ทดสอบการค้นหาทีละหน้า"
keys Enter
wait_for "พบแล้ว 24 รายการ"
keys N                          # back from the first: round to the last
wait_for "100 จาก 100 สำหรับ"
keys Q
wait_for "EXIT=0"

# ---- a long list: a window of rows, read as the selection moves ----------
# (the first and last plans as the list command orders them; 102 in all,
# more than a window of 38 rows)
first=$("$BIN" -d "$PD" list plans | sed -n 2p | cut -d' ' -f1)
last=$("$BIN" -d "$PD" list plans | tail -1 | cut -d' ' -f1)
start listpages 80 24 -- -d "$PD"
wait_for "$first"
keys End                        # the last rows, read from the end
wait_for "$last"
absent "$first"
keys Home                       # and the first again
wait_for "$first"
absent "$last"
# 17 rows show, a page moves 16: seven pages pass the 102nd row
keys NPage NPage NPage NPage NPage NPage NPage
wait_for "$last"                 # pages read on the way
keys PPage PPage PPage PPage PPage PPage PPage
wait_for "$first"                # and up again to the first
keys Q
wait_for "EXIT=0"

# ---- the checklists in each order: both rows shown, in the order named ----
# above: the row holding $1 stands above the row holding $2
above() {
	a=$(screen | grep -n -- "$1" | head -1 | cut -d: -f1)
	b=$(screen | grep -n -- "$2" | head -1 | cut -d: -f1)
	if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then ok; else bad "$1 not above $2"; fi
}
SD="$WORK/sorts.db"
"$BIN" --demo -d "$SD" init >/dev/null
start sorts 80 24 -- -d "$SD"
wait_for "KKN-CDC-2568"
keys C
wait_for "เรียง: ตามหน่วยปฏิบัติ"
above "ศพด.บัวเงิน" "ศพด.หนองกุง"    # Thai order of the units
keys s
wait_for "เรียง: ตามชุดค่ากลาง"
above "CDC-NORM v2" "CDC-NORM v1"    # the newest version first
keys s
wait_for "เรียง: ใหม่สุดก่อน"
above "20 ม.ค. 2569" "10 ก.ย. 2553"
keys s
wait_for "เรียง: ตามความครอบคลุม"
above "75.0%" "47.4%"                # A-BNG-69: 7 met + 4 x 0.5 of 19 applicable
keys Q
wait_for "EXIT=0"

# ---- a long history: the newest screenful first, older as you go down ----
HD="$WORK/history.db"
"$BIN" --demo -d "$HD" init >/dev/null
start history 80 24 -- -d "$HD"
wait_for "KKN-CDC-2568"
keys C
wait_for "A-BNG-69"
keys Enter
wait_for "[✓] SM1"
i=0
while [ $i -lt 13 ]; do           # 26 changes of SM1, and its import: 27
	keys 2 Up 1 Up
	i=$((i + 1))
done
wait_for "[✓] SM1"
keys h                             # the newest 24 of 27 changes
wait_for "สถานะ: บางส่วน → มี/ทำแล้ว"
absent "เพิ่ม"
keys NPage NPage NPage             # near the end of them: the older ones read,
wait_for "เพิ่ม คำตอบในการประเมิน"   # down to the import
absent "การเปลี่ยนแปลงที่เก่ากว่านี้"
keys q
keys h                             # again, and End: all at once
wait_for "สถานะ: บางส่วน → มี/ทำแล้ว"
keys End
wait_for "เพิ่ม คำตอบในการประเมิน"
keys Q
wait_for "EXIT=0"

# ---- no identifier of the database on the Thai screens -------------------
IDS='assessment_entry|assessments?|aar_sections?|aar_actions?|aar_tag|norm_items?|norm_sets?|not_met|partial|na|met|open|done|dropped|preparation|development|evaluation|planned|active|cancelled|stakeholder|foundation|event|objectives?|indicators?|projects?|plans?|offices?'
no_ids() {
	found=$(screen | grep -owE "$IDS" | sort -u | tr '\n' ' ')
	if [ -z "$found" ]; then ok; else bad "$1 shows: $found"; fi
}
WD="$WORK/words.db"
"$BIN" --demo -d "$WD" init >/dev/null
start words 80 24 -- --demo -d "$WD"
wait_for "KKN-CDC-2568"
no_ids "the plan list"
keys Down Enter                    # NPG-CDC-2569's map, on P1
wait_for "┌─ P1"
keys Enter                         # P1: its project's stage and state
wait_for "BNG-CDC-69"
wait_for "ขั้นพัฒนา · กำลังดำเนินการ"
no_ids "an objective"
keys q q C
wait_for "A-BNG-69"
no_ids "the checklists"
keys Enter
wait_for "[✓] SM1"
keys 2 Up h                        # a status changed, and its history
wait_for "สถานะ: มี/ทำแล้ว → บางส่วน"
no_ids "a history"
keys q
keys /
type_text "ศพด"
keys Enter
wait_for "พบ"
no_ids "search results"
keys q A
wait_for "AAR-PMQA-2553"
no_ids "the AAR list"
keys Q
wait_for "EXIT=0"

# ---- ASCII line drawing ----------------------------------------------------
start ascii 80 24 -- --ascii --demo -d "$DB"
wait_for "KKN-CDC-2568"
keys Enter
wait_for "+- P1 -"
absent "┌"
absent "─"
keys Q
wait_for "EXIT=0 TTY=restored"
