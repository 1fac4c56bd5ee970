/* form.h - a record as a form: a table of fields (what each one is, how it
 * is checked, what it saves through) and the record's load and save
 * functions.  No curses here: tui/ui/fview.c draws any form_def and edits
 * it; the same checks (form_check) can judge a CSV value, so that what the
 * screen refuses is refused there in the same words.
 *
 * A new kind of record gets a form by writing its field table and its
 * load / save functions in core/ (see itemform.c), not a new screen.
 */
#ifndef ROUTEMAP_FORM_H
#define ROUTEMAP_FORM_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/action.h"
#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

enum field_type {
	FIELD_LINE,       /* one line of text, saved at rest */
	FIELD_TEXT,       /* a text area of many lines, saved at rest */
	FIELD_NUMBER,     /* a number, ASCII or Thai digits; stored in ASCII */
	FIELD_DATE,       /* a date as people write it; stored in ISO form */
	FIELD_CHOICE,     /* one code of a list (form_field.choices) */
	FIELD_CHOICES,    /* codes of a list, any number of them, stored
			     " "-joined ("P1 S1"); choosing one puts it in
			     or takes it out */
	FIELD_REFERENCE,  /* another record's code, from a list of them */
	FIELD_READONLY,   /* shown, never changed here */
};

/* One entry of a field's list: CODE is stored, LABEL is what the list
 * shows, SHOWN what the form shows for it (NULL: LABEL).
 *
 * A list in two steps (a reference: the kind of record, then the record)
 * holds KIND entries (HOLDS set: never a value, only what the entries
 * UNDER it are chosen under) and entries whose UNDER is a kind's code;
 * entries with UNDER NULL and HOLDS 0 are values chosen in the first step
 * ("event": no record).  The form shows the kinds first, then the entries
 * under the kind chosen. */
struct form_choice {
	char *code, *label, *shown;
	char *under;   /* the kind's code this entry is chosen under; NULL: none */
	int holds;     /* a kind: only leads to the entries under it */
};

struct form_choices {
	struct form_choice *v;
	size_t n;
};

/* Free the entries of C (not C itself). */
void form_choices_free(struct form_choices *c);

/* Append an entry to C (the strings are copied; SHOWN may be NULL).
 * Returns 0, or -1 when out of memory (C as it was). */
int form_choices_add(struct form_choices *c, const char *code, const char *label,
		     const char *shown);

/* Append a kind of a two-step list (an entry that HOLDS others): CODE
 * what the entries under it name as their UNDER, LABEL what the first
 * list shows.  Returns 0, or -1 when out of memory (C as it was). */
int form_choices_add_kind(struct form_choices *c, const char *code, const char *label);

/* Append an entry chosen under the kind UNDER (as form_choices_add).
 * Returns 0, or -1 when out of memory (C as it was). */
int form_choices_add_under(struct form_choices *c, const char *under, const char *code,
			   const char *label, const char *shown);

/* Is C a list in two steps (it holds kinds)? */
int form_choices_two_step(const struct form_choices *c);

struct form_record;

/* What a form's functions are given besides the record: the database and
 * the office's settings (the lists of choices come from there); on a
 * form, what it was opened on (CODE and PART as load takes them, or where
 * a new record is to be made) and the record it holds (REC: its values
 * as they stand, a new record's too), for a list that depends on them
 * (the objectives of the project's plan).  A value checked alone (a CSV
 * column) has CODE, PART and REC NULL. */
struct form_ctx {
	struct store *st;
	const struct config *cfg;
	const char *code, *part;
	const struct form_record *rec;
};

struct form_field;

/* A field's own check of VALUE (already through its type's checks, in the
 * stored form), in words: 0 when it stands, else -1 with ERR saying what
 * is wrong as a user reads it. */
typedef int (*form_validate_fn)(const struct form_field *f, const struct form_ctx *ctx,
				const char *value, struct rm_error *err);

/* The list a FIELD_CHOICE, FIELD_CHOICES or FIELD_REFERENCE field takes
 * its value (its codes) from,
 * into *OUT (empty on entry; the caller frees it with form_choices_free).
 * Returns 0, or -1 with ERR. */
typedef int (*form_choices_fn)(const struct form_field *f, const struct form_ctx *ctx,
			       struct form_choices *out, struct rm_error *err);

struct form_field {
	const char *name;          /* its key in the form: "note" */
	const char *label;         /* msgid (N_()), translated where shown */
	enum field_type type;
	int required;              /* an empty value is refused */
	const char *change;        /* the change_field name it saves through
				      ("assessment_entry.note"); NULL: read-only */
	form_validate_fn validate; /* more than the type checks; may be NULL */
	form_choices_fn choices;   /* FIELD_CHOICE(S), FIELD_REFERENCE */
	size_t max_chars;          /* code points typed at most; 0: no limit */
};

/* A line shown above the fields (the item's own text, its evidence). */
enum form_line_style { FORM_LINE_HEADING, FORM_LINE_DIM };

struct form_line {
	char *text;
	enum form_line_style style;
};

/* ---- parts that repeat ----
 * After its own fields a form may hold groups of rows (form_def.groups):
 * the sections of an AAR's template, one text area each labelled by the
 * template; its follow-up actions, each an action, an owner, a due date
 * and a status, added and deleted on the form.  Every row of a group has
 * the group's fields; the record's load gives the rows
 * (form_record.groups[g] for the def's group g), and a row's field saves
 * through the group's save, with the same checks (form_check) and the
 * same conflict rules as the record's own fields. */

/* A mark shown before a row's first field for a value of the group's
 * MARK field ("[✓]" before a follow-up action that is done). */
struct form_mark {
	const char *code;        /* the value */
	const char *mark;        /* shown */
	const char *ascii;       /* shown where lines are drawn in ASCII */
};

/* One question asked when the user adds a row; for a FIELD_CHOICE the
 * answer is chosen from its list, PROMPT the list's title. */
struct form_ask {
	size_t field;            /* the group's field it fills */
	const char *prompt;      /* msgid: "Follow-up action: " */
	const char *again;       /* msgid: asked after a refused answer
				    (NULL: PROMPT again, the reason said) */
};

/* One row of a group as loaded. */
struct form_row {
	char **values;           /* [the group's nfields]: malloc'd, NULL for none */
	char *label;             /* its own label (a section's, from the
				    template): shown for its one field, or
				    over its fields; NULL: the fields' labels */
	char *key;               /* what it is known by that edits do not
				    change (a section's key), or NULL */
	sqlite3_int64 id;        /* its database row; 0: none yet (a section
				    not written yet) */
};

/* The rows of one group of a record. */
struct form_rows {
	struct form_row *v;
	size_t n;
	char *heading;           /* over the rows (malloc'd); NULL: the
				    group's title */
};

struct form_record;
struct form_def;

/* Where a key of a def's own leads (form_def.on_key): a new record of
 * FORM, made where CODE and PART say (as its create takes them;
 * malloc'd or NULL, the engine frees them). */
struct form_goto {
	const struct form_def *form;
	char *code, *part;
};

struct form_group {
	const char *name;        /* "actions" */
	const char *title;       /* msgid: the heading over its rows; NULL: none */
	const struct form_field *fields;
	size_t nfields;
	/* MARKS (ended by a NULL code; NULL: none): the value of field
	 * MARK_FIELD shown before each row's first field; Space on a row
	 * turns that field from the first code of its list to the second,
	 * and from any other to the first (open -> done -> open). */
	const struct form_mark *marks;
	size_t mark_field;
	/* Save VALUE into field FIELD of row ROW of group GROUP of REC, as
	 * form_def.save does for the record's own fields (a row made by
	 * this first save sets its id in REC). */
	int (*save)(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		    size_t group, size_t row, size_t field, const char *expected,
		    const char *value, char **current, struct rm_error *err);
	/* Adding a row (NULL: rows are not added on the form): the ASKS are
	 * asked in turn, each answer checked by its field (form_check);
	 * then ADD makes the row from VALUES[i], the value of field i
	 * (stored form; NULL for none), as one step of U, *ID its id.
	 * Returns a change_result with ERR in words. */
	const struct form_ask *asks;
	size_t nasks;
	int (*add)(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		   size_t group, char *const *values, sqlite3_int64 *id, struct rm_error *err);
	/* Delete row ROW as one step of U (NULL: rows are not deleted on the
	 * form); the user is asked DELETE_QUESTION first (a msgid with one
	 * %s: the row's first field).  DELETE_ELSEWHERE (msgid): what d
	 * says off the group's rows.  Returns a change_result. */
	int (*remove)(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		      size_t group, size_t row, struct rm_error *err);
	const char *delete_question;
	const char *delete_elsewhere;
};

/* A record loaded into a form.  VALUES[i] is what the database holds for
 * the def's field i (malloc'd, NULL for none); LINES the lines above the
 * fields; GROUPS[g] the rows of the def's group g (NGROUPS of them);
 * HISTORY_* name the record for the history view (ROW 0: no change
 * recorded yet); ABOUT_* the record this one is about, where the o key
 * goes (KIND "plan", "objective" with CODE PLAN/CODE, "project",
 * "assessment"; NULL: none); DATA is the def's own (freed by its free).
 * Every string is malloc'd but HISTORY_TABLE. */
struct form_record {
	char **values;
	size_t nvalues;
	struct form_line *lines;
	size_t nlines;
	struct form_rows *groups;
	size_t ngroups;
	char *about_kind, *about_code, *about_title;
	/* set by a save that changed what names the record (its code):
	 * the CODE and PART to load it by from then on (malloc'd, NULL: as
	 * it was; the engine takes them) */
	char *renamed_code, *renamed_part;
	const char *history_table;   /* static */
	sqlite3_int64 history_row;
	char *history_title;
	/* a msgid naming field 0 for this record instead of its label (a
	 * PMQA item's "level" where others have "status"); static, NULL:
	 * the field's own */
	const char *first_label;
	void *data;
};

/* form_def.load's answer when the record is not there (deleted). */
#define FORM_MISSING (-2)

/* form_def.save's answer when the value itself is refused (a project's
 * end before its start): ERR says why in words; trying again would not
 * help.  The same number as TYPING_REFUSED (typing.h). */
#define FORM_REFUSED 10

struct form_def {
	const char *title;          /* msgid: what the form shows ("checklist item") */
	const struct form_field *fields;
	size_t nfields;
	size_t first;               /* the field the cursor starts on */
	int labels_above;           /* each label on a line of its own, the
				       value under it (the checklist item);
				       0: one-line fields beside their labels,
				       aligned by display width */
	const char *missing_note;   /* msgid: shown when the record is gone */
	const char *missing_save;   /* msgid: a save refused for that reason */
	/* Read the record named by CODE and PART (as the view was opened)
	 * into *REC (zeroed on entry).  Returns 0, FORM_MISSING when it is
	 * not there, -1 when the database fails; ERR says why, and *REC then
	 * holds nothing to free. */
	int (*load)(const struct form_ctx *ctx, const char *code, const char *part,
		    struct form_record *rec, struct rm_error *err);
	/* Save VALUE (checked, in stored form; NULL for none) into field
	 * FIELD of REC through change_field, if the database still holds
	 * EXPECTED there, as one step of U.  Returns a change_result (or
	 * FORM_REFUSED); on
	 * CHANGE_CONFLICT *CURRENT (if not NULL) gets theirs (malloc'd) and
	 * ERR who changed it when. */
	int (*save)(const struct form_ctx *ctx, struct undo_log *u, struct form_record *rec,
		    size_t field, const char *expected, const char *value, char **current,
		    struct rm_error *err);
	/* Free REC->data. */
	void (*free_data)(void *data);
	/* Make a new record from VALUES[i], the value of field i (checked,
	 * in stored form; NULL for none; every required field has one),
	 * where CODE and PART say (as the view was opened: the plan of a
	 * new objective; either may be NULL), as one step of U.  *NEW_CODE
	 * and *NEW_PART (malloc'd, NULL for none) then name it as load
	 * takes it.  Returns CHANGE_OK, or CHANGE_ERROR with ERR in words
	 * ("code P1 is already used in plan ..."), nothing made.  NULL: the
	 * form only edits records that are there. */
	int (*create)(const struct form_ctx *ctx, struct undo_log *u, const char *code,
		      const char *part, char *const *values, char **new_code, char **new_part,
		      struct rm_error *err);
	/* The values a new record starts with (this fiscal year, the
	 * office's own code), into VALUES[i] for field i (malloc'd; all NULL
	 * on entry), where CODE and PART say.  Returns 0, or -1 with ERR.
	 * NULL: a new record starts empty. */
	int (*defaults)(const struct form_ctx *ctx, const char *code, const char *part,
			char **values, struct rm_error *err);
	/* The parts that repeat, after the fields (NULL, 0: none). */
	const struct form_group *groups;
	size_t ngroups;
	/* Keys of the def's own (ended by ACT_COUNT; NULL: none), on the
	 * hint line and in help (an AAR's c: propose a norm change from the
	 * section or follow-up action under the cursor).  ON_KEY says where
	 * ACTION leads from row ROW of group GROUP (GROUP -1: a field of the
	 * record's own, ROW 0) of REC: 1 with *GO filled; 0 when it leads
	 * nowhere from there (ERR says why in words); -1 with ERR. */
	const enum action *keys;
	int (*on_key)(const struct form_ctx *ctx, const struct form_record *rec, enum action action,
		      int group, size_t row, struct form_goto *go, struct rm_error *err);
};

/* Check TYPED, a value for field F as a person wrote it, by its type
 * (a date, a number with Thai digits, a code of its list), whether it is
 * required, and its own validate function.  On success returns 0 and
 * *STORED gets the value to store (malloc'd, caller frees; NULL for an
 * empty value): a date in ISO form, a number in ASCII digits, text as
 * typed, a FIELD_CHOICES' codes " "-joined with single spaces (each one
 * of its list).  Otherwise -1 with ERR saying why in words, the same the
 * CSV import uses ("\"31/2/2569\" is not a date: ..."). */
int form_check(const struct form_field *f, const struct form_ctx *ctx, const char *typed,
	       char **stored, struct rm_error *err);

/* Is CODE one of the " "-joined codes of LIST (a FIELD_CHOICES value;
 * NULL for none)? */
int form_list_has(const char *list, const char *code);

/* LIST (a FIELD_CHOICES value, NULL for none) with CODE taken out when it
 * is in, else put in at the end, into *OUT (malloc'd, caller frees; NULL
 * when the list is then empty).  Returns 0, or -1 when out of memory. */
int form_list_toggle(const char *list, const char *code, char **out);

/* The field of DEF called NAME, or NULL. */
const struct form_field *form_field_named(const struct form_def *def, const char *name);

/* What the form shows for VALUE of field F (the label of a choice, those
 * of a FIELD_CHOICES' codes joined by ", ", a date in the office's era,
 * "—" for nothing), into OUT of SIZE bytes. */
void form_shown(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		char *out, size_t size);

/* Free what DEF's load put in REC, and zero it. */
void form_record_free(const struct form_def *def, struct form_record *rec);

/* A new row at the end of ROWS, a row of group G: zeroed, its VALUES
 * allocated for G's fields (all NULL).  Returns it (ROWS owns it), or
 * NULL when out of memory (ROWS as it was). */
struct form_row *form_rows_add(const struct form_group *g, struct form_rows *rows);

/* Free the rows of ROWS (rows of group G) and its heading, and zero it. */
void form_rows_free(const struct form_group *g, struct form_rows *rows);

/* ---- pieces the defs share (formlib.c) ---- */

/* form_validate_fn: a record's code (a plan's, an objective's, a
 * project's, a norm set's or item's): no blank anywhere in it, no comma,
 * no line break.  0, or -1 with ERR in words. */
int form_code_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err);

/* TYPED (ASCII or Thai digits) as a fiscal year of the Buddhist Era, 2400
 * to 2800, into *YEAR (when YEAR is not NULL).  0, or -1 with ERR in
 * words ("2026: expected a Buddhist Era year such as 2569 ..."). */
int form_parse_year(const char *typed, long long *year, struct rm_error *err);

/* form_validate_fn: an amount in baht as text_parse_baht reads it (Thai
 * digits, thousands commas), 0 or more; an empty value passes.  0, or -1
 * with ERR in words. */
int form_baht_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err);

/* form_validate_fn: a weight (a norm item's, a proposed one's) is not
 * below 0.  0, or -1 with ERR in words. */
int form_weight_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		   struct rm_error *err);

/* form_validate_fn: a fiscal year of the Buddhist Era (form_parse_year). */
int form_year_ok(const struct form_field *f, const struct form_ctx *ctx, const char *value,
		 struct rm_error *err);

/* The rows of SQL (code, label) as choices into OUT, each listed as
 * "CODE  LABEL" and shown as its code, after a first entry "none" (code
 * "") when NONE.  0, or -1 with ERR. */
int form_choices_rows(const struct form_ctx *ctx, const char *sql, int none,
		      struct form_choices *out, struct rm_error *err);

/* form_choices_fn: the offices of the database by code, each listed as
 * "CODE  SHORT NAME" and shown as its code.  0, or -1 with ERR. */
int form_offices(const struct form_field *f, const struct form_ctx *ctx,
		 struct form_choices *out, struct rm_error *err);

/* form_choices_fn: "none" (code "", shown "—"), then the office's
 * support sources (fund, province...), or its support frames, each
 * listed as "NUMBER  LABEL" (a frame is known by its number).  0, or -1
 * with ERR. */
int form_support_sources(const struct form_field *f, const struct form_ctx *ctx,
			 struct form_choices *out, struct rm_error *err);
int form_support_frames(const struct form_field *f, const struct form_ctx *ctx,
			struct form_choices *out, struct rm_error *err);

/* Read the first row of SQL, its parameters ?1..?NARGS bound to ARGS
 * (text; NULL binds NULL): its column 0, the record's id, into *ID;
 * columns 1..NVALUES into REC->values (malloc'd, REC owns them).
 * Returns 0; FORM_MISSING with ERR when there is no row; -1 with ERR
 * (the database fails, out of memory; REC may hold values to free). */
int form_load_row(const struct form_ctx *ctx, const char *sql, const char *const *args,
		  size_t nargs, size_t nvalues, struct form_record *rec, sqlite3_int64 *id,
		  struct rm_error *err);

/* A copy of S into *TO (malloc'd; NULL when S is NULL).  0, or -1 when
 * out of memory. */
int form_copy(char **to, const char *s);

/* The checklist item's form (itemform.c): its status and note, then its
 * support requests as a group of rows (support.h).  Loaded on CODE the
 * assessment, PART the item's code; saved into the item's entry, made
 * when it has none yet. */
extern const struct form_def itemform_def;

/* An AAR as a form (aarfields.c): its header (title, date, what it
 * reviews, stored in the form as "KIND CODE", "event" for none,
 * facilitator, participants, tags), then two groups: the sections of its
 * template (one text area each, its key the section's) and its follow-up
 * actions (action, owner, due, status; added and deleted).  Loaded on
 * CODE the AAR; saved through change_field, aar_set_subject,
 * aar_set_tags, aar_section_save, aar_action_add and aar_action_delete. */
extern const struct form_def aarform_def;

/* A project's form (projectform.c): code, title, owner (an office),
 * plan (shown), fiscal year, stage, status, budget and its source, start
 * and end dates, the objectives of its plan it serves (a list: choosing
 * one serves it, choosing it again no longer).  Loaded on CODE the
 * project.  A new one is made where CODE (a plan) and PART (an objective
 * it serves) say, with this office, this fiscal year, planned and in
 * preparation as defaults.  Its fields are named as the columns of
 * projects.csv. */
extern const struct form_def project_form_def;

/* Project PROJECT (a code) serves objective OBJECTIVE (a code of its
 * plan), or no longer when it does, if the codes of the objectives it
 * serves are still EXPECTED (" "-joined in map order), as one step of U.
 * Returns a change_result; ERR says why on CHANGE_ERROR (in words: no such
 * objective in its plan) and CHANGE_CONFLICT (who changed it). */
int project_toggle_objective(struct store *st, struct undo_log *u, const char *project,
			     const char *expected, const char *objective, struct rm_error *err);

/* An indicator's name and unit as a form (indicatorform.c), loaded on
 * CODE the plan and PART "OBJECTIVE NAME" (the objective's code, a space,
 * the indicator's name); a save renames every year of it.  A new one is
 * made on CODE the plan and PART the objective, with a row for this
 * fiscal year. */
extern const struct form_def indicator_form_def;

/* The numbers of a cell of the indicator grid (indicator.h), in the order
 * of enum indicator_value (baseline, target, result): their checks and
 * change_field names. */
extern const struct form_field indicator_value_fields[3];

/* An objective's SLM row as a form (slmform.c): one text field per column
 * of CFG's [slm] section, named and labelled as the INI says.  Loaded on
 * CODE the plan and PART the objective; each text saved into its cell
 * (made in the same step).  The def lives as long as the program (built
 * again when asked for with other settings); NULL when out of memory. */
const struct form_def *slm_form_def(const struct config *cfg);

/* A plan as a form (planform.c): code, office, title, destination,
 * fiscal years from and to (Buddhist Era), the plan it serves: the
 * columns of plans.csv.  Loaded on CODE the plan; a new one made by
 * plan_create (planedit.h), starting from the office's own code and this
 * fiscal year to three years on. */
extern const struct form_def plan_form_def;

/* An objective (a box of the route map) as a form (planform.c): code,
 * level (its band), title: the columns of objectives.csv.  Loaded on
 * CODE the plan, PART the objective; a new one is made in plan CODE, its
 * band preset to PART when PART names one ("people"), the last box of
 * that band. */
extern const struct form_def objective_form_def;

/* The field of an AAR's header or of one of its follow-up actions that
 * saves through CHANGE ("aar.title", "aar.tags", "aar_action.due"), for
 * checking what is typed into it with form_check; NULL for none (CHANGE
 * NULL, a section's text). */
const struct form_field *aar_field(const char *change);

#endif
