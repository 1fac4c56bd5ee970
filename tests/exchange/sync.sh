#!/bin/sh
# sync.sh BIN - routemap sync over ssh between a unit (BNG-CDC) and its
# province (KKN-PHO), each with its own database in a temporary directory.
#
# When /usr/sbin/sshd starts here (as this user, on a free port of
# 127.0.0.1, with its own host key and an authorized_keys in the temporary
# directory holding the forced command of routemap(1)), sync goes through
# real ssh; otherwise (or with SYNC_FAKE_SSH=1) through a fake `ssh` on
# PATH that runs the forced command of the key, or the words after the
# host, here - and says so.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "/tmp/routemap-sync.XXXXXX")
SSHD_PID=""
cleanup() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
unset ROUTEMAP_CONFIG ROUTEMAP_SSH
mkdir -p "$HOME" "$T/bin"
. "$ROOT/tests/exchange/lib.sh"
fingerprint() { sqlite3 "$1" .dump | sha256sum; }

# ---- the two offices ----------------------------------------------------
office_ini() {   # FILE CODE NAME LEVEL PARENT [SSH_OPTIONS]
	cat >"$1" <<EOF
[office]
code = $2
name = $3
level = $4
parent = $5

[database]
path = $T/$2.db

[exchange]
ssh_options = ${6:-}
EOF
}

mkdir "$T/kkn-csv" "$T/bng-csv"
cp "$ROOT"/config/demo/*.csv "$T/bng-csv/"
# the AARs are the province's: one record is one office's (an AAR's
# office is the one that imports it)
rm "$T"/bng-csv/aar*.csv
for f in "$ROOT"/config/demo/*.csv; do
	# the province has everything but the unit's own checklist
	grep -v '^A-BNG-69,' "$f" >"$T/kkn-csv/$(basename "$f")"
done

# ---- ssh: the real one when sshd starts, else a fake ------------------
ssh-keygen -q -t ed25519 -N '' -C 'BNG-CDC' -f "$T/bng_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -C 'BNG-HPH' -f "$T/hph_key" || exit 1
# routemap(1): the unit's key may only run sync --serve, as BNG-CDC
{
	printf 'command="%s -c %s sync --serve --peer BNG-CDC",restrict %s\n' \
		"$BIN" "$T/kkn.ini" "$(cat "$T/bng_key.pub")"
	printf 'command="%s -c %s sync --serve --peer BNG-HPH",restrict %s\n' \
		"$BIN" "$T/kkn.ini" "$(cat "$T/hph_key.pub")"
} >"$T/authorized_keys"

# Start sshd on a port picked at random (again when it is taken); 0 when
# it says it listens.
start_sshd() {
	[ -n "${SYNC_FAKE_SSH:-}" ] && return 1
	[ -x /usr/sbin/sshd ] || return 1
	# as root sshd wants its privilege separation directory (the
	# service makes it; a container has none)
	if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 0755 /run/sshd || return 1
	fi
	ssh-keygen -q -t ed25519 -N '' -f "$T/host_key" || return 1
	for try in 1 2 3 4 5; do
		PORT=$(awk -v s="$$$try" 'BEGIN { srand(s + systime()); print 20000 + int(rand() * 30000) }')
		cat >"$T/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
AuthorizedKeysFile $T/authorized_keys
PidFile $T/sshd.pid
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
EOF
		/usr/sbin/sshd -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
		SSHD_PID=$!
		i=0
		while [ $i -lt 100 ]; do
			grep -q 'Server listening' "$T/sshd.log" && return 0
			kill -0 "$SSHD_PID" 2>/dev/null || break
			sleep 0.05
			i=$((i + 1))
		done
		kill "$SSHD_PID" 2>/dev/null
		SSHD_PID=""
		grep -q 'Address already in use' "$T/sshd.log" || break
	done
	sed 's/^/    sshd: /' "$T/sshd.log" | head -5
	return 1
}

if start_sshd; then
	echo "sshd on 127.0.0.1:$PORT as $(id -un): testing through real ssh"
	printf '[127.0.0.1]:%s %s\n' "$PORT" "$(cut -d' ' -f1,2 "$T/host_key.pub")" >"$T/known_hosts"
	common="-F /dev/null -p $PORT -o IdentitiesOnly=yes -o UserKnownHostsFile=$T/known_hosts -o StrictHostKeyChecking=yes -o LogLevel=ERROR"
	BNG_SSH="$common -i $T/bng_key"
	HPH_SSH="$common -i $T/hph_key"
else
	echo "sshd not usable here: testing through a fake ssh"
	# the fake: options skipped, then like sshd: the key's forced command,
	# else the words after the host, read by a shell
	cat >"$T/bin/ssh" <<EOF
#!/bin/sh
key=""
while [ \$# -gt 0 ]; do
	case \$1 in
	--) shift; break ;;
	-i) key=\$2; shift 2 ;;
	-o|-p|-F|-l) shift 2 ;;
	*) shift ;;
	esac
done
shift   # the host
echo "\$*" >>"$T/fake-ssh.log"
if [ -n "\$key" ]; then
	forced=\$(grep -F "\$(cut -d' ' -f2 "\$key.pub")" "$T/authorized_keys" |
		sed -n 's/^command="\([^"]*\)".*/\1/p')
	[ -n "\$forced" ] && SSH_ORIGINAL_COMMAND="\$*" exec sh -c "\$forced"
fi
exec sh -c "\$*"
EOF
	chmod +x "$T/bin/ssh"
	PATH="$T/bin:$PATH"
	export PATH
	BNG_SSH="-i $T/bng_key"
	HPH_SSH="-i $T/hph_key"
fi
USER_NAME=$(id -un)

office_ini "$T/kkn.ini" KKN-PHO 'สำนักงานสาธารณสุขจังหวัดขอนแก่น' province ODPC6
office_ini "$T/bng.ini" BNG-CDC 'ศูนย์พัฒนาเด็กเล็ก อบต.บัวเงิน' unit BNG-FUND "$BNG_SSH"
office_ini "$T/hph.ini" BNG-CDC 'ศูนย์พัฒนาเด็กเล็ก อบต.บัวเงิน' unit BNG-FUND "$HPH_SSH"
rm_run kkn import "$T/kkn-csv" && rm_run kkn init
ok province-made [ "$st" = 0 ]
rm_run bng import "$T/bng-csv" && rm_run bng init
ok unit-made [ "$st" = 0 ]
rm_run kkn list assessments
ok province-lacks-checklist-before [ "$st" = 0 ] && ! has out A-BNG-69

# ---- the unit's key sends its checklist up ----------------------------
rm_run bng sync "$USER_NAME@127.0.0.1:KKN-PHO"
ok sync-exit-0 [ "$st" = 0 ]
ok sync-says-sent has out 'ส่งถึง KKN-PHO'
rm_run kkn list assessments
ok province-has-checklist has out A-BNG-69
rm_run kkn show assessment A-BNG-69
ok province-has-entries has out 'ผู้ปกครอง ๓๘ จาก ๔๐ คนลงนามแล้ว'

# ---- again: nothing moves ---------------------------------------------
rm_run kkn list assessments
cp "$T/out" "$T/assessments.before"
rm_run bng sync "$USER_NAME@127.0.0.1:KKN-PHO"
ok sync-again-exit-0 [ "$st" = 0 ]
ok sync-again-nothing has out 'ไม่มีอะไรเปลี่ยน'
rm_run kkn list assessments
ok sync-again-same-checklists cmp -s "$T/out" "$T/assessments.before"

# ---- an address that would be an option of ssh ------------------------
rm -f "$T/fake-ssh.log"
rm_run bng sync '-oProxyCommand=touch /tmp/routemap-sync-pwned'
ok dash-target-exit-2 [ "$st" = 2 ]
ok dash-target-said has err 'oProxyCommand'
ok dash-target-no-ssh [ ! -e "$T/fake-ssh.log" ] && [ ! -e /tmp/routemap-sync-pwned ]
rm_run bng sync 'bng@host;id'
ok metachar-target-exit-2 [ "$st" = 2 ]

# ---- another unit's key: the forced command's --peer refuses ----------
before=$(fingerprint "$T/KKN-PHO.db")
rm_run hph sync "$USER_NAME@127.0.0.1:KKN-PHO"
ok peer-mismatch-exit-1 [ "$st" = 1 ]
ok peer-mismatch-said has err 'BNG-HPH'
ok peer-mismatch-unchanged [ "$before" = "$(fingerprint "$T/KKN-PHO.db")" ]

# ---- ssh itself fails: its status said --------------------------------
ROUTEMAP_SSH=false "$BIN" -c "$T/bng.ini" sync "$USER_NAME@127.0.0.1:KKN-PHO" \
	>"$T/out" 2>"$T/err" </dev/null
st=$?
ok ssh-fails-exit-1 [ "$st" = 1 ]
ok ssh-fails-said has err 'false'
ok ssh-fails-status has err ' 1'

echo "sync: $pass passed, $fail failed"
[ "$fail" = 0 ]
