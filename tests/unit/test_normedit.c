/* test_normedit.c - changing norm sets: a new version copies every item,
 * a frozen version refuses changes in words, items reordered, regrouped,
 * deleted and brought back by undo, the forms of a set and an item, and
 * an assessment started twice on one day.  Counts by hand from
 * config/demo/norm_items.csv: CDC-NORM v2 holds 17 items (SM1-3, CP1-3,
 * CM1-3, SV1-3, LE1-2, CO1-2, SU1); v1 holds 6.  A-BNG-69 (2026-01-20,
 * project BNG-CDC-69) is assessed against v2, A-NKG-53 against v1; both
 * versions are issued, so both are frozen. */
#include "helpers.h"
#include "routemap/domain.h"
#include "routemap/norm.h"
#include "routemap/normedit.h"

/* The item codes of CDC-NORM version V as shown, ", "-joined, into OUT. */
static void order(struct fixture *f, int v, char *out, size_t size)
{
	struct rm_error err = { 0, "" };
	struct norm_version nv;
	size_t i, o = 0;

	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", v, &nv, &err), 0);
	out[0] = '\0';
	for (i = 0; i < nv.nitems; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%s", i ? ", " : "", nv.items[i].code);
	norm_version_free(&nv);
}

/* Make version 3 of CDC-NORM from version 2 into U. */
static void make_v3(struct fixture *f, struct undo_log *u)
{
	struct rm_error err = { 0, "" };
	int made = 0;

	assert_int_equal(norm_new_version(&f->st, u, "CDC-NORM", 2, &made, &err), CHANGE_OK);
	assert_int_equal(made, 3);
}

static void test_new_version_copies_every_item(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct norm_version v2, v3;
	struct norm_diff d;

	make_v3(f, &u);
	assert_int_equal(u.n, 1);   /* one step */
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 3, &v3, &err), 0);
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 2, &v2, &err), 0);
	assert_int_equal(v3.nitems, 17);
	assert_null(v3.issued);        /* a draft */
	assert_string_equal(v3.title, "ค่ากลางศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น");
	assert_string_equal(v3.versions, "1, 2, 3");
	assert_int_equal(norm_diff(&v2, &v3, &d, &err), 0);
	assert_int_equal(d.unchanged, 17);
	assert_int_equal(d.n, 0);
	norm_diff_free(&d);
	norm_version_free(&v2);
	norm_version_free(&v3);
	/* from version 1: 6 items, numbered 4 */
	{
		int made = 0;

		assert_int_equal(norm_new_version(&f->st, &u, "CDC-NORM", 1, &made, &err), CHANGE_OK);
		assert_int_equal(made, 4);
		assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item i JOIN norm_set s"
					     " ON s.id = i.set_id WHERE s.code = 'CDC-NORM' AND s.version = 4"),
				 6);
	}
	/* undo takes each new version away, items and all */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_set WHERE code = 'CDC-NORM'"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item"), 17 + 6 + 8);
	undo_log_free(&u);
}

static void test_frozen_version_refuses_in_words(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };

	assert_int_equal(norm_frozen(&f->st, "CDC-NORM", 2, &err), 1);
	assert_non_null(strstr(err.msg, "CDC-NORM version 2 is issued"));
	assert_non_null(strstr(err.msg, "(1 assessments)"));
	assert_non_null(strstr(err.msg, "v makes a new version"));
	/* issued but nobody assessed against it: it may change */
	assert_int_equal(norm_frozen(&f->st, "PMQA-SELF", 1, &err), 1);
	assert_int_equal(record_delete(&f->st, NULL, "assessment", "A-NPG-69", &err), 0);
	assert_int_equal(norm_frozen(&f->st, "PMQA-SELF", 1, &err), 0);
	assert_int_equal(norm_frozen(&f->st, "CDC-NORM", 9, &err), -1);
	assert_non_null(strstr(err.msg, "no version 9"));

	err.msg[0] = '\0';
	assert_int_equal(norm_item_delete(&f->st, &u, "CDC-NORM", 2, "SM1", &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "cannot change"));
	assert_int_equal(norm_item_move(&f->st, &u, "CDC-NORM", 1, "SM2", -1, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "CDC-NORM version 1 is issued"));
	assert_int_equal(norm_item_regroup(&f->st, &u, "CDC-NORM", 2, "SM1", "support", &err),
			 CHANGE_ERROR);
	assert_int_equal(u.n, 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item"), 31);
	undo_log_free(&u);
}

static void test_reorder_within_group(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char o[512];

	make_v3(f, &u);
	assert_int_equal(norm_item_move(&f->st, &u, "CDC-NORM", 3, "SM2", -1, &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_string_equal(o, "SM2, SM1, SM3, CP1, CP2, CP3, CM1, CM2, CM3, SV1, SV2, SV3, LE1, "
			       "LE2, CO1, CO2, SU1");
	/* numbered 1..17 in that order */
	assert_int_equal(fixture_int(f, "SELECT i.position FROM norm_item i JOIN norm_set s"
				     " ON s.id = i.set_id WHERE s.version = 3 AND i.code = 'SM2'"), 1);
	assert_int_equal(fixture_int(f, "SELECT i.position FROM norm_item i JOIN norm_set s"
				     " ON s.id = i.set_id WHERE s.version = 3 AND i.code = 'SU1'"), 17);
	/* first of its group already; last of its group: nothing to do */
	assert_int_equal(norm_item_move(&f->st, &u, "CDC-NORM", 3, "SM2", -1, &err), CHANGE_NONE);
	assert_int_equal(norm_item_move(&f->st, &u, "CDC-NORM", 3, "SM3", 1, &err), CHANGE_NONE);
	assert_int_equal(norm_item_move(&f->st, &u, "CDC-NORM", 3, "CP1", 1, &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_non_null(strstr(o, "SM3, CP2, CP1, CP3, CM1"));
	/* undo, one step each */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_string_equal(o, "SM1, SM2, SM3, CP1, CP2, CP3, CM1, CM2, CM3, SV1, SV2, SV3, LE1, "
			       "LE2, CO1, CO2, SU1");
	undo_log_free(&u);
}

static void test_move_to_another_group(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char o[512];

	make_v3(f, &u);
	assert_int_equal(norm_item_regroup(&f->st, &u, "CDC-NORM", 3, "SM1", "communication", &err),
			 CHANGE_OK);
	order(f, 3, o, sizeof o);
	/* last of its new group */
	assert_string_equal(o, "SM2, SM3, CP1, CP2, CP3, CM1, CM2, CM3, SM1, SV1, SV2, SV3, LE1, "
			       "LE2, CO1, CO2, SU1");
	assert_int_equal(norm_item_regroup(&f->st, &u, "CDC-NORM", 3, "SM1", "communication", &err),
			 CHANGE_NONE);
	/* a group of another grouping is refused in words */
	assert_int_equal(norm_item_regroup(&f->st, &u, "CDC-NORM", 3, "SM1", "1", &err),
			 CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "has no group 1"));
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_true(strncmp(o, "SM1, SM2, SM3, CP1", 18) == 0);
	undo_log_free(&u);
}

static void test_delete_and_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char o[512];

	make_v3(f, &u);
	assert_int_equal(norm_item_delete(&f->st, &u, "CDC-NORM", 3, "CM2", &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_non_null(strstr(o, "CM1, CM3, SV1"));
	assert_int_equal(norm_item_delete(&f->st, &u, "CDC-NORM", 3, "CM2", &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "has no item CM2"));
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	order(f, 3, o, sizeof o);
	assert_non_null(strstr(o, "CM1, CM2, CM3, SV1"));
	undo_log_free(&u);
}

/* Save VALUE into field NAME of the record DEF loads on CODE, PART. */
static void test_item_and_set_forms(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char *nc = NULL, *np = NULL, *values[7] = { 0 };
	struct norm_version v2, v3;
	struct norm_diff d;

	/* the issued, assessed version refuses in words, through the form too */
	assert_int_equal(fixture_form_save(f, &norm_item_form_def, "CDC-NORM@2", "SM1", "text", "ใหม่", &u,
				   &err), FORM_REFUSED);
	assert_non_null(strstr(err.msg, "cannot change"));
	assert_int_equal(fixture_form_save(f, &norm_set_form_def, "CDC-NORM", "2", "source", "ใหม่", &u,
				   &err), FORM_REFUSED);
	/* version 3: one text changed, one weight, one item added */
	make_v3(f, &u);
	assert_int_equal(fixture_form_save(f, &norm_item_form_def, "CDC-NORM@3", "SM1", "text",
				   "ผู้ปกครองทุกคนลงนามข้อตกลงไม่นำเด็กป่วยมาศูนย์", &u, &err), CHANGE_OK);
	assert_int_equal(fixture_form_save(f, &norm_item_form_def, "CDC-NORM@3", "CP1", "weight", "3", &u,
				   &err), CHANGE_OK);
	/* a code the version has already */
	assert_int_equal(fixture_form_save(f, &norm_item_form_def, "CDC-NORM@3", "CP1", "code", "CP2", &u,
				   &err), FORM_REFUSED);
	assert_non_null(strstr(err.msg, "has an item CP2 already"));
	values[2] = "support";
	values[3] = "SU2";
	values[4] = "ศูนย์ได้รับชุดตรวจคัดกรองจาก รพ.สต.";
	values[6] = "1";
	assert_int_equal(norm_item_form_def.create(&ctx, &u, "CDC-NORM@3", NULL, values, &nc, &np,
						   &err), CHANGE_OK);
	assert_string_equal(nc, "CDC-NORM@3");
	assert_string_equal(np, "SU2");
	free(nc);
	free(np);
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 2, &v2, &err), 0);
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 3, &v3, &err), 0);
	assert_int_equal(norm_diff(&v2, &v3, &d, &err), 0);
	assert_int_equal(d.changed, 2);
	assert_int_equal(d.added, 1);
	assert_int_equal(d.removed, 0);
	assert_int_equal(d.rows[0].fields, NORM_FIELD_TEXT);
	assert_int_equal(d.rows[1].fields, NORM_FIELD_WEIGHT);
	assert_string_equal(d.rows[2].new->code, "SU2");
	norm_diff_free(&d);
	norm_version_free(&v2);
	norm_version_free(&v3);
	/* a new set, version 1, a draft */
	memset(values, 0, sizeof values);
	values[0] = "HFMD-NORM";
	values[1] = "ค่ากลางป้องกันโรคมือ เท้า ปาก";
	values[2] = "key_activity";
	free(f->cfg.office_code);
	f->cfg.office_code = strdup("KKN-PHO");
	assert_int_equal(norm_set_form_def.create(&ctx, &u, NULL, NULL, values, &nc, &np, &err),
			 CHANGE_OK);
	assert_string_equal(np, "1");
	free(nc);
	free(np);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_set WHERE code = 'HFMD-NORM'"
				     " AND version = 1 AND issued IS NULL"), 1);
	values[0] = "CDC-NORM";
	assert_int_equal(norm_set_form_def.create(&ctx, &u, NULL, NULL, values, &nc, &np, &err),
			 FORM_REFUSED);
	assert_non_null(strstr(err.msg, "CDC-NORM exists already"));
	undo_log_free(&u);
}

static void test_same_day_assessment_found(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char *code = NULL, *found = NULL;

	assert_int_equal(assessment_same_day(&f->st, "CDC-NORM", 2, "BNG-CDC", "BNG-CDC-69",
					     "2026-01-20", &found, &err), 1);
	assert_string_equal(found, "A-BNG-69");
	free(found);
	/* another day, another version, no project: none */
	assert_int_equal(assessment_same_day(&f->st, "CDC-NORM", 2, "BNG-CDC", "BNG-CDC-69",
					     "2026-01-21", &found, &err), 0);
	assert_null(found);
	assert_int_equal(assessment_same_day(&f->st, "CDC-NORM", 1, "BNG-CDC", "BNG-CDC-69",
					     "2026-01-20", &found, &err), 0);
	assert_int_equal(assessment_same_day(&f->st, "CDC-NORM", 2, "BNG-CDC", NULL, "2026-01-20",
					     &found, &err), 0);
	/* started today: found today, under NULL for today */
	assert_int_equal(assessment_create(&f->st, &u, "CDC-NORM", 2, "BNG-CDC", NULL, "ทดสอบ",
					   &code, &err), 0);
	assert_int_equal(assessment_same_day(&f->st, "CDC-NORM", 2, "BNG-CDC", NULL, NULL, &found,
					     &err), 1);
	assert_string_equal(found, code);
	free(found);
	free(code);
	undo_log_free(&u);
}

/* A draft version (v3, just made by v) is no version to assess against:
 * starting an assessment on it is refused in words and writes nothing;
 * once it has its issued date it starts. */
static void test_assessment_needs_issued_version(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	long long n = fixture_int(f, "SELECT count(*) FROM assessment");
	char *code = NULL;
	int made = 0;

	assert_int_equal(norm_new_version(&f->st, &u, "CDC-NORM", 2, &made, &err), CHANGE_OK);
	assert_int_equal(made, 3);
	assert_int_equal(assessment_create(&f->st, &u, "CDC-NORM", 3, "BNG-CDC", NULL, "ทดสอบ",
					   &code, &err), -1);
	assert_string_equal(err.msg, "CDC-NORM version 3 is a draft, not issued yet; give it its "
			    "issued date before units are assessed against it");
	assert_null(code);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment"), n);
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE norm_set SET issued = '2026-02-01'"
				      " WHERE code = 'CDC-NORM' AND version = 3", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(assessment_create(&f->st, &u, "CDC-NORM", 3, "BNG-CDC", NULL, "ทดสอบ",
					   &code, &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment"), n + 1);
	free(code);
	undo_log_free(&u);
}

static void test_assessment_header_form(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	const struct form_field *date = form_field_named(&assessment_head_def, "assessed_on");
	char *stored = NULL, *v = NULL;

	/* typed in the Buddhist Era, stored in ISO form */
	assert_int_equal(form_check(date, &ctx, "๒๑/๑/๒๕๖๙", &stored, &err), 0);
	assert_string_equal(stored, "2026-01-21");
	assert_int_equal(fixture_form_save(f, &assessment_head_def, "A-BNG-69", NULL, "assessed_on", stored,
				   &u, &err), CHANGE_OK);
	free(stored);
	assert_int_equal(change_get(&f->st, "assessment.assessed_on",
				    fixture_int(f, "SELECT id FROM assessment WHERE code = 'A-BNG-69'"),
				    &v, &err), 0);
	assert_string_equal(v, "2026-01-21");
	free(v);
	/* the project: none, then back */
	assert_int_equal(fixture_form_save(f, &assessment_head_def, "A-BNG-69", NULL, "project", NULL, &u,
				   &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT project_id IS NULL FROM assessment"
				     " WHERE code = 'A-BNG-69'"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment WHERE code = 'A-BNG-69'"
				     " AND assessed_on = '2026-01-20' AND project_id IS NOT NULL"), 1);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_version_copies_every_item, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_frozen_version_refuses_in_words, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reorder_within_group, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_move_to_another_group, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_delete_and_undo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_item_and_set_forms, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_same_day_assessment_found, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessment_header_form, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_assessment_needs_issued_version, fixture_setup_demo,
						fixture_teardown),
	};

	return cmocka_run_group_tests_name("normedit", tests, NULL, NULL);
}
