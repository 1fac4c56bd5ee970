/* aarfields.c - an AAR as a form (form.h): its header (title, date, what
 * it reviews, facilitator, participants, tags), the sections of its
 * template and its follow-up actions as groups of rows; the load and the
 * saves; and the fields CSV import checks AAR values with (aar_field). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"

enum { H_TITLE, H_DATE, H_SUBJECT, H_FACILITATOR, H_PARTICIPANTS, H_TAGS, H_COUNT };

/* "KIND CODE" (a kind's label, the code, the record's title) into *OUT. */
static int add_subjects(const struct form_ctx *ctx, const char *kind, struct form_choices *out,
			struct rm_error *err)
{
	struct aar_subject *v;
	size_t n, i;
	int rc = 0;

	if (aar_subjects(ctx->st, kind, &v, &n, err) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		struct buf code = { 0 }, label = { 0 }, shown = { 0 };

		buf_printf(&code, "%s %s", kind, v[i].code);
		buf_printf(&label, "%s  %s", v[i].code, v[i].title ? v[i].title : "");
		buf_printf(&shown, "%s %s  %s", aar_kind_label(kind), v[i].code,
			   v[i].title ? v[i].title : "");
		rc = code.oom || label.oom || shown.oom ||
		     form_choices_add_under(out, kind, code.s, label.s, shown.s) < 0 ? -1 : 0;
		buf_free(&code);
		buf_free(&label);
		buf_free(&shown);
	}
	aar_subjects_free(v, n);
	return rc < 0 ? rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory")) : 0;
}

/* form_choices_fn: what an AAR may review, in two steps: the kinds (a
 * plan, an objective, a project, an assessment), each with its records,
 * and an event, which names none. */
static int subject_choices(const struct form_field *f, const struct form_ctx *ctx,
			   struct form_choices *out, struct rm_error *err)
{
	size_t i;

	(void)f;
	for (i = 0; i < sizeof aar_kinds / sizeof aar_kinds[0]; i++) {
		const char *kind = aar_kinds[i];

		if (strcmp(kind, "event") == 0) {
			if (form_choices_add(out, kind, aar_kind_label(kind), NULL) < 0)
				return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
			continue;
		}
		if (form_choices_add_kind(out, kind, aar_kind_label(kind)) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		if (add_subjects(ctx, kind, out, err) < 0)
			return -1;
	}
	return 0;
}

/* What what the AAR reviews is stored as in a form: "KIND CODE" ("plan
 * KKN-CDC-2568", "objective KKN-CDC-2568/O1"), "event" for none. */
static const struct form_field head_fields[H_COUNT] = {
	[H_TITLE] = { "title", N_("title"), FIELD_LINE, 1, "aar.title", NULL, NULL, 2000 },
	[H_DATE] = { "date", N_("date"), FIELD_DATE, 1, "aar.date", NULL, NULL, 0 },
	[H_SUBJECT] = { "subject", N_("reviews"), FIELD_REFERENCE, 0, "aar.subject", NULL,
			subject_choices, 0 },
	[H_FACILITATOR] = { "facilitator", N_("facilitator"), FIELD_LINE, 0, "aar.facilitator", NULL,
			    NULL, 2000 },
	[H_PARTICIPANTS] = { "participants", N_("participants"), FIELD_LINE, 0, "aar.participants",
			     NULL, NULL, 2000 },
	/* saved whole by aar_set_tags, not by change_field */
	[H_TAGS] = { "tags", N_("tags"), FIELD_LINE, 0, "aar.tags", NULL, NULL, 2000 },
};

/* form_choices_fn: a follow-up action's statuses. */
static int action_statuses(const struct form_field *f, const struct form_ctx *ctx,
			   struct form_choices *out, struct rm_error *err)
{
	(void)f;
	(void)ctx;
	if (form_choices_add(out, "open", _("not done yet"), NULL) < 0 ||
	    form_choices_add(out, "done", _("done"), NULL) < 0 ||
	    form_choices_add(out, "dropped", _("dropped"), NULL) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return 0;
}

enum { A_ACTION, A_OWNER, A_DUE, A_STATUS, A_COUNT };

static const struct form_field action_fields[A_COUNT] = {
	[A_ACTION] = { "action", N_("action"), FIELD_LINE, 1, "aar_action.action", NULL, NULL, 2000 },
	[A_OWNER] = { "owner", N_("owner"), FIELD_LINE, 0, "aar_action.owner", NULL, NULL, 2000 },
	[A_DUE] = { "due", N_("due"), FIELD_DATE, 0, "aar_action.due", NULL, NULL, 0 },
	[A_STATUS] = { "status", N_("status"), FIELD_CHOICE, 1, "aar_action.status", NULL,
		       action_statuses, 0 },
};

/* A section's one field: its text (labelled by the template). */
static const struct form_field section_fields[] = {
	{ "text", N_("text"), FIELD_TEXT, 0, "aar_section.text", NULL, NULL, 100000 },
};

const struct form_field *aar_field(const char *change)
{
	size_t i;

	for (i = 0; change && i < H_COUNT; i++)
		if (strcmp(head_fields[i].change, change) == 0)
			return &head_fields[i];
	for (i = 0; change && i < A_COUNT; i++)
		if (strcmp(action_fields[i].change, change) == 0)
			return &action_fields[i];
	return NULL;
}

/* Copy S (NULL stays NULL) into *TO; 0, or -1 when out of memory. */
static int copy(char **to, const char *s)
{
	*to = s ? strdup(s) : NULL;
	return s && !*to ? -1 : 0;
}

/* The header of R into REC: its values, the line above them, what it is
 * about and its history. */
static int head_record(const struct form_ctx *ctx, struct form_record *rec,
		       const struct aar_record *r)
{
	sqlite3_int64 *id = malloc(sizeof *id);
	struct buf b = { 0 };

	rec->data = id;
	rec->values = calloc(H_COUNT, sizeof *rec->values);
	rec->lines = calloc(1, sizeof *rec->lines);
	if (!id || !rec->values || !rec->lines)
		return -1;
	*id = r->id;
	rec->nvalues = H_COUNT;
	rec->history_table = "aar";
	rec->history_row = r->id;
	if (r->subject)
		buf_printf(&b, "%s %s", r->subject_kind, r->subject);
	else
		buf_puts(&b, r->subject_kind ? r->subject_kind : "event");
	rec->values[H_SUBJECT] = b.s;
	b = (struct buf){ 0 };
	buf_printf(&b, "%s  ·  %s %s", r->code, _("template"),
		   config_template_title(ctx->cfg, r->template_name));
	rec->lines[0].text = b.s;
	rec->lines[0].style = FORM_LINE_DIM;
	rec->nlines = 1;
	if (!rec->values[H_SUBJECT] || !rec->lines[0].text ||
	    copy(&rec->values[H_TITLE], r->title) < 0 || copy(&rec->values[H_DATE], r->date) < 0 ||
	    copy(&rec->values[H_FACILITATOR], r->facilitator) < 0 ||
	    copy(&rec->values[H_PARTICIPANTS], r->participants) < 0 ||
	    copy(&rec->values[H_TAGS], r->tags) < 0 || copy(&rec->history_title, r->title) < 0 ||
	    copy(&rec->about_kind, r->subject ? r->subject_kind : NULL) < 0 ||
	    copy(&rec->about_code, r->subject) < 0 || copy(&rec->about_title, r->subject_title) < 0)
		return -1;
	return 0;
}

enum { G_SECTIONS, G_ACTIONS, G_COUNT };

static const struct form_group aar_groups[G_COUNT];

/* The sections of R as rows of REC: each its template's label, its key. */
static int section_rows(struct form_rows *rows, const struct aar_record *r)
{
	size_t i;

	for (i = 0; i < r->nsections; i++) {
		const struct aar_section *s = &r->sections[i];
		struct form_row *row = form_rows_add(&aar_groups[G_SECTIONS], rows);

		if (!row || copy(&row->label, s->label) < 0 || copy(&row->key, s->key) < 0 ||
		    copy(&row->values[0], s->text) < 0)
			return -1;
		row->id = s->id;
	}
	return 0;
}

/* The follow-up actions of R as rows, under a heading that counts those
 * not done yet. */
static int action_rows(struct form_rows *rows, const struct aar_record *r)
{
	struct buf b = { 0 };
	size_t i, open = 0;

	for (i = 0; i < r->nactions; i++) {
		const struct aar_followup *x = &r->actions[i];
		struct form_row *row = form_rows_add(&aar_groups[G_ACTIONS], rows);

		if (!row || copy(&row->values[A_ACTION], x->action) < 0 ||
		    copy(&row->values[A_OWNER], x->owner) < 0 ||
		    copy(&row->values[A_DUE], x->due) < 0 ||
		    copy(&row->values[A_STATUS], x->status) < 0)
			return -1;
		row->id = x->id;
		open += strcmp(x->status, "open") == 0;
	}
	buf_printf(&b, "%s  (%s: %zu / %zu)", _("Follow-up actions"), _("not done yet"), open,
		   r->nactions);
	rows->heading = b.s;
	return b.oom ? -1 : 0;
}

/* form_def.load: CODE the AAR (PART unused). */
static int aar_form_load(const struct form_ctx *ctx, const char *code, const char *part,
			 struct form_record *rec, struct rm_error *err)
{
	struct aar_record r;
	int rc;

	(void)part;
	rc = aar_load(ctx->st, ctx->cfg, code, &r, err);
	if (rc < 0) {
		aar_record_free(&r);
		return rc == AAR_MISSING ? FORM_MISSING : -1;
	}
	rc = head_record(ctx, rec, &r);
	if (rc == 0 && !(rec->groups = calloc(G_COUNT, sizeof *rec->groups)))
		rc = -1;
	if (rc == 0) {
		rec->ngroups = G_COUNT;
		rc = section_rows(&rec->groups[G_SECTIONS], &r) < 0 ||
		     action_rows(&rec->groups[G_ACTIONS], &r) < 0 ? -1 : 0;
	}
	aar_record_free(&r);
	if (rc < 0) {
		form_record_free(&aarform_def, rec);
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	return 0;
}

/* "KIND CODE" (or "KIND") into its parts: *KIND malloc'd, *CODE into it
 * (NULL for an event).  Returns 0, or -1 when out of memory. */
static int split_subject(const char *value, char **kind, const char **code)
{
	char *sp;

	*code = NULL;
	if (!(*kind = strdup(value && *value ? value : "event")))
		return -1;
	if ((sp = strchr(*kind, ' ')) != NULL) {
		*sp = '\0';
		*code = sp + 1;
	}
	return 0;
}

/* Change what the AAR reviews from EXPECTED to VALUE ("KIND CODE"). */
static int save_subject(const struct form_ctx *ctx, struct undo_log *u, sqlite3_int64 id,
			const char *expected, const char *value, struct rm_error *err)
{
	char *ekind = NULL, *kind = NULL;
	const char *ecode, *code;
	int rc;

	if (split_subject(expected, &ekind, &ecode) < 0 || split_subject(value, &kind, &code) < 0) {
		free(ekind);
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		return CHANGE_ERROR;
	}
	rc = aar_set_subject(ctx->st, u, id, ekind, ecode, kind, code, err);
	free(ekind);
	free(kind);
	return rc;
}

/* form_def.save: the tags whole, what it reviews through aar_set_subject,
 * the rest through change_field. */
static int head_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)rec->data;

	switch (field) {
	case H_TAGS:
		return aar_set_tags(ctx->st, u, id, expected, value, err);
	case H_SUBJECT:
		return save_subject(ctx, u, id, expected, value, err);
	default:
		return change_field(ctx->st, u, head_fields[field].change, id, expected, value, current,
				    err);
	}
}

/* form_group.save of the sections: the first save makes the section's
 * row, in the same step. */
static int section_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
			size_t group, size_t row, size_t field, const char *expected,
			const char *value, char **current, struct rm_error *err)
{
	struct form_row *r = &rec->groups[group].v[row];

	(void)field;
	return aar_section_save(ctx->st, u, *(sqlite3_int64 *)rec->data, r->key, &r->id, expected,
				value ? value : "", current, err);
}

/* form_group.save of the follow-up actions. */
static int action_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		       size_t group, size_t row, size_t field, const char *expected,
		       const char *value, char **current, struct rm_error *err)
{
	return change_field(ctx->st, u, action_fields[field].change, rec->groups[group].v[row].id,
			    expected, value, current, err);
}

/* form_group.add: an open follow-up action of its text, owner, due date. */
static int action_add(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		      size_t group, char *const *values, sqlite3_int64 *id, struct rm_error *err)
{
	(void)group;
	return aar_action_add(ctx->st, u, *(sqlite3_int64 *)rec->data, values[A_ACTION],
			      values[A_OWNER], values[A_DUE], id, err);
}

/* form_group.remove: one follow-up action. */
static int action_remove(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
			 size_t group, size_t row, struct rm_error *err)
{
	return aar_action_delete(ctx->st, u, rec->groups[group].v[row].id, err);
}

static const struct form_mark action_marks[] = {
	{ "open", "[ ]", "[ ]" },
	{ "done", "[✓]", "[y]" },
	{ "dropped", "[-]", "[-]" },
	{ NULL, NULL, NULL },
};

static const struct form_ask action_asks[] = {
	{ A_ACTION, N_("Follow-up action: "), NULL },
	{ A_OWNER, N_("Who will do it (Enter for nobody yet): "), NULL },
	{ A_DUE, N_("Due date, e.g. 31/3/2569 (Enter for none): "),
	  N_("Not a date. Due date as 31/3/2569 or 31 มี.ค. 2569 (Enter for none): ") },
};

static const struct form_group aar_groups[G_COUNT] = {
	[G_SECTIONS] = {
		.name = "sections",
		.fields = section_fields,
		.nfields = 1,
		.save = section_save,
	},
	[G_ACTIONS] = {
		.name = "actions",
		.title = N_("Follow-up actions"),
		.fields = action_fields,
		.nfields = A_COUNT,
		.marks = action_marks,
		.mark_field = A_STATUS,
		.save = action_save,
		.asks = action_asks,
		.nasks = sizeof action_asks / sizeof action_asks[0],
		.add = action_add,
		.remove = action_remove,
		.delete_question = N_("Delete the follow-up action \"%s\"?"),
		.delete_elsewhere = N_("d deletes a follow-up action: move to one first (a whole AAR "
				       "is deleted in the AAR list)"),
	},
};

/* form_def.on_key: c on a section or a follow-up action proposes its
 * text as a new norm item (a proposal's form, lessons.h). */
static int aar_on_key(const struct form_ctx *ctx, const struct form_record *rec,
		      enum action action, int group, size_t row, struct form_goto *go,
		      struct rm_error *err)
{
	const struct form_row *r;
	struct buf b = { 0 };

	if (action != ACT_PROPOSE || group < 0 || (size_t)group >= rec->ngroups ||
	    row >= rec->groups[group].n)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("c proposes a norm change from a section or a follow-up action: "
				 "move the cursor to one"));
	r = &rec->groups[group].v[row];
	if (!r->id || !r->values[0] || !*r->values[0])
		return rm_fail(err, RM_EXIT_RUNTIME, "%s",
			       _("this is empty: write the lesson first, then c proposes it"));
	if (group == G_SECTIONS)
		buf_printf(&b, "%s/%s", ctx->code, r->key ? r->key : "");
	else
		buf_printf(&b, "%lld", (long long)r->id);
	go->form = &proposal_form_def;
	go->part = buf_take(&b);
	go->code = strdup(group == G_SECTIONS ? "aar" : "aar_action");
	return go->code && go->part ? 1 : rm_oom(err);
}

static const enum action aar_keys[] = { ACT_PROPOSE, ACT_COUNT };

const struct form_def aarform_def = {
	.title = N_("AAR record"),
	.fields = head_fields,
	.nfields = H_COUNT,
	.first = H_TITLE,
	.missing_note = N_("This AAR is no longer there (deleted, or its adding undone)."),
	.missing_save = N_("this field is no longer there: the AAR or the follow-up action was "
			   "deleted meanwhile"),
	.load = aar_form_load,
	.save = head_save,
	.free_data = free,
	.groups = aar_groups,
	.ngroups = G_COUNT,
	.keys = aar_keys,
	.on_key = aar_on_key,
};
