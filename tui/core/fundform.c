/* fundform.c - one support request as a form (fund.h, form.h): what the
 * unit asked, shown; the answer of the office asked, edited, each field
 * saved with who and when (fund_field_save). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/fund.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

/* The fields, in the order of the values load reads. */
enum {
	F_UNIT, F_NEEDED, F_SOURCE, F_FRAME, F_AMOUNT, F_WITH, F_STATUS, F_REFERRED, F_GIVEN,
	F_AGREED, F_FILED, F_NOTE, F_ANSWERED, NFIELDS
};

static const struct form_field fund_fields[NFIELDS] = {
	[F_UNIT] = { "unit", N_("unit"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_NEEDED] = { "needed", N_("support needed"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_SOURCE] = { "source", N_("asked from"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_FRAME] = { "frame", N_("support frame"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_AMOUNT] = { "amount", N_("baht asked"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_WITH] = { "with", N_("with now"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	/* the answer itself only by the keys y p x r (fund_answer's rules) */
	[F_STATUS] = { "status", N_("answer"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_REFERRED] = { "referred_to", N_("referred to"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[F_GIVEN] = { "given", N_("what will be given"), FIELD_TEXT, 0, "support_request.given",
		      NULL, NULL, 4000 },
	[F_AGREED] = { "amount_agreed", N_("baht agreed"), FIELD_NUMBER, 0,
		       "support_request.amount_agreed", form_baht_ok, NULL, 0 },
	[F_FILED] = { "filed_frame", N_("filed under frame"), FIELD_CHOICE, 0,
		      "support_request.filed_frame", NULL, form_support_frames, 0 },
	[F_NOTE] = { "answer_note", N_("note"), FIELD_TEXT, 0, "support_request.answer_note", NULL,
		     NULL, 4000 },
	[F_ANSWERED] = { "answered", N_("answered"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
};

/* What the form keeps: the request's id, its status and the source it
 * is with, coded, as loaded (what the answer keys expect). */
struct fundrec {
	sqlite3_int64 id;
	char status[24], with[24];
};

void fund_form_shown(const struct form_record *rec, const char **status, const char **with)
{
	const struct fundrec *d = rec ? rec->data : NULL;

	*status = d ? d->status : NULL;
	*with = d && d->with[0] ? d->with : NULL;
}

/* The columns the form reads, after the id; then what makes the shown
 * values and the line above the fields. */
static const char load_sql[] =
	"SELECT r.id, coalesce(o.short_name, o.name) || '  ' || o.code, r.needed, r.source,"
	" f.code, r.amount, coalesce(r.referred_to, r.source), r.status, r.referred_to, r.given,"
	" iif(r.amount_agreed IS NULL, NULL, printf('%.15g', r.amount_agreed)), ff.code,"
	" r.answer_note, r.answered_by, r.answered_on, f.label, a.code, i.code, i.text"
	" FROM support_request r JOIN assessment_entry e ON e.id = r.entry_id"
	" JOIN assessment a ON a.id = e.assessment_id JOIN office o ON o.id = a.office_id"
	" JOIN norm_item i ON i.id = e.item_id LEFT JOIN support_frame f ON f.id = r.frame_id"
	" LEFT JOIN support_frame ff ON ff.id = r.filed_frame_id WHERE r.uid = ?1";

/* Copy S into *TO (NULL stays NULL); -1 when out of memory. */
static int put(char **to, const char *s)
{
	free(*to);
	*to = s ? strdup(s) : NULL;
	return s && !*to ? -1 : 0;
}

/* What the office calls SOURCE ("กองทุนฯ ตำบล"), NULL for none. */
static const char *source_label(const struct form_ctx *ctx, const char *source)
{
	const char *label = source ? config_label(&ctx->cfg->support_sources, source) : NULL;

	return label ? label : vocab_value("support_request", "source", source);
}

/* The read-only values as people read them, and the line above. */
static int shown(const struct form_ctx *ctx, sqlite3_stmt *stmt, struct form_record *rec)
{
	const char *label = (const char *)sqlite3_column_text(stmt, 15);
	char baht[64], text[256], day[64];
	struct buf b = { 0 };
	const char *by = (const char *)sqlite3_column_text(stmt, 13);
	const char *on = (const char *)sqlite3_column_text(stmt, 14);
	const char *src = (const char *)sqlite3_column_text(stmt, 3);
	const char *with = (const char *)sqlite3_column_text(stmt, 6);
	const char *frame = (const char *)sqlite3_column_text(stmt, 4);
	const char *status = (const char *)sqlite3_column_text(stmt, 7);
	const char *to = (const char *)sqlite3_column_text(stmt, 8);
	const char *ini = frame ? config_label(&ctx->cfg->support_frames, frame) : NULL;
	struct fundrec *d = rec->data;
	int rc = 0;

	snprintf(d->status, sizeof d->status, "%s", status ? status : "");
	snprintf(d->with, sizeof d->with, "%s", with ? with : "");
	rc |= put(&rec->values[F_STATUS], vocab_value("support_request", "status", status));
	rc |= put(&rec->values[F_REFERRED], to ? source_label(ctx, to) : NULL);
	rc |= put(&rec->values[F_SOURCE], source_label(ctx, src));
	rc |= put(&rec->values[F_WITH], source_label(ctx, with));
	if (ini)
		label = ini;
	snprintf(text, sizeof text, "%s  %s", frame ? frame : "", label ? label : "");
	rc |= put(&rec->values[F_FRAME], frame ? text : NULL);
	text_format_baht(sqlite3_column_double(stmt, 5), baht, sizeof baht);
	snprintf(text, sizeof text, _("%s baht"), baht);
	rc |= put(&rec->values[F_AMOUNT], sqlite3_column_type(stmt, 5) == SQLITE_NULL ? NULL : text);
	text_format_stored_date(on, ctx->cfg->calendar == CFG_CAL_BUDDHIST, day, sizeof day);
	snprintf(text, sizeof text, "%s  %s", by ? by : "", day);
	rc |= put(&rec->values[F_ANSWERED], by ? text : NULL);
	if (!(rec->lines = calloc(1, sizeof *rec->lines)))
		return -1;
	buf_printf(&b, "%s  %s  %s", (const char *)sqlite3_column_text(stmt, 16),
		   (const char *)sqlite3_column_text(stmt, 17),
		   (const char *)sqlite3_column_text(stmt, 18));
	rec->lines[0].style = FORM_LINE_HEADING;
	rec->lines[0].text = buf_take(&b);
	rec->nlines = 1;
	return rc || !rec->lines[0].text ? -1 : 0;
}

/* form_def.load: CODE the request's uid. */
static int fund_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	static const int stored[] = { F_UNIT, F_NEEDED, -1, -1, -1, -1, -1, -1, F_GIVEN, F_AGREED, F_FILED, F_NOTE };
	sqlite3_stmt *stmt = store_prepare(ctx->st, load_sql, err);
	struct fundrec *d = calloc(1, sizeof *d);
	int rc, oom = 0;
	size_t i;

	(void)part;
	rec->data = d;
	rec->values = calloc(NFIELDS, sizeof *rec->values);
	rec->nvalues = NFIELDS;
	if (!stmt || !d || !rec->values) {
		if (stmt)
			sqlite3_finalize(stmt);
		form_record_free(&fund_request_def, rec);
		return stmt ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory")) : -1;
	}
	sqlite3_bind_text(stmt, 1, code ? code : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		form_record_free(&fund_request_def, rec);
		if (rc != SQLITE_DONE)
			return store_fail(ctx->st, err, _("cannot read the support request"));
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("this support request is no longer there: someone deleted it"));
		return FORM_MISSING;
	}
	d->id = sqlite3_column_int64(stmt, 0);
	for (i = 0; i < sizeof stored / sizeof stored[0]; i++)
		if (stored[i] >= 0)
			rec->values[stored[i]] = store_col_dup(stmt, (int)i + 1, &oom);
	rec->history_table = "support_request";
	rec->history_row = d->id;
	if (oom || shown(ctx, stmt, rec) < 0 || put(&rec->history_title, rec->values[F_NEEDED]) < 0) {
		sqlite3_finalize(stmt);
		form_record_free(&fund_request_def, rec);
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* form_def.save: one field of the answer, with who and when. */
static int fund_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	struct fundrec *d = rec->data;

	return fund_field_save(ctx->st, u, ctx->cfg->office_level, d->id, fund_fields[field].change,
			       expected, value, current, err);
}

const struct form_def fund_request_def = {
	.title = N_("support request"),
	.fields = fund_fields,
	.nfields = NFIELDS,
	.first = F_GIVEN,
	.labels_above = 0,
	.missing_note = N_("This support request is no longer there (someone deleted it)."),
	.missing_save = N_("this support request is no longer there: someone deleted it meanwhile"),
	.load = fund_load,
	.save = fund_save,
	.free_data = free,
};
