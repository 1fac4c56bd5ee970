/* schema.h - the database schema's migrations (used by store.c). */
#ifndef ROUTEMAP_SCHEMA_H
#define ROUTEMAP_SCHEMA_H

#include <sqlite3.h>

/* The schema version this program writes. */
int schema_latest(void);

/* Run the migration from version FROM to FROM + 1 on DB, inside the
 * caller's transaction.  Returns an SQLite result code; *ERRMSG as for
 * sqlite3_exec. */
int schema_migrate_step(sqlite3 *db, int from, char **errmsg);

/* Inside a write transaction on DB: stop indexing new search documents
 * row by row, until schema_search_feed indexes every document added since
 * in one statement (a bulk import).  The transaction must not commit in
 * between.  Both return 0, or -1 on an SQLite error (sqlite3_errmsg(DB)
 * says which). */
int schema_search_defer(sqlite3 *db);
int schema_search_feed(sqlite3 *db);

/* Register the search index's tokenizer (rm_bigram: every two code
 * points, Latin letters folded) on DB; every connection needs it before
 * it reads or writes a searchable record.  0, or -1 when SQLite lacks
 * FTS5. */
int schema_search_tokenizer(sqlite3 *db);

/* Does the kept coverage (each tally's share) count a partial answer by
 * PARTIAL?  When it does not and MAY_WRITE, make it: every share counted
 * again in one transaction (after the office changed its INI).  Returns
 * 1 when the shares count PARTIAL, 0 when they do not (read-only), -1 on
 * an SQLite error (sqlite3_errmsg(DB)). */
int schema_coverage_weight(sqlite3 *db, double partial, int may_write);

/* SQL listing the codes of the assessments whose kept coverage
 * (assessment_tally) differs from their items and entries: none in a
 * sound database. */
extern const char schema_tally_check_sql[];

#endif
