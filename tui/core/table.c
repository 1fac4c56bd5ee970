/* table.c - aligned text, Markdown and CSV tables. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/csv.h"
#include "routemap/escape.h"
#include "routemap/table.h"
#include "routemap/text.h"

int table_init(struct table *t, size_t ncols, const char *const *head)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	return table_add(t, head);
}

int table_add(struct table *t, const char *const *cells)
{
	size_t i;

	if (t->oom)
		return -1;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);

		if (!c) {
			t->oom = 1;
			return -1;
		}
		t->cells = c;
		t->cap = cap;
	}
	for (i = 0; i < t->ncols; i++) {
		char *s = strdup(cells[i] ? cells[i] : "");

		if (!s) {
			while (i-- > 0)
				free(t->cells[t->nrows * t->ncols + i]);
			t->oom = 1;
			return -1;
		}
		t->cells[t->nrows * t->ncols + i] = s;
	}
	t->nrows++;
	return 0;
}

/* A cell on one line as the terminal will show it: line breaks as spaces,
 * controls escaped, a mark with no base on a dotted circle (malloc'd). */
static char *one_line(const char *s)
{
	return text_show_marks(s ? s : "");
}

void table_txt_measure(const char *const *cells, size_t ncols, int *width)
{
	size_t c;

	for (c = 0; c < ncols; c++) {
		/* as printed: a line break or a tab is a space there */
		char *cell = one_line(cells[c]);
		int w = text_width(cell ? cell : "");

		if (w > width[c])
			width[c] = w;
		free(cell);
	}
}

void table_txt_row_cut(FILE *out, const char *const *cells, size_t ncols, const int *width,
		       unsigned right, int ascii)
{
	struct buf line = { 0 };
	size_t c, n;
	int any = 0;
	char *s;

	for (c = 0; c < ncols; c++) {
		char *cell, *cut = NULL;
		int pad;

		if (width[c] < 0)
			continue;   /* a column left out */
		cell = one_line(cells[c] ? cells[c] : "");
		if (cell && text_width(cell) > width[c]) {
			size_t size = strlen(cell) + 8;

			cut = malloc(size);
			if (cut)
				text_truncate(cut, size, cell, width[c], 0, ascii);
		}
		if (!cell || (!cut && text_width(cell) > width[c])) {
			free(cell);
			break;
		}
		pad = width[c] - text_width(cut ? cut : cell);
		if (any++)
			buf_puts(&line, "  ");
		if (right & (1u << c))
			while (pad-- > 0)
				buf_puts(&line, " ");
		buf_puts(&line, cut ? cut : cell);
		if (!(right & (1u << c)))
			while (pad-- > 0)
				buf_puts(&line, " ");
		free(cell);
		free(cut);
	}
	s = buf_take(&line);
	if (!s)
		return;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	fwrite(s, 1, n, out);
	fputc('\n', out);
	free(s);
}

void table_txt_row(FILE *out, const char *const *cells, size_t ncols, const int *width,
		   unsigned right)
{
	table_txt_row_cut(out, cells, ncols, width, right, 0);
}

/* Widths for the shown columns of C with the text columns given way
 * (the last first) down to their least, the LATE ones too when LATE is
 * set; returns the columns they take, GAP between each two. */
static int fit_shown(struct table_col *c, size_t n, int total, int gap, int late)
{
	size_t i;
	int used = 0, shown = 0;

	for (i = 0; i < n; i++)
		if (c[i].width >= 0) {
			c[i].width = c[i].want;
			used += c[i].want + (shown++ ? gap : 0);
		}
	for (i = n; i-- > 0 && used > total;) {
		int least = c[i].min > 0 && c[i].min < c[i].want ? c[i].min : c[i].want, give;

		if (c[i].width < 0 || (c[i].late && !late))
			continue;
		give = c[i].width - least < used - total ? c[i].width - least : used - total;
		c[i].width -= give;
		used -= give;
	}
	return used;
}

int table_fit(struct table_col *c, size_t n, int total, int gap)
{
	size_t i;
	int used;

	for (i = 0; i < n; i++)
		c[i].width = 0;
	for (;;) {
		size_t out = n;

		used = fit_shown(c, n, total, gap, 0);
		if (used <= total)
			break;
		/* the column of highest DROP still shown goes */
		for (i = 0; i < n; i++)
			if (c[i].width >= 0 && c[i].drop > 0 && (out == n || c[i].drop > c[out].drop))
				out = i;
		if (out == n) {
			/* nothing more to leave out: the names give way too */
			used = fit_shown(c, n, total, gap, 1);
			break;
		}
		c[out].width = -1;
	}
	return used;
}

void table_print_txt(const struct table *t, FILE *out, int header)
{
	int *width = calloc(t->ncols ? t->ncols : 1, sizeof *width);
	size_t r;

	if (!width)
		return;
	for (r = header ? 0 : 1; r < t->nrows; r++)
		table_txt_measure((const char *const *)&t->cells[r * t->ncols], t->ncols, width);
	for (r = header ? 0 : 1; r < t->nrows; r++)
		table_txt_row(out, (const char *const *)&t->cells[r * t->ncols], t->ncols, width,
			      t->right);
	free(width);
}

/* A Markdown cell: "|" escaped, line breaks as <br>, every other control
 * escaped as the terminal's output is (escape.h). */
static void md_cell(FILE *out, const char *s)
{
	char *e;

	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n')
			fputs("<br>", out);
		else if (*s == '\r')
			continue;
		else {
			size_t n = strcspn(s, "|\n\r");
			char *part = strndup(s, n);

			e = part ? escape_text(part, ESC_NL_SPACE) : NULL;
			fputs(e ? e : "", out);
			free(e);
			free(part);
			s += n - 1;
		}
	}
}

void table_md_row(FILE *out, const char *const *cells, size_t ncols, unsigned right, int header)
{
	size_t c;

	fputs("|", out);
	for (c = 0; c < ncols; c++) {
		fputc(' ', out);
		md_cell(out, cells[c] ? cells[c] : "");
		fputs(" |", out);
	}
	fputc('\n', out);
	if (header) {
		fputs("|", out);
		for (c = 0; c < ncols; c++)
			fputs((right & (1u << c)) ? " ---: |" : " --- |", out);
		fputc('\n', out);
	}
}

void table_print_md(const struct table *t, FILE *out)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		table_md_row(out, (const char *const *)&t->cells[r * t->ncols], t->ncols, t->right,
			     r == 0);
}

void table_csv_row(FILE *out, const char *const *cells, size_t ncols)
{
	size_t c;

	for (c = 0; c < ncols; c++)
		csv_write_field(out, cells[c] ? cells[c] : "", c == 0);
	csv_write_end(out);
}

void table_print_csv(const struct table *t, FILE *out)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		table_csv_row(out, (const char *const *)&t->cells[r * t->ncols], t->ncols);
}

void table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}
