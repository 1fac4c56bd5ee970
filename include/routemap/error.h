/* error.h - how core/ reports failures to its callers.
 *
 * Nothing in core/ prints or exits.  A function that can fail takes a
 * struct rm_error *, fills it and returns -1 (or NULL).  The message is one
 * line, "WHERE: WHAT", without the "routemap: " prefix and without a newline;
 * the status says how the program should end: RM_EXIT_RUNTIME (1) for bad
 * data or a failing database, RM_EXIT_USAGE (2) for bad usage or
 * configuration.
 */
#ifndef ROUTEMAP_ERROR_H
#define ROUTEMAP_ERROR_H

#include <stdarg.h>

enum rm_exit {
	RM_EXIT_OK = 0,
	RM_EXIT_RUNTIME = 1,
	RM_EXIT_USAGE = 2,
};

struct rm_error {
	int status;          /* enum rm_exit */
	char msg[1024];
};

/* Fill ERR (if not NULL) with STATUS and a printf-style message; returns -1
 * so callers can write "return rm_fail(err, ...);". */
int rm_fail(struct rm_error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int rm_vfail(struct rm_error *err, int status, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Fill ERR with "out of memory" in the user's words (RM_EXIT_RUNTIME);
 * returns -1, as rm_fail. */
int rm_oom(struct rm_error *err);

/* Put "PREFIX: " in front of the message already in ERR. */
void rm_error_prefix(struct rm_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What the system error ERRNUM means for the user and what to do, in
 * the office's language, the system's own words after it in parentheses
 * ("มีไฟล์ชื่อนี้อยู่แล้ว (File exists)").  The text lives in one of a few
 * static buffers: use it before the fourth next call. */
const char *rm_strerror(int errnum);

#endif
