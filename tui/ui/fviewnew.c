/* fviewnew.c - a new record in the form engine.  The form opens with the
 * def's defaults; what is typed or chosen is kept in the form (not yet in
 * the database) until every required field has a value, and then the def
 * makes the record in one step (undoable as one), and the form goes on as
 * a form of that record, saving each field as it is left.  Until then a
 * field typed in is kept only when it is left, never at rest: a code
 * half typed must not make the record.  Leaving before
 * the record is made asks first, and whatever was filled in goes to the
 * recovery file, as typing does: nobody loses words to a form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/i18n.h"
#include "fview.h"

/* The labels of the required fields still empty, joined by ", " (Thai
 * has no "and" list style of its own here), into B. */
static void missing_labels(const struct fview *f, struct buf *b)
{
	size_t i;

	for (i = 0; i < f->def->nfields; i++) {
		const struct form_field *fld = &f->def->fields[i];

		if (fld->required && !(f->rec.values[i] && *f->rec.values[i]))
			buf_printf(b, "%s%s", b->len ? ", " : "", _(fld->label));
	}
}

/* The line above the fields: a new record, and what it still needs. */
static int draft_line(struct fview *f)
{
	struct buf b = { 0 }, need = { 0 };

	missing_labels(f, &need);
	if (need.len)
		buf_printf(&b, _("new %s, not saved yet: it is saved as soon as %s are filled in"),
			   _(f->def->title), need.s);
	else
		buf_printf(&b, _("new %s, not saved yet"), _(f->def->title));
	buf_free(&need);
	if (b.oom) {
		buf_free(&b);
		return -1;
	}
	if (!f->rec.lines && !(f->rec.lines = calloc(1, sizeof *f->rec.lines))) {
		buf_free(&b);
		return -1;
	}
	free(f->rec.lines[0].text);
	f->rec.lines[0].text = buf_take(&b);
	f->rec.lines[0].style = FORM_LINE_DIM;
	f->rec.nlines = 1;
	return 0;
}

int fview_draft_start(struct fview *f, struct ui *ui)
{
	struct rm_error err = { 0, "" };

	f->draft = 1;
	f->rec.nvalues = f->def->nfields;
	if (!(f->rec.values = calloc(f->def->nfields ? f->def->nfields : 1,
				     sizeof *f->rec.values))) {
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	if (f->def->defaults &&
	    f->def->defaults(fview_ctx(f), f->code, f->part, f->rec.values, &err) < 0) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		return -1;
	}
	if (draft_line(f) < 0) {
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	f->loaded = 1;
	return 0;
}

/* Every required field has a value. */
static int complete(const struct fview *f)
{
	size_t i;

	for (i = 0; i < f->def->nfields; i++)
		if (f->def->fields[i].required && !(f->rec.values[i] && *f->rec.values[i]))
			return 0;
	return 1;
}

/* Make the record from the values kept; on success the form is the
 * record's.  Returns a change_result (ERR says why on CHANGE_ERROR). */
static int make_record(struct fview *f, struct ui *ui, struct rm_error *err)
{
	char *code = NULL, *part = NULL;
	int rc;

	rc = f->def->create(fview_ctx(f), &ui->undo, f->code, f->part, f->rec.values, &code, &part,
			    err);
	if (rc != CHANGE_OK) {
		free(code);
		free(part);
		return rc == CHANGE_CONFLICT ? CHANGE_ERROR : rc;
	}
	change_seal(&ui->undo);     /* later saves are steps of their own */
	free(f->code);
	free(f->part);
	f->code = code;
	f->part = part;
	form_record_free(f->def, &f->rec);
	f->loaded = 0;
	f->draft = 0;
	return CHANGE_OK;
}

int fview_draft_keep(struct fview *f, struct ui *ui, size_t field, const char *stored,
		     struct rm_error *err)
{
	char *copy = NULL;
	int rc;

	if (stored && !(copy = strdup(stored))) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		return CHANGE_ERROR;
	}
	free(f->rec.values[field]);
	f->rec.values[field] = copy;
	f->typed_any = 1;
	if (!complete(f)) {
		draft_line(f);
		ui_message(ui, "%s", f->rec.lines[0].text);
		return TYPING_KEPT;   /* in the form, not in the database: not "saved" */
	}
	if (!f->def->create) {
		rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this form cannot make a new record"));
		return CHANGE_ERROR;
	}
	rc = make_record(f, ui, err);
	if (rc == CHANGE_OK)
		ui_message(ui, _("%s saved; each field is now saved as you leave it"),
			   _(f->def->title));
	return rc;
}

/* The values filled in, one "label: value" line each, into B. */
static void filled_in(const struct fview *f, struct buf *b)
{
	size_t i;

	for (i = 0; i < f->def->nfields; i++)
		if (f->rec.values[i] && *f->rec.values[i])
			buf_printf(b, "%s: %s\n", _(f->def->fields[i].label), f->rec.values[i]);
}

void fview_draft_abandon(struct fview *f, struct ui *ui)
{
	struct buf b = { 0 };
	char what[200];

	if (!f->draft || !f->loaded || !f->typed_any)
		return;
	filled_in(f, &b);
	snprintf(what, sizeof what, _("new %s, not saved"), _(f->def->title));
	if (!b.oom && b.len)
		ui_recover(ui, what, b.s);
	buf_free(&b);
	f->typed_any = 0;
}

int fview_draft_leave(struct fview *f, struct ui *ui)
{
	struct buf need = { 0 };
	char q[600];

	if (!f->draft || !f->typed_any)
		return 0;
	missing_labels(f, &need);
	snprintf(q, sizeof q, _("The new %s is not saved: %s still empty. Leave it?"),
		 _(f->def->title), need.s ? need.s : "");
	buf_free(&need);
	if (!ui_confirm(ui, q))
		return 1;            /* stays */
	fview_draft_abandon(f, ui);
	return 0;
}
