/* config_util.c - the INI loader's small tools: memory and lists that set
 * the loader's out-of-memory flag, the strict parsers of numbers and
 * names, the "did you mean" search, and the one-line messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_loader.h"
#include "routemap/i18n.h"

int ini_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A copy of S, or NULL with the loader's out-of-memory flag set. */
char *ld_strdup(struct loader *ld, const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		ld->oom = 1;
	return p;
}

char *ld_strndup(struct loader *ld, const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p) {
		ld->oom = 1;
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Grow *V (of element size SIZE), which holds N elements, so that it can
 * hold N + 1.  Capacity: 4, then doubled whenever N reaches a power of two;
 * every list that uses this helper must be grown only by it. */
int ld_grow(struct loader *ld, void **v, size_t n, size_t size)
{
	void *p;

	if (n != 0 && (n < 4 || (n & (n - 1)) != 0))
		return 0;
	p = realloc(*v, (n ? n * 2 : 4) * size);
	if (!p) {
		ld->oom = 1;
		return -1;
	}
	*v = p;
	return 0;
}

/* Replace *FIELD by a copy of VALUE. */
void ld_set(struct loader *ld, char **field, const char *value)
{
	char *p = ld_strdup(ld, value);

	if (p) {
		free(*field);
		*field = p;
	}
}

void cfg_labels_clear(struct cfg_labels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].label);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void ld_labels_push(struct loader *ld, struct cfg_labels *l, const char *code,
			const char *label)
{
	char *c, *s;

	if (ld_grow(ld, (void **)&l->v, l->n, sizeof *l->v) < 0)
		return;
	c = ld_strdup(ld, code);
	s = ld_strdup(ld, label);
	if (!c || !s) {
		free(c);
		free(s);
		return;
	}
	l->v[l->n].code = c;
	l->v[l->n].label = s;
	l->n++;
}

void ld_labels_from_builtin(struct loader *ld, struct cfg_labels *l,
				const struct ini_label *b, size_t n)
{
	size_t i;

	cfg_labels_clear(l);
	for (i = 0; i < n; i++)
		ld_labels_push(ld, l, b[i].code, b[i].label);
}

void ld_strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int ld_strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

void ld_strlist_push(struct loader *ld, struct strlist *l, const char *s)
{
	char *p;

	if (ld_grow(ld, (void **)&l->v, l->n, sizeof *l->v) < 0)
		return;
	p = ld_strdup(ld, s);
	if (p)
		l->v[l->n++] = p;
}

const char *ini_builtin_label(const struct ini_label *b, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(b[i].code, code) == 0)
			return b[i].label;
	return NULL;
}

void ld_sbuf_add(struct loader *ld, struct sbuf *b, const char *s)
{
	size_t len = strlen(s);

	if (ld->oom)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t cap = (b->n + len + 1) * 2;
		char *p = realloc(b->p, cap);

		if (!p) {
			ld->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, len + 1);
	b->n += len;
}

/* Write S into BUF for a message: at most about 60 bytes, cut at a UTF-8
 * boundary with "…".  Returns BUF. */
const char *ini_clip(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s), cut = 60;

	if (len <= cut || size < cut + 4) {
		snprintf(buf, size, "%s", s);
		return buf;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%.*s…", (int)cut, s);
	return buf;
}

/* "a, b or c" from a NULL-terminated list, into BUF. */
const char *ini_join_or(const char *const *names, char *buf, size_t size)
{
	size_t n = 0, i, used = 0;

	while (names[n])
		n++;
	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		/* TRANSLATORS: the last separator of a list "a, b or c". */
		const char *sep = i == 0 ? "" : (i + 1 == n ? _(" or ") : ", ");
		int w = snprintf(buf + used, size - used, "%s%s", sep, names[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* Levenshtein distance of two short ASCII names (longer ones: far). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[NAME_MAX_LEN + 1];

	if (la > NAME_MAX_LEN || lb > NAME_MAX_LEN)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The name in NAMES (NULL-terminated, or the first N when N > 0) nearest
 * to NAME, if it is near enough to be a likely typo; else NULL. */
const char *ini_nearest(const char *name, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, i, len = strlen(name);

	for (i = 0; n ? i < n : names[i] != NULL; i++) {
		size_t d = edit_distance(name, names[i]);
		size_t lc = strlen(names[i]), longer = len > lc ? len : lc;

		if (len >= 3 && len < lc && strncmp(name, names[i], len) == 0)
			d = 1;    /* a prefix: "lang" for "language" */
		if (d != (size_t)-1 && d * 3 <= longer && d < bestd) {
			best = names[i];
			bestd = d;
		}
	}
	return best;
}

/* Digits as ASCII: Thai digits (U+0E50..U+0E59) become 0..9.  Returns -1
 * when S does not fit into OUT. */
static int digits_ascii(const char *s, char *out, size_t size)
{
	size_t o = 0;

	while (*s) {
		const unsigned char *u = (const unsigned char *)s;

		if (o + 1 >= size)
			return -1;
		if (u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
			out[o++] = (char)('0' + (u[2] - 0x90));
			s += 3;
		} else {
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return 0;
}

/* A whole number of at most 9 digits (ASCII or Thai) into *V. */
int ini_parse_uint(const char *s, long *v)
{
	char buf[64];
	size_t i;
	long n = 0;

	if (digits_ascii(s, buf, sizeof buf) < 0 || !buf[0] || strlen(buf) > 9)
		return -1;
	for (i = 0; buf[i]; i++) {
		if (!is_digit(buf[i]))
			return -1;
		n = n * 10 + (buf[i] - '0');
	}
	*v = n;
	return 0;
}

/* A decimal "12", "12.5" (ASCII or Thai digits; no sign, no exponent)
 * into *V.  Locale-independent. */
int ini_parse_decimal(const char *s, double *v)
{
	char buf[64];
	const char *p;
	double n = 0, scale = 1;
	size_t ndig = 0;

	if (digits_ascii(s, buf, sizeof buf) < 0)
		return -1;
	for (p = buf; is_digit(*p); p++, ndig++)
		n = n * 10 + (*p - '0');
	if (ndig == 0 || ndig > 15)
		return -1;
	if (*p == '.') {
		p++;
		if (!is_digit(*p))
			return -1;
		for (; is_digit(*p); p++) {
			scale /= 10;
			n += (*p - '0') * scale;
		}
	}
	if (*p)
		return -1;
	*v = n;
	return 0;
}

/* Index of S in the NULL-terminated NAMES (ASCII case ignored), or -1. */
int ini_word_index(const char *s, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcasecmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* A name such as a key activity code: [a-z][a-z0-9_]*, at most 64. */
int ini_valid_name(const char *s)
{
	size_t i;

	if (!is_lower(s[0]))
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_lower(s[i]) && !is_digit(s[i]) && s[i] != '_')
			return 0;
	return i <= NAME_MAX_LEN;
}

/* An office code: letters, digits and '-', not starting with '-'. */
int ini_valid_code(const char *s)
{
	size_t i;

	if (!is_alpha(s[0]) && !is_digit(s[0]))
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-')
			return 0;
	return i <= OFFICE_CODE_MAX;
}

/* A group name as useradd accepts it: [a-z_][a-z0-9_-]*. */
int ini_valid_group(const char *s)
{
	size_t i;

	if (!is_lower(s[0]) && s[0] != '_')
		return 0;
	for (i = 1; s[i]; i++)
		if (!is_lower(s[i]) && !is_digit(s[i]) && s[i] != '_' && s[i] != '-')
			return 0;
	return i <= GROUP_NAME_MAX;
}

/* Words of a command line: at least one, separated by spaces or tabs,
 * each of ASCII letters, digits and - _ . / = + , : @ % ~ (nothing a
 * shell would read as more than a word: the words may reach the other
 * machine's shell through ssh). */
int ini_valid_words(const char *s)
{
	int words = 0, in_word = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t') {
			in_word = 0;
			continue;
		}
		if (!is_alpha(*s) && !is_digit(*s) && !strchr("-_./=+,:@%~", *s))
			return 0;
		if (!in_word)
			words++;
		in_word = 1;
	}
	return words > 0;
}

/* The first control character in S, or 0. */
int ini_control_char(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return (unsigned char)*s;
	return 0;
}


/* ---- Messages ---------------------------------------------------------- */

int ld_oom(struct loader *ld)
{
	return rm_fail(ld->err, RM_EXIT_RUNTIME, _("%s: out of memory"),
		       ld->path ? ld->path : _("built-in configuration"));
}

/* "FILE:LINE: [SEC] KEY: WHAT" (no ":LINE" when LINE is 0). */
int ld_fail_key(struct loader *ld, int line, const char *sec, const char *key,
		    const char *fmt, ...)
{
	char what[sizeof ld->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (line > 0)
		return rm_fail(ld->err, RM_EXIT_USAGE, "%s:%d: [%s] %s: %s",
			       ld->path, line, sec, key, what);
	return rm_fail(ld->err, RM_EXIT_USAGE, "%s: [%s] %s: %s",
		       ld->path ? ld->path : _("built-in configuration"), sec, key, what);
}

/* "FILE:LINE: WHAT" (or "FILE: WHAT" when LINE is 0). */
int ld_fail_line(struct loader *ld, int line, const char *fmt, ...)
{
	char what[sizeof ld->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (line > 0)
		return rm_fail(ld->err, RM_EXIT_USAGE, "%s:%d: %s", ld->path, line, what);
	return rm_fail(ld->err, RM_EXIT_USAGE, "%s: %s", ld->path, what);
}

/* A support frame number "1".."999" (ASCII or Thai digits), or -1. */
long ini_frame_number(const char *s)
{
	char buf[64];
	long v;

	if (digits_ascii(s, buf, sizeof buf) < 0 || buf[0] == '0' || ini_parse_uint(buf, &v) < 0 ||
	    v < 1 || v > FRAME_MAX)
		return -1;
	return v;
}

/* "\"V\" is not allowed; expected EXPECT": the description EXPECT ends the
 * sentence, so in Thai it follows ต้องเป็น without a blank (the context
 * "description"); a list of words uses the plain form. */
int ld_fail_expect(struct loader *ld, int line, const char *sec, const char *key,
		   const char *v, const char *expect)
{
	char shown[128];

	return ld_fail_key(ld, line, sec, key, P_("description", "\"%s\" is not allowed; expected %s"),
			   ini_clip(v, shown, sizeof shown), _(expect));
}

/* The translation of CTX_ID ("context\004msgid"), or ID when there is none. */
const char *ini_pgettext(const char *ctx_id, const char *id)
{
	const char *t = gettext(ctx_id);

	return t == ctx_id ? id : t;
}
