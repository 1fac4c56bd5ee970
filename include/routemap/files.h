/* files.h - files routemap creates beside the database and elsewhere:
 * never through a symlink, never over someone else's file, never half
 * written under the final name, with the owner, group and mode that the
 * people sharing the database need.
 *
 * Every file is made with O_CREAT | O_EXCL | O_NOFOLLOW (mkstemp for
 * temporary names), its group and mode set on the open descriptor
 * (fchown, fchmod: the umask does not decide), written, fsync'd, and only
 * then renamed into place; the directory is fsync'd after the rename.
 */
#ifndef ROUTEMAP_FILES_H
#define ROUTEMAP_FILES_H

#include <stddef.h>
#include <sys/types.h>

#include "routemap/error.h"

/* Who may use a new file: GID (or (gid_t)-1 to leave the creator's) and
 * MODE (0600 for one user, 0660 for a group). */
struct file_share {
	gid_t gid;
	mode_t mode;
};

/* The share of files for GROUP (a group name; NULL or "" for one user).
 * Returns 0, or -1 with ERR (status 2) when there is no such group. */
int file_share_for_group(const char *group, struct file_share *sh, struct rm_error *err);

/* The share of files like the existing file PATH: its group, and its
 * mode's read and write bits for the owner and the group (at least
 * 0600); when this user is not in that group, 0600 and the user's own. */
int file_share_like(const char *path, struct file_share *sh, struct rm_error *err);

/* Make the directories above PATH that are missing (mode 0700, or 02770
 * with SH's group so that files made inside inherit it).  Returns 0 or -1
 * with ERR. */
int file_make_parents(const char *path, const struct file_share *sh, struct rm_error *err);

/* Create the new file PATH (refused when anything, a symlink included, is
 * there) with SH's group and mode, open for writing.  Returns the
 * descriptor, or -1 with ERR naming PATH. */
int file_create(const char *path, const struct file_share *sh, struct rm_error *err);

/* A new temporary file beside TARGET (".NAME.XXXXXX" in its directory)
 * with SH's group and mode.  *TMP gets its malloc'd path (caller frees).
 * Returns the descriptor, or -1 with ERR. */
int file_temp_beside(const char *target, const struct file_share *sh, char **tmp,
		     struct rm_error *err);

/* Sync and close FD (the temporary file TMP), then give it the name
 * TARGET: replacing what is there when REPLACE, else refusing when
 * TARGET exists (EEXIST, without a race).  Then sync the directory.  On
 * failure TMP is removed.  Returns 0 or -1 with ERR naming TARGET. */
int file_commit(int fd, const char *tmp, const char *target, int replace, struct rm_error *err);

/* A new temporary directory beside TARGET (".NAME.XXXXXX") with SH's
 * group (setgid) and mode (plus search permission).  *TMP gets its
 * malloc'd path.  Returns 0 or -1 with ERR. */
int file_temp_dir_beside(const char *target, const struct file_share *sh, char **tmp,
			 struct rm_error *err);

/* Give the finished temporary directory TMP the name TARGET, which must
 * be missing or an empty directory, then sync the directory above.  On
 * failure TMP and what it holds are removed.  Returns 0 or -1 with ERR. */
int file_commit_dir(const char *tmp, const char *target, struct rm_error *err);

/* Remove the directory TMP and the plain files in it (a failed export). */
void file_remove_dir(const char *tmp);

/* Write all of BUF (LEN bytes) to FD.  Returns 0 or -1 with errno. */
int file_write_all(int fd, const void *buf, size_t len);

/* Open the existing file PATH with FLAGS (O_RDONLY, O_WRONLY|O_APPEND...)
 * only when it is a plain file of this user with no other name (no
 * symlink, no hard link: not the database or its -shm under another
 * name).  It is looked at through O_PATH and opened through /proc, so
 * that no descriptor of anything else is ever opened and closed here
 * (closing one drops this process's POSIX locks on that file, SQLite's
 * among them).  Returns the descriptor, or -1 with ERR and errno. */
int file_open_own(const char *path, int flags, struct rm_error *err);

/* Append TEXT (LEN bytes) to the file PATH, creating it with SH when
 * missing, and sync it.  Refused when PATH is a symlink, not a regular
 * file, has other hard links, or belongs to another user
 * (file_open_own).  Returns 0, or -1 with ERR naming PATH (errno kept);
 * a file this call created is removed again when the text did not all
 * get into it (a full disk leaves no empty file behind). */
int file_append_private(const char *path, const struct file_share *sh, const char *text,
			size_t len, struct rm_error *err);

/* Sync the directory that holds PATH.  Returns 0 or -1 with errno. */
int file_sync_parent(const char *path);

/* Give the files SQLite made beside the database PATH ("-wal", "-shm")
 * the database file's group and mode, where this user owns them (SQLite
 * makes them with the database's mode at that time but the creator's
 * group).  Done by path (lchown, fchmodat), never by opening them, which
 * would drop SQLite's locks.  Symlinks and other users' files are left
 * alone.  Best effort. */
void file_share_sidecars(const char *path);

/* Before SQLite opens the WAL database PATH that a group shares: make its
 * missing "-wal" and "-shm" now, with the database file's group and mode,
 * so that no member ever meets them with the wrong group (SQLite makes
 * them with the creator's).  Call only when the database is in WAL mode
 * (a -wal beside a rollback-journal database puts SQLite in WAL mode).
 * Best effort. */
void file_precreate_sidecars(const char *path);

/* True when the file PATH exists (lstat: a symlink exists). */
int file_exists(const char *path);

/* PATH with SUFFIX appended, malloc'd (NULL when out of memory). */
char *file_with_suffix(const char *path, const char *suffix);

#endif
