/* synccli.h - what the two halves of `routemap sync` (sync.c, the
 * client; syncserve.c, the other end) share. */
#ifndef ROUTEMAP_SYNCCLI_H
#define ROUTEMAP_SYNCCLI_H

#include <stddef.h>

#include "routemap/cli.h"

/* Make a private directory (mode 0700) under $TMPDIR or /tmp into DIR
 * (SIZE bytes).  Returns 0, or -1 with ERR. */
int sync_tempdir(char *dir, size_t size, struct rm_error *err);

/* Remove the files NAMES (NULL-terminated) from DIR, then DIR itself;
 * what is not there is ignored. */
void sync_tempdir_remove(const char *dir, const char *const *names);

/* `routemap sync --serve [--peer OFFICE]`: ARGV[0] is "--serve".  Reads
 * one framed bundle on standard input, applies it, writes the bundle back
 * framed on standard output (or the refusal, framed); messages for people
 * on standard error.  Returns the exit status. */
int sync_serve(struct cli *cli, int argc, char **argv);

#endif
