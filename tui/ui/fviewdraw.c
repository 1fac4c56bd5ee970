/* fviewdraw.c - any form on the screen: the record's own lines, then each
 * field, a text area under its label, the others beside labels aligned by
 * display width (or under them, as the form says), values wrapped at Thai
 * words; what scrolls into view; the hint while typing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/widget.h"
#include "fview.h"

/* One line of the form, laid out for drawing. */
struct frow {
	enum { ROW_TEXT, ROW_AREA, ROW_FIELD } kind;   /* text; the typing area;
							  the one-line field typed in */
	char *text;                  /* ROW_TEXT */
	attr_t attr;
	int x;
	const char *label;           /* drawn at column 0 before TEXT (may be NULL) */
	attr_t label_attr;
};

struct frows {
	struct frow *v;
	int n, cap;
	int oom;
};

/* Add a line to R (TEXT copied). */
static void rows_add(struct frows *r, int kind, const char *text, attr_t attr, int x)
{
	if (r->oom)
		return;
	if (r->n == r->cap) {
		int cap = r->cap ? 2 * r->cap : 32;
		struct frow *v = realloc(r->v, (size_t)cap * sizeof *v);

		if (!v) {
			r->oom = 1;
			return;
		}
		r->v = v;
		r->cap = cap;
	}
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	r->v[r->n].kind = kind;
	r->v[r->n].text = text ? strdup(text) : NULL;
	if (text && !r->v[r->n].text) {
		r->oom = 1;
		return;
	}
	r->v[r->n].attr = attr;
	r->v[r->n++].x = x;
}

/* Add S wrapped at Thai words into the columns from X on: every line. */
static void rows_add_wrapped(struct frows *r, struct ui *ui, const char *s, attr_t attr, int x)
{
	struct text_lines lines;
	size_t i;

	if (text_wrap(s, ui->cols - x, &lines) < 0) {
		r->oom = 1;
		return;
	}
	for (i = 0; i < lines.n; i++)
		rows_add(r, ROW_TEXT, lines.v[i], attr, x);
	text_lines_free(&lines);
}

static void rows_free(struct frows *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
}

/* Field I as a text area: its label, then its text (or the typing area of
 * AREA lines). */
static void layout_area(struct fview *f, struct ui *ui, size_t i, int area, struct frows *r)
{
	const struct form_field *fld = &f->def->fields[i];
	const char *v = f->rec.values[i];
	int k;

	rows_add(r, ROW_TEXT, _(fld->label), i == f->sel ? ui->theme.attr[T_SELECTED]
							  : ui->theme.attr[T_HEADING], 0);
	if (i == f->sel && f->t.active) {
		for (k = 0; k < area; k++)
			rows_add(r, ROW_AREA, NULL, A_NORMAL, 2);
		return;
	}
	rows_add_wrapped(r, ui, v && *v ? v : "—", A_NORMAL, 2);
}

/* Field I on one line after its label, its value wrapped beneath itself;
 * or, when the form puts labels above, its value under its label. */
static void layout_line(struct fview *f, struct ui *ui, size_t i, struct frows *r)
{
	const struct form_field *fld = &f->def->fields[i];
	int vx = f->label_w + 2, from = r->n;
	char shown[8192];

	if (f->def->labels_above) {
		rows_add(r, ROW_TEXT, _(fld->label), i == f->sel ? ui->theme.attr[T_SELECTED]
								  : ui->theme.attr[T_HEADING], 0);
		vx = 2;
		from = r->n;
	}
	if (i == f->sel && f->t.active) {
		rows_add(r, ROW_FIELD, NULL, A_NORMAL, vx);
	} else {
		form_shown(fld, &f->ctx, f->rec.values[i], shown, sizeof shown);
		rows_add_wrapped(r, ui, shown, A_NORMAL, vx);
	}
	if (r->oom || r->n == from || f->def->labels_above)
		return;
	r->v[from].label = _(fld->label);
	r->v[from].label_attr = i == f->sel ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_HEADING];
}

/* Lay the form out into R, all of every value (a long text scrolls rather
 * than losing its end); the lines of each field go to F->first and
 * F->last.  AREA: the lines the typing area takes. */
static void layout(struct fview *f, struct ui *ui, int area, struct frows *r)
{
	size_t i;

	for (i = 0; i < f->rec.nlines; i++)
		rows_add_wrapped(r, ui, f->rec.lines[i].text,
				 ui->theme.attr[f->rec.lines[i].style == FORM_LINE_DIM ? T_DIM : T_HEADING],
				 0);
	if (f->rec.nlines)
		rows_add(r, ROW_TEXT, "", A_NORMAL, 0);
	for (i = 0; i < f->def->nfields; i++) {
		f->first[i] = r->n;
		if (f->def->fields[i].type == FIELD_TEXT)
			layout_area(f, ui, i, area, r);
		else
			layout_line(f, ui, i, r);
		f->last[i] = r->n - 1;
	}
}

/* Choose the first line shown so that the selected field shows (from its
 * label when it was just chosen), in HEIGHT lines less the marks of lines
 * above and below; F->view gets the lines of the form shown. */
static void scroll_to_field(struct fview *f, int height)
{
	int pass, s = (int)f->sel;

	for (pass = 0; pass < 2; pass++) {
		int up, down;

		if (f->scroll_for != s) {
			/* just chosen: its label and as much of it as fits, moving
			 * the form no more than that needs */
			if (s == 0 || f->first[s] < f->scroll)
				f->scroll = s == 0 ? 0 : f->first[s];   /* the first: the lines above too */
			else if (f->last[s] >= f->scroll + f->view)
				f->scroll = f->last[s] - f->first[s] < f->view ? f->last[s] - f->view + 1
									       : f->first[s];
		}
		/* some of the selected field always shows */
		if (f->scroll > f->last[s])
			f->scroll = f->last[s];
		if (f->scroll + f->view <= f->first[s])
			f->scroll = f->first[s] - f->view + 1;
		/* no further than the last line at the foot, under the mark */
		if (f->scroll > f->nrows - height + 1)
			f->scroll = f->nrows - height + 1;
		if (f->scroll < 0)
			f->scroll = 0;
		up = f->scroll > 0;
		down = f->nrows - f->scroll > height - up;
		f->view = height - up - down;
		if (f->view < 1)
			f->view = 1;
	}
	f->scroll_for = s;
}

/* "↑ 3 more lines" at Y: N lines of the form hidden above (UP) or below. */
static void more_mark(struct ui *ui, int y, int n, int up)
{
	char line[128];

	snprintf(line, sizeof line, up ? _("%s %d more lines above") : _("%s %d more lines"),
		 ui->theme.ascii ? (up ? "^" : "v") : (up ? "↑" : "↓"), n);
	ui_put(y, 2, line, ui->cols - 2, ui->theme.attr[T_DIM], 0);
}

/* The line under the form while typing in field FLD: what the keys do. */
static const char *typing_hint(const struct form_field *fld)
{
	switch (fld->type) {
	case FIELD_TEXT:
		return _("Typing: Esc done · Enter new line · Tab next field · Ctrl-E your editor · "
			 "saved as you go");
	case FIELD_DATE:
		return _("A date, e.g. 20/1/2569 or 20 ม.ค. 69 · Enter or Esc done · Tab next field");
	default:
		return _("Typing: Enter or Esc done · Tab next field · Ctrl-E your editor");
	}
}

/* Row I of R at screen line Y; AREA lines of typing area, SHOWN_TO the
 * first form line below the screen. */
static void draw_row(struct fview *f, struct ui *ui, const struct frows *r, int i, int y, int area,
		     int shown_to)
{
	const struct frow *row = &r->v[i];

	if (row->label)
		ui_put(y, 0, row->label, f->label_w, row->label_attr, 0);
	switch (row->kind) {
	case ROW_TEXT:
		ui_put(y, row->x, row->text, ui->cols - row->x, row->attr, 0);
		break;
	case ROW_FIELD:
		widget_field_draw(stdscr, y, row->x, ui->cols - row->x - 1, &f->t.ed,
				  ui->theme.attr[T_SELECTED], 1);
		ui_keep_cursor(ui);
		break;
	case ROW_AREA:
		/* the typing area, as much of it as shows, from its first line */
		if (i == 0 || r->v[i - 1].kind != ROW_AREA || i == f->scroll) {
			int rows = area < shown_to - i ? area : shown_to - i;

			widget_area_draw(stdscr, y, 2, ui->cols - 3, rows, &f->t.ed, A_UNDERLINE, 1);
			ui_keep_cursor(ui);
		}
		break;
	}
}

void fview_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct fview *f = v->data;
	struct frows r = { NULL, 0, 0, 0 };
	int y, i, area = 0;

	if (!f->loaded) {
		ui_note(ui, top, _(f->def->missing_note));
		return;
	}
	if (f->t.active) {
		/* the last line says what the keys do now */
		height--;
		ui_put(top + height, 0, typing_hint(&f->def->fields[f->typed]), ui->cols,
		       ui->theme.attr[T_HINT_KEY], 0);
		area = height - 6 < 6 ? height - 6 : 6;
		if (area < 1)
			area = 1;
	}
	layout(f, ui, area, &r);
	f->nrows = r.n;
	if (f->view < 1)
		f->view = height;
	scroll_to_field(f, height);
	y = top;
	if (f->scroll > 0)
		more_mark(ui, y++, f->scroll, 1);
	for (i = f->scroll; i < r.n && i < f->scroll + f->view; i++, y++)
		draw_row(f, ui, &r, i, y, area, f->scroll + f->view);
	if (r.n > f->scroll + f->view)
		more_mark(ui, top + height - 1, r.n - f->scroll - f->view, 0);
	rows_free(&r);
}
