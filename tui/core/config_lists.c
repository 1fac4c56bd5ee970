/* config_lists.c - the INI sections that are lists with cross-checks:
 * [slm] columns and their labels, [aar] with its [template.NAME]
 * sections, and [keys]; how each is applied over the built-in lists and
 * listed among the effective values.  The key table (inikeys.c) points
 * here for these rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/action.h"
#include "config_loader.h"
#include "routemap/i18n.h"

/* [slm]: columns (or the built-in ones), each with a label from
 * column.KEY or the built-in label of KEY. */
int apply_slm(struct loader *ld, const struct ini_key *row)
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
		if (ld_parse_name_list(ld, line, "slm", "columns", v, example, &cols) < 0)
			goto out;
	} else {
		for (i = 0; i < row->nbuiltin; i++)
			ld_strlist_push(ld, &cols, row->builtin[i].code);
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
		if (!ld_strlist_has(&cols, k->key + 7)) {
			if (line)
				ld_fail_key(ld, k->line, "slm", k->key, _("\"%s\" is not in columns "
					 "(line %d); add it to [slm] columns or remove this line"),
					 k->key + 7, line);
			else
				ld_fail_key(ld, k->line, "slm", k->key, _("\"%s\" is not one of the "
					 "built-in columns; list the columns in [slm] columns, or "
					 "remove this line"), k->key + 7);
			goto out;
		}
	}
	cfg_labels_clear(l);
	for (i = 0; i < cols.n; i++) {
		char key[8 + NAME_MAX_LEN];
		const char *label;
		int lline;

		snprintf(key, sizeof key, "column.%s", cols.v[i]);
		label = ld_value(ld, "slm", key, &lline);
		if (!label && lline)
			goto out;
		if (label) {
			if (ld_check_label(ld, lline, "slm", key, label) < 0)
				goto out;
			ld_mark(ld, "slm", key, lline);
		} else {
			label = ini_builtin_label(row->builtin, row->nbuiltin, cols.v[i]);
			if (!label) {
				ld_fail_key(ld, line, "slm", "columns", _("column \"%s\" has no label; "
					 "add a line column.%s = LABEL"), cols.v[i], cols.v[i]);
				goto out;
			}
		}
		ld_labels_push(ld, l, cols.v[i], label);
	}
	if (line)
		ld_mark(ld, "slm", "columns", line);
	rc = 0;
out:
	ld_strlist_free(&cols);
	if (rc == 0 && ld->oom)
		rc = ld_oom(ld);
	return rc;
}

/* The fixed keys of a [template.NAME] section (sections, title), from the
 * table, NULL-terminated in NAMES (room for 8). */
static const char *const *template_keys_of(const char **names)
{
	size_t i, n = 0;

	for (i = 0; i < ini_nkeys && n < 7; i++)
		if (strcmp(ini_keys[i].section, TEMPLATE_PREFIX "NAME") == 0 &&
		    !(ini_keys[i].flags & INI_PATTERN))
			names[n++] = ini_keys[i].key;
	names[n] = NULL;
	return names;
}

void cfg_templates_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->ntemplates; i++) {
		free(cfg->templates[i].name);
		free(cfg->templates[i].title);
		cfg_labels_clear(&cfg->templates[i].sections);
	}
	free(cfg->templates);
	cfg->templates = NULL;
	cfg->ntemplates = 0;
}

/* T's title from "title" of SEC when given (a label), else the built-in
 * template's of the same name, else none (the code is shown then). */
static int template_title(struct loader *ld, struct cfg_template *t, const struct scan_sec *sec)
{
	const struct ini_template *b = ini_builtin_template(t->name);
	int line;
	const char *v = ld_value(ld, sec->name, "title", &line);

	if (!v && line)
		return -1;
	if (v) {
		if (ld_check_label(ld, line, sec->name, "title", v) < 0)
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
	const char *names[8];
	const char *const *template_keys = template_keys_of(names);
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

			if (&ld->secs[k->sec] == sec && ini_nearest(k->key, template_keys, 0))
				return ld_fail_key(ld, k->line, sec->name, k->key,
						_("unknown key; did you mean sections?"));
		}
		return ld_fail_key(ld, sec->line, sec->name, "sections", _("missing; a template "
				"section lists its section keys, e.g. sections = expected, "
				"happened, why, next, and gives a label for each"));
	}
	if (ld_parse_name_list(ld, line, sec->name, "sections", v,
			    "expected, happened, why, next", &keys) < 0)
		goto out;
	for (i = 0; template_keys[i]; i++)
		if (ld_strlist_has(&keys, template_keys[i])) {
			ld_fail_key(ld, line, sec->name, "sections", _("\"%s\" cannot be a "
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
		if (!ld_strlist_has(&keys, k->key)) {
			ld_fail_key(ld, k->line, sec->name, k->key, _("\"%s\" is not in sections "
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
			ld_fail_key(ld, line, sec->name, "sections", _("section \"%s\" has no "
				 "label; add a line %s = LABEL"), keys.v[i], keys.v[i]);
			goto out;
		}
		if (ld_check_label(ld, lline, sec->name, keys.v[i], label) < 0)
			goto out;
		ld_labels_push(ld, &t->sections, keys.v[i], label);
		ld_mark(ld, sec->name, keys.v[i], lline);
	}
	rc = ld->oom ? ld_oom(ld) : 0;
out:
	ld_strlist_free(&keys);
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
	const struct ini_template *b = ini_builtin_template(name);
	size_t i;

	if (!sec && !b) {
		const char *names[16];
		char builtins[128];

		for (i = 0; i < ini_nbuiltin_templates && i + 1 < NELEM(names); i++)
			names[i] = ini_builtin_templates[i].name;
		names[i] = NULL;
		return ld_fail_key(ld, list_line, "aar", "templates", _("template \"%s\" is neither "
				"built in (%s) nor defined in a [template.%s] section"), name,
				ini_join_or(names, builtins, sizeof builtins), name);
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
		ld_labels_push(ld, &t->sections, b->sections[i].code, b->sections[i].label);
	return ld->oom ? ld_oom(ld) : 0;
}

/* NAMES quoted as "a, b or c" into LIST (SIZE bytes).  0, or -1 when
 * out of memory (error set). */
static int join_names(struct loader *ld, const struct strlist *names, char *list, size_t size)
{
	const char **nv = malloc((names->n + 1) * sizeof *nv);
	size_t i;

	if (!nv) {
		ld->oom = 1;
		return ld_oom(ld);
	}
	for (i = 0; i < names->n; i++)
		nv[i] = names->v[i];
	nv[names->n] = NULL;
	ini_join_or(nv, list, size);
	free(nv);
	return 0;
}

/* [aar] templates and default, and the [template.NAME] sections. */
int apply_aar(struct loader *ld, const struct ini_key *k)
{
	struct config *cfg = ld->cfg;
	struct strlist names = { NULL, 0 };
	const char *v, *def;
	char shown[128], list[512];
	int line, dline, rc = -1;
	size_t i;

	(void)k;
	v = ld_value(ld, "aar", "templates", &line);
	if (!v && line)
		return -1;
	if (v) {
		if (ld_parse_name_list(ld, line, "aar", "templates", v,
				    "aar4, gotoknow4, lessons8", &names) < 0)
			goto out;
		ld_mark(ld, "aar", "templates", line);
	} else {
		for (i = 0; i < ini_nbuiltin_templates; i++)
			ld_strlist_push(ld, &names, ini_builtin_templates[i].name);
		if (ld->oom) {
			ld_oom(ld);
			goto out;
		}
	}
	/* A [template.NAME] that is not listed would never be used. */
	for (i = 0; i < ld->nsecs; i++) {
		const struct scan_sec *s = &ld->secs[i];

		if ((s->def->flags & INI_SEC_PREFIX) &&
		    !ld_strlist_has(&names, s->name + TEMPLATE_PREFIX_LEN)) {
			ld_fail_line(ld, s->line, _("section [%s] defines template \"%s\", but "
				  "[aar] templates does not list it; add it to templates"),
				  s->name, s->name + TEMPLATE_PREFIX_LEN);
			goto out;
		}
	}
	cfg_templates_free(cfg);
	for (i = 0; i < names.n; i++) {
		char secname[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1];

		snprintf(secname, sizeof secname, "%s%s", TEMPLATE_PREFIX, names.v[i]);
		if (template_add(ld, names.v[i], ld_section_find(ld, secname), line) < 0)
			goto out;
	}

	def = ld_value(ld, "aar", "default", &dline);
	if (!def && dline)
		goto out;
	if (join_names(ld, &names, list, sizeof list) < 0)
		goto out;
	if (def) {
		if (!ld_strlist_has(&names, def)) {
			ld_fail_key(ld, dline, "aar", "default", _("\"%s\" is not allowed; expected "
				 "one of the templates: %s"), ini_clip(def, shown, sizeof shown), list);
			goto out;
		}
		ld_set(ld, &cfg->aar_default, def);
		ld_mark(ld, "aar", "default", dline);
	} else if (!ld_strlist_has(&names, cfg->aar_default)) {
		ld_fail_key(ld, line, "aar", "templates", _("the default template %s is not "
			 "listed; add it, or set [aar] default to one of %s"),
			 cfg->aar_default, list);
		goto out;
	}
	rc = ld->oom ? ld_oom(ld) : 0;
out:
	ld_strlist_free(&names);
	return rc;
}

/* The clash of two actions' keys that the earliest file line causes: its
 * line (0: none), the action on that line (*A), the other (*B) and the
 * key.  PARSED, COUNT and LINE are per action, LINE 0 for the defaults. */
static int find_clash(struct keyspec *const parsed[ACT_COUNT], const int count[ACT_COUNT],
		      const int line[ACT_COUNT], size_t *a, size_t *b, struct keyspec *key)
{
	int best_line = 0, ki, kj;
	size_t i, j;

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
					*a = line[i] >= line[j] ? i : j;
					*b = *a == i ? j : i;
					*key = parsed[i][ki];
					goto next_pair;
				}
			}
next_pair:		;
		}
	}
	return best_line;
}

/* [keys]: each line replaces its action's default keys; then no key may
 * be bound to two actions. */
int apply_keys(struct loader *ld, const struct ini_key *k)
{
	struct cfg_labels *l = &ld->cfg->keys;
	struct keyspec *parsed[ACT_COUNT] = { NULL };
	int count[ACT_COUNT], line[ACT_COUNT];
	int best_line = 0, rc = -1;
	size_t i, best_a = 0, best_b = 0;
	struct keyspec best_key = { KEY_KIND_CHAR, 0 };

	(void)k;
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
	best_line = find_clash(parsed, count, line, &best_a, &best_b, &best_key);
	if (best_line) {
		char name[16];
		char where[64];

		key_format(&best_key, name, sizeof name);
		if (line[best_b])
			snprintf(where, sizeof where, _("on line %d"), line[best_b]);
		else
			snprintf(where, sizeof where, "%s", _("by default"));
		ld_fail_key(ld, best_line, "keys", action_table[best_a].name, _("key %s is also "
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

/* [slm] columns, then column.KEY of each. */
void entries_slm(struct loader *ld, const struct ini_key *k)
{
	char *s = ld_join_codes(ld, &ld->cfg->slm_columns);

	if (s)
		ld_entry_add(ld, k->section, k->key, s);
	free(s);
	ld_entry_labels(ld, k->section, &ld->cfg->slm_columns, "column.");
}

/* [aar] templates: their names. */
void entries_templates(struct loader *ld, const struct ini_key *k)
{
	const struct config *cfg = ld->cfg;
	struct sbuf b = { NULL, 0, 0 };
	size_t i;

	ld_sbuf_add(ld, &b, "");
	for (i = 0; i < cfg->ntemplates; i++) {
		if (i)
			ld_sbuf_add(ld, &b, ", ");
		ld_sbuf_add(ld, &b, cfg->templates[i].name);
	}
	if (b.p)
		ld_entry_add(ld, k->section, k->key, b.p);
	free(b.p);
}

/* Every [template.NAME]: its title, sections and their labels. */
void entries_template_sections(struct loader *ld, const struct ini_key *k)
{
	const struct config *cfg = ld->cfg;
	size_t i;

	(void)k;
	for (i = 0; i < cfg->ntemplates; i++) {
		char sec[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1];
		char *s;

		snprintf(sec, sizeof sec, "%s%s", TEMPLATE_PREFIX, cfg->templates[i].name);
		if (cfg->templates[i].title)
			ld_entry_add(ld, sec, "title", cfg->templates[i].title);
		s = ld_join_codes(ld, &cfg->templates[i].sections);
		if (s)
			ld_entry_add(ld, sec, "sections", s);
		free(s);
		ld_entry_labels(ld, sec, &cfg->templates[i].sections, "");
	}
}

/* [keys]: every action's keys in their canonical spelling. */
void entries_keys(struct loader *ld, const struct ini_key *k)
{
	const struct cfg_labels *keys = &ld->cfg->keys;
	size_t i;
	int j;

	for (i = 0; i < keys->n; i++) {
		struct keyspec *parsed;
		struct sbuf b = { NULL, 0, 0 };
		int n = key_parse_list(keys->v[i].label, &parsed, NULL);

		ld_sbuf_add(ld, &b, "");
		for (j = 0; j < n; j++) {
			char name[16];

			key_format(&parsed[j], name, sizeof name);
			if (j)
				ld_sbuf_add(ld, &b, " ");
			ld_sbuf_add(ld, &b, name);
		}
		if (n > 0)
			free(parsed);
		if (b.p)
			ld_entry_add(ld, k->section, keys->v[i].code, b.p);
		free(b.p);
	}
}
