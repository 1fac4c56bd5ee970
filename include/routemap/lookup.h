/* lookup.h - small questions a screen or a command asks the database,
 * each answered by one short query: a record's row by its code, the
 * assessments of a project, the AARs of a record, where a project stands
 * in the plans.
 * No curses here.
 */
#ifndef ROUTEMAP_LOOKUP_H
#define ROUTEMAP_LOOKUP_H

#include "routemap/error.h"
#include "routemap/store.h"

/* The row id of the assessment called CODE into *ID.  Returns 0; -1 with
 * ERR (status 1) when there is no such assessment (deleted, perhaps by
 * another user) or the database fails, *ID then 0. */
int assessment_lookup_id(struct store *st, const char *code, sqlite3_int64 *id,
			 struct rm_error *err);

/* Where project CODE stands: the code of the plan it belongs to into
 * *PLAN, and the first objective it serves (the one linked first) into
 * *OBJECTIVE, NULL when it serves none; both malloc'd, the caller frees.
 * Returns 0; 1 when there is no such project or it belongs to no plan
 * (*PLAN and *OBJECTIVE NULL); -1 with ERR when the database fails or
 * memory runs out (both NULL). */
int project_place(struct store *st, const char *code, char **plan, char **objective,
		  struct rm_error *err);

/* The code of every assessment of PROJECT (a project's code; NULL: of
 * every project), in Thai order, into *CODES (a malloc'd array of *N
 * malloc'd strings; free with lookup_codes_free).  Returns 0, or -1 with
 * ERR (then *CODES is NULL and *N 0). */
int assessment_codes(struct store *st, const char *project, char ***codes, size_t *n,
		     struct rm_error *err);
void lookup_codes_free(char **codes, size_t n);

/* A record's code and what people call it. */
struct lookup_pair {
	char *code, *title;
};

/* The AARs that review KIND ("plan", "objective", "project",
 * "assessment") CODE (an objective: PLAN/CODE), the latest first, into
 * *AARS (a malloc'd array of *N; free with lookup_pairs_free).  Returns
 * 0, or -1 with ERR (then *AARS is NULL and *N 0). */
int subject_aars(struct store *st, const char *kind, const char *code,
		 struct lookup_pair **aars, size_t *n, struct rm_error *err);
void lookup_pairs_free(struct lookup_pair *v, size_t n);

#endif
