/* router.c - how one view opens another: by the kind of view and what it
 * shows (ui_open), through the one table that knows the constructors. */
#include <stddef.h>

#include "routemap/ui.h"
#include "views.h"

typedef struct view *(*view_maker)(struct ui *ui, const struct ui_place *at);

static const view_maker makers[VIEW_KINDS] = {
	[VIEW_PLANS] = view_plans_new,
	[VIEW_MAP] = view_map_new,
	[VIEW_OBJECTIVE] = view_objective_new,
	[VIEW_ASSESSMENTS] = view_assessments_new,
	[VIEW_CHECKLIST] = view_checklist_new,
	[VIEW_ITEM] = view_item_new,
	[VIEW_AARS] = view_aars_new,
	[VIEW_AAR] = view_aar_new,
	[VIEW_HISTORY] = view_history_new,
	[VIEW_RESULTS] = view_results_new,
	[VIEW_HELP] = view_help_new,
};

int ui_open_place(struct ui *ui, enum view_kind kind, const struct ui_place *at)
{
	static const struct ui_place nowhere = { 0 };
	struct view *v;

	if ((unsigned)kind >= VIEW_KINDS || !makers[kind])
		return -1;
	v = makers[kind](ui, at ? at : &nowhere);
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
