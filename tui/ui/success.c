/* success.c - the norms of successful areas (F on a norm set's version):
 * for every item, its met rate among the successful units and among the
 * rest, the difference in points, candidate success factors marked (★),
 * the largest difference first (lessons.h's rule).  f chooses who counts
 * as successful: rank 2 to 5 or more, or units picked by hand from the
 * list of the version's assessments (Space marks one, Enter or q goes
 * back).  c proposes a change of the item under the cursor; Enter opens
 * the item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

struct srow {
	char *item, *group, *text;
	struct success_row r;
};

struct success {
	char code[128];
	int version, min_rank;
	struct srow *rows;
	size_t n;
	struct success_totals totals;
	struct ui_list l;
	/* picking units by hand */
	int picking;
	struct success_unit *units;
	char *picked;             /* [nunits]: marked */
	size_t nunits;
	struct ui_list pl;
};

static void rows_free(struct success *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->rows[i].item);
		free(p->rows[i].group);
		free(p->rows[i].text);
	}
	free(p->rows);
	p->rows = NULL;
	p->n = p->l.n = 0;
}

/* success_row_fn: keep a copy of each row. */
static int keep_row(const struct success_row *r, void *arg)
{
	struct success *p = arg;
	struct srow *s = array_grow(&p->rows, &p->n, sizeof *s);

	if (!s)
		return -1;
	s->r = *r;
	s->item = strdup(r->item ? r->item : "");
	s->group = strdup(r->group ? r->group : "");
	s->text = strdup(r->text ? r->text : "");
	if (!s->item || !s->group || !s->text) {
		free(s->item);
		free(s->group);
		free(s->text);
		p->n--;
		return -1;
	}
	return 0;
}

/* The codes marked in the picking list, for success_rows. */
static size_t picked_codes(const struct success *p, const char **codes)
{
	size_t i, n = 0;

	for (i = 0; i < p->nunits; i++)
		if (p->picked[i])
			codes[n++] = p->units[i].code;
	return n;
}

/* Compare again with the pick as it stands. */
static void load(struct success *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	const char **codes = calloc(p->nunits + 1, sizeof *codes);
	struct success_pick pick = { p->min_rank, codes, 0 };
	int rc;

	if (!codes) {
		ui_error(ui, "%s", _("out of memory"));
		return;
	}
	pick.npicked = picked_codes(p, codes);
	rows_free(p);
	rc = success_rows(ui->st, ui->cfg, p->code, p->version, &pick, keep_row, p, &p->totals,
			  &err);
	free(codes);
	if (rc < 0)
		ui_error(ui, "%s", err.msg);
	else if (rc > 0)
		ui_error(ui, "%s", _("out of memory"));
	p->l.n = p->n;
	if (p->l.sel >= p->n)
		p->l.sel = p->n ? p->n - 1 : 0;
}

/* The line over the list: who counts as successful, how many each side. */
static void draw_head(struct success *p, struct ui *ui, int y)
{
	char line[512], who[128];
	size_t npicked = 0, i;

	for (i = 0; i < p->nunits; i++)
		npicked += p->picked[i] != 0;
	if (npicked)
		snprintf(who, sizeof who, "%s", _("picked by hand"));
	else
		snprintf(who, sizeof who, _("rank %d or more"), p->min_rank);
	snprintf(line, sizeof line, _("%s v%d: successful assessments (%s) %d, the rest %d; f chooses who"),
		 p->code, p->version, who, p->totals.successful, p->totals.rest);
	ui_put(y, 0, line, ui->cols, ui->theme.attr[T_HEADING], 1);
	snprintf(line, sizeof line, _("%s candidate success factor: %.0f+ points above the rest, "
				      "%d+ successful assessments answered"),
		 ui->theme.ascii ? "*" : "★", SUCCESS_FACTOR_POINTS, SUCCESS_FACTOR_ANSWERS);
	ui_put(y + 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
}

/* A rate and its answers ("83.3% (3)"), or "—" without answers. */
static void rate_text(double rate, int answers, char *out, size_t size)
{
	if (answers)
		snprintf(out, size, "%.1f%% (%d)", rate, answers);
	else
		snprintf(out, size, "—");
}

enum { C_MARK, C_ITEM, C_SUCC, C_REST, C_DIFF, C_TEXT, C_COUNT };

/* One row's cells into the buffers given. */
static void row_cells(const struct ui *ui, const struct srow *s, const char **cells, char *succ,
		      char *rest, char *diff, size_t size)
{
	rate_text(s->r.succ_rate, s->r.succ_answers, succ, size);
	rate_text(s->r.rest_rate, s->r.rest_answers, rest, size);
	if (s->r.has_diff)
		snprintf(diff, size, "%+.1f", s->r.diff);
	else
		snprintf(diff, size, "—");
	cells[C_MARK] = s->r.candidate ? (ui->theme.ascii ? "*" : "★") : " ";
	cells[C_ITEM] = s->item;
	cells[C_SUCC] = succ;
	cells[C_REST] = rest;
	cells[C_DIFF] = diff;
	cells[C_TEXT] = s->text;
}

static void draw_items(struct success *p, struct ui *ui, int top, int height)
{
	const char *head[C_COUNT] = { " ", _("item"), _("successful"), _("the rest"),
				      _("difference"), _("text") };
	struct table_col c[C_COUNT] = { { 0 } };
	int widths[C_COUNT], k, y;
	size_t i;

	draw_head(p, ui, top);
	for (k = 0; k < C_COUNT; k++)
		ui_measure(&c[k], head[k]);
	for (i = 0; i < p->n; i++) {
		const char *cells[C_COUNT];
		char succ[32], rest[32], diff[32];

		row_cells(ui, &p->rows[i], cells, succ, rest, diff, sizeof succ);
		for (k = 0; k < C_TEXT; k++)
			ui_measure(&c[k], cells[k]);
	}
	c[C_TEXT].min = text_width(head[C_TEXT]) + 8;
	ui_fit(ui, c, C_COUNT, widths);
	ui_heading_row(ui, top + 2, head, widths, C_COUNT);
	if (!p->n)
		ui_note(ui, top + 3, _("This version has no items"));
	ui_list_scroll(&p->l, height - 3);
	for (i = p->l.top, y = top + 3; i < p->n && y < top + height; i++, y++) {
		const char *cells[C_COUNT];
		char succ[32], rest[32], diff[32];

		row_cells(ui, &p->rows[i], cells, succ, rest, diff, sizeof succ);
		ui_row(ui, y, cells, widths, C_COUNT,
		       i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
}

static void draw_units(struct success *p, struct ui *ui, int top, int height)
{
	const char *head[5] = { " ", _("assessment"), _("unit"), _("coverage"), _("rank") };
	struct table_col c[5] = { { 0 } };
	int widths[5], k, y;
	size_t i;

	ui_put(top, 0, _("Mark the successful units with Space; Enter or q goes back to the items"),
	       ui->cols, ui->theme.attr[T_HEADING], 1);
	for (k = 0; k < 5; k++)
		ui_measure(&c[k], head[k]);
	ui_measure(&c[0], "[✓]");
	for (i = 0; i < p->nunits; i++) {
		ui_measure(&c[1], p->units[i].code);
		ui_measure(&c[2], p->units[i].unit);
	}
	ui_measure(&c[3], "100.0%");
	ui_fit(ui, c, 5, widths);
	ui_heading_row(ui, top + 1, head, widths, 5);
	if (!p->nunits)
		ui_note(ui, top + 2, _("No assessment against this version yet"));
	ui_list_scroll(&p->pl, height - 2);
	for (i = p->pl.top, y = top + 2; i < p->nunits && y < top + height; i++, y++) {
		const struct success_unit *u = &p->units[i];
		char cov[32], rank[16];
		const char *mark = p->picked[i] ? (ui->theme.ascii ? "[y]" : "[✓]") : "[ ]";
		const char *cells[5] = { mark, u->code, u->unit, cov, rank };

		snprintf(cov, sizeof cov, u->has_percent ? "%.1f%%" : "—", u->percent);
		snprintf(rank, sizeof rank, "%d", u->rank);
		ui_row(ui, y, cells, widths, 5,
		       i == p->pl.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
}

static void success_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct success *p = v->data;

	if (p->picking)
		draw_units(p, ui, top, height);
	else
		draw_items(p, ui, top, height);
}

/* f: who is successful: a least rank, or units picked by hand. */
static void choose_who(struct success *p, struct ui *ui, struct view *v)
{
	static const enum action pick_actions[] = { ACT_STATUS_CYCLE, ACT_OPEN, ACT_BACK,
						    ACT_COUNT };
	char texts[4][64];
	const char *labels[5];
	int i, pick;

	for (i = 0; i < 4; i++) {
		snprintf(texts[i], sizeof texts[i], _("rank %d or more"), 5 - i);
		labels[i] = texts[i];
	}
	labels[4] = _("pick units by hand");
	pick = ui_choose(ui, _("successful units"), labels, 5, (size_t)(5 - p->min_rank));
	if (pick < 0)
		return;
	if (pick < 4) {
		p->min_rank = 5 - pick;
		memset(p->picked, 0, p->nunits);
		load(p, ui);
		return;
	}
	if (!p->nunits) {
		ui_error(ui, "%s", _("No assessment against this version yet"));
		return;
	}
	p->picking = 1;
	v->actions_now = pick_actions;
}

static int act_picking(struct success *p, struct ui *ui, struct view *v, enum action a)
{
	if (ui_list_act(&p->pl, a))
		return 1;
	switch (a) {
	case ACT_STATUS_CYCLE:
		if (p->nunits) {
			p->picked[p->pl.sel] = !p->picked[p->pl.sel];
			if (p->pl.sel + 1 < p->nunits)
				p->pl.sel++;
		}
		return 1;
	case ACT_OPEN:
	case ACT_BACK:
		p->picking = 0;
		v->actions_now = NULL;
		load(p, ui);
		return 1;
	default:
		return 0;
	}
}

static int success_act(struct view *v, struct ui *ui, enum action a)
{
	struct success *p = v->data;
	const struct srow *s = p->n ? &p->rows[p->l.sel] : NULL;
	char at[160], part[300];

	if (p->picking)
		return act_picking(p, ui, v, a);
	if (ui_list_act(&p->l, a))
		return 1;
	snprintf(at, sizeof at, "%s@%d", p->code, p->version);
	switch (a) {
	case ACT_FILTER:
		choose_who(p, ui, v);
		return 1;
	case ACT_OPEN:
		if (s)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &norm_item_form_def,
									 .code = at, .part = s->item });
		return 1;
	case ACT_PROPOSE:
		if (s) {
			snprintf(part, sizeof part, "%s %s", at, s->item);
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &proposal_form_def,
									 .code = "success",
									 .part = part, .create = 1 });
		}
		return 1;
	default:
		return 0;
	}
}

static void success_reload(struct view *v, struct ui *ui)
{
	load(v->data, ui);
}

static void success_free(struct view *v)
{
	struct success *p = v->data;

	rows_free(p);
	success_units_free(p->units, p->nunits);
	free(p->picked);
	free(p);
}

static const enum action success_actions[] = {
	ACT_PROPOSE, ACT_FILTER, ACT_OPEN, ACT_BACK, ACT_COUNT
};

/* The keys in this screen's words: Space picks while picking by hand. */
static const char *success_label(const struct view *v, enum action a)
{
	const struct success *p = v->data;

	switch (a) {
	case ACT_STATUS_CYCLE:
		return p->picking ? _("pick/unpick") : NULL;
	case ACT_FILTER:
		return _("who counts as successful");
	default:
		return NULL;
	}
}

static const struct view_ops success_ops = {
	.name = N_("success factors"),
	.label = success_label,
	.draw = success_draw,
	.act = success_act,
	.free = success_free,
	.actions = success_actions,
	.reload = success_reload,
};

struct view *view_success_new(struct ui *ui, const struct ui_place *at)
{
	struct success *p = calloc(1, sizeof *p);
	struct rm_error err = { 0, "" };

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	snprintf(p->code, sizeof p->code, "%s", at->code ? at->code : "");
	p->version = (int)at->row;
	p->min_rank = 4;
	if (success_units(ui->st, ui->cfg, p->code, p->version, &p->units, &p->nunits, &err) < 0 ||
	    !(p->picked = calloc(p->nunits + 1, 1))) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		success_units_free(p->units, p->nunits);
		free(p);
		return NULL;
	}
	p->pl.n = p->nunits;
	load(p, ui);
	return ui_view_new(&success_ops, p);
}
