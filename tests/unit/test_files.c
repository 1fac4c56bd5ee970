/* test_files.c - files made safely: never through a symlink, never over
 * something already there, never half written under the final name; the
 * recovery files and where they go when the first place is refused. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "helpers.h"
#include "routemap/files.h"
#include "routemap/recover.h"

static const struct file_share private_share = { (gid_t)-1, 0600 };

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The whole of the file PATH, malloc'd ("" when it cannot be read). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = calloc(1, 65536);

	assert_non_null(s);
	if (f) {
		size_t n = fread(s, 1, 65535, f);

		s[n] = '\0';
		fclose(f);
	}
	return s;
}

static char *in_dir(struct fixture *f, const char *name)
{
	char *p = malloc(strlen(f->dir) + strlen(name) + 2);

	assert_non_null(p);
	sprintf(p, "%s/%s", f->dir, name);
	return p;
}

static void test_create_is_exclusive_and_follows_no_link(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char *path = in_dir(f, "new.txt"), *sym = in_dir(f, "link.txt"),
	     *target = in_dir(f, "target.txt");
	struct file_share group = { getegid(), 0660 };
	struct stat sb;
	int fd;

	fd = file_create(path, &group, &err);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);   /* whatever the umask */
	/* something there already: refused, kept */
	assert_int_equal(file_create(path, &group, &err), -1);
	assert_non_null(strstr(err.msg, "choose a new name"));
	/* a dangling link: nothing made where it points */
	assert_int_equal(symlink(target, sym), 0);
	assert_int_equal(file_create(sym, &private_share, &err), -1);
	assert_int_equal(access(target, F_OK), -1);
	free(path);
	free(sym);
	free(target);
	*state = f;
}

static void test_commit_only_when_complete(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char *target = in_dir(f, "copy.txt"), *tmp = NULL, *text;
	int fd;

	fd = file_temp_beside(target, &private_share, &tmp, &err);
	assert_true(fd >= 0);
	assert_non_null(strstr(tmp, "/.copy.txt."));
	assert_int_equal(file_write_all(fd, "ค่ากลาง\n", strlen("ค่ากลาง\n")), 0);
	assert_int_equal(access(target, F_OK), -1);   /* not under its name yet */
	assert_int_equal(file_commit(fd, tmp, target, 0, &err), 0);
	assert_int_equal(access(tmp, F_OK), -1);
	text = slurp(target);
	assert_string_equal(text, "ค่ากลาง\n");
	free(text);
	free(tmp);
	/* a second one without replacing: refused, the first kept, no temp */
	fd = file_temp_beside(target, &private_share, &tmp, &err);
	assert_true(fd >= 0);
	assert_int_equal(file_write_all(fd, "อื่น\n", strlen("อื่น\n")), 0);
	assert_int_equal(file_commit(fd, tmp, target, 0, &err), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	text = slurp(target);
	assert_string_equal(text, "ค่ากลาง\n");
	free(text);
	free(tmp);
	free(target);
	*state = f;
}

static void test_directory_whole_or_not_at_all(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char *target = in_dir(f, "export"), *tmp = NULL, *inside, *full = in_dir(f, "full");
	int fd;

	assert_int_equal(file_temp_dir_beside(target, &private_share, &tmp, &err), 0);
	inside = malloc(strlen(tmp) + 16);
	sprintf(inside, "%s/plans.csv", tmp);
	fd = file_create(inside, &private_share, &err);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(file_commit_dir(tmp, target, &err), 0);
	free(inside);
	free(tmp);
	inside = in_dir(f, "export/plans.csv");
	assert_int_equal(access(inside, F_OK), 0);
	free(inside);
	/* onto a directory that holds a file: refused, the temporary gone */
	assert_int_equal(mkdir(full, 0700), 0);
	inside = in_dir(f, "full/old.csv");
	write_text(inside, "code\n");
	assert_int_equal(file_temp_dir_beside(full, &private_share, &tmp, &err), 0);
	assert_int_equal(file_commit_dir(tmp, full, &err), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	assert_int_equal(access(inside, F_OK), 0);
	free(inside);
	free(tmp);
	free(full);
	free(target);
	*state = f;
}

static void test_append_only_to_own_plain_file(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char *path = in_dir(f, "kept.txt"), *sym = in_dir(f, "link.txt"),
	     *victim = in_dir(f, "victim.txt"), *hard = in_dir(f, "hard.txt"), *text;

	assert_int_equal(file_append_private(path, &private_share, "หนึ่ง\n", strlen("หนึ่ง\n"),
					     &err), 0);
	assert_int_equal(file_append_private(path, &private_share, "สอง\n", strlen("สอง\n"), &err),
			 0);
	text = slurp(path);
	assert_string_equal(text, "หนึ่ง\nสอง\n");
	free(text);
	write_text(victim, "ของคนอื่น\n");
	assert_int_equal(symlink(victim, sym), 0);
	assert_int_equal(file_append_private(sym, &private_share, "ลับ\n", 7, &err), -1);
	assert_non_null(strstr(err.msg, "symbolic link"));
	/* a second name of another file (a hard link) is no private file */
	assert_int_equal(link(victim, hard), 0);
	assert_int_equal(file_append_private(hard, &private_share, "ลับ\n", 7, &err), -1);
	text = slurp(victim);
	assert_string_equal(text, "ของคนอื่น\n");
	free(text);
	free(path);
	free(sym);
	free(victim);
	free(hard);
	*state = f;
}

/* The recovery file beside the database; a link planted there sends the
 * text to the state directory; both refused: the caller keeps it. */
static void test_recovery_places(void **state)
{
	struct fixture *f = fixture_new();
	struct rm_error err = { 0, "" };
	char *where = NULL, *beside, *st, *found = NULL, *text, *victim = in_dir(f, "victim.txt");
	char statedir[160];
	int entries = 0;

	snprintf(statedir, sizeof statedir, "%s/state", f->dir);
	setenv("XDG_STATE_HOME", statedir, 1);
	recover_paths(f->path, "somchai", &beside, &st);
	assert_non_null(strstr(beside, "office.db.somchai.recovered.txt"));
	assert_non_null(strstr(st, "/state/routemap/%tmp%routemap-unit."));
	assert_non_null(strstr(st, "%office.db.recovered.txt"));
	assert_int_equal(recover_save(f->path, "somchai", &private_share, "บันทึก", "ข้อความแรก",
				      &where, &err), 0);
	assert_string_equal(where, beside);
	free(where);
	{
		/* the entry's time as people read it: local, Buddhist Era */
		char *kept = slurp(beside), want[96];
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		snprintf(want, sizeof want, "---- %d %s %d ", tm.tm_mday,
			 (const char *[]){ "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
					   "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค." }[tm.tm_mon],
			 tm.tm_year + 1900 + 543);
		assert_non_null(kept);
		assert_memory_equal(kept, want, strlen(want));
		assert_non_null(strstr(kept, "  somchai  บันทึก\nข้อความแรก\n"));
		free(kept);
	}
	assert_int_equal(recover_find(f->path, "somchai", &found, &entries), 1);
	assert_string_equal(found, beside);
	assert_int_equal(entries, 1);
	free(found);
	/* a colleague plants a link: the text goes to the state directory */
	unlink(beside);
	write_text(victim, "ของคนอื่น\n");
	assert_int_equal(symlink(victim, beside), 0);
	assert_int_equal(recover_save(f->path, "somchai", &private_share, "บันทึก", "ข้อความลับ",
				      &where, &err), 0);
	assert_string_equal(where, st);
	free(where);
	text = slurp(victim);
	assert_string_equal(text, "ของคนอื่น\n");
	free(text);
	text = slurp(st);
	assert_non_null(strstr(text, "ข้อความลับ"));
	assert_non_null(strstr(text, "somchai  บันทึก"));
	free(text);
	/* and there too: nowhere to write, the caller is told why */
	unlink(st);
	assert_int_equal(symlink(victim, st), 0);
	assert_int_equal(recover_save(f->path, "somchai", &private_share, "บันทึก", "อีก", &where,
				      &err), -1);
	assert_null(where);
	assert_non_null(strstr(err.msg, "symbolic link"));
	unsetenv("XDG_STATE_HOME");
	free(beside);
	free(st);
	free(victim);
	*state = f;
}

/* POSIX locks this process holds, as /proc/locks lists them. */
static int my_locks(void)
{
	FILE *f = fopen("/proc/locks", "r");
	char line[256], me[32];
	int n = 0;

	assert_non_null(f);
	snprintf(me, sizeof me, " %ld ", (long)getpid());
	while (fgets(line, sizeof line, f))
		n += strstr(line, "POSIX") && strstr(line, me);
	fclose(f);
	return n;
}

/* A colleague plants a hard link to the database's -shm under the name
 * of our recovery file: looking for recovery text and keeping some must
 * refuse it without ever opening it, since closing a descriptor of the
 * -shm would drop SQLite's locks on it. */
static void test_recovery_hard_link_keeps_locks(void **state)
{
	struct fixture *f = *state;
	char *beside, *st, *shm = malloc(strlen(f->path) + 8), *where = NULL, *found = NULL;
	struct rm_error err = { 0, "" };
	int before, entries;
	sqlite3_stmt *stmt;

	sprintf(shm, "%s-shm", f->path);
	/* a read transaction open: SQLite holds its locks on the -shm */
	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT count(*) FROM plan", -1, &stmt, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	before = my_locks();
	assert_true(before > 0);
	unsetenv("XDG_STATE_HOME");
	recover_paths(f->path, "somchai", &beside, &st);
	assert_int_equal(link(shm, beside), 0);
	assert_int_equal(recover_find(f->path, "somchai", &found, &entries), 0);
	assert_int_equal(my_locks(), before);
	setenv("XDG_STATE_HOME", f->dir, 1);
	assert_int_equal(recover_save(f->path, "somchai", &private_share, "บันทึก", "ข้อความ",
				      &where, &err), 0);
	assert_true(strcmp(where, beside) != 0);   /* not into the -shm */
	assert_int_equal(my_locks(), before);
	unsetenv("XDG_STATE_HOME");
	sqlite3_finalize(stmt);
	free(where);
	free(beside);
	free(st);
	free(shm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_create_is_exclusive_and_follows_no_link, fixture_teardown),
		cmocka_unit_test_teardown(test_commit_only_when_complete, fixture_teardown),
		cmocka_unit_test_teardown(test_directory_whole_or_not_at_all, fixture_teardown),
		cmocka_unit_test_teardown(test_append_only_to_own_plain_file, fixture_teardown),
		cmocka_unit_test_teardown(test_recovery_places, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_recovery_hard_link_keeps_locks, fixture_setup_demo,
						fixture_teardown),
	};

	return cmocka_run_group_tests_name("files", tests, NULL, NULL);
}
