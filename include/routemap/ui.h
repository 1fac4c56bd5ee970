/* ui.h - the screens (tui/ui/): the shell, its views and what they share.
 *
 * Only tui/ui/ and main.c include this header; it is the one that brings
 * in curses.  Each view is a struct view_ops (tig's model): draw into the
 * body of the screen, take actions, free itself.  Views stack per section;
 * Enter pushes, q/Esc pops.
 */
#ifndef ROUTEMAP_UI_H
#define ROUTEMAP_UI_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "routemap/action.h"
#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/pager.h"
#include "routemap/store.h"
#include "routemap/table.h"

/* ---- keys ---- */

struct binding {
	struct keyspec key;
	enum action action;
};

struct keymap {
	struct binding *v;
	size_t n;
};

/* Bindings from the action table's defaults with CFG's [keys] over them. */
int keymap_build(struct keymap *km, const struct config *cfg, struct rm_error *err);
void keymap_free(struct keymap *km);

/* The key get_wch returned (STATUS is its return value) as a keyspec. */
int keymap_key(int status, wint_t ch, struct keyspec *key);

/* Which keyboard layout the keys typed so far suggest. */
enum key_layout {
	LAYOUT_UNKNOWN,     /* nothing telling typed yet: Thai is plausible */
	LAYOUT_THAI,        /* a Thai character came */
	LAYOUT_LATIN,       /* an ASCII letter or digit came (Kedmanee types none) */
};

/* The action bound to KEY, or -1.  A Thai character (a Thai digit too)
 * falls back to the Latin key at the same place of the Kedmanee layout, so
 * commands work while the Thai layout is on: ๐ is Shift-Q, quit.
 * NUMBER_ROW_STATUSES: the view takes "/" and "-", which Kedmanee types on
 * the keys 2 and 3, as those keys whenever LAYOUT is not Latin (the
 * checklist's statuses; search is ฝ there, on the "/" key). */
int keymap_action(const struct keymap *km, const struct keyspec *key, enum key_layout layout,
		  int number_row_statuses);

/* Update the guess of the active layout from KEY: a Thai character means
 * Thai, an ASCII letter or digit means Latin, anything else leaves the
 * guess as it was. */
enum key_layout keymap_guess_layout(const struct keyspec *key, enum key_layout layout);

/* The keys of ACTION, written for people ("q, Esc"); FIRST: only the first. */
void keymap_describe(const struct keymap *km, enum action action, int first, char *buf,
		     size_t size);

/* ---- looks ---- */

enum theme_item {
	T_NORMAL, T_TITLE, T_TAB, T_TAB_ACTIVE, T_MESSAGE, T_ERROR, T_HINT, T_HINT_KEY,
	T_HEADING, T_SELECTED, T_DIM, T_BAND, T_BORDER, T_CODE, T_LINK,
	T_BOX_SELECTED, T_BOX_CAUSE, T_BOX_EFFECT, T_BAR_FULL, T_BAR_EMPTY,
	T_COUNT
};

struct theme {
	attr_t attr[T_COUNT];
	int color;              /* colours in use (else the monochrome theme) */
	int ascii;              /* ASCII line drawing */
};

/* Colours when COLOR (and the terminal has them), else bold, reverse and
 * underline only.  Call after initscr. */
void theme_init(struct theme *t, int color, int ascii);

/* ---- views ---- */

struct ui;
struct view;
struct ui_links;
struct form_def;

struct view_ops {
	const char *name;               /* shown in the help title */
	/* Draw into rows TOP .. TOP + HEIGHT - 1 of the screen. */
	void (*draw)(struct view *v, struct ui *ui, int top, int height);
	/* Take ACTION; return 1 when the view used it. */
	int (*act)(struct view *v, struct ui *ui, enum action action);
	/* The terminal changed size (optional). */
	void (*resize)(struct view *v, struct ui *ui);
	void (*free)(struct view *v);
	/* The view's own actions, for the hint line and help; ends with ACT_COUNT. */
	const enum action *actions;
	/* Optional: the data changed (an edit, an undo): read it again. */
	void (*reload)(struct view *v, struct ui *ui);
	/* Optional: every key as it comes, before the keymap (a view editing
	 * text takes Thai letters as text); return 1 when used. */
	int (*raw_key)(struct view *v, struct ui *ui, int status, wint_t ch);
	/* Optional: called when no key came for a while (saves typing at rest). */
	void (*tick)(struct view *v, struct ui *ui);
	/* "/" and "-" typed in the Thai layout are the keys 2 and 3 here (see
	 * keymap_action): the view's commands on those keys are its own. */
	int number_row_statuses;
	/* Optional: a legend for the hint line (what the view's marks mean),
	 * drawn on row Y to end before column RIGHT; returns the column it
	 * starts at (RIGHT when it drew nothing). */
	int (*legend)(struct view *v, struct ui *ui, int y, int right);
	/* Optional: the records what the view shows leads to (an AAR's
	 * subject, the AARs of a checklist), added to OUT with ui_link_add;
	 * the o key goes to one of them (ui_follow). */
	void (*links)(struct view *v, struct ui *ui, struct ui_links *out);
	/* Optional: what action A does in this view, for the hint line and
	 * help, when not the action table's words (a levels checklist's
	 * 1 2 3 0); NULL: the table's. */
	const char *(*label)(const struct view *v, enum action a);
};

struct view {
	const struct view_ops *ops;
	void *data;
	int stale;              /* the data changed: reload before it shows */
	/* the actions the hint line shows now, when not ops->actions (a form
	 * while typing, where letters are text); NULL: ops->actions */
	const enum action *actions_now;
};

enum ui_section { UI_PLANS, UI_CHECKLISTS, UI_AAR, UI_REPORTS, UI_SECTIONS };

#define UI_STACK 16
/* Keys held while the program cannot take them (another user holds the
 * database, the terminal is too small): taken in order afterwards. */
#define UI_HELD 65536   /* a long paste included */

struct held_key {
	int status;
	wint_t ch;
};

struct ui {
	struct store *st;
	const struct config *cfg;
	struct keymap keys;
	struct theme theme;
	enum ui_section section;
	struct view *stack[UI_SECTIONS][UI_STACK];
	int depth[UI_SECTIONS];
	char message[1024];
	int message_is_error;
	long long error_at;             /* ms: an error stays a few seconds
					   against what the next keys say */
	int quit;
	int lines, cols;                /* the screen's size */
	int fiscal_year;                /* today's, Buddhist Era */
	char user[64];
	struct undo_log undo;           /* this session's changes, for u */
	size_t undo_refused;            /* steps when the last undo was refused (+1) */
	int cursor_y, cursor_x;         /* where a view editing text wants the */
	int cursor_on;                  /* cursor, set while it draws */
	enum key_layout layout;         /* the keyboard layout the keys suggest */
	char recovered[512];            /* where unsaved text went, told at exit */
	char *unsaved;                  /* text no file would take: printed at exit */
	struct held_key held[UI_HELD];  /* a ring of keys to take later */
	size_t held_first, nheld;
	int waiting;                    /* waiting for another user's lock */
	long long seen_version;         /* store_data_version: others' commits */
	/* the last search, for n and N: its hits so far, a page at a time */
	char *query;
	struct search_hit *hits;
	size_t nhits, hit;
	int hits_more;                  /* more hits follow the last loaded */
	FILE *cost_log;                 /* ROUTEMAP_COST_LOG: CPU per key */
	/* the list rows of the last frame, one per screen line: a row drawn
	 * again as it was is copied back, not measured and converted anew */
	struct ui_row_memo *row_memo;
	int memo_lines, memo_cols;
};

/* Run the screens on ST until the user quits or a signal ends them.
 * NOTICE: a first message for the message line (NULL for none).
 * Returns the exit status. */
int ui_run(struct store *st, const struct config *cfg, int ascii, int no_color,
	   const char *notice);

/* Put VIEW on top of the current section (the ui owns it from now on). */
void ui_push(struct ui *ui, struct view *view);
/* Take the top view off the current section, unless it is the last. */
void ui_pop(struct ui *ui);
/* Switch section, building its first view when needed. */
void ui_section(struct ui *ui, enum ui_section s);

/* The message line.  An error is not cleared by the keys of the next
 * three seconds (ui_error_fresh says whether it is that fresh). */
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ui_error_fresh(const struct ui *ui);

/* Draw the whole screen (title, the top view, message and hints). */
void ui_draw(struct ui *ui);

/* ui_prompt's FLAGS: the answer is the user's own words (a title, an
 * action), kept by ui_recover under LABEL when the program is told to stop
 * while they are typed; not so a search or a filter. */
#define UI_PROMPT_WORDS 1u

/* Ask for one line of text on the message line after LABEL, starting from
 * INITIAL (NULL: empty); FLAGS: 0 or UI_PROMPT_WORDS.  Returns a malloc'd
 * string (caller frees), or NULL when the user cancelled (Esc) or the
 * program is told to stop. */
char *ui_prompt(struct ui *ui, const char *label, const char *initial, unsigned flags);

/* True once a signal asked the program to finish. */
int ui_stopping(void);

/* Finish as if signal SIG had come (a terminal that went away quietly). */
void ui_stop(int sig);

/* A view editing text: show the cursor where the widget left it. */
void ui_keep_cursor(struct ui *ui);

/* Text that could not be saved (someone else's version stands, or the
 * database refuses): appended to the user's recovery file (recover.h)
 * with the time, the user and WHAT it was, and the user told where; when
 * no file takes it, kept in memory and printed when the program ends (and
 * the user told that).  Returns 0 when a file has it, -1 otherwise. */
int ui_recover(struct ui *ui, const char *what, const char *text);

/* A save of TEXT (WHAT it is, as for ui_recover) failed for the reason
 * WHY (one line): keeps TEXT with ui_recover and says both why and where
 * it is kept. */
void ui_recover_failed(struct ui *ui, const char *why, const char *what, const char *text);

/* The next key: a held one first (see UI_HELD), else from the terminal
 * (get_wch's status, ERR when none came within the idle time).  While the
 * terminal is too small, keys are held and ERR returned. */
int ui_get_key(struct ui *ui, wint_t *ch);

/* The oldest held key into *CH, with its get_wch status; only when
 * ui->nheld > 0.  A held resize takes the new size. */
int ui_take_held(struct ui *ui, wint_t *ch);

/* For make bench (ROUTEMAP_COST_LOG): the process's CPU time so far in
 * microseconds, and one line to ui->cost_log for a key (STATUS, CH as
 * from ui_get_key; ERR: a pause in typing) that cost US microseconds. */
long long ui_cpu_us(void);
void ui_log_cost(struct ui *ui, int status, wint_t ch, long long us);

/* Is the terminal smaller than the screens need (80x24)? */
int ui_too_small(const struct ui *ui);

/* The whole screen while it is too small: the size, what it needs, and
 * how many keys are kept meanwhile. */
void ui_draw_too_small(struct ui *ui);

/* The store's on_wait (store.h) for the screens, ARG the struct ui:
 * another user holds the database WAITED_MS so far.  Keys typed meanwhile
 * are held; after a moment the message line says what is going on.
 * Returns 1 to go on waiting, 0 when the program is ending. */
int ui_on_wait(void *arg, long waited_ms);

/* A question is about to be asked: keys typed ahead (held while waiting
 * or while the terminal was too small) must not answer it.  They are
 * dropped, and the message line says how many. */
void ui_drop_held(struct ui *ui);

/* Can the screens run here?  A UTF-8 locale and a terminal that can move
 * the cursor.  Returns 0, or -1 with ERR (status 2) saying what to set. */
int ui_check_terminal(struct rm_error *err);

/* The terminal changed size: take the new one. */
void ui_resize(struct ui *ui);

/* Something was written (by us or, seen on the idle tick, by another
 * user): the view on top reads its data again now, the others when they
 * come back on top. */
void ui_changed(struct ui *ui);
/* The view on top changed the data and shows it already: the others read
 * it again when they come back on top. */
void ui_others_changed(struct ui *ui);
/* Undo the last change of this session (the u key). */
void ui_undo(struct ui *ui);

/* Let the user pick one of N labels in a list over the screen, starting at
 * INITIAL.  Returns the index, or -1 (Esc). */
int ui_choose(struct ui *ui, const char *title, const char *const *labels, size_t n,
	      size_t initial);
/* Ask QUESTION (a sentence ending in "?"; the answer keys are added) on
 * as many lines above the hint line as it needs, keys typed ahead dropped.
 * 1 for y, Y or ั (y's key in the Thai layout), 0 for any other key. */
int ui_confirm(struct ui *ui, const char *question);

/* Run the search prompt (from /) and show the results. */
void ui_search(struct ui *ui);
/* Jump to the next (DIR 1) or previous (-1) hit of the last search. */
void ui_search_step(struct ui *ui, int dir);

/* Load the next pages of the last search's hits (when there are more),
 * until hit number UPTO is loaded if it exists ((size_t)-1: every hit).
 * Returns 0, or -1 after telling the user why not. */
int ui_search_more(struct ui *ui, size_t upto);
/* Open the record of a search hit. */
void ui_open_hit(struct ui *ui, const struct search_hit *hit);

/* ---- drawing helpers ---- */

/* Write S at (Y, X) in at most COLS columns (never splitting a cluster),
 * padded with spaces to COLS when PAD; returns the columns written. */
int ui_put(int y, int x, const char *s, int cols, attr_t attr, int pad);
/* Write the keys and labels of ACTIONS as a hint line at row Y, with the
 * legend of view V (may be NULL) before help at the right end. */
void ui_hints(struct ui *ui, int y, const enum action *actions, struct view *v);
/* What action A does in view V (may be NULL), in the user's language:
 * the view's own words (view_ops.label) or the action table's. */
const char *ui_action_label(const struct view *v, enum action a);
/* A coverage bar of WIDTH cells for PERCENT. */
void ui_bar(struct ui *ui, int y, int x, int width, double percent);
/* A monotonic clock in milliseconds (for saving typing at rest). */
long long ui_now_ms(void);
/* A date as the office reads it ("20 ม.ค. 2569"). */
void ui_date(const struct ui *ui, const char *iso, char *out, size_t size);

/* ---- lists ---- */

/* A selection over N rows, scrolled so that it shows in the body. */
struct ui_list {
	size_t sel, top, n;
	int height;          /* rows shown at the last draw */
};

/* Move the selection for the movement actions; 1 when A was one. */
int ui_list_act(struct ui_list *l, enum action a);
/* Keep the selection within HEIGHT rows from the top. */
void ui_list_scroll(struct ui_list *l, int height);
/* Fit the N columns of C (their widest cells measured, headings
 * included) into the screen's width, two apart, as table_fit does: codes
 * whole, titles giving way, columns left out before a code is cut.
 * WIDTHS[i] gets each one's width for ui_row (-1: left out). */
void ui_fit(const struct ui *ui, struct table_col *c, int n, int *widths);
/* Widen column C to hold TEXT. */
void ui_measure(struct table_col *c, const char *text);
/* Where column I of WIDTHS starts on the line; -1 when it is left out. */
int ui_col_x(const int *widths, int i);
/* One row of cells at Y, each in WIDTHS[i] columns (the last shown takes
 * the rest; a negative width leaves the cell out), two spaces apart; a
 * cell too long for its column is cut with an ellipsis.  ATTR covers all
 * but the last (long) column.
 * A row the same as the one drawn at Y in an earlier frame is copied
 * from it, so moving over a long list costs the two rows that change. */
void ui_row(struct ui *ui, int y, const char *const *cells, const int *widths, int ncells,
	    attr_t attr);
/* Forget the rows of earlier frames (the screen's size or looks changed). */
void ui_row_memo_free(struct ui *ui);
/* A heading row: every column in the heading's looks (WIDTHS as ui_row:
 * a heading is never cut when its column was fitted with ui_fit). */
void ui_heading_row(struct ui *ui, int y, const char *const *cells, const int *widths,
		    int ncells);
/* A dim note (e.g. "nothing yet") at Y. */
void ui_note(struct ui *ui, int y, const char *what);
/* A list too long to hold: a selection over a pager's window, which
 * reads a page more as the selection nears one of its edges. */
struct ui_paged {
	struct ui_list l;    /* l.n is pg.n */
	struct pager pg;
};

/* Read the first rows of P's pager (its order and callbacks set). */
void ui_paged_open(struct ui *ui, struct ui_paged *p);
/* Move P's selection for the movement actions, reading what the move
 * needs; 1 when A was one. */
int ui_paged_act(struct ui *ui, struct ui_paged *p, enum action a);
/* Read P's window again around its selection (after a change), or around
 * the record CODE when CODE is not NULL; on an error, said, the window as
 * it was. */
void ui_paged_reload(struct ui *ui, struct ui_paged *p, const char *code);
/* Put the list NW (a new order or filter, not read yet) in place of P's,
 * read around the record CODE (NULL: from the start); on an error, said,
 * P as it was and NW freed. */
void ui_paged_replace(struct ui *ui, struct ui_paged *p, struct pager *nw, const char *code);
/* A view of OPS over DATA; NULL (DATA freed by OPS->free) when out of memory. */
struct view *ui_view_new(const struct view_ops *ops, void *data);

/* ---- opening views ---- */

/* What a view shows.  A view opens another by naming what to show, never
 * by calling its constructor: only the router (router.c) knows those, so
 * the views do not know each other. */
enum view_kind {
	VIEW_PLANS,        /* the plans: the Plans section's list */
	VIEW_MAP,          /* a plan's route map: CODE the plan, PART the
			      objective to select (NULL: the first) */
	VIEW_OBJECTIVE,    /* one objective: CODE the plan, PART the objective */
	VIEW_ASSESSMENTS,  /* the assessments: the Checklists section's list */
	VIEW_CHECKLIST,    /* an assessment's checklist: CODE the assessment,
			      PART the item to select (NULL: the first) */
	VIEW_ITEM,         /* one item of a checklist: CODE the assessment,
			      PART the item's code */
	VIEW_NORM_SETS,    /* the norm sets and their versions: CODE and ROW
			      the version to select (NULL, 0: the first) */
	VIEW_NORM_ITEMS,   /* one version of a norm set: CODE the set, ROW
			      the version, PART the item to select */
	VIEW_NORM_DIFF,    /* two versions of a norm set compared: CODE the
			      set, PART the older version ("2"), ROW the
			      newer */
	VIEW_AARS,         /* the AARs: the AAR section's list */
	VIEW_AAR,          /* one AAR as a form: CODE the AAR; the cursor on
			      the section PART (a template's section key),
			      else on the follow-up action of row ROW, else
			      (PART NULL, ROW 0) on the title */
	VIEW_FORM,         /* a record as a form of the form engine: FORM
			      its form_def (form.h), CODE and PART as that
			      def's load takes them; with CREATE set, a new
			      record, made where CODE and PART say by the
			      def's create once its required fields are
			      filled in */
	VIEW_HISTORY,      /* who changed a record: TABLE and ROW name it,
			      TITLE is what people call it (may be NULL) */
	VIEW_RESULTS,      /* the last search's hits (ui->hits) */
	VIEW_HELP,         /* the keys of the view OF (NULL: the global keys) */
	VIEW_SUCCESS,      /* the success factors of a norm set's version:
			      CODE the set, ROW the version */
	VIEW_PROPOSALS,    /* the proposals on a norm set (all its
			      versions): CODE the set */
	VIEW_SUPPORT,      /* the support requests of the units under this
			      office by frame and source (the fund's
			      screen); with CODE (a request's uid), that
			      request as a form, to answer it */
	VIEW_REPORTS,      /* the reports: the Reports section's list */
	VIEW_REPORT,       /* one report on screen: CODE its name ("coverage") */
	VIEW_CONFLICTS,    /* the open conflicts between offices (records
			      changed here and there since an exchange) */
	VIEW_CONFLICT,     /* one conflict, ours beside theirs: ROW its id */
	VIEW_KINDS
};

/* Where a view opens: the fields its kind reads (above); the others are
 * left NULL or 0.  The strings are the caller's: views copy what they keep. */
struct ui_place {
	const char *code;
	const char *part;
	int64_t row;
	const char *table;
	const char *title;
	const struct view *of;
	const struct form_def *form;
	int create;
};

/* Open a view of KIND on AT (NULL: nothing named, for the lists and the
 * results) on top of the current section.  Returns 0, or -1 when the view
 * could not be made (said on the message line, as views.h tells). */
int ui_open_place(struct ui *ui, enum view_kind kind, const struct ui_place *at);

/* ui_open_place with only CODE and PART named (either may be NULL):
 * ui_open(ui, VIEW_MAP, plan, objective). */
int ui_open(struct ui *ui, enum view_kind kind, const char *code, const char *part);

/* Open the list section S starts from (the plans, the assessments, the
 * AARs) in its empty stack.  Returns what ui_open_place returns. */
int ui_open_root(struct ui *ui, enum ui_section s);

/* Open a view of KIND at AT in the section it belongs to (a map in the
 * Plans, a checklist in the Checklists, an AAR in the AAR section): a
 * record in another section starts that section again from its list, so
 * that q leads back through what the user sees; in the same section it
 * goes on top.  A section's own list (VIEW_PLANS, VIEW_ASSESSMENTS,
 * VIEW_AARS) is not opened again: going there shows it.  Views of no
 * section (history, results, help) open where the user is.  Returns what
 * ui_open_place returns. */
int ui_go(struct ui *ui, enum view_kind kind, const struct ui_place *at);

/* A place a view leads to, with the words the user chooses it by. */
struct ui_link {
	enum view_kind kind;
	char *code, *part;   /* as in struct ui_place; malloc'd or NULL */
	int64_t row;
	char *label;         /* malloc'd */
};

/* The links of a view: V[N]; OOM set when one could not be added for
 * want of memory, FAILED when a reading failed (its error already on the
 * message line). */
struct ui_links {
	struct ui_link *v;
	size_t n;
	int oom, failed;
};

/* Add a link to a view of KIND at CODE, PART (either NULL) and ROW,
 * labelled by the printf FMT; strings are copied.  On failure sets
 * L->oom and adds nothing. */
void ui_link_add(struct ui_links *l, enum view_kind kind, const char *code, const char *part,
		 int64_t row, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ui_links_free(struct ui_links *l);

/* Add to L the places the record KIND CODE (an AAR's subject: "plan",
 * "objective" as PLAN/CODE, "project", "assessment"; anything else adds
 * nothing) leads to, TITLE being what it is called (may be NULL): a
 * plan's map, an objective's page, a checklist; a project's objective
 * and its checklists.  A failed reading shows its error and sets
 * L->failed. */
void ui_link_subject(struct ui *ui, struct ui_links *l, const char *kind, const char *code,
		     const char *title);
/* Add to L where project CODE stands in the plans (its first objective,
 * else its plan's map) and its checklists but EXCEPT (an assessment's
 * code, or NULL). */
void ui_link_project(struct ui *ui, struct ui_links *l, const char *code, const char *except);
/* Add to L the AARs that review KIND CODE, the latest first (a failed
 * reading: as ui_link_subject). */
void ui_link_aars(struct ui *ui, struct ui_links *l, const char *kind, const char *code);

/* The o key: gather the links of view V; go to the only one, or let the
 * user choose among several; say so when there is none. */
void ui_follow(struct ui *ui, struct view *v);

#endif
