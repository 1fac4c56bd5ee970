/* reports.c - the Reports section: the list of reports (VIEW_REPORTS),
 * and one report on screen (VIEW_REPORT): its tables aligned and fitted
 * to the screen's width, scrolled line by line; a table wider than the
 * screen shows its words whole and scrolls sideways by columns (Left,
 * Right, as less -S); f sets its filters.  On screen a report starts
 * scoped to this office and those under it (the INI's office).  The
 * report is the one `routemap report NAME` prints (report.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/exchange.h"
#include "routemap/i18n.h"
#include "routemap/report.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

#define BAR_SCREEN 10   /* a bar's full length on screen */
#define CELL 160

/* ---- the list of reports ---- */

struct report_list {
	struct ui_list l;
	long long conflicts;   /* open conflicts between offices */
};

#define CONFLICTS_TITLE N_("Conflicts from exchanges between offices (%lld)")

/* Screens of their own listed before the reports, up to the one with no
 * title: the fund's screen, the support requests by frame and source;
 * the conflicts between offices (a title with the number open). */
static const struct {
	const char *title;
	enum view_kind kind;
} screens[] = {
	{ N_("Support requests by frame and source"), VIEW_SUPPORT },
	{ CONFLICTS_TITLE, VIEW_CONFLICTS },
	{ NULL, VIEW_KINDS },
};

static size_t nscreens(void)
{
	size_t n = 0;

	while (screens[n].title)
		n++;
	return n;
}

static void list_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct report_list *p = v->data;
	size_t n, i, first = nscreens();
	const struct report_def *defs = report_defs(&n);
	int y;

	ui_put(top, 0, _("Reports: Enter shows one; each is also routemap report NAME"), ui->cols,
	       ui->theme.attr[T_HEADING], 1);
	ui_list_scroll(&p->l, height - 1);
	for (i = p->l.top, y = top + 1; i < p->l.n && y < top + height; i++, y++) {
		attr_t attr = i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL;
		int x = ui_put(y, 0, "  ", ui->cols, attr, 0);

		if (i < first) {
			char title[256];

			if (screens[i].kind == VIEW_CONFLICTS)
				snprintf(title, sizeof title, _(CONFLICTS_TITLE), p->conflicts);
			else
				snprintf(title, sizeof title, "%s", _(screens[i].title));
			ui_put(y, x, title, ui->cols - x, attr, 1);
			continue;
		}
		x += ui_put(y, x, _(defs[i - first].title), ui->cols - x, attr, 0);
		x += ui_put(y, x, "  ", ui->cols - x, attr, 0);
		ui_put(y, x, defs[i - first].name, ui->cols - x,
		       i == p->l.sel ? attr : ui->theme.attr[T_DIM], 1);
	}
}

static int list_act(struct view *v, struct ui *ui, enum action a)
{
	struct report_list *p = v->data;
	size_t n, first = nscreens();
	const struct report_def *defs = report_defs(&n);

	if (ui_list_act(&p->l, a))
		return 1;
	if (a == ACT_OPEN) {
		if (p->l.sel < first)
			ui_open(ui, screens[p->l.sel].kind, NULL, NULL);
		else
			ui_open(ui, VIEW_REPORT, defs[p->l.sel - first].name, NULL);
		return 1;
	}
	return 0;
}

static void list_free(struct view *v)
{
	free(v->data);
}

/* Count the open conflicts again (0 when they cannot be read: said). */
static void list_reload(struct view *v, struct ui *ui)
{
	struct report_list *p = v->data;
	struct rm_error err = { 0, "" };

	p->conflicts = exchange_conflicts_open(ui->st, &err);
	if (p->conflicts < 0) {
		ui_error(ui, "%s", err.msg);
		p->conflicts = 0;
	}
}

static const enum action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK, ACT_COUNT
};

static const struct view_ops list_ops = {
	.name = N_("reports"),
	.draw = list_draw,
	.act = list_act,
	.free = list_free,
	.actions = list_actions,
	.reload = list_reload,
};

struct view *view_reports_new(struct ui *ui, const struct ui_place *at)
{
	struct report_list *p = calloc(1, sizeof *p);
	struct view *v;

	(void)at;
	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	report_defs(&p->l.n);
	p->l.n += nscreens();
	v = ui_view_new(&list_ops, p);
	if (v)
		list_reload(v, ui);
	return v;
}

/* ---- one report ---- */

/* A line of the report on screen: a table's title, its heading, one of
 * its rows, or an empty line between tables. */
struct rline {
	size_t table;
	enum { RL_TITLE, RL_HEAD, RL_ROW, RL_GAP, RL_NONE } kind;
	size_t row;
};

struct report_view {
	const struct report_def *def;
	struct report_filter f;
	char office[128], set[128];   /* what f.office and f.set point to */
	struct report r;
	struct rline *lines;
	size_t nlines;
	int **widths;                 /* per table, fitted to widths_cols */
	int widths_cols;
	int skip;                     /* columns hidden on the left (Right) */
	int wide;                     /* some table is wider than the screen */
	struct ui_list l;
};

static void add_line(struct report_view *p, size_t table, int kind, size_t row)
{
	struct rline *l = array_grow(&p->lines, &p->nlines, sizeof *l);

	if (l) {
		l->table = table;
		l->kind = kind;
		l->row = row;
	}
}

static void forget_widths(struct report_view *p)
{
	size_t i;

	for (i = 0; p->widths && i < p->r.ntables; i++)
		free(p->widths[i]);
	free(p->widths);
	p->widths = NULL;
	p->widths_cols = 0;
}

/* The lines of the report read into P->r. */
static void lay_out(struct report_view *p)
{
	size_t i, k;

	free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
	for (i = 0; i < p->r.ntables; i++) {
		if (i)
			add_line(p, i, RL_GAP, 0);
		if (p->r.tables[i].title)
			add_line(p, i, RL_TITLE, 0);
		add_line(p, i, RL_HEAD, 0);
		for (k = 0; k < p->r.tables[i].nrows; k++)
			add_line(p, i, RL_ROW, k);
		if (!p->r.tables[i].nrows)
			add_line(p, i, RL_NONE, 0);
	}
	p->l.n = p->nlines;
	if (p->l.sel >= p->l.n)
		p->l.sel = p->l.n ? p->l.n - 1 : 0;
}

/* Run the report again for P's filters.  0, or -1 said (P as it was). */
static int rerun(struct report_view *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct report r;

	if (report_run(ui->st, ui->cfg, p->def, &p->f, &r, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	forget_widths(p);
	report_free(&p->r);
	p->r = r;
	lay_out(p);
	return 0;
}

/* Cell COL of ROW of T as shown: a text cell's own text (never cut at a
 * buffer's end), else its text made in OUT (SIZE bytes). */
static const char *cell_shown(struct ui *ui, const struct report_table *t, size_t row,
			      size_t col, char *out, size_t size)
{
	const struct report_cell *c = &t->cells[row * t->ncols + col];

	if (t->cols[col].type == RT_TEXT)
		return c->text ? c->text : "";
	report_cell_text(t, row, col, BAR_SCREEN, ui->theme.ascii, out, size);
	return out;
}

/* The widths of table T's columns into W: fitted to the screen when its
 * columns fit as they are; else each at its own width (words at most a
 * screen less four), SKIP columns on the left left out, and the screen's
 * right edge cutting the rest.  Returns 1 when T is wider than the
 * screen. */
static int fit_table(struct ui *ui, const struct report_table *t, int skip, int *w)
{
	struct table_col c[32] = { { 0 } };
	char text[CELL];
	size_t i, k, n = t->ncols < 32 ? t->ncols : 32;
	int total;

	for (i = 0; i < n; i++) {
		const char *head = t->cols[i].head ? _(t->cols[i].head) : "";

		ui_measure(&c[i], head);
		c[i].min = t->cols[i].type == RT_TEXT ? (c[i].want > 8 ? c[i].want : 8) : 0;
		c[i].late = i == 0;
		for (k = 0; k < t->nrows; k++)
			ui_measure(&c[i], cell_shown(ui, t, k, i, text, sizeof text));
	}
	for (i = 0, total = 0; i < n; i++)
		total += c[i].want + (i ? 2 : 0);
	if (total <= ui->cols) {
		ui_fit(ui, c, (int)n, w);
		return 0;
	}
	for (i = 0; i < n; i++)
		w[i] = (int)i < skip && i + 1 < n ? -1
		       : c[i].want < ui->cols - 4 ? c[i].want : ui->cols - 4;
	return 1;
}

static void fit_all(struct report_view *p, struct ui *ui)
{
	size_t i;

	if (p->widths && p->widths_cols == ui->cols)
		return;
	forget_widths(p);
	p->wide = 0;
	p->widths = calloc(p->r.ntables ? p->r.ntables : 1, sizeof *p->widths);
	for (i = 0; p->widths && i < p->r.ntables; i++) {
		p->widths[i] = calloc(32, sizeof **p->widths);
		if (p->widths[i] && fit_table(ui, &p->r.tables[i], p->skip, p->widths[i]))
			p->wide = 1;
	}
	p->widths_cols = ui->cols;
}

/* One line of the report at Y. */
static void draw_line(struct report_view *p, struct ui *ui, const struct rline *l, int y,
		      attr_t sel)
{
	const struct report_table *t = &p->r.tables[l->table];
	char buf[32][CELL];
	const char *cells[32];
	size_t i, n = t->ncols < 32 ? t->ncols : 32;
	int *w = p->widths ? p->widths[l->table] : NULL;

	if (l->kind == RL_GAP || !w) {
		ui_put(y, 0, "", ui->cols, sel, 1);
	} else if (l->kind == RL_TITLE) {
		ui_put(y, 0, t->title, ui->cols, sel ? sel : ui->theme.attr[T_TITLE], 1);
	} else if (l->kind == RL_NONE) {
		ui_put(y, 0, _("(nothing in this report's scope)"), ui->cols,
		       sel ? sel : ui->theme.attr[T_DIM], 1);
	} else if (l->kind == RL_HEAD) {
		for (i = 0; i < n; i++)
			cells[i] = t->cols[i].head ? _(t->cols[i].head) : "";
		ui_heading_row(ui, y, cells, w, (int)n);
	} else {
		for (i = 0; i < n; i++) {
			enum report_type type = t->cols[i].type;
			char text[CELL - 40];
			int pad;

			if (type == RT_TEXT) {   /* whole: the screen's edge cuts it */
				cells[i] = cell_shown(ui, t, l->row, i, text, sizeof text);
				continue;
			}
			report_cell_text(t, l->row, i, BAR_SCREEN, ui->theme.ascii, text, sizeof text);
			/* numbers to the right of their column */
			pad = type == RT_DATE || type == RT_BAR ? 0 : w[i] - text_width(text);
			snprintf(buf[i], CELL, "%*s%s", pad > 0 && pad < 40 ? pad : 0, "", text);
			cells[i] = buf[i];
		}
		ui_row(ui, y, cells, w, (int)n, sel);
	}
}

/* What the filters are, in words, into OUT. */
static void filters_text(const struct report_view *p, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
#define ADD(...) (len < size ? len += (size_t)snprintf(out + len, size - len, __VA_ARGS__) : 0)
	if (p->f.office)
		ADD("%s %s  ", _("office"), p->f.office);
	if (p->f.set && p->f.version)
		ADD("%s %s:%d  ", _("norm set"), p->f.set, p->f.version);
	else if (p->f.set)
		ADD("%s %s  ", _("norm set"), p->f.set);
	if (p->f.fy)
		ADD("%s %d  ", _("FY"), p->f.fy);
	if (p->f.min_rank)
		ADD("%s %d  ", _("successful from rank"), p->f.min_rank);
	if (p->f.from[0] || p->f.to[0])
		ADD("%s %s – %s", _("days"), p->f.from, p->f.to);
	if (p->skip)
		ADD(_("(%d columns left of the screen: Left)"), p->skip);
	else if (p->wide)
		ADD("%s", _("(more columns: Right)"));
#undef ADD
	if (!out[0])
		snprintf(out, size, "%s", p->def->takes ? _("f: choose what the report covers") : "");
}

static void report_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct report_view *p = v->data;
	char line[512];
	size_t i;
	int y;

	ui_put(top, 0, p->r.title ? p->r.title : _(p->def->title), ui->cols,
	       ui->theme.attr[T_HEADING], 1);
	fit_all(p, ui);
	filters_text(p, line, sizeof line);
	ui_put(top + 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 2; i < p->nlines && y < top + height; i++, y++)
		draw_line(p, ui, &p->lines[i], y, i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
}

/* The value TYPED for filter WHICH (0 the set, 1 the office, 2 the
 * fiscal year, 3 and 4 the ends of the span, 5 the successful units'
 * least rank) into P's filters; empty clears it.  0, or -1 said. */
static int report_filter_typed(struct report_view *p, struct ui *ui, size_t which,
			       const char *typed)
{
	struct text_date d;
	long long n = 0;
	char *colon;

	if (which == 0) {
		snprintf(p->set, sizeof p->set, "%s", typed);
		colon = strrchr(p->set, ':');
		p->f.version = 0;
		if (colon) {
			*colon = '\0';
			if (text_parse_int(colon + 1, &n) < 0 || n < 1 || n > 100000) {
				ui_error(ui, _("\"%s\": expected a version number after the colon"), colon + 1);
				return -1;
			}
			p->f.version = (int)n;
		}
		p->f.set = p->set[0] ? p->set : NULL;
	} else if (which == 1) {
		snprintf(p->office, sizeof p->office, "%s", typed);
		p->f.office = p->office[0] ? p->office : NULL;
	} else if (which == 2) {
		if (*typed && (text_parse_int(typed, &n) < 0 || n < 2400 || n > 2800)) {
			ui_error(ui, _("\"%s\": expected a fiscal year of the Buddhist Era, such as 2569"),
				 typed);
			return -1;
		}
		p->f.fy = (int)n;
	} else if (which == 5) {
		if (*typed && (text_parse_int(typed, &n) < 0 || n < 1 || n > 5)) {
			ui_error(ui, _("\"%s\": expected a rank from 1 to 5"), typed);
			return -1;
		}
		p->f.min_rank = (int)n;
	} else {
		char *end = which == 3 ? p->f.from : p->f.to;

		end[0] = '\0';
		if (*typed && text_parse_date(typed, &d) < 0) {
			ui_error(ui, _("\"%s\" is not a date: %s"), typed, text_date_forms());
			return -1;
		}
		if (*typed)
			text_format_iso(&d, end, 11);
	}
	return 0;
}

/* f: one filter chosen and typed; the report run again with it. */
static void choose_filter(struct report_view *p, struct ui *ui)
{
	static const struct { unsigned bit; const char *label; } all[] = {
		{ REPORT_SET, N_("norm set (CODE or CODE:VERSION)") },
		{ REPORT_OFFICE, N_("office (its code; the offices under it too)") },
		{ REPORT_FY, N_("fiscal year (Buddhist Era)") },
		{ REPORT_DAYS, N_("from the day") },
		{ REPORT_DAYS, N_("to the day") },
		{ REPORT_RANK, N_("successful units: the least rank (1-5; 4 unless said)") },
	};
	const char *labels[sizeof all / sizeof all[0] + 1];
	size_t which[sizeof all / sizeof all[0] + 1], n = 0, i;
	struct report_filter was = p->f;
	char keep_office[128], keep_set[128], *typed;
	int k;

	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		if (p->def->takes & all[i].bit) {
			which[n] = i;
			labels[n++] = _(all[i].label);
		}
	if (!n) {
		ui_message(ui, "%s", _("this report covers everything: it takes no filter"));
		return;
	}
	labels[n] = _("clear every filter");
	which[n++] = 99;
	k = ui_choose(ui, _("Filter the report by"), labels, n, 0);
	if (k < 0)
		return;
	memcpy(keep_office, p->office, sizeof keep_office);
	memcpy(keep_set, p->set, sizeof keep_set);
	if (which[k] == 99) {
		memset(&p->f, 0, sizeof p->f);
		memcpy(p->f.today, was.today, sizeof p->f.today);
		p->f.screen = 1;
	} else {
		typed = ui_prompt(ui, labels[k], NULL, 0);
		if (!typed)
			return;
		if (report_filter_typed(p, ui, which[k], typed) < 0) {
			free(typed);
			return;
		}
		free(typed);
	}
	if (rerun(p, ui) < 0) {
		p->f = was;
		memcpy(p->office, keep_office, sizeof keep_office);
		memcpy(p->set, keep_set, sizeof keep_set);
		p->f.office = was.office ? p->office : NULL;
		p->f.set = was.set ? p->set : NULL;
	}
}

static int report_act(struct view *v, struct ui *ui, enum action a)
{
	struct report_view *p = v->data;

	if (ui_list_act(&p->l, a))
		return 1;
	if (a == ACT_FILTER) {
		choose_filter(p, ui);
		return 1;
	}
	/* sideways by one column, as less -S */
	if ((a == ACT_MOVE_RIGHT && p->wide) || (a == ACT_MOVE_LEFT && p->skip > 0)) {
		p->skip += a == ACT_MOVE_RIGHT ? 1 : -1;
		forget_widths(p);
		return 1;
	}
	return a == ACT_MOVE_RIGHT || a == ACT_MOVE_LEFT;
}

static void report_reload(struct view *v, struct ui *ui)
{
	rerun(v->data, ui);
}

static void report_resize(struct view *v, struct ui *ui)
{
	(void)ui;
	forget_widths(v->data);
}

static void report_view_free(struct view *v)
{
	struct report_view *p = v->data;

	forget_widths(p);
	report_free(&p->r);
	free(p->lines);
	free(p);
}

static const enum action report_actions[] = {
	ACT_FILTER, ACT_MOVE_RIGHT, ACT_MOVE_LEFT, ACT_PAGE_DOWN, ACT_SEARCH, ACT_BACK, ACT_COUNT
};

/* The keys in this screen's words. */
static const char *report_label(const struct view *v, enum action a)
{
	(void)v;
	switch (a) {
	case ACT_FILTER:
		return _("what the report covers");
	case ACT_MOVE_RIGHT:
		return _("columns to the right");
	case ACT_MOVE_LEFT:
		return _("columns to the left");
	default:
		return NULL;
	}
}

static const struct view_ops report_ops = {
	.name = N_("report"),
	.label = report_label,
	.draw = report_draw,
	.act = report_act,
	.resize = report_resize,
	.reload = report_reload,
	.free = report_view_free,
	.actions = report_actions,
};

struct view *view_report_new(struct ui *ui, const struct ui_place *at)
{
	struct report_view *p;
	struct text_date today;
	const struct report_def *def = report_find(at->code);

	if (!def)
		return NULL;
	p = calloc(1, sizeof *p);
	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	p->def = def;
	p->f.screen = 1;
	text_today(&today);
	text_format_iso(&today, p->f.today, sizeof p->f.today);
	/* this office and those under it, shown on the filter line; f clears
	 * it (an office the database does not hold yet: every office) */
	if (def->takes & REPORT_OFFICE && ui->cfg->office_code && *ui->cfg->office_code) {
		struct rm_error err = { 0, "" };

		snprintf(p->office, sizeof p->office, "%s", ui->cfg->office_code);
		p->f.office = p->office;
		if (report_check(ui->st, def, &p->f, &err) < 0)
			p->f.office = NULL;
	}
	if (rerun(p, ui) < 0) {
		free(p);
		return NULL;
	}
	return ui_view_new(&report_ops, p);
}
