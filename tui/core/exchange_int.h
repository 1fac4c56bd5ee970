/* exchange_int.h - what the exchange's files share (exchange.h says what
 * a bundle is). */
#ifndef ROUTEMAP_EXCHANGE_INT_H
#define ROUTEMAP_EXCHANGE_INT_H

#include <sqlite3.h>

#include "routemap/error.h"
#include "routemap/exchange.h"
#include "routemap/store.h"

/* Which rows of a kind go to a peer. */
enum xk_flow {
	XK_OWNED,   /* rows owned by an office in the peer's scope: up, ours
		       and our subtree's; down, the peer's ancestors' (what
		       it works to: norm sets, plans) and its subtree's */
	XK_OWN,     /* the results of work: up as XK_OWNED; down, only the
		       peer's subtree's own (answers, decisions on them) */
	XK_DOWN,    /* no owner: every row, to offices below only */
	XK_BOTH,    /* no owner: every row, both ways */
};

#define XK_MAX_COLS 24

/* One kind of record that crosses offices, seen as a wire table whose
 * first NKEY columns are the record's global identity. */
struct xkind {
	const char *name;          /* wire name: x_NAME in a bundle's
				      changesets, sync_sent_NAME here */
	const char *label;         /* N_(): what users call it */
	const char *table;         /* the table its rows live in here (for
				      the change log's who and when) */
	const char *const *cols;   /* the wire columns, identity first,
				      NULL-terminated */
	int nkey;
	int owner_col;             /* a column naming the office that owns
				      the record under a code it gave (its
				      identity is that code): a bundle
				      giving the code to another office is
				      refused; -1 none */
	enum xk_flow flow;
	/* SELECT _owner, _id, <cols in order> FROM ...: every row of the
	 * kind here, _owner the owning office's code (NULL for XK_DOWN and
	 * XK_BOTH), _id the row id in TABLE */
	const char *project;
	/* writes one row from ?1..?n (the columns in order), inserting or
	 * updating by identity; changes nothing when a row it refers to is
	 * not here (yet): the caller tries again after the other rows */
	const char *upsert;
	const char *remove;        /* deletes by ?1..?nkey */
	/* columns only another office than the owner may change (a
	 * request's answer, a proposal's decision): a change of them from
	 * the owner itself is not applied (NULL: none) */
	const char *const *others;
};

/* The kinds, parents before children (kinds[0..nkinds-1]). */
extern const struct xkind xk_kinds[];
extern const size_t xk_nkinds;

/* The kind named NAME, or NULL. */
const struct xkind *xk_find(const char *name);

/* The number of wire columns of K. */
int xk_ncols(const struct xkind *k);

/* A row of a kind: one value per wire column (sqlite3_value_dup'd; NULL
 * for a column a changeset left undefined) and its row id here. */
struct xrow {
	sqlite3_value *v[XK_MAX_COLS];
	int n;
	sqlite3_int64 id;          /* 0: not known */
	char owner[64];            /* xk_local: the owning office ("": none) */
};

void xrow_clear(struct xrow *r);

/* Are values A and B the same (NULL pointers stand for "undefined" and
 * equal only each other; 1 and 1.0 are the same)? */
int xval_same(sqlite3_value *a, sqlite3_value *b);

/* Prepared statements of the kinds, made when first used, for one
 * create, apply or decision (xcache_free finalizes them). */
struct xcache {
	struct store *st;
	sqlite3_stmt *stmt[32][6];
};

void xcache_init(struct xcache *c, struct store *st);
void xcache_free(struct xcache *c);

/* Our row of kind K whose identity is KEY (its first nkey values) into
 * ROW.  Returns 1 found, 0 not here, -1 with ERR. */
int xk_local(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
	     struct xrow *row, struct rm_error *err);

/* Write ROW (every column defined) here through K's upsert.  Returns 0
 * written, 1 when a row it refers to is missing (nothing written), -1
 * with ERR (a constraint of this database refused it). */
int xk_write(struct xcache *c, const struct xkind *k, const struct xrow *row,
	     struct rm_error *err);

/* ROW of K was refused by a UNIQUE constraint of this database beyond
 * its identity (an indicator's name and fiscal year in its objective):
 * when K has one, ERR says in words which record is here already and
 * what to do, and it returns 1; else 0 (ERR untouched). */
int xk_clash(const struct xkind *k, const struct xrow *row, struct rm_error *err);

/* Delete the row of K whose identity is KEY.  Returns 0, 1 when others
 * refer to it (nothing deleted), -1 with ERR. */
int xk_delete(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
	      struct rm_error *err);

/* ROW as a JSON object {"column": value, ...} (malloc'd into *JSON; NULL
 * row: *JSON = NULL), or its identity as a JSON array (xk_key_json). */
int xk_row_json(struct xcache *c, const struct xkind *k, const struct xrow *row, char **json,
		struct rm_error *err);
int xk_key_json(struct xcache *c, const struct xkind *k, sqlite3_value *const *key,
		char **json, struct rm_error *err);

/* JSON (an object from xk_row_json, or an array from xk_key_json) back
 * into ROW (an array fills the identity only). Returns 0, or -1 with ERR. */
int xk_row_from_json(struct xcache *c, const struct xkind *k, const char *json,
		     struct xrow *row, struct rm_error *err);

/* What the peer has of kind K (sync_sent_K): set ROW (SENT: we sent it,
 * so that its absence here later is a deletion to send; a row only
 * received keeps SENT 0 unless we sent it too), or delete KEY. */
int xk_mirror_put(struct xcache *c, const struct xkind *k, const char *peer,
		  const struct xrow *row, int sent, struct rm_error *err);
int xk_mirror_del(struct xcache *c, const struct xkind *k, const char *peer,
		  sqlite3_value *const *key, struct rm_error *err);
/* The peer's row of K with identity KEY (sync_sent_K) into ROW: 1 found,
 * 0 none, -1 with ERR. */
int xk_mirror_get(struct xcache *c, const struct xkind *k, const char *peer,
		  sqlite3_value *const *key, struct xrow *row, struct rm_error *err);

/* The DDL of the sync_sent_K tables of every kind, appended to B (the
 * migration to schema 10). */
struct buf;
void xk_mirror_ddl(struct buf *b);

/* "WITH p(_owner, _id, <columns>) AS (<K's project>)" appended to B:
 * every row of K here, by the wire columns' names. */
void xk_project_cte(struct buf *b, const struct xkind *k);

/* The DDL of K's wire table x_K in schema DB ("xcur", "main" of a
 * bundle), appended to B. */
void xk_wire_ddl(struct buf *b, const struct xkind *k, const char *db);

/* ---- the bundle file (exchange_file.c) ---- */

struct xpart {
	long long seq;
	void *changeset;           /* malloc'd */
	int size;
	char created[32];
};

/* Write HEAD and PARTS[0..NPARTS-1] as a bundle into PATH, which must not
 * exist (a temporary file beside it, synced, then linked to PATH).
 * Returns 0, or -1 with ERR and no file left. */
int xfile_write(const char *path, const struct exchange_header *head, const struct xpart *parts,
		size_t nparts, struct rm_error *err);

/* Read the bundle at PATH: its header into HEAD, its parts (oldest
 * first) into *PARTS (malloc'd, each changeset malloc'd; xfile_free).
 * Every checksum is checked.  Returns 0, or -1 with ERR. */
int xfile_read(const char *path, struct exchange_header *head, struct xpart **parts,
	       size_t *nparts, struct rm_error *err);
void xfile_free(struct xpart *parts, size_t nparts);

/* xfile_write in two steps: the whole bundle into a synced temporary
 * file beside PATH (its name malloc'd into *TMP_PATH), then that file
 * given the name PATH (never over an existing file) and the temporary
 * name removed, whether that worked or not.  Between the two the caller
 * commits what the bundle records as sent.  0, or -1 with ERR. */
int xfile_write_temp(const char *path, const struct exchange_header *head,
		     const struct xpart *parts, size_t nparts, char **tmp_path, struct rm_error *err);
int xfile_publish(const char *tmp_path, const char *path, struct rm_error *err);

/* ---- shared by create and apply (exchange.c) ---- */

/* Our office code (CFG's, which the database takes on its first
 * exchange; a database of another office is refused) into OFFICE (64
 * bytes).  Inside the caller's write transaction. */
int xself_office(struct store *st, const struct config *cfg, char *office, struct rm_error *err);

/* temp.x_scope: the offices whose records go to PEER from SELF (UP:
 * PEER is above, so SELF's subtree; else PEER's ancestors and subtree);
 * temp.x_scope_own: the subtree alone.  0, or -1 with ERR. */
int xscope_fill(struct store *st, const char *self, const char *peer, int up,
		struct rm_error *err);

/* Is office B above A (1), below A (-1), or neither (0), in the office
 * tree here?  -2 with ERR on a database error. */
int xoffice_relation(struct store *st, const char *a, const char *b, struct rm_error *err);

/* The current time, UTC, ISO 8601 with milliseconds, into AT (32). */
void xnow(char *at);

/* The kind of a changeset's table "x_NAME", or NULL. */
const struct xkind *xk_of_table(const char *tab);

/* What sync_peer holds for one office. */
struct xpeer {
	long long sent, acked, received;
	char db_id[40];           /* "" until a bundle from it was applied */
	char chain_out[40];       /* our numbering to it ("": none yet) */
	char chain_in[40];        /* its numbering to us ("": none yet) */
};

/* PEER's row of sync_peer into P (zeros when none); write P back (with
 * last_at AT).  0, or -1 with ERR. */
int xpeer_state(struct store *st, const char *peer, struct xpeer *p, struct rm_error *err);
int xpeer_save(struct store *st, const char *peer, const struct xpeer *p, const char *at,
	       struct rm_error *err);

/* A line of sync_log for bundle H (DIRECTION "sent" or "received",
 * TOTAL its counts, WHO the user here, FILE as given or NULL).  0, or -1
 * with ERR. */
int xlog_add(struct store *st, const char *peer, const char *direction,
	     const struct exchange_header *h, const struct exchange_count *total,
	     const char *who, const char *file, struct rm_error *err);

/* SUM zeroed, with a count per kind (0, or -1 with ERR); its total from
 * the kinds' counts. */
int xsummary_init(struct exchange_summary *sum, struct rm_error *err);
void xsummary_total(struct exchange_summary *sum);

#endif
