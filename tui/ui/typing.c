/* typing.c - typing into one field of a form: saving at rest and on
 * leaving, never over someone else's work unseen (the user decides, in
 * words), and what cannot be saved kept in the recovery file. */
#include <stdlib.h>
#include <string.h>

#include "routemap/change.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/typing.h"
#include "routemap/ui.h"
#include "routemap/widget.h"

/* A save that failed in the database (busy, disk full) is tried again
 * after this many ms while the user types on. */
#define RETRY_MS 5000

int typing_start(struct typing *t, struct ui *ui, const char *label, const char *value,
		 const char *shown, unsigned flags, size_t max, int at_rest, typing_save_fn save,
		 void *form)
{
	memset(t, 0, sizeof *t);
	if (ui->st->readonly) {
		ui_error(ui, "%s", _("the database is open read-only: nothing can be changed"));
		return -1;
	}
	if (edit_init(&t->ed, flags, max) < 0 ||
	    edit_set_text(&t->ed, shown ? shown : value ? value : "") == EDIT_NOMEM ||
	    !(t->expected = strdup(value ? value : "")) || !(t->label = strdup(label))) {
		edit_free(&t->ed);
		free(t->expected);
		memset(t, 0, sizeof *t);
		ui_error(ui, "%s", _("out of memory"));
		return -1;
	}
	t->active = 1;
	t->at_rest = at_rest;
	t->saved_gen = edit_generation(&t->ed);
	t->last_key = ui_now_ms();
	t->save = save;
	t->form = form;
	return 0;
}

void typing_stop(struct typing *t)
{
	edit_free(&t->ed);
	free(t->expected);
	free(t->label);
	free(t->conflict_msg);
	memset(t, 0, sizeof *t);
}

/* Typing ends: the next change of this field is an undo step of its own. */
static void end(struct typing *t, struct ui *ui)
{
	change_seal(&ui->undo);
	typing_stop(t);
}

/* Keep the text typed in the recovery file (the message line says where). */
static void keep(struct typing *t, struct ui *ui)
{
	if (edit_generation(&t->ed) != t->saved_gen)
		ui_recover(ui, t->label, edit_text(&t->ed));
}

int typing_commit(struct typing *t, struct ui *ui, int quiet)
{
	struct rm_error err = { 0, "" };
	unsigned long gen = edit_generation(&t->ed);
	char *current = NULL, *copy;
	int rc;

	if (!t->active || gen == t->saved_gen)
		return 0;
	if (t->conflict)
		return -1;   /* only the user's choice saves over theirs */
	rc = t->save(t->form, ui, t->expected, edit_text(&t->ed), &current, &err);
	switch (rc) {
	case CHANGE_OK:
	case CHANGE_NONE:
	case TYPING_KEPT:     /* in the form only: not "saved" */
		copy = current ? current : strdup(edit_text(&t->ed));
		if (!copy) {
			ui_error(ui, "%s", _("out of memory"));
			return -1;
		}
		free(t->expected);
		t->expected = copy;
		t->saved_gen = gen;
		t->failed_gen = 0;
		t->retry_at = 0;
		if (rc == CHANGE_OK)
			ui_message(ui, "%s", _("saved"));
		return 0;
	case CHANGE_CONFLICT:
		/* theirs stands in the database; ours stays on the screen,
		 * unsaved, until the user chooses */
		free(t->expected);
		t->expected = current ? current : strdup("");
		free(t->conflict_msg);
		t->conflict_msg = strdup(err.msg);
		t->conflict = 1;
		change_seal(&ui->undo);
		ui_error(ui, _("%s; your text is on the screen, not saved: Esc to choose whose text "
			       "stays"), err.msg);
		return -1;
	case TYPING_REFUSED:
		free(current);
		t->failed_gen = gen;
		if (!quiet)
			ui_error(ui, "%s", err.msg);
		return -1;
	default:
		free(current);
		t->failed_gen = gen;
		t->retry_at = ui_now_ms() + RETRY_MS;
		ui_error(ui, _("%s; your text stays here and is tried again in a few seconds (kept in "
			       "your recovery file if routemap ends first)"), err.msg);
		return -1;
	}
}

void typing_tick(struct typing *t, struct ui *ui)
{
	unsigned long gen = edit_generation(&t->ed);
	long long now = ui_now_ms();

	if (!t->active || t->conflict || gen == t->saved_gen)
		return;
	if (gen == t->failed_gen) {
		if (t->retry_at && now >= t->retry_at)
			typing_commit(t, ui, 1);
	} else if (t->at_rest && now - t->last_key >= 1000) {
		typing_commit(t, ui, 1);
	}
}

/* Show the other person's text and the user's, one above the other, until
 * a key is pressed. */
static void show_both(struct typing *t, struct ui *ui)
{
	for (;;) {
		const char *texts[2] = { t->expected, edit_text(&t->ed) };
		const char *heads[2] = { t->conflict_msg ? t->conflict_msg : "", _("Your text:") };
		int half = (ui->lines - 4) / 2, y = 1, k, status;
		wint_t ch;

		erase();
		for (k = 0; k < 2; k++) {
			struct text_lines lines;
			size_t i;

			ui_put(y++, 0, k == 0 ? _("Their text:") : heads[1], ui->cols,
			       ui->theme.attr[T_HEADING], 0);
			if (k == 0)
				ui_put(y++, 2, heads[0], ui->cols - 2, ui->theme.attr[T_DIM], 0);
			if (text_wrap(*texts[k] ? texts[k] : "—", ui->cols - 2, &lines) == 0) {
				for (i = 0; i < lines.n && (int)i < half - 2; i++)
					ui_put(y + (int)i, 2, lines.v[i], ui->cols - 2, A_NORMAL, 0);
				if ((int)lines.n > half - 2)
					ui_put(y + half - 2, 2, "…", 2, ui->theme.attr[T_DIM], 0);
				text_lines_free(&lines);
			}
			y += half - 1;
		}
		ui_put(ui->lines - 1, 0, _("Any key: back to the choice"), ui->cols,
		       ui->theme.attr[T_HINT_KEY], 0);
		curs_set(0);
		refresh();
		status = ui_get_key(ui, &ch);
		if (ui_stopping())
			return;
		if (status == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_resize(ui);
			continue;
		}
		if (status != ERR)
			return;
	}
}

/* Someone else changed the field while the user typed: ask whose text
 * stays.  Returns 0 when typing ended, -1 when the user goes on typing. */
static int resolve(struct typing *t, struct ui *ui)
{
	for (;;) {
		const char *choices[3] = {
			_("Keep mine: save my text over theirs (theirs stays in the history)"),
			_("Take theirs: my text goes to my recovery file"),
			_("See both texts"),
		};
		int pick = ui_choose(ui, t->conflict_msg ? t->conflict_msg : _("changed meanwhile"),
				     choices, 3, 2);

		if (pick == 0) {
			t->conflict = 0;
			if (typing_commit(t, ui, 0) == 0) {
				end(t, ui);
				return 0;
			}
			if (!t->conflict)
				return -1;   /* not saved: the message says why */
			continue;          /* changed yet again meanwhile */
		}
		if (pick == 1) {
			int kept = edit_generation(&t->ed) != t->saved_gen &&
				   ui_recover(ui, t->label, edit_text(&t->ed)) == 0;

			end(t, ui);
			ui_changed(ui);
			if (kept)
				ui_message(ui, _("their text stays; yours is kept in %s"), ui->recovered);
			return 0;
		}
		if (pick == 2 && !ui_stopping()) {
			show_both(t, ui);
			continue;
		}
		return -1;
	}
}

int typing_finish(struct typing *t, struct ui *ui)
{
	unsigned long gen = edit_generation(&t->ed);

	if (!t->active)
		return 0;
	if (t->conflict)
		return resolve(t, ui);
	if (typing_commit(t, ui, 0) == 0) {
		end(t, ui);
		return 0;
	}
	if (t->conflict)
		return resolve(t, ui);
	if (t->left_gen != gen) {
		/* once: stay, so that the message can be read and acted on */
		char msg[sizeof ui->message];

		t->left_gen = gen;
		snprintf(msg, sizeof msg, "%s", ui->message);
		ui_error(ui, _("%s (leave again: the old text stays, yours goes to your recovery file)"),
			 msg);
		return -1;
	}
	keep(t, ui);
	end(t, ui);
	return 0;
}

void typing_abandon(struct typing *t, struct ui *ui)
{
	if (!t->active)
		return;
	if (!t->conflict)
		typing_commit(t, ui, 1);
	keep(t, ui);
	end(t, ui);
}

void typing_external(struct typing *t, struct ui *ui)
{
	char msg[1024] = "";
	int rc;

	/* what was typed here is saved first: the editor may fail */
	typing_commit(t, ui, 1);
	rc = widget_external_edit(&t->ed, msg, sizeof msg);

	clearok(curscr, TRUE);
	if (rc < 0)
		ui_error(ui, "%s", msg);
	else if (rc == 0)
		typing_commit(t, ui, 0);
}

int typing_key(struct typing *t, struct ui *ui, int status, wint_t ch)
{
	switch (widget_key(&t->ed, status, ch)) {
	case WIDGET_CHANGED:
		t->last_key = ui_now_ms();
		/* "saved" no longer says the truth about what is on the screen */
		if (!ui->message_is_error)
			ui->message[0] = '\0';
		return TYPING_USED;
	case WIDGET_MOVED:
		return TYPING_USED;
	case WIDGET_REFUSED:
		beep();
		return TYPING_USED;
	case WIDGET_DONE:
	case WIDGET_CANCEL:
		return TYPING_LEAVE;
	case WIDGET_EXTERNAL:
		typing_external(t, ui);
		return TYPING_USED;
	default:
		return TYPING_OTHER;
	}
}
