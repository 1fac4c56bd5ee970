/* catalog.c - records as lists, and one objective with all it has. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"

/* Run SQL (parameters bound by BIND if not NULL) and call ROW for every
 * result row.  Returns 0, or -1 with ERR. */
static int each_row(struct store *st, const char *sql,
		    void (*bind)(sqlite3_stmt *stmt, const void *arg), const void *arg,
		    int (*row)(sqlite3_stmt *stmt, void *out), void *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return -1;
	if (bind)
		bind(stmt, arg);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (row(stmt, out) < 0) {
			sqlite3_finalize(stmt);
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the records"));
	return 0;
}

/* A list being filled: the array and its length. */
struct rows {
	void *v;
	size_t n;
};

/* ---- plans ---- */

/* Decode the current row of STMT into ROW (a struct plan_row). */
static int plan_decode(sqlite3_stmt *stmt, void *row, const void *arg)
{
	struct plan_row *r = row;
	int oom = 0;

	(void)arg;
	r->code = store_col_dup(stmt, 0, &oom);
	r->office = store_col_dup(stmt, 1, &oom);
	r->fy_from = sqlite3_column_int(stmt, 2);
	r->fy_to = sqlite3_column_int(stmt, 3);
	r->title = store_col_dup(stmt, 4, &oom);
	r->serves = store_col_dup(stmt, 5, &oom);
	r->served_by = store_col_dup(stmt, 6, &oom);
	return oom ? -1 : 0;
}

/* Free what one row holds (not the row). */
static void plan_release(void *row)
{
	struct plan_row *r = row;

	free(r->code);
	free(r->office);
	free(r->title);
	free(r->serves);
	free(r->served_by);
}

/* The plans a page at a time: by title in Thai order, then code. */
#define P_TITLE "p.title COLLATE THAI"
#define P_SELECT \
	"SELECT p.code, coalesce(o.short_name, o.name), p.fy_from, p.fy_to, p.title, s.code," \
	" (SELECT group_concat(code, ', ') FROM (SELECT c.code FROM plan c" \
	"   WHERE c.serves_id = p.id ORDER BY c.code COLLATE THAI)), p.title, p.code" \
	" FROM plan p CROSS JOIN office o ON o.id = p.office_id" \
	" LEFT JOIN plan s ON s.id = p.serves_id WHERE 1"
#define P_ASC " ORDER BY " P_TITLE ", p.code LIMIT :n"
#define P_DESC " ORDER BY " P_TITLE " DESC, p.code DESC LIMIT :n"

static const struct pager_order plan_order = {
	P_SELECT P_ASC,
	P_SELECT " AND " P_TITLE " >= :k1 AND (" P_TITLE " > :k1 OR p.code > :k2)" P_ASC,
	P_SELECT " AND " P_TITLE " <= :k1 AND (" P_TITLE " < :k1 OR p.code < :k2)" P_DESC,
	P_SELECT P_DESC,
	"SELECT p.title, p.code FROM plan p WHERE p.code = :code", 2
};

static const char *plan_code(const void *row)
{
	return ((const struct plan_row *)row)->code;
}

void plan_pager(struct pager *pg, struct store *st)
{
	pager_init(pg, st, &plan_order, sizeof(struct plan_row));
	pg->decode = plan_decode;
	pg->release = plan_release;
	pg->code_of = plan_code;
}

/* ---- assessments ---- */

void coverage_finish(struct coverage *c, const struct config *cfg)
{
	c->has_percent = c->applicable > 0;
	c->percent = c->has_percent ? c->score * 100.0 / c->applicable : 0;
	c->rank = c->has_percent ? coverage_rank(cfg, c->percent) : 0;
}

/* Free what one row holds (not the row). */
static void assessment_release(void *row)
{
	struct assessment_row *r = row;

	free(r->code);
	free(r->unit);
	free(r->set_code);
	free(r->project);
	free(r->assessed_on);
}

/* The columns assessment_decode reads, then each order's key. */
#define A_COLS \
	"a.code, coalesce(o.short_name, o.name), s.code, s.version, j.code, a.assessed_on," \
	" t.items, t.answered, (t.weight_w - t.na_w) / 1e6, (t.met_w + t.partial_w * :pw) / 1e6"
#define A_JOINED \
	" CROSS JOIN assessment_tally t ON t.assessment_id = a.id" \
	" LEFT JOIN project j ON j.id = a.project_id WHERE"
/* the filter: the text :f in the unit, the code, the set or the project */
#define A_FILTER \
	" (:f IS NULL OR instr(coalesce(o.short_name, o.name), :f) OR instr(a.code, :f)" \
	"  OR instr(s.code, :f) OR instr(coalesce(j.code, ''), :f))" \
	" AND (:from IS NULL OR a.assessed_on >= :from) AND (:to IS NULL OR a.assessed_on <= :to)"
/* Rows after (or before) a key that ends within a group (a unit, a set,
 * a day): the rest of the key's group through its index, then the groups
 * after it, each at most :n rows; the :n first of both in ORDER (the key
 * columns by number: a compound SELECT keeps no order of its own). */
#define KEYSET(rest_of_group, groups_after, order) \
	"SELECT * FROM (" rest_of_group ") UNION ALL SELECT * FROM (" groups_after ")" \
	" ORDER BY " order " LIMIT :n"

/* By unit, in Thai order, each unit's assessments by code.  CROSS JOIN
 * keeps the units' index the outer loop. */
#define U_NAME "coalesce(o.short_name, o.name) COLLATE THAI"
#define U_SELECT \
	"SELECT " A_COLS ", coalesce(o.short_name, o.name), o.code, a.code" \
	" FROM office o CROSS JOIN assessment a ON a.office_id = o.id" \
	" CROSS JOIN norm_set s ON s.id = a.set_id" A_JOINED A_FILTER
#define U_ASC " ORDER BY " U_NAME ", o.code, a.code COLLATE THAI LIMIT :n"
#define U_DESC " ORDER BY " U_NAME " DESC, o.code DESC, a.code COLLATE THAI DESC LIMIT :n"

/* By norm set: codes in order, each set's newest version first. */
#define S_SELECT \
	"SELECT " A_COLS ", s.code, s.version, a.code" \
	" FROM norm_set s CROSS JOIN assessment a ON a.set_id = s.id" \
	" CROSS JOIN office o ON o.id = a.office_id" A_JOINED A_FILTER
#define S_ASC " ORDER BY s.code, s.version DESC, a.code COLLATE THAI LIMIT :n"
#define S_DESC " ORDER BY s.code DESC, s.version, a.code COLLATE THAI DESC LIMIT :n"

/* By the day assessed, newest first (undated last). */
#define D_DAY "coalesce(a.assessed_on, '')"
#define D_FROM \
	" FROM assessment a CROSS JOIN office o ON o.id = a.office_id" \
	" CROSS JOIN norm_set s ON s.id = a.set_id" A_JOINED A_FILTER
#define D_SELECT "SELECT " A_COLS ", " D_DAY ", a.code" D_FROM
#define D_ASC " ORDER BY " D_DAY " DESC, a.code COLLATE THAI LIMIT :n"
#define D_DESC " ORDER BY " D_DAY ", a.code COLLATE THAI DESC LIMIT :n"

/* By coverage, highest first (none last), then in the order the
 * assessments were made: through the share each tally keeps (schema 7)
 * and its index, when the share counts partial answers by the INI's
 * weight (:pw)... */
#define K_SHARE "coalesce(t.share, -1)"
#define K_SELECT \
	"SELECT " A_COLS ", " K_SHARE ", t.assessment_id" \
	" FROM assessment_tally t CROSS JOIN assessment a ON a.id = t.assessment_id" \
	" CROSS JOIN office o ON o.id = a.office_id CROSS JOIN norm_set s ON s.id = a.set_id" \
	" LEFT JOIN project j ON j.id = a.project_id WHERE" A_FILTER
#define K_ASC " ORDER BY " K_SHARE " DESC, t.assessment_id LIMIT :n"
#define K_DESC " ORDER BY " K_SHARE ", t.assessment_id DESC LIMIT :n"

static const struct pager_order coverage_kept = {
	K_SELECT K_ASC,
	KEYSET(K_SELECT " AND " K_SHARE " = :k1 AND t.assessment_id > :k2"
	       " ORDER BY t.assessment_id LIMIT :n",
	       K_SELECT " AND " K_SHARE " < :k1" K_ASC, "11 DESC, 12"),
	KEYSET(K_SELECT " AND " K_SHARE " = :k1 AND t.assessment_id < :k2"
	       " ORDER BY t.assessment_id DESC LIMIT :n",
	       K_SELECT " AND " K_SHARE " > :k1" K_DESC, "11, 12 DESC"),
	K_SELECT K_DESC,
	"SELECT " K_SHARE ", t.assessment_id FROM assessment a"
	" JOIN assessment_tally t ON t.assessment_id = a.id WHERE a.code = :code", 2
};

/* ... else (a reader whose INI weighs partial answers otherwise than the
 * database keeps them) each page sorts every tally by its share counted
 * afresh. */
#define C_SHARE \
	"(CASE WHEN t.weight_w > t.na_w" \
	" THEN (t.met_w + t.partial_w * :pw) / (t.weight_w - t.na_w) ELSE -1 END)"
#define C_SELECT "SELECT " A_COLS ", " C_SHARE ", a.id" D_FROM
#define C_ASC " ORDER BY " C_SHARE " DESC, a.id LIMIT :n"
#define C_DESC " ORDER BY " C_SHARE ", a.id DESC LIMIT :n"

static const struct pager_order assessment_orders[ASSESSMENT_ORDERS] = {
	[ASSESSMENT_BY_UNIT] = {
		U_SELECT U_ASC,
		KEYSET(U_SELECT " AND o.code = :k2 AND a.code COLLATE THAI > :k3"
		       " ORDER BY a.code COLLATE THAI LIMIT :n",
		       U_SELECT " AND " U_NAME " >= :k1 AND (" U_NAME " > :k1 OR o.code > :k2)" U_ASC,
		       "11 COLLATE THAI, 12, 13 COLLATE THAI"),
		KEYSET(U_SELECT " AND o.code = :k2 AND a.code COLLATE THAI < :k3"
		       " ORDER BY a.code COLLATE THAI DESC LIMIT :n",
		       U_SELECT " AND " U_NAME " <= :k1 AND (" U_NAME " < :k1 OR o.code < :k2)" U_DESC,
		       "11 COLLATE THAI DESC, 12 DESC, 13 COLLATE THAI DESC"),
		U_SELECT U_DESC,
		"SELECT coalesce(o.short_name, o.name), o.code, a.code FROM assessment a"
		" JOIN office o ON o.id = a.office_id WHERE a.code = :code", 3 },
	[ASSESSMENT_BY_SET] = {
		S_SELECT S_ASC,
		KEYSET(S_SELECT " AND s.code = :k1 AND s.version = :k2 AND a.code COLLATE THAI > :k3"
		       " ORDER BY a.code COLLATE THAI LIMIT :n",
		       S_SELECT " AND s.code >= :k1 AND (s.code > :k1 OR s.version < :k2)" S_ASC,
		       "11, 12 DESC, 13 COLLATE THAI"),
		KEYSET(S_SELECT " AND s.code = :k1 AND s.version = :k2 AND a.code COLLATE THAI < :k3"
		       " ORDER BY a.code COLLATE THAI DESC LIMIT :n",
		       S_SELECT " AND s.code <= :k1 AND (s.code < :k1 OR s.version > :k2)" S_DESC,
		       "11 DESC, 12, 13 COLLATE THAI DESC"),
		S_SELECT S_DESC,
		"SELECT s.code, s.version, a.code FROM assessment a JOIN norm_set s ON s.id = a.set_id"
		" WHERE a.code = :code", 3 },
	[ASSESSMENT_BY_DAY] = {
		D_SELECT D_ASC,
		KEYSET(D_SELECT " AND " D_DAY " = :k1 AND a.code COLLATE THAI > :k2"
		       " ORDER BY a.code COLLATE THAI LIMIT :n",
		       D_SELECT " AND " D_DAY " < :k1" D_ASC, "11 DESC, 12 COLLATE THAI"),
		KEYSET(D_SELECT " AND " D_DAY " = :k1 AND a.code COLLATE THAI < :k2"
		       " ORDER BY a.code COLLATE THAI DESC LIMIT :n",
		       D_SELECT " AND " D_DAY " > :k1" D_DESC, "11, 12 COLLATE THAI DESC"),
		D_SELECT D_DESC,
		"SELECT " D_DAY ", a.code FROM assessment a WHERE a.code = :code", 2 },
	[ASSESSMENT_BY_COVERAGE] = {
		C_SELECT C_ASC,
		C_SELECT " AND (" C_SHARE " < :k1 OR (" C_SHARE " = :k1 AND a.id > :k2))" C_ASC,
		C_SELECT " AND (" C_SHARE " > :k1 OR (" C_SHARE " = :k1 AND a.id < :k2))" C_DESC,
		C_SELECT C_DESC,
		"SELECT " C_SHARE ", a.id FROM assessment a"
		" JOIN assessment_tally t ON t.assessment_id = a.id WHERE a.code = :code", 2 },
};

/* Decode the current row of STMT into ROW (a struct assessment_row),
 * its coverage finished by the query's INI (ARG: the assessment_query). */
static int assessment_decode(sqlite3_stmt *stmt, void *row, const void *arg)
{
	const struct assessment_query *q = arg;
	struct assessment_row *r = row;
	int oom = 0;

	r->code = store_col_dup(stmt, 0, &oom);
	r->unit = store_col_dup(stmt, 1, &oom);
	r->set_code = store_col_dup(stmt, 2, &oom);
	r->version = sqlite3_column_int(stmt, 3);
	r->project = store_col_dup(stmt, 4, &oom);
	r->assessed_on = store_col_dup(stmt, 5, &oom);
	r->coverage.items = sqlite3_column_int(stmt, 6);
	r->coverage.answered = sqlite3_column_int(stmt, 7);
	r->coverage.applicable = sqlite3_column_double(stmt, 8);
	r->coverage.score = sqlite3_column_double(stmt, 9);
	coverage_finish(&r->coverage, q->cfg);
	return oom ? -1 : 0;
}

static const char *assessment_code(const void *row)
{
	return ((const struct assessment_row *)row)->code;
}

/* Bind the query's own parameters (ARG: the assessment_query): the
 * partial weight :pw, and the filter :f when there is one. */
/* Bind :from and :to of STMT to the ends of DAYS (left NULL when open). */
static void bind_days(sqlite3_stmt *stmt, const struct day_span *days)
{
	if (days && days->from)
		sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":from"), days->from, -1,
				  SQLITE_STATIC);
	if (days && days->to)
		sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":to"), days->to, -1,
				  SQLITE_STATIC);
}

static void assessment_bind(sqlite3_stmt *stmt, const void *arg)
{
	const struct assessment_query *q = arg;

	sqlite3_bind_double(stmt, sqlite3_bind_parameter_index(stmt, ":pw"), q->cfg->partial_weight);
	if (q->filter && *q->filter)
		sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":f"), q->filter, -1,
				  SQLITE_STATIC);
	bind_days(stmt, &q->days);
}

void assessment_pager(struct pager *pg, struct store *st, const struct assessment_query *q)
{
	const struct pager_order *order = &assessment_orders[q->order];

	if (q->order == ASSESSMENT_BY_COVERAGE &&
	    schema_coverage_weight(st->db, q->cfg->partial_weight, 0) == 1)
		order = &coverage_kept;
	pager_init(pg, st, order, sizeof(struct assessment_row));
	pg->decode = assessment_decode;
	pg->release = assessment_release;
	pg->bind = assessment_bind;
	pg->code_of = assessment_code;
	pg->arg = q;
}

/* ---- AARs ---- */

/* Decode the current row of STMT into ROW (a struct aar_row). */
static int aar_decode(sqlite3_stmt *stmt, void *row, const void *arg)
{
	struct aar_row *r = row;
	int oom = 0;

	(void)arg;
	r->code = store_col_dup(stmt, 0, &oom);
	r->date = store_col_dup(stmt, 1, &oom);
	r->title = store_col_dup(stmt, 2, &oom);
	r->template_name = store_col_dup(stmt, 3, &oom);
	r->subject_kind = store_col_dup(stmt, 4, &oom);
	r->subject = store_col_dup(stmt, 5, &oom);
	r->open_actions = sqlite3_column_int(stmt, 6);
	return oom ? -1 : 0;
}

/* Free what one row holds (not the row). */
static void aar_release(void *row)
{
	struct aar_row *r = row;

	free(r->code);
	free(r->date);
	free(r->title);
	free(r->template_name);
	free(r->subject_kind);
	free(r->subject);
}

/* The AARs a page at a time: newest day first, each day's by title in
 * Thai order, then code. */
#define R_TITLE "a.title COLLATE THAI"
#define R_SELECT \
	"SELECT a.code, a.date, a.title, a.template, a.subject_kind, a.subject," \
	" (SELECT count(*) FROM aar_action x WHERE x.aar_id = a.id AND x.status = 'open')," \
	" a.date, a.title, a.code FROM aar a" \
	" WHERE (:from IS NULL OR a.date >= :from) AND (:to IS NULL OR a.date <= :to)"
#define R_ASC " ORDER BY a.date DESC, " R_TITLE ", a.code LIMIT :n"
#define R_DESC " ORDER BY a.date, " R_TITLE " DESC, a.code DESC LIMIT :n"

static const struct pager_order aar_order = {
	R_SELECT R_ASC,
	KEYSET(R_SELECT " AND a.date = :k1 AND " R_TITLE " >= :k2 AND (" R_TITLE " > :k2 OR a.code > :k3)"
	       " ORDER BY " R_TITLE ", a.code LIMIT :n",
	       R_SELECT " AND a.date < :k1" R_ASC, "8 DESC, 9 COLLATE THAI, 10"),
	KEYSET(R_SELECT " AND a.date = :k1 AND " R_TITLE " <= :k2 AND (" R_TITLE " < :k2 OR a.code < :k3)"
	       " ORDER BY " R_TITLE " DESC, a.code DESC LIMIT :n",
	       R_SELECT " AND a.date > :k1" R_DESC, "8, 9 COLLATE THAI DESC, 10 DESC"),
	R_SELECT R_DESC,
	"SELECT a.date, a.title, a.code FROM aar a WHERE a.code = :code", 3
};

static const char *aar_code(const void *row)
{
	return ((const struct aar_row *)row)->code;
}

static void aar_bind(sqlite3_stmt *stmt, const void *arg)
{
	bind_days(stmt, arg);
}

void aar_pager(struct pager *pg, struct store *st, const struct day_span *days)
{
	pager_init(pg, st, &aar_order, sizeof(struct aar_row));
	pg->decode = aar_decode;
	pg->release = aar_release;
	pg->code_of = aar_code;
	pg->bind = aar_bind;
	pg->arg = days;
}

/* ---- norm sets ---- */

static int norm_row(sqlite3_stmt *stmt, void *out)
{
	struct rows *rows = out;
	struct norm_row *r = array_grow(&rows->v, &rows->n, sizeof *r);
	int oom = 0;

	if (!r)
		return -1;
	r->code = store_col_dup(stmt, 0, &oom);
	r->version = sqlite3_column_int(stmt, 1);
	r->office = store_col_dup(stmt, 2, &oom);
	r->items = sqlite3_column_int(stmt, 3);
	r->issued = store_col_dup(stmt, 4, &oom);
	r->title = store_col_dup(stmt, 5, &oom);
	return oom ? -1 : 0;
}

int norm_list(struct store *st, struct norm_row **out, size_t *n, struct rm_error *err)
{
	struct rows rows = { NULL, 0 };
	int rc = each_row(st,
		"SELECT s.code, s.version, coalesce(o.short_name, o.name),"
		" (SELECT count(*) FROM norm_item i WHERE i.set_id = s.id), s.issued, s.title"
		" FROM norm_set s JOIN office o ON o.id = s.office_id"
		" ORDER BY s.title COLLATE THAI, s.code, s.version DESC", NULL, NULL, norm_row, &rows, err);

	*out = rows.v;
	*n = rows.n;
	if (rc < 0) {
		norm_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void norm_list_free(struct norm_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].code);
		free(rows[i].office);
		free(rows[i].title);
		free(rows[i].issued);
	}
	free(rows);
}

/* ---- one objective ---- */

struct objective_key {
	const char *plan, *code;
};

static void bind_objective(sqlite3_stmt *stmt, const void *arg)
{
	const struct objective_key *k = arg;

	sqlite3_bind_text(stmt, 1, k->plan, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, k->code, -1, SQLITE_STATIC);
}

static int indicator_row(sqlite3_stmt *stmt, void *out)
{
	struct objective_detail *d = out;
	struct indicator_row *r = array_grow(&d->indicators, &d->nindicators, sizeof *r);
	int oom = 0;

	if (!r)
		return -1;
	r->name = store_col_dup(stmt, 0, &oom);
	r->unit = store_col_dup(stmt, 1, &oom);
	r->fiscal_year = sqlite3_column_int(stmt, 2);
	r->has_baseline = sqlite3_column_type(stmt, 3) != SQLITE_NULL;
	r->baseline = sqlite3_column_double(stmt, 3);
	r->has_target = sqlite3_column_type(stmt, 4) != SQLITE_NULL;
	r->target = sqlite3_column_double(stmt, 4);
	r->has_result = sqlite3_column_type(stmt, 5) != SQLITE_NULL;
	r->result = sqlite3_column_double(stmt, 5);
	return oom ? -1 : 0;
}

static int project_row(sqlite3_stmt *stmt, void *out)
{
	struct objective_detail *d = out;
	struct project_row *r = array_grow(&d->projects, &d->nprojects, sizeof *r);
	int oom = 0;

	if (!r)
		return -1;
	r->code = store_col_dup(stmt, 0, &oom);
	r->title = store_col_dup(stmt, 1, &oom);
	r->office = store_col_dup(stmt, 2, &oom);
	r->fiscal_year = sqlite3_column_int(stmt, 3);
	r->stage = store_col_dup(stmt, 4, &oom);
	r->status = store_col_dup(stmt, 5, &oom);
	return oom ? -1 : 0;
}

/* The cell of one SLM column: D->slm is pre-filled with the office's
 * columns; a row fills the matching one. */
static int slm_row(sqlite3_stmt *stmt, void *out)
{
	struct objective_detail *d = out;
	const char *col = (const char *)sqlite3_column_text(stmt, 0);
	size_t i;
	int oom = 0;

	for (i = 0; i < d->nslm; i++)
		if (col && strcmp(d->slm[i].code, col) == 0 && !d->slm[i].label)
			d->slm[i].label = store_col_dup(stmt, 1, &oom);
	return oom ? -1 : 0;
}

static int header_row(sqlite3_stmt *stmt, void *out)
{
	struct objective_detail *d = out;
	int oom = 0, level;

	d->plan_code = store_col_dup(stmt, 0, &oom);
	d->plan_title = store_col_dup(stmt, 1, &oom);
	d->code = store_col_dup(stmt, 2, &oom);
	d->title = store_col_dup(stmt, 3, &oom);
	level = config_level_from_name((const char *)sqlite3_column_text(stmt, 4));
	d->level = level < 0 ? LEVEL_FOUNDATION : (enum map_level)level;
	d->causes = store_col_dup(stmt, 5, &oom);
	d->effects = store_col_dup(stmt, 6, &oom);
	return oom ? -1 : 0;
}

#define OBJECTIVE_WHERE \
	" FROM objective o JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2"

int objective_load(struct store *st, const struct config *cfg, const char *plan,
		   const char *code, struct objective_detail *d, struct rm_error *err)
{
	struct objective_key key = { plan, code };
	size_t i;

	memset(d, 0, sizeof *d);
	if (each_row(st,
		"SELECT p.code, p.title, o.code, o.title, o.level,"
		" (SELECT group_concat(c, ' ') FROM (SELECT f.code AS c FROM link l"
		"   JOIN objective f ON f.id = l.from_id WHERE l.to_id = o.id ORDER BY l.id)),"
		" (SELECT group_concat(c, ' ') FROM (SELECT t.code AS c FROM link l"
		"   JOIN objective t ON t.id = l.to_id WHERE l.from_id = o.id ORDER BY l.id))"
		OBJECTIVE_WHERE, bind_objective, &key, header_row, d, err) < 0)
		goto fail;
	if (!d->code) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: no objective \"%s\" in plan \"%s\""), st->path,
			code, plan);
		goto fail;
	}
	d->slm = calloc(cfg->slm_columns.n ? cfg->slm_columns.n : 1, sizeof *d->slm);
	if (!d->slm)
		goto oom;
	for (i = 0; i < cfg->slm_columns.n; i++) {
		d->slm[i].code = strdup(cfg->slm_columns.v[i].code);
		d->nslm++;
		if (!d->slm[i].code)
			goto oom;
	}
	if (each_row(st, "SELECT i.name, i.unit, i.fiscal_year, i.baseline, i.target, i.result"
		     " FROM indicator i WHERE i.objective_id = (SELECT o.id" OBJECTIVE_WHERE ")"
		     " ORDER BY i.fiscal_year, i.id", bind_objective, &key, indicator_row, d, err) < 0 ||
	    each_row(st, "SELECT c.column_key, c.text FROM slm_cell c"
		     " WHERE c.objective_id = (SELECT o.id" OBJECTIVE_WHERE ")",
		     bind_objective, &key, slm_row, d, err) < 0 ||
	    each_row(st, "SELECT j.code, j.title, coalesce(f.short_name, f.name), j.fiscal_year,"
		     " j.stage, j.status FROM project_objective x JOIN project j ON j.id = x.project_id"
		     " JOIN office f ON f.id = j.office_id"
		     " WHERE x.objective_id = (SELECT o.id" OBJECTIVE_WHERE ")"
		     " ORDER BY j.fiscal_year DESC, j.title COLLATE THAI",
		     bind_objective, &key, project_row, d, err) < 0)
		goto fail;
	return 0;
oom:
	rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
fail:
	objective_free(d);
	return -1;
}

void objective_free(struct objective_detail *d)
{
	size_t i;

	free(d->plan_code);
	free(d->plan_title);
	free(d->code);
	free(d->title);
	free(d->causes);
	free(d->effects);
	for (i = 0; i < d->nindicators; i++) {
		free(d->indicators[i].name);
		free(d->indicators[i].unit);
	}
	free(d->indicators);
	for (i = 0; i < d->nslm; i++) {
		free(d->slm[i].code);
		free(d->slm[i].label);
	}
	free(d->slm);
	project_list_free(d->projects, d->nprojects);
	memset(d, 0, sizeof *d);
}

double indicator_progress(const struct indicator_row *r)
{
	double p;

	if (!r->has_result || !r->has_target)
		return -1;
	if (r->has_baseline && r->target != r->baseline)
		p = (r->result - r->baseline) / (r->target - r->baseline);
	else if (r->target != 0)
		p = r->result / r->target;
	else
		return -1;
	return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* ---- offices and projects, to choose from ---- */

static int office_row(sqlite3_stmt *stmt, void *out)
{
	struct rows *rows = out;
	struct office_row *r = array_grow(&rows->v, &rows->n, sizeof *r);
	int oom = 0;

	if (!r)
		return -1;
	r->code = store_col_dup(stmt, 0, &oom);
	r->name = store_col_dup(stmt, 1, &oom);
	r->short_name = store_col_dup(stmt, 2, &oom);
	r->level = store_col_dup(stmt, 3, &oom);
	return oom ? -1 : 0;
}

int office_list(struct store *st, struct office_row **out, size_t *n, struct rm_error *err)
{
	struct rows rows = { NULL, 0 };
	int rc = each_row(st,
		"SELECT code, name, coalesce(short_name, name), level FROM office"
		" ORDER BY level <> 'unit', coalesce(short_name, name) COLLATE THAI, code",
		NULL, NULL, office_row, &rows, err);

	*out = rows.v;
	*n = rows.n;
	if (rc < 0) {
		office_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void office_list_free(struct office_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].code);
		free(rows[i].name);
		free(rows[i].short_name);
		free(rows[i].level);
	}
	free(rows);
}

static void bind_office(sqlite3_stmt *stmt, const void *arg)
{
	store_bind_text_or_null(stmt, 1, arg);
}

int project_list(struct store *st, const char *office, struct project_row **out, size_t *n,
		 struct rm_error *err)
{
	struct objective_detail d;
	int rc;

	/* project_row fills an objective_detail's projects: borrow one. */
	memset(&d, 0, sizeof d);
	rc = each_row(st, "SELECT j.code, j.title, coalesce(f.short_name, f.name), j.fiscal_year,"
		      " j.stage, j.status FROM project j JOIN office f ON f.id = j.office_id"
		      " WHERE ?1 IS NULL OR f.code = ?1"
		      " ORDER BY j.fiscal_year DESC, j.title COLLATE THAI",
		      bind_office, office, project_row, &d, err);
	*out = d.projects;
	*n = d.nprojects;
	if (rc < 0) {
		project_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void project_list_free(struct project_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].code);
		free(rows[i].title);
		free(rows[i].office);
		free(rows[i].stage);
		free(rows[i].status);
	}
	free(rows);
}

/* ---- follow-up actions, on the record an AAR reviewed ---- */

struct subject {
	const char *kind, *code;
};

static void bind_subject(sqlite3_stmt *stmt, const void *arg)
{
	const struct subject *s = arg;

	sqlite3_bind_text(stmt, 1, s->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, s->code, -1, SQLITE_STATIC);
}

static int followup_row(sqlite3_stmt *stmt, void *out)
{
	struct rows *rows = out;
	struct followup_row *r = array_grow(&rows->v, &rows->n, sizeof *r);
	int oom = 0;

	if (!r)
		return -1;
	r->aar = store_col_dup(stmt, 0, &oom);
	r->action = store_col_dup(stmt, 1, &oom);
	r->owner = store_col_dup(stmt, 2, &oom);
	r->due = store_col_dup(stmt, 3, &oom);
	r->id = sqlite3_column_int64(stmt, 4);
	return oom ? -1 : 0;
}

int followup_list(struct store *st, const char *kind, const char *code,
		  struct followup_row **out, size_t *n, struct rm_error *err)
{
	struct subject s = { kind, code };
	struct rows rows = { NULL, 0 };
	int rc = each_row(st,
		"SELECT a.code, x.action, x.owner, x.due, x.id FROM aar_action x JOIN aar a ON a.id = x.aar_id"
		" WHERE x.status = 'open' AND a.subject_kind = ?1 AND a.subject = ?2"
		" ORDER BY x.due IS NULL, x.due, x.id", bind_subject, &s, followup_row, &rows, err);

	*out = rows.v;
	*n = rows.n;
	if (rc < 0) {
		followup_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void followup_list_free(struct followup_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].aar);
		free(rows[i].action);
		free(rows[i].owner);
		free(rows[i].due);
	}
	free(rows);
}
