/* app.c - the shell: the terminal taken and given back, signals, the
 * main loop and the keys the shell takes itself, others' changes noticed,
 * undo, and words kept when they cannot be saved.  The frame it draws is
 * in frame.c, the views' stacks in stack.c. */
#include <langinfo.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/exchange.h"
#include "routemap/files.h"
#include "routemap/lookup.h"
#include "routemap/recover.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "routemap/widget.h"
#include "shell.h"

/* Set by the signal handlers; the loop finishes what it does and leaves. */
static volatile sig_atomic_t stop_signal;
static int curses_active;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Whatever way the program ends, the terminal is given back. */
static void restore_terminal(void)
{
	if (curses_active) {
		curses_active = 0;
		endwin();
	}
}

/* On the idle tick: did another user commit something?  Then the views
 * read their data again. */
static int notice_others(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	long long v;

	if (ui->st->snapshot) {
		/* a read-only snapshot: reopen as soon as someone writes */
		int r = store_refresh(ui->st, &err);

		if (r < 0) {
			ui_error(ui, "%s", err.msg);
			ui->quit = 1;
			return 1;
		}
		if (r == 1) {
			ui_changed(ui);
			ui_message(ui, "%s", _("someone is writing the database now: what you see is "
					       "current again (read-only)"));
			return 1;
		}
	}
	if (store_data_version(ui->st, &v, &err) < 0 || v == ui->seen_version)
		return 0;
	ui->seen_version = v;
	ui_changed(ui);
	return 1;
}

int ui_stopping(void)
{
	return stop_signal != 0;
}

void ui_stop(int sig)
{
	stop_signal = sig;
}

/* Actions the shell takes before the view sees them. */
static int global_action(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_QUIT:
		ui->quit = 1;
		return 1;
	case ACT_NEXT_SECTION:
		ui_section(ui, (enum ui_section)((ui->section + 1) % UI_SECTIONS));
		return 1;
	case ACT_PREV_SECTION:
		ui_section(ui, (enum ui_section)((ui->section + UI_SECTIONS - 1) % UI_SECTIONS));
		return 1;
	case ACT_SECTION_PLANS:
		ui_section(ui, UI_PLANS);
		return 1;
	case ACT_SECTION_CHECKLISTS:
		ui_section(ui, UI_CHECKLISTS);
		return 1;
	case ACT_SECTION_AAR:
		ui_section(ui, UI_AAR);
		return 1;
	case ACT_SECTION_REPORTS:
		ui_section(ui, UI_REPORTS);
		return 1;
	case ACT_HELP:
		ui_open_place(ui, VIEW_HELP, &(struct ui_place){ .of = ui_top_view(ui) });
		return 1;
	case ACT_SEARCH:
		ui_search(ui);
		return 1;
	case ACT_SEARCH_NEXT:
		ui_search_step(ui, 1);
		return 1;
	case ACT_SEARCH_PREV:
		ui_search_step(ui, -1);
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_UNDO:
		ui_undo(ui);
		return 1;
	case ACT_FOLLOW:
		ui_follow(ui, ui_top_view(ui));
		return 1;
	default:
		return 0;
	}
}

int ui_recover(struct ui *ui, const char *what, const char *text)
{
	struct rm_error err = { 0, "" };
	struct file_share share = { (gid_t)-1, 0600 };
	char *where = NULL;
	struct buf kept = { 0 };

	if (!text || !*text)
		return 0;
	if (*ui->cfg->db_shared_group)
		file_share_for_group(ui->cfg->db_shared_group, &share, &err);
	if (recover_save(ui->st->path, ui->user, &share, what, text, &where, &err) == 0) {
		snprintf(ui->recovered, sizeof ui->recovered, "%s", where);
		ui_error(ui, _("not saved; your text is kept in %s"), where);
		free(where);
		return 0;
	}
	/* no file takes it: it stays in memory and is printed at the end */
	buf_puts(&kept, ui->unsaved ? ui->unsaved : "");
	buf_printf(&kept, "---- %s  %s\n%s\n", ui->user, what, text);
	if (!kept.oom) {
		free(ui->unsaved);
		ui->unsaved = buf_take(&kept);
	}
	buf_free(&kept);
	ui_error(ui, _("not saved, and no file takes it (%s): your text stays in memory and is "
		       "printed when routemap ends"), err.msg);
	return -1;
}

void ui_recover_failed(struct ui *ui, const char *why, const char *what, const char *text)
{
	if (ui_recover(ui, what, text) == 0)
		ui_error(ui, _("%s; your words are kept in %s"), why, ui->recovered);
}

void ui_undo(struct ui *ui)
{
	struct rm_error err = { 0, "" };

	/* u again after a refusal: that change stays as it is, and the ones
	 * before it can be undone */
	if (ui->undo_refused && ui->undo_refused == ui->undo.n + 1) {
		change_forget(&ui->undo);
		ui->undo_refused = 0;
		ui_message(ui, "%s", _("that change stays; u again undoes the one before it"));
		return;
	}
	ui->undo_refused = 0;
	switch (change_undo(ui->st, &ui->undo, &err)) {
	case CHANGE_OK:
		ui_changed(ui);
		ui_message(ui, "%s", _("undone and saved"));
		break;
	case CHANGE_NONE:
		ui_message(ui, "%s", _("nothing to undo in this session"));
		break;
	case CHANGE_CONFLICT:
		ui->undo_refused = ui->undo.n + 1;
		ui_error(ui, _("%s (u again: leave it and go on undoing)"), err.msg);
		ui_changed(ui);
		break;
	default:
		ui_error(ui, "%s", err.msg);
		ui_changed(ui);
	}
}

/* After an action done: an error still on the message line (kept for
 * the keys of a burst) is cleared when the action led on to another view
 * or section without an error of its own, so that the new screen does not
 * carry the old one's failure.  V, SECTION and ERROR_AT: as before it. */
static void went_on(struct ui *ui, uintptr_t v, int depth, enum ui_section section,
		    long long error_at)
{
	if (ui->message_is_error && ui->error_at == error_at &&
	    ((uintptr_t)ui_top_view(ui) != v || ui->depth[ui->section] != depth ||
	     ui->section != section))
		ui->message[0] = '\0';
}

static void handle_key(struct ui *ui, int status, wint_t ch)
{
	struct view *v = ui_top_view(ui);
	enum ui_section section = ui->section;
	long long error_at = ui->error_at;
	uintptr_t was = (uintptr_t)v;
	int depth = ui->depth[section];
	struct keyspec key;
	int a;

	if (status == KEY_CODE_YES && ch == KEY_RESIZE) {
		ui_resize(ui);
		return;
	}
	if (v && v->ops->raw_key && v->ops->raw_key(v, ui, status, ch))
		return;
	if (keymap_key(status, ch, &key) < 0)
		return;
	ui->layout = keymap_guess_layout(&key, ui->layout);
	a = keymap_action(&ui->keys, &key, ui->layout, v && v->ops->number_row_statuses);
	if (a < 0) {
		beep();
		return;
	}
	if (!ui_error_fresh(ui))
		ui->message[0] = '\0';
	/* said before any question or list it would open */
	if (action_table[a].writes && ui->st->readonly) {
		ui_error(ui, "%s", _("the database is open read-only: nothing can be changed"));
		return;
	}
	if ((a != ACT_BACK && global_action(ui, (enum action)a)) ||
	    (v && v->ops->act(v, ui, (enum action)a))) {
		went_on(ui, was, depth, section, error_at);
		return;
	}
	if (a == ACT_BACK) {
		if (ui->depth[ui->section] > 1)
			ui_pop(ui);
		else
			ui->quit = 1;
		went_on(ui, was, depth, section, error_at);
		return;
	}
	beep();
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the loop from its wait for a key. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void find_user(struct ui *ui)
{
	struct passwd *pw = getpwuid(getuid());

	snprintf(ui->user, sizeof ui->user, "%s", pw && pw->pw_name ? pw->pw_name : "?");
}

static int today_fiscal_year(void)
{
	struct text_date d;

	text_today(&d);
	return text_fiscal_year(&d);
}

long long ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What the user should know before the first key: the NOTICE of the
 * caller (a migration), a read-only database, text kept from before. */
static void first_message(struct ui *ui, const char *notice)
{
	char *path = NULL;
	int entries = 0;

	if (recover_find(ui->st->path, ui->user, &path, &entries)) {
		ui_error(ui, _("%d text(s) could not be saved earlier; look at them with: less %s"),
			 entries, path);
		free(path);
	} else if (ui->st->readonly) {
		ui_error(ui, "%s", ui->st->snapshot
			 ? _("read-only: you may look but not change (a snapshot: nobody had the "
			     "database open)")
			 : _("read-only: you may look but not change"));
	} else {
		struct rm_error err = { 0, "" };
		long long n = exchange_conflicts_open(ui->st, &err);
		char key[32];

		keymap_describe(&ui->keys, ACT_SECTION_REPORTS, 1, key, sizeof key);
		if (n > 0)
			ui_message(ui, _("%s%s%lld conflict(s) between offices to decide: press %s"),
				   notice ? notice : "", notice ? "; " : "", n, key);
		else if (notice)
			ui_message(ui, "%s", notice);
	}
	ui->error_at = 0;   /* (a notice to read at leisure, not one to keep) */
}

/* The terminal in curses' hands: raw keys, no echo, keypad, the idle tick. */
static int start_curses(struct ui *ui, int ascii, int no_color)
{
	const char *nc = getenv("NO_COLOR");
	const struct config *cfg = ui->cfg;
	int color;

	if (!newterm(NULL, stdout, stdin))
		return -1;
	curses_active = 1;
	raw();             /* Ctrl-C is a key: quit safely */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	widget_keys_init();   /* Home/End and Ctrl-arrows as terminals really send them */
	curs_set(0);
	timeout(250);      /* wake up now and then: signals, saving typing at rest */
	color = !no_color && cfg->color != CFG_OFF && (cfg->color == CFG_ON || !(nc && *nc));
	theme_init(&ui->theme, color,
		   ascii || cfg->line_drawing == CFG_LINES_ASCII ||
		   (cfg->line_drawing == CFG_LINES_AUTO &&
		    strcmp(nl_langinfo(CODESET), "UTF-8") != 0));
	ui_put_ascii(ui->theme.ascii);
	getmaxyx(stdscr, ui->lines, ui->cols);
	return 0;
}

/* The program is told to end (SIGHUP, SIGTERM) while keys are held: the
 * text among them, up to the first key that is not text, goes into the
 * field being typed in, to be saved or kept with the rest on the way out. */
static void keep_held_text(struct ui *ui)
{
	struct view *v = ui_top_view(ui);

	while (ui->nheld && v && v->ops->raw_key) {
		wint_t ch;
		int status = ui_take_held(ui, &ch);

		if (status != OK || ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0))
			break;
		if (!v->ops->raw_key(v, ui, status, ch))
			break;
	}
}

/* The main loop: keys (held ones first) to the views, and on the idle
 * tick saving at rest and others' changes. */
static void main_loop(struct ui *ui)
{
	int dirty = 1, costed = 0, last_status = ERR;
	wint_t last_ch = 0;
	long long t0 = 0;

	while (!ui->quit && !stop_signal) {
		wint_t ch;
		int status;

		if (dirty)
			ui_draw(ui);
		dirty = 0;
		if (costed) {
			long long us = ui_cpu_us() - t0;

			/* an idle tick costs up to a few hundred microseconds */
			if (last_status != ERR || us >= 500)
				ui_log_cost(ui, last_status, last_ch, us);
			costed = 0;
		}
		status = ui_get_key(ui, &ch);
		if (ui->cost_log) {
			costed = 1;
			last_status = status;
			last_ch = ch;
			t0 = ui_cpu_us();
		}
		if (status == ERR) {
			struct view *v = ui_top_view(ui);

			if (v && v->ops->tick) {
				v->ops->tick(v, ui);
				dirty = 1;
			}
			dirty |= notice_others(ui) || ui_too_small(ui);
			continue;
		}
		handle_key(ui, status, ch);
		dirty = 1;
		if (ui->st->wait_gave_up) {
			/* the change those keys followed was not made: typed on, they
			 * would land on the wrong item */
			size_t n = ui->nheld;

			ui->st->wait_gave_up = 0;
			ui->nheld = 0;
			ui->held_first = 0;
			if (n) {
				char msg[sizeof ui->message];

				snprintf(msg, sizeof msg, "%s", ui->message);
				ui_error(ui, _("%s (%zu keys typed while waiting were not used)"), msg, n);
			}
		}
	}
}

int ui_run(struct store *st, const struct config *cfg, int ascii, int no_color,
	   const char *notice)
{
	struct rm_error err = { 0, "" };
	struct ui *ui = calloc(1, sizeof *ui);
	int rc;

	if (!ui) {
		fputs("routemap: out of memory\n", stderr);
		return RM_EXIT_RUNTIME;
	}
	ui->st = st;
	ui->cfg = cfg;
	if (keymap_build(&ui->keys, cfg, &err) < 0) {
		char *msg = escape_text(err.msg, ESC_INVISIBLE);

		fprintf(stderr, "routemap: %s\n", msg ? msg : err.msg);
		free(msg);
		free(ui);
		return err.status;
	}
	find_user(ui);
	ui->fiscal_year = today_fiscal_year();
	/* 25 ms: arrow keys survive a slow link, Esc still feels instant. */
	if (!getenv("ESCDELAY"))
		set_escdelay(cfg->escdelay >= 0 ? cfg->escdelay : 25);
	install_signals();
	atexit(restore_terminal);
	if (start_curses(ui, ascii, no_color) < 0) {
		fprintf(stderr, "routemap: %s\n", _("cannot start the screen (is TERM right?)"));
		keymap_free(&ui->keys);
		free(ui);
		return RM_EXIT_USAGE;
	}
	/* waiting for another user shows, and keeps the keys typed */
	st->on_wait = ui_on_wait;
	st->wait_arg = ui;
	if (getenv("ROUTEMAP_COST_LOG") && *getenv("ROUTEMAP_COST_LOG"))
		ui->cost_log = fopen(getenv("ROUTEMAP_COST_LOG"), "ae");   /* not for $VISUAL */
	notice_others(ui);
	first_message(ui, notice);
	ui_section(ui, UI_PLANS);
	main_loop(ui);
	if (stop_signal)
		keep_held_text(ui);
	/* the views go first, saving what was typed, while the screen can
	 * still say that it waits */
	ui_close_views(ui);
	restore_terminal();
	st->on_wait = NULL;
	free(ui->query);
	store_search_free(ui->hits, ui->nhits);
	ui_row_memo_free(ui);
	undo_log_free(&ui->undo);
	if (ui->recovered[0])
		fprintf(stderr, _("routemap: text that could not be saved is kept in %s\n"),
			ui->recovered);
	rc = 0;
	if (ui->unsaved) {
		char *shown = escape_text(ui->unsaved, ESC_NL_KEEP);

		fprintf(stderr, "%s\n%s", _("routemap: this text could not be saved nor kept in a "
					   "file; copy it from here:"), shown ? shown : ui->unsaved);
		free(shown);
		free(ui->unsaved);
		rc = RM_EXIT_RUNTIME;   /* words only on the screen: not a success */
	}
	if (ui->cost_log)
		fclose(ui->cost_log);
	keymap_free(&ui->keys);
	free(ui);
	return rc;
}

