/* mapedit.c - the route map edited where it is drawn: a adds a box in the
 * band of the selected one (or a band chosen on an empty map) through the
 * objective's form, e edits it, d deletes it with its links, < > move it
 * within its band, M to another band, l starts "link to…" and Enter on
 * another box adds the link cause -> effect or takes it away.  Each change
 * is one undo step (planedit.h) and the map is drawn again at once. */
#include <stdio.h>
#include <string.h>

#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/planedit.h"
#include "mapview.h"

/* While linking only Enter (the effect) and Esc (cancel) mean more than
 * moving. */
static const enum action link_actions[] = { ACT_OPEN, ACT_BACK, ACT_COUNT };

/* The band of the map the user picks, labelled as the office calls them,
 * top first, from INITIAL; -1 when cancelled. */
static int choose_band(struct ui *ui, const char *title, enum map_level initial)
{
	const char *labels[LEVEL_COUNT];
	int i, pick;

	for (i = 0; i < LEVEL_COUNT; i++) {
		const char *l = ui->cfg->level_label[LEVEL_COUNT - 1 - i];

		labels[i] = l ? l : config_level_name((enum map_level)(LEVEL_COUNT - 1 - i));
	}
	pick = ui_choose(ui, title, labels, LEVEL_COUNT, (size_t)(LEVEL_COUNT - 1 - (int)initial));
	return pick < 0 ? -1 : LEVEL_COUNT - 1 - pick;
}

/* The key that undoes, for the messages. */
static const char *undo_key(struct ui *ui, char *key, size_t size)
{
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, size);
	return key;
}

/* After a change RC of the map: drawn again at once, the box CODE
 * selected, MSG said (ERR's words when it failed). */
static void changed(struct mapv *m, struct ui *ui, int rc, const char *code, const char *msg,
		    const struct rm_error *err)
{
	if (rc == CHANGE_ERROR || rc == CHANGE_CONFLICT) {
		ui_error(ui, "%s", err->msg);
		return;
	}
	if (rc == CHANGE_OK)
		ui_changed(ui);
	if (code)
		mapv_select_code(m, code);
	ui_message(ui, "%s", msg);
}

static void add_box(struct mapv *m, struct ui *ui)
{
	const struct map_objective *o = mapv_selected(m);
	int level = o ? (int)o->level : choose_band(ui, _("Add a box in which band?"), LEVEL_PEOPLE);

	if (level < 0)
		return;
	ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &objective_form_def,
							 .code = m->plan,
							 .part = config_level_name((enum map_level)level),
							 .create = 1 });
}

static void delete_box(struct mapv *m, struct ui *ui, const struct map_objective *o)
{
	struct rm_error err = { 0, "" };
	char code[128], q[512], msg[512], key[64];
	size_t i, n = 0;
	int rc;

	for (i = 0; i < m->map.nlinks; i++)
		if (&m->map.objectives[m->map.links[i].from] == o ||
		    &m->map.objectives[m->map.links[i].to] == o)
			n++;
	snprintf(code, sizeof code, "%s", o->code);
	if (n)
		snprintf(q, sizeof q, _("Delete box %s with its %zu links and its indicators?"),
			 code, n);
	else
		snprintf(q, sizeof q, _("Delete box %s and its indicators?"), code);
	if (!ui_confirm(ui, q)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	rc = objective_delete(ui->st, &ui->undo, m->plan, code, &err);
	snprintf(msg, sizeof msg, _("%s deleted; %s brings it back"), code,
		 undo_key(ui, key, sizeof key));
	changed(m, ui, rc, NULL, msg, &err);
}

static void move_box(struct mapv *m, struct ui *ui, const struct map_objective *o, int dir)
{
	struct rm_error err = { 0, "" };
	char code[128], msg[512];
	int rc;

	snprintf(code, sizeof code, "%s", o->code);
	rc = objective_move(ui->st, &ui->undo, m->plan, code, dir, &err);
	if (rc == CHANGE_NONE)
		snprintf(msg, sizeof msg, dir < 0 ? _("%s is the first box of its band already")
						  : _("%s is the last box of its band already"), code);
	else
		snprintf(msg, sizeof msg, dir < 0 ? _("%s moved left") : _("%s moved right"), code);
	changed(m, ui, rc, code, msg, &err);
}

static void move_box_to(struct mapv *m, struct ui *ui, const struct map_objective *o)
{
	struct rm_error err = { 0, "" };
	char code[128], msg[512];
	int level = choose_band(ui, _("Move the box to which band?"), o->level), rc;

	if (level < 0)
		return;
	snprintf(code, sizeof code, "%s", o->code);
	rc = objective_move_to(ui->st, &ui->undo, m->plan, code, (enum map_level)level, &err);
	snprintf(msg, sizeof msg, rc == CHANGE_NONE ? _("%s is in that band already")
						    : _("%s moved to another band"), code);
	changed(m, ui, rc, code, msg, &err);
}

/* Is there a link FROM -> TO (objective indexes) on the map? */
static int linked(const struct mapv *m, size_t from, size_t to)
{
	size_t i;

	for (i = 0; i < m->map.nlinks; i++)
		if (m->map.links[i].from == from && m->map.links[i].to == to)
			return 1;
	return 0;
}

/* Enter while linking: the selected box is the effect of LINK_FROM. */
static void link_here(struct mapv *m, struct view *v, struct ui *ui)
{
	const struct map_objective *to = mapv_selected(m);
	struct rm_error err = { 0, "" };
	char from[128], q[512], msg[512], key[64];
	size_t f;
	int rc, added = 0;

	for (f = 0; f < m->map.nobjectives; f++)
		if (strcmp(m->map.objectives[f].code, m->link_from) == 0)
			break;
	if (to && f < m->map.nobjectives && to == &m->map.objectives[f]) {
		ui_error(ui, _("choose another box as the effect of %s (Esc cancels)"), m->link_from);
		return;
	}
	snprintf(from, sizeof from, "%s", m->link_from);
	m->linking = 0;
	v->actions_now = NULL;
	if (!to || f == m->map.nobjectives)
		return;
	if (!linked(m, f, (size_t)(to - m->map.objectives)) &&
	    to->level < m->map.objectives[f].level) {
		snprintf(q, sizeof q, _("%s is in a band below %s: link the effect below its cause?"),
			 to->code, from);
		if (!ui_confirm(ui, q)) {
			ui_message(ui, "%s", _("no link made"));
			return;
		}
	}
	snprintf(q, sizeof q, "%s", to->code);
	rc = link_toggle(ui->st, &ui->undo, m->plan, from, q, &added, &err);
	snprintf(msg, sizeof msg, added ? _("link %s → %s added; %s takes it back")
					: _("link %s → %s removed; %s brings it back"),
		 from, q, undo_key(ui, key, sizeof key));
	changed(m, ui, rc, q, msg, &err);
}

int mapedit_act(struct mapv *m, struct view *v, struct ui *ui, enum action a)
{
	const struct map_objective *o = mapv_selected(m);

	if (m->linking && (a == ACT_OPEN || a == ACT_BACK)) {
		if (a == ACT_OPEN) {
			link_here(m, v, ui);
		} else {
			m->linking = 0;
			v->actions_now = NULL;
			ui_message(ui, "%s", _("no link made"));
		}
		return 1;
	}
	if (a == ACT_ADD) {
		add_box(m, ui);
		return 1;
	}
	if (a != ACT_EDIT && a != ACT_DELETE && a != ACT_MOVE_EARLIER && a != ACT_MOVE_LATER &&
	    a != ACT_MOVE_TO && a != ACT_LINK)
		return 0;
	if (!o) {
		ui_message(ui, "%s", _("no box on this map yet: a adds one"));
		return 1;
	}
	switch (a) {
	case ACT_EDIT:
		ui_open_place(ui, VIEW_FORM, &(struct ui_place){ .form = &objective_form_def,
								 .code = m->plan, .part = o->code });
		break;
	case ACT_DELETE:
		delete_box(m, ui, o);
		break;
	case ACT_MOVE_EARLIER:
	case ACT_MOVE_LATER:
		move_box(m, ui, o, a == ACT_MOVE_EARLIER ? -1 : 1);
		break;
	case ACT_MOVE_TO:
		move_box_to(m, ui, o);
		break;
	default:   /* ACT_LINK */
		snprintf(m->link_from, sizeof m->link_from, "%s", o->code);
		m->linking = 1;
		v->actions_now = link_actions;
		break;
	}
	return 1;
}
