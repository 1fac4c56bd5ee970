/* objview.h - an objective's page (objview.c, objdraw.c): its heading,
 * its indicators as a grid of fiscal years whose cells are typed into in
 * place, its SLM row and the projects serving it, each reachable with the
 * cursor.  For those two files only. */
#ifndef ROUTEMAP_UI_OBJVIEW_H
#define ROUTEMAP_UI_OBJVIEW_H

#include "routemap/catalog.h"
#include "routemap/indicator.h"
#include "routemap/typing.h"
#include "routemap/ui.h"

/* Where the cursor is: a cell of the grid, an SLM column, a project. */
enum obj_zone { ZONE_GRID, ZONE_SLM, ZONE_PROJECTS };

/* Display columns of one fiscal year of the grid, and the grid's indent. */
#define OBJ_YEAR_W 20
#define OBJ_INDENT 2

struct objpage {
	struct ui *ui;              /* for saving a cell typed in when the view goes */
	char *plan, *code;
	struct objective_detail d;
	struct indicator_grid g;
	int loaded;
	enum obj_zone zone;
	int adding;                 /* a new indicator's form is open: the
				       cursor goes to its result once made */
	size_t row;                 /* the indicator, SLM column or project */
	size_t col;                 /* the year column */
	enum indicator_value val;   /* the value of the cell */
	size_t first_year;          /* the first year column shown */
	int top;                    /* the first line shown */
	int height;                 /* lines shown at the last draw */
	struct typing t;            /* typing in a cell */
	char *typed_name;           /* the cell being typed in: its indicator, */
	int typed_year;             /* its year */
	enum indicator_value typed_val;   /* and its value */
};

/* The view_ops draw of the page (objdraw.c). */
void objpage_draw(struct view *v, struct ui *ui, int top, int height);

/* How many year columns fit on the screen. */
size_t objpage_years_shown(const struct ui *ui);

/* The number of rows of ZONE. */
size_t objpage_rows(const struct objpage *p, enum obj_zone zone);

#endif
