/* schema_v9.c - migration 8 -> 9: the support cycle and the norms that
 * learn (DOMAIN.md §4).
 *
 * - support_request: what a unit asked for one checklist item, from whom
 *   and under which frame, and the answer of the office asked.  An item may
 *   carry several.  The request is with coalesce(referred_to, source): the
 *   source first asked, or the one it was last referred to.  The entry's
 *   old columns (support_needed, support_from, support_frame_id) are
 *   copied into one request each and dropped; a search finds a request
 *   by what is needed, what will be given and the answer's note.
 * - norm_set.scale: 'status' (met / partial / not met / n.a.) or 'levels'
 *   (PMQA's Basic 1 / Advance 2 / Significance 3, 0 for none), and
 *   assessment_entry.level for the latter.
 * - norm_proposal: a proposed change of a norm set (add, change or remove
 *   an item), from a workshop or an AAR, accepted or rejected by the
 *   issuing office, and the version that took it in. */
#include <stdio.h>

#include "routemap/buf.h"
#include "routemap/support.h"
#include "schema_int.h"

/* The sources a unit asks support from (as assessment_entry.support_from
 * was, which this migration retires). */
#define SUPPORT_SOURCES "('fund','province','region','local')"

static const char v9_sql[] =
	"CREATE TABLE IF NOT EXISTS support_request ("
	" id INTEGER PRIMARY KEY,"
	" uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),"
	" entry_id INTEGER NOT NULL REFERENCES assessment_entry(id) ON DELETE CASCADE,"
	" needed TEXT NOT NULL CHECK (needed <> ''),"          /* what is asked */
	" source TEXT CHECK (source IN " SUPPORT_SOURCES "),"  /* asked from */
	" frame_id INTEGER REFERENCES support_frame(id),"      /* the frame asked under */
	" amount REAL CHECK (amount IS NULL OR amount >= 0),"  /* baht asked */
	" status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN"
	"  ('requested','agreed','partly_agreed','declined','referred')),"
	" referred_to TEXT CHECK (referred_to IN " SUPPORT_SOURCES "),"
	" given TEXT,"                                          /* what will be given */
	" amount_agreed REAL CHECK (amount_agreed IS NULL OR amount_agreed >= 0),"
	" filed_frame_id INTEGER REFERENCES support_frame(id)," /* filed under */
	" answer_note TEXT,"
	" answered_by TEXT, answered_on TEXT);"
	"CREATE INDEX IF NOT EXISTS support_request_entry ON support_request(entry_id);"
	/* the requests with one source, by status: the fund's screen */
	"CREATE INDEX IF NOT EXISTS support_request_with"
	" ON support_request(coalesce(referred_to, source), status);"
	"CREATE INDEX IF NOT EXISTS support_request_frame ON support_request(frame_id);"
	"CREATE INDEX IF NOT EXISTS support_request_filed ON support_request(filed_frame_id);"
	/* an item's history holds its requests' changes */
	"CREATE INDEX IF NOT EXISTS change_log_request_of ON change_log("
	" json_extract(coalesce(new, old), '$.entry_id'))"
	" WHERE tbl = 'support_request';"
	/* what the checklists asked before: one request per entry; a source
	 * or frame given without what is needed (schema 8 allowed it) asks
	 * for SUPPORT_UNSTATED */
	"INSERT INTO support_request(entry_id, needed, source, frame_id)"
	" SELECT id, coalesce(nullif(support_needed, ''), '" SUPPORT_UNSTATED "'), support_from,"
	"  support_frame_id FROM assessment_entry"
	" WHERE (coalesce(support_needed, '') <> '' OR support_from IS NOT NULL"
	"   OR support_frame_id IS NOT NULL)"
	"  AND NOT EXISTS (SELECT 1 FROM support_request) ORDER BY id;"

	"CREATE TABLE IF NOT EXISTS norm_proposal ("
	" id INTEGER PRIMARY KEY,"
	" uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),"
	/* the version it was proposed against: it gathers on the set's code */
	" set_id INTEGER NOT NULL REFERENCES norm_set(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL CHECK (kind IN ('add','change','remove')),"
	" item_code TEXT,"     /* the item changed or removed; a new one's code */
	" group_code TEXT,"    /* its group, of the set's grouping */
	" text TEXT, evidence TEXT,"
	" weight REAL CHECK (weight IS NULL OR weight >= 0),"
	" reason TEXT,"
	/* where it came from: an AAR's section or follow-up action, the
	 * comparison of successful units, or a person */
	" origin_kind TEXT CHECK (origin_kind IN ('aar','aar_action','success','person')),"
	" origin TEXT,"        /* the AAR code (and section), an action's uid */
	" proposed_by TEXT, proposed_on TEXT,"
	" status TEXT NOT NULL DEFAULT 'proposed'"
	"  CHECK (status IN ('proposed','accepted','rejected','applied')),"
	" decided_by TEXT, decided_on TEXT, decision_note TEXT,"
	/* the version made from it */
	" applied_set_id INTEGER REFERENCES norm_set(id) ON DELETE SET NULL,"
	" CHECK (kind = 'add' OR item_code IS NOT NULL),"
	" CHECK (kind = 'remove' OR coalesce(text, '') <> ''));"
	"CREATE INDEX IF NOT EXISTS norm_proposal_set ON norm_proposal(set_id, status);"
	"CREATE INDEX IF NOT EXISTS norm_proposal_applied ON norm_proposal(applied_set_id);";

/* One entry's part in its assessment's tally, as an UPDATE of
 * assessment_tally: SIGN is "+" or "-", R is "NEW" or "OLD"; a level
 * counted as schema_int.h says.  The item's weight is read once (none
 * when the item is being deleted: its set is counted again afterwards). */
#define TALLY_ENTRY9(sign, R)                                                       \
	" UPDATE assessment_tally SET"                                              \
	" answered = answered " sign " " TALLY_ANSWERED(R) ","                      \
	" na_w = na_w " sign " " TALLY_IS_NA(R) " * x.w,"                           \
	" met_w = met_w " sign " " TALLY_MET_PART(R) " * x.w,"                      \
	" partial_w = partial_w " sign " " TALLY_IS_PARTIAL(R) " * x.w"             \
	" FROM (SELECT coalesce((SELECT " TALLY_WEIGHT("norm_item")                   \
	"  FROM norm_item WHERE id = " R ".item_id), 0) AS w) AS x"                 \
	" WHERE assessment_id = " R ".assessment_id;"

/* The tallies of the assessments WHERE picks, afresh. */
#define TALLY_RECOUNT9_WHERE(where)                                                 \
	"UPDATE assessment_tally SET (items, weight_w, answered, na_w, met_w, partial_w) =" \
	" (SELECT count(*), " TALLY_SUMS9("w", "e")                                  \
	"  FROM (SELECT " TALLY_WEIGHT("i") " AS w, e.status, e.level"                \
	"   FROM assessment a JOIN norm_item i ON i.set_id = a.set_id"              \
	"   LEFT JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id" \
	"   WHERE a.id = assessment_tally.assessment_id) AS e)"                     \
	" WHERE " where ";"
#define TALLY_RECOUNT9(set) \
	TALLY_RECOUNT9_WHERE("assessment_id IN (SELECT id FROM assessment WHERE set_id = " set ")")

/* The tally's triggers of schema 4 made again to count levels: an entry
 * answered with a level (a PMQA set) counts level / 3 of its weight as
 * met. */
static const char v9_tally_sql[] =
	"DROP TRIGGER IF EXISTS tally_assessment_au; DROP TRIGGER IF EXISTS tally_entry_ai;"
	"DROP TRIGGER IF EXISTS tally_entry_au; DROP TRIGGER IF EXISTS tally_entry_ad;"
	"DROP TRIGGER IF EXISTS tally_item_ai; DROP TRIGGER IF EXISTS tally_item_au;"
	"DROP TRIGGER IF EXISTS tally_item_ad;"
	"CREATE TRIGGER tally_assessment_au AFTER UPDATE OF set_id ON assessment"
	" WHEN OLD.set_id IS NOT NEW.set_id BEGIN "
	TALLY_RECOUNT9_WHERE("assessment_id = NEW.id") " END;"
	"CREATE TRIGGER tally_entry_ai AFTER INSERT ON assessment_entry"
	" WHEN " TALLY_ANSWERED("NEW") " BEGIN" TALLY_ENTRY9("+", "NEW") " END;"
	"CREATE TRIGGER tally_entry_au AFTER UPDATE OF assessment_id, item_id, status, level"
	" ON assessment_entry BEGIN" TALLY_ENTRY9("-", "OLD") TALLY_ENTRY9("+", "NEW") " END;"
	"CREATE TRIGGER tally_entry_ad AFTER DELETE ON assessment_entry"
	" WHEN " TALLY_ANSWERED("OLD") " BEGIN" TALLY_ENTRY9("-", "OLD") " END;"
	"CREATE TRIGGER tally_item_ai AFTER INSERT ON norm_item BEGIN "
	TALLY_RECOUNT9("NEW.set_id") " END;"
	"CREATE TRIGGER tally_item_au AFTER UPDATE OF weight, set_id ON norm_item BEGIN "
	TALLY_RECOUNT9("OLD.set_id") " " TALLY_RECOUNT9("NEW.set_id") " END;"
	"CREATE TRIGGER tally_item_ad AFTER DELETE ON norm_item BEGIN "
	TALLY_RECOUNT9("OLD.set_id") " END;"
	/* (a database taken back by hand to an older schema keeps its
	 * levels: the older steps counted them as unanswered) */
	TALLY_RECOUNT9_WHERE("1");

/* The columns added to tables there were: table, column, its definition. */
static const struct schema_column v9_columns[] = {
	{ "norm_set", "scale", "ALTER TABLE norm_set ADD COLUMN scale TEXT NOT NULL DEFAULT 'status'"
	  " CHECK (scale IN ('status','levels'))" },
	{ "assessment_entry", "level", "ALTER TABLE assessment_entry ADD COLUMN level INTEGER"
	  " CHECK (level IS NULL OR level BETWEEN 0 AND 3)" },
};

/* The entry's old support columns, now support_request's (one truth):
 * what names them goes first (its search and change-log triggers, the
 * frame's index), then the columns; the triggers are made again below. */
static const char v9_retire_sql[] =
	"DROP TRIGGER IF EXISTS search_assessment_entry_ai;"
	"DROP TRIGGER IF EXISTS search_assessment_entry_au;"
	"DROP TRIGGER IF EXISTS search_assessment_entry_ad;"
	"DROP TRIGGER IF EXISTS log_assessment_entry_ai;"
	"DROP TRIGGER IF EXISTS log_assessment_entry_au;"
	"DROP TRIGGER IF EXISTS log_assessment_entry_ad;"
	"DROP INDEX IF EXISTS assessment_entry_frame;"
	"DROP TRIGGER IF EXISTS search_support_request_ai;"
	"DROP TRIGGER IF EXISTS search_support_request_au;"
	"DROP TRIGGER IF EXISTS search_support_request_ad;";

static const char *const v9_retired[] = { "support_needed", "support_from", "support_frame_id" };

/* What a search finds of an entry and of a request (R.: the row). */
#define ENTRY_TEXT "coalesce(R.note, '')"
#define REQUEST_TEXT "R.needed || ' ' || coalesce(R.given, '') || ' ' || coalesce(R.answer_note, '')"

/* The entries' documents without the old column, the requests' made. */
static const char v9_search_sql[] =
	"UPDATE search_doc SET text = coalesce((SELECT note FROM assessment_entry"
	" WHERE id = search_doc.src), '') WHERE kind = 'assessment_entry';"
	"INSERT INTO search_doc(kind, src, text) SELECT 'support_request', r.id,"
	" r.needed || ' ' || coalesce(r.given, '') || ' ' || coalesce(r.answer_note, '')"
	" FROM support_request r WHERE NOT EXISTS (SELECT 1 FROM search_doc"
	"  WHERE kind = 'support_request' AND src = r.id) ORDER BY r.id;";

/* Drop the old support columns of assessment_entry (those it still has). */
static int retire_columns(sqlite3 *db, char **errmsg)
{
	size_t i;
	int rc = sqlite3_exec(db, v9_retire_sql, NULL, NULL, errmsg);

	for (i = 0; rc == SQLITE_OK && i < sizeof v9_retired / sizeof v9_retired[0]; i++) {
		int has = schema_has_column(db, "assessment_entry", v9_retired[i]);
		char sql[128];

		if (has < 0)
			return SQLITE_ERROR;
		/* (a name from the table above: DDL takes no parameters) */
		snprintf(sql, sizeof sql, "ALTER TABLE assessment_entry DROP COLUMN %s", v9_retired[i]);
		if (has)
			rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
	}
	return rc;
}

/* The tables whose change-log triggers are made (again) here: the new
 * ones, and those that gained a column (their JSON must hold it). */
static const char *const v9_audited[] = {
	"support_request", "norm_proposal", "norm_set", "assessment_entry",
};

int schema_migrate_v9(sqlite3 *db, char **errmsg)
{
	struct buf b = { 0 };
	int rc;

	rc = sqlite3_exec(db, v9_sql, NULL, NULL, errmsg);
	if (rc == SQLITE_OK)
		rc = schema_add_columns(db, v9_columns, sizeof v9_columns / sizeof v9_columns[0],
					errmsg);
	if (rc == SQLITE_OK)
		rc = retire_columns(db, errmsg);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, v9_tally_sql, NULL, NULL, errmsg);
	if (rc != SQLITE_OK)
		return rc;
	schema_add_search_triggers(&b, "assessment_entry", ENTRY_TEXT);
	schema_add_search_triggers(&b, "support_request", REQUEST_TEXT);
	buf_puts(&b, v9_search_sql);
	if (schema_remake_audit_triggers(&b, db, v9_audited,
					 sizeof v9_audited / sizeof v9_audited[0]) < 0) {
		buf_free(&b);
		return SQLITE_ERROR;
	}
	return schema_exec_buf(db, &b, errmsg);
}
