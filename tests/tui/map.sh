# map.sh - the route map screen at 80x24: the whole demo map on one
# screen with its lines, in colour, monochrome and ASCII; the selected
# box's causes and effects told apart without colours; a larger map
# scrolling under its band labels.  Sourced by run.sh after lib.sh.
E=$(printf '\033')
MAP_ROWS='5,21p'       # under the title and the three lines above the map

# map_has TEXT: TEXT in the map's rows of the screen.
map_has() {
	if screen | sed -n "$MAP_ROWS" | grep -qF -- "$1"; then ok; else bad "not on the map: $1"; fi
}

# whole_demo_map FRAME: every band label of the demo office and every box
# code of KKN-CDC-2568 on the map's rows at once, each code on a top
# border drawn with one of FRAME's characters
whole_demo_map() {
	for label in ประชาชน ภาคี กระบวนการ พื้นฐาน; do
		map_has "$label"
	done
	for code in P1 P2 S1 S2 S3 R1 R2 R3 F1 F2 F3; do
		if screen | sed -n "$MAP_ROWS" | grep -qE -- "($1) $code ($1)"; then
			ok
		else
			bad "no box $code on the map"
		fi
	done
}

# map_lacks TEXT: TEXT nowhere on the map's rows.
map_lacks() {
	if screen | sed -n "$MAP_ROWS" | grep -qF -- "$1"; then bad "on the map: $1"; else ok; fi
}

# arrows GLYPH N: N arrow heads on the map.
arrows() {
	n=$(screen | sed -n "$MAP_ROWS" | grep -o -- "$1" | wc -l)
	if [ "$n" -eq "$2" ]; then ok; else bad "$n arrow heads $1, $2 wanted"; fi
}

# hint_has TEXT: TEXT on the hint line (the last).
hint_has() {
	if screen | tail -n 1 | grep -qF -- "$1"; then ok; else bad "not on the hint line: $1"; fi
}

# ---- colour: the whole map, its lines and the legend ---------------------
start map-color 80 24 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
keys Enter
wait_for "┌─ P1 ─"
whole_demo_map "─"
# S1, S2 and S3 lead up to P2, R3 to S2, F2 to R1 and F3 to R2: a line
# each, an arrow head under each effect
arrows "▲" 4
map_has "┌───────────────────────┼───────────┐"   # S1 S2 S3 joining
map_has "─ S3 ─┴─"                               # S3's line leaves its top
# the links no line can show: in the cause's box
map_has "→R3"
map_has "→S3"
map_has "→P2"
wait_looks "32m▲"                  # the lines in the links' colour
wait_looks "43m เหตุ "              # the legend: the causes' colour,
wait_looks "42m ผล "                # the effects'
hint_has "/ ค้นหา"                  # and every key hint still there
keys Q
wait_for "EXIT=0"

# ---- monochrome: frames tell causes from effects -------------------------
start map-mono 80 24 NO_COLOR=1 -- --demo -d "$DB"
wait_for "KKN-CDC-2568"
keys Enter
wait_for "┏━ R2 ━"                  # P1's cause in a heavy frame,
wait_for "╔═ P2 ═"                  # its effect in a double one,
wait_for "┌─ S1 ─"                  # the rest as they were
wait_looks "[1;7mP1$E"              # the selected box's code reversed
whole_demo_map "─|━|═"
arrows "▲" 4
hint_has "┏ เหตุ  ╔ ผล"
wire_on
keys Right                          # P2: four causes, no effect
wait_for "P2  เด็กเล็กได้รับการดูแลตามมาตรฐาน"
wait_for "┏━ S1 ━"
wait_for "┏━ S2 ━"
wait_for "┏━ S3 ━"
wait_for "┏━ P1 ━"
wait_for "┌─ P2 ─"
wait_for "┌─ R2 ─"
map_lacks "╔"
# the frames that change, not the screen (a redraw is about 5000 bytes)
wire_at_most 1500 "a move that reframes six boxes"
# a heavy frame keeps the junction where a line leaves it
wait_for "┏━ S3 ━┸━"
keys Q
wait_for "EXIT=0"

# ---- ASCII without colours ------------------------------------------------
start map-ascii 80 24 -- --ascii --no-color --demo -d "$DB"
wait_for "KKN-CDC-2568"
keys Enter
wait_for "## R2 ##"
wait_for "+= P2 ==="
whole_demo_map "-|#|="
arrows "\\^" 4
hint_has "# เหตุ  = ผล"
absent "─"
absent "▲"
keys Right
wait_for "## S1 ##"
wait_for "+- R2 --"
keys Q
wait_for "EXIT=0"

# ---- a map taller than the screen: it scrolls, labels stay ---------------
BD="$WORK/bigmap.db"
"$BIN" --demo -d "$BD" init >/dev/null
printf 'code,office,title,destination,fy_from,fy_to,serves\nBIG-1,KKN-PHO,แผนที่หกเป้าประสงค์ต่อระดับ,,2569,2570,\n' \
	>"$WORK/bigplan.csv"
{
	echo "plan,code,level,title"
	for l in people:P stakeholder:S process:R foundation:F; do
		for i in 1 2 3 4 5 6; do
			echo "BIG-1,${l#*:}$i,${l%:*},เป้าประสงค์ที่ $i ของระดับนี้"
		done
	done
} >"$WORK/bigobj.csv"
"$BIN" -d "$BD" import plans "$WORK/bigplan.csv" >/dev/null
"$BIN" -d "$BD" import objectives "$WORK/bigobj.csv" >/dev/null
start map-scroll 80 24 -- -d "$BD"
wait_for "BIG-1"
keys End Enter                         # the plans by title: BIG-1's last
wait_for "BIG-1  แผนที่หกเป้าประสงค์ต่อระดับ"
wait_for "┌─ P1 ─"
absent "┌─ F1 ─"                       # 4 bands of two rows: more than 18 rows
# down P5, S2, S5, R2, R5: the map scrolls two rows, the people band's
# first row of boxes half off the top
keys Down Down Down Down Down
wait_for "R5  เป้าประสงค์ที่ 5"
absent "┌─ P1 ─"
# the band's label on the first of its rows still shown
if screen | sed -n 5p | grep -q "^ประชาชน  *└─"; then ok; else bad "no sticky label"; fi
keys End                               # the last box: the foundation band
wait_for "┌─ F6 ─"
map_has "พื้นฐาน"
if screen | sed -n 5p | grep -q "^ภาคี  *└─"; then ok; else bad "no sticky label"; fi
keys Home
wait_for "┌─ P1 ─"
if screen | sed -n 5p | grep -q "^ประชาชน  *┌─ P1 ─"; then ok; else bad "labels not back"; fi
keys Q
wait_for "EXIT=0"
