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

/* form_choices_fn: "none", then the plans of the database. */
static int plans(const struct form_field *f, const struct form_ctx *ctx, struct form_choices *out,
		 struct rm_error *err)
{
	(void)f;
	return form_choices_rows(ctx, "SELECT code, title FROM plan ORDER BY code COLLATE THAI", 1,
				 out, err);
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
			return rm_oom(err);
	}
	return 0;
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

/* ---- the plan ---- */

enum { P_CODE, P_OFFICE, P_TITLE, P_DESTINATION, P_FY_FROM, P_FY_TO, P_SERVES, P_COUNT };

static const struct form_field plan_fields[] = {
	{ "code", N_("code"), FIELD_LINE, 1, "plan.code", form_code_ok, NULL, 60 },
	{ "office", N_("office"), FIELD_REFERENCE, 1, "plan.office", NULL, form_offices, 0 },
	{ "title", N_("title"), FIELD_LINE, 1, "plan.title", NULL, NULL, 500 },
	{ "destination", N_("destination"), FIELD_TEXT, 0, "plan.destination", NULL, NULL, 4000 },
	{ "fy_from", N_("from fiscal year"), FIELD_NUMBER, 1, "plan.fy_from", form_year_ok, NULL, 4 },
	{ "fy_to", N_("to fiscal year"), FIELD_NUMBER, 1, "plan.fy_to", form_year_ok, NULL, 4 },
	{ "serves", N_("serves the plan"), FIELD_REFERENCE, 0, "plan.serves", NULL, plans, 0 },
};

/* form_def.load: CODE the plan. */
static int plan_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	sqlite3_int64 id = 0;
	int rc;

	(void)part;
	rc = form_load_row(ctx, "SELECT p.id, p.code, o.code, p.title, p.destination, p.fy_from,"
				" p.fy_to, s.code FROM plan p JOIN office o ON o.id = p.office_id"
				" LEFT JOIN plan s ON s.id = p.serves_id WHERE p.code = ?1",
			   &code, 1, P_COUNT, rec, &id, err);
	if (rc == 0 && record_ids(rec, "plan", id, code) < 0)
		rc = rm_oom(err);
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
		return FORM_REFUSED;
	if (field == P_SERVES && value && rec->values[P_CODE] &&
	    strcmp(value, rec->values[P_CODE]) == 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("plan %s cannot serve itself; choose another"), value);
		return FORM_REFUSED;
	}
	if (field == P_CODE && value && !(expected && strcmp(expected, value) == 0) &&
	    (rc = plan_code_used(ctx->st, value, err)) != 0)
		return rc > 0 ? FORM_REFUSED : CHANGE_ERROR;
	rc = change_field(ctx->st, u, plan_fields[field].change, id, expected, value, current, err);
	if (rc == CHANGE_OK && field == P_CODE && form_copy(&rec->renamed_code, value) < 0)
		return rm_oom(err);
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
	    form_copy(&values[P_OFFICE], ctx->cfg->office_code) < 0)
		return rm_oom(err);
	snprintf(y, sizeof y, "%d", fy);
	if (form_copy(&values[P_FY_FROM], y) < 0)
		return rm_oom(err);
	snprintf(y, sizeof y, "%d", fy + 3);
	return form_copy(&values[P_FY_TO], y) < 0 ? rm_oom(err)
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
	/* refused for what was typed: not tried again */
	if (plan_years_check(a, b, err) < 0)
		return FORM_REFUSED;
	if ((rc = plan_code_used(ctx->st, p.code, err)) != 0)
		return rc > 0 ? FORM_REFUSED : CHANGE_ERROR;
	rc = plan_create(ctx->st, u, &p, err);
	if (rc == CHANGE_OK && form_copy(new_code, p.code) < 0)
		return rm_oom(err);
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
	{ "code", N_("code"), FIELD_LINE, 1, "objective.code", form_code_ok, NULL, 20 },
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

	const char *args[2] = { code, part ? part : "" };

	rc = form_load_row(ctx, "SELECT o.id, o.code, o.level, o.title FROM objective o"
				" JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2",
			   args, 2, O_COUNT, rec, &id, err);
	buf_printf(&b, "%s %s", _("plan"), code);
	if (rc == 0 && (b.oom || record_ids(rec, "objective", id, part) < 0 ||
			!(rec->lines = calloc(1, sizeof *rec->lines))))
		rc = rm_oom(err);
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
	    (rc = objective_code_used(ctx->st, id, value, err)) != 0)
		return rc > 0 ? FORM_REFUSED : CHANGE_ERROR;
	rc = change_field(ctx->st, u, objective_fields[field].change, id, expected, value, current,
			  err);
	if (rc == CHANGE_OK && field == O_CODE && form_copy(&rec->renamed_part, value) < 0)
		return rm_oom(err);
	return rc;
}

/* form_def.defaults: the band PART names ("people"), if it names one. */
static int objective_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			      char **values, struct rm_error *err)
{
	(void)ctx;
	(void)code;
	if (part && config_level_from_name(part) >= 0 && form_copy(&values[O_LEVEL], part) < 0)
		return rm_oom(err);
	return 0;
}

/* Has plan PLAN an objective CODE already?  1 with ERR in words, 0, or
 * -1 with ERR when the database fails. */
static int objective_taken(const struct form_ctx *ctx, const char *plan, const char *code,
			   struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, "SELECT 1 FROM objective o JOIN plan p"
					   " ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2",
					   err);
	int rc;

	if (!stmt)
		return -1;
	store_bind_text_or_null(stmt, 1, plan);
	store_bind_text_or_null(stmt, 2, code);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return -rm_fail(err, RM_EXIT_RUNTIME,
				_("plan %s already has an objective %s; choose another code"), plan, code);
	return rc == SQLITE_DONE ? 0 : store_fail(ctx->st, err, _("cannot read the plan"));
}

/* form_def.create: the objective of VALUES in plan CODE. */
static int objective_new(const struct form_ctx *ctx, struct undo_log *u, const char *code,
			 const char *part, char *const *values, char **new_code, char **new_part,
			 struct rm_error *err)
{
	int level = config_level_from_name(values[O_LEVEL]);
	int rc;

	(void)part;
	if (level < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("no such band of the map"));
		return FORM_REFUSED;
	}
	if ((rc = objective_taken(ctx, code, values[O_CODE], err)) != 0)
		return rc > 0 ? FORM_REFUSED : CHANGE_ERROR;
	rc = objective_create(ctx->st, u, code, values[O_CODE], (enum map_level)level,
			      values[O_TITLE], err);
	if (rc == CHANGE_OK && (form_copy(new_code, code) < 0 || form_copy(new_part, values[O_CODE]) < 0))
		return rm_oom(err);
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
