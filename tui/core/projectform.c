/* projectform.c - a project as a form (form.h): its code, title, owner
 * office, plan, fiscal year, stage, status, budget and its source, dates,
 * and the objectives of its plan it serves.  Loading, saving each field
 * through change_field (the objectives served: one toggled per choice),
 * and a new project made serving an objective. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

/* What the form keeps of the project. */
struct projrec {
	sqlite3_int64 id;
};

/* The fields, in the order of the table below. */
enum { P_CODE, P_TITLE, P_OFFICE, P_PLAN, P_FY, P_STAGE, P_STATUS, P_BUDGET, P_SOURCE,
       P_START, P_END, P_OBJECTIVES, P_FIELDS };

/* Is CODE among the " "-joined CODES? */
static int listed_in(const char *codes, const char *code)
{
	size_t n = strlen(code);
	const char *at;

	for (at = codes; at && (at = strstr(at, code)); at += n)
		if ((at == codes || at[-1] == ' ') && (at[n] == ' ' || !at[n]))
			return 1;
	return 0;
}

/* Add the coded values of project FIELD ("stage", "status") to OUT. */
static int coded(const char *field, const char *const *codes, struct form_choices *out,
		 struct rm_error *err)
{
	for (; *codes; codes++)
		if (form_choices_add(out, *codes, vocab_value("project", field, *codes), NULL) < 0)
			return rm_oom(err);
	return 0;
}

/* form_choices_fn: the stages, in Thai. */
static int stages(const struct form_field *f, const struct form_ctx *ctx,
		  struct form_choices *out, struct rm_error *err)
{
	static const char *const codes[] = { "preparation", "development", "evaluation", NULL };

	(void)f;
	(void)ctx;
	return coded("stage", codes, out, err);
}

/* form_choices_fn: the states, in Thai. */
static int states(const struct form_field *f, const struct form_ctx *ctx,
		  struct form_choices *out, struct rm_error *err)
{
	static const char *const codes[] = { "planned", "active", "done", "cancelled", NULL };

	(void)f;
	(void)ctx;
	return coded("status", codes, out, err);
}

/* Each row of SQL (code, label; ?1 bound to ARG when not NULL) as a
 * choice; with ARG, marked [✓] when its code is among SERVED (" "-joined),
 * else [ ]. */
static int listed(const struct form_ctx *ctx, const char *sql, const char *arg,
		  const char *served, struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc, o = 0;

	if (!stmt)
		return -1;
	if (arg)
		sqlite3_bind_text(stmt, 1, arg, -1, SQLITE_STATIC);
	while (!o && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		const char *label = (const char *)sqlite3_column_text(stmt, 1);
		struct buf b = { 0 };

		/* the objectives: those served marked */
		if (arg)
			buf_printf(&b, "%s %s", listed_in(served, code ? code : "") ? "[✓]" : "[ ]",
				   label ? label : "");
		if (b.oom || form_choices_add(out, code ? code : "", b.s ? b.s : label ? label : "",
					      code) < 0)
			o = 1;
		buf_free(&b);
	}
	return store_finish(ctx->st, stmt, rc, o, err);
}

/* form_choices_fn: the objectives of the plan, each marked served or
 * not: choosing one serves it, or no longer when it is served. */
static int objectives(const struct form_field *f, const struct form_ctx *ctx,
		      struct form_choices *out, struct rm_error *err)
{
	(void)f;
	const struct form_record *r = ctx->rec;
	const char *plan = r && r->nvalues == P_FIELDS ? r->values[P_PLAN] : NULL;

	return listed(ctx, "SELECT o.code, o.code || '  ' || o.title FROM objective o"
		      " JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1"
		      " ORDER BY coalesce(o.position, o.id), o.id", plan ? plan : "",
		      r && r->nvalues == P_FIELDS ? r->values[P_OBJECTIVES] : NULL, out, err);
}

/* form_validate_fn: an amount of at least 0. */
static int not_below_zero(const struct form_field *f, const struct form_ctx *ctx,
			  const char *value, struct rm_error *err)
{
	char q[200];

	(void)f;
	(void)ctx;
	if (value[0] == '-')
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: expected a number of at least 0 such as 73.5 (Thai digits allowed)"),
			       escape_shown(value, q, sizeof q));
	return 0;
}

/* Named as the columns of projects.csv (transfer.c). */
static const struct form_field project_fields[P_FIELDS] = {
	{ "code", N_("code"), FIELD_LINE, 1, "project.code", form_code_ok, NULL, 40 },
	{ "title", N_("title"), FIELD_LINE, 1, "project.title", NULL, NULL, 400 },
	{ "office", N_("owner"), FIELD_REFERENCE, 1, "project.office", NULL, form_offices, 0 },
	{ "plan", N_("plan"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	{ "fiscal_year", N_("fiscal year"), FIELD_NUMBER, 1, "project.fiscal_year", form_year_ok, NULL, 8 },
	{ "stage", N_("stage"), FIELD_CHOICE, 1, "project.stage", NULL, stages, 0 },
	{ "status", N_("status"), FIELD_CHOICE, 1, "project.status", NULL, states, 0 },
	{ "budget", N_("budget (baht)"), FIELD_NUMBER, 0, "project.budget", not_below_zero, NULL, 20 },
	{ "budget_source", N_("budget from"), FIELD_LINE, 0, "project.budget_source", NULL, NULL,
	  200 },
	{ "start", N_("starts"), FIELD_DATE, 0, "project.start_date", NULL, NULL, 0 },
	{ "end", N_("ends"), FIELD_DATE, 0, "project.end_date", NULL, NULL, 0 },
	{ "objectives", N_("objectives served"), FIELD_CHOICES, 0, "project.objectives", NULL,
	  objectives, 0 },
};

/* The codes of the objectives project ?1 serves, " "-joined in map order. */
#define SERVED \
	"(SELECT group_concat(c, ' ') FROM (SELECT o.code AS c FROM project_objective x" \
	" JOIN objective o ON o.id = x.objective_id WHERE x.project_id = p.id" \
	" ORDER BY coalesce(o.position, o.id), o.id))"

static int project_row(sqlite3_stmt *stmt, struct form_record *rec)
{
	struct projrec *d = calloc(1, sizeof *d);
	int o = 0, i;

	rec->data = d;
	rec->values = calloc(P_FIELDS, sizeof *rec->values);
	if (!d || !rec->values)
		return -1;
	rec->nvalues = P_FIELDS;
	d->id = sqlite3_column_int64(stmt, 0);
	for (i = 0; i < P_FIELDS; i++)
		rec->values[i] = store_col_dup(stmt, 1 + i, &o);
	rec->history_table = "project";
	rec->history_row = d->id;
	if (o || !(rec->history_title = strdup(rec->values[P_CODE] ? rec->values[P_CODE] : "")))
		return -1;
	return 0;
}

/* form_def.load: CODE the project. */
static int project_load(const struct form_ctx *ctx, const char *code, const char *part,
			struct form_record *rec, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st,
		"SELECT p.id, p.code, p.title, o.code, pl.code, p.fiscal_year, p.stage, p.status,"
		" iif(p.budget IS NULL, NULL, printf('%.15g', p.budget)), p.budget_source,"
		" p.start_date, p.end_date, " SERVED
		" FROM project p JOIN office o ON o.id = p.office_id"
		" LEFT JOIN plan pl ON pl.id = p.plan_id WHERE p.code = ?1", err);
	int rc;

	(void)part;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code ? code : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && project_row(stmt, rec) < 0) {
		sqlite3_finalize(stmt);
		form_record_free(&project_form_def, rec);
		return rm_oom(err);
	}
	if (store_finish(ctx->st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err) < 0) {
		form_record_free(&project_form_def, rec);
		return -1;
	}
	if (rc != SQLITE_ROW) {
		rm_fail(err, RM_EXIT_RUNTIME, _("no project \"%s\""), code ? code : "");
		return FORM_MISSING;
	}
	return 0;
}

/* ---- saving ---- */

struct toggle_args {
	sqlite3_int64 project;
	const char *expected;
	const char *objectives;   /* the codes to toggle, " "-joined */
};

/* One integer (or -1) from SQL over the project ?1 and the text ?2. */
static sqlite3_int64 one(struct store *st, const char *sql, sqlite3_int64 id, const char *text,
			 struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	sqlite3_int64 v = -1;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text_or_null(stmt, 2, text);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	return store_finish(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err) < 0 ? -1 : v;
}

/* Run SQL over the project ?1 and the objective ?2: the rows it
 * changed, or -1 with ERR. */
static int pair(struct store *st, const char *sql, sqlite3_int64 project, sqlite3_int64 objective,
		struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, project);
	sqlite3_bind_int64(stmt, 2, objective);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? sqlite3_changes(st->db) : store_fail(st, err, _("cannot save"));
}

/* Serve objective CODE of project PROJECT's plan, or no longer.  A
 * change_result, ERR in words. */
static int toggle_one(struct store *st, sqlite3_int64 project, const char *code,
		      struct rm_error *err)
{
	sqlite3_int64 obj;
	int rows;

	obj = one(st, "SELECT coalesce((SELECT o.id FROM objective o JOIN project p"
		  " ON p.plan_id = o.plan_id WHERE p.id = ?1 AND o.code = ?2), 0)", project, code,
		  err);
	if (obj <= 0)
		return obj < 0 ? CHANGE_ERROR
			       : rm_fail(err, RM_EXIT_RUNTIME, _("no objective \"%s\" in this project's plan"),
					 code);
	rows = pair(st, "DELETE FROM project_objective WHERE project_id = ?1 AND objective_id = ?2",
		    project, obj, err);
	if (rows <= 0)
		return rows < 0 ? CHANGE_ERROR : pair(st, "INSERT INTO project_objective(project_id,"
						      " objective_id) VALUES (?1, ?2)", project,
						      obj, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
	return CHANGE_OK;
}

/* Serve each objective of A->objectives of the project's plan, or no
 * longer, if it still serves A->expected. */
static int toggle_work(struct store *st, void *arg, struct rm_error *err)
{
	struct toggle_args *a = arg;
	sqlite3_int64 same;
	sqlite3_stmt *stmt;
	char *list, *tok, *save = NULL;
	int rc = CHANGE_NONE;

	same = one(st, "SELECT coalesce((SELECT " SERVED " FROM project p WHERE p.id = ?1), '')"
		   " = coalesce(?2, '')", a->project, a->expected, err);
	if (same < 0)
		return CHANGE_ERROR;
	if (!same) {
		stmt = store_prepare(st, "SELECT who, at FROM change_log WHERE tbl = 'project_objective'"
				     " AND json_extract(coalesce(new, old), '$.project_id') = ?1"
				     " ORDER BY id DESC LIMIT 1", err);
		if (!stmt)
			return CHANGE_ERROR;
		sqlite3_bind_int64(stmt, 1, a->project);
		return change_blame(stmt, err);
	}
	if (!(list = strdup(a->objectives ? a->objectives : "")))
		return rm_oom(err);
	for (tok = strtok_r(list, " ", &save); tok && rc != CHANGE_ERROR;
	     tok = strtok_r(NULL, " ", &save))
		rc = toggle_one(st, a->project, tok, err);
	free(list);
	return rc;
}

/* Toggle the objectives " "-joined in OBJECTIVES of project PROJECT, as
 * project_toggle_objective does one. */
static int toggle_some(struct store *st, struct undo_log *u, const char *project,
		       const char *expected, const char *objectives, struct rm_error *err)
{
	struct toggle_args a = { 0, expected, objectives };

	a.project = one(st, "SELECT coalesce((SELECT id FROM project WHERE code = ?2), 0)", 0,
			project, err);
	if (a.project < 0)
		return CHANGE_ERROR;
	if (!a.project)
		return rm_fail(err, RM_EXIT_RUNTIME, _("no project \"%s\""), project ? project : "");
	return change_run(st, u, NULL, toggle_work, &a, err);
}

int project_toggle_objective(struct store *st, struct undo_log *u, const char *project,
			     const char *expected, const char *objective, struct rm_error *err)
{
	if (!objective || !*objective || strchr(objective, ' '))
		return rm_fail(err, RM_EXIT_RUNTIME, _("no objective \"%s\" in this project's plan"),
			       objective ? objective : "");
	return toggle_some(st, u, project, expected, objective, err);
}

/* The codes of FROM that are not in OTHER, added to *OUT.  0, or -1
 * when out of memory. */
static int not_in(const char *from, const char *other, char **out)
{
	size_t len;
	char code[200], *next;

	while (from && *(from += strspn(from, " "))) {
		len = strcspn(from, " ");
		snprintf(code, sizeof code, "%.*s", (int)len, from);
		from += len;
		if (form_list_has(other, code))
			continue;
		if (form_list_toggle(*out, code, &next) < 0)
			return -1;
		free(*out);
		*out = next;
	}
	return 0;
}

/* The objectives served as EXPECTED (" "-joined) and not as VALUE, or
 * the other way round: those a save of VALUE toggles, into *OUT
 * (malloc'd; NULL: none).  0, or -1 when out of memory. */
static int differing(const char *expected, const char *value, char **out)
{
	*out = NULL;
	if (not_in(expected, value, out) < 0 || not_in(value, expected, out) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* form_def.save of the objectives served: VALUE the whole list; each
 * objective that differs from EXPECTED toggled, in one step. */
static int save_objectives(const struct form_ctx *ctx, struct undo_log *u,
			   const struct form_record *rec, const char *expected, const char *value,
			   struct rm_error *err)
{
	char *toggles;
	int rc;

	if (differing(expected, value, &toggles) < 0)
		return rm_oom(err);
	rc = toggles ? toggle_some(ctx->st, u, rec->values[P_CODE], expected, toggles, err)
		     : CHANGE_NONE;
	free(toggles);
	return rc;
}

/* A save of VALUE into FIELD that the database would refuse, refused
 * first in words: a code another project has, dates the wrong way round. */
static int refused(const struct form_ctx *ctx, const struct form_record *rec, size_t field,
		   const char *value, struct rm_error *err)
{
	const struct projrec *d = rec->data;
	const char *start = field == P_START ? value : rec->values[P_START];
	const char *end = field == P_END ? value : rec->values[P_END];
	char shown[64];

	if (field == P_CODE && value &&
	    one(ctx->st, "SELECT count(*) FROM project WHERE code = ?2 AND id <> ?1", d->id, value,
		err) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("there is already a project with the code %s"),
			       value);
	if ((field == P_START || field == P_END) && start && end && *start && *end &&
	    strcmp(start, end) > 0) {
		text_format_stored_date(start, ctx->cfg->calendar == CFG_CAL_BUDDHIST, shown,
					sizeof shown);
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("a project cannot end before it starts (it starts %s)"), shown);
	}
	return 0;
}

/* form_def.save */
static int project_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
			size_t field, const char *expected, const char *value, char **current,
			struct rm_error *err)
{
	struct projrec *d = rec->data;
	int rc;

	if (current)
		*current = NULL;
	if (field == P_OBJECTIVES)
		return save_objectives(ctx, u, rec, expected, value, err);
	if (refused(ctx, rec, field, value, err) < 0)
		return FORM_REFUSED;
	rc = change_field(ctx->st, u, project_fields[field].change, d->id, expected, value, current,
			  err);
	if (rc == CHANGE_OK && field == P_CODE && !(rec->renamed_code = strdup(value)))
		return rm_oom(err);
	return rc;
}

/* ---- a new project ---- */

struct make_args {
	const char *plan;
	char *const *values;
	int refused;     /* set: refused for what was typed, not tried again */
};

/* Bind VALUES[i] to ?(i + 1) for the fields that are columns. */
static sqlite3_stmt *insert_stmt(struct store *st, char *const *values, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT INTO project(code, title, office_id, plan_id, fiscal_year, stage, status,"
		" budget, budget_source, start_date, end_date)"
		" VALUES (?1, ?2, (SELECT id FROM office WHERE code = ?3),"
		" (SELECT id FROM plan WHERE code = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11)", err);
	int i;

	for (i = 0; stmt && i < P_OBJECTIVES; i++)
		store_bind_text_or_null(stmt, i + 1, values[i] && *values[i] ? values[i] : NULL);
	return stmt;
}

/* Project ID serves objective CODE of its plan (made a moment ago).
 * SQLITE_DONE, or another code with ERR in words. */
static int serve(struct store *st, sqlite3_int64 id, const char *code, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT OR IGNORE INTO project_objective(project_id, objective_id)"
		" SELECT p.id, o.id FROM project p JOIN objective o ON o.plan_id = p.plan_id"
		" WHERE p.id = ?1 AND o.code = ?2", err);
	int rc;

	if (!stmt)
		return SQLITE_ERROR;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		store_fail(st, err, _("cannot save"));
	else if (!sqlite3_changes(st->db) &&
		 one(st, "SELECT count(*) FROM project_objective x JOIN objective o"
		     " ON o.id = x.objective_id WHERE x.project_id = ?1 AND o.code = ?2", id, code,
		     err) <= 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("no objective \"%s\" in this project's plan"), code);
		rc = SQLITE_ERROR;
	}
	return rc;
}

/* Is the new project of V refused for what was typed: no such office,
 * a code taken, the dates the wrong way round?  1 with ERR in words, 0,
 * or -1 with ERR when the database fails. */
static int new_refused(struct store *st, char *const *v, struct rm_error *err)
{
	sqlite3_int64 n;

	if ((n = one(st, "SELECT count(*) FROM office WHERE code = ?2", 0, v[P_OFFICE], err)) <= 0)
		return n < 0 ? -1 : -rm_fail(err, RM_EXIT_RUNTIME, _("no office \"%s\""),
					     v[P_OFFICE] ? v[P_OFFICE] : "");
	if ((n = one(st, "SELECT count(*) FROM project WHERE code = ?2", 0, v[P_CODE], err)) != 0)
		return n < 0 ? -1 : -rm_fail(err, RM_EXIT_RUNTIME,
					     _("there is already a project with the code %s"),
					     v[P_CODE]);
	if (v[P_START] && v[P_END] && *v[P_START] && *v[P_END] && strcmp(v[P_START], v[P_END]) > 0)
		return -rm_fail(err, RM_EXIT_RUNTIME,
				_("a project cannot end before it starts (it starts %s)"), v[P_START]);
	return 0;
}

static int make_work(struct store *st, void *arg, struct rm_error *err)
{
	struct make_args *a = arg;
	char *const *v = a->values;
	sqlite3_int64 id;
	char *list, *tok, *save = NULL;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = new_refused(st, v, err)) != 0) {
		a->refused = rc > 0;
		return CHANGE_ERROR;
	}
	if (!(stmt = insert_stmt(st, v, err)))
		return CHANGE_ERROR;
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	id = sqlite3_last_insert_rowid(st->db);
	if (!v[P_OBJECTIVES])
		return CHANGE_OK;
	if (!(list = strdup(v[P_OBJECTIVES])))
		return rm_oom(err);
	for (tok = strtok_r(list, " ", &save); tok && rc == SQLITE_DONE;
	     tok = strtok_r(NULL, " ", &save))
		rc = serve(st, id, tok, err);
	free(list);
	return rc == SQLITE_DONE ? CHANGE_OK : CHANGE_ERROR;
}

/* form_def.create: CODE the plan, PART the objective the new project
 * serves (both may be NULL: a project of no plan). */
static int project_create(const struct form_ctx *ctx, struct undo_log *u, const char *code,
			  const char *part, char *const *values, char **new_code, char **new_part,
			  struct rm_error *err)
{
	struct make_args a = { code, values, 0 };
	int rc;

	(void)part;
	*new_code = *new_part = NULL;
	rc = change_run(ctx->st, u, NULL, make_work, &a, err);
	if (rc != CHANGE_OK)
		return a.refused ? FORM_REFUSED : CHANGE_ERROR;
	if (!(*new_code = strdup(values[P_CODE])))
		return rm_oom(err);
	return CHANGE_OK;
}

/* form_def.defaults: this office (else the plan's), the plan CODE, this
 * fiscal year, planned, in preparation, serving objective PART; a code
 * of the office and the year that is free ("KKN-PHO-70"). */
static int project_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			    char **values, struct rm_error *err)
{
	struct text_date today;
	char base[96], year[16];
	const char *office = ctx->cfg->office_code;
	sqlite3_stmt *stmt;
	int fy, rc;

	text_today(&today);
	fy = text_fiscal_year(&today);
	snprintf(year, sizeof year, "%d", fy);
	stmt = store_prepare(ctx->st, "SELECT o.code FROM plan p JOIN office o ON o.id = p.office_id"
			     " WHERE p.code = ?1 AND NOT EXISTS (SELECT 1 FROM office WHERE code = ?2)",
			     err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code ? code : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, office ? office : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && form_copy(&values[P_OFFICE], (const char *)sqlite3_column_text(stmt, 0)) < 0)
		rc = SQLITE_NOMEM;
	if (store_finish(ctx->st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err) < 0)
		return -1;
	snprintf(base, sizeof base, "%s-%02d", values[P_OFFICE] ? values[P_OFFICE] : office ? office : "P",
		 fy % 100);
	if ((!values[P_OFFICE] && form_copy(&values[P_OFFICE], office) < 0) ||
	    store_unique_code(ctx->st, "project", base, &values[P_CODE], err) < 0)
		return values[P_CODE] ? -1 : rm_oom(err);
	if (form_copy(&values[P_PLAN], code) < 0 || form_copy(&values[P_FY], year) < 0 ||
	    form_copy(&values[P_STAGE], "preparation") < 0 || form_copy(&values[P_STATUS], "planned") < 0 ||
	    form_copy(&values[P_OBJECTIVES], part) < 0)
		return rm_oom(err);
	return 0;
}

const struct form_def project_form_def = {
	.title = N_("project"),
	.fields = project_fields,
	.nfields = P_FIELDS,
	.first = P_TITLE,
	.missing_note = N_("This project is no longer there (someone deleted it)."),
	.missing_save = N_("this project is no longer there: someone deleted it meanwhile"),
	.load = project_load,
	.save = project_save,
	.free_data = free,
	.create = project_create,
	.defaults = project_defaults,
};
