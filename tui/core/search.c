/* search.c - full-text search over the office database: every hit at
 * once (the batch command) or a page at a time after a document (the
 * screens), through the FTS5 index of code-point pairs (bigram.c) or,
 * for a query of one code point, a scan that stops when the page is full. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/store.h"

/* The code a search hit shows, by kind; then the text, the document and
 * the record's row. */
static const char search_columns[] =
	"SELECT d.kind, CASE d.kind"
	" WHEN 'plan' THEN (SELECT code FROM plan WHERE id = d.src)"
	" WHEN 'objective' THEN (SELECT p.code || '/' || o.code FROM objective o"
	"   JOIN plan p ON p.id = o.plan_id WHERE o.id = d.src)"
	" WHEN 'indicator' THEN (SELECT p.code || '/' || o.code FROM indicator i"
	"   JOIN objective o ON o.id = i.objective_id JOIN plan p ON p.id = o.plan_id WHERE i.id = d.src)"
	" WHEN 'project' THEN (SELECT code FROM project WHERE id = d.src)"
	" WHEN 'norm_set' THEN (SELECT code || ' v' || version FROM norm_set WHERE id = d.src)"
	" WHEN 'norm_item' THEN (SELECT s.code || ' v' || s.version || '/' || i.code FROM norm_item i"
	"   JOIN norm_set s ON s.id = i.set_id WHERE i.id = d.src)"
	" WHEN 'assessment_entry' THEN (SELECT a.code || '/' || i.code FROM assessment_entry e"
	"   JOIN assessment a ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id"
	"   WHERE e.id = d.src)"
	" WHEN 'support_request' THEN (SELECT a.code || '/' || i.code FROM support_request r"
	"   JOIN assessment_entry e ON e.id = r.entry_id JOIN assessment a ON a.id = e.assessment_id"
	"   JOIN norm_item i ON i.id = e.item_id WHERE r.id = d.src)"
	" WHEN 'aar' THEN (SELECT code FROM aar WHERE id = d.src)"
	" WHEN 'aar_section' THEN (SELECT a.code || '/' || s.section FROM aar_section s"
	"   JOIN aar a ON a.id = s.aar_id WHERE s.id = d.src)"
	" WHEN 'aar_action' THEN (SELECT a.code FROM aar_action x JOIN aar a ON a.id = x.aar_id"
	"   WHERE x.id = d.src)"
	" END, d.text, d.id, d.src";

/* Count the code points of S. */
static size_t count_code_points(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* QUERY as one FTS5 phrase: quotes doubled, so any text is a literal
 * query.  Into B. */
static void fts_phrase(struct buf *b, const char *query)
{
	const char *p;

	buf_puts(b, "\"");
	for (p = query; *p; p++) {
		if (*p == '"')
			buf_puts(b, "\"\"");
		else
			buf_add(b, p, 1);
	}
	buf_puts(b, "\"");
}

/* Run the prepared search STMT, appending its rows to *HITS (*NHITS,
 * capacity *CAP) up to MAX of them.  Returns the last step's code. */
static int collect_hits(sqlite3_stmt *stmt, size_t max, struct search_hit **hits, size_t *nhits,
			size_t *cap)
{
	int rc = SQLITE_DONE;

	while (*nhits < max && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct search_hit *h;
		const char *ref = (const char *)sqlite3_column_text(stmt, 1);

		if (*nhits == *cap) {
			size_t ncap = *cap ? *cap * 2 : 32;

			h = realloc(*hits, ncap * sizeof *h);
			if (!h)
				return SQLITE_NOMEM;
			*hits = h;
			*cap = ncap;
		}
		h = &(*hits)[*nhits];
		h->kind = strdup((const char *)sqlite3_column_text(stmt, 0));
		h->ref = strdup(ref ? ref : "");
		h->text = strdup((const char *)sqlite3_column_text(stmt, 2));
		h->doc = sqlite3_column_int64(stmt, 3);
		h->src = sqlite3_column_int64(stmt, 4);
		(*nhits)++;
		if (!h->kind || !h->ref || !h->text)
			return SQLITE_NOMEM;
	}
	return *nhits < max ? rc : SQLITE_ROW;
}

/* Prepare the search for QUERY: SQL is the columns, then FROM and WHERE
 * by the query's length (the index holds pairs of code points: a single
 * one scans), then TAIL; ?1 is bound to the query. */
static sqlite3_stmt *search_prepare(struct store *st, const char *query, const char *tail,
				    struct rm_error *err)
{
	struct buf sql = { 0 }, phrase = { 0 };
	sqlite3_stmt *stmt;

	buf_puts(&sql, search_columns);
	if (count_code_points(query) < 2) {
		/* lower() folds only Latin letters: without any in the query
		 * the scan can skip copying every text (a third of its time) */
		if (strpbrk(query, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
			buf_puts(&sql, " FROM search_doc d WHERE instr(lower(d.text), lower(?1)) > 0");
		else
			buf_puts(&sql, " FROM search_doc d WHERE instr(d.text, ?1) > 0");
		buf_puts(&phrase, query);
	} else {
		/* by the index's own rowid order, so that a page stops early */
		buf_puts(&sql, " FROM search_fts f JOIN search_doc d ON d.id = f.rowid"
			 " WHERE search_fts MATCH ?1");
		fts_phrase(&phrase, query);
	}
	buf_puts(&sql, tail);
	if (sql.oom || phrase.oom) {
		buf_free(&sql);
		buf_free(&phrase);
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		return NULL;
	}
	stmt = store_prepare(st, sql.s, err);
	buf_free(&sql);
	if (stmt)
		sqlite3_bind_text(stmt, 1, phrase.s, -1, SQLITE_TRANSIENT);
	buf_free(&phrase);
	return stmt;
}

/* The end of a search: on failure, the hits from FIRST on go (and the
 * array with them when FIRST is 0). */
static int search_done(struct store *st, int rc, struct search_hit **hits, size_t *nhits,
		       size_t first, struct rm_error *err)
{
	size_t i;

	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	for (i = first; i < *nhits; i++) {
		free((*hits)[i].kind);
		free((*hits)[i].ref);
		free((*hits)[i].text);
	}
	*nhits = first;
	if (first == 0) {
		free(*hits);
		*hits = NULL;
	}
	return rc == SQLITE_NOMEM ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"))
				  : store_fail(st, err, _("search failed"));
}

int store_search(struct store *st, const char *query, struct search_hit **hits, size_t *nhits,
		 struct rm_error *err)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	*hits = NULL;
	*nhits = 0;
	if (!*query)
		return 0;
	stmt = search_prepare(st, query, " ORDER BY d.id", err);
	if (!stmt)
		return -1;
	rc = collect_hits(stmt, (size_t)-1, hits, nhits, &cap);
	sqlite3_finalize(stmt);
	return search_done(st, rc, hits, nhits, 0, err);
}

int store_search_page(struct store *st, const char *query, sqlite3_int64 after, size_t want,
		      struct search_hit **hits, size_t *nhits, int *more, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	size_t first = *nhits;
	size_t cap = *nhits;     /* all we know of the array's room */
	int rc, short_query = count_code_points(query) < 2;

	*more = 0;
	if (!*query || want == 0)
		return 0;
	stmt = search_prepare(st, query, short_query ? " AND d.id > ?2 ORDER BY d.id LIMIT ?3"
						      : " AND f.rowid > ?2 ORDER BY f.rowid LIMIT ?3",
			      err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 2, after);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)want + 1);   /* one more: are there more? */
	rc = collect_hits(stmt, first + want, hits, nhits, &cap);
	if (rc == SQLITE_ROW)
		*more = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return search_done(st, rc, hits, nhits, first, err);
}

void store_search_free(struct search_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(hits[i].kind);
		free(hits[i].ref);
		free(hits[i].text);
	}
	free(hits);
}
