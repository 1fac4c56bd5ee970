/* editlayout.c - the layout of a text being edited: a text area's lines
 * wrapped at Thai word boundaries with their byte offsets, rows and
 * columns to offsets and back, its vertical scroll, and a single-line
 * field's horizontal scroll. */
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/text.h"
#include "edit_int.h"

void edit_set_wrap(struct edit *e, int cols, int rows)
{
	e->wrap_cols = cols;
	e->page_rows = rows;
}

void edit_layout_free(struct edit_layout *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Append the line [start, end) of WIDTH columns to L, growing it. */
static int push_line(struct edit_layout *l, size_t *cap, size_t start, size_t end,
		     int width, int hard)
{
	if (l->n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		struct edit_line *t = realloc(l->v, ncap * sizeof *t);

		if (!t)
			return -1;
		l->v = t;
		*cap = ncap;
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].width = width;
	l->v[l->n].hard = hard;
	l->n++;
	return 0;
}

/* Wrap the paragraph S[ps, pe) into L.  WS (N word starts of the whole
 * text, ascending) with *WI the first not before PS. */
static int wrap_para(const char *s, size_t len, size_t ps, size_t pe, int cols,
		     const size_t *ws, size_t nws, size_t *wi,
		     struct edit_layout *l, size_t *cap)
{
	size_t line = ps, pos = ps;
	int lw = 0;

	while (cols > 0 && pos < pe) {
		size_t c = text_cluster_len(s + pos, len - pos), we, limit;
		int ww = 0;

		if (is_blank(first_cp(s + pos, c))) {
			int cw = edit_cluster_width(s + pos, c);

			/* a space that does not fit starts the next line */
			if (pos > line && lw + cw > cols) {
				if (push_line(l, cap, line, pos, lw, 0) < 0)
					return -1;
				line = pos;
				lw = 0;
			}
			lw += cw;
			pos += c;
			continue;
		}
		/* a word: up to a space or the next word start */
		while (*wi < nws && ws[*wi] <= pos)
			(*wi)++;
		limit = *wi < nws && ws[*wi] < pe ? ws[*wi] : pe;
		for (we = pos; we < limit; ) {
			size_t k = text_cluster_len(s + we, len - we);

			if (is_blank(first_cp(s + we, k)))
				break;
			ww += edit_cluster_width(s + we, k);
			we += k;
		}
		if (lw + ww <= cols) {
			lw += ww;
			pos = we;
			continue;
		}
		if (lw > 0) {
			if (push_line(l, cap, line, pos, lw, 0) < 0)
				return -1;
			line = pos;
			lw = 0;
		}
		/* a word wider than a line: split between clusters */
		while (pos < we) {
			size_t k = text_cluster_len(s + pos, len - pos);
			int cw = edit_cluster_width(s + pos, k);

			if (pos > line && lw + cw > cols) {
				if (push_line(l, cap, line, pos, lw, 0) < 0)
					return -1;
				line = pos;
				lw = 0;
			}
			lw += cw;
			pos += k;
		}
	}
	if (cols <= 0)
		lw = edit_width(s + ps, pe - ps);
	/* a full last line: the cursor after it goes on a line of its own */
	if (cols > 0 && lw >= cols) {
		if (push_line(l, cap, line, pe, lw, 0) < 0)
			return -1;
		line = pe;
		lw = 0;
	}
	return push_line(l, cap, line, pe, lw, 1);
}

int edit_wrap(const char *s, int cols, struct edit_layout *out)
{
	size_t len = strlen(s), cap = 0, nws = 0, wi = 0, i = 0;
	size_t *ws = NULL;

	out->v = NULL;
	out->n = 0;
	out->cols = cols;
	if (cols > 0) {
		ws = text_word_starts(s, &nws);
		if (!ws)
			return -1;
	}
	for (;;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;

		if (wrap_para(s, len, i, end, cols, ws, nws, &wi, out, &cap) < 0) {
			free(ws);
			edit_layout_free(out);
			return -1;
		}
		if (!nl)
			break;
		i = end + 1;
	}
	free(ws);
	return 0;
}

size_t edit_layout_row(const struct edit_layout *l, const char *s, size_t pos, int *col)
{
	size_t lo = 0, hi = l->n;   /* the last line starting at or before POS */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->v[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	if (col) {
		size_t end = pos < l->v[lo].end ? pos : l->v[lo].end;

		*col = end > l->v[lo].start ?
			edit_width(s + l->v[lo].start, end - l->v[lo].start) : 0;
	}
	return lo;
}

size_t edit_layout_offset(const struct edit_layout *l, const char *s, size_t row, int col)
{
	const struct edit_line *ln = &l->v[row < l->n ? row : l->n - 1];
	size_t q = ln->start, end = ln->end, limit = end;
	int w = 0;

	if (!ln->hard && end > ln->start) {
		/* the end of a wrapped line is the start of the next one */
		size_t b = ln->start;

		while (b + text_cluster_len(s + b, end - b) < end)
			b += text_cluster_len(s + b, end - b);
		limit = b;
	}
	while (q < limit) {
		size_t c = text_cluster_len(s + q, end - q);
		int cw = edit_cluster_width(s + q, c);

		if (w + cw > col)
			break;
		w += cw;
		q += c;
	}
	return q;
}

const struct edit_layout *edit_layout(struct edit *e)
{
	int cols = (e->flags & EDIT_MULTILINE) ? e->wrap_cols : 0;
	size_t cap = 0;

	if (cols < 0)
		cols = 0;
	if (e->lay_valid && e->lay_gen == e->gen && e->lay_cols == cols)
		return &e->lay;
	edit_layout_free(&e->lay);
	e->lay_valid = 0;
	if (e->flags & EDIT_MULTILINE) {
		if (edit_wrap(edit_text(e), cols, &e->lay) < 0)
			return NULL;
	} else {
		e->lay.cols = 0;
		if (push_line(&e->lay, &cap, 0, e->len, edit_width(edit_text(e), e->len), 1) < 0)
			return NULL;
	}
	e->lay_valid = 1;
	e->lay_gen = e->gen;
	e->lay_cols = cols;
	return &e->lay;
}

int edit_area_view(struct edit *e, int rows, size_t *top, size_t *cursor_row,
		   int *cursor_col)
{
	const struct edit_layout *l = edit_layout(e);
	size_t row, r = rows > 0 ? (size_t)rows : 1;

	if (!l)
		return -1;
	row = edit_layout_row(l, e->text, e->cursor, cursor_col);
	if (e->vscroll >= l->n)
		e->vscroll = l->n - 1;
	if (row < e->vscroll)
		e->vscroll = row;
	if (row >= e->vscroll + r)
		e->vscroll = row - r + 1;
	/* no empty rows below while there are lines above */
	if (e->vscroll > 0 && l->n - e->vscroll < r)
		e->vscroll = l->n > r ? l->n - r : 0;
	*top = e->vscroll;
	*cursor_row = row;
	return 0;
}

void edit_field_view(struct edit *e, int cols, struct edit_view *v)
{
	const char *s = edit_text(e);
	size_t len = e->len, h, q;
	int w;

	h = edit_boundary_before(s, len, e->hscroll);
	if (e->cursor < h)
		h = e->cursor;
	if (cols > 0) {
		/* scroll right until the cursor and its cell fit */
		int cell = e->cursor < len ?
			edit_cluster_width(s + e->cursor, text_cluster_len(s + e->cursor, len - e->cursor)) : 1;
		if (cell < 1)
			cell = 1;
		w = edit_width(s + h, e->cursor - h);
		while (h < e->cursor && w + cell > cols) {
			size_t c = text_cluster_len(s + h, len - h);

			w -= edit_cluster_width(s + h, c);
			h += c;
		}
		/* scroll left while the rest of the text leaves room: the columns
		 * needed are the text's, or up to the cursor and its cell (at
		 * least one, even on a zero-width character), whichever is more */
		if (h > 0) {
			int full = edit_width(s, len), upto = edit_width(s, e->cursor) + cell;
			int need = full > upto ? full : upto, prefix = edit_width(s, h);

			if (need - prefix < cols) {
				prefix = 0;
				q = 0;
				while (q < h && need - prefix > cols) {
					size_t c = text_cluster_len(s + q, len - q);

					prefix += edit_cluster_width(s + q, c);
					q += c;
				}
				h = q;
			}
		}
	}
	e->hscroll = h;
	v->start = h;
	v->cursor_col = edit_width(s + h, e->cursor - h);
	w = 0;
	q = h;
	while (q < len) {
		size_t c = text_cluster_len(s + q, len - q);
		int cw = edit_cluster_width(s + q, c);

		if (w + cw > cols)
			break;
		w += cw;
		q += c;
	}
	v->end = q;
	v->width = w;
}
