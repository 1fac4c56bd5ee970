/* report_units.c - the reports over many units' assessments of one norm
 * set version: coverage (each assessment's coverage and rank, best first,
 * then how many reached each rank) and items (per item, how the units
 * answered, weakest first).  Each reads the tallies and counts in SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "report_int.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const struct report_col unit_cols[] = {
	{ RT_TEXT, "office", N_("unit") },
	{ RT_TEXT, "name", N_("name") },
	{ RT_TEXT, "assessment", N_("assessment") },
	{ RT_DATE, "assessed_on", N_("assessed on") },
	{ RT_COUNT, "items", N_("items") },
	{ RT_COUNT, "answered", N_("answered") },
	{ RT_PERCENT, "coverage", N_("coverage") },
	{ RT_RANK, "rank", N_("rank") },
};

static const struct report_col rank_cols[] = {
	{ RT_RANK, "rank", N_("rank") },
	{ RT_COUNT, "assessments", N_("assessments") },
	{ RT_PERCENT, "share", N_("share") },
	{ RT_BAR, "bar", NULL },
};

/* The two tables of set S: its assessments in scope, best first, and
 * how many reached each rank.  0, or -1 with ERR. */
static int coverage_of(struct store *st, const struct config *cfg, const struct report_filter *f,
		       const struct report_set *s, struct report *r, struct rm_error *err)
{
	char sheet[128], title[512];
	struct report_table *t, *ranks;
	sqlite3_stmt *stmt;
	long counts[6] = { 0 }, most = 0, ranked = 0;
	int rc, k;

	snprintf(sheet, sizeof sheet, _("%s version %d"), s->code, s->version);
	snprintf(title, sizeof title, _("%s version %d: %s"), s->code, s->version, s->title);
	t = report_table_add(r, sheet, title, unit_cols, N(unit_cols));
	if (!t)
		return rm_oom(err);
	t->sheet_code = strlen(s->code);
	stmt = store_prepare(st, REPORT_UNDER
		" SELECT o.code, coalesce(o.short_name, o.name), a.code, a.assessed_on, t.items,"
		"  t.answered, t.share"
		" FROM assessment a JOIN office o ON o.id = a.office_id"
		" JOIN assessment_tally t ON t.assessment_id = a.id"
		" WHERE a.set_id = ?4 AND " REPORT_IN_SCOPE("a")
		" ORDER BY t.share IS NULL, t.share DESC, o.code, a.code", err);
	if (!stmt)
		return -1;
	report_bind_scope(stmt, f, s->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_cell *c = report_row_add(t);

		if (!c)
			break;
		for (k = 0; k < 4; k++)
			if (report_set_text(&c[k], (const char *)sqlite3_column_text(stmt, k), NULL) < 0)
				r->oom = 1;
		report_set_value(&c[4], sqlite3_column_int(stmt, 4));
		report_set_value(&c[5], sqlite3_column_int(stmt, 5));
		if (sqlite3_column_type(stmt, 6) != SQLITE_NULL) {
			double pct = sqlite3_column_double(stmt, 6) * 100;
			int rank = coverage_rank(cfg, pct);

			report_set_value(&c[6], pct);
			report_set_value(&c[7], rank);
			counts[rank]++;
			ranked++;
		}
	}
	if (store_finish(st, stmt, rc, rc == SQLITE_ROW, err) < 0)
		return -1;
	snprintf(sheet, sizeof sheet, _("%s version %d ranks"), s->code, s->version);
	snprintf(title, sizeof title, _("Ranks reached, %s version %d"), s->code, s->version);
	ranks = report_table_add(r, sheet, title, rank_cols, N(rank_cols));
	if (!ranks)
		return rm_oom(err);
	ranks->sheet_code = strlen(s->code);
	for (k = 1; k <= 5; k++)
		if (counts[k] > most)
			most = counts[k];
	for (k = 1; k <= 5; k++) {
		struct report_cell *c = report_row_add(ranks);

		if (!c)
			return rm_oom(err);
		report_set_value(&c[0], k);
		report_set_value(&c[1], counts[k]);
		report_set_value(&c[2], ranked ? 100.0 * counts[k] / ranked : 0);
		report_set_value(&c[3], most ? 100.0 * counts[k] / most : 0);
	}
	return 0;
}

int report_fill_coverage(struct store *st, const struct config *cfg, const struct report_filter *f,
			 struct report *r, struct rm_error *err)
{
	struct report_set *sets;
	size_t n, i;
	int rc = 0;

	if (report_sets(st, f, &sets, &n, err) < 0)
		return -1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = coverage_of(st, cfg, f, &sets[i], r, err);
	report_sets_free(sets, n);
	return rc;
}

static const struct report_col item_cols[] = {
	{ RT_TEXT, "item", N_("item") },
	{ RT_TEXT, "text", N_("text") },
	{ RT_COUNT, "met", N_("met") },
	{ RT_COUNT, "partial", N_("partly") },
	{ RT_COUNT, "not_met", N_("not met") },
	{ RT_COUNT, "na", N_("n.a.") },
	{ RT_COUNT, "unanswered", N_("unanswered") },
	{ RT_PERCENT, "coverage", N_("coverage") },
};

static const struct report_col level_cols[] = {
	{ RT_TEXT, "item", N_("item") },
	{ RT_TEXT, "text", N_("text") },
	{ RT_COUNT, "level_0", N_("below Basic") },
	{ RT_COUNT, "level_1", N_("Basic") },
	{ RT_COUNT, "level_2", N_("Advance") },
	{ RT_COUNT, "level_3", N_("Significance") },
	{ RT_COUNT, "unanswered", N_("unanswered") },
	{ RT_NUMBER, "mean_level", N_("mean level") },
};

/* Per item of S: the answers of the assessments in scope.  Status sets:
 * met, partly, not met, n.a., unanswered and the coverage of those that
 * apply (partial answers at the office's partial weight); levels sets:
 * how many at each level 0-3, unanswered, and the mean level.  Weakest
 * first: the lowest coverage (mean level), items nobody answered last. */
static int items_of(struct store *st, const struct report_filter *f, const struct report_set *s,
		    struct report *r, struct rm_error *err)
{
	char sheet[128], title[512];
	struct report_table *t;
	sqlite3_stmt *stmt;
	int rc, k;

	snprintf(sheet, sizeof sheet, _("%s version %d"), s->code, s->version);
	snprintf(title, sizeof title, _("%s version %d: %s"), s->code, s->version, s->title);
	t = report_table_add(r, sheet, title, s->levels ? level_cols : item_cols, N(item_cols));
	if (!t)
		return rm_oom(err);
	t->sheet_code = strlen(s->code);
	stmt = store_prepare(st, REPORT_UNDER ","
		" n AS (SELECT count(*) AS n FROM assessment a WHERE a.set_id = ?4 AND "
		REPORT_IN_SCOPE("a") "),"
		" c AS (SELECT e.item_id, sum(e.status = 'met') AS met, sum(e.status = 'partial') AS part,"
		"  sum(e.status = 'not_met') AS nm, sum(e.status = 'na') AS na, count(e.status) AS ans,"
		"  sum(e.level = 0) AS l0, sum(e.level = 1) AS l1, sum(e.level = 2) AS l2,"
		"  sum(e.level = 3) AS l3, count(e.level) AS lans, avg(e.level) AS lavg"
		/* each assessment's entries, which lie together, counted by item */
		"  FROM assessment a CROSS JOIN assessment_entry e ON e.assessment_id = a.id"
		"  WHERE a.set_id = ?4 AND " REPORT_IN_SCOPE("a") " GROUP BY e.item_id),"
		" v AS (SELECT i.code, i.text, coalesce(met, 0) AS met, coalesce(part, 0) AS part,"
		"  coalesce(nm, 0) AS nm, coalesce(na, 0) AS na, n.n - coalesce(ans, 0) AS un,"
		"  coalesce(l0, 0) AS l0, coalesce(l1, 0) AS l1, coalesce(l2, 0) AS l2,"
		"  coalesce(l3, 0) AS l3, n.n - coalesce(lans, 0) AS lun, lavg,"
		"  coalesce(i.position, i.id) AS pos, i.id"
		"  FROM norm_item i CROSS JOIN n LEFT JOIN c ON c.item_id = i.id WHERE i.set_id = ?4),"
		" w AS (SELECT *, CASE WHEN met + part + nm > 0 THEN 100.0 * (met + part"
		"  * (SELECT partial FROM coverage_weight)) / (met + part + nm) END AS share FROM v)"
		" SELECT code, text, met, part, nm, na, un, share, l0, l1, l2, l3, lun, lavg,"
		"  CASE WHEN ?5 THEN lavg ELSE share END AS weak, pos, id FROM w"
		" ORDER BY weak IS NULL, weak, pos, id", err);
	if (!stmt)
		return -1;
	report_bind_scope(stmt, f, s->id);
	sqlite3_bind_int(stmt, 5, s->levels);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_cell *c = report_row_add(t);
		int from = s->levels ? 8 : 2;

		if (!c)
			break;
		for (k = 0; k < 2; k++)
			if (report_set_text(&c[k], (const char *)sqlite3_column_text(stmt, k), NULL) < 0)
				r->oom = 1;
		for (k = 0; k < 5; k++)
			report_set_value(&c[2 + k], sqlite3_column_int(stmt, from + k));
		if (sqlite3_column_type(stmt, from + 5) != SQLITE_NULL)
			report_set_value(&c[7], sqlite3_column_double(stmt, from + 5));
	}
	return store_finish(st, stmt, rc, rc == SQLITE_ROW, err);
}

int report_fill_items(struct store *st, const struct config *cfg, const struct report_filter *f,
		      struct report *r, struct rm_error *err)
{
	struct report_set *sets;
	size_t n, i;
	int rc = 0;

	(void)cfg;
	if (report_sets(st, f, &sets, &n, err) < 0)
		return -1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = items_of(st, f, &sets[i], r, err);
	report_sets_free(sets, n);
	return rc;
}
