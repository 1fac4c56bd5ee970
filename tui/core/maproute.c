/* maproute.c - cause -> effect lines in the gaps between the bands of the
 * route map.
 *
 * A gap is two rows: row 0 under the upper band, row 1 over the lower one.
 * Every effect with causes in the neighbouring band gets one net: an arrow
 * head in the row next to it, and a line from each cause's border to that
 * arrow, running sideways in one of the two rows.  Nets never share a cell,
 * never sit side by side in a row, and never touch across the rows where
 * one of them turns or ends in an arrow: so every line reads one way.  A
 * cause that cannot join its effect's net so keeps its link as text.
 */
#include <stdlib.h>
#include <string.h>

#include "routemap/map.h"

#define XE_TRIES 12   /* arrow columns tried per net and run row */

/* One effect and its causes across one gap. */
struct net {
	size_t effect;            /* objective */
	size_t *causes;           /* objectives, nearest first */
	size_t n;
	int reach;                /* how far its farthest cause is */
};

/* What routing one gap works on. */
struct gap_ctx {
	const struct plan_map *map;
	const struct route_box *boxes;
	int width;
	int upper;                /* the upper band's level; the lower is upper - 1 */
};

/* The columns of box B's border where a line may meet it: not the corners
 * nor the cells beside them, and on a top border (the box is below the
 * gap) not the code.  Sets *LO > *HI when there are none. */
static void attach_range(const struct gap_ctx *c, const struct route_box *b, int *lo, int *hi)
{
	*lo = b->x + 2;
	*hi = b->x + b->w - 3;
	if (b->level != c->upper && b->code_end + 2 > *lo)
		*lo = b->code_end + 2;
}

/* Columns from X to the range LO..HI (0 inside it). */
static int dist_to(int x, int lo, int hi)
{
	return x < lo ? lo - x : x > hi ? x - hi : 0;
}

static struct route_cell *cell_at(struct route_cell *g, int width, int x, int r)
{
	return &g[r * width + x];
}

/* May net NET have cell (X, R) with ARMS more (and be an arrow head when
 * ARROW)?  Not when another net has it, or the cell beside it in the row,
 * or the cell across the rows while either of the two reaches for the
 * other or is an arrow head. */
static int can_take(struct route_cell *g, int width, int x, int r, int net, unsigned arms,
		    int arrow)
{
	const unsigned toward_other = r == 0 ? ARM_DOWN : ARM_UP;
	const unsigned toward_me = r == 0 ? ARM_UP : ARM_DOWN;
	struct route_cell *me, *v;
	int dx;

	if (x < 0 || x >= width)
		return 0;
	me = cell_at(g, width, x, r);
	if (me->net != -1 && me->net != net)
		return 0;
	for (dx = -1; dx <= 1; dx += 2) {
		if (x + dx < 0 || x + dx >= width)
			continue;
		if (cell_at(g, width, x + dx, r)->net != -1 && cell_at(g, width, x + dx, r)->net != net)
			return 0;
	}
	v = cell_at(g, width, x, 1 - r);
	if (v->net != -1 && v->net != net &&
	    ((arms & toward_other) || arrow || me->arrow || v->arrow || (v->arms & toward_me)))
		return 0;
	return 1;
}

/* A cell to set: where, the arms it gains, whether it is the arrow head. */
struct step {
	int x, r;
	unsigned arms;
	int arrow;
};

/* The cells joining a cause at column XC to the arrow at column XE: the
 * run sideways in row RUN, the arrow head in row RE (pointing away from
 * row RC, the causes' side).  Returns the number of steps written to S
 * (room for width + 4). */
static int join_steps(int xe, int xc, int re, int run, struct step *s)
{
	const int rc = 1 - re;
	const unsigned toward_e = re == 0 ? ARM_UP : ARM_DOWN, toward_c = re == 0 ? ARM_DOWN : ARM_UP;
	int n = 0, lo = xe < xc ? xe : xc, hi = xe < xc ? xc : xe, x;

	/* the arrow head, joined to the row beside it when the run is there
	 * or the line comes straight */
	s[n++] = (struct step){ xe, re, run == rc || xc == xe ? toward_c : 0, 1 };
	if (run == rc || xc == xe)
		s[n++] = (struct step){ xe, rc, toward_e, 0 };
	for (x = lo; x <= hi && lo < hi; x++)
		s[n++] = (struct step){ x, run, (x > lo ? ARM_LEFT : 0u) | (x < hi ? ARM_RIGHT : 0u), 0 };
	/* the cause's end: down (or up) to its border, through the other
	 * row when the run is on the effect's side */
	if (run == re && xc != xe) {
		s[n++] = (struct step){ xc, re, toward_c, 0 };
		s[n++] = (struct step){ xc, rc, toward_c | toward_e, 0 };
	} else {
		s[n++] = (struct step){ xc, rc, toward_c, 0 };
	}
	return n;
}

/* Join the cause at XC to net NET in grid G if no cell is in another
 * net's way; 1 when joined, else 0 and G unchanged. */
static int join(struct route_cell *g, int width, int net, int xe, int xc, int re, int run,
		struct step *s)
{
	int n = join_steps(xe, xc, re, run, s), i;

	for (i = 0; i < n; i++)
		if (!can_take(g, width, s[i].x, s[i].r, net, s[i].arms, s[i].arrow))
			return 0;
	for (i = 0; i < n; i++) {
		struct route_cell *cell = cell_at(g, width, s[i].x, s[i].r);

		cell->net = net;
		cell->arms |= (unsigned char)s[i].arms;
		if (s[i].arrow)
			cell->arrow = re == 0 ? ARM_UP : ARM_DOWN;
	}
	return 1;
}

/* One way to draw net N: its arrow at column XE, the run in row RUN.
 * Fills G (a copy of the gap so far) and JOINED (per cause); returns how
 * many causes joined, times 10000, less the cells used. */
static long try_net(const struct gap_ctx *c, const struct net *n, int id, int xe, int run,
		    struct route_cell *g, unsigned char *joined, struct step *s)
{
	const int re = (int)c->map->objectives[n->effect].level == c->upper ? 0 : 1;
	long score = 0;
	size_t k;
	int x;

	for (k = 0; k < n->n; k++) {
		const struct route_box *b = &c->boxes[n->causes[k]];
		int lo, hi, d;

		joined[k] = 0;
		attach_range(c, b, &lo, &hi);
		/* the cause's columns nearest the arrow first */
		for (d = 0; !joined[k] && d <= c->width; d++) {
			for (x = xe - d; x <= xe + d; x += d ? 2 * d : 1) {
				if (x < lo || x > hi)
					continue;
				if (join(g, c->width, id, xe, x, re, run, s)) {
					joined[k] = 1;
					score += 10000;
					break;
				}
			}
		}
	}
	for (x = 0; x < 2 * c->width; x++)
		if (g[x].net == id)
			score--;
	return score;
}

/* Columns of the effect's border for its arrow, best first: nearest to
 * the causes (a straight line where one lies under it), then to its
 * middle.  Returns how many went into XS (at most XE_TRIES). */
static int arrow_columns(const struct gap_ctx *c, const struct net *n, int *xs)
{
	const struct route_box *e = &c->boxes[n->effect];
	long cost[XE_TRIES];
	int lo, hi, x, count = 0, i;

	attach_range(c, e, &lo, &hi);
	for (x = lo; x <= hi; x++) {
		long v = 0;
		size_t k;

		for (k = 0; k < n->n; k++) {
			int clo, chi;

			attach_range(c, &c->boxes[n->causes[k]], &clo, &chi);
			v += 1000L * dist_to(x, clo, chi);
		}
		v += labs((long)(2 * x - (2 * e->x + e->w - 1)));
		for (i = count; i > 0 && cost[i - 1] > v; i--) {
			if (i < XE_TRIES) {
				cost[i] = cost[i - 1];
				xs[i] = xs[i - 1];
			}
		}
		if (i < XE_TRIES) {
			cost[i] = v;
			xs[i] = x;
			if (count < XE_TRIES)
				count++;
		}
	}
	return count;
}

/* Draw net N (number ID) into the gap G as well as it can be: every
 * arrow column and both run rows tried, the way joining the most causes
 * with the fewest cells kept.  Marks the drawn links.  0, or -1 (oom). */
static int route_net(const struct gap_ctx *c, const struct net *n, int id, struct route_cell *g,
		     unsigned char *drawn)
{
	size_t cells = 2 * (size_t)c->width;
	struct route_cell *trial = malloc(cells * sizeof *trial), *best = malloc(cells * sizeof *best);
	unsigned char *joined = calloc(n->n, 1), *best_joined = calloc(n->n, 1);
	struct step *s = malloc(((size_t)c->width + 4) * sizeof *s);
	long best_score = 0;
	const int rc = (int)c->map->objectives[n->effect].level == c->upper ? 1 : 0;
	int xs[XE_TRIES], nx = arrow_columns(c, n, xs), i, r;
	size_t k, l;

	if (!trial || !best || !joined || !best_joined || !s) {
		best_score = -1;
		goto out;
	}
	/* the run on the causes' side first: the arrow then stands alone */
	for (r = 0; r < 2; r++) {
		for (i = 0; i < nx; i++) {
			long score;

			memcpy(trial, g, cells * sizeof *trial);
			score = try_net(c, n, id, xs[i], r == 0 ? rc : 1 - rc, trial, joined, s);
			if (score > best_score) {
				best_score = score;
				memcpy(best, trial, cells * sizeof *best);
				memcpy(best_joined, joined, n->n);
			}
		}
	}
	if (best_score > 0) {
		memcpy(g, best, cells * sizeof *g);
		for (k = 0; k < n->n; k++)
			for (l = 0; best_joined[k] && l < c->map->nlinks; l++)
				if (c->map->links[l].from == n->causes[k] && c->map->links[l].to == n->effect)
					drawn[l] = 1;
	}
out:
	free(trial);
	free(best);
	free(joined);
	free(best_joined);
	free(s);
	return best_score < 0 ? -1 : 0;
}

/* Does the link L cross gap C, between boxes facing it? */
static int crosses_gap(const struct gap_ctx *c, const struct map_link *l)
{
	const struct route_box *f = &c->boxes[l->from], *t = &c->boxes[l->to];
	const struct route_box *up = f->level == c->upper ? f : t, *down = up == f ? t : f;

	if (l->from == l->to)
		return 0;
	return up->level == c->upper && down->level == c->upper - 1 && up->faces_down &&
	       down->faces_up;
}

/* The nets of gap C: one per effect, causes nearest first, the nets with
 * the nearest causes first.  Returns the count, or -1 (oom). */
static int collect_nets(const struct gap_ctx *c, struct net *nets)
{
	const struct plan_map *m = c->map;
	int count = 0, i, j;
	size_t l, k;

	for (l = 0; l < m->nlinks; l++) {
		struct net *n = NULL;

		if (!crosses_gap(c, &m->links[l]))
			continue;
		for (i = 0; i < count; i++)
			if (nets[i].effect == m->links[l].to)
				n = &nets[i];
		if (!n) {
			n = &nets[count++];
			memset(n, 0, sizeof *n);
			n->effect = m->links[l].to;
			n->causes = calloc(m->nlinks, sizeof *n->causes);
			if (!n->causes)
				return -1;
		}
		for (k = 0; k < n->n && n->causes[k] != m->links[l].from; k++)
			;
		if (k == n->n)
			n->causes[n->n++] = m->links[l].from;
	}
	for (i = 0; i < count; i++) {
		const struct route_box *e = &c->boxes[nets[i].effect];
		int mid = e->x + e->w / 2, dist[64];

		/* insertion sort of the causes by how far they stand (the
		 * first 64; a net of more keeps the rest in link order) */
		for (k = 0; k < nets[i].n && k < 64; k++) {
			const struct route_box *b = &c->boxes[nets[i].causes[k]];
			size_t at = k, cause = nets[i].causes[k];
			int d = dist_to(mid, b->x, b->x + b->w - 1);

			for (; at > 0 && dist[at - 1] > d; at--) {
				dist[at] = dist[at - 1];
				nets[i].causes[at] = nets[i].causes[at - 1];
			}
			dist[at] = d;
			nets[i].causes[at] = cause;
			if (d > nets[i].reach)
				nets[i].reach = d;
		}
	}
	for (i = 1; i < count; i++)
		for (j = i; j > 0 && nets[j - 1].reach > nets[j].reach; j--) {
			struct net t = nets[j];

			nets[j] = nets[j - 1];
			nets[j - 1] = t;
		}
	return count;
}

/* Route the gap under level UPPER into ROUTES. 0, or -1 (oom). */
static int route_gap(const struct plan_map *map, const struct route_box *boxes, int upper,
		     struct map_routes *routes)
{
	struct gap_ctx c = { map, boxes, routes->width, upper };
	struct route_cell *g = routes->gap[upper - 1];
	struct net *nets = calloc(map->nlinks ? map->nlinks : 1, sizeof *nets);
	int count, i, rc = 0;

	if (!nets)
		return -1;
	count = collect_nets(&c, nets);
	for (i = 0; count >= 0 && i < count && rc == 0; i++)
		rc = route_net(&c, &nets[i], i, g, routes->drawn);
	for (i = 0; i < (int)map->nlinks; i++)
		if (nets[i].causes)
			free(nets[i].causes);
	free(nets);
	for (i = 0; i < 2 * routes->width; i++)
		if (g[i].net != -1)
			routes->used[upper - 1] = 1;
	return count < 0 ? -1 : rc;
}

int map_route(const struct plan_map *map, const struct route_box *boxes, int width,
	      struct map_routes *routes)
{
	int gap, i;

	memset(routes, 0, sizeof *routes);
	routes->width = width;
	routes->drawn = calloc(map->nlinks ? map->nlinks : 1, 1);
	if (!routes->drawn)
		return -1;
	for (gap = 0; gap < LEVEL_COUNT - 1; gap++) {
		routes->gap[gap] = calloc(2 * (size_t)width, sizeof *routes->gap[gap]);
		if (!routes->gap[gap]) {
			map_routes_free(routes);
			return -1;
		}
		for (i = 0; i < 2 * width; i++)
			routes->gap[gap][i].net = -1;
		if (route_gap(map, boxes, gap + 1, routes) < 0) {
			map_routes_free(routes);
			return -1;
		}
	}
	return 0;
}

void map_routes_free(struct map_routes *routes)
{
	int gap;

	for (gap = 0; gap < LEVEL_COUNT - 1; gap++)
		free(routes->gap[gap]);
	free(routes->drawn);
	memset(routes, 0, sizeof *routes);
}

const char *route_glyph(const struct route_cell *cell, int ascii)
{
	static const char *const lines[16] = {
		" ", "│", "│", "│", "─", "┘", "┐", "┤", "─", "└", "┌", "├", "─", "┴", "┬", "┼",
	};
	unsigned arms = cell->arms & 15u;

	if (cell->arrow)
		return ascii ? (cell->arrow == ARM_UP ? "^" : "v") : (cell->arrow == ARM_UP ? "▲" : "▼");
	if (!ascii)
		return lines[arms];
	if (!arms)
		return " ";
	return !(arms & (ARM_LEFT | ARM_RIGHT)) ? "|" : !(arms & (ARM_UP | ARM_DOWN)) ? "-" : "+";
}
