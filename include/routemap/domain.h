/* domain.h - the records of the method as the program works with them:
 * a plan's route map, an assessment's checklist with its coverage and rank,
 * and the changes users make to them.  Every change is one BEGIN IMMEDIATE
 * transaction; the change log triggers record who, when, old and new.
 */
#ifndef ROUTEMAP_DOMAIN_H
#define ROUTEMAP_DOMAIN_H

#include <stddef.h>
#include <sqlite3.h>
#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* ---- plans and their route maps ---- */

struct map_objective {
	sqlite3_int64 id;
	char *code;
	char *title;
	enum map_level level;
};

struct map_link {
	size_t from, to;          /* indexes into plan_map.objectives */
};

struct plan_map {
	char *code, *title, *destination;
	char *office_code, *office_name;
	int fy_from, fy_to;
	char *serves;             /* code of the plan this one serves, or NULL */
	char **served_by;         /* codes of plans that serve this one */
	size_t nserved_by;
	struct map_objective *objectives;   /* in insertion order */
	size_t nobjectives;
	struct map_link *links;
	size_t nlinks;
};

/* Load the plan CODE with its objectives and links.  Returns 0, or -1 with
 * ERR (unknown code: status 1).  Free with plan_map_free. */
int plan_map_load(struct store *st, const char *code, struct plan_map *map, struct rm_error *err);
void plan_map_free(struct plan_map *map);

/* ---- assessments (ค่ากลาง checklists) ---- */

enum entry_status { STATUS_NONE, STATUS_MET, STATUS_PARTIAL, STATUS_NOT_MET, STATUS_NA };

/* "met" -> STATUS_MET ...; "" or NULL -> STATUS_NONE; -1 if unknown. */
int entry_status_from_name(const char *name);
const char *entry_status_name(enum entry_status s);   /* "" for NONE */

struct check_item {
	sqlite3_int64 id;             /* the norm item */
	sqlite3_int64 entry;          /* its answer's row, 0 while there is none */
	char *code, *text, *evidence;
	double weight;
	size_t group;             /* index into assessment.groups */
	enum entry_status status;
	int level;                /* a levels set's answer (PMQA): -1 unanswered,
	                           * 0 none reached, 1 Basic, 2 Advance,
	                           * 3 Significance */
	char *note;
	size_t requests, answered;    /* its support requests; those answered */
};

struct check_group {
	char *code;
	char *label;              /* from the office's INI when it names it */
};

struct assessment {
	sqlite3_int64 id;
	char *code, *set_code, *set_title, *office_code, *office_name, *office_short;
	char *project_code, *project_title, *assessed_on, *assessor;
	int version;
	int levels;                   /* 1: its set is answered in levels (scale) */
	struct check_group *groups;   /* in the grouping's order */
	size_t ngroups;
	struct check_item *items;     /* grouped, in the set's order */
	size_t nitems;
};

/* assessment_load's answer when there is no assessment of that code. */
#define ASSESSMENT_MISSING (-2)

/* Read the assessment CODE with its norm set's groups and items and every
 * entry, into *A (caller frees with assessment_free).  Returns 0;
 * ASSESSMENT_MISSING when there is no such assessment (deleted, perhaps by
 * another user); -1 when the database fails.  ERR says why; on an error
 * *A holds nothing to free. */
int assessment_load(struct store *st, const struct config *cfg, const char *code,
		    struct assessment *a, struct rm_error *err);
/* Free what assessment_load allocated in *A (not A itself). */
void assessment_free(struct assessment *a);

/* Coverage of one group (or of the whole: group = (size_t)-1). */
struct coverage {
	int items;                /* items in the group */
	int answered;             /* items with a status */
	double applicable;        /* weight of items not marked na */
	double score;             /* met = 1, partial = partial_weight, by weight */
	double percent;           /* score / applicable * 100; 0 when none apply */
	int has_percent;          /* 0 when no item applies */
	int rank;                 /* 1 + thresholds reached; 0 without percent */
};

/* Coverage of group G of A (G = (size_t)-1: all items).  An item
 * answered with a level (a levels set) scores level / 3 of its weight,
 * and every item applies: sum(level x weight) / (3 x sum(weight)). */
struct coverage assessment_coverage(const struct assessment *a, const struct config *cfg,
				    size_t g);

/* ---- PMQA levels (levels.c) ---- */

/* The levels reached in one group (a PMQA category) of a levels set. */
struct level_count {
	int items;
	int at[4];            /* items at none (0), Basic, Advance, Significance */
	int unanswered;
	int level;            /* the group's: the lowest level of its items; -1
	                       * while one is unanswered (or there is none) */
};

/* The levels of group G of A (G = (size_t)-1: all items). */
struct level_count assessment_levels(const struct assessment *a, size_t g);

/* "level B  B 1  A 1  S 0  none 0  unanswered 0": the level of group G
 * of A and its items at each level, translated, into OUT (SIZE bytes). */
void level_count_text(const struct assessment *a, size_t g, char *out, size_t size);

/* A level as assessment_entry.level is read and written (change_field):
 * "0" to "3"; NULL for -1 (none given) (static). */
const char *level_value(int level);

/* The mark of a level on a line: "[ ]" unanswered (-1), "[0]" none,
 * "[B]" Basic, "[A]" Advance, "[S]" Significance (static, ASCII). */
const char *level_mark(int level);

/* The letter of a level: "-" (unknown, -1), "0", "B", "A", "S" (static). */
const char *level_letter(int level);

/* Is IT of A still unanswered (no level in a levels set, else no status)? */
int check_item_open(const struct assessment *a, const struct check_item *it);

/* 1 plus the number of CFG's thresholds that PERCENT reaches. */
int coverage_rank(const struct config *cfg, double percent);

/* Start an assessment of OFFICE's project PROJECT (NULL: none) against
 * version VERSION of norm set SET, dated today, by ASSESSOR, as one step
 * of U: every item unanswered.  Its code (A-OFFICE-YY, numbered when
 * taken) goes to *CODE (malloc'd).  A draft version (not issued) is
 * refused in words: -1 with ERR. */
int assessment_create(struct store *st, struct undo_log *u, const char *set, int version,
		      const char *office, const char *project, const char *assessor,
		      char **code, struct rm_error *err);

/* Set the status of item ITEM_CODE in assessment CODE (one transaction).
 * STATUS_NONE clears it. */
int assessment_set_status(struct store *st, const char *code, const char *item_code,
			  enum entry_status status, struct rm_error *err);

/* ---- records by code ---- */

/* Delete, as one step of U (may be NULL), the record of KIND ("plan", "project", "norm_set", "assessment",
 * "aar", "office") called CODE, with what depends on it (objectives and
 * their links, items, entries, sections...).  For norm_set, CODE is
 * "CODE" (all versions) or "CODE@VERSION".  Returns 0, or -1 with ERR. */
int record_delete(struct store *st, struct undo_log *u, const char *kind, const char *code,
		  struct rm_error *err);

#endif
