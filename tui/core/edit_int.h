/* edit_int.h - what the editing model's files share (edit.c, editdraw.c,
 * editlayout.c), kept out of the public edit.h. */
#ifndef ROUTEMAP_EDIT_INT_H
#define ROUTEMAP_EDIT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "routemap/text.h"

/* A space or a tab. */
static inline int is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* The code point at S (LEN > 0 bytes); an invalid byte gives U+FFFD. */
static inline uint32_t first_cp(const char *s, size_t len)
{
	uint32_t cp;

	if (utf8_decode(s, len, &cp) < 0)
		return 0xFFFD;
	return cp;
}

/* The cluster boundary at or before POS in S (LEN bytes); POS past the
 * end counts as LEN.  In edit.c. */
size_t edit_boundary_before(const char *s, size_t len, size_t pos);

/* Display columns of the cluster S[0, C) as the widgets draw it
 * (edit_render).  In editdraw.c. */
int edit_cluster_width(const char *s, size_t c);

#endif
