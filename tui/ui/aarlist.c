/* aarlist.c - the AAR section's list: the records, newest first, with
 * what each reviews and how many follow-up actions are still to do;
 * adding a record (template, subject, title) and deleting one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/catalog.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "fview.h"
#include "views.h"

static const enum action list_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_DELETE, ACT_HISTORY, ACT_SEARCH, ACT_NEXT_SECTION, ACT_BACK,
	ACT_FOLLOW, ACT_COUNT
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

/* Let the user choose the template of a new AAR from the office's
 * templates, each shown with its sections, the office's default first
 * under the cursor.  Returns its index in ui->cfg->templates; -1 when the
 * user cancelled; -2 when it could not be asked (said). */
static int choose_template(struct ui *ui)
{
	const struct config *cfg = ui->cfg;
	const char **labels;
	size_t i, at = 0;
	int t;

	if (!cfg->ntemplates || !(labels = calloc(cfg->ntemplates, sizeof *labels))) {
		ui_error(ui, "%s", _("out of memory"));
		return -2;
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
	return t;
}

/* What a new AAR reviews, chosen as its form's field chooses it (a kind,
 * then the record): *KIND and *SUBJECT (malloc'd; SUBJECT NULL for an
 * event).  Returns 0, or -1 when the user cancelled. */
static int choose_subject(struct ui *ui, char **kind, char **subject)
{
	const struct form_ctx ctx = { .st = ui->st, .cfg = ui->cfg };
	char *value, *sp;

	*kind = *subject = NULL;
	if (fview_choose_value(ui, &ctx, aar_field("aar.subject"), _("What does it review?"), NULL,
			       &value) < 0)
		return -1;
	if ((sp = strchr(value, ' ')) != NULL) {
		*sp = '\0';
		if (!(*subject = strdup(sp + 1))) {
			free(value);
			return -1;
		}
	}
	*kind = value;
	return 0;
}

/* a: the template, what it reviews, the title; then the new record's form. */
static void aars_add(struct aars *p, struct ui *ui)
{
	const struct config *cfg = ui->cfg;
	struct rm_error err = { 0, "" };
	struct aar_new a = { NULL, NULL, NULL, NULL, NULL };
	char *kind = NULL, *subject = NULL, *title = NULL, *code = NULL;
	sqlite3_int64 id;
	int t;

	t = choose_template(ui);
	if (t == -2)
		return;
	if (t < 0 || choose_subject(ui, &kind, &subject) < 0) {
		ui_message(ui, "%s", _("nothing added"));
		return;
	}
	a.subject_kind = kind;
	title = ui_prompt(ui, _("Title of the AAR: "), NULL, UI_PROMPT_WORDS);
	if (!title || !title[strspn(title, " ")]) {
		if (title)
			ui_error(ui, "%s", _("nothing added: an AAR needs a title"));
		else
			ui_message(ui, "%s", _("nothing added"));
		free(title);
		free(kind);
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
	free(kind);
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

/* o: what the selected AAR reviews. */
static void aars_links(struct view *v, struct ui *ui, struct ui_links *out)
{
	struct aars *p = v->data;

	if (p->p.l.sel < p->p.pg.n) {
		const struct aar_row *r = aars_at(p, p->p.l.sel);

		ui_link_subject(ui, out, r->subject_kind, r->subject, NULL);
	}
}

static const struct view_ops aars_ops = {
	.name = N_("aar"),
	.draw = aars_draw,
	.act = aars_act,
	.free = aars_free,
	.actions = list_actions,
	.reload = aars_reload,
	.links = aars_links,
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
