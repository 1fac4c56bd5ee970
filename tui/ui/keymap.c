/* keymap.c - keys to actions: the action table's defaults, the office's
 * [keys] over them, and the Thai Kedmanee layout as an alias of the Latin
 * one. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/ui.h"

/* The keys of ACTION as CFG gives them (its [keys] entry, else the
 * action table's default). */
static const char *action_keys(const struct config *cfg, enum action a)
{
	const char *over = config_label(&cfg->keys, action_table[a].name);

	return over ? over : action_table[a].default_keys;
}

int keymap_build(struct keymap *km, const struct config *cfg, struct rm_error *err)
{
	size_t a;

	memset(km, 0, sizeof *km);
	for (a = 0; a < ACT_COUNT; a++) {
		struct keyspec *keys = NULL;
		int n = key_parse_list(action_keys(cfg, (enum action)a), &keys, err), i;

		if (n < 0) {
			keymap_free(km);
			return -1;
		}
		for (i = 0; i < n; i++) {
			struct binding *b = array_grow(&km->v, &km->n, sizeof *b);

			if (!b) {
				free(keys);
				keymap_free(km);
				return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
			}
			b->key = keys[i];
			b->action = (enum action)a;
		}
		free(keys);
	}
	return 0;
}

void keymap_free(struct keymap *km)
{
	free(km->v);
	memset(km, 0, sizeof *km);
}

int keymap_key(int status, wint_t ch, struct keyspec *key)
{
	static const struct {
		int curses;
		enum key_name name;
	} named[] = {
		{ KEY_UP, KN_UP }, { KEY_DOWN, KN_DOWN }, { KEY_LEFT, KN_LEFT },
		{ KEY_RIGHT, KN_RIGHT }, { KEY_PPAGE, KN_PGUP }, { KEY_NPAGE, KN_PGDN },
		{ KEY_HOME, KN_HOME }, { KEY_END, KN_END }, { KEY_ENTER, KN_ENTER },
		{ KEY_BTAB, KN_SHIFT_TAB }, { KEY_BACKSPACE, KN_BACKSPACE }, { KEY_DC, KN_DELETE },
		{ KEY_IC, KN_INSERT },
	};
	size_t i;

	if (status == KEY_CODE_YES) {
		for (i = 0; i < sizeof named / sizeof named[0]; i++)
			if ((int)ch == named[i].curses) {
				key->kind = KEY_KIND_NAMED;
				key->value = named[i].name;
				return 0;
			}
		if ((int)ch >= KEY_F(1) && (int)ch <= KEY_F(12)) {
			key->kind = KEY_KIND_FN;
			key->value = (unsigned)(ch - KEY_F(0));
			return 0;
		}
		return -1;
	}
	if (status != OK)
		return -1;
	key->kind = KEY_KIND_NAMED;
	switch (ch) {
	case '\n':
	case '\r':
		key->value = KN_ENTER;
		return 0;
	case 27:
		key->value = KN_ESC;
		return 0;
	case '\t':
		key->value = KN_TAB;
		return 0;
	case ' ':
		key->value = KN_SPACE;
		return 0;
	case 127:
	case 8:
		key->value = KN_BACKSPACE;
		return 0;
	default:
		break;
	}
	if (ch >= 1 && ch <= 26) {
		key->kind = KEY_KIND_CTRL;
		key->value = 'a' + (unsigned)ch - 1;
		return 0;
	}
	if (ch < 32)
		return -1;
	key->kind = KEY_KIND_CHAR;
	key->value = (unsigned)ch;
	return 0;
}

static int lookup(const struct keymap *km, const struct keyspec *key)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (key_equal(&km->v[i].key, key))
			return (int)km->v[i].action;
	return -1;
}

int keymap_action(const struct keymap *km, const struct keyspec *key, enum key_layout layout,
		  int number_row_statuses)
{
	struct keyspec latin = { KEY_KIND_CHAR, 0 };
	int a;

	if (key->kind == KEY_KIND_CHAR && number_row_statuses && layout != LAYOUT_LATIN &&
	    (key->value == '/' || key->value == '-')) {
		latin.value = key->value == '/' ? '2' : '3';
		return lookup(km, &latin);
	}
	a = lookup(km, key);
	if (a < 0 && key->kind == KEY_KIND_CHAR) {
		latin.value = key_kedmanee_latin(key->value);
		if (latin.value)
			a = lookup(km, &latin);
	}
	return a;
}

enum key_layout keymap_guess_layout(const struct keyspec *key, enum key_layout layout)
{
	unsigned c = key->value;

	if (key->kind != KEY_KIND_CHAR)
		return layout;
	if (c >= 0x0E00 && c <= 0x0E7F)
		return LAYOUT_THAI;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return LAYOUT_LATIN;
	return layout;
}

void keymap_describe(const struct keymap *km, enum action action, int first, char *buf,
		     size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < km->n; i++) {
		char one[32];
		int n;

		if (km->v[i].action != action)
			continue;
		key_format(&km->v[i].key, one, sizeof one);
		n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", one);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
		if (first)
			break;
	}
}
