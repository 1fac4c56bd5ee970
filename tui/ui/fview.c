/* fview.c - the form engine: any form_def (form.h) as a view.  Loading and
 * reloading its record (the cursor and the field typed in kept on the same
 * field of the same row), the keys, typing in a field (saved at rest and
 * on leaving, through the def's save or its group's), conflicts, history,
 * the o key.  The slots and rows are in fviewrows.c, the lists in
 * fviewpick.c, the drawing in fviewdraw.c, new records in fviewnew.c. */
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


int fview_typed_field(const struct form_field *f)
{
	return f->type == FIELD_LINE || f->type == FIELD_TEXT || f->type == FIELD_NUMBER ||
	       f->type == FIELD_DATE;
}

/* The keys of F's form for its hint line and help, as the record now
 * read takes them: a group's a, d and Space, Ctrl-E where text is
 * written, o where the record is about another. */
static void form_keys(struct fview *f)
{
	static const enum action base[] = {
		ACT_OPEN, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_UNDO, ACT_HISTORY,
	};
	size_t i, n = 0;
	int add = 0, del = 0, mark = 0, text = 0;

	for (i = 0; i < f->def->ngroups && !f->draft; i++) {
		add |= f->def->groups[i].add != NULL;
		del |= f->def->groups[i].remove != NULL;
		mark |= f->def->groups[i].marks != NULL;
	}
	for (i = 0; i < f->nslots; i++)
		text |= f->slots[i].fld->type == FIELD_TEXT && f->slots[i].fld->change;
	for (i = 0; f->view_keys && !f->draft && f->view_keys[i] != ACT_COUNT && n < 8; i++)
		f->actions[n++] = f->view_keys[i];
	for (i = 0; i < sizeof base / sizeof base[0]; i++)
		f->actions[n++] = base[i];
	if (add)
		f->actions[n++] = ACT_ADD;
	if (del)
		f->actions[n++] = ACT_DELETE;
	if (mark)
		f->actions[n++] = ACT_STATUS_CYCLE;
	if (text)
		f->actions[n++] = ACT_EXTERNAL_EDITOR;
	for (i = 0; f->def->keys && f->def->keys[i] != ACT_COUNT && !f->draft && n < 13; i++)
		f->actions[n++] = f->def->keys[i];
	f->actions[n++] = ACT_BACK;
	if (f->rec.about_kind && !f->draft)
		f->actions[n++] = ACT_FOLLOW;
	f->actions[n] = ACT_COUNT;
	f->ops.actions = f->actions;
}

/* The record is read (again): its slots anew, the cursor on the field
 * it was on (or as near as the rows left allow), the field typed in
 * found again.  Returns 0, or -1 when out of memory (said). */
static int rebuild(struct fview *f, struct ui *ui, const struct fplace *was)
{
	int i;

	if (fview_slots_build(f) < 0) {
		f->loaded = 0;
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	if (was && (i = fview_find(f, was)) >= 0 && (size_t)i != f->sel) {
		f->sel = (size_t)i;
		f->scroll_for = -1;
	}
	if (f->t.active && (i = fview_find(f, &f->typed_at)) >= 0)
		f->typed = (size_t)i;
	form_keys(f);
	return 0;
}

/* Read the record again.  Returns 0, or -1 (said on the message line;
 * F->missing when it is gone for good, not only unreadable a moment). */
static int load(struct fview *f, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct fplace was;
	int rc;

	if (f->draft)
		return rebuild(f, ui, NULL);   /* only in the form until it is made */
	if (fview_place(f, f->sel, &was) < 0)
		was.key = NULL;
	if (f->loaded)
		form_record_free(f->def, &f->rec);
	memset(&f->rec, 0, sizeof f->rec);
	rc = f->def->load(fview_ctx(f), f->code, f->part, &f->rec, &err);
	f->loaded = rc == 0;
	f->missing = rc == FORM_MISSING;
	if (!f->loaded) {
		fview_place_free(&was);
		fview_slots_free(f);
		/* gone (another user deleted it): the form says so in its body */
		if (!f->missing || err.msg[0])
			ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		return -1;
	}
	rc = rebuild(f, ui, &was);
	fview_place_free(&was);
	return rc;
}

/* Is the field being typed in gone: the record deleted, or its row? */
static int typed_gone(const struct fview *f)
{
	return f->missing || (f->loaded && fview_find(f, &f->typed_at) < 0);
}

/* typing_save_fn: the text typed into the field, checked by its type,
 * saved by the def.  What the database then holds goes back in *CURRENT
 * when it differs from TEXT (a date typed in the Buddhist Era is stored
 * in ISO form). */
static int save_typed(void *form, struct ui *ui, const char *expected, const char *text,
		      char **current, struct rm_error *err)
{
	struct fview *f = form;
	const struct form_field *fld;
	const char *now;
	char *stored = NULL;
	int rc;

	if (!f->loaded && !f->missing)
		load(f, ui);       /* the last read failed for a moment: again */
	if (typed_gone(f)) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _(f->def->missing_save));
		return TYPING_REFUSED;
	}
	if (!f->loaded) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("cannot read the record again"));
		return CHANGE_ERROR;   /* tried again in a few seconds */
	}
	f->typed = (size_t)fview_find(f, &f->typed_at);
	fld = f->slots[f->typed].fld;
	if (form_check(fld, fview_ctx(f), text, &stored, err) < 0)
		return TYPING_REFUSED;
	rc = fview_save(f, ui, f->typed, expected, stored, current, err);
	if (rc == CHANGE_OK || rc == TYPING_KEPT) {
		f->in_save = 1;    /* the typing is in use: reload leaves it be */
		ui_changed(ui);    /* the views behind (a checklist's coverage); this one too */
		f->in_save = 0;
	}
	/* what the database holds now, when it is not the text (a date in ISO
	 * form, tags as the record keeps them) */
	now = f->loaded && !typed_gone(f) ? fview_value(f, (size_t)fview_find(f, &f->typed_at))
					  : stored;
	if ((rc == CHANGE_OK || rc == CHANGE_NONE || rc == TYPING_KEPT) && !*current &&
	    strcmp(now ? now : "", text) != 0)
		*current = strdup(now ? now : "");
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
	const struct form_field *fld = f->slots[f->sel].fld;
	const char *value = fview_value(f, f->sel);
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
	fview_place_free(&f->typed_at);
	if (fview_place(f, f->sel, &f->typed_at) < 0 ||
	    typing_start(&f->t, ui, f->slots[f->sel].label, value, shown, flags,
			 fld->max_chars ? fld->max_chars : 4000,
			 /* a new record's values are kept as each field is
			  * left: at rest a half-typed code would make it */
			 !f->draft && (fld->type == FIELD_TEXT || fld->type == FIELD_LINE),
			 save_typed, f) < 0)
		return;
	f->typed = f->sel;
	f->scroll_for = -1;     /* the typing area shows whole */
	f->self->actions_now = typing_actions;
}

/* The record went away under the user (another user deleted it): what
 * was typed goes to the recovery file, and the user is told.  Not while a
 * save is reading it again: the idle tick comes back.  A read that failed
 * for a moment (busy, out of memory) keeps the typing. */
static void record_gone(struct fview *f, struct ui *ui)
{
	if (f->t.active && !f->in_save && typed_gone(f)) {
		typing_abandon(&f->t, ui);
		typing_ended(f);
	}
}

/* Enter on a field: type in it, or choose its value. */
static void open_field(struct fview *f, struct ui *ui)
{
	const struct form_field *fld;

	if (f->sel >= f->nslots)
		return;
	fld = f->slots[f->sel].fld;
	if (fld->type == FIELD_READONLY || !fld->change)
		ui_message(ui, "%s", _("this field cannot be changed here"));
	else if (fview_typed_field(fld))
		start_typing(f, ui);
	else
		fview_choose(f, ui);
}

/* Up, Down, PgUp, PgDn, Tab, Home, End: a field longer than the screen
 * scrolls before the cursor goes to the next (once it was drawn there:
 * keys typed ahead move field by field). */
static int field_move(struct fview *f, enum action a)
{
	size_t n = f->nslots;
	int page = f->view > 1 ? f->view - 1 : 1;
	int shown = f->scroll_for == (int)f->sel;

	if (!n)
		return 0;
	switch (a) {
	case ACT_MOVE_UP:
		if (shown && f->first[f->sel] < f->scroll)
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
		if (shown && f->last[f->sel] >= f->scroll + f->view)
			f->scroll++;
		else if (f->sel + 1 < n)
			f->sel++;
		return 1;
	case ACT_PAGE_DOWN:
		if (shown && f->last[f->sel] >= f->scroll + f->view)
			f->scroll += page;
		else if (f->sel + 1 < n)
			f->sel++;
		return 1;
	case ACT_PAGE_UP:
		if (shown && f->first[f->sel] < f->scroll)
			f->scroll -= page;
		else if (f->sel > 0)
			f->sel--;
		return 1;
	case ACT_NEXT_SECTION:
		if (f->sel + 1 < n)
			f->sel++;
		return 1;
	case ACT_FIRST:
		f->sel = 0;
		f->scroll = 0;
		f->scroll_for = -1;
		return 1;
	case ACT_LAST:
		f->sel = n - 1;
		f->scroll_for = -1;
		return 1;
	default:
		return 0;
	}
}

/* Ctrl-E on a field typed into: its text in the user's editor. */
static int external_editor(struct fview *f, struct ui *ui)
{
	if (f->sel >= f->nslots || !fview_typed_field(f->slots[f->sel].fld) ||
	    !f->slots[f->sel].fld->change)
		return 0;
	start_typing(f, ui);
	if (f->t.active)
		typing_external(&f->t, ui);
	typing_ended(f);
	return 1;
}

/* A key of the def's own (form_def.keys): a new record where the def
 * says, from the row under the cursor.  Returns 0 when A is none. */
static int own_key(struct fview *f, struct ui *ui, enum action a)
{
	struct rm_error err = { 0, "" };
	struct form_goto go = { NULL, NULL, NULL };
	const struct fslot *s = f->sel < f->nslots ? &f->slots[f->sel] : NULL;
	size_t i;
	int rc;

	for (i = 0; f->def->keys && f->def->keys[i] != ACT_COUNT && f->def->keys[i] != a; i++)
		;
	if (!f->def->keys || f->def->keys[i] != a || !f->def->on_key || f->draft || !s)
		return 0;
	rc = f->def->on_key(fview_ctx(f), &f->rec, a, s->group, s->group < 0 ? 0 : s->row, &go,
			    &err);
	if (rc == 1 && go.form)
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = go.form, .code = go.code,
								 .part = go.part, .create = 1 });
	else if (err.msg[0])
		ui_error(ui, "%s", err.msg);
	free(go.code);
	free(go.part);
	return 1;
}

static int fview_act(struct view *v, struct ui *ui, enum action a)
{
	struct fview *f = v->data;

	if (!f->loaded)
		return 0;
	if (f->view_act && !f->draft && f->view_act(f, ui, a))
		return 1;
	if (field_move(f, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
	case ACT_EDIT:
		open_field(f, ui);
		return 1;
	case ACT_BACK:
		return fview_draft_leave(f, ui);
	case ACT_ADD:
		if (f->draft || !f->def->ngroups)
			return 0;
		fview_add_row(f, ui);
		return 1;
	case ACT_DELETE:
		if (f->draft || !f->def->ngroups)
			return 0;
		fview_delete_row(f, ui);
		return 1;
	case ACT_STATUS_CYCLE:
		return fview_toggle_mark(f, ui);
	case ACT_EXTERNAL_EDITOR:
		return external_editor(f, ui);
	case ACT_HISTORY:
		if (f->rec.history_row)
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = f->rec.history_table, .row = f->rec.history_row,
				.title = f->rec.history_title });
		else
			ui_message(ui, "%s", _("no changes recorded"));
		return 1;
	default:
		return own_key(f, ui, a);
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
		size_t was = f->sel;

		if (typing_finish(&f->t, ui) < 0)
			return 1;
		typing_ended(f);
		field_move(f, ch == '\t' ? ACT_NEXT_SECTION : ACT_PREV_SECTION);
		/* typing goes on in the next field that takes text */
		if (f->sel != was && fview_typed_field(f->slots[f->sel].fld) &&
		    f->slots[f->sel].fld->change) {
			start_typing(f, ui);
			if (f->t.active && ch == '\t')
				edit_set_cursor(&f->t.ed, 0);
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

/* While typing, keys are text: the widget takes them first. */
/* A key on a form whose record went away (another user deleted it):
 * only leaving, quitting, help and redrawing work, so that text typed on
 * after the typing closed never turns into commands (in the Thai layout
 * ี is u, undo, and ก is d).  Returns 1 when the key is eaten. */
static int gone_key(struct ui *ui, int status, wint_t ch)
{
	struct keyspec key;
	char back[64];
	int a;

	if (status == KEY_CODE_YES && ch == KEY_RESIZE)
		return 0;
	if (keymap_key(status, ch, &key) < 0)
		return 1;
	a = keymap_action(&ui->keys, &key, keymap_guess_layout(&key, ui->layout), 0);
	if (a == ACT_BACK || a == ACT_QUIT || a == ACT_HELP || a == ACT_REDRAW)
		return 0;
	keymap_describe(&ui->keys, ACT_BACK, 1, back, sizeof back);
	ui_error(ui, _("this record is no longer there; %s goes back"), back);
	return 1;
}

static int fview_raw_key(struct view *v, struct ui *ui, int status, wint_t ch)
{
	struct fview *f = v->data;
	int r;

	if (!f->t.active)
		return f->missing && !f->draft ? gone_key(ui, status, ch) : 0;
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
	fview_slots_free(f);
	fview_place_free(&f->typed_at);
	free(f->first);
	free(f->last);
	free(f->code);
	free(f->part);
	free(f);
}

/* o: the record this one is about (what an AAR reviews). */
static void fview_links(struct view *v, struct ui *ui, struct ui_links *out)
{
	struct fview *f = v->data;

	if (f->loaded && !f->draft && f->rec.about_kind)
		ui_link_subject(ui, out, f->rec.about_kind, f->rec.about_code, f->rec.about_title);
}

static const struct view_ops fview_ops = {
	.draw = fview_draw,
	.act = fview_act,
	.reload = fview_reload,
	.free = fview_free,
	.raw_key = fview_raw_key,
	.tick = fview_tick,
	.links = fview_links,
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

	if (!f)
		return NULL;
	f->def = def;
	f->ctx.st = ui->st;
	f->ctx.cfg = ui->cfg;
	f->ctx.rec = &f->rec;
	f->ops = fview_ops;
	f->ops.name = def->title;
	f->sel = def->first;
	f->scroll_for = -1;
	f->typed_at.group = -1;
	f->ops.actions = f->actions;
	f->actions[0] = ACT_COUNT;
	if ((at->code && !(f->code = strdup(at->code))) ||
	    (at->part && !(f->part = strdup(at->part)))) {
		discard(f);
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	if (new ? fview_draft_start(f, ui) < 0 || rebuild(f, ui, NULL) < 0 : load(f, ui) < 0) {
		discard(f);
		return NULL;
	}
	if (!new)
		fview_place_cursor(f, at);   /* a section, a follow-up action named */
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

struct view *fview_new_keys(struct ui *ui, const struct form_def *def, const struct ui_place *at,
			    const enum action *actions,
			    int (*act)(struct fview *f, struct ui *ui, enum action a))
{
	struct view *v = make(ui, def, at, 0);
	struct fview *f = v ? v->data : NULL;

	if (f) {
		f->view_keys = actions;
		f->view_act = act;
		form_keys(f);
	}
	return v;
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
