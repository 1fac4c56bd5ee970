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
	int field_y[F_COUNT];        /* rows of the fields at the last draw */
};

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

static void item_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct itemform *f = v->data;
	struct check_item *it = item(f);
	struct text_lines lines;
	struct buf b = { 0 };
	int y = top, fld;
	size_t i;

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
	}
	buf_printf(&b, "%s  %s", it->code, it->text);
	if (text_wrap(b.s, ui->cols, &lines) == 0) {
		for (i = 0; i < lines.n && y < top + 3; i++)
			ui_put(y++, 0, lines.v[i], ui->cols, ui->theme.attr[T_HEADING], 0);
		text_lines_free(&lines);
	}
	buf_free(&b);
	if (it->evidence) {
		buf_printf(&b, "%s %s", _("evidence:"), it->evidence);
		ui_put(y++, 0, b.s, ui->cols, ui->theme.attr[T_DIM], 0);
		buf_free(&b);
	}
	y++;
	for (fld = 0; fld < F_COUNT && y < top + height; fld++) {
		int selected = fld == (int)f->sel;

		f->field_y[fld] = y;
		ui_put(y++, 0, field_label((enum field)fld), ui->cols,
		       selected ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_HEADING], 0);
		if (selected && f->t.active) {
			int rows = top + height - y - (F_COUNT - fld - 1) * 2;

			if (rows > 6)
				rows = 6;
			if (rows < 1)
				rows = 1;
			widget_area_draw(stdscr, y, 2, ui->cols - 3, rows, &f->t.ed, A_UNDERLINE, 1);
			ui_keep_cursor(ui);
			y += rows;
			continue;
		}
		shown_value(f, ui, (enum field)fld, &b);
		if (text_wrap(b.s ? b.s : "—", ui->cols - 2, &lines) == 0) {
			for (i = 0; i < lines.n && i < 3 && y < top + height; i++)
				ui_put(y++, 2, lines.v[i], ui->cols - 2, A_NORMAL, 0);
			text_lines_free(&lines);
		}
		buf_free(&b);
	}
}

static int item_act(struct view *v, struct ui *ui, enum action a)
{
	struct itemform *f = v->data;
	struct check_item *it = item(f);

	if (!it)
		return 0;
	switch (a) {
	case ACT_MOVE_UP:
	case ACT_PREV_SECTION:
		if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_MOVE_DOWN:
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
			ui_push(ui, view_history_new(ui, "assessment_entry", it->entry, it->code));
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

struct view *view_item_new(struct ui *ui, const char *assessment, const char *item_code)
{
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
