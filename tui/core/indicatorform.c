/* indicatorform.c - the fields of an indicator (form.h): its name and
 * unit as a form, made for this fiscal year and renamed through every
 * year of it; and the three numbers of a cell of the grid, checked as a
 * form checks numbers (Thai digits accepted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/indicator.h"
#include "routemap/text.h"

const struct form_field indicator_value_fields[IND_VALUES] = {
	{ "baseline", N_("baseline"), FIELD_NUMBER, 0, "indicator.baseline", NULL, NULL, 20 },
	{ "target", N_("target"), FIELD_NUMBER, 0, "indicator.target", NULL, NULL, 20 },
	{ "result", N_("result"), FIELD_NUMBER, 0, "indicator.result", NULL, NULL, 20 },
};

enum { F_NAME, F_UNIT, F_FIELDS };

static const struct form_field line_fields[F_FIELDS] = {
	{ "name", N_("indicator"), FIELD_LINE, 1, "indicator.name", NULL, NULL, 400 },
	{ "unit", N_("unit of measure"), FIELD_LINE, 0, "indicator.unit", NULL, NULL, 60 },
};

/* What the form keeps: the objective, and the name it loaded by. */
struct linerec {
	sqlite3_int64 objective;
	char *plan, *code;
};

static void line_free(void *data)
{
	struct linerec *d = data;

	if (d) {
		free(d->plan);
		free(d->code);
	}
	free(d);
}

/* PART "OBJECTIVE NAME": the objective's code, then the indicator's name. */
static int split(const char *part, char **objective, const char **name)
{
	const char *sp = part ? strchr(part, ' ') : NULL;

	*objective = NULL;
	*name = sp ? sp + 1 : "";
	if (!part)
		return 0;
	*objective = sp ? strndup(part, (size_t)(sp - part)) : strdup(part);
	return *objective ? 0 : -1;
}

/* form_def.load: CODE the plan, PART "OBJECTIVE NAME". */
static int line_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	struct indicator_grid g;
	struct linerec *d;
	const char *name;
	char *objective;
	size_t i;

	if (split(part, &objective, &name) < 0)
		return rm_oom(err);
	if (indicator_grid_load(ctx->st, code ? code : "", objective ? objective : "", 0, &g, err) < 0) {
		free(objective);
		return FORM_MISSING;
	}
	for (i = 0; i < g.n && strcmp(g.v[i].name, name) != 0; i++)
		;
	if (i == g.n) {
		indicator_grid_free(&g);
		free(objective);
		rm_fail(err, RM_EXIT_RUNTIME, _("the indicator \"%s\" is no longer there: someone "
						"deleted it"), name);
		return FORM_MISSING;
	}
	d = calloc(1, sizeof *d);
	rec->data = d;
	rec->values = calloc(F_FIELDS, sizeof *rec->values);
	rec->nvalues = F_FIELDS;
	if (d) {
		d->objective = g.objective;
		d->code = objective;
		objective = NULL;
		d->plan = code ? strdup(code) : NULL;
	}
	free(objective);
	if (!d || !rec->values || !(rec->values[F_NAME] = strdup(g.v[i].name)) ||
	    (g.v[i].unit && !(rec->values[F_UNIT] = strdup(g.v[i].unit)))) {
		indicator_grid_free(&g);
		form_record_free(&indicator_form_def, rec);
		return rm_oom(err);
	}
	indicator_grid_free(&g);
	return 0;
}

/* form_def.save: the name or the unit, every year of it. */
static int line_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	struct linerec *d = rec->data;
	size_t len;
	char *part;
	int rc;

	if (current)
		*current = NULL;
	rc = indicator_set_line(ctx->st, u, d->objective, rec->values[F_NAME],
				field == F_NAME ? "name" : "unit", expected, value, err);
	if (rc != CHANGE_OK || field != F_NAME)
		return rc;
	/* loaded by its new name from now on */
	len = strlen(d->code) + strlen(value) + 2;
	if (!(part = malloc(len)))
		return rm_oom(err);
	snprintf(part, len, "%s %s", d->code, value);
	rec->renamed_part = part;
	return rc;
}

/* form_def.create: CODE the plan, PART the objective; a row for this
 * fiscal year. */
static int line_create(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		       const char *part, char *const *values, char **new_code, char **new_part,
		       struct rm_error *err)
{
	struct indicator_grid g;
	struct text_date today;
	size_t len;
	int rc;

	*new_code = *new_part = NULL;
	text_today(&today);
	if (indicator_grid_load(ctx->st, code ? code : "", part ? part : "", 0, &g, err) < 0)
		return CHANGE_ERROR;
	rc = indicator_add(ctx->st, u, g.objective, values[F_NAME], values[F_UNIT],
			   text_fiscal_year(&today), err);
	indicator_grid_free(&g);
	if (rc != CHANGE_OK)
		return CHANGE_ERROR;
	len = strlen(part) + strlen(values[F_NAME]) + 2;
	if (!(*new_code = strdup(code)) || !(*new_part = malloc(len)))
		return rm_oom(err);
	snprintf(*new_part, len, "%s %s", part, values[F_NAME]);
	return CHANGE_OK;
}

const struct form_def indicator_form_def = {
	.title = N_("indicator"),
	.fields = line_fields,
	.nfields = F_FIELDS,
	.missing_note = N_("This indicator is no longer there (someone deleted it)."),
	.missing_save = N_("this indicator is no longer there: someone deleted it meanwhile"),
	.load = line_load,
	.save = line_save,
	.free_data = line_free,
	.create = line_create,
};
