# lib.sh - sourced by the tests in tests/exchange (run.sh skips it):
# counting checks and running routemap as one office.  Needs BIN and T.
# shellcheck shell=sh
pass=0
fail=0

# ok NAME CONDITION...: count the check.
ok() {
	name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name"
		sed 's/^/    /' "$T/out" "$T/err" 2>/dev/null | head -20
	fi
}

# rm_run WHO ARGS...: routemap as the office of $T/WHO.ini; output in
# $T/out and $T/err, status in $st.
rm_run() {
	who=$1
	shift
	"$BIN" -c "$T/$who.ini" "$@" >"$T/out" 2>"$T/err" </dev/null
	# shellcheck disable=SC2034 # read by the test that sources this
	st=$?
}

has() { grep -qF -- "$2" "$T/$1"; }
