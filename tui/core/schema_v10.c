/* schema_v10.c - migration 9 -> 10: exchange between offices
 * (exchange.h, DOMAIN.md §7).
 *
 * - exchange_self: this database's office (taken from the INI on the
 *   first exchange) and a random id, so that a peer knows when the
 *   database it talks to was replaced.
 * - sync_peer: per office exchanged with, the last part sent, the last it
 *   acknowledged, the last applied from it, its database id.
 * - sync_part: the parts sent and not yet acknowledged (each a changeset
 *   of SQLite's session extension); a bundle carries them all.
 * - sync_log: every bundle written or applied, for `bundle list`.
 * - sync_conflict: a record changed on both sides, with both rows, until
 *   a person decides (audited, so that the decision can be undone).
 * - sync_sent_KIND: per peer, every row of each kind as the peer has it
 *   (as we last sent it or received it): the next part is the difference.
 * - aar.office_id and norm_proposal.office_id: the office that owns a
 *   record from another office; NULL (every row before) is this one.
 * - norm_group.position: groups keep the order of the office that made
 *   them (NULL: by row id, as before), as items and boxes do. */
#include "routemap/buf.h"
#include "exchange_int.h"
#include "schema_int.h"

static const char v10_sql[] =
	"CREATE TABLE IF NOT EXISTS exchange_self ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" office TEXT,"
	" db_id TEXT NOT NULL DEFAULT (lower(hex(randomblob(16)))));"
	"INSERT OR IGNORE INTO exchange_self(id) VALUES (1);"
	"CREATE TABLE IF NOT EXISTS sync_peer ("
	" office TEXT PRIMARY KEY,"
	" sent INTEGER NOT NULL DEFAULT 0,"
	" acked INTEGER NOT NULL DEFAULT 0,"
	" received INTEGER NOT NULL DEFAULT 0,"
	" db_id TEXT,"
	" chain_out TEXT,"   /* our numbering of the parts to it */
	" chain_in TEXT,"    /* its numbering of the parts to us */
	" last_at TEXT);"
	"CREATE TABLE IF NOT EXISTS sync_part ("
	" peer TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" created TEXT NOT NULL,"
	" changeset BLOB NOT NULL,"
	" PRIMARY KEY (peer, seq));"
	"CREATE TABLE IF NOT EXISTS sync_log ("
	" id INTEGER PRIMARY KEY,"
	" peer TEXT NOT NULL,"
	" direction TEXT NOT NULL CHECK (direction IN ('sent','received')),"
	" first_seq INTEGER NOT NULL,"
	" last_seq INTEGER NOT NULL,"
	" at TEXT NOT NULL,"
	" who TEXT NOT NULL,"
	" changes INTEGER NOT NULL DEFAULT 0,"
	" conflicts INTEGER NOT NULL DEFAULT 0,"
	" file TEXT);"
	"CREATE INDEX IF NOT EXISTS sync_log_peer ON sync_log(peer, id);"
	"CREATE TABLE IF NOT EXISTS sync_conflict ("
	" id INTEGER PRIMARY KEY,"
	" peer TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" key TEXT NOT NULL,"
	" local TEXT, remote TEXT,"
	" local_who TEXT, local_at TEXT,"
	" remote_who TEXT, remote_at TEXT,"
	" found_at TEXT NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','taken')),"
	" resolved_by TEXT, resolved_at TEXT);"
	"CREATE UNIQUE INDEX IF NOT EXISTS sync_conflict_open ON sync_conflict(peer, kind, key)"
	" WHERE status = 'open';";

/* Columns added, where missing (a database taken back by hand keeps them). */
static const struct schema_column v10_columns[] = {
	{ "aar", "office_id", "ALTER TABLE aar ADD COLUMN office_id INTEGER REFERENCES office(id)" },
	{ "norm_proposal", "office_id",
	  "ALTER TABLE norm_proposal ADD COLUMN office_id INTEGER REFERENCES office(id)" },
	{ "norm_group", "position", "ALTER TABLE norm_group ADD COLUMN position INTEGER" },
};

static const char *const v10_audited[] = { "sync_conflict", "aar", "norm_proposal", "norm_group" };

int schema_migrate_v10(sqlite3 *db, char **errmsg)
{
	struct buf b = { 0 };
	int rc;

	rc = sqlite3_exec(db, v10_sql, NULL, NULL, errmsg);
	if (rc == SQLITE_OK)
		rc = schema_add_columns(db, v10_columns, sizeof v10_columns / sizeof v10_columns[0],
					errmsg);
	if (rc != SQLITE_OK)
		return rc;
	xk_mirror_ddl(&b);
	buf_puts(&b, "CREATE INDEX IF NOT EXISTS aar_office ON aar(office_id);"
		 "CREATE INDEX IF NOT EXISTS norm_proposal_office ON norm_proposal(office_id);");
	if (schema_remake_audit_triggers(&b, db, v10_audited,
					 sizeof v10_audited / sizeof v10_audited[0]) < 0) {
		buf_free(&b);
		return SQLITE_ERROR;
	}
	return schema_exec_buf(db, &b, errmsg);
}
