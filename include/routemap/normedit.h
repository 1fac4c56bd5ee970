/* normedit.h - changing norm sets (ค่ากลาง) on screen: the sets and their
 * versions as a list, a new version made from another, an item moved,
 * regrouped or deleted, the rule that an issued version which units have
 * assessed against no longer changes; and an assessment started twice on
 * one day.  Every change is one step of an undo log (change_run).
 * No curses here. */
#ifndef ROUTEMAP_NORMEDIT_H
#define ROUTEMAP_NORMEDIT_H

#include <stddef.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/form.h"
#include "routemap/store.h"

/* One version of a norm set as the list of sets shows it. */
struct norm_set_row {
	char *code, *title;
	char *issued;       /* ISO date, NULL for a draft */
	char *grouping;
	int version;
	int items;          /* its items */
	int assessments;    /* assessments made against it */
};

/* Every version of every norm set, by code, newest version first, into
 * *ROWS (*N of them; free with norm_set_rows_free).  Returns 0, or -1
 * with ERR (then *ROWS NULL, *N 0). */
int norm_set_rows(struct store *st, struct norm_set_row **rows, size_t *n, struct rm_error *err);
void norm_set_rows_free(struct norm_set_row *rows, size_t n);

/* Is version VERSION of set CODE frozen: issued, with assessments made
 * against it?  Returns 1 with ERR saying so in words (and that v makes
 * a new version to change); 0 when it may change; -1 with ERR when it is
 * not there or the database fails. */
int norm_frozen(struct store *st, const char *code, int version, struct rm_error *err);

/* How many assessments use version VERSION of set CODE (issued or not:
 * its scale stays while there is one); -1 with ERR when it is not there
 * or the database fails. */
int norm_assessed(struct store *st, const char *code, int version, struct rm_error *err);

/* Make a new version of set CODE from its version FROM, every item copied
 * (group, code, text, evidence, weight, position), as one step of U: a
 * draft (issued NULL) numbered one above the set's highest version, which
 * goes to *MADE.  Returns CHANGE_OK, or CHANGE_ERROR with ERR. */
int norm_new_version(struct store *st, struct undo_log *u, const char *code, int from, int *made,
		     struct rm_error *err);

/* The work of norm_new_version, for a change_run of the caller's own
 * that does more in the same step (proposals_apply): inside the
 * transaction.  Returns CHANGE_OK, or CHANGE_ERROR with ERR. */
int norm_version_copy(struct store *st, const char *code, int from, int *made,
		      struct rm_error *err);

/* Move item ITEM of version VERSION of set CODE one place earlier (DELTA
 * -1) or later (+1) among the items of its group, the set's items then
 * numbered 1..n in the order shown, as one step of U.  Returns CHANGE_OK;
 * CHANGE_NONE when it is first (last) of its group already; CHANGE_ERROR
 * with ERR (frozen, not there). */
int norm_item_move(struct store *st, struct undo_log *u, const char *code, int version,
		   const char *item, int delta, struct rm_error *err);

/* Put item ITEM of version VERSION of set CODE into the group GROUP (a
 * code of the set's grouping), as one step of U, last in that group.
 * Returns CHANGE_OK, CHANGE_NONE (already there), or CHANGE_ERROR with
 * ERR (frozen, no such group in the set's grouping). */
int norm_item_regroup(struct store *st, struct undo_log *u, const char *code, int version,
		      const char *item, const char *group, struct rm_error *err);

/* Delete item ITEM of version VERSION of set CODE (with the answers given
 * to it) as one step of U.  Returns CHANGE_OK, or CHANGE_ERROR with ERR
 * (frozen, not there). */
int norm_item_delete(struct store *st, struct undo_log *u, const char *code, int version,
		     const char *item, struct rm_error *err);

/* The groups of GROUPING ("key_activity"; NULL: of every grouping) in
 * their order into *OUT (empty on entry; free with form_choices_free),
 * labelled as CFG names the key activities.  Returns 0, or -1 with ERR. */
int norm_groups(struct store *st, const struct config *cfg, const char *grouping,
		struct form_choices *out, struct rm_error *err);

/* "CDC-NORM@3" into CODE (SIZE bytes) and *VERSION.  Returns 0, or -1
 * when S is not of that form. */
int norm_split(const char *s, char *code, size_t size, int *version);

/* Is there an assessment of OFFICE's PROJECT (NULL: none) against version
 * VERSION of set SET dated DAY (ISO; NULL: today)?  Returns 1 with its code
 * in *EXISTING (malloc'd), 0 (*EXISTING NULL), or -1 with ERR. */
int assessment_same_day(struct store *st, const char *set, int version, const char *office,
			const char *project, const char *day, char **existing,
			struct rm_error *err);

/* A norm set version's header as a form (normform.c): code, office,
 * title, version, issued, source, groups (the CSV's columns).  Loaded on
 * CODE the set and PART its version ("3"); made new (version 1, a draft
 * unless an issued date is given) where nothing is named.  Code, office,
 * version and grouping stay as made; a frozen version refuses every
 * change. */
extern const struct form_def norm_set_form_def;

/* One item of a version as a form (normform.c): set, version, group,
 * code, text, evidence, weight (the CSV's columns).  Loaded on CODE
 * "SET@VERSION" and PART the item's code; made new in the version CODE
 * names (PART: the group it starts in, or NULL). */
extern const struct form_def norm_item_form_def;

/* An assessment's header as a form (assessform.c): its date, assessor
 * and project (of its unit's projects).  Loaded on CODE the assessment. */
extern const struct form_def assessment_head_def;

#endif
