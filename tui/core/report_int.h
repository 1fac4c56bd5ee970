/* report_int.h - what the report files share (tui/core/report*.c). */
#ifndef ROUTEMAP_REPORT_INT_H
#define ROUTEMAP_REPORT_INT_H

#include "routemap/report.h"

/* The offices under ?1 (its code) and ?1 itself; with ?1 NULL, none (and
 * every office passes REPORT_IN_SCOPE). */
#define REPORT_UNDER                                                                  \
	"WITH RECURSIVE under(id) AS (SELECT id FROM office WHERE code = ?1"          \
	" UNION SELECT o.id FROM office o JOIN under u ON o.parent_id = u.id)"

/* Assessment A is of an office in scope (?1) and assessed within ?2..?3
 * (ISO, NULL for an open end).  The set ?4 is the caller's to test: as
 * "a.set_id = ?4" where there is one, so that an index serves it. */
#define REPORT_IN_SCOPE(a)                                                            \
	"(?1 IS NULL OR " a ".office_id IN (SELECT id FROM under))"                   \
	" AND (?2 IS NULL OR " a ".assessed_on >= ?2)"                                \
	" AND (?3 IS NULL OR " a ".assessed_on <= ?3)"

/* Bind ?1 .. ?4 of STMT for F: the office, the span of days (F's --from,
 * --to and --fy together) and the set SET_ID (0: any). */
void report_bind_scope(sqlite3_stmt *stmt, const struct report_filter *f, sqlite3_int64 set_id);

/* The norm set version F names (its latest issued when F gives no
 * version) into *ID; 0 when F names none.  Returns 0, or -1 with ERR
 * (RM_EXIT_USAGE: no such set or version). */
int report_set_id(struct store *st, const struct report_filter *f, sqlite3_int64 *id,
		  struct rm_error *err);

/* A norm set version a report covers. */
struct report_set {
	sqlite3_int64 id;
	char *code, *title;
	int version, levels;
};

/* The versions in F's scope: the one F names, else each that has an
 * assessment in scope (by code, newest version first), into a malloc'd
 * array *SETS of *N (free with report_sets_free).  0, or -1 with ERR. */
int report_sets(struct store *st, const struct report_filter *f, struct report_set **sets,
		size_t *n, struct rm_error *err);
void report_sets_free(struct report_set *sets, size_t n);

/* The fill functions of the registry (report_units.c, report_more.c). */
int report_fill_coverage(struct store *st, const struct config *cfg, const struct report_filter *f,
			 struct report *r, struct rm_error *err);
int report_fill_items(struct store *st, const struct config *cfg, const struct report_filter *f,
		      struct report *r, struct rm_error *err);
/* report_success.c: success factors per version in scope. */
int report_fill_success(struct store *st, const struct config *cfg, const struct report_filter *f,
			struct report *r, struct rm_error *err);
int report_fill_support(struct store *st, const struct config *cfg, const struct report_filter *f,
			struct report *r, struct rm_error *err);
int report_fill_followups(struct store *st, const struct config *cfg,
			  const struct report_filter *f, struct report *r, struct rm_error *err);
int report_fill_indicators(struct store *st, const struct config *cfg,
			   const struct report_filter *f, struct report *r, struct rm_error *err);

#endif
