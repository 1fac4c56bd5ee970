/* test_change.c - changes as undoable steps; no silent overwrite; history. */
#include "helpers.h"
#include "routemap/change.h"
#include "routemap/domain.h"

/* The id of entry ITEM of A-BNG-69 (made when missing). */
static sqlite3_int64 entry(struct fixture *f, const char *item)
{
	struct rm_error err = { 0, "" };
	sqlite3_stmt *stmt;
	sqlite3_int64 aid, iid, id;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT a.id, i.id FROM assessment a"
		" JOIN norm_item i ON i.set_id = a.set_id WHERE a.code = 'A-BNG-69' AND i.code = ?1",
		-1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, item, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	aid = sqlite3_column_int64(stmt, 0);
	iid = sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	assert_int_equal(change_entry_id(&f->st, aid, iid, &id, &err), 0);
	return id;
}

static char *get(struct fixture *f, const char *field, sqlite3_int64 id)
{
	struct rm_error err = { 0, "" };
	char *v;

	assert_int_equal(change_get(&f->st, field, id, &v, &err), 0);
	return v;
}

static void test_field_change_and_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 sv2 = entry(f, "SV2");
	char *v;

	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", sv2, "not_met", "met",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.note", sv2, NULL,
				      "แจ้ง รพ.สต. ทางไลน์ภายในวัน", NULL, &err), CHANGE_OK);
	assert_int_equal(u.n, 2);
	v = get(f, "assessment_entry.status", sv2);
	assert_string_equal(v, "met");
	free(v);
	/* the same value again: nothing to do, no step */
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", sv2, "met", "met",
				      NULL, &err), CHANGE_NONE);
	/* undo, last first; each undo is itself logged */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	v = get(f, "assessment_entry.note", sv2);
	assert_null(v);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	v = get(f, "assessment_entry.status", sv2);
	assert_string_equal(v, "not_met");
	free(v);
	assert_int_equal(u.n, 0);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_NONE);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE tbl = 'assessment_entry'"
				     " AND op = 'update' AND json_extract(new, '$.status') = 'not_met'"
				     " AND json_extract(old, '$.status') = 'met'"), 1);
	undo_log_free(&u);
}

static void test_no_silent_overwrite(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 cp2 = entry(f, "CP2");
	char *current = NULL, *v;

	/* another user changes the note under us */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE assessment_entry SET note = 'อสม. ช่วยทุกสัปดาห์'"
		" WHERE id = (SELECT e.id FROM assessment_entry e JOIN norm_item i ON i.id = e.item_id"
		" WHERE i.code = 'CP2' AND e.assessment_id = (SELECT id FROM assessment"
		" WHERE code = 'A-BNG-69'))", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.note", cp2, "ทำได้เดือนละ ๒ ครั้ง",
				      "ทำได้ทุกสัปดาห์แล้ว", &current, &err), CHANGE_CONFLICT);
	assert_string_equal(current, "อสม. ช่วยทุกสัปดาห์");
	assert_non_null(strstr(err.msg, f->st.user));
	free(current);
	v = get(f, "assessment_entry.note", cp2);
	assert_string_equal(v, "อสม. ช่วยทุกสัปดาห์");   /* theirs kept */
	free(v);
	assert_int_equal(u.n, 0);

	/* our change, then theirs over it: undo refuses to take theirs away */
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", cp2, "partial", "met",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE assessment_entry SET status = 'na'"
				      " WHERE id = (SELECT max(id) FROM assessment_entry WHERE status = 'met'"
				      " AND note = 'อสม. ช่วยทุกสัปดาห์')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_CONFLICT);
	assert_non_null(strstr(err.msg, "nothing was overwritten"));
	v = get(f, "assessment_entry.status", cp2);
	assert_string_equal(v, "na");
	free(v);
	assert_int_equal(u.n, 1);
	undo_log_free(&u);
}

static void test_typing_merges_into_one_step(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 sm2 = entry(f, "SM2");
	struct history_row *h;
	size_t n;
	char *v;

	assert_int_equal(change_field(&f->st, &u, "assessment_entry.note", sm2,
				      "ยังไม่ได้เสนอสภา อบต.", "ยังไม่ได้เสนอ", NULL, &err), CHANGE_OK);
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.note", sm2, "ยังไม่ได้เสนอ",
				      "ยังไม่ได้เสนอสภา อบต. จะเสนอเดือนหน้า", NULL, &err), CHANGE_OK);
	assert_int_equal(u.n, 1);
	/* one visit, one history entry: from before the visit to its end */
	assert_int_equal(history_load(&f->st, "assessment_entry", sm2, 50, &h, &n, &err), 0);
	assert_true(n >= 1);
	assert_string_equal(h[0].field, "note");
	assert_string_equal(h[0].old, "ยังไม่ได้เสนอสภา อบต.");
	assert_string_equal(h[0].new_value, "ยังไม่ได้เสนอสภา อบต. จะเสนอเดือนหน้า");
	assert_true(n < 2 || !h[1].field || strcmp(h[1].field, "note") != 0 ||
		    strcmp(h[1].new_value, "ยังไม่ได้เสนอ") != 0);
	history_free(h, n);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log WHERE tbl = 'assessment_entry'"
				     " AND json_extract(new, '$.note') = 'ยังไม่ได้เสนอ'"), 0);
	/* the newest row is the one kept: ids and times keep one order */
	assert_int_equal(fixture_int(f, "SELECT json_extract(new, '$.note') = 'ยังไม่ได้เสนอสภา อบต."
				     " จะเสนอเดือนหน้า' AND json_extract(old, '$.note') = 'ยังไม่ได้เสนอสภา อบต.'"
				     " FROM change_log WHERE id = (SELECT max(id) FROM change_log)"), 1);
	change_seal(&u);
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.note", sm2,
				      "ยังไม่ได้เสนอสภา อบต. จะเสนอเดือนหน้า", "เสนอแล้ว", NULL, &err),
			 CHANGE_OK);
	assert_int_equal(u.n, 2);
	/* a second visit is a second entry */
	assert_int_equal(history_load(&f->st, "assessment_entry", sm2, 50, &h, &n, &err), 0);
	assert_true(n >= 2);
	assert_string_equal(h[0].new_value, "เสนอแล้ว");
	assert_string_equal(h[1].new_value, "ยังไม่ได้เสนอสภา อบต. จะเสนอเดือนหน้า");
	history_free(h, n);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	v = get(f, "assessment_entry.note", sm2);
	assert_string_equal(v, "ยังไม่ได้เสนอสภา อบต. จะเสนอเดือนหน้า");
	free(v);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	v = get(f, "assessment_entry.note", sm2);
	assert_string_equal(v, "ยังไม่ได้เสนอสภา อบต.");
	free(v);
	undo_log_free(&u);
}

/* The id of the (first) support request of item ITEM of A-BNG-69. */
static sqlite3_int64 request(struct fixture *f, const char *item)
{
	char sql[300];

	snprintf(sql, sizeof sql, "SELECT min(r.id) FROM support_request r"
		 " JOIN assessment_entry e ON e.id = r.entry_id JOIN assessment a"
		 " ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id"
		 " WHERE a.code = 'A-BNG-69' AND i.code = '%s'", item);
	return fixture_int(f, sql);
}

static void test_unknown_frame_is_refused(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 sv1 = request(f, "SV1");
	char *v;

	assert_true(sv1 > 0);
	assert_int_equal(change_field(&f->st, &u, "support_request.frame", sv1, "2", "9",
				      NULL, &err), CHANGE_ERROR);
	v = get(f, "support_request.frame", sv1);
	assert_string_equal(v, "2");
	free(v);
	assert_int_equal(change_field(&f->st, &u, "support_request.frame", sv1, "2", "6",
				      NULL, &err), CHANGE_OK);
	undo_log_free(&u);
}

static void test_undo_a_delete_brings_everything_back(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	long long sections = fixture_int(f, "SELECT count(*) FROM aar_section");
	long long docs = fixture_int(f, "SELECT count(*) FROM search_doc");

	assert_int_equal(record_delete(&f->st, &u, "aar", "AAR-ODPC6-2553", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_section"), sections - 8);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_section"), sections);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_action a JOIN aar r ON r.id = a.aar_id"
				     " WHERE r.code = 'AAR-ODPC6-2553'"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_tag"), 5);
	/* searchable again, and the foreign keys hold */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_doc"), docs);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	undo_log_free(&u);
}

/* A project deleted from the objective page comes back whole with undo:
 * BNG-CDC-69 serves P1 and R1 of NPG-CDC-2569 and A-BNG-69 assesses it;
 * the delete takes the two links and leaves the assessment without a
 * project; undo gives back the project, both links and the assessment's
 * project. */
static void test_undo_a_project_delete(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };

	assert_int_equal(record_delete(&f->st, &u, "project", "BNG-CDC-69", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project WHERE code = 'BNG-CDC-69'"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment WHERE code = 'A-BNG-69'"
				     " AND project_id IS NULL"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective x"
				     " JOIN project j ON j.id = x.project_id"
				     " JOIN objective o ON o.id = x.objective_id"
				     " WHERE j.code = 'BNG-CDC-69' AND o.code IN ('P1', 'R1')"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment a JOIN project j"
				     " ON j.id = a.project_id WHERE a.code = 'A-BNG-69'"
				     " AND j.code = 'BNG-CDC-69'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	undo_log_free(&u);
}

static void test_history_of_an_item(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct history_row *h;
	size_t n;
	sqlite3_int64 le2 = entry(f, "LE2");

	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", le2, NULL, "partial",
				      NULL, &err), CHANGE_OK);
	change_seal(&u);
	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", le2, "partial", "met",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(history_load(&f->st, "assessment_entry", le2, 50, &h, &n, &err), 0);
	/* newest first: partial -> met, then null -> partial, then the insert */
	assert_true(n >= 3);
	assert_string_equal(h[0].field, "status");
	assert_string_equal(h[0].old, "partial");
	assert_string_equal(h[0].new_value, "met");
	assert_string_equal(h[0].who, f->st.user);
	assert_string_equal(h[1].new_value, "partial");
	assert_null(h[1].old);
	assert_string_equal(h[n - 1].op, "insert");
	history_free(h, n);
	/* its support request's frame shows by its label (frame 2 of the demo) */
	change_seal(&u);
	assert_int_equal(sqlite3_exec(f->st.db, "INSERT INTO support_request(entry_id, needed)"
				      " VALUES ((SELECT max(id) FROM assessment_entry), 'คู่มือครู')",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(change_field(&f->st, &u, "support_request.frame",
				      fixture_int(f, "SELECT max(id) FROM support_request"), NULL, "2",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(history_load(&f->st, "assessment_entry", le2, 50, &h, &n, &err), 0);
	assert_string_equal(h[0].table, "support_request");
	assert_string_equal(h[0].field, "frame_id");
	assert_null(h[0].old);
	assert_string_equal(h[0].new_value,
			    "การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์และการจัดการค่ากลาง");
	history_free(h, n);
	undo_log_free(&u);
}

/* How many lines of the history of row ID of TABLE are of PART. */
static size_t history_lines(struct fixture *f, const char *table, sqlite3_int64 id,
			    const char *part, struct history_row *first)
{
	struct rm_error err = { 0, "" };
	struct history_row *h;
	size_t n, i, k = 0;

	assert_int_equal(history_load(&f->st, table, id, 500, &h, &n, &err), 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		k += !part || strcmp(h[i].table, part) == 0;
	if (first) {
		first->table = strdup(h[0].table);
		first->field = h[0].field ? strdup(h[0].field) : NULL;
		first->new_value = h[0].new_value ? strdup(h[0].new_value) : NULL;
	}
	history_free(h, n);
	return k;
}

static void test_history_of_an_assessment_and_an_aar(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct history_row top = { 0 };
	sqlite3_int64 le2 = entry(f, "LE2");   /* not in the demo: inserted now */
	sqlite3_int64 bng = fixture_int(f, "SELECT id FROM assessment WHERE code = 'A-BNG-69'");
	sqlite3_int64 nkg = fixture_int(f, "SELECT id FROM assessment WHERE code = 'A-NKG-53'");
	sqlite3_int64 aar = fixture_int(f, "SELECT id FROM aar WHERE code = 'AAR-ODPC6-2553'");

	assert_int_equal(change_field(&f->st, &u, "assessment_entry.status", le2, NULL, "na",
				      NULL, &err), CHANGE_OK);
	/* A-BNG-69: its own insert, the 12 entries of the demo's CSV, LE2's
	 * insert and its status: 15 lines, the newest that status */
	assert_int_equal(history_lines(f, "assessment", bng, NULL, &top), 15);
	assert_string_equal(top.table, "assessment_entry");
	assert_string_equal(top.field, "status");
	assert_string_equal(top.new_value, "na");
	free(top.table);
	free(top.field);
	free(top.new_value);
	assert_int_equal(history_lines(f, "assessment", bng, "assessment_entry", NULL), 14);
	/* A-NKG-53: its insert and its 6 entries, none of A-BNG-69's */
	assert_int_equal(history_lines(f, "assessment", nkg, NULL, NULL), 7);
	/* the AAR: its insert, 8 sections, 2 actions and 3 tags */
	assert_int_equal(history_lines(f, "aar", aar, NULL, NULL), 14);
	assert_int_equal(history_lines(f, "aar", aar, "aar_section", NULL), 8);
	undo_log_free(&u);
}

static void test_undo_never_cascades_into_others_work(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log mine = { 0 };
	char *code;
	sqlite3_stmt *stmt;
	sqlite3_int64 aid, iid;

	/* an assessment started and taken back: fine */
	assert_int_equal(assessment_create(&f->st, &mine, "CDC-NORM", 2, "NKG-CDC", NULL,
					   "นายสมชาย ใจดี", &code, &err), 0);
	free(code);
	assert_int_equal(change_undo(&f->st, &mine, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment"), 3);

	/* started again; someone answers an item of it; undo must not delete that */
	assert_int_equal(assessment_create(&f->st, &mine, "CDC-NORM", 2, "NKG-CDC", NULL,
					   "นายสมชาย ใจดี", &code, &err), 0);
	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT a.id, i.id FROM assessment a"
		" JOIN norm_item i ON i.set_id = a.set_id WHERE a.code = ?1 LIMIT 1", -1, &stmt, NULL),
		SQLITE_OK);
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	aid = sqlite3_column_int64(stmt, 0);
	iid = sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	assert_int_equal(change_entry_field(&f->st, NULL, aid, iid, "assessment_entry.note", NULL,
					    "ครูแจ้งว่ามีบันทึกข้อตกลงแล้ว", NULL, NULL, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &mine, &err), CHANGE_CONFLICT);
	assert_non_null(strstr(err.msg, "nothing was undone"));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_entry"
				     " WHERE note = 'ครูแจ้งว่ามีบันทึกข้อตกลงแล้ว'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment"), 4);
	free(code);
	undo_log_free(&mine);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_field_change_and_undo, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_no_silent_overwrite, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_typing_merges_into_one_step, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_frame_is_refused, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_undo_a_project_delete, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_undo_a_delete_brings_everything_back, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_history_of_an_item, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_history_of_an_assessment_and_an_aar, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_undo_never_cascades_into_others_work, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("change", tests, NULL, NULL);
}
