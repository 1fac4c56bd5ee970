/* office.c - the INI's own office in its database. */
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/office.h"

/* Run SQL with CFG's office bound: ?1 code, ?2 name, ?3 short name (NULL
 * when empty), ?4 level, ?5 parent code (NULL when empty); the first
 * column of its row, if it gives one, into *OUT (when not NULL).  0, or
 * -1 with ERR. */
static int run(struct store *st, const struct config *cfg, const char *sql, int *out,
	       struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, cfg->office_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, cfg->office_name, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, cfg->office_short_name);
	sqlite3_bind_text(stmt, 4, cfg->office_level, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 5, cfg->office_parent);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		if (out)
			*out = sqlite3_column_int(stmt, 0);
		rc = SQLITE_DONE;
	}
	return store_finish(st, stmt, rc, 0, err);
}

/* The parent the office should have: the INI's when the database holds
 * it, else the one it has (NULL for a new office). */
#define PARENT \
	"coalesce((SELECT id FROM office WHERE code = ?5 AND code <> ?1)," \
	" (SELECT parent_id FROM office WHERE code = ?1))"

/* office_register inside its transaction. */
static int register_in(struct store *st, const struct config *cfg, struct office_registration *r,
		       struct rm_error *err)
{
	int exists = 0, changed = 0, parent = 0;

	if (run(st, cfg, "SELECT count(*) FROM office WHERE code = ?1", &exists, err) < 0 ||
	    run(st, cfg, "SELECT ?5 IS NULL OR EXISTS (SELECT 1 FROM office WHERE code = ?5"
		" AND code <> ?1)", &parent, err) < 0)
		return -1;
	r->parent_missing = !parent;
	if (!exists) {
		r->outcome = OFFICE_ADDED;
		return run(st, cfg, "INSERT INTO office(code, name, short_name, level, parent_id)"
			   " VALUES (?1, ?2, ?3, ?4, " PARENT ")", NULL, err);
	}
	if (run(st, cfg, "SELECT (name IS NOT ?2) + 2 * (short_name IS NOT ?3)"
		" + 4 * (level IS NOT ?4) + 8 * (parent_id IS NOT " PARENT ")"
		" FROM office WHERE code = ?1", &changed, err) < 0)
		return -1;
	r->changed = (unsigned)changed;
	r->outcome = changed ? OFFICE_UPDATED : OFFICE_SAME;
	if (!changed)
		return 0;
	return run(st, cfg, "UPDATE office SET name = ?2, short_name = ?3, level = ?4,"
		   " parent_id = " PARENT " WHERE code = ?1", NULL, err);
}

int office_register(struct store *st, const struct config *cfg, struct office_registration *r,
		    struct rm_error *err)
{
	memset(r, 0, sizeof *r);
	if (store_begin(st, err) < 0)
		return -1;
	if (register_in(st, cfg, r, err) < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, err) < 0)
		return -1;
	return 0;
}
