/* inikeys.c - the key table of the office INI file (tui/core/inikeys.c)
 * for the documentation:
 *
 *   inikeys roff              the key list of routemap.ini(5) (make man-ini)
 *   inikeys check MAN SAMPLE  0 when the man page and the sample office
 *                             file agree with the table; else 1, with one
 *                             line on stderr per disagreement (make lint-man)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/inikeys.h"

/* The whole of PATH, NUL-terminated and malloc'd, or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		char *p;

		cap = cap ? cap * 2 : 65536;
		p = realloc(buf, cap + 1);
		if (!p) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = p;
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (n == cap);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

int main(int argc, char **argv)
{
	char *man;
	int bad;

	if (argc == 2 && strcmp(argv[1], "roff") == 0) {
		ini_print_roff(stdout);
		return 0;
	}
	if (argc != 4 || strcmp(argv[1], "check") != 0) {
		fputs("usage: inikeys roff | inikeys check MAN SAMPLE\n", stderr);
		return 2;
	}
	man = slurp(argv[2]);
	if (!man) {
		fprintf(stderr, "inikeys: cannot read %s\n", argv[2]);
		return 1;
	}
	bad = ini_check_man(man, stderr);
	free(man);
	bad += ini_check_sample(argv[3], stderr);
	return bad ? 1 : 0;
}
