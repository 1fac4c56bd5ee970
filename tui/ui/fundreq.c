/* fundreq.c - one support request as a form of the form engine (fview.h):
 * what the unit asked (unit, item, what is needed, from whom, the frame,
 * the baht), shown; the answer (status, referred to, what will be given,
 * baht agreed, the frame filed under, a note), edited; and the answer
 * keys y p x r of the fund's screen (fundreply.c).  The fields and the
 * saving are fund_request_def's (core/fundform.c). */
#include "fundui.h"
#include "fview.h"

static const enum action request_keys[] = { FUND_ANSWER_ACTIONS, ACT_COUNT };

/* y p x r on the form: answer the request it shows. */
static int request_act(struct fview *f, struct ui *ui, enum action a)
{
	const char *status, *with;

	fund_form_shown(f->loaded ? &f->rec : NULL, &status, &with);
	return fund_ui_answer(ui, f->code, status, with, a);
}

struct view *fund_request_view(struct ui *ui, const struct ui_place *at)
{
	return fview_new_keys(ui, &fund_request_def, at, request_keys, request_act);
}
