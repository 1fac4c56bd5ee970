/* fviewpick.c - the form engine's lists: a field's value chosen from its
 * list (a reference in two steps: the kind of record, then the record)
 * and saved at once, a step of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/i18n.h"
#include "fview.h"

int fview_save_chosen(struct fview *f, struct ui *ui, size_t i, const char *expected,
		      const char *value)
{
	struct rm_error err = { 0, "" };
	int was_draft = f->draft, rc;

	rc = fview_save(f, ui, i, expected, *value ? value : NULL, NULL, &err);
	if (rc == CHANGE_CONFLICT) {
		ui_changed(ui);    /* theirs on the screen */
		ui_error(ui, _("%s; choose again if yours should stand"), err.msg);
		return rc;
	}
	if (rc == CHANGE_ERROR || rc == FORM_REFUSED) {
		if (was_draft)       /* kept in the new record's form: shown */
			ui_changed(ui);
		ui_error(ui, "%s", err.msg);
		return rc;
	}
	if (rc == CHANGE_OK && !was_draft)   /* (a new record's form said what it needs) */
		ui_message(ui, "%s", _("saved"));
	ui_changed(ui);
	return rc;
}

/* Choose among the entries of C that WANT says (indexes into C, N of
 * them), the cursor first on the one whose code is NOW (or, with KINDS,
 * the kind NOW is under).  Returns the entry's index in C, or -1. */
static int choose_among(struct ui *ui, const char *title, const struct form_choices *c,
			const size_t *idx, size_t n, const char *now, int kinds)
{
	const char **labels = calloc(n ? n : 1, sizeof *labels);
	size_t i, at = 0;
	int pick;

	if (!labels) {
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct form_choice *e = &c->v[idx[i]];

		labels[i] = e->label;
		if (strcmp(e->code, now) == 0)
			at = i;
		else if (kinds && e->holds && strncmp(now, e->code, strlen(e->code)) == 0 &&
			 now[strlen(e->code)] == ' ')
			at = i;
	}
	pick = ui_choose(ui, title, labels, n, at);
	free(labels);
	return pick < 0 ? -1 : (int)idx[pick];
}

/* The entries of C under kind UNDER (NULL: those of the first step), into
 * IDX (room for C->n); returns how many. */
static size_t entries_under(const struct form_choices *c, const char *under, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		if (under ? c->v[i].under && strcmp(c->v[i].under, under) == 0 : !c->v[i].under)
			idx[n++] = i;
	return n;
}

/* Two steps: a kind, then its record; Esc among the records goes back to
 * the kinds.  Returns the chosen entry of C, or -1. */
static int choose_two_steps(struct ui *ui, const char *title, const struct form_choices *c,
			    size_t *idx, const char *now)
{
	for (;;) {
		size_t n = entries_under(c, NULL, idx);
		int k = choose_among(ui, title, c, idx, n, now, 1), r;
		struct buf which = { 0 };

		if (k < 0 || !c->v[k].holds)
			return k;
		n = entries_under(c, c->v[k].code, idx);
		if (!n) {
			ui_error(ui, _("there is no %s yet; choose another kind"), c->v[k].label);
			now = c->v[k].code;
			continue;
		}
		buf_printf(&which, _("Which %s?"), c->v[k].label);
		r = choose_among(ui, which.s ? which.s : "", c, idx, n, now, 0);
		buf_free(&which);
		if (r >= 0)
			return r;
		now = c->v[k].code;   /* back to the kinds, on this one */
	}
}

int fview_choose_value(struct ui *ui, const struct form_ctx *ctx, const struct form_field *fld,
		       const char *title, const char *now, char **out)
{
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	size_t *idx = NULL, n;
	int pick = -1;

	*out = NULL;
	if (!fld->choices || fld->choices(fld, ctx, &c, &err) < 0 ||
	    !(idx = calloc(c.n ? c.n : 1, sizeof *idx))) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		form_choices_free(&c);
		return -1;
	}
	if (!title)
		title = _(fld->label);
	if (form_choices_two_step(&c)) {
		pick = choose_two_steps(ui, title, &c, idx, now ? now : "");
	} else {
		n = entries_under(&c, NULL, idx);
		pick = choose_among(ui, title, &c, idx, n, now ? now : "", 0);
	}
	if (pick >= 0 && !(*out = strdup(c.v[pick].code)))
		ui_error(ui, "%s", _("out of memory"));
	free(idx);
	form_choices_free(&c);
	return *out ? 0 : -1;
}

/* Enter on a field of many codes: the list stays open, each code chosen
 * put in or taken out (saved at once, a step of its own, or kept in a
 * new record's form), until Esc. */
static void choose_many(struct fview *f, struct ui *ui)
{
	const struct form_field *fld = f->slots[f->sel].fld;
	size_t sel = f->sel;
	char *pick = NULL, *now = NULL, *next = NULL;
	struct buf title = { 0 };
	int rc = CHANGE_OK;

	buf_printf(&title, _("%s (Enter: in or out; Esc: done)"), _(fld->label));
	/* the cursor first on the first code it holds */
	if ((now = fview_value(f, sel) ? strdup(fview_value(f, sel)) : NULL) && *now &&
	    !(pick = strndup(now, strcspn(now, " "))))
		rc = CHANGE_ERROR;
	while (rc == CHANGE_OK || rc == CHANGE_NONE || rc == TYPING_KEPT) {
		free(now);
		now = fview_value(f, sel) ? strdup(fview_value(f, sel)) : NULL;
		if (fview_choose_value(ui, fview_ctx(f), fld, title.s, pick, &next) < 0)
			break;
		free(pick);
		pick = next;
		if (form_list_toggle(now, pick, &next) < 0) {
			ui_error(ui, "%s", _("out of memory"));
			break;
		}
		rc = fview_save_chosen(f, ui, sel, now, next ? next : "");
		free(next);
		if (rc == CHANGE_OK)
			change_seal(&ui->undo);
		/* the record made (its form read anew), or the field gone */
		if (sel >= f->nslots || f->slots[sel].fld != fld)
			break;
	}
	buf_free(&title);
	free(pick);
	free(now);
}

void fview_choose(struct fview *f, struct ui *ui)
{
	const struct form_field *fld = f->slots[f->sel].fld;
	char *now, *pick;
	size_t sel = f->sel;

	if (fld->type == FIELD_CHOICES) {
		choose_many(f, ui);
		return;
	}
	now = fview_value(f, f->sel) ? strdup(fview_value(f, f->sel)) : NULL;
	if (fview_choose_value(ui, fview_ctx(f), fld, NULL, now, &pick) == 0 &&
	    strcmp(pick, now ? now : "") != 0 && fview_save_chosen(f, ui, sel, now, pick) == CHANGE_OK)
		change_seal(&ui->undo);
	free(pick);
	free(now);
}
