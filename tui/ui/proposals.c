/* proposals.c - the proposals on a norm set (c on the norm sets), on any
 * of its versions: number, version, what it does, the item, its status,
 * the text; the selected one's reason, origin and decision below.  y
 * accepts, x rejects (asking a note), Enter and e open its form, a adds
 * one, d deletes one; v makes the next version from the accepted ones
 * (one step: u takes it all back) and shows what changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "routemap/vocab.h"
#include "views.h"

struct proposals {
	char code[128];
	struct proposal_row *rows;
	size_t n;
	struct ui_list l;
};

/* Read the proposals again, the cursor on row ID (0: where it was). */
static void load(struct proposals *p, struct ui *ui, sqlite3_int64 id)
{
	struct rm_error err = { 0, "" };
	struct proposal_row *rows;
	size_t n, i;

	if (!id && p->n && p->l.sel < p->n)
		id = p->rows[p->l.sel].id;
	if (proposal_rows(ui->st, p->code, &rows, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (i = 0; id && i < n; i++)
		if (rows[i].id == id)
			p->l.sel = i;
	proposal_rows_free(p->rows, p->n);
	p->rows = rows;
	p->n = p->l.n = n;
	if (p->l.sel >= n)
		p->l.sel = n ? n - 1 : 0;
}

enum { C_NO, C_VERSION, C_KIND, C_ITEM, C_STATUS, C_TEXT, C_COUNT };

/* The cells of R into CELLS: an addition names its group (by the
 * office's word for it), the others their item. */
static void row_cells(const struct ui *ui, const struct proposal_row *r, const char **cells,
		      char *no, char *ver, size_t size)
{
	const char *group = r->group ? config_label(&ui->cfg->key_activities, r->group) : NULL;

	snprintf(no, size, "#%lld", (long long)r->id);
	snprintf(ver, size, "v%d", r->version);
	cells[C_NO] = no;
	cells[C_VERSION] = ver;
	cells[C_KIND] = vocab_value("norm_proposal", "kind", r->kind);
	cells[C_ITEM] = r->item ? r->item : group ? group : r->group ? r->group : "—";
	cells[C_STATUS] = vocab_value("norm_proposal", "status", r->status);
	cells[C_TEXT] = r->text ? r->text : "";
}

/* The selected proposal's reason and decision, on the last lines. */
static void draw_detail(const struct proposals *p, struct ui *ui, int y)
{
	const struct proposal_row *r = &p->rows[p->l.sel];
	char line[1024], when[64] = "";

	snprintf(line, sizeof line, "%s: %s", _("reason"), r->reason ? r->reason : "—");
	ui_put(y, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
	if (r->proposed_on)
		ui_date(ui, r->proposed_on, when, sizeof when);
	if (r->applied_version)
		snprintf(line, sizeof line, _("proposed by %s %s; in version %d"),
			 r->proposed_by ? r->proposed_by : "?", when, r->applied_version);
	else if (r->decided_by || r->decided_on) {
		char day[64] = "";

		if (r->decided_on)
			ui_date(ui, r->decided_on, day, sizeof day);
		snprintf(line, sizeof line, _("proposed by %s %s; %s by %s %s%s%s"),
			 r->proposed_by ? r->proposed_by : "?", when,
			 vocab_value("norm_proposal", "status", r->status),
			 r->decided_by ? r->decided_by : "?", day, r->decision_note ? ": " : "",
			 r->decision_note ? r->decision_note : "");
	} else
		snprintf(line, sizeof line, _("proposed by %s %s; not decided yet"),
			 r->proposed_by ? r->proposed_by : "?", when);
	ui_put(y + 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
}

static void proposals_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct proposals *p = v->data;
	const char *head[C_COUNT] = { "#", _("version"), _("proposal"), _("item"), _("status"),
				      _("text") };
	struct table_col c[C_COUNT] = { { 0 } };
	int widths[C_COUNT], k, y;
	char title[256];
	size_t i;

	snprintf(title, sizeof title, _("Proposals to change %s"), p->code);
	ui_put(top, 0, title, ui->cols, ui->theme.attr[T_HEADING], 1);
	for (k = 0; k < C_COUNT; k++)
		ui_measure(&c[k], head[k]);
	for (i = 0; i < p->n; i++) {
		const char *cells[C_COUNT];
		char no[32], ver[32];

		row_cells(ui, &p->rows[i], cells, no, ver, sizeof no);
		for (k = 0; k < C_TEXT; k++)
			ui_measure(&c[k], cells[k]);
	}
	c[C_TEXT].min = text_width(head[C_TEXT]) + 8;
	ui_fit(ui, c, C_COUNT, widths);
	ui_heading_row(ui, top + 1, head, widths, C_COUNT);
	if (!p->n)
		ui_note(ui, top + 2, _("No proposals yet: a adds one, c on an AAR's section or on a "
				       "success factor proposes one"));
	ui_list_scroll(&p->l, height - 4);
	for (i = p->l.top, y = top + 2; i < p->n && y < top + height - 2; i++, y++) {
		const char *cells[C_COUNT];
		char no[32], ver[32];

		row_cells(ui, &p->rows[i], cells, no, ver, sizeof no);
		ui_row(ui, y, cells, widths, C_COUNT,
		       i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	if (p->n)
		draw_detail(p, ui, top + height - 2);
}

/* y or x on R: accept, or reject with a note asked for. */
static void decide(struct proposals *p, struct ui *ui, const struct proposal_row *r, int accept)
{
	struct rm_error err = { 0, "" };
	char *note = NULL;
	int rc;

	if (!accept && !(note = ui_prompt(ui, _("Why is it rejected? "), NULL, UI_PROMPT_WORDS)))
		return;
	rc = proposal_decide(ui->st, &ui->undo, r->id, r->status, accept, ui->user, note, &err);
	free(note);
	if (rc == CHANGE_ERROR) {
		load(p, ui, 0);   /* what the other user did shows */
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	load(p, ui, 0);
	ui_message(ui, "%s", accept ? _("accepted; v makes the next version from the accepted "
					 "proposals")
				    : _("rejected"));
}

/* v: the next version from the accepted proposals, then what changed. */
static void apply(struct proposals *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int from = 0, made = 0;
	char older[16];

	if (proposals_apply(ui->st, &ui->undo, p->code, &from, &made, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	load(p, ui, 0);
	snprintf(older, sizeof older, "%d", from);
	ui_open_place(ui, VIEW_NORM_DIFF, &(struct ui_place){ .code = p->code, .part = older,
							      .row = made });
	ui_message(ui, _("%s version %d made from version %d and the accepted proposals, a draft; "
			 "u takes it back"), p->code, made, from);
}

/* a: a new proposal against the newest version of the set. */
static void add(struct proposals *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct norm_set_row *rows;
	size_t n, i;
	char at[160] = "";

	if (norm_set_rows(ui->st, &rows, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (i = 0; i < n && !*at; i++)   /* newest version first */
		if (strcmp(rows[i].code, p->code) == 0)
			snprintf(at, sizeof at, "%s@%d", rows[i].code, rows[i].version);
	norm_set_rows_free(rows, n);
	ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &proposal_form_def,
							 .code = "person", .part = *at ? at : NULL,
							 .create = 1 });
}

/* d: delete R, after asking. */
static void delete_one(struct proposals *p, struct ui *ui, const struct proposal_row *r)
{
	struct rm_error err = { 0, "" };
	char q[512];

	snprintf(q, sizeof q, _("Delete proposal #%lld?"), (long long)r->id);
	if (!ui_confirm(ui, q))
		return;
	if (proposal_delete(ui->st, &ui->undo, r->id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	load(p, ui, 0);
	ui_message(ui, "%s", _("deleted; u brings it back"));
}

static int proposals_act(struct view *v, struct ui *ui, enum action a)
{
	struct proposals *p = v->data;
	const struct proposal_row *r = p->n ? &p->rows[p->l.sel] : NULL;
	char id[32];

	if (ui_list_act(&p->l, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
	case ACT_EDIT:
		if (r) {
			snprintf(id, sizeof id, "%lld", (long long)r->id);
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &proposal_form_def,
									 .code = id });
		}
		return 1;
	case ACT_ADD:
		add(p, ui);
		return 1;
	case ACT_DELETE:
		if (r)
			delete_one(p, ui, r);
		return 1;
	case ACT_AGREE:
	case ACT_DECLINE:
		if (r)
			decide(p, ui, r, a == ACT_AGREE);
		return 1;
	case ACT_NEW_VERSION:
		apply(p, ui);
		return 1;
	default:
		return 0;
	}
}

static void proposals_reload(struct view *v, struct ui *ui)
{
	load(v->data, ui, 0);
}

static void proposals_free(struct view *v)
{
	struct proposals *p = v->data;

	proposal_rows_free(p->rows, p->n);
	free(p);
}

static const enum action proposals_actions[] = {
	ACT_OPEN, ACT_AGREE, ACT_DECLINE, ACT_NEW_VERSION, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_BACK,
	ACT_COUNT
};

/* y and x in this screen's words (the fund's screen answers with them). */
static const char *proposals_label(const struct view *v, enum action a)
{
	(void)v;
	switch (a) {
	case ACT_AGREE:
		return _("accept");
	case ACT_DECLINE:
		return _("reject");
	default:
		return NULL;
	}
}

static const struct view_ops proposals_ops = {
	.name = N_("norm proposals"),
	.label = proposals_label,
	.draw = proposals_draw,
	.act = proposals_act,
	.free = proposals_free,
	.actions = proposals_actions,
	.reload = proposals_reload,
};

struct view *view_proposals_new(struct ui *ui, const struct ui_place *at)
{
	struct proposals *p = calloc(1, sizeof *p);

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	snprintf(p->code, sizeof p->code, "%s", at->code ? at->code : "");
	load(p, ui, 0);
	return ui_view_new(&proposals_ops, p);
}
