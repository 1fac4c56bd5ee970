/* lists.c - the list views: plans, assessments, AARs and search results.
 * Each loads its rows once (one query) and moves a selection over them;
 * no key does work that grows with the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/catalog.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"

struct view *ui_view_new(const struct view_ops *ops, void *data)
{
	struct view *v = malloc(sizeof *v);

	if (!v) {
		struct view tmp = { ops, data };

		ops->free(&tmp);
		return NULL;
	}
	v->ops = ops;
	v->data = data;
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

/* Write the cells of one row at Y: each CELLS[i] in WIDTHS[i] columns
 * (the last takes the rest), two spaces apart.  ATTR covers the leading
 * columns only: the long last one (a Thai title, three bytes a character)
 * keeps its looks, so moving the selection sends a few hundred bytes, not
 * two whole rows. */
void ui_row(struct ui *ui, int y, const char *const *cells, const int *widths, int ncells,
	    attr_t attr)
{
	int x = 0, i;

	for (i = 0; i < ncells && x < ui->cols; i++) {
		int last = i == ncells - 1;
		int w = last || widths[i] > ui->cols - x ? ui->cols - x : widths[i];

		ui_put(y, x, cells[i] ? cells[i] : "", last ? w : w + 2, last ? A_NORMAL : attr, 1);
		x += w + 2;
	}
}

void ui_heading_row(struct ui *ui, int y, const char *const *cells, const int *widths,
		    int ncells)
{
	int x = 0, i;

	for (i = 0; i < ncells && x < ui->cols; i++) {
		int w = i == ncells - 1 || widths[i] > ui->cols - x ? ui->cols - x : widths[i];

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
	struct ui_list l;
	struct plan_row *rows;
};

static void plans_draw(struct view *v, struct ui *ui, int top, int height)
{
	static const int widths[] = { 14, 12, 11, 0 };
	struct plans *p = v->data;
	const char *head[] = { _("code"), _("office"), _("fiscal years"), _("title") };
	size_t i;
	int y;

	ui_heading_row(ui, top, head, widths, 4);
	if (!p->l.n) {
		ui_note(ui, top + 1, _("No plans yet: import them with routemap import DIR"));
		return;
	}
	ui_list_scroll(&p->l, height - 4);
	for (i = p->l.top, y = top + 1; i < p->l.n && y < top + height - 3; i++, y++) {
		const struct plan_row *r = &p->rows[i];
		char years[32];
		const char *cells[4];

		snprintf(years, sizeof years, "%d–%d", r->fy_from, r->fy_to);
		cells[0] = r->code;
		cells[1] = r->office;
		cells[2] = years;
		cells[3] = r->title;
		ui_row(ui, y, cells, widths, 4, i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	/* The selected plan's place among the levels: whom it serves, who serves it. */
	{
		const struct plan_row *r = &p->rows[p->l.sel];
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

	if (ui_list_act(&p->l, a))
		return 1;
	if (a == ACT_OPEN && p->l.n) {
		ui_push(ui, view_map_new(ui, p->rows[p->l.sel].code, NULL));
		return 1;
	}
	return 0;
}

static void plans_free(struct view *v)
{
	struct plans *p = v->data;

	plan_list_free(p->rows, p->l.n);
	free(p);
}

static const enum action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK, ACT_COUNT
};

/* Read the list again, keeping the selection where it was. */
static void plans_reload(struct view *v, struct ui *ui)
{
	struct plans *p = v->data;
	struct rm_error err = { 0, "" };
	size_t n;

	plan_list_free(p->rows, p->l.n);
	p->rows = NULL;
	p->l.n = 0;
	if (plan_list(ui->st, &p->rows, &n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	else
		p->l.n = n;
	if (p->l.sel >= p->l.n)
		p->l.sel = p->l.n ? p->l.n - 1 : 0;
}

static const struct view_ops plans_ops = {
	.reload = plans_reload,
	.name = N_("plans"),
	.draw = plans_draw,
	.act = plans_act,
	.free = plans_free,
	.actions = list_actions,
};


struct view *view_plans_new(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct plans *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (plan_list(ui->st, &p->rows, &p->l.n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	return ui_view_new(&plans_ops, p);
}

/* ---- assessments ---- */

/* Where the coverage column starts: the widths before it, two apart. */
#define COVERAGE_X (9 + 2 + 12 + 2 + 11 + 2 + 12 + 2)

struct assessments {
	struct ui_list l;
	struct assessment_row *rows;
};

static void assessments_draw(struct view *v, struct ui *ui, int top, int height)
{
	static const int widths[] = { 9, 12, 11, 12, 22, 0 };
	struct assessments *p = v->data;
	const char *head[] = { _("code"), _("unit"), _("norm set"), _("assessed"), _("coverage"),
			       _("to answer") };
	size_t i;
	int y;

	ui_heading_row(ui, top, head, widths, 6);
	if (!p->l.n) {
		ui_note(ui, top + 1, _("No assessments yet"));
		return;
	}
	ui_list_scroll(&p->l, height - 1);
	for (i = p->l.top, y = top + 1; i < p->l.n && y < top + height; i++, y++) {
		const struct assessment_row *r = &p->rows[i];
		const struct coverage *c = &r->coverage;
		char set[96], date[64], pct[48], open[16];
		const char *cells[6];
		attr_t attr = i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL;

		snprintf(set, sizeof set, "%s v%d", r->set_code, r->version);
		ui_date(ui, r->assessed_on, date, sizeof date);
		if (c->has_percent)
			snprintf(pct, sizeof pct, "%5.1f%% %s %d", c->percent, _("rank"), c->rank);
		else
			snprintf(pct, sizeof pct, "  -");
		snprintf(open, sizeof open, "%d", c->items - c->answered);
		cells[0] = r->code;
		cells[1] = r->unit;
		cells[2] = set;
		cells[3] = date;
		cells[4] = "";
		cells[5] = open;
		ui_row(ui, y, cells, widths, 6, attr);
		/* coverage: a bar of 8 cells and the figure */
		ui_bar(ui, y, COVERAGE_X, 8, c->has_percent ? c->percent : 0);
		ui_put(y, COVERAGE_X + 9, pct, 13, A_NORMAL, 0);
	}
}

static int assessments_act(struct view *v, struct ui *ui, enum action a)
{
	struct assessments *p = v->data;

	if (ui_list_act(&p->l, a))
		return 1;
	if (a == ACT_OPEN && p->l.n) {
		ui_push(ui, view_assessment_new(ui, p->rows[p->l.sel].code));
		return 1;
	}
	return 0;
}

static void assessments_free(struct view *v)
{
	struct assessments *p = v->data;

	assessment_list_free(p->rows, p->l.n);
	free(p);
}

static void assessments_reload(struct view *v, struct ui *ui)
{
	struct assessments *p = v->data;
	struct rm_error err = { 0, "" };
	size_t n;

	assessment_list_free(p->rows, p->l.n);
	p->rows = NULL;
	p->l.n = 0;
	if (assessment_list(ui->st, ui->cfg, &p->rows, &n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	else
		p->l.n = n;
	if (p->l.sel >= p->l.n)
		p->l.sel = p->l.n ? p->l.n - 1 : 0;
}

static const struct view_ops assessments_ops = {
	.reload = assessments_reload,
	.name = N_("checklists"),
	.draw = assessments_draw,
	.act = assessments_act,
	.free = assessments_free,
	.actions = list_actions,
};

struct view *view_assessments_new(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct assessments *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (assessment_list(ui->st, ui->cfg, &p->rows, &p->l.n, &err) < 0)
		ui_error(ui, "%s", err.msg);
	return ui_view_new(&assessments_ops, p);
}

/* ---- search results ---- */

/* The kind of a hit as people call it. */
static const char *kind_label(const char *kind)
{
	static const struct {
		const char *kind, *label;
	} labels[] = {
		{ "plan", N_("plan") }, { "objective", N_("objective") },
		{ "indicator", N_("indicator") }, { "project", N_("project") },
		{ "norm_set", N_("norm set") }, { "norm_item", N_("norm item") },
		{ "assessment_entry", N_("checklist note") }, { "aar", N_("AAR") },
		{ "aar_section", N_("AAR text") }, { "aar_action", N_("follow-up") },
	};
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(kind, labels[i].kind) == 0)
			return _(labels[i].label);
	return kind;
}

struct results {
	struct ui_list l;
};

static void results_draw(struct view *v, struct ui *ui, int top, int height)
{
	static const int widths[] = { 14, 22, 0 };
	struct results *p = v->data;
	const char *head[] = { _("kind"), _("record"), _("text") };
	char title[600];
	size_t i;
	int y;

	snprintf(title, sizeof title, _("%zu found for \"%s\""), ui->nhits, ui->query ? ui->query : "");
	ui_put(top, 0, title, ui->cols, ui->theme.attr[T_HEADING], 0);
	ui_heading_row(ui, top + 1, head, widths, 3);
	p->l.n = ui->nhits;
	p->l.sel = ui->hit < p->l.n ? ui->hit : 0;
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 2; i < p->l.n && y < top + height; i++, y++) {
		const struct search_hit *h = &ui->hits[i];
		const char *cells[3];

		cells[0] = kind_label(h->kind);
		cells[1] = h->ref;
		cells[2] = h->text;
		ui_row(ui, y, cells, widths, 3, i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
}

static int results_act(struct view *v, struct ui *ui, enum action a)
{
	struct results *p = v->data;

	p->l.n = ui->nhits;
	p->l.sel = ui->hit;
	if (ui_list_act(&p->l, a)) {
		ui->hit = p->l.sel;
		return 1;
	}
	if (a == ACT_OPEN && p->l.n) {
		ui_open_hit(ui, &ui->hits[ui->hit]);
		return 1;
	}
	return 0;
}

static void results_free(struct view *v)
{
	free(v->data);
}

static const enum action results_actions[] = {
	ACT_OPEN, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_BACK, ACT_COUNT
};

static const struct view_ops results_ops = {
	.name = N_("search"),
	.draw = results_draw,
	.act = results_act,
	.free = results_free,
	.actions = results_actions,
};

struct view *view_results_new(struct ui *ui)
{
	struct results *p = calloc(1, sizeof *p);

	(void)ui;
	return p ? ui_view_new(&results_ops, p) : NULL;
}
