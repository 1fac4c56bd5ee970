/* exchange_apply.c - applying a bundle from a peer office (exchange.h):
 * its parts after the last one applied, in order, in one transaction.
 * Each change of a part (an insert, update or delete of a wire row, read
 * with SQLite's changeset iterator) is applied when our row is still what
 * the peer last sent; when it was changed here too, and differently, our
 * row stays and the conflict is recorded.  A row that refers to one not
 * here yet waits until the rest of its part is in. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "exchange_int.h"

/* A row waiting for what it refers to. */
struct xwait {
	const struct xkind *k;
	struct xrow row;
	int insert;
};

struct xapply {
	struct xcache c;
	const struct exchange_header *h;
	const char *path;
	const char *self;            /* our office code */
	const char *user;            /* who applies it here */
	int scope;                   /* the sender is above us (1), below (-1):
					temp.x_scope holds the offices whose
					records it may change here; 0: the tree
					does not say yet (its first bundle) */
	sqlite3_stmt *in_scope;
	long long seq;               /* the part being applied */
	struct exchange_summary *sum;
	struct xwait *wait;
	size_t nwait, capwait;
	int any_open;                /* may a conflict with the sender be open?
					(0: no change needs looking up) */
};

/* ROW := BASE with every defined value of OVER laid on it (N columns). */
static int overlay(struct xrow *row, const struct xrow *base, sqlite3_value **over, int n,
		   struct rm_error *err)
{
	int i;

	xrow_clear(row);
	for (i = 0; i < n; i++) {
		sqlite3_value *v = over && over[i] ? over[i] : base ? base->v[i] : NULL;

		if (v && !(row->v[i] = sqlite3_value_dup(v)))
			return rm_oom(err);
	}
	row->n = n;
	row->id = base ? base->id : 0;
	return 0;
}

/* Is every column of ROW defined? */
static int row_full(const struct xrow *row, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!row->v[i])
			return 0;
	return n > 0;
}

/* Who changed row ID of TABLE here last, and when, into WHO and AT. */
static void last_change(struct store *st, const char *table, sqlite3_int64 id, char **who,
			char **at)
{
	sqlite3_stmt *s;
	int oom = 0;

	*who = *at = NULL;
	if (!id || sqlite3_prepare_v2(st->db, "SELECT who, at FROM change_log WHERE tbl = ?1"
				      " AND row_id = ?2 ORDER BY id DESC LIMIT 1", -1, &s,
				      NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*who = store_col_dup(s, 0, &oom);
		*at = store_col_dup(s, 1, &oom);
	}
	sqlite3_finalize(s);
}

/* Record (or bring up to date) the open conflict on KEY of K: ours LOCAL
 * (NULL: not here), theirs REMOTE (NULL: deleted there). */
static int record_conflict(struct xapply *a, const struct xkind *k, sqlite3_value *const *key,
			   const struct xrow *local, const struct xrow *remote,
			   struct rm_error *err)
{
	char *kj = NULL, *lj = NULL, *rj = NULL, *who, *at, found[32];
	sqlite3_stmt *s;
	int rc = -1;

	last_change(a->c.st, k->table, local ? local->id : 0, &who, &at);
	xnow(found);
	if (xk_key_json(&a->c, k, key, &kj, err) < 0 || xk_row_json(&a->c, k, local, &lj, err) < 0 ||
	    xk_row_json(&a->c, k, remote, &rj, err) < 0)
		goto out;
	s = store_prepare(a->c.st,
			  "INSERT INTO sync_conflict(peer, seq, kind, key, local, remote, local_who,"
			  " local_at, remote_who, remote_at, found_at)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
			  " ON CONFLICT(peer, kind, key) WHERE status = 'open' DO UPDATE SET"
			  " seq = excluded.seq, remote = excluded.remote,"
			  " remote_who = excluded.remote_who, remote_at = excluded.remote_at,"
			  " local = excluded.local, local_who = excluded.local_who,"
			  " local_at = excluded.local_at", err);
	if (!s)
		goto out;
	sqlite3_bind_text(s, 1, a->h->sender, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, a->seq);
	sqlite3_bind_text(s, 3, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, kj, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, lj, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, rj, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->h->created_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, a->h->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, found, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : store_fail(a->c.st, err,
							      _("cannot record a conflict"));
	sqlite3_finalize(s);
	a->sum->kinds[k - xk_kinds].conflicts++;
	a->any_open = 1;
out:
	free(kj);
	free(lj);
	free(rj);
	free(who);
	free(at);
	return rc;
}

/* Is any conflict with the sender open?  Sets A->any_open; 0, or -1
 * with ERR.  (Most bundles meet none: then no change is looked up.) */
static int any_open_conflict(struct xapply *a, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(a->c.st, "SELECT 1 FROM sync_conflict WHERE peer = ?1"
					" AND status IN ('open', 'kept') LIMIT 1", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, a->h->sender, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(a->c.st, err, _("cannot read the conflicts"));
	a->any_open = rc == SQLITE_ROW;
	return 0;
}

/* Is there an open conflict on KEY of K with this peer (1), or one
 * where we kept ours (2: the id into *KEPT)?  0 none, -1 with ERR. */
static int conflict_open(struct xapply *a, const struct xkind *k, sqlite3_value *const *key,
			 sqlite3_int64 *kept, struct rm_error *err)
{
	char *kj = NULL;
	sqlite3_stmt *s;
	int rc;

	if (!a->any_open)
		return 0;
	if (xk_key_json(&a->c, k, key, &kj, err) < 0)
		return -1;
	s = store_prepare(a->c.st, "SELECT status = 'open', id FROM sync_conflict WHERE peer = ?1"
			  " AND kind = ?2 AND key = ?3 AND status IN ('open', 'kept')"
			  " ORDER BY status = 'open' DESC, id DESC LIMIT 1", err);
	if (!s) {
		free(kj);
		return -1;
	}
	sqlite3_bind_text(s, 1, a->h->sender, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, kj, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*kept = sqlite3_column_int64(s, 1);
		rc = sqlite3_column_int(s, 0) ? 1 : 2;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = -1;
	}
	sqlite3_finalize(s);
	free(kj);
	return rc < 0 ? store_fail(a->c.st, err, _("cannot read the conflicts")) : rc;
}

/* A change reached a record whose conflict we decided by keeping ours:
 * the other office still holds another value (it kept its own too, or
 * changed it again), so the conflict is open again, not overwritten. */
static int reopen_kept(struct xapply *a, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(a->c.st, "UPDATE sync_conflict SET status = 'open',"
					" resolved_by = NULL, resolved_at = NULL WHERE id = ?1", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(a->c.st, err, _("cannot record a conflict"));
}

/* "KIND KEY" of a row, for messages, into B (BUFSZ bytes). */
static void describe(struct xapply *a, const struct xkind *k, sqlite3_value *const *key,
		     char *b, size_t bufsz)
{
	char *kj = NULL;
	struct rm_error e = { 0, "" };

	xk_key_json(&a->c, k, key, &kj, &e);
	snprintf(b, bufsz, "%s %s", _(k->label), kj ? kj : "?");
	free(kj);
}

/* Write ROW of K, or keep it waiting when what it refers to is not here
 * yet.  INSERT says how to count it. */
static int write_or_wait(struct xapply *a, const struct xkind *k, const struct xrow *row,
			 int insert, struct rm_error *err)
{
	struct xwait *w;
	int rc = xk_write(&a->c, k, row, err);

	if (rc < 0) {
		char what[200];

		describe(a, k, row->v, what, sizeof what);
		rm_error_prefix(err, _("%s: part %lld: %s"), a->path, a->seq, what);
		return -1;
	}
	if (rc == 0) {
		if (insert)
			a->sum->kinds[k - xk_kinds].inserted++;
		else
			a->sum->kinds[k - xk_kinds].updated++;
		return 0;
	}
	if (a->nwait == a->capwait) {
		size_t cap = a->capwait ? 2 * a->capwait : 16;
		struct xwait *nw = realloc(a->wait, cap * sizeof *nw);

		if (!nw)
			return rm_oom(err);
		a->wait = nw;
		a->capwait = cap;
	}
	w = &a->wait[a->nwait];
	memset(w, 0, sizeof *w);
	w->k = k;
	w->insert = insert;
	if (overlay(&w->row, row, NULL, row->n, err) < 0)
		return -1;
	a->nwait++;
	return 0;
}

/* Has our row L of an UPDATE each changed column as it was (O) or as it
 * is now there (NW)? */
static int unchanged_here(const struct xrow *l, sqlite3_value **o, sqlite3_value **nw, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (nw[i] && !xval_same(l->v[i], nw[i]) && !(o[i] && xval_same(l->v[i], o[i])))
			return 0;
	return 1;
}

/* A code given by another office than ours: refuse the bundle. */
static int owner_clash(struct xapply *a, const struct xkind *k, const struct xrow *l,
		       sqlite3_value **nw, struct rm_error *err)
{
	char what[200];
	const unsigned char *ours, *theirs;

	if (k->owner_col < 0 || !nw[k->owner_col] || xval_same(l->v[k->owner_col], nw[k->owner_col]))
		return 0;
	describe(a, k, l->v, what, sizeof what);
	ours = sqlite3_value_text(l->v[k->owner_col]);
	theirs = sqlite3_value_text(nw[k->owner_col]);
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("%s: %s belongs to %s here, but the bundle gives it to %s: a code must be one office's only; rename one of them and send again"),
		       a->path, what, ours ? (const char *)ours : "-",
		       theirs ? (const char *)theirs : "-");
}

/* Are the values of L and R the same in every column where R's are
 * defined (ALLOW_NULL: or where L's is NULL, a gap theirs fills)? */
static int agrees(const struct xrow *l, sqlite3_value *const *r, int n, int allow_null)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!r[i] || xval_same(l->v[i], r[i]))
			continue;
		if (allow_null && sqlite3_value_type(l->v[i]) == SQLITE_NULL)
			continue;
		return 0;
	}
	return 1;
}

/* An office's own row is its to say: ours as a peer sends it only fills
 * a gap, our parent (the INI says who we are: office_register); the
 * sender's, as it sends it, is taken.  Neither is ever a conflict.
 * Returns 1 when row L was one of these and is dealt with, 0 when not. */
static int own_office(struct xapply *a, const struct xkind *k, const struct xrow *l,
		      sqlite3_value **nw, struct rm_error *err)
{
	struct xrow r = { 0 };
	int parent = 4, rc;   /* office_cols: code, name, short_name, level, parent */

	if (strcmp(k->name, "office") != 0 || !l->v[0])
		return 0;
	/* the sender's own row: it knows best who it is */
	if (strcmp((const char *)sqlite3_value_text(l->v[0]), a->h->sender) == 0) {
		sqlite3_value *some[XK_MAX_COLS] = { 0 };
		int i;

		/* (what it does not know, its parent say, stays ours) */
		for (i = 0; i < l->n; i++)
			if (nw[i] && sqlite3_value_type(nw[i]) != SQLITE_NULL)
				some[i] = nw[i];
		rc = overlay(&r, l, some, l->n, err);
		if (rc == 0 && !agrees(l, r.v, r.n, 0))
			rc = write_or_wait(a, k, &r, 0, err);
		else if (rc == 0)
			a->sum->kinds[k - xk_kinds].same++;
		xrow_clear(&r);
		return rc < 0 ? -1 : 1;
	}
	if (strcmp((const char *)sqlite3_value_text(l->v[0]), a->self) != 0)
		return 0;
	if (sqlite3_value_type(l->v[parent]) != SQLITE_NULL || !nw[parent] ||
	    sqlite3_value_type(nw[parent]) == SQLITE_NULL) {
		a->sum->kinds[k - xk_kinds].same++;
		return 1;
	}
	rc = overlay(&r, l, NULL, l->n, err);
	if (rc == 0) {
		sqlite3_value_free(r.v[parent]);
		r.v[parent] = sqlite3_value_dup(nw[parent]);
		rc = r.v[parent] ? write_or_wait(a, k, &r, 0, err) : rm_oom(err);
	}
	xrow_clear(&r);
	return rc < 0 ? -1 : 1;
}

/* What deleting a record of a kind may take with it: its own parts,
 * which the same office owns.  Anything else a deletion would reach (a
 * unit's answers under a norm item, a project serving an objective)
 * keeps the record here as a conflict. */
static const struct {
	const char *kind;
	const char *tables;     /* ",t1,t2," */
} cascades[] = {
	{ "plan", ",objective,link,indicator,slm_cell," },
	{ "objective", ",link,indicator,slm_cell," },
	{ "project", ",project_objective," },
	{ "norm_set", ",norm_item," },
	{ "assessment", ",assessment_entry,support_request," },
	{ "entry", ",support_request," },
	{ "aar", ",aar_tag,aar_section,aar_action," },
};

/* May deleting a record of K take a row of TABLE with it? */
static int may_take(const struct xkind *k, const char *table)
{
	char t[80];
	size_t i;

	if (strcmp(table, k->table) == 0)
		return 1;
	snprintf(t, sizeof t, ",%s,", table);
	for (i = 0; i < sizeof cascades / sizeof cascades[0]; i++)
		if (strcmp(cascades[i].kind, k->name) == 0 && strstr(cascades[i].tables, t))
			return 1;
	return 0;
}

/* Delete the record of K with identity KEY, unless that takes with it
 * rows it may not (may_take; the change log says what went): then
 * nothing is deleted.  0 deleted, 1 kept (still used here), -1. */
static int delete_alone(struct xapply *a, const struct xkind *k, sqlite3_value *const *key,
			struct rm_error *err)
{
	sqlite3_stmt *s;
	sqlite3_int64 before = 0;
	int rc, other = 0;

	s = store_prepare(a->c.st, "SELECT coalesce(max(id), 0) FROM change_log", err);
	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		before = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (store_exec(a->c.st, "SAVEPOINT x_delete", err) < 0)
		return -1;
	rc = xk_delete(&a->c, k, key, err);
	if (rc == 0 && (s = store_prepare(a->c.st, "SELECT DISTINCT tbl FROM change_log"
					  " WHERE id > ?1", err)) != NULL) {
		sqlite3_bind_int64(s, 1, before);
		while (sqlite3_step(s) == SQLITE_ROW)
			if (!may_take(k, (const char *)sqlite3_column_text(s, 0)))
				other = 1;
		sqlite3_finalize(s);
	} else if (rc == 0) {
		rc = -1;
	}
	if (rc == 1 || other)
		sqlite3_exec(a->c.st->db, "ROLLBACK TO x_delete", NULL, NULL, NULL);
	sqlite3_exec(a->c.st->db, "RELEASE x_delete", NULL, NULL, NULL);
	return rc < 0 ? -1 : rc == 1 || other;
}

/* Into USE and USEO, NW and O without the columns only others than the
 * owner may change, when the sender owns our row L (a unit's bundle
 * never undoes the fund's answer here, whatever its own copy says);
 * else the same as NW and O. */
static void owner_mask(struct xapply *a, const struct xkind *k, const struct xrow *l,
		       sqlite3_value **o, sqlite3_value **nw, sqlite3_value **use,
		       sqlite3_value **useo)
{
	int i, j, n = xk_ncols(k);

	memcpy(use, nw, (size_t)n * sizeof *use);
	memcpy(useo, o, (size_t)n * sizeof *useo);
	if (!k->others || strcmp(l->owner, a->h->sender) != 0)
		return;
	for (i = 0; k->others[i]; i++)
		for (j = k->nkey; j < n; j++)
			if (strcmp(k->cols[j], k->others[i]) == 0)
				use[j] = useo[j] = NULL;
}

/* May the sender change our record L of kind K?  Only a record owned
 * where the sender's bundles may reach: from above, ours, our subtree's
 * and our ancestors'; from below, its own subtree's; frames only from
 * above.  0, or -1 with ERR (the bundle is refused). */
static int may_change(struct xapply *a, const struct xkind *k, const struct xrow *l,
		      struct rm_error *err)
{
	char what[200];
	int rc;

	if (!a->scope || (!l->owner[0] && !(k->flow == XK_DOWN && a->scope < 0)))
		return 0;
	if (l->owner[0]) {
		if (!a->in_scope && !(a->in_scope = store_prepare(a->c.st, "SELECT 1 FROM"
							 " temp.x_scope WHERE code = ?1", err)))
			return -1;
		sqlite3_reset(a->in_scope);
		sqlite3_bind_text(a->in_scope, 1, l->owner, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(a->in_scope);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return store_fail(a->c.st, err, _("cannot read the office tree"));
	}
	describe(a, k, l->v, what, sizeof what);
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("%s: %s is %s's, which a bundle from %s may not change: nothing was changed"),
		       a->path, what, l->owner[0] ? l->owner : "-", a->h->sender);
}

/* Apply one change of kind K: OP with old values O and new values NW
 * (NULL where the changeset leaves a column undefined). */
static int apply_change(struct xapply *a, const struct xkind *k, int op, sqlite3_value **o,
			sqlite3_value **nw, struct rm_error *err)
{
	sqlite3_value *const *key = op == SQLITE_INSERT ? nw : o;
	struct xrow l = { 0 }, base = { 0 }, r = { 0 }, m = { 0 };
	struct exchange_count *cnt = &a->sum->kinds[k - xk_kinds];
	sqlite3_value *use[XK_MAX_COLS], *useo[XK_MAX_COLS], **nw_apply = nw;
	int n = xk_ncols(k), found, open, rc = 0;
	sqlite3_int64 kept = 0;

	found = xk_local(&a->c, k, key, &l, err);
	if (found && op != SQLITE_DELETE) {
		/* (the mirror below still takes all of NW: they have it) */
		owner_mask(a, k, &l, o, nw, use, useo);
		o = useo;
		nw_apply = use;
	}
	open = found < 0 ? -1 : conflict_open(a, k, key, &kept, err);
	/* kept here, and theirs still differs: open again */
	if (open == 2 && found && (op == SQLITE_DELETE || !agrees(&l, nw_apply, n, 0)))
		open = reopen_kept(a, kept, err) < 0 ? -1 : 1;
	else if (open == 2)
		open = 0;
	if (open < 0 || xk_mirror_get(&a->c, k, a->h->sender, key, &base, err) < 0)
		goto fail;
	if (found && op != SQLITE_DELETE && owner_clash(a, k, &l, nw, err) < 0)
		goto fail;
	if (found > 0 && may_change(a, k, &l, err) < 0)
		goto fail;
	/* theirs, whole: what they had (or ours) with the change laid on */
	if (op != SQLITE_DELETE && overlay(&r, base.n ? &base : found ? &l : NULL, nw, n, err) < 0)
		goto fail;
	if (open)
		rc = record_conflict(a, k, key, found ? &l : NULL, op == SQLITE_DELETE ? NULL : &r, err);
	else if (found && op != SQLITE_DELETE && (rc = own_office(a, k, &l, nw, err)) != 0)
		rc = rc < 0 ? -1 : 0;
	else if (op == SQLITE_INSERT && !found)
		rc = write_or_wait(a, k, &r, 1, err);
	else if (op == SQLITE_INSERT && agrees(&l, nw_apply, n, 0))
		cnt->same++;
	else if (op == SQLITE_INSERT && (agrees(&l, nw_apply, n, 1) ||
					 (base.n && agrees(&l, base.v, n, 0)))) {
		/* a gap theirs fills, or ours is still what they last had
		 * (they sent it again, having forgotten us) */
		rc = overlay(&m, &l, nw_apply, n, err);
		if (rc == 0)
			rc = write_or_wait(a, k, &m, 0, err);
	}
	else if (op == SQLITE_UPDATE && found && agrees(&l, nw_apply, n, 0))
		cnt->same++;
	else if (op == SQLITE_UPDATE && found && unchanged_here(&l, o, nw_apply, n)) {
		/* ours with theirs laid on; they have R, not our other columns */
		rc = overlay(&m, &l, nw_apply, n, err);
		if (rc == 0)
			rc = write_or_wait(a, k, &m, 0, err);
	} else if (op == SQLITE_DELETE && !found)
		cnt->same++;
	else if (op == SQLITE_DELETE && agrees(&l, o, n, 0)) {
		rc = delete_alone(a, k, key, err);
		if (rc == 1)   /* still used here */
			rc = record_conflict(a, k, key, &l, NULL, err);
		else if (rc == 0)
			cnt->deleted++;
	} else
		rc = record_conflict(a, k, key, found ? &l : NULL,
				     op == SQLITE_DELETE ? NULL : &r, err);
	/* they have it so now, whatever we kept */
	if (rc == 0 && op == SQLITE_DELETE)
		rc = xk_mirror_del(&a->c, k, a->h->sender, key, err);
	else if (rc == 0 && row_full(&r, n))
		rc = xk_mirror_put(&a->c, k, a->h->sender, &r, 0, err);
	goto out;
fail:
	rc = -1;
out:
	xrow_clear(&l);
	xrow_clear(&base);
	xrow_clear(&r);
	xrow_clear(&m);
	return rc;
}

/* Write the rows that waited, again and again while any goes in; one
 * still waiting after that refers to something neither here nor in the
 * bundle: refuse. */
static int drain_waiting(struct xapply *a, struct rm_error *err)
{
	size_t i, kept;
	int progress = 1;

	while (a->nwait && progress) {
		progress = 0;
		for (i = 0, kept = 0; i < a->nwait; i++) {
			struct xwait *w = &a->wait[i];
			int rc = xk_write(&a->c, w->k, &w->row, err);

			if (rc < 0)
				return -1;
			if (rc == 0) {
				if (w->insert)
					a->sum->kinds[w->k - xk_kinds].inserted++;
				else
					a->sum->kinds[w->k - xk_kinds].updated++;
				xrow_clear(&w->row);
				progress = 1;
			} else {
				a->wait[kept++] = *w;
			}
		}
		a->nwait = kept;
	}
	if (a->nwait) {
		char what[200];

		describe(a, a->wait[0].k, a->wait[0].row.v, what, sizeof what);
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: part %lld: %s refers to a record this office does not have and the bundle does not carry"),
			       a->path, a->seq, what);
	}
	return 0;
}

/* Apply every change of part P. */
static int apply_part(struct xapply *a, const struct xpart *p, struct rm_error *err)
{
	sqlite3_changeset_iter *it;
	int rc = 0, next;

	a->seq = p->seq;
	if (sqlite3changeset_start(&it, p->size, p->changeset) != SQLITE_OK)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: part %lld cannot be read"), a->path,
			       p->seq);
	while (rc == 0 && (next = sqlite3changeset_next(it)) == SQLITE_ROW) {
		sqlite3_value *o[XK_MAX_COLS] = { 0 }, *nw[XK_MAX_COLS] = { 0 };
		const char *tab;
		int ncol, op, ind, i;
		const struct xkind *k;

		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		k = xk_of_table(tab);
		if (!k || !k->project || ncol != xk_ncols(k)) {
			rc = rm_fail(err, RM_EXIT_RUNTIME,
				     _("%s: part %lld holds records this routemap does not know (%s); update routemap"),
				     a->path, p->seq, tab ? tab : "?");
			break;
		}
		for (i = 0; i < ncol; i++) {
			if (op != SQLITE_INSERT)
				sqlite3changeset_old(it, i, &o[i]);
			if (op != SQLITE_DELETE)
				sqlite3changeset_new(it, i, &nw[i]);
		}
		rc = apply_change(a, k, op, o, nw, err);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: part %lld cannot be read"), a->path,
			     p->seq);
	return rc == 0 ? drain_waiting(a, err) : -1;
}

/* May we apply bundle H at all?  Its receiver must be us, its sender a
 * database we know as that office (or a new one), its acknowledgement one
 * of ours, and its first new part the next we expect. */
static int check_bundle(struct xapply *a, const char *self, const struct xpeer *p,
			long long ack, const struct xpart *parts, size_t n, struct rm_error *err)
{
	const struct exchange_header *h = a->h;
	size_t i;

	if (strcmp(h->receiver, self) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: this bundle is for %s; this office is %s: nothing was changed"),
			       a->path, h->receiver, self);
	if (strcmp(h->sender, self) == 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: this bundle was made by this office"),
			       a->path);
	if (p->db_id[0] && strcmp(p->db_id, h->sender_db) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: made by another database of %s than its earlier bundles; if its database was replaced, run \"routemap bundle forget %s\" first"),
			       a->path, h->sender, h->sender);
	if (ack > p->sent)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: %s says it applied our part %lld, but we made only %lld: was this database put back from a backup?"),
			       a->path, h->sender, ack, p->sent);
	for (i = 0; i < n && parts[i].seq <= p->received; i++)
		;
	if (i < n && parts[i].seq != p->received + 1)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: part %lld from %s is missing (this bundle starts at part %lld): apply the bundle that carries it first, or ask %s for a new bundle"),
			       a->path, p->received + 1, h->sender, parts[i].seq, h->sender);
	return 0;
}

/* Inside the transaction: check, apply the new parts, take the
 * acknowledgement, log. */
static int apply_in_tx(struct xapply *a, const struct config *cfg, const struct xpart *parts,
		       size_t n, struct rm_error *err)
{
	const struct exchange_header *h = a->h;
	struct xpeer p;
	char self[64], at[32];
	size_t i;
	long long ack = h->ack;
	int rel;

	if (xself_office(a->c.st, cfg, self, err) < 0 || xpeer_state(a->c.st, h->sender, &p, err) < 0)
		return -1;
	/* the sender forgot us and counts from 1 again: so do we (what it
	 * sends again changes nothing that is the same); an acknowledgement
	 * of an older numbering of ours says nothing */
	if (p.chain_in[0] && strcmp(p.chain_in, h->chain) != 0)
		p.received = 0;
	if (h->ack_chain[0] && strcmp(h->ack_chain, p.chain_out) != 0)
		ack = 0;
	if (check_bundle(a, self, &p, ack, parts, n, err) < 0 || any_open_conflict(a, err) < 0)
		return -1;
	a->self = self;
	/* whose records the sender may change here, as the tree says now */
	rel = xoffice_relation(a->c.st, self, h->sender, err);
	if (rel == -2 || (rel > 0 && xscope_fill(a->c.st, self, self, 0, err) < 0) ||
	    (rel < 0 && xscope_fill(a->c.st, h->sender, h->sender, 1, err) < 0))
		return -1;
	a->scope = rel == 1 ? 1 : rel == -1 ? -1 : 0;
	for (i = 0; i < n; i++) {
		if (parts[i].seq <= p.received) {
			a->sum->skipped++;
			continue;
		}
		if (apply_part(a, &parts[i], err) < 0)
			return -1;
		if (!a->sum->applied_from)
			a->sum->applied_from = parts[i].seq;
		a->sum->applied_to = parts[i].seq;
		p.received = parts[i].seq;
	}
	/* the sender must sit above or below us, as the tree now says */
	rel = xoffice_relation(a->c.st, self, h->sender, err);
	if (rel == -2)
		return -1;
	if (rel == 0 && !(cfg->office_parent && strcmp(cfg->office_parent, h->sender) == 0))
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: %s is not an office above or below %s: nothing was changed"),
			       a->path, h->sender, self);
	if (ack > p.acked)
		p.acked = ack;
	snprintf(p.db_id, sizeof p.db_id, "%s", h->sender_db);
	snprintf(p.chain_in, sizeof p.chain_in, "%s", h->chain);
	xnow(at);
	xsummary_total(a->sum);
	{
		sqlite3_stmt *s = store_prepare(a->c.st, "DELETE FROM sync_part WHERE peer = ?1"
						" AND seq <= ?2", err);
		int rc;

		if (!s)
			return -1;
		sqlite3_bind_text(s, 1, h->sender, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, p.acked);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_fail(a->c.st, err, _("cannot write the exchange state"));
	}
	if (xpeer_save(a->c.st, h->sender, &p, at, err) < 0)
		return -1;
	return xlog_add(a->c.st, h->sender, "received", h, &a->sum->total, a->user, a->path,
			err);
}

int exchange_apply(struct store *st, const struct config *cfg, const char *path,
		   struct exchange_summary *sum, struct rm_error *err)
{
	struct xapply a;
	struct xpart *parts = NULL;
	size_t n = 0, i;
	char user[sizeof st->user];
	int rc;

	if (xsummary_init(sum, err) < 0)
		return -1;
	if (xfile_read(path, &sum->head, &parts, &n, err) < 0)
		return -1;
	memset(&a, 0, sizeof a);
	xcache_init(&a.c, st);
	a.h = &sum->head;
	a.path = path;
	a.sum = sum;
	/* the change log says whose the changes are: office and person */
	memcpy(user, st->user, sizeof user);
	a.user = user;
	snprintf(st->user, sizeof st->user, "%.30s:%.32s", sum->head.sender, sum->head.created_by);
	rc = store_begin(st, err);
	if (rc == 0) {
		rc = apply_in_tx(&a, cfg, parts, n, err);
		xcache_free(&a.c);
		if (rc == 0)
			rc = store_commit(st, err);
		if (rc < 0)
			store_rollback(st);
	}
	memcpy(st->user, user, sizeof user);
	sqlite3_finalize(a.in_scope);
	sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.x_scope;"
		     " DROP TABLE IF EXISTS temp.x_scope_own", NULL, NULL, NULL);
	xcache_free(&a.c);
	for (i = 0; i < a.nwait; i++)
		xrow_clear(&a.wait[i].row);
	free(a.wait);
	xfile_free(parts, n);
	return rc;
}
