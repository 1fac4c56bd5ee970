/* escape.h - clean text in, safe text out.
 *
 * In: what may be stored.  No text holds C0 or C1 control characters (a
 * line break only in a multi-line text), bidirectional embeddings,
 * overrides or isolates (U+202A..U+202E, U+2066..U+2069), or the line and
 * paragraph separators U+2028/U+2029.  A code holds none of those and no
 * invisible or space character but the plain space: no NBSP, no zero-width
 * space or joiner, no BOM, no soft hyphen, no tab.
 *
 * Out: nothing from the data reaches a terminal as it is.  C0 controls
 * show in caret notation (ESC as ^[, DEL as ^?), C1 controls, the bidi
 * controls and the separators as <U+202E>, an invalid byte as \xFF; in
 * messages invisible characters show as <U+00A0> too, and a line break as
 * \n, so that a message is always one line.
 */
#ifndef ROUTEMAP_ESCAPE_H
#define ROUTEMAP_ESCAPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What a text may hold (escape_find_unclean). */
enum {
	CLEAN_MULTILINE = 1,   /* line breaks ('\n') allowed */
	CLEAN_CODE = 2,        /* a code: no invisible or space character but ' ' */
};

/* True for a C0 or C1 control character or DEL. */
int escape_is_control(uint32_t cp);
/* True for a bidi embedding, override or isolate, or U+2028/U+2029. */
int escape_is_bidi(uint32_t cp);
/* True for a character that shows as nothing or as a space but is not
 * U+0020: the other space separators and the format characters (NBSP,
 * ZWSP, ZWNJ, ZWJ, LRM, RLM, soft hyphen, word joiner, BOM...). */
int escape_is_invisible(uint32_t cp);

/* The first character of S (LEN bytes of valid UTF-8) that a text of kind
 * FLAGS (CLEAN_*) may not hold: returns 1 and sets *OFFSET (bytes) and *CP;
 * 0 when S is clean. */
int escape_find_unclean(const char *s, size_t len, unsigned flags, size_t *offset,
			uint32_t *cp);

/* Thai saved as Windows-874 (TIS-620) is sometimes valid UTF-8 by chance:
 * "ลดลง" is the bytes C5 B4 C5 A7, which read as UTF-8 are "Ŵŧ".  True,
 * with *OFFSET (bytes) at the first non-ASCII character of the first such
 * word, when S (LEN bytes of valid UTF-8) reads like that: every non-ASCII
 * character of S is made of bytes that are printable TIS-620 (0xA1..0xFB),
 * and some word (between ASCII spaces, tabs and line breaks) holds one of
 * them that is a letter and no Latin letter a-z A-Z ("Café" is a word of
 * its own; "25°C" and "±5%" hold signs only).  0 otherwise.  Meant for
 * text that holds no Thai character at all (escape_has_thai), where Thai
 * is expected. */
int escape_find_tis620(const char *s, size_t len, size_t *offset);

/* True when S (LEN bytes) holds a character of the Thai block. */
int escape_has_thai(const char *s, size_t len);

/* How escape_text and the stream treat a line break. */
enum {
	ESC_NL_LITERAL = 0,   /* as the two characters \n (messages) */
	ESC_NL_KEEP = 1,      /* as it is (text printed on lines of its own);
				 a tab then shows as ^I, elsewhere as a space */
	ESC_NL_SPACE = 2,     /* as a space (one line of a table or a screen) */
	ESC_INVISIBLE = 4,    /* invisible characters as <U+XXXX> too */
};

/* The escape of code point CP under FLAGS (ESC_*) into OUT (at least 12
 * bytes, NUL-terminated); returns its length, 0 when CP shows as it is. */
size_t escape_cp(uint32_t cp, unsigned flags, char *out);

/* The character at S (LEN > 0 bytes): its length in bytes (1 for a byte
 * that is no character), and in ESC (12 bytes) its escape under FLAGS
 * with *ESCLEN its length, 0 when it shows as it is (\xNN for a byte
 * that is no character). */
size_t escape_next(const char *s, size_t len, unsigned flags, char *esc, size_t *esclen);

/* S with every character that must not reach a terminal escaped (and
 * invalid bytes as \xNN).  Returns a malloc'd string (caller frees), NULL
 * when out of memory. */
char *escape_text(const char *s, unsigned flags);

/* VALUE as a message quotes a value it refuses: every control and
 * invisible character made visible, cut to 40 columns with "…", in
 * double quotes, into OUT (SIZE bytes; 200 is enough).  Returns OUT. */
const char *escape_shown(const char *value, char *out, size_t size);

/* A stream that writes to UNDER what it is given with escape_text's
 * escapes (line breaks kept, a tab as ^I), and a mark with no base (at the
 * start of a line, after a space or an escape) or past a cell's worth on
 * a dotted circle, as text_show_marks draws it.  Closing it flushes but does not
 * close UNDER.  NULL when it cannot be made. */
FILE *escape_stream(FILE *under);

#endif
