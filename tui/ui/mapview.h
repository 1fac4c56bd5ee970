/* mapview.h - the route map view's state, shared by its drawing and moving
 * (mapview.c) and its editing (mapedit.c). */
#ifndef ROUTEMAP_UI_MAPVIEW_H
#define ROUTEMAP_UI_MAPVIEW_H

#include "routemap/domain.h"
#include "routemap/map.h"
#include "routemap/ui.h"

struct mapv {
	struct plan_map map;
	struct map_view view;
	char *plan;          /* the plan's code, to read it again by */
	size_t sel;          /* index into view.boxes (none when nboxes is 0) */
	int scroll;          /* first canvas row shown */
	int laid_out;        /* the layout exists (for the current width) */
	int linking;         /* "link to…": LINK_FROM is the cause */
	char link_from[128];
};

/* The objective of the selected box, or NULL on an empty map. */
const struct map_objective *mapv_selected(const struct mapv *m);

/* Select the box of the objective called CODE, if there is one. */
void mapv_select_code(struct mapv *m, const char *code);

/* The map's editing keys (mapedit.c): a, e, d, <, >, M, l, and Enter or
 * Esc while linking.  Returns 1 when it took ACTION. */
int mapedit_act(struct mapv *m, struct view *v, struct ui *ui, enum action action);

#endif
