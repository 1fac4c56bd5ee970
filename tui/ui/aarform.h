/* aarform.h - the inside of the AAR form (aarform.c), shared by its
 * parts: the drawing (aardraw.c) and the follow-up actions (aarfollow.c).
 * For those files only; other views open the form with ui_open. */
#ifndef ROUTEMAP_UI_AARFORM_H
#define ROUTEMAP_UI_AARFORM_H

#include "routemap/aar.h"
#include "routemap/edit.h"
#include "routemap/typing.h"
#include "routemap/ui.h"

/* The rows the cursor moves over.  A section is one row: its heading and
 * its text area.  Each follow-up action is four: its text, owner, due
 * date and status. */
enum row_kind {
	R_TITLE, R_DATE, R_SUBJECT, R_FACILITATOR, R_PARTICIPANTS, R_TAGS, R_SECTION,
	R_ACTION, R_OWNER, R_DUE, R_STATUS,
};

struct frow {
	enum row_kind kind;
	size_t idx;               /* the section or the action */
	int y, h;                 /* lines in the form at the last layout */
};

/* The wrapped lines of a section that is not being edited. */
struct wrapped {
	struct edit_layout lay;
	int cols;                 /* 0: not made yet */
};

struct form {
	struct ui *ui;            /* for saving when the view goes */
	struct view *self;        /* its hint line changes while typing */
	char *code;
	struct aar_record r;
	int loaded;
	struct frow *rows;
	size_t nrows, cur;
	int scroll;               /* the form's line at the top of the screen */
	int total;                /* the form's lines at the last layout */
	int actions_y;            /* the line of the actions' heading */
	int label_w;              /* width of the field labels */
	struct wrapped *wrapped;  /* per section */
	struct typing t;          /* typing in a field */
	struct {                  /* which field: rows move when others change */
		enum row_kind kind;
		char *section;        /* R_SECTION: its key */
		sqlite3_int64 action; /* an action's rows: its id */
	} typed;
	int in_save;              /* form_save is reloading the record */
	int going;                /* the view is being freed: no reloading */
};

/* ---- the rows (aarform.c) ---- */

/* The label of a row of kind K ("title", "owner"), translated. */
const char *aarform_row_label(enum row_kind k);
/* The change_field name of a row's field ("aar.title"), NULL for those
 * saved otherwise (the subject, the tags, a section). */
const char *aarform_row_field(enum row_kind k);
/* Is K one of a follow-up action's four rows? */
int aarform_is_action_row(enum row_kind k);
/* The follow-up action of ROW, NULL when ROW is not one of an action's. */
struct aar_followup *aarform_row_action(struct form *p, const struct frow *row);
/* What the database holds for ROW (NULL for none); P's, not a copy. */
const char *aarform_row_value(struct form *p, const struct frow *row);
/* The row id change_field takes for ROW: its action's, else the record's. */
sqlite3_int64 aarform_row_id(struct form *p, const struct frow *row);
/* Does S hold more than blanks? */
int aarform_filled(const char *s);

/* ---- the follow-up actions (aarfollow.c) ---- */

/* A follow-up action's status ("open", "done", "dropped") for people. */
const char *aarform_status_label(const char *s);
/* Enter on a status row: choose the status from a list; saved at once. */
void aarform_choose_status(struct form *p, struct ui *ui);
/* a: a new follow-up action (its text, who, by when), saved, the cursor
 * on it; words typed are never dropped (a failed save keeps them). */
void aarform_add_action(struct form *p, struct ui *ui);
/* d: delete the follow-up action under the cursor, after asking. */
void aarform_delete_action(struct form *p, struct ui *ui);
/* Space: the action under the cursor done when open, open otherwise.
 * Returns 0 when the cursor is on no action (the key is not used). */
int aarform_toggle_status(struct form *p, struct ui *ui);

/* ---- the drawing (aardraw.c) ---- */

/* The form's view_ops draw: the form in rows TOP .. TOP + HEIGHT - 1. */
void aarform_draw(struct view *v, struct ui *ui, int top, int height);
/* Forget the sections' wrapped lines (the record is read again or goes). */
void aarform_wrapped_clear(struct form *p);

#endif
