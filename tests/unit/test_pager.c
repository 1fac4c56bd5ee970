/* test_pager.c - the list screens read a page at a time: paging forward
 * from the first row, backward from the last, and reading again around
 * any row must give exactly the rows of one full, sorted query, in every
 * order the lists offer, across ties (units of the same name, days with
 * many records, equal coverage, versions of a set) and with a filter. */
#include "helpers.h"
#include "routemap/catalog.h"
#include "routemap/pager.h"
#include "routemap/schema.h"

static void exec(struct fixture *f, const char *sql)
{
	if (sqlite3_exec(f->st.db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->st.db));
}

/* The demo, plus records made to tie: three units of one name, one unit
 * known by its full name only, days shared by many assessments and AARs,
 * undated assessments, plans and AARs with the same title. */
static int setup(void **state)
{
	struct fixture *f;
	int i;

	fixture_setup_demo(state);
	f = *state;
	exec(f, "INSERT INTO office(code, name, short_name, level) VALUES"
		" ('PG1', 'โรงพยาบาลส่งเสริมสุขภาพตำบลนา ๑', 'รพ.สต.นา', 'unit'),"
		" ('PG3', 'โรงพยาบาลส่งเสริมสุขภาพตำบลนา ๓', 'รพ.สต.นา', 'unit'),"
		" ('PG2', 'โรงพยาบาลส่งเสริมสุขภาพตำบลนา ๒', 'รพ.สต.นา', 'unit'),"
		" ('PG4', 'กองทุนหลักประกันสุขภาพ', 'กขค', 'unit'),"
		" ('PG5', 'ขอนแก่น', NULL, 'unit'),"
		" ('PG6', 'โรงพยาบาลส่งเสริมสุขภาพตำบลไร่', 'รพ.สต.ไร่', 'unit')");
	/* four assessments per unit, of every version of every set */
	exec(f, "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 4)"
		" INSERT INTO assessment(code, set_id, office_id, assessed_on)"
		" SELECT 'ป-' || o.code || '-' || n.k,"
		"  (SELECT s2.id FROM norm_set s2 WHERE (SELECT count(*) FROM norm_set s3"
		"    WHERE s3.id < s2.id) = n.k % (SELECT count(*) FROM norm_set)),"
		"  o.id, CASE n.k WHEN 1 THEN '2569-01-15' WHEN 2 THEN NULL WHEN 3 THEN '2569-01-15'"
		"  ELSE '2568-12-0' || (length(o.code) % 9 + 1) END"
		" FROM office o CROSS JOIN n WHERE o.code LIKE 'PG%'");
	/* some answers, so that coverage differs and ties */
	exec(f, "INSERT INTO assessment_entry(assessment_id, item_id, status)"
		" SELECT a.id, i.id, CASE (a.id + i.id) % 3 WHEN 0 THEN 'met' WHEN 1 THEN 'partial'"
		"  ELSE 'na' END"
		" FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"
		" WHERE a.code LIKE 'ป-PG_-1' OR a.code LIKE 'ป-PG_-3'");
	for (i = 0; i < 3; i++)
		exec(f, "INSERT INTO aar(code, template, date, title, subject_kind) SELECT"
			" 'ท-' || o.code || '-' || (SELECT count(*) FROM aar), 'aar4',"
			" CASE length(o.name) % 3 WHEN 0 THEN '2569-02-01' ELSE '2569-02-0' || (length(o.name) % 3) END,"
			" CASE o.code WHEN 'PG1' THEN 'ทบทวนหลังปฏิบัติ' WHEN 'PG2' THEN 'ทบทวนหลังปฏิบัติ'"
			"  ELSE 'ถอดบทเรียน ' || o.name END, 'event' FROM office o");
	exec(f, "INSERT INTO plan(code, office_id, title, fy_from, fy_to)"
		" SELECT 'แผน-' || o.code, o.id, CASE WHEN o.code IN ('PG1', 'PG2', 'PG3')"
		"  THEN 'แผนสุขภาพตำบล' ELSE 'แผน ' || o.name END, 2568, 2570 FROM office o");
	return 0;
}

/* The code of window row I: every list row starts with its code. */
static const char *code_at(const struct pager *pg, size_t i)
{
	return *(char *const *)pager_row(pg, i);
}

/* The codes a full query lists, in its order. */
struct codes {
	char **v;
	size_t n;
};

static struct codes query_codes(struct fixture *f, const char *sql)
{
	struct codes c = { NULL, 0 };
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(f->st.db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->st.db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		c.v = realloc(c.v, (c.n + 1) * sizeof *c.v);
		assert_non_null(c.v);
		c.v[c.n++] = strdup((const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	return c;
}

static void codes_free(struct codes *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
}

static size_t index_of(const struct codes *c, const char *code)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i], code) == 0)
			return i;
	fail_msg("%s not listed", code);
	return 0;
}

/* The window must be the run of WANT starting at the row of its first
 * code. */
static void assert_window(const struct pager *pg, const struct codes *want)
{
	size_t at, i;

	if (!pg->n)
		return;
	at = index_of(want, code_at(pg, 0));
	assert_true(at + pg->n <= want->n);
	for (i = 0; i < pg->n; i++)
		assert_string_equal(code_at(pg, i), want->v[at + i]);
	if (pg->at_start)
		assert_int_equal(at, 0);
	if (pg->at_end)
		assert_int_equal(at + pg->n, want->n);
}

/* Page PG through the whole list forward and backward in pages of every
 * size from 1 to 9, and around every row; each time the rows must be
 * those of WANT, in its order. */
static void check_paging(struct pager *pg, const struct codes *want)
{
	struct rm_error err = { 0, "" };
	size_t page, i, sel;

	assert_true(want->n >= 10);
	for (page = 1; page <= 9; page++) {
		assert_int_equal(pager_first(pg, page, &err), 0);
		while (!pg->at_end) {
			assert_true(pager_forward(pg, page, &err) >= 0);
			assert_window(pg, want);
			if (pg->n > 3 * page)
				pager_drop_front(pg, page);
		}
		assert_string_equal(code_at(pg, pg->n - 1), want->v[want->n - 1]);
		assert_int_equal(pager_last(pg, page, &err), 0);
		while (!pg->at_start) {
			assert_true(pager_backward(pg, page, &err) >= 0);
			assert_window(pg, want);
			if (pg->n > 3 * page)
				pager_drop_back(pg, page);
		}
		assert_string_equal(code_at(pg, 0), want->v[0]);
	}
	for (i = 0; i < want->n; i++) {
		assert_int_equal(pager_seek(pg, want->v[i], &sel, 4, &err), 0);
		assert_string_equal(code_at(pg, sel), want->v[i]);
		assert_window(pg, want);
		/* and read again around the row it is on */
		assert_int_equal(pager_reload(pg, &sel, 3, &err), 0);
		assert_string_equal(code_at(pg, sel), want->v[i]);
		assert_window(pg, want);
	}
	pager_clear(pg);
}

#define A_FROM \
	" FROM assessment a JOIN office o ON o.id = a.office_id JOIN norm_set s ON s.id = a.set_id" \
	" JOIN assessment_tally t ON t.assessment_id = a.id LEFT JOIN project j ON j.id = a.project_id"

static void test_assessment_orders(void **state)
{
	static const char *const full[ASSESSMENT_ORDERS] = {
		[ASSESSMENT_BY_UNIT] = "SELECT a.code" A_FROM
			" ORDER BY coalesce(o.short_name, o.name) COLLATE THAI, o.code, a.code COLLATE THAI",
		[ASSESSMENT_BY_SET] = "SELECT a.code" A_FROM
			" ORDER BY s.code, s.version DESC, a.code COLLATE THAI",
		[ASSESSMENT_BY_DAY] = "SELECT a.code" A_FROM
			" ORDER BY coalesce(a.assessed_on, '') DESC, a.code COLLATE THAI",
		[ASSESSMENT_BY_COVERAGE] = "SELECT a.code" A_FROM
			" ORDER BY CASE WHEN t.weight_w > t.na_w THEN (t.met_w + t.partial_w * 0.5)"
			"  / (t.weight_w - t.na_w) ELSE -1 END DESC, a.id",
	};
	struct fixture *f = *state;
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_UNIT, NULL, { NULL, NULL } };
	struct pager pg;
	int o;

	f->cfg.partial_weight = 0.5;
	for (o = 0; o < ASSESSMENT_ORDERS; o++) {
		struct codes want = query_codes(f, full[o]);

		q.order = (enum assessment_order)o;
		assessment_pager(&pg, &f->st, &q);
		check_paging(&pg, &want);
		codes_free(&want);
	}
}

/* Sorted by coverage with a partial weight the database does not keep:
 * a reader sorts every share afresh, a writer counts the kept shares
 * again; both list the same order. */
static void test_coverage_by_another_weight(void **state)
{
	struct fixture *f = *state;
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_COVERAGE, NULL, { NULL, NULL } };
	struct codes want = query_codes(f, "SELECT a.code" A_FROM
		" ORDER BY CASE WHEN t.weight_w > t.na_w THEN (t.met_w + t.partial_w * 0.25)"
		"  / (t.weight_w - t.na_w) ELSE -1 END DESC, a.id");
	struct pager pg;

	f->cfg.partial_weight = 0.25;
	assert_int_equal(schema_coverage_weight(f->st.db, 0.25, 0), 0);   /* kept: 0.5 */
	assessment_pager(&pg, &f->st, &q);
	check_paging(&pg, &want);
	assert_int_equal(schema_coverage_weight(f->st.db, 0.25, 1), 1);   /* counted again */
	assert_int_equal(fixture_int(f, "SELECT partial * 4 FROM coverage_weight"), 1);
	assessment_pager(&pg, &f->st, &q);
	check_paging(&pg, &want);
	codes_free(&want);
}

static void test_assessments_by_unit_hand_ordered(void **state)
{
	struct fixture *f = *state;
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_UNIT, NULL, { NULL, NULL } };
	struct rm_error err = { 0, "" };
	struct codes got = { NULL, 0 };
	struct pager pg;
	size_t i;

	assessment_pager(&pg, &f->st, &q);
	assert_int_equal(pager_first(&pg, 1000, &err), 0);
	assert_true(pg.at_end);
	got.v = calloc(pg.n, sizeof *got.v);
	for (i = 0; i < pg.n; i++)
		got.v[got.n++] = strdup(code_at(&pg, i));
	/* กขค before ขอนแก่น (its full name); the three รพ.สต.นา by office
	 * code, each unit's four by code; รพ.สต.ไร่ after them: Thai order
	 * reads ไร่ from its consonant ร, after น */
	assert_true(index_of(&got, "ป-PG4-4") < index_of(&got, "ป-PG5-1"));
	assert_true(index_of(&got, "ป-PG5-4") < index_of(&got, "ป-PG1-1"));
	assert_int_equal(index_of(&got, "ป-PG1-4"), index_of(&got, "ป-PG1-1") + 3);
	assert_int_equal(index_of(&got, "ป-PG2-1"), index_of(&got, "ป-PG1-4") + 1);
	assert_int_equal(index_of(&got, "ป-PG3-1"), index_of(&got, "ป-PG2-4") + 1);
	assert_true(index_of(&got, "ป-PG3-4") < index_of(&got, "ป-PG6-1"));
	codes_free(&got);
	pager_clear(&pg);
}

static void test_assessments_filtered(void **state)
{
	struct fixture *f = *state;
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_UNIT, "นา", { NULL, NULL } };
	struct codes want = query_codes(f, "SELECT a.code" A_FROM
		" WHERE instr(coalesce(o.short_name, o.name), 'นา') OR instr(a.code, 'นา')"
		"  OR instr(s.code, 'นา') OR instr(coalesce(j.code, ''), 'นา')"
		" ORDER BY coalesce(o.short_name, o.name) COLLATE THAI, o.code, a.code COLLATE THAI");
	struct pager pg;

	/* the three units named นา, at least */
	assert_true(want.n >= 12);
	assessment_pager(&pg, &f->st, &q);
	check_paging(&pg, &want);
	codes_free(&want);
	/* assessed on some days only (none with no day), ends included */
	q.filter = NULL;
	q.days.from = "2568-12-03";
	q.days.to = "2569-01-15";
	want = query_codes(f, "SELECT a.code" A_FROM
		" WHERE a.assessed_on BETWEEN '2568-12-03' AND '2569-01-15'"
		" ORDER BY coalesce(o.short_name, o.name) COLLATE THAI, o.code, a.code COLLATE THAI");
	assert_true(want.n >= 12);
	pager_clear(&pg);
	assessment_pager(&pg, &f->st, &q);
	check_paging(&pg, &want);
	codes_free(&want);
}

static void test_plans_and_aars(void **state)
{
	struct fixture *f = *state;
	struct codes plans = query_codes(f, "SELECT code FROM plan ORDER BY title COLLATE THAI, code");
	struct codes aars = query_codes(f, "SELECT code FROM aar"
					   " ORDER BY date DESC, title COLLATE THAI, code");
	struct pager pg;

	plan_pager(&pg, &f->st);
	check_paging(&pg, &plans);
	aar_pager(&pg, &f->st, NULL);
	check_paging(&pg, &aars);
	codes_free(&plans);
	codes_free(&aars);
	/* held on some days only: both ends included */
	{
		const struct day_span span = { "2569-02-01", "2569-02-02" };
		struct codes some = query_codes(f, "SELECT code FROM aar WHERE date >= '2569-02-01'"
						" AND date <= '2569-02-02'"
						" ORDER BY date DESC, title COLLATE THAI, code");

		pager_clear(&pg);
		aar_pager(&pg, &f->st, &span);
		check_paging(&pg, &some);
		codes_free(&some);
	}
}

/* A row deleted under the window: reading again around it lands on the
 * row after it. */
static void test_reload_after_delete(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct codes want = query_codes(f, "SELECT code FROM plan ORDER BY title COLLATE THAI, code");
	size_t sel, mid = index_of(&want, "แผน-PG5");
	struct pager pg;

	/* 'แผน ขอนแก่น' has plans on both sides */
	assert_true(mid > 0 && mid + 1 < want.n);
	plan_pager(&pg, &f->st);
	exec(f, "DELETE FROM plan WHERE code = 'แผน-PG2'");
	assert_int_equal(pager_seek(&pg, "แผน-PG1", &sel, 3, &err), 0);
	assert_string_equal(code_at(&pg, sel), "แผน-PG1");
	/* PG2 is gone: PG3 (same title) follows PG1 */
	assert_string_equal(code_at(&pg, sel + 1), "แผน-PG3");
	assert_int_equal(pager_seek(&pg, "แผน-PG5", &sel, 3, &err), 0);
	exec(f, "DELETE FROM plan WHERE code = 'แผน-PG5'");
	assert_int_equal(pager_reload(&pg, &sel, 3, &err), 0);
	assert_string_equal(code_at(&pg, sel), want.v[mid + 1]);
	assert_string_equal(code_at(&pg, sel - 1), want.v[mid - 1]);
	pager_clear(&pg);
	codes_free(&want);
}

/* A record whose key moved (its coverage changed): reading again keeps
 * the selection on it, wherever it went; a record gone leaves the
 * selection on the row after its place. */
static void test_reload_follows_the_record(void **state)
{
	struct fixture *f = *state;
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_COVERAGE, NULL, { NULL, NULL } };
	struct rm_error err = { 0, "" };
	struct pager pg;
	size_t sel;

	f->cfg.partial_weight = 0.5;
	assessment_pager(&pg, &f->st, &q);
	/* ป-PG1-2 has no answers: near the end; every item met puts it first */
	assert_int_equal(pager_seek(&pg, "ป-PG1-2", &sel, 3, &err), 0);
	assert_string_equal(code_at(&pg, sel), "ป-PG1-2");
	exec(f, "INSERT INTO assessment_entry(assessment_id, item_id, status)"
		" SELECT a.id, i.id, 'met' FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"
		" WHERE a.code = 'ป-PG1-2'");
	assert_int_equal(pager_reload(&pg, &sel, 3, &err), 0);
	assert_string_equal(code_at(&pg, sel), "ป-PG1-2");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_tally t"
				     " WHERE coalesce(t.share, -1) > (SELECT share FROM assessment_tally"
				     "  JOIN assessment a ON a.id = assessment_id WHERE a.code = 'ป-PG1-2')"), 0);
	pager_clear(&pg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assessment_orders, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_coverage_by_another_weight, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessments_by_unit_hand_ordered, setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessments_filtered, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plans_and_aars, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reload_after_delete, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reload_follows_the_record, setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
