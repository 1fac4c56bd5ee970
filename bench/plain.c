/* plain.c - the yardstick for import: the same rows as plain SQL INSERTs
 * into the same schema (its triggers included: change log, search
 * documents, the search index), in one transaction, with no CSV to read
 * and no checks of our own.  It loads as well as SQLite lets one: the
 * statement journals in memory and the search index fed once at the end
 * (without those two the same INSERTs take 20 times as long).
 *
 *   plain FROM.db TO.db
 *
 * FROM.db is a database routemap imported; TO.db a new one (created here
 * by store_open, so it has routemap's schema).  Every record table of
 * FROM is copied row by row, in id order, with one prepared INSERT per
 * table; prints the seconds it took. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "routemap/schema.h"
#include "routemap/store.h"

/* Parents before children, as import writes them. */
static const char *const tables[] = {
	"office", "plan", "objective", "link", "indicator", "slm_cell", "project",
	"project_objective", "norm_group", "norm_set", "norm_item", "support_frame",
	"assessment", "assessment_entry", "aar", "aar_tag", "aar_section", "aar_action",
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Copy TABLE of the attached database "src" into main, row by row. */
static int copy_table(sqlite3 *db, const char *table, long *rows)
{
	char sql[512];
	sqlite3_stmt *sel, *ins;
	int i, n, rc;

	snprintf(sql, sizeof sql, "SELECT * FROM src.\"%s\" ORDER BY id", table);
	if (sqlite3_prepare_v2(db, sql, -1, &sel, NULL) != SQLITE_OK)
		return -1;
	n = sqlite3_column_count(sel);
	snprintf(sql, sizeof sql, "INSERT INTO main.\"%s\" VALUES (", table);
	for (i = 0; i < n; i++)
		strncat(sql, i ? ", ?" : "?", sizeof sql - strlen(sql) - 1);
	strncat(sql, ")", sizeof sql - strlen(sql) - 1);
	if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK) {
		sqlite3_finalize(sel);
		return -1;
	}
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) != SQLITE_DONE)
			break;
		sqlite3_reset(ins);
		(*rows)++;
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	return rc == SQLITE_DONE ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	char sql[4200];
	double t0;
	long rows = 0;
	size_t i;

	if (argc != 3 || store_open(&st, argv[2], NULL, STORE_INIT, &err) < 0) {
		fprintf(stderr, "usage: plain FROM.db TO.db (%s)\n", err.msg);
		return 2;
	}
	snprintf(sql, sizeof sql, "ATTACH 'file:%.4000s?mode=ro' AS src", argv[1]);
	if (sqlite3_exec(st.db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "plain: %s\n", sqlite3_errmsg(st.db));
		return 1;
	}
	t0 = now_s();
	sqlite3_exec(st.db, "PRAGMA temp_store = MEMORY; BEGIN IMMEDIATE", NULL, NULL, NULL);
	schema_search_defer(st.db);
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (copy_table(st.db, tables[i], &rows) < 0) {
			fprintf(stderr, "plain: %s: %s\n", tables[i], sqlite3_errmsg(st.db));
			return 1;
		}
	if (schema_search_feed(st.db) < 0 ||
	    sqlite3_exec(st.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "plain: %s\n", sqlite3_errmsg(st.db));
		return 1;
	}
	printf("%.2f %ld\n", now_s() - t0, rows);
	store_close(&st);
	return 0;
}
