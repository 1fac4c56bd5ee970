/* aar.h - one AAR record (After Action Review, ถอดบทเรียน) as its form shows
 * it, and the changes people make to it.  No curses here.
 *
 * Every write is one change_run step (change.h): one BEGIN IMMEDIATE
 * transaction, logged, undoable, and never over another user's change
 * unseen.  Field edits of the record, its sections and its follow-up
 * actions go through change_field ("aar.title", "aar_section.text",
 * "aar_action.owner", ...); what change_field cannot do (make a record,
 * make a section's row with its first text, replace the tags, change what
 * the record reviews) is here.
 */
#ifndef ROUTEMAP_AAR_H
#define ROUTEMAP_AAR_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* One section of the record's template. */
struct aar_section {
	char *key;              /* the template's section key ("expected", ...) */
	char *label;            /* its label from the office's template (the key
				 * when the template does not name it) */
	sqlite3_int64 id;       /* its aar_section row, 0 when none yet */
	char *text;             /* "" when none yet */
};

/* One follow-up action. */
struct aar_followup {
	sqlite3_int64 id;
	char *action;
	char *owner, *due;      /* NULL when none; DUE is ISO (YYYY-MM-DD) */
	char *status;           /* "open", "done" or "dropped" */
};

struct aar_record {
	sqlite3_int64 id;
	char *code, *title, *date, *template_name;   /* DATE is ISO */
	char *subject_kind;     /* plan, objective, project, assessment, event */
	char *subject;          /* the code (objectives: PLAN/CODE); NULL for an event */
	char *subject_title;    /* the title of what SUBJECT names, or NULL */
	char *facilitator, *participants;     /* NULL when none */
	char *tags;             /* "; "-joined in their order, NULL when none */
	/* The template's sections in its order, then any other sections the
	 * database holds for the record (a template changed since). */
	struct aar_section *sections;
	size_t nsections;
	struct aar_followup *actions;         /* in the order they were added */
	size_t nactions;
};

/* aar_load's answer when there is no AAR of that code (deleted, or its
 * adding undone). */
#define AAR_MISSING (-2)

/* Load the AAR called CODE, with section labels from CFG's templates.
 * Returns 0; AAR_MISSING with ERR when there is none; -1 with ERR when
 * the database fails.  Free with aar_record_free (also safe after a
 * failure). */
int aar_load(struct store *st, const struct config *cfg, const char *code,
	     struct aar_record *r, struct rm_error *err);
void aar_record_free(struct aar_record *r);

/* The row id of the AAR called CODE.  Returns 0, or -1 with ERR. */
int aar_lookup_id(struct store *st, const char *code, sqlite3_int64 *id, struct rm_error *err);

/* What a new record is made of.  SUBJECT: NULL for an event; DATE: ISO or
 * typed in either era (Thai digits too), NULL for today. */
struct aar_new {
	const char *template_name, *subject_kind, *subject, *title, *date;
};

/* Make a new AAR as one step of U, its code "AAR-<office>-<YYYYMMDD>" of
 * its date (with -2, -3... when that is taken).  The template must be one
 * of CFG's and the subject must exist.  *ID gets its row id, *CODE its code
 * (malloc'd; the caller frees).  Returns a change_result. */
int aar_create(struct store *st, struct undo_log *u, const struct config *cfg,
	       const struct aar_new *a, sqlite3_int64 *id, char **code, struct rm_error *err);

/* Change what AAR AAR_ID reviews to KIND and SUBJECT (NULL for an event),
 * if it still reviews EXPECTED_KIND and EXPECTED_SUBJECT.  Returns a
 * change_result (CHANGE_CONFLICT when someone else changed it). */
int aar_set_subject(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		    const char *expected_kind, const char *expected_subject, const char *kind,
		    const char *subject, struct rm_error *err);

/* Replace the tags of AAR AAR_ID by those of the ;-list TAGS (spaces
 * around each trimmed, empty and repeated ones dropped), if the record
 * still has the tags EXPECTED (as aar_record.tags writes them; NULL or ""
 * for none).  One step of U.  Returns a change_result. */
int aar_set_tags(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		 const char *expected, const char *tags, struct rm_error *err);

/* Save TEXT as section SECTION of AAR AAR_ID, if it still holds EXPECTED
 * (NULL or "" for none).  *SECTION_ID is the section's row, or 0 when the
 * record has none yet: then the row is made in the same step as this first
 * save, and *SECTION_ID gets its id.  Saves of one section merge into one
 * step of U while typing (as change_field's do) until change_seal.
 * Returns a change_result; on CHANGE_CONFLICT *CURRENT (if not NULL) gets
 * the text the database holds now (malloc'd). */
int aar_section_save(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		     const char *section, sqlite3_int64 *section_id, const char *expected,
		     const char *text, char **current, struct rm_error *err);

/* Add an open follow-up action to AAR AAR_ID: ACTION (required), OWNER and
 * DUE (ISO, or typed in either era; NULL or "" for none).  One step of U;
 * *ID (if not NULL) gets its id.  Returns a change_result. */
int aar_action_add(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		   const char *action, const char *owner, const char *due, sqlite3_int64 *id,
		   struct rm_error *err);

/* Delete follow-up action ID as one step of U.  Returns a change_result. */
int aar_action_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
		      struct rm_error *err);

/* The kinds of thing an AAR reviews, in the order people choose them. */
extern const char *const aar_kinds[5];   /* plan, objective, project, assessment, event */

/* What KIND is called on screen (translated), or KIND itself. */
const char *aar_kind_label(const char *kind);

/* One record an AAR may review. */
struct aar_subject {
	char *code;             /* objectives: PLAN/CODE */
	char *title;
};

/* The records of KIND ("plan", "objective", "project", "assessment") to
 * choose from; none for "event".  Free with aar_subjects_free. */
int aar_subjects(struct store *st, const char *kind, struct aar_subject **v, size_t *n,
		 struct rm_error *err);
void aar_subjects_free(struct aar_subject *v, size_t n);

/* A date typed in either era ("2569-01-20", "๒๕๖๙-๐๑-๒๐", "2026-01-20")
 * as ISO into OUT (at least 11 bytes).  Returns 0, or -1 when it is not a
 * date. */
int aar_parse_date(const char *typed, char *out, size_t size);

#endif
