/* proposal.c - proposals to change a norm set: the list of a set's
 * proposals, accepting and rejecting one, deleting one, and the next
 * version made from the accepted ones in one undoable step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/lessons.h"
#include "routemap/normedit.h"
#include "routemap/text.h"
#include "routemap/vocab.h"

/* ---- the list ---- */

void proposal_rows_free(struct proposal_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].kind);
		free(rows[i].item);
		free(rows[i].group);
		free(rows[i].text);
		free(rows[i].reason);
		free(rows[i].status);
		free(rows[i].origin_kind);
		free(rows[i].origin);
		free(rows[i].proposed_by);
		free(rows[i].proposed_on);
		free(rows[i].decision_note);
		free(rows[i].decided_by);
		free(rows[i].decided_on);
	}
	free(rows);
}

int proposal_rows(struct store *st, const char *code, struct proposal_row **rows, size_t *n,
		  struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
		"SELECT p.id, s.version, p.kind, p.item_code, p.group_code, p.text, p.reason,"
		" p.status, p.origin_kind, p.origin, p.proposed_by, p.proposed_on, p.decision_note,"
		" coalesce((SELECT version FROM norm_set WHERE id = p.applied_set_id), 0),"
		" p.decided_by, p.decided_on"
		" FROM norm_proposal p JOIN norm_set s ON s.id = p.set_id WHERE s.code = ?1"
		" ORDER BY s.version DESC, p.id", err);
	int rc = SQLITE_DONE, bad = 0;

	*rows = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct proposal_row *r = array_grow(rows, n, sizeof *r);

		if (!r) {
			bad = 1;
			break;
		}
		r->id = sqlite3_column_int64(stmt, 0);
		r->version = sqlite3_column_int(stmt, 1);
		r->kind = store_col_dup(stmt, 2, &bad);
		r->item = store_col_dup(stmt, 3, &bad);
		r->group = store_col_dup(stmt, 4, &bad);
		r->text = store_col_dup(stmt, 5, &bad);
		r->reason = store_col_dup(stmt, 6, &bad);
		r->status = store_col_dup(stmt, 7, &bad);
		r->origin_kind = store_col_dup(stmt, 8, &bad);
		r->origin = store_col_dup(stmt, 9, &bad);
		r->proposed_by = store_col_dup(stmt, 10, &bad);
		r->proposed_on = store_col_dup(stmt, 11, &bad);
		r->decision_note = store_col_dup(stmt, 12, &bad);
		r->applied_version = sqlite3_column_int(stmt, 13);
		r->decided_by = store_col_dup(stmt, 14, &bad);
		r->decided_on = store_col_dup(stmt, 15, &bad);
	}
	if (store_finish(st, stmt, rc, bad, err) < 0) {
		proposal_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* ---- deciding ---- */

/* A proposal's state: its status, the version made from it, who decided
 * it and on what day (ISO; empty when nobody did). */
struct prop_state {
	char status[32], by[128], on[16];
	int applied;
};

/* The state of proposal ID into *PS.  0, or -1 with ERR (gone, the
 * database). */
static int status_of(struct store *st, sqlite3_int64 id, struct prop_state *ps,
		     struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT status, coalesce((SELECT version FROM"
					   " norm_set WHERE id = applied_set_id), 0),"
					   " coalesce(decided_by, ''), coalesce(decided_on, '')"
					   " FROM norm_proposal WHERE id = ?1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		snprintf(ps->status, sizeof ps->status, "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
		ps->applied = sqlite3_column_int(stmt, 1);
		snprintf(ps->by, sizeof ps->by, "%s", (const char *)sqlite3_column_text(stmt, 2));
		snprintf(ps->on, sizeof ps->on, "%s", (const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the records"));
	return rm_fail(err, RM_EXIT_RUNTIME, "%s",
		       _("this proposal is no longer there (deleted meanwhile?)"));
}

/* The refusal when PS is no longer the status SEEN: who decided what, when. */
static int changed_meanwhile(const struct prop_state *ps, struct rm_error *err)
{
	struct text_date d;
	char when[64] = "";

	if (text_parse_date(ps->on, &d) == 0)
		text_format_date(&d, text_calendar_buddhist(), when, sizeof when);
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("%s marked this proposal \"%s\" meanwhile (%s); nothing saved, look "
			 "again before deciding"),
		       *ps->by ? ps->by : "?", vocab_value("norm_proposal", "status", ps->status),
		       *when ? when : "—");
}

struct decide_args {
	sqlite3_int64 id;
	int accept;
	const char *seen, *by, *note;
};

static int decide_work(struct store *st, void *arg, struct rm_error *err)
{
	struct decide_args *a = arg;
	const char *to = a->accept ? "accepted" : "rejected";
	struct prop_state ps;
	struct text_date today;
	char iso[16];
	sqlite3_stmt *stmt;
	int rc;

	if (status_of(st, a->id, &ps, err) < 0)
		return CHANGE_ERROR;
	if (strcmp(ps.status, "applied") == 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("this proposal is in version %d already; it is decided"), ps.applied);
	if (a->seen && strcmp(ps.status, a->seen) != 0)
		return changed_meanwhile(&ps, err);
	if (strcmp(ps.status, to) == 0)
		return CHANGE_NONE;
	text_today(&today);
	text_format_iso(&today, iso, sizeof iso);
	stmt = store_prepare(st, "UPDATE norm_proposal SET status = ?2, decided_by = ?3,"
			     " decided_on = ?4, decision_note = ?5 WHERE id = ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->id);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, a->by);
	sqlite3_bind_text(stmt, 4, iso, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 5, a->note && *a->note ? a->note : NULL);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? CHANGE_OK : store_fail(st, err, _("cannot save"));
}

int proposal_decide(struct store *st, struct undo_log *u, sqlite3_int64 id, const char *seen,
		    int accept, const char *by, const char *note, struct rm_error *err)
{
	struct decide_args a = { id, accept, seen, by, note };

	return change_run(st, u, NULL, decide_work, &a, err);
}

static int delete_work(struct store *st, void *arg, struct rm_error *err)
{
	sqlite3_int64 id = *(sqlite3_int64 *)arg;
	struct prop_state ps;

	if (status_of(st, id, &ps, err) < 0)
		return CHANGE_ERROR;
	if (strcmp(ps.status, "applied") == 0)
		return rm_fail(err, RM_EXIT_RUNTIME,
			       _("this proposal made version %d; it stays as that version's history"),
			       ps.applied);
	return store_run_ids(st, "DELETE FROM norm_proposal WHERE id = ?1", id, 0, err) < 0
		       ? CHANGE_ERROR : CHANGE_OK;
}

int proposal_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
		    struct rm_error *err)
{
	return change_run(st, u, NULL, delete_work, &id, err);
}
