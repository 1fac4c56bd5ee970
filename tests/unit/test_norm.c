/* test_norm.c - a norm set's version with its items, and the difference
 * between two versions.  The expected figures are counted by hand from
 * config/demo/norm_items.csv and from the small Thai set below. */
#include "helpers.h"
#include "routemap/norm.h"

static void test_latest_version_of_demo_set(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct norm_version v;

	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 0, &v, &err), 0);
	assert_int_equal(v.version, 2);
	assert_string_equal(v.versions, "1, 2");
	assert_string_equal(v.office_code, "KKN-PHO");
	assert_string_equal(v.issued, "2025-10-15");
	assert_string_equal(v.grouping, "key_activity");
	/* 3 social measures, 3 community projects, 3 communication, 3
	 * surveillance, 2 learning, 2 collaboration, 1 support */
	assert_int_equal(v.nitems, 17);
	assert_int_equal(v.ngroups, 7);
	assert_string_equal(v.groups[0].label, "มาตรการทางสังคม");
	assert_string_equal(v.groups[3].label, "การเฝ้าระวังและคัดกรอง");
	assert_string_equal(v.groups[6].code, "support");
	assert_string_equal(v.items[0].code, "SM1");
	assert_string_equal(v.items[3].code, "CP1");
	assert_true(v.items[3].weight == 2.0);
	assert_int_equal(v.items[3].group, 1);
	assert_string_equal(v.items[16].code, "SU1");
	assert_int_equal(v.items[16].group, 6);
	assert_string_equal(v.items[16].evidence, "ใบเบิกวัสดุ");
	norm_version_free(&v);
}

static void test_first_version_and_labels_from_ini(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct norm_version v;
	size_t i;

	/* the office calls its first key activity otherwise */
	for (i = 0; i < f->cfg.key_activities.n; i++)
		if (strcmp(f->cfg.key_activities.v[i].code, "social_measure") == 0) {
			free(f->cfg.key_activities.v[i].label);
			f->cfg.key_activities.v[i].label = strdup("มาตรการสังคมของชุมชน");
		}
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 1, &v, &err), 0);
	assert_int_equal(v.version, 1);
	assert_int_equal(v.nitems, 6);
	assert_int_equal(v.ngroups, 6);    /* no support item in version 1 */
	assert_string_equal(v.groups[0].label, "มาตรการสังคมของชุมชน");
	assert_string_equal(v.items[2].text, "ครูพี่เลี้ยงสอนเด็กล้างมือทุกวัน");
	assert_string_equal(v.source, "ร่างจากเวทีจังหวัด ปี ๒๕๖๗");
	norm_version_free(&v);
}

static void test_missing_set_or_version_says_what_exists(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct norm_version v;

	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 5, &v, &err), NORM_MISSING);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_non_null(strstr(err.msg, "CDC-NORM"));
	assert_non_null(strstr(err.msg, "1, 2"));
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "ไม่มีชุดนี้", 0, &v, &err), NORM_MISSING);
	assert_non_null(strstr(err.msg, "ไม่มีชุดนี้"));
	assert_non_null(strstr(err.msg, "CDC-NORM, PMQA-SELF"));
}

static void test_diff_of_demo_versions(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct norm_version v1, v2;
	struct norm_diff d;
	size_t i;

	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 1, &v1, &err), 0);
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "CDC-NORM", 2, &v2, &err), 0);
	assert_int_equal(norm_diff(&v1, &v2, &d, &err), 0);
	/* all six items of version 1 are in version 2, each changed; eleven
	 * are new */
	assert_int_equal(d.added, 11);
	assert_int_equal(d.removed, 0);
	assert_int_equal(d.changed, 6);
	assert_int_equal(d.unchanged, 0);
	assert_int_equal(d.n, 17);
	/* in version 2's order: SM1 (evidence only), SM2 and SM3 new, CP1
	 * (weight 1 -> 2 only) */
	assert_int_equal(d.rows[0].change, NORM_CHANGED);
	assert_string_equal(d.rows[0].new->code, "SM1");
	assert_int_equal(d.rows[0].fields, NORM_FIELD_EVIDENCE);
	assert_int_equal(d.rows[1].change, NORM_ADDED);
	assert_null(d.rows[1].old);
	assert_string_equal(d.rows[1].new->code, "SM2");
	assert_string_equal(d.rows[3].new->code, "CP1");
	assert_int_equal(d.rows[3].fields, NORM_FIELD_WEIGHT);
	for (i = 0; i < d.n; i++) {
		const char *c = d.rows[i].new->code;

		if (strcmp(c, "CM1") == 0 || strcmp(c, "CO1") == 0)
			assert_int_equal(d.rows[i].fields, NORM_FIELD_TEXT);
		if (strcmp(c, "SV1") == 0)
			assert_int_equal(d.rows[i].fields, NORM_FIELD_TEXT | NORM_FIELD_WEIGHT);
		if (strcmp(c, "LE1") == 0)
			assert_int_equal(d.rows[i].fields, NORM_FIELD_TEXT | NORM_FIELD_EVIDENCE);
	}
	norm_diff_free(&d);
	/* and back: the eleven are removed, the six changed */
	assert_int_equal(norm_diff(&v2, &v1, &d, &err), 0);
	assert_int_equal(d.removed, 11);
	assert_int_equal(d.added, 0);
	assert_int_equal(d.changed, 6);
	assert_int_equal(d.rows[0].change, NORM_REMOVED);
	assert_string_equal(d.rows[0].old->code, "SM2");
	norm_diff_free(&d);
	/* a version against itself: nothing but unchanged items */
	assert_int_equal(norm_diff(&v2, &v2, &d, &err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.unchanged, 17);
	norm_diff_free(&d);
	norm_version_free(&v1);
	norm_version_free(&v2);
}

/* A set of two versions: A1 kept, A2 moved from communication to
 * surveillance, A3 dropped, A4 new. */
static int fixture_setup_flu(void **state)
{
	struct fixture *f;

	fixture_setup_empty(state);
	f = *state;
	fixture_load_csv(f, "offices", "code,name,short_name,level,parent\n"
		"ODPC7,สำนักงานป้องกันควบคุมโรคที่ ๗ ขอนแก่น,สคร.๗,region,\n");
	fixture_load_csv(f, "groups", "grouping,code,label\n"
		"key_activity,social_measure,มาตรการทางสังคม\n"
		"key_activity,communication,การสื่อสาร\n"
		"key_activity,surveillance,การเฝ้าระวัง\n");
	fixture_load_csv(f, "norm_sets", "code,office,title,version,issued,source,groups\n"
		"FLU,ODPC7,ค่ากลางป้องกันไข้หวัดใหญ่ในโรงเรียน,1,2024-05-01,เวทีเขต,key_activity\n"
		"FLU,ODPC7,ค่ากลางป้องกันไข้หวัดใหญ่ในโรงเรียน,2,2025-05-01,,key_activity\n");
	fixture_load_csv(f, "norm_items", "set,version,group,code,text,evidence,weight\n"
		"FLU,1,social_measure,A1,โรงเรียนมีข้อตกลงให้นักเรียนที่ป่วยหยุดเรียน,,1\n"
		"FLU,1,communication,A2,ครูสอนล้างมือก่อนอาหารกลางวัน,,1\n"
		"FLU,1,surveillance,A3,คัดกรองไข้นักเรียนทุกเช้า,แบบบันทึก,1\n"
		"FLU,2,social_measure,A1,โรงเรียนมีข้อตกลงให้นักเรียนที่ป่วยหยุดเรียน,,1\n"
		"FLU,2,surveillance,A2,ครูสอนล้างมือก่อนอาหารกลางวัน,,1\n"
		"FLU,2,surveillance,A4,แจ้ง รพ.สต. เมื่อพบนักเรียนป่วยเกิน ๓ คนในห้องเดียว,สมุดแจ้ง,2\n");
	return 0;
}

static void test_diff_thai_set(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct norm_version v1, v2;
	struct norm_diff d;

	assert_int_equal(norm_version_load(&f->st, &f->cfg, "FLU", 1, &v1, &err), 0);
	assert_int_equal(norm_version_load(&f->st, &f->cfg, "FLU", 0, &v2, &err), 0);
	assert_int_equal(v2.version, 2);
	assert_null(v2.source);
	assert_int_equal(v2.ngroups, 2);   /* communication holds nothing in 2 */
	assert_string_equal(v2.groups[1].label, "การเฝ้าระวังและคัดกรอง");   /* the INI's */
	assert_int_equal(norm_diff(&v1, &v2, &d, &err), 0);
	assert_int_equal(d.added, 1);
	assert_int_equal(d.removed, 1);
	assert_int_equal(d.changed, 1);
	assert_int_equal(d.unchanged, 1);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.rows[0].change, NORM_REMOVED);
	assert_string_equal(d.rows[0].old->text, "คัดกรองไข้นักเรียนทุกเช้า");
	assert_null(d.rows[0].new);
	assert_int_equal(d.rows[1].change, NORM_CHANGED);
	assert_string_equal(d.rows[1].old->code, "A2");
	assert_int_equal(d.rows[1].fields, NORM_FIELD_GROUP);
	assert_string_equal(v1.groups[d.rows[1].old->group].code, "communication");
	assert_string_equal(v2.groups[d.rows[1].new->group].code, "surveillance");
	assert_int_equal(d.rows[2].change, NORM_ADDED);
	assert_string_equal(d.rows[2].new->code, "A4");
	assert_true(d.rows[2].new->weight == 2.0);
	norm_diff_free(&d);
	norm_version_free(&v1);
	norm_version_free(&v2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_latest_version_of_demo_set, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_first_version_and_labels_from_ini, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_missing_set_or_version_says_what_exists, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_diff_of_demo_versions, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_diff_thai_set, fixture_setup_flu, fixture_teardown),
	};

	return cmocka_run_group_tests_name("norm", tests, NULL, NULL);
}
