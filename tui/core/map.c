/* map.c - the route map laid out on a canvas of cells. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/map.h"
#include "routemap/text.h"

#define BOX_MIN_WIDTH 20
#define BOX_MAX_WIDTH 38
#define BOX_GAP 2

/* ---- canvas ---- */

int canvas_grow(struct canvas *c, int h)
{
	struct canvas_cell *cells;

	if (h <= c->h)
		return 0;
	cells = realloc(c->cells, (size_t)h * (size_t)c->w * sizeof *cells);
	if (!cells)
		return -1;
	memset(cells + (size_t)c->h * (size_t)c->w, 0,
	       (size_t)(h - c->h) * (size_t)c->w * sizeof *cells);
	c->cells = cells;
	c->h = h;
	return 0;
}

int canvas_put(struct canvas *c, int x, int y, const char *s, int maxcols, unsigned char attr)
{
	char *shown = text_show_marks(s);
	const char *p;
	int cols = 0;

	if (!shown || y < 0 || y >= c->h) {
		free(shown);
		return 0;
	}
	for (p = shown; *p;) {
		size_t len = text_cluster_len(p, strlen(p));
		int w = text_width_n(p, len);
		struct canvas_cell *cell;
		size_t keep = 0;

		if (len == 0)
			break;
		if (w == 0) {          /* a control character: skip it */
			p += len;
			continue;
		}
		if (cols + w > maxcols || x + cols + w > c->w)
			break;
		cell = &c->cells[(size_t)y * (size_t)c->w + (size_t)(x + cols)];
		/* Keep whole code points that fit the cell (at most 4 marks). */
		while (keep < len) {
			uint32_t cp;
			int n = utf8_decode(p + keep, len - keep, &cp);

			if (n < 0 || keep + (size_t)n >= sizeof cell->s)
				break;
			keep += (size_t)n;
		}
		memcpy(cell->s, p, keep);
		cell->s[keep] = '\0';
		cell->attr = attr;
		if (w == 2) {
			cell[1].s[0] = '\0';
			cell[1].attr = attr | CELL_CONT;
		}
		cols += w;
		p += len;
	}
	free(shown);
	return cols;
}

char *canvas_row(const struct canvas *c, int y)
{
	struct buf b = { 0 };
	size_t end = 0;
	int x;

	buf_add(&b, "", 0);
	for (x = 0; x < c->w; x++) {
		const struct canvas_cell *cell = &c->cells[(size_t)y * (size_t)c->w + (size_t)x];

		if (cell->attr & CELL_CONT)
			continue;
		buf_puts(&b, cell->s[0] ? cell->s : " ");
		if (cell->s[0] && strcmp(cell->s, " ") != 0)
			end = b.len;
	}
	if (!b.oom)
		b.s[end] = '\0';
	return buf_take(&b);
}

void canvas_free(struct canvas *c)
{
	free(c->cells);
	memset(c, 0, sizeof *c);
}

/* ---- layout ---- */

struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br, *arrow, *up, *down;
};

static const struct glyphs unicode_glyphs = { "─", "│", "┌", "┐", "└", "┘", "→", "↑", "↓" };
static const struct glyphs ascii_glyphs = { "-", "|", "+", "+", "+", "+", "->", "^", "v" };

/* Draw N copies of S from (X, Y). */
static void canvas_repeat(struct canvas *c, int x, int y, const char *s, int n, unsigned char attr)
{
	while (n-- > 0)
		x += canvas_put(c, x, y, s, 1, attr);
}

/* The text lines inside one box: the title, then "→ P2 S3". */
static int box_lines(const struct plan_map *map, size_t obj, int inner, const struct glyphs *g,
		     struct text_lines *title, struct text_lines *links)
{
	struct buf b = { 0 };
	size_t i;
	int rc;

	memset(links, 0, sizeof *links);
	if (text_wrap(map->objectives[obj].title, inner, title) < 0)
		return -1;
	for (i = 0; i < map->nlinks; i++)
		if (map->links[i].from == obj)
			buf_printf(&b, "%s%s", b.len ? " " : g->arrow,
				   map->objectives[map->links[i].to].code);
	if (b.oom) {
		text_lines_free(title);
		return -1;
	}
	/* "→P2 S3": the arrow joined to the first code, so a wrap never
	 * leaves it alone at a line end. */
	rc = b.len ? text_wrap(b.s, inner, links) : 0;
	buf_free(&b);
	if (rc < 0)
		text_lines_free(title);
	return rc;
}

static void draw_box(struct canvas *c, const struct map_box *box, const char *code,
		     const struct text_lines *title, const struct text_lines *links,
		     const struct glyphs *g)
{
	int inner = box->w - 4, x = box->x, y = box->y, used, i;
	size_t k;

	/* ┌─ P1 ──────┐ */
	canvas_put(c, x, y, g->tl, 1, CELL_BORDER);
	canvas_put(c, x + 1, y, g->h, 1, CELL_BORDER);
	used = 2;
	used += canvas_put(c, x + used, y, " ", 1, CELL_BORDER);
	used += canvas_put(c, x + used, y, code, box->w - 5, CELL_CODE);
	used += canvas_put(c, x + used, y, " ", 1, CELL_BORDER);
	canvas_repeat(c, x + used, y, g->h, box->w - 1 - used, CELL_BORDER);
	canvas_put(c, x + box->w - 1, y, g->tr, 1, CELL_BORDER);
	for (i = 1; i < box->h - 1; i++) {
		canvas_put(c, x, y + i, g->v, 1, CELL_BORDER);
		canvas_put(c, x + box->w - 1, y + i, g->v, 1, CELL_BORDER);
	}
	for (k = 0; k < title->n; k++)
		canvas_put(c, x + 2, y + 1 + (int)k, title->v[k], inner, CELL_TEXT);
	for (k = 0; k < links->n; k++)
		canvas_put(c, x + 2, y + 1 + (int)(title->n + k), links->v[k], inner, CELL_LINK);
	canvas_put(c, x, y + box->h - 1, g->bl, 1, CELL_BORDER);
	canvas_repeat(c, x + 1, y + box->h - 1, g->h, box->w - 2, CELL_BORDER);
	canvas_put(c, x + box->w - 1, y + box->h - 1, g->br, 1, CELL_BORDER);
}

/* "── ประชาชน ─────────" across the whole width; returns the column
 * after the label. */
static int draw_band(struct canvas *c, int y, const char *label, const struct glyphs *g)
{
	int x = 0, end;

	x += canvas_put(c, x, y, g->h, 1, CELL_BAND);
	x += canvas_put(c, x, y, g->h, 1, CELL_BAND);
	x += canvas_put(c, x, y, " ", 1, CELL_BAND);
	x += canvas_put(c, x, y, label, c->w - 6, CELL_BAND);
	x += canvas_put(c, x, y, " ", 1, CELL_BAND);
	end = x;
	canvas_repeat(c, x, y, g->h, c->w - x, CELL_BAND);
	return end;
}

/* Connector arrows where they fit: a link between objectives of
 * neighbouring bands whose boxes face each other across the band line
 * between them (the lower box in its band's first row, the upper one in
 * its band's last row, overlapping in columns) gets an arrow on that line,
 * in the middle of the overlap. */
static void draw_connectors(const struct plan_map *map, struct map_view *view,
			    const int *label_end, const struct glyphs *g)
{
	size_t i, k;

	for (i = 0; i < map->nlinks; i++) {
		const struct map_box *from = NULL, *to = NULL, *low, *high;
		int lf, lt, line, left, right, x;

		for (k = 0; k < view->nboxes; k++) {
			if (view->boxes[k].objective == map->links[i].from)
				from = &view->boxes[k];
			if (view->boxes[k].objective == map->links[i].to)
				to = &view->boxes[k];
		}
		if (!from || !to)
			continue;
		lf = (int)map->objectives[map->links[i].from].level;
		lt = (int)map->objectives[map->links[i].to].level;
		if (lf - lt != 1 && lt - lf != 1)
			continue;
		low = lf < lt ? from : to;
		high = lf < lt ? to : from;
		line = view->band_y[lf < lt ? lf : lt];
		if (low->y != line + 1 || high->y + high->h != line)
			continue;
		left = low->x > high->x ? low->x : high->x;
		right = low->x + low->w < high->x + high->w ? low->x + low->w : high->x + high->w;
		if (right - left < 3)
			continue;
		x = (left + right) / 2;
		if (x < label_end[lf < lt ? lf : lt] + 1)
			continue;
		canvas_put(&view->canvas, x, line, lf < lt ? g->up : g->down, 1, CELL_LINK);
	}
}

int map_render(const struct plan_map *map, const struct config *cfg, int width, int ascii,
	       struct map_view *view, struct rm_error *err)
{
	const struct glyphs *g = ascii ? &ascii_glyphs : &unicode_glyphs;
	size_t *order = NULL, nbox = 0;
	int y = 0, level, label_end[LEVEL_COUNT];

	memset(view, 0, sizeof *view);
	if (width < MAP_MIN_WIDTH)
		return rm_fail(err, RM_EXIT_USAGE, _("the map needs at least %d columns"), MAP_MIN_WIDTH);
	view->canvas.w = width;
	view->boxes = calloc(map->nobjectives ? map->nobjectives : 1, sizeof *view->boxes);
	order = calloc(map->nobjectives ? map->nobjectives : 1, sizeof *order);
	if (!view->boxes || !order)
		goto oom;

	for (level = LEVEL_COUNT - 1; level >= 0; level--) {
		size_t n = 0, i, start;
		int per_row, w;

		for (i = 0; i < map->nobjectives; i++)
			if ((int)map->objectives[i].level == level)
				order[n++] = i;
		if (canvas_grow(&view->canvas, y + 1) < 0)
			goto oom;
		view->band_y[level] = y;
		label_end[level] = draw_band(&view->canvas, y, cfg->level_label[level], g);
		y++;
		if (n == 0) {
			if (canvas_grow(&view->canvas, y + 1) < 0)
				goto oom;
			y++;
			continue;
		}
		per_row = (width + BOX_GAP) / (BOX_MIN_WIDTH + BOX_GAP);
		if (per_row < 1)
			per_row = 1;
		if (per_row > 64)
			per_row = 64;
		if ((size_t)per_row > n)
			per_row = (int)n;
		w = (width - BOX_GAP * (per_row - 1)) / per_row;
		if (w > BOX_MAX_WIDTH)
			w = BOX_MAX_WIDTH;
		for (start = 0; start < n; start += (size_t)per_row) {
			size_t count = n - start < (size_t)per_row ? n - start : (size_t)per_row;
			struct text_lines titles[64], links[64];
			int x0 = (width - (int)count * w - BOX_GAP * ((int)count - 1)) / 2, h = 0;
			size_t k;

			if (count > 64)
				count = 64;
			for (k = 0; k < count; k++) {
				int lines;

				if (box_lines(map, order[start + k], w - 4, g, &titles[k], &links[k]) < 0) {
					while (k-- > 0) {
						text_lines_free(&titles[k]);
						text_lines_free(&links[k]);
					}
					goto oom;
				}
				lines = (int)(titles[k].n + links[k].n);
				if (lines + 2 > h)
					h = lines + 2;
			}
			if (canvas_grow(&view->canvas, y + h) < 0) {
				for (k = 0; k < count; k++) {
					text_lines_free(&titles[k]);
					text_lines_free(&links[k]);
				}
				goto oom;
			}
			for (k = 0; k < count; k++) {
				struct map_box *box = &view->boxes[nbox++];

				box->objective = order[start + k];
				box->x = x0 + (int)k * (w + BOX_GAP);
				box->y = y;
				box->w = w;
				box->h = h;
				draw_box(&view->canvas, box, map->objectives[box->objective].code,
					 &titles[k], &links[k], g);
				text_lines_free(&titles[k]);
				text_lines_free(&links[k]);
			}
			y += h;
		}
	}
	view->nboxes = nbox;
	draw_connectors(map, view, label_end, g);
	free(order);
	return 0;
oom:
	free(order);
	map_view_free(view);
	return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
}

void map_view_free(struct map_view *view)
{
	canvas_free(&view->canvas);
	free(view->boxes);
	memset(view, 0, sizeof *view);
}
