/* exchange_row.c - one row of a kind: read ours by its identity, write it,
 * delete it, keep what a peer has of it, and turn it into JSON and back
 * (exchange_int.h).  Statements are prepared once per create, apply or
 * decision, in an xcache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

enum { S_LOCAL, S_WRITE, S_DELETE, S_MPUT, S_MDEL, S_MGET };

void xcache_init(struct xcache *c, struct store *st)
{
	memset(c, 0, sizeof *c);
	c->st = st;
}

void xcache_free(struct xcache *c)
{
	size_t i, j;

	for (i = 0; i < sizeof c->stmt / sizeof c->stmt[0]; i++)
		for (j = 0; j < sizeof c->stmt[0] / sizeof c->stmt[0][0]; j++)
			sqlite3_finalize(c->stmt[i][j]);
	memset(c->stmt, 0, sizeof c->stmt);
}

void xrow_clear(struct xrow *r)
{
	int i;

	for (i = 0; i < XK_MAX_COLS; i++) {
		sqlite3_value_free(r->v[i]);
		r->v[i] = NULL;
	}
	r->n = 0;
	r->id = 0;
	r->owner[0] = '\0';
}

int xval_same(sqlite3_value *a, sqlite3_value *b)
{
	int ta, tb;

	if (!a || !b)
		return a == b;
	ta = sqlite3_value_type(a);
	tb = sqlite3_value_type(b);
	if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) &&
	    (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT)) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
			return sqlite3_value_int64(a) == sqlite3_value_int64(b);
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	}
	if (ta != tb)
		return 0;
	if (ta == SQLITE_NULL)
		return 1;
	if (sqlite3_value_bytes(a) != sqlite3_value_bytes(b))
		return 0;
	return memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
		      (size_t)sqlite3_value_bytes(a)) == 0;
}

/* WHERE "k1" IS ?1 AND ... over K's identity, parameters from FIRST on. */
static void add_key_where(struct buf *b, const struct xkind *k, int first)
{
	int i;

	for (i = 0; i < k->nkey; i++)
		buf_printf(b, "%s\"%s\" IS ?%d", i ? " AND " : " WHERE ", k->cols[i], first + i);
}

void xk_project_cte(struct buf *b, const struct xkind *k)
{
	int i;

	buf_puts(b, "WITH p(_owner, _id");
	for (i = 0; k->cols[i]; i++)
		buf_printf(b, ", \"%s\"", k->cols[i]);
	buf_printf(b, ") AS (%s)", k->project);
}

/* The SQL of statement WHICH of K into B. */
static void stmt_sql(struct buf *b, const struct xkind *k, int which)
{
	int i, n = xk_ncols(k);

	switch (which) {
	case S_LOCAL:
		xk_project_cte(b, k);
		buf_puts(b, " SELECT * FROM p");
		add_key_where(b, k, 1);
		break;
	case S_WRITE:
		buf_puts(b, k->upsert);
		break;
	case S_DELETE:
		buf_puts(b, k->remove);
		break;
	case S_MPUT:
		buf_printf(b, "INSERT INTO sync_sent_%s VALUES (?1, ?2", k->name);
		for (i = 0; i < n; i++)
			buf_printf(b, ", ?%d", i + 3);
		buf_puts(b, ") ON CONFLICT DO UPDATE SET sent = max(sent, excluded.sent)");
		for (i = k->nkey; i < n; i++)
			buf_printf(b, ", \"%s\" = excluded.\"%s\"", k->cols[i], k->cols[i]);
		break;
	case S_MDEL:
		buf_printf(b, "DELETE FROM sync_sent_%s", k->name);
		add_key_where(b, k, 2);
		buf_puts(b, " AND peer = ?1");
		break;
	case S_MGET:
		buf_printf(b, "SELECT * FROM sync_sent_%s", k->name);  /* peer, sent, cols */
		add_key_where(b, k, 2);
		buf_puts(b, " AND peer = ?1");
		break;
	}
}

/* Statement WHICH of K, prepared once, reset and unbound. */
static sqlite3_stmt *stmt_of(struct xcache *c, const struct xkind *k, int which,
			     struct rm_error *err)
{
	size_t ki = (size_t)(k - xk_kinds);
	sqlite3_stmt **s;
	struct buf b = { 0 };

	if (ki >= xk_nkinds || ki >= sizeof c->stmt / sizeof c->stmt[0]) {
		rm_fail(err, RM_EXIT_RUNTIME, "exchange: kind out of range");
		return NULL;
	}
	s = &c->stmt[ki][which];
	if (*s) {
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return *s;
	}
	stmt_sql(&b, k, which);
	if (b.oom) {
		buf_free(&b);
		rm_oom(err);
		return NULL;
	}
	*s = store_prepare(c->st, b.s, err);
	buf_free(&b);
	return *s;
}

/* Bind V[0..N-1] to S from parameter FIRST on. */
static int bind_values(sqlite3_stmt *s, int first, sqlite3_value *const *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		int rc = v[i] ? sqlite3_bind_value(s, first + i, v[i])
			      : sqlite3_bind_null(s, first + i);

		if (rc != SQLITE_OK)
			return -1;
	}
	return 0;
}

/* Copy columns FROM.. of S's row into ROW's N values. */
static int take_row(sqlite3_stmt *s, int from, int n, struct xrow *row, struct rm_error *err)
{
	int i;

	xrow_clear(row);
	for (i = 0; i < n; i++) {
		row->v[i] = sqlite3_value_dup(sqlite3_column_value(s, from + i));
		if (!row->v[i])
			return rm_oom(err);
	}
	row->n = n;
	return 0;
}

int xk_local(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
	     struct xrow *row, struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_LOCAL, err);
	int rc, found = 0;

	if (!s || bind_values(s, 1, key, k->nkey) < 0)
		return s ? store_fail(c->st, err, _("cannot read a record")) : -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (take_row(s, 2, xk_ncols(k), row, err) < 0)
			return -1;
		row->id = sqlite3_column_int64(s, 1);
		snprintf(row->owner, sizeof row->owner, "%s",
			 sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "");
		found = 1;
	} else if (rc != SQLITE_DONE) {
		return store_fail(c->st, err, _("cannot read a record"));
	}
	sqlite3_reset(s);
	return found;
}

int xk_write(struct xcache *c, const struct xkind *k, const struct xrow *row,
	     struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_WRITE, err);
	int rc;

	if (!s)
		return -1;
	if (bind_values(s, 1, row->v, xk_ncols(k)) < 0)
		return store_fail(c->st, err, _("cannot write a record"));
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(c->st->db);

		if (ext == SQLITE_CONSTRAINT_UNIQUE && xk_clash(k, row, err))
			rc = -1;
		else
			rc = store_fail(c->st, err, _("cannot write a record"));
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	return sqlite3_changes(c->st->db) > 0 ? 0 : 1;
}

int xk_delete(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
	      struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_DELETE, err);
	int rc;

	if (!s)
		return -1;
	if (bind_values(s, 1, key, k->nkey) < 0)
		return store_fail(c->st, err, _("cannot delete a record"));
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (sqlite3_extended_errcode(c->st->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
		return 1;
	if (rc != SQLITE_DONE)
		return store_fail(c->st, err, _("cannot delete a record"));
	return 0;
}

int xk_mirror_put(struct xcache *c, const struct xkind *k, const char *peer,
		  const struct xrow *row, int sent, struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_MPUT, err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, sent);
	if (bind_values(s, 3, row->v, xk_ncols(k)) < 0)
		return store_fail(c->st, err, _("cannot keep what was sent"));
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(c->st, err, _("cannot keep what was sent"));
}

int xk_mirror_del(struct xcache *c, const struct xkind *k, const char *peer,
		  sqlite3_value *const *key, struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_MDEL, err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	if (bind_values(s, 2, key, k->nkey) < 0)
		return store_fail(c->st, err, _("cannot keep what was sent"));
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(c->st, err, _("cannot keep what was sent"));
}

int xk_mirror_get(struct xcache *c, const struct xkind *k, const char *peer,
		  sqlite3_value *const *key, struct xrow *row, struct rm_error *err)
{
	sqlite3_stmt *s = stmt_of(c, k, S_MGET, err);
	int rc, found = 0;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	if (bind_values(s, 2, key, k->nkey) < 0)
		return store_fail(c->st, err, _("cannot read what was sent"));
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (take_row(s, 2, xk_ncols(k), row, err) < 0)
			return -1;
		found = 1;
	} else if (rc != SQLITE_DONE) {
		return store_fail(c->st, err, _("cannot read what was sent"));
	}
	sqlite3_reset(s);
	return found;
}

/* Run SQL (one row, one text column) with V[0..N-1] bound; the text into
 * *OUT (malloc'd). */
static int one_text(struct store *st, const char *sql, sqlite3_value *const *v, int n,
		    char **out, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, sql, err);
	int rc, oom = 0;

	*out = NULL;
	if (!s)
		return -1;
	if (bind_values(s, 1, v, n) < 0) {
		sqlite3_finalize(s);
		return store_fail(st, err, _("cannot write JSON"));
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = store_col_dup(s, 0, &oom);
	sqlite3_finalize(s);
	if (oom)
		return rm_oom(err);
	return rc == SQLITE_ROW ? 0 : store_fail(st, err, _("cannot write JSON"));
}

int xk_row_json(struct xcache *c, const struct xkind *k, const struct xrow *row, char **json,
		struct rm_error *err)
{
	struct buf b = { 0 };
	int i, n = xk_ncols(k), rc;

	*json = NULL;
	if (!row)
		return 0;
	buf_puts(&b, "SELECT json_object(");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s'%s', ?%d", i ? ", " : "", k->cols[i], i + 1);
	buf_puts(&b, ")");
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	rc = one_text(c->st, b.s, row->v, n, json, err);
	buf_free(&b);
	return rc;
}

int xk_key_json(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
		char **json, struct rm_error *err)
{
	struct buf b = { 0 };
	int i, rc;

	buf_puts(&b, "SELECT json_array(");
	for (i = 0; i < k->nkey; i++)
		buf_printf(&b, "%s?%d", i ? ", " : "", i + 1);
	buf_puts(&b, ")");
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	rc = one_text(c->st, b.s, key, k->nkey, json, err);
	buf_free(&b);
	return rc;
}

int xk_row_from_json(struct xcache *c, const struct xkind *k, const char *json,
		     struct xrow *row, struct rm_error *err)
{
	struct buf b = { 0 };
	sqlite3_stmt *s;
	int i, n = xk_ncols(k), rc, array = json && json[0] == '[';

	xrow_clear(row);
	buf_puts(&b, "SELECT ");
	for (i = 0; i < (array ? k->nkey : n); i++) {
		if (array)
			buf_printf(&b, "%s?1 ->> %d", i ? ", " : "", i);
		else
			buf_printf(&b, "%s?1 ->> '$.%s'", i ? ", " : "", k->cols[i]);
	}
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	s = store_prepare(c->st, b.s, err);
	buf_free(&b);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = take_row(s, 0, array ? k->nkey : n, row, err) < 0 ? -1 : SQLITE_ROW;
	sqlite3_finalize(s);
	if (rc == -1)
		return -1;
	return rc == SQLITE_ROW ? 0 : store_fail(c->st, err, _("cannot read JSON"));
}
