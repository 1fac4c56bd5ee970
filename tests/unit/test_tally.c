/* test_tally.c - the coverage each assessment keeps (assessment_tally)
 * always equals the coverage counted afresh from its items and entries:
 * after every kind of edit, undo, delete, change of the norm set's items
 * and import, in a long random sequence. */
#include "helpers.h"
#include "routemap/change.h"
#include "routemap/domain.h"
#include "routemap/schema.h"

/* The tallies that differ from a count made afresh, plus the
 * assessments without a tally or tallies without an assessment. */
static long long tallies_wrong(struct fixture *f)
{
	return fixture_int(f,
		"SELECT (SELECT count(*) FROM assessment a LEFT JOIN assessment_tally t"
		"         ON t.assessment_id = a.id WHERE t.assessment_id IS NULL)"
		"     + (SELECT count(*) FROM assessment_tally t LEFT JOIN assessment a"
		"         ON a.id = t.assessment_id WHERE a.id IS NULL)"
		"     + (SELECT count(*) FROM assessment_tally t JOIN ("
		"         SELECT a.id AS aid, count(i.id) AS items,"
		"          total(round(i.weight * 1000000)) AS w,"
		/* a level (PMQA) counts level / 3 of the weight as met */
		"          count(coalesce(e.level, e.status)) AS answered,"
		"          total(CASE WHEN e.level IS NULL AND e.status = 'na'"
		"           THEN round(i.weight * 1000000) END) AS na,"
		"          total(CASE WHEN e.level IS NOT NULL THEN round(i.weight * 1000000) * e.level / 3.0"
		"           WHEN e.status = 'met' THEN round(i.weight * 1000000) END) AS met,"
		"          total(CASE WHEN e.level IS NULL AND e.status = 'partial'"
		"           THEN round(i.weight * 1000000) END) AS part"
		"         FROM assessment a LEFT JOIN norm_item i ON i.set_id = a.set_id"
		"         LEFT JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = i.id"
		"         GROUP BY a.id) c ON c.aid = t.assessment_id"
		/* exact for any weight a norm set uses (whole millionths in a
		 * double); within a billionth for weights past 2^53 of them */
		"        WHERE t.items <> c.items OR t.answered <> c.answered"
		/* the share, with the partial weight kept: none when nothing applies */
		"         OR abs(coalesce(t.share, -1) - CASE WHEN c.w > c.na THEN (c.met + c.part"
		"          * (SELECT partial FROM coverage_weight)) / (c.w - c.na) ELSE -1 END) > 1e-9"
		"         OR abs(t.weight_w - c.w) > 1e-9 * max(abs(c.w), 1)"
		"         OR abs(t.na_w - c.na) > 1e-9 * max(abs(c.na), 1)"
		"         OR abs(t.met_w - c.met) > 1e-9 * max(abs(c.met), 1)"
		"         OR abs(t.partial_w - c.part) > 1e-9 * max(abs(c.part), 1))");
}

/* A small generator with a fixed seed: the same sequence on every run. */
static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A random row id of the query's first column (0 when none). */
static sqlite3_int64 any_id(struct fixture *f, const char *sql)
{
	long long n = 0;
	char q[512];

	snprintf(q, sizeof q, "SELECT count(*) FROM (%s)", sql);
	n = fixture_int(f, q);
	if (n == 0)
		return 0;
	snprintf(q, sizeof q, "%s LIMIT 1 OFFSET %u", sql, pick((unsigned)n));
	return fixture_int(f, q);
}

static void exec(struct fixture *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void exec(struct fixture *f, const char *fmt, ...)
{
	char sql[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	if (sqlite3_exec(f->st.db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->st.db));
}

static void test_demo_tallies_hand_counted(void **state)
{
	struct fixture *f = *state;

	/* A-BNG-69: 17 items weighing 20; 12 answered: SM3 n/a (1), 7 met
	 * weighing 7, 4 partial weighing 4 */
	assert_int_equal(fixture_int(f, "SELECT items || '/' || weight_w || '/' || answered || '/'"
				     " || na_w || '/' || met_w || '/' || partial_w FROM assessment_tally t"
				     " JOIN assessment a ON a.id = t.assessment_id WHERE a.code = 'A-BNG-69'"
				     " AND items = 17 AND weight_w = 20000000 AND answered = 12 AND na_w = 1000000"
				     " AND met_w = 7000000 AND partial_w = 4000000") != 0, 1);
	assert_int_equal(tallies_wrong(f), 0);
}

static void test_random_edits_keep_tallies_exact(void **state)
{
	static const char *const statuses[] = { "met", "partial", "not_met", "na", NULL };
	static const char *const weights[] = { "0.1", "1", "2.25", "0.3", "7" };
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct undo_log u = { 0 };
	int step, items_added = 0;

	for (step = 0; step < 600; step++) {
		unsigned op = pick(10);
		sqlite3_int64 id;

		switch (op) {
		case 0: case 1: case 2: {
			/* a status key, as the checklist makes it */
			sqlite3_int64 a = any_id(f, "SELECT id FROM assessment");
			sqlite3_int64 i = any_id(f, "SELECT i.id FROM norm_item i JOIN assessment a"
						 " ON a.set_id = i.set_id");
			const char *to = statuses[pick(5)];
			char *cur = NULL;

			if (!a || !i)
				break;
			/* an item of another set is refused, and changes nothing */
			if (change_entry_field(&f->st, &u, a, i, "assessment_entry.status", NULL, to,
					       &cur, NULL, &err) == CHANGE_CONFLICT)
				change_entry_field(&f->st, &u, a, i, "assessment_entry.status", cur, to,
						   NULL, NULL, &err);
			free(cur);
			change_seal(&u);
			break;
		}
		case 3:
			change_undo(&f->st, &u, &err);
			break;
		case 4:
			id = any_id(f, "SELECT id FROM assessment_entry");
			if (id)
				exec(f, "DELETE FROM assessment_entry WHERE id = %lld", (long long)id);
			break;
		case 5:
			id = any_id(f, "SELECT id FROM norm_item");
			if (id)
				exec(f, "UPDATE norm_item SET weight = %s WHERE id = %lld",
				     weights[pick(5)], (long long)id);
			break;
		case 6:
			id = any_id(f, "SELECT id FROM norm_set");
			if (id)
				exec(f, "INSERT INTO norm_item(set_id, group_id, code, text, weight)"
				     " SELECT %lld, (SELECT group_id FROM norm_item WHERE set_id = %lld LIMIT 1),"
				     " 'X%d', 'ข้อที่เพิ่มในการทดสอบ %d', %s",
				     (long long)id, (long long)id, items_added, items_added, weights[pick(5)]);
			items_added++;
			break;
		case 7:
			id = any_id(f, "SELECT id FROM norm_item");
			if (id && pick(3) == 0)
				exec(f, "DELETE FROM norm_item WHERE id = %lld", (long long)id);
			break;
		case 8: {
			char *code = NULL;

			if (pick(2) && assessment_create(&f->st, &u, "CDC-NORM", 2, "NKG-CDC", NULL,
							 "นางสาวพัชรินทร์ ศรีสุข", &code, &err) == 0)
				free(code);
			else if ((id = any_id(f, "SELECT id FROM assessment")) != 0)
				exec(f, "DELETE FROM assessment WHERE id = %lld", (long long)id);
			break;
		}
		default:
			/* an entry moved to another assessment of the same set */
			id = any_id(f, "SELECT id FROM assessment_entry");
			if (id)
				sqlite3_exec(f->st.db, "UPDATE assessment_entry SET assessment_id ="
					     " (SELECT a.id FROM assessment a JOIN assessment o"
					     "  ON o.set_id = a.set_id AND o.id <> a.id"
					     "  WHERE o.id = assessment_entry.assessment_id ORDER BY random() LIMIT 1)"
					     " WHERE id = (SELECT max(id) FROM assessment_entry)", NULL, NULL, NULL);
			break;
		}
		if (tallies_wrong(f) != 0)
			fail_msg("step %d (operation %u): a tally differs from a fresh count", step, op);
	}
	/* something happened: entries answered, items added */
	assert_true(items_added > 0);
	assert_true(fixture_int(f, "SELECT count(*) FROM assessment_entry WHERE status IS NOT NULL") > 0);
	undo_log_free(&u);
}

static void test_import_keeps_tallies(void **state)
{
	struct fixture *f = *state;

	/* the demo went in by import; another assessment with two entries
	 * of weight 1: one met, one partial */
	fixture_load_csv(f, "assessments", "code,set,version,office,project,assessed_on,assessor\n"
			 "A-TST-70,CDC-NORM,2,NKG-CDC,,2026-12-01,นายสมชาย ใจดี\n");
	fixture_load_csv(f, "assessment_entries",
			 "assessment,item,status,note,support_needed,support_from,support_frame\n"
			 "A-TST-70,SM1,met,ครบ,,,\n"
			 "A-TST-70,SM2,partial,,,,\n");
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_tally t JOIN assessment a"
				     " ON a.id = t.assessment_id WHERE a.code = 'A-TST-70'"
				     " AND answered = 2 AND met_w = 1000000 AND partial_w = 1000000"
				     " AND items = 17"), 1);
	assert_int_equal(tallies_wrong(f), 0);
}

/* Put the items of CSV into CDC-NORM v2.  The version is issued and
 * assessed against, so an import refuses new items (the frozen rule); they
 * go in while it is a draft for a moment, as another program might have
 * written them. */
static void load_frozen_items(struct fixture *f, const char *csv)
{
	const char *where = " WHERE code = 'CDC-NORM' AND version = 2";
	char sql[160];

	snprintf(sql, sizeof sql, "UPDATE norm_set SET issued = NULL%s", where);
	assert_int_equal(sqlite3_exec(f->st.db, sql, NULL, NULL, NULL), SQLITE_OK);
	fixture_load_csv(f, "norm_items", csv);
	snprintf(sql, sizeof sql, "UPDATE norm_set SET issued = '2025-10-15'%s", where);
	assert_int_equal(sqlite3_exec(f->st.db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void test_extreme_weights(void **state)
{
	struct fixture *f = *state;

	/* a weight of five trillion (an integer count of millionths would
	 * overflow summing two) and one of a ten-millionth (under half a
	 * millionth: counted as none) */
	load_frozen_items(f, "set,version,group,code,text,evidence,weight\n"
			 "CDC-NORM,2,social_measure,BIG1,ข้อที่มีน้ำหนักมากที่สุด,,5000000000000\n"
			 "CDC-NORM,2,social_measure,BIG2,ข้อที่มีน้ำหนักมากรองลงมา,,5000000000000\n"
			 "CDC-NORM,2,social_measure,TINY,ข้อที่มีน้ำหนักน้อยมาก,,0.0000001\n");
	fixture_load_csv(f, "assessment_entries",
			 "assessment,item,status,note,support_needed,support_from,support_frame\n"
			 "A-BNG-69,BIG1,met,,,,\n"
			 "A-BNG-69,BIG2,partial,,,,\n"
			 "A-BNG-69,TINY,met,,,,\n");
	assert_int_equal(tallies_wrong(f), 0);
	/* 17 + 3 items; 12 + 3 answered; met 7 + 5e12 in millionths */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_tally t JOIN assessment a"
				     " ON a.id = t.assessment_id WHERE a.code = 'A-BNG-69' AND items = 20"
				     " AND answered = 15 AND abs(met_w - 5e18) < 1e7"
				     " AND abs(partial_w - 5e18) < 1e7"), 1);
}

/* A database of schema 3 (before the tally) with weights that large
 * migrates, and its tallies come out right. */
static void test_migration_with_extreme_weights(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	sqlite3 *db;
	int v;

	*state = f;
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	fixture_load_demo(f);
	load_frozen_items(f, "set,version,group,code,text,evidence,weight\n"
			 "CDC-NORM,2,social_measure,BIG1,ข้อที่มีน้ำหนักมากที่สุด,,5000000000000\n"
			 "CDC-NORM,2,social_measure,BIG2,ข้อที่มีน้ำหนักมากรองลงมา,,5000000000000\n");
	fixture_load_csv(f, "assessment_entries",
			 "assessment,item,status,note,support_needed,support_from,support_frame\n"
			 "A-BNG-69,BIG1,met,,,,\nA-BNG-69,BIG2,met,,,,\n");
	store_close(&f->st);
	/* back to schema 3: the tally and its triggers gone */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE assessment_tally;"
				      "DROP TRIGGER tally_assessment_ai; DROP TRIGGER tally_assessment_au;"
				      "DROP TRIGGER tally_entry_ai; DROP TRIGGER tally_entry_au;"
				      "DROP TRIGGER tally_entry_ad; DROP TRIGGER tally_item_ai;"
				      "DROP TRIGGER tally_item_au; DROP TRIGGER tally_item_ad;"
				      /* schema 7's partial weight, and 5's list indexes */
				      "DROP TABLE coverage_weight;"
				      "DROP INDEX office_by_name; DROP INDEX norm_set_newest;"
				      "DROP INDEX assessment_by_unit; DROP INDEX assessment_by_set;"
				      "DROP INDEX assessment_by_day; DROP INDEX aar_by_day;"
				      "DROP INDEX plan_by_title;"
				      "CREATE INDEX assessment_office ON assessment(office_id);"
				      "CREATE INDEX assessment_set ON assessment(set_id);"
				      /* the entry's support columns, which schema 9 drops */
				      "ALTER TABLE assessment_entry ADD COLUMN support_needed TEXT;"
				      "ALTER TABLE assessment_entry ADD COLUMN support_from TEXT;"
				      "ALTER TABLE assessment_entry ADD COLUMN support_frame_id INTEGER;"
				      "PRAGMA user_version = 3", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	v = store_schema_version(&f->st);
	assert_int_equal(v, schema_latest());
	assert_int_equal(f->st.migrated_from, 3);
	assert_int_equal(tallies_wrong(f), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM assessment_tally t JOIN assessment a"
				     " ON a.id = t.assessment_id WHERE a.code = 'A-BNG-69'"
				     " AND abs(met_w - 1e19) < 1e7"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_tallies_hand_counted, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_random_edits_keep_tallies_exact, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_keeps_tallies, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_extreme_weights, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_teardown(test_migration_with_extreme_weights, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
