/* inikeys.h - every section and key of the office INI file, in one table.
 *
 * The table (tui/core/inikeys.c) is the single source of what the file may
 * say: for each section and key its kind of value, its built-in default,
 * what is allowed, where in struct config it goes, and one line of help
 * (English in the table, Thai in po/th.po).  The loader (config*.c)
 * validates and applies values by kind from it and lists the effective
 * values for `routemap config` from it; the key list of routemap.ini(5) is
 * printed from it (make man-ini) and `make lint-man` fails when the man
 * page or config/routemap.ini disagree with it.
 *
 * Sections whose keys the office names itself ([key_activities],
 * [support_frames], the column.KEY lines of [slm], [template.NAME] and
 * [keys]) have one row with a pattern in capitals as its key (CODE,
 * NUMBER, column.KEY, KEY, ACTION) and, where that section has more to
 * check than a value's kind, a small handler of its own.
 *
 * Adding a key: one row here (and its field in struct config when it has
 * one), its help in po/th.po, and `make man-ini`.
 */
#ifndef ROUTEMAP_INIKEYS_H
#define ROUTEMAP_INIKEYS_H

#include <stddef.h>
#include <stdio.h>

/* The kinds of values; "Kinds of values" in routemap.ini(5) explains the
 * ones people write. */
enum ini_type {
	INI_CODE,          /* an office code: letters, digits and - */
	INI_LABEL,         /* any text, not empty, no control characters */
	INI_ENUM,          /* one of a few fixed words (row.words) */
	INI_INTEGER,       /* a whole number in min..max (Thai digits too) */
	INI_DECIMAL,       /* a decimal number in min..max */
	INI_DECIMAL_LIST,  /* max ascending decimals in min..max, with commas */
	INI_NAME,          /* a lowercase ASCII name: social_measure */
	INI_NAME_LIST,     /* names separated by commas */
	INI_KEY_LIST,      /* keys of the keyboard separated by blanks */
	INI_PATH,          /* a file name */
	INI_GROUP,         /* a Unix group name */
	INI_WORDS,         /* words of a command line separated by blanks, each
			      of letters, digits and - _ . / = + , : @ % ~ */
	INI_TYPE_COUNT
};

/* Row flags. */
#define INI_REQUIRED 0x01u  /* the file must give it */
#define INI_EMPTY_OK 0x02u  /* an empty value means none / unset */
#define INI_PATTERN  0x04u  /* the key is a pattern: the office names it */
#define INI_WORD     0x08u  /* INI_ENUM kept as its word (char *), not an index */
#define INI_IN_LIST  0x10u  /* INI_LABEL kept in the struct cfg_labels at
			       field, under the key's own name */

/* Section flags. */
#define INI_SEC_PREFIX 0x01u  /* the name is a prefix: template.NAME */
#define INI_SEC_SAMPLE 0x02u  /* config/routemap.ini shows an example here,
				 not the defaults */

/* No field of struct config (the row's handler keeps the value). */
#define INI_NO_FIELD ((size_t)-1)

/* A code with its built-in label. */
struct ini_label {
	const char *code;
	const char *label;
};

/* A built-in AAR template. */
struct ini_template {
	const char *name;
	const char *title;
	const struct ini_label *sections;
	size_t n;
};

struct loader;   /* the loader's state (tui/core/config_loader.h) */
struct ini_key;

/* A row's own way to apply the file's value(s) over the defaults: 0, or -1
 * with the loader's error set. */
typedef int ini_apply_fn(struct loader *ld, const struct ini_key *k);
/* A row's own way to add its effective value(s) to the entries. */
typedef void ini_entries_fn(struct loader *ld, const struct ini_key *k);
/* A section's own check of a key name as the scanner meets it (sections
 * with open-ended keys): 0, or -1 with the loader's error set. */
typedef int ini_check_key_fn(struct loader *ld, int line, const char *sec,
			     const char *key);

struct ini_section {
	const char *name;        /* as in the file; "template." is a prefix */
	unsigned flags;          /* INI_SEC_* */
	const char *help;        /* N_(): one line */
	ini_check_key_fn *check_key;   /* NULL: only the table's keys */
};

struct ini_key {
	const char *section;     /* an ini_sections name */
	const char *key;         /* the key, or a pattern (INI_PATTERN) */
	enum ini_type type;
	unsigned flags;          /* INI_* */
	const char *def;         /* the built-in value as the file writes it;
				    NULL: none, or the list in builtin */
	const char *def_doc;     /* N_(): the default in words, when it is
				    not simply def; or NULL */
	const char *const *words;   /* INI_ENUM: the words, NULL-terminated */
	double min, max;         /* INTEGER, DECIMAL: the range; DECIMAL_LIST:
				    each number's range, max also their count */
	const char *expect;      /* N_(): what is allowed, as it ends "…;
				    expected …" in messages; or NULL */
	const char *help;        /* N_(): one line of help */
	size_t field;            /* offsetof(struct config, …) or INI_NO_FIELD */
	const struct ini_label *builtin;   /* open-ended: the built-in list */
	size_t nbuiltin;
	ini_apply_fn *apply;     /* NULL: by type into field */
	ini_entries_fn *entries; /* NULL: by type from field */
};

extern const struct ini_section ini_sections[];
extern const size_t ini_nsections;
extern const struct ini_key ini_keys[];
extern const size_t ini_nkeys;

/* The built-in AAR templates, in the order [aar] templates lists them. */
extern const struct ini_template ini_builtin_templates[];
extern const size_t ini_nbuiltin_templates;

/* The name of a kind of value as routemap.ini(5) says it ("label"). */
const char *ini_type_name(enum ini_type type);

/* The section called NAME (lowercase, as iniparser keeps it; any
 * "template.X" is the template.NAME section), or NULL. */
const struct ini_section *ini_section_find(const char *name);

/* The row of SECTION's fixed key KEY (SECTION as ini_sections names it),
 * or NULL.  Patterns are not matched. */
const struct ini_key *ini_key_find(const char *section, const char *key);

/* The built-in template called NAME, or NULL. */
const struct ini_template *ini_builtin_template(const char *name);

/* Print the table as the key list of routemap.ini(5) (roff, the text
 * between its INI-KEYS-BEGIN and INI-KEYS-END comments) to OUT. */
void ini_print_roff(FILE *out);

/* Check the man page MAN (its text, NUL-terminated) against the table: the
 * text between the INI-KEYS markers is what ini_print_roff prints, and each
 * ".SS [section]" of SECTIONS AND KEYS names a section of the table and
 * describes (".TP" then ".B key") exactly its fixed keys.  Returns the
 * number of disagreements, each written as one line to ERR. */
int ini_check_man(const char *man, FILE *err);

/* Check the sample office file at PATH against the table: it loads; every
 * value but those of INI_SEC_SAMPLE sections is the built-in one, in the
 * same order; every fixed key of the table is there, set or shown in a
 * comment ("; key = example"), and no comment shows a key the table does
 * not have.  Returns the number of disagreements, each one line on ERR. */
int ini_check_sample(const char *path, FILE *err);

#endif
