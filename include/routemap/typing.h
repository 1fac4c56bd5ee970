/* typing.h - typing into one field of a form (tui/ui/typing.c): the text
 * being edited, what the database held when typing began (so that nobody's
 * work is overwritten unseen), saving at rest and on leaving, a conflict
 * decided by the user in words (keep mine, take theirs, see both), and the
 * recovery file for what cannot be saved.  The forms give it a save
 * function; everything else about typing is here once.
 */
#ifndef ROUTEMAP_TYPING_H
#define ROUTEMAP_TYPING_H

#include <stddef.h>
#include <wchar.h>

#include "routemap/edit.h"
#include "routemap/error.h"

struct ui;

/* What a form's save function returns besides change_result's values:
 * the form itself refuses the text (an empty title, not a date) or its
 * record is no longer there; ERR says why.  Nothing was written, and a
 * retry would not help. */
#define TYPING_REFUSED 10

/* What a form's save function returns when the text is kept in the form
 * but not written to the database yet (a new record's field, the record
 * not made until its required fields are filled): the typing takes it as
 * kept, without saying "saved"; the form says what is still needed. */
#define TYPING_KEPT 11

/* Save TEXT into the field of FORM if the database still holds EXPECTED
 * there.  Returns a change_result, TYPING_REFUSED or TYPING_KEPT.  On CHANGE_OK and
 * CHANGE_NONE *CURRENT may get what the database holds now when it is not
 * TEXT itself (a date typed in the Buddhist Era, stored in ISO form); on
 * CHANGE_CONFLICT it gets the other person's value and ERR who changed it
 * and when.  *CURRENT is malloc'd (the typing frees it). */
typedef int (*typing_save_fn)(void *form, struct ui *ui, const char *expected, const char *text,
			      char **current, struct rm_error *err);

struct typing {
	struct edit ed;
	int active;
	int at_rest;              /* save a second after the last key */
	char *label;              /* the field's name, for messages and recovery */
	char *expected;           /* what the database holds, as far as we know */
	unsigned long saved_gen;  /* the text's generation at the last save */
	unsigned long failed_gen; /* the last save of this generation failed */
	unsigned long left_gen;   /* leaving was refused once for this generation */
	long long last_key;       /* ms */
	long long retry_at;       /* ms: a failed save is tried again then */
	int conflict;             /* someone else's version stands (expected) */
	char *conflict_msg;       /* who changed it, when */
	typing_save_fn save;
	void *form;
};

/* Start typing a field labelled LABEL whose stored value is VALUE (NULL
 * for none), shown for typing as SHOWN (NULL: VALUE itself), in an edit
 * with FLAGS and MAX characters.  AT_REST: save a second after the last
 * key (free text); else only when the field is left.  Returns 0, or -1
 * (out of memory, said on the message line). */
int typing_start(struct typing *t, struct ui *ui, const char *label, const char *value,
		 const char *shown, unsigned flags, size_t max, int at_rest, typing_save_fn save,
		 void *form);

/* What typing_key did with a key. */
enum typing_key_result {
	TYPING_USED,      /* the key went into the text (or was refused with a beep) */
	TYPING_LEAVE,     /* Esc, or Enter in a one-line field: the user leaves */
	TYPING_OTHER,     /* not the text's: Tab, arrows past the edge, Ctrl-C... */
};

/* A key typed while T is active (STATUS and CH as get_wch gave them).
 * Ctrl-E runs the external editor here. */
int typing_key(struct typing *t, struct ui *ui, int status, wint_t ch);

/* Save the text now if it changed since the last save.  QUIET (at rest):
 * a text the form refuses waits without a word.  Returns 0 when the
 * database holds the text, -1 when not (the message line says why). */
int typing_commit(struct typing *t, struct ui *ui, int quiet);

/* The idle tick: save at rest, or retry a save that failed. */
void typing_tick(struct typing *t, struct ui *ui);

/* The user leaves the field: save it.  After a conflict the user is asked,
 * in words, whether to keep theirs, take the other's (theirs goes to the
 * recovery file) or see both; a text that cannot be saved keeps the user
 * in the field once, and leaving again keeps it in the recovery file.
 * Returns 0 when typing ended, -1 when the user stays in the field. */
int typing_finish(struct typing *t, struct ui *ui);

/* Leaving with no chance to ask (quit, a signal, the form going): saved
 * unless someone else's version stands; what is not saved goes to the
 * recovery file.  Typing ends. */
void typing_abandon(struct typing *t, struct ui *ui);

/* Ctrl-E: the text in $VISUAL / $EDITOR, saved when it comes back (the
 * file is kept and named when the editor fails or its text is refused). */
void typing_external(struct typing *t, struct ui *ui);

/* Stop typing without saving (the record is gone); frees T's text. */
void typing_stop(struct typing *t);

#endif
