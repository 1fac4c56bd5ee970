/* textcut.c - text cut to fit a number of columns: whole clusters only,
 * at a word's end where that keeps most of the room, never a leading
 * vowel or a space left before the ellipsis that says it was cut. */
#include <stdlib.h>
#include <string.h>

#include "routemap/text.h"

/* A Thai or Lao vowel written before the consonant it follows in speech
 * (เ แ โ ใ ไ): alone at the end of a cut it reads as nothing. */
static int is_leading_vowel(uint32_t cp)
{
	return (cp >= 0x0E40 && cp <= 0x0E44) || (cp >= 0x0EC0 && cp <= 0x0EC4);
}

/* Longest whole-cluster prefix of S (LEN bytes) in COLS columns; its width
 * to *WIDTH when not NULL. */
static size_t fit_n(const char *s, size_t len, int cols, int *width)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);
		int cw = text_width_n(s + i, c);

		if (w + cw > cols)
			break;
		w += cw;
		i += c;
	}
	if (width)
		*width = w;
	return i;
}

size_t text_fit(const char *s, int cols, int *width)
{
	return fit_n(s, strlen(s), cols, width);
}

/* Where the last cluster before byte AT of S starts (0 when AT is 0). */
static size_t cluster_before(const char *s, size_t at)
{
	size_t i = 0, last = 0;

	while (i < at) {
		size_t c = text_cluster_len(s + i, at - i);

		last = i;
		i += c ? c : 1;
	}
	return last;
}

/* Drop from the end of S[0, AT) the clusters that must not stand before
 * an ellipsis: spaces, controls and leading vowels. */
static size_t trim_end(const char *s, size_t at)
{
	while (at > 0) {
		size_t b = cluster_before(s, at);
		uint32_t cp;

		if (utf8_decode(s + b, at - b, &cp) < 0 ||
		    !(cp == ' ' || cp < 0x20 || is_leading_vowel(cp)))
			break;
		at = b;
	}
	return at;
}

/* The last word boundary of S at or before byte FIT: FIT itself when a
 * word ends there, else the start of the word FIT falls in (0 when it
 * falls in the first word, or when the words cannot be found). */
static size_t word_end_before(const char *s, size_t fit)
{
	size_t *starts, n, k, best = 0;
	uint32_t cp;

	if (s[fit] == '\0' || (utf8_decode(s + fit, strlen(s + fit), &cp) > 0 &&
			       (cp == ' ' || cp < 0x20)))
		return fit;
	starts = text_word_starts(s, &n);
	if (!starts)
		return 0;
	for (k = 0; k < n && starts[k] <= fit; k++)
		best = starts[k];
	free(starts);
	return best;
}

/* How many bytes of S to keep before the ellipsis when S is cut to ROOM
 * columns: at a word's end when that keeps at least two thirds of ROOM,
 * else between two clusters; never ending in a space or a leading vowel. */
static size_t cut_point(const char *s, int room)
{
	size_t fit = fit_n(s, strlen(s), room, NULL);
	size_t word = word_end_before(s, fit);
	size_t at = trim_end(s, word);

	if (3 * text_width_n(s, at) < 2 * room)
		at = trim_end(s, fit);
	return at;
}

/* Append N bytes of SRC at *POS in OUT (SIZE bytes, room kept for the NUL)
 * if they fit; returns 0 or -1. */
static int put_bytes(char *out, size_t size, size_t *pos, const char *src, size_t n)
{
	if (*pos + n + 1 > size)
		return -1;
	memcpy(out + *pos, src, n);
	*pos += n;
	return 0;
}

/* S cut to fit: its first AT bytes, fewer (whole clusters) when OUT is too
 * small for them and ELL, then ELL.  Returns the columns written. */
static int put_cut(char *out, size_t size, size_t *pos, const char *s, size_t at,
		   const char *ell)
{
	size_t el = strlen(ell);

	while (at > 0 && at + el + 1 > size)
		at = trim_end(s, cluster_before(s, at));
	put_bytes(out, size, pos, s, at);
	put_bytes(out, size, pos, ell, el);
	out[*pos] = '\0';
	return text_width(out);
}

int text_truncate(char *out, size_t size, const char *s, int cols, int pad, int ascii)
{
	const char *ell = ascii ? "..." : "\xE2\x80\xA6";
	size_t pos = 0, len = strlen(s);
	int ew = ascii ? 3 : 1, w;

	if (size == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	if (text_width_n(s, len) <= cols && len + 1 <= size) {
		put_bytes(out, size, &pos, s, len);
		w = text_width_n(s, len);
	} else if (cols < ew) {
		/* no room for all of "...": as many dots as there are columns */
		while (pos < (size_t)cols && put_bytes(out, size, &pos, ".", 1) == 0)
			;
		w = (int)pos;
	} else {
		/* (a text that fits the columns but not OUT is cut too, and says
		 * so: then the ellipsis needs its columns as well) */
		w = put_cut(out, size, &pos, s, cut_point(s, cols - ew), ell);
	}
	while (pad && w < cols && put_bytes(out, size, &pos, " ", 1) == 0)
		w++;
	out[pos] = '\0';
	return w;
}
