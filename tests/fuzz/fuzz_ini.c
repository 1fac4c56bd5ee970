/* fuzz_ini.c - libFuzzer harness of the INI loader (config.h).
 *
 * The input is an office INI file.  It is written to a memfd and loaded
 * by its /proc/self/fd path, as config_load takes a path.  The loader must
 * not print anything (stdout and stderr are caught while it runs), must
 * fail with one line and the usage status, and when it succeeds the
 * configuration must keep every promise of config.h and of the checks in
 * config.c: valid codes and names, labels without control characters,
 * ascending rank thresholds within 0..100, a partial weight within 0..1,
 * frames numbered 1..N, a default template that is listed, no key bound
 * to two actions, and entries that say where each value came from.
 */
#define _GNU_SOURCE   /* memfd_create */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <sanitizer/common_interface_defs.h>

#include "fuzz.h"
#include "routemap/action.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/text.h"

static int input_fd = -1;    /* the INI file */
static int catch_fd = -1;    /* what the loader prints, if it does */
static int stdout_fd = -1, stderr_fd = -1;   /* the real ones */
static char input_path[64];

/* Make the two memfds once, and keep copies of the real stdout and
 * stderr; sanitizer reports go to the real stderr even while stderr is
 * caught. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	input_fd = memfd_create("fuzz.ini", 0);
	catch_fd = memfd_create("fuzz-output", 0);
	stdout_fd = dup(1);
	stderr_fd = dup(2);
	if (input_fd < 0 || catch_fd < 0 || stdout_fd < 0 || stderr_fd < 0) {
		perror("fuzz_ini: memfd_create/dup");
		abort();
	}
	snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
	__sanitizer_set_report_fd((void *)(intptr_t)stderr_fd);
	return 0;
}

/* Replace the content of FD by DATA (SIZE bytes). */
static void fd_fill(int fd, const uint8_t *data, size_t size)
{
	size_t done = 0;

	if (ftruncate(fd, 0) < 0)
		abort();
	while (done < size) {
		ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			abort();
		done += (size_t)w;
	}
}

/* Point stdout and stderr at the catching memfd (emptied). */
static void catch_output(void)
{
	fflush(stdout);
	fflush(stderr);
	if (ftruncate(catch_fd, 0) < 0 || lseek(catch_fd, 0, SEEK_SET) < 0 ||
	    dup2(catch_fd, 1) < 0 || dup2(catch_fd, 2) < 0)
		abort();
}

/* Give stdout and stderr back; fail, showing it, when anything was
 * printed meanwhile. */
static void release_output(void)
{
	off_t n;

	fflush(stdout);
	fflush(stderr);
	if (dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0)
		abort();
	n = lseek(catch_fd, 0, SEEK_END);
	if (n > 0) {
		char buf[512];
		ssize_t got = pread(catch_fd, buf, sizeof buf - 1, 0);

		buf[got > 0 ? got : 0] = '\0';
		fprintf(stderr, "config_load printed %lld bytes: %s\n", (long long)n, buf);
	}
	CHECK(n == 0);
}

/* A code of [office]: letters, digits and '-', not starting with '-',
 * at most 32. */
static int office_code_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && i > 0)))
			return 0;
	return i >= 1 && i <= 32;
}

/* A name: [a-z][a-z0-9_]*, at most 64. */
static int name_ok(const char *s)
{
	size_t i;

	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return i <= 64;
}

/* A group name: "" or [a-z_][a-z0-9_-]*, at most 32. */
static int group_ok(const char *s)
{
	size_t i;

	if (!s[0])
		return 1;
	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '_' || s[i] == '-'))
			return 0;
	return i <= 32;
}

/* Text without C0 controls or DEL, valid UTF-8. */
static int text_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return 0;
	return fuzz_valid_utf8(s, i);
}

/* A label: non-empty text. */
static int label_ok(const char *s)
{
	return s && s[0] && text_ok(s);
}

/* Every code of L a valid name, no code twice, every label a label. */
static void check_named_labels(const struct cfg_labels *l)
{
	size_t i, j;

	CHECK(l->n >= 1);
	for (i = 0; i < l->n; i++) {
		CHECK(name_ok(l->v[i].code));
		CHECK(label_ok(l->v[i].label));
		for (j = 0; j < i; j++)
			CHECK(strcmp(l->v[i].code, l->v[j].code) != 0);
	}
}

/* The keys: one list per action in the action table's order, each list
 * parses, each key formats and parses back to itself, and no key is
 * bound to two actions. */
static void check_keys(const struct config *cfg)
{
	struct keyspec *keys[ACT_COUNT];
	int n[ACT_COUNT];
	size_t i, j;
	int a, b;

	CHECK(cfg->keys.n == ACT_COUNT);
	for (i = 0; i < ACT_COUNT; i++) {
		CHECK(strcmp(cfg->keys.v[i].code, action_table[i].name) == 0);
		n[i] = key_parse_list(cfg->keys.v[i].label, &keys[i], NULL);
		CHECK(n[i] >= 0);
		for (a = 0; a < n[i]; a++) {
			struct keyspec k;
			char name[16];

			key_format(&keys[i][a], name, sizeof name);
			CHECK(key_parse(name, &k, NULL) == 0);
			CHECK(key_equal(&k, &keys[i][a]));
		}
	}
	for (i = 0; i < ACT_COUNT; i++)
		for (j = i + 1; j < ACT_COUNT; j++)
			for (a = 0; a < n[i]; a++)
				for (b = 0; b < n[j]; b++)
					CHECK(!key_equal(&keys[i][a], &keys[j][b]));
	for (i = 0; i < ACT_COUNT; i++)
		if (n[i] > 0)
			free(keys[i]);
}

/* Everything config.h promises of a configuration that loaded. */
static void check_config(const struct config *cfg, const char *path)
{
	static const char *const levels[] = { "region", "province", "district", "fund", "unit" };
	static const char *const sources[] = { "fund", "province", "region", "local" };
	size_t i, j;
	int k, found;

	CHECK(cfg->path && strcmp(cfg->path, path) == 0);

	CHECK(cfg->office_code && office_code_ok(cfg->office_code));
	CHECK(label_ok(cfg->office_name));
	CHECK(label_ok(cfg->office_short_name));
	for (k = 0, found = 0; k < 5; k++)
		found |= cfg->office_level && strcmp(cfg->office_level, levels[k]) == 0;
	CHECK(found);
	CHECK(cfg->office_parent);
	CHECK(!cfg->office_parent[0] || (office_code_ok(cfg->office_parent) &&
					 strcmp(cfg->office_parent, cfg->office_code) != 0));

	CHECK(cfg->db_path && text_ok(cfg->db_path));
	CHECK(cfg->db_shared_group && group_ok(cfg->db_shared_group));
	CHECK(cfg->db_wait >= 1 && cfg->db_wait <= 3600);

	CHECK(cfg->language == CFG_LANG_TH || cfg->language == CFG_LANG_EN);
	CHECK(cfg->calendar == CFG_CAL_BUDDHIST || cfg->calendar == CFG_CAL_GREGORIAN);
	CHECK(cfg->color == CFG_AUTO || cfg->color == CFG_ON || cfg->color == CFG_OFF);
	CHECK(cfg->line_drawing == CFG_LINES_AUTO || cfg->line_drawing == CFG_LINES_UNICODE ||
	      cfg->line_drawing == CFG_LINES_ASCII);
	CHECK(cfg->escdelay >= -1 && cfg->escdelay <= 10000);

	for (k = 0; k < LEVEL_COUNT; k++) {
		CHECK(label_ok(cfg->level_label[k]));
		CHECK(config_level_from_name(config_level_name((enum map_level)k)) == k);
	}

	check_named_labels(&cfg->key_activities);
	/* frames: "1".."N" in order */
	CHECK(cfg->support_frames.n >= 1 && cfg->support_frames.n <= 999);
	for (i = 0; i < cfg->support_frames.n; i++) {
		char want[16];

		snprintf(want, sizeof want, "%zu", i + 1);
		CHECK(strcmp(cfg->support_frames.v[i].code, want) == 0);
		CHECK(label_ok(cfg->support_frames.v[i].label));
	}
	CHECK(cfg->support_sources.n == 4);
	for (i = 0; i < 4; i++) {
		CHECK(strcmp(cfg->support_sources.v[i].code, sources[i]) == 0);
		CHECK(label_ok(cfg->support_sources.v[i].label));
		CHECK(config_label(&cfg->support_sources, sources[i]) ==
		      cfg->support_sources.v[i].label);
	}

	/* [rank]: four ascending percentages, a weight from 0 to 1 */
	CHECK(cfg->rank_thresholds[0] >= 0);
	for (k = 1; k < 4; k++)
		CHECK(cfg->rank_thresholds[k] > cfg->rank_thresholds[k - 1]);
	CHECK(cfg->rank_thresholds[3] <= 100);
	CHECK(cfg->partial_weight >= 0 && cfg->partial_weight <= 1);

	check_named_labels(&cfg->slm_columns);

	/* [aar]: at least one template, names unique, each with sections,
	 * and the default among them */
	CHECK(cfg->ntemplates >= 1);
	for (i = 0; i < cfg->ntemplates; i++) {
		CHECK(name_ok(cfg->templates[i].name));
		check_named_labels(&cfg->templates[i].sections);
		for (j = 0; j < i; j++)
			CHECK(strcmp(cfg->templates[i].name, cfg->templates[j].name) != 0);
		CHECK(config_template(cfg, cfg->templates[i].name) == &cfg->templates[i]);
	}
	CHECK(cfg->aar_default && config_template(cfg, cfg->aar_default) != NULL);

	check_keys(cfg);

	/* entries: complete, and "built-in" exactly when they have no line */
	CHECK(cfg->nentries > 0);
	for (i = 0; i < cfg->nentries; i++) {
		const struct cfg_entry *e = &cfg->entries[i];

		CHECK(e->section && e->key && e->value && e->origin);
		CHECK(fuzz_valid_utf8(e->value, strlen(e->value)));
		CHECK(e->line >= 0);
		if (e->line == 0)
			CHECK(strcmp(e->origin, "built-in") == 0);
		else
			CHECK(strcmp(e->origin, path) == 0);
	}
}

/* Load the input as an INI file, silently; on failure one line with the
 * path in it, on success a sane configuration; config_free both ways. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct rm_error err = { 0, "" };
	int rc;

	fd_fill(input_fd, data, size);
	memset(&cfg, 0xA5, sizeof cfg);
	catch_output();
	rc = config_load(&cfg, input_path, &err);
	release_output();
	CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		check_config(&cfg, input_path);
	} else {
		CHECK(err.msg[0] != '\0');
		CHECK(strchr(err.msg, '\n') == NULL);
		CHECK(strncmp(err.msg, input_path, strlen(input_path)) == 0);
		CHECK(err.status == RM_EXIT_USAGE || err.status == RM_EXIT_RUNTIME);
		/* "left empty": freeing it again is safe */
		CHECK(cfg.path == NULL && cfg.nentries == 0 && cfg.ntemplates == 0);
	}
	config_free(&cfg);
	config_free(&cfg);
	return 0;
}
