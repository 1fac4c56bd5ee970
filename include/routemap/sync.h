/* sync.h - `routemap sync`: a bundle each way over one ssh connection.
 *
 * The client runs ssh with an argument vector (sync_ssh_argv), never a
 * shell string; at the other end `routemap sync --serve` (usually the
 * forced command of the client's key) reads one framed bundle from its
 * standard input, applies it and writes the bundle back.
 *
 * The protocol on the pipe, the whole of it (version 1):
 *
 *   client -> server   "ROUTEMAP-SYNC 1 <bytes>\n" then <bytes> bytes: the
 *                      bundle for the server's office; then end of file.
 *   server -> client   "ROUTEMAP-SYNC 1 OK <bytes>\n" then <bytes> bytes:
 *                      the bundle back; then end of file;
 *                  or  "ROUTEMAP-SYNC 1 ERROR <status>\n" then one line
 *                      (at most SYNC_MESSAGE_MAX bytes and "\n") saying
 *                      why, in the server's words; then end of file.
 *
 * <bytes> is decimal, 1 to SYNC_MAX_BYTES, without sign or leading zeros;
 * <status> is the server's exit status, 1 or 2.  A header line is at most
 * SYNC_HEADER_MAX bytes.  Anything else - another first word, another
 * version, a short body, bytes after the body - is refused with a
 * message saying which.  Nothing is read into memory whole: bodies go
 * into files (the bundle is a SQLite file; exchange_peek checks it).
 */
#ifndef ROUTEMAP_SYNC_H
#define ROUTEMAP_SYNC_H

#include <stddef.h>

#include "routemap/config.h"
#include "routemap/error.h"

#define SYNC_MAGIC "ROUTEMAP-SYNC"
#define SYNC_VERSION 1
#define SYNC_MAX_BYTES (1LL << 30)      /* 1 GiB */
#define SYNC_HEADER_MAX 64
#define SYNC_MESSAGE_MAX 1024

/* The other end, from USER@HOST[:OFFICE]. */
struct sync_target {
	char user[33];     /* "" when the argument names none (ssh's own) */
	char host[254];
	char office[33];   /* "" when not given */
	char address[288]; /* what ssh is given: USER@HOST or HOST */
};

/* Parse ARG as [USER@]HOST[:OFFICE]: USER of ASCII letters, digits, . _ -
 * (at most 32); HOST a name or IPv4 address of letters, digits, . _ -
 * (at most 253); OFFICE an office code; none of them may start with '-'
 * or hold blanks, controls or anything a shell reads.  Returns 0, or -1
 * with ERR (status RM_EXIT_USAGE, saying what is wrong). */
int sync_target_parse(const char *arg, struct sync_target *t, struct rm_error *err);

/* Whether S is an office code: ASCII letters, digits and -, not starting
 * with -, at most 32. */
int sync_office_ok(const char *s);

/* The argument vector for ssh to T (NULL-terminated, malloc'd: free it
 * with sync_argv_free): SSH (the program: SSH_OVERRIDE when not NULL nor
 * empty, else CFG's [exchange] ssh), "-T", "-o", "BatchMode=yes", the
 * words of [exchange] ssh_options, "--", T's address, the words of
 * [exchange] remote_command, "sync", "--serve".  Returns NULL with ERR
 * (status RM_EXIT_USAGE for a bad $ROUTEMAP_SSH, else out of memory). */
char **sync_ssh_argv(const struct config *cfg, const char *ssh_override,
		     const struct sync_target *t, struct rm_error *err);
void sync_argv_free(char **argv);

/* Client: write the request header and the file at PATH to FD.  Returns
 * 0, or -1 with ERR (the other side gone: "the connection closed"). */
int sync_write_request(int fd, const char *path, struct rm_error *err);

/* Server: read one request from FD into the new file PATH (made 0600,
 * must not exist), up to end of file.  Returns 0, or -1 with ERR (status
 * RM_EXIT_RUNTIME) saying what was wrong with the stream. */
int sync_read_request(int fd, const char *path, struct rm_error *err);

/* Server: the bundle at PATH back, after "... OK <bytes>".  0, or -1. */
int sync_write_ok(int fd, const char *path, struct rm_error *err);

/* Server: "... ERROR STATUS" and MESSAGE on one line (newlines and other
 * controls made spaces, cut at SYNC_MESSAGE_MAX bytes on a UTF-8
 * boundary).  Returns 0, or -1 when FD cannot be written. */
int sync_write_error(int fd, int status, const char *message);

/* Client: read the answer from FD.  OK: the bundle into the new file PATH
 * (0600), returns 0.  ERROR: *STATUS and MESSAGE (SIZE bytes, the
 * server's line), returns 1.  Anything else, or end of file too early:
 * -1 with ERR.  *GOT_ANY says whether any byte came at all. */
int sync_read_reply(int fd, const char *path, int *status, char *message, size_t size,
		    int *got_any, struct rm_error *err);

#endif
