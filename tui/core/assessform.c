/* assessform.c - an assessment's header as a form (form.h): the day it
 * was made, who assessed, and the unit's project it checks; saved through
 * change_field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/i18n.h"
#include "routemap/normedit.h"

/* What the form keeps of the assessment: its id, and its unit's code
 * (the project list offers the unit's projects). */
struct head {
	sqlite3_int64 id;
	char unit[128];
};

/* form_choices_fn: "no project", then the unit's projects. */
static int projects(const struct form_field *f, const struct form_ctx *ctx,
		    struct form_choices *out, struct rm_error *err)
{
	const struct head *h = ctx->rec ? ctx->rec->data : NULL;
	struct project_row *rows;
	size_t n, i;
	int rc = 0;

	(void)f;
	if (project_list(ctx->st, h && *h->unit ? h->unit : NULL, &rows, &n, err) < 0)
		return -1;
	if (form_choices_add(out, "", _("no project"), "—") < 0)
		rc = -1;
	for (i = 0; i < n && rc == 0; i++) {
		struct buf b = { 0 };

		buf_printf(&b, "%s  %s", rows[i].code, rows[i].title);
		rc = b.oom ? -1 : form_choices_add(out, rows[i].code, b.s, NULL);
		buf_free(&b);
	}
	project_list_free(rows, n);
	return rc < 0 ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory")) : 0;
}

enum { A_DATE, A_ASSESSOR, A_PROJECT, A_COUNT };

static const struct form_field head_fields[A_COUNT] = {
	[A_DATE] = { "assessed_on", N_("assessed"), FIELD_DATE, 0, "assessment.assessed_on", NULL,
		     NULL, 0 },
	[A_ASSESSOR] = { "assessor", N_("assessor"), FIELD_LINE, 0, "assessment.assessor", NULL,
			 NULL, 2000 },
	[A_PROJECT] = { "project", N_("project"), FIELD_REFERENCE, 0, "assessment.project", NULL,
			projects, 0 },
};

/* The line above the fields: code, unit, norm set and version. */
static int head_line(struct form_record *rec, sqlite3_stmt *stmt)
{
	struct buf b = { 0 };

	if (!(rec->lines = calloc(1, sizeof *rec->lines)))
		return -1;
	buf_printf(&b, "%s  %s  %s v%d", (const char *)sqlite3_column_text(stmt, 1),
		   (const char *)sqlite3_column_text(stmt, 6),
		   (const char *)sqlite3_column_text(stmt, 7), sqlite3_column_int(stmt, 8));
	rec->lines[0].text = b.s;
	rec->lines[0].style = FORM_LINE_HEADING;
	rec->nlines = 1;
	return b.oom ? -1 : 0;
}

/* form_def.load: CODE the assessment. */
static int head_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st,
		"SELECT a.id, a.code, a.assessed_on, a.assessor, p.code, o.code,"
		" coalesce(o.short_name, o.name), s.code, s.version FROM assessment a"
		" JOIN office o ON o.id = a.office_id JOIN norm_set s ON s.id = a.set_id"
		" LEFT JOIN project p ON p.id = a.project_id WHERE a.code = ?1", err);
	struct head *h = calloc(1, sizeof *h);
	sqlite3_int64 *id = h ? &h->id : NULL;
	int rc, bad = 0;

	(void)part;
	rec->data = h;
	rec->values = calloc(A_COUNT, sizeof *rec->values);
	rec->nvalues = A_COUNT;
	if (!stmt || !id || !rec->values) {
		sqlite3_finalize(stmt);
		form_record_free(&assessment_head_def, rec);
		return stmt ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory")) : -1;
	}
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		rec->values[A_DATE] = store_col_dup(stmt, 2, &bad);
		rec->values[A_ASSESSOR] = store_col_dup(stmt, 3, &bad);
		rec->values[A_PROJECT] = store_col_dup(stmt, 4, &bad);
		snprintf(h->unit, sizeof h->unit, "%s",
			 sqlite3_column_text(stmt, 5) ? (const char *)sqlite3_column_text(stmt, 5) : "");
		rec->history_table = "assessment";
		rec->history_row = *id;
		rec->history_title = strdup(code);
		if (!rec->history_title || head_line(rec, stmt) < 0)
			bad = 1;
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE) {
		sqlite3_finalize(stmt);
		form_record_free(&assessment_head_def, rec);
		rm_fail(err, RM_EXIT_RUNTIME, _("no assessment \"%s\" (deleted meanwhile?)"), code);
		return FORM_MISSING;
	}
	if (store_finish(ctx->st, stmt, rc, bad, err) < 0) {
		form_record_free(&assessment_head_def, rec);
		return -1;
	}
	return 0;
}

/* form_def.save: through change_field. */
static int head_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	const sqlite3_int64 *id = &((const struct head *)rec->data)->id;

	return change_field(ctx->st, u, head_fields[field].change, *id, expected,
			    value && *value ? value : NULL, current, err);
}

const struct form_def assessment_head_def = {
	.title = N_("assessment"),
	.fields = head_fields,
	.nfields = A_COUNT,
	.first = A_DATE,
	.missing_note = N_("This assessment is no longer there (deleted)."),
	.missing_save = N_("this assessment is no longer there: deleted meanwhile"),
	.load = head_load,
	.save = head_save,
	.free_data = free,
};
