/* test_lookup.c - the small lookups the screens and commands ask of
 * core/: a record's row by its code, every assessment's code, where a
 * project stands, others' commits, one reading seen whole. */
#include "helpers.h"
#include "routemap/lookup.h"

/* The demo's assessments are imported in the order of assessments.csv:
 * A-BNG-69 first (row 1), A-NKG-53 second (row 2). */
static void test_assessment_lookup_id(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	sqlite3_int64 id = -1;

	assert_int_equal(assessment_lookup_id(&f->st, "A-BNG-69", &id, &err), 0);
	assert_int_equal(id, 1);
	assert_int_equal(assessment_lookup_id(&f->st, "A-NKG-53", &id, &err), 0);
	assert_int_equal(id, 2);
	/* a code that names no assessment: an error that says so, id 0 */
	assert_int_equal(assessment_lookup_id(&f->st, "A-NONE", &id, &err), -1);
	assert_int_equal(id, 0);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_non_null(strstr(err.msg, "A-NONE"));
}

/* projects.csv: BNG-CDC-69 serves P1 then R1 of NPG-CDC-2569; KKN-TOT-69
 * serves F1 then R3 of KKN-CDC-2568; NKG-CDC-53 belongs to no plan. */
static void test_project_place(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char *plan, *objective;

	assert_int_equal(project_place(&f->st, "BNG-CDC-69", &plan, &objective, &err), 0);
	assert_string_equal(plan, "NPG-CDC-2569");
	assert_string_equal(objective, "P1");        /* the first linked, not R1 */
	free(plan);
	free(objective);
	assert_int_equal(project_place(&f->st, "KKN-TOT-69", &plan, &objective, &err), 0);
	assert_string_equal(plan, "KKN-CDC-2568");
	assert_string_equal(objective, "F1");
	free(plan);
	free(objective);
	/* no plan, and no such project: 1, nothing to free */
	assert_int_equal(project_place(&f->st, "NKG-CDC-53", &plan, &objective, &err), 1);
	assert_null(plan);
	assert_null(objective);
	assert_int_equal(project_place(&f->st, "NO-SUCH", &plan, &objective, &err), 1);
	assert_null(plan);
	assert_null(objective);
}

/* A project of a plan that serves no objective: the plan, no objective. */
static void test_project_place_without_objective(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char *plan, *objective;

	assert_int_equal(fixture_import(f, "projects", "p.csv",
		"code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,"
		"start,end\n"
		"KKN-LONE-69,KKN-PHO,KKN-CDC-2568,,2569,โครงการเดี่ยว,preparation,active,,,,\n",
		&err), 0);
	assert_int_equal(project_place(&f->st, "KKN-LONE-69", &plan, &objective, &err), 0);
	assert_string_equal(plan, "KKN-CDC-2568");
	assert_null(objective);
	free(plan);
}

/* The data version moves when another connection commits, and only then. */
static void test_data_version(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store other;
	long long v0, v1, v2, v3;

	assert_int_equal(store_data_version(&f->st, &v0, &err), 0);
	assert_int_equal(store_data_version(&f->st, &v1, &err), 0);
	assert_true(v1 == v0);                 /* nothing happened */
	/* our own commit leaves it */
	assert_int_equal(store_exec(&f->st, "UPDATE plan SET title = title || ' ก'"
				    " WHERE code = 'KKN-CDC-2568'", &err), 0);
	assert_int_equal(store_data_version(&f->st, &v2, &err), 0);
	assert_true(v2 == v1);
	/* another connection's commit moves it */
	assert_int_equal(store_open(&other, f->path, NULL, 0, &err), 0);
	assert_int_equal(store_exec(&other, "UPDATE plan SET title = title || ' ข'"
				    " WHERE code = 'KKN-CDC-2568'", &err), 0);
	store_close(&other);
	assert_int_equal(store_data_version(&f->st, &v3, &err), 0);
	assert_true(v3 != v2);
}

/* A second assessment of project BNG-CDC-69, made last, whose code sorts
 * before the demo's. */
static void add_akk(struct fixture *f)
{
	struct rm_error err = { 0, "" };

	assert_int_equal(fixture_import(f, "assessments", "a.csv",
		"code,set,version,office,project,assessed_on,assessor\n"
		"A-AKK-01,CDC-NORM,2,BNG-CDC,BNG-CDC-69,2026-02-03,นายทดสอบ ลำดับ\n", &err), 0);
}

/* Every assessment's code in order, not in the order of the rows: an
 * assessment added last that sorts first comes first. */
static void test_assessment_codes(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char **codes;
	size_t n;

	add_akk(f);
	assert_int_equal(assessment_codes(&f->st, NULL, &codes, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_string_equal(codes[0], "A-AKK-01");
	assert_string_equal(codes[1], "A-BNG-69");
	assert_string_equal(codes[2], "A-NKG-53");
	assert_string_equal(codes[3], "A-NPG-69");
	lookup_codes_free(codes, n);
}

/* A project's assessments only: BNG-CDC-69 has A-BNG-69 and, once
 * imported, A-AKK-01; NKG-CDC-53 has A-NKG-53; a project without any, or
 * no such project, has none. */
static void test_assessment_codes_of_project(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char **codes;
	size_t n;

	add_akk(f);
	assert_int_equal(assessment_codes(&f->st, "BNG-CDC-69", &codes, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(codes[0], "A-AKK-01");
	assert_string_equal(codes[1], "A-BNG-69");
	lookup_codes_free(codes, n);
	assert_int_equal(assessment_codes(&f->st, "NKG-CDC-53", &codes, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(codes[0], "A-NKG-53");
	lookup_codes_free(codes, n);
	assert_int_equal(assessment_codes(&f->st, "KKN-TOT-69", &codes, &n, &err), 0);
	assert_int_equal(n, 0);
	lookup_codes_free(codes, n);
	assert_int_equal(assessment_codes(&f->st, "NO-SUCH", &codes, &n, &err), 0);
	assert_int_equal(n, 0);
	lookup_codes_free(codes, n);
}

/* The AARs of a record, the latest first: the demo's AAR-ODPC6-2553
 * reviews project NKG-CDC-53; a second one, later, comes before it; the
 * event has no record. */
static void test_subject_aars(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct lookup_pair *v;
	size_t n;

	assert_int_equal(subject_aars(&f->st, "project", "NKG-CDC-53", &v, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].code, "AAR-ODPC6-2553");
	lookup_pairs_free(v, n);
	assert_int_equal(fixture_import(f, "aars", "a.csv",
		"code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
		"AAR-NKG-2554,aar4,2011-03-01,ทบทวนโครงการรอบสอง,project,NKG-CDC-53,,,\n", &err), 0);
	assert_int_equal(subject_aars(&f->st, "project", "NKG-CDC-53", &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].code, "AAR-NKG-2554");
	assert_string_equal(v[0].title, "ทบทวนโครงการรอบสอง");
	assert_string_equal(v[1].code, "AAR-ODPC6-2553");
	lookup_pairs_free(v, n);
	assert_int_equal(subject_aars(&f->st, "assessment", "A-NKG-53", &v, &n, &err), 0);
	assert_int_equal(n, 0);
	lookup_pairs_free(v, n);
}

/* A reading begun sees one snapshot: another connection's commit is not
 * seen until the reading ends; a reading inside a transaction already
 * open begins nothing and ends nothing. */
static void test_read_snapshot(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store other;
	char **codes;
	size_t n;
	int began, inner;

	began = store_read_begin(&f->st);
	assert_int_equal(began, 1);
	assert_int_equal(assessment_codes(&f->st, NULL, &codes, &n, &err), 0);
	assert_int_equal(n, 3);
	lookup_codes_free(codes, n);
	inner = store_read_begin(&f->st);
	assert_int_equal(inner, 0);
	assert_int_equal(store_open(&other, f->path, NULL, 0, &err), 0);
	assert_int_equal(store_exec(&other, "DELETE FROM assessment WHERE code = 'A-NKG-53'",
				    &err), 0);
	store_close(&other);
	store_read_end(&f->st, inner);        /* not ours to end: still the old snapshot */
	assert_int_equal(assessment_codes(&f->st, NULL, &codes, &n, &err), 0);
	assert_int_equal(n, 3);
	lookup_codes_free(codes, n);
	store_read_end(&f->st, began);
	assert_int_equal(assessment_codes(&f->st, NULL, &codes, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(codes[0], "A-BNG-69");
	lookup_codes_free(codes, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assessment_lookup_id, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_project_place, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_project_place_without_objective, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_data_version, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessment_codes, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessment_codes_of_project, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_subject_aars, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_read_snapshot, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
