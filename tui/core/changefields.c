/* changefields.c - the table of the fields people edit (change.h,
 * change_field): by name "TABLE.FIELD", its column, how it reads as
 * people know it and what is stored for it; what follows a changed code. */
#include <stddef.h>
#include <string.h>

#include "change_int.h"
#include "routemap/i18n.h"

/* A REAL column as text_format_number writes it, NULL staying NULL. */
#define NUMBER_OF(col) "iif(" col " IS NULL, NULL, printf('%.15g', " col "))"

static const struct field fields[] = {
	{ "assessment_entry.status", "assessment_entry", "status", "status", "?1", 0 },
	{ "assessment_entry.note", "assessment_entry", "note", "note", "?1", 0 },
	{ "assessment_entry.level", "assessment_entry", "level", "level", "?1", 0 },
	{ "support_request.needed", "support_request", "needed", "needed", "?1", 1 },
	{ "support_request.source", "support_request", "source", "source", "?1", 0 },
	{ "support_request.frame", "support_request", "frame_id",
	  "(SELECT code FROM support_frame WHERE id = frame_id)",
	  "(SELECT id FROM support_frame WHERE code = ?1)", 0 },
	{ "support_request.amount", "support_request", "amount", NUMBER_OF("amount"), "?1", 0 },
	{ "support_request.status", "support_request", "status", "status", "?1", 1 },
	{ "support_request.referred_to", "support_request", "referred_to", "referred_to", "?1", 0 },
	{ "support_request.given", "support_request", "given", "given", "?1", 0 },
	{ "support_request.amount_agreed", "support_request", "amount_agreed",
	  NUMBER_OF("amount_agreed"), "?1", 0 },
	{ "support_request.filed_frame", "support_request", "filed_frame_id",
	  "(SELECT code FROM support_frame WHERE id = filed_frame_id)",
	  "(SELECT id FROM support_frame WHERE code = ?1)", 0 },
	{ "support_request.answer_note", "support_request", "answer_note", "answer_note", "?1", 0 },
	{ "support_request.answered_by", "support_request", "answered_by", "answered_by", "?1", 0 },
	{ "support_request.answered_on", "support_request", "answered_on", "answered_on", "?1", 0 },
	{ "aar.title", "aar", "title", "title", "?1", 1 },
	{ "aar.date", "aar", "date", "date", "?1", 1 },
	{ "aar.subject", "aar", "subject", "subject", "?1", 0 },
	{ "aar.facilitator", "aar", "facilitator", "facilitator", "?1", 0 },
	{ "aar.participants", "aar", "participants", "participants", "?1", 0 },
	{ "aar_section.text", "aar_section", "text", "text", "?1", 1 },
	{ "aar_action.action", "aar_action", "action", "action", "?1", 1 },
	{ "aar_action.owner", "aar_action", "owner", "owner", "?1", 0 },
	{ "aar_action.due", "aar_action", "due", "due", "?1", 0 },
	{ "aar_action.status", "aar_action", "status", "status", "?1", 1 },
	{ "plan.code", "plan", "code", "code", "?1", 1 },
	{ "plan.office", "plan", "office_id", "(SELECT code FROM office WHERE id = office_id)",
	  "(SELECT id FROM office WHERE code = ?1)", 1 },
	{ "plan.title", "plan", "title", "title", "?1", 1 },
	{ "plan.destination", "plan", "destination", "destination", "?1", 0 },
	{ "plan.fy_from", "plan", "fy_from", "fy_from", "?1", 1 },
	{ "plan.fy_to", "plan", "fy_to", "fy_to", "?1", 1 },
	{ "plan.serves", "plan", "serves_id", "(SELECT s.code FROM plan s WHERE s.id = plan.serves_id)",
	  "(SELECT id FROM plan WHERE code = ?1)", 0 },
	{ "objective.code", "objective", "code", "code", "?1", 1 },
	{ "objective.level", "objective", "level", "level", "?1", 1 },
	{ "objective.title", "objective", "title", "title", "?1", 1 },
	{ "norm_set.title", "norm_set", "title", "title", "?1", 1 },
	{ "norm_set.issued", "norm_set", "issued", "issued", "?1", 0 },
	{ "norm_set.source", "norm_set", "source", "source", "?1", 0 },
	{ "norm_set.scale", "norm_set", "scale", "scale", "?1", 1 },
	{ "norm_proposal.set", "norm_proposal", "set_id",
	  "(SELECT code || '@' || version FROM norm_set WHERE id = set_id)",
	  "(SELECT id FROM norm_set WHERE code || '@' || version = ?1)", 1 },
	{ "norm_proposal.kind", "norm_proposal", "kind", "kind", "?1", 1 },
	{ "norm_proposal.item_code", "norm_proposal", "item_code", "item_code", "?1", 0 },
	{ "norm_proposal.group_code", "norm_proposal", "group_code", "group_code", "?1", 0 },
	{ "norm_proposal.text", "norm_proposal", "text", "text", "?1", 0 },
	{ "norm_proposal.evidence", "norm_proposal", "evidence", "evidence", "?1", 0 },
	{ "norm_proposal.weight", "norm_proposal", "weight", NUMBER_OF("weight"), "?1", 0 },
	{ "norm_proposal.reason", "norm_proposal", "reason", "reason", "?1", 0 },
	{ "norm_proposal.status", "norm_proposal", "status", "status", "?1", 1 },
	{ "norm_proposal.decision_note", "norm_proposal", "decision_note", "decision_note",
	  "?1", 0 },
	{ "norm_item.code", "norm_item", "code", "code", "?1", 1 },
	{ "norm_item.text", "norm_item", "text", "text", "?1", 1 },
	{ "norm_item.evidence", "norm_item", "evidence", "evidence", "?1", 0 },
	{ "norm_item.weight", "norm_item", "weight", "printf('%.15g', weight)", "?1", 1 },
	{ "norm_item.group", "norm_item", "group_id",
	  "(SELECT code FROM norm_group WHERE id = group_id)",
	  "(SELECT g.id FROM norm_group g JOIN norm_set s ON s.grouping = g.grouping"
	  " WHERE s.id = norm_item.set_id AND g.code = ?1)", 1 },
	{ "assessment.assessed_on", "assessment", "assessed_on", "assessed_on", "?1", 0 },
	{ "assessment.assessor", "assessment", "assessor", "assessor", "?1", 0 },
	{ "assessment.project", "assessment", "project_id",
	  "(SELECT code FROM project WHERE id = project_id)",
	  "(SELECT id FROM project WHERE code = ?1)", 0 },
	/* numbers read as they were typed: "42", not "42.0" */
	{ "indicator.baseline", "indicator", "baseline", NUMBER_OF("baseline"), "?1", 0 },
	{ "indicator.target", "indicator", "target", NUMBER_OF("target"), "?1", 0 },
	{ "indicator.result", "indicator", "result", NUMBER_OF("result"), "?1", 0 },
	{ "slm_cell.text", "slm_cell", "text", "text", "?1", 1 },
	{ "project.code", "project", "code", "code", "?1", 1 },
	{ "project.title", "project", "title", "title", "?1", 1 },
	{ "project.office", "project", "office_id", "(SELECT code FROM office WHERE id = office_id)",
	  "(SELECT id FROM office WHERE code = ?1)", 1 },
	{ "project.fiscal_year", "project", "fiscal_year", "fiscal_year", "?1", 1 },
	{ "project.stage", "project", "stage", "stage", "?1", 1 },
	{ "project.status", "project", "status", "status", "?1", 1 },
	{ "project.budget", "project", "budget", NUMBER_OF("budget"), "?1", 0 },
	{ "project.budget_source", "project", "budget_source", "budget_source", "?1", 0 },
	{ "project.start_date", "project", "start_date", "start_date", "?1", 0 },
	{ "project.end_date", "project", "end_date", "end_date", "?1", 0 },
};

const struct field *change_find_field(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

/* What follows a record's code when it changes: the AARs that review the
 * record name it by code in aar.subject (a plan "PLAN", an objective
 * "PLAN/OBJECTIVE", a project its code).  ?1 the record's id, ?2 the old
 * code, ?3 the new one. */
static const struct {
	const char *field;
	const char *sql;
} follows[] = {
	{ "plan.code", "UPDATE aar SET subject = ?3 WHERE subject_kind = 'plan' AND subject = ?2" },
	{ "plan.code", "UPDATE aar SET subject = ?3 || substr(subject, length(?2) + 1)"
		       " WHERE subject_kind = 'objective' AND subject IN"
		       " (SELECT ?2 || '/' || code FROM objective WHERE plan_id = ?1)" },
	{ "objective.code", "UPDATE aar SET subject = (SELECT p.code || '/' || ?3 FROM objective o"
			    " JOIN plan p ON p.id = o.plan_id WHERE o.id = ?1)"
			    " WHERE subject_kind = 'objective' AND subject = (SELECT p.code || '/' || ?2"
			    " FROM objective o JOIN plan p ON p.id = o.plan_id WHERE o.id = ?1)" },
	{ "project.code",
	  "UPDATE aar SET subject = ?3 WHERE subject_kind = 'project' AND subject = ?2" },
};

int change_follow_code(struct store *st, const struct field *f, sqlite3_int64 id,
		       const char *old, const char *value, struct rm_error *err)
{
	size_t i;

	for (i = 0; i < sizeof follows / sizeof follows[0]; i++) {
		sqlite3_stmt *stmt;
		int rc;

		if (strcmp(follows[i].field, f->name) != 0 || !old || !value)
			continue;
		if (!(stmt = store_prepare(st, follows[i].sql, err)))
			return -1;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_text(stmt, 2, old, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, value, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, _("cannot save"));
	}
	return 0;
}
