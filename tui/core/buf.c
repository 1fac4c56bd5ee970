/* buf.c - a growing byte string. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"

static int buf_reserve(struct buf *b, size_t more)
{
	size_t cap;
	char *s;

	if (b->oom)
		return -1;
	if (b->len + more + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (!s) {
		b->oom = 1;
		return -1;
	}
	b->s = s;
	b->cap = cap;
	return 0;
}

void buf_add(struct buf *b, const char *s, size_t len)
{
	if (buf_reserve(b, len) < 0)
		return;
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buf_take(struct buf *b)
{
	char *s;

	if (b->oom) {
		buf_free(b);
		return NULL;
	}
	if (!b->s)
		buf_add(b, "", 0);
	s = b->s;
	memset(b, 0, sizeof *b);
	return s;
}

void buf_free(struct buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

void *array_grow(void *vp, size_t *n, size_t size)
{
	void **v = vp;
	char *p = realloc(*v, (*n + 1) * size);

	if (!p)
		return NULL;
	memset(p + *n * size, 0, size);
	*v = p;
	return p + (*n)++ * size;
}
