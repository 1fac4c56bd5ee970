/* i18n.h - the Thai interface: every message people read goes through _()
 * (gettext, domain "routemap"); N_() marks a string for translation where
 * it is defined and _() translates it where it is shown. */
#ifndef ROUTEMAP_I18N_H
#define ROUTEMAP_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Choose the language: LANGUAGE ("th" or "en") as [ui] language says, the
 * catalogue from the installed locale directory, or from beside the
 * program when it runs from the source tree. */
void i18n_init(const char *language);

#endif
