/* transfer_value.c - one field of an imported record, from its text to a
 * checked value: clean text, codes, years, numbers, dates and choices; and
 * the wording of what was wrong with it, naming file, line and column. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/escape.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "transfer_int.h"

/* Fail with "FILE:LINE:COL (name): message" for column C of ROW. */
int transfer_row_fail(struct row *row, size_t c, struct rm_error *err, const char *fmt, ...)
{
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	/* a column the header left out (ABSENT) has no field: the line alone */
	if (row->pos[c] < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d (%s): %s", row->file,
			       row->r->record_line, row->kind->cols[c].name, what);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file,
		       row->r->fields[row->pos[c]].line, row->pos[c] + 1, row->kind->cols[c].name,
		       what);
}

const char *transfer_field(struct row *row, size_t c)
{
	/* a column the header may leave out (ABSENT) is empty then */
	return row->pos[c] < 0 ? "" : row->r->fields[row->pos[c]].text;
}

/* VALUE up to and including the character at byte OFF, quoted and
 * escaped, its start cut when long, so that the character shows. */
const char *transfer_shown_to(const char *value, size_t off, char *out, size_t size)
{
	size_t end = off + text_cluster_len(value + off, strlen(value + off));
	char *head = strndup(value, end > off ? end : off + 1), *esc;
	size_t skip = 0;

	esc = head ? escape_text(head, ESC_INVISIBLE) : NULL;
	while (esc && text_width(esc + skip) > 40)
		skip += text_cluster_len(esc + skip, strlen(esc + skip));
	snprintf(out, size, "\"%s%s\"", skip ? "…" : "", esc ? esc + skip : "");
	free(head);
	free(esc);
	return out;
}

/* Refuse VALUE of column C, which holds the character CP at byte OFF
 * that its kind of text may not hold (escape.h), naming the line it is
 * on. */
static int unclean(struct row *row, size_t c, const char *value, size_t off, uint32_t cp,
		   struct rm_error *err)
{
	const struct csv_field *f = &row->r->fields[row->pos[c]];
	char q[320], what[512], esc[12];
	size_t i;
	int line = f->line;

	for (i = 0; i < off; i++)
		line += value[i] == '\n';
	transfer_shown_to(value, off, q, sizeof q);
	if (cp == '\n')
		snprintf(what, sizeof what, _("%s: a line break is not allowed in this column"), q);
	else if (escape_is_control(cp))
		snprintf(what, sizeof what, _("%s: the control character %s (U+%04X) is not allowed"), q,
			 escape_cp(cp, 0, esc) ? esc : "?", (unsigned)cp);
	else if (escape_is_bidi(cp))
		snprintf(what, sizeof what,
			 _("%s: the bidirectional control U+%04X is not allowed"), q, (unsigned)cp);
	else
		snprintf(what, sizeof what, _("%s: a code may not hold U+%04X, an invisible or space "
					      "character (only the plain space)"), q, (unsigned)cp);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file, line, row->pos[c] + 1,
		       row->kind->cols[c].name, what);
}

/* Is VALUE one of the comma-separated LIST? */
static int in_list(const char *list, const char *value)
{
	size_t n = strlen(value);
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && strncmp(p, value, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* "a, b or c" from "a,b,c", into OUT. */
static void or_list(const char *list, char *out, size_t size)
{
	const char *last = strrchr(list, ',');
	size_t o = 0;
	const char *p;

	for (p = list; *p && o + 8 < size; p++) {
		if (*p == ',') {
			/* TRANSLATORS: the last separator of a list "a, b or c". */
			const char *sep = p == last ? _(" or ") : ", ";

			o += (size_t)snprintf(out + o, size - o, "%s", sep);
		} else {
			out[o++] = *p;
		}
	}
	out[o < size ? o : size - 1] = '\0';
}

int transfer_check_code(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	char q[200];

	if (strpbrk(s, ",\r\n"))
		return transfer_row_fail(row, c, err, _("%s: a code may not hold a comma or a line break"),
				escape_shown(s, q, sizeof q));
	if (*s == ' ' || s[strlen(s) - 1] == ' ')
		return transfer_row_fail(row, c, err, _("%s: a code may not start or end with a space"),
				escape_shown(s, q, sizeof q));
	return 0;
}

/* A code in the standard Thai input order, as the screens take it: no
 * doubled tone mark ("ก่่", which looks like "ก่"), no mark out of order. */
static int thai_order(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	size_t i = 0, len = strlen(s);
	uint32_t prev = 0;
	char q[200];

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0)
			return 0;
		if (!text_input_accepts(prev, cp))
			return transfer_row_fail(row, c, err, _("%s: the Thai marks are not in the order they are "
						       "typed in (a mark doubled or misplaced)"),
					transfer_shown_to(s, i, q, sizeof q));
		prev = cp;
		i += (size_t)n;
	}
	return 0;
}

/* Only spaces and invisible characters: nothing anyone can read. */
static int looks_blank(const char *s)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0 || !(cp == ' ' || cp == '\n' || escape_is_invisible(cp)))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* Refuse text S of column C when it holds a character its kind of text
 * may not hold (escape.h), or, in a file with no Thai, what looks like
 * Windows-874 read as UTF-8.  Returns 0, or -1 with ERR. */
static int check_clean(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	static const unsigned clean_of[] = {
		[TRANSFER_LINE] = 0, [TRANSFER_LINES] = CLEAN_MULTILINE,
		[TRANSFER_CODE] = CLEAN_CODE,
	};
	unsigned clean = clean_of[transfer_column_text((size_t)(row->kind - transfer_kinds), c)];
	char q[200];
	size_t off;
	uint32_t cp;

	if (escape_find_unclean(s, strlen(s), clean, &off, &cp))
		return unclean(row, c, s, off, cp, err);
	if (row->tis620_check && escape_find_tis620(s, strlen(s), &off))
		return transfer_row_fail(row, c, err, _("%s looks like Thai saved as Windows-874 (TIS-620) "
					       "and read as UTF-8; save the file as UTF-8, or "
					       "import it with --encoding windows-874 (or "
					       "--encoding utf-8 if it is right)"),
				transfer_shown_to(s, off, q, sizeof q));
	return 0;
}

/* Read the non-empty text S of column C as its type asks, into V: a
 * code checked, a year or a whole number, a decimal number, a date in
 * ISO form, a choice among the allowed.  Returns 0, or -1 with ERR. */
static int convert_typed(struct row *row, size_t c, const char *s, struct val *v,
			 struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	struct text_date d;
	char q[200], allowed[256];

	switch (col->type) {
	case C_TEXT:
	case C_REF:
	case C_REFS:
	case C_TAGS:
		return 0;
	case C_CODE:
		return transfer_check_code(row, c, s, err) < 0 || thai_order(row, c, s, err) < 0 ? -1 : 0;
	case C_YEAR:
		if (text_parse_int(s, &v->i) < 0 || v->i < 2400 || v->i > 2800)
			return transfer_row_fail(row, c, err,
					_("%s: expected a Buddhist Era year such as 2569 (2400 to 2800)"),
					escape_shown(s, q, sizeof q));
		v->is_int = 1;
		return 0;
	case C_INT:
		if (text_parse_int(s, &v->i) < 0 || v->i < 1 || v->i > 1000000)
			return transfer_row_fail(row, c, err, _("%s: expected a whole number of at least 1"),
					escape_shown(s, q, sizeof q));
		v->is_int = 1;
		return 0;
	case C_NUM:
		if (text_parse_number(s, &v->d) < 0 || v->d < 0)
			return transfer_row_fail(row, c, err,
					_("%s: expected a number of at least 0 such as 73.5 (Thai digits allowed)"),
					escape_shown(s, q, sizeof q));
		if (!text_number_exact(s, v->d))
			return transfer_row_fail(row, c, err,
					_("%s: more digits than can be kept exactly (about 15 significant "
					  "digits); round it"), escape_shown(s, q, sizeof q));
		v->is_num = 1;
		return 0;
	case C_DATE:
		if (text_parse_date(s, &d) < 0)
			return transfer_row_fail(row, c, err,
					_("%s is not a date: %s"), escape_shown(s, q, sizeof q),
					text_date_forms());
		/* stored in ISO form, Gregorian, whatever era was typed */
		text_format_iso(&d, v->iso, sizeof v->iso);
		v->s = v->iso;
		return 0;
	case C_ENUM:
		if (!in_list(col->arg, s)) {
			or_list(col->arg, allowed, sizeof allowed);
			return transfer_row_fail(row, c, err, _("%s is not allowed; expected %s"),
					escape_shown(s, q, sizeof q), allowed);
		}
		return 0;
	}
	return 0;
}

/* Check the non-empty value S of column C as the screens check the field
 * of the same name in the kind's form (form.h), in the same words: a
 * choice from the office's lists, a field's own rule, its length.  The
 * references (a column naming other records, a field choosing or
 * showing one) are the import's own to resolve.  Returns 0, or -1 with
 * ERR naming file, line and column. */
static int check_as_form(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	const struct form_field *fld = col->type == C_REF || col->type == C_REFS
				       ? NULL : transfer_kind_field(row->kind, col->name);
	struct form_ctx ctx = { .st = row->st, .cfg = row->cfg };
	struct rm_error why = { 0, "" };
	char *stored = NULL;

	if (!fld || fld->type == FIELD_REFERENCE || fld->type == FIELD_READONLY)
		return 0;
	if (form_check(fld, &ctx, s, &stored, &why) < 0)
		return transfer_row_fail(row, c, err, "%s", why.msg);
	free(stored);
	return 0;
}

/* Convert and check the plain (non-reference) column C. */
int transfer_convert(struct row *row, size_t c, struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	const char *s = transfer_field(row, c);
	struct val *v = &row->v[c];
	char q[200];

	memset(v, 0, sizeof *v);
	v->s = s;
	if (check_clean(row, c, s, err) < 0)
		return -1;
	if (!*s) {
		v->null = 1;
		if (col->flags & OPT)
			return 0;
		return transfer_row_fail(row, c, err, _("a value is required here"));
	}
	/* a required value nobody can read is no value; an optional text
	 * of spaces is kept as it is (the screens can store one, and an
	 * export must import back) */
	if (looks_blank(s) && (!(col->flags & OPT) || col->type != C_TEXT))
		return transfer_row_fail(row, c, err, _("%s holds only spaces or invisible characters; write "
					       "something, or leave it empty"), escape_shown(s, q, sizeof q));
	if (convert_typed(row, c, s, v, err) < 0)
		return -1;
	return check_as_form(row, c, s, err);
}

/* Bind parameter I of STMT from a column value (converted or raw). */
void transfer_bind_val(sqlite3_stmt *stmt, int i, const struct val *v)
{
	if (v->ref)
		sqlite3_bind_value(stmt, i, v->ref);
	else if (v->null)
		sqlite3_bind_null(stmt, i);
	else if (v->is_int)
		sqlite3_bind_int64(stmt, i, v->i);
	else if (v->is_num)
		sqlite3_bind_double(stmt, i, v->d);
	else
		sqlite3_bind_text(stmt, i, v->s, -1, SQLITE_STATIC);
}
