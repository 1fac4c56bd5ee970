/* fund.h - the fund's screen (DOMAIN.md §4, steps 4 and 5): the support
 * requests of the units under an office, counted and summed in baht by
 * support frame x source, a cell's requests a page at a time, and the
 * answer of the office asked: agreed, partly agreed, declined, referred.
 *
 * An office sees the requests of every unit in its subtree (office.parent_id
 * down from it): the fund its area's whole support plan, the province all
 * of its districts'.  A request is "with" coalesce(referred_to, source):
 * the source first asked, or the one it was last referred to; it is
 * answered by the office whose level ([office] level) is that source;
 * those with the local administration ("local") by the fund, which
 * negotiates with it (DOMAIN.md §4, step 4).
 * No curses here; the screens are tui/ui/fund*.c. */
#ifndef ROUTEMAP_FUND_H
#define ROUTEMAP_FUND_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/form.h"
#include "routemap/pager.h"
#include "routemap/store.h"

/* The sources, in the columns' order: fund, province, region, local. */
#define FUND_SOURCES 4
extern const char *const fund_sources[FUND_SOURCES];

/* The index of SOURCE in fund_sources, or -1. */
int fund_source_index(const char *source);

/* Which requests: those of the units under OFFICE (a code; the office
 * itself included), and of those only UNIT's (an office code), those of
 * the norm set SET ("CODE:VERSION", or "CODE": its latest issued
 * version, as the reports take it), those of STATUS
 * ("requested", "agreed", ...), those WITH a source now ("fund": with
 * us, for a fund, the local administration's too).  NULL or "" leaves a filter out.  The strings are the
 * caller's and must outlive what is built on them. */
struct fund_filter {
	const char *office;
	const char *unit;
	const char *set;
	const char *status;
	const char *with;
};

/* One cell: how many requests, the baht asked, the baht agreed (of
 * those agreed or partly agreed). */
struct fund_cell {
	long count;
	double asked, agreed;
};

/* One row of the table: a support frame (CODE NULL: no frame; the last
 * row of a table, TOTAL set: every frame), its cells by source in
 * fund_sources' order, then the row's total (cells[FUND_SOURCES]: every
 * source, a request of no source too). */
struct fund_row {
	char *frame;          /* its code ("1"), NULL for none */
	char *label;          /* its label (the INI's, else the database's) */
	int total;
	struct fund_cell cells[FUND_SOURCES + 1];
};

/* The table: a row per frame of the office's settings in their order,
 * then the frames only the data names, then "no frame", then the totals. */
struct fund_table {
	struct fund_row *rows;
	size_t n;
};

/* Count and sum the requests F names into *T (zeroed on entry; free with
 * fund_table_free), frames labelled by CFG.  One aggregate query over
 * the requests (the units' subtree, the entries and assessments through
 * their keys): no request is held in memory.  Returns 0, or -1 with ERR
 * (*T then empty). */
int fund_table_load(struct store *st, const struct config *cfg, const struct fund_filter *f,
		    struct fund_table *t, struct rm_error *err);
void fund_table_free(struct fund_table *t);

/* The requests of one cell: F's, under FRAME (a code; "" for no frame;
 * NULL: every frame) and WITH the source SOURCE now (NULL: any).  Must
 * outlive the pager. */
struct fund_query {
	struct fund_filter filter;
	const char *frame;
	const char *source;
};

/* One request of a cell's list. */
struct fund_request_row {
	sqlite3_int64 id;
	char *uid;            /* what names it (the pager's code) */
	char *unit;           /* the unit's short name */
	char *item;           /* the item's code */
	char *needed;         /* what is asked */
	char *status;         /* "requested", ... */
	char *with;           /* the source it is with now, or NULL */
	double amount;        /* baht asked */
	int has_amount;
	double agreed;        /* baht agreed (agreed or partly agreed) */
	int has_agreed;
};

/* Set PG up to page through the requests Q names, in the order they were
 * made (rows are struct fund_request_row, freed by the pager). */
void fund_request_pager(struct pager *pg, struct store *st, const struct fund_query *q);

/* The answers of the office asked. */
enum fund_answer { FUND_AGREE, FUND_AGREE_PART, FUND_DECLINE, FUND_REFER };

/* An answer with what it needs: AMOUNT the baht agreed (stored form,
 * ASCII digits; FUND_AGREE: NULL takes the baht asked; FUND_AGREE_PART
 * needs it), GIVEN what will be given (FUND_AGREE_PART), NOTE why
 * (FUND_DECLINE), TO the source referred to (FUND_REFER). */
struct fund_reply {
	enum fund_answer answer;
	const char *amount, *given, *note, *to;
};

/* Answer request ID for the office of LEVEL (its [office] level), if it
 * is still as the user saw it: of status EXPECTED_STATUS and with
 * EXPECTED_WITH.  In one step of U: the status; agreed and partly agreed
 * keep the baht agreed and file it under the frame asked (unless filed
 * already); declined and referred clear the baht agreed and the frame
 * filed under; and every answer writes who (the store's user) and when
 * (today).  Returns a change_result: CHANGE_CONFLICT when another user
 * answered meanwhile (fund_answer_said then says what they did), CHANGE_ERROR with ERR in words
 * when the request is not with LEVEL, a referral is to where it is
 * already, or the answer lacks what it needs. */
int fund_answer(struct store *st, struct undo_log *u, const char *level, sqlite3_int64 id,
		const char *expected_status, const char *expected_with,
		const struct fund_reply *r, struct rm_error *err);

/* Save VALUE (stored form) into FIELD ("support_request.given", one of
 * the answer's) of request ID for the office of LEVEL, if it still holds
 * EXPECTED, with who and when in the same step of U.  As change_field;
 * CHANGE_ERROR with ERR in words when the request is not with LEVEL. */
int fund_field_save(struct store *st, struct undo_log *u, const char *level, sqlite3_int64 id,
		    const char *field, const char *expected, const char *value, char **current,
		    struct rm_error *err);

/* One request as the form and the keys need it; the amounts in stored
 * form (ASCII digits) or NULL, answered_on ISO. */
struct fund_request {
	sqlite3_int64 id;
	char *uid, *status, *with, *source, *amount;
	char *agreed, *referred_to, *answered_by, *answered_on;
};

/* Does the office of LEVEL answer a request WITH that source now?  Its
 * own level's, and the fund those with the local administration
 * ("local": no office is of that level; the fund records the answer it
 * negotiated).  1 or 0 (0 for a NULL WITH). */
int fund_may_answer(const char *level, const char *with);

/* What the last answer of R was, in words, into OUT: "root agreed
 * 1,500 baht on 1 Dec 2569"; the sources by CFG's labels, the date in
 * CFG's calendar.  For a request awaiting an answer, that it is. */
void fund_answer_said(const struct config *cfg, const struct fund_request *r, char *out,
		      size_t size);

/* The status and the source a request's form (fund_request_def)
 * shows it with, coded, into *STATUS and *WITH (the record's; NULL
 * when not loaded). */
void fund_form_shown(const struct form_record *rec, const char **status, const char **with);

/* Read request UID into *R (zeroed on entry; free with
 * fund_request_free).  Returns 0, FORM_MISSING when there is none, -1
 * with ERR. */
int fund_request_get(struct store *st, const char *uid, struct fund_request *r,
		     struct rm_error *err);
void fund_request_free(struct fund_request *r);

/* One request as a form (fundform.c), loaded on CODE its uid: the unit,
 * the item, what is needed, from whom, under which frame, the baht asked
 * and where it is now, shown; the answer (status, referred to, what will
 * be given, baht agreed, the frame filed under, a note) edited, each save
 * writing who and when in the same step, and refused unless the request
 * is with this office's level. */
extern const struct form_def fund_request_def;

#endif
