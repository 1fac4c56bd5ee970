/* test_conflict.c - conflicts an exchange found, decided by a person:
 * what the record is called, its fields side by side, keep ours, take
 * theirs (a change, a deletion), each undone; refused when our row moved
 * since, when it was decided already, when theirs names an item that is
 * not here.  The demo's request BNG69-CP2-1 (A-BNG-69, item CP2) asks the
 * fund for "อสม. เพิ่มอีก ๒ คน", frame 3, 24000 baht; the conflicts are
 * put into sync_conflict by hand as the exchange would record them. */
#include <locale.h>

#include "helpers.h"
#include "routemap/change.h"
#include "routemap/exchange.h"

#define OURS "{\"uid\":\"BNG69-CP2-1\",\"assessment\":\"A-BNG-69\",\"item\":\"CP2\"," \
	"\"needed\":\"อสม. เพิ่มอีก ๒ คน\",\"source\":\"fund\",\"frame\":\"3\",\"amount\":24000.0," \
	"\"status\":\"requested\",\"referred_to\":null,\"given\":null,\"amount_agreed\":null," \
	"\"filed_frame\":null,\"answer_note\":null,\"answered_by\":null,\"answered_on\":null}"
/* theirs: the same request, asking for training and 30000 baht */
#define THEIRS "{\"uid\":\"BNG69-CP2-1\",\"assessment\":\"A-BNG-69\",\"item\":\"CP2\"," \
	"\"needed\":\"จัดอบรมผู้ดูแลเด็ก\",\"source\":\"fund\",\"frame\":\"3\",\"amount\":30000," \
	"\"status\":\"requested\",\"referred_to\":null,\"given\":null,\"amount_agreed\":null," \
	"\"filed_frame\":null,\"answer_note\":null,\"answered_by\":null,\"answered_on\":null}"

#define NEEDED(f) fixture_int(f, "SELECT needed = 'จัดอบรมผู้ดูแลเด็ก' FROM support_request" \
			      " WHERE uid = 'BNG69-CP2-1'")
#define AMOUNT(f) fixture_int(f, "SELECT amount FROM support_request WHERE uid = 'BNG69-CP2-1'")
#define EXISTS(f) fixture_int(f, "SELECT count(*) FROM support_request WHERE uid = 'BNG69-CP2-1'")

/* A conflict on BNG69-CP2-1 from BNG-FUND, ours LOCAL, theirs REMOTE
 * (SQL literals); its id. */
static sqlite3_int64 put_conflict(struct fixture *f, const char *local, const char *remote)
{
	char sql[4096];

	snprintf(sql, sizeof sql, "INSERT INTO sync_conflict(peer, seq, kind, key, local, remote,"
		 " local_who, local_at, remote_who, remote_at, found_at) VALUES ('BNG-FUND', 3,"
		 " 'support_request', '[\"BNG69-CP2-1\"]', %s, %s, 'somchai',"
		 " '2026-01-05T02:00:00.000Z', 'malee', '2026-01-06T03:00:00.000Z',"
		 " '2026-01-07T04:00:00.000Z')", local, remote);
	assert_int_equal(sqlite3_exec(f->st.db, sql, NULL, NULL, NULL), SQLITE_OK);
	return sqlite3_last_insert_rowid(f->st.db);
}

static const char *status_of(struct fixture *f, sqlite3_int64 id)
{
	static char s[16];
	char sql[128];
	long long v;

	snprintf(sql, sizeof sql, "SELECT CASE status WHEN 'open' THEN 0 WHEN 'kept' THEN 1"
		 " ELSE 2 END FROM sync_conflict WHERE id = %lld", (long long)id);
	v = fixture_int(f, sql);
	snprintf(s, sizeof s, "%s", v == 0 ? "open" : v == 1 ? "kept" : "taken");
	return s;
}

static int count_one(void *arg, const struct exchange_conflict *c)
{
	(*(int *)arg)++;
	return c->id < 0;
}

static void test_title_and_fields(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct exchange_conflict c;
	struct exchange_field *v;
	size_t n, i, differ = 0;
	char *title;
	sqlite3_int64 id = put_conflict(f, "'" OURS "'", "'" THEIRS "'");

	assert_int_equal(exchange_conflict_get(&f->st, id, &c, &err), 0);
	assert_string_equal(c.peer, "BNG-FUND");
	assert_int_equal(c.status, EXCHANGE_OPEN);
	assert_string_equal(c.remote_who, "malee");
	assert_int_equal(exchange_conflict_title(&f->st, &c, &title, &err), 0);
	/* ours names it; the uid says nothing, its assessment and item do */
	assert_string_equal(title, "support request: อสม. เพิ่มอีก ๒ คน (A-BNG-69 / CP2)");
	free(title);
	assert_int_equal(exchange_conflict_fields(&f->st, &c, &v, &n, &err), 0);
	assert_int_equal(n, 15);
	for (i = 0; i < n; i++)
		differ += (size_t)v[i].differs;
	assert_int_equal(differ, 2);   /* needed and amount; 24000.0 is 24000 */
	assert_string_equal(v[3].column, "needed");
	assert_true(v[3].differs);
	assert_string_equal(v[3].ours, "อสม. เพิ่มอีก ๒ คน");
	assert_string_equal(v[3].theirs, "จัดอบรมผู้ดูแลเด็ก");
	assert_string_equal(v[6].label, "baht asked");   /* (untranslated here) */
	assert_string_equal(v[6].ours, "24000");
	assert_string_equal(v[6].theirs, "30000");
	assert_false(v[5].differs);
	assert_null(v[9].ours);
	assert_null(v[9].theirs);
	exchange_fields_free(v, n);
	exchange_conflict_free(&c);
	/* deleted here: theirs names it, every value of theirs differs */
	assert_int_equal(sqlite3_exec(f->st.db, "DELETE FROM sync_conflict", NULL, NULL, NULL),
			 SQLITE_OK);
	id = put_conflict(f, "NULL", "'" THEIRS "'");
	assert_int_equal(exchange_conflict_get(&f->st, id, &c, &err), 0);
	assert_null(c.local);
	assert_int_equal(exchange_conflict_title(&f->st, &c, &title, &err), 0);
	assert_string_equal(title, "support request: จัดอบรมผู้ดูแลเด็ก (A-BNG-69 / CP2)");
	free(title);
	assert_int_equal(exchange_conflict_fields(&f->st, &c, &v, &n, &err), 0);
	for (i = 0, differ = 0; i < n; i++)
		differ += (size_t)v[i].differs;
	assert_int_equal(differ, 8);   /* the 8 values theirs holds */
	exchange_fields_free(v, n);
	exchange_conflict_free(&c);
	assert_int_equal(exchange_conflict_get(&f->st, 99, &c, &err), 1);
}

static void test_keep_then_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 id = put_conflict(f, "'" OURS "'", "'" THEIRS "'");
	int n = 0;

	assert_int_equal(exchange_conflicts_open(&f->st, &err), 1);
	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_KEEP, &err), CHANGE_OK);
	assert_string_equal(status_of(f, id), "kept");
	assert_int_equal(fixture_int(f, "SELECT resolved_by IS NOT NULL AND resolved_at LIKE"
				     " '20__-__-__T__:__:__.___Z' FROM sync_conflict"), 1);
	assert_int_equal(AMOUNT(f), 24000);   /* ours stays */
	assert_int_equal(exchange_conflicts_open(&f->st, &err), 0);
	assert_int_equal(exchange_conflicts(&f->st, 1, count_one, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(exchange_conflicts(&f->st, 0, count_one, &n, &err), 0);
	assert_int_equal(n, 1);
	/* decided already: refused */
	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_TAKE, &err), CHANGE_CONFLICT);
	assert_non_null(strstr(err.msg, "decided"));
	assert_int_equal(AMOUNT(f), 24000);
	assert_int_equal(u.n, 1);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_string_equal(status_of(f, id), "open");
	assert_int_equal(fixture_int(f, "SELECT resolved_by IS NULL FROM sync_conflict"), 1);
	undo_log_free(&u);
}

static void test_take_then_undo(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 id = put_conflict(f, "'" OURS "'", "'" THEIRS "'");
	long long log = fixture_int(f, "SELECT count(*) FROM change_log");

	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_TAKE, &err), CHANGE_OK);
	assert_string_equal(status_of(f, id), "taken");
	assert_int_equal(NEEDED(f), 1);
	assert_int_equal(AMOUNT(f), 30000);
	/* one step: the request and the conflict, logged */
	assert_int_equal(u.n, 1);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log") - log, 2);
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_string_equal(status_of(f, id), "open");
	assert_int_equal(NEEDED(f), 0);
	assert_int_equal(AMOUNT(f), 24000);
	/* and again, now that ours is back as it was */
	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_TAKE, &err), CHANGE_OK);
	assert_int_equal(AMOUNT(f), 30000);
	undo_log_free(&u);
}

static void test_take_their_deletion(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 id = put_conflict(f, "'" OURS "'", "NULL");

	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_TAKE, &err), CHANGE_OK);
	assert_int_equal(EXISTS(f), 0);
	assert_string_equal(status_of(f, id), "taken");
	assert_int_equal(change_undo(&f->st, &u, &err), CHANGE_OK);
	assert_int_equal(EXISTS(f), 1);
	assert_int_equal(AMOUNT(f), 24000);
	assert_string_equal(status_of(f, id), "open");
	undo_log_free(&u);
}

static void test_refused(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	sqlite3_int64 id = put_conflict(f, "'" OURS "'", "'" THEIRS "'"), rid;
	sqlite3_int64 other;
	char missing[2048];

	/* ours changed since the conflict was found: taking theirs would
	 * overwrite that, so it is refused with who and when; keeping ours
	 * keeps what is here now (the conflict is never stuck) */
	rid = fixture_int(f, "SELECT id FROM support_request WHERE uid = 'BNG69-CP2-1'");
	assert_int_equal(change_field(&f->st, NULL, "support_request.amount", rid, "24000", "26000",
				      NULL, &err), CHANGE_OK);
	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_TAKE, &err), CHANGE_CONFLICT);
	assert_non_null(strstr(err.msg, f->st.user));
	assert_string_equal(status_of(f, id), "open");
	assert_int_equal(AMOUNT(f), 26000);
	assert_int_equal(u.n, 0);
	assert_int_equal(exchange_resolve(&f->st, &u, id, EXCHANGE_KEEP, &err), CHANGE_OK);
	assert_string_equal(status_of(f, id), "kept");
	assert_int_equal(AMOUNT(f), 26000);
	assert_int_equal(u.n, 1);
	/* theirs on an item this set does not have: nothing taken */
	assert_int_equal(sqlite3_exec(f->st.db, "DELETE FROM sync_conflict", NULL, NULL, NULL),
			 SQLITE_OK);
	snprintf(missing, sizeof missing, "'%s'", THEIRS);
	memcpy(strstr(missing, "\"CP2\""), "\"ZZ9\"", 5);
	other = put_conflict(f, "NULL", missing);
	assert_int_equal(sqlite3_exec(f->st.db, "DELETE FROM support_request WHERE uid ="
				      " 'BNG69-CP2-1'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(exchange_resolve(&f->st, &u, other, EXCHANGE_TAKE, &err), CHANGE_ERROR);
	assert_non_null(strstr(err.msg, "not here"));
	assert_string_equal(status_of(f, other), "open");
	assert_int_equal(EXISTS(f), 0);
	/* no such conflict */
	assert_int_equal(exchange_resolve(&f->st, &u, 9999, EXCHANGE_KEEP, &err), CHANGE_ERROR);
	assert_int_equal(u.n, 1);
	undo_log_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_title_and_fields, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_keep_then_undo, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_take_then_undo, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_take_their_deletion, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_refused, fixture_setup_demo, fixture_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
