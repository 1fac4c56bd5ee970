/* store.c - opening, checking and migrating the office database. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"
#include "routemap/store.h"
#include "routemap/text.h"

/* 'RMAP': marks a file as a routemap database. */
#define STORE_APPLICATION_ID 0x524d4150
#define STORE_BUSY_MS 5000

int store_fail(struct store *st, struct rm_error *err, const char *what)
{
	const char *msg = st && st->db ? sqlite3_errmsg(st->db) : _("out of memory");

	return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s: %s", st && st->path ? st->path : _("database"),
		       what, msg);
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct rm_error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_fail(st, err, _("cannot prepare a query"));
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

int store_exec(struct store *st, const char *sql, struct rm_error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", st->path,
			msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

char *store_col_dup(sqlite3_stmt *stmt, int i, int *oom)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);
	char *r;

	if (!s)
		return NULL;
	r = strdup(s);
	if (!r)
		*oom = 1;
	return r;
}

int store_unique_code(struct store *st, const char *table, const char *base, char **code,
		      struct rm_error *err)
{
	/* table names cannot be bound: one statement each */
	const char *sql = strcmp(table, "aar") == 0 ? "SELECT 1 FROM aar WHERE code = ?1"
						    : "SELECT 1 FROM assessment WHERE code = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int n, rc = SQLITE_ROW;

	*code = NULL;
	if (!stmt)
		return -1;
	for (n = 1; rc == SQLITE_ROW && n < 10000; n++) {
		struct buf b = { 0 };

		buf_puts(&b, base);
		if (n > 1)
			buf_printf(&b, "-%d", n);
		free(*code);
		*code = buf_take(&b);
		if (!*code) {
			sqlite3_finalize(stmt);
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		}
		sqlite3_reset(stmt);
		sqlite3_bind_text(stmt, 1, *code, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*code);
		*code = NULL;
		return rc == SQLITE_ROW ? rm_fail(err, RM_EXIT_RUNTIME, _("%s: every code %s-N is taken"),
						  st->path, base)
					: store_fail(st, err, _("cannot read the database"));
	}
	return 0;
}

int store_bind_text_or_null(sqlite3_stmt *stmt, int idx, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, text, -1, SQLITE_TRANSIENT);
}

int store_begin(struct store *st, struct rm_error *err)
{
	if (st->readonly)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: the database is open read-only"), st->path);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, _("cannot start a change"));
	return 0;
}

int store_commit(struct store *st, struct rm_error *err)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(st, err, _("cannot save the change"));
		store_rollback(st);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* One integer from a query with no parameters; -1 when it fails. */
static long long query_int(sqlite3 *db, const char *sql, int *rc_out)
{
	sqlite3_stmt *stmt;
	long long v = -1;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			v = sqlite3_column_int64(stmt, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc_out)
		*rc_out = rc;
	return v;
}

int store_schema_version(struct store *st)
{
	return (int)query_int(st->db, "PRAGMA user_version", NULL);
}

/* rm_user(): the Unix user who makes the change (for change_log). */
static void fn_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, sqlite3_user_data(ctx), -1, SQLITE_STATIC);
}

static int collate_thai(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return text_collate(a, (size_t)alen, b, (size_t)blen);
}

static void store_find_user(struct store *st)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(st->user, sizeof st->user, "%s", pw->pw_name);
	else
		snprintf(st->user, sizeof st->user, "uid %ld", (long)getuid());
}

/* mkdir -p for the directories above PATH: mode 0700, or 0770 owned by
 * GID when the database is shared (GID not -1). */
static int make_parent_dirs(const char *path, gid_t gid, struct rm_error *err)
{
	char *dir = strdup(path);
	char *p;

	if (!dir)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, gid == (gid_t)-1 ? 0700 : 0770) == 0) {
			if (gid != (gid_t)-1 && (chown(dir, (uid_t)-1, gid) < 0 ||
						 chmod(dir, 02770) < 0)) {
				rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot share the directory: %s"),
					dir, strerror(errno));
				free(dir);
				return -1;
			}
		} else if (errno != EEXIST) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create the directory: %s"), dir,
				strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Create the empty file PATH with mode 0600, or 0660 owned by GROUP. */
static int create_db_file(const char *path, const char *group, struct rm_error *err)
{
	gid_t gid = (gid_t)-1;
	mode_t mode = 0600;
	int fd;

	if (group && *group) {
		struct group *gr = getgrnam(group);

		if (!gr)
			return rm_fail(err, RM_EXIT_USAGE,
				       _("[database] shared_group: no group \"%s\" on this system"), group);
		gid = gr->gr_gid;
		mode = 0660;
	}
	if (make_parent_dirs(path, gid, err) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create the database: %s"), path,
			       strerror(errno));
	if ((gid != (gid_t)-1 && fchown(fd, (uid_t)-1, gid) < 0) || fchmod(fd, mode) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot set the owner or mode: %s"), path,
			strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
}

/* Refuse files that are not databases, not ours, or from a newer program. */
static int store_identify(struct store *st, struct rm_error *err)
{
	int rc;
	long long version, appid, tables;

	version = query_int(st->db, "PRAGMA user_version", &rc);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a database (%s)"), st->path,
			       sqlite3_errstr(rc));
	if (rc != SQLITE_OK)
		return store_fail(st, err, _("cannot read the schema version"));
	appid = query_int(st->db, "PRAGMA application_id", &rc);
	tables = query_int(st->db, "SELECT count(*) FROM sqlite_schema", &rc);
	if (rc != SQLITE_OK)
		return store_fail(st, err, _("cannot read the schema"));
	if (version == 0 && tables > 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: not a routemap database (it holds %lld other tables)"),
			       st->path, tables);
	if (version > 0 && appid != STORE_APPLICATION_ID)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: not a routemap database (application id %lld)"), st->path, appid);
	if (version > schema_latest())
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: made by a newer routemap (schema %lld; this program knows up to %d)"),
			       st->path, version, schema_latest());
	return 0;
}

/* Bring the schema up to date, one transaction per version. */
static int store_migrate(struct store *st, struct rm_error *err)
{
	for (;;) {
		char *msg = NULL;
		char sql[96];
		int version, rc;

		if (store_begin(st, err) < 0)
			return -1;
		/* Read under the write lock: another process may have migrated. */
		version = store_schema_version(st);
		if (version >= schema_latest()) {
			store_rollback(st);
			return 0;
		}
		rc = schema_migrate_step(st->db, version, &msg);
		if (rc == SQLITE_OK) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
				 version + 1, STORE_APPLICATION_ID);
			rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
		}
		if (rc != SQLITE_OK) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot migrate the schema to version %d: %s"),
				st->path, version + 1, msg ? msg : sqlite3_errstr(rc));
			sqlite3_free(msg);
			store_rollback(st);
			return -1;
		}
		if (store_commit(st, err) < 0)
			return -1;
	}
}

int store_open(struct store *st, const char *path, const char *shared_group, int flags,
	       struct rm_error *err)
{
	struct stat sb;
	int exists, oflags;

	memset(st, 0, sizeof *st);
	st->readonly = (flags & STORE_READONLY) != 0;
	st->path = strdup(path);
	if (!st->path)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	store_find_user(st);

	exists = stat(path, &sb) == 0;
	if (exists && !S_ISREG(sb.st_mode)) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a regular file"), path);
		goto fail;
	}
	if (!exists && (st->readonly || (flags & STORE_NO_CREATE))) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: no database there (create it with: routemap init)"),
			path);
		goto fail;
	}
	/* A file marked read-only stays unwritten, even for root (whom
	 * access() would let through). */
	if (exists && !st->readonly && (access(path, W_OK) < 0 || !(sb.st_mode & 0222)) &&
	    (flags & STORE_READ_IF_LOCKED))
		st->readonly = 1;
	if (exists && !st->readonly && (access(path, W_OK) < 0 || !(sb.st_mode & 0222))) {
		rm_fail(err, RM_EXIT_RUNTIME,
			_("%s: the database is read-only (no write permission); nothing was changed"),
			path);
		goto fail;
	}
	if (!exists && create_db_file(path, shared_group, err) < 0)
		goto fail;

	oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(st, err, _("cannot open the database"));
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (store_identify(st, err) < 0)
		goto fail;
	if (sqlite3_create_function(st->db, "rm_user", 0, SQLITE_UTF8, st->user, fn_user,
				    NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_collation(st->db, "THAI", SQLITE_UTF8, NULL, collate_thai) != SQLITE_OK) {
		store_fail(st, err, _("cannot register functions"));
		goto fail;
	}
	if (store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", err) < 0)
		goto fail;
	if (!st->readonly) {
		if (store_exec(st, "PRAGMA journal_mode = WAL", err) < 0 || store_migrate(st, err) < 0)
			goto fail;
	} else if (store_schema_version(st) < schema_latest()) {
		rm_fail(err, RM_EXIT_RUNTIME,
			_("%s: schema version %d is older than %d; run routemap init without -r"),
			path, store_schema_version(st), schema_latest());
		goto fail;
	}
	return 0;
fail:
	store_close(st);
	return -1;
}

void store_close(struct store *st)
{
	if (st->db)
		sqlite3_close_v2(st->db);
	free(st->path);
	memset(st, 0, sizeof *st);
}

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
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("integrity check failed"));
	return problems;
}

int store_check(struct store *st, char **report, struct rm_error *err)
{
	struct buf b = { 0 };
	int a, f;

	*report = NULL;
	a = collect_problems(st, "PRAGMA integrity_check", &b, err);
	if (a < 0) {
		buf_free(&b);
		return -1;
	}
	f = collect_problems(st, "SELECT 'foreign key:', * FROM pragma_foreign_key_check", &b, err);
	if (f < 0) {
		buf_free(&b);
		return -1;
	}
	if (a + f == 0)
		buf_puts(&b, "ok");
	*report = buf_take(&b);
	if (!*report)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return a + f == 0 ? 0 : 1;
}

int store_backup(struct store *st, const char *path, struct rm_error *err)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	int fd, rc;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create the backup: %s%s"), path,
			       strerror(errno), errno == EEXIST ? _(" (choose a new file name)") : "");
	close(fd);
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, sqlite3_errmsg(dst));
		goto fail;
	}
	bk = sqlite3_backup_init(dst, "main", st->db, "main");
	if (!bk) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, sqlite3_errmsg(dst));
		goto fail;
	}
	/* Copy in steps so that writers in other processes are not held up. */
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: backup failed: %s"), path, sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot close the backup"), path);
		unlink(path);
		return -1;
	}
	return 0;
fail:
	sqlite3_close(dst);
	unlink(path);
	return -1;
}

/* The code a search hit shows, by kind. */
static const char search_select[] =
	"SELECT d.kind, CASE d.kind"
	" WHEN 'plan' THEN (SELECT code FROM plan WHERE id = d.src)"
	" WHEN 'objective' THEN (SELECT p.code || '/' || o.code FROM objective o"
	"   JOIN plan p ON p.id = o.plan_id WHERE o.id = d.src)"
	" WHEN 'indicator' THEN (SELECT p.code || '/' || o.code FROM indicator i"
	"   JOIN objective o ON o.id = i.objective_id JOIN plan p ON p.id = o.plan_id WHERE i.id = d.src)"
	" WHEN 'project' THEN (SELECT code FROM project WHERE id = d.src)"
	" WHEN 'norm_set' THEN (SELECT code || ' v' || version FROM norm_set WHERE id = d.src)"
	" WHEN 'norm_item' THEN (SELECT s.code || ' v' || s.version || '/' || i.code FROM norm_item i"
	"   JOIN norm_set s ON s.id = i.set_id WHERE i.id = d.src)"
	" WHEN 'assessment_entry' THEN (SELECT a.code || '/' || i.code FROM assessment_entry e"
	"   JOIN assessment a ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id"
	"   WHERE e.id = d.src)"
	" WHEN 'aar' THEN (SELECT code FROM aar WHERE id = d.src)"
	" WHEN 'aar_section' THEN (SELECT a.code || '/' || s.section FROM aar_section s"
	"   JOIN aar a ON a.id = s.aar_id WHERE s.id = d.src)"
	" WHEN 'aar_action' THEN (SELECT a.code FROM aar_action x JOIN aar a ON a.id = x.aar_id"
	"   WHERE x.id = d.src)"
	" END, d.text FROM search_doc d";

/* Count the code points of S. */
static size_t count_code_points(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int store_search(struct store *st, const char *query, struct search_hit **hits, size_t *nhits,
		 struct rm_error *err)
{
	struct buf sql = { 0 }, phrase = { 0 };
	sqlite3_stmt *stmt;
	size_t n = 0, cap = 0;
	const char *p;
	int rc;

	*hits = NULL;
	*nhits = 0;
	if (!*query)
		return 0;
	buf_puts(&sql, search_select);
	/* The trigram index cannot match fewer than three code points: scan. */
	if (count_code_points(query) < 3) {
		buf_puts(&sql, " WHERE instr(lower(d.text), lower(?1)) > 0");
		buf_puts(&phrase, query);
	} else {
		buf_puts(&sql, " WHERE d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1)");
		/* One phrase: quotes doubled, so any text is a literal query. */
		buf_puts(&phrase, "\"");
		for (p = query; *p; p++) {
			if (*p == '"')
				buf_puts(&phrase, "\"\"");
			else
				buf_add(&phrase, p, 1);
		}
		buf_puts(&phrase, "\"");
	}
	buf_puts(&sql, " ORDER BY d.kind, d.id");
	if (sql.oom || phrase.oom) {
		buf_free(&sql);
		buf_free(&phrase);
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	stmt = store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt) {
		buf_free(&phrase);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, phrase.s, -1, SQLITE_TRANSIENT);
	buf_free(&phrase);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct search_hit *h;
		const char *ref = (const char *)sqlite3_column_text(stmt, 1);

		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			h = realloc(*hits, cap * sizeof *h);
			if (!h)
				break;
			*hits = h;
		}
		h = &(*hits)[n];
		h->kind = strdup((const char *)sqlite3_column_text(stmt, 0));
		h->ref = strdup(ref ? ref : "");
		h->text = strdup((const char *)sqlite3_column_text(stmt, 2));
		n++;
		if (!h->kind || !h->ref || !h->text)
			break;
	}
	sqlite3_finalize(stmt);
	*nhits = n;
	if (rc != SQLITE_DONE) {
		store_search_free(*hits, n);
		*hits = NULL;
		*nhits = 0;
		return rc == SQLITE_ROW ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"))
					: store_fail(st, err, _("search failed"));
	}
	return 0;
}

void store_search_free(struct search_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(hits[i].kind);
		free(hits[i].ref);
		free(hits[i].text);
	}
	free(hits);
}
