/* editdraw.c - a text being edited as the widgets draw it: an orphan
 * mark on a dotted circle, a tab as a space, a CR as nothing, controls and
 * bidi controls escaped, invalid bytes as \xNN; and the display columns
 * each cluster takes so drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/escape.h"
#include "routemap/text.h"
#include "edit_int.h"

#define DOTTED_CIRCLE "\xE2\x97\x8C"   /* U+25CC */

/* True when the orphan mark CP is drawn on a dotted circle (an invisible
 * format character such as U+200B is not).  Asks text_show_marks, so
 * that both agree. */
static int needs_circle(uint32_t cp)
{
	char buf[8];
	char *shown;
	int n = utf8_encode(cp, buf), r;

	buf[n] = '\0';
	shown = text_show_marks(buf);
	if (!shown)
		return 1;
	r = strlen(shown) > (size_t)n;
	free(shown);
	return r;
}

/* Does the cluster S[0, C) hold a character that is drawn escaped (a
 * control, a bidi control: "^[", "<U+202E>") or an invalid byte? */
static int needs_escape(const char *s, size_t c)
{
	size_t i = 0;

	while (i < c) {
		char esc[12];
		uint32_t cp;
		int n = utf8_decode(s + i, c - i, &cp);

		if (n < 0 || (cp != '\t' && cp != '\r' && escape_cp(cp, ESC_NL_SPACE, esc)))
			return 1;
		i += (size_t)n;
	}
	return 0;
}

/* The cluster S[0, C) as the widgets draw it, into OUT (room for 12 * C +
 * 4 bytes): orphan marks on a dotted circle, a tab as a space, CR as
 * nothing, controls and bidi controls escaped, invalid bytes as \xNN.
 * Returns the bytes written. */
static size_t render_cluster(const char *s, size_t c, char *out)
{
	size_t i = 0, pos = 0;
	uint32_t cp;

	if (utf8_decode(s, c, &cp) == 1 && (cp == '\t' || cp == '\r')) {
		if (cp == '\t')
			out[pos++] = ' ';
		return pos;
	}
	if (utf8_decode(s, c, &cp) > 0 && text_is_mark(cp) && needs_circle(cp)) {
		memcpy(out, DOTTED_CIRCLE, 3);
		pos = 3;
	}
	while (i < c) {
		int n = utf8_decode(s + i, c - i, &cp);
		size_t e;

		if (n < 0) {
			pos += (size_t)snprintf(out + pos, 8, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		e = escape_cp(cp, ESC_NL_SPACE, out + pos);
		if (e == 0)
			memcpy(out + pos, s + i, (size_t)n);
		pos += e ? e : (size_t)n;
		i += (size_t)n;
	}
	return pos;
}

/* Display columns of the cluster S[0, C) as the widgets draw it. */
int edit_cluster_width(const char *s, size_t c)
{
	uint32_t cp;

	if (utf8_decode(s, c, &cp) == 1 && (cp == '\t' || cp == '\r'))
		return cp == '\t';
	if (needs_escape(s, c)) {
		char *buf = malloc(12 * c + 4);
		int w;

		if (!buf)
			return 1;
		buf[render_cluster(s, c, buf)] = '\0';
		w = text_width(buf);
		free(buf);
		return w;
	}
	if (text_is_mark(cp))
		return needs_circle(cp);
	return text_width_n(s, c);
}

int edit_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);

		w += edit_cluster_width(s + i, c);
		i += c;
	}
	return w;
}

char *edit_render(const char *s, size_t len)
{
	char *out = malloc(12 * len + 4);
	size_t i = 0, pos = 0;

	if (!out)
		return NULL;
	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);

		pos += render_cluster(s + i, c, out + pos);
		i += c;
	}
	out[pos] = '\0';
	return out;
}
