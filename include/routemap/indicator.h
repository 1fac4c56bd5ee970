/* indicator.h - an objective's indicators as a grid (indicator.c): one
 * line per indicator (its name and unit), one column per fiscal year
 * (Buddhist Era), each cell its baseline, target and result.  The database
 * keeps one row per (objective, name, fiscal year); a cell of a year with
 * no row yet is made when a value is first saved into it.  Every change is
 * one undoable step (change.h). */
#ifndef ROUTEMAP_INDICATOR_H
#define ROUTEMAP_INDICATOR_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* The three values of a cell, in the order the grid shows them. */
enum indicator_value { IND_BASELINE, IND_TARGET, IND_RESULT, IND_VALUES };

struct indicator_cell {
	sqlite3_int64 id;               /* its row; 0: none for this year yet */
	char *value[IND_VALUES];        /* as stored ("42", "73.5"); NULL: none */
};

struct indicator_line {
	char *name, *unit;              /* unit NULL when none */
	struct indicator_cell *cells;   /* one per year of the grid */
};

struct indicator_grid {
	sqlite3_int64 objective;        /* the objective's row id */
	int *years;                     /* ascending, BE; this year always there */
	size_t nyears;
	struct indicator_line *v;       /* in the order they were made */
	size_t n;
};

/* The indicators of objective CODE of plan PLAN as a grid whose years are
 * those any indicator has a row for, and THIS_YEAR (BE).  Returns 0, or
 * -1 with ERR (no such objective, in words; the database).  Free with
 * indicator_grid_free. */
int indicator_grid_load(struct store *st, const char *plan, const char *code, int this_year,
			struct indicator_grid *g, struct rm_error *err);
void indicator_grid_free(struct indicator_grid *g);

/* The column of YEAR in G, or -1. */
int indicator_year_column(const struct indicator_grid *g, int year);

/* The change_field name of value WHICH ("indicator.result"). */
const char *indicator_field(enum indicator_value which);

/* Save VALUE (a number in stored form, ASCII digits; NULL for none) as
 * value WHICH of indicator NAME of objective OBJECTIVE (row id) in fiscal
 * year YEAR, if the database still holds EXPECTED there, as one step of U;
 * the year's row is made in the same step when there is none (its unit
 * that of the indicator's other rows).  Returns a change_result; on
 * CHANGE_CONFLICT *CURRENT (if not NULL) gets theirs (malloc'd). */
int indicator_cell_save(struct store *st, struct undo_log *u, sqlite3_int64 objective,
			const char *name, int year, enum indicator_value which,
			const char *expected, const char *value, char **current,
			struct rm_error *err);

/* A new indicator NAME with UNIT (NULL: none) of OBJECTIVE, with a row for
 * YEAR, as one step of U.  CHANGE_OK, or CHANGE_ERROR with ERR in words
 * (an indicator of that name is already there). */
int indicator_add(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		  const char *name, const char *unit, int year, struct rm_error *err);

/* Fiscal year YEAR for every indicator of OBJECTIVE that has no row for
 * it (empty cells), as one step of U.  CHANGE_OK, or CHANGE_ERROR with
 * ERR in words (no indicator yet; every one has that year already). */
int indicator_add_year(struct store *st, struct undo_log *u, sqlite3_int64 objective, int year,
		       struct rm_error *err);

/* Delete indicator NAME of OBJECTIVE, every year of it, as one step of U.
 * CHANGE_OK, CHANGE_NONE when it was not there, or CHANGE_ERROR. */
int indicator_delete(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		     const char *name, struct rm_error *err);

/* Delete fiscal year YEAR of every indicator of OBJECTIVE, as one step of
 * U.  CHANGE_OK, CHANGE_NONE when no indicator had it, or CHANGE_ERROR. */
int indicator_delete_year(struct store *st, struct undo_log *u, sqlite3_int64 objective,
			  int year, struct rm_error *err);

/* Set the name (FIELD "name") or the unit ("unit") of indicator NAME of
 * OBJECTIVE, every year of it, from EXPECTED to VALUE (NULL: none; a name
 * is required), as one step of U.  Returns a change_result: CHANGE_CONFLICT
 * when its rows no longer hold EXPECTED (ERR says who changed them);
 * CHANGE_ERROR with ERR in words when another indicator has that name. */
int indicator_set_line(struct store *st, struct undo_log *u, sqlite3_int64 objective,
		       const char *name, const char *field, const char *expected,
		       const char *value, struct rm_error *err);

/* Read TYPED (ASCII or Thai digits) as a fiscal year in the Buddhist Era
 * into *YEAR.  Returns 0, or -1 with ERR in the words the CSV import
 * uses ("2026": expected a Buddhist Era year such as 2569 (2400 to 2800)). */
int indicator_parse_year(const char *typed, int *year, struct rm_error *err);

#endif
