/* fviewdraw.c - any form on the screen: the record's own lines, then each
 * field, then the rows of each group under its heading; a text area
 * under its label, the other fields beside labels aligned by display
 * width (or under them, as the form says), values wrapped at Thai words,
 * a row's mark before its first field; what scrolls into view (a row of
 * a group as a whole); the hint while typing. */
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
	int pad;                     /* TEXT's attribute to the end of the line */
	const char *label;           /* drawn before TEXT (may be NULL) */
	attr_t label_attr;
	int label_x;                 /* where (a row's fields are indented) */
	int selected;                /* the label's line stands out from column 0 */
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

/* Does the last line of R hold nothing? */
static int blank_above(const struct frows *r)
{
	return !r->n || (r->v[r->n - 1].kind == ROW_TEXT && !*r->v[r->n - 1].text &&
			 !r->v[r->n - 1].label);
}

/* A label's line of its own: " label", standing out across the line when
 * its field is under the cursor. */
static void label_line(struct fview *f, struct ui *ui, size_t i, struct frows *r)
{
	char line[1024];

	snprintf(line, sizeof line, " %s", f->slots[i].label);
	rows_add(r, ROW_TEXT, line, i == f->sel ? ui->theme.attr[T_SELECTED]
						: ui->theme.attr[T_HEADING], 0);
	if (!r->oom && i == f->sel)
		r->v[r->n - 1].pad = 1;
}

/* Slot I as a text area: its label, then its text (or the typing area of
 * AREA lines). */
static void layout_area(struct fview *f, struct ui *ui, size_t i, int area, struct frows *r)
{
	const char *v = fview_value(f, i);
	int k;

	label_line(f, ui, i, r);
	if (i == f->sel && f->t.active) {
		for (k = 0; k < area; k++)
			rows_add(r, ROW_AREA, NULL, A_NORMAL, 2);
		return;
	}
	if (v && *v)
		rows_add_wrapped(r, ui, v, A_NORMAL, 2);
	else if (f->slots[i].fld->change)
		rows_add(r, ROW_TEXT, _("(nothing written yet: Enter to write)"),
			 ui->theme.attr[T_DIM], 2);
	else
		rows_add(r, ROW_TEXT, "—", ui->theme.attr[T_DIM], 2);
}

/* Slot I on one line after its label, its value wrapped beneath itself
 * (a row's mark before it); or, when the form puts labels above, its
 * value under its label. */
static void layout_line(struct fview *f, struct ui *ui, size_t i, struct frows *r)
{
	const struct fslot *s = &f->slots[i];
	const char *mark = fview_mark(f, ui, i);
	int vx = f->label_w + 3, from = r->n;
	int empty = !fview_value(f, i) || !*fview_value(f, i);
	char shown[8192];

	if (f->def->labels_above) {
		label_line(f, ui, i, r);
		vx = 2;
		from = r->n;
	}
	if (i == f->sel && f->t.active) {
		rows_add(r, ROW_FIELD, NULL, A_NORMAL, vx + (mark ? 4 : 0));
	} else {
		snprintf(shown, sizeof shown, "%s%s%s", mark ? mark : "", mark ? " " : "",
			 s->shown ? s->shown : "");
		rows_add_wrapped(r, ui, shown, empty && !mark ? ui->theme.attr[T_DIM] : A_NORMAL, vx);
	}
	if (r->oom || r->n == from || f->def->labels_above)
		return;
	r->v[from].label = s->label;
	r->v[from].label_x = 1 + (s->group >= 0 ? 2 : 0);
	r->v[from].selected = i == f->sel;
	r->v[from].label_attr = i == f->sel ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_HEADING];
}

/* Slot I, whichever kind, its lines into F->first and F->last. */
static void layout_slot(struct fview *f, struct ui *ui, size_t i, int area, struct frows *r)
{
	f->first[i] = r->n;
	if (f->slots[i].fld->type == FIELD_TEXT)
		layout_area(f, ui, i, area, r);
	else
		layout_line(f, ui, i, r);
	f->last[i] = r->n - 1;
}

/* Group G from slot *I on: a blank line, its heading, its rows (a blank
 * line between two), or that it has none yet. */
static void layout_group(struct fview *f, struct ui *ui, size_t g, size_t *i, int area,
			 struct frows *r)
{
	const struct form_group *grp = &f->def->groups[g];
	const struct form_rows *rows = g < f->rec.ngroups ? &f->rec.groups[g] : NULL;
	const char *heading = rows && rows->heading ? rows->heading
			      : grp->title ? _(grp->title) : NULL;
	size_t n = rows ? rows->n : 0, k, j;

	if (!n && !heading)
		return;
	if (!blank_above(r))
		rows_add(r, ROW_TEXT, "", A_NORMAL, 0);
	if (heading)
		rows_add(r, ROW_TEXT, heading, ui->theme.attr[T_HEADING], 0);
	if (!n && grp->add) {
		char key[64], line[256];

		keymap_describe(&ui->keys, ACT_ADD, 1, key, sizeof key);
		snprintf(line, sizeof line, _("none yet; %s adds one"), key);
		rows_add(r, ROW_TEXT, line, ui->theme.attr[T_DIM], 2);
	}
	for (k = 0; k < n; k++) {
		if (k)
			rows_add(r, ROW_TEXT, "", A_NORMAL, 0);
		if (rows->v[k].label && grp->nfields > 1)
			rows_add(r, ROW_TEXT, rows->v[k].label, ui->theme.attr[T_HEADING], 1);
		for (j = 0; j < grp->nfields && *i < f->nslots; j++)
			layout_slot(f, ui, (*i)++, area, r);
	}
}

/* Lay the form out into R, all of every value (a long text scrolls rather
 * than losing its end); the lines of each slot go to F->first and
 * F->last.  AREA: the lines the typing area takes. */
static void layout(struct fview *f, struct ui *ui, int area, struct frows *r)
{
	size_t i, g;

	for (i = 0; i < f->rec.nlines; i++)
		rows_add_wrapped(r, ui, f->rec.lines[i].text,
				 ui->theme.attr[f->rec.lines[i].style == FORM_LINE_DIM ? T_DIM : T_HEADING],
				 0);
	if (f->rec.nlines)
		rows_add(r, ROW_TEXT, "", A_NORMAL, 0);
	for (i = 0; i < f->def->nfields && i < f->nslots; i++)
		layout_slot(f, ui, i, area, r);
	for (g = 0; g < f->def->ngroups && !f->draft; g++)
		layout_group(f, ui, g, &i, area, r);
}

/* Choose the first line shown so that the selected field shows (from its
 * label when it was just chosen), in HEIGHT lines less the marks of lines
 * above and below; F->view gets the lines of the form shown. */
static void scroll_to_field(struct fview *f, int height)
{
	int pass, s = (int)f->sel, lo, hi;
	size_t a, b;

	/* a row of a group shows whole, with the line above it */
	fview_row_span(f, f->sel, &a, &b);
	lo = a == b ? f->first[s] : f->first[a] - 1;
	hi = f->last[b];
	for (pass = 0; pass < 2; pass++) {
		int up, down;

		if (f->scroll_for != s) {
			/* just chosen: its label and as much of it as fits, moving
			 * the form no more than that needs */
			if (s == 0 || lo < f->scroll)
				f->scroll = s == 0 ? 0 : lo;   /* the first: the lines above too */
			else if (hi >= f->scroll + f->view)
				f->scroll = hi - lo < f->view ? hi - f->view + 1 : f->first[s];
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

	if (row->label) {
		if (row->selected)
			ui_put(y, 0, "", f->label_w + 2, row->label_attr, 1);
		ui_put(y, row->label_x, row->label, f->label_w + 1 - row->label_x, row->label_attr, 0);
	}
	switch (row->kind) {
	case ROW_TEXT:
		ui_put(y, row->x, row->text, ui->cols - row->x, row->attr, row->pad);
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

	if (!f->loaded || !f->nslots) {
		ui_note(ui, top, _(f->def->missing_note));
		return;
	}
	if (f->t.active) {
		/* the last line says what the keys do now */
		height--;
		ui_put(top + height, 0, typing_hint(f->slots[f->typed].fld), ui->cols,
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
