/* fundreply.c - the answer keys of the fund's screen (fundui.h): y agrees
 * (the baht asked, filed under the frame asked), p agrees to part (asks
 * the baht and what will be given), x declines (asks a short note), r
 * refers the request to another source (chosen from a list); each one
 * step that u takes back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "fundui.h"

const char *fund_ui_source(const struct ui *ui, const char *source)
{
	const char *label = source ? config_label(&ui->cfg->support_sources, source) : NULL;

	if (!source)
		return _("total");
	return label ? label : vocab_value("support_request", "source", source);
}

/* r: the sources but the one R is with now; the index into
 * fund_sources chosen, or -1. */
static int choose_referral(struct ui *ui, const struct fund_request *r)
{
	const char *labels[FUND_SOURCES];
	int index[FUND_SOURCES], n = 0, i, pick;

	for (i = 0; i < FUND_SOURCES; i++) {
		if (r->with && strcmp(r->with, fund_sources[i]) == 0)
			continue;
		index[n] = i;
		labels[n++] = fund_ui_source(ui, fund_sources[i]);
	}
	pick = ui_choose(ui, _("Refer it to"), labels, (size_t)n, 0);
	return pick < 0 ? -1 : index[pick];
}

/* Ask what answer A needs into REPLY (the strings malloc'd into KEEP[0],
 * KEEP[1]).  0 to go on, -1 when the user cancelled. */
static int ask(struct ui *ui, enum action a, const struct fund_request *r,
	       struct fund_reply *reply, char **keep)
{
	int to;

	switch (a) {
	case ACT_AGREE:
		reply->answer = FUND_AGREE;
		return 0;
	case ACT_AGREE_PART:
		reply->answer = FUND_AGREE_PART;
		if (!(keep[0] = ui_prompt(ui, _("Baht agreed: "), r->amount, 0)))
			return -1;
		if (!(keep[1] = ui_prompt(ui, _("What will be given: "), NULL, UI_PROMPT_WORDS)))
			return -1;
		reply->amount = keep[0];
		reply->given = keep[1];
		return 0;
	case ACT_DECLINE:
		reply->answer = FUND_DECLINE;
		if (!(keep[0] = ui_prompt(ui, _("Declined because (a short note): "), NULL,
					  UI_PROMPT_WORDS)))
			return -1;
		reply->note = keep[0];
		return 0;
	default:
		reply->answer = FUND_REFER;
		if ((to = choose_referral(ui, r)) < 0)
			return -1;
		reply->to = fund_sources[to];
		return 0;
	}
}

/* What the message line says after answer R of REQ. */
static void said(struct ui *ui, const struct fund_reply *r, const struct fund_request *req)
{
	double baht = 0;
	char shown[64] = "—";

	if (r->answer == FUND_AGREE_PART && r->amount && text_parse_baht(r->amount, &baht) == 0)
		text_format_baht(baht, shown, sizeof shown);
	else if (r->answer != FUND_AGREE_PART && req->amount &&
		 text_parse_number(req->amount, &baht) == 0)
		text_format_baht(baht, shown, sizeof shown);
	switch (r->answer) {
	case FUND_AGREE:
		ui_message(ui, _("agreed: %s baht; saved, u takes it back"), shown);
		break;
	case FUND_AGREE_PART:
		ui_message(ui, _("partly agreed: %s baht; saved, u takes it back"), shown);
		break;
	case FUND_DECLINE:
		ui_message(ui, "%s", _("declined; saved, u takes it back"));
		break;
	default:
		ui_message(ui, _("referred to %s; saved, u takes it back"), fund_ui_source(ui, r->to));
		break;
	}
}

/* When R is no longer as the user saw it (STATUS, WITH), or an answer
 * stands on it already (whoever gave it: two people of one office may
 * work under one login), say what was done and ask before replacing
 * it.  1 to go on. */
static int replace_ok(struct ui *ui, const struct fund_request *r, const char *status,
		      const char *with)
{
	char did[256], q[400];
	int answered = r->status && strcmp(r->status, "requested") != 0;

	if (!answered && strcmp(r->status ? r->status : "", status ? status : "") == 0 &&
	    strcmp(r->with ? r->with : "", with ? with : "") == 0)
		return 1;
	fund_answer_said(ui->cfg, r, did, sizeof did);
	snprintf(q, sizeof q, _("%s already. Replace it with your answer?"), did);
	return ui_confirm(ui, q);
}

/* Save REPLY to R; on a conflict (another answer while the user typed)
 * say what it was and, if the user agrees, replace it.  A change_result. */
static int save(struct ui *ui, const char *uid, struct fund_request *r,
		const struct fund_reply *reply, struct rm_error *err)
{
	const char *level = ui->cfg->office_level;
	char *status = r->status ? strdup(r->status) : NULL, *with = r->with ? strdup(r->with) : NULL;
	int rc = fund_answer(ui->st, &ui->undo, level, r->id, status, with, reply, err);

	if (rc == CHANGE_CONFLICT) {
		fund_request_free(r);
		if (fund_request_get(ui->st, uid, r, err) == 0 && replace_ok(ui, r, status, with))
			rc = fund_answer(ui->st, &ui->undo, level, r->id, r->status, r->with, reply, err);
	}
	free(status);
	free(with);
	return rc;
}

int fund_ui_answer(struct ui *ui, const char *uid, const char *status, const char *with,
		   enum action a)
{
	struct rm_error err = { 0, "" };
	struct fund_reply reply = { FUND_AGREE, NULL, NULL, NULL, NULL };
	struct fund_request r;
	char *keep[2] = { NULL, NULL };
	int rc;

	if (a != ACT_AGREE && a != ACT_AGREE_PART && a != ACT_DECLINE && a != ACT_REFER)
		return 0;
	if (!uid)
		return 1;
	if (fund_request_get(ui->st, uid, &r, &err) != 0) {
		ui_error(ui, "%s", err.msg);
		return 1;
	}
	/* said before anything is asked: only the office asked answers */
	if (!r.with) {
		ui_error(ui, "%s", _("this request names no source to answer it"));
	} else if (!fund_may_answer(ui->cfg->office_level, r.with)) {
		ui_error(ui, _("this request is with %s now: it is theirs to answer"),
			 fund_ui_source(ui, r.with));
	} else if (replace_ok(ui, &r, status, with) && ask(ui, a, &r, &reply, keep) == 0) {
		rc = save(ui, uid, &r, &reply, &err);
		if (rc == CHANGE_OK)
			said(ui, &reply, &r);
		else if (keep[0] || keep[1])   /* what was typed stays on screen */
			ui_error(ui, _("%s (not saved; you typed: %s %s)"),
				 rc == CHANGE_ERROR || rc == CHANGE_CONFLICT ? err.msg : _("not changed"),
				 keep[0] ? keep[0] : "", keep[1] ? keep[1] : "");
		else if (rc != CHANGE_NONE)
			ui_error(ui, "%s", err.msg);
		ui_changed(ui);
	}
	free(keep[0]);
	free(keep[1]);
	fund_request_free(&r);
	return 1;
}
