/* support.h - a unit's support requests (DOMAIN.md §4): what one
 * checklist item needs, from whom (the fund, the province, the region,
 * the local government), under which support frame and for how many baht;
 * and the answer of the office asked, which the fund's screen writes.  An
 * item may carry several requests, each a row of support_request under
 * the item's entry.
 *
 * Every write is one change_run step (undo, change log); a field of a
 * request is changed through change_field ("support_request.needed",
 * ".source", ".frame", ".amount", ...: changefields.c) with the value the
 * user saw.
 */
#ifndef ROUTEMAP_SUPPORT_H
#define ROUTEMAP_SUPPORT_H

#include <stddef.h>
#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/form.h"
#include "routemap/store.h"

/* One request as stored: codes and numbers as change_field reads them
 * (a frame by its code, baht as "25000"); every string malloc'd, NULL
 * for none. */
struct support_request {
	sqlite3_int64 id, entry;
	char *uid;
	char *needed;                 /* what is asked for */
	char *source;                 /* fund, province, region, local */
	char *frame;                  /* the support frame's code asked under */
	char *amount;                 /* baht asked */
	char *status;                 /* requested, agreed, partly_agreed,
					 declined, referred */
	char *referred_to;            /* a source, when referred */
	char *given;                  /* what will be given */
	char *amount_agreed;          /* baht agreed */
	char *filed_frame;            /* the frame's code it is filed under */
	char *answer_note;
	char *answered_by, *answered_on;   /* who answered; the ISO date */
};

/* The requests of entry ENTRY (an assessment_entry id) in the order they
 * were made (id), into *V (*N of them; caller frees with
 * support_requests_free).  Returns 0, or -1 with ERR (*V NULL). */
int support_requests_load(struct store *st, sqlite3_int64 entry, struct support_request **v,
			  size_t *n, struct rm_error *err);

/* Free N requests of V and V itself. */
void support_requests_free(struct support_request *v, size_t n);

/* What a request asks for when schema 8's entry (or a CSV line of
 * assessment_entries) named a source or a frame but not what is needed:
 * stored data, in Thai. */
#define SUPPORT_UNSTATED "(ไม่ได้ระบุสิ่งที่ขอ)"

/* What a new request asks: NEEDED and SOURCE (required), FRAME (a frame's
 * code) and AMOUNT (baht, at least 0, in ASCII or Thai digits); NULL or
 * "" for none. */
struct support_ask {
	const char *needed, *source, *frame, *amount;
};

/* Make a request of item ITEM (a norm_item id) in assessment ASSESSMENT
 * (an id) as asked by ASK, making the item's entry (unanswered) in the
 * same step when it has none, as one step of U.  *ENTRY and *ID (when not
 * NULL) get the entry's and the request's ids.  Returns a change_result:
 * CHANGE_ERROR with ERR in words (nothing needed, no source, an unknown
 * frame, a negative amount, the assessment gone). */
int support_request_add(struct store *st, struct undo_log *u, sqlite3_int64 assessment,
			sqlite3_int64 item, const struct support_ask *ask, sqlite3_int64 *entry,
			sqlite3_int64 *id, struct rm_error *err);

/* Whether request ID was answered (a status other than requested): then
 * what the unit asked (needed, source, frame, amount) stays as the office
 * answered it.  Returns 1 with ERR saying who answered and when, 0 when
 * not answered (or gone), -1 with ERR on a database error. */
int support_request_answered(struct store *st, sqlite3_int64 id, struct rm_error *err);

/* The refusal of a change to what an answered request asked: BY (who
 * answered, NULL for unnamed) on ON (an ISO date, or NULL), into ERR.
 * Returns -1. */
int support_answered_refusal(const char *by, const char *on, struct rm_error *err);

/* Delete request ID as one step of U.  Returns a change_result
 * (CHANGE_ERROR with ERR when it is gone already or answered). */
int support_request_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
			   struct rm_error *err);

/* How many requests entry ENTRY carries, and how many have an answer
 * (a status other than requested or referred: a referred request still
 * awaits the answer of the office it was referred to).  Returns 0, or -1 with ERR. */
int support_request_counts(struct store *st, sqlite3_int64 entry, size_t *requests,
			   size_t *answered, struct rm_error *err);

/* The answer of R as a unit reads it, in the office's words (CFG's
 * names of the sources, its era for the date), into OUT (SIZE bytes):
 * "awaiting an answer", or the status, "referred to the province", what
 * will be given, the baht agreed, the frame filed under, the note, who
 * and when, joined by " · ". */
void support_answer_text(const struct config *cfg, const struct support_request *r, char *out,
			 size_t size);

/* The form group of an item's requests (supportform.c): each request a
 * row of what is needed, from whom, the frame, the baht asked, and its
 * answer (read-only); added (its questions asked in turn) and deleted on
 * the item's form.  Its functions take REC->data as the item's
 * (struct support_item, first in the def's data). */
extern const struct form_group support_request_group;

/* What the group needs of the item's form: the assessment's and the
 * item's ids, and the entry's (0 while the item has none). */
struct support_item {
	sqlite3_int64 assessment, item, entry;
};

/* The requests of entry ENTRY as rows of the group (support_request_group)
 * into ROWS (zeroed on entry), under a heading that counts those awaiting
 * an answer.  Returns 0, or -1 with ERR. */
int support_rows_load(const struct form_ctx *ctx, sqlite3_int64 entry, struct form_rows *rows,
		      struct rm_error *err);

/* A request as a form, for checking the columns of the CSV kind
 * support_requests as the item's form checks them (transfer.c's
 * kind_forms): needed, source, frame, amount, named as those columns.
 * Loaded on CODE the request's uid; saved through change_field. */
extern const struct form_def support_request_def;

#endif
