/* test_lessons.c - the norms of successful areas and norm proposals.
 *
 * Success factors, on a set made here: TEST-NORM v1, four items of weight
 * 1 (T1 social_measure, T2 communication, T3 surveillance, T4 support),
 * six assessments (thresholds 20/40/60/80, partial 0.5):
 *
 *        T1       T2       T3       T4       coverage          rank
 *   U1   met      met      met      met      4/4     = 100 %   5
 *   U2   met      met      met      not_met  3/4     = 75 %    4
 *   U3   met      partial  not_met  met      2.5/4   = 62.5 %  4
 *   U4   not_met  met      partial  na       1.5/3   = 50 %    3
 *   U5   not_met  partial  met      not_met  1.5/4   = 37.5 %  2
 *   U6   partial  not_met  not_met  -        0.5/4   = 12.5 %  1
 *
 * Rank >= 4: successful U1-U3, the rest U4-U6.  Met rates (met + half of
 * partial over met/partial/not_met answers):
 *   T1: 3/3 = 100      vs 0.5/3 = 16.67  diff 83.33  candidate
 *   T4: 2/3 = 66.67    vs 0/1   = 0      diff 66.67  candidate
 *   T2: 2.5/3 = 83.33  vs 1.5/3 = 50     diff 33.33  candidate
 *   T3: 2/3 = 66.67    vs 1.5/3 = 50     diff 16.67  no
 * Rank 5: U1 alone; T4 100 vs 1/3 = 33.33 first (diff 66.67), T1 100 vs
 * 2.5/5 = 50 (diff 50), but one successful answer each: no candidate.
 * Picked U4 and U6: T2 50 vs 75 (-25), T1 25 vs 75 (-50), T3 25 vs 75
 * (-50, after T1 in the set's order), T4 last (no successful answer).
 *
 * Proposals, on the demo's CDC-NORM (v2 issued, 17 items, assessed). */
#include <math.h>

#include "helpers.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"

static const char sets_csv[] =
	"code,office,title,version,issued,source,groups\n"
	"TEST-NORM,KKN-PHO,ค่ากลางทดสอบ,1,2025-10-01,เวทีทดสอบ,key_activity\n";
static const char items_csv[] =
	"set,version,group,code,text,evidence,weight\n"
	"TEST-NORM,1,social_measure,T1,ข้อตกลงของผู้ปกครอง,บันทึก,1\n"
	"TEST-NORM,1,communication,T2,ป้ายความรู้เรื่องล้างมือ,ภาพถ่าย,1\n"
	"TEST-NORM,1,surveillance,T3,คัดกรองเด็กทุกเช้า,สมุดบันทึก,1\n"
	"TEST-NORM,1,support,T4,งบจากกองทุนฯ,โครงการ,1\n";
static const char assessments_csv[] =
	"code,set,version,office,project,assessed_on,assessor\n"
	"U1,TEST-NORM,1,BNG-CDC,,2026-01-10,ผู้ประเมิน\n"
	"U2,TEST-NORM,1,NKG-CDC,,2026-01-11,ผู้ประเมิน\n"
	"U3,TEST-NORM,1,DCH-CDC,,2026-01-12,ผู้ประเมิน\n"
	"U4,TEST-NORM,1,BNG-HPH,,2026-01-13,ผู้ประเมิน\n"
	"U5,TEST-NORM,1,BNG-CDC,,2026-01-14,ผู้ประเมิน\n"
	"U6,TEST-NORM,1,NKG-CDC,,2026-01-15,ผู้ประเมิน\n";
static const char entries_csv[] =
	"assessment,item,status,note,support_needed,support_from,support_frame\n"
	"U1,T1,met,,,,\nU1,T2,met,,,,\nU1,T3,met,,,,\nU1,T4,met,,,,\n"
	"U2,T1,met,,,,\nU2,T2,met,,,,\nU2,T3,met,,,,\nU2,T4,not_met,,,,\n"
	"U3,T1,met,,,,\nU3,T2,partial,,,,\nU3,T3,not_met,,,,\nU3,T4,met,,,,\n"
	"U4,T1,not_met,,,,\nU4,T2,met,,,,\nU4,T3,partial,,,,\nU4,T4,na,,,,\n"
	"U5,T1,not_met,,,,\nU5,T2,partial,,,,\nU5,T3,met,,,,\nU5,T4,not_met,,,,\n"
	"U6,T1,partial,,,,\nU6,T2,not_met,,,,\nU6,T3,not_met,,,,\n";

static int setup_success(void **state)
{
	struct fixture *f;

	fixture_setup_demo(state);
	f = *state;
	fixture_load_csv(f, "norm_sets", sets_csv);
	fixture_load_csv(f, "norm_items", items_csv);
	fixture_load_csv(f, "assessments", assessments_csv);
	fixture_load_csv(f, "assessment_entries", entries_csv);
	return 0;
}

/* The rows success_rows gives, kept. */
struct kept {
	char item[8][16];
	struct success_row r[8];
	int n;
};

static int keep(const struct success_row *row, void *arg)
{
	struct kept *k = arg;

	if (k->n >= 8)
		return 1;
	snprintf(k->item[k->n], sizeof k->item[k->n], "%s", row->item);
	k->r[k->n] = *row;
	k->r[k->n].item = k->item[k->n];
	k->r[k->n].group = k->r[k->n].text = NULL;
	k->n++;
	return 0;
}

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 0.01)

static void expect(const struct success_row *r, const char *item, int sn, double sr, int rn,
		   double rr, int candidate)
{
	assert_string_equal(r->item, item);
	assert_int_equal(r->succ_answers, sn);
	NEAR(r->succ_rate, sr);
	assert_int_equal(r->rest_answers, rn);
	NEAR(r->rest_rate, rr);
	assert_int_equal(r->has_diff, 1);
	NEAR(r->diff, sr - rr);
	assert_int_equal(r->candidate, candidate);
}

static void test_success_rank_four(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct success_pick pick = { 4, NULL, 0 };
	struct success_totals t;
	struct kept k = { .n = 0 };

	assert_int_equal(success_rows(&f->st, &f->cfg, "TEST-NORM", 1, &pick, keep, &k, &t, &err),
			 0);
	assert_int_equal(t.successful, 3);
	assert_int_equal(t.rest, 3);
	assert_int_equal(k.n, 4);
	expect(&k.r[0], "T1", 3, 100.0, 3, 100.0 / 6, 1);
	expect(&k.r[1], "T4", 3, 200.0 / 3, 1, 0.0, 1);
	expect(&k.r[2], "T2", 3, 250.0 / 3, 3, 50.0, 1);
	expect(&k.r[3], "T3", 3, 200.0 / 3, 3, 50.0, 0);
}

static void test_success_needs_two_successful_answers(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct success_pick pick = { 5, NULL, 0 };
	struct success_totals t;
	struct kept k = { .n = 0 };
	int i;

	assert_int_equal(success_rows(&f->st, &f->cfg, "TEST-NORM", 1, &pick, keep, &k, &t, &err),
			 0);
	assert_int_equal(t.successful, 1);
	assert_int_equal(t.rest, 5);
	expect(&k.r[0], "T4", 1, 100.0, 3, 100.0 / 3, 0);
	expect(&k.r[1], "T1", 1, 100.0, 5, 50.0, 0);
	for (i = 0; i < k.n; i++)
		assert_int_equal(k.r[i].candidate, 0);
}

static void test_success_picked_by_hand(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	const char *picked[] = { "U4", "U6" };
	struct success_pick pick = { 4, picked, 2 };
	struct success_totals t;
	struct kept k = { .n = 0 };

	assert_int_equal(success_rows(&f->st, &f->cfg, "TEST-NORM", 1, &pick, keep, &k, &t, &err),
			 0);
	assert_int_equal(t.successful, 2);
	assert_int_equal(t.rest, 4);
	expect(&k.r[0], "T2", 2, 50.0, 4, 75.0, 0);
	expect(&k.r[1], "T1", 2, 25.0, 4, 75.0, 0);
	expect(&k.r[2], "T3", 2, 25.0, 4, 75.0, 0);
	assert_string_equal(k.r[3].item, "T4");
	assert_int_equal(k.r[3].succ_answers, 0);
	assert_int_equal(k.r[3].has_diff, 0);
	/* a version that is not there */
	assert_int_equal(success_rows(&f->st, &f->cfg, "TEST-NORM", 9, &pick, keep, &k, &t, &err),
			 -1);
	assert_non_null(strstr(err.msg, "TEST-NORM"));
}

static void test_success_units_best_first(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct success_unit *u;
	size_t n;

	assert_int_equal(success_units(&f->st, &f->cfg, "TEST-NORM", 1, &u, &n, &err), 0);
	assert_int_equal(n, 6);
	assert_string_equal(u[0].code, "U1");
	NEAR(u[0].percent, 100.0);
	assert_int_equal(u[0].rank, 5);
	assert_string_equal(u[2].code, "U3");
	NEAR(u[2].percent, 62.5);
	assert_int_equal(u[2].rank, 4);
	assert_string_equal(u[3].code, "U4");
	assert_int_equal(u[3].rank, 3);
	assert_string_equal(u[5].code, "U6");
	NEAR(u[5].percent, 12.5);
	assert_int_equal(u[5].rank, 1);
	assert_string_equal(u[0].unit, "ศพด.บัวเงิน");
	success_units_free(u, n);
}

/* ---- proposals ---- */

/* A new proposal through the form's create: ORIGIN and PART as a view
 * opens it, then SET, KIND, ITEM, GROUP, TEXT, WEIGHT over its defaults.
 * Returns its id. */
static sqlite3_int64 propose(struct fixture *f, struct undo_log *u, const char *origin,
			     const char *part, const char *set, const char *kind, const char *item,
			     const char *group, const char *text, const char *weight)
{
	const struct form_def *d = &proposal_form_def;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg, .code = origin, .part = part };
	char *v[32] = { 0 }, *code = NULL, *newpart = NULL;
	const char *name[] = { "set", "kind", "item", "group", "text", "weight" };
	const char *val[] = { set, kind, item, group, text, weight };
	struct rm_error err = { 0, "" };
	sqlite3_int64 id;
	size_t i;

	assert_true(d->nfields < 32);
	assert_int_equal(d->defaults(&ctx, origin, part, v, &err), 0);
	for (i = 0; i < 6; i++) {
		size_t k = (size_t)(form_field_named(d, name[i]) - d->fields);

		if (!val[i])
			continue;
		free(v[k]);
		v[k] = strdup(val[i]);
	}
	if (d->create(&ctx, u, origin, part, v, &code, &newpart, &err) != CHANGE_OK)
		fail_msg("propose: %s", err.msg);
	id = atoll(code);
	free(code);
	free(newpart);
	for (i = 0; i < d->nfields; i++)
		free(v[i]);
	return id;
}

static void decide(struct fixture *f, sqlite3_int64 id, int accept)
{
	struct rm_error err = { 0, "" };

	assert_int_equal(proposal_decide(&f->st, NULL, id, NULL, accept, "ผู้ตัดสิน", NULL, &err),
			 CHANGE_OK);
}

/* The items of CDC-NORM version V as shown, " "-joined. */
static char *items_of(struct fixture *f, int v)
{
	char sql[512];
	sqlite3_stmt *stmt;
	char *out;

	snprintf(sql, sizeof sql, "SELECT group_concat(code, ' ') FROM (SELECT i.code FROM norm_item i"
		 " JOIN norm_set s ON s.id = i.set_id WHERE s.code = 'CDC-NORM' AND s.version = %d"
		 " ORDER BY i.group_id, coalesce(i.position, i.id), i.id)", v);
	assert_int_equal(sqlite3_prepare_v2(f->st.db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return out;
}

static void test_accepted_proposals_make_the_next_version(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 add, chg, rem, rej, open;
	int from = 0, made = 0;
	char *v3;

	add = propose(f, NULL, "aar", "AAR-ODPC6-2553/success_factors", "CDC-NORM@2", NULL, NULL,
		      "social_measure", "ผู้ปกครองร่วมคัดกรองเด็กทุกเช้า", NULL);
	chg = propose(f, NULL, "success", "CDC-NORM@2 CM1", NULL, NULL, NULL, NULL,
		      "ป้ายความรู้เรื่องมือ เท้า ปาก ทุกห้อง", "2");
	rem = propose(f, NULL, "person", "CDC-NORM@2", NULL, "remove", "SU1", NULL, "ไม่ต้องใช้แล้ว",
		      NULL);
	rej = propose(f, NULL, "person", "CDC-NORM@2", NULL, "add", NULL, "support", "ข้อที่ไม่รับ",
		      NULL);
	open = propose(f, NULL, "person", "CDC-NORM@2", NULL, "remove", "SM1", NULL, "ยังไม่ตัดสิน",
		       NULL);
	decide(f, add, 1);
	decide(f, chg, 1);
	decide(f, rem, 1);
	decide(f, rej, 0);
	assert_int_equal(proposals_apply(&f->st, &u, "CDC-NORM", &from, &made, &err), CHANGE_OK);
	assert_int_equal(from, 2);
	assert_int_equal(made, 3);
	assert_int_equal(u.n, 1);   /* one step */
	/* worked out by hand: SM4 last of social_measure, SU1 gone */
	v3 = items_of(f, 3);
	assert_string_equal(v3, "SM1 SM2 SM3 SM4 CP1 CP2 CP3 CM1 CM2 CM3 SV1 SV2 SV3 LE1 LE2 CO1 CO2");
	free(v3);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item i JOIN norm_set s ON s.id ="
				     " i.set_id WHERE s.version = 3 AND s.code = 'CDC-NORM' AND"
				     " i.code = 'SM4' AND i.text = 'ผู้ปกครองร่วมคัดกรองเด็กทุกเช้า'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item i JOIN norm_set s ON s.id ="
				     " i.set_id WHERE s.version = 3 AND s.code = 'CDC-NORM' AND"
				     " i.code = 'CM1' AND i.weight = 2 AND i.text LIKE 'ป้ายความรู้%'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_proposal p JOIN norm_set s ON"
				     " s.id = p.applied_set_id WHERE p.status = 'applied'"
				     " AND s.version = 3"), 3);
	assert_int_equal(fixture_int(f, "SELECT origin_kind = 'aar' AND origin ="
				     " 'AAR-ODPC6-2553/success_factors' FROM norm_proposal"
				     " WHERE kind = 'add' AND group_code = 'social_measure'"), 1);
	(void)open;
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_proposal WHERE status ="
				     " 'proposed'"), 1);
	/* an applied proposal stays */
	assert_int_equal(proposal_delete(&f->st, NULL, add, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "3"));
	/* u takes the whole version back, the proposals accepted again */
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_set WHERE code = 'CDC-NORM'"), 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_proposal WHERE status ="
				     " 'accepted' AND applied_set_id IS NULL"), 3);
	undo_log_free(&u);
}

static void test_apply_refuses_in_words(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 a, b;
	int from, made;

	/* nothing accepted */
	assert_int_equal(proposals_apply(&f->st, &u, "CDC-NORM", &from, &made, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "no accepted proposal on CDC-NORM"));
	/* two on one item: both named */
	a = propose(f, NULL, "success", "CDC-NORM@2 CM1", NULL, NULL, NULL, NULL, "ข้อความหนึ่ง", NULL);
	b = propose(f, NULL, "person", "CDC-NORM@1", NULL, "remove", "CM1", NULL, "ข้อความสอง", NULL);
	decide(f, a, 1);
	decide(f, b, 1);
	assert_int_equal(proposals_apply(&f->st, &u, "CDC-NORM", &from, &made, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "CM1"));
	{
		char ids[64];

		snprintf(ids, sizeof ids, "#%lld", (long long)a);
		assert_non_null(strstr(err.msg, ids));
		snprintf(ids, sizeof ids, "#%lld", (long long)b);
		assert_non_null(strstr(err.msg, ids));
	}
	/* an item the newest version no longer has */
	decide(f, b, 0);
	assert_int_equal(store_exec(&f->st, "UPDATE norm_proposal SET item_code = 'XX9'"
				    " WHERE status = 'accepted'", &err), 0);
	assert_int_equal(proposals_apply(&f->st, &u, "CDC-NORM", &from, &made, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "changes item XX9, which CDC-NORM version 2 does not"));
	/* a newer draft */
	assert_int_equal(store_exec(&f->st, "UPDATE norm_proposal SET item_code = 'CM1'", &err), 0);
	assert_int_equal(norm_new_version(&f->st, NULL, "CDC-NORM", 2, &made, &err), CHANGE_OK);
	assert_int_equal(proposals_apply(&f->st, &u, "CDC-NORM", &from, &made, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "version 3 is a draft"));
	/* nothing written by any of them */
	assert_int_equal(u.n, 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_set WHERE code = 'CDC-NORM'"), 3);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_proposal WHERE status ="
				     " 'applied'"), 0);
}

static void test_proposal_form_from_aar_and_decisions(void **state)
{
	struct fixture *f = *state;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	char *v[32] = { 0 };
	sqlite3_int64 id;
	size_t i, text = (size_t)(form_field_named(&proposal_form_def, "text") -
				  proposal_form_def.fields);

	/* an AAR's follow-up action: its text, an addition */
	assert_int_equal(proposal_form_def.defaults(&ctx, "aar_action", "2", v, &err), 0);
	assert_string_equal(v[text], "จัดเวทีสรุปบทเรียนร่วมกับ อปท. ในพื้นที่นำร่อง");
	for (i = 0; i < 32; i++)
		free(v[i]);
	/* an addition needs its group; a change an item of its version */
	memset(v, 0, sizeof v);
	id = propose(f, &u, "aar_action", "2", "CDC-NORM@2", NULL, NULL, "learning", NULL, NULL);
	assert_int_equal(u.n, 1);
	/* the action's uid, as the demo's aar_actions.csv gives it */
	assert_int_equal(fixture_int(f, "SELECT origin_kind = 'aar_action'"
				     " AND origin = 'ACT-AAR-ODPC6-2553-2' FROM norm_proposal"), 1);
	/* accept, reject with a note, undo */
	assert_int_equal(proposal_decide(&f->st, &u, id, "proposed", 0, "ผู้ตัดสิน", "ซ้ำกับ LE1", &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT status = 'rejected' AND decision_note = 'ซ้ำกับ LE1'"
				     " AND decided_on IS NOT NULL FROM norm_proposal"), 1);
	assert_int_equal(proposal_decide(&f->st, &u, id, "rejected", 0, "ผู้ตัดสิน", NULL, &err), CHANGE_NONE);
	/* another user accepting what they saw as proposed: refused, says who */
	assert_int_equal(proposal_decide(&f->st, &u, id, "proposed", 1, "คนที่สอง", NULL, &err),
			 CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "ผู้ตัดสิน"));
	assert_int_equal(fixture_int(f, "SELECT status = 'rejected' FROM norm_proposal"), 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT status = 'proposed' FROM norm_proposal"), 1);
	assert_int_equal(proposal_delete(&f->st, &u, id, &err), CHANGE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_proposal"), 0);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_success_rank_four, setup_success, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_success_needs_two_successful_answers,
						setup_success, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_success_picked_by_hand, setup_success,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_success_units_best_first, setup_success,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_accepted_proposals_make_the_next_version,
						fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_apply_refuses_in_words, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_proposal_form_from_aar_and_decisions,
						fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("lessons", tests, NULL, NULL);
}
