/* lookup.c - small questions answered by one short query (lookup.h). */
#include <stdlib.h>

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
		       _("%s: no assessment \"%s\" (see: routemap list assessments)"), st->path,
		       code);
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

int assessment_codes(struct store *st, char ***codes, size_t *n, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT code FROM assessment"
					   " ORDER BY code COLLATE THAI", err);
	char **v = NULL;
	size_t have = 0, room = 0;
	int oom = 0, rc = SQLITE_DONE;

	*codes = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (have == room) {
			size_t more = room ? room * 2 : 16;
			char **w = realloc(v, more * sizeof *w);

			if (!w) {
				oom = 1;
				break;
			}
			v = w;
			room = more;
		}
		v[have] = store_col_dup(stmt, 0, &oom);
		if (!oom)
			have++;
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
