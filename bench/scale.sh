# scale.sh - sourced by the bench scripts: the database of each scale.
# Needs BIN (routemap), T (a scratch directory), CACHE (where the large
# ones are kept between runs) and HERE (bench/).
# shellcheck shell=sh

# database SCALE: the path of SCALE's database, made when missing.
database() {
	case $1 in
	demo)
		[ -f "$T/demo.db" ] || "$BIN" --demo -d "$T/demo.db" init >/dev/null
		echo "$T/demo.db"
		return ;;
	province) units=1000 ;;
	10x) units=10000 ;;
	esac
	# made again when the data or the schema changes
	key=$(cat "$HERE/gen.sh" "$HERE"/../tui/core/schema*.c | cksum | cut -d' ' -f1)
	db=$CACHE/$1-$key.db
	if [ ! -f "$db" ]; then
		rm -f "$CACHE/$1"-*.db "$CACHE/$1"-*.db-wal "$CACHE/$1"-*.db-shm
		echo "bench: making the $1 data (once; kept in $CACHE)" >&2
		sh "$HERE/gen.sh" "$T/gen-$1" "$units"
		"$BIN" -d "$db.tmp" import "$T/gen-$1" >/dev/null
		mv "$db.tmp" "$db"
		rm -rf "$T/gen-$1"
	fi
	# an older schema is brought up to date here, not in a measured key
	"$BIN" -d "$db" check >/dev/null 2>&1 || true
	echo "$db"
}
