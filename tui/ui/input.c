/* input.c - keys from the terminal: held while the terminal is too small
 * or while another user holds the database, given back in order after;
 * a terminal that went away is a hang-up; what each key cost, for make
 * bench. */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"

#define MIN_COLS 80
#define MIN_LINES 24

int ui_too_small(const struct ui *ui)
{
	return ui->cols < MIN_COLS || ui->lines < MIN_LINES;
}

void ui_draw_too_small(struct ui *ui)
{
	char line[256];
	struct text_lines lines;
	size_t i;

	erase();
	snprintf(line, sizeof line, _("terminal too small: %dx%d, needs %dx%d"), ui->cols,
		 ui->lines, MIN_COLS, MIN_LINES);
	if (ui->nheld)
		snprintf(line + strlen(line), sizeof line - strlen(line), " · %s %zu",
			 _("keys kept:"), ui->nheld);
	/* on as many lines as the width needs: the notice is all there is */
	if (text_wrap(line, ui->cols > 0 ? ui->cols : 1, &lines) == 0) {
		for (i = 0; i < lines.n && (int)i < ui->lines; i++)
			ui_put((int)i, 0, lines.v[i], ui->cols, ui->theme.attr[T_ERROR], 0);
		text_lines_free(&lines);
	}
	if (text_wrap(_("Keys typed now are kept and done when it is larger again."),
		      ui->cols > 0 ? ui->cols : 1, &lines) == 0) {
		for (i = 0; i < lines.n && (int)(i + 2) < ui->lines; i++)
			ui_put((int)i + 2, 0, lines.v[i], ui->cols, A_NORMAL, 0);
		text_lines_free(&lines);
	}
}

/* Keep a key for later; beep when the ring is full. */
static void hold(struct ui *ui, int status, wint_t ch)
{
	if (ui->nheld == UI_HELD) {
		beep();
		return;
	}
	ui->held[(ui->held_first + ui->nheld) % UI_HELD].status = status;
	ui->held[(ui->held_first + ui->nheld) % UI_HELD].ch = ch;
	ui->nheld++;
}

int ui_take_held(struct ui *ui, wint_t *ch)
{
	struct held_key *k = &ui->held[ui->held_first];

	ui->held_first = (ui->held_first + 1) % UI_HELD;
	ui->nheld--;
	*ch = k->ch;
	if (k->status == KEY_CODE_YES && k->ch == KEY_RESIZE)
		ui_resize(ui);
	return k->status;
}

void ui_drop_held(struct ui *ui)
{
	size_t n = ui->nheld;

	if (!n)
		return;
	ui->nheld = 0;
	ui->held_first = 0;
	ui_error(ui, _("%zu keys typed ahead were set aside: a question needs an answer first"), n);
}

/* A terminal that went away without a SIGHUP (the session killed, the
 * signal not passed on): get_wch only ever says ERR, at once.  Treat it as
 * the hang-up it is. */
static void terminal_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		ui_stop(SIGHUP);
}

int ui_get_key(struct ui *ui, wint_t *ch)
{
	int status;

	if (ui->nheld && !ui_too_small(ui))
		return ui_take_held(ui, ch);
	status = get_wch(ch);
	if (status == ERR) {
		terminal_gone();
		return ERR;
	}
	if (status == KEY_CODE_YES && *ch == KEY_RESIZE) {
		ui_resize(ui);
		return status;
	}
	if (ui_too_small(ui)) {
		hold(ui, status, *ch);
		return ERR;
	}
	return status;
}

int ui_on_wait(void *arg, long waited_ms)
{
	struct ui *ui = arg;
	wint_t ch;
	int status;

	if (ui_stopping())
		return 0;   /* ending: what is not saved goes to the recovery file */
	timeout(0);
	while ((status = get_wch(&ch)) != ERR)
		hold(ui, status, ch);
	timeout(250);
	if (waited_ms >= 300 && !ui_too_small(ui)) {
		char line[256];

		snprintf(line, sizeof line,
			 _("waiting for another user to finish a change (%ld of %d s); keys you type are kept"),
			 waited_ms / 1000, ui->cfg->db_wait);
		move(ui->lines - 2, 0);
		clrtoeol();
		ui_put(ui->lines - 2, 0, line, ui->cols, ui->theme.attr[T_ERROR], 0);
		wnoutrefresh(stdscr);
		doupdate();
	}
	return 1;
}

/* CPU time of this process so far, in microseconds. */
long long ui_cpu_us(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* For make bench: one line "key NAME MICROSECONDS" per key, the CPU it
 * cost to handle and draw, and "tick MICROSECONDS" per pause in typing
 * that did work (a save at rest, a reload after another user's change).
 * NAME is ncurses' name of a function key, ^X for a control key, or
 * "char" for any character typed (never the character itself). */
void ui_log_cost(struct ui *ui, int status, wint_t ch, long long us)
{
	if (status == KEY_CODE_YES) {
		const char *name = keyname((int)ch);

		fprintf(ui->cost_log, "key %s %lld\n", name ? name : "?", us);
	} else if (status == OK && ch >= 0x20 && ch != 0x7F) {
		/* what was typed stays out of the file: only that it was */
		fprintf(ui->cost_log, "key char %lld\n", us);
	} else if (status == OK) {
		fprintf(ui->cost_log, "key ^%c %lld\n", (int)((ch + 0x40) & 0x7F), us);
	} else {
		fprintf(ui->cost_log, "tick %lld\n", us);
	}
	fflush(ui->cost_log);
}
