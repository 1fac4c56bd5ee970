/* transfer_support.c - support requests in CSV files: the support columns
 * of assessment_entries are the entry's first request: made when it has
 * none, else brought to the file (never a second one; not when answered);
 * a source or frame without what is needed asks for SUPPORT_UNSTATED, as
 * schema 9's migration does.  A support_requests record makes its entry
 * when its item has none, and replaces the request an entries file made
 * of the same text, so that the two files in two imports make each
 * request once. */
#include <string.h>

#include "routemap/change.h"
#include "routemap/i18n.h"
#include "routemap/support.h"
#include "transfer_int.h"

/* The columns of assessment_entries (transfer.c). */
enum { E_ASSESSMENT, E_ITEM, E_STATUS, E_NOTE, E_NEEDED, E_FROM, E_FRAME };

/* Prepare ROW->own[I] from SQL once.  Returns it, or NULL with ERR. */
static sqlite3_stmt *own(struct row *row, int i, const char *sql, struct rm_error *err)
{
	if (!row->own[i])
		row->own[i] = store_prepare(row->st, sql, err);
	return row->own[i];
}

/* Bind ?1 the entry (or request) ID, ?2 the source, ?3 the frame, ?4 what
 * is needed (SUPPORT_UNSTATED when the line names a source or frame
 * alone) of ROW's entry to STMT. */
static void bind_entry(struct row *row, sqlite3_stmt *stmt, sqlite3_int64 id)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	sqlite3_bind_int64(stmt, 1, id);
	transfer_bind_val(stmt, 2, &row->v[E_FROM]);
	transfer_bind_val(stmt, 3, &row->v[E_FRAME]);
	if (row->v[E_NEEDED].null)
		sqlite3_bind_text(stmt, 4, SUPPORT_UNSTATED, -1, SQLITE_STATIC);
	else
		transfer_bind_val(stmt, 4, &row->v[E_NEEDED]);
}

/* Run the write STMT bound by bind_entry.  Returns 0, or -1 with ERR. */
static int run_entry(struct row *row, sqlite3_stmt *stmt, sqlite3_int64 id, struct rm_error *err)
{
	int rc;

	bind_entry(row, stmt, id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : transfer_write_failed(row, rc, err);
}

/* Refuse the change of the entry's first request, answered by BY on ON,
 * at the first column of ROW that changes it (DIFF: needed, source,
 * frame).  Returns -1. */
static int answered(struct row *row, const int *diff, const char *by, const char *on,
		    struct rm_error *err)
{
	struct rm_error why = { 0, "" };
	size_t c = diff[0] ? E_NEEDED : diff[1] ? E_FROM : E_FRAME;

	support_answered_refusal(by, on, &why);
	return transfer_row_fail(row, c, err, "%s", why.msg);
}

int transfer_entry_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			struct rm_error *err)
{
	sqlite3_stmt *first, *write;
	sqlite3_int64 req;
	int diff[3], rc;

	if (when != HOOK_AFTER || (row->flags & TRANSFER_HAS_REQUESTS) ||
	    (row->v[E_NEEDED].null && row->v[E_FROM].null && row->v[E_FRAME].null))
		return 0;
	/* the support columns are the entry's first request: no second one */
	first = own(row, 0, "SELECT id, needed IS NOT iif(?4 = '" SUPPORT_UNSTATED "', needed, ?4),"
		    " source IS NOT ?2, frame_id IS NOT ?3, status <> 'requested', answered_by,"
		    " answered_on FROM support_request WHERE entry_id = ?1 ORDER BY id LIMIT 1", err);
	if (!first)
		return -1;
	bind_entry(row, first, id);
	rc = sqlite3_step(first);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(first);
		if (rc != SQLITE_DONE)
			return transfer_write_failed(row, rc, err);
		write = own(row, 1, "INSERT INTO support_request(entry_id, needed, source, frame_id)"
			    " VALUES (?1, ?4, ?2, ?3)", err);
		return write ? run_entry(row, write, id, err) : -1;
	}
	req = sqlite3_column_int64(first, 0);
	diff[0] = sqlite3_column_int(first, 1);
	diff[1] = sqlite3_column_int(first, 2);
	diff[2] = sqlite3_column_int(first, 3);
	if (diff[0] + diff[1] + diff[2] && sqlite3_column_int(first, 4)) {
		rc = answered(row, diff, (const char *)sqlite3_column_text(first, 5),
			      (const char *)sqlite3_column_text(first, 6), err);
		sqlite3_reset(first);
		return rc;
	}
	sqlite3_reset(first);
	if (!(diff[0] + diff[1] + diff[2]))
		return 0;
	write = own(row, 2, "UPDATE support_request SET needed = iif(?4 = '" SUPPORT_UNSTATED "',"
		    " needed, ?4), source = ?2, frame_id = ?3 WHERE id = ?1", err);
	return write ? run_entry(row, write, req, err) : -1;
}

/* The columns of support_requests (transfer.c). */
enum { R_ASSESSMENT, R_ITEM, R_UID, R_NEEDED };

int transfer_request_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			  struct rm_error *err)
{
	sqlite3_stmt *stale;
	sqlite3_int64 entry;
	int rc;

	(void)id;
	if (when != HOOK_BEFORE)
		return 0;
	if (change_entry_id(row->st, sqlite3_value_int64(row->v[R_ASSESSMENT].ref),
			    sqlite3_value_int64(row->v[R_ITEM].ref), &entry, err) < 0)
		return -1;
	/* a request an entries file made of the same text before this file
	 * (unanswered, no baht) is this line's request: the line replaces it,
	 * so that entries and requests imported one after the other make
	 * each request once */
	stale = own(row, 0, "DELETE FROM support_request WHERE id = (SELECT min(id)"
		    " FROM support_request WHERE entry_id = ?1 AND needed = ?2 AND id <= ?4"
		    " AND status = 'requested' AND amount IS NULL AND given IS NULL"
		    " AND answer_note IS NULL AND answered_on IS NULL)"
		    " AND NOT EXISTS (SELECT 1 FROM support_request WHERE uid = ?3)", err);
	if (!stale)
		return -1;
	sqlite3_reset(stale);
	sqlite3_clear_bindings(stale);
	sqlite3_bind_int64(stale, 1, entry);
	transfer_bind_val(stale, 2, &row->v[R_NEEDED]);
	transfer_bind_val(stale, 3, &row->v[R_UID]);
	sqlite3_bind_int64(stale, 4, row->max_before);
	rc = sqlite3_step(stale);
	sqlite3_reset(stale);
	return rc == SQLITE_DONE ? 0 : transfer_write_failed(row, rc, err);
}
