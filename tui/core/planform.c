/* planform.c - a plan and an objective (a box of the route map) as forms
 * (form.h): their field tables, named as the CSV columns of
 * transfer.c, so that the import can check a value with the same words;
 * loading, saving through change_field, making a new one (planedit.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/planedit.h"
#include "routemap/text.h"

/* ---- checks and lists shared by both ---- */

/* form_validate_fn: a code as the CSV import takes it (the same words). */
static int code_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		   struct rm_error *err)
{
	(void)f;
	(void)ctx;
	if (strpbrk(value, ",\r\n"))
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: a code may not hold a comma or a line break"),
			       value);
	if (*value == ' ' || value[strlen(value) - 1] == ' ')
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: a code may not start or end with a space"),
			       value);
	return 0;
}

/* form_validate_fn: a fiscal year in the Buddhist Era (as the import). */
static int year_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		   struct rm_error *err)
{
	long long y;

	(void)f;
	(void)ctx;
	if (text_parse_int(value, &y) < 0 || y < 2400 || y > 2800)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: expected a Buddhist Era year such as 2569 (2400 to 2800)"), value);
	return 0;
}

/* Rows of SQL (code, label) into OUT, after a first entry "none" when
 * NONE. */
static int rows_list(const struct form_ctx *ctx, const char *sql, int none,
		     struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc = SQLITE_DONE, oom = 0;

	if (!stmt)
		return -1;
	if (none && form_choices_add(out, "", _("none"), "—") < 0)
		oom = 1;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct buf b = { 0 };
		const char *code = (const char *)sqlite3_column_text(stmt, 0);

		buf_printf(&b, "%s  %s", code, (const char *)sqlite3_column_text(stmt, 1));
		if (b.oom || form_choices_add(out, code, b.s, code) < 0)
			oom = 1;
		buf_free(&b);
	}
	return store_finish(ctx->st, stmt, rc, oom, err);
}

/* form_choices_fn: the offices of the database. */
static int offices(const struct form_field *f, const struct form_ctx *ctx,
		   struct form_choices *out, struct rm_error *err)
{
	(void)f;
	return rows_list(ctx, "SELECT code, coalesce(short_name, name) FROM office"
			      " ORDER BY code COLLATE THAI", 0, out, err);
}

/* form_choices_fn: "none", then the plans of the database. */
static int plans(const struct form_field *f, const struct form_ctx *ctx, struct form_choices *out,
		 struct rm_error *err)
{
	(void)f;
	return rows_list(ctx, "SELECT code, title FROM plan ORDER BY code COLLATE THAI", 1, out, err);
}

/* form_choices_fn: the bands of the map, top (people) first, by the
 * office's labels. */
static int bands(const struct form_field *f, const struct form_ctx *ctx, struct form_choices *out,
		 struct rm_error *err)
{
	int l;

	(void)f;
	for (l = LEVEL_COUNT - 1; l >= 0; l--) {
		const char *label = ctx->cfg->level_label[l];

		if (form_choices_add(out, config_level_name((enum map_level)l),
				     label ? label : config_level_name((enum map_level)l), NULL) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	return 0;
}

/* Read the first row of SQL (?1 CODE, ?2 PART when given): its column 0
 * the record's id into *ID, columns 1..N into REC's values (malloc'd).
 * Returns 0, FORM_MISSING when there is no row, -1 with ERR. */
static int load_row(const struct form_ctx *ctx, const char *sql, const char *code,
		    const char *part, size_t n, struct form_record *rec, sqlite3_int64 *id,
		    struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc, oom = 0;
	size_t i;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code ? code : "", -1, SQLITE_STATIC);
	if (part)
		sqlite3_bind_text(stmt, 2, part, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return rc == SQLITE_DONE ? FORM_MISSING : store_fail(ctx->st, err, _("cannot read the plan"));
	}
	*id = sqlite3_column_int64(stmt, 0);
	rec->values = calloc(n, sizeof *rec->values);
	oom = !rec->values;
	for (i = 0; !oom && i < n; i++)
		rec->values[i] = store_col_dup(stmt, (int)i + 1, &oom);
	rec->nvalues = rec->values ? n : 0;
	sqlite3_finalize(stmt);
	return oom ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory")) : 0;
}

/* REC's id, history and a copy of TITLE for the history view. */
static int record_ids(struct form_record *rec, const char *table, sqlite3_int64 id,
		      const char *title)
{
	sqlite3_int64 *d = malloc(sizeof *d);

	rec->data = d;
	if (!d)
		return -1;
	*d = id;
	rec->history_table = table;
	rec->history_row = id;
	rec->history_title = strdup(title ? title : "");
	return rec->history_title ? 0 : -1;
}

/* Copy S into *TO (NULL: none); -1 when out of memory. */
static int copy(char **to, const char *s)
{
	*to = s ? strdup(s) : NULL;
	return s && !*to ? -1 : 0;
}

/* ---- the plan ---- */

enum { P_CODE, P_OFFICE, P_TITLE, P_DESTINATION, P_FY_FROM, P_FY_TO, P_SERVES, P_COUNT };

static const struct form_field plan_fields[] = {
	{ "code", N_("code"), FIELD_LINE, 1, "plan.code", code_ok, NULL, 60 },
	{ "office", N_("office"), FIELD_REFERENCE, 1, "plan.office", NULL, offices, 0 },
	{ "title", N_("title"), FIELD_LINE, 1, "plan.title", NULL, NULL, 500 },
	{ "destination", N_("destination"), FIELD_TEXT, 0, "plan.destination", NULL, NULL, 4000 },
	{ "fy_from", N_("from fiscal year"), FIELD_NUMBER, 1, "plan.fy_from", year_ok, NULL, 4 },
	{ "fy_to", N_("to fiscal year"), FIELD_NUMBER, 1, "plan.fy_to", year_ok, NULL, 4 },
	{ "serves", N_("serves the plan"), FIELD_REFERENCE, 0, "plan.serves", NULL, plans, 0 },
};

/* form_def.load: CODE the plan. */
static int plan_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	sqlite3_int64 id = 0;
	int rc;

	(void)part;
	rc = load_row(ctx, "SELECT p.id, p.code, o.code, p.title, p.destination, p.fy_from,"
			   " p.fy_to, s.code FROM plan p JOIN office o ON o.id = p.office_id"
			   " LEFT JOIN plan s ON s.id = p.serves_id WHERE p.code = ?1",
		      code, NULL, P_COUNT, rec, &id, err);
	if (rc == 0 && record_ids(rec, "plan", id, code) < 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	if (rc != 0)
		form_record_free(&plan_form_def, rec);
	return rc;
}

/* The years of REC with field FIELD set to VALUE, checked together. */
static int years_with(const struct form_record *rec, size_t field, const char *value,
		      struct rm_error *err)
{
	const char *from = field == P_FY_FROM ? value : rec->values[P_FY_FROM];
	const char *to = field == P_FY_TO ? value : rec->values[P_FY_TO];
	long long a, b;

	if (!from || !to || text_parse_int(from, &a) < 0 || text_parse_int(to, &b) < 0)
		return 0;   /* (a value missing: its own check says so) */
	return plan_years_check(a, b, err);
}

/* form_def.save: the code kept unique, the years in order, no plan
 * serving itself; then change_field. */
static int plan_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)rec->data;
	int rc;

	if ((field == P_FY_FROM || field == P_FY_TO) && years_with(rec, field, value, err) < 0)
		return CHANGE_ERROR;
	if (field == P_SERVES && value && rec->values[P_CODE] &&
	    strcmp(value, rec->values[P_CODE]) == 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("plan %s cannot serve itself; choose another"),
			       value);
	if (field == P_CODE && value && !(expected && strcmp(expected, value) == 0) &&
	    plan_code_used(ctx->st, value, err) != 0)
		return CHANGE_ERROR;
	rc = change_field(ctx->st, u, plan_fields[field].change, id, expected, value, current, err);
	if (rc == CHANGE_OK && field == P_CODE && copy(&rec->renamed_code, value) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return rc;
}

/* Is there an office CODE in the database?  1 or 0 (0 on an error too:
 * the field then starts empty and is chosen from the list). */
static int office_known(const struct form_ctx *ctx, const char *code)
{
	struct rm_error err = { 0, "" };
	sqlite3_stmt *stmt;
	int rc;

	if (!code || !(stmt = store_prepare(ctx->st, "SELECT 1 FROM office WHERE code = ?1", &err)))
		return 0;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW;
}

/* form_def.defaults: the office's own code (when the database knows
 * it), this fiscal year to three years on (a route map spans about
 * four). */
static int plan_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			 char **values, struct rm_error *err)
{
	struct text_date today;
	char y[16];
	int fy;

	(void)code;
	(void)part;
	text_today(&today);
	fy = text_fiscal_year(&today);
	if (office_known(ctx, ctx->cfg->office_code) &&
	    copy(&values[P_OFFICE], ctx->cfg->office_code) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	snprintf(y, sizeof y, "%d", fy);
	if (copy(&values[P_FY_FROM], y) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	snprintf(y, sizeof y, "%d", fy + 3);
	return copy(&values[P_FY_TO], y) < 0 ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"))
					      : 0;
}

/* form_def.create: the plan of VALUES (planedit.c). */
static int plan_new(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		    const char *part, char *const *values, char **new_code, char **new_part,
		    struct rm_error *err)
{
	struct plan_head p = { values[P_CODE], values[P_OFFICE], values[P_TITLE],
			       values[P_DESTINATION], values[P_SERVES], 0, 0 };
	long long a = 0, b = 0;
	int rc;

	(void)code;
	(void)part;
	*new_part = NULL;
	text_parse_int(values[P_FY_FROM] ? values[P_FY_FROM] : "", &a);
	text_parse_int(values[P_FY_TO] ? values[P_FY_TO] : "", &b);
	p.fy_from = (int)a;
	p.fy_to = (int)b;
	rc = plan_create(ctx->st, u, &p, err);
	if (rc == CHANGE_OK && copy(new_code, p.code) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return rc;
}

const struct form_def plan_form_def = {
	.title = N_("plan"),
	.fields = plan_fields,
	.nfields = P_COUNT,
	.first = P_CODE,
	.missing_note = N_("This plan is no longer there (deleted, or its adding undone)."),
	.missing_save = N_("this plan is no longer there: it was deleted meanwhile"),
	.load = plan_load,
	.save = plan_save,
	.free_data = free,
	.create = plan_new,
	.defaults = plan_defaults,
};

/* ---- the objective ---- */

enum { O_CODE, O_LEVEL, O_TITLE, O_COUNT };

static const struct form_field objective_fields[] = {
	{ "code", N_("code"), FIELD_LINE, 1, "objective.code", code_ok, NULL, 20 },
	{ "level", N_("band"), FIELD_CHOICE, 1, "objective.level", NULL, bands, 0 },
	{ "title", N_("title"), FIELD_LINE, 1, "objective.title", NULL, NULL, 500 },
};

/* form_def.load: CODE the plan, PART the objective. */
static int objective_load(const struct form_ctx *ctx, const char *code, const char *part,
			  struct form_record *rec, struct rm_error *err)
{
	sqlite3_int64 id = 0;
	struct buf b = { 0 };
	int rc;

	rc = load_row(ctx, "SELECT o.id, o.code, o.level, o.title FROM objective o"
			   " JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2",
		      code, part ? part : "", O_COUNT, rec, &id, err);
	buf_printf(&b, "%s %s", _("plan"), code);
	if (rc == 0 && (b.oom || record_ids(rec, "objective", id, part) < 0 ||
			!(rec->lines = calloc(1, sizeof *rec->lines))))
		rc = rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	if (rc == 0) {
		rec->lines[0].text = buf_take(&b);
		rec->lines[0].style = FORM_LINE_DIM;
		rec->nlines = 1;
	}
	buf_free(&b);
	if (rc != 0)
		form_record_free(&objective_form_def, rec);
	return rc;
}

/* form_def.save: a code not used twice in the plan; then change_field. */
static int objective_save(const struct form_ctx *ctx, struct undo_log *u,
			  struct form_record *rec, size_t field, const char *expected,
			  const char *value, char **current, struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)rec->data;
	int rc;

	if (field == O_CODE && value && !(expected && strcmp(expected, value) == 0) &&
	    objective_code_used(ctx->st, id, value, err) != 0)
		return CHANGE_ERROR;
	rc = change_field(ctx->st, u, objective_fields[field].change, id, expected, value, current,
			  err);
	if (rc == CHANGE_OK && field == O_CODE && copy(&rec->renamed_part, value) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return rc;
}

/* form_def.defaults: the band PART names ("people"), if it names one. */
static int objective_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			      char **values, struct rm_error *err)
{
	(void)ctx;
	(void)code;
	if (part && config_level_from_name(part) >= 0 && copy(&values[O_LEVEL], part) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return 0;
}

/* form_def.create: the objective of VALUES in plan CODE. */
static int objective_new(const struct form_ctx *ctx, struct undo_log *u, const char *code,
			 const char *part, char *const *values, char **new_code, char **new_part,
			 struct rm_error *err)
{
	int level = config_level_from_name(values[O_LEVEL]);
	int rc;

	(void)part;
	if (level < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("no such band of the map"));
	rc = objective_create(ctx->st, u, code, values[O_CODE], (enum map_level)level,
			      values[O_TITLE], err);
	if (rc == CHANGE_OK && (copy(new_code, code) < 0 || copy(new_part, values[O_CODE]) < 0))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return rc;
}

const struct form_def objective_form_def = {
	.title = N_("objective"),
	.fields = objective_fields,
	.nfields = O_COUNT,
	.first = O_CODE,
	.missing_note = N_("This objective is no longer there (deleted, or its adding undone)."),
	.missing_save = N_("this objective is no longer there: it was deleted meanwhile"),
	.load = objective_load,
	.save = objective_save,
	.free_data = free,
	.create = objective_new,
	.defaults = objective_defaults,
};
