/* transfer.c - the kinds of record that go in and out as CSV: each kind's
 * columns, their types and references, and its SQL, described once; the
 * import (transfer_import.c) and the export (transfer_export.c) are both
 * driven by this description. */
#include <stdlib.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/transfer.h"
#include "routemap/form.h"
#include "routemap/normedit.h"
#include "routemap/support.h"
#include "transfer_int.h"

#define KIND(name, cols, ins, later, exp, cnt, check, key, find, set) \
	{ name, cols, N(cols), ins, later, exp, cnt, check, key, find, set, NULL, NULL, NULL }
/* A kind that does more than its row (kind.hook). */
#define KIND_HOOK(name, cols, ins, exp, cnt, check, key, find, set, hook) \
	{ name, cols, N(cols), ins, NULL, exp, cnt, check, key, find, set, hook, NULL, NULL }

static const char q_office[] = "SELECT id FROM office WHERE code = ?1";
static const char q_plan[] = "SELECT id FROM plan WHERE code = ?1";
static const char q_objective[] =
	"SELECT o.id FROM objective o JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2";
static const char q_project[] = "SELECT id FROM project WHERE code = ?1";
static const char q_aar[] = "SELECT id FROM aar WHERE code = ?1";

static const struct col offices_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "name", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "short_name", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "level", C_ENUM, 0, "region,province,district,fund,unit", NULL, NULL, NULL },
	{ "parent", C_REF, OPT | LATER, q_office, N_("office"), "*", NULL },
};

static const struct col plans_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "office", C_REF, 0, q_office, N_("office"), "*", NULL },
	{ "title", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "destination", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "fy_from", C_YEAR, 0, NULL, NULL, NULL, NULL },
	{ "fy_to", C_YEAR, 0, NULL, NULL, NULL, NULL },
	{ "serves", C_REF, OPT | LATER, q_plan, N_("plan"), "*", NULL },
};

static const struct col objectives_cols[] = {
	{ "plan", C_REF, 0, q_plan, N_("plan"), "*", NULL },
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "level", C_ENUM, 0, "people,stakeholder,process,foundation", NULL, NULL, NULL },
	{ "title", C_TEXT, 0, NULL, NULL, NULL, NULL },
};

static const struct col links_cols[] = {
	{ "plan", C_REF, 0, q_plan, N_("plan"), "*", NULL },
	{ "from", C_REF, 0, q_objective, N_("objective"), "plan,*", NULL },
	{ "to", C_REF, 0, q_objective, N_("objective"), "plan,*", NULL },
};

static const struct col indicators_cols[] = {
	{ "plan", C_REF, 0, q_plan, N_("plan"), "*", NULL },
	{ "objective", C_REF, 0, q_objective, N_("objective"), "plan,*", NULL },
	{ "name", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "unit", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "baseline", C_NUM, OPT, NULL, NULL, NULL, NULL },
	{ "target", C_NUM, OPT, NULL, NULL, NULL, NULL },
	{ "fiscal_year", C_YEAR, 0, NULL, NULL, NULL, NULL },
	{ "result", C_NUM, OPT, NULL, NULL, NULL, NULL },
	/* the identity between offices; a file without it makes new ones */
	{ "uid", C_CODE, OPT | ABSENT, NULL, NULL, NULL, NULL },
};

static const struct col slm_cols[] = {
	{ "plan", C_REF, 0, q_plan, N_("plan"), "*", NULL },
	{ "objective", C_REF, 0, q_objective, N_("objective"), "plan,*", NULL },
	{ "column", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "text", C_TEXT, 0, NULL, NULL, NULL, NULL },
};

static const struct col projects_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "office", C_REF, 0, q_office, N_("office"), "*", NULL },
	{ "plan", C_REF, OPT, q_plan, N_("plan"), "*", NULL },
	{ "objectives", C_REFS, OPT, q_objective, N_("objective"), "plan,*",
	  "INSERT INTO project_objective(project_id, objective_id) VALUES (?1, ?2)" },
	{ "fiscal_year", C_YEAR, 0, NULL, NULL, NULL, NULL },
	{ "title", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "stage", C_ENUM, 0, "preparation,development,evaluation", NULL, NULL, NULL },
	{ "status", C_ENUM, 0, "planned,active,done,cancelled", NULL, NULL, NULL },
	{ "budget", C_NUM, OPT, NULL, NULL, NULL, NULL },
	{ "budget_source", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "start", C_DATE, OPT, NULL, NULL, NULL, NULL },
	{ "end", C_DATE, OPT, NULL, NULL, NULL, NULL },
};

static const struct col groups_cols[] = {
	{ "grouping", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "label", C_TEXT, 0, NULL, NULL, NULL, NULL },
};

static const struct col norm_sets_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "office", C_REF, 0, q_office, N_("office"), "*", NULL },
	{ "title", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "version", C_INT, 0, NULL, NULL, NULL, NULL },
	{ "issued", C_DATE, OPT, NULL, NULL, NULL, NULL },
	{ "source", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "groups", C_REF, 0, "SELECT grouping FROM norm_group WHERE grouping = ?1 LIMIT 1",
	  N_("grouping of groups"), "*", NULL },
	/* how its items are answered: empty or left out, status */
	{ "scale", C_ENUM, OPT | ABSENT, "status,levels", NULL, NULL, NULL },
};

static const struct col norm_items_cols[] = {
	{ "set", C_REF, 0, "SELECT id FROM norm_set WHERE code = ?1 AND version = ?2",
	  N_("norm set"), "*,version", NULL },
	{ "version", C_INT, 0, NULL, NULL, NULL, NULL },
	{ "group", C_REF, 0,
	  "SELECT g.id FROM norm_group g JOIN norm_set s ON s.grouping = g.grouping"
	  " WHERE s.code = ?1 AND s.version = ?2 AND g.code = ?3",
	  N_("group"), "set,version,*", NULL },
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "text", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "evidence", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "weight", C_NUM, OPT, NULL, NULL, NULL, NULL },
};

static const struct col support_frames_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "label", C_TEXT, 0, NULL, NULL, NULL, NULL },
};

static const struct col assessments_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "set", C_REF, 0, "SELECT id FROM norm_set WHERE code = ?1 AND version = ?2",
	  N_("norm set"), "*,version", NULL },
	{ "version", C_INT, 0, NULL, NULL, NULL, NULL },
	{ "office", C_REF, 0, q_office, N_("office"), "*", NULL },
	{ "project", C_REF, OPT, q_project, N_("project"), "*", NULL },
	{ "assessed_on", C_DATE, OPT, NULL, NULL, NULL, NULL },
	{ "assessor", C_TEXT, OPT, NULL, NULL, NULL, NULL },
};

static const struct col entries_cols[] = {
	{ "assessment", C_REF, 0, "SELECT id FROM assessment WHERE code = ?1", N_("assessment"),
	  "*", NULL },
	{ "item", C_REF, 0,
	  "SELECT i.id FROM norm_item i JOIN assessment a ON a.set_id = i.set_id"
	  " WHERE a.code = ?1 AND i.code = ?2", N_("item"), "assessment,*", NULL },
	{ "status", C_ENUM, OPT, "met,partial,not_met,na", NULL, NULL, NULL },
	{ "note", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "support_needed", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "support_from", C_ENUM, OPT, "fund,province,region,local", NULL, NULL, NULL },
	{ "support_frame", C_REF, OPT, "SELECT id FROM support_frame WHERE code = ?1",
	  N_("support frame"), "*", NULL },
	/* a levels set's answer (PMQA), 0 none to 3 Significance */
	{ "level", C_ENUM, OPT | ABSENT, "0,1,2,3", NULL, NULL, NULL },
};

static const char q_frame[] = "SELECT id FROM support_frame WHERE code = ?1";
static const char q_sources[] = "fund,province,region,local";

/* A request's answer is the fund's screen's to write; a file brings it
 * as export wrote it. */
static const struct col requests_cols[] = {
	{ "assessment", C_REF, 0, "SELECT id FROM assessment WHERE code = ?1", N_("assessment"),
	  "*", NULL },
	{ "item", C_REF, 0,
	  "SELECT i.id FROM norm_item i JOIN assessment a ON a.set_id = i.set_id"
	  " WHERE a.code = ?1 AND i.code = ?2", N_("item"), "assessment,*", NULL },
	{ "uid", C_CODE, OPT, NULL, NULL, NULL, NULL },
	{ "needed", C_TEXT, ML, NULL, NULL, NULL, NULL },
	{ "source", C_ENUM, OPT, q_sources, NULL, NULL, NULL },
	{ "frame", C_REF, OPT, q_frame, N_("support frame"), "*", NULL },
	{ "amount", C_NUM, OPT, NULL, NULL, NULL, NULL },
	{ "status", C_ENUM, OPT, "requested,agreed,partly_agreed,declined,referred", NULL, NULL,
	  NULL },
	{ "referred_to", C_ENUM, OPT, q_sources, NULL, NULL, NULL },
	{ "given", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "amount_agreed", C_NUM, OPT, NULL, NULL, NULL, NULL },
	{ "filed_frame", C_REF, OPT, q_frame, N_("support frame"), "*", NULL },
	{ "answer_note", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "answered_by", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "answered_on", C_DATE, OPT, NULL, NULL, NULL, NULL },
};

/* The entry a request of a file belongs to (?1 the assessment, ?2 the
 * item: their ids); transfer_request_hook makes it first. */
#define REQUEST_ENTRY "(SELECT id FROM assessment_entry WHERE assessment_id = ?1 AND item_id = ?2)"

static const struct col aars_cols[] = {
	{ "code", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "template", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "date", C_DATE, 0, NULL, NULL, NULL, NULL },
	{ "title", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "subject_kind", C_ENUM, 0, "plan,objective,project,assessment,event", NULL, NULL, NULL },
	{ "subject", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "facilitator", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "participants", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
	{ "tags", C_TAGS, OPT, NULL, NULL, NULL, "INSERT INTO aar_tag(aar_id, tag) VALUES (?1, ?2)" },
};

static const struct col aar_sections_cols[] = {
	{ "aar", C_REF, 0, q_aar, N_("AAR"), "*", NULL },
	{ "section", C_CODE, 0, NULL, NULL, NULL, NULL },
	{ "text", C_TEXT, OPT | ML, NULL, NULL, NULL, NULL },
};

static const struct col aar_actions_cols[] = {
	{ "aar", C_REF, 0, q_aar, N_("AAR"), "*", NULL },
	{ "action", C_TEXT, 0, NULL, NULL, NULL, NULL },
	{ "owner", C_TEXT, OPT, NULL, NULL, NULL, NULL },
	{ "due", C_DATE, OPT, NULL, NULL, NULL, NULL },
	{ "status", C_ENUM, OPT, "open,done,dropped", NULL, NULL, NULL },
	{ "uid", C_CODE, OPT | ABSENT, NULL, NULL, NULL, NULL },
};

/* Export queries keep insertion order (id), so a file imported and
 * exported again comes back as it was; each ends in "ORDER BY <the
 * table's id>", which import --update turns into a query of one record.
 *
 * A record's identity, the columns KEY names: its code, or where a kind
 * has none the key of the table's UNIQUE constraint (an indicator's
 * objective, name and fiscal year; a link's two ends; an SLM cell's
 * objective and column; an entry's assessment and item; a section's AAR
 * and section).  An AAR's follow-up action has no such key in the schema:
 * it is known by its AAR and its text, and two actions of one AAR with
 * the same text make that identity ambiguous (refused).  FIND gives the
 * id of the record with the key (?N = column N, as in the insert); SET
 * the stored columns that import --update may change, "col = ?N" joined
 * by ";" (lists and references to the same kind are set apart). */
struct kind transfer_kinds[] = {
	KIND("offices", offices_cols,
	     "INSERT INTO office(code, name, short_name, level) VALUES (?1, ?2, ?3, ?4)",
	     "UPDATE office SET parent_id = ?2 WHERE id = ?1 AND parent_id IS NOT ?2",
	     "SELECT o.code, o.name, o.short_name, o.level, p.code FROM office o"
	     " LEFT JOIN office p ON p.id = o.parent_id ORDER BY o.id",
	     "SELECT count(*) FROM office", NULL,
	     "code", "SELECT id FROM office WHERE code = ?1",
	     "name = ?2;short_name = ?3;level = ?4"),
	KIND("plans", plans_cols,
	     "INSERT INTO plan(code, office_id, title, destination, fy_from, fy_to)"
	     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	     "UPDATE plan SET serves_id = ?2 WHERE id = ?1 AND serves_id IS NOT ?2",
	     "SELECT p.code, o.code, p.title, p.destination, p.fy_from, p.fy_to, s.code FROM plan p"
	     " JOIN office o ON o.id = p.office_id LEFT JOIN plan s ON s.id = p.serves_id ORDER BY p.id",
	     "SELECT count(*) FROM plan", transfer_check_plan,
	     "code", "SELECT id FROM plan WHERE code = ?1",
	     "office_id = ?2;title = ?3;destination = ?4;fy_from = ?5;fy_to = ?6"),
	KIND("objectives", objectives_cols,
	     "INSERT INTO objective(plan_id, code, level, title) VALUES (?1, ?2, ?3, ?4)", NULL,
	     "SELECT p.code, o.code, o.level, o.title FROM objective o JOIN plan p ON p.id = o.plan_id"
	     " ORDER BY coalesce(o.position, o.id), o.id",
	     "SELECT count(*) FROM objective", NULL,
	     "plan,code", "SELECT id FROM objective WHERE plan_id = ?1 AND code = ?2",
	     "level = ?3;title = ?4"),
	KIND("links", links_cols,
	     "INSERT INTO link(from_id, to_id) VALUES (?2, ?3)", NULL,
	     "SELECT p.code, f.code, t.code FROM link l JOIN objective f ON f.id = l.from_id"
	     " JOIN objective t ON t.id = l.to_id JOIN plan p ON p.id = f.plan_id ORDER BY l.id",
	     "SELECT count(*) FROM link", transfer_check_link,
	     "plan,from,to", "SELECT id FROM link WHERE from_id = ?2 AND to_id = ?3",
	     ""),
	KIND("indicators", indicators_cols,
	     "INSERT INTO indicator(objective_id, name, unit, baseline, target, fiscal_year, result,"
	     " uid) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, lower(hex(randomblob(16)))))",
	     NULL,
	     "SELECT p.code, o.code, i.name, i.unit, i.baseline, i.target, i.fiscal_year, i.result,"
	     " i.uid FROM indicator i JOIN objective o ON o.id = i.objective_id"
	     " JOIN plan p ON p.id = o.plan_id ORDER BY i.id",
	     "SELECT count(*) FROM indicator", NULL,
	     "plan,objective,name,fiscal_year",
	     "SELECT id FROM indicator WHERE objective_id = ?2 AND name = ?3 AND fiscal_year = ?7",
	     "unit = ?4;baseline = ?5;target = ?6;result = ?8;uid = coalesce(?9, uid)"),
	KIND("slm_cells", slm_cols,
	     "INSERT INTO slm_cell(objective_id, column_key, text) VALUES (?2, ?3, ?4)", NULL,
	     "SELECT p.code, o.code, c.column_key, c.text FROM slm_cell c"
	     " JOIN objective o ON o.id = c.objective_id JOIN plan p ON p.id = o.plan_id ORDER BY c.id",
	     "SELECT count(*) FROM slm_cell", transfer_check_slm,
	     "plan,objective,column",
	     "SELECT id FROM slm_cell WHERE objective_id = ?2 AND column_key = ?3",
	     "text = ?4"),
	KIND("projects", projects_cols,
	     "INSERT INTO project(code, office_id, plan_id, fiscal_year, title, stage, status, budget,"
	     " budget_source, start_date, end_date)"
	     " VALUES (?1, ?2, ?3, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", NULL,
	     "SELECT j.code, o.code, p.code,"
	     " (SELECT group_concat(code, ';') FROM (SELECT b.code FROM project_objective x"
	     "   JOIN objective b ON b.id = x.objective_id WHERE x.project_id = j.id ORDER BY x.id)),"
	     " j.fiscal_year, j.title, j.stage, j.status, j.budget, j.budget_source, j.start_date,"
	     " j.end_date FROM project j JOIN office o ON o.id = j.office_id"
	     " LEFT JOIN plan p ON p.id = j.plan_id ORDER BY j.id",
	     "SELECT count(*) FROM project", transfer_check_project,
	     "code", "SELECT id FROM project WHERE code = ?1",
	     "office_id = ?2;plan_id = ?3;fiscal_year = ?5;title = ?6;stage = ?7;status = ?8;budget = ?9;"
	     "budget_source = ?10;start_date = ?11;end_date = ?12"),
	KIND("groups", groups_cols,
	     "INSERT INTO norm_group(grouping, code, label) VALUES (?1, ?2, ?3)", NULL,
	     "SELECT grouping, code, label FROM norm_group ORDER BY coalesce(position, id), id",
	     "SELECT count(*) FROM norm_group", NULL,
	     "grouping,code", "SELECT id FROM norm_group WHERE grouping = ?1 AND code = ?2",
	     "label = ?3"),
	KIND("norm_sets", norm_sets_cols,
	     "INSERT INTO norm_set(code, office_id, title, version, issued, source, grouping, scale)"
	     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, 'status'))", NULL,
	     "SELECT s.code, o.code, s.title, s.version, s.issued, s.source, s.grouping, s.scale"
	     " FROM norm_set s JOIN office o ON o.id = s.office_id ORDER BY s.id",
	     "SELECT count(*) FROM norm_set", NULL,
	     "code,version", "SELECT id FROM norm_set WHERE code = ?1 AND version = ?4",
	     "office_id = ?2;title = ?3;issued = ?5;source = ?6;grouping = ?7;"
	     "scale = coalesce(?8, 'status')"),
	KIND("norm_items", norm_items_cols,
	     "INSERT INTO norm_item(set_id, group_id, code, text, evidence, weight)"
	     " VALUES (?1, ?3, ?4, ?5, ?6, coalesce(?7, 1))", NULL,
	     "SELECT s.code, s.version, g.code, i.code, i.text, i.evidence, i.weight FROM norm_item i"
	     " JOIN norm_set s ON s.id = i.set_id JOIN norm_group g ON g.id = i.group_id"
	     " ORDER BY coalesce(i.position, i.id), i.id",
	     "SELECT count(*) FROM norm_item", NULL,
	     "set,version,code", "SELECT id FROM norm_item WHERE set_id = ?1 AND code = ?4",
	     "group_id = ?3;text = ?5;evidence = ?6;weight = coalesce(?7, 1)"),
	KIND("support_frames", support_frames_cols,
	     "INSERT INTO support_frame(code, label) VALUES (?1, ?2)", NULL,
	     "SELECT code, label FROM support_frame ORDER BY id",
	     "SELECT count(*) FROM support_frame", NULL,
	     "code", "SELECT id FROM support_frame WHERE code = ?1",
	     "label = ?2"),
	KIND("assessments", assessments_cols,
	     "INSERT INTO assessment(code, set_id, office_id, project_id, assessed_on, assessor)"
	     " VALUES (?1, ?2, ?4, ?5, ?6, ?7)", NULL,
	     "SELECT a.code, s.code, s.version, o.code, j.code, a.assessed_on, a.assessor"
	     " FROM assessment a JOIN norm_set s ON s.id = a.set_id JOIN office o ON o.id = a.office_id"
	     " LEFT JOIN project j ON j.id = a.project_id ORDER BY a.id",
	     "SELECT count(*) FROM assessment", NULL,
	     "code", "SELECT id FROM assessment WHERE code = ?1",
	     "set_id = ?2;office_id = ?4;project_id = ?5;assessed_on = ?6;assessor = ?7"),
	/* the support columns: the entry's first request (transfer_entry_hook) */
	KIND_HOOK("assessment_entries", entries_cols,
	     "INSERT INTO assessment_entry(assessment_id, item_id, status, note, level)"
	     " VALUES (?1, ?2, ?3, ?4, ?8)",
	     "SELECT a.code, i.code, e.status, e.note, r.needed, r.source, f.code, e.level"
	     " FROM assessment_entry e JOIN assessment a ON a.id = e.assessment_id"
	     " JOIN norm_item i ON i.id = e.item_id LEFT JOIN support_request r ON r.id ="
	     "  (SELECT min(id) FROM support_request WHERE entry_id = e.id)"
	     " LEFT JOIN support_frame f ON f.id = r.frame_id ORDER BY e.id",
	     "SELECT count(*) FROM assessment_entry", transfer_check_entry,
	     "assessment,item",
	     "SELECT id FROM assessment_entry WHERE assessment_id = ?1 AND item_id = ?2",
	     "status = ?3;note = ?4;level = ?8", transfer_entry_hook),
	KIND_HOOK("support_requests", requests_cols,
	     "INSERT INTO support_request(entry_id, uid, needed, source, frame_id, amount, status,"
	     " referred_to, given, amount_agreed, filed_frame_id, answer_note, answered_by,"
	     " answered_on) VALUES (" REQUEST_ENTRY ", coalesce(?3, lower(hex(randomblob(16)))),"
	     " ?4, ?5, ?6, ?7, coalesce(?8, 'requested'), ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
	     "SELECT a.code, i.code, r.uid, r.needed, r.source, f.code, r.amount, r.status,"
	     " r.referred_to, r.given, r.amount_agreed, g.code, r.answer_note, r.answered_by,"
	     " r.answered_on FROM support_request r JOIN assessment_entry e ON e.id = r.entry_id"
	     " JOIN assessment a ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id"
	     " LEFT JOIN support_frame f ON f.id = r.frame_id"
	     " LEFT JOIN support_frame g ON g.id = r.filed_frame_id ORDER BY r.id",
	     "SELECT count(*) FROM support_request", NULL,
	     "uid", "SELECT id FROM support_request WHERE uid = ?3",
	     "entry_id = " REQUEST_ENTRY ";needed = ?4;source = ?5;frame_id = ?6;amount = ?7;"
	     "status = coalesce(?8, 'requested');referred_to = ?9;given = ?10;amount_agreed = ?11;"
	     "filed_frame_id = ?12;answer_note = ?13;answered_by = ?14;answered_on = ?15",
	     transfer_request_hook),
	KIND("aars", aars_cols,
	     "INSERT INTO aar(code, template, date, title, subject_kind, subject, facilitator,"
	     " participants) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", NULL,
	     "SELECT a.code, a.template, a.date, a.title, a.subject_kind, a.subject, a.facilitator,"
	     " a.participants, (SELECT group_concat(tag, ';') FROM (SELECT tag FROM aar_tag"
	     "   WHERE aar_id = a.id ORDER BY id)) FROM aar a ORDER BY a.id",
	     "SELECT count(*) FROM aar", transfer_check_aar,
	     "code", "SELECT id FROM aar WHERE code = ?1",
	     "template = ?2;date = ?3;title = ?4;subject_kind = ?5;subject = ?6;facilitator = ?7;"
	     "participants = ?8"),
	KIND("aar_sections", aar_sections_cols,
	     "INSERT INTO aar_section(aar_id, section, text) VALUES (?1, ?2, coalesce(?3, ''))", NULL,
	     "SELECT a.code, s.section, s.text FROM aar_section s JOIN aar a ON a.id = s.aar_id"
	     " ORDER BY s.id",
	     "SELECT count(*) FROM aar_section", transfer_check_aar_section,
	     "aar,section", "SELECT id FROM aar_section WHERE aar_id = ?1 AND section = ?2",
	     "text = coalesce(?3, '')"),
	KIND("aar_actions", aar_actions_cols,
	     "INSERT INTO aar_action(aar_id, action, owner, due, status, uid)"
	     " VALUES (?1, ?2, ?3, ?4, coalesce(?5, 'open'), coalesce(?6, lower(hex(randomblob(16)))))",
	     NULL,
	     "SELECT a.code, x.action, x.owner, x.due, x.status, x.uid FROM aar_action x"
	     " JOIN aar a ON a.id = x.aar_id ORDER BY x.id",
	     "SELECT count(*) FROM aar_action", NULL,
	     "aar,action", "SELECT id FROM aar_action WHERE aar_id = ?1 AND action = ?2 ORDER BY id",
	     "owner = ?3;due = ?4;status = coalesce(?5, 'open');uid = coalesce(?6, uid)"),
};

size_t transfer_nkinds(void)
{
	return N(transfer_kinds);
}

const char *transfer_kind_name(size_t kind)
{
	return kind < N(transfer_kinds) ? transfer_kinds[kind].name : NULL;
}

int transfer_kind_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < N(transfer_kinds); i++)
		if (strcmp(transfer_kinds[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *transfer_kind_columns(size_t kind)
{
	struct kind *k = &transfer_kinds[kind];
	struct buf b = { 0 };
	size_t i;

	if (!k->colnames) {
		for (i = 0; i < k->ncols; i++)
			buf_printf(&b, "%s%s", i ? "," : "", k->cols[i].name);
		k->colnames = buf_take(&b);
	}
	return k->colnames ? k->colnames : "";
}

size_t transfer_kind_ncols(size_t kind)
{
	return kind < N(transfer_kinds) ? transfer_kinds[kind].ncols : 0;
}

enum transfer_text transfer_column_text(size_t kind, size_t col)
{
	const struct col *c;

	if (kind >= N(transfer_kinds) || col >= transfer_kinds[kind].ncols)
		return TRANSFER_CODE;
	c = &transfer_kinds[kind].cols[col];
	if (c->type != C_TEXT)
		return TRANSFER_CODE;
	return (c->flags & ML) ? TRANSFER_LINES : TRANSFER_LINE;
}

long long transfer_count(struct store *st, size_t kind, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, transfer_kinds[kind].count_sql, err);
	long long n = -1;

	if (!stmt)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else
		store_fail(st, err, _("cannot count records"));
	sqlite3_finalize(stmt);
	return n;
}

/* The kinds whose columns the screens' forms check too: a value the
 * screen refuses is refused in a file in the same words.  An indicator's
 * form holds its name and unit only: its baseline, target and result are
 * cells of the indicator grid on the screen, whose width (20 characters)
 * would refuse numbers an export writes (1e21 / 7 in full), so the file
 * checks them by its own rule (a number of at least 0). */
static const struct {
	const char *kind;
	const struct form_def *form;
	const char *column, *field;   /* COLUMN checked by FIELD of FORM; NULL:
					 each column by the field of its name */
} kind_forms[] = {
	{ "assessment_entries", &itemform_def, NULL, NULL },
	/* an entry's support_from is its first request's source */
	{ "assessment_entries", &support_request_def, "support_from", "source" },
	{ "support_requests", &support_request_def, NULL, NULL },
	{ "aars", &aarform_def, NULL, NULL },
	{ "plans", &plan_form_def, NULL, NULL },
	{ "objectives", &objective_form_def, NULL, NULL },
	{ "projects", &project_form_def, NULL, NULL },
	{ "norm_sets", &norm_set_form_def, NULL, NULL },
	{ "norm_items", &norm_item_form_def, NULL, NULL },
	{ "indicators", &indicator_form_def, NULL, NULL },
};

const struct form_field *transfer_kind_field(const struct kind *k, const char *column)
{
	size_t i;

	for (i = 0; i < N(kind_forms); i++) {
		const struct form_field *f;

		if (strcmp(kind_forms[i].kind, k->name) != 0)
			continue;
		if (kind_forms[i].column) {
			if (strcmp(kind_forms[i].column, column) == 0)
				return form_field_named(kind_forms[i].form, kind_forms[i].field);
		} else if ((f = form_field_named(kind_forms[i].form, column)) != NULL) {
			return f;
		}
	}
	return NULL;
}
