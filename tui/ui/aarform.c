/* aarform.c - one AAR as a form: its fields, one text area per section
 * of its template, its follow-up actions.  Every finished field is saved
 * at once, typing after a second at rest; each save is a step that u
 * undoes.  Here: the rows, loading, typing and saving, the keys; the
 * drawing is in aardraw.c, the follow-up actions' own work in
 * aarfollow.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/edit.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "routemap/widget.h"
#include "aarchoose.h"
#include "aarform.h"
#include "views.h"

static const enum action form_actions[] = {
	ACT_EDIT, ACT_ADD, ACT_UNDO, ACT_DELETE, ACT_STATUS_CYCLE, ACT_HISTORY,
	ACT_EXTERNAL_EDITOR, ACT_BACK, ACT_FOLLOW, ACT_COUNT
};

/* While typing, letters are text: only Ctrl-E is a command. */
static const enum action typing_actions[] = { ACT_EXTERNAL_EDITOR, ACT_COUNT };

static const struct view_ops form_ops;

const char *aarform_row_label(enum row_kind k)
{
	switch (k) {
	case R_TITLE:
		return _("title");
	case R_DATE:
		return _("date");
	case R_SUBJECT:
		return _("reviews");
	case R_FACILITATOR:
		return _("facilitator");
	case R_PARTICIPANTS:
		return _("participants");
	case R_TAGS:
		return _("tags");
	case R_ACTION:
		return _("action");
	case R_OWNER:
		return _("owner");
	case R_DUE:
		return _("due");
	case R_STATUS:
		return _("status");
	default:
		return "";
	}
}

/* The change_field name of a row's field, NULL for those saved otherwise. */
const char *aarform_row_field(enum row_kind k)
{
	switch (k) {
	case R_TITLE:
		return "aar.title";
	case R_DATE:
		return "aar.date";
	case R_FACILITATOR:
		return "aar.facilitator";
	case R_PARTICIPANTS:
		return "aar.participants";
	case R_ACTION:
		return "aar_action.action";
	case R_OWNER:
		return "aar_action.owner";
	case R_DUE:
		return "aar_action.due";
	case R_STATUS:
		return "aar_action.status";
	default:
		return NULL;
	}
}

int aarform_is_action_row(enum row_kind k)
{
	return k >= R_ACTION;
}

/* Rows typed into (the others are chosen from a list). */
static int is_text_row(enum row_kind k)
{
	return k != R_SUBJECT && k != R_STATUS;
}

/* Rows saved a second after the last key while typing: free text.  A date
 * or the tags are only saved whole, when the user leaves them. */
static int saves_at_rest(enum row_kind k)
{
	return k == R_TITLE || k == R_FACILITATOR || k == R_PARTICIPANTS || k == R_SECTION ||
	       k == R_ACTION || k == R_OWNER;
}

struct aar_followup *aarform_row_action(struct form *p, const struct frow *row)
{
	return aarform_is_action_row(row->kind) && row->idx < p->r.nactions ? &p->r.actions[row->idx]
									     : NULL;
}

/* What the database holds for ROW (NULL for none). */
const char *aarform_row_value(struct form *p, const struct frow *row)
{
	struct aar_followup *x = aarform_row_action(p, row);

	switch (row->kind) {
	case R_TITLE:
		return p->r.title;
	case R_DATE:
		return p->r.date;
	case R_SUBJECT:
		return p->r.subject;
	case R_FACILITATOR:
		return p->r.facilitator;
	case R_PARTICIPANTS:
		return p->r.participants;
	case R_TAGS:
		return p->r.tags;
	case R_SECTION:
		return row->idx < p->r.nsections ? p->r.sections[row->idx].text : NULL;
	case R_ACTION:
		return x ? x->action : NULL;
	case R_OWNER:
		return x ? x->owner : NULL;
	case R_DUE:
		return x ? x->due : NULL;
	case R_STATUS:
		return x ? x->status : NULL;
	}
	return NULL;
}

/* The row id change_field takes for ROW. */
sqlite3_int64 aarform_row_id(struct form *p, const struct frow *row)
{
	struct aar_followup *x = aarform_row_action(p, row);

	return x ? x->id : p->r.id;
}

/* The rows of the record as loaded. */
static int build_rows(struct form *p)
{
	size_t n = 6 + p->r.nsections + 4 * p->r.nactions, i, k = 0;

	free(p->rows);
	p->rows = calloc(n, sizeof *p->rows);
	p->wrapped = calloc(p->r.nsections ? p->r.nsections : 1, sizeof *p->wrapped);
	if (!p->rows || !p->wrapped) {
		p->nrows = 0;
		return -1;
	}
	for (i = R_TITLE; i <= R_TAGS; i++)
		p->rows[k++].kind = (enum row_kind)i;
	for (i = 0; i < p->r.nsections; i++) {
		p->rows[k].kind = R_SECTION;
		p->rows[k++].idx = i;
	}
	for (i = 0; i < p->r.nactions; i++) {
		enum row_kind kind;

		for (kind = R_ACTION; kind <= R_STATUS; kind++) {
			p->rows[k].kind = kind;
			p->rows[k++].idx = i;
		}
	}
	p->nrows = k;
	return 0;
}

/* Does ROW of the record loaded now stand where OLD stood before? */
static int same_place(struct form *p, const struct frow *row, enum row_kind kind,
		      const char *section, sqlite3_int64 action)
{
	if (row->kind != kind)
		return 0;
	if (kind == R_SECTION)
		return section && strcmp(p->r.sections[row->idx].key, section) == 0;
	if (aarform_is_action_row(kind))
		return p->r.actions[row->idx].id == action;
	return 1;
}

static void stop_editing(struct form *p);
static void field_gone(struct form *p, struct ui *ui);

/* The row of the field being typed in, wherever it is now; -1 when it is
 * gone (the record or the action deleted meanwhile). */
static int typed_row(struct form *p)
{
	size_t i;

	for (i = 0; p->loaded && i < p->nrows; i++)
		if (same_place(p, &p->rows[i], p->typed.kind, p->typed.section, p->typed.action))
			return (int)i;
	return -1;
}

/* The field being typed in went away under the user (another user
 * deleted the record or the action): what was typed goes to the recovery
 * file, and the user is told.  Not while a save is reloading the record:
 * the typing is in use then; the idle tick comes back to it. */
static void field_gone(struct form *p, struct ui *ui)
{
	if (!p->t.active || p->in_save || typed_row(p) >= 0)
		return;
	typing_abandon(&p->t, ui);
	stop_editing(p);
}

/* Read the record again, keeping the cursor on the same field. */
static void form_load(struct form *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	enum row_kind kind = R_TITLE;
	char *section = NULL;
	sqlite3_int64 action = 0;
	size_t i;

	if (p->loaded && p->cur < p->nrows) {
		const struct frow *row = &p->rows[p->cur];

		kind = row->kind;
		if (kind == R_SECTION)
			section = strdup(p->r.sections[row->idx].key);
		if (aarform_is_action_row(kind))
			action = p->r.actions[row->idx].id;
	}
	aarform_wrapped_clear(p);
	aar_record_free(&p->r);
	p->loaded = aar_load(ui->st, ui->cfg, p->code, &p->r, &err) == 0 && build_rows(p) == 0;
	if (!p->loaded) {
		free(section);
		p->nrows = 0;
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		field_gone(p, ui);
		return;
	}
	for (i = 0; i < p->nrows; i++)
		if (same_place(p, &p->rows[i], kind, section, action)) {
			p->cur = i;
			break;
		}
	free(section);
	if (i == p->nrows) {
		/* its row is gone (an action deleted, undone) */
		if (p->cur >= p->nrows)
			p->cur = p->nrows ? p->nrows - 1 : 0;
	}
	field_gone(p, ui);
}

/* ---- saving ---- */

/* ROW's stored date as the office types it: "20/1/2569" in the Buddhist
 * Era.  Into OUT; VALUE itself when it is not a date. */
static void date_for_typing(struct ui *ui, const char *value, char *out, size_t size)
{
	struct text_date d;

	if (!value || text_parse_date(value, &d) < 0) {
		snprintf(out, size, "%s", value ? value : "");
		return;
	}
	text_format_typed(&d, ui->cfg->calendar == CFG_CAL_BUDDHIST, out, size);
}

int aarform_filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

/* The field description TEXT typed into a row of kind KIND is checked by
 * (form.h: a title is not empty, a date is a date), NULL for a section. */
static const struct form_field *row_check(enum row_kind kind)
{
	return aar_field(kind == R_TAGS ? "aar.tags" : aarform_row_field(kind));
}

/* typing_save_fn: the text typed into the field under the cursor, after
 * the checks of its field (form_check).  What the database holds then
 * goes back in *CURRENT when it differs from TEXT (a date in ISO form,
 * the tags as written). */
static int form_save(void *form, struct ui *ui, const char *expected, const char *text,
		     char **current, struct rm_error *err)
{
	struct form *p = form;
	const struct form_ctx ctx = { ui->st, ui->cfg };
	const struct form_field *check;
	const struct frow *row;
	enum row_kind kind;
	const char *value = text;
	char *stored = NULL;
	size_t idx;
	int rc;

	if (typed_row(p) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this field is no longer there: the AAR or the "
						      "follow-up action was deleted meanwhile"));
		return TYPING_REFUSED;
	}
	/* ROW goes when the record is read again (ui_changed): KIND stays */
	row = &p->rows[typed_row(p)];
	kind = row->kind;
	idx = row->idx;
	check = row_check(kind);
	if (check && form_check(check, &ctx, text, &stored, err) < 0)
		return TYPING_REFUSED;
	if (check)
		value = stored;
	if (kind == R_TAGS)
		rc = aar_set_tags(ui->st, &ui->undo, p->r.id, expected, text, err);
	else if (kind == R_SECTION)
		rc = aar_section_save(ui->st, &ui->undo, p->r.id, p->r.sections[idx].key,
				      &p->r.sections[idx].id, expected, text, current, err);
	else
		rc = change_field(ui->st, &ui->undo, aarform_row_field(kind), aarform_row_id(p, row),
				  expected, value, current, err);
	if ((rc == CHANGE_OK || rc == CHANGE_CONFLICT) && !p->going) {
		p->in_save = 1;   /* the typing is in use: form_load leaves it be */
		ui_changed(ui);
		p->in_save = 0;
	}
	if (kind == R_TAGS && rc != CHANGE_ERROR && p->loaded) {
		/* the tags as the database holds them now (theirs, or ours as written) */
		free(*current);
		*current = strdup(p->r.tags ? p->r.tags : "");
	} else if ((rc == CHANGE_OK || rc == CHANGE_NONE) && strcmp(value ? value : "", text) != 0) {
		*current = strdup(value ? value : "");
	}
	free(stored);
	return rc;
}

static void stop_editing(struct form *p)
{
	typing_stop(&p->t);
	free(p->typed.section);
	p->typed.section = NULL;
	p->self->actions_now = NULL;
}

/* Save and stop typing (typing_finish).  Returns 0 when the field was
 * left. */
static int finish_editing(struct form *p, struct ui *ui)
{
	if (!p->t.active)
		return 0;
	if (typing_finish(&p->t, ui) < 0)
		return -1;
	stop_editing(p);
	return 0;
}

static void start_editing(struct form *p, struct ui *ui, int at_start)
{
	const struct frow *row = &p->rows[p->cur];
	const char *value = aarform_row_value(p, row);
	char date[32] = "";
	int section = row->kind == R_SECTION;

	if (row->kind == R_DATE || row->kind == R_DUE)
		date_for_typing(ui, value, date, sizeof date);
	if (typing_start(&p->t, ui, aarform_row_label(row->kind), value,
			 row->kind == R_DATE || row->kind == R_DUE ? date : NULL,
			 section ? EDIT_MULTILINE : 0, section ? 100000 : 2000,
			 saves_at_rest(row->kind), form_save, p) < 0)
		return;
	p->typed.kind = row->kind;
	p->typed.section = section ? strdup(p->r.sections[row->idx].key) : NULL;
	p->typed.action = aarform_is_action_row(row->kind) ? p->r.actions[row->idx].id : 0;
	if (at_start)
		edit_set_cursor(&p->t.ed, 0);
	p->self->actions_now = typing_actions;
}

/* Enter on "reviews": choose again what the AAR reviews; saved at once. */
static void change_subject(struct form *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	const char *kind;
	char *subject;
	int rc;

	if (aar_choose_subject(ui, p->r.subject_kind, p->r.subject, &kind, &subject) < 0)
		return;
	rc = aar_set_subject(ui->st, &ui->undo, p->r.id, p->r.subject_kind, p->r.subject, kind,
			     subject, &err);
	free(subject);
	change_seal(&ui->undo);
	if (rc == CHANGE_OK)
		ui_message(ui, "%s", _("saved"));
	else if (rc != CHANGE_NONE)
		ui_error(ui, "%s", err.msg);
	if (rc != CHANGE_NONE)
		ui_changed(ui);
}

/* Enter on the field under the cursor: type in it, or choose from a list. */
static void open_row(struct form *p, struct ui *ui)
{
	if (!p->loaded || p->cur >= p->nrows)
		return;
	switch (p->rows[p->cur].kind) {
	case R_SUBJECT:
		change_subject(p, ui);
		break;
	case R_STATUS:
		aarform_choose_status(p, ui);
		break;
	default:
		start_editing(p, ui, 0);
	}
}

/* ---- keys ---- */

/* Move the cursor to row I; with TYPING, type in it when it takes text. */
static void go_to(struct form *p, struct ui *ui, size_t i, int typing, int at_start)
{
	p->cur = i;
	if (typing && is_text_row(p->rows[i].kind))
		start_editing(p, ui, at_start);
}

/* Leave the field being typed in for the next (DIR 1) or previous (-1)
 * row, typing on there when it takes text. */
static void leave_to(struct form *p, struct ui *ui, int dir)
{
	if (finish_editing(p, ui) < 0)
		return;
	if (dir > 0 && p->cur + 1 < p->nrows)
		go_to(p, ui, p->cur + 1, 1, 1);
	else if (dir < 0 && p->cur > 0)
		go_to(p, ui, p->cur - 1, 1, 0);
}

/* While typing, keys are text: the widget has them first. */
static int form_raw_key(struct view *v, struct ui *ui, int status, wint_t ch)
{
	struct form *p = v->data;

	if (!p->t.active)
		return 0;
	switch (typing_key(&p->t, ui, status, ch)) {
	case TYPING_USED:
		if (!p->t.active)   /* Ctrl-E: the record went meanwhile */
			stop_editing(p);
		return 1;
	case TYPING_LEAVE:
		finish_editing(p, ui);
		return 1;
	default:
		break;
	}
	/* Keys the text does not take: Tab and Up/Down past the edge move to
	 * the next field; PgUp/PgDn and Ctrl-C leave the field and do what
	 * they do everywhere; Ctrl-L redraws; anything else only beeps. */
	if (status == OK && ch == '\t') {
		leave_to(p, ui, 1);
		return 1;
	}
	if (status == KEY_CODE_YES && (ch == KEY_BTAB || ch == KEY_UP || ch == KEY_DOWN)) {
		leave_to(p, ui, ch == KEY_DOWN ? 1 : -1);
		return 1;
	}
	if (status == OK && ch == 3) {   /* Ctrl-C: quit, saving on the way out */
		typing_abandon(&p->t, ui);
		stop_editing(p);
		return 0;
	}
	if (status == KEY_CODE_YES && (ch == KEY_PPAGE || ch == KEY_NPAGE))
		return finish_editing(p, ui) < 0;
	if (status == OK && ch == 12)    /* Ctrl-L */
		return 0;
	beep();
	return 1;
}

/* The number of rows from the cursor that fit in a page, in direction DIR. */
static size_t page_rows(struct form *p, int dir)
{
	int height = p->ui->lines - 3, y = p->rows[p->cur].y;
	size_t i = p->cur;

	while (dir > 0 ? i + 1 < p->nrows : i > 0) {
		size_t next = dir > 0 ? i + 1 : i - 1;

		if (abs(p->rows[next].y - y) >= height - 1)
			break;
		i = next;
	}
	return i == p->cur ? (dir > 0 ? (p->cur + 1 < p->nrows ? p->cur + 1 : p->cur)
				      : (p->cur ? p->cur - 1 : 0))
			   : i;
}

static int form_act(struct view *v, struct ui *ui, enum action a)
{
	struct form *p = v->data;

	if (p->t.active && finish_editing(p, ui) < 0)
		return 1;
	if (!p->loaded || !p->nrows)
		return 0;
	switch (a) {
	case ACT_MOVE_UP:
		if (p->cur > 0)
			p->cur--;
		return 1;
	case ACT_MOVE_DOWN:
		if (p->cur + 1 < p->nrows)
			p->cur++;
		return 1;
	case ACT_PAGE_UP:
		p->cur = page_rows(p, -1);
		return 1;
	case ACT_PAGE_DOWN:
		p->cur = page_rows(p, 1);
		return 1;
	case ACT_FIRST:
		p->cur = 0;
		return 1;
	case ACT_LAST:
		p->cur = p->nrows - 1;
		return 1;
	case ACT_OPEN:
	case ACT_EDIT:
		open_row(p, ui);
		return 1;
	case ACT_EXTERNAL_EDITOR:
		if (!is_text_row(p->rows[p->cur].kind))
			return 0;
		start_editing(p, ui, 0);
		if (p->t.active)
			typing_external(&p->t, ui);
		return 1;
	case ACT_ADD:
		aarform_add_action(p, ui);
		return 1;
	case ACT_DELETE:
		aarform_delete_action(p, ui);
		return 1;
	case ACT_STATUS_CYCLE:
		return aarform_toggle_status(p, ui);
	case ACT_HISTORY:
		ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
			.table = "aar", .row = p->r.id, .title = p->r.title });
		return 1;
	default:
		return 0;
	}
}

/* A second at rest after typing free text: save it. */
static void form_tick(struct view *v, struct ui *ui)
{
	struct form *p = v->data;

	field_gone(p, ui);   /* (deleted while a save was reading it again) */
	typing_tick(&p->t, ui);
}

static void form_reload(struct view *v, struct ui *ui)
{
	form_load(v->data, ui);
}

/* o: what the record reviews. */
static void form_links(struct view *v, struct ui *ui, struct ui_links *out)
{
	struct form *p = v->data;

	if (p->loaded)
		ui_link_subject(ui, out, p->r.subject_kind, p->r.subject, p->r.subject_title);
}

static void form_free(struct view *v)
{
	struct form *p = v->data;

	/* quitting, a dropped line: what was typed is saved on the way out,
	 * unless someone else's version stands (then it is kept aside, never
	 * put over theirs unasked) */
	p->going = 1;
	typing_abandon(&p->t, p->ui);
	free(p->typed.section);
	aarform_wrapped_clear(p);
	aar_record_free(&p->r);
	free(p->rows);
	free(p->code);
	free(p);
}

static const struct view_ops form_ops = {
	.name = N_("AAR record"),
	.draw = aarform_draw,
	.act = form_act,
	.free = form_free,
	.actions = form_actions,
	.reload = form_reload,
	.raw_key = form_raw_key,
	.tick = form_tick,
	.links = form_links,
};

struct view *view_aar_new(struct ui *ui, const struct ui_place *at)
{
	const char *code = at->code;
	struct form *p = calloc(1, sizeof *p);
	struct view *v;
	size_t i;

	if (!p || !(p->code = strdup(code))) {
		free(p);
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	p->ui = ui;
	for (i = R_TITLE; i <= R_STATUS; i++) {
		int w = text_width(aarform_row_label((enum row_kind)i)) +
			(aarform_is_action_row((enum row_kind)i) ? 2 : 0);

		if (w > p->label_w)
			p->label_w = w;
	}
	v = ui_view_new(&form_ops, p);
	if (!v)
		return NULL;
	p->self = v;
	form_load(p, ui);
	/* the cursor on the section or the follow-up action named */
	for (i = 0; (at->part || at->row) && p->loaded && i < p->nrows; i++)
		if (same_place(p, &p->rows[i], at->part ? R_SECTION : R_ACTION, at->part, at->row)) {
			p->cur = i;
			break;
		}
	return v;
}

