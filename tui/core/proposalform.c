/* proposalform.c - a proposal to change a norm set as a form (form.h):
 * the version it is proposed against, what it does (add, change, remove
 * an item), the item or the group, the text, evidence, weight and reason
 * proposed; where it came from, its status and the decision, shown.  A
 * new one starts from where it came from: an AAR's section or follow-up
 * action (its text proposed as a new item), a row of the success
 * factors (a change of that item), or a person. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

enum {
	P_SET, P_KIND, P_ITEM, P_GROUP, P_TEXT, P_EVIDENCE, P_WEIGHT, P_REASON, P_ORIGIN,
	P_STATUS, P_PROPOSED_BY, P_PROPOSED_ON, P_DECIDED_BY, P_DECIDED_ON, P_NOTE, P_COUNT
};

/* form_choices_fn: every version of every set, newest first, listed as
 * "CODE vN  TITLE", shown as "CODE vN", stored as "CODE@N". */
static int versions(const struct form_field *f, const struct form_ctx *ctx,
		    struct form_choices *out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, "SELECT code || '@' || version, code || ' v'"
					   " || version || '  ' || title, code || ' v' || version"
					   " FROM norm_set ORDER BY code, version DESC", err);
	int rc = SQLITE_DONE, bad = 0;

	(void)f;
	if (!stmt)
		return -1;
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		bad = form_choices_add(out, (const char *)sqlite3_column_text(stmt, 0),
				       (const char *)sqlite3_column_text(stmt, 1),
				       (const char *)sqlite3_column_text(stmt, 2)) < 0;
	return store_finish(ctx->st, stmt, rc, bad, err);
}

/* form_choices_fn: the codes of a table's field, named in words. */
static int coded(const char *field, const char *const *codes, struct form_choices *out,
		 struct rm_error *err)
{
	for (; *codes; codes++)
		if (form_choices_add(out, *codes, vocab_value("norm_proposal", field, *codes),
				     NULL) < 0)
			return rm_oom(err);
	return 0;
}

static int kinds(const struct form_field *f, const struct form_ctx *ctx,
		 struct form_choices *out, struct rm_error *err)
{
	static const char *const v[] = { "add", "change", "remove", NULL };

	(void)f;
	(void)ctx;
	return coded("kind", v, out, err);
}

static int statuses(const struct form_field *f, const struct form_ctx *ctx,
		    struct form_choices *out, struct rm_error *err)
{
	static const char *const v[] = { "proposed", "accepted", "rejected", "applied", NULL };

	(void)f;
	(void)ctx;
	return coded("status", v, out, err);
}

/* The version the form's record names ("SET@VERSION"), or NULL. */
static const char *chosen_set(const struct form_ctx *ctx)
{
	return ctx->rec && ctx->rec->nvalues > P_SET ? ctx->rec->values[P_SET] : NULL;
}

/* form_choices_fn: the items of the version chosen. */
static int items(const struct form_field *f, const struct form_ctx *ctx,
		 struct form_choices *out, struct rm_error *err)
{
	const char *set = chosen_set(ctx);
	sqlite3_stmt *stmt = store_prepare(ctx->st, "SELECT i.code, i.code || '  ' || i.text"
					   " FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
					   " JOIN norm_group g ON g.id = i.group_id"
					   " WHERE s.code || '@' || s.version = ?1"
					   " ORDER BY coalesce(g.position, g.id), g.id, coalesce(i.position, i.id), i.id", err);
	int rc;

	(void)f;
	if (!stmt)
		return -1;
	store_bind_text_or_null(stmt, 1, set);
	rc = form_choices_add(out, "", _("none"), NULL) < 0;
	while (!rc && sqlite3_step(stmt) == SQLITE_ROW)
		rc = form_choices_add(out, (const char *)sqlite3_column_text(stmt, 0),
				      (const char *)sqlite3_column_text(stmt, 1),
				      (const char *)sqlite3_column_text(stmt, 0)) < 0;
	return store_finish(ctx->st, stmt, SQLITE_DONE, rc, err);
}

/* form_choices_fn: the groups of the chosen version's grouping. */
static int groups(const struct form_field *f, const struct form_ctx *ctx,
		  struct form_choices *out, struct rm_error *err)
{
	const char *set = chosen_set(ctx);
	char grouping[64] = "";
	sqlite3_stmt *stmt;

	(void)f;
	if (set && sqlite3_prepare_v2(ctx->st->db, "SELECT grouping FROM norm_set"
				      " WHERE code || '@' || version = ?1", -1, &stmt,
				      NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, set, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(grouping, sizeof grouping, "%s", sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	return norm_groups(ctx->st, ctx->cfg, *grouping ? grouping : NULL, out, err);
}

static const struct form_field fields[P_COUNT] = {
	[P_SET] = { "set", N_("norm set"), FIELD_CHOICE, 1, "norm_proposal.set", NULL, versions, 0 },
	[P_KIND] = { "kind", N_("proposal"), FIELD_CHOICE, 1, "norm_proposal.kind", NULL, kinds, 0 },
	[P_ITEM] = { "item", N_("item"), FIELD_CHOICE, 0, "norm_proposal.item_code", NULL, items,
		     0 },
	[P_GROUP] = { "group", N_("group"), FIELD_CHOICE, 0, "norm_proposal.group_code", NULL,
		      groups, 0 },
	[P_TEXT] = { "text", N_("text"), FIELD_TEXT, 1, "norm_proposal.text", NULL, NULL, 4000 },
	[P_EVIDENCE] = { "evidence", N_("evidence"), FIELD_TEXT, 0, "norm_proposal.evidence", NULL,
			 NULL, 4000 },
	[P_WEIGHT] = { "weight", N_("weight"), FIELD_NUMBER, 0, "norm_proposal.weight",
		       form_weight_ok, NULL, 0 },
	[P_REASON] = { "reason", N_("reason"), FIELD_TEXT, 0, "norm_proposal.reason", NULL, NULL,
		       4000 },
	[P_ORIGIN] = { "origin", N_("from"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[P_STATUS] = { "status", N_("status"), FIELD_CHOICE, 0, NULL, NULL, statuses, 0 },
	[P_PROPOSED_BY] = { "proposed_by", N_("proposed by"), FIELD_READONLY, 0, NULL, NULL, NULL,
			    0 },
	[P_PROPOSED_ON] = { "proposed_on", N_("proposed on"), FIELD_DATE, 0, NULL, NULL, NULL, 0 },
	[P_DECIDED_BY] = { "decided_by", N_("decided by"), FIELD_READONLY, 0, NULL, NULL, NULL, 0 },
	[P_DECIDED_ON] = { "decided_on", N_("decided on"), FIELD_DATE, 0, NULL, NULL, NULL, 0 },
	[P_NOTE] = { "decision_note", N_("decision note"), FIELD_TEXT, 0,
		     "norm_proposal.decision_note", NULL, NULL, 4000 },
};

/* The first column of SQL's first row, ?1 bound to A and ?2 to B (text,
 * either NULL), into *OUT (malloc'd; NULL for no row).  0, or -1. */
static int read_text(const struct form_ctx *ctx, const char *sql, const char *a, const char *b,
		     char **out, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(ctx->st, sql, err);
	int rc, oom = 0;

	*out = NULL;
	if (!stmt)
		return -1;
	store_bind_text_or_null(stmt, 1, a);
	store_bind_text_or_null(stmt, 2, b);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = store_col_dup(stmt, 0, &oom);
		rc = SQLITE_DONE;
	}
	return store_finish(ctx->st, stmt, rc, oom, err);
}

/* "A/B" split at its last "/" into A (SIZE bytes) and *B; 0, or -1. */
static int split_last(const char *s, char *a, size_t size, const char **b)
{
	const char *slash = s ? strrchr(s, '/') : NULL;

	if (!slash || (size_t)(slash - s) >= size)
		return -1;
	memcpy(a, s, (size_t)(slash - s));
	a[slash - s] = '\0';
	*b = slash + 1;
	return 0;
}

/* Where a proposal came from, in words, into *OUT (malloc'd): FROM is
 * its origin's kind, a unit separator (31), and what there: an AAR's
 * "CODE/SECTION" names the section by its template's label, a set's
 * "CODE@N" reads "CODE version N".  0, or -1 with ERR. */
static int origin_words(const struct form_ctx *ctx, const char *from, char **out,
			struct rm_error *err)
{
	const char *sep = from ? strchr(from, 31) : NULL, *what = sep ? sep + 1 : "", *at;
	size_t klen = sep ? (size_t)(sep - from) : 0;
	struct buf b = { 0 };
	char head[160], *tmpl = NULL;

	if (sep && klen == 3 && strncmp(from, "aar", 3) == 0 &&
	    split_last(what, head, sizeof head, &at) == 0) {
		const struct cfg_template *t;
		const char *label;

		if (read_text(ctx, "SELECT template FROM aar WHERE code = ?1", head, NULL, &tmpl,
			      err) < 0)
			return -1;
		t = tmpl && ctx->cfg ? config_template(ctx->cfg, tmpl) : NULL;
		label = t ? config_label(&t->sections, at) : NULL;
		buf_printf(&b, _("AAR %s, section %s"), head, label ? label : at);
		free(tmpl);
	} else if (sep && klen == 3 && strncmp(from, "aar", 3) == 0)
		buf_printf(&b, _("AAR %s"), what);
	else if (sep && strncmp(from, "aar_action", klen) == 0 && klen == 10)
		buf_printf(&b, _("a follow-up action of AAR %s"), what);
	else if (sep && strncmp(from, "success", klen) == 0 && klen == 7 && (at = strrchr(what, '@')))
		buf_printf(&b, _("the success factors of %.*s version %s"), (int)(at - what), what,
			   at + 1);
	else if (sep && strncmp(from, "success", klen) == 0 && klen == 7)
		buf_printf(&b, _("the success factors of %s"), what);
	else
		buf_puts(&b, _("a person"));
	*out = buf_take(&b);
	return *out ? 0 : rm_oom(err);
}

/* form_def.load: CODE the proposal's row id. */
static int load(const struct form_ctx *ctx, const char *code, const char *part,
		struct form_record *rec, struct rm_error *err)
{
	sqlite3_int64 *id = calloc(1, sizeof *id);
	const char *args[1] = { code };
	char *origin = NULL;
	int rc;

	(void)part;
	if (!(rec->data = id))
		return rm_oom(err);
	rc = form_load_row(ctx,
		"SELECT p.id, s.code || '@' || s.version, p.kind, p.item_code, p.group_code, p.text,"
		" p.evidence, iif(p.weight IS NULL, NULL, printf('%.15g', p.weight)), p.reason,"
		" coalesce(p.origin_kind, 'person') || char(31) || coalesce(CASE p.origin_kind"
		"  WHEN 'aar_action' THEN (SELECT a.code || ': ' || x.action FROM aar_action x"
		"  JOIN aar a ON a.id = x.aar_id WHERE x.uid = p.origin) END, p.origin, ''),"
		" p.status, p.proposed_by, p.proposed_on, p.decided_by, p.decided_on,"
		" p.decision_note FROM norm_proposal p JOIN norm_set s ON s.id = p.set_id"
		" WHERE p.id = CAST(?1 AS INTEGER)", args, 1, P_COUNT, rec, id, err);
	if (rc == 0) {
		if (origin_words(ctx, rec->values[P_ORIGIN], &origin, err) < 0)
			rc = -1;
		free(rec->values[P_ORIGIN]);
		rec->values[P_ORIGIN] = origin;
		rec->history_table = "norm_proposal";
		rec->history_row = *id;
		if (rc == 0 && !(rec->history_title = malloc(32)))
			rc = rm_oom(err);
		else if (rc == 0)
			snprintf(rec->history_title, 32, "#%lld", (long long)*id);
	}
	if (rc != 0)
		form_record_free(&proposal_form_def, rec);
	return rc;
}

/* form_def.save: any field but those shown only, while not applied. */
static int save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		size_t field, const char *expected, const char *value, char **current,
		struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)rec->data;

	if (!fields[field].change || (rec->values[P_STATUS] &&
				      strcmp(rec->values[P_STATUS], "applied") == 0)) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("a proposal in a version already stays as it was applied"));
		return FORM_REFUSED;
	}
	if (field == P_KIND && value && strcmp(value, "add") != 0 &&
	    !(rec->values[P_ITEM] && *rec->values[P_ITEM])) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("choose the item it changes or removes first"));
		return FORM_REFUSED;
	}
	if (field == P_ITEM && !(value && *value) && rec->values[P_KIND] &&
	    strcmp(rec->values[P_KIND], "add") != 0) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s",
			_("a change or removal names its item; make it an addition first"));
		return FORM_REFUSED;
	}
	return change_field(ctx->st, u, fields[field].change, id, expected, value, current, err);
}

/* ---- a new proposal ---- */


/* Where a new proposal comes from (KIND and PART as defaults takes
 * them), in words, into *OUT (malloc'd).  0, or -1 with ERR. */
static int origin_shown(const struct form_ctx *ctx, const char *kind, const char *part,
			char **out, struct rm_error *err)
{
	struct buf b = { 0 };
	char *what = NULL;
	int rc = 0;

	if (strcmp(kind, "aar_action") == 0)
		rc = read_text(ctx, "SELECT a.code || ': ' || x.action FROM aar_action x JOIN aar a"
			       " ON a.id = x.aar_id WHERE x.id = CAST(?1 AS INTEGER)", part, NULL,
			       &what, err);
	else if (part)
		what = strndup(part, strcspn(part, " "));
	buf_printf(&b, "%s%c%s", kind, 31, what ? what : "");
	free(what);
	if (rc < 0 || b.oom) {
		buf_free(&b);
		return rc < 0 ? -1 : rm_oom(err);
	}
	rc = origin_words(ctx, b.s, out, err);
	buf_free(&b);
	return rc;
}

/* form_def.defaults: CODE the origin's kind, PART what there (lessons.h). */
static int defaults(const struct form_ctx *ctx, const char *code, const char *part,
		    char **values, struct rm_error *err)
{
	const char *kind = code ? code : "person", *what;
	char head[160];
	int rc = 0;

	if (strcmp(kind, "aar") == 0 && split_last(part, head, sizeof head, &what) == 0)
		rc = read_text(ctx, "SELECT s.text FROM aar_section s JOIN aar a ON a.id = s.aar_id"
			       " WHERE a.code = ?1 AND s.section = ?2", head, what, &values[P_TEXT],
			       err);
	else if (strcmp(kind, "aar_action") == 0)
		rc = read_text(ctx, "SELECT action FROM aar_action WHERE id = CAST(?1 AS INTEGER)",
			       part, NULL, &values[P_TEXT], err);
	else if (strcmp(kind, "success") == 0 && part && strchr(part, ' ')) {
		snprintf(head, sizeof head, "%.*s", (int)(strchr(part, ' ') - part), part);
		values[P_SET] = strdup(head);
		values[P_ITEM] = strdup(strchr(part, ' ') + 1);
		rc = read_text(ctx, "SELECT i.text FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
			       " WHERE s.code || '@' || s.version = ?1 AND i.code = ?2", head,
			       values[P_ITEM], &values[P_TEXT], err);
	} else if (part) {
		values[P_SET] = strdup(part);
	}
	if (rc == 0 && origin_shown(ctx, kind, part, &values[P_ORIGIN], err) < 0)
		return -1;
	values[P_KIND] = strdup(strcmp(kind, "success") == 0 ? "change" : "add");
	values[P_STATUS] = strdup("proposed");
	values[P_PROPOSED_BY] = strdup(ctx->st->user);
	if (rc < 0)
		return -1;
	return values[P_KIND] && values[P_STATUS] && values[P_PROPOSED_BY] ? 0 : rm_oom(err);
}

/* What a new proposal's work needs. */
struct proposal_new {
	const char *origin_kind, *origin, *by, *on;
	char *const *values;
	sqlite3_int64 id;
};

/* A new proposal's values stand: an addition names its group, a change
 * or removal an item of its version.  0, or -1 with ERR in words. */
static int new_ok(const struct form_ctx *ctx, char *const *values, struct rm_error *err)
{
	char *found = NULL;
	int add = strcmp(values[P_KIND], "add") == 0;

	if (add && !(values[P_GROUP] && *values[P_GROUP]))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("choose the group the new item goes in"));
	if (add)
		return 0;
	if (!(values[P_ITEM] && *values[P_ITEM]))
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("choose the item it changes or removes"));
	if (read_text(ctx, "SELECT i.code FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
		      " WHERE s.code || '@' || s.version = ?1 AND i.code = ?2", values[P_SET],
		      values[P_ITEM], &found, err) < 0)
		return -1;
	free(found);
	return found ? 0 : rm_fail(err, RM_EXIT_RUNTIME, _("%s has no item %s"), values[P_SET],
				  values[P_ITEM]);
}

static int create_work(struct store *st, void *arg, struct rm_error *err)
{
	struct proposal_new *a = arg;
	char *const *v = a->values;
	sqlite3_stmt *stmt = store_prepare(st,
		"INSERT INTO norm_proposal(set_id, kind, item_code, group_code, text, evidence,"
		" weight, reason, origin_kind, origin, proposed_by, proposed_on)"
		" SELECT s.id, ?2, nullif(?3, ''), nullif(?4, ''), ?5, ?6, CAST(?7 AS REAL), ?8, ?9,"
		" ?10, ?11, ?12 FROM norm_set s WHERE s.code || '@' || s.version = ?1 RETURNING id",
		err);
	int rc, i;

	if (!stmt)
		return CHANGE_ERROR;
	for (i = P_SET; i <= P_REASON; i++)
		store_bind_text_or_null(stmt, i + 1, v[i]);
	store_bind_text_or_null(stmt, 9, a->origin_kind);
	store_bind_text_or_null(stmt, 10, a->origin);
	store_bind_text_or_null(stmt, 11, a->by);
	store_bind_text_or_null(stmt, 12, a->on);
	rc = sqlite3_step(stmt);
	a->id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	return a->id ? CHANGE_OK : rm_fail(err, RM_EXIT_RUNTIME, _("no norm set \"%s\""), v[P_SET]);
}

/* The origin stored for a proposal from CODE and PART (see defaults):
 * an AAR's "CODE/SECTION", an action's uid, the version compared. */
static int origin_of(const struct form_ctx *ctx, const char *code, const char *part, char **out,
		     struct rm_error *err)
{
	*out = NULL;
	if (code && strcmp(code, "aar_action") == 0)
		return read_text(ctx, "SELECT uid FROM aar_action WHERE id = CAST(?1 AS INTEGER)",
				 part, NULL, out, err);
	if (code && strcmp(code, "success") == 0 && part && strchr(part, ' ')) {
		*out = strndup(part, (size_t)(strchr(part, ' ') - part));
		return *out ? 0 : rm_oom(err);
	}
	if (code && strcmp(code, "aar") == 0 && part && !(*out = strdup(part)))
		return rm_oom(err);
	return 0;
}

/* form_def.create: CODE and PART where it came from (see defaults). */
static int create(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		  const char *part, char *const *values, char **new_code, char **new_part,
		  struct rm_error *err)
{
	static const char *const kinds_known[] = { "aar", "aar_action", "success", NULL };
	struct proposal_new a = { "person", NULL, ctx->st->user, NULL, values, 0 };
	struct text_date today;
	char iso[16], *origin = NULL;
	size_t i;
	int rc;

	*new_code = *new_part = NULL;
	for (i = 0; code && kinds_known[i]; i++)
		if (strcmp(code, kinds_known[i]) == 0)
			a.origin_kind = kinds_known[i];
	if (new_ok(ctx, values, err) < 0)
		return FORM_REFUSED;
	if (origin_of(ctx, code, part, &origin, err) < 0)
		return CHANGE_ERROR;
	text_today(&today);
	text_format_iso(&today, iso, sizeof iso);
	a.origin = origin;
	a.on = iso;
	rc = change_run(ctx->st, u, NULL, create_work, &a, err);
	free(origin);
	if (rc != CHANGE_OK)
		return CHANGE_ERROR;
	if (!(*new_code = malloc(32)))
		return rm_oom(err);
	snprintf(*new_code, 32, "%lld", (long long)a.id);
	return CHANGE_OK;
}


const struct form_def proposal_form_def = {
	.title = N_("norm proposal"),
	.fields = fields,
	.nfields = P_COUNT,
	.first = P_SET,
	.labels_above = 0,
	.missing_note = N_("This proposal is no longer there (deleted)."),
	.missing_save = N_("this proposal is no longer there: deleted meanwhile"),
	.load = load,
	.save = save,
	.free_data = free,
	.create = create,
	.defaults = defaults,
};
