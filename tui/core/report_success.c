/* report_success.c - the report of success factors (lessons.h): for each
 * version in scope, every item's met rate among the successful units
 * (rank at least the filter's, 4 unless said) and among the rest, the
 * difference, and the candidates marked: the region's workshop on paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "report_int.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const struct report_col success_cols[] = {
	{ RT_TEXT, "item", N_("item") },
	{ RT_TEXT, "group", N_("group") },
	{ RT_TEXT, "text", N_("text") },
	{ RT_COUNT, "successful_answers", N_("successful answering") },
	{ RT_PERCENT, "successful_rate", N_("met among the successful") },
	{ RT_COUNT, "rest_answers", N_("others answering") },
	{ RT_PERCENT, "rest_rate", N_("met among the rest") },
	{ RT_NUMBER, "difference", N_("difference (points)") },
	{ RT_TEXT, "candidate", N_("success factor?") },
};

/* success_row_fn: ROW as a row of the table ARG. */
static int success_row(const struct success_row *row, void *arg)
{
	struct report_table *t = arg;
	struct report_cell *c = report_row_add(t);

	if (!c || report_set_text(&c[0], row->item, NULL) < 0 ||
	    report_set_text(&c[1], row->group_label, row->group) < 0 || report_set_text(&c[2], row->text, NULL) < 0 ||
	    report_set_text(&c[8], row->candidate ? _("yes") : NULL, row->candidate ? "yes" : NULL) < 0)
		return -2;
	report_set_value(&c[3], row->succ_answers);
	report_set_value(&c[5], row->rest_answers);
	if (row->succ_answers)
		report_set_value(&c[4], row->succ_rate);
	if (row->rest_answers)
		report_set_value(&c[6], row->rest_rate);
	if (row->has_diff)
		report_set_value(&c[7], row->diff);
	return 0;
}

/* The table of set S.  0, or -1 with ERR. */
static int success_of(struct store *st, const struct config *cfg, int min_rank,
		      const struct report_set *s, struct report *r, struct rm_error *err)
{
	struct success_pick pick = { min_rank, NULL, 0 };
	struct success_totals totals = { 0, 0 };
	struct report_table *t;
	char sheet[128], title[512];
	int rc;

	snprintf(sheet, sizeof sheet, _("%s version %d"), s->code, s->version);
	t = report_table_add(r, sheet, NULL, success_cols, N(success_cols));
	if (!t)
		return rm_oom(err);
	t->sheet_code = strlen(s->code);
	rc = success_rows(st, cfg, s->code, s->version, &pick, success_row, t, &totals, err);
	if (rc == -2)
		return rm_oom(err);
	if (rc < 0)
		return -1;
	/* the title says how many assessments each side holds (a unit assessed
	 * twice against the version counts twice), known now */
	snprintf(title, sizeof title,
		 _("%s version %d: %s; successful assessments (rank %d or more): %d, the rest: %d"), s->code,
		 s->version, s->title, min_rank, totals.successful, totals.rest);
	t->title = strdup(title);
	return t->title ? 0 : rm_oom(err);
}

int report_fill_success(struct store *st, const struct config *cfg, const struct report_filter *f,
			struct report *r, struct rm_error *err)
{
	struct report_set *sets;
	size_t n, i;
	int rc = 0, min_rank = f->min_rank ? f->min_rank : 4;

	if (report_sets(st, f, &sets, &n, err) < 0)
		return -1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = success_of(st, cfg, min_rank, &sets[i], r, err);
	report_sets_free(sets, n);
	return rc;
}
