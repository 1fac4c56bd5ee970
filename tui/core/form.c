/* form.c - what every form shares below the screen: the checks of a value
 * by its field's type (dates, numbers with Thai digits, choices, required),
 * in the words the CSV import uses, and how a stored value reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

int form_choices_add(struct form_choices *c, const char *code, const char *label,
		     const char *shown)
{
	struct form_choice *v = realloc(c->v, (c->n + 1) * sizeof *v), *e;

	if (!v)
		return -1;
	c->v = v;
	e = &v[c->n];
	e->code = strdup(code);
	e->label = strdup(label);
	e->shown = shown ? strdup(shown) : NULL;
	if (!e->code || !e->label || (shown && !e->shown)) {
		free(e->code);
		free(e->label);
		free(e->shown);
		return -1;
	}
	c->n++;
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
		if (!*c->v[i].code)
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
		if (strcmp(c.v[i].code, typed) == 0) {
			form_choices_free(&c);
			return 0;
		}
	or_codes(&c, allowed, sizeof allowed);
	form_choices_free(&c);
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s is not allowed; expected %s"),
		       escape_shown(typed, q, sizeof q), allowed);
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
		if (text_parse_number(typed, &v) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: expected a number such as 73.5 (Thai digits allowed)"),
				       escape_shown(typed, q, sizeof q));
		if (!text_number_exact(typed, v))
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: more digits than can be kept exactly (about 15 significant "
					 "digits); round it"), escape_shown(typed, q, sizeof q));
		text_format_number(v, buf, sizeof buf);
		break;
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
		if (strcmp(c.v[i].code, value) == 0) {
			snprintf(out, size, "%s", c.v[i].shown ? c.v[i].shown : c.v[i].label);
			rc = 0;
		}
	form_choices_free(&c);
	return rc;
}

void form_shown(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		char *out, size_t size)
{
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

void form_record_free(const struct form_def *def, struct form_record *rec)
{
	size_t i;

	for (i = 0; i < rec->nvalues; i++)
		free(rec->values[i]);
	free(rec->values);
	for (i = 0; i < rec->nlines; i++)
		free(rec->lines[i].text);
	free(rec->lines);
	free(rec->history_title);
	free(rec->renamed_code);
	free(rec->renamed_part);
	if (rec->data && def->free_data)
		def->free_data(rec->data);
	memset(rec, 0, sizeof *rec);
}
