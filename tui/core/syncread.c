/* syncread.c - reading `routemap sync`'s frames strictly (the protocol is
 * described in sync.h): a header line, a body into a file, then end of
 * file and nothing else. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "routemap/i18n.h"
#include "routemap/sync.h"
#include "sync_int.h"

#define CHUNK 65536

ssize_t sync_read_full(int fd, void *p, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)p + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* One line from FD, byte by byte (the body follows it), without its "\n",
 * into LINE (SIZE bytes).  Returns its length, -2 at end of file before
 * any byte, or -1 with ERR (too long, cut short, not text). */
static int read_line(int fd, char *line, size_t size, const char *what, struct rm_error *err)
{
	size_t n = 0;

	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, _("cannot read the connection: %s"),
				       strerror(errno));
		if (r == 0) {
			if (n == 0)
				return -2;
			return rm_fail(err, RM_EXIT_RUNTIME, _("the %s ends in the middle of "
				       "a line"), what);
		}
		if (c == '\n')
			break;
		if (c == '\0' || n + 1 >= size)
			return rm_fail(err, RM_EXIT_RUNTIME, _("the %s does not start with a "
				       "routemap sync header; is routemap sync --serve at the other "
				       "end?"), what);
		line[n++] = c;
	}
	line[n] = '\0';
	return (int)n;
}

/* S as a byte count: decimal, no sign, no leading zero, 1..SYNC_MAX_BYTES. */
static int parse_bytes(const char *s, long long *v)
{
	size_t i;

	*v = 0;
	if (!*s || *s == '0' || strlen(s) > 10)
		return -1;
	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return *v <= SYNC_MAX_BYTES ? 0 : -1;
}

/* LINE's "ROUTEMAP-SYNC 1 " start: a pointer past it, or NULL with ERR. */
static const char *after_magic(const char *line, const char *what, struct rm_error *err)
{
	size_t m = strlen(SYNC_MAGIC);
	char *end;
	long version;

	if (strncmp(line, SYNC_MAGIC " ", m + 1) != 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("the %s does not start with a routemap sync "
			"header; is routemap sync --serve at the other end?"), what);
		return NULL;
	}
	errno = 0;
	version = strtol(line + m + 1, &end, 10);
	if (errno || end == line + m + 1 || (*end != ' ' && *end != '\0') ||
	    version != SYNC_VERSION) {
		rm_fail(err, RM_EXIT_RUNTIME, _("the other side speaks another version of the "
			"sync protocol (\"%.40s\"); this routemap speaks version %d: install the "
			"same routemap at both ends"), line, SYNC_VERSION);
		return NULL;
	}
	return *end ? end + 1 : end;
}

/* BYTES bytes from FD into the new file PATH, then end of file. */
static int read_body(int fd, const char *path, long long bytes, const char *what,
		     struct rm_error *err)
{
	static char buf[CHUNK];
	long long left = bytes;
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ssize_t n;

	if (out < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path,
			       strerror(errno));
	while (left > 0) {
		n = sync_read_full(fd, buf, left < CHUNK ? (size_t)left : CHUNK);
		if (n <= 0) {
			close(out);
			return rm_fail(err, RM_EXIT_RUNTIME, _("the %s was cut short: %lld of "
				       "%lld bytes came"), what, bytes - left, bytes);
		}
		if (write(out, buf, (size_t)n) != n) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path,
				strerror(errno));
			close(out);
			return -1;
		}
		left -= n;
	}
	if (close(out) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path,
			       strerror(errno));
	n = sync_read_full(fd, buf, 1);
	if (n != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("the %s goes on after its %lld bytes"),
			       what, bytes);
	return 0;
}

int sync_read_request(int fd, const char *path, struct rm_error *err)
{
	const char *what = _("bundle sent");
	char line[SYNC_HEADER_MAX + 1];
	const char *rest;
	long long bytes;
	int n = read_line(fd, line, sizeof line, what, err);

	if (n == -2)
		return rm_fail(err, RM_EXIT_RUNTIME, _("nothing came to apply; routemap sync "
			       "--serve is the other end of routemap sync USER@HOST"));
	if (n < 0 || !(rest = after_magic(line, what, err)))
		return -1;
	if (parse_bytes(rest, &bytes) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("the header \"%.60s\" does not give a size "
			       "from 1 byte to 1 GiB"), line);
	return read_body(fd, path, bytes, what, err);
}

int sync_read_reply(int fd, const char *path, int *status, char *message, size_t size,
		    int *got_any, struct rm_error *err)
{
	const char *what = _("answer");
	char line[SYNC_HEADER_MAX + 1], text[SYNC_MESSAGE_MAX + 2];
	const char *rest;
	long long bytes;
	int n = read_line(fd, line, sizeof line, what, err);

	*got_any = n != -2;
	if (n == -2)
		return rm_fail(err, RM_EXIT_RUNTIME, _("the other side closed the connection "
			       "without an answer"));
	if (n < 0 || !(rest = after_magic(line, what, err)))
		return -1;
	if (strncmp(rest, "OK ", 3) == 0 && parse_bytes(rest + 3, &bytes) == 0)
		return read_body(fd, path, bytes, what, err) < 0 ? -1 : 0;
	if ((strcmp(rest, "ERROR 1") == 0 || strcmp(rest, "ERROR 2") == 0)) {
		n = read_line(fd, text, sizeof text, what, err);
		if (n == -2)
			return rm_fail(err, RM_EXIT_RUNTIME, _("the %s ends in the middle of "
				       "a line"), what);
		if (n < 0)
			return -1;
		*status = rest[6] - '0';
		snprintf(message, size, "%s", text);
		return 1;
	}
	return rm_fail(err, RM_EXIT_RUNTIME, _("the answer \"%.60s\" is neither OK with a size "
		       "from 1 byte to 1 GiB nor ERROR 1 or 2"), line);
}
