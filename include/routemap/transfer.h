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

struct transfer_file;
/* The demo office's CSV files, compiled in (embedded.h), as up to MAX
 * import files in FILES (their data static, UTF-8).  Returns how many. */
size_t transfer_demo_files(struct transfer_file *files, size_t max);
/* Its columns, comma-separated, for messages and help. */
const char *transfer_kind_columns(size_t kind);

/* What column COL (0-based) of KIND holds: free text on one line, free
 * text with line breaks, or a code, number, date or choice. */
enum transfer_text { TRANSFER_LINE, TRANSFER_LINES, TRANSFER_CODE };
enum transfer_text transfer_column_text(size_t kind, size_t col);
/* How many columns KIND has. */
size_t transfer_kind_ncols(size_t kind);

/* One column of a record that import --update changed: its CSV name
 * (static) and its value before and after as export writes it in CSV
 * (malloc'd, unescaped: escape them to show them). */
struct transfer_field_change {
	const char *column;
	char *old, *new;
};

/* A record that import --update changed: its identity as its key's
 * values joined by "/" ("KKN-CDC-2568/P1"), and its changed columns. */
struct transfer_change {
	char *record;
	struct transfer_field_change *fields;
	size_t nfields;
};

struct transfer_file {
	int kind;            /* from transfer_kind_from_name */
	const char *name;    /* file name for messages */
	const char *data;
	size_t len;
	int utf8;            /* the user said the file is UTF-8 (or it was
				converted): no guessing at Windows-874 */
	size_t rows;         /* out: records imported (added + updated + unchanged) */
	size_t added, updated, unchanged;  /* out: the same, by what became of them */
	struct transfer_change *changes;   /* out (with TRANSFER_UPDATE): the updated
					      records in file order; free with
					      transfer_changes_free() */
	size_t nchanges;
};

/* How transfer_import_with() treats records whose identity (the key of
 * their kind: a code, or as transfer.c describes) is already there. */
enum {
	TRANSFER_UPDATE = 1,   /* change the columns that differ, keep the rest */
	TRANSFER_DRY_RUN = 2,  /* do all of it, report it, then roll it back */
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

/* transfer_import() with FLAGS (TRANSFER_*): with TRANSFER_UPDATE a
 * record whose identity exists has its differing columns changed (an
 * unchanged one is not written) and its ;-lists replaced when they hold
 * other elements; nothing is ever deleted.  Without it, such a record
 * fails with "FILE:LINE:COL (column): KIND RECORD is already in the
 * database", suggesting --update.  With TRANSFER_DRY_RUN the transaction
 * is rolled back after the counts and changes are made.  Fills each
 * file's counts and changes (also on error: free them either way).
 * Returns 0, or -1 with ERR and the database unchanged. */
int transfer_import_with(struct store *st, const struct config *cfg, struct transfer_file *files,
			 size_t nfiles, unsigned flags, struct rm_error *err);

/* Free F's changes (from transfer_import_with) and clear them. */
void transfer_changes_free(struct transfer_file *f);

/* Write every record of KIND to OUT in FORMAT.  CSV output imports back;
 * the tables for reading name coded values, CFG's templates by their
 * titles (CFG may be NULL: codes) and dates in the office's era. */
int transfer_export(struct store *st, const struct config *cfg, size_t kind,
		    enum transfer_format format, FILE *out, struct rm_error *err);

/* How many records of KIND the database holds, or -1. */
long long transfer_count(struct store *st, size_t kind, struct rm_error *err);

#endif
