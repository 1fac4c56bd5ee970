/* aar_int.h - what aar.c (the record and its subjects) and aarchange.c
 * (the changes to it) share, kept out of the public aar.h. */
#ifndef ROUTEMAP_AAR_INT_H
#define ROUTEMAP_AAR_INT_H

#include <string.h>

#include "routemap/error.h"
#include "routemap/store.h"

/* True when S has something other than spaces. */
static inline int filled(const char *s)
{
	return s && s[strspn(s, " \t\n")] != '\0';
}

/* True when KIND is something an AAR reviews: a kind of record with
 * subjects, or "event".  In aar.c. */
int aar_known_kind(const char *kind);

/* Check that KIND and SUBJECT name something an AAR can review (SUBJECT
 * unused for an event).  Returns 0, or -1 with ERR.  In aar.c. */
int aar_check_subject(struct store *st, const char *kind, const char *subject,
		      struct rm_error *err);

#endif
