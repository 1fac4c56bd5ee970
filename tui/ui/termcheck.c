/* termcheck.c - can the screens run here?  Apart from app.c because
 * <term.h> defines macros (lines, columns) that clash with struct ui. */
#include <langinfo.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "routemap/i18n.h"
#include "routemap/ui.h"

#include <term.h>

int ui_check_terminal(struct rm_error *err)
{
	const char *term = getenv("TERM");
	int status = 0;

	/* Not through gettext: under such a locale it would not be Thai. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		return rm_fail(err, RM_EXIT_USAGE,
			       "หน้าจอต้องใช้ locale แบบ UTF-8 เช่น LANG=C.UTF-8 / the screens need "
			       "a UTF-8 locale, e.g. LANG=C.UTF-8, which every machine has "
			       "(th_TH.UTF-8 where locale -a lists it; now %s; the batch commands "
			       "work without)", nl_langinfo(CODESET));
	if (!term || !*term)
		return rm_fail(err, RM_EXIT_USAGE,
			       _("TERM is not set: the screens need a terminal that can move the "
				 "cursor, e.g. TERM=xterm-256color (the batch commands work without)"));
	if (strcmp(term, "dumb") == 0)
		return rm_fail(err, RM_EXIT_USAGE,
			       _("TERM=dumb: the screens need a terminal that can move the cursor, "
				 "e.g. TERM=xterm-256color (the batch commands work without)"));
	if (setupterm(term, STDOUT_FILENO, &status) != OK || status != 1 ||
	    !tigetstr("cup") || tigetstr("cup") == (char *)-1) {
		if (status == 1)
			del_curterm(cur_term);
		return rm_fail(err, RM_EXIT_USAGE,
			       _("TERM=%s: no such terminal here, or it cannot move the cursor; "
				 "try TERM=xterm-256color"), term);
	}
	del_curterm(cur_term);
	return 0;
}

