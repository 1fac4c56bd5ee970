/* textcoll.c - Thai dictionary order (libthai's collation) for sorting,
 * made a total order by comparing bytes on ties. */
#include <stdlib.h>
#include <string.h>

#include <thai/thcoll.h>
#include <thai/thwchar.h>

#include "routemap/text.h"
#include "text_int.h"

/* ------------------------------------------------------------ collation */

/* Convert S (LEN bytes of UTF-8) to TIS-620 in DST (LEN + 1 bytes) for
 * th_strcoll: characters outside TIS-620 (and invalid bytes) become 0xFF
 * (libthai's THCHAR_ERR), which then compare equal to each other; the
 * string stops at a NUL.  DST holds LEN + COLLATE_PAD bytes. */
#define COLLATE_PAD 4   /* NULs after the text: see to_tis */

static void to_tis(const char *s, size_t len, unsigned char *dst)
{
	size_t i = 0, pos = 0;

	while (i < len) {
		uint32_t cp;
		int k = decode_lax(s + i, len - i, &cp);

		if (cp == 0)
			break;
		dst[pos++] = cp > 0xFFFF ? 0xFF : th_uni2tis((thwchar_t)cp);
		i += (size_t)k;
	}
	/* th_strcoll looks past the end after a leading vowel followed by
	 * tone marks only ("ก่เ"): NULs there, not whatever the buffer held */
	memset(dst + pos, 0, COLLATE_PAD);
}

/* libthai 0.1.29 declares th_wcstrcoll in <thai/thwcoll.h> but does not
 * export it from the shared library, so the strings go through TIS-620
 * and th_strcoll. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned char abuf[256], bbuf[256], *ta = abuf, *tb = bbuf;
	int r = 0;

	if (alen + COLLATE_PAD > sizeof abuf)
		ta = malloc(alen + COLLATE_PAD);
	if (blen + COLLATE_PAD > sizeof bbuf)
		tb = malloc(blen + COLLATE_PAD);
	if (ta && tb) {
		to_tis(a, alen, ta);
		to_tis(b, blen, tb);
		r = th_strcoll(ta, tb);
	}
	if (ta != abuf)
		free(ta);
	if (tb != bbuf)
		free(tb);
	if (r == 0) {
		r = memcmp(a, b, alen < blen ? alen : blen);
		if (r == 0)
			r = (alen > blen) - (alen < blen);
	}
	return r < 0 ? -1 : r > 0;
}
