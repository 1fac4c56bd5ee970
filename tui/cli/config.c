/* config.c - `routemap config`: the effective configuration, each value
 * with where it came from. */
#include <stdio.h>
#include <string.h>

#include "routemap/cli.h"

/* Write VALUE so that an INI reader gives it back: quoted when it holds a
 * comment character, a quote or spaces at its edges. */
static void print_value(const char *v)
{
	size_t n = strlen(v);

	if (!strpbrk(v, ";#\"") && (n == 0 || (v[0] != ' ' && v[n - 1] != ' '))) {
		fputs(v, stdout);
		return;
	}
	putchar('"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			putchar('\\');
		putchar(*v);
	}
	putchar('"');
}

int cmd_config(struct cli *cli, int argc, char **argv)
{
	const char *section = NULL;
	size_t i;

	if (argc > 1) {
		if (cli_is_help(argv[1])) {
			fputs(_("usage: routemap config\n"
				"Print the effective configuration as INI text; the comment after each\n"
				"value says where it came from (built-in, or FILE:LINE).\n"), stdout);
			return 0;
		}
		return cli_usage("config", _("takes no arguments"));
	}
	/* The output is INI text: section and key names stay as they are, the
	 * comments are in the office's language. */
	fputs("; ", stdout);
	printf(_("office file: %s\n"), cli->config_path ? cli->config_path
	       : cli->demo ? _("(built-in demo office)") : _("(none: the built-in office)"));
	fputs("; ", stdout);
	printf(_("database: %s\n"), cli->db_path);
	for (i = 0; i < cli->cfg.nentries; i++) {
		const struct cfg_entry *e = &cli->cfg.entries[i];

		if (!section || strcmp(section, e->section) != 0) {
			printf("\n[%s]\n", e->section);
			section = e->section;
		}
		printf("%s = ", e->key);
		print_value(e->value);
		if (e->line > 0)
			printf("  ; %s:%d\n", e->origin, e->line);
		else
			printf("  ; %s\n", _("built-in"));
	}
	return 0;
}
