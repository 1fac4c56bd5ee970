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

/* Migration 8 -> 9 (schema_v9.c): support requests and their answers,
 * a norm set's scale and an entry's level, proposals of norm changes. */
int schema_migrate_v9(sqlite3 *db, char **errmsg);

#endif
