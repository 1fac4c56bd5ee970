/* norm.c - the commands about norm sets (ค่ากลาง): show norm CODE and
 * diff norm CODE V1 V2, as text, CSV or Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/cli.h"
#include "routemap/norm.h"
#include "routemap/table.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

enum format { FMT_TXT, FMT_CSV, FMT_MD };

/* The format named NAME into *F.  0, or the usage error's exit status
 * (COMMAND names the command). */
static int parse_format(const char *command, const char *name, enum format *f)
{
	if (strcmp(name, "txt") == 0)
		*f = FMT_TXT;
	else if (strcmp(name, "csv") == 0)
		*f = FMT_CSV;
	else if (strcmp(name, "md") == 0)
		*f = FMT_MD;
	else
		return cli_usage(command, _("--format %s: expected txt, csv or md"), name);
	return 0;
}

/* A version number typed as ARG (Thai digits too) into *V.  0, or the
 * usage error's exit status. */
static int parse_version(const char *command, const char *arg, int *v)
{
	long long n;

	if (text_parse_int(arg, &n) < 0 || n < 1 || n > 1000000)
		return cli_usage(command, _("\"%s\" is not a version number (1, 2, ...)"), arg);
	*v = (int)n;
	return 0;
}

/* WEIGHT as people write it: "1", "1.5". */
static void weight_text(double weight, char *out, size_t size)
{
	snprintf(out, size, "%g", weight);
}

/* Load versions VERSION[0..N-1] (0: the newest) of CODE into V[], from
 * one opening of the database.  0, or the exit status with the error
 * printed (nothing to free then). */
static int load(struct cli *cli, const char *code, const int *version, size_t n,
		struct norm_version *v)
{
	struct rm_error err = { 0, "" };
	struct store st;
	size_t i;
	int rc = 0;

	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	for (i = 0; i < n && rc == 0; i++)
		rc = norm_version_load(&st, &cli->cfg, code, version[i], &v[i], &err);
	store_close(&st);
	if (rc == 0)
		return 0;
	while (--i > 0)
		norm_version_free(&v[i - 1]);
	return cli_report(&err);
}

/* The head of V: code and title, version, issuing office, date, source. */
static void print_head_txt(const struct cli *cli, const struct norm_version *v, int width)
{
	struct buf b = { 0 };
	char date[64];

	cli_print_wrapped(v->code, v->title, width);
	buf_printf(&b, _("%d (versions: %s)"), v->version, v->versions);
	cli_print_wrapped(_("version:"), b.s, width);
	buf_free(&b);
	buf_printf(&b, "%s (%s)", v->office_name, v->office_code);
	cli_print_wrapped(_("issued by:"), b.s, width);
	buf_free(&b);
	text_format_stored_date(v->issued, cli->cfg.calendar == CFG_CAL_BUDDHIST, date, sizeof date);
	cli_print_wrapped(_("issued:"), date, width);
	cli_print_wrapped(_("source:"), v->source, width);
	if (v->levels)
		cli_print_wrapped(_("answered by:"), vocab_value("norm_set", "scale", "levels"), width);
	buf_printf(&b, "%zu", v->nitems);
	cli_print_wrapped(_("items:"), b.s, width);
	buf_free(&b);
}

static void show_txt(const struct cli *cli, const struct norm_version *v, int width)
{
	struct buf b = { 0 };
	size_t g, i;

	print_head_txt(cli, v, width);
	for (g = 0; g < v->ngroups; g++) {
		printf("\n%s\n", v->groups[g].label);
		for (i = 0; i < v->nitems; i++) {
			const struct norm_entry *it = &v->items[i];
			char w[32];

			if (it->group != g)
				continue;
			buf_printf(&b, "  %s", it->code);
			cli_print_wrapped(b.s, it->text, width);
			buf_free(&b);
			weight_text(it->weight, w, sizeof w);
			buf_printf(&b, _("weight %s"), w);
			if (it->evidence) {
				buf_puts(&b, " · ");
				buf_printf(&b, _("evidence: %s"), it->evidence);
			}
			cli_print_wrapped("     ", b.s, width);
			buf_free(&b);
		}
	}
}

/* The items as a table: CSV with the columns of norm_items.csv, or
 * Markdown under a head of the set, with Thai headings. */
static void show_table(const struct cli *cli, const struct norm_version *v, enum format f)
{
	static const char *const csv_head[] = { "set", "version", "group", "code", "text",
						"evidence", "weight" };
	const char *md_head[5] = { _("group"), _("code"), _("item"), _("weight"), _("evidence") };
	struct table t;
	char version[16], date[64];
	size_t i;

	snprintf(version, sizeof version, "%d", v->version);
	table_init(&t, f == FMT_CSV ? 7 : 5, f == FMT_CSV ? csv_head : md_head);
	t.right = f == FMT_CSV ? 0 : 1u << 3;
	for (i = 0; i < v->nitems; i++) {
		const struct norm_entry *it = &v->items[i];
		const struct norm_group_info *g = &v->groups[it->group];
		char w[32];
		const char *csv[7] = { v->code, version, g->code, it->code, it->text, it->evidence, w };
		const char *md[5] = { g->label, it->code, it->text, w, it->evidence };

		weight_text(it->weight, w, sizeof w);
		table_add(&t, f == FMT_CSV ? csv : md);
	}
	if (f == FMT_CSV) {
		table_print_csv(&t, stdout);
	} else {
		text_format_stored_date(v->issued, cli->cfg.calendar == CFG_CAL_BUDDHIST, date,
					sizeof date);
		printf("## %s %s\n\n", v->code, v->title);
		printf("- %s ", _("version:"));
		printf(_("%d (versions: %s)"), v->version, v->versions);
		printf("\n");
		printf("- %s %s (%s)\n", _("issued by:"), v->office_name, v->office_code);
		if (*date)
			printf("- %s %s\n", _("issued:"), date);
		if (v->source)
			printf("- %s %s\n", _("source:"), v->source);
		if (v->levels)
			printf("- %s %s\n", _("answered by:"),
			       vocab_value("norm_set", "scale", "levels"));
		printf("\n");
		table_print_md(&t, stdout);
	}
	table_free(&t);
}

int cli_show_norm(struct cli *cli, int argc, char **argv)
{
	const char *code = NULL, *width_arg = NULL;
	enum format f = FMT_TXT;
	struct norm_version v;
	int i, version = 0, width, rc;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(_("usage: routemap show norm CODE [--version N] [--format txt|csv|md] "
				"[--width N]\n"
				"A norm set (the newest version, or version N): who issued it, when and\n"
				"from what, and its items by key activity with weight and evidence.\n"),
			      stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0 && i + 1 < argc) {
			if ((rc = parse_version("show", argv[++i], &version)) != 0)
				return rc;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if ((rc = parse_format("show", argv[++i], &f)) != 0)
				return rc;
		} else if (strcmp(argv[i], "--width") == 0 && i + 1 < argc) {
			width_arg = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("show", _("%s: unknown option (or its value is missing)"), argv[i]);
		} else if (!code) {
			code = argv[i];
		} else {
			return cli_usage("show", _("%s: one record at a time"), argv[i]);
		}
	}
	if (!code)
		return cli_usage("show", _("expected norm CODE"));
	if (cli_width(width_arg, &width) != 0)
		return RM_EXIT_USAGE;
	if ((rc = load(cli, code, &version, 1, &v)) != 0)
		return rc;
	if (f == FMT_TXT)
		show_txt(cli, &v, width);
	else
		show_table(cli, &v, f);
	norm_version_free(&v);
	return 0;
}

/* ---- diff norm ---- */

/* The cells of one side of ITEM of V for the text and Markdown table:
 * all its fields, or (ONLY nonzero) just those FIELDS names. */
static void side_cells(const struct norm_version *v, const struct norm_entry *it,
		       unsigned only, unsigned fields, const char **cells, char *w, size_t wsize)
{
	weight_text(it->weight, w, wsize);
	cells[2] = !only || fields & NORM_FIELD_GROUP ? v->groups[it->group].label : NULL;
	cells[3] = !only || fields & NORM_FIELD_WEIGHT ? w : NULL;
	cells[4] = !only || fields & NORM_FIELD_TEXT ? it->text : NULL;
	cells[5] = !only || fields & NORM_FIELD_EVIDENCE ? (it->evidence ? it->evidence : "-")
						       : NULL;
}

/* The rows of D for people: an item added or removed on one row; a
 * changed one as it was, then "→" and what it became. */
static void diff_rows_people(const struct norm_version *a, const struct norm_version *b,
			     const struct norm_diff *d, struct table *t)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct norm_diff_row *r = &d->rows[i];
		const char *cells[6] = { NULL };
		char w[32];

		cells[1] = r->old ? r->old->code : r->new->code;
		if (r->change == NORM_ADDED) {
			cells[0] = _("added");
			side_cells(b, r->new, 0, 0, cells, w, sizeof w);
		} else {
			cells[0] = r->change == NORM_REMOVED ? _("removed") : _("changed");
			side_cells(a, r->old, 0, 0, cells, w, sizeof w);
		}
		table_add(t, cells);
		if (r->change == NORM_CHANGED) {
			const char *next[6] = { "  →", NULL, NULL, NULL, NULL, NULL };

			side_cells(b, r->new, 1, r->fields, next, w, sizeof w);
			table_add(t, next);
		}
	}
}

/* The rows of D as data: one per item, both sides whole, group codes. */
static void diff_rows_csv(const struct norm_version *a, const struct norm_version *b,
			  const struct norm_diff *d, struct table *t)
{
	static const char *const change[] = { "added", "removed", "changed" };
	static const char *const field[] = { "text", "weight", "group", "evidence" };
	size_t i, k;

	for (i = 0; i < d->n; i++) {
		const struct norm_diff_row *r = &d->rows[i];
		const struct norm_entry *o = r->old, *n = r->new;
		char ow[32] = "", nw[32] = "", fields[64] = "";
		const char *cells[11];

		if (o)
			weight_text(o->weight, ow, sizeof ow);
		if (n)
			weight_text(n->weight, nw, sizeof nw);
		for (k = 0; k < 4; k++)
			if (r->fields & (1u << k))
				snprintf(fields + strlen(fields), sizeof fields - strlen(fields), "%s%s",
					 *fields ? ";" : "", field[k]);
		cells[0] = change[r->change];
		cells[1] = o ? o->code : n->code;
		cells[2] = fields;
		cells[3] = o ? a->groups[o->group].code : NULL;
		cells[4] = n ? b->groups[n->group].code : NULL;
		cells[5] = o ? ow : NULL;
		cells[6] = n ? nw : NULL;
		cells[7] = o ? o->text : NULL;
		cells[8] = n ? n->text : NULL;
		cells[9] = o ? o->evidence : NULL;
		cells[10] = n ? n->evidence : NULL;
		table_add(t, cells);
	}
}

static void print_diff(const struct norm_version *a, const struct norm_version *b,
		       const struct norm_diff *d, enum format f)
{
	static const char *const csv_head[] = { "change", "code", "fields", "old_group",
		"new_group", "old_weight", "new_weight", "old_text", "new_text", "old_evidence",
		"new_evidence" };
	const char *head[6] = { _("change"), _("code"), _("group"), _("weight"), _("item"),
				_("evidence") };
	struct table t;

	table_init(&t, f == FMT_CSV ? 11 : 6, f == FMT_CSV ? csv_head : head);
	if (f == FMT_CSV) {
		diff_rows_csv(a, b, d, &t);
		table_print_csv(&t, stdout);
		table_free(&t);
		return;
	}
	t.right = 1u << 3;
	diff_rows_people(a, b, d, &t);
	printf(f == FMT_MD ? "## %s %s\n\n" : "%s %s\n", a->code, a->title);
	printf(_("version %d → version %d: %d added, %d removed, %d changed, %d unchanged\n"),
	       a->version, b->version, d->added, d->removed, d->changed, d->unchanged);
	if (d->n) {
		printf("\n");
		if (f == FMT_MD)
			table_print_md(&t, stdout);
		else
			table_print_txt(&t, stdout, 1);
	}
	table_free(&t);
}

int cmd_diff(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	const char *args[4] = { NULL };
	enum format f = FMT_TXT;
	struct norm_version ab[2];
	struct norm_diff d;
	int i, n = 0, v[2], rc;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(_("usage: routemap diff norm CODE V1 V2 [--format txt|csv|md]\n"
				"What changed in norm set CODE from version V1 to version V2, item by\n"
				"item code: added, removed, changed (text, weight, group, evidence);\n"
				"the unchanged are counted.\n"), stdout);
			return 0;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if ((rc = parse_format("diff", argv[++i], &f)) != 0)
				return rc;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("diff", _("%s: unknown option (or its value is missing)"), argv[i]);
		} else if (n < 4) {
			args[n++] = argv[i];
		} else {
			return cli_usage("diff", _("%s: expected norm CODE V1 V2"), argv[i]);
		}
	}
	if (n != 4 || strcmp(args[0], "norm") != 0)
		return cli_usage("diff", _("expected norm CODE V1 V2"));
	if ((rc = parse_version("diff", args[2], &v[0])) != 0 ||
	    (rc = parse_version("diff", args[3], &v[1])) != 0)
		return rc;
	if ((rc = load(cli, args[1], v, 2, ab)) != 0)
		return rc;
	rc = norm_diff(&ab[0], &ab[1], &d, &err);
	if (rc == 0) {
		print_diff(&ab[0], &ab[1], &d, f);
		norm_diff_free(&d);
	}
	norm_version_free(&ab[0]);
	norm_version_free(&ab[1]);
	return rc < 0 ? cli_report(&err) : 0;
}
