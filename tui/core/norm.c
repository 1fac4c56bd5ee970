/* norm.c - one version of a norm set with its items, and the difference
 * between two versions. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/norm.h"

static int oom(struct rm_error *err)
{
	return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
}

/* One text of SQL with ?1 bound to TEXT and ?2 to NUMBER: its first
 * column into *OUT (malloc'd; NULL when no row or SQL NULL).  0, or -1
 * with ERR. */
static int one_text(struct store *st, const char *sql, const char *text, int number,
		    char **out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc, bad = 0;

	*out = NULL;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, number);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = store_col_dup(stmt, 0, &bad);
		rc = SQLITE_DONE;
	}
	return store_finish(st, stmt, rc, bad, err);
}

/* The set CODE or its version VERSION is missing: say so, naming the sets
 * (or the versions) there are.  Returns NORM_MISSING, or -1. */
static int missing(struct store *st, const char *code, int version, struct rm_error *err)
{
	char *versions, *sets;

	if (one_text(st, "SELECT group_concat(version, ', ') FROM (SELECT version FROM norm_set"
		     " WHERE code = ?1 ORDER BY version)", code, 0, &versions, err) < 0)
		return -1;
	if (versions) {
		rm_fail(err, RM_EXIT_RUNTIME, _("norm set %s has no version %d; its versions: %s"),
			code, version, versions);
		free(versions);
		return NORM_MISSING;
	}
	if (one_text(st, "SELECT group_concat(code, ', ') FROM (SELECT DISTINCT code FROM norm_set"
		     " ORDER BY code)", code, 0, &sets, err) < 0)
		return -1;
	if (sets)
		rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\"; there are: %s"), code, sets);
	else
		rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\"; the database holds none yet"), code);
	free(sets);
	return NORM_MISSING;
}

/* The head of the version into V, its row id into *SET_ID.  0,
 * NORM_MISSING or -1, with ERR. */
static int load_head(struct store *st, const char *code, int version, struct norm_version *v,
		     sqlite3_int64 *set_id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT s.id, s.code, s.title, s.version, s.issued, s.source, s.grouping, o.code,"
		" o.name, s.scale = 'levels' FROM norm_set s JOIN office o ON o.id = s.office_id"
		" WHERE s.code = ?1 AND (?2 = 0 OR s.version = ?2) ORDER BY s.version DESC LIMIT 1",
		err);
	int rc, bad = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(stmt);
		return missing(st, code, version, err);
	}
	if (rc == SQLITE_ROW) {
		*set_id = sqlite3_column_int64(stmt, 0);
		v->code = store_col_dup(stmt, 1, &bad);
		v->title = store_col_dup(stmt, 2, &bad);
		v->version = sqlite3_column_int(stmt, 3);
		v->issued = store_col_dup(stmt, 4, &bad);
		v->source = store_col_dup(stmt, 5, &bad);
		v->grouping = store_col_dup(stmt, 6, &bad);
		v->office_code = store_col_dup(stmt, 7, &bad);
		v->office_name = store_col_dup(stmt, 8, &bad);
		v->levels = sqlite3_column_int(stmt, 9);
		rc = SQLITE_DONE;
	}
	if (store_finish(st, stmt, rc, bad, err) < 0)
		return -1;
	return one_text(st, "SELECT group_concat(version, ', ') FROM (SELECT version FROM norm_set"
			" WHERE code = ?1 ORDER BY version)", code, 0, &v->versions, err);
}

/* The groups holding items of SET_ID into V, their ids into *IDS (same
 * order; caller frees).  0, or -1 with ERR. */
static int load_groups(struct store *st, const struct config *cfg, sqlite3_int64 set_id,
		       struct norm_version *v, sqlite3_int64 **ids, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT g.id, g.code, g.label FROM norm_group g WHERE g.grouping = ?1"
		" AND EXISTS (SELECT 1 FROM norm_item i WHERE i.set_id = ?2 AND i.group_id = g.id)"
		" ORDER BY coalesce(g.position, g.id), g.id", err);
	int rc = SQLITE_DONE, bad = 0, key = strcmp(v->grouping, "key_activity") == 0;
	size_t nids = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, v->grouping, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, set_id);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct norm_group_info *g = array_grow(&v->groups, &v->ngroups, sizeof *g);
		sqlite3_int64 *id = array_grow(ids, &nids, sizeof *id);
		const char *label;

		if (!g || !id) {
			bad = 1;
			break;
		}
		*id = sqlite3_column_int64(stmt, 0);
		g->code = store_col_dup(stmt, 1, &bad);
		/* the office names its key activities in its INI file */
		label = key && g->code ? config_label(&cfg->key_activities, g->code) : NULL;
		g->label = label ? strdup(label) : store_col_dup(stmt, 2, &bad);
		if (!g->label)
			bad = 1;
	}
	return store_finish(st, stmt, rc, bad, err);
}

/* The items of SET_ID into V; a group id's index in IDS is its group. */
static int load_items(struct store *st, sqlite3_int64 set_id, const sqlite3_int64 *ids,
		      struct norm_version *v, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT i.code, i.text, i.evidence, i.weight, i.group_id FROM norm_item i"
		" WHERE i.set_id = ?1 ORDER BY " NORM_GROUP_ORDER("i") ", coalesce(i.position, i.id), i.id", err);
	int rc = SQLITE_DONE, bad = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set_id);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct norm_entry *it = array_grow(&v->items, &v->nitems, sizeof *it);
		sqlite3_int64 gid = sqlite3_column_int64(stmt, 4);
		size_t g;

		if (!it) {
			bad = 1;
			break;
		}
		it->code = store_col_dup(stmt, 0, &bad);
		it->text = store_col_dup(stmt, 1, &bad);
		it->evidence = store_col_dup(stmt, 2, &bad);
		it->weight = sqlite3_column_double(stmt, 3);
		for (g = 0; g < v->ngroups && ids[g] != gid; g++)
			;
		it->group = g;   /* every item's group holds items: always found */
	}
	return store_finish(st, stmt, rc, bad, err);
}

int norm_version_load(struct store *st, const struct config *cfg, const char *code, int version,
		      struct norm_version *v, struct rm_error *err)
{
	sqlite3_int64 set_id = 0, *ids = NULL;
	int in_txn = store_read_begin(st), rc;

	memset(v, 0, sizeof *v);
	rc = load_head(st, code, version, v, &set_id, err);
	if (rc == 0 && (load_groups(st, cfg, set_id, v, &ids, err) < 0 ||
			load_items(st, set_id, ids, v, err) < 0))
		rc = -1;
	store_read_end(st, in_txn);
	free(ids);
	if (rc != 0)
		norm_version_free(v);
	return rc;
}

void norm_version_free(struct norm_version *v)
{
	size_t i;

	free(v->code);
	free(v->title);
	free(v->office_code);
	free(v->office_name);
	free(v->issued);
	free(v->source);
	free(v->grouping);
	free(v->versions);
	for (i = 0; i < v->ngroups; i++) {
		free(v->groups[i].code);
		free(v->groups[i].label);
	}
	free(v->groups);
	for (i = 0; i < v->nitems; i++) {
		free(v->items[i].code);
		free(v->items[i].text);
		free(v->items[i].evidence);
	}
	free(v->items);
	memset(v, 0, sizeof *v);
}

/* The item of V with CODE, or NULL. */
static const struct norm_entry *find_item(const struct norm_version *v, const char *code)
{
	size_t i;

	for (i = 0; i < v->nitems; i++)
		if (strcmp(v->items[i].code, code) == 0)
			return &v->items[i];
	return NULL;
}

static int same_text(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

/* The NORM_FIELD_* bits in which A (of OLD) and B (of NEW) differ. */
static unsigned fields_changed(const struct norm_version *old, const struct norm_entry *a,
			       const struct norm_version *new, const struct norm_entry *b)
{
	unsigned f = 0;

	if (!same_text(a->text, b->text))
		f |= NORM_FIELD_TEXT;
	if (a->weight != b->weight)
		f |= NORM_FIELD_WEIGHT;
	if (a->group >= old->ngroups || b->group >= new->ngroups ||
	    strcmp(old->groups[a->group].code, new->groups[b->group].code) != 0)
		f |= NORM_FIELD_GROUP;
	if (!same_text(a->evidence, b->evidence))
		f |= NORM_FIELD_EVIDENCE;
	return f;
}

static int add_row(struct norm_diff *d, enum norm_change change, unsigned fields,
		   const struct norm_entry *a, const struct norm_entry *b)
{
	struct norm_diff_row *r = array_grow(&d->rows, &d->n, sizeof *r);

	if (!r)
		return -1;
	r->change = change;
	r->fields = fields;
	r->old = a;
	r->new = b;
	return 0;
}

int norm_diff(const struct norm_version *old, const struct norm_version *new,
	      struct norm_diff *d, struct rm_error *err)
{
	size_t i;

	memset(d, 0, sizeof *d);
	for (i = 0; i < old->nitems; i++)
		if (!find_item(new, old->items[i].code)) {
			if (add_row(d, NORM_REMOVED, 0, &old->items[i], NULL) < 0)
				goto fail;
			d->removed++;
		}
	for (i = 0; i < new->nitems; i++) {
		const struct norm_entry *b = &new->items[i], *a = find_item(old, b->code);
		unsigned f = a ? fields_changed(old, a, new, b) : 0;

		if (a && !f) {
			d->unchanged++;
			continue;
		}
		if (add_row(d, a ? NORM_CHANGED : NORM_ADDED, f, a, b) < 0)
			goto fail;
		if (a)
			d->changed++;
		else
			d->added++;
	}
	return 0;
fail:
	norm_diff_free(d);
	return oom(err);
}

void norm_diff_free(struct norm_diff *d)
{
	free(d->rows);
	memset(d, 0, sizeof *d);
}
