/* normitems.c - one version of a norm set: its items by group with their
 * weights, the selected one's evidence.  a adds an item, e and Enter open
 * its form, m moves it to another group, < > move it within its group, d
 * deletes it (asks; u brings it back), v makes a new version from this
 * one and shows it, D compares it with another version, F shows its
 * success factors.  An issued
 * version that units were assessed against refuses every change, and
 * says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/norm.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

#define GROUP_ROW ((size_t)1 << (sizeof(size_t) * 8 - 1))
#define HEAD_ROWS 2

struct normitems {
	char code[128], at[160];   /* the set; "SET@VERSION" for the forms */
	int version;
	struct norm_version v;
	int loaded;
	size_t *rows;              /* item index, or group index | GROUP_ROW */
	size_t nrows;
	struct ui_list l;
};

static const struct norm_entry *current(const struct normitems *p)
{
	if (!p->loaded || p->l.sel >= p->nrows || (p->rows[p->l.sel] & GROUP_ROW))
		return NULL;
	return &p->v.items[p->rows[p->l.sel]];
}

/* The rows: each group's heading, then its items; the cursor on the item
 * KEEP (NULL: the same place), never on a heading. */
static void build_rows(struct normitems *p, const char *keep)
{
	size_t *rows = realloc(p->rows, (p->v.nitems + p->v.ngroups + 1) * sizeof *rows);
	size_t i, n = 0, old = p->l.sel;

	if (!rows) {
		p->nrows = p->l.n = 0;
		return;
	}
	p->rows = rows;
	for (i = 0; i < p->v.nitems; i++) {
		if (!i || p->v.items[i].group != p->v.items[i - 1].group)
			rows[n++] = p->v.items[i].group | GROUP_ROW;
		if (keep && strcmp(p->v.items[i].code, keep) == 0)
			old = n;
		rows[n++] = i;
	}
	p->nrows = p->l.n = n;
	p->l.sel = old < n ? old : (n ? n - 1 : 0);
	while (p->l.sel < n && (rows[p->l.sel] & GROUP_ROW))
		p->l.sel++;
	while (p->l.sel > 0 && (p->l.sel >= n || (rows[p->l.sel] & GROUP_ROW)))
		p->l.sel--;
}

/* Read the version again, the cursor on the item KEEP. */
static int load(struct normitems *p, struct ui *ui, const char *keep)
{
	struct rm_error err = { 0, "" };
	char *kept = keep ? strdup(keep) : NULL;

	if (p->loaded)
		norm_version_free(&p->v);
	p->loaded = norm_version_load(ui->st, ui->cfg, p->code, p->version, &p->v, &err) == 0;
	if (!p->loaded) {
		ui_error(ui, "%s", err.msg);
		p->nrows = p->l.n = 0;
		free(kept);
		return -1;
	}
	snprintf(p->at, sizeof p->at, "%s@%d", p->code, p->version);
	build_rows(p, kept);
	free(kept);
	return 0;
}

/* The version's head: code, version, title; issued or draft; frozen. */
static void draw_head(struct normitems *p, struct ui *ui, int top)
{
	struct rm_error why = { 0, "" };
	char line[512], day[64];

	snprintf(line, sizeof line, "%s v%d  %s", p->v.code, p->v.version, p->v.title);
	ui_put(top, 0, line, ui->cols, ui->theme.attr[T_TITLE], 1);
	if (p->v.issued) {
		ui_date(ui, p->v.issued, day, sizeof day);
		snprintf(line, sizeof line, "%s %s", _("issued"), day);
	} else {
		snprintf(line, sizeof line, "%s", _("draft: not issued yet"));
	}
	if (norm_frozen(ui->st, p->code, p->version, &why) == 1)
		snprintf(line + strlen(line), sizeof line - strlen(line), "  %s",
			 _("issued and assessed against: it no longer changes; v makes a new version"));
	ui_put(top + 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
}

static void normitems_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct normitems *p = v->data;
	const struct norm_entry *cur = current(p);
	int code_w = 4, y, list_h = height - HEAD_ROWS - 1;
	char line[512];
	size_t i;

	if (!p->loaded)
		return;
	draw_head(p, ui, top);
	for (i = 0; i < p->v.nitems; i++)
		if (text_width(p->v.items[i].code) > code_w)
			code_w = text_width(p->v.items[i].code);
	if (!p->nrows)
		ui_note(ui, top + HEAD_ROWS, _("No items yet: a adds one"));
	ui_list_scroll(&p->l, list_h);
	for (i = p->l.top, y = top + HEAD_ROWS; i < p->nrows && y < top + HEAD_ROWS + list_h;
	     i++, y++) {
		attr_t attr = i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL;
		const struct norm_entry *it;
		char w[48];

		if (p->rows[i] & GROUP_ROW) {
			ui_put(y, 0, p->v.groups[p->rows[i] & ~GROUP_ROW].label, ui->cols,
			       ui->theme.attr[T_HEADING], 1);
			continue;
		}
		it = &p->v.items[p->rows[i]];
		text_format_number(it->weight, w, sizeof w);
		snprintf(line, sizeof line, "%s %s", _("weight"), w);
		ui_put(y, 0, "", ui->cols, attr, 1);
		ui_put(y, 2, it->code, code_w, attr, 1);
		ui_put(y, 3 + code_w, it->text, ui->cols - 5 - code_w - text_width(line), attr, 0);
		ui_put(y, ui->cols - 1 - text_width(line), line, text_width(line), attr, 0);
	}
	snprintf(line, sizeof line, "%s %s", _("evidence:"),
		 cur && cur->evidence ? cur->evidence : "—");
	ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 1);
}

/* Move the cursor by A, stepping over the group headings. */
static int step(struct normitems *p, enum action a)
{
	size_t before = p->l.sel;
	int up = a == ACT_MOVE_UP || a == ACT_PAGE_UP || a == ACT_FIRST;

	if (!ui_list_act(&p->l, a))
		return 0;
	while (p->l.sel < p->nrows && (p->rows[p->l.sel] & GROUP_ROW)) {
		if (up && p->l.sel == 0) {
			up = 0;
			continue;
		}
		p->l.sel += up ? (size_t)-1 : 1;
	}
	if (p->l.sel >= p->nrows)
		p->l.sel = before;
	return 1;
}

/* The outcome of a change: said, and everything read again. */
static void changed(struct normitems *p, struct ui *ui, int rc, const struct rm_error *err,
		    const char *done)
{
	(void)p;
	if (rc == CHANGE_ERROR || rc == CHANGE_CONFLICT)
		ui_error(ui, "%s", err->msg);
	else if (rc == CHANGE_OK)
		ui_message(ui, "%s", done);
	ui_changed(ui);
}

/* m: choose the group to move IT to. */
static void regroup(struct normitems *p, struct ui *ui, const struct norm_entry *it)
{
	struct rm_error err = { 0, "" };
	struct form_choices c = { NULL, 0 };
	const char **labels;
	size_t i, now = 0;
	int pick;

	if (norm_frozen(ui->st, p->code, p->version, &err) != 0 ||
	    norm_groups(ui->st, ui->cfg, p->v.grouping, &c, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	labels = calloc(c.n + 1, sizeof *labels);
	for (i = 0; labels && i < c.n; i++) {
		labels[i] = c.v[i].label;
		if (strcmp(c.v[i].code, p->v.groups[it->group].code) == 0)
			now = i;
	}
	pick = labels ? ui_choose(ui, _("move to the group"), labels, c.n, now) : -1;
	if (pick >= 0)
		changed(p, ui, norm_item_regroup(ui->st, &ui->undo, p->code, p->version, it->code,
						 c.v[pick].code, &err), &err,
			_("moved to the other group and saved; u moves it back"));
	free(labels);
	form_choices_free(&c);
}

/* D: choose another version of the set; show the changes from the older
 * to the newer. */
static void compare(struct normitems *p, struct ui *ui)
{
	char texts[32][160], older[16];
	const char *labels[32];
	int vers[32], k = 0, pick;
	const char *s = p->v.versions;

	while (s && *s && k < 32) {
		int n = atoi(s);

		if (n != p->version) {
			snprintf(texts[k], sizeof texts[k], "%s v%d", p->code, n);
			labels[k] = texts[k];
			vers[k++] = n;
		}
		s = strchr(s, ',');
		s = s ? s + 1 : NULL;
	}
	if (!k) {
		ui_error(ui, _("%s has one version only: nothing to compare it with"), p->code);
		return;
	}
	pick = ui_choose(ui, _("compare with"), labels, (size_t)k, (size_t)k - 1);
	if (pick < 0)
		return;
	snprintf(older, sizeof older, "%d", vers[pick] < p->version ? vers[pick] : p->version);
	ui_open_place(ui, VIEW_NORM_DIFF, &(struct ui_place){
		.code = p->code, .part = older,
		.row = vers[pick] < p->version ? p->version : vers[pick] });
}

/* v: a new version from this one, shown here. */
static void new_version(struct normitems *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int made, from = p->version;

	if (norm_new_version(ui->st, &ui->undo, p->code, from, &made, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	p->version = made;
	ui_changed(ui);
	ui_message(ui, _("%s version %d made from version %d, a draft: change it, then give it "
			 "its issued date"), p->code, made, from);
}

/* The keys that change an item. */
static int edit_act(struct normitems *p, struct ui *ui, enum action a, const struct norm_entry *it)
{
	struct rm_error err = { 0, "" };
	char q[512];

	if (a == ACT_ADD || a == ACT_EDIT) {
		if (norm_frozen(ui->st, p->code, p->version, &err) != 0)
			ui_error(ui, "%s", err.msg);
		else if (a == ACT_ADD)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){
				.form = &norm_item_form_def, .code = p->at, .create = 1,
				.part = it ? p->v.groups[it->group].code : NULL });
		else if (it)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){
				.form = &norm_item_form_def, .code = p->at, .part = it->code });
		return 1;
	}
	if (!it)
		return 1;
	if (a == ACT_MOVE_TO) {
		regroup(p, ui, it);
	} else if (a == ACT_MOVE_EARLIER || a == ACT_MOVE_LATER) {
		int rc = norm_item_move(ui->st, &ui->undo, p->code, p->version, it->code,
					a == ACT_MOVE_EARLIER ? -1 : 1, &err);

		if (rc == CHANGE_NONE)
			ui_message(ui, "%s", a == ACT_MOVE_EARLIER ? _("first of its group already")
								   : _("last of its group already"));
		changed(p, ui, rc, &err, _("moved and saved; u moves it back"));
	} else if (a == ACT_DELETE) {
		snprintf(q, sizeof q, _("Delete the item %s from version %d, with the answers given to it?"),
			 it->code, p->version);
		if (norm_frozen(ui->st, p->code, p->version, &err) != 0)
			ui_error(ui, "%s", err.msg);
		else if (ui_confirm(ui, q))
			changed(p, ui, norm_item_delete(ui->st, &ui->undo, p->code, p->version, it->code,
							&err), &err, _("deleted and saved; u brings it back"));
	}
	return 1;
}

static int normitems_act(struct view *v, struct ui *ui, enum action a)
{
	struct normitems *p = v->data;
	const struct norm_entry *it = current(p);

	if (step(p, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
		if (it)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){
				.form = &norm_item_form_def, .code = p->at, .part = it->code });
		return 1;
	case ACT_ADD:
	case ACT_EDIT:
	case ACT_MOVE_TO:
	case ACT_MOVE_EARLIER:
	case ACT_MOVE_LATER:
	case ACT_DELETE:
		return edit_act(p, ui, a, it);
	case ACT_NEW_VERSION:
		new_version(p, ui);
		return 1;
	case ACT_DIFF:
		if (p->loaded)
			compare(p, ui);
		return 1;
	case ACT_SUCCESS:
		ui_open_place(ui, VIEW_SUCCESS, &(struct ui_place){ .code = p->code,
								    .row = p->version });
		return 1;
	default:
		return 0;
	}
}

static void normitems_reload(struct view *v, struct ui *ui)
{
	struct normitems *p = v->data;
	const struct norm_entry *it = current(p);

	load(p, ui, it ? it->code : NULL);
}

static void normitems_free(struct view *v)
{
	struct normitems *p = v->data;

	if (p->loaded)
		norm_version_free(&p->v);
	free(p->rows);
	free(p);
}

static const enum action normitems_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_MOVE_TO, ACT_MOVE_EARLIER, ACT_MOVE_LATER, ACT_DELETE,
	ACT_NEW_VERSION, ACT_DIFF, ACT_SUCCESS, ACT_BACK, ACT_COUNT
};

static const struct view_ops normitems_ops = {
	.name = N_("norm set items"),
	.draw = normitems_draw,
	.act = normitems_act,
	.free = normitems_free,
	.actions = normitems_actions,
	.reload = normitems_reload,
};

struct view *view_norm_items_new(struct ui *ui, const struct ui_place *at)
{
	struct normitems *p = calloc(1, sizeof *p);

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	snprintf(p->code, sizeof p->code, "%s", at->code ? at->code : "");
	p->version = (int)at->row;
	if (load(p, ui, at->part) < 0) {
		free(p->rows);
		free(p);
		return NULL;
	}
	return ui_view_new(&normitems_ops, p);
}
