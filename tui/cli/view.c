/* view.c - the commands that show records: list, show, report, search,
 * and the office at a glance. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/cli.h"
#include "routemap/domain.h"
#include "routemap/lookup.h"
#include "routemap/map.h"
#include "routemap/table.h"
#include "routemap/text.h"
#include "routemap/transfer.h"
#include "routemap/vocab.h"

/* ISO date ISO as the office reads it ("20 ม.ค. 2569"); "" stays "". */
static void show_date(const struct cli *cli, const char *iso, char *out, size_t size)
{
	text_format_stored_date(iso, cli->cfg.calendar == CFG_CAL_BUDDHIST, out, size);
}

/* A bar of WIDTH cells filled to PERCENT. */
static void coverage_bar(const struct cli *cli, double percent, int width, struct buf *b)
{
	int filled = (int)(percent * width / 100.0 + 0.5), i;

	for (i = 0; i < width; i++)
		buf_puts(b, i < filled ? (cli->ascii ? "#" : "█") : (cli->ascii ? "." : "░"));
}

static void percent_text(const struct coverage *c, char *out, size_t size)
{
	if (c->has_percent)
		snprintf(out, size, "%.1f", c->percent);
	else
		snprintf(out, size, "-");
}

/* The column heads HEAD (N_() marked) as the office reads them, into
 * OUT. */
static const char *const *heads(const char *const *head, size_t n, const char **out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = _(head[i]);
	return out;
}

/* Cells of one row of a streamed list: at most 8, texts in BUF. */
struct list_cells {
	const char *cell[8];
	char buf[8][256];
};

/* Print the list PG pages through as one aligned table under HEAD (NCOLS
 * columns, RIGHT a bit per right-aligned one): a first pass measures the
 * columns, a second prints, both in one read transaction, a page at a
 * time, so memory stays that of a page whatever the list's length.  CELLS
 * turns a row into its cells; the line is fitted to TOTAL columns as SPEC
 * says (fit_line).  0, or -1 with ERR. */
/* Fit the measured WIDTH of NCOLS columns into TOTAL columns (0: no
 * limit) as SPEC says: its MIN (0 never cut, -1 the heading's width of
 * HEAD) and DROP for each column.  A column left out gets -1. */
static void fit_line(int *width, size_t ncols, const char *const *head,
		     const struct table_col *spec, int total)
{
	struct table_col c[8];
	size_t i;

	if (total <= 0 || ncols > 8)
		return;
	for (i = 0; i < ncols; i++) {
		c[i] = spec[i];
		c[i].want = width[i];
		if (c[i].min < 0)
			c[i].min = text_width(head[i]);
	}
	table_fit(c, ncols, total, 2);
	for (i = 0; i < ncols; i++)
		width[i] = c[i].width;
}

static int print_paged(struct cli *cli, struct store *st, struct pager *pg,
		       const char *const *head, size_t ncols, unsigned right,
		       void (*cells)(struct cli *cli, const void *row, struct list_cells *out),
		       const struct table_col *spec, int total, struct rm_error *err)
{
	enum { PAGE = 512 };
	struct list_cells *c = malloc(sizeof *c);
	int width[8] = { 0 }, pass, rc = -1;
	int in_txn = store_read_begin(st);

	if (!c) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		goto out;
	}
	table_txt_measure(head, ncols, width);
	for (pass = 0; pass < 2; pass++) {
		if (pass) {
			fit_line(width, ncols, head, spec, total);
			table_txt_row_cut(stdout, head, ncols, width, right, cli->ascii);
		}
		if (pager_first(pg, PAGE, err) < 0)
			goto out;
		for (;;) {
			size_t i;

			for (i = 0; i < pg->n; i++) {
				cells(cli, pager_row(pg, i), c);
				if (pass)
					table_txt_row_cut(stdout, c->cell, ncols, width, right, cli->ascii);
				else
					table_txt_measure(c->cell, ncols, width);
			}
			if (pg->at_end)
				break;
			pager_drop_front(pg, pg->n - 1);   /* the last row: the key */
			if (pager_forward(pg, PAGE, err) < 0)
				goto out;
			pager_drop_front(pg, 1);
		}
	}
	rc = 0;
out:
	store_read_end(st, in_txn);
	pager_clear(pg);
	free(c);
	return rc;
}

static void plan_cells(struct cli *cli, const void *row, struct list_cells *c)
{
	const struct plan_row *r = row;

	(void)cli;
	snprintf(c->buf[0], sizeof c->buf[0], "%d–%d", r->fy_from, r->fy_to);
	c->cell[0] = r->code;
	c->cell[1] = r->office;
	c->cell[2] = c->buf[0];
	c->cell[3] = r->title;
	c->cell[4] = r->serves;
	c->cell[5] = r->served_by;
}

static int list_plans(struct cli *cli, struct store *st, int total, struct rm_error *err)
{
	static const char *const head[] = { N_("code"), N_("office"), N_("fiscal years"),
					    N_("title"), N_("serves"), N_("served by") };
	/* codes whole; the title gives way to 20; the plans that serve it go
	 * first, then the one it serves; the office's name gives way last */
	static const struct table_col spec[] = {
		{ 0, 0, 0, 0, 0 }, { 0, -1, 0, 0, 1 }, { 0, 0, 0, 0, 0 },
		{ 0, 20, 0, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0, 0, 2, 0, 0 },
	};
	const char *h[6];
	struct pager pg;

	plan_pager(&pg, st);
	return print_paged(cli, st, &pg, heads(head, 6, h), 6, 0, plan_cells, spec, total, err);
}

static int list_norms(struct cli *cli, struct store *st, int total, struct rm_error *err)
{
	static const char *const head[] = { N_("code"), N_("version"), N_("office"), N_("items"),
					    N_("issued"), N_("title") };
	/* the title gives way to 20; then the date goes; the office last */
	static const struct table_col spec[] = {
		{ 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0 }, { 0, -1, 0, 0, 1 },
		{ 0, 0, 0, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0, 20, 0, 0, 0 },
	};
	const char *h[6];
	struct norm_row *rows;
	struct table t;
	int width[6] = { 0 };
	size_t n, i;

	if (norm_list(st, &rows, &n, err) < 0)
		return -1;
	table_init(&t, 6, heads(head, 6, h));
	t.right = 1u << 1 | 1u << 3;
	for (i = 0; i < n; i++) {
		char version[16], items[16], date[64];
		const char *cells[6];

		snprintf(version, sizeof version, "%d", rows[i].version);
		snprintf(items, sizeof items, "%d", rows[i].items);
		show_date(cli, rows[i].issued, date, sizeof date);
		cells[0] = rows[i].code;
		cells[1] = version;
		cells[2] = rows[i].office;
		cells[3] = items;
		cells[4] = date;
		cells[5] = rows[i].title;
		table_add(&t, cells);
	}
	for (i = 0; i < t.nrows; i++)
		table_txt_measure((const char *const *)&t.cells[i * 6], 6, width);
	fit_line(width, 6, h, spec, total);
	for (i = 0; i < t.nrows; i++)
		table_txt_row_cut(stdout, (const char *const *)&t.cells[i * 6], 6, width, t.right,
				  cli->ascii);
	table_free(&t);
	norm_list_free(rows, n);
	return 0;
}

static void assessment_cells(struct cli *cli, const void *row, struct list_cells *c)
{
	const struct assessment_row *r = row;
	const struct coverage *cov = &r->coverage;

	snprintf(c->buf[0], sizeof c->buf[0], "%s v%d", r->set_code, r->version);
	show_date(cli, r->assessed_on, c->buf[1], sizeof c->buf[1]);
	percent_text(cov, c->buf[2], sizeof c->buf[2]);
	snprintf(c->buf[3], sizeof c->buf[3], "%d", cov->rank);
	snprintf(c->buf[4], sizeof c->buf[4], "%d", cov->items - cov->answered);
	c->cell[0] = r->code;
	c->cell[1] = r->unit;
	c->cell[2] = c->buf[0];
	c->cell[3] = r->project;
	c->cell[4] = c->buf[1];
	c->cell[5] = c->buf[2];
	c->cell[6] = cov->has_percent ? c->buf[3] : "-";
	c->cell[7] = c->buf[4];
}

static int list_assessments(struct cli *cli, struct store *st, int total,
			    const struct day_span *days, struct rm_error *err)
{
	static const char *const head[] = { N_("code"), N_("unit"), N_("norm set"), N_("project"),
					    N_("assessed"), N_("coverage"), N_("rank"),
					    N_("unanswered") };
	/* the project goes first, then the date, the unanswered count and the
	 * rank; a unit's name gives way (to its heading) only after them */
	static const struct table_col spec[] = {
		{ 0, 0, 0, 0, 0 }, { 0, -1, 0, 0, 1 }, { 0, 0, 0, 0, 0 }, { 0, 0, 4, 0, 0 },
		{ 0, 0, 3, 0, 0 }, { 0, 0, 0, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0, 0, 2, 0, 0 },
	};
	struct assessment_query q = { &cli->cfg, ASSESSMENT_BY_UNIT, NULL, *days };
	const char *h[8];
	struct pager pg;

	assessment_pager(&pg, st, &q);
	return print_paged(cli, st, &pg, heads(head, 8, h), 8, 1u << 5 | 1u << 6 | 1u << 7,
			   assessment_cells, spec, total, err);
}

static void aar_cells(struct cli *cli, const void *row, struct list_cells *c)
{
	const struct aar_row *r = row;

	show_date(cli, r->date, c->buf[0], sizeof c->buf[0]);
	snprintf(c->buf[1], sizeof c->buf[1], "%s%s%s", aar_kind_label(r->subject_kind),
		 r->subject ? " " : "", r->subject ? r->subject : "");
	snprintf(c->buf[2], sizeof c->buf[2], "%d", r->open_actions);
	c->cell[0] = c->buf[0];
	c->cell[1] = r->code;
	c->cell[2] = config_template_title(&cli->cfg, r->template_name);
	c->cell[3] = r->title;
	c->cell[4] = c->buf[1];
	c->cell[5] = c->buf[2];
}

static int list_aars(struct cli *cli, struct store *st, int total, const struct day_span *days,
		     struct rm_error *err)
{
	static const char *const head[] = { N_("date"), N_("code"), N_("template"), N_("title"),
					    N_("reviews"), N_("open actions") };
	/* the title gives way to 20; what each reviews (it may name a code)
	 * goes first, then the template, then the count of open actions */
	static const struct table_col spec[] = {
		{ 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0 }, { 0, 0, 2, 0, 0 },
		{ 0, 20, 0, 0, 0 }, { 0, 0, 3, 0, 0 }, { 0, 0, 1, 0, 0 },
	};
	const char *h[6];
	struct pager pg;

	aar_pager(&pg, st, days);
	return print_paged(cli, st, &pg, heads(head, 6, h), 6, 1u << 5, aar_cells, spec, total,
			   err);
}

/* The date VALUE of the option OPT (--from, --to) as ISO into ISO (11
 * bytes).  0, or the usage error's exit status. */
static int day_option(const char *opt, const char *value, char *iso)
{
	struct text_date d;

	if (!value)
		return cli_usage(opt, _("expected a date after it"));
	if (text_parse_date(value, &d) < 0)
		return cli_usage(opt, _("\"%s\" is not a date: %s"), value, text_date_forms());
	text_format_iso(&d, iso, 11);
	return 0;
}

/* The span of DAYS (its ends ISO, FROM and TO as typed): refused when
 * WHAT is not a list of dated records or the span ends before it starts.
 * 0, or the usage error's exit status. */
static int check_days(const char *what, const struct day_span *days, const char *from,
		      const char *to)
{
	if ((days->from || days->to) && strcmp(what, "assessments") && strcmp(what, "aars"))
		return cli_usage(days->from ? "--from" : "--to",
				 _("only the assessments and the AARs are listed by date"));
	if (days->from && days->to && strcmp(days->from, days->to) > 0)
		return cli_usage("--to", _("\"%s\" is before --from \"%s\"; the span would hold no day"),
				 to, from);
	return 0;
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct day_span days = { NULL, NULL };
	char from[11], to[11];
	struct store st;
	const char *what = NULL, *width_arg = NULL, *typed[2] = { NULL, NULL };
	int i, rc, width;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(_("usage: routemap list plans|norms|assessments|aars [--width N] "
				"[--from DATE] [--to DATE]\n"
				"One line per record, in Thai dictionary order (AARs newest first);\n"
				"assessments and AARs of the days from DATE to DATE only.\n"
				"On a terminal (or with --width) each line fits its width: codes whole,\n"
				"titles cut after a word; into a pipe every line is whole.\n"), stdout);
			return 0;
		} else if (strcmp(argv[i], "--width") == 0 && i + 1 < argc) {
			width_arg = argv[++i];
		} else if (strcmp(argv[i], "--from") == 0 || strcmp(argv[i], "--to") == 0) {
			int is_from = argv[i][2] == 'f';

			if ((rc = day_option(argv[i], i + 1 < argc ? argv[i + 1] : NULL,
					     is_from ? from : to)) != 0)
				return rc;
			typed[!is_from] = argv[++i];
			if (is_from)
				days.from = from;
			else
				days.to = to;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage("list", _("%s: unknown option (or its value is missing)"),
					 argv[i]);
		} else if (!what) {
			what = argv[i];
		} else {
			return cli_usage("list", _("\"%s\": one list at a time"), argv[i]);
		}
	}
	if (!what)
		return cli_usage("list", _("expected plans, norms, assessments or aars"));
	if (strcmp(what, "plans") && strcmp(what, "norms") && strcmp(what, "assessments") &&
	    strcmp(what, "aars"))
		return cli_usage("list", _("\"%s\": expected plans, norms, assessments or aars"), what);
	if ((rc = check_days(what, &days, typed[0], typed[1])) != 0)
		return rc;
	if (cli_line_width(width_arg, &width) != 0)
		return RM_EXIT_USAGE;
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	if (strcmp(what, "plans") == 0)
		rc = list_plans(cli, &st, width, &err);
	else if (strcmp(what, "norms") == 0)
		rc = list_norms(cli, &st, width, &err);
	else if (strcmp(what, "assessments") == 0)
		rc = list_assessments(cli, &st, width, &days, &err);
	else
		rc = list_aars(cli, &st, width, &days, &err);
	store_close(&st);
	return rc < 0 ? cli_report(&err) : 0;
}

static int show_plan(struct cli *cli, struct store *st, const char *code, int width,
		     struct rm_error *err)
{
	struct plan_map map;
	struct map_view view;
	struct buf line = { 0 };
	size_t i;
	int y;

	if (plan_map_load(st, code, &map, err) < 0)
		return -1;
	if (map_render(&map, &cli->cfg, width, 0, cli->ascii, &view, err) < 0) {
		plan_map_free(&map);
		return -1;
	}
	cli_print_wrapped(map.code, map.title, width);
	buf_printf(&line, "%s (%s)", map.office_name, map.office_code);
	cli_print_wrapped(_("office:"), line.s, width);
	buf_free(&line);
	buf_printf(&line, "%d–%d", map.fy_from, map.fy_to);
	cli_print_wrapped(_("fiscal years:"), line.s, width);
	buf_free(&line);
	cli_print_wrapped(_("destination:"), map.destination, width);
	cli_print_wrapped(_("serves:"), map.serves, width);
	for (i = 0; i < map.nserved_by; i++)
		buf_printf(&line, "%s%s", i ? ", " : "", map.served_by[i]);
	cli_print_wrapped(_("served by:"), line.s, width);
	buf_free(&line);
	printf("\n");
	for (y = 0; y < view.canvas.h; y++) {
		char *row = canvas_row(&view.canvas, y);

		if (row)
			printf("%s\n", row);
		free(row);
	}
	map_view_free(&view);
	plan_map_free(&map);
	return 0;
}

static const char *status_mark(const struct cli *cli, enum entry_status s)
{
	static const char *const unicode[] = { "[ ]", "[✓]", "[~]", "[✗]", "[-]" };
	static const char *const ascii[] = { "[ ]", "[y]", "[~]", "[x]", "[-]" };

	return (cli->ascii ? ascii : unicode)[s];
}

/* "███░░░  47.4 %  rank 3  (12/17 answered)" */
static void coverage_line(const struct cli *cli, const struct coverage *c, struct buf *b)
{
	coverage_bar(cli, c->has_percent ? c->percent : 0, 20, b);
	if (c->has_percent) {
		buf_printf(b, " %5.1f %%  ", c->percent);
		buf_printf(b, _("rank %d"), c->rank);
	} else {
		buf_printf(b, "   -    %s", _("no applicable items"));
	}
	buf_puts(b, "  ");
	buf_printf(b, _("(%d/%d answered)"), c->answered, c->items);
}

static int show_assessment(struct cli *cli, struct store *st, const char *code, int width,
			   struct rm_error *err)
{
	struct assessment a;
	struct coverage total;
	struct buf b = { 0 };
	char date[64], label[128];
	size_t g, i;

	if (assessment_load(st, &cli->cfg, code, &a, err) < 0)
		return -1;
	buf_printf(&b, "%s v%d (%s)", a.set_title, a.version, a.set_code);
	cli_print_wrapped(a.code, b.s, width);
	buf_free(&b);
	buf_printf(&b, "%s (%s)", a.office_name, a.office_code);
	cli_print_wrapped(_("unit:"), b.s, width);
	buf_free(&b);
	if (a.project_code) {
		buf_printf(&b, "%s %s", a.project_code, a.project_title);
		cli_print_wrapped(_("project:"), b.s, width);
		buf_free(&b);
	}
	show_date(cli, a.assessed_on, date, sizeof date);
	buf_printf(&b, "%s%s%s", date, a.assessor && *date ? ", " : "", a.assessor ? a.assessor : "");
	cli_print_wrapped(_("assessed:"), b.s, width);
	buf_free(&b);
	total = assessment_coverage(&a, &cli->cfg, (size_t)-1);
	coverage_line(cli, &total, &b);
	cli_print_wrapped(_("coverage:"), b.s, width);
	buf_free(&b);
	for (g = 0; g < a.ngroups; g++) {
		struct coverage c = assessment_coverage(&a, &cli->cfg, g);

		printf("\n");
		printf("%s\n", a.groups[g].label);
		coverage_line(cli, &c, &b);
		printf("  %s\n", b.s ? b.s : "");
		buf_free(&b);
		if (a.levels) {
			level_count_text(&a, g, label, sizeof label);
			printf("  %s\n", label);
		}
		for (i = 0; i < a.nitems; i++) {
			const struct check_item *it = &a.items[i];

			if (it->group != g)
				continue;
			buf_printf(&b, "%s %s", a.levels ? level_mark(it->level)
				   : status_mark(cli, it->status), it->code);
			cli_print_wrapped(b.s, it->text, width);
			buf_free(&b);
			if (it->note) {
				snprintf(label, sizeof label, "      %s", _("note:"));
				cli_print_wrapped(label, it->note, width);
			}
			if (it->requests && cli_show_requests(cli, st, it->entry, width, err) < 0) {
				assessment_free(&a);
				return -1;
			}
		}
	}
	assessment_free(&a);
	return 0;
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	const char *what = NULL, *code = NULL, *width_arg = NULL;
	struct store st;
	int i, width, rc;

	if (argc > 1 && strcmp(argv[1], "norm") == 0)
		return cli_show_norm(cli, argc - 1, argv + 1);
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(_("usage: routemap show plan CODE [--width N]\n"
				"       routemap show assessment CODE [--width N]\n"
				"       routemap show norm CODE [--version N] [--format txt|csv|md]\n"
				"The route map drawn as text (four level bands, objective boxes and\n"
				"where each leads), the filled checklist with coverage and rank, or a\n"
				"norm set's items by key activity.\n"),
			      stdout);
			return 0;
		} else if (strcmp(argv[i], "--width") == 0 && i + 1 < argc) {
			width_arg = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("show", _("%s: unknown option (or its value is missing)"), argv[i]);
		} else if (!what) {
			what = argv[i];
		} else if (!code) {
			code = argv[i];
		} else {
			return cli_usage("show", _("%s: one record at a time"), argv[i]);
		}
	}
	if (!what || !code || (strcmp(what, "plan") && strcmp(what, "assessment")))
		return cli_usage("show", _("expected plan CODE, assessment CODE or norm CODE"));
	if (cli_width(width_arg, &width) != 0)
		return RM_EXIT_USAGE;
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	if (strcmp(what, "plan") == 0)
		rc = show_plan(cli, &st, code, width, &err);
	else
		rc = show_assessment(cli, &st, code, width, &err);
	store_close(&st);
	return rc < 0 ? cli_report(&err) : 0;
}

/* Print every hit of QUERY as one aligned table fitted to WIDTH (the
 * texts cut after a word), a page of hits at a time, twice (measure, print) in one read
 * transaction: memory is a page's whatever the number of hits.  Returns
 * the number of hits, or -1 with ERR. */
static long print_hits(struct cli *cli, struct store *st, const char *query, int width,
		       struct rm_error *err)
{
	static const char *const head[] = { N_("kind"), N_("record"), N_("text") };
	/* the kind and the record whole, the text taking the rest */
	static const struct table_col spec[] = {
		{ 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0 }, { 0, 20, 0, 0, 0 },
	};
	enum { PAGE = 512 };
	const char *h[3];
	int w[3] = { 0 }, pass;
	long total = 0, rc = -1;
	int in_txn = store_read_begin(st);

	heads(head, 3, h);
	table_txt_measure(h, 3, w);
	for (pass = 0; pass < 2 && (pass == 0 || total); pass++) {
		sqlite3_int64 after = 0;
		int more = 1;

		if (pass) {
			fit_line(w, 3, h, spec, width);
			table_txt_row_cut(stdout, h, 3, w, 0, cli->ascii);
		}
		while (more) {
			struct search_hit *hits = NULL;
			size_t n = 0, i;

			if (store_search_page(st, query, after, PAGE, &hits, &n, &more, err) < 0)
				goto out;
			for (i = 0; i < n; i++) {
				const char *cells[3] = { vocab_kind(hits[i].kind), hits[i].ref,
							 hits[i].text };

				if (pass)
					table_txt_row_cut(stdout, cells, 3, w, 0, cli->ascii);
				else
					table_txt_measure(cells, 3, w);
			}
			if (!pass)
				total += (long)n;
			if (n)
				after = hits[n - 1].doc;
			store_search_free(hits, n);
			if (!n)
				break;
		}
	}
	rc = total;
out:
	store_read_end(st, in_txn);
	return rc;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	long n;
	int width;

	if (argc == 2 && cli_is_help(argv[1])) {
		fputs(_("usage: routemap search TEXT [--width N]\n"
			"Find plans, objectives, indicators, projects, norm sets and items,\n"
			"checklist notes and AAR text holding TEXT, as one phrase of any length\n"
			"(Thai needs no spaces); Latin letters match in either case.\n"), stdout);
		return 0;
	}
	if ((argc != 2 && !(argc == 4 && strcmp(argv[2], "--width") == 0)) || !*argv[1])
		return cli_usage("search", _("expected one TEXT to look for (quote it if it has spaces)"));
	if (cli_width(argc == 4 ? argv[3] : NULL, &width) != 0)
		return RM_EXIT_USAGE;
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	n = print_hits(cli, &st, argv[1], width, &err);
	store_close(&st);
	if (n < 0)
		return cli_report(&err);
	if (!n)
		cli_usage("search", _("nothing holds \"%s\""), argv[1]);   /* (one line, escaped) */
	return n ? 0 : RM_EXIT_RUNTIME;
}

int cmd_summary(struct cli *cli)
{
	static const char *const shown[] = { "plans", "objectives", "projects", "norm_sets",
					     "assessments", "aars" };
	struct rm_error err = { 0, "" };
	struct store st;
	size_t i;

	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	printf("routemap %s: %s (%s)\n", ROUTEMAP_VERSION, cli->cfg.office_name,
	       cli->cfg.office_code);
	printf(_("database: %s\n"), st.path);
	for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		long long n = transfer_count(&st, (size_t)transfer_kind_from_name(shown[i]), &err);

		if (n < 0) {
			store_close(&st);
			return cli_report(&err);
		}
		printf("%s%s %lld", i ? ", " : "", vocab_kind(shown[i]), n);
	}
	printf("\n\n%s\n", _("No terminal to draw the screens on; the batch commands show everything:"));
	printf("  routemap list plans          routemap show plan CODE\n"
	       "  routemap list assessments    routemap show assessment CODE\n"
	       "  routemap list aars           routemap report coverage\n"
	       "  routemap search TEXT         routemap --help\n");
	store_close(&st);
	return 0;
}
