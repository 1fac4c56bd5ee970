/* change.c - changes as undoable steps over the change log; field updates
 * that never overwrite another user's work unseen; history. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "change_int.h"

/* The tables undo may touch.  Names read from the change log are data, so
 * they are checked against this list before they go into SQL. */
static const char *const undo_tables[] = {
	"office", "plan", "objective", "link", "indicator", "slm_cell", "project",
	"project_objective", "norm_group", "norm_set", "norm_item", "support_frame",
	"assessment", "assessment_entry", "aar", "aar_tag", "aar_section", "aar_action",
	"support_request", "norm_proposal", "sync_conflict",
};

static const char *known_table(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof undo_tables / sizeof undo_tables[0]; i++)
		if (strcmp(name, undo_tables[i]) == 0)
			return undo_tables[i];
	return NULL;
}

void undo_log_free(struct undo_log *u)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].ranges);
		free(u->v[i].merge);
	}
	free(u->v);
	memset(u, 0, sizeof *u);
}

void change_forget(struct undo_log *u)
{
	if (u && u->n) {
		u->n--;
		free(u->v[u->n].ranges);
		free(u->v[u->n].merge);
	}
}

void change_seal(struct undo_log *u)
{
	if (u && u->n) {
		free(u->v[u->n - 1].merge);
		u->v[u->n - 1].merge = NULL;
	}
}

static sqlite3_int64 last_log_id(struct store *st)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 id = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(id), 0) FROM change_log", -1, &stmt,
			       NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
}

/* Remember change-log rows FIRST..LAST as a step of U (or as more of the
 * last step, when both carry the merge key MERGE). */
static int remember(struct undo_log *u, const char *merge, sqlite3_int64 first,
		    sqlite3_int64 last)
{
	struct change_step *s = u->n ? &u->v[u->n - 1] : NULL;
	struct change_range *r;

	if (!(merge && s && s->merge && strcmp(s->merge, merge) == 0)) {
		s = array_grow(&u->v, &u->n, sizeof *s);
		if (!s)
			return -1;
		if (merge && !(s->merge = strdup(merge))) {
			u->n--;
			return -1;
		}
	}
	r = array_grow(&s->ranges, &s->nranges, sizeof *r);
	if (!r)
		return -1;
	r->first = first;
	r->last = last;
	return 0;
}

/* The change-log row a save that merges into the last step of U (same
 * MERGE key: the same field, the user still in it) may be folded into:
 * that step's last row, or 0. */
static sqlite3_int64 fold_target(const struct undo_log *u, const char *merge)
{
	const struct change_step *s = u && u->n ? &u->v[u->n - 1] : NULL;

	if (!merge || !s || !s->merge || strcmp(s->merge, merge) != 0 || !s->nranges)
		return 0;
	return s->ranges[s->nranges - 1].last;
}

/* One history entry per visit to a field: row NEW, the save just logged,
 * takes over row PREV (its op and old value, so it spans the whole visit)
 * and PREV goes, when PREV is the same user's insert or update of the same
 * row and nobody logged that row in between.  The newest row stays, so the
 * log's ids and times keep one order and no id is used twice.  1 when
 * folded, 0 when not, -1 on error. */
static int fold_into(struct store *st, sqlite3_int64 prev, sqlite3_int64 new_row)
{
	static const char same_visit[] =
		"SELECT 1 FROM change_log p JOIN change_log n ON n.id = ?2"
		" WHERE p.id = ?1 AND p.tbl = n.tbl AND p.row_id = n.row_id AND p.who = n.who"
		" AND p.op IN ('insert', 'update') AND n.op = 'update'"
		" AND NOT EXISTS (SELECT 1 FROM change_log x WHERE x.tbl = p.tbl"
		"  AND x.row_id = p.row_id AND x.id > p.id AND x.id < n.id)";
	static const char fold[] =
		"UPDATE change_log SET op = (SELECT op FROM change_log WHERE id = ?1),"
		" old = (SELECT old FROM change_log WHERE id = ?1) WHERE id = ?2;"
		"DELETE FROM change_log WHERE id = ?1";
	sqlite3_stmt *stmt;
	const char *tail = fold;
	int rc, found;

	if (sqlite3_prepare_v2(st->db, same_visit, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(stmt, 1, prev);
	sqlite3_bind_int64(stmt, 2, new_row);
	rc = sqlite3_step(stmt);
	found = rc == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	while (found && *tail) {
		if (sqlite3_prepare_v2(st->db, tail, -1, &stmt, &tail) != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(stmt, 1, prev);
		sqlite3_bind_int64(stmt, 2, new_row);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return found;
}

int change_run(struct store *st, struct undo_log *u, const char *merge,
	       int (*work)(struct store *st, void *arg, struct rm_error *err), void *arg,
	       struct rm_error *err)
{
	sqlite3_int64 before, after, prev = fold_target(u, merge);
	int rc, folded = 0;

	if (store_begin(st, err) < 0)
		return CHANGE_ERROR;
	/* Under the write lock nobody else writes: the rows after BEFORE are ours. */
	before = last_log_id(st);
	rc = work(st, arg, err);
	if (rc == CHANGE_ERROR || rc == CHANGE_CONFLICT || before < 0) {
		store_rollback(st);
		return before < 0 ? store_fail(st, err, _("cannot read the change log")) : rc;
	}
	after = last_log_id(st);
	if (prev && after == before + 1 && (folded = fold_into(st, prev, after)) < 0) {
		store_rollback(st);
		return store_fail(st, err, _("cannot save"));
	}
	if (store_commit(st, err) < 0)
		return CHANGE_ERROR;
	if (after <= before)
		return CHANGE_NONE;
	/* folded: PREV is gone and this row holds the visit, in PREV's place
	 * when PREV was a range of its own (the step does not grow) */
	if (folded) {
		struct change_range *r = &u->v[u->n - 1].ranges[u->v[u->n - 1].nranges - 1];

		if (r->first == prev) {
			r->first = r->last = after;
			return CHANGE_OK;
		}
	}
	if (u && remember(u, merge, before + 1, after) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return CHANGE_OK;
}

/* The json_object(...) of every column of TABLE, the same text the
 * change-log triggers write, for comparing a row with a logged one. */
static char *row_json_sql(struct store *st, const char *table)
{
	struct buf b = { 0 };
	sqlite3_stmt *stmt;
	int first = 1;

	if (sqlite3_prepare_v2(st->db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1,
			       &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	buf_puts(&b, "SELECT json_object(");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(stmt, 0);

		buf_printf(&b, "%s'%s', \"%s\"", first ? "" : ", ", col, col);
		first = 0;
	}
	sqlite3_finalize(stmt);
	buf_printf(&b, ") FROM \"%s\" WHERE id = ?1", table);
	return first ? (buf_free(&b), NULL) : buf_take(&b);
}

/* The row ID of TABLE as JSON (malloc'd), or NULL when there is none. */
static int current_row(struct store *st, const char *table, sqlite3_int64 id, char **json,
		       struct rm_error *err)
{
	char *sql = row_json_sql(st, table);
	sqlite3_stmt *stmt;
	int oom = 0;

	*json = NULL;
	if (!sql)
		return store_fail(st, err, _("cannot read the table"));
	stmt = store_prepare(st, sql, err);
	free(sql);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*json = store_col_dup(stmt, 0, &oom);
	sqlite3_finalize(stmt);
	return oom ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory")) : 0;
}

/* Who last changed row ID of TABLE, and when, into ERR as a conflict.
 * Only change-log rows up to BEFORE count: an undo in progress has logged
 * rows of its own. */
static int conflict(struct store *st, const char *table, sqlite3_int64 id, sqlite3_int64 before,
		    struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT who, at FROM change_log WHERE tbl = ?1"
					   " AND row_id = ?2 AND id <= ?3 ORDER BY id DESC LIMIT 1", err);

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_int64(stmt, 3, before);
	return change_blame(stmt, err);
}

int change_blame(sqlite3_stmt *stmt, struct rm_error *err)
{
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		char when[96];

		text_format_timestamp((const char *)sqlite3_column_text(stmt, 1), when, sizeof when);
		rm_fail(err, RM_EXIT_RUNTIME, _("changed meanwhile by %s at %s; nothing was overwritten"),
			(const char *)sqlite3_column_text(stmt, 0), when);
	}
	else
		rm_fail(err, RM_EXIT_RUNTIME, _("changed meanwhile by someone else; nothing was overwritten"));
	sqlite3_finalize(stmt);
	return CHANGE_CONFLICT;
}

/* Put row ID of TABLE back as JSON says (INSERT when it is gone, UPDATE
 * when it is there), or DELETE it when JSON is NULL. */
static int restore_row(struct store *st, const char *table, sqlite3_int64 id, const char *json,
		       int exists, struct rm_error *err)
{
	struct buf cols = { 0 }, vals = { 0 }, sql = { 0 };
	sqlite3_stmt *stmt;
	int rc, first = 1;

	if (!json) {
		buf_printf(&sql, "DELETE FROM \"%s\" WHERE id = ?1", table);
	} else {
		stmt = store_prepare(st, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", err);
		if (!stmt)
			return -1;
		sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(stmt, 0);

			if (exists)
				buf_printf(&cols, "%s\"%s\" = json_extract(?2, '$.%s')", first ? "" : ", ",
					   col, col);
			else {
				buf_printf(&cols, "%s\"%s\"", first ? "" : ", ", col);
				buf_printf(&vals, "%sjson_extract(?2, '$.%s')", first ? "" : ", ", col);
			}
			first = 0;
		}
		sqlite3_finalize(stmt);
		if (exists)
			buf_printf(&sql, "UPDATE \"%s\" SET %s WHERE id = ?1", table, cols.s);
		else
			buf_printf(&sql, "INSERT INTO \"%s\" (%s) VALUES (%s)", table, cols.s, vals.s);
	}
	buf_free(&cols);
	buf_free(&vals);
	if (sql.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	stmt = store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (json)
		sqlite3_bind_text(stmt, 2, json, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot undo"));
	return 0;
}

/* The undo of one row also took rows that hang on it (logged after MARK):
 * say whose, and that nothing was undone. */
static int cascade_conflict(struct store *st, sqlite3_int64 mark, const char *table,
			    sqlite3_int64 row, sqlite3_int64 before, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		/* CROSS JOIN: the few rows after MARK first, each one's
		 * earlier rows by the index (not every row before BEFORE) */
		"SELECT p.who, p.at FROM change_log c CROSS JOIN change_log p ON p.tbl = c.tbl"
		" AND p.row_id = c.row_id AND p.id <= ?4"
		" WHERE c.id > ?1 AND NOT (c.tbl = ?2 AND c.row_id = ?3) ORDER BY p.id DESC LIMIT 1",
		err);

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, mark);
	sqlite3_bind_text(stmt, 2, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, row);
	sqlite3_bind_int64(stmt, 4, before);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		rm_fail(err, RM_EXIT_RUNTIME,
			_("undoing this would also take away what %s added to it at %s; nothing was undone"),
			(const char *)sqlite3_column_text(stmt, 0),
			(const char *)sqlite3_column_text(stmt, 1));
	else
		rm_fail(err, RM_EXIT_RUNTIME,
			_("undoing this would also take away what was added to it since; nothing was undone"));
	sqlite3_finalize(stmt);
	return CHANGE_CONFLICT;
}

/* Undo change-log row LOG_ID: the row must still be as that change left
 * it.  Returns a change_result. */
static int undo_one(struct store *st, sqlite3_int64 log_id, sqlite3_int64 before,
		    struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT tbl, row_id, op, old, new FROM change_log"
					   " WHERE id = ?1", err);
	const char *table;
	char *old = NULL, *after = NULL, *now = NULL;
	sqlite3_int64 row, mark;
	int oom = 0, rc = CHANGE_OK;

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, log_id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return CHANGE_OK;
	}
	table = known_table((const char *)sqlite3_column_text(stmt, 0));
	row = sqlite3_column_int64(stmt, 1);
	old = store_col_dup(stmt, 3, &oom);
	after = store_col_dup(stmt, 4, &oom);
	sqlite3_finalize(stmt);
	if (oom || !table) {
		rc = oom ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"))
			 : rm_fail(err, RM_EXIT_RUNTIME, _("the change log names an unknown table"));
		goto out;
	}
	if (current_row(st, table, row, &now, err) < 0) {
		rc = CHANGE_ERROR;
		goto out;
	}
	/* As the change left it: there with the new values, or gone. */
	if ((after && (!now || strcmp(now, after) != 0)) || (!after && now)) {
		rc = conflict(st, table, row, before, err);
		goto out;
	}
	mark = last_log_id(st);
	if (restore_row(st, table, row, old, now != NULL, err) < 0) {
		rc = CHANGE_ERROR;
		goto out;
	}
	/* Putting one row back logs one row.  More means the database went on
	 * (a cascade): rows hanging on this one, that someone added since. */
	if (last_log_id(st) - mark > 1)
		rc = cascade_conflict(st, mark, table, row, before, err);
out:
	free(old);
	free(after);
	free(now);
	return rc;
}

int change_undo(struct store *st, struct undo_log *u, struct rm_error *err)
{
	struct change_step *s;
	sqlite3_int64 before;
	size_t r;
	int rc = CHANGE_OK;

	if (!u || !u->n)
		return CHANGE_NONE;
	s = &u->v[u->n - 1];
	if (store_begin(st, err) < 0)
		return CHANGE_ERROR;
	before = last_log_id(st);
	/* Rows come back in any order within the transaction; the keys are
	 * checked when it commits. */
	if (store_exec(st, "PRAGMA defer_foreign_keys = ON", err) < 0) {
		store_rollback(st);
		return CHANGE_ERROR;
	}
	for (r = s->nranges; r-- > 0 && rc == CHANGE_OK;) {
		sqlite3_int64 id;

		for (id = s->ranges[r].last; id >= s->ranges[r].first && rc == CHANGE_OK; id--)
			rc = undo_one(st, id, before, err);
	}
	if (rc != CHANGE_OK) {
		store_rollback(st);
		return rc;
	}
	if (store_commit(st, err) < 0)
		return CHANGE_ERROR;
	free(s->ranges);
	free(s->merge);
	u->n--;
	return CHANGE_OK;
}

/* ---- fields ---- */

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int read_field(struct store *st, const struct field *f, sqlite3_int64 id, char **value,
		      int *found, struct rm_error *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *stmt;
	int oom = 0;

	*value = NULL;
	*found = 0;
	buf_printf(&sql, "SELECT %s FROM %s WHERE id = ?1", f->get, f->table);
	stmt = sql.oom ? NULL : store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*found = 1;
		*value = store_col_dup(stmt, 0, &oom);
	}
	sqlite3_finalize(stmt);
	return oom ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory")) : 0;
}

int change_get(struct store *st, const char *field, sqlite3_int64 id, char **value,
	       struct rm_error *err)
{
	const struct field *f = change_find_field(field);
	int found;

	if (!f)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: not a field", field);
	return read_field(st, f, id, value, &found, err);
}

struct set_args {
	const struct field *f;
	sqlite3_int64 id;
	const char *expected, *value;
	char **current;
	sqlite3_int64 assessment, item;   /* set: the entry is found or made first */
	sqlite3_int64 *entry;             /* gets the entry's id */
	change_make_fn make;              /* set: finds or makes the row first */
	void *make_arg;
	const char *merge;                /* the merge key, when MAKE is set */
};

static int set_work(struct store *st, void *arg, struct rm_error *err)
{
	struct set_args *a = arg;
	struct buf sql = { 0 };
	sqlite3_stmt *stmt;
	char *now = NULL;
	int found, rc;

	if (a->assessment && change_entry_id(st, a->assessment, a->item, &a->id, err) < 0)
		return CHANGE_ERROR;
	if (a->make && a->make(st, a->make_arg, &a->id, err) < 0)
		return CHANGE_ERROR;
	if (a->entry)
		*a->entry = a->id;

	if (read_field(st, a->f, a->id, &now, &found, err) < 0)
		return CHANGE_ERROR;
	if (!found) {
		free(now);
		return rm_fail(err, RM_EXIT_RUNTIME, _("the record is gone: someone deleted it"));
	}
	if (!same(now, a->expected)) {
		if (a->current)
			*a->current = now;
		else
			free(now);
		return conflict(st, a->f->table, a->id, last_log_id(st), err);
	}
	free(now);
	if (same(a->expected, a->value))
		return CHANGE_NONE;
	buf_printf(&sql, "UPDATE %s SET %s = %s WHERE id = ?2", a->f->table, a->f->column, a->f->set);
	stmt = sql.oom ? NULL : store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt)
		return CHANGE_ERROR;
	if (a->f->required)
		sqlite3_bind_text(stmt, 1, a->value ? a->value : "", -1, SQLITE_STATIC);
	else
		store_bind_text_or_null(stmt, 1, a->value);
	sqlite3_bind_int64(stmt, 2, a->id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	/* A code that names nothing (a support frame) must not become NULL. */
	if (read_field(st, a->f, a->id, &now, &found, err) < 0)
		return CHANGE_ERROR;
	rc = same(now, a->value);
	free(now);
	if (!rc)
		return rm_fail(err, RM_EXIT_RUNTIME, _("\"%s\" is not a known value here"), a->value);
	return change_follow_code(st, a->f, a->id, a->expected, a->value, err) < 0 ? CHANGE_ERROR
										: CHANGE_OK;
}

/* The merge key of saves of FIELD of row ID. */
static void merge_key(struct buf *b, const char *field, sqlite3_int64 id)
{
	buf_printf(b, "%s:%lld", field, (long long)id);
}

int change_merge_as(struct undo_log *u, const char *field, sqlite3_int64 id)
{
	struct buf key = { 0 };

	if (!u || !u->n)
		return 0;
	merge_key(&key, field, id);
	if (key.oom)
		return -1;
	free(u->v[u->n - 1].merge);
	u->v[u->n - 1].merge = buf_take(&key);
	return 0;
}

/* Run SET_WORK for A, merging saves of one field of one row. */
static int run_set(struct store *st, struct undo_log *u, const char *field, struct set_args *a,
		   struct rm_error *err)
{
	struct buf merge = { 0 };
	int rc;

	if (a->current)
		*a->current = NULL;
	if (!a->f)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: not a field", field);
	if (a->make)
		buf_printf(&merge, "%s:%s", field, a->merge);
	else if (a->assessment)
		buf_printf(&merge, "%s:%lld/%lld", field, (long long)a->assessment, (long long)a->item);
	else
		merge_key(&merge, field, a->id);
	rc = change_run(st, u, merge.s, set_work, a, err);
	buf_free(&merge);
	return rc;
}

int change_field(struct store *st, struct undo_log *u, const char *field, sqlite3_int64 id,
		 const char *expected, const char *value, char **current, struct rm_error *err)
{
	struct set_args a = { change_find_field(field), id, expected, value, current, 0, 0, NULL, NULL,
			      NULL, NULL };

	return run_set(st, u, field, &a, err);
}

int change_entry_field(struct store *st, struct undo_log *u, sqlite3_int64 assessment,
		       sqlite3_int64 item, const char *field, const char *expected,
		       const char *value, char **current, sqlite3_int64 *entry, struct rm_error *err)
{
	struct set_args a = { change_find_field(field), 0, expected, value, current, assessment, item,
			      entry, NULL, NULL, NULL };

	if (strncmp(field, "assessment_entry.", 17) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: not a field of a checklist entry", field);
	return run_set(st, u, field, &a, err);
}

int change_field_make(struct store *st, struct undo_log *u, const char *field,
		      change_make_fn make, void *arg, const char *merge, const char *expected,
		      const char *value, char **current, sqlite3_int64 *row, struct rm_error *err)
{
	struct set_args a = { change_find_field(field), 0, expected, value, current, 0, 0, row, make, arg,
			      merge ? merge : "" };

	return run_set(st, u, field, &a, err);
}

int change_entry_id(struct store *st, sqlite3_int64 assessment_id, sqlite3_int64 item_id,
		    sqlite3_int64 *id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT INTO assessment_entry(assessment_id, item_id) VALUES (?1, ?2)"
		" ON CONFLICT (assessment_id, item_id) DO NOTHING", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, assessment_id);
	sqlite3_bind_int64(stmt, 2, item_id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	stmt = store_prepare(st, "SELECT id FROM assessment_entry WHERE assessment_id = ?1"
			     " AND item_id = ?2", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, assessment_id);
	sqlite3_bind_int64(stmt, 2, item_id);
	rc = sqlite3_step(stmt);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : store_fail(st, err, _("cannot save"));
}

/* ---- history ---- */

void history_free(struct history_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].at);
		free(rows[i].who);
		free(rows[i].op);
		free(rows[i].table);
		free(rows[i].field);
		free(rows[i].old);
		free(rows[i].new_value);
	}
	free(rows);
}

/* The logged columns that hold a support frame's id. */
#define FRAME_KEYS "('support_frame_id', 'frame_id', 'filed_frame_id')"

int history_load(struct store *st, const char *table, sqlite3_int64 id, size_t limit,
		 struct history_row **rows, size_t *n, struct rm_error *err)
{
	/* Updates: one row per field that changed.  Inserts and deletes: one
	 * row, with the record's telling text. */
	static const char sql[] =
		/* three parts, each served by an index of change_log: the
		 * record's own rows, and its parts' rows by their owner */
		"WITH c AS (SELECT * FROM ("
		"  SELECT * FROM change_log WHERE tbl = ?1 AND row_id = ?2"
		"  UNION ALL SELECT * FROM change_log WHERE ?1 = 'aar'"
		"   AND tbl IN ('aar_section', 'aar_action', 'aar_tag')"
		"   AND json_extract(coalesce(new, old), '$.aar_id') = ?2"
		"  UNION ALL SELECT * FROM change_log WHERE ?1 = 'assessment'"
		"   AND tbl = 'assessment_entry'"
		"   AND json_extract(coalesce(new, old), '$.assessment_id') = ?2"
		"  UNION ALL SELECT * FROM change_log WHERE ?1 = 'assessment_entry'"
		"   AND tbl = 'support_request'"
		"   AND json_extract(coalesce(new, old), '$.entry_id') = ?2)"
		"  ORDER BY id DESC LIMIT ?3)"
		/* a support frame by its label, not its row id */
		" SELECT c.at, c.who, c.op, c.tbl, j.key,"
		"  CASE WHEN j.key IN " FRAME_KEYS " THEN coalesce((SELECT label FROM support_frame"
		"   WHERE id = json_extract(c.old, '$.' || j.key)), json_extract(c.old, '$.' || j.key))"
		"   ELSE json_extract(c.old, '$.' || j.key) END,"
		"  CASE WHEN j.key IN " FRAME_KEYS " THEN coalesce((SELECT label FROM support_frame"
		"   WHERE id = j.value), j.value) ELSE j.value END, c.id"
		"  FROM c, json_each(c.new) j WHERE c.op = 'update'"
		"  AND j.key NOT IN ('id', 'uid')"
		"  AND json_extract(c.old, '$.' || j.key) IS NOT j.value"
		" UNION ALL"
		" SELECT c.at, c.who, c.op, c.tbl, NULL, NULL,"
		"  coalesce(json_extract(coalesce(c.new, c.old), '$.title'),"
		"   json_extract(coalesce(c.new, c.old), '$.text'),"
		"   json_extract(coalesce(c.new, c.old), '$.action'),"
		"   json_extract(coalesce(c.new, c.old), '$.tag'),"
		"   json_extract(coalesce(c.new, c.old), '$.status')), c.id"
		"  FROM c WHERE c.op <> 'update'"
		" ORDER BY 8 DESC";
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int oom = 0, rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)limit);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct history_row *h = array_grow(rows, n, sizeof *h);

		if (!h) {
			oom = 1;
			break;
		}
		h->at = store_col_dup(stmt, 0, &oom);
		h->who = store_col_dup(stmt, 1, &oom);
		h->op = store_col_dup(stmt, 2, &oom);
		h->table = store_col_dup(stmt, 3, &oom);
		h->field = store_col_dup(stmt, 4, &oom);
		h->old = store_col_dup(stmt, 5, &oom);
		h->new_value = store_col_dup(stmt, 6, &oom);
		h->change = sqlite3_column_int64(stmt, 7);
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		history_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
