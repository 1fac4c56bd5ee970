/* report_xlsx.c - a report as an Excel workbook through libxlsxwriter
 * (report.h): a sheet per table, as offices hand reports in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "routemap/i18n.h"
#include "routemap/report.h"
#include "routemap/text.h"

/* The Thai government's font; a viewer without it shows its own. */
#define FONT "TH Sarabun New"
#define FONT_SIZE 16
/* Thai locale (041E), the Buddhist calendar (07), Western digits (01):
 * 20 ม.ค. 2569 in Excel and LibreOffice alike. */
#define DATE_FORMAT "[$-107041E]d mmm yyyy"

enum { F_HEAD, F_TEXT, F_COUNT, F_NUMBER, F_BAHT, F_PERCENT, F_DATE, F_BAR, F_N };

static void make_formats(lxw_workbook *wb, lxw_format **f)
{
	static const char *const num[F_N] = {
		[F_COUNT] = "0", [F_NUMBER] = "General", [F_BAHT] = "#,##0.00",
		[F_PERCENT] = "0.0%", [F_DATE] = DATE_FORMAT, [F_BAR] = "0.0",
	};
	int i;

	for (i = 0; i < F_N; i++) {
		f[i] = workbook_add_format(wb);
		format_set_font_name(f[i], FONT);
		format_set_font_size(f[i], FONT_SIZE);
		if (num[i])
			format_set_num_format(f[i], num[i]);
	}
	format_set_bold(f[F_HEAD]);
	format_set_bottom(f[F_HEAD], LXW_BORDER_THIN);
	format_set_text_wrap(f[F_HEAD]);
	format_set_align(f[F_HEAD], LXW_ALIGN_VERTICAL_TOP);
}

static int format_of(enum report_type type)
{
	switch (type) {
	case RT_TEXT: return F_TEXT;
	case RT_COUNT: case RT_RANK: return F_COUNT;
	case RT_NUMBER: return F_NUMBER;
	case RT_BAHT: return F_BAHT;
	case RT_PERCENT: return F_PERCENT;
	case RT_DATE: return F_DATE;
	case RT_BAR: return F_BAR;
	}
	return F_TEXT;
}

/* Characters (not bytes) in the first LEN bytes of S. */
static size_t chars_in(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Append the first CHARS characters of S (at most LEN bytes) to BASE at
 * *AT (room for SIZE bytes), []:*?/\ as '-'. */
static void put_chars(char *base, size_t *at, size_t size, const char *s, size_t len,
		      size_t chars)
{
	size_t i, n = 0;

	for (i = 0; i < len && s[i] && *at + 4 < size; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == chars)
			break;
		base[(*at)++] = strchr("[]:*?/\\", s[i]) ? '-' : s[i];
	}
	base[*at] = '\0';
}

/* A sheet name Excel takes for table T: at most 31 characters, none of
 * []:*?/\, not one of the sheets already there.  When too long, the set's
 * code at its start (T->sheet_code bytes) is shortened with "~" and the
 * rest, which holds the version, kept; then anything left is cut.  A name
 * already there gets " (2)", " (3)"... (never a bare number, which would
 * read as a version). */
static void sheet_name(lxw_workbook *wb, const struct report_table *t, char *out, size_t size)
{
	const char *want = t->sheet;
	size_t code = t->sheet_code <= strlen(want) ? t->sheet_code : 0;
	size_t rest = chars_in(want + code, strlen(want + code)), room = 31 - 4, at = 0;
	char base[160];
	int k;

	if (code && chars_in(want, code) + rest > room && rest + 2 <= room) {
		put_chars(base, &at, sizeof base, want, code, room - rest - 1);
		put_chars(base, &at, sizeof base, "~", 1, 1);
		put_chars(base, &at, sizeof base, want + code, strlen(want + code), rest);
	} else {
		put_chars(base, &at, sizeof base, want, strlen(want), room);
	}
	snprintf(out, size, "%s", at ? base : "1");
	for (k = 2; k < 1000 && workbook_get_worksheet_by_name(wb, out); k++)
		if (snprintf(out, size, "%.120s (%d)", base, k) < 0)
			break;
}

/* Write cell COL of ROW of T at (Y, COL). */
static void write_cell(lxw_worksheet *ws, const struct report_table *t, size_t row, size_t col,
		       lxw_row_t y, lxw_format **f)
{
	const struct report_cell *c = &t->cells[row * t->ncols + col];
	enum report_type type = t->cols[col].type;
	struct text_date d;

	if (type == RT_TEXT) {
		if (c->text)
			worksheet_write_string(ws, y, (lxw_col_t)col, c->text, f[F_TEXT]);
	} else if (type == RT_DATE) {
		if (c->text && text_parse_date(c->text, &d) == 0) {
			lxw_datetime dt = { d.year, d.month, d.day, 0, 0, 0 };

			worksheet_write_datetime(ws, y, (lxw_col_t)col, &dt, f[F_DATE]);
		} else if (c->text) {
			worksheet_write_string(ws, y, (lxw_col_t)col, c->text, f[F_TEXT]);
		}
	} else if (c->has) {
		double v = type == RT_PERCENT ? c->value / 100 : c->value;

		worksheet_write_number(ws, y, (lxw_col_t)col, v, f[format_of(type)]);
	}
}

/* One table on a sheet of its own. */
static void write_sheet(lxw_workbook *wb, const struct report_table *t, lxw_format **f)
{
	char name[160], text[256];
	lxw_worksheet *ws;
	size_t col, row;

	sheet_name(wb, t, name, sizeof name);
	ws = workbook_add_worksheet(wb, name);
	if (!ws)
		return;
	for (col = 0; col < t->ncols; col++) {
		const char *head = t->cols[col].head ? _(t->cols[col].head) : "";
		int width = text_width(head);

		worksheet_write_string(ws, 0, (lxw_col_t)col, head, f[F_HEAD]);
		for (row = 0; row < t->nrows; row++) {
			int w;

			report_cell_text(t, row, col, 20, 0, text, sizeof text);
			w = text_width(text);
			if (w > width)
				width = w;
			write_cell(ws, t, row, col, (lxw_row_t)row + 1, f);
		}
		width += 2;
		worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
				     width < 6 ? 6 : width > 60 ? 60 : width, f[format_of(t->cols[col].type)]);
		if (t->cols[col].type == RT_BAR && t->nrows) {
			lxw_conditional_format bar = { .type = LXW_CONDITIONAL_DATA_BAR };

			worksheet_conditional_format_range(ws, 1, (lxw_col_t)col, (lxw_row_t)t->nrows,
							   (lxw_col_t)col, &bar);
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
}

int report_write_xlsx(const struct report *r, const char *path, struct rm_error *err)
{
	lxw_doc_properties props = { 0 };
	lxw_format *f[F_N];
	lxw_workbook *wb = workbook_new(path);
	lxw_error rc;
	size_t i;

	if (!wb)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write the workbook"), path);
	make_formats(wb, f);
	props.title = r->title;
	props.comments = "routemap";
	workbook_set_properties(wb, &props);
	for (i = 0; i < r->ntables; i++)
		write_sheet(wb, &r->tables[i], f);
	if (!r->ntables)
		workbook_add_worksheet(wb, NULL);
	rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write the workbook (%s)"), path,
			       lxw_strerror(rc));
	return 0;
}
