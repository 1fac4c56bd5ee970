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
};

const char *vocab_kind(const char *name)
{
	size_t i;

	for (i = 0; name && i < N(kinds); i++)
		if (strcmp(name, kinds[i].table) == 0 || (kinds[i].csv && strcmp(name, kinds[i].csv) == 0))
			return _(kinds[i].label);
	return name;
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
