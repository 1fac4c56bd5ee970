/* fundui.h - the fund's screen (VIEW_SUPPORT), for its files only:
 * fundview.c (the frame x source table, its filters), fundlist.c (the
 * requests of one cell), fundreply.c (the answers y p x r, asked for on
 * the message line), fundreq.c (one request as a form with those keys).
 * The numbers and the writing are core's (fund.h). */
#ifndef ROUTEMAP_UI_FUNDUI_H
#define ROUTEMAP_UI_FUNDUI_H

#include "routemap/fund.h"
#include "routemap/ui.h"

/* The requests of one cell, a page at a time. */
struct fund_cell_list {
	struct ui_paged p;
	struct fund_query q;        /* the pager's; its strings the view's */
	char *title;                /* "frame · source", malloc'd */
	int open;                   /* shown in place of the table */
};

/* The answer keys, for the hint lines of the list and the form. */
#define FUND_ANSWER_ACTIONS ACT_AGREE, ACT_AGREE_PART, ACT_DECLINE, ACT_REFER

/* Answer request UID, shown with STATUS and WITH (coded), by action A
 * (ACT_AGREE, ACT_AGREE_PART, ACT_DECLINE, ACT_REFER) for this office:
 * when another user answered since it was shown, says what they did and
 * asks before replacing it; asks what the answer needs (the baht and
 * what will be given; a note; where to refer it), then fund_answer;
 * says on the message line what was done or why not (with what was
 * typed, when it was not saved).  Returns 1 when A was an answer key
 * (whatever came of it), else 0. */
int fund_ui_answer(struct ui *ui, const char *uid, const char *status, const char *with,
		   enum action a);

/* The source's label as the office names it ("กองทุนฯ ตำบล"); the
 * total's when SOURCE is NULL. */
const char *fund_ui_source(const struct ui *ui, const char *source);

/* Open the list of L's cell (L->q set, L->title given) in place of the
 * table: reads its first page.  fund_list_* work on it while L->open. */
void fund_list_open(struct ui *ui, struct fund_cell_list *l);
void fund_list_close(struct fund_cell_list *l);
void fund_list_draw(struct ui *ui, struct fund_cell_list *l, int top, int height);
/* Take action A on the list; 1 when used (q closes it: L->open 0). */
int fund_list_act(struct ui *ui, struct fund_cell_list *l, enum action a);
/* Read the list again around its selection (after a change). */
void fund_list_reload(struct ui *ui, struct fund_cell_list *l);

/* The form of request AT->code with the answer keys (fundreq.c). */
struct view *fund_request_view(struct ui *ui, const struct ui_place *at);

#endif
