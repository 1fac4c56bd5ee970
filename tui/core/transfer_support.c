/* transfer_support.c - support requests in CSV files: the support columns
 * of assessment_entries (what the entry's first request asks) made into a
 * request, or brought to the request of the same text, so that a file
 * imported twice makes none twice; and the entry a support_requests
 * record belongs to, made when its item has none. */
#include <string.h>

#include "routemap/change.h"
#include "routemap/i18n.h"
#include "transfer_int.h"

/* The columns of assessment_entries (transfer.c). */
enum { E_ASSESSMENT, E_ITEM, E_STATUS, E_NOTE, E_NEEDED, E_FROM, E_FRAME };

int transfer_check_entry_support(struct row *row, struct rm_error *err)
{
	if (!row->v[E_NEEDED].null)
		return 0;
	if (!row->v[E_FROM].null)
		return transfer_row_fail(row, E_FROM, err, "%s",
					 _("support_from needs support_needed: what is asked for"));
	if (!row->v[E_FRAME].null)
		return transfer_row_fail(row, E_FRAME, err, "%s",
					 _("support_frame needs support_needed: what is asked for"));
	return 0;
}

/* Prepare ROW->own[I] from SQL once.  Returns it, or NULL with ERR. */
static sqlite3_stmt *own(struct row *row, int i, const char *sql, struct rm_error *err)
{
	if (!row->own[i])
		row->own[i] = store_prepare(row->st, sql, err);
	return row->own[i];
}

/* Run STMT with ?1 the entry, ?2 the source, ?3 the frame, ?4 what is
 * needed, from ROW's record.  Returns 0, or -1 with ERR. */
static int run_entry(struct row *row, sqlite3_stmt *stmt, sqlite3_int64 entry,
		     struct rm_error *err)
{
	int rc;

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	sqlite3_bind_int64(stmt, 1, entry);
	transfer_bind_val(stmt, 2, &row->v[E_FROM]);
	transfer_bind_val(stmt, 3, &row->v[E_FRAME]);
	transfer_bind_val(stmt, 4, &row->v[E_NEEDED]);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : transfer_write_failed(row, rc, err);
}

int transfer_entry_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			struct rm_error *err)
{
	sqlite3_stmt *up, *ins;

	if (when != HOOK_AFTER || row->v[E_NEEDED].null || (row->flags & TRANSFER_HAS_REQUESTS))
		return 0;
	/* the first request of that text takes the file's source and frame */
	up = own(row, 0, "UPDATE support_request SET source = ?2, frame_id = ?3 WHERE id ="
		 " (SELECT min(id) FROM support_request WHERE entry_id = ?1 AND needed = ?4)"
		 " AND (source IS NOT ?2 OR frame_id IS NOT ?3)", err);
	ins = up ? own(row, 1, "INSERT INTO support_request(entry_id, needed, source, frame_id)"
		       " SELECT ?1, ?4, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM support_request"
		       "  WHERE entry_id = ?1 AND needed = ?4)", err)
		 : NULL;
	if (!ins)
		return -1;
	return run_entry(row, up, id, err) < 0 || run_entry(row, ins, id, err) < 0 ? -1 : 0;
}

/* The columns of support_requests (transfer.c). */
enum { R_ASSESSMENT, R_ITEM };

int transfer_request_hook(struct row *row, enum kind_hook when, sqlite3_int64 id,
			  struct rm_error *err)
{
	sqlite3_int64 entry;

	(void)id;
	if (when != HOOK_BEFORE)
		return 0;
	return change_entry_id(row->st, sqlite3_value_int64(row->v[R_ASSESSMENT].ref),
			       sqlite3_value_int64(row->v[R_ITEM].ref), &entry, err);
}
