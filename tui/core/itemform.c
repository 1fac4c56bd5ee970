/* itemform.c - one checklist item as a form (form.h): its status, the
 * unit's note, then its support requests (supportform.c: what is needed,
 * from whom, under which support frame, the baht asked, the answer).
 * The field table, loading and saving the item's entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/domain.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/support.h"
#include "routemap/vocab.h"

/* What the form keeps of the item: whose entry it saves into (first, as
 * the support requests' group reads it), and how it is answered. */
struct itemrec {
	struct support_item s;
	int levels;      /* its set is answered in levels (PMQA): the first
			  * field is the level */
};

static const char *status_label(enum entry_status s)
{
	switch (s) {
	case STATUS_MET:
		return _("met");
	case STATUS_PARTIAL:
		return _("partly");
	case STATUS_NOT_MET:
		return _("not met");
	case STATUS_NA:
		return _("not applicable");
	default:
		return _("not answered yet");
	}
}

/* form_choices_fn: the statuses, "not answered yet" first. */
static int statuses(const struct form_field *f, const struct form_ctx *ctx,
		    struct form_choices *out, struct rm_error *err)
{
	int i;

	(void)f;
	if (ctx->rec && ctx->rec->data && ((const struct itemrec *)ctx->rec->data)->levels) {
		for (i = -1; i <= 3; i++)
			if (form_choices_add(out, level_value(i) ? level_value(i) : "",
					     level_value(i) ? vocab_value("assessment_entry", "level",
									  level_value(i))
							    : status_label(STATUS_NONE), NULL) < 0)
				return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		return 0;
	}
	for (i = STATUS_NONE; i <= STATUS_NA; i++)
		if (form_choices_add(out, entry_status_name((enum entry_status)i),
				     status_label((enum entry_status)i), NULL) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return 0;
}

static const struct form_field item_fields[] = {
	{ "status", N_("status"), FIELD_CHOICE, 0, "assessment_entry.status", NULL, statuses, 0 },
	{ "note", N_("note"), FIELD_TEXT, 0, "assessment_entry.note", NULL, NULL, 4000 },
};

#define NFIELDS (sizeof item_fields / sizeof item_fields[0])

/* Copy S (NULL stays NULL) into *TO; 0, or -1 when out of memory. */
static int copy(char **to, const char *s)
{
	*to = s ? strdup(s) : NULL;
	return s && !*to ? -1 : 0;
}

/* REC's lines above the fields: the item's code and text, its evidence. */
static int item_lines(struct form_record *rec, const struct check_item *it)
{
	struct buf b = { 0 };

	if (!(rec->lines = calloc(2, sizeof *rec->lines)))
		return -1;
	buf_printf(&b, "%s  %s", it->code, it->text);
	rec->lines[rec->nlines].style = FORM_LINE_HEADING;
	rec->lines[rec->nlines++].text = b.s;
	if (b.oom)
		return -1;
	if (it->evidence) {
		struct buf e = { 0 };

		buf_printf(&e, "%s %s", _("evidence:"), it->evidence);
		rec->lines[rec->nlines].style = FORM_LINE_DIM;
		rec->lines[rec->nlines++].text = e.s;
		if (e.oom)
			return -1;
	}
	return 0;
}

/* The item IT of assessment A into REC. */
static int item_record(struct form_record *rec, const struct assessment *a,
		       const struct check_item *it)
{
	struct itemrec *d = calloc(1, sizeof *d);

	rec->data = d;
	rec->values = calloc(NFIELDS, sizeof *rec->values);
	rec->groups = calloc(1, sizeof *rec->groups);
	if (!d || !rec->values || !rec->groups)
		return -1;
	rec->nvalues = NFIELDS;
	rec->ngroups = 1;
	d->s.assessment = a->id;
	d->s.item = it->id;
	d->s.entry = it->entry;
	d->levels = a->levels;
	rec->first_label = a->levels ? N_("PMQA level") : NULL;
	rec->history_table = "assessment_entry";
	rec->history_row = it->entry;
	if (copy(&rec->values[0], a->levels ? level_value(it->level)
					     : entry_status_name(it->status)) < 0 ||
	    copy(&rec->values[1], it->note) < 0 || copy(&rec->history_title, it->code) < 0)
		return -1;
	return item_lines(rec, it);
}

/* form_def.load: CODE the assessment, PART the item's code. */
static int item_load(const struct form_ctx *ctx, const char *code, const char *part,
		     struct form_record *rec, struct rm_error *err)
{
	struct assessment a;
	size_t i;
	int rc;

	rc = assessment_load(ctx->st, ctx->cfg, code, &a, err);
	if (rc == ASSESSMENT_MISSING)
		return FORM_MISSING;
	if (rc < 0)
		return -1;
	for (i = 0; i < a.nitems; i++)
		if (strcmp(a.items[i].code, part) == 0)
			break;
	if (i == a.nitems) {
		assessment_free(&a);
		rm_fail(err, RM_EXIT_RUNTIME, _("no item \"%s\" in this checklist"), part);
		return FORM_MISSING;
	}
	rc = item_record(rec, &a, &a.items[i]);
	assessment_free(&a);
	if (rc < 0) {
		form_record_free(&itemform_def, rec);
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		return -1;
	}
	if (support_rows_load(ctx, ((struct support_item *)rec->data)->entry, &rec->groups[0],
			      err) < 0) {
		form_record_free(&itemform_def, rec);
		return -1;
	}
	return 0;
}

/* form_def.save: into the item's entry, made in the same step when the
 * item has none yet. */
static int item_save(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		     size_t field, const char *expected, const char *value, char **current,
		     struct rm_error *err)
{
	struct itemrec *d = rec->data;
	sqlite3_int64 entry = 0;
	int rc;

	rc = change_entry_field(ctx->st, u, d->s.assessment, d->s.item,
				field == 0 && d->levels ? "assessment_entry.level"
							: item_fields[field].change,
				expected, value, current, &entry, err);
	if (entry)
		rec->history_row = d->s.entry = entry;
	return rc;
}

const struct form_def itemform_def = {
	.title = N_("checklist item"),
	.fields = item_fields,
	.nfields = NFIELDS,
	.first = 1,   /* the note: the status has its keys on the checklist */
	.labels_above = 1,
	.missing_note = N_("This item is no longer there (its assessment was deleted)."),
	.missing_save = N_("this item is no longer there: its assessment was deleted meanwhile"),
	.load = item_load,
	.save = item_save,
	.free_data = free,
	.groups = &support_request_group,
	.ngroups = 1,
};
