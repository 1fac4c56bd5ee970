/* test_formsave.c - what the forms of plans, objectives, projects and
 * norm sets refuse for good (FORM_REFUSED, in words, nothing written),
 * and a renamed code followed by the AARs that review the record, in the
 * same undo step.  Demo data (config/demo/): plans KKN-CDC-2568 (fiscal
 * years 2568-2571, objectives P1 P2 ...) and NPG-CDC-2569 (P1 S1 R1 F1);
 * aars.csv has one AAR of a project (AAR-ODPC6-2553, NKG-CDC-53) and one
 * of an event, none of a plan or objective. */
#include "helpers.h"
#include "routemap/change.h"
#include "routemap/form.h"
#include "routemap/normedit.h"

static void test_refused_for_good(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char *values[7] = { "NPG-CDC-2569", "KKN-PHO", "แผนซ้ำ", NULL, "2569", "2572", NULL };
	char *nc = NULL, *np = NULL;

	assert_int_equal(fixture_form_save(f, &plan_form_def, "KKN-CDC-2568", NULL, "fy_to", "2560", &u,
				   &err), FORM_REFUSED);
	assert_string_equal(err.msg, "the plan ends in 2560, before it starts in 2568: the last "
				     "fiscal year must not come before the first");
	/* chosen from a list: refused for good too (the list says so) */
	assert_int_equal(fixture_form_save(f, &plan_form_def, "KKN-CDC-2568", NULL, "serves",
				   "KKN-CDC-2568", &u, &err), FORM_REFUSED);
	assert_string_equal(err.msg, "plan KKN-CDC-2568 cannot serve itself; choose another");
	assert_int_equal(fixture_form_save(f, &plan_form_def, "KKN-CDC-2568", NULL, "code", "NPG-CDC-2569",
				   &u, &err), FORM_REFUSED);
	assert_string_equal(err.msg, "a plan NPG-CDC-2569 already exists; choose another code");
	assert_int_equal(fixture_form_save(f, &objective_form_def, "KKN-CDC-2568", "P1", "code", "P2", &u,
				   &err), FORM_REFUSED);
	assert_string_equal(err.msg, "plan KKN-CDC-2568 already has an objective P2; choose another "
				     "code");
	assert_int_equal(fixture_form_save(f, &norm_set_form_def, "CDC-NORM", "2", "groups", "pmqa_category",
				   &u, &err), FORM_REFUSED);
	assert_string_equal(err.msg, "a norm set keeps the code and grouping it was made with; make "
				     "a new set for others");
	/* a new plan of a code in use: refused for good too */
	assert_int_equal(plan_form_def.create(&ctx, &u, NULL, NULL, values, &nc, &np, &err),
			 FORM_REFUSED);
	assert_string_equal(err.msg, "a plan NPG-CDC-2569 already exists; choose another code");
	assert_null(nc);
	values[0] = "P2";
	values[1] = "people";
	assert_int_equal(objective_form_def.create(&ctx, &u, "KKN-CDC-2568", NULL, values, &nc, &np,
						   &err), FORM_REFUSED);
	assert_string_equal(err.msg, "plan KKN-CDC-2568 already has an objective P2; choose another "
				     "code");
	assert_null(nc);
	/* nothing written: no step to undo, the plan as it was */
	assert_int_equal(u.n, 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan WHERE code = 'KKN-CDC-2568'"
				     " AND fy_to = 2571 AND serves_id IS NULL"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 2);
}

/* How many AARs review KIND SUBJECT. */
static long long reviews(struct fixture *f, const char *kind, const char *subject)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM aar WHERE subject_kind = '%s'"
		 " AND subject = '%s'", kind, subject);
	return fixture_int(f, sql);
}

static void test_renames_follow_aars(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };

	assert_int_equal(fixture_import(f, "aars", "a.csv",
		"code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
		"AAR-KKN,aar4,2026-02-01,ทบทวนแผนศูนย์เด็กเล็กขอนแก่น,plan,KKN-CDC-2568,,,\n"
		"AAR-P2,aar4,2026-02-02,ทบทวนการดูแลเด็กเล็ก,objective,KKN-CDC-2568/P2,,,\n"
		"AAR-P2B,aar4,2026-02-03,ทบทวนการดูแลเด็กเล็กรอบสอง,objective,KKN-CDC-2568/P2,,,\n"
		"AAR-NPG,aar4,2026-02-04,ทบทวนผู้ปกครองน้ำพอง,objective,NPG-CDC-2569/P1,,,\n",
		&err), 0);
	/* by hand: aars.csv 1 project AAR, plus the 4 above */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar WHERE subject_kind <> 'event'"), 5);
	assert_int_equal(reviews(f, "project", "NKG-CDC-53"), 1);

	/* the plan renamed: its AAR and its objectives' AARs follow; the
	 * other plan's stays */
	assert_int_equal(fixture_form_save(f, &plan_form_def, "KKN-CDC-2568", NULL, "code", "KKN-CDC-2570",
				   &u, &err), CHANGE_OK);
	assert_int_equal(reviews(f, "plan", "KKN-CDC-2570"), 1);
	assert_int_equal(reviews(f, "objective", "KKN-CDC-2570/P2"), 2);
	assert_int_equal(reviews(f, "objective", "NPG-CDC-2569/P1"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar WHERE subject LIKE 'KKN-CDC-2568%'"),
			 0);
	/* the objective renamed */
	assert_int_equal(fixture_form_save(f, &objective_form_def, "KKN-CDC-2570", "P2", "code", "P9", &u,
				   &err), CHANGE_OK);
	assert_int_equal(reviews(f, "objective", "KKN-CDC-2570/P9"), 2);
	assert_int_equal(reviews(f, "objective", "KKN-CDC-2570/P2"), 0);
	/* the project renamed */
	assert_int_equal(fixture_form_save(f, &project_form_def, "NKG-CDC-53", NULL, "code", "NKG-CDC-2553",
				   &u, &err), CHANGE_OK);
	assert_int_equal(reviews(f, "project", "NKG-CDC-2553"), 1);
	assert_int_equal(reviews(f, "project", "NKG-CDC-53"), 0);
	assert_int_equal(u.n, 3);

	/* one undo each brings record and AARs back together */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(reviews(f, "project", "NKG-CDC-53"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(reviews(f, "objective", "KKN-CDC-2570/P2"), 2);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(reviews(f, "plan", "KKN-CDC-2568"), 1);
	assert_int_equal(reviews(f, "objective", "KKN-CDC-2568/P2"), 2);
	assert_int_equal(reviews(f, "objective", "NPG-CDC-2569/P1"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan WHERE code = 'KKN-CDC-2568'"), 1);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refused_for_good, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_renames_follow_aars, fixture_setup_demo,
						fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
