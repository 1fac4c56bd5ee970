/* transfer_import.c - CSV files in: each file's header matched to its
 * kind's columns, each record converted, its references looked up, checked
 * and inserted, its lists and its references to the same kind set after;
 * every file of one call in one transaction, all or nothing. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"
#include "transfer_int.h"

/* The column called NAME (NAME ends at a comma or NUL), or -1. */
int transfer_col_index(const struct kind *k, const char *name)
{
	size_t n = strcspn(name, ","), i;

	for (i = 0; i < k->ncols; i++)
		if (strlen(k->cols[i].name) == n && strncmp(k->cols[i].name, name, n) == 0)
			return (int)i;
	return -1;
}

/* Look CODE up for reference column C.  Returns 1 and sets *OUT (a copy
 * the caller frees) when found, 0 when not, -1 on a database error. */
int transfer_resolve(struct row *row, size_t c, const char *code, sqlite3_value **out,
		   struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	sqlite3_stmt *stmt = row->lookup[c];
	const char *p = col->params;
	int i = 1, rc;

	*out = NULL;
	if (!stmt) {
		stmt = row->lookup[c] = store_prepare(row->st, col->arg, err);
		if (!stmt)
			return -1;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	for (;;) {
		if (*p == '*') {
			sqlite3_bind_text(stmt, i, code, -1, SQLITE_STATIC);
		} else {
			int other = transfer_col_index(row->kind, p);
			struct val raw = { 0 };

			if (other < 0 || row->kind->cols[other].type == C_REF) {
				raw.s = other < 0 ? "" : transfer_field(row, (size_t)other);
				transfer_bind_val(stmt, i, &raw);
			} else {
				/* the converted value, without its resolved id */
				raw = row->v[other];
				raw.ref = NULL;
				transfer_bind_val(stmt, i, &raw);
			}
		}
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
		i++;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_value_dup(sqlite3_column_value(stmt, 0));
		sqlite3_reset(stmt);
		return *out ? 1 : rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(row->st, err, _("cannot look up a reference"));
	return 0;
}

/* The message for a code that transfer_resolve() did not find: names the other
 * columns the lookup used ("unknown objective "P9" of plan "X""). */
int transfer_unknown_ref(struct row *row, size_t c, const char *code, struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	struct buf ctx = { 0 };
	const char *p = col->params;
	char q[200], q2[200];
	int rc;

	for (; p; p = strchr(p, ','), p = p ? p + 1 : NULL) {
		int other;

		if (*p == '*')
			continue;
		other = transfer_col_index(row->kind, p);
		if (other >= 0)
			buf_printf(&ctx, " %s %s", row->kind->cols[other].name,
				   escape_shown(transfer_field(row, (size_t)other), q2, sizeof q2));
	}
	if (ctx.len)
		/* TRANSLATORS: "unknown objective "P9" with plan "KKN-CDC-2568"";
		 * what follows "with" are column names and values. */
		rc = transfer_row_fail(row, c, err, _("unknown %s %s with%s"), _(col->what),
			      escape_shown(code, q, sizeof q), ctx.s);
	else
		rc = transfer_row_fail(row, c, err, _("unknown %s %s"), _(col->what), escape_shown(code, q, sizeof q));
	buf_free(&ctx);
	return rc;
}

/* Resolve the single reference column C into row->v[c].ref. */
static int resolve_ref(struct row *row, size_t c, struct rm_error *err)
{
	struct val *v = &row->v[c];
	int rc;

	if (v->null || (row->kind->cols[c].flags & LATER))
		return 0;
	rc = transfer_resolve(row, c, v->s, &v->ref, err);
	if (rc == 0)
		return transfer_unknown_ref(row, c, v->s, err);
	return rc < 0 ? -1 : 0;
}

/* Split a ;-list; calls FN for every element (spaces around trimmed). */
int transfer_each_element(struct row *row, size_t c, sqlite3_int64 id,
			int (*fn)(struct row *, size_t, const char *, sqlite3_int64, struct rm_error *),
			struct rm_error *err)
{
	char *list = strdup(transfer_field(row, c)), *p, *e;
	int rc = 0;

	if (!list)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	for (p = list; p && rc == 0; p = e) {
		char *end;

		e = strchr(p, ';');
		if (e)
			*e++ = '\0';
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (!*p) {
			if (e || p != list)
				rc = transfer_row_fail(row, c, err, _("an empty element in the ;-separated list"));
			continue;
		}
		rc = fn(row, c, p, id, err);
	}
	free(list);
	return rc;
}

/* Insert the link row for one list element ("P1" of "P1;R1", or a tag). */
int transfer_insert_element(struct row *row, size_t c, const char *elem, sqlite3_int64 id,
			  struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	sqlite3_value *ref = NULL;
	sqlite3_stmt *stmt;
	int rc;

	if (col->type == C_REFS) {
		rc = transfer_resolve(row, c, elem, &ref, err);
		if (rc <= 0)
			return rc < 0 ? -1 : transfer_unknown_ref(row, c, elem, err);
	} else if (transfer_check_code(row, c, elem, err) < 0) {
		return -1;
	}
	stmt = row->list_ins[c];
	if (!stmt)
		stmt = row->list_ins[c] = store_prepare(row->st, col->list_sql, err);
	if (!stmt) {
		sqlite3_value_free(ref);
		return -1;
	}
	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, id);
	if (ref)
		sqlite3_bind_value(stmt, 2, ref);
	else
		sqlite3_bind_text(stmt, 2, elem, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	sqlite3_value_free(ref);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		char q[200];

		return transfer_row_fail(row, c, err, _("%s is listed twice"), escape_shown(elem, q, sizeof q));
	}
	if (rc != SQLITE_DONE)
		return transfer_row_fail(row, c, err, "%s", sqlite3_errmsg(row->st->db));
	return 0;
}

/* Turn a failed insert into a message about the record. */
int transfer_write_failed(struct row *row, int rc, struct rm_error *err)
{
	const char *msg = sqlite3_errmsg(row->st->db);

	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		sqlite3_int64 id;
		int found = transfer_find(row, &id, err);

		/* Name the record by its identity, in words. */
		if (found != 0)
			return found < 0 ? -1 : transfer_duplicate(row, id, err);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: this record is already in the database (%s)"),
			       row->file, row->r->record_line, msg);
	}
	switch (rc & 0xff) {
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_BUSY:
	case SQLITE_CORRUPT:
		/* the database's trouble, not the record's */
		store_fail(row->st, err, _("cannot import"));
		rm_error_prefix(err, _("%s: nothing was imported"), row->file);
		return -1;
	default:
		break;
	}
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: the record was refused: %s"), row->file,
		       row->r->record_line, msg);
}

/* A pending LATER reference: set once every row of the file is in. */
struct later {
	sqlite3_int64 id;
	size_t c;
	char *code;
	int line, field;
};

/* The LATER references of one file, in the order of its records. */
struct laters {
	struct later *v;
	size_t n;
};

/* Where an import stands, for its progress line. */
struct import_progress {
	long long rows;         /* records of every file so far */
	size_t before, total;   /* bytes of the files done, of all */
};

/* Make ROW's per-column arrays for its kind.  Returns 0, or -1 with ERR;
 * row_free() frees them either way. */
static int row_alloc(struct row *row, struct rm_error *err)
{
	size_t n = row->kind->ncols;

	row->pos = calloc(n, sizeof *row->pos);
	row->v = calloc(n, sizeof *row->v);
	row->lookup = calloc(n, sizeof *row->lookup);
	row->list_ins = calloc(n, sizeof *row->list_ins);
	if (!row->pos || !row->v || !row->lookup || !row->list_ins)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	return 0;
}

/* Free what row_alloc() made, the references still held and the
 * prepared statements. */
static void row_free(struct row *row)
{
	size_t c;

	for (c = 0; c < row->kind->ncols; c++) {
		if (row->v)
			sqlite3_value_free(row->v[c].ref);
		if (row->lookup)
			sqlite3_finalize(row->lookup[c]);
		if (row->list_ins)
			sqlite3_finalize(row->list_ins[c]);
	}
	sqlite3_finalize(row->find);
	sqlite3_finalize(row->update);
	sqlite3_finalize(row->one);
	sqlite3_finalize(row->own[0]);
	sqlite3_finalize(row->own[1]);
	sqlite3_finalize(row->own[2]);
	free(row->seen);
	free(row->lookup);
	free(row->list_ins);
	free(row->v);
	free(row->pos);
}

/* Read the header of file F into row->pos: every column once, in any
 * order, nothing else.  Returns 0, or -1 with ERR. */
static int read_header(struct row *row, const struct transfer_file *f, struct rm_error *err)
{
	const struct kind *k = row->kind;
	struct csv_reader *r = row->r;
	size_t i, c;
	int got;

	got = csv_read(r, err);
	if (got <= 0) {
		if (got == 0)
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:1: empty file; expected the header %s"),
				f->name, transfer_kind_columns((size_t)f->kind));
		return -1;
	}
	for (c = 0; c < k->ncols; c++)
		row->pos[c] = -1;
	for (i = 0; i < r->nfields; i++) {
		int ci = transfer_col_index(k, r->fields[i].text);

		if (ci < 0 || strchr(r->fields[i].text, ','))
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s:1:%zu: unknown column \"%s\"; expected %s"), f->name, i + 1,
				       r->fields[i].text, transfer_kind_columns((size_t)f->kind));
		if (row->pos[ci] >= 0)
			return rm_fail(err, RM_EXIT_RUNTIME, _("%s:1:%zu: column \"%s\" appears twice"),
				       f->name, i + 1, r->fields[i].text);
		row->pos[ci] = (int)i;
	}
	row->nheader = r->nfields;
	for (c = 0; c < k->ncols; c++)
		if (row->pos[c] < 0 && !(k->cols[c].flags & ABSENT))
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s:1: the header lacks column \"%s\"; expected %s"), f->name,
				       k->cols[c].name, transfer_kind_columns((size_t)f->kind));
	return 0;
}

/* Insert ROW's converted and resolved record with INS (the kind's
 * insert), leaving out lists and LATER references.  Returns 0 with *ID
 * the new row's id, or -1 with ERR. */
static int insert_record(struct row *row, sqlite3_stmt *ins, sqlite3_int64 *id,
			 struct rm_error *err)
{
	const struct kind *k = row->kind;
	size_t c;
	int rc;

	sqlite3_reset(ins);
	sqlite3_clear_bindings(ins);
	for (c = 0; c < k->ncols; c++)
		if (k->cols[c].type != C_REFS && k->cols[c].type != C_TAGS &&
		    !(k->cols[c].flags & LATER))
			transfer_bind_val(ins, (int)c + 1, &row->v[c]);
	rc = sqlite3_step(ins);
	if (rc != SQLITE_DONE)
		return transfer_write_failed(row, rc, err);
	*id = sqlite3_last_insert_rowid(row->st->db);
	return 0;
}

/* Remember that column C of the record just inserted as ID names a record
 * of the same kind, to be set once the file is in.  Returns 0, or -1
 * with ERR. */
static int note_later(struct laters *later, struct row *row, size_t c, sqlite3_int64 id,
		      struct rm_error *err)
{
	struct later *l = realloc(later->v, (later->n + 1) * sizeof *l);

	if (!l || !(l[later->n].code = strdup(row->v[c].s))) {
		if (l)
			later->v = l;
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	later->v = l;
	l[later->n].id = id;
	l[later->n].c = c;
	l[later->n].line = row->r->fields[row->pos[c]].line;
	l[later->n].field = row->pos[c] + 1;
	later->n++;
	return 0;
}

/* The end of record ID of ROW: the references to the same kind in DEFER
 * (bits by column) go to LATER, the references looked up are freed, and
 * with --update the record is noted as named by this line.  Returns 0,
 * or -1 with ERR. */
static int finish_record(struct row *row, struct laters *later, sqlite3_int64 id,
			 unsigned defer, struct rm_error *err)
{
	size_t c;

	for (c = 0; c < row->kind->ncols; c++) {
		if (((defer >> c) & 1) && note_later(later, row, c, id, err) < 0)
			return -1;
		sqlite3_value_free(row->v[c].ref);
		row->v[c].ref = NULL;
	}
	return (row->flags & TRANSFER_UPDATE) ? transfer_seen(row, id, err) : 0;
}

/* A new item of a frozen norm set version (issued, assessed against) is
 * refused as the screens refuse it: it would change the scores of its
 * assessments.  Returns 0, or -1 with ERR naming the set's column. */
static int frozen_item(struct row *row, struct rm_error *err)
{
	struct rm_error why = { 0, "" };
	int rc;

	if (strcmp(row->kind->name, "norm_items") != 0 || (rc = transfer_version_frozen(row, &why)) == 0)
		return 0;
	if (rc < 0) {
		*err = why;
		return -1;
	}
	return transfer_row_fail(row, (size_t)transfer_col_index(row->kind, "set"), err, "%s", why.msg);
}

/* Import the record ROW's reader stands on: convert its fields, look up
 * its references, check it, insert it, then its lists; its references to
 * the same kind go to LATER.  Returns 0, or -1 with ERR. */
static int import_record(struct row *row, sqlite3_stmt *ins, struct laters *later,
			 struct rm_error *err)
{
	const struct kind *k = row->kind;
	struct csv_reader *r = row->r;
	sqlite3_int64 id = 0;
	unsigned defer = 0;
	size_t c;

	if (r->nfields != row->nheader)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: expected %zu fields (%s), found %zu"),
			       row->file, r->record_line, row->nheader,
			       transfer_kind_columns((size_t)(k - transfer_kinds)), r->nfields);
	for (c = 0; c < k->ncols; c++)
		if (transfer_convert(row, c, err) < 0)
			return -1;
	for (c = 0; c < k->ncols; c++)
		if (k->cols[c].type == C_REF && resolve_ref(row, c, err) < 0)
			return -1;
	if (k->check && k->check(row, err) < 0)
		return -1;
	if (k->hook && k->hook(row, HOOK_BEFORE, 0, err) < 0)
		return -1;
	if (row->flags & TRANSFER_UPDATE) {
		int found = transfer_find(row, &id, err);

		if (found < 0 || (found && transfer_update_record(row, id, &defer, err) < 0))
			return -1;
		if (found)
			return finish_record(row, later, id, defer, err);
	}
	if (insert_record(row, ins, &id, err) < 0 || frozen_item(row, err) < 0 ||
	    (k->hook && k->hook(row, HOOK_AFTER, id, err) < 0))
		return -1;
	row->out->added++;
	for (c = 0; c < k->ncols; c++) {
		const struct col *col = &k->cols[c];

		if ((col->type == C_REFS || col->type == C_TAGS) && !row->v[c].null &&
		    transfer_each_element(row, c, id, transfer_insert_element, err) < 0)
			return -1;
		if ((col->flags & LATER) && !row->v[c].null)
			defer |= 1u << c;
	}
	return finish_record(row, later, id, defer, err);
}

/* Set the references to the same kind noted in LATER, now that every row
 * of the file is in.  Returns 0, or -1 with ERR naming the field. */
static int set_later(struct row *row, const struct laters *later, struct rm_error *err)
{
	const struct kind *k = row->kind;
	size_t i;

	for (i = 0; i < later->n; i++) {
		const struct later *l = &later->v[i];
		sqlite3_stmt *up;
		sqlite3_value *ref;
		int found;

		found = transfer_resolve(row, l->c, l->code, &ref, err);
		if (found < 0)
			return -1;
		if (!found) {
			char q[200], what[512];

			snprintf(what, sizeof what, _("unknown %s %s"), _(k->cols[l->c].what),
				 escape_shown(l->code, q, sizeof q));
			return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file,
				       l->line, l->field, k->cols[l->c].name, what);
		}
		up = store_prepare(row->st, k->later_sql, err);
		if (!up) {
			sqlite3_value_free(ref);
			return -1;
		}
		sqlite3_bind_int64(up, 1, l->id);
		sqlite3_bind_value(up, 2, ref);
		found = sqlite3_step(up);
		sqlite3_finalize(up);
		sqlite3_value_free(ref);
		if (found != SQLITE_DONE)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file, l->line,
				       l->field, k->cols[l->c].name, sqlite3_errmsg(row->st->db));
	}
	return 0;
}

/* Import file F, every record of its kind, inside the caller's
 * transaction: the header, the records, then the references to the same
 * kind.  PR counts across the files for the progress line; F->rows is set
 * to the records imported.  Returns 0, or -1 with ERR. */
static int import_file(struct store *st, const struct config *cfg, struct transfer_file *f,
		       unsigned flags, struct import_progress *pr, struct rm_error *err)
{
	const struct kind *k = &transfer_kinds[f->kind];
	struct csv_reader r;
	struct row row;
	struct laters later = { NULL, 0 };
	sqlite3_stmt *ins = NULL;
	size_t i;
	int rc = -1, got;

	memset(&row, 0, sizeof row);
	row.st = st;
	row.cfg = cfg;
	row.kind = k;
	row.file = f->name;
	row.r = &r;
	row.flags = flags;
	row.out = f;
	f->rows = f->added = f->updated = f->unchanged = 0;
	if (csv_reader_init(&r, f->name, f->data, f->len, err) < 0)
		return -1;
	row.tis620_check = !f->utf8 && !escape_has_thai(f->data, f->len);
	if (row_alloc(&row, err) < 0 || read_header(&row, f, err) < 0 ||
	    transfer_max_id(&row, &row.max_before, err) < 0)
		goto out;
	ins = store_prepare(st, k->insert_sql, err);
	if (!ins)
		goto out;
	while ((got = csv_read(&r, err)) == 1) {
		if ((++pr->rows & 1023) == 0)
			store_progress(st, _("importing"), pr->rows,
				       (int)((pr->before + r.pos) * 1000 / (pr->total ? pr->total : 1)));
		if (import_record(&row, ins, &later, err) < 0)
			goto out;
		f->rows++;
	}
	if (got == 0 && transfer_seen_check(&row, err) == 0)
		rc = set_later(&row, &later, err);
out:
	sqlite3_finalize(ins);
	for (i = 0; i < later.n; i++)
		free(later.v[i].code);
	free(later.v);
	row_free(&row);
	csv_reader_free(&r);
	return rc;
}

static int cmp_files(const void *a, const void *b)
{
	const struct transfer_file *x = a, *y = b;

	return (x->kind > y->kind) - (x->kind < y->kind);
}

static int import_all(struct store *st, const struct config *cfg, struct transfer_file *files,
		      size_t nfiles, unsigned flags, struct rm_error *err);

int transfer_import(struct store *st, const struct config *cfg, struct transfer_file *files,
		    size_t nfiles, struct rm_error *err)
{
	return transfer_import_with(st, cfg, files, nfiles, 0, err);
}

int transfer_import_with(struct store *st, const struct config *cfg, struct transfer_file *files,
			 size_t nfiles, unsigned flags, struct rm_error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < nfiles; i++)
		if (files[i].kind < 0 || (size_t)files[i].kind >= transfer_nkinds())
			return rm_fail(err, RM_EXIT_USAGE, _("%s: not a known kind of record"),
				       files[i].name);
	qsort(files, nfiles, sizeof *files, cmp_files);
	/* Each row's insert opens a statement journal (its triggers write
	 * the change log and the search documents); kept in memory, the
	 * journal of a province's import costs no system calls instead of
	 * two million writes to a temporary file. */
	sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	rc = import_all(st, cfg, files, nfiles, flags, err);
	sqlite3_exec(st->db, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	return rc;
}

/* transfer_import's transaction: every file or none (none at all with
 * TRANSFER_DRY_RUN in FLAGS). */
static int import_all(struct store *st, const struct config *cfg, struct transfer_file *files,
		      size_t nfiles, unsigned flags, struct rm_error *err)
{
	struct import_progress pr = { 0, 0, 0 };
	size_t i;
	int rc;

	if (store_begin(st, err) < 0)
		return -1;
	/* the search index is fed once at the end, not row by row */
	if (schema_search_defer(st->db) < 0) {
		store_fail(st, err, _("cannot prepare the search index"));
		store_rollback(st);
		return -1;
	}
	for (i = 0; i < nfiles; i++) {
		pr.total += files[i].len;
		if (strcmp(transfer_kinds[files[i].kind].name, "support_requests") == 0)
			flags |= TRANSFER_HAS_REQUESTS;
	}
	for (i = 0; i < nfiles; i++) {
		if (import_file(st, cfg, &files[i], flags, &pr, err) < 0) {
			store_progress(st, NULL, 0, 0);
			store_rollback(st);
			return -1;
		}
		pr.before += files[i].len;
	}
	store_progress(st, NULL, 0, 0);
	store_progress(st, _("updating the search index"), -1, -1);
	rc = schema_search_feed(st->db);
	store_progress(st, NULL, 0, 0);
	if (rc < 0) {
		store_fail(st, err, _("cannot update the search index"));
		store_rollback(st);
		return -1;
	}
	if (flags & TRANSFER_DRY_RUN) {
		store_rollback(st);
		return 0;
	}
	return store_commit(st, err);
}
