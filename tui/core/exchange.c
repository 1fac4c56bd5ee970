/* exchange.c - making a bundle for a peer office (exchange.h): what the
 * peer should have, read here into wire tables, against what it has
 * (sync_sent_KIND), the difference taken by SQLite's session extension
 * (sqlite3session_diff) as the next part. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

void xnow(char *at)
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(at, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", (tm.tm_year + 1900) % 10000,
		 (tm.tm_mon + 1) % 100, tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100,
		 tm.tm_sec % 100, (int)(ts.tv_nsec / 1000000) % 1000);
}

void exchange_summary_free(struct exchange_summary *s)
{
	free(s->kinds);
	s->kinds = NULL;
	s->nkinds = 0;
}

/* Zero SUM and give it a count per kind. */
int xsummary_init(struct exchange_summary *sum, struct rm_error *err)
{
	size_t i;

	memset(sum, 0, sizeof *sum);
	sum->kinds = calloc(xk_nkinds, sizeof *sum->kinds);
	if (!sum->kinds)
		return rm_oom(err);
	sum->nkinds = xk_nkinds;
	for (i = 0; i < xk_nkinds; i++)
		sum->kinds[i].kind = xk_kinds[i].name;
	return 0;
}

/* One text column of the one row SQL gives for text parameter P1
 * (NULL: none) into OUT (SIZE bytes; "" for NULL).  1 row, 0 none, -1. */
static int one_row(struct store *st, const char *sql, const char *p1, char *out, size_t size,
		   struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return -1;
	if (p1)
		sqlite3_bind_text(s, 1, p1, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s",
			 sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the exchange state"));
	return rc == SQLITE_ROW;
}

int exchange_self(struct store *st, char *office, char *db_id, struct rm_error *err)
{
	if (one_row(st, "SELECT office FROM exchange_self", NULL, office, 64, err) < 0 ||
	    one_row(st, "SELECT db_id FROM exchange_self", NULL, db_id, 40, err) < 0)
		return -1;
	return 0;
}

int xself_office(struct store *st, const struct config *cfg, char *office, struct rm_error *err)
{
	const char *code = cfg->office_code ? cfg->office_code : "";
	sqlite3_stmt *s;
	int rc;

	if (one_row(st, "SELECT office FROM exchange_self", NULL, office, 64, err) < 0)
		return -1;
	if (!*code)
		return rm_fail(err, RM_EXIT_USAGE, _("[office] code: the INI names no office"));
	if (*office) {
		if (strcmp(office, code) != 0)
			return rm_fail(err, RM_EXIT_USAGE,
				       _("[office] code: this database exchanges as office %s, but the INI says %s"),
				       office, code);
		return 0;
	}
	s = store_prepare(st, "UPDATE exchange_self SET office = ?1", err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot write the exchange state"));
	snprintf(office, 64, "%s", code);
	return 0;
}

int xoffice_relation(struct store *st, const char *a, const char *b, struct rm_error *err)
{
	static const char above[] =
		"WITH RECURSIVE up(id) AS (SELECT parent_id FROM office WHERE code = ?1"
		" UNION SELECT o.parent_id FROM office o JOIN up ON o.id = up.id)"
		" SELECT 1 FROM up JOIN office o ON o.id = up.id WHERE o.code = ?2";
	sqlite3_stmt *s = store_prepare(st, above, err);
	int pass, rel = 0;

	if (!s)
		return -2;
	for (pass = 0; pass < 2 && !rel; pass++) {
		int rc;

		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, pass ? b : a, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, pass ? a : b, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			rel = pass ? -1 : 1;
		else if (rc != SQLITE_DONE) {
			sqlite3_finalize(s);
			store_fail(st, err, _("cannot read the office tree"));
			return -2;
		}
	}
	sqlite3_finalize(s);
	return rel;
}

/* temp.x_scope: the offices whose records go to PEER (UP: it is above
 * SELF, so SELF's subtree; else PEER's ancestors and subtree), and
 * temp.x_scope_own: the subtree alone. */
int xscope_fill(struct store *st, const char *self, const char *peer, int up,
		struct rm_error *err)
{
	static const char subtree[] =
		"INSERT OR IGNORE INTO temp.x_scope(code)"
		" WITH RECURSIVE t(id) AS (SELECT id FROM office WHERE code = ?1"
		" UNION SELECT o.id FROM office o JOIN t ON o.parent_id = t.id)"
		" SELECT code FROM office WHERE id IN t";
	static const char ancestors[] =
		"INSERT OR IGNORE INTO temp.x_scope(code)"
		" WITH RECURSIVE a(id) AS (SELECT parent_id FROM office WHERE code = ?1"
		" UNION SELECT o.parent_id FROM office o JOIN a ON o.id = a.id)"
		" SELECT code FROM office WHERE id IN a";
	const char *sql[3] = { subtree, up ? NULL : ancestors, NULL };
	const char *arg = up ? self : peer;
	int i;

	if (store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS x_scope (code TEXT PRIMARY KEY);"
		       "CREATE TEMP TABLE IF NOT EXISTS x_scope_own (code TEXT PRIMARY KEY);"
		       "DELETE FROM temp.x_scope; DELETE FROM temp.x_scope_own", err) < 0)
		return -1;
	for (i = 0; sql[i]; i++) {
		sqlite3_stmt *s = store_prepare(st, sql[i], err);
		int rc;

		if (!s)
			return -1;
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, _("cannot read the office tree"));
		/* the subtree alone: what the results of work go down to */
		if (i == 0 && store_exec(st, "INSERT INTO temp.x_scope_own SELECT code FROM temp.x_scope",
					 err) < 0)
			return -1;
	}
	return 0;
}

/* Fill xcur.x_K with what PEER should have of K now, and xbase.x_K with
 * what it has; leave out of both the records with an open conflict. */
static int fill_kind(struct store *st, const struct xkind *k, const char *peer, int up,
		     struct rm_error *err)
{
	struct buf b = { 0 };
	sqlite3_stmt *s;
	int i, rc = 0, n = xk_ncols(k);

	buf_printf(&b, "INSERT INTO xcur.x_%s ", k->name);
	xk_project_cte(&b, k);
	buf_puts(&b, " SELECT ");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s\"%s\"", i ? ", " : "", k->cols[i]);
	buf_puts(&b, " FROM p");
	if (k->flow == XK_OWNED || (k->flow == XK_OWN && up))
		buf_puts(&b, " WHERE _owner IN (SELECT code FROM temp.x_scope)");
	else if (k->flow == XK_OWN)
		buf_puts(&b, " WHERE _owner IN (SELECT code FROM temp.x_scope_own)");
	else if (k->flow == XK_DOWN && up)
		buf_puts(&b, " WHERE 0");
	buf_printf(&b, "; INSERT INTO xbase.x_%s SELECT ", k->name);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s\"%s\"", i ? ", " : "", k->cols[i]);
	/* what it has from us, and what it sent us that we would send too
	 * (not an echo); what it sent us alone is no deletion of ours */
	buf_printf(&b, " FROM sync_sent_%s s WHERE peer = ?1 AND (sent OR EXISTS (SELECT 1"
		   " FROM xcur.x_%s c WHERE ", k->name, k->name);
	for (i = 0; i < k->nkey; i++)
		buf_printf(&b, "%sc.\"%s\" IS s.\"%s\"", i ? " AND " : "", k->cols[i], k->cols[i]);
	buf_puts(&b, "))");
	for (i = 0; i < 2; i++) {
		int j;

		buf_printf(&b, "; DELETE FROM %s.x_%s WHERE json_array(", i ? "xbase" : "xcur",
			   k->name);
		for (j = 0; j < k->nkey; j++)
			buf_printf(&b, "%s\"%s\"", j ? ", " : "", k->cols[j]);
		buf_printf(&b, ") IN (SELECT key FROM sync_conflict WHERE peer = ?1"
			   " AND kind = '%s' AND status = 'open')", k->name);
	}
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	/* several statements with one parameter: run them one by one */
	{
		const char *tail = b.s;

		while (rc == 0 && tail && *tail) {
			if (sqlite3_prepare_v2(st->db, tail, -1, &s, &tail) != SQLITE_OK) {
				rc = store_fail(st, err, _("cannot read what to send"));
				break;
			}
			if (!s)
				break;
			if (sqlite3_bind_parameter_count(s) > 0)
				sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_fail(st, err, _("cannot read what to send"));
			sqlite3_finalize(s);
		}
	}
	buf_free(&b);
	return rc;
}

/* Attach the wire databases xcur and xbase, with every kind's table. */
static int attach_wire(struct store *st, struct rm_error *err)
{
	struct buf b = { 0 };
	size_t i;
	int rc;

	buf_puts(&b, "ATTACH ':memory:' AS xcur; ATTACH ':memory:' AS xbase;");
	for (i = 0; i < xk_nkinds; i++) {
		xk_wire_ddl(&b, &xk_kinds[i], "xcur");
		xk_wire_ddl(&b, &xk_kinds[i], "xbase");
	}
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	rc = store_exec(st, b.s, err);
	buf_free(&b);
	return rc;
}

static void detach_wire(struct store *st)
{
	sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.x_scope;"
		     " DROP TABLE IF EXISTS temp.x_scope_own", NULL, NULL, NULL);
	sqlite3_exec(st->db, "DETACH xcur", NULL, NULL, NULL);
	sqlite3_exec(st->db, "DETACH xbase", NULL, NULL, NULL);
}

/* The changeset taking xbase to xcur, every kind in order, into *CS. */
static int diff_wire(struct store *st, void **cs, int *size, struct rm_error *err)
{
	sqlite3_session *sess;
	size_t i;
	int rc;

	*cs = NULL;
	*size = 0;
	if (sqlite3session_create(st->db, "xcur", &sess) != SQLITE_OK)
		return store_fail(st, err, _("cannot compare what to send"));
	for (i = 0, rc = SQLITE_OK; rc == SQLITE_OK && i < xk_nkinds; i++) {
		char name[64], *msg = NULL;

		if (!xk_kinds[i].project)
			continue;
		snprintf(name, sizeof name, "x_%s", xk_kinds[i].name);
		rc = sqlite3session_attach(sess, name);
		if (rc == SQLITE_OK)
			rc = sqlite3session_diff(sess, "xbase", name, &msg);
		if (rc != SQLITE_OK)
			rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", _("cannot compare what to send"),
				msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
	}
	if (rc == SQLITE_OK && sqlite3session_changeset(sess, size, cs) != SQLITE_OK)
		rc = store_fail(st, err, _("cannot compare what to send"));
	sqlite3session_delete(sess);
	return rc == SQLITE_OK ? 0 : -1;
}

/* The kind of changeset table TAB ("x_NAME"), or NULL. */
const struct xkind *xk_of_table(const char *tab)
{
	return tab && strncmp(tab, "x_", 2) == 0 ? xk_find(tab + 2) : NULL;
}

/* Our row of K in xcur with identity KEY into ROW (1), 0 none, -1. */
static int cur_row(struct store *st, const struct xkind *k, sqlite3_value *const *key,
		   struct xrow *row, struct rm_error *err)
{
	struct buf b = { 0 };
	sqlite3_stmt *s;
	int i, rc, n = xk_ncols(k);

	buf_printf(&b, "SELECT * FROM xcur.x_%s WHERE ", k->name);
	for (i = 0; i < k->nkey; i++)
		buf_printf(&b, "%s\"%s\" IS ?%d", i ? " AND " : "", k->cols[i], i + 1);
	s = b.oom ? NULL : store_prepare(st, b.s, err);
	buf_free(&b);
	if (!s)
		return -1;
	for (i = 0; i < k->nkey; i++)
		sqlite3_bind_value(s, i + 1, key[i]);
	rc = sqlite3_step(s);
	xrow_clear(row);
	if (rc == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			if (!(row->v[i] = sqlite3_value_dup(sqlite3_column_value(s, i))))
				rc = SQLITE_NOMEM;
		row->n = n;
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_NOMEM)
		return rm_oom(err);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read what to send"));
	return rc == SQLITE_ROW;
}

/* What PEER has, after the part CS: sync_sent_K follows each change;
 * SUM counts them. */
static int mirror_part(struct xcache *c, const char *peer, void *cs, int size,
		       struct exchange_summary *sum, struct rm_error *err)
{
	sqlite3_changeset_iter *it;
	struct xrow row = { 0 };
	int rc = 0;

	if (sqlite3changeset_start(&it, size, cs) != SQLITE_OK)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("cannot read a changeset"));
	while (rc == 0 && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, i;
		const struct xkind *k;
		sqlite3_value *key[XK_MAX_COLS];
		struct exchange_count *n;

		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		k = xk_of_table(tab);
		if (!k)
			continue;
		for (i = 0; i < k->nkey; i++)
			if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, i, &key[i])
						 : sqlite3changeset_old(it, i, &key[i])) != SQLITE_OK)
				key[i] = NULL;
		n = &sum->kinds[k - xk_kinds];
		if (op == SQLITE_DELETE) {
			rc = xk_mirror_del(c, k, peer, key, err);
			n->deleted++;
		} else {
			rc = cur_row(c->st, k, key, &row, err);
			if (rc == 1)
				rc = xk_mirror_put(c, k, peer, &row, 1, err);
			if (op == SQLITE_INSERT)
				n->inserted++;
			else
				n->updated++;
		}
	}
	xrow_clear(&row);
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, "%s", _("cannot read a changeset"));
	return rc < 0 ? -1 : 0;
}

int xpeer_state(struct store *st, const char *peer, struct xpeer *p, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT sent, acked, received, db_id, chain_out, chain_in FROM sync_peer"
				       " WHERE office = ?1", err);
	int rc;

	memset(p, 0, sizeof *p);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		p->sent = sqlite3_column_int64(s, 0);
		p->acked = sqlite3_column_int64(s, 1);
		p->received = sqlite3_column_int64(s, 2);
		if (sqlite3_column_text(s, 3))
			snprintf(p->db_id, sizeof p->db_id, "%s", sqlite3_column_text(s, 3));
		if (sqlite3_column_text(s, 4))
			snprintf(p->chain_out, sizeof p->chain_out, "%s", sqlite3_column_text(s, 4));
		if (sqlite3_column_text(s, 5))
			snprintf(p->chain_in, sizeof p->chain_in, "%s", sqlite3_column_text(s, 5));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the exchange state"));
	return 0;
}

int xpeer_save(struct store *st, const char *peer, const struct xpeer *p, const char *at,
	       struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO sync_peer(office, sent, acked, received,"
				       " db_id, last_at, chain_out, chain_in)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
				       " ON CONFLICT(office) DO UPDATE SET sent = excluded.sent,"
				       " acked = excluded.acked, received = excluded.received,"
				       " db_id = excluded.db_id, last_at = excluded.last_at,"
				       " chain_out = excluded.chain_out, chain_in = excluded.chain_in", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, p->sent);
	sqlite3_bind_int64(s, 3, p->acked);
	sqlite3_bind_int64(s, 4, p->received);
	store_bind_text_or_null(s, 5, p->db_id);
	sqlite3_bind_text(s, 6, at, -1, SQLITE_STATIC);
	store_bind_text_or_null(s, 7, p->chain_out);
	store_bind_text_or_null(s, 8, p->chain_in);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot write the exchange state"));
}

int xlog_add(struct store *st, const char *peer, const char *direction,
	     const struct exchange_header *h, const struct exchange_count *total,
	     const char *who, const char *file, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO sync_log(peer, direction, first_seq,"
				       " last_seq, at, who, changes, conflicts, file)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, direction, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, h->first_seq);
	sqlite3_bind_int64(s, 4, h->last_seq);
	sqlite3_bind_text(s, 5, h->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, who, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, total->inserted + total->updated + total->deleted);
	sqlite3_bind_int64(s, 8, total->conflicts);
	store_bind_text_or_null(s, 9, file);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot write the exchange log"));
}

/* Keep the new part SEQ for PEER until it is acknowledged. */
static int keep_part(struct store *st, const char *peer, long long seq, const char *at,
		     const void *cs, int size, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO sync_part(peer, seq, created, changeset)"
				       " VALUES (?1, ?2, ?3, ?4)", err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, seq);
	sqlite3_bind_text(s, 3, at, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 4, cs, size, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot keep the part sent"));
}

/* The parts PEER has not acknowledged (after ACKED), oldest first. */
static int unacked(struct store *st, const char *peer, long long acked, struct xpart **parts,
		   size_t *n, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT seq, created, changeset FROM sync_part"
				       " WHERE peer = ?1 AND seq > ?2 ORDER BY seq", err);
	size_t cap = 0;
	int rc;

	*parts = NULL;
	*n = 0;
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, acked);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct xpart *p;
		int size = sqlite3_column_bytes(s, 2);

		if (*n == cap) {
			struct xpart *np = realloc(*parts, (cap = cap ? cap * 2 : 4) * sizeof *np);

			if (!np)
				break;
			*parts = np;
		}
		p = &(*parts)[*n];
		memset(p, 0, sizeof *p);
		p->seq = sqlite3_column_int64(s, 0);
		snprintf(p->created, sizeof p->created, "%s", sqlite3_column_text(s, 1));
		p->size = size;
		if (!(p->changeset = malloc(size ? (size_t)size : 1)))
			break;
		memcpy(p->changeset, sqlite3_column_blob(s, 2), (size_t)size);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		xfile_free(*parts, *n);
		*parts = NULL;
		*n = 0;
		return rc == SQLITE_ROW ? rm_oom(err) : store_fail(st, err, _("cannot read the parts sent"));
	}
	return 0;
}

/* Is PEER an office we exchange with: above us (1) or below (0)?  -1
 * with ERR (status 2) when neither. */
static int peer_direction(struct store *st, const struct config *cfg, const char *self,
			  const char *peer, struct rm_error *err)
{
	int rel;

	if (strcmp(self, peer) == 0)
		return rm_fail(err, RM_EXIT_USAGE, _("--to %s: that is this office"), peer);
	rel = xoffice_relation(st, self, peer, err);
	if (rel == -2)
		return -1;
	if (rel == 0 && cfg->office_parent && strcmp(cfg->office_parent, peer) == 0)
		rel = 1;
	if (rel == 0)
		return rm_fail(err, RM_EXIT_USAGE,
			       _("--to %s: not an office above or below %s in the office tree"),
			       peer, self);
	return rel == 1;
}

/* The new part for PEER (none when nothing changed): compare, keep it,
 * follow it in sync_sent; P->sent moves on. */
static int new_part(struct xcache *c, const char *self, const char *peer, int up,
		    struct xpeer *p, const char *at, struct exchange_summary *sum,
		    struct rm_error *err)
{
	void *cs = NULL;
	int size = 0, rc;
	size_t i;

	if (xscope_fill(c->st, self, peer, up, err) < 0)
		return -1;
	for (i = 0; i < xk_nkinds; i++)
		if (xk_kinds[i].project && fill_kind(c->st, &xk_kinds[i], peer, up, err) < 0)
			return -1;
	if (diff_wire(c->st, &cs, &size, err) < 0)
		return -1;
	rc = 0;
	if (size > 0) {
		p->sent++;
		rc = keep_part(c->st, peer, p->sent, at, cs, size, err);
		if (rc == 0)
			rc = mirror_part(c, peer, cs, size, sum, err);
	}
	sqlite3_free(cs);
	return rc;
}

/* Sum the per-kind counts of SUM into its total. */
void xsummary_total(struct exchange_summary *sum)
{
	size_t i;

	memset(&sum->total, 0, sizeof sum->total);
	for (i = 0; i < sum->nkinds; i++) {
		sum->total.inserted += sum->kinds[i].inserted;
		sum->total.updated += sum->kinds[i].updated;
		sum->total.deleted += sum->kinds[i].deleted;
		sum->total.same += sum->kinds[i].same;
		sum->total.conflicts += sum->kinds[i].conflicts;
	}
}

/* Inside the transaction: the new part, then the file. */
static int create_in_tx(struct xcache *c, const struct config *cfg, const char *peer,
			const char *path, char **tmp, struct exchange_summary *sum,
			struct rm_error *err)
{
	struct exchange_header *h = &sum->head;
	struct xpart *parts = NULL;
	struct xpeer p;
	char self[64], office[64];
	size_t n = 0;
	int up, rc;

	if (xself_office(c->st, cfg, self, err) < 0 ||
	    exchange_self(c->st, office, h->sender_db, err) < 0)
		return -1;
	up = peer_direction(c->st, cfg, self, peer, err);
	if (up < 0 || xpeer_state(c->st, peer, &p, err) < 0)
		return -1;
	/* a numbering of our own to this peer, new after bundle forget */
	if (!p.chain_out[0] && one_row(c->st, "SELECT lower(hex(randomblob(16)))", NULL,
				       p.chain_out, sizeof p.chain_out, err) < 0)
		return -1;
	h->format = EXCHANGE_FORMAT;
	snprintf(h->sender, sizeof h->sender, "%s", self);
	snprintf(h->receiver, sizeof h->receiver, "%s", peer);
	snprintf(h->created_by, sizeof h->created_by, "%s", c->st->user);
	xnow(h->created);
	if (new_part(c, self, peer, up, &p, h->created, sum, err) < 0 ||
	    unacked(c->st, peer, p.acked, &parts, &n, err) < 0)
		return -1;
	h->first_seq = n ? parts[0].seq : 0;
	h->last_seq = n ? parts[n - 1].seq : 0;
	h->ack = p.received;
	snprintf(h->chain, sizeof h->chain, "%s", p.chain_out);
	snprintf(h->ack_chain, sizeof h->ack_chain, "%s", p.chain_in);
	xsummary_total(sum);
	rc = xpeer_save(c->st, peer, &p, h->created, err);
	if (rc == 0)
		rc = xlog_add(c->st, peer, "sent", h, &sum->total, c->st->user, path, err);
	if (rc == 0)
		rc = xfile_write_temp(path, h, parts, n, tmp, err);
	xfile_free(parts, n);
	return rc;
}

int exchange_create(struct store *st, const struct config *cfg, const char *peer,
		    const char *path, struct exchange_summary *sum, struct rm_error *err)
{
	struct xcache c;
	char *tmp = NULL;
	int rc;

	if (xsummary_init(sum, err) < 0)
		return -1;
	if (access(path, F_OK) == 0)
		return rm_fail(err, RM_EXIT_USAGE, _("%s: the file exists already; give a new name"),
			       path);
	if (attach_wire(st, err) < 0) {
		detach_wire(st);
		return -1;
	}
	xcache_init(&c, st);
	rc = store_begin(st, err);
	if (rc == 0) {
		rc = create_in_tx(&c, cfg, peer, path, &tmp, sum, err);
		xcache_free(&c);
		if (rc == 0)
			rc = store_commit(st, err);
		if (rc < 0)
			store_rollback(st);
	}
	/* the file gets its name only once the part is recorded as sent: a
	 * crash between leaves a part the next bundle carries, never a file
	 * of a part that was not kept */
	if (rc == 0)
		rc = xfile_publish(tmp, path, err);
	else if (tmp)
		unlink(tmp);
	free(tmp);
	xcache_free(&c);
	detach_wire(st);
	return rc;
}
