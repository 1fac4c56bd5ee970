/* dialog.c - questions to the user: a line of text typed on the message
 * line, a list to choose from and a yes/no question drawn over the
 * screen. */
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "routemap/widget.h"

char *ui_prompt(struct ui *ui, const char *label, const char *initial, unsigned flags)
{
	struct edit e;
	char *result = NULL;
	int lw = text_width(label);

	if (edit_init(&e, 0, 500) < 0)
		return NULL;
	if (initial && edit_set_text(&e, initial) < 0) {
		edit_free(&e);
		return NULL;
	}
	while (!ui_stopping()) {
		wint_t ch;
		int status, r;

		ui->message[0] = '\0';
		ui_draw(ui);
		move(ui->lines - 2, 0);
		clrtoeol();
		ui_put(ui->lines - 2, 0, label, ui->cols, ui->theme.attr[T_HEADING], 0);
		widget_field_draw(stdscr, ui->lines - 2, lw, ui->cols - lw - 1, &e, A_NORMAL, 1);
		curs_set(1);
		wnoutrefresh(stdscr);
		doupdate();
		status = ui_get_key(ui, &ch);
		if (status == ERR)
			continue;
		if (status == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		r = widget_key(&e, status, ch);
		if (r == WIDGET_DONE) {
			result = strdup(edit_text(&e));
			break;
		}
		if (r == WIDGET_CANCEL)
			break;
		if (r == WIDGET_REFUSED)
			beep();
	}
	/* ended by a signal with words typed: they are kept, not dropped */
	if (!result && ui_stopping() && (flags & UI_PROMPT_WORDS) && edit_len(&e) &&
	    (!initial || strcmp(initial, edit_text(&e)) != 0))
		ui_recover(ui, label, edit_text(&e));
	curs_set(0);
	edit_free(&e);
	return result;
}

/* ui_choose's box: TITLE over the N LABELS, W columns wide, centred, the
 * label SEL highlighted and scrolled into view (*TOP: the first label
 * shown).  Returns how many labels the box shows at once. */
static int choose_draw(struct ui *ui, const char *title, const char *const *labels, size_t n,
		       int w, size_t sel, size_t *top)
{
	int h = (int)n + 2 < ui->lines - 4 ? (int)n + 2 : ui->lines - 4, rows = h - 2;
	int x = (ui->cols - w) / 2, y = (ui->lines - h) / 2;
	size_t i;

	if (sel < *top)
		*top = sel;
	if (sel >= *top + (size_t)rows)
		*top = sel - (size_t)rows + 1;
	ui_draw(ui);
	ui_put(y, x, "", w, ui->theme.attr[T_TITLE], 1);
	ui_put(y, x + 1, title, w - 2, ui->theme.attr[T_TITLE], 0);
	for (i = 0; i < (size_t)rows; i++) {
		size_t k = *top + i;
		attr_t attr = k == sel ? ui->theme.attr[T_SELECTED] : ui->theme.attr[T_TAB];

		ui_put(y + 1 + (int)i, x, "", w, attr, 1);
		if (k < n)
			ui_put(y + 1 + (int)i, x + 2, labels[k], w - 3, attr, 0);
	}
	ui_put(y + h - 1, x, "", w, ui->theme.attr[T_TITLE], 1);
	wnoutrefresh(stdscr);
	doupdate();
	return rows;
}

/* Action A (-1: no action) in ui_choose's list of N labels, ROWS shown at
 * once: *SEL moved, or the answer.  Returns the index chosen, -1 when the
 * user cancelled, -2 to go on asking. */
static int choose_act(int a, size_t *sel, size_t n, int rows)
{
	switch (a) {
	case ACT_MOVE_UP:
		if (*sel > 0)
			(*sel)--;
		break;
	case ACT_MOVE_DOWN:
		if (*sel + 1 < n)
			(*sel)++;
		break;
	case ACT_PAGE_UP:
		*sel = *sel > (size_t)rows ? *sel - (size_t)rows : 0;
		break;
	case ACT_PAGE_DOWN:
		*sel = *sel + (size_t)rows < n ? *sel + (size_t)rows : n - 1;
		break;
	case ACT_FIRST:
		*sel = 0;
		break;
	case ACT_LAST:
		*sel = n - 1;
		break;
	case ACT_OPEN:
		return (int)*sel;
	case ACT_BACK:
	case ACT_QUIT:
		return -1;
	default:
		beep();
	}
	return -2;
}

int ui_choose(struct ui *ui, const char *title, const char *const *labels, size_t n,
	      size_t initial)
{
	size_t sel = initial < n ? initial : 0, top = 0, i;
	int w = text_width(title) + 4, result = -2;

	if (n == 0)
		return -1;
	ui_drop_held(ui);
	for (i = 0; i < n; i++)
		if (text_width(labels[i]) + 4 > w)
			w = text_width(labels[i]) + 4;
	while (result == -2 && !ui_stopping()) {
		struct keyspec key;
		wint_t ch;
		int status, rows;

		if (ui_too_small(ui)) {
			/* the too-small notice, keys held: no list drawn on it */
			ui_draw(ui);
			ui_get_key(ui, &ch);
			continue;
		}
		if (w > ui->cols - 4)
			w = ui->cols - 4;
		rows = choose_draw(ui, title, labels, n, w, sel, &top);
		status = ui_get_key(ui, &ch);
		if (status == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_resize(ui);
			continue;
		}
		if (status == ERR || keymap_key(status, ch, &key) < 0)
			continue;
		ui->layout = keymap_guess_layout(&key, ui->layout);
		result = choose_act(keymap_action(&ui->keys, &key, ui->layout, 0), &sel, n, rows);
	}
	return result < 0 ? -1 : result;
}

/* QUESTION, wrapped, on the lines just above the hint line, and the
 * answer keys on a line of their own below it (at most a third of the
 * screen in all; the question's start gives way, the keys always show). */
static void put_question(struct ui *ui, const char *question)
{
	const char *keys = _("y or ั = yes, any other key = no");
	struct text_lines q;
	int most = ui->lines / 3 > 2 ? ui->lines / 3 - 1 : 1, n, i;

	if (text_wrap(question, ui->cols, &q) < 0)
		return;
	n = (int)q.n < most ? (int)q.n : most;
	for (i = 0; i < n; i++) {
		const char *line = q.v[q.n - (size_t)n + (size_t)i];

		move(ui->lines - 2 - n + i, 0);
		clrtoeol();
		ui_put(ui->lines - 2 - n + i, 0, line, ui->cols, ui->theme.attr[T_ERROR], 0);
	}
	move(ui->lines - 2, 0);
	clrtoeol();
	ui_put(ui->lines - 2, 0, keys, ui->cols, ui->theme.attr[T_ERROR], 0);
	text_lines_free(&q);
}

int ui_confirm(struct ui *ui, const char *question)
{
	ui_drop_held(ui);
	for (;;) {
		wint_t ch;
		int status;

		ui_draw(ui);
		if (ui_too_small(ui)) {   /* the notice alone, keys held */
			ui_get_key(ui, &ch);
			if (ui_stopping())
				return 0;
			continue;
		}
		put_question(ui, question);
		wnoutrefresh(stdscr);
		doupdate();
		if (ui_stopping())
			return 0;
		status = ui_get_key(ui, &ch);
		if (status == ERR)
			continue;
		if (status == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_resize(ui);
			continue;
		}
		/* keys typed ahead were dropped above: this one was typed
		 * after the question showed */
		return status == OK && (ch == 'y' || ch == 'Y' || ch == 0x0E31);
	}
}
