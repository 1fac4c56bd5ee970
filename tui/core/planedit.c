/* planedit.c - plans made and deleted; objectives added, deleted, moved;
 * links added and taken away: each one change_run step, refusals in
 * words (planedit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/domain.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/planedit.h"

/* Run SQL (one statement, ?1 bound to TEXT) and take the first column
 * of its first row as an id into *ID (0: no row).  0, or -1 with ERR. */
static int id_of(struct store *st, const char *sql, const char *text, sqlite3_int64 other,
		 sqlite3_int64 *id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	*id = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	if (other)
		sqlite3_bind_int64(stmt, 2, other);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the plan"));
	return 0;
}

/* The id of plan CODE into *ID; -1 with ERR when there is none. */
static int plan_id(struct store *st, const char *code, sqlite3_int64 *id, struct rm_error *err)
{
	if (id_of(st, "SELECT id FROM plan WHERE code = ?1", code, 0, id, err) < 0)
		return -1;
	if (!*id)
		return rm_fail(err, RM_EXIT_RUNTIME, _("there is no plan %s (deleted meanwhile?)"),
			       code);
	return 0;
}

/* The id of objective CODE of plan PLAN (its id PID) into *ID; -1 with
 * ERR when there is none. */
static int objective_id(struct store *st, const char *plan, sqlite3_int64 pid, const char *code,
			sqlite3_int64 *id, struct rm_error *err)
{
	if (id_of(st, "SELECT id FROM objective WHERE code = ?1 AND plan_id = ?2", code, pid, id,
		  err) < 0)
		return -1;
	if (!*id)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("plan %s has no objective %s (deleted meanwhile?)"), plan, code);
	return 0;
}

int plan_years_check(long long fy_from, long long fy_to, struct rm_error *err)
{
	long long y[2] = { fy_from, fy_to };
	int i;

	for (i = 0; i < 2; i++) {
		char s[32];

		snprintf(s, sizeof s, "%lld", y[i]);
		if (form_parse_year(s, NULL, err) < 0)
			return -1;
	}
	if (fy_to < fy_from)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("the plan ends in %lld, before it starts in %lld: the last fiscal "
				 "year must not come before the first"), fy_to, fy_from);
	return 0;
}

int plan_code_used(struct store *st, const char *code, struct rm_error *err)
{
	sqlite3_int64 id;

	if (id_of(st, "SELECT id FROM plan WHERE code = ?1", code, 0, &id, err) < 0)
		return -1;
	if (id)
		rm_fail(err, RM_EXIT_RUNTIME, _("a plan %s already exists; choose another code"), code);
	return id ? 1 : 0;
}

int objective_code_used(struct store *st, sqlite3_int64 objective, const char *code,
			struct rm_error *err)
{
	static const char sql[] =
		"SELECT o.id, p.code FROM objective o JOIN plan p ON p.id = o.plan_id"
		" WHERE o.code = ?1 AND o.plan_id = (SELECT plan_id FROM objective WHERE id = ?2)";
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc, used;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, objective);
	rc = sqlite3_step(stmt);
	used = rc == SQLITE_ROW && sqlite3_column_int64(stmt, 0) != objective;
	if (used)
		rm_fail(err, RM_EXIT_RUNTIME,
			_("plan %s already has an objective %s; choose another code"),
			(const char *)sqlite3_column_text(stmt, 1), code);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the plan"));
	return used;
}

/* ---- a plan made, a plan deleted ---- */

static int plan_create_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct plan_head *p = arg;
	sqlite3_int64 office, serves = 0;
	sqlite3_stmt *stmt;
	int rc;

	if (plan_years_check(p->fy_from, p->fy_to, err) < 0)
		return CHANGE_ERROR;
	if (plan_code_used(st, p->code, err) != 0)
		return CHANGE_ERROR;
	if (id_of(st, "SELECT id FROM office WHERE code = ?1", p->office, 0, &office, err) < 0)
		return CHANGE_ERROR;
	if (!office)
		return rm_fail(err, RM_EXIT_RUNTIME, _("there is no office %s"), p->office);
	if (p->serves && *p->serves) {
		if (id_of(st, "SELECT id FROM plan WHERE code = ?1", p->serves, 0, &serves, err) < 0)
			return CHANGE_ERROR;
		if (!serves)
			return rm_fail(err, RM_EXIT_RUNTIME, _("there is no plan %s to serve"), p->serves);
	}
	stmt = store_prepare(st, "INSERT INTO plan(code, office_id, title, destination, fy_from,"
				 " fy_to, serves_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, office);
	sqlite3_bind_text(stmt, 3, p->title ? p->title : "", -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 4, p->destination && *p->destination ? p->destination : NULL);
	sqlite3_bind_int(stmt, 5, p->fy_from);
	sqlite3_bind_int(stmt, 6, p->fy_to);
	if (serves)
		sqlite3_bind_int64(stmt, 7, serves);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("a plan needs a code and a title; nothing was made"));
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot make the plan"));
	return CHANGE_OK;
}

int plan_create(struct store *st, struct undo_log *u, const struct plan_head *p,
		struct rm_error *err)
{
	return change_run(st, u, NULL, plan_create_work, (void *)p, err);
}

/* Run each of the statements SQL (?1 bound to ID) in turn.  The rows
 * that depend on a record go first, each kind in a statement of its own,
 * so that undo, which puts rows back newest first, makes the record
 * before what stands on it (a project's tie to an objective only after
 * the project is in the objective's plan again).  0, or -1 with ERR. */
static int delete_in_order(struct store *st, const char *const *sql, size_t n, sqlite3_int64 id,
			   struct rm_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (store_run_ids(st, sql[i], id, 0, err) < 0)
			return -1;
	return 0;
}

#define OBJECTIVES_OF_PLAN "(SELECT id FROM objective WHERE plan_id = ?1)"

static int plan_delete_work(struct store *st, void *arg, struct rm_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM project_objective WHERE objective_id IN " OBJECTIVES_OF_PLAN,
		"UPDATE project SET plan_id = NULL WHERE plan_id = ?1",
		"DELETE FROM link WHERE from_id IN " OBJECTIVES_OF_PLAN
		" OR to_id IN " OBJECTIVES_OF_PLAN,
		"DELETE FROM indicator WHERE objective_id IN " OBJECTIVES_OF_PLAN,
		"DELETE FROM slm_cell WHERE objective_id IN " OBJECTIVES_OF_PLAN,
		"DELETE FROM objective WHERE plan_id = ?1",
		"UPDATE plan SET serves_id = NULL WHERE serves_id = ?1",
		"DELETE FROM plan WHERE id = ?1",
	};
	sqlite3_int64 pid;

	if (plan_id(st, arg, &pid, err) < 0 ||
	    delete_in_order(st, sql, sizeof sql / sizeof sql[0], pid, err) < 0)
		return CHANGE_ERROR;
	return CHANGE_OK;
}

int plan_delete(struct store *st, struct undo_log *u, const char *code, struct rm_error *err)
{
	return change_run(st, u, NULL, plan_delete_work, (void *)code, err);
}

/* ---- the order of the boxes ---- */

/* The objectives of plan PID in their order on the map: ids and levels. */
struct order {
	sqlite3_int64 *id;
	char **level;
	size_t n;
};

static void order_free(struct order *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		free(o->level[i]);
	free(o->id);
	free(o->level);
	memset(o, 0, sizeof *o);
}

static int order_load(struct store *st, sqlite3_int64 pid, struct order *o, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE, bad = 0;
	size_t cap = 0;

	memset(o, 0, sizeof *o);
	stmt = store_prepare(st, "SELECT id, level FROM objective WHERE plan_id = ?1"
				 " ORDER BY coalesce(position, id), id", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, pid);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (o->n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			sqlite3_int64 *ids = realloc(o->id, nc * sizeof *ids);
			char **lv = ids ? realloc(o->level, nc * sizeof *lv) : NULL;

			if (ids)
				o->id = ids;
			if (!lv) {
				bad = 1;
				break;
			}
			o->level = lv;
			cap = nc;
		}
		o->id[o->n] = sqlite3_column_int64(stmt, 0);
		o->level[o->n] = store_col_dup(stmt, 1, &bad);
		o->n++;
	}
	if (store_finish(st, stmt, rc, bad, err) < 0) {
		order_free(o);
		return -1;
	}
	return 0;
}

/* Take entry I of O out and put it at the end. */
static void order_to_end(struct order *o, size_t i)
{
	sqlite3_int64 id = o->id[i];
	char *lv = o->level[i];

	memmove(&o->id[i], &o->id[i + 1], (o->n - i - 1) * sizeof *o->id);
	memmove(&o->level[i], &o->level[i + 1], (o->n - i - 1) * sizeof *o->level);
	o->id[o->n - 1] = id;
	o->level[o->n - 1] = lv;
}

/* Number plan PID's objectives again in their order, ID (if not 0) last. */
static int renumber(struct store *st, sqlite3_int64 pid, sqlite3_int64 last, struct rm_error *err)
{
	struct order o;
	size_t i;
	int rc;

	if (order_load(st, pid, &o, err) < 0)
		return -1;
	for (i = 0; last && i < o.n; i++)
		if (o.id[i] == last) {
			order_to_end(&o, i);
			break;
		}
	rc = store_renumber(st, "objective", o.id, o.n, err);
	order_free(&o);
	return rc;
}

/* ---- objectives ---- */

struct obj_args {
	const char *plan, *code, *title;
	enum map_level level;
	int dir;
};

static int objective_create_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct obj_args *a = arg;
	sqlite3_int64 pid, id;
	sqlite3_stmt *stmt;
	int rc;

	if (plan_id(st, a->plan, &pid, err) < 0)
		return CHANGE_ERROR;
	if (id_of(st, "SELECT id FROM objective WHERE code = ?1 AND plan_id = ?2", a->code, pid, &id,
		  err) < 0)
		return CHANGE_ERROR;
	if (id)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("plan %s already has an objective %s; choose another code"), a->plan,
			       a->code);
	stmt = store_prepare(st, "INSERT INTO objective(plan_id, code, level, title)"
				 " VALUES (?1, ?2, ?3, ?4)", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, pid);
	sqlite3_bind_text(stmt, 2, a->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, config_level_name(a->level), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, a->title ? a->title : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("an objective needs a code and a title; nothing was made"));
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot add the objective"));
	return renumber(st, pid, sqlite3_last_insert_rowid(st->db), err) < 0 ? CHANGE_ERROR
									      : CHANGE_OK;
}

int objective_create(struct store *st, struct undo_log *u, const char *plan, const char *code,
		     enum map_level level, const char *title, struct rm_error *err)
{
	struct obj_args a = { plan, code, title, level, 0 };

	if ((unsigned)level >= LEVEL_COUNT)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("no such band of the map"));
	return change_run(st, u, NULL, objective_create_work, &a, err);
}

static int objective_delete_work(struct store *st, void *arg, struct rm_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM project_objective WHERE objective_id = ?1",
		"DELETE FROM link WHERE from_id = ?1 OR to_id = ?1",
		"DELETE FROM indicator WHERE objective_id = ?1",
		"DELETE FROM slm_cell WHERE objective_id = ?1",
		"DELETE FROM objective WHERE id = ?1",
	};
	const struct obj_args *a = arg;
	sqlite3_int64 pid, id;

	if (plan_id(st, a->plan, &pid, err) < 0 ||
	    objective_id(st, a->plan, pid, a->code, &id, err) < 0)
		return CHANGE_ERROR;
	if (delete_in_order(st, sql, sizeof sql / sizeof sql[0], id, err) < 0)
		return CHANGE_ERROR;
	return renumber(st, pid, 0, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
}

int objective_delete(struct store *st, struct undo_log *u, const char *plan, const char *code,
		     struct rm_error *err)
{
	struct obj_args a = { plan, code, NULL, LEVEL_FOUNDATION, 0 };

	return change_run(st, u, NULL, objective_delete_work, &a, err);
}

static int objective_move_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct obj_args *a = arg;
	sqlite3_int64 pid, id, t;
	struct order o;
	size_t i, j;
	int rc;

	if (plan_id(st, a->plan, &pid, err) < 0 ||
	    objective_id(st, a->plan, pid, a->code, &id, err) < 0 || order_load(st, pid, &o, err) < 0)
		return CHANGE_ERROR;
	for (i = 0; i < o.n && o.id[i] != id; i++)
		;
	/* the neighbour in the same band on that side */
	for (j = i; i < o.n;) {
		if (a->dir < 0 ? j == 0 : j + 1 >= o.n) {
			j = o.n;
			break;
		}
		j = a->dir < 0 ? j - 1 : j + 1;
		if (strcmp(o.level[j], o.level[i]) == 0)
			break;
	}
	if (i >= o.n || j >= o.n) {
		order_free(&o);
		return CHANGE_NONE;
	}
	t = o.id[i];
	o.id[i] = o.id[j];
	o.id[j] = t;   /* (same level: the levels stay as they are) */
	rc = store_renumber(st, "objective", o.id, o.n, err);
	order_free(&o);
	return rc < 0 ? CHANGE_ERROR : CHANGE_OK;
}

int objective_move(struct store *st, struct undo_log *u, const char *plan, const char *code,
		   int dir, struct rm_error *err)
{
	struct obj_args a = { plan, code, NULL, LEVEL_FOUNDATION, dir < 0 ? -1 : 1 };

	return change_run(st, u, NULL, objective_move_work, &a, err);
}

static int objective_move_to_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct obj_args *a = arg;
	const char *level = config_level_name(a->level);
	sqlite3_int64 pid, id;
	sqlite3_stmt *stmt;
	int rc;

	if (plan_id(st, a->plan, &pid, err) < 0 ||
	    objective_id(st, a->plan, pid, a->code, &id, err) < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "UPDATE objective SET level = ?1 WHERE id = ?2 AND level <> ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, level, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	if (sqlite3_changes(st->db) == 0)
		return CHANGE_NONE;
	return renumber(st, pid, id, err) < 0 ? CHANGE_ERROR : CHANGE_OK;
}

int objective_move_to(struct store *st, struct undo_log *u, const char *plan, const char *code,
		      enum map_level level, struct rm_error *err)
{
	struct obj_args a = { plan, code, NULL, level, 0 };

	if ((unsigned)level >= LEVEL_COUNT)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("no such band of the map"));
	return change_run(st, u, NULL, objective_move_to_work, &a, err);
}

/* ---- links ---- */

struct link_args {
	const char *plan, *from, *to;
	int *added;
};

static int link_toggle_work(struct store *st, void *arg, struct rm_error *err)
{
	const struct link_args *a = arg;
	sqlite3_int64 pid, from, to;
	int gone;

	if (plan_id(st, a->plan, &pid, err) < 0 ||
	    objective_id(st, a->plan, pid, a->from, &from, err) < 0 ||
	    objective_id(st, a->plan, pid, a->to, &to, err) < 0)
		return CHANGE_ERROR;
	if (from == to)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s cannot be its own cause; choose another box"),
			       a->from);
	gone = store_run_ids(st, "DELETE FROM link WHERE from_id = ?1 AND to_id = ?2", from, to, err);
	if (gone < 0)
		return CHANGE_ERROR;
	if (a->added)
		*a->added = !gone;
	if (!gone && store_run_ids(st, "INSERT INTO link(from_id, to_id) VALUES (?1, ?2)", from, to,
			     err) < 0)
		return CHANGE_ERROR;
	return CHANGE_OK;
}

int link_toggle(struct store *st, struct undo_log *u, const char *plan, const char *from,
		const char *to, int *added, struct rm_error *err)
{
	struct link_args a = { plan, from, to, added };

	return change_run(st, u, NULL, link_toggle_work, &a, err);
}
