/* exchange_kinds.c - the kinds of record that cross offices: one row per
 * kind, with its wire columns, how to read every row of it here, and how
 * to write one by its identity (exchange_int.h).
 *
 * Identity is what two offices can never both invent: an office's code; a
 * norm set's code and version; an item's code within its set; a plan's,
 * project's, assessment's or AAR's code (with the office that owns it:
 * the same code given by two offices is refused, not merged); a uid for
 * rows people give no code (indicators, requests, follow-up actions,
 * proposals).  References travel as identities too, never as row ids. */
#include <string.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "exchange_int.h"

/* The office owning a row whose office_id may be NULL ("ours"). */
#define OWN_OFFICE(o) "coalesce(" o ".code, (SELECT office FROM exchange_self))"

static const char *const office_cols[] = { "code", "name", "short_name", "level", "parent",
					   NULL };
static const char *const frame_cols[] = { "code", "label", NULL };
static const char *const group_cols[] = { "grouping", "code", "label", NULL };
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
	  "DELETE FROM office WHERE code = ?1" },
	{ "frame", N_("support frame"), "support_frame", frame_cols, 1, -1, XK_DOWN,
	  "SELECT NULL, id, code, label FROM support_frame",
	  "INSERT INTO support_frame(code, label) VALUES (?1, ?2)"
	  " ON CONFLICT(code) DO UPDATE SET label = excluded.label",
	  "DELETE FROM support_frame WHERE code = ?1" },
	{ "group", N_("norm group"), "norm_group", group_cols, 2, -1, XK_BOTH,
	  "SELECT NULL, id, grouping, code, label FROM norm_group",
	  "INSERT INTO norm_group(grouping, code, label) VALUES (?1, ?2, ?3)"
	  " ON CONFLICT(grouping, code) DO UPDATE SET label = excluded.label",
	  "DELETE FROM norm_group WHERE grouping = ?1 AND code = ?2" },
	{ "plan", N_("plan"), "plan", plan_cols, 1, 1, XK_OWNED, NULL, NULL, NULL },
	{ "objective", N_("objective"), "objective", objective_cols, 2, -1, XK_OWNED,
	  NULL, NULL, NULL },
	{ "link", N_("cause-effect link"), "link", link_cols, 3, -1, XK_OWNED, NULL, NULL,
	  NULL },
	{ "indicator", N_("indicator"), "indicator", indicator_cols, 1, -1, XK_OWNED, NULL,
	  NULL, NULL },
	{ "slm_cell", N_("SLM cell"), "slm_cell", slm_cols, 3, -1, XK_OWNED, NULL, NULL,
	  NULL },
	{ "project", N_("project"), "project", project_cols, 1, 1, XK_OWNED, NULL, NULL,
	  NULL },
	{ "project_objective", N_("objective of a project"), "project_objective",
	  project_objective_cols, 2, -1, XK_OWNED, NULL, NULL, NULL },
	{ "norm_set", N_("norm set"), "norm_set", set_cols, 2, 2, XK_OWNED,
	  "SELECT o.code, s.id, s.code, s.version, o.code, s.title, s.issued, s.source,"
	  " s.grouping, s.scale FROM norm_set s JOIN office o ON o.id = s.office_id",
	  "INSERT INTO norm_set(code, version, office_id, title, issued, source, grouping,"
	  " scale) SELECT ?1, ?2, o.id, ?4, ?5, ?6, ?7, ?8 FROM office o WHERE o.code = ?3"
	  " ON CONFLICT(code, version) DO UPDATE SET office_id = excluded.office_id,"
	  " title = excluded.title, issued = excluded.issued, source = excluded.source,"
	  " grouping = excluded.grouping, scale = excluded.scale",
	  "DELETE FROM norm_set WHERE code = ?1 AND version = ?2" },
	{ "norm_item", N_("norm item"), "norm_item", item_cols, 3, -1, XK_OWNED,
	  "SELECT o.code, i.id, s.code, s.version, i.code, g.code, i.text, i.evidence,"
	  " i.weight, i.position FROM norm_item i JOIN norm_set s ON s.id = i.set_id"
	  " JOIN office o ON o.id = s.office_id JOIN norm_group g ON g.id = i.group_id",
	  "INSERT INTO norm_item(set_id, code, group_id, text, evidence, weight, position)"
	  " SELECT s.id, ?3, g.id, ?5, ?6, ?7, ?8 FROM norm_set s"
	  " JOIN norm_group g ON g.grouping = s.grouping AND g.code = ?4"
	  " WHERE s.code = ?1 AND s.version = ?2"
	  " ON CONFLICT(set_id, code) DO UPDATE SET group_id = excluded.group_id,"
	  " text = excluded.text, evidence = excluded.evidence, weight = excluded.weight,"
	  " position = excluded.position",
	  "DELETE FROM norm_item WHERE code = ?3"
	  " AND set_id = (SELECT id FROM norm_set WHERE code = ?1 AND version = ?2)" },
	{ "assessment", N_("assessment"), "assessment", assessment_cols, 1, 3,
	  XK_OWNED,
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
	  "DELETE FROM assessment WHERE code = ?1" },
	{ "entry", N_("checklist answer"), "assessment_entry", entry_cols, 2, -1, XK_OWNED,
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
	  " WHERE a.code = ?1 AND i.code = ?2)" },
	{ "support_request", N_("support request"), "support_request", request_cols, 1, -1,
	  XK_OWNED,
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
	  "DELETE FROM support_request WHERE uid = ?1" },
	{ "aar", N_("AAR record"), "aar", aar_cols, 1, 1, XK_OWNED, NULL, NULL, NULL },
	{ "aar_tag", N_("AAR tag"), "aar_tag", aar_tag_cols, 2, -1, XK_OWNED, NULL, NULL,
	  NULL },
	{ "aar_section", N_("AAR section"), "aar_section", aar_section_cols, 2, -1,
	  XK_OWNED, NULL, NULL, NULL },
	{ "aar_action", N_("follow-up action"), "aar_action", aar_action_cols, 1, -1, XK_OWNED,
	  NULL, NULL, NULL },
	{ "proposal", N_("norm proposal"), "norm_proposal", proposal_cols, 1, -1,
	  XK_OWNED, NULL, NULL, NULL },
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
