/* office.h - the office of the INI file, registered in its own database
 * so that it can start assessments before any offices.csv is imported. */
#ifndef ROUTEMAP_OFFICE_H
#define ROUTEMAP_OFFICE_H

#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* What office_register did. */
enum office_outcome {
	OFFICE_SAME,       /* there already, as the INI says: nothing changed */
	OFFICE_ADDED,      /* inserted */
	OFFICE_UPDATED,    /* there with another name, short name, level or
	                    * parent: brought in line with the INI (the change
	                    * log keeps what it was) */
};

/* What OFFICE_UPDATED changed (struct office_registration.changed). */
#define OFFICE_NAME   0x1u
#define OFFICE_SHORT  0x2u
#define OFFICE_LEVEL  0x4u
#define OFFICE_PARENT 0x8u

struct office_registration {
	enum office_outcome outcome;
	unsigned changed;     /* OFFICE_UPDATED: the OFFICE_* it changed */
	int parent_missing;   /* the INI names a parent that the database lacks:
	                       * the parent is left as it was (empty when added) */
};

/* Register CFG's office ([office] code, name, short_name, level, parent)
 * in ST, in one write transaction: insert it when absent; when present,
 * update what differs from the INI; link the parent when the INI names
 * one that the database holds.  Running it again changes nothing.
 * Fills R; returns 0, or -1 with ERR (nothing changed then). */
int office_register(struct store *st, const struct config *cfg, struct office_registration *r,
		    struct rm_error *err);

#endif
