/* slmform.c - an objective's SLM row as a form (form.h): one text field
 * per column of the office's [slm] section, so the field table is built
 * from the settings when the form is first asked for.  A cell is made in
 * the same step as its first save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/form.h"
#include "routemap/i18n.h"

/* What the form keeps of the objective. */
struct slmrec {
	sqlite3_int64 objective;
	const struct config *cfg;
};

static int slm_load(const struct form_ctx *ctx, const char *code, const char *part,
		    struct form_record *rec, struct rm_error *err);
static int slm_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		    size_t field, const char *expected, const char *value, char **current,
		    struct rm_error *err);

/* The form of the settings it was last built for (one office a run). */
static struct form_def slm_def = {
	.title = N_("SLM row"),
	.missing_note = N_("This objective is no longer there (someone deleted it)."),
	.missing_save = N_("this objective is no longer there: someone deleted it meanwhile"),
	.load = slm_load,
	.save = slm_save,
	.free_data = free,
};
static const struct config *slm_cfg;

const struct form_def *slm_form_def(const struct config *cfg)
{
	static struct form_field *fields;
	size_t i, n = cfg->slm_columns.n;
	struct form_field *f;

	if (slm_cfg == cfg && fields)
		return &slm_def;
	if (!(f = calloc(n ? n : 1, sizeof *f)))
		return NULL;
	for (i = 0; i < n; i++) {
		f[i].name = cfg->slm_columns.v[i].code;
		f[i].label = cfg->slm_columns.v[i].label;   /* the INI's words, shown as they are */
		f[i].type = FIELD_TEXT;
		f[i].change = "slm_cell.text";
		f[i].max_chars = 4000;
	}
	free(fields);
	fields = f;
	slm_def.fields = fields;
	slm_def.nfields = n;
	slm_cfg = cfg;
	return &slm_def;
}

/* The objective's id, and each column's text. */
static int slm_read(const struct form_ctx *ctx, const char *plan, const char *code,
		    struct form_record *rec, struct rm_error *err)
{
	struct slmrec *d = rec->data;
	sqlite3_stmt *stmt = store_prepare(ctx->st,
		"SELECT o.id, c.column_key, c.text FROM objective o JOIN plan p ON p.id = o.plan_id"
		" LEFT JOIN slm_cell c ON c.objective_id = o.id WHERE p.code = ?1 AND o.code = ?2", err);
	int rc = SQLITE_DONE, o = 0;
	size_t i;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, plan ? plan : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, code ? code : "", -1, SQLITE_STATIC);
	while (!o && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(stmt, 1);

		d->objective = sqlite3_column_int64(stmt, 0);
		for (i = 0; col && i < rec->nvalues; i++)
			if (strcmp(slm_def.fields[i].name, col) == 0 && !rec->values[i])
				rec->values[i] = store_col_dup(stmt, 2, &o);
	}
	return store_finish(ctx->st, stmt, rc, o, err);
}

/* form_def.load: CODE the plan, PART the objective. */
static int slm_load(const struct form_ctx *ctx, const char *code, const char *part,
		    struct form_record *rec, struct rm_error *err)
{
	struct slmrec *d = calloc(1, sizeof *d);

	rec->data = d;
	rec->values = calloc(slm_def.nfields ? slm_def.nfields : 1, sizeof *rec->values);
	if (!d || !rec->values) {
		form_record_free(&slm_def, rec);
		return rm_oom(err);
	}
	rec->nvalues = slm_def.nfields;
	d->cfg = ctx->cfg;
	if (slm_read(ctx, code, part, rec, err) < 0) {
		form_record_free(&slm_def, rec);
		return -1;
	}
	if (!d->objective) {
		form_record_free(&slm_def, rec);
		rm_fail(err, RM_EXIT_RUNTIME, _("no objective \"%s\" in plan \"%s\""), part ? part : "",
			code ? code : "");
		return FORM_MISSING;
	}
	rec->history_table = "objective";
	rec->history_row = d->objective;
	if (!(rec->history_title = strdup(part ? part : ""))) {
		form_record_free(&slm_def, rec);
		return rm_oom(err);
	}
	return 0;
}

struct cell_key {
	sqlite3_int64 objective;
	const char *column;
};

/* change_make_fn: the cell of the column, made empty when there is none. */
static int make_cell(struct store *st, void *arg, sqlite3_int64 *id, struct rm_error *err)
{
	struct cell_key *k = arg;
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT INTO slm_cell(objective_id, column_key, text) VALUES (?1, ?2, '')"
		" ON CONFLICT (objective_id, column_key) DO NOTHING", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, k->objective);
	sqlite3_bind_text(stmt, 2, k->column, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	stmt = store_prepare(st, "SELECT id FROM slm_cell WHERE objective_id = ?1 AND column_key = ?2",
			     err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, k->objective);
	sqlite3_bind_text(stmt, 2, k->column, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	return store_finish(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err);
}

/* form_def.save: into the column's cell, made in the same step. */
static int slm_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		    size_t field, const char *expected, const char *value, char **current,
		    struct rm_error *err)
{
	struct slmrec *d = rec->data;
	struct cell_key k = { d->objective, slm_def.fields[field].name };
	char merge[96];

	if (current)
		*current = NULL;
	if (!(expected && *expected) && !(value && *value) && !rec->values[field])
		return CHANGE_NONE;   /* nothing there, nothing typed: no empty cell made */
	snprintf(merge, sizeof merge, "%lld/%.60s", (long long)d->objective, k.column);
	return change_field_make(ctx->st, u, "slm_cell.text", make_cell, &k, merge, expected, value,
				 current, NULL, err);
}
