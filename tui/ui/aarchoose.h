/* aarchoose.h - the choices an AAR is made of, asked in lists over the
 * screen: its template, what it reviews.  For the AAR list and the AAR
 * form (tui/ui/aar*.c) only. */
#ifndef ROUTEMAP_UI_AARCHOOSE_H
#define ROUTEMAP_UI_AARCHOOSE_H

#include "routemap/ui.h"

/* Let the user choose the template of a new AAR from the office's
 * templates, each shown with its sections, the office's default first
 * under the cursor.  Returns its index in ui->cfg->templates; -1 when the
 * user cancelled; -2 when it could not be asked (no template, out of
 * memory: said on the message line). */
int aar_choose_template(struct ui *ui);

/* Let the user choose what an AAR reviews: a kind, then (but for an event)
 * the record, starting from KIND0 and SUBJECT0.  Esc in the records goes
 * back to the kinds.  Returns 0 with *KIND (static) and *SUBJECT (malloc'd,
 * NULL for an event), or -1 when the user cancelled. */
int aar_choose_subject(struct ui *ui, const char *kind0, const char *subject0,
		       const char **kind, char **subject);

#endif
