/* text.h - the Thai text engine: UTF-8, display width, grapheme clusters,
 * truncation and padding by columns, word wrapping by Thai words (libthai),
 * Thai digits, Thai collation, input order.  No curses here.
 *
 * Widths are display columns (wcwidth semantics under a UTF-8 locale, but
 * computed here so that they do not depend on the process locale): Thai
 * consonants, leading vowels and SARA AM are 1 column; above and below
 * vowels, tone marks and other combining marks are 0.
 */
#ifndef ROUTEMAP_TEXT_H
#define ROUTEMAP_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "routemap/error.h"

/* Decode one code point at S (at most LEN bytes).  Returns the number of
 * bytes used (1..4), or -1 for an invalid or truncated sequence. */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode CP into OUT (at least 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

/* Check that S (LEN bytes) is valid UTF-8.  Returns -1 if valid, else the
 * byte offset of the first invalid byte. */
long utf8_invalid_at(const char *s, size_t len);

/* Display columns of one code point: 0, 1 or 2 (control characters: 0). */
int text_cp_width(uint32_t cp);

/* True for code points that attach to the character before them. */
int text_is_mark(uint32_t cp);

/* Display columns of the UTF-8 string S (LEN bytes, or strlen if
 * LEN == (size_t)-1). */
int text_width_n(const char *s, size_t len);
int text_width(const char *s);

/* Length in bytes of the grapheme cluster that starts at S (a base with its
 * marks; SARA AM and a following mark stay with the syllable before).
 * 0 at the end of the string. */
size_t text_cluster_len(const char *s, size_t len);

/* Byte length of the longest prefix of S that fits in COLS columns without
 * splitting a cluster; its width goes to *WIDTH if not NULL. */
size_t text_fit(const char *s, int cols, int *width);

/* Write into OUT (SIZE bytes) S as it fits in COLS columns, then padded
 * with spaces to exactly COLS columns when PAD is set; returns the columns
 * written.  A text cut to fit (or that OUT cannot hold) ends in "…"
 * ("..." when ASCII is set; as many dots as fit below 3 columns): cut
 * after a whole word (libthai's words) when that keeps two thirds of the
 * room or more, else between two clusters, and never with a space or a
 * lone leading vowel (เ แ โ ใ ไ) before the ellipsis.  Cut in textcut.c. */
int text_truncate(char *out, size_t size, const char *s, int cols, int pad, int ascii);

/* Lines of wrapped text.  Each line is a malloc'd NUL-terminated string. */
struct text_lines {
	char **v;
	size_t n;
};

/* Wrap S into lines of at most COLS columns, breaking at spaces and at
 * Thai word boundaries (libthai's dictionary), splitting a word only when
 * it alone is wider than a line (and then only between clusters).  Line
 * breaks in S are kept.  Returns 0, or -1 when out of memory. */
int text_wrap(const char *s, int cols, struct text_lines *out);
void text_lines_free(struct text_lines *lines);

/* Byte offsets in S where a word may start (Thai word breaks and spaces),
 * ascending, for word-wise cursor moves.  *N gets the count; caller frees.
 * NULL when out of memory. */
size_t *text_word_starts(const char *s, size_t *n);

/* A mark that shows (a vowel or tone mark above or below, a combining
 * accent), not a zero-width format character such as U+200B. */
int text_is_visible_mark(uint32_t cp);
/* A character marks can sit on: not a space, a control or a mark. */
int text_is_mark_base(uint32_t cp);

/* The marks one terminal cell holds over its base: ncursesw keeps
 * CCHARW_MAX - 1 = 4 and drops the rest silently. */
#define TEXT_CELL_MARKS 4

/* S as it may be drawn on one line of a terminal: a dotted circle (U+25CC)
 * before every mark that has no base (at the start, or after a space) and
 * before the fifth mark of a cell (and the ninth...), so none is lost;
 * line breaks and tabs as spaces, and every other control, bidi control
 * or invalid byte escaped as escape.h says (^[, <U+202E>).  Returns a
 * malloc'd string (caller frees) or NULL when out of memory. */
char *text_show_marks(const char *s);

/* True when code point NEXT may follow PREV in standard Thai input order
 * (libthai's th_isaccept, strict level); PREV = 0 at the start. */
int text_input_accepts(uint32_t prev, uint32_t next);

/* Replace Thai digits (U+0E50..U+0E59) by ASCII digits; returns a malloc'd
 * string or NULL when out of memory. */
char *text_ascii_digits(const char *s);

/* Parse an integer / a decimal number written with ASCII or Thai digits,
 * an optional sign (numbers only), surrounding spaces allowed.  Returns 0,
 * or -1 when S is not such a number (or out of range). */
int text_parse_int(const char *s, long long *out);
int text_parse_number(const char *s, double *out);

/* V as a plain decimal (no exponent, "." as the point) with the fewest
 * significant digits that read back to exactly V: 0.00001, 73.5,
 * 12345678901234568, 42.  Into OUT (at least 330 bytes for any double).
 * Returns 0, or -1 for an infinity, a NaN or too small a buffer. */
int text_format_number(double v, char *out, size_t size);

/* Baht as people type it into *OUT: ASCII or Thai digits, commas only
 * between thousands groups ("12,500", "๑๒,๕๐๐", "1,250.50"; not "1,5"
 * nor "12,50"), 0 or more (no sign), surrounding spaces allowed, held
 * exactly by a double.  Returns 0, or -1 when S is not such an amount. */
int text_parse_baht(const char *s, double *out);

/* BAHT with commas between thousands and satang only when there are
 * any: "12,500", "1,250.50", "-300" into OUT (SIZE bytes; 32 is room
 * enough).  The one way baht reads on screen and in reports. */
void text_format_baht(double baht, char *out, size_t size);

/* Does the double V, parsed from S (text_parse_number), hold S exactly as
 * written?  Not "9007199254740993" (2^53 + 1) nor more significant digits
 * than a double keeps; yes for "73.50" (73.5) and "0.1".  1 or 0. */
int text_number_exact(const char *s, double v);

/* Compare two UTF-8 strings in Thai dictionary order (libthai's
 * collation), ties broken by bytes so that the order is total. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen);

/* Dates. */
struct text_date { int year, month, day; };   /* Gregorian */

/* Read a date as people write it: "2569-01-15", "15/1/2569", "15/01/69",
 * "15 ม.ค. 2569", "15 มกราคม พ.ศ. 2569", "15 ม.ค. 69", any of them in Thai
 * digits, Gregorian "2026-01-15" and "15/1/2026", and the forms shown by
 * text_format_date and text_format_typed.  A four-digit year from 2443 to
 * 2743 is Buddhist Era, from 1900 to 2200 Gregorian; two digits are BE 25xx;
 * "พ.ศ."/"ค.ศ." before the year say which.  Spaces around are ignored.
 * Returns 0 with the Gregorian date in *D, or -1 for anything else (any
 * other year, an impossible day). */
int text_parse_date(const char *s, struct text_date *d);

/* The accepted forms, in one translated clause for error messages
 * ("write it as 15/1/2569, ..."); static, not to be freed. */
const char *text_date_forms(void);

/* "15/1/2569" (BUDDHIST) or "15/1/2026": the short form offered for
 * editing, read back by text_parse_date.  Into OUT. */
void text_format_typed(const struct text_date *d, int buddhist, char *out, size_t size);

/* "2026-01-20" */
void text_format_iso(const struct text_date *d, char *out, size_t size);

/* "20 ม.ค. 2569" (Buddhist, Thai month) or "20 Jan 2026" (Gregorian). */
void text_format_date(const struct text_date *d, int buddhist, char *out, size_t size);

/* A stored date (ISO, "2026-01-20") as text_format_date shows it; ISO
 * itself when it is no date ("" for NULL).  Into OUT. */
void text_format_stored_date(const char *iso, int buddhist, char *out, size_t size);

/* The era dates are written in where no office setting is at hand (the
 * messages of core/): Buddhist (1, the default) or Gregorian (0). */
void text_calendar(int buddhist);
/* The era text_calendar set: 1 Buddhist, 0 Gregorian. */
int text_calendar_buddhist(void);

/* A change-log time, "2026-11-30T13:46:53.915Z" (UTC), as people read it:
 * local time, "30 พ.ย. 2569 20:46" in the era text_calendar set.  Into
 * OUT; AT itself when it is no such time. */
void text_format_timestamp(const char *at, char *out, size_t size);

/* The moment T as people read it: "30 พ.ย. 2569 20:46", local time, in
 * the era text_calendar set.  Into OUT; 0, or -1 when T is no local time. */
int text_format_time(time_t t, char *out, size_t size);

/* Today's date, local time. */
void text_today(struct text_date *d);

/* The Thai fiscal year (Buddhist Era) that D falls in: from 1 October. */
int text_fiscal_year(const struct text_date *d);

#endif
