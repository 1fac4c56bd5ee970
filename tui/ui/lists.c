/* lists.c - what every list shares:
 * a window of rows read a page at a time as the selection moves
 * (ui_paged_*), columns fitted to the screen (ui_fit), and rows drawn from
 * a memo when they are as before (ui_row).  No key does work that grows
 * with the database.  The lists themselves: plans.c, assessments.c,
 * aarlist.c, the search results in search.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"

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
