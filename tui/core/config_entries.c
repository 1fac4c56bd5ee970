/* config_entries.c - the list of effective values for `routemap config`:
 * one entry per key of the table, in its order, with the file and line it
 * came from or "built-in".  Rows with a field are listed by their kind;
 * the open-ended ones by their own function (config_lists.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_loader.h"

void ld_entry_add(struct loader *ld, const char *sec, const char *key, const char *value)
{
	struct config *cfg = ld->cfg;
	struct cfg_entry *e;
	int line = ld->path ? ld_origin_line(ld, sec, key) : 0;

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

void ld_entry_labels(struct loader *ld, const char *sec, const struct cfg_labels *l,
			 const char *prefix)
{
	char key[NAME_MAX_LEN + 16];
	size_t i;

	for (i = 0; i < l->n; i++) {
		snprintf(key, sizeof key, "%s%s", prefix, l->v[i].code);
		ld_entry_add(ld, sec, key, l->v[i].label);
	}
}

/* "a, b, c" of the codes of L into a malloc'd string (NULL: out of memory). */
char *ld_join_codes(struct loader *ld, const struct cfg_labels *l)
{
	struct sbuf b = { NULL, 0, 0 };
	size_t i;

	ld_sbuf_add(ld, &b, "");
	for (i = 0; i < l->n; i++) {
		if (i)
			ld_sbuf_add(ld, &b, ", ");
		ld_sbuf_add(ld, &b, l->v[i].code);
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

/* Row K of [section]s with one value, by its kind, from its field. */
static void entry_of_field(struct loader *ld, const struct ini_key *k)
{
	const char *base = (const char *)ld->cfg + k->field;
	char buf[128], num[32];
	int i;

	switch (k->type) {
	case INI_ENUM:
		if (k->flags & INI_WORD)
			ld_entry_add(ld, k->section, k->key, *(char *const *)base);
		else
			ld_entry_add(ld, k->section, k->key, k->words[*(const int *)base]);
		return;
	case INI_INTEGER:
		buf[0] = '\0';
		if (*(const int *)base >= 0 || !(k->flags & INI_EMPTY_OK))
			snprintf(buf, sizeof buf, "%d", *(const int *)base);
		ld_entry_add(ld, k->section, k->key, buf);
		return;
	case INI_DECIMAL:
		format_number(*(const double *)base, num, sizeof num);
		ld_entry_add(ld, k->section, k->key, num);
		return;
	case INI_DECIMAL_LIST:
		buf[0] = '\0';
		for (i = 0; i < (int)NELEM(ld->cfg->rank_thresholds); i++) {
			format_number(((const double *)base)[i], num, sizeof num);
			if (i)
				strcat(buf, ",");
			strcat(buf, num);
		}
		ld_entry_add(ld, k->section, k->key, buf);
		return;
	case INI_LABEL:
		if (k->flags & INI_IN_LIST) {
			const char *l = config_label((const struct cfg_labels *)base, k->key);

			ld_entry_add(ld, k->section, k->key, l ? l : "");
			return;
		}
		ld_entry_add(ld, k->section, k->key, *(char *const *)base);
		return;
	default:
		ld_entry_add(ld, k->section, k->key, *(char *const *)base);
		return;
	}
}

/* Rows with a list of labels in their field: each code = label. */
void entries_labels(struct loader *ld, const struct ini_key *k)
{
	ld_entry_labels(ld, k->section, (const struct cfg_labels *)((const char *)ld->cfg + k->field),
			"");
}

int ld_build_entries(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ini_nkeys; i++) {
		const struct ini_key *k = &ini_keys[i];

		if (k->entries)
			k->entries(ld, k);
		else if (k->field != INI_NO_FIELD)
			entry_of_field(ld, k);
	}
	return ld->oom ? ld_oom(ld) : 0;
}
