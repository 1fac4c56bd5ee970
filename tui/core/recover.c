/* recover.c - the recovery files: text that could not be saved, kept for
 * its user beside the database or else in the user's state directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/recover.h"
#include "routemap/text.h"

#define SUFFIX ".recovered.txt"

/* USER as it may stand in a file name: letters, digits, '.', '_', '-'. */
static void safe_name(const char *user, struct buf *b)
{
	const unsigned char *p;

	for (p = (const unsigned char *)user; *p; p++) {
		char c = (char)*p;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			c = '_';
		buf_add(b, &c, 1);
	}
}

void recover_paths(const char *db_path, const char *user, char **beside, char **state)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME"), *p;
	struct buf full = { 0 }, a = { 0 }, b = { 0 };
	char cwd[4096];

	/* a full path: the messages that name it hold wherever one stands */
	if (db_path[0] != '/' && getcwd(cwd, sizeof cwd))
		buf_printf(&full, "%s/", cwd);
	buf_puts(&full, db_path);
	buf_printf(&a, "%s.", full.s ? full.s : db_path);
	safe_name(user, &a);
	buf_puts(&a, SUFFIX);
	*beside = buf_take(&a);
	*state = NULL;
	if (xdg && *xdg == '/')
		buf_printf(&b, "%s/routemap/", xdg);
	else if (home && *home == '/')
		buf_printf(&b, "%s/.local/state/routemap/", home);
	else
		goto out;
	/* named by the database's whole path, '/' as '%': two offices'
	 * office.db never share a file */
	for (p = full.s; p && *p; p++)
		buf_add(&b, *p == '/' ? "%" : p, 1);
	buf_puts(&b, SUFFIX);
	*state = buf_take(&b);
out:
	buf_free(&full);
}

int recover_save(const char *db_path, const char *user, const struct file_share *share,
		 const char *what, const char *text, char **where, struct rm_error *err)
{
	static const struct file_share private_share = { (gid_t)-1, 0600 };
	char *beside = NULL, *state = NULL, at[64];
	struct rm_error first = { 0, "" };
	struct buf entry = { 0 };
	int rc = -1;

	*where = NULL;
	if (text_format_time(time(NULL), at, sizeof at) < 0)
		snprintf(at, sizeof at, "?");
	buf_printf(&entry, "---- %s  %s  %s\n%s\n", at, user, what, text);
	recover_paths(db_path, user, &beside, &state);
	if (entry.oom || !beside) {
		rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		goto out;
	}
	if (file_append_private(beside, share, entry.s, entry.len, &first) == 0) {
		*where = beside;
		beside = NULL;
		rc = 0;
		goto out;
	}
	/* beside the database is out of reach: the user's own directory */
	if (state && file_make_parents(state, &private_share, err) == 0 &&
	    file_append_private(state, &private_share, entry.s, entry.len, err) == 0) {
		*where = state;
		state = NULL;
		rc = 0;
		goto out;
	}
	if (!state) {
		*err = first;
	} else {
		struct rm_error second = *err;   /* (err's text goes into itself) */

		rm_fail(err, RM_EXIT_RUNTIME, "%s; %s", first.msg, second.msg);
	}
out:
	buf_free(&entry);
	free(beside);
	free(state);
	return rc;
}

/* How many entries the recovery file PATH of this user holds (0 when
 * there is none, or it is not a plain file of ours). */
static int count_entries(const char *path)
{
	struct rm_error err = { 0, "" };
	char line[512];
	int fd, n = 0;
	FILE *f;

	fd = file_open_own(path, O_RDONLY | O_NONBLOCK, &err);
	if (fd < 0)
		return 0;
	f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return 0;
	}
	while (fgets(line, sizeof line, f))
		n += strncmp(line, "---- ", 5) == 0;
	fclose(f);
	return n;
}

int recover_find(const char *db_path, const char *user, char **path, int *entries)
{
	char *beside = NULL, *state = NULL;
	int n;

	*path = NULL;
	*entries = 0;
	recover_paths(db_path, user, &beside, &state);
	if (beside && (n = count_entries(beside)) > 0) {
		*path = beside;
		*entries = n;
		free(state);
		return 1;
	}
	if (state && (n = count_entries(state)) > 0) {
		*path = state;
		*entries = n;
		free(beside);
		return 1;
	}
	free(beside);
	free(state);
	return 0;
}
