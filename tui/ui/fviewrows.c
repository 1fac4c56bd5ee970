/* fviewrows.c - the form engine's slots (where the cursor stops: the
 * record's fields, then each row of each group, field by field), finding
 * a slot again after the record is read anew, saving a slot through the
 * def or its group, and a group's rows added (its questions asked in
 * turn), deleted (after asking) and marked (Space). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "fview.h"

void fview_slots_free(struct fview *f)
{
	size_t i;

	for (i = 0; i < f->nslots; i++)
		free(f->slots[i].shown);
	free(f->slots);
	f->slots = NULL;
	f->nslots = 0;
}

/* The rows of group G as read (none when the record has no such group). */
static const struct form_rows *rows_of(const struct fview *f, size_t g)
{
	static const struct form_rows none = { NULL, 0, NULL };

	return g < f->rec.ngroups && f->rec.groups ? &f->rec.groups[g] : &none;
}

/* The value the record holds for slot S (NULL for none). */
static const char *slot_value(const struct fview *f, const struct fslot *s)
{
	if (!f->loaded)
		return NULL;
	if (s->group < 0)
		return s->field < f->rec.nvalues ? f->rec.values[s->field] : NULL;
	return rows_of(f, (size_t)s->group)->v[s->row].values[s->field];
}

/* Add slot S at F->slots[*N], its value as shown; -1 when out of memory. */
static int put_slot(struct fview *f, size_t *n, struct fslot s)
{
	char shown[8192];

	f->slots[*n] = s;
	if (s.fld->type != FIELD_TEXT) {
		form_shown(s.fld, fview_ctx(f), slot_value(f, &s), shown, sizeof shown);
		if (!(f->slots[*n].shown = strdup(shown)))
			return -1;
	}
	if (s.fld->type != FIELD_TEXT) {
		int w = text_width(s.label) + (s.group >= 0 ? 2 : 0);

		if (w > f->label_w)
			f->label_w = w;
	}
	(*n)++;
	return 0;
}

/* The slots of the rows of group G, from *N on. */
static int group_slots(struct fview *f, size_t g, size_t *n)
{
	const struct form_group *grp = &f->def->groups[g];
	const struct form_rows *rows = rows_of(f, g);
	size_t r, k;

	for (r = 0; r < rows->n; r++)
		for (k = 0; k < grp->nfields; k++) {
			const char *own = rows->v[r].label;
			struct fslot s = { &grp->fields[k], (int)g, r, k,
					   own && grp->nfields == 1 ? own : _(grp->fields[k].label),
					   NULL };

			if (put_slot(f, n, s) < 0)
				return -1;
		}
	return 0;
}

int fview_slots_build(struct fview *f)
{
	size_t n = f->def->nfields, g, i;
	int *first, *last;

	fview_slots_free(f);
	for (g = 0; g < f->def->ngroups; g++)
		n += rows_of(f, g)->n * f->def->groups[g].nfields;
	f->slots = calloc(n ? n : 1, sizeof *f->slots);
	first = realloc(f->first, (n ? n : 1) * sizeof *first);
	if (first)
		f->first = first;
	last = realloc(f->last, (n ? n : 1) * sizeof *last);
	if (last)
		f->last = last;
	if (!f->slots || !first || !last)
		return -1;
	memset(f->first, 0, (n ? n : 1) * sizeof *f->first);
	memset(f->last, 0, (n ? n : 1) * sizeof *f->last);
	f->label_w = 0;
	n = 0;
	for (i = 0; i < f->def->nfields; i++) {
		struct fslot s = { &f->def->fields[i], -1, 0, i,
				   _(i == 0 && f->rec.first_label ? f->rec.first_label
								  : f->def->fields[i].label), NULL };

		if (put_slot(f, &n, s) < 0)
			goto oom;
	}
	for (g = 0; g < f->def->ngroups; g++)
		if (group_slots(f, g, &n) < 0)
			goto oom;
	f->nslots = n;
	if (f->sel >= n)
		f->sel = n ? n - 1 : 0;
	return 0;
oom:
	f->nslots = n;
	fview_slots_free(f);
	return -1;
}

const char *fview_value(const struct fview *f, size_t i)
{
	return i < f->nslots ? slot_value(f, &f->slots[i]) : NULL;
}

const struct form_group *fview_group_of(const struct fview *f, size_t i)
{
	return i < f->nslots && f->slots[i].group >= 0 ? &f->def->groups[f->slots[i].group] : NULL;
}

/* The row of slot I (NULL for the record's own field). */
static const struct form_row *row_of(const struct fview *f, size_t i)
{
	const struct fslot *s = &f->slots[i];

	return i < f->nslots && s->group >= 0 ? &rows_of(f, (size_t)s->group)->v[s->row] : NULL;
}

int fview_place(const struct fview *f, size_t i, struct fplace *at)
{
	const struct form_row *row = row_of(f, i);

	memset(at, 0, sizeof *at);
	at->group = -2;          /* (no slot: names none) */
	if (i >= f->nslots)
		return 0;
	at->group = f->slots[i].group;
	at->field = f->slots[i].field;
	at->row = f->slots[i].row;
	if (row) {
		at->id = row->id;
		if (row->key && !(at->key = strdup(row->key)))
			return -1;
	}
	return 0;
}

void fview_place_free(struct fplace *at)
{
	free(at->key);
	at->key = NULL;
}

int fview_find(const struct fview *f, const struct fplace *at)
{
	size_t i;

	for (i = 0; i < f->nslots; i++) {
		const struct fslot *s = &f->slots[i];
		const struct form_row *row = row_of(f, i);

		if (s->group != at->group || s->field != at->field)
			continue;
		if (!row)
			return (int)i;
		if (at->key ? row->key && strcmp(row->key, at->key) == 0
			    : at->id ? row->id == at->id : s->row == at->row)
			return (int)i;
	}
	return -1;
}

void fview_row_span(const struct fview *f, size_t i, size_t *lo, size_t *hi)
{
	const struct form_group *g = fview_group_of(f, i);

	*lo = *hi = i;
	if (!g)
		return;
	*lo = i - f->slots[i].field;
	*hi = *lo + g->nfields - 1;
}

void fview_place_cursor(struct fview *f, const struct ui_place *at)
{
	size_t i;

	for (i = 0; (at->part || at->row) && i < f->nslots; i++) {
		const struct form_row *row = row_of(f, i);

		if (row && f->slots[i].field == 0 &&
		    (at->part ? row->key && strcmp(row->key, at->part) == 0 : row->id == at->row)) {
			f->sel = i;
			return;
		}
	}
}

/* A save changed what names the record (its code): load it by that. */
static void take_renamed(struct fview *f)
{
	if (f->rec.renamed_code) {
		free(f->code);
		f->code = f->rec.renamed_code;
		f->rec.renamed_code = NULL;
	}
	if (f->rec.renamed_part) {
		free(f->part);
		f->part = f->rec.renamed_part;
		f->rec.renamed_part = NULL;
	}
}

int fview_save(struct fview *f, struct ui *ui, size_t i, const char *expected, const char *value,
	       char **current, struct rm_error *err)
{
	const struct fslot *s = &f->slots[i];
	int rc;

	if (f->draft)
		return fview_draft_keep(f, ui, s->field, value, err);
	if (s->group < 0)
		rc = f->def->save(fview_ctx(f), &ui->undo, &f->rec, s->field, expected, value, current,
				  err);
	else
		rc = f->def->groups[s->group].save(fview_ctx(f), &ui->undo, &f->rec, (size_t)s->group,
						   s->row, s->field, expected, value, current, err);
	take_renamed(f);
	return rc;
}

const char *fview_mark(const struct fview *f, const struct ui *ui, size_t i)
{
	const struct form_group *g = fview_group_of(f, i);
	const struct form_row *row = row_of(f, i);
	const struct form_mark *m;

	if (!g || !g->marks || f->slots[i].field != 0)
		return NULL;
	for (m = g->marks; m->code; m++)
		if (row->values[g->mark_field] && strcmp(m->code, row->values[g->mark_field]) == 0)
			return ui->theme.ascii ? m->ascii : m->mark;
	return NULL;
}

/* Does S hold more than blanks? */
static int filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

/* A new row that could not be made (WHY; NULL: the program was told to
 * stop): its answers TYPED to the recovery file, the first as it is,
 * the others after their fields' labels. */
static void keep_answers(struct ui *ui, const struct form_group *g, char **typed, const char *why)
{
	struct buf kept = { 0 };
	size_t k;

	buf_puts(&kept, typed[0] ? typed[0] : "");
	for (k = 1; k < g->nasks; k++)
		if (filled(typed[k]))
			buf_printf(&kept, "\n%s: %s", _(g->fields[g->asks[k].field].label), typed[k]);
	if (kept.oom)
		ui_recover(ui, _(g->asks[0].prompt), typed[0]);
	else if (why)
		ui_recover_failed(ui, why, _(g->asks[0].prompt), kept.s);
	else
		ui_recover(ui, _(g->asks[0].prompt), kept.s);
	buf_free(&kept);
}

/* Ask G's questions in turn into TYPED (as typed) and VALUES (checked);
 * a question of a field with a list is chosen from it (its code kept as
 * typed).  Returns 0, or -1 when the user left one (a required one
 * empty, Esc). */
static int ask_row(struct fview *f, struct ui *ui, const struct form_group *g, char **typed,
		   char **values)
{
	size_t k;

	for (k = 0; k < g->nasks; k++) {
		const struct form_ask *a = &g->asks[k];
		const struct form_field *fld = &g->fields[a->field];
		char again[sizeof ((struct rm_error *)0)->msg + 512];
		const char *label = _(a->prompt);

		if (fld->type == FIELD_CHOICE) {
			if (fview_choose_value(ui, fview_ctx(f), fld, label, NULL, &typed[k]) < 0)
				return -1;
			values[a->field] = *typed[k] ? strdup(typed[k]) : NULL;
			continue;
		}
		for (;;) {
			struct rm_error err = { 0, "" };
			char *t = ui_prompt(ui, label, typed[k], UI_PROMPT_WORDS);

			free(typed[k]);
			typed[k] = t;
			if (!t || (fld->required && !filled(t)))
				return -1;
			free(values[a->field]);
			if (form_check(fld, fview_ctx(f), t, &values[a->field], &err) == 0)
				break;
			snprintf(again, sizeof again, "%s: %s", err.msg, _(a->prompt));
			label = a->again ? _(a->again) : again;
		}
	}
	return 0;
}

/* The group a new row goes to: the cursor's, else the first that adds. */
static int adding_group(const struct fview *f)
{
	const struct form_group *g = fview_group_of(f, f->sel);
	size_t i;

	if (g && g->add && g->nasks)
		return f->slots[f->sel].group;
	for (i = 0; i < f->def->ngroups; i++)
		if (f->def->groups[i].add && f->def->groups[i].nasks)
			return (int)i;
	return -1;
}

/* The cursor on the first field of the row of group G with id ID. */
static void go_to_row(struct fview *f, int g, sqlite3_int64 id)
{
	struct fplace at = { g, 0, NULL, id, 0 };
	int i = fview_find(f, &at);

	if (i >= 0) {
		f->sel = (size_t)i;
		f->scroll_for = -1;
	}
}

void fview_add_row(struct fview *f, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	int gi = adding_group(f);
	const struct form_group *g;
	char **typed, **values;
	sqlite3_int64 id = 0;
	size_t k;

	if (gi < 0)
		return;
	g = &f->def->groups[gi];
	typed = calloc(g->nasks, sizeof *typed);
	values = calloc(g->nfields, sizeof *values);
	if (!typed || !values) {
		ui_error(ui, "%s", _("out of memory"));
	} else if (ask_row(f, ui, g, typed, values) < 0) {
		/* stopped (hang-up, ^C) after the words were typed: kept */
		if (ui_stopping() && filled(typed[0]))
			keep_answers(ui, g, typed, NULL);
		else
			ui_message(ui, "%s", _("nothing added"));
	} else if (g->add(fview_ctx(f), &ui->undo, &f->rec, (size_t)gi, values, &id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		keep_answers(ui, g, typed, err.msg);
	} else {
		ui_changed(ui);
		go_to_row(f, gi, id);
		ui_message(ui, "%s", _("saved"));
	}
	for (k = 0; typed && k < g->nasks; k++)
		free(typed[k]);
	for (k = 0; values && k < g->nfields; k++)
		free(values[k]);
	free(typed);
	free(values);
}

/* What d says off the rows it deletes. */
static void delete_where(const struct fview *f, struct ui *ui)
{
	size_t i;

	for (i = 0; i < f->def->ngroups; i++)
		if (f->def->groups[i].remove && f->def->groups[i].delete_elsewhere) {
			ui_message(ui, "%s", _(f->def->groups[i].delete_elsewhere));
			return;
		}
}

/* FMT with its one "%s" replaced by S, into OUT (a def's msgid is no
 * format string the compiler can check). */
static void fill_in(char *out, size_t size, const char *fmt, const char *s)
{
	const char *at = strstr(fmt, "%s");

	if (!at)
		snprintf(out, size, "%s", fmt);
	else
		snprintf(out, size, "%.*s%s%s", (int)(at - fmt), fmt, s, at + 2);
}

void fview_delete_row(struct fview *f, struct ui *ui)
{
	const struct form_group *g = fview_group_of(f, f->sel);
	const struct form_row *row = row_of(f, f->sel);
	struct rm_error err = { 0, "" };
	char question[1024], key[64], shown[256];

	if (!g || !g->remove) {
		delete_where(f, ui);
		return;
	}
	text_truncate(shown, sizeof shown, row->values[0] ? row->values[0] : "", 50, 0,
		      ui->theme.ascii);
	fill_in(question, sizeof question, _(g->delete_question), shown);
	if (!ui_confirm(ui, question)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	if (g->remove(fview_ctx(f), &ui->undo, &f->rec, (size_t)f->slots[f->sel].group,
		      f->slots[f->sel].row, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		ui_changed(ui);
		return;
	}
	ui_changed(ui);
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	ui_message(ui, _("deleted; %s brings it back"), key);
}

int fview_toggle_mark(struct fview *f, struct ui *ui)
{
	const struct form_group *g = fview_group_of(f, f->sel);
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	const char *now;
	char *next;
	size_t lo, hi;

	if (!g || !g->marks)
		return 0;
	fview_row_span(f, f->sel, &lo, &hi);
	lo += g->mark_field;
	now = fview_value(f, lo);
	if (!g->fields[g->mark_field].choices ||
	    g->fields[g->mark_field].choices(&g->fields[g->mark_field], fview_ctx(f), &c, &err) < 0 ||
	    c.n < 2) {
		ui_error(ui, "%s", err.msg[0] ? err.msg : _("out of memory"));
		form_choices_free(&c);
		return 1;
	}
	next = strdup(c.v[now && strcmp(now, c.v[0].code) == 0 ? 1 : 0].code);
	form_choices_free(&c);
	if (next && fview_save_chosen(f, ui, lo, now, next) == CHANGE_OK)
		change_seal(&ui->undo);
	free(next);
	return 1;
}
