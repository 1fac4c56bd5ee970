/* table.h - rows of text printed as aligned columns (by display width, so
 * Thai lines up), as Markdown, or as CSV. */
#ifndef ROUTEMAP_TABLE_H
#define ROUTEMAP_TABLE_H

#include <stdio.h>
#include <stddef.h>

struct table {
	size_t ncols;
	char **cells;          /* nrows * ncols, row 0 is the header */
	size_t nrows, cap;
	unsigned right;        /* bit i: column i is right-aligned (numbers) */
	int oom;
};

/* Start a table with NCOLS columns and the header HEAD. */
int table_init(struct table *t, size_t ncols, const char *const *head);
/* Append a row; CELLS[i] may be NULL (empty).  The table copies them. */
int table_add(struct table *t, const char *const *cells);
/* Aligned columns separated by two spaces; line breaks in cells become
 * spaces; trailing spaces trimmed.  HEADER: print row 0. */
void table_print_txt(const struct table *t, FILE *out, int header);
void table_print_md(const struct table *t, FILE *out);
void table_print_csv(const struct table *t, FILE *out);
void table_free(struct table *t);

/* The same, a row at a time, for output that streams (nothing kept):
 * CELLS holds NCOLS cells (NULL is empty), RIGHT as in struct table.
 * An aligned table takes two passes: table_txt_measure widens WIDTH[i]
 * (NCOLS ints, start at 0) to every row's cell i, then table_txt_row
 * prints each row.  table_md_row prints the rule line after the row
 * when HEADER is nonzero. */
void table_txt_measure(const char *const *cells, size_t ncols, int *width);
void table_txt_row(FILE *out, const char *const *cells, size_t ncols, const int *width,
		   unsigned right);
/* The same, and a cell wider than its WIDTH cut to it with an ellipsis
 * (text_truncate; ASCII as there); a column whose WIDTH is negative is
 * left out, its gap with it.  table_txt_row cuts nothing (ASCII 0). */
void table_txt_row_cut(FILE *out, const char *const *cells, size_t ncols, const int *width,
		       unsigned right, int ascii);

/* A column to fit into a width: on screen or on a terminal's line. */
struct table_col {
	int want;    /* its widest cell, the heading's included */
	int min;     /* the least it may get, at least the heading's width;
	              * 0 for what is never cut (codes, dates, kinds) */
	int drop;    /* 0: always shown; else left out, highest first, when
	              * the others cannot fit even at their least */
	int width;   /* out: the columns it gets; -1 when left out */
	int late;    /* gives way only when no column is left to leave out
	              * (a name: better whole, but not before a code) */
};

/* Give the N columns of C widths within TOTAL display columns, GAP
 * columns apart: each its WANT when all fit; else the columns that may
 * give way do, the last first, down to their MIN; else columns are left
 * out by DROP and the rest fit again; and when none is left to leave out,
 * the LATE ones give way too.  Returns the columns the shown ones
 * take with their gaps: more than TOTAL only when what is never cut does
 * not fit even alone (then nothing is cut). */
int table_fit(struct table_col *c, size_t n, int total, int gap);

void table_md_row(FILE *out, const char *const *cells, size_t ncols, unsigned right, int header);
void table_csv_row(FILE *out, const char *const *cells, size_t ncols);

#endif
