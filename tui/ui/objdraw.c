/* objdraw.c - drawing an objective's page: the heading, the indicator grid
 * (the years around the cursor's when they do not all fit), the SLM row,
 * the open follow-up actions and the projects.  The page is laid out as
 * lines; the cursor's line is kept in view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "routemap/widget.h"
#include "objview.h"

/* One pass over the page's lines: counting them (DRAW 0) or drawing those
 * from P->top on.  SEL gets the line of the cursor. */
struct pen {
	struct ui *ui;
	struct objpage *p;
	int draw, y0, height;
	int line, sel;
};

/* Is line L of the page on the screen?  Its row into *Y. */
static int shown(const struct pen *w, int *y)
{
	*y = w->y0 + w->line - w->p->top;
	return w->draw && w->line >= w->p->top && w->line < w->p->top + w->height;
}

/* TEXT at column X of the current line in ITEM's looks (cut to the width). */
static void put(struct pen *w, int x, const char *text, enum theme_item item)
{
	int y;

	if (shown(w, &y) && x < w->ui->cols)
		ui_put(y, x, text, w->ui->cols - x, w->ui->theme.attr[item], 0);
}

static void line(struct pen *w, int x, const char *text, enum theme_item item)
{
	put(w, x, text, item);
	w->line++;
}

size_t objpage_years_shown(const struct ui *ui)
{
	int n = (ui->cols - OBJ_INDENT) / OBJ_YEAR_W;

	return n > 0 ? (size_t)n : 1;
}

/* The value K of CELL as shown: "42", "—". */
static const char *value_text(const struct indicator_cell *c, int k)
{
	return c && c->value[k] ? c->value[k] : "—";
}

/* One cell at column X: baseline / target / result, the cursor's value
 * marked, the one typed in as a field. */
static void cell(struct pen *w, int x, const struct indicator_cell *c, int here, int typing)
{
	int k, y;

	for (k = 0; k < IND_VALUES; k++) {
		int mine = here && (enum indicator_value)k == w->p->val;

		if (k) {
			put(w, x, " / ", T_DIM);
			x += 3;
		}
		if (mine && typing && shown(w, &y)) {
			widget_field_draw(stdscr, y, x, 8, &w->p->t.ed, w->ui->theme.attr[T_SELECTED], 1);
			ui_keep_cursor(w->ui);
			x += 8;
			continue;
		}
		put(w, x, value_text(c, k), mine ? T_SELECTED : T_NORMAL);
		x += text_width(value_text(c, k));
	}
}

/* The line of the years shown: this one marked. */
static void year_heads(struct pen *w, size_t last)
{
	const struct indicator_grid *g = &w->p->g;
	size_t y;
	char head[64];

	for (y = w->p->first_year; y < last; y++) {
		/* TRANSLATORS: a fiscal year over a column of the indicators, short */
		snprintf(head, sizeof head, _("FY %d%s"), g->years[y],
			 g->years[y] == w->ui->fiscal_year ? " •" : "");
		put(w, OBJ_INDENT + (int)(y - w->p->first_year) * OBJ_YEAR_W, head,
		    g->years[y] == w->ui->fiscal_year ? T_HEADING : T_DIM);
	}
	if (w->p->first_year > 0)
		put(w, 0, "◂", T_DIM);
	if (last < g->nyears)
		put(w, w->ui->cols - 1, "▸", T_DIM);
	w->line++;
}

/* How far indicator I has come in the cursor's year, else in its latest
 * year with a result: the bar line. */
static void progress(struct pen *w, size_t i)
{
	const struct indicator_line *l = &w->p->g.v[i];
	struct indicator_row r = { 0 };
	struct buf bar = { 0 };
	size_t y = w->p->col + 1, k;
	double v = -1;

	while (y-- > 0 && v < 0) {
		const struct indicator_cell *c = &l->cells[y];

		r.has_baseline = c->value[IND_BASELINE] != NULL;
		r.has_target = c->value[IND_TARGET] != NULL;
		r.has_result = c->value[IND_RESULT] != NULL;
		r.baseline = r.has_baseline ? strtod(c->value[IND_BASELINE], NULL) : 0;
		r.target = r.has_target ? strtod(c->value[IND_TARGET], NULL) : 0;
		r.result = r.has_result ? strtod(c->value[IND_RESULT], NULL) : 0;
		v = indicator_progress(&r);
		r.fiscal_year = w->p->g.years[y];
	}
	if (v < 0)
		return;
	buf_printf(&bar, "%s [", _("progress from baseline to target"));
	for (k = 0; k < 10; k++)
		buf_puts(&bar, k < (size_t)(v * 10 + 0.5) ? (w->ui->theme.ascii ? "#" : "█")
							  : (w->ui->theme.ascii ? "." : "░"));
	buf_printf(&bar, "] %.0f%% (%s %d)", v * 100, _("FY"), r.fiscal_year);
	if (bar.s)
		line(w, OBJ_INDENT, bar.s, T_DIM);
	buf_free(&bar);
}

static void grid(struct pen *w)
{
	struct objpage *p = w->p;
	size_t last = p->first_year + objpage_years_shown(w->ui), i, y;
	char head[512];

	if (last > p->g.nyears)
		last = p->g.nyears;
	snprintf(head, sizeof head, "%s   %s", _("Indicators"), _("baseline / target / result"));
	line(w, 0, head, T_HEADING);
	if (!p->g.n) {
		line(w, OBJ_INDENT, _("none yet: a adds one"), T_DIM);
		return;
	}
	year_heads(w, last);
	for (i = 0; i < p->g.n; i++) {
		int here_row = p->zone == ZONE_GRID && p->row == i;

		snprintf(head, sizeof head, "%s%s%s%s", p->g.v[i].name, p->g.v[i].unit ? " (" : "",
			 p->g.v[i].unit ? p->g.v[i].unit : "", p->g.v[i].unit ? ")" : "");
		if (here_row)
			w->sel = w->line;
		line(w, 0, head, here_row ? T_HEADING : T_NORMAL);
		for (y = p->first_year; y < last; y++)
			cell(w, OBJ_INDENT + (int)(y - p->first_year) * OBJ_YEAR_W, &p->g.v[i].cells[y],
			     here_row && p->col == y, p->t.active);
		w->line++;
		if (here_row)
			progress(w, i);
	}
}

static void slm(struct pen *w)
{
	struct objpage *p = w->p;
	size_t i;

	line(w, 0, "", T_NORMAL);
	line(w, 0, _("SLM"), T_HEADING);
	for (i = 0; i < p->d.nslm; i++) {
		const char *label = config_label(&w->ui->cfg->slm_columns, p->d.slm[i].code);
		int here = p->zone == ZONE_SLM && p->row == i;
		struct buf b = { 0 };

		buf_printf(&b, "%s: %s", label ? label : p->d.slm[i].code,
			   p->d.slm[i].label && *p->d.slm[i].label ? p->d.slm[i].label : "—");
		if (here)
			w->sel = w->line;
		line(w, OBJ_INDENT, b.s ? b.s : "", here ? T_SELECTED : T_NORMAL);
		buf_free(&b);
	}
}

/* The open follow-up actions of AARs that reviewed the objective. */
static void followups(struct pen *w)
{
	struct rm_error err = { 0, "" };
	struct followup_row *rows;
	struct buf subject = { 0 };
	size_t n, i;

	buf_printf(&subject, "%s/%s", w->p->plan, w->p->code);
	if (subject.oom || followup_list(w->ui->st, "objective", subject.s, &rows, &n, &err) < 0) {
		buf_free(&subject);
		return;
	}
	buf_free(&subject);
	if (n) {
		line(w, 0, "", T_NORMAL);
		line(w, 0, _("Open follow-up actions from AARs"), T_HEADING);
	}
	for (i = 0; i < n; i++) {
		char due[64], text[1024];

		ui_date(w->ui, rows[i].due, due, sizeof due);
		snprintf(text, sizeof text, "[ ] %s", rows[i].action);
		line(w, OBJ_INDENT, text, T_NORMAL);
		snprintf(text, sizeof text, "%s · %s · %s", rows[i].owner ? rows[i].owner : "—",
			 due[0] ? due : "—", rows[i].aar);
		line(w, 6, text, T_DIM);
	}
	followup_list_free(rows, n);
}

static void projects(struct pen *w)
{
	struct objpage *p = w->p;
	size_t i;
	char text[1024];

	line(w, 0, "", T_NORMAL);
	line(w, 0, _("Projects serving it"), T_HEADING);
	if (!p->d.nprojects)
		line(w, OBJ_INDENT, _("none yet: a adds one"), T_DIM);
	for (i = 0; i < p->d.nprojects; i++) {
		const struct project_row *r = &p->d.projects[i];
		int here = p->zone == ZONE_PROJECTS && p->row == i;

		snprintf(text, sizeof text, "%s  %s", r->code, r->title);
		if (here)
			w->sel = w->line;
		line(w, OBJ_INDENT, text, here ? T_SELECTED : T_NORMAL);
		snprintf(text, sizeof text, "%s %d · %s · %s · %s", _("FY"), r->fiscal_year,
			 vocab_value("project", "stage", r->stage),
			 vocab_value("project", "status", r->status), r->office);
		line(w, 6, text, T_DIM);
	}
}

/* Every line of the page, through W. */
static void page(struct pen *w)
{
	struct objpage *p = w->p;
	char text[1024];

	snprintf(text, sizeof text, "%s  %s", p->d.code, p->d.title);
	line(w, 0, text, T_HEADING);
	snprintf(text, sizeof text, "%s: %s   %s: %s", _("level"),
		 w->ui->cfg->level_label[p->d.level], _("plan"), p->d.plan_code);
	line(w, 0, text, T_DIM);
	snprintf(text, sizeof text, "%s %s   %s %s", _("caused by:"), p->d.causes ? p->d.causes : "—",
		 _("leads to:"), p->d.effects ? p->d.effects : "—");
	line(w, 0, text, T_NORMAL);
	line(w, 0, "", T_NORMAL);
	grid(w);
	slm(w);
	followups(w);
	projects(w);
}

void objpage_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct objpage *p = v->data;
	struct pen w = { ui, p, 0, top, height, 0, 0 };
	size_t n = objpage_years_shown(ui);

	p->height = height;
	if (!p->loaded) {
		ui_note(ui, top, _("cannot show this page (out of memory?)"));
		return;
	}
	/* the cursor's year among those shown */
	if (p->col < p->first_year)
		p->first_year = p->col;
	else if (p->col >= p->first_year + n)
		p->first_year = p->col + 1 - n;
	page(&w);                       /* measure: where the cursor's line is */
	if (w.sel < p->top)
		p->top = w.sel > 0 && p->zone == ZONE_GRID && p->row == 0 ? 0 : w.sel;
	else if (w.sel + 2 >= p->top + height)
		p->top = w.sel + 3 - height;
	if (p->top > w.line - height)
		p->top = w.line - height > 0 ? w.line - height : 0;
	if (w.sel + 2 >= p->top + height)
		p->top = w.sel + 3 - height;
	w.draw = 1;
	w.line = 0;
	page(&w);
}
