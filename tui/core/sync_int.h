/* sync_int.h - what sync.c (writing frames) and syncread.c (reading
 * them) share; not for other modules. */
#ifndef ROUTEMAP_SYNC_INT_H
#define ROUTEMAP_SYNC_INT_H

#include <stddef.h>
#include <sys/types.h>

/* Read up to LEN bytes from FD into P, going on after short reads and
 * EINTR; fewer only at end of file.  Returns the bytes read, or -1 (errno
 * set). */
ssize_t sync_read_full(int fd, void *p, size_t len);

#endif
