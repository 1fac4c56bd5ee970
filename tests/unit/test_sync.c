/* test_sync.c - routemap sync's address check, ssh's argument vector and
 * the framing on the pipe (sync.h), through files standing for the pipe. */
#include <fcntl.h>

#include "helpers.h"
#include "routemap/sync.h"

static void test_target_parse(void **state)
{
	struct rm_error err = { 0, "" };
	struct sync_target t;

	(void)state;
	assert_int_equal(sync_target_parse("bng@kkn-pho.example.org:KKN-PHO", &t, &err), 0);
	assert_string_equal(t.user, "bng");
	assert_string_equal(t.host, "kkn-pho.example.org");
	assert_string_equal(t.office, "KKN-PHO");
	assert_string_equal(t.address, "bng@kkn-pho.example.org");
	assert_int_equal(sync_target_parse("10.6.0.2", &t, &err), 0);
	assert_string_equal(t.user, "");
	assert_string_equal(t.office, "");
	assert_string_equal(t.address, "10.6.0.2");
	/* a leading '-' would be an option of ssh */
	assert_int_equal(sync_target_parse("-oProxyCommand=sh", &t, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "-oProxyCommand=sh"));
	{
		static const char *const bad[] = {
			"bng@-host", "-u@host", "bng@host:-X", "bng@host:", "@host", "bng@",
			"bng@ho st", "bng@host;rm", "bng@host:KKN PHO", "bng@host\n", "b$x@host",
			"bng@host:KKN:PHO", "bng@a@b", "bng@.hidden", "bng@host:ขอนแก่น",
			"bng@[::1]", "", "bng@host:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
		};
		size_t i;

		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			err.status = 0;
			if (sync_target_parse(bad[i], &t, &err) != -1)
				fail_msg("\"%s\" was taken", bad[i]);
			assert_int_equal(err.status, RM_EXIT_USAGE);
		}
	}
	assert_true(sync_office_ok("BNG-CDC"));
	assert_false(sync_office_ok("-BNG"));
	assert_false(sync_office_ok(""));
}

static void test_ssh_argv(void **state)
{
	struct rm_error err = { 0, "" };
	struct config cfg;
	struct sync_target t;
	char **v;
	static const char *const want[] = {
		"ssh", "-T", "-o", "BatchMode=yes", "-p", "2222", "-i", "/home/ann/.ssh/kkn", "--",
		"bng@kkn", "/usr/local/bin/routemap", "-o", "KKN-PHO", "sync", "--serve", NULL,
	};
	size_t i;

	(void)state;
	assert_int_equal(config_defaults(&cfg, &err), 0);
	assert_string_equal(cfg.exchange_ssh, "ssh");
	assert_string_equal(cfg.exchange_ssh_options, "");
	assert_string_equal(cfg.exchange_remote_command, "routemap");
	free(cfg.exchange_ssh_options);
	free(cfg.exchange_remote_command);
	cfg.exchange_ssh_options = strdup(" -p 2222\t-i  /home/ann/.ssh/kkn ");
	cfg.exchange_remote_command = strdup("/usr/local/bin/routemap -o KKN-PHO");
	assert_int_equal(sync_target_parse("bng@kkn:KKN-PHO", &t, &err), 0);
	v = sync_ssh_argv(&cfg, NULL, &t, &err);
	assert_non_null(v);
	for (i = 0; want[i]; i++)
		assert_string_equal(v[i], want[i]);
	assert_null(v[i]);
	sync_argv_free(v);
	/* $ROUTEMAP_SSH replaces the program; no options: straight to -- */
	free(cfg.exchange_ssh_options);
	cfg.exchange_ssh_options = strdup("");
	v = sync_ssh_argv(&cfg, "/tmp/fake-ssh", &t, &err);
	assert_non_null(v);
	assert_string_equal(v[0], "/tmp/fake-ssh");
	assert_string_equal(v[3], "BatchMode=yes");
	assert_string_equal(v[4], "--");
	assert_string_equal(v[5], "bng@kkn");
	sync_argv_free(v);
	assert_null(sync_ssh_argv(&cfg, "ssh\033[2J", &t, &err));
	assert_int_equal(err.status, RM_EXIT_USAGE);
	config_free(&cfg);
}

/* A file holding TEXT (LEN bytes), opened for reading, as the pipe. */
static int stream(const char *dir, const char *text, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/stream", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	return open(path, O_RDONLY);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Read a request from TEXT into DIR/in: the result, ERR filled. */
static int request(const char *dir, const char *text, size_t len, struct rm_error *err)
{
	char in[256];
	int fd = stream(dir, text, len), rc;

	snprintf(in, sizeof in, "%s/in", dir);
	unlink(in);
	rc = sync_read_request(fd, in, err);
	close(fd);
	return rc;
}

static void test_frames(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	char path[256], out[256], *got, msg[SYNC_MESSAGE_MAX + 2];
	size_t len;
	int fd, status = 0, any = 0;

	snprintf(path, sizeof path, "%s/bundle", f->dir);
	snprintf(out, sizeof out, "%s/framed", f->dir);
	write_file(path, "ชุดข้อมูล\n");   /* 28 bytes */
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_int_equal(sync_write_request(fd, path, &err), 0);
	close(fd);
	got = fixture_read_file(out, &len);
	assert_int_equal(len, 19 + 28);
	assert_memory_equal(got, "ROUTEMAP-SYNC 1 28\nชุดข้อมูล\n", len);
	assert_int_equal(request(f->dir, got, len, &err), 0);
	free(got);
	snprintf(out, sizeof out, "%s/in", f->dir);
	got = fixture_read_file(out, &len);
	assert_int_equal(len, 28);
	assert_memory_equal(got, "ชุดข้อมูล\n", 28);
	free(got);
	/* refused: each says what is wrong */
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 28\nชุด", 19 + 9, &err), -1);
	assert_non_null(strstr(err.msg, "9 of 28"));
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 3\nabcd", 22, &err), -1);
	assert_non_null(strstr(err.msg, "3 bytes"));
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 2 3\nabc", 21, &err), -1);
	assert_non_null(strstr(err.msg, "version 1"));
	assert_int_equal(request(f->dir, "Welcome to kkn-pho!\n", 20, &err), -1);
	assert_non_null(strstr(err.msg, "--serve"));
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 03\nabc", 22, &err), -1);
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 1073741825\n", 27, &err), -1);
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 -3\n", 19, &err), -1);
	assert_int_equal(request(f->dir, "ROUTEMAP-SYNC 1 3", 17, &err), -1);
	assert_int_equal(request(f->dir, "", 0, &err), -1);
	assert_non_null(strstr(err.msg, "nothing came"));
	/* the answers */
	fd = stream(f->dir, "ROUTEMAP-SYNC 1 ERROR 1\nส่งได้เฉพาะ BNG-CDC\n", 24 + 42);
	unlink(out);
	assert_int_equal(sync_read_reply(fd, out, &status, msg, sizeof msg, &any, &err), 1);
	close(fd);
	assert_int_equal(status, 1);
	assert_string_equal(msg, "ส่งได้เฉพาะ BNG-CDC");
	fd = stream(f->dir, "ROUTEMAP-SYNC 1 OK 3\nabc", 24);
	assert_int_equal(sync_read_reply(fd, out, &status, msg, sizeof msg, &any, &err), 0);
	close(fd);
	fd = stream(f->dir, "", 0);
	unlink(out);
	assert_int_equal(sync_read_reply(fd, out, &status, msg, sizeof msg, &any, &err), -1);
	close(fd);
	assert_false(any);
	fd = stream(f->dir, "ROUTEMAP-SYNC 1 ERROR 7\nx\n", 26);
	assert_int_equal(sync_read_reply(fd, out, &status, msg, sizeof msg, &any, &err), -1);
	close(fd);
	assert_true(any);
}

static void test_error_line(void **state)
{
	struct fixture *f = *state;
	char out[256], *got, long_msg[1100];
	size_t len;
	int fd;

	snprintf(out, sizeof out, "%s/err", f->dir);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_int_equal(sync_write_error(fd, 2, "แถว 1\nแถว 2\033"), 0);
	close(fd);
	got = fixture_read_file(out, &len);
	assert_string_equal(got, "ROUTEMAP-SYNC 1 ERROR 2\nแถว 1 แถว 2 \n");
	free(got);
	/* cut at 1024 bytes, not inside a Thai letter (3 bytes each) */
	memset(long_msg, 0, sizeof long_msg);
	for (len = 0; len + 3 < sizeof long_msg; len += 3)
		memcpy(long_msg + len, "ก", 3);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_int_equal(sync_write_error(fd, 1, long_msg), 0);
	close(fd);
	got = fixture_read_file(out, &len);
	assert_int_equal(len, 24 + 1023 + 1);   /* 341 letters */
	free(got);
}

/* [exchange] in an office file: words only, nothing a shell reads. */
static void test_ini_words(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct config cfg;
	char ini[256];

	snprintf(ini, sizeof ini, "%s/office.ini", f->dir);
	write_file(ini, "[office]\ncode = BNG-CDC\nname = รพ.สต.บ้านโนนสวรรค์\n\n"
		   "[exchange]\nssh = /usr/bin/ssh\nssh_options = -p 2222 -o ConnectTimeout=20\n"
		   "remote_command = /usr/local/bin/routemap -o KKN-PHO\n");
	assert_int_equal(config_load(&cfg, ini, &err), 0);
	assert_string_equal(cfg.exchange_ssh, "/usr/bin/ssh");
	assert_string_equal(cfg.exchange_ssh_options, "-p 2222 -o ConnectTimeout=20");
	assert_string_equal(cfg.exchange_remote_command, "/usr/local/bin/routemap -o KKN-PHO");
	config_free(&cfg);
	write_file(ini, "[office]\ncode = BNG-CDC\n\n[exchange]\n"
		   "remote_command = routemap && rm -rf ~\n");
	assert_int_equal(config_load(&cfg, ini, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	assert_non_null(strstr(err.msg, ":5: [exchange] remote_command"));
	config_free(&cfg);
	write_file(ini, "[office]\ncode = BNG-CDC\n\n[exchange]\n"
		   "ssh_options = -o \"ProxyCommand nc %h 22\"\n");
	assert_int_equal(config_load(&cfg, ini, &err), -1);
	assert_non_null(strstr(err.msg, "[exchange] ssh_options"));
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target_parse),
		cmocka_unit_test(test_ssh_argv),
		cmocka_unit_test_setup_teardown(test_frames, fixture_setup_empty, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_error_line, fixture_setup_empty, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ini_words, fixture_setup_empty, fixture_teardown),
	};

	return cmocka_run_group_tests_name("sync", tests, NULL, NULL);
}
