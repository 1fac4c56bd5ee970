/* change.h - the changes people make: each one transaction, each one step
 * that can be undone, none that overwrites another person's work unseen.
 *
 * Every write goes through change_run: BEGIN IMMEDIATE, the work, COMMIT.
 * The change-log triggers record every row the work inserted, updated or
 * deleted; the step remembers which change-log rows those were.  Undo
 * replays their inverse, newest first, in a transaction of its own (which
 * the triggers log like any change), after checking that no row was
 * changed since; otherwise it refuses and says by whom.
 *
 * Field changes carry the value the user saw: when the database holds
 * something else (another user changed it meanwhile), nothing is written
 * and the caller learns who changed it to what.
 */
#ifndef ROUTEMAP_CHANGE_H
#define ROUTEMAP_CHANGE_H

#include <sqlite3.h>
#include "routemap/error.h"
#include "routemap/store.h"

/* change_log ids FIRST..LAST, written by one transaction. */
struct change_range {
	sqlite3_int64 first, last;
};

/* One undoable step: the ranges of one change, or of several saves of one
 * field merged (others' changes may lie between the ranges, never inside). */
struct change_step {
	struct change_range *ranges;
	size_t nranges;
	char *merge;                 /* steps with the same key merge (typing) */
};

struct undo_log {
	struct change_step *v;
	size_t n;
};

void undo_log_free(struct undo_log *u);

enum change_result {
	CHANGE_ERROR = -1,
	CHANGE_OK = 0,
	CHANGE_CONFLICT = 1,     /* someone else changed it: nothing written */
	CHANGE_NONE = 2,         /* nothing to do (the value was already so) */
};

/* Run WORK(ST, ARG, ERR) in one BEGIN IMMEDIATE transaction and record
 * what it wrote as one step of U (when U is not NULL and something was
 * written).  MERGE: a key (e.g. "aar_section:12") under which this step
 * joins the previous one when that has the same key, so that a paragraph
 * saved every second while typing undoes as one; NULL never merges.
 * WORK returns a change_result; on CHANGE_ERROR or CHANGE_CONFLICT the
 * transaction is rolled back. */
int change_run(struct store *st, struct undo_log *u, const char *merge,
	       int (*work)(struct store *st, void *arg, struct rm_error *err), void *arg,
	       struct rm_error *err);

/* Undo the last step of U.  CHANGE_CONFLICT (and nothing done) when a row
 * it touched was changed since by someone else; ERR says what and who. */
int change_undo(struct store *st, struct undo_log *u, struct rm_error *err);

/* Forget the last step of U without undoing it (it was refused: someone
 * else's work stands on it), so the ones before can still be undone. */
void change_forget(struct undo_log *u);

/* Break the merging of the last step (the user left the field). */
void change_seal(struct undo_log *u);

/* Let the last step of U take later change_field saves of FIELD of row ID
 * (a row made by that step and then typed into undoes as one). */
int change_merge_as(struct undo_log *u, const char *field, sqlite3_int64 id);

/* The fields people edit, by name "TABLE.FIELD" ("plan.title",
 * "assessment_entry.status", "project.office"), as the table in
 * tui/core/changefields.c lists them: a reference is read and written by
 * its code (an office code, a support frame's code), a number as text
 * as it was typed ("42", not "42.0").
 *
 * Set FIELD of row ID to VALUE (NULL or "" for none), if it still holds
 * EXPECTED (NULL or "" for none), as one step of U.  Returns a
 * change_result; on CHANGE_CONFLICT, *CURRENT (if not NULL) gets the value
 * the database holds now (malloc'd) and ERR names who changed it when. */
int change_field(struct store *st, struct undo_log *u, const char *field, sqlite3_int64 id,
		 const char *expected, const char *value, char **current, struct rm_error *err);

/* The same for a field of the entry answering item ITEM of assessment
 * ASSESSMENT (ids), making the entry in the same step when there is none
 * yet; *ENTRY (if not NULL) gets its id. */
int change_entry_field(struct store *st, struct undo_log *u, sqlite3_int64 assessment,
		       sqlite3_int64 item, const char *field, const char *expected,
		       const char *value, char **current, sqlite3_int64 *entry,
		       struct rm_error *err);

/* Find or make the row a field is saved into, inside the change's
 * transaction (ARG is the caller's): its id into *ID.  Returns 0, or -1
 * with ERR. */
typedef int (*change_make_fn)(struct store *st, void *arg, sqlite3_int64 *id,
			      struct rm_error *err);

/* change_field for a row that may not be there yet (an indicator's cell
 * of a new fiscal year, an empty SLM cell): MAKE finds or makes it first,
 * in the same step.  MERGE names the row for merging saves while typing
 * ("12/approach"); *ROW (if not NULL) gets its id. */
int change_field_make(struct store *st, struct undo_log *u, const char *field,
		      change_make_fn make, void *arg, const char *merge, const char *expected,
		      const char *value, char **current, sqlite3_int64 *row, struct rm_error *err);

/* STMT (prepared, bound) gives who and when of the change that came in
 * between: ERR says so, that nothing was overwritten; STMT is finalized.
 * Returns CHANGE_CONFLICT. */
int change_blame(sqlite3_stmt *stmt, struct rm_error *err);

/* Read FIELD of row ID (malloc'd, NULL for none) into *VALUE. */
int change_get(struct store *st, const char *field, sqlite3_int64 id, char **value,
	       struct rm_error *err);

/* The id of the entry answering item ITEM_ID in assessment ASSESSMENT_ID,
 * made (unanswered) when there is none yet.  Call inside change_run work,
 * or on its own (then it is its own transaction). */
int change_entry_id(struct store *st, sqlite3_int64 assessment_id, sqlite3_int64 item_id,
		    sqlite3_int64 *id, struct rm_error *err);

/* One change as history shows it: who, when, what field, old -> new. */
struct history_row {
	char *at, *who, *op, *table, *field, *old, *new_value;
	sqlite3_int64 change;   /* its change-log row (an update gives a row
				   per field, all of one change) */
};

/* The changes of row ID of TABLE and of the rows that belong to it (an
 * AAR's sections, actions and tags; an assessment's entries; an entry's
 * support requests), newest
 * first, of the LIMIT newest changes.  Free with history_free. */
int history_load(struct store *st, const char *table, sqlite3_int64 id, size_t limit,
		 struct history_row **rows, size_t *n, struct rm_error *err);
void history_free(struct history_row *rows, size_t n);

#endif
