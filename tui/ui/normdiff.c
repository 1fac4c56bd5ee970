/* normdiff.c - what changed between two versions of a norm set (D): the
 * items added, removed and changed, a changed one with its old and new
 * text, weight, group and evidence.  The same comparison as `routemap
 * diff norm` (norm_diff). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/norm.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

enum line_kind { L_ADDED, L_REMOVED, L_CHANGED, L_DETAIL };

struct dline {
	char *text;
	enum line_kind kind;
};

struct normdiff {
	char *title, *summary;
	struct dline *lines;
	size_t n;
	struct ui_list l;
	int oom;
};

static void add(struct normdiff *p, enum line_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add(struct normdiff *p, enum line_kind kind, const char *fmt, ...)
{
	struct dline *l = array_grow(&p->lines, &p->n, sizeof *l);
	va_list ap;
	int len;

	if (!l) {
		p->oom = 1;
		return;
	}
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	l->kind = kind;
	l->text = len >= 0 ? malloc((size_t)len + 1) : NULL;
	if (!l->text) {
		p->oom = 1;
		p->n--;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(l->text, (size_t)len + 1, fmt, ap);
	va_end(ap);
}

/* The lines of a changed item R: each field that differs, old → new. */
static void changed_lines(struct normdiff *p, const struct norm_version *a,
			  const struct norm_version *b, const struct norm_diff_row *r)
{
	char ow[64], nw[64];

	add(p, L_CHANGED, "~ %s  %s", r->new->code, r->new->text);
	if (r->fields & NORM_FIELD_TEXT) {
		add(p, L_DETAIL, "    %s %s", _("text:"), r->old->text);
		add(p, L_DETAIL, "      → %s", r->new->text);
	}
	if (r->fields & NORM_FIELD_WEIGHT) {
		text_format_number(r->old->weight, ow, sizeof ow);
		text_format_number(r->new->weight, nw, sizeof nw);
		add(p, L_DETAIL, "    %s %s → %s", _("weight:"), ow, nw);
	}
	if (r->fields & NORM_FIELD_GROUP)
		add(p, L_DETAIL, "    %s %s → %s", _("group:"), a->groups[r->old->group].label,
		    b->groups[r->new->group].label);
	if (r->fields & NORM_FIELD_EVIDENCE) {
		add(p, L_DETAIL, "    %s %s", _("evidence:"), r->old->evidence ? r->old->evidence : "—");
		add(p, L_DETAIL, "      → %s", r->new->evidence ? r->new->evidence : "—");
	}
}

/* The lines of D, from version A to version B. */
static void build(struct normdiff *p, const struct norm_version *a, const struct norm_version *b,
		  const struct norm_diff *d)
{
	size_t i;
	char w[64];

	for (i = 0; i < d->n; i++) {
		const struct norm_diff_row *r = &d->rows[i];

		if (r->change == NORM_CHANGED) {
			changed_lines(p, a, b, r);
			continue;
		}
		text_format_number((r->new ? r->new : r->old)->weight, w, sizeof w);
		if (r->change == NORM_ADDED)
			add(p, L_ADDED, "+ %s  %s", r->new->code, r->new->text);
		else
			add(p, L_REMOVED, "- %s  %s", r->old->code, r->old->text);
		add(p, L_DETAIL, "    %s %s  %s %s",
		    _("group:"), r->new ? b->groups[r->new->group].label : a->groups[r->old->group].label,
		    _("weight:"), w);
	}
}

static void normdiff_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct normdiff *p = v->data;
	size_t i;
	int y;

	ui_put(top, 0, p->title, ui->cols, ui->theme.attr[T_TITLE], 1);
	ui_put(top + 1, 0, p->summary, ui->cols, ui->theme.attr[T_HEADING], 1);
	if (!p->n)
		ui_note(ui, top + 2, _("the two versions hold the same items"));
	ui_list_scroll(&p->l, height - 2);
	for (i = p->l.top, y = top + 2; i < p->n && y < top + height; i++, y++) {
		attr_t attr = p->lines[i].kind == L_DETAIL ? ui->theme.attr[T_DIM] : A_NORMAL;

		if (i == p->l.sel)
			attr = ui->theme.attr[T_SELECTED];
		ui_put(y, 0, p->lines[i].text, ui->cols, attr, 1);
	}
}

static int normdiff_act(struct view *v, struct ui *ui, enum action a)
{
	struct normdiff *p = v->data;

	(void)ui;
	return ui_list_act(&p->l, a);
}

static void normdiff_free(struct view *v)
{
	struct normdiff *p = v->data;
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->lines[i].text);
	free(p->lines);
	free(p->title);
	free(p->summary);
	free(p);
}

static const enum action normdiff_actions[] = { ACT_BACK, ACT_COUNT };

static const struct view_ops normdiff_ops = {
	.name = N_("norm set versions compared"),
	.draw = normdiff_draw,
	.act = normdiff_act,
	.free = normdiff_free,
	.actions = normdiff_actions,
};

/* Compare versions OLDER and NEWER of set CODE into P.  0, or -1 said. */
static int compare(struct normdiff *p, struct ui *ui, const char *code, int older, int newer)
{
	struct rm_error err = { 0, "" };
	struct norm_version a, b;
	struct norm_diff d;
	struct buf t = { 0 }, s = { 0 };

	if (norm_version_load(ui->st, ui->cfg, code, older, &a, &err) != 0) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	if (norm_version_load(ui->st, ui->cfg, code, newer, &b, &err) != 0) {
		norm_version_free(&a);
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	if (norm_diff(&a, &b, &d, &err) == 0) {
		build(p, &a, &b, &d);
		buf_printf(&t, "%s  %s", b.code, b.title);
		buf_printf(&s, _("version %d → version %d: %d added, %d removed, %d changed, "
				 "%d unchanged"), a.version, b.version, d.added, d.removed, d.changed,
			   d.unchanged);
		norm_diff_free(&d);
	} else {
		p->oom = 1;
	}
	norm_version_free(&a);
	norm_version_free(&b);
	p->title = t.s;
	p->summary = s.s;
	p->l.n = p->n;
	if (p->oom || t.oom || s.oom) {
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	return 0;
}

struct view *view_norm_diff_new(struct ui *ui, const struct ui_place *at)
{
	struct normdiff *p = calloc(1, sizeof *p);
	struct view v = { &normdiff_ops, p, 0, NULL };

	if (!p) {
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	if (compare(p, ui, at->code ? at->code : "", at->part ? atoi(at->part) : 0,
		    (int)at->row) < 0) {
		normdiff_free(&v);
		return NULL;
	}
	return ui_view_new(&normdiff_ops, p);
}
