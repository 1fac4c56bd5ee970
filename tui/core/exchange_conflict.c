/* exchange_conflict.c - the conflicts an exchange found (sync_conflict):
 * read them, say what record each is about, and decide one - keep ours
 * or take theirs - as one undoable step (exchange.h). */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "exchange_int.h"

void exchange_conflict_free(struct exchange_conflict *c)
{
	if (!c)
		return;
	free(c->peer);
	free(c->kind);
	free(c->key);
	free(c->local);
	free(c->remote);
	free(c->local_who);
	free(c->local_at);
	free(c->remote_who);
	free(c->remote_at);
	free(c->found_at);
	free(c->resolved_by);
	free(c->resolved_at);
	memset(c, 0, sizeof *c);
}

#define CONFLICT_COLS "id, peer, seq, kind, key, local, remote, local_who, local_at," \
	" remote_who, remote_at, found_at, status, resolved_by, resolved_at"

/* The row of S (CONFLICT_COLS) into C.  Returns 0, or -1 with ERR. */
static int take_conflict(sqlite3_stmt *s, struct exchange_conflict *c, struct rm_error *err)
{
	const char *status = (const char *)sqlite3_column_text(s, 12);
	int oom = 0;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->peer = store_col_dup(s, 1, &oom);
	c->seq = sqlite3_column_int64(s, 2);
	c->kind = store_col_dup(s, 3, &oom);
	c->key = store_col_dup(s, 4, &oom);
	c->local = store_col_dup(s, 5, &oom);
	c->remote = store_col_dup(s, 6, &oom);
	c->local_who = store_col_dup(s, 7, &oom);
	c->local_at = store_col_dup(s, 8, &oom);
	c->remote_who = store_col_dup(s, 9, &oom);
	c->remote_at = store_col_dup(s, 10, &oom);
	c->found_at = store_col_dup(s, 11, &oom);
	c->resolved_by = store_col_dup(s, 13, &oom);
	c->resolved_at = store_col_dup(s, 14, &oom);
	c->status = !status || strcmp(status, "open") == 0 ? EXCHANGE_OPEN
		    : strcmp(status, "kept") == 0 ? EXCHANGE_KEPT : EXCHANGE_TAKEN;
	if (oom || !c->peer || !c->kind || !c->key) {
		exchange_conflict_free(c);
		return rm_oom(err);
	}
	return 0;
}

int exchange_conflicts(struct store *st, int open_only,
		       int (*fn)(void *arg, const struct exchange_conflict *c), void *arg,
		       struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " CONFLICT_COLS " FROM sync_conflict"
					" WHERE NOT ?1 OR status = 'open' ORDER BY id", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, open_only != 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct exchange_conflict c;
		int stop;

		if (take_conflict(s, &c, err) < 0) {
			sqlite3_finalize(s);
			return -1;
		}
		stop = fn(arg, &c);
		exchange_conflict_free(&c);
		if (stop)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the conflicts"));
	return 0;
}

int exchange_conflict_get(struct store *st, sqlite3_int64 id, struct exchange_conflict *c,
			  struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " CONFLICT_COLS " FROM sync_conflict"
					" WHERE id = ?1", err);
	int rc, found = 1;

	memset(c, 0, sizeof *c);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		found = take_conflict(s, c, err) < 0 ? -1 : 0;
	else if (rc != SQLITE_DONE)
		found = store_fail(st, err, _("cannot read the conflicts"));
	sqlite3_finalize(s);
	return found;
}

long long exchange_conflicts_open(struct store *st, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT count(*) FROM sync_conflict"
					" WHERE status = 'open'", err);
	long long n = -1;

	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n < 0 ? store_fail(st, err, _("cannot read the conflicts")) : n;
}

/* ---- deciding one ---- */

struct resolve {
	sqlite3_int64 id;
	enum exchange_choice choice;
};

/* Our row of C's record changed since C was found (OURS, or none): ERR
 * says who changed it when.  Returns CHANGE_CONFLICT. */
static int changed_since(struct store *st, const struct xkind *k, const struct xrow *ours,
			 int found, struct rm_error *err)
{
	sqlite3_stmt *s = NULL;
	int rc = CHANGE_CONFLICT;

	if (found)
		s = store_prepare(st, "SELECT who, at FROM change_log WHERE tbl = ?1"
				  " AND row_id = ?2 ORDER BY id DESC LIMIT 1", err);
	if (s) {
		sqlite3_bind_text(s, 1, k->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, ours->id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			char when[96];

			text_format_timestamp((const char *)sqlite3_column_text(s, 1), when,
					      sizeof when);
			rm_fail(err, RM_EXIT_RUNTIME, _("the record was changed here since the "
							"conflict was found, by %s at %s; nothing "
							"was decided"),
				(const char *)sqlite3_column_text(s, 0), when);
			sqlite3_finalize(s);
			return rc;
		}
		sqlite3_finalize(s);
	}
	rm_fail(err, RM_EXIT_RUNTIME, found ? _("the record was changed here since the conflict "
						"was found; nothing was decided")
					    : _("the record was deleted here since the conflict "
						"was found; nothing was decided"));
	return rc;
}

/* Is our row of C's record still what C recorded as ours?  1 yes, 0 no
 * (ERR says who changed it), -1 with ERR. */
static int ours_unchanged(struct xcache *x, const struct xkind *k,
			  const struct exchange_conflict *c, struct rm_error *err)
{
	struct xrow key = { { 0 }, 0, 0, "" }, ours = { { 0 }, 0, 0, "" }, then = { { 0 }, 0, 0, "" };
	int found, same = 1, i;

	if (xk_row_from_json(x, k, c->key, &key, err) < 0)
		return -1;
	found = xk_local(x, k, key.v, &ours, err);
	xrow_clear(&key);
	if (found < 0)
		return -1;
	if (!found || !c->local) {
		same = !found && !c->local;
	} else if (xk_row_from_json(x, k, c->local, &then, err) < 0) {
		xrow_clear(&ours);
		return -1;
	} else {
		for (i = 0; i < ours.n && same; i++)
			same = xval_same(ours.v[i], then.v[i]);
	}
	if (!same)
		changed_since(x->st, k, &ours, found, err);
	xrow_clear(&ours);
	xrow_clear(&then);
	return same;
}

/* TAKE: their row written here (or ours deleted, when they deleted it).
 * Returns a change_result. */
static int take_theirs(struct xcache *x, const struct xkind *k,
		       const struct exchange_conflict *c, struct rm_error *err)
{
	struct xrow row = { { 0 }, 0, 0, "" };
	int rc;

	if (xk_row_from_json(x, k, c->remote ? c->remote : c->key, &row, err) < 0)
		return CHANGE_ERROR;
	for (rc = 0; rc < k->nkey; rc++)
		if (!row.v[rc] || sqlite3_value_type(row.v[rc]) == SQLITE_NULL) {
			xrow_clear(&row);
			rm_fail(err, RM_EXIT_RUNTIME,
				_("only the fields they changed are known of their version, not the "
				  "whole record; keep ours (K) and change it by hand"));
			return CHANGE_ERROR;
		}
	rc = c->remote ? xk_write(x, k, &row, err) : xk_delete(x, k, row.v, err);
	xrow_clear(&row);
	if (rc == 1)
		rm_fail(err, RM_EXIT_RUNTIME,
			c->remote ? _("their version refers to a record that is not here (yet); "
				      "nothing was taken")
				  : _("other records here refer to this one; nothing was deleted"));
	return rc == 0 ? CHANGE_OK : CHANGE_ERROR;
}

static int resolve_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct resolve *r = arg;
	struct exchange_conflict c;
	const struct xkind *k;
	struct xcache x;
	sqlite3_stmt *s;
	int rc = exchange_conflict_get(st, r->id, &c, err);

	if (rc != 0) {
		if (rc == 1)
			rm_fail(err, RM_EXIT_RUNTIME, _("there is no conflict %lld"), (long long)r->id);
		return CHANGE_ERROR;
	}
	if (c.status != EXCHANGE_OPEN) {
		rm_fail(err, RM_EXIT_RUNTIME, _("conflict %lld was decided already, by %s"),
			(long long)c.id, c.resolved_by ? c.resolved_by : "?");
		exchange_conflict_free(&c);
		return CHANGE_CONFLICT;
	}
	k = xk_find(c.kind);
	if (!k) {
		rm_fail(err, RM_EXIT_RUNTIME, _("conflict %lld is about a kind of record this "
						"program does not know (%s)"), (long long)c.id, c.kind);
		exchange_conflict_free(&c);
		return CHANGE_ERROR;
	}
	xcache_init(&x, st);
	/* keeping ours keeps what is here now, changed since or not; taking
	 * theirs must not overwrite a change made here after the conflict */
	rc = r->choice == EXCHANGE_KEEP ? 1 : ours_unchanged(&x, k, &c, err);
	rc = rc < 0 ? CHANGE_ERROR : rc == 0 ? CHANGE_CONFLICT : CHANGE_OK;
	if (rc == CHANGE_OK && r->choice == EXCHANGE_TAKE)
		rc = take_theirs(&x, k, &c, err);
	xcache_free(&x);
	exchange_conflict_free(&c);
	if (rc != CHANGE_OK)
		return rc;
	s = store_prepare(st, "UPDATE sync_conflict SET status = ?2, resolved_by = ?3,"
			  " resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
			  " WHERE id = ?1 AND status = 'open'", err);
	if (!s)
		return CHANGE_ERROR;
	sqlite3_bind_int64(s, 1, r->id);
	sqlite3_bind_text(s, 2, r->choice == EXCHANGE_TAKE ? "taken" : "kept", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? CHANGE_OK : store_fail(st, err, _("cannot record the decision"));
}

int exchange_resolve(struct store *st, struct undo_log *u, sqlite3_int64 id,
		     enum exchange_choice choice, struct rm_error *err)
{
	struct resolve r = { id, choice };

	return change_run(st, u, NULL, resolve_work, &r, err);
}
