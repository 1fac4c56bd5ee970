/* proposalapply.c - the next version of a norm set from its accepted
 * proposals: the newest version copied, each addition, change and
 * removal made in the copy, each proposal marked applied with it, all in
 * one step that one undo takes back.  What cannot be applied as asked is
 * refused in words before anything is written. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"

/* One accepted proposal. */
struct accepted {
	sqlite3_int64 id;
	char kind[16];
	char *item, *group;
};

struct apply_args {
	const char *code;
	int *from, *made;
	struct accepted *v;
	size_t n;
	sqlite3_int64 set;       /* the new version's row */
};

static void accepted_free(struct apply_args *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].item);
		free(a->v[i].group);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

/* The newest version of A->code into *A->from; refused while it is a
 * draft.  0, or -1 with ERR. */
static int newest(struct store *st, struct apply_args *a, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT version, issued IS NULL FROM norm_set"
					   " WHERE code = ?1 ORDER BY version DESC LIMIT 1", err);
	int rc, draft = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, a->code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*a->from = sqlite3_column_int(stmt, 0);
		draft = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\""), a->code);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, _("cannot read the records"));
	if (draft)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s version %d is a draft still: make the changes there, or give it "
				 "its issued date first, then v makes the next version"),
			       a->code, *a->from);
	return 0;
}

/* The accepted proposals on A->code, as proposed, into A.  0, or -1. */
static int load_accepted(struct store *st, struct apply_args *a, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT p.id, p.kind, p.item_code, p.group_code FROM norm_proposal p"
		" JOIN norm_set s ON s.id = p.set_id WHERE s.code = ?1 AND p.status = 'accepted'"
		" ORDER BY p.id", err);
	int rc = SQLITE_DONE, bad = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, a->code, -1, SQLITE_STATIC);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct accepted *p = array_grow(&a->v, &a->n, sizeof *p);

		if (!p) {
			bad = 1;
			break;
		}
		p->id = sqlite3_column_int64(stmt, 0);
		snprintf(p->kind, sizeof p->kind, "%s", (const char *)sqlite3_column_text(stmt, 1));
		p->item = store_col_dup(stmt, 2, &bad);
		p->group = store_col_dup(stmt, 3, &bad);
	}
	if (store_finish(st, stmt, rc, bad, err) < 0)
		return -1;
	if (!a->n)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("no accepted proposal on %s yet: y accepts one"), a->code);
	return 0;
}

/* Two proposals on one item (or adding one code twice): refused, naming
 * both.  0, or -1 with ERR. */
static int one_each(const struct apply_args *a, struct rm_error *err)
{
	size_t i, j;

	for (i = 0; i < a->n; i++)
		for (j = i + 1; j < a->n && a->v[i].item; j++)
			if (a->v[j].item && strcmp(a->v[i].item, a->v[j].item) == 0)
				return rm_fail(err, RM_EXIT_RUNTIME,
					       _("proposals #%lld and #%lld both touch item %s: "
						 "reject one of them (x) first"),
					       (long long)a->v[i].id, (long long)a->v[j].id,
					       a->v[i].item);
	return 0;
}

/* Is CODE an item of the new version?  1, 0, or -1 with ERR. */
static int has_item(struct store *st, sqlite3_int64 set, const char *code, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM norm_item WHERE set_id = ?1"
					   " AND code = ?2", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the records"));
	return rc == SQLITE_ROW;
}

/* A code for a new item of group GROUP_ID: its last item's letters with
 * the next number not taken ("SM3" -> "SM4"), "N1" in an empty group,
 * into OUT.  0, or -1 with ERR. */
static int new_code(struct store *st, sqlite3_int64 set, sqlite3_int64 group_id, char *out,
		    size_t size, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT code FROM norm_item WHERE set_id = ?1"
					   " AND group_id = ?2 ORDER BY coalesce(position, id) DESC,"
					   " id DESC LIMIT 1", err);
	char prefix[64] = "N";
	long n = 0;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set);
	sqlite3_bind_int64(stmt, 2, group_id);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
		const char *last = (const char *)sqlite3_column_text(stmt, 0);
		size_t len = strlen(last);

		while (len && isdigit((unsigned char)last[len - 1]))
			len--;
		if (len && len < sizeof prefix) {
			memcpy(prefix, last, len);
			prefix[len] = '\0';
			n = atol(last + len);
		}
	}
	sqlite3_finalize(stmt);
	do {
		snprintf(out, size, "%s%ld", prefix, ++n);
	} while ((rc = has_item(st, set, out, err)) == 1);
	return rc < 0 ? -1 : 0;
}

/* The group row of code GROUP in the new version's grouping into *ID
 * (0: none).  0, or -1 with ERR. */
static int group_row(struct store *st, sqlite3_int64 set, const char *group, sqlite3_int64 *id,
		     struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT g.id FROM norm_group g JOIN norm_set s"
					   " ON s.grouping = g.grouping WHERE s.id = ?1"
					   " AND g.code = ?2", err);
	int rc;

	*id = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set);
	store_bind_text_or_null(stmt, 2, group);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err,
								   _("cannot read the records"));
}

/* Add the item P proposes to the new version, last of its group. */
static int apply_add(struct store *st, const struct apply_args *a, const struct accepted *p,
		     struct rm_error *err)
{
	sqlite3_int64 gid;
	sqlite3_stmt *stmt;
	char code[80];
	int rc;

	if (group_row(st, a->set, p->group, &gid, err) < 0)
		return -1;
	if (!gid)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("proposal #%lld adds an item to no group of the set: e on it "
				 "chooses the group"), (long long)p->id);
	if (p->item && (rc = has_item(st, a->set, p->item, err)) != 0)
		return rc < 0 ? -1 : rm_fail(err, RM_EXIT_RUNTIME,
			_("proposal #%lld adds an item %s, but version %d has an item %s already"),
			(long long)p->id, p->item, *a->made, p->item);
	if (p->item)
		snprintf(code, sizeof code, "%s", p->item);
	else if (new_code(st, a->set, gid, code, sizeof code, err) < 0)
		return -1;
	stmt = store_prepare(st,
		"INSERT INTO norm_item(set_id, group_id, code, text, evidence, weight, position)"
		" SELECT ?1, ?2, ?3, p.text, p.evidence, coalesce(p.weight, 1), 1 + coalesce((SELECT"
		"  max(coalesce(position, id)) FROM norm_item WHERE set_id = ?1), 0)"
		" FROM norm_proposal p WHERE p.id = ?4", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->set);
	sqlite3_bind_int64(stmt, 2, gid);
	sqlite3_bind_text(stmt, 3, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, p->id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot save"));
}

/* Change or remove the item P names in the new version. */
static int apply_item(struct store *st, const struct apply_args *a, const struct accepted *p,
		      struct rm_error *err)
{
	int remove = strcmp(p->kind, "remove") == 0, rc;

	if (remove)
		rc = store_run_ids(st, "DELETE FROM norm_item WHERE set_id = ?1 AND code ="
				   " (SELECT item_code FROM norm_proposal WHERE id = ?2)",
				   a->set, p->id, err);
	else
		rc = store_run_ids(st,
			"UPDATE norm_item SET (text, evidence, weight, group_id) = (SELECT"
			"  coalesce(p.text, norm_item.text), coalesce(p.evidence, norm_item.evidence),"
			"  coalesce(p.weight, norm_item.weight), coalesce((SELECT g.id FROM norm_group g"
			"   JOIN norm_set s ON s.grouping = g.grouping WHERE s.id = norm_item.set_id"
			"   AND g.code = p.group_code), norm_item.group_id)"
			"  FROM norm_proposal p WHERE p.id = ?2)"
			" WHERE set_id = ?1 AND code = (SELECT item_code FROM norm_proposal WHERE id = ?2)",
			a->set, p->id, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       remove ? _("proposal #%lld removes item %s, which %s version %d does not "
					  "have: x rejects it")
				      : _("proposal #%lld changes item %s, which %s version %d does not "
					  "have: x rejects it"),
			       (long long)p->id, p->item ? p->item : "", a->code, *a->from);
	return 0;
}

/* The new version's row into A->set.  0, or -1 with ERR. */
static int version_row(struct store *st, struct apply_args *a, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id FROM norm_set WHERE code = ?1"
					   " AND version = ?2", err);

	a->set = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, a->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, *a->made);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		a->set = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return a->set ? 0 : store_fail(st, err, _("cannot make the new version"));
}

static int apply_work(struct store *st, void *arg, struct rm_error *err)
{
	struct apply_args *a = arg;
	size_t i;

	if (newest(st, a, err) < 0 || load_accepted(st, a, err) < 0 || one_each(a, err) < 0 ||
	    norm_version_copy(st, a->code, *a->from, a->made, err) != CHANGE_OK)
		return CHANGE_ERROR;
	if (version_row(st, a, err) < 0)
		return CHANGE_ERROR;
	for (i = 0; i < a->n; i++) {
		const struct accepted *p = &a->v[i];

		if ((strcmp(p->kind, "add") == 0 ? apply_add(st, a, p, err)
						 : apply_item(st, a, p, err)) < 0)
			return CHANGE_ERROR;
		if (store_run_ids(st, "UPDATE norm_proposal SET status = 'applied',"
				  " applied_set_id = ?2 WHERE id = ?1", p->id, a->set, err) < 0)
			return CHANGE_ERROR;
	}
	return CHANGE_OK;
}

int proposals_apply(struct store *st, struct undo_log *u, const char *code, int *from,
		    int *made, struct rm_error *err)
{
	struct apply_args a = { code, from, made, NULL, 0, 0 };
	int rc;

	*from = *made = 0;
	rc = change_run(st, u, NULL, apply_work, &a, err);
	accepted_free(&a);
	if (rc != CHANGE_OK)
		*made = 0;
	return rc == CHANGE_NONE ? CHANGE_OK : rc;
}
