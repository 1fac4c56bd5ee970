/* map.c - the route map laid out on a canvas of cells: a column of band
 * labels at the left, the bands from people down to foundation, boxes of
 * as much title as the height allows, and the lines maproute.c routes in
 * the gaps between the bands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/map.h"
#include "routemap/text.h"

#define BOX_MIN_WIDTH 14   /* four boxes a band in 80 columns, labels beside */
#define BOX_MAX_WIDTH 38
#define BOX_GAP 2
#define LABEL_MAX 12       /* the band labels' column at most, and a blank */

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

/* ---- frames ---- */

struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br, *arrow, *up_t, *down_t;
};

static const struct glyphs unicode_glyphs = { "─", "│", "┌", "┐", "└", "┘", "→", "┴", "┬" };
static const struct glyphs ascii_glyphs = { "-", "|", "+", "+", "+", "+", "->", "+", "+" };

const char *map_frame_glyph(const char *g, enum map_frame style, int ascii)
{
	static const char *const plain[] = { "┌", "┐", "└", "┘", "─", "│", "┬", "┴" };
	static const char *const heavy[] = { "┏", "┓", "┗", "┛", "━", "┃", "┰", "┸" };
	static const char *const dbl[] = { "╔", "╗", "╚", "╝", "═", "║", "╥", "╨" };
	size_t i;

	if (style == FRAME_PLAIN)
		return g;
	if (ascii) {
		if (style == FRAME_CAUSE && (!strcmp(g, "+") || !strcmp(g, "-") || !strcmp(g, "|")))
			return "#";
		return style == FRAME_EFFECT && !strcmp(g, "-") ? "=" : g;
	}
	for (i = 0; i < sizeof plain / sizeof *plain; i++)
		if (!strcmp(g, plain[i]))
			return style == FRAME_CAUSE ? heavy[i] : dbl[i];
	return g;
}

/* ---- layout ---- */

/* What goes inside one box. */
struct box_text {
	struct text_lines title;   /* lines of title */
	struct text_lines links;   /* lines of "->P2 S3" under it */
	char *tail;                /* or "->P2" at the right of its last line */
};

struct layout {
	const struct plan_map *map;
	const struct config *cfg;
	const struct glyphs *g;
	int width, height, ascii;
	int label_w, cols, box_w;
	size_t *order;             /* objectives band by band from the top */
	size_t band_start[LEVEL_COUNT], band_n[LEVEL_COUNT];
	struct route_box *rb;      /* per objective */
	struct map_routes routes;
	struct box_text *text;     /* per objective */
	int *row_h;                /* per objective: its row of boxes' height */
};

/* Order the objectives by band and choose the widths: the labels' column,
 * boxes a row (as many as the fullest band has, as fit), their width. */
static void plan_widths(struct layout *L)
{
	int level, maxw = 0, cap, avail;
	size_t maxn = 1, n = 0, i;

	for (level = LEVEL_COUNT - 1; level >= 0; level--) {
		int w = text_width(L->cfg->level_label[level]);

		L->band_start[level] = n;
		for (i = 0; i < L->map->nobjectives; i++)
			if ((int)L->map->objectives[i].level == level)
				L->order[n++] = i;
		L->band_n[level] = n - L->band_start[level];
		if (L->band_n[level] > maxn)
			maxn = L->band_n[level];
		if (w > maxw)
			maxw = w;
	}
	cap = L->width / 5 < LABEL_MAX ? L->width / 5 : LABEL_MAX;
	L->label_w = (maxw < cap ? maxw : cap) + 1;
	avail = L->width - L->label_w;
	L->cols = (avail + BOX_GAP) / (BOX_MIN_WIDTH + BOX_GAP);
	if (L->cols < 1)
		L->cols = 1;
	if ((size_t)L->cols > maxn)
		L->cols = (int)maxn;
	L->box_w = (avail - BOX_GAP * (L->cols - 1)) / L->cols;
	if (L->box_w > BOX_MAX_WIDTH)
		L->box_w = BOX_MAX_WIDTH;
}

/* Columns of every box, centred row by row in the room right of the
 * labels, and what routing needs to know of it. */
static void place_columns(struct layout *L)
{
	int level, avail = L->width - L->label_w;

	for (level = 0; level < LEVEL_COUNT; level++) {
		size_t n = L->band_n[level], k;

		for (k = 0; k < n; k++) {
			size_t obj = L->order[L->band_start[level] + k], row = k / (size_t)L->cols;
			size_t first = row * (size_t)L->cols;
			int count = n - first < (size_t)L->cols ? (int)(n - first) : L->cols;
			int x0 = L->label_w + (avail - count * L->box_w - BOX_GAP * (count - 1)) / 2;
			struct route_box *b = &L->rb[obj];
			int cw = text_width(L->map->objectives[obj].code);

			b->level = level;
			b->w = L->box_w;
			b->x = x0 + (int)(k - first) * (L->box_w + BOX_GAP);
			b->code_end = b->x + 3 + (cw < L->box_w - 5 ? cw : L->box_w - 5);
			b->faces_up = row == 0;
			b->faces_down = row == (n - 1) / (size_t)L->cols;
		}
	}
}

/* "->P2 S3": the objectives OBJ leads to that no line shows, the arrow
 * joined to the first code so a wrap never leaves it alone.  Malloc'd;
 * "" when there are none; NULL on oom. */
static char *links_text(const struct layout *L, size_t obj)
{
	struct buf b = { 0 };
	size_t i;

	buf_add(&b, "", 0);
	for (i = 0; i < L->map->nlinks; i++)
		if (L->map->links[i].from == obj && !L->routes.drawn[i])
			buf_printf(&b, "%s%s", b.len ? " " : L->g->arrow,
				   L->map->objectives[L->map->links[i].to].code);
	return buf_take(&b);
}

/* S cut to COLS columns ("…" at the cut) as a one-line text_lines entry
 * appended to OUT.  0 or -1 (oom). */
static int add_cut(struct text_lines *out, const char *s, int cols, int ascii)
{
	size_t size = strlen(s) + 8;
	char *line = malloc(size), **v = realloc(out->v, (out->n + 1) * sizeof *v);

	if (v)
		out->v = v;
	if (!line || !v) {
		free(line);
		return -1;
	}
	text_truncate(line, size, s, cols, 0, ascii);
	out->v[out->n++] = line;
	return 0;
}

/* Where TITLE goes on after its wrapped line LINE (the first): past the
 * line's bytes and the blanks after them. */
static const char *rest_after(const char *title, const char *line)
{
	size_t n = strlen(line);

	while (*title == ' ' || *title == '\n' || *title == '\t')
		title++;
	if (strncmp(title, line, n) != 0)
		return title;
	title += n;
	while (*title == ' ' || *title == '\n' || *title == '\t')
		title++;
	return title;
}

/* The title cut to MAXLINES lines of INNER columns, the last ending in
 * "…" when cut, with LINKS at the right end of the last line (or on a
 * line of its own when the title leaves room for one).  0 or -1. */
static int cut_title(struct layout *L, const char *title, const char *links, int maxlines,
		     int inner, struct box_text *t)
{
	struct text_lines all = { NULL, 0 };
	int lw = text_width(links), room, rc = 0;

	if (lw > inner / 2)
		lw = inner / 2;
	room = links[0] ? inner - lw - 1 : inner;
	if (text_wrap(title, inner, &all) < 0)
		return -1;
	if ((int)all.n + (links[0] ? 1 : 0) <= maxlines) {
		t->title = all;
		return links[0] && add_cut(&t->links, links, inner, L->ascii) < 0 ? -1 : 0;
	}
	if (maxlines == 2 && all.n > 0)
		rc = add_cut(&t->title, all.v[0], inner, L->ascii);
	if (rc == 0)
		rc = add_cut(&t->title, maxlines == 2 && all.n > 0 ? rest_after(title, all.v[0]) : title,
			     room, L->ascii);
	text_lines_free(&all);
	if (rc == 0 && links[0]) {
		t->tail = malloc(strlen(links) + 8);
		if (!t->tail)
			return -1;
		text_truncate(t->tail, strlen(links) + 8, links, lw, 0, L->ascii);
	}
	return rc;
}

static void box_text_free(struct box_text *t)
{
	text_lines_free(&t->title);
	text_lines_free(&t->links);
	free(t->tail);
	memset(t, 0, sizeof *t);
}

/* What box OBJ shows at DETAIL: its title as it will be drawn (controls
 * escaped, so it is wrapped and cut by the columns it takes).  0 or -1
 * (oom). */
static int box_content(struct layout *L, size_t obj, enum map_detail detail, struct box_text *t)
{
	char *title = text_show_marks(L->map->objectives[obj].title);
	int inner = L->box_w - 4, rc;
	char *links = links_text(L, obj);

	memset(t, 0, sizeof *t);
	if (!links || !title) {
		free(links);
		free(title);
		return -1;
	}
	if (detail == MAP_FULL) {
		rc = text_wrap(title, inner, &t->title);
		if (rc == 0 && links[0])
			rc = text_wrap(links, inner, &t->links);
	} else {
		rc = cut_title(L, title, links, detail == MAP_TWO_LINES ? 2 : 1, inner, t);
	}
	free(links);
	free(title);
	if (rc < 0)
		box_text_free(t);
	return rc;
}

/* Fill L->text at DETAIL and the heights of the rows of boxes; returns
 * the map's height in rows, or -1 (oom). */
static int measure(struct layout *L, enum map_detail detail)
{
	int level, total = 0;

	for (level = LEVEL_COUNT - 1; level >= 0; level--) {
		size_t n = L->band_n[level], first, k;

		if (level < LEVEL_COUNT - 1)
			total += L->routes.used[level] ? 2 : 1;
		if (n == 0)
			total++;
		for (first = 0; first < n; first += (size_t)L->cols) {
			size_t last = first + (size_t)L->cols < n ? first + (size_t)L->cols : n;
			int h = 3;

			for (k = first; k < last; k++) {
				size_t obj = L->order[L->band_start[level] + k];
				struct box_text *t = &L->text[obj];
				int lines;

				box_text_free(t);
				if (box_content(L, obj, detail, t) < 0)
					return -1;
				lines = (int)(t->title.n + t->links.n) + 2;
				if (lines > h)
					h = lines;
			}
			for (k = first; k < last; k++)
				L->row_h[L->order[L->band_start[level] + k]] = h;
			total += h;
		}
	}
	return total;
}

static void canvas_repeat(struct canvas *c, int x, int y, const char *s, int n, unsigned char attr)
{
	while (n-- > 0)
		x += canvas_put(c, x, y, s, 1, attr);
}

/* One box: "┌─ P1 ───┐", its lines, "└────────┘". */
static void draw_box(struct canvas *c, const struct map_box *box, const char *code,
		     const struct box_text *t, const struct glyphs *g)
{
	int inner = box->w - 4, x = box->x, y = box->y, used, i;
	size_t k;

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
	for (k = 0; k < t->title.n; k++)
		canvas_put(c, x + 2, y + 1 + (int)k, t->title.v[k], inner, CELL_TEXT);
	for (k = 0; k < t->links.n; k++)
		canvas_put(c, x + 2, y + 1 + (int)(t->title.n + k), t->links.v[k], inner, CELL_LINK);
	if (t->tail) {
		int tw = text_width(t->tail), last = t->title.n ? (int)t->title.n : 1;

		canvas_put(c, x + 2 + inner - tw, y + last, t->tail, tw, CELL_LINK);
	}
	canvas_put(c, x, y + box->h - 1, g->bl, 1, CELL_BORDER);
	canvas_repeat(c, x + 1, y + box->h - 1, g->h, box->w - 2, CELL_BORDER);
	canvas_put(c, x + box->w - 1, y + box->h - 1, g->br, 1, CELL_BORDER);
}

/* Bytes of S that fit COLS columns in whole words (at least one word,
 * however wide), not counting the spaces after them. */
static size_t words_that_fit(const char *s, int cols)
{
	size_t len = 0, end = 0;

	while (s[end]) {
		while (s[end] == ' ')
			end++;
		while (s[end] && s[end] != ' ')
			end++;
		if (len && text_width_n(s, end) > cols)
			break;
		len = end;
	}
	return len;
}

/* The band's label in the left column from row Y, over at most ROWS
 * lines broken at spaces only, so a Thai word is never split: a word too
 * wide for the column, or the rest of the label on the last row, is cut
 * with "…". */
static void draw_label(const struct layout *L, struct canvas *c, int y, int rows, const char *label)
{
	int cols = L->label_w - 1, k;
	const char *p = label;

	for (k = 0; k < rows; k++) {
		char line[256], cut[256];
		size_t len;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		len = k == rows - 1 ? strlen(p) : words_that_fit(p, cols);
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		text_truncate(cut, sizeof cut, line, cols, 0, L->ascii);
		canvas_put(c, 0, y + k, cut, cols, CELL_BAND);
		p += len;
	}
}

/* The lines of the gap under band UPPER, from row Y: the route cells, and
 * a junction on each border a line leaves from. */
static void draw_gap(const struct layout *L, struct canvas *c, int upper, int y)
{
	const struct route_cell *g = L->routes.gap[upper - 1];
	int x, r;

	for (r = 0; r < 2; r++)
		for (x = 0; x < L->width; x++) {
			const struct route_cell *cell = &g[r * L->width + x];
			int by = r == 0 ? y - 1 : y + 2;
			struct canvas_cell *border;

			if (cell->net == -1)
				continue;
			canvas_put(c, x, y + r, route_glyph(cell, L->ascii), 1, CELL_LINE);
			if (cell->arrow || !(cell->arms & (r == 0 ? ARM_UP : ARM_DOWN)) || by < 0 ||
			    by >= c->h)
				continue;
			border = &c->cells[(size_t)by * (size_t)c->w + (size_t)x];
			if (border->attr == CELL_BORDER)
				canvas_put(c, x, by, r == 0 ? L->g->down_t : L->g->up_t, 1, CELL_BORDER);
		}
}

/* Draw band LEVEL's label and boxes from row Y into VIEW; returns the row
 * after it, or -1 (oom). */
static int draw_band(struct layout *L, struct map_view *view, int level, int y)
{
	size_t n = L->band_n[level], k;
	int row_y = y, h = 0;

	view->band_y[level] = y;
	for (k = 0; k < n; k++) {
		size_t obj = L->order[L->band_start[level] + k];
		struct map_box *box = &view->boxes[view->nboxes++];

		if (k % (size_t)L->cols == 0) {
			row_y += h;
			h = L->row_h[obj];
		}
		box->objective = obj;
		box->x = L->rb[obj].x;
		box->w = L->rb[obj].w;
		box->y = row_y;
		box->h = h;
		draw_box(&view->canvas, box, L->map->objectives[obj].code, &L->text[obj], L->g);
	}
	view->band_h[level] = n ? row_y + h - y : 1;
	draw_label(L, &view->canvas, y, view->band_h[level], L->cfg->level_label[level]);
	return y + view->band_h[level];
}

/* The detail that fits L->height (the least when none does), measured. */
static int choose_detail(struct layout *L, struct map_view *view)
{
	enum map_detail d;
	int total = -1;

	for (d = MAP_FULL; d <= MAP_ONE_LINE; d++) {
		total = measure(L, d);
		view->detail = d;
		if (total < 0 || L->height <= 0 || total <= L->height)
			break;
	}
	return total;
}

static void layout_free(struct layout *L)
{
	size_t i;

	for (i = 0; L->text && i < L->map->nobjectives; i++)
		box_text_free(&L->text[i]);
	free(L->text);
	free(L->order);
	free(L->rb);
	free(L->row_h);
	map_routes_free(&L->routes);
}

int map_render(const struct plan_map *map, const struct config *cfg, int width, int height,
	       int ascii, struct map_view *view, struct rm_error *err)
{
	struct layout L = { map, cfg, ascii ? &ascii_glyphs : &unicode_glyphs, width, height, ascii,
			    0, 0, 0, NULL, { 0 }, { 0 }, NULL, { 0 }, NULL, NULL };
	size_t n = map->nobjectives ? map->nobjectives : 1;
	int total, level, y = 0;

	memset(view, 0, sizeof *view);
	if (width < MAP_MIN_WIDTH)
		return rm_fail(err, RM_EXIT_USAGE, _("the map needs at least %d columns"), MAP_MIN_WIDTH);
	view->canvas.w = width;
	view->boxes = calloc(n, sizeof *view->boxes);
	L.order = calloc(n, sizeof *L.order);
	L.rb = calloc(n, sizeof *L.rb);
	L.text = calloc(n, sizeof *L.text);
	L.row_h = calloc(n, sizeof *L.row_h);
	if (!view->boxes || !L.order || !L.rb || !L.text || !L.row_h)
		goto oom;
	plan_widths(&L);
	place_columns(&L);
	if (map_route(map, L.rb, width, &L.routes) < 0)
		goto oom;
	total = choose_detail(&L, view);
	if (total < 0 || canvas_grow(&view->canvas, total) < 0)
		goto oom;
	view->label_w = L.label_w;
	for (level = LEVEL_COUNT - 1; level >= 0 && y >= 0; level--) {
		if (level < LEVEL_COUNT - 1)
			y += L.routes.used[level] ? 2 : 1;
		y = draw_band(&L, view, level, y);
	}
	if (y < 0)
		goto oom;
	/* the lines last: they join the borders of the boxes */
	for (level = 0; level < LEVEL_COUNT - 1; level++)
		if (L.routes.used[level])
			draw_gap(&L, &view->canvas, level + 1, view->band_y[level] - 2);
	view->drawn = L.routes.drawn;
	L.routes.drawn = NULL;
	layout_free(&L);
	return 0;
oom:
	layout_free(&L);
	map_view_free(view);
	return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
}

void map_view_free(struct map_view *view)
{
	canvas_free(&view->canvas);
	free(view->boxes);
	free(view->drawn);
	memset(view, 0, sizeof *view);
}
