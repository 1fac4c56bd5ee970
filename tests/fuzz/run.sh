#!/bin/sh
# tests/fuzz/run.sh - run libFuzzer harnesses for a while each.
#
#   sh tests/fuzz/run.sh DIR SECONDS NAME[:RUNS]...
#
# For each NAME (csv, ini, date, text): DIR/fuzz_NAME runs for SECONDS
# seconds, or with :RUNS for that many inputs from seed 1 (the same
# inputs on every machine that runs them all within SECONDS, so a check
# that passes here passes in CI; a machine too slow stops at SECONDS and
# has tried fewer), on a fresh copy of tests/fuzz/corpus/NAME in DIR/corpus-NAME
# (what it finds stays out of the committed corpus), with the dictionary
# tests/fuzz/NAME.dict when there is one.  Its output goes to
# DIR/NAME.log; one summary line is printed.  A crash, leak or timeout
# is written under DIR/artifacts/, its path printed with the end of the
# log; every harness still runs, and the status is 1 when any failed.
# FUZZ_FLAGS adds libFuzzer options, e.g. FUZZ_FLAGS="-fork=2
# -ignore_crashes=1" to go on after a crash and collect every one.

set -u

if [ $# -lt 3 ]; then
	echo "usage: sh tests/fuzz/run.sh DIR SECONDS NAME..." >&2
	exit 2
fi
dir=$1
secs=$2
shift 2

# Sanitizer findings are fatal; UBSan is also compiled with
# -fno-sanitize-recover=all.  What the caller sets comes after ours.
ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=0:handle_abort=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer >/dev/null 2>&1; then
	ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
	export ASAN_SYMBOLIZER_PATH
fi

mkdir -p "$dir/artifacts"
failed=""
for spec in "$@"; do
	name=${spec%%:*}
	runs_wanted=
	[ "$name" = "$spec" ] || runs_wanted=${spec#*:}
	bin=$dir/fuzz_$name
	seeds=tests/fuzz/corpus/$name
	corpus=$dir/corpus-$name
	log=$dir/$name.log
	if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
		echo "fuzz $name: no $bin or no $seeds" >&2
		failed="$failed $name"
		continue
	fi
	rm -rf "$corpus"
	cp -R "$seeds" "$corpus"
	set -- -max_total_time="$secs" -max_len=4096 -timeout=25 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-"
	if [ -n "$runs_wanted" ]; then
		set -- "$@" -runs="$runs_wanted" -seed=1
	fi
	if [ -f "tests/fuzz/$name.dict" ]; then
		set -- "$@" -dict="tests/fuzz/$name.dict"
	fi
	# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of options
	set -- "$@" ${FUZZ_FLAGS:-}
	touch "$dir/artifacts/.start-$name"
	"$bin" "$@" "$corpus" >"$log" 2>&1
	rc=$?
	# "#123 DONE cov: 456 ft: 789 corp: 12/3Kb ... exec/s: 1000 rss: 50Mb",
	# or in fork mode "#123: cov: 456 ft: 789 corp: 12 exec/s: 1000 ..."
	last=$(grep -E '^#[0-9]+:?[[:space:]].*cov: ' "$log" | tail -n 1)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	[ -n "$runs" ] || runs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
	[ -n "$speed" ] || speed=$(printf '%s\n' "$last" | sed -n 's/.*exec\/s:\{0,1\} \([0-9]*\).*/\1/p')
	cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([^ ]*\).*/cov \1, ft \2, corpus \3/p')
	found=$(find "$dir/artifacts" -type f -name "$name-*" -newer "$dir/artifacts/.start-$name")
	if [ $rc -eq 0 ] && [ -z "$found" ]; then
		echo "fuzz $name: ok, ${runs_wanted:+seed 1, }${secs}s at most, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-see $log}"
	else
		failed="$failed $name"
		echo "fuzz $name: FAILED (status $rc) after ${runs:-?} runs, ${cov:-see $log}; the end of $log:"
		tail -n 60 "$log" | sed 's/^/    /'
		if [ -n "$found" ]; then
			count=$(printf '%s\n' "$found" | wc -l)
			for f in $(printf '%s\n' "$found" | head -n 10); do
				echo "fuzz $name: input that fails: $f"
				echo "    reproduce: $bin $f"
			done
			if [ "$count" -gt 10 ]; then
				echo "fuzz $name: and $((count - 10)) more in $dir/artifacts/"
			fi
		else
			echo "fuzz $name: no input was saved; see $log"
		fi
	fi
	rm -f "$dir/artifacts/.start-$name"
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
exit 0
