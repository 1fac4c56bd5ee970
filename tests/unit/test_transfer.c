/* test_transfer.c - CSV import (every check, all or nothing) and export. */
#include "helpers.h"
#include "routemap/csv.h"
#include "routemap/embedded.h"
#include "routemap/form.h"
#include "routemap/normedit.h"

static char *export_text(struct fixture *f, const char *kind, enum transfer_format fmt)
{
	struct rm_error err = { 0, "" };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(transfer_export(&f->st, &f->cfg, (size_t)transfer_kind_from_name(kind), fmt,
					 out, &err), 0);
	fclose(out);
	return text;
}

static void test_demo_counts(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office"), 8);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 15);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM link"), 13);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective"), 5);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_entry"), 24);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM aar_tag"), 5);
	/* the plan it serves and the parent office, set after the rows */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan p JOIN plan s ON s.id = p.serves_id"
				     " WHERE p.code = 'NPG-CDC-2569' AND s.code = 'KKN-CDC-2568'"), 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office WHERE parent_id IS NULL"), 1);
}

/* Every record of TEXT (a CSV file) as one string: fields joined by a
 * unit separator, records by a record separator, so that two files
 * compare equal when they hold the same records however they quote. */
static char *records(const char *name, const char *text)
{
	struct rm_error err = { 0, "" };
	struct csv_reader r;
	char *out = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&out, &len);

	assert_int_equal(csv_reader_init(&r, name, text, strlen(text), &err), 0);
	while (csv_read(&r, &err) == 1) {
		for (i = 0; i < r.nfields; i++)
			fprintf(f, "%s\x1f", r.fields[i].text);
		fputc('\x1e', f);
	}
	csv_reader_free(&r);
	fclose(f);
	return out;
}

static void test_export_is_the_input(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; embedded_demo[i].name; i++) {
		char kind[64], *text, *want, *got;
		size_t len = strlen(embedded_demo[i].name) - 4;

		memcpy(kind, embedded_demo[i].name, len);
		kind[len] = '\0';
		text = export_text(f, kind, FORMAT_CSV);
		want = records(embedded_demo[i].name, embedded_demo[i].data);
		got = records(kind, text);
		if (strcmp(want, got) != 0)
			fail_msg("%s does not export the records it imported", kind);
		free(text);
		free(want);
		free(got);
	}
}

static void test_error_names_file_line_column(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };

	assert_int_equal(fixture_import(f, "plans", "แผน.csv",
		"code,office,title,destination,fy_from,fy_to,serves\n"
		"BNG-2569,BNG-CDC,แผนศูนย์เด็กเล็ก,,2569,2570,\n"
		"BNG-2570,BNG-CDC,แผนปีหน้า,,สองห้าเจ็ดศูนย์,2571,\n", &err), -1);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_string_equal(err.msg, "แผน.csv:3:5 (fy_from): \"สองห้าเจ็ดศูนย์\": expected a Buddhist "
			    "Era year such as 2569 (2400 to 2800)");
	/* all or nothing: the good row before it is not there */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan WHERE code = 'BNG-2569'"), 0);
}

static void test_each_kind_of_bad_field(void **state)
{
	static const struct {
		const char *kind, *csv, *want;
	} cases[] = {
		{ "objectives", "plan,code,level,title\nKKN-CDC-2568,P9,ชุมชน,เด็กแข็งแรง\n",
		  "t.csv:2:3 (level): \"ชุมชน\" is not allowed; expected people, stakeholder, process or foundation" },
		{ "objectives", "plan,code,level,title\nแผนที่ไม่มี,P9,people,เด็กแข็งแรง\n",
		  "t.csv:2:1 (plan): unknown plan \"แผนที่ไม่มี\"" },
		{ "links", "plan,from,to\nKKN-CDC-2568,F1,ป9\n",
		  "t.csv:2:3 (to): unknown objective \"ป9\" with plan \"KKN-CDC-2568\"" },
		{ "indicators", "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
				"KKN-CDC-2568,P2,ร้อยละเด็กป่วย,ร้อยละ,ห้าสิบ,80,2569,\n",
		  "t.csv:2:5 (baseline): \"ห้าสิบ\": expected a number of at least 0 such as 73.5 (Thai digits allowed)" },
		{ "projects", "code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,start,end\n"
			      "X-69,BNG-CDC,NPG-CDC-2569,P1,2569,โครงการทดลอง,development,active,,,2026-02-30,\n",
		  "t.csv:2:11 (start): \"2026-02-30\" is not a date: write it as 15/1/2569, 15 ม.ค. 2569 "
		  "or 2569-01-15 (a year from 2443 to 2743 BE, or 1900 to 2200 CE)" },
		{ "projects", "code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,start,end\n"
			      "X-69,BNG-CDC,NPG-CDC-2569,P1;P1,2569,โครงการทดลอง,development,active,,,,\n",
		  "t.csv:2:4 (objectives): \"P1\" is listed twice" },
		{ "assessment_entries", "assessment,item,status,note,support_needed,support_from,support_frame\n"
					"A-BNG-69,L1,met,,,,\n",
		  "t.csv:2:2 (item): unknown item \"L1\" with assessment \"A-BNG-69\"" },
		{ "assessment_entries", "assessment,item,status,note,support_needed,support_from,support_frame\n"
					"A-BNG-69,CP3,met,,,อบต.,\n",
		  "t.csv:2:6 (support_from): \"อบต.\" is not allowed; expected fund, province, region or local" },
		/* 2^53 + 1: no double holds it; it would be stored as 2^53 */
		{ "indicators", "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
				"KKN-CDC-2568,P2,ร้อยละเด็กป่วย,ร้อยละ,9007199254740993,80,2569,\n",
		  "t.csv:2:5 (baseline): \"9007199254740993\": more digits than can be kept exactly "
		  "(about 15 significant digits); round it" },
		/* a doubled tone mark looks like one: "ก่่" */
		{ "offices", "code,name,short_name,level,parent\nก\u0E48\u0E48,หน่วยงานทดลอง,,unit,\n",
		  "t.csv:2:1 (code): \"ก\u0E48\u0E48\": the Thai marks are not in the order they "
		  "are typed in (a mark doubled or misplaced)" },
		/* a title nobody can read */
		{ "offices", "code,name,short_name,level,parent\nX1,\" \xC2\xA0\",,unit,\n",
		  "t.csv:2:2 (name): \" <U+00A0>\" holds only spaces or invisible characters; write "
		  "something, or leave it empty" },
		{ "offices", "code,name,short_name,level,parent\nX1,หน่วยงานทดลอง,,unit,ไม่มีแม่\n",
		  "t.csv:2:5 (parent): unknown office \"ไม่มีแม่\"" },
		{ "offices", "code,name,short_name,level,parent\n\"X 1 \",หน่วยงานทดลอง,,unit,\n",
		  "t.csv:2:1 (code): \"X 1 \": a code may not start or end with a space" },
		{ "offices", "code,name,short_name,level,parent\nX1,,,unit,\n",
		  "t.csv:2:2 (name): a value is required here" },
		{ "offices", "code,name,short_name,level\nX1,หน่วยงาน,,unit\n",
		  "t.csv:1: the header lacks column \"parent\"; expected code,name,short_name,level,parent" },
		{ "offices", "code,name,short_name,level,parent,phone\nX1,หน่วยงาน,,unit,,\n",
		  "t.csv:1:6: unknown column \"phone\"; expected code,name,short_name,level,parent" },
		{ "offices", "code,name,short_name,level,parent\nX1,หน่วยงาน,unit,\n",
		  "t.csv:2: expected 5 fields (code,name,short_name,level,parent), found 4" },
		{ "offices", "code,name,short_name,level,parent\nODPC6,สคร.๖,,region,\n",
		  "t.csv:2:1 (code): office \"ODPC6\" is already in the database; import --update changes it" },
		{ "plans", "code,office,title,destination,fy_from,fy_to,serves\nX,KKN-PHO,แผน,,2570,2569,\n",
		  "t.csv:2:6 (fy_to): the plan ends (2569) before it starts (2570)" },
		{ "aars", "code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
			  "AAR-X,lessons9,2026-01-20,ถอดบทเรียน,event,,,,\n",
		  "t.csv:2:2 (template): unknown template \"lessons9\"; this office has aar4, gotoknow4, lessons8" },
		{ "aars", "code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
			  "AAR-X,aar4,2026-01-20,ถอดบทเรียน,project,โครงการไม่มี,,,\n",
		  "t.csv:2:6 (subject): unknown project \"โครงการไม่มี\"" },
		{ "aar_sections", "aar,section,text\nAAR-PMQA-2553,background,ที่มา\n",
		  "t.csv:2:2 (section): \"background\" is not a section of template aar4; expected one of expected, happened, why, next" },
		{ "norm_items", "set,version,group,code,text,evidence,weight\nCDC-NORM,2,1,X1,ข้อใหม่,,1\n",
		  "t.csv:2:3 (group): unknown group \"1\" with set \"CDC-NORM\" version \"2\"" },
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rm_error err = { 0, "" };

		if (fixture_import(f, cases[i].kind, "t.csv", cases[i].csv, &err) != -1)
			fail_msg("case %zu (%s) was accepted", i, cases[i].kind);
		if (strcmp(err.msg, cases[i].want) != 0)
			fail_msg("case %zu:\n got: %s\nwant: %s", i, err.msg, cases[i].want);
		assert_int_equal(err.status, RM_EXIT_RUNTIME);
	}
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office"), 8);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project"), 4);
}

static void test_thai_codes_digits_and_eras(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char *text;

	assert_int_equal(fixture_import(f, "plans", "p.csv",
		"code,office,title,destination,fy_from,fy_to,serves\n"
		"ก.๑,BNG-HPH,แผนรพ.สต.บัวเงิน,,๒๕๖๙,๒๕๗๐,NPG-CDC-2569\n", &err), 0);
	assert_int_equal(fixture_import(f, "objectives", "o.csv",
		"plan,code,level,title\nก.๑,ป1,people,ประชาชนล้างมือถูกวิธี\n"
		"ก.๑,ป2,process,อสม.เยี่ยมบ้าน\n", &err), 0);
	assert_int_equal(fixture_import(f, "indicators", "i.csv",
		"plan,objective,name,unit,baseline,target,fiscal_year,result\n"
		"ก.๑,ป1,ร้อยละครัวเรือน,ร้อยละ,๔๒,๑๐๐,๒๕๖๙,๘๗.๕\n", &err), 0);
	assert_int_equal(fixture_import(f, "projects", "j.csv",
		"code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,start,end\n"
		"ก.๑-๖๙,BNG-HPH,ก.๑,ป1; ป2,2569,โครงการล้างมือ,preparation,planned,๕๐๐๐,,20 ม.ค. ๖๙,1/3/2026\n",
		&err), 0);
	assert_int_equal(fixture_int(f, "SELECT fy_from FROM plan WHERE code = 'ก.๑'"), 2569);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective x JOIN project j"
				     " ON j.id = x.project_id WHERE j.code = 'ก.๑-๖๙'"), 2);
	/* a date as people write it is stored in ISO form, Gregorian */
	assert_int_equal(fixture_int(f, "SELECT start_date = '2026-01-20' AND end_date = '2026-03-01'"
				     " FROM project WHERE code = 'ก.๑-๖๙'"), 1);
	text = export_text(f, "indicators", FORMAT_CSV);
	/* (then the uid the import made, the file having none) */
	assert_non_null(strstr(text, "ก.๑,ป1,ร้อยละครัวเรือน,ร้อยละ,42,100,2569,87.5,"));
	free(text);
}

static void test_multiline_and_quotes_round_trip(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	static const char csv[] =
		"aar,section,text\n"
		"AAR-ทดลอง,expected,\"ทุกส่วนราชการมีแผน \"\"PMQA\"\", ครบ ๗ หมวด\n"
		"บรรทัดที่สอง: ผู้บริหารให้ความสำคัญ\"\n";
	char *text;

	assert_int_equal(fixture_import(f, "aars", "a.csv",
		"code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
		"AAR-ทดลอง,aar4,2569-01-20,ทบทวนหลังการประชุม,event,,,,\n", &err), 0);
	assert_int_equal(fixture_import(f, "aar_sections", "s.csv", csv, &err), 0);
	text = export_text(f, "aar_sections", FORMAT_CSV);
	assert_non_null(strstr(text, csv + strlen("aar,section,text\n")));
	free(text);
	/* an optional text of spaces only (a note a screen kept) comes back
	 * as it went out; a required one is refused (test_each_kind...) */
	assert_int_equal(fixture_import(f, "assessment_entries", "e.csv",
		"assessment,item,status,note,support_needed,support_from,support_frame\n"
		"A-BNG-69,CP3,met,\"  \",\" \n\",,\n", &err), 0);
	text = export_text(f, "assessment_entries", FORMAT_CSV);
	assert_non_null(strstr(text, "\nA-BNG-69,CP3,met,\"  \",\" \n\",,,\n"));
	free(text);
}

static void test_self_reference_in_any_order(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };

	/* the child comes before its parent in the file */
	assert_int_equal(fixture_import(f, "offices", "o.csv",
		"code,name,short_name,level,parent\n"
		"รพ.สต.หนองเรือ,โรงพยาบาลส่งเสริมสุขภาพตำบลหนองเรือ,,unit,สสอ.หนองเรือ\n"
		"สสอ.หนองเรือ,สำนักงานสาธารณสุขอำเภอหนองเรือ,,district,KKN-PHO\n", &err), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office c JOIN office p ON p.id = c.parent_id"
				     " WHERE c.code = 'รพ.สต.หนองเรือ' AND p.code = 'สสอ.หนองเรือ'"), 1);
	/* an unknown parent names its own line */
	assert_int_equal(fixture_import(f, "offices", "o2.csv",
		"code,name,short_name,level,parent\n"
		"อปท.1,เทศบาลตำบล,,unit,KKN-PHO\n"
		"อปท.2,อบต.ทดลอง,,unit,ไม่มี\n", &err), -1);
	assert_string_equal(err.msg, "o2.csv:3:5 (parent): unknown office \"ไม่มี\"");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office WHERE code = 'อปท.1'"), 0);
}

static void test_markdown_and_text(void **state)
{
	struct fixture *f = *state;
	char *md = export_text(f, "support_frames", FORMAT_MD);
	char *txt = export_text(f, "groups", FORMAT_TXT);

	assert_true(strncmp(md, "| code | label |\n| --- | --- |\n| 1 | การประเมินผล", 52) == 0);
	/* the label column starts at the same display column on every line */
	assert_non_null(strstr(txt, "grouping       code               label\n"));
	assert_non_null(strstr(txt, "key_activity   social_measure     มาตรการทางสังคม\n"));
	assert_non_null(strstr(txt, "pmqa_category  1                  การนำองค์การ\n"));
	free(md);
	free(txt);
}

/* Any number in the database survives export and import exactly: tiny,
 * huge, repeating, integral (the baselines, targets and results of
 * indicators, set by SQL as another program might have). */
static void test_numbers_round_trip(void **state)
{
	struct fixture *f = *state, *g = fixture_new();
	struct rm_error err = { 0, "" };
	static const double values[6] = {
		0.00001, 12345678901234567.0, 1.0 / 3, 0.1 + 0.2, 9007199254740992.0, 1e21,
	};
	sqlite3_stmt *stmt;
	char *csv;
	size_t i;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, "UPDATE indicator SET baseline = ?1,"
					    " target = ?1 * 2, result = ?1 / 7 WHERE id = ?2", -1,
					    &stmt, NULL), SQLITE_OK);
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_double(stmt, 1, values[i]);
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i + 1);   /* the demo's six */
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
	}
	sqlite3_finalize(stmt);
	csv = export_text(f, "indicators", FORMAT_CSV);
	assert_null(strstr(csv, "e+"));
	assert_null(strstr(csv, "e-"));
	assert_int_equal(store_open(&g->st, g->path, NULL, 0, &err), 0);
	fixture_load_demo(g);
	assert_int_equal(sqlite3_exec(g->st.db, "DELETE FROM indicator", NULL, NULL, NULL), SQLITE_OK);
	if (fixture_import(g, "indicators", "indicators.csv", csv, &err) != 0)
		fail_msg("%s", err.msg);
	/* the same doubles, bit for bit, in the same order */
	{
		sqlite3_stmt *a, *b;
		const char *q = "SELECT baseline, target, result FROM indicator ORDER BY id";
		int rows = 0, c;

		assert_int_equal(sqlite3_prepare_v2(f->st.db, q, -1, &a, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(g->st.db, q, -1, &b, NULL), SQLITE_OK);
		while (sqlite3_step(a) == SQLITE_ROW) {
			assert_int_equal(sqlite3_step(b), SQLITE_ROW);
			for (c = 0; c < 3; c++)
				assert_true(sqlite3_column_double(a, c) == sqlite3_column_double(b, c));
			rows++;
		}
		assert_int_equal(sqlite3_step(b), SQLITE_DONE);
		assert_int_equal(rows, 6);
		sqlite3_finalize(a);
		sqlite3_finalize(b);
	}
	free(csv);
	fixture_teardown((void **)&g);
}

/* The demo's CSV file of KIND with field COL of its first record replaced
 * by VALUE (a malloc'd text). */
static char *demo_with(size_t kind, size_t col, const char *value)
{
	struct rm_error err = { 0, "" };
	const struct embedded_file *e;
	struct csv_reader r;
	char *out = NULL, name[64];
	size_t len = 0, i, rec = 0;
	FILE *f = open_memstream(&out, &len);

	/* the demo has no SLM rows and no file of support requests: ours */
	static const char slm[] = "plan,objective,column,text\n"
				  "KKN-CDC-2568,P1,approach,อบรมครูพี่เลี้ยงทุกศูนย์\n";
	static const char requests[] =
		"assessment,item,uid,needed,source,frame,amount,status,referred_to,given,"
		"amount_agreed,filed_frame,answer_note,answered_by,answered_on\n"
		"A-BNG-69,CP3,r-cp3-1,วิทยากรเขียนโครงการ,province,2,1500,referred,region,"
		"วิทยากร ๑ คน,1000,2,ส่งต่อให้เขต,นายสมชาย ใจดี,2026-02-01\n";
	const char *data = slm;
	size_t size = sizeof slm - 1;

	snprintf(name, sizeof name, "%s.csv", transfer_kind_name(kind));
	for (e = embedded_demo; e->name && strcmp(e->name, name) != 0; e++)
		;
	if (e->name) {
		data = e->data;
		size = e->size;
	} else if (strcmp(name, "support_requests.csv") == 0) {
		data = requests;
		size = sizeof requests - 1;
	} else {
		assert_string_equal(name, "slm_cells.csv");
	}
	assert_int_equal(csv_reader_init(&r, name, data, size, &err), 0);
	while (csv_read(&r, &err) == 1) {
		for (i = 0; i < r.nfields; i++)
			csv_write_field(f, rec == 1 && i == col ? value : r.fields[i].text, i == 0);
		csv_write_end(f);
		rec++;
	}
	csv_reader_free(&r);
	fclose(f);
	return out;
}

/* In every column of every kind of CSV file, a control character, a C1
 * control and a bidi override are refused, naming the file, the line,
 * the column and the character; in every code column so are NBSP, a
 * zero-width space, a BOM and a tab; in one-line texts a line break.  The
 * database is untouched. */
static void test_unclean_text_in_every_kind(void **state)
{
	struct fixture *f = *state;
	static const struct { const char *insert, *named; int code_only, line_only; } bad[] = {
		{ "\x1b[2J", "U+001B", 0, 0 }, { "\xC2\x85", "U+0085", 0, 0 },
		{ "\xE2\x80\xAE", "U+202E", 0, 0 }, { "\xC2\xA0", "U+00A0", 1, 0 },
		{ "\xE2\x80\x8B", "U+200B", 1, 0 }, { "\xEF\xBB\xBF", "U+FEFF", 1, 0 },
		{ "\t", "U+0009", 1, 0 }, { "\n", "line break", 0, 1 },
	};
	long long changes = fixture_int(f, "SELECT count(*) FROM change_log");
	size_t k, c, b, checked = 0;

	for (k = 0; k < transfer_nkinds(); k++) {
		for (c = 0; c < transfer_kind_ncols(k); c++) {
			enum transfer_text t = transfer_column_text(k, c);

			for (b = 0; b < sizeof bad / sizeof bad[0]; b++) {
				struct rm_error err = { 0, "" };
				char value[64], want[96], *csv;

				if ((bad[b].code_only && t != TRANSFER_CODE) ||
				    (bad[b].line_only && t == TRANSFER_LINES))
					continue;
				snprintf(value, sizeof value, "ก%sข", bad[b].insert);
				csv = demo_with(k, c, value);
				assert_int_equal(fixture_import(f, transfer_kind_name(k), "x.csv", csv,
								&err), -1);
				snprintf(want, sizeof want, "x.csv:2:%zu (", c + 1);
				if (!strstr(err.msg, want) || !strstr(err.msg, bad[b].named))
					fail_msg("%s column %zu, %s: %s", transfer_kind_name(k), c + 1,
						 bad[b].named, err.msg);
				/* shown escaped, never as it is */
				assert_null(strchr(err.msg, 0x1b));
				assert_null(strstr(err.msg, "\xE2\x80\xAE"));
				free(csv);
				checked++;
			}
		}
	}
	assert_true(checked > 300);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), changes);
}

/* Import CSV as KIND with FLAGS into F (counts and changes in *FILE,
 * freed by the caller). */
static int import_with(struct fixture *f, const char *kind, const char *csv, unsigned flags,
		       struct transfer_file *file, struct rm_error *err)
{
	memset(file, 0, sizeof *file);
	file->kind = transfer_kind_from_name(kind);
	file->name = "u.csv";
	file->data = csv;
	file->len = strlen(csv);
	return transfer_import_with(&f->st, &f->cfg, file, 1, flags, err);
}

/* A file is checked by the screens' fields too, in their words: an AAR
 * title of 2,001 characters (the form takes 2,000) and a support source
 * the office does not list (this office lists fund, province and region
 * only) are refused as the form refuses them, naming line and column;
 * nothing is written. */
static void test_csv_checked_as_form(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" }, screen = { 0, "" };
	struct transfer_file file;
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");
	char *title = malloc(2001 * 3 + 1), *csv = malloc(2001 * 3 + 200), *stored = NULL;
	size_t i;

	assert_non_null(title);
	assert_non_null(csv);
	for (i = 0; i < 2001; i++)
		memcpy(title + 3 * i, "ก", 3);
	title[2001 * 3] = '\0';
	sprintf(csv, "code,template,date,title,subject_kind,subject,facilitator,participants,tags\n"
		"AAR-ยาว,aar4,2026-02-10,%s,event,,,,\n", title);
	assert_int_equal(import_with(f, "aars", csv, 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:4 (title): 2001 characters: at most 2000 fit here");
	assert_int_equal(form_check(aar_field("aar.title"), &ctx, title, &stored, &screen), -1);
	assert_non_null(strstr(err.msg, screen.msg));

	f->cfg.support_sources.n--;          /* no "local" in this office */
	assert_int_equal(import_with(f, "assessment_entries",
				     "assessment,item,status,note,support_needed,support_from,support_frame\n"
				     "A-BNG-69,CP3,met,,ครูพี่เลี้ยง,local,\n", 0, &file, &err), -1);
	f->cfg.support_sources.n++;
	assert_string_equal(err.msg, "u.csv:2:6 (support_from): \"local\" is not allowed; "
			    "expected fund, province or region");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log);
	free(title);
	free(csv);
}

/* One objective as it was, one retitled, one new: 1 added, 1 updated,
 * 1 unchanged; the change names the record by plan and code and gives
 * the title before and after; the log gains exactly two rows (the
 * insert and the update), the unchanged row none. */
static void test_update_changes_only_what_differs(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");
	const char *csv =
		"plan,code,level,title\n"
		"KKN-CDC-2568,P1,people,ผู้ปกครองและครูพี่เลี้ยงมีพฤติกรรมป้องกันโรคติดต่อที่ถูกต้อง\n"
		"KKN-CDC-2568,F3,foundation,มีเวทีแลกเปลี่ยนเรียนรู้ทุกไตรมาส\n"
		"KKN-CDC-2568,F4,foundation,มีระบบเฝ้าระวังที่ทันเวลา\n";

	assert_int_equal(import_with(f, "objectives", csv, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.added, 1);
	assert_int_equal(file.updated, 1);
	assert_int_equal(file.unchanged, 1);
	assert_int_equal(file.rows, 3);
	assert_int_equal(file.nchanges, 1);
	assert_string_equal(file.changes[0].record, "KKN-CDC-2568/F3");
	assert_int_equal(file.changes[0].nfields, 1);
	assert_string_equal(file.changes[0].fields[0].column, "title");
	assert_string_equal(file.changes[0].fields[0].old, "มีการจัดการความรู้และแลกเปลี่ยนเรียนรู้ระหว่างพื้นที่");
	assert_string_equal(file.changes[0].fields[0].new, "มีเวทีแลกเปลี่ยนเรียนรู้ทุกไตรมาส");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log + 2);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM objective"), 16);
	transfer_changes_free(&file);

	/* the same file again: nothing to do, nothing logged */
	assert_int_equal(import_with(f, "objectives", csv, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 3);
	assert_int_equal(file.nchanges, 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log + 2);
	transfer_changes_free(&file);
}

/* A project's list of objectives is its value: "R1;P1" is "P1;R1"
 * (unchanged), "P1" replaces it (one objective link fewer).  A plan's
 * reference to another plan set empty is cleared. */
static void test_update_lists_and_same_kind(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	const char *head = "code,office,plan,objectives,fiscal_year,title,stage,status,budget,"
			   "budget_source,start,end\n";
	const char *rest = ",2569,โครงการศูนย์เด็กเล็กปลอดโรค ศพด.บัวเงิน,development,active,10000,"
			   "สคร.๖ ขอนแก่น,2025-11-01,2026-08-31\n";
	char csv[1024];

	snprintf(csv, sizeof csv, "%sBNG-CDC-69,BNG-CDC,NPG-CDC-2569,R1;P1%s", head, rest);
	assert_int_equal(import_with(f, "projects", csv, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 1);
	transfer_changes_free(&file);
	snprintf(csv, sizeof csv, "%sBNG-CDC-69,BNG-CDC,NPG-CDC-2569,P1%s", head, rest);
	assert_int_equal(import_with(f, "projects", csv, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.updated, 1);
	assert_string_equal(file.changes[0].fields[0].column, "objectives");
	assert_string_equal(file.changes[0].fields[0].old, "P1;R1");
	assert_string_equal(file.changes[0].fields[0].new, "P1");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM project_objective"), 4);
	transfer_changes_free(&file);

	assert_int_equal(import_with(f, "plans", "code,office,title,destination,fy_from,fy_to,serves\n"
				     "NPG-CDC-2569,NPG-DHO,แผนน้ำพอง,,2569,2570,\n",
				     TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.updated, 1);
	assert_int_equal(file.changes[0].nfields, 3);   /* title, destination, serves */
	assert_string_equal(file.changes[0].fields[2].column, "serves");
	assert_string_equal(file.changes[0].fields[2].old, "KKN-CDC-2568");
	assert_string_equal(file.changes[0].fields[2].new, "");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM plan WHERE serves_id IS NOT NULL"), 0);
	transfer_changes_free(&file);
}

/* --dry-run reports the change and keeps the database as it was; a
 * duplicate without --update is named in words; a bad field in an
 * update file changes nothing. */
static void test_update_dry_run_and_refusals(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");
	const char *csv = "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
			  "KKN-CDC-2568,P2,ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค,ร้อยละ,"
			  "42,80,2569,๖๐\n";

	assert_int_equal(import_with(f, "indicators", csv, TRANSFER_UPDATE | TRANSFER_DRY_RUN,
				     &file, &err), 0);
	assert_int_equal(file.updated, 1);
	assert_string_equal(file.changes[0].fields[0].old, "57");
	assert_string_equal(file.changes[0].fields[0].new, "60");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM indicator WHERE result = 57"), 1);
	transfer_changes_free(&file);

	assert_int_equal(import_with(f, "indicators", csv, 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:1 (plan): indicator \"KKN-CDC-2568/P2/"
			    "ร้อยละของศูนย์เด็กเล็กที่ผ่านเกณฑ์ศูนย์เด็กเล็กปลอดโรค/2569\" is already in the"
			    " database; import --update changes it");
	transfer_changes_free(&file);

	assert_int_equal(import_with(f, "indicators", "plan,objective,name,unit,baseline,target,"
				     "fiscal_year,result\nKKN-CDC-2568,P2,ตัวชี้วัดใหม่,,,,2569,1\n"
				     "KKN-CDC-2568,P2,ตัวชี้วัดใหม่,,,,2569,2\n", 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:3:1 (plan): indicator \"KKN-CDC-2568/P2/ตัวชี้วัดใหม่/2569\""
			    " is on an earlier line too");
	transfer_changes_free(&file);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log);
}

/* The screen's refusal of VALUE in field NAME of DEF, into SCREEN. */
static void screen_refuses(struct fixture *f, const struct form_def *def, const char *name,
			   const char *value, struct rm_error *screen)
{
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	const struct form_field *fld = form_field_named(def, name);
	char *stored = NULL;

	assert_non_null(fld);
	assert_int_equal(form_check(fld, &ctx, value, &stored, screen), -1);
}

/* The four kinds added to the forms' checks refuse one value each in the
 * screen's words: a project code with a space inside, a norm set code of
 * 61 characters and a norm item code of 61 (the forms take 60), an
 * indicator's name of 401 characters (the form takes 400).  Nothing is
 * written. */
static void test_csv_checked_as_form_more_kinds(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" }, screen = { 0, "" };
	struct transfer_file file;
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");
	char code[62], csv[512], name[401 * 3 + 1], big[401 * 3 + 200];
	size_t i;

	assert_int_equal(import_with(f, "projects", "code,office,plan,objectives,fiscal_year,title,"
				     "stage,status,budget,budget_source,start,end\n"
				     "BNG CDC,BNG-CDC,,,2569,โครงการใหม่,preparation,planned,,,,\n",
				     0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:1 (code): \"BNG CDC\": a code has no spaces");
	screen_refuses(f, &project_form_def, "code", "BNG CDC", &screen);
	assert_non_null(strstr(err.msg, screen.msg));

	memset(code, 'N', 61);
	code[61] = '\0';
	snprintf(csv, sizeof csv, "code,office,title,version,issued,source,groups\n"
		 "%s,KKN-PHO,ค่ากลางใหม่,1,,,key_activity\n", code);
	assert_int_equal(import_with(f, "norm_sets", csv, 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:1 (code): 61 characters: at most 60 fit here");
	screen_refuses(f, &norm_set_form_def, "code", code, &screen);
	assert_non_null(strstr(err.msg, screen.msg));

	snprintf(csv, sizeof csv, "set,version,group,code,text,evidence,weight\n"
		 "CDC-NORM,1,social_measure,%s,ข้อใหม่,,1\n", code);
	assert_int_equal(import_with(f, "norm_items", csv, 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:4 (code): 61 characters: at most 60 fit here");
	screen_refuses(f, &norm_item_form_def, "code", code, &screen);
	assert_non_null(strstr(err.msg, screen.msg));

	for (i = 0; i < 401; i++)
		memcpy(name + 3 * i, "ก", 3);
	name[401 * 3] = '\0';
	snprintf(big, sizeof big, "plan,objective,name,unit,baseline,target,fiscal_year,result\n"
		 "KKN-CDC-2568,P2,%s,,,,2569,\n", name);
	assert_int_equal(import_with(f, "indicators", big, 0, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:3 (name): 401 characters: at most 400 fit here");
	screen_refuses(f, &indicator_form_def, "name", name, &screen);
	assert_non_null(strstr(err.msg, screen.msg));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log);
}

#define ITEMS "set,version,group,code,text,evidence,weight\n" \
	"CDC-NORM,2,social_measure,SM1,ผู้ปกครองทำข้อตกลงร่วมกันว่าจะไม่นำเด็กป่วยมา" \
	"ศูนย์เด็กเล็ก,บันทึกข้อตกลงที่มีลายมือชื่อผู้ปกครอง,%d\n"
#define SETS "code,office,title,version,issued,source,groups\n" \
	"CDC-NORM,KKN-PHO,ค่ากลางศูนย์เด็กเล็กปลอดโรค จังหวัดขอนแก่น,2,2025-10-15,%s,%s\n"
#define FROZEN "CDC-NORM version 2 is issued and units were assessed against it (1 assessments), " \
	"so it cannot change; v makes a new version of it to change"

/* import --update keeps the frozen rule: version 2 of CDC-NORM is issued
 * and A-BNG-69 was assessed against it, so SM1's weight, its source and a
 * new item are refused in the screen's words (at the first changed
 * column, or the set's); a set's grouping stays as made.  The same
 * records unchanged go through; nothing is written. */
static void test_update_frozen_version(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");
	char csv[1024];

	snprintf(csv, sizeof csv, ITEMS, 3);
	assert_int_equal(import_with(f, "norm_items", csv, TRANSFER_UPDATE, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:7 (weight): " FROZEN);
	transfer_changes_free(&file);
	snprintf(csv, sizeof csv, ITEMS, 1);
	assert_int_equal(import_with(f, "norm_items", csv, TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 1);
	transfer_changes_free(&file);

	assert_int_equal(import_with(f, "norm_items", "set,version,group,code,text,evidence,weight\n"
				     "CDC-NORM,2,social_measure,SM9,ข้อใหม่,,1\n", TRANSFER_UPDATE,
				     &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:1 (set): " FROZEN);
	transfer_changes_free(&file);

	snprintf(csv, sizeof csv, SETS, "เวทีภาค", "key_activity");
	assert_int_equal(import_with(f, "norm_sets", csv, TRANSFER_UPDATE, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:6 (source): " FROZEN);
	transfer_changes_free(&file);
	snprintf(csv, sizeof csv, SETS, "ปรับจากค่ากลางของพื้นที่ที่ประสบความสำเร็จ เวทีเขต ปี ๒๕๖๘",
		 "pmqa_category");
	assert_int_equal(import_with(f, "norm_sets", csv, TRANSFER_UPDATE, &file, &err), -1);
	assert_string_equal(err.msg, "u.csv:2:7 (groups): a norm set keeps the code and grouping it "
			    "was made with; make a new set for others");
	transfer_changes_free(&file);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), log);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_item WHERE code = 'SM1'"
				     " AND weight = 1"), 2);
}

/* Files of before schema 9 (no scale, no level) brought in with
 * --update keep what they do not name: PMQA-SELF stays in levels (its
 * units assessed, no refusal either), L1 of A-NPG-69 keeps level 2. */
static void test_update_older_header_keeps_levels(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct transfer_file file;

	assert_int_equal(import_with(f, "norm_sets", "code,office,title,version,issued,source,groups\n"
				     "PMQA-SELF,KKN-PHO,แบบประเมินตนเองตามเกณฑ์ PMQA ระดับพื้นฐาน,1,"
				     "2025-11-01,เกณฑ์คุณภาพการบริหารจัดการภาครัฐ,pmqa_category\n",
				     TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.unchanged, 1);
	transfer_changes_free(&file);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM norm_set WHERE code = 'PMQA-SELF'"
				     " AND scale = 'levels'"), 1);
	assert_int_equal(import_with(f, "assessment_entries", "assessment,item,status,note,"
				     "support_needed,support_from,support_frame\n"
				     "A-NPG-69,L1,,ผู้บริหารประชุมถ่ายทอดทิศทางทุกไตรมาส,,,\n",
				     TRANSFER_UPDATE, &file, &err), 0);
	assert_int_equal(file.updated, 1);   /* the note, not the level */
	assert_int_equal(file.changes[0].nfields, 1);
	assert_string_equal(file.changes[0].fields[0].column, "note");
	transfer_changes_free(&file);
	assert_int_equal(fixture_int(f, "SELECT e.level FROM assessment_entry e JOIN norm_item i"
				     " ON i.id = e.item_id WHERE i.code = 'L1'"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_counts, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_export_is_the_input, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_error_names_file_line_column, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_each_kind_of_bad_field, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_thai_codes_digits_and_eras, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_multiline_and_quotes_round_trip, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_self_reference_in_any_order, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_numbers_round_trip, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unclean_text_in_every_kind, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_markdown_and_text, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_checked_as_form, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_changes_only_what_differs, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_lists_and_same_kind, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_checked_as_form_more_kinds, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_older_header_keeps_levels,
						fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_frozen_version, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_dry_run_and_refusals, fixture_setup_demo,
						fixture_teardown),
	};

	return cmocka_run_group_tests_name("transfer", tests, NULL, NULL);
}
