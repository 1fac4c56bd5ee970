/* exchange.h - bundles between offices (DOMAIN.md §7).
 *
 * What crosses offices is a fixed set of record kinds (tui/core/
 * exchange_kinds.c), each seen through a "wire" table keyed by the
 * record's global identity: its code (an office code, a norm set's code
 * and version, an assessment's code...) or its uid, never a row id.
 * Every kind row names the office that owns it; which rows go to a peer
 * follows from the office tree:
 *   - to an office above us: what the offices under us (and we) own;
 *   - to an office below us: what that office's ancestors own (norm sets,
 *     plans, the offices themselves) and what its own subtree owns
 *     (answers to its requests, decisions on its proposals); support
 *     frames always.
 *
 * A bundle is one SQLite file: a header (sender, sender's database id,
 * receiver, the last sequence number it carries, the last sequence the
 * sender applied from the receiver - its acknowledgement - who made it
 * and when) and one part per sequence number, each a changeset of SQLite's
 * session extension with its SHA-256.  The sender numbers its bundles to
 * each peer 1, 2, 3...; each part is the change since the part before
 * (sqlite3session_diff of the wire tables against what was sent), and a
 * bundle carries every part the peer has not acknowledged yet.  The
 * receiver applies, in one transaction, the parts after the last it
 * applied, in order; parts it has are skipped, a gap is refused naming
 * the missing sequence number.
 *
 * A change is applied when the receiver's row is still what the sender
 * last sent (the changeset's old values, column by column).  When the row
 * was changed here too, and differently, the local value stays and a
 * conflict is recorded (exchange_conflicts) for a person to decide.
 */
#ifndef ROUTEMAP_EXCHANGE_H
#define ROUTEMAP_EXCHANGE_H

#include <sqlite3.h>

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* The bundle file's header, as exchange_peek reads it. */
struct exchange_header {
	int format;             /* EXCHANGE_FORMAT */
	char sender[64];        /* office codes */
	char receiver[64];
	char sender_db[40];     /* the sender database's random id (hex) */
	long long first_seq;    /* the parts it carries: first..last */
	long long last_seq;     /* (0, 0: none, only an acknowledgement) */
	long long ack;          /* the last part the sender applied from the
				   receiver (0: none) */
	char created[32];       /* UTC, ISO 8601 */
	char created_by[64];    /* the Unix user who made it */
	char chain[40];         /* the sender's numbering of its parts to the
				   receiver (random hex): a new one when it
				   forgot the receiver and counts from 1 again */
	char ack_chain[40];     /* the receiver's numbering ACK counts in */
};

#define EXCHANGE_FORMAT 1

/* Counts of what one create or apply moved, per kind and in all. */
struct exchange_count {
	const char *kind;       /* the kind's name (static), NULL in the total */
	long long inserted, updated, deleted, same, conflicts;
};

struct exchange_summary {
	struct exchange_header head;   /* the bundle written or applied */
	long long applied_from, applied_to; /* apply: the parts applied (0, 0: none) */
	long long skipped;             /* apply: parts already applied before */
	struct exchange_count total;
	struct exchange_count *kinds;  /* per kind, in the kinds' order
					  (malloc'd; exchange_summary_free) */
	size_t nkinds;
};

void exchange_summary_free(struct exchange_summary *s);

/* This database's office code (set from the INI on the first exchange)
 * and random id, into OFFICE (64 bytes) and DB_ID (40 bytes).  Returns 0,
 * or -1 with ERR. */
int exchange_self(struct store *st, char *office, char *db_id, struct rm_error *err);

/* Write into PATH (which must not exist; made under a temporary name,
 * synced, then renamed) the bundle for office PEER: the parts PEER has not
 * acknowledged, and a new part with what changed since the last part
 * (none when nothing did).  CFG gives our office ([office] code); PEER
 * must be above or below it in the office tree.  Records the new part as
 * sent, in one transaction.  Fills SUM (the new part's counts; the caller
 * frees it).  Returns 0, or -1 with ERR (status 2 for a peer that is not
 * an office above or below us, 1 otherwise) and nothing changed. */
int exchange_create(struct store *st, const struct config *cfg, const char *peer,
		    const char *path, struct exchange_summary *sum, struct rm_error *err);

/* Read the header of the bundle at PATH into H, after checking that the
 * file is a whole bundle (a SQLite file of the bundle's tables, every
 * part's SHA-256 right).  Returns 0, or -1 with ERR ("PATH: ..." saying
 * what is wrong: not a bundle, truncated, damaged part N). */
int exchange_peek(const char *path, struct exchange_header *h, struct rm_error *err);

/* Apply the bundle at PATH, all or nothing, in one transaction: refuses a
 * bundle for another office, one from a different database of the same
 * office than before, one whose first new part is not the next expected
 * (naming the missing sequence number); applies the parts not applied
 * before, in order; records conflicts; takes the acknowledgement.  A
 * bundle applied before changes nothing (SUM says the parts were
 * skipped).  Fills SUM.  Returns 0, or -1 with ERR and the database
 * unchanged. */
int exchange_apply(struct store *st, const struct config *cfg, const char *path,
		   struct exchange_summary *sum, struct rm_error *err);

/* One line of the exchange log: a bundle written or applied. */
struct exchange_log {
	const char *peer;       /* office code */
	const char *direction;  /* "sent" or "received" */
	long long first_seq, last_seq;
	const char *at;         /* UTC, ISO 8601 */
	const char *who;        /* the Unix user */
	long long changes, conflicts;
	const char *file;       /* the bundle's path as given, or NULL */
};

/* Call FN for each line of the exchange log, per peer (in code order),
 * newest first; PEER (NULL: all) limits it to one office.  FN returns
 * nonzero to stop.  Returns 0, or -1 with ERR. */
int exchange_log_each(struct store *st, const char *peer,
		      int (*fn)(void *arg, const struct exchange_log *l), void *arg,
		      struct rm_error *err);

/* What we know of each peer: the last part we sent and the last it
 * acknowledged, the last part we applied from it, its database id. */
struct exchange_peer {
	const char *office;
	long long sent, acked, received;
	const char *db_id;      /* NULL until a bundle from it was applied */
	const char *last_at;    /* the last exchange, UTC */
};

int exchange_peer_each(struct store *st, int (*fn)(void *arg, const struct exchange_peer *p),
		       void *arg, struct rm_error *err);

/* Forget all exchange with office PEER (its database was replaced): the
 * parts sent and received, and what it was thought to have; the next
 * bundle to it carries everything again.  Returns 0, or -1 with ERR
 * (status 2 when nothing is on record for PEER). */
int exchange_forget(struct store *st, const char *peer, struct rm_error *err);

/* ---- conflicts ---- */

enum exchange_conflict_status {
	EXCHANGE_OPEN,          /* not decided yet */
	EXCHANGE_KEPT,          /* ours kept (it will go to the peer) */
	EXCHANGE_TAKEN,         /* theirs taken */
};

/* A record changed on both sides since the last exchange (sync_conflict). */
struct exchange_conflict {
	sqlite3_int64 id;
	char *peer;             /* the other office's code */
	long long seq;          /* the part that brought it */
	char *kind;             /* the kind's name ("support_request") */
	char *key;              /* the record's identity, a JSON array */
	char *local;            /* our row, a JSON object of the wire columns;
				   NULL: deleted here */
	char *remote;           /* theirs; NULL: deleted there */
	char *local_who, *local_at;   /* our last change of it (change log) */
	char *remote_who, *remote_at; /* who made the bundle, when */
	char *found_at;
	enum exchange_conflict_status status;
	char *resolved_by, *resolved_at;
};

void exchange_conflict_free(struct exchange_conflict *c);

/* Call FN for each conflict (open ones only when OPEN_ONLY), oldest
 * first.  The conflict passed is freed after FN returns.  Returns 0, or
 * -1 with ERR. */
int exchange_conflicts(struct store *st, int open_only,
		       int (*fn)(void *arg, const struct exchange_conflict *c), void *arg,
		       struct rm_error *err);

/* Conflict ID into C (the caller frees it with exchange_conflict_free).
 * Returns 0, 1 when there is none, or -1 with ERR. */
int exchange_conflict_get(struct store *st, sqlite3_int64 id, struct exchange_conflict *c,
			  struct rm_error *err);

enum exchange_choice { EXCHANGE_KEEP, EXCHANGE_TAKE };

/* Decide open conflict ID: keep ours, or take theirs (their row written
 * here as the bundle would have written it), as one undoable step of U
 * (logged in the change log; undo reopens the conflict and, for TAKE,
 * puts our row back).  Returns a change_result: CHANGE_CONFLICT when the
 * conflict is no longer open or our row changed since it was found (ERR
 * says who and when), CHANGE_ERROR with ERR. */
int exchange_resolve(struct store *st, struct undo_log *u, sqlite3_int64 id,
		     enum exchange_choice choice, struct rm_error *err);

/* What people call the record of conflict C: the kind's name, the
 * record's name or text (ours, else theirs) and where it belongs, as
 * "คำขอรับการสนับสนุน: จัดอบรมผู้ดูแลเด็ก (A-BNG-69 / CO3)", into *TITLE
 * (malloc'd; the caller frees).  Returns 0, or -1 with ERR. */
int exchange_conflict_title(struct store *st, const struct exchange_conflict *c, char **title,
			    struct rm_error *err);

/* One wire column of a conflict's record, ours beside theirs. */
struct exchange_field {
	const char *column;     /* the wire column (static) */
	const char *label;      /* its translated label (exchange_column_label) */
	char *ours, *theirs;    /* as people read them (a coded value in words,
				   a date in the office's calendar; malloc'd);
				   NULL: empty, or the record deleted there */
	int differs;            /* the two sides hold different values */
};

/* The wire columns of conflict C's record, in the kind's order, into *V
 * and *N (malloc'd; exchange_fields_free).  Returns 0, or -1 with ERR
 * (a kind this program does not know). */
int exchange_conflict_fields(struct store *st, const struct exchange_conflict *c,
			     struct exchange_field **v, size_t *n, struct rm_error *err);
void exchange_fields_free(struct exchange_field *v, size_t n);

/* The number of open conflicts, or -1 with ERR. */
long long exchange_conflicts_open(struct store *st, struct rm_error *err);

/* The translated name of kind KIND ("คำขอสนับสนุน"), KIND itself when
 * unknown. */
const char *exchange_kind_label(const char *kind);

/* The translated label of wire column COLUMN of kind KIND, COLUMN itself
 * when it has none. */
const char *exchange_column_label(const char *kind, const char *column);

#endif
