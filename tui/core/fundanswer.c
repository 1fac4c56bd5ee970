/* fundanswer.c - the answer of the office asked for support (fund.h): the
 * keys' answers (agreed, partly agreed, declined, referred) and the
 * form's fields, each one undoable step that also writes who answered
 * and when; refused unless the request is with this office's level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change_int.h"
#include "routemap/buf.h"
#include "routemap/fund.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Today's date, ISO, into OUT. */
static void today(char *out, size_t size)
{
	struct text_date d;

	text_today(&d);
	text_format_iso(&d, out, size);
}

void fund_request_free(struct fund_request *r)
{
	free(r->uid);
	free(r->status);
	free(r->with);
	free(r->source);
	free(r->amount);
	memset(r, 0, sizeof *r);
}

/* Read the request of id ID (UID NULL) or of uid UID into *R. */
static int request_read(struct store *st, sqlite3_int64 id, const char *uid,
			struct fund_request *r, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT id, uid, status, coalesce(referred_to, source), source,"
		" iif(amount IS NULL, NULL, printf('%.15g', amount))"
		" FROM support_request WHERE iif(?2 IS NULL, id = ?1, uid = ?2)", err);
	int rc, oom = 0;

	memset(r, 0, sizeof *r);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text_or_null(stmt, 2, uid);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r->id = sqlite3_column_int64(stmt, 0);
		r->uid = store_col_dup(stmt, 1, &oom);
		r->status = store_col_dup(stmt, 2, &oom);
		r->with = store_col_dup(stmt, 3, &oom);
		r->source = store_col_dup(stmt, 4, &oom);
		r->amount = store_col_dup(stmt, 5, &oom);
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE) {
		sqlite3_finalize(stmt);
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("this support request is no longer there: someone deleted it"));
		return FORM_MISSING;
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		fund_request_free(r);
		return -1;
	}
	return 0;
}

int fund_request_get(struct store *st, const char *uid, struct fund_request *r,
		     struct rm_error *err)
{
	return request_read(st, 0, uid ? uid : "", r, err);
}

/* Who last changed request ID, and when, into ERR: a conflict. */
static int blame(struct store *st, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT who, at FROM change_log"
					   " WHERE tbl = 'support_request' AND row_id = ?1"
					   " ORDER BY id DESC LIMIT 1", err);

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, id);
	return change_blame(stmt, err);
}

/* Refuse R unless it is with LEVEL: only the office asked answers. */
static int ours(const struct fund_request *r, const char *level, struct rm_error *err)
{
	if (r->with && level && strcmp(r->with, level) == 0)
		return 0;
	if (!r->with)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("this request names no source to answer it"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("this request is with %s now: it is theirs to answer"),
		       vocab_value("support_request", "source", r->with));
}

int fund_parse_baht(const char *typed, double *out, struct rm_error *err)
{
	char plain[64];
	size_t i, o = 0;

	for (i = 0; typed[i] && o + 1 < sizeof plain; i++)
		if (typed[i] != ',')
			plain[o++] = typed[i];
	plain[o] = '\0';
	if (text_parse_number(plain, out) < 0 || *out < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("\"%s\" is not an amount in baht (e.g. 12500)"),
			       typed);
	return 0;
}

struct answer_args {
	const char *level;
	sqlite3_int64 id;
	const char *expected_status, *expected_with;
	const struct fund_reply *r;
	const char *user;
};

static const char *const answer_status[] = {
	[FUND_AGREE] = "agreed", [FUND_AGREE_PART] = "partly_agreed",
	[FUND_DECLINE] = "declined", [FUND_REFER] = "referred",
};

/* Is what reply R asks for complete?  0, or -1 with ERR. */
static int reply_ok(const struct fund_request *now, const struct fund_reply *r, double *baht,
		    struct rm_error *err)
{
	if (r->answer == FUND_AGREE_PART && !(r->amount && *r->amount))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("say how many baht are agreed"));
	if (r->amount && *r->amount && fund_parse_baht(r->amount, baht, err) < 0)
		return -1;
	if (r->answer == FUND_REFER && fund_source_index(r->to) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("choose where to refer it"));
	if (r->answer == FUND_REFER && same(r->to, now->with))
		return rm_fail(err, RM_EXIT_RUNTIME, _("it is with %s already"),
			       vocab_value("support_request", "source", r->to));
	return 0;
}

static const char answer_sql[] =
	"UPDATE support_request SET status = ?1,"
	" referred_to = iif(?1 = 'referred', ?2, referred_to), given = ?3,"
	" amount_agreed = iif(?1 = 'agreed', coalesce(?4, amount), iif(?1 = 'partly_agreed', ?4, NULL)),"
	" filed_frame_id = iif(?1 IN ('agreed', 'partly_agreed'),"
	"  coalesce(filed_frame_id, frame_id), NULL),"
	" answer_note = ?5, answered_by = ?6, answered_on = ?7 WHERE id = ?8";

static int answer_work(struct store *st, void *arg, struct rm_error *err)
{
	struct answer_args *a = arg;
	const struct fund_reply *r = a->r;
	struct fund_request now;
	sqlite3_stmt *stmt;
	double baht = 0;
	char date[32];
	int rc;

	if ((rc = request_read(st, a->id, NULL, &now, err)) < 0)
		return CHANGE_ERROR;
	if (!same(now.status, a->expected_status) || !same(now.with, a->expected_with)) {
		fund_request_free(&now);
		return blame(st, a->id, err);
	}
	rc = ours(&now, a->level, err) < 0 || reply_ok(&now, r, &baht, err) < 0;
	fund_request_free(&now);
	if (rc || !(stmt = store_prepare(st, answer_sql, err)))
		return CHANGE_ERROR;
	today(date, sizeof date);
	sqlite3_bind_text(stmt, 1, answer_status[r->answer], -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 2, r->to);
	store_bind_text_or_null(stmt, 3, r->given);
	if (r->amount && *r->amount)
		sqlite3_bind_double(stmt, 4, baht);
	store_bind_text_or_null(stmt, 5, r->note);
	sqlite3_bind_text(stmt, 6, a->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 8, a->id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? CHANGE_OK : store_fail(st, err, _("cannot save"));
}

int fund_answer(struct store *st, struct undo_log *u, const char *level, sqlite3_int64 id,
		const char *expected_status, const char *expected_with,
		const struct fund_reply *r, struct rm_error *err)
{
	struct answer_args a = { level, id, expected_status, expected_with, r, st->user };

	if ((unsigned)r->answer > FUND_REFER)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("no such answer"));
	return change_run(st, u, NULL, answer_work, &a, err);
}

/* ---- a field of the answer, from the form ---- */

struct field_args {
	const struct field *f;
	const char *level;
	sqlite3_int64 id;
	const char *expected, *value;
	char **current;
	const char *user;
};

/* Set field A->f to A->value with who and when, the value read back the
 * same (a frame's code that names nothing would turn into NULL). */
static int field_write(struct store *st, struct field_args *a, struct rm_error *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *stmt;
	char date[32], *now = NULL;
	int rc;

	today(date, sizeof date);
	buf_printf(&sql, "UPDATE support_request SET %s = %s, answered_by = ?3, answered_on = ?4"
		   " WHERE id = ?2", a->f->column, a->f->set);
	stmt = sql.oom ? NULL : store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt)
		return CHANGE_ERROR;
	store_bind_text_or_null(stmt, 1, a->value);
	sqlite3_bind_int64(stmt, 2, a->id);
	sqlite3_bind_text(stmt, 3, a->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	if (change_get(st, a->f->name, a->id, &now, err) < 0)
		return CHANGE_ERROR;
	rc = same(now, a->value);
	free(now);
	if (!rc)
		return rm_fail(err, RM_EXIT_RUNTIME, _("\"%s\" is not a known value here"), a->value);
	return CHANGE_OK;
}

static int field_work(struct store *st, void *arg, struct rm_error *err)
{
	struct field_args *a = arg;
	struct fund_request r;
	char *now = NULL;
	int rc;

	if (request_read(st, a->id, NULL, &r, err) < 0)
		return CHANGE_ERROR;
	rc = ours(&r, a->level, err);
	fund_request_free(&r);
	if (rc < 0)
		return CHANGE_ERROR;
	if (change_get(st, a->f->name, a->id, &now, err) < 0)
		return CHANGE_ERROR;
	if (!same(now, a->expected)) {
		if (a->current)
			*a->current = now;
		else
			free(now);
		return blame(st, a->id, err);
	}
	free(now);
	if (same(a->expected, a->value))
		return CHANGE_NONE;
	return field_write(st, a, err);
}

int fund_field_save(struct store *st, struct undo_log *u, const char *level, sqlite3_int64 id,
		    const char *field, const char *expected, const char *value, char **current,
		    struct rm_error *err)
{
	struct field_args a = { change_find_field(field), level, id, expected, value, current,
				st->user };
	struct buf merge = { 0 };
	int rc;

	if (current)
		*current = NULL;
	if (!a.f || strncmp(field, "support_request.", 16) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: not a field of a support request", field);
	buf_printf(&merge, "%s:%lld", field, (long long)id);
	rc = change_run(st, u, merge.s, field_work, &a, err);
	buf_free(&merge);
	return rc;
}
