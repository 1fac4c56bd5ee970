/* report_more.c - the reports that are not about norm items: support
 * (asked and agreed, by frame and source), follow-ups (the AARs' open
 * and overdue actions, by owner and by record reviewed) and indicators
 * (baseline, target and result by fiscal year, on track or not). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/i18n.h"
#include "routemap/vocab.h"
#include "report_int.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* Copy columns FROM .. FROM + N - 1 of STMT into cells C[AT ..] as
 * numbers (NULL: an empty cell). */
static void numbers(sqlite3_stmt *stmt, int from, int n, struct report_cell *c, int at)
{
	int k;

	for (k = 0; k < n; k++)
		if (sqlite3_column_type(stmt, from + k) != SQLITE_NULL)
			report_set_value(&c[at + k], sqlite3_column_double(stmt, from + k));
}

static const struct report_col support_cols[] = {
	{ RT_TEXT, "frame", N_("support frame") },
	{ RT_TEXT, "with", N_("with now") },
	{ RT_COUNT, "requests", N_("requests") },
	{ RT_BAHT, "baht_requested", N_("baht asked") },
	{ RT_COUNT, "agreed", N_("agreed") },
	{ RT_BAHT, "baht_agreed", N_("baht agreed") },
	{ RT_COUNT, "declined", N_("declined") },
	{ RT_COUNT, "waiting", N_("awaiting an answer") },
};

/* NAME by the office's label for CODE in LABELS, else NAME itself. */
static const char *ini_name(const struct cfg_labels *labels, const char *code, const char *name)
{
	const char *label = code ? config_label(labels, code) : NULL;

	return label ? label : name;
}

/* Requests of the assessments in scope by frame (the one filed under
 * once answered, else the one asked under) and by whom they are with now
 * (coalesce(referred_to, source)); the last row the totals.  Frames and
 * sources are named as the office's INI names them, as on the screens. */
int report_fill_support(struct store *st, const struct config *cfg, const struct report_filter *f,
			struct report *r, struct rm_error *err)
{
	struct report_table *t;
	sqlite3_stmt *stmt;
	sqlite3_int64 set_id;
	int rc;

	if (report_set_id(st, f, &set_id, err) < 0)
		return -1;
	t = report_table_add(r, _("Support"), NULL, support_cols, N(support_cols));
	if (!t)
		return rm_oom(err);
	stmt = store_prepare(st, REPORT_UNDER ","
		" q AS (SELECT coalesce(r.filed_frame_id, r.frame_id) AS frame,"
		"  coalesce(r.referred_to, r.source) AS w, r.status, r.amount, r.amount_agreed"
		/* from the requests: far fewer than the entries */
		"  FROM support_request r CROSS JOIN assessment_entry e ON e.id = r.entry_id"
		"  CROSS JOIN assessment a ON a.id = e.assessment_id"
		"  WHERE (?4 IS NULL OR a.set_id = ?4) AND " REPORT_IN_SCOPE("a") "),"
		" g AS (SELECT frame, w, count(*) AS n, total(amount) AS asked,"
		"  sum(status IN ('agreed', 'partly_agreed')) AS yes,"
		"  total(CASE WHEN status IN ('agreed', 'partly_agreed') THEN amount_agreed END) AS got,"
		"  sum(status = 'declined') AS no, sum(status IN ('requested', 'referred')) AS waiting,"
		"  0 AS total FROM q GROUP BY frame, w"
		"  UNION ALL SELECT NULL, NULL, count(*), total(amount),"
		"  sum(status IN ('agreed', 'partly_agreed')),"
		"  total(CASE WHEN status IN ('agreed', 'partly_agreed') THEN amount_agreed END),"
		"  sum(status = 'declined'), sum(status IN ('requested', 'referred')), 1 FROM q"
		"  HAVING count(*) > 0)"
		" SELECT f.code, f.label, g.w, g.n, g.asked, g.yes, g.got, g.no, g.waiting, g.total"
		" FROM g LEFT JOIN support_frame f ON f.id = g.frame"
		" ORDER BY g.total, f.id IS NULL, f.id, CASE g.w WHEN 'fund' THEN 1 WHEN 'local' THEN 2"
		"  WHEN 'province' THEN 3 WHEN 'region' THEN 4 ELSE 5 END", err);
	if (!stmt)
		return -1;
	report_bind_scope(stmt, f, set_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_cell *c = report_row_add(t);
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		const char *frame = ini_name(&cfg->support_frames, code,
					     (const char *)sqlite3_column_text(stmt, 1));
		const char *with = (const char *)sqlite3_column_text(stmt, 2);
		int total = sqlite3_column_int(stmt, 9);

		if (!c)
			break;
		if (total)
			rc = report_set_text(&c[0], _("total"), "*");
		else
			rc = report_set_text(&c[0], frame ? frame : _("no frame"), frame ? code : "") |
			     report_set_text(&c[1], with ? ini_name(&cfg->support_sources, with,
						 vocab_value("support_request", "source", with))
						 : _("no one named"), with ? with : "");
		if (rc < 0)
			r->oom = 1;
		numbers(stmt, 3, 6, c, 2);
	}
	return store_finish(st, stmt, rc, rc == SQLITE_ROW, err);
}

static const struct report_col owner_cols[] = {
	{ RT_TEXT, "owner", N_("owner") },
	{ RT_COUNT, "open", N_("not done yet") },
	{ RT_COUNT, "overdue", N_("overdue") },
	{ RT_DATE, "first_due", N_("first due") },
};

static const struct report_col record_cols[] = {
	{ RT_TEXT, "kind", N_("kind") },
	{ RT_TEXT, "record", N_("record") },
	{ RT_COUNT, "open", N_("not done yet") },
	{ RT_COUNT, "overdue", N_("overdue") },
	{ RT_DATE, "first_due", N_("first due") },
};

/* The AARs' actions not done yet (due within the span, when one is
 * given), grouped by BY (an SQL expression over aar x and action t, its
 * first column the group's key, the second its kind or NULL), into T.
 * Overdue: due before F's today. */
static int followups_by(struct store *st, const struct report_filter *f, const char *by,
			struct report_table *t, struct report *r, struct rm_error *err)
{
	char sql[1536];
	sqlite3_stmt *stmt;
	int rc, kinds = t->ncols == 5;

	snprintf(sql, sizeof sql, REPORT_UNDER
		 " SELECT %s, count(*) AS n, coalesce(sum(t.due < ?5), 0) AS late, min(t.due) AS first"
		 " FROM aar_action t JOIN aar x ON x.id = t.aar_id"
		 " WHERE t.status = 'open' AND (?2 IS NULL OR t.due >= ?2) AND (?3 IS NULL OR t.due <= ?3)"
		 " GROUP BY k, kind ORDER BY late DESC, n DESC, k IS NULL, k", by);
	stmt = store_prepare(st, sql, err);
	if (!stmt)
		return -1;
	report_bind_scope(stmt, f, 0);
	sqlite3_bind_text(stmt, 5, f->today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_cell *c = report_row_add(t);
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		const char *kind = (const char *)sqlite3_column_text(stmt, 1);
		int k = 0;

		if (!c)
			break;
		if (kinds && report_set_text(&c[k++], aar_kind_label(kind), kind) < 0)
			r->oom = 1;
		if (report_set_text(&c[k++], key ? key : _("no one named"), key ? key : "") < 0)
			r->oom = 1;
		numbers(stmt, 2, 2, c, k);
		if (report_set_text(&c[k + 2], (const char *)sqlite3_column_text(stmt, 4), NULL) < 0)
			r->oom = 1;
	}
	return store_finish(st, stmt, rc, rc == SQLITE_ROW, err);
}

int report_fill_followups(struct store *st, const struct config *cfg,
			  const struct report_filter *f, struct report *r, struct rm_error *err)
{
	struct report_table *t;

	(void)cfg;
	t = report_table_add(r, _("By owner"), _("Follow-up actions by owner"), owner_cols,
			     N(owner_cols));
	if (!t || followups_by(st, f, "nullif(trim(t.owner), '') AS k, NULL AS kind", t, r, err) < 0)
		return t ? -1 : rm_oom(err);
	t = report_table_add(r, _("By record"), _("Follow-up actions by the record reviewed"),
			     record_cols, N(record_cols));
	/* an event is no record: its AAR's title stands for it */
	if (!t || followups_by(st, f, "CASE x.subject_kind WHEN 'event' THEN x.title"
			       " ELSE x.subject END AS k, x.subject_kind AS kind", t, r, err) < 0)
		return t ? -1 : rm_oom(err);
	return 0;
}

static const struct report_col indicator_cols[] = {
	{ RT_TEXT, "plan", N_("plan") },
	{ RT_TEXT, "objective", N_("objective") },
	{ RT_TEXT, "indicator", N_("indicator") },
	{ RT_TEXT, "unit", N_("unit of measure") },
	{ RT_COUNT, "fiscal_year", N_("FY") },
	{ RT_NUMBER, "baseline", N_("baseline") },
	{ RT_NUMBER, "target", N_("target") },
	{ RT_NUMBER, "result", N_("result") },
	{ RT_TEXT, "on_track", N_("on track") },
};

/* Whether a result is on track: it reached the year's target, going the
 * way from the baseline to the target (up when the target is at or above
 * the baseline or there is no baseline, else down).  The code for CSV and
 * its words. */
static const char *on_track(sqlite3_stmt *stmt, const char **words)
{
	double base, target, result;

	if (sqlite3_column_type(stmt, 6) == SQLITE_NULL) {
		*words = _("no target");
		return "no_target";
	}
	if (sqlite3_column_type(stmt, 7) == SQLITE_NULL) {
		*words = _("no result yet");
		return "no_result";
	}
	target = sqlite3_column_double(stmt, 6);
	result = sqlite3_column_double(stmt, 7);
	base = sqlite3_column_type(stmt, 5) == SQLITE_NULL ? target : sqlite3_column_double(stmt, 5);
	if (target >= base ? result >= target : result <= target) {
		*words = _("on track");
		return "yes";
	}
	*words = _("off track");
	return "no";
}

/* Each indicator of the plans of the offices in scope, by plan, objective
 * (in its order), name and fiscal year (--fy: that year only). */
int report_fill_indicators(struct store *st, const struct config *cfg,
			   const struct report_filter *f, struct report *r, struct rm_error *err)
{
	struct report_table *t;
	sqlite3_stmt *stmt;
	int rc, k;

	(void)cfg;
	t = report_table_add(r, _("Indicators"), NULL, indicator_cols, N(indicator_cols));
	if (!t)
		return rm_oom(err);
	stmt = store_prepare(st, REPORT_UNDER
		" SELECT p.code, o.code, i.name, i.unit, i.fiscal_year, i.baseline, i.target, i.result"
		" FROM indicator i JOIN objective o ON o.id = i.objective_id"
		" JOIN plan p ON p.id = o.plan_id"
		" WHERE (?1 IS NULL OR p.office_id IN (SELECT id FROM under))"
		" AND (?5 = 0 OR i.fiscal_year = ?5)"
		" ORDER BY p.code, coalesce(o.position, o.id), o.id, i.name, i.fiscal_year", err);
	if (!stmt)
		return -1;
	{
		struct report_filter any = *f;

		any.fy = 0;   /* the year picks indicators, not days */
		report_bind_scope(stmt, &any, 0);
	}
	sqlite3_bind_int(stmt, 5, f->fy);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_cell *c = report_row_add(t);
		const char *words, *code;

		if (!c)
			break;
		for (k = 0; k < 4; k++)
			if (report_set_text(&c[k], (const char *)sqlite3_column_text(stmt, k), NULL) < 0)
				r->oom = 1;
		numbers(stmt, 4, 4, c, 4);
		code = on_track(stmt, &words);
		if (report_set_text(&c[8], words, code) < 0)
			r->oom = 1;
	}
	return store_finish(st, stmt, rc, rc == SQLITE_ROW, err);
}
