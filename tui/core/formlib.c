/* formlib.c - pieces the form defs of core/ share (form.h): the check of
 * a record's code and of a Buddhist-Era year, the list of offices, a
 * record's row read into a form, a copy of a value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

int form_code_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err)
{
	char q[200];

	(void)f;
	(void)ctx;
	if (strpbrk(value, ",\r\n"))
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: a code may not hold a comma or a line break"),
			       escape_shown(value, q, sizeof q));
	if (*value == ' ' || (*value && value[strlen(value) - 1] == ' '))
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: a code may not start or end with a space"),
			       escape_shown(value, q, sizeof q));
	if (value[strcspn(value, " \t\v\f")])
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: a code has no spaces"),
			       escape_shown(value, q, sizeof q));
	return 0;
}

int form_parse_year(const char *typed, long long *year, struct rm_error *err)
{
	long long v;
	char q[200];

	if (!typed || text_parse_int(typed, &v) < 0 || v < 2400 || v > 2800)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s: expected a Buddhist Era year such as 2569 (2400 to 2800)"),
			       escape_shown(typed ? typed : "", q, sizeof q));
	if (year)
		*year = v;
	return 0;
}

int form_year_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err)
{
	(void)f;
	(void)ctx;
	return form_parse_year(value, NULL, err);
}

int form_choices_rows(const struct form_ctx *ctx, const char *sql, int none,
		      struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc = SQLITE_DONE, oom = 0;

	if (!stmt)
		return -1;
	if (none && form_choices_add(out, "", _("none"), "—") < 0)
		oom = 1;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct buf b = { 0 };
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		const char *label = (const char *)sqlite3_column_text(stmt, 1);

		buf_printf(&b, "%s  %s", code ? code : "", label ? label : "");
		if (b.oom || form_choices_add(out, code ? code : "", b.s, code) < 0)
			oom = 1;
		buf_free(&b);
	}
	return store_finish(ctx->st, stmt, rc, oom, err);
}

int form_offices(const struct form_field *f, const struct form_ctx *ctx,
		 struct form_choices *out, struct rm_error *err)
{
	(void)f;
	return form_choices_rows(ctx, "SELECT code, coalesce(short_name, name) FROM office"
				      " ORDER BY code COLLATE THAI", 0, out, err);
}

/* "none", then each code of LABELS; WITH_CODE: listed as "CODE  LABEL". */
static int form_labels(const struct cfg_labels *labels, int with_code,
		       struct form_choices *out, struct rm_error *err)
{
	size_t i;

	if (form_choices_add(out, "", _("none"), "—") < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	for (i = 0; i < labels->n; i++) {
		struct buf b = { 0 };
		int rc;

		if (with_code)
			buf_printf(&b, "%s  %s", labels->v[i].code, labels->v[i].label);
		rc = b.oom ? -1 : form_choices_add(out, labels->v[i].code,
						   with_code ? b.s : labels->v[i].label, NULL);
		buf_free(&b);
		if (rc < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	return 0;
}

int form_support_sources(const struct form_field *f, const struct form_ctx *ctx,
			 struct form_choices *out, struct rm_error *err)
{
	(void)f;
	return form_labels(&ctx->cfg->support_sources, 0, out, err);
}

int form_support_frames(const struct form_field *f, const struct form_ctx *ctx,
			struct form_choices *out, struct rm_error *err)
{
	(void)f;
	return form_labels(&ctx->cfg->support_frames, 1, out, err);
}

int form_load_row(const struct form_ctx *ctx, const char *sql, const char *const *args,
		  size_t nargs, size_t nvalues, struct form_record *rec, sqlite3_int64 *id,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc, oom = 0;
	size_t i;

	if (!stmt)
		return -1;
	for (i = 0; i < nargs; i++)
		store_bind_text_or_null(stmt, (int)i + 1, args[i]);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return store_fail(ctx->st, err, _("cannot read the records"));
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("it is no longer there (deleted meanwhile?)"));
		return FORM_MISSING;
	}
	*id = sqlite3_column_int64(stmt, 0);
	rec->values = calloc(nvalues ? nvalues : 1, sizeof *rec->values);
	oom = !rec->values;
	for (i = 0; !oom && i < nvalues; i++)
		rec->values[i] = store_col_dup(stmt, (int)i + 1, &oom);
	rec->nvalues = rec->values ? nvalues : 0;
	sqlite3_finalize(stmt);
	return oom ? rm_oom(err) : 0;
}

int form_copy(char **to, const char *s)
{
	*to = s ? strdup(s) : NULL;
	return s && !*to ? -1 : 0;
}

int form_baht_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err)
{
	double v;

	(void)f;
	(void)ctx;
	if (value && text_parse_baht(value, &v) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: expected an amount in baht, 0 or more"),
			       value);
	return 0;
}

int form_weight_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		   struct rm_error *err)
{
	(void)f;
	(void)ctx;
	if (value && atof(value) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("a weight is 0 or more, not %s"), value);
	return 0;
}
