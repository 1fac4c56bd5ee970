/* test_support.c - a unit's support requests: two made on one item,
 * edited, one deleted, every step undone; the move of schema 8's entry
 * columns into requests; CSV files in twice without a request made twice.
 * The demo's A-BNG-69 asks for 5 (SM2, CP2, SV1, SV2, SU1) and A-NKG-53
 * for 1 (LE1): 6 requests, 18 entries; CP3 of A-BNG-69 has no entry. */
#include <locale.h>

#include "helpers.h"
#include "routemap/change.h"
#include "routemap/schema.h"
#include "routemap/support.h"

/* The ids of A-BNG-69 and of its item CODE. */
static void ids(struct fixture *f, const char *code, sqlite3_int64 *a, sqlite3_int64 *item)
{
	char sql[256];

	*a = fixture_int(f, "SELECT id FROM assessment WHERE code = 'A-BNG-69'");
	snprintf(sql, sizeof sql, "SELECT i.id FROM norm_item i JOIN assessment a"
		 " ON a.set_id = i.set_id WHERE a.code = 'A-BNG-69' AND i.code = '%s'", code);
	*item = fixture_int(f, sql);
}

#define REQUESTS(f) fixture_int(f, "SELECT count(*) FROM support_request")
/* the entries of the two checklists answered by status (the demo's PMQA
 * self-assessment, A-NPG-69, has 6 more, and no requests) */
#define ENTRIES(f) fixture_int(f, "SELECT count(*) FROM assessment_entry WHERE assessment_id IN" \
			       " (SELECT id FROM assessment WHERE code IN ('A-BNG-69', 'A-NKG-53'))")

static void test_two_requests_edited_deleted_undone(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct support_ask money = { "งบจัดซื้อเจลล้างมือ", "fund", "4", "25000" };
	struct support_ask training = { "อบรมครูพี่เลี้ยงเรื่องโรคมือ เท้า ปาก", "region", "3",
					"๑๕๐๐" };
	struct support_request *v;
	sqlite3_int64 a, item, entry = 0, first = 0, second = 0;
	char *current = NULL;
	size_t n;

	ids(f, "CP3", &a, &item);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(ENTRIES(f), 18);
	/* the first makes CP3's entry in the same step */
	assert_int_equal(support_request_add(&f->st, &u, a, item, &money, &entry, &first, &err),
			 CHANGE_OK);
	assert_int_equal(ENTRIES(f), 19);
	assert_int_equal(support_request_add(&f->st, &u, a, item, &training, NULL, &second, &err),
			 CHANGE_OK);
	assert_int_equal(REQUESTS(f), 8);
	assert_int_equal(ENTRIES(f), 19);
	assert_int_equal(u.n, 2);
	assert_int_equal(support_requests_load(&f->st, entry, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, first);
	assert_string_equal(v[0].needed, "งบจัดซื้อเจลล้างมือ");
	assert_string_equal(v[0].source, "fund");
	assert_string_equal(v[0].frame, "4");
	assert_string_equal(v[0].amount, "25000");
	assert_string_equal(v[0].status, "requested");
	assert_string_equal(v[1].amount, "1500");   /* Thai digits */
	assert_string_equal(v[1].source, "region");
	support_requests_free(v, n);
	/* edits over what was seen; a second over the same is refused */
	assert_int_equal(change_field(&f->st, &u, "support_request.amount", first, "25000", "30000",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(change_field(&f->st, &u, "support_request.amount", first, "25000", "1",
				      &current, &err), CHANGE_CONFLICT);
	assert_string_equal(current, "30000");
	free(current);
	assert_int_equal(change_field(&f->st, &u, "support_request.source", second, "region",
				      "province", NULL, &err), CHANGE_OK);
	/* the first deleted: one left */
	assert_int_equal(support_request_delete(&f->st, &u, first, &err), CHANGE_OK);
	assert_int_equal(REQUESTS(f), 7);
	assert_int_equal(support_request_delete(&f->st, &u, first, &err), CHANGE_ERROR);
	assert_int_equal(u.n, 5);
	/* undo, step by step: the delete, the source, the amount, the adds */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(REQUESTS(f), 8);
	assert_int_equal(fixture_int(f, "SELECT amount FROM support_request ORDER BY id DESC"
				     " LIMIT 1 OFFSET 1"), 30000);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request WHERE source = 'region'"
				     " AND needed LIKE 'อบรมครูพี่เลี้ยง%'"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request WHERE amount = 25000"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(REQUESTS(f), 7);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(ENTRIES(f), 18);
	undo_log_free(&u);
}

static void test_refused_in_words(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct support_ask nothing = { "  ", "fund", NULL, NULL };
	struct support_ask negative = { "งบ", "fund", NULL, "-5" };
	struct support_ask no_frame = { "งบ", "fund", "9", NULL };
	struct support_ask no_source = { "งบ", " ", NULL, NULL };
	sqlite3_int64 a, item;
	size_t asked, answered;

	ids(f, "CP3", &a, &item);
	assert_int_equal(support_request_add(&f->st, NULL, a, item, &nothing, NULL, NULL, &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "a support request needs what is needed");
	assert_int_equal(support_request_add(&f->st, NULL, a, item, &negative, NULL, NULL, &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "-5: expected an amount in baht, 0 or more");
	assert_int_equal(support_request_add(&f->st, NULL, a, item, &no_frame, NULL, NULL, &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "there is no support frame 9");
	assert_int_equal(support_request_add(&f->st, NULL, a, item, &no_source, NULL, NULL, &err),
			 CHANGE_ERROR);
	assert_string_equal(err.msg, "a support request needs whom it is asked from");
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(ENTRIES(f), 18);
	/* SM2 asks once, unanswered */
	assert_int_equal(support_request_counts(&f->st, fixture_int(f,
		"SELECT e.id FROM assessment_entry e JOIN norm_item i ON i.id = e.item_id"
		" JOIN assessment a ON a.id = e.assessment_id"
		" WHERE a.code = 'A-BNG-69' AND i.code = 'SM2'"), &asked, &answered, &err), 0);
	assert_int_equal(asked, 1);
	assert_int_equal(answered, 0);
}

/* An answer in words: every part, in order; a referral says to whom. */
static void test_answer_text(void **state)
{
	struct fixture *f = *state;
	struct support_request r = { 0 };
	char out[1024];

	r.status = "partly_agreed";
	r.given = "ค่าตอบแทน อสม. ๑ คน";
	r.amount_agreed = "12000";
	r.filed_frame = "3";
	r.answer_note = "งบปีนี้เหลือพอสำหรับ ๑ คน";
	r.answered_by = "นายประเสริฐ ทองดี";
	r.answered_on = "2026-02-10";
	support_answer_text(&f->cfg, &r, out, sizeof out);
	assert_string_equal(out, "partly agreed · to be given: ค่าตอบแทน อสม. ๑ คน · 12,000 baht agreed"
			    " · filed under frame 3 · งบปีนี้เหลือพอสำหรับ ๑ คน"
			    " · นายประเสริฐ ทองดี, 10 ก.พ. 2569");
	memset(&r, 0, sizeof r);
	r.status = "referred";
	r.referred_to = "region";
	support_answer_text(&f->cfg, &r, out, sizeof out);
	assert_string_equal(out, "referred to เขต, awaiting the answer of เขต");
	r.status = NULL;
	support_answer_text(&f->cfg, &r, out, sizeof out);
	assert_string_equal(out, "awaiting an answer");
}

/* A database of schema 8, its entries' support columns filled by hand
 * (SM1: money from the fund under frame 4; CO1: an empty text, which
 * asks for nothing), migrates: one request, the columns gone, the
 * request found by a search, the entry's document its note alone. */
static void test_migration_from_8(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct search_hit *hits;
	size_t n;

	/* (on the store's connection: the search index needs its tokenizer) */
	assert_int_equal(sqlite3_exec(f->st.db,
		"DROP TABLE support_request;"
		"DELETE FROM search_doc WHERE kind = 'support_request';"
		"ALTER TABLE assessment_entry ADD COLUMN support_needed TEXT;"
		"ALTER TABLE assessment_entry ADD COLUMN support_from TEXT;"
		"ALTER TABLE assessment_entry ADD COLUMN support_frame_id INTEGER;"
		"UPDATE assessment_entry SET support_needed = 'งบจ้างวิทยากรภายนอก',"
		" support_from = 'fund', support_frame_id = (SELECT id FROM support_frame WHERE code = '4')"
		" WHERE item_id = (SELECT id FROM norm_item WHERE code = 'SM1' AND set_id ="
		"  (SELECT set_id FROM assessment WHERE code = 'A-BNG-69'))"
		" AND assessment_id = (SELECT id FROM assessment WHERE code = 'A-BNG-69');"
		"UPDATE assessment_entry SET support_needed = '' WHERE item_id IN"
		" (SELECT id FROM norm_item WHERE code = 'CO1');"
		"UPDATE assessment_entry SET support_from = 'local' WHERE item_id ="
		" (SELECT id FROM norm_item WHERE code = 'SM1' AND set_id ="
		"  (SELECT set_id FROM assessment WHERE code = 'A-NKG-53'))"
		" AND assessment_id = (SELECT id FROM assessment WHERE code = 'A-NKG-53');"
		"UPDATE search_doc SET text = 'ผู้ปกครอง งบจ้างวิทยากรภายนอก'"
		" WHERE kind = 'assessment_entry';"
		"PRAGMA user_version = 8", NULL, NULL, NULL), SQLITE_OK);
	store_close(&f->st);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	assert_int_equal(f->st.migrated_from, 8);
	/* SM1 of A-NKG-53 asked the local administration for what it did
	 * not say: kept, with the placeholder */
	assert_int_equal(REQUESTS(f), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request WHERE source = 'local'"
				     " AND needed = '(ไม่ได้ระบุสิ่งที่ขอ)' AND frame_id IS NULL"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request r"
				     " JOIN support_frame s ON s.id = r.frame_id"
				     " WHERE r.needed = 'งบจ้างวิทยากรภายนอก' AND r.source = 'fund'"
				     " AND s.code = '4' AND r.status = 'requested'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM pragma_table_info('assessment_entry')"
				     " WHERE name LIKE 'support%'"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM sqlite_master"
				     " WHERE name = 'assessment_entry_frame'"), 0);
	/* the entries' documents are their notes; the request is found */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_doc WHERE kind ="
				     " 'assessment_entry' AND text LIKE '%วิทยากร%'"), 0);
	assert_int_equal(store_search(&f->st, "วิทยากรภายนอก", &hits, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].kind, "support_request");
	assert_string_equal(hits[0].ref, "A-BNG-69/SM1");
	store_search_free(hits, n);
	/* the new table's changes are logged */
	assert_int_equal(change_field(&f->st, NULL, "support_request.given",
				      fixture_int(f, "SELECT min(id) FROM support_request"), NULL,
				      "วิทยากร ๑ คน", NULL, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"
				     " WHERE tbl = 'support_request' AND op = 'update'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

/* Import TEXT as KIND with FLAGS into *FILE (counts); what the import
 * returned. */
static int import(struct fixture *f, const char *kind, const char *text, unsigned flags,
		  struct transfer_file *file, struct rm_error *err)
{
	memset(file, 0, sizeof *file);
	file->kind = transfer_kind_from_name(kind);
	file->name = "t.csv";
	file->data = text;
	file->len = strlen(text);
	file->utf8 = 1;
	return transfer_import_with(&f->st, &f->cfg, file, 1, flags, err);
}

#define ENTRY_HEAD "assessment,item,status,note,support_needed,support_from,support_frame\n"
#define CP3(n) fixture_int(f, "SELECT count(*) FROM support_request r JOIN assessment_entry e" \
			      " ON e.id = r.entry_id JOIN norm_item i ON i.id = e.item_id" \
			      " WHERE i.code = 'CP3'") == (n)

/* The entries' support columns, twice in: one request; changed source:
 * the same request changed; another text: a second one.  Requests out
 * and in again: the same. */
static void test_csv_twice_no_duplicate(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	static const char first[] = ENTRY_HEAD "A-BNG-69,CP3,partial,,วิทยากรเขียนโครงการ,region,2\n";
	static const char moved[] = ENTRY_HEAD "A-BNG-69,CP3,partial,,วิทยากรเขียนโครงการ,province,2\n";
	static const char other[] = ENTRY_HEAD "A-BNG-69,CP3,partial,,งบประชุม,fund,4\n";

	assert_int_equal(import(f, "assessment_entries", first, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.added, 1);
	assert_true(CP3(1));
	assert_int_equal(import(f, "assessment_entries", first, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 1);
	assert_true(CP3(1));
	assert_int_equal(import(f, "assessment_entries", moved, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.updated, 1);
	transfer_changes_free(&file);
	assert_true(CP3(1));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request"
				     " WHERE needed = 'วิทยากรเขียนโครงการ' AND source = 'province'"), 1);
	/* another text: the entry's first request takes it, no second one */
	assert_int_equal(import(f, "assessment_entries", other, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.updated, 1);
	transfer_changes_free(&file);
	assert_true(CP3(1));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request"
				     " WHERE needed = 'งบประชุม' AND source = 'fund'"), 1);
	/* a source without what is needed asks for the placeholder */
	assert_int_equal(import(f, "assessment_entries", ENTRY_HEAD "A-BNG-69,CO2,met,,,fund,\n",
				TRANSFER_UPDATE, &file, &err), 0);
	transfer_changes_free(&file);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request"
				     " WHERE needed = '(ไม่ได้ระบุสิ่งที่ขอ)' AND source = 'fund'"), 1);
	assert_int_equal(REQUESTS(f), 8);
}

/* Export's text of KIND, malloc'd. */
static char *exported(struct fixture *f, const char *kind)
{
	struct rm_error err = { 0, "" };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(transfer_export(&f->st, &f->cfg, (size_t)transfer_kind_from_name(kind),
					 FORMAT_CSV, out, &err), 0);
	fclose(out);
	return text;
}

#define SM2_LINE "A-BNG-69,SM2,not_met,ยังไม่ได้เสนอสภา อบต.,ร่างประกาศฉบับแก้,province,1\n"
#define ANSWERED "this support request was answered by นางสาวมณี ใจดี on 5 ม.ค. 2570: what was" \
	" asked stays as answered; ask again in a new request"

/* One export's entries and requests, in two imports into a database
 * without them: 6 requests, not 12.  --update of the entries with
 * SM2's text corrected: its one request changes, counted.  Once SM2's
 * request is answered, neither file changes what it asked. */
static void test_csv_two_imports_then_answered(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	char *entries = exported(f, "assessment_entries"), *requests = exported(f, "support_requests");
	char *at;

	assert_int_equal(sqlite3_exec(f->st.db, "DELETE FROM assessment_entry", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(REQUESTS(f), 0);
	assert_int_equal(import(f, "assessment_entries", entries, 0, &file, &err), 0);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(import(f, "support_requests", requests, 0, &file, &err), 0);
	assert_int_equal(file.added, 6);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(import(f, "assessment_entries", ENTRY_HEAD SM2_LINE, TRANSFER_UPDATE, &file,
				&err), 0);
	assert_int_equal(file.updated, 1);
	transfer_changes_free(&file);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request"
				     " WHERE needed = 'ร่างประกาศฉบับแก้'"), 1);
	/* the province agrees; the unit's files cannot change the request */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE support_request SET status = 'agreed',"
				      " answered_by = 'นางสาวมณี ใจดี', answered_on = '2027-01-05'"
				      " WHERE needed = 'ร่างประกาศฉบับแก้'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(import(f, "assessment_entries", ENTRY_HEAD "A-BNG-69,SM2,not_met,"
				"ยังไม่ได้เสนอสภา อบต.,ร่างประกาศฉบับแก้,fund,1\n", TRANSFER_UPDATE, &file,
				&err), -1);
	assert_string_equal(err.msg, "t.csv:2:6 (support_from): " ANSWERED);
	free(requests);
	requests = exported(f, "support_requests");
	at = strstr(requests, "ร่างประกาศฉบับแก้,province,1,");
	assert_non_null(at);
	at += strlen("ร่างประกาศฉบับแก้,");   /* province -> fund */
	memmove(at + strlen("fund"), at + strlen("province"), strlen(at + strlen("province")) + 1);
	memcpy(at, "fund", strlen("fund"));
	assert_int_equal(import(f, "support_requests", requests, TRANSFER_UPDATE, &file, &err), -1);
	assert_string_equal(err.msg, "t.csv:2:5 (source): " ANSWERED);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request WHERE source = 'province'"
				     " AND status = 'agreed'"), 1);
	free(entries);
	free(requests);
}

/* An answered request stays as the office answered it: not deleted; a
 * referred one still awaits (the office referred to). */
static void test_answered_locked_referred_waits(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	sqlite3_int64 sm2 = fixture_int(f, "SELECT e.id FROM assessment_entry e"
		" JOIN norm_item i ON i.id = e.item_id JOIN assessment a ON a.id = e.assessment_id"
		" WHERE a.code = 'A-BNG-69' AND i.code = 'SM2'");
	sqlite3_int64 id = fixture_int(f, "SELECT id FROM support_request WHERE entry_id ="
				       " (SELECT e.id FROM assessment_entry e JOIN norm_item i"
				       "  ON i.id = e.item_id JOIN assessment a ON a.id = e.assessment_id"
				       "  WHERE a.code = 'A-BNG-69' AND i.code = 'SM2')");
	size_t asked, answered;

	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE support_request SET status = 'declined',"
				      " answered_by = 'นางสาวมณี ใจดี', answered_on = '2027-01-05'"
				      " WHERE needed = 'ร่างประกาศตัวอย่างและนำเสนอสภา'", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(support_request_delete(&f->st, NULL, id, &err), CHANGE_ERROR);
	assert_string_equal(err.msg, ANSWERED);
	assert_int_equal(REQUESTS(f), 6);
	assert_int_equal(support_request_counts(&f->st, sm2, &asked, &answered, &err), 0);
	assert_int_equal(answered, 1);
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE support_request SET status = 'referred',"
				      " referred_to = 'region' WHERE id = " "(SELECT max(id) FROM"
				      " support_request WHERE needed = 'ร่างประกาศตัวอย่างและนำเสนอสภา')",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(support_request_counts(&f->st, sm2, &asked, &answered, &err), 0);
	assert_int_equal(asked, 1);
	assert_int_equal(answered, 0);
}

/* support_requests out and in with --update: all unchanged; a line
 * without uid is a new request; Thai digits in an amount. */
static void test_csv_requests_round_trip(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(transfer_export(&f->st, &f->cfg,
					 (size_t)transfer_kind_from_name("support_requests"), FORMAT_CSV,
					 out, &err), 0);
	fclose(out);
	assert_int_equal(import(f, "support_requests", text, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 6);
	assert_int_equal(file.added + file.updated, 0);
	free(text);
	assert_int_equal(import(f, "support_requests",
				"assessment,item,uid,needed,source,frame,amount,status,referred_to,"
				"given,amount_agreed,filed_frame,answer_note,answered_by,answered_on\n"
				"A-BNG-69,LE2,,ค่าเดินทางไปเวทีอำเภอ,fund,6,๑๒๐๐,,,,,,,,\n",
				TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.added, 1);
	assert_int_equal(REQUESTS(f), 7);
	assert_int_equal(ENTRIES(f), 19);   /* LE2's entry made for it */
	assert_int_equal(fixture_int(f, "SELECT amount FROM support_request WHERE needed ="
				     " 'ค่าเดินทางไปเวทีอำเภอ' AND status = 'requested'"), 1200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_requests_edited_deleted_undone,
						fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_refused_in_words, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_answer_text, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_8, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_twice_no_duplicate, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_requests_round_trip, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_two_imports_then_answered,
						fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_answered_locked_referred_waits,
						fixture_setup_demo, fixture_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
