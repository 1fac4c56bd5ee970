/* inikeys.c - the table of every section and key of the office INI file
 * (see inikeys.h), and the built-in lists its open-ended sections start
 * from.
 *
 * The help texts are English; po/th.po has them in Thai.  A row's expect
 * text ends the message "… is not allowed; expected …" and is shown in
 * the man page's key list.
 */
#include <stddef.h>
#include <string.h>

#include "config_loader.h"
#include "routemap/i18n.h"

/* ---- The built-in lists ------------------------------------------------- */

static const struct ini_label builtin_key_activities[] = {
	{ "social_measure", "มาตรการทางสังคม" },
	{ "community_project", "โครงการชุมชน" },
	{ "communication", "การสื่อสาร" },
	{ "surveillance", "การเฝ้าระวังและคัดกรอง" },
	{ "learning", "การแลกเปลี่ยนเรียนรู้" },
	{ "collaboration", "การประสานภาคี" },
	{ "support", "การสนับสนุน" },
};

static const struct ini_label builtin_support_frames[] = {
	{ "1", "การประเมินผล ป้อนกลับ และเสนอนโยบาย" },
	{ "2", "การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์และการจัดการค่ากลาง" },
	{ "3", "การพัฒนาสมรรถนะแกนนำภาครัฐ เอกชน" },
	{ "4", "การสนับสนุนการสร้างนวัตกรรม" },
	{ "5", "การสนับสนุนการสื่อสารเพื่อปรับเปลี่ยนพฤติกรรม" },
	{ "6", "การสนับสนุนการแลกเปลี่ยนเรียนรู้" },
};


static const struct ini_label builtin_slm_columns[] = {
	{ "approach", "วิธีการ" },
	{ "actor", "ผู้ดำเนินการ" },
	{ "target_group", "กลุ่มเป้าหมาย" },
	{ "arena", "พื้นที่/เวที" },
	{ "tool", "เครื่องมือ" },
	{ "expected_outcome", "ผลลัพธ์ที่คาดหวัง" },
	{ "technical_measures", "มาตรการทางวิชาการ" },
	{ "social_measures", "มาตรการทางสังคม" },
};

static const struct ini_label builtin_aar4[] = {
	{ "expected", "สิ่งที่คาดหวัง" },
	{ "happened", "สิ่งที่เกิดขึ้นจริง" },
	{ "why", "ทำไมจึงแตกต่าง" },
	{ "next", "สิ่งที่จะทำต่อไป" },
};

static const struct ini_label builtin_gotoknow4[] = {
	{ "expected", "คาดหวังอะไร" },
	{ "exceeded", "อะไรได้เกินคาด" },
	{ "fell_short", "อะไรยังไม่ได้ตามคาด" },
	{ "next", "จะทำอย่างไรต่อไป" },
};

static const struct ini_label builtin_lessons8[] = {
	{ "background", "ที่มาของการดำเนินโครงการ" },
	{ "activities", "กิจกรรมที่ทำ" },
	{ "results", "ผลที่เกิดขึ้นตามแผนปฏิบัติการ" },
	{ "progress", "ความก้าวหน้า ความสำเร็จ ความภาคภูมิใจ" },
	{ "success_factors", "ปัจจัยแห่งความสำเร็จ" },
	{ "disappointments", "สิ่งที่ไม่ได้ดังใจ" },
	{ "unexpected_gains", "สิ่งที่ได้โดยไม่คาดหวัง" },
	{ "knowledge", "ความรู้ ทักษะ ข้อเสนอแนะ" },
};

/* Built-in templates; [aar] templates lists them in this order. */
const struct ini_template ini_builtin_templates[] = {
	{ "aar4", "AAR 4 คำถาม", builtin_aar4, NELEM(builtin_aar4) },
	{ "gotoknow4", "GotoKnow 4 คำถาม", builtin_gotoknow4, NELEM(builtin_gotoknow4) },
	{ "lessons8", "ถอดบทเรียน 8 หัวข้อ", builtin_lessons8, NELEM(builtin_lessons8) },
};

#define BUILTIN_AAR_DEFAULT "aar4"

const size_t ini_nbuiltin_templates = NELEM(ini_builtin_templates);

/* ---- The sections ------------------------------------------------------- */

/* In the order of the file and of `routemap config`. */
const struct ini_section ini_sections[] = {
	{ "office", INI_SEC_SAMPLE, N_("who the office is; required in every file"), NULL },
	{ "database", 0, N_("where the office's database is and who shares it"), NULL },
	{ "ui", 0, N_("how the screens read"), NULL },
	{ "levels", 0, N_("the labels of the four rows of the route map, top to bottom"), NULL },
	{ "key_activities", 0, N_("the key activities of a project, as code = label; "
	  "replaces the built-in list"), check_code_key },
	{ "support_frames", 0, N_("the frames supports are filed in, numbered 1, 2, 3 … "
	  "without gaps; replaces the built-in list"), check_frame_key },
	{ "support_sources", 0, N_("the labels of the four sources of support"), NULL },
	{ "rank", 0, N_("how a checklist's coverage becomes its rank"), NULL },
	{ "slm", 0, N_("the columns of an objective's SLM table"), check_slm_key },
	{ "aar", 0, N_("the After Action Review templates the office uses"), NULL },
	{ "template.", INI_SEC_PREFIX, N_("one AAR template: its title, its sections "
	  "and a label for each"), check_template_key },
	{ "keys", 0, N_("the keys of the actions of the screens"), check_action_key },
	{ "exchange", 0, N_("how bundles travel to other offices"), NULL },
};

const size_t ini_nsections = NELEM(ini_sections);

/* ---- The keys ----------------------------------------------------------- */

static const char *const office_levels[] = { "region", "province", "district", "fund", "unit", NULL };
static const char *const ui_languages[] = { "th", "en", NULL };
static const char *const ui_calendars[] = { "buddhist", "gregorian", NULL };
static const char *const ui_colors[] = { "auto", "on", "off", NULL };
static const char *const ui_lines[] = { "auto", "unicode", "ascii", NULL };

#define FIELD(f) offsetof(struct config, f)
#define NONE INI_NO_FIELD
#define LIST(b) b, NELEM(b)
#define NOLIST NULL, 0

/* A label with its default (LEVEL: [levels], SOURCE: [support_sources]). */
#define LEVEL(key, def, help, lvl) \
	{ "levels", key, INI_LABEL, 0, def, NULL, NULL, 0, 0, NULL, help, \
	  FIELD(level_label[lvl]), NOLIST, NULL, NULL }
#define SOURCE(key, def, help) \
	{ "support_sources", key, INI_LABEL, INI_IN_LIST, def, NULL, NULL, 0, 0, NULL, help, \
	  FIELD(support_sources), NOLIST, NULL, NULL }

/* In the order of `routemap config`; within a section, the order in which
 * values are checked, so the first mistake of a file is the one reported. */
const struct ini_key ini_keys[] = {
	{ "office", "code", INI_CODE, INI_REQUIRED, "office", NULL, NULL, 0, 0,
	  N_("letters A-Z, digits and - (at most 32, not starting with -), e.g. KKN-PHO"),
	  N_("the office's own code; it names the database file"),
	  FIELD(office_code), NOLIST, apply_office_code, NULL },
	{ "office", "name", INI_LABEL, 0, "หน่วยงาน", NULL, NULL, 0, 0, NULL,
	  N_("the full name of the office"), FIELD(office_name), NOLIST, NULL, NULL },
	{ "office", "short_name", INI_LABEL, 0, "หน่วยงาน", N_("the name"), NULL, 0, 0, NULL,
	  N_("the name shown where space is short"),
	  FIELD(office_short_name), NOLIST, apply_short_name, NULL },
	{ "office", "level", INI_ENUM, INI_WORD, "unit", NULL, office_levels, 0, 0, NULL,
	  N_("where the office stands: region, province, district, tambon fund or unit"),
	  FIELD(office_level), NOLIST, NULL, NULL },
	{ "office", "parent", INI_CODE, INI_EMPTY_OK, "", N_("empty"), NULL, 0, 0,
	  N_("the parent office's code (letters A-Z, digits and -, e.g. ODPC6) or nothing"),
	  N_("the code of the office above this one"),
	  FIELD(office_parent), NOLIST, apply_parent, NULL },

	{ "database", "path", INI_PATH, INI_EMPTY_OK, "", N_("$XDG_DATA_HOME/routemap/CODE.db"),
	  NULL, 0, 0, NULL, N_("the office's SQLite database, relative to the INI file's directory"),
	  FIELD(db_path), NOLIST, NULL, NULL },
	{ "database", "shared_group", INI_GROUP, INI_EMPTY_OK, "", N_("none"), NULL, 0, 0,
	  N_("a group name (a lowercase letter or _, then a-z, 0-9, _ or -, at most 32), "
	     "e.g. planning, or nothing"),
	  N_("a Unix group whose members share the database (mode 0660)"),
	  FIELD(db_shared_group), NOLIST, NULL, NULL },
	{ "database", "wait", INI_INTEGER, 0, "60", NULL, NULL, 1, 3600,
	  N_("whole seconds from 1 to 3600 (e.g. 60)"),
	  N_("seconds a change waits while another user holds the database"),
	  FIELD(db_wait), NOLIST, NULL, NULL },

	{ "ui", "language", INI_ENUM, 0, "th", NULL, ui_languages, 0, 0, NULL,
	  N_("the language of the screens"), FIELD(language), NOLIST, NULL, NULL },
	{ "ui", "calendar", INI_ENUM, 0, "buddhist", NULL, ui_calendars, 0, 0, NULL,
	  N_("years in the Buddhist Era or the Common Era"), FIELD(calendar), NOLIST, NULL, NULL },
	{ "ui", "color", INI_ENUM, 0, "auto", NULL, ui_colors, 0, 0, NULL,
	  N_("colour: auto when the terminal has it and NO_COLOR is not set"),
	  FIELD(color), NOLIST, NULL, NULL },
	{ "ui", "line_drawing", INI_ENUM, 0, "auto", NULL, ui_lines, 0, 0, NULL,
	  N_("box lines; ascii where they come out as letters"),
	  FIELD(line_drawing), NOLIST, NULL, NULL },
	{ "ui", "escdelay", INI_INTEGER, INI_EMPTY_OK, "", N_("unset: $ESCDELAY, else 25"),
	  NULL, 0, 10000,
	  N_("whole milliseconds from 0 to 10000 (e.g. 25), or nothing to leave it unset"),
	  N_("milliseconds to wait after Esc for the rest of a key"),
	  FIELD(escdelay), NOLIST, NULL, NULL },

	LEVEL("people", "ประชาชน", N_("the top row: the people"), LEVEL_PEOPLE),
	LEVEL("stakeholder", "ภาคี", N_("the second row: the stakeholders"), LEVEL_STAKEHOLDER),
	LEVEL("process", "กระบวนการ", N_("the third row: the processes"), LEVEL_PROCESS),
	LEVEL("foundation", "พื้นฐาน", N_("the bottom row: the foundations"), LEVEL_FOUNDATION),

	{ "key_activities", "CODE", INI_LABEL, INI_PATTERN, NULL, NULL, NULL, 0, 0, NULL,
	  N_("a key activity: its code (a name) = its label"),
	  FIELD(key_activities), LIST(builtin_key_activities),
	  apply_key_activities, entries_labels },
	{ "support_frames", "NUMBER", INI_LABEL, INI_PATTERN, NULL, NULL, NULL, 1, FRAME_MAX,
	  NULL, N_("a support frame: its number = its label"),
	  FIELD(support_frames), LIST(builtin_support_frames),
	  apply_support_frames, entries_labels },

	SOURCE("fund", "กองทุนฯ ตำบล", N_("the tambon health fund")),
	SOURCE("province", "จังหวัด", N_("the province")),
	SOURCE("region", "เขต", N_("the region")),
	SOURCE("local", "อปท.", N_("the local administration")),

	{ "rank", "thresholds", INI_DECIMAL_LIST, 0, "20,40,60,80", NULL, NULL, 0, 100,
	  N_("four ascending percentages from 0 to 100 separated by commas, e.g. 20,40,60,80"),
	  N_("the coverage at which ranks 2, 3, 4 and 5 begin"),
	  FIELD(rank_thresholds), NOLIST, NULL, NULL },
	{ "rank", "partial_weight", INI_DECIMAL, 0, "0.5", NULL, NULL, 0, 1,
	  N_("a number from 0 to 1, e.g. 0.5"),
	  N_("what a partial answer counts toward coverage"),
	  FIELD(partial_weight), NOLIST, NULL, NULL },

	{ "slm", "columns", INI_NAME_LIST, 0, NULL, NULL, NULL, 0, 0, NULL,
	  N_("the columns in order; one without a built-in label needs a column.KEY line"),
	  FIELD(slm_columns), LIST(builtin_slm_columns), apply_slm, entries_slm },
	{ "slm", "column.KEY", INI_LABEL, INI_PATTERN, NULL, NULL, NULL, 0, 0, NULL,
	  N_("the label of column KEY, one of columns"),
	  NONE, LIST(builtin_slm_columns), apply_elsewhere, NULL },

	{ "aar", "templates", INI_NAME_LIST, 0, NULL, NULL, NULL, 0, 0, NULL,
	  N_("the templates the office uses, built in or from a [template.NAME] section"),
	  NONE, NOLIST, apply_aar, entries_templates },
	{ "aar", "default", INI_NAME, 0, "aar4", NULL, NULL, 0, 0,
	  N_("one of the templates"), N_("the template offered first; one of templates"),
	  FIELD(aar_default), NOLIST, apply_elsewhere, NULL },

	{ "template.NAME", "sections", INI_NAME_LIST, INI_REQUIRED, NULL, NULL, NULL, 0, 0,
	  NULL, N_("the section keys of the template, in order"),
	  NONE, NOLIST, apply_elsewhere, NULL },
	{ "template.NAME", "title", INI_LABEL, 0, NULL, N_("the built-in title, else NAME"),
	  NULL, 0, 0, NULL, N_("what people call the template"),
	  NONE, NOLIST, apply_elsewhere, entries_template_sections },
	{ "template.NAME", "KEY", INI_LABEL, INI_PATTERN, NULL, NULL, NULL, 0, 0, NULL,
	  N_("the label of section KEY, one line for each key in sections"),
	  NONE, NOLIST, apply_elsewhere, NULL },

	{ "keys", "ACTION", INI_KEY_LIST, INI_PATTERN, NULL, N_("as in routemap(1)"),
	  NULL, 0, 0, NULL, N_("the keys of an action, separated by blanks; replace its defaults"),
	  FIELD(keys), NOLIST, apply_keys, entries_keys },

	{ "exchange", "ssh", INI_PATH, 0, "ssh", NULL, NULL, 0, 0, NULL,
	  N_("the ssh program routemap sync runs ($ROUTEMAP_SSH overrides it)"),
	  FIELD(exchange_ssh), NOLIST, NULL, NULL },
	{ "exchange", "ssh_options", INI_WORDS, INI_EMPTY_OK, "", N_("none"), NULL, 0, 0,
	  N_("words separated by blanks, e.g. -p 2222 -i /home/ann/.ssh/kkn, or nothing"),
	  N_("options routemap sync gives ssh before the other office's address"),
	  FIELD(exchange_ssh_options), NOLIST, NULL, NULL },
	{ "exchange", "remote_command", INI_WORDS, 0, "routemap", NULL, NULL, 0, 0,
	  N_("the program and its options as words separated by blanks, "
	     "e.g. /usr/local/bin/routemap -o KKN-PHO"),
	  N_("routemap on the other office's machine, before sync --serve"),
	  FIELD(exchange_remote_command), NOLIST, NULL, NULL },
};

const size_t ini_nkeys = NELEM(ini_keys);

/* ---- Looking up --------------------------------------------------------- */

const char *ini_type_name(enum ini_type type)
{
	static const char *const names[INI_TYPE_COUNT] = {
		[INI_CODE] = "office code", [INI_LABEL] = "label", [INI_ENUM] = "word",
		[INI_INTEGER] = "integer", [INI_DECIMAL] = "decimal",
		[INI_DECIMAL_LIST] = "decimal list", [INI_NAME] = "name",
		[INI_NAME_LIST] = "list", [INI_KEY_LIST] = "key list", [INI_PATH] = "path",
		[INI_GROUP] = "group", [INI_WORDS] = "words",
	};

	return (unsigned)type < INI_TYPE_COUNT ? names[type] : "?";
}

const struct ini_section *ini_section_find(const char *name)
{
	size_t i;

	for (i = 0; i < ini_nsections; i++) {
		const struct ini_section *s = &ini_sections[i];

		if (s->flags & INI_SEC_PREFIX) {
			if (strncmp(name, s->name, strlen(s->name)) == 0)
				return s;
		} else if (strcmp(name, s->name) == 0) {
			return s;
		}
	}
	return NULL;
}

const struct ini_key *ini_key_find(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < ini_nkeys; i++)
		if (!(ini_keys[i].flags & INI_PATTERN) && strcmp(ini_keys[i].section, section) == 0 &&
		    strcmp(ini_keys[i].key, key) == 0)
			return &ini_keys[i];
	return NULL;
}

const struct ini_template *ini_builtin_template(const char *name)
{
	size_t i;

	for (i = 0; i < ini_nbuiltin_templates; i++)
		if (strcmp(ini_builtin_templates[i].name, name) == 0)
			return &ini_builtin_templates[i];
	return NULL;
}
