/* lists.c - the plan and assessment lists, and what every list shares:
 * a window of rows read a page at a time as the selection moves
 * (ui_paged_*), columns fitted to the screen (ui_fit), and rows drawn from
 * a memo when they are as before (ui_row).  No key does work that grows
 * with the database.  (Search results: search.c; AARs: aar.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/catalog.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/lookup.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

struct view *ui_view_new(const struct view_ops *ops, void *data)
{
	struct view *v = malloc(sizeof *v);

	if (!v) {
		struct view tmp = { ops, data, 0, NULL };

		ops->free(&tmp);
		return NULL;
	}
	v->ops = ops;
	v->data = data;
	v->stale = 0;
	v->actions_now = NULL;
	return v;
}

int ui_list_act(struct ui_list *l, enum action a)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;

	switch (a) {
	case ACT_MOVE_UP:
		if (l->sel > 0)
			l->sel--;
		return 1;
	case ACT_MOVE_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		return 1;
	case ACT_PAGE_UP:
		l->sel = l->sel > page ? l->sel - page : 0;
		return 1;
	case ACT_PAGE_DOWN:
		l->sel = l->n ? (l->sel + page < l->n ? l->sel + page : l->n - 1) : 0;
		return 1;
	case ACT_FIRST:
		l->sel = 0;
		return 1;
	case ACT_LAST:
		l->sel = l->n ? l->n - 1 : 0;
		return 1;
	default:
		return 0;
	}
}

void ui_list_scroll(struct ui_list *l, int height)
{
	l->height = height;
	if (height <= 0)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)height)
		l->top = l->sel - (size_t)height + 1;
}

/* ---- lists read a page at a time ---- */

/* Rows a page reads: two screenfuls, so that a page move never waits on
 * the rows after it; the window keeps at most WINDOW_PAGES of them. */
#define WINDOW_PAGES 8

static size_t paged_page(const struct ui_paged *p)
{
	size_t h = p->l.height > 10 ? (size_t)p->l.height : 10;

	return 2 * h;
}

/* Keep the window within WINDOW_PAGES pages, dropping the far end. */
static void paged_trim(struct ui_paged *p)
{
	size_t cap = WINDOW_PAGES * paged_page(p), k;

	if (p->pg.n <= cap)
		return;
	k = p->pg.n - cap;
	if (p->l.sel >= p->pg.n / 2) {
		pager_drop_front(&p->pg, k);
		p->l.sel -= k;
		p->l.top = p->l.top > k ? p->l.top - k : 0;
	} else {
		pager_drop_back(&p->pg, k);
	}
	p->l.n = p->pg.n;
}

void ui_paged_open(struct ui *ui, struct ui_paged *p)
{
	struct rm_error err = { 0, "" };

	p->l.sel = p->l.top = 0;
	if (pager_first(&p->pg, paged_page(p), &err) < 0)
		ui_error(ui, "%s", err.msg);
	p->l.n = p->pg.n;
}

int ui_paged_act(struct ui *ui, struct ui_paged *p, enum action a)
{
	struct rm_error err = { 0, "" };
	size_t page = paged_page(p);
	long got = 0;

	switch (a) {
	case ACT_FIRST:
		if (!p->pg.at_start && pager_first(&p->pg, page, &err) < 0)
			got = -1;
		p->l.top = 0;
		break;
	case ACT_LAST:
		/* a new window: the last row at the foot of the screen */
		if (!p->pg.at_end) {
			if (pager_last(&p->pg, page, &err) < 0)
				got = -1;
			p->l.top = 0;
		}
		break;
	case ACT_MOVE_DOWN:
	case ACT_PAGE_DOWN:
		if (!p->pg.at_end && p->l.sel + page / 2 + 1 >= p->pg.n)
			got = pager_forward(&p->pg, page, &err);
		break;
	case ACT_MOVE_UP:
	case ACT_PAGE_UP:
		if (!p->pg.at_start && p->l.sel <= page / 2) {
			got = pager_backward(&p->pg, page, &err);
			if (got > 0) {
				p->l.sel += (size_t)got;
				p->l.top += (size_t)got;
			}
		}
		break;
	default:
		return 0;
	}
	if (got < 0)
		ui_error(ui, "%s", err.msg);
	p->l.n = p->pg.n;
	if (p->l.sel >= p->l.n)
		p->l.sel = p->l.n ? p->l.n - 1 : 0;
	ui_list_act(&p->l, a);
	paged_trim(p);
	return 1;
}

/* Put window NW (read with its selection at SEL) in place of P's, the
 * selection where it was on the screen as far as rows allow. */
static void paged_take(struct ui_paged *p, struct pager *nw, size_t sel)
{
	size_t above = p->l.sel >= p->l.top ? p->l.sel - p->l.top : 0;

	if (nw != &p->pg) {
		pager_clear(&p->pg);
		p->pg = *nw;
	}
	p->l.n = p->pg.n;
	p->l.sel = sel < p->l.n ? sel : (p->l.n ? p->l.n - 1 : 0);
	p->l.top = p->l.sel > above ? p->l.sel - above : 0;
	/* but no rows hidden above while the screen has room below the end */
	if (p->pg.at_end && p->l.height > 0 && p->l.top + (size_t)p->l.height > p->l.n)
		p->l.top = p->l.n > (size_t)p->l.height ? p->l.n - (size_t)p->l.height : 0;
}

void ui_paged_reload(struct ui *ui, struct ui_paged *p, const char *code)
{
	struct rm_error err = { 0, "" };
	size_t sel = p->l.sel;
	int rc = code ? pager_seek(&p->pg, code, &sel, paged_page(p), &err)
		      : pager_reload(&p->pg, &sel, paged_page(p), &err);

	if (rc < 0) {
		ui_error(ui, "%s", err.msg);   /* the window as it was */
		return;
	}
	paged_take(p, &p->pg, sel);
}

void ui_paged_replace(struct ui *ui, struct ui_paged *p, struct pager *nw, const char *code)
{
	struct rm_error err = { 0, "" };
	size_t sel = 0;
	int rc = code ? pager_seek(nw, code, &sel, paged_page(p), &err)
		      : pager_first(nw, paged_page(p), &err);

	if (rc < 0) {
		ui_error(ui, "%s", err.msg);
		pager_clear(nw);
		return;
	}
	paged_take(p, nw, sel);
}

/* What one screen line showed when ui_row last drew it: the hash of what
 * it was asked to draw, and the cells it became (COLS + 1, ncurses's). */
struct ui_row_memo {
	unsigned long long hash;
	cchar_t *cells;
};

void ui_row_memo_free(struct ui *ui)
{
	int i;

	for (i = 0; ui->row_memo && i < ui->memo_lines; i++)
		free(ui->row_memo[i].cells);
	free(ui->row_memo);
	ui->row_memo = NULL;
	ui->memo_lines = ui->memo_cols = 0;
}

/* FNV-1a over N bytes at P, on from H. */
static unsigned long long hash_bytes(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		h = (h ^ *b++) * 0x100000001B3ull;
	return h;
}

/* The memo of line Y for the screen as it is now; NULL when there is
 * none (out of memory: the row is then simply drawn). */
static struct ui_row_memo *row_memo(struct ui *ui, int y)
{
	if (ui->memo_lines != LINES || ui->memo_cols != COLS) {
		ui_row_memo_free(ui);
		ui->row_memo = calloc((size_t)LINES, sizeof *ui->row_memo);
		if (!ui->row_memo)
			return NULL;
		ui->memo_lines = LINES;
		ui->memo_cols = COLS;
	}
	if (y < 0 || y >= ui->memo_lines)
		return NULL;
	return &ui->row_memo[y];
}

void ui_fit(const struct ui *ui, struct table_col *c, int n, int *widths)
{
	int i;

	table_fit(c, (size_t)n, ui->cols, 2);
	for (i = 0; i < n; i++)
		widths[i] = c[i].width;
}

void ui_measure(struct table_col *c, const char *text)
{
	int w = text_width(text ? text : "");

	if (w > c->want)
		c->want = w;
}

int ui_col_x(const int *widths, int i)
{
	int x = 0, k;

	if (widths[i] < 0)
		return -1;
	for (k = 0; k < i; k++)
		if (widths[k] >= 0)
			x += widths[k] + 2;
	return x;
}

/* The last column of WIDTHS (N of them) that is shown: it takes the rest
 * of the line. */
static int last_shown(const int *widths, int n)
{
	while (n > 1 && widths[n - 1] < 0)
		n--;
	return n - 1;
}

/* Write the cells of one row at Y: each CELLS[i] in WIDTHS[i] columns
 * (the last takes the rest), two spaces apart.  ATTR covers the leading
 * columns only: the long last one (a Thai title, three bytes a character)
 * keeps its looks, so moving the selection sends a few hundred bytes, not
 * two whole rows. */
void ui_row(struct ui *ui, int y, const char *const *cells, const int *widths, int ncells,
	    attr_t attr)
{
	struct ui_row_memo *m = row_memo(ui, y);
	unsigned long long h = 0xCBF29CE484222325ull;
	int x = 0, i, end = last_shown(widths, ncells);

	/* what the row is asked to be, and the looks it is drawn in */
	h = hash_bytes(h, &ui->cols, sizeof ui->cols);
	h = hash_bytes(h, &ui->theme.ascii, sizeof ui->theme.ascii);
	h = hash_bytes(h, &attr, sizeof attr);
	h = hash_bytes(h, widths, (size_t)ncells * sizeof *widths);
	for (i = 0; i < ncells; i++) {
		const char *c = cells[i] ? cells[i] : "";

		h = hash_bytes(h, c, strlen(c) + 1);
	}
	if (m && m->cells && m->hash == h) {
		mvadd_wchnstr(y, 0, m->cells, -1);
		return;
	}
	for (i = 0; i <= end && x < ui->cols; i++) {
		int last = i == end;
		int w = last || widths[i] > ui->cols - x ? ui->cols - x : widths[i];
		char cut[1024];

		if (widths[i] < 0)
			continue;
		/* a cell too long for its column ends in "…", two spaces before
		 * the next */
		text_truncate(cut, sizeof cut, cells[i] ? cells[i] : "", w, 0, ui->theme.ascii);
		ui_put(y, x, cut, last ? w : w + 2, last ? A_NORMAL : attr, 1);
		x += w + 2;
	}
	if (m && (m->cells || (m->cells = malloc(((size_t)ui->memo_cols + 1) * sizeof *m->cells)))) {
		m->hash = mvin_wchnstr(y, 0, m->cells, ui->memo_cols) == OK ? h : 0;
	}
}

void ui_heading_row(struct ui *ui, int y, const char *const *cells, const int *widths,
		    int ncells)
{
	int x = 0, i, end = last_shown(widths, ncells);

	for (i = 0; i <= end && x < ui->cols; i++) {
		int w = i == end || widths[i] > ui->cols - x ? ui->cols - x : widths[i];

		if (widths[i] < 0)
			continue;
		ui_put(y, x, cells[i] ? cells[i] : "", w, ui->theme.attr[T_HEADING], 0);
		x += w + 2;
	}
}

void ui_note(struct ui *ui, int y, const char *what)
{
	ui_put(y, 2, what, ui->cols - 2, ui->theme.attr[T_DIM], 0);
}

/* ---- plans ---- */

struct plans {
	struct ui_paged p;
};

/* The plan list's columns: the code and the office sized to the rows
 * read (codes never cut), the title taking what is left. */
static void plans_fit(struct ui *ui, const struct plans *p, const char *const *head, int *widths)
{
	struct table_col c[4] = { { 0 } };
	size_t i;
	int k;

	c[3].min = 20;
	for (k = 0; k < 4; k++)
		ui_measure(&c[k], head[k]);
	ui_measure(&c[2], "2568–2571");
	c[1].min = c[1].want;    /* an office's name gives way last, to its heading */
	c[1].late = 1;
	for (i = 0; i < p->p.l.n; i++) {
		const struct plan_row *r = pager_row(&p->p.pg, i);

		ui_measure(&c[0], r->code);
		ui_measure(&c[1], r->office);
	}
	c[3].want = c[3].min;   /* (the last column takes the rest) */
	ui_fit(ui, c, 4, widths);
}

static void plans_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct plans *p = v->data;
	struct ui_list *l = &p->p.l;
	const char *head[] = { _("code"), _("office"), _("fiscal years"), _("title") };
	int widths[4];
	size_t i;
	int y;

	plans_fit(ui, p, head, widths);
	ui_heading_row(ui, top, head, widths, 4);
	if (!l->n) {
		ui_note(ui, top + 1, _("No plans yet: import them with routemap import DIR"));
		return;
	}
	ui_list_scroll(l, height - 4);
	for (i = l->top, y = top + 1; i < l->n && y < top + height - 3; i++, y++) {
		const struct plan_row *r = pager_row(&p->p.pg, i);
		char years[32];
		const char *cells[4];

		snprintf(years, sizeof years, "%d–%d", r->fy_from, r->fy_to);
		cells[0] = r->code;
		cells[1] = r->office;
		cells[2] = years;
		cells[3] = r->title;
		ui_row(ui, y, cells, widths, 4, i == l->sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	/* The selected plan's place among the levels: whom it serves, who serves it. */
	{
		const struct plan_row *r = pager_row(&p->p.pg, l->sel);
		char line[512];

		snprintf(line, sizeof line, "%s: %s", _("serves"), r->serves ? r->serves : "—");
		ui_put(top + height - 2, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
		snprintf(line, sizeof line, "%s: %s", _("served by"), r->served_by ? r->served_by : "—");
		ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
}

static int plans_act(struct view *v, struct ui *ui, enum action a)
{
	struct plans *p = v->data;

	if (ui_paged_act(ui, &p->p, a))
		return 1;
	if (a == ACT_OPEN && p->p.l.n) {
		const struct plan_row *r = pager_row(&p->p.pg, p->p.l.sel);

		ui_open(ui, VIEW_MAP, r->code, NULL);
		return 1;
	}
	return 0;
}

static void plans_free(struct view *v)
{
	struct plans *p = v->data;

	pager_clear(&p->p.pg);
	free(p);
}

static const enum action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK, ACT_COUNT
};

/* Read the list again, keeping the selection where it was. */
static void plans_reload(struct view *v, struct ui *ui)
{
	struct plans *p = v->data;

	ui_paged_reload(ui, &p->p, NULL);
}

static const struct view_ops plans_ops = {
	.reload = plans_reload,
	.name = N_("plans"),
	.draw = plans_draw,
	.act = plans_act,
	.free = plans_free,
	.actions = list_actions,
};


struct view *view_plans_new(struct ui *ui, const struct ui_place *at)
{
	struct plans *p = calloc(1, sizeof *p);

	(void)at;
	if (!p)
		return NULL;
	plan_pager(&p->p.pg, ui->st);
	ui_paged_open(ui, &p->p);
	return ui_view_new(&plans_ops, p);
}

/* ---- assessments ---- */

struct assessments {
	struct ui_paged p;
	struct assessment_query q;    /* the pager's: order and filter */
	char *filter;                 /* text a unit or norm set must hold */
};

static const char *sort_label(enum assessment_order s)
{
	switch (s) {
	case ASSESSMENT_BY_SET:
		return _("by norm set");
	case ASSESSMENT_BY_DAY:
		return _("newest first");
	case ASSESSMENT_BY_COVERAGE:
		return _("by coverage");
	default:
		return _("by unit");
	}
}

static const struct assessment_row *assessment_at(const struct assessments *p, size_t i)
{
	return pager_row(&p->p.pg, i);
}

/* Read the list again in the order and filter of P->q, the selection on
 * the assessment it was on (when it is still listed). */
static void assessments_requery(struct assessments *p, struct ui *ui)
{
	const char *keep = p->p.l.n ? assessment_at(p, p->p.l.sel)->code : NULL;
	struct pager nw;

	p->q.filter = p->filter;
	assessment_pager(&nw, ui->st, &p->q);
	ui_paged_replace(ui, &p->p, &nw, keep);
}

/* The coverage figure of an assessment ("47.4% rank 3", or "-"). */
static void coverage_text(const struct coverage *c, char *out, size_t size)
{
	if (c->has_percent)
		snprintf(out, size, _("%5.1f%% rank %d"), c->percent, c->rank);
	else
		snprintf(out, size, "  -");
}

/* The assessment list's columns, sized to the rows read: the code, the
 * norm set, the date and the coverage are never cut; the date is left
 * out before a unit's name gives way to its heading. */
static void assessments_fit(struct ui *ui, const struct assessments *p, const char *const *head,
			    int *widths)
{
	struct table_col c[6] = { { 0 } };
	size_t i;
	int k;

	for (k = 0; k < 6; k++)
		ui_measure(&c[k], head[k]);
	c[1].min = c[1].want;    /* a unit's name gives way last, to its heading */
	c[1].late = 1;
	c[3].drop = 1;
	for (i = 0; i < p->p.l.n; i++) {
		const struct assessment_row *r = assessment_at(p, i);
		char text[96];

		ui_measure(&c[0], r->code);
		ui_measure(&c[1], r->unit);
		snprintf(text, sizeof text, "%s v%d", r->set_code, r->version);
		ui_measure(&c[2], text);
		ui_date(ui, r->assessed_on, text, sizeof text);
		ui_measure(&c[3], text);
		coverage_text(&r->coverage, text, sizeof text);
		if (c[4].want < 9 + text_width(text))
			c[4].want = 9 + text_width(text);   /* a bar of 8, a space */
	}
	ui_fit(ui, c, 6, widths);
}

static void assessments_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct assessments *p = v->data;
	struct ui_list *l = &p->p.l;
	const char *head[] = { _("code"), _("unit"), _("norm set"), _("assessed"), _("coverage"),
			       _("to answer") };
	char line[256];
	int widths[6], cov_x;
	size_t i;
	int y;

	assessments_fit(ui, p, head, widths);
	cov_x = ui_col_x(widths, 4);
	ui_heading_row(ui, top, head, widths, 6);
	if (!l->n) {
		ui_note(ui, top + 1, p->filter && *p->filter ? _("no assessment matches the filter")
							     : _("No assessments yet: a starts one"));
	}
	ui_list_scroll(l, height - 3);
	for (i = l->top, y = top + 1; i < l->n && y < top + height - 2; i++, y++) {
		const struct assessment_row *r = assessment_at(p, i);
		const struct coverage *c = &r->coverage;
		char set[96], date[64], pct[48], open[16];
		const char *cells[6];
		attr_t attr = i == l->sel ? ui->theme.attr[T_SELECTED] : A_NORMAL;

		snprintf(set, sizeof set, "%s v%d", r->set_code, r->version);
		ui_date(ui, r->assessed_on, date, sizeof date);
		coverage_text(c, pct, sizeof pct);
		snprintf(open, sizeof open, "%d", c->items - c->answered);
		cells[0] = r->code;
		cells[1] = r->unit;
		cells[2] = set;
		cells[3] = date;
		cells[4] = "";
		cells[5] = open;
		ui_row(ui, y, cells, widths, 6, attr);
		/* coverage: a bar of 8 cells and the figure */
		if (cov_x >= 0) {
			ui_bar(ui, y, cov_x, 8, c->has_percent ? c->percent : 0);
			ui_put(y, cov_x + 9, pct, widths[4] - 9, A_NORMAL, 0);
		}
	}
	/* the selected assessment's project; how the list is sorted and filtered */
	if (l->n) {
		const struct assessment_row *r = assessment_at(p, l->sel);

		snprintf(line, sizeof line, "%s: %s", _("project"), r->project ? r->project : "—");
		ui_put(top + height - 2, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
	snprintf(line, sizeof line, "%s: %s%s%s", _("sorted"), sort_label(p->q.order),
		 p->filter && *p->filter ? "   " : "", p->filter && *p->filter ? p->filter : "");
	ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
}

/* a: choose the norm set (its latest version first), the unit and its
 * project; start the assessment with every item unanswered; open it. */
static void start_assessment(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct norm_row *sets = NULL;
	struct office_row *units = NULL;
	struct project_row *projects = NULL;
	size_t nsets = 0, nunits = 0, nprojects = 0, i;
	const char **labels = NULL;
	char (*texts)[200] = NULL, *code = NULL;
	int s, u, j;

	if (norm_list(ui->st, &sets, &nsets, &err) < 0 || office_list(ui->st, &units, &nunits, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		goto out;
	}
	if (!nsets || !nunits) {
		ui_error(ui, "%s", _("import the norm sets and the offices first (routemap import)"));
		goto out;
	}
	labels = calloc(nsets + nunits + 1, sizeof *labels);
	texts = calloc(nsets + nunits + 1, sizeof *texts);
	if (!labels || !texts)
		goto out;
	/* norm_list puts each set's versions newest first */
	for (i = 0; i < nsets; i++) {
		snprintf(texts[i], sizeof texts[i], "%s v%d  %s", sets[i].code, sets[i].version,
			 sets[i].title);
		labels[i] = texts[i];
	}
	s = ui_choose(ui, _("norm set"), labels, nsets, 0);
	if (s < 0)
		goto out;
	for (i = 0; i < nunits; i++) {
		snprintf(texts[i], sizeof texts[i], "%s  %s", units[i].short_name, units[i].code);
		labels[i] = texts[i];
	}
	u = ui_choose(ui, _("unit"), labels, nunits, 0);
	if (u < 0)
		goto out;
	if (project_list(ui->st, units[u].code, &projects, &nprojects, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		goto out;
	}
	j = -1;
	if (nprojects) {
		const char **pl = calloc(nprojects + 1, sizeof *pl);
		char (*pt)[200] = calloc(nprojects + 1, sizeof *pt);

		if (pl && pt) {
			pl[0] = _("no project");
			for (i = 0; i < nprojects; i++) {
				snprintf(pt[i + 1], sizeof pt[i + 1], "%s  %s", projects[i].code,
					 projects[i].title);
				pl[i + 1] = pt[i + 1];
			}
			j = ui_choose(ui, _("project"), pl, nprojects + 1, 1) - 1;
		}
		free(pl);
		free(pt);
		if (j < -1)
			goto out;
	}
	if (assessment_create(ui->st, &ui->undo, sets[s].code, sets[s].version, units[u].code,
			      j >= 0 ? projects[j].code : NULL, ui->user, &code, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		goto out;
	}
	ui_changed(ui);
	ui_message(ui, _("%s started and saved"), code);
	ui_open(ui, VIEW_CHECKLIST, code, NULL);
out:
	free(code);
	free(labels);
	free(texts);
	norm_list_free(sets, nsets);
	office_list_free(units, nunits);
	project_list_free(projects, nprojects);
}

static int assessments_act(struct view *v, struct ui *ui, enum action a)
{
	struct assessments *p = v->data;
	const struct assessment_row *r = p->p.l.n ? assessment_at(p, p->p.l.sel) : NULL;
	struct rm_error err = { 0, "" };
	char question[256], *f;

	if (ui_paged_act(ui, &p->p, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
	case ACT_EDIT:
		if (r)
			ui_open(ui, VIEW_CHECKLIST, r->code, NULL);
		return 1;
	case ACT_ADD:
		start_assessment(ui);
		return 1;
	case ACT_SORT:
		p->q.order = (enum assessment_order)((p->q.order + 1) % ASSESSMENT_ORDERS);
		assessments_requery(p, ui);
		return 1;
	case ACT_FILTER:
		f = ui_prompt(ui, _("show only units or norm sets holding: "), p->filter, 0);
		if (f) {
			free(p->filter);
			p->filter = f;
			assessments_requery(p, ui);
		}
		return 1;
	case ACT_DELETE:
		if (!r)
			return 1;
		snprintf(question, sizeof question, _("Delete the assessment %s and all its answers?"),
			 r->code);
		if (!ui_confirm(ui, question))
			return 1;
		if (record_delete(ui->st, &ui->undo, "assessment", r->code, &err) < 0)
			ui_error(ui, "%s", err.msg);
		else
			ui_message(ui, "%s", _("deleted and saved; u brings it back"));
		ui_changed(ui);
		return 1;
	case ACT_HISTORY:
		if (r) {
			sqlite3_int64 id;

			if (assessment_lookup_id(ui->st, r->code, &id, &err) < 0)
				ui_error(ui, "%s", err.msg);
			else
				ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
					.table = "assessment", .row = id, .title = r->code });
		}
		return 1;
	default:
		return 0;
	}
}

/* After a change (here or by another user): the order chosen again (the
 * kept coverage may now count another partial weight), the selection on
 * the record it was on. */
static void assessments_reload(struct view *v, struct ui *ui)
{
	assessments_requery(v->data, ui);
}

static void assessments_free(struct view *v)
{
	struct assessments *p = v->data;

	pager_clear(&p->p.pg);
	free(p->filter);
	free(p);
}

static const enum action assessments_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_SORT, ACT_FILTER, ACT_DELETE, ACT_SEARCH, ACT_BACK, ACT_COUNT
};

static const struct view_ops assessments_ops = {
	.reload = assessments_reload,
	.name = N_("checklists"),
	.draw = assessments_draw,
	.act = assessments_act,
	.free = assessments_free,
	.actions = assessments_actions,
};

struct view *view_assessments_new(struct ui *ui, const struct ui_place *at)
{
	struct assessments *p = calloc(1, sizeof *p);

	(void)at;
	if (!p)
		return NULL;
	p->q.cfg = ui->cfg;
	p->q.order = ASSESSMENT_BY_UNIT;
	assessment_pager(&p->p.pg, ui->st, &p->q);
	ui_paged_open(ui, &p->p);
	return ui_view_new(&assessments_ops, p);
}
