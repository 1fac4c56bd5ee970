/* fuzz_bundle.c - libFuzzer harness of applying a bundle (exchange.h).
 *
 * The input is one part of a bundle: a changeset of SQLite's session
 * extension, as an office below the demo's province (BNG-CDC) would send
 * it.  It is wrapped in a well-formed bundle (right header and SHA-256s,
 * so that the apply gets past the checks a damaged file meets) and
 * applied to a fresh copy of the demo province's database.  Whatever the
 * changeset holds, applying must either succeed or fail with one line,
 * and the database must afterwards pass store_check: the integrity and
 * foreign-key checks and every assessment's kept tally.  The seeds are
 * real parts made by routemap bundle create.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "routemap/config.h"
#include "routemap/exchange.h"
#include "routemap/store.h"
#include "routemap/transfer.h"
#include "../../tui/core/exchange_int.h"

static char dir[64], db_path[96], bundle_path[96];
static char *template_db;       /* the demo province's database file */
static size_t template_len;
static struct config cfg;

/* The demo's CSV files into the new database at PATH. */
static void make_template(const char *path)
{
	struct transfer_file files[32];
	struct rm_error err = { 0, "" };
	struct store st;
	size_t n = transfer_demo_files(files, sizeof files / sizeof files[0]);

	CHECK(store_open(&st, path, NULL, 0, &err) == 0);
	CHECK(transfer_import(&st, &cfg, files, n, &err) == 0);
	store_close(&st);
}

/* Read PATH whole into *DATA, *LEN. */
static void slurp(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long size;

	CHECK(f != NULL);
	CHECK(fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0);
	*data = malloc((size_t)size);
	CHECK(*data != NULL);
	CHECK(fread(*data, 1, (size_t)size, f) == (size_t)size);
	*len = (size_t)size;
	fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct rm_error err = { 0, "" };

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "/tmp/routemap-fuzz-bundle-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	snprintf(db_path, sizeof db_path, "%s/KKN-PHO.db", dir);
	snprintf(bundle_path, sizeof bundle_path, "%s/part.rmb", dir);
	CHECK(config_defaults(&cfg, &err) == 0);
	free(cfg.office_code);
	free(cfg.office_parent);
	cfg.office_code = strdup("KKN-PHO");
	cfg.office_parent = strdup("ODPC6");
	make_template(db_path);
	slurp(db_path, &template_db, &template_len);
	return 0;
}

/* A fresh copy of the template at db_path (no -wal, no -shm). */
static void fresh_db(void)
{
	char side[128];
	FILE *f;

	snprintf(side, sizeof side, "%s-wal", db_path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db_path);
	unlink(side);
	f = fopen(db_path, "wb");
	CHECK(f != NULL);
	CHECK(fwrite(template_db, 1, template_len, f) == template_len);
	CHECK(fclose(f) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct exchange_header h = { 0 };
	struct exchange_summary sum = { 0 };
	struct rm_error err = { 0, "" };
	struct xpart part = { 0 };
	struct store st;
	char *report = NULL;
	int rc;

	if (size == 0 || size > 1 << 20)
		return 0;
	fresh_db();
	unlink(bundle_path);
	h.format = EXCHANGE_FORMAT;
	snprintf(h.sender, sizeof h.sender, "BNG-CDC");
	snprintf(h.receiver, sizeof h.receiver, "KKN-PHO");
	snprintf(h.sender_db, sizeof h.sender_db, "00112233445566778899aabbccddeeff");
	snprintf(h.created, sizeof h.created, "2026-01-20T03:00:00.000Z");
	snprintf(h.created_by, sizeof h.created_by, "ครูสมศรี");
	h.first_seq = h.last_seq = 1;
	part.seq = 1;
	part.changeset = (void *)data;
	part.size = (int)size;
	snprintf(part.created, sizeof part.created, "%s", h.created);
	CHECK(xfile_write(bundle_path, &h, &part, 1, &err) == 0);

	CHECK(store_open(&st, db_path, NULL, 0, &err) == 0);
	if (exchange_apply(&st, &cfg, bundle_path, &sum, &err) < 0)
		CHECK(err.msg[0] != '\0' && strchr(err.msg, '\n') == NULL);
	exchange_summary_free(&sum);
	/* applied or not, the database holds together */
	rc = store_check(&st, &report, &err);
	if (rc != 0)
		fprintf(stderr, "store_check: %s\n", rc < 0 ? err.msg : report);
	CHECK(rc == 0);
	free(report);
	store_close(&st);
	return 0;
}
