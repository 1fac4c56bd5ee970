/* widget.h - curses faces of struct edit (edit.h): a single-line field, a
 * multi-line text area, their keys, and editing in $VISUAL / $EDITOR.
 *
 * The widgets keep no state of their own: the text, the cursor and the
 * scroll positions live in the struct edit, so a view can redraw a form
 * from scratch on every key.  Draw the focused widget last: the terminal
 * cursor is left where it was drawn (the caller turns it on with
 * curs_set(1) while a widget has the focus).
 */
#ifndef ROUTEMAP_WIDGET_H
#define ROUTEMAP_WIDGET_H

#include <curses.h>
#include <stddef.h>

#include "routemap/edit.h"

/* What widget_key did with a key. */
enum widget_result {
	WIDGET_IGNORED = 0,  /* not a key of the widget (Tab, F-keys, Ctrl-L,
			      * Up/Down at the edge or in a single-line field,
			      * PgUp/PgDn in a field): the caller may use it */
	WIDGET_CHANGED,      /* the text changed: redraw, save when done */
	WIDGET_MOVED,        /* the cursor moved (or nothing happened): redraw */
	WIDGET_REFUSED,      /* not allowed (Thai input order, not a digit, too
			      * long): the caller beeps */
	WIDGET_DONE,         /* Enter in a single-line field */
	WIDGET_CANCEL,       /* Esc */
	WIDGET_EXTERNAL,     /* Ctrl-E: the caller runs widget_external_edit */
};

/* Draw E as a single-line field of WIDTH columns at (Y, X) of W in ATTR:
 * the visible slice padded with spaces, scrolled so the cursor shows; put
 * W's cursor on the edit cursor when FOCUSED. */
void widget_field_draw(WINDOW *w, int y, int x, int width, struct edit *e, attr_t attr,
		       int focused);

/* Draw E as a text area of WIDTH x HEIGHT at (Y, X) of W in ATTR: wrapped
 * at Thai words, scrolled so the cursor line shows. */
void widget_area_draw(WINDOW *w, int y, int x, int width, int height, struct edit *e,
		      attr_t attr, int focused);

/* Apply the key get_wch returned (STATUS: OK or KEY_CODE_YES; CH) to E.
 * Returns an enum widget_result. */
int widget_key(struct edit *e, int status, wint_t ch);

/* -1 for Ctrl-Left, 1 for Ctrl-Right, 0 for any other key (STATUS and CH
 * as get_wch returned them).  The codes come from the terminal's kLFT5 /
 * kRIT5, with the usual sequences of xterm, rxvt and PuTTY defined as
 * well (define_key) when the terminal description lacks them. */
int widget_ctrl_arrow(int status, wint_t ch);

/* Set up the extended key codes above; call once after initscr and
 * keypad (widget_key also does it on first use). */
void widget_keys_init(void);

/* Edit E's text in $VISUAL, else $EDITOR, else vi (split on spaces, run
 * without a shell) on a private temporary file, handing the terminal over
 * and taking it back (the caller redraws everything afterwards).  The text
 * comes back without the newline editors add, lines joined with spaces in
 * a single-line field.  When the editor fails (a non-zero exit, vi's :cq)
 * its text is not taken, unless the line dropped meanwhile (SIGHUP): then
 * what it left in its file is.  Invalid UTF-8 (a Windows-874 save), NUL
 * bytes or a text the field does not accept leave E unchanged.  Whenever
 * a text is not taken the file is kept and ERRBUF names it.  Returns 0
 * when the text changed, 1 when it did not, -1 with a message in ERRBUF. */
int widget_external_edit(struct edit *e, char *errbuf, size_t errsize);

#endif
