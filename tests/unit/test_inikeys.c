/* test_inikeys.c - the INI key table (inikeys.h): its rows are sound, its
 * defaults load, and the checks of make lint-man agree with the man page
 * and the sample file as committed, and fail when the man page loses a
 * key or the sample a default.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "routemap/inikeys.h"

#define MAN "man/routemap.ini.5"
#define SAMPLE "config/routemap.ini"

/* Every row names a section of the table; an enum's default is one of its
 * words; a pattern is written in capitals; every row has help. */
static void test_rows_sound(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < ini_nkeys; i++) {
		const struct ini_key *k = &ini_keys[i];
		int found = 0;

		for (j = 0; j < ini_nsections; j++) {
			const char *s = ini_sections[j].name;

			if ((ini_sections[j].flags & INI_SEC_PREFIX) ?
			    strncmp(k->section, s, strlen(s)) == 0 : strcmp(k->section, s) == 0)
				found = 1;
		}
		assert_true(found);
		assert_non_null(k->help);
		if (k->type == INI_ENUM) {
			int ok = 0;

			assert_non_null(k->words);
			for (j = 0; k->words[j]; j++)
				ok |= strcmp(k->words[j], k->def) == 0;
			assert_true(ok);
		}
		if (k->flags & INI_PATTERN)
			assert_true(strpbrk(k->key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL);
		else
			assert_ptr_equal(ini_key_find(k->section, k->key), k);
	}
	assert_null(ini_key_find("ui", "nope"));
	assert_non_null(ini_section_find("template.ward"));
	assert_null(ini_section_find("templates"));
}

/* The table's defaults pass the table's own checks. */
static void test_defaults_load(void **state)
{
	struct config cfg;
	struct rm_error err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(config_defaults(&cfg, &err), 0);
	assert_int_equal(cfg.db_wait, 60);
	assert_int_equal(cfg.escdelay, -1);
	assert_string_equal(cfg.office_level, "unit");
	assert_string_equal(config_label(&cfg.support_sources, "local"), "อปท.");
	config_free(&cfg);
}

static void test_man_agrees(void **state)
{
	char *man = fixture_read_file(MAN, NULL);
	FILE *null = fopen("/dev/null", "w");

	(void)state;
	assert_int_equal(ini_check_man(man, null), 0);
	fclose(null);
	free(man);
}

/* A key taken out of the prose, or a line out of the generated list, or a
 * section heading renamed, or a kind of value left undefined: the check
 * fails. */
static void test_man_missing_key_fails(void **state)
{
	char *man = fixture_read_file(MAN, NULL), *p;
	FILE *null = fopen("/dev/null", "w");

	(void)state;
	p = strstr(man, "\n.B partial_weight\n");
	assert_non_null(p);
	memcpy(p + 1, ".B partial_weigh", 16);    /* "…weigh\n" then "t" lost */
	p[17] = '\n';
	assert_true(ini_check_man(man, null) > 0);
	free(man);

	man = fixture_read_file(MAN, NULL);
	p = strstr(man, "\n.B \"[ui] escdelay\"\n");
	assert_non_null(p);
	p[1] = '\\';     /* the generated list no longer matches the table */
	assert_true(ini_check_man(man, null) > 0);
	free(man);

	man = fixture_read_file(MAN, NULL);
	p = strstr(man, "\n.SS [rank]\n");
	assert_non_null(p);
	memcpy(p + 6, "rang", 4);
	assert_true(ini_check_man(man, null) > 0);
	free(man);

	/* A kind of value the table uses ([database] shared_group is a group)
	 * no longer defined under Kinds of values. */
	man = fixture_read_file(MAN, NULL);
	p = strstr(man, "\n.TP\n.I group\n");
	assert_non_null(p);
	p[8] = 'G';
	assert_int_equal(ini_check_man(man, null), 1);
	free(man);
	fclose(null);
}

static void test_sample_agrees(void **state)
{
	FILE *null = fopen("/dev/null", "w");

	(void)state;
	assert_int_equal(ini_check_sample(SAMPLE, null), 0);
	fclose(null);
}

/* A sample that shows another value than the default, or lacks a key. */
static void test_sample_disagreeing_fails(void **state)
{
	char path[] = "/tmp/routemap-test-inikeys-XXXXXX";
	char *text = fixture_read_file(SAMPLE, NULL), *p;
	FILE *null = fopen("/dev/null", "w"), *f;
	int fd;

	(void)state;
	p = strstr(text, "\npartial_weight = 0.5\n");
	assert_non_null(p);
	p[sizeof "\npartial_weight = 0." - 1] = '4';
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	assert_true(ini_check_sample(path, null) > 0);

	free(text);
	text = fixture_read_file(SAMPLE, NULL);
	p = strstr(text, "\n; wait = 60\n");
	assert_non_null(p);
	memcpy(p + 1, ";;;;;;;;;;;", 11);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	assert_true(ini_check_sample(path, null) > 0);
	unlink(path);
	free(text);
	fclose(null);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_sound),
		cmocka_unit_test(test_defaults_load),
		cmocka_unit_test(test_man_agrees),
		cmocka_unit_test(test_man_missing_key_fails),
		cmocka_unit_test(test_sample_agrees),
		cmocka_unit_test(test_sample_disagreeing_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
