/* checklist.c - filling a ค่ากลาง checklist: the items grouped by key
 * activity with their status marks, coverage and rank that follow every
 * key, and an item's form (note, the support it asks for and the answers).
 * An item that asks for support says so at the end of its line.
 * Every status key and every finished field is saved at once.  A set of
 * scale 'levels' (PMQA) is answered with levels instead: 1 2 3 Basic,
 * Advance, Significance, 0 none reached; each category shows its level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"
#include "routemap/widget.h"

#define GROUP_ROW ((size_t)1 << (sizeof(size_t) * 8 - 1))
#define HEAD_ROWS 3

static const char *mark(const struct ui *ui, enum entry_status s)
{
	static const char *const unicode[] = { "[ ]", "[✓]", "[~]", "[✗]", "[-]" };
	static const char *const ascii[] = { "[ ]", "[y]", "[~]", "[x]", "[-]" };

	return (ui->theme.ascii ? ascii : unicode)[s];
}

/* "47.4%  ระดับ 3  ตอบแล้ว 12/17": the items answered of all */
static void coverage_text(const struct coverage *c, char *out, size_t size)
{
	if (c->has_percent)
		snprintf(out, size, _("%5.1f%%  rank %d  answered %d/%d"), c->percent, c->rank,
			 c->answered, c->items);
	else
		snprintf(out, size, _("  —    answered %d/%d"), c->answered, c->items);
}

struct checklist {
	char *code;
	struct assessment a;
	int loaded;
	size_t *rows;         /* item index, or group index | GROUP_ROW */
	size_t nrows, sel, top;
	int only_open;        /* f: unanswered items only */
	size_t followups;     /* open follow-up actions of AARs about it */
	int height;
	sqlite3_int64 refused; /* the item whose key met another user's answer */
};

/* The id of the item under the cursor; 0 when there is none. Read it
 * before c->a is reloaded: the rows index the items of the last load. */
static sqlite3_int64 selected_id(const struct checklist *c)
{
	if (!c->loaded || c->sel >= c->nrows || (c->rows[c->sel] & GROUP_ROW))
		return 0;
	return c->a.items[c->rows[c->sel]].id;
}

/* The rows shown: each group's heading and its items (only the unanswered
 * ones under f).  The cursor goes to the item whose id is KEEP, or failing
 * that stays at the same place on the screen (the next item). */
static void build_rows(struct checklist *c, sqlite3_int64 keep)
{
	size_t old_sel = c->sel, g, i, n = 0;
	size_t *rows = realloc(c->rows, (c->a.nitems + c->a.ngroups + 1) * sizeof *rows);

	if (!rows) {
		c->nrows = 0;
		return;
	}
	c->rows = rows;
	for (g = 0; g < c->a.ngroups; g++) {
		size_t head = n;

		rows[n++] = g | GROUP_ROW;
		for (i = 0; i < c->a.nitems; i++)
			if (c->a.items[i].group == g &&
			    (!c->only_open || check_item_open(&c->a, &c->a.items[i])))
				rows[n++] = i;
		if (n == head + 1)
			n = head;     /* nothing left in the group */
	}
	c->nrows = n;
	c->sel = 0;
	for (i = 0; i < n; i++)
		if (!(rows[i] & GROUP_ROW) && c->a.items[rows[i]].id == keep)
			c->sel = i;
	if (!keep || (c->sel == 0 && n && (rows[0] & GROUP_ROW)))
		c->sel = old_sel < n ? old_sel : (n ? n - 1 : 0);
	/* the cursor sits on items, never on a heading */
	while (c->sel < n && (rows[c->sel] & GROUP_ROW))
		c->sel++;
	if (c->sel >= n)
		while (c->sel > 0 && (c->sel >= n || (rows[c->sel] & GROUP_ROW)))
			c->sel--;
}

/* Read the assessment again and put the cursor on the item KEEP (an id;
 * 0: where it was). Returns 0, or -1 with the error shown. */
static int load(struct checklist *c, struct ui *ui, sqlite3_int64 keep)
{
	struct rm_error err = { 0, "" };

	if (c->loaded)
		assessment_free(&c->a);
	c->loaded = assessment_load(ui->st, ui->cfg, c->code, &c->a, &err) == 0;
	if (!c->loaded) {
		ui_error(ui, "%s", err.msg);
		c->nrows = 0;
		return -1;
	}
	{
		struct followup_row *rows;

		c->followups = 0;
		if (followup_list(ui->st, "assessment", c->code, &rows, &c->followups, &err) == 0)
			followup_list_free(rows, c->followups);
	}
	build_rows(c, keep);
	return 0;
}

static struct check_item *current(struct checklist *c)
{
	if (!c->loaded || c->sel >= c->nrows || (c->rows[c->sel] & GROUP_ROW))
		return NULL;
	return &c->a.items[c->rows[c->sel]];
}

/* The width of the item code column: the longest code of the set (codes
 * are never cut), at least 6. */
static int code_width(const struct checklist *c)
{
	size_t i;
	int w = 6;

	for (i = 0; i < c->a.nitems; i++)
		if (text_width(c->a.items[i].code) + 1 > w)
			w = text_width(c->a.items[i].code) + 1;
	return w;
}

/* An item's support requests at the end of its line: "ขอ 2 รอ 1" (two
 * asked, one awaiting an answer), "ขอ 2 ตอบครบ" (all answered); into OUT,
 * empty when it asks for none. */
static void requests_tag(const struct check_item *it, char *out, size_t size)
{
	out[0] = '\0';
	if (it->requests && it->answered < it->requests)
		snprintf(out, size, _("asked %zu, waiting %zu"), it->requests,
			 it->requests - it->answered);
	else if (it->requests)
		snprintf(out, size, _("asked %zu, answered"), it->requests);
}

static void draw_item(struct ui *ui, struct checklist *c, const struct check_item *it, int y,
		      int selected)
{
	attr_t attr = selected ? ui->theme.attr[T_SELECTED] : A_NORMAL;
	char tag[64];
	int x = 0, w;

	x += ui_put(y, x, c->a.levels ? level_mark(it->level) : mark(ui, it->status), 3, attr, 1);
	x += ui_put(y, x, " ", 1, attr, 1);
	x += ui_put(y, x, it->code, code_width(c), attr, 1);
	requests_tag(it, tag, sizeof tag);
	w = *tag ? text_width(tag) + 1 : 0;
	if (w)
		ui_put(y, ui->cols - w + 1, tag, w - 1,
		       it->answered < it->requests ? A_NORMAL : ui->theme.attr[T_DIM], 0);
	/* the text keeps its looks: moving the cursor rewrites only the mark
	 * and the code */
	ui_put(y, x + 1, it->text, ui->cols - x - 1 - w, A_NORMAL, 0);
}

/* A PMQA category's heading after its label on row Y: its level (the
 * lowest of its items; "-" while one is unanswered) and how many items
 * stand at each level. */
static void level_heading(struct ui *ui, const struct assessment *a, size_t g, int y)
{
	char text[160];

	level_count_text(a, g, text, sizeof text);
	ui_put(y, 36, text, ui->cols - 36, ui->theme.attr[T_DIM], 0);
}

static void checklist_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct checklist *c = v->data;
	struct coverage total;
	struct buf line = { 0 };
	char cov[96];
	size_t i;
	/* The list takes the whole body: a line that changed with every move
	 * (the item's evidence, in Thai) cost more bytes than the move; the
	 * evidence shows in the item's form. */
	int y, tag, rows = height - HEAD_ROWS;

	if (!c->loaded)
		return;
	buf_printf(&line, "%s  %s v%d", c->a.code, c->a.set_title, c->a.version);
	ui_put(top, 0, line.s, ui->cols, ui->theme.attr[T_HEADING], 0);
	buf_free(&line);
	buf_printf(&line, "%s · %s", c->a.office_short,
		   c->a.project_title ? c->a.project_title : _("no project"));
	if (c->followups)
		buf_printf(&line, "  [%s: %zu]", _("open AAR follow-ups"), c->followups);
	/* the filter's tag at the right end of this line; the coverage line
	 * below is full at 80 columns */
	tag = c->only_open ? text_width(_("[unanswered only]")) : 0;
	ui_put(top + 1, 0, line.s, ui->cols - (tag ? tag + 1 : 0), ui->theme.attr[T_DIM], 0);
	if (tag)
		ui_put(top + 1, ui->cols - tag, _("[unanswered only]"), tag, ui->theme.attr[T_ERROR], 0);
	buf_free(&line);
	total = assessment_coverage(&c->a, ui->cfg, (size_t)-1);
	coverage_text(&total, cov, sizeof cov);
	y = ui_put(top + 2, 0, _("coverage"), 20, ui->theme.attr[T_HEADING], 0) + 1;
	ui_bar(ui, top + 2, y, 20, total.has_percent ? total.percent : 0);
	ui_put(top + 2, y + 21, cov, ui->cols - (y + 21), ui->theme.attr[T_HEADING], 0);

	c->height = rows;
	if (c->sel < c->top)
		c->top = c->sel > 0 && (c->rows[c->sel - 1] & GROUP_ROW) ? c->sel - 1 : c->sel;
	if (c->sel >= c->top + (size_t)rows)
		c->top = c->sel - (size_t)rows + 1;
	if (!c->nrows)
		ui_note(ui, top + HEAD_ROWS, c->only_open ? _("every item has an answer")
							  : _("this norm set has no items"));
	for (i = c->top, y = top + HEAD_ROWS; i < c->nrows && y < top + HEAD_ROWS + rows; i++, y++) {
		if (c->rows[i] & GROUP_ROW) {
			size_t g = c->rows[i] & ~GROUP_ROW;
			struct coverage gc = assessment_coverage(&c->a, ui->cfg, g);

			ui_put(y, 0, c->a.groups[g].label, 34, ui->theme.attr[T_HEADING], 0);
			if (c->a.levels) {
				level_heading(ui, &c->a, g, y);
				continue;
			}
			ui_bar(ui, y, 36, 10, gc.has_percent ? gc.percent : 0);
			coverage_text(&gc, cov, sizeof cov);
			ui_put(y, 47, cov, ui->cols - 47, ui->theme.attr[T_DIM], 0);
		} else {
			draw_item(ui, c, &c->a.items[c->rows[i]], y, i == c->sel);
		}
	}
}

/* Move the cursor by DIR items (skipping headings). */
static void move_items(struct checklist *c, long dir)
{
	size_t s = c->sel;

	while (dir != 0) {
		size_t next = s;

		do {
			if (dir > 0 && next + 1 < c->nrows)
				next++;
			else if (dir < 0 && next > 0)
				next--;
			else
				break;
		} while (c->rows[next] & GROUP_ROW);
		if (c->rows[next] & GROUP_ROW || next == s)
			break;
		s = next;
		dir += dir > 0 ? -1 : 1;
	}
	c->sel = s;
}

/* Save the answer of the item under the cursor: its status STATUS, or in
 * a levels set its level LEVEL (-1: none); move on when ADVANCE. */
static void set_status(struct checklist *c, struct ui *ui, enum entry_status status, int level,
		       int advance)
{
	struct rm_error err = { 0, "" };
	struct check_item *it = current(c);
	int rc;

	if (!it)
		return;
	/* Asked even when the screen already shows STATUS: someone may have
	 * changed it meanwhile, and the database answers for itself. */
	{
		if (c->a.levels)
			rc = change_entry_field(ui->st, &ui->undo, c->a.id, it->id,
						"assessment_entry.level", level_value(it->level),
						level_value(level), NULL, &it->entry, &err);
		else
			rc = change_entry_field(ui->st, &ui->undo, c->a.id, it->id,
						"assessment_entry.status", entry_status_name(it->status),
						entry_status_name(status), NULL, &it->entry, &err);
		/* each status its own step: u takes back one key at a time */
		change_seal(&ui->undo);
		if (rc == CHANGE_CONFLICT) {
			/* theirs stands and shows; the keys typed after this one
			 * still go to the items they were meant for */
			char code[64];
			sqlite3_int64 here = selected_id(c), after = here;
			size_t was = c->sel;

			if (advance) {
				move_items(c, 1);
				after = selected_id(c);
				c->sel = was;
			}
			snprintf(code, sizeof code, "%s", it->code);
			c->refused = here;
			ui_error(ui, _("%s: %s; yours was not saved (press it again there to set it)"),
				 code, err.msg);
			/* the cursor goes to the item that was next before the
			 * reload, even when theirs took this one out of the
			 * unanswered-only list */
			load(c, ui, after);
			return;
		}
		if (rc == CHANGE_ERROR) {
			ui_error(ui, "%s", err.msg);
			load(c, ui, selected_id(c));
			return;
		}
		if (rc == CHANGE_OK) {
			/* the next key of a burst does not hide what the one before
			 * it met (another user's answer) */
			if (!ui_error_fresh(ui) || it->id == c->refused)
				ui_message(ui, "%s", _("saved"));
			if (it->id == c->refused)
				c->refused = 0;   /* pressed again there: it stands */
			/* the list behind shows coverage too */
			ui_others_changed(ui);
		}
		if (c->a.levels)
			it->level = level;
		else
			it->status = status;
	}
	if (advance) {
		size_t was = c->sel;

		if (c->only_open && !check_item_open(&c->a, it)) {
			/* the answered item leaves the list: the next one moves up */
			build_rows(c, selected_id(c));
			if (c->sel < was && was < c->nrows)
				c->sel = was;
			while (c->sel < c->nrows && (c->rows[c->sel] & GROUP_ROW))
				c->sel++;
			if (c->sel >= c->nrows)
				move_items(c, -1);
		} else {
			move_items(c, 1);
		}
	}
}

/* The answer keys of a levels checklist: 1 2 3 Basic, Advance,
 * Significance; 0 none reached, and 0 on an item at none takes its answer
 * away; Space goes round unanswered, none, Basic, Advance, Significance.
 * PMQA items have no n.a.  Returns 1 when A was one of them. */
static int levels_act(struct checklist *c, struct ui *ui, enum action a,
		      const struct check_item *it)
{
	switch (a) {
	case ACT_STATUS_MET:
	case ACT_STATUS_PARTIAL:
	case ACT_STATUS_NOT_MET:
		set_status(c, ui, STATUS_NONE, 1 + (int)(a - ACT_STATUS_MET), 1);
		return 1;
	case ACT_STATUS_CLEAR:
		set_status(c, ui, STATUS_NONE, it && it->level == 0 ? -1 : 0, 1);
		return 1;
	case ACT_STATUS_CYCLE:
		if (it)
			set_status(c, ui, STATUS_NONE, it->level >= 3 ? -1 : it->level + 1, 0);
		return 1;
	case ACT_STATUS_NA:
		ui_error(ui, "%s", _("PMQA items have no n.a.: 0 marks an item that reaches no level"));
		return 1;
	default:
		return 0;
	}
}

static int checklist_act(struct view *v, struct ui *ui, enum action a)
{
	struct checklist *c = v->data;
	struct check_item *it = current(c);
	enum entry_status next;

	if (c->a.levels && levels_act(c, ui, a, it))
		return 1;
	switch (a) {
	case ACT_MOVE_UP:
		move_items(c, -1);
		return 1;
	case ACT_MOVE_DOWN:
		move_items(c, 1);
		return 1;
	case ACT_PAGE_UP:
		move_items(c, -(long)(c->height > 2 ? c->height - 1 : 1));
		return 1;
	case ACT_PAGE_DOWN:
		move_items(c, c->height > 2 ? c->height - 1 : 1);
		return 1;
	case ACT_FIRST:
		move_items(c, -(long)c->nrows);
		return 1;
	case ACT_LAST:
		move_items(c, (long)c->nrows);
		return 1;
	case ACT_STATUS_MET:
		set_status(c, ui, STATUS_MET, -1, 1);
		return 1;
	case ACT_STATUS_PARTIAL:
		set_status(c, ui, STATUS_PARTIAL, -1, 1);
		return 1;
	case ACT_STATUS_NOT_MET:
		set_status(c, ui, STATUS_NOT_MET, -1, 1);
		return 1;
	case ACT_STATUS_NA:
		set_status(c, ui, STATUS_NA, -1, 1);
		return 1;
	case ACT_STATUS_CLEAR:
		set_status(c, ui, STATUS_NONE, -1, 1);
		return 1;
	case ACT_STATUS_CYCLE:
		if (!it)
			return 1;
		next = it->status == STATUS_NA ? STATUS_NONE : (enum entry_status)(it->status + 1);
		set_status(c, ui, next, -1, 0);
		return 1;
	case ACT_FILTER:
		c->only_open = !c->only_open;
		build_rows(c, selected_id(c));
		return 1;
	case ACT_OPEN:
	case ACT_EDIT:
		if (it)
			ui_open(ui, VIEW_ITEM, c->a.code, it->code);
		return 1;
	case ACT_HISTORY:
		if (it && it->entry)
			ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
				.table = "assessment_entry", .row = it->entry, .title = it->code });
		else if (it)
			ui_message(ui, "%s", _("no changes recorded"));
		return 1;
	default:
		return 0;
	}
}

static void checklist_reload(struct view *v, struct ui *ui)
{
	struct checklist *c = v->data;

	load(c, ui, selected_id(c));
}

static void checklist_free(struct view *v)
{
	struct checklist *c = v->data;

	if (c->loaded)
		assessment_free(&c->a);
	free(c->rows);
	free(c->code);
	free(c);
}

static const enum action checklist_actions[] = {
	ACT_STATUS_MET, ACT_STATUS_PARTIAL, ACT_STATUS_NOT_MET, ACT_STATUS_NA, ACT_STATUS_CLEAR,
	ACT_STATUS_CYCLE, ACT_SEARCH, ACT_OPEN, ACT_FILTER, ACT_UNDO, ACT_HISTORY, ACT_BACK,
	ACT_FOLLOW, ACT_COUNT
};

/* o: the AARs of this assessment and of its project, where the project
 * stands in the plans, and its other checklists. */
static void checklist_links(struct view *v, struct ui *ui, struct ui_links *out)
{
	struct checklist *c = v->data;

	if (!c->loaded)
		return;
	ui_link_aars(ui, out, "assessment", c->code);
	if (c->a.project_code) {
		ui_link_aars(ui, out, "project", c->a.project_code);
		ui_link_project(ui, out, c->a.project_code, c->code);
	}
}

/* The view of a checklist called NAME, with the keys ACTIONS named by
 * LABEL (NULL: the action table's words). */
#define CHECKLIST_OPS(name_, actions_, label_) {                                  \
	.name = name_, .draw = checklist_draw, .act = checklist_act,               \
	.reload = checklist_reload, .free = checklist_free, .actions = actions_,    \
	.number_row_statuses = 1, .links = checklist_links, .label = label_ }

static const struct view_ops checklist_ops = CHECKLIST_OPS(N_("checklist"), checklist_actions,
							    NULL);

/* A levels checklist's keys: the status keys, read as levels. */
static const enum action levels_actions[] = {
	ACT_STATUS_MET, ACT_STATUS_PARTIAL, ACT_STATUS_NOT_MET, ACT_STATUS_CLEAR,
	ACT_STATUS_CYCLE, ACT_SEARCH, ACT_OPEN, ACT_FILTER, ACT_UNDO, ACT_HISTORY, ACT_BACK,
	ACT_FOLLOW, ACT_COUNT
};

static const char *levels_label(const struct view *v, enum action a)
{
	(void)v;
	switch (a) {
	case ACT_STATUS_MET:
		return _("level: Basic");
	case ACT_STATUS_PARTIAL:
		return _("level: Advance");
	case ACT_STATUS_NOT_MET:
		return _("level: Significance");
	case ACT_STATUS_CLEAR:
		return _("level: none reached (on none: unanswered)");
	case ACT_STATUS_CYCLE:
		return _("next level");
	default:
		return NULL;
	}
}

static const struct view_ops levels_ops = CHECKLIST_OPS(N_("levels checklist"), levels_actions,
							 levels_label);

struct view *view_checklist_new(struct ui *ui, const struct ui_place *at)
{
	const char *code = at->code, *item = at->part;
	struct checklist *c = calloc(1, sizeof *c);
	size_t i;

	if (!c || !(c->code = strdup(code))) {
		free(c);
		return NULL;
	}
	if (load(c, ui, 0) < 0) {
		free(c->code);
		free(c);
		return NULL;
	}
	for (i = 0; item && i < c->nrows; i++)
		if (!(c->rows[i] & GROUP_ROW) && strcmp(c->a.items[c->rows[i]].code, item) == 0)
			c->sel = i;
	return ui_view_new(c->a.levels ? &levels_ops : &checklist_ops, c);
}
