/* test_aar.c - an AAR for its form; new records in each template; Thai
 * section text, tags, follow-up actions; each change one undoable step. */
#include "helpers.h"
#include "routemap/aar.h"
#include "routemap/change.h"

/* Thai with tone marks, upper and lower vowels and SARA AM. */
static const char thai[] = "ผู้ปกครองร่วมมือดีมาก น้ำใจงาม ครูพี่เลี้ยงคัดกรองทุกเช้า";

static void load(struct fixture *f, const char *code, struct aar_record *r)
{
	struct rm_error err = { 0, "" };

	if (aar_load(&f->st, &f->cfg, code, r, &err) != 0)
		fail_msg("load %s: %s", code, err.msg);
}

/* A new AAR of TEMPLATE about an event on 20 Jan 2026, made as a step of U. */
static sqlite3_int64 create(struct fixture *f, struct undo_log *u, const char *template_name,
			    char **code)
{
	struct aar_new a = { template_name, "event", NULL, "ถอดบทเรียนการคัดกรองเด็กป่วย", "2569-01-20" };
	struct rm_error err = { 0, "" };
	sqlite3_int64 id;

	if (aar_create(&f->st, u, &f->cfg, &a, &id, code, &err) != CHANGE_OK)
		fail_msg("create: %s", err.msg);
	assert_true(id > 0);
	return id;
}

static void test_load_demo(void **state)
{
	static const char *const keys[] = {
		"background", "activities", "results", "progress", "success_factors",
		"disappointments", "unexpected_gains", "knowledge",
	};
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct aar_record r;
	size_t i;

	load(f, "AAR-ODPC6-2553", &r);
	assert_string_equal(r.template_name, "lessons8");
	assert_string_equal(r.date, "2010-09-28");
	assert_string_equal(r.subject_kind, "project");
	assert_string_equal(r.subject, "NKG-CDC-53");
	assert_non_null(r.subject_title);
	assert_string_equal(r.facilitator, "กลุ่มพัฒนาวิชาการ สคร.๖");
	assert_string_equal(r.tags, "แผนที่ทางเดินยุทธศาสตร์; ศูนย์เด็กเล็ก; Mini SLM");
	assert_int_equal(r.nsections, 8);
	for (i = 0; i < 8; i++) {
		assert_string_equal(r.sections[i].key, keys[i]);
		assert_true(r.sections[i].id > 0);
		assert_true(strlen(r.sections[i].text) > 0);
	}
	assert_string_equal(r.sections[0].label, "ที่มาของการดำเนินโครงการ");
	assert_string_equal(r.sections[7].label, "ความรู้ ทักษะ ข้อเสนอแนะ");
	assert_int_equal(r.nactions, 2);
	assert_string_equal(r.actions[0].status, "done");
	assert_string_equal(r.actions[0].owner, "ผู้อำนวยการ สคร.๖");
	assert_string_equal(r.actions[0].due, "2010-12-31");
	assert_string_equal(r.actions[1].status, "open");
	aar_record_free(&r);

	assert_int_equal(aar_load(&f->st, &f->cfg, "AAR-NONE", &r, &err), AAR_MISSING);
	assert_non_null(strstr(err.msg, "AAR-NONE"));
	aar_record_free(&r);
}

static void test_create_in_each_template(void **state)
{
	static const struct {
		const char *name;
		size_t nsections;
		const char *first;
	} templates[] = {
		{ "aar4", 4, "expected" }, { "gotoknow4", 4, "expected" }, { "lessons8", 8, "background" },
	};
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char *codes[3];
	size_t i;

	for (i = 0; i < 3; i++) {
		struct aar_record r;

		create(f, &u, templates[i].name, &codes[i]);
		load(f, codes[i], &r);
		assert_string_equal(r.template_name, templates[i].name);
		assert_string_equal(r.date, "2026-01-20");
		assert_string_equal(r.title, "ถอดบทเรียนการคัดกรองเด็กป่วย");
		assert_string_equal(r.subject_kind, "event");
		assert_null(r.subject);
		assert_null(r.tags);
		assert_int_equal(r.nsections, templates[i].nsections);
		assert_string_equal(r.sections[0].key, templates[i].first);
		assert_int_equal(r.sections[0].id, 0);
		assert_string_equal(r.sections[0].text, "");
		assert_int_equal(r.nactions, 0);
		aar_record_free(&r);
	}
	/* one office, one day: the codes stay apart */
	assert_string_equal(codes[0], "AAR-office-25690120");
	assert_string_equal(codes[1], "AAR-office-25690120-2");
	assert_string_equal(codes[2], "AAR-office-25690120-3");
	assert_int_equal(u.n, 3);
	/* each undoes on its own, newest first */
	for (i = 3; i-- > 0;) {
		sqlite3_int64 id;

		assert_int_equal(aar_lookup_id(&f->st, codes[i], &id, &err), 0);
		assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
		assert_int_equal(aar_lookup_id(&f->st, codes[i], &id, &err), -1);
		free(codes[i]);
	}
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar"), 2);
	undo_log_free(&u);
}

static void test_create_refuses_what_is_wrong(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_new a = { "aar4", "project", "NKG-CDC-53", "ทบทวนโครงการ", NULL };
	sqlite3_int64 id;
	char *code;

	/* today, about a project */
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_OK);
	assert_non_null(strstr(code, "AAR-office-"));
	free(code);
	a.template_name = "mine";
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "aar4, gotoknow4, lessons8"));
	assert_null(code);
	a.template_name = "aar4";
	a.subject = "NONE-99";
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "NONE-99"));
	a.subject = NULL;
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	a.subject_kind = "meeting";
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "meeting"));
	a.subject_kind = "objective";
	a.subject = "KKN-CDC-2568/P1";
	a.title = "   ";
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	a.title = "ทบทวนเป้าประสงค์";
	a.date = "20/01/2399";     /* in neither era */
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "20/01/2399"));
	assert_non_null(strstr(err.msg, "15 ม.ค. 2569"));   /* the forms named */
	a.date = "๒๕๖๙-๐๒-๐๑";     /* Thai digits, Buddhist Era */
	assert_int_equal(aar_create(&f->st, &u, &f->cfg, &a, &id, &code, &err), CHANGE_OK);
	assert_string_equal(code, "AAR-office-25690201");
	free(code);
	assert_int_equal(u.n, 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar"), 4);
	undo_log_free(&u);
}

static void test_section_text_in_thai(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_record r;
	sqlite3_int64 aar, sid = 0, first;
	char *code, *current = NULL;
	char half[sizeof thai];

	aar = create(f, &u, "aar4", &code);
	/* nothing typed: nothing made */
	assert_int_equal(aar_section_save(&f->st, &u, aar, "happened", &sid, "", "", NULL, &err),
			 CHANGE_NONE);
	assert_int_equal(sid, 0);
	/* typing, saved at rest twice: the row is made by the first save */
	memcpy(half, thai, 30);
	half[30] = '\0';
	assert_int_equal(aar_section_save(&f->st, &u, aar, "happened", &sid, NULL, half, NULL, &err),
			 CHANGE_OK);
	assert_true(sid > 0);
	first = sid;
	assert_int_equal(aar_section_save(&f->st, &u, aar, "happened", &sid, half, thai, NULL, &err),
			 CHANGE_OK);
	assert_int_equal(sid, first);
	assert_int_equal(u.n, 2);            /* the record, then the typing as one step */
	load(f, code, &r);
	assert_string_equal(r.sections[1].key, "happened");
	assert_int_equal(r.sections[1].id, sid);
	assert_string_equal(r.sections[1].text, thai);
	assert_int_equal(r.sections[0].id, 0);
	aar_record_free(&r);

	/* another user changes it: nothing is overwritten, we learn their text */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE aar_section SET text = 'ครูพี่เลี้ยงช่วยกันดี'"
				      " WHERE section = 'happened' AND aar_id = (SELECT max(id) FROM aar)",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(aar_section_save(&f->st, &u, aar, "happened", &sid, thai, "ใหม่", &current,
					  &err), CHANGE_CONFLICT);
	assert_string_equal(current, "ครูพี่เลี้ยงช่วยกันดี");
	assert_non_null(strstr(err.msg, f->st.user));
	free(current);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_section WHERE text = 'ใหม่'"), 0);
	/* and our undo refuses to throw their text away */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_CONFLICT);
	undo_log_free(&u);
	free(code);
}

static void test_section_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_record r;
	sqlite3_int64 aar, sid = 0, other = 0;
	char *code, *current = NULL;

	aar = create(f, &u, "gotoknow4", &code);
	assert_int_equal(aar_section_save(&f->st, &u, aar, "exceeded", &sid, "", thai, NULL, &err),
			 CHANGE_OK);
	change_seal(&u);                     /* the user left the field */
	assert_int_equal(aar_section_save(&f->st, &u, aar, "exceeded", &sid, thai, "น้ำใจงาม", NULL,
					  &err), CHANGE_OK);
	assert_int_equal(u.n, 3);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	load(f, code, &r);
	assert_string_equal(r.sections[1].text, thai);
	aar_record_free(&r);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	load(f, code, &r);
	assert_int_equal(r.sections[1].id, 0);
	assert_string_equal(r.sections[1].text, "");
	aar_record_free(&r);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_section s JOIN aar a"
				     " ON a.id = s.aar_id WHERE a.template = 'gotoknow4'"), 0);

	/* someone else made the row meanwhile: their text is not overwritten */
	assert_int_equal(sqlite3_exec(f->st.db, "INSERT INTO aar_section(aar_id, section, text)"
				      " SELECT max(id), 'next', 'ทำต่อทุกปี' FROM aar", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(aar_section_save(&f->st, &u, aar, "next", &other, "", thai, &current, &err),
			 CHANGE_CONFLICT);
	assert_true(other > 0);
	assert_string_equal(current, "ทำต่อทุกปี");
	free(current);
	/* with what it holds now as the expected text, the save goes through */
	assert_int_equal(aar_section_save(&f->st, &u, aar, "next", &other, "ทำต่อทุกปี", thai, NULL,
					  &err), CHANGE_OK);
	undo_log_free(&u);
	free(code);
}

static void test_tags(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_record r;
	const char *before = "แผนที่ทางเดินยุทธศาสตร์; ศูนย์เด็กเล็ก; Mini SLM";
	sqlite3_int64 id;

	assert_int_equal(aar_lookup_id(&f->st, "AAR-ODPC6-2553", &id, &err), 0);
	assert_int_equal(aar_set_tags(&f->st, &u, id, before, " ถอดบทเรียน ;ศูนย์เด็กเล็ก;; ถอดบทเรียน ",
				      &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_string_equal(r.tags, "ถอดบทเรียน; ศูนย์เด็กเล็ก");
	aar_record_free(&r);
	assert_int_equal(u.n, 1);
	/* the same again: nothing to do */
	assert_int_equal(aar_set_tags(&f->st, &u, id, "ถอดบทเรียน; ศูนย์เด็กเล็ก", "ถอดบทเรียน;ศูนย์เด็กเล็ก",
				      &err), CHANGE_NONE);
	/* what the form showed is stale: refused */
	assert_int_equal(aar_set_tags(&f->st, &u, id, before, "PMQA", &err), CHANGE_CONFLICT);
	assert_non_null(strstr(err.msg, f->st.user));
	/* undo: the three tags come back in their order */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_string_equal(r.tags, before);
	aar_record_free(&r);
	/* all of them away, and back */
	assert_int_equal(aar_set_tags(&f->st, &u, id, before, " ; ", &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_null(r.tags);
	aar_record_free(&r);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_tag t JOIN aar a ON a.id = t.aar_id"
				     " WHERE a.code = 'AAR-ODPC6-2553'"), 3);
	undo_log_free(&u);
}

static void test_follow_up_actions(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_record r;
	sqlite3_int64 aar, id;
	char *code;

	aar = create(f, &u, "lessons8", &code);
	assert_int_equal(aar_action_add(&f->st, &u, aar, "จัดเวทีแลกเปลี่ยนเรียนรู้กับ อปท.",
					"นางสาวพัชรินทร์ ศรีสุข", "๒๕๖๙-๐๓-๓๑", &id, &err), CHANGE_OK);
	assert_true(id > 0);
	load(f, code, &r);
	assert_int_equal(r.nactions, 1);
	assert_int_equal(r.actions[0].id, id);
	assert_string_equal(r.actions[0].action, "จัดเวทีแลกเปลี่ยนเรียนรู้กับ อปท.");
	assert_string_equal(r.actions[0].owner, "นางสาวพัชรินทร์ ศรีสุข");
	assert_string_equal(r.actions[0].due, "2026-03-31");
	assert_string_equal(r.actions[0].status, "open");
	aar_record_free(&r);
	/* closed */
	assert_int_equal(change_field(&f->st, &u, "aar_action.status", id, "open", "done", NULL, &err),
			 CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_action WHERE status = 'done'"), 2);
	/* refused: no text, a date that is none */
	assert_int_equal(aar_action_add(&f->st, &u, aar, " ", NULL, NULL, &id, &err), CHANGE_ERROR);
	assert_int_equal(aar_action_add(&f->st, &u, aar, "ติดตาม", NULL, "31 มี.ค.", &id, &err),
			 CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "31 มี.ค."));
	/* no owner, no date */
	assert_int_equal(aar_action_add(&f->st, &u, aar, "ติดตามผล", "", "", &id, &err), CHANGE_OK);
	load(f, code, &r);
	assert_int_equal(r.nactions, 2);
	assert_null(r.actions[1].owner);
	assert_null(r.actions[1].due);
	aar_record_free(&r);
	/* deleted, then undone, newest first */
	assert_int_equal(aar_action_delete(&f->st, &u, id, &err), CHANGE_OK);
	assert_int_equal(aar_action_delete(&f->st, &u, id, &err), CHANGE_ERROR);
	assert_int_equal(u.n, 5);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);     /* the delete */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);     /* the second add */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);     /* done */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_action WHERE status = 'open'"), 3);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);     /* the first add */
	load(f, code, &r);
	assert_int_equal(r.nactions, 0);
	aar_record_free(&r);
	undo_log_free(&u);
	free(code);
}

static void test_subjects(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_subject *v;
	struct aar_record r;
	sqlite3_int64 id;
	size_t n, i;
	int found = 0;

	assert_int_equal(aar_subjects(&f->st, "plan", &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].code, "KKN-CDC-2568");
	aar_subjects_free(v, n);
	assert_int_equal(aar_subjects(&f->st, "objective", &v, &n, &err), 0);
	for (i = 0; i < n; i++)
		found |= strcmp(v[i].code, "NPG-CDC-2569/P1") == 0 &&
			 strcmp(v[i].title, "เด็กเล็กในอำเภอน้ำพองปลอดจากโรคมือ เท้า ปาก และอุจจาระร่วง") == 0;
	assert_true(found);
	aar_subjects_free(v, n);
	assert_int_equal(aar_subjects(&f->st, "project", &v, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project"), 4);
	aar_subjects_free(v, n);
	assert_int_equal(aar_subjects(&f->st, "assessment", &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_non_null(strstr(v[0].title, " · "));
	aar_subjects_free(v, n);
	assert_int_equal(aar_subjects(&f->st, "event", &v, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(aar_subjects(&f->st, "meeting", &v, &n, &err), -1);

	/* what the demo record reviews, changed to an objective, then an event */
	assert_int_equal(aar_lookup_id(&f->st, "AAR-ODPC6-2553", &id, &err), 0);
	assert_int_equal(aar_set_subject(&f->st, &u, id, "project", "NKG-CDC-53", "objective",
					 "KKN-CDC-2568/P1", &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_string_equal(r.subject_kind, "objective");
	assert_string_equal(r.subject, "KKN-CDC-2568/P1");
	assert_string_equal(r.subject_title, "ผู้ปกครองและครูพี่เลี้ยงมีพฤติกรรมป้องกันโรคติดต่อที่ถูกต้อง");
	aar_record_free(&r);
	assert_int_equal(aar_set_subject(&f->st, &u, id, "project", "NKG-CDC-53", "event", NULL, &err),
			 CHANGE_CONFLICT);
	assert_int_equal(aar_set_subject(&f->st, &u, id, "objective", "KKN-CDC-2568/P1", "plan",
					 "NONE", &err), CHANGE_ERROR);
	assert_int_equal(aar_set_subject(&f->st, &u, id, "objective", "KKN-CDC-2568/P1", "event",
					 "ignored", &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_null(r.subject);
	assert_null(r.subject_title);
	aar_record_free(&r);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	load(f, "AAR-ODPC6-2553", &r);
	assert_string_equal(r.subject, "NKG-CDC-53");
	aar_record_free(&r);
	undo_log_free(&u);
}

static void test_fields_of_the_record(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct aar_record r;
	sqlite3_int64 id;
	char iso[16];

	assert_int_equal(aar_lookup_id(&f->st, "AAR-PMQA-2553", &id, &err), 0);
	assert_int_equal(aar_parse_date("๒๕๕๓-๑๐-๒๑", iso, sizeof iso), 0);
	assert_string_equal(iso, "2010-10-21");
	assert_int_equal(aar_parse_date("21 ต.ค. 2553", iso, sizeof iso), 0);
	assert_string_equal(iso, "2010-10-21");
	assert_int_equal(aar_parse_date("21 ต.ค. 2353", iso, sizeof iso), -1);
	assert_int_equal(change_field(&f->st, &u, "aar.date", id, "2010-10-20", iso, NULL, &err),
			 CHANGE_OK);
	assert_int_equal(change_field(&f->st, &u, "aar.facilitator", id, "ทีมวิทยากรที่ปรึกษา PMQA จังหวัด",
				      "ผู้ช่วยผู้อำนวยการ", NULL, &err), CHANGE_OK);
	load(f, "AAR-PMQA-2553", &r);
	assert_string_equal(r.date, "2010-10-21");
	assert_string_equal(r.facilitator, "ผู้ช่วยผู้อำนวยการ");
	aar_record_free(&r);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	load(f, "AAR-PMQA-2553", &r);
	assert_string_equal(r.date, "2010-10-20");
	assert_string_equal(r.facilitator, "ทีมวิทยากรที่ปรึกษา PMQA จังหวัด");
	assert_string_equal(aar_kind_label("event"), "event or activity");
	aar_record_free(&r);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_demo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_create_in_each_template, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_create_refuses_what_is_wrong, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_section_text_in_thai, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_section_undo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_tags, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_follow_up_actions, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_subjects, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_fields_of_the_record, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("aar", tests, NULL, NULL);
}
