/* error.c - filling struct rm_error; system errors in the user's words. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "routemap/error.h"
#include "routemap/i18n.h"

int rm_vfail(struct rm_error *err, int status, const char *fmt, va_list ap)
{
	if (err) {
		err->status = status;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	}
	return -1;
}

int rm_fail(struct rm_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rm_vfail(err, status, fmt, ap);
	va_end(ap);
	return -1;
}

int rm_oom(struct rm_error *err)
{
	return rm_fail(err, RM_EXIT_RUNTIME, "%s", _("out of memory"));
}

void rm_error_prefix(struct rm_error *err, const char *fmt, ...)
{
	char prefix[512], rest[sizeof err->msg];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(rest, err->msg, sizeof rest);
	/* A message cut at the buffer's end is still a message. */
	if (snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, rest) < 0)
		err->msg[0] = '\0';
}

/* The system errors a user meets, in words that say what to do. */
static const struct {
	int errnum;
	const char *text;
} errnos[] = {
	{ ENOENT, N_("there is no such file or folder: check the name and the path") },
	{ EEXIST, N_("a file of that name is there already") },
	{ EACCES, N_("no permission: ask whoever looks after this machine, or use another place") },
	{ EPERM, N_("not allowed: ask whoever looks after this machine") },
	{ ENOSPC, N_("the disk is full: make room and try again") },
	{ EDQUOT, N_("your disk quota is used up: make room and try again") },
	{ EROFS, N_("this place can only be read, not written") },
	{ EISDIR, N_("that is a folder, not a file") },
	{ ENOTDIR, N_("a part of the path is not a folder") },
	{ ELOOP, N_("that is a symbolic link, which is not followed, for safety") },
	{ EIO, N_("the disk could not be read or written (a hardware fault?)") },
	{ ENAMETOOLONG, N_("the name is too long") },
	{ EFBIG, N_("the file is too large") },
	{ EMFILE, N_("too many files are open") },
	{ ENFILE, N_("too many files are open") },
	{ ENOMEM, N_("out of memory") },
};

const char *rm_strerror(int errnum)
{
	static char bufs[4][512];
	static unsigned next;
	char *b = bufs[next++ % 4];
	size_t i;

	for (i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (errnos[i].errnum == errnum) {
			snprintf(b, sizeof bufs[0], "%s (%s)", _(errnos[i].text), strerror(errnum));
			return b;
		}
	snprintf(b, sizeof bufs[0], "%s", strerror(errnum));
	return b;
}
