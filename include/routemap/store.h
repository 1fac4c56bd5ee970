/* store.h - the office database (SQLite).
 *
 * One database per office.  store_open creates it (mode 0600, or 0660 with a
 * shared group), refuses files that are not routemap databases, migrates the
 * schema through PRAGMA user_version (one transaction per step) and sets up
 * every connection the same way: WAL, foreign keys, synchronous=FULL, a busy
 * timeout, the Thai collation THAI and the function rm_user() that the
 * change-log triggers call.
 */
#ifndef ROUTEMAP_STORE_H
#define ROUTEMAP_STORE_H

#include <sqlite3.h>
#include "routemap/error.h"
#include "routemap/files.h"


struct store {
	sqlite3 *db;
	char *path;
	int readonly;
	int snapshot;      /* read-only, opened immutable: nobody had the database
			      open and we may not make its -wal/-shm files */
	int migrated_from; /* the schema version this open migrated from, or -1 */
	char user[64];     /* the Unix user, written into the change log */
	/* Waiting for another user's write lock: at most wait_ms, calling
	 * on_wait(wait_arg, ms waited so far) every ~50 ms; a zero return
	 * gives up at once (SQLITE_BUSY).  NULL: just wait. */
	int wait_ms;
	int (*on_wait)(void *arg, long waited_ms);
	void *wait_arg;
	long long wait_start;   /* ms, monotonic; 0 when not waiting */
	int wait_gave_up;       /* set when a wait ran out of time (the
				   caller clears it) */
	/* Long work (import, export, check, backup) says how far it got:
	 * on_progress(progress_arg, WHAT, ROWS, PERMILLE) at most five times
	 * a second, WHAT a translated verb ("importing"), ROWS the records
	 * done (-1 when it does not count them), PERMILLE how much of the
	 * whole is done (0-1000; -1 when not known); once more with WHAT NULL
	 * when the work ends.  NULL: nothing is said. */
	void (*on_progress)(void *arg, const char *what, long long rows, int permille);
	void *progress_arg;
	long long progress_at;  /* ms, monotonic, of the last call; 0: none yet */
	long long progress_start;   /* ms, when the work began; 0: none */
	const char *progress_what;  /* its name, for SQLite's callback */
	int cache_kib;          /* the page cache's size in KiB; 0: SQLite's */
};

enum store_flags {
	STORE_READONLY = 1,     /* -r: never write, never migrate */
	STORE_NO_CREATE = 2,    /* the file must exist already */
	STORE_READ = 4,         /* a reading command: open read-only; an older
				   schema is brought up to date first when the
				   file may be written (and st->migrated_from
				   says so), else refused */
	STORE_READ_FALLBACK = 8,/* no write permission: open read-only instead
				   of refusing (the screens) */
	STORE_INIT = 16,        /* routemap init: an existing empty file may
				   become a database */
	STORE_SMALL_CACHE = 32, /* the screens and reading commands: SQLite's
				   page cache held to 1 MiB (its default is
				   2), so that memory hardly grows with the
				   database; bulk writes keep the default */
};

/* How long writes wait for another user's lock by default (ms). */
#define STORE_WAIT_MS 60000

/* Open the database at PATH (created when missing, unless STORE_NO_CREATE
 * or a reading flag).  SHARED_GROUP: a group name ("" or NULL for none)
 * that a new file gets, with mode 0660.  The -wal and -shm files always get
 * the group and mode of the database file, whoever creates them.  A file
 * that is not a routemap database (empty, half-written, another
 * program's) is refused, except an empty file with STORE_INIT.  Returns 0,
 * or -1 with ERR (status 1, 2 for an unknown group) and ST closed. */
int store_open(struct store *st, const char *path, const char *shared_group,
	       int flags, struct rm_error *err);
void store_close(struct store *st);

/* A snapshot (st->snapshot: read-only, nobody had the database open) goes
 * stale once someone opens it to write; then its -wal and -shm are there,
 * and the database can be read as it is now, through them.  Reopen ST so
 * when they are (no statement of ST may be open).  Returns 1 when
 * reopened, 0 when nothing changed, -1 with ERR when ST could not be
 * opened again at all (then st->db is NULL). */
int store_refresh(struct store *st, struct rm_error *err);

/* The schema version of the open database. */
int store_schema_version(struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Returns 0 or -1 with ERR. */
int store_begin(struct store *st, struct rm_error *err);
int store_commit(struct store *st, struct rm_error *err);
void store_rollback(struct store *st);

/* One reading seen whole: a deferred BEGIN, so that every statement until
 * store_read_end sees the same snapshot (a writer meanwhile is not waited
 * for, and not seen).  Returns 1 when it began a transaction, 0 when one
 * was already open or it could not (then each statement reads on its
 * own); give that back to store_read_end, which commits only what it
 * began. */
int store_read_begin(struct store *st);
void store_read_end(struct store *st, int began);

/* SQLite's data version of ST's connection (PRAGMA data_version) into
 * *VERSION: a number that changes whenever another connection commits
 * to the database, and only then (this connection's own commits leave
 * it).  Compare two answers; the number itself means nothing.  Holds no
 * statement open afterwards (so it does not keep a read snapshot).
 * Returns 0, or -1 with ERR. */
int store_data_version(struct store *st, long long *version, struct rm_error *err);

/* Prepare SQL on ST; on failure fill ERR with SQLite's message. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct rm_error *err);

/* End a loop over the rows of STMT: finalize it, and fail when the loop
 * stopped for want of memory (OOM) or on anything but the end of the rows
 * (RC is the last sqlite3_step result): a damaged page must never pass
 * for the end of the data.  Returns 0, or -1 with ERR. */
int store_finish(struct store *st, sqlite3_stmt *stmt, int rc, int oom, struct rm_error *err);

/* Run one statement that returns no rows, with no parameters. */
int store_exec(struct store *st, const char *sql, struct rm_error *err);

/* Fill ERR from the connection's last error, prefixed with WHAT (a
 * message already translated: store_fail(st, err, _("cannot ..."))). */
int store_fail(struct store *st, struct rm_error *err, const char *what);

/* A malloc'd copy of column I of STMT's row, NULL for SQL NULL; sets *OOM
 * when the copy cannot be made. */
char *store_col_dup(sqlite3_stmt *stmt, int i, int *oom);

/* A code for a new record of TABLE ("assessment", "aar" or "project"): BASE, or
 * BASE-2, BASE-3... when taken.  *CODE is malloc'd.  Returns 0, or -1 with
 * ERR (a database error, or no free number below 10000). */
int store_unique_code(struct store *st, const char *table, const char *base, char **code,
		      struct rm_error *err);

/* Bind a UTF-8 string, or NULL when TEXT is NULL or empty. */
int store_bind_text_or_null(sqlite3_stmt *stmt, int idx, const char *text);

/* Integrity check (PRAGMA quick_check and the foreign keys): write problems
 * (one per line) into a malloc'd string in *REPORT ("ok" when none).
 * Returns 0 when the database is sound, 1 when not, -1 with ERR. */
int store_check(struct store *st, char **report, struct rm_error *err);

/* A consistent, self-contained copy of the database (rollback-journal
 * mode: it opens read-only anywhere) in the new file PATH, made under a
 * temporary name beside it with SHARE's group and mode, checked, synced,
 * and only then given the name PATH, which must not exist.  Safe while
 * others work.  Returns 0, or -1 with ERR and nothing left behind. */
int store_backup(struct store *st, const char *path, const struct file_share *share,
		 struct rm_error *err);

/* Report progress through st->on_progress (see struct store), unless
 * the last report was under 200 ms ago; WHAT NULL ends the work's line.
 * The first report of a work waits a second: short work says nothing. */
void store_progress(struct store *st, const char *what, long long rows, int permille);

/* Full-text search over titles, item texts, notes and AAR sections.
 * Queries of at least three code points go through the FTS5 trigram index;
 * shorter ones scan the documents table. */
struct search_hit {
	char *kind;     /* "plan", "objective", "norm_item", ... */
	char *ref;      /* the record's code, e.g. "KKN-CDC-2568/P1" */
	char *text;     /* the indexed text */
	sqlite3_int64 doc;   /* its search document: where the next page starts */
	sqlite3_int64 src;   /* the record's row in the table of its kind */
};

/* Every hit of QUERY, in the order the records were made, into a malloc'd array *HITS of
 * *NHITS (free with store_search_free).  Returns 0 (no hit is not an
 * error), or -1 with ERR. */
int store_search(struct store *st, const char *query, struct search_hit **hits,
		 size_t *nhits, struct rm_error *err);

/* One page of QUERY's hits, in the order the records were made: up to
 * WANT hits after the document AFTER (0 for the first page), appended to
 * the array *HITS of *NHITS (both updated; the array grows by realloc).
 * *MORE says whether hits follow.  The work is bounded by the page, not
 * by the database: the index stops at the page's end, and a query too
 * short for the index scans only until the page is full.  Returns 0, or
 * -1 with ERR and *HITS as it was. */
int store_search_page(struct store *st, const char *query, sqlite3_int64 after, size_t want,
		      struct search_hit **hits, size_t *nhits, int *more, struct rm_error *err);
void store_search_free(struct search_hit *hits, size_t n);

/* Run SQL, one statement, to its end with ?1 bound to the id A and ?2
 * (when it has one) to B.  Returns the rows it changed, or -1 with ERR
 * ("cannot save", with SQLite's words). */
int store_run_ids(struct store *st, const char *sql, sqlite3_int64 a, sqlite3_int64 b,
		  struct rm_error *err);

/* Number the rows IDS[0..N) of TABLE (one with a position column:
 * "objective", "norm_item") 1..n in that order, writing only the rows
 * not so numbered already.  Call inside change_run work.  0, or -1 with
 * ERR. */
int store_renumber(struct store *st, const char *table, const sqlite3_int64 *ids, size_t n,
		   struct rm_error *err);

#endif
