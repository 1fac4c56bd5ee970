/* normedit.c - the norm sets as a list, a new version made from another,
 * items moved, regrouped and deleted, the frozen rule; and an assessment
 * started twice on one day. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/normedit.h"
#include "routemap/norm.h"
#include "routemap/text.h"

int norm_split(const char *s, char *code, size_t size, int *version)
{
	const char *at = s ? strrchr(s, '@') : NULL;
	char *end;
	long v;

	if (!at || at == s || (size_t)(at - s) >= size)
		return -1;
	v = strtol(at + 1, &end, 10);
	if (end == at + 1 || *end || v < 1 || v > 1000000)
		return -1;
	memcpy(code, s, (size_t)(at - s));
	code[at - s] = '\0';
	*version = (int)v;
	return 0;
}

/* ---- the list ---- */

void norm_set_rows_free(struct norm_set_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].code);
		free(rows[i].title);
		free(rows[i].issued);
		free(rows[i].grouping);
	}
	free(rows);
}

int norm_set_rows(struct store *st, struct norm_set_row **rows, size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT s.code, s.title, s.issued, s.grouping, s.version,"
		" (SELECT count(*) FROM norm_item i WHERE i.set_id = s.id),"
		" (SELECT count(*) FROM assessment a WHERE a.set_id = s.id)"
		" FROM norm_set s ORDER BY s.code, s.version DESC", err);
	int rc = SQLITE_DONE, bad = 0;

	*rows = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct norm_set_row *r = array_grow(rows, n, sizeof *r);

		if (!r) {
			bad = 1;
			break;
		}
		r->code = store_col_dup(stmt, 0, &bad);
		r->title = store_col_dup(stmt, 1, &bad);
		r->issued = store_col_dup(stmt, 2, &bad);
		r->grouping = store_col_dup(stmt, 3, &bad);
		r->version = sqlite3_column_int(stmt, 4);
		r->items = sqlite3_column_int(stmt, 5);
		r->assessments = sqlite3_column_int(stmt, 6);
	}
	if (store_finish(st, stmt, rc, bad, err) < 0) {
		norm_set_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* ---- the frozen rule ---- */

/* The row of version VERSION of set CODE into *ID, whether it is issued
 * into *ISSUED and how many assessments use it into *USED (either may be
 * NULL).  0, or -1 with ERR (not there, or the database fails). */
static int set_row(struct store *st, const char *code, int version, sqlite3_int64 *id,
		   int *issued, int *used, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT s.id, s.issued IS NOT NULL,"
		" (SELECT count(*) FROM assessment a WHERE a.set_id = s.id)"
		" FROM norm_set s WHERE s.code = ?1 AND s.version = ?2", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		if (issued)
			*issued = sqlite3_column_int(stmt, 1);
		if (used)
			*used = sqlite3_column_int(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the records"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("norm set %s has no version %d (deleted meanwhile?)"),
		       code, version);
}

int norm_frozen(struct store *st, const char *code, int version, struct rm_error *err)
{
	sqlite3_int64 id;
	int issued = 0, used = 0;

	if (set_row(st, code, version, &id, &issued, &used, err) < 0)
		return -1;
	if (!issued || !used)
		return 0;
	rm_fail(err, RM_EXIT_RUNTIME,
		_("%s version %d is issued and units were assessed against it (%d assessments), so "
		  "it cannot change; v makes a new version of it to change"), code, version, used);
	return 1;
}

/* The set row of a version that may change, into *ID: CHANGE_OK, or
 * CHANGE_ERROR with ERR (frozen, not there). */
static int open_row(struct store *st, const char *code, int version, sqlite3_int64 *id,
		    struct rm_error *err)
{
	int issued = 0, used = 0;

	if (norm_frozen(st, code, version, err) != 0)
		return CHANGE_ERROR;
	return set_row(st, code, version, id, &issued, &used, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
}

int norm_assessed(struct store *st, const char *code, int version, struct rm_error *err)
{
	sqlite3_int64 id;
	int used = 0;

	return set_row(st, code, version, &id, NULL, &used, err) < 0 ? -1 : used;
}

/* ---- a new version ---- */

struct version_args {
	const char *code;
	int from, *made;
};

int norm_version_copy(struct store *st, const char *code, int from, int *made,
		      struct rm_error *err)
{
	sqlite3_int64 old_id, new_id;
	sqlite3_stmt *stmt;
	int rc;

	*made = 0;
	if (set_row(st, code, from, &old_id, NULL, NULL, err) < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st,
		"INSERT INTO norm_set(code, office_id, title, version, issued, source, grouping, scale)"
		" SELECT code, office_id, title,"
		"  (SELECT max(version) FROM norm_set WHERE code = ?1) + 1, NULL, source, grouping,"
		"  scale"
		" FROM norm_set WHERE id = ?2 RETURNING id, version", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, old_id);
	rc = sqlite3_step(stmt);
	new_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	*made = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 1) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE || !new_id)
		return store_fail(st, err, _("cannot make the new version"));
	/* every item, numbered in the order the old version shows them */
	return store_run_ids(st,
		    "INSERT INTO norm_item(set_id, group_id, code, text, evidence, weight, position)"
		    " SELECT ?2, group_id, code, text, evidence, weight,"
		    "  row_number() OVER (ORDER BY " NORM_GROUP_ORDER("norm_item") ", coalesce(position, id), id)"
		    " FROM norm_item WHERE set_id = ?1 ORDER BY " NORM_GROUP_ORDER("norm_item") ", coalesce(position, id), id",
		    old_id, new_id, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
}

static int version_work(struct store *st, void *arg, struct rm_error *err)
{
	struct version_args *a = arg;

	return norm_version_copy(st, a->code, a->from, a->made, err);
}

int norm_new_version(struct store *st, struct undo_log *u, const char *code, int from, int *made,
		     struct rm_error *err)
{
	struct version_args a = { code, from, made };

	*made = 0;
	return change_run(st, u, NULL, version_work, &a, err);
}

/* ---- items ---- */

struct item_args {
	const char *code, *item, *group;
	int version, delta;
};

/* The items of set SET_ID in the order shown: ids into *IDS, group ids
 * into *GROUPS (*N of them; caller frees both).  0, or -1 with ERR. */
static int item_order(struct store *st, sqlite3_int64 set_id, sqlite3_int64 **ids,
		      sqlite3_int64 **groups, size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id, group_id FROM norm_item WHERE set_id = ?1"
					   " ORDER BY " NORM_GROUP_ORDER("norm_item") ", coalesce(position, id), id", err);
	size_t ng = 0;
	int rc = SQLITE_DONE, bad = 0;

	*ids = *groups = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set_id);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sqlite3_int64 *i = array_grow(ids, n, sizeof *i), *g;

		g = i ? array_grow(groups, &ng, sizeof *g) : NULL;
		if (!g) {
			bad = 1;
			break;
		}
		*i = sqlite3_column_int64(stmt, 0);
		*g = sqlite3_column_int64(stmt, 1);
	}
	return store_finish(st, stmt, rc, bad, err);
}

/* The id of item A->item of the set row SET_ID into *ID. */
static int item_id(struct store *st, sqlite3_int64 set_id, const struct item_args *a,
		   sqlite3_int64 *id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id FROM norm_item WHERE set_id = ?1"
					   " AND code = ?2", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set_id);
	sqlite3_bind_text(stmt, 2, a->item, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (*id)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the records"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s version %d has no item %s (deleted meanwhile?)"),
		       a->code, a->version, a->item);
}

/* Swap the item with its neighbour A->delta away in its group, then
 * number them all. */
static int move_work(struct store *st, void *arg, struct rm_error *err)
{
	struct item_args *a = arg;
	sqlite3_int64 set_id, id, *ids = NULL, *groups = NULL, t;
	size_t n = 0, i, j;
	int rc = CHANGE_ERROR;

	if (open_row(st, a->code, a->version, &set_id, err) != CHANGE_OK ||
	    item_id(st, set_id, a, &id, err) < 0 ||
	    item_order(st, set_id, &ids, &groups, &n, err) < 0)
		goto out;
	for (i = 0; i < n && ids[i] != id; i++)
		;
	j = i + (size_t)(ptrdiff_t)a->delta;
	if (i == n || j >= n || groups[j] != groups[i]) {
		rc = CHANGE_NONE;
		goto out;
	}
	t = ids[i];
	ids[i] = ids[j];
	ids[j] = t;
	rc = store_renumber(st, "norm_item", ids, n, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
out:
	free(ids);
	free(groups);
	return rc;
}

int norm_item_move(struct store *st, struct undo_log *u, const char *code, int version,
		   const char *item, int delta, struct rm_error *err)
{
	struct item_args a = { code, item, NULL, version, delta < 0 ? -1 : 1 };

	return change_run(st, u, NULL, move_work, &a, err);
}

static int regroup_work(struct store *st, void *arg, struct rm_error *err)
{
	struct item_args *a = arg;
	sqlite3_int64 set_id, id, gid = 0, *ids = NULL, *groups = NULL;
	sqlite3_stmt *stmt;
	size_t n = 0;
	int rc;

	if (open_row(st, a->code, a->version, &set_id, err) != CHANGE_OK ||
	    item_id(st, set_id, a, &id, err) < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "SELECT g.id, g.id = (SELECT group_id FROM norm_item WHERE id = ?3)"
			     " FROM norm_group g JOIN norm_set s ON s.grouping = g.grouping"
			     " WHERE s.id = ?1 AND g.code = ?2", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, set_id);
	sqlite3_bind_text(stmt, 2, a->group, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 1))
		rc = SQLITE_DONE;      /* in that group already */
	else if (rc == SQLITE_ROW)
		gid = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		rc = SQLITE_NOTFOUND;
	sqlite3_finalize(stmt);
	if (rc == SQLITE_NOTFOUND)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s version %d has no group %s"), a->code,
			       a->version, a->group);
	if (!gid)
		return rc == SQLITE_DONE ? CHANGE_NONE : store_fail(st, err, _("cannot read the records"));
	/* last of its new group: after every position of the set, then numbered */
	if (store_run_ids(st, "UPDATE norm_item SET group_id = ?2, position = 1 + (SELECT"
		 " max(coalesce(position, id)) FROM norm_item WHERE set_id = (SELECT set_id FROM"
		 " norm_item WHERE id = ?1)) WHERE id = ?1", id, gid, err) < 0 ||
	    item_order(st, set_id, &ids, &groups, &n, err) < 0)
		rc = CHANGE_ERROR;
	else
		rc = store_renumber(st, "norm_item", ids, n, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
	free(ids);
	free(groups);
	return rc;
}

int norm_item_regroup(struct store *st, struct undo_log *u, const char *code, int version,
		      const char *item, const char *group, struct rm_error *err)
{
	struct item_args a = { code, item, group, version, 0 };

	return change_run(st, u, NULL, regroup_work, &a, err);
}

static int delete_work(struct store *st, void *arg, struct rm_error *err)
{
	struct item_args *a = arg;
	sqlite3_int64 set_id, id;

	if (open_row(st, a->code, a->version, &set_id, err) != CHANGE_OK ||
	    item_id(st, set_id, a, &id, err) < 0)
		return CHANGE_ERROR;
	return store_run_ids(st, "DELETE FROM norm_item WHERE id = ?1", id, 0, err) < 0 ? CHANGE_ERROR
										 : CHANGE_OK;
}

int norm_item_delete(struct store *st, struct undo_log *u, const char *code, int version,
		     const char *item, struct rm_error *err)
{
	struct item_args a = { code, item, NULL, version, 0 };

	return change_run(st, u, NULL, delete_work, &a, err);
}

/* ---- groups ---- */

int norm_groups(struct store *st, const struct config *cfg, const char *grouping,
		struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT grouping, code, label FROM norm_group"
					   " WHERE ?1 IS NULL OR grouping = ?1 ORDER BY grouping, id",
					   err);
	int rc = SQLITE_DONE, bad = 0;

	if (!stmt)
		return -1;
	store_bind_text_or_null(stmt, 1, grouping);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(stmt, 0);
		const char *code = (const char *)sqlite3_column_text(stmt, 1);
		const char *label = (const char *)sqlite3_column_text(stmt, 2), *own = NULL;

		/* the office names its key activities in its INI file */
		if (g && code && strcmp(g, "key_activity") == 0)
			own = config_label(&cfg->key_activities, code);
		if (!g || !code || !label ||
		    form_choices_add(out, code, own ? own : label, NULL) < 0)
			bad = 1;
	}
	if (store_finish(st, stmt, rc, bad, err) < 0) {
		form_choices_free(out);
		return -1;
	}
	return 0;
}

/* ---- an assessment started twice ---- */

int assessment_same_day(struct store *st, const char *set, int version, const char *office,
			const char *project, const char *day, char **existing,
			struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT a.code FROM assessment a JOIN norm_set s ON s.id = a.set_id"
		" JOIN office o ON o.id = a.office_id LEFT JOIN project p ON p.id = a.project_id"
		" WHERE s.code = ?1 AND s.version = ?2 AND o.code = ?3 AND p.code IS ?4"
		" AND a.assessed_on = ?5 ORDER BY a.id LIMIT 1", err);
	struct text_date today;
	char iso[16];
	int rc, bad = 0;

	*existing = NULL;
	if (!stmt)
		return -1;
	if (!day) {
		text_today(&today);
		text_format_iso(&today, iso, sizeof iso);
		day = iso;
	}
	sqlite3_bind_text(stmt, 1, set, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	sqlite3_bind_text(stmt, 3, office, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 4, project);
	sqlite3_bind_text(stmt, 5, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*existing = store_col_dup(stmt, 0, &bad);
		rc = SQLITE_DONE;
	}
	if (store_finish(st, stmt, rc, bad, err) < 0)
		return -1;
	return *existing ? 1 : 0;
}
