/* normform.c - a norm set version's header and one of its items as forms
 * (form.h): the field tables (named as the CSV columns of norm_sets and
 * norm_items), loading, saving through change_field, and making new ones.
 * A frozen version (issued, assessed against) refuses every save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/normedit.h"
#include "routemap/vocab.h"

/* What a form keeps of its record: the row, the set and version. */
struct normrec {
	sqlite3_int64 id;
	char code[128];
	int version;
};

/* form_choices_fn: the groupings there are (of groups.csv), named in
 * words (vocab.h); a grouping it has no words for shows its code. */
static int groupings(const struct form_field *f, const struct form_ctx *ctx,
		     struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, "SELECT grouping FROM norm_group"
					   " GROUP BY grouping ORDER BY min(id)", err);
	int rc = SQLITE_DONE, bad = 0;

	(void)f;
	if (!stmt)
		return -1;
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(stmt, 0);

		if (!g || form_choices_add(out, g, vocab_value("norm_set", "grouping", g), NULL) < 0)
			bad = 1;
	}
	return store_finish(ctx->st, stmt, rc, bad, err);
}

/* form_choices_fn: how a set's items are answered (norm_set.scale). */
static int scales(const struct form_field *f, const struct form_ctx *ctx,
		  struct form_choices *out, struct rm_error *err)
{
	static const char *const codes[] = { "status", "levels" };
	size_t i;

	(void)f;
	(void)ctx;
	for (i = 0; i < 2; i++)
		if (form_choices_add(out, codes[i], vocab_value("norm_set", "scale", codes[i]),
				     NULL) < 0)
			return rm_oom(err);
	return 0;
}

/* form_choices_fn: the groups of the item's set's grouping (all groups
 * when the form names no set). */
static int groups(const struct form_field *f, const struct form_ctx *ctx,
		  struct form_choices *out, struct rm_error *err)
{
	(void)f;
	char grouping[64] = "", set[128];
	sqlite3_stmt *stmt;
	int version;

	/* the item form is opened on its version, "SET@VERSION" */
	if (ctx->code && norm_split(ctx->code, set, sizeof set, &version) == 0 &&
	    sqlite3_prepare_v2(ctx->st->db, "SELECT grouping FROM norm_set WHERE code = ?1"
			       " AND version = ?2", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, set, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, version);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(grouping, sizeof grouping, "%s", sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	return norm_groups(ctx->st, ctx->cfg, *grouping ? grouping : NULL, out, err);
}

enum { S_CODE, S_TITLE, S_GROUPS, S_ISSUED, S_SOURCE, S_SCALE, S_OFFICE, S_VERSION, S_COUNT };

static const struct form_field set_fields[S_COUNT] = {
	[S_CODE] = { "code", N_("code"), FIELD_LINE, 1, "norm_set.code", form_code_ok, NULL, 60 },
	[S_TITLE] = { "title", N_("title"), FIELD_LINE, 1, "norm_set.title", NULL, NULL, 2000 },
	[S_GROUPS] = { "groups", N_("grouping"), FIELD_CHOICE, 1, "norm_set.grouping", NULL,
		       groupings, 0 },
	[S_ISSUED] = { "issued", N_("issued"), FIELD_DATE, 0, "norm_set.issued", NULL, NULL, 0 },
	[S_SOURCE] = { "source", N_("source"), FIELD_LINE, 0, "norm_set.source", NULL, NULL, 2000 },
	[S_SCALE] = { "scale", N_("how items are answered"), FIELD_CHOICE, 1, "norm_set.scale", NULL,
		      scales, 0 },
	[S_OFFICE] = { "office", N_("office"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[S_VERSION] = { "version", N_("version"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
};

enum { I_SET, I_VERSION, I_GROUP, I_CODE, I_TEXT, I_EVIDENCE, I_WEIGHT, I_COUNT };

static const struct form_field item_fields[I_COUNT] = {
	[I_SET] = { "set", N_("norm set"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[I_VERSION] = { "version", N_("version"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[I_GROUP] = { "group", N_("group"), FIELD_CHOICE, 1, "norm_item.group", NULL, groups, 0 },
	[I_CODE] = { "code", N_("code"), FIELD_LINE, 1, "norm_item.code", form_code_ok, NULL, 60 },
	[I_TEXT] = { "text", N_("text"), FIELD_TEXT, 1, "norm_item.text", NULL, NULL, 4000 },
	[I_EVIDENCE] = { "evidence", N_("evidence"), FIELD_TEXT, 0, "norm_item.evidence", NULL,
			 NULL, 4000 },
	[I_WEIGHT] = { "weight", N_("weight"), FIELD_NUMBER, 1, "norm_item.weight",
		       form_weight_ok, NULL, 0 },
};

/* One row of SQL (?1 text A, ?2 the version N, ?3 text B) into REC: its
 * first column the row id, the next NVALUES columns the values; REC's
 * data names the row, set A and version N.  0, FORM_MISSING when there
 * is no row, or -1; ERR says why. */
static int load_row(const struct form_ctx *ctx, const char *sql, const char *a, int n,
		    const char *b, size_t nvalues, struct form_record *rec, struct rm_error *err)
{
	struct normrec *d = calloc(1, sizeof *d);
	char v[16];
	const char *args[3] = { a, v, b };

	rec->data = d;
	if (!d)
		return rm_oom(err);
	snprintf(v, sizeof v, "%d", n);
	snprintf(d->code, sizeof d->code, "%s", a);
	d->version = n;
	return form_load_row(ctx, sql, args, 3, nvalues, rec, &d->id, err);
}

/* A line above the fields saying the version is frozen, when it is. */
static int frozen_line(const struct form_ctx *ctx, struct form_record *rec, const char *code,
		       int version)
{
	struct rm_error why = { 0, "" };
	struct form_line *l;

	if (norm_frozen(ctx->st, code, version, &why) != 1)
		return 0;
	l = array_grow(&rec->lines, &rec->nlines, sizeof *l);
	if (!l || !(l->text = strdup(why.msg)))
		return -1;
	l->style = FORM_LINE_DIM;
	return 0;
}

/* form_def.load of a set: CODE the set, PART its version. */
static int set_load(const struct form_ctx *ctx, const char *code, const char *part,
		    struct form_record *rec, struct rm_error *err)
{
	int version = part ? atoi(part) : 0, rc;
	struct normrec *d;

	rc = load_row(ctx, "SELECT s.id, s.code, s.title, s.grouping, s.issued, s.source, s.scale, o.code,"
		      " s.version FROM norm_set s JOIN office o ON o.id = s.office_id"
		      " WHERE s.code = ?1 AND s.version = ?2", code, version, NULL, S_COUNT, rec, err);
	d = rec->data;
	if (rc == 0) {
		rec->history_table = "norm_set";
		rec->history_row = d->id;
		if (!(rec->history_title = malloc(strlen(code) + 24)))
			rc = rm_oom(err);
		else
			sprintf(rec->history_title, "%s v%d", code, version);
	}
	if (rc == 0 && frozen_line(ctx, rec, code, version) < 0)
		rc = rm_oom(err);
	if (rc != 0)
		form_record_free(&norm_set_form_def, rec);
	return rc;
}

/* The version of REC may be changed: CHANGE_OK; refused for good
 * (FORM_REFUSED) with ERR when it is frozen; CHANGE_ERROR with ERR when
 * the database fails. */
static int may_change(const struct form_ctx *ctx, const struct normrec *d,
		      struct rm_error *err)
{
	int rc = norm_frozen(ctx->st, d->code, d->version, err);

	return rc > 0 ? FORM_REFUSED : rc < 0 ? CHANGE_ERROR : CHANGE_OK;
}

/* form_def.save of a set: title, issued, source; not code nor grouping. */
static int set_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		    size_t field, const char *expected, const char *value, char **current,
		    struct rm_error *err)
{
	struct normrec *d = rec->data;
	int rc;

	if (field == S_CODE || field == S_GROUPS || !set_fields[field].change) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("a norm set keeps the code and grouping it was made with; "
			  "make a new set for others"));
		return FORM_REFUSED;
	}
	if ((rc = may_change(ctx, d, err)) != CHANGE_OK)
		return rc;
	/* the entries of an assessment answer in the scale they were made in */
	if (field == S_SCALE && (rc = norm_assessed(ctx->st, d->code, d->version, err)) != 0) {
		if (rc < 0)
			return CHANGE_ERROR;
		rm_fail(err, RM_EXIT_RUNTIME,
			_("units were assessed against %s version %d (%d assessments): its items stay "
			  "answered as they are; v makes a new version"), d->code, d->version, rc);
		return FORM_REFUSED;
	}
	return change_field(ctx->st, u, set_fields[field].change, d->id, expected, value, current,
			    err);
}

/* What a new set's work needs. */
struct set_new {
	const char *office;
	char *const *values;
	int refused;     /* set: refused for what was typed, not tried again */
};

static int set_create_work(struct store *st, void *arg, struct rm_error *err)
{
	struct set_new *a = arg;
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT INTO norm_set(code, office_id, title, version, issued, source, grouping, scale)"
		" SELECT ?1, o.id, ?2, 1, ?3, ?4, ?5, coalesce(?7, 'status') FROM office o"
		" WHERE o.code = ?6"
		" AND NOT EXISTS (SELECT 1 FROM norm_set WHERE code = ?1)", err);
	int rc;

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, a->values[S_CODE], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, a->values[S_TITLE], -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, a->values[S_ISSUED]);
	store_bind_text_or_null(stmt, 4, a->values[S_SOURCE]);
	sqlite3_bind_text(stmt, 5, a->values[S_GROUPS], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, a->office, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 7, a->values[S_SCALE]);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	if (sqlite3_changes(st->db) == 1)
		return CHANGE_OK;
	stmt = store_prepare(st, "SELECT 1 FROM norm_set WHERE code = ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, a->values[S_CODE], -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	a->refused = 1;
	if (rc == SQLITE_ROW)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("a norm set %s exists already; v on one of its versions makes a new "
				 "version"), a->values[S_CODE]);
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("the office %s is not in the database yet; import offices.csv first"),
		       a->office);
}

/* form_def.create of a set: version 1 of the office's own. */
static int set_create(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		      const char *part, char *const *values, char **new_code, char **new_part,
		      struct rm_error *err)
{
	struct set_new a = { ctx->cfg->office_code, values, 0 };
	int rc;

	(void)code;
	(void)part;
	*new_code = *new_part = NULL;
	rc = change_run(ctx->st, u, NULL, set_create_work, &a, err);
	if (rc != CHANGE_OK)
		return a.refused ? FORM_REFUSED : CHANGE_ERROR;
	*new_code = strdup(values[S_CODE]);
	*new_part = strdup("1");
	return *new_code && *new_part ? CHANGE_OK : rm_oom(err);
}

/* form_def.defaults of a set: the office's own, version 1. */
static int set_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			char **values, struct rm_error *err)
{
	(void)code;
	(void)part;
	values[S_OFFICE] = strdup(ctx->cfg->office_code ? ctx->cfg->office_code : "");
	values[S_VERSION] = strdup("1");
	values[S_GROUPS] = strdup("key_activity");
	values[S_SCALE] = strdup("status");
	return values[S_OFFICE] && values[S_VERSION] && values[S_GROUPS] && values[S_SCALE]
		       ? 0 : rm_oom(err);
}

const struct form_def norm_set_form_def = {
	.title = N_("norm set"),
	.fields = set_fields,
	.nfields = S_COUNT,
	.first = S_TITLE,
	.missing_note = N_("This version of the norm set is no longer there (deleted)."),
	.missing_save = N_("this version of the norm set is no longer there: deleted meanwhile"),
	.load = set_load,
	.save = set_save,
	.free_data = free,
	.create = set_create,
	.defaults = set_defaults,
};

/* ---- items ---- */

/* form_def.load of an item: CODE "SET@VERSION", PART the item's code. */
static int item_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	char set[128];
	int version, rc;

	if (norm_split(code, set, sizeof set, &version) < 0 || !part) {
		rm_fail(err, RM_EXIT_RUNTIME, _("no item \"%s\" in this norm set"), part ? part : "");
		return FORM_MISSING;
	}
	rc = load_row(ctx, "SELECT i.id, s.code, s.version, g.code, i.code, i.text, i.evidence,"
		      " printf('%.15g', i.weight) FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
		      " JOIN norm_group g ON g.id = i.group_id"
		      " WHERE s.code = ?1 AND s.version = ?2 AND i.code = ?3", set, version, part,
		      I_COUNT, rec, err);
	if (rc == 0) {
		rec->history_table = "norm_item";
		rec->history_row = ((struct normrec *)rec->data)->id;
		if (!(rec->history_title = strdup(part)) || frozen_line(ctx, rec, set, version) < 0)
			rc = rm_oom(err);
	}
	if (rc != 0)
		form_record_free(&norm_item_form_def, rec);
	return rc;
}

/* Is CODE the code of an item of set row SET_ID other than row EXCEPT?
 * 1 (ERR says so), 0, or -1 with ERR. */
static int code_taken(struct store *st, sqlite3_int64 set_id, sqlite3_int64 except,
		      const char *code, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM norm_item WHERE set_id = ?1"
					   " AND code = ?2 AND id <> ?3", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, set_id);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, except);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW) {
		rm_fail(err, RM_EXIT_RUNTIME,
			_("this version has an item %s already; choose another code"), code);
		return 1;
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot read the records"));
}

/* The row of the set of item row ITEM into *SET_ID. */
static int set_of_item(struct store *st, sqlite3_int64 item, sqlite3_int64 *set_id,
		       struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT set_id FROM norm_item WHERE id = ?1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, item);
	rc = sqlite3_step(stmt);
	*set_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return *set_id ? 0 : rm_fail(err, RM_EXIT_RUNTIME, "%s",
				     _("it is no longer there (deleted meanwhile?)"));
}

/* form_def.save of an item: every field but its set and version. */
static int item_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	struct normrec *d = rec->data;
	sqlite3_int64 set_id;
	int rc;

	if (!item_fields[field].change) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this field cannot be changed here"));
		return FORM_REFUSED;
	}
	if ((rc = may_change(ctx, d, err)) != CHANGE_OK)
		return rc;
	if (field == I_CODE && value &&
	    (set_of_item(ctx->st, d->id, &set_id, err) < 0 ||
	     (rc = code_taken(ctx->st, set_id, d->id, value, err)) != 0))
		return rc > 0 ? FORM_REFUSED : CHANGE_ERROR;
	rc = change_field(ctx->st, u, item_fields[field].change, d->id, expected, value, current,
			  err);
	if (rc == CHANGE_OK && field == I_CODE && !(rec->renamed_part = strdup(value)))
		return rm_oom(err);
	return rc;
}

/* What a new item's work needs. */
struct item_new {
	const char *code;
	int version;
	char *const *values;
	int refused;     /* set: refused for what was typed, not tried again */
};

static int item_create_work(struct store *st, void *arg, struct rm_error *err)
{
	struct item_new *a = arg;
	sqlite3_stmt *stmt;
	sqlite3_int64 set_id = 0;
	int rc;

	if ((rc = norm_frozen(st, a->code, a->version, err)) != 0) {
		a->refused = rc > 0;
		return CHANGE_ERROR;
	}
	stmt = store_prepare(st, "SELECT id FROM norm_set WHERE code = ?1 AND version = ?2", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, a->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, a->version);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		set_id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if ((rc = code_taken(st, set_id, 0, a->values[I_CODE], err)) != 0) {
		a->refused = rc > 0;
		return CHANGE_ERROR;
	}
	stmt = store_prepare(st,
		"INSERT INTO norm_item(set_id, group_id, code, text, evidence, weight, position)"
		" SELECT s.id, g.id, ?3, ?4, ?5, coalesce(?6, 1), 1 + coalesce((SELECT"
		"  max(coalesce(position, id)) FROM norm_item WHERE set_id = s.id), 0)"
		" FROM norm_set s JOIN norm_group g ON g.grouping = s.grouping"
		" WHERE s.id = ?1 AND g.code = ?2", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, set_id);
	sqlite3_bind_text(stmt, 2, a->values[I_GROUP], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, a->values[I_CODE], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, a->values[I_TEXT], -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 5, a->values[I_EVIDENCE]);
	if (a->values[I_WEIGHT])
		sqlite3_bind_double(stmt, 6, atof(a->values[I_WEIGHT]));
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	a->refused = sqlite3_changes(st->db) != 1;
	if (a->refused)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s version %d has no group %s"), a->code,
			       a->version, a->values[I_GROUP]);
	return CHANGE_OK;
}

/* form_def.create of an item: in the version CODE ("SET@VERSION") names,
 * last of its group. */
static int item_create(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		       const char *part, char *const *values, char **new_code, char **new_part,
		       struct rm_error *err)
{
	char set[128];
	struct item_new a = { set, 0, values, 0 };

	(void)part;
	*new_code = *new_part = NULL;
	if (norm_split(code, set, sizeof set, &a.version) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\""), code ? code : "");
	if (change_run(ctx->st, u, NULL, item_create_work, &a, err) != CHANGE_OK)
		return a.refused ? FORM_REFUSED : CHANGE_ERROR;
	*new_code = strdup(code);
	*new_part = strdup(values[I_CODE]);
	return *new_code && *new_part ? CHANGE_OK : rm_oom(err);
}

/* form_def.defaults of an item: its set and version, the group PART,
 * weight 1. */
static int item_defaults(const struct form_ctx *ctx, const char *code, const char *part,
			 char **values, struct rm_error *err)
{
	char set[128], v[16];
	int version;

	(void)ctx;
	if (norm_split(code, set, sizeof set, &version) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\""), code ? code : "");
	snprintf(v, sizeof v, "%d", version);
	values[I_SET] = strdup(set);
	values[I_VERSION] = strdup(v);
	values[I_WEIGHT] = strdup("1");
	if (part)
		values[I_GROUP] = strdup(part);
	return values[I_SET] && values[I_VERSION] && values[I_WEIGHT] && (!part || values[I_GROUP])
		       ? 0 : rm_oom(err);
}

const struct form_def norm_item_form_def = {
	.title = N_("norm item"),
	.fields = item_fields,
	.nfields = I_COUNT,
	.first = I_TEXT,
	.labels_above = 1,
	.missing_note = N_("This item is no longer there (deleted)."),
	.missing_save = N_("this item is no longer there: deleted meanwhile"),
	.load = item_load,
	.save = item_save,
	.free_data = free,
	.create = item_create,
	.defaults = item_defaults,
};
