/* storetx.c - what runs on an open office database: statements, the
 * transactions of a change and of a reading, and what their failures mean
 * in words (opening and migrating: store.c). */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/store.h"

/* What a failed constraint (extended code RC) means for the user. */
static const char *explain_constraint(int rc)
{
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return _("a record with the same code is there already; give another code, or change "
			 "the record that is there; nothing was written");
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return _("it names a record that is not there, or others still need this one; nothing "
			 "was written");
	case SQLITE_CONSTRAINT_NOTNULL:
		return _("a value that is needed is missing; nothing was written");
	default:
		return _("a value is not one the database allows here; nothing was written");
	}
}

/* What an SQLite result code (extended) means for the user: a sentence
 * that says what happened and what to do; SQLite's own words follow it. */
static const char *explain(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return NULL;   /* no error of SQLite's: the caller's words say it */
	case SQLITE_CONSTRAINT:
		return explain_constraint(rc);
	case SQLITE_TOOBIG:
		return _("a text is too long to keep; shorten it");
	case SQLITE_SCHEMA:
		return _("the database changed its layout meanwhile; try again");
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return _("the database does not allow this; nothing was written");
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return _("another user is changing the database and did not finish in time; "
			 "nothing was written");
	case SQLITE_FULL:
		return _("the disk is full; nothing was written");
	case SQLITE_READONLY:
		return _("the database cannot be written here (read-only)");
	case SQLITE_IOERR:
		return _("the disk could not be read or written");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return _("the database is damaged; see routemap check");
	case SQLITE_CANTOPEN:
		return _("the database file cannot be opened");
	case SQLITE_NOMEM:
		return _("out of memory");
	default:
		return _("the database could not do it; nothing was written (tell whoever looks after "
			 "routemap, with the words in parentheses)");
	}
}

int store_fail(struct store *st, struct rm_error *err, const char *what)
{
	const char *msg = st && st->db ? sqlite3_errmsg(st->db) : _("out of memory");
	const char *why = st && st->db ? explain(sqlite3_extended_errcode(st->db)) : NULL;

	if (why)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s: %s (%s)",
			       st->path ? st->path : _("database"), what, why, msg);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s: %s", st && st->path ? st->path : _("database"),
		       what, msg);
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct rm_error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_fail(st, err, _("cannot prepare a query"));
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

int store_exec(struct store *st, const char *sql, struct rm_error *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, _("cannot run a query"));
	return 0;
}

int store_finish(struct store *st, sqlite3_stmt *stmt, int rc, int oom, struct rm_error *err)
{
	/* the error is the statement's: read it before finalizing */
	if (!oom && rc != SQLITE_DONE)
		store_fail(st, err, _("cannot read the database"));
	sqlite3_finalize(stmt);
	if (oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return rc == SQLITE_DONE ? 0 : -1;
}

char *store_col_dup(sqlite3_stmt *stmt, int i, int *oom)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);
	char *r;

	if (!s)
		return NULL;
	r = strdup(s);
	if (!r)
		*oom = 1;
	return r;
}

int store_unique_code(struct store *st, const char *table, const char *base, char **code,
		      struct rm_error *err)
{
	/* table names cannot be bound: one statement each */
	const char *sql = strcmp(table, "aar") == 0       ? "SELECT 1 FROM aar WHERE code = ?1"
			  : strcmp(table, "project") == 0 ? "SELECT 1 FROM project WHERE code = ?1"
							  : "SELECT 1 FROM assessment WHERE code = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int n, rc = SQLITE_ROW;

	*code = NULL;
	if (!stmt)
		return -1;
	for (n = 1; rc == SQLITE_ROW && n < 10000; n++) {
		struct buf b = { 0 };

		buf_puts(&b, base);
		if (n > 1)
			buf_printf(&b, "-%d", n);
		free(*code);
		*code = buf_take(&b);
		if (!*code) {
			sqlite3_finalize(stmt);
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		}
		sqlite3_reset(stmt);
		sqlite3_bind_text(stmt, 1, *code, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*code);
		*code = NULL;
		return rc == SQLITE_ROW ? rm_fail(err, RM_EXIT_RUNTIME, _("%s: every code %s-N is taken"),
						  st->path, base)
					: store_fail(st, err, _("cannot read the database"));
	}
	return 0;
}

int store_bind_text_or_null(sqlite3_stmt *stmt, int idx, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, text, -1, SQLITE_TRANSIENT);
}

int store_begin(struct store *st, struct rm_error *err)
{
	if (st->readonly)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: the database is open read-only"), st->path);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, _("cannot start a change"));
	return 0;
}

int store_commit(struct store *st, struct rm_error *err)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(st, err, _("cannot save the change"));
		store_rollback(st);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_read_begin(struct store *st)
{
	return sqlite3_get_autocommit(st->db) &&
	       sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void store_read_end(struct store *st, int began)
{
	if (began && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

int store_data_version(struct store *st, long long *version, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "PRAGMA data_version", err);
	int rc;

	*version = 0;
	if (!stmt)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(stmt, 0);
	/* finalized at once: a statement left on its row holds a read snapshot */
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, _("cannot read the database"));
	return 0;
}

int store_run_ids(struct store *st, const char *sql, sqlite3_int64 a, sqlite3_int64 b,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, a);
	if (sqlite3_bind_parameter_count(stmt) > 1)
		sqlite3_bind_int64(stmt, 2, b);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	return sqlite3_changes(st->db);
}
