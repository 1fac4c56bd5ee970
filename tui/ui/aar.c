/* aar.c - the AAR section: the records, newest first, and one record as a
 * form: its fields, one text area per section of its template, its
 * follow-up actions.  Every finished field is saved at once, typing after
 * a second at rest; each save is a step that u undoes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/domain.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "routemap/widget.h"
#include "views.h"

#define NKINDS (sizeof aar_kinds / sizeof aar_kinds[0])

/* ---- choosing what an AAR reviews ---- */

/* Let the user choose what an AAR reviews: a kind, then (but for an event)
 * the record, starting from KIND0 and SUBJECT0.  Esc in the records goes
 * back to the kinds.  Returns 0 with *KIND (static) and *SUBJECT (malloc'd,
 * NULL for an event), or -1 when the user cancelled. */
static int choose_subject(struct ui *ui, const char *kind0, const char *subject0,
			  const char **kind, char **subject)
{
	const char *kinds[NKINDS];
	size_t i, at = 0;

	*kind = NULL;
	*subject = NULL;
	for (i = 0; i < NKINDS; i++) {
		kinds[i] = aar_kind_label(aar_kinds[i]);
		if (kind0 && strcmp(kind0, aar_kinds[i]) == 0)
			at = i;
	}
	for (;;) {
		struct rm_error err = { 0, "" };
		struct aar_subject *v;
		const char **labels;
		struct buf title = { 0 };
		size_t n, sel = 0;
		int k, s;

		k = ui_choose(ui, _("What does it review?"), kinds, NKINDS, at);
		if (k < 0)
			return -1;
		at = (size_t)k;
		if (strcmp(aar_kinds[k], "event") == 0) {
			*kind = aar_kinds[k];
			return 0;
		}
		if (aar_subjects(ui->st, aar_kinds[k], &v, &n, &err) < 0) {
			ui_error(ui, "%s", err.msg);
			return -1;
		}
		if (n == 0) {
			ui_error(ui, _("there is no %s yet; choose another kind"), kinds[k]);
			continue;
		}
		labels = calloc(n, sizeof *labels);
		if (!labels) {
			aar_subjects_free(v, n);
			ui_error(ui, "%s", _("out of memory"));
			return -1;
		}
		for (i = 0; i < n; i++) {
			struct buf b = { 0 };

			buf_printf(&b, "%s  %s", v[i].code, v[i].title ? v[i].title : "");
			labels[i] = buf_take(&b);
			if (subject0 && strcmp(v[i].code, subject0) == 0)
				sel = i;
		}
		buf_printf(&title, _("Which %s?"), kinds[k]);
		s = ui_choose(ui, title.s ? title.s : "", labels, n, sel);
		buf_free(&title);
		for (i = 0; i < n; i++)
			free((char *)labels[i]);
		free(labels);
		if (s >= 0) {
			*kind = aar_kinds[k];
			*subject = strdup(v[s].code);
		}
		aar_subjects_free(v, n);
		if (s >= 0)
			return *subject ? 0 : -1;
	}
}

/* ---- the list ---- */

static const enum action list_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_DELETE, ACT_HISTORY, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK,
	ACT_COUNT
};

struct aars {
	struct ui_paged p;
};

static const struct aar_row *aars_at(const struct aars *p, size_t i)
{
	return pager_row(&p->p.pg, i);
}

/* What an AAR reviews, as its column shows it: the record, or the kind
 * (an event has no record). */
static const char *aar_reviews(const struct aar_row *r)
{
	return r->subject ? r->subject : aar_kind_label(r->subject_kind);
}

/* The AAR list's columns, sized to the rows read: the date, the code and
 * the template never cut; what each reviews (it may name a code) shown
 * whole where the title keeps 30 columns, else left out (the line under
 * the list names it), then the template; the title taking the rest. */
static void aars_fit(struct ui *ui, const struct aars *p, const char *const *head, int *widths)
{
	struct table_col c[6] = { { 0 } };
	size_t i;
	int k;

	for (k = 0; k < 6; k++)
		ui_measure(&c[k], head[k]);
	c[2].drop = 1;
	c[4].drop = 2;
	c[5].min = 30;
	for (i = 0; i < p->p.l.n; i++) {
		const struct aar_row *r = aars_at(p, i);
		char date[64];

		ui_date(ui, r->date, date, sizeof date);
		ui_measure(&c[0], date);
		ui_measure(&c[1], r->code);
		ui_measure(&c[2], config_template_title(ui->cfg, r->template_name));
		ui_measure(&c[4], aar_reviews(r));
	}
	c[5].want = c[5].min;   /* (the last column takes the rest) */
	ui_fit(ui, c, 6, widths);
}

static void aars_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct aars *p = v->data;
	struct ui_list *l = &p->p.l;
	/* TRANSLATORS: a narrow column: how many follow-up actions are open */
	const char *head[] = { _("date"), _("code"), _("template"), _("to do"), _("reviews"),
			       _("title") };
	int w[6];
	size_t i;
	int y;

	aars_fit(ui, p, head, w);
	ui_heading_row(ui, top, head, w, 6);
	if (!l->n) {
		char key[64], line[256];

		ui_note(ui, top + 1, _("No AAR records yet"));
		keymap_describe(&ui->keys, ACT_ADD, 1, key, sizeof key);
		snprintf(line, sizeof line, _("Press %s to write the first one."), key);
		ui_note(ui, top + 2, line);
		return;
	}
	ui_list_scroll(l, height - 2);
	for (i = l->top, y = top + 1; i < l->n && y < top + height - 1; i++, y++) {
		const struct aar_row *r = aars_at(p, i);
		char date[64], open[16];
		const char *cells[6];

		ui_date(ui, r->date, date, sizeof date);
		snprintf(open, sizeof open, "%d", r->open_actions);
		cells[0] = date;
		cells[1] = r->code;
		cells[2] = config_template_title(ui->cfg, r->template_name);
		cells[3] = open;
		cells[4] = aar_reviews(r);
		cells[5] = r->title;
		ui_row(ui, y, cells, w, 6, i == l->sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	{
		const struct aar_row *r = aars_at(p, l->sel);
		char line[512];

		/* what the columns may leave out: what it reviews, its template */
		snprintf(line, sizeof line, "%s %s: %s%s%s · %s: %s", r->code, _("reviews"),
			 aar_kind_label(r->subject_kind), r->subject ? " " : "",
			 r->subject ? r->subject : "", _("template"),
			 config_template_title(ui->cfg, r->template_name));
		ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
}

static void aars_reload(struct view *v, struct ui *ui)
{
	struct aars *p = v->data;

	ui_paged_reload(ui, &p->p, NULL);
}

/* a: the template, what it reviews, the title; then the new record's form. */
static void aars_add(struct aars *p, struct ui *ui)
{
	const struct config *cfg = ui->cfg;
	struct rm_error err = { 0, "" };
	struct aar_new a = { NULL, NULL, NULL, NULL, NULL };
	const char **labels;
	char *subject = NULL, *title = NULL, *code = NULL;
	sqlite3_int64 id;
	size_t i, at = 0;
	int t;

	if (!cfg->ntemplates || !(labels = calloc(cfg->ntemplates, sizeof *labels))) {
		ui_error(ui, "%s", _("out of memory"));
		return;
	}
	/* each template with its sections, so the choice needs no manual */
	for (i = 0; i < cfg->ntemplates; i++) {
		const struct cfg_template *tp = &cfg->templates[i];
		struct buf b = { 0 };
		size_t k;

		buf_printf(&b, "%s (%s): ", config_template_title(cfg, tp->name), tp->name);
		for (k = 0; k < tp->sections.n; k++)
			buf_printf(&b, "%s%s", k ? " · " : "", tp->sections.v[k].label);
		labels[i] = buf_take(&b);
		if (cfg->aar_default && strcmp(tp->name, cfg->aar_default) == 0)
			at = i;
	}
	t = ui_choose(ui, _("New AAR: which template?"), labels, cfg->ntemplates, at);
	for (i = 0; i < cfg->ntemplates; i++)
		free((char *)labels[i]);
	free(labels);
	if (t < 0 || choose_subject(ui, NULL, NULL, &a.subject_kind, &subject) < 0) {
		ui_message(ui, "%s", _("nothing added"));
		return;
	}
	title = ui_prompt(ui, _("Title of the AAR: "), NULL, UI_PROMPT_WORDS);
	if (!title || !title[strspn(title, " ")]) {
		if (title)
			ui_error(ui, "%s", _("nothing added: an AAR needs a title"));
		else
			ui_message(ui, "%s", _("nothing added"));
		free(title);
		free(subject);
		return;
	}
	a.template_name = cfg->templates[t].name;
	a.subject = subject;
	a.title = title;
	if (aar_create(ui->st, &ui->undo, cfg, &a, &id, &code, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		ui_recover_failed(ui, err.msg, _("Title of the AAR: "), title);
	} else {
		char key[64];

		ui_changed(ui);
		ui_paged_reload(ui, &p->p, code);
		/* on to writing: the form at the template's first section */
		ui_open(ui, VIEW_AAR, code, cfg->templates[t].sections.n
					    ? cfg->templates[t].sections.v[0].code : NULL);
		keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
		ui_message(ui, _("%s added (%s takes it back); Enter: write"), code, key);
	}
	free(code);
	free(title);
	free(subject);
}

static void aars_delete(struct aars *p, struct ui *ui)
{
	const struct aar_row *r = aars_at(p, p->p.l.sel);
	struct rm_error err = { 0, "" };
	char question[1024], key[64], title[256];

	text_truncate(title, sizeof title, r->title, 40, 0, ui->theme.ascii);
	snprintf(question, sizeof question,
		 _("Delete %s \"%s\" with its sections and follow-up actions?"), r->code, title);
	if (!ui_confirm(ui, question)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	snprintf(question, sizeof question, "%s", r->code);
	if (record_delete(ui->st, &ui->undo, "aar", question, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	ui_message(ui, _("%s deleted; %s brings it back"), question, key);
}

static int aars_act(struct view *v, struct ui *ui, enum action a)
{
	struct aars *p = v->data;
	struct rm_error err = { 0, "" };
	sqlite3_int64 id;

	if (ui_paged_act(ui, &p->p, a))
		return 1;
	switch (a) {
	case ACT_ADD:
		aars_add(p, ui);
		return 1;
	case ACT_OPEN:
	case ACT_EDIT:
		if (p->p.l.n)
			ui_open(ui, VIEW_AAR, aars_at(p, p->p.l.sel)->code, NULL);
		return 1;
	case ACT_DELETE:
		if (p->p.l.n)
			aars_delete(p, ui);
		return 1;
	case ACT_HISTORY:
		if (!p->p.l.n)
			return 1;
		if (aar_lookup_id(ui->st, aars_at(p, p->p.l.sel)->code, &id, &err) < 0)
			ui_error(ui, "%s", err.msg);
		else
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = "aar", .row = id, .title = aars_at(p, p->p.l.sel)->title });
		return 1;
	default:
		return 0;
	}
}

static void aars_free(struct view *v)
{
	struct aars *p = v->data;

	pager_clear(&p->p.pg);
	free(p);
}

static const struct view_ops aars_ops = {
	.name = N_("aar"),
	.draw = aars_draw,
	.act = aars_act,
	.free = aars_free,
	.actions = list_actions,
	.reload = aars_reload,
};

struct view *view_aars_new(struct ui *ui, const struct ui_place *at)
{
	struct aars *p = calloc(1, sizeof *p);

	(void)at;
	if (!p)
		return NULL;
	aar_pager(&p->p.pg, ui->st, NULL);
	ui_paged_open(ui, &p->p);
	return ui_view_new(&aars_ops, p);
}

/* ---- the form ---- */

/* The rows the cursor moves over.  A section is one row: its heading and
 * its text area.  Each follow-up action is four: its text, owner, due
 * date and status. */
enum row_kind {
	R_TITLE, R_DATE, R_SUBJECT, R_FACILITATOR, R_PARTICIPANTS, R_TAGS, R_SECTION,
	R_ACTION, R_OWNER, R_DUE, R_STATUS,
};

struct frow {
	enum row_kind kind;
	size_t idx;               /* the section or the action */
	int y, h;                 /* lines in the form at the last layout */
};

/* The wrapped lines of a section that is not being edited. */
struct wrapped {
	struct edit_layout lay;
	int cols;                 /* 0: not made yet */
};

struct form {
	struct ui *ui;            /* for saving when the view goes */
	struct view *self;        /* its hint line changes while typing */
	char *code;
	struct aar_record r;
	int loaded;
	struct frow *rows;
	size_t nrows, cur;
	int scroll;               /* the form's line at the top of the screen */
	int total;                /* the form's lines at the last layout */
	int actions_y;            /* the line of the actions' heading */
	int label_w;              /* width of the field labels */
	struct wrapped *wrapped;  /* per section */
	struct typing t;          /* typing in a field */
	struct {                  /* which field: rows move when others change */
		enum row_kind kind;
		char *section;        /* R_SECTION: its key */
		sqlite3_int64 action; /* an action's rows: its id */
	} typed;
	int in_save;              /* form_save is reloading the record */
	int going;                /* the view is being freed: no reloading */
};

static const enum action form_actions[] = {
	ACT_EDIT, ACT_ADD, ACT_UNDO, ACT_DELETE, ACT_STATUS_CYCLE, ACT_HISTORY,
	ACT_EXTERNAL_EDITOR, ACT_BACK, ACT_COUNT
};

/* While typing, letters are text: only Ctrl-E is a command. */
static const enum action typing_actions[] = { ACT_EXTERNAL_EDITOR, ACT_COUNT };

static const struct view_ops form_ops;

static const char *row_label(enum row_kind k)
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

static const char *const statuses[] = { "open", "done", "dropped" };

static const char *status_label(const char *s)
{
	if (s && strcmp(s, "done") == 0)
		return _("done");
	if (s && strcmp(s, "dropped") == 0)
		return _("dropped");
	return _("not done yet");
}

static const char *status_mark(const struct ui *ui, const char *s)
{
	if (s && strcmp(s, "done") == 0)
		return ui->theme.ascii ? "[y]" : "[✓]";
	if (s && strcmp(s, "dropped") == 0)
		return "[-]";
	return "[ ]";
}

/* The change_field name of a row's field, NULL for those saved otherwise. */
static const char *row_field(enum row_kind k)
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

static int is_action_row(enum row_kind k)
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

static struct aar_followup *row_action(struct form *p, const struct frow *row)
{
	return is_action_row(row->kind) && row->idx < p->r.nactions ? &p->r.actions[row->idx] : NULL;
}

/* What the database holds for ROW (NULL for none). */
static const char *row_value(struct form *p, const struct frow *row)
{
	struct aar_followup *x = row_action(p, row);

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
static sqlite3_int64 row_id(struct form *p, const struct frow *row)
{
	struct aar_followup *x = row_action(p, row);

	return x ? x->id : p->r.id;
}

static void wrapped_clear(struct form *p)
{
	size_t i;

	for (i = 0; p->wrapped && i < p->r.nsections; i++)
		edit_layout_free(&p->wrapped[i].lay);
	free(p->wrapped);
	p->wrapped = NULL;
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
	if (is_action_row(kind))
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
		if (is_action_row(kind))
			action = p->r.actions[row->idx].id;
	}
	wrapped_clear(p);
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

static int filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

/* typing_save_fn: the text typed into the field under the cursor, after
 * the form's own checks (a title is not empty, a date is a date).  What
 * the database holds then goes back in *CURRENT when it differs from TEXT
 * (a date in ISO form, the tags as written). */
static int form_save(void *form, struct ui *ui, const char *expected, const char *text,
		     char **current, struct rm_error *err)
{
	struct form *p = form;
	const struct frow *row;
	enum row_kind kind;
	const char *value = text;
	char iso[32];
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
	if ((kind == R_TITLE || kind == R_ACTION) && !filled(text)) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this needs a text: type one"));
		return TYPING_REFUSED;
	}
	if (kind == R_DATE || kind == R_DUE) {
		if (!filled(text) && kind == R_DUE) {
			value = NULL;
		} else if (aar_parse_date(text, iso, sizeof iso) < 0) {
			char shown[160];

			text_truncate(shown, sizeof shown, text, 30, 0, ui->theme.ascii);
			rm_fail(err, RM_EXIT_RUNTIME,
				_("\"%s\" is not a date: %s"), shown, text_date_forms());
			return TYPING_REFUSED;
		} else {
			value = iso;
		}
	}
	if (kind == R_TAGS)
		rc = aar_set_tags(ui->st, &ui->undo, p->r.id, expected, text, err);
	else if (kind == R_SECTION)
		rc = aar_section_save(ui->st, &ui->undo, p->r.id, p->r.sections[idx].key,
				      &p->r.sections[idx].id, expected, text, current, err);
	else
		rc = change_field(ui->st, &ui->undo, row_field(kind), row_id(p, row), expected, value,
				  current, err);
	if ((rc == CHANGE_OK || rc == CHANGE_CONFLICT) && !p->going) {
		p->in_save = 1;   /* the typing is in use: form_load leaves it be */
		ui_changed(ui);
		p->in_save = 0;
	}
	if (kind == R_TAGS && rc != CHANGE_ERROR && p->loaded) {
		/* the tags as the database holds them now (theirs, or ours as written) */
		free(*current);
		*current = strdup(p->r.tags ? p->r.tags : "");
	} else if ((rc == CHANGE_OK || rc == CHANGE_NONE) && value != text) {
		*current = strdup(value ? value : "");
	}
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
	const char *value = row_value(p, row);
	char date[32] = "";
	int section = row->kind == R_SECTION;

	if (row->kind == R_DATE || row->kind == R_DUE)
		date_for_typing(ui, value, date, sizeof date);
	if (typing_start(&p->t, ui, row_label(row->kind), value,
			 row->kind == R_DATE || row->kind == R_DUE ? date : NULL,
			 section ? EDIT_MULTILINE : 0, section ? 100000 : 2000,
			 saves_at_rest(row->kind), form_save, p) < 0)
		return;
	p->typed.kind = row->kind;
	p->typed.section = section ? strdup(p->r.sections[row->idx].key) : NULL;
	p->typed.action = is_action_row(row->kind) ? p->r.actions[row->idx].id : 0;
	if (at_start)
		edit_set_cursor(&p->t.ed, 0);
	p->self->actions_now = typing_actions;
}

/* Enter on the field under the cursor: type in it, or choose from a list. */
static void choose_status(struct form *p, struct ui *ui);
static void change_subject(struct form *p, struct ui *ui);

static void open_row(struct form *p, struct ui *ui)
{
	if (!p->loaded || p->cur >= p->nrows)
		return;
	switch (p->rows[p->cur].kind) {
	case R_SUBJECT:
		change_subject(p, ui);
		break;
	case R_STATUS:
		choose_status(p, ui);
		break;
	default:
		start_editing(p, ui, 0);
	}
}

/* Save one chosen value of a field (a status) as a step of its own. */
static void save_choice(struct form *p, struct ui *ui, const struct frow *row, const char *value)
{
	struct rm_error err = { 0, "" };
	const char *now = row_value(p, row);
	int rc;

	rc = change_field(ui->st, &ui->undo, row_field(row->kind), row_id(p, row), now, value, NULL,
			  &err);
	change_seal(&ui->undo);
	if (rc == CHANGE_OK)
		ui_message(ui, "%s", _("saved"));
	else if (rc != CHANGE_NONE)
		ui_error(ui, "%s", err.msg);
	if (rc != CHANGE_NONE)
		ui_changed(ui);
}

static void choose_status(struct form *p, struct ui *ui)
{
	const struct frow *row = &p->rows[p->cur];
	const char *labels[3], *now = row_value(p, row);
	size_t i, at = 0;
	int pick;

	for (i = 0; i < 3; i++) {
		labels[i] = status_label(statuses[i]);
		if (now && strcmp(now, statuses[i]) == 0)
			at = i;
	}
	pick = ui_choose(ui, _("status"), labels, 3, at);
	if (pick >= 0)
		save_choice(p, ui, row, statuses[pick]);
}

static void change_subject(struct form *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	const char *kind;
	char *subject;
	int rc;

	if (choose_subject(ui, p->r.subject_kind, p->r.subject, &kind, &subject) < 0)
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

/* A follow-up action that could not be added (WHY; NULL: the program was
 * told to stop): its text, who and by when go to the recovery file. */
static void keep_action(struct ui *ui, const char *why, const char *text, const char *owner,
			const char *due)
{
	struct buf kept = { 0 };

	buf_puts(&kept, text);
	if (filled(owner))
		buf_printf(&kept, "\n%s %s", _("Who will do it:"), owner);
	if (filled(due))
		buf_printf(&kept, "\n%s %s", _("Due date:"), due);
	if (kept.oom)
		ui_recover(ui, _("Follow-up action: "), text);
	else if (why)
		ui_recover_failed(ui, why, _("Follow-up action: "), kept.s);
	else
		ui_recover(ui, _("Follow-up action: "), kept.s);
	buf_free(&kept);
}

/* a: a new follow-up action: its text, who, by when.  Words typed are
 * never dropped: a failed save or a stop keeps them (keep_action). */
static void add_action(struct form *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	char *text, *owner = NULL, *due = NULL, iso[32];
	const char *label = _("Due date, e.g. 31/3/2569 (Enter for none): ");
	sqlite3_int64 id;
	size_t i;

	text = ui_prompt(ui, _("Follow-up action: "), NULL, UI_PROMPT_WORDS);
	if (!filled(text))
		goto cancel;
	owner = ui_prompt(ui, _("Who will do it (Enter for nobody yet): "), NULL, UI_PROMPT_WORDS);
	if (!owner)
		goto cancel;
	for (;;) {
		char *typed = ui_prompt(ui, label, due, UI_PROMPT_WORDS);

		free(due);
		due = typed;
		if (!due)
			goto cancel;
		if (!filled(due) || aar_parse_date(due, iso, sizeof iso) == 0)
			break;
		label = _("Not a date. Due date as 31/3/2569 or 31 มี.ค. 2569 (Enter for none): ");
	}
	if (aar_action_add(ui->st, &ui->undo, p->r.id, text, owner, due, &id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		keep_action(ui, err.msg, text, owner, due);
		goto out;
	}
	ui_changed(ui);
	for (i = 0; i < p->nrows; i++)
		if (p->rows[i].kind == R_ACTION && p->r.actions[p->rows[i].idx].id == id)
			p->cur = i;
	ui_message(ui, "%s", _("saved"));
	goto out;
cancel:
	/* stopped (hang-up, ^C) after the text was typed: kept, not dropped */
	if (ui_stopping() && filled(text))
		keep_action(ui, NULL, text, owner, due);
	else
		ui_message(ui, "%s", _("nothing added"));
out:
	free(text);
	free(owner);
	free(due);
}

static void delete_action(struct form *p, struct ui *ui)
{
	struct aar_followup *x = row_action(p, &p->rows[p->cur]);
	struct rm_error err = { 0, "" };
	char question[1024], key[64], shown[256];

	if (!x) {
		ui_message(ui, "%s", _("d deletes a follow-up action: move to one first (a whole AAR is "
				       "deleted in the AAR list)"));
		return;
	}
	text_truncate(shown, sizeof shown, x->action, 50, 0, ui->theme.ascii);
	snprintf(question, sizeof question, _("Delete the follow-up action \"%s\"?"), shown);
	if (!ui_confirm(ui, question)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	if (aar_action_delete(ui->st, &ui->undo, x->id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		ui_changed(ui);
		return;
	}
	ui_changed(ui);
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	ui_message(ui, _("deleted; %s brings it back"), key);
}

/* Space on a follow-up action: done when open, open again otherwise. */
static int toggle_status(struct form *p, struct ui *ui)
{
	const struct frow *row = &p->rows[p->cur];
	struct aar_followup *x = row_action(p, row);
	struct frow status = { R_STATUS, row->idx, 0, 0 };

	if (!x)
		return 0;
	save_choice(p, ui, &status, strcmp(x->status, "open") == 0 ? "done" : "open");
	return 1;
}

/* ---- layout and drawing ---- */

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
	if (is_action_row(row->kind)) {
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
	struct aar_followup *x = row_action(p, row);
	int selected = i == p->cur, indent = is_action_row(row->kind) ? 2 : 0;
	int vx = p->label_w + 3, width = ui->cols - vx - 1, sy = top + row->y - p->scroll;
	const char *value = row_value(p, row);
	char text[1024], label[256];
	attr_t attr = A_NORMAL;

	if (row->y < p->scroll || row->y >= p->scroll + height)
		return;
	snprintf(label, sizeof label, "%*s%s", indent, "", row_label(row->kind));
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
		value = status_label(value);
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

static void form_draw(struct view *v, struct ui *ui, int top, int height)
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
		add_action(p, ui);
		return 1;
	case ACT_DELETE:
		delete_action(p, ui);
		return 1;
	case ACT_STATUS_CYCLE:
		return toggle_status(p, ui);
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

static void form_free(struct view *v)
{
	struct form *p = v->data;

	/* quitting, a dropped line: what was typed is saved on the way out,
	 * unless someone else's version stands (then it is kept aside, never
	 * put over theirs unasked) */
	p->going = 1;
	typing_abandon(&p->t, p->ui);
	free(p->typed.section);
	wrapped_clear(p);
	aar_record_free(&p->r);
	free(p->rows);
	free(p->code);
	free(p);
}

static const struct view_ops form_ops = {
	.name = N_("AAR record"),
	.draw = form_draw,
	.act = form_act,
	.free = form_free,
	.actions = form_actions,
	.reload = form_reload,
	.raw_key = form_raw_key,
	.tick = form_tick,
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
		int w = text_width(row_label((enum row_kind)i)) + (is_action_row(i) ? 2 : 0);

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
