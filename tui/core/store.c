/* store.c - opening and migrating the office database, and progress
 * (its statements, transactions and errors: storetx.c; check and backup:
 * backup.c; search: search.c). */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/files.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"
#include "routemap/store.h"
#include "routemap/text.h"

/* 'RMAP': marks a file as a routemap database. */
#define STORE_APPLICATION_ID 0x524d4150

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

/* ---- waiting for another user ---- */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: another connection holds the lock.  Wait in
 * steps of 50 ms up to st->wait_ms, letting st->on_wait show it (and
 * stop it). */
static int store_busy(void *arg, int count)
{
	struct store *st = arg;
	long long now = now_ms(), waited;

	if (count == 0 || !st->wait_start)
		st->wait_start = now;
	waited = now - st->wait_start;
	if (waited >= st->wait_ms) {
		st->wait_start = 0;
		st->wait_gave_up = 1;
		return 0;
	}
	if (st->on_wait && !st->on_wait(st->wait_arg, (long)waited)) {
		st->wait_start = 0;
		return 0;
	}
	sqlite3_sleep(st->wait_ms - waited < 50 ? (int)(st->wait_ms - waited) : 50);
	return 1;
}

/* ---- opening ---- */

/* "file:PATH?QUERY" with PATH percent-encoded (malloc'd). */
static char *db_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = { 0 };
	const unsigned char *p;

	buf_puts(&b, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		/* a path starting "//" would read as an authority */
		int keep_slash = *p == '/' && !(p == (const unsigned char *)path && p[1] == '/');

		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_' || *p == '~' || keep_slash) {
			buf_add(&b, (const char *)p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };

			buf_add(&b, e, 3);
		}
	}
	buf_printf(&b, "?%s", query);
	return buf_take(&b);
}

/* May this user write the database PATH (SB its stat) and the files
 * beside it?  A file marked read-only stays unwritten, even for root. */
static int may_write(const char *path, const struct stat *sb)
{
	char *dir, *slash, *wal, *shm;
	int ok;

	if (!(sb->st_mode & 0222) || access(path, W_OK) < 0)
		return 0;
	dir = strdup(path);
	if (!dir)
		return 0;
	slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';      /* a file in / */
	else if (slash)
		*slash = '\0';
	ok = access(slash ? dir : ".", W_OK) == 0;
	free(dir);
	if (ok)
		return 1;
	/* a directory we cannot write: only when -wal and -shm are there */
	wal = file_with_suffix(path, "-wal");
	shm = file_with_suffix(path, "-shm");
	ok = wal && shm && access(wal, W_OK) == 0 && access(shm, W_OK) == 0;
	free(wal);
	free(shm);
	return ok;
}

/* Size of PATH + SUFFIX, -1 when it is not there. */
static long long sidecar_size(const char *path, const char *suffix)
{
	char *name = file_with_suffix(path, suffix);
	struct stat sb;
	long long n = -1;

	if (name && lstat(name, &sb) == 0)
		n = (long long)sb.st_size;
	free(name);
	return n;
}

/* The URI query to read PATH without making files its owner cannot use:
 * through the -shm file when a writer made it, else as an immutable
 * snapshot.  NULL (with ERR) when changes wait in a -wal file that only
 * a writer can fold in. */
static const char *reader_query(struct store *st, struct rm_error *err)
{
	long long wal = sidecar_size(st->path, "-wal"), shm = sidecar_size(st->path, "-shm");

	if (wal >= 0 && shm >= 0)
		return "mode=ro";
	if (wal > 0) {
		rm_fail(err, RM_EXIT_RUNTIME,
			_("%s: recent changes wait in %s-wal, and only someone who may write the "
			  "database can fold them in: ask its owner to open it once"), st->path, st->path);
		return NULL;
	}
	st->snapshot = 1;
	return "mode=ro&immutable=1";
}

/* Is the open database in WAL mode (bytes 18 and 19 of its header)?  Read
 * through SQLite's own descriptor: opening one of ours would, at its
 * close, drop this process's locks on the file. */
static int header_says_wal(struct store *st)
{
	sqlite3_file *f = NULL;
	unsigned char h[20];

	if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK ||
	    !f || !f->pMethods || f->pMethods->xRead(f, h, sizeof h, 0) != SQLITE_OK)
		return 0;
	return h[18] == 2 && h[19] == 2;
}

/* A -wal or -shm beside the database that is a symbolic link (planted:
 * SQLite will not follow it, and so cannot open the database): say so. */
static int sidecar_link(struct store *st, struct rm_error *err)
{
	static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
	struct stat sb;
	size_t i;

	for (i = 0; i < 3; i++) {
		char *name = file_with_suffix(st->path, suffixes[i]);
		int link = name && lstat(name, &sb) == 0 && S_ISLNK(sb.st_mode);
		int unusable = !link && name && i < 2 && lstat(name, &sb) == 0 &&
			       access(name, R_OK) < 0;

		if (link)
			rm_fail(err, RM_EXIT_RUNTIME, _("%s is a symbolic link, not the database's own "
							"file; nothing was opened through it (remove it)"),
				name);
		else if (unusable)
			rm_fail(err, RM_EXIT_RUNTIME,
				_("%s belongs to user %ld, group %ld, mode %03o, which this user may not "
				  "read: its owner can give it the database's group and mode, or "
				  "remove it while nobody has the database open"),
				name, (long)sb.st_uid, (long)sb.st_gid, (unsigned)(sb.st_mode & 0777));
		free(name);
		if (link || unusable)
			return -1;
	}
	return 0;
}

/* Refuse files that are not databases, not ours, or from a newer program.
 * NEW_OK: a database with no tables at all may become ours (a file made
 * just now, or an empty one given to init).  *VERSION gets its schema
 * version. */
static int store_identify(struct store *st, int new_ok, int *version, struct rm_error *err)
{
	int rc;
	long long v, appid, tables;

	v = query_int(st->db, "PRAGMA user_version", &rc);
	if (rc == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a database (%s)"), st->path,
			       sqlite3_errstr(rc));
	if (rc != SQLITE_OK)
		return store_fail(st, err, _("cannot read the schema version"));
	appid = query_int(st->db, "PRAGMA application_id", &rc);
	tables = query_int(st->db, "SELECT count(*) FROM sqlite_schema", &rc);
	if (rc != SQLITE_OK)
		return store_fail(st, err, _("cannot read the schema"));
	if (v == 0 && tables > 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: not a routemap database (it holds %lld other tables)"),
			       st->path, tables);
	if (v == 0 && !new_ok)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: not a routemap database (an empty file or database); "
				 "make one there with: routemap init"), st->path);
	if (v > 0 && appid != STORE_APPLICATION_ID)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: not a routemap database (application id %lld)"), st->path, appid);
	if (v > schema_latest())
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: made by a newer routemap (schema %lld; this program knows up to %d)"),
			       st->path, v, schema_latest());
	*version = (int)v;
	return 0;
}

/* Bring the schema up to date, one transaction per version. */
static int store_migrate(struct store *st, struct rm_error *err)
{
	int first = -1;         /* the version found, before any step */

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
		if (first < 0)
			first = version;
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
		if (st->migrated_from < 0 && first > 0)
			st->migrated_from = first;     /* an existing schema, not a new file */
	}
}

/* Open the connection with the URI query QUERY and set it up the same way
 * every time: extended codes, the busy handler, rm_user(), THAI. */
static int connect(struct store *st, const char *query, struct rm_error *err)
{
	char *uri = db_uri(st->path, query);
	int rc;

	if (!uri)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
			     (strstr(query, "mode=ro") ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE),
			     NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return store_fail(st, err, _("cannot open the database"));
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, store_busy, st);
	if (sqlite3_create_function(st->db, "rm_user", 0, SQLITE_UTF8, st->user, fn_user,
				    NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_collation(st->db, "THAI", SQLITE_UTF8, NULL, collate_thai) != SQLITE_OK ||
	    schema_search_tokenizer(st->db) < 0)
		return store_fail(st, err, _("cannot register functions"));
	return 0;
}

/* The page cache's size for ST's connection (st->cache_kib), once the
 * file is known to be a database. */
static int set_cache(struct store *st, struct rm_error *err)
{
	char sql[64];

	if (!st->cache_kib)
		return 0;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", st->cache_kib);
	return store_exec(st, sql, err);
}

static void disconnect(struct store *st)
{
	if (st->db)
		sqlite3_close_v2(st->db);
	st->db = NULL;
}

/* Set up a connection that may write: WAL (kept, with its -shm, while a
 * group shares the file, so that readers never have to make them),
 * synchronous=FULL, foreign keys. */
static int setup_writer(struct store *st, const struct stat *sb, struct rm_error *err)
{
	int persist = 1;
	sqlite3_stmt *stmt;
	int wal = 0;

	if (sb->st_mode & 0070)
		sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	stmt = store_prepare(st, "PRAGMA journal_mode", err);
	if (!stmt)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		wal = strcmp((const char *)sqlite3_column_text(stmt, 0), "wal") == 0;
	sqlite3_finalize(stmt);
	/* Only a database not yet in WAL mode needs the (exclusive) switch. */
	if (!wal && store_exec(st, "PRAGMA journal_mode = WAL", err) < 0)
		return -1;
	/* after a big import the -wal file shrinks back at the next reset */
	return store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
			  " PRAGMA journal_size_limit = 4194304", err);
}

/* Stat the database file PATH into *SB, or create it (with SHARED_GROUP's
 * group and mode, and its directories) when it is missing and FLAGS allow
 * it: then *CREATED is set.  Returns 0, or -1 with ERR. */
static int find_or_create(const char *path, const char *shared_group, int flags,
			  struct stat *sb, int *created, struct rm_error *err)
{
	struct file_share share;
	int fd;

	if (stat(path, sb) == 0)
		return 0;
	if (errno != ENOENT)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(errno));
	if ((flags & (STORE_READ | STORE_READONLY)) || (flags & STORE_NO_CREATE))
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: no database there (create it with: routemap init)"), path);
	if (file_share_for_group(shared_group, &share, err) < 0 ||
	    file_make_parents(path, &share, err) < 0)
		return -1;
	fd = file_create(path, &share, err);
	if (fd < 0)
		return -1;
	close(fd);
	*created = 1;
	if (stat(path, sb) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(errno));
	return 0;
}

/* Refuse the file PATH (SB) when it cannot be the database FLAGS ask
 * for: not a regular file, empty though not just CREATED (unless
 * STORE_INIT), or not writable by this user when FLAGS do not allow
 * reading instead.  *WRITER: the user may write it.  Returns 0, or -1
 * with ERR. */
static int check_file(const char *path, const struct stat *sb, int created, int flags,
		      int *writer, struct rm_error *err)
{
	if (!S_ISREG(sb->st_mode))
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a regular file"), path);
	if (sb->st_size == 0 && !created && !(flags & STORE_INIT))
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: an empty file, not a routemap database; make one there with: "
				 "routemap init"), path);
	*writer = may_write(path, sb);
	if (!*writer && !(flags & (STORE_READONLY | STORE_READ | STORE_READ_FALLBACK)))
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: the database is read-only (no write permission); nothing was "
				 "changed"), path);
	return 0;
}

/* The first connection: through SQLite's locks (read-write, or read-only
 * for st->readonly) when the user may write the file (WRITER), else as
 * reader_query() finds a way to read it.  Returns 0, or -1 with ERR. */
static int connect_first(struct store *st, int writer, struct rm_error *err)
{
	const char *query;

	if (writer) {
		if (connect(st, st->readonly ? "mode=ro" : "mode=rw", err) < 0)
			return -1;
		/* before SQLite makes them with the creator's group */
		if (header_says_wal(st))
			file_precreate_sidecars(st->path);
		return 0;
	}
	query = reader_query(st, err);
	if (!query || connect(st, query, err) < 0)
		return -1;
	return 0;
}

/* The database holds the older schema VERSION: migrate it, over a
 * read-write connection even for a reading command, which then reads
 * read-only again.  Refused when the file may not be written (WRITER) or
 * FLAGS say STORE_READONLY.  SB: the file, for setup_writer.  Returns 0,
 * or -1 with ERR. */
static int upgrade(struct store *st, const struct stat *sb, int writer, int flags, int version,
		   struct rm_error *err)
{
	int was_readonly = st->readonly;

	if (!writer || (flags & STORE_READONLY))
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: schema version %d is older than %d; run routemap init without -r"),
			       st->path, version, schema_latest());
	if (st->readonly) {
		/* a reading command on an older database: migrate first */
		disconnect(st);
		if (connect(st, "mode=rw", err) < 0)
			return -1;
	}
	st->readonly = 0;       /* for the migration's own writes */
	if (setup_writer(st, sb, err) < 0 || store_migrate(st, err) < 0)
		return -1;
	st->readonly = was_readonly;
	if (st->readonly) {
		disconnect(st);
		if (connect(st, "mode=ro", err) < 0)
			return -1;
	}
	return 0;
}

int store_open(struct store *st, const char *path, const char *shared_group, int flags,
	       struct rm_error *err)
{
	struct stat sb;
	int created = 0, writer = 0, version = 0, reading = flags & (STORE_READ | STORE_READONLY);

	memset(st, 0, sizeof *st);
	st->migrated_from = -1;
	st->wait_ms = STORE_WAIT_MS;
	st->cache_kib = flags & STORE_SMALL_CACHE ? 1024 : 0;
	if (!path || !*path)
		return rm_fail(err, RM_EXIT_USAGE, _("the database path is empty"));
	st->path = strdup(path);
	if (!st->path)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	store_find_user(st);

	if (find_or_create(path, shared_group, flags, &sb, &created, err) < 0 ||
	    check_file(path, &sb, created, flags, &writer, err) < 0)
		goto fail;
	st->readonly = !writer || reading;
	if (connect_first(st, writer, err) < 0)
		goto fail;
	if (store_identify(st, created || (flags & STORE_INIT), &version, err) < 0) {
		sidecar_link(st, err);
		goto fail;
	}
	if (version < schema_latest()) {
		if (upgrade(st, &sb, writer, flags, version, err) < 0)
			goto fail;
	} else if (!st->readonly && setup_writer(st, &sb, err) < 0) {
		goto fail;
	}
	if ((st->readonly && store_exec(st, "PRAGMA foreign_keys = ON", err) < 0) ||
	    set_cache(st, err) < 0)
		goto fail;
	/* -wal and -shm exist now (a read, the switch to WAL): the group's */
	if (writer)
		file_share_sidecars(path);
	return 0;
fail:
	store_close(st);
	return -1;
}

int store_refresh(struct store *st, struct rm_error *err)
{
	if (!st->snapshot || sidecar_size(st->path, "-shm") < 0 ||
	    sidecar_size(st->path, "-wal") < 0)
		return 0;
	disconnect(st);
	st->snapshot = 0;
	if (connect(st, "mode=ro", err) == 0 &&
	    store_exec(st, "PRAGMA foreign_keys = ON", err) == 0 && set_cache(st, err) == 0)
		return 1;
	/* as it was, then: a snapshot */
	disconnect(st);
	st->snapshot = 1;
	if (connect(st, "mode=ro&immutable=1", err) < 0 || set_cache(st, err) < 0)
		return -1;
	return 0;
}

/* sqlite3_progress_handler's callback while a single long statement
 * (quick_check, VACUUM INTO) runs: the work's name, no count. */
static int progress_tick(void *arg)
{
	struct store *st = arg;

	store_progress(st, st->progress_what, -1, -1);
	return 0;
}

void store_progress(struct store *st, const char *what, long long rows, int permille)
{
	long long now;

	if (!st->on_progress)
		return;
	if (!what) {
		if (st->progress_at > 0)
			st->on_progress(st->progress_arg, NULL, 0, 0);
		st->progress_at = 0;
		st->progress_start = 0;
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
		return;
	}
	now = now_ms();
	if (st->progress_start == 0) {
		st->progress_start = now;
		st->progress_what = what;
		/* work that does not count (one long statement): SQLite calls
		 * back from inside it */
		if (rows < 0)
			sqlite3_progress_handler(st->db, 100000, progress_tick, st);
	}
	if (now - st->progress_start < 1000 || now - st->progress_at < 200)
		return;
	st->progress_at = now;
	st->on_progress(st->progress_arg, what, rows, permille);
}

void store_close(struct store *st)
{
	disconnect(st);
	free(st->path);
	memset(st, 0, sizeof *st);
}

int store_renumber(struct store *st, const char *table, const sqlite3_int64 *ids, size_t n,
		   struct rm_error *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *stmt;
	size_t i;
	int rc = SQLITE_DONE;

	buf_printf(&sql, "UPDATE %s SET position = ?1 WHERE id = ?2 AND position IS NOT ?1", table);
	if (sql.oom)
		return rm_oom(err);
	stmt = store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (!stmt)
		return -1;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(stmt, 2, ids[i]);
		rc = sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot save"));
}
