/* csv.h - RFC 4180 CSV, read from memory and written to a stream.
 *
 * The reader takes the whole file in memory (a UTF-8 BOM at the start is
 * skipped; invalid UTF-8 is refused), splits records on CRLF or LF, honours
 * quotes, doubled quotes and commas and line breaks inside quoted fields.
 * Each field remembers the line and column (1-based, column = field number)
 * where it starts, so that errors can name them.
 */
#ifndef ROUTEMAP_CSV_H
#define ROUTEMAP_CSV_H

#include <stdio.h>
#include <stddef.h>
#include "routemap/error.h"

struct csv_field {
	char *text;     /* NUL-terminated, unquoted; owned by the reader */
	size_t len;
	int line;       /* line where the field starts */
};

struct csv_reader {
	const char *name;    /* file name for messages */
	const char *buf;
	size_t len, pos;
	int line;            /* current line, 1-based */
	/* the current record */
	struct csv_field *fields;
	size_t nfields, cap;
	int record_line;     /* line where the current record starts */
	char *store;         /* backing store of field texts */
	size_t store_len, store_cap;
};

/* Start reading BUF (LEN bytes) that came from NAME.  Nothing is copied: BUF
 * must outlive the reader.  Returns 0, or -1 with ERR for invalid UTF-8
 * (naming the line and column of the bad byte). */
int csv_reader_init(struct csv_reader *r, const char *name, const char *buf,
		    size_t len, struct rm_error *err);

/* Read the next record.  Returns 1 when a record was read, 0 at the end of
 * the input, -1 with ERR ("NAME:LINE:COL: ...") for an unterminated quote or
 * a quote inside an unquoted field or text after a closing quote.  A blank
 * line at the end of the file is no record. */
int csv_read(struct csv_reader *r, struct rm_error *err);

void csv_reader_free(struct csv_reader *r);

/* Write one field, quoting it when it holds a comma, a quote, CR or LF, or
 * starts or ends with a space.  FIRST: no comma before it. */
void csv_write_field(FILE *out, const char *text, int first);

/* End the record with a newline ("\n"; the reader accepts CRLF too). */
void csv_write_end(FILE *out);

#endif
