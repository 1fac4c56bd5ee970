/* support.c - a unit's support requests (support.h): an entry's requests
 * read in the order they were made, one made (with the item's entry when
 * it has none) or deleted as one step, their counts for the checklist,
 * and an answer put in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/support.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

/* A REAL column as change_field reads it ("25000", "0.5"), NULL kept. */
#define BAHT(col) "iif(" col " IS NULL, NULL, printf('%.15g', " col "))"

int support_requests_load(struct store *st, sqlite3_int64 entry, struct support_request **v,
			  size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT r.id, r.entry_id, r.uid, r.needed, r.source, f.code, " BAHT("r.amount") ","
		" r.status, r.referred_to, r.given, " BAHT("r.amount_agreed") ", g.code,"
		" r.answer_note, r.answered_by, r.answered_on FROM support_request r"
		" LEFT JOIN support_frame f ON f.id = r.frame_id"
		" LEFT JOIN support_frame g ON g.id = r.filed_frame_id"
		" WHERE r.entry_id = ?1 ORDER BY r.id", err);
	int oom = 0, rc = SQLITE_DONE;

	*v = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, entry);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct support_request *r = array_grow(v, n, sizeof *r);

		if (!r) {
			oom = 1;
			break;
		}
		r->id = sqlite3_column_int64(stmt, 0);
		r->entry = sqlite3_column_int64(stmt, 1);
		r->uid = store_col_dup(stmt, 2, &oom);
		r->needed = store_col_dup(stmt, 3, &oom);
		r->source = store_col_dup(stmt, 4, &oom);
		r->frame = store_col_dup(stmt, 5, &oom);
		r->amount = store_col_dup(stmt, 6, &oom);
		r->status = store_col_dup(stmt, 7, &oom);
		r->referred_to = store_col_dup(stmt, 8, &oom);
		r->given = store_col_dup(stmt, 9, &oom);
		r->amount_agreed = store_col_dup(stmt, 10, &oom);
		r->filed_frame = store_col_dup(stmt, 11, &oom);
		r->answer_note = store_col_dup(stmt, 12, &oom);
		r->answered_by = store_col_dup(stmt, 13, &oom);
		r->answered_on = store_col_dup(stmt, 14, &oom);
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		support_requests_free(*v, *n);
		*v = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void support_requests_free(struct support_request *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].uid);
		free(v[i].needed);
		free(v[i].source);
		free(v[i].frame);
		free(v[i].amount);
		free(v[i].status);
		free(v[i].referred_to);
		free(v[i].given);
		free(v[i].amount_agreed);
		free(v[i].filed_frame);
		free(v[i].answer_note);
		free(v[i].answered_by);
		free(v[i].answered_on);
	}
	free(v);
}

/* Does S hold more than blanks? */
static int filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

struct add_args {
	sqlite3_int64 assessment, item;
	const struct support_ask *ask;
	sqlite3_int64 entry, id;
};

static int add_work(struct store *st, void *arg, struct rm_error *err)
{
	struct add_args *a = arg;
	sqlite3_stmt *stmt;
	double baht;
	int rc;

	if (change_entry_id(st, a->assessment, a->item, &a->entry, err) < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "INSERT INTO support_request(entry_id, needed, source, frame_id,"
			     " amount) VALUES (?1, ?2, ?3, (SELECT id FROM support_frame"
			     " WHERE code = ?4), ?5)", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->entry);
	sqlite3_bind_text(stmt, 2, a->ask->needed, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, filled(a->ask->source) ? a->ask->source : NULL);
	store_bind_text_or_null(stmt, 4, filled(a->ask->frame) ? a->ask->frame : NULL);
	if (filled(a->ask->amount) && text_parse_baht(a->ask->amount, &baht) == 0)
		sqlite3_bind_double(stmt, 5, baht);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	a->id = sqlite3_last_insert_rowid(st->db);
	return CHANGE_OK;
}

/* Refuse what the table's checks would refuse, in words. */
static int ask_ok(struct store *st, const struct support_ask *ask, struct rm_error *err)
{
	double baht;
	sqlite3_stmt *stmt;
	int found;

	if (!filled(ask->needed))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("a support request needs what is needed"));
	if (!filled(ask->source))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("a support request needs whom it is asked from"));
	if (filled(ask->amount) && text_parse_baht(ask->amount, &baht) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: expected an amount in baht, 0 or more"),
			       ask->amount);
	if (!filled(ask->frame))
		return 0;
	stmt = store_prepare(st, "SELECT 1 FROM support_frame WHERE code = ?1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, ask->frame, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found ? 0 : rm_fail(err, RM_EXIT_RUNTIME, _("there is no support frame %s"),
				   ask->frame);
}

int support_request_add(struct store *st, struct undo_log *u, sqlite3_int64 assessment,
			sqlite3_int64 item, const struct support_ask *ask, sqlite3_int64 *entry,
			sqlite3_int64 *id, struct rm_error *err)
{
	struct add_args a = { assessment, item, ask, 0, 0 };
	int rc;

	if (ask_ok(st, ask, err) < 0)
		return CHANGE_ERROR;
	rc = change_run(st, u, NULL, add_work, &a, err);
	if (rc == CHANGE_OK) {
		if (entry)
			*entry = a.entry;
		if (id)
			*id = a.id;
	}
	return rc;
}

int support_answered_refusal(const char *by, const char *on, struct rm_error *err)
{
	char date[64];

	text_format_stored_date(on, 1, date, sizeof date);
	/* TRANSLATORS: "... answered by NAME on 10 Feb 2569: ..." */
	return rm_fail(err, RM_EXIT_RUNTIME, _("this support request was answered by %s on %s: "
					       "what was asked stays as answered; ask again in a new "
					       "request"),
		       by && *by ? by : _("the office asked"), *date ? date : "—");
}

int support_request_answered(struct store *st, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT answered_by, answered_on FROM support_request"
					   " WHERE id = ?1 AND status <> 'requested'", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		support_answered_refusal((const char *)sqlite3_column_text(stmt, 0),
					 (const char *)sqlite3_column_text(stmt, 1), err);
		sqlite3_finalize(stmt);
		return 1;
	}
	return store_finish(st, stmt, rc, 0, err);
}

static int delete_work(struct store *st, void *arg, struct rm_error *err)
{
	const sqlite3_int64 *id = arg;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = support_request_answered(st, *id, err)) != 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "DELETE FROM support_request WHERE id = ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, *id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot delete"));
	if (!sqlite3_changes(st->db))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("the support request is gone: someone deleted it"));
	return CHANGE_OK;
}

int support_request_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
			   struct rm_error *err)
{
	return change_run(st, u, NULL, delete_work, &id, err);
}

int support_request_counts(struct store *st, sqlite3_int64 entry, size_t *requests,
			   size_t *answered, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT count(*), count(*) FILTER (WHERE status"
					   " NOT IN ('requested', 'referred')) FROM support_request WHERE entry_id = ?1",
					   err);
	int rc;

	*requests = *answered = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, entry);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*requests = (size_t)sqlite3_column_int64(stmt, 0);
		*answered = (size_t)sqlite3_column_int64(stmt, 1);
	}
	return store_finish(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err);
}

/* A source by the office's name for it ("the fund" when the INI names
 * none). */
static const char *source_name(const struct config *cfg, const char *code)
{
	const char *label = config_label(&cfg->support_sources, code);

	return label ? label : vocab_value("support_request", "source", code);
}

/* " · " before every part but the first. */
static void sep(struct buf *b)
{
	if (b->len)
		buf_puts(b, " · ");
}

void support_answer_text(const struct config *cfg, const struct support_request *r, char *out,
			 size_t size)
{
	struct buf b = { 0 };
	char date[64];
	const char *status = r->status ? r->status : "requested";

	if (strcmp(status, "referred") == 0 && r->referred_to)
		/* TRANSLATORS: "referred to the province, awaiting the province's answer" */
		buf_printf(&b, _("referred to %s, awaiting the answer of %s"),
			   source_name(cfg, r->referred_to), source_name(cfg, r->referred_to));
	else
		buf_puts(&b, vocab_value("support_request", "status", status));
	if (r->given) {
		sep(&b);
		buf_printf(&b, _("to be given: %s"), r->given);
	}
	if (r->amount_agreed) {
		double baht;
		char shown[32];

		sep(&b);
		if (text_parse_number(r->amount_agreed, &baht) == 0)
			text_format_baht(baht, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "%s", r->amount_agreed);
		buf_printf(&b, _("%s baht agreed"), shown);
	}
	if (r->filed_frame) {
		sep(&b);
		buf_printf(&b, _("filed under frame %s"), r->filed_frame);
	}
	if (r->answer_note) {
		sep(&b);
		buf_puts(&b, r->answer_note);
	}
	text_format_stored_date(r->answered_on, cfg->calendar == CFG_CAL_BUDDHIST, date,
				sizeof date);
	if (r->answered_by || *date) {
		sep(&b);
		buf_printf(&b, "%s%s%s", r->answered_by ? r->answered_by : "",
			   r->answered_by && *date ? ", " : "", date);
	}
	snprintf(out, size, "%s", b.oom || !b.s ? "" : b.s);
	buf_free(&b);
}
