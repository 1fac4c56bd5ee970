/* change_int.h - the fields people edit, as change.c writes them: each
 * one's table and column, how its value is read as people know it (a
 * code for a reference, a number as typed) and what is stored for it.
 * The table is changefields.c; a new editable field is a row there. */
#ifndef ROUTEMAP_CHANGE_INT_H
#define ROUTEMAP_CHANGE_INT_H

#include "routemap/store.h"

struct field {
	const char *name, *table, *column;
	const char *get;        /* the value as people know it */
	const char *set;        /* what to store for ?1 */
	int required;           /* NOT NULL: "" stays "" */
};

/* The field called NAME ("plan.title"), or NULL. */
const struct field *change_find_field(const char *name);

/* Field F of row ID changed from OLD to VALUE (inside the change's
 * transaction): when F is a code others name the record by (a plan's,
 * an objective's, a project's), make the AARs that review it name it by
 * VALUE.  0, or -1 with ERR. */
int change_follow_code(struct store *st, const struct field *f, sqlite3_int64 id,
		       const char *old, const char *value, struct rm_error *err);

#endif
