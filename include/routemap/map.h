/* map.h - the route map picture: four level bands, people at the top and
 * foundation at the bottom, the office's label of each band in a column at
 * the left, objective boxes with code and title (wrapped by Thai words, or
 * cut to fit the height given), and cause -> effect links drawn as lines
 * in the gap between neighbouring bands, or as "->P2" in the cause's box
 * where no line can be drawn legibly.
 *
 * The renderer draws into a canvas of cells (one grapheme cluster each, with
 * an attribute saying what the cell is), and records where every box is, so
 * `show plan` prints the canvas and the screen draws it with colours and
 * marks the selected box, its causes and its effects.  No curses here.
 *
 * map.c lays the map out and draws it; maproute.c routes the lines.
 */
#ifndef ROUTEMAP_MAP_H
#define ROUTEMAP_MAP_H

#include "routemap/config.h"
#include "routemap/domain.h"

enum cell_attr {
	CELL_BLANK, CELL_BAND, CELL_BORDER, CELL_CODE, CELL_TEXT, CELL_LINK, CELL_LINE,
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
	int x, y, w, h;            /* canvas columns and rows of its frame */
};

/* How much of each title the boxes show: all of it (with the links not
 * drawn as lines on lines of their own), two lines, or one line. */
enum map_detail { MAP_FULL, MAP_TWO_LINES, MAP_ONE_LINE };

struct map_view {
	struct canvas canvas;
	struct map_box *boxes;     /* one per objective, in band order */
	size_t nboxes;
	int band_y[LEVEL_COUNT];   /* first row of each band */
	int band_h[LEVEL_COUNT];   /* and its rows (at least 1) */
	int label_w;               /* the band labels' column, a blank included */
	enum map_detail detail;
	unsigned char *drawn;      /* per link of the plan_map: 1 drawn as a line,
				      0 told as text in its cause's box */
};

/* The narrowest width the map can be drawn in. */
#define MAP_MIN_WIDTH 30

/* Lay MAP out in WIDTH columns (>= MAP_MIN_WIDTH) with CFG's level labels,
 * in Unicode box drawing or ASCII, into VIEW (free it with map_view_free).
 * HEIGHT: the rows it should fit in, 0 for no limit; the boxes show their
 * whole titles when that fits, else two lines, else one, and a map taller
 * than HEIGHT even so is as tall as it needs (the screen scrolls it).
 * Returns 0, or -1 with ERR (too narrow: RM_EXIT_USAGE; out of memory). */
int map_render(const struct plan_map *map, const struct config *cfg, int width, int height,
	       int ascii, struct map_view *view, struct rm_error *err);
void map_view_free(struct map_view *view);

/* Frames that mark a box: a cause of the selected box, an effect of it. */
enum map_frame { FRAME_PLAIN, FRAME_CAUSE, FRAME_EFFECT };

/* The glyph of frame STYLE for the plain frame glyph G ("┌", "─", "┴", or
 * ASCII "+", "-", "|"): heavy lines for causes (ASCII "#"), double lines
 * for effects (ASCII "=" across).  Returns a static string; G itself when
 * it is not a frame glyph or STYLE is FRAME_PLAIN. */
const char *map_frame_glyph(const char *g, enum map_frame style, int ascii);

/* ---- line routing (maproute.c), for map_render ---- */

/* Arms of a cell of a line: which neighbours it joins. */
enum { ARM_UP = 1, ARM_DOWN = 2, ARM_LEFT = 4, ARM_RIGHT = 8 };

struct route_cell {
	unsigned char arms;        /* ARM_* */
	unsigned char arrow;       /* 0, or ARM_UP / ARM_DOWN: an arrow head */
	int net;                   /* -1: free; else the line it belongs to */
};

/* Where the boxes stand, as routing sees them. */
struct route_box {
	int level;                 /* enum map_level */
	int x, w;                  /* columns of its frame */
	int code_end;              /* first column after its code on the top border */
	int faces_up, faces_down;  /* in its band's first / last row of boxes */
};

/* The lines of one map: for each gap between level L + 1 above and level L
 * below, two rows of WIDTH cells (row 0 under the upper band, row 1 over
 * the lower one). */
struct map_routes {
	int width;
	struct route_cell *gap[LEVEL_COUNT - 1];   /* 2 * width cells each */
	int used[LEVEL_COUNT - 1];                 /* a line in that gap */
	unsigned char *drawn;                      /* per link */
};

/* Route the links of MAP between BOXES (one per objective, indexed by
 * objective) in WIDTH columns: each effect gets one arrow head under (or
 * over) it, its causes in the neighbouring band join it by lines that
 * share no cell, and touch no other line, with any other effect's; a link
 * that cannot be drawn so (same band, bands apart, a box not facing the
 * gap, no room) is left for text.  Fills ROUTES (free with
 * map_routes_free).  Returns 0, or -1 when out of memory. */
int map_route(const struct plan_map *map, const struct route_box *boxes, int width,
	      struct map_routes *routes);
void map_routes_free(struct map_routes *routes);

/* The glyph of a line cell: a box-drawing line or junction, an arrow head,
 * or their ASCII stand-ins.  Static string. */
const char *route_glyph(const struct route_cell *cell, int ascii);

#endif
