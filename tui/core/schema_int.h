/* schema_int.h - what the schema's migrations share across files. */
#ifndef ROUTEMAP_SCHEMA_INT_H
#define ROUTEMAP_SCHEMA_INT_H

#include <sqlite3.h>

#include "routemap/buf.h"

/* Append to B the insert, update and delete triggers that log TABLE's
 * changes into change_log, each row as a JSON object of every column
 * TABLE has now (read from DB).  rm_user() is registered on every
 * connection by store_open.  Returns 0, or -1 when TABLE's columns
 * cannot be read. */
int schema_add_audit_triggers(struct buf *b, sqlite3 *db, const char *table);

/* Append to B the triggers that keep TABLE's search document (kind TABLE,
 * text the SQL expression TEXT over the row, its columns written R.col)
 * in step: made on insert, rewritten when the text changed, gone on
 * delete. */
void schema_add_search_triggers(struct buf *b, const char *table, const char *text);

/* Has TABLE a column COLUMN?  1 yes, 0 no, -1 when it cannot be read.
 * (A database taken back to an older version by hand, for a test of an
 * older step, keeps the columns of the newer ones: their migrations add a
 * column only where it is missing.) */
int schema_has_column(sqlite3 *db, const char *table, const char *column);

/* An item's weight (I: its row's name) in whole millionths, as the
 * tally counts it (a weight under half a millionth counts as none), held
 * as REAL: whole numbers are exact in a double up to 2^53, so adding and
 * taking away the same weight ten thousand times leaves the sum exact,
 * and no weight, however large, overflows. */
#define TALLY_WEIGHT(i) "round(" i ".weight * 1000000)"

/* How the tally counts an entry R ("e", "NEW", "OLD"; NULL columns when
 * there is none) since schema 9: a level (a PMQA set's, 0 to 3) counts
 * level / 3 of the item's weight as met, so that the share met is the
 * levels' coverage, sum(level x weight) / (3 x sum(weight)); an entry
 * without a level counts by its status. */
#define TALLY_ANSWERED(r) "(" r ".status IS NOT NULL OR " r ".level IS NOT NULL)"
#define TALLY_IS_NA(r) "(" r ".level IS NULL AND " r ".status IS 'na')"
#define TALLY_MET_PART(r) "coalesce(" r ".level / 3.0, " r ".status IS 'met')"
#define TALLY_IS_PARTIAL(r) "(" r ".level IS NULL AND " r ".status IS 'partial')"

/* The tally's sums over rows of weights W (millionths) and entries R:
 * weight, answered, n/a, met and partial, in that order. */
#define TALLY_SUMS9(w, r)                                                           \
	"total(" w "), count(CASE WHEN " TALLY_ANSWERED(r) " THEN 1 END),"           \
	" total(CASE WHEN " TALLY_IS_NA(r) " THEN " w " END),"                       \
	" total(" TALLY_MET_PART(r) " * " w "),"                                     \
	" total(CASE WHEN " TALLY_IS_PARTIAL(r) " THEN " w " END)"

/* A column a migration adds to a table there was: TABLE, COLUMN and the
 * ALTER TABLE that adds it. */
struct schema_column {
	const char *table, *column, *sql;
};

/* Add each of COLS[0..N-1] that its table lacks (a database taken back
 * by hand keeps them).  Returns an SQLite result code. */
int schema_add_columns(sqlite3 *db, const struct schema_column *cols, size_t n, char **errmsg);

/* Append to B, for each of TABLES[0..N-1], the dropping of its change-log
 * triggers and their making again over the columns it has now.  Returns
 * 0, or -1 when a table's columns cannot be read. */
int schema_remake_audit_triggers(struct buf *b, sqlite3 *db, const char *const *tables,
				 size_t n);

/* Run the SQL in B and free B.  Returns an SQLite result code
 * (SQLITE_NOMEM when B ran out of memory while it was written). */
int schema_exec_buf(sqlite3 *db, struct buf *b, char **errmsg);

/* Migration 8 -> 9 (schema_v9.c): support requests and their answers,
 * a norm set's scale and an entry's level, proposals of norm changes. */
int schema_migrate_v9(sqlite3 *db, char **errmsg);

/* Migration 9 -> 10 (schema_v10.c): exchange between offices. */
int schema_migrate_v10(sqlite3 *db, char **errmsg);

#endif
