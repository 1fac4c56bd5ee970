#!/bin/sh
# two-users.sh BIN - real Unix users sharing one database through a group
# ([database] shared_group), in a directory that is NOT setgid: whoever
# makes a file, the others can use it; a member who may only read leaves
# nothing behind that locks the owner out.  Needs root (useradd); skipped,
# with the reason printed, otherwise.
set -u
BIN=$1
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "two users: skipped (needs root with useradd and runuser to make the users)"
	exit 0
fi
T=$(mktemp -d /tmp/routemap-users.XXXXXX)
G=rmshare$$
A=rma$$
B=rmb$$
C=rmc$$
D=rmd$$
cleanup() {
	for u in $A $B $C $D; do userdel "$u" 2>/dev/null; done
	groupdel "$G" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
groupadd "$G" || exit 1
for u in $A $B $C $D; do
	if [ "$u" = "$D" ]; then
		useradd -M -d "$T/home-$u" "$u" || exit 1   # not in the group
	else
		useradd -M -d "$T/home-$u" -G "$G" "$u" || exit 1
	fi
	mkdir -p "$T/home-$u"
	chown "$u" "$T/home-$u"
done
chmod 0755 "$T"
cp "$BIN" "$T/routemap"
chmod 0755 "$T/routemap"
cp -r "$(dirname "$BIN")/locale" "$T/" 2>/dev/null
mkdir "$T/shared"
chgrp "$G" "$T/shared"
chmod 0775 "$T/shared"              # group-writable, deliberately not setgid
cat >"$T/office.ini" <<INI
[office]
code = KKN-PHO
name = สำนักงานสาธารณสุขจังหวัดขอนแก่น
level = province
[database]
path = $T/shared/office.db
shared_group = $G
INI
chmod 0644 "$T/office.ini"
DATA=$(cd "$(dirname "$0")/../.." && pwd)/../shared/data
pass=0
fail=0
as() {   # as USER ARGS...: routemap as that user, with the office file
	u=$1
	shift
	runuser -u "$u" -- env HOME="$T/home-$u" LC_ALL=C.UTF-8 "$T/routemap" -c "$T/office.ini" "$@"
}
check() {
	if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL two users: $what"; ls -la "$T/shared"; fi
}
quiet() {
	"$@" >/dev/null 2>"$T/err" || { cat "$T/err"; return 1; }
}
refused() {
	! "$@" >/dev/null 2>&1
}
group_file() {   # group_file PATH MODE: the file has the group and the mode
	[ "$(stat -c '%G %a' "$1")" = "$G $2" ]
}

# (the import first: init registers the INI's office, KKN-PHO, which the
# sample's offices.csv holds too, and an import refuses a code already there)
what="A makes the database with the sample data"
check quiet as "$A" import "$DATA"
what="A runs init on it"
check quiet as "$A" init
for f in office.db office.db-wal office.db-shm; do
	what="$f has the group and mode 0660"
	check group_file "$T/shared/$f" 660
done
what="B (another member) writes"
printf 'code,template,date,title,subject_kind,subject,facilitator,participants,tags\nAAR-B,aar4,2569-01-20,บันทึกของบี,event,,,,\n' >"$T/b.csv"
chmod 0644 "$T/b.csv"
check quiet as "$B" import aars "$T/b.csv"
what="B backs up: the copy is the group's"
check quiet as "$B" backup "$T/shared/backup.db"
check group_file "$T/shared/backup.db" 660
what="the backup opens read-only, alone"
check test ! -e "$T/shared/backup.db-wal"

# C may only read: the database is 0640 now
chmod 0640 "$T/shared/office.db"
rm -f "$T/shared/office.db-wal" "$T/shared/office.db-shm"
what="C (read only) lists and searches"
check quiet as "$C" list aars
check quiet as "$C" search บันทึกของบี
what="C left no file of C's own"
check test -z "$(find "$T/shared" -user "$C")"
what="C cannot write, and is told"
check refused as "$C" import aars "$T/b.csv"
what="after C, the owner A still writes"
printf 'code,template,date,title,subject_kind,subject,facilitator,participants,tags\nAAR-A,aar4,2569-01-21,บันทึกของเอ,event,,,,\n' >"$T/a.csv"
chmod 0644 "$T/a.csv"
check quiet as "$A" import aars "$T/a.csv"
# C reads again, now through A's -wal and -shm, while they are there
what="C reads while A's files are there, and makes none"
check quiet as "$C" list aars
check test -z "$(find "$T/shared" -user "$C")"
what="and A writes after that too"
printf 'code,template,date,title,subject_kind,subject,facilitator,participants,tags\nAAR-A2,aar4,2569-01-22,บันทึกของเออีก,event,,,,\n' >"$T/a2.csv"
chmod 0644 "$T/a2.csv"
check quiet as "$A" import aars "$T/a2.csv"

# D, in no group of the database, backs up a copy anyone may read: the
# backup is D's own (0600), not refused for want of the group
mkdir "$T/public"
cp "$T/shared/backup.db" "$T/public/office.db"
chmod 0644 "$T/public/office.db"
chmod 0755 "$T/public"
what="D (in no group of it) backs up a database anyone may read"
check quiet runuser -u "$D" -- env HOME="$T/home-$D" LC_ALL=C.UTF-8 "$T/routemap" \
	-d "$T/public/office.db" backup "$T/home-$D/copy.db"
check test "$(stat -c '%U %a' "$T/home-$D/copy.db")" = "$D 600"

echo "two users: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
