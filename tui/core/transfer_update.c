/* transfer_update.c - import --update: a record whose identity (its
 * kind's KEY, transfer.c) is already in the database has the columns that
 * differ changed and nothing else; an unchanged record is not written, so
 * the change log holds real changes only.  A ;-list (a project's
 * objectives, an AAR's tags) is the record's value: when the file lists
 * other elements, the stored list is replaced by the file's.  Nothing
 * else is ever deleted. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/normedit.h"
#include "routemap/support.h"
#include "routemap/vocab.h"
#include "transfer_int.h"

/* The table of K: the name after "INSERT INTO " in its insert, into OUT. */
static const char *kind_table(const struct kind *k, char *out, size_t size)
{
	const char *t = k->insert_sql + strlen("INSERT INTO ");
	size_t n = strcspn(t, "( ");

	snprintf(out, size, "%.*s", (int)n, t);
	return out;
}

/* Whether the SET part EXPR (up to END) reads a column the header of
 * ROW's file left out (ABSENT): then it is left out of the update, so
 * that an older file keeps what it does not name (a PMQA level, a set's
 * scale). */
static int reads_absent(const struct row *row, const char *expr, const char *end)
{
	for (; (expr = memchr(expr, '?', (size_t)(end - expr))) != NULL; expr++) {
		size_t c = strtoul(expr + 1, NULL, 10) - 1;

		if (c < row->kind->ncols && row->pos[c] < 0)
			return 1;
	}
	return 0;
}

/* ROW's update, built from its kind's SET: "UPDATE t SET a = ?2, b = ?3
 * WHERE id = ?N AND (a IS NOT ?2 OR b IS NOT ?3)", ?N = ncols + 1, so
 * that a record already as the file says is not written; the columns
 * the file's header left out are not set.  Malloc'd; NULL when it sets
 * nothing, or out of memory (*OOM set). */
static char *update_sql(const struct row *row, int *oom)
{
	const struct kind *k = row->kind;
	struct buf set = { 0 }, cond = { 0 }, all = { 0 };
	const char *p = k->set;
	char table[64];

	*oom = 0;
	while (*p) {
		size_t n = strcspn(p, ";"), name = strcspn(p, " ");
		const char *expr = p + name + 3;   /* past " = " */

		if (!reads_absent(row, expr, p + n)) {
			buf_printf(&set, "%s%.*s", set.len ? ", " : "", (int)n, p);
			buf_printf(&cond, "%s%.*s IS NOT %.*s", cond.len ? " OR " : "", (int)name, p,
				   (int)(p + n - expr), expr);
		}
		p += n + (p[n] == ';');
	}
	if (set.len)
		buf_printf(&all, "UPDATE %s SET %s WHERE id = ?%zu AND (%s)",
			   kind_table(k, table, sizeof table), set.s, k->ncols + 1, cond.s);
	*oom = set.oom || cond.oom || all.oom;
	buf_free(&set);
	buf_free(&cond);
	if (!all.len) {
		buf_free(&all);
		return NULL;
	}
	return buf_take(&all);
}

/* K's export of one record (?1 = its id): its EXPORT_SQL with the final
 * "ORDER BY ..., X.id" turned into "WHERE X.id = ?1" (the id is the last
 * key of every export's order).  NULL out of memory. */
static const char *one_sql(struct kind *k)
{
	const char *order = NULL, *p = k->export_sql, *key, *comma;
	struct buf b = { 0 };

	/* the last one: a list's subquery has its own */
	while ((p = strstr(p, " ORDER BY ")) != NULL)
		order = p++;
	if (k->one_sql || !order)
		return k->one_sql;
	key = order + strlen(" ORDER BY ");
	while ((comma = strstr(key, ", ")) != NULL)
		key = comma + 2;
	buf_printf(&b, "%.*s WHERE %s = ?1", (int)(order - k->export_sql), k->export_sql, key);
	k->one_sql = buf_take(&b);
	return k->one_sql;
}

/* Prepare *STMT from SQL once.  Returns it, or NULL with ERR. */
static sqlite3_stmt *prepared(struct row *row, sqlite3_stmt **stmt, const char *sql,
			      struct rm_error *err)
{
	if (!sql) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		return NULL;
	}
	if (!*stmt)
		*stmt = store_prepare(row->st, sql, err);
	return *stmt;
}

int transfer_max_id(struct row *row, sqlite3_int64 *max, struct rm_error *err)
{
	char table[64], sql[128];
	sqlite3_stmt *stmt;

	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s",
		 kind_table(row->kind, table, sizeof table));
	stmt = store_prepare(row->st, sql, err);
	if (!stmt)
		return -1;
	*max = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return 0;
}

int transfer_find(struct row *row, sqlite3_int64 *id, struct rm_error *err)
{
	const struct kind *k = row->kind;
	sqlite3_stmt *stmt = prepared(row, &row->find, k->find_sql, err);
	size_t c;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	for (c = 0; c < k->ncols; c++)
		if (sqlite3_bind_parameter_name(stmt, (int)c + 1))
			transfer_bind_val(stmt, (int)c + 1, &row->v[c]);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc == SQLITE_ROW)
			/* only aar_actions, whose identity is no key of the schema */
			return transfer_row_fail(row, 1, err, _("more than one record has this %s; "
							     "change them in the program"), k->key);
		return 1;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(row->st, err, _("cannot look up a record"));
}

/* Record ID as export writes it, one malloc'd text per column into *OUT
 * (free with texts_free).  Returns 0, or -1 with ERR. */
static int snapshot(struct row *row, sqlite3_int64 id, char ***out, struct rm_error *err)
{
	struct kind *k = (struct kind *)row->kind;
	sqlite3_stmt *stmt = prepared(row, &row->one, one_sql(k), err);
	char **t;
	size_t c;

	*out = NULL;
	if (!stmt)
		return -1;
	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return store_fail(row->st, err, _("cannot look up a record"));
	}
	t = calloc(k->ncols, sizeof *t);
	for (c = 0; t && c < k->ncols; c++) {
		char num[64];
		const char *s;

		transfer_cell_text(stmt, (int)c, num, sizeof num, &s);
		t[c] = strdup(s);
		if (!t[c]) {
			while (c > 0)
				free(t[--c]);
			free(t);
			t = NULL;
		}
	}
	sqlite3_reset(stmt);
	*out = t;
	return t ? 0 : rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
}

static void texts_free(const struct row *row, char **t)
{
	size_t c;

	for (c = 0; t && c < row->kind->ncols; c++)
		free(t[c]);
	free(t);
}

/* The identity of a record (its key's columns of TEXTS, joined by "/"),
 * malloc'd; NULL out of memory. */
static char *record_name(const struct row *row, char **texts)
{
	const char *p = row->kind->key;
	struct buf b = { 0 };

	for (; p; p = strchr(p, ','), p = p ? p + 1 : NULL)
		buf_printf(&b, "%s%s", b.len ? "/" : "",
			   texts[transfer_col_index(row->kind, p)]);
	return buf_take(&b);
}

int transfer_duplicate(struct row *row, sqlite3_int64 id, struct rm_error *err)
{
	const struct kind *k = row->kind;
	size_t at = (size_t)transfer_col_index(k, k->key);
	char **texts, *name, *shown;
	int rc;

	if (snapshot(row, id, &texts, err) < 0)
		return -1;
	name = record_name(row, texts);
	shown = name ? escape_text(name, ESC_INVISIBLE) : NULL;
	if (!shown)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	else if (id > row->max_before)
		/* TRANSLATORS: "plan "KKN-CDC-2568" is on an earlier line too" */
		rc = transfer_row_fail(row, at, err, _("%s \"%s\" is on an earlier line too"),
				       vocab_kind(k->name), shown);
	else
		/* TRANSLATORS: "plan "KKN-CDC-2568" is already in the database; ..." */
		rc = transfer_row_fail(row, at, err, _("%s \"%s\" is already in the database; "
						       "import --update changes it"),
				       vocab_kind(k->name), shown);
	free(shown);
	free(name);
	texts_free(row, texts);
	return rc;
}

/* Compare OLD and NEW (snapshots of one record); when they differ, count
 * the record as updated and note its changed columns in row->out, else
 * count it unchanged.  Returns 0, or -1 with ERR (out of memory). */
static int note_changes(struct row *row, char **old, char **new, struct rm_error *err)
{
	struct transfer_file *f = row->out;
	struct transfer_change *ch, *v;
	size_t c;

	for (c = 0; c < row->kind->ncols && strcmp(old[c], new[c]) == 0; c++)
		;
	if (c == row->kind->ncols) {
		f->unchanged++;
		return 0;
	}
	v = realloc(f->changes, (f->nchanges + 1) * sizeof *v);
	if (!v)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	f->changes = v;
	ch = &v[f->nchanges];
	memset(ch, 0, sizeof *ch);
	f->nchanges++;
	f->updated++;
	ch->record = record_name(row, new);
	ch->fields = calloc(row->kind->ncols, sizeof *ch->fields);
	if (!ch->record || !ch->fields)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	for (; c < row->kind->ncols; c++) {
		struct transfer_field_change *fc = &ch->fields[ch->nfields];

		if (strcmp(old[c], new[c]) == 0)
			continue;
		fc->column = row->kind->cols[c].name;
		fc->old = strdup(old[c]);
		fc->new = strdup(new[c]);
		ch->nfields++;
		if (!fc->old || !fc->new)
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	return 0;
}

/* The elements of the ;-list S, trimmed, into V (at most MAX); their
 * number.  S is cut up in place. */
static size_t split_list(char *s, char **v, size_t max)
{
	size_t n = 0;
	char *e;

	for (; s && n < max; s = e) {
		char *end;

		e = strchr(s, ';');
		if (e)
			*e++ = '\0';
		while (*s == ' ')
			s++;
		end = s + strlen(s);
		while (end > s && end[-1] == ' ')
			*--end = '\0';
		if (*s)
			v[n++] = s;
	}
	return s ? max + 1 : n;
}

/* Whether the ;-lists A and B hold other elements (order aside). */
static int lists_differ(const char *a, const char *b)
{
	char *x = strdup(a), *y = strdup(b), *va[256], *vb[256];
	size_t na, nb, i, j;
	int differ = 1;

	if (x && y) {
		na = split_list(x, va, 256);
		nb = split_list(y, vb, 256);
		differ = na != nb || na > 256;
		for (i = 0; !differ && i < na; i++) {
			for (j = 0; j < nb && strcmp(va[i], vb[j]) != 0; j++)
				;
			differ = j == nb;
		}
	}
	free(x);
	free(y);
	return differ;
}

/* Whether list column C of record ID (OLD its snapshot) must be
 * rewritten: the file lists other elements, or a column the elements are
 * looked up with (a project's plan) changed. */
static int list_changed(struct row *row, size_t c, char **old)
{
	const char *p = row->kind->cols[c].params;

	for (; p; p = strchr(p, ','), p = p ? p + 1 : NULL) {
		int other = *p == '*' ? -1 : transfer_col_index(row->kind, p);

		if (other >= 0 && strcmp(old[other], transfer_field(row, (size_t)other)) != 0)
			return 1;
	}
	return lists_differ(old[c], row->v[c].null ? "" : transfer_field(row, c));
}

/* Replace the list of column C of record ID with the file's. */
static int replace_list(struct row *row, size_t c, sqlite3_int64 id, struct rm_error *err)
{
	const char *ins = row->kind->cols[c].list_sql + strlen("INSERT INTO ");
	size_t table = strcspn(ins, "("), owner = strcspn(ins + table + 1, ",");
	char sql[200];
	sqlite3_stmt *del;
	int rc;

	snprintf(sql, sizeof sql, "DELETE FROM %.*s WHERE %.*s = ?1", (int)table, ins, (int)owner,
		 ins + table + 1);
	del = store_prepare(row->st, sql, err);
	if (!del)
		return -1;
	sqlite3_bind_int64(del, 1, id);
	rc = sqlite3_step(del);
	sqlite3_finalize(del);
	if (rc != SQLITE_DONE)
		return transfer_write_failed(row, rc, err);
	if (row->v[c].null)
		return 0;
	return transfer_each_element(row, c, id, transfer_insert_element, err);
}

/* Set the reference to the same kind in column C of record ID now, when
 * the record it names is there (or it names none).  Returns 1 when set,
 * 0 when it must wait for the end of the file, -1 with ERR. */
static int later_now(struct row *row, size_t c, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_value *ref = NULL;
	sqlite3_stmt *up;
	int rc = 1;

	if (!row->v[c].null && (rc = transfer_resolve(row, c, row->v[c].s, &ref, err)) <= 0)
		return rc;
	up = store_prepare(row->st, row->kind->later_sql, err);
	if (!up) {
		sqlite3_value_free(ref);
		return -1;
	}
	sqlite3_bind_int64(up, 1, id);
	if (ref)
		sqlite3_bind_value(up, 2, ref);
	rc = sqlite3_step(up);
	sqlite3_finalize(up);
	sqlite3_value_free(ref);
	return rc == SQLITE_DONE ? 1 : transfer_write_failed(row, rc, err);
}

/* Write the differing plain columns of record ID.  Returns 0, or -1. */
static int update_columns(struct row *row, sqlite3_int64 id, struct rm_error *err)
{
	const struct kind *k = row->kind;
	sqlite3_stmt *up = row->update;
	size_t c;
	int rc, oom;

	if (!up) {
		char *sql = update_sql(row, &oom);

		if (oom)
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		if (!sql)
			return 0;
		up = row->update = store_prepare(row->st, sql, err);
		free(sql);
		if (!up)
			return -1;
	}
	sqlite3_reset(up);
	sqlite3_clear_bindings(up);
	for (c = 0; c < k->ncols; c++)
		if (k->cols[c].type != C_REFS && k->cols[c].type != C_TAGS &&
		    !(k->cols[c].flags & LATER))
			transfer_bind_val(up, (int)c + 1, &row->v[c]);
	sqlite3_bind_int64(up, (int)k->ncols + 1, id);
	rc = sqlite3_step(up);
	sqlite3_reset(up);
	return rc == SQLITE_DONE ? 0 : transfer_write_failed(row, rc, err);
}

int transfer_version_frozen(struct row *row, struct rm_error *why)
{
	const char *name = row->kind->name, *set;
	int is_set = strcmp(name, "norm_sets") == 0, version;

	if (!is_set && strcmp(name, "norm_items") != 0)
		return 0;
	set = transfer_field(row, (size_t)transfer_col_index(row->kind, is_set ? "code" : "set"));
	version = (int)row->v[transfer_col_index(row->kind, "version")].i;
	return norm_frozen(row->st, set, version, why);
}

/* The first column in which the snapshots OLD and NEW differ; ncols when
 * none does. */
static size_t first_change(const struct row *row, char **old, char **new)
{
	size_t c;

	for (c = 0; c < row->kind->ncols && strcmp(old[c], new[c]) == 0; c++)
		;
	return c;
}

/* Refuse the change from OLD to NEW of a norm set or item as the screens
 * refuse it (normform.c): a set's grouping stays as made; a version that
 * was FROZEN before the file (WHY says so) does not change.  Returns 0,
 * or -1 with ERR naming the first changed column. */
static int norm_rule(struct row *row, char **old, char **new, int frozen,
		     const struct rm_error *why, struct rm_error *err)
{
	size_t c = first_change(row, old, new);
	int g = transfer_col_index(row->kind, "groups"), used;

	if (c == row->kind->ncols)
		return 0;
	if (strcmp(row->kind->name, "norm_sets") == 0 && g >= 0 && strcmp(old[g], new[g]) != 0)
		return transfer_row_fail(row, (size_t)g, err, "%s",
					 _("a norm set keeps the code and grouping it was made with; "
					   "make a new set for others"));
	/* the entries of an assessment answer in the scale they were made in */
	g = transfer_col_index(row->kind, "scale");
	if (strcmp(row->kind->name, "norm_sets") == 0 && g >= 0 && strcmp(old[g], new[g]) != 0 &&
	    (used = norm_assessed(row->st, old[0], atoi(old[3]), err)) != 0)
		return used < 0 ? -1 : transfer_row_fail(row, (size_t)g, err,
			_("units were assessed against %s version %d (%d assessments): its items stay "
			  "answered as they are; make a new version to change the scale"), old[0], atoi(old[3]), used);
	return frozen ? transfer_row_fail(row, c, err, "%s", why->msg) : 0;
}

/* Refuse a change to what an answered support request asked (needed,
 * source, frame, amount: columns 3 to 6 of support_requests; OLD's
 * status is column 7, who answered and when 13 and 14), as the unit's
 * form refuses it.  Returns 0, or -1 with ERR naming the column. */
static int request_rule(struct row *row, char **old, char **new, struct rm_error *err)
{
	struct rm_error why = { 0, "" };
	size_t c;

	if (strcmp(row->kind->name, "support_requests") != 0 || strcmp(old[7], "requested") == 0)
		return 0;
	for (c = 3; c <= 6; c++)
		if (strcmp(old[c], new[c]) != 0) {
			support_answered_refusal(old[13], old[14], &why);
			return transfer_row_fail(row, c, err, "%s", why.msg);
		}
	return 0;
}

int transfer_update_record(struct row *row, sqlite3_int64 id, unsigned *defer,
			   struct rm_error *err)
{
	const struct kind *k = row->kind;
	struct rm_error why = { 0, "" };
	char **old = NULL, **new = NULL;
	size_t c;
	int rc = -1, now, frozen;

	*defer = 0;
	/* frozen as the database is before the file, whatever it says */
	if ((frozen = transfer_version_frozen(row, &why)) < 0) {
		*err = why;
		return -1;
	}
	if (snapshot(row, id, &old, err) < 0 || update_columns(row, id, err) < 0 ||
	    (k->hook && k->hook(row, HOOK_AFTER, id, err) < 0))
		goto out;
	for (c = 0; c < k->ncols; c++) {
		if (k->cols[c].flags & LATER) {
			now = later_now(row, c, id, err);
			if (now < 0)
				goto out;
			if (now == 0)
				*defer |= 1u << c;
		} else if ((k->cols[c].type == C_REFS || k->cols[c].type == C_TAGS) &&
			   list_changed(row, c, old) && replace_list(row, c, id, err) < 0) {
			goto out;
		}
	}
	if (snapshot(row, id, &new, err) == 0 && norm_rule(row, old, new, frozen, &why, err) == 0 &&
	    request_rule(row, old, new, err) == 0)
		rc = note_changes(row, old, new, err);
out:
	texts_free(row, old);
	texts_free(row, new);
	return rc;
}

int transfer_seen(struct row *row, sqlite3_int64 id, struct rm_error *err)
{
	struct seen *v = realloc(row->seen, (row->nseen + 1) * sizeof *v);

	if (!v)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	row->seen = v;
	v[row->nseen].id = id;
	v[row->nseen].line = row->r->record_line;
	row->nseen++;
	return 0;
}

static int cmp_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->id != y->id)
		return (x->id > y->id) - (x->id < y->id);
	return (x->line > y->line) - (x->line < y->line);
}

int transfer_seen_check(struct row *row, struct rm_error *err)
{
	size_t i;

	if (row->nseen < 2)
		return 0;
	qsort(row->seen, row->nseen, sizeof *row->seen, cmp_seen);
	for (i = 1; i < row->nseen; i++)
		if (row->seen[i].id == row->seen[i - 1].id)
			/* TRANSLATORS: "FILE:LINE: the record of line 3 again; ..." */
			return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: the record of line %d again; "
							       "a file names each record once"),
				       row->file, row->seen[i].line, row->seen[i - 1].line);
	return 0;
}

void transfer_changes_free(struct transfer_file *f)
{
	size_t i, j;

	for (i = 0; i < f->nchanges; i++) {
		for (j = 0; j < f->changes[i].nfields; j++) {
			free(f->changes[i].fields[j].old);
			free(f->changes[i].fields[j].new);
		}
		free(f->changes[i].fields);
		free(f->changes[i].record);
	}
	free(f->changes);
	f->changes = NULL;
	f->nchanges = 0;
}
