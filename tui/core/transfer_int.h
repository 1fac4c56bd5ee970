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
	ABSENT = 8,  /* may be left out of the header: then empty on every line */
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

/* When a kind's HOOK is called: before a record is looked for or
 * inserted (ID 0), and after it is inserted or updated (ID its id). */
enum kind_hook { HOOK_BEFORE, HOOK_AFTER };

struct kind {
	const char *name;
	const struct col *cols;
	size_t ncols;
	const char *insert_sql;  /* ?N = the value of column N (references: ids) */
	const char *later_sql;   /* ?1 = row id, ?2 = id of the LATER column */
	const char *export_sql;  /* one text column per column, in order */
	const char *count_sql;
	int (*check)(struct row *row, struct rm_error *err);
	const char *key;         /* the identity: column names, comma-separated */
	const char *find_sql;    /* the id of the record with that key (?N as insert) */
	const char *set;         /* what --update sets: "col = ?N" joined by ";" */
	/* what a record does besides its row (an entry's support request):
	 * 0, or -1 with ERR; NULL: nothing */
	int (*hook)(struct row *row, enum kind_hook when, sqlite3_int64 id, struct rm_error *err);
	char *colnames;          /* built on first use */
	char *one_sql;           /* EXPORT_SQL of one record, ?1 = its id */
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
	int *pos;                /* column -> field index in the record (-1:
				    an ABSENT column the header left out) */
	size_t nheader;          /* the fields of the header */
	struct val *v;
	sqlite3_stmt **lookup;   /* column -> its prepared lookup, made once */
	sqlite3_stmt **list_ins; /* column -> its prepared list insert */
	unsigned flags;          /* TRANSFER_* */
	struct transfer_file *out; /* the file: its counts and changes */
	sqlite3_int64 max_before;  /* the table's largest id before the file */
	sqlite3_stmt *find, *update, *one;  /* made on first use */
	struct seen *seen;       /* --update: the records the file named */
	size_t nseen;
	sqlite3_stmt *own[3];    /* the kind's hook's statements, made once */
};

/* An import flag of transfer_import.c's own (beside TRANSFER_*): the
 * files hold support_requests, which say what the entries' support
 * columns would. */
#define TRANSFER_HAS_REQUESTS 0x100

/* A record an --update file named: its id and the line naming it. */
struct seen {
	sqlite3_int64 id;
	int line;
};

#define N(a) (sizeof (a) / sizeof (a)[0])

/* Every kind, in dependency order (transfer.c); transfer_nkinds() long. */
extern struct kind transfer_kinds[];

/* The field of a screen's form (form.h) that checks COLUMN of K as the
 * screens check it, named as the column; NULL for none (transfer.c). */
const struct form_field *transfer_kind_field(const struct kind *k, const char *column);

/* ---- transfer_value.c ---- */

/* Fail with "FILE:LINE:COL (name): message" for column C of ROW (the
 * line and column where its field starts; "FILE:LINE (name)" for a
 * column the header left out).  Returns -1. */
int transfer_row_fail(struct row *row, size_t c, struct rm_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The raw text of column C of ROW's current record (owned by the reader). */
const char *transfer_field(struct row *row, size_t c);


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

/* ---- transfer_import.c: shared with transfer_update.c ---- */

/* The column called NAME (NAME ends at a comma or NUL) of K, or -1. */
int transfer_col_index(const struct kind *k, const char *name);

/* Look CODE up for reference column C.  Returns 1 and sets *OUT (a copy
 * the caller frees) when found, 0 when not, -1 on a database error. */
int transfer_resolve(struct row *row, size_t c, const char *code, sqlite3_value **out,
		     struct rm_error *err);

/* The message for a code of column C that transfer_resolve() did not
 * find.  Returns -1. */
int transfer_unknown_ref(struct row *row, size_t c, const char *code, struct rm_error *err);

/* Call FN for every element of the ;-list in column C (spaces around
 * trimmed), ID the record's id.  Returns 0, or -1 with ERR. */
int transfer_each_element(struct row *row, size_t c, sqlite3_int64 id,
			  int (*fn)(struct row *, size_t, const char *, sqlite3_int64,
				    struct rm_error *),
			  struct rm_error *err);

/* Insert the list row of one element ELEM of column C for record ID. */
int transfer_insert_element(struct row *row, size_t c, const char *elem, sqlite3_int64 id,
			    struct rm_error *err);

/* Turn the failed step RC of an insert or update of ROW's record into a
 * message about the record.  Returns -1. */
int transfer_write_failed(struct row *row, int rc, struct rm_error *err);

/* ---- transfer_export.c ---- */

/* Column I of STMT's current row as CSV text (*OUT: in NUM, SIZE bytes,
 * or owned by STMT): numbers without a useless ".0", NULL as "". */
void transfer_cell_text(sqlite3_stmt *stmt, int i, char *num, size_t size, const char **out);

/* ---- transfer_update.c: records whose identity is already there ---- */

/* The id of the record with ROW's identity (its kind's FIND_SQL) into
 * *ID.  Returns 1 when there is one, 0 when none, -1 with ERR on a
 * database error or when the identity names more than one record. */
int transfer_find(struct row *row, sqlite3_int64 *id, struct rm_error *err);

/* Fail for ROW's record, whose identity record ID already has: the file
 * named it before (ID > row->max_before) or the database holds it.
 * Returns -1 with ERR. */
int transfer_duplicate(struct row *row, sqlite3_int64 id, struct rm_error *err);

/* Whether the norm set version ROW's record belongs to (a norm set's or
 * a norm item's; other kinds have none) is frozen (normedit.h): 1 with
 * WHY saying so in the screens' words, 0 not, -1 with WHY (the database
 * fails, no such version). */
int transfer_version_frozen(struct row *row, struct rm_error *why);

/* Bring record ID up to ROW's record: the differing columns, the
 * references to the same kind that exist now, the lists that differ;
 * counts it as updated or unchanged in row->out and notes its changes.
 * A norm set or item refuses what the screens refuse: a changed grouping,
 * any change to a frozen version.
 * *DEFER gets the bits (1 << column) of references to the same kind not
 * yet there (set at the end of the file).  Returns 0, or -1 with ERR. */
int transfer_update_record(struct row *row, sqlite3_int64 id, unsigned *defer,
			   struct rm_error *err);

/* Note that ROW's current record is record ID, for transfer_seen_check. */
int transfer_seen(struct row *row, sqlite3_int64 id, struct rm_error *err);

/* After an --update file: refuse a record its lines named twice.
 * Returns 0, or -1 with ERR naming the second line. */
int transfer_seen_check(struct row *row, struct rm_error *err);

/* The largest id of KIND's table now (0 when empty) into *MAX. */
int transfer_max_id(struct row *row, sqlite3_int64 *max, struct rm_error *err);

/* ---- transfer_check.c: checks of one record across its columns, each
 * returning 0, or -1 with ERR naming the column at fault ---- */

int transfer_check_plan(struct row *row, struct rm_error *err);
int transfer_check_project(struct row *row, struct rm_error *err);
int transfer_check_link(struct row *row, struct rm_error *err);
int transfer_check_slm(struct row *row, struct rm_error *err);
int transfer_check_aar(struct row *row, struct rm_error *err);
int transfer_check_aar_section(struct row *row, struct rm_error *err);
/* An entry answers as its set's scale says: a status, or a level. */
int transfer_check_entry(struct row *row, struct rm_error *err);

/* ---- transfer_support.c: support requests ---- */

/* kind.hook of assessment_entries: after the entry, its support columns
 * (any filled; SUPPORT_UNSTATED for a missing support_needed) make its
 * first request when it has none, or bring the first one to them; an
 * answered one is refused with the line and column; nothing when the
 * import holds a support_requests file (TRANSFER_HAS_REQUESTS). */
int transfer_entry_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			struct rm_error *err);

/* kind.hook of support_requests: before the request, its item's entry
 * is made (unanswered) when it has none, and an unanswered request of the
 * same text made before the file, without baht, is replaced (deleted)
 * when the line's uid is not in the database. */
int transfer_request_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			  struct rm_error *err);

#endif
