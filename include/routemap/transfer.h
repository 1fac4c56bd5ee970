/* transfer.h - records in and out as CSV (and out as Markdown or text).
 *
 * Every kind of record (the files of ../shared/data/README.md plus
 * slm_cells) is described once, as a table of columns with their types and
 * references; import and export are both driven by that description.
 * An import is all or nothing: every file of one call goes in one
 * BEGIN IMMEDIATE transaction, and the first bad field rolls it all back.
 */
#ifndef ROUTEMAP_TRANSFER_H
#define ROUTEMAP_TRANSFER_H

#include <stdio.h>
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

enum transfer_format { FORMAT_CSV, FORMAT_MD, FORMAT_TXT };

/* The kinds, in dependency order (a kind refers only to kinds before it). */
size_t transfer_nkinds(void);
const char *transfer_kind_name(size_t kind);
/* The kind called NAME ("plans"), or -1. */
int transfer_kind_from_name(const char *name);
/* Its columns, comma-separated, for messages and help. */
const char *transfer_kind_columns(size_t kind);

/* What column COL (0-based) of KIND holds: free text on one line, free
 * text with line breaks, or a code, number, date or choice. */
enum transfer_text { TRANSFER_LINE, TRANSFER_LINES, TRANSFER_CODE };
size_t transfer_kind_ncols(size_t kind);
enum transfer_text transfer_column_text(size_t kind, size_t col);

struct transfer_file {
	int kind;            /* from transfer_kind_from_name */
	const char *name;    /* file name for messages */
	const char *data;
	size_t len;
	int utf8;            /* the user said the file is UTF-8 (or it was
				converted): no guessing at Windows-874 */
	size_t rows;         /* out: records imported */
};

/* Import FILES (any order; they are taken in dependency order) in one
 * transaction.  CFG gives the office's AAR templates and SLM columns for
 * checking.  Every value is checked as escape.h says (no controls, no
 * bidi controls, line breaks only in the multi-line columns, codes without
 * invisible characters), and a file with no Thai in it is refused when
 * it looks like Windows-874 read as UTF-8.  Returns 0, or -1 with ERR
 * ("FILE:LINE:COL (column): what was expected") and the database
 * unchanged. */
int transfer_import(struct store *st, const struct config *cfg, struct transfer_file *files,
		    size_t nfiles, struct rm_error *err);

/* Write every record of KIND to OUT in FORMAT.  CSV output imports back;
 * the tables for reading name coded values, CFG's templates by their
 * titles (CFG may be NULL: codes) and dates in the office's era. */
int transfer_export(struct store *st, const struct config *cfg, size_t kind,
		    enum transfer_format format, FILE *out, struct rm_error *err);

/* How many records of KIND the database holds, or -1. */
long long transfer_count(struct store *st, size_t kind, struct rm_error *err);

#endif
