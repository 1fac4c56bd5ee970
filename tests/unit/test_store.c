/* test_store.c - the database: creation, migration, refusal of foreign
 * files, constraints, rollback, the change log, search, Thai order. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <time.h>

#include "helpers.h"
#include "routemap/schema.h"

static const struct file_share private_share = { (gid_t)-1, 0600 };

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_create_migrates_from_empty(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	struct stat sb;

	(void)state;
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	assert_int_equal(store_schema_version(&f->st), schema_latest());
	assert_int_equal(f->st.migrated_from, -1);   /* a new file: nothing to tell */
	assert_int_equal(fixture_int(f, "PRAGMA application_id"), 0x524d4150);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM sqlite_schema WHERE name = 'norm_item'"), 1);
	assert_int_equal(fixture_int(f, "PRAGMA foreign_keys"), 1);
	assert_int_equal(fixture_int(f, "PRAGMA synchronous"), 2);   /* FULL */
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_close(&f->st);
	/* Opening again neither fails nor migrates twice. */
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	assert_int_equal(store_schema_version(&f->st), schema_latest());
	*state = f;
}

static void test_refuses_a_text_file(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	static const char text[] = "ไม่ใช่ฐานข้อมูล เป็นบันทึกการประชุม\n";
	char buf[256] = "";
	FILE *fp;

	write_file(f->path, text);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), -1);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_non_null(strstr(err.msg, "not a database"));
	assert_non_null(strstr(err.msg, f->path));
	fp = fopen(f->path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, text);   /* untouched */
	*state = f;
}

static void test_refuses_a_foreign_database(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE รายชื่อ(ชื่อ TEXT)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "not a routemap database"));
	*state = f;
}

static void test_refuses_a_newer_schema(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1380794704;"
				      " PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "newer routemap (schema 99"));
	*state = f;
}

static void test_readonly_refuses_writes(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store ro;

	assert_int_equal(store_open(&ro, f->path, NULL, STORE_READONLY, &err), 0);
	assert_int_equal(store_begin(&ro, &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	store_close(&ro);
}

static void test_missing_file_not_created_readonly(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };

	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_READONLY, &err), -1);
	assert_non_null(strstr(err.msg, "no database there"));
	assert_int_equal(access(f->path, F_OK), -1);
	*state = f;
}

static void test_constraints(void **state)
{
	struct fixture *f = *state;

	/* a level outside the four */
	assert_int_not_equal(sqlite3_exec(f->st.db,
		"INSERT INTO objective(plan_id, code, level, title)"
		" SELECT id, 'X1', 'ชุมชน', 'เป้าประสงค์' FROM plan LIMIT 1", NULL, NULL, NULL), SQLITE_OK);
	/* a link between objectives of two plans */
	assert_int_not_equal(sqlite3_exec(f->st.db,
		"INSERT INTO link(from_id, to_id) SELECT a.id, b.id FROM objective a, objective b"
		" WHERE a.plan_id <> b.plan_id LIMIT 1", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(f->st.db), "one plan"));
	/* an entry for an item of another norm set */
	assert_int_not_equal(sqlite3_exec(f->st.db,
		"INSERT INTO assessment_entry(assessment_id, item_id, status)"
		" SELECT a.id, i.id, 'met' FROM assessment a, norm_item i"
		" WHERE i.set_id <> a.set_id LIMIT 1", NULL, NULL, NULL), SQLITE_OK);
	/* deleting an office that plans belong to */
	assert_int_not_equal(sqlite3_exec(f->st.db,
		"DELETE FROM office WHERE code = 'KKN-PHO'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM office WHERE code = 'KKN-PHO'"), 1);
}

/* Every failure of SQLite's reaches the user as a sentence saying what
 * happened and what to do, SQLite's own words after it in parentheses. */
static void test_failures_in_words(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };

	assert_int_equal(store_exec(&f->st, "INSERT INTO office(code, name, level)"
				    " VALUES ('KKN-PHO', 'ซ้ำ', 'province')", &err), -1);
	assert_non_null(strstr(err.msg, "a record with the same code is there already"));
	assert_non_null(strstr(err.msg, "(UNIQUE constraint failed: office.code)"));
	assert_int_equal(store_exec(&f->st, "DELETE FROM office WHERE code = 'KKN-PHO'", &err), -1);
	assert_non_null(strstr(err.msg, "others still need this one"));
	assert_int_equal(store_exec(&f->st, "INSERT INTO office(code, name, level)"
				    " VALUES ('X', NULL, 'province')", &err), -1);
	assert_non_null(strstr(err.msg, "a value that is needed is missing"));
	assert_int_equal(store_exec(&f->st, "SELECT no_such_column FROM office", &err), -1);
	assert_non_null(strstr(err.msg, "the database could not do it"));
	assert_non_null(strstr(err.msg, "(no such column: no_such_column)"));
}

static void test_rollback_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	long long before = fixture_int(f, "SELECT count(*) FROM change_log");

	assert_int_equal(store_begin(&f->st, &err), 0);
	assert_int_equal(store_exec(&f->st, "INSERT INTO support_frame(code, label)"
				    " VALUES ('7', 'การสนับสนุนงบประมาณ')", &err), 0);
	store_rollback(&f->st);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM support_frame WHERE code = '7'"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM change_log"), before);
}

static void test_change_log_records_who_and_what(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	sqlite3_stmt *stmt;

	assert_int_equal(store_begin(&f->st, &err), 0);
	assert_int_equal(store_exec(&f->st, "UPDATE objective SET title = 'เด็กเล็กปลอดโรค'"
				    " WHERE code = 'P2' AND plan_id = (SELECT id FROM plan"
				    " WHERE code = 'KKN-CDC-2568')", &err), 0);
	assert_int_equal(store_commit(&f->st, &err), 0);
	assert_int_equal(sqlite3_prepare_v2(f->st.db,
		"SELECT who, op, json_extract(old, '$.title'), json_extract(new, '$.title'), at"
		" FROM change_log WHERE tbl = 'objective' ORDER BY id DESC LIMIT 1", -1, &stmt, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(stmt, 0), f->st.user);
	assert_string_equal(sqlite3_column_text(stmt, 1), "update");
	assert_string_equal(sqlite3_column_text(stmt, 2),
			    "เด็กเล็กได้รับการดูแลตามมาตรฐานศูนย์เด็กเล็กปลอดโรค");
	assert_string_equal(sqlite3_column_text(stmt, 3), "เด็กเล็กปลอดโรค");
	assert_int_equal(strlen((const char *)sqlite3_column_text(stmt, 4)), 24);  /* ISO, ms, Z */
	sqlite3_finalize(stmt);
}

/* Does a search for Q find a hit of KIND with record REF? */
static int search_finds(struct fixture *f, const char *q, const char *kind, const char *ref)
{
	struct rm_error err = { 0, "" };
	struct search_hit *hits;
	size_t n, i;
	int found = 0;

	assert_int_equal(store_search(&f->st, q, &hits, &n, &err), 0);
	for (i = 0; i < n; i++)
		if (strcmp(hits[i].kind, kind) == 0 && strcmp(hits[i].ref, ref) == 0)
			found = 1;
	store_search_free(hits, n);
	return found;
}

static void test_search_long_and_short(void **state)
{
	struct fixture *f = *state;

	/* through the index of code-point pairs */
	assert_true(search_finds(f, "คัดกรองเด็กป่วยก่อน", "norm_item", "CDC-NORM v2/SM2"));
	assert_true(search_finds(f, "ธรรมนูญสุขภาพ", "assessment_entry", "A-BNG-69/SM3"));
	assert_true(search_finds(f, "ถ่ายระดับแผนที่", "aar_section", "AAR-ODPC6-2553/activities"));
	/* two code points: one pair of the index */
	assert_true(search_finds(f, "ศพ", "assessment_entry", "A-BNG-69/CM2"));
	assert_true(search_finds(f, "๒๔", "objective", "NPG-CDC-2569/R1"));
	/* one code point: the scan */
	assert_true(search_finds(f, "๒", "objective", "NPG-CDC-2569/R1"));
	/* a quote in the query is text, not syntax */
	assert_false(search_finds(f, "\"ศูนย์", "plan", "KKN-CDC-2568"));
	assert_false(search_finds(f, "ไม่มีข้อความนี้", "plan", "KKN-CDC-2568"));
	/* an edit is searchable at once, and the old text is gone */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE plan SET title = 'แผนงานควบคุมไข้เลือดออก'"
				      " WHERE code = 'NPG-CDC-2569'", NULL, NULL, NULL), SQLITE_OK);
	assert_true(search_finds(f, "ไข้เลือดออก", "plan", "NPG-CDC-2569"));
	assert_false(search_finds(f, "ปลอดโรค อำเภอ", "plan", "NPG-CDC-2569"));
	assert_true(search_finds(f, "คัดกรองเด็กป่วยทุกเช้า", "plan", "NPG-CDC-2569"));
}

/* The pairs index finds exactly the substrings: at a text's start and
 * end, in any case of Latin letters, and not where the query's pairs
 * stand apart. */
static void test_search_pairs(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE plan SET title = 'ตำบลนาข่า Health ÉCOLE กขค ขคง ตำ'"
				      " WHERE code = 'NPG-CDC-2569'", NULL, NULL, NULL), SQLITE_OK);
	assert_true(search_finds(f, "ตำ", "plan", "NPG-CDC-2569"));            /* first pair */
	assert_true(search_finds(f, " ตำ", "plan", "NPG-CDC-2569"));           /* the last */
	assert_true(search_finds(f, "าข", "plan", "NPG-CDC-2569"));
	assert_true(search_finds(f, "hEALTH", "plan", "NPG-CDC-2569"));
	assert_true(search_finds(f, "école", "plan", "NPG-CDC-2569"));
	/* กข ขค คง are all there, กขคง is not: the pairs must stand side by side */
	assert_true(search_finds(f, "กขค", "plan", "NPG-CDC-2569"));
	assert_false(search_finds(f, "กขคง", "plan", "NPG-CDC-2569"));
	assert_false(search_finds(f, "ข่าH", "plan", "NPG-CDC-2569"));
	assert_true(search_finds(f, "ข่า H", "plan", "NPG-CDC-2569"));
	/* four-byte code points pair like any; a stray byte (not UTF-8) is
	 * no letter: \xC9 alone is not É, so it does not fold to é */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE plan SET title = 'แผน 𝓐𝓑 A'"
				      " || CAST(X'C9' AS TEXT) || 'B' WHERE code = 'NPG-CDC-2569'",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_true(search_finds(f, "𝓐𝓑", "plan", "NPG-CDC-2569"));
	assert_true(search_finds(f, "น 𝓐", "plan", "NPG-CDC-2569"));
	assert_false(search_finds(f, "aé", "plan", "NPG-CDC-2569"));
	assert_false(search_finds(f, "éb", "plan", "NPG-CDC-2569"));
}

/* FTS5's own check that the index matches its documents. */
static int search_index_whole(struct fixture *f)
{
	return sqlite3_exec(f->st.db, "INSERT INTO search_fts(search_fts) VALUES ('integrity-check')",
			    NULL, NULL, NULL) == SQLITE_OK;
}

static void test_import_feeds_the_index_whole(void **state)
{
	struct fixture *f = *state;

	/* the demo went in through import, which feeds the index once at
	 * the end: every document is indexed, none twice, and the offices'
	 * and plans' second pass (parents, served plans) changed nothing */
	assert_true(search_index_whole(f));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_defer"), 0);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_doc"),
			 fixture_int(f, "SELECT count(*) FROM search_fts"));
	/* a second import adds to an index already fed */
	fixture_load_csv(f, "plans", "code,office,title,destination,fy_from,fy_to,serves\n"
			 "KKN-DHF-2570,KKN-PHO,แผนควบคุมไข้เลือดออกจังหวัด,ลดป่วยร้อยละ ๒๐,2570,2572,\n");
	assert_true(search_finds(f, "ไข้เลือดออกจังหวัด", "plan", "KKN-DHF-2570"));
	assert_true(search_finds(f, "คัดกรองเด็กป่วยก่อน", "norm_item", "CDC-NORM v2/SM2"));
	assert_true(search_index_whole(f));
	/* an import refused at its third record leaves nothing: the first
	 * two are not found, the index is whole, nothing stays deferred */
	{
		static const char csv[] = "code,office,title,destination,fy_from,fy_to,serves\n"
			"KKN-ZIKA-2570,KKN-PHO,แผนเฝ้าระวังไข้ซิกาจังหวัด,,2570,2572,\n"
			"KKN-CHIK-2570,KKN-PHO,แผนเฝ้าระวังไข้ปวดข้อยุงลาย,,2570,2572,\n"
			"KKN-BAD-2570,ไม่มีหน่วยงานนี้,แผนที่อ้างหน่วยงานผิด,,2570,2572,\n";
		struct rm_error err = { 0, "" };
		struct transfer_file file = { .kind = transfer_kind_from_name("plans"),
					      .name = "plans.csv", .data = csv,
					      .len = sizeof csv - 1, .utf8 = 1 };

		assert_int_equal(transfer_import(&f->st, &f->cfg, &file, 1, &err), -1);
		assert_non_null(strstr(err.msg, "plans.csv:4:"));
	}
	assert_false(search_finds(f, "เฝ้าระวังไข้ซิกา", "plan", "KKN-ZIKA-2570"));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_defer"), 0);
	assert_true(search_index_whole(f));
	/* and the next edit is indexed as before */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE plan SET title = 'แผนเฝ้าระวังไข้ซิกาจังหวัดขอนแก่น'"
				      " WHERE code = 'KKN-DHF-2570'", NULL, NULL, NULL), SQLITE_OK);
	assert_true(search_finds(f, "เฝ้าระวังไข้ซิกา", "plan", "KKN-DHF-2570"));
	assert_true(search_index_whole(f));
}

static void fake_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "สมศรี", -1, SQLITE_STATIC);
}

static void test_migrates_a_version_1_database(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	sqlite3 *db;

	*state = f;
	/* a database as version 1 of the schema left it, with a plan */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_create_function(db, "rm_user", 0, SQLITE_UTF8, NULL, fake_user, NULL, NULL);
	assert_int_equal(schema_migrate_step(db, 0, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1380794704; PRAGMA user_version = 1;"
				      "INSERT INTO office(code, name, level) VALUES ('KKN-PHO', 'สสจ.ขอนแก่น', 'province');"
				      "INSERT INTO plan(code, office_id, title, fy_from, fy_to)"
				      " VALUES ('KKN-CDC-2568', 1, 'แผนศูนย์เด็กเล็กปลอดโรค', 2568, 2571)",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	/* a reading command migrates it too (and reads on, read-only) */
	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_READ, &err), 0);
	assert_int_equal(store_schema_version(&f->st), schema_latest());
	assert_int_equal(f->st.migrated_from, 1);
	assert_true(f->st.readonly);
	/* what version 1 indexed is still found */
	assert_true(search_finds(f, "เด็กเล็กปลอดโรค", "plan", "KKN-CDC-2568"));
	store_close(&f->st);
	/* an edit under the new triggers replaces it */
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	assert_int_equal(f->st.migrated_from, -1);
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE plan SET title = 'แผนควบคุมไข้เลือดออก'",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_true(search_finds(f, "ไข้เลือดออก", "plan", "KKN-CDC-2568"));
	assert_false(search_finds(f, "เด็กเล็กปลอดโรค", "plan", "KKN-CDC-2568"));
	assert_true(search_index_whole(f));
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_defer"), 0);
}

/* Page through QUERY three hits at a time: the pages, joined, are every
 * hit store_search finds, each once, in ascending document order; the
 * last page says nothing follows. */
static void pages_are_the_whole(struct fixture *f, const char *query, size_t expected)
{
	struct rm_error err = { 0, "" };
	struct search_hit *all, *paged = NULL;
	size_t nall, npaged = 0, pages = 0, i, j;
	int more = 1;

	assert_int_equal(store_search(&f->st, query, &all, &nall, &err), 0);
	assert_int_equal(nall, expected);
	while (more) {
		size_t before = npaged;

		assert_int_equal(store_search_page(&f->st, query, npaged ? paged[npaged - 1].doc : 0, 3,
						   &paged, &npaged, &more, &err), 0);
		assert_true(npaged - before <= 3);
		/* a page is full unless it is the last */
		assert_true(npaged - before == 3 || !more);
		pages++;
	}
	assert_int_equal(npaged, nall);
	assert_int_equal(pages, nall / 3 + (nall % 3 != 0 || nall == 0));
	for (i = 0; i < npaged; i++) {
		int found = 0;

		if (i > 0)
			assert_true(paged[i].doc > paged[i - 1].doc);
		for (j = 0; j < nall; j++)
			found += all[j].doc == paged[i].doc && strcmp(all[j].ref, paged[i].ref) == 0;
		assert_int_equal(found, 1);
	}
	store_search_free(all, nall);
	store_search_free(paged, npaged);
}

static int interrupt_now(void *arg)
{
	(void)arg;
	return 1;
}

/* A search that fails half-way (interrupted) keeps the pages read before
 * it and loses nothing else: no hit half-made, nothing freed twice. */
static void test_search_failure_keeps_earlier_pages(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct search_hit *hits = NULL;
	size_t n = 0;
	int more = 0;

	assert_int_equal(store_search_page(&f->st, "ศูนย์เด็กเล็ก", 0, 3, &hits, &n, &more, &err), 0);
	assert_int_equal(n, 3);
	assert_true(more);
	sqlite3_progress_handler(f->st.db, 1, interrupt_now, NULL);
	assert_int_equal(store_search_page(&f->st, "ศูนย์เด็กเล็ก", hits[2].doc, 3, &hits, &n, &more,
					   &err), -1);
	assert_int_equal(n, 3);
	assert_non_null(hits[2].ref);
	store_search_free(hits, n);
	hits = NULL;
	n = 0;
	assert_int_equal(store_search(&f->st, "ศพ", &hits, &n, &err), -1);
	assert_null(hits);
	assert_int_equal(n, 0);
	sqlite3_progress_handler(f->st.db, 0, NULL, NULL);
}

static void test_search_by_pages(void **state)
{
	struct fixture *f = *state;

	/* through the index, over several pages (19 documents of the demo
	 * hold the phrase; the count here is instr's, not the index's) */
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM search_doc"
				     " WHERE instr(text, 'ศูนย์เด็กเล็ก') > 0"), 19);
	pages_are_the_whole(f, "ศูนย์เด็กเล็ก", (size_t)fixture_int(f,
		"SELECT count(*) FROM search_doc WHERE instr(text, 'ศูนย์เด็กเล็ก') > 0"));
	/* two code points: the scan stops at each page's end */
	pages_are_the_whole(f, "ศพ", (size_t)fixture_int(f,
		"SELECT count(*) FROM search_doc WHERE instr(text, 'ศพ') > 0"));
	pages_are_the_whole(f, "ไม่มีข้อความนี้", 0);
}

struct said {
	int calls, cleared;
	const char *what;
	long long rows;
	int permille;
};

static void note_progress(void *arg, const char *what, long long rows, int permille)
{
	struct said *s = arg;

	if (!what) {
		s->cleared++;
		return;
	}
	s->calls++;
	s->what = what;
	s->rows = rows;
	s->permille = permille;
}

static void test_progress_after_a_second_then_cleared(void **state)
{
	struct fixture *f = *state;
	struct said s = { 0, 0, NULL, 0, 0 };
	struct timespec second = { 1, 100000000 };

	f->st.on_progress = note_progress;
	f->st.progress_arg = &s;
	/* short work says nothing, not even at its end */
	store_progress(&f->st, "นำเข้า", 1024, 100);
	store_progress(&f->st, NULL, 0, 0);
	assert_int_equal(s.calls + s.cleared, 0);
	/* longer: the first word after a second, with what it was given */
	store_progress(&f->st, "นำเข้า", 1024, 100);
	nanosleep(&second, NULL);
	store_progress(&f->st, "นำเข้า", 2048, 200);
	assert_int_equal(s.calls, 1);
	assert_string_equal(s.what, "นำเข้า");
	assert_int_equal(s.rows, 2048);
	assert_int_equal(s.permille, 200);
	/* then not again within a fifth of a second */
	store_progress(&f->st, "นำเข้า", 3072, 300);
	assert_int_equal(s.calls, 1);
	/* the end clears the line it wrote */
	store_progress(&f->st, NULL, 0, 0);
	assert_int_equal(s.cleared, 1);
}

static void test_thai_collation_in_sql(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *stmt;
	const char *want[] = { "กรม", "กา", "ไก่", "ขอนแก่น", "เขต", "ค่ากลาง" };
	size_t i = 0;

	assert_int_equal(sqlite3_prepare_v2(f->st.db,
		"SELECT column1 FROM (VALUES ('ค่ากลาง'), ('เขต'), ('ไก่'), ('กา'), ('ขอนแก่น'), ('กรม'))"
		" ORDER BY column1 COLLATE THAI", -1, &stmt, NULL), SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		assert_string_equal(sqlite3_column_text(stmt, 0), want[i++]);
	sqlite3_finalize(stmt);
	assert_int_equal(i, 6);
}

static void test_check_and_backup(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store copy;
	char *report, path[160];

	assert_int_equal(store_check(&f->st, &report, &err), 0);
	assert_string_equal(report, "ok");
	free(report);
	/* a kept coverage that drifted from its entries is a finding, named */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE assessment_tally SET answered = answered + 1"
				      " WHERE assessment_id = (SELECT id FROM assessment"
				      " WHERE code = 'A-NKG-53')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_check(&f->st, &report, &err), 1);
	assert_non_null(strstr(report, "A-NKG-53"));
	assert_null(strstr(report, "A-BNG-69"));
	free(report);
	/* put right, it is sound again */
	assert_int_equal(sqlite3_exec(f->st.db, "UPDATE assessment_tally SET answered = answered - 1"
				      " WHERE assessment_id = (SELECT id FROM assessment"
				      " WHERE code = 'A-NKG-53')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_check(&f->st, &report, &err), 0);
	free(report);
	snprintf(path, sizeof path, "%s/backup.db", f->dir);
	assert_int_equal(store_backup(&f->st, path, &private_share, &err), 0);
	/* a second backup to the same file is refused, the first kept */
	assert_int_equal(store_backup(&f->st, path, &private_share, &err), -1);
	assert_non_null(strstr(err.msg, "choose a new file name"));
	assert_int_equal(store_open(&copy, path, NULL, STORE_READONLY, &err), 0);
	{
		sqlite3_stmt *stmt;

		assert_int_equal(sqlite3_prepare_v2(copy.db, "SELECT count(*) FROM norm_item", -1,
						    &stmt, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(stmt, 0), 31);
		sqlite3_finalize(stmt);
	}
	store_close(&copy);
}


/* An empty file (a backup killed at once, a "touch") is no database: only
 * init makes it one. */
static void test_empty_file_only_init_takes_it(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	struct stat sb;

	write_file(f->path, "");
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "an empty file"));
	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_READ, &err), -1);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_INIT, &err), 0);
	assert_int_equal(store_schema_version(&f->st), schema_latest());
	*state = f;
}

/* A SQLite file with no tables is not ours either (but for init). */
static void test_empty_database_refused(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA page_size = 4096; VACUUM", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_READ, &err), -1);
	assert_non_null(strstr(err.msg, "not a routemap database"));
	*state = f;
}

/* Called while a write waits: counts, and gives up after the third. */
static int count_waits(void *arg, long waited_ms)
{
	int *calls = arg;

	(void)waited_ms;
	return ++*calls < 3;
}

/* While another connection holds the write lock (an import), a reading
 * open and its queries go on; a writer waits (telling its caller), then
 * gives up without writing. */
static void test_readers_never_wait_for_a_writer(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store reader, writer;
	sqlite3 *importer;
	int calls = 0;

	assert_int_equal(sqlite3_open(f->path, &importer), SQLITE_OK);
	/* (a raw connection: no rm_user() for the change-log triggers) */
	assert_int_equal(sqlite3_exec(importer, "BEGIN IMMEDIATE; CREATE TABLE scratch(x)", NULL,
				      NULL, NULL), SQLITE_OK);
	assert_int_equal(store_open(&reader, f->path, NULL, STORE_READ, &err), 0);
	reader.wait_ms = 1;   /* a reader that had to wait would now fail */
	assert_true(reader.readonly);
	assert_int_equal(fixture_int(&(struct fixture){ .st = reader }, "SELECT count(*) FROM aar_action"), 3);
	assert_int_equal(fixture_int(&(struct fixture){ .st = reader },
				     "SELECT count(*) FROM sqlite_schema WHERE name = 'scratch'"), 0);
	store_close(&reader);

	assert_int_equal(store_open(&writer, f->path, NULL, 0, &err), 0);
	writer.on_wait = count_waits;
	writer.wait_arg = &calls;
	assert_int_equal(store_begin(&writer, &err), -1);
	assert_int_equal(calls, 3);
	assert_non_null(strstr(err.msg, "another user"));
	writer.on_wait = NULL;
	writer.wait_ms = 120;
	assert_int_equal(store_begin(&writer, &err), -1);
	store_close(&writer);
	assert_int_equal(sqlite3_exec(importer, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(importer);
	assert_int_equal(fixture_int(f, "SELECT count(*) FROM sqlite_schema WHERE name = 'scratch'"), 0);
}

/* A database its user may not write is read without making a -wal or a
 * -shm file (which would lock its owner out): as a snapshot. */
static void test_reader_without_write_permission_makes_no_files(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct store ro;
	char *wal = file_with_suffix(f->path, "-wal"), *shm = file_with_suffix(f->path, "-shm");

	store_close(&f->st);
	unlink(wal);
	unlink(shm);
	assert_int_equal(chmod(f->path, 0444), 0);
	assert_int_equal(store_open(&ro, f->path, NULL, STORE_READ_FALLBACK, &err), 0);
	assert_true(ro.readonly);
	assert_true(ro.snapshot);
	assert_int_equal(fixture_int(&(struct fixture){ .st = ro }, "SELECT count(*) FROM norm_item"), 31);
	assert_int_equal(store_begin(&ro, &err), -1);
	store_close(&ro);
	assert_false(file_exists(wal));
	assert_false(file_exists(shm));
	/* without the fallback, a writing open is refused and says why */
	assert_int_equal(store_open(&ro, f->path, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	assert_int_equal(chmod(f->path, 0600), 0);
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	free(wal);
	free(shm);
}

/* The -wal and -shm files SQLite makes get the database file's group and
 * mode, so that every member of the group can go on writing. */
static void test_sidecars_take_the_database_group(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	gid_t groups[64], other = (gid_t)-1;
	char *wal = file_with_suffix(f->path, "-wal"), *shm = file_with_suffix(f->path, "-shm");
	struct stat sb;
	int n = getgroups(64, groups), i;

	/* a group of ours that is not our own: any group, as root */
	if (geteuid() == 0) {
		struct group *g = getgrnam("daemon");

		other = g ? g->gr_gid : 1;
	}
	for (i = 0; i < n && other == (gid_t)-1; i++)
		if (groups[i] != getegid())
			other = groups[i];
	if (other == (gid_t)-1) {
		printf("    (skipped: this user belongs to no second group to share with)\n");
		free(wal);
		free(shm);
		return;
	}
	store_close(&f->st);
	unlink(wal);
	unlink(shm);
	assert_int_equal(chown(f->path, (uid_t)-1, other), 0);
	assert_int_equal(chmod(f->path, 0660), 0);
	assert_int_equal(store_open(&f->st, f->path, NULL, STORE_READ, &err), 0);
	assert_int_equal(stat(wal, &sb), 0);
	assert_int_equal(sb.st_gid, other);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(stat(shm, &sb), 0);
	assert_int_equal(sb.st_gid, other);
	assert_int_equal(sb.st_mode & 0777, 0660);
	store_close(&f->st);
	/* a group's files stay when the last user leaves: readers need them */
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	store_close(&f->st);
	assert_true(file_exists(wal));
	assert_true(file_exists(shm));
	assert_int_equal(store_open(&f->st, f->path, NULL, 0, &err), 0);
	free(wal);
	free(shm);
}

/* A backup is one self-contained file in rollback-journal mode, with the
 * group and mode asked for, made under another name first. */
static void test_backup_is_self_contained(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct file_share group = { getegid(), 0660 };
	unsigned char header[20];
	char path[160], cmd[320];
	struct stat sb;
	FILE *fp;

	snprintf(path, sizeof path, "%s/copy.db", f->dir);
	assert_int_equal(store_backup(&f->st, path, &group, &err), 0);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fread(header, 1, sizeof header, fp), sizeof header);
	fclose(fp);
	assert_int_equal(header[18], 1);   /* rollback journal, not WAL */
	assert_int_equal(header[19], 1);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	/* nothing else left in the directory: no temporary file, no -wal */
	snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -v '^office.db' | wc -l) -eq 1", f->dir);
	assert_int_equal(system(cmd), 0);
	/* a backup into a directory that is not there leaves nothing */
	snprintf(path, sizeof path, "%s/nowhere/copy.db", f->dir);
	assert_int_equal(store_backup(&f->st, path, &group, &err), -1);
	assert_non_null(strstr(err.msg, "nowhere"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_create_migrates_from_empty, fixture_teardown),
		cmocka_unit_test_teardown(test_refuses_a_text_file, fixture_teardown),
		cmocka_unit_test_teardown(test_refuses_a_foreign_database, fixture_teardown),
		cmocka_unit_test_teardown(test_refuses_a_newer_schema, fixture_teardown),
		cmocka_unit_test_teardown(test_missing_file_not_created_readonly, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_refuses_writes, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_failures_in_words, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_constraints, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_change_log_records_who_and_what, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_pairs, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_long_and_short, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_feeds_the_index_whole, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_by_pages, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_failure_keeps_earlier_pages, fixture_setup_demo,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(test_progress_after_a_second_then_cleared, fixture_setup_empty,
						fixture_teardown),
		cmocka_unit_test_teardown(test_migrates_a_version_1_database, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_thai_collation_in_sql, fixture_setup_empty, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_check_and_backup, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_teardown(test_empty_file_only_init_takes_it, fixture_teardown),
		cmocka_unit_test_teardown(test_empty_database_refused, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_readers_never_wait_for_a_writer, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reader_without_write_permission_makes_no_files, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sidecars_take_the_database_group, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_backup_is_self_contained, fixture_setup_demo, fixture_teardown),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
