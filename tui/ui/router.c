/* router.c - how one view opens another: by the kind of view and what it
 * shows (ui_open), through the one table that knows the constructors and
 * the section each kind belongs to; and the links a view leads to (the o
 * key, ui_follow). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lookup.h"
#include "routemap/ui.h"
#include "views.h"

typedef struct view *(*view_maker)(struct ui *ui, const struct ui_place *at);

#define ANY_SECTION (-1)   /* opens in the section the user is in */

static const struct {
	view_maker make;
	int section;       /* enum ui_section, or ANY_SECTION */
	int root;          /* the list a section starts from */
} views[VIEW_KINDS] = {
	[VIEW_PLANS] = { view_plans_new, UI_PLANS, 1 },
	[VIEW_MAP] = { view_map_new, UI_PLANS, 0 },
	[VIEW_OBJECTIVE] = { view_objective_new, UI_PLANS, 0 },
	[VIEW_ASSESSMENTS] = { view_assessments_new, UI_CHECKLISTS, 1 },
	[VIEW_CHECKLIST] = { view_checklist_new, UI_CHECKLISTS, 0 },
	[VIEW_ITEM] = { view_item_new, UI_CHECKLISTS, 0 },
	[VIEW_NORM_SETS] = { view_norm_sets_new, UI_CHECKLISTS, 0 },
	[VIEW_NORM_ITEMS] = { view_norm_items_new, UI_CHECKLISTS, 0 },
	[VIEW_NORM_DIFF] = { view_norm_diff_new, UI_CHECKLISTS, 0 },
	[VIEW_AARS] = { view_aars_new, UI_AAR, 1 },
	[VIEW_AAR] = { view_aar_new, UI_AAR, 0 },
	[VIEW_FORM] = { view_form_new, ANY_SECTION, 0 },
	[VIEW_HISTORY] = { view_history_new, ANY_SECTION, 0 },
	[VIEW_RESULTS] = { view_results_new, ANY_SECTION, 0 },
	[VIEW_HELP] = { view_help_new, ANY_SECTION, 0 },
	[VIEW_SUCCESS] = { view_success_new, UI_CHECKLISTS, 0 },
	[VIEW_PROPOSALS] = { view_proposals_new, UI_CHECKLISTS, 0 },
	[VIEW_SUPPORT] = { view_support_new, UI_REPORTS, 0 },
	[VIEW_REPORTS] = { view_reports_new, UI_REPORTS, 1 },
	[VIEW_REPORT] = { view_report_new, UI_REPORTS, 0 },
	[VIEW_CONFLICTS] = { view_conflicts_new, UI_REPORTS, 0 },
	[VIEW_CONFLICT] = { view_conflict_new, UI_REPORTS, 0 },
};

int ui_open_place(struct ui *ui, enum view_kind kind, const struct ui_place *at)
{
	static const struct ui_place nowhere = { 0 };
	struct view *v;

	if ((unsigned)kind >= VIEW_KINDS || !views[kind].make)
		return -1;
	v = views[kind].make(ui, at ? at : &nowhere);
	if (!v)
		return -1;
	ui_push(ui, v);
	return 0;
}

int ui_open(struct ui *ui, enum view_kind kind, const char *code, const char *part)
{
	struct ui_place at = { 0 };

	at.code = code;
	at.part = part;
	return ui_open_place(ui, kind, &at);
}

int ui_open_root(struct ui *ui, enum ui_section s)
{
	int kind;

	for (kind = 0; kind < VIEW_KINDS; kind++)
		if (views[kind].root && views[kind].section == (int)s)
			return ui_open_place(ui, (enum view_kind)kind, NULL);
	return -1;
}

int ui_go(struct ui *ui, enum view_kind kind, const struct ui_place *at)
{
	int s;

	if ((unsigned)kind >= VIEW_KINDS)
		return -1;
	s = views[kind].section;
	if (s != ANY_SECTION && s != (int)ui->section) {
		ui_section(ui, (enum ui_section)s);
		while (ui->depth[s] > 1)
			ui_pop(ui);
	}
	if (views[kind].root)   /* the section's own list: it is there already */
		return 0;
	return ui_open_place(ui, kind, at);
}

void ui_link_add(struct ui_links *l, enum view_kind kind, const char *code, const char *part,
		 int64_t row, const char *fmt, ...)
{
	struct ui_link *k;
	char label[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(label, sizeof label, fmt, ap);
	va_end(ap);
	k = array_grow(&l->v, &l->n, sizeof *k);
	if (!k) {
		l->oom = 1;
		return;
	}
	k->kind = kind;
	k->row = row;
	k->code = code ? strdup(code) : NULL;
	k->part = part ? strdup(part) : NULL;
	k->label = strdup(label);
	if ((code && !k->code) || (part && !k->part) || !k->label) {
		free(k->code);
		free(k->part);
		free(k->label);
		l->n--;
		l->oom = 1;
	}
}

void ui_links_free(struct ui_links *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].part);
		free(l->v[i].label);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void ui_follow(struct ui *ui, struct view *v)
{
	struct ui_links l = { NULL, 0, 0, 0 };
	const char **labels;
	int pick = 0;
	size_t i;

	if (v && v->ops->links)
		v->ops->links(v, ui, &l);
	if (l.oom) {
		ui_error(ui, "%s", _("out of memory"));
		ui_links_free(&l);
		return;
	}
	if (!l.n) {
		if (!l.failed)   /* (else the error is on the message line) */
			ui_message(ui, "%s", _("nothing here links to another record"));
		return;
	}
	if (l.n > 1) {
		labels = malloc(l.n * sizeof *labels);
		if (!labels) {
			ui_error(ui, "%s", _("out of memory"));
			ui_links_free(&l);
			return;
		}
		for (i = 0; i < l.n; i++)
			labels[i] = l.v[i].label;
		pick = ui_choose(ui, _("Go to"), labels, l.n, 0);
		free(labels);
	}
	if (pick >= 0) {
		const struct ui_link *k = &l.v[pick];

		ui_go(ui, k->kind, &(struct ui_place){ .code = k->code, .part = k->part,
						       .row = k->row });
	}
	ui_links_free(&l);
}

void ui_link_project(struct ui *ui, struct ui_links *l, const char *code, const char *except)
{
	struct rm_error err = { 0, "" };
	char *plan, *objective, **codes;
	size_t n, i;
	int r = project_place(ui->st, code, &plan, &objective, &err);

	if (r < 0) {
		ui_error(ui, "%s", err.msg);
		l->failed = 1;
		return;
	}
	if (r == 0 && objective)
		ui_link_add(l, VIEW_OBJECTIVE, plan, objective, 0,
			    _("project %s in plan %s, objective %s"), code, plan, objective);
	else if (r == 0)
		ui_link_add(l, VIEW_MAP, plan, NULL, 0, _("project %s in plan %s"), code, plan);
	free(plan);
	free(objective);
	if (assessment_codes(ui->st, code, &codes, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		l->failed = 1;
		return;
	}
	for (i = 0; i < n; i++)
		if (!except || strcmp(codes[i], except) != 0)
			ui_link_add(l, VIEW_CHECKLIST, codes[i], NULL, 0,
				    _("checklist %s of project %s"), codes[i], code);
	lookup_codes_free(codes, n);
}

void ui_link_subject(struct ui *ui, struct ui_links *l, const char *kind, const char *code,
		     const char *title)
{
	const char *slash;
	char plan[256];

	if (!kind || !code || !*code)
		return;
	if (strcmp(kind, "plan") == 0) {
		ui_link_add(l, VIEW_MAP, code, NULL, 0, "%s %s  %s", aar_kind_label(kind), code,
			    title ? title : "");
	} else if (strcmp(kind, "objective") == 0 && (slash = strrchr(code, '/')) &&
		   (size_t)(slash - code) < sizeof plan) {
		snprintf(plan, sizeof plan, "%.*s", (int)(slash - code), code);
		ui_link_add(l, VIEW_OBJECTIVE, plan, slash + 1, 0, "%s %s  %s",
			    aar_kind_label(kind), code, title ? title : "");
	} else if (strcmp(kind, "assessment") == 0) {
		ui_link_add(l, VIEW_CHECKLIST, code, NULL, 0, "%s %s  %s", aar_kind_label(kind),
			    code, title ? title : "");
	} else if (strcmp(kind, "project") == 0) {
		ui_link_project(ui, l, code, NULL);
	}
}

void ui_link_aars(struct ui *ui, struct ui_links *l, const char *kind, const char *code)
{
	struct rm_error err = { 0, "" };
	struct lookup_pair *v;
	size_t n, i;

	if (subject_aars(ui->st, kind, code, &v, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		l->failed = 1;
		return;
	}
	for (i = 0; i < n; i++)
		ui_link_add(l, VIEW_AAR, v[i].code, NULL, 0, _("AAR %s  %s"), v[i].code,
			    v[i].title ? v[i].title : "");
	lookup_pairs_free(v, n);
}
