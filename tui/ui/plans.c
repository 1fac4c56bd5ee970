/* plans.c - the Plans section's list: each plan with its office, its
 * fiscal years and the plans it serves or is served by; Enter opens its
 * route map. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/catalog.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/planedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

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
		ui_note(ui, top + 1,
			_("No plans yet: a adds one, or import them with routemap import DIR"));
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

/* d: the selected plan deleted with its route map, after asking. */
static void plans_delete(struct plans *p, struct ui *ui)
{
	const struct plan_row *r = pager_row(&p->p.pg, p->p.l.sel);
	struct rm_error err = { 0, "" };
	char question[1024], key[64], code[256];

	snprintf(code, sizeof code, "%s", r->code);
	snprintf(question, sizeof question,
		 _("Delete plan %s with its route map (objectives, links, indicators)?"), code);
	if (!ui_confirm(ui, question)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	if (plan_delete(ui->st, &ui->undo, code, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	ui_message(ui, _("%s deleted; %s brings it back"), code, key);
}

static int plans_act(struct view *v, struct ui *ui, enum action a)
{
	struct plans *p = v->data;
	const struct plan_row *r = p->p.l.n ? pager_row(&p->p.pg, p->p.l.sel) : NULL;

	if (ui_paged_act(ui, &p->p, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
		if (r)
			ui_open(ui, VIEW_MAP, r->code, NULL);
		return 1;
	case ACT_ADD:
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &plan_form_def, .create = 1 });
		return 1;
	case ACT_EDIT:
		if (r)
			ui_open_place(ui, VIEW_FORM,
				      &(struct ui_place){ .form = &plan_form_def, .code = r->code });
		return 1;
	case ACT_DELETE:
		if (r)
			plans_delete(p, ui);
		return 1;
	default:
		return 0;
	}
}

static void plans_free(struct view *v)
{
	struct plans *p = v->data;

	pager_clear(&p->p.pg);
	free(p);
}

static const enum action list_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_UNDO, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK,
	ACT_COUNT
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
