/* config_loader.h - the state and helpers shared by the parts of the INI
 * loader (tui/core/config*.c and the table, inikeys.c).  Not for other
 * modules: they use config.h.
 *
 * Allocation failures set ld->oom and return NULL or -1; the caller turns
 * that into one "out of memory" error (ld_oom).  Every ld_fail_* function
 * sets ld->err and returns -1.
 */
#ifndef ROUTEMAP_CONFIG_LOADER_H
#define ROUTEMAP_CONFIG_LOADER_H

#include <stddef.h>
#include <iniparser.h>

#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/inikeys.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* iniparser 4.1 reads a line into 1024 bytes with fgets: 1022 bytes of
 * text, the newline and the NUL.  A line joined by "\" continuations must
 * fit too. */
#define INI_LINE_MAX 1022
/* An office file is a few kilobytes; refuse anything absurd. */
#define INI_FILE_MAX (1024 * 1024)
#define OFFICE_CODE_MAX 32
#define GROUP_NAME_MAX 32
#define NAME_MAX_LEN 64
#define FRAME_MAX 999

#define TEMPLATE_PREFIX "template."
#define TEMPLATE_PREFIX_LEN (sizeof TEMPLATE_PREFIX - 1)

/* A section of the file, as the scanner met it. */
struct scan_sec {
	char *name;                      /* lowercased, as iniparser stores it */
	const struct ini_section *def;   /* its row of ini_sections */
	int line;
};

/* A key of the file, as the scanner met it. */
struct scan_key {
	size_t sec;           /* index into loader.secs */
	char *key;            /* lowercased, as iniparser stores it */
	int line;
};

/* Where an effective value came from: for the entries. */
struct origin {
	char *section;
	char *key;
	int line;
};

struct strlist {
	char **v;
	size_t n;
};

/* A growing string.  On allocation failure it stays NULL and sets the
 * loader's flag. */
struct sbuf {
	char *p;
	size_t n, cap;
};

struct loader {
	const char *path;          /* NULL: built-in only */
	struct config *cfg;
	struct rm_error *err;
	dictionary *dict;
	struct scan_sec *secs;
	size_t nsecs;
	struct scan_key *keys;
	size_t nkeys;
	struct origin *origins;
	size_t norigins;
	int oom;
};

/* ---- config_util.c: memory, lists, parsers, messages ---- */

/* A copy of S ("" for NULL), or NULL with ld->oom set. */
char *ld_strdup(struct loader *ld, const char *s);
/* A copy of the N bytes at S, NUL-terminated, or NULL with ld->oom set. */
char *ld_strndup(struct loader *ld, const char *s, size_t n);
/* Make room in *V (elements of SIZE bytes, N in use) for one more; see
 * config_util.c for the capacity rule.  0, or -1 with ld->oom set. */
int ld_grow(struct loader *ld, void **v, size_t n, size_t size);
/* Replace *FIELD (malloc'd or NULL) by a copy of VALUE. */
void ld_set(struct loader *ld, char **field, const char *value);

/* Free every code and label of L and empty it. */
void cfg_labels_clear(struct cfg_labels *l);
/* Append copies of CODE and LABEL to L. */
void ld_labels_push(struct loader *ld, struct cfg_labels *l, const char *code,
		    const char *label);
/* Replace L by copies of the N built-in labels B. */
void ld_labels_from_builtin(struct loader *ld, struct cfg_labels *l,
			    const struct ini_label *b, size_t n);
/* The built-in label of CODE among the N labels B, or NULL. */
const char *ini_builtin_label(const struct ini_label *b, size_t n, const char *code);

/* A list of names: free its strings and itself; whether it holds S; add
 * a copy of S (on failure LD is marked out of memory). */
void ld_strlist_free(struct strlist *l);
int ld_strlist_has(const struct strlist *l, const char *s);
void ld_strlist_push(struct loader *ld, struct strlist *l, const char *s);
/* Append S to B (B->p stays NUL-terminated). */
void ld_sbuf_add(struct loader *ld, struct sbuf *b, const char *s);

/* Whether C is a blank of the INI file: space, tab, CR, VT or FF. */
int ini_is_space(int c);
/* S into BUF (SIZE bytes) for a message: at most about 60 bytes, cut at a
 * UTF-8 boundary with "…".  Returns BUF. */
const char *ini_clip(const char *s, char *buf, size_t size);
/* "a, b or c" (translated "or") from the NULL-terminated NAMES into BUF
 * (SIZE bytes, cut when too small).  Returns BUF. */
const char *ini_join_or(const char *const *names, char *buf, size_t size);
/* The name among NAMES (NULL-terminated, or the first N when N > 0) near
 * enough to NAME to be a likely typo of it, or NULL. */
const char *ini_nearest(const char *name, const char *const *names, size_t n);
/* A whole number of at most 9 digits (ASCII or Thai) into *V: 0 or -1. */
int ini_parse_uint(const char *s, long *v);
/* A decimal "12" or "12.5" (ASCII or Thai digits, no sign): 0 or -1. */
int ini_parse_decimal(const char *s, double *v);
/* Index of S in the NULL-terminated WORDS (ASCII case ignored), or -1. */
int ini_word_index(const char *s, const char *const *words);
/* [a-z][a-z0-9_]*, at most NAME_MAX_LEN bytes. */
int ini_valid_name(const char *s);
/* Letters, digits and '-', not starting with '-', at most OFFICE_CODE_MAX. */
int ini_valid_code(const char *s);
/* [a-z_][a-z0-9_-]*, at most GROUP_NAME_MAX bytes. */
int ini_valid_group(const char *s);
/* Words separated by blanks, each of letters, digits and - _ . / = + , :
 * @ % ~ (no quotes: nothing a shell reads otherwise); at least one. */
int ini_valid_words(const char *s);
/* The first control character in S, or 0. */
int ini_control_char(const char *s);
/* A support frame number "1".."999" (ASCII or Thai digits), or -1. */
long ini_frame_number(const char *s);

/* pgettext: MSGID in the context CTX (xgettext -kP_:1c,2), for one English
 * sentence that another language words in two ways. */
#define P_(ctx, id) ini_pgettext(ctx "\004" id, id)
__attribute__((format_arg(2)))
const char *ini_pgettext(const char *ctx_id, const char *id);

/* "FILE: out of memory", status RM_EXIT_RUNTIME; returns -1. */
int ld_oom(struct loader *ld);
/* "FILE:LINE: [SEC] KEY: WHAT" (no ":LINE" when LINE is 0); returns -1. */
__attribute__((format(printf, 5, 6)))
int ld_fail_key(struct loader *ld, int line, const char *sec, const char *key,
		const char *fmt, ...);
/* "FILE:LINE: WHAT" ("FILE: WHAT" when LINE is 0); returns -1. */
__attribute__((format(printf, 3, 4)))
int ld_fail_line(struct loader *ld, int line, const char *fmt, ...);
/* "FILE:LINE: [SEC] KEY: "V" is not allowed; expected EXPECT", EXPECT a
 * description (the row's expect, translated here). */
int ld_fail_expect(struct loader *ld, int line, const char *sec, const char *key,
		   const char *v, const char *expect);

/* ---- config_scan.c: reading the file, iniparser, where values are ---- */

/* Read ld->path, scan it (lines, sections, keys, duplicates, names) and let
 * iniparser read it into ld->dict.  0, or -1 with ld->err set. */
int ld_read_file(struct loader *ld);
/* The scanned line of SEC/KEY, 0 when the file does not have it. */
int ld_scan_line(const struct loader *ld, const char *sec, const char *key);
/* The file's section SEC, or NULL. */
const struct scan_sec *ld_section_find(const struct loader *ld, const char *sec);
/* The value of SEC/KEY from iniparser (owned by the dictionary), NULL when
 * the file does not set it; its line goes to *LINE (0 when absent).  NULL
 * with *LINE set means an error (ld->err set). */
const char *ld_value(struct loader *ld, const char *sec, const char *key, int *line);
/* Record that SEC/KEY's effective value comes from line LINE (> 0). */
void ld_mark(struct loader *ld, const char *sec, const char *key, int line);
/* The line recorded for SEC/KEY by ld_mark, or 0. */
int ld_origin_line(const struct loader *ld, const char *sec, const char *key);

/* ---- config_apply.c: values by kind, the table's special rows ---- */

/* A label: not empty, no control characters.  0 or -1 (error set). */
int ld_check_label(struct loader *ld, int line, const char *sec, const char *key,
		   const char *v);
/* Split V at commas into valid names, none twice (EXAMPLE in messages);
 * the caller frees *OUT, also on failure.  0 or -1 (error set). */
int ld_parse_name_list(struct loader *ld, int line, const char *sec, const char *key,
		       const char *v, const char *example, struct strlist *out);
/* Apply row K's value V (from line LINE; 0: the built-in default) into
 * ld->cfg by K's type.  0 or -1 (error set). */
int ld_apply_value(struct loader *ld, const struct ini_key *k, const char *v, int line);
/* Every row of the table over the defaults, in table order: its handler,
 * or by type.  0 or -1 (error set). */
int ld_apply_all(struct loader *ld);
/* The built-in defaults of every row into ld->cfg (zeroed before).  0, or
 * -1 with the error set (out of memory, or a default the table's own kind
 * refuses). */
int ld_defaults(struct loader *ld);

/* The handlers the rows of the key table name (inikeys.h says what each
 * kind of handler does, takes and returns), defined in config_apply.c,
 * config_lists.c and config_entries.c. */
ini_apply_fn apply_office_code, apply_short_name, apply_parent,
	apply_key_activities, apply_support_frames, apply_slm, apply_aar, apply_keys,
	apply_elsewhere;
ini_check_key_fn check_code_key, check_frame_key, check_slm_key, check_template_key,
	check_action_key;
ini_entries_fn entries_labels, entries_slm, entries_templates, entries_template_sections,
	entries_keys;

/* ---- config_entries.c ---- */

/* Add SEC/KEY = VALUE to cfg->entries, with its origin. */
void ld_entry_add(struct loader *ld, const char *sec, const char *key, const char *value);
/* Add one entry per label of L, its key PREFIX then its code. */
void ld_entry_labels(struct loader *ld, const char *sec, const struct cfg_labels *l,
		     const char *prefix);
/* "a, b, c" of the codes of L, malloc'd (NULL: out of memory). */
char *ld_join_codes(struct loader *ld, const struct cfg_labels *l);
/* Fill cfg->entries from the final configuration, in table order.  0 or -1
 * (out of memory). */
int ld_build_entries(struct loader *ld);

/* ---- config_lists.c ---- */

/* Free the templates of CFG. */
void cfg_templates_free(struct config *cfg);

#endif
