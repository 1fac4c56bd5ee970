/* objview.c - an objective's page: reading it, the cursor over the cells
 * of the indicator grid, the SLM columns and the projects, typing a number
 * into a cell in place (saved on Enter, Thai digits accepted, conflicts
 * decided as in every form), adding and deleting indicators, fiscal years
 * and projects; the SLM row and a project open in the form engine.  The
 * cursor starts on this fiscal year's result of the first indicator, so
 * that result is Enter, the number, Enter.  Drawing is in objdraw.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/domain.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "objview.h"
#include "views.h"

static const enum action objective_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_UNDO, ACT_HISTORY, ACT_FOLLOW, ACT_BACK,
	ACT_COUNT
};

/* While typing in a cell, keys are the number's. */
static const enum action typing_actions[] = { ACT_COUNT };

size_t objpage_rows(const struct objpage *p, enum obj_zone zone)
{
	return zone == ZONE_GRID ? p->g.n : zone == ZONE_SLM ? p->d.nslm : p->d.nprojects;
}

/* Read the objective again; the cursor stays where it was as far as it
 * can.  Returns 0, or -1 (said). */
static int load(struct objpage *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int year = p->loaded && p->col < p->g.nyears ? p->g.years[p->col] : ui->fiscal_year, col;
	size_t had = p->loaded ? p->g.n : 0;

	if (p->loaded) {
		objective_free(&p->d);
		indicator_grid_free(&p->g);
		p->loaded = 0;
	}
	if (objective_load(ui->st, ui->cfg, p->plan, p->code, &p->d, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	if (indicator_grid_load(ui->st, p->plan, p->code, ui->fiscal_year, &p->g, &err) < 0) {
		objective_free(&p->d);
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	p->loaded = 1;
	if (p->adding && p->g.n > had) {
		/* the indicator just made (the last line): this year's result */
		p->adding = 0;
		p->zone = ZONE_GRID;
		p->row = p->g.n - 1;
		p->val = IND_RESULT;
		year = ui->fiscal_year;
	}
	col = indicator_year_column(&p->g, year);
	p->col = col >= 0 ? (size_t)col : indicator_year_column(&p->g, ui->fiscal_year) >= 0
		 ? (size_t)indicator_year_column(&p->g, ui->fiscal_year) : 0;
	if (p->row >= objpage_rows(p, p->zone))
		p->row = objpage_rows(p, p->zone) ? objpage_rows(p, p->zone) - 1 : 0;
	return 0;
}

/* ---- typing in a cell ---- */

/* typing_save_fn: the number typed, checked as a form checks numbers. */
static int save_cell(void *form, struct ui *ui, const char *expected, const char *text,
		     char **current, struct rm_error *err)
{
	struct objpage *p = form;
	const struct form_ctx ctx = { .st = ui->st, .cfg = ui->cfg };
	char *stored = NULL;
	int rc;

	if (form_check(&indicator_value_fields[p->typed_val], &ctx, text, &stored, err) < 0)
		return TYPING_REFUSED;
	rc = indicator_cell_save(ui->st, &ui->undo, p->g.objective, p->typed_name, p->typed_year,
				 p->typed_val, expected, stored, current, err);
	if ((rc == CHANGE_OK || rc == CHANGE_NONE) && strcmp(stored ? stored : "", text) != 0)
		*current = strdup(stored ? stored : "");
	free(stored);
	if (rc == CHANGE_OK)
		ui_changed(ui);
	return rc;
}

static void typing_done(struct objpage *p, struct view *v)
{
	if (!p->t.active) {
		free(p->typed_name);
		p->typed_name = NULL;
		v->actions_now = NULL;
	}
}

/* Enter on a cell: type its number in place. */
static void start_cell(struct objpage *p, struct view *v, struct ui *ui)
{
	const struct indicator_cell *c;
	char label[512];

	if (!p->g.n || p->col >= p->g.nyears)
		return;
	c = &p->g.v[p->row].cells[p->col];
	if (!(p->typed_name = strdup(p->g.v[p->row].name))) {
		ui_error(ui, "%s", _("out of memory"));
		return;
	}
	p->typed_year = p->g.years[p->col];
	p->typed_val = p->val;
	snprintf(label, sizeof label, "%s %s %d: %s", p->typed_name, _("FY"), p->typed_year,
		 _(indicator_value_fields[p->val].label));
	if (typing_start(&p->t, ui, label, c->value[p->val], NULL, EDIT_NUMBER, 20, 0, save_cell,
			 p) < 0) {
		typing_done(p, v);
		return;
	}
	v->actions_now = typing_actions;
}

/* A key while typing in a cell. */
static int objpage_raw_key(struct view *v, struct ui *ui, int status, wint_t ch)
{
	struct objpage *p = v->data;

	if (!p->t.active)
		return 0;
	switch (typing_key(&p->t, ui, status, ch)) {
	case TYPING_USED:
		break;
	case TYPING_LEAVE:
		typing_finish(&p->t, ui);
		break;
	default:
		if (status == OK && ch == 3) {   /* Ctrl-C: quit, what can be saved is */
			typing_abandon(&p->t, ui);
			typing_done(p, v);
			return 0;
		}
		if ((status == OK && ch == '\t') ||
		    (status == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_DOWN))) {
			if (typing_finish(&p->t, ui) == 0 && ch != '\t') {
				typing_done(p, v);
				return 0;   /* and move */
			}
		} else {
			beep();
		}
	}
	typing_done(p, v);
	return 1;
}

static void objpage_tick(struct view *v, struct ui *ui)
{
	struct objpage *p = v->data;

	typing_tick(&p->t, ui);
	typing_done(p, v);
}

/* ---- moving ---- */

/* Up and Down through the indicators, the SLM columns, the projects. */
static void move_rows(struct objpage *p, int down)
{
	enum obj_zone z = p->zone;

	if (down && p->row + 1 < objpage_rows(p, z)) {
		p->row++;
		return;
	}
	if (!down && p->row > 0 && objpage_rows(p, z)) {
		p->row--;
		return;
	}
	for (;;) {
		if (down ? z == ZONE_PROJECTS : z == ZONE_GRID)
			return;   /* at the end: scrolled there by the drawing */
		z = down ? z + 1 : z - 1;
		if (objpage_rows(p, z))
			break;
	}
	p->zone = z;
	p->row = down ? 0 : objpage_rows(p, z) - 1;
}

/* End and Home: the last row of the page's last part that has rows (the
 * projects, mostly), or the first row of its first. */
static void move_end(struct objpage *p, int last)
{
	enum obj_zone z = last ? ZONE_PROJECTS : ZONE_GRID;

	while (!objpage_rows(p, z) && (last ? z > ZONE_GRID : z < ZONE_PROJECTS))
		z = last ? z - 1 : z + 1;
	if (!objpage_rows(p, z))
		return;
	p->zone = z;
	p->row = last ? objpage_rows(p, z) - 1 : 0;
}

/* PgDn and PgUp: to the first row of the next part of the page (the
 * indicators, the SLM row, the projects) that has rows, or the previous. */
static void move_zone(struct objpage *p, int down)
{
	enum obj_zone z = p->zone;

	while (down ? z < ZONE_PROJECTS : z > ZONE_GRID) {
		z = down ? z + 1 : z - 1;
		if (objpage_rows(p, z)) {
			p->zone = z;
			p->row = 0;
			return;
		}
	}
	p->row = down && objpage_rows(p, z) ? objpage_rows(p, z) - 1 : 0;
}

/* Left and Right over the values of the cells, year by year. */
static void move_cells(struct objpage *p, int right)
{
	if (p->zone != ZONE_GRID)
		return;
	if (right && p->val < IND_RESULT)
		p->val++;
	else if (right && p->col + 1 < p->g.nyears) {
		p->col++;
		p->val = IND_BASELINE;
	} else if (!right && p->val > IND_BASELINE)
		p->val--;
	else if (!right && p->col > 0) {
		p->col--;
		p->val = IND_RESULT;
	}
}

/* ---- adding, deleting, opening ---- */

/* a: an indicator or a project (new-record forms), or a fiscal year. */
static void add(struct objpage *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	const char *choices[3] = { _("an indicator"), _("a fiscal year of the indicators"),
				   _("a project serving this objective") };
	char initial[16], *typed;
	int pick, year, col;

	pick = ui_choose(ui, _("Add"), choices, 3, p->zone == ZONE_PROJECTS ? 2 : 0);
	if (pick == 0 || pick == 2) {
		p->adding = pick == 0;
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){
			.form = pick ? &project_form_def : &indicator_form_def, .code = p->plan,
			.part = p->code, .create = 1 });
		return;
	}
	if (pick != 1)
		return;
	snprintf(initial, sizeof initial, "%d",
		 p->g.nyears ? p->g.years[p->g.nyears - 1] + 1 : ui->fiscal_year);
	if (!(typed = ui_prompt(ui, _("fiscal year (BE): "), initial, 0)))
		return;
	if (indicator_parse_year(typed, &year, &err) < 0 ||
	    indicator_add_year(ui->st, &ui->undo, p->g.objective, year, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
	} else {
		ui_changed(ui);
		if ((col = indicator_year_column(&p->g, year)) >= 0)
			p->col = (size_t)col;
		ui_message(ui, _("fiscal year %d added to every indicator"), year);
	}
	free(typed);
}

/* d on the grid: the indicator (every year) or the year (every indicator). */
static void delete_grid(struct objpage *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	char one[600], all[200], q[800];
	const char *choices[2] = { one, all };
	int pick, year = p->g.years[p->col], rc;

	snprintf(one, sizeof one, _("the indicator \"%s\", every year of it"), p->g.v[p->row].name);
	snprintf(all, sizeof all, _("fiscal year %d of every indicator"), year);
	pick = ui_choose(ui, _("Delete"), choices, 2, 0);
	if (pick < 0)
		return;
	snprintf(q, sizeof q, _("Delete %s?"), pick ? all : one);
	if (!ui_confirm(ui, q))
		return;
	rc = pick ? indicator_delete_year(ui->st, &ui->undo, p->g.objective, year, &err)
		  : indicator_delete(ui->st, &ui->undo, p->g.objective, p->g.v[p->row].name, &err);
	if (rc == CHANGE_ERROR)
		ui_error(ui, "%s", err.msg);
	else {
		ui_changed(ui);
		ui_message(ui, "%s", rc == CHANGE_OK ? _("deleted (u undoes it)")
						      : _("nothing to delete there"));
	}
}

/* d on a project: it no longer serves this objective, or it goes. */
static void delete_project(struct objpage *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	const struct project_row *r = &p->d.projects[p->row];
	const char *choices[2] = { _("it no longer serves this objective"),
				   _("delete the project (its assessments stay, without it)") };
	struct form_record rec = { 0 };
	const struct form_ctx ctx = { .st = ui->st, .cfg = ui->cfg };
	int pick, rc;
	char q[600];

	pick = ui_choose(ui, r->code, choices, 2, 0);
	if (pick < 0)
		return;
	snprintf(q, sizeof q, pick ? _("Delete project %s?") : _("Project %s no longer serves this "
								 "objective?"), r->code);
	if (!ui_confirm(ui, q))
		return;
	if (pick)
		rc = record_delete(ui->st, &ui->undo, "project", r->code, &err) < 0 ? CHANGE_ERROR
										    : CHANGE_OK;
	else if ((rc = project_form_def.load(&ctx, r->code, NULL, &rec, &err)) == 0) {
		rc = project_toggle_objective(ui->st, &ui->undo, r->code,
					      rec.values[project_form_def.nfields - 1], p->code, &err);
		form_record_free(&project_form_def, &rec);
	}
	if (rc != CHANGE_OK && rc != CHANGE_NONE)
		ui_error(ui, "%s", err.msg);
	else {
		ui_changed(ui);
		ui_message(ui, "%s", _("done (u undoes it)"));
	}
}

/* Enter: type in the cell, open the SLM row or the project as a form. */
static void open_here(struct objpage *p, struct view *v, struct ui *ui)
{
	if (p->zone == ZONE_GRID && p->g.n)
		start_cell(p, v, ui);
	else if (p->zone == ZONE_SLM)
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){
			.form = slm_form_def(ui->cfg), .code = p->plan, .part = p->code });
	else if (p->zone == ZONE_PROJECTS && p->d.nprojects)
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){
			.form = &project_form_def, .code = p->d.projects[p->row].code });
	else
		ui_message(ui, "%s", _("nothing here yet: a adds an indicator or a project"));
}

/* e on the grid: the indicator's name and unit as a form. */
static void edit_here(struct objpage *p, struct view *v, struct ui *ui)
{
	struct buf part = { 0 };

	if (p->zone != ZONE_GRID || !p->g.n) {
		open_here(p, v, ui);
		return;
	}
	buf_printf(&part, "%s %s", p->code, p->g.v[p->row].name);
	if (!part.oom)
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){
			.form = &indicator_form_def, .code = p->plan, .part = part.s });
	buf_free(&part);
}

/* h: the changes of the cell's row. */
static void history_here(struct objpage *p, struct ui *ui)
{
	if (p->zone == ZONE_GRID && p->g.n && p->g.v[p->row].cells[p->col].id)
		ui_open_place(ui, VIEW_HISTORY, &(struct ui_place){
			.table = "indicator", .row = p->g.v[p->row].cells[p->col].id,
			.title = p->g.v[p->row].name });
	else if (p->zone == ZONE_PROJECTS && p->d.nprojects)
		ui_message(ui, "%s", _("Enter opens the project; h there shows its changes"));
	else
		ui_message(ui, "%s", _("no changes recorded"));
}

static int objpage_act(struct view *v, struct ui *ui, enum action a)
{
	struct objpage *p = v->data;
	int writes = a == ACT_ADD || a == ACT_DELETE;

	if (!p->loaded)
		return 0;
	if (writes && ui->st->readonly) {
		ui_error(ui, "%s", _("the database is open read-only: nothing can be changed"));
		return 1;
	}
	switch (a) {
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		move_rows(p, a == ACT_MOVE_DOWN);
		return 1;
	case ACT_MOVE_LEFT:
	case ACT_MOVE_RIGHT:
		move_cells(p, a == ACT_MOVE_RIGHT);
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		move_zone(p, a == ACT_PAGE_DOWN);
		return 1;
	case ACT_FIRST:
	case ACT_LAST:
		move_end(p, a == ACT_LAST);
		return 1;
	case ACT_OPEN:
		open_here(p, v, ui);
		return 1;
	case ACT_EDIT:
		edit_here(p, v, ui);
		return 1;
	case ACT_ADD:
		add(p, ui);
		return 1;
	case ACT_DELETE:
		if (p->zone == ZONE_GRID && p->g.n)
			delete_grid(p, ui);
		else if (p->zone == ZONE_PROJECTS && p->d.nprojects)
			delete_project(p, ui);
		else
			ui_message(ui, "%s", _("nothing to delete there"));
		return 1;
	case ACT_HISTORY:
		history_here(p, ui);
		return 1;
	default:
		return 0;
	}
}

/* o: the AARs that review the objective and their open follow-up
 * actions (each opens its AAR at the action). */
static void objective_links(struct view *v, struct ui *ui, struct ui_links *out)
{
	struct objpage *p = v->data;
	struct rm_error err = { 0, "" };
	struct followup_row *rows;
	struct buf subject = { 0 };
	size_t n, i;

	buf_printf(&subject, "%s/%s", p->plan, p->code);
	if (subject.oom) {
		out->oom = 1;
		return;
	}
	ui_link_aars(ui, out, "objective", subject.s);
	if (followup_list(ui->st, "objective", subject.s, &rows, &n, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		out->failed = 1;
	} else {
		for (i = 0; i < n; i++)
			ui_link_add(out, VIEW_AAR, rows[i].aar, NULL, rows[i].id,
				    _("follow-up action of %s: %s"), rows[i].aar, rows[i].action);
		followup_list_free(rows, n);
	}
	buf_free(&subject);
}

static void objpage_reload(struct view *v, struct ui *ui)
{
	load(v->data, ui);
}

static void objpage_free(struct view *v)
{
	struct objpage *p = v->data;

	if (p->t.active && p->ui)
		typing_abandon(&p->t, p->ui);
	typing_stop(&p->t);
	if (p->loaded) {
		objective_free(&p->d);
		indicator_grid_free(&p->g);
	}
	free(p->typed_name);
	free(p->plan);
	free(p->code);
	free(p);
}

static const struct view_ops objective_ops = {
	.name = N_("objective"), .draw = objpage_draw, .act = objpage_act,
	.reload = objpage_reload, .free = objpage_free, .actions = objective_actions,
	.links = objective_links, .raw_key = objpage_raw_key, .tick = objpage_tick,
};

struct view *view_objective_new(struct ui *ui, const struct ui_place *at)
{
	struct objpage *p = calloc(1, sizeof *p);

	if (!p || !(p->plan = strdup(at->code ? at->code : "")) ||
	    !(p->code = strdup(at->part ? at->part : ""))) {
		if (p)
			free(p->plan);
		free(p);
		ui_error(ui, "%s", _("out of memory"));
		return NULL;
	}
	/* the cursor on this year's result of the first indicator */
	p->zone = ZONE_GRID;
	p->val = IND_RESULT;
	if (load(p, ui) < 0) {
		free(p->plan);
		free(p->code);
		free(p);
		return NULL;
	}
	if (!p->g.n)
		move_rows(p, 1);
	p->ui = ui;
	return ui_view_new(&objective_ops, p);
}
