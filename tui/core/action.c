/* action.c - the action table, and keys as they are written in the INI file.
 *
 * A key is one Unicode character (case-sensitive: "q" and "Q" differ) or a
 * key name (case-insensitive: "enter", "ENTER" and "Enter" are the same).
 * No curses here: ui/ maps a struct keyspec to what get_wch() returns.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "routemap/action.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

const struct action_info action_table[ACT_COUNT] = {
#define ACTION_ROW(id, name, keys, help, writes) { ACT_##id, name, keys, help, writes },
	ROUTEMAP_ACTIONS(ACTION_ROW)
#undef ACTION_ROW
};

/* Canonical spellings, indexed by enum key_name. */
static const char *const key_canon[] = {
	[KN_ENTER] = "Enter", [KN_ESC] = "Esc", [KN_TAB] = "Tab",
	[KN_SHIFT_TAB] = "Shift-Tab", [KN_SPACE] = "Space",
	[KN_BACKSPACE] = "Backspace", [KN_DELETE] = "Delete",
	[KN_INSERT] = "Insert", [KN_UP] = "Up", [KN_DOWN] = "Down",
	[KN_LEFT] = "Left", [KN_RIGHT] = "Right", [KN_PGUP] = "PgUp",
	[KN_PGDN] = "PgDn", [KN_HOME] = "Home", [KN_END] = "End",
	[KN_CTRL_LEFT] = "Ctrl-Left", [KN_CTRL_RIGHT] = "Ctrl-Right",
};

#define KEY_CANON_COUNT (sizeof key_canon / sizeof key_canon[0])

/* Other accepted spellings of named keys. */
static const struct {
	const char *name;
	enum key_name key;
} key_alias[] = {
	{ "S-Tab", KN_SHIFT_TAB },
	{ "PageUp", KN_PGUP },
	{ "PageDown", KN_PGDN },
};

/* What every "unknown key" message says is allowed. */
#define KEY_ALLOWED _("expected one character (such as q, G, ? or ก) or a key name: " \
	"Enter, Esc, Tab, Shift-Tab, Space, Backspace, Delete, Insert, " \
	"Up, Down, Left, Right, PgUp, PgDn, Home, End, Ctrl-Left, Ctrl-Right, " \
	"F1 to F12, Ctrl-A to Ctrl-Z")

int action_from_name(const char *name)
{
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < ACT_COUNT; i++)
		if (strcasecmp(action_table[i].name, name) == 0)
			return (int)i;
	return -1;
}


/* True for characters that cannot be a literal key: controls, and spaces
 * or invisible characters that nobody could see in the INI file. */
static int key_cp_refused(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	switch (cp) {
	case 0x20: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
		return 1;
	default:
		break;
	}
	return (cp >= 0x2000 && cp <= 0x200F);
}

/* Read "F1".."F12" (any case); 0 when TEXT is not a function key. */
static unsigned key_parse_fn(const char *text)
{
	unsigned n = 0;
	const char *p;

	if (text[0] != 'F' && text[0] != 'f')
		return 0;
	p = text + 1;
	if (*p < '1' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9' && n < 100)
		n = n * 10 + (unsigned)(*p++ - '0');
	if (*p != '\0' || n < 1 || n > 12)
		return 0;
	return n;
}

/* Length of a Ctrl prefix ("Ctrl-", "C-", "^", any case) at TEXT, or 0. */
static size_t key_ctrl_prefix(const char *text)
{
	if (strncasecmp(text, "Ctrl-", 5) == 0)
		return 5;
	if (strncasecmp(text, "C-", 2) == 0)
		return 2;
	if (text[0] == '^')
		return 1;
	return 0;
}

int key_parse(const char *text, struct keyspec *key, struct rm_error *err)
{
	size_t len, i, pre;
	uint32_t cp;
	unsigned fn;
	int n;

	if (!text || !*text)
		return rm_fail(err, RM_EXIT_USAGE, _("no key given; %s"), KEY_ALLOWED);
	len = strlen(text);
	n = utf8_decode(text, len, &cp);
	if (n < 0)
		return rm_fail(err, RM_EXIT_USAGE,
			       _("a key is not valid UTF-8; save the file as UTF-8"));
	if ((size_t)n == len) {
		if (cp == ' ')
			return rm_fail(err, RM_EXIT_USAGE,
				       _("a space is not a key by itself; write Space"));
		if (key_cp_refused(cp))
			return rm_fail(err, RM_EXIT_USAGE,
				       _("U+%04X is a control or invisible character, not a key; %s"),
				       (unsigned)cp, KEY_ALLOWED);
		key->kind = KEY_KIND_CHAR;
		key->value = cp;
		return 0;
	}
	for (i = 0; i < KEY_CANON_COUNT; i++) {
		if (strcasecmp(text, key_canon[i]) == 0) {
			key->kind = KEY_KIND_NAMED;
			key->value = (unsigned)i;
			return 0;
		}
	}
	for (i = 0; i < sizeof key_alias / sizeof key_alias[0]; i++) {
		if (strcasecmp(text, key_alias[i].name) == 0) {
			key->kind = KEY_KIND_NAMED;
			key->value = key_alias[i].key;
			return 0;
		}
	}
	fn = key_parse_fn(text);
	if (fn) {
		key->kind = KEY_KIND_FN;
		key->value = fn;
		return 0;
	}
	pre = key_ctrl_prefix(text);
	if (pre) {
		const char *rest = text + pre;

		if (strcasecmp(rest, "Left") == 0 || strcasecmp(rest, "Right") == 0) {
			key->kind = KEY_KIND_NAMED;
			key->value = (rest[0] == 'L' || rest[0] == 'l') ?
				KN_CTRL_LEFT : KN_CTRL_RIGHT;
			return 0;
		}
		if (((rest[0] >= 'a' && rest[0] <= 'z') ||
		     (rest[0] >= 'A' && rest[0] <= 'Z')) && rest[1] == '\0') {
			unsigned letter = (unsigned)(rest[0] | 0x20);

			/* A terminal sends the same byte for these pairs. */
			if (letter == 'i') {
				key->kind = KEY_KIND_NAMED;
				key->value = KN_TAB;
			} else if (letter == 'm') {
				key->kind = KEY_KIND_NAMED;
				key->value = KN_ENTER;
			} else {
				key->kind = KEY_KIND_CTRL;
				key->value = letter;
			}
			return 0;
		}
		return rm_fail(err, RM_EXIT_USAGE,
			       _("unknown key \"%s\"; Ctrl- must be followed by one letter A to Z, "
			       "or by Left or Right (Ctrl-L, Ctrl-Left)"), text);
	}
	return rm_fail(err, RM_EXIT_USAGE, _("unknown key \"%s\"; %s"), text, KEY_ALLOWED);
}

void key_format(const struct keyspec *key, char *buf, size_t size)
{
	char tmp[16];
	int n;

	if (!buf || size == 0)
		return;
	tmp[0] = '\0';
	switch (key->kind) {
	case KEY_KIND_CHAR:
		n = utf8_encode(key->value, tmp);
		tmp[n] = '\0';
		break;
	case KEY_KIND_NAMED:
		if (key->value < KEY_CANON_COUNT)
			snprintf(tmp, sizeof tmp, "%s", key_canon[key->value]);
		break;
	case KEY_KIND_CTRL:
		if (key->value >= 'a' && key->value <= 'z')
			snprintf(tmp, sizeof tmp, "Ctrl-%c", (char)(key->value - 'a' + 'A'));
		break;
	case KEY_KIND_FN:
		if (key->value >= 1 && key->value <= 12)
			snprintf(tmp, sizeof tmp, "F%u", key->value);
		break;
	}
	/* Never hand back a cut spelling: it would be another key. */
	if (strlen(tmp) >= size)
		buf[0] = '\0';
	else
		memcpy(buf, tmp, strlen(tmp) + 1);
}

int key_equal(const struct keyspec *a, const struct keyspec *b)
{
	return a->kind == b->kind && a->value == b->value;
}

static int key_is_sep(char c)
{
	return c == ' ' || c == '\t' || c == ',';
}

/* The keys are split at spaces, tabs and commas; a key listed twice is an
 * error.  *KEYS is malloc'd (NULL on error); the caller frees it. */
int key_parse_list(const char *text, struct keyspec **keys, struct rm_error *err)
{
	struct keyspec *v = NULL;
	size_t n = 0, cap, i;
	char *copy, *p;

	*keys = NULL;
	if (!text)
		text = "";
	copy = strdup(text);
	if (!copy)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	/* At most one key per two bytes, plus one. */
	cap = strlen(copy) / 2 + 1;
	v = malloc(cap * sizeof *v);
	if (!v) {
		free(copy);
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	p = copy;
	for (;;) {
		char *tok;
		struct keyspec k;

		while (*p && key_is_sep(*p))
			p++;
		if (!*p)
			break;
		tok = p;
		while (*p && !key_is_sep(*p))
			p++;
		if (*p)
			*p++ = '\0';
		if (key_parse(tok, &k, err) < 0)
			goto fail;
		for (i = 0; i < n; i++) {
			if (key_equal(&v[i], &k)) {
				char name[16];

				key_format(&k, name, sizeof name);
				rm_fail(err, RM_EXIT_USAGE, _("key %s is listed twice"), name);
				goto fail;
			}
		}
		v[n++] = k;
	}
	free(copy);
	if (n == 0) {
		free(v);
		return rm_fail(err, RM_EXIT_USAGE,
			       _("no key given; expected one or more keys separated by spaces, "
			       "e.g. \"q Esc\""));
	}
	*keys = v;
	return (int)n;
fail:
	free(copy);
	free(v);
	return -1;
}

/* The Kedmanee layout, key by key: the Latin characters of a US keyboard
 * and, at the same place, what the Thai layout types.  Unshifted, then
 * shifted. */
static const char kedmanee_latin[] =
	"1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
	"!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?";
static const char *const kedmanee_thai[] = {
	"ๅ", "/", "-", "ภ", "ถ", "ุ", "ึ", "ค", "ต", "จ", "ข", "ช",
	"ๆ", "ไ", "ำ", "พ", "ะ", "ั", "ี", "ร", "น", "ย", "บ", "ล", "ฃ",
	"ฟ", "ห", "ก", "ด", "เ", "้", "่", "า", "ส", "ว", "ง",
	"ผ", "ป", "แ", "อ", "ิ", "ื", "ท", "ม", "ใ", "ฝ",
	"+", "๑", "๒", "๓", "๔", "ู", "฿", "๕", "๖", "๗", "๘", "๙",
	"๐", "\"", "ฎ", "ฑ", "ธ", "ํ", "๊", "ณ", "ฯ", "ญ", "ฐ", ",", "ฅ",
	"ฤ", "ฆ", "ฏ", "โ", "ฌ", "็", "๋", "ษ", "ศ", "ซ", ".",
	"(", ")", "ฉ", "ฮ", "ฺ", "์", "?", "ฒ", "ฬ", "ฦ",
};

_Static_assert(sizeof kedmanee_latin - 1 == sizeof kedmanee_thai / sizeof kedmanee_thai[0],
	       "one Thai character per key");

const char *key_latin_kedmanee(unsigned char c)
{
	const char *at = c ? strchr(kedmanee_latin, c) : NULL;

	return at ? kedmanee_thai[at - kedmanee_latin] : NULL;
}

uint32_t key_kedmanee_latin(uint32_t cp)
{
	size_t i;

	/* ASCII is typed as itself: "/" is the search key, whatever the layout. */
	if (cp < 0x80)
		return 0;
	for (i = 0; i < sizeof kedmanee_thai / sizeof kedmanee_thai[0]; i++) {
		uint32_t t;

		if (utf8_decode(kedmanee_thai[i], strlen(kedmanee_thai[i]), &t) > 0 && t == cp)
			return (unsigned char)kedmanee_latin[i];
	}
	return 0;
}
