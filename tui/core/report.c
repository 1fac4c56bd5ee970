/* report.c - the registry of reports, building their tables, and what
 * every report shares: the scope of offices, days and norm set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "report_int.h"

static const struct report_def defs[] = {
	{ "coverage", N_("Coverage across units"), REPORT_OFFICE | REPORT_SET | REPORT_FY | REPORT_DAYS,
	  report_fill_coverage },
	{ "items", N_("Norm items: how units answered"),
	  REPORT_OFFICE | REPORT_SET | REPORT_FY | REPORT_DAYS, report_fill_items },
	{ "support", N_("Support requested and agreed"),
	  REPORT_OFFICE | REPORT_SET | REPORT_FY | REPORT_DAYS, report_fill_support },
	{ "followups", N_("Open and overdue follow-up actions"), REPORT_FY | REPORT_DAYS,
	  report_fill_followups },
	{ "indicators", N_("Indicators on track"), REPORT_OFFICE | REPORT_FY,
	  report_fill_indicators },
	{ "success", N_("Success factors: what successful units meet"), REPORT_SET | REPORT_RANK,
	  report_fill_success },
};

const struct report_def *report_defs(size_t *n)
{
	*n = sizeof defs / sizeof defs[0];
	return defs;
}

const struct report_def *report_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof defs / sizeof defs[0]; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

void report_fy_days(int year, char *from, char *to)
{
	unsigned ce = (unsigned)(year - 543) % 10000u;

	snprintf(from, 11, "%04u-10-01", (ce + 9999u) % 10000u);
	snprintf(to, 11, "%04u-09-30", ce);
}

void report_bind_scope(sqlite3_stmt *stmt, const struct report_filter *f, sqlite3_int64 set_id)
{
	char from[11], to[11];
	const char *lo = f->from[0] ? f->from : NULL, *hi = f->to[0] ? f->to : NULL;

	/* a fiscal year and a span of days: the days in both */
	if (f->fy) {
		report_fy_days(f->fy, from, to);
		if (!lo || strcmp(from, lo) > 0)
			lo = from;
		if (!hi || strcmp(to, hi) < 0)
			hi = to;
	}
	store_bind_text_or_null(stmt, 1, f->office);
	store_bind_text_or_null(stmt, 2, lo);
	store_bind_text_or_null(stmt, 3, hi);
	if (set_id)
		sqlite3_bind_int64(stmt, 4, set_id);
	else
		sqlite3_bind_null(stmt, 4);
}

int report_set_id(struct store *st, const struct report_filter *f, sqlite3_int64 *id,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	*id = 0;
	if (!f->set)
		return 0;
	stmt = store_prepare(st,
		"SELECT id FROM norm_set WHERE code = ?1 AND version = CASE WHEN ?2 > 0 THEN ?2"
		" ELSE (SELECT max(version) FROM norm_set WHERE code = ?1 AND issued IS NOT NULL) END",
		err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, f->set, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, f->version);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the norm sets"));
	if (*id)
		return 0;
	if (f->version > 0)
		return rm_fail(err, RM_EXIT_USAGE, f->screen
			       ? _("norm set %s:%d: there is no such version of that norm set")
			       : _("--set %s:%d: there is no such version of that norm set"),
			       f->set, f->version);
	return rm_fail(err, RM_EXIT_USAGE, f->screen
		       ? _("norm set %s: no norm set of that code has an issued version")
		       : _("--set %s: no norm set of that code has an issued version"), f->set);
}

int report_sets(struct store *st, const struct report_filter *f, struct report_set **sets,
		size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 id;
	int rc, oom = 0;

	*sets = NULL;
	*n = 0;
	if (report_set_id(st, f, &id, err) < 0)
		return -1;
	stmt = store_prepare(st, REPORT_UNDER
		" SELECT s.id, s.code, s.title, s.version, s.scale = 'levels' FROM norm_set s"
		" WHERE s.id = ?4 OR (?4 IS NULL AND EXISTS (SELECT 1 FROM assessment a"
		"  WHERE a.set_id = s.id AND " REPORT_IN_SCOPE("a") "))"
		" ORDER BY s.code, s.version DESC", err);
	if (!stmt)
		return -1;
	report_bind_scope(stmt, f, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_set *s = array_grow(sets, n, sizeof **sets);

		if (!s) {
			oom = 1;
			break;
		}
		s->id = sqlite3_column_int64(stmt, 0);
		s->code = store_col_dup(stmt, 1, &oom);
		s->title = store_col_dup(stmt, 2, &oom);
		s->version = sqlite3_column_int(stmt, 3);
		s->levels = sqlite3_column_int(stmt, 4);
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		report_sets_free(*sets, *n);
		*sets = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void report_sets_free(struct report_set *sets, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(sets[i].code);
		free(sets[i].title);
	}
	free(sets);
}

int report_check(struct store *st, const struct report_def *def, const struct report_filter *f,
		 struct rm_error *err)
{
	sqlite3_int64 id;
	sqlite3_stmt *stmt;
	int rc, found;

	if (f->from[0] && f->to[0] && strcmp(f->from, f->to) > 0)
		return rm_fail(err, RM_EXIT_USAGE, "%s", f->screen
			       ? _("the last day is before the first; the span would hold no day")
			       : _("--to is before --from; the span would hold no day"));
	if (def->takes & REPORT_SET && report_set_id(st, f, &id, err) < 0)
		return -1;
	if (!f->office)
		return 0;
	stmt = store_prepare(st, "SELECT 1 FROM office WHERE code = ?1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, f->office, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	found = rc == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the offices"));
	if (!found)
		return rm_fail(err, RM_EXIT_USAGE, f->screen
			       ? _("office %s: there is no office of that code")
			       : _("--office %s: there is no office of that code"), f->office);
	return 0;
}

int report_run(struct store *st, const struct config *cfg, const struct report_def *def,
	       const struct report_filter *f, struct report *r, struct rm_error *err)
{
	int began, rc;

	memset(r, 0, sizeof *r);
	r->def = def;
	/* one snapshot: every table as the data stood together */
	began = store_read_begin(st);
	rc = report_check(st, def, f, err);
	if (rc == 0)
		rc = def->fill(st, cfg, f, r, err);
	store_read_end(st, began);
	if (rc == 0 && !r->title)
		r->title = strdup(_(def->title));
	if (rc == 0 && (r->oom || !r->title))
		rc = rm_oom(err);
	if (rc < 0)
		report_free(r);
	return rc;
}

static void table_free_cells(struct report_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++) {
		free(t->cells[i].text);
		free(t->cells[i].code);
	}
	free(t->cells);
	free(t->sheet);
	free(t->title);
}

void report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->ntables; i++)
		table_free_cells(&r->tables[i]);
	free(r->tables);
	free(r->title);
	memset(r, 0, sizeof *r);
}

struct report_table *report_table_add(struct report *r, const char *sheet, const char *title,
				      const struct report_col *cols, size_t ncols)
{
	struct report_table *t = array_grow(&r->tables, &r->ntables, sizeof *t);

	if (!t) {
		r->oom = 1;
		return NULL;
	}
	t->cols = cols;
	t->ncols = ncols;
	t->sheet = strdup(sheet);
	t->title = title ? strdup(title) : NULL;
	if (!t->sheet || (title && !t->title)) {
		r->oom = 1;
		return NULL;
	}
	return t;
}

struct report_cell *report_row_add(struct report_table *t)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct report_cell *c = realloc(t->cells, cap * t->ncols * sizeof *c);

		if (!c)
			return NULL;
		t->cells = c;
		t->cap = cap;
	}
	memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof *t->cells);
	return &t->cells[t->nrows++ * t->ncols];
}

int report_set_text(struct report_cell *c, const char *text, const char *code)
{
	c->text = text ? strdup(text) : NULL;
	c->code = code ? strdup(code) : NULL;
	return (text && !c->text) || (code && !c->code) ? -1 : 0;
}

void report_set_value(struct report_cell *c, double value)
{
	c->value = value;
	c->has = 1;
}
