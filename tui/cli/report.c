/* report.c - routemap report NAME [filters] [--format ...] [--output FILE]:
 * the reports across units (report.h), and the coverage of one
 * assessment per group (report coverage ASSESSMENT). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/cli.h"
#include "routemap/domain.h"
#include "routemap/files.h"
#include "routemap/lookup.h"
#include "routemap/report.h"
#include "routemap/table.h"
#include "routemap/text.h"

enum fmt { F_TXT, F_CSV, F_MD, F_XLSX };

/* What the command line asked. */
struct report_args {
	const struct report_def *def;
	struct report_filter f;
	const char *assessment;   /* coverage of one assessment */
	const char *output;       /* --output FILE */
	const char *width;        /* --width N */
	enum fmt format;
	unsigned given;           /* the REPORT_* filters typed */
};

/* Add the coverage rows of assessment CODE to T. */
static int coverage_rows(struct cli *cli, struct store *st, const char *code, int csv,
			 struct table *t, struct rm_error *err)
{
	struct assessment a;
	size_t g;

	if (assessment_load(st, &cli->cfg, code, &a, err) < 0)
		return -1;
	for (g = 0; g <= a.ngroups; g++) {
		size_t which = g < a.ngroups ? g : (size_t)-1;
		struct coverage c = assessment_coverage(&a, &cli->cfg, which);
		char items[16], answered[16], pct[32], rank[16];
		const char *cells[6];

		snprintf(items, sizeof items, "%d", c.items);
		snprintf(answered, sizeof answered, "%d", c.answered);
		if (c.has_percent) {
			snprintf(pct, sizeof pct, "%.1f", c.percent);
			snprintf(rank, sizeof rank, "%d", c.rank);
		} else {
			pct[0] = rank[0] = '\0';
		}
		cells[0] = a.code;
		if (which == (size_t)-1)
			cells[1] = "*";
		else
			cells[1] = csv ? a.groups[g].code : a.groups[g].label;
		cells[2] = items;
		cells[3] = answered;
		cells[4] = pct;
		cells[5] = rank;
		table_add(t, cells);
	}
	assessment_free(&a);
	return 0;
}

/* report coverage ASSESSMENT: coverage and rank per group and overall. */
static int one_assessment(struct cli *cli, const char *code, int csv)
{
	/* The CSV heads are a data format: never translated. */
	static const char *const head[] = { N_("assessment"), N_("group"), N_("items"),
					    N_("answered"), N_("coverage"), N_("rank") };
	const char *h[6];
	struct rm_error err = { 0, "" };
	struct store st;
	struct table t;
	int rc, i;

	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	for (i = 0; i < 6; i++)
		h[i] = csv ? head[i] : _(head[i]);
	table_init(&t, 6, h);
	t.right = 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5;
	rc = coverage_rows(cli, &st, code, csv, &t, &err);
	store_close(&st);
	if (rc == 0) {
		if (csv)
			table_print_csv(&t, stdout);
		else
			table_print_txt(&t, stdout, 1);
	}
	table_free(&t);
	return rc < 0 ? cli_report(&err) : 0;
}

static void usage(void)
{
	size_t n, i;
	const struct report_def *defs = report_defs(&n);

	fputs(_("usage: routemap report NAME [--office CODE] [--set CODE[:VERSION]] [--fy YEAR]\n"
		"                       [--from DATE] [--to DATE] [--rank N]\n"
		"                       [--format txt|csv|md|xlsx]\n"
		"                       [--output FILE] [--width N]\n"
		"       routemap report coverage ASSESSMENT [--format csv|txt]\n"
		"The reports:\n"), stdout);
	for (i = 0; i < n; i++)
		printf("  %-11s %s\n", defs[i].name, _(defs[i].title));
}

/* The value of option OPT at ARGV[*I + 1], or NULL (said: exit 2). */
static const char *value_of(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		cli_usage("report", _("%s: expected a value after it"), argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

/* One filter option OPT with its VALUE into A.  0, or the exit status. */
static int filter_option(struct report_args *a, const char *opt, const char *value)
{
	struct text_date d;
	long long n;

	if (strcmp(opt, "--office") == 0) {
		a->f.office = value;
		a->given |= REPORT_OFFICE;
	} else if (strcmp(opt, "--set") == 0) {
		char *colon = strrchr(value, ':');

		a->f.set = value;
		a->given |= REPORT_SET;
		if (colon) {
			*colon = '\0';
			if (text_parse_int(colon + 1, &n) < 0 || n < 1 || n > 100000)
				return cli_usage("--set", _("\"%s\": expected a version number after the colon"),
						 colon + 1);
			a->f.version = (int)n;
		}
		if (!*value)
			return cli_usage("--set", _("expected a norm set's code"));
	} else if (strcmp(opt, "--fy") == 0) {
		if (text_parse_int(value, &n) < 0 || n < 2400 || n > 2800)
			return cli_usage("--fy", _("\"%s\": expected a fiscal year of the Buddhist Era, "
						   "such as 2569"), value);
		a->f.fy = (int)n;
		a->given |= REPORT_FY;
	} else if (strcmp(opt, "--rank") == 0) {
		if (text_parse_int(value, &n) < 0 || n < 1 || n > 5)
			return cli_usage("--rank", _("\"%s\": expected a rank from 1 to 5"), value);
		a->f.min_rank = (int)n;
		a->given |= REPORT_RANK;
	} else {
		if (text_parse_date(value, &d) < 0)
			return cli_usage(opt, _("\"%s\" is not a date: %s"), value, text_date_forms());
		text_format_iso(&d, strcmp(opt, "--from") == 0 ? a->f.from : a->f.to, 11);
		a->given |= REPORT_DAYS;
	}
	return 0;
}

static int parse_format(struct report_args *a, const char *f)
{
	static const char *const names[] = { "txt", "csv", "md", "xlsx" };
	int k;

	for (k = 0; k < 4; k++)
		if (strcmp(f, names[k]) == 0) {
			a->format = (enum fmt)k;
			return 0;
		}
	return cli_usage("--format", _("%s: expected txt, csv, md or xlsx"), f);
}

/* The command line into A.  0, or the exit status (-1: help was shown). */
static int parse(int argc, char **argv, struct report_args *a)
{
	static const char *const filters[] = { "--office", "--set", "--fy", "--from", "--to",
					       "--rank" };
	enum { NFILTERS = sizeof filters / sizeof filters[0] };
	int i, k, rc;

	for (i = 1; i < argc; i++) {
		const char *v;

		if (cli_is_help(argv[i])) {
			usage();
			return -1;
		}
		for (k = 0; k < NFILTERS && strcmp(argv[i], filters[k]); k++)
			;
		if (k < NFILTERS || !strcmp(argv[i], "--format") || !strcmp(argv[i], "--output") ||
		    !strcmp(argv[i], "--width")) {
			if (!(v = value_of(argc, argv, &i)))
				return RM_EXIT_USAGE;
			if (k < NFILTERS)
				rc = filter_option(a, argv[i - 1], v);
			else if (!strcmp(argv[i - 1], "--format"))
				rc = parse_format(a, v);
			else if (!strcmp(argv[i - 1], "--output"))
				a->output = v, rc = 0;
			else
				a->width = v, rc = 0;
			if (rc)
				return rc;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("report", _("%s: unknown option"), argv[i]);
		} else if (!a->def) {
			if (!(a->def = report_find(argv[i])))
				return cli_usage("report", _("\"%s\": no such report; see routemap report --help"),
						 argv[i]);
		} else if (strcmp(a->def->name, "coverage") == 0 && !a->assessment) {
			a->assessment = argv[i];
		} else {
			return cli_usage("report", _("%s: one report at a time"), argv[i]);
		}
	}
	if (!a->def)
		return cli_usage("report", _("expected a report's name; see routemap report --help"));
	return 0;
}

/* What the parsed arguments A may not ask together.  0, or exit status. */
static int check_args(const struct report_args *a)
{
	/* by their bits: REPORT_OFFICE, _SET, _FY, _DAYS, _RANK */
	static const char *const names[] = { "--office", "--set", "--fy", "--from/--to", "--rank" };
	unsigned k;
	struct stat sb;

	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (a->given & (1u << k) & ~a->def->takes)
			return cli_usage("report", _("the report %s does not take %s"), a->def->name,
					 names[k]);
	if (a->assessment && (a->given || a->output || (a->format != F_TXT && a->format != F_CSV)))
		return cli_usage("report", _("the coverage of one assessment takes only --format csv or txt"));
	if (a->f.from[0] && a->f.to[0] && strcmp(a->f.from, a->f.to) > 0)
		return cli_usage("--to", _("it is before --from; the span would hold no day"));
	if (a->output && (!*a->output || a->output[strlen(a->output) - 1] == '/' ||
			  (stat(a->output, &sb) == 0 && !S_ISREG(sb.st_mode))))
		return cli_usage("--output", _("\"%s\": expected the name of a file to write"), a->output);
	if (a->format == F_XLSX && !a->output && isatty(STDOUT_FILENO))
		return cli_usage("--format", _("a workbook is no text for a terminal: give --output FILE "
					       "or send it into a file"));
	return 0;
}

/* Write R in A's format to the new file at TMP (descriptor FD). */
static int write_to(struct cli *cli, const struct report_args *a, const struct report *r,
		    int width, int fd, const char *tmp, struct rm_error *err)
{
	FILE *out;

	if (a->format == F_XLSX)
		return report_write_xlsx(r, tmp, err);
	out = fdopen(dup(fd), "w");
	if (!out)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", tmp, rm_strerror(errno));
	if (a->format == F_CSV)
		report_write_csv(r, out);
	else if (a->format == F_MD)
		report_write_md(r, out);
	else
		report_write_txt(r, out, width, cli->ascii);
	if (fclose(out) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", tmp, rm_strerror(errno));
	return 0;
}

/* Copy the file PATH to OUT (a workbook into a pipe). */
static int copy_out(const char *path, FILE *out, struct rm_error *err)
{
	FILE *in = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (!in)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	fclose(in);
	if (fflush(out) != 0 || ferror(out))
		return rm_fail(err, RM_EXIT_RUNTIME, _("standard output: cannot write"));
	return 0;
}

/* R into the file TARGET, whole or not at all: a temporary file beside it,
 * renamed over it once written; a workbook for a pipe goes through a
 * temporary file too.  0, or -1 with ERR. */
static int write_file(struct cli *cli, const struct report_args *a, const struct report *r,
		      const char *target, int width, struct rm_error *err)
{
	mode_t mask = umask(0);
	struct file_share sh = { (gid_t)-1, 0666 & ~mask };
	char *tmp = NULL;
	int fd, rc;

	umask(mask);
	fd = file_temp_beside(target, &sh, &tmp, err);
	if (fd < 0)
		return -1;
	rc = write_to(cli, a, r, width, fd, tmp, err);
	if (rc == 0 && !a->output)
		rc = copy_out(tmp, cli->raw_out, err);
	if (rc == 0 && a->output) {
		rc = file_commit(fd, tmp, target, 1, err);
	} else {
		close(fd);
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	struct report_args a;
	struct rm_error err = { 0, "" };
	struct text_date today;
	struct report r;
	struct store st;
	int rc, width;

	memset(&a, 0, sizeof a);
	rc = parse(argc, argv, &a);
	if (rc)
		return rc < 0 ? 0 : rc;
	if ((rc = check_args(&a)) != 0)
		return rc;
	if (a.assessment)
		return one_assessment(cli, a.assessment, a.format == F_CSV);
	if ((rc = cli_line_width(a.width, &width)) != 0)
		return rc;
	text_today(&today);
	text_format_iso(&today, a.f.today, sizeof a.f.today);
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	rc = report_run(&st, &cli->cfg, a.def, &a.f, &r, &err);
	store_close(&st);
	if (rc < 0)
		return cli_report(&err);
	if (a.output || a.format == F_XLSX) {
		/* a workbook for a pipe is made in the temporary directory */
		const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		char *tmp = a.output ? NULL : malloc(strlen(dir) + 32);

		if (!a.output && !tmp)
			rc = rm_oom(&err);
		else {
			if (tmp)
				sprintf(tmp, "%s/routemap-report.xlsx", dir);
			rc = write_file(cli, &a, &r, a.output ? a.output : tmp, 0, &err);
		}
		free(tmp);
	} else {
		/* CSV into a file or a pipe is data, written as it is */
		FILE *out = a.format == F_CSV && !isatty(fileno(cli->raw_out)) ? cli->raw_out : stdout;

		if (a.format == F_CSV)
			report_write_csv(&r, out);
		else if (a.format == F_MD)
			report_write_md(&r, out);
		else
			report_write_txt(&r, out, width, cli->ascii);
		if (fflush(out) != 0 || ferror(out))
			rc = rm_fail(&err, RM_EXIT_RUNTIME, _("standard output: cannot write"));
	}
	report_free(&r);
	return rc < 0 ? cli_report(&err) : 0;
}
