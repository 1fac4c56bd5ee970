/* schema.c - the database schema and its migrations.
 *
 * migrations[i] takes a database from user_version i to i + 1; each runs in
 * its own BEGIN IMMEDIATE transaction together with the new user_version, so
 * a crash leaves the database at one version or the next, never between.
 */
#include <stdio.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/schema.h"
#include "schema_int.h"

/* Version 1: everything of DOMAIN.md.  Records carry the codes users give
 * them; rows users give no code (indicators, follow-up actions) get a
 * random uid so that data can move between offices. */
static const char schema_v1[] =
	"CREATE TABLE office ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" short_name TEXT,"
	" level TEXT NOT NULL CHECK (level IN ('region','province','district','fund','unit')),"
	" parent_id INTEGER REFERENCES office(id) CHECK (parent_id IS NULL OR parent_id <> id));"

	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" office_id INTEGER NOT NULL REFERENCES office(id),"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" destination TEXT,"
	" fy_from INTEGER NOT NULL,"
	" fy_to INTEGER NOT NULL CHECK (fy_to >= fy_from),"
	" serves_id INTEGER REFERENCES plan(id) ON DELETE SET NULL"
	"  CHECK (serves_id IS NULL OR serves_id <> id));"
	"CREATE INDEX plan_office ON plan(office_id);"

	"CREATE TABLE objective ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL CHECK (code <> ''),"
	" level TEXT NOT NULL CHECK (level IN ('people','stakeholder','process','foundation')),"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" UNIQUE (plan_id, code));"

	"CREATE TABLE link ("
	" id INTEGER PRIMARY KEY,"
	" from_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
	" to_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
	" UNIQUE (from_id, to_id), CHECK (from_id <> to_id));"
	"CREATE INDEX link_to ON link(to_id);"
	"CREATE TRIGGER link_same_plan BEFORE INSERT ON link"
	" WHEN (SELECT plan_id FROM objective WHERE id = NEW.from_id)"
	"   IS NOT (SELECT plan_id FROM objective WHERE id = NEW.to_id)"
	" BEGIN SELECT RAISE(ABORT, 'a link joins objectives of one plan'); END;"

	"CREATE TABLE indicator ("
	" id INTEGER PRIMARY KEY,"
	" uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),"
	" objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" unit TEXT, baseline REAL, target REAL, fiscal_year INTEGER, result REAL,"
	" UNIQUE (objective_id, name, fiscal_year));"

	"CREATE TABLE slm_cell ("
	" id INTEGER PRIMARY KEY,"
	" objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
	" column_key TEXT NOT NULL CHECK (column_key <> ''),"
	" text TEXT NOT NULL,"
	" UNIQUE (objective_id, column_key));"

	"CREATE TABLE project ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" office_id INTEGER NOT NULL REFERENCES office(id),"
	" plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL,"
	" fiscal_year INTEGER NOT NULL,"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" stage TEXT NOT NULL CHECK (stage IN ('preparation','development','evaluation')),"
	" status TEXT NOT NULL CHECK (status IN ('planned','active','done','cancelled')),"
	" budget REAL CHECK (budget IS NULL OR budget >= 0),"
	" budget_source TEXT, start_date TEXT, end_date TEXT,"
	" CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date));"

	"CREATE TABLE project_objective ("
	" id INTEGER PRIMARY KEY,"
	" project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	" objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
	" UNIQUE (project_id, objective_id));"
	"CREATE INDEX project_objective_obj ON project_objective(objective_id);"
	"CREATE TRIGGER project_objective_plan BEFORE INSERT ON project_objective"
	" WHEN (SELECT plan_id FROM project WHERE id = NEW.project_id)"
	"   IS NOT (SELECT plan_id FROM objective WHERE id = NEW.objective_id)"
	" BEGIN SELECT RAISE(ABORT, 'a project serves objectives of its own plan'); END;"

	"CREATE TABLE norm_group ("
	" id INTEGER PRIMARY KEY,"
	" grouping TEXT NOT NULL CHECK (grouping <> ''),"
	" code TEXT NOT NULL CHECK (code <> ''),"
	" label TEXT NOT NULL CHECK (label <> ''),"
	" UNIQUE (grouping, code));"

	"CREATE TABLE norm_set ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL CHECK (code <> ''),"
	" office_id INTEGER NOT NULL REFERENCES office(id),"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" version INTEGER NOT NULL CHECK (version >= 1),"
	" issued TEXT, source TEXT,"
	" grouping TEXT NOT NULL,"
	" UNIQUE (code, version));"

	"CREATE TABLE norm_item ("
	" id INTEGER PRIMARY KEY,"
	" set_id INTEGER NOT NULL REFERENCES norm_set(id) ON DELETE CASCADE,"
	" group_id INTEGER NOT NULL REFERENCES norm_group(id),"
	" code TEXT NOT NULL CHECK (code <> ''),"
	" text TEXT NOT NULL CHECK (text <> ''),"
	" evidence TEXT,"
	" weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),"
	" UNIQUE (set_id, code));"
	"CREATE TRIGGER norm_item_grouping BEFORE INSERT ON norm_item"
	" WHEN (SELECT grouping FROM norm_set WHERE id = NEW.set_id)"
	"   IS NOT (SELECT grouping FROM norm_group WHERE id = NEW.group_id)"
	" BEGIN SELECT RAISE(ABORT, 'an item belongs to a group of its set''s grouping'); END;"

	"CREATE TABLE support_frame ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" label TEXT NOT NULL CHECK (label <> ''));"

	"CREATE TABLE assessment ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" set_id INTEGER NOT NULL REFERENCES norm_set(id),"
	" office_id INTEGER NOT NULL REFERENCES office(id),"
	" project_id INTEGER REFERENCES project(id) ON DELETE SET NULL,"
	" assessed_on TEXT, assessor TEXT);"

	"CREATE TABLE assessment_entry ("
	" id INTEGER PRIMARY KEY,"
	" assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	" item_id INTEGER NOT NULL REFERENCES norm_item(id) ON DELETE CASCADE,"
	" status TEXT CHECK (status IN ('met','partial','not_met','na')),"
	" note TEXT, support_needed TEXT,"
	" support_from TEXT CHECK (support_from IN ('fund','province','region','local')),"
	" support_frame_id INTEGER REFERENCES support_frame(id),"
	" UNIQUE (assessment_id, item_id));"
	"CREATE TRIGGER assessment_entry_set BEFORE INSERT ON assessment_entry"
	" WHEN (SELECT set_id FROM assessment WHERE id = NEW.assessment_id)"
	"   IS NOT (SELECT set_id FROM norm_item WHERE id = NEW.item_id)"
	" BEGIN SELECT RAISE(ABORT, 'an entry answers an item of the assessed set'); END;"

	"CREATE TABLE aar ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
	" template TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" subject_kind TEXT NOT NULL"
	"  CHECK (subject_kind IN ('plan','objective','project','assessment','event')),"
	" subject TEXT, facilitator TEXT, participants TEXT);"

	"CREATE TABLE aar_tag ("
	" id INTEGER PRIMARY KEY,"
	" aar_id INTEGER NOT NULL REFERENCES aar(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL CHECK (tag <> ''),"
	" UNIQUE (aar_id, tag));"

	"CREATE TABLE aar_section ("
	" id INTEGER PRIMARY KEY,"
	" aar_id INTEGER NOT NULL REFERENCES aar(id) ON DELETE CASCADE,"
	" section TEXT NOT NULL CHECK (section <> ''),"
	" text TEXT NOT NULL,"
	" UNIQUE (aar_id, section));"

	"CREATE TABLE aar_action ("
	" id INTEGER PRIMARY KEY,"
	" uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),"
	" aar_id INTEGER NOT NULL REFERENCES aar(id) ON DELETE CASCADE,"
	" action TEXT NOT NULL CHECK (action <> ''),"
	" owner TEXT, due TEXT,"
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')));"

	/* Who changed what, when: one row per inserted, changed or deleted
	 * record, the row before and after as JSON objects. */
	"CREATE TABLE change_log ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" who TEXT NOT NULL,"
	" tbl TEXT NOT NULL,"
	" row_id INTEGER NOT NULL,"
	" op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),"
	" old TEXT, new TEXT);"
	"CREATE INDEX change_log_row ON change_log(tbl, row_id);"

	/* Full-text search: one document per searchable record, indexed by
	 * an external-content FTS5 table kept in step by triggers (trigrams
	 * here; pairs of code points from version 6). */
	"CREATE TABLE search_doc ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL,"
	" src INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" UNIQUE (kind, src));"
	"CREATE VIRTUAL TABLE search_fts USING fts5("
	" text, content='search_doc', content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN"
	" INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text); END;"
	"CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN"
	" INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text); END;"
	"CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN"
	" INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);"
	" INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text); END;";

/* The searchable records: table, kind name, and the text expression over
 * the row (written with the prefix R. for NEW or OLD). */
static const struct searchable {
	const char *table;
	const char *text;
} searchables[] = {
	{ "plan",             "R.title || ' ' || coalesce(R.destination, '')" },
	{ "objective",        "R.title" },
	{ "indicator",        "R.name" },
	{ "project",          "R.title" },
	{ "norm_set",         "R.title || ' ' || coalesce(R.source, '')" },
	{ "norm_item",        "R.text || ' ' || coalesce(R.evidence, '')" },
	/* (schema 9: the note alone, and support_request, in schema_v9.c) */
	{ "assessment_entry", "coalesce(R.note, '') || ' ' || coalesce(R.support_needed, '')" },
	{ "aar",              "R.title || ' ' || coalesce(R.facilitator, '') || ' ' || coalesce(R.participants, '')" },
	{ "aar_section",      "R.text" },
	{ "aar_action",       "R.action" },
};

/* The tables whose every change goes into change_log. */
static const char *const audited[] = {
	"office", "plan", "objective", "link", "indicator", "slm_cell", "project",
	"project_objective", "norm_group", "norm_set", "norm_item", "support_frame",
	"assessment", "assessment_entry", "aar", "aar_tag", "aar_section", "aar_action",
};

/* Append TEXT with every "R." replaced by PREFIX ("NEW." or "OLD."). */
static void add_with_prefix(struct buf *b, const char *text, const char *prefix)
{
	const char *p;

	while ((p = strstr(text, "R.")) != NULL) {
		buf_add(b, text, (size_t)(p - text));
		buf_puts(b, prefix);
		text = p + 2;
	}
	buf_puts(b, text);
}

/* Triggers that keep search_doc in step with one searchable table. */
static void add_search_triggers(struct buf *b, const struct searchable *s)
{
	buf_printf(b, "CREATE TRIGGER search_%s_ai AFTER INSERT ON %s BEGIN"
		   " INSERT INTO search_doc(kind, src, text) VALUES ('%s', NEW.id, ",
		   s->table, s->table, s->table);
	add_with_prefix(b, s->text, "NEW.");
	buf_puts(b, "); END;");
	buf_printf(b, "CREATE TRIGGER search_%s_au AFTER UPDATE ON %s BEGIN"
		   " UPDATE search_doc SET text = ", s->table, s->table);
	add_with_prefix(b, s->text, "NEW.");
	buf_printf(b, " WHERE kind = '%s' AND src = NEW.id; END;", s->table);
	buf_printf(b, "CREATE TRIGGER search_%s_ad AFTER DELETE ON %s BEGIN"
		   " DELETE FROM search_doc WHERE kind = '%s' AND src = OLD.id; END;",
		   s->table, s->table, s->table);
}

/* The update trigger of S that rewrites its document only when its text
 * changed (from schema 3 on). */
static void add_search_update(struct buf *b, const struct searchable *t)
{
	buf_printf(b, "CREATE TRIGGER search_%s_au AFTER UPDATE ON %s WHEN (", t->table, t->table);
	add_with_prefix(b, t->text, "OLD.");
	buf_puts(b, ") IS NOT (");
	add_with_prefix(b, t->text, "NEW.");
	buf_puts(b, ") BEGIN UPDATE search_doc SET text = ");
	add_with_prefix(b, t->text, "NEW.");
	buf_printf(b, " WHERE kind = '%s' AND src = NEW.id; END;", t->table);
}

void schema_add_search_triggers(struct buf *b, const char *table, const char *text)
{
	const struct searchable s = { table, text };

	add_search_triggers(b, &s);
	buf_printf(b, "DROP TRIGGER search_%s_au;", table);
	add_search_update(b, &s);
}

/* The json_object(...) of all columns of TABLE, read from ROW ("NEW"/"OLD"). */
static int add_row_json(struct buf *b, sqlite3 *db, const char *table, const char *row)
{
	sqlite3_stmt *stmt;
	int first = 1;

	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
			       -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	buf_puts(b, "json_object(");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(stmt, 0);

		buf_printf(b, "%s'%s', %s.\"%s\"", first ? "" : ", ", col, row, col);
		first = 0;
	}
	buf_puts(b, ")");
	return sqlite3_finalize(stmt) == SQLITE_OK && !first ? 0 : -1;
}

int schema_add_audit_triggers(struct buf *b, sqlite3 *db, const char *table)
{
	static const char stamp[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), rm_user()";
	int rc = 0;

	buf_printf(b, "CREATE TRIGGER log_%s_ai AFTER INSERT ON %s BEGIN"
		   " INSERT INTO change_log(at, who, tbl, row_id, op, new) VALUES (%s, '%s', NEW.id, 'insert', ",
		   table, table, stamp, table);
	rc |= add_row_json(b, db, table, "NEW");
	buf_puts(b, "); END;");
	buf_printf(b, "CREATE TRIGGER log_%s_au AFTER UPDATE ON %s BEGIN"
		   " INSERT INTO change_log(at, who, tbl, row_id, op, old, new) VALUES (%s, '%s', NEW.id, 'update', ",
		   table, table, stamp, table);
	rc |= add_row_json(b, db, table, "OLD");
	buf_puts(b, ", ");
	rc |= add_row_json(b, db, table, "NEW");
	buf_puts(b, "); END;");
	buf_printf(b, "CREATE TRIGGER log_%s_ad AFTER DELETE ON %s BEGIN"
		   " INSERT INTO change_log(at, who, tbl, row_id, op, old) VALUES (%s, '%s', OLD.id, 'delete', ",
		   table, table, stamp, table);
	rc |= add_row_json(b, db, table, "OLD");
	buf_puts(b, "); END;");
	return rc;
}

/* Migration 0 -> 1.  The trigger text is derived from the tables just
 * created, so it always lists every column. */
static int migrate_v1(sqlite3 *db, char **errmsg)
{
	struct buf b = { 0 };
	size_t i;
	int rc;

	rc = sqlite3_exec(db, schema_v1, NULL, NULL, errmsg);
	if (rc != SQLITE_OK)
		return rc;
	for (i = 0; i < sizeof searchables / sizeof searchables[0]; i++)
		add_search_triggers(&b, &searchables[i]);
	for (i = 0; i < sizeof audited / sizeof audited[0]; i++)
		if (schema_add_audit_triggers(&b, db, audited[i]) < 0) {
			buf_free(&b);
			return SQLITE_ERROR;
		}
	if (b.oom) {
		buf_free(&b);
		return SQLITE_NOMEM;
	}
	rc = sqlite3_exec(db, b.s, NULL, NULL, errmsg);
	buf_free(&b);
	return rc;
}

/* Migration 1 -> 2: the search index can be fed once per import instead
 * of once per row.  While search_defer holds a row (only ever inside the
 * importing transaction, so no other connection sees it), documents
 * added after its watermark are not indexed by the triggers;
 * schema_search_feed indexes them all in one statement at the end.
 * Before this, FTS5 flushed its pending terms at the statement savepoint
 * of every inserted row. */
static int migrate_v2(sqlite3 *db, char **errmsg)
{
	static const char sql[] =
		"CREATE TABLE search_defer (after INTEGER NOT NULL);"
		"DROP TRIGGER search_doc_ai;"
		"DROP TRIGGER search_doc_ad;"
		"DROP TRIGGER search_doc_au;"
		"CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc"
		" WHEN NOT EXISTS (SELECT 1 FROM search_defer) BEGIN"
		" INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text); END;"
		"CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc"
		" WHEN NOT EXISTS (SELECT 1 FROM search_defer WHERE OLD.id > after) BEGIN"
		" INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text); END;"
		"CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc"
		" WHEN NOT EXISTS (SELECT 1 FROM search_defer WHERE OLD.id > after) BEGIN"
		" INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);"
		" INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text); END;";

	return sqlite3_exec(db, sql, NULL, NULL, errmsg);
}

/* Migration 2 -> 3: indexes for every query a key runs, so that no key
 * costs more as the database grows: the child side of each reference
 * (the lists by office, plan and set, the follow-ups of a record, what a
 * delete cascades to), and the history of an assessment or an AAR, which
 * reads its parts' change-log rows by the owner in their JSON.  A
 * searchable record's document is rewritten only when its text changed
 * (a status key used to rewrite the entry's search index). */
static int migrate_v3(sqlite3 *db, char **errmsg)
{
	static const char indexes[] =
		"CREATE INDEX office_parent ON office(parent_id);"
		"CREATE INDEX plan_serves ON plan(serves_id);"
		"CREATE INDEX project_plan ON project(plan_id);"
		"CREATE INDEX project_office ON project(office_id);"
		"CREATE INDEX norm_set_office ON norm_set(office_id);"
		"CREATE INDEX norm_item_group ON norm_item(group_id);"
		"CREATE INDEX assessment_set ON assessment(set_id);"
		"CREATE INDEX assessment_office ON assessment(office_id);"
		"CREATE INDEX assessment_project ON assessment(project_id);"
		"CREATE INDEX assessment_entry_item ON assessment_entry(item_id);"
		"CREATE INDEX assessment_entry_frame ON assessment_entry(support_frame_id);"
		"CREATE INDEX aar_subject ON aar(subject_kind, subject);"
		"CREATE INDEX aar_action_aar ON aar_action(aar_id);"
		"CREATE INDEX change_log_entry_of ON change_log("
		" json_extract(coalesce(new, old), '$.assessment_id'))"
		" WHERE tbl = 'assessment_entry';"
		"CREATE INDEX change_log_aar_part_of ON change_log("
		" json_extract(coalesce(new, old), '$.aar_id'))"
		" WHERE tbl IN ('aar_section', 'aar_action', 'aar_tag');";
	struct buf b = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < sizeof searchables / sizeof searchables[0]; i++) {
		buf_printf(&b, "DROP TRIGGER search_%s_au;", searchables[i].table);
		add_search_update(&b, &searchables[i]);
	}
	if (b.oom) {
		buf_free(&b);
		return SQLITE_NOMEM;
	}
	rc = sqlite3_exec(db, indexes, NULL, NULL, errmsg);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, b.s, NULL, NULL, errmsg);
	buf_free(&b);
	return rc;
}

/* The tally's sums over rows of weights W (millionths) and statuses S:
 * weight, answered, n/a, met and partial, in that order. */
#define TALLY_SUMS(w, s)                                                            \
	"total(" w "), count(" s "), total(CASE " s " WHEN 'na' THEN " w " END),"      \
	" total(CASE " s " WHEN 'met' THEN " w " END),"                               \
	" total(CASE " s " WHEN 'partial' THEN " w " END)"

/* One entry's part in its assessment's tally, as an UPDATE of
 * assessment_tally: SIGN is "+" or "-", R is "NEW" or "OLD".  The item's
 * weight is read once (none when the item is being deleted: its set is
 * counted again afterwards). */
#define TALLY_ENTRY(sign, R)                                                        \
	" UPDATE assessment_tally SET"                                              \
	" answered = answered " sign " (" R ".status IS NOT NULL),"                 \
	" na_w = na_w " sign " (" R ".status IS 'na') * x.w,"                       \
	" met_w = met_w " sign " (" R ".status IS 'met') * x.w,"                    \
	" partial_w = partial_w " sign " (" R ".status IS 'partial') * x.w"         \
	" FROM (SELECT coalesce((SELECT " TALLY_WEIGHT("norm_item")                   \
	"  FROM norm_item WHERE id = " R ".item_id), 0) AS w) AS x"                 \
	" WHERE assessment_id = " R ".assessment_id;"

/* The tallies of the assessments WHERE picks, from their items and
 * entries afresh. */
#define TALLY_RECOUNT_WHERE(where)                                                  \
	"UPDATE assessment_tally SET (items, weight_w, answered, na_w, met_w, partial_w) =" \
	" (SELECT count(*), " TALLY_SUMS("w", "status")                              \
	"  FROM (SELECT " TALLY_WEIGHT("i") " AS w, e.status"                         \
	"   FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"              \
	"   LEFT JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id" \
	"   WHERE a.id = assessment_tally.assessment_id))"                          \
	" WHERE " where ";"

/* Every assessment's tally of the norm set SET afresh. */
#define TALLY_RECOUNT(set) \
	TALLY_RECOUNT_WHERE("assessment_id IN (SELECT id FROM assessment WHERE set_id = " set ")")

/* Migration 3 -> 4: each assessment's coverage kept as its entries
 * change, so the list of assessments reads one row per assessment
 * instead of summing every entry of the database. */
static int migrate_v4(sqlite3 *db, char **errmsg)
{
	static const char sql[] =
		"CREATE TABLE assessment_tally ("
		" assessment_id INTEGER PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,"
		" items INTEGER NOT NULL DEFAULT 0,"      /* items of its norm set */
		" weight_w REAL NOT NULL DEFAULT 0,"      /* their weight, in millionths */
		" answered INTEGER NOT NULL DEFAULT 0,"   /* entries with a status */
		" na_w REAL NOT NULL DEFAULT 0,"          /* weight answered n/a, */
		" met_w REAL NOT NULL DEFAULT 0,"         /* met */
		" partial_w REAL NOT NULL DEFAULT 0);"    /* and partial */
		"CREATE TRIGGER tally_assessment_ai AFTER INSERT ON assessment BEGIN"
		" INSERT INTO assessment_tally(assessment_id, items, weight_w)"
		" SELECT NEW.id, count(*), total(" TALLY_WEIGHT("norm_item") ")"
		" FROM norm_item WHERE set_id = NEW.set_id; END;"
		"CREATE TRIGGER tally_assessment_au AFTER UPDATE OF set_id ON assessment"
		" WHEN OLD.set_id IS NOT NEW.set_id BEGIN "
		TALLY_RECOUNT_WHERE("assessment_id = NEW.id") " END;"
		"CREATE TRIGGER tally_entry_ai AFTER INSERT ON assessment_entry"
		" WHEN NEW.status IS NOT NULL BEGIN" TALLY_ENTRY("+", "NEW") " END;"
		"CREATE TRIGGER tally_entry_au AFTER UPDATE OF assessment_id, item_id, status"
		" ON assessment_entry BEGIN" TALLY_ENTRY("-", "OLD") TALLY_ENTRY("+", "NEW") " END;"
		"CREATE TRIGGER tally_entry_ad AFTER DELETE ON assessment_entry"
		" WHEN OLD.status IS NOT NULL BEGIN" TALLY_ENTRY("-", "OLD") " END;"
		/* the items of a set change rarely, and then every assessment of
		 * the set is counted again (after the entries a deleted item took
		 * with it) */
		"CREATE TRIGGER tally_item_ai AFTER INSERT ON norm_item BEGIN "
		TALLY_RECOUNT("NEW.set_id") " END;"
		"CREATE TRIGGER tally_item_au AFTER UPDATE OF weight, set_id ON norm_item BEGIN "
		TALLY_RECOUNT("OLD.set_id") " " TALLY_RECOUNT("NEW.set_id") " END;"
		"CREATE TRIGGER tally_item_ad AFTER DELETE ON norm_item BEGIN "
		TALLY_RECOUNT("OLD.set_id") " END;"
		/* the assessments there are now */
		"INSERT INTO assessment_tally(assessment_id) SELECT id FROM assessment;"
		TALLY_RECOUNT_WHERE("1");

	return sqlite3_exec(db, sql, NULL, NULL, errmsg);
}

/* Migration 4 -> 5: the list screens read a page at a time, each page
 * continuing from the last row's key, so every order they offer is kept
 * by an index: units and plans in Thai order (THAI, as every writer
 * registers it), norm sets newest version first, days newest first.  The
 * assessments' indexes by unit and by set take the place of the plain
 * ones on the same column. */
static int migrate_v5(sqlite3 *db, char **errmsg)
{
	static const char sql[] =
		"CREATE INDEX office_by_name"
		" ON office(coalesce(short_name, name) COLLATE THAI, code);"
		"CREATE UNIQUE INDEX norm_set_newest ON norm_set(code, version DESC);"
		"DROP INDEX assessment_office;"
		"CREATE INDEX assessment_by_unit ON assessment(office_id, code COLLATE THAI);"
		"DROP INDEX assessment_set;"
		"CREATE INDEX assessment_by_set ON assessment(set_id, code COLLATE THAI);"
		"CREATE INDEX assessment_by_day"
		" ON assessment(coalesce(assessed_on, '') DESC, code COLLATE THAI);"
		"CREATE INDEX aar_by_day ON aar(date DESC, title COLLATE THAI, code);"
		"CREATE INDEX plan_by_title ON plan(title COLLATE THAI, code);";

	return sqlite3_exec(db, sql, NULL, NULL, errmsg);
}

/* Migration 5 -> 6: the search index by pairs of code points (bigram.c)
 * in place of trigrams, so that a two-letter Thai word is found through
 * the index instead of a scan of every text. */
static int migrate_v6(sqlite3 *db, char **errmsg)
{
	static const char sql[] =
		"DROP TABLE search_fts;"
		"CREATE VIRTUAL TABLE search_fts USING fts5("
		" text, content='search_doc', content_rowid='id', tokenize='rm_bigram');"
		"INSERT INTO search_fts(search_fts) VALUES ('rebuild');";

	return sqlite3_exec(db, sql, NULL, NULL, errmsg);
}

/* An assessment's share of its applicable weight that is met (partial
 * answers counting the office's partial weight, kept in coverage_weight),
 * from its tally T; NULL when nothing applies. */
#define TALLY_SHARE(t)                                                              \
	"CASE WHEN " t ".weight_w > " t ".na_w THEN (" t ".met_w + " t ".partial_w"   \
	" * (SELECT partial FROM coverage_weight)) / (" t ".weight_w - " t ".na_w) END"

/* Migration 6 -> 7: each tally keeps its share too, under an index, so
 * that the checklists sorted by coverage read a page through the index
 * instead of sorting every assessment for each page.  The share counts a
 * partial answer by the partial weight in coverage_weight, which a
 * writer sets to its INI's (schema_coverage_weight). */
static int migrate_v7(sqlite3 *db, char **errmsg)
{
	static const char sql[] =
		"CREATE TABLE coverage_weight (partial REAL NOT NULL);"
		"INSERT INTO coverage_weight VALUES (0.5);"
		"ALTER TABLE assessment_tally ADD COLUMN share REAL;"
		"CREATE TRIGGER tally_share_ai AFTER INSERT ON assessment_tally BEGIN"
		" UPDATE assessment_tally SET share = " TALLY_SHARE("NEW")
		" WHERE assessment_id = NEW.assessment_id; END;"
		"CREATE TRIGGER tally_share_au AFTER UPDATE OF weight_w, na_w, met_w, partial_w"
		" ON assessment_tally BEGIN"
		" UPDATE assessment_tally SET share = " TALLY_SHARE("NEW")
		" WHERE assessment_id = NEW.assessment_id; END;"
		"UPDATE assessment_tally SET share = " TALLY_SHARE("assessment_tally") ";"
		"CREATE INDEX tally_by_share"
		" ON assessment_tally(coalesce(share, -1) DESC, assessment_id);";

	return sqlite3_exec(db, sql, NULL, NULL, errmsg);
}

int schema_coverage_weight(sqlite3 *db, double partial, int may_write)
{
	sqlite3_stmt *stmt;
	int same = 0, rc;

	if (sqlite3_prepare_v2(db, "SELECT partial = ?1 FROM coverage_weight", -1, &stmt,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_double(stmt, 1, partial);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		same = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	if (same || !may_write)
		return same;
	if (sqlite3_prepare_v2(db, "UPDATE coverage_weight SET partial = ?1", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_double(stmt, 1, partial);
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE &&
	    sqlite3_exec(db, "UPDATE assessment_tally SET share = " TALLY_SHARE("assessment_tally")
			 "; COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 1;
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int schema_add_columns(sqlite3 *db, const struct schema_column *cols, size_t n, char **errmsg)
{
	size_t i;
	int rc = SQLITE_OK;

	for (i = 0; rc == SQLITE_OK && i < n; i++) {
		int has = schema_has_column(db, cols[i].table, cols[i].column);

		if (has < 0)
			return SQLITE_ERROR;
		if (!has)
			rc = sqlite3_exec(db, cols[i].sql, NULL, NULL, errmsg);
	}
	return rc;
}

int schema_remake_audit_triggers(struct buf *b, sqlite3 *db, const char *const *tables,
				 size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf_printf(b, "DROP TRIGGER IF EXISTS log_%s_ai; DROP TRIGGER IF EXISTS log_%s_au;"
			   " DROP TRIGGER IF EXISTS log_%s_ad;", tables[i], tables[i], tables[i]);
		if (schema_add_audit_triggers(b, db, tables[i]) < 0)
			return -1;
	}
	return 0;
}

int schema_exec_buf(sqlite3 *db, struct buf *b, char **errmsg)
{
	int rc = b->oom ? SQLITE_NOMEM : sqlite3_exec(db, b->s ? b->s : "", NULL, NULL, errmsg);

	buf_free(b);
	return rc;
}

int schema_has_column(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2",
			       -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, column, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Migration 7 -> 8: people order the boxes of a band on the route map
 * and the items of a norm set's group, so objectives and norm items keep
 * a position.  NULL (every row before, and a row imported without one)
 * sorts by its id, as before: readers order by coalesce(position, id), id.
 * The change-log triggers of both tables are made again so that their
 * JSON holds the new column. */
static int migrate_v8(sqlite3 *db, char **errmsg)
{
	static const char *const tables[] = { "objective", "norm_item" };
	struct buf b = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		/* (a database taken back to an older version by hand for a
		 * test of an older step keeps the column) */
		int has = schema_has_column(db, tables[i], "position");
		char sql[200];

		if (has < 0)
			return SQLITE_ERROR;
		if (has)
			continue;
		/* (a name from the table above: DDL takes no parameters) */
		snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN position INTEGER", tables[i]);
		rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
		if (rc != SQLITE_OK)
			return rc;
	}
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		buf_printf(&b, "DROP TRIGGER log_%s_ai; DROP TRIGGER log_%s_au;"
			   " DROP TRIGGER log_%s_ad;", tables[i], tables[i], tables[i]);
		if (schema_add_audit_triggers(&b, db, tables[i]) < 0) {
			buf_free(&b);
			return SQLITE_ERROR;
		}
	}
	if (b.oom) {
		buf_free(&b);
		return SQLITE_NOMEM;
	}
	rc = sqlite3_exec(db, b.s, NULL, NULL, errmsg);
	buf_free(&b);
	return rc;
}

static int (*const migrations[])(sqlite3 *, char **) = {
	migrate_v1,
	migrate_v2,
	migrate_v3,
	migrate_v4,
	migrate_v5,
	migrate_v6,
	migrate_v7,
	migrate_v8,
	schema_migrate_v9,
	schema_migrate_v10,
};

/* The codes of the assessments whose kept tally (or the lack of one)
 * differs from a count made afresh from their items and entries (levels
 * counted as schema 9 counts them, schema_int.h). */
const char schema_tally_check_sql[] =
	"WITH c(aid, items, weight, answered, na, met, part) AS ("
	" SELECT a.id, count(i.id), " TALLY_SUMS9(TALLY_WEIGHT("i"), "e")
	" FROM assessment a LEFT JOIN norm_item i ON i.set_id = a.set_id"
	" LEFT JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id"
	" GROUP BY a.id)"
	" SELECT a.code FROM assessment a LEFT JOIN assessment_tally t ON t.assessment_id = a.id"
	" LEFT JOIN c ON c.aid = a.id"
	/* exact for any weight a norm set uses (whole millionths in a
	 * double); within a billionth for weights past 2^53 of them */
	" WHERE t.assessment_id IS NULL OR t.items IS NOT c.items OR t.answered IS NOT c.answered"
	"  OR abs(t.weight_w - c.weight) > 1e-9 * max(abs(c.weight), 1)"
	"  OR abs(t.na_w - c.na) > 1e-9 * max(abs(c.na), 1)"
	"  OR abs(t.met_w - c.met) > 1e-9 * max(abs(c.met), 1)"
	"  OR abs(t.partial_w - c.part) > 1e-9 * max(abs(c.part), 1)"
	"  OR abs(coalesce(t.share, -1) - coalesce(" TALLY_SHARE("t") ", -1)) > 1e-9"
" ORDER BY a.code";

int schema_search_defer(sqlite3 *db)
{
	return sqlite3_exec(db, "DELETE FROM search_defer;"
			    "INSERT INTO search_defer(after)"
			    " SELECT coalesce(max(id), 0) FROM search_doc",
			    NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int schema_search_feed(sqlite3 *db)
{
	return sqlite3_exec(db, "INSERT INTO search_fts(rowid, text)"
			    " SELECT id, text FROM search_doc"
			    "  WHERE id > (SELECT after FROM search_defer);"
			    "DELETE FROM search_defer",
			    NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int schema_migrate_step(sqlite3 *db, int from, char **errmsg)
{
	if (from < 0 || from >= schema_latest())
		return SQLITE_MISUSE;
	return migrations[from](db, errmsg);
}
