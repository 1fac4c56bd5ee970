/* item.c - one checklist item: its status, the unit's note, the support it
 * needs, from whom, under which support frame.  Choices come from lists,
 * text is typed in place; every finished field is saved at once, typing is
 * saved after a second at rest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "views.h"
#include "routemap/widget.h"

enum field { F_STATUS, F_NOTE, F_NEEDED, F_FROM, F_FRAME, F_COUNT };

static const char *const field_names[F_COUNT] = {
	"assessment_entry.status", "assessment_entry.note", "assessment_entry.support_needed",
	"assessment_entry.support_from", "assessment_entry.support_frame",
};

static const char *field_label(enum field f)
{
	switch (f) {
	case F_STATUS:
		return _("status");
	case F_NOTE:
		return _("note");
	case F_NEEDED:
		return _("support needed");
	case F_FROM:
		return _("support from");
	case F_FRAME:
		return _("support frame");
	default:
		return "";
	}
}

static const char *status_label(enum entry_status s)
{
	switch (s) {
	case STATUS_MET:
		return _("met");
	case STATUS_PARTIAL:
		return _("partly");
	case STATUS_NOT_MET:
		return _("not met");
	case STATUS_NA:
		return _("not applicable");
	default:
		return _("not answered yet");
	}
}

struct itemform {
	struct ui *ui;               /* for saving when the view goes */
	char *code, *item_code;
	struct assessment a;
	int loaded;
	int missing;                 /* the assessment or the item is no more */
	size_t item;                 /* index into a.items */
	enum field sel;
	struct typing t;             /* typing in a text field */
	int in_save;                 /* a save is reading the item again */
	struct view *self;           /* its hint line changes while typing */
	/* the form as last drawn: its lines [first, last] of each field
	 * among NROWS, the first line shown, and how many are shown */
	int first[F_COUNT], last[F_COUNT], nrows, scroll, view;
	int scroll_for;              /* the field SCROLL was set for */
};

/* One line of the form, laid out for drawing. */
struct form_row {
	char *text;                  /* NULL: a line of the typing area */
	attr_t attr;
	int x;
};

struct form_rows {
	struct form_row *v;
	int n, cap;
	int oom;
};

/* Add a line to R (TEXT copied; NULL for the typing area). */
static void rows_add(struct form_rows *r, const char *text, attr_t attr, int x)
{
	if (r->oom)
		return;
	if (r->n == r->cap) {
		int cap = r->cap ? 2 * r->cap : 32;
		struct form_row *v = realloc(r->v, (size_t)cap * sizeof *v);

		if (!v) {
			r->oom = 1;
			return;
		}
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n].text = text ? strdup(text) : NULL;
	if (text && !r->v[r->n].text) {
		r->oom = 1;
		return;
	}
	r->v[r->n].attr = attr;
	r->v[r->n++].x = x;
}

/* Add S wrapped at Thai words into the columns from X on: every line. */
static void rows_add_wrapped(struct form_rows *r, struct ui *ui, const char *s, attr_t attr, int x)
{
	struct text_lines lines;
	size_t i;

	if (text_wrap(s, ui->cols - x, &lines) < 0) {
		r->oom = 1;
		return;
	}
	for (i = 0; i < lines.n; i++)
		rows_add(r, lines.v[i], attr, x);
	text_lines_free(&lines);
}

static void rows_free(struct form_rows *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
}

/* While typing, letters are text: only Ctrl-E is a command. */
static const enum action typing_actions[] = { ACT_EXTERNAL_EDITOR, ACT_COUNT };

static struct check_item *item(struct itemform *f)
{
	return f->loaded && f->item < f->a.nitems ? &f->a.items[f->item] : NULL;
}

/* The field's value as stored (for status, its name). */
static const char *value_of(struct itemform *f, enum field fld)
{
	struct check_item *it = item(f);

	switch (fld) {
	case F_STATUS:
		return entry_status_name(it->status);
	case F_NOTE:
		return it->note;
	case F_NEEDED:
		return it->support_needed;
	case F_FROM:
		return it->support_from;
	case F_FRAME:
		return it->support_frame;
	default:
		return NULL;
	}
}

static int load(struct itemform *f, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	size_t i;
	int rc;

	if (f->loaded)
		assessment_free(&f->a);
	rc = assessment_load(ui->st, ui->cfg, f->code, &f->a, &err);
	f->loaded = rc == 0;
	/* gone for good, not only unreadable for a moment (busy, full) */
	f->missing = rc == ASSESSMENT_MISSING;
	if (!f->loaded) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	for (i = 0; i < f->a.nitems; i++)
		if (strcmp(f->a.items[i].code, f->item_code) == 0) {
			f->item = i;
			return 0;
		}
	assessment_free(&f->a);
	f->loaded = 0;
	f->missing = 1;
	ui_error(ui, _("no item \"%s\" in this checklist"), f->item_code);
	return -1;
}

/* Save VALUE, chosen from a list, into field FLD.  On a conflict the other
 * person's value stays and shows, and the user is told: choosing again is
 * a choice made knowing theirs. */
static int save(struct itemform *f, struct ui *ui, enum field fld, const char *expected,
		const char *value, char **current)
{
	struct rm_error err = { 0, "" };
	struct check_item *it = item(f);
	int rc;

	rc = change_entry_field(ui->st, &ui->undo, f->a.id, it->id, field_names[fld], expected,
				value, current, &it->entry, &err);
	if (rc == CHANGE_CONFLICT) {
		ui_changed(ui);    /* theirs on the screen */
		ui_error(ui, _("%s; choose again if yours should stand"), err.msg);
		return rc;
	}
	if (rc == CHANGE_ERROR) {
		ui_error(ui, "%s", err.msg);
		return rc;
	}
	ui_message(ui, "%s", _("saved"));
	ui_changed(ui);    /* the checklist behind, its coverage; this form too */
	return rc;
}

/* typing_save_fn: the text typed into the selected field. */
static int save_typed(void *form, struct ui *ui, const char *expected, const char *text,
		      char **current, struct rm_error *err)
{
	struct itemform *f = form;
	struct check_item *it = item(f);
	int rc;

	if (!it && !f->missing && load(f, ui) == 0)
		it = item(f);      /* the last read failed for a moment: again */
	if (!it && f->missing) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this item is no longer there: its assessment "
						      "was deleted meanwhile"));
		return TYPING_REFUSED;
	}
	if (!it) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("cannot read the item again"));
		return CHANGE_ERROR;   /* tried again in a few seconds */
	}
	rc = change_entry_field(ui->st, &ui->undo, f->a.id, it->id, field_names[f->sel], expected,
				text, current, &it->entry, err);
	if (rc == CHANGE_OK) {
		f->in_save = 1;    /* the typing is in use: item_reload leaves it be */
		ui_changed(ui);    /* the checklist behind, its coverage; this form too */
		f->in_save = 0;
	}
	return rc;
}

static void start_editing(struct itemform *f, struct ui *ui)
{
	if (typing_start(&f->t, ui, field_label(f->sel), value_of(f, f->sel), NULL, EDIT_MULTILINE,
			 4000, 1, save_typed, f) == 0)
		f->self->actions_now = typing_actions;
}

/* Typing ended (or never began): the hint line of the form again. */
static void typing_ended(struct itemform *f)
{
	if (!f->t.active)
		f->self->actions_now = NULL;
}

/* The item went away under the user (another user deleted the
 * assessment): what was typed goes to the recovery file, and the user is
 * told.  Not while a save is reading it again: the idle tick comes back.
 * A read that failed for a moment (busy, out of memory) keeps the typing. */
static void item_gone(struct itemform *f, struct ui *ui)
{
	if (f->t.active && !f->in_save && f->missing) {
		typing_abandon(&f->t, ui);
		typing_ended(f);
	}
}

/* Choose a value for a field with a list; save it at once. */
static void choose(struct itemform *f, struct ui *ui)
{
	const struct cfg_labels *labels = f->sel == F_FROM ? &ui->cfg->support_sources
				   : &ui->cfg->support_frames;
	const char *names[64], *codes[64];
	char texts[64][160];
	size_t n = 0, i, at = 0;
	const char *now = value_of(f, f->sel);
	int pick;

	if (f->sel == F_STATUS) {
		for (i = 0; i <= STATUS_NA; i++) {
			codes[n] = entry_status_name((enum entry_status)i);
			names[n++] = status_label((enum entry_status)i);
		}
	} else {
		codes[n] = "";
		names[n++] = _("none");
		for (i = 0; i < labels->n && n < 64; i++) {
			snprintf(texts[n], sizeof texts[n], "%s  %s", labels->v[i].code, labels->v[i].label);
			codes[n] = labels->v[i].code;
			names[n] = f->sel == F_FROM ? labels->v[i].label : texts[n];
			n++;
		}
	}
	for (i = 0; i < n; i++)
		if (strcmp(codes[i], now ? now : "") == 0)
			at = i;
	pick = ui_choose(ui, field_label(f->sel), names, n, at);
	if (pick < 0 || strcmp(codes[pick], now ? now : "") == 0)
		return;
	if (save(f, ui, f->sel, now, codes[pick], NULL) == CHANGE_OK)
		change_seal(&ui->undo);
}

/* The value of field FLD as people read it. */
static void shown_value(struct itemform *f, struct ui *ui, enum field fld, struct buf *b)
{
	const char *v = value_of(f, fld), *label;

	switch (fld) {
	case F_STATUS:
		buf_puts(b, status_label(item(f)->status));
		return;
	case F_FROM:
		label = v ? config_label(&ui->cfg->support_sources, v) : NULL;
		buf_puts(b, label ? label : v ? v : "—");
		return;
	case F_FRAME:
		label = v ? config_label(&ui->cfg->support_frames, v) : NULL;
		if (v)
			buf_printf(b, "%s  %s", v, label ? label : "");
		else
			buf_puts(b, "—");
		return;
	default:
		buf_puts(b, v && *v ? v : "—");
	}
}

/* Lay the form out into R, all of every value (a note of many lines
 * scrolls rather than losing its end); the lines of each field go to
 * F->first and F->last.  AREA: the lines the typing area takes. */
static void item_layout(struct itemform *f, struct ui *ui, const struct check_item *it, int area,
			struct form_rows *r)
{
	struct buf b = { 0 };
	int fld, k;

	buf_printf(&b, "%s  %s", it->code, it->text);
	rows_add_wrapped(r, ui, b.s ? b.s : "", ui->theme.attr[T_HEADING], 0);
	buf_free(&b);
	if (it->evidence) {
		buf_printf(&b, "%s %s", _("evidence:"), it->evidence);
		rows_add_wrapped(r, ui, b.s ? b.s : "", ui->theme.attr[T_DIM], 0);
		buf_free(&b);
	}
	rows_add(r, "", A_NORMAL, 0);
	for (fld = 0; fld < F_COUNT; fld++) {
		int selected = fld == (int)f->sel;

		f->first[fld] = r->n;
		rows_add(r, field_label((enum field)fld), selected ? ui->theme.attr[T_SELECTED]
								   : ui->theme.attr[T_HEADING], 0);
		if (selected && f->t.active) {
			for (k = 0; k < area; k++)
				rows_add(r, NULL, A_NORMAL, 2);
		} else {
			shown_value(f, ui, (enum field)fld, &b);
			rows_add_wrapped(r, ui, b.s ? b.s : "—", A_NORMAL, 2);
			buf_free(&b);
		}
		f->last[fld] = r->n - 1;
	}
}

/* Choose the first line shown so that the selected field shows (from its
 * label when it was just chosen), in HEIGHT lines less the marks of lines
 * above and below; F->view gets the lines of the form shown. */
static void item_scroll(struct itemform *f, int height)
{
	int pass, s = (int)f->sel;

	for (pass = 0; pass < 2; pass++) {
		int up, down;

		if (f->scroll_for != s) {
			/* just chosen: its label and as much of it as fits, moving
			 * the form no more than that needs */
			if (s == 0 || f->first[s] < f->scroll)
				f->scroll = s == 0 ? 0 : f->first[s];   /* the first: the item too */
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

static void item_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct itemform *f = v->data;
	struct check_item *it = item(f);
	struct form_rows r = { NULL, 0, 0, 0 };
	int y, i, area = 0;

	if (!it) {
		ui_note(ui, top, _("This item is no longer there (its assessment was deleted)."));
		return;
	}
	if (f->t.active) {
		/* the last line says what the keys do now */
		height--;
		ui_put(top + height, 0,
		       _("Typing: Esc done · Enter new line · Tab next field · Ctrl-E your editor · "
			 "saved as you go"), ui->cols, ui->theme.attr[T_HINT_KEY], 0);
		area = height - 6 < 6 ? height - 6 : 6;
		if (area < 1)
			area = 1;
	}
	item_layout(f, ui, it, area, &r);
	f->nrows = r.n;
	if (f->view < 1)
		f->view = height;
	item_scroll(f, height);
	y = top;
	if (f->scroll > 0)
		more_mark(ui, y++, f->scroll, 1);
	for (i = f->scroll; i < r.n && i < f->scroll + f->view; i++, y++) {
		if (r.v[i].text) {
			ui_put(y, r.v[i].x, r.v[i].text, ui->cols - r.v[i].x, r.v[i].attr, 0);
		} else if (i == 0 || r.v[i - 1].text || i == f->scroll) {
			/* the typing area, as much of it as shows */
			int rows = area < f->scroll + f->view - i ? area : f->scroll + f->view - i;

			widget_area_draw(stdscr, y, 2, ui->cols - 3, rows, &f->t.ed, A_UNDERLINE, 1);
			ui_keep_cursor(ui);
		}
	}
	if (r.n > f->scroll + f->view)
		more_mark(ui, top + height - 1, r.n - f->scroll - f->view, 0);
	rows_free(&r);
}

static int item_act(struct view *v, struct ui *ui, enum action a)
{
	struct itemform *f = v->data;
	struct check_item *it = item(f);

	if (!it)
		return 0;
	switch (a) {
	case ACT_MOVE_UP:
		if (f->first[f->sel] < f->scroll)
			f->scroll--;
		else if (f->sel > 0)
			f->sel--;
		else
			f->scroll = 0;   /* up to the item's own text */
		return 1;
	case ACT_PREV_SECTION:
		if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_MOVE_DOWN:
		/* a field longer than the screen scrolls before the next */
		if (f->last[f->sel] >= f->scroll + f->view)
			f->scroll++;
		else if (f->sel + 1 < F_COUNT)
			f->sel++;
		return 1;
	case ACT_PAGE_DOWN:
		if (f->last[f->sel] >= f->scroll + f->view)
			f->scroll += f->view > 1 ? f->view - 1 : 1;
		else if (f->sel + 1 < F_COUNT)
			f->sel++;
		return 1;
	case ACT_PAGE_UP:
		if (f->first[f->sel] < f->scroll)
			f->scroll -= f->view > 1 ? f->view - 1 : 1;
		else if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_NEXT_SECTION:
		if (f->sel + 1 < F_COUNT)
			f->sel++;
		return 1;
	case ACT_OPEN:
	case ACT_EDIT:
		if (f->sel == F_NOTE || f->sel == F_NEEDED)
			start_editing(f, ui);
		else
			choose(f, ui);
		return 1;
	case ACT_HISTORY:
		if (it->entry)
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = "assessment_entry", .row = it->entry, .title = it->code });
		else
			ui_message(ui, "%s", _("no changes recorded"));
		return 1;
	default:
		return 0;
	}
}

/* Keys that end typing in a field and then do what they do elsewhere. */
static int leaves_field(int status, wint_t ch)
{
	return status == KEY_CODE_YES &&
	       (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_PPAGE || ch == KEY_NPAGE);
}

static int item_key(struct itemform *f, struct ui *ui, int status, wint_t ch);

/* While typing, keys are text: the widget takes them first. */
static int item_raw_key(struct view *v, struct ui *ui, int status, wint_t ch)
{
	struct itemform *f = v->data;

	int r;

	if (!f->t.active)
		return 0;
	r = item_key(f, ui, status, ch);
	typing_ended(f);
	return r;
}

/* item_raw_key's work, typing_ended aside. */
static int item_key(struct itemform *f, struct ui *ui, int status, wint_t ch)
{
	switch (typing_key(&f->t, ui, status, ch)) {
	case TYPING_USED:
		return 1;
	case TYPING_LEAVE:
		typing_finish(&f->t, ui);
		return 1;
	default:
		break;
	}
	/* Tab and Shift-Tab go to the next and the previous field, here and
	 * not to another section (text typed on would become commands). */
	if ((status == OK && ch == '\t') || (status == KEY_CODE_YES && ch == KEY_BTAB)) {
		if (typing_finish(&f->t, ui) == 0) {
			if (ch == '\t' && f->sel + 1 < F_COUNT)
				f->sel++;
			else if (ch == KEY_BTAB && f->sel > 0)
				f->sel--;
		}
		return 1;
	}
	/* Ctrl-C quits from anywhere: what can be saved is, the rest kept. */
	if (status == OK && ch == 3) {
		typing_abandon(&f->t, ui);
		return 0;
	}
	/* Up past the top, PgDn...: save, leave, then do what they do. */
	if (leaves_field(status, ch))
		return typing_finish(&f->t, ui) < 0;
	beep();
	return 1;
}

/* A second at rest after typing: save. */
static void item_tick(struct view *v, struct ui *ui)
{
	struct itemform *f = v->data;

	item_gone(f, ui);   /* (deleted while a save was reading it again) */
	typing_tick(&f->t, ui);
	typing_ended(f);
}

static void item_reload(struct view *v, struct ui *ui)
{
	struct itemform *f = v->data;

	load(f, ui);
	item_gone(f, ui);
}

static void item_free(struct view *v)
{
	struct itemform *f = v->data;

	/* quitting or a signal: what was typed is saved on the way out */
	typing_abandon(&f->t, f->ui);
	if (f->loaded)
		assessment_free(&f->a);
	free(f->code);
	free(f->item_code);
	free(f);
}

static const enum action item_actions[] = {
	ACT_OPEN, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_UNDO, ACT_HISTORY, ACT_BACK, ACT_COUNT
};

static const struct view_ops item_ops = {
	.name = N_("checklist item"),
	.draw = item_draw,
	.act = item_act,
	.reload = item_reload,
	.free = item_free,
	.actions = item_actions,
	.raw_key = item_raw_key,
	.tick = item_tick,
};

struct view *view_item_new(struct ui *ui, const struct ui_place *at)
{
	const char *assessment = at->code, *item_code = at->part;
	struct itemform *f = calloc(1, sizeof *f);
	struct view *v;

	if (!f || !(f->code = strdup(assessment)) || !(f->item_code = strdup(item_code))) {
		if (f)
			free(f->code);
		free(f);
		return NULL;
	}
	f->ui = ui;
	f->sel = F_NOTE;
	f->scroll_for = -1;
	if (load(f, ui) < 0) {
		free(f->code);
		free(f->item_code);
		free(f);
		return NULL;
	}
	v = ui_view_new(&item_ops, f);   /* (frees F when it fails) */
	if (v)
		f->self = v;
	return v;
}
