/* fview.h - the form engine (fview.c, fviewdraw.c): any form_def (form.h)
 * as a view.  It draws the lines above the fields and every field, labels
 * aligned by display width and values wrapped at Thai words; moves
 * between fields; types in text, number and date fields with the typing
 * widget (typing.h: saved at rest and on leaving, conflicts decided in
 * words, the recovery file); chooses a field's value from its list; and
 * saves through the def's save, so that undo and history see each change.
 * For the engine's files and the views built on it; other views open
 * those with ui_open. */
#ifndef ROUTEMAP_UI_FVIEW_H
#define ROUTEMAP_UI_FVIEW_H

#include "routemap/form.h"
#include "routemap/typing.h"
#include "routemap/ui.h"

struct fview {
	struct ui *ui;               /* for saving when the view goes */
	struct view *self;           /* its hint line changes while typing */
	struct view_ops ops;         /* the engine's, named after the form */
	const struct form_def *def;
	struct form_ctx ctx;
	char *code, *part;           /* what the view was opened on */
	struct form_record rec;
	int loaded;
	int missing;                 /* the record is no more */
	size_t sel;                  /* the field under the cursor */
	struct typing t;             /* typing in a field */
	size_t typed;                /* the field being typed in */
	int in_save;                 /* a save is reading the record again */
	/* the form as last drawn: the lines [first, last] of each field among
	 * NROWS, the first line shown, how many are shown */
	int *first, *last;
	int nrows, scroll, view;
	int scroll_for;              /* the field SCROLL was set for */
	int label_w;                 /* columns of the widest one-line label */
	int draft;                   /* a new record not made yet: REC.values
					are what was filled in (fviewnew.c) */
	int typed_any;               /* and the user has filled some in */
};

/* A view of the form DEF over the record AT names (AT->code and
 * AT->part are given to DEF's load), the cursor on DEF's first field,
 * DEF's title its name in the help.  Returns the view for the router to
 * push (the ui owns it), or NULL (said on the message line). */
struct view *fview_new(struct ui *ui, const struct form_def *def, const struct ui_place *at);

/* A view of a new record of DEF, to be made where AT->code and AT->part
 * say (DEF's create), starting from DEF's defaults.  As fview_new. */
struct view *fview_new_record(struct ui *ui, const struct form_def *def,
			      const struct ui_place *at);

/* ---- new records (fviewnew.c) ---- */

/* Make F a new record's form: its values DEF's defaults, its line above
 * the fields saying what it still needs.  Returns 0, or -1 (said on the
 * message line). */
int fview_draft_start(struct fview *f, struct ui *ui);

/* Keep STORED (checked, in stored form; NULL for none) as field FIELD of
 * the new record F; when every required field has a value, make the
 * record (one undoable step) and make F its form.  Returns a
 * change_result; on CHANGE_ERROR, ERR says why (the values are kept). */
int fview_draft_keep(struct fview *f, struct ui *ui, size_t field, const char *stored,
		     struct rm_error *err);

/* Back from a new record not made yet: ask first when something was
 * filled in.  Returns 1 when the user stays, 0 when the view may go
 * (what was filled in then kept in the recovery file). */
int fview_draft_leave(struct fview *f, struct ui *ui);

/* What was filled in a new record not made yet goes to the recovery file
 * (the view is going: quitting, a signal). */
void fview_draft_abandon(struct fview *f, struct ui *ui);

/* Is field F typed into (a text, a number, a date), not chosen? */
int fview_typed_field(const struct form_field *f);

/* The view_ops draw of the engine (fviewdraw.c). */
void fview_draw(struct view *v, struct ui *ui, int top, int height);

#endif
