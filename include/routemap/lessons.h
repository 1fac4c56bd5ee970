/* lessons.h - what a norm set learns from its units (DOMAIN.md §4, step 1
 * and 6): the items that successful units meet far more often than the
 * rest (success factors), and proposals to add, change or remove items,
 * from an AAR, from that comparison or from a person, accepted or
 * rejected by the issuing office and made into the set's next version.
 * No curses here; every write is one step of an undo log (change_run). */
#ifndef ROUTEMAP_LESSONS_H
#define ROUTEMAP_LESSONS_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/form.h"
#include "routemap/store.h"

/* ---- success factors (success.c) ---- */

/* The rule for a candidate success factor: the successful units' met
 * rate is at least SUCCESS_FACTOR_POINTS percentage points above the
 * rest's, and at least SUCCESS_FACTOR_ANSWERS successful units answered
 * the item (met, partial or not met). */
#define SUCCESS_FACTOR_POINTS 30.0
#define SUCCESS_FACTOR_ANSWERS 2

/* Which assessments of the version count as successful: those whose rank
 * (coverage through the office's thresholds, config.h) is MIN_RANK or
 * more; or, when NPICKED > 0, the assessments whose codes PICKED holds,
 * whatever their rank.  Every other assessment of the version is "the
 * rest". */
struct success_pick {
	int min_rank;                 /* 1..5 */
	const char *const *picked;    /* assessment codes; NULL with NPICKED 0 */
	size_t npicked;
};

/* One item compared.  A rate is the share of the answers that apply
 * (met, partial, not met; n/a and unanswered left out) that are met, a
 * partial answer counting as the office's partial weight (coverage's,
 * [coverage] partial_weight), in percent. */
struct success_row {
	const char *item, *group, *text;   /* the item's code, its group's code, text */
	const char *group_label;           /* the group as the office names it */
	int succ_answers, rest_answers;    /* answers that apply, in each */
	double succ_rate, rest_rate;       /* percent; 0 without answers */
	int has_diff;                      /* both have answers */
	double diff;                       /* succ_rate - rest_rate, points */
	int candidate;                     /* a candidate success factor */
};

/* How many assessments each side holds. */
struct success_totals {
	int successful, rest;
};

/* Called for each row (strings valid during the call only); a non-zero
 * return stops the rows and becomes success_rows' return. */
typedef int (*success_row_fn)(const struct success_row *row, void *arg);

/* Compare version VERSION of set CODE's items between the successful
 * assessments (PICK) and the rest, in one aggregate query: FN(row, ARG)
 * for every item, the largest difference first (items without one last,
 * then in the set's order); *TOTALS (may be NULL) the counts.  Returns
 * 0, FN's non-zero answer, or -1 with ERR (not there, the database). */
int success_rows(struct store *st, const struct config *cfg, const char *code, int version,
		 const struct success_pick *pick, success_row_fn fn, void *arg,
		 struct success_totals *totals, struct rm_error *err);

/* One assessment of a version, for picking successful units by hand. */
struct success_unit {
	char *code, *unit;     /* the assessment's code; its unit's short name */
	double percent;        /* coverage */
	int has_percent, rank;
};

/* The assessments of version VERSION of set CODE, best coverage first,
 * into *UNITS (*N; free with success_units_free).  0, or -1 with ERR. */
int success_units(struct store *st, const struct config *cfg, const char *code, int version,
		  struct success_unit **units, size_t *n, struct rm_error *err);
void success_units_free(struct success_unit *units, size_t n);

/* ---- proposals (proposal.c) ---- */

/* One proposal as the list of a set shows it. */
struct proposal_row {
	sqlite3_int64 id;
	int version;                    /* proposed against */
	char *kind, *item, *group, *text, *reason, *status;
	char *origin_kind, *origin, *proposed_by, *proposed_on, *decision_note;
	char *decided_by, *decided_on;  /* NULL until decided */
	int applied_version;            /* the version made from it; 0: none */
};

/* Every proposal on set CODE (against any of its versions), newest
 * version first, then as proposed, into *ROWS (*N; free with
 * proposal_rows_free).  0, or -1 with ERR. */
int proposal_rows(struct store *st, const char *code, struct proposal_row **rows, size_t *n,
		  struct rm_error *err);
void proposal_rows_free(struct proposal_row *rows, size_t n);

/* Accept (ACCEPT 1) or reject (0) proposal ID, BY whom, with NOTE (may
 * be NULL), as one step of U.  SEEN is its status as the user saw it
 * (NULL: not checked): when another user decided it since, refused in
 * words saying who made it what and when, nothing written.  One applied
 * already is refused.  Returns CHANGE_OK, CHANGE_NONE (already so), or
 * CHANGE_ERROR with ERR. */
int proposal_decide(struct store *st, struct undo_log *u, sqlite3_int64 id, const char *seen,
		    int accept, const char *by, const char *note, struct rm_error *err);

/* Delete proposal ID as one step of U.  One applied is refused (it is
 * the history of a version).  CHANGE_OK, or CHANGE_ERROR with ERR. */
int proposal_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
		    struct rm_error *err);

/* The next version of set CODE from its accepted proposals, as ONE step
 * of U: the newest version copied (norm_version_copy), each proposal
 * applied (add: a new item last of its group, its code the proposal's or
 * made from the group's; change: text, evidence, weight, group where
 * given; remove), each marked applied with the new version.  Refused in
 * words, nothing written: no accepted proposal; the newest version is a
 * draft still (issue it, or make the change there); an item a proposal
 * changes or removes that the newest version has not; two proposals on
 * one item; an added code that is taken.  *FROM and *MADE get the
 * versions.  Returns CHANGE_OK or CHANGE_ERROR with ERR. */
int proposals_apply(struct store *st, struct undo_log *u, const char *code, int *from,
		    int *made, struct rm_error *err);

/* A proposal as a form (proposalform.c): the version it is proposed
 * against ("SET@VERSION", chosen), kind, item (of that version, for a
 * change or removal), group (for an addition), text, evidence, weight,
 * reason; origin, status and decision shown.  Loaded on CODE the
 * proposal's id.  A new one is made where CODE names its origin and PART
 * what there: "aar" with "AAR/SECTION" (the section's text proposed as a
 * new item), "aar_action" with the action's row id (its text),
 * "success" with "SET@VERSION ITEM" (a change of that item, its text to
 * edit), "person" with "SET@VERSION" (or NULL). */
extern const struct form_def proposal_form_def;

#endif
