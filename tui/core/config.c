/* config.c - the office configuration: built-in defaults, then one INI file.
 *
 * Loading a file goes in three steps:
 *
 *  1. We read the file ourselves: strip a UTF-8 BOM, refuse NUL bytes,
 *     invalid UTF-8 and lines over iniparser's limit, and scan its lines the
 *     way iniparser 4.1 does (continuation lines, comments, quotes) to learn
 *     the line of every section and key, to find duplicates and syntax
 *     errors, and to refuse unknown names with a "did you mean".
 *  2. iniparser reads the values (quotes, inline comments).  Its messages go
 *     to our callback, never to stderr.
 *  3. Every value is checked by a strict parser and applied over the
 *     built-in defaults; then the cross-checks (frame numbers, SLM column
 *     labels, AAR templates, key bindings), and the list of effective values
 *     with their origins.
 *
 * Every message is one line: "FILE:LINE: [section] key: WHAT",
 * "FILE:LINE: WHAT" or "FILE: WHAT"; status RM_EXIT_USAGE (out of memory:
 * RM_EXIT_RUNTIME).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser.h>

#include "routemap/action.h"
#include "routemap/config.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* iniparser 4.1 reads a line into 1024 bytes with fgets: 1022 bytes of
 * text, the newline and the NUL.  A line joined by "\" continuations must
 * fit too. */
#define INI_LINE_MAX 1022
/* An office file is a few kilobytes; refuse anything absurd. */
#define INI_FILE_MAX (1024 * 1024)
#define OFFICE_CODE_MAX 32
#define GROUP_NAME_MAX 32
#define NAME_MAX_LEN 64
#define FRAME_MAX 999

/* ---- The built-in defaults ---------------------------------------------- */

struct builtin_label {
	const char *code;
	const char *label;
};

struct builtin_template {
	const char *name;
	const char *title;
	const struct builtin_label *sections;
	size_t n;
};

static const struct {
	const char *code, *name, *short_name, *level;
} builtin_office = { "office", "หน่วยงาน", "หน่วยงาน", "unit" };

static const char *const level_names[LEVEL_COUNT] = {
	[LEVEL_FOUNDATION] = "foundation",
	[LEVEL_PROCESS] = "process",
	[LEVEL_STAKEHOLDER] = "stakeholder",
	[LEVEL_PEOPLE] = "people",
};

static const char *const builtin_level_label[LEVEL_COUNT] = {
	[LEVEL_FOUNDATION] = "พื้นฐาน",
	[LEVEL_PROCESS] = "กระบวนการ",
	[LEVEL_STAKEHOLDER] = "ภาคี",
	[LEVEL_PEOPLE] = "ประชาชน",
};

/* [levels] keys in the order the file and `routemap config` show them:
 * the map from top to bottom. */
static const enum map_level level_order[LEVEL_COUNT] = {
	LEVEL_PEOPLE, LEVEL_STAKEHOLDER, LEVEL_PROCESS, LEVEL_FOUNDATION,
};

static const struct builtin_label builtin_key_activities[] = {
	{ "social_measure", "มาตรการทางสังคม" },
	{ "community_project", "โครงการชุมชน" },
	{ "communication", "การสื่อสาร" },
	{ "surveillance", "การเฝ้าระวังและคัดกรอง" },
	{ "learning", "การแลกเปลี่ยนเรียนรู้" },
	{ "collaboration", "การประสานภาคี" },
	{ "support", "การสนับสนุน" },
};

static const struct builtin_label builtin_support_frames[] = {
	{ "1", "การประเมินผล ป้อนกลับ และเสนอนโยบาย" },
	{ "2", "การช่วยเหลือเรื่องการใช้แผนที่ทางเดินยุทธศาสตร์และการจัดการค่ากลาง" },
	{ "3", "การพัฒนาสมรรถนะแกนนำภาครัฐ เอกชน" },
	{ "4", "การสนับสนุนการสร้างนวัตกรรม" },
	{ "5", "การสนับสนุนการสื่อสารเพื่อปรับเปลี่ยนพฤติกรรม" },
	{ "6", "การสนับสนุนการแลกเปลี่ยนเรียนรู้" },
};

static const struct builtin_label builtin_support_sources[] = {
	{ "fund", "กองทุนฯ ตำบล" },
	{ "province", "จังหวัด" },
	{ "region", "เขต" },
	{ "local", "อปท." },
};

static const double builtin_thresholds[4] = { 20, 40, 60, 80 };
#define BUILTIN_PARTIAL_WEIGHT 0.5

static const struct builtin_label builtin_slm_columns[] = {
	{ "approach", "วิธีการ" },
	{ "actor", "ผู้ดำเนินการ" },
	{ "target_group", "กลุ่มเป้าหมาย" },
	{ "arena", "พื้นที่/เวที" },
	{ "tool", "เครื่องมือ" },
	{ "expected_outcome", "ผลลัพธ์ที่คาดหวัง" },
	{ "technical_measures", "มาตรการทางวิชาการ" },
	{ "social_measures", "มาตรการทางสังคม" },
};

static const struct builtin_label builtin_aar4[] = {
	{ "expected", "สิ่งที่คาดหวัง" },
	{ "happened", "สิ่งที่เกิดขึ้นจริง" },
	{ "why", "ทำไมจึงแตกต่าง" },
	{ "next", "สิ่งที่จะทำต่อไป" },
};

static const struct builtin_label builtin_gotoknow4[] = {
	{ "expected", "คาดหวังอะไร" },
	{ "exceeded", "อะไรได้เกินคาด" },
	{ "fell_short", "อะไรยังไม่ได้ตามคาด" },
	{ "next", "จะทำอย่างไรต่อไป" },
};

static const struct builtin_label builtin_lessons8[] = {
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
static const struct builtin_template builtin_templates[] = {
	{ "aar4", "AAR 4 คำถาม", builtin_aar4, NELEM(builtin_aar4) },
	{ "gotoknow4", "GotoKnow 4 คำถาม", builtin_gotoknow4, NELEM(builtin_gotoknow4) },
	{ "lessons8", "ถอดบทเรียน 8 หัวข้อ", builtin_lessons8, NELEM(builtin_lessons8) },
};

#define BUILTIN_AAR_DEFAULT "aar4"

/* ---- Sections and keys ------------------------------------------------- */

enum sec_kind {
	SEC_OFFICE, SEC_DATABASE, SEC_UI, SEC_LEVELS, SEC_KEY_ACTIVITIES,
	SEC_SUPPORT_FRAMES, SEC_SUPPORT_SOURCES, SEC_RANK, SEC_SLM, SEC_AAR,
	SEC_TEMPLATE, SEC_KEYS, SEC_COUNT
};

/* In the order of struct config's entries; SEC_TEMPLATE is a prefix. */
static const char *const sec_names[SEC_COUNT] = {
	"office", "database", "ui", "levels", "key_activities", "support_frames",
	"support_sources", "rank", "slm", "aar", "template.", "keys",
};

#define TEMPLATE_PREFIX "template."
#define TEMPLATE_PREFIX_LEN (sizeof TEMPLATE_PREFIX - 1)

static const char *const office_keys[] = { "code", "name", "short_name", "level", "parent", NULL };
static const char *const database_keys[] = { "path", "shared_group", "wait", NULL };
static const char *const ui_keys[] = { "language", "calendar", "color", "line_drawing", "escdelay", NULL };
static const char *const levels_keys[] = { "people", "stakeholder", "process", "foundation", NULL };
static const char *const sources_keys[] = { "fund", "province", "region", "local", NULL };
static const char *const rank_keys[] = { "thresholds", "partial_weight", NULL };
static const char *const aar_keys[] = { "templates", "default", NULL };

/* The sections whose keys are a fixed set; NULL where the office names
 * its own keys (codes, frame numbers, columns, sections, actions). */
static const char *const *const fixed_keys[SEC_COUNT] = {
	[SEC_OFFICE] = office_keys, [SEC_DATABASE] = database_keys, [SEC_UI] = ui_keys,
	[SEC_LEVELS] = levels_keys, [SEC_SUPPORT_SOURCES] = sources_keys,
	[SEC_RANK] = rank_keys, [SEC_AAR] = aar_keys,
};
static const char *const slm_keys[] = { "columns", "column.KEY", NULL };
static const char *const template_keys[] = { "sections", "title", NULL };

static const char *const office_levels[] = { "region", "province", "district", "fund", "unit", NULL };
static const char *const ui_languages[] = { "th", "en", NULL };
static const char *const ui_calendars[] = { "buddhist", "gregorian", NULL };
static const char *const ui_colors[] = { "auto", "on", "off", NULL };
static const char *const ui_lines[] = { "auto", "unicode", "ascii", NULL };

/* ---- The loader -------------------------------------------------------- */

struct scan_sec {
	char *name;           /* lowercased, as iniparser stores it */
	enum sec_kind kind;
	int line;
};

struct scan_key {
	size_t sec;           /* index into loader.secs */
	char *key;            /* lowercased, as iniparser stores it */
	int line;
};

/* Where an effective value came from: for the entries. */
struct origin {
	char *section;
	char *key;
	int line;
};

struct strlist {
	char **v;
	size_t n;
};

struct loader {
	const char *path;          /* NULL: built-in only */
	struct config *cfg;
	struct rm_error *err;
	dictionary *dict;
	struct scan_sec *secs;
	size_t nsecs;
	struct scan_key *keys;
	size_t nkeys;
	struct origin *origins;
	size_t norigins;
	int oom;
};

/* ---- Small helpers ----------------------------------------------------- */

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A copy of S, or NULL with the loader's out-of-memory flag set. */
static char *ld_strdup(struct loader *ld, const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		ld->oom = 1;
	return p;
}

static char *ld_strndup(struct loader *ld, const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p) {
		ld->oom = 1;
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Grow *V (of element size SIZE), which holds N elements, so that it can
 * hold N + 1.  Capacity: 4, then doubled whenever N reaches a power of two;
 * every list that uses this helper must be grown only by it. */
static int ld_grow(struct loader *ld, void **v, size_t n, size_t size)
{
	void *p;

	if (n != 0 && (n < 4 || (n & (n - 1)) != 0))
		return 0;
	p = realloc(*v, (n ? n * 2 : 4) * size);
	if (!p) {
		ld->oom = 1;
		return -1;
	}
	*v = p;
	return 0;
}

/* Replace *FIELD by a copy of VALUE. */
static void ld_set(struct loader *ld, char **field, const char *value)
{
	char *p = ld_strdup(ld, value);

	if (p) {
		free(*field);
		*field = p;
	}
}

static void labels_clear(struct cfg_labels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].label);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void labels_push(struct loader *ld, struct cfg_labels *l, const char *code,
			const char *label)
{
	char *c, *s;

	if (ld_grow(ld, (void **)&l->v, l->n, sizeof *l->v) < 0)
		return;
	c = ld_strdup(ld, code);
	s = ld_strdup(ld, label);
	if (!c || !s) {
		free(c);
		free(s);
		return;
	}
	l->v[l->n].code = c;
	l->v[l->n].label = s;
	l->n++;
}

static void labels_from_builtin(struct loader *ld, struct cfg_labels *l,
				const struct builtin_label *b, size_t n)
{
	size_t i;

	labels_clear(l);
	for (i = 0; i < n; i++)
		labels_push(ld, l, b[i].code, b[i].label);
}

static void strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

static void strlist_push(struct loader *ld, struct strlist *l, const char *s)
{
	char *p;

	if (ld_grow(ld, (void **)&l->v, l->n, sizeof *l->v) < 0)
		return;
	p = ld_strdup(ld, s);
	if (p)
		l->v[l->n++] = p;
}

static const struct builtin_template *builtin_template(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(builtin_templates); i++)
		if (strcmp(builtin_templates[i].name, name) == 0)
			return &builtin_templates[i];
	return NULL;
}

static const char *builtin_label_of(const struct builtin_label *b, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(b[i].code, code) == 0)
			return b[i].label;
	return NULL;
}

/* A growing string.  On allocation failure it stays NULL and sets the
 * loader's flag. */
struct sbuf {
	char *p;
	size_t n, cap;
};

static void sbuf_add(struct loader *ld, struct sbuf *b, const char *s)
{
	size_t len = strlen(s);

	if (ld->oom)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t cap = (b->n + len + 1) * 2;
		char *p = realloc(b->p, cap);

		if (!p) {
			ld->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, len + 1);
	b->n += len;
}

/* Write S into BUF for a message: at most about 60 bytes, cut at a UTF-8
 * boundary with "…".  Returns BUF. */
static const char *clip(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s), cut = 60;

	if (len <= cut || size < cut + 4) {
		snprintf(buf, size, "%s", s);
		return buf;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%.*s…", (int)cut, s);
	return buf;
}

/* "a, b or c" from a NULL-terminated list, into BUF. */
static const char *join_or(const char *const *names, char *buf, size_t size)
{
	size_t n = 0, i, used = 0;

	while (names[n])
		n++;
	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		/* TRANSLATORS: the last separator of a list "a, b or c". */
		const char *sep = i == 0 ? "" : (i + 1 == n ? _(" or ") : ", ");
		int w = snprintf(buf + used, size - used, "%s%s", sep, names[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* Levenshtein distance of two short ASCII names (longer ones: far). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[NAME_MAX_LEN + 1];

	if (la > NAME_MAX_LEN || lb > NAME_MAX_LEN)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The name in NAMES (NULL-terminated, or the first N when N > 0) nearest
 * to NAME, if it is near enough to be a likely typo; else NULL. */
static const char *nearest(const char *name, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, i, len = strlen(name);

	for (i = 0; n ? i < n : names[i] != NULL; i++) {
		size_t d = edit_distance(name, names[i]);
		size_t lc = strlen(names[i]), longer = len > lc ? len : lc;

		if (len >= 3 && len < lc && strncmp(name, names[i], len) == 0)
			d = 1;    /* a prefix: "lang" for "language" */
		if (d != (size_t)-1 && d * 3 <= longer && d < bestd) {
			best = names[i];
			bestd = d;
		}
	}
	return best;
}

/* Digits as ASCII: Thai digits (U+0E50..U+0E59) become 0..9.  Returns -1
 * when S does not fit into OUT. */
static int digits_ascii(const char *s, char *out, size_t size)
{
	size_t o = 0;

	while (*s) {
		const unsigned char *u = (const unsigned char *)s;

		if (o + 1 >= size)
			return -1;
		if (u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
			out[o++] = (char)('0' + (u[2] - 0x90));
			s += 3;
		} else {
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return 0;
}

/* A whole number of at most 9 digits (ASCII or Thai) into *V. */
static int parse_uint(const char *s, long *v)
{
	char buf[64];
	size_t i;
	long n = 0;

	if (digits_ascii(s, buf, sizeof buf) < 0 || !buf[0] || strlen(buf) > 9)
		return -1;
	for (i = 0; buf[i]; i++) {
		if (!is_digit(buf[i]))
			return -1;
		n = n * 10 + (buf[i] - '0');
	}
	*v = n;
	return 0;
}

/* A decimal "12", "12.5" (ASCII or Thai digits; no sign, no exponent)
 * into *V.  Locale-independent. */
static int parse_decimal(const char *s, double *v)
{
	char buf[64];
	const char *p;
	double n = 0, scale = 1;
	size_t ndig = 0;

	if (digits_ascii(s, buf, sizeof buf) < 0)
		return -1;
	for (p = buf; is_digit(*p); p++, ndig++)
		n = n * 10 + (*p - '0');
	if (ndig == 0 || ndig > 15)
		return -1;
	if (*p == '.') {
		p++;
		if (!is_digit(*p))
			return -1;
		for (; is_digit(*p); p++) {
			scale /= 10;
			n += (*p - '0') * scale;
		}
	}
	if (*p)
		return -1;
	*v = n;
	return 0;
}

/* Index of S in the NULL-terminated NAMES (ASCII case ignored), or -1. */
static int enum_index(const char *s, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcasecmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* A name such as a key activity code: [a-z][a-z0-9_]*, at most 64. */
static int valid_name(const char *s)
{
	size_t i;

	if (!is_lower(s[0]))
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_lower(s[i]) && !is_digit(s[i]) && s[i] != '_')
			return 0;
	return i <= NAME_MAX_LEN;
}

/* An office code: letters, digits and '-', not starting with '-'. */
static int valid_office_code(const char *s)
{
	size_t i;

	if (!is_alpha(s[0]) && !is_digit(s[0]))
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-')
			return 0;
	return i <= OFFICE_CODE_MAX;
}

/* A group name as useradd accepts it: [a-z_][a-z0-9_-]*. */
static int valid_group(const char *s)
{
	size_t i;

	if (!is_lower(s[0]) && s[0] != '_')
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_lower(s[i]) && !is_digit(s[i]) && s[i] != '_' && s[i] != '-')
			return 0;
	return i <= GROUP_NAME_MAX;
}

/* The first control character in S, or 0. */
static int control_char(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return (unsigned char)*s;
	return 0;
}


/* ---- Messages ---------------------------------------------------------- */

static int ld_oom(struct loader *ld)
{
	return rm_fail(ld->err, RM_EXIT_RUNTIME, _("%s: out of memory"),
		       ld->path ? ld->path : _("built-in configuration"));
}

/* "FILE:LINE: [SEC] KEY: WHAT" (no ":LINE" when LINE is 0). */
__attribute__((format(printf, 5, 6)))
static int fail_key(struct loader *ld, int line, const char *sec, const char *key,
		    const char *fmt, ...)
{
	char what[sizeof ld->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (line > 0)
		return rm_fail(ld->err, RM_EXIT_USAGE, "%s:%d: [%s] %s: %s",
			       ld->path, line, sec, key, what);
	return rm_fail(ld->err, RM_EXIT_USAGE, "%s: [%s] %s: %s", ld->path, sec, key, what);
}

/* "FILE:LINE: WHAT" (or "FILE: WHAT" when LINE is 0). */
__attribute__((format(printf, 3, 4)))
static int fail_line(struct loader *ld, int line, const char *fmt, ...)
{
	char what[sizeof ld->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (line > 0)
		return rm_fail(ld->err, RM_EXIT_USAGE, "%s:%d: %s", ld->path, line, what);
	return rm_fail(ld->err, RM_EXIT_USAGE, "%s: %s", ld->path, what);
}

/* ---- Step 1: reading and scanning the file ---------------------------- */

/* Read PATH into a malloc'd, NUL-terminated buffer (caller frees). */
static int file_read(struct loader *ld, char **data, size_t *len)
{
	FILE *f;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	*data = NULL;
	*len = 0;
	f = fopen(ld->path, "rb");
	if (!f)
		return fail_line(ld, 0, _("cannot open: %s"), rm_strerror(errno));
	for (;;) {
		size_t got;

		if (cap - n < 4096) {
			char *p;

			cap = cap ? cap * 2 : 8192;
			p = realloc(buf, cap + 1);
			if (!p) {
				free(buf);
				fclose(f);
				ld->oom = 1;
				return ld_oom(ld);
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > INI_FILE_MAX) {
			free(buf);
			fclose(f);
			return fail_line(ld, 0, _("the file is larger than %d bytes; an office "
					 "INI file is a few kilobytes"), INI_FILE_MAX);
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		return fail_line(ld, 0, _("cannot read: %s"), rm_strerror(e ? e : EIO));
	}
	fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* Check one physical line: no NUL byte, valid UTF-8. */
static int check_line_bytes(struct loader *ld, int lineno, const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const unsigned char *u = (const unsigned char *)p + i;
		int n;

		if (*u == '\0')
			return fail_line(ld, lineno, _("a NUL byte at byte %zu; this is not a "
					 "text file"), i + 1);
		{
			uint32_t cp;

			n = utf8_decode(p + i, len - i, &cp);
		}
		if (n < 0)
			return fail_line(ld, lineno, _("invalid UTF-8 (byte 0x%02X at byte %zu "
					 "of the line); save the file as UTF-8"), *u, i + 1);
		i += (size_t)n;
	}
	return 0;
}

static enum sec_kind sec_kind_of(const char *name)
{
	int i;

	for (i = 0; i < SEC_COUNT; i++) {
		if (i == SEC_TEMPLATE) {
			if (strncmp(name, TEMPLATE_PREFIX, TEMPLATE_PREFIX_LEN) == 0)
				return SEC_TEMPLATE;
		} else if (strcmp(name, sec_names[i]) == 0) {
			return (enum sec_kind)i;
		}
	}
	return SEC_COUNT;
}

/* An unknown section: say the nearest name, or list them. */
static int fail_unknown_section(struct loader *ld, int line, const char *name)
{
	const char *cand[SEC_COUNT + 1];
	char tmpl[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1];
	const char *dot = strchr(name, '.');
	const char *best;
	size_t n = 0;
	int i;

	for (i = 0; i < SEC_COUNT; i++)
		if (i != SEC_TEMPLATE)
			cand[n++] = sec_names[i];
	/* "[templates.mine]" is most likely "[template.mine]". */
	if (dot && strlen(dot + 1) <= NAME_MAX_LEN) {
		snprintf(tmpl, sizeof tmpl, "%s%s", TEMPLATE_PREFIX, dot + 1);
		cand[n++] = tmpl;
	}
	best = nearest(name, cand, n);
	if (best)
		return fail_line(ld, line, _("unknown section [%s]; did you mean [%s]?"), name, best);
	return fail_line(ld, line, _("unknown section [%s]; expected office, database, ui, "
			 "levels, key_activities, support_frames, support_sources, rank, "
			 "slm, aar, template.NAME or keys"), name);
}

/* An unknown key in a section with a fixed set of keys. */
static int fail_unknown_key(struct loader *ld, int line, const char *sec, const char *key,
			    const char *const *names)
{
	char list[512];
	const char *best = nearest(key, names, 0);

	if (best)
		return fail_key(ld, line, sec, key, _("unknown key; did you mean %s?"), best);
	return fail_key(ld, line, sec, key, _("unknown key; expected %s"),
			join_or(names, list, sizeof list));
}

/* A support frame number "1".."999" (ASCII or Thai digits), or -1. */
static long frame_number(const char *s)
{
	char buf[64];
	long v;

	if (digits_ascii(s, buf, sizeof buf) < 0 || buf[0] == '0' || parse_uint(buf, &v) < 0 ||
	    v < 1 || v > FRAME_MAX)
		return -1;
	return v;
}

/* Check the name of KEY in section SEC (of KIND), as the scanner meets it. */
static int check_key_name(struct loader *ld, int line, const struct scan_sec *sec,
			  const char *key)
{
	int a;

	if (fixed_keys[sec->kind])
		return enum_index(key, fixed_keys[sec->kind]) < 0 ?
			fail_unknown_key(ld, line, sec->name, key, fixed_keys[sec->kind]) : 0;
	switch (sec->kind) {
	case SEC_KEY_ACTIVITIES:
		if (!valid_name(key))
			return fail_key(ld, line, sec->name, key, _("not a valid code; expected "
					"a lowercase letter, then letters a-z, digits or _ "
					"(e.g. social_measure = มาตรการทางสังคม)"));
		return 0;
	case SEC_SUPPORT_FRAMES:
		if (frame_number(key) < 0)
			return fail_key(ld, line, sec->name, key, _("not a frame number; expected "
					"the numbers 1, 2, 3 … (up to %d) without gaps "
					"(e.g. 1 = การประเมินผล ป้อนกลับ และเสนอนโยบาย)"), FRAME_MAX);
		return 0;
	case SEC_SLM:
		if (strcmp(key, "columns") == 0)
			return 0;
		if (strncmp(key, "column.", 7) == 0) {
			if (!valid_name(key + 7))
				return fail_key(ld, line, sec->name, key, _("not a valid column "
						"key; expected column.KEY where KEY is a lowercase "
						"letter, then letters a-z, digits or _"));
			return 0;
		}
		if (nearest(key, (const char *const[]){ "columns", NULL }, 0))
			return fail_key(ld, line, sec->name, key,
					_("unknown key; did you mean columns?"));
		return fail_unknown_key(ld, line, sec->name, key, slm_keys);
	case SEC_TEMPLATE:
		if (strcmp(key, "sections") == 0 || strcmp(key, "title") == 0)
			return 0;
		if (!valid_name(key)) {
			if (nearest(key, template_keys, 0))
				return fail_key(ld, line, sec->name, key,
						_("unknown key; did you mean sections?"));
			return fail_key(ld, line, sec->name, key, _("not a valid key; expected "
					"sections, or a section key (a lowercase letter, then "
					"letters a-z, digits or _) with its label"));
		}
		return 0;
	case SEC_KEYS:
		a = action_from_name(key);
		if (a < 0) {
			const char *names[ACT_COUNT + 1];
			const char *best;
			char list[900];
			size_t i;

			for (i = 0; i < ACT_COUNT; i++)
				names[i] = action_table[i].name;
			names[ACT_COUNT] = NULL;
			best = nearest(key, names, 0);
			if (best)
				return fail_key(ld, line, sec->name, key,
						_("unknown action; did you mean %s?"), best);
			return fail_key(ld, line, sec->name, key, _("unknown action; expected "
					"one of %s"), join_or(names, list, sizeof list));
		}
		return 0;
	default:   /* the sections of fixed_keys, handled above */
		break;
	}
	return 0;
}

/* A "[section]" line: S (LEN bytes, trimmed) starts with '['. */
static int scan_section(struct loader *ld, int lineno, const char *s, size_t len,
			size_t *cur)
{
	const char *b, *e;
	char *name;
	size_t i;
	enum sec_kind kind;

	if (s[len - 1] != ']')
		return fail_line(ld, lineno, _("syntax error: a section line must end with ], "
				 "as in [office]"));
	b = s + 1;
	e = s + len - 1;
	while (b < e && is_space(*b))
		b++;
	while (e > b && is_space(e[-1]))
		e--;
	if (b == e)
		return fail_line(ld, lineno, _("syntax error: empty section name []; "
				 "expected a name, as in [office]"));
	if (memchr(b, '[', (size_t)(e - b)) || memchr(b, ']', (size_t)(e - b)))
		return fail_line(ld, lineno, _("syntax error: a section name cannot contain "
				 "[ or ]; expected a name, as in [office]"));
	name = ld_strndup(ld, b, (size_t)(e - b));
	if (!name)
		return ld_oom(ld);
	for (i = 0; name[i]; i++)
		if (name[i] >= 'A' && name[i] <= 'Z')
			name[i] = (char)(name[i] - 'A' + 'a');
	for (i = 0; i < ld->nsecs; i++) {
		if (strcmp(ld->secs[i].name, name) == 0) {
			int first = ld->secs[i].line;

			fail_line(ld, lineno, _("section [%s] appears twice (first on line %d); "
				  "put all its keys under one [%s]"), name, first, name);
			free(name);
			return -1;
		}
	}
	kind = sec_kind_of(name);
	if (kind == SEC_COUNT) {
		fail_unknown_section(ld, lineno, name);
		free(name);
		return -1;
	}
	if (kind == SEC_TEMPLATE && !valid_name(name + TEMPLATE_PREFIX_LEN)) {
		fail_line(ld, lineno, _("section [%s]: not a valid template name; expected "
			  "[template.NAME] where NAME is a lowercase letter, then letters "
			  "a-z, digits or _"), name);
		free(name);
		return -1;
	}
	if (ld_grow(ld, (void **)&ld->secs, ld->nsecs, sizeof *ld->secs) < 0) {
		free(name);
		return ld_oom(ld);
	}
	ld->secs[ld->nsecs].name = name;
	ld->secs[ld->nsecs].kind = kind;
	ld->secs[ld->nsecs].line = lineno;
	*cur = ld->nsecs++;
	return 0;
}

/* A "key = value" line: S (LEN bytes, trimmed) has an '=' at EQ. */
static int scan_key_line(struct loader *ld, int lineno, const char *s, size_t len,
			 const char *eq, size_t cur)
{
	const char *kb = s, *ke = eq, *v = eq + 1, *end = s + len;
	char *key;
	size_t i;

	while (ke > kb && is_space(ke[-1]))
		ke--;
	if (ke == kb)
		return fail_line(ld, lineno, _("syntax error: no key name before =; expected "
				 "key = value"));
	while (v < end && is_space(*v))
		v++;
	if (v < end && (*v == '"' || *v == '\'')) {
		const char *q = memchr(v + 1, *v, (size_t)(end - v - 1));

		if (!q)
			return fail_line(ld, lineno, _("syntax error: the value has no closing %c"),
					 *v);
		for (q++; q < end && is_space(*q); q++)
			;
		if (q < end && *q != ';' && *q != '#')
			return fail_line(ld, lineno, _("syntax error: text after the closing quote; "
					 "only a comment (; or #) may follow it"));
	}
	if (cur == (size_t)-1)
		return fail_line(ld, lineno, _("syntax error: a key before the first section; "
				 "put it under a [section] line"));
	key = ld_strndup(ld, kb, (size_t)(ke - kb));
	if (!key)
		return ld_oom(ld);
	for (i = 0; key[i]; i++)
		if (key[i] >= 'A' && key[i] <= 'Z')
			key[i] = (char)(key[i] - 'A' + 'a');
	for (i = 0; i < ld->nkeys; i++) {
		if (ld->keys[i].sec == cur && strcmp(ld->keys[i].key, key) == 0) {
			fail_key(ld, lineno, ld->secs[cur].name, key, _("given twice (first on "
				 "line %d); iniparser would silently keep the last one, so "
				 "remove one of them"), ld->keys[i].line);
			free(key);
			return -1;
		}
	}
	if (check_key_name(ld, lineno, &ld->secs[cur], key) < 0) {
		free(key);
		return -1;
	}
	if (ld_grow(ld, (void **)&ld->keys, ld->nkeys, sizeof *ld->keys) < 0) {
		free(key);
		return ld_oom(ld);
	}
	ld->keys[ld->nkeys].sec = cur;
	ld->keys[ld->nkeys].key = key;
	ld->keys[ld->nkeys].line = lineno;
	ld->nkeys++;
	return 0;
}

/* One logical line (continuations joined), starting on line LINENO. */
static int scan_logical(struct loader *ld, int lineno, const char *s, size_t len,
			size_t *cur)
{
	const char *eq;

	while (len > 0 && is_space(*s)) {
		s++;
		len--;
	}
	if (len == 0 || *s == ';' || *s == '#')
		return 0;
	if (*s == '[')
		return scan_section(ld, lineno, s, len, cur);
	eq = memchr(s, '=', len);
	if (!eq)
		return fail_line(ld, lineno, _("syntax error: expected [section], key = value, "
				 "or a comment starting with ; or #"));
	return scan_key_line(ld, lineno, s, len, eq, *cur);
}

/* Scan TEXT (LEN bytes, BOM already removed) line by line, as iniparser
 * 4.1 reads it: a line ending in "\" (after trailing blanks) continues on
 * the next one; blanks are trimmed; ';' and '#' start a comment line. */
static int scan_text(struct loader *ld, const char *text, size_t len)
{
	char logical[INI_LINE_MAX + 1];
	const char *p = text, *end = text + len;
	size_t llen = 0, cur = (size_t)-1;
	int lineno = 0, start = 0, joined = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t plen = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		if (plen > INI_LINE_MAX)
			return fail_line(ld, lineno, _("the line is %zu bytes long; the limit is %d "
					 "bytes per line (iniparser's limit)"), plen, INI_LINE_MAX);
		if (llen + plen > INI_LINE_MAX)
			return fail_line(ld, lineno, _("the line joined by \\ from line %d is %zu "
					 "bytes long; the limit is %d bytes (iniparser's limit)"),
					 start, llen + plen, INI_LINE_MAX);
		if (check_line_bytes(ld, lineno, p, plen) < 0)
			return -1;
		if (!joined)
			start = lineno;
		memcpy(logical + llen, p, plen);
		llen += plen;
		p = nl ? nl + 1 : end;
		while (llen > 0 && is_space(logical[llen - 1]))
			llen--;
		if (llen > 0 && logical[llen - 1] == '\\') {
			size_t i = 0;

			while (i < llen && is_space(logical[i]))
				i++;
			if (!joined && (logical[i] == ';' || logical[i] == '#'))
				return fail_line(ld, lineno, _("a comment line ends with \\, which "
						 "would join the next line to the comment; remove the \\"));
			llen--;
			joined = 1;
			continue;
		}
		joined = 0;
		if (scan_logical(ld, start, logical, llen, &cur) < 0)
			return -1;
		llen = 0;
	}
	if (joined)
		return fail_line(ld, lineno, _("the last line ends with \\ (continued on the next "
				 "line) but no line follows; remove the \\"));
	return 0;
}

/* ---- Step 2: iniparser ------------------------------------------------- */

/* iniparser's last complaint; its callback has no context pointer. */
static char ini_complaint[512];

__attribute__((format(printf, 1, 2)))
static int ini_error_cb(const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (ini_complaint[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_complaint, sizeof ini_complaint, fmt, ap);
	va_end(ap);
	/* One line: "syntax error in F (3):\n-> text" becomes "... (3): -> text". */
	for (n = 0; ini_complaint[n]; n++)
		if (ini_complaint[n] == '\n')
			ini_complaint[n] = ' ';
	while (n > 0 && ini_complaint[n - 1] == ' ')
		ini_complaint[--n] = '\0';
	return 0;
}

/* Create a private temporary file (mode 0600) in DIR; its malloc'd name
 * goes to *NAME.  Returns the descriptor, or -1 with errno set. */
static int temp_open(const char *dir, char **name)
{
	size_t size = strlen(dir) + sizeof "/routemap-ini-XXXXXX";
	char *tmpl = malloc(size);
	int fd;

	*name = NULL;
	if (!tmpl) {
		errno = ENOMEM;
		return -1;
	}
	snprintf(tmpl, size, "%s/routemap-ini-XXXXXX", dir);
	fd = mkstemp(tmpl);
	if (fd < 0) {
		int e = errno;

		free(tmpl);
		errno = e;
		return -1;
	}
	*name = tmpl;
	return fd;
}

/* Write TEXT (LEN bytes) to a private temporary file in $TMPDIR, or in /tmp
 * when that fails; its malloc'd name goes to *NAME (caller unlinks and
 * frees). */
static int write_temp(struct loader *ld, const char *text, size_t len, char **name)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;
	int fd = -1, e;

	if (dir && *dir)
		fd = temp_open(dir, &tmp);
	if (fd < 0) {
		dir = "/tmp";
		fd = temp_open(dir, &tmp);
	}
	if (fd < 0) {
		e = errno;
		return fail_line(ld, 0, _("cannot make a temporary copy without the byte order "
				 "mark in %s: %s"), dir, rm_strerror(e));
	}
	while (len > 0) {
		ssize_t w = write(fd, text, len);

		if (w < 0) {
			e = errno;
			if (e == EINTR)
				continue;
			close(fd);
			goto fail;
		}
		text += w;
		len -= (size_t)w;
	}
	if (close(fd) < 0) {
		e = errno;
		goto fail;
	}
	*name = tmp;
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return fail_line(ld, 0, _("cannot write a temporary copy in %s: %s"), dir, rm_strerror(e));
}

/* Let iniparser read the values.  It gets a BOM-less temporary copy when
 * the file had a BOM or is not a regular file (a pipe cannot be read
 * twice); otherwise the file itself. */
static int ini_load(struct loader *ld, const char *text, size_t len, int copy)
{
	char *tmp = NULL;
	const char *from = ld->path;

	if (copy) {
		if (write_temp(ld, text, len, &tmp) < 0)
			return -1;
		from = tmp;
	}
	ini_complaint[0] = '\0';
	iniparser_set_error_callback(ini_error_cb);
	ld->dict = iniparser_load(from);
	iniparser_set_error_callback(NULL);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (!ld->dict)
		return fail_line(ld, 0, _("iniparser could not read the file: %s"),
				 ini_complaint[0] ? ini_complaint : _("no reason given"));
	return 0;
}

/* The scanned line of SEC/KEY, 0 when the file does not have it. */
static int scan_line(const struct loader *ld, const char *sec, const char *key)
{
	size_t i;

	for (i = 0; i < ld->nkeys; i++)
		if (strcmp(ld->secs[ld->keys[i].sec].name, sec) == 0 &&
		    strcmp(ld->keys[i].key, key) == 0)
			return ld->keys[i].line;
	return 0;
}

static const struct scan_sec *scan_section_find(const struct loader *ld, const char *sec)
{
	size_t i;

	for (i = 0; i < ld->nsecs; i++)
		if (strcmp(ld->secs[i].name, sec) == 0)
			return &ld->secs[i];
	return NULL;
}

/* The value of SEC/KEY from iniparser, NULL when the file does not set it;
 * its line goes to *LINE (0 when absent).  The string belongs to the
 * dictionary. */
static const char *ld_value(struct loader *ld, const char *sec, const char *key, int *line)
{
	char full[2 * (INI_LINE_MAX + 2)];
	const char *v;

	*line = ld->dict ? scan_line(ld, sec, key) : 0;
	if (*line == 0)
		return NULL;
	snprintf(full, sizeof full, "%s:%s", sec, key);
	v = iniparser_getstring(ld->dict, full, NULL);
	if (!v) {
		/* Our scanner and iniparser disagree: the file changed under us. */
		fail_key(ld, *line, sec, key, _("iniparser did not read this value; was the "
			 "file changed while it was being read?"));
		return NULL;
	}
	return v;
}

/* Record that SEC/KEY's effective value comes from line LINE. */
static void ld_mark(struct loader *ld, const char *sec, const char *key, int line)
{
	char *s, *k;

	if (line <= 0)
		return;
	if (ld_grow(ld, (void **)&ld->origins, ld->norigins, sizeof *ld->origins) < 0)
		return;
	s = ld_strdup(ld, sec);
	k = ld_strdup(ld, key);
	if (!s || !k) {
		free(s);
		free(k);
		return;
	}
	ld->origins[ld->norigins].section = s;
	ld->origins[ld->norigins].key = k;
	ld->origins[ld->norigins].line = line;
	ld->norigins++;
}

static int origin_line(const struct loader *ld, const char *sec, const char *key)
{
	size_t i;

	for (i = ld->norigins; i-- > 0;)
		if (strcmp(ld->origins[i].section, sec) == 0 &&
		    strcmp(ld->origins[i].key, key) == 0)
			return ld->origins[i].line;
	return 0;
}

/* ---- Step 3: checking and applying values ------------------------------ */

/* A label: text, not empty, no control characters. */
static int check_label(struct loader *ld, int line, const char *sec, const char *key,
		       const char *v)
{
	int c;

	if (!*v)
		return fail_key(ld, line, sec, key, _("empty; expected a label (text such as "
				"ประชาชน)"));
	c = control_char(v);
	if (c)
		return fail_key(ld, line, sec, key, _("the label contains a control character "
				"(0x%02X); expected plain text"), c);
	return 0;
}

/* A required or optional label: when the file sets it, check it, store it
 * in *FIELD and mark its origin. */
static int apply_label(struct loader *ld, const char *sec, const char *key, char **field)
{
	int line;
	const char *v = ld_value(ld, sec, key, &line);

	if (!v)
		return line ? -1 : 0;
	if (check_label(ld, line, sec, key, v) < 0)
		return -1;
	ld_set(ld, field, v);
	ld_mark(ld, sec, key, line);
	return 0;
}

/* An enumerated value; its index goes to *OUT. */
static int apply_enum(struct loader *ld, const char *sec, const char *key,
		      const char *const *names, int *out)
{
	int line, i;
	const char *v = ld_value(ld, sec, key, &line);

	if (!v)
		return line ? -1 : 0;
	i = enum_index(v, names);
	if (i < 0) {
		char list[256], shown[128];

		return fail_key(ld, line, sec, key, _("\"%s\" is not allowed; expected %s"),
				clip(v, shown, sizeof shown), join_or(names, list, sizeof list));
	}
	*out = i;
	ld_mark(ld, sec, key, line);
	return 0;
}

/* Split V at commas into names checked with valid_name(), none twice;
 * EXAMPLE goes into the messages.  The caller frees *OUT (also on
 * failure). */
static int parse_name_list(struct loader *ld, int line, const char *sec, const char *key,
			   const char *v, const char *example, struct strlist *out)
{
	const char *p = v;
	char shown[128];

	for (;;) {
		const char *b = p, *comma = strchr(p, ','), *e;
		char *item;

		e = comma ? comma : p + strlen(p);
		while (b < e && is_space(*b))
			b++;
		while (e > b && is_space(e[-1]))
			e--;
		if (e == b) {
			if (!comma && out->n == 0)
				return fail_key(ld, line, sec, key, _("empty; expected one or more "
						"names separated by commas, e.g. %s"), example);
			return fail_key(ld, line, sec, key, _("an empty name between commas in "
					"\"%s\"; expected names separated by commas, e.g. %s"),
					clip(v, shown, sizeof shown), example);
		}
		item = ld_strndup(ld, b, (size_t)(e - b));
		if (!item)
			return ld_oom(ld);
		if (!valid_name(item)) {
			fail_key(ld, line, sec, key, _("\"%s\" is not a valid name; expected names "
				 "(a lowercase letter, then letters a-z, digits or _) separated "
				 "by commas, e.g. %s"), clip(item, shown, sizeof shown), example);
			free(item);
			return -1;
		}
		if (strlist_has(out, item)) {
			fail_key(ld, line, sec, key, _("\"%s\" is listed twice"), item);
			free(item);
			return -1;
		}
		strlist_push(ld, out, item);
		free(item);
		if (ld->oom)
			return ld_oom(ld);
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static int apply_office(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	const struct scan_sec *sec = scan_section_find(ld, "office");
	char shown[128];
	const char *v;
	int line, name_line, level;

	v = ld_value(ld, "office", "code", &line);
	if (!v && line)
		return -1;
	if (!v)
		return fail_key(ld, sec ? sec->line : 0, "office", "code", _("missing; every "
				"office file needs the office's code (letters, digits and -), "
				"e.g. code = KKN-PHO"));
	if (!valid_office_code(v))
		return fail_key(ld, line, "office", "code", _("\"%s\" is not allowed; expected "
				"letters A-Z, digits and - (at most %d, not starting with -), "
				"e.g. KKN-PHO"), clip(v, shown, sizeof shown), OFFICE_CODE_MAX);
	ld_set(ld, &cfg->office_code, v);
	ld_mark(ld, "office", "code", line);

	if (apply_label(ld, "office", "name", &cfg->office_name) < 0)
		return -1;
	name_line = origin_line(ld, "office", "name");
	if (scan_line(ld, "office", "short_name")) {
		if (apply_label(ld, "office", "short_name", &cfg->office_short_name) < 0)
			return -1;
	} else if (name_line) {
		/* No short name: the name stands for it. */
		ld_set(ld, &cfg->office_short_name, cfg->office_name);
		ld_mark(ld, "office", "short_name", name_line);
	}

	level = enum_index(cfg->office_level, office_levels);
	if (apply_enum(ld, "office", "level", office_levels, &level) < 0)
		return -1;
	ld_set(ld, &cfg->office_level, office_levels[level]);

	v = ld_value(ld, "office", "parent", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (*v && !valid_office_code(v))
			return fail_key(ld, line, "office", "parent", _("\"%s\" is not allowed; "
					"expected the parent office's code (letters A-Z, digits "
					"and -, e.g. ODPC6) or nothing"),
					clip(v, shown, sizeof shown));
		if (*v && strcmp(v, cfg->office_code) == 0)
			return fail_key(ld, line, "office", "parent", _("\"%s\" is this office's "
					"own code; expected the code of the office above it, or "
					"nothing"), v);
		ld_set(ld, &cfg->office_parent, v);
		ld_mark(ld, "office", "parent", line);
	}
	return 0;
}

static int apply_database(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	const char *v;
	int line;

	v = ld_value(ld, "database", "path", &line);
	if (!v && line)
		return -1;
	if (v) {
		int c = control_char(v);

		if (c)
			return fail_key(ld, line, "database", "path", _("the path contains a "
					"control character (0x%02X); expected a file name"), c);
		ld_set(ld, &cfg->db_path, v);
		ld_mark(ld, "database", "path", line);
	}
	v = ld_value(ld, "database", "shared_group", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (*v && !valid_group(v)) {
			char shown[128];

			return fail_key(ld, line, "database", "shared_group", _("\"%s\" is not "
					"allowed; expected a group name (a lowercase letter or _, "
					"then a-z, 0-9, _ or -, at most %d), e.g. planning, or "
					"nothing"), clip(v, shown, sizeof shown), GROUP_NAME_MAX);
		}
		ld_set(ld, &cfg->db_shared_group, v);
		ld_mark(ld, "database", "shared_group", line);
	}
	v = ld_value(ld, "database", "wait", &line);
	if (!v && line)
		return -1;
	if (v) {
		long seconds;

		if (parse_uint(v, &seconds) < 0 || seconds < 1 || seconds > 3600) {
			char shown[128];

			return fail_key(ld, line, "database", "wait", _("\"%s\" is not allowed; "
					"expected whole seconds from 1 to 3600 (e.g. 60)"),
					clip(v, shown, sizeof shown));
		}
		cfg->db_wait = (int)seconds;
		ld_mark(ld, "database", "wait", line);
	}
	return 0;
}

static int apply_ui(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	const char *v;
	int line, i;
	long ms;

	i = (int)cfg->language;
	if (apply_enum(ld, "ui", "language", ui_languages, &i) < 0)
		return -1;
	cfg->language = (enum cfg_language)i;
	i = (int)cfg->calendar;
	if (apply_enum(ld, "ui", "calendar", ui_calendars, &i) < 0)
		return -1;
	cfg->calendar = (enum cfg_calendar)i;
	i = (int)cfg->color;
	if (apply_enum(ld, "ui", "color", ui_colors, &i) < 0)
		return -1;
	cfg->color = (enum cfg_tristate)i;
	i = (int)cfg->line_drawing;
	if (apply_enum(ld, "ui", "line_drawing", ui_lines, &i) < 0)
		return -1;
	cfg->line_drawing = (enum cfg_lines)i;

	v = ld_value(ld, "ui", "escdelay", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (!*v) {
			cfg->escdelay = -1;
		} else if (parse_uint(v, &ms) < 0 || ms > 10000) {
			char shown[128];

			return fail_key(ld, line, "ui", "escdelay", _("\"%s\" is not allowed; "
					"expected whole milliseconds from 0 to 10000 (e.g. 25), "
					"or nothing to leave it unset"), clip(v, shown, sizeof shown));
		} else {
			cfg->escdelay = (int)ms;
		}
		ld_mark(ld, "ui", "escdelay", line);
	}
	return 0;
}

static int apply_levels(struct loader *ld)
{
	int i;

	for (i = 0; i < LEVEL_COUNT; i++)
		if (apply_label(ld, "levels", level_names[i], &ld->cfg->level_label[i]) < 0)
			return -1;
	return 0;
}

/* [key_activities]: when the file has the section, its list replaces the
 * built-in one, in file order. */
static int apply_key_activities(struct loader *ld)
{
	const struct scan_sec *sec = scan_section_find(ld, "key_activities");
	struct cfg_labels *l = &ld->cfg->key_activities;
	size_t i;

	if (!sec)
		return 0;
	labels_clear(l);
	for (i = 0; i < ld->nkeys; i++) {
		const struct scan_key *k = &ld->keys[i];
		const char *v;
		int line;

		if (&ld->secs[k->sec] != sec)
			continue;
		v = ld_value(ld, sec->name, k->key, &line);
		if (!v || check_label(ld, line, sec->name, k->key, v) < 0)
			return -1;
		labels_push(ld, l, k->key, v);
		ld_mark(ld, sec->name, k->key, line);
	}
	if (l->n == 0)
		return fail_line(ld, sec->line, _("section [key_activities] is empty; list the "
				 "office's key activities as code = label, or remove the section "
				 "to use the built-in ones"));
	return 0;
}

/* [support_frames]: 1..N without gaps; replaces the built-in frames. */
static int apply_support_frames(struct loader *ld)
{
	const struct scan_sec *sec = scan_section_find(ld, "support_frames");
	struct cfg_labels *l = &ld->cfg->support_frames;
	struct frame { long num; size_t key; } *fr;
	size_t nfr = 0, i, j;
	int rc = 0;

	if (!sec)
		return 0;
	fr = malloc((ld->nkeys + 1) * sizeof *fr);
	if (!fr) {
		ld->oom = 1;
		return ld_oom(ld);
	}
	for (i = 0; i < ld->nkeys; i++) {
		const struct scan_key *k = &ld->keys[i];
		long num;

		if (&ld->secs[k->sec] != sec)
			continue;
		num = frame_number(k->key);
		for (j = 0; j < nfr; j++) {
			if (fr[j].num == num) {
				rc = fail_key(ld, k->line, sec->name, k->key, _("frame %ld is given "
					      "twice (first on line %d)"), num,
					      ld->keys[fr[j].key].line);
				goto out;
			}
		}
		fr[nfr].num = num;
		fr[nfr].key = i;
		nfr++;
	}
	if (nfr == 0) {
		rc = fail_line(ld, sec->line, _("section [support_frames] is empty; list the "
			       "frames as 1 = label, 2 = label …, or remove the section to use "
			       "the built-in ones"));
		goto out;
	}
	/* Insertion sort by number: a handful of frames. */
	for (i = 1; i < nfr; i++) {
		struct frame t = fr[i];

		for (j = i; j > 0 && fr[j - 1].num > t.num; j--)
			fr[j] = fr[j - 1];
		fr[j] = t;
	}
	for (i = 0; i < nfr; i++) {
		const struct scan_key *k = &ld->keys[fr[i].key];

		if (fr[i].num != (long)i + 1) {
			rc = fail_key(ld, k->line, sec->name, k->key, _("frame %zu is missing; "
				      "number the frames 1, 2, 3 … without gaps"), i + 1);
			goto out;
		}
	}
	labels_clear(l);
	for (i = 0; i < nfr; i++) {
		const struct scan_key *k = &ld->keys[fr[i].key];
		const char *v;
		char code[16];
		int line;

		v = ld_value(ld, sec->name, k->key, &line);
		if (!v || check_label(ld, line, sec->name, k->key, v) < 0) {
			rc = -1;
			goto out;
		}
		snprintf(code, sizeof code, "%ld", fr[i].num);
		labels_push(ld, l, code, v);
		ld_mark(ld, sec->name, code, line);
	}
out:
	free(fr);
	return rc;
}

static int apply_support_sources(struct loader *ld)
{
	struct cfg_labels *l = &ld->cfg->support_sources;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (apply_label(ld, "support_sources", l->v[i].code, &l->v[i].label) < 0)
			return -1;
	return 0;
}

static int apply_rank(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	const char *expect = _("expected four ascending percentages from 0 to 100 "
			       "separated by commas, e.g. 20,40,60,80");
	char shown[128];
	const char *v;
	int line;

	v = ld_value(ld, "rank", "thresholds", &line);
	if (!v && line)
		return -1;
	if (v) {
		double t[4];
		const char *p = v;
		int n = 0;

		clip(v, shown, sizeof shown);
		for (;;) {
			const char *b = p, *comma = strchr(p, ','), *e;
			char item[64];
			size_t len;

			e = comma ? comma : p + strlen(p);
			while (b < e && is_space(*b))
				b++;
			while (e > b && is_space(e[-1]))
				e--;
			if (n == 4)
				return fail_key(ld, line, "rank", "thresholds", _("\"%s\" has more than "
						"four numbers; %s"), shown, expect);
			len = (size_t)(e - b);
			if (b == e || len >= sizeof item)
				return fail_key(ld, line, "rank", "thresholds", _("\"%s\" has an empty "
						"or overlong number; %s"), shown, expect);
			memcpy(item, b, len);
			item[len] = '\0';
			if (parse_decimal(item, &t[n]) < 0)
				return fail_key(ld, line, "rank", "thresholds", _("\"%s\": \"%s\" is not "
						"a number; %s"), shown, item, expect);
			if (t[n] > 100)
				return fail_key(ld, line, "rank", "thresholds", _("\"%s\": %s is over "
						"100; %s"), shown, item, expect);
			if (n > 0 && t[n] <= t[n - 1])
				return fail_key(ld, line, "rank", "thresholds", _("\"%s\" is not "
						"ascending; %s"), shown, expect);
			n++;
			if (!comma)
				break;
			p = comma + 1;
		}
		if (n != 4)
			return fail_key(ld, line, "rank", "thresholds",
					ngettext("\"%s\" has %d number; %s", "\"%s\" has %d numbers; %s",
						 (unsigned long)n), shown, n, expect);
		memcpy(cfg->rank_thresholds, t, sizeof t);
		ld_mark(ld, "rank", "thresholds", line);
	}

	v = ld_value(ld, "rank", "partial_weight", &line);
	if (!v && line)
		return -1;
	if (v) {
		double w;

		if (parse_decimal(v, &w) < 0 || w > 1)
			return fail_key(ld, line, "rank", "partial_weight", _("\"%s\" is not allowed; "
					"expected a number from 0 to 1, e.g. 0.5"),
					clip(v, shown, sizeof shown));
		cfg->partial_weight = w;
		ld_mark(ld, "rank", "partial_weight", line);
	}
	return 0;
}

/* [slm]: columns (or the built-in ones), each with a label from
 * column.KEY or the built-in label of KEY. */
static int apply_slm(struct loader *ld)
{
	static const char example[] = "approach, actor, target_group";
	struct cfg_labels *l = &ld->cfg->slm_columns;
	struct strlist cols = { NULL, 0 };
	const char *v;
	int line, rc = -1;
	size_t i;

	v = ld_value(ld, "slm", "columns", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (parse_name_list(ld, line, "slm", "columns", v, example, &cols) < 0)
			goto out;
	} else {
		for (i = 0; i < NELEM(builtin_slm_columns); i++)
			strlist_push(ld, &cols, builtin_slm_columns[i].code);
		if (ld->oom) {
			ld_oom(ld);
			goto out;
		}
	}
	/* Every column.KEY of the file must name a column. */
	for (i = 0; i < ld->nkeys; i++) {
		const struct scan_key *k = &ld->keys[i];

		if (strcmp(ld->secs[k->sec].name, "slm") != 0 ||
		    strncmp(k->key, "column.", 7) != 0)
			continue;
		if (!strlist_has(&cols, k->key + 7)) {
			if (line)
				fail_key(ld, k->line, "slm", k->key, _("\"%s\" is not in columns "
					 "(line %d); add it to [slm] columns or remove this line"),
					 k->key + 7, line);
			else
				fail_key(ld, k->line, "slm", k->key, _("\"%s\" is not one of the "
					 "built-in columns; list the columns in [slm] columns, or "
					 "remove this line"), k->key + 7);
			goto out;
		}
	}
	labels_clear(l);
	for (i = 0; i < cols.n; i++) {
		char key[8 + NAME_MAX_LEN];
		const char *label;
		int lline;

		snprintf(key, sizeof key, "column.%s", cols.v[i]);
		label = ld_value(ld, "slm", key, &lline);
		if (!label && lline)
			goto out;
		if (label) {
			if (check_label(ld, lline, "slm", key, label) < 0)
				goto out;
			ld_mark(ld, "slm", key, lline);
		} else {
			label = builtin_label_of(builtin_slm_columns, NELEM(builtin_slm_columns),
						 cols.v[i]);
			if (!label) {
				fail_key(ld, line, "slm", "columns", _("column \"%s\" has no label; "
					 "add a line column.%s = LABEL"), cols.v[i], cols.v[i]);
				goto out;
			}
		}
		labels_push(ld, l, cols.v[i], label);
	}
	if (line)
		ld_mark(ld, "slm", "columns", line);
	rc = 0;
out:
	strlist_free(&cols);
	if (rc == 0 && ld->oom)
		rc = ld_oom(ld);
	return rc;
}

static void templates_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->ntemplates; i++) {
		free(cfg->templates[i].name);
		free(cfg->templates[i].title);
		labels_clear(&cfg->templates[i].sections);
	}
	free(cfg->templates);
	cfg->templates = NULL;
	cfg->ntemplates = 0;
}

/* T's title from "title" of SEC when given (a label), else the built-in
 * template's of the same name, else none (the code is shown then). */
static int template_title(struct loader *ld, struct cfg_template *t, const struct scan_sec *sec)
{
	const struct builtin_template *b = builtin_template(t->name);
	int line;
	const char *v = ld_value(ld, sec->name, "title", &line);

	if (!v && line)
		return -1;
	if (v) {
		if (check_label(ld, line, sec->name, "title", v) < 0)
			return -1;
		ld_mark(ld, sec->name, "title", line);
	}
	if (v || b) {
		t->title = ld_strdup(ld, v ? v : b->title);
		if (!t->title)
			return ld_oom(ld);
	}
	return 0;
}

/* Fill T's sections from the file's [template.NAME] section SEC: its
 * "sections" list and a label for each, and its title. */
static int template_from_section(struct loader *ld, struct cfg_template *t,
				 const struct scan_sec *sec)
{
	struct strlist keys = { NULL, 0 };
	const char *v;
	int line, rc = -1;
	size_t i;

	v = ld_value(ld, sec->name, "sections", &line);
	if (!v && line)
		return -1;
	if (!v) {
		/* "section = a, b" is more likely a typo than a label. */
		for (i = 0; i < ld->nkeys; i++) {
			const struct scan_key *k = &ld->keys[i];

			if (&ld->secs[k->sec] == sec && nearest(k->key, template_keys, 0))
				return fail_key(ld, k->line, sec->name, k->key,
						_("unknown key; did you mean sections?"));
		}
		return fail_key(ld, sec->line, sec->name, "sections", _("missing; a template "
				"section lists its section keys, e.g. sections = expected, "
				"happened, why, next, and gives a label for each"));
	}
	if (parse_name_list(ld, line, sec->name, "sections", v,
			    "expected, happened, why, next", &keys) < 0)
		goto out;
	for (i = 0; template_keys[i]; i++)
		if (strlist_has(&keys, template_keys[i])) {
			fail_key(ld, line, sec->name, "sections", _("\"%s\" cannot be a "
				 "section key; choose another name"), template_keys[i]);
			goto out;
		}
	ld_mark(ld, sec->name, "sections", line);
	if (template_title(ld, t, sec) < 0)
		goto out;
	/* A label line for a key that is not listed is a mistake. */
	for (i = 0; i < ld->nkeys; i++) {
		const struct scan_key *k = &ld->keys[i];

		if (&ld->secs[k->sec] != sec || strcmp(k->key, "sections") == 0 ||
		    strcmp(k->key, "title") == 0)
			continue;
		if (!strlist_has(&keys, k->key)) {
			fail_key(ld, k->line, sec->name, k->key, _("\"%s\" is not in sections "
				 "(line %d); add it there or remove this line"), k->key, line);
			goto out;
		}
	}
	for (i = 0; i < keys.n; i++) {
		int lline;
		const char *label = ld_value(ld, sec->name, keys.v[i], &lline);

		if (!label && lline)
			goto out;
		if (!label) {
			fail_key(ld, line, sec->name, "sections", _("section \"%s\" has no "
				 "label; add a line %s = LABEL"), keys.v[i], keys.v[i]);
			goto out;
		}
		if (check_label(ld, lline, sec->name, keys.v[i], label) < 0)
			goto out;
		labels_push(ld, &t->sections, keys.v[i], label);
		ld_mark(ld, sec->name, keys.v[i], lline);
	}
	rc = ld->oom ? ld_oom(ld) : 0;
out:
	strlist_free(&keys);
	return rc;
}

/* Append the template NAME to the config: from its [template.NAME] section
 * SEC when the file has one, else the built-in one.  LIST_LINE is the line
 * of [aar] templates. */
static int template_add(struct loader *ld, const char *name, const struct scan_sec *sec,
			int list_line)
{
	struct config *cfg = ld->cfg;
	struct cfg_template *t;
	const struct builtin_template *b = builtin_template(name);
	size_t i;

	if (!sec && !b) {
		const char *names[NELEM(builtin_templates) + 1];
		char builtins[128];

		for (i = 0; i < NELEM(builtin_templates); i++)
			names[i] = builtin_templates[i].name;
		names[i] = NULL;
		return fail_key(ld, list_line, "aar", "templates", _("template \"%s\" is neither "
				"built in (%s) nor defined in a [template.%s] section"), name,
				join_or(names, builtins, sizeof builtins), name);
	}
	t = realloc(cfg->templates, (cfg->ntemplates + 1) * sizeof *t);
	if (!t) {
		ld->oom = 1;
		return ld_oom(ld);
	}
	cfg->templates = t;
	t = &cfg->templates[cfg->ntemplates];
	memset(t, 0, sizeof *t);
	t->name = ld_strdup(ld, name);
	if (!t->name)
		return ld_oom(ld);
	cfg->ntemplates++;
	if (sec)
		return template_from_section(ld, t, sec);
	t->title = ld_strdup(ld, b->title);
	for (i = 0; i < b->n; i++)
		labels_push(ld, &t->sections, b->sections[i].code, b->sections[i].label);
	return ld->oom ? ld_oom(ld) : 0;
}

/* [aar] templates and default, and the [template.NAME] sections. */
static int apply_aar(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	struct strlist names = { NULL, 0 };
	const char *v, *def;
	char shown[128], list[512];
	int line, dline, rc = -1;
	size_t i;

	v = ld_value(ld, "aar", "templates", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (parse_name_list(ld, line, "aar", "templates", v,
				    "aar4, gotoknow4, lessons8", &names) < 0)
			goto out;
		ld_mark(ld, "aar", "templates", line);
	} else {
		for (i = 0; i < NELEM(builtin_templates); i++)
			strlist_push(ld, &names, builtin_templates[i].name);
		if (ld->oom) {
			ld_oom(ld);
			goto out;
		}
	}
	/* A [template.NAME] that is not listed would never be used. */
	for (i = 0; i < ld->nsecs; i++) {
		const struct scan_sec *s = &ld->secs[i];

		if (s->kind == SEC_TEMPLATE &&
		    !strlist_has(&names, s->name + TEMPLATE_PREFIX_LEN)) {
			fail_line(ld, s->line, _("section [%s] defines template \"%s\", but "
				  "[aar] templates does not list it; add it to templates"),
				  s->name, s->name + TEMPLATE_PREFIX_LEN);
			goto out;
		}
	}
	templates_free(cfg);
	for (i = 0; i < names.n; i++) {
		char secname[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1];

		snprintf(secname, sizeof secname, "%s%s", TEMPLATE_PREFIX, names.v[i]);
		if (template_add(ld, names.v[i], scan_section_find(ld, secname), line) < 0)
			goto out;
	}

	def = ld_value(ld, "aar", "default", &dline);
	if (!def && dline)
		goto out;
	/* Quote the listed names as "a, b or c". */
	{
		const char **nv = malloc((names.n + 1) * sizeof *nv);

		if (!nv) {
			ld->oom = 1;
			ld_oom(ld);
			goto out;
		}
		for (i = 0; i < names.n; i++)
			nv[i] = names.v[i];
		nv[names.n] = NULL;
		join_or(nv, list, sizeof list);
		free(nv);
	}
	if (def) {
		if (!strlist_has(&names, def)) {
			fail_key(ld, dline, "aar", "default", _("\"%s\" is not allowed; expected "
				 "one of the templates: %s"), clip(def, shown, sizeof shown), list);
			goto out;
		}
		ld_set(ld, &cfg->aar_default, def);
		ld_mark(ld, "aar", "default", dline);
	} else if (!strlist_has(&names, cfg->aar_default)) {
		fail_key(ld, line, "aar", "templates", _("the default template %s is not "
			 "listed; add it, or set [aar] default to one of %s"),
			 cfg->aar_default, list);
		goto out;
	}
	rc = ld->oom ? ld_oom(ld) : 0;
out:
	strlist_free(&names);
	return rc;
}

/* [keys]: each line replaces its action's default keys; then no key may
 * be bound to two actions. */
static int apply_keys(struct loader *ld)
{
	struct cfg_labels *l = &ld->cfg->keys;
	struct keyspec *parsed[ACT_COUNT] = { NULL };
	int count[ACT_COUNT], line[ACT_COUNT];
	int best_line = 0, rc = -1;
	size_t i, j, best_a = 0, best_b = 0;
	struct keyspec best_key = { KEY_KIND_CHAR, 0 };
	int ki, kj;

	for (i = 0; i < ACT_COUNT; i++) {
		const char *v = ld_value(ld, "keys", action_table[i].name, &line[i]);

		if (!v && line[i])
			goto out;
		if (!v)
			v = action_table[i].default_keys;
		count[i] = key_parse_list(v, &parsed[i], ld->err);
		if (count[i] < 0) {
			if (line[i] == 0) {
				rm_error_prefix(ld->err, _("built-in key table: %s"),
						action_table[i].name);
				goto out;
			}
			rm_error_prefix(ld->err, "%s:%d: [keys] %s", ld->path, line[i],
					action_table[i].name);
			goto out;
		}
		if (line[i]) {
			char *p = ld_strdup(ld, v);

			if (!p) {
				ld_oom(ld);
				goto out;
			}
			free(l->v[i].label);
			l->v[i].label = p;
			ld_mark(ld, "keys", action_table[i].name, line[i]);
		}
	}
	/* Report the clash on the earliest file line that causes one. */
	for (i = 0; i < ACT_COUNT; i++) {
		for (j = i + 1; j < ACT_COUNT; j++) {
			int at = line[i] > line[j] ? line[i] : line[j];

			if (at == 0 || (best_line && at >= best_line))
				continue;
			for (ki = 0; ki < count[i]; ki++) {
				for (kj = 0; kj < count[j]; kj++) {
					if (!key_equal(&parsed[i][ki], &parsed[j][kj]))
						continue;
					best_line = at;
					best_a = line[i] >= line[j] ? i : j;
					best_b = best_a == i ? j : i;
					best_key = parsed[i][ki];
					goto next_pair;
				}
			}
next_pair:		;
		}
	}
	if (best_line) {
		char name[16];
		char where[64];

		key_format(&best_key, name, sizeof name);
		if (line[best_b])
			snprintf(where, sizeof where, _("on line %d"), line[best_b]);
		else
			snprintf(where, sizeof where, "%s", _("by default"));
		fail_key(ld, best_line, "keys", action_table[best_a].name, _("key %s is also "
			 "bound to %s (%s); a key can do only one thing, so bind %s or %s "
			 "to another key"), name, action_table[best_b].name, where,
			 action_table[best_a].name, action_table[best_b].name);
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < ACT_COUNT; i++)
		free(parsed[i]);
	return rc;
}

/* ---- The entries -------------------------------------------------------- */

static void entry_add(struct loader *ld, const char *sec, const char *key, const char *value)
{
	struct config *cfg = ld->cfg;
	struct cfg_entry *e;
	int line = ld->path ? origin_line(ld, sec, key) : 0;

	if (ld->oom)
		return;
	if (ld_grow(ld, (void **)&cfg->entries, cfg->nentries, sizeof *cfg->entries) < 0)
		return;
	e = &cfg->entries[cfg->nentries];
	e->section = ld_strdup(ld, sec);
	e->key = ld_strdup(ld, key);
	e->value = ld_strdup(ld, value);
	e->origin = ld_strdup(ld, line ? ld->path : "built-in");
	e->line = line;
	if (ld->oom) {
		free(e->section);
		free(e->key);
		free(e->value);
		free(e->origin);
		return;
	}
	cfg->nentries++;
}

static void entry_labels(struct loader *ld, const char *sec, const struct cfg_labels *l,
			 const char *prefix)
{
	char key[NAME_MAX_LEN + 16];
	size_t i;

	for (i = 0; i < l->n; i++) {
		snprintf(key, sizeof key, "%s%s", prefix, l->v[i].code);
		entry_add(ld, sec, key, l->v[i].label);
	}
}

/* "a, b, c" of the codes of L into a malloc'd string (NULL: out of memory). */
static char *join_codes(struct loader *ld, const struct cfg_labels *l)
{
	struct sbuf b = { NULL, 0, 0 };
	size_t i;

	sbuf_add(ld, &b, "");
	for (i = 0; i < l->n; i++) {
		if (i)
			sbuf_add(ld, &b, ", ");
		sbuf_add(ld, &b, l->v[i].code);
	}
	if (ld->oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* Format D without a trailing ".0": 20, 12.5. */
static void format_number(double d, char *buf, size_t size)
{
	snprintf(buf, size, "%.6g", d);
}

/* Fill cfg->entries from the final configuration, in section order. */
static int build_entries(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	char buf[128], num[32];
	char *s;
	size_t i;
	int j;

	entry_add(ld, "office", "code", cfg->office_code);
	entry_add(ld, "office", "name", cfg->office_name);
	entry_add(ld, "office", "short_name", cfg->office_short_name);
	entry_add(ld, "office", "level", cfg->office_level);
	entry_add(ld, "office", "parent", cfg->office_parent);
	entry_add(ld, "database", "path", cfg->db_path);
	entry_add(ld, "database", "shared_group", cfg->db_shared_group);
	snprintf(buf, sizeof buf, "%d", cfg->db_wait);
	entry_add(ld, "database", "wait", buf);
	entry_add(ld, "ui", "language", ui_languages[cfg->language]);
	entry_add(ld, "ui", "calendar", ui_calendars[cfg->calendar]);
	entry_add(ld, "ui", "color", ui_colors[cfg->color]);
	entry_add(ld, "ui", "line_drawing", ui_lines[cfg->line_drawing]);
	if (cfg->escdelay >= 0)
		snprintf(buf, sizeof buf, "%d", cfg->escdelay);
	else
		buf[0] = '\0';
	entry_add(ld, "ui", "escdelay", buf);
	for (j = 0; j < LEVEL_COUNT; j++)
		entry_add(ld, "levels", level_names[level_order[j]],
			  cfg->level_label[level_order[j]]);
	entry_labels(ld, "key_activities", &cfg->key_activities, "");
	entry_labels(ld, "support_frames", &cfg->support_frames, "");
	entry_labels(ld, "support_sources", &cfg->support_sources, "");
	buf[0] = '\0';
	for (j = 0; j < 4; j++) {
		format_number(cfg->rank_thresholds[j], num, sizeof num);
		if (j)
			strcat(buf, ",");
		strcat(buf, num);
	}
	entry_add(ld, "rank", "thresholds", buf);
	format_number(cfg->partial_weight, num, sizeof num);
	entry_add(ld, "rank", "partial_weight", num);
	s = join_codes(ld, &cfg->slm_columns);
	if (s)
		entry_add(ld, "slm", "columns", s);
	free(s);
	entry_labels(ld, "slm", &cfg->slm_columns, "column.");
	{
		struct sbuf b = { NULL, 0, 0 };

		sbuf_add(ld, &b, "");
		for (i = 0; i < cfg->ntemplates; i++) {
			if (i)
				sbuf_add(ld, &b, ", ");
			sbuf_add(ld, &b, cfg->templates[i].name);
		}
		if (b.p)
			entry_add(ld, "aar", "templates", b.p);
		free(b.p);
	}
	entry_add(ld, "aar", "default", cfg->aar_default);
	for (i = 0; i < cfg->ntemplates; i++) {
		char sec[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1];

		snprintf(sec, sizeof sec, "%s%s", TEMPLATE_PREFIX, cfg->templates[i].name);
		if (cfg->templates[i].title)
			entry_add(ld, sec, "title", cfg->templates[i].title);
		s = join_codes(ld, &cfg->templates[i].sections);
		if (s)
			entry_add(ld, sec, "sections", s);
		free(s);
		entry_labels(ld, sec, &cfg->templates[i].sections, "");
	}
	/* Keys in their canonical spelling. */
	for (i = 0; i < cfg->keys.n; i++) {
		struct keyspec *keys;
		struct sbuf b = { NULL, 0, 0 };
		int n = key_parse_list(cfg->keys.v[i].label, &keys, NULL);

		sbuf_add(ld, &b, "");
		for (j = 0; j < n; j++) {
			char name[16];

			key_format(&keys[j], name, sizeof name);
			if (j)
				sbuf_add(ld, &b, " ");
			sbuf_add(ld, &b, name);
		}
		if (n > 0)
			free(keys);
		if (b.p)
			entry_add(ld, "keys", cfg->keys.v[i].code, b.p);
		free(b.p);
	}
	return ld->oom ? ld_oom(ld) : 0;
}

/* ---- Public ------------------------------------------------------------- */

/* The built-in values into ld->cfg (already zeroed). */
static void defaults_fill(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	size_t i;
	int j;

	cfg->office_code = ld_strdup(ld, builtin_office.code);
	cfg->office_name = ld_strdup(ld, builtin_office.name);
	cfg->office_short_name = ld_strdup(ld, builtin_office.short_name);
	cfg->office_level = ld_strdup(ld, builtin_office.level);
	cfg->office_parent = ld_strdup(ld, "");
	cfg->db_path = ld_strdup(ld, "");
	cfg->db_shared_group = ld_strdup(ld, "");
	cfg->db_wait = 60;
	cfg->language = CFG_LANG_TH;
	cfg->calendar = CFG_CAL_BUDDHIST;
	cfg->color = CFG_AUTO;
	cfg->line_drawing = CFG_LINES_AUTO;
	cfg->escdelay = -1;
	for (j = 0; j < LEVEL_COUNT; j++)
		cfg->level_label[j] = ld_strdup(ld, builtin_level_label[j]);
	labels_from_builtin(ld, &cfg->key_activities, builtin_key_activities,
			    NELEM(builtin_key_activities));
	labels_from_builtin(ld, &cfg->support_frames, builtin_support_frames,
			    NELEM(builtin_support_frames));
	labels_from_builtin(ld, &cfg->support_sources, builtin_support_sources,
			    NELEM(builtin_support_sources));
	memcpy(cfg->rank_thresholds, builtin_thresholds, sizeof builtin_thresholds);
	cfg->partial_weight = BUILTIN_PARTIAL_WEIGHT;
	labels_from_builtin(ld, &cfg->slm_columns, builtin_slm_columns,
			    NELEM(builtin_slm_columns));
	cfg->templates = calloc(NELEM(builtin_templates), sizeof *cfg->templates);
	if (!cfg->templates) {
		ld->oom = 1;
	} else {
		for (i = 0; i < NELEM(builtin_templates); i++) {
			const struct builtin_template *b = &builtin_templates[i];
			struct cfg_template *t = &cfg->templates[i];

			t->name = ld_strdup(ld, b->name);
			t->title = ld_strdup(ld, b->title);
			cfg->ntemplates++;
			labels_from_builtin(ld, &t->sections, b->sections, b->n);
		}
	}
	cfg->aar_default = ld_strdup(ld, BUILTIN_AAR_DEFAULT);
	for (i = 0; i < ACT_COUNT; i++)
		labels_push(ld, &cfg->keys, action_table[i].name, action_table[i].default_keys);
}

static void loader_free(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nsecs; i++)
		free(ld->secs[i].name);
	free(ld->secs);
	for (i = 0; i < ld->nkeys; i++)
		free(ld->keys[i].key);
	free(ld->keys);
	for (i = 0; i < ld->norigins; i++) {
		free(ld->origins[i].section);
		free(ld->origins[i].key);
	}
	free(ld->origins);
	if (ld->dict)
		iniparser_freedict(ld->dict);
	memset(ld, 0, sizeof *ld);
}

int config_defaults(struct config *cfg, struct rm_error *err)
{
	struct loader ld;

	memset(cfg, 0, sizeof *cfg);
	memset(&ld, 0, sizeof ld);
	ld.cfg = cfg;
	ld.err = err;
	defaults_fill(&ld);
	if (ld.oom || build_entries(&ld) < 0) {
		ld_oom(&ld);
		config_free(cfg);
		return -1;
	}
	return 0;
}

int config_load(struct config *cfg, const char *path, struct rm_error *err)
{
	struct loader ld;
	struct stat st;
	char *data = NULL;
	const char *text;
	size_t len = 0;
	int has_bom;

	if (!path)
		return config_defaults(cfg, err);
	memset(cfg, 0, sizeof *cfg);
	memset(&ld, 0, sizeof ld);
	ld.path = path;
	ld.cfg = cfg;
	ld.err = err;

	if (file_read(&ld, &data, &len) < 0)
		goto fail;
	text = data;
	has_bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	if (has_bom) {
		text += 3;
		len -= 3;
	}
	if (scan_text(&ld, text, len) < 0)
		goto fail;
	if (ini_load(&ld, text, len, has_bom || stat(path, &st) != 0 ||
		     !S_ISREG(st.st_mode)) < 0)
		goto fail;

	defaults_fill(&ld);
	cfg->path = ld_strdup(&ld, path);
	if (ld.oom) {
		ld_oom(&ld);
		goto fail;
	}
	if (apply_office(&ld) < 0 || apply_database(&ld) < 0 || apply_ui(&ld) < 0 ||
	    apply_levels(&ld) < 0 || apply_key_activities(&ld) < 0 ||
	    apply_support_frames(&ld) < 0 || apply_support_sources(&ld) < 0 ||
	    apply_rank(&ld) < 0 || apply_slm(&ld) < 0 || apply_aar(&ld) < 0 ||
	    apply_keys(&ld) < 0)
		goto fail;
	if (ld.oom) {
		ld_oom(&ld);
		goto fail;
	}
	if (build_entries(&ld) < 0)
		goto fail;
	free(data);
	loader_free(&ld);
	return 0;
fail:
	free(data);
	loader_free(&ld);
	config_free(cfg);
	return -1;
}

void config_free(struct config *cfg)
{
	size_t i;
	int j;

	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->office_code);
	free(cfg->office_name);
	free(cfg->office_short_name);
	free(cfg->office_level);
	free(cfg->office_parent);
	free(cfg->db_path);
	free(cfg->db_shared_group);
	for (j = 0; j < LEVEL_COUNT; j++)
		free(cfg->level_label[j]);
	labels_clear(&cfg->key_activities);
	labels_clear(&cfg->support_frames);
	labels_clear(&cfg->support_sources);
	labels_clear(&cfg->slm_columns);
	templates_free(cfg);
	free(cfg->aar_default);
	labels_clear(&cfg->keys);
	for (i = 0; i < cfg->nentries; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
		free(cfg->entries[i].origin);
	}
	free(cfg->entries);
	memset(cfg, 0, sizeof *cfg);
}

const char *config_label(const struct cfg_labels *labels, const char *code)
{
	size_t i;

	if (!labels || !code)
		return NULL;
	for (i = 0; i < labels->n; i++)
		if (strcmp(labels->v[i].code, code) == 0)
			return labels->v[i].label;
	return NULL;
}

const struct cfg_template *config_template(const struct config *cfg, const char *name)
{
	size_t i;

	if (!cfg || !name)
		return NULL;
	for (i = 0; i < cfg->ntemplates; i++)
		if (strcmp(cfg->templates[i].name, name) == 0)
			return &cfg->templates[i];
	return NULL;
}

const char *config_template_title(const struct config *cfg, const char *name)
{
	const struct cfg_template *t = config_template(cfg, name);

	return t && t->title ? t->title : name ? name : "";
}

int config_level_from_name(const char *name)
{
	int i;

	if (!name)
		return -1;
	for (i = 0; i < LEVEL_COUNT; i++)
		if (strcmp(level_names[i], name) == 0)
			return i;
	return -1;
}

const char *config_level_name(enum map_level level)
{
	if ((int)level < 0 || level >= LEVEL_COUNT)
		return NULL;
	return level_names[level];
}
