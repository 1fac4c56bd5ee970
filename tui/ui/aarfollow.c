/* aarfollow.c - the AAR form's follow-up actions: adding one (its text,
 * who, by when), deleting one, its status chosen from a list or toggled
 * with Space. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/change.h"
#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "routemap/widget.h"
#include "aarform.h"

static const char *const statuses[] = { "open", "done", "dropped" };

const char *aarform_status_label(const char *s)
{
	if (s && strcmp(s, "done") == 0)
		return _("done");
	if (s && strcmp(s, "dropped") == 0)
		return _("dropped");
	return _("not done yet");
}

/* Save one chosen value of a field (a status) as a step of its own. */
static void save_choice(struct form *p, struct ui *ui, const struct frow *row, const char *value)
{
	struct rm_error err = { 0, "" };
	const char *now = aarform_row_value(p, row);
	int rc;

	rc = change_field(ui->st, &ui->undo, aarform_row_field(row->kind), aarform_row_id(p, row),
			  now, value, NULL, &err);
	change_seal(&ui->undo);
	if (rc == CHANGE_OK)
		ui_message(ui, "%s", _("saved"));
	else if (rc != CHANGE_NONE)
		ui_error(ui, "%s", err.msg);
	if (rc != CHANGE_NONE)
		ui_changed(ui);
}

void aarform_choose_status(struct form *p, struct ui *ui)
{
	const struct frow *row = &p->rows[p->cur];
	const char *labels[3], *now = aarform_row_value(p, row);
	size_t i, at = 0;
	int pick;

	for (i = 0; i < 3; i++) {
		labels[i] = aarform_status_label(statuses[i]);
		if (now && strcmp(now, statuses[i]) == 0)
			at = i;
	}
	pick = ui_choose(ui, _("status"), labels, 3, at);
	if (pick >= 0)
		save_choice(p, ui, row, statuses[pick]);
}

/* A follow-up action that could not be added (WHY; NULL: the program was
 * told to stop): its text, who and by when go to the recovery file. */
static void keep_action(struct ui *ui, const char *why, const char *text, const char *owner,
			const char *due)
{
	struct buf kept = { 0 };

	buf_puts(&kept, text);
	if (aarform_filled(owner))
		buf_printf(&kept, "\n%s %s", _("Who will do it:"), owner);
	if (aarform_filled(due))
		buf_printf(&kept, "\n%s %s", _("Due date:"), due);
	if (kept.oom)
		ui_recover(ui, _("Follow-up action: "), text);
	else if (why)
		ui_recover_failed(ui, why, _("Follow-up action: "), kept.s);
	else
		ui_recover(ui, _("Follow-up action: "), kept.s);
	buf_free(&kept);
}

/* a: a new follow-up action: its text, who, by when.  Words typed are
 * never dropped: a failed save or a stop keeps them (keep_action). */
void aarform_add_action(struct form *p, struct ui *ui)
{
	struct rm_error err = { 0, "" };
	char *text, *owner = NULL, *due = NULL, iso[32];
	const char *label = _("Due date, e.g. 31/3/2569 (Enter for none): ");
	sqlite3_int64 id;
	size_t i;

	text = ui_prompt(ui, _("Follow-up action: "), NULL, UI_PROMPT_WORDS);
	if (!aarform_filled(text))
		goto cancel;
	owner = ui_prompt(ui, _("Who will do it (Enter for nobody yet): "), NULL, UI_PROMPT_WORDS);
	if (!owner)
		goto cancel;
	for (;;) {
		char *typed = ui_prompt(ui, label, due, UI_PROMPT_WORDS);

		free(due);
		due = typed;
		if (!due)
			goto cancel;
		if (!aarform_filled(due) || aar_parse_date(due, iso, sizeof iso) == 0)
			break;
		label = _("Not a date. Due date as 31/3/2569 or 31 มี.ค. 2569 (Enter for none): ");
	}
	if (aar_action_add(ui->st, &ui->undo, p->r.id, text, owner, due, &id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		keep_action(ui, err.msg, text, owner, due);
		goto out;
	}
	ui_changed(ui);
	for (i = 0; i < p->nrows; i++)
		if (p->rows[i].kind == R_ACTION && p->r.actions[p->rows[i].idx].id == id)
			p->cur = i;
	ui_message(ui, "%s", _("saved"));
	goto out;
cancel:
	/* stopped (hang-up, ^C) after the text was typed: kept, not dropped */
	if (ui_stopping() && aarform_filled(text))
		keep_action(ui, NULL, text, owner, due);
	else
		ui_message(ui, "%s", _("nothing added"));
out:
	free(text);
	free(owner);
	free(due);
}

void aarform_delete_action(struct form *p, struct ui *ui)
{
	struct aar_followup *x = aarform_row_action(p, &p->rows[p->cur]);
	struct rm_error err = { 0, "" };
	char question[1024], key[64], shown[256];

	if (!x) {
		ui_message(ui, "%s", _("d deletes a follow-up action: move to one first (a whole AAR is "
				       "deleted in the AAR list)"));
		return;
	}
	text_truncate(shown, sizeof shown, x->action, 50, 0, ui->theme.ascii);
	snprintf(question, sizeof question, _("Delete the follow-up action \"%s\"?"), shown);
	if (!ui_confirm(ui, question)) {
		ui_message(ui, "%s", _("nothing deleted"));
		return;
	}
	if (aar_action_delete(ui->st, &ui->undo, x->id, &err) != CHANGE_OK) {
		ui_error(ui, "%s", err.msg);
		ui_changed(ui);
		return;
	}
	ui_changed(ui);
	keymap_describe(&ui->keys, ACT_UNDO, 1, key, sizeof key);
	ui_message(ui, _("deleted; %s brings it back"), key);
}

/* Space on a follow-up action: done when open, open again otherwise. */
int aarform_toggle_status(struct form *p, struct ui *ui)
{
	const struct frow *row = &p->rows[p->cur];
	struct aar_followup *x = aarform_row_action(p, row);
	struct frow status = { R_STATUS, row->idx, 0, 0 };

	if (!x)
		return 0;
	save_choice(p, ui, &status, strcmp(x->status, "open") == 0 ? "done" : "open");
	return 1;
}
