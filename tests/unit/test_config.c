/* test_config.c - the office configuration: defaults, the sample file, the
 * fixtures, and one test per kind of error with its exact message.
 *
 * Run from the repository root.  Error fixtures are written to a private
 * temporary directory; messages are compared whole, with FILE standing for
 * that fixture's path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "routemap/action.h"
#include "routemap/config.h"

#define SAMPLE "config/routemap.ini"
#define DISTRICT "tests/data/config/district.ini"
#define BOM_FILE "tests/data/config/bom.ini"

/* A valid office head: lines 1-3. */
#define HEAD "[office]\ncode = TST-01\nname = สำนักงานทดสอบ\n"

static char tmpdir[64];
static char fixture[128];

static int group_setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/rm-cfgtest-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	unlink(fixture);
	return rmdir(tmpdir);
}

/* Write TEXT (LEN bytes, or strlen) to the fixture file; returns its path. */
static const char *write_fixture_n(const char *text, size_t len)
{
	FILE *f;

	snprintf(fixture, sizeof fixture, "%s/office.ini", tmpdir);
	f = fopen(fixture, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return fixture;
}

static const char *write_fixture(const char *text)
{
	return write_fixture_n(text, strlen(text));
}

/* EXPECTED with each "FILE" replaced by PATH. */
static void expand(char *out, size_t size, const char *expected, const char *path)
{
	size_t o = 0;

	while (*expected && o + 1 < size) {
		if (strncmp(expected, "FILE", 4) == 0) {
			size_t n = strlen(path);

			assert_true(o + n + 1 < size);
			memcpy(out + o, path, n);
			o += n;
			expected += 4;
		} else {
			out[o++] = *expected++;
		}
	}
	out[o] = '\0';
}

/* Load TEXT: it must fail with exactly EXPECTED (FILE = its path), status
 * 2, and leave the config empty. */
static void expect_error_n(const char *text, size_t len, const char *expected)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	char want[2048];
	const char *path = write_fixture_n(text, len);

	expand(want, sizeof want, expected, path);
	memset(&cfg, 0x5A, sizeof cfg);
	assert_int_equal(config_load(&cfg, path, &err), -1);
	assert_string_equal(err.msg, want);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	assert_null(cfg.office_code);
	assert_null(cfg.entries);
	assert_int_equal(cfg.nentries, 0);
	config_free(&cfg);
}

static void expect_error(const char *text, const char *expected)
{
	expect_error_n(text, strlen(text), expected);
}

/* Load TEXT, which must be valid. */
static void load_ok(struct config *cfg, const char *text)
{
	struct rm_error err = { 0, "" };
	const char *path = write_fixture(text);

	if (config_load(cfg, path, &err) != 0)
		fail_msg("unexpected error: %s", err.msg);
}

static const struct cfg_entry *entry_find(const struct config *cfg, const char *sec,
					  const char *key)
{
	size_t i;

	for (i = 0; i < cfg->nentries; i++)
		if (strcmp(cfg->entries[i].section, sec) == 0 &&
		    strcmp(cfg->entries[i].key, key) == 0)
			return &cfg->entries[i];
	return NULL;
}

static void assert_entry(const struct config *cfg, const char *sec, const char *key,
			 const char *value, const char *origin, int line)
{
	const struct cfg_entry *e = entry_find(cfg, sec, key);

	if (!e)
		fail_msg("no entry [%s] %s", sec, key);
	assert_string_equal(e->value, value);
	assert_string_equal(e->origin, origin);
	assert_int_equal(e->line, line);
}

/* The rank of a section in the entries' order. */
static int section_rank(const char *sec)
{
	static const char *const order[] = {
		"office", "database", "ui", "levels", "key_activities", "support_frames",
		"support_sources", "rank", "slm", "aar", "template.", "keys", "exchange",
	};
	int i;

	for (i = 0; i < 13; i++)
		if (strncmp(sec, order[i], strlen(order[i])) == 0 &&
		    (i == 10 || sec[strlen(order[i])] == '\0'))
			return i;
	return -1;
}

/* ---- Defaults ---------------------------------------------------------- */

static void test_defaults(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	const struct cfg_template *t;
	size_t i;

	(void)state;
	assert_int_equal(config_defaults(&cfg, &err), 0);
	assert_null(cfg.path);
	assert_string_equal(cfg.office_code, "office");
	assert_string_equal(cfg.office_name, "หน่วยงาน");
	assert_string_equal(cfg.office_level, "unit");
	assert_string_equal(cfg.office_parent, "");
	assert_string_equal(cfg.db_path, "");
	assert_string_equal(cfg.db_shared_group, "");
	assert_int_equal(cfg.language, CFG_LANG_TH);
	assert_int_equal(cfg.calendar, CFG_CAL_BUDDHIST);
	assert_int_equal(cfg.color, CFG_AUTO);
	assert_int_equal(cfg.line_drawing, CFG_LINES_AUTO);
	assert_int_equal(cfg.escdelay, -1);
	assert_string_equal(cfg.level_label[LEVEL_PEOPLE], "ประชาชน");
	assert_string_equal(cfg.level_label[LEVEL_STAKEHOLDER], "ภาคี");
	assert_string_equal(cfg.level_label[LEVEL_PROCESS], "กระบวนการ");
	assert_string_equal(cfg.level_label[LEVEL_FOUNDATION], "พื้นฐาน");

	assert_int_equal(cfg.key_activities.n, 7);
	assert_string_equal(cfg.key_activities.v[0].code, "social_measure");
	assert_string_equal(cfg.key_activities.v[3].label, "การเฝ้าระวังและคัดกรอง");
	assert_string_equal(cfg.key_activities.v[6].code, "support");
	assert_string_equal(config_label(&cfg.key_activities, "collaboration"), "การประสานภาคี");

	assert_int_equal(cfg.support_frames.n, 6);
	for (i = 0; i < 6; i++) {
		char num[4];

		snprintf(num, sizeof num, "%zu", i + 1);
		assert_string_equal(cfg.support_frames.v[i].code, num);
	}
	assert_string_equal(config_label(&cfg.support_frames, "2"),
			    "การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์และการจัดการค่ากลาง");
	assert_int_equal(cfg.support_sources.n, 4);
	assert_string_equal(config_label(&cfg.support_sources, "fund"), "กองทุนฯ ตำบล");
	assert_string_equal(config_label(&cfg.support_sources, "local"), "อปท.");

	assert_true(cfg.rank_thresholds[0] == 20 && cfg.rank_thresholds[1] == 40 &&
		    cfg.rank_thresholds[2] == 60 && cfg.rank_thresholds[3] == 80);
	assert_true(cfg.partial_weight == 0.5);

	assert_int_equal(cfg.slm_columns.n, 8);
	assert_string_equal(cfg.slm_columns.v[0].code, "approach");
	assert_string_equal(cfg.slm_columns.v[3].label, "พื้นที่/เวที");
	assert_string_equal(cfg.slm_columns.v[7].code, "social_measures");

	assert_int_equal(cfg.ntemplates, 3);
	assert_string_equal(cfg.templates[0].name, "aar4");
	assert_string_equal(cfg.templates[1].name, "gotoknow4");
	assert_string_equal(cfg.templates[2].name, "lessons8");
	assert_string_equal(cfg.aar_default, "aar4");
	t = config_template(&cfg, "gotoknow4");
	assert_non_null(t);
	assert_int_equal(t->sections.n, 4);
	assert_string_equal(config_label(&t->sections, "fell_short"), "อะไรยังไม่ได้ตามคาด");
	t = config_template(&cfg, "lessons8");
	assert_non_null(t);
	assert_int_equal(t->sections.n, 8);
	assert_string_equal(t->sections.v[7].label, "ความรู้ ทักษะ ข้อเสนอแนะ");
	assert_null(config_template(&cfg, "nope"));

	assert_int_equal(cfg.keys.n, ACT_COUNT);
	for (i = 0; i < ACT_COUNT; i++) {
		assert_string_equal(cfg.keys.v[i].code, action_table[i].name);
		assert_string_equal(cfg.keys.v[i].label, action_table[i].default_keys);
	}
	config_free(&cfg);
}

static void test_defaults_entries(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	size_t i;
	int last = 0;

	(void)state;
	assert_int_equal(config_defaults(&cfg, &err), 0);
	/* office 5, database 3, ui 5, levels 4, activities 7, frames 6,
	 * sources 4, rank 2, slm 1 + 8, aar 2, templates (title, sections and
	 * labels) 6 + 6 + 10, keys, exchange 3. */
	assert_int_equal(cfg.nentries, 5 + 3 + 5 + 4 + 7 + 6 + 4 + 2 + 9 + 2 + 22 + ACT_COUNT + 3);
	for (i = 0; i < cfg.nentries; i++) {
		int r = section_rank(cfg.entries[i].section);

		assert_true(r >= last);
		last = r;
		assert_string_equal(cfg.entries[i].origin, "built-in");
		assert_int_equal(cfg.entries[i].line, 0);
	}
	assert_string_equal(cfg.entries[0].key, "code");
	assert_entry(&cfg, "ui", "escdelay", "", "built-in", 0);
	assert_entry(&cfg, "database", "wait", "60", "built-in", 0);
	assert_int_equal(cfg.db_wait, 60);
	assert_entry(&cfg, "levels", "people", "ประชาชน", "built-in", 0);
	assert_entry(&cfg, "rank", "thresholds", "20,40,60,80", "built-in", 0);
	assert_entry(&cfg, "rank", "partial_weight", "0.5", "built-in", 0);
	assert_entry(&cfg, "aar", "templates", "aar4, gotoknow4, lessons8", "built-in", 0);
	assert_entry(&cfg, "template.aar4", "sections", "expected, happened, why, next",
		     "built-in", 0);
	assert_entry(&cfg, "template.lessons8", "title", "ถอดบทเรียน 8 หัวข้อ", "built-in", 0);
	assert_string_equal(config_template_title(&cfg, "gotoknow4"), "GotoKnow 4 คำถาม");
	assert_string_equal(config_template_title(&cfg, "ward"), "ward");   /* not ours */
	assert_entry(&cfg, "slm", "column.arena", "พื้นที่/เวที", "built-in", 0);
	assert_entry(&cfg, "keys", "quit", "Q Ctrl-C", "built-in", 0);
	config_free(&cfg);
	config_free(&cfg);    /* safe twice */
}

static void test_null_path_is_defaults(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };

	(void)state;
	assert_int_equal(config_load(&cfg, NULL, &err), 0);
	assert_string_equal(cfg.office_code, "office");
	config_free(&cfg);
}

static void test_level_names(void **state)
{
	(void)state;
	assert_int_equal(config_level_from_name("people"), LEVEL_PEOPLE);
	assert_int_equal(config_level_from_name("foundation"), LEVEL_FOUNDATION);
	assert_int_equal(config_level_from_name("ประชาชน"), -1);
	assert_int_equal(config_level_from_name(NULL), -1);
	assert_string_equal(config_level_name(LEVEL_STAKEHOLDER), "stakeholder");
	assert_string_equal(config_level_name(LEVEL_PROCESS), "process");
	assert_null(config_level_name(LEVEL_COUNT));
}

/* ---- The sample file ----------------------------------------------------- */

static void test_sample_file(void **state)
{
	struct config cfg, def;
	struct rm_error err = { 0, "" };
	size_t i, checked = 0;

	(void)state;
	if (config_load(&cfg, SAMPLE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(config_defaults(&def, &err), 0);
	assert_string_equal(cfg.path, SAMPLE);
	assert_string_equal(cfg.office_code, "KKN-PHO");
	assert_string_equal(cfg.office_name, "สำนักงานสาธารณสุขจังหวัดขอนแก่น");
	assert_string_equal(cfg.office_short_name, "สสจ.ขอนแก่น");
	assert_string_equal(cfg.office_level, "province");
	assert_string_equal(cfg.office_parent, "ODPC6");

	/* Every non-office value equals the built-in default ... */
	assert_int_equal(cfg.nentries, def.nentries);
	for (i = 0; i < def.nentries; i++) {
		const struct cfg_entry *d = &def.entries[i];
		const struct cfg_entry *e;

		if (strcmp(d->section, "office") == 0)
			continue;
		e = entry_find(&cfg, d->section, d->key);
		if (!e)
			fail_msg("sample file lacks [%s] %s", d->section, d->key);
		if (strcmp(e->value, d->value) != 0)
			fail_msg("[%s] %s: sample has \"%s\", built-in is \"%s\"", d->section,
				 d->key, e->value, d->value);
		/* ... and the file writes each one, except the unset ones. */
		if (strcmp(d->section, "database") == 0 || strcmp(d->section, "exchange") == 0 ||
		    (strcmp(d->section, "ui") == 0 && strcmp(d->key, "escdelay") == 0)) {
			assert_string_equal(e->origin, "built-in");
		} else {
			if (e->line <= 0)
				fail_msg("sample file does not write [%s] %s", d->section, d->key);
			assert_string_equal(e->origin, SAMPLE);
		}
		checked++;
	}
	assert_int_equal(checked, def.nentries - 5);
	/* The file's values, structurally. */
	assert_int_equal(cfg.key_activities.n, def.key_activities.n);
	assert_int_equal(cfg.support_frames.n, 6);
	assert_int_equal(cfg.ntemplates, 3);
	for (i = 0; i < ACT_COUNT; i++)
		assert_string_equal(cfg.keys.v[i].label, action_table[i].default_keys);
	assert_entry(&cfg, "office", "code", "KKN-PHO", SAMPLE, 15);
	config_free(&cfg);
	config_free(&def);
}

/* ---- Fixtures that load -------------------------------------------------- */

static void test_district_round_trip(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	const struct cfg_template *t;

	(void)state;
	if (config_load(&cfg, DISTRICT, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(cfg.office_name, "สำนักงานสาธารณสุขอำเภอน้ำพอง");
	assert_string_equal(cfg.office_short_name, "สสอ.น้ำพอง");
	assert_string_equal(cfg.office_level, "district");
	assert_string_equal(cfg.office_parent, "KKN-PHO");
	assert_string_equal(cfg.db_path, "/srv/routemap/NPG-DHO.db");
	assert_string_equal(cfg.db_shared_group, "planning");
	assert_int_equal(cfg.language, CFG_LANG_EN);
	assert_int_equal(cfg.calendar, CFG_CAL_GREGORIAN);
	assert_int_equal(cfg.color, CFG_OFF);
	assert_int_equal(cfg.line_drawing, CFG_LINES_ASCII);
	assert_int_equal(cfg.escdelay, 50);    /* Thai digits ๕๐ */
	assert_string_equal(cfg.level_label[LEVEL_PEOPLE], "ประชาชนอำเภอน้ำพอง");
	assert_string_equal(cfg.level_label[LEVEL_FOUNDATION], "องค์กรและพื้นฐาน");
	assert_string_equal(cfg.level_label[LEVEL_STAKEHOLDER], "ภาคี");

	/* The section replaces the built-in activities, in file order. */
	assert_int_equal(cfg.key_activities.n, 3);
	assert_string_equal(cfg.key_activities.v[0].code, "surveillance");
	assert_string_equal(cfg.key_activities.v[0].label, "การเฝ้าระวัง คัดกรอง และสอบสวนโรค");
	assert_string_equal(cfg.key_activities.v[2].code, "support");
	assert_null(config_label(&cfg.key_activities, "social_measure"));

	/* Frames by number (๒ is 2), quoted ; and # kept. */
	assert_int_equal(cfg.support_frames.n, 3);
	assert_string_equal(cfg.support_frames.v[0].code, "1");
	assert_string_equal(cfg.support_frames.v[1].code, "2");
	assert_string_equal(cfg.support_frames.v[1].label,
			    "การช่วยเหลือเรื่องการใช้แผนที่ฯ และการจัดการค่ากลาง");
	assert_string_equal(cfg.support_frames.v[2].label, "การพัฒนาสมรรถนะแกนนำ; ภาครัฐ # เอกชน");

	assert_string_equal(config_label(&cfg.support_sources, "local"),
			    "องค์กรปกครองส่วนท้องถิ่น");
	assert_string_equal(config_label(&cfg.support_sources, "fund"), "กองทุนฯ ตำบล");

	assert_true(cfg.rank_thresholds[0] == 25 && cfg.rank_thresholds[1] == 50 &&
		    cfg.rank_thresholds[2] == 62.5 && cfg.rank_thresholds[3] == 80);
	assert_true(cfg.partial_weight == 0.25);

	assert_int_equal(cfg.slm_columns.n, 3);
	assert_string_equal(cfg.slm_columns.v[0].label, "วิธีการ/กลวิธี");
	assert_string_equal(cfg.slm_columns.v[1].code, "budget");
	assert_string_equal(cfg.slm_columns.v[1].label, "งบประมาณ (บาท)");
	assert_string_equal(cfg.slm_columns.v[2].label, "ผู้ดำเนินการ");    /* built-in */

	assert_int_equal(cfg.ntemplates, 2);
	assert_string_equal(cfg.aar_default, "ward");
	t = config_template(&cfg, "ward");
	assert_non_null(t);
	assert_int_equal(t->sections.n, 2);
	assert_string_equal(t->sections.v[0].label, "สิ่งที่ทำในตำบล");
	/* A "\" continuation: iniparser keeps the blanks of both lines. */
	assert_string_equal(t->sections.v[1].label, "สิ่งที่เรียนรู้    และจะทำต่อ");
	assert_null(config_template(&cfg, "lessons8"));
	assert_string_equal(config_template_title(&cfg, "ward"), "ward");   /* no title given */

	/* Keys as written; entries canonical, with their lines. */
	assert_string_equal(config_label(&cfg.keys, "quit"), "Q ^c F10");
	assert_string_equal(config_label(&cfg.keys, "back"), "ๆ Esc");
	assert_string_equal(config_label(&cfg.keys, "search"), "/");

	assert_entry(&cfg, "office", "name", "สำนักงานสาธารณสุขอำเภอน้ำพอง", DISTRICT, 4);
	assert_entry(&cfg, "ui", "escdelay", "50", DISTRICT, 18);
	assert_entry(&cfg, "levels", "people", "ประชาชนอำเภอน้ำพอง", DISTRICT, 21);
	assert_entry(&cfg, "levels", "process", "กระบวนการ", "built-in", 0);
	assert_entry(&cfg, "support_frames", "2",
		     "การช่วยเหลือเรื่องการใช้แผนที่ฯ และการจัดการค่ากลาง", DISTRICT, 30);
	assert_entry(&cfg, "support_frames", "1", "การประเมินผล ป้อนกลับ และเสนอนโยบาย",
		     DISTRICT, 31);
	assert_entry(&cfg, "support_sources", "region", "เขต", "built-in", 0);
	assert_entry(&cfg, "rank", "thresholds", "25,50,62.5,80", DISTRICT, 38);
	assert_entry(&cfg, "slm", "columns", "approach, budget, actor", DISTRICT, 42);
	assert_entry(&cfg, "slm", "column.actor", "ผู้ดำเนินการ", "built-in", 0);
	assert_entry(&cfg, "slm", "column.budget", "งบประมาณ (บาท)", DISTRICT, 43);
	assert_entry(&cfg, "aar", "default", "ward", DISTRICT, 48);
	assert_entry(&cfg, "template.aar4", "why", "ทำไมจึงแตกต่าง", "built-in", 0);
	assert_entry(&cfg, "template.ward", "learned", "สิ่งที่เรียนรู้    และจะทำต่อ", DISTRICT, 53);
	assert_entry(&cfg, "keys", "quit", "Q Ctrl-C F10", DISTRICT, 59);
	assert_entry(&cfg, "keys", "redraw", "Ctrl-L", DISTRICT, 60);
	assert_entry(&cfg, "keys", "search", "/", "built-in", 0);
	assert_null(entry_find(&cfg, "template.gotoknow4", "sections"));
	config_free(&cfg);
}

static void test_entries_sorted(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	size_t i;
	int last = 0;

	(void)state;
	if (config_load(&cfg, DISTRICT, &err) != 0)
		fail_msg("%s", err.msg);
	for (i = 0; i < cfg.nentries; i++) {
		int r = section_rank(cfg.entries[i].section);

		if (r < last)
			fail_msg("entry %zu [%s] %s out of order", i, cfg.entries[i].section,
				 cfg.entries[i].key);
		last = r;
	}
	assert_int_equal(last, 12);   /* [exchange], built in */
	config_free(&cfg);
}

static void test_bom_accepted(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };

	(void)state;
	if (config_load(&cfg, BOM_FILE, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(cfg.office_code, "BNG-HPH");
	assert_string_equal(cfg.office_name, "โรงพยาบาลส่งเสริมสุขภาพตำบลบัวเงิน");
	assert_string_equal(cfg.office_short_name, "รพ.สต.บัวเงิน");
	assert_string_equal(cfg.level_label[LEVEL_PEOPLE], "ประชาชนตำบลบัวเงิน");
	/* Lines count from the first line, BOM or not; CRLF is fine. */
	assert_entry(&cfg, "office", "name", "โรงพยาบาลส่งเสริมสุขภาพตำบลบัวเงิน", BOM_FILE, 4);
	assert_entry(&cfg, "levels", "people", "ประชาชนตำบลบัวเงิน", BOM_FILE, 10);
	config_free(&cfg);
}

static void test_bom_error_line(void **state)
{
	(void)state;
	expect_error("\xEF\xBB\xBF" HEAD "[ui]\ncalendar = จันทรคติ\n",
		     "FILE:5: [ui] calendar: \"จันทรคติ\" is not allowed; expected buddhist "
		     "or gregorian");
}

static void test_short_name_defaults_to_name(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD);
	assert_string_equal(cfg.office_short_name, "สำนักงานทดสอบ");
	assert_string_equal(cfg.office_level, "unit");
	assert_entry(&cfg, "office", "short_name", "สำนักงานทดสอบ", fixture, 3);
	config_free(&cfg);
}

static void test_case_insensitive_names(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[UI]\nCalendar = Gregorian\n  Color=ON\n");
	assert_int_equal(cfg.calendar, CFG_CAL_GREGORIAN);
	assert_int_equal(cfg.color, CFG_ON);
	assert_entry(&cfg, "ui", "calendar", "gregorian", fixture, 5);
	assert_entry(&cfg, "ui", "color", "on", fixture, 6);
	config_free(&cfg);
}

static void test_quotes_and_comments(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, "# หมายเหตุ\n[office]\n  ; หมายเหตุ\ncode = TST-01 ; ตัดตรงนี้\n"
		"name = \"สสจ.; #1\"   ; หมายเหตุ\nshort_name = 'ชื่อ \"ย่อ\"'\n"
		"[levels]\npeople = ประชาชน#ตัด\n");
	assert_string_equal(cfg.office_code, "TST-01");
	assert_string_equal(cfg.office_name, "สสจ.; #1");
	assert_string_equal(cfg.office_short_name, "ชื่อ \"ย่อ\"");
	assert_string_equal(cfg.level_label[LEVEL_PEOPLE], "ประชาชน");
	config_free(&cfg);
}

static void test_longest_line_accepted(void **state)
{
	char text[2048], label[1100];
	struct config cfg;
	size_t n = 0;

	(void)state;
	/* "name = " is 7 bytes; 338 Thai letters are 1014; one digit: 1022. */
	while (n < 338 * 3) {
		memcpy(label + n, "ก", 3);
		n += 3;
	}
	label[n++] = '1';
	label[n] = '\0';
	snprintf(text, sizeof text, "[office]\ncode = TST-01\nname = %s\n", label);
	load_ok(&cfg, text);
	assert_string_equal(cfg.office_name, label);
	config_free(&cfg);
}

static void test_empty_escdelay_unsets(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[ui]\nescdelay =\n");
	assert_int_equal(cfg.escdelay, -1);
	assert_entry(&cfg, "ui", "escdelay", "", fixture, 5);
	config_free(&cfg);
	load_ok(&cfg, HEAD "[ui]\nescdelay = 0\n");
	assert_int_equal(cfg.escdelay, 0);
	config_free(&cfg);
	load_ok(&cfg, HEAD "[ui]\nescdelay = 042\n");
	assert_int_equal(cfg.escdelay, 42);    /* decimal, not octal */
	config_free(&cfg);
}

static void test_key_override(void **state)
{
	struct config cfg;

	(void)state;
	/* n leaves search_next, so add may take it; ๆ is q on a Thai keyboard. */
	load_ok(&cfg, HEAD "[keys]\nsearch_next = m\nadd = n\nmove_up = Up k ๆ\n"
		"redraw = c-l F5\n");
	assert_string_equal(config_label(&cfg.keys, "add"), "n");
	assert_string_equal(config_label(&cfg.keys, "move_up"), "Up k ๆ");
	assert_string_equal(config_label(&cfg.keys, "move_down"), "Down j");
	assert_entry(&cfg, "keys", "add", "n", fixture, 6);
	assert_entry(&cfg, "keys", "redraw", "Ctrl-L F5", fixture, 8);
	assert_entry(&cfg, "keys", "edit", "e", "built-in", 0);
	config_free(&cfg);
}

/* ---- Errors: the file as a whole ----------------------------------------- */

static void test_missing_file(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };

	(void)state;
	assert_int_equal(config_load(&cfg, "tests/data/config/ไม่มี.ini", &err), -1);
	/* what happened and what to do, the system's words after it */
	assert_string_equal(err.msg, "tests/data/config/ไม่มี.ini: cannot open: there is no such "
			    "file or folder: check the name and the path (No such file or directory)");
	assert_int_equal(err.status, RM_EXIT_USAGE);
	assert_null(cfg.office_code);
	config_free(&cfg);
}

static void test_line_too_long(void **state)
{
	char text[2048];

	(void)state;
	snprintf(text, sizeof text, HEAD "[levels]\npeople = %01091d\n", 0);
	memcpy(strstr(text, "people = ") + 9, "ประชาชน", strlen("ประชาชน"));
	expect_error(text, "FILE:5: the line is 1100 bytes long; the limit is 1022 bytes "
		     "per line (iniparser's limit)");
}

static void test_line_one_byte_too_long(void **state)
{
	char text[2048], label[1100];
	size_t n = 0;

	(void)state;
	/* As test_longest_line_accepted, with one more digit: 1023 bytes. */
	while (n < 338 * 3) {
		memcpy(label + n, "ก", 3);
		n += 3;
	}
	memcpy(label + n, "12", 3);
	snprintf(text, sizeof text, "[office]\ncode = TST-01\nname = %s\n", label);
	expect_error(text, "FILE:3: the line is 1023 bytes long; the limit is 1022 bytes "
		     "per line (iniparser's limit)");
}

static void test_joined_line_too_long(void **state)
{
	char text[2048];
	size_t n;

	(void)state;
	/* Line 5: "people = " and 197 Thai letters, 600 bytes, then "\";
	 * line 6: 600 bytes.  Each fits; joined they do not. */
	snprintf(text, sizeof text, HEAD "[levels]\npeople = ");
	n = strlen(text);
	for (int i = 0; i < 197; i++) {
		memcpy(text + n, "ก", 3);
		n += 3;
	}
	memcpy(text + n, "\\\n", 2);
	n += 2;
	memset(text + n, 'x', 600);
	n += 600;
	text[n++] = '\n';
	text[n] = '\0';
	expect_error(text, "FILE:6: the line joined by \\ from line 5 is 1200 bytes long; the "
		     "limit is 1022 bytes (iniparser's limit)");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* "การ" in TIS-620, the usual culprit. */
	expect_error(HEAD "[levels]\npeople = \xA1\xD2\xC3\n",
		     "FILE:5: invalid UTF-8 (byte 0xA1 at byte 10 of the line); save the "
		     "file as UTF-8");
	/* An overlong 3-byte "/", a UTF-16 surrogate, beyond U+10FFFF. */
	expect_error(HEAD "[levels]\npeople = ก\xE0\x80\xAF\n",
		     "FILE:5: invalid UTF-8 (byte 0xE0 at byte 13 of the line); save the "
		     "file as UTF-8");
	expect_error(HEAD "[levels]\npeople = \xED\xA0\x80\n",
		     "FILE:5: invalid UTF-8 (byte 0xED at byte 10 of the line); save the "
		     "file as UTF-8");
	expect_error(HEAD "[levels]\npeople = \xF4\x90\x80\x80\n",
		     "FILE:5: invalid UTF-8 (byte 0xF4 at byte 10 of the line); save the "
		     "file as UTF-8");
	/* An overlong encoding of "/". */
	expect_error(HEAD "; หมายเหตุ \xC0\xAF\n",
		     "FILE:4: invalid UTF-8 (byte 0xC0 at byte 28 of the line); save the "
		     "file as UTF-8");
}

static void test_nul_byte(void **state)
{
	static const char text[] = HEAD "[levels]\npeople = ประ\0ชาชน\n";

	(void)state;
	expect_error_n(text, sizeof text - 1, "FILE:5: a NUL byte at byte 19; this is not a "
		       "text file");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	expect_error(HEAD "นี่ไม่ใช่ ini\n",
		     "FILE:4: syntax error: expected [section], key = value, or a comment "
		     "starting with ; or #");
	expect_error(HEAD "[ui\n", "FILE:4: syntax error: a section line must end with ], "
		     "as in [office]");
	expect_error(HEAD "[ui] ; หน้าจอ\n", "FILE:4: syntax error: a section line must end "
		     "with ], as in [office]");
	expect_error(HEAD "[ ]\n", "FILE:4: syntax error: empty section name []; expected a "
		     "name, as in [office]");
	expect_error(HEAD "[levels]\n = ประชาชน\n", "FILE:5: syntax error: no key name "
		     "before =; expected key = value");
	expect_error("code = TST-01\n[office]\nname = สำนักงาน\n",
		     "FILE:1: syntax error: a key before the first section; put it under a "
		     "[section] line");
	expect_error(HEAD "[levels]\npeople = \"ประชาชน\n",
		     "FILE:5: syntax error: the value has no closing \"");
	expect_error(HEAD "[levels]\npeople = \"ประชาชน\" ทั่วไป\n",
		     "FILE:5: syntax error: text after the closing quote; only a comment "
		     "(; or #) may follow it");
}

static void test_continuation_errors(void **state)
{
	(void)state;
	expect_error(HEAD "; หมายเหตุ \\\n[ui]\n",
		     "FILE:4: a comment line ends with \\, which would join the next line "
		     "to the comment; remove the \\");
	expect_error(HEAD "[levels]\npeople = ประชาชน \\\n",
		     "FILE:5: the last line ends with \\ (continued on the next line) but no "
		     "line follows; remove the \\");
}

static void test_duplicate_key(void **state)
{
	(void)state;
	expect_error(HEAD "code = TST-02\n",
		     "FILE:4: [office] code: given twice (first on line 2); iniparser would "
		     "silently keep the last one, so remove one of them");
	expect_error(HEAD "[levels]\npeople = ประชาชน\nPeople = ชาวบ้าน\n",
		     "FILE:6: [levels] people: given twice (first on line 5); iniparser "
		     "would silently keep the last one, so remove one of them");
}

static void test_duplicate_section(void **state)
{
	(void)state;
	expect_error(HEAD "[ui]\nlanguage = th\n[levels]\npeople = ประชาชน\n[UI]\n",
		     "FILE:8: section [ui] appears twice (first on line 4); put all its keys "
		     "under one [ui]");
	expect_error(HEAD "[office]\n",
		     "FILE:4: section [office] appears twice (first on line 1); put all its "
		     "keys under one [office]");
}

static void test_missing_office_code(void **state)
{
	(void)state;
	expect_error("; สำนักงาน\n[office]\nname = สำนักงานทดสอบ\n",
		     "FILE:2: [office] code: missing; every office file needs the office's "
		     "code (letters, digits and -), e.g. code = KKN-PHO");
	expect_error("[levels]\npeople = ประชาชน\n",
		     "FILE: [office] code: missing; every office file needs the office's "
		     "code (letters, digits and -), e.g. code = KKN-PHO");
}

/* ---- Errors: names ------------------------------------------------------ */

static void test_unknown_section(void **state)
{
	(void)state;
	expect_error("[ofice]\ncode = TST-01\nname = สำนักงานทดสอบ\n",
		     "FILE:1: unknown section [ofice]; did you mean [office]?");
	expect_error(HEAD "[templates.ward]\nsections = done\ndone = สิ่งที่ทำ\n",
		     "FILE:4: unknown section [templates.ward]; did you mean [template.ward]?");
	expect_error(HEAD "[สำนักงาน]\n",
		     "FILE:4: unknown section [สำนักงาน]; expected office, database, ui, levels, "
		     "key_activities, support_frames, support_sources, rank, slm, aar, "
		     "template.NAME, keys or exchange");
	expect_error(HEAD "[template.Ward-1]\n",
		     "FILE:4: section [template.ward-1]: not a valid template name; expected "
		     "[template.NAME] where NAME is a lowercase letter, then letters a-z, "
		     "digits or _");
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_error(HEAD "[ui]\ncalender = buddhist\n",
		     "FILE:5: [ui] calender: unknown key; did you mean calendar?");
	expect_error(HEAD "[ui]\nlang = th\n",
		     "FILE:5: [ui] lang: unknown key; did you mean language?");
	expect_error(HEAD "[ui]\nescape_delay = 25\n",
		     "FILE:5: [ui] escape_delay: unknown key; did you mean escdelay?");
	expect_error(HEAD "[ui]\ntheme = dark\n",
		     "FILE:5: [ui] theme: unknown key; expected language, calendar, color, "
		     "line_drawing or escdelay");
	expect_error(HEAD "[support_sources]\ntambon = ตำบล\n",
		     "FILE:5: [support_sources] tambon: unknown key; expected fund, province, "
		     "region or local");
	expect_error(HEAD "[keys]\nserch = /\n",
		     "FILE:5: [keys] serch: unknown action; did you mean search?");
	expect_error(HEAD "[slm]\ncolums = approach\n",
		     "FILE:5: [slm] colums: unknown key; did you mean columns?");
	expect_error(HEAD "[aar]\ntemplates = aar4, ward\n[template.ward]\nsection = done\n"
		     "done = สิ่งที่ทำ\n",
		     "FILE:7: [template.ward] section: unknown key; did you mean sections?");
}

/* ---- Errors: values ------------------------------------------------------ */

static void test_bad_enums(void **state)
{
	(void)state;
	expect_error(HEAD "[ui]\ncalendar = lunar\n",
		     "FILE:5: [ui] calendar: \"lunar\" is not allowed; expected buddhist or "
		     "gregorian");
	expect_error(HEAD "[ui]\nlanguage = ไทย\n",
		     "FILE:5: [ui] language: \"ไทย\" is not allowed; expected th or en");
	expect_error(HEAD "[ui]\ncolor = yes\n",
		     "FILE:5: [ui] color: \"yes\" is not allowed; expected auto, on or off");
	expect_error(HEAD "[ui]\nline_drawing = \n",
		     "FILE:5: [ui] line_drawing: \"\" is not allowed; expected auto, unicode "
		     "or ascii");
	expect_error(HEAD "level = จังหวัด\n",
		     "FILE:4: [office] level: \"จังหวัด\" is not allowed; expected region, "
		     "province, district, fund or unit");
}

static void test_bad_escdelay(void **state)
{
	(void)state;
	expect_error(HEAD "[ui]\nescdelay = 25ms\n",
		     "FILE:5: [ui] escdelay: \"25ms\" is not allowed; expected whole "
		     "milliseconds from 0 to 10000 (e.g. 25), or nothing to leave it unset");
	expect_error(HEAD "[ui]\nescdelay = 10001\n",
		     "FILE:5: [ui] escdelay: \"10001\" is not allowed; expected whole "
		     "milliseconds from 0 to 10000 (e.g. 25), or nothing to leave it unset");
	expect_error(HEAD "[ui]\nescdelay = -1\n",
		     "FILE:5: [ui] escdelay: \"-1\" is not allowed; expected whole "
		     "milliseconds from 0 to 10000 (e.g. 25), or nothing to leave it unset");
}

static void test_database_wait(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[database]\nwait = ๑๒๐\n");
	assert_int_equal(cfg.db_wait, 120);
	config_free(&cfg);
	expect_error(HEAD "[database]\nwait = 0\n",
		     "FILE:5: [database] wait: \"0\" is not allowed; expected whole seconds "
		     "from 1 to 3600 (e.g. 60)");
	expect_error(HEAD "[database]\nwait = 1 นาที\n",
		     "FILE:5: [database] wait: \"1 นาที\" is not allowed; expected whole seconds "
		     "from 1 to 3600 (e.g. 60)");
}

static void test_bad_office(void **state)
{
	(void)state;
	expect_error("[office]\ncode = สสจ\nname = สำนักงานทดสอบ\n",
		     "FILE:2: [office] code: \"สสจ\" is not allowed; expected letters A-Z, "
		     "digits and - (at most 32, not starting with -), e.g. KKN-PHO");
	expect_error("[office]\ncode = -KKN\nname = สำนักงานทดสอบ\n",
		     "FILE:2: [office] code: \"-KKN\" is not allowed; expected letters A-Z, "
		     "digits and - (at most 32, not starting with -), e.g. KKN-PHO");
	expect_error(HEAD "parent = ODPC 6\n",
		     "FILE:4: [office] parent: \"ODPC 6\" is not allowed; expected the parent "
		     "office's code (letters A-Z, digits and -, e.g. ODPC6) or nothing");
	expect_error(HEAD "parent = TST-01\n",
		     "FILE:4: [office] parent: \"TST-01\" is this office's own code; expected "
		     "the code of the office above it, or nothing");
	expect_error("[office]\ncode = TST-01\nname =\n",
		     "FILE:3: [office] name: empty; expected a label (text such as ประชาชน)");
	expect_error(HEAD "[database]\nshared_group = Planning\n",
		     "FILE:5: [database] shared_group: \"Planning\" is not allowed; expected a "
		     "group name (a lowercase letter or _, then a-z, 0-9, _ or -, at most "
		     "32), e.g. planning, or nothing");
}

static void test_key_activities(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[key_activities]\nlearning = การเรียนรู้\nsocial_measure = "
		"มาตรการสังคม\n");
	assert_int_equal(cfg.key_activities.n, 2);
	assert_string_equal(cfg.key_activities.v[0].code, "learning");
	assert_string_equal(cfg.key_activities.v[1].label, "มาตรการสังคม");
	assert_entry(&cfg, "key_activities", "social_measure", "มาตรการสังคม", fixture, 6);
	config_free(&cfg);
	expect_error(HEAD "[key_activities]\nsocial measure = มาตรการทางสังคม\n",
		     "FILE:5: [key_activities] social measure: not a valid code; expected a "
		     "lowercase letter, then letters a-z, digits or _ (e.g. social_measure = "
		     "มาตรการทางสังคม)");
	expect_error(HEAD "[key_activities]\n; ยังไม่มี\n[ui]\n",
		     "FILE:4: section [key_activities] is empty; list the office's key "
		     "activities as code = label, or remove the section to use the built-in "
		     "ones");
	expect_error(HEAD "[key_activities]\nlearning = \"\"\n",
		     "FILE:5: [key_activities] learning: empty; expected a label (text such "
		     "as ประชาชน)");
}

static void test_support_frames(void **state)
{
	(void)state;
	expect_error(HEAD "[support_frames]\n1 = การประเมินผล\n2 = การช่วยเหลือ\n"
		     "4 = การสนับสนุนการสร้างนวัตกรรม\n",
		     "FILE:7: [support_frames] 4: frame 3 is missing; number the frames 1, "
		     "2, 3 … without gaps");
	expect_error(HEAD "[support_frames]\n2 = การช่วยเหลือ\n",
		     "FILE:5: [support_frames] 2: frame 1 is missing; number the frames 1, "
		     "2, 3 … without gaps");
	expect_error(HEAD "[support_frames]\n1 = การประเมินผล\n๑ = การประเมินผลอีกครั้ง\n",
		     "FILE:6: [support_frames] ๑: frame 1 is given twice (first on line 5)");
	expect_error(HEAD "[support_frames]\n01 = การประเมินผล\n",
		     "FILE:5: [support_frames] 01: not a frame number; expected the numbers "
		     "1, 2, 3 … (up to 999) without gaps (e.g. 1 = การประเมินผล ป้อนกลับ "
		     "และเสนอนโยบาย)");
}

static void test_support_sources(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[support_sources]\nfund = กองทุนหลักประกันสุขภาพ อบต.\n");
	assert_int_equal(cfg.support_sources.n, 4);
	assert_string_equal(cfg.support_sources.v[0].label, "กองทุนหลักประกันสุขภาพ อบต.");
	assert_string_equal(cfg.support_sources.v[1].label, "จังหวัด");
	config_free(&cfg);
}

static void test_rank(void **state)
{
	static const char expect[] = "expected four ascending percentages from 0 to 100 "
		"separated by commas, e.g. 20,40,60,80";
	char want[512];
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[rank]\nthresholds = ๑๐.๕ ,30,50.25, 100\npartial_weight = 1\n");
	assert_true(cfg.rank_thresholds[0] == 10.5 && cfg.rank_thresholds[3] == 100);
	assert_true(cfg.partial_weight == 1);
	assert_entry(&cfg, "rank", "thresholds", "10.5,30,50.25,100", fixture, 5);
	config_free(&cfg);

	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,40,60\" has 3 numbers; %s",
		 expect);
	expect_error(HEAD "[rank]\nthresholds = 20,40,60\n", want);
	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,40,60,80,90\" has more "
		 "than four numbers; %s", expect);
	expect_error(HEAD "[rank]\nthresholds = 20,40,60,80,90\n", want);
	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,40,40,80\" is not "
		 "ascending; %s", expect);
	expect_error(HEAD "[rank]\nthresholds = 20,40,40,80\n", want);
	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,40,60,180\": 180 is over "
		 "100; %s", expect);
	expect_error(HEAD "[rank]\nthresholds = 20,40,60,180\n", want);
	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,40,60,80%%\": \"80%%\" is "
		 "not a number; %s", expect);
	expect_error(HEAD "[rank]\nthresholds = 20,40,60,80%\n", want);
	snprintf(want, sizeof want, "FILE:5: [rank] thresholds: \"20,,60,80\" has an empty or "
		 "overlong number; %s", expect);
	expect_error(HEAD "[rank]\nthresholds = 20,,60,80\n", want);
	expect_error(HEAD "[rank]\npartial_weight = 1.5\n",
		     "FILE:5: [rank] partial_weight: \"1.5\" is not allowed; expected a number "
		     "from 0 to 1, e.g. 0.5");
	expect_error(HEAD "[rank]\npartial_weight = ครึ่ง\n",
		     "FILE:5: [rank] partial_weight: \"ครึ่ง\" is not allowed; expected a "
		     "number from 0 to 1, e.g. 0.5");
}

static void test_slm(void **state)
{
	struct config cfg;

	(void)state;
	load_ok(&cfg, HEAD "[slm]\ncolumn.tool = เครื่องมือ/ขั้นตอน\n");
	assert_int_equal(cfg.slm_columns.n, 8);
	assert_string_equal(config_label(&cfg.slm_columns, "tool"), "เครื่องมือ/ขั้นตอน");
	config_free(&cfg);

	expect_error(HEAD "[slm]\ncolumns = approach, budget\n",
		     "FILE:5: [slm] columns: column \"budget\" has no label; add a line "
		     "column.budget = LABEL");
	expect_error(HEAD "[slm]\ncolumns = approach, actor\ncolumn.actor = ผู้ทำ\n"
		     "column.tool = เครื่องมือ\n",
		     "FILE:7: [slm] column.tool: \"tool\" is not in columns (line 5); add it "
		     "to [slm] columns or remove this line");
	expect_error(HEAD "[slm]\ncolumn.budget = งบประมาณ\n",
		     "FILE:5: [slm] column.budget: \"budget\" is not one of the built-in "
		     "columns; list the columns in [slm] columns, or remove this line");
	expect_error(HEAD "[slm]\ncolumns = approach,, actor\n",
		     "FILE:5: [slm] columns: an empty name between commas in \"approach,, "
		     "actor\"; expected names separated by commas, e.g. approach, actor, "
		     "target_group");
	expect_error(HEAD "[slm]\ncolumns = approach, approach\n",
		     "FILE:5: [slm] columns: \"approach\" is listed twice");
	expect_error(HEAD "[slm]\ncolumns =\n",
		     "FILE:5: [slm] columns: empty; expected one or more names separated by "
		     "commas, e.g. approach, actor, target_group");
}

static void test_aar_templates(void **state)
{
	struct config cfg;

	(void)state;
	/* A file template may replace a built-in one. */
	load_ok(&cfg, HEAD "[aar]\ntemplates = aar4\n[template.aar4]\nsections = plan, "
		"result\nplan = แผน\nresult = ผล\n");
	assert_int_equal(cfg.ntemplates, 1);
	assert_int_equal(cfg.templates[0].sections.n, 2);
	assert_string_equal(cfg.templates[0].sections.v[1].label, "ผล");
	/* a section of a built-in template keeps its title */
	assert_string_equal(config_template_title(&cfg, "aar4"), "AAR 4 คำถาม");
	config_free(&cfg);
	load_ok(&cfg, HEAD "[aar]\ntemplates = aar4, mine\n[template.mine]\ntitle = ทบทวนงานของเรา\n"
		"sections = a\na = ก\n");
	assert_string_equal(config_template_title(&cfg, "mine"), "ทบทวนงานของเรา");
	assert_string_equal(config_template_title(&cfg, "aar4"), "AAR 4 คำถาม");
	config_free(&cfg);
	expect_error(HEAD "[aar]\ntemplates = aar4, mine\n[template.mine]\nsections = a, title\n"
		     "a = ก\ntitle = ข\n",
		     "FILE:7: [template.mine] sections: \"title\" cannot be a section key; choose "
		     "another name");

	expect_error(HEAD "[aar]\ntemplates = aar4, mine\n",
		     "FILE:5: [aar] templates: template \"mine\" is neither built in (aar4, "
		     "gotoknow4 or lessons8) nor defined in a [template.mine] section");
	expect_error(HEAD "[template.mine]\nsections = a\na = ก\n",
		     "FILE:4: section [template.mine] defines template \"mine\", but [aar] "
		     "templates does not list it; add it to templates");
	expect_error(HEAD "[aar]\ntemplates = aar4, mine\n[template.mine]\na = ก\n",
		     "FILE:6: [template.mine] sections: missing; a template section lists its "
		     "section keys, e.g. sections = expected, happened, why, next, and gives "
		     "a label for each");
	expect_error(HEAD "[aar]\ntemplates = aar4, mine\n[template.mine]\nsections = a, b\n"
		     "a = ก\n",
		     "FILE:7: [template.mine] sections: section \"b\" has no label; add a "
		     "line b = LABEL");
	expect_error(HEAD "[aar]\ntemplates = aar4, mine\n[template.mine]\nsections = a\n"
		     "a = ก\nb = ข\n",
		     "FILE:9: [template.mine] b: \"b\" is not in sections (line 7); add it "
		     "there or remove this line");
	expect_error(HEAD "[aar]\ndefault = lessons9\n",
		     "FILE:5: [aar] default: \"lessons9\" is not allowed; expected one of the "
		     "templates: aar4, gotoknow4 or lessons8");
	expect_error(HEAD "[aar]\ntemplates = gotoknow4, lessons8\n",
		     "FILE:5: [aar] templates: the default template aar4 is not listed; add "
		     "it, or set [aar] default to one of gotoknow4 or lessons8");
	expect_error(HEAD "[aar]\ntemplates = aar4 gotoknow4\n",
		     "FILE:5: [aar] templates: \"aar4 gotoknow4\" is not a valid name; "
		     "expected names (a lowercase letter, then letters a-z, digits or _) "
		     "separated by commas, e.g. aar4, gotoknow4, lessons8");
}

static void test_bad_key_name(void **state)
{
	(void)state;
	expect_error(HEAD "[keys]\nredraw = Ctrl-1\n",
		     "FILE:5: [keys] redraw: unknown key \"Ctrl-1\"; Ctrl- must be followed by "
		     "one letter A to Z, or by Left or Right (Ctrl-L, Ctrl-Left)");
	expect_error(HEAD "[keys]\nopen = Return\n",
		     "FILE:5: [keys] open: unknown key \"Return\"; expected one character "
		     "(such as q, G, ? or ก) or a key name: Enter, Esc, Tab, Shift-Tab, Space, "
		     "Backspace, Delete, Insert, Up, Down, Left, Right, PgUp, PgDn, Home, End, "
		     "Ctrl-Left, Ctrl-Right, F1 to F12, Ctrl-A to Ctrl-Z");
	expect_error(HEAD "[keys]\nopen =\n",
		     "FILE:5: [keys] open: no key given; expected one or more keys separated "
		     "by spaces, e.g. \"q Esc\"");
}

static void test_duplicate_binding(void **state)
{
	(void)state;
	/* With a built-in binding. */
	expect_error(HEAD "[keys]\nadd = n\n",
		     "FILE:5: [keys] add: key n is also bound to search_next (by default); a "
		     "key can do only one thing, so bind add or search_next to another key");
	/* Two lines of the file: reported on the later one. */
	expect_error(HEAD "[keys]\nadd = ก\nedit = e\ndelete = x ก\n",
		     "FILE:7: [keys] delete: key ก is also bound to add (on line 5); a key can "
		     "do only one thing, so bind delete or add to another key");
	/* Spelled differently, the same key. */
	expect_error(HEAD "[keys]\nhelp = ^l\n",
		     "FILE:5: [keys] help: key Ctrl-L is also bound to redraw (by default); a "
		     "key can do only one thing, so bind help or redraw to another key");
	expect_error(HEAD "[keys]\nnext_section = Ctrl-I\nopen = Tab\n",
		     "FILE:6: [keys] open: key Tab is also bound to next_section (on line 5); "
		     "a key can do only one thing, so bind open or next_section to another "
		     "key");
}

static void test_error_leaves_config_empty(void **state)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	const char *path = write_fixture(HEAD "[ui]\ncolor = สี\n");

	(void)state;
	assert_int_equal(config_load(&cfg, path, &err), -1);
	assert_null(cfg.path);
	assert_null(cfg.office_name);
	assert_null(cfg.templates);
	assert_int_equal(cfg.key_activities.n, 0);
	assert_null(cfg.keys.v);
	config_free(&cfg);
	/* A NULL error pointer is allowed. */
	assert_int_equal(config_load(&cfg, path, NULL), -1);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_defaults_entries),
		cmocka_unit_test(test_null_path_is_defaults),
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_sample_file),
		cmocka_unit_test(test_district_round_trip),
		cmocka_unit_test(test_entries_sorted),
		cmocka_unit_test(test_bom_accepted),
		cmocka_unit_test(test_bom_error_line),
		cmocka_unit_test(test_short_name_defaults_to_name),
		cmocka_unit_test(test_case_insensitive_names),
		cmocka_unit_test(test_quotes_and_comments),
		cmocka_unit_test(test_longest_line_accepted),
		cmocka_unit_test(test_empty_escdelay_unsets),
		cmocka_unit_test(test_key_override),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_line_too_long),
		cmocka_unit_test(test_line_one_byte_too_long),
		cmocka_unit_test(test_joined_line_too_long),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_continuation_errors),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_duplicate_section),
		cmocka_unit_test(test_missing_office_code),
		cmocka_unit_test(test_unknown_section),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_bad_enums),
		cmocka_unit_test(test_bad_escdelay),
		cmocka_unit_test(test_database_wait),
		cmocka_unit_test(test_bad_office),
		cmocka_unit_test(test_key_activities),
		cmocka_unit_test(test_support_frames),
		cmocka_unit_test(test_support_sources),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_slm),
		cmocka_unit_test(test_aar_templates),
		cmocka_unit_test(test_bad_key_name),
		cmocka_unit_test(test_duplicate_binding),
		cmocka_unit_test(test_error_leaves_config_empty),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
