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
	free(r->agreed);
	free(r->referred_to);
	free(r->answered_by);
	free(r->answered_on);
	memset(r, 0, sizeof *r);
}

/* The columns a request is read with, then the key it is found by. */
#define REQUEST_SQL \
	"SELECT id, uid, status, coalesce(referred_to, source), source," \
	" iif(amount IS NULL, NULL, printf('%.15g', amount))," \
	" iif(amount_agreed IS NULL, NULL, printf('%.15g', amount_agreed))," \
	" referred_to, answered_by, answered_on FROM support_request"

/* Read the request of id ID (UID NULL) or of uid UID into *R: two
 * statements, each through its own index. */
static int request_read(struct store *st, sqlite3_int64 id, const char *uid,
			struct fund_request *r, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, uid ? REQUEST_SQL " WHERE uid = ?1"
					   : REQUEST_SQL " WHERE id = ?1", err);
	char **cols[] = { &r->uid, &r->status, &r->with, &r->source, &r->amount, &r->agreed,
			  &r->referred_to, &r->answered_by, &r->answered_on };
	int rc, oom = 0;
	size_t i;

	memset(r, 0, sizeof *r);
	if (!stmt)
		return -1;
	if (uid)
		sqlite3_bind_text(stmt, 1, uid, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r->id = sqlite3_column_int64(stmt, 0);
		for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
			*cols[i] = store_col_dup(stmt, (int)i + 1, &oom);
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

int fund_may_answer(const char *level, const char *with)
{
	if (!level || !with)
		return 0;
	/* no office is of level local: the fund negotiates with the local
	 * administration and records its answer (DOMAIN.md §4, step 4) */
	return strcmp(with, level) == 0 || (strcmp(with, "local") == 0 && strcmp(level, "fund") == 0);
}

/* Refuse R unless the office of LEVEL answers it (fund_may_answer). */
static int ours(const struct fund_request *r, const char *level, struct rm_error *err)
{
	if (fund_may_answer(level, r->with))
		return 0;
	if (!r->with)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("this request names no source to answer it"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("this request is with %s now: it is theirs to answer"),
		       vocab_value("support_request", "source", r->with));
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
	if (r->amount && *r->amount && text_parse_baht(r->amount, baht) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: expected an amount in baht, 0 or more"),
			       r->amount);
	if (r->answer == FUND_REFER && fund_source_index(r->to) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("choose where to refer it"));
	if (r->answer == FUND_REFER && same(r->to, now->with))
		return rm_fail(err, RM_EXIT_RUNTIME, _("it is with %s already"),
			       vocab_value("support_request", "source", r->to));
	return 0;
}

static const char answer_sql[] =
	"UPDATE support_request SET status = ?1,"
	" referred_to = iif(?1 = 'referred', ?2, referred_to), given = coalesce(?3, given),"
	" amount_agreed = iif(?1 = 'agreed',"
	"  coalesce(?4, iif(status = 'requested', amount_agreed, NULL), amount),"
	"  iif(?1 = 'partly_agreed', coalesce(?4, amount_agreed), NULL)),"
	" filed_frame_id = iif(?1 IN ('agreed', 'partly_agreed'),"
	"  coalesce(filed_frame_id, frame_id), NULL),"
	" answer_note = coalesce(?5, answer_note), answered_by = ?6, answered_on = ?7 WHERE id = ?8";

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

/* What CFG calls SOURCE ("กองทุนฯ ตำบล"): its label, else its name. */
static const char *source_name(const struct config *cfg, const char *source)
{
	const char *label = source ? config_label(&cfg->support_sources, source) : NULL;

	return label ? label : vocab_value("support_request", "source", source);
}

void fund_answer_said(const struct config *cfg, const struct fund_request *r, char *out,
		      size_t size)
{
	const char *who = r->answered_by ? r->answered_by : "?";
	char day[64], baht[40] = "—";
	double v;

	text_format_stored_date(r->answered_on, cfg->calendar == CFG_CAL_BUDDHIST, day, sizeof day);
	if (r->agreed && text_parse_number(r->agreed, &v) == 0)
		text_format_baht(v, baht, sizeof baht);
	if (same(r->status, "agreed"))
		snprintf(out, size, _("%s agreed %s baht on %s"), who, baht, day);
	else if (same(r->status, "partly_agreed"))
		snprintf(out, size, _("%s agreed part, %s baht, on %s"), who, baht, day);
	else if (same(r->status, "declined"))
		snprintf(out, size, _("%s declined it on %s"), who, day);
	else if (same(r->status, "referred"))
		snprintf(out, size, _("%s referred it to %s on %s"), who,
			 source_name(cfg, r->referred_to), day);
	else
		snprintf(out, size, "%s", _("its answer was taken back: it awaits an answer again"));
}
