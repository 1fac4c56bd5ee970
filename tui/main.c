/* main.c - routemap's arguments: the office, the database, then one batch
 * command (tui/cli/) or, with none, the office at a glance. */
#include <getopt.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/cli.h"
#include "routemap/escape.h"
#include "routemap/text.h"
#include "routemap/ui.h"

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "init",   cmd_init,   N_("create or migrate the office database") },
	{ "import", cmd_import, N_("load CSV files: import DIR | import KIND FILE") },
	{ "export", cmd_export, N_("write records: export KIND [--format csv|md|txt] | export --dir DIR") },
	{ "list",   cmd_list,   N_("list plans|norms|assessments|aars") },
	{ "show",   cmd_show,   N_("show plan|assessment|norm CODE [--width N] [--version N]") },
	{ "diff",   cmd_diff,   N_("diff norm CODE V1 V2: what changed between two versions") },
	{ "report", cmd_report, N_("report NAME [filters] [--format txt|csv|md|xlsx] [--output FILE]") },
	{ "search", cmd_search, N_("search TEXT: find records holding TEXT") },
	{ "check",  cmd_check,  N_("integrity check, schema version, counts") },
	{ "bundle", cmd_bundle, N_("bundle create --to OFFICE FILE | apply FILE... | list: exchange with other offices") },
	{ "sync",   cmd_sync,   N_("sync USER@HOST[:OFFICE]: exchange bundles with another office over ssh") },
	{ "backup", cmd_backup, N_("backup FILE: a consistent copy, safe while others work") },
	{ "config", cmd_config, N_("print the effective configuration and where each value came from") },
	{ "conflicts", cmd_conflicts, N_("conflicts [--all] | conflicts show|keep|take N: records changed here and at another office") },
};

static void usage(FILE *out)
{
	size_t i;

	/* TRANSLATORS: keep the command lines, the option names and the
	 * words in capitals (FILE, CODE, COMMAND...); translate the rest. */
	fputs(_("usage: routemap [OPTIONS]                 open the office\n"
		"       routemap [OPTIONS] COMMAND [ARGS]  run one batch command\n"
		"       routemap --demo [COMMAND]          the demo office with sample data\n"
		"       routemap --help | --version\n\n"
		"options:\n"
		"  -c FILE      office INI file\n"
		"  -o CODE      office by code (CODE.ini in the office directories)\n"
		"  -d FILE      database file\n"
		"  -r           read-only: change nothing\n"
		"  --ascii      ASCII line drawing\n"
		"  --no-color   no colours\n"
		"  --demo       the built-in demo office\n\n"
		"commands:\n"), out);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-7s  %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n", _("'routemap COMMAND --help' tells more; see routemap(1)."));
}

/* $VAR or $HOME/FALLBACK, with "/routemap" and NAME appended (malloc'd). */
static char *xdg_path(const char *var, const char *fallback, const char *name)
{
	const char *base = getenv(var), *home = getenv("HOME");
	struct buf b = { 0 };

	if (base && *base == '/')
		buf_printf(&b, "%s/routemap/%s", base, name);
	else
		buf_printf(&b, "%s/%s/routemap/%s", home && *home ? home : ".", fallback, name);
	return buf_take(&b);
}

static int have_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* The INI file: -c, -o CODE, $ROUTEMAP_CONFIG, the XDG file, /etc; NULL
 * for the built-in office.  Returns 0 or 2 (usage error printed unless
 * QUIET). */
static int find_config(const char *opt_c, const char *opt_o, int quiet, char **path)
{
	const char *env = getenv("ROUTEMAP_CONFIG");
	char *p;

	*path = NULL;
	if (opt_c) {
		*path = strdup(opt_c);
		return 0;
	}
	if (opt_o) {
		struct buf name = { 0 }, etc = { 0 };
		int rc = 0;

		if (!*opt_o || strchr(opt_o, '/'))
			return quiet ? RM_EXIT_USAGE
				     : cli_usage("-o", _("\"%s\" is not an office code"), opt_o);
		buf_printf(&name, "%s.ini", opt_o);
		buf_printf(&etc, "/etc/routemap/%s", name.s ? name.s : "");
		p = xdg_path("XDG_CONFIG_HOME", ".config", name.s ? name.s : "");
		if (p && have_file(p)) {
			*path = p;
			p = NULL;
		} else if (etc.s && have_file(etc.s)) {
			*path = buf_take(&etc);
		} else {
			rc = quiet ? RM_EXIT_USAGE
				   : cli_usage("-o", _("no office file %s (looked for %s and %s)"), name.s,
					       p ? p : name.s, etc.s ? etc.s : name.s);
		}
		free(p);
		buf_free(&name);
		buf_free(&etc);
		return rc;
	}
	if (env && *env) {
		*path = strdup(env);
		return 0;
	}
	p = xdg_path("XDG_CONFIG_HOME", ".config", "routemap.ini");
	if (p && have_file(p)) {
		*path = p;
		return 0;
	}
	free(p);
	if (have_file("/etc/routemap/routemap.ini"))
		*path = strdup("/etc/routemap/routemap.ini");
	return 0;
}

/* --help, in the language of the office file when one is found and reads
 * well (else in the default language already set). */
static int help(int demo, const char *opt_c, const char *opt_o)
{
	struct rm_error err = { 0, "" };
	struct config cfg;
	char *path = NULL;

	if (!demo && find_config(opt_c, opt_o, 1, &path) == 0 && path &&
	    config_load(&cfg, path, &err) == 0) {
		if (cfg.language == CFG_LANG_EN)
			i18n_init("en");
		config_free(&cfg);
	}
	free(path);
	usage(stdout);
	return 0;
}

/* Open the office database and hand over to the screens, when they can
 * run here (nothing is opened when they cannot). */
static int run_screens(struct cli *cli, int no_color)
{
	struct rm_error err = { 0, "" };
	struct store st;
	char notice[512] = "";
	int rc;

	if (ui_check_terminal(&err) < 0 || cli_open(cli, &st, CLI_SCREENS, &err) < 0)
		return cli_report(&err);
	if (st.migrated_from >= 0)
		snprintf(notice, sizeof notice, _("the database was brought up to schema version %d "
						  "(it was %d)"), store_schema_version(&st),
			 st.migrated_from);
	rc = ui_run(&st, &cli->cfg, cli->ascii, no_color, notice[0] ? notice : NULL);
	store_close(&st);
	return rc;
}

/* The built-in demo office: the Khon Kaen provincial health office of the
 * sample data, over the built-in defaults. */
static int demo_config(struct config *cfg, struct rm_error *err)
{
	if (config_defaults(cfg, err) < 0)
		return -1;
	free(cfg->office_code);
	free(cfg->office_name);
	free(cfg->office_short_name);
	free(cfg->office_level);
	free(cfg->office_parent);
	cfg->office_code = strdup("KKN-PHO");
	cfg->office_name = strdup("สำนักงานสาธารณสุขจังหวัดขอนแก่น");
	cfg->office_short_name = strdup("สสจ.ขอนแก่น");
	cfg->office_level = strdup("province");
	cfg->office_parent = strdup("ODPC6");
	if (!cfg->office_code || !cfg->office_name || !cfg->office_short_name ||
	    !cfg->office_level || !cfg->office_parent)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return 0;
}

/* The database path: -d, [database] path (relative to the INI file's
 * directory, "~/" for the home directory), else
 * $XDG_DATA_HOME/routemap/CODE.db (demo.db for the demo office). */
static char *find_db(const struct cli *cli, const char *opt_d)
{
	const char *p = cli->cfg.db_path;
	struct buf b = { 0 };
	char *path;

	if (opt_d)
		return strdup(opt_d);
	if (p && *p) {
		const char *home = getenv("HOME");

		if (p[0] == '~' && p[1] == '/' && home)
			buf_printf(&b, "%s/%s", home, p + 2);
		else if (p[0] != '/' && cli->config_path && strrchr(cli->config_path, '/'))
			buf_printf(&b, "%.*s/%s",
				   (int)(strrchr(cli->config_path, '/') - cli->config_path),
				   cli->config_path, p);
		else
			buf_puts(&b, p);
		return buf_take(&b);
	}
	buf_printf(&b, "%s.db", cli->demo ? "demo" : cli->cfg.office_code);
	if (b.oom)
		return NULL;
	path = xdg_path("XDG_DATA_HOME", ".local/share", b.s);
	buf_free(&b);
	return path;
}

/* What the options ask before the office is known. */
struct options {
	const char *c, *o, *d;   /* -c FILE, -o CODE, -d DB; NULL when not given */
	int no_color;
};

/* Read the options before the command into OPT and CLI (-r, --demo,
 * --ascii), leaving optind at the command.  Returns -1 to go on, or the
 * status to exit with: after --help or --version, or a usage error. */
static int parse_options(int argc, char **argv, struct cli *cli, struct options *opt)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "demo", no_argument, NULL, 'D' },
		{ "ascii", no_argument, NULL, 'A' },
		{ "no-color", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	int ch, want_help = 0;

	opterr = 0;
	while (!want_help && (ch = getopt_long(argc, argv, "+:c:o:d:rhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
		case 'o':
		case 'd':
			if (!*optarg)
				return cli_usage(ch == 'c' ? "-c" : ch == 'o' ? "-o" : "-d",
						 _("needs a non-empty value; see routemap --help"));
			if (ch == 'c')
				opt->c = optarg;
			else if (ch == 'o')
				opt->o = optarg;
			else
				opt->d = optarg;
			break;
		case 'r': cli->readonly = 1; break;
		case 'D': cli->demo = 1; break;
		case 'A': cli->ascii = 1; break;
		case 'N': opt->no_color = 1; break;
		case 'h':
			want_help = 1;
			break;
		case 'V':
			printf("routemap %s\n", ROUTEMAP_VERSION);
			return 0;
		case ':':
			return cli_usage(argv[optind - 1], _("needs an argument; see routemap --help"));
		default:
			return cli_usage(argv[optind - 1], _("unknown option; see routemap --help"));
		}
	}
	if (want_help)
		return help(cli->demo, opt->c, opt->o);
	if (cli->demo && (opt->c || opt->o))
		return cli_usage("--demo", _("the demo office has its own configuration; drop -c/-o"));
	if (opt->c && opt->o)
		return cli_usage("-o", _("give either -c FILE or -o CODE"));
	return -1;
}

/* The office: its configuration (the demo's, the file found, or the
 * defaults) into cli->cfg, the language, era and line drawing it sets,
 * and the database path into cli->db_path.  Returns 0; -1 with ERR; or,
 * when the office file cannot be found, the status to exit with (the
 * message printed). */
static int set_up_office(struct cli *cli, const struct options *opt, struct rm_error *err)
{
	int rc;

	if (cli->demo) {
		rc = demo_config(&cli->cfg, err);
	} else {
		rc = find_config(opt->c, opt->o, 0, &cli->config_path);
		if (rc != 0)
			return rc;
		rc = cli->config_path ? config_load(&cli->cfg, cli->config_path, err)
				      : config_defaults(&cli->cfg, err);
	}
	if (rc < 0)
		return -1;
	if (cli->cfg.language == CFG_LANG_EN)
		i18n_init("en");
	text_calendar(cli->cfg.calendar == CFG_CAL_BUDDHIST);
	if (cli->cfg.line_drawing == CFG_LINES_ASCII)
		cli->ascii = 1;
	cli->db_path = find_db(cli, opt->d);
	if (!cli->db_path)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return 0;
}

/* Run the batch command at ARGV[optind] (none: the office at a glance)
 * with stdout escaped for the terminal.  Returns its exit status. */
static int run_command(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	FILE *esc;
	size_t i;
	int rc;

	/* Data never reaches the terminal unescaped: stdout becomes a stream
	 * that shows controls as ^[ and <U+202E> (export of CSV into a file
	 * writes to the stream underneath). */
	cli->raw_out = stdout;
	esc = escape_stream(stdout);
	if (esc)
		stdout = esc;
	rc = -1;
	if (optind >= argc) {
		/* no command and no terminal to draw the screens on: the office
		 * at a glance */
		rc = cmd_summary(cli);
	} else {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[optind], commands[i].name) == 0) {
				rc = commands[i].run(cli, argc - optind, argv + optind);
				break;
			}
	}
	if (esc) {
		stdout = cli->raw_out;
		if (fclose(esc) != 0 && rc == 0) {
			rm_fail(&err, RM_EXIT_RUNTIME, _("standard output: cannot write"));
			rc = cli_report(&err);
		}
	}
	if (rc == -1)
		rc = cli_usage(argv[optind], _("unknown command; expected one of init, import, export, "
			       "list, show, diff, report, search, check, bundle, sync, backup, config, conflicts"));
	return rc;
}

int main(int argc, char **argv)
{
	struct options opt = { NULL, NULL, NULL, 0 };
	struct cli cli;
	struct rm_error err = { 0, "" };
	int rc;

	setlocale(LC_ALL, "");
	/* Until the office file says otherwise (and when it cannot be read),
	 * messages are in the default language. */
	i18n_init("th");
#ifdef M_TRIM_THRESHOLD
	/* SQLite frees a statement journal after every statement of a large
	 * import; without this, glibc hands the memory back to the kernel
	 * each time and the import runs 2.5 times slower (make bench). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	memset(&cli, 0, sizeof cli);
	cli.prog = "routemap";
	rc = parse_options(argc, argv, &cli, &opt);
	if (rc >= 0)
		return rc;
	rc = set_up_office(&cli, &opt, &err);
	if (rc > 0)
		return rc;
	if (rc < 0)
		rc = cli_report(&err);
	else if (optind >= argc && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		rc = run_screens(&cli, opt.no_color);
	else
		rc = run_command(&cli, argc, argv);
	config_free(&cli.cfg);
	free(cli.config_path);
	free(cli.db_path);
	return rc;
}
