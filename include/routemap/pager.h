/* pager.h - a window onto a long list, read a page at a time.
 *
 * A list screen never holds the whole list: it holds a window of rows
 * around the selection and reads the next page when the selection nears
 * an edge.  Each page is one query that continues from the key of the
 * row at the window's edge (keyset paging), so a page costs the same at
 * the first row and at the millionth, whatever the database holds.
 *
 * A list names its order by four queries over the same columns, the
 * last NKEYS of which are the row's key in that order:
 *   first   the first :n rows, in order;
 *   after   the :n rows after the key :k1..:kN, in order;
 *   before  the :n rows before the key, nearest first (reverse order);
 *   last    the last :n rows, nearest the end first;
 *   key_of  the key of the record whose code is :code (no other column).
 * Each query may use the list's own parameters, bound by BIND. */
#ifndef ROUTEMAP_PAGER_H
#define ROUTEMAP_PAGER_H

#include <stddef.h>
#include <sqlite3.h>
#include "routemap/error.h"
#include "routemap/store.h"

#define PAGER_MAX_KEYS 4

struct pager_order {
	const char *first, *after, *before, *last, *key_of;
	int nkeys;                    /* 1..PAGER_MAX_KEYS */
};

struct pager {
	struct store *st;
	const struct pager_order *order;
	size_t row_size;              /* bytes of one decoded row */
	/* Decode the current row of STMT into ROW (row_size bytes, zeroed),
	 * given ARG; 0, or -1 when out of memory. */
	int (*decode)(sqlite3_stmt *stmt, void *row, const void *arg);
	void (*release)(void *row);   /* free what decode allocated */
	/* The code of a decoded row, by which a reload finds the record
	 * again wherever its key moved; may be NULL. */
	const char *(*code_of)(const void *row);
	/* Bind the list's own parameters (a filter, a weight); may be NULL. */
	void (*bind)(sqlite3_stmt *stmt, const void *arg);
	const void *arg;              /* the list's, for decode and bind */

	/* the window: N rows in list order, each with its key */
	char *rows;
	sqlite3_value **keys;         /* N * order->nkeys */
	size_t n, cap;
	int at_start, at_end;         /* the window reaches the list's start / end */
};

/* Start an empty window (no query yet) over ORDER; a window in use must
 * be cleared first (pager_clear).  The caller sets the callbacks. */
void pager_init(struct pager *pg, struct store *st, const struct pager_order *order,
		size_t row_size);
/* Row I of the window (I < pg->n). */
void *pager_row(const struct pager *pg, size_t i);
/* Read the first WANT rows (pager_first) or the last WANT rows
 * (pager_last) in place of the window.  0, or -1 with ERR (the window as
 * it was). */
int pager_first(struct pager *pg, size_t want, struct rm_error *err);
int pager_last(struct pager *pg, size_t want, struct rm_error *err);
/* Add up to WANT rows after the window's end (pager_forward; on an empty
 * window, the first rows) or before its start (pager_backward; none on an
 * empty window).  Returns the number of rows added (fewer than WANT sets
 * at_end / at_start), or -1 with ERR (window unchanged). */
long pager_forward(struct pager *pg, size_t want, struct rm_error *err);
long pager_backward(struct pager *pg, size_t want, struct rm_error *err);
/* Read the window again around row SEL: up to WANT rows before it and
 * from it on.  *SEL becomes the index of the same record (found by
 * code_of, wherever its key moved), or of the one now in its place when
 * it is gone.  0, or -1 with ERR (the window as it was). */
int pager_reload(struct pager *pg, size_t *sel, size_t want, struct rm_error *err);
/* Read the window again around the record whose code is CODE: up to
 * WANT rows before it and from it on; *SEL becomes its index (or, when a
 * filter leaves it out, that of the row after its place).  When no record
 * has CODE, the first rows and *SEL 0.  0, or -1 with ERR (the window as
 * it was). */
int pager_seek(struct pager *pg, const char *code, size_t *sel, size_t want,
	       struct rm_error *err);
/* Drop K rows from the window's start or end (at most n). */
void pager_drop_front(struct pager *pg, size_t k);
void pager_drop_back(struct pager *pg, size_t k);
/* Empty the window and free what it holds. */
void pager_clear(struct pager *pg);

#endif
