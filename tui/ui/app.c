/* app.c - the shell: the terminal, the main loop, the sections, the title,
 * message and hint lines, signals and resizing. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/edit.h"
#include "routemap/escape.h"
#include "routemap/files.h"
#include "routemap/lookup.h"
#include "routemap/recover.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "routemap/widget.h"

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

/* ---- drawing helpers ---- */

/* "..." rather than "…" where text is cut (the --ascii looks). */
static int put_ascii;

int ui_put(int y, int x, const char *s, int cols, attr_t attr, int pad)
{
	char *shown, *cut = NULL;
	size_t len;
	int w = 0;

	if (cols <= 0)
		return 0;
	shown = text_show_marks(s ? s : "");
	if (!shown)
		return 0;
	/* what does not fit is cut after a word and says so */
	if (text_width(shown) > cols && (cut = malloc(strlen(shown) + 8)) != NULL) {
		text_truncate(cut, strlen(shown) + 8, shown, cols, 0, put_ascii);
		free(shown);
		shown = cut;
	}
	len = text_fit(shown, cols, &w);
	attrset(attr);
	mvaddnstr(y, x, shown, (int)len);
	if (pad && w < cols)
		printw("%*s", cols - w, "");
	attrset(A_NORMAL);
	free(shown);
	return pad ? cols : w;
}

void ui_date(const struct ui *ui, const char *iso, char *out, size_t size)
{
	text_format_stored_date(iso, ui->cfg->calendar == CFG_CAL_BUDDHIST, out, size);
}

void ui_bar(struct ui *ui, int y, int x, int width, double percent)
{
	int filled = (int)(percent * width / 100.0 + 0.5), i;
	const char *full = ui->theme.ascii ? "#" : "█", *empty = ui->theme.ascii ? "." : "░";

	move(y, x);
	for (i = 0; i < width; i++) {
		attrset(ui->theme.attr[i < filled ? T_BAR_FULL : T_BAR_EMPTY]);
		addstr(i < filled ? full : empty);
	}
	attrset(A_NORMAL);
}

/* The view on top of the current section, or NULL. */
static struct view *top_view(struct ui *ui)
{
	int d = ui->depth[ui->section];

	return d > 0 ? ui->stack[ui->section][d - 1] : NULL;
}

/* Does the view on top take "/" and "-" as the keys 2 and 3 now (the
 * Thai layout plausible in a checklist)? */
static int number_row_now(struct ui *ui)
{
	const struct view *v = top_view(ui);

	return v && v->ops->number_row_statuses && ui->layout != LAYOUT_LATIN;
}

/* The first key of A for the hint line: where "/" is the key 2 now,
 * search is named by the Thai key on it (ฝ). */
static void hint_key(struct ui *ui, enum action a, char *key, size_t size)
{
	keymap_describe(&ui->keys, a, 1, key, size);
	if (number_row_now(ui) && (!strcmp(key, "/") || !strcmp(key, "-")))
		snprintf(key, size, "%s", key_latin_kedmanee((unsigned char)key[0]));
}

/* "KEY label" at (Y, X) if it fits before column LIMIT; returns its width
 * (0 when it did not fit or KEY is empty). */
static int hint_pair(struct ui *ui, int y, int x, int limit, const char *key, const char *label)
{
	int need;

	if (!key[0])
		return 0;
	need = text_width(key) + 1 + text_width(label);
	if (x + need > limit)
		return 0;
	ui_put(y, x, key, need, ui->theme.attr[T_HINT_KEY], 0);
	ui_put(y, x + text_width(key) + 1, label, need, ui->theme.attr[T_HINT], 0);
	return need;
}

/* The four statuses as one hint, "1 2 3 4 status", and while the Thai
 * layout is plausible in a checklist the keys Kedmanee types on them:
 * "1 2 3 4 status (Thai keys ๅ / - ภ)". */
static int status_hint(struct ui *ui, int y, int x, int limit)
{
	char keys[128] = "", thai[128] = "", label[256];
	size_t used = 0, tused = 0;
	int a;

	for (a = ACT_STATUS_MET; a <= ACT_STATUS_NA; a++) {
		char one[32];
		const char *t;

		keymap_describe(&ui->keys, (enum action)a, 1, one, sizeof one);
		used += (size_t)snprintf(keys + used, sizeof keys - used, "%s%s", used ? " " : "", one);
		t = strlen(one) == 1 ? key_latin_kedmanee((unsigned char)one[0]) : NULL;
		if (t && tused < sizeof thai)
			tused += (size_t)snprintf(thai + tused, sizeof thai - tused, "%s%s",
						  tused ? " " : "", t);
		if (used >= sizeof keys || tused >= sizeof thai)
			return 0;
	}
	if (number_row_now(ui) && thai[0])
		snprintf(label, sizeof label, _("status (Thai keys %s)"), thai);
	else
		snprintf(label, sizeof label, "%s", _("status"));
	return hint_pair(ui, y, x, limit, keys, label);
}

/* One hint for action A at (Y, X) before column LIMIT; its width. */
static int hint(struct ui *ui, int y, int x, int limit, enum action a)
{
	char key[64];

	hint_key(ui, a, key, sizeof key);
	return hint_pair(ui, y, x, limit, key, _(action_table[a].help));
}

/* The hint line: the view's actions from the left, as many as fit, help
 * always at the right end, and the view's legend just before it.  The four
 * statuses, when they come in order, share one hint. */
void ui_hints(struct ui *ui, int y, const enum action *actions, struct view *v)
{
	char key[64];
	int help_x, x = 0, limit;

	move(y, 0);
	clrtoeol();
	keymap_describe(&ui->keys, ACT_HELP, 1, key, sizeof key);
	help_x = ui->cols - (text_width(key) + 1 + text_width(_(action_table[ACT_HELP].help))) - 1;
	hint(ui, y, help_x, ui->cols, ACT_HELP);
	limit = help_x - 2;
	if (v && v->ops->legend) {
		int start = v->ops->legend(v, ui, y, limit);

		if (start < limit)
			limit = start - 2;
	}
	for (; actions && *actions != ACT_COUNT; actions++) {
		int w;

		/* read-only: what would write is not offered */
		if (action_table[*actions].writes && ui->st && ui->st->readonly)
			continue;
		if (actions[0] == ACT_STATUS_MET && actions[1] == ACT_STATUS_PARTIAL &&
		    actions[2] == ACT_STATUS_NOT_MET && actions[3] == ACT_STATUS_NA) {
			w = status_hint(ui, y, x, limit);
			actions += 3;
		} else {
			w = hint(ui, y, x, limit, *actions);
		}
		if (w)
			x += w + 2;
	}
}

int ui_error_fresh(const struct ui *ui)
{
	return ui->message_is_error && ui->message[0] && ui_now_ms() - ui->error_at < 3000;
}

/* Set the message line to the formatted text, on one line, with controls
 * and invisible characters from the data shown as escapes. */
static void set_message(struct ui *ui, int is_error, const char *fmt, va_list ap)
{
	char raw[4 * sizeof ui->message];
	char *shown;

	if (is_error)
		ui->error_at = ui_now_ms();
	vsnprintf(raw, sizeof raw, fmt, ap);
	shown = escape_text(raw, ESC_INVISIBLE);
	/* (longer than the screen could show: cut after a word, with "…") */
	text_truncate(ui->message, sizeof ui->message, shown ? shown : raw, 4 * (int)sizeof raw, 0,
		      ui->theme.ascii);
	free(shown);
	ui->message_is_error = is_error;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 0, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 1, fmt, ap);
	va_end(ap);
}

/* ---- views and sections ---- */

static void view_free(struct view *v)
{
	if (v) {
		v->ops->free(v);
		free(v);
	}
}

void ui_push(struct ui *ui, struct view *view)
{
	int *d = &ui->depth[ui->section];

	if (!view)
		return;
	if (*d == UI_STACK) {
		/* Deep enough: the oldest view above the section's list goes. */
		view_free(ui->stack[ui->section][1]);
		memmove(&ui->stack[ui->section][1], &ui->stack[ui->section][2],
			(UI_STACK - 2) * sizeof ui->stack[0][0]);
		(*d)--;
	}
	ui->stack[ui->section][(*d)++] = view;
}

void ui_pop(struct ui *ui)
{
	int *d = &ui->depth[ui->section];

	if (*d > 1)
		view_free(ui->stack[ui->section][--(*d)]);
}

void ui_section(struct ui *ui, enum ui_section s)
{
	ui->section = s;
	if (ui->depth[s] > 0)
		return;
	switch (s) {
	case UI_PLANS:
		ui_open(ui, VIEW_PLANS, NULL, NULL);
		break;
	case UI_CHECKLISTS:
		ui_open(ui, VIEW_ASSESSMENTS, NULL, NULL);
		break;
	case UI_AAR:
		ui_open(ui, VIEW_AARS, NULL, NULL);
		break;
	case UI_SECTIONS:
		break;
	}
}

/* ---- the frame ---- */

static const char *section_label(enum ui_section s)
{
	switch (s) {
	case UI_PLANS:
		return _("Plans");
	case UI_CHECKLISTS:
		return _("Checklists");
	case UI_AAR:
		return _("AAR");
	case UI_SECTIONS:
		break;
	}
	return "";
}

/* Office, fiscal year, the section tabs, the user. */
static void draw_title(struct ui *ui)
{
	char left[256];
	int x, s, uw;

	snprintf(left, sizeof left, " %s  %s %d ", ui->cfg->office_short_name, _("FY"),
		 ui->fiscal_year);
	ui_put(0, 0, "", ui->cols, ui->theme.attr[T_TITLE], 1);
	x = ui_put(0, 0, left, ui->cols, ui->theme.attr[T_TITLE], 0);
	for (s = 0; s < UI_SECTIONS; s++) {
		char tab[64];

		snprintf(tab, sizeof tab, " %s ", section_label((enum ui_section)s));
		x += ui_put(0, x, " ", 1, ui->theme.attr[T_TITLE], 0);
		x += ui_put(0, x, tab, ui->cols - x,
			    ui->theme.attr[s == (int)ui->section ? T_TAB_ACTIVE : T_TAB], 0);
	}
	uw = text_width(ui->user) + 1;
	if (x + uw < ui->cols)
		ui_put(0, ui->cols - uw, ui->user, uw, ui->theme.attr[T_TITLE], 0);
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

/* Lines FROM on of MSG joined by spaces, for a last line that ui_put
 * cuts with an ellipsis (static; for drawing at once). */
static const char *message_rest(const struct text_lines *msg, size_t from)
{
	static char rest[4096];
	size_t i, len = 0;

	rest[0] = '\0';
	for (i = from; i < msg->n; i++) {
		int k = snprintf(rest + len, sizeof rest - len, "%s%s", i > from ? " " : "", msg->v[i]);

		if (k < 0 || (size_t)k >= sizeof rest - len)
			break;   /* (what is kept is cut by whole lines) */
		len += (size_t)k;
	}
	rest[len] = '\0';
	return rest;
}

void ui_keep_cursor(struct ui *ui)
{
	getyx(stdscr, ui->cursor_y, ui->cursor_x);
	ui->cursor_on = 1;
}

void ui_draw(struct ui *ui)
{
	struct view *v = top_view(ui);

	if (v && v->stale) {
		/* it changed while another view was on top */
		v->stale = 0;
		if (v->ops->reload)
			v->ops->reload(v, ui);
	}

	ui->cursor_on = 0;
	erase();
	if (ui_too_small(ui)) {
		ui_draw_too_small(ui);
	} else {
		struct text_lines msg = { NULL, 0 };
		attr_t attr = ui->theme.attr[ui->message_is_error ? T_ERROR : T_MESSAGE];
		int n = 1, most = ui->lines - 5, i;

		/* a long message (a file name at its end, say) takes the lines it
		 * needs, wrapped at Thai words, rather than losing its end; the
		 * view gets what is left (at least two lines) */
		if (text_width(ui->message) > ui->cols && text_wrap(ui->message, ui->cols, &msg) == 0 &&
		    msg.n > 1)
			n = (int)msg.n < most ? (int)msg.n : most;
		draw_title(ui);
		if (v)
			v->ops->draw(v, ui, 1, ui->lines - 2 - n);
		if (n > 1) {
			for (i = 0; i < n - 1; i++)
				ui_put(ui->lines - 1 - n + i, 0, msg.v[i], ui->cols, attr, 0);
			/* (more than the screen holds: its last line says so) */
			ui_put(ui->lines - 2, 0, (size_t)n < msg.n ? message_rest(&msg, (size_t)n - 1)
								 : msg.v[n - 1], ui->cols, attr, 0);
		} else {
			ui_put(ui->lines - 2, 0, ui->message, ui->cols, attr, 0);
		}
		text_lines_free(&msg);
		ui_hints(ui, ui->lines - 1, !v ? NULL : v->actions_now ? v->actions_now : v->ops->actions,
			 v);
	}
	/* A view editing text keeps the cursor there; otherwise it hides, and
	 * stays wherever the update left it (no move back to the last cell
	 * drawn: a few bytes each key). */
	if (ui->cursor_on)
		move(ui->cursor_y, ui->cursor_x);
	/* (a terminal that cannot hide the cursor keeps it put as before) */
	leaveok(stdscr, curs_set(ui->cursor_on) != ERR && !ui->cursor_on);
	wnoutrefresh(stdscr);
	leaveok(stdscr, FALSE);
	doupdate();
}


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
	while (!stop_signal) {
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
	if (!result && stop_signal && (flags & UI_PROMPT_WORDS) && edit_len(&e) &&
	    (!initial || strcmp(initial, edit_text(&e)) != 0))
		ui_recover(ui, label, edit_text(&e));
	curs_set(0);
	edit_free(&e);
	return result;
}

void ui_resize(struct ui *ui)
{
	int s, d;

	getmaxyx(stdscr, ui->lines, ui->cols);
	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++) {
			struct view *v = ui->stack[s][d];

			if (v->ops->resize)
				v->ops->resize(v, ui);
		}
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
		ui_message(ui, "%s", _("Reports come in a later version; try: routemap report coverage"));
		return 1;
	case ACT_HELP:
		ui_open_place(ui, VIEW_HELP, &(struct ui_place){ .of = top_view(ui) });
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

void ui_changed(struct ui *ui)
{
	struct view *top = top_view(ui);
	int s, d;

	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++)
			ui->stack[s][d]->stale = 1;
	/* the one on the screen now; the others when they come back */
	if (top && top->stale) {
		top->stale = 0;
		if (top->ops->reload)
			top->ops->reload(top, ui);
	}
}

void ui_others_changed(struct ui *ui)
{
	struct view *top = top_view(ui);
	int s, d;

	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++)
			if (ui->stack[s][d] != top)
				ui->stack[s][d]->stale = 1;
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
	    ((uintptr_t)top_view(ui) != v || ui->depth[ui->section] != depth ||
	     ui->section != section))
		ui->message[0] = '\0';
}

static void handle_key(struct ui *ui, int status, wint_t ch)
{
	struct view *v = top_view(ui);
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
	} else if (notice) {
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
	put_ascii = ui->theme.ascii;
	getmaxyx(stdscr, ui->lines, ui->cols);
	return 0;
}

/* The program is told to end (SIGHUP, SIGTERM) while keys are held: the
 * text among them, up to the first key that is not text, goes into the
 * field being typed in, to be saved or kept with the rest on the way out. */
static void keep_held_text(struct ui *ui)
{
	struct view *v = top_view(ui);

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
			struct view *v = top_view(ui);

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
	int s, rc;

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
	for (s = 0; s < UI_SECTIONS; s++)
		while (ui->depth[s] > 0)
			view_free(ui->stack[s][--ui->depth[s]]);
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
