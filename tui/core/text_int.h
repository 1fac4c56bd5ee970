/* text_int.h - small helpers the text engine's files share (text.c,
 * textwrap.c, textnum.c, textcoll.c), kept out of the public text.h. */
#ifndef ROUTEMAP_TEXT_INT_H
#define ROUTEMAP_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "routemap/text.h"

/* Decode at S (LEN > 0 bytes) for walking: an invalid byte yields U+FFFD
 * and a length of 1. */
static inline int decode_lax(const char *s, size_t len, uint32_t *cp)
{
	int n = utf8_decode(s, len, cp);

	if (n < 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* A space or a tab: where a word ends. */
static inline int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

#endif
