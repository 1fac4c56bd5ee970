/* test_indicators.c - an objective's indicators as a grid of fiscal years
 * (a cell typed with Thai digits, made for a year that had no row; a
 * conflict; an indicator and a year added and deleted, and undone), a
 * project made from the defaults of an objective's page and the
 * objectives it serves toggled, the words of refused values, and the SLM
 * row's form.  Over the demo data: objective P2 of plan KKN-CDC-2568 has
 *   ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค (ร้อยละ)  2569: 42 / 80 / 57
 *   อัตราป่วยโรคมือ เท้า ปาก ในเด็กอายุต่ำกว่า ๕ ปี (ต่อแสนประชากร)  2571: 1850 / 925 / —
 */
#include "helpers.h"

#include "routemap/change.h"
#include "routemap/form.h"
#include "routemap/indicator.h"
#include "routemap/text.h"

#define PLAN "KKN-CDC-2568"
#define RATE "ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค"
#define SICK "อัตราป่วยโรคมือ เท้า ปาก ในเด็กอายุต่ำกว่า ๕ ปี"

static long long rows_of_p2(struct fixture *f)
{
	return fixture_int(f, "SELECT count(*) FROM indicator i JOIN objective o ON o.id = i.objective_id"
			   " JOIN plan p ON p.id = o.plan_id WHERE p.code = 'KKN-CDC-2568' AND o.code = 'P2'");
}

static void load(struct fixture *f, struct indicator_grid *g)
{
	struct rm_error err = { 0, "" };

	if (indicator_grid_load(&f->st, PLAN, "P2", 2570, g, &err) != 0)
		fail_msg("grid: %s", err.msg);
}

static void test_grid(void **state)
{
	struct fixture *f = *state;
	struct indicator_grid g;
	struct rm_error err = { 0, "" };

	load(f, &g);
	/* the years of its rows, and this one between them */
	assert_int_equal(g.nyears, 3);
	assert_int_equal(g.years[0], 2569);
	assert_int_equal(g.years[1], 2570);
	assert_int_equal(g.years[2], 2571);
	assert_int_equal(indicator_year_column(&g, 2570), 1);
	assert_int_equal(indicator_year_column(&g, 2568), -1);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.v[0].name, RATE);
	assert_string_equal(g.v[0].unit, "ร้อยละ");
	assert_string_equal(g.v[0].cells[0].value[IND_BASELINE], "42");
	assert_string_equal(g.v[0].cells[0].value[IND_TARGET], "80");
	assert_string_equal(g.v[0].cells[0].value[IND_RESULT], "57");
	assert_true(g.v[0].cells[1].id == 0);          /* no row for 2570 yet */
	assert_null(g.v[0].cells[2].value[IND_RESULT]);
	assert_string_equal(g.v[1].name, SICK);
	assert_string_equal(g.v[1].cells[2].value[IND_BASELINE], "1850");
	assert_null(g.v[1].cells[2].value[IND_RESULT]);
	indicator_grid_free(&g);
	assert_int_equal(indicator_grid_load(&f->st, PLAN, "P9", 2570, &g, &err), -1);
	assert_non_null(strstr(err.msg, "no objective \"P9\" in plan \"KKN-CDC-2568\""));
}

/* This year's result typed with Thai digits makes the year's row (with
 * the indicator's unit); a stale value conflicts; undo takes the row away. */
static void test_cell(void **state)
{
	struct fixture *f = *state;
	struct indicator_grid g;
	struct undo_log u = { 0 };
	struct rm_error err = { 0, "" };
	const struct form_field *result = &indicator_value_fields[IND_RESULT];
	char *stored = NULL, *current = NULL;

	assert_int_equal(form_check(result, &(struct form_ctx){ .st = &f->st, .cfg = &f->cfg }, "๖๑.๕", &stored,
				    &err), 0);
	assert_string_equal(stored, "61.5");
	load(f, &g);
	assert_int_equal(indicator_cell_save(&f->st, &u, g.objective, RATE, 2570, IND_RESULT, NULL,
					     stored, NULL, &err), CHANGE_OK);
	assert_int_equal(u.n, 1);
	indicator_grid_free(&g);
	load(f, &g);
	assert_true(g.v[0].cells[1].id != 0);
	assert_string_equal(g.v[0].cells[1].value[IND_RESULT], "61.5");
	assert_null(g.v[0].cells[1].value[IND_TARGET]);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator WHERE fiscal_year = 2570"
				     " AND unit = 'ร้อยละ' AND result = 61.5"), 1);
	/* someone saw it empty and types 70: theirs stands */
	assert_int_equal(indicator_cell_save(&f->st, &u, g.objective, RATE, 2570, IND_RESULT, NULL,
					     "70", &current, &err), CHANGE_CONFLICT);
	assert_string_equal(current, "61.5");
	free(current);
	/* a saved value of 2569 changed: 57 -> 58 */
	assert_int_equal(indicator_cell_save(&f->st, &u, g.objective, RATE, 2569, IND_RESULT, "57",
					     "58", NULL, &err), CHANGE_OK);
	assert_int_equal(u.n, 2);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 2);
	assert_int_equal(fixture_int(f, "SELECT result FROM indicator WHERE fiscal_year = 2569"
				     " AND name = '" RATE "'"), 57);
	indicator_grid_free(&g);
	free(stored);
	undo_log_free(&u);
}

static void test_add_delete(void **state)
{
	struct fixture *f = *state;
	struct indicator_grid g;
	struct undo_log u = { 0 };
	struct rm_error err = { 0, "" };
	sqlite3_int64 obj;

	load(f, &g);
	obj = g.objective;
	indicator_grid_free(&g);
	assert_int_equal(indicator_add(&f->st, &u, obj, "จำนวนศูนย์เด็กเล็กที่ประเมินตนเอง", "แห่ง", 2570,
				       &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 3);
	assert_int_equal(indicator_add(&f->st, &u, obj, RATE, NULL, 2570, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "this objective already has an indicator \"" RATE "\"");
	/* 2572 for each of the three */
	assert_int_equal(indicator_add_year(&f->st, &u, obj, 2572, &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 6);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator WHERE fiscal_year = 2572"
				     " AND name = '" SICK "' AND unit = 'ต่อแสนประชากร'"), 1);
	assert_int_equal(indicator_add_year(&f->st, &u, obj, 2572, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "fiscal year 2572 is already there");
	load(f, &g);
	assert_int_equal(g.nyears, 4);   /* 2569 2570 2571 2572 */
	assert_int_equal(g.n, 3);
	indicator_grid_free(&g);
	/* the year goes, then comes back with undo */
	assert_int_equal(indicator_delete_year(&f->st, &u, obj, 2572, &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 3);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 6);
	/* an indicator goes with all its years (2569 and 2572) */
	assert_int_equal(indicator_delete(&f->st, &u, obj, RATE, &err), CHANGE_OK);
	assert_int_equal(rows_of_p2(f), 4);
	assert_int_equal(indicator_delete(&f->st, &u, obj, RATE, &err), CHANGE_NONE);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT baseline * 100 + target FROM indicator"
				     " WHERE fiscal_year = 2569 AND name = '" RATE "'"), 4280);
	/* renamed, every year of it; a name another one has is refused */
	assert_int_equal(indicator_set_line(&f->st, &u, obj, SICK, "unit", "ต่อแสนประชากร",
					    "ต่อประชากรแสนคน", &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator WHERE unit = 'ต่อประชากรแสนคน'"), 2);
	assert_int_equal(indicator_set_line(&f->st, &u, obj, SICK, "name", SICK, RATE, &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "this objective already has an indicator \"" RATE "\"");
	assert_int_equal(indicator_set_line(&f->st, &u, obj, SICK, "unit", "ต่อแสนประชากร", "คน", &err),
			 CHANGE_CONFLICT);
	undo_log_free(&u);
}

static void test_years(void **state)
{
	struct rm_error err = { 0, "" };
	int y = 0;

	(void)state;
	assert_int_equal(indicator_parse_year("๒๕๗๐", &y, &err), 0);
	assert_int_equal(y, 2570);
	assert_int_equal(indicator_parse_year("2026", &y, &err), -1);
	assert_string_equal(err.msg, "\"2026\": expected a Buddhist Era year such as 2569 (2400 to 2800)");
}

static const struct form_field *pfield(const char *name)
{
	const struct form_field *fld = form_field_named(&project_form_def, name);

	assert_non_null(fld);
	return fld;
}

/* The objectives a project may serve are those of its own plan, the ones
 * it serves marked, whichever project's form was read last: BNG-CDC-69
 * (plan NPG-CDC-2569: P1 S1 R1 F1, serving P1 and R1) and KKN-TOT-69
 * (plan KKN-CDC-2568: eleven boxes, serving F1 and R3) both loaded, then
 * each one's list asked for. */
static void test_project_objectives_follow_the_record(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct form_record bng = { 0 }, tot = { 0 };
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	const struct form_field *fld = pfield("objectives");
	size_t i, marked = 0;

	assert_int_equal(project_form_def.load(&ctx, "BNG-CDC-69", NULL, &bng, &err), 0);
	assert_int_equal(project_form_def.load(&ctx, "KKN-TOT-69", NULL, &tot, &err), 0);
	ctx.rec = &bng;
	assert_int_equal(fld->choices(fld, &ctx, &c, &err), 0);
	assert_int_equal(c.n, 4);
	assert_string_equal(c.v[0].code, "P1");
	assert_string_equal(c.v[1].code, "S1");
	assert_string_equal(c.v[2].code, "R1");
	assert_string_equal(c.v[3].code, "F1");
	assert_true(strncmp(c.v[0].label, "[✓] P1", strlen("[✓] P1")) == 0);
	assert_true(strncmp(c.v[1].label, "[ ] S1", strlen("[ ] S1")) == 0);
	assert_true(strncmp(c.v[2].label, "[✓] R1", strlen("[✓] R1")) == 0);
	form_choices_free(&c);
	ctx.rec = &tot;
	assert_int_equal(fld->choices(fld, &ctx, &c, &err), 0);
	assert_int_equal(c.n, 11);
	for (i = 0; i < c.n; i++)
		if (strncmp(c.v[i].label, "[✓]", strlen("[✓]")) == 0) {
			assert_true(strcmp(c.v[i].code, "F1") == 0 || strcmp(c.v[i].code, "R3") == 0);
			marked++;
		}
	assert_int_equal(marked, 2);
	form_choices_free(&c);
	form_record_free(&project_form_def, &bng);
	form_record_free(&project_form_def, &tot);
}

/* Field NAME of the project form refuses TYPED in the words WANT. */
static void refuses(struct fixture *f, const char *name, const char *typed, const char *want)
{
	struct rm_error err = { 0, "" };
	char *stored = NULL;

	assert_int_equal(form_check(pfield(name), &(struct form_ctx){ .st = &f->st, .cfg = &f->cfg }, typed,
				    &stored, &err), -1);
	assert_string_equal(err.msg, want);
}

static void test_project(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	const struct form_def *d = &project_form_def;
	struct form_record rec = { 0 };
	struct undo_log u = { 0 };
	struct rm_error err = { 0, "" };
	char *values[16] = { 0 }, *code = NULL, *part = NULL, want[32];
	struct text_date today;
	size_t i;

	text_today(&today);
	free(f->cfg.office_code);
	f->cfg.office_code = strdup("KKN-PHO");
	assert_int_equal(d->defaults(&ctx, PLAN, "P2", values, &err), 0);
	/* the office and this fiscal year make the code: KKN-PHO-70 in 2570 */
	snprintf(want, sizeof want, "KKN-PHO-%02d", text_fiscal_year(&today) % 100);
	assert_string_equal(values[0], want);
	assert_string_equal(values[2], "KKN-PHO");
	assert_string_equal(values[3], PLAN);
	snprintf(want, sizeof want, "%d", text_fiscal_year(&today));
	assert_string_equal(values[4], want);
	assert_string_equal(values[5], "preparation");
	assert_string_equal(values[6], "planned");
	assert_string_equal(values[11], "P2");
	values[1] = strdup("อบรมครูพี่เลี้ยงศูนย์เด็กเล็กเรื่องการคัดกรองเด็กป่วย");
	assert_int_equal(d->create(&ctx, &u, PLAN, "P2", values, &code, &part, &err), CHANGE_OK);
	assert_string_equal(code, values[0]);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[11], "P2");
	/* serves R3 as well: in map order P2 R3; then R3 no longer */
	assert_int_equal(d->save(&ctx, &u, &rec, 11, "P2", "P2 R3", NULL, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[11], "P2 R3");
	/* one who still sees only P2 is told it changed */
	assert_int_equal(project_toggle_objective(&f->st, &u, code, "P2", "S1", &err), CHANGE_CONFLICT);
	assert_int_equal(project_toggle_objective(&f->st, &u, code, "P2 R3", "X9", &err), CHANGE_ERROR);
	assert_string_equal(err.msg, "no objective \"X9\" in this project's plan");
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[11], "P2");
	/* the save takes the whole list: the only one taken out, then two
	 * put in at once (one step: one undo takes both back) */
	assert_int_equal(d->save(&ctx, &u, &rec, 11, "P2", NULL, NULL, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_null(rec.values[11]);
	assert_int_equal(d->save(&ctx, &u, &rec, 11, NULL, "S1 P2", NULL, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[11], "P2 S1");
	assert_int_equal(d->save(&ctx, &u, &rec, 11, "P2 S1", "S1 P2", NULL, &err), CHANGE_NONE);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[11], "P2");
	/* shown in Thai */
	{
		char shown[128];

		form_shown(pfield("stage"), &ctx, "preparation", shown, sizeof shown);
		assert_string_equal(shown, "preparation");   /* (no translation in the tests) */
	}
	/* the end before the start is refused in words, nothing saved */
	assert_int_equal(d->save(&ctx, &u, &rec, 9, NULL, "2026-03-01", NULL, &err), CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, code, NULL, &rec, &err), 0);
	assert_int_equal(d->save(&ctx, &u, &rec, 10, NULL, "2026-02-01", NULL, &err), FORM_REFUSED);
	assert_string_equal(err.msg, "a project cannot end before it starts (it starts 1 มี.ค. 2569)");
	/* another project's code, refused in words when saved or made */
	assert_int_equal(d->save(&ctx, &u, &rec, 0, code, "KKN-TOT-69", NULL, &err), FORM_REFUSED);
	assert_string_equal(err.msg, "there is already a project with the code KKN-TOT-69");
	{
		char *again = NULL, *again_part = NULL, msg[128];

		assert_int_equal(d->create(&ctx, &u, PLAN, "P2", values, &again, &again_part, &err),
				 FORM_REFUSED);
		snprintf(msg, sizeof msg, "there is already a project with the code %s", values[0]);
		assert_string_equal(err.msg, msg);
		assert_null(again);
	}
	/* undo all: the project and its objective go */
	while (u.n)
		assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project"), 4);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective"), 5);
	form_record_free(d, &rec);
	for (i = 0; i < 16; i++)
		free(values[i]);
	free(code);
	free(part);
	undo_log_free(&u);
}

static void test_project_refusals(void **state)
{
	struct fixture *f = *state;

	refuses(f, "code", "KKN TOT", "\"KKN TOT\": a code has no spaces");
	refuses(f, "title", "", "a value is required here");
	refuses(f, "fiscal_year", "2026",
		"\"2026\": expected a Buddhist Era year such as 2569 (2400 to 2800)");
	refuses(f, "budget", "-5",
		"\"-5\": expected a number of at least 0 such as 73.5 (Thai digits allowed)");
	refuses(f, "stage", "ready", "\"ready\" is not allowed; expected preparation, development or "
		"evaluation");
}

static void test_slm(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	const struct form_def *d = slm_form_def(&f->cfg);
	struct form_record rec = { 0 };
	struct undo_log u = { 0 };
	struct rm_error err = { 0, "" };
	size_t i;

	assert_non_null(d);
	assert_int_equal(d->nfields, f->cfg.slm_columns.n);
	assert_true(d->nfields > 0);
	for (i = 0; i < d->nfields; i++)
		assert_string_equal(d->fields[i].name, f->cfg.slm_columns.v[i].code);
	assert_int_equal(d->load(&ctx, PLAN, "P2", &rec, &err), 0);
	assert_null(rec.values[0]);
	assert_int_equal(d->save(&ctx, &u, &rec, 0, NULL, NULL, NULL, &err), CHANGE_NONE);
	assert_int_equal(d->save(&ctx, &u, &rec, 0, NULL, "ประชุมภาคีเครือข่ายทุกไตรมาส", NULL, &err),
			 CHANGE_OK);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, PLAN, "P2", &rec, &err), 0);
	assert_string_equal(rec.values[0], "ประชุมภาคีเครือข่ายทุกไตรมาส");
	assert_int_equal(u.n, 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM slm_cell"), 0);
	form_record_free(d, &rec);
	assert_int_equal(d->load(&ctx, PLAN, "P9", &rec, &err), FORM_MISSING);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_grid, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_cell, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_add_delete, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test(test_years),
		cmocka_unit_test_setup_teardown(test_project, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_project_refusals, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_slm, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_project_objectives_follow_the_record,
						fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
