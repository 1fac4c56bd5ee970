/* test_fund.c - the fund's screen's numbers on a small data set worked
 * out by hand: requests by frame x source, counts and baht; whose
 * subtree sees what; answers (agreed, partly, declined, referred) with
 * who and when, one undoable step each; the request's form. */
#include "helpers.h"
#include "routemap/change.h"
#include "routemap/fund.h"
#include "routemap/text.h"

/* Under the demo's fund BNG-FUND (district NPG-DHO, province KKN-PHO):
 * its unit BNG-CDC (assessment A-BNG-69) and two more, BNG-SCH and
 * BNG-VIL; another fund OTH-FUND under the same district with its unit
 * OTH-CDC.  Each unit has one assessment of CDC-NORM v2. */
static const char offices[] =
	"code,name,short_name,level,parent\n"
	"BNG-SCH,โรงเรียนบ้านบัวเงิน,รร.บัวเงิน,unit,BNG-FUND\n"
	"BNG-VIL,หมู่บ้านบัวเงินใต้,ม.บัวเงินใต้,unit,BNG-FUND\n"
	"OTH-FUND,กองทุนหลักประกันสุขภาพตำบลทรายมูล,กองทุนฯ ทรายมูล,fund,NPG-DHO\n"
	"OTH-CDC,ศูนย์พัฒนาเด็กเล็กทรายมูล,ศพด.ทรายมูล,unit,OTH-FUND\n";

static const char assessments[] =
	"code,set,version,office,project,assessed_on,assessor\n"
	"A-SCH-69,CDC-NORM,2,BNG-SCH,,2026-01-21,ครูสมศรี\n"
	"A-VIL-69,CDC-NORM,2,BNG-VIL,,2026-01-22,อสม.บุญมี\n"
	"A-OTH-69,CDC-NORM,2,OTH-CDC,,2026-01-23,ครูมาลี\n";

/* The requests: assessment, item, what is needed, frame (NULL: none),
 * source, baht asked. */
static const struct {
	const char *assessment, *item, *needed, *frame, *source;
	double amount;
} requests[] = {
	{ "A-BNG-69", "SM2", "ร่างประกาศตัวอย่างและนำเสนอสภา", "1", "fund", 10000 },     /* R1 */
	{ "A-BNG-69", "CP2", "อสม. เพิ่มอีก ๒ คน", "1", "province", 5000 },              /* R2 */
	{ "A-SCH-69", "SM2", "ค่าพิมพ์คู่มือผู้ปกครอง", "3", "fund", 2500 },               /* R3 */
	{ "A-SCH-69", "SV1", "แบบบันทึกการคัดกรองที่ใช้ง่าย", "3", "fund", 1500 },        /* R4 */
	{ "A-VIL-69", "SM2", "อบรมแกนนำหมู่บ้าน", "3", "region", 4000 },                  /* R5 */
	{ "A-VIL-69", "CP2", "ป้ายประชาสัมพันธ์", NULL, "region", 300 },                  /* R6 */
	{ "A-OTH-69", "SM2", "ค่าอาหารว่างประชุมผู้ปกครอง", "1", "fund", 99999 },         /* R7 */
};
#define NREQ (sizeof requests / sizeof requests[0])

static void exec(struct fixture *f, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(f->st.db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* The demo, the offices and assessments above, an entry per request (not
 * met) and the requests R1..R7, ids 1..7. */
static int setup(void **state)
{
	struct fixture *f;
	sqlite3_stmt *stmt;
	size_t i;

	fixture_setup_demo(state);
	f = *state;
	fixture_load_csv(f, "offices", offices);
	fixture_load_csv(f, "assessments", assessments);
	exec(f, "DELETE FROM support_request");
	assert_int_equal(sqlite3_prepare_v2(f->st.db,
		"INSERT OR IGNORE INTO assessment_entry(assessment_id, item_id, status)"
		" SELECT a.id, i.id, 'not_met' FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"
		" WHERE a.code = ?1 AND i.code = ?2;", -1, &stmt, NULL), SQLITE_OK);
	for (i = 0; i < NREQ; i++) {
		sqlite3_bind_text(stmt, 1, requests[i].assessment, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, requests[i].item, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	assert_int_equal(sqlite3_prepare_v2(f->st.db,
		"INSERT INTO support_request(id, entry_id, needed, frame_id, source, amount)"
		" SELECT ?6, e.id, ?3, (SELECT id FROM support_frame WHERE code = ?4), ?5, ?7"
		" FROM assessment_entry e JOIN assessment a ON a.id = e.assessment_id"
		" JOIN norm_item i ON i.id = e.item_id WHERE a.code = ?1 AND i.code = ?2", -1, &stmt,
		NULL), SQLITE_OK);
	for (i = 0; i < NREQ; i++) {
		sqlite3_bind_text(stmt, 1, requests[i].assessment, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, requests[i].item, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, requests[i].needed, -1, SQLITE_STATIC);
		if (requests[i].frame)
			sqlite3_bind_text(stmt, 4, requests[i].frame, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(stmt, 4);
		sqlite3_bind_text(stmt, 5, requests[i].source, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 6, (sqlite3_int64)i + 1);
		sqlite3_bind_double(stmt, 7, requests[i].amount);
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
		assert_int_equal(sqlite3_changes(f->st.db), 1);
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
	}
	sqlite3_finalize(stmt);
	return 0;
}

static void load(struct fixture *f, const struct fund_filter *flt, struct fund_table *t)
{
	struct rm_error err = { 0, "" };

	if (fund_table_load(&f->st, &f->cfg, flt, t, &err) != 0)
		fail_msg("table: %s", err.msg);
}

/* Cell SOURCE (an index of fund_sources; FUND_SOURCES: the total) of the
 * row of FRAME ("" no frame, "*" the totals) is COUNT, ASKED, AGREED. */
static void cell_is(const struct fund_table *t, const char *frame, int source, long count,
		    double asked, double agreed)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct fund_row *r = &t->rows[i];

		if (strcmp(frame, "*") == 0 ? r->total
		    : !r->total && (*frame ? r->frame && strcmp(r->frame, frame) == 0 : !r->frame)) {
			if (r->cells[source].count != count || r->cells[source].asked != asked ||
			    r->cells[source].agreed != agreed)
				fail_msg("frame %s source %d: %ld %.2f %.2f, expected %ld %.2f %.2f", frame,
					 source, r->cells[source].count, r->cells[source].asked,
					 r->cells[source].agreed, count, asked, agreed);
			return;
		}
	}
	fail_msg("no row for frame %s", frame);
}

enum { FUND, PROVINCE, REGION, LOCAL, TOTAL = FUND_SOURCES };

static void test_table_of_the_fund(void **state)
{
	struct fixture *f = *state;
	struct fund_filter flt = { .office = "BNG-FUND" };
	struct fund_table t;

	load(f, &flt, &t);
	/* the six frames of the INI in order, no frame, the totals */
	assert_int_equal(t.n, 8);
	assert_string_equal(t.rows[0].frame, "1");
	assert_string_equal(t.rows[0].label, "การประเมินผล ป้อนกลับ และเสนอนโยบาย");
	assert_string_equal(t.rows[5].frame, "6");
	assert_null(t.rows[6].frame);
	assert_true(t.rows[7].total);
	cell_is(&t, "1", FUND, 1, 10000, 0);          /* R1 */
	cell_is(&t, "1", PROVINCE, 1, 5000, 0);       /* R2 */
	cell_is(&t, "1", TOTAL, 2, 15000, 0);
	cell_is(&t, "2", TOTAL, 0, 0, 0);
	cell_is(&t, "3", FUND, 2, 4000, 0);           /* R3 + R4 */
	cell_is(&t, "3", REGION, 1, 4000, 0);         /* R5 */
	cell_is(&t, "3", TOTAL, 3, 8000, 0);
	cell_is(&t, "", REGION, 1, 300, 0);           /* R6 */
	cell_is(&t, "*", FUND, 3, 14000, 0);
	cell_is(&t, "*", PROVINCE, 1, 5000, 0);
	cell_is(&t, "*", REGION, 2, 4300, 0);
	cell_is(&t, "*", LOCAL, 0, 0, 0);
	cell_is(&t, "*", TOTAL, 6, 23300, 0);         /* R7 is another fund's */
	fund_table_free(&t);
}

static void test_subtree_and_filters(void **state)
{
	/* whose subtree, which filter: the requests counted and their baht */
	static const struct {
		struct fund_filter flt;
		long count;
		double asked;
	} cases[] = {
		{ { .office = "OTH-FUND" }, 1, 99999 },                  /* R7 only */
		{ { .office = "KKN-PHO" }, 7, 123299 },                  /* both funds' */
		{ { .office = "BNG-CDC" }, 2, 15000 },                   /* a unit: its own */
		{ { .office = "BNG-FUND", .unit = "BNG-SCH" }, 2, 4000 },
		{ { .office = "BNG-FUND", .with = "fund" }, 3, 14000 },  /* only those with us */
		{ { .office = "BNG-FUND", .set = "CDC-NORM:2" }, 6, 23300 },
		{ { .office = "BNG-FUND", .set = "CDC-NORM" }, 6, 23300 },
		{ { .office = "BNG-FUND", .set = "CDC-NORM:1" }, 0, 0 },
		{ { .office = "BNG-FUND", .status = "requested" }, 6, 23300 },
		{ { .office = "BNG-FUND", .status = "agreed" }, 0, 0 },
		{ { .office = "NO-SUCH" }, 0, 0 },
	};
	struct fixture *f = *state;
	struct fund_table t;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		load(f, &cases[i].flt, &t);
		cell_is(&t, "*", TOTAL, cases[i].count, cases[i].asked, 0);
		fund_table_free(&t);
	}
	load(f, &cases[1].flt, &t);
	cell_is(&t, "1", FUND, 2, 109999, 0);                    /* R1 + R7 */
	fund_table_free(&t);
}

static int answer(struct fixture *f, struct undo_log *u, const char *level, sqlite3_int64 id,
		  const char *status, const char *with, struct fund_reply r, struct rm_error *err)
{
	return fund_answer(&f->st, u, level, id, status, with, &r, err);
}

static void test_answers_move_the_numbers(void **state)
{
	struct fixture *f = *state;
	struct fund_filter flt = { .office = "BNG-FUND" };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct fund_table t;
	struct text_date d;
	char today[32], sql[256];

	/* y on R1: the baht asked, filed under the frame asked */
	assert_int_equal(answer(f, &u, "fund", 1, "requested", "fund",
				(struct fund_reply){ FUND_AGREE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_OK);
	/* p on R3: 2,000 of 2,500 (typed with Thai digits and a comma) */
	assert_int_equal(answer(f, &u, "fund", 3, "requested", "fund",
				(struct fund_reply){ FUND_AGREE_PART, "๒,๐๐๐", "คู่มือ ๔๐ เล่ม", NULL,
						     NULL }, &err), CHANGE_OK);
	/* x on R4, then u, then r to the province */
	assert_int_equal(answer(f, &u, "fund", 4, "requested", "fund",
				(struct fund_reply){ FUND_DECLINE, NULL, NULL, "งบปีนี้หมดแล้ว", NULL },
				&err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT status = 'declined' AND answer_note = 'งบปีนี้หมดแล้ว'"
				     " FROM support_request WHERE id = 4"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT status = 'requested' AND answer_note IS NULL"
				     " AND answered_by IS NULL FROM support_request WHERE id = 4"), 1);
	assert_int_equal(answer(f, &u, "fund", 4, "requested", "fund",
				(struct fund_reply){ FUND_REFER, NULL, NULL, NULL, "province" }, &err),
			 CHANGE_OK);
	text_today(&d);
	text_format_iso(&d, today, sizeof today);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM support_request WHERE id IN (1, 3, 4)"
		 " AND answered_by = '%s' AND answered_on = '%s'", f->st.user, today);
	assert_int_equal(fixture_int(f, sql), 3);
	assert_int_equal(fixture_int(f, "SELECT amount_agreed = 10000 AND filed_frame_id ="
				     " (SELECT id FROM support_frame WHERE code = '1')"
				     " FROM support_request WHERE id = 1"), 1);
	assert_int_equal(fixture_int(f, "SELECT status = 'partly_agreed' AND amount_agreed = 2000"
				     " AND given = 'คู่มือ ๔๐ เล่ม' FROM support_request WHERE id = 3"), 1);

	load(f, &flt, &t);
	cell_is(&t, "1", FUND, 1, 10000, 10000);      /* R1 agreed */
	cell_is(&t, "3", FUND, 1, 2500, 2000);        /* R3 partly; R4 left */
	cell_is(&t, "3", PROVINCE, 1, 1500, 0);       /* R4 with the province now */
	cell_is(&t, "*", FUND, 2, 12500, 12000);
	cell_is(&t, "*", PROVINCE, 2, 6500, 0);
	cell_is(&t, "*", TOTAL, 6, 23300, 12000);
	fund_table_free(&t);
	flt.office = "KKN-PHO";                       /* the province sees R4 with it */
	flt.with = "province";
	load(f, &flt, &t);
	cell_is(&t, "*", TOTAL, 2, 6500, 0);          /* R2 and R4 */
	fund_table_free(&t);

	/* the fund no longer answers R4; the province does */
	assert_int_equal(answer(f, &u, "fund", 4, "referred", "province",
				(struct fund_reply){ FUND_AGREE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "the province"));
	assert_int_equal(answer(f, &u, "province", 4, "referred", "province",
				(struct fund_reply){ FUND_REFER, NULL, NULL, NULL, "province" }, &err),
			 CHANGE_ERROR);
	/* what the user saw is gone: another answer came meanwhile */
	assert_int_equal(answer(f, &u, "fund", 1, "requested", "fund",
				(struct fund_reply){ FUND_DECLINE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_CONFLICT);
	assert_int_equal(answer(f, &u, "fund", 3, "partly_agreed", "fund",
				(struct fund_reply){ FUND_AGREE_PART, "", NULL, NULL, NULL }, &err),
			 CHANGE_ERROR);

	/* undo, newest first: R4 comes back to the fund, then R3, then R1 */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_request WHERE status ="
				     " 'requested' AND referred_to IS NULL AND amount_agreed IS NULL"
				     " AND answered_by IS NULL"), 7);
	undo_log_free(&u);
}

/* The requests of one cell, a page at a time. */
static void test_cell_pages(void **state)
{
	struct fixture *f = *state;
	struct fund_query q = { .filter = { .office = "BNG-FUND" }, .frame = "3", .source = "fund" };
	struct rm_error err = { 0, "" };
	struct pager pg;
	const struct fund_request_row *r;

	fund_request_pager(&pg, &f->st, &q);
	assert_int_equal(pager_first(&pg, 1, &err), 0);
	assert_int_equal(pg.n, 1);
	r = pager_row(&pg, 0);
	assert_string_equal(r->unit, "รร.บัวเงิน");
	assert_string_equal(r->item, "SM2");
	assert_string_equal(r->needed, "ค่าพิมพ์คู่มือผู้ปกครอง");
	assert_string_equal(r->status, "requested");
	assert_true(r->has_amount && r->amount == 2500);
	assert_int_equal(pager_forward(&pg, 5, &err), 1);   /* R4, then the end */
	assert_string_equal(((const struct fund_request_row *)pager_row(&pg, 1))->item, "SV1");
	pager_clear(&pg);
	q.frame = "";                                       /* no frame, any source: R6 */
	q.source = NULL;
	fund_request_pager(&pg, &f->st, &q);
	assert_int_equal(pager_first(&pg, 10, &err), 0);
	assert_int_equal(pg.n, 1);
	assert_string_equal(((const struct fund_request_row *)pager_row(&pg, 0))->item, "CP2");
	pager_clear(&pg);
	q.frame = NULL;                                     /* every frame, every source */
	fund_request_pager(&pg, &f->st, &q);
	assert_int_equal(pager_first(&pg, 10, &err), 0);
	assert_int_equal(pg.n, 6);
	pager_clear(&pg);
}

/* The form: what was asked shown; an answer field saved with who and when;
 * refused for an office the request is not with. */
static void test_form(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct fund_request r;
	char uid[64];

	assert_int_equal(fund_request_get(&f->st, "no-such", &r, &err), FORM_MISSING);
	snprintf(uid, sizeof uid, "%s", "");
	{
		sqlite3_stmt *stmt;

		assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT uid FROM support_request WHERE id = 1",
						    -1, &stmt, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		snprintf(uid, sizeof uid, "%s", (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	assert_int_equal(fund_request_get(&f->st, uid, &r, &err), 0);
	assert_int_equal(r.id, 1);
	assert_string_equal(r.with, "fund");
	assert_string_equal(r.amount, "10000");
	fund_request_free(&r);
	assert_int_equal(fund_request_def.load(&ctx, uid, NULL, &rec, &err), 0);
	assert_string_equal(rec.values[0], "ศพด.บัวเงิน  BNG-CDC");
	assert_string_equal(rec.values[4], "10,000 baht");   /* (the tests run untranslated) */
	assert_string_equal(rec.values[6], "awaiting an answer");   /* read-only: y p x r answer */
	assert_non_null(strstr(rec.lines[0].text, "A-BNG-69  SM2"));
	form_record_free(&fund_request_def, &rec);
	/* the demo's office is the province: not its to answer */
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "answer_note",
					   "ขอเอกสารประกอบเพิ่ม", &u, &err), CHANGE_ERROR);
	free(f->cfg.office_level);
	f->cfg.office_level = strdup("fund");
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "answer_note",
					   "ขอเอกสารประกอบเพิ่ม", &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT answer_note = 'ขอเอกสารประกอบเพิ่ม'"
				     " AND answered_by IS NOT NULL AND answered_on IS NOT NULL"
				     " FROM support_request WHERE id = 1"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT answer_note IS NULL AND answered_by IS NULL"
				     " FROM support_request WHERE id = 1"), 1);
	undo_log_free(&u);
}

/* The uid of request ID into OUT. */
static void uid_of(struct fixture *f, sqlite3_int64 id, char *out, size_t size)
{
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT uid FROM support_request WHERE id = ?1",
					    -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_int64(stmt, 1, id);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
}

/* What the form typed stays when a key answers; baht agreed checked in
 * words; the fund answers for the local administration; a conflict
 * says what the other answer was. */
static void test_answer_rules(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	const struct form_field *agreed = form_field_named(&fund_request_def, "amount_agreed");
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct fund_request r;
	struct fund_filter flt = { .office = "BNG-FUND" };
	struct fund_table t;
	char uid[64], said[256], want[128], *stored = NULL;

	free(f->cfg.office_level);
	f->cfg.office_level = strdup("fund");
	uid_of(f, 3, uid, sizeof uid);
	/* baht agreed: "๒,๔๐๐" read as 2400; "-500" and "1,5" refused in words */
	assert_int_equal(form_check(agreed, &ctx, "๒,๔๐๐", &stored, &err), 0);
	assert_string_equal(stored, "2400");
	free(stored);
	assert_int_equal(form_check(agreed, &ctx, "-500", &stored, &err), -1);
	assert_non_null(strstr(err.msg, "expected an amount in baht, 0 or more"));
	assert_int_equal(form_check(agreed, &ctx, "1,5", &stored, &err), -1);
	assert_null(strstr(err.msg, "constraint"));
	/* typed in the form, then y: what will be given, the note and the
	 * baht agreed stay (R3 asked 2,500) */
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "given", "คู่มือ ๕๐ เล่ม",
					   &u, &err), CHANGE_OK);
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "answer_note",
					   "รับที่ รพ.สต.", &u, &err), CHANGE_OK);
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "amount_agreed", "2400",
					   &u, &err), CHANGE_OK);
	assert_int_equal(answer(f, &u, "fund", 3, "requested", "fund",
				(struct fund_reply){ FUND_AGREE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT status = 'agreed' AND given = 'คู่มือ ๕๐ เล่ม'"
				     " AND answer_note = 'รับที่ รพ.สต.' AND amount_agreed = 2400"
				     " FROM support_request WHERE id = 3"), 1);
	/* another user's x on what they saw as awaiting: refused, and what
	 * was done said in words */
	assert_int_equal(answer(f, &u, "fund", 3, "requested", "fund",
				(struct fund_reply){ FUND_DECLINE, NULL, NULL, "งบหมด", NULL }, &err),
			 CHANGE_CONFLICT);
	assert_int_equal(fund_request_get(&f->st, uid, &r, &err), 0);
	fund_answer_said(&f->cfg, &r, said, sizeof said);
	snprintf(want, sizeof want, "%s agreed 2,400 baht on ", f->st.user);
	assert_non_null(strstr(said, want));
	fund_request_free(&r);
	/* R6 asked of the local administration: the fund answers, not the province */
	exec(f, "UPDATE support_request SET source = 'local' WHERE id = 6");
	assert_int_equal(answer(f, &u, "province", 6, "requested", "local",
				(struct fund_reply){ FUND_AGREE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_ERROR);
	assert_int_equal(answer(f, &u, "fund", 6, "requested", "local",
				(struct fund_reply){ FUND_AGREE, NULL, NULL, NULL, NULL }, &err),
			 CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT amount_agreed FROM support_request WHERE id = 6"), 300);
	/* filed under frame 1 (asked under none): the table counts it there,
	 * as the support report does */
	uid_of(f, 6, uid, sizeof uid);
	assert_int_equal(fixture_form_save(f, &fund_request_def, uid, NULL, "filed_frame", "1", &u,
					   &err), CHANGE_OK);
	load(f, &flt, &t);
	cell_is(&t, "1", LOCAL, 1, 300, 300);
	cell_is(&t, "", TOTAL, 0, 0, 0);          /* R6 was the only one of no frame */
	fund_table_free(&t);
	undo_log_free(&u);
}

/* One parser and one formatter of baht, worked by hand. */
static void test_baht(void **state)
{
	static const struct {
		const char *typed;
		double baht;   /* -1: refused */
	} cases[] = {
		{ "12500", 12500 }, { "12,500", 12500 }, { "๑๒,๕๐๐", 12500 }, { " 1,234,567 ", 1234567 },
		{ "1,250.50", 1250.5 }, { "0", 0 }, { "999", 999 },
		{ "1,5", -1 },          /* a comma not between thousands */
		{ "12,50", -1 }, { "1234,567", -1 }, { ",500", -1 }, { "12,", -1 }, { "1,,000", -1 },
		{ "1.5,000", -1 }, { "-500", -1 }, { "-0", -1 }, { "", -1 }, { "บาท", -1 },
	};
	char b[32];
	double v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = -2;
		if (cases[i].baht < 0) {
			if (text_parse_baht(cases[i].typed, &v) == 0)
				fail_msg("\"%s\" taken as %g", cases[i].typed, v);
		} else {
			if (text_parse_baht(cases[i].typed, &v) < 0 || v != cases[i].baht)
				fail_msg("\"%s\" read %g, not %g", cases[i].typed, v, cases[i].baht);
		}
	}
	text_format_baht(0, b, sizeof b);
	assert_string_equal(b, "0");
	text_format_baht(999, b, sizeof b);
	assert_string_equal(b, "999");
	text_format_baht(1000, b, sizeof b);
	assert_string_equal(b, "1,000");
	text_format_baht(1234567.5, b, sizeof b);
	assert_string_equal(b, "1,234,567.50");
	text_format_baht(123299, b, sizeof b);
	assert_string_equal(b, "123,299");
	text_format_baht(-1500, b, sizeof b);
	assert_string_equal(b, "-1,500");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baht),
		cmocka_unit_test_setup_teardown(test_table_of_the_fund, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_subtree_and_filters, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_answers_move_the_numbers, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_cell_pages, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_form, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_answer_rules, setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
