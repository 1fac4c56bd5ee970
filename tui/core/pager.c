/* pager.c - a window onto a long list, a page at a time (see pager.h). */
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/pager.h"

void pager_init(struct pager *pg, struct store *st, const struct pager_order *order,
		size_t row_size)
{
	memset(pg, 0, sizeof *pg);
	pg->st = st;
	pg->order = order;
	pg->row_size = row_size;
}

void *pager_row(const struct pager *pg, size_t i)
{
	return pg->rows + i * pg->row_size;
}

static void free_rows(struct pager *pg, char *rows, sqlite3_value **keys, size_t n)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		if (pg->release)
			pg->release(rows + i * pg->row_size);
		for (k = 0; k < pg->order->nkeys; k++)
			sqlite3_value_free(keys[i * (size_t)pg->order->nkeys + (size_t)k]);
	}
}

void pager_drop_front(struct pager *pg, size_t k)
{
	size_t nk = (size_t)pg->order->nkeys;

	if (k > pg->n)
		k = pg->n;
	if (!k)
		return;
	free_rows(pg, pg->rows, pg->keys, k);
	memmove(pg->rows, pg->rows + k * pg->row_size, (pg->n - k) * pg->row_size);
	memmove(pg->keys, pg->keys + k * nk, (pg->n - k) * nk * sizeof *pg->keys);
	pg->n -= k;
	pg->at_start = 0;
}

void pager_drop_back(struct pager *pg, size_t k)
{
	size_t nk = (size_t)pg->order->nkeys;

	if (k > pg->n)
		k = pg->n;
	if (!k)
		return;
	free_rows(pg, pager_row(pg, pg->n - k), pg->keys + (pg->n - k) * nk, k);
	pg->n -= k;
	pg->at_end = 0;
}

void pager_clear(struct pager *pg)
{
	free_rows(pg, pg->rows, pg->keys, pg->n);
	free(pg->rows);
	free(pg->keys);
	pg->rows = NULL;
	pg->keys = NULL;
	pg->n = pg->cap = 0;
	pg->at_start = pg->at_end = 0;
}

/* Room for N more rows; 0, or -1 when out of memory. */
static int reserve(struct pager *pg, size_t more)
{
	size_t nk = (size_t)pg->order->nkeys, cap = pg->cap ? pg->cap : 32;
	char *rows;
	sqlite3_value **keys;

	if (pg->n + more <= pg->cap)
		return 0;
	while (cap < pg->n + more)
		cap *= 2;
	rows = realloc(pg->rows, cap * pg->row_size);
	if (!rows)
		return -1;
	pg->rows = rows;
	keys = realloc(pg->keys, cap * nk * sizeof *keys);
	if (!keys)
		return -1;
	pg->keys = keys;
	pg->cap = cap;
	return 0;
}

/* Decode the current row of STMT into the window's slot AT (reserved),
 * with its key.  0, or -1 when out of memory (the slot left empty). */
static int take_row(struct pager *pg, sqlite3_stmt *stmt, size_t at)
{
	size_t nk = (size_t)pg->order->nkeys, k;
	int ncol = sqlite3_column_count(stmt);
	void *row = pager_row(pg, at);

	memset(row, 0, pg->row_size);
	for (k = 0; k < nk; k++)
		pg->keys[at * nk + k] = NULL;
	if (pg->decode(stmt, row, pg->arg) < 0)
		goto fail;
	for (k = 0; k < nk; k++) {
		pg->keys[at * nk + k] = sqlite3_value_dup(sqlite3_column_value(stmt, ncol - (int)nk + (int)k));
		if (!pg->keys[at * nk + k])
			goto fail;
	}
	return 0;
fail:
	free_rows(pg, row, pg->keys + at * nk, 1);
	return -1;
}

/* Reverse the order of rows FROM..FROM+N-1 of the window. */
static void reverse(struct pager *pg, size_t from, size_t n)
{
	size_t nk = (size_t)pg->order->nkeys, i, k;
	char tmp[512];

	for (i = 0; i < n / 2; i++) {
		char *a = pager_row(pg, from + i), *b = pager_row(pg, from + n - 1 - i);
		sqlite3_value **ka = pg->keys + (from + i) * nk, **kb = pg->keys + (from + n - 1 - i) * nk;
		size_t done;

		for (done = 0; done < pg->row_size; done += sizeof tmp) {
			size_t part = pg->row_size - done < sizeof tmp ? pg->row_size - done : sizeof tmp;

			memcpy(tmp, a + done, part);
			memcpy(a + done, b + done, part);
			memcpy(b + done, tmp, part);
		}
		for (k = 0; k < nk; k++) {
			sqlite3_value *t = ka[k];

			ka[k] = kb[k];
			kb[k] = t;
		}
	}
}

/* Run SQL (one of the order's four) from KEY (NULL for first/last) for up
 * to WANT rows, appended at the window's end.  Returns the number read,
 * or -1 with ERR (nothing added). */
static long fetch(struct pager *pg, const char *sql, sqlite3_value *const *key, size_t want,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(pg->st, sql, err);
	size_t start = pg->n;
	int rc = SQLITE_DONE, k;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, ":n"), (sqlite3_int64)want);
	for (k = 0; key && k < pg->order->nkeys; k++) {
		char name[8] = ":k0";

		name[2] = (char)('1' + k);
		sqlite3_bind_value(stmt, sqlite3_bind_parameter_index(stmt, name), key[k]);
	}
	if (pg->bind)
		pg->bind(stmt, pg->arg);
	while (pg->n - start < want && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (reserve(pg, 1) < 0 || take_row(pg, stmt, pg->n) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		pg->n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		size_t got = pg->n - start;

		pg->n = start;
		free_rows(pg, pager_row(pg, start), pg->keys + start * (size_t)pg->order->nkeys, got);
		if (rc == SQLITE_NOMEM)
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		return store_fail(pg->st, err, _("cannot read the records"));
	}
	return (long)(pg->n - start);
}

/* A new, empty window NW for PG's list: read into it, then put it in
 * PG's place with take_window, so that a read that fails leaves the
 * window that was there. */
static void new_window(const struct pager *pg, struct pager *nw)
{
	*nw = *pg;
	nw->rows = NULL;
	nw->keys = NULL;
	nw->n = nw->cap = 0;
	nw->at_start = nw->at_end = 0;
}

static void take_window(struct pager *pg, struct pager *nw)
{
	pager_clear(pg);
	*pg = *nw;
}

/* Read the first (FROM_END 0) or last WANT rows into a new window. */
static int read_end(struct pager *pg, int from_end, size_t want, struct rm_error *err)
{
	struct pager nw;
	long got;

	new_window(pg, &nw);
	got = fetch(&nw, from_end ? pg->order->last : pg->order->first, NULL, want, err);
	if (got < 0) {
		pager_clear(&nw);
		return -1;
	}
	if (from_end)
		reverse(&nw, 0, nw.n);
	nw.at_start = !from_end || (size_t)got < want;
	nw.at_end = from_end || (size_t)got < want;
	take_window(pg, &nw);
	return 0;
}

int pager_first(struct pager *pg, size_t want, struct rm_error *err)
{
	return read_end(pg, 0, want, err);
}

int pager_last(struct pager *pg, size_t want, struct rm_error *err)
{
	return read_end(pg, 1, want, err);
}

long pager_forward(struct pager *pg, size_t want, struct rm_error *err)
{
	long got;

	if (!pg->n)
		return pager_first(pg, want, err) < 0 ? -1 : (long)pg->n;
	got = fetch(pg, pg->order->after, pg->keys + (pg->n - 1) * (size_t)pg->order->nkeys, want, err);
	if (got < 0)
		return -1;
	pg->at_end = (size_t)got < want;
	return got;
}

/* Put the last GOT rows of the window (read nearest first, so in
 * reverse order) before the others, in list order: [A][B reversed]
 * reversed whole is [B][A reversed]; A is then turned back. */
static void move_to_front(struct pager *pg, size_t got)
{
	reverse(pg, 0, pg->n);
	reverse(pg, got, pg->n - got);
}

long pager_backward(struct pager *pg, size_t want, struct rm_error *err)
{
	long got;

	if (!pg->n)   /* nothing to read before */
		return 0;
	got = fetch(pg, pg->order->before, pg->keys, want, err);
	if (got < 0)
		return -1;
	move_to_front(pg, (size_t)got);
	pg->at_start = (size_t)got < want;
	return got;
}

/* Read the window again around KEY (NKEYS values, the caller's): the rows
 * before it, then from it on; *SEL the first of those.  0, or -1 with ERR
 * (the window as it was). */
static int read_around(struct pager *pg, sqlite3_value *const *key, size_t *sel, size_t want,
		       struct rm_error *err)
{
	struct pager nw;
	long before, after;

	new_window(pg, &nw);
	/* the rows before the key, nearest first ... */
	before = fetch(&nw, pg->order->before, key, want, err);
	if (before < 0)
		goto fail;
	reverse(&nw, 0, nw.n);
	nw.at_start = (size_t)before < want;
	/* ... then the key's own row (when there is one) and on */
	if (nw.n)
		after = fetch(&nw, pg->order->after, nw.keys + (nw.n - 1) * (size_t)pg->order->nkeys,
			      want, err);
	else
		after = fetch(&nw, pg->order->first, NULL, want, err);
	if (after < 0)
		goto fail;
	nw.at_end = (size_t)after < want;
	*sel = nw.n > (size_t)before ? (size_t)before : (nw.n ? nw.n - 1 : 0);
	take_window(pg, &nw);
	return 0;
fail:
	pager_clear(&nw);
	return -1;
}

/* The key, in PG's order, of the record whose code is CODE, into KEY
 * (NKEYS values, the caller frees them).  1, 0 when no record has CODE,
 * or -1 with ERR. */
static int key_of(struct pager *pg, const char *code, sqlite3_value **key, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(pg->st, pg->order->key_of, err);
	int k, rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":code"), code, -1, SQLITE_STATIC);
	if (pg->bind)
		pg->bind(stmt, pg->arg);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		for (k = 0; k < pg->order->nkeys; k++)
			if (!(key[k] = sqlite3_value_dup(sqlite3_column_value(stmt, k)))) {
				sqlite3_finalize(stmt);
				return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
			}
		sqlite3_finalize(stmt);
		return 1;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(pg->st, err, _("cannot read the records"));
}

static void free_key(sqlite3_value **key, int nkeys)
{
	int k;

	for (k = 0; k < nkeys; k++) {
		sqlite3_value_free(key[k]);
		key[k] = NULL;
	}
}

int pager_reload(struct pager *pg, size_t *sel, size_t want, struct rm_error *err)
{
	sqlite3_value *key[PAGER_MAX_KEYS] = { NULL };
	int nk = pg->order->nkeys, k, found = 0, rc = -1;

	if (!pg->n || *sel >= pg->n) {
		*sel = 0;
		return pager_first(pg, want, err);
	}
	/* the selected record where it is now (its key may have changed:
	 * a new coverage, day or name) ... */
	if (pg->code_of) {
		char *code = strdup(pg->code_of(pager_row(pg, *sel)));

		found = code ? key_of(pg, code, key, err) : rm_fail(err, RM_EXIT_RUNTIME,
								    _("out of memory"));
		free(code);
		if (found < 0)
			return -1;
	}
	/* ... or, when it is gone, the place it had */
	for (k = 0; !found && k < nk; k++)
		if (!(key[k] = sqlite3_value_dup(pg->keys[*sel * (size_t)nk + (size_t)k]))) {
			rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
			goto out;
		}
	rc = read_around(pg, key, sel, want, err);
out:
	free_key(key, nk);
	return rc;
}

int pager_seek(struct pager *pg, const char *code, size_t *sel, size_t want,
	       struct rm_error *err)
{
	sqlite3_value *key[PAGER_MAX_KEYS] = { NULL };
	int found = key_of(pg, code, key, err), rc;

	if (found < 0)
		return -1;
	if (found) {
		rc = read_around(pg, key, sel, want, err);
		free_key(key, pg->order->nkeys);
		return rc;
	}
	*sel = 0;
	return pager_first(pg, want, err);
}
