/* edit.h - the editing model of a text field or text area: a UTF-8 buffer,
 * a cursor that only ever sits between grapheme clusters, Thai input order,
 * number-only fields, and the layout (horizontal scroll of a field, wrapped
 * lines and vertical scroll of a text area).  No curses here: ui/widget.c
 * draws it and maps keys onto it.
 *
 * Offsets are bytes into the text.  Widths are display columns as drawn by
 * the widgets (see edit_width): a mark with no base is drawn on a dotted
 * circle (1 column), a control character or a bidi control as its escape
 * (escape.h: ^A, <U+202E>; a tab as a space, a CR as nothing), an invalid
 * byte as \xFF.
 */
#ifndef ROUTEMAP_EDIT_H
#define ROUTEMAP_EDIT_H

#include <stddef.h>
#include <stdint.h>

/* Flags of struct edit. */
enum {
	EDIT_MULTILINE = 1 << 0,   /* a text area: Enter inserts '\n' */
	EDIT_NUMBER    = 1 << 1,   /* ASCII/Thai digits, one '.', a leading sign */
};

/* What an operation did. */
enum edit_result {
	EDIT_OK = 0,      /* the text changed */
	EDIT_MOVED,       /* only the cursor moved */
	EDIT_UNCHANGED,   /* nothing to do (at an edge, nothing to delete) */
	EDIT_REFUSED,     /* not allowed here (the UI beeps); nothing changed */
	EDIT_NOMEM,       /* out of memory; nothing changed */
};

/* One display line of a layout: bytes [start, end) of the text.  HARD: the
 * line ends at a '\n' (not included) or at the end of the text; otherwise
 * it was wrapped and the next line starts at END. */
struct edit_line {
	size_t start, end;
	int width;
	int hard;
};

struct edit_layout {
	struct edit_line *v;
	size_t n;          /* at least 1 */
	int cols;          /* wrap width; <= 0: not wrapped */
};

/* The visible part of a single-line field. */
struct edit_view {
	size_t start, end;   /* visible bytes [start, end) */
	int width;           /* their columns */
	int cursor_col;      /* cursor column from the field's left edge */
};

/* A text being edited.  Read the fields through the functions below; the
 * view fields are kept between draws by the widgets. */
struct edit {
	char *text;              /* NUL-terminated, owned */
	size_t len, cap;
	size_t cursor;           /* at a cluster boundary */
	unsigned flags;
	size_t max_chars;        /* code points; 0: no limit */
	unsigned long gen;       /* bumped on every change of the text */
	/* the code point the last edit_insert put in (its bytes) and where it
	 * left the cursor; valid while the text is as that insert left it
	 * (typed_gen == gen) */
	size_t typed_at, typed_len, typed_cursor;
	unsigned long typed_gen;
	int goal_col;            /* column kept by Up/Down; -1: none */
	/* view state */
	int wrap_cols;           /* text area width; <= 0: not wrapped */
	int page_rows;           /* text area height, for PgUp/PgDn */
	size_t hscroll;          /* field: first visible byte */
	size_t vscroll;          /* text area: first visible line */
	/* layout cache, valid for (lay_gen, lay_cols) */
	struct edit_layout lay;
	unsigned long lay_gen;
	int lay_cols;
	int lay_valid;
};

/* An empty text with FLAGS (EDIT_*) and at most MAX_CHARS code points
 * (0: no limit).  Returns 0, or -1 when out of memory. */
int edit_init(struct edit *e, unsigned flags, size_t max_chars);
void edit_free(struct edit *e);

/* Replace the whole text by S (copied as is, not checked) and put the
 * cursor at its end.  Returns EDIT_OK, EDIT_UNCHANGED (cursor kept) when S
 * is the current text, or EDIT_NOMEM. */
int edit_set_text(struct edit *e, const char *s);

/* The text (owned by E, valid until the next change) and its length. */
const char *edit_text(const struct edit *e);
size_t edit_len(const struct edit *e);

/* The change counter: compare with an earlier value to know whether the
 * text changed since. */
unsigned long edit_generation(const struct edit *e);

size_t edit_cursor(const struct edit *e);

/* Put the cursor at byte POS (clamped), moved forward to the end of the
 * cluster it falls in.  Returns EDIT_MOVED or EDIT_UNCHANGED. */
int edit_set_cursor(struct edit *e, size_t pos);

/* Insert code point CP at the cursor and put the cursor after the cluster
 * it joined.  Refused: control characters ('\n' is allowed in a text
 * area), what breaks the Thai input order after the code point before the
 * cursor, bidi controls (escape.h), anything but a digit, one '.' and
 * a leading sign in a number field, and going over the limit. */
int edit_insert(struct edit *e, uint32_t cp);

/* Backspace: delete the last code point before the cursor (a tone mark
 * goes, its consonant stays); right after an insert that joined a mark
 * standing alone ("ก" typed before an orphan "่"), the code point typed,
 * never the orphan.  Delete: the whole cluster after the cursor. */
int edit_backspace(struct edit *e);
int edit_delete(struct edit *e);

/* Ctrl-U and Ctrl-K: delete from the start of the cursor's line up to the
 * cursor (TO_END 0), or from the cursor to the end of its line (TO_END 1);
 * the line break stays.  Returns EDIT_OK or EDIT_UNCHANGED. */
int edit_kill_line(struct edit *e, int to_end);

/* Cursor moves: by cluster; by word (Thai word boundaries from libthai,
 * and spaces); to the start / end of the display line (the whole field,
 * or the wrapped line of a text area, see edit_set_wrap); up and down a
 * display line keeping the column (EDIT_UNCHANGED in a single-line field
 * and at the first / last line); a page of a text area up and down. */
int edit_left(struct edit *e);
int edit_right(struct edit *e);
int edit_word_left(struct edit *e);
int edit_word_right(struct edit *e);
int edit_home(struct edit *e);
int edit_end(struct edit *e);
int edit_up(struct edit *e);
int edit_down(struct edit *e);
int edit_page_up(struct edit *e);
int edit_page_down(struct edit *e);

/* The width a text area wraps at and its height in rows (set by the
 * widget when it draws; until then the text is not wrapped). */
void edit_set_wrap(struct edit *e, int cols, int rows);

/* Display columns of S[0, LEN) as the widgets draw it. */
int edit_width(const char *s, size_t len);

/* S[0, LEN) as the widgets draw it: orphan marks on a dotted circle,
 * control characters and bidi controls escaped (^A, <U+202E>), invalid
 * bytes as \xFF, a tab as a space, CR dropped.  Returns a malloc'd string (caller frees) or NULL. */
char *edit_render(const char *s, size_t len);

/* Wrap S (a NUL-terminated string) into display lines of at most COLS
 * columns (<= 0: only at '\n') at spaces and Thai word boundaries; a word
 * wider than a line is split between clusters.  Spaces stay at the end of the line they follow
 * while they fit.  A paragraph that fills its last line gets an empty line
 * after it, for the cursor.  Fills OUT (free with edit_layout_free);
 * returns 0 or -1 when out of memory. */
int edit_wrap(const char *s, int cols, struct edit_layout *out);
void edit_layout_free(struct edit_layout *l);

/* The line of L holding offset POS, and POS's column in it. */
size_t edit_layout_row(const struct edit_layout *l, const char *s, size_t pos, int *col);

/* The offset on line ROW of L nearest column COL from the left, at a
 * cluster boundary, never past the line's end (the end of a wrapped line
 * belongs to the next line, so its last cluster is the limit). */
size_t edit_layout_offset(const struct edit_layout *l, const char *s, size_t row, int col);

/* E's current layout (wrapped at its wrap width in a text area; a single
 * line in a field), cached; NULL when out of memory.  Owned by E, valid
 * until the next change. */
const struct edit_layout *edit_layout(struct edit *e);

/* Text area: the cursor's line and column, and the first line to show in
 * ROWS rows so that the cursor line is visible (kept from the previous
 * call where possible).  Returns 0 or -1 when out of memory. */
int edit_area_view(struct edit *e, int rows, size_t *top, size_t *cursor_row,
		   int *cursor_col);

/* Single-line field of COLS columns: the visible part, scrolled by whole
 * clusters just enough that the cursor (and its cell) is visible. */
void edit_field_view(struct edit *e, int cols, struct edit_view *v);

/* What an external editor saved, checked and made into a text for E. */
enum edit_import_status {
	EDIT_IMPORT_OK = 0,
	EDIT_IMPORT_NOMEM,
	EDIT_IMPORT_UTF8,      /* invalid UTF-8 at byte *AT */
	EDIT_IMPORT_NUL,       /* a NUL byte at *AT */
	EDIT_IMPORT_CONTROL,   /* a control character at *AT */
	EDIT_IMPORT_NUMBER,    /* not a number, in a number field */
	EDIT_IMPORT_LONG,      /* more than E's max_chars code points */
	EDIT_IMPORT_ENCODING,  /* Thai saved as Windows-874 that reads as
				  UTF-8 by chance (escape_find_tis620), at *AT */
};

/* Turn BUF (LEN bytes, as an editor saved it) into a text for E: CRLF
 * becomes LF, a tab four spaces, one trailing newline goes, and in a
 * single-line field the lines are joined with spaces.  Refused: invalid
 * UTF-8, NUL bytes, other control characters and bidi controls
 * (escape.h), a text a number field would not take, a text over the
 * limit.  On EDIT_IMPORT_OK *OUT gets a
 * malloc'd string (caller frees); on a refusal *AT gets the byte offset
 * in BUF where it was found (0 when it has none). */
int edit_import(const struct edit *e, const char *buf, size_t len, char **out, size_t *at);

#endif
