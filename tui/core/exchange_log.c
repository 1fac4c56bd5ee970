/* exchange_log.c - what was sent and received, per office (exchange.h),
 * and forgetting a peer whose database was replaced. */
#include <stdio.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

int exchange_log_each(struct store *st, const char *peer,
		      int (*fn)(void *arg, const struct exchange_log *l), void *arg,
		      struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT peer, direction, first_seq, last_seq, at, who,"
				       " changes, conflicts, file FROM sync_log"
				       " WHERE ?1 IS NULL OR peer = ?1 ORDER BY peer, id DESC", err);
	int rc;

	if (!s)
		return -1;
	if (peer)
		sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct exchange_log l = {
			(const char *)sqlite3_column_text(s, 0),
			(const char *)sqlite3_column_text(s, 1),
			sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3),
			(const char *)sqlite3_column_text(s, 4),
			(const char *)sqlite3_column_text(s, 5),
			sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7),
			(const char *)sqlite3_column_text(s, 8),
		};

		if (fn(arg, &l)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return store_finish(st, s, rc, 0, err);
}

int exchange_peer_each(struct store *st, int (*fn)(void *arg, const struct exchange_peer *p),
		       void *arg, struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT office, sent, acked, received, db_id, last_at"
				       " FROM sync_peer ORDER BY office", err);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct exchange_peer p = {
			(const char *)sqlite3_column_text(s, 0),
			sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
			sqlite3_column_int64(s, 3),
			(const char *)sqlite3_column_text(s, 4),
			(const char *)sqlite3_column_text(s, 5),
		};

		if (fn(arg, &p)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return store_finish(st, s, rc, 0, err);
}

int exchange_forget(struct store *st, const char *peer, struct rm_error *err)
{
	struct buf b = { 0 };
	size_t i;
	int rc, known;
	sqlite3_stmt *s;

	buf_puts(&b, "DELETE FROM sync_peer WHERE office = ?1;"
		 "DELETE FROM sync_part WHERE peer = ?1;");
	for (i = 0; i < xk_nkinds; i++)
		buf_printf(&b, "DELETE FROM sync_sent_%s WHERE peer = ?1;", xk_kinds[i].name);
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	if (store_begin(st, err) < 0) {
		buf_free(&b);
		return -1;
	}
	s = store_prepare(st, "SELECT 1 FROM sync_peer WHERE office = ?1", err);
	known = s ? (sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC), sqlite3_step(s)) : -1;
	sqlite3_finalize(s);
	rc = known == SQLITE_ROW ? 0 : known == SQLITE_DONE
		? rm_fail(err, RM_EXIT_USAGE, _("%s: no exchange with that office is on record"), peer)
		: -1;
	{
		const char *tail = b.s;

		while (rc == 0 && *tail) {
			if (sqlite3_prepare_v2(st->db, tail, -1, &s, &tail) != SQLITE_OK) {
				rc = store_fail(st, err, _("cannot write the exchange state"));
				break;
			}
			if (!s)
				break;
			sqlite3_bind_text(s, 1, peer, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_fail(st, err, _("cannot write the exchange state"));
			sqlite3_finalize(s);
		}
	}
	buf_free(&b);
	if (rc == 0)
		rc = store_commit(st, err);
	if (rc < 0)
		store_rollback(st);
	return rc;
}
