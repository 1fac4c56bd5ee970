/* fuzz_text.c - libFuzzer harness of the Thai text engine (text.h), the
 * escapes (escape.h) and the editing model (edit.h).
 *
 * The input, as a C string, is a text: every function of text.h and
 * escape.h that takes a text is run on it and its result checked against
 * what the headers promise (UTF-8 decoding, widths, clusters, text_fit,
 * text_truncate into large and small buffers, text_wrap, word starts,
 * text_show_marks, escape_text under every flag and escape_stream,
 * numbers, Thai digits, collation, input order, the TIS-620 guess), and
 * edit_import takes it as an editor's file.  The same bytes are then read
 * as a script of
 * key presses for three struct edit (a field, a text area, a number
 * field): a character inserts itself, a few control characters move or
 * delete (Ctrl-A home, Ctrl-E end, Ctrl-B left, Ctrl-F right, Ctrl-P up,
 * Ctrl-N down, Ctrl-U / Ctrl-V page up / down, Ctrl-W / Ctrl-O word left
 * / right, Ctrl-H backspace, Ctrl-D and DEL delete, ESC: insert the next
 * character whatever it is, Ctrl-T TEXT Ctrl-T: replace the text by TEXT
 * (any bytes but NUL and Ctrl-T, unchecked, as edit_set_text takes it),
 * Ctrl-S: put the cursor at the next byte times 3, Ctrl-L: wrap at the
 * next byte's columns), and an invalid byte sets the wrap width.  After
 * every step the cursor must sit on a cluster boundary within the text,
 * the text must have changed only as the step says, and the layout must
 * cover the text.
 *
 * text.c computes widths without the process locale and libFuzzer does
 * not call setlocale, so this runs in the "C" locale on purpose.
 */
#define _GNU_SOURCE   /* open_memstream */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "routemap/edit.h"
#include "routemap/escape.h"
#include "routemap/text.h"

/* At most this many steps of a script.  After every step check_cursor
 * and what the step promises; all of check_edit (the layouts and views,
 * which is what costs) after Ctrl-T, at the end, and every CHECK_EVERY
 * steps, or every CHECK_EVERY_LONG steps once the text is longer than
 * LONG_TEXT bytes. */
#define MAX_OPS 160
#define CHECK_EVERY 8
#define CHECK_EVERY_LONG 32
#define LONG_TEXT 256
#define SET_TEXT_MAX 1024   /* bytes of a Ctrl-T text */

/* ------------------------------------------------------------ helpers */

/* A bitmap (one byte per offset 0..LEN) of the cluster boundaries of S,
 * found by walking text_cluster_len from the start; the walk itself must
 * advance by 1..rest bytes and end exactly at LEN.  Caller frees. */
static unsigned char *boundaries(const char *s, size_t len)
{
	unsigned char *b = calloc(len + 1, 1);
	size_t i = 0;

	if (!b)
		abort();
	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);

		CHECK(c >= 1 && c <= len - i);
		b[i] = 1;
		i += c;
	}
	CHECK(i == len);
	b[len] = 1;
	CHECK(text_cluster_len(s + len, 0) == 0);
	return b;
}

/* True for the code points no escaped output may hold: C0 and C1
 * controls, DEL, the bidi controls and the line / paragraph separators. */
static int dangerous(uint32_t cp)
{
	return escape_is_control(cp) || escape_is_bidi(cp);
}

/* Check what goes to a terminal: valid UTF-8, no C1 control, no bidi
 * control, no separator, no DEL, and no C0 control but those in KEEP
 * ("\n", "\t" or ""). */
static void check_safe(const char *out, const char *keep)
{
	size_t len = strlen(out), i = 0;

	CHECK(fuzz_valid_utf8(out, len));
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(out + i, len - i, &cp);

		CHECK(n > 0);
		if (dangerous(cp))
			CHECK(cp < 0x20 && cp != 0 && strchr(keep, (int)cp) != NULL);
		i += (size_t)n;
	}
}

/* ------------------------------------------------------- UTF-8, widths */

/* Decoding agrees with utf8_invalid_at, and what decodes encodes back to
 * the same bytes; code point widths are 0, 1 or 2, marks 0. */
static void check_utf8(const char *s, size_t len)
{
	long bad = utf8_invalid_at(s, len);
	size_t i = 0;

	CHECK(bad >= -1 && bad < (long)len);
	while (i < len) {
		uint32_t cp;
		char enc[4];
		int n = utf8_decode(s + i, len - i, &cp), w;

		if (n < 0) {
			CHECK(bad >= 0 && (size_t)bad <= i);
			i++;
			continue;
		}
		CHECK(n >= 1 && n <= 4 && (size_t)n <= len - i);
		CHECK(bad < 0 || (size_t)bad >= i + (size_t)n || (size_t)bad < i);
		CHECK(utf8_encode(cp, enc) == n && memcmp(enc, s + i, (size_t)n) == 0);
		w = text_cp_width(cp);
		CHECK(w >= 0 && w <= 2);
		if (text_is_mark(cp))
			CHECK(w == 0);
		i += (size_t)n;
	}
}

/* The width of S is the sum of its clusters' widths, whichever way it is
 * asked for. */
static void check_widths(const char *s, size_t len)
{
	size_t i = 0;
	int sum = 0;

	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);

		sum += text_width_n(s + i, c);
		i += c;
	}
	CHECK(text_width(s) == sum);
	CHECK(text_width_n(s, len) == sum);
	CHECK(text_width_n(s, (size_t)-1) == sum);
	CHECK(sum >= 0 && (size_t)sum <= len);
}

/* ---------------------------------------------------- fitting, cutting */

static const int some_cols[] = { -1, 0, 1, 2, 3, 5, 8, 13, 40, 80 };
#define NCOLS (sizeof some_cols / sizeof some_cols[0])

/* text_fit: the longest whole-cluster prefix that fits in COLS. */
static void check_fit(const char *s, size_t len, const unsigned char *bnd)
{
	size_t k;

	for (k = 0; k < NCOLS; k++) {
		int cols = some_cols[k], w = -7;
		size_t n = text_fit(s, cols, &w);

		CHECK(n <= len && bnd[n]);
		CHECK(w == text_width_n(s, n));
		CHECK(w <= (cols > 0 ? cols : 0));
		if (n < len)
			CHECK(w + text_width_n(s + n, text_cluster_len(s + n, len - n)) > cols);
		CHECK(text_fit(s, cols, NULL) == n);
	}
}

/* Is CP a leading vowel (เ แ โ ใ ไ), which must not stand alone before
 * the mark of a cut? */
static int leading_vowel(const char *s, size_t end)
{
	const unsigned char *u = (const unsigned char *)s + end - 3;

	return end >= 3 && u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x80 && u[2] <= 0x84;
}

/* text_truncate with a buffer of SIZE bytes: never past SIZE, never
 * wider than COLS, the width it returns is the output's, and the output
 * is a whole-cluster prefix of S, then at most the mark of a cut ("…", or
 * "...", ".." or "." in ASCII), then spaces; a cut prefix never ends in a
 * space or a lone leading vowel.  With a large buffer: S whole (and the
 * padding) when it fits, else cut with the mark. */
static void check_truncate_one(const char *s, size_t len, const unsigned char *bnd, int cols,
			       int pad, int ascii, size_t size, int large)
{
	static const char *const marks[] = { "\xE2\x80\xA6", "...", "..", "." };
	char *out = malloc(size ? size : 1);
	size_t olen, same = 0, b, m;
	int w, shaped = 0, cut = 0;

	if (!out)
		abort();
	w = text_truncate(out, size, s, cols, pad, ascii);
	if (size == 0) {
		CHECK(w == 0);
		free(out);
		return;
	}
	olen = strlen(out);
	CHECK(olen < size);
	CHECK(w == text_width(out));
	CHECK(w >= 0 && w <= (cols > 0 ? cols : 0));
	while (same < len && same < olen && out[same] == s[same])
		same++;
	/* the longest B that makes OUT = S[0, B) + (a mark) + spaces */
	for (b = same + 1; !shaped && b-- > 0;) {
		const char *rest = out + b;

		if (!bnd[b])
			continue;
		if (b == len && rest[strspn(rest, " ")] == '\0') {
			shaped = 1;   /* S whole */
			break;
		}
		for (m = ascii ? 1 : 0; m < (ascii ? 4 : 1) && !shaped; m++)
			if (strncmp(rest, marks[m], strlen(marks[m])) == 0) {
				const char *after = rest + strlen(marks[m]);

				shaped = after[strspn(after, " ")] == '\0';
				cut = shaped;
			}
		/* no room at all: no columns, or no bytes for the mark */
		if (!shaped && rest[strspn(rest, " ")] == '\0' &&
		    (cols <= 0 || (!large && size <= b + strlen(marks[ascii]) + 1)))
			shaped = 1;
	}
	CHECK(shaped);
	if (cut && b > 0) {
		CHECK(s[b - 1] != ' ');
		CHECK(!leading_vowel(s, b));
	}
	if (large && cols > 0) {
		CHECK(cut == (text_width(s) > cols));
		if (pad)
			CHECK(w == cols);
	}
	free(out);
}

/* text_truncate at every width of some_cols, padded or not, with the
 * ellipsis or "~", into a large buffer and into one of SMALL bytes. */
static void check_truncate(const char *s, size_t len, const unsigned char *bnd, size_t small)
{
	size_t k;
	int pad, ascii;

	for (k = 0; k < NCOLS; k++)
		for (pad = 0; pad <= 1; pad++)
			for (ascii = 0; ascii <= 1; ascii++) {
				int cols = some_cols[k];
				size_t big = len + 4 + (size_t)(cols > 0 ? cols : 0) + 1;

				check_truncate_one(s, len, bnd, cols, pad, ascii, big, 1);
				check_truncate_one(s, len, bnd, cols, pad, ascii, small, 0);
			}
}

/* ------------------------------------------------------ wrapping, words */

/* S without spaces and tabs, without newlines and without a CR before a
 * newline (text_wrap drops those): what wrapping must keep.  *NPARAS
 * gets the number of paragraphs. */
static char *non_space(const char *s, size_t len, size_t *nparas)
{
	char *out = malloc(len + 1);
	size_t i, k = 0;

	if (!out)
		abort();
	*nparas = 1;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			(*nparas)++;
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			continue;
		out[k++] = s[i];
	}
	out[k] = '\0';
	return out;
}

/* text_wrap at COLS: at least one line per paragraph, no line wider than
 * COLS unless it is one cluster, no newline in a line, and the lines
 * together hold every non-space byte of S in order. */
static void check_wrap_at(const char *s, size_t len, int cols)
{
	struct text_lines l;
	size_t nparas, i, k = 0;
	char *want = non_space(s, len, &nparas), *got = malloc(len + 1);
	int c = cols < 1 ? 1 : cols;

	if (!got)
		abort();
	CHECK(text_wrap(s, cols, &l) == 0);
	if (len == 0) {
		CHECK(l.n == 0);
	} else {
		CHECK(l.n >= nparas);
	}
	for (i = 0; i < l.n; i++) {
		const char *ln = l.v[i];
		size_t ll = strlen(ln), j;

		CHECK(memchr(ln, '\n', ll) == NULL);
		if (text_width(ln) > c)
			CHECK(text_cluster_len(ln, ll) == ll);
		for (j = 0; j < ll; j++) {
			if (ln[j] == ' ' || ln[j] == '\t')
				continue;
			CHECK(k < len);
			got[k++] = ln[j];
		}
	}
	got[k] = '\0';
	CHECK(strcmp(got, want) == 0);
	text_lines_free(&l);
	free(got);
	free(want);
}

/* text_wrap at a few widths and at one from the input. */
static void check_wrap(const char *s, size_t len, int cols)
{
	static const int widths[] = { 0, 1, 2, 5, 10, 40 };
	size_t k;

	for (k = 0; k < sizeof widths / sizeof widths[0]; k++)
		check_wrap_at(s, len, widths[k]);
	check_wrap_at(s, len, cols);
}

/* text_word_starts: ascending, within S, at cluster boundaries, never on
 * a space, tab or newline, and every non-space cluster that follows the
 * start, a newline, a space or a tab starts a word. */
static void check_word_starts(const char *s, size_t len, const unsigned char *bnd)
{
	size_t n = 0, i, k = 0, p;
	size_t *v = text_word_starts(s, &n);

	CHECK(v != NULL);
	for (i = 0; i < n; i++) {
		CHECK(v[i] < len && bnd[v[i]]);
		CHECK(s[v[i]] != ' ' && s[v[i]] != '\t' && s[v[i]] != '\n');
		if (i > 0)
			CHECK(v[i] > v[i - 1]);
	}
	for (p = 0; p < len; p++) {
		int after_gap = p == 0 || s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n';

		if (!bnd[p] || !after_gap || s[p] == ' ' || s[p] == '\t' || s[p] == '\n')
			continue;
		while (k < n && v[k] < p)
			k++;
		CHECK(k < n && v[k] == p);
	}
	free(v);
}

/* ------------------------------------------------------ showing, escapes */

/* True when text_show_marks puts a dotted circle before CP on its own. */
static int gets_circle(uint32_t cp)
{
	char buf[8];
	char *shown;
	int n = utf8_encode(cp, buf), r;

	buf[n] = '\0';
	shown = text_show_marks(buf);
	CHECK(shown != NULL);
	r = strncmp(shown, "\xE2\x97\x8C", 3) == 0;
	free(shown);
	return r;
}

/* text_show_marks: safe for a terminal on one line (no control at all),
 * and no visible mark at the start or after a space without its circle. */
static void check_show_marks(const char *s)
{
	char *out = text_show_marks(s);
	size_t len, i = 0;
	uint32_t prev = 0;

	CHECK(out != NULL);
	check_safe(out, "");
	len = strlen(out);
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(out + i, len - i, &cp);

		if (text_is_mark(cp) && (prev == 0 || prev == ' '))
			CHECK(!gets_circle(cp));
		prev = cp;
		i += (size_t)n;
	}
	free(out);
}

/* escape_text under every combination of flags: nothing unsafe comes
 * out ("\n" and "\t" only as they are under ESC_NL_KEEP), no invisible
 * character under ESC_INVISIBLE, and a clean text comes out unchanged. */
static void check_escape(const char *s, size_t len)
{
	unsigned flags;
	size_t off;
	uint32_t cp;

	for (flags = 0; flags < 8; flags++) {
		char *out = escape_text(s, flags);

		CHECK(out != NULL);
		check_safe(out, (flags & ESC_NL_KEEP) ? "\n\t" : "");
		if (flags & ESC_INVISIBLE) {
			size_t n = strlen(out), i = 0;

			while (i < n) {
				int k = utf8_decode(out + i, n - i, &cp);

				CHECK(!escape_is_invisible(cp));
				i += (size_t)k;
			}
		}
		if (fuzz_valid_utf8(s, len) && (flags & ESC_NL_KEEP)) {
			unsigned clean = CLEAN_MULTILINE | ((flags & ESC_INVISIBLE) ? CLEAN_CODE : 0);

			if (!escape_find_unclean(s, len, clean, &off, &cp))
				CHECK(strcmp(out, s) == 0);
		}
		free(out);
	}
	if (fuzz_valid_utf8(s, len) && escape_find_unclean(s, len, CLEAN_MULTILINE, &off, &cp)) {
		CHECK(off < len);
		CHECK(dangerous(cp) && cp != '\n');
	}
}

/* True when the multi-byte character at S (N bytes) is made only of
 * printable TIS-620 bytes (0xA1..0xFB). */
static int tis_bytes(const char *s, int n)
{
	int k;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] < 0xA1 || (unsigned char)s[k] > 0xFB)
			return 0;
	return n > 1;
}

/* escape_has_thai: a character of the Thai block; escape_find_tis620 (as
 * escape.h words it): when every non-ASCII character is printable TIS-620
 * bytes, the first word (between ASCII white space) with no Latin letter
 * and a TIS-looking letter (U+00C0 up, not × ÷) is found, at its first
 * non-ASCII character.  Both on valid UTF-8, as escape.h asks. */
static void check_thai_guess(const char *s, size_t len)
{
	size_t i, start, off = 12345, want = len;
	int found, other = 0;

	if (!fuzz_valid_utf8(s, len))
		return;
	CHECK(escape_has_thai(s, len) == fuzz_has_cp_in(s, len, 0x0E00, 0x0E7F));
	for (i = 0; i < len;) {               /* any other character: none */
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		other |= n > 1 && !tis_bytes(s + i, n);
		i += (size_t)n;
	}
	for (start = 0; !other && want == len && start < len; start = i + 1) {
		size_t end = start, first = len;
		int latin = 0, letter = 0;

		while (end < len && !memchr(" \t\n\r", s[end], 4))
			end++;
		for (i = start; i < end;) {
			uint32_t cp;
			int n = utf8_decode(s + i, end - i, &cp);

			latin |= (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
			if (n > 1 && first == len)
				first = i;
			letter |= n > 1 && cp >= 0xC0 && cp != 0xD7 && cp != 0xF7;
			i += (size_t)n;
		}
		if (letter && !latin)
			want = first;
		i = end;
	}
	found = escape_find_tis620(s, len, &off);
	CHECK(found == (want < len));
	if (found)
		CHECK(off == want);
}

/* S through a new escape_stream in pieces of the sizes CHUNKS gives (one
 * write of all when NCHUNKS is 0): what comes out, malloc'd. */
static char *through_stream(const char *s, size_t len, const uint8_t *chunks, size_t nchunks)
{
	char *buf = NULL;
	size_t blen = 0, i = 0, k = 0;
	FILE *under = open_memstream(&buf, &blen), *esc;

	if (!under)
		abort();
	esc = escape_stream(under);
	CHECK(esc != NULL);
	while (i < len) {
		size_t n = nchunks ? 1 + chunks[k++ % nchunks] % 7 : len;

		if (n > len - i)
			n = len - i;
		CHECK(fwrite(s + i, 1, n, esc) == n);
		CHECK(fflush(esc) == 0);
		i += n;
	}
	CHECK(fclose(esc) == 0);
	CHECK(fclose(under) == 0);
	return buf;
}

/* S without its dotted circles (U+25CC), in place. */
static void drop_circles(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (strncmp(r, "\xE2\x97\x8C", 3) == 0) {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* escape_stream: S written in chunks of the sizes CHUNKS gives (a byte
 * each) comes out as S written whole does, however a UTF-8 sequence is
 * split between writes; and that is escape_text(S, ESC_NL_KEEP) but for
 * the dotted circles it puts under marks. */
static void check_escape_stream(const char *s, size_t len, const uint8_t *chunks, size_t nchunks)
{
	char *pieces = through_stream(s, len, chunks, nchunks);
	char *whole = through_stream(s, len, NULL, 0);
	char *want = escape_text(s, ESC_NL_KEEP);

	if (!want)
		abort();
	CHECK(strcmp(pieces, whole) == 0);
	drop_circles(whole);
	drop_circles(want);
	CHECK(strcmp(whole, want) == 0);
	free(pieces);
	free(whole);
	free(want);
}

/* ---------------------------------------------------- numbers, digits */

/* A formatted number: "-?D+(.D+)?", no exponent, parses back to V. */
static void check_formatted(double v, const char *out)
{
	size_t i = out[0] == '-', digits = 0;
	double back;

	for (; out[i] >= '0' && out[i] <= '9'; i++)
		digits++;
	CHECK(digits > 0);
	if (out[i] == '.') {
		i++;
		CHECK(out[i] >= '0' && out[i] <= '9');
		while (out[i] >= '0' && out[i] <= '9')
			i++;
	}
	CHECK(out[i] == '\0');
	CHECK(text_parse_number(out, &back) == 0);
	CHECK(back == v);
}

/* text_format_number into exactly 330 bytes (the header's size for any
 * double) and into SMALL bytes (done, or -1 and nothing past SMALL). */
static void check_format_number(double v, size_t small)
{
	char *out = malloc(330), *tiny = malloc(small ? small : 1);

	if (!out || !tiny)
		abort();
	if (!isfinite(v)) {
		CHECK(text_format_number(v, out, 330) == -1);
	} else {
		CHECK(text_format_number(v, out, 330) == 0);
		CHECK(strlen(out) < 330);
		check_formatted(v, out);
		if (text_format_number(v, tiny, small) == 0) {
			CHECK(strlen(tiny) < small);
			CHECK(strcmp(tiny, out) == 0);
		}
	}
	free(out);
	free(tiny);
}

/* Numbers typed as S, and the double in the first eight bytes of DATA:
 * a parsed number is finite and formats into what parses back to it; an
 * integer is the same number as a decimal; Thai digits become ASCII. */
static void check_numbers(const char *s, const uint8_t *data, size_t size, size_t small)
{
	long long iv;
	double dv;
	char *ascii;
	size_t i, thai = 0, len = strlen(s);

	if (text_parse_number(s, &dv) == 0) {
		CHECK(isfinite(dv));
		check_format_number(dv, small);
	}
	if (text_parse_int(s, &iv) == 0) {
		CHECK(text_parse_number(s, &dv) == 0);
		CHECK(dv == (double)iv);
	}
	if (size >= 8) {
		double raw;

		memcpy(&raw, data, sizeof raw);
		check_format_number(raw, small);
	}
	ascii = text_ascii_digits(s);
	CHECK(ascii != NULL);
	for (i = 0; i + 2 < len; i++)
		if ((unsigned char)s[i] == 0xE0 && (unsigned char)s[i + 1] == 0xB9 &&
		    (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99)
			thai++;
	CHECK(strlen(ascii) == len - 2 * thai);
	CHECK(!fuzz_has_cp_in(ascii, strlen(ascii), 0x0E50, 0x0E59) || !fuzz_valid_utf8(s, len));
	free(ascii);
}

/* --------------------------------------------------- collation, input */

/* text_collate on three pieces of S: -1, 0 or 1; 0 only for the same
 * bytes; antisymmetric; transitive. */
static void check_collate(const char *s, size_t len)
{
	size_t a = len / 3, b = 2 * len / 3;
	const char *p[3] = { s, s + a, s + b };
	size_t n[3] = { a, b - a, len - b };
	int c[3][3], i, j, k;

	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++) {
			c[i][j] = text_collate(p[i], n[i], p[j], n[j]);
			CHECK(c[i][j] >= -1 && c[i][j] <= 1);
		}
	for (i = 0; i < 3; i++) {
		CHECK(c[i][i] == 0);
		for (j = 0; j < 3; j++) {
			CHECK(c[i][j] == -c[j][i]);
			if (c[i][j] == 0)
				CHECK(n[i] == n[j] && memcmp(p[i], p[j], n[i]) == 0);
			for (k = 0; k < 3; k++)
				if (c[i][j] <= 0 && c[j][k] <= 0)
					CHECK(c[i][k] <= 0);
		}
	}
}

/* text_input_accepts on every pair of neighbours: 0 or 1, and anything
 * outside the Thai block is always accepted. */
static void check_input_order(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t prev = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp), r;

		if (n < 0) {
			i++;
			prev = 0;
			continue;
		}
		r = text_input_accepts(prev, cp);
		CHECK(r == 0 || r == 1);
		if (cp < 0x0E00 || cp > 0x0E7F)
			CHECK(r == 1);
		prev = cp;
		i += (size_t)n;
	}
}

/* ------------------------------------------------------------ editing */

/* One text being edited, with what the harness knows of it. */
struct model {
	struct edit e;
	int raw;        /* edit_set_text put unchecked text in */
	int rows;       /* text area height for edit_area_view */
	int fcols;      /* field width for edit_field_view */
};

/* What a number field may hold: an optional sign at the start, ASCII or
 * Thai digits, at most one '.'. */
static int number_shaped(const char *s, size_t len)
{
	size_t i = 0;
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
		else if (!((cp >= '0' && cp <= '9') || (cp >= 0x0E50 && cp <= 0x0E59)))
			return 0;
		i += (size_t)n;
	}
	return points <= 1;
}

/* Code points in S (LEN bytes of valid UTF-8). */
static size_t count_cps(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The layout of E covers its text: lines in order from 0 to the end,
 * a hard line ends at a newline (or the end) and the next starts after
 * it, a wrapped line is not empty and the next starts where it ends, no
 * line holds a newline, each knows its width, and no line is wider than
 * the wrap width unless it is one cluster.  The cursor's row and column
 * agree with the lines, and the offset of that column is the cursor (or
 * after it only by clusters of no width). */
static void check_layout(struct model *m, const unsigned char *bnd)
{
	struct edit *e = &m->e;
	const char *t = edit_text(e);
	size_t len = edit_len(e), cur = edit_cursor(e), i, row, off, top = 99, crow = 99;
	const struct edit_layout *l = edit_layout(e);
	int cols = (e->flags & EDIT_MULTILINE) && e->wrap_cols > 0 ? e->wrap_cols : 0;
	int col = -1, ccol = -1;

	CHECK(l != NULL);
	CHECK(l->n >= 1);
	CHECK(l->v[0].start == 0);
	CHECK(l->v[l->n - 1].end == len && l->v[l->n - 1].hard);
	for (i = 0; i < l->n; i++) {
		const struct edit_line *ln = &l->v[i];

		CHECK(ln->start <= ln->end && ln->end <= len);
		CHECK(bnd[ln->start] && bnd[ln->end]);
		/* a field is one line, even of a text with a newline in
		 * it (edit_set_text does not check) */
		if (e->flags & EDIT_MULTILINE)
			CHECK(memchr(t + ln->start, '\n', ln->end - ln->start) == NULL);
		CHECK(ln->width == edit_width(t + ln->start, ln->end - ln->start));
		if (cols > 0 && ln->width > cols)
			CHECK(text_cluster_len(t + ln->start, ln->end - ln->start) ==
			      ln->end - ln->start);
		if (i + 1 < l->n) {
			if (ln->hard) {
				CHECK(t[ln->end] == '\n');
				CHECK(l->v[i + 1].start == ln->end + 1);
			} else {
				CHECK(ln->end > ln->start);
				CHECK(l->v[i + 1].start == ln->end);
			}
		}
	}
	if (!(e->flags & EDIT_MULTILINE))
		CHECK(l->n == 1);

	row = edit_layout_row(l, t, cur, &col);
	CHECK(row < l->n);
	CHECK(l->v[row].start <= cur && cur <= l->v[row].end);
	CHECK(l->v[row].hard || cur < l->v[row].end);
	CHECK(col == edit_width(t + l->v[row].start, cur - l->v[row].start));
	off = edit_layout_offset(l, t, row, col);
	CHECK(off >= cur && off <= l->v[row].end && bnd[off]);
	CHECK(edit_width(t + cur, off - cur) == 0);

	CHECK(edit_area_view(e, m->rows, &top, &crow, &ccol) == 0);
	CHECK(crow == row && ccol == col);
	CHECK(top <= crow && crow < top + (size_t)(m->rows > 0 ? m->rows : 1));
	CHECK(top < l->n);
}

/* The visible part of a field: whole clusters around the cursor, no
 * wider than the field, the cursor's column inside it. */
static void check_field_view(struct model *m, const unsigned char *bnd)
{
	struct edit *e = &m->e;
	const char *t = edit_text(e);
	size_t len = edit_len(e), cur = edit_cursor(e);
	struct edit_view v;

	edit_field_view(e, m->fcols, &v);
	CHECK(v.start <= cur && v.start <= v.end && v.end <= len);
	CHECK(bnd[v.start] && bnd[v.end]);
	CHECK(v.width == edit_width(t + v.start, v.end - v.start));
	CHECK(v.width <= (m->fcols > 0 ? m->fcols : 0));
	CHECK(v.cursor_col == edit_width(t + v.start, cur - v.start));
	if (m->fcols > 0)
		CHECK(v.cursor_col < m->fcols || v.start == cur);
}

/* Everything that holds of E between steps. */
static void check_edit(struct model *m)
{
	struct edit *e = &m->e;
	const char *t = edit_text(e);
	size_t len = edit_len(e), cur = edit_cursor(e);
	unsigned char *bnd;
	char *shown;

	CHECK(t != NULL && strlen(t) == len);
	CHECK(cur <= len);
	bnd = boundaries(t, len);
	CHECK(bnd[cur]);
	if (!m->raw) {
		/* typed text: what edit_insert lets in */
		size_t i = 0;

		CHECK(fuzz_valid_utf8(t, len));
		while (i < len) {
			uint32_t cp;
			int n = utf8_decode(t + i, len - i, &cp);

			CHECK(!dangerous(cp) || (cp == '\n' && (e->flags & EDIT_MULTILINE)));
			i += (size_t)n;
		}
		if (e->flags & EDIT_NUMBER)
			CHECK(number_shaped(t, len));
		if (e->max_chars)
			CHECK(count_cps(t, len) <= e->max_chars);
	}
	check_layout(m, bnd);
	check_field_view(m, bnd);
	/* drawn as measured, and safe to draw */
	shown = edit_render(t, len);
	CHECK(shown != NULL);
	check_safe(shown, "");
	CHECK(text_width(shown) == edit_width(t, len));
	free(shown);
	free(bnd);
}

/* The cheap part of check_edit: the length, and the cursor on a cluster
 * boundary within the text (walking from the start of its line, as no
 * cluster spans a newline). */
static void check_cursor(const struct model *m)
{
	const char *t = edit_text(&m->e);
	size_t len = edit_len(&m->e), cur = edit_cursor(&m->e), b;

	CHECK(strlen(t) == len && cur <= len);
	b = cur;
	while (b > 0 && t[b - 1] != '\n')
		b--;
	while (b < cur)
		b += text_cluster_len(t + b, len - b);
	CHECK(b == cur);
}

/* The first cluster boundary of T (LEN bytes) at or after POS. */
static size_t next_boundary(const char *t, size_t len, size_t pos)
{
	size_t i = 0;

	while (i < pos && i < len)
		i += text_cluster_len(t + i, len - i);
	return i;
}

/* The operations of a script. */
enum op {
	OP_INSERT, OP_BACKSPACE, OP_DELETE, OP_LEFT, OP_RIGHT, OP_HOME, OP_END, OP_UP,
	OP_DOWN, OP_PAGE_UP, OP_PAGE_DOWN, OP_WORD_LEFT, OP_WORD_RIGHT, OP_SET_TEXT,
	OP_SET_CURSOR, OP_SET_WRAP,
};

/* Apply OP (with its argument CP, S or N), step STEP of the script, to M
 * and check what it did against the state before it; then check_edit or
 * check_cursor (see MAX_OPS). */
static void apply(struct model *m, enum op op, uint32_t cp, const char *s, size_t n,
		  size_t step)
{
	struct edit *e = &m->e;
	size_t oldlen = edit_len(e), oc = edit_cursor(e), len, cur;
	unsigned long gen = edit_generation(e);
	char *old = malloc(oldlen + 1);
	const char *t;
	int r = EDIT_OK, multi = (e->flags & EDIT_MULTILINE) != 0;

	if (!old)
		abort();
	memcpy(old, edit_text(e), oldlen + 1);
	switch (op) {
	case OP_INSERT:
		r = edit_insert(e, cp);
		break;
	case OP_BACKSPACE:
		r = edit_backspace(e);
		break;
	case OP_DELETE:
		r = edit_delete(e);
		break;
	case OP_LEFT:
		r = edit_left(e);
		break;
	case OP_RIGHT:
		r = edit_right(e);
		break;
	case OP_HOME:
		r = edit_home(e);
		break;
	case OP_END:
		r = edit_end(e);
		break;
	case OP_UP:
		r = edit_up(e);
		break;
	case OP_DOWN:
		r = edit_down(e);
		break;
	case OP_PAGE_UP:
		r = edit_page_up(e);
		break;
	case OP_PAGE_DOWN:
		r = edit_page_down(e);
		break;
	case OP_WORD_LEFT:
		r = edit_word_left(e);
		break;
	case OP_WORD_RIGHT:
		r = edit_word_right(e);
		break;
	case OP_SET_TEXT:
		r = edit_set_text(e, s);
		if (r == EDIT_OK)
			m->raw = 1;
		break;
	case OP_SET_CURSOR:
		r = edit_set_cursor(e, n);
		break;
	case OP_SET_WRAP:
		edit_set_wrap(e, (int)n % 41, 1 + (int)n / 41 % 8);
		m->rows = 1 + (int)n % 5;
		m->fcols = (int)n % 23 - 1;
		r = EDIT_UNCHANGED;
		break;
	}
	t = edit_text(e);
	len = edit_len(e);
	cur = edit_cursor(e);
	CHECK(r == EDIT_OK || r == EDIT_MOVED || r == EDIT_UNCHANGED || r == EDIT_REFUSED);
	if (r == EDIT_OK) {
		CHECK(edit_generation(e) != gen);
	} else {
		/* nothing but the cursor changed, and only when it says so */
		CHECK(edit_generation(e) == gen);
		CHECK(len == oldlen && memcmp(t, old, len) == 0);
		if (r != EDIT_MOVED)
			CHECK(cur == oc);
	}
	switch (op) {
	case OP_INSERT: {
		char enc[4];
		int k = 0, expect_ok;

		if (r == EDIT_OK) {
			k = utf8_encode(cp, enc);
			CHECK(len == oldlen + (size_t)k);
			CHECK(memcmp(t, old, oc) == 0 && memcmp(t + oc, enc, (size_t)k) == 0 &&
			      memcmp(t + oc + k, old + oc, oldlen - oc) == 0);
			CHECK(cur >= oc + (size_t)k);
		}
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    escape_is_bidi(cp) || (escape_is_control(cp) && (cp != '\n' || !multi)) ||
		    ((e->flags & EDIT_NUMBER) && !((cp >= '0' && cp <= '9') ||
						    (cp >= 0x0E50 && cp <= 0x0E59) ||
						    cp == '.' || cp == '-' || cp == '+')))
			CHECK(r == EDIT_REFUSED);
		/* anything else outside the Thai block, not a mark, goes in */
		expect_ok = !(e->flags & EDIT_NUMBER) && !e->max_chars && cp > 0 &&
			    cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
			    !escape_is_bidi(cp) && !(escape_is_control(cp) && (cp != '\n' || !multi)) &&
			    (cp < 0x0E00 || cp > 0x0E7F) && !text_is_mark(cp);
		if (expect_ok)
			CHECK(r == EDIT_OK);
		break;
	}
	case OP_BACKSPACE:
		if (oc == 0)
			CHECK(r == EDIT_UNCHANGED);
		if (r == EDIT_OK) {
			size_t gone = oldlen - len, p = oc - gone;

			CHECK(len < oldlen && gone <= 4 && gone <= oc);
			CHECK(memcmp(t, old, p) == 0 && memcmp(t + p, old + oc, oldlen - oc) == 0);
			CHECK(cur >= p);
		}
		break;
	case OP_DELETE:
		if (oc == oldlen)
			CHECK(r == EDIT_UNCHANGED);
		if (r == EDIT_OK) {
			size_t c = text_cluster_len(old + oc, oldlen - oc);

			CHECK(len == oldlen - c);
			CHECK(memcmp(t, old, oc) == 0 && memcmp(t + oc, old + oc + c, len - oc) == 0);
			CHECK(cur >= oc);
		}
		break;
	case OP_LEFT:
		CHECK(r == (oc > 0 ? EDIT_MOVED : EDIT_UNCHANGED));
		CHECK(cur < oc || oc == 0);
		break;
	case OP_RIGHT:
		CHECK(r == (oc < oldlen ? EDIT_MOVED : EDIT_UNCHANGED));
		CHECK(cur > oc || oc == oldlen);
		break;
	case OP_HOME:
	case OP_WORD_LEFT:
	case OP_UP:
	case OP_PAGE_UP:
		CHECK(r != EDIT_OK);
		CHECK(cur <= oc);
		if (op == OP_HOME && !multi)
			CHECK(cur == 0);
		if ((op == OP_UP || op == OP_PAGE_UP) && !multi)
			CHECK(r == EDIT_UNCHANGED);
		break;
	case OP_END:
	case OP_WORD_RIGHT:
	case OP_DOWN:
	case OP_PAGE_DOWN:
		CHECK(r != EDIT_OK);
		CHECK(cur >= oc);
		if (op == OP_END && !multi)
			CHECK(cur == len);
		if ((op == OP_DOWN || op == OP_PAGE_DOWN) && !multi)
			CHECK(r == EDIT_UNCHANGED);
		break;
	case OP_SET_TEXT:
		CHECK(strcmp(t, s) == 0);
		CHECK(r == (strcmp(old, s) == 0 ? EDIT_UNCHANGED : EDIT_OK));
		if (r == EDIT_OK)
			CHECK(cur == len);
		break;
	case OP_SET_CURSOR:
		CHECK(r != EDIT_OK);
		CHECK(cur == next_boundary(t, len, n < len ? n : len));
		break;
	case OP_SET_WRAP:
		break;
	}
	free(old);
	if (op == OP_SET_TEXT ||
	    step % (len <= LONG_TEXT ? CHECK_EVERY : CHECK_EVERY_LONG) == 0)
		check_edit(m);
	else
		check_cursor(m);
}

/* Run the bytes of DATA as a script on a field, a text area and a number
 * field of at most 12 characters (see the top of the file). */
static void check_editing(const uint8_t *data, size_t size)
{
	static const struct { unsigned flags; size_t max; } kinds[3] = {
		{ 0, 0 }, { EDIT_MULTILINE, 0 }, { EDIT_NUMBER, 12 },
	};
	struct model m[3];
	size_t i = 0, ops = 0;
	char *text = malloc(SET_TEXT_MAX + 1);   /* the argument of Ctrl-T */
	int k;

	if (!text)
		abort();
	text[0] = '\0';

	for (k = 0; k < 3; k++) {
		CHECK(edit_init(&m[k].e, kinds[k].flags, kinds[k].max) == 0);
		m[k].raw = 0;
		m[k].rows = 3;
		m[k].fcols = 10;
		check_edit(&m[k]);
	}
	while (i < size && ops++ < MAX_OPS) {
		enum op op = OP_INSERT;
		uint32_t cp;
		size_t n = 0;
		int len = utf8_decode((const char *)data + i, size - i, &cp);

		if (len < 0) {
			op = OP_SET_WRAP;
			n = data[i++];
		} else {
			i += (size_t)len;
			switch (cp) {
			case 0x01: op = OP_HOME; break;
			case 0x05: op = OP_END; break;
			case 0x02: op = OP_LEFT; break;
			case 0x06: op = OP_RIGHT; break;
			case 0x10: op = OP_UP; break;
			case 0x0E: op = OP_DOWN; break;
			case 0x15: op = OP_PAGE_UP; break;
			case 0x16: op = OP_PAGE_DOWN; break;
			case 0x17: op = OP_WORD_LEFT; break;
			case 0x0F: op = OP_WORD_RIGHT; break;
			case 0x08: op = OP_BACKSPACE; break;
			case 0x04:
			case 0x7F: op = OP_DELETE; break;
			case 0x14: {
				/* up to the next Ctrl-T, a NUL ending it early */
				const uint8_t *end = memchr(data + i, 0x14, size - i);
				size_t tl = end ? (size_t)(end - (data + i)) : size - i;
				size_t keep = tl < SET_TEXT_MAX ? tl : SET_TEXT_MAX;

				op = OP_SET_TEXT;
				memcpy(text, data + i, keep);
				text[keep] = '\0';
				i += tl + (end != NULL);
				break;
			}
			case 0x13:
			case 0x0C:
				op = cp == 0x13 ? OP_SET_CURSOR : OP_SET_WRAP;
				n = i < size ? data[i++] : 0;
				if (op == OP_SET_CURSOR)
					n *= 3;
				break;
			case 0x1B:
				/* the next character inserted as it is; an invalid
				 * byte stands for a surrogate or a code point past
				 * U+10FFFF */
				if (i >= size)
					break;
				len = utf8_decode((const char *)data + i, size - i, &cp);
				if (len < 0) {
					cp = (data[i] & 1) ? 0xD800u + data[i] : 0x110000u + data[i];
					len = 1;
				}
				i += (size_t)len;
				break;
			default:
				break;
			}
		}
		for (k = 0; k < 3; k++)
			apply(&m[k], op, cp, text, n, ops);
	}
	for (k = 0; k < 3; k++) {
		check_edit(&m[k]);
		edit_free(&m[k].e);
	}
	free(text);
}

/* edit_import of the input for each kind of text: a refusal says where,
 * and what it accepts is a text that kind could have been typed into
 * (but for the Thai input order), then edited. */
static void check_import(const uint8_t *data, size_t size)
{
	static const struct { unsigned flags; size_t max; } kinds[4] = {
		{ 0, 0 }, { EDIT_MULTILINE, 0 }, { EDIT_NUMBER, 12 }, { EDIT_MULTILINE, 5 },
	};
	const char *buf = (const char *)data;
	int k;

	for (k = 0; k < 4; k++) {
		struct model m;
		char *out = (char *)"unset";
		size_t at = 12345;
		int r;

		CHECK(edit_init(&m.e, kinds[k].flags, kinds[k].max) == 0);
		r = edit_import(&m.e, buf, size, &out, &at);
		switch (r) {
		case EDIT_IMPORT_OK: {
			size_t len = strlen(out), i = 0;

			CHECK(at == 0);
			CHECK(fuzz_valid_utf8(out, len));
			while (i < len) {
				uint32_t cp;
				int n = utf8_decode(out + i, len - i, &cp);

				CHECK(!dangerous(cp) ||
				      (cp == '\n' && (kinds[k].flags & EDIT_MULTILINE)));
				i += (size_t)n;
			}
			if (kinds[k].flags & EDIT_NUMBER)
				CHECK(number_shaped(out, len));
			if (kinds[k].max)
				CHECK(count_cps(out, len) <= kinds[k].max);
			CHECK(edit_set_text(&m.e, out) != EDIT_NOMEM);
			m.raw = 0;
			m.rows = 2;
			m.fcols = 7;
			check_edit(&m);
			free(out);
			break;
		}
		case EDIT_IMPORT_NUL:
			CHECK(out == NULL && at < size && data[at] == 0);
			break;
		case EDIT_IMPORT_UTF8:
			CHECK(out == NULL && memchr(data, 0, size) == NULL);
			CHECK((long)at == utf8_invalid_at(buf, size));
			break;
		case EDIT_IMPORT_CONTROL: {
			uint32_t cp;

			CHECK(out == NULL && at < size);
			CHECK(utf8_decode(buf + at, size - at, &cp) > 0);
			CHECK(dangerous(cp) && cp != '\n' && cp != '\t');
			break;
		}
		case EDIT_IMPORT_NUMBER:
			CHECK(out == NULL && (kinds[k].flags & EDIT_NUMBER));
			break;
		case EDIT_IMPORT_LONG:
			CHECK(out == NULL && kinds[k].max > 0);
			break;
		case EDIT_IMPORT_ENCODING: {
			size_t off = size;

			/* the guess of check_thai_guess, on text with no Thai */
			CHECK(out == NULL && memchr(data, 0, size) == NULL);
			CHECK(!fuzz_has_cp_in(buf, size, 0x0E00, 0x0E7F));
			CHECK(escape_find_tis620(buf, size, &off) && at == off);
			break;
		}
		default:
			CHECK(!"edit_import returned something else");
		}
		edit_free(&m.e);
	}
}

/* ----------------------------------------------------------- the entry */

/* Everything above on one input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	size_t len = strlen(s), small;
	unsigned char *bnd;
	unsigned hash = 2166136261u;
	size_t i;

	/* sizes and widths from the input, so that they vary with it */
	for (i = 0; i < size; i++)
		hash = (hash ^ data[i]) * 16777619u;
	small = hash % 24;

	check_utf8(s, len);
	bnd = boundaries(s, len);
	check_widths(s, len);
	check_fit(s, len, bnd);
	check_truncate(s, len, bnd, small);
	check_wrap(s, len, (int)(hash >> 8) % 30 + 1);
	check_word_starts(s, len, bnd);
	check_show_marks(s);
	check_escape(s, len);
	check_escape_stream(s, len, data, size);
	check_thai_guess(s, len);
	check_numbers(s, data, size, small);
	check_collate(s, len);
	check_input_order(s, len);
	check_import(data, size);
	check_editing(data, size);
	free(bnd);
	free(s);
	return 0;
}
