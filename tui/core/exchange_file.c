/* exchange_file.c - the bundle file: a small SQLite database (application
 * id "RMB1") with a header row and one row per part, each part a
 * changeset with its SHA-256 (nettle), and the header's own SHA-256 over
 * its fields and the parts' sums.  Written under a temporary name, synced
 * and linked to its name (never over an existing file); read whole into
 * memory, checked, and only then believed. */
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

#define BUNDLE_APP_ID 0x524d4231  /* "RMB1" */
#define BUNDLE_MAX_BYTES (1024LL * 1024 * 1024)

/* The SHA-256 of DATA[0..LEN) in hex into HEX (65 bytes). */
static void sha256_hex(const void *data, size_t len, char *hex)
{
	struct sha256_ctx ctx;
	unsigned char d[SHA256_DIGEST_SIZE];
	int i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* The header's checksum: over its fields and each part's seq and sum. */
static int header_sum(const struct exchange_header *h, const struct xpart *parts, size_t n,
		      char *hex)
{
	struct buf b = { 0 };
	size_t i;

	buf_printf(&b, "%d|%s|%s|%s|%lld|%lld|%lld|%s|%s|%s|%s|", h->format, h->sender,
		   h->sender_db, h->receiver, h->first_seq, h->last_seq, h->ack, h->created,
		   h->created_by, h->chain, h->ack_chain);
	for (i = 0; i < n; i++) {
		char ph[65];

		sha256_hex(parts[i].changeset, (size_t)parts[i].size, ph);
		buf_printf(&b, "%lld:%s\n", parts[i].seq, ph);
	}
	if (b.oom) {
		buf_free(&b);
		return -1;
	}
	sha256_hex(b.s, b.len, hex);
	buf_free(&b);
	return 0;
}

/* The bundle's two tables; a file whose schema holds anything else (a
 * view in their place could make reading it endless) is no bundle. */
#define BUNDLE_TABLE \
	"CREATE TABLE bundle (format INTEGER NOT NULL, sender TEXT NOT NULL," \
	" sender_db TEXT NOT NULL, receiver TEXT NOT NULL, first_seq INTEGER NOT NULL," \
	" last_seq INTEGER NOT NULL, ack INTEGER NOT NULL, created TEXT NOT NULL," \
	" created_by TEXT NOT NULL, sha256 TEXT NOT NULL, chain TEXT NOT NULL," \
	" ack_chain TEXT NOT NULL)"
#define PART_TABLE \
	"CREATE TABLE part (seq INTEGER PRIMARY KEY, created TEXT NOT NULL," \
	" changeset BLOB NOT NULL, sha256 TEXT NOT NULL)"

static const char bundle_ddl[] =
	"PRAGMA application_id = 1380794929;" BUNDLE_TABLE ";" PART_TABLE ";";

/* Fill the new bundle database DB. */
static int fill_bundle(sqlite3 *db, const struct exchange_header *h, const struct xpart *parts,
		       size_t n)
{
	sqlite3_stmt *s = NULL;
	char sum[65];
	size_t i;
	int rc;

	if (sqlite3_exec(db, "PRAGMA journal_mode = OFF; BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, bundle_ddl, NULL, NULL, NULL) != SQLITE_OK ||
	    header_sum(h, parts, n, sum) < 0)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT INTO bundle VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(s, 1, h->format);
	sqlite3_bind_text(s, 2, h->sender, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, h->sender_db, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, h->receiver, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, h->first_seq);
	sqlite3_bind_int64(s, 6, h->last_seq);
	sqlite3_bind_int64(s, 7, h->ack);
	sqlite3_bind_text(s, 8, h->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, h->created_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, sum, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, h->chain, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, h->ack_chain, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE ||
	    sqlite3_prepare_v2(db, "INSERT INTO part VALUES (?1, ?2, ?3, ?4)", -1, &s, NULL) !=
		    SQLITE_OK)
		return -1;
	for (i = 0; i < n; i++) {
		sha256_hex(parts[i].changeset, (size_t)parts[i].size, sum);
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, parts[i].seq);
		sqlite3_bind_text(s, 2, parts[i].created, -1, SQLITE_STATIC);
		sqlite3_bind_blob(s, 3, parts[i].changeset, parts[i].size, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, sum, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_finalize(s);
			return -1;
		}
	}
	sqlite3_finalize(s);
	return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* fsync the directory that holds PATH. */
static void sync_dir(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1, path);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int xfile_write_temp(const char *path, const struct exchange_header *head,
		     const struct xpart *parts, size_t nparts, char **tmp_path, struct rm_error *err)
{
	struct buf tmp = { 0 };
	sqlite3 *db = NULL;
	int fd, rc, e;

	*tmp_path = NULL;
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	if (tmp.oom)
		return rm_oom(err);
	fd = mkstemp(tmp.s);
	if (fd < 0) {
		e = errno;
		buf_free(&tmp);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path, rm_strerror(e));
	}
	rc = sqlite3_open_v2(tmp.s, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
		     ? fill_bundle(db, head, parts, nparts) : -1;
	if (rc < 0)
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write the bundle: %s"), path,
			db ? sqlite3_errmsg(db) : "sqlite");
	if (sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write the bundle"), path);
	if (rc == 0 && fsync(fd) < 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path,
			     rm_strerror(errno));
	close(fd);
	if (rc < 0) {
		unlink(tmp.s);
		buf_free(&tmp);
		return -1;
	}
	*tmp_path = buf_take(&tmp);
	return 0;
}

int xfile_publish(const char *tmp_path, const char *path, struct rm_error *err)
{
	int rc = 0;

	if (link(tmp_path, path) < 0)
		rc = rm_fail(err, errno == EEXIST ? RM_EXIT_USAGE : RM_EXIT_RUNTIME,
			     errno == EEXIST ? _("%s: the file exists already; give a new name")
					     : _("%s: cannot write: %s"),
			     path, rm_strerror(errno));
	unlink(tmp_path);
	if (rc == 0)
		sync_dir(path);
	return rc;
}

int xfile_write(const char *path, const struct exchange_header *head, const struct xpart *parts,
		size_t nparts, struct rm_error *err)
{
	char *tmp;
	int rc = xfile_write_temp(path, head, parts, nparts, &tmp, err);

	if (rc == 0)
		rc = xfile_publish(tmp, path, err);
	free(tmp);
	return rc;
}

void xfile_free(struct xpart *parts, size_t nparts)
{
	size_t i;

	for (i = 0; i < nparts; i++)
		free(parts[i].changeset);
	free(parts);
}

/* Read PATH whole into a SQLite buffer (*DATA, *LEN). */
static int slurp(const char *path, unsigned char **data, sqlite3_int64 *len,
		 struct rm_error *err)
{
	struct stat sb;
	FILE *f = fopen(path, "rb");
	size_t got;

	*data = NULL;
	if (!f)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot read: %s"), path,
			       rm_strerror(errno));
	if (fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size > BUNDLE_MAX_BYTES) {
		fclose(f);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a routemap bundle"), path);
	}
	*len = sb.st_size;
	*data = sqlite3_malloc64((sqlite3_uint64)(*len ? *len : 1));
	if (!*data) {
		fclose(f);
		return rm_oom(err);
	}
	got = fread(*data, 1, (size_t)*len, f);
	fclose(f);
	if ((sqlite3_int64)got != *len) {
		sqlite3_free(*data);
		*data = NULL;
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot read: %s"), path,
			       rm_strerror(EIO));
	}
	return 0;
}

/* A varint of SQLite's (7 bits a byte, high bit for more, at most 9
 * bytes) at P[*I..N) into *V, capped; 0, or -1 when it runs off the end. */
static int read_varint(const unsigned char *p, int n, int *i, long long *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 9 && *i < n; k++) {
		unsigned char b = p[(*i)++];

		if (*v < (1LL << 40))
			*v = k == 8 ? (*v << 8) | b : (*v << 7) | (b & 0x7f);
		if (k == 8 || !(b & 0x80))
			return 0;
	}
	return -1;
}

/* One record of NCOL values at P[*I..N): each a type byte and its data. */
static int skip_record(const unsigned char *p, int n, int *i, long long ncol)
{
	long long c, len;

	for (c = 0; c < ncol; c++) {
		if (*i >= n)
			return -1;
		switch (p[(*i)++]) {
		case 0: case 5:                 /* undefined, NULL */
			break;
		case 1: case 2:                 /* integer, real */
			if (n - *i < 8)
				return -1;
			*i += 8;
			break;
		case 3: case 4:                 /* text, blob */
			if (read_varint(p, n, i, &len) < 0 || len > n - *i)
				return -1;
			*i += (int)len;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* Is P[0..N) a well-formed changeset (tables with their columns, each
 * change an insert, update or delete with whole records)?  Checked here
 * before SQLite reads it: the iterator of SQLite 3.40 never returns from
 * a table name without its terminating zero. */
static int changeset_sound(const unsigned char *p, int n)
{
	long long ncol = -1;
	int i = 0;

	while (i < n) {
		unsigned char op = p[i++];

		if (op == 'T') {
			const unsigned char *nul;

			if (read_varint(p, n, &i, &ncol) < 0 || ncol < 1 || ncol > 64 ||
			    ncol > n - i)
				return 0;
			i += (int)ncol;
			nul = memchr(p + i, 0, (size_t)(n - i));
			if (!nul || nul == p + i)
				return 0;
			i = (int)(nul - p) + 1;
			continue;
		}
		if (ncol < 0 || (op != SQLITE_INSERT && op != SQLITE_DELETE && op != SQLITE_UPDATE) ||
		    i >= n || p[i++] > 1)
			return 0;
		if (skip_record(p, n, &i, ncol) < 0 ||
		    (op == SQLITE_UPDATE && skip_record(p, n, &i, ncol) < 0))
			return 0;
	}
	return 1;
}

/* Copy text column I of S into DST (SIZE bytes); 0, or -1 when too long. */
static int col_copy(sqlite3_stmt *s, int i, char *dst, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	if (!t || strlen(t) >= size)
		return -1;
	memcpy(dst, t, strlen(t) + 1);
	return 0;
}

/* The header row of the bundle database DB into H, its checksum into
 * WANT (65 bytes). */
static int read_header(sqlite3 *db, const char *path, struct exchange_header *h, char *want,
		       struct rm_error *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, "SELECT format, sender, sender_db, receiver, first_seq,"
			       " last_seq, ack, created, created_by, sha256, chain, ack_chain FROM bundle", -1, &s,
			       NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW ||
	    col_copy(s, 1, h->sender, sizeof h->sender) < 0 ||
	    col_copy(s, 2, h->sender_db, sizeof h->sender_db) < 0 ||
	    col_copy(s, 3, h->receiver, sizeof h->receiver) < 0 ||
	    col_copy(s, 7, h->created, sizeof h->created) < 0 ||
	    col_copy(s, 8, h->created_by, sizeof h->created_by) < 0 ||
	    col_copy(s, 9, want, 65) < 0 || col_copy(s, 10, h->chain, sizeof h->chain) < 0 ||
	    col_copy(s, 11, h->ack_chain, sizeof h->ack_chain) < 0) {
		sqlite3_finalize(s);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a routemap bundle"), path);
	}
	h->format = sqlite3_column_int(s, 0);
	h->first_seq = sqlite3_column_int64(s, 4);
	h->last_seq = sqlite3_column_int64(s, 5);
	h->ack = sqlite3_column_int64(s, 6);
	sqlite3_finalize(s);
	if (h->format != EXCHANGE_FORMAT)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: bundle format %d; this routemap reads format %d"), path,
			       h->format, EXCHANGE_FORMAT);
	return 0;
}

/* Read the header and parts out of the bundle database DB. */
static int read_bundle(sqlite3 *db, const char *path, struct exchange_header *h,
		       struct xpart **parts, size_t *nparts, struct rm_error *err)
{
	sqlite3_stmt *s = NULL;
	char want[65], sum[65], got[65];
	size_t n = 0, cap = 0;
	int rc;

	if (read_header(db, path, h, want, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT seq, created, changeset, sha256 FROM part ORDER BY seq",
			       -1, &s, NULL) != SQLITE_OK)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a routemap bundle"), path);
	*parts = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct xpart *p;
		int size = sqlite3_column_bytes(s, 2);

		if (n == cap) {
			struct xpart *np = realloc(*parts, (cap = cap ? 2 * cap : 4) * sizeof *np);

			if (!np) {
				sqlite3_finalize(s);
				xfile_free(*parts, n);
				*parts = NULL;
				return rm_oom(err);
			}
			*parts = np;
		}
		p = &(*parts)[n];
		memset(p, 0, sizeof *p);
		p->seq = sqlite3_column_int64(s, 0);
		p->size = size;
		p->changeset = malloc(size ? (size_t)size : 1);
		if (!p->changeset || col_copy(s, 1, p->created, sizeof p->created) < 0 ||
		    col_copy(s, 3, got, sizeof got) < 0) {
			free(p->changeset);
			break;
		}
		if (size)
			memcpy(p->changeset, sqlite3_column_blob(s, 2), (size_t)size);
		n++;
		/* one part after another: a gap within a bundle is damage */
		if (n > 1 && p->seq != (*parts)[n - 2].seq + 1)
			got[0] = '\0';
		sha256_hex(p->changeset, (size_t)size, sum);
		if (strcmp(sum, got) != 0 || !changeset_sound(p->changeset, size)) {
			long long seq = p->seq;
			int damaged = strcmp(sum, got) != 0;

			sqlite3_finalize(s);
			xfile_free(*parts, n);
			*parts = NULL;
			return rm_fail(err, RM_EXIT_RUNTIME,
				       damaged
					       ? _("%s: part %lld of the bundle is damaged (its SHA-256 is wrong)")
					       : _("%s: part %lld of the bundle is not a changeset routemap can read"),
				       path, seq);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || header_sum(h, *parts, n, sum) < 0 || strcmp(sum, want) != 0 ||
	    (n && ((*parts)[0].seq != h->first_seq || (*parts)[n - 1].seq != h->last_seq))) {
		xfile_free(*parts, n);
		*parts = NULL;
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: the bundle is damaged or incomplete (its header's SHA-256 is wrong)"),
			       path);
	}
	*nparts = n;
	return 0;
}

int xfile_read(const char *path, struct exchange_header *head, struct xpart **parts,
	       size_t *nparts, struct rm_error *err)
{
	unsigned char *data;
	sqlite3_int64 len = 0;
	sqlite3 *db = NULL;
	sqlite3_stmt *s;
	int rc, ok;

	memset(head, 0, sizeof *head);
	*parts = NULL;
	*nparts = 0;
	if (slurp(path, &data, &len, err) < 0)
		return -1;
	if (len < 100 || memcmp(data, "SQLite format 3", 16) != 0) {
		sqlite3_free(data);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: not a routemap bundle"), path);
	}
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_free(data);
		sqlite3_close(db);
		return rm_oom(err);
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	/* a SQLite file from here on: one of another application's (the
	 * application id of its first page, offset 68, big endian; an
	 * office's database in WAL mode, which cannot be read from memory)
	 * is no bundle (0); a bundle that fails to read is damaged (-1) */
	ok = ((unsigned)data[68] << 24 | (unsigned)data[69] << 16 | (unsigned)data[70] << 8 |
	      data[71]) == (unsigned)BUNDLE_APP_ID ? -1 : 0;
	rc = sqlite3_deserialize(db, "main", data, len, len,
				 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
	if (rc == SQLITE_OK && ok &&
	    sqlite3_prepare_v2(db, "SELECT (SELECT application_id FROM pragma_application_id),"
			       " (SELECT group_concat(quick_check) FROM pragma_quick_check),"
			       " (SELECT count(*) = 2 AND sum(type = 'table' AND sql IN ('"
			       BUNDLE_TABLE "', '" PART_TABLE "')) = 2 FROM sqlite_schema)",
			       -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW) {
			const char *qc = (const char *)sqlite3_column_text(s, 1);

			if (sqlite3_column_int(s, 0) != BUNDLE_APP_ID || !sqlite3_column_int(s, 2))
				ok = 0;
			else if (qc && strcmp(qc, "ok") == 0)
				ok = 1;
		}
		sqlite3_finalize(s);
	}
	if (ok == 1)
		rc = read_bundle(db, path, head, parts, nparts, err);
	else
		rc = rm_fail(err, RM_EXIT_RUNTIME,
			     ok < 0 ? _("%s: the bundle is damaged or incomplete")
				    : _("%s: not a routemap bundle"), path);
	sqlite3_close(db);
	return rc;
}

int exchange_peek(const char *path, struct exchange_header *h, struct rm_error *err)
{
	struct xpart *parts;
	size_t n;

	if (xfile_read(path, h, &parts, &n, err) < 0)
		return -1;
	xfile_free(parts, n);
	return 0;
}
