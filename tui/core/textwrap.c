/* textwrap.c - text in lines of a number of columns, broken at spaces and
 * at Thai word boundaries (libthai's dictionary), and the places where a
 * word starts, for word-wise cursor moves. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include "routemap/text.h"
#include "text_int.h"

/* ---------------------------------------------------------- word breaks */

static ThBrk *brk_cache;
static int brk_tried;

static void brk_free(void)
{
	if (brk_cache)
		th_brk_delete(brk_cache);
	brk_cache = NULL;
}

/* libthai's word breaker with its default dictionary, loaded once (it is
 * slow to load) and freed at exit.  NULL when it cannot be loaded: then
 * only spaces break. */
static ThBrk *get_brk(void)
{
	if (!brk_tried) {
		brk_tried = 1;
		brk_cache = th_brk_new(NULL);
		if (brk_cache)
			atexit(brk_free);
	}
	return brk_cache;
}

/* A word of a paragraph: bytes [start, end), no spaces inside. */
struct word {
	size_t start, end;
};

/* Split the paragraph P (LEN bytes, no newline) into words: runs of
 * non-space characters cut at libthai's word boundaries (only where a
 * cluster ends).  Returns a malloc'd array (count in *N; caller frees) or
 * NULL when out of memory. */
static struct word *split_words(const char *p, size_t len, size_t *n)
{
	wchar_t *wc = NULL;
	size_t *off = NULL, nwc = 0, i, nw = 0, next_brk = 0;
	unsigned char *brk_at = NULL;   /* byte offsets where a break may be */
	struct word *w = NULL;
	int *pos = NULL;
	ThBrk *brk;

	*n = 0;
	wc = malloc((len + 1) * sizeof *wc);
	off = malloc((len + 1) * sizeof *off);
	brk_at = calloc(len + 1, 1);
	w = malloc((len + 1) * sizeof *w);
	if (!wc || !off || !brk_at || !w)
		goto fail;
	for (i = 0; i < len; ) {
		uint32_t cp;
		int k = decode_lax(p + i, len - i, &cp);

		off[nwc] = i;
		wc[nwc++] = (cp == 0) ? 0xFFFD : (wchar_t)cp;
		i += (size_t)k;
	}
	off[nwc] = len;
	wc[nwc] = 0;

	brk = get_brk();
	if (brk && nwc > 0) {
		int m, j;

		pos = malloc((nwc + 1) * sizeof *pos);
		if (!pos)
			goto fail;
		m = th_brk_wc_find_breaks(brk, wc, pos, nwc + 1);
		for (j = 0; j < m; j++)
			if (pos[j] > 0 && (size_t)pos[j] < nwc)
				brk_at[off[pos[j]]] = 1;
	}

	/* Walk cluster by cluster, opening a word at a non-space cluster
	 * after a space or at a libthai break. */
	i = 0;
	while (i < len) {
		size_t c = text_cluster_len(p + i, len - i);
		uint32_t cp;

		decode_lax(p + i, len - i, &cp);
		if (is_space(cp)) {
			next_brk = 1;
		} else {
			if (nw == 0 || next_brk || brk_at[i]) {
				w[nw].start = i;
				nw++;
			}
			w[nw - 1].end = i + c;
			next_brk = 0;
		}
		i += c;
	}
	free(wc);
	free(off);
	free(brk_at);
	free(pos);
	*n = nw;
	return w;
fail:
	free(wc);
	free(off);
	free(brk_at);
	free(pos);
	free(w);
	return NULL;
}

/* A growing line buffer. */
struct linebuf {
	char *s;
	size_t len, cap;
	int width;
};

static int lb_add(struct linebuf *b, const char *src, size_t n, int w)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *t;

		while (cap < b->len + n + 1)
			cap *= 2;
		t = realloc(b->s, cap);
		if (!t)
			return -1;
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->len, src, n);
	b->len += n;
	b->s[b->len] = '\0';
	b->width += w;
	return 0;
}

/* Move the line in B (possibly empty) to the end of OUT. */
static int lines_push(struct text_lines *out, struct linebuf *b)
{
	char **v = realloc(out->v, (out->n + 1) * sizeof *v);

	if (!v)
		return -1;
	out->v = v;
	if (!b->s) {
		b->s = malloc(1);
		if (!b->s)
			return -1;
		b->s[0] = '\0';
	}
	out->v[out->n++] = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	b->width = 0;
	return 0;
}

/* Wrap one paragraph P (LEN bytes, no newline) into OUT: always at least
 * one line.  The paragraph's leading spaces are kept when they fit before
 * the first word; spaces where a line breaks are dropped. */
static int wrap_para(const char *p, size_t len, int cols, struct text_lines *out)
{
	struct linebuf b = { NULL, 0, 0, 0 };
	struct word *w;
	size_t nw, k, gap_start = 0;

	w = split_words(p, len, &nw);
	if (!w)
		return -1;
	for (k = 0; k < nw; k++) {
		const char *ws = p + w[k].start;
		size_t wl = w[k].end - w[k].start;
		int ww = text_width_n(ws, wl);
		int gw = text_width_n(p + gap_start, w[k].start - gap_start);

		if (b.width + gw + ww <= cols) {
			if (lb_add(&b, p + gap_start, w[k].start - gap_start, gw) < 0 ||
			    lb_add(&b, ws, wl, ww) < 0)
				goto fail;
		} else {
			size_t i = 0;

			if (b.len > 0 && lines_push(out, &b) < 0)
				goto fail;
			/* the word alone on a line, split between clusters
			 * when wider than a line */
			while (i < wl) {
				size_t c = text_cluster_len(ws + i, wl - i);
				int cw = text_width_n(ws + i, c);

				if (b.len > 0 && b.width + cw > cols &&
				    lines_push(out, &b) < 0)
					goto fail;
				if (lb_add(&b, ws + i, c, cw) < 0)
					goto fail;
				i += c;
			}
		}
		gap_start = w[k].end;
	}
	if (lines_push(out, &b) < 0)
		goto fail;
	free(w);
	return 0;
fail:
	free(b.s);
	free(w);
	return -1;
}

/* Empty input gives no lines; otherwise each '\n' ends a paragraph and
 * every paragraph gives at least one line, so "\n" gives two empty lines
 * and "abc\n" gives "abc" and "".  A CR before a newline is dropped.  A
 * single cluster wider than COLS (a CJK character at COLS 1) still gets a
 * line of its own. */
int text_wrap(const char *s, int cols, struct text_lines *out)
{
	size_t len = strlen(s), i = 0;

	out->v = NULL;
	out->n = 0;
	if (cols < 1)
		cols = 1;
	if (len == 0)
		return 0;
	for (;;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, pend = end;

		if (nl && pend > i && s[pend - 1] == '\r')
			pend--;
		if (wrap_para(s + i, pend - i, cols, out) < 0) {
			text_lines_free(out);
			return -1;
		}
		if (!nl)
			break;
		i = end + 1;
	}
	return 0;
}

void text_lines_free(struct text_lines *lines)
{
	size_t i;

	for (i = 0; i < lines->n; i++)
		free(lines->v[i]);
	free(lines->v);
	lines->v = NULL;
	lines->n = 0;
}

size_t *text_word_starts(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, cnt = 0, cap = 16;
	size_t *v = malloc(cap * sizeof *v);

	*n = 0;
	if (!v)
		return NULL;
	for (;;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, nw, k;
		struct word *w = split_words(s + i, end - i, &nw);

		if (!w) {
			free(v);
			return NULL;
		}
		for (k = 0; k < nw; k++) {
			if (cnt == cap) {
				size_t *t = realloc(v, 2 * cap * sizeof *v);

				if (!t) {
					free(w);
					free(v);
					return NULL;
				}
				v = t;
				cap *= 2;
			}
			v[cnt++] = i + w[k].start;
		}
		free(w);
		if (!nl)
			break;
		i = end + 1;
	}
	*n = cnt;
	return v;
}
