/* test_levels.c - PMQA levels: the coverage of a levels set worked out by
 * hand, a category's level (the lowest of its items), the kept tally
 * following levels set, changed, cleared and undone, and a set's scale in
 * CSV, in a new version and on its form. */
#include <math.h>

#include "helpers.h"
#include "routemap/lessons.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/normedit.h"
#include "routemap/schema.h"

/* An assessment of a levels set built by hand. */
static struct assessment levels_of(struct check_item *items, size_t n)
{
	static struct check_group groups[2] = { { "1", "การนำองค์การ" },
						{ "2", "การวางแผนเชิงยุทธศาสตร์" } };
	struct assessment a;

	memset(&a, 0, sizeof a);
	a.levels = 1;
	a.groups = groups;
	a.ngroups = 2;
	a.items = items;
	a.nitems = n;
	return a;
}

static void test_coverage_by_hand(void **state)
{
	struct fixture *f = *state;
	/* a status on a levels item counts for nothing: only its level */
	struct check_item items[] = {
		{ .weight = 1, .group = 0, .level = 3, .status = STATUS_NA },
		{ .weight = 1, .group = 0, .level = 1 },
		{ .weight = 2, .group = 1, .level = 0, .status = STATUS_MET },
		{ .weight = 1, .group = 1, .level = -1 },
	};
	struct assessment a = levels_of(items, 3);
	struct coverage c;

	/* weights 1, 1, 2 at levels 3, 1, 0: (3 + 1 + 0) / (3 x 4) = 33.3 % */
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assert_int_equal(c.items, 3);
	assert_int_equal(c.answered, 3);
	assert_true(c.has_percent);
	assert_true(fabs(c.percent - 100.0 / 3) < 1e-9);
	assert_int_equal(c.rank, 2);
	/* and one more of weight 1, unanswered: 4 / 15, every item applies */
	a = levels_of(items, 4);
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assert_int_equal(c.answered, 3);
	assert_true(fabs(c.applicable - 5) < 1e-9);
	assert_true(fabs(c.percent - 400.0 / 15) < 1e-9);
	/* the first category: (3 + 1) / 6; the second: 0 / 9 */
	c = assessment_coverage(&a, &f->cfg, 0);
	assert_true(fabs(c.percent - 400.0 / 6) < 1e-9);
	assert_int_equal(c.rank, 4);
	c = assessment_coverage(&a, &f->cfg, 1);
	assert_true(c.has_percent);
	assert_true(fabs(c.percent) < 1e-9);
	/* all at Significance: 100 % */
	items[1].level = items[2].level = items[3].level = 3;
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assert_true(fabs(c.percent - 100) < 1e-9);
	assert_int_equal(c.rank, 5);
}

static void test_category_level(void **state)
{
	struct check_item items[] = {
		{ .weight = 1, .group = 0, .level = 3 },
		{ .weight = 1, .group = 0, .level = 1 },
		{ .weight = 2, .group = 1, .level = 2 },
		{ .weight = 1, .group = 1, .level = -1 },
	};
	struct assessment a = levels_of(items, 4);
	struct level_count n;
	char text[160];

	(void)state;
	/* Significance and Basic: the category stands at Basic */
	n = assessment_levels(&a, 0);
	assert_int_equal(n.items, 2);
	assert_int_equal(n.level, 1);
	assert_int_equal(n.at[3], 1);
	assert_int_equal(n.at[1], 1);
	assert_int_equal(n.unanswered, 0);
	level_count_text(&a, 0, text, sizeof text);
	assert_string_equal(text, "level B  B 1  A 0  S 1  none 0  unanswered 0");
	/* one unanswered: not known yet */
	n = assessment_levels(&a, 1);
	assert_int_equal(n.level, -1);
	assert_int_equal(n.unanswered, 1);
	assert_string_equal(level_letter(n.level), "-");
	/* answered at none: the category reaches none */
	items[3].level = 0;
	n = assessment_levels(&a, 1);
	assert_int_equal(n.level, 0);
	assert_int_equal(n.at[0], 1);
	assert_int_equal(n.at[2], 1);
	assert_string_equal(level_mark(0), "[0]");
	assert_string_equal(level_mark(2), "[A]");
	assert_string_equal(level_mark(-1), "[ ]");
	/* the whole: the lowest of all */
	assert_int_equal(assessment_levels(&a, (size_t)-1).level, 0);
	/* unanswered means no level in a levels set, whatever the status */
	items[0].status = STATUS_MET;
	items[0].level = -1;
	assert_true(check_item_open(&a, &items[0]));
}

/* The assessments whose kept tally differs from a fresh count (check). */
static long long tallies_wrong(struct fixture *f)
{
	char sql[4096];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s)", schema_tally_check_sql);
	return fixture_int(f, sql);
}

/* The kept share of A-NPG-69 against its checklist's coverage: 1 when
 * they agree, and the share is WANT (a fraction). */
static void share_is(struct fixture *f, double want)
{
	struct rm_error err = { 0, "" };
	struct assessment a;
	struct coverage c;
	char sql[256];

	assert_int_equal(tallies_wrong(f), 0);
	assert_int_equal(assessment_load(&f->st, &f->cfg, "A-NPG-69", &a, &err), 0);
	assert_true(a.levels);
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assessment_free(&a);
	assert_true(fabs(c.percent - want * 100) < 1e-9);
	snprintf(sql, sizeof sql, "SELECT abs(t.share - %.17g) < 1e-12 FROM assessment_tally t"
		 " JOIN assessment a ON a.id = t.assessment_id WHERE a.code = 'A-NPG-69'", want);
	assert_int_equal(fixture_int(f, sql), 1);
}

/* Set item CODE of A-NPG-69 from level WAS to level TO (NULL: none), one
 * step of U. */
static void set_level(struct fixture *f, struct undo_log *u, const char *code, const char *was,
		      const char *to)
{
	struct rm_error err = { 0, "" };
	char sql[256];
	sqlite3_int64 a, i;

	a = fixture_int(f, "SELECT id FROM assessment WHERE code = 'A-NPG-69'");
	snprintf(sql, sizeof sql, "SELECT i.id FROM norm_item i JOIN assessment a"
		 " ON a.set_id = i.set_id WHERE a.code = 'A-NPG-69' AND i.code = '%s'", code);
	i = fixture_int(f, sql);
	assert_int_equal(change_entry_field(&f->st, u, a, i, "assessment_entry.level", was, to, NULL,
					    NULL, &err), CHANGE_OK);
	change_seal(u);
}

static void test_tally_follows_levels(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };

	/* the demo: L1 2, L2 1, P1 1, C1 3, M1 0, W1 1 of 8 items of weight 1 */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_tally t JOIN assessment a"
				     " ON a.id = t.assessment_id WHERE a.code = 'A-NPG-69'"
				     " AND items = 8 AND answered = 6 AND weight_w = 8000000"
				     " AND abs(met_w - 8000000 / 3.0) < 1e-6 AND na_w = 0 AND partial_w = 0"),
			 1);
	share_is(f, 8.0 / 24);
	set_level(f, &u, "O1", NULL, "3");          /* a new entry */
	share_is(f, 11.0 / 24);
	set_level(f, &u, "L1", "2", "0");           /* changed */
	share_is(f, 9.0 / 24);
	set_level(f, &u, "C1", "3", NULL);          /* cleared */
	share_is(f, 6.0 / 24);
	assert_int_equal(fixture_int(f, "SELECT answered FROM assessment_tally t JOIN assessment a"
				     " ON a.id = t.assessment_id WHERE a.code = 'A-NPG-69'"), 6);
	/* an item's weight changed: its set counted again */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE norm_item SET weight = 2 WHERE code = 'O1'",
				      NULL, NULL, NULL), SQLITE_OK);
	share_is(f, (6.0 + 3) / 27);                /* O1 at 3 counts 6 of 27 */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE norm_item SET weight = 1 WHERE code = 'O1'",
				      NULL, NULL, NULL), SQLITE_OK);
	/* undo, one step at a time, back to the demo */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	share_is(f, 9.0 / 24);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	share_is(f, 11.0 / 24);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	share_is(f, 8.0 / 24);
	undo_log_free(&u);
}

/* Success factors count levels as the tally does: the demo's A-NPG-69
 * picked as the successful side, L1 at 2 meets 2/3 (66.67 %), M1 at 0
 * none, O1 unanswered is no answer; nothing on the other side. */
static int success_row_of(const struct success_row *row, void *arg)
{
	double *rates = arg;

	if (strcmp(row->item, "L1") == 0)
		rates[0] = row->succ_answers * 1000 + row->succ_rate;
	else if (strcmp(row->item, "M1") == 0)
		rates[1] = row->succ_answers * 1000 + row->succ_rate;
	else if (strcmp(row->item, "O1") == 0)
		rates[2] = row->succ_answers * 1000 + row->succ_rate;
	return 0;
}

static void test_success_counts_levels(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	const char *picked[] = { "A-NPG-69" };
	struct success_pick pick = { 4, picked, 1 };
	double rates[3] = { -1, -1, -1 };

	assert_int_equal(success_rows(&f->st, &f->cfg, "PMQA-SELF", 1, &pick, success_row_of, rates,
				      NULL, &err), 0);
	assert_true(fabs(rates[0] - (1000 + 200.0 / 3)) < 1e-6);
	assert_true(fabs(rates[1] - 1000) < 1e-6);
	assert_true(fabs(rates[2]) < 1e-6);
}

static void test_scale_in_csv_and_versions(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	int made = 0;

	/* a file of norm sets without the column: status */
	assert_int_equal(fixture_import(f, "norm_sets", "s.csv",
		"code,office,title,version,issued,source,groups\n"
		"HEALTH-CITY,KKN-PHO,เมืองสุขภาพดี,1,,,key_activity\n", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT scale = 'status' FROM norm_set"
				     " WHERE code = 'HEALTH-CITY'"), 1);
	/* a new version keeps the levels */
	assert_int_equal(norm_new_version(&f->st, &u, "PMQA-SELF", 1, &made, &err), CHANGE_OK);
	assert_int_equal(made, 2);
	assert_int_equal(fixture_int(f, "SELECT scale = 'levels' FROM norm_set"
				     " WHERE code = 'PMQA-SELF' AND version = 2"), 1);
	/* nobody assessed against the draft: its scale may change, and back */
	assert_int_equal(fixture_form_save(f, &norm_set_form_def, "PMQA-SELF", "2", "scale", "status",
					   &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT scale = 'status' FROM norm_set"
				     " WHERE code = 'PMQA-SELF' AND version = 2"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	/* a unit assessed against it (an office's file, before it is issued):
	 * the scale stays, in words */
	assert_int_equal(fixture_import(f, "assessments", "a.csv",
		"code,set,version,office,project,assessed_on,assessor\n"
		"A-DHO-70,PMQA-SELF,2,NPG-DHO,,2026-11-20,นางสาวกาญจนา ทองดี\n", &err), 0);
	assert_int_equal(fixture_form_save(f, &norm_set_form_def, "PMQA-SELF", "2", "scale", "status",
					   &u, &err), FORM_REFUSED);
	assert_non_null(strstr(err.msg, "units were assessed against PMQA-SELF version 2"));
	/* nor by a file of corrections (import --update), naming the column */
	{
		struct transfer_file file = {
			.kind = transfer_kind_from_name("norm_sets"), .name = "u.csv",
			.data = "code,office,title,version,issued,source,groups,scale\n"
				"PMQA-SELF,KKN-PHO,แบบประเมินตนเองตามเกณฑ์ PMQA ระดับพื้นฐาน,2,,"
				"เกณฑ์คุณภาพการบริหารจัดการภาครัฐ,pmqa_category,status\n" };

		file.len = strlen(file.data);
		assert_int_equal(transfer_import_with(&f->st, &f->cfg, &file, 1, TRANSFER_UPDATE,
						      &err), -1);
		assert_non_null(strstr(err.msg, "u.csv:2:8 (scale): units were assessed against"));
	}
	assert_int_equal(fixture_int(f, "SELECT scale = 'levels' FROM norm_set"
				     " WHERE code = 'PMQA-SELF' AND version = 2"), 1);
	/* its entries take levels, in a column anywhere in the header */
	assert_int_equal(fixture_import(f, "assessment_entries", "e.csv",
		"level,assessment,item,status,note,support_needed,support_from,support_frame\n"
		"2,A-DHO-70,L1,,มีการประชุมถ่ายทอดทิศทาง,,,\n", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT e.level FROM assessment_entry e JOIN assessment a"
				     " ON a.id = e.assessment_id WHERE a.code = 'A-DHO-70'"), 2);
	assert_int_equal(tallies_wrong(f), 0);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_coverage_by_hand, fixture_setup_empty,
						fixture_teardown),
		cmocka_unit_test(test_category_level),
		cmocka_unit_test_setup_teardown(test_tally_follows_levels, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_success_counts_levels, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_scale_in_csv_and_versions, fixture_setup_demo,
						fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
