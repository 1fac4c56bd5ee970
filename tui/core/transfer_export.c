/* transfer_export.c - every record of one kind out as CSV (which imports
 * back), as a Markdown table or as aligned text; the tables for reading
 * name coded values and write dates in the office's era. */
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/i18n.h"
#include "routemap/table.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "transfer_int.h"

/* Column I of the current row as text: numbers without a useless ".0". */
void transfer_cell_text(sqlite3_stmt *stmt, int i, char *num, size_t size, const char **out)
{
	switch (sqlite3_column_type(stmt, i)) {
	case SQLITE_NULL:
		*out = "";
		return;
	case SQLITE_INTEGER:
		snprintf(num, size, "%lld", (long long)sqlite3_column_int64(stmt, i));
		*out = num;
		return;
	case SQLITE_FLOAT:
		/* plain digits that read back to the same double: never 1e-05 */
		if (text_format_number(sqlite3_column_double(stmt, i), num, size) < 0)
			snprintf(num, size, "%.17g", sqlite3_column_double(stmt, i));
		*out = num;
		return;
	default:
		*out = (const char *)sqlite3_column_text(stmt, i);
		if (!*out)
			*out = "";
	}
}

/* Cell C of KIND as people read it in the aligned and Markdown tables
 * (*CELL, in NUM when rewritten): a coded value by its name, a date as the
 * office writes it; CSV keeps what is stored. */
static void cell_for_people(const struct config *cfg, const struct kind *k, size_t c, char *num,
			    size_t size, const char **cell)
{
	const struct col *col = &k->cols[c];

	if (!**cell)
		return;
	if (col->type == C_DATE) {
		text_format_stored_date(*cell, text_calendar_buddhist(), num, size);
		*cell = num;
	} else if (col->type == C_ENUM && strcmp(col->name, "subject_kind") == 0) {
		*cell = aar_kind_label(*cell);
	} else if (col->type == C_ENUM) {
		*cell = vocab_value(vocab_table(k->name), col->name, *cell);
	} else if (cfg && strcmp(col->name, "template") == 0) {
		*cell = config_template_title(cfg, *cell);
	}
}

/* One pass over KIND's records in STMT (reset after): each row to OUT in
 * FORMAT, or, with MEASURE, only measured for the aligned text.  CELLS
 * and NUMS: room for a row.  Progress goes to ST.  Returns the last
 * step's code. */
static int export_pass(struct store *st, const struct config *cfg, sqlite3_stmt *stmt,
		       const struct kind *k,
		       enum transfer_format format, unsigned right, const char **cells,
		       char (*nums)[400], int *measure, const int *width, FILE *out)
{
	long long rows = 0;
	size_t c;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((++rows & 1023) == 0)
			store_progress(st, measure ? _("measuring the columns") : _("exporting"), rows, -1);
		for (c = 0; c < k->ncols; c++) {
			transfer_cell_text(stmt, (int)c, nums[c], sizeof nums[c], &cells[c]);
			if (format != FORMAT_CSV)
				cell_for_people(cfg, k, c, nums[c], sizeof nums[c], &cells[c]);
		}
		if (measure)
			table_txt_measure(cells, k->ncols, measure);
		else if (format == FORMAT_CSV)
			table_csv_row(out, cells, k->ncols);
		else if (format == FORMAT_MD)
			table_md_row(out, cells, k->ncols, right, 0);
		else
			table_txt_row(out, cells, k->ncols, width, right);
	}
	sqlite3_reset(stmt);
	return rc;
}

int transfer_export(struct store *st, const struct config *cfg, size_t kind,
		    enum transfer_format format, FILE *out, struct rm_error *err)
{
	const struct kind *k = &transfer_kinds[kind];
	const char **cells = calloc(k->ncols, sizeof *cells);
	char (*nums)[400] = calloc(k->ncols, sizeof *nums);
	const char **head = calloc(k->ncols, sizeof *head);
	int *width = calloc(k->ncols, sizeof *width);
	sqlite3_stmt *stmt = NULL;
	unsigned right = 0;
	int rc = -1, in_txn = 0;
	size_t c;

	if (!cells || !nums || !head || !width) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		goto out;
	}
	for (c = 0; c < k->ncols; c++) {
		/* CSV keeps the interchange names; the tables for people, theirs */
		head[c] = format == FORMAT_CSV ? k->cols[c].name : vocab_column(k->name, k->cols[c].name);
		if (k->cols[c].type == C_NUM || k->cols[c].type == C_YEAR || k->cols[c].type == C_INT)
			right |= 1u << c;
	}
	stmt = store_prepare(st, k->export_sql, err);
	if (!stmt)
		goto out;
	/* Rows go out as they are read, whatever their number; aligned text
	 * reads them twice (widths, then rows) in one read transaction, so
	 * both passes see the same rows. */
	if (format == FORMAT_TXT) {
		in_txn = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
		table_txt_measure(head, k->ncols, width);
		rc = export_pass(st, cfg, stmt, k, format, right, cells, nums, width, NULL, out);
		store_progress(st, NULL, 0, 0);   /* the writing pass counts anew */
		if (rc != SQLITE_DONE)
			goto failed;
		table_txt_row(out, head, k->ncols, width, right);
	} else if (format == FORMAT_MD) {
		table_md_row(out, head, k->ncols, right, 1);
	} else {
		table_csv_row(out, head, k->ncols);
	}
	rc = export_pass(st, cfg, stmt, k, format, right, cells, nums, NULL, width, out);
failed:
	store_progress(st, NULL, 0, 0);
	if (rc != SQLITE_DONE) {
		store_fail(st, err, _("cannot read the records"));
		rc = -1;
	} else {
		rc = 0;
	}
out:
	if (in_txn)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(stmt);
	free(cells);
	free(nums);
	free(head);
	free(width);
	return rc;
}
