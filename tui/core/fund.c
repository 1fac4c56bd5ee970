/* fund.c - the fund's screen's numbers (fund.h): the support requests of
 * the units under an office by frame x source, in one aggregate query;
 * a cell's requests a page at a time; baht as people write them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/fund.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

const char *const fund_sources[FUND_SOURCES] = { "fund", "province", "region", "local" };

int fund_source_index(const char *source)
{
	int i;

	for (i = 0; source && i < FUND_SOURCES; i++)
		if (strcmp(source, fund_sources[i]) == 0)
			return i;
	return -1;
}

/* ---- which requests ---- */

/* The units under :office (itself included), as the table "sub". */
#define F_SUB \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM office WHERE code = :office" \
	" UNION SELECT o.id FROM office o JOIN sub ON o.parent_id = sub.id) "
/* From the requests out, in the order they are stored: each one's entry
 * and assessment by their keys (a request is rarer than an entry: fewer
 * rows to visit).  NOT INDEXED: through the frame's index for GROUP BY,
 * the rows come in no order on disk and a province's table takes twice
 * as long (250,000 entries, 50,000 requests: 0.08 s of CPU by rowid). */
#define F_FROM \
	" FROM support_request r NOT INDEXED CROSS JOIN assessment_entry e ON e.id = r.entry_id" \
	" CROSS JOIN assessment a ON a.id = e.assessment_id"
#define F_WITH "coalesce(r.referred_to, r.source)"
/* The frame a request counts under: the one filed under once answered,
 * else the one asked (as the support report groups them). */
#define F_FRAME "coalesce(r.filed_frame_id, r.frame_id)"
#define F_WHERE \
	" WHERE a.office_id IN (SELECT id FROM sub)" \
	" AND (:unit IS NULL OR a.office_id = (SELECT id FROM office WHERE code = :unit))" \
	" AND (:set IS NULL OR a.set_id = (SELECT id FROM norm_set WHERE code = :set" \
	"  AND version = coalesce(:ver, (SELECT max(version) FROM norm_set" \
	"   WHERE code = :set AND issued IS NOT NULL))))" \
	" AND (:status IS NULL OR r.status = :status)" \
	" AND (:with IS NULL OR " F_WITH " = :with" \
	"  OR (:with = 'fund' AND " F_WITH " = 'local'))"

/* Bind NAME of STMT to TEXT (LEN bytes; -1: all), NULL or "" left NULL. */
static void bind_named(sqlite3_stmt *stmt, const char *name, const char *text, int len)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	if (i && text && *text && len)
		sqlite3_bind_text(stmt, i, text, len, SQLITE_STATIC);
}

/* Bind F's parameters of STMT: the office, the unit, the set (and its
 * version after a ":"), the status, where it is now. */
static void bind_filter(sqlite3_stmt *stmt, const struct fund_filter *f)
{
	const char *colon = f->set ? strchr(f->set, ':') : NULL;
	long long version;

	bind_named(stmt, ":office", f->office, -1);
	bind_named(stmt, ":unit", f->unit, -1);
	bind_named(stmt, ":set", f->set, colon ? (int)(colon - f->set) : -1);
	if (colon && text_parse_int(colon + 1, &version) == 0)
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":ver"), version);
	else if (colon)   /* no such version: nothing matches */
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":ver"), -1);
	bind_named(stmt, ":status", f->status, -1);
	bind_named(stmt, ":with", f->with, -1);
}

/* ---- the table ---- */

void fund_table_free(struct fund_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->rows[i].frame);
		free(t->rows[i].label);
	}
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}

/* A new row at the end of T for FRAME (NULL: none) labelled LABEL;
 * NULL when out of memory. */
static struct fund_row *add_row(struct fund_table *t, const char *frame, const char *label)
{
	struct fund_row *r = array_grow(&t->rows, &t->n, sizeof *t->rows);

	if (!r)
		return NULL;
	r->frame = frame ? strdup(frame) : NULL;
	r->label = strdup(label ? label : "");
	if ((frame && !r->frame) || !r->label)
		return NULL;
	return r;
}

/* The row of T for FRAME (NULL: no frame) among its first N, or NULL. */
static struct fund_row *row_of(struct fund_table *t, size_t n, const char *frame)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (frame ? t->rows[i].frame && strcmp(t->rows[i].frame, frame) == 0
			  : !t->rows[i].frame)
			return &t->rows[i];
	return NULL;
}

/* Add COUNT, ASKED, AGREED to cell I of R. */
static void add_to(struct fund_row *r, int i, long count, double asked, double agreed)
{
	r->cells[i].count += count;
	r->cells[i].asked += asked;
	r->cells[i].agreed += agreed;
}

static const char table_sql[] =
	F_SUB "SELECT f.code, f.label, " F_WITH ", count(*), total(r.amount),"
	" total(CASE WHEN r.status IN ('agreed', 'partly_agreed') THEN r.amount_agreed END)"
	F_FROM " LEFT JOIN support_frame f ON f.id = " F_FRAME F_WHERE
	" GROUP BY " F_FRAME ", 3 ORDER BY f.code IS NULL, f.code";

/* The groups of STMT into T's rows: frames the INI lacks are added, "no
 * frame" last (the query gives it last); each group's source into its
 * cell and into the row's total.  Returns the last sqlite3_step result;
 * *OOM set when a row could not be added. */
static int table_fill(struct fund_table *t, sqlite3_stmt *stmt, int *oom)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *frame = (const char *)sqlite3_column_text(stmt, 0);
		const char *label = (const char *)sqlite3_column_text(stmt, 1);
		struct fund_row *r = row_of(t, t->n, frame);
		long count = sqlite3_column_int64(stmt, 3);
		double asked = sqlite3_column_double(stmt, 4), agreed = sqlite3_column_double(stmt, 5);
		int i = fund_source_index((const char *)sqlite3_column_text(stmt, 2));

		if (!r && !(r = add_row(t, frame, frame ? label : _("no frame")))) {
			*oom = 1;
			break;
		}
		if (i >= 0)
			add_to(r, i, count, asked, agreed);
		add_to(r, FUND_SOURCES, count, asked, agreed);
	}
	return rc;
}

int fund_table_load(struct store *st, const struct config *cfg, const struct fund_filter *f,
		    struct fund_table *t, struct rm_error *err)
{
	struct fund_row *total;
	sqlite3_stmt *stmt;
	size_t i;
	int rc, k, oom = 0;

	memset(t, 0, sizeof *t);
	for (i = 0; i < cfg->support_frames.n; i++)
		if (!add_row(t, cfg->support_frames.v[i].code, cfg->support_frames.v[i].label))
			goto oom;
	if (!(stmt = store_prepare(st, table_sql, err))) {
		fund_table_free(t);
		return -1;
	}
	bind_filter(stmt, f);
	rc = table_fill(t, stmt, &oom);
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		fund_table_free(t);
		return -1;
	}
	if (!row_of(t, t->n, NULL) && !add_row(t, NULL, _("no frame")))
		goto oom;
	if (!(total = add_row(t, NULL, _("every frame"))))
		goto oom;
	total->total = 1;
	for (i = 0; i + 1 < t->n; i++)
		for (k = 0; k <= FUND_SOURCES; k++)
			add_to(total, k, t->rows[i].cells[k].count, t->rows[i].cells[k].asked,
			       t->rows[i].cells[k].agreed);
	return 0;
oom:
	fund_table_free(t);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
}

/* ---- a cell's requests ---- */

#define R_COLS \
	"SELECT r.uid, coalesce(o.short_name, o.name), i.code, r.needed, r.status, " F_WITH "," \
	" r.amount, iif(r.status IN ('agreed', 'partly_agreed'), r.amount_agreed, NULL), r.id"
#define R_FROM \
	F_FROM " CROSS JOIN office o ON o.id = a.office_id CROSS JOIN norm_item i ON i.id = e.item_id"
#define R_CELL \
	" AND (:anyframe OR " F_FRAME " IS (SELECT id FROM support_frame WHERE code = :frame))" \
	" AND (:source IS NULL OR " F_WITH " = :source)"
#define R_SELECT F_SUB R_COLS R_FROM F_WHERE R_CELL

static const struct pager_order request_order = {
	R_SELECT " ORDER BY r.id LIMIT :n",
	R_SELECT " AND r.id > :k1 ORDER BY r.id LIMIT :n",
	R_SELECT " AND r.id < :k1 ORDER BY r.id DESC LIMIT :n",
	R_SELECT " ORDER BY r.id DESC LIMIT :n",
	"SELECT id FROM support_request WHERE uid = :code",
	1,
};

static int request_decode(sqlite3_stmt *stmt, void *row, const void *arg)
{
	struct fund_request_row *r = row;
	int oom = 0;

	(void)arg;
	r->id = sqlite3_column_int64(stmt, 8);   /* the key, last */
	r->uid = store_col_dup(stmt, 0, &oom);
	r->unit = store_col_dup(stmt, 1, &oom);
	r->item = store_col_dup(stmt, 2, &oom);
	r->needed = store_col_dup(stmt, 3, &oom);
	r->status = store_col_dup(stmt, 4, &oom);
	r->with = store_col_dup(stmt, 5, &oom);
	r->has_amount = sqlite3_column_type(stmt, 6) != SQLITE_NULL;
	r->amount = sqlite3_column_double(stmt, 6);
	r->has_agreed = sqlite3_column_type(stmt, 7) != SQLITE_NULL;
	r->agreed = sqlite3_column_double(stmt, 7);
	return oom ? -1 : 0;
}

static void request_release(void *row)
{
	struct fund_request_row *r = row;

	free(r->uid);
	free(r->unit);
	free(r->item);
	free(r->needed);
	free(r->status);
	free(r->with);
}

static const char *request_code(const void *row)
{
	return ((const struct fund_request_row *)row)->uid;
}

/* Bind the query's filter and its cell (ARG: the fund_query). */
static void request_bind(sqlite3_stmt *stmt, const void *arg)
{
	const struct fund_query *q = arg;

	bind_filter(stmt, &q->filter);
	sqlite3_bind_int(stmt, sqlite3_bind_parameter_index(stmt, ":anyframe"), q->frame == NULL);
	bind_named(stmt, ":frame", q->frame, -1);
	bind_named(stmt, ":source", q->source, -1);
}

void fund_request_pager(struct pager *pg, struct store *st, const struct fund_query *q)
{
	pager_init(pg, st, &request_order, sizeof(struct fund_request_row));
	pg->decode = request_decode;
	pg->release = request_release;
	pg->bind = request_bind;
	pg->code_of = request_code;
	pg->arg = q;
}
