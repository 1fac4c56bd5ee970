/* exchange_kinds.c - the kinds of record that cross offices: one row per
 * kind, with its wire columns, how to read every row of it here, and how
 * to write one by its identity (exchange_int.h).
 *
 * Identity is what two offices can never both invent: an office's code; a
 * norm set's code and version; an item's code within its set; a plan's,
 * project's, assessment's or AAR's code (with the office that owns it:
 * the same code given by two offices is refused, not merged); a uid for
 * rows people give no code (indicators, requests, follow-up actions,
 * proposals).  References travel as identities too, never as row ids,
 * and an order kept by row id here (a position left NULL) travels as
 * that row id, so that the other office lists them in the same order. */
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

/* The office owning a row whose office_id may be NULL ("ours"). */
#define OWN_OFFICE(o) "coalesce(" o ".code, (SELECT office FROM exchange_self))"

/* The office_id to write for office code C (a parameter): NULL for ours,
 * and whether C is an office here at all. */
#define OFFICE_ID(c) \
	"(SELECT id FROM office WHERE code = " c " AND code IS NOT (SELECT office FROM exchange_self))"
#define OFFICE_KNOWN(c) "EXISTS (SELECT 1 FROM office WHERE code = " c ")"

/* The version a proposal was applied in, from ?20 (code) and ?21. */
#define APPLIED_SET "(SELECT id FROM norm_set WHERE code = ?20 AND version = ?21)"

static const char *const office_cols[] = { "code", "name", "short_name", "level", "parent",
					   NULL };
static const char *const frame_cols[] = { "code", "label", NULL };
static const char *const group_cols[] = { "grouping", "code", "label", "position", NULL };
static const char *const plan_cols[] = { "code", "office", "title", "destination", "fy_from",
					 "fy_to", "serves", NULL };
static const char *const objective_cols[] = { "plan", "code", "level", "title", "position",
					      NULL };
static const char *const link_cols[] = { "plan", "from_code", "to_code", NULL };
static const char *const indicator_cols[] = { "uid", "plan", "objective", "name", "unit",
					      "baseline", "target", "fiscal_year", "result",
					      NULL };
static const char *const slm_cols[] = { "plan", "objective", "column_key", "text", NULL };
static const char *const project_cols[] = { "code", "office", "plan", "fiscal_year", "title",
					    "stage", "status", "budget", "budget_source",
					    "start_date", "end_date", NULL };
static const char *const project_objective_cols[] = { "project", "objective", NULL };
static const char *const set_cols[] = { "code", "version", "office", "title", "issued",
					"source", "grouping", "scale", NULL };
static const char *const item_cols[] = { "set_code", "set_version", "code", "group_code",
					 "text", "evidence", "weight", "position", NULL };
static const char *const assessment_cols[] = { "code", "set_code", "set_version", "office",
					       "project", "assessed_on", "assessor", NULL };
static const char *const entry_cols[] = { "assessment", "item", "status", "level", "note",
					  NULL };
static const char *const request_cols[] = { "uid", "assessment", "item", "needed", "source",
					    "frame", "amount", "status", "referred_to",
					    "given", "amount_agreed", "filed_frame",
					    "answer_note", "answered_by", "answered_on", NULL };
static const char *const aar_cols[] = { "code", "office", "template", "date", "title",
					"subject_kind", "subject", "facilitator",
					"participants", NULL };
static const char *const aar_tag_cols[] = { "aar", "tag", NULL };
static const char *const aar_section_cols[] = { "aar", "section", "text", NULL };
static const char *const aar_action_cols[] = { "uid", "aar", "action", "owner", "due",
					       "status", NULL };
/* what the office asked answers, or the issuing office decides */
static const char *const request_answer[] = { "status", "referred_to", "given",
					      "amount_agreed", "filed_frame", "answer_note",
					      "answered_by", "answered_on", NULL };
static const char *const proposal_decision[] = { "status", "decided_by", "decided_on",
						 "decision_note", "applied_code",
						 "applied_version", NULL };
static const char *const proposal_cols[] = { "uid", "set_code", "set_version", "office",
					     "kind", "item_code", "group_code", "text",
					     "evidence", "weight", "reason", "origin_kind",
					     "origin", "proposed_by", "proposed_on", "status",
					     "decided_by", "decided_on", "decision_note",
					     "applied_code", "applied_version", NULL };

const struct xkind xk_kinds[] = {
	{ "office", N_("office"), "office", office_cols, 1, -1, XK_OWNED,
	  "SELECT o.code, o.id, o.code, o.name, o.short_name, o.level, p.code"
	  " FROM office o LEFT JOIN office p ON p.id = o.parent_id",
	  "INSERT INTO office(code, name, short_name, level, parent_id)"
	  " SELECT ?1, ?2, ?3, ?4, (SELECT id FROM office WHERE code = ?5)"
	  " WHERE ?5 IS NULL OR EXISTS (SELECT 1 FROM office WHERE code = ?5)"
	  " ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
	  " short_name = excluded.short_name, level = excluded.level,"
	  " parent_id = excluded.parent_id",
	  "DELETE FROM office WHERE code = ?1", NULL },
	{ "frame", N_("support frame"), "support_frame", frame_cols, 1, -1, XK_DOWN,
	  "SELECT NULL, id, code, label FROM support_frame",
	  "INSERT INTO support_frame(code, label) VALUES (?1, ?2)"
	  " ON CONFLICT(code) DO UPDATE SET label = excluded.label",
	  "DELETE FROM support_frame WHERE code = ?1", NULL },
	{ "group", N_("norm group"), "norm_group", group_cols, 2, -1, XK_BOTH,
	  "SELECT NULL, id, grouping, code, label, coalesce(position, id) FROM norm_group",
	  "INSERT INTO norm_group(grouping, code, label, position) VALUES (?1, ?2, ?3, ?4)"
	  " ON CONFLICT(grouping, code) DO UPDATE SET label = excluded.label,"
	  " position = excluded.position",
	  "DELETE FROM norm_group WHERE grouping = ?1 AND code = ?2", NULL },
	{ "plan", N_("plan"), "plan", plan_cols, 1, 1, XK_OWNED,
	  "SELECT o.code, p.id, p.code, o.code, p.title, p.destination, p.fy_from, p.fy_to,"
	  " s.code FROM plan p JOIN office o ON o.id = p.office_id"
	  " LEFT JOIN plan s ON s.id = p.serves_id",
	  "INSERT INTO plan(code, office_id, title, destination, fy_from, fy_to, serves_id)"
	  " SELECT ?1, o.id, ?3, ?4, ?5, ?6, (SELECT id FROM plan WHERE code = ?7)"
	  " FROM office o WHERE o.code = ?2"
	  " AND (?7 IS NULL OR EXISTS (SELECT 1 FROM plan WHERE code = ?7))"
	  " ON CONFLICT(code) DO UPDATE SET office_id = excluded.office_id,"
	  " title = excluded.title, destination = excluded.destination,"
	  " fy_from = excluded.fy_from, fy_to = excluded.fy_to, serves_id = excluded.serves_id",
	  "DELETE FROM plan WHERE code = ?1", NULL },
	{ "objective", N_("objective"), "objective", objective_cols, 2, -1, XK_OWNED,
	  "SELECT o.code, b.id, p.code, b.code, b.level, b.title, coalesce(b.position, b.id)"
	  " FROM objective b JOIN plan p ON p.id = b.plan_id JOIN office o ON o.id = p.office_id",
	  "INSERT INTO objective(plan_id, code, level, title, position)"
	  " SELECT p.id, ?2, ?3, ?4, ?5 FROM plan p WHERE p.code = ?1"
	  " ON CONFLICT(plan_id, code) DO UPDATE SET level = excluded.level,"
	  " title = excluded.title, position = excluded.position",
	  "DELETE FROM objective WHERE code = ?2"
	  " AND plan_id = (SELECT id FROM plan WHERE code = ?1)", NULL },
	{ "link", N_("cause-effect link"), "link", link_cols, 3, -1, XK_OWNED,
	  "SELECT o.code, l.id, p.code, f.code, t.code FROM link l"
	  " JOIN objective f ON f.id = l.from_id JOIN objective t ON t.id = l.to_id"
	  " JOIN plan p ON p.id = f.plan_id JOIN office o ON o.id = p.office_id",
	  "INSERT INTO link(from_id, to_id) SELECT f.id, t.id FROM plan p"
	  " JOIN objective f ON f.plan_id = p.id AND f.code = ?2"
	  " JOIN objective t ON t.plan_id = p.id AND t.code = ?3 WHERE p.code = ?1"
	  " ON CONFLICT(from_id, to_id) DO UPDATE SET to_id = excluded.to_id",
	  "DELETE FROM link WHERE id = (SELECT l.id FROM link l"
	  " JOIN objective f ON f.id = l.from_id JOIN objective t ON t.id = l.to_id"
	  " JOIN plan p ON p.id = f.plan_id WHERE p.code = ?1 AND f.code = ?2 AND t.code = ?3)", NULL },
	{ "indicator", N_("indicator"), "indicator", indicator_cols, 1, -1, XK_OWNED,
	  "SELECT o.code, i.id, i.uid, p.code, b.code, i.name, i.unit, i.baseline, i.target,"
	  " i.fiscal_year, i.result FROM indicator i JOIN objective b ON b.id = i.objective_id"
	  " JOIN plan p ON p.id = b.plan_id JOIN office o ON o.id = p.office_id",
	  "INSERT INTO indicator(uid, objective_id, name, unit, baseline, target, fiscal_year,"
	  " result) SELECT ?1, b.id, ?4, ?5, ?6, ?7, ?8, ?9 FROM plan p"
	  " JOIN objective b ON b.plan_id = p.id AND b.code = ?3 WHERE p.code = ?2"
	  " ON CONFLICT(uid) DO UPDATE SET objective_id = excluded.objective_id,"
	  " name = excluded.name, unit = excluded.unit, baseline = excluded.baseline,"
	  " target = excluded.target, fiscal_year = excluded.fiscal_year,"
	  " result = excluded.result",
	  "DELETE FROM indicator WHERE uid = ?1", NULL },
	{ "slm_cell", N_("SLM cell"), "slm_cell", slm_cols, 3, -1, XK_OWNED,
	  "SELECT o.code, c.id, p.code, b.code, c.column_key, c.text FROM slm_cell c"
	  " JOIN objective b ON b.id = c.objective_id JOIN plan p ON p.id = b.plan_id"
	  " JOIN office o ON o.id = p.office_id",
	  "INSERT INTO slm_cell(objective_id, column_key, text) SELECT b.id, ?3, ?4 FROM plan p"
	  " JOIN objective b ON b.plan_id = p.id AND b.code = ?2 WHERE p.code = ?1"
	  " ON CONFLICT(objective_id, column_key) DO UPDATE SET text = excluded.text",
	  "DELETE FROM slm_cell WHERE column_key = ?3 AND objective_id = (SELECT b.id"
	  " FROM objective b JOIN plan p ON p.id = b.plan_id WHERE p.code = ?1 AND b.code = ?2)", NULL },
	{ "project", N_("project"), "project", project_cols, 1, 1, XK_OWN,
	  "SELECT o.code, j.id, j.code, o.code, p.code, j.fiscal_year, j.title, j.stage,"
	  " j.status, j.budget, j.budget_source, j.start_date, j.end_date FROM project j"
	  " JOIN office o ON o.id = j.office_id LEFT JOIN plan p ON p.id = j.plan_id",
	  "INSERT INTO project(code, office_id, plan_id, fiscal_year, title, stage, status,"
	  " budget, budget_source, start_date, end_date)"
	  " SELECT ?1, o.id, (SELECT id FROM plan WHERE code = ?3), ?4, ?5, ?6, ?7, ?8, ?9,"
	  " ?10, ?11 FROM office o WHERE o.code = ?2"
	  " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM plan WHERE code = ?3))"
	  " ON CONFLICT(code) DO UPDATE SET office_id = excluded.office_id,"
	  " plan_id = excluded.plan_id, fiscal_year = excluded.fiscal_year,"
	  " title = excluded.title, stage = excluded.stage, status = excluded.status,"
	  " budget = excluded.budget, budget_source = excluded.budget_source,"
	  " start_date = excluded.start_date, end_date = excluded.end_date",
	  "DELETE FROM project WHERE code = ?1", NULL },
	{ "project_objective", N_("objective of a project"), "project_objective",
	  project_objective_cols, 2, -1, XK_OWN,
	  "SELECT o.code, x.id, j.code, b.code FROM project_objective x"
	  " JOIN project j ON j.id = x.project_id JOIN office o ON o.id = j.office_id"
	  " JOIN objective b ON b.id = x.objective_id",
	  "INSERT INTO project_objective(project_id, objective_id) SELECT j.id, b.id"
	  " FROM project j JOIN objective b ON b.plan_id = j.plan_id AND b.code = ?2"
	  " WHERE j.code = ?1"
	  " ON CONFLICT(project_id, objective_id) DO UPDATE SET objective_id = excluded.objective_id",
	  "DELETE FROM project_objective WHERE id = (SELECT x.id FROM project_objective x"
	  " JOIN project j ON j.id = x.project_id JOIN objective b ON b.id = x.objective_id"
	  " WHERE j.code = ?1 AND b.code = ?2)", NULL },
	{ "norm_set", N_("norm set"), "norm_set", set_cols, 2, 2, XK_OWNED,
	  "SELECT o.code, s.id, s.code, s.version, o.code, s.title, s.issued, s.source,"
	  " s.grouping, s.scale FROM norm_set s JOIN office o ON o.id = s.office_id",
	  "INSERT INTO norm_set(code, version, office_id, title, issued, source, grouping,"
	  " scale) SELECT ?1, ?2, o.id, ?4, ?5, ?6, ?7, ?8 FROM office o WHERE o.code = ?3"
	  " ON CONFLICT(code, version) DO UPDATE SET office_id = excluded.office_id,"
	  " title = excluded.title, issued = excluded.issued, source = excluded.source,"
	  " grouping = excluded.grouping, scale = excluded.scale",
	  "DELETE FROM norm_set WHERE code = ?1 AND version = ?2", NULL },
	{ "norm_item", N_("norm item"), "norm_item", item_cols, 3, -1, XK_OWNED,
	  "SELECT o.code, i.id, s.code, s.version, i.code, g.code, i.text, i.evidence,"
	  " i.weight, coalesce(i.position, i.id) FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
	  " JOIN office o ON o.id = s.office_id JOIN norm_group g ON g.id = i.group_id",
	  "INSERT INTO norm_item(set_id, code, group_id, text, evidence, weight, position)"
	  " SELECT s.id, ?3, g.id, ?5, ?6, ?7, ?8 FROM norm_set s"
	  " JOIN norm_group g ON g.grouping = s.grouping AND g.code = ?4"
	  " WHERE s.code = ?1 AND s.version = ?2"
	  " ON CONFLICT(set_id, code) DO UPDATE SET group_id = excluded.group_id,"
	  " text = excluded.text, evidence = excluded.evidence, weight = excluded.weight,"
	  " position = excluded.position",
	  "DELETE FROM norm_item WHERE code = ?3"
	  " AND set_id = (SELECT id FROM norm_set WHERE code = ?1 AND version = ?2)", NULL },
	{ "assessment", N_("assessment"), "assessment", assessment_cols, 1, 3,
	  XK_OWN,
	  "SELECT o.code, a.id, a.code, s.code, s.version, o.code, p.code, a.assessed_on,"
	  " a.assessor FROM assessment a JOIN norm_set s ON s.id = a.set_id"
	  " JOIN office o ON o.id = a.office_id LEFT JOIN project p ON p.id = a.project_id",
	  "INSERT INTO assessment(code, set_id, office_id, project_id, assessed_on, assessor)"
	  " SELECT ?1, s.id, o.id, (SELECT id FROM project WHERE code = ?5), ?6, ?7"
	  " FROM norm_set s, office o WHERE s.code = ?2 AND s.version = ?3 AND o.code = ?4"
	  " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM project WHERE code = ?5))"
	  " ON CONFLICT(code) DO UPDATE SET set_id = excluded.set_id,"
	  " office_id = excluded.office_id, project_id = excluded.project_id,"
	  " assessed_on = excluded.assessed_on, assessor = excluded.assessor",
	  "DELETE FROM assessment WHERE code = ?1", NULL },
	{ "entry", N_("checklist answer"), "assessment_entry", entry_cols, 2, -1, XK_OWN,
	  "SELECT o.code, e.id, a.code, i.code, e.status, e.level, e.note"
	  " FROM assessment_entry e JOIN assessment a ON a.id = e.assessment_id"
	  " JOIN office o ON o.id = a.office_id JOIN norm_item i ON i.id = e.item_id",
	  "INSERT INTO assessment_entry(assessment_id, item_id, status, level, note)"
	  " SELECT a.id, i.id, ?3, ?4, ?5 FROM assessment a"
	  " JOIN norm_item i ON i.set_id = a.set_id AND i.code = ?2 WHERE a.code = ?1"
	  " ON CONFLICT(assessment_id, item_id) DO UPDATE SET status = excluded.status,"
	  " level = excluded.level, note = excluded.note",
	  "DELETE FROM assessment_entry WHERE id = (SELECT e.id FROM assessment_entry e"
	  " JOIN assessment a ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id"
	  " WHERE a.code = ?1 AND i.code = ?2)", NULL },
	{ "support_request", N_("support request"), "support_request", request_cols, 1, -1,
	  XK_OWN,
	  "SELECT o.code, r.id, r.uid, a.code, i.code, r.needed, r.source, f.code, r.amount,"
	  " r.status, r.referred_to, r.given, r.amount_agreed, ff.code, r.answer_note,"
	  " r.answered_by, r.answered_on FROM support_request r"
	  " JOIN assessment_entry e ON e.id = r.entry_id"
	  " JOIN assessment a ON a.id = e.assessment_id JOIN office o ON o.id = a.office_id"
	  " JOIN norm_item i ON i.id = e.item_id"
	  " LEFT JOIN support_frame f ON f.id = r.frame_id"
	  " LEFT JOIN support_frame ff ON ff.id = r.filed_frame_id",
	  "INSERT INTO support_request(uid, entry_id, needed, source, frame_id, amount, status,"
	  " referred_to, given, amount_agreed, filed_frame_id, answer_note, answered_by,"
	  " answered_on)"
	  " SELECT ?1, e.id, ?4, ?5, (SELECT id FROM support_frame WHERE code = ?6), ?7, ?8,"
	  " ?9, ?10, ?11, (SELECT id FROM support_frame WHERE code = ?12), ?13, ?14, ?15"
	  " FROM assessment a JOIN norm_item i ON i.set_id = a.set_id AND i.code = ?3"
	  " JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id"
	  " WHERE a.code = ?2"
	  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM support_frame WHERE code = ?6))"
	  " AND (?12 IS NULL OR EXISTS (SELECT 1 FROM support_frame WHERE code = ?12))"
	  " ON CONFLICT(uid) DO UPDATE SET entry_id = excluded.entry_id,"
	  " needed = excluded.needed, source = excluded.source, frame_id = excluded.frame_id,"
	  " amount = excluded.amount, status = excluded.status,"
	  " referred_to = excluded.referred_to, given = excluded.given,"
	  " amount_agreed = excluded.amount_agreed, filed_frame_id = excluded.filed_frame_id,"
	  " answer_note = excluded.answer_note, answered_by = excluded.answered_by,"
	  " answered_on = excluded.answered_on",
	  "DELETE FROM support_request WHERE uid = ?1", request_answer },
	{ "aar", N_("AAR record"), "aar", aar_cols, 1, 1, XK_OWN,
	  "SELECT " OWN_OFFICE("o") ", a.id, a.code, " OWN_OFFICE("o") ", a.template, a.date,"
	  " a.title, a.subject_kind, a.subject, a.facilitator, a.participants FROM aar a"
	  " LEFT JOIN office o ON o.id = a.office_id",
	  "INSERT INTO aar(code, office_id, template, date, title, subject_kind, subject,"
	  " facilitator, participants) SELECT ?1, " OFFICE_ID("?2") ", ?3, ?4, ?5, ?6, ?7, ?8,"
	  " ?9 WHERE " OFFICE_KNOWN("?2")
	  " ON CONFLICT(code) DO UPDATE SET office_id = excluded.office_id,"
	  " template = excluded.template, date = excluded.date, title = excluded.title,"
	  " subject_kind = excluded.subject_kind, subject = excluded.subject,"
	  " facilitator = excluded.facilitator, participants = excluded.participants",
	  "DELETE FROM aar WHERE code = ?1", NULL },
	{ "aar_tag", N_("AAR tag"), "aar_tag", aar_tag_cols, 2, -1, XK_OWN,
	  "SELECT " OWN_OFFICE("o") ", t.id, a.code, t.tag FROM aar_tag t"
	  " JOIN aar a ON a.id = t.aar_id LEFT JOIN office o ON o.id = a.office_id",
	  "INSERT INTO aar_tag(aar_id, tag) SELECT a.id, ?2 FROM aar a WHERE a.code = ?1"
	  " ON CONFLICT(aar_id, tag) DO UPDATE SET tag = excluded.tag",
	  "DELETE FROM aar_tag WHERE tag = ?2 AND aar_id = (SELECT id FROM aar WHERE code = ?1)", NULL },
	{ "aar_section", N_("AAR section"), "aar_section", aar_section_cols, 2, -1,
	  XK_OWN,
	  "SELECT " OWN_OFFICE("o") ", s.id, a.code, s.section, s.text FROM aar_section s"
	  " JOIN aar a ON a.id = s.aar_id LEFT JOIN office o ON o.id = a.office_id",
	  "INSERT INTO aar_section(aar_id, section, text) SELECT a.id, ?2, ?3 FROM aar a"
	  " WHERE a.code = ?1 ON CONFLICT(aar_id, section) DO UPDATE SET text = excluded.text",
	  "DELETE FROM aar_section WHERE section = ?2"
	  " AND aar_id = (SELECT id FROM aar WHERE code = ?1)", NULL },
	{ "aar_action", N_("follow-up action"), "aar_action", aar_action_cols, 1, -1, XK_OWN,
	  "SELECT " OWN_OFFICE("o") ", x.id, x.uid, a.code, x.action, x.owner, x.due, x.status"
	  " FROM aar_action x JOIN aar a ON a.id = x.aar_id"
	  " LEFT JOIN office o ON o.id = a.office_id",
	  "INSERT INTO aar_action(uid, aar_id, action, owner, due, status)"
	  " SELECT ?1, a.id, ?3, ?4, ?5, ?6 FROM aar a WHERE a.code = ?2"
	  " ON CONFLICT(uid) DO UPDATE SET aar_id = excluded.aar_id, action = excluded.action,"
	  " owner = excluded.owner, due = excluded.due, status = excluded.status",
	  "DELETE FROM aar_action WHERE uid = ?1", NULL },
	{ "proposal", N_("norm proposal"), "norm_proposal", proposal_cols, 1, -1,
	  XK_OWN,
	  "SELECT " OWN_OFFICE("o") ", n.id, n.uid, s.code, s.version, " OWN_OFFICE("o") ","
	  " n.kind, n.item_code, n.group_code, n.text, n.evidence, n.weight, n.reason,"
	  " n.origin_kind, n.origin, n.proposed_by, n.proposed_on, n.status, n.decided_by,"
	  " n.decided_on, n.decision_note, v.code, v.version FROM norm_proposal n"
	  " JOIN norm_set s ON s.id = n.set_id LEFT JOIN norm_set v ON v.id = n.applied_set_id"
	  " LEFT JOIN office o ON o.id = n.office_id",
	  "INSERT INTO norm_proposal(uid, set_id, office_id, kind, item_code, group_code, text,"
	  " evidence, weight, reason, origin_kind, origin, proposed_by, proposed_on, status,"
	  " decided_by, decided_on, decision_note, applied_set_id)"
	  " SELECT ?1, s.id, " OFFICE_ID("?4") ", ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	  " ?15, ?16, ?17, ?18, ?19, " APPLIED_SET " FROM norm_set s"
	  " WHERE s.code = ?2 AND s.version = ?3 AND " OFFICE_KNOWN("?4")
	  " AND (?20 IS NULL OR " APPLIED_SET " IS NOT NULL)"
	  " ON CONFLICT(uid) DO UPDATE SET set_id = excluded.set_id,"
	  " office_id = excluded.office_id, kind = excluded.kind,"
	  " item_code = excluded.item_code, group_code = excluded.group_code,"
	  " text = excluded.text, evidence = excluded.evidence, weight = excluded.weight,"
	  " reason = excluded.reason, origin_kind = excluded.origin_kind,"
	  " origin = excluded.origin, proposed_by = excluded.proposed_by,"
	  " proposed_on = excluded.proposed_on, status = excluded.status,"
	  " decided_by = excluded.decided_by, decided_on = excluded.decided_on,"
	  " decision_note = excluded.decision_note, applied_set_id = excluded.applied_set_id",
	  "DELETE FROM norm_proposal WHERE uid = ?1", proposal_decision },
};

const size_t xk_nkinds = sizeof xk_kinds / sizeof xk_kinds[0];

const struct xkind *xk_find(const char *name)
{
	size_t i;

	for (i = 0; i < xk_nkinds; i++)
		if (strcmp(xk_kinds[i].name, name) == 0)
			return &xk_kinds[i];
	return NULL;
}

int xk_ncols(const struct xkind *k)
{
	int n = 0;

	while (k->cols[n])
		n++;
	return n;
}

const char *exchange_kind_label(const char *kind)
{
	const struct xkind *k = xk_find(kind);

	return k ? _(k->label) : kind;
}

/* Wire columns' labels, where the word differs by kind or is not plain. */
static const struct {
	const char *kind, *column, *label;
} column_labels[] = {
	{ NULL, "code", N_("code") },
	{ NULL, "short_name", N_("short name") },
	{ NULL, "parent", N_("office above") },
	{ NULL, "label", N_("label") },
	{ NULL, "grouping", N_("grouping") },
	{ NULL, "group_code", N_("group") },
	{ "norm_set", "issued", N_("issued on") },
	{ "norm_set", "source", N_("where it came from") },
	{ "norm_set", "scale", N_("scale") },
	{ "assessment", "assessed_on", N_("assessed on") },
	{ "assessment", "assessor", N_("assessor") },
	{ NULL, "name", N_("name") },
	{ NULL, "title", N_("title") },
	{ NULL, "office", N_("office") },
	{ NULL, "status", N_("status") },
	{ NULL, "note", N_("note") },
	{ NULL, "text", N_("text") },
	{ NULL, "level", N_("level") },
	{ NULL, "version", N_("version") },
	{ NULL, "uid", N_("uid") },
	{ NULL, "assessment", N_("assessment (record)") },
	{ NULL, "item", N_("item") },
	{ NULL, "plan", N_("plan") },
	{ NULL, "objective", N_("objective") },
	{ NULL, "project", N_("project") },
	{ NULL, "aar", N_("AAR") },
	{ NULL, "fiscal_year", N_("fiscal year") },
	{ NULL, "position", N_("place in order") },
	{ NULL, "evidence", N_("evidence") },
	{ NULL, "weight", N_("weight") },
	{ NULL, "set_code", N_("norm set") },
	{ NULL, "set_version", N_("version of the norm set") },
	{ "plan", "destination", N_("destination") },
	{ "plan", "fy_from", N_("first fiscal year") },
	{ "plan", "fy_to", N_("last fiscal year") },
	{ "plan", "serves", N_("serves") },
	{ "link", "from_code", N_("cause") },
	{ "link", "to_code", N_("effect") },
	{ "indicator", "unit", N_("unit of measure") },
	{ "indicator", "baseline", N_("baseline") },
	{ "indicator", "target", N_("target") },
	{ "indicator", "result", N_("result") },
	{ "slm_cell", "column_key", N_("SLM column") },
	{ "project", "stage", N_("stage") },
	{ "project", "budget", N_("budget") },
	{ "project", "budget_source", N_("budget from") },
	{ "project", "start_date", N_("starts on") },
	{ "project", "end_date", N_("ends on") },
	{ "aar", "template", N_("template") },
	{ "aar", "date", N_("date") },
	{ "aar", "subject_kind", N_("kind of subject") },
	{ "aar", "subject", N_("what it reviews") },
	{ "aar", "facilitator", N_("facilitator") },
	{ "aar", "participants", N_("participants") },
	{ "aar_tag", "tag", N_("tag") },
	{ "aar_section", "section", N_("section") },
	{ "aar_action", "action", N_("follow-up action") },
	{ "aar_action", "owner", N_("owner") },
	{ "aar_action", "due", N_("due") },
	{ "proposal", "kind", N_("kind") },
	{ "proposal", "item_code", N_("item") },
	{ "proposal", "group_code", N_("group") },
	{ "proposal", "reason", N_("reason") },
	{ "proposal", "origin_kind", N_("kind of origin") },
	{ "proposal", "origin", N_("where it came from") },
	{ "proposal", "proposed_by", N_("proposed by") },
	{ "proposal", "proposed_on", N_("proposed on") },
	{ "proposal", "decided_by", N_("decided by") },
	{ "proposal", "decided_on", N_("decided on") },
	{ "proposal", "decision_note", N_("decision note") },
	{ "proposal", "applied_code", N_("applied in norm set") },
	{ "proposal", "applied_version", N_("applied in version") },
	{ "support_request", "needed", N_("what is needed") },
	{ "support_request", "source", N_("asked from") },
	{ "support_request", "frame", N_("frame") },
	{ "support_request", "amount", N_("baht asked") },
	{ "support_request", "referred_to", N_("referred to") },
	{ "support_request", "given", N_("what will be given") },
	{ "support_request", "amount_agreed", N_("baht agreed") },
	{ "support_request", "filed_frame", N_("filed under frame") },
	{ "support_request", "answer_note", N_("answer's note") },
	{ "support_request", "answered_by", N_("answered by") },
	{ "support_request", "answered_on", N_("answered on") },
};

const char *exchange_column_label(const char *kind, const char *column)
{
	size_t i;

	for (i = 0; i < sizeof column_labels / sizeof column_labels[0]; i++)
		if ((!column_labels[i].kind || strcmp(column_labels[i].kind, kind) == 0) &&
		    strcmp(column_labels[i].column, column) == 0)
			return _(column_labels[i].label);
	return column;
}

/* "c1, c2, ..." of K's columns, each quoted. */
static void add_cols(struct buf *b, const struct xkind *k, int from, int to)
{
	int i;

	for (i = from; i < to; i++)
		buf_printf(b, "%s\"%s\"", i > from ? ", " : "", k->cols[i]);
}

void xk_wire_ddl(struct buf *b, const struct xkind *k, const char *db)
{
	buf_printf(b, "CREATE TABLE %s.x_%s (", db, k->name);
	add_cols(b, k, 0, xk_ncols(k));
	buf_puts(b, ", PRIMARY KEY (");
	add_cols(b, k, 0, k->nkey);
	buf_puts(b, "));");
}

void xk_mirror_ddl(struct buf *b)
{
	size_t i;

	for (i = 0; i < xk_nkinds; i++) {
		const struct xkind *k = &xk_kinds[i];

		buf_printf(b, "CREATE TABLE IF NOT EXISTS sync_sent_%s (peer TEXT NOT NULL,"
			   " sent INTEGER NOT NULL DEFAULT 0, ", k->name);
		add_cols(b, k, 0, xk_ncols(k));
		buf_puts(b, ", PRIMARY KEY (peer, ");
		add_cols(b, k, 0, k->nkey);
		buf_puts(b, ")) WITHOUT ROWID;");
	}
}

/* Column I of ROW as text ("" for NULL). */
static const char *row_text(const struct xrow *row, int i)
{
	const unsigned char *t = i < row->n && row->v[i] ? sqlite3_value_text(row->v[i]) : NULL;

	return t ? (const char *)t : "";
}

int xk_clash(const struct xkind *k, const struct xrow *row, struct rm_error *err)
{
	/* indicator_cols: uid, plan, objective, name, unit, baseline, target,
	 * fiscal_year, result; UNIQUE (objective_id, name, fiscal_year) */
	if (strcmp(k->name, "indicator") == 0) {
		rm_fail(err, RM_EXIT_RUNTIME,
			_("objective %s of plan %s has an indicator \"%s\" for fiscal year %s here already, made apart from the one the bundle brings: delete or rename one of them, then apply the bundle again; nothing was changed"),
			row_text(row, 2), row_text(row, 1), row_text(row, 3), row_text(row, 7));
		return 1;
	}
	return 0;
}
