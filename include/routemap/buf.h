/* buf.h - a growing byte string.  A failed allocation makes the buffer
 * "broken" (oom set): later appends do nothing, and the owner checks once. */
#ifndef ROUTEMAP_BUF_H
#define ROUTEMAP_BUF_H

#include <stddef.h>

struct buf {
	char *s;        /* NUL-terminated when not NULL */
	size_t len, cap;
	int oom;
};

void buf_add(struct buf *b, const char *s, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the string over to the caller (never NULL unless oom); B is reset. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* Grow the array *V of *N elements of SIZE bytes by one zeroed element;
 * returns it, or NULL when out of memory (the array is unchanged). */
void *array_grow(void *v, size_t *n, size_t size);

#endif
