/* transfer_int.h - what the transfer files share and nobody else sees:
 * the description of a kind of record (its columns, their types, its
 * SQL), the record being imported, and the helpers that check a value
 * and word the message about it.
 *
 *   transfer.c         the kinds: their columns and queries
 *   transfer_value.c   one field's text to a checked value; messages
 *   transfer_check.c   checks across the columns of one record
 *   transfer_import.c  CSV files in, in one transaction
 *   transfer_export.c  records out as CSV, Markdown or aligned text
 */
#ifndef ROUTEMAP_TRANSFER_INT_H
#define ROUTEMAP_TRANSFER_INT_H

#include <stdint.h>

#include "routemap/config.h"
#include "routemap/csv.h"
#include "routemap/error.h"
#include "routemap/store.h"
#include "routemap/transfer.h"

enum col_type {
	C_TEXT,    /* free text */
	C_CODE,    /* a code: no line break, no comma, no spaces at the edges */
	C_YEAR,    /* a Buddhist Era year */
	C_INT,     /* a whole number, at least 1 */
	C_NUM,     /* a decimal number, at least 0 */
	C_DATE,    /* YYYY-MM-DD */
	C_ENUM,    /* one of ARG, comma-separated */
	C_REF,     /* a code; the query ARG gives the id bound in its place */
	C_REFS,    /* a ;-list of codes, each resolved by ARG, rows by LIST_SQL */
	C_TAGS,    /* a ;-list of texts, rows by LIST_SQL */
};

enum col_flags {
	OPT = 1,     /* may be empty (NULL) */
	LATER = 2,   /* a reference to the same kind: set after all rows are in */
	ML = 4,      /* C_TEXT: may hold line breaks */
};

struct col {
	const char *name;
	enum col_type type;
	unsigned flags;
	const char *arg;      /* C_ENUM: allowed values; C_REF(S): lookup query */
	const char *what;     /* C_REF(S): what the code names, for messages (N_) */
	const char *params;   /* C_REF(S): columns bound to the query; "*" = this code */
	const char *list_sql; /* C_REFS, C_TAGS: ?1 = new row id, ?2 = element */
};

struct row;
struct kind {
	const char *name;
	const struct col *cols;
	size_t ncols;
	const char *insert_sql;  /* ?N = the value of column N (references: ids) */
	const char *later_sql;   /* ?1 = row id, ?2 = id of the LATER column */
	const char *export_sql;  /* one text column per column, in order */
	const char *count_sql;
	int (*check)(struct row *row, struct rm_error *err);
	char *colnames;          /* built on first use */
};

/* One record being imported. */
struct val {
	int null;
	long long i;
	double d;
	const char *s;
	int is_int, is_num;
	sqlite3_value *ref;      /* resolved reference (C_REF) */
	char iso[16];            /* C_DATE: the date as YYYY-MM-DD */
};

struct row {
	struct store *st;
	const struct config *cfg;
	const struct kind *kind;
	const char *file;
	int tis620_check;        /* the file holds no Thai and was not declared
				    UTF-8: look for Windows-874 read as UTF-8 */
	struct csv_reader *r;
	int *pos;                /* column -> field index in the record */
	struct val *v;
	sqlite3_stmt **lookup;   /* column -> its prepared lookup, made once */
	sqlite3_stmt **list_ins; /* column -> its prepared list insert */
};

#define N(a) (sizeof (a) / sizeof (a)[0])

/* Every kind, in dependency order (transfer.c); transfer_nkinds() long. */
extern struct kind transfer_kinds[];

/* ---- transfer_value.c ---- */

/* Fail with "FILE:LINE:COL (name): message" for column C of ROW (the
 * line and column where its field starts).  Returns -1. */
int transfer_row_fail(struct row *row, size_t c, struct rm_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The raw text of column C of ROW's current record (owned by the reader). */
const char *transfer_field(struct row *row, size_t c);

/* VALUE quoted for a message, its invisible characters made visible and
 * cut to 40 columns, into OUT (SIZE bytes).  Returns OUT. */
const char *transfer_shown(const char *value, char *out, size_t size);

/* VALUE up to and including the character at byte OFF, quoted and
 * escaped, its start cut when long, so that the character shows; into OUT
 * (SIZE bytes).  Returns OUT. */
const char *transfer_shown_to(const char *value, size_t off, char *out, size_t size);

/* Refuse code S of column C when it holds a comma or a line break or
 * starts or ends with a space.  Returns 0, or -1 with ERR. */
int transfer_check_code(struct row *row, size_t c, const char *s, struct rm_error *err);

/* Convert and check the plain (non-reference) column C of ROW's current
 * record into row->v[c] (whose text points into the reader or into the
 * val itself).  Returns 0, or -1 with ERR. */
int transfer_convert(struct row *row, size_t c, struct rm_error *err);

/* Bind parameter I of STMT from a column value (converted or raw); a
 * text is bound without a copy, so V must outlive the step. */
void transfer_bind_val(sqlite3_stmt *stmt, int i, const struct val *v);

/* ---- transfer_check.c: checks of one record across its columns, each
 * returning 0, or -1 with ERR naming the column at fault ---- */

int transfer_check_plan(struct row *row, struct rm_error *err);
int transfer_check_project(struct row *row, struct rm_error *err);
int transfer_check_link(struct row *row, struct rm_error *err);
int transfer_check_slm(struct row *row, struct rm_error *err);
int transfer_check_aar(struct row *row, struct rm_error *err);
int transfer_check_aar_section(struct row *row, struct rm_error *err);

#endif
