/* aardraw.c - the AAR form on the screen: where each row goes, what
 * scrolls into view, the fields, the sections wrapped at Thai words, the
 * hint while typing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "routemap/widget.h"
#include "aarform.h"

static const char *status_mark(const struct ui *ui, const char *s)
{
	if (s && strcmp(s, "done") == 0)
		return ui->theme.ascii ? "[y]" : "[✓]";
	if (s && strcmp(s, "dropped") == 0)
		return "[-]";
	return "[ ]";
}

void aarform_wrapped_clear(struct form *p)
{
	size_t i;

	for (i = 0; p->wrapped && i < p->r.nsections; i++)
		edit_layout_free(&p->wrapped[i].lay);
	free(p->wrapped);
	p->wrapped = NULL;
}

/* Width of a section's text area. */
static int area_width(const struct ui *ui)
{
	return ui->cols - 4;
}

/* The wrapped lines of section I as it is stored (cached per width). */
static const struct edit_layout *section_lines(struct form *p, struct ui *ui, size_t i)
{
	struct wrapped *w = &p->wrapped[i];

	if (w->cols != area_width(ui)) {
		edit_layout_free(&w->lay);
		w->cols = 0;
		if (edit_wrap(p->r.sections[i].text, area_width(ui), &w->lay) < 0)
			return NULL;
		w->cols = area_width(ui);
	}
	return &w->lay;
}

/* Lines of section row ROW's text area: what the text needs, at least 3. */
static int area_lines(struct form *p, struct ui *ui, const struct frow *row, int editing)
{
	const struct edit_layout *l;
	int n;

	if (editing) {
		edit_set_wrap(&p->t.ed, area_width(ui), p->t.ed.page_rows > 0 ? p->t.ed.page_rows : 3);
		l = edit_layout(&p->t.ed);
	} else {
		l = section_lines(p, ui, row->idx);
	}
	n = l ? (int)l->n : 1;
	return n < 3 ? 3 : n;
}

/* Place every row in the form's lines: the record's code, six fields, a
 * blank line, each section (heading, text, a blank line), the actions'
 * heading, then each action's four rows with a blank line between. */
static void layout(struct form *p, struct ui *ui)
{
	int y = 1, heading = 0;
	size_t i;

	for (i = 0; i < p->nrows; i++) {
		struct frow *row = &p->rows[i];
		enum row_kind prev = i ? p->rows[i - 1].kind : R_TITLE;

		if (row->kind == R_SECTION && prev != R_SECTION)
			y++;
		if (row->kind == R_ACTION) {
			if (!heading) {
				if (prev != R_SECTION)
					y++;
				p->actions_y = y++;
				heading = 1;
			} else {
				y++;
			}
		}
		row->y = y;
		row->h = row->kind == R_SECTION ? 1 + area_lines(p, ui, row, p->t.active && i == p->cur) : 1;
		y += row->h + (row->kind == R_SECTION);
	}
	if (!heading) {
		if (!p->nrows || p->rows[p->nrows - 1].kind != R_SECTION)
			y++;
		p->actions_y = y;
		y += 2;                       /* the heading, "none yet" */
	}
	p->total = y;
}

/* Scroll so that the cursor's row shows, and the line with the text cursor
 * when a section is being typed in.  HEIGHT: the lines on screen. */
static void scroll_to_cursor(struct form *p, int height)
{
	const struct frow *row = &p->rows[p->cur];
	int lo = row->y, hi = row->y + row->h - 1, focus = lo;

	if (p->t.active && row->kind == R_SECTION) {
		const struct edit_layout *l = edit_layout(&p->t.ed);
		int col;

		if (l)
			focus = lo + 1 + (int)edit_layout_row(l, edit_text(&p->t.ed), edit_cursor(&p->t.ed), &col);
	}
	if (aarform_is_action_row(row->kind)) {
		/* the whole action, with the blank line or the heading above */
		size_t first = p->cur - (size_t)(row->kind - R_ACTION);

		lo = p->rows[first].y - 1;
		hi = first + 3 < p->nrows ? p->rows[first + 3].y : hi;
	}
	if (focus < p->scroll)
		p->scroll = focus;
	if (focus >= p->scroll + height)
		p->scroll = focus - height + 1;
	if (hi - lo + 1 <= height) {
		if (lo < p->scroll)
			p->scroll = lo;
		if (hi >= p->scroll + height)
			p->scroll = hi - height + 1;
	} else if (focus - lo < height && lo < p->scroll) {
		p->scroll = lo;
	}
	if (p->cur == 0)
		p->scroll = 0;
	if (p->scroll > p->total - height)
		p->scroll = p->total - height;
	if (p->scroll < 0)
		p->scroll = 0;
}

/* Write S at form line FY (when on screen), column X, in COLS columns. */
static void put_at(struct form *p, int top, int height, int fy, int x, const char *s, int cols,
		   attr_t attr, int pad)
{
	if (fy >= p->scroll && fy < p->scroll + height)
		ui_put(top + fy - p->scroll, x, s, cols, attr, pad);
}

/* A field row: its label, then its value (or the field being typed in). */
static void draw_field(struct form *p, struct ui *ui, int top, int height, size_t i)
{
	const struct frow *row = &p->rows[i];
	struct aar_followup *x = aarform_row_action(p, row);
	int selected = i == p->cur, indent = aarform_is_action_row(row->kind) ? 2 : 0;
	int vx = p->label_w + 3, width = ui->cols - vx - 1, sy = top + row->y - p->scroll;
	const char *value = aarform_row_value(p, row);
	char text[1024], label[256];
	attr_t attr = A_NORMAL;

	if (row->y < p->scroll || row->y >= p->scroll + height)
		return;
	snprintf(label, sizeof label, "%*s%s", indent, "", aarform_row_label(row->kind));
	put_at(p, top, height, row->y, 0, "", p->label_w + 2,
	       selected ? ui->theme.attr[T_SELECTED] : A_NORMAL, 1);
	put_at(p, top, height, row->y, 1, label, p->label_w,
	       selected ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_HEADING], 0);
	if (row->kind == R_ACTION) {
		put_at(p, top, height, row->y, vx, status_mark(ui, x->status), 4, A_NORMAL, 0);
		vx += 4;
		width -= 4;
	}
	if (selected && p->t.active) {
		widget_field_draw(stdscr, sy, vx, width, &p->t.ed, ui->theme.attr[T_SELECTED], 1);
		return;
	}
	switch (row->kind) {
	case R_DATE:
	case R_DUE:
		ui_date(ui, value, text, sizeof text);
		value = text;
		break;
	case R_SUBJECT:
		snprintf(text, sizeof text, "%s %s  %s", aar_kind_label(p->r.subject_kind),
			 p->r.subject ? p->r.subject : "", p->r.subject_title ? p->r.subject_title : "");
		value = text;
		break;
	case R_STATUS:
		value = aarform_status_label(value);
		break;
	default:
		if (value && strchr(value, '\n')) {
			/* one line here: an imported text may hold line breaks */
			char *nl;

			snprintf(text, sizeof text, "%s", value);
			while ((nl = strchr(text, '\n')) != NULL)
				*nl = ' ';
			value = text;
		}
		break;
	}
	if (!value || !*value) {
		value = "—";
		attr = ui->theme.attr[T_DIM];
	}
	put_at(p, top, height, row->y, vx, value, width, attr, 0);
}

/* A section row: its heading, then its text, wrapped at Thai words. */
static void draw_section(struct form *p, struct ui *ui, int top, int height, size_t i)
{
	const struct frow *row = &p->rows[i];
	const struct aar_section *s = &p->r.sections[row->idx];
	int selected = i == p->cur, lines = row->h - 1, first = row->y + 1, k;
	char heading[512];

	snprintf(heading, sizeof heading, " %s", s->label);
	put_at(p, top, height, row->y, 0, heading, ui->cols,
	       selected ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_HEADING], selected);
	if (selected && p->t.active) {
		/* the visible part of the area; the widget scrolls within it */
		int from = first > p->scroll ? first : p->scroll;
		int to = first + lines < p->scroll + height ? first + lines : p->scroll + height;

		if (to > from) {
			p->t.ed.vscroll = (size_t)(from - first);
			widget_area_draw(stdscr, top + from - p->scroll, 2, area_width(ui), to - from,
					 &p->t.ed, A_NORMAL, 1);
		}
		return;
	}
	if (!*s->text) {
		put_at(p, top, height, first, 2, _("(nothing written yet: Enter to write)"),
		       area_width(ui), ui->theme.attr[T_DIM], 0);
		return;
	}
	{
		const struct edit_layout *l = section_lines(p, ui, row->idx);

		for (k = 0; l && k < (int)l->n; k++) {
			int fy = first + k;
			char *shown;

			if (fy < p->scroll || fy >= p->scroll + height)
				continue;
			shown = edit_render(s->text + l->v[k].start, l->v[k].end - l->v[k].start);
			if (shown) {
				put_at(p, top, height, fy, 2, shown, area_width(ui), A_NORMAL, 0);
				free(shown);
			}
		}
	}
}

/* The line under the form while typing: what the keys do now. */
static void draw_typing_hint(struct form *p, struct ui *ui, int y)
{
	enum row_kind k = p->rows[p->cur].kind;
	const char *hint;

	if (k == R_SECTION)
		hint = _("Typing: Esc done · Enter new line · Tab next field · Ctrl-E your editor");
	else if (k == R_DATE || k == R_DUE)
		hint = _("A date, e.g. 20/1/2569 or 20 ม.ค. 69 · Enter or Esc done · Tab next field");
	else if (k == R_TAGS)
		hint = _("Tags separated by ; · Enter or Esc done · Tab next field");
	else
		hint = _("Typing: Enter or Esc done · Tab next field · Ctrl-E your editor");
	ui_put(y, 0, hint, ui->cols, ui->theme.attr[T_HINT_KEY], 0);
}

void aarform_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct form *p = v->data;
	size_t i, open = 0;
	char line[512];

	if (!p->loaded) {
		ui_note(ui, top, _("This AAR is no longer there (deleted, or its adding undone)."));
		return;
	}
	if (p->t.active)
		height--;                     /* the typing hint below */
	layout(p, ui);
	scroll_to_cursor(p, height);
	snprintf(line, sizeof line, "%s  ·  %s %s", p->r.code, _("template"),
		 config_template_title(ui->cfg, p->r.template_name));
	put_at(p, top, height, 0, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	for (i = 0; i < p->r.nactions; i++)
		open += strcmp(p->r.actions[i].status, "open") == 0;
	snprintf(line, sizeof line, "%s  (%s: %zu / %zu)", _("Follow-up actions"), _("not done yet"),
		 open, p->r.nactions);
	put_at(p, top, height, p->actions_y, 0, line, ui->cols, ui->theme.attr[T_HEADING], 0);
	if (!p->r.nactions) {
		char key[64];

		keymap_describe(&ui->keys, ACT_ADD, 1, key, sizeof key);
		snprintf(line, sizeof line, _("none yet; %s adds one"), key);
		put_at(p, top, height, p->actions_y + 1, 2, line, ui->cols - 2, ui->theme.attr[T_DIM], 0);
	}
	for (i = 0; i < p->nrows; i++) {
		if (i == p->cur && p->t.active)
			continue;                 /* drawn last, for the cursor */
		if (p->rows[i].kind == R_SECTION)
			draw_section(p, ui, top, height, i);
		else
			draw_field(p, ui, top, height, i);
	}
	if (p->t.active && p->cur < p->nrows) {
		draw_typing_hint(p, ui, top + height);
		/* the field being typed in, last: the cursor stays in it */
		if (p->rows[p->cur].kind == R_SECTION)
			draw_section(p, ui, top, height, p->cur);
		else
			draw_field(p, ui, top, height, p->cur);
		ui_keep_cursor(ui);
	}
}
