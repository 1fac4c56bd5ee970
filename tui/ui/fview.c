/* fview.c - the form engine: any form_def (form.h) as a view.  Loading and
 * reloading its record, the keys, typing in a field (saved at rest and on
 * leaving, through the def's save), choosing from a list (saved at once),
 * conflicts, history.  The drawing is in fviewdraw.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/change.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "fview.h"
#include "views.h"

/* While typing, letters are text: only Ctrl-E is a command. */
static const enum action typing_actions[] = { ACT_EXTERNAL_EDITOR, ACT_COUNT };

static const enum action form_actions[] = {
	ACT_OPEN, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_UNDO, ACT_HISTORY, ACT_BACK, ACT_COUNT
};

int fview_typed_field(const struct form_field *f)
{
	return f->type == FIELD_LINE || f->type == FIELD_TEXT || f->type == FIELD_NUMBER ||
	       f->type == FIELD_DATE;
}

/* Read the record again.  Returns 0, or -1 (said on the message line;
 * F->missing when it is gone for good, not only unreadable a moment). */
static int load(struct fview *f, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int rc;

	if (f->draft)
		return 0;          /* only in the form until it is made */
	if (f->loaded)
		form_record_free(f->def, &f->rec);
	memset(&f->rec, 0, sizeof f->rec);
	rc = f->def->load(&f->ctx, f->code, f->part, &f->rec, &err);
	f->loaded = rc == 0;
	f->missing = rc == FORM_MISSING;
	if (!f->loaded) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		return -1;
	}
	return 0;
}

/* The value the database holds for field I (NULL for none). */
static const char *value_of(struct fview *f, size_t i)
{
	return f->loaded && i < f->rec.nvalues ? f->rec.values[i] : NULL;
}

/* A save changed what names the record (its code): load it by that. */
static void take_renamed(struct fview *f)
{
	if (f->rec.renamed_code) {
		free(f->code);
		f->code = f->rec.renamed_code;
		f->rec.renamed_code = NULL;
	}
	if (f->rec.renamed_part) {
		free(f->part);
		f->part = f->rec.renamed_part;
		f->rec.renamed_part = NULL;
	}
}

/* typing_save_fn: the text typed into the field, checked by its type,
 * saved by the def.  What the database then holds goes back in *CURRENT
 * when it differs from TEXT (a date typed in the Buddhist Era is stored
 * in ISO form). */
static int save_typed(void *form, struct ui *ui, const char *expected, const char *text,
		      char **current, struct rm_error *err)
{
	struct fview *f = form;
	const struct form_field *fld = &f->def->fields[f->typed];
	char *stored = NULL;
	int rc;

	if (!f->loaded && !f->missing)
		load(f, ui);       /* the last read failed for a moment: again */
	if (!f->loaded && f->missing) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _(f->def->missing_save));
		return TYPING_REFUSED;
	}
	if (!f->loaded) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("cannot read the record again"));
		return CHANGE_ERROR;   /* tried again in a few seconds */
	}
	if (form_check(fld, &f->ctx, text, &stored, err) < 0)
		return TYPING_REFUSED;
	if (f->draft)
		rc = fview_draft_keep(f, ui, f->typed, stored, err);
	else
		rc = f->def->save(&f->ctx, &ui->undo, &f->rec, f->typed, expected, stored, current,
				  err);
	take_renamed(f);
	if (rc == CHANGE_OK) {
		f->in_save = 1;    /* the typing is in use: reload leaves it be */
		ui_changed(ui);    /* the views behind (a checklist's coverage); this one too */
		f->in_save = 0;
	}
	if ((rc == CHANGE_OK || rc == CHANGE_NONE) && strcmp(stored ? stored : "", text) != 0)
		*current = strdup(stored ? stored : "");
	free(stored);
	return rc;
}

/* Typing ended (or never began): the hint line of the form again. */
static void typing_ended(struct fview *f)
{
	if (!f->t.active)
		f->self->actions_now = NULL;
}

/* Type in the field under the cursor. */
static void start_typing(struct fview *f, struct ui *ui)
{
	const struct form_field *fld = &f->def->fields[f->sel];
	const char *value = value_of(f, f->sel);
	char date[32];
	const char *shown = NULL;
	struct text_date d;
	unsigned flags = fld->type == FIELD_TEXT ? EDIT_MULTILINE
			 : fld->type == FIELD_NUMBER ? EDIT_NUMBER : 0;

	if (fld->type == FIELD_DATE && value && text_parse_date(value, &d) == 0) {
		/* as the office types it: 20/1/2569 */
		text_format_typed(&d, ui->cfg->calendar == CFG_CAL_BUDDHIST, date, sizeof date);
		shown = date;
	}
	if (typing_start(&f->t, ui, _(fld->label), value, shown, flags,
			 fld->max_chars ? fld->max_chars : 4000,
			 fld->type == FIELD_TEXT || fld->type == FIELD_LINE, save_typed, f) < 0)
		return;
	f->typed = f->sel;
	f->self->actions_now = typing_actions;
}

/* The record went away under the user (another user deleted it): what
 * was typed goes to the recovery file, and the user is told.  Not while a
 * save is reading it again: the idle tick comes back.  A read that failed
 * for a moment (busy, out of memory) keeps the typing. */
static void record_gone(struct fview *f, struct ui *ui)
{
	if (f->t.active && !f->in_save && f->missing) {
		typing_abandon(&f->t, ui);
		typing_ended(f);
	}
}

/* Save VALUE, chosen from a list, into the field under the cursor.  On a
 * conflict the other person's value stays and shows, and the user is
 * told: choosing again is a choice made knowing theirs. */
static int save_chosen(struct fview *f, struct ui *ui, const char *expected, const char *value)
{
	struct rm_error err = { 0, "" };
	int rc;

	if (f->draft)
		rc = fview_draft_keep(f, ui, f->sel, *value ? value : NULL, &err);
	else
		rc = f->def->save(&f->ctx, &ui->undo, &f->rec, f->sel, expected,
				  *value ? value : NULL, NULL, &err);
	take_renamed(f);
	if (rc == CHANGE_CONFLICT) {
		ui_changed(ui);    /* theirs on the screen */
		ui_error(ui, _("%s; choose again if yours should stand"), err.msg);
		return rc;
	}
	if (rc == CHANGE_ERROR) {
		ui_error(ui, "%s", err.msg);
		return rc;
	}
	if (!f->draft)          /* (a new record's form said what it needs) */
		ui_message(ui, "%s", _("saved"));
	ui_changed(ui);
	return rc;
}

/* Choose a value for the field under the cursor from its list; saved at
 * once, a step of its own. */
static void choose(struct fview *f, struct ui *ui)
{
	const struct form_field *fld = &f->def->fields[f->sel];
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	const char **labels;
	char *now = value_of(f, f->sel) ? strdup(value_of(f, f->sel)) : NULL;
	size_t i, at = 0;
	int pick;

	if (!fld->choices || fld->choices(fld, &f->ctx, &c, &err) < 0 ||
	    !(labels = calloc(c.n ? c.n : 1, sizeof *labels))) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		form_choices_free(&c);
		free(now);
		return;
	}
	for (i = 0; i < c.n; i++) {
		labels[i] = c.v[i].label;
		if (strcmp(c.v[i].code, now ? now : "") == 0)
			at = i;
	}
	pick = ui_choose(ui, _(fld->label), labels, c.n, at);
	if (pick >= 0 && strcmp(c.v[pick].code, now ? now : "") != 0 &&
	    save_chosen(f, ui, now, c.v[pick].code) == CHANGE_OK)
		change_seal(&ui->undo);
	free(labels);
	form_choices_free(&c);
	free(now);
}

/* Enter on a field: type in it, or choose its value. */
static void open_field(struct fview *f, struct ui *ui)
{
	const struct form_field *fld = &f->def->fields[f->sel];

	if (fld->type == FIELD_READONLY || !fld->change)
		ui_message(ui, "%s", _("this field cannot be changed here"));
	else if (fview_typed_field(fld))
		start_typing(f, ui);
	else
		choose(f, ui);
}

/* Up, Down, PgUp, PgDn, Tab: a field longer than the screen scrolls
 * before the cursor goes to the next. */
static int field_move(struct fview *f, enum action a)
{
	size_t n = f->def->nfields;
	int page = f->view > 1 ? f->view - 1 : 1;

	switch (a) {
	case ACT_MOVE_UP:
		if (f->first[f->sel] < f->scroll)
			f->scroll--;
		else if (f->sel > 0)
			f->sel--;
		else
			f->scroll = 0;   /* up to the record's own lines */
		return 1;
	case ACT_PREV_SECTION:
		if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_MOVE_DOWN:
		if (f->last[f->sel] >= f->scroll + f->view)
			f->scroll++;
		else if (f->sel + 1 < n)
			f->sel++;
		return 1;
	case ACT_PAGE_DOWN:
		if (f->last[f->sel] >= f->scroll + f->view)
			f->scroll += page;
		else if (f->sel + 1 < n)
			f->sel++;
		return 1;
	case ACT_PAGE_UP:
		if (f->first[f->sel] < f->scroll)
			f->scroll -= page;
		else if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_NEXT_SECTION:
		if (f->sel + 1 < n)
			f->sel++;
		return 1;
	default:
		return 0;
	}
}

static int fview_act(struct view *v, struct ui *ui, enum action a)
{
	struct fview *f = v->data;

	if (!f->loaded)
		return 0;
	if (field_move(f, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
	case ACT_EDIT:
		open_field(f, ui);
		return 1;
	case ACT_BACK:
		return fview_draft_leave(f, ui);
	case ACT_HISTORY:
		if (f->rec.history_row)
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = f->rec.history_table, .row = f->rec.history_row,
				.title = f->rec.history_title });
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

/* A key while typing: the text's first, then the keys that leave. */
static int typing_key_of(struct fview *f, struct ui *ui, int status, wint_t ch)
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
		if (typing_finish(&f->t, ui) == 0)
			field_move(f, ch == '\t' ? ACT_NEXT_SECTION : ACT_PREV_SECTION);
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

/* While typing, keys are text: the widget takes them first. */
static int fview_raw_key(struct view *v, struct ui *ui, int status, wint_t ch)
{
	struct fview *f = v->data;
	int r;

	if (!f->t.active)
		return 0;
	r = typing_key_of(f, ui, status, ch);
	typing_ended(f);
	return r;
}

/* A second at rest after typing: save. */
static void fview_tick(struct view *v, struct ui *ui)
{
	struct fview *f = v->data;

	record_gone(f, ui);   /* (deleted while a save was reading it again) */
	typing_tick(&f->t, ui);
	typing_ended(f);
}

static void fview_reload(struct view *v, struct ui *ui)
{
	struct fview *f = v->data;

	load(f, ui);
	record_gone(f, ui);
}

static void fview_free(struct view *v)
{
	struct fview *f = v->data;

	/* quitting or a signal: what was typed is saved on the way out */
	if (f->ui) {
		typing_abandon(&f->t, f->ui);
		fview_draft_abandon(f, f->ui);
	}
	if (f->loaded)
		form_record_free(f->def, &f->rec);
	free(f->first);
	free(f->last);
	free(f->code);
	free(f->part);
	free(f);
}

static const struct view_ops fview_ops = {
	.draw = fview_draw,
	.act = fview_act,
	.reload = fview_reload,
	.free = fview_free,
	.actions = form_actions,
	.raw_key = fview_raw_key,
	.tick = fview_tick,
};

/* Free F before it became a view. */
static void discard(struct fview *f)
{
	f->ui = NULL;      /* nothing typed yet */
	fview_free(&(struct view){ .data = f });
}

/* A form of DEF at AT: of the record there, or (NEW) of a new one. */
static struct view *make(struct ui *ui, const struct form_def *def, const struct ui_place *at,
			 int new)
{
	struct fview *f = calloc(1, sizeof *f);
	struct view *v;
	size_t i;

	if (!f)
		return NULL;
	f->def = def;
	f->ctx.st = ui->st;
	f->ctx.cfg = ui->cfg;
	f->ops = fview_ops;
	f->ops.name = def->title;
	f->sel = def->first;
	f->scroll_for = -1;
	if (!(f->first = calloc(def->nfields, sizeof *f->first)) ||
	    !(f->last = calloc(def->nfields, sizeof *f->last)) ||
	    (at->code && !(f->code = strdup(at->code))) ||
	    (at->part && !(f->part = strdup(at->part)))) {
		discard(f);
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	for (i = 0; i < def->nfields; i++) {
		int w = text_width(_(def->fields[i].label));

		if (def->fields[i].type != FIELD_TEXT && w > f->label_w)
			f->label_w = w;
	}
	if (new ? fview_draft_start(f, ui) < 0 : load(f, ui) < 0) {
		discard(f);
		return NULL;
	}
	f->ui = ui;
	v = ui_view_new(&f->ops, f);   /* (frees F when it fails) */
	if (v)
		f->self = v;
	return v;
}

struct view *fview_new(struct ui *ui, const struct form_def *def, const struct ui_place *at)
{
	return make(ui, def, at, 0);
}

struct view *fview_new_record(struct ui *ui, const struct form_def *def,
			      const struct ui_place *at)
{
	if (!def->create) {
		ui_error(ui, "%s", _("this form cannot make a new record"));
		return NULL;
	}
	return make(ui, def, at, 1);
}

struct view *view_form_new(struct ui *ui, const struct ui_place *at)
{
	if (!at->form)
		return NULL;
	return at->create ? fview_new_record(ui, at->form, at) : fview_new(ui, at->form, at);
}
