/* config.h - the office configuration: one INI file per office over
 * built-in defaults.
 *
 * iniparser reads the values; our own scanner of the same file gives every
 * section and key its line, refuses what iniparser would take silently
 * (duplicate keys, over-long lines, invalid UTF-8, unknown names) and lets
 * every message say "FILE:LINE: [section] key: ...".  Every value is checked
 * with a strict parser; nothing bad becomes a default.
 */
#ifndef ROUTEMAP_CONFIG_H
#define ROUTEMAP_CONFIG_H

#include <stddef.h>
#include "routemap/error.h"

enum cfg_language { CFG_LANG_TH, CFG_LANG_EN };
enum cfg_calendar { CFG_CAL_BUDDHIST, CFG_CAL_GREGORIAN };
enum cfg_tristate { CFG_AUTO, CFG_ON, CFG_OFF };
enum cfg_lines { CFG_LINES_AUTO, CFG_LINES_UNICODE, CFG_LINES_ASCII };

/* The four rows of the route map, bottom to top. */
enum map_level { LEVEL_FOUNDATION, LEVEL_PROCESS, LEVEL_STAKEHOLDER, LEVEL_PEOPLE,
		 LEVEL_COUNT };

/* A code with its label, in the order the configuration gives them. */
struct cfg_label {
	char *code;
	char *label;
};

struct cfg_labels {
	struct cfg_label *v;
	size_t n;
};

struct cfg_template {
	char *name;                 /* aar4, gotoknow4, lessons8, or the office's */
	char *title;                /* its name for people, or NULL (show NAME) */
	struct cfg_labels sections; /* section key -> Thai label, in order */
};

/* One effective value and where it came from: for `routemap config`. */
struct cfg_entry {
	char *section;
	char *key;
	char *value;
	char *origin;   /* "built-in" or the file's path */
	int line;       /* line in ORIGIN, 0 for built-in */
};

struct config {
	char *path;                   /* the INI file read, NULL: built-in only */

	char *office_code;            /* [office] */
	char *office_name;
	char *office_short_name;
	char *office_level;           /* region, province, district, fund, unit */
	char *office_parent;          /* "" when none */

	char *db_path;                /* [database] path, "" when not given */
	char *db_shared_group;        /* "" when none */
	int db_wait;                  /* seconds a change waits for another
					 user's lock before it is kept aside */

	enum cfg_language language;   /* [ui] */
	enum cfg_calendar calendar;
	enum cfg_tristate color;
	enum cfg_lines line_drawing;
	int escdelay;                 /* ms; -1 when not set */

	char *level_label[LEVEL_COUNT];   /* [levels], indexed by enum map_level */

	struct cfg_labels key_activities;   /* [key_activities] code = label */
	struct cfg_labels support_frames;   /* [support_frames] 1..N = label */
	struct cfg_labels support_sources;  /* fund, province, region, local */

	double rank_thresholds[4];    /* [rank] ascending percentages */
	double partial_weight;        /* 0..1 */

	struct cfg_labels slm_columns;      /* [slm] columns with their labels */

	struct cfg_template *templates;     /* [aar] templates, in that order */
	size_t ntemplates;
	char *aar_default;

	struct cfg_labels keys;       /* [keys] action = key list, as written */

	char *exchange_ssh;           /* [exchange] ssh: the program */
	char *exchange_ssh_options;   /* its options, words; "" when none */
	char *exchange_remote_command; /* routemap there, words */

	struct cfg_entry *entries;    /* every effective value, sorted by section */
	size_t nentries;
};

/* Fill CFG with the built-in defaults only (the built-in office). */
int config_defaults(struct config *cfg, struct rm_error *err);

/* Built-in defaults, then the INI file PATH over them.  On failure CFG is
 * left empty (config_free is still safe) and ERR says, in one line, the file,
 * the line, the section and key, the value and what is allowed; status
 * RM_EXIT_USAGE. */
int config_load(struct config *cfg, const char *path, struct rm_error *err);

void config_free(struct config *cfg);

/* The label of CODE in LABELS, or NULL. */
const char *config_label(const struct cfg_labels *labels, const char *code);

/* The template called NAME, or NULL. */
const struct cfg_template *config_template(const struct config *cfg, const char *name);

/* What people call the template NAME: its title ("AAR 4 คำถาม"), or NAME
 * itself when it has none or is not one of CFG's (an AAR made elsewhere).
 * Owned by CFG (or NAME); never NULL. */
const char *config_template_title(const struct config *cfg, const char *name);

/* The level called NAME ("people", ...), or -1. */
int config_level_from_name(const char *name);
const char *config_level_name(enum map_level level);

#endif
