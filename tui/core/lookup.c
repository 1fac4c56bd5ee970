/* lookup.c - small questions answered by one short query (lookup.h). */
#include <stdlib.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lookup.h"

int assessment_lookup_id(struct store *st, const char *code, sqlite3_int64 *id,
			 struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id FROM assessment WHERE code = ?1", err);
	int rc;

	*id = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the assessment"));
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("there is no assessment %s (deleted, or its adding undone)"), code);
}

int project_place(struct store *st, const char *code, char **plan, char **objective,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT p.code, (SELECT o.code FROM project_objective x JOIN objective o"
		"  ON o.id = x.objective_id WHERE x.project_id = j.id ORDER BY x.id LIMIT 1)"
		" FROM project j JOIN plan p ON p.id = j.plan_id WHERE j.code = ?1", err);
	int oom = 0, rc;

	*plan = *objective = NULL;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*plan = store_col_dup(stmt, 0, &oom);
		*objective = store_col_dup(stmt, 1, &oom);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW)
		return store_fail(st, err, _("cannot read the records"));
	if (oom || !*plan) {
		free(*plan);
		free(*objective);
		*plan = *objective = NULL;
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	return 0;
}

int assessment_codes(struct store *st, const char *project, char ***codes, size_t *n,
		     struct rm_error *err)
{
	/* two statements, so that a project's reading goes by its index */
	sqlite3_stmt *stmt = store_prepare(st, project ?
		"SELECT code FROM assessment WHERE project_id ="
		" (SELECT id FROM project WHERE code = ?1) ORDER BY code COLLATE THAI" :
		"SELECT code FROM assessment ORDER BY code COLLATE THAI", err);
	char **v = NULL, **slot;
	size_t have = 0;
	int oom = 0, rc = SQLITE_DONE;

	*codes = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	if (project)
		sqlite3_bind_text(stmt, 1, project, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!(slot = array_grow(&v, &have, sizeof *v))) {
			oom = 1;
			break;
		}
		*slot = store_col_dup(stmt, 0, &oom);   /* NULL on failure: freed as one */
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		lookup_codes_free(v, have);
		return -1;
	}
	*codes = v;
	*n = have;
	return 0;
}

void lookup_codes_free(char **codes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
}

int subject_aars(struct store *st, const char *kind, const char *code,
		 struct lookup_pair **aars, size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT code, title FROM aar"
		" WHERE subject_kind = ?1 AND subject = ?2 ORDER BY date DESC, code", err);
	struct lookup_pair *v = NULL, *p;
	size_t have = 0;
	int oom = 0, rc = SQLITE_DONE;

	*aars = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!(p = array_grow(&v, &have, sizeof *v))) {
			oom = 1;
			break;
		}
		p->code = store_col_dup(stmt, 0, &oom);   /* freed with the rest, even half made */
		p->title = store_col_dup(stmt, 1, &oom);
	}
	if (store_finish(st, stmt, rc, oom, err) < 0) {
		lookup_pairs_free(v, have);
		return -1;
	}
	*aars = v;
	*n = have;
	return 0;
}

void lookup_pairs_free(struct lookup_pair *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].title);
	}
	free(v);
}
