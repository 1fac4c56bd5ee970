/* config_apply.c - step 3 of loading an office INI file: every value
 * checked by its kind, as the key table (inikeys.c) gives it, and applied
 * over the built-in defaults; and the rows of [office], [key_activities]
 * and [support_frames] that need more than their kind.
 *
 * Every message is one line: "FILE:LINE: [section] key: WHAT",
 * "FILE:LINE: WHAT" or "FILE: WHAT"; status RM_EXIT_USAGE (out of memory:
 * RM_EXIT_RUNTIME).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/action.h"
#include "config_loader.h"
#include "routemap/i18n.h"

#define FIELD_AT(cfg, k, type) ((type *)((char *)(cfg) + (k)->field))

/* A label: text, not empty, no control characters. */
int ld_check_label(struct loader *ld, int line, const char *sec, const char *key,
		       const char *v)
{
	int c;

	if (!*v)
		return ld_fail_key(ld, line, sec, key, _("empty; expected a label (text such as "
				"ประชาชน)"));
	c = ini_control_char(v);
	if (c)
		return ld_fail_key(ld, line, sec, key, _("the label contains a control character "
				"(0x%02X); expected plain text"), c);
	return 0;
}

/* Split V at commas into names checked with ini_valid_name(), none twice;
 * EXAMPLE goes into the messages.  The caller frees *OUT (also on
 * failure). */
int ld_parse_name_list(struct loader *ld, int line, const char *sec, const char *key,
			   const char *v, const char *example, struct strlist *out)
{
	const char *p = v;
	char shown[128];

	for (;;) {
		const char *b = p, *comma = strchr(p, ','), *e;
		char *item;

		e = comma ? comma : p + strlen(p);
		while (b < e && ini_is_space(*b))
			b++;
		while (e > b && ini_is_space(e[-1]))
			e--;
		if (e == b) {
			if (!comma && out->n == 0)
				return ld_fail_key(ld, line, sec, key, _("empty; expected one or more "
						"names separated by commas, e.g. %s"), example);
			return ld_fail_key(ld, line, sec, key, _("an empty name between commas in "
					"\"%s\"; expected names separated by commas, e.g. %s"),
					ini_clip(v, shown, sizeof shown), example);
		}
		item = ld_strndup(ld, b, (size_t)(e - b));
		if (!item)
			return ld_oom(ld);
		if (!ini_valid_name(item)) {
			ld_fail_key(ld, line, sec, key, _("\"%s\" is not a valid name; expected names "
				 "(a lowercase letter, then letters a-z, digits or _) separated "
				 "by commas, e.g. %s"), ini_clip(item, shown, sizeof shown), example);
			free(item);
			return -1;
		}
		if (ld_strlist_has(out, item)) {
			ld_fail_key(ld, line, sec, key, _("\"%s\" is listed twice"), item);
			free(item);
			return -1;
		}
		ld_strlist_push(ld, out, item);
		free(item);
		if (ld->oom)
			return ld_oom(ld);
		if (!comma)
			return 0;
		p = comma + 1;
	}
}


/* [rank] thresholds: K's count of ascending decimals within K's range. */
static int apply_decimal_list(struct loader *ld, const struct ini_key *k, const char *v,
			      int line)
{
	enum { COUNT = NELEM(((struct config *)0)->rank_thresholds) };
	const char *sec = k->section, *key = k->key;
	char expect[256], shown[128];
	double t[COUNT];
	const char *p = v;
	int n = 0;

	snprintf(expect, sizeof expect, P_("description", "expected %s"), _(k->expect));
	ini_clip(v, shown, sizeof shown);
	for (;;) {
		const char *b = p, *comma = strchr(p, ','), *e;
		char item[64];
		size_t len;

		e = comma ? comma : p + strlen(p);
		while (b < e && ini_is_space(*b))
			b++;
		while (e > b && ini_is_space(e[-1]))
			e--;
		if (n == COUNT)
			return ld_fail_key(ld, line, sec, key, _("\"%s\" has more than "
					   "four numbers; %s"), shown, expect);
		len = (size_t)(e - b);
		if (b == e || len >= sizeof item)
			return ld_fail_key(ld, line, sec, key, _("\"%s\" has an empty "
					   "or overlong number; %s"), shown, expect);
		memcpy(item, b, len);
		item[len] = '\0';
		if (ini_parse_decimal(item, &t[n]) < 0)
			return ld_fail_key(ld, line, sec, key, _("\"%s\": \"%s\" is not "
					   "a number; %s"), shown, item, expect);
		if (t[n] > k->max)
			return ld_fail_key(ld, line, sec, key, _("\"%s\": %s is over "
					   "100; %s"), shown, item, expect);
		if (n > 0 && t[n] <= t[n - 1])
			return ld_fail_key(ld, line, sec, key, _("\"%s\" is not "
					   "ascending; %s"), shown, expect);
		n++;
		if (!comma)
			break;
		p = comma + 1;
	}
	if (n != COUNT)
		return ld_fail_key(ld, line, sec, key,
				   ngettext("\"%s\" has %d number; %s", "\"%s\" has %d numbers; %s",
					    (unsigned long)n), shown, n, expect);
	memcpy(FIELD_AT(ld->cfg, k, double), t, sizeof t);
	return 0;
}

/* Check V as a value of K's kind; 0, or -1 with the error set. */
static int check_value(struct loader *ld, const struct ini_key *k, const char *v, int line)
{
	int c;

	if (!*v && (k->flags & INI_EMPTY_OK))
		return 0;
	switch (k->type) {
	case INI_LABEL:
		return ld_check_label(ld, line, k->section, k->key, v);
	case INI_CODE:
		return ini_valid_code(v) ? 0 :
			ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
	case INI_GROUP:
		return ini_valid_group(v) ? 0 :
			ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
	case INI_WORDS:
		return ini_valid_words(v) ? 0 :
			ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
	case INI_NAME:
		return ini_valid_name(v) ? 0 :
			ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
	case INI_PATH:
		c = ini_control_char(v);
		if (c)
			return ld_fail_key(ld, line, k->section, k->key, _("the path contains a "
					   "control character (0x%02X); expected a file name"), c);
		return 0;
	default:    /* checked where they are read */
		return 0;
	}
}

int ld_apply_value(struct loader *ld, const struct ini_key *k, const char *v, int line)
{
	struct config *cfg = ld->cfg;
	long n;
	double d;
	int i;

	if (check_value(ld, k, v, line) < 0)
		return -1;
	switch (k->type) {
	case INI_ENUM:
		i = ini_word_index(v, k->words);
		if (i < 0) {
			char list[256], shown[128];

			return ld_fail_key(ld, line, k->section, k->key, _("\"%s\" is not allowed; "
					   "expected %s"), ini_clip(v, shown, sizeof shown),
					   ini_join_or(k->words, list, sizeof list));
		}
		if (k->flags & INI_WORD)
			ld_set(ld, FIELD_AT(cfg, k, char *), k->words[i]);
		else
			*FIELD_AT(cfg, k, int) = i;
		return 0;
	case INI_INTEGER:
		if (!*v && (k->flags & INI_EMPTY_OK)) {
			*FIELD_AT(cfg, k, int) = -1;
			return 0;
		}
		if (ini_parse_uint(v, &n) < 0 || n < k->min || n > k->max)
			return ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
		*FIELD_AT(cfg, k, int) = (int)n;
		return 0;
	case INI_DECIMAL:
		if (ini_parse_decimal(v, &d) < 0 || d < k->min || d > k->max)
			return ld_fail_expect(ld, line, k->section, k->key, v, k->expect);
		*FIELD_AT(cfg, k, double) = d;
		return 0;
	case INI_DECIMAL_LIST:
		return apply_decimal_list(ld, k, v, line);
	case INI_LABEL:
		if (k->flags & INI_IN_LIST) {
			struct cfg_labels *l = FIELD_AT(cfg, k, struct cfg_labels);

			for (i = 0; (size_t)i < l->n; i++)
				if (strcmp(l->v[i].code, k->key) == 0) {
					ld_set(ld, &l->v[i].label, v);
					return 0;
				}
			ld_labels_push(ld, l, k->key, v);
			return 0;
		}
		ld_set(ld, FIELD_AT(cfg, k, char *), v);
		return 0;
	default:
		ld_set(ld, FIELD_AT(cfg, k, char *), v);
		return 0;
	}
}

/* Row K by its type: the file's value, if any, checked and applied. */
static int apply_by_type(struct loader *ld, const struct ini_key *k)
{
	int line;
	const char *v = ld_value(ld, k->section, k->key, &line);

	if (!v)
		return line ? -1 : 0;
	if (ld_apply_value(ld, k, v, line) < 0)
		return -1;
	ld_mark(ld, k->section, k->key, line);
	return 0;
}

int ld_apply_all(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ini_nkeys; i++) {
		const struct ini_key *k = &ini_keys[i];

		if ((k->apply ? k->apply(ld, k) : apply_by_type(ld, k)) < 0)
			return -1;
	}
	return ld->oom ? ld_oom(ld) : 0;
}

/* A row that another row of its section applies. */
int apply_elsewhere(struct loader *ld, const struct ini_key *k)
{
	(void)ld;
	(void)k;
	return 0;
}

/* [office] code: required in every file. */
int apply_office_code(struct loader *ld, const struct ini_key *k)
{
	const struct scan_sec *sec = ld_section_find(ld, k->section);
	int line;
	const char *v = ld_value(ld, k->section, k->key, &line);

	if (!v && line)
		return -1;
	if (!v)
		return ld_fail_key(ld, sec ? sec->line : 0, k->section, k->key, _("missing; every "
				   "office file needs the office's code (letters, digits and -), "
				   "e.g. code = KKN-PHO"));
	if (ld_apply_value(ld, k, v, line) < 0)
		return -1;
	ld_mark(ld, k->section, k->key, line);
	return 0;
}

/* [office] short_name: without one, the name stands for it. */
int apply_short_name(struct loader *ld, const struct ini_key *k)
{
	int name_line = ld_origin_line(ld, k->section, "name");

	if (ld_scan_line(ld, k->section, k->key))
		return apply_by_type(ld, k);
	if (name_line) {
		ld_set(ld, &ld->cfg->office_short_name, ld->cfg->office_name);
		ld_mark(ld, k->section, k->key, name_line);
	}
	return 0;
}

/* [office] parent: an office code or nothing, not the office's own. */
int apply_parent(struct loader *ld, const struct ini_key *k)
{
	int line;
	const char *v = ld_value(ld, k->section, k->key, &line);

	if (!v)
		return line ? -1 : 0;
	if (check_value(ld, k, v, line) < 0)
		return -1;
	if (*v && strcmp(v, ld->cfg->office_code) == 0)
		return ld_fail_key(ld, line, k->section, k->key, _("\"%s\" is this office's "
				   "own code; expected the code of the office above it, or "
				   "nothing"), v);
	ld_set(ld, &ld->cfg->office_parent, v);
	ld_mark(ld, k->section, k->key, line);
	return 0;
}

/* [key_activities]: when the file has the section, its list replaces the
 * built-in one, in file order. */
int apply_key_activities(struct loader *ld, const struct ini_key *row)
{
	const struct scan_sec *sec = ld_section_find(ld, row->section);
	struct cfg_labels *l = &ld->cfg->key_activities;
	size_t i;

	if (!sec)
		return 0;
	cfg_labels_clear(l);
	for (i = 0; i < ld->nkeys; i++) {
		const struct scan_key *k = &ld->keys[i];
		const char *v;
		int line;

		if (&ld->secs[k->sec] != sec)
			continue;
		v = ld_value(ld, sec->name, k->key, &line);
		if (!v || ld_check_label(ld, line, sec->name, k->key, v) < 0)
			return -1;
		ld_labels_push(ld, l, k->key, v);
		ld_mark(ld, sec->name, k->key, line);
	}
	if (l->n == 0)
		return ld_fail_line(ld, sec->line, _("section [key_activities] is empty; list the "
				 "office's key activities as code = label, or remove the section "
				 "to use the built-in ones"));
	return 0;
}

/* [support_frames]: 1..N without gaps; replaces the built-in frames. */
int apply_support_frames(struct loader *ld, const struct ini_key *row)
{
	const struct scan_sec *sec = ld_section_find(ld, row->section);
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
		num = ini_frame_number(k->key);
		for (j = 0; j < nfr; j++) {
			if (fr[j].num == num) {
				rc = ld_fail_key(ld, k->line, sec->name, k->key, _("frame %ld is given "
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
		rc = ld_fail_line(ld, sec->line, _("section [support_frames] is empty; list the "
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
			rc = ld_fail_key(ld, k->line, sec->name, k->key, _("frame %zu is missing; "
				      "number the frames 1, 2, 3 … without gaps"), i + 1);
			goto out;
		}
	}
	cfg_labels_clear(l);
	for (i = 0; i < nfr; i++) {
		const struct scan_key *k = &ld->keys[fr[i].key];
		const char *v;
		char code[16];
		int line;

		v = ld_value(ld, sec->name, k->key, &line);
		if (!v || ld_check_label(ld, line, sec->name, k->key, v) < 0) {
			rc = -1;
			goto out;
		}
		snprintf(code, sizeof code, "%ld", fr[i].num);
		ld_labels_push(ld, l, code, v);
		ld_mark(ld, sec->name, code, line);
	}
out:
	free(fr);
	return rc;
}


/* The built-in values into ld->cfg (zeroed before): each row's default by
 * its kind, or its built-in list; then the templates and the keys of the
 * action table. */
int ld_defaults(struct loader *ld)
{
	struct config *cfg = ld->cfg;
	size_t i;

	for (i = 0; i < ini_nkeys && !ld->oom; i++) {
		const struct ini_key *k = &ini_keys[i];

		if (k->field == INI_NO_FIELD)
			continue;
		if (k->builtin)
			ld_labels_from_builtin(ld, (struct cfg_labels *)((char *)cfg + k->field),
					       k->builtin, k->nbuiltin);
		else if (k->def && ld_apply_value(ld, k, k->def, 0) < 0)
			return -1;    /* a bad table: the unit tests catch it */
	}
	cfg->templates = calloc(ini_nbuiltin_templates, sizeof *cfg->templates);
	if (!cfg->templates) {
		ld->oom = 1;
	} else {
		for (i = 0; i < ini_nbuiltin_templates; i++) {
			const struct ini_template *b = &ini_builtin_templates[i];
			struct cfg_template *t = &cfg->templates[i];

			t->name = ld_strdup(ld, b->name);
			t->title = ld_strdup(ld, b->title);
			cfg->ntemplates++;
			ld_labels_from_builtin(ld, &t->sections, b->sections, b->n);
		}
	}
	for (i = 0; i < ACT_COUNT; i++)
		ld_labels_push(ld, &cfg->keys, action_table[i].name, action_table[i].default_keys);
	return ld->oom ? ld_oom(ld) : 0;
}
