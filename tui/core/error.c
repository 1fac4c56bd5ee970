/* error.c - filling struct rm_error. */
#include <stdio.h>
#include <string.h>

#include "routemap/error.h"

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
