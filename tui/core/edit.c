/* edit.c - the editing model of a text field or text area: a UTF-8 buffer
 * with a cursor between grapheme clusters, Thai input order, number-only
 * fields, moves by cluster, word, line and page, and text pasted in.  How
 * the widgets draw a text (widths, orphan marks, escapes) is in
 * editdraw.c; the layout they draw (scrolling, wrapping at Thai word
 * boundaries) in editlayout.c.
 *
 * Clusters never span a '\n' (a control character is a cluster of its
 * own), so the byte after a '\n' is always a cluster boundary: walks that
 * need to find a boundary before an offset start from the line start.
 */
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/escape.h"
#include "routemap/text.h"
#include "edit_int.h"

/* ------------------------------------------------------------ helpers */

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static int is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x0E50 && cp <= 0x0E59);
}

/* The offset just after the last '\n' before POS, or 0: a cluster
 * boundary. */
static size_t line_start_before(const char *s, size_t pos)
{
	while (pos > 0 && s[pos - 1] != '\n')
		pos--;
	return pos;
}

/* The cluster boundary at or before POS in S (LEN bytes). */
size_t edit_boundary_before(const char *s, size_t len, size_t pos)
{
	size_t b;

	if (pos > len)
		pos = len;
	b = line_start_before(s, pos);
	while (b < pos) {
		size_t c = text_cluster_len(s + b, len - b);

		if (b + c > pos)
			return b;
		b += c;
	}
	return b;
}

/* The cluster boundary at or after POS: the end of the cluster POS falls
 * inside of, or POS itself. */
static size_t boundary_after(const char *s, size_t len, size_t pos)
{
	size_t b = edit_boundary_before(s, len, pos);

	if (b == pos)
		return pos;
	return b + text_cluster_len(s + b, len - b);
}

/* The start of the cluster that ends at boundary POS (> 0). */
static size_t prev_boundary(const char *s, size_t len, size_t pos)
{
	if (s[pos - 1] == '\n')
		return pos - 1;
	return edit_boundary_before(s, len, pos - 1);
}

/* ------------------------------------------------------------- buffer */

int edit_init(struct edit *e, unsigned flags, size_t max_chars)
{
	memset(e, 0, sizeof *e);
	e->text = malloc(16);
	if (!e->text)
		return -1;
	e->text[0] = '\0';
	e->cap = 16;
	e->flags = flags;
	e->max_chars = max_chars;
	e->goal_col = -1;
	e->typed_gen = (unsigned long)-1;
	return 0;
}

void edit_free(struct edit *e)
{
	free(e->text);
	edit_layout_free(&e->lay);
	memset(e, 0, sizeof *e);
}

/* Make room for LEN + EXTRA bytes and the NUL. */
static int reserve(struct edit *e, size_t extra)
{
	size_t need = e->len + extra + 1, cap = e->cap ? e->cap : 16;
	char *t;

	if (need <= e->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	t = realloc(e->text, cap);
	if (!t)
		return -1;
	e->text = t;
	e->cap = cap;
	return 0;
}

static void changed(struct edit *e)
{
	e->gen++;
	e->goal_col = -1;
}

int edit_set_text(struct edit *e, const char *s)
{
	size_t n = strlen(s);

	if (n == e->len && memcmp(s, e->text, n) == 0)
		return EDIT_UNCHANGED;
	if (n + 1 > e->cap) {
		char *t = malloc(n + 1);

		if (!t)
			return EDIT_NOMEM;
		free(e->text);
		e->text = t;
		e->cap = n + 1;
	}
	memcpy(e->text, s, n + 1);
	e->len = n;
	e->cursor = n;
	e->hscroll = 0;
	e->vscroll = 0;
	changed(e);
	return EDIT_OK;
}

const char *edit_text(const struct edit *e)
{
	return e->text ? e->text : "";
}

size_t edit_len(const struct edit *e)
{
	return e->len;
}

unsigned long edit_generation(const struct edit *e)
{
	return e->gen;
}

size_t edit_cursor(const struct edit *e)
{
	return e->cursor;
}

/* Move the cursor to POS, snapped forward to a cluster boundary. */
static int move_to(struct edit *e, size_t pos)
{
	pos = boundary_after(e->text, e->len, pos > e->len ? e->len : pos);
	e->goal_col = -1;
	if (pos == e->cursor)
		return EDIT_UNCHANGED;
	e->cursor = pos;
	e->typed_gen = (unsigned long)-1;   /* a move: nothing is "just typed" now */
	return EDIT_MOVED;
}

int edit_set_cursor(struct edit *e, size_t pos)
{
	return move_to(e, pos);
}

/* ------------------------------------------------------------ editing */

static size_t count_cps(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The start of the last code point before POS (> 0); an invalid byte
 * counts alone. */
static size_t last_cp_start(const char *s, size_t pos)
{
	size_t p = pos - 1;
	uint32_t cp;

	while (p > 0 && pos - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	if (utf8_decode(s + p, pos - p, &cp) != (int)(pos - p))
		return pos - 1;
	return p;
}

/* May CP go at the cursor of a number field: digits anywhere after the
 * sign, one decimal point, a sign at the very start. */
static int number_accepts(const struct edit *e, uint32_t cp)
{
	int has_sign = e->len > 0 && (e->text[0] == '-' || e->text[0] == '+');

	if (e->cursor == 0 && has_sign)
		return 0;   /* nothing goes before the sign */
	if (is_digit(cp))
		return 1;
	if (cp == '.')
		return memchr(e->text, '.', e->len) == NULL;
	if (cp == '-' || cp == '+')
		return e->cursor == 0;
	return 0;
}

int edit_insert(struct edit *e, uint32_t cp)
{
	char buf[4];
	uint32_t prev = 0;
	int n;

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return EDIT_REFUSED;
	if (cp == '\n') {
		if (!(e->flags & EDIT_MULTILINE) || (e->flags & EDIT_NUMBER))
			return EDIT_REFUSED;
	} else if (is_control(cp) || escape_is_bidi(cp)) {
		return EDIT_REFUSED;
	}
	if ((e->flags & EDIT_NUMBER) && !number_accepts(e, cp))
		return EDIT_REFUSED;
	if (e->cursor > 0) {
		size_t p = last_cp_start(e->text, e->cursor);

		prev = first_cp(e->text + p, e->cursor - p);
	}
	if (!text_input_accepts(prev, cp))
		return EDIT_REFUSED;
	/* a mark needs a base: not at the start, after a space or a control;
	 * SARA AM too, spacing as it is, belongs to the syllable before */
	if ((text_is_mark(cp) || cp == 0x0E33 || cp == 0x0EB3) && (prev == 0 || is_blank(prev) || is_control(prev)))
		return EDIT_REFUSED;
	if (e->max_chars > 0 && count_cps(e->text, e->len) >= e->max_chars)
		return EDIT_REFUSED;
	n = utf8_encode(cp, buf);
	if (reserve(e, (size_t)n) < 0)
		return EDIT_NOMEM;
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, buf, (size_t)n);
	e->len += (size_t)n;
	e->typed_at = e->cursor;
	e->typed_len = (size_t)n;
	e->cursor = boundary_after(e->text, e->len, e->cursor + (size_t)n);
	e->typed_cursor = e->cursor;
	changed(e);
	e->typed_gen = e->gen;
	return EDIT_OK;
}

/* Remove bytes [from, to) and put the cursor at FROM, snapped forward
 * when what follows joined the cluster before. */
static void cut(struct edit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = boundary_after(e->text, e->len, from);
	changed(e);
}

int edit_backspace(struct edit *e)
{
	if (e->cursor == 0)
		return EDIT_UNCHANGED;
	/* what was just typed joined the marks after it into its cluster:
	 * it goes, and they stand alone again as before */
	if (e->typed_gen == e->gen && e->typed_cursor == e->cursor &&
	    e->typed_at + e->typed_len < e->cursor) {
		cut(e, e->typed_at, e->typed_at + e->typed_len);
		return EDIT_OK;
	}
	cut(e, last_cp_start(e->text, e->cursor), e->cursor);
	return EDIT_OK;
}

int edit_delete(struct edit *e)
{
	if (e->cursor >= e->len)
		return EDIT_UNCHANGED;
	cut(e, e->cursor, e->cursor + text_cluster_len(e->text + e->cursor, e->len - e->cursor));
	return EDIT_OK;
}

int edit_kill_line(struct edit *e, int to_end)
{
	size_t from = e->cursor, to = e->cursor;

	if (to_end) {
		while (to < e->len && e->text[to] != '\n')
			to++;
	} else {
		while (from > 0 && e->text[from - 1] != '\n')
			from--;
	}
	if (from == to)
		return EDIT_UNCHANGED;
	cut(e, from, to);
	return EDIT_OK;
}

/* -------------------------------------------------------------- moves */

int edit_left(struct edit *e)
{
	if (e->cursor == 0)
		return EDIT_UNCHANGED;
	return move_to(e, prev_boundary(e->text, e->len, e->cursor));
}

int edit_right(struct edit *e)
{
	if (e->cursor >= e->len)
		return EDIT_UNCHANGED;
	return move_to(e, e->cursor + text_cluster_len(e->text + e->cursor, e->len - e->cursor));
}

/* Word moves: to the previous / next word start of text_word_starts, else
 * to the start / end of the text. */
static int word_move(struct edit *e, int forward)
{
	size_t n, i, to = forward ? e->len : 0;
	size_t *ws = text_word_starts(edit_text(e), &n);

	if (!ws)
		return EDIT_NOMEM;
	for (i = 0; i < n; i++) {
		if (forward && ws[i] > e->cursor) {
			to = ws[i];
			break;
		}
		if (!forward && ws[i] < e->cursor)
			to = ws[i];
	}
	free(ws);
	return move_to(e, to);
}

int edit_word_left(struct edit *e)
{
	return word_move(e, 0);
}

int edit_word_right(struct edit *e)
{
	return word_move(e, 1);
}

int edit_home(struct edit *e)
{
	const struct edit_layout *l;
	size_t row;

	if (!(e->flags & EDIT_MULTILINE))
		return move_to(e, 0);
	l = edit_layout(e);
	if (!l)
		return EDIT_NOMEM;
	row = edit_layout_row(l, e->text, e->cursor, NULL);
	return move_to(e, l->v[row].start);
}

int edit_end(struct edit *e)
{
	const struct edit_layout *l;
	size_t row;

	if (!(e->flags & EDIT_MULTILINE))
		return move_to(e, e->len);
	l = edit_layout(e);
	if (!l)
		return EDIT_NOMEM;
	row = edit_layout_row(l, e->text, e->cursor, NULL);
	return move_to(e, edit_layout_offset(l, e->text, row, l->v[row].width));
}

/* Move DELTA display lines (clamped) keeping the goal column. */
static int vertical(struct edit *e, long delta)
{
	const struct edit_layout *l;
	size_t row, to;
	int col, goal, r;

	if (!(e->flags & EDIT_MULTILINE))
		return EDIT_UNCHANGED;
	l = edit_layout(e);
	if (!l)
		return EDIT_NOMEM;
	row = edit_layout_row(l, e->text, e->cursor, &col);
	if ((delta < 0 && row == 0) || (delta > 0 && row + 1 >= l->n))
		return EDIT_UNCHANGED;
	if (delta < 0)
		to = (size_t)-delta > row ? 0 : row - (size_t)-delta;
	else
		to = row + (size_t)delta >= l->n ? l->n - 1 : row + (size_t)delta;
	goal = e->goal_col >= 0 ? e->goal_col : col;
	r = move_to(e, edit_layout_offset(l, e->text, to, goal));
	e->goal_col = goal;
	return r == EDIT_UNCHANGED ? EDIT_MOVED : r;
}

int edit_up(struct edit *e)
{
	return vertical(e, -1);
}

int edit_down(struct edit *e)
{
	return vertical(e, 1);
}

static long page_rows(const struct edit *e)
{
	return e->page_rows > 2 ? e->page_rows - 1 : 1;
}

int edit_page_up(struct edit *e)
{
	return vertical(e, -page_rows(e));
}

int edit_page_down(struct edit *e)
{
	return vertical(e, page_rows(e));
}

/* ------------------------------------------------------------- import */

/* True when S is what a number field can hold: an optional leading sign,
 * ASCII or Thai digits, at most one '.'. */
static int number_text(const char *s)
{
	size_t len = strlen(s), i = 0;
	int points = 0;

	if (len > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0)
			return 0;
		if (cp == '.')
			points++;
		else if (!is_digit(cp))
			return 0;
		i += (size_t)n;
	}
	return points <= 1;
}

int edit_import(const struct edit *e, const char *buf, size_t len, char **out, size_t *at)
{
	size_t i, pos = 0, off;
	uint32_t cp;
	long bad;
	char *s;

	*out = NULL;
	*at = 0;
	s = memchr(buf, '\0', len);
	if (s) {
		*at = (size_t)(s - buf);
		return EDIT_IMPORT_NUL;
	}
	bad = utf8_invalid_at(buf, len);
	if (bad >= 0) {
		*at = (size_t)bad;
		return EDIT_IMPORT_UTF8;
	}
	if (!escape_has_thai(buf, len) && escape_find_tis620(buf, len, &off)) {
		*at = off;
		return EDIT_IMPORT_ENCODING;
	}
	/* CRLF becomes LF and a tab four spaces (an editor's indent is no
	 * control character to the user); any other control or bidi control
	 * is refused where it stands */
	s = malloc(4 * len + 1);
	if (!s)
		return EDIT_IMPORT_NOMEM;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
			continue;
		if (buf[i] == '\t') {
			memcpy(s + pos, "    ", 4);
			pos += 4;
			continue;
		}
		s[pos++] = buf[i];
	}
	if (pos > 0 && s[pos - 1] == '\n')
		pos--;
	s[pos] = '\0';
	if (escape_find_unclean(s, pos, CLEAN_MULTILINE, &off, &cp)) {
		/* the offset in BUF: count the same characters there */
		size_t k = 0, j = 0;

		while (j < len && k < off) {
			if (buf[j] == '\r' && j + 1 < len && buf[j + 1] == '\n') {
				j++;
				continue;
			}
			k += buf[j] == '\t' ? 4 : 1;
			j++;
		}
		*at = j;
		free(s);
		return EDIT_IMPORT_CONTROL;
	}
	if (!(e->flags & EDIT_MULTILINE))
		for (i = 0; i < pos; i++)
			if (s[i] == '\n')
				s[i] = ' ';
	if ((e->flags & EDIT_NUMBER) && !number_text(s)) {
		free(s);
		return EDIT_IMPORT_NUMBER;
	}
	if (e->max_chars > 0 && count_cps(s, pos) > e->max_chars) {
		free(s);
		return EDIT_IMPORT_LONG;
	}
	*out = s;
	return EDIT_IMPORT_OK;
}
