/* report_out.c - a report written as aligned text, CSV or Markdown
 * (report.h; the workbook is report_xlsx.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/report.h"
#include "routemap/table.h"
#include "routemap/text.h"

#define CELL 256       /* room for one cell as text (a bar of 60 cells) */
#define BAR_TXT 20     /* a bar's full length in text */

void report_cell_text(const struct report_table *t, size_t row, size_t col, int bar_width,
		      int ascii, char *out, size_t size)
{
	const struct report_cell *c = &t->cells[row * t->ncols + col];
	int k, n;

	out[0] = '\0';
	switch (t->cols[col].type) {
	case RT_TEXT:
		snprintf(out, size, "%s", c->text ? c->text : "");
		return;
	case RT_DATE:
		if (c->text)
			text_format_stored_date(c->text, text_calendar_buddhist(), out, size);
		return;
	default:
		break;
	}
	if (!c->has)
		return;
	switch (t->cols[col].type) {
	case RT_BAHT:
		text_format_baht(c->value, out, size);
		break;
	case RT_PERCENT:
		snprintf(out, size, "%.1f%%", c->value);
		break;
	case RT_NUMBER:
		snprintf(out, size, "%.10g", c->value);
		break;
	case RT_BAR:
		n = (int)lround(c->value / 100 * bar_width);
		for (k = 0; k < n && (size_t)(k + 1) * 3 < size; k++)
			strcpy(out + (ascii ? k : k * 3), ascii ? "#" : "\xe2\x96\x88");   /* █ */
		break;
	default:   /* counts, ranks */
		snprintf(out, size, "%.0f", c->value);
		break;
	}
}

/* Numbers are right-aligned. */
static unsigned right_bits(const struct report_table *t)
{
	unsigned right = 0;
	size_t i;

	for (i = 0; i < t->ncols && i < 32; i++)
		if (t->cols[i].type != RT_TEXT && t->cols[i].type != RT_DATE &&
		    t->cols[i].type != RT_BAR)
			right |= 1u << i;
	return right;
}

static const char *heading(const struct report_col *c)
{
	return c->head ? _(c->head) : "";
}

/* Row ROW of T as text into CELLS (NCOLS pointers into BUF, or to a text
 * cell's own text, which is never cut). */
static void row_texts(const struct report_table *t, size_t row, int ascii, char (*buf)[CELL],
		      const char **cells)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		const struct report_cell *c = &t->cells[row * t->ncols + i];

		if (t->cols[i].type == RT_TEXT) {
			cells[i] = c->text ? c->text : "";
			continue;
		}
		report_cell_text(t, row, i, BAR_TXT, ascii, buf[i], CELL);
		cells[i] = buf[i];
	}
}

/* BEFORE, S escaped as one line (escape.h), then AFTER, to OUT. */
static void put_title(FILE *out, const char *before, const char *s, const char *after)
{
	char *e = escape_text(s ? s : "", ESC_NL_SPACE);

	fprintf(out, "%s%s%s", before, e ? e : "", after);
	free(e);
}

/* One table as aligned text, fitted to WIDTH (0: whole). */
static void table_txt(const struct report_table *t, FILE *out, int width, int ascii)
{
	char (*buf)[CELL] = calloc(t->ncols, sizeof *buf);
	const char **cells = calloc(t->ncols, sizeof *cells);
	struct table_col *spec = calloc(t->ncols, sizeof *spec);
	int *w = calloc(t->ncols, sizeof *w);
	size_t r, i;

	if (!buf || !cells || !spec || !w)
		goto out;
	for (i = 0; i < t->ncols; i++)
		cells[i] = heading(&t->cols[i]);
	table_txt_measure(cells, t->ncols, w);
	for (r = 0; r < t->nrows; r++) {
		row_texts(t, r, ascii, buf, cells);
		table_txt_measure(cells, t->ncols, w);
	}
	if (width > 0) {
		for (i = 0; i < t->ncols; i++) {
			int hw = text_width(heading(&t->cols[i]));

			spec[i].want = w[i];
			/* words give way, down to their heading; numbers never */
			spec[i].min = t->cols[i].type == RT_TEXT ? (hw > 8 ? hw : 8) : 0;
			spec[i].late = i == 0;
		}
		table_fit(spec, t->ncols, width, 2);
		for (i = 0; i < t->ncols; i++)
			w[i] = spec[i].width;
	}
	for (i = 0; i < t->ncols; i++)
		cells[i] = heading(&t->cols[i]);
	table_txt_row_cut(out, cells, t->ncols, w, right_bits(t), ascii);
	for (r = 0; r < t->nrows; r++) {
		row_texts(t, r, ascii, buf, cells);
		table_txt_row_cut(out, cells, t->ncols, w, right_bits(t), ascii);
	}
out:
	free(buf);
	free(cells);
	free(spec);
	free(w);
}

void report_write_txt(const struct report *r, FILE *out, int width, int ascii)
{
	size_t i;

	put_title(out, "", r->title, "\n");
	for (i = 0; i < r->ntables; i++) {
		fputc('\n', out);
		if (r->tables[i].title)
			put_title(out, "", r->tables[i].title, "\n");
		table_txt(&r->tables[i], out, width, ascii);
		if (!r->tables[i].nrows)
			fprintf(out, "%s\n", _("(nothing in this report's scope)"));
	}
}

/* Cell COL of ROW as data: a code before words (the cell's own text,
 * never cut), ISO dates, plain numbers written into OUT.  Returns the text. */
static const char *cell_data(const struct report_table *t, size_t row, size_t col, char *out,
			     size_t size)
{
	const struct report_cell *c = &t->cells[row * t->ncols + col];

	out[0] = '\0';
	if (t->cols[col].type == RT_TEXT || t->cols[col].type == RT_DATE)
		return c->code ? c->code : c->text ? c->text : "";
	if (!c->has)
		return out;
	switch (t->cols[col].type) {
	case RT_BAHT:
		snprintf(out, size, "%.2f", c->value);
		break;
	case RT_PERCENT:
	case RT_BAR:
		snprintf(out, size, "%.1f", c->value);
		break;
	case RT_NUMBER:
		snprintf(out, size, "%.10g", c->value);
		break;
	default:
		snprintf(out, size, "%.0f", c->value);
		break;
	}
	return out;
}

void report_write_csv(const struct report *r, FILE *out)
{
	size_t i, row, col;

	for (i = 0; i < r->ntables; i++) {
		const struct report_table *t = &r->tables[i];
		char (*buf)[CELL] = calloc(t->ncols, sizeof *buf);
		const char **cells = calloc(t->ncols, sizeof *cells);

		if (buf && cells) {
			if (i)
				fputc('\n', out);
			for (col = 0; col < t->ncols; col++)
				cells[col] = t->cols[col].name;
			table_csv_row(out, cells, t->ncols);
			for (row = 0; row < t->nrows; row++) {
				for (col = 0; col < t->ncols; col++)
					cells[col] = cell_data(t, row, col, buf[col], CELL);
				table_csv_row(out, cells, t->ncols);
			}
		}
		free(buf);
		free(cells);
	}
}

void report_write_md(const struct report *r, FILE *out)
{
	size_t i, row, col;

	put_title(out, "# ", r->title, "\n");
	for (i = 0; i < r->ntables; i++) {
		const struct report_table *t = &r->tables[i];
		char (*buf)[CELL] = calloc(t->ncols, sizeof *buf);
		const char **cells = calloc(t->ncols, sizeof *cells);

		if (buf && cells) {
			put_title(out, "\n## ", t->title ? t->title : t->sheet, "\n\n");
			for (col = 0; col < t->ncols; col++)
				cells[col] = heading(&t->cols[col]);
			table_md_row(out, cells, t->ncols, right_bits(t), 1);
			for (row = 0; row < t->nrows; row++) {
				row_texts(t, row, 0, buf, cells);
				table_md_row(out, cells, t->ncols, right_bits(t), 0);
			}
		}
		free(buf);
		free(cells);
	}
}
