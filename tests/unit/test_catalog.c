/* test_catalog.c - the lists and the objective detail. */
#include <math.h>

#include "helpers.h"
#include "routemap/catalog.h"

static void test_assessment_list_matches_checklist(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct assessment_query q = { &f->cfg, ASSESSMENT_BY_UNIT, NULL, { NULL, NULL } };
	struct assessment_row *rows;
	struct pager pg;
	size_t n, i;

	/* one answer more, so the sums see a status the sample lacks */
	assert_int_equal(assessment_set_status(&f->st, "A-BNG-69", "CP3", STATUS_PARTIAL, &err), 0);
	assessment_pager(&pg, &f->st, &q);
	assert_int_equal(pager_first(&pg, 100, &err), 0);
	rows = pager_row(&pg, 0);
	n = pg.n;
	/* the two of CDC-NORM and the PMQA self-assessment (levels) */
	assert_int_equal(n, 3);
	/* Thai order of the unit: ศพด.บัวเงิน before ศพด.หนองกุง */
	assert_string_equal(rows[0].unit, "ศพด.บัวเงิน");
	for (i = 0; i < n; i++) {
		struct assessment a;
		struct coverage c;

		assert_int_equal(assessment_load(&f->st, &f->cfg, rows[i].code, &a, &err), 0);
		c = assessment_coverage(&a, &f->cfg, (size_t)-1);
		assert_int_equal(rows[i].coverage.items, c.items);
		assert_int_equal(rows[i].coverage.answered, c.answered);
		assert_true(fabs(rows[i].coverage.percent - c.percent) < 1e-9);
		assert_int_equal(rows[i].coverage.rank, c.rank);
		assessment_free(&a);
	}
	pager_clear(&pg);
}

static void test_plan_and_aar_lists(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct plan_row *plans;
	struct aar_row *aars;
	struct pager pg;
	size_t n;

	plan_pager(&pg, &f->st);
	assert_int_equal(pager_first(&pg, 100, &err), 0);
	plans = pager_row(&pg, 0);
	n = pg.n;
	assert_int_equal(n, 2);
	assert_string_equal(plans[0].code, "KKN-CDC-2568");
	assert_string_equal(plans[0].served_by, "NPG-CDC-2569");
	assert_string_equal(plans[1].serves, "KKN-CDC-2568");
	assert_int_equal(plans[1].fy_from, 2569);
	pager_clear(&pg);
	aar_pager(&pg, &f->st, NULL);
	assert_int_equal(pager_first(&pg, 100, &err), 0);
	aars = pager_row(&pg, 0);
	n = pg.n;
	assert_int_equal(n, 2);
	assert_string_equal(aars[0].code, "AAR-PMQA-2553");   /* newest first */
	assert_int_equal(aars[1].open_actions, 1);
	pager_clear(&pg);
}

static void test_objective_detail(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct objective_detail d;

	assert_int_equal(fixture_import(f, "slm_cells", "s.csv", "plan,objective,column,text\n"
		"KKN-CDC-2568,P2,actor,ครูพี่เลี้ยงและผู้ปกครอง\n", &err), 0);
	assert_int_equal(objective_load(&f->st, &f->cfg, "KKN-CDC-2568", "P2", &d, &err), 0);
	assert_int_equal(d.level, LEVEL_PEOPLE);
	assert_string_equal(d.causes, "S1 S2 S3 P1");
	assert_null(d.effects);
	assert_int_equal(d.nindicators, 2);
	assert_int_equal(d.indicators[0].fiscal_year, 2569);
	/* the office's eight columns, the one filled */
	assert_int_equal(d.nslm, 8);
	assert_string_equal(d.slm[1].code, "actor");
	assert_string_equal(d.slm[1].label, "ครูพี่เลี้ยงและผู้ปกครอง");
	assert_null(d.slm[0].label);
	objective_free(&d);
	assert_int_equal(objective_load(&f->st, &f->cfg, "NPG-CDC-2569", "P1", &d, &err), 0);
	assert_int_equal(d.nprojects, 1);
	assert_string_equal(d.projects[0].code, "BNG-CDC-69");
	objective_free(&d);
	assert_int_equal(objective_load(&f->st, &f->cfg, "NPG-CDC-2569", "ป9", &d, &err), -1);
	assert_non_null(strstr(err.msg, "no objective \"ป9\""));
}

static void test_indicator_progress(void **state)
{
	struct indicator_row up = { .baseline = 42, .target = 80, .result = 57,
				    .has_baseline = 1, .has_target = 1, .has_result = 1 };
	struct indicator_row down = { .baseline = 1850, .target = 925, .result = 1400,
				      .has_baseline = 1, .has_target = 1, .has_result = 1 };
	struct indicator_row none = { .baseline = 1850, .target = 925, .has_baseline = 1,
				      .has_target = 1 };

	(void)state;
	assert_true(fabs(indicator_progress(&up) - 15.0 / 38) < 1e-9);
	/* a rate brought down from 1850 toward 925 */
	assert_true(fabs(indicator_progress(&down) - 450.0 / 925) < 1e-9);
	assert_true(indicator_progress(&none) < 0);
	up.result = 99;
	assert_true(fabs(indicator_progress(&up) - 1) < 1e-9);
}

static void test_open_followups_of_a_record(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct followup_row *rows;
	size_t n;

	assert_int_equal(fixture_import(f, "aars", "a.csv",
		"code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
		"AAR-P2,aar4,2026-02-01,ทบทวนการดูแลเด็กเล็ก,objective,KKN-CDC-2568/P2,,,\n", &err), 0);
	assert_int_equal(fixture_import(f, "aar_actions", "x.csv", "aar,action,owner,due,status\n"
		"AAR-P2,อบรมครูพี่เลี้ยงรุ่นสอง,สสอ.น้ำพอง,2026-06-30,open\n"
		"AAR-P2,จัดทำคู่มือคัดกรอง,สสจ.,2026-03-31,done\n"
		"AAR-P2,ประชุมผู้ปกครอง,,,open\n", &err), 0);
	assert_int_equal(followup_list(&f->st, "objective", "KKN-CDC-2568/P2", &rows, &n, &err), 0);
	assert_int_equal(n, 2);                 /* the done one is not shown */
	assert_string_equal(rows[0].action, "อบรมครูพี่เลี้ยงรุ่นสอง");   /* due first */
	assert_null(rows[1].due);
	/* the demo's three actions come first: these are rows 4 and 6 */
	assert_int_equal(rows[0].id, 4);
	assert_int_equal(rows[1].id, 6);
	followup_list_free(rows, n);
	assert_int_equal(followup_list(&f->st, "objective", "KKN-CDC-2568/P1", &rows, &n, &err), 0);
	assert_int_equal(n, 0);
	followup_list_free(rows, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assessment_list_matches_checklist, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plan_and_aar_lists, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_objective_detail, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test(test_indicator_progress),
		cmocka_unit_test_setup_teardown(test_open_followups_of_a_record, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
}
