/* map.h - the route map picture: four level bands, people at the top and
 * foundation at the bottom, objective boxes with code and title wrapped by
 * Thai words, and in each box the objectives it leads to.
 *
 * The renderer draws into a canvas of cells (one grapheme cluster each, with
 * an attribute saying what the cell is), and records where every box is, so
 * `show plan` prints the canvas and the screen draws it with colours and
 * highlights the selected box.  No curses here.
 */
#ifndef ROUTEMAP_MAP_H
#define ROUTEMAP_MAP_H

#include "routemap/config.h"
#include "routemap/domain.h"

enum cell_attr {
	CELL_BLANK, CELL_BAND, CELL_BORDER, CELL_CODE, CELL_TEXT, CELL_LINK,
	CELL_CONT = 0x80,          /* second column of a double-width cluster */
};

struct canvas_cell {
	char s[24];                /* one cluster, NUL-terminated; "" = space */
	unsigned char attr;
};

struct canvas {
	int w, h;
	struct canvas_cell *cells; /* h rows of w cells */
};

/* Make the canvas at least H rows high (new rows blank).  0 or -1 (oom). */
int canvas_grow(struct canvas *c, int h);
/* Write S at (X, Y), at most MAXCOLS columns, never splitting a cluster;
 * marks with no base are drawn on a dotted circle.  Returns the columns
 * written. */
int canvas_put(struct canvas *c, int x, int y, const char *s, int maxcols, unsigned char attr);
/* Row Y as UTF-8 with trailing blanks removed (malloc'd; NULL on oom). */
char *canvas_row(const struct canvas *c, int y);
void canvas_free(struct canvas *c);

struct map_box {
	size_t objective;          /* index into plan_map.objectives */
	int x, y, w, h;
};

struct map_view {
	struct canvas canvas;
	struct map_box *boxes;     /* one per objective, in band order */
	size_t nboxes;
	int band_y[LEVEL_COUNT];   /* row of each band's title line */
};

/* The narrowest width the map can be drawn in. */
#define MAP_MIN_WIDTH 30

/* Lay MAP out in WIDTH columns (>= MAP_MIN_WIDTH) with CFG's level labels,
 * in Unicode box drawing or ASCII.  Returns 0, or -1 with ERR. */
int map_render(const struct plan_map *map, const struct config *cfg, int width, int ascii,
	       struct map_view *view, struct rm_error *err);
void map_view_free(struct map_view *view);

#endif
