/* fundview.c - the fund's screen (VIEW_SUPPORT): the support requests of
 * the units under this office by support frame (rows) and the source
 * they are with now (columns), each cell the number of requests and the
 * baht asked over the baht agreed, with the totals; the cursor moves over
 * the cells, Enter lists a cell's requests (fundlist.c), f filters by
 * unit, norm set, status or "only those with us".  Opened with a code,
 * the view is one request's form (fundreq.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "fundui.h"
#include "views.h"

#define NCOLS (FUND_SOURCES + 1)   /* the sources and the total */

struct fundview {
	struct fund_table t;
	struct fund_filter flt;       /* its strings: the ones below */
	char *unit, *set, *status;
	int with_us;
	size_t row;                   /* the cursor: a row of T ... */
	int col;                      /* ... and a column, NCOLS - 1 the total */
	size_t top;                   /* the first row shown */
	struct fund_cell_list list;   /* a cell's requests, when open */
	char *cell_frame;             /* the list's frame (its query's) */
	struct text_lines *wrapped;   /* each row's label in two lines */
	int wrap_w;                   /* the width they were wrapped to */
};

static void wrapped_free(struct fundview *p)
{
	size_t i;

	for (i = 0; p->wrapped && i < p->t.n; i++)
		text_lines_free(&p->wrapped[i]);
	free(p->wrapped);
	p->wrapped = NULL;
	p->wrap_w = 0;
}

/* Read the table again for the filter as it stands. */
static void fundview_load(struct fundview *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct fund_table t;

	p->flt.office = ui->cfg->office_code;
	p->flt.unit = p->unit;
	p->flt.set = p->set;
	p->flt.status = p->status;
	p->flt.with = p->with_us ? ui->cfg->office_level : NULL;
	if (fund_table_load(ui->st, ui->cfg, &p->flt, &t, &err) < 0) {
		ui_error(ui, "%s", err.msg);   /* the table as it was */
		return;
	}
	wrapped_free(p);
	fund_table_free(&p->t);
	p->t = t;
	if (p->row >= p->t.n)
		p->row = p->t.n ? p->t.n - 1 : 0;
}

/* A cell's two lines: the count and the baht asked; the baht agreed. */
static void cell_text(const struct fund_cell *c, char *top, char *bottom, size_t size)
{
	char baht[48];

	if (!c->count) {
		snprintf(top, size, "%s", "-");
		bottom[0] = '\0';
		return;
	}
	text_format_baht(c->asked, baht, sizeof baht);
	snprintf(top, size, "%ld  %s", c->count, baht);
	text_format_baht(c->agreed, bottom, size);
}

/* Each column's width (its heading's or its widest cell's) into W;
 * returns the width left for the frames' labels. */
static int measure(struct ui *ui, const struct fundview *p, int *w)
{
	char top[96], bottom[96];
	size_t i;
	int k, left = ui->cols;

	for (k = 0; k < NCOLS; k++) {
		w[k] = text_width(fund_ui_source(ui, k < FUND_SOURCES ? fund_sources[k] : NULL));
		for (i = 0; i < p->t.n; i++) {
			cell_text(&p->t.rows[i].cells[k], top, bottom, sizeof top);
			if (text_width(top) > w[k])
				w[k] = text_width(top);
			if (text_width(bottom) > w[k])
				w[k] = text_width(bottom);
		}
		left -= w[k] + 2;
	}
	return left > 8 ? left : 8;
}

/* The label of row I in lines of LABEL_W columns (wrapped once per width). */
static const struct text_lines *label_lines(struct fundview *p, size_t i, int label_w)
{
	size_t k;

	if (p->wrap_w != label_w) {
		wrapped_free(p);
		if (!(p->wrapped = calloc(p->t.n ? p->t.n : 1, sizeof *p->wrapped)))
			return NULL;
		for (k = 0; k < p->t.n; k++) {
			const struct fund_row *r = &p->t.rows[k];
			char text[512];

			if (r->total)
				snprintf(text, sizeof text, "%s", r->label);
			else
				snprintf(text, sizeof text, "%s%s%s", r->frame ? r->frame : "",
					 r->frame ? " " : "", r->label);
			text_wrap(text, label_w, &p->wrapped[k]);
		}
		p->wrap_w = label_w;
	}
	return &p->wrapped[i];
}

/* Row I of the table on lines Y and Y + 1. */
static void draw_row(struct ui *ui, struct fundview *p, size_t i, int y, const int *w, int label_w)
{
	const struct fund_row *r = &p->t.rows[i];
	const struct text_lines *lines = label_lines(p, i, label_w);
	attr_t label = r->total ? ui->theme.attr[T_HEADING] : A_NORMAL;
	char top[96], bottom[96];
	int k, x = label_w + 2;

	ui_put(y, 0, lines && lines->n ? lines->v[0] : r->label, label_w, label, 1);
	if (lines && lines->n > 1)
		ui_put(y + 1, 0, lines->v[1], label_w, label, 1);
	for (k = 0; k < NCOLS; k++) {
		attr_t a = i == p->row && k == p->col ? ui->theme.attr[T_SELECTED] : A_NORMAL;

		cell_text(&r->cells[k], top, bottom, sizeof top);
		if (a != A_NORMAL) {   /* the cursor's cell: both lines marked whole */
			ui_put(y, x, "", w[k], a, 1);
			ui_put(y + 1, x, "", w[k], a, 1);
		}
		ui_put(y, x + w[k] - text_width(top), top, w[k], a | (r->total ? A_BOLD : 0), 0);
		ui_put(y + 1, x + w[k] - text_width(bottom), bottom, w[k],
		       a != A_NORMAL ? a : ui->theme.attr[T_DIM], 0);
		x += w[k] + 2;
	}
}

/* The lines under the table: the cursor's cell in words, what the two
 * lines of a cell are, the filter. */
static void draw_foot(struct ui *ui, const struct fundview *p, int y)
{
	const struct fund_row *r = &p->t.rows[p->row];
	const struct fund_cell *c = &r->cells[p->col];
	char asked[48], agreed[48], line[768], frame[256];
	struct buf f = { 0 };

	if (r->frame)
		snprintf(frame, sizeof frame, _("frame %s"), r->frame);
	else
		snprintf(frame, sizeof frame, "%s", r->label);
	text_format_baht(c->asked, asked, sizeof asked);
	text_format_baht(c->agreed, agreed, sizeof agreed);
	/* the figures first: the frame's label is at the row's left */
	snprintf(line, sizeof line, _("%s · %s: %ld requests, %s baht asked, %s baht agreed"),
		 fund_ui_source(ui, p->col < FUND_SOURCES ? fund_sources[p->col] : NULL), frame,
		 c->count, asked, agreed);
	ui_put(y, 0, line, ui->cols, A_NORMAL, 0);
	ui_put(y + 1, 0, _("each cell: requests and baht asked; under them, baht agreed"), ui->cols,
	       ui->theme.attr[T_DIM], 0);
	if (p->with_us)
		buf_printf(&f, "%s", _("only those with us"));
	if (p->unit)
		buf_printf(&f, "%s%s %s", f.len ? " · " : "", _("unit"), p->unit);
	if (p->set)
		buf_printf(&f, "%s%s %s", f.len ? " · " : "", _("norm set"), p->set);
	if (p->status)
		buf_printf(&f, "%s%s", f.len ? " · " : "",
			   vocab_value("support_request", "status", p->status));
	snprintf(line, sizeof line, "%s: %s", _("shown"),
		 f.len && !f.oom ? f.s : _("every request of the units under this office"));
	buf_free(&f);
	ui_put(y + 2, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
}

static void fundview_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct fundview *p = v->data;
	const char *head;
	int w[NCOLS], label_w, k, x, y, rows;
	size_t i;

	if (p->list.open) {
		fund_list_draw(ui, &p->list, top, height);
		return;
	}
	if (!p->t.n)
		return;
	label_w = measure(ui, p, w);
	/* the headings, each over its column's right edge */
	ui_put(top, 0, _("support frame"), label_w, ui->theme.attr[T_HEADING], 1);
	for (k = 0, x = label_w + 2; k < NCOLS; x += w[k] + 2, k++) {
		head = fund_ui_source(ui, k < FUND_SOURCES ? fund_sources[k] : NULL);
		ui_put(top, x + w[k] - text_width(head), head, w[k], ui->theme.attr[T_HEADING], 0);
	}
	rows = (height - 4) / 2;   /* two lines a row; three lines under */
	if (rows < 1)
		rows = 1;
	if (p->row < p->top)
		p->top = p->row;
	if (p->row >= p->top + (size_t)rows)
		p->top = p->row - (size_t)rows + 1;
	for (i = p->top, y = top + 1; i < p->t.n && i < p->top + (size_t)rows; i++, y += 2)
		draw_row(ui, p, i, y, w, label_w);
	draw_foot(ui, p, top + height - 3);
}

/* ---- the filter ---- */

/* Let the user choose a unit (of every office); "every unit" first. */
static void choose_unit(struct ui *ui, struct fundview *p)
{
	struct rm_error err = { 0, "" };
	struct office_row *units = NULL;
	size_t n = 0, i;
	const char **labels;
	char (*texts)[160];
	int pick;

	if (office_list(ui->st, &units, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	labels = calloc(n + 1, sizeof *labels);
	texts = calloc(n + 1, sizeof *texts);
	if (labels && texts) {
		labels[0] = _("every unit");
		for (i = 0; i < n; i++) {
			snprintf(texts[i], sizeof texts[i], "%s  %s", units[i].short_name, units[i].code);
			labels[i + 1] = texts[i];
		}
		pick = ui_choose(ui, _("unit"), labels, n + 1, 0);
		if (pick >= 0) {
			free(p->unit);
			p->unit = pick > 0 ? strdup(units[pick - 1].code) : NULL;
		}
	}
	free(labels);
	free(texts);
	office_list_free(units, n);
}

/* Let the user choose a status; "every status" first. */
static void choose_status(struct ui *ui, struct fundview *p)
{
	static const char *const codes[] = {
		"requested", "agreed", "partly_agreed", "declined", "referred",
	};
	const char *labels[6];
	size_t i;
	int pick;

	labels[0] = _("every status");
	for (i = 0; i < 5; i++)
		labels[i + 1] = vocab_value("support_request", "status", codes[i]);
	pick = ui_choose(ui, _("status"), labels, 6, 0);
	if (pick >= 0) {
		free(p->status);
		p->status = pick > 0 ? strdup(codes[pick - 1]) : NULL;
	}
}

/* f: what to filter by, then by what; the table read again. */
static void choose_filter(struct ui *ui, struct fundview *p)
{
	const char *labels[5];
	char *set;
	int pick;

	labels[0] = p->with_us ? _("every request, not only those with us")
			       : _("only those with us, to answer here");
	labels[1] = _("one unit…");
	labels[2] = _("one norm set…");
	labels[3] = _("one status…");
	labels[4] = _("no filter");
	pick = ui_choose(ui, _("Show"), labels, 5, 0);
	if (pick == 0) {
		p->with_us = !p->with_us;
	} else if (pick == 1) {
		choose_unit(ui, p);
	} else if (pick == 2) {
		set = ui_prompt(ui, _("norm set (CODE: its latest issued version; CODE:VERSION; empty: every set): "), p->set, 0);
		if (!set)
			return;
		free(p->set);
		p->set = *set ? set : NULL;
		if (!p->set)
			free(set);
	} else if (pick == 3) {
		choose_status(ui, p);
	} else if (pick == 4) {
		free(p->unit);
		free(p->set);
		free(p->status);
		p->unit = p->set = p->status = NULL;
		p->with_us = 0;
	}
	if (pick >= 0)
		fundview_load(p, ui);
}

/* ---- keys ---- */

static const enum action table_actions[] = {
	ACT_OPEN, ACT_MOVE_LEFT, ACT_MOVE_RIGHT, ACT_FILTER, ACT_BACK, ACT_COUNT
};
static const enum action list_actions[] = {
	ACT_OPEN, FUND_ANSWER_ACTIONS, ACT_UNDO, ACT_HISTORY, ACT_BACK, ACT_COUNT
};
/* every key of the view, for its help */
static const enum action all_actions[] = {
	ACT_OPEN, ACT_MOVE_LEFT, ACT_MOVE_RIGHT, ACT_FILTER, FUND_ANSWER_ACTIONS, ACT_UNDO,
	ACT_HISTORY, ACT_BACK, ACT_COUNT
};

/* Enter on a cell: its requests, in place of the table. */
static void open_cell(struct ui *ui, struct fundview *p)
{
	const struct fund_row *r = &p->t.rows[p->row];
	const char *source = p->col < FUND_SOURCES ? fund_sources[p->col] : NULL;
	struct buf title = { 0 };

	free(p->cell_frame);
	p->cell_frame = r->total ? NULL : strdup(r->frame ? r->frame : "");
	if (!r->total && !p->cell_frame) {
		ui_error(ui, "%s", _("out of memory"));
		return;
	}
	p->list.q.filter = p->flt;
	p->list.q.frame = p->cell_frame;
	p->list.q.source = source;
	buf_printf(&title, "%s%s%s  ·  %s", r->frame ? r->frame : "", r->frame ? " " : "", r->label,
		   fund_ui_source(ui, source));
	free(p->list.title);
	p->list.title = buf_take(&title);
	fund_list_open(ui, &p->list);
}

/* Move the cursor over the cells for A; 1 when A was a move. */
static int table_move(struct fundview *p, enum action a)
{
	size_t last = p->t.n ? p->t.n - 1 : 0;

	switch (a) {
	case ACT_MOVE_UP:
		p->row -= p->row > 0;
		return 1;
	case ACT_MOVE_DOWN:
		p->row += p->row < last;
		return 1;
	case ACT_MOVE_LEFT:
		p->col -= p->col > 0;
		return 1;
	case ACT_MOVE_RIGHT:
		p->col += p->col < NCOLS - 1;
		return 1;
	case ACT_PAGE_UP:
	case ACT_FIRST:
		p->row = 0;
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_LAST:
		p->row = last;
		return 1;
	default:
		return 0;
	}
}

static int fundview_act(struct view *v, struct ui *ui, enum action a)
{
	struct fundview *p = v->data;
	int used;

	if (p->list.open) {
		used = fund_list_act(ui, &p->list, a);
		v->actions_now = p->list.open ? list_actions : table_actions;
		return used;
	}
	if (table_move(p, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
		if (p->t.n)
			open_cell(ui, p);
		v->actions_now = p->list.open ? list_actions : table_actions;
		return 1;
	case ACT_FILTER:
		choose_filter(ui, p);
		return 1;
	case ACT_AGREE:
	case ACT_AGREE_PART:
	case ACT_DECLINE:
	case ACT_REFER:
		ui_message(ui, "%s", _("Enter lists the requests of a cell; answer them there"));
		return 1;
	default:
		return 0;
	}
}

static void fundview_reload(struct view *v, struct ui *ui)
{
	struct fundview *p = v->data;

	fundview_load(p, ui);
	fund_list_reload(ui, &p->list);
}

static void fundview_free(struct view *v)
{
	struct fundview *p = v->data;

	fund_list_close(&p->list);
	wrapped_free(p);
	fund_table_free(&p->t);
	free(p->cell_frame);
	free(p->unit);
	free(p->set);
	free(p->status);
	free(p);
}

/* view_ops.label: what f does here. */
static const char *fundview_label(const struct view *v, enum action a)
{
	(void)v;
	return a == ACT_FILTER ? _("show: with us, one unit, one norm set, one status") : NULL;
}

static const struct view_ops fundview_ops = {
	.name = N_("support requests by frame and source"),
	.label = fundview_label,
	.draw = fundview_draw,
	.act = fundview_act,
	.reload = fundview_reload,
	.free = fundview_free,
	.actions = all_actions,
};

struct view *view_support_new(struct ui *ui, const struct ui_place *at)
{
	struct fundview *p;
	struct view *v;

	if (at->code)
		return fund_request_view(ui, at);
	if (!(p = calloc(1, sizeof *p))) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	fundview_load(p, ui);
	v = ui_view_new(&fundview_ops, p);
	if (v)
		v->actions_now = table_actions;
	return v;
}
