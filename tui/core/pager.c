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

int pager_first(struct pager *pg, size_t want, struct rm_error *err)
{
	long got;

	pager_clear(pg);
	got = fetch(pg, pg->order->first, NULL, want, err);
	if (got < 0)
		return -1;
	pg->at_start = 1;
	pg->at_end = (size_t)got < want;
	return 0;
}

int pager_last(struct pager *pg, size_t want, struct rm_error *err)
{
	long got;

	pager_clear(pg);
	got = fetch(pg, pg->order->last, NULL, want, err);
	if (got < 0)
		return -1;
	reverse(pg, 0, pg->n);
	pg->at_end = 1;
	pg->at_start = (size_t)got < want;
	return 0;
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

	if (!pg->n)
		return pager_last(pg, want, err) < 0 ? -1 : (long)pg->n;
	got = fetch(pg, pg->order->before, pg->keys, want, err);
	if (got < 0)
		return -1;
	move_to_front(pg, (size_t)got);
	pg->at_start = (size_t)got < want;
	return got;
}

/* Read the window again around KEY (NKEYS values, the caller's): the rows
 * before it, then from it on; *SEL the first of those.  0, or -1 with ERR. */
static int read_around(struct pager *pg, sqlite3_value *const *key, size_t *sel, size_t want,
		       struct rm_error *err)
{
	long before, after;

	pager_clear(pg);
	/* the rows before the key, nearest first ... */
	before = fetch(pg, pg->order->before, key, want, err);
	if (before < 0)
		return -1;
	reverse(pg, 0, pg->n);
	pg->at_start = (size_t)before < want;
	/* ... then the key's own row (when there is one) and on */
	if (pg->n)
		after = fetch(pg, pg->order->after, pg->keys + (pg->n - 1) * (size_t)pg->order->nkeys,
			      want, err);
	else
		after = fetch(pg, pg->order->first, NULL, want, err);
	if (after < 0) {
		pager_clear(pg);
		return -1;
	}
	pg->at_end = (size_t)after < want;
	*sel = pg->n > (size_t)before ? (size_t)before : (pg->n ? pg->n - 1 : 0);
	return 0;
}

int pager_reload(struct pager *pg, size_t *sel, size_t want, struct rm_error *err)
{
	sqlite3_value *key[PAGER_MAX_KEYS] = { NULL };
	size_t nk = (size_t)pg->order->nkeys, k;
	int rc = -1;

	if (!pg->n || *sel >= pg->n) {
		*sel = 0;
		return pager_first(pg, want, err);
	}
	for (k = 0; k < nk; k++)
		if (!(key[k] = sqlite3_value_dup(pg->keys[*sel * nk + k]))) {
			rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
			goto out;
		}
	rc = read_around(pg, key, sel, want, err);
out:
	for (k = 0; k < nk; k++)
		sqlite3_value_free(key[k]);
	return rc;
}

int pager_seek(struct pager *pg, const char *code, size_t *sel, size_t want,
	       struct rm_error *err)
{
	sqlite3_value *key[PAGER_MAX_KEYS] = { NULL };
	sqlite3_stmt *stmt = store_prepare(pg->st, pg->order->key_of, err);
	int k, rc = -1, step;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":code"), code, -1, SQLITE_STATIC);
	if (pg->bind)
		pg->bind(stmt, pg->arg);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		for (k = 0; k < pg->order->nkeys; k++)
			if (!(key[k] = sqlite3_value_dup(sqlite3_column_value(stmt, k)))) {
				rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
				goto out;
			}
		rc = read_around(pg, key, sel, want, err);
	} else if (step == SQLITE_DONE) {
		*sel = 0;
		rc = pager_first(pg, want, err);
	} else {
		store_fail(pg->st, err, _("cannot read the records"));
	}
out:
	sqlite3_finalize(stmt);
	for (k = 0; k < pg->order->nkeys; k++)
		sqlite3_value_free(key[k]);
	return rc;
}
