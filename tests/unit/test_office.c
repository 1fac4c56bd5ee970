/* test_office.c - the INI's own office registered in its database. */
#include "helpers.h"
#include "routemap/office.h"

/* F's configuration as the office of a new health-promoting hospital. */
static void set_office(struct fixture *f, const char *name, const char *level, const char *parent)
{
	free(f->cfg.office_code);
	free(f->cfg.office_name);
	free(f->cfg.office_short_name);
	free(f->cfg.office_level);
	free(f->cfg.office_parent);
	f->cfg.office_code = strdup("NSW-HPH");
	f->cfg.office_name = strdup(name);
	f->cfg.office_short_name = strdup("");
	f->cfg.office_level = strdup(level);
	f->cfg.office_parent = strdup(parent);
}

static void test_register_add_same_update(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct office_registration r;
	long long logged;

	set_office(f, "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโนนสวรรค์", "unit", "NPG-DHO");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_int_equal(r.outcome, OFFICE_ADDED);
	assert_true(r.parent_missing);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office WHERE code = 'NSW-HPH'"
				     " AND short_name IS NULL AND parent_id IS NULL"), 1);
	/* again: nothing changes, nothing is logged */
	logged = fixture_int(f, "SELECT count(*) FROM change_log");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_int_equal(r.outcome, OFFICE_SAME);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), logged);
	/* the parent arrives: the next registration links it */
	fixture_load_csv(f, "offices", "code,name,short_name,level,parent\n"
		"NPG-DHO,สำนักงานสาธารณสุขอำเภอน้ำพอง,สสอ.น้ำพอง,district,\n");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_int_equal(r.outcome, OFFICE_UPDATED);
	assert_int_equal(r.changed, OFFICE_PARENT);     /* only the parent linked */
	assert_false(r.parent_missing);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office o JOIN office p"
				     " ON p.id = o.parent_id WHERE o.code = 'NSW-HPH'"
				     " AND p.code = 'NPG-DHO'"), 1);
	/* a new name in the INI: updated, the old one in the change log */
	set_office(f, "รพ.สต.บ้านโนนสวรรค์ ตำบลวังชัย", "unit", "NPG-DHO");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_int_equal(r.outcome, OFFICE_UPDATED);
	assert_int_equal(r.changed, OFFICE_NAME);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE tbl = 'office'"
				     " AND op = 'update' AND old LIKE '%บ้านโนนสวรรค์\"%'"
				     " AND new LIKE '%ตำบลวังชัย%'"), 1);
	/* an INI without a parent leaves the one the office has */
	set_office(f, "รพ.สต.บ้านโนนสวรรค์ ตำบลวังชัย", "unit", "");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_int_equal(r.outcome, OFFICE_SAME);
	assert_false(r.parent_missing);
}

static void test_register_refuses_what_the_schema_refuses(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct office_registration r;

	set_office(f, "", "unit", "");   /* a name is required */
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), -1);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_register_add_same_update, fixture_setup_empty, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_register_refuses_what_the_schema_refuses, fixture_setup_empty, fixture_teardown),
	};

	return cmocka_run_group_tests_name("office", tests, NULL, NULL);
}
