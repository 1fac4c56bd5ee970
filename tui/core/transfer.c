/* transfer.c - CSV import and CSV/Markdown/text export of every kind of
 * record, driven by one description per kind. */
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/csv.h"
#include "routemap/escape.h"
#include "routemap/i18n.h"
#include "routemap/schema.h"
#include "routemap/store.h"
#include "routemap/table.h"
#include "routemap/text.h"
#include "routemap/transfer.h"
#include "routemap/vocab.h"

enum col_type {
	C_TEXT,    /* free text */
	C_CODE,    /* a code: no line break, no comma, no spaces at the edges */
	C_YEAR,    /* a Buddhist Era year */
	C_INT,     /* a whole number, at least 1 */
	C_NUM,     /* a decimal number, at least 0 */
	C_DATE,    /* YYYY-MM-DD */
	C_ENUM,    /* one of ARG, comma-separated */
	C_REF,     /* a code; the query ARG gives the id bound in its place */
	C_REFS,    /* a ;-list of codes, each resolved by ARG, rows by LIST_SQL */
	C_TAGS,    /* a ;-list of texts, rows by LIST_SQL */
};

enum col_flags {
	OPT = 1,     /* may be empty (NULL) */
	LATER = 2,   /* a reference to the same kind: set after all rows are in */
	ML = 4,      /* C_TEXT: may hold line breaks */
};

struct col {
	const char *name;
	enum col_type type;
	unsigned flags;
	const char *arg;      /* C_ENUM: allowed values; C_REF(S): lookup query */
	const char *what;     /* C_REF(S): what the code names, for messages (N_) */
	const char *params;   /* C_REF(S): columns bound to the query; "*" = this code */
	const char *list_sql; /* C_REFS, C_TAGS: ?1 = new row id, ?2 = element */
};

struct row;
struct kind {
	const char *name;
	const struct col *cols;
	size_t ncols;
	const char *insert_sql;  /* ?N = the value of column N (references: ids) */
	const char *later_sql;   /* ?1 = row id, ?2 = id of the LATER column */
	const char *export_sql;  /* one text column per column, in order */
	const char *count_sql;
	int (*check)(struct row *row, struct rm_error *err);
	char *colnames;          /* built on first use */
};

/* One record being imported. */
struct val {
	int null;
	long long i;
	double d;
	const char *s;
	int is_int, is_num;
	sqlite3_value *ref;      /* resolved reference (C_REF) */
	char iso[16];            /* C_DATE: the date as YYYY-MM-DD */
};

struct row {
	struct store *st;
	const struct config *cfg;
	const struct kind *kind;
	const char *file;
	int tis620_check;        /* the file holds no Thai and was not declared
				    UTF-8: look for Windows-874 read as UTF-8 */
	struct csv_reader *r;
	int *pos;                /* column -> field index in the record */
	struct val *v;
	sqlite3_stmt **lookup;   /* column -> its prepared lookup, made once */
	sqlite3_stmt **list_ins; /* column -> its prepared list insert */
};

#define N(a) (sizeof (a) / sizeof (a)[0])
#define KIND(name, cols, ins, later, exp, cnt, check) \
	{ name, cols, N(cols), ins, later, exp, cnt, check, NULL }

static const char q_office[] = "SELECT id FROM office WHERE code = ?1";
static const char q_plan[] = "SELECT id FROM plan WHERE code = ?1";
static const char q_objective[] =
	"SELECT o.id FROM objective o JOIN plan p ON p.id = o.plan_id WHERE p.code = ?1 AND o.code = ?2";
static const char q_project[] = "SELECT id FROM project WHERE code = ?1";
static const char q_aar[] = "SELECT id FROM aar WHERE code = ?1";

static int check_plan(struct row *row, struct rm_error *err);
static int check_project(struct row *row, struct rm_error *err);
static int check_link(struct row *row, struct rm_error *err);
static int check_slm(struct row *row, struct rm_error *err);
static int check_aar(struct row *row, struct rm_error *err);
static int check_aar_section(struct row *row, struct rm_error *err);

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
};

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
};

/* Export queries keep insertion order (id), so a file imported and
 * exported again comes back as it was. */
static struct kind kinds[] = {
	KIND("offices", offices_cols,
	     "INSERT INTO office(code, name, short_name, level) VALUES (?1, ?2, ?3, ?4)",
	     "UPDATE office SET parent_id = ?2 WHERE id = ?1",
	     "SELECT o.code, o.name, o.short_name, o.level, p.code FROM office o"
	     " LEFT JOIN office p ON p.id = o.parent_id ORDER BY o.id",
	     "SELECT count(*) FROM office", NULL),
	KIND("plans", plans_cols,
	     "INSERT INTO plan(code, office_id, title, destination, fy_from, fy_to)"
	     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	     "UPDATE plan SET serves_id = ?2 WHERE id = ?1",
	     "SELECT p.code, o.code, p.title, p.destination, p.fy_from, p.fy_to, s.code FROM plan p"
	     " JOIN office o ON o.id = p.office_id LEFT JOIN plan s ON s.id = p.serves_id ORDER BY p.id",
	     "SELECT count(*) FROM plan", check_plan),
	KIND("objectives", objectives_cols,
	     "INSERT INTO objective(plan_id, code, level, title) VALUES (?1, ?2, ?3, ?4)", NULL,
	     "SELECT p.code, o.code, o.level, o.title FROM objective o JOIN plan p ON p.id = o.plan_id"
	     " ORDER BY o.id",
	     "SELECT count(*) FROM objective", NULL),
	KIND("links", links_cols,
	     "INSERT INTO link(from_id, to_id) VALUES (?2, ?3)", NULL,
	     "SELECT p.code, f.code, t.code FROM link l JOIN objective f ON f.id = l.from_id"
	     " JOIN objective t ON t.id = l.to_id JOIN plan p ON p.id = f.plan_id ORDER BY l.id",
	     "SELECT count(*) FROM link", check_link),
	KIND("indicators", indicators_cols,
	     "INSERT INTO indicator(objective_id, name, unit, baseline, target, fiscal_year, result)"
	     " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)", NULL,
	     "SELECT p.code, o.code, i.name, i.unit, i.baseline, i.target, i.fiscal_year, i.result"
	     " FROM indicator i JOIN objective o ON o.id = i.objective_id"
	     " JOIN plan p ON p.id = o.plan_id ORDER BY i.id",
	     "SELECT count(*) FROM indicator", NULL),
	KIND("slm_cells", slm_cols,
	     "INSERT INTO slm_cell(objective_id, column_key, text) VALUES (?2, ?3, ?4)", NULL,
	     "SELECT p.code, o.code, c.column_key, c.text FROM slm_cell c"
	     " JOIN objective o ON o.id = c.objective_id JOIN plan p ON p.id = o.plan_id ORDER BY c.id",
	     "SELECT count(*) FROM slm_cell", check_slm),
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
	     "SELECT count(*) FROM project", check_project),
	KIND("groups", groups_cols,
	     "INSERT INTO norm_group(grouping, code, label) VALUES (?1, ?2, ?3)", NULL,
	     "SELECT grouping, code, label FROM norm_group ORDER BY id",
	     "SELECT count(*) FROM norm_group", NULL),
	KIND("norm_sets", norm_sets_cols,
	     "INSERT INTO norm_set(code, office_id, title, version, issued, source, grouping)"
	     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", NULL,
	     "SELECT s.code, o.code, s.title, s.version, s.issued, s.source, s.grouping FROM norm_set s"
	     " JOIN office o ON o.id = s.office_id ORDER BY s.id",
	     "SELECT count(*) FROM norm_set", NULL),
	KIND("norm_items", norm_items_cols,
	     "INSERT INTO norm_item(set_id, group_id, code, text, evidence, weight)"
	     " VALUES (?1, ?3, ?4, ?5, ?6, coalesce(?7, 1))", NULL,
	     "SELECT s.code, s.version, g.code, i.code, i.text, i.evidence, i.weight FROM norm_item i"
	     " JOIN norm_set s ON s.id = i.set_id JOIN norm_group g ON g.id = i.group_id ORDER BY i.id",
	     "SELECT count(*) FROM norm_item", NULL),
	KIND("support_frames", support_frames_cols,
	     "INSERT INTO support_frame(code, label) VALUES (?1, ?2)", NULL,
	     "SELECT code, label FROM support_frame ORDER BY id",
	     "SELECT count(*) FROM support_frame", NULL),
	KIND("assessments", assessments_cols,
	     "INSERT INTO assessment(code, set_id, office_id, project_id, assessed_on, assessor)"
	     " VALUES (?1, ?2, ?4, ?5, ?6, ?7)", NULL,
	     "SELECT a.code, s.code, s.version, o.code, j.code, a.assessed_on, a.assessor"
	     " FROM assessment a JOIN norm_set s ON s.id = a.set_id JOIN office o ON o.id = a.office_id"
	     " LEFT JOIN project j ON j.id = a.project_id ORDER BY a.id",
	     "SELECT count(*) FROM assessment", NULL),
	KIND("assessment_entries", entries_cols,
	     "INSERT INTO assessment_entry(assessment_id, item_id, status, note, support_needed,"
	     " support_from, support_frame_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", NULL,
	     "SELECT a.code, i.code, e.status, e.note, e.support_needed, e.support_from, f.code"
	     " FROM assessment_entry e JOIN assessment a ON a.id = e.assessment_id"
	     " JOIN norm_item i ON i.id = e.item_id LEFT JOIN support_frame f ON f.id = e.support_frame_id"
	     " ORDER BY e.id",
	     "SELECT count(*) FROM assessment_entry", NULL),
	KIND("aars", aars_cols,
	     "INSERT INTO aar(code, template, date, title, subject_kind, subject, facilitator,"
	     " participants) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", NULL,
	     "SELECT a.code, a.template, a.date, a.title, a.subject_kind, a.subject, a.facilitator,"
	     " a.participants, (SELECT group_concat(tag, ';') FROM (SELECT tag FROM aar_tag"
	     "   WHERE aar_id = a.id ORDER BY id)) FROM aar a ORDER BY a.id",
	     "SELECT count(*) FROM aar", check_aar),
	KIND("aar_sections", aar_sections_cols,
	     "INSERT INTO aar_section(aar_id, section, text) VALUES (?1, ?2, coalesce(?3, ''))", NULL,
	     "SELECT a.code, s.section, s.text FROM aar_section s JOIN aar a ON a.id = s.aar_id"
	     " ORDER BY s.id",
	     "SELECT count(*) FROM aar_section", check_aar_section),
	KIND("aar_actions", aar_actions_cols,
	     "INSERT INTO aar_action(aar_id, action, owner, due, status)"
	     " VALUES (?1, ?2, ?3, ?4, coalesce(?5, 'open'))", NULL,
	     "SELECT a.code, x.action, x.owner, x.due, x.status FROM aar_action x"
	     " JOIN aar a ON a.id = x.aar_id ORDER BY x.id",
	     "SELECT count(*) FROM aar_action", NULL),
};

size_t transfer_nkinds(void)
{
	return N(kinds);
}

const char *transfer_kind_name(size_t kind)
{
	return kind < N(kinds) ? kinds[kind].name : NULL;
}

int transfer_kind_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < N(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *transfer_kind_columns(size_t kind)
{
	struct kind *k = &kinds[kind];
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
	return kind < N(kinds) ? kinds[kind].ncols : 0;
}

enum transfer_text transfer_column_text(size_t kind, size_t col)
{
	const struct col *c;

	if (kind >= N(kinds) || col >= kinds[kind].ncols)
		return TRANSFER_CODE;
	c = &kinds[kind].cols[col];
	if (c->type != C_TEXT)
		return TRANSFER_CODE;
	return (c->flags & ML) ? TRANSFER_LINES : TRANSFER_LINE;
}

/* ---- import ---------------------------------------------------------- */

/* Fail with "FILE:LINE:COL (name): message" for column C of ROW. */
static int row_fail(struct row *row, size_t c, struct rm_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int row_fail(struct row *row, size_t c, struct rm_error *err, const char *fmt, ...)
{
	const struct csv_field *f = &row->r->fields[row->pos[c]];
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file, f->line,
		       row->pos[c] + 1, row->kind->cols[c].name, what);
}

static const char *field(struct row *row, size_t c)
{
	return row->r->fields[row->pos[c]].text;
}

/* VALUE shortened for a message, quoted. */
static const char *shown(const char *value, char *out, size_t size)
{
	char cut[160];
	char *esc = escape_text(value, ESC_INVISIBLE);

	/* every control and invisible character visible: "T-1<U+00A0>" */
	text_truncate(cut, sizeof cut, esc ? esc : "", 40, 0, 0);
	snprintf(out, size, "\"%s\"", cut);
	free(esc);
	return out;
}

/* VALUE up to and including the character at byte OFF, quoted and
 * escaped, its start cut when long, so that the character shows. */
static const char *shown_to(const char *value, size_t off, char *out, size_t size)
{
	size_t end = off + text_cluster_len(value + off, strlen(value + off));
	char *head = strndup(value, end > off ? end : off + 1), *esc;
	size_t skip = 0;

	esc = head ? escape_text(head, ESC_INVISIBLE) : NULL;
	while (esc && text_width(esc + skip) > 40)
		skip += text_cluster_len(esc + skip, strlen(esc + skip));
	snprintf(out, size, "\"%s%s\"", skip ? "…" : "", esc ? esc + skip : "");
	free(head);
	free(esc);
	return out;
}

/* Refuse VALUE of column C, which holds the character CP at byte OFF
 * that its kind of text may not hold (escape.h), naming the line it is
 * on. */
static int unclean(struct row *row, size_t c, const char *value, size_t off, uint32_t cp,
		   struct rm_error *err)
{
	const struct csv_field *f = &row->r->fields[row->pos[c]];
	char q[320], what[512], esc[12];
	size_t i;
	int line = f->line;

	for (i = 0; i < off; i++)
		line += value[i] == '\n';
	shown_to(value, off, q, sizeof q);
	if (cp == '\n')
		snprintf(what, sizeof what, _("%s: a line break is not allowed in this column"), q);
	else if (escape_is_control(cp))
		snprintf(what, sizeof what, _("%s: the control character %s (U+%04X) is not allowed"), q,
			 escape_cp(cp, 0, esc) ? esc : "?", (unsigned)cp);
	else if (escape_is_bidi(cp))
		snprintf(what, sizeof what,
			 _("%s: the bidirectional control U+%04X is not allowed"), q, (unsigned)cp);
	else
		snprintf(what, sizeof what, _("%s: a code may not hold U+%04X, an invisible or space "
					      "character (only the plain space)"), q, (unsigned)cp);
	return rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", row->file, line, row->pos[c] + 1,
		       row->kind->cols[c].name, what);
}

/* Is VALUE one of the comma-separated LIST? */
static int in_list(const char *list, const char *value)
{
	size_t n = strlen(value);
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && strncmp(p, value, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* "a, b or c" from "a,b,c", into OUT. */
static void or_list(const char *list, char *out, size_t size)
{
	const char *last = strrchr(list, ',');
	size_t o = 0;
	const char *p;

	for (p = list; *p && o + 8 < size; p++) {
		if (*p == ',') {
			/* TRANSLATORS: the last separator of a list "a, b or c". */
			const char *sep = p == last ? _(" or ") : ", ";

			o += (size_t)snprintf(out + o, size - o, "%s", sep);
		} else {
			out[o++] = *p;
		}
	}
	out[o < size ? o : size - 1] = '\0';
}

static int check_code(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	char q[200];

	if (strpbrk(s, ",\r\n"))
		return row_fail(row, c, err, _("%s: a code may not hold a comma or a line break"),
				shown(s, q, sizeof q));
	if (*s == ' ' || s[strlen(s) - 1] == ' ')
		return row_fail(row, c, err, _("%s: a code may not start or end with a space"),
				shown(s, q, sizeof q));
	return 0;
}

/* A code in the standard Thai input order, as the screens take it: no
 * doubled tone mark ("ก่่", which looks like "ก่"), no mark out of order. */
static int thai_order(struct row *row, size_t c, const char *s, struct rm_error *err)
{
	size_t i = 0, len = strlen(s);
	uint32_t prev = 0;
	char q[200];

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0)
			return 0;
		if (!text_input_accepts(prev, cp))
			return row_fail(row, c, err, _("%s: the Thai marks are not in the order they are "
						       "typed in (a mark doubled or misplaced)"),
					shown_to(s, i, q, sizeof q));
		prev = cp;
		i += (size_t)n;
	}
	return 0;
}

/* Only spaces and invisible characters: nothing anyone can read. */
static int looks_blank(const char *s)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0 || !(cp == ' ' || cp == '\n' || escape_is_invisible(cp)))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* Convert and check the plain (non-reference) column C. */
static int convert(struct row *row, size_t c, struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	const char *s = field(row, c);
	struct val *v = &row->v[c];
	struct text_date d;
	char q[200], allowed[256];

	memset(v, 0, sizeof *v);
	v->s = s;
	{
		size_t off;
		uint32_t cp;
		static const unsigned clean_of[] = {
			[TRANSFER_LINE] = 0, [TRANSFER_LINES] = CLEAN_MULTILINE,
			[TRANSFER_CODE] = CLEAN_CODE,
		};
		unsigned clean = clean_of[transfer_column_text((size_t)(row->kind - kinds), c)];

		if (escape_find_unclean(s, strlen(s), clean, &off, &cp))
			return unclean(row, c, s, off, cp, err);
		if (row->tis620_check && escape_find_tis620(s, strlen(s), &off))
			return row_fail(row, c, err, _("%s looks like Thai saved as Windows-874 (TIS-620) "
						       "and read as UTF-8; save the file as UTF-8, or "
						       "import it with --encoding windows-874 (or "
						       "--encoding utf-8 if it is right)"),
					shown_to(s, off, q, sizeof q));
	}
	if (!*s) {
		v->null = 1;
		if (col->flags & OPT)
			return 0;
		return row_fail(row, c, err, _("a value is required here"));
	}
	/* a required value nobody can read is no value; an optional text
	 * of spaces is kept as it is (the screens can store one, and an
	 * export must import back) */
	if (looks_blank(s) && (!(col->flags & OPT) || col->type != C_TEXT))
		return row_fail(row, c, err, _("%s holds only spaces or invisible characters; write "
					       "something, or leave it empty"), shown(s, q, sizeof q));
	switch (col->type) {
	case C_TEXT:
	case C_REF:
	case C_REFS:
	case C_TAGS:
		return 0;
	case C_CODE:
		return check_code(row, c, s, err) < 0 || thai_order(row, c, s, err) < 0 ? -1 : 0;
	case C_YEAR:
		if (text_parse_int(s, &v->i) < 0 || v->i < 2400 || v->i > 2800)
			return row_fail(row, c, err,
					_("%s: expected a Buddhist Era year such as 2569 (2400 to 2800)"),
					shown(s, q, sizeof q));
		v->is_int = 1;
		return 0;
	case C_INT:
		if (text_parse_int(s, &v->i) < 0 || v->i < 1 || v->i > 1000000)
			return row_fail(row, c, err, _("%s: expected a whole number of at least 1"),
					shown(s, q, sizeof q));
		v->is_int = 1;
		return 0;
	case C_NUM:
		if (text_parse_number(s, &v->d) < 0 || v->d < 0)
			return row_fail(row, c, err,
					_("%s: expected a number of at least 0 such as 73.5 (Thai digits allowed)"),
					shown(s, q, sizeof q));
		if (!text_number_exact(s, v->d))
			return row_fail(row, c, err,
					_("%s: more digits than can be kept exactly (about 15 significant "
					  "digits); round it"), shown(s, q, sizeof q));
		v->is_num = 1;
		return 0;
	case C_DATE:
		if (text_parse_date(s, &d) < 0)
			return row_fail(row, c, err,
					_("%s is not a date: %s"), shown(s, q, sizeof q),
					text_date_forms());
		/* stored in ISO form, Gregorian, whatever era was typed */
		text_format_iso(&d, v->iso, sizeof v->iso);
		v->s = v->iso;
		return 0;
	case C_ENUM:
		if (!in_list(col->arg, s)) {
			or_list(col->arg, allowed, sizeof allowed);
			return row_fail(row, c, err, _("%s is not allowed; expected %s"),
					shown(s, q, sizeof q), allowed);
		}
		return 0;
	}
	return 0;
}

/* Bind parameter I of STMT from a column value (converted or raw). */
static void bind_val(sqlite3_stmt *stmt, int i, const struct val *v)
{
	if (v->ref)
		sqlite3_bind_value(stmt, i, v->ref);
	else if (v->null)
		sqlite3_bind_null(stmt, i);
	else if (v->is_int)
		sqlite3_bind_int64(stmt, i, v->i);
	else if (v->is_num)
		sqlite3_bind_double(stmt, i, v->d);
	else
		sqlite3_bind_text(stmt, i, v->s, -1, SQLITE_STATIC);
}

/* The column called NAME (NAME ends at a comma or NUL), or -1. */
static int col_index(const struct kind *k, const char *name)
{
	size_t n = strcspn(name, ","), i;

	for (i = 0; i < k->ncols; i++)
		if (strlen(k->cols[i].name) == n && strncmp(k->cols[i].name, name, n) == 0)
			return (int)i;
	return -1;
}

/* Look CODE up for reference column C.  Returns 1 and sets *OUT (a copy
 * the caller frees) when found, 0 when not, -1 on a database error. */
static int resolve(struct row *row, size_t c, const char *code, sqlite3_value **out,
		   struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	sqlite3_stmt *stmt = row->lookup[c];
	const char *p = col->params;
	int i = 1, rc;

	*out = NULL;
	if (!stmt) {
		stmt = row->lookup[c] = store_prepare(row->st, col->arg, err);
		if (!stmt)
			return -1;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	for (;;) {
		if (*p == '*') {
			sqlite3_bind_text(stmt, i, code, -1, SQLITE_STATIC);
		} else {
			int other = col_index(row->kind, p);
			struct val raw = { 0 };

			if (other < 0 || row->kind->cols[other].type == C_REF) {
				raw.s = other < 0 ? "" : field(row, (size_t)other);
				bind_val(stmt, i, &raw);
			} else {
				/* the converted value, without its resolved id */
				raw = row->v[other];
				raw.ref = NULL;
				bind_val(stmt, i, &raw);
			}
		}
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
		i++;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_value_dup(sqlite3_column_value(stmt, 0));
		sqlite3_reset(stmt);
		return *out ? 1 : rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(row->st, err, _("cannot look up a reference"));
	return 0;
}

/* The message for a code that resolve() did not find: names the other
 * columns the lookup used ("unknown objective "P9" of plan "X""). */
static int unknown_ref(struct row *row, size_t c, const char *code, struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	struct buf ctx = { 0 };
	const char *p = col->params;
	char q[200], q2[200];
	int rc;

	for (; p; p = strchr(p, ','), p = p ? p + 1 : NULL) {
		int other;

		if (*p == '*')
			continue;
		other = col_index(row->kind, p);
		if (other >= 0)
			buf_printf(&ctx, " %s %s", row->kind->cols[other].name,
				   shown(field(row, (size_t)other), q2, sizeof q2));
	}
	if (ctx.len)
		/* TRANSLATORS: "unknown objective "P9" with plan "KKN-CDC-2568"";
		 * what follows "with" are column names and values. */
		rc = row_fail(row, c, err, _("unknown %s %s with%s"), _(col->what),
			      shown(code, q, sizeof q), ctx.s);
	else
		rc = row_fail(row, c, err, _("unknown %s %s"), _(col->what), shown(code, q, sizeof q));
	buf_free(&ctx);
	return rc;
}

/* Resolve the single reference column C into row->v[c].ref. */
static int resolve_ref(struct row *row, size_t c, struct rm_error *err)
{
	struct val *v = &row->v[c];
	int rc;

	if (v->null || (row->kind->cols[c].flags & LATER))
		return 0;
	rc = resolve(row, c, v->s, &v->ref, err);
	if (rc == 0)
		return unknown_ref(row, c, v->s, err);
	return rc < 0 ? -1 : 0;
}

/* Split a ;-list; calls FN for every element (spaces around trimmed). */
static int each_element(struct row *row, size_t c, sqlite3_int64 id,
			int (*fn)(struct row *, size_t, const char *, sqlite3_int64, struct rm_error *),
			struct rm_error *err)
{
	char *list = strdup(field(row, c)), *p, *e;
	int rc = 0;

	if (!list)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	for (p = list; p && rc == 0; p = e) {
		char *end;

		e = strchr(p, ';');
		if (e)
			*e++ = '\0';
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (!*p) {
			if (e || p != list)
				rc = row_fail(row, c, err, _("an empty element in the ;-separated list"));
			continue;
		}
		rc = fn(row, c, p, id, err);
	}
	free(list);
	return rc;
}

/* Insert the link row for one list element ("P1" of "P1;R1", or a tag). */
static int insert_element(struct row *row, size_t c, const char *elem, sqlite3_int64 id,
			  struct rm_error *err)
{
	const struct col *col = &row->kind->cols[c];
	sqlite3_value *ref = NULL;
	sqlite3_stmt *stmt;
	int rc;

	if (col->type == C_REFS) {
		rc = resolve(row, c, elem, &ref, err);
		if (rc <= 0)
			return rc < 0 ? -1 : unknown_ref(row, c, elem, err);
	} else if (check_code(row, c, elem, err) < 0) {
		return -1;
	}
	stmt = row->list_ins[c];
	if (!stmt)
		stmt = row->list_ins[c] = store_prepare(row->st, col->list_sql, err);
	if (!stmt) {
		sqlite3_value_free(ref);
		return -1;
	}
	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, id);
	if (ref)
		sqlite3_bind_value(stmt, 2, ref);
	else
		sqlite3_bind_text(stmt, 2, elem, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	sqlite3_value_free(ref);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		char q[200];

		return row_fail(row, c, err, _("%s is listed twice"), shown(elem, q, sizeof q));
	}
	if (rc != SQLITE_DONE)
		return row_fail(row, c, err, "%s", sqlite3_errmsg(row->st->db));
	return 0;
}

/* Turn a failed insert into a message about the record. */
static int insert_failed(struct row *row, int rc, struct rm_error *err)
{
	const char *msg = sqlite3_errmsg(row->st->db);
	size_t c;

	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		char q[200];

		/* Name the record by its code where it has one. */
		for (c = 0; c < row->kind->ncols; c++)
			if (row->kind->cols[c].type == C_CODE)
				return row_fail(row, c, err, _("%s is already in the database (%s)"),
						shown(field(row, c), q, sizeof q), msg);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: this record is already in the database (%s)"),
			       row->file, row->r->record_line, msg);
	}
	switch (rc & 0xff) {
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_BUSY:
	case SQLITE_CORRUPT:
		/* the database's trouble, not the record's */
		store_fail(row->st, err, _("cannot import"));
		rm_error_prefix(err, _("%s: nothing was imported"), row->file);
		return -1;
	default:
		break;
	}
	return rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: the record was refused: %s"), row->file,
		       row->r->record_line, msg);
}

/* A pending LATER reference: set once every row of the file is in. */
struct later {
	sqlite3_int64 id;
	size_t c;
	char *code;
	int line, field;
};

/* Where an import stands, for its progress line. */
struct import_progress {
	long long rows;         /* records of every file so far */
	size_t before, total;   /* bytes of the files done, of all */
};

static int import_file(struct store *st, const struct config *cfg, struct transfer_file *f,
		       struct import_progress *pr, struct rm_error *err)
{
	const struct kind *k = &kinds[f->kind];
	struct csv_reader r;
	struct row row = { st, cfg, k, f->name, 0, &r, NULL, NULL, NULL, NULL };
	struct later *later = NULL;
	size_t nlater = 0, i, c;
	sqlite3_stmt *ins = NULL;
	int rc = -1, got;

	f->rows = 0;
	if (csv_reader_init(&r, f->name, f->data, f->len, err) < 0)
		return -1;
	row.tis620_check = !f->utf8 && !escape_has_thai(f->data, f->len);
	row.pos = calloc(k->ncols, sizeof *row.pos);
	row.v = calloc(k->ncols, sizeof *row.v);
	row.lookup = calloc(k->ncols, sizeof *row.lookup);
	row.list_ins = calloc(k->ncols, sizeof *row.list_ins);
	if (!row.pos || !row.v || !row.lookup || !row.list_ins) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		goto out;
	}
	/* The header: every column once, in any order, nothing else. */
	got = csv_read(&r, err);
	if (got <= 0) {
		if (got == 0)
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:1: empty file; expected the header %s"),
				f->name, transfer_kind_columns((size_t)f->kind));
		goto out;
	}
	for (c = 0; c < k->ncols; c++)
		row.pos[c] = -1;
	for (i = 0; i < r.nfields; i++) {
		int ci = col_index(k, r.fields[i].text);

		if (ci < 0 || strchr(r.fields[i].text, ',')) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:1:%zu: unknown column \"%s\"; expected %s"),
				f->name, i + 1, r.fields[i].text, transfer_kind_columns((size_t)f->kind));
			goto out;
		}
		if (row.pos[ci] >= 0) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:1:%zu: column \"%s\" appears twice"), f->name,
				i + 1, r.fields[i].text);
			goto out;
		}
		row.pos[ci] = (int)i;
	}
	for (c = 0; c < k->ncols; c++)
		if (row.pos[c] < 0) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:1: the header lacks column \"%s\"; expected %s"),
				f->name, k->cols[c].name, transfer_kind_columns((size_t)f->kind));
			goto out;
		}
	ins = store_prepare(st, k->insert_sql, err);
	if (!ins)
		goto out;

	while ((got = csv_read(&r, err)) == 1) {
		sqlite3_int64 id;

		if ((++pr->rows & 1023) == 0)
			store_progress(st, _("importing"), pr->rows,
				       (int)((pr->before + r.pos) * 1000 / (pr->total ? pr->total : 1)));

		if (r.nfields != k->ncols) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s:%d: expected %zu fields (%s), found %zu"),
				f->name, r.record_line, k->ncols,
				transfer_kind_columns((size_t)f->kind), r.nfields);
			goto out;
		}
		for (c = 0; c < k->ncols; c++)
			if (convert(&row, c, err) < 0)
				goto out;
		for (c = 0; c < k->ncols; c++)
			if (k->cols[c].type == C_REF && resolve_ref(&row, c, err) < 0)
				goto out;
		if (k->check && k->check(&row, err) < 0)
			goto out;
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
		for (c = 0; c < k->ncols; c++)
			if (k->cols[c].type != C_REFS && k->cols[c].type != C_TAGS &&
			    !(k->cols[c].flags & LATER))
				bind_val(ins, (int)c + 1, &row.v[c]);
		rc = sqlite3_step(ins);
		if (rc != SQLITE_DONE) {
			rc = insert_failed(&row, rc, err);
			goto out;
		}
		rc = -1;
		id = sqlite3_last_insert_rowid(st->db);
		for (c = 0; c < k->ncols; c++) {
			const struct col *col = &k->cols[c];

			if ((col->type == C_REFS || col->type == C_TAGS) && !row.v[c].null &&
			    each_element(&row, c, id, insert_element, err) < 0)
				goto out;
			if ((col->flags & LATER) && !row.v[c].null) {
				struct later *l = realloc(later, (nlater + 1) * sizeof *l);

				if (!l || !(l[nlater].code = strdup(row.v[c].s))) {
					if (l)
						later = l;
					rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
					goto out;
				}
				later = l;
				l[nlater].id = id;
				l[nlater].c = c;
				l[nlater].line = r.fields[row.pos[c]].line;
				l[nlater].field = row.pos[c] + 1;
				nlater++;
			}
		}
		for (c = 0; c < k->ncols; c++) {
			sqlite3_value_free(row.v[c].ref);
			row.v[c].ref = NULL;
		}
		f->rows++;
	}
	if (got < 0)
		goto out;

	/* References to the same kind, now that every row of the file is in. */
	for (i = 0; i < nlater; i++) {
		sqlite3_stmt *up;
		sqlite3_value *ref;
		int found;

		found = resolve(&row, later[i].c, later[i].code, &ref, err);
		if (found < 0)
			goto out;
		if (!found) {
			char q[200], what[512];

			snprintf(what, sizeof what, _("unknown %s %s"), _(k->cols[later[i].c].what),
				 shown(later[i].code, q, sizeof q));
			rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", f->name,
				later[i].line, later[i].field, k->cols[later[i].c].name, what);
			goto out;
		}
		up = store_prepare(st, k->later_sql, err);
		if (!up) {
			sqlite3_value_free(ref);
			goto out;
		}
		sqlite3_bind_int64(up, 1, later[i].id);
		sqlite3_bind_value(up, 2, ref);
		found = sqlite3_step(up);
		sqlite3_finalize(up);
		sqlite3_value_free(ref);
		if (found != SQLITE_DONE) {
			rm_fail(err, RM_EXIT_RUNTIME, "%s:%d:%d (%s): %s", f->name, later[i].line,
				later[i].field, k->cols[later[i].c].name, sqlite3_errmsg(st->db));
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(ins);
	for (i = 0; i < nlater; i++)
		free(later[i].code);
	free(later);
	for (c = 0; c < k->ncols; c++) {
		if (row.v)
			sqlite3_value_free(row.v[c].ref);
		if (row.lookup)
			sqlite3_finalize(row.lookup[c]);
		if (row.list_ins)
			sqlite3_finalize(row.list_ins[c]);
	}
	free(row.lookup);
	free(row.list_ins);
	free(row.v);
	free(row.pos);
	csv_reader_free(&r);
	return rc;
}

static int cmp_files(const void *a, const void *b)
{
	const struct transfer_file *x = a, *y = b;

	return (x->kind > y->kind) - (x->kind < y->kind);
}

static int import_all(struct store *st, const struct config *cfg, struct transfer_file *files,
		      size_t nfiles, struct rm_error *err);

int transfer_import(struct store *st, const struct config *cfg, struct transfer_file *files,
		    size_t nfiles, struct rm_error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < nfiles; i++)
		if (files[i].kind < 0 || (size_t)files[i].kind >= N(kinds))
			return rm_fail(err, RM_EXIT_USAGE, _("%s: not a known kind of record"),
				       files[i].name);
	qsort(files, nfiles, sizeof *files, cmp_files);
	/* Each row's insert opens a statement journal (its triggers write
	 * the change log and the search documents); kept in memory, the
	 * journal of a province's import costs no system calls instead of
	 * two million writes to a temporary file. */
	sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	rc = import_all(st, cfg, files, nfiles, err);
	sqlite3_exec(st->db, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	return rc;
}

/* transfer_import's transaction: every file or none. */
static int import_all(struct store *st, const struct config *cfg, struct transfer_file *files,
		      size_t nfiles, struct rm_error *err)
{
	struct import_progress pr = { 0, 0, 0 };
	size_t i;
	int rc;

	if (store_begin(st, err) < 0)
		return -1;
	/* the search index is fed once at the end, not row by row */
	if (schema_search_defer(st->db) < 0) {
		store_fail(st, err, _("cannot prepare the search index"));
		store_rollback(st);
		return -1;
	}
	for (i = 0; i < nfiles; i++)
		pr.total += files[i].len;
	for (i = 0; i < nfiles; i++) {
		if (import_file(st, cfg, &files[i], &pr, err) < 0) {
			store_progress(st, NULL, 0, 0);
			store_rollback(st);
			return -1;
		}
		pr.before += files[i].len;
	}
	store_progress(st, NULL, 0, 0);
	store_progress(st, _("updating the search index"), -1, -1);
	rc = schema_search_feed(st->db);
	store_progress(st, NULL, 0, 0);
	if (rc < 0) {
		store_fail(st, err, _("cannot update the search index"));
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

/* ---- checks across columns ------------------------------------------- */

static int check_plan(struct row *row, struct rm_error *err)
{
	if (row->v[5].i < row->v[4].i)
		return row_fail(row, 5, err, _("the plan ends (%lld) before it starts (%lld)"),
				row->v[5].i, row->v[4].i);
	return 0;
}

static int check_link(struct row *row, struct rm_error *err)
{
	if (strcmp(field(row, 1), field(row, 2)) == 0)
		return row_fail(row, 2, err, _("a link joins two different objectives"));
	return 0;
}

static int check_project(struct row *row, struct rm_error *err)
{
	if (!row->v[3].null && row->v[2].null)
		return row_fail(row, 3, err, _("objectives need the plan they belong to"));
	if (!row->v[10].null && !row->v[11].null) {
		struct text_date a, b;

		text_parse_date(field(row, 10), &a);
		text_parse_date(field(row, 11), &b);
		if (b.year * 10000 + b.month * 100 + b.day < a.year * 10000 + a.month * 100 + a.day)
			return row_fail(row, 11, err, _("the project ends before it starts"));
	}
	return 0;
}

static int check_slm(struct row *row, struct rm_error *err)
{
	const struct cfg_labels *cols = &row->cfg->slm_columns;
	struct buf allowed = { 0 };
	size_t i;
	int rc;

	if (config_label(cols, field(row, 2)))
		return 0;
	for (i = 0; i < cols->n; i++)
		buf_printf(&allowed, "%s%s", i ? ", " : "", cols->v[i].code);
	rc = row_fail(row, 2, err, _("\"%s\" is not an SLM column of this office; expected one of %s"),
		      field(row, 2), allowed.s ? allowed.s : _("(none)"));
	buf_free(&allowed);
	return rc;
}

/* The template names of the office, comma-separated, into B. */
static void template_names(const struct config *cfg, struct buf *b)
{
	size_t i;

	for (i = 0; i < cfg->ntemplates; i++)
		buf_printf(b, "%s%s", i ? ", " : "", cfg->templates[i].name);
}

static int check_aar(struct row *row, struct rm_error *err)
{
	/* subject_kind, what it names (for messages), the lookup */
	static const char *const lookups[][3] = {
		{ "plan", N_("plan"), "SELECT 1 FROM plan WHERE code = ?1" },
		{ "project", N_("project"), "SELECT 1 FROM project WHERE code = ?1" },
		{ "assessment", N_("assessment"), "SELECT 1 FROM assessment WHERE code = ?1" },
		{ "objective", N_("objective"), "SELECT 1 FROM objective o JOIN plan p"
			       " ON p.id = o.plan_id WHERE p.code || '/' || o.code = ?1" },
	};
	const char *kind = field(row, 4), *subject = field(row, 5);
	struct buf b = { 0 };
	size_t i;
	int rc;

	if (!config_template(row->cfg, field(row, 1))) {
		template_names(row->cfg, &b);
		rc = row_fail(row, 1, err, _("unknown template \"%s\"; this office has %s"),
			      field(row, 1), b.s ? b.s : _("none"));
		buf_free(&b);
		return rc;
	}
	if (strcmp(kind, "event") == 0)
		return 0;
	for (i = 0; i < N(lookups); i++) {
		const char *what = _(lookups[i][1]);
		sqlite3_stmt *stmt;
		char q[200];

		if (strcmp(kind, lookups[i][0]) != 0)
			continue;
		if (!*subject)
			return row_fail(row, 5, err, _("an AAR of a %s names the %s's code"), what,
					what);
		stmt = store_prepare(row->st, lookups[i][2], err);
		if (!stmt)
			return -1;
		sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return store_fail(row->st, err, _("cannot look up the subject"));
		if (strcmp(kind, "objective") == 0)
			return row_fail(row, 5, err, _("unknown objective %s (write PLAN/OBJECTIVE)"),
					shown(subject, q, sizeof q));
		return row_fail(row, 5, err, _("unknown %s %s"), what, shown(subject, q, sizeof q));
	}
	return 0;
}

static int check_aar_section(struct row *row, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(row->st, "SELECT template FROM aar WHERE code = ?1", err);
	const struct cfg_template *t = NULL;
	struct buf allowed = { 0 };
	size_t i;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, field(row, 0), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		t = config_template(row->cfg, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (!t)
		return row_fail(row, 0, err, _("the AAR's template is not one of this office's"));
	if (config_label(&t->sections, field(row, 1)))
		return 0;
	for (i = 0; i < t->sections.n; i++)
		buf_printf(&allowed, "%s%s", i ? ", " : "", t->sections.v[i].code);
	rc = row_fail(row, 1, err, _("\"%s\" is not a section of template %s; expected one of %s"),
		      field(row, 1), t->name, allowed.s ? allowed.s : _("(none)"));
	buf_free(&allowed);
	return rc;
}

/* ---- export ---------------------------------------------------------- */

/* Column I of the current row as text: numbers without a useless ".0". */
static void cell_text(sqlite3_stmt *stmt, int i, char *num, size_t size, const char **out)
{
	switch (sqlite3_column_type(stmt, i)) {
	case SQLITE_NULL:
		*out = "";
		return;
	case SQLITE_INTEGER:
		snprintf(num, size, "%lld", (long long)sqlite3_column_int64(stmt, i));
		*out = num;
		return;
	case SQLITE_FLOAT:
		/* plain digits that read back to the same double: never 1e-05 */
		if (text_format_number(sqlite3_column_double(stmt, i), num, size) < 0)
			snprintf(num, size, "%.17g", sqlite3_column_double(stmt, i));
		*out = num;
		return;
	default:
		*out = (const char *)sqlite3_column_text(stmt, i);
		if (!*out)
			*out = "";
	}
}

/* Cell C of KIND as people read it in the aligned and Markdown tables
 * (*CELL, in NUM when rewritten): a coded value by its name, a date as the
 * office writes it; CSV keeps what is stored. */
static void cell_for_people(const struct config *cfg, const struct kind *k, size_t c, char *num,
			    size_t size, const char **cell)
{
	const struct col *col = &k->cols[c];

	if (!**cell)
		return;
	if (col->type == C_DATE) {
		text_format_stored_date(*cell, text_calendar_buddhist(), num, size);
		*cell = num;
	} else if (col->type == C_ENUM && strcmp(col->name, "subject_kind") == 0) {
		*cell = aar_kind_label(*cell);
	} else if (col->type == C_ENUM) {
		*cell = vocab_value(vocab_table(k->name), col->name, *cell);
	} else if (cfg && strcmp(col->name, "template") == 0) {
		*cell = config_template_title(cfg, *cell);
	}
}

/* One pass over KIND's records in STMT (reset after): each row to OUT in
 * FORMAT, or, with MEASURE, only measured for the aligned text.  CELLS
 * and NUMS: room for a row.  Progress goes to ST.  Returns the last
 * step's code. */
static int export_pass(struct store *st, const struct config *cfg, sqlite3_stmt *stmt,
		       const struct kind *k,
		       enum transfer_format format, unsigned right, const char **cells,
		       char (*nums)[400], int *measure, const int *width, FILE *out)
{
	long long rows = 0;
	size_t c;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((++rows & 1023) == 0)
			store_progress(st, measure ? _("measuring the columns") : _("exporting"), rows, -1);
		for (c = 0; c < k->ncols; c++) {
			cell_text(stmt, (int)c, nums[c], sizeof nums[c], &cells[c]);
			if (format != FORMAT_CSV)
				cell_for_people(cfg, k, c, nums[c], sizeof nums[c], &cells[c]);
		}
		if (measure)
			table_txt_measure(cells, k->ncols, measure);
		else if (format == FORMAT_CSV)
			table_csv_row(out, cells, k->ncols);
		else if (format == FORMAT_MD)
			table_md_row(out, cells, k->ncols, right, 0);
		else
			table_txt_row(out, cells, k->ncols, width, right);
	}
	sqlite3_reset(stmt);
	return rc;
}

int transfer_export(struct store *st, const struct config *cfg, size_t kind,
		    enum transfer_format format, FILE *out, struct rm_error *err)
{
	const struct kind *k = &kinds[kind];
	const char **cells = calloc(k->ncols, sizeof *cells);
	char (*nums)[400] = calloc(k->ncols, sizeof *nums);
	const char **head = calloc(k->ncols, sizeof *head);
	int *width = calloc(k->ncols, sizeof *width);
	sqlite3_stmt *stmt = NULL;
	unsigned right = 0;
	int rc = -1, in_txn = 0;
	size_t c;

	if (!cells || !nums || !head || !width) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		goto out;
	}
	for (c = 0; c < k->ncols; c++) {
		/* CSV keeps the interchange names; the tables for people, theirs */
		head[c] = format == FORMAT_CSV ? k->cols[c].name : vocab_column(k->name, k->cols[c].name);
		if (k->cols[c].type == C_NUM || k->cols[c].type == C_YEAR || k->cols[c].type == C_INT)
			right |= 1u << c;
	}
	stmt = store_prepare(st, k->export_sql, err);
	if (!stmt)
		goto out;
	/* Rows go out as they are read, whatever their number; aligned text
	 * reads them twice (widths, then rows) in one read transaction, so
	 * both passes see the same rows. */
	if (format == FORMAT_TXT) {
		in_txn = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
		table_txt_measure(head, k->ncols, width);
		rc = export_pass(st, cfg, stmt, k, format, right, cells, nums, width, NULL, out);
		store_progress(st, NULL, 0, 0);   /* the writing pass counts anew */
		if (rc != SQLITE_DONE)
			goto failed;
		table_txt_row(out, head, k->ncols, width, right);
	} else if (format == FORMAT_MD) {
		table_md_row(out, head, k->ncols, right, 1);
	} else {
		table_csv_row(out, head, k->ncols);
	}
	rc = export_pass(st, cfg, stmt, k, format, right, cells, nums, NULL, width, out);
failed:
	store_progress(st, NULL, 0, 0);
	if (rc != SQLITE_DONE) {
		store_fail(st, err, _("cannot read the records"));
		rc = -1;
	} else {
		rc = 0;
	}
out:
	if (in_txn)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(stmt);
	free(cells);
	free(nums);
	free(head);
	free(width);
	return rc;
}

long long transfer_count(struct store *st, size_t kind, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, kinds[kind].count_sql, err);
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
