/* supportform.c - an item's support requests on its form (support.h):
 * the group of rows (what is needed, from whom, the frame, the baht
 * asked, the answer read-only), its lists from the office's settings, its
 * saving, adding and deleting; and a request as a form of its own, whose
 * fields check the CSV kind support_requests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/support.h"
#include "routemap/text.h"

enum { R_NEEDED, R_SOURCE, R_FRAME, R_AMOUNT, R_ANSWER, R_COUNT };

/* Named as the columns of support_requests.csv. */
static const struct form_field request_fields[R_COUNT] = {
	[R_NEEDED] = { "needed", N_("support needed"), FIELD_LINE, 1, "support_request.needed", NULL,
		       NULL, 4000 },
	[R_SOURCE] = { "source", N_("asked from"), FIELD_CHOICE, 0, "support_request.source", NULL,
		       form_support_sources, 0 },
	[R_FRAME] = { "frame", N_("support frame"), FIELD_CHOICE, 0, "support_request.frame", NULL,
		      form_support_frames, 0 },
	[R_AMOUNT] = { "amount", N_("amount (baht)"), FIELD_NUMBER, 0, "support_request.amount",
		       form_baht_ok, NULL, 0 },
	[R_ANSWER] = { "answer", N_("answer"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
};

/* Request R, the Ith, as a row of ROWS. */
static int request_row(const struct form_ctx *ctx, struct form_rows *rows,
		       const struct support_request *r, size_t i)
{
	struct form_row *row = form_rows_add(&support_request_group, rows);
	char answer[4096];
	struct buf label = { 0 };

	if (!row)
		return -1;
	row->id = r->id;
	support_answer_text(ctx->cfg, r, answer, sizeof answer);
	buf_printf(&label, _("Request %zu"), i + 1);
	row->label = label.s;
	if (label.oom || form_copy(&row->values[R_NEEDED], r->needed) < 0 ||
	    form_copy(&row->values[R_SOURCE], r->source) < 0 ||
	    form_copy(&row->values[R_FRAME], r->frame) < 0 ||
	    form_copy(&row->values[R_AMOUNT], r->amount) < 0 ||
	    form_copy(&row->values[R_ANSWER], answer) < 0)
		return -1;
	return 0;
}

int support_rows_load(const struct form_ctx *ctx, sqlite3_int64 entry, struct form_rows *rows,
		      struct rm_error *err)
{
	struct support_request *v = NULL;
	struct buf b = { 0 };
	size_t n = 0, i, waiting = 0;
	int rc = 0;

	if (entry && support_requests_load(ctx->st, entry, &v, &n, err) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		rc = request_row(ctx, rows, &v[i], i);
		/* a referred request awaits the answer of the office referred to */
		waiting += !v[i].status || strcmp(v[i].status, "requested") == 0 ||
			   strcmp(v[i].status, "referred") == 0;
	}
	support_requests_free(v, n);
	if (n)
		buf_printf(&b, "%s  (%s: %zu / %zu)", _("Support requests"), _("awaiting an answer"),
			   waiting, n);
	rows->heading = b.s;
	if (rc < 0 || b.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return 0;
}

/* form_group.save: one field of a request through change_field. */
static int request_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
			size_t group, size_t row, size_t field, const char *expected,
			const char *value, char **current, struct rm_error *err)
{
	sqlite3_int64 id = rec->groups[group].v[row].id;

	/* what was asked stays as the office answered it */
	if (support_request_answered(ctx->st, id, err) != 0)
		return CHANGE_ERROR;
	return change_field(ctx->st, u, request_fields[field].change, id, expected, value, current,
			    err);
}

/* form_group.add: a request of the item, its entry made when it has none. */
static int request_add(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		       size_t group, char *const *values, sqlite3_int64 *id, struct rm_error *err)
{
	struct support_item *d = rec->data;
	struct support_ask ask = { values[R_NEEDED], values[R_SOURCE], values[R_FRAME],
				   values[R_AMOUNT] };
	int rc;

	(void)group;
	rc = support_request_add(ctx->st, u, d->assessment, d->item, &ask, &d->entry, id, err);
	if (rc == CHANGE_OK && d->entry)
		rec->history_row = d->entry;
	return rc;
}

/* form_group.remove: one request. */
static int request_remove(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
			  size_t group, size_t row, struct rm_error *err)
{
	return support_request_delete(ctx->st, u, rec->groups[group].v[row].id, err);
}

static const struct form_ask request_asks[] = {
	{ R_NEEDED, N_("Support needed: "), NULL },
	{ R_SOURCE, N_("Asked from"), NULL },
	{ R_FRAME, N_("Under support frame"), NULL },
	{ R_AMOUNT, N_("Amount in baht, Thai digits allowed (Enter for none): "),
	  N_("Not an amount. Baht as 25000 or ๒๕๐๐๐ (Enter for none): ") },
};

const struct form_group support_request_group = {
	.name = "requests",
	.title = N_("Support requests"),
	.fields = request_fields,
	.nfields = R_COUNT,
	.save = request_save,
	.asks = request_asks,
	.nasks = sizeof request_asks / sizeof request_asks[0],
	.add = request_add,
	.remove = request_remove,
	.delete_question = N_("Delete the support request \"%s\"?"),
	.delete_elsewhere = N_("d deletes a support request: move to one first"),
};

/* form_def.load: CODE the request's uid; its four fields. */
static int request_load(const struct form_ctx *ctx, const char *code, const char *part,
			struct form_record *rec, struct rm_error *err)
{
	static const char sql[] =
		"SELECT r.id, r.needed, r.source, f.code,"
		" iif(r.amount IS NULL, NULL, printf('%.15g', r.amount)) FROM support_request r"
		" LEFT JOIN support_frame f ON f.id = r.frame_id WHERE r.uid = ?1";
	sqlite3_int64 *id = malloc(sizeof *id);
	int rc;

	(void)part;
	rec->data = id;
	if (!id)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	rc = form_load_row(ctx, sql, &code, 1, R_ANSWER, rec, id, err);
	if (rc < 0) {
		form_record_free(&support_request_def, rec);
		return rc;
	}
	rec->history_table = "support_request";
	rec->history_row = *id;
	return 0;
}

/* form_def.save: through change_field. */
static int request_def_save(const struct form_ctx *ctx, struct undo_log *u,
			    struct form_record *rec, size_t field, const char *expected,
			    const char *value, char **current, struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)rec->data;

	if (support_request_answered(ctx->st, id, err) != 0)
		return CHANGE_ERROR;
	return change_field(ctx->st, u, request_fields[field].change, id, expected, value, current,
			    err);
}

const struct form_def support_request_def = {
	.title = N_("support request"),
	.fields = request_fields,
	.nfields = R_ANSWER,
	.missing_note = N_("This support request is no longer there (deleted)."),
	.missing_save = N_("this support request is no longer there: it was deleted meanwhile"),
	.load = request_load,
	.save = request_def_save,
	.free_data = free,
};
