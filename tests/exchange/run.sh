#!/bin/sh
# run.sh BIN - every tests/exchange/*.sh but this one and lib.sh, each
# given BIN as $1; each prints its own results.  EXCHANGE_ONLY=name runs one.
# Fails when any of them fails.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
bin=$1
failed=""
for t in "$dir"/*.sh; do
	name=$(basename "$t" .sh)
	case $name in run | lib) continue ;; esac
	[ -n "${EXCHANGE_ONLY:-}" ] && [ "$EXCHANGE_ONLY" != "$name" ] && continue
	echo "== exchange: $name"
	sh "$t" "$bin" || failed="$failed $name"
done
if [ -n "$failed" ]; then
	echo "exchange tests failed:$failed"
	exit 1
fi
echo "exchange tests: all passed"
