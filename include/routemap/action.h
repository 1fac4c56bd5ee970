/* action.h - every user action of the screens, in one table.
 *
 * The table is the single source of the default key bindings, of the names
 * accepted in the INI [keys] section, of the help screen and of the key
 * table in routemap(1).  ACTION(id, name, default keys, help text, WRITES or
 * READS): keys are written as in the INI file (see routemap.ini(5), [keys]);
 * an action that WRITES is refused at once, before any question or list,
 * when the database is open read-only.
 */
#ifndef ROUTEMAP_ACTION_H
#define ROUTEMAP_ACTION_H

#include <stddef.h>
#include <stdint.h>
#include "routemap/error.h"

#define ROUTEMAP_ACTIONS(ACTION) \
	ACTION(MOVE_UP,        "move_up",        "Up k",        "move up", READS) \
	ACTION(MOVE_DOWN,      "move_down",      "Down j",      "move down", READS) \
	ACTION(MOVE_LEFT,      "move_left",      "Left",        "move left", READS) \
	ACTION(MOVE_RIGHT,     "move_right",     "Right",       "move right", READS) \
	ACTION(PAGE_UP,        "page_up",        "PgUp",        "one page up", READS) \
	ACTION(PAGE_DOWN,      "page_down",      "PgDn",        "one page down", READS) \
	ACTION(FIRST,          "first",          "Home g",      "go to the first line", READS) \
	ACTION(LAST,           "last",           "End G",       "go to the last line", READS) \
	ACTION(OPEN,           "open",           "Enter",       "open", READS) \
	ACTION(FOLLOW,         "follow",         "o",           "go to a linked record", READS) \
	ACTION(BACK,           "back",           "q Esc",       "back; quit from the top level", READS) \
	ACTION(QUIT,           "quit",           "Q Ctrl-C",    "quit from anywhere", READS) \
	ACTION(HELP,           "help",           "?",           "help for this view", READS) \
	ACTION(SEARCH,         "search",         "/",           "search everything", READS) \
	ACTION(SEARCH_NEXT,    "search_next",    "n",           "next search result", READS) \
	ACTION(SEARCH_PREV,    "search_prev",    "N",           "previous search result", READS) \
	ACTION(ADD,            "add",            "a",           "add", WRITES) \
	ACTION(EDIT,           "edit",           "e",           "edit", READS) \
	ACTION(DELETE,         "delete",         "d",           "delete (asks; can be undone)", WRITES) \
	ACTION(UNDO,           "undo",           "u",           "undo the last change", WRITES) \
	ACTION(HISTORY,        "history",        "h",           "change history", READS) \
	ACTION(MOVE_EARLIER,   "move_earlier",   "<",           "move it earlier (left in its band, up in its group)", WRITES) \
	ACTION(MOVE_LATER,     "move_later",     ">",           "move it later (right in its band, down in its group)", WRITES) \
	ACTION(MOVE_TO,        "move_to",        "M",           "move it to another band or group", WRITES) \
	ACTION(LINK,           "link",           "l",           "link to another box, or remove the link (Enter on it)", WRITES) \
	ACTION(NEW_VERSION,    "new_version",    "v",           "new version from this one", WRITES) \
	ACTION(DIFF,           "diff",           "D",           "compare with another version", READS) \
	ACTION(NORM_SETS,      "norm_sets",      "S",           "norm sets and their versions", READS) \
	ACTION(AGREE,          "agree",          "y",           "agree to it; accept a proposal", WRITES) \
	ACTION(AGREE_PART,     "agree_part",     "p",           "agree to part of it", WRITES) \
	ACTION(DECLINE,        "decline",        "x",           "decline it; reject a proposal", WRITES) \
	ACTION(REFER,          "refer",          "r",           "refer it to another source", WRITES) \
	ACTION(PROPOSE,        "propose",        "c",           "norm changes: propose one, or see those proposed", READS) \
	ACTION(SUCCESS,        "success",        "F",           "success factors: what successful units do", READS) \
	ACTION(FILTER,         "filter",         "f",           "filter: narrow what is shown", READS) \
	ACTION(SORT,           "sort",           "s",           "sort the list another way", READS) \
	ACTION(STATUS_CYCLE,   "status_cycle",   "Space",       "next status", WRITES) \
	ACTION(STATUS_MET,     "status_met",     "1",           "status: met", WRITES) \
	ACTION(STATUS_PARTIAL, "status_partial", "2",           "status: partial", WRITES) \
	ACTION(STATUS_NOT_MET, "status_not_met", "3",           "status: not met", WRITES) \
	ACTION(STATUS_NA,      "status_na",      "4",           "status: not applicable", WRITES) \
	ACTION(STATUS_CLEAR,   "status_clear",   "0",           "clear the status", WRITES) \
	ACTION(NEXT_SECTION,   "next_section",   "Tab",         "next section", READS) \
	ACTION(PREV_SECTION,   "prev_section",   "Shift-Tab",   "previous section", READS) \
	ACTION(SECTION_PLANS,  "section_plans",  "P",           "Plans", READS) \
	ACTION(SECTION_CHECKLISTS, "section_checklists", "C",   "Checklists", READS) \
	ACTION(SECTION_AAR,    "section_aar",    "A",           "AAR", READS) \
	ACTION(SECTION_REPORTS, "section_reports", "R",         "Reports", READS) \
	ACTION(EXTERNAL_EDITOR, "external_editor", "Ctrl-E",    "edit in $VISUAL or $EDITOR", READS) \
	ACTION(REDRAW,         "redraw",         "Ctrl-L",      "redraw the screen", READS) \
	ACTION(KEEP_MINE,      "keep_mine",      "K",           "a conflict between offices: keep mine (ours stays and goes to them)", WRITES) \
	ACTION(TAKE_THEIRS,    "take_theirs",    "T",           "a conflict between offices: take theirs in place of ours", WRITES)

enum action {
#define ACTION_ENUM(id, name, keys, help, writes) ACT_##id,
	ROUTEMAP_ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

#define READS 0
#define WRITES 1

struct action_info {
	enum action id;
	const char *name;
	const char *default_keys;
	const char *help;
	int writes;               /* WRITES: it changes the database */
};

extern const struct action_info action_table[ACT_COUNT];

/* The action called NAME, or -1. */
int action_from_name(const char *name);

/* A key as the screens see it: a Unicode character (KEY_CHAR) or a named
 * key.  Named keys are independent of curses; ui/ maps them. */
enum key_kind { KEY_KIND_CHAR, KEY_KIND_NAMED, KEY_KIND_CTRL, KEY_KIND_FN };

enum key_name {
	KN_ENTER, KN_ESC, KN_TAB, KN_SHIFT_TAB, KN_SPACE, KN_BACKSPACE, KN_DELETE,
	KN_INSERT, KN_UP, KN_DOWN, KN_LEFT, KN_RIGHT, KN_PGUP, KN_PGDN, KN_HOME,
	KN_END, KN_CTRL_LEFT, KN_CTRL_RIGHT,
};

struct keyspec {
	enum key_kind kind;
	unsigned value;   /* code point, enum key_name, letter 'a'..'z', or 1..12 */
};

/* Parse one key as written in the INI file ("q", "Enter", "Ctrl-L", "F5",
 * "ก", "Space", "Shift-Tab"; names are case-insensitive, single characters
 * are not).  Returns 0 or -1 with ERR saying what is allowed. */
int key_parse(const char *text, struct keyspec *key, struct rm_error *err);

/* Write KEY back in its canonical spelling into BUF. */
void key_format(const struct keyspec *key, char *buf, size_t size);

/* Parse a list of keys separated by spaces or commas ("q Esc", "j, Down").
 * Allocates *KEYS (caller frees).  Returns the count, or -1 with ERR. */
int key_parse_list(const char *text, struct keyspec **keys, struct rm_error *err);

int key_equal(const struct keyspec *a, const struct keyspec *b);

/* The Latin character on the key that types CP in the Thai Kedmanee
 * layout (ๆ -> q, ่ -> j, ฝ -> /, ๑ -> @), or 0 when CP is not on it.
 * Only characters the Latin layout does not also type are mapped. */
uint32_t key_kedmanee_latin(uint32_t cp);

/* What the Thai Kedmanee layout types on the key of the Latin character C
 * ('/' -> "ฝ", '2' -> "/", 'q' -> "ๆ"): a static UTF-8 string, or NULL
 * when C is on no key of it. */
const char *key_latin_kedmanee(unsigned char c);

#endif
