/* csv.c - RFC 4180 CSV: a reader over a buffer in memory and a writer.
 *
 * Line breaks are CRLF, LF or a lone CR, inside quotes too, where each
 * becomes "\n".  Every record's fields are kept one after the other in
 * r->store, each followed by a NUL; the field pointers are set once the
 * record is complete, because the store may move while it grows.
 */
#include <stdlib.h>
#include <string.h>

#include "routemap/csv.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

/* Length of the line break at P (0 if none): CRLF, LF or CR. */
static size_t eol_len(const char *p, const char *end)
{
	if (p >= end)
		return 0;
	if (*p == '\n')
		return 1;
	if (*p == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	return 0;
}

/* Line and field number (1-based) of byte OFF, found by scanning with the
 * quote state from the start of the data. */
static void locate(const struct csv_reader *r, size_t off, int *line, int *col)
{
	const char *p = r->buf + r->pos, *end = r->buf + off;
	int inq = 0;

	*line = 1;
	*col = 1;
	while (p < end) {
		size_t e = eol_len(p, r->buf + r->len);

		if (e) {
			(*line)++;
			if (!inq)
				*col = 1;
			p += e;
			continue;
		}
		if (*p == '"')
			inq = !inq;   /* a doubled quote toggles twice */
		else if (*p == ',' && !inq)
			(*col)++;
		p++;
	}
}

int csv_reader_init(struct csv_reader *r, const char *name, const char *buf,
		    size_t len, struct rm_error *err)
{
	const char *nul;
	long bad;
	int line, col;

	memset(r, 0, sizeof *r);
	r->name = name ? name : "(input)";
	r->buf = buf;
	r->len = len;
	r->line = 1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	bad = utf8_invalid_at(buf + r->pos, len - r->pos);
	if (bad >= 0) {
		locate(r, r->pos + (size_t)bad, &line, &col);
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s:%d:%d: invalid UTF-8 (byte 0x%02X); save the file as UTF-8, or "
				 "import it with --encoding windows-874 (or tis-620)"),
			       r->name, line, col,
			       (unsigned char)buf[r->pos + (size_t)bad]);
	}
	nul = memchr(buf + r->pos, '\0', len - r->pos);
	if (nul) {
		locate(r, (size_t)(nul - buf), &line, &col);
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s:%d:%d: NUL byte (is this a text file?)"),
			       r->name, line, col);
	}
	return 0;
}

static int store_put(struct csv_reader *r, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (r->store_len + n > r->store_cap) {
		size_t cap = r->store_cap ? r->store_cap : 256;
		char *t;

		while (cap < r->store_len + n)
			cap *= 2;
		t = realloc(r->store, cap);
		if (!t)
			return -1;
		r->store = t;
		r->store_cap = cap;
	}
	memcpy(r->store + r->store_len, s, n);
	r->store_len += n;
	return 0;
}

/* Open a new field starting on LINE. */
static int field_open(struct csv_reader *r, int line)
{
	if (r->nfields == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		struct csv_field *t = realloc(r->fields, cap * sizeof *t);

		if (!t)
			return -1;
		r->fields = t;
		r->cap = cap;
	}
	r->fields[r->nfields].text = NULL;
	r->fields[r->nfields].len = 0;
	r->fields[r->nfields].line = line;
	r->nfields++;
	return 0;
}

/* Read one field at r->pos into the store (with its NUL). */
static int read_field(struct csv_reader *r, struct rm_error *err)
{
	const char *p = r->buf + r->pos, *end = r->buf + r->len;
	int col = (int)r->nfields, start_line = r->line;
	size_t before = r->store_len;

	if (p < end && *p == '"') {
		p++;
		for (;;) {
			const char *q = p;
			size_t e;

			while (q < end && *q != '"' && *q != '\r' && *q != '\n')
				q++;
			if (store_put(r, p, (size_t)(q - p)) < 0)
				goto oom;
			p = q;
			if (p >= end)
				return rm_fail(err, RM_EXIT_RUNTIME,
					       _("%s:%d:%d: unterminated quoted field (opened here)"),
					       r->name, start_line, col);
			e = eol_len(p, end);
			if (e) {
				if (store_put(r, "\n", 1) < 0)
					goto oom;
				r->line++;
				p += e;
			} else if (p + 1 < end && p[1] == '"') {
				if (store_put(r, "\"", 1) < 0)
					goto oom;
				p += 2;
			} else {
				p++;   /* the closing quote */
				break;
			}
		}
		if (p < end && *p != ',' && !eol_len(p, end))
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s:%d:%d: text after the closing quote of a field"),
				       r->name, r->line, col);
	} else {
		const char *q = p;

		while (q < end && *q != ',' && *q != '\r' && *q != '\n') {
			if (*q == '"')
				return rm_fail(err, RM_EXIT_RUNTIME,
					       _("%s:%d:%d: quote inside an unquoted field "
					       "(quote the whole field and double the quote)"),
					       r->name, r->line, col);
			q++;
		}
		if (store_put(r, p, (size_t)(q - p)) < 0)
			goto oom;
		p = q;
	}
	if (store_put(r, "", 1) < 0)
		goto oom;
	r->fields[r->nfields - 1].len = r->store_len - before - 1;
	r->pos = (size_t)(p - r->buf);
	return 0;
oom:
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: out of memory"), r->name, r->line);
}

int csv_read(struct csv_reader *r, struct rm_error *err)
{
	const char *end = r->buf + r->len;
	size_t i, off, k;

	r->nfields = 0;
	r->store_len = 0;
	if (r->pos >= r->len)
		return 0;
	/* blank lines up to the end of the file are no records */
	k = r->pos;
	while (k < r->len && eol_len(r->buf + k, end))
		k += eol_len(r->buf + k, end);
	if (k >= r->len) {
		r->pos = r->len;
		return 0;
	}
	r->record_line = r->line;
	for (;;) {
		size_t e;

		if (field_open(r, r->line) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: out of memory"),
				       r->name, r->line);
		if (read_field(r, err) < 0) {
			r->nfields = 0;
			return -1;
		}
		if (r->pos < r->len && r->buf[r->pos] == ',') {
			r->pos++;
			continue;
		}
		e = eol_len(r->buf + r->pos, end);
		if (e) {
			r->pos += e;
			r->line++;
		}
		break;
	}
	for (i = 0, off = 0; i < r->nfields; i++) {
		r->fields[i].text = r->store + off;
		off += r->fields[i].len + 1;
	}
	return 1;
}

void csv_reader_free(struct csv_reader *r)
{
	free(r->fields);
	free(r->store);
	r->fields = NULL;
	r->store = NULL;
	r->nfields = r->cap = 0;
	r->store_len = r->store_cap = 0;
}

/* An empty first field is written as "" so that a record of one empty
 * field is not a blank line (which the reader skips at the end). */
void csv_write_field(FILE *out, const char *text, int first)
{
	size_t len = strlen(text);
	const char *p;

	if (!first)
		putc(',', out);
	if (len == 0) {
		if (first)
			fputs("\"\"", out);
		return;
	}
	/* a field starting with U+FEFF is quoted: at the start of a file the
	 * reader would take it for a byte order mark */
	if (!strpbrk(text, ",\"\r\n") && text[0] != ' ' && text[len - 1] != ' ' &&
	    strncmp(text, "\xEF\xBB\xBF", 3) != 0) {
		fwrite(text, 1, len, out);
		return;
	}
	putc('"', out);
	for (p = text; *p; p++) {
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	putc('"', out);
}

void csv_write_end(FILE *out)
{
	putc('\n', out);
}
