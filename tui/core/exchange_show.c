/* exchange_show.c - a conflict's record as people read it: what it is
 * ("คำขอสนับสนุน: จัดอบรมผู้ดูแลเด็ก (A-BNG-69 / CO3)") and its fields,
 * ours beside theirs (exchange.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "exchange_int.h"

#define TITLE_NAME_COLS 40   /* a record's name in its title, at most */

/* The column that names a record of each kind, and for a kind known by a
 * uid (or by codes that say little) the columns that say where it
 * belongs; the others are placed by their identity. */
static const struct {
	const char *kind, *name;
	const char *where[4];
} titles[] = {
	{ "office", "name", { NULL } },
	{ "frame", "label", { NULL } },
	{ "group", "label", { NULL } },
	{ "plan", "title", { NULL } },
	{ "objective", "title", { NULL } },
	{ "indicator", "name", { "plan", "objective", NULL } },
	{ "slm_cell", "text", { NULL } },
	{ "project", "title", { NULL } },
	{ "norm_set", "title", { NULL } },
	{ "norm_item", "text", { NULL } },
	{ "support_request", "needed", { "assessment", "item", NULL } },
	{ "aar", "title", { NULL } },
	{ "aar_section", "text", { NULL } },
	{ "aar_action", "action", { "aar", NULL } },
	{ "proposal", "text", { "set_code", "set_version", "item_code", NULL } },
};

/* Value COL of the JSON object or array JSON as text (malloc'd into
 * *OUT, NULL when it has none); PATH is a JSON path.  0, or -1 with ERR. */
static int json_value(struct store *st, const char *json, const char *path, char **out,
		      struct rm_error *err)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT ?1 ->> ?2", err);
	int oom = 0, rc;

	*out = NULL;
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = store_col_dup(s, 0, &oom);
	sqlite3_finalize(s);
	if (oom)
		return rm_oom(err);
	return rc == SQLITE_ROW ? 0 : store_fail(st, err, _("cannot read JSON"));
}

/* " (a / b)": where C's record belongs, from ROW (a JSON object) or,
 * for a kind placed by its identity, from C's key; NAME the column that
 * names it (not repeated). */
static int add_where(struct store *st, const struct xkind *k, const char *const *where,
		     const char *name, const struct exchange_conflict *c, const char *row,
		     struct buf *b, struct rm_error *err)
{
	char path[96], *v;
	int i, n = 0;

	for (i = 0; where ? where[i] != NULL : i < k->nkey; i++) {
		const char *col = where ? where[i] : k->cols[i];

		if (name && strcmp(col, name) == 0)
			continue;
		if (where)
			snprintf(path, sizeof path, "$.\"%s\"", col);
		else
			snprintf(path, sizeof path, "$[%d]", i);
		if (json_value(st, where ? row : c->key, path, &v, err) < 0)
			return -1;
		if (v && *v)
			buf_printf(b, "%s%s", n++ ? " / " : " (", v);
		free(v);
	}
	if (n)
		buf_puts(b, ")");
	return 0;
}

int exchange_conflict_title(struct store *st, const struct exchange_conflict *c, char **title,
			    struct rm_error *err)
{
	const struct xkind *k = xk_find(c->kind);
	const char *row = c->local ? c->local : c->remote, *name = NULL;
	const char *const *where = NULL;
	struct buf b = { 0 };
	char path[96], *v = NULL;
	size_t i;

	*title = NULL;
	for (i = 0; k && i < sizeof titles / sizeof titles[0]; i++)
		if (strcmp(titles[i].kind, c->kind) == 0) {
			name = titles[i].name;
			where = titles[i].where[0] ? titles[i].where : NULL;
		}
	buf_puts(&b, exchange_kind_label(c->kind));
	if (name && row) {
		snprintf(path, sizeof path, "$.\"%s\"", name);
		if (json_value(st, row, path, &v, err) < 0) {
			buf_free(&b);
			return -1;
		}
	}
	if (v && *v) {
		char cut[512];

		text_truncate(cut, sizeof cut, v, TITLE_NAME_COLS, 0, 0);
		buf_printf(&b, ": %s", cut);
	}
	free(v);
	if (k && (!where || row) && add_where(st, k, where, name, c, row, &b, err) < 0) {
		buf_free(&b);
		return -1;
	}
	if (b.oom) {
		buf_free(&b);
		return rm_oom(err);
	}
	*title = buf_take(&b);
	return 0;
}

/* Column I of S as people read it (malloc'd into *OUT; NULL for none):
 * a whole number without ".0", a coded value of TABLE.COL in words, a
 * date in the office's calendar.  0, or -1 when memory ran out. */
static int shown_value(sqlite3_stmt *s, int i, const char *table, const char *col, char **out)
{
	char buf[400];
	const char *text;

	*out = NULL;
	switch (sqlite3_column_type(s, i)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(s, i));
		break;
	case SQLITE_FLOAT:
		if (text_format_number(sqlite3_column_double(s, i), buf, sizeof buf) < 0)
			snprintf(buf, sizeof buf, "%g", sqlite3_column_double(s, i));
		break;
	default:
		text = (const char *)sqlite3_column_text(s, i);
		if (!text)
			return -1;
		if (strlen(text) == 10 && text[4] == '-' && text[7] == '-' &&
		    strspn(text, "0123456789-") == 10) {
			text_format_stored_date(text, text_calendar_buddhist(), buf, sizeof buf);
			break;
		}
		text = vocab_value(table, col, text);
		*out = strdup(text);
		return *out ? 0 : -1;
	}
	*out = strdup(buf);
	return *out ? 0 : -1;
}

int exchange_conflict_fields(struct store *st, const struct exchange_conflict *c,
			     struct exchange_field **v, size_t *n, struct rm_error *err)
{
	const struct xkind *k = xk_find(c->kind);
	sqlite3_stmt *s;
	int i, ncols, rc = 0;

	*v = NULL;
	*n = 0;
	if (!k)
		return rm_fail(err, RM_EXIT_RUNTIME, _("a kind of record this program does not "
						       "know: %s"), c->kind);
	ncols = xk_ncols(k);
	*v = calloc((size_t)ncols, sizeof **v);
	if (!*v)
		return rm_oom(err);
	s = store_prepare(st, "SELECT ?1 ->> ?3, ?2 ->> ?3, (?1 ->> ?3) IS NOT (?2 ->> ?3)", err);
	if (!s) {
		free(*v);
		*v = NULL;
		return -1;
	}
	sqlite3_bind_text(s, 1, c->local, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, c->remote, -1, SQLITE_STATIC);
	for (i = 0; i < ncols && rc == 0; i++) {
		struct exchange_field *f = &(*v)[i];
		char path[96];

		snprintf(path, sizeof path, "$.\"%s\"", k->cols[i]);
		sqlite3_reset(s);
		sqlite3_bind_text(s, 3, path, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_ROW) {
			rc = store_fail(st, err, _("cannot read JSON"));
			break;
		}
		f->column = k->cols[i];
		f->label = exchange_column_label(k->name, k->cols[i]);
		f->differs = sqlite3_column_int(s, 2);
		*n = (size_t)i + 1;
		if (shown_value(s, 0, k->table, f->column, &f->ours) < 0 ||
		    shown_value(s, 1, k->table, f->column, &f->theirs) < 0)
			rc = rm_oom(err);
	}
	sqlite3_finalize(s);
	if (rc < 0) {
		exchange_fields_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void exchange_fields_free(struct exchange_field *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].ours);
		free(v[i].theirs);
	}
	free(v);
}
