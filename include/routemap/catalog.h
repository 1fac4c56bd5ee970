/* catalog.h - the records as lists (for the list commands and the list
 * screens) and an objective with everything about it.  The long lists
 * (plans, assessments, AARs) are read a page at a time through a pager;
 * the short ones (norm sets, offices, projects) in one query.  Thai
 * dictionary order (AARs newest first). */
#ifndef ROUTEMAP_CATALOG_H
#define ROUTEMAP_CATALOG_H

#include <stddef.h>
#include "routemap/config.h"
#include "routemap/domain.h"
#include "routemap/error.h"
#include "routemap/pager.h"
#include "routemap/store.h"

struct plan_row {
	char *code, *office, *title, *serves;   /* office: short name */
	char *served_by;      /* codes of the plans serving it, ", "-joined, or NULL */
	int fy_from, fy_to;
};

struct assessment_row {
	char *code, *unit, *set_code, *project, *assessed_on;   /* unit: short name */
	int version;
	struct coverage coverage;
};

struct aar_row {
	char *code, *date, *title, *template_name, *subject_kind, *subject;
	int open_actions;
};

struct norm_row {
	char *code, *office, *title, *issued;
	int version, items;
};

/* Set PG up to page through the plans by title (rows: struct plan_row). */
void plan_pager(struct pager *pg, struct store *st);

/* The orders the assessments can be listed in. */
enum assessment_order {
	ASSESSMENT_BY_UNIT,       /* unit in Thai order, then code */
	ASSESSMENT_BY_SET,        /* norm set, newest version first, then code */
	ASSESSMENT_BY_DAY,        /* day assessed, newest first, then code */
	ASSESSMENT_BY_COVERAGE,   /* coverage, highest first, then as made */
	ASSESSMENT_ORDERS
};

/* A span of days, each end ISO ("2026-01-15") and included, or NULL for
 * no bound. */
struct day_span {
	const char *from, *to;
};

/* Which assessments, in which order: FILTER (NULL or "" for all) is text
 * the unit, code, norm set or project must hold; DAYS the days they were
 * assessed on.  Must outlive the pager. */
struct assessment_query {
	const struct config *cfg;     /* the partial weight, the ranks */
	enum assessment_order order;
	const char *filter;
	struct day_span days;
};

/* Set PG up to page through the assessments Q names (rows are struct
 * assessment_row, freed by the pager). */
void assessment_pager(struct pager *pg, struct store *st, const struct assessment_query *q);
/* Set PG up to page through the AARs, newest first, held on the days of
 * DAYS (NULL: all; it must outlive the pager) (rows: struct aar_row). */
void aar_pager(struct pager *pg, struct store *st, const struct day_span *days);
int norm_list(struct store *st, struct norm_row **rows, size_t *n, struct rm_error *err);
void norm_list_free(struct norm_row *rows, size_t n);

struct office_row {
	char *code, *name, *short_name, *level;
};

/* Offices, operational units first, then by name in Thai order. */
int office_list(struct store *st, struct office_row **rows, size_t *n, struct rm_error *err);
void office_list_free(struct office_row *rows, size_t n);

/* Coverage from its sums (score, applicable) with CFG's thresholds. */
void coverage_finish(struct coverage *c, const struct config *cfg);

struct indicator_row {
	char *name, *unit;
	int fiscal_year;
	double baseline, target, result;
	int has_baseline, has_target, has_result;
};

struct project_row {
	char *code, *title, *office, *stage, *status;
	int fiscal_year;
};

struct objective_detail {
	char *plan_code, *plan_title, *code, *title;
	enum map_level level;
	char *causes, *effects;       /* objective codes, " "-joined, or NULL */
	struct indicator_row *indicators;
	size_t nindicators;
	struct cfg_label *slm;        /* column code -> text, the office's columns */
	size_t nslm;                  /* text NULL where the cell is empty */
	struct project_row *projects;
	size_t nprojects;
};

/* The projects of OFFICE (all when NULL), newest fiscal year first. */
int project_list(struct store *st, const char *office, struct project_row **rows, size_t *n,
		 struct rm_error *err);
void project_list_free(struct project_row *rows, size_t n);

/* Objective CODE of plan PLAN with its indicators (by fiscal year), its
 * SLM row in CFG's columns and the projects serving it. */
int objective_load(struct store *st, const struct config *cfg, const char *plan,
		   const char *code, struct objective_detail *d, struct rm_error *err);
void objective_free(struct objective_detail *d);

/* An open follow-up action of an AAR, for the record the AAR reviewed:
 * the AAR's code, the action, who, by when, and the action's row id. */
struct followup_row {
	char *aar, *action, *owner, *due;
	sqlite3_int64 id;
};

/* The open follow-up actions of the AARs that review KIND ("plan",
 * "objective", "project", "assessment") CODE (an objective: PLAN/CODE),
 * the soonest due first. */
int followup_list(struct store *st, const char *kind, const char *code,
		  struct followup_row **rows, size_t *n, struct rm_error *err);
void followup_list_free(struct followup_row *rows, size_t n);

/* How far RESULT has come from BASELINE toward TARGET, 0..1 (targets may
 * be below the baseline: a rate to bring down).  -1 when unknown. */
double indicator_progress(const struct indicator_row *r);

#endif
