/* escape.c - which characters may be stored, and how the ones that must
 * not reach a terminal are shown instead. */
#define _GNU_SOURCE   /* fopencookie */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/escape.h"
#include "routemap/text.h"

int escape_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int escape_is_bidi(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029;
}

int escape_is_invisible(uint32_t cp)
{
	/* the space separators (Zs) but U+0020, and the format characters
	 * (Cf) that can turn up in text typed or pasted from elsewhere */
	static const uint32_t ranges[][2] = {
		{ 0x00A0, 0x00A0 }, { 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C },
		{ 0x115F, 0x1160 }, { 0x1680, 0x1680 }, { 0x180B, 0x180E }, { 0x2000, 0x200F },
		{ 0x2028, 0x202F }, { 0x205F, 0x206F }, { 0x3000, 0x3000 }, { 0x3164, 0x3164 },
		{ 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 }, { 0xFFF9, 0xFFFB },
		{ 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
	};
	size_t i;

	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

int escape_find_unclean(const char *s, size_t len, unsigned flags, size_t *offset,
			uint32_t *cp)
{
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		int n = utf8_decode(s + i, len - i, &c);

		if (n < 0) {
			c = 0xFFFD;   /* the callers checked UTF-8 already */
			n = 1;
		}
		if ((escape_is_control(c) && !(c == '\n' && (flags & CLEAN_MULTILINE))) ||
		    escape_is_bidi(c) || ((flags & CLEAN_CODE) && escape_is_invisible(c))) {
			*offset = i;
			*cp = c;
			return 1;
		}
		i += (size_t)n;
	}
	return 0;
}

/* True for a character of ASCII white space: it ends a word. */
static int word_break(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

int escape_find_tis620(const char *s, size_t len, size_t *offset)
{
	size_t i = 0, word_first = 0, found = len;
	int latin = 0, letter = 0, suspect = 0;

	/* a word at a time: "ลดลง GPS" saved as Windows-874 still shows its
	 * first word, but Café is a word with Latin letters of its own */
	while (i <= len) {
		uint32_t cp = ' ';
		int n = i < len ? utf8_decode(s + i, len - i, &cp) : 1, k;

		if (n < 0) {
			i++;
			continue;
		}
		if (word_break(cp)) {
			if (letter && !latin && found == len)
				found = word_first;
			latin = letter = suspect = 0;
			i += (size_t)n;
			continue;
		}
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			latin = 1;
		for (k = 0; n > 1 && k < n; k++)
			if ((unsigned char)s[i + k] < 0xA1 || (unsigned char)s[i + k] > 0xFB)
				break;
		if (n > 1 && k < n)
			return 0;   /* anywhere, some other character: text of its own */
		if (n > 1) {
			if (!suspect)
				word_first = i;
			suspect = 1;
			/* a letter, not a sign like ° ± ½ (nor × ÷) */
			letter |= cp >= 0xC0 && cp != 0xD7 && cp != 0xF7;
		}
		i += (size_t)n;
	}
	if (found == len)
		return 0;
	*offset = found;
	return 1;
}

int escape_has_thai(const char *s, size_t len)
{
	size_t i;

	/* U+0E00..U+0E7F is E0 B8 80..E0 B9 BF in UTF-8 */
	for (i = 0; i + 2 < len; i++)
		if ((unsigned char)s[i] == 0xE0 && ((unsigned char)s[i + 1] == 0xB8 ||
						    (unsigned char)s[i + 1] == 0xB9))
			return 1;
	return 0;
}

size_t escape_cp(uint32_t cp, unsigned flags, char *out)
{
	const char *nl = (flags & ESC_NL_KEEP) ? NULL : (flags & ESC_NL_SPACE) ? " " : "\\n";

	switch (cp) {
	case '\n':
		return nl ? (size_t)snprintf(out, 12, "%s", nl) : 0;
	case '\t':   /* printed on its own lines: visible, it would misalign */
		return (size_t)snprintf(out, 12, "%s", (flags & ESC_NL_KEEP) ? "^I" : " ");
	case '\r':   /* would send the cursor back over what was written */
		return (size_t)snprintf(out, 12, "%s", (flags & ESC_NL_KEEP) ? "^M" :
					(flags & ESC_NL_SPACE) ? " " : "\\r");
	default:
		break;
	}
	if (cp < 0x20)
		return (size_t)snprintf(out, 12, "^%c", (char)('@' + cp));
	if (cp == 0x7F)
		return (size_t)snprintf(out, 12, "^?");
	if (escape_is_control(cp) || escape_is_bidi(cp) ||
	    ((flags & ESC_INVISIBLE) && escape_is_invisible(cp)))
		return (size_t)snprintf(out, 12, "<U+%04X>", (unsigned)cp);
	return 0;
}

size_t escape_next(const char *s, size_t len, unsigned flags, char *esc, size_t *esclen)
{
	uint32_t cp;
	int n = utf8_decode(s, len, &cp);

	if (n < 0) {
		*esclen = (size_t)snprintf(esc, 12, "\\x%02X", (unsigned char)s[0]);
		return 1;
	}
	*esclen = escape_cp(cp, flags, esc);
	return (size_t)n;
}

char *escape_text(const char *s, unsigned flags)
{
	size_t len = strlen(s), i = 0, pos = 0, cap = len + 16;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	while (i < len) {
		char esc[12];
		size_t k, n = escape_next(s + i, len - i, flags, esc, &k);

		if (pos + (k ? k : n) + 1 > cap) {
			char *t;

			cap = 2 * cap + 16;
			t = realloc(out, cap);
			if (!t) {
				free(out);
				return NULL;
			}
			out = t;
		}
		memcpy(out + pos, k ? esc : s + i, k ? k : n);
		pos += k ? k : n;
		i += n;
	}
	out[pos] = '\0';
	return out;
}

/* ---- the escaping stream ---- */

struct esc_cookie {
	FILE *under;
	unsigned char seq[4];   /* a UTF-8 sequence being collected */
	size_t nseq, need;
	int has_base;           /* the last character written can carry a mark */
	int marks;              /* marks on it so far */
};

/* The collected bytes did not make a character: show each as \xNN. */
static void esc_bad(struct esc_cookie *c)
{
	size_t k;

	for (k = 0; k < c->nseq; k++)
		fprintf(c->under, "\\x%02X", c->seq[k]);
	c->nseq = 0;
	c->has_base = 0;
}

/* One character CP, which was the bytes RAW (N of them).  A mark with
 * nothing to sit on is drawn on a dotted circle, as the screens draw it. */
static void esc_char(struct esc_cookie *c, uint32_t cp, const unsigned char *raw, size_t n)
{
	char esc[12];

	if (escape_cp(cp, ESC_NL_KEEP, esc) != 0) {
		fputs(esc, c->under);
		c->has_base = 0;
		return;
	}
	if (text_is_visible_mark(cp)) {
		/* no base, or a cell's worth of marks on it already */
		if (!c->has_base || c->marks == TEXT_CELL_MARKS) {
			fputs("\u25CC", c->under);
			c->marks = 0;
		}
		c->has_base = 1;
		c->marks++;
	} else {
		c->has_base = text_is_mark_base(cp);
		c->marks = 0;
	}
	fwrite(raw, 1, n, c->under);
}

static ssize_t esc_write(void *cookie, const char *buf, size_t len)
{
	struct esc_cookie *c = cookie;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char b = (unsigned char)buf[i];

		if (c->nseq) {
			if ((b & 0xC0) == 0x80) {
				uint32_t cp;

				c->seq[c->nseq++] = b;
				if (c->nseq < c->need)
					continue;
				if (utf8_decode((const char *)c->seq, c->nseq, &cp) < 0)
					esc_bad(c);
				else
					esc_char(c, cp, c->seq, c->nseq);
				c->nseq = 0;
				continue;
			}
			esc_bad(c);   /* cut short; B starts afresh */
		}
		if (b < 0x80) {
			esc_char(c, b, &b, 1);
		} else if (b >= 0xC2 && b <= 0xF4) {
			c->seq[0] = b;
			c->nseq = 1;
			c->need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
		} else {
			fprintf(c->under, "\\x%02X", b);
			c->has_base = 0;
		}
	}
	return ferror(c->under) ? -1 : (ssize_t)len;
}

static int esc_close(void *cookie)
{
	struct esc_cookie *c = cookie;
	int rc;

	esc_bad(c);
	rc = fflush(c->under) == EOF || ferror(c->under) ? -1 : 0;
	free(c);
	return rc;
}

FILE *escape_stream(FILE *under)
{
	cookie_io_functions_t io = { NULL, esc_write, NULL, esc_close };
	struct esc_cookie *c = calloc(1, sizeof *c);
	FILE *f;

	if (!c)
		return NULL;
	c->under = under;
	f = fopencookie(c, "w", io);
	if (!f)
		free(c);
	return f;
}

const char *escape_shown(const char *value, char *out, size_t size)
{
	char cut[160];
	char *esc = escape_text(value, ESC_INVISIBLE);

	/* every control and invisible character visible: "T-1<U+00A0>" */
	text_truncate(cut, sizeof cut, esc ? esc : "", 40, 0, 0);
	snprintf(out, size, "\"%s\"", cut);
	free(esc);
	return out;
}
