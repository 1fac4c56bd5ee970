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
void table_md_row(FILE *out, const char *const *cells, size_t ncols, unsigned right, int header);
void table_csv_row(FILE *out, const char *const *cells, size_t ncols);

#endif
