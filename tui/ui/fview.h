/* fview.h - the form engine (fview*.c): any form_def (form.h) as a view.
 * It draws the lines above the fields, every field and the rows of the
 * form's groups (the sections of an AAR, its follow-up actions), labels
 * aligned by display width and values wrapped at Thai words; moves
 * between fields; types in text, number and date fields with the typing
 * widget (typing.h: saved at rest and on leaving, conflicts decided in
 * words, the recovery file); chooses a field's value from its list, a
 * reference in two steps (a kind, then the record); adds, deletes and
 * marks a group's rows; and saves through the def's save (a row's field
 * through its group's), so that undo and history see each change.
 *
 * The files: fview.c (loading, keys, typing), fviewrows.c (the fields
 * and rows the cursor stops at, a group's rows added, deleted, marked),
 * fviewpick.c (choosing from a list), fviewdraw.c (the drawing),
 * fviewnew.c (a new record).  For those and the views built on the
 * engine; other views open those with ui_open. */
#ifndef ROUTEMAP_UI_FVIEW_H
#define ROUTEMAP_UI_FVIEW_H

#include "routemap/form.h"
#include "routemap/typing.h"
#include "routemap/ui.h"

/* A place the cursor stops at: a field of the record, or a field of one
 * row of a group. */
struct fslot {
	const struct form_field *fld;
	int group;                   /* -1: the record's own field */
	size_t row;                  /* the row of the group */
	size_t field;                /* the field of the def, or of the group */
	const char *label;           /* as shown: translated, or the row's own */
	char *shown;                 /* a one-line field's value as shown
					(form_shown, made when loaded) */
};

/* What names a slot from one reading of the record to the next (rows
 * come and go under the user): the group and field, and the row by its
 * key, else its id, else its place. */
struct fplace {
	int group;                   /* -1: the record's own field; -2: none */
	size_t field;
	char *key;                   /* malloc'd or NULL */
	sqlite3_int64 id;
	size_t row;
};

struct fview {
	struct ui *ui;               /* for saving when the view goes */
	struct view *self;           /* its hint line changes while typing */
	struct view_ops ops;         /* the engine's, named after the form */
	enum action actions[24];     /* OPS.actions: the form's keys */
	/* a view built on the engine (fview_new_keys): keys of its own,
	 * shown before the form's and taken first, which may ask the user
	 * (the fund's answers); a def's keys (form_def.keys) only lead to
	 * a new record (NULL: none) */
	const enum action *view_keys;
	int (*view_act)(struct fview *f, struct ui *ui, enum action a);
	const struct form_def *def;
	struct form_ctx ctx;
	char *code, *part;           /* what the view was opened on */
	struct form_record rec;
	int loaded;
	int missing;                 /* the record is no more */
	struct fslot *slots;         /* where the cursor stops, in order */
	size_t nslots;
	size_t sel;                  /* the slot under the cursor */
	struct typing t;             /* typing in a field */
	size_t typed;                /* the slot being typed in */
	struct fplace typed_at;      /* and what names it */
	int in_save;                 /* a save is reading the record again */
	/* the form as last drawn: the lines [first, last] of each slot among
	 * NROWS, the first line shown, how many are shown */
	int *first, *last;
	int nrows, scroll, view;
	int scroll_for;              /* the slot SCROLL was set for */
	int label_w;                 /* columns of the widest one-line label */
	int draft;                   /* a new record not made yet: REC.values
					are what was filled in (fviewnew.c) */
	int typed_any;               /* and the user has filled some in */
};

/* F's context for its def's functions, with what F is opened on now
 * (a new record once made, or a renamed one, is loaded by other codes). */
static inline const struct form_ctx *fview_ctx(struct fview *f)
{
	f->ctx.code = f->code;
	f->ctx.part = f->part;
	return &f->ctx;
}

/* A view of the form DEF over the record AT names (AT->code and
 * AT->part are given to DEF's load), the cursor on DEF's first field,
 * DEF's title its name in the help.  Returns the view for the router to
 * push (the ui owns it), or NULL (said on the message line). */
struct view *fview_new(struct ui *ui, const struct form_def *def, const struct ui_place *at);

/* fview_new with keys of its own: ACTIONS (ended by ACT_COUNT) in the
 * hint line and help, ACT given each key first (returns 1 when it used
 * it).  As fview_new. */
struct view *fview_new_keys(struct ui *ui, const struct form_def *def, const struct ui_place *at,
			    const enum action *actions,
			    int (*act)(struct fview *f, struct ui *ui, enum action a));

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
 * record (one undoable step) and make F its form.  Returns TYPING_KEPT
 * while the record is not made (kept in the form only), else a
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

/* ---- the slots and the rows (fviewrows.c) ---- */

/* Lay out F's slots anew from its def and record (after each reading):
 * the def's fields, then each group's rows, each row's fields; their
 * values as shown.  Returns 0, or -1 when out of memory (F then has no
 * slots). */
int fview_slots_build(struct fview *f);
/* Free F's slots. */
void fview_slots_free(struct fview *f);
/* The value the database holds for slot I (NULL for none); F's. */
const char *fview_value(const struct fview *f, size_t i);
/* The group of slot I, NULL for the record's own field. */
const struct form_group *fview_group_of(const struct fview *f, size_t i);
/* What names slot I into *AT (free with fview_place_free).  Returns 0, or
 * -1 when out of memory. */
int fview_place(const struct fview *f, size_t i, struct fplace *at);
void fview_place_free(struct fplace *at);
/* The slot AT names in the record as read now, or -1 when it is gone. */
int fview_find(const struct fview *f, const struct fplace *at);
/* The first and last slots of the row of slot I (I, I for a field of
 * the record's own). */
void fview_row_span(const struct fview *f, size_t i, size_t *lo, size_t *hi);
/* Put the cursor on the row AT->part names by its key, else the row of
 * id AT->row, if any. */
void fview_place_cursor(struct fview *f, const struct ui_place *at);
/* Save VALUE (checked, stored form) into slot I through the def's save,
 * its group's, or into the new record (fviewnew.c).  As form_def.save. */
int fview_save(struct fview *f, struct ui *ui, size_t i, const char *expected, const char *value,
	       char **current, struct rm_error *err);
/* The mark shown before slot I (a follow-up action's "[✓]"), or NULL. */
const char *fview_mark(const struct fview *f, const struct ui *ui, size_t i);
/* a: a new row of the group under the cursor (else the first that takes
 * new rows), its fields asked in turn; the cursor then on it. */
void fview_add_row(struct fview *f, struct ui *ui);
/* d: delete the row under the cursor, after asking. */
void fview_delete_row(struct fview *f, struct ui *ui);
/* Space: turn the mark of the row under the cursor.  Returns 0 when it
 * has none (the key is not used). */
int fview_toggle_mark(struct fview *f, struct ui *ui);

/* ---- choosing from a list (fviewpick.c) ---- */

/* Enter on a chosen field: choose its value from its list and save it at
 * once, a step of its own. */
void fview_choose(struct fview *f, struct ui *ui);
/* Save VALUE, chosen from a list, into slot I, if the database still
 * holds EXPECTED there; said on the message line (on a conflict theirs
 * stays and shows).  Returns a change_result. */
int fview_save_chosen(struct fview *f, struct ui *ui, size_t i, const char *expected,
		      const char *value);
/* Let the user choose a value of field FLD from its list, a reference in
 * two steps (its kind, then the record; Esc among the records goes back
 * to the kinds), the cursor first on NOW, TITLE over the first list
 * (NULL: the field's label).  Returns 0 with *OUT the code
 * chosen (malloc'd), or -1 when the user cancelled or the list could not
 * be made (said on the message line). */
int fview_choose_value(struct ui *ui, const struct form_ctx *ctx, const struct form_field *fld,
		       const char *title, const char *now, char **out);

/* The view_ops draw of the engine (fviewdraw.c). */
void fview_draw(struct view *v, struct ui *ui, int top, int height);

#endif
