/* page.c - scrolling pages of wrapped text: the help of a view,
 * generated from the keymap; a record's history.  (An objective's page,
 * which edits what it shows, is objview.c.) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"
#include "routemap/vocab.h"

struct pline {
	char *text;
	enum theme_item item;
};

struct page {
	const char *name;
	struct pline *lines;
	size_t n, top;
	int height;
	/* what the page shows, built again when the width changes */
	int (*build)(struct page *p, struct ui *ui);
	char *a, *b;                 /* the record's codes */
	const struct view *of;       /* help: the view it describes */
	char *of_title;              /* history: what it is of */
	size_t want;                 /* history: the newest changes it reads */
	int more;                    /* history: older changes are left */
	int failed;
};

static void page_clear(struct page *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->lines[i].text);
	free(p->lines);
	p->lines = NULL;
	p->n = 0;
}

/* Add TEXT wrapped to the screen width, INDENT columns in. */
static void page_add(struct page *p, struct ui *ui, enum theme_item item, int indent,
		     const char *text)
{
	struct text_lines lines;
	size_t i;

	if (text_wrap(text && *text ? text : " ", ui->cols - indent, &lines) < 0) {
		p->failed = 1;
		return;
	}
	for (i = 0; i < lines.n; i++) {
		struct pline *l = array_grow(&p->lines, &p->n, sizeof *l);
		struct buf b = { 0 };

		if (!l) {
			p->failed = 1;
			break;
		}
		buf_printf(&b, "%*s%s", indent, "", lines.v[i]);
		l->text = buf_take(&b);
		l->item = item;
		if (!l->text)
			p->failed = 1;
	}
	text_lines_free(&lines);
}

static void page_addf(struct page *p, struct ui *ui, enum theme_item item, int indent,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void page_addf(struct page *p, struct ui *ui, enum theme_item item, int indent,
		      const char *fmt, ...)
{
	char text[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	page_add(p, ui, item, indent, text);
}

static void page_blank(struct page *p, struct ui *ui)
{
	page_add(p, ui, T_NORMAL, 0, "");
}

static void page_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct page *p = v->data;
	size_t i;
	int y;

	p->height = height;
	if (p->n > (size_t)height && p->top > p->n - (size_t)height)
		p->top = p->n - (size_t)height;
	for (i = p->top, y = top; i < p->n && y < top + height; i++, y++)
		ui_put(y, 0, p->lines[i].text, ui->cols, ui->theme.attr[p->lines[i].item], 0);
}

static void page_rebuild(struct page *p, struct ui *ui);

static int page_act(struct view *v, struct ui *ui, enum action a)
{
	struct page *p = v->data;
	size_t page = p->height > 2 ? (size_t)p->height - 1 : 1;
	size_t last = p->n > (size_t)p->height ? p->n - (size_t)p->height : 0;

	/* a move that comes within a screen of the end of a history that has
	 * older changes reads more of them first (End: all) */
	if (p->more && (a == ACT_MOVE_DOWN || a == ACT_PAGE_DOWN || a == ACT_LAST) &&
	    (a == ACT_LAST || p->top + page + (size_t)p->height >= last)) {
		p->want = a == ACT_LAST ? (size_t)-1 / 2 : p->want * 2;
		page_rebuild(p, ui);
		last = p->n > (size_t)p->height ? p->n - (size_t)p->height : 0;
	}
	switch (a) {
	case ACT_MOVE_UP:
		if (p->top > 0)
			p->top--;
		return 1;
	case ACT_MOVE_DOWN:
		if (p->top < last)
			p->top++;
		return 1;
	case ACT_PAGE_UP:
		p->top = p->top > page ? p->top - page : 0;
		return 1;
	case ACT_PAGE_DOWN:
		p->top = p->top + page < last ? p->top + page : last;
		return 1;
	case ACT_FIRST:
		p->top = 0;
		return 1;
	case ACT_LAST:
		p->top = last;
		return 1;
	default:
		return 0;
	}
}

static void page_rebuild(struct page *p, struct ui *ui)
{
	page_clear(p);
	p->failed = 0;
	if (p->build(p, ui) < 0 || p->failed)
		ui_error(ui, "%s", _("cannot show this page (out of memory?)"));
}

static void page_resize(struct view *v, struct ui *ui)
{
	page_rebuild(v->data, ui);
}

static void page_free(struct view *v)
{
	struct page *p = v->data;

	page_clear(p);
	free(p->a);
	free(p->b);
	free(p->of_title);
	free(p);
}

static const enum action page_actions[] = {
	ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_SEARCH, ACT_BACK, ACT_COUNT
};

/* The operations of a page called NAME: every page scrolls, rebuilds on a
 * new width and after a change. */
#define PAGE_OPS(var, title) \
	static const struct view_ops var = { \
		.name = title, .draw = page_draw, .act = page_act, .resize = page_resize, \
		.reload = page_resize, .free = page_free, .actions = page_actions, \
	}

/* Make a page view of BUILD over the codes A and B. */
static struct view *page_new(struct ui *ui, const char *name, const struct view_ops *ops,
			     int (*build)(struct page *, struct ui *), const char *a, const char *b,
			     const struct view *of)
{
	struct page *p = calloc(1, sizeof *p);
	struct view *v = calloc(1, sizeof *v);

	if (!p || !v || (a && !(p->a = strdup(a))) || (b && !(p->b = strdup(b)))) {
		if (p) {
			free(p->a);
			free(p->b);
		}
		free(p);
		free(v);
		return NULL;
	}
	p->name = name;
	p->build = build;
	p->of = of;
	v->ops = ops;
	v->data = p;
	if (build)
		page_rebuild(p, ui);
	return v;
}

/* ---- help ---- */

static const enum action global_actions[] = {
	ACT_HELP, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_NEXT_SECTION,
	ACT_PREV_SECTION, ACT_SECTION_PLANS, ACT_SECTION_CHECKLISTS, ACT_SECTION_AAR,
	ACT_BACK, ACT_QUIT, ACT_REDRAW, ACT_COUNT
};

static void help_lines(struct page *p, struct ui *ui, const enum action *actions,
		       const struct view *of)
{
	for (; actions && *actions != ACT_COUNT; actions++) {
		char keys[128];
		struct buf line = { 0 };
		int pad;

		keymap_describe(&ui->keys, *actions, 0, keys, sizeof keys);
		pad = 18 - text_width(keys);
		buf_printf(&line, "%s%*s%s", keys[0] ? keys : "—", pad > 1 ? pad : 1, "",
			   ui_action_label(of, *actions));
		page_add(p, ui, T_NORMAL, 2, line.s);
		buf_free(&line);
	}
}

static int build_help(struct page *p, struct ui *ui)
{
	static const enum action moving[] = {
		ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
		ACT_COUNT
	};
	const char *name = p->of ? p->of->ops->name : "";

	page_addf(p, ui, T_HEADING, 0, "%s: %s", _("Keys"), _(name));
	help_lines(p, ui, p->of ? p->of->ops->actions : NULL, p->of);
	page_blank(p, ui);
	page_add(p, ui, T_HEADING, 0, _("Moving"));
	help_lines(p, ui, moving, NULL);
	page_blank(p, ui);
	page_add(p, ui, T_HEADING, 0, _("Everywhere"));
	help_lines(p, ui, global_actions, NULL);
	page_blank(p, ui);
	page_add(p, ui, T_DIM, 0, _("Every key also works with the Thai Kedmanee layout on; "
				    "keys are set in the [keys] section of the office's INI file."));
	return 0;
}

PAGE_OPS(help_ops, N_("help"));

struct view *view_help_new(struct ui *ui, const struct ui_place *at)
{
	return page_new(ui, "help", &help_ops, build_help, NULL, NULL, at->of);
}

/* ---- history ---- */

/* A logged value as people read it: statuses, sources and templates by
 * their names, dates as the office writes them (into BUF, SIZE bytes). */
static const char *value_label(struct ui *ui, const char *table, const char *field,
			       const char *value, char *buf, size_t size)
{
	static const char *const date_fields[] = {
		"date", "due", "assessed_on", "start_date", "end_date", "issued",
	};
	const char *label;
	size_t i;

	if (!value)
		return "—";
	if (strcmp(field, "support_from") == 0 || (strcmp(table, "support_request") == 0 &&
	    (strcmp(field, "source") == 0 || strcmp(field, "referred_to") == 0))) {
		label = config_label(&ui->cfg->support_sources, value);
		return label ? label : value;
	}
	if (strcmp(field, "template") == 0)
		return config_template_title(ui->cfg, value);
	for (i = 0; i < sizeof date_fields / sizeof *date_fields; i++)
		if (strcmp(field, date_fields[i]) == 0) {
			/* as the office writes it: "15 ม.ค. 2569" */
			ui_date(ui, value, buf, size);
			return buf;
		}
	return vocab_value(table, field, value);
}

static int build_history(struct page *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct history_row *h;
	size_t n, i, shown, changes;
	sqlite3_int64 id = strtoll(p->b, NULL, 10);

	page_addf(p, ui, T_HEADING, 0, "%s: %s", _("History"), p->of_title ? p->of_title : "");
	/* the newest screenful of changes first, and one more to know
	 * whether older ones are left */
	if (!p->want)
		p->want = ui->lines > 0 ? (size_t)ui->lines : 24;
	if (history_load(ui->st, p->a, id, p->want + 1, &h, &n, &err) < 0) {
		page_add(p, ui, T_ERROR, 0, err.msg);
		return 0;
	}
	/* rows of one change stand together, newest change first */
	for (i = 1, changes = n ? 1 : 0; i < n; i++)
		changes += h[i].change != h[i - 1].change;
	p->more = changes > p->want;
	shown = n;
	if (p->more)   /* the oldest change read is only there to tell */
		while (shown > 0 && h[shown - 1].change == h[n - 1].change)
			shown--;
	if (!shown)
		page_add(p, ui, T_DIM, 2, _("no changes recorded"));
	for (i = 0; i < shown; i++) {
		char when[96], was[64], now[64];
		const char *op = strcmp(h[i].op, "insert") == 0 ? _("added")
				 : strcmp(h[i].op, "delete") == 0 ? _("deleted") : _("changed");

		/* local time, in the office's era: "20 ม.ค. 2569 16:41" */
		text_format_timestamp(h[i].at, when, sizeof when);
		page_addf(p, ui, T_DIM, 0, "%s  %s  %s %s", when, h[i].who, op, vocab_kind(h[i].table));
		if (h[i].field)
			page_addf(p, ui, T_NORMAL, 4, "%s: %s → %s", vocab_column(h[i].table, h[i].field),
				  value_label(ui, h[i].table, h[i].field, h[i].old, was, sizeof was),
				  value_label(ui, h[i].table, h[i].field, h[i].new_value, now,
					      sizeof now));
		else if (h[i].new_value)   /* an added or deleted record's text, or status */
			page_add(p, ui, T_NORMAL, 4, vocab_value(h[i].table, "status", h[i].new_value));
	}
	if (p->more)
		page_add(p, ui, T_DIM, 2, _("older changes follow as you move down"));
	history_free(h, n);
	return 0;
}

PAGE_OPS(history_ops, N_("history"));

struct view *view_history_new(struct ui *ui, const struct ui_place *at)
{
	char idtext[32];
	struct view *v;

	snprintf(idtext, sizeof idtext, "%lld", (long long)at->row);
	v = page_new(ui, "history", &history_ops, NULL, at->table, idtext, NULL);
	if (v) {
		struct page *p = v->data;

		p->of_title = at->title ? strdup(at->title) : NULL;
		p->build = build_history;
		page_rebuild(p, ui);
	}
	return v;
}
