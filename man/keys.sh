#!/bin/sh
# keys.sh - the KEYS table of routemap(1), made from the one action table
# (include/routemap/action.h): "sh man/keys.sh" prints it; "make man-keys"
# puts it into the page, and "make lint-man" fails when the page's table
# differs, so the man page always says what the program does.
set -eu
first=1
grep -E '^[[:space:]]*ACTION\(' "${1:-include/routemap/action.h}" |
sed -E 's/^[[:space:]]*ACTION\([A-Z_]+, *"([^"]*)", *"([^"]*)", *"([^"]*)", *[A-Z]+\).*/\1|\2|\3/' |
while IFS='|' read -r name keys help; do
	if [ $first -eq 1 ]; then echo ".TP 14"; first=0; else echo ".TP"; fi
	# one key: .B KEY; several: .BR A ", " B ...
	set -- $(echo "$keys" | sed 's/-/\\-/g')
	if [ $# -eq 1 ]; then
		echo ".B $1"
	else
		line=".BR $1"
		shift
		for k in "$@"; do line="$line \", \" $k"; done
		echo "$line"
	fi
	echo ".B $name"
	echo "\\(em $help"
done
