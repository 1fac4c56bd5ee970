/* fundlist.c - the requests of one cell of the fund's screen (fundui.h):
 * unit, item, what is needed, the baht asked and where it stands, read a
 * page at a time; Enter opens one as a form, y p x r answer it, h shows
 * its history, q goes back to the table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "fundui.h"

static const struct fund_request_row *row_at(const struct fund_cell_list *l, size_t i)
{
	return pager_row(&l->p.pg, i);
}

void fund_list_open(struct ui *ui, struct fund_cell_list *l)
{
	pager_clear(&l->p.pg);
	memset(&l->p.l, 0, sizeof l->p.l);
	fund_request_pager(&l->p.pg, ui->st, &l->q);
	ui_paged_open(ui, &l->p);
	l->open = 1;
}

void fund_list_close(struct fund_cell_list *l)
{
	pager_clear(&l->p.pg);
	memset(&l->p.l, 0, sizeof l->p.l);
	free(l->title);
	l->title = NULL;
	l->open = 0;
}

void fund_list_reload(struct ui *ui, struct fund_cell_list *l)
{
	if (l->open)
		ui_paged_reload(ui, &l->p, NULL);
}

/* Baht, or "—" when there is none (HAS 0). */
static void amount_of(int has, double baht, char *out, size_t size)
{
	if (has)
		text_format_baht(baht, out, size);
	else
		snprintf(out, size, "%s", "—");
}

/* The columns: unit and item whole, the baht and the status whole, what
 * is needed taking what is left. */
static void list_fit(struct ui *ui, const struct fund_cell_list *l, const char *const *head,
		     int *widths)
{
	struct table_col c[6] = { { 0 } };
	size_t i;
	int k;

	for (k = 0; k < 6; k++)
		ui_measure(&c[k], head[k]);
	for (i = 0; i < l->p.l.n; i++) {
		const struct fund_request_row *r = row_at(l, i);
		char baht[48];

		ui_measure(&c[0], r->unit);
		ui_measure(&c[1], r->item);
		amount_of(r->has_amount, r->amount, baht, sizeof baht);
		ui_measure(&c[2], baht);
		amount_of(r->has_agreed, r->agreed, baht, sizeof baht);
		ui_measure(&c[3], baht);
		ui_measure(&c[4], vocab_value("support_request", "status", r->status));
	}
	c[0].min = 8;
	c[0].late = 1;
	c[5].min = 10;
	c[5].want = c[5].min;   /* (the last column takes the rest) */
	ui_fit(ui, c, 6, widths);
}

/* One request's row at Y: the baht right-aligned in their columns. */
static void list_row(struct ui *ui, const struct fund_request_row *r, int y, const int *widths,
		     attr_t attr)
{
	const char *cells[6];
	char asked[48], agreed[48];
	int k;

	amount_of(r->has_amount, r->amount, asked, sizeof asked);
	amount_of(r->has_agreed, r->agreed, agreed, sizeof agreed);
	cells[0] = r->unit;
	cells[1] = r->item;
	cells[2] = cells[3] = "";
	cells[4] = vocab_value("support_request", "status", r->status);
	cells[5] = r->needed;
	ui_row(ui, y, cells, widths, 6, attr);
	for (k = 2; k <= 3; k++) {
		const char *baht = k == 2 ? asked : agreed;
		int x = ui_col_x(widths, k);

		if (x >= 0)
			ui_put(y, x + widths[k] - text_width(baht), baht, widths[k], attr, 0);
	}
}

void fund_list_draw(struct ui *ui, struct fund_cell_list *l, int top, int height)
{
	const char *head[] = { _("unit"), _("item"), _("baht asked"), _("baht agreed"), _("status"),
			       _("support needed") };
	struct ui_list *sl = &l->p.l;
	char line[512];
	int widths[6], y;
	size_t i;

	ui_put(top, 0, l->title, ui->cols, ui->theme.attr[T_HEADING], 1);
	list_fit(ui, l, head, widths);
	ui_heading_row(ui, top + 1, head, widths, 6);
	if (!sl->n) {
		ui_note(ui, top + 2, _("no request here"));
		return;
	}
	ui_list_scroll(sl, height - 4);
	for (i = sl->top, y = top + 2; i < sl->n && y < top + height - 2; i++, y++)
		list_row(ui, row_at(l, i), y, widths,
			 i == sl->sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	/* the selected request: what is needed, whole, and where it is now */
	{
		const struct fund_request_row *r = row_at(l, sl->sel);

		snprintf(line, sizeof line, "%s  %s: %s", r->needed, _("with now"),
			 r->with ? fund_ui_source(ui, r->with) : "—");
		ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
}

int fund_list_act(struct ui *ui, struct fund_cell_list *l, enum action a)
{
	const struct fund_request_row *r = l->p.l.n ? row_at(l, l->p.l.sel) : NULL;

	if (ui_paged_act(ui, &l->p, a))
		return 1;
	switch (a) {
	case ACT_BACK:
		fund_list_close(l);
		return 1;
	case ACT_OPEN:
		if (r)
			ui_open_place(ui, VIEW_SUPPORT, &(struct ui_place){ .code = r->uid });
		return 1;
	case ACT_HISTORY:
		if (r)
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = "support_request", .row = r->id, .title = r->needed });
		return 1;
	default:
		return fund_ui_answer(ui, r ? r->uid : NULL, r ? r->status : NULL, r ? r->with : NULL, a);
	}
}
