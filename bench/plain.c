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
 * FROM is read into memory, then inserted row by row, in id order, with
 * one prepared INSERT per table; prints the CPU and wall seconds of the
 * inserts and the number of rows. */
#include <stdio.h>
#include <stdlib.h>
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

/* The rows of one table, read before the clock starts. */
struct rows {
	int ncols;
	size_t n;
	sqlite3_value **v;      /* n * ncols values */
};

/* Read TABLE of the attached database "src" into R, in id order. */
static int read_table(sqlite3 *db, const char *table, struct rows *r)
{
	char sql[512];
	sqlite3_stmt *sel;
	size_t cap = 0;
	int i, rc;

	snprintf(sql, sizeof sql, "SELECT * FROM src.\"%s\" ORDER BY id", table);
	if (sqlite3_prepare_v2(db, sql, -1, &sel, NULL) != SQLITE_OK)
		return -1;
	r->ncols = sqlite3_column_count(sel);
	r->n = 0;
	r->v = NULL;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		if (r->n == cap) {
			sqlite3_value **v;

			cap = cap ? cap * 2 : 1024;
			v = realloc(r->v, cap * (size_t)r->ncols * sizeof *v);
			if (!v)
				break;
			r->v = v;
		}
		for (i = 0; i < r->ncols; i++)
			r->v[r->n * (size_t)r->ncols + (size_t)i] = sqlite3_value_dup(sqlite3_column_value(sel, i));
		r->n++;
	}
	sqlite3_finalize(sel);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Insert R's rows into TABLE of main, one prepared INSERT. */
static int insert_rows(sqlite3 *db, const char *table, const struct rows *r)
{
	char sql[512];
	sqlite3_stmt *ins;
	size_t k;
	int i, ok = 1;

	snprintf(sql, sizeof sql, "INSERT INTO main.\"%s\" VALUES (", table);
	for (i = 0; i < r->ncols; i++)
		strncat(sql, i ? ", ?" : "?", sizeof sql - strlen(sql) - 1);
	strncat(sql, ")", sizeof sql - strlen(sql) - 1);
	if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK)
		return -1;
	for (k = 0; ok && k < r->n; k++) {
		for (i = 0; i < r->ncols; i++)
			sqlite3_bind_value(ins, i + 1, r->v[k * (size_t)r->ncols + (size_t)i]);
		ok = sqlite3_step(ins) == SQLITE_DONE;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return ok ? 0 : -1;
}

static void free_rows(struct rows *r)
{
	size_t k;

	for (k = 0; k < r->n * (size_t)r->ncols; k++)
		sqlite3_value_free(r->v[k]);
	free(r->v);
}

static double cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	enum { NTABLES = sizeof tables / sizeof tables[0] };
	struct rm_error err = { 0, "" };
	struct rows rows[NTABLES];
	struct store st;
	char sql[4200];
	double t0, c0;
	long n = 0;
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
	for (i = 0; i < NTABLES; i++)
		if (read_table(st.db, tables[i], &rows[i]) < 0) {
			fprintf(stderr, "plain: %s: %s\n", tables[i], sqlite3_errmsg(st.db));
			return 1;
		}
	t0 = now_s();
	c0 = cpu_s();
	sqlite3_exec(st.db, "PRAGMA temp_store = MEMORY; BEGIN IMMEDIATE", NULL, NULL, NULL);
	schema_search_defer(st.db);
	for (i = 0; i < NTABLES; i++) {
		if (insert_rows(st.db, tables[i], &rows[i]) < 0) {
			fprintf(stderr, "plain: %s: %s\n", tables[i], sqlite3_errmsg(st.db));
			return 1;
		}
		n += (long)rows[i].n;
	}
	if (schema_search_feed(st.db) < 0 ||
	    sqlite3_exec(st.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "plain: %s\n", sqlite3_errmsg(st.db));
		return 1;
	}
	/* CPU seconds, wall seconds, rows */
	printf("%.2f %.2f %ld\n", cpu_s() - c0, now_s() - t0, n);
	for (i = 0; i < NTABLES; i++)
		free_rows(&rows[i]);
	store_close(&st);
	return 0;
}
