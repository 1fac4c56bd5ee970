/* normsets.c - the norm sets and their versions (opened with S from the
 * Checklists): code, title, version, issued date or "draft", items,
 * assessments.  Enter shows a version's items; a makes a set, e edits a
 * version's header, v makes a new version from the selected one, D
 * compares it with another version, F shows its success factors, c the
 * proposals to change the set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

struct normsets {
	struct norm_set_row *rows;
	size_t n;
	struct ui_list l;
};

/* Read the sets again, the cursor on CODE version VERSION (NULL: where
 * it was). */
static void load(struct normsets *p, struct ui *ui, const char *code, int version)
{
	struct rm_error err = { 0, "" };
	struct norm_set_row *rows;
	size_t n, i;

	if (norm_set_rows(ui->st, &rows, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (i = 0; code && i < n; i++)
		if (strcmp(rows[i].code, code) == 0 && rows[i].version == version)
			p->l.sel = i;
	norm_set_rows_free(p->rows, p->n);
	p->rows = rows;
	p->n = p->l.n = n;
	if (p->l.sel >= n)
		p->l.sel = n ? n - 1 : 0;
}

/* The issued date as the office reads it, or "draft". */
static void issued_text(const struct ui *ui, const struct norm_set_row *r, char *out, size_t size)
{
	if (r->issued)
		ui_date(ui, r->issued, out, size);
	else
		snprintf(out, size, "%s", _("draft"));
}

static void normsets_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct normsets *p = v->data;
	const char *head[] = { _("code"), _("title"), _("version"), _("issued"), _("items"),
			       _("assessments") };
	struct table_col c[6] = { { 0 } };
	int widths[6], k, y;
	size_t i;

	for (k = 0; k < 6; k++)
		ui_measure(&c[k], head[k]);
	c[1].min = text_width(head[1]) + 8;
	for (i = 0; i < p->n; i++) {
		char t[64];

		ui_measure(&c[0], p->rows[i].code);
		ui_measure(&c[1], p->rows[i].title);
		issued_text(ui, &p->rows[i], t, sizeof t);
		ui_measure(&c[3], t);
	}
	ui_fit(ui, c, 6, widths);
	ui_heading_row(ui, top, head, widths, 6);
	if (!p->n)
		ui_note(ui, top + 1, _("No norm sets yet: a makes one"));
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 1; i < p->n && y < top + height - 1; i++, y++) {
		const struct norm_set_row *r = &p->rows[i];
		char ver[16], iss[64], items[16], used[16];
		const char *cells[6] = { r->code, r->title, ver, iss, items, used };

		snprintf(ver, sizeof ver, "v%d", r->version);
		issued_text(ui, r, iss, sizeof iss);
		snprintf(items, sizeof items, "%d", r->items);
		snprintf(used, sizeof used, "%d", r->assessments);
		ui_row(ui, y, cells, widths, 6,
		       i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
	if (p->n && p->rows[p->l.sel].issued && p->rows[p->l.sel].assessments)
		ui_put(top + height - 1, 0, _("issued and assessed against: it no longer changes; "
					      "v makes a new version to change"),
		       ui->cols, ui->theme.attr[T_DIM], 0);
}

/* D: choose another version of R's set; show what changed between the
 * older and the newer. */
static void compare(struct normsets *p, struct ui *ui, const struct norm_set_row *r)
{
	const char **labels = calloc(p->n, sizeof *labels);
	char (*texts)[64] = calloc(p->n, sizeof *texts), older[16];
	int *vers = calloc(p->n, sizeof *vers), pick;
	size_t i, k = 0;

	if (!labels || !texts || !vers) {
		ui_error(ui, "%s", _("out of memory"));
		goto out;
	}
	for (i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].code, r->code) == 0 && p->rows[i].version != r->version) {
			snprintf(texts[k], sizeof texts[k], "%s v%d", r->code, p->rows[i].version);
			labels[k] = texts[k];
			vers[k++] = p->rows[i].version;
		}
	if (!k) {
		ui_error(ui, _("%s has one version only: nothing to compare it with"), r->code);
		goto out;
	}
	pick = ui_choose(ui, _("compare with"), labels, k, 0);
	if (pick >= 0) {
		int a = vers[pick] < r->version ? vers[pick] : r->version;
		int b = vers[pick] < r->version ? r->version : vers[pick];

		snprintf(older, sizeof older, "%d", a);
		ui_open_place(ui, VIEW_NORM_DIFF, &(struct ui_place){ .code = r->code, .part = older,
								      .row = b });
	}
out:
	free(labels);
	free(texts);
	free(vers);
}

/* v: a new version from R, selected. */
static void new_version(struct normsets *p, struct ui *ui, const struct norm_set_row *r)
{
	struct rm_error err = { 0, "" };
	char code[128];
	int made, from = r->version;

	snprintf(code, sizeof code, "%s", r->code);
	if (norm_new_version(ui->st, &ui->undo, code, from, &made, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	ui_changed(ui);
	load(p, ui, code, made);
	ui_message(ui, _("%s version %d made from version %d, a draft: change it, then give it "
			 "its issued date"), code, made, from);
}

static int normsets_act(struct view *v, struct ui *ui, enum action a)
{
	struct normsets *p = v->data;
	const struct norm_set_row *r = p->n ? &p->rows[p->l.sel] : NULL;
	struct rm_error err = { 0, "" };
	char ver[16];

	if (ui_list_act(&p->l, a))
		return 1;
	if (r)
		snprintf(ver, sizeof ver, "%d", r->version);
	switch (a) {
	case ACT_OPEN:
		if (r)
			ui_open_place(ui, VIEW_NORM_ITEMS, &(struct ui_place){ .code = r->code,
									       .row = r->version });
		return 1;
	case ACT_ADD:
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &norm_set_form_def,
								 .create = 1 });
		return 1;
	case ACT_EDIT:
		if (r && norm_frozen(ui->st, r->code, r->version, &err) != 0)
			ui_error(ui, "%s", err.msg);
		else if (r)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){
				.form = &norm_set_form_def, .code = r->code, .part = ver });
		return 1;
	case ACT_NEW_VERSION:
		if (r)
			new_version(p, ui, r);
		return 1;
	case ACT_DIFF:
		if (r)
			compare(p, ui, r);
		return 1;
	case ACT_SUCCESS:
		if (r)
			ui_open_place(ui, VIEW_SUCCESS, &(struct ui_place){ .code = r->code,
									    .row = r->version });
		return 1;
	case ACT_PROPOSE:
		if (r)
			ui_open_place(ui, VIEW_PROPOSALS, &(struct ui_place){ .code = r->code });
		return 1;
	default:
		return 0;
	}
}

static void normsets_reload(struct view *v, struct ui *ui)
{
	struct normsets *p = v->data;
	char code[128] = "";
	int version = 0;

	if (p->n) {
		snprintf(code, sizeof code, "%s", p->rows[p->l.sel].code);
		version = p->rows[p->l.sel].version;
	}
	load(p, ui, p->n ? code : NULL, version);
}

static void normsets_free(struct view *v)
{
	struct normsets *p = v->data;

	norm_set_rows_free(p->rows, p->n);
	free(p);
}

static const enum action normsets_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_NEW_VERSION, ACT_DIFF, ACT_SUCCESS, ACT_PROPOSE, ACT_BACK,
	ACT_COUNT
};

static const struct view_ops normsets_ops = {
	.name = N_("norm sets"),
	.draw = normsets_draw,
	.act = normsets_act,
	.free = normsets_free,
	.actions = normsets_actions,
	.reload = normsets_reload,
};

struct view *view_norm_sets_new(struct ui *ui, const struct ui_place *at)
{
	struct normsets *p = calloc(1, sizeof *p);

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	load(p, ui, at->code, (int)at->row);
	return ui_view_new(&normsets_ops, p);
}
