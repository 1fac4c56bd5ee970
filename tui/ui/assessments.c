/* assessments.c - the Checklists section's list: the assessments with
 * their unit, norm set and coverage, sorted and filtered; starting a new
 * one (norm set, unit, project), warned when the same one was started
 * today; e edits an assessment's header; S shows the norm sets; Enter
 * opens its checklist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/catalog.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/lookup.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "views.h"

struct assessments {
	struct ui_paged p;
	struct assessment_query q;    /* the pager's: order and filter */
	char *filter;                 /* text a unit or norm set must hold */
};

static const char *sort_label(enum assessment_order s)
{
	switch (s) {
	case ASSESSMENT_BY_SET:
		return _("by norm set");
	case ASSESSMENT_BY_DAY:
		return _("newest first");
	case ASSESSMENT_BY_COVERAGE:
		return _("by coverage");
	default:
		return _("by unit");
	}
}

static const struct assessment_row *assessment_at(const struct assessments *p, size_t i)
{
	return pager_row(&p->p.pg, i);
}

/* Read the list again in the order and filter of P->q, the selection on
 * the assessment it was on (when it is still listed). */
static void assessments_requery(struct assessments *p, struct ui *ui)
{
	const char *keep = p->p.l.n ? assessment_at(p, p->p.l.sel)->code : NULL;
	struct pager nw;

	p->q.filter = p->filter;
	assessment_pager(&nw, ui->st, &p->q);
	ui_paged_replace(ui, &p->p, &nw, keep);
}

/* The coverage figure of an assessment ("47.4% rank 3", or "-"). */
static void coverage_text(const struct coverage *c, char *out, size_t size)
{
	if (c->has_percent)
		snprintf(out, size, _("%5.1f%% rank %d"), c->percent, c->rank);
	else
		snprintf(out, size, "  -");
}

/* The assessment list's columns, sized to the rows read: the code, the
 * norm set, the date and the coverage are never cut; the date is left
 * out before a unit's name gives way to its heading. */
static void assessments_fit(struct ui *ui, const struct assessments *p, const char *const *head,
			    int *widths)
{
	struct table_col c[6] = { { 0 } };
	size_t i;
	int k;

	for (k = 0; k < 6; k++)
		ui_measure(&c[k], head[k]);
	c[1].min = c[1].want;    /* a unit's name gives way last, to its heading */
	c[1].late = 1;
	c[3].drop = 1;
	for (i = 0; i < p->p.l.n; i++) {
		const struct assessment_row *r = assessment_at(p, i);
		char text[96];

		ui_measure(&c[0], r->code);
		ui_measure(&c[1], r->unit);
		snprintf(text, sizeof text, "%s v%d", r->set_code, r->version);
		ui_measure(&c[2], text);
		ui_date(ui, r->assessed_on, text, sizeof text);
		ui_measure(&c[3], text);
		coverage_text(&r->coverage, text, sizeof text);
		if (c[4].want < 9 + text_width(text))
			c[4].want = 9 + text_width(text);   /* a bar of 8, a space */
	}
	ui_fit(ui, c, 6, widths);
}

static void assessments_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct assessments *p = v->data;
	struct ui_list *l = &p->p.l;
	const char *head[] = { _("code"), _("unit"), _("norm set"), _("assessed"), _("coverage"),
			       _("to answer") };
	char line[256];
	int widths[6], cov_x;
	size_t i;
	int y;

	assessments_fit(ui, p, head, widths);
	cov_x = ui_col_x(widths, 4);
	ui_heading_row(ui, top, head, widths, 6);
	if (!l->n) {
		ui_note(ui, top + 1, p->filter && *p->filter ? _("no assessment matches the filter")
							     : _("No assessments yet: a starts one"));
	}
	ui_list_scroll(l, height - 3);
	for (i = l->top, y = top + 1; i < l->n && y < top + height - 2; i++, y++) {
		const struct assessment_row *r = assessment_at(p, i);
		const struct coverage *c = &r->coverage;
		char set[96], date[64], pct[48], open[16];
		const char *cells[6];
		attr_t attr = i == l->sel ? ui->theme.attr[T_SELECTED] : A_NORMAL;

		snprintf(set, sizeof set, "%s v%d", r->set_code, r->version);
		ui_date(ui, r->assessed_on, date, sizeof date);
		coverage_text(c, pct, sizeof pct);
		snprintf(open, sizeof open, "%d", c->items - c->answered);
		cells[0] = r->code;
		cells[1] = r->unit;
		cells[2] = set;
		cells[3] = date;
		cells[4] = "";
		cells[5] = open;
		ui_row(ui, y, cells, widths, 6, attr);
		/* coverage: a bar of 8 cells and the figure */
		if (cov_x >= 0) {
			ui_bar(ui, y, cov_x, 8, c->has_percent ? c->percent : 0);
			ui_put(y, cov_x + 9, pct, widths[4] - 9, A_NORMAL, 0);
		}
	}
	/* the selected assessment's project; how the list is sorted and filtered */
	if (l->n) {
		const struct assessment_row *r = assessment_at(p, l->sel);

		snprintf(line, sizeof line, "%s: %s", _("project"), r->project ? r->project : "—");
		ui_put(top + height - 2, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
	}
	snprintf(line, sizeof line, "%s: %s%s%s", _("sorted"), sort_label(p->q.order),
		 p->filter && *p->filter ? "   " : "", p->filter && *p->filter ? p->filter : "");
	ui_put(top + height - 1, 0, line, ui->cols, ui->theme.attr[T_DIM], 0);
}

/* Has the unit an assessment of SET's version for PROJECT made today?
 * Then ask before starting another.  1 to go on, 0 not. */
static int same_day_ok(struct ui *ui, const struct norm_row *set, const char *unit,
		       const char *project)
{
	struct rm_error err = { 0, "" };
	char *existing = NULL, q[512];
	int rc = assessment_same_day(ui->st, set->code, set->version, unit, project, NULL, &existing,
				     &err);

	if (rc < 0) {
		ui_error(ui, "%s", err.msg);
		return 0;
	}
	if (rc == 0)
		return 1;
	snprintf(q, sizeof q, _("%s already assesses this unit against %s v%d for the same project "
				"today. Start another one anyway?"), existing, set->code, set->version);
	free(existing);
	return ui_confirm(ui, q);
}

/* Keep of the N rows of SETS the issued versions only (a draft may still
 * change under an assessment), in their order; their number. */
static size_t issued_only(struct norm_row *sets, size_t n)
{
	size_t i, kept = 0;

	for (i = 0; i < n; i++) {
		if (sets[i].issued)
			sets[kept++] = sets[i];
		else
			norm_list_free(&sets[i], 1);
	}
	return kept;
}

/* The issued norm set versions into *SETS (*NSETS) and the units into
 * *UNITS (*NUNITS), for the caller to free either way; -1 when there is
 * nothing to start an assessment with (the user is told why). */
static int what_to_start(struct ui *ui, struct norm_row **sets, size_t *nsets,
			 struct office_row **units, size_t *nunits)
{
	struct rm_error err = { 0, "" };

	if (norm_list(ui->st, sets, nsets, &err) < 0 || office_list(ui->st, units, nunits, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	if (!*nsets || !*nunits) {
		ui_error(ui, "%s", _("import the norm sets and the offices first (routemap import)"));
		return -1;
	}
	if (!(*nsets = issued_only(*sets, *nsets))) {
		ui_error(ui, "%s", _("no norm set version is issued yet; give one its issued date "
				     "before units are assessed against it"));
		return -1;
	}
	return 0;
}

/* a: choose the norm set (of its issued versions the latest first), the
 * unit and its project; start the assessment with every item unanswered;
 * open it. */
static void start_assessment(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct norm_row *sets = NULL;
	struct office_row *units = NULL;
	struct project_row *projects = NULL;
	size_t nsets = 0, nunits = 0, nprojects = 0, i;
	const char **labels = NULL;
	char (*texts)[200] = NULL, *code = NULL;
	int s, u, j;

	if (what_to_start(ui, &sets, &nsets, &units, &nunits) < 0)
		goto out;
	labels = calloc(nsets + nunits + 1, sizeof *labels);
	texts = calloc(nsets + nunits + 1, sizeof *texts);
	if (!labels || !texts)
		goto out;
	/* norm_list puts each set's versions newest first: the cursor is on
	 * the newest issued one */
	for (i = 0; i < nsets; i++) {
		snprintf(texts[i], sizeof texts[i], "%s v%d  %s", sets[i].code, sets[i].version,
			 sets[i].title);
		labels[i] = texts[i];
	}
	s = ui_choose(ui, _("norm set"), labels, nsets, 0);
	if (s < 0)
		goto out;
	for (i = 0; i < nunits; i++) {
		snprintf(texts[i], sizeof texts[i], "%s  %s", units[i].short_name, units[i].code);
		labels[i] = texts[i];
	}
	u = ui_choose(ui, _("unit"), labels, nunits, 0);
	if (u < 0)
		goto out;
	if (project_list(ui->st, units[u].code, &projects, &nprojects, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		goto out;
	}
	j = -1;
	if (nprojects) {
		const char **pl = calloc(nprojects + 1, sizeof *pl);
		char (*pt)[200] = calloc(nprojects + 1, sizeof *pt);

		if (pl && pt) {
			pl[0] = _("no project");
			for (i = 0; i < nprojects; i++) {
				snprintf(pt[i + 1], sizeof pt[i + 1], "%s  %s", projects[i].code,
					 projects[i].title);
				pl[i + 1] = pt[i + 1];
			}
			j = ui_choose(ui, _("project"), pl, nprojects + 1, 1) - 1;
		}
		free(pl);
		free(pt);
		if (j < -1)
			goto out;
	}
	if (!same_day_ok(ui, &sets[s], units[u].code, j >= 0 ? projects[j].code : NULL))
		goto out;
	if (assessment_create(ui->st, &ui->undo, sets[s].code, sets[s].version, units[u].code,
			      j >= 0 ? projects[j].code : NULL, ui->user, &code, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		goto out;
	}
	ui_changed(ui);
	ui_message(ui, _("%s started and saved"), code);
	ui_open(ui, VIEW_CHECKLIST, code, NULL);
out:
	free(code);
	free(labels);
	free(texts);
	norm_list_free(sets, nsets);
	office_list_free(units, nunits);
	project_list_free(projects, nprojects);
}

static int assessments_act(struct view *v, struct ui *ui, enum action a)
{
	struct assessments *p = v->data;
	const struct assessment_row *r = p->p.l.n ? assessment_at(p, p->p.l.sel) : NULL;
	struct rm_error err = { 0, "" };
	char question[256], *f;

	if (ui_paged_act(ui, &p->p, a))
		return 1;
	switch (a) {
	case ACT_OPEN:
		if (r)
			ui_open(ui, VIEW_CHECKLIST, r->code, NULL);
		return 1;
	case ACT_EDIT:
		if (r)
			ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &assessment_head_def,
									 .code = r->code });
		return 1;
	case ACT_NORM_SETS:
		ui_open_place(ui, VIEW_NORM_SETS, NULL);
		return 1;
	case ACT_ADD:
		start_assessment(ui);
		return 1;
	case ACT_SORT:
		p->q.order = (enum assessment_order)((p->q.order + 1) % ASSESSMENT_ORDERS);
		assessments_requery(p, ui);
		return 1;
	case ACT_FILTER:
		f = ui_prompt(ui, _("show only units or norm sets holding: "), p->filter, 0);
		if (f) {
			free(p->filter);
			p->filter = f;
			assessments_requery(p, ui);
		}
		return 1;
	case ACT_DELETE:
		if (!r)
			return 1;
		snprintf(question, sizeof question, _("Delete the assessment %s and all its answers?"),
			 r->code);
		if (!ui_confirm(ui, question))
			return 1;
		if (record_delete(ui->st, &ui->undo, "assessment", r->code, &err) < 0)
			ui_error(ui, "%s", err.msg);
		else
			ui_message(ui, "%s", _("deleted and saved; u brings it back"));
		ui_changed(ui);
		return 1;
	case ACT_HISTORY:
		if (r) {
			sqlite3_int64 id;

			if (assessment_lookup_id(ui->st, r->code, &id, &err) < 0)
				ui_error(ui, "%s", err.msg);
			else
				ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
					.table = "assessment", .row = id, .title = r->code });
		}
		return 1;
	default:
		return 0;
	}
}

/* After a change (here or by another user): the order chosen again (the
 * kept coverage may now count another partial weight), the selection on
 * the record it was on. */
static void assessments_reload(struct view *v, struct ui *ui)
{
	assessments_requery(v->data, ui);
}

static void assessments_free(struct view *v)
{
	struct assessments *p = v->data;

	pager_clear(&p->p.pg);
	free(p->filter);
	free(p);
}

static const enum action assessments_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_NORM_SETS, ACT_SORT, ACT_FILTER, ACT_DELETE, ACT_SEARCH,
	ACT_BACK, ACT_COUNT
};

static const struct view_ops assessments_ops = {
	.reload = assessments_reload,
	.name = N_("checklists"),
	.draw = assessments_draw,
	.act = assessments_act,
	.free = assessments_free,
	.actions = assessments_actions,
};

struct view *view_assessments_new(struct ui *ui, const struct ui_place *at)
{
	struct assessments *p = calloc(1, sizeof *p);

	(void)at;
	if (!p)
		return NULL;
	p->q.cfg = ui->cfg;
	p->q.order = ASSESSMENT_BY_UNIT;
	assessment_pager(&p->p.pg, ui->st, &p->q);
	ui_paged_open(ui, &p->p);
	return ui_view_new(&assessments_ops, p);
}
