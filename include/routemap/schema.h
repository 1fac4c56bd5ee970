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

#endif
