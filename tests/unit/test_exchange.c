/* test_exchange.c - bundles between three office databases: the province
 * สสจ.ขอนแก่น (KKN-PHO) and two units under อำเภอน้ำพอง (NPG-DHO), the
 * child centre ศพด.บัวเงิน (BNG-CDC) and the health-promoting hospital
 * รพ.สต.บ้านหินลาด (BNG-HPH).
 *
 * The province holds the four offices, two norm groups, two support
 * frames, CDC-NORM v1 (SM1, CP1) and v2 (SM1, SM2, CP1), and its plan
 * KKN-CDC-2568 (objectives P1, S1, F1; links F1>S1, S1>P1; an indicator
 * of P1; SLM cells actor and approach of P1).  Its first bundle to a
 * unit carries the unit's ancestors and the unit itself (3 offices),
 * both groups and frames, both sets (5 items) and the plan (3 objectives,
 * 2 links, 1 indicator, 2 cells): 3 + 2 + 2 + 2 + 5 + 1 + 3 + 2 + 1 + 2 =
 * 23 records, 22 new and the unit's own office given its parent.
 *
 * BNG-CDC then makes its own plan BNG-CDC-2569 (serving KKN-CDC-2568, one
 * objective P1 and one indicator with a result), a project BNG-CDC-69
 * serving P1 and S1 of the province's plan, the checklist A-BNG-69 of
 * CDC-NORM v2 (3 answers, 2 support requests), an AAR with 2 tags, 3
 * sections and 2 follow-up actions, and a proposal to change SM2: its
 * first bundle up carries 1 + 1 + 1 + 1 + 2 + 1 + 3 + 2 + 1 + 2 + 3 + 2
 * + 1 = 21 records, and nothing of the province's. */
#include <sys/stat.h>

#include "helpers.h"
#include "routemap/change.h"
#include "routemap/exchange.h"
#include "routemap/office.h"

struct world {
	struct fixture *p, *u, *h;   /* KKN-PHO, BNG-CDC, BNG-HPH */
	int n;                       /* bundles written so far */
};

static const char offices_csv[] =
	"code,name,short_name,level,parent\n"
	"KKN-PHO,สำนักงานสาธารณสุขจังหวัดขอนแก่น,สสจ.ขอนแก่น,province,\n"
	"NPG-DHO,สำนักงานสาธารณสุขอำเภอน้ำพอง,สสอ.น้ำพอง,district,KKN-PHO\n"
	"BNG-CDC,ศูนย์พัฒนาเด็กเล็กบ้านบัวเงิน,ศพด.บัวเงิน,unit,NPG-DHO\n"
	"BNG-HPH,โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหินลาด,รพ.สต.บ้านหินลาด,unit,NPG-DHO\n";

/* CSV texts of a kind, loaded in order. */
struct csv_text {
	const char *kind, *csv;
};

static void load_all(struct fixture *f, const struct csv_text *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fixture_load_csv(f, t[i].kind, t[i].csv);
}

/* The province's records (the header comment lists them). */
static const struct csv_text province_data[] = {
	{ "offices",
	  offices_csv },
	{ "groups",
	  "grouping,code,label\n"
	  "key_activity,social_measure,มาตรการทางสังคม\n"
	  "key_activity,community_project,โครงการชุมชน\n" },
	{ "support_frames",
	  "code,label\n"
	  "1,การประเมินผล ป้อนกลับ และเสนอนโยบาย\n"
	  "3,การสนับสนุนทรัพยากรและงบประมาณ\n" },
	{ "norm_sets",
	  "code,office,title,version,issued,source,groups\n"
	  "CDC-NORM,KKN-PHO,ค่ากลางศูนย์เด็กเล็กปลอดโรค,1,2024-10-20,เวทีจังหวัด,key_activity\n"
	  "CDC-NORM,KKN-PHO,ค่ากลางศูนย์เด็กเล็กปลอดโรค,2,2025-10-15,เวทีจังหวัด ปี ๒๕๖๘,key_activity\n" },
	{ "norm_items",
	  "set,version,group,code,text,evidence,weight\n"
	  "CDC-NORM,1,social_measure,SM1,ผู้ปกครองทำข้อตกลงไม่นำเด็กป่วยมาศูนย์,บันทึกข้อตกลง,1\n"
	  "CDC-NORM,1,community_project,CP1,มีโครงการล้างมือในชุมชน,,1\n"
	  "CDC-NORM,2,social_measure,SM1,ผู้ปกครองทำข้อตกลงไม่นำเด็กป่วยมาศูนย์,บันทึกข้อตกลง,1\n"
	  "CDC-NORM,2,social_measure,SM2,อบต. ออกประกาศคัดกรองเด็กป่วย,ประกาศ อบต.,1\n"
	  "CDC-NORM,2,community_project,CP1,มีโครงการล้างมือในชุมชน,,2\n" },
	{ "plans",
	  "code,office,title,destination,fy_from,fy_to,serves\n"
	  "KKN-CDC-2568,KKN-PHO,แผนที่ทางเดินยุทธศาสตร์ศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น,"
	  "ศูนย์เด็กเล็กทุกแห่งผ่านเกณฑ์,2568,2571,\n" },
	{ "objectives",
	  "plan,code,level,title\n"
	  "KKN-CDC-2568,P1,people,เด็กเล็กปลอดโรคติดต่อ\n"
	  "KKN-CDC-2568,S1,stakeholder,อบต. สนับสนุนศูนย์เด็กเล็ก\n"
	  "KKN-CDC-2568,F1,foundation,ครูพี่เลี้ยงมีความรู้\n" },
	{ "links",
	  "plan,from,to\nKKN-CDC-2568,F1,S1\nKKN-CDC-2568,S1,P1\n" },
	{ "indicators",
	  "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
	  "KKN-CDC-2568,P1,ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์,ร้อยละ,42,80,2569,57\n" },
	{ "slm_cells",
	  "plan,objective,column,text\n"
	  "KKN-CDC-2568,P1,actor,ครูพี่เลี้ยงและผู้ปกครอง\n"
	  "KKN-CDC-2568,P1,approach,คัดกรองเด็กทุกเช้า\n" },
};

/* BNG-CDC's own records, but its proposal (the header comment). */
static const struct csv_text unit_data[] = {
	{ "plans",
	  "code,office,title,destination,fy_from,fy_to,serves\n"
	  "BNG-CDC-2569,BNG-CDC,แผนศูนย์เด็กเล็กบ้านบัวเงินปลอดโรค,,2569,2570,KKN-CDC-2568\n" },
	{ "objectives",
	  "plan,code,level,title\n"
	  "BNG-CDC-2569,P1,people,เด็กในศูนย์ไม่ป่วยด้วยโรคมือ เท้า ปาก\n" },
	{ "indicators",
	  "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
	  "BNG-CDC-2569,P1,จำนวนเด็กป่วยโรคมือ เท้า ปาก,คน,9,0,2569,2\n" },
	{ "projects",
	  "code,office,plan,objectives,fiscal_year,title,stage,status,"
	  "budget,budget_source,start,end\n"
	  "BNG-CDC-69,BNG-CDC,KKN-CDC-2568,P1;S1,2569,โครงการศูนย์เด็กเล็กปลอดโรค ศพด.บัวเงิน,"
	  "development,active,10000,กองทุนหลักประกันสุขภาพ,2025-11-01,2026-08-31\n" },
	{ "assessments",
	  "code,set,version,office,project,assessed_on,assessor\n"
	  "A-BNG-69,CDC-NORM,2,BNG-CDC,BNG-CDC-69,2026-01-20,นางสาวพัชรินทร์ ศรีสุข\n" },
	{ "assessment_entries",
	  "assessment,item,status,note,support_needed,support_from,support_frame\n"
	  "A-BNG-69,SM1,met,ผู้ปกครอง ๓๘ จาก ๔๐ คนลงนามแล้ว,,,\n"
	  "A-BNG-69,SM2,not_met,ยังไม่ได้เสนอสภา อบต.,,,\n"
	  "A-BNG-69,CP1,partial,ล้างมือได้ครึ่งหนึ่งของหมู่บ้าน,,,\n" },
	{ "support_requests",
	  "assessment,item,uid,needed,source,frame,amount,status,"
	  "referred_to,given,amount_agreed,filed_frame,answer_note,answered_by,answered_on\n"
	  "A-BNG-69,SM2,BNG69-SM2-1,ร่างประกาศตัวอย่างและนำเสนอสภา,province,1,,requested,,,,,,,\n"
	  "A-BNG-69,CP1,BNG69-CP1-1,อสม. เพิ่มอีก ๒ คน,fund,3,24000,requested,,,,,,,\n" },
	{ "aars",
	  "code,template,date,title,subject_kind,subject,facilitator,"
	  "participants,tags\n"
	  "AAR-BNG-CDC-25690120,aar4,2026-01-20,ถอดบทเรียนการประเมินค่ากลาง,assessment,"
	  "A-BNG-69,นางสาวพัชรินทร์ ศรีสุข,ครูพี่เลี้ยง ๔ คน,ศูนย์เด็กเล็ก;ค่ากลาง\n" },
	{ "aar_sections",
	  "aar,section,text\n"
	  "AAR-BNG-CDC-25690120,expected,ผ่านค่ากลางทุกข้อ\n"
	  "AAR-BNG-CDC-25690120,happened,ผ่านสองข้อจากสามข้อ\n"
	  "AAR-BNG-CDC-25690120,next,เสนอประกาศต่อสภา อบต.\n" },
	{ "aar_actions",
	  "aar,action,owner,due,status\n"
	  "AAR-BNG-CDC-25690120,ร่างประกาศคัดกรองเด็กป่วย,ครูพี่เลี้ยง,2026-03-31,open\n"
	  "AAR-BNG-CDC-25690120,ประชุมผู้ปกครอง,หัวหน้าศูนย์,2026-02-28,open\n" },
};

/* F's INI as office CODE (NAME, SHORT, LEVEL, PARENT). */
static void set_office(struct fixture *f, const char *code, const char *name, const char *shrt,
		       const char *level, const char *parent)
{
	free(f->cfg.office_code);
	free(f->cfg.office_name);
	free(f->cfg.office_short_name);
	free(f->cfg.office_level);
	free(f->cfg.office_parent);
	f->cfg.office_code = strdup(code);
	f->cfg.office_name = strdup(name);
	f->cfg.office_short_name = strdup(shrt);
	f->cfg.office_level = strdup(level);
	f->cfg.office_parent = strdup(parent);
}

/* Run SQL on F's database or fail. */
static void sql(struct fixture *f, const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(f->st.db, text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", text, msg);
}

/* A new unit database: only its own office, as `routemap init` leaves it. */
static struct fixture *unit_new(const char *code, const char *name, const char *shrt)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	struct office_registration r;

	if (store_open(&f->st, f->path, NULL, 0, &err) != 0)
		fail_msg("open: %s", err.msg);
	set_office(f, code, name, shrt, "unit", "NPG-DHO");
	assert_int_equal(office_register(&f->st, &f->cfg, &r, &err), 0);
	assert_true(r.parent_missing);
	return f;
}

static int world_setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct rm_error err = { 0, "" };

	assert_non_null(w);
	w->p = fixture_new();
	if (store_open(&w->p->st, w->p->path, NULL, 0, &err) != 0)
		fail_msg("open: %s", err.msg);
	set_office(w->p, "KKN-PHO", "สำนักงานสาธารณสุขจังหวัดขอนแก่น", "สสจ.ขอนแก่น", "province",
		   "");
	load_all(w->p, province_data, sizeof province_data / sizeof province_data[0]);
	w->u = unit_new("BNG-CDC", "ศูนย์พัฒนาเด็กเล็กบ้านบัวเงิน", "ศพด.บัวเงิน");
	w->h = unit_new("BNG-HPH", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหินลาด", "รพ.สต.บ้านหินลาด");
	*state = w;
	return 0;
}

static int world_teardown(void **state)
{
	struct world *w = *state;
	void *f[3] = { w->p, w->u, w->h };
	int i, rc = 0;

	for (i = 0; i < 3; i++)
		if (fixture_teardown(&f[i]) != 0)
			rc = -1;
	free(w);
	return rc;
}

/* The counts of kind KIND in SUM. */
static const struct exchange_count *kc(const struct exchange_summary *s, const char *kind)
{
	size_t i;

	for (i = 0; i < s->nkinds; i++)
		if (strcmp(s->kinds[i].kind, kind) == 0)
			return &s->kinds[i];
	fail_msg("no kind %s", kind);
	return NULL;
}

/* A new bundle from FROM to office TO, its path into PATH (in the
 * province's directory); its summary into SUM (the caller frees it). */
static void bundle(struct world *w, struct fixture *from, const char *to, char *path,
		   struct exchange_summary *sum)
{
	struct rm_error err = { 0, "" };

	snprintf(path, 160, "%s/b%d.routemap", w->p->dir, ++w->n);
	if (exchange_create(&from->st, &from->cfg, to, path, sum, &err) != 0)
		fail_msg("bundle to %s: %s", to, err.msg);
}

/* Apply PATH at F, or fail; the summary into SUM (the caller frees it). */
static void apply(struct fixture *f, const char *path, struct exchange_summary *sum)
{
	struct rm_error err = { 0, "" };

	if (exchange_apply(&f->st, &f->cfg, path, sum, &err) != 0)
		fail_msg("apply %s at %s: %s", path, f->cfg.office_code, err.msg);
}

/* Bundle from FROM to TO and apply it there: the receiver's summary. */
static void send(struct world *w, struct fixture *from, struct fixture *to,
		 struct exchange_summary *got)
{
	struct exchange_summary made;
	char path[160];

	bundle(w, from, to->cfg.office_code, path, &made);
	exchange_summary_free(&made);
	apply(to, path, got);
}

static void send_quiet(struct world *w, struct fixture *from, struct fixture *to)
{
	struct exchange_summary s;

	send(w, from, to, &s);
	exchange_summary_free(&s);
}

/* What F's database holds, as one line: its change log, exchange log,
 * peers and conflicts (a refused bundle leaves it as it was). */
static char *state_of(struct fixture *f)
{
	sqlite3_stmt *s;
	char *r;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT (SELECT count(*) || '/' ||"
		" coalesce(max(id), 0) FROM change_log) || ' ' || (SELECT count(*) FROM sync_log)"
		" || ' ' || coalesce((SELECT group_concat(office || ':' || sent || ':' || acked || ':'"
		" || received, ',') FROM sync_peer), '') || ' ' || (SELECT count(*) FROM sync_conflict)"
		" || ' ' || (SELECT count(*) FROM sync_part)", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	r = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	assert_non_null(r);
	return r;
}

/* Applying PATH at F is refused with a message holding WORDS (and
 * MORE, unless NULL), and F's database is left as it was. */
static void refused(struct fixture *f, const char *path, const char *words, const char *more)
{
	struct exchange_summary s;
	struct rm_error err = { 0, "" };
	char *before = state_of(f), *after;

	assert_int_equal(exchange_apply(&f->st, &f->cfg, path, &s, &err), -1);
	exchange_summary_free(&s);
	if (!strstr(err.msg, words) || (more && !strstr(err.msg, more)))
		fail_msg("refused in other words: %s", err.msg);
	after = state_of(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* BNG-CDC's own records (the header comment lists them). */
static void unit_records(struct fixture *u)
{
	load_all(u, unit_data, sizeof unit_data / sizeof unit_data[0]);
	sql(u, "INSERT INTO norm_proposal(uid, set_id, kind, item_code, group_code, text, reason,"
	       " origin_kind, origin, proposed_by, proposed_on) SELECT 'BNG-PROP-1', id, 'change',"
	       " 'SM2', 'social_measure', 'อบต. หรือเทศบาลออกประกาศคัดกรองเด็กป่วย',"
	       " 'ศูนย์ในเขตเทศบาลไม่มี อบต.', 'aar', 'AAR-BNG-CDC-25690120/next',"
	       " 'พัชรินทร์', '2026-01-21' FROM norm_set WHERE code = 'CDC-NORM' AND version = 2");
}

/* The province's first bundle to a unit, then BNG-CDC's records up. */
static void first_round(struct world *w)
{
	send_quiet(w, w->p, w->u);
	unit_records(w->u);
	send_quiet(w, w->u, w->p);
}

/* Every kind down and up as exchange.h says, and not the other way. */
static void test_every_kind_down_and_up(void **state)
{
	struct world *w = *state;
	struct exchange_summary s;
	size_t i;

	send(w, w->p, w->u, &s);
	assert_int_equal(s.applied_from, 1);
	assert_int_equal(s.applied_to, 1);
	/* its ancestors new; itself: the parent its INI named filled in */
	assert_int_equal(kc(&s, "office")->inserted, 2);
	assert_int_equal(kc(&s, "office")->updated, 1);
	assert_int_equal(kc(&s, "frame")->inserted, 2);
	assert_int_equal(kc(&s, "group")->inserted, 2);
	assert_int_equal(kc(&s, "norm_set")->inserted, 2);
	assert_int_equal(kc(&s, "norm_item")->inserted, 5);
	assert_int_equal(kc(&s, "plan")->inserted, 1);
	assert_int_equal(kc(&s, "objective")->inserted, 3);
	assert_int_equal(kc(&s, "link")->inserted, 2);
	assert_int_equal(kc(&s, "indicator")->inserted, 1);
	assert_int_equal(kc(&s, "slm_cell")->inserted, 2);
	assert_int_equal(s.total.inserted, 22);
	assert_int_equal(s.total.conflicts, 0);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM office WHERE code = 'BNG-HPH'"), 0);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM office o JOIN office p"
				     " ON p.id = o.parent_id WHERE o.code = 'BNG-CDC'"
				     " AND p.code = 'NPG-DHO'"), 1);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM link l JOIN objective f"
				     " ON f.id = l.from_id JOIN objective t ON t.id = l.to_id"
				     " WHERE f.code = 'S1' AND t.code = 'P1'"), 1);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM slm_cell"
				     " WHERE text = 'คัดกรองเด็กทุกเช้า'"), 1);
	/* the same indicator, by its uid */
	{
		char q[200];
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(w->p->st.db, "SELECT uid FROM indicator", -1, &st,
						    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		snprintf(q, sizeof q, "SELECT count(*) FROM indicator WHERE uid = '%s' AND target = 80",
			 sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		assert_int_equal(fixture_int(w->u, q), 1);
	}

	unit_records(w->u);
	send(w, w->u, w->p, &s);
	assert_int_equal(kc(&s, "plan")->inserted, 1);
	assert_int_equal(kc(&s, "objective")->inserted, 1);
	assert_int_equal(kc(&s, "indicator")->inserted, 1);
	assert_int_equal(kc(&s, "project")->inserted, 1);
	assert_int_equal(kc(&s, "project_objective")->inserted, 2);
	assert_int_equal(kc(&s, "assessment")->inserted, 1);
	assert_int_equal(kc(&s, "entry")->inserted, 3);
	assert_int_equal(kc(&s, "support_request")->inserted, 2);
	assert_int_equal(kc(&s, "aar")->inserted, 1);
	assert_int_equal(kc(&s, "aar_tag")->inserted, 2);
	assert_int_equal(kc(&s, "aar_section")->inserted, 3);
	assert_int_equal(kc(&s, "aar_action")->inserted, 2);
	assert_int_equal(kc(&s, "proposal")->inserted, 1);
	/* nothing of the province's comes back: no set, no item, no office */
	for (i = 0; i < s.nkinds; i++)
		assert_int_equal(s.kinds[i].updated + s.kinds[i].deleted + s.kinds[i].same, 0);
	assert_int_equal(kc(&s, "norm_set")->inserted, 0);
	assert_int_equal(kc(&s, "norm_item")->inserted, 0);
	assert_int_equal(s.total.inserted, 21);
	exchange_summary_free(&s);
	/* at the province, each is the unit's */
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM plan p JOIN office o"
				     " ON o.id = p.office_id JOIN plan s ON s.id = p.serves_id"
				     " WHERE p.code = 'BNG-CDC-2569' AND o.code = 'BNG-CDC'"
				     " AND s.code = 'KKN-CDC-2568'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM indicator WHERE result = 2"
				     " AND name = 'จำนวนเด็กป่วยโรคมือ เท้า ปาก'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM project_objective x"
				     " JOIN project j ON j.id = x.project_id JOIN objective b"
				     " ON b.id = x.objective_id JOIN plan p ON p.id = b.plan_id"
				     " WHERE j.code = 'BNG-CDC-69' AND p.code = 'KKN-CDC-2568'"), 2);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM assessment a JOIN office o"
				     " ON o.id = a.office_id JOIN project j ON j.id = a.project_id"
				     " WHERE a.code = 'A-BNG-69' AND o.code = 'BNG-CDC'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM support_request r"
				     " JOIN support_frame f ON f.id = r.frame_id WHERE r.uid ="
				     " 'BNG69-CP1-1' AND r.amount = 24000 AND f.code = '3'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar a JOIN office o"
				     " ON o.id = a.office_id WHERE o.code = 'BNG-CDC'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_tag"), 2);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_section"
				     " WHERE text = 'ผ่านสองข้อจากสามข้อ'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM norm_proposal n JOIN office o"
				     " ON o.id = n.office_id WHERE n.uid = 'BNG-PROP-1'"
				     " AND o.code = 'BNG-CDC'"), 1);
	/* at the unit its own records stay its own (no office id) */
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM aar WHERE office_id IS NULL"), 1);

	/* the province decides the proposal: down to the unit */
	sql(w->p, "UPDATE norm_proposal SET status = 'accepted', decided_by = 'สสจ.',"
		  " decided_on = '2026-02-01' WHERE uid = 'BNG-PROP-1'");
	send(w, w->p, w->u, &s);
	assert_int_equal(kc(&s, "proposal")->updated, 1);
	assert_int_equal(s.total.updated, 1);
	assert_int_equal(s.total.inserted, 0);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM norm_proposal WHERE status ="
				     " 'accepted' AND decided_on = '2026-02-01' AND office_id IS NULL"), 1);

	/* the other unit gets the province's, nothing of BNG-CDC's subtree */
	send(w, w->p, w->h, &s);
	assert_int_equal(s.total.inserted, 22);
	assert_int_equal(kc(&s, "assessment")->inserted, 0);
	assert_int_equal(kc(&s, "aar")->inserted, 0);
	assert_int_equal(kc(&s, "proposal")->inserted, 0);
	assert_int_equal(kc(&s, "project")->inserted, 0);
	assert_int_equal(kc(&s, "plan")->inserted, 1);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->h, "SELECT count(*) FROM office WHERE code = 'BNG-CDC'"), 0);
	assert_int_equal(fixture_int(w->h, "SELECT count(*) FROM support_request"), 0);
	assert_int_equal(fixture_int(w->h, "SELECT count(*) FROM plan"), 1);
}

/* The same bundle twice, two out of order, a gap, and files that are
 * not a bundle for us: refused with the database as it was. */
static void test_twice_order_gap_and_bad_files(void **state)
{
	struct world *w = *state;
	struct exchange_summary s, m;
	char b2[160], b3[160], b4[160], b5[160], bad[200], *data;
	long long logged;
	size_t len;
	FILE *fp;

	first_round(w);
	send_quiet(w, w->p, w->u);   /* the province acknowledges part 1 */
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM sync_part"), 0);

	sql(w->u, "UPDATE aar_action SET status = 'done' WHERE action = 'ประชุมผู้ปกครอง'");
	bundle(w, w->u, "KKN-PHO", b2, &m);
	assert_int_equal(m.head.first_seq, 2);
	assert_int_equal(m.head.last_seq, 2);
	exchange_summary_free(&m);
	sql(w->u, "UPDATE aar_section SET text = 'ผ่านสองข้อ ขาดประกาศ อบต.' WHERE section = 'happened'");
	bundle(w, w->u, "KKN-PHO", b3, &m);
	assert_int_equal(m.head.first_seq, 2);  /* part 2 not acknowledged yet */
	assert_int_equal(m.head.last_seq, 3);
	exchange_summary_free(&m);

	/* the later first: both parts */
	apply(w->p, b3, &s);
	assert_int_equal(s.applied_from, 2);
	assert_int_equal(s.applied_to, 3);
	assert_int_equal(kc(&s, "aar_action")->updated, 1);
	assert_int_equal(kc(&s, "aar_section")->updated, 1);
	assert_int_equal(s.total.updated, 2);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_action WHERE status = 'done'"), 1);
	/* then the earlier, and the later again: nothing changes */
	logged = fixture_int(w->p, "SELECT count(*) FROM change_log");
	apply(w->p, b2, &s);
	assert_int_equal(s.skipped, 1);
	assert_int_equal(s.applied_from, 0);
	assert_int_equal(s.total.inserted + s.total.updated + s.total.deleted, 0);
	exchange_summary_free(&s);
	apply(w->p, b3, &s);
	assert_int_equal(s.skipped, 2);
	assert_int_equal(s.total.inserted + s.total.updated + s.total.deleted, 0);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM change_log"), logged);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_section"), 3);

	/* a gap: part 4 lost on the way, part 5 alone is refused */
	sql(w->u, "UPDATE aar SET participants = 'ครูพี่เลี้ยง ๔ คน ผู้ปกครอง ๒ คน'");
	bundle(w, w->u, "KKN-PHO", b4, &m);
	exchange_summary_free(&m);
	sql(w->u, "UPDATE aar SET facilitator = 'นางสาวพัชรินทร์ ศรีสุข (หัวหน้าศูนย์)';"
		  "DELETE FROM sync_part WHERE seq <= 4");
	bundle(w, w->u, "KKN-PHO", b5, &m);
	assert_int_equal(m.head.first_seq, 5);
	exchange_summary_free(&m);
	refused(w->p, b5, "part 4 from BNG-CDC is missing", "starts at part 5");
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar WHERE facilitator LIKE"
				     " '%หัวหน้าศูนย์%'"), 0);
	/* in order: both go in */
	apply(w->p, b4, &s);
	assert_int_equal(kc(&s, "aar")->updated, 1);
	exchange_summary_free(&s);
	apply(w->p, b5, &s);
	assert_int_equal(s.applied_from, 5);
	assert_int_equal(kc(&s, "aar")->updated, 1);
	exchange_summary_free(&s);

	/* a bundle for the province, at the other unit */
	refused(w->h, b5, "this bundle is for KKN-PHO; this office is BNG-HPH", NULL);

	/* the first half of a bundle */
	data = fixture_read_file(b3, &len);
	snprintf(bad, sizeof bad, "%s/half.routemap", w->p->dir);
	assert_non_null(fp = fopen(bad, "wb"));
	assert_int_equal(fwrite(data, 1, len / 2, fp), len / 2);
	fclose(fp);
	refused(w->p, bad, "half.routemap: the bundle is damaged or incomplete", NULL);
	/* one byte of a part's Thai text flipped */
	{
		const char *needle = "ผ่านสองข้อ ขาดประกาศ";
		char *hit = NULL;
		size_t i, nl = strlen(needle);

		for (i = 0; i + nl <= len && !hit; i++)
			if (memcmp(data + i, needle, nl) == 0)
				hit = data + i;
		assert_non_null(hit);
		hit[4] ^= 0x01;
	}
	snprintf(bad, sizeof bad, "%s/flipped.routemap", w->p->dir);
	assert_non_null(fp = fopen(bad, "wb"));
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
	free(data);
	refused(w->p, bad, "flipped.routemap: part 3 of the bundle is damaged", NULL);
	/* a CSV file, and an office's database */
	snprintf(bad, sizeof bad, "%s/plans.csv", w->p->dir);
	assert_non_null(fp = fopen(bad, "wb"));
	fputs("code,office,title\nKKN-CDC-2568,KKN-PHO,แผนที่ทางเดินยุทธศาสตร์\n", fp);
	fclose(fp);
	refused(w->p, bad, "plans.csv: not a routemap bundle", NULL);
	refused(w->p, w->u->path, "office.db: not a routemap bundle", NULL);
}

/* A follow-up action deleted at the unit is deleted at the province; a
 * record the province has from elsewhere is left alone. */
static void test_deletion_travels(void **state)
{
	struct world *w = *state;
	struct exchange_summary s;

	first_round(w);
	send_quiet(w, w->p, w->h);
	fixture_load_csv(w->h, "aars", "code,template,date,title,subject_kind,subject,facilitator,"
			 "participants,tags\n"
			 "AAR-BNG-HPH-25690205,aar4,2026-02-05,ถอดบทเรียนการคัดกรองเด็กป่วย,event,,"
			 "นายวีระ ทองดี,อสม. ๘ คน,\n");
	send_quiet(w, w->h, w->p);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar"), 2);

	/* the unit deletes an action, and the province's SLM cell it has */
	sql(w->u, "DELETE FROM aar_action WHERE action = 'ประชุมผู้ปกครอง';"
		  "DELETE FROM slm_cell WHERE column_key = 'approach'");
	send(w, w->u, w->p, &s);
	assert_int_equal(kc(&s, "aar_action")->deleted, 1);
	assert_int_equal(s.total.deleted, 1);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_action"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar_action WHERE action ="
				     " 'ร่างประกาศคัดกรองเด็กป่วย'"), 1);
	/* what the province only received from elsewhere, or owns, stays */
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM aar WHERE code ="
				     " 'AAR-BNG-HPH-25690205'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM slm_cell"), 2);
	/* and the action does not come back down */
	send(w, w->p, w->u, &s);
	assert_int_equal(kc(&s, "aar_action")->inserted, 0);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM aar_action"), 1);
}

/* Change request UID's FIELD from OLD to NEW at F, as a person would. */
static void edit(struct fixture *f, const char *uid, const char *field, const char *old,
		 const char *nw)
{
	struct rm_error err = { 0, "" };
	char q[160];

	snprintf(q, sizeof q, "SELECT id FROM support_request WHERE uid = '%s'", uid);
	if (change_field(&f->st, NULL, field, fixture_int(f, q), old, nw, NULL, &err) != CHANGE_OK)
		fail_msg("%s %s: %s", uid, field, err.msg);
}

/* A support request changed on both sides. */
static void test_request_changed_on_both_sides(void **state)
{
	struct world *w = *state;
	struct exchange_summary s;

	first_round(w);
	/* the same change on both sides: no conflict */
	edit(w->u, "BNG69-CP1-1", "support_request.amount", "24000", "20000");
	edit(w->p, "BNG69-CP1-1", "support_request.amount", "24000", "20000");
	send(w, w->u, w->p, &s);
	assert_int_equal(s.total.conflicts, 0);
	assert_int_equal(kc(&s, "support_request")->same, 1);
	assert_int_equal(s.total.updated, 0);
	exchange_summary_free(&s);
	/* different columns: both kept, both ways */
	edit(w->u, "BNG69-CP1-1", "support_request.needed", "อสม. เพิ่มอีก ๒ คน",
	     "อสม. เพิ่มอีก ๓ คน");
	edit(w->p, "BNG69-CP1-1", "support_request.answer_note", NULL,
	     "กองทุนฯ อนุมัติค่าตอบแทน ๒ คน");
	send(w, w->u, w->p, &s);
	assert_int_equal(s.total.conflicts, 0);
	assert_int_equal(kc(&s, "support_request")->updated, 1);
	exchange_summary_free(&s);
	send(w, w->p, w->u, &s);
	assert_int_equal(s.total.conflicts, 0);
	assert_int_equal(kc(&s, "support_request")->updated, 1);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM support_request WHERE needed ="
				     " 'อสม. เพิ่มอีก ๓ คน' AND answer_note = 'กองทุนฯ อนุมัติค่าตอบแทน ๒ คน'"
				     " AND amount = 20000"), 1);
	assert_int_equal(fixture_int(w->u, "SELECT count(*) FROM support_request WHERE needed ="
				     " 'อสม. เพิ่มอีก ๓ คน' AND answer_note = 'กองทุนฯ อนุมัติค่าตอบแทน ๒ คน'"
				     " AND amount = 20000"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM sync_conflict"), 0);
	/* the same column differently: ours kept, both rows recorded */
	edit(w->u, "BNG69-SM2-1", "support_request.needed", "ร่างประกาศตัวอย่างและนำเสนอสภา",
	     "ร่างประกาศ ๒ ฉบับ");
	edit(w->p, "BNG69-SM2-1", "support_request.needed", "ร่างประกาศตัวอย่างและนำเสนอสภา",
	     "ร่างประกาศและคำสั่งแต่งตั้ง");
	send(w, w->u, w->p, &s);
	assert_int_equal(s.total.conflicts, 1);
	assert_int_equal(kc(&s, "support_request")->conflicts, 1);
	assert_int_equal(s.total.updated, 0);
	exchange_summary_free(&s);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM support_request WHERE needed ="
				     " 'ร่างประกาศและคำสั่งแต่งตั้ง'"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM sync_conflict WHERE peer ="
				     " 'BNG-CDC' AND kind = 'support_request' AND status = 'open'"
				     " AND key = '[\"BNG69-SM2-1\"]'"
				     " AND local ->> '$.needed' = 'ร่างประกาศและคำสั่งแต่งตั้ง'"
				     " AND remote ->> '$.needed' = 'ร่างประกาศ ๒ ฉบับ'"
				     " AND local ->> '$.assessment' = 'A-BNG-69'"
				     " AND remote ->> '$.source' = 'province' AND remote_who IS NOT NULL"), 1);
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM sync_conflict"), 1);
}

/* One assessment code given by two offices: the bundle is refused. */
static void test_code_of_two_offices(void **state)
{
	struct world *w = *state;
	struct exchange_summary s;
	char path[160];

	first_round(w);
	send_quiet(w, w->p, w->h);
	fixture_load_csv(w->h, "assessments", "code,set,version,office,project,assessed_on,assessor\n"
			 "A-BNG-69,CDC-NORM,2,BNG-HPH,,2026-01-25,นายวีระ ทองดี\n");
	bundle(w, w->h, "KKN-PHO", path, &s);
	assert_int_equal(kc(&s, "assessment")->inserted, 1);
	exchange_summary_free(&s);
	refused(w->p, path, "assessment [\"A-BNG-69\"] belongs to BNG-CDC here,",
		"but the bundle gives it to BNG-HPH");
	assert_int_equal(fixture_int(w->p, "SELECT count(*) FROM assessment a JOIN office o"
				     " ON o.id = a.office_id WHERE o.code = 'BNG-CDC'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_kind_down_and_up, world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(test_twice_order_gap_and_bad_files, world_setup,
						world_teardown),
		cmocka_unit_test_setup_teardown(test_deletion_travels, world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(test_request_changed_on_both_sides, world_setup,
						world_teardown),
		cmocka_unit_test_setup_teardown(test_code_of_two_offices, world_setup, world_teardown),
	};

	return cmocka_run_group_tests_name("exchange", tests, NULL, NULL);
}
