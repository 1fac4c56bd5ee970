/* test_report.c - the reports across units on a small province whose
 * figures are worked out by hand (tests/data/reports: five units, four
 * items, five support requests, five follow-up actions, four indicator
 * rows), the filters, and what each renderer writes. */
#include <math.h>

#include "helpers.h"
#include "routemap/report.h"

#define DIR "tests/data/reports/"

/* A database holding the province of tests/data/reports. */
static int setup(void **state)
{
	static const char *const kinds[] = { "offices", "groups", "support_frames", "norm_sets",
		"norm_items", "assessments", "assessment_entries", "aars", "aar_actions", "plans",
		"objectives", "indicators", "support_requests" };
	enum { NKINDS = sizeof kinds / sizeof kinds[0] };
	struct transfer_file files[NKINDS];
	struct rm_error err = { 0, "" };
	char *text[NKINDS], path[128];
	struct fixture *f;
	size_t i, len;

	fixture_setup_empty(state);
	f = *state;
	memset(files, 0, sizeof files);
	for (i = 0; i < NKINDS; i++) {
		snprintf(path, sizeof path, DIR "%s.csv", kinds[i]);
		text[i] = fixture_read_file(path, &len);
		files[i].kind = transfer_kind_from_name(kinds[i]);
		files[i].name = kinds[i];
		files[i].data = text[i];
		files[i].len = len;
		files[i].utf8 = 1;
	}
	if (transfer_import(&f->st, &f->cfg, files, NKINDS, &err) != 0)
		fail_msg("import: %s", err.msg);
	for (i = 0; i < NKINDS; i++)
		free(text[i]);
	return 0;
}

static struct report_filter filter(void)
{
	struct report_filter f;

	memset(&f, 0, sizeof f);
	strcpy(f.today, "2026-02-01");
	return f;
}

static void run(struct fixture *fx, const char *name, const struct report_filter *f,
		struct report *r)
{
	struct rm_error err = { 0, "" };

	if (report_run(&fx->st, &fx->cfg, report_find(name), f, r, &err) != 0)
		fail_msg("%s: %s", name, err.msg);
}

static const struct report_cell *cell(const struct report *r, size_t t, size_t row, size_t col)
{
	assert_true(t < r->ntables);
	assert_true(row < r->tables[t].nrows);
	return &r->tables[t].cells[row * r->tables[t].ncols + col];
}

static void text_is(const struct report *r, size_t t, size_t row, size_t col, const char *want)
{
	const struct report_cell *c = cell(r, t, row, col);

	if (!c->text || strcmp(c->text, want))
		fail_msg("table %zu row %zu col %zu: \"%s\", expected \"%s\"", t, row, col,
			 c->text ? c->text : "(none)", want);
}

/* Cells COL.. of ROW hold the numbers WANT (NAN: an empty cell). */
static void numbers_are(const struct report *r, size_t t, size_t row, size_t col, size_t n,
			const double *want)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct report_cell *c = cell(r, t, row, col + i);

		if (isnan(want[i]) ? c->has : !c->has || fabs(c->value - want[i]) > 0.05)
			fail_msg("table %zu row %zu col %zu: %g (%s), expected %g", t, row, col + i,
				 c->value, c->has ? "set" : "empty", want[i]);
	}
}

static void test_coverage(void **state)
{
	struct report_filter f = filter();
	struct report r;
	/* best first; A4 counts its unanswered item as not met: 0.5 / 4 */
	static const char *const order[] = { "A1", "A2", "A3", "A5", "A4" };
	static const double cov[5][2] = { { 100, 5 }, { 75, 4 }, { 66.7, 4 }, { 50, 3 }, { 12.5, 1 } };
	static const double ranks[5][3] = {
		{ 1, 20, 50 }, { 0, 0, 0 }, { 1, 20, 50 }, { 2, 40, 100 }, { 1, 20, 50 } };
	size_t i;

	run(*state, "coverage", &f, &r);
	assert_int_equal(r.ntables, 2);   /* only version 1 has assessments */
	assert_int_equal(r.tables[0].nrows, 5);
	for (i = 0; i < 5; i++) {
		text_is(&r, 0, i, 2, order[i]);
		numbers_are(&r, 0, i, 6, 2, cov[i]);
		numbers_are(&r, 1, i, 1, 3, ranks[i]);
	}
	text_is(&r, 0, 0, 0, "U1");
	text_is(&r, 0, 0, 3, "2026-01-15");
	report_free(&r);

	f.office = "DST";   /* the district and its three units */
	run(*state, "coverage", &f, &r);
	assert_int_equal(r.tables[0].nrows, 3);
	numbers_are(&r, 1, 3, 1, 3, (const double[]){ 2, 66.7, 100 });
	report_free(&r);

	f.office = NULL;
	f.fy = 2569;        /* 1 Oct 2025 - 30 Sep 2026: not A5 */
	run(*state, "coverage", &f, &r);
	assert_int_equal(r.tables[0].nrows, 4);
	text_is(&r, 0, 3, 2, "A4");
	report_free(&r);

	f.fy = 0;
	strcpy(f.from, "2025-09-01");
	strcpy(f.to, "2025-09-30");
	run(*state, "coverage", &f, &r);
	assert_int_equal(r.tables[0].nrows, 1);
	text_is(&r, 0, 0, 2, "A5");
	report_free(&r);
}

static void test_items(void **state)
{
	struct fixture *fx = *state;
	struct report_filter f = filter();
	struct report r;
	/* met, partly, not met, n.a., unanswered, coverage: weakest first,
	 * the two at 50 % in the set's order */
	static const char *const order[] = { "I2", "I4", "I3", "I1" };
	static const double want[4][6] = {
		{ 2, 1, 2, 0, 0, 50 }, { 1, 0, 1, 2, 1, 50 }, { 2, 1, 1, 1, 0, 62.5 }, { 4, 1, 0, 0, 0, 90 } };
	/* as levels (met 3, partial 2, not met 1, n.a. 0): none, Basic,
	 * Advance, Significance, unanswered, the mean level */
	static const char *const lorder[] = { "I4", "I3", "I2", "I1" };
	static const double lwant[4][6] = {
		{ 2, 1, 0, 1, 1, 1.0 }, { 1, 1, 1, 2, 0, 1.8 }, { 0, 2, 1, 2, 0, 2.0 }, { 0, 0, 1, 4, 0, 2.8 } };
	size_t i;

	f.set = "TST";   /* the latest issued version: 1, not the draft 2 */
	run(fx, "items", &f, &r);
	assert_int_equal(r.ntables, 1);
	assert_non_null(strstr(r.tables[0].sheet, "TST"));
	assert_non_null(strstr(r.tables[0].sheet, "1"));
	assert_int_equal(r.tables[0].nrows, 4);
	for (i = 0; i < 4; i++) {
		text_is(&r, 0, i, 0, order[i]);
		numbers_are(&r, 0, i, 2, 6, want[i]);
	}
	report_free(&r);

	assert_int_equal(sqlite3_exec(fx->st.db,
		"UPDATE norm_set SET scale = 'levels' WHERE code = 'TST';"
		"UPDATE assessment_entry SET level = CASE status WHEN 'met' THEN 3 WHEN 'partial' THEN 2"
		" WHEN 'not_met' THEN 1 WHEN 'na' THEN 0 END", NULL, NULL, NULL), SQLITE_OK);
	run(fx, "items", &f, &r);
	for (i = 0; i < 4; i++) {
		text_is(&r, 0, i, 0, lorder[i]);
		numbers_are(&r, 0, i, 2, 6, lwant[i]);
	}
	report_free(&r);
}

static void test_support(void **state)
{
	struct report_filter f = filter();
	struct report r;
	/* requests, baht asked, agreed, baht agreed, declined, waiting */
	static const double want[4][6] = {
		{ 3, 18000, 1, 8000, 1, 1 }, { 1, 2000, 0, 0, 0, 1 }, { 1, 0, 1, 1500, 0, 0 },
		{ 5, 20000, 2, 9500, 1, 2 } };
	static const char *const codes[4][2] = {
		{ "1", "fund" }, { "2", "region" }, { "", "local" }, { "*", NULL } };
	size_t i;

	run(*state, "support", &f, &r);
	assert_int_equal(r.tables[0].nrows, 4);
	for (i = 0; i < 4; i++) {
		numbers_are(&r, 0, i, 2, 6, want[i]);
		assert_string_equal(cell(&r, 0, i, 0)->code, codes[i][0]);
		if (codes[i][1])
			assert_string_equal(cell(&r, 0, i, 1)->code, codes[i][1]);
	}
	report_free(&r);

	f.office = "DST";   /* A1 agreed, A2 declined, A3 referred to the region */
	run(*state, "support", &f, &r);
	assert_int_equal(r.tables[0].nrows, 3);
	numbers_are(&r, 0, 0, 2, 6, (const double[]){ 2, 15000, 1, 8000, 1, 0 });
	numbers_are(&r, 0, 2, 2, 6, (const double[]){ 3, 17000, 1, 8000, 1, 1 });
	report_free(&r);
}

static void test_followups(void **state)
{
	struct report_filter f = filter();   /* today 2026-02-01 */
	struct report r;

	run(*state, "followups", &f, &r);
	assert_int_equal(r.ntables, 2);
	assert_int_equal(r.tables[0].nrows, 3);
	text_is(&r, 0, 0, 0, "นายกิตติ");
	numbers_are(&r, 0, 0, 1, 2, (const double[]){ 2, 1 });
	text_is(&r, 0, 0, 3, "2026-01-01");
	text_is(&r, 0, 1, 0, "นางขวัญ");
	numbers_are(&r, 0, 1, 1, 2, (const double[]){ 1, 1 });
	assert_string_equal(cell(&r, 0, 2, 0)->code, "");   /* no owner */
	numbers_are(&r, 0, 2, 1, 2, (const double[]){ 1, 0 });
	assert_null(cell(&r, 0, 2, 3)->text);
	/* by record: A1 and the event tie (2 open, 1 overdue) */
	assert_int_equal(r.tables[1].nrows, 2);
	text_is(&r, 1, 0, 1, "A1");
	assert_string_equal(cell(&r, 1, 0, 0)->code, "assessment");
	text_is(&r, 1, 0, 4, "2026-01-10");
	text_is(&r, 1, 1, 1, "เวทีถอดบทเรียนทดสอบ");
	assert_string_equal(cell(&r, 1, 1, 0)->code, "event");
	report_free(&r);

	strcpy(f.today, "2026-01-05");   /* then only the first was overdue */
	strcpy(f.to, "2026-01-31");      /* due in January: two actions */
	run(*state, "followups", &f, &r);
	assert_int_equal(r.tables[0].nrows, 2);
	text_is(&r, 0, 0, 0, "นายกิตติ");
	numbers_are(&r, 0, 0, 1, 2, (const double[]){ 1, 1 });
	numbers_are(&r, 0, 1, 1, 2, (const double[]){ 1, 0 });
	report_free(&r);
}

static void test_indicators(void **state)
{
	struct report_filter f = filter();
	struct report r;
	static const char *const names[] = { "จำนวนค", "ร้อยละก", "อัตราข", "อัตราข" };
	static const char *const track[] = { "yes", "yes", "no", "no_result" };
	size_t i;

	run(*state, "indicators", &f, &r);
	assert_int_equal(r.tables[0].nrows, 4);
	for (i = 0; i < 4; i++) {
		text_is(&r, 0, i, 2, names[i]);
		assert_string_equal(cell(&r, 0, i, 8)->code, track[i]);
	}
	numbers_are(&r, 0, 2, 4, 4, (const double[]){ 2569, 100, 50, 60 });
	numbers_are(&r, 0, 0, 5, 1, (const double[]){ NAN });   /* no baseline */
	report_free(&r);

	f.fy = 2570;
	f.office = "DST";   /* the plan is the province's: none */
	run(*state, "indicators", &f, &r);
	assert_int_equal(r.tables[0].nrows, 0);
	report_free(&r);
	f.office = "PRV";
	run(*state, "indicators", &f, &r);
	assert_int_equal(r.tables[0].nrows, 1);
	assert_string_equal(cell(&r, 0, 0, 8)->code, "no_result");
	report_free(&r);
}

/* Success factors with the successful from rank 4: A1 (rank 5), A2 and
 * A3 (rank 4) against A5 (3) and A4 (1).  Rates over met, partial (half)
 * and not met answers:
 *   I2: 2.5 of 3 = 83.3 % against 0 of 2: 83.3 points, a candidate;
 *   I3: 83.3 % against 0 of 1 (A5 n.a.): 83.3 points, a candidate;
 *   I1: 3 of 3 = 100 % against 1.5 of 2 = 75 %: 25 points, not one;
 *   I4: 1 of 2 = 50 % against no answer (A4 none, A5 n.a.): last. */
static void test_success(void **state)
{
	struct report_filter f = filter();
	struct report r;
	static const char *const order[] = { "I2", "I3", "I1", "I4" };
	static const double nums[4][5] = {
		{ 3, 83.33, 2, 0, 83.33 }, { 3, 83.33, 1, 0, 83.33 }, { 3, 100, 2, 75, 25 },
		{ 2, 50, 0, NAN, NAN } };
	static const int candidate[4] = { 1, 1, 0, 0 };
	size_t i;

	f.min_rank = 4;
	run(*state, "success", &f, &r);
	assert_int_equal(r.ntables, 1);
	assert_int_equal(r.tables[0].nrows, 4);
	for (i = 0; i < 4; i++) {
		text_is(&r, 0, i, 0, order[i]);
		numbers_are(&r, 0, i, 3, 5, nums[i]);
		assert_int_equal(cell(&r, 0, i, 8)->text != NULL, candidate[i]);
	}
	assert_non_null(strstr(r.tables[0].title, ": 3, "));   /* three successful */
	report_free(&r);
	/* from rank 5 only A1: I2's 1 of 1 against 1.5 of 4, no candidate
	 * (one successful answer) */
	f.min_rank = 5;
	run(*state, "success", &f, &r);
	for (i = 0; i < 4 && strcmp(cell(&r, 0, i, 0)->text, "I2") != 0; i++)
		;
	assert_true(i < 4);
	numbers_are(&r, 0, i, 3, 5, (const double[]){ 1, 100, 4, 37.5, 62.5 });
	assert_null(cell(&r, 0, i, 8)->text);
	report_free(&r);
}

static void test_filters_refused(void **state)
{
	struct fixture *fx = *state;
	struct report_filter f = filter();
	struct rm_error err = { 0, "" };
	struct report r;
	char from[11], to[11];

	f.set = "NOPE";
	assert_int_equal(report_run(&fx->st, &fx->cfg, report_find("items"), &f, &r, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	f.set = "TST";
	f.version = 5;
	assert_int_equal(report_run(&fx->st, &fx->cfg, report_find("coverage"), &f, &r, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	f = filter();
	f.office = "NOPE";
	assert_int_equal(report_run(&fx->st, &fx->cfg, report_find("support"), &f, &r, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	assert_null(report_find("nope"));
	report_fy_days(2569, from, to);
	assert_string_equal(from, "2025-10-01");
	assert_string_equal(to, "2026-09-30");
}

/* The text a renderer writes for report NAME into a string (caller frees). */
static char *rendered(struct fixture *fx, const char *name, void (*write)(const struct report *,
									  FILE *))
{
	struct report_filter f = filter();
	struct report r;
	char *s = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&s, &len);

	run(fx, name, &f, &r);
	write(&r, out);
	fclose(out);
	report_free(&r);
	return s;
}

static void write_txt(const struct report *r, FILE *out)
{
	report_write_txt(r, out, 0, 1);
}

static void test_renderers(void **state)
{
	struct fixture *fx = *state;
	struct report_filter f = filter();
	struct rm_error err = { 0, "" };
	struct report r;
	char path[160], magic[3] = "";
	char *s;
	FILE *in;

	s = rendered(fx, "support", report_write_csv);
	assert_ptr_equal(strstr(s, "frame,with,requests,baht_requested,agreed,baht_agreed,declined,"
				  "waiting\n"), s);
	assert_non_null(strstr(s, "\n1,fund,3,18000.00,1,8000.00,1,1\n"));
	assert_non_null(strstr(s, "\n*,,5,20000.00,2,9500.00,1,2\n"));
	free(s);
	s = rendered(fx, "support", write_txt);
	assert_non_null(strstr(s, "18,000 "));      /* baht as on every screen */
	assert_null(strstr(s, "18,000.00"));
	assert_non_null(strstr(s, "20,000"));
	free(s);
	s = rendered(fx, "coverage", write_txt);
	assert_non_null(strstr(s, "15 ม.ค. 2569"));       /* the Buddhist Era */
	assert_non_null(strstr(s, "66.7%"));
	assert_non_null(strstr(s, "####################"));   /* rank 4: the full bar */
	free(s);
	/* an item's text of 300 Thai characters (900 bytes), whole in csv and md */
	{
		char text[901], sql[1100];
		int k;

		for (k = 0; k < 300; k++)
			memcpy(text + 3 * k, "\xe0\xb8\x81", 3);   /* ก */
		text[900] = '\0';
		snprintf(sql, sizeof sql, "UPDATE norm_item SET text = '%s'", text);
		assert_int_equal(sqlite3_exec(fx->st.db, sql, NULL, NULL, NULL), SQLITE_OK);
		s = rendered(fx, "items", report_write_csv);
		assert_non_null(strstr(s, text));
		free(s);
		s = rendered(fx, "items", report_write_md);
		assert_non_null(strstr(s, text));
		free(s);
	}
	s = rendered(fx, "coverage", report_write_md);
	assert_non_null(strstr(s, "| U3 | "));
	assert_non_null(strstr(s, " ---: |"));
	free(s);

	run(fx, "coverage", &f, &r);
	snprintf(path, sizeof path, "%s/cover.xlsx", fx->dir);
	assert_int_equal(report_write_xlsx(&r, path, &err), 0);
	report_free(&r);
	in = fopen(path, "rb");
	assert_non_null(in);
	assert_int_equal(fread(magic, 1, 2, in), 2);
	fclose(in);
	assert_string_equal(magic, "PK");   /* a zip: the workbook's XML is read in tests/cli */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_coverage, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_items, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_support, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_followups, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_indicators, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_success, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_filters_refused, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_renderers, setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
