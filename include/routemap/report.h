/* report.h - the reports across units (coverage, items, support,
 * follow-ups, indicators): one registry row per report, each report one
 * or more tables of typed columns filled from aggregate SQL (never every
 * entry in memory), and the renderers: aligned text (display width),
 * CSV (data: untranslated heads, ISO dates, plain numbers), Markdown and
 * an Excel workbook (libxlsxwriter).  No curses, no printing of errors. */
#ifndef ROUTEMAP_REPORT_H
#define ROUTEMAP_REPORT_H

#include <stdio.h>

#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"
#include "routemap/text.h"

/* What a column holds, which decides how each renderer writes it. */
enum report_type {
	RT_TEXT,     /* words (a cell may carry a code for CSV) */
	RT_COUNT,    /* a whole number */
	RT_NUMBER,   /* any number (an indicator's value) */
	RT_BAHT,     /* an amount in baht: 12,500.00 */
	RT_PERCENT,  /* 0-100: 47.4% */
	RT_RANK,     /* 1-5 */
	RT_DATE,     /* an ISO date, shown in the Buddhist Era */
	RT_BAR,      /* a bar, the value 0-100 of its full length */
};

struct report_col {
	enum report_type type;
	const char *name;    /* the CSV head: never translated ("unit") */
	const char *head;    /* the heading people read: a msgid (N_) */
};

struct report_cell {
	char *text;      /* RT_TEXT, RT_DATE (ISO); NULL: empty */
	char *code;      /* RT_TEXT: what CSV writes instead (a code); or NULL */
	double value;    /* the numbers */
	int has;         /* a number is there (0: an empty cell) */
};

struct report_table {
	char *sheet;     /* the sheet's name in a workbook (translated, <= 31
			    characters), also what Markdown heads it with */
	size_t sheet_code; /* bytes at the sheet name's start that a workbook
			      may shorten (the set's code); the rest, which
			      holds the version, is kept whole */
	char *title;     /* the line above it (translated); may be NULL */
	const struct report_col *cols;
	size_t ncols;
	struct report_cell *cells;   /* nrows * ncols, row by row */
	size_t nrows, cap;
};

struct report_def;

struct report {
	const struct report_def *def;
	char *title;                 /* translated, with what was chosen */
	struct report_table *tables;
	size_t ntables;
	int oom;                     /* a cell or table could not be kept */
};

/* The filters a report takes (report_def.takes). */
#define REPORT_OFFICE 1u   /* --office CODE: that office and those under it */
#define REPORT_SET    2u   /* --set CODE[:VERSION] */
#define REPORT_FY     4u   /* --fy YEAR (Buddhist Era) */
#define REPORT_DAYS   8u   /* --from, --to */
#define REPORT_RANK  16u   /* --rank N: the successful units' least rank */

struct report_filter {
	const char *office;     /* an office's code; NULL: every office */
	const char *set;        /* a norm set's code; NULL: every set in use */
	int version;            /* of SET; 0: its latest issued version */
	int fy;                 /* a fiscal year, BE; 0: any */
	char from[11], to[11];  /* ISO days, "" for open ends */
	char today[11];         /* ISO: what is overdue is due before it */
	int min_rank;           /* success: rank 1-5 and more is successful;
				   0: 4 */
	int screen;             /* 1: refusals in the screen's words (no
				   option names such as --office) */
};

/* One row of the registry: a report and how it is filled. */
struct report_def {
	const char *name;       /* its command-line name ("coverage") */
	const char *title;      /* its title, a msgid (N_) */
	unsigned takes;         /* REPORT_* filters it takes */
	/* Fill R from ST for F (checked by report_run). 0, or -1 with ERR. */
	int (*fill)(struct store *st, const struct config *cfg, const struct report_filter *f,
		    struct report *r, struct rm_error *err);
};

/* The registry, in the order the Reports section lists them: N rows. */
const struct report_def *report_defs(size_t *n);
/* The report called NAME, or NULL. */
const struct report_def *report_find(const char *name);

/* Check F against what DEF takes and what ST holds: an unknown office or
 * set (or version) is refused in words.  Returns 0, or -1 with ERR
 * (status RM_EXIT_USAGE for what the user typed). */
int report_check(struct store *st, const struct report_def *def, const struct report_filter *f,
		 struct rm_error *err);

/* Fill *R (emptied first; caller frees with report_free) with DEF's
 * report for F, in one read snapshot.  Returns 0, or -1 with ERR. */
int report_run(struct store *st, const struct config *cfg, const struct report_def *def,
	       const struct report_filter *f, struct report *r, struct rm_error *err);
void report_free(struct report *r);

/* A fiscal year YEAR (BE) as its first and last days into FROM and TO
 * (ISO, 11 bytes each): 2569 runs from 2025-10-01 to 2026-09-30. */
void report_fy_days(int year, char *from, char *to);

/* ---- building a report (for the fill functions) ---- */

/* A new table of NCOLS columns COLS (static) at the end of R, its sheet
 * name and title copied (TITLE may be NULL).  NULL when out of memory. */
struct report_table *report_table_add(struct report *r, const char *sheet, const char *title,
				      const struct report_col *cols, size_t ncols);
/* A new empty row at the end of T; NULL when out of memory. */
struct report_cell *report_row_add(struct report_table *t);
/* Set a cell of a row: text (and CODE for CSV; either may be NULL), or a
 * number.  Return -1 when out of memory. */
int report_set_text(struct report_cell *c, const char *text, const char *code);
void report_set_value(struct report_cell *c, double value);

/* ---- renderers ---- */

/* Cell COL of ROW (a row of T) as people read it (Buddhist-Era date,
 * 12,500.00, 47.4%, a bar of BAR_WIDTH cells, ASCII '#' when ASCII)
 * into OUT. */
void report_cell_text(const struct report_table *t, size_t row, size_t col, int bar_width,
		      int ascii, char *out, size_t size);

/* The report as aligned text on OUT: its title, then each table with its
 * title and Thai headings, fitted to WIDTH display columns (0: no limit,
 * every line whole). */
void report_write_txt(const struct report *r, FILE *out, int width, int ascii);
/* Each table as CSV (the heads untranslated, codes, ISO dates, plain
 * numbers), tables apart by an empty line. */
void report_write_csv(const struct report *r, FILE *out);
/* Markdown: the title as a heading, each table under its own. */
void report_write_md(const struct report *r, FILE *out);
/* An Excel workbook at PATH (written there by libxlsxwriter: the caller
 * makes PATH a temporary name and renames it): a sheet per table, Thai
 * headings in bold, the heading row frozen, numbers as numbers (baht
 * #,##0.00, percentages as such), dates as dates in the Buddhist Era,
 * column widths set, font TH Sarabun New.  Returns 0 or -1 with ERR. */
int report_write_xlsx(const struct report *r, const char *path, struct rm_error *err);

#endif
