/* conflicts.c - the conflicts between offices (R, then its row in the
 * reports' list): records changed here and at another office since the
 * last exchange, which the exchange left as ours (exchange.h).  The list
 * (VIEW_CONFLICTS) shows the open ones: the office, the record, when it
 * was found, who changed it on each side; Enter shows one (VIEW_CONFLICT):
 * who changed it here and when, who there and when, and every field with
 * ours beside theirs, those that differ marked.  K keeps mine, T takes
 * theirs (each one undoable step: u takes it back). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/exchange.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

/* "WHO, WHEN" of one side of a conflict (when as the office reads it). */
static void who_when(const char *who, const char *at, char *out, size_t size)
{
	char when[96] = "";

	if (at)
		text_format_timestamp(at, when, sizeof when);
	snprintf(out, size, "%s%s%s", who ? who : "?", *when ? " " : "", when);
}

/* K or T on conflict ID: decided as one step, said on the message line.
 * Returns 1 when it was decided. */
static int decide(struct ui *ui, sqlite3_int64 id, enum exchange_choice choice)
{
	struct rm_error err = { 0, "" };
	char key[64];

	if (exchange_resolve(ui->st, &ui->undo, id, choice, &err) != CHANGE_OK) {
		ui_changed(ui);
		ui_error(ui, "%s", err.msg);
		return 0;
	}
	ui_changed(ui);
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	ui_message(ui, choice == EXCHANGE_KEEP ? _("mine kept (it goes to them with the next "
						   "bundle); %s takes it back")
					       : _("theirs taken in place of mine; %s takes it back"),
		   key);
	return 1;
}

/* K and T in the words of these screens. */
static const char *conflict_label(const struct view *v, enum action a)
{
	(void)v;
	switch (a) {
	case ACT_KEEP_MINE:
		return _("keep mine");
	case ACT_TAKE_THEIRS:
		return _("take theirs");
	default:
		return NULL;
	}
}

/* ---- the list ---- */

struct crow {
	sqlite3_int64 id;
	char *peer, *title, found[96], here[192], there[192];
};

struct conflict_list {
	struct crow *rows;
	size_t n;
	struct ui_list l;
	struct ui *ui;
	int failed;
};

static void rows_free(struct crow *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].peer);
		free(rows[i].title);
	}
	free(rows);
}

static int take_row(void *arg, const struct exchange_conflict *c)
{
	struct conflict_list *p = arg;
	struct rm_error err = { 0, "" };
	struct crow *r = array_grow(&p->rows, &p->n, sizeof *r);

	if (!r) {
		p->failed = 1;
		ui_error(p->ui, "%s", _("out of memory"));
		return 1;
	}
	memset(r, 0, sizeof *r);
	r->id = c->id;
	r->peer = strdup(c->peer);
	if (exchange_conflict_title(p->ui->st, c, &r->title, &err) < 0 || !r->peer) {
		p->failed = 1;
		ui_error(p->ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		return 1;
	}
	/* who on each side; when, in the conflict itself */
	text_format_timestamp(c->found_at, r->found, sizeof r->found);
	snprintf(r->here, sizeof r->here, "%s", c->local_who ? c->local_who : "?");
	snprintf(r->there, sizeof r->there, "%s", c->remote_who ? c->remote_who : "?");
	return 0;
}

/* Read the open conflicts again, the cursor on the one it was on. */
static void list_load(struct conflict_list *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	sqlite3_int64 id = p->n && p->l.sel < p->n ? p->rows[p->l.sel].id : 0;
	struct crow *old = p->rows;
	size_t nold = p->n, i;

	p->rows = NULL;
	p->n = 0;
	p->ui = ui;
	p->failed = 0;
	if (exchange_conflicts(ui->st, 1, take_row, p, &err) < 0 || p->failed) {
		if (!p->failed)
			ui_error(ui, "%s", err.msg);
		rows_free(p->rows, p->n);
		p->rows = old;   /* what was shown stays */
		p->n = nold;
		return;
	}
	rows_free(old, nold);
	for (i = 0; id && i < p->n; i++)
		if (p->rows[i].id == id)
			p->l.sel = i;
	p->l.n = p->n;
	if (p->l.sel >= p->n)
		p->l.sel = p->n ? p->n - 1 : 0;
}

enum { C_ID, C_OFFICE, C_RECORD, C_FOUND, C_HERE, C_THERE, C_COUNT };

static void row_cells(const struct crow *r, const char **cells, char *id, size_t size)
{
	snprintf(id, size, "%lld", (long long)r->id);
	cells[C_ID] = id;
	cells[C_OFFICE] = r->peer;
	cells[C_RECORD] = r->title;
	cells[C_FOUND] = r->found;
	cells[C_HERE] = r->here;
	cells[C_THERE] = r->there;
}

static void list_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct conflict_list *p = v->data;
	const char *head[C_COUNT] = { "#", _("office"), _("record"), _("found"),
				      _("changed here by"), _("changed there by") };
	struct table_col c[C_COUNT] = { { 0 } };
	int widths[C_COUNT], k, y;
	size_t i;
	char id[32];

	ui_put(top, 0, _("Conflicts between offices: changed here and there since an exchange; "
			 "ours stays until you decide"), ui->cols, ui->theme.attr[T_HEADING], 1);
	for (k = 0; k < C_COUNT; k++)
		ui_measure(&c[k], head[k]);
	for (i = 0; i < p->n; i++) {
		const char *cells[C_COUNT];

		row_cells(&p->rows[i], cells, id, sizeof id);
		for (k = 0; k < C_COUNT; k++)
			ui_measure(&c[k], cells[k]);
	}
	c[C_RECORD].min = 24;
	c[C_FOUND].drop = 1;
	ui_fit(ui, c, C_COUNT, widths);
	ui_heading_row(ui, top + 1, head, widths, C_COUNT);
	if (!p->n)
		ui_note(ui, top + 2, _("No open conflicts: every record changed on both sides "
				       "has been decided"));
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 2; i < p->n && y < top + height; i++, y++) {
		const char *cells[C_COUNT];

		row_cells(&p->rows[i], cells, id, sizeof id);
		ui_row(ui, y, cells, widths, C_COUNT,
		       i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
}

static int list_act(struct view *v, struct ui *ui, enum action a)
{
	struct conflict_list *p = v->data;
	const struct crow *r = p->n ? &p->rows[p->l.sel] : NULL;

	if (ui_list_act(&p->l, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
		if (r)
			ui_open_place(ui, VIEW_CONFLICT, &(struct ui_place){ .row = r->id });
		return 1;
	case ACT_KEEP_MINE:
	case ACT_TAKE_THEIRS:
		if (r && decide(ui, r->id, a == ACT_KEEP_MINE ? EXCHANGE_KEEP : EXCHANGE_TAKE))
			list_load(p, ui);
		return 1;
	default:
		return 0;
	}
}

static void list_reload(struct view *v, struct ui *ui)
{
	list_load(v->data, ui);
}

static void list_free(struct view *v)
{
	struct conflict_list *p = v->data;

	rows_free(p->rows, p->n);
	free(p);
}

static const enum action list_actions[] = {
	ACT_OPEN, ACT_KEEP_MINE, ACT_TAKE_THEIRS, ACT_UNDO, ACT_BACK, ACT_COUNT
};

static const struct view_ops list_ops = {
	.name = N_("conflicts between offices"),
	.label = conflict_label,
	.draw = list_draw,
	.act = list_act,
	.free = list_free,
	.actions = list_actions,
	.reload = list_reload,
};

struct view *view_conflicts_new(struct ui *ui, const struct ui_place *at)
{
	struct conflict_list *p = calloc(1, sizeof *p);

	(void)at;
	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	list_load(p, ui);
	return ui_view_new(&list_ops, p);
}

/* ---- one conflict ---- */

struct conflict_view {
	sqlite3_int64 id;
	struct exchange_conflict c;
	char *title;
	struct exchange_field *fields;
	size_t n;
	struct ui_list l;
};

static void one_clear(struct conflict_view *p)
{
	exchange_conflict_free(&p->c);
	free(p->title);
	p->title = NULL;
	exchange_fields_free(p->fields, p->n);
	p->fields = NULL;
	p->n = p->l.n = 0;
}

/* Read conflict P->id again.  0, or -1 said on the message line. */
static int one_load(struct conflict_view *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int rc;

	one_clear(p);
	rc = exchange_conflict_get(ui->st, p->id, &p->c, &err);
	if (rc == 1)
		rm_fail(&err, RM_EXIT_RUNTIME, _("there is no conflict %lld"), (long long)p->id);
	if (rc == 0 && (exchange_conflict_title(ui->st, &p->c, &p->title, &err) < 0 ||
			exchange_conflict_fields(ui->st, &p->c, &p->fields, &p->n, &err) < 0))
		rc = -1;
	if (rc != 0) {
		one_clear(p);
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	p->l.n = p->n;
	if (p->l.sel >= p->n)
		p->l.sel = p->n ? p->n - 1 : 0;
	return 0;
}

/* The lines above the fields: what, who here, who there, decided or not. */
static void one_head(const struct conflict_view *p, struct ui *ui, int top)
{
	const struct exchange_conflict *c = &p->c;
	char line[512], who[192], key[2][32];

	snprintf(line, sizeof line, _("Conflict %lld: %s"), (long long)c->id, p->title);
	ui_put(top, 0, line, ui->cols, ui->theme.attr[T_HEADING], 1);
	who_when(c->local_who, c->local_at, who, sizeof who);
	snprintf(line, sizeof line, c->local ? _("here: changed by %s") : _("here: deleted by %s"),
		 who);
	ui_put(top + 1, 0, line, ui->cols, A_NORMAL, 1);
	who_when(c->remote_who, c->remote_at, who, sizeof who);
	snprintf(line, sizeof line, c->remote ? _("at %s: changed by %s")
					      : _("at %s: deleted by %s"), c->peer, who);
	ui_put(top + 2, 0, line, ui->cols, A_NORMAL, 1);
	if (c->status == EXCHANGE_OPEN) {
		keymap_describe(&ui->keys, ACT_KEEP_MINE, 1, key[0], sizeof key[0]);
		keymap_describe(&ui->keys, ACT_TAKE_THEIRS, 1, key[1], sizeof key[1]);
		snprintf(line, sizeof line, _("Keep mine (%s), or take theirs (%s)?  The fields "
					      "that differ are marked."), key[0], key[1]);
	} else {
		who_when(c->resolved_by, c->resolved_at, who, sizeof who);
		snprintf(line, sizeof line, c->status == EXCHANGE_KEPT ? _("decided: mine kept, by %s")
								       : _("decided: theirs taken, by %s"),
			 who);
	}
	ui_put(top + 3, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
}

static void one_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct conflict_view *p = v->data;
	char theirs[128];
	const char *head[4] = { "", _("field"), _("mine (here)"), theirs };
	struct table_col c[4] = { { 0 } };
	int widths[4], k, y;
	size_t i;

	if (!p->title) {
		ui_note(ui, top, _("This conflict cannot be read (see the message line)"));
		return;
	}
	snprintf(theirs, sizeof theirs, _("theirs (%s)"), p->c.peer);
	one_head(p, ui, top);
	for (k = 0; k < 4; k++)
		ui_measure(&c[k], head[k]);
	ui_measure(&c[0], "*");
	for (i = 0; i < p->n; i++) {
		ui_measure(&c[1], p->fields[i].label);
		ui_measure(&c[2], p->fields[i].ours ? p->fields[i].ours : "—");
		ui_measure(&c[3], p->fields[i].theirs ? p->fields[i].theirs : "—");
	}
	c[2].min = c[3].min = 12;
	ui_fit(ui, c, 4, widths);
	ui_heading_row(ui, top + 4, head, widths, 4);
	ui_list_scroll(&p->l, height - 5);
	for (i = p->l.top, y = top + 5; i < p->n && y < top + height; i++, y++) {
		const struct exchange_field *f = &p->fields[i];
		const char *cells[4] = { f->differs ? (ui->theme.ascii ? "*" : "≠") : "", f->label,
					 f->ours ? f->ours : "—", f->theirs ? f->theirs : "—" };
		attr_t attr = i == p->l.sel ? ui->theme.attr[T_SELECTED]
			      : f->differs ? A_BOLD : A_NORMAL;

		ui_row(ui, y, cells, widths, 4, attr);
	}
}

static int one_act(struct view *v, struct ui *ui, enum action a)
{
	struct conflict_view *p = v->data;

	if (ui_list_act(&p->l, a))
		return 1;
	switch (a) {
	case ACT_KEEP_MINE:
	case ACT_TAKE_THEIRS:
		if (p->title && decide(ui, p->id, a == ACT_KEEP_MINE ? EXCHANGE_KEEP : EXCHANGE_TAKE))
			one_load(p, ui);
		return 1;
	default:
		return 0;
	}
}

static void one_reload(struct view *v, struct ui *ui)
{
	one_load(v->data, ui);
}

static void one_free(struct view *v)
{
	struct conflict_view *p = v->data;

	one_clear(p);
	free(p);
}

static const enum action one_actions[] = {
	ACT_KEEP_MINE, ACT_TAKE_THEIRS, ACT_UNDO, ACT_BACK, ACT_COUNT
};

static const struct view_ops one_ops = {
	.name = N_("a conflict between offices"),
	.label = conflict_label,
	.draw = one_draw,
	.act = one_act,
	.free = one_free,
	.actions = one_actions,
	.reload = one_reload,
};

struct view *view_conflict_new(struct ui *ui, const struct ui_place *at)
{
	struct conflict_view *p = calloc(1, sizeof *p);

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	p->id = at->row;
	if (one_load(p, ui) < 0) {
		free(p);
		return NULL;
	}
	return ui_view_new(&one_ops, p);
}
