/* indicator.c - an objective's indicators as a grid of fiscal years
 * (indicator.h): reading it, saving a cell (its row made when the year has
 * none), adding and deleting an indicator or a fiscal year, renaming. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/indicator.h"
#include "routemap/text.h"

/* A REAL column as text_format_number writes it ("42", "73.5"). */
#define NUMBER_OF(col) "iif(" col " IS NULL, NULL, printf('%.15g', " col "))"

/* The unit of indicator ?2 of objective ?1: that of its first row that has one. */
#define UNIT_OF \
	"(SELECT unit FROM indicator WHERE objective_id = ?1 AND name = ?2" \
	" AND unit IS NOT NULL ORDER BY id LIMIT 1)"

void indicator_grid_free(struct indicator_grid *g)
{
	size_t i, y;
	int k;

	for (i = 0; i < g->n; i++) {
		for (y = 0; g->v[i].cells && y < g->nyears; y++)
			for (k = 0; k < IND_VALUES; k++)
				free(g->v[i].cells[y].value[k]);
		free(g->v[i].cells);
		free(g->v[i].name);
		free(g->v[i].unit);
	}
	free(g->v);
	free(g->years);
	memset(g, 0, sizeof *g);
}

int indicator_year_column(const struct indicator_grid *g, int year)
{
	size_t i;

	for (i = 0; i < g->nyears; i++)
		if (g->years[i] == year)
			return (int)i;
	return -1;
}

const char *indicator_field(enum indicator_value which)
{
	static const char *const names[IND_VALUES] = {
		"indicator.baseline", "indicator.target", "indicator.result",
	};

	return names[which];
}

/* The objective's id into G, or ERR in words. */
static int find_objective(struct store *st, const char *plan, const char *code,
			  struct indicator_grid *g, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT o.id FROM objective o JOIN plan p"
					   " ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, plan, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		g->objective = sqlite3_column_int64(stmt, 0);
	if (store_finish(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err) < 0)
		return -1;
	if (!g->objective)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: no objective \"%s\" in plan \"%s\""),
			       st->path, code, plan);
	return 0;
}

/* The years of the grid: those of its rows and THIS_YEAR. */
static int load_years(struct store *st, struct indicator_grid *g, int this_year,
		      struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT fiscal_year FROM indicator"
					   " WHERE objective_id = ?1 AND fiscal_year IS NOT NULL"
					   " UNION SELECT ?2 ORDER BY 1", err);
	int rc = SQLITE_DONE, o = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, g->objective);
	sqlite3_bind_int(stmt, 2, this_year);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int *y = array_grow(&g->years, &g->nyears, sizeof *y);

		if (!y) {
			o = 1;
			break;
		}
		*y = sqlite3_column_int(stmt, 0);
	}
	return store_finish(st, stmt, rc, o, err);
}

/* The indicators, one line each, in the order they were made. */
static int load_lines(struct store *st, struct indicator_grid *g, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT i.name, (SELECT unit FROM indicator j WHERE j.objective_id = ?1"
		"  AND j.name = i.name AND j.unit IS NOT NULL ORDER BY j.id LIMIT 1)"
		" FROM indicator i WHERE i.objective_id = ?1 GROUP BY i.name ORDER BY min(i.id)", err);
	int rc = SQLITE_DONE, o = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, g->objective);
	while (!o && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct indicator_line *l = array_grow(&g->v, &g->n, sizeof *l);

		if (!l || !(l->cells = calloc(g->nyears, sizeof *l->cells))) {
			o = 1;
			break;
		}
		l->name = store_col_dup(stmt, 0, &o);
		l->unit = store_col_dup(stmt, 1, &o);
	}
	return store_finish(st, stmt, rc, o, err);
}

/* Each row into its cell. */
static int load_cells(struct store *st, struct indicator_grid *g, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT name, fiscal_year, id, " NUMBER_OF("baseline") ", " NUMBER_OF("target") ", "
		NUMBER_OF("result") " FROM indicator WHERE objective_id = ?1"
		" AND fiscal_year IS NOT NULL", err);
	int rc = SQLITE_DONE, o = 0, k;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, g->objective);
	while (!o && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);
		int y = indicator_year_column(g, sqlite3_column_int(stmt, 1));
		size_t i;

		for (i = 0; i < g->n && strcmp(g->v[i].name, name ? name : "") != 0; i++)
			;
		if (i == g->n || y < 0)
			continue;
		g->v[i].cells[y].id = sqlite3_column_int64(stmt, 2);
		for (k = 0; k < IND_VALUES; k++)
			g->v[i].cells[y].value[k] = store_col_dup(stmt, 3 + k, &o);
	}
	return store_finish(st, stmt, rc, o, err);
}

int indicator_grid_load(struct store *st, const char *plan, const char *code, int this_year,
			struct indicator_grid *g, struct rm_error *err)
{
	int began;

	memset(g, 0, sizeof *g);
	began = store_read_begin(st);
	if (find_objective(st, plan, code, g, err) < 0 || load_years(st, g, this_year, err) < 0 ||
	    load_lines(st, g, err) < 0 || load_cells(st, g, err) < 0) {
		store_read_end(st, began);
		indicator_grid_free(g);
		return -1;
	}
	store_read_end(st, began);
	return 0;
}

/* ---- changes ---- */

/* SQL prepared over objective ?1, name ?2 (NULL: none), year ?3 (0:
 * none) and text ?4 (NULL: none); NULL with ERR when it cannot be. */
static sqlite3_stmt *prep(struct store *st, const char *sql, sqlite3_int64 objective,
			  const char *name, int year, const char *text, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);

	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, objective);
	store_bind_text_or_null(stmt, 2, name);
	if (year)
		sqlite3_bind_int(stmt, 3, year);
	store_bind_text_or_null(stmt, 4, text);
	return stmt;
}

/* One statement over those parameters; the rows it changed into
 * *CHANGED (may be NULL). */
static int run(struct store *st, const char *sql, sqlite3_int64 objective, const char *name,
	       int year, const char *text, int *changed, struct rm_error *err)
{
	sqlite3_stmt *stmt = prep(st, sql, objective, name, year, text, err);
	int rc;

	if (!stmt)
		return -1;
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	if (changed)
		*changed = sqlite3_changes(st->db);
	return 0;
}

/* One integer from SQL over the same parameters. */
static int count(struct store *st, const char *sql, sqlite3_int64 objective, const char *name,
		 int year, const char *text, sqlite3_int64 *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = prep(st, sql, objective, name, year, text, err);
	int rc;

	if (!stmt)
		return -1;
	rc = sqlite3_step(stmt);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	return store_finish(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err);
}

struct cell_args {
	sqlite3_int64 objective;
	const char *name;
	int year;
};

/* change_make_fn: the row of the cell, made when the year has none. */
static int make_cell(struct store *st, void *arg, sqlite3_int64 *id, struct rm_error *err)
{
	struct cell_args *a = arg;
	sqlite3_int64 n;

	if (count(st, "SELECT coalesce((SELECT id FROM indicator WHERE objective_id = ?1"
		  " AND name = ?2 AND fiscal_year = ?3), 0)", a->objective, a->name, a->year, NULL,
		  id, err) < 0)
		return -1;
	if (*id)
		return 0;
	if (count(st, "SELECT count(*) FROM indicator WHERE objective_id = ?1 AND name = ?2",
		  a->objective, a->name, 0, NULL, &n, err) < 0)
		return -1;
	if (!n)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("the indicator \"%s\" is no longer there: someone deleted it"), a->name);
	if (run(st, "INSERT INTO indicator(objective_id, name, unit, fiscal_year)"
		" VALUES (?1, ?2, " UNIT_OF ", ?3)", a->objective, a->name, a->year, NULL, NULL,
		err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int indicator_cell_save(struct store *st, struct undo_log *u, sqlite3_int64 objective,
			const char *name, int year, enum indicator_value which,
			const char *expected, const char *value, char **current,
			struct rm_error *err)
{
	struct cell_args a = { objective, name, year };
	char merge[64];

	/* saves of one cell while the user stays in it merge */
	snprintf(merge, sizeof merge, "%lld/%d/%.20s", (long long)objective, year, name);
	return change_field_make(st, u, indicator_field(which), make_cell, &a, merge, expected,
				 value, current, NULL, err);
}

struct add_args {
	sqlite3_int64 objective;
	const char *name, *unit;
	int year;
};

static int add_work(struct store *st, void *arg, struct rm_error *err)
{
	struct add_args *a = arg;
	sqlite3_int64 n;

	if (count(st, "SELECT count(*) FROM indicator WHERE objective_id = ?1 AND name = ?2",
		  a->objective, a->name, 0, NULL, &n, err) < 0)
		return CHANGE_ERROR;
	if (n)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("this objective already has an indicator \"%s\""), a->name);
	if (run(st, "INSERT INTO indicator(objective_id, name, fiscal_year, unit)"
		" VALUES (?1, ?2, ?3, ?4)", a->objective, a->name, a->year, a->unit, NULL, err) < 0)
		return CHANGE_ERROR;
	return CHANGE_OK;
}

int indicator_add(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		  const char *name, const char *unit, int year, struct rm_error *err)
{
	struct add_args a = { objective, name, unit && *unit ? unit : NULL, year };

	if (!name || !*name)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("a value is required here"));
	return change_run(st, u, NULL, add_work, &a, err);
}

static int add_year_work(struct store *st, void *arg, struct rm_error *err)
{
	struct add_args *a = arg;
	sqlite3_int64 n;
	int changed;

	if (count(st, "SELECT count(*) FROM indicator WHERE objective_id = ?1", a->objective, NULL,
		  0, NULL, &n, err) < 0)
		return CHANGE_ERROR;
	if (!n)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("no indicator yet: add an indicator first, then its fiscal years"));
	if (run(st, "INSERT INTO indicator(objective_id, name, unit, fiscal_year)"
		" SELECT ?1, i.name, (SELECT unit FROM indicator j WHERE j.objective_id = ?1"
		"  AND j.name = i.name AND j.unit IS NOT NULL ORDER BY j.id LIMIT 1), ?3"
		" FROM indicator i WHERE i.objective_id = ?1 GROUP BY i.name"
		" HAVING sum(i.fiscal_year IS ?3) = 0 ORDER BY min(i.id)",
		a->objective, NULL, a->year, NULL, &changed, err) < 0)
		return CHANGE_ERROR;
	if (!changed)
		return rm_fail(err, RM_EXIT_RUNTIME, _("fiscal year %d is already there"), a->year);
	return CHANGE_OK;
}

int indicator_add_year(struct store *st, struct undo_log *u, sqlite3_int64 objective, int year,
		       struct rm_error *err)
{
	struct add_args a = { objective, NULL, NULL, year };

	return change_run(st, u, NULL, add_year_work, &a, err);
}

static int delete_work(struct store *st, void *arg, struct rm_error *err)
{
	struct add_args *a = arg;
	int changed;

	if (run(st, a->name ? "DELETE FROM indicator WHERE objective_id = ?1 AND name = ?2"
			    : "DELETE FROM indicator WHERE objective_id = ?1 AND fiscal_year = ?3",
		a->objective, a->name, a->year, NULL, &changed, err) < 0)
		return CHANGE_ERROR;
	return changed ? CHANGE_OK : CHANGE_NONE;
}

int indicator_delete(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		     const char *name, struct rm_error *err)
{
	struct add_args a = { objective, name, NULL, 0 };

	return change_run(st, u, NULL, delete_work, &a, err);
}

int indicator_delete_year(struct store *st, struct undo_log *u, sqlite3_int64 objective,
			  int year, struct rm_error *err)
{
	struct add_args a = { objective, NULL, NULL, year };

	return change_run(st, u, NULL, delete_work, &a, err);
}

struct line_args {
	sqlite3_int64 objective;
	const char *name, *field, *expected, *value;
};

/* Someone changed the indicator's rows meanwhile: who, when. */
static int line_conflict(struct store *st, sqlite3_int64 objective, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT who, at FROM change_log WHERE tbl = 'indicator'"
					   " AND json_extract(coalesce(new, old), '$.objective_id') = ?1"
					   " ORDER BY id DESC LIMIT 1", err);

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, objective);
	return change_blame(stmt, err);
}

static int line_work(struct store *st, void *arg, struct rm_error *err)
{
	struct line_args *a = arg;
	int unit = strcmp(a->field, "unit") == 0, changed;
	sqlite3_int64 n;

	if (count(st, unit ? "SELECT count(*) FROM indicator WHERE objective_id = ?1 AND name = ?2"
			     " AND coalesce(" UNIT_OF ", '') = coalesce(?4, '')"
			   : "SELECT count(*) FROM indicator WHERE objective_id = ?1 AND name = ?2",
		  a->objective, a->name, 0, a->expected, &n, err) < 0)
		return CHANGE_ERROR;
	if (!n)
		return line_conflict(st, a->objective, err);
	if (!unit && strcmp(a->name, a->value) != 0) {
		if (count(st, "SELECT count(*) FROM indicator WHERE objective_id = ?1 AND name = ?2",
			  a->objective, a->value, 0, NULL, &n, err) < 0)
			return CHANGE_ERROR;
		if (n)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("this objective already has an indicator \"%s\""), a->value);
	}
	if (run(st, unit ? "UPDATE indicator SET unit = ?4 WHERE objective_id = ?1 AND name = ?2"
			   " AND unit IS NOT ?4"
			 : "UPDATE indicator SET name = ?4 WHERE objective_id = ?1 AND name = ?2"
			   " AND name <> ?4",
		a->objective, a->name, 0, a->value, &changed, err) < 0)
		return CHANGE_ERROR;
	return changed ? CHANGE_OK : CHANGE_NONE;
}

int indicator_set_line(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		       const char *name, const char *field, const char *expected,
		       const char *value, struct rm_error *err)
{
	struct line_args a = { objective, name, field, expected, value && *value ? value : NULL };

	if (strcmp(field, "name") == 0 && (!a.value || strcmp(expected ? expected : "", name) != 0))
		return !a.value ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("a value is required here"))
				: rm_fail(err, RM_EXIT_RUNTIME, "%s",
					  _("changed meanwhile by someone else; nothing was overwritten"));
	return change_run(st, u, NULL, line_work, &a, err);
}

int indicator_parse_year(const char *typed, int *year, struct rm_error *err)
{
	long long v;

	if (form_parse_year(typed, &v, err) < 0)
		return -1;
	*year = (int)v;
	return 0;
}
