/* test_domain.c - coverage and rank, loading plans and checklists,
 * changing a status, deleting by code. */
#include <math.h>

#include "helpers.h"
#include "routemap/domain.h"

/* An assessment built by hand: items with weights and statuses. */
static struct assessment synthetic(struct check_item *items, size_t n)
{
	static struct check_group groups[2] = { { "surveillance", "การเฝ้าระวัง" },
						{ "learning", "การเรียนรู้" } };
	struct assessment a;

	memset(&a, 0, sizeof a);
	a.groups = groups;
	a.ngroups = 2;
	a.items = items;
	a.nitems = n;
	return a;
}

static void test_coverage_weights_partial_and_na(void **state)
{
	struct check_item items[] = {
		{ .weight = 2, .group = 0, .status = STATUS_MET },
		{ .weight = 2, .group = 0, .status = STATUS_PARTIAL },
		{ .weight = 1, .group = 0, .status = STATUS_NA },
		{ .weight = 1, .group = 1, .status = STATUS_NOT_MET },
		{ .weight = 1, .group = 1, .status = STATUS_NONE },
	};
	struct assessment a = synthetic(items, 5);
	struct config *cfg = *state;
	struct coverage c;

	/* whole: (2 + 2*0.5) / (2+2+1+1) = 3/6 */
	c = assessment_coverage(&a, cfg, (size_t)-1);
	assert_int_equal(c.items, 5);
	assert_int_equal(c.answered, 4);
	assert_true(fabs(c.percent - 50.0) < 1e-9);
	assert_int_equal(c.rank, 3);
	/* group 0: 3 of 4 applicable */
	c = assessment_coverage(&a, cfg, 0);
	assert_true(fabs(c.percent - 75.0) < 1e-9);
	assert_int_equal(c.rank, 4);
	/* group 1: nothing met */
	c = assessment_coverage(&a, cfg, 1);
	assert_true(c.has_percent);
	assert_true(fabs(c.percent) < 1e-9);
	assert_int_equal(c.rank, 1);
	/* a partial worth a whole */
	cfg->partial_weight = 1.0;
	c = assessment_coverage(&a, cfg, 0);
	assert_true(fabs(c.percent - 100.0) < 1e-9);
	assert_int_equal(c.rank, 5);
	cfg->partial_weight = 0.5;
}

static void test_coverage_all_not_applicable(void **state)
{
	struct check_item items[] = {
		{ .weight = 1, .group = 0, .status = STATUS_NA },
		{ .weight = 1, .group = 0, .status = STATUS_NA },
	};
	struct assessment a = synthetic(items, 2);
	struct coverage c = assessment_coverage(&a, *state, (size_t)-1);

	assert_false(c.has_percent);
	assert_int_equal(c.rank, 0);
	assert_int_equal(c.answered, 2);
}

static void test_rank_thresholds(void **state)
{
	struct config *cfg = *state;

	assert_int_equal(coverage_rank(cfg, 0), 1);
	assert_int_equal(coverage_rank(cfg, 19.99), 1);
	assert_int_equal(coverage_rank(cfg, 20), 2);
	assert_int_equal(coverage_rank(cfg, 0.4 * 100), 3);   /* reached exactly */
	assert_int_equal(coverage_rank(cfg, 47.4), 3);
	assert_int_equal(coverage_rank(cfg, 79.9), 4);
	assert_int_equal(coverage_rank(cfg, 100), 5);
}

static int setup_config(void **state)
{
	struct config *cfg = calloc(1, sizeof *cfg);
	struct rm_error err = { 0, "" };

	assert_int_equal(config_defaults(cfg, &err), 0);
	*state = cfg;
	return 0;
}

static int teardown_config(void **state)
{
	config_free(*state);
	free(*state);
	return 0;
}

static void test_sample_assessment_is_47_4_rank_3(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct assessment a;
	struct coverage c;

	assert_int_equal(assessment_load(&f->st, &f->cfg, "A-BNG-69", &a, &err), 0);
	assert_int_equal(a.nitems, 17);
	assert_int_equal(a.ngroups, 7);
	/* groups in the key activities' order, labelled from the INI */
	assert_string_equal(a.groups[0].code, "social_measure");
	assert_string_equal(a.groups[0].label, "มาตรการทางสังคม");
	assert_string_equal(a.groups[6].code, "support");
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assert_int_equal(c.items, 17);
	assert_int_equal(c.answered, 12);
	assert_true(fabs(c.applicable - 19) < 1e-9);
	assert_true(fabs(c.score - 9) < 1e-9);
	assert_true(fabs(c.percent - 900.0 / 19) < 1e-9);
	assert_int_equal(c.rank, 3);
	assessment_free(&a);

	assert_int_equal(assessment_load(&f->st, &f->cfg, "ไม่มี", &a, &err), ASSESSMENT_MISSING);
	assert_non_null(strstr(err.msg, ": no assessment \"ไม่มี\""));
}

static void test_set_status_saves_and_logs(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct assessment a;
	struct coverage c;

	/* SV2 (weight 2) from not met to met: (9 + 2) / 19 */
	assert_int_equal(assessment_set_status(&f->st, "A-BNG-69", "SV2", STATUS_MET, &err), 0);
	/* CP3 had no entry: one is made */
	assert_int_equal(assessment_set_status(&f->st, "A-BNG-69", "CP3", STATUS_NA, &err), 0);
	assert_int_equal(assessment_load(&f->st, &f->cfg, "A-BNG-69", &a, &err), 0);
	c = assessment_coverage(&a, &f->cfg, (size_t)-1);
	assert_true(fabs(c.percent - 1100.0 / 18) < 1e-9);
	assert_int_equal(c.answered, 13);
	assessment_free(&a);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE tbl = 'assessment_entry'"
				     " AND op = 'update' AND json_extract(old, '$.status') = 'not_met'"
				     " AND json_extract(new, '$.status') = 'met'"), 1);
	/* the support request made before is kept */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_entry e"
				     " JOIN support_request r ON r.entry_id = e.id"
				     " WHERE r.needed = 'ช่องทางรายงานด่วนถึง รพ.สต.'"
				     " AND e.status = 'met'"), 1);
	/* clearing */
	assert_int_equal(assessment_set_status(&f->st, "A-BNG-69", "SV2", STATUS_NONE, &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_entry e JOIN norm_item i"
				     " ON i.id = e.item_id WHERE i.code = 'SV2' AND e.status IS NULL"), 1);
	/* an item of another set is refused, nothing written */
	assert_int_equal(assessment_set_status(&f->st, "A-BNG-69", "L1", STATUS_MET, &err), -1);
	assert_non_null(strstr(err.msg, "no item \"L1\""));
}

static void test_plan_map_load(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct plan_map m;
	size_t i, p2 = 99, into_p2 = 0;

	assert_int_equal(plan_map_load(&f->st, "KKN-CDC-2568", &m, &err), 0);
	assert_int_equal(m.nobjectives, 11);
	assert_int_equal(m.nlinks, 10);
	assert_int_equal(m.fy_from, 2568);
	assert_int_equal(m.nserved_by, 1);
	assert_string_equal(m.served_by[0], "NPG-CDC-2569");
	assert_null(m.serves);
	for (i = 0; i < m.nobjectives; i++)
		if (strcmp(m.objectives[i].code, "P2") == 0)
			p2 = i;
	assert_int_equal(m.objectives[p2].level, LEVEL_PEOPLE);
	for (i = 0; i < m.nlinks; i++)
		if (m.links[i].to == p2)
			into_p2++;
	assert_int_equal(into_p2, 4);   /* S1, S2, S3, P1 */
	plan_map_free(&m);
	assert_int_equal(plan_map_load(&f->st, "แผนไม่มีจริง", &m, &err), -1);
	assert_non_null(strstr(err.msg, "no plan"));
}

static void test_delete_by_code(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };

	/* a norm set that assessments use stays */
	assert_int_equal(record_delete(&f->st, NULL, "norm_set", "CDC-NORM@2", &err), -1);
	assert_non_null(strstr(err.msg, "still used"));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item"), 31);
	/* an unused version goes with its items */
	assert_int_equal(record_delete(&f->st, NULL, "assessment", "A-NPG-69", &err), 0);
	assert_int_equal(record_delete(&f->st, NULL, "norm_set", "PMQA-SELF@1", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item"), 23);
	/* a plan goes with its objectives, links and indicators */
	assert_int_equal(record_delete(&f->st, NULL, "plan", "NPG-CDC-2569", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 11);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 10);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator"), 5);
	/* every row that went is in the change log */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE op = 'delete'"
				     " AND tbl = 'objective'"), 4);
	assert_int_equal(record_delete(&f->st, NULL, "plan", "NPG-CDC-2569", &err), -1);
	assert_non_null(strstr(err.msg, "no plan"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_coverage_weights_partial_and_na, setup_config, teardown_config),
		cmocka_unit_test_setup_teardown(test_coverage_all_not_applicable, setup_config, teardown_config),
		cmocka_unit_test_setup_teardown(test_rank_thresholds, setup_config, teardown_config),
		cmocka_unit_test_setup_teardown(test_sample_assessment_is_47_4_rank_3, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_set_status_saves_and_logs, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plan_map_load, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_delete_by_code, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("domain", tests, NULL, NULL);
}
