/* domain.c - plans, assessments and their coverage, changes by code. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/norm.h"
#include "routemap/planedit.h"
#include "routemap/text.h"
#include "routemap/i18n.h"

static int oom_fail(struct rm_error *err)
{
	return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
}

/* ---- plans ---- */

/* The plan called CODE into MAP's own fields, its id into *PLAN_ID.  A
 * copy that fails for want of memory sets *OOM, for the next step to
 * report.  Returns 0, or -1 with ERR (no such plan, or the database
 * failed) with nothing in MAP to free. */
static int load_plan_head(struct store *st, const char *code, struct plan_map *map,
			  sqlite3_int64 *plan_id, int *oom, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	stmt = store_prepare(st,
		"SELECT p.id, p.code, p.title, p.destination, o.code, o.name, p.fy_from, p.fy_to,"
		" s.code FROM plan p JOIN office o ON o.id = p.office_id"
		" LEFT JOIN plan s ON s.id = p.serves_id WHERE p.code = ?1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc == SQLITE_DONE)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: no plan \"%s\" (see: routemap list plans)"), st->path, code);
		return store_fail(st, err, _("cannot read the plan"));
	}
	*plan_id = sqlite3_column_int64(stmt, 0);
	map->code = store_col_dup(stmt, 1, oom);
	map->title = store_col_dup(stmt, 2, oom);
	map->destination = store_col_dup(stmt, 3, oom);
	map->office_code = store_col_dup(stmt, 4, oom);
	map->office_name = store_col_dup(stmt, 5, oom);
	map->fy_from = sqlite3_column_int(stmt, 6);
	map->fy_to = sqlite3_column_int(stmt, 7);
	map->serves = store_col_dup(stmt, 8, oom);
	sqlite3_finalize(stmt);
	return 0;
}

/* The codes of the plans that serve plan PLAN_ID, in Thai order, into
 * map->served_by.  OOM: the head's copies ran out of memory.  Returns 0,
 * or -1 with ERR. */
static int load_served_by(struct store *st, struct plan_map *map, sqlite3_int64 plan_id,
			  int oom, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE;

	stmt = store_prepare(st, "SELECT code FROM plan WHERE serves_id = ?1"
				 " ORDER BY code COLLATE THAI", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, plan_id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char **slot = array_grow(&map->served_by, &map->nserved_by, sizeof *slot);

		if (!slot)
			oom = 1;
		else
			*slot = store_col_dup(stmt, 0, &oom);
	}
	return store_finish(st, stmt, rc, oom, err);
}

/* The objectives of plan PLAN_ID, in their order on the map, into
 * map->objectives.  Returns 0, or -1 with ERR. */
static int load_objectives(struct store *st, struct plan_map *map, sqlite3_int64 plan_id,
			   struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc = SQLITE_DONE;

	stmt = store_prepare(st, "SELECT id, code, title, level FROM objective WHERE plan_id = ?1"
				 " ORDER BY coalesce(position, id), id", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, plan_id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct map_objective *o = array_grow(&map->objectives, &map->nobjectives, sizeof *o);
		int level;

		if (!o) {
			oom = 1;
			break;
		}
		o->id = sqlite3_column_int64(stmt, 0);
		o->code = store_col_dup(stmt, 1, &oom);
		o->title = store_col_dup(stmt, 2, &oom);
		level = config_level_from_name((const char *)sqlite3_column_text(stmt, 3));
		o->level = level < 0 ? LEVEL_FOUNDATION : (enum map_level)level;
	}
	return store_finish(st, stmt, rc, oom, err);
}

/* The links between map->objectives of plan PLAN_ID, as indexes into
 * them, into map->links; a link to an objective not loaded is left out.
 * Returns 0, or -1 with ERR. */
static int load_links(struct store *st, struct plan_map *map, sqlite3_int64 plan_id,
		      struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc = SQLITE_DONE;

	stmt = store_prepare(st, "SELECT l.from_id, l.to_id FROM link l"
				 " JOIN objective o ON o.id = l.from_id WHERE o.plan_id = ?1 ORDER BY l.id",
			     err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, plan_id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sqlite3_int64 from = sqlite3_column_int64(stmt, 0), to = sqlite3_column_int64(stmt, 1);
		size_t i, f = (size_t)-1, t = (size_t)-1;
		struct map_link *l;

		for (i = 0; i < map->nobjectives; i++) {
			if (map->objectives[i].id == from)
				f = i;
			if (map->objectives[i].id == to)
				t = i;
		}
		if (f == (size_t)-1 || t == (size_t)-1)
			continue;
		l = array_grow(&map->links, &map->nlinks, sizeof *l);
		if (!l) {
			oom = 1;
			break;
		}
		l->from = f;
		l->to = t;
	}
	return store_finish(st, stmt, rc, oom, err);
}

int plan_map_load(struct store *st, const char *code, struct plan_map *map, struct rm_error *err)
{
	sqlite3_int64 plan_id = 0;
	int oom = 0;

	memset(map, 0, sizeof *map);
	if (load_plan_head(st, code, map, &plan_id, &oom, err) < 0)
		return -1;
	if (load_served_by(st, map, plan_id, oom, err) < 0 ||
	    load_objectives(st, map, plan_id, err) < 0 || load_links(st, map, plan_id, err) < 0) {
		plan_map_free(map);
		return -1;
	}
	return 0;
}

void plan_map_free(struct plan_map *map)
{
	size_t i;

	free(map->code);
	free(map->title);
	free(map->destination);
	free(map->office_code);
	free(map->office_name);
	free(map->serves);
	for (i = 0; i < map->nserved_by; i++)
		free(map->served_by[i]);
	free(map->served_by);
	for (i = 0; i < map->nobjectives; i++) {
		free(map->objectives[i].code);
		free(map->objectives[i].title);
	}
	free(map->objectives);
	free(map->links);
	memset(map, 0, sizeof *map);
}

/* ---- assessments ---- */

static const char *const status_names[] = { "", "met", "partial", "not_met", "na" };

int entry_status_from_name(const char *name)
{
	size_t i;

	if (!name)
		return STATUS_NONE;
	for (i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
		if (strcmp(name, status_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *entry_status_name(enum entry_status s)
{
	return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "";
}

/* The assessment called CODE into A's own fields, its norm set's id into
 * *SET_ID and its grouping into *GROUPING (malloc'd; caller frees).
 * Returns 0; ASSESSMENT_MISSING or -1 with ERR and nothing to free. */
static int load_assessment_head(struct store *st, const char *code, struct assessment *a,
				sqlite3_int64 *set_id, char **grouping, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc;

	stmt = store_prepare(st,
		"SELECT a.id, a.code, s.id, s.code, s.title, s.version, s.grouping, o.code, o.name,"
		" j.code, j.title, a.assessed_on, a.assessor, coalesce(o.short_name, o.name),"
		" s.scale = 'levels' FROM assessment a"
		" JOIN norm_set s ON s.id = a.set_id JOIN office o ON o.id = a.office_id"
		" LEFT JOIN project j ON j.id = a.project_id WHERE a.code = ?1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc == SQLITE_DONE) {
			rm_fail(err, RM_EXIT_RUNTIME,
				_("%s: no assessment \"%s\" (see: routemap list assessments)"),
				st->path, code);
			return ASSESSMENT_MISSING;
		}
		return store_fail(st, err, _("cannot read the assessment"));
	}
	a->id = sqlite3_column_int64(stmt, 0);
	a->code = store_col_dup(stmt, 1, &oom);
	*set_id = sqlite3_column_int64(stmt, 2);
	a->set_code = store_col_dup(stmt, 3, &oom);
	a->set_title = store_col_dup(stmt, 4, &oom);
	a->version = sqlite3_column_int(stmt, 5);
	*grouping = store_col_dup(stmt, 6, &oom);
	a->office_code = store_col_dup(stmt, 7, &oom);
	a->office_name = store_col_dup(stmt, 8, &oom);
	a->project_code = store_col_dup(stmt, 9, &oom);
	a->project_title = store_col_dup(stmt, 10, &oom);
	a->assessed_on = store_col_dup(stmt, 11, &oom);
	a->assessor = store_col_dup(stmt, 12, &oom);
	a->office_short = store_col_dup(stmt, 13, &oom);
	a->levels = sqlite3_column_int(stmt, 14);
	sqlite3_finalize(stmt);
	if (oom) {
		free(*grouping);
		*grouping = NULL;
		assessment_free(a);
		return oom_fail(err);
	}
	return 0;
}

/* The groups of GROUPING that hold items of norm set SET_ID, in the
 * grouping's order, into a->groups, labelled as CFG names key
 * activities; their ids, in the same order, into *GROUP_IDS (*NGIDS of
 * them; caller frees).  Returns 0, or -1 with ERR. */
static int load_groups(struct store *st, const struct config *cfg, struct assessment *a,
		       sqlite3_int64 set_id, const char *grouping, sqlite3_int64 **group_ids,
		       size_t *ngids, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc = SQLITE_DONE;

	stmt = store_prepare(st,
		"SELECT g.id, g.code, g.label FROM norm_group g WHERE g.grouping = ?1"
		" AND EXISTS (SELECT 1 FROM norm_item i WHERE i.set_id = ?2 AND i.group_id = g.id)"
		" ORDER BY coalesce(g.position, g.id), g.id", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, grouping, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, set_id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct check_group *g = array_grow(&a->groups, &a->ngroups, sizeof *g);
		sqlite3_int64 *gid = array_grow(group_ids, ngids, sizeof *gid);
		const char *label;

		if (!g || !gid) {
			oom = 1;
			break;
		}
		*gid = sqlite3_column_int64(stmt, 0);
		g->code = store_col_dup(stmt, 1, &oom);
		/* The office names its key activities in its INI file. */
		label = strcmp(grouping, "key_activity") == 0 && g->code
			? config_label(&cfg->key_activities, g->code) : NULL;
		g->label = label ? strdup(label) : store_col_dup(stmt, 2, &oom);
		if (!g->label)
			oom = 1;
	}
	return store_finish(st, stmt, rc, oom, err);
}

/* The items of norm set SET_ID with A's entry for each (if any), grouped,
 * into a->items; an item's group is its index in GROUP_IDS (NGIDS).
 * Returns 0, or -1 with ERR. */
static int load_items(struct store *st, struct assessment *a, sqlite3_int64 set_id,
		      const sqlite3_int64 *group_ids, size_t ngids, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc = SQLITE_DONE;

	stmt = store_prepare(st,
		"SELECT i.id, i.code, i.text, i.evidence, i.weight, i.group_id, e.status, e.note,"
		" (SELECT count(*) FROM support_request r WHERE r.entry_id = e.id),"
		" (SELECT count(*) FROM support_request r WHERE r.entry_id = e.id"
		"  AND r.status NOT IN ('requested', 'referred')), e.id, coalesce(e.level, -1) FROM norm_item i"
		" LEFT JOIN assessment_entry e ON e.item_id = i.id AND e.assessment_id = ?2"
		" WHERE i.set_id = ?1 ORDER BY " NORM_GROUP_ORDER("i") ", coalesce(i.position, i.id), i.id", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set_id);
	sqlite3_bind_int64(stmt, 2, a->id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct check_item *it = array_grow(&a->items, &a->nitems, sizeof *it);
		sqlite3_int64 gid = sqlite3_column_int64(stmt, 5);
		int s = entry_status_from_name((const char *)sqlite3_column_text(stmt, 6));
		size_t g;

		if (!it) {
			oom = 1;
			break;
		}
		it->id = sqlite3_column_int64(stmt, 0);
		it->code = store_col_dup(stmt, 1, &oom);
		it->text = store_col_dup(stmt, 2, &oom);
		it->evidence = store_col_dup(stmt, 3, &oom);
		it->weight = sqlite3_column_double(stmt, 4);
		for (g = 0; g < ngids && group_ids[g] != gid; g++)
			;
		it->group = g;
		it->status = s < 0 ? STATUS_NONE : (enum entry_status)s;
		it->note = store_col_dup(stmt, 7, &oom);
		it->requests = (size_t)sqlite3_column_int64(stmt, 8);
		it->answered = (size_t)sqlite3_column_int64(stmt, 9);
		it->entry = sqlite3_column_int64(stmt, 10);
		it->level = sqlite3_column_int(stmt, 11);
	}
	return store_finish(st, stmt, rc, oom, err);
}

int assessment_load(struct store *st, const struct config *cfg, const char *code,
		    struct assessment *a, struct rm_error *err)
{
	sqlite3_int64 set_id = 0, *group_ids = NULL;
	char *grouping = NULL;
	size_t ngids = 0;
	int rc;

	memset(a, 0, sizeof *a);
	rc = load_assessment_head(st, code, a, &set_id, &grouping, err);
	if (rc < 0)
		return rc;
	if (load_groups(st, cfg, a, set_id, grouping, &group_ids, &ngids, err) < 0 ||
	    load_items(st, a, set_id, group_ids, ngids, err) < 0) {
		assessment_free(a);
		rc = -1;
	}
	free(grouping);
	free(group_ids);
	return rc;
}

void assessment_free(struct assessment *a)
{
	size_t i;

	free(a->code);
	free(a->set_code);
	free(a->set_title);
	free(a->office_code);
	free(a->office_name);
	free(a->office_short);
	free(a->project_code);
	free(a->project_title);
	free(a->assessed_on);
	free(a->assessor);
	for (i = 0; i < a->ngroups; i++) {
		free(a->groups[i].code);
		free(a->groups[i].label);
	}
	free(a->groups);
	for (i = 0; i < a->nitems; i++) {
		struct check_item *it = &a->items[i];

		free(it->code);
		free(it->text);
		free(it->evidence);
		free(it->note);
	}
	free(a->items);
	memset(a, 0, sizeof *a);
}

int coverage_rank(const struct config *cfg, double percent)
{
	int rank = 1, i;

	/* A hair of tolerance: 40 % computed as 39.99999999 still reaches 40. */
	for (i = 0; i < 4; i++)
		if (percent + 1e-9 >= cfg->rank_thresholds[i])
			rank++;
	return rank;
}

struct coverage assessment_coverage(const struct assessment *a, const struct config *cfg, size_t g)
{
	struct coverage c = { 0 };
	size_t i;

	for (i = 0; i < a->nitems; i++) {
		const struct check_item *it = &a->items[i];

		if (g != (size_t)-1 && it->group != g)
			continue;
		c.items++;
		if (a->levels) {
			/* as the kept tally counts a level (schema_int.h); every
			 * item applies */
			c.answered += it->level >= 0;
			c.applicable += it->weight;
			c.score += it->level > 0 ? it->weight * it->level / 3.0 : 0;
			continue;
		}
		if (it->status != STATUS_NONE)
			c.answered++;
		if (it->status == STATUS_NA)
			continue;
		c.applicable += it->weight;
		if (it->status == STATUS_MET)
			c.score += it->weight;
		else if (it->status == STATUS_PARTIAL)
			c.score += it->weight * cfg->partial_weight;
	}
	if (c.applicable > 0) {
		c.has_percent = 1;
		c.percent = c.score * 100.0 / c.applicable;
		c.rank = coverage_rank(cfg, c.percent);
	}
	return c;
}

int assessment_set_status(struct store *st, const char *code, const char *item_code,
			  enum entry_status status, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_begin(st, err) < 0)
		return -1;
	stmt = store_prepare(st,
		"INSERT INTO assessment_entry(assessment_id, item_id, status)"
		" SELECT a.id, i.id, ?3 FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"
		" WHERE a.code = ?1 AND i.code = ?2"
		" ON CONFLICT (assessment_id, item_id) DO UPDATE SET status = excluded.status"
		" WHERE status IS NOT excluded.status", err);
	if (!stmt) {
		store_rollback(st);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, item_code, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, entry_status_name(status));
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, err, _("cannot save the status"));
		store_rollback(st);
		return -1;
	}
	if (sqlite3_changes(st->db) == 0) {
		/* Either nothing changed or the item is unknown: tell them apart. */
		stmt = store_prepare(st, "SELECT 1 FROM assessment a JOIN norm_item i"
					 " ON i.set_id = a.set_id WHERE a.code = ?1 AND i.code = ?2", err);
		if (!stmt) {
			store_rollback(st);
			return -1;
		}
		sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, item_code, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc != SQLITE_ROW) {
			store_rollback(st);
			return rm_fail(err, RM_EXIT_RUNTIME, _("%s: no item \"%s\" in assessment \"%s\""),
				       st->path, item_code, code);
		}
	}
	return store_commit(st, err);
}

/* ---- delete by code ---- */

struct delete_args {
	const char *kind, *code;
};

static int delete_work(struct store *st, void *arg, struct rm_error *err)
{
	/* the kind, what it is called in messages, the statement */
	static const char *const sql[][3] = {
		{ "office", N_("office"), "DELETE FROM office WHERE code = ?1" },
		{ "project", N_("project"), "DELETE FROM project WHERE code = ?1" },
		{ "norm_set", N_("norm set"),
		  "DELETE FROM norm_set WHERE code = ?1 AND (?2 IS NULL OR version = ?2)" },
		{ "assessment", N_("assessment"), "DELETE FROM assessment WHERE code = ?1" },
		{ "aar", N_("AAR"), "DELETE FROM aar WHERE code = ?1" },
	};
	const struct delete_args *a = arg;
	const char *q = NULL, *what = NULL, *at = strrchr(a->code, '@');
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (strcmp(a->kind, sql[i][0]) == 0) {
			what = _(sql[i][1]);
			q = sql[i][2];
		}
	if (!q)
		return rm_fail(err, RM_EXIT_USAGE, _("cannot delete records of kind \"%s\""), a->kind);
	stmt = store_prepare(st, q, err);
	if (!stmt)
		return CHANGE_ERROR;
	if (strcmp(a->kind, "norm_set") == 0 && at) {
		sqlite3_bind_text(stmt, 1, a->code, (int)(at - a->code), SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, at + 1, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_text(stmt, 1, a->code, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: %s \"%s\" is still used by other records; nothing was deleted"),
			       st->path, what, a->code);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot delete"));
	if (sqlite3_changes(st->db) == 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: no %s \"%s\""), st->path, what, a->code);
	return CHANGE_OK;
}

int record_delete(struct store *st, struct undo_log *u, const char *kind, const char *code,
		  struct rm_error *err)
{
	struct delete_args a = { kind, code };

	/* a plan's rows go in an order that undo can replay (planedit.c) */
	if (strcmp(kind, "plan") == 0)
		return plan_delete(st, u, code, err) == CHANGE_OK ? 0 : -1;
	return change_run(st, u, NULL, delete_work, &a, err) == CHANGE_OK ? 0 : -1;
}

/* ---- a new assessment ---- */

struct create_args {
	const char *set, *office, *project, *assessor;
	int version;
	char **code;
};

/* Units are assessed against an issued version only: a draft may still
 * change under them.  0 when version VERSION of SET is issued (or is not
 * there: the insert says so), -1 with ERR when it is a draft. */
static int issued_version(struct store *st, const char *set, int version, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT issued IS NULL FROM norm_set"
					   " WHERE code = ?1 AND version = ?2", err);
	int draft = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, set, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		draft = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (draft)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s version %d is a draft, not issued yet; give it its issued date "
				 "before units are assessed against it"), set, version);
	return 0;
}

static int create_work(struct store *st, void *arg, struct rm_error *err)
{
	struct create_args *a = arg;
	sqlite3_stmt *stmt;
	struct buf base = { 0 };
	struct text_date today;
	char iso[16], *code;
	int rc;

	if (issued_version(st, a->set, a->version, err) < 0)
		return CHANGE_ERROR;
	text_today(&today);
	text_format_iso(&today, iso, sizeof iso);
	/* A-BNG-CDC-70: the unit and the fiscal year, numbered when taken. */
	buf_printf(&base, "A-%s-%02d", a->office, text_fiscal_year(&today) % 100);
	if (base.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	rc = store_unique_code(st, "assessment", base.s, &code, err);
	buf_free(&base);
	if (rc < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st,
		"INSERT INTO assessment(code, set_id, office_id, project_id, assessed_on, assessor)"
		" SELECT ?1, s.id, o.id, (SELECT id FROM project WHERE code = ?4), ?5, ?6"
		" FROM norm_set s, office o WHERE s.code = ?2 AND s.version = ?3 AND o.code = ?7", err);
	if (!stmt) {
		free(code);
		return CHANGE_ERROR;
	}
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, a->set, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, a->version);
	store_bind_text_or_null(stmt, 4, a->project);
	sqlite3_bind_text(stmt, 5, iso, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 6, a->assessor);
	sqlite3_bind_text(stmt, 7, a->office, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE || sqlite3_changes(st->db) != 1) {
		free(code);
		return rc != SQLITE_DONE ? store_fail(st, err, _("cannot start the assessment"))
					 : rm_fail(err, RM_EXIT_RUNTIME,
						   _("no norm set %s version %d, or no office %s"),
						   a->set, a->version, a->office);
	}
	*a->code = code;
	return CHANGE_OK;
}

int assessment_create(struct store *st, struct undo_log *u, const char *set, int version,
		      const char *office, const char *project, const char *assessor,
		      char **code, struct rm_error *err)
{
	struct create_args a = { set, office, project, assessor, version, code };

	*code = NULL;
	return change_run(st, u, NULL, create_work, &a, err) == CHANGE_OK ? 0 : -1;
}
