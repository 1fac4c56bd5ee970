/* mapview.c - the route map picture: the canvas of core/map.c drawn with
 * the selected box, its causes and its effects marked (their codes in
 * colours, and without colours their frames too: heavy for causes, double
 * for effects); arrows move from box to box; Enter opens the objective.
 * The map is laid out to fit the screen's height; a taller one scrolls,
 * each band's label staying in sight while any of the band shows.  The
 * plan's destination statement heads it.  Editing keys: mapedit.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/domain.h"
#include "routemap/i18n.h"
#include "routemap/map.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "mapview.h"
#include "views.h"

#define HEADER_ROWS 3

enum role { ROLE_NONE, ROLE_SELECTED, ROLE_CAUSE, ROLE_EFFECT };

/* What the box of objective OBJ is to the selected one. */
static enum role box_role(const struct mapv *m, size_t obj)
{
	size_t sel_obj = m->view.boxes[m->sel].objective, i;

	if (obj == sel_obj)
		return ROLE_SELECTED;
	for (i = 0; i < m->map.nlinks; i++) {
		if (m->map.links[i].from == obj && m->map.links[i].to == sel_obj)
			return ROLE_CAUSE;
		if (m->map.links[i].to == obj && m->map.links[i].from == sel_obj)
			return ROLE_EFFECT;
	}
	return ROLE_NONE;
}

/* The rows the map itself has on the screen: all but the title, message
 * and hint lines and the three lines above the map. */
static int map_rows(const struct ui *ui)
{
	return ui->lines - 3 - HEADER_ROWS;
}

static int layout(struct mapv *m, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	size_t keep = m->laid_out && m->view.nboxes ? m->view.boxes[m->sel].objective : (size_t)-1, i;

	if (m->laid_out)
		map_view_free(&m->view);
	m->laid_out = 0;
	if (map_render(&m->map, ui->cfg, ui->cols, map_rows(ui), ui->theme.ascii, &m->view,
		       &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return -1;
	}
	m->laid_out = 1;
	m->sel = 0;
	for (i = 0; i < m->view.nboxes; i++)
		if (m->view.boxes[i].objective == keep)
			m->sel = i;
	return 0;
}

static attr_t cell_attr(const struct ui *ui, unsigned char a)
{
	switch (a & ~CELL_CONT) {
	case CELL_BAND:
		return ui->theme.attr[T_BAND];
	case CELL_CODE:
		return ui->theme.attr[T_CODE];
	case CELL_LINK:
	case CELL_LINE:
		return ui->theme.attr[T_LINK];
	default:
		return A_NORMAL;
	}
}

/* Draw columns 0 .. COLS - 1 of canvas row CY at screen row Y, in runs of
 * one attribute. */
static void draw_row(struct ui *ui, const struct canvas *c, int cy, int y, int cols)
{
	struct buf run = { 0 };
	attr_t attr = A_NORMAL;
	int x, start = 0;

	for (x = 0; x <= cols; x++) {
		const struct canvas_cell *cell = x < cols ? &c->cells[(size_t)cy * (size_t)c->w + (size_t)x]
							  : NULL;
		attr_t a;

		if (cell && (cell->attr & CELL_CONT))
			continue;
		a = cell ? cell_attr(ui, cell->attr) : (attr_t)-1;
		if (run.len && (a != attr || !cell)) {
			attrset(attr);
			mvaddstr(y, start, run.s);
			buf_free(&run);
		}
		if (!cell)
			break;
		if (!run.len) {
			start = x;
			attr = a;
		}
		buf_puts(&run, cell->s[0] ? cell->s : " ");
	}
	attrset(A_NORMAL);
	buf_free(&run);
}

/* Redraw the code on BOX's top border in ATTR, if that border is on
 * screen.  Only codes are marked (the selected box's, its causes' and its
 * effects'): a move of the selection then changes two cells of each box
 * whose part changed, never a whole border or the Thai text inside (three
 * bytes a character). */
static void mark_box(const struct mapv *m, const struct map_box *b, int top, int rows,
		     attr_t attr)
{
	const struct canvas *c = &m->view.canvas;
	const struct canvas_cell *row = &c->cells[(size_t)b->y * (size_t)c->w];
	int x;

	if (b->y < m->scroll || b->y >= m->scroll + rows)
		return;
	attrset(attr);
	for (x = b->x; x < b->x + b->w; x++)
		if ((row[x].attr & 0x7f) == CELL_CODE && !(row[x].attr & CELL_CONT))
			mvaddstr(top + b->y - m->scroll, x, row[x].s[0] ? row[x].s : " ");
	attrset(A_NORMAL);
}

/* Draw BOX's frame in STYLE over the plain one, on the rows on screen:
 * each border cell of the canvas through map_frame_glyph (the code and
 * the junctions where lines leave stay as they are drawn). */
static void frame_box(const struct ui *ui, const struct mapv *m, const struct map_box *b,
		      int top, int rows, enum map_frame style)
{
	const struct canvas *c = &m->view.canvas;
	int x, y;

	for (y = b->y; y < b->y + b->h; y++) {
		int edge = y == b->y || y == b->y + b->h - 1;

		if (y < m->scroll || y >= m->scroll + rows)
			continue;
		for (x = b->x; x < b->x + b->w; x += edge ? 1 : b->w - 1) {
			const struct canvas_cell *cell = &c->cells[(size_t)y * (size_t)c->w + (size_t)x];

			if (cell->attr == CELL_BORDER && cell->s[0])
				mvaddstr(top + y - m->scroll, x,
					 map_frame_glyph(cell->s, style, ui->theme.ascii));
		}
	}
}

/* A band whose first rows are scrolled off keeps its label in sight: the
 * label column of its rows drawn from the first row shown. */
static void sticky_labels(struct ui *ui, const struct mapv *m, int top, int rows)
{
	int level;

	for (level = 0; level < LEVEL_COUNT; level++) {
		int by = m->view.band_y[level], end = by + m->view.band_h[level], i;

		if (by >= m->scroll || end <= m->scroll)
			continue;
		for (i = 0; i < end - m->scroll && i < rows; i++)
			draw_row(ui, &m->view.canvas, by + i, top + i, m->view.label_w);
	}
}

/* Keep the selected box on screen. */
static void scroll_to_selection(struct mapv *m, int rows)
{
	const struct map_box *b = &m->view.boxes[m->sel];

	if (b->y < m->scroll)
		m->scroll = b->y;
	if (b->y + b->h > m->scroll + rows)
		m->scroll = b->y + b->h - rows;
	if (m->scroll > m->view.canvas.h - rows)
		m->scroll = m->view.canvas.h - rows;
	if (m->scroll < 0)
		m->scroll = 0;
}

/* "caused by: S1 S2 S3 P1   leads to: P2": the selected box's causes and
 * effects.  The labels carry the looks of the codes they mark on the map
 * and "leads to:" keeps its column (the middle of the line, unless the
 * causes reach past it), so a move rewrites only the codes. */
static void draw_links_line(struct ui *ui, const struct mapv *m, int y)
{
	size_t obj = m->view.boxes[m->sel].objective, i;
	struct buf causes = { 0 }, effects = { 0 };
	int x = 0;

	for (i = 0; i < m->map.nlinks; i++) {
		if (m->map.links[i].to == obj)
			buf_printf(&causes, " %s", m->map.objectives[m->map.links[i].from].code);
		if (m->map.links[i].from == obj)
			buf_printf(&effects, " %s", m->map.objectives[m->map.links[i].to].code);
	}
	x += ui_put(y, x, _("caused by:"), ui->cols - x, ui->theme.attr[T_BOX_CAUSE], 0);
	x += ui_put(y, x, causes.len ? causes.s : " —", ui->cols - x, A_NORMAL, 0);
	x = x + 3 > ui->cols / 2 ? x + 3 : ui->cols / 2;
	if (x < ui->cols) {
		x += ui_put(y, x, _("leads to:"), ui->cols - x, ui->theme.attr[T_BOX_EFFECT], 0);
		ui_put(y, x, effects.len ? effects.s : " —", ui->cols - x, A_NORMAL, 0);
	}
	buf_free(&causes);
	buf_free(&effects);
}

static void map_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct mapv *m = v->data;
	const struct map_objective *o;
	struct buf line = { 0 };
	int rows = height - HEADER_ROWS, y;
	size_t i;

	/* the destination heads the map, as on the paper ones */
	if (m->map.destination && *m->map.destination)
		buf_printf(&line, "%s  %s %s", m->map.code, _("destination:"), m->map.destination);
	else
		buf_printf(&line, "%s  %s", m->map.code, m->map.title);
	ui_put(top, 0, line.s, ui->cols, ui->theme.attr[T_HEADING], 0);
	buf_free(&line);
	if (!m->laid_out)
		return;
	if (m->view.nboxes == 0) {
		ui_put(top + 1, 0, _("This plan has no objectives yet: a adds a box in a band."),
		       ui->cols, ui->theme.attr[T_DIM], 0);
		for (y = 0; y < rows && y < m->view.canvas.h; y++)
			draw_row(ui, &m->view.canvas, y, top + HEADER_ROWS + y, m->view.canvas.w);
		return;
	}
	/* the selected objective's code and title, in plain text: a colour
	 * here would cost two attribute changes on every move */
	o = &m->map.objectives[m->view.boxes[m->sel].objective];
	buf_printf(&line, "%s  %s", o->code, o->title);
	ui_put(top + 1, 0, line.s, ui->cols, A_NORMAL, 0);
	buf_free(&line);
	if (m->linking) {
		buf_printf(&line, _("link from %s to…: move to its effect and press Enter (on a linked "
				    "box: remove the link); Esc cancels"), m->link_from);
		ui_put(top + 2, 0, line.s, ui->cols, ui->theme.attr[T_BOX_CAUSE], 0);
		buf_free(&line);
	} else {
		draw_links_line(ui, m, top + 2);
	}
	scroll_to_selection(m, rows);
	for (y = 0; y < rows && m->scroll + y < m->view.canvas.h; y++)
		draw_row(ui, &m->view.canvas, m->scroll + y, top + HEADER_ROWS + y, m->view.canvas.w);
	sticky_labels(ui, m, top + HEADER_ROWS, rows);
	for (i = 0; i < m->view.nboxes; i++) {
		enum role r = box_role(m, m->view.boxes[i].objective);

		if (r != ROLE_CAUSE && r != ROLE_EFFECT)
			continue;
		/* without colours the frame tells causes from effects */
		if (!ui->theme.color)
			frame_box(ui, m, &m->view.boxes[i], top + HEADER_ROWS, rows,
				  r == ROLE_CAUSE ? FRAME_CAUSE : FRAME_EFFECT);
		mark_box(m, &m->view.boxes[i], top + HEADER_ROWS, rows,
			 ui->theme.attr[r == ROLE_CAUSE ? T_BOX_CAUSE : T_BOX_EFFECT]);
	}
	mark_box(m, &m->view.boxes[m->sel], top + HEADER_ROWS, rows,
		 ui->theme.attr[T_BOX_SELECTED]);
}

/* The box nearest the selected one in direction DX, DY: the nearest row
 * first, then the nearest column; of two as near, the one on the same
 * side of the map's middle (down from the right box of two goes to the
 * right one of three). */
static size_t nearest_box(const struct mapv *m, int dx, int dy)
{
	const struct map_box *cur = &m->view.boxes[m->sel];
	int cx = cur->x + cur->w / 2;
	int mid = m->view.label_w + (m->view.canvas.w - m->view.label_w) / 2;
	size_t i, best = m->sel;
	long best_score = -1;

	for (i = 0; i < m->view.nboxes; i++) {
		const struct map_box *b = &m->view.boxes[i];
		int bx = b->x + b->w / 2;
		long score;

		if (i == m->sel)
			continue;
		if (dy) {
			int d = (b->y - cur->y) * dy;

			if (d <= 0)
				continue;
			score = (long)d * 10000 + 2 * labs((long)(bx - cx)) +
				((long)(bx - cx) * (cx - mid) < 0);
		} else {
			int d = (bx - cx) * dx;

			if (b->y != cur->y || d <= 0)
				continue;
			score = d;
		}
		if (best_score < 0 || score < best_score) {
			best_score = score;
			best = i;
		}
	}
	return best;
}

static int map_act(struct view *v, struct ui *ui, enum action a)
{
	struct mapv *m = v->data;
	size_t was = m->sel;

	if (mapedit_act(m, v, ui, a))
		return 1;
	if (!m->laid_out || m->view.nboxes == 0)
		return 0;
	switch (a) {
	case ACT_MOVE_UP:
		m->sel = nearest_box(m, 0, -1);
		break;
	case ACT_MOVE_DOWN:
		m->sel = nearest_box(m, 0, 1);
		break;
	case ACT_MOVE_LEFT:
		m->sel = nearest_box(m, -1, 0);
		break;
	case ACT_MOVE_RIGHT:
		m->sel = nearest_box(m, 1, 0);
		break;
	case ACT_FIRST:
		m->sel = 0;
		break;
	case ACT_LAST:
		m->sel = m->view.nboxes - 1;
		break;
	case ACT_PAGE_UP:
		m->scroll = m->scroll > 10 ? m->scroll - 10 : 0;
		return 1;
	case ACT_PAGE_DOWN:
		m->scroll += 10;
		return 1;
	case ACT_OPEN:
		ui_open(ui, VIEW_OBJECTIVE, m->map.code,
			m->map.objectives[m->view.boxes[m->sel].objective].code);
		return 1;
	default:
		return 0;
	}
	if (m->sel == was)
		beep();
	return 1;
}

/* The hint line's legend of the marks: " cause " and " effect " in their
 * colours, or without colours their frames' corners, "┏ cause  ╔ effect"
 * ("# cause  = effect" in ASCII). */
static int map_legend(struct view *v, struct ui *ui, int y, int right)
{
	const char *cause = _("cause"), *effect = _("effect");
	int cw = text_width(cause), ew = text_width(effect), x;

	(void)v;
	if (ui->theme.color) {
		x = right - (cw + 2 + 1 + ew + 2);
		if (x < 0)
			return right;
		ui_put(y, x, " ", 1, ui->theme.attr[T_BOX_CAUSE], 0);
		ui_put(y, x + 1, cause, cw, ui->theme.attr[T_BOX_CAUSE], 0);
		ui_put(y, x + 1 + cw, " ", 1, ui->theme.attr[T_BOX_CAUSE], 0);
		ui_put(y, right - ew - 2, " ", 1, ui->theme.attr[T_BOX_EFFECT], 0);
		ui_put(y, right - ew - 1, effect, ew, ui->theme.attr[T_BOX_EFFECT], 0);
		ui_put(y, right - 1, " ", 1, ui->theme.attr[T_BOX_EFFECT], 0);
		return x;
	}
	x = right - (2 + cw + 2 + 2 + ew);
	if (x < 0)
		return right;
	ui_put(y, x, ui->theme.ascii ? "#" : "┏", 1, A_NORMAL, 0);
	ui_put(y, x + 2, cause, cw, A_NORMAL, 0);
	ui_put(y, right - ew - 2, ui->theme.ascii ? "=" : "╔", 1, A_NORMAL, 0);
	ui_put(y, right - ew, effect, ew, A_NORMAL, 0);
	return x;
}

static void map_resize(struct view *v, struct ui *ui)
{
	layout(v->data, ui);
}

static void map_free(struct view *v)
{
	struct mapv *m = v->data;

	if (m->laid_out)
		map_view_free(&m->view);
	plan_map_free(&m->map);
	free(m->plan);
	free(m);
}

const struct map_objective *mapv_selected(const struct mapv *m)
{
	if (!m->laid_out || m->view.nboxes == 0)
		return NULL;
	return &m->map.objectives[m->view.boxes[m->sel].objective];
}

void mapv_select_code(struct mapv *m, const char *code)
{
	size_t i;

	for (i = 0; m->laid_out && i < m->view.nboxes; i++)
		if (strcmp(m->map.objectives[m->view.boxes[i].objective].code, code) == 0)
			m->sel = i;
}

/* The map read again (a change here or elsewhere, an undo): the same box
 * selected, or a box just added (the newest), or the first. */
static void map_reload(struct view *v, struct ui *ui)
{
	struct mapv *m = v->data;
	const struct map_objective *o = mapv_selected(m);
	struct rm_error err = { 0, "" };
	struct plan_map nw;
	char keep[128] = "";
	sqlite3_int64 newest = 0;
	size_t i;

	if (o)
		snprintf(keep, sizeof keep, "%s", o->code);
	for (i = 0; i < m->map.nobjectives; i++)
		if (m->map.objectives[i].id > newest)
			newest = m->map.objectives[i].id;
	if (plan_map_load(ui->st, m->plan, &nw, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	plan_map_free(&m->map);
	m->map = nw;
	layout(m, ui);
	mapv_select_code(m, keep);
	for (i = 0; i < m->map.nobjectives; i++)
		if (m->map.objectives[i].id > newest) {
			mapv_select_code(m, m->map.objectives[i].code);
			newest = m->map.objectives[i].id;
		}
}

static const enum action map_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_LINK, ACT_MOVE_EARLIER, ACT_MOVE_LATER,
	ACT_MOVE_TO, ACT_UNDO, ACT_SEARCH, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_MOVE_LEFT, ACT_MOVE_RIGHT,
	ACT_BACK, ACT_COUNT
};

static const struct view_ops map_ops = {
	.name = N_("route map"),
	.reload = map_reload,
	.draw = map_draw,
	.act = map_act,
	.resize = map_resize,
	.free = map_free,
	.actions = map_actions,
	.legend = map_legend,
};

struct view *view_map_new(struct ui *ui, const struct ui_place *at)
{
	const char *plan = at->code, *objective = at->part;
	struct rm_error err = { 0, "" };
	struct mapv *m = calloc(1, sizeof *m);
	size_t i;

	if (!m || !(m->plan = strdup(plan ? plan : ""))) {
		free(m);
		return NULL;
	}
	if (plan_map_load(ui->st, plan, &m->map, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		free(m->plan);
		free(m);
		return NULL;
	}
	layout(m, ui);
	for (i = 0; objective && m->laid_out && i < m->view.nboxes; i++)
		if (strcmp(m->map.objectives[m->view.boxes[i].objective].code, objective) == 0)
			m->sel = i;
	return ui_view_new(&map_ops, m);
}
