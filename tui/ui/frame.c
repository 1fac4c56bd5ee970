/* frame.c - the frame around the views: the title bar with the section
 * tabs, the message line, the hint line, and the drawing helpers every
 * view writes with. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "shell.h"

/* ---- drawing helpers ---- */

/* "..." rather than "…" where text is cut (the --ascii looks). */
static int put_ascii;

void ui_put_ascii(int ascii)
{
	put_ascii = ascii;
}

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

/* ---- the hint line ---- */

/* Does the view on top take "/" and "-" as the keys 2 and 3 now (the
 * Thai layout plausible in a checklist)? */
static int number_row_now(struct ui *ui)
{
	const struct view *v = ui_top_view(ui);

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

/* The four statuses FOUR as one hint, "1 2 3 4 status", and while the
 * Thai layout is plausible in a checklist the keys Kedmanee types on
 * them: "1 2 3 4 status (Thai keys ๅ / - ภ)"; a levels checklist's
 * "1 2 3 0 level". */
static int status_hint(struct ui *ui, int y, int x, int limit, const enum action *four)
{
	char keys[128] = "", thai[128] = "", label[256];
	size_t used = 0, tused = 0;
	int a, levels = four[3] == ACT_STATUS_CLEAR;

	for (a = 0; a < 4; a++) {
		char one[32];
		const char *t;

		keymap_describe(&ui->keys, four[a], 1, one, sizeof one);
		used += (size_t)snprintf(keys + used, sizeof keys - used, "%s%s", used ? " " : "", one);
		t = strlen(one) == 1 ? key_latin_kedmanee((unsigned char)one[0]) : NULL;
		if (t && tused < sizeof thai)
			tused += (size_t)snprintf(thai + tused, sizeof thai - tused, "%s%s",
						  tused ? " " : "", t);
		if (used >= sizeof keys || tused >= sizeof thai)
			return 0;
	}
	if (number_row_now(ui) && thai[0])
		snprintf(label, sizeof label, levels ? _("level B A S, none (Thai keys %s)")
			 : _("status (Thai keys %s)"), thai);
	else
		snprintf(label, sizeof label, "%s", levels ? _("level B A S, none") : _("status"));
	return hint_pair(ui, y, x, limit, keys, label);
}

/* One hint for action A of view V (may be NULL) at (Y, X) before
 * column LIMIT; its width. */
static int hint(struct ui *ui, struct view *v, int y, int x, int limit, enum action a)
{
	char key[64];

	hint_key(ui, a, key, sizeof key);
	return hint_pair(ui, y, x, limit, key, ui_action_label(v, a));
}

const char *ui_action_label(const struct view *v, enum action a)
{
	const char *l = v && v->ops->label ? v->ops->label(v, a) : NULL;

	return l ? l : _(action_table[a].help);
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
	hint(ui, NULL, y, help_x, ui->cols, ACT_HELP);
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
		    actions[2] == ACT_STATUS_NOT_MET &&
		    (actions[3] == ACT_STATUS_NA || actions[3] == ACT_STATUS_CLEAR)) {
			w = status_hint(ui, y, x, limit, actions);
			actions += 3;
		} else {
			w = hint(ui, v, y, x, limit, *actions);
		}
		if (w)
			x += w + 2;
	}
}

/* ---- the message line ---- */

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

/* ---- the title and the whole frame ---- */

static const char *section_label(enum ui_section s)
{
	switch (s) {
	case UI_PLANS:
		return _("Plans");
	case UI_CHECKLISTS:
		return _("Checklists");
	case UI_AAR:
		return _("AAR");
	case UI_REPORTS:
		return _("Reports");
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
	struct view *v = ui_top_view(ui);

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
