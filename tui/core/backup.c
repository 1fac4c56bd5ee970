/* backup.c - the database's check (quick_check, foreign keys, the kept
 * coverage) and its backup: a compact, self-contained copy that is
 * checked before it takes its name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/files.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"
#include "routemap/store.h"

/* Append every row of a PRAGMA check other than "ok" to REPORT. */
static int collect_problems(struct store *st, const char *sql, struct buf *report,
			    struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int problems = 0, rc, i;

	if (!stmt)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(stmt, 0);

		if (sqlite3_column_count(stmt) == 1 && first && strcmp(first, "ok") == 0)
			continue;
		for (i = 0; i < sqlite3_column_count(stmt); i++) {
			const char *v = (const char *)sqlite3_column_text(stmt, i);

			buf_printf(report, "%s%s", i ? " " : "", v ? v : "-");
		}
		buf_puts(report, "\n");
		problems++;
	}
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		/* damage so bad that the check itself stops: that is its finding */
		buf_printf(report, "%s\n", sqlite3_errmsg(st->db));
		sqlite3_finalize(stmt);
		return problems + 1;
	}
	if (rc != SQLITE_DONE) {
		store_fail(st, err, _("integrity check failed"));
		sqlite3_finalize(stmt);
		return -1;
	}
	sqlite3_finalize(stmt);
	return problems;
}

/* Append to REPORT each assessment whose kept coverage is not what its
 * entries say (a line each); returns how many, or -1 with ERR. */
static int tally_problems(struct store *st, struct buf *report, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, schema_tally_check_sql, err);
	int problems = 0, rc;

	if (!stmt)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		buf_printf(report, _("assessment %s: the coverage kept for it is not what its entries say"),
			   (const char *)sqlite3_column_text(stmt, 0));
		buf_puts(report, "\n");
		problems++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("integrity check failed"));
	return problems;
}

int store_check(struct store *st, char **report, struct rm_error *err)
{
	struct buf b = { 0 };
	int a, f, t;

	*report = NULL;
	store_progress(st, _("checking"), -1, -1);
	a = collect_problems(st, "PRAGMA quick_check", &b, err);
	f = a < 0 ? -1 : collect_problems(st, "SELECT 'foreign key:', * FROM pragma_foreign_key_check",
					  &b, err);
	/* only in a sound file is the kept coverage worth comparing */
	t = a != 0 || f < 0 ? 0 : tally_problems(st, &b, err);
	store_progress(st, NULL, 0, 0);
	if (a < 0 || f < 0 || t < 0) {
		buf_free(&b);
		return -1;
	}
	if (a + f + t == 0)
		buf_puts(&b, "ok");
	*report = buf_take(&b);
	if (!*report)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return a + f + t == 0 ? 0 : 1;
}

/* Is the new file PATH a sound routemap database?  Opened read-only on
 * its own, saying how far it got through ON_PROGRESS (NULL: not at all;
 * its argument is the copy's store); 0, or -1 with ERR. */
static int check_copy(const char *path,
		      void (*on_progress)(void *, const char *, long long, int),
		      struct rm_error *err)
{
	struct store copy;
	char *report = NULL;
	int rc;

	if (store_open(&copy, path, NULL, STORE_READONLY, err) < 0)
		return -1;
	copy.on_progress = on_progress;
	copy.progress_arg = &copy;
	rc = store_check(&copy, &report, err);
	if (rc > 0)
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: the copy is not sound: %s"), path, report);
	free(report);
	store_close(&copy);
	return rc == 0 ? 0 : -1;
}

int store_backup(struct store *st, const char *path, const struct file_share *share,
		 struct rm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *tmp = NULL;
	int fd, rc;

	if (file_exists(path))
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create the backup: %s%s"), path,
			       rm_strerror(EEXIST), _(" (choose a new file name)"));
	fd = file_temp_beside(path, share, &tmp, err);
	if (fd < 0)
		return -1;
	/* One read transaction: a consistent copy that never holds up a
	 * writer, compact, and in rollback-journal mode, so that it opens
	 * read-only anywhere without -wal or -shm files. */
	stmt = store_prepare(st, "VACUUM INTO ?1", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_text(stmt, 1, tmp, -1, SQLITE_STATIC);
	store_progress(st, _("copying"), -1, -1);
	rc = sqlite3_step(stmt);
	store_progress(st, NULL, 0, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, err, _("cannot copy the database"));
		rm_error_prefix(err, "%s", path);
		goto fail;
	}
	if (check_copy(tmp, st->on_progress, err) < 0)
		goto fail;
	rc = file_commit(fd, tmp, path, 0, err);
	free(tmp);
	return rc;
fail:
	close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}
