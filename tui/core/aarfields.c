/* aarfields.c - an AAR's fields as forms see them (form.h): its header
 * (title, date, what it reviews, facilitator, participants, tags) as a
 * form_def with its load and save, and the fields of a follow-up action.
 * The AAR screen checks what is typed through these; its sections and
 * its actions' rows are still its own (tui/ui/aarform.c) until the form
 * engine takes rows that repeat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/form.h"
#include "routemap/i18n.h"

enum { H_TITLE, H_DATE, H_SUBJECT, H_FACILITATOR, H_PARTICIPANTS, H_TAGS, H_COUNT };

/* What what the AAR reviews is stored as in a form: "KIND CODE" ("plan
 * KKN-CDC-2568", "objective KKN-CDC-2568/O1"), "event" for none. */
static const struct form_field head_fields[H_COUNT] = {
	[H_TITLE] = { "title", N_("title"), FIELD_LINE, 1, "aar.title", NULL, NULL, 2000 },
	[H_DATE] = { "date", N_("date"), FIELD_DATE, 1, "aar.date", NULL, NULL, 0 },
	[H_SUBJECT] = { "subject", N_("reviews"), FIELD_REFERENCE, 0, "aar.subject", NULL, NULL, 0 },
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

static const struct form_field action_fields[] = {
	{ "action", N_("action"), FIELD_LINE, 1, "aar_action.action", NULL, NULL, 2000 },
	{ "owner", N_("owner"), FIELD_LINE, 0, "aar_action.owner", NULL, NULL, 2000 },
	{ "due", N_("due"), FIELD_DATE, 0, "aar_action.due", NULL, NULL, 0 },
	{ "status", N_("status"), FIELD_CHOICE, 1, "aar_action.status", NULL, action_statuses, 0 },
};

const struct form_field *aar_field(const char *change)
{
	size_t i;

	for (i = 0; change && i < H_COUNT; i++)
		if (strcmp(head_fields[i].change, change) == 0)
			return &head_fields[i];
	for (i = 0; change && i < sizeof action_fields / sizeof action_fields[0]; i++)
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

/* The header of R into REC. */
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
	    copy(&rec->values[H_TAGS], r->tags) < 0 || copy(&rec->history_title, r->title) < 0)
		return -1;
	return 0;
}

/* form_def.load: CODE the AAR (PART unused). */
static int head_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	struct aar_record r;
	int rc;

	(void)part;
	memset(&r, 0, sizeof r);
	if (aar_load(ctx->st, ctx->cfg, code, &r, err) < 0) {
		aar_record_free(&r);
		return -1;
	}
	rc = head_record(ctx, rec, &r);
	aar_record_free(&r);
	if (rc < 0) {
		form_record_free(&aarhead_def, rec);
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

const struct form_def aarhead_def = {
	.title = N_("AAR record"),
	.fields = head_fields,
	.nfields = H_COUNT,
	.first = H_TITLE,
	.missing_note = N_("This AAR is no longer there (deleted, or its adding undone)."),
	.missing_save = N_("this field is no longer there: the AAR or the follow-up action was "
			   "deleted meanwhile"),
	.load = head_load,
	.save = head_save,
	.free_data = free,
};
