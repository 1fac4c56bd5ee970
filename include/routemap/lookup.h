/* lookup.h - small questions a screen or a command asks the database,
 * each answered by one short query: a record's row by its code, where a
 * project stands in the plans, whether another connection has written.
 * No curses here.
 */
#ifndef ROUTEMAP_LOOKUP_H
#define ROUTEMAP_LOOKUP_H

#include "routemap/error.h"
#include "routemap/store.h"

/* The row id of the assessment called CODE into *ID.  Returns 0; -1 with
 * ERR (status 1) when there is no such assessment (deleted, perhaps by
 * another user) or the database fails, *ID then 0. */
int assessment_lookup_id(struct store *st, const char *code, sqlite3_int64 *id,
			 struct rm_error *err);

/* Where project CODE stands: the code of the plan it belongs to into
 * *PLAN, and the first objective it serves (the one linked first) into
 * *OBJECTIVE, NULL when it serves none; both malloc'd, the caller frees.
 * Returns 0; 1 when there is no such project or it belongs to no plan
 * (*PLAN and *OBJECTIVE NULL); -1 with ERR when the database fails or
 * memory runs out (both NULL). */
int project_place(struct store *st, const char *code, char **plan, char **objective,
		  struct rm_error *err);

/* SQLite's data version of ST's connection (PRAGMA data_version) into
 * *VERSION: a number that changes whenever another connection commits
 * to the database, and only then (this connection's own commits leave
 * it).  Compare two answers; the number itself means nothing.  Holds no
 * statement open afterwards (so it does not keep a read snapshot).
 * Returns 0, or -1 with ERR. */
int store_data_version(struct store *st, long long *version, struct rm_error *err);

#endif
