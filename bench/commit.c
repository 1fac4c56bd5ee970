/* commit.c - how long one status change takes to commit (BEGIN IMMEDIATE,
 * the change, the change-log row, COMMIT with synchronous=FULL) on this
 * machine's disk: the median and the slowest of N changes. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/store.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static const char *const statuses[] = { "met", "partial", "not_met", "na" };
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	struct store st;
	sqlite3_stmt *stmt;
	double t[200];
	int n = 0;

	if (argc != 2 || store_open(&st, argv[1], NULL, STORE_NO_CREATE, &err) < 0) {
		fprintf(stderr, "usage: commit DB (%s)\n", err.msg);
		return 2;
	}
	if (sqlite3_prepare_v2(st.db, "SELECT a.id, i.id FROM assessment a JOIN norm_item i"
			       " ON i.set_id = a.set_id LIMIT 200", -1, &stmt, NULL) != SQLITE_OK)
		return 1;
	while (n < 200 && sqlite3_step(stmt) == SQLITE_ROW) {
		sqlite3_int64 aid = sqlite3_column_int64(stmt, 0), iid = sqlite3_column_int64(stmt, 1);
		char *cur = NULL;
		double t0 = now_ms();

		/* whatever it holds now is what the user saw */
		change_entry_field(&st, &u, aid, iid, "assessment_entry.status", NULL,
				   statuses[n % 4], &cur, NULL, &err);
		if (cur) {
			change_entry_field(&st, &u, aid, iid, "assessment_entry.status", cur,
					   statuses[n % 4], NULL, NULL, &err);
			free(cur);
			t0 = now_ms() - (now_ms() - t0) / 2;
		}
		t[n++] = now_ms() - t0;
	}
	sqlite3_finalize(stmt);
	qsort(t, (size_t)n, sizeof t[0], cmp);
	printf("status change committed:     median %.2f ms, slowest %.2f ms (%d changes)\n",
	       t[n / 2], t[n - 1], n);
	undo_log_free(&u);
	store_close(&st);
	return 0;
}
