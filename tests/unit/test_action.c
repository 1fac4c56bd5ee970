/* test_action.c - the action table and the key parser. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/action.h"
#include "routemap/text.h"

/* KEY must parse to KIND/VALUE and format back as CANON. */
static void parses_as(const char *key, enum key_kind kind, unsigned value, const char *canon)
{
	struct keyspec k = { KEY_KIND_FN, 99 };
	struct rm_error err = { 0, "" };
	char buf[32];

	if (key_parse(key, &k, &err) != 0)
		fail_msg("key_parse(\"%s\"): %s", key, err.msg);
	assert_int_equal(k.kind, kind);
	assert_int_equal(k.value, value);
	key_format(&k, buf, sizeof buf);
	assert_string_equal(buf, canon);
}

/* KEY must be refused with exactly MSG, status 2. */
static void refused(const char *key, const char *msg)
{
	struct keyspec k;
	struct rm_error err = { 0, "" };

	assert_int_equal(key_parse(key, &k, &err), -1);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.status, RM_EXIT_USAGE);
}

#define ALLOWED "expected one character (such as q, G, ? or ก) or a key name: " \
	"Enter, Esc, Tab, Shift-Tab, Space, Backspace, Delete, Insert, Up, Down, Left, " \
	"Right, PgUp, PgDn, Home, End, Ctrl-Left, Ctrl-Right, F1 to F12, Ctrl-A to Ctrl-Z"

static void test_action_table(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < ACT_COUNT; i++) {
		assert_int_equal(action_table[i].id, i);
		assert_int_equal(action_from_name(action_table[i].name), (int)i);
		assert_non_null(action_table[i].help);
		for (j = i + 1; j < ACT_COUNT; j++)
			assert_string_not_equal(action_table[i].name, action_table[j].name);
	}
	assert_int_equal(action_from_name("quit"), ACT_QUIT);
	assert_int_equal(action_from_name("redraw"), ACT_REDRAW);
	assert_int_equal(action_from_name("Move_Up"), ACT_MOVE_UP);
	assert_int_equal(action_from_name("ออก"), -1);
	assert_int_equal(action_from_name(""), -1);
	assert_int_equal(action_from_name(NULL), -1);
}

/* Every default binding parses, and no key does two things. */
static void test_default_keys(void **state)
{
	struct keyspec *keys[ACT_COUNT];
	int n[ACT_COUNT];
	struct rm_error err = { 0, "" };
	size_t i, j;
	int a, b;

	(void)state;
	for (i = 0; i < ACT_COUNT; i++) {
		n[i] = key_parse_list(action_table[i].default_keys, &keys[i], &err);
		if (n[i] < 1)
			fail_msg("%s: %s", action_table[i].name, err.msg);
	}
	for (i = 0; i < ACT_COUNT; i++)
		for (j = i + 1; j < ACT_COUNT; j++)
			for (a = 0; a < n[i]; a++)
				for (b = 0; b < n[j]; b++)
					if (key_equal(&keys[i][a], &keys[j][b]))
						fail_msg("%s and %s share a key", action_table[i].name,
							 action_table[j].name);
	for (i = 0; i < ACT_COUNT; i++)
		free(keys[i]);
}

static void test_thai_character(void **state)
{
	(void)state;
	/* ๆ (U+0E46) is where q is on the Kedmanee layout. */
	parses_as("ๆ", KEY_KIND_CHAR, 0x0E46, "ๆ");
	parses_as("ก", KEY_KIND_CHAR, 0x0E01, "ก");
	/* A tone mark arrives from get_wch as a key of its own. */
	parses_as("่", KEY_KIND_CHAR, 0x0E48, "่");
	parses_as("€", KEY_KIND_CHAR, 0x20AC, "€");
	parses_as("😀", KEY_KIND_CHAR, 0x1F600, "😀");
	refused("กา", "unknown key \"กา\"; " ALLOWED);
}

static void test_literal_case_sensitive(void **state)
{
	struct keyspec a, b;

	(void)state;
	parses_as("q", KEY_KIND_CHAR, 'q', "q");
	parses_as("Q", KEY_KIND_CHAR, 'Q', "Q");
	parses_as("?", KEY_KIND_CHAR, '?', "?");
	parses_as("^", KEY_KIND_CHAR, '^', "^");
	parses_as("#", KEY_KIND_CHAR, '#', "#");
	assert_int_equal(key_parse("g", &a, NULL), 0);
	assert_int_equal(key_parse("G", &b, NULL), 0);
	assert_false(key_equal(&a, &b));
}

static void test_ctrl(void **state)
{
	(void)state;
	parses_as("Ctrl-L", KEY_KIND_CTRL, 'l', "Ctrl-L");
	parses_as("ctrl-l", KEY_KIND_CTRL, 'l', "Ctrl-L");
	parses_as("CTRL-l", KEY_KIND_CTRL, 'l', "Ctrl-L");
	parses_as("C-x", KEY_KIND_CTRL, 'x', "Ctrl-X");
	parses_as("c-X", KEY_KIND_CTRL, 'x', "Ctrl-X");
	parses_as("^c", KEY_KIND_CTRL, 'c', "Ctrl-C");
	parses_as("^Z", KEY_KIND_CTRL, 'z', "Ctrl-Z");
	parses_as("Ctrl-A", KEY_KIND_CTRL, 'a', "Ctrl-A");
	/* The same bytes on every terminal: read as Tab and Enter. */
	parses_as("Ctrl-I", KEY_KIND_NAMED, KN_TAB, "Tab");
	parses_as("^M", KEY_KIND_NAMED, KN_ENTER, "Enter");
	parses_as("Ctrl-Left", KEY_KIND_NAMED, KN_CTRL_LEFT, "Ctrl-Left");
	parses_as("C-right", KEY_KIND_NAMED, KN_CTRL_RIGHT, "Ctrl-Right");
	parses_as("^Left", KEY_KIND_NAMED, KN_CTRL_LEFT, "Ctrl-Left");
}

static void test_ctrl_refused(void **state)
{
	(void)state;
	refused("Ctrl-1", "unknown key \"Ctrl-1\"; Ctrl- must be followed by one letter A to "
		"Z, or by Left or Right (Ctrl-L, Ctrl-Left)");
	refused("Ctrl-", "unknown key \"Ctrl-\"; Ctrl- must be followed by one letter A to Z, "
		"or by Left or Right (Ctrl-L, Ctrl-Left)");
	refused("^ก", "unknown key \"^ก\"; Ctrl- must be followed by one letter A to Z, or by "
		"Left or Right (Ctrl-L, Ctrl-Left)");
	refused("Ctrl-LL", "unknown key \"Ctrl-LL\"; Ctrl- must be followed by one letter A "
		"to Z, or by Left or Right (Ctrl-L, Ctrl-Left)");
}

static void test_named_keys(void **state)
{
	static const struct {
		const char *text;
		unsigned key;
		const char *canon;
	} named[] = {
		{ "Enter", KN_ENTER, "Enter" }, { "esc", KN_ESC, "Esc" },
		{ "TAB", KN_TAB, "Tab" }, { "Shift-Tab", KN_SHIFT_TAB, "Shift-Tab" },
		{ "s-tab", KN_SHIFT_TAB, "Shift-Tab" }, { "Space", KN_SPACE, "Space" },
		{ "Backspace", KN_BACKSPACE, "Backspace" }, { "delete", KN_DELETE, "Delete" },
		{ "Insert", KN_INSERT, "Insert" }, { "up", KN_UP, "Up" },
		{ "Down", KN_DOWN, "Down" }, { "Left", KN_LEFT, "Left" },
		{ "RIGHT", KN_RIGHT, "Right" }, { "PgUp", KN_PGUP, "PgUp" },
		{ "PageUp", KN_PGUP, "PgUp" }, { "pgdn", KN_PGDN, "PgDn" },
		{ "PageDown", KN_PGDN, "PgDn" }, { "Home", KN_HOME, "Home" },
		{ "End", KN_END, "End" }, { "ctrl-left", KN_CTRL_LEFT, "Ctrl-Left" },
		{ "Ctrl-Right", KN_CTRL_RIGHT, "Ctrl-Right" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		parses_as(named[i].text, KEY_KIND_NAMED, named[i].key, named[i].canon);
}

static void test_function_keys(void **state)
{
	unsigned i;
	char text[8], canon[8];

	(void)state;
	for (i = 1; i <= 12; i++) {
		snprintf(text, sizeof text, "%c%u", i % 2 ? 'F' : 'f', i);
		snprintf(canon, sizeof canon, "F%u", i);
		parses_as(text, KEY_KIND_FN, i, canon);
	}
	parses_as("F", KEY_KIND_CHAR, 'F', "F");
	refused("F0", "unknown key \"F0\"; " ALLOWED);
	refused("F13", "unknown key \"F13\"; " ALLOWED);
	refused("F01", "unknown key \"F01\"; " ALLOWED);
}

static void test_refused(void **state)
{
	(void)state;
	refused("", "no key given; " ALLOWED);
	refused(NULL, "no key given; " ALLOWED);
	refused(" ", "a space is not a key by itself; write Space");
	refused("\t", "U+0009 is a control or invisible character, not a key; " ALLOWED);
	refused("\xC2\xA0", "U+00A0 is a control or invisible character, not a key; " ALLOWED);
	refused("\xE2\x80\x8B", "U+200B is a control or invisible character, not a key; "
		ALLOWED);
	refused("\xA1", "a key is not valid UTF-8; save the file as UTF-8");
	refused("\xE0\xB8", "a key is not valid UTF-8; save the file as UTF-8");
	refused("\xE0\x80\xAF", "a key is not valid UTF-8; save the file as UTF-8");
	refused("\xED\xA0\x80", "a key is not valid UTF-8; save the file as UTF-8");
	refused("\xF4\x90\x80\x80", "a key is not valid UTF-8; save the file as UTF-8");
	refused("\xC0\xAF", "a key is not valid UTF-8; save the file as UTF-8");
	refused("Return", "unknown key \"Return\"; " ALLOWED);
	refused("Shift-A", "unknown key \"Shift-A\"; " ALLOWED);
	refused("qq", "unknown key \"qq\"; " ALLOWED);
}

static void test_format_small_buffer(void **state)
{
	struct keyspec k = { KEY_KIND_NAMED, KN_CTRL_RIGHT };
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof buf);
	key_format(&k, buf, 4);    /* "Ctrl-Right" does not fit: nothing */
	assert_string_equal(buf, "");
	k.kind = KEY_KIND_CHAR;
	k.value = 0x0E01;
	key_format(&k, buf, 3);    /* 3 bytes and a NUL do not fit */
	assert_string_equal(buf, "");
	key_format(&k, buf, 4);
	assert_string_equal(buf, "ก");
	k.kind = KEY_KIND_FN;
	k.value = 13;
	key_format(&k, buf, sizeof buf);
	assert_string_equal(buf, "");
}

static void test_parse_list(void **state)
{
	struct keyspec *keys = NULL;
	struct rm_error err = { 0, "" };
	char buf[16];

	(void)state;
	assert_int_equal(key_parse_list("q Esc", &keys, &err), 2);
	assert_int_equal(keys[0].kind, KEY_KIND_CHAR);
	assert_int_equal(keys[0].value, 'q');
	assert_int_equal(keys[1].kind, KEY_KIND_NAMED);
	assert_int_equal(keys[1].value, KN_ESC);
	free(keys);

	assert_int_equal(key_parse_list("  j,Down ,\tๆ  ", &keys, &err), 3);
	assert_int_equal(keys[0].value, 'j');
	assert_int_equal(keys[1].value, KN_DOWN);
	key_format(&keys[2], buf, sizeof buf);
	assert_string_equal(buf, "ๆ");
	free(keys);

	keys = (struct keyspec *)&err;    /* must be reset on failure */
	assert_int_equal(key_parse_list(" , ", &keys, &err), -1);
	assert_null(keys);
	assert_string_equal(err.msg, "no key given; expected one or more keys separated by "
			    "spaces, e.g. \"q Esc\"");
	assert_int_equal(err.status, RM_EXIT_USAGE);

	assert_int_equal(key_parse_list("q Ctrl-1", &keys, &err), -1);
	assert_null(keys);
	assert_string_equal(err.msg, "unknown key \"Ctrl-1\"; Ctrl- must be followed by one "
			    "letter A to Z, or by Left or Right (Ctrl-L, Ctrl-Left)");

	assert_int_equal(key_parse_list("^L q Ctrl-l", &keys, &err), -1);
	assert_null(keys);
	assert_string_equal(err.msg, "key Ctrl-L is listed twice");

	assert_int_equal(key_parse_list(NULL, &keys, &err), -1);
	assert_null(keys);
}

static void test_key_equal(void **state)
{
	struct keyspec a, b;

	(void)state;
	assert_int_equal(key_parse("Ctrl-L", &a, NULL), 0);
	assert_int_equal(key_parse("^l", &b, NULL), 0);
	assert_true(key_equal(&a, &b));
	assert_int_equal(key_parse("l", &b, NULL), 0);
	assert_false(key_equal(&a, &b));
	assert_int_equal(key_parse("F12", &a, NULL), 0);
	assert_int_equal(key_parse("f12", &b, NULL), 0);
	assert_true(key_equal(&a, &b));
	/* Same value, other kind. */
	a.kind = KEY_KIND_FN;
	a.value = 1;
	b.kind = KEY_KIND_NAMED;
	b.value = 1;
	assert_false(key_equal(&a, &b));
}

static void test_kedmanee_positions(void **state)
{
	static const struct {
		const char *thai;
		char latin;
	} keys[] = {
		{ "ๆ", 'q' }, { "่", 'j' }, { "า", 'k' }, { "ฝ", '/' }, { "ๅ", '1' },
		{ "ภ", '4' }, { "จ", '0' }, { "ฟ", 'a' }, { "อ", 'v' }, { "๑", '@' },
		{ "ฉ", 'C' }, { "ฮ", 'V' }, { "ศ", 'L' }, { "โ", 'F' }, { "ฦ", '?' },
		{ "ฤ", 'A' }, { "ฑ", 'R' }, { "๐", 'Q' }, { "๙", '+' }, { "ั", 'y' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		uint32_t cp;

		assert_true(utf8_decode(keys[i].thai, strlen(keys[i].thai), &cp) > 0);
		if (key_kedmanee_latin(cp) != (uint32_t)keys[i].latin)
			fail_msg("%s: got %c, want %c", keys[i].thai, (char)key_kedmanee_latin(cp),
				 keys[i].latin);
	}
	/* Latin characters stay themselves: "/" is the search key in any layout */
	assert_int_equal(key_kedmanee_latin('/'), 0);
	assert_int_equal(key_kedmanee_latin('q'), 0);
	/* not on the layout */
	assert_int_equal(key_kedmanee_latin(0x0E2F + 0x100), 0);
	/* and back: what the Thai layout types on a Latin key */
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_string_equal(key_latin_kedmanee((unsigned char)keys[i].latin), keys[i].thai);
	assert_string_equal(key_latin_kedmanee('2'), "/");
	assert_string_equal(key_latin_kedmanee('3'), "-");
	assert_null(key_latin_kedmanee('~'));     /* ` and ~ are not on it */
	assert_null(key_latin_kedmanee(0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kedmanee_positions),
		cmocka_unit_test(test_action_table),
		cmocka_unit_test(test_default_keys),
		cmocka_unit_test(test_thai_character),
		cmocka_unit_test(test_literal_case_sensitive),
		cmocka_unit_test(test_ctrl),
		cmocka_unit_test(test_ctrl_refused),
		cmocka_unit_test(test_named_keys),
		cmocka_unit_test(test_function_keys),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_format_small_buffer),
		cmocka_unit_test(test_parse_list),
		cmocka_unit_test(test_key_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
