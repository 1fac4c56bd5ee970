/* transfer_check.c - the checks of an imported record that look at more
 * than one of its columns, or at the office's configuration and the
 * records already in: a plan that ends before it starts, an SLM column or
 * an AAR template or section the office does not have, an AAR's subject
 * that does not exist.  Each kind names its check in transfer.c.  Also the
 * demo office's compiled-in files as import files. */
#include <string.h>

#include "routemap/buf.h"
#include "routemap/embedded.h"
#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "transfer_int.h"

int transfer_check_plan(struct row *row, struct rm_error *err)
{
	if (row->v[5].i < row->v[4].i)
		return transfer_row_fail(row, 5, err, _("the plan ends (%lld) before it starts (%lld)"),
				row->v[5].i, row->v[4].i);
	return 0;
}

int transfer_check_link(struct row *row, struct rm_error *err)
{
	if (strcmp(transfer_field(row, 1), transfer_field(row, 2)) == 0)
		return transfer_row_fail(row, 2, err, _("a link joins two different objectives"));
	return 0;
}

int transfer_check_project(struct row *row, struct rm_error *err)
{
	if (!row->v[3].null && row->v[2].null)
		return transfer_row_fail(row, 3, err, _("objectives need the plan they belong to"));
	if (!row->v[10].null && !row->v[11].null) {
		struct text_date a, b;

		text_parse_date(transfer_field(row, 10), &a);
		text_parse_date(transfer_field(row, 11), &b);
		if (b.year * 10000 + b.month * 100 + b.day < a.year * 10000 + a.month * 100 + a.day)
			return transfer_row_fail(row, 11, err, _("the project ends before it starts"));
	}
	return 0;
}

int transfer_check_slm(struct row *row, struct rm_error *err)
{
	const struct cfg_labels *cols = &row->cfg->slm_columns;
	struct buf allowed = { 0 };
	size_t i;
	int rc;

	if (config_label(cols, transfer_field(row, 2)))
		return 0;
	for (i = 0; i < cols->n; i++)
		buf_printf(&allowed, "%s%s", i ? ", " : "", cols->v[i].code);
	rc = transfer_row_fail(row, 2, err, _("\"%s\" is not an SLM column of this office; expected one of %s"),
		      transfer_field(row, 2), allowed.s ? allowed.s : _("(none)"));
	buf_free(&allowed);
	return rc;
}

/* The template names of the office, comma-separated, into B. */
static void template_names(const struct config *cfg, struct buf *b)
{
	size_t i;

	for (i = 0; i < cfg->ntemplates; i++)
		buf_printf(b, "%s%s", i ? ", " : "", cfg->templates[i].name);
}

int transfer_check_aar(struct row *row, struct rm_error *err)
{
	/* subject_kind, what it names (for messages), the lookup */
	static const char *const lookups[][3] = {
		{ "plan", N_("plan"), "SELECT 1 FROM plan WHERE code = ?1" },
		{ "project", N_("project"), "SELECT 1 FROM project WHERE code = ?1" },
		{ "assessment", N_("assessment"), "SELECT 1 FROM assessment WHERE code = ?1" },
		{ "objective", N_("objective"), "SELECT 1 FROM objective o JOIN plan p"
			       " ON p.id = o.plan_id WHERE p.code || '/' || o.code = ?1" },
	};
	const char *kind = transfer_field(row, 4), *subject = transfer_field(row, 5);
	struct buf b = { 0 };
	size_t i;
	int rc;

	if (!config_template(row->cfg, transfer_field(row, 1))) {
		template_names(row->cfg, &b);
		rc = transfer_row_fail(row, 1, err, _("unknown template \"%s\"; this office has %s"),
			      transfer_field(row, 1), b.s ? b.s : _("none"));
		buf_free(&b);
		return rc;
	}
	if (strcmp(kind, "event") == 0)
		return 0;
	for (i = 0; i < N(lookups); i++) {
		const char *what = _(lookups[i][1]);
		sqlite3_stmt *stmt;
		char q[200];

		if (strcmp(kind, lookups[i][0]) != 0)
			continue;
		if (!*subject)
			return transfer_row_fail(row, 5, err, _("an AAR of a %s names the %s's code"), what,
					what);
		stmt = store_prepare(row->st, lookups[i][2], err);
		if (!stmt)
			return -1;
		sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return store_fail(row->st, err, _("cannot look up the subject"));
		if (strcmp(kind, "objective") == 0)
			return transfer_row_fail(row, 5, err, _("unknown objective %s (write PLAN/OBJECTIVE)"),
					escape_shown(subject, q, sizeof q));
		return transfer_row_fail(row, 5, err, _("unknown %s %s"), what, escape_shown(subject, q, sizeof q));
	}
	return 0;
}

int transfer_check_entry(struct row *row, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(row->st, "SELECT s.scale = 'levels' FROM assessment a"
					   " JOIN norm_set s ON s.id = a.set_id WHERE a.code = ?1", err);
	int status = transfer_col_index(row->kind, "status"),
	    level = transfer_col_index(row->kind, "level"), levels = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, transfer_field(row, 0), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		levels = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (levels && status >= 0 && *transfer_field(row, (size_t)status))
		return transfer_row_fail(row, (size_t)status, err, "%s",
					 _("this assessment's norm set is answered in levels (PMQA): "
					   "give the level (0 to 3) in the level column, not a status"));
	if (!levels && level >= 0 && *transfer_field(row, (size_t)level))
		return transfer_row_fail(row, (size_t)level, err, "%s",
					 _("this assessment's norm set is answered by status; a level "
					   "is for a set of scale levels"));
	return 0;
}

int transfer_check_aar_section(struct row *row, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(row->st, "SELECT template FROM aar WHERE code = ?1", err);
	const struct cfg_template *t = NULL;
	struct buf allowed = { 0 };
	size_t i;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, transfer_field(row, 0), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		t = config_template(row->cfg, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (!t)
		return transfer_row_fail(row, 0, err, _("the AAR's template is not one of this office's"));
	if (config_label(&t->sections, transfer_field(row, 1)))
		return 0;
	for (i = 0; i < t->sections.n; i++)
		buf_printf(&allowed, "%s%s", i ? ", " : "", t->sections.v[i].code);
	rc = transfer_row_fail(row, 1, err, _("\"%s\" is not a section of template %s; expected one of %s"),
		      transfer_field(row, 1), t->name, allowed.s ? allowed.s : _("(none)"));
	buf_free(&allowed);
	return rc;
}

size_t transfer_demo_files(struct transfer_file *files, size_t max)
{
	size_t n = 0, i;

	memset(files, 0, max * sizeof *files);
	for (i = 0; embedded_demo[i].name && n < max; i++) {
		char kind[64];
		const char *dot = strrchr(embedded_demo[i].name, '.');
		size_t len = dot ? (size_t)(dot - embedded_demo[i].name) : strlen(embedded_demo[i].name);

		if (len >= sizeof kind)
			continue;
		memcpy(kind, embedded_demo[i].name, len);
		kind[len] = '\0';
		files[n].kind = transfer_kind_from_name(kind);
		if (files[n].kind < 0)
			continue;
		files[n].name = embedded_demo[i].name;
		files[n].data = embedded_demo[i].data;
		files[n].len = embedded_demo[i].size;
		files[n].utf8 = 1;   /* ours, and UTF-8 */
		n++;
	}
	return n;
}
