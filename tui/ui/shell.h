/* shell.h - what the files of the shell (app.c, frame.c, stack.c)
 * share; the views do not include it. */
#ifndef ROUTEMAP_UI_SHELL_H
#define ROUTEMAP_UI_SHELL_H

#include "routemap/ui.h"

/* The view on top of the current section, or NULL (stack.c). */
struct view *ui_top_view(struct ui *ui);
/* Free every view of every section, the top first (stack.c). */
void ui_close_views(struct ui *ui);
/* ui_put cuts text with "..." rather than "…" when ASCII is set (the
 * --ascii looks) (frame.c). */
void ui_put_ascii(int ascii);

#endif
