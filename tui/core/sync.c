/* sync.c - what `routemap sync` needs besides the exchange engine: the
 * other end's address checked, ssh's argument vector, and the framing on
 * the pipe (the protocol is described in sync.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/i18n.h"
#include "routemap/sync.h"
#include "sync_int.h"

#define CHUNK 65536

static int is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Copy LEN bytes of S (checked: each ASCII letter, digit or one of
 * EXTRA; not starting with '-' or '.'; 1..MAX bytes) into OUT. */
static int take_part(const char *s, size_t len, const char *extra, size_t max, char *out)
{
	size_t i;

	if (len == 0 || len > max || s[0] == '-' || s[0] == '.')
		return -1;
	for (i = 0; i < len; i++)
		if (!is_alnum((unsigned char)s[i]) && !strchr(extra, s[i]))
			return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

int sync_office_ok(const char *s)
{
	char out[33];

	return take_part(s, strlen(s), "-", sizeof out - 1, out) == 0;
}

int sync_target_parse(const char *arg, struct sync_target *t, struct rm_error *err)
{
	const char *at, *host, *colon;

	memset(t, 0, sizeof t->user + sizeof t->host + sizeof t->office + sizeof t->address);
	if (arg[0] == '-')
		return rm_fail(err, RM_EXIT_USAGE, _("\"%s\": the address must not start with -; "
			       "expected USER@HOST or USER@HOST:OFFICE"), arg);
	at = strchr(arg, '@');
	host = at ? at + 1 : arg;
	colon = strchr(host, ':');
	if ((at && take_part(arg, (size_t)(at - arg), "._-", sizeof t->user - 1, t->user) < 0) ||
	    take_part(host, colon ? (size_t)(colon - host) : strlen(host), "._-",
		      sizeof t->host - 1, t->host) < 0 ||
	    (colon && take_part(colon + 1, strlen(colon + 1), "-", sizeof t->office - 1,
				t->office) < 0))
		return rm_fail(err, RM_EXIT_USAGE, _("\"%s\" is not an address routemap takes; "
			       "expected USER@HOST or USER@HOST:OFFICE (letters, digits, . _ - "
			       "and an office code such as KKN-PHO)"), arg);
	snprintf(t->address, sizeof t->address, "%s%s%s", t->user, at ? "@" : "", t->host);
	return 0;
}

/* Append the blank-separated words of S to V (N in use, room for CAP). */
static int push_words(char **v, size_t *n, size_t cap, const char *s)
{
	while (*s) {
		size_t len = strcspn(s, " \t");

		if (len) {
			if (*n + 1 >= cap || !(v[*n] = strndup(s, len)))
				return -1;
			(*n)++;
		}
		s += len;
		s += strspn(s, " \t");
	}
	return 0;
}

static int push(char **v, size_t *n, size_t cap, const char *s)
{
	if (*n + 1 >= cap || !(v[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

char **sync_ssh_argv(const struct config *cfg, const char *ssh_override,
		     const struct sync_target *t, struct rm_error *err)
{
	const char *ssh = ssh_override && *ssh_override ? ssh_override : cfg->exchange_ssh;
	const char *opts = cfg->exchange_ssh_options ? cfg->exchange_ssh_options : "";
	const char *remote = cfg->exchange_remote_command;
	/* the fixed words, the NULL, and at most (len + 1) / 2 words in
	 * each string of words */
	size_t cap = 10 + (strlen(opts) + 1) / 2 + (remote ? (strlen(remote) + 1) / 2 : 1),
	       n = 0, i;
	char **v;

	if (!ssh || !*ssh)
		ssh = "ssh";
	for (i = 0; ssh[i]; i++)
		if ((unsigned char)ssh[i] < 0x20 || ssh[i] == 0x7F) {
			rm_fail(err, RM_EXIT_USAGE, _("$ROUTEMAP_SSH holds a control character; "
				"expected the ssh program"));
			return NULL;
		}
	v = calloc(cap, sizeof *v);
	if (!v || push(v, &n, cap, ssh) < 0 || push(v, &n, cap, "-T") < 0 ||
	    push(v, &n, cap, "-o") < 0 || push(v, &n, cap, "BatchMode=yes") < 0 ||
	    push_words(v, &n, cap, opts) < 0 || push(v, &n, cap, "--") < 0 ||
	    push(v, &n, cap, t->address) < 0 ||
	    push_words(v, &n, cap, remote && *remote ? remote : "routemap") < 0 ||
	    push(v, &n, cap, "sync") < 0 || push(v, &n, cap, "--serve") < 0) {
		sync_argv_free(v);
		rm_oom(err);
		return NULL;
	}
	return v;
}

void sync_argv_free(char **argv)
{
	size_t i;

	if (!argv)
		return;
	for (i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

/* ---- the pipe ---- */

static int write_all(int fd, const void *p, size_t len)
{
	const char *s = p;

	while (len) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

static int closed(struct rm_error *err)
{
	if (errno == EPIPE)
		return rm_fail(err, RM_EXIT_RUNTIME, _("the other side closed the connection"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("cannot write to the connection: %s"),
		       strerror(errno));
}

/* HEAD and then the file at PATH to FD. */
static int send_file(int fd, const char *head, const char *path, struct rm_error *err)
{
	static char buf[CHUNK];
	struct stat sb;
	long long left;
	char line[SYNC_HEADER_MAX + 32];
	int in = open(path, O_RDONLY | O_CLOEXEC);

	if (in < 0 || fstat(in, &sb) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot read the bundle: %s"), path,
			strerror(errno));
		goto fail;
	}
	if (sb.st_size < 1 || sb.st_size > SYNC_MAX_BYTES) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: the bundle is %lld bytes; at most 1 GiB "
			"travels by sync"), path, (long long)sb.st_size);
		goto fail;
	}
	snprintf(line, sizeof line, "%s %lld\n", head, (long long)sb.st_size);
	if (write_all(fd, line, strlen(line)) < 0) {
		closed(err);
		goto fail;
	}
	for (left = sb.st_size; left > 0;) {
		ssize_t n = sync_read_full(in, buf, left < CHUNK ? (size_t)left : CHUNK);

		if (n <= 0) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: the bundle changed while it was sent"),
				path);
			goto fail;
		}
		if (write_all(fd, buf, (size_t)n) < 0) {
			closed(err);
			goto fail;
		}
		left -= n;
	}
	close(in);
	return 0;
fail:
	if (in >= 0)
		close(in);
	return -1;
}

int sync_write_request(int fd, const char *path, struct rm_error *err)
{
	char head[32];

	snprintf(head, sizeof head, "%s %d", SYNC_MAGIC, SYNC_VERSION);
	return send_file(fd, head, path, err);
}

int sync_write_ok(int fd, const char *path, struct rm_error *err)
{
	char head[32];

	snprintf(head, sizeof head, "%s %d OK", SYNC_MAGIC, SYNC_VERSION);
	return send_file(fd, head, path, err);
}

int sync_write_error(int fd, int status, const char *message)
{
	char line[SYNC_HEADER_MAX + SYNC_MESSAGE_MAX + 4];
	size_t n, i, len = strlen(message);

	n = (size_t)snprintf(line, sizeof line, "%s %d ERROR %d\n", SYNC_MAGIC, SYNC_VERSION,
			     status == 2 ? 2 : 1);
	if (len > SYNC_MESSAGE_MAX) {
		len = SYNC_MESSAGE_MAX;
		while (len > 0 && ((unsigned char)message[len] & 0xC0) == 0x80)
			len--;   /* not inside a UTF-8 character */
	}
	for (i = 0; i < len; i++)
		line[n + i] = (unsigned char)message[i] < 0x20 || message[i] == 0x7F ? ' '
										: message[i];
	line[n + len] = '\n';
	return write_all(fd, line, n + len + 1);
}
