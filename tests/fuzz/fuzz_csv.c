/* fuzz_csv.c - libFuzzer harness of the CSV reader and writer (csv.h).
 *
 * The input is a whole CSV file.  The reader must refuse exactly the
 * files that hold invalid UTF-8 or a NUL byte (after an optional BOM),
 * then read records until the end or an error without touching memory it
 * does not own.  Every record it reads must come back unchanged when it
 * is written with csv_write_field/csv_write_end and read again.
 */
#define _GNU_SOURCE   /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "routemap/csv.h"
#include "routemap/error.h"
#include "routemap/text.h"

/* What csv_reader_init must refuse: after a leading UTF-8 BOM, invalid
 * UTF-8 or a NUL byte anywhere.  Returns 1 when BUF is acceptable. */
static int acceptable(const char *buf, size_t len)
{
	size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	return fuzz_valid_utf8(buf + skip, len - skip) &&
	       memchr(buf + skip, '\0', len - skip) == NULL;
}

/* The fields of the record R has just read: each is valid UTF-8 (the
 * input was), holds no NUL and no CR (line breaks inside quotes become
 * "\n"), its length is its strlen, and it starts on a line between the
 * record's first line and the reader's current one. */
static void check_record(const struct csv_reader *r)
{
	size_t i;

	CHECK(r->nfields >= 1);
	for (i = 0; i < r->nfields; i++) {
		const struct csv_field *f = &r->fields[i];

		CHECK(f->text != NULL);
		CHECK(strlen(f->text) == f->len);
		CHECK(fuzz_valid_utf8(f->text, f->len));
		CHECK(memchr(f->text, '\r', f->len) == NULL);
		CHECK(f->line >= r->record_line);
		CHECK(f->line <= r->line);
	}
}

/* Write the record R holds with the writer into memory, after a
 * one-field header record as every file the program writes starts with
 * one, read it back and check that the same fields come back byte for
 * byte, and then the end of the input.  (Without the header a first field
 * that starts with U+FEFF would not come back: csv_write_field writes it
 * unquoted and the reader skips those bytes at the start of a file as a
 * BOM.) */
static void check_round_trip(const struct csv_reader *r)
{
	struct csv_reader back;
	struct rm_error err = { 0, "" };
	char *buf = NULL;
	size_t len = 0, i;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		abort();
	csv_write_field(out, "header", 1);
	csv_write_end(out);
	for (i = 0; i < r->nfields; i++)
		csv_write_field(out, r->fields[i].text, i == 0);
	csv_write_end(out);
	if (fclose(out) != 0)
		abort();

	CHECK(csv_reader_init(&back, "(written)", buf, len, &err) == 0);
	CHECK(csv_read(&back, &err) == 1);
	CHECK(back.nfields == 1 && strcmp(back.fields[0].text, "header") == 0);
	CHECK(csv_read(&back, &err) == 1);
	CHECK(back.nfields == r->nfields);
	for (i = 0; i < r->nfields; i++) {
		CHECK(back.fields[i].len == r->fields[i].len);
		CHECK(memcmp(back.fields[i].text, r->fields[i].text, r->fields[i].len) == 0);
	}
	CHECK(csv_read(&back, &err) == 0);
	csv_reader_free(&back);
	free(buf);
}

/* Read the input as a file: refusals as promised, every record sane and
 * round-tripping, an error with a message and the usual status. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy, so that ASan sees any read past its end */
	char *buf = malloc(size ? size : 1);
	struct csv_reader r;
	struct rm_error err = { 0, "" };
	int ok = acceptable((const char *)data, size), rc;
	size_t records = 0;
	int got;

	if (!buf)
		abort();
	if (size)
		memcpy(buf, data, size);
	rc = csv_reader_init(&r, "fuzz.csv", buf, size, &err);
	CHECK(rc == (ok ? 0 : -1));
	if (rc < 0) {
		CHECK(err.msg[0] != '\0');
		CHECK(err.status == RM_EXIT_RUNTIME);
		free(buf);
		return 0;
	}
	for (;;) {
		err.msg[0] = '\0';
		got = csv_read(&r, &err);
		CHECK(got >= -1 && got <= 1);
		if (got == 1) {
			check_record(&r);
			check_round_trip(&r);
			records++;
			CHECK(records <= size);   /* every record takes a byte */
			continue;
		}
		if (got < 0) {
			CHECK(err.msg[0] != '\0');
			CHECK(err.status == RM_EXIT_RUNTIME);
			CHECK(strncmp(err.msg, "fuzz.csv:", 9) == 0);
		}
		break;
	}
	/* at the end it stays at the end */
	if (got == 0)
		CHECK(csv_read(&r, &err) == 0);
	csv_reader_free(&r);
	free(buf);
	return 0;
}
