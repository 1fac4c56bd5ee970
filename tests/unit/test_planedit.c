/* test_planedit.c - plans made and deleted, objectives added, deleted and
 * moved, links added and taken away, each one undo step, over the demo
 * data: KKN-CDC-2568 has 11 objectives (P1 P2 | S1 S2 S3 | R1 R2 R3 |
 * F1 F2 F3) and 10 links, NPG-CDC-2569 4 objectives and 3 links and
 * serves KKN-CDC-2568; 6 indicator rows: two of KKN-CDC-2568's P2, one
 * each of its S2, R1, F1 and one of NPG-CDC-2569's R1 (config/demo/). */
#include "helpers.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/form.h"
#include "routemap/planedit.h"

static const char kkn[] = "KKN-CDC-2568";

/* The codes of PLAN's objectives in their order on the map, one string
 * ("P1 P2 S1 ..."). */
static void order(struct fixture *f, const char *plan, char *out, size_t size)
{
	struct plan_map m;
	struct rm_error err = { 0, "" };
	size_t i, o = 0;

	if (plan_map_load(&f->st, plan, &m, &err) != 0)
		fail_msg("load %s: %s", plan, err.msg);
	out[0] = '\0';
	for (i = 0; i < m.nobjectives; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%s", i ? " " : "", m.objectives[i].code);
	plan_map_free(&m);
}

static void test_plan_create(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct plan_head p = { "KKN-HFMD-2570", "KKN-PHO", "แผนที่ทางเดินยุทธศาสตร์โรคมือ เท้า ปาก",
			       "ภายในปี ๒๕๗๓ ไม่มีการระบาดของโรคมือ เท้า ปาก ในศูนย์เด็กเล็ก", kkn,
			       2570, 2573 };
	struct plan_map m;

	assert_int_equal(plan_create(&f->st, &u, &p, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 3);
	assert_int_equal(plan_map_load(&f->st, "KKN-HFMD-2570", &m, &err), 0);
	assert_string_equal(m.title, p.title);
	assert_string_equal(m.destination, p.destination);
	assert_string_equal(m.office_code, "KKN-PHO");
	assert_string_equal(m.serves, kkn);
	assert_int_equal(m.fy_from, 2570);
	assert_int_equal(m.fy_to, 2573);
	assert_int_equal(m.nobjectives, 0);
	plan_map_free(&m);
	assert_int_equal(u.n, 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 2);
	undo_log_free(&u);
}

static void test_plan_create_refused(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct plan_head p = { kkn, "KKN-PHO", "แผนซ้ำ", NULL, NULL, 2569, 2570 };

	assert_int_equal(plan_create(&f->st, NULL, &p, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "a plan KKN-CDC-2568 already exists; choose another code");
	p.code = "NEW-1";
	p.fy_from = 2571;
	assert_int_equal(plan_create(&f->st, NULL, &p, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "the plan ends in 2570, before it starts in 2571: the last "
				     "fiscal year must not come before the first");
	p.fy_from = 2569;
	p.office = "NOBODY";
	assert_int_equal(plan_create(&f->st, NULL, &p, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "there is no office NOBODY");
	p.office = "KKN-PHO";
	p.serves = "NOPLAN";
	assert_int_equal(plan_create(&f->st, NULL, &p, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "there is no plan NOPLAN to serve");
	assert_int_equal(plan_years_check(2569, 2569, &err), 0);
	assert_int_equal(plan_years_check(2012, 2569, &err), -1);
	assert_string_equal(err.msg, "\"2012\": expected a Buddhist Era year such as 2569 (2400 to 2800)");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 2);
}

/* A deleted plan takes its objectives, links and indicators with it, and
 * the plan serving it no longer does; undo brings every row back. */
static void test_plan_delete_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	long long ind = fixture_int(f, "SELECT count(*) FROM indicator");
	long long ties = fixture_int(f, "SELECT count(*) FROM project_objective");
	long long projects = fixture_int(f, "SELECT count(*) FROM project WHERE plan_id IS NOT NULL");

	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 15);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	assert_int_equal(plan_delete(&f->st, &u, kkn, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 4);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 3);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan WHERE serves_id IS NOT NULL"), 0);
	if (change_undo(&f->st, &u, &err) != CHANGE_OK)
		fail_msg("undo: %s", err.msg);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 15);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator"), ind);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective"), ties);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project WHERE plan_id IS NOT NULL"),
			 projects);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan p JOIN plan s ON s.id = p.serves_id"
					" WHERE p.code = 'NPG-CDC-2569' AND s.code = 'KKN-CDC-2568'"), 1);
	assert_int_equal(plan_delete(&f->st, &u, "NOPLAN", &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "there is no plan NOPLAN (deleted meanwhile?)");
	undo_log_free(&u);
}

/* Four boxes in four bands of an empty plan, numbered in the order made;
 * a code used twice refused in words. */
static void test_objective_create(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct plan_head p = { "NEW-1", "KKN-PHO", "แผนใหม่", NULL, NULL, 2570, 2571 };
	char got[200];

	assert_int_equal(plan_create(&f->st, &u, &p, &err), CHANGE_OK);
	assert_int_equal(objective_create(&f->st, &u, "NEW-1", "F1", LEVEL_FOUNDATION,
					  "บุคลากรมีสมรรถนะ", &err), CHANGE_OK);
	assert_int_equal(objective_create(&f->st, &u, "NEW-1", "P1", LEVEL_PEOPLE,
					  "เด็กเล็กปลอดโรค", &err), CHANGE_OK);
	assert_int_equal(objective_create(&f->st, &u, "NEW-1", "R1", LEVEL_PROCESS,
					  "คัดกรองทุกเช้า", &err), CHANGE_OK);
	assert_int_equal(objective_create(&f->st, &u, "NEW-1", "S1", LEVEL_STAKEHOLDER,
					  "ท้องถิ่นร่วมลงทุน", &err), CHANGE_OK);
	assert_int_equal(u.n, 5);
	order(f, "NEW-1", got, sizeof got);
	assert_string_equal(got, "F1 P1 R1 S1");
	assert_int_equal(fixture_int(f, "SELECT sum(position) FROM objective o JOIN plan p"
					" ON p.id = o.plan_id WHERE p.code = 'NEW-1'"), 1 + 2 + 3 + 4);
	assert_int_equal(objective_create(&f->st, &u, "NEW-1", "P1", LEVEL_PEOPLE, "ซ้ำ", &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "plan NEW-1 already has an objective P1; choose another code");
	assert_int_equal(objective_create(&f->st, &u, "NOPLAN", "P1", LEVEL_PEOPLE, "ก", &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "there is no plan NOPLAN (deleted meanwhile?)");
	/* the same code in another plan is another objective */
	assert_int_equal(objective_create(&f->st, &u, kkn, "X1", LEVEL_PEOPLE, "เป้าใหม่", &err),
			 CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S1 S2 S3 R1 R2 R3 F1 F2 F3 X1");
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);   /* S1 */
	order(f, "NEW-1", got, sizeof got);
	assert_string_equal(got, "F1 P1 R1");
	undo_log_free(&u);
}

/* Left and right within a band: the plan numbered 1..n anew; at the end
 * of a band nothing to do. */
static void test_objective_move(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char got[200];

	assert_int_equal(objective_move(&f->st, &u, kkn, "S3", -1, &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S1 S3 S2 R1 R2 R3 F1 F2 F3");
	assert_int_equal(fixture_int(f, "SELECT position FROM objective o JOIN plan p"
					" ON p.id = o.plan_id WHERE p.code = 'KKN-CDC-2568'"
					" AND o.code = 'S3'"), 4);
	assert_int_equal(fixture_int(f, "SELECT position FROM objective o JOIN plan p"
					" ON p.id = o.plan_id WHERE p.code = 'KKN-CDC-2568'"
					" AND o.code = 'F3'"), 11);
	assert_int_equal(objective_move(&f->st, &u, kkn, "S3", -1, &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S3 S1 S2 R1 R2 R3 F1 F2 F3");
	/* the first of its band, the last of its band: nothing */
	assert_int_equal(objective_move(&f->st, &u, kkn, "S3", -1, &err), CHANGE_NONE);
	assert_int_equal(objective_move(&f->st, &u, kkn, "P2", 1, &err), CHANGE_NONE);
	assert_int_equal(objective_move(&f->st, &u, kkn, "F1", 1, &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S3 S1 S2 R1 R2 R3 F2 F1 F3");
	assert_int_equal(u.n, 3);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S1 S3 S2 R1 R2 R3 F1 F2 F3");
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(position) FROM objective"), 0);
	undo_log_free(&u);
}

/* To another band: the last box there; undo puts it back. */
static void test_objective_move_to(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct plan_map m;
	char got[200];

	assert_int_equal(objective_move_to(&f->st, &u, kkn, "F1", LEVEL_PEOPLE, &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S1 S2 S3 R1 R2 R3 F2 F3 F1");
	assert_int_equal(plan_map_load(&f->st, kkn, &m, &err), 0);
	assert_string_equal(m.objectives[10].code, "F1");
	assert_int_equal(m.objectives[10].level, LEVEL_PEOPLE);
	assert_int_equal(m.nlinks, 10);   /* its link to R3 stays */
	plan_map_free(&m);
	assert_int_equal(objective_move_to(&f->st, &u, kkn, "F1", LEVEL_PEOPLE, &err), CHANGE_NONE);
	assert_int_equal(objective_move_to(&f->st, &u, kkn, "Z9", LEVEL_PEOPLE, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "plan KKN-CDC-2568 has no objective Z9 (deleted meanwhile?)");
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective WHERE code = 'F1'"
					" AND level = 'foundation'"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(position) FROM objective"), 0);
	undo_log_free(&u);
}

/* A deleted box takes its four links and its indicators; undo brings
 * them back. */
static void test_objective_delete_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	long long ind = fixture_int(f, "SELECT count(*) FROM indicator");
	char got[200];

	assert_int_equal(ind, 6);
	assert_int_equal(objective_delete(&f->st, &u, kkn, "P2", &err), CHANGE_OK);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 S1 S2 S3 R1 R2 R3 F1 F2 F3");
	/* S1, S2, S3 and P1 led to P2 */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13 - 4);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator"), 6 - 2);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator"), ind);
	order(f, kkn, got, sizeof got);
	assert_string_equal(got, "P1 P2 S1 S2 S3 R1 R2 R3 F1 F2 F3");
	assert_int_equal(objective_delete(&f->st, &u, kkn, "P9", &err), CHANGE_ERROR);
	undo_log_free(&u);
}

/* A link added, the same toggled away; a box cannot cause itself. */
static void test_link_toggle(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	int added = -1;

	assert_int_equal(link_toggle(&f->st, &u, kkn, "F1", "R1", &added, &err), CHANGE_OK);
	assert_int_equal(added, 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 14);
	assert_int_equal(link_toggle(&f->st, &u, kkn, "S1", "P2", &added, &err), CHANGE_OK);
	assert_int_equal(added, 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	assert_int_equal(link_toggle(&f->st, &u, kkn, "S1", "S1", &added, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "S1 cannot be its own cause; choose another box");
	assert_int_equal(link_toggle(&f->st, &u, kkn, "S1", "Q7", &added, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "plan KKN-CDC-2568 has no objective Q7 (deleted meanwhile?)");
	assert_int_equal(u.n, 2);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link l JOIN objective a"
					" ON a.id = l.from_id JOIN objective b ON b.id = l.to_id"
					" WHERE a.code = 'S1' AND b.code = 'P2'"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	undo_log_free(&u);
}

/* The forms' fields are named as the CSV columns, and check a value in
 * the import's words. */
static void test_form_fields(void **state)
{
	static const char *const plan_cols[] = { "code", "office", "title", "destination",
						 "fy_from", "fy_to", "serves" };
	static const char *const objective_cols[] = { "code", "level", "title" };
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct rm_error err = { 0, "" };
	char *stored = NULL;
	size_t i;

	assert_int_equal(plan_form_def.nfields, 7);
	for (i = 0; i < 7; i++)
		assert_string_equal(plan_form_def.fields[i].name, plan_cols[i]);
	assert_int_equal(objective_form_def.nfields, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(objective_form_def.fields[i].name, objective_cols[i]);
	assert_int_equal(form_check(form_field_named(&plan_form_def, "fy_from"), &ctx, "๒๕๖๙",
				    &stored, &err), 0);
	assert_string_equal(stored, "2569");
	free(stored);
	assert_int_equal(form_check(form_field_named(&plan_form_def, "fy_to"), &ctx, "2012",
				    &stored, &err), -1);
	assert_string_equal(err.msg, "\"2012\": expected a Buddhist Era year such as 2569 (2400 to 2800)");
	assert_int_equal(form_check(form_field_named(&objective_form_def, "code"), &ctx, "P1 ",
				    &stored, &err), -1);
	assert_string_equal(err.msg, "\"P1 \": a code may not start or end with a space");
	/* a blank inside a code is refused in words too (one code check) */
	assert_int_equal(form_check(form_field_named(&objective_form_def, "code"), &ctx, "P 1",
				    &stored, &err), -1);
	assert_string_equal(err.msg, "\"P 1\": a code has no spaces");
	assert_int_equal(form_check(form_field_named(&plan_form_def, "code"), &ctx, "KKN CDC",
				    &stored, &err), -1);
	assert_string_equal(err.msg, "\"KKN CDC\": a code has no spaces");
	assert_int_equal(form_check(form_field_named(&objective_form_def, "level"), &ctx, "ceiling",
				    &stored, &err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_create, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plan_create_refused, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plan_delete_undo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_objective_create, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_objective_move, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_objective_move_to, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_objective_delete_undo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_link_toggle, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_form_fields, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("planedit", tests, NULL, NULL);
}
