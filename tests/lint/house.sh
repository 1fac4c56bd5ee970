#!/bin/sh
# The house rules (README, "The source" and HACKING), checked over the
# sources:
#   - no file in tui/ over 800 lines, no function over 80, unless the
#     comment above it (or the file's first comment) says "Kept whole:"
#     and why;
#   - core/ never draws: no curses header there;
#   - screens and commands ask core/: no sqlite3_* call in tui/ui/,
#     tui/cli/ or tui/main.c;
#   - views do not know each other: a view's constructor (view_*_new) is
#     called only by the router (tui/ui/router.c).
# Run from the top of the tree: sh tests/lint/house.sh [FILE...]
# Prints one line per breach, FILE:LINE: what; exits 1 if there is any.

MAX_FILE=800
MAX_FUNC=80
status=0
files=${*:-$(ls tui/*.c tui/*/*.c)}

for f in $files; do
	# A function runs from a "{" in column 0 to the next "}" in column 0;
	# its name is on the nearest line above that opens a parenthesis in
	# column 0, and the comment block above that line may say why it
	# stays whole.
	awk -v max_file=$MAX_FILE -v max_func=$MAX_FUNC -v f="$f" '
	function reason_above(   i) {
		for (i = head - 1; i > 0 && i >= head - 40; i--) {
			if (text[i] ~ /Kept whole:/) return 1
			if (text[i] !~ /^(\/\*| \*|\*\/|[a-z_].*|[ \t].*)$/) return 0
			if (text[i] ~ /^}/) return 0
			if (text[i] == "") return 0
		}
		return 0
	}
	{ text[NR] = $0 }
	NR <= 30 && /Kept whole:/ { file_ok = 1 }
	/^[a-z_].*\(/ { head = NR; name = $0 }
	/^\{/ { start = NR; fhead = head; fname = name }
	/^\}/ && start {
		n = NR - start + 1
		if (n > max_func) {
			head = fhead
			if (!reason_above()) {
				sub(/\(.*/, "", fname); sub(/.*[ *]/, "", fname)
				printf "%s:%d: %s is %d lines (over %d) and no \"Kept whole:\" comment says why\n", f, fhead, fname, n, max_func
				bad = 1
			}
		}
		start = 0
	}
	END {
		if (NR > max_file && !file_ok) {
			printf "%s: %d lines (over %d) and its first comment has no \"Kept whole:\" reason\n", f, NR, max_file
			bad = 1
		}
		exit bad
	}' "$f" || status=1
done

# core/ is the part without a screen.
for f in tui/core/*.c; do
	grep -n '#include *<n\?cursesw\?\|#include *<curses\|#include *"routemap/\(ui\|widget\|typing\)\.h"' "$f" |
		sed "s|^|$f:|; s|\$| (core/ never draws)|" | grep . && status=1
done

# Screens and commands ask core/ for data.
grep -n 'sqlite3_[a-z0-9_]* *(' tui/ui/*.c tui/cli/*.c tui/main.c |
	sed 's|$| (calls SQLite: ask a core/ function)|' | grep . && status=1

# Views open each other through the router only.
grep -n '\bview_[a-z0-9_]*_new *(' tui/ui/*.c tui/*.c tui/cli/*.c 2>/dev/null |
	grep -v '^tui/ui/router\.c:' |
	grep -v ':struct view \*view_[a-z0-9_]*_new *(' |
	sed 's|$| (open views through ui_open)|' | grep . && status=1

[ $status -eq 0 ] && echo "house: files, functions and layers as the README says"
exit $status
