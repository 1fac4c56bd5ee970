/* vocab.c - the names people read for the database's codes (vocab.h). */
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/vocab.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* Each kind of record: its table, its CSV kind, its name. */
static const struct {
	const char *table, *csv, *label;
} kinds[] = {
	{ "office", "offices", N_("office") },
	{ "plan", "plans", N_("plan") },
	{ "objective", "objectives", N_("objective") },
	{ "link", "links", N_("cause-effect link") },
	{ "indicator", "indicators", N_("indicator") },
	{ "slm_cell", "slm_cells", N_("SLM cell") },
	{ "project", "projects", N_("project") },
	{ "project_objective", NULL, N_("project's objective") },
	{ "norm_group", "groups", N_("key activity") },
	{ "norm_set", "norm_sets", N_("norm set") },
	{ "norm_item", "norm_items", N_("norm item") },
	{ "support_frame", "support_frames", N_("support frame") },
	{ "assessment", "assessments", N_("assessment") },
	{ "assessment_entry", "assessment_entries", N_("checklist answer") },
	{ "aar", "aars", N_("AAR") },
	{ "aar_tag", NULL, N_("AAR tag") },
	{ "aar_section", "aar_sections", N_("AAR text") },
	{ "aar_action", "aar_actions", N_("follow-up action") },
	{ "support_request", "support_requests", N_("support request") },
	{ "norm_proposal", "norm_proposals", N_("norm proposal") },
};

/* Each coded value: the table (NULL: any) and field it is of, its name. */
static const struct {
	const char *table, *field, *value, *label;
} values[] = {
	{ "assessment_entry", "status", "met", N_("met") },
	{ "assessment_entry", "status", "partial", N_("partly") },
	{ "assessment_entry", "status", "not_met", N_("not met") },
	{ "assessment_entry", "status", "na", N_("not applicable") },
	{ "aar_action", "status", "open", N_("not done yet") },
	{ "aar_action", "status", "done", N_("done") },
	{ "aar_action", "status", "dropped", N_("dropped") },
	/* TRANSLATORS: the stages and states of a project */
	{ "project", "stage", "preparation", N_("preparation") },
	{ "project", "stage", "development", N_("development") },
	{ "project", "stage", "evaluation", N_("evaluation") },
	{ "project", "status", "planned", N_("planned") },
	{ "project", "status", "active", N_("under way") },
	{ "project", "status", "done", N_("finished") },
	{ "project", "status", "cancelled", N_("cancelled") },
	{ "objective", "level", "people", N_("people") },
	{ "objective", "level", "stakeholder", N_("stakeholders") },
	{ "objective", "level", "process", N_("process") },
	{ "objective", "level", "foundation", N_("foundation") },
	{ "office", "level", "region", N_("region") },
	{ "office", "level", "province", N_("province") },
	{ "office", "level", "district", N_("district") },
	{ "office", "level", "fund", N_("fund") },
	{ "office", "level", "unit", N_("unit") },
	/* TRANSLATORS: who a unit asks for support (the INI may name them
	 * otherwise on the screens); the entries' CSV column support_from
	 * names the source of an item's first request */
	{ "assessment_entry", "support_from", "fund", N_("the fund") },
	{ "assessment_entry", "support_from", "province", N_("the province") },
	{ "assessment_entry", "support_from", "region", N_("the region") },
	{ "assessment_entry", "support_from", "local", N_("the local government") },
	{ "support_request", "source", "fund", N_("the fund") },
	{ "support_request", "source", "province", N_("the province") },
	{ "support_request", "source", "region", N_("the region") },
	{ "support_request", "source", "local", N_("the local government") },
	{ "support_request", "referred_to", "fund", N_("the fund") },
	{ "support_request", "referred_to", "province", N_("the province") },
	{ "support_request", "referred_to", "region", N_("the region") },
	{ "support_request", "referred_to", "local", N_("the local government") },
	/* TRANSLATORS: where a support request stands */
	{ "support_request", "status", "requested", N_("awaiting an answer") },
	{ "support_request", "status", "agreed", N_("agreed") },
	{ "support_request", "status", "partly_agreed", N_("partly agreed") },
	{ "support_request", "status", "declined", N_("declined") },
	{ "support_request", "status", "referred", N_("referred") },
	/* TRANSLATORS: how a norm set's items are answered */
	{ "norm_set", "scale", "status", N_("met / partly / not met") },
	{ "norm_set", "scale", "levels", N_("levels (Basic / Advance / Significance)") },
	/* TRANSLATORS: PMQA's levels of an item */
	{ "assessment_entry", "level", "0", N_("none reached") },
	{ "assessment_entry", "level", "1", N_("Basic") },
	{ "assessment_entry", "level", "2", N_("Advance") },
	{ "assessment_entry", "level", "3", N_("Significance") },
	/* TRANSLATORS: a proposed change of a norm set */
	{ "norm_proposal", "kind", "add", N_("add an item") },
	{ "norm_proposal", "kind", "change", N_("change an item") },
	{ "norm_proposal", "kind", "remove", N_("remove an item") },
	{ "norm_proposal", "status", "proposed", N_("proposed") },
	{ "norm_proposal", "status", "accepted", N_("accepted") },
	{ "norm_proposal", "status", "rejected", N_("rejected") },
	{ "norm_proposal", "status", "applied", N_("in a new version") },
	/* TRANSLATORS: how a norm set groups its items (groups.csv) */
	{ "norm_set", "grouping", "key_activity", N_("key activities") },
	{ "norm_set", "grouping", "pmqa_category", N_("PMQA categories") },
};

const char *vocab_kind(const char *name)
{
	size_t i;

	for (i = 0; name && i < N(kinds); i++)
		if (strcmp(name, kinds[i].table) == 0 || (kinds[i].csv && strcmp(name, kinds[i].csv) == 0))
			return _(kinds[i].label);
	return name;
}

const char *vocab_table(const char *csv_kind)
{
	size_t i;

	for (i = 0; csv_kind && i < N(kinds); i++)
		if (kinds[i].csv && strcmp(csv_kind, kinds[i].csv) == 0)
			return kinds[i].table;
	return csv_kind;
}

const char *vocab_value(const char *table, const char *field, const char *value)
{
	size_t i;

	if (!value || !field)
		return value;
	for (i = 0; i < N(values); i++)
		if ((!table || strcmp(table, values[i].table) == 0) && strcmp(field, values[i].field) == 0 &&
		    strcmp(value, values[i].value) == 0)
			return _(values[i].label);
	return value;
}

/* Each column, by the name the CSV files give it (or the change log,
 * where it differs), as an export's headings and history name it. */
static const struct {
	const char *kind, *name, *label;   /* KIND NULL: of any kind */
} columns[] = {
	{ "offices", "level", N_("office level") },
	/* support_requests.csv (before the names of any kind) */
	{ "support_requests", "uid", N_("request id") },
	{ "indicators", "uid", N_("indicator id") },
	{ "aar_actions", "uid", N_("action id") },
	{ "support_requests", "needed", N_("support needed") },
	{ "support_requests", "source", N_("asked from") },
	{ "support_requests", "frame", N_("support frame") },
	{ "support_requests", "amount", N_("baht asked") },
	{ "support_requests", "referred_to", N_("referred to") },
	{ "support_requests", "given", N_("to be given") },
	{ "support_requests", "amount_agreed", N_("baht agreed") },
	{ "support_requests", "filed_frame", N_("filed under frame") },
	{ "support_requests", "answer_note", N_("answer's note") },
	{ "support_requests", "answered_by", N_("answered by") },
	{ "support_requests", "answered_on", N_("answered on") },
	/* the change log's names of a request's frames */
	{ "support_requests", "frame_id", N_("support frame") },
	{ "support_requests", "filed_frame_id", N_("filed under frame") },

	{ "assessment_entries", "level", N_("PMQA level") },
	{ "norm_sets", "scale", N_("how items are answered") },
	{ NULL, "support_frame_id", N_("support frame") }, { NULL, "tag", N_("tags") },
	{ NULL, "aar", N_("AAR") },
	{ NULL, "action", N_("action") }, { NULL, "assessed_on", N_("assessed") },
	{ NULL, "assessment", N_("assessment") }, { NULL, "assessor", N_("assessor") },
	{ NULL, "baseline", N_("baseline") }, { NULL, "budget", N_("budget") },
	{ NULL, "budget_source", N_("budget from") }, { NULL, "code", N_("code") },
	{ NULL, "column", N_("SLM column") }, { NULL, "date", N_("date") },
	{ NULL, "destination", N_("destination") }, { NULL, "due", N_("due") },
	{ NULL, "end", N_("ends") }, { NULL, "evidence", N_("evidence") },
	{ NULL, "facilitator", N_("facilitator") }, { NULL, "fiscal_year", N_("fiscal year") },
	{ NULL, "from", N_("cause") }, { NULL, "fy_from", N_("from fiscal year") },
	{ NULL, "fy_to", N_("to fiscal year") }, { NULL, "group", N_("key activity") },
	{ NULL, "grouping", N_("grouping") }, { NULL, "groups", N_("key activities") },
	{ NULL, "issued", N_("issued") }, { NULL, "item", N_("item") },
	{ NULL, "label", N_("label") }, { NULL, "level", N_("level") }, { NULL, "name", N_("name") },
	{ NULL, "note", N_("note") }, { NULL, "objective", N_("objective") },
	{ NULL, "objectives", N_("objectives") }, { NULL, "office", N_("office") },
	{ NULL, "owner", N_("owner") }, { NULL, "parent", N_("parent office") },
	{ NULL, "participants", N_("participants") }, { NULL, "plan", N_("plan") },
	{ NULL, "project", N_("project") }, { NULL, "result", N_("result") },
	{ NULL, "section", N_("section") }, { NULL, "serves", N_("serves") },
	{ NULL, "set", N_("norm set") }, { NULL, "short_name", N_("short name") },
	{ NULL, "source", N_("source") }, { NULL, "stage", N_("stage") },
	{ NULL, "start", N_("starts") }, { NULL, "status", N_("status") },
	{ NULL, "subject", N_("reviews") }, { NULL, "subject_kind", N_("kind reviewed") },
	{ NULL, "support_frame", N_("support frame") }, { NULL, "support_from", N_("support from") },
	{ NULL, "support_needed", N_("support needed") }, { NULL, "tags", N_("tags") },
	{ NULL, "target", N_("target") }, { NULL, "template", N_("template") },
	{ NULL, "text", N_("text") }, { NULL, "title", N_("title") }, { NULL, "to", N_("effect") },
	{ NULL, "unit", N_("unit") }, { NULL, "version", N_("version") },
	{ NULL, "weight", N_("weight") },
	/* the answer to a support request (the fund's screen) */
	{ NULL, "referred_to", N_("referred to") }, { NULL, "given", N_("what will be given") },
	{ NULL, "amount_agreed", N_("baht agreed") },
	{ NULL, "filed_frame_id", N_("filed under frame") }, { NULL, "answer_note", N_("note") },
	{ NULL, "answered_by", N_("answered by") }, { NULL, "answered_on", N_("answered on") },
};

const char *vocab_column(const char *kind, const char *name)
{
	size_t i;

	for (i = 0; name && i < N(columns); i++)
		if ((!columns[i].kind || (kind && (strcmp(kind, columns[i].kind) == 0 ||
						   strcmp(kind, vocab_table(columns[i].kind)) == 0))) &&
		    strcmp(name, columns[i].name) == 0)
			return _(columns[i].label);
	return name;
}
