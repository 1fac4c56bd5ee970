/* test_form.c - the field table's checks: each type of field valid and
 * refused in the words the CSV import uses, required fields, a field's own
 * check, how stored values read; the checklist item's form over the demo
 * data: its load, its save, a conflict, an item that is not there; the
 * AAR's fields, and the AAR as a form: its header, its sections and
 * follow-up actions as groups of rows (loaded, saved row by row, added,
 * deleted, a conflict on a row's field), what it reviews chosen in two
 * steps. */
#include "helpers.h"

#include <locale.h>

#include "routemap/aar.h"
#include "routemap/form.h"
#include "routemap/text.h"

static int sources(const struct form_field *f, const struct form_ctx *ctx,
		   struct form_choices *out, struct rm_error *err)
{
	(void)f;
	(void)ctx;
	(void)err;
	if (form_choices_add(out, "", "none", "—") < 0 ||
	    form_choices_add(out, "fund", "กองทุนฯ ตำบล", NULL) < 0 ||
	    form_choices_add(out, "province", "จังหวัด", NULL) < 0 ||
	    form_choices_add(out, "region", "เขต", NULL) < 0)
		return -1;
	return 0;
}

/* A title of at most 10 characters. */
static int short_title(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		       struct rm_error *err)
{
	(void)f;
	(void)ctx;
	if (text_width(value) > 10)
		return rm_fail(err, RM_EXIT_RUNTIME, "a title of 10 columns at most");
	return 0;
}

static const struct form_field fields[] = {
	{ "title", "title", FIELD_LINE, 1, "aar.title", short_title, NULL, 200 },
	{ "note", "note", FIELD_TEXT, 0, "assessment_entry.note", NULL, NULL, 4000 },
	{ "weight", "weight", FIELD_NUMBER, 0, "x.weight", NULL, NULL, 0 },
	{ "date", "date", FIELD_DATE, 1, "aar.date", NULL, NULL, 0 },
	{ "due", "due", FIELD_DATE, 0, "aar_action.due", NULL, NULL, 0 },
	{ "from", "support from", FIELD_CHOICE, 0, "support_request.source", NULL, sources, 0 },
	{ "plan", "plan", FIELD_REFERENCE, 1, "x.plan", NULL, sources, 0 },
	{ "via", "support via", FIELD_CHOICES, 0, "x.via", NULL, sources, 0 },
	{ "code", "code", FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
};

static const struct form_def def = {
	.title = "test",
	.fields = fields,
	.nfields = sizeof fields / sizeof fields[0],
	.missing_note = "gone",
	.missing_save = "gone",
};

static struct config cfg;
static const struct form_ctx ctx = { .cfg = &cfg };

/* Check TYPED for field NAME: it stands, stored as WANT (NULL: none). */
static void accepts(const char *name, const char *typed, const char *want)
{
	struct rm_error err = { 0, "" };
	char *stored = (char *)1;
	const struct form_field *f = form_field_named(&def, name);

	assert_non_null(f);
	if (form_check(f, &ctx, typed, &stored, &err) != 0)
		fail_msg("%s \"%s\" refused: %s", name, typed, err.msg);
	if (!want)
		assert_null(stored);
	else
		assert_string_equal(stored, want);
	free(stored);
}

/* Check TYPED for field NAME: refused in the words WANT. */
static void refuses(const char *name, const char *typed, const char *want)
{
	struct rm_error err = { 0, "" };
	char *stored = (char *)1;
	const struct form_field *f = form_field_named(&def, name);

	assert_non_null(f);
	assert_int_equal(form_check(f, &ctx, typed, &stored, &err), -1);
	assert_null(stored);
	assert_string_equal(err.msg, want);
}

static void test_line(void **state)
{
	(void)state;
	accepts("title", "ทบทวนงาน", "ทบทวนงาน");
	refuses("title", "", "a value is required here");
	refuses("title", "   ", "a value is required here");
	refuses("title", "การประชุมคณะกรรมการยาว", "a title of 10 columns at most");
}

static void test_text(void **state)
{
	(void)state;
	accepts("note", "ผู้ใหญ่บ้านช่วยผลักดัน\nบรรทัดสอง", "ผู้ใหญ่บ้านช่วยผลักดัน\nบรรทัดสอง");
	accepts("note", "", NULL);
	accepts("note", "  ", "  ");        /* free text keeps its blanks */
	accepts("note", NULL, NULL);
}

static void test_number(void **state)
{
	(void)state;
	accepts("weight", "73.5", "73.5");
	accepts("weight", "๗๓.๕", "73.5");
	accepts("weight", " 42 ", "42");
	accepts("weight", "", NULL);
	refuses("weight", "สิบ", "\"สิบ\": expected a number such as 73.5 (Thai digits allowed)");
	refuses("weight", "1.2.3", "\"1.2.3\": expected a number such as 73.5 (Thai digits allowed)");
	refuses("weight", "9007199254740993",
		"\"9007199254740993\": more digits than can be kept exactly (about 15 significant "
		"digits); round it");
}

static void test_date(void **state)
{
	char want[512];

	(void)state;
	accepts("date", "20/1/2569", "2026-01-20");
	accepts("date", "๒๐/๑/๒๕๖๙", "2026-01-20");
	accepts("date", "20 ม.ค. 2569", "2026-01-20");
	accepts("date", "2026-01-20", "2026-01-20");
	snprintf(want, sizeof want, "\"31/2/2569\" is not a date: %s", text_date_forms());
	refuses("date", "31/2/2569", want);
	refuses("date", "", "a value is required here");
	accepts("due", "", NULL);
	accepts("due", " ", NULL);
	/* an invisible character shows in the message */
	snprintf(want, sizeof want, "\"1/1/2569<U+200B>\" is not a date: %s", text_date_forms());
	refuses("due", "1/1/2569\u200b", want);
}

static void test_choice(void **state)
{
	(void)state;
	accepts("from", "province", "province");
	accepts("from", "", NULL);
	refuses("from", "จังหวัด", "\"จังหวัด\" is not allowed; expected fund, province or region");
	accepts("plan", "fund", "fund");
	refuses("plan", "", "a value is required here");
	refuses("plan", "x", "\"x\" is not allowed; expected fund, province or region");
}

/* Codes of a list, any number: each checked, blanks made single, each
 * once; shown by their labels; put in and taken out one at a time. */
static void test_choices(void **state)
{
	char out[128], *list = NULL;

	(void)state;
	accepts("via", "fund region", "fund region");
	accepts("via", "  region   fund region ", "region fund");
	accepts("via", "", NULL);
	accepts("via", "   ", NULL);
	refuses("via", "fund x", "\"x\" is not allowed; expected fund, province or region");
	refuses("via", "กองทุนฯ", "\"กองทุนฯ\" is not allowed; expected fund, province or region");
	form_shown(form_field_named(&def, "via"), &ctx, "fund region", out, sizeof out);
	assert_string_equal(out, "กองทุนฯ ตำบล, เขต");
	form_shown(form_field_named(&def, "via"), &ctx, "province gone", out, sizeof out);
	assert_string_equal(out, "จังหวัด, gone");
	form_shown(form_field_named(&def, "via"), &ctx, NULL, out, sizeof out);
	assert_string_equal(out, "—");
	form_shown(form_field_named(&def, "via"), &ctx, " ", out, sizeof out);
	assert_string_equal(out, "—");
	assert_true(form_list_has("P1 S1", "S1"));
	assert_false(form_list_has("P10 S1", "P1"));
	assert_false(form_list_has(NULL, "P1"));
	assert_int_equal(form_list_toggle(NULL, "P1", &list), 0);
	assert_string_equal(list, "P1");
	free(list);
	assert_int_equal(form_list_toggle("P1 S1", "P1", &list), 0);
	assert_string_equal(list, "S1");
	free(list);
	assert_int_equal(form_list_toggle("S1", "P1", &list), 0);
	assert_string_equal(list, "S1 P1");
	free(list);
	assert_int_equal(form_list_toggle("P1", "P1", &list), 0);
	assert_null(list);               /* the only one taken out: none */
}

static void test_readonly(void **state)
{
	(void)state;
	refuses("code", "A-1", "this field cannot be changed here");
	assert_null(form_field_named(&def, "nothing"));
}

static void test_shown(void **state)
{
	char out[128];

	(void)state;
	form_shown(form_field_named(&def, "from"), &ctx, "province", out, sizeof out);
	assert_string_equal(out, "จังหวัด");
	form_shown(form_field_named(&def, "from"), &ctx, NULL, out, sizeof out);
	assert_string_equal(out, "—");
	form_shown(form_field_named(&def, "from"), &ctx, "gone", out, sizeof out);
	assert_string_equal(out, "gone");   /* a code no longer listed: itself */
	cfg.calendar = CFG_CAL_BUDDHIST;
	form_shown(form_field_named(&def, "date"), &ctx, "2026-01-20", out, sizeof out);
	assert_string_equal(out, "20 ม.ค. 2569");
	form_shown(form_field_named(&def, "note"), &ctx, "", out, sizeof out);
	assert_string_equal(out, "—");
}

/* The checklist item's form loads what the demo holds for A-BNG-69/SM2. */
static void test_item_load(void **state)
{
	struct fixture *fx = *state;
	struct form_ctx c = { .st = &fx->st, .cfg = &fx->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };

	assert_int_equal(itemform_def.load(&c, "A-BNG-69", "SM2", &rec, &err), 0);
	assert_int_equal(rec.nvalues, itemform_def.nfields);
	assert_string_equal(rec.values[0], "not_met");
	assert_string_equal(rec.values[1], "ยังไม่ได้เสนอสภา อบต.");
	/* its one support request, a row of what is needed, from whom, the
	 * frame, the baht asked and the answer */
	assert_int_equal(rec.ngroups, 1);
	assert_int_equal(rec.groups[0].n, 1);
	assert_string_equal(rec.groups[0].v[0].values[0], "ร่างประกาศตัวอย่างและนำเสนอสภา");
	assert_string_equal(rec.groups[0].v[0].values[1], "province");
	assert_string_equal(rec.groups[0].v[0].values[2], "1");
	assert_null(rec.groups[0].v[0].values[3]);
	assert_string_equal(rec.groups[0].v[0].values[4], "awaiting an answer");
	assert_string_equal(rec.lines[0].text, "SM2  อบต. ออกประกาศแนวปฏิบัติการคัดกรองเด็กป่วยก่อนเข้าศูนย์");
	assert_string_equal(rec.history_table, "assessment_entry");
	assert_true(rec.history_row > 0);
	form_record_free(&itemform_def, &rec);
	assert_int_equal(itemform_def.load(&c, "A-BNG-69", "ZZ9", &rec, &err), FORM_MISSING);
	assert_string_equal(err.msg, "no item \"ZZ9\" in this checklist");
	assert_int_equal(itemform_def.load(&c, "A-NONE", "SM2", &rec, &err), FORM_MISSING);
}

/* Saving a field: once over what was seen, then refused over a change
 * made meanwhile, theirs handed back; a status refused by its list. */
static void test_item_save(void **state)
{
	struct fixture *fx = *state;
	struct form_ctx c = { .st = &fx->st, .cfg = &fx->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };
	struct undo_log u = { NULL, 0 };
	const struct form_field *status = form_field_named(&itemform_def, "status");
	char *current = NULL, *stored = NULL;

	assert_int_equal(itemform_def.load(&c, "A-BNG-69", "SM2", &rec, &err), 0);
	assert_int_equal(itemform_def.save(&c, &u, &rec, 1, rec.values[1], "ฉบับใหม่", &current,
					   &err), CHANGE_OK);
	assert_null(current);
	assert_int_equal(u.n, 1);
	/* REC still holds the old note: the database no longer does */
	assert_int_equal(itemform_def.save(&c, &u, &rec, 1, rec.values[1], "อีกฉบับ", &current,
					   &err), CHANGE_CONFLICT);
	assert_string_equal(current, "ฉบับใหม่");
	free(current);
	assert_int_equal(form_check(status, &c, "partial", &stored, &err), 0);
	assert_string_equal(stored, "partial");
	free(stored);
	assert_int_equal(form_check(status, &c, "maybe", &stored, &err), -1);
	assert_string_equal(err.msg, "\"maybe\" is not allowed; expected met, partial, not_met or na");
	undo_log_free(&u);
	form_record_free(&itemform_def, &rec);
}

/* What the AAR screen checks typed text with: its fields' descriptions. */
static void test_aar_fields(void **state)
{
	struct rm_error err = { 0, "" };
	char *stored = NULL, want[512];

	(void)state;
	assert_null(aar_field(NULL));
	assert_null(aar_field("aar_section.text"));
	assert_int_equal(form_check(aar_field("aar.title"), &ctx, " ", &stored, &err), -1);
	assert_string_equal(err.msg, "a value is required here");
	assert_int_equal(form_check(aar_field("aar.date"), &ctx, "๑๕ ม.ค. ๖๙", &stored, &err), 0);
	assert_string_equal(stored, "2026-01-15");
	free(stored);
	assert_int_equal(form_check(aar_field("aar_action.due"), &ctx, "", &stored, &err), 0);
	assert_null(stored);
	snprintf(want, sizeof want, "\"15/1/2399\" is not a date: %s", text_date_forms());
	assert_int_equal(form_check(aar_field("aar_action.due"), &ctx, "15/1/2399", &stored, &err), -1);
	assert_string_equal(err.msg, want);
	assert_int_equal(form_check(aar_field("aar_action.status"), &ctx, "closed", &stored, &err), -1);
	assert_string_equal(err.msg, "\"closed\" is not allowed; expected open, done or dropped");
	assert_int_equal(form_check(aar_field("aar_action.action"), &ctx, "", &stored, &err), -1);
	assert_string_equal(err.msg, "a value is required here");
}

/* The AAR header as a form: loaded, saved field by field, the subject and
 * the tags through their own functions. */
static void test_aar_head(void **state)
{
	struct fixture *fx = *state;
	struct form_ctx c = { .st = &fx->st, .cfg = &fx->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };
	struct undo_log u = { NULL, 0 };

	assert_int_equal(aarform_def.load(&c, "AAR-PMQA-2553", NULL, &rec, &err), 0);
	assert_string_equal(rec.values[1], "2010-10-20");
	assert_string_equal(rec.values[2], "event");
	assert_string_equal(rec.values[5], "PMQA; แผนพัฒนาองค์การ");
	assert_string_equal(rec.history_table, "aar");
	assert_int_equal(aarform_def.save(&c, &u, &rec, 0, rec.values[0], "ชื่อใหม่", NULL, &err),
			 CHANGE_OK);
	assert_int_equal(aarform_def.save(&c, &u, &rec, 5, rec.values[5], "PMQA; ใหม่", NULL, &err),
			 CHANGE_OK);
	assert_int_equal(aarform_def.save(&c, &u, &rec, 2, "event", "project NKG-CDC-53", NULL,
					  &err), CHANGE_OK);
	form_record_free(&aarform_def, &rec);
	assert_int_equal(aarform_def.load(&c, "AAR-PMQA-2553", NULL, &rec, &err), 0);
	assert_string_equal(rec.values[0], "ชื่อใหม่");
	assert_string_equal(rec.values[2], "project NKG-CDC-53");
	assert_string_equal(rec.values[5], "PMQA; ใหม่");
	/* what someone else changed meanwhile is not overwritten */
	assert_int_equal(aarform_def.save(&c, &u, &rec, 2, "event", "plan KKN-CDC-2568", NULL, &err),
			 CHANGE_CONFLICT);
	assert_int_equal(u.n, 3);
	undo_log_free(&u);
	form_record_free(&aarform_def, &rec);
}

/* Kinds, then the records under them, and a value of its own: a list in
 * two steps. */
static int refs(const struct form_field *f, const struct form_ctx *c, struct form_choices *out,
		struct rm_error *err)
{
	(void)f;
	(void)c;
	(void)err;
	if (form_choices_add_kind(out, "plan", "แผน") < 0 ||
	    form_choices_add_under(out, "plan", "plan KKN-CDC-2568", "KKN-CDC-2568  แผนจังหวัด",
				   "แผน KKN-CDC-2568  แผนจังหวัด") < 0 ||
	    form_choices_add_kind(out, "project", "โครงการ") < 0 ||
	    form_choices_add(out, "event", "เหตุการณ์", NULL) < 0)
		return -1;
	return 0;
}

/* A reference in two steps: a record or the value of its own stands, a
 * kind alone does not, nor a record that is not listed. */
static void test_two_steps(void **state)
{
	static const struct form_field ref = { "subject", "reviews", FIELD_REFERENCE, 0, "aar.subject",
					       NULL, refs, 0 };
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	char *stored = NULL, out[128];

	(void)state;
	assert_int_equal(refs(&ref, &ctx, &c, &err), 0);
	assert_true(form_choices_two_step(&c));
	assert_int_equal(c.n, 4);
	assert_true(c.v[0].holds);
	assert_null(c.v[0].under);
	assert_string_equal(c.v[1].under, "plan");
	assert_false(c.v[3].holds);
	form_choices_free(&c);
	assert_int_equal(c.n, 0);
	assert_int_equal(form_check(&ref, &ctx, "plan KKN-CDC-2568", &stored, &err), 0);
	assert_string_equal(stored, "plan KKN-CDC-2568");
	free(stored);
	assert_int_equal(form_check(&ref, &ctx, "event", &stored, &err), 0);
	free(stored);
	assert_int_equal(form_check(&ref, &ctx, "plan", &stored, &err), -1);
	assert_string_equal(err.msg, "\"plan\" names no record that can be chosen here; expected a "
			    "kind and a code such as plan KKN-CDC-2568");
	assert_int_equal(form_check(&ref, &ctx, "plan X", &stored, &err), -1);
	form_shown(&ref, &ctx, "plan KKN-CDC-2568", out, sizeof out);
	assert_string_equal(out, "แผน KKN-CDC-2568  แผนจังหวัด");
	form_shown(&ref, &ctx, "plan", out, sizeof out);
	assert_string_equal(out, "plan");   /* a kind is never a value shown by label */
	/* a list in one step is not in two */
	assert_int_equal(sources(&ref, &ctx, &c, &err), 0);
	assert_false(form_choices_two_step(&c));
	form_choices_free(&c);
}

/* The AAR as a form: what it reviews in two steps from the demo's
 * records; its sections and its actions as rows, the heading counting
 * those not done; what it is about for the o key; a deleted AAR. */
static void test_aar_load(void **state)
{
	struct fixture *fx = *state;
	struct form_ctx c = { .st = &fx->st, .cfg = &fx->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };
	const struct form_rows *sec, *act;
	char *stored = NULL;

	assert_int_equal(aarform_def.ngroups, 2);
	assert_int_equal(aarform_def.load(&c, "AAR-PMQA-2553", NULL, &rec, &err), 0);
	assert_int_equal(rec.ngroups, 2);
	sec = &rec.groups[0];
	act = &rec.groups[1];
	assert_int_equal(sec->n, 4);
	assert_string_equal(sec->v[1].key, "happened");
	assert_string_equal(sec->v[1].label, "สิ่งที่เกิดขึ้นจริง");
	assert_true(sec->v[1].id > 0);
	assert_string_equal(sec->v[1].values[0],
			    "แผนเสร็จภายใน ๓ วัน ได้ผลผลิตและผลลัพธ์ ส่วนผลกระทบต้องติดตามในปีต่อไป");
	assert_int_equal(act->n, 1);
	assert_true(act->v[0].id > 0);
	assert_null(act->v[0].key);
	assert_string_equal(act->v[0].values[0],
			    "ทำปฏิทินการปฏิบัติงาน PMQA ปี ๒๕๕๔ และแต่งตั้งทีมงานในไตรมาสแรก");
	assert_string_equal(act->v[0].values[2], "2010-12-15");
	assert_string_equal(act->v[0].values[3], "open");
	assert_string_equal(act->heading, "Follow-up actions  (not done yet: 1 / 1)");
	assert_null(rec.about_kind);        /* an event: about no record */
	form_record_free(&aarform_def, &rec);
	assert_int_equal(aarform_def.load(&c, "AAR-ODPC6-2553", NULL, &rec, &err), 0);
	assert_string_equal(rec.about_kind, "project");
	assert_string_equal(rec.about_code, "NKG-CDC-53");
	assert_non_null(rec.about_title);
	assert_int_equal(rec.groups[0].n, 8);
	form_record_free(&aarform_def, &rec);
	/* what it reviews: a record of the demo, under its kind */
	assert_int_equal(form_check(aar_field("aar.subject"), &c, "project NKG-CDC-53", &stored,
				    &err), 0);
	free(stored);
	assert_int_equal(form_check(aar_field("aar.subject"), &c, "project NONE-1", &stored, &err),
			 -1);
	assert_int_equal(aarform_def.load(&c, "AAR-NONE", NULL, &rec, &err), FORM_MISSING);
	assert_string_equal(err.msg, "there is no AAR AAR-NONE (deleted, or its adding undone)");
}

/* Rows saved, added and deleted through their groups: a section's first
 * save makes its row (its id in the record), a follow-up action's field
 * over a stale value is a conflict, theirs handed back. */
static void test_aar_rows(void **state)
{
	struct fixture *fx = *state;
	struct form_ctx c = { .st = &fx->st, .cfg = &fx->cfg };
	struct form_record rec = { 0 };
	struct rm_error err = { 0, "" };
	struct undo_log u = { NULL, 0 };
	const struct form_group *secs = &aarform_def.groups[0], *acts = &aarform_def.groups[1];
	struct aar_new a = { "aar4", "event", NULL, "ทบทวนการประชุมผู้ปกครอง", "2026-01-20" };
	char *values[4] = { "ประชุมผู้ปกครองทุกเดือน", "ครูพี่เลี้ยง", "2026-03-31", NULL };
	char *code = NULL, *current = NULL;
	sqlite3_int64 id = 0, action = 0;

	assert_int_equal(aar_create(&fx->st, &u, &fx->cfg, &a, &id, &code, &err), CHANGE_OK);
	assert_int_equal(aarform_def.load(&c, code, NULL, &rec, &err), 0);
	assert_int_equal(rec.groups[0].n, 4);
	assert_int_equal(rec.groups[0].v[0].id, 0);        /* nothing written yet */
	assert_int_equal(rec.groups[1].n, 0);
	assert_string_equal(rec.groups[1].heading, "Follow-up actions  (not done yet: 0 / 0)");
	assert_int_equal(secs->save(&c, &u, &rec, 0, 0, 0, NULL, "ผู้ปกครองร่วมมือดี", &current,
				    &err), CHANGE_OK);
	assert_true(rec.groups[0].v[0].id > 0);
	assert_null(current);
	assert_int_equal(acts->add(&c, &u, &rec, 1, values, &action, &err), CHANGE_OK);
	assert_true(action > 0);
	form_record_free(&aarform_def, &rec);
	assert_int_equal(aarform_def.load(&c, code, NULL, &rec, &err), 0);
	assert_string_equal(rec.groups[0].v[0].values[0], "ผู้ปกครองร่วมมือดี");
	assert_int_equal(rec.groups[1].n, 1);
	assert_int_equal(rec.groups[1].v[0].id, action);
	assert_string_equal(rec.groups[1].v[0].values[1], "ครูพี่เลี้ยง");
	assert_string_equal(rec.groups[1].v[0].values[3], "open");
	/* the owner changed once; then again over what was seen before */
	assert_int_equal(acts->save(&c, &u, &rec, 1, 0, 1, "ครูพี่เลี้ยง", "นางสาวพัชรินทร์",
				    &current, &err), CHANGE_OK);
	assert_int_equal(acts->save(&c, &u, &rec, 1, 0, 1, "ครูพี่เลี้ยง", "คนอื่น", &current, &err),
			 CHANGE_CONFLICT);
	assert_string_equal(current, "นางสาวพัชรินทร์");
	free(current);
	current = NULL;
	assert_int_equal(acts->save(&c, &u, &rec, 1, 0, 3, "open", "done", NULL, &err), CHANGE_OK);
	assert_int_equal(acts->remove(&c, &u, &rec, 1, 0, &err), CHANGE_OK);
	/* gone already (REC as read before): deleting again says so */
	assert_int_equal(acts->remove(&c, &u, &rec, 1, 0, &err), CHANGE_ERROR);
	form_record_free(&aarform_def, &rec);
	assert_int_equal(aarform_def.load(&c, code, NULL, &rec, &err), 0);
	assert_int_equal(rec.groups[1].n, 0);
	form_record_free(&aarform_def, &rec);
	undo_log_free(&u);
	free(code);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_shown),
		cmocka_unit_test_setup_teardown(test_item_load, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_item_save, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test(test_aar_fields),
		cmocka_unit_test_setup_teardown(test_aar_head, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test(test_two_steps),
		cmocka_unit_test_setup_teardown(test_aar_load, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_aar_rows, fixture_setup_demo, fixture_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
