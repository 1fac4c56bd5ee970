/* form.c - what every form shares below the screen: the checks of a value
 * by its field's type (dates, numbers with Thai digits, choices, required),
 * in the words the CSV import uses, and how a stored value reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/form.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

void form_choices_free(struct form_choices *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].code);
		free(c->v[i].label);
		free(c->v[i].shown);
		free(c->v[i].under);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

/* Append an entry (the strings copied; SHOWN and UNDER may be NULL). */
static int add_entry(struct form_choices *c, const char *under, int holds, const char *code,
		     const char *label, const char *shown)
{
	struct form_choice *v = realloc(c->v, (c->n + 1) * sizeof *v), *e;

	if (!v)
		return -1;
	c->v = v;
	e = &v[c->n];
	e->code = strdup(code);
	e->label = strdup(label);
	e->shown = shown ? strdup(shown) : NULL;
	e->under = under ? strdup(under) : NULL;
	e->holds = holds;
	if (!e->code || !e->label || (shown && !e->shown) || (under && !e->under)) {
		free(e->code);
		free(e->label);
		free(e->shown);
		free(e->under);
		return -1;
	}
	c->n++;
	return 0;
}

int form_choices_add(struct form_choices *c, const char *code, const char *label,
		     const char *shown)
{
	return add_entry(c, NULL, 0, code, label, shown);
}

int form_choices_add_kind(struct form_choices *c, const char *code, const char *label)
{
	return add_entry(c, NULL, 1, code, label, NULL);
}

int form_choices_add_under(struct form_choices *c, const char *under, const char *code,
			   const char *label, const char *shown)
{
	return add_entry(c, under, 0, code, label, shown);
}

int form_choices_two_step(const struct form_choices *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].holds)
			return 1;
	return 0;
}

/* Does S hold more than blanks? */
static int filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

/* "a, b or c" from the codes of C, into OUT. */
static void or_codes(const struct form_choices *c, char *out, size_t size)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < c->n && o + 1 < size; i++) {
		if (!*c->v[i].code || c->v[i].holds)
			continue;
		if (o)
			/* TRANSLATORS: the last separator of a list "a, b or c". */
			o += (size_t)snprintf(out + o, size - o, "%s",
					      i + 1 == c->n ? _(" or ") : ", ");
		if (o < size)
			o += (size_t)snprintf(out + o, size - o, "%s", c->v[i].code);
	}
}

/* TYPED must be one of F's codes. */
static int check_choice(const struct form_field *f, const struct form_ctx *ctx, const char *typed,
			struct rm_error *err)
{
	struct form_choices c = { NULL, 0 };
	char q[200], allowed[256];
	size_t i;

	if (!f->choices)
		return 0;
	if (f->choices(f, ctx, &c, err) < 0)
		return -1;
	for (i = 0; i < c.n; i++)
		if (!c.v[i].holds && strcmp(c.v[i].code, typed) == 0) {
			form_choices_free(&c);
			return 0;
		}
	if (form_choices_two_step(&c)) {
		/* records by the hundred: the form of one, not all of them */
		for (i = 0; i < c.n && !c.v[i].under; i++)
			;
		snprintf(allowed, sizeof allowed, "%s", i < c.n ? c.v[i].code : "");
		form_choices_free(&c);
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("%s names no record that can be chosen here; expected a kind and "
				 "a code such as %s"),
			       escape_shown(typed, q, sizeof q), allowed);
	}
	or_codes(&c, allowed, sizeof allowed);
	form_choices_free(&c);
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s is not allowed; expected %s"),
		       escape_shown(typed, q, sizeof q), allowed);
}

/* The blanks between a FIELD_CHOICES' codes. */
#define BLANKS " \t\n"

int form_list_has(const char *list, const char *code)
{
	size_t n = strlen(code);

	while (list && n && *(list += strspn(list, BLANKS))) {
		size_t len = strcspn(list, BLANKS);

		if (len == n && strncmp(list, code, n) == 0)
			return 1;
		list += len;
	}
	return 0;
}

int form_list_toggle(const char *list, const char *code, char **out)
{
	struct buf b = { 0 };
	int in = form_list_has(list, code);

	while (list && *(list += strspn(list, BLANKS))) {
		size_t len = strcspn(list, BLANKS);

		if (!(len == strlen(code) && strncmp(list, code, len) == 0)) {
			if (b.len)
				buf_puts(&b, " ");
			buf_add(&b, list, len);
		}
		list += len;
	}
	if (!in && *code)
		buf_printf(&b, "%s%s", b.len ? " " : "", code);
	if (b.oom) {
		buf_free(&b);
		*out = NULL;
		return -1;
	}
	*out = b.len ? buf_take(&b) : NULL;
	buf_free(&b);
	return 0;
}

/* TYPED, codes of F's list, checked one by one into *STORED (malloc'd,
 * single spaces between them, each once). */
static int check_codes(const struct form_field *f, const struct form_ctx *ctx, const char *typed,
		       char **stored, struct rm_error *err)
{
	struct buf b = { 0 };
	char code[200];

	while (*(typed += strspn(typed, BLANKS))) {
		size_t len = strcspn(typed, BLANKS);

		snprintf(code, sizeof code, "%.*s", (int)len, typed);
		typed += len;
		if (check_choice(f, ctx, code, err) < 0) {
			buf_free(&b);
			return -1;
		}
		if (!form_list_has(b.s, code))
			buf_printf(&b, "%s%s", b.len ? " " : "", code);
	}
	if (b.oom || !(*stored = buf_take(&b))) {
		buf_free(&b);
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	}
	return 0;
}

/* TYPED by F's type, into *STORED (malloc'd). */
static int check_typed(const struct form_field *f, const struct form_ctx *ctx, const char *typed,
		       char **stored, struct rm_error *err)
{
	struct text_date d;
	char q[200], buf[400];
	double v;

	switch (f->type) {
	case FIELD_DATE:
		if (text_parse_date(typed, &d) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, _("%s is not a date: %s"),
				       escape_shown(typed, q, sizeof q), text_date_forms());
		text_format_iso(&d, buf, sizeof buf);
		break;
	case FIELD_NUMBER:
		/* commas only between thousands ("12,500"), as baht are written */
		if (strchr(typed, ',') ? text_parse_baht(typed, &v) < 0 : text_parse_number(typed, &v) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: expected a number such as 73.5 (Thai digits allowed)"),
				       escape_shown(typed, q, sizeof q));
		if (!strchr(typed, ',') && !text_number_exact(typed, v))
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: more digits than can be kept exactly (about 15 significant "
					 "digits); round it"), escape_shown(typed, q, sizeof q));
		text_format_number(v, buf, sizeof buf);
		break;
	case FIELD_CHOICES:
		return check_codes(f, ctx, typed, stored, err);
	case FIELD_CHOICE:
	case FIELD_REFERENCE:
		if (check_choice(f, ctx, typed, err) < 0)
			return -1;
		snprintf(buf, sizeof buf, "%s", "");
		break;
	case FIELD_READONLY:
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this field cannot be changed here"));
	default:
		buf[0] = '\0';
		break;
	}
	*stored = strdup(buf[0] ? buf : typed);
	if (!*stored)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
	return 0;
}

/* The characters (code points) of S, as the typing widget counts them
 * against a field's max_chars. */
static size_t code_points(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int form_check(const struct form_field *f, const struct form_ctx *ctx, const char *typed,
	       char **stored, struct rm_error *err)
{
	*stored = NULL;
	if (f->type == FIELD_READONLY || !f->change)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("this field cannot be changed here"));
	if (!filled(typed)) {
		if (f->required)
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("a value is required here"));
		/* free text keeps its blanks as typed; the other kinds hold none */
		if ((f->type == FIELD_LINE || f->type == FIELD_TEXT) && typed && *typed &&
		    !(*stored = strdup(typed)))
			return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
		return 0;
	}
	if (f->max_chars && code_points(typed) > f->max_chars)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%zu characters: at most %zu fit here"),
			       code_points(typed), f->max_chars);
	if (check_typed(f, ctx, typed, stored, err) < 0)
		return -1;
	if (f->validate && f->validate(f, ctx, *stored, err) < 0) {
		free(*stored);
		*stored = NULL;
		return -1;
	}
	return 0;
}

const struct form_field *form_field_named(const struct form_def *def, const char *name)
{
	size_t i;

	for (i = 0; i < def->nfields; i++)
		if (strcmp(def->fields[i].name, name) == 0)
			return &def->fields[i];
	return NULL;
}

/* The choice of F whose code is VALUE as the form shows it, into OUT;
 * 0, or -1 when there is none. */
static int shown_choice(const struct form_field *f, const struct form_ctx *ctx, const char *value,
			char *out, size_t size)
{
	struct form_choices c = { NULL, 0 };
	struct rm_error err = { 0, "" };
	size_t i;
	int rc = -1;

	if (!f->choices || f->choices(f, ctx, &c, &err) < 0)
		return -1;
	for (i = 0; i < c.n && rc < 0; i++)
		if (!c.v[i].holds && strcmp(c.v[i].code, value) == 0) {
			snprintf(out, size, "%s", c.v[i].shown ? c.v[i].shown : c.v[i].label);
			rc = 0;
		}
	form_choices_free(&c);
	return rc;
}

/* The codes of VALUE as the form shows each, joined by ", ", into OUT. */
static void shown_codes(const struct form_field *f, const struct form_ctx *ctx, const char *value,
			char *out, size_t size)
{
	char code[200], one[400];
	size_t o = 0;

	out[0] = '\0';
	while (value && *(value += strspn(value, BLANKS)) && o + 1 < size) {
		size_t len = strcspn(value, BLANKS);

		snprintf(code, sizeof code, "%.*s", (int)len, value);
		value += len;
		if (shown_choice(f, ctx, code, one, sizeof one) < 0 || !*one)
			snprintf(one, sizeof one, "%s", code);
		o += (size_t)snprintf(out + o, size - o, "%s%s", o ? ", " : "", one);
	}
	if (!out[0])
		snprintf(out, size, "%s", "—");
}

void form_shown(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		char *out, size_t size)
{
	if (f->type == FIELD_CHOICES) {
		shown_codes(f, ctx, value, out, size);
		return;
	}
	if ((f->type == FIELD_CHOICE || f->type == FIELD_REFERENCE) &&
	    shown_choice(f, ctx, value ? value : "", out, size) == 0 && *out)
		return;
	if (!value || !*value) {
		snprintf(out, size, "%s", "—");
		return;
	}
	if (f->type == FIELD_DATE)
		text_format_stored_date(value, ctx->cfg->calendar == CFG_CAL_BUDDHIST, out, size);
	else
		snprintf(out, size, "%s", value);
}

void form_rows_free(const struct form_group *g, struct form_rows *rows)
{
	size_t i, k;

	for (i = 0; i < rows->n; i++) {
		for (k = 0; rows->v[i].values && k < g->nfields; k++)
			free(rows->v[i].values[k]);
		free(rows->v[i].values);
		free(rows->v[i].label);
		free(rows->v[i].key);
	}
	free(rows->v);
	free(rows->heading);
	memset(rows, 0, sizeof *rows);
}

struct form_row *form_rows_add(const struct form_group *g, struct form_rows *rows)
{
	struct form_row *v = realloc(rows->v, (rows->n + 1) * sizeof *v), *r;

	if (!v)
		return NULL;
	rows->v = v;
	r = &v[rows->n];
	memset(r, 0, sizeof *r);
	if (!(r->values = calloc(g->nfields ? g->nfields : 1, sizeof *r->values)))
		return NULL;
	rows->n++;
	return r;
}

void form_record_free(const struct form_def *def, struct form_record *rec)
{
	size_t i;

	for (i = 0; i < rec->nvalues; i++)
		free(rec->values[i]);
	free(rec->values);
	for (i = 0; i < rec->nlines; i++)
		free(rec->lines[i].text);
	free(rec->lines);
	for (i = 0; rec->groups && i < rec->ngroups; i++)
		form_rows_free(&def->groups[i], &rec->groups[i]);
	free(rec->groups);
	free(rec->about_kind);
	free(rec->about_code);
	free(rec->about_title);
	free(rec->history_title);
	free(rec->renamed_code);
	free(rec->renamed_part);
	if (rec->data && def->free_data)
		def->free_data(rec->data);
	memset(rec, 0, sizeof *rec);
}
