/* helpers.h - what the unit tests share: a fresh database in a temporary
 * directory, optionally filled with the demo office's sample data. */
#ifndef ROUTEMAP_TEST_HELPERS_H
#define ROUTEMAP_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "routemap/config.h"
#include "routemap/embedded.h"
#include "routemap/form.h"
#include "routemap/store.h"
#include "routemap/transfer.h"

struct fixture {
	char dir[64];
	char path[128];
	struct store st;
	struct config cfg;
};

/* A new empty directory and database path (the database is not opened). */
static inline struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct rm_error err = { 0, "" };

	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/routemap-unit.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/office.db", f->dir);
	assert_int_equal(config_defaults(&f->cfg, &err), 0);
	return f;
}

/* Import the embedded demo data into F's open store. */
static inline void fixture_load_demo(struct fixture *f)
{
	struct transfer_file files[32];
	struct rm_error err = { 0, "" };
	size_t n = 0, i;

	memset(files, 0, sizeof files);
	for (i = 0; embedded_demo[i].name; i++) {
		char kind[64];
		size_t len = strlen(embedded_demo[i].name) - 4;

		memcpy(kind, embedded_demo[i].name, len);
		kind[len] = '\0';
		files[n].kind = transfer_kind_from_name(kind);
		assert_true(files[n].kind >= 0);
		files[n].name = embedded_demo[i].name;
		files[n].data = embedded_demo[i].data;
		files[n].len = embedded_demo[i].size;
		n++;
	}
	if (transfer_import(&f->st, &f->cfg, files, n, &err) != 0)
		fail_msg("demo import: %s", err.msg);
}

/* Import the CSV text CSV of KIND ("plans", ...) into F's database, or
 * fail the test. */
static inline void fixture_load_csv(struct fixture *f, const char *kind, const char *csv)
{
	struct rm_error err = { 0, "" };
	struct transfer_file file = { .kind = transfer_kind_from_name(kind), .name = kind, .data = csv,
				      .len = strlen(csv), .utf8 = 1 };

	if (transfer_import(&f->st, &f->cfg, &file, 1, &err) != 0)
		fail_msg("import %s: %s", kind, err.msg);
}

/* A fresh database with the demo data, open in F->st. */
/* The demo database this test program made first, kept to be copied for
 * the next tests (an import of the demo is the slowest part of a test
 * under valgrind); its directory goes when the program ends. */
static char demo_template_dir[64];

static inline void demo_template_remove(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", demo_template_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", demo_template_dir);
}

/* Copy file FROM to TO; 0, or -1. */
static inline int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	char buf[65536];
	size_t n;
	int rc = in && out ? 0 : -1;

	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in && ferror(in))
		rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

/* A fresh database holding the demo office, open in F->st: imported the
 * first time in a program, then a copy of that first one (the same rows,
 * ids and change log, as VACUUM INTO writes them). */
static inline int fixture_setup_demo(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char template[128];

	snprintf(template, sizeof template, "%s/demo.db", demo_template_dir);
	if (*demo_template_dir && copy_file(template, f->path) != 0)
		fail_msg("cannot copy %s", template);
	if (store_open(&f->st, f->path, NULL, 0, &err) != 0)
		fail_msg("open: %s", err.msg);
	if (!*demo_template_dir) {
		sqlite3_stmt *stmt;

		fixture_load_demo(f);
		snprintf(demo_template_dir, sizeof demo_template_dir, "/tmp/routemap-demo.XXXXXX");
		assert_non_null(mkdtemp(demo_template_dir));
		atexit(demo_template_remove);
		snprintf(template, sizeof template, "%s/demo.db", demo_template_dir);
		if (sqlite3_prepare_v2(f->st.db, "VACUUM INTO ?1", -1, &stmt, NULL) != SQLITE_OK)
			fail_msg("cannot keep the demo: %s", sqlite3_errmsg(f->st.db));
		sqlite3_bind_text(stmt, 1, template, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			fail_msg("cannot keep the demo: %s", sqlite3_errmsg(f->st.db));
		sqlite3_finalize(stmt);
	}
	*state = f;
	return 0;
}

/* A fresh empty database, open in F->st. */
static inline int fixture_setup_empty(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };

	if (store_open(&f->st, f->path, NULL, 0, &err) != 0)
		fail_msg("open: %s", err.msg);
	*state = f;
	return 0;
}

static inline int fixture_teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[256];

	store_close(&f->st);
	config_free(&f->cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* The whole of the file PATH, NUL-terminated (caller frees), its length
 * into *LEN when LEN is not NULL; a file that cannot be read fails the
 * test. */
static inline char *fixture_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		fail_msg("cannot read %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

/* One integer from SQL on F's database. */
static inline long long fixture_int(struct fixture *f, const char *sql)
{
	sqlite3_stmt *stmt;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* Import one CSV text as KIND; returns what transfer_import returned. */
static inline int fixture_import(struct fixture *f, const char *kind, const char *name,
				 const char *csv, struct rm_error *err)
{
	struct transfer_file file = { .kind = transfer_kind_from_name(kind), .name = name, .data = csv,
				      .len = strlen(csv) };

	assert_true(file.kind >= 0);
	return transfer_import(&f->st, &f->cfg, &file, 1, err);
}

/* Load DEF's record CODE/PART on F's database and save VALUE into its
 * field NAME over what the database holds, as a step of U; returns what
 * the def's save returned (ERR says why). */
static inline int fixture_form_save(struct fixture *f, const struct form_def *def,
				    const char *code, const char *part, const char *name,
				    const char *value, struct undo_log *u, struct rm_error *err)
{
	struct form_ctx ctx = { .st = &f->st, .cfg = &f->cfg };
	struct form_record rec = { 0 };
	const struct form_field *fld = form_field_named(def, name);
	size_t i = (size_t)(fld - def->fields);
	int rc;

	assert_non_null(fld);
	assert_int_equal(def->load(&ctx, code, part, &rec, err), 0);
	ctx.rec = &rec;
	rc = def->save(&ctx, u, &rec, i, rec.values[i], value, NULL, err);
	form_record_free(def, &rec);
	return rc;
}

#endif
