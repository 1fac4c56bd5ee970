/* success.c - the norms of successful areas: for one version of a norm
 * set, each item's met rate among the successful assessments (rank N or
 * more, or picked by hand) and among the rest, in one aggregate query
 * over the version's entries (the tallies give each assessment's
 * coverage, so no entry is read twice and none is kept in memory); and
 * the assessments of a version, to pick from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"

/* The partial weight the tallies count with (coverage_weight, which the
 * writer keeps at its INI's), so that a rank here is the rank the
 * coverage report and the assessment's screen give. */
#define PARTIAL "(SELECT partial FROM coverage_weight)"

/* An assessment's coverage in percent from its tally T; NULL when nothing
 * applies. */
#define PERCENT(t) \
	"(CASE WHEN " t ".weight_w > " t ".na_w THEN 100.0 * (" t ".met_w + " t ".partial_w * " \
	PARTIAL ") / (" t ".weight_w - " t ".na_w) END)"

/* The answers that apply (of the side OK says) and their score: as the
 * tally counts them, an answered level (a PMQA set) applies and meets
 * level / 3 of the item. */
#define APPLY(ok) \
	"sum((" ok ") AND (e.level IS NOT NULL OR e.status IN ('met', 'partial', 'not_met')))"
#define SCORE(ok) \
	"total(CASE WHEN " ok " THEN CASE WHEN e.level IS NOT NULL THEN e.level / 3.0" \
	" WHEN e.status = 'met' THEN 1.0 WHEN e.status = 'partial' THEN " PARTIAL " END END)"

/* ?1 the set's code, ?2 its version, ?4 picked by hand (0/1), ?5 the
 * picked codes as a JSON array, ?6 the least coverage of a successful
 * assessment (percent). */
static const char rows_sql[] =
	"WITH a AS (SELECT a.id, CASE WHEN ?4 THEN a.code IN (SELECT value FROM json_each(?5))"
	"  ELSE coalesce(" PERCENT("t") " + 1e-9 >= ?6, 0) END AS ok"
	"  FROM assessment a JOIN assessment_tally t ON t.assessment_id = a.id"
	"  WHERE a.set_id = (SELECT id FROM norm_set WHERE code = ?1 AND version = ?2)),"
	" n AS (SELECT total(ok) AS s, count(*) - total(ok) AS r FROM a),"
	" x AS (SELECT e.item_id, " APPLY("a.ok") " AS sn, " SCORE("a.ok") " AS ss,"
	"  " APPLY("NOT a.ok") " AS rn, " SCORE("NOT a.ok") " AS rs"
	"  FROM a JOIN assessment_entry e ON e.assessment_id = a.id GROUP BY e.item_id),"
	" r AS (SELECT i.code, g.code AS grp, i.text, coalesce(x.sn, 0) AS sn,"
	"  coalesce(x.rn, 0) AS rn, iif(x.sn > 0, 100.0 * x.ss / x.sn, 0) AS sr,"
	"  iif(x.rn > 0, 100.0 * x.rs / x.rn, 0) AS rr, g.id AS gid,"
	"  coalesce(i.position, i.id) AS pos, i.id, g.label AS glabel, g.grouping AS gping"
	"  FROM norm_item i JOIN norm_group g ON g.id = i.group_id LEFT JOIN x ON x.item_id = i.id"
	"  WHERE i.set_id = (SELECT id FROM norm_set WHERE code = ?1 AND version = ?2))"
	" SELECT r.code, r.grp, r.text, r.sn, r.sr, r.rn, r.rr, n.s, n.r, r.glabel, r.gping"
	" FROM r CROSS JOIN n"
	" ORDER BY (r.sn > 0 AND r.rn > 0) DESC, iif(r.sn > 0 AND r.rn > 0, r.sr - r.rr, 0) DESC,"
	" r.gid, r.pos, r.id";

/* The codes of PICK as a JSON array into B. */
static void picked_json(const struct success_pick *pick, struct buf *b)
{
	size_t i;
	const char *s;

	buf_puts(b, "[");
	for (i = 0; i < pick->npicked; i++) {
		buf_puts(b, i ? ",\"" : "\"");
		for (s = pick->picked[i]; *s; s++) {
			if (*s == '"' || *s == '\\')
				buf_add(b, "\\", 1);
			buf_add(b, s, 1);
		}
		buf_puts(b, "\"");
	}
	buf_puts(b, "]");
}

/* The least coverage (percent) of rank MIN_RANK under CFG's thresholds. */
static double least_percent(const struct config *cfg, int min_rank)
{
	if (min_rank <= 1)
		return -1e18;
	if (min_rank > 5)
		min_rank = 5;
	return cfg->rank_thresholds[min_rank - 2];
}

/* One row of STMT as a success_row into R (its strings STMT's or CFG's). */
static void read_row(sqlite3_stmt *stmt, const struct config *cfg, struct success_row *r)
{
	const char *grouping = (const char *)sqlite3_column_text(stmt, 10);

	r->item = (const char *)sqlite3_column_text(stmt, 0);
	r->group = (const char *)sqlite3_column_text(stmt, 1);
	/* the office names its key activities in its INI file */
	r->group_label = grouping && strcmp(grouping, "key_activity") == 0 && r->group
		? config_label(&cfg->key_activities, r->group) : NULL;
	if (!r->group_label)
		r->group_label = (const char *)sqlite3_column_text(stmt, 9);
	r->text = (const char *)sqlite3_column_text(stmt, 2);
	r->succ_answers = sqlite3_column_int(stmt, 3);
	r->succ_rate = sqlite3_column_double(stmt, 4);
	r->rest_answers = sqlite3_column_int(stmt, 5);
	r->rest_rate = sqlite3_column_double(stmt, 6);
	r->has_diff = r->succ_answers > 0 && r->rest_answers > 0;
	r->diff = r->has_diff ? r->succ_rate - r->rest_rate : 0;
	r->candidate = r->has_diff && r->diff + 1e-9 >= SUCCESS_FACTOR_POINTS &&
		       r->succ_answers >= SUCCESS_FACTOR_ANSWERS;
}

int success_rows(struct store *st, const struct config *cfg, const char *code, int version,
		 const struct success_pick *pick, success_row_fn fn, void *arg,
		 struct success_totals *totals, struct rm_error *err)
{
	struct buf json = { 0 };
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE, stop = 0, rows = 0;

	if (totals)
		totals->successful = totals->rest = 0;
	picked_json(pick, &json);
	if (json.oom) {
		buf_free(&json);
		return rm_oom(err);
	}
	if (!(stmt = store_prepare(st, rows_sql, err))) {
		buf_free(&json);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	sqlite3_bind_int(stmt, 4, pick->npicked > 0);
	sqlite3_bind_text(stmt, 5, json.s, -1, SQLITE_STATIC);
	sqlite3_bind_double(stmt, 6, least_percent(cfg, pick->min_rank));
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct success_row r;

		if (totals) {
			totals->successful = sqlite3_column_int(stmt, 7);
			totals->rest = sqlite3_column_int(stmt, 8);
		}
		read_row(stmt, cfg, &r);
		rows++;
		stop = fn ? fn(&r, arg) : 0;
	}
	if (stop)
		rc = SQLITE_DONE;
	rc = store_finish(st, stmt, rc, 0, err);
	buf_free(&json);
	/* no row: a version without items, or none (said in ERR) */
	if (rc == 0 && !rows && norm_frozen(st, code, version, err) < 0)
		return -1;
	return rc < 0 ? -1 : stop;
}

/* ---- the assessments to pick from ---- */

void success_units_free(struct success_unit *units, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(units[i].code);
		free(units[i].unit);
	}
	free(units);
}

int success_units(struct store *st, const struct config *cfg, const char *code, int version,
		  struct success_unit **units, size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT a.code, coalesce(o.short_name, o.name), " PERCENT("t")
		" FROM assessment a JOIN assessment_tally t ON t.assessment_id = a.id"
		" JOIN office o ON o.id = a.office_id JOIN norm_set s ON s.id = a.set_id"
		" WHERE s.code = ?1 AND s.version = ?2"
		" ORDER BY coalesce(" PERCENT("t") ", -1) DESC, a.code", err);
	int rc = SQLITE_DONE, bad = 0;

	*units = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct success_unit *u = array_grow(units, n, sizeof *u);

		if (!u) {
			bad = 1;
			break;
		}
		u->code = store_col_dup(stmt, 0, &bad);
		u->unit = store_col_dup(stmt, 1, &bad);
		u->has_percent = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
		u->percent = sqlite3_column_double(stmt, 2);
		u->rank = u->has_percent ? coverage_rank(cfg, u->percent) : 0;
	}
	if (store_finish(st, stmt, rc, bad, err) < 0) {
		success_units_free(*units, *n);
		*units = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
