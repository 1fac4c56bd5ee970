/* aar.c - the AAR section: the records, newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/catalog.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"

static const enum action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK, ACT_COUNT
};

/* ---- AARs ---- */

struct aars {
	struct ui_list l;
	struct aar_row *rows;
};

static void aars_draw(struct view *v, struct ui *ui, int top, int height)
{
	static const int widths[] = { 12, 9, 4, 0 };
	struct aars *p = v->data;
	/* TRANSLATORS: a narrow column: how many follow-up actions are open */
	const char *head[] = { _("date"), _("template"), _("to do"), _("title") };
	size_t i;
	int y;

	ui_heading_row(ui, top, head, widths, 4);
	if (!p->l.n) {
		ui_note(ui, top + 1, _("No AAR records yet"));
		return;
	}
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 1; i < p->l.n && y < top + height - 1; i++, y++) {
		const struct aar_row *r = &p->rows[i];
		char date[64], open[16];
		const char *cells[4];

		ui_date(ui, r->date, date, sizeof date);
		snprintf(open, sizeof open, "%d", r->open_actions);
		cells[0] = date;
		cells[1] = r->template_name;
		cells[2] = open;
		cells[3] = r->title;
		ui_row(ui, y, cells, widths, 4, i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	{
		const struct aar_row *r = &p->rows[p->l.sel];
		char line[512];

		snprintf(line, sizeof line, "%s: %s %s", _("reviews"), r->subject_kind,
			 r->subject ? r->subject : "");
		ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
}

static int aars_act(struct view *v, struct ui *ui, enum action a)
{
	struct aars *p = v->data;

	if (ui_list_act(&p->l, a))
		return 1;
	if (a == ACT_OPEN && p->l.n) {
		ui_push(ui, view_aar_new(ui, p->rows[p->l.sel].code));
		return 1;
	}
	return 0;
}

static void aars_free(struct view *v)
{
	struct aars *p = v->data;

	aar_list_free(p->rows, p->l.n);
	free(p);
}

static void aars_reload(struct view *v, struct ui *ui)
{
	struct aars *p = v->data;
	struct rm_error err = { 0, "" };
	size_t n;

	aar_list_free(p->rows, p->l.n);
	p->rows = NULL;
	p->l.n = 0;
	if (aar_list(ui->st, &p->rows, &n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	else
		p->l.n = n;
	if (p->l.sel >= p->l.n)
		p->l.sel = p->l.n ? p->l.n - 1 : 0;
}

static const struct view_ops aars_ops = {
	.reload = aars_reload,
	.name = N_("aar"),
	.draw = aars_draw,
	.act = aars_act,
	.free = aars_free,
	.actions = list_actions,
};

struct view *view_aars_new(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct aars *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (aar_list(ui->st, &p->rows, &p->l.n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	return ui_view_new(&aars_ops, p);
}

