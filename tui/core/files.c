/* files.c - files made safely: exclusive, never through a symlink, with
 * the group and mode of the people who share them, renamed into place
 * only when complete and synced. */
#define _GNU_SOURCE   /* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/files.h"
#include "routemap/i18n.h"

char *file_with_suffix(const char *path, const char *suffix)
{
	struct buf b = { 0 };

	buf_puts(&b, path);
	buf_puts(&b, suffix);
	return buf_take(&b);
}

int file_exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

int file_share_for_group(const char *group, struct file_share *sh, struct rm_error *err)
{
	struct group *gr;

	sh->gid = (gid_t)-1;
	sh->mode = 0600;
	if (!group || !*group)
		return 0;
	gr = getgrnam(group);
	if (!gr)
		return rm_fail(err, RM_EXIT_USAGE,
			       _("[database] shared_group: no group \"%s\" on this system"), group);
	sh->gid = gr->gr_gid;
	sh->mode = 0660;
	return 0;
}

/* Is GID one of this process's groups? */
static int in_group(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups), i;

	if (gid == getegid())
		return 1;
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

int file_share_like(const char *path, struct file_share *sh, struct rm_error *err)
{
	struct stat sb;

	if (stat(path, &sb) < 0)
		return rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(errno));
	/* the file's group when we may give it (a member, or root); else ours,
	 * and then the group gets nothing */
	if (in_group(sb.st_gid) || geteuid() == 0) {
		sh->gid = sb.st_gid;
		sh->mode = (sb.st_mode & 0660) | 0600;
	} else {
		sh->gid = (gid_t)-1;
		sh->mode = 0600;
	}
	return 0;
}

/* Give the open file FD SH's group and mode. */
static int apply_share(int fd, const struct file_share *sh)
{
	struct stat sb;

	if (sh->gid != (gid_t)-1 && fstat(fd, &sb) == 0 && sb.st_gid != sh->gid &&
	    fchown(fd, (uid_t)-1, sh->gid) < 0)
		return -1;
	return fchmod(fd, sh->mode);
}

int file_make_parents(const char *path, const struct file_share *sh, struct rm_error *err)
{
	char *dir = strdup(path);
	int shared = sh->gid != (gid_t)-1;
	char *p;

	if (!dir)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, shared ? 0770 : 0700) == 0) {
			/* setgid: what is made inside gets the group too */
			if (shared && (chown(dir, (uid_t)-1, sh->gid) < 0 || chmod(dir, 02770) < 0)) {
				rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot share the directory: %s"),
					dir, rm_strerror(errno));
				free(dir);
				return -1;
			}
		} else if (errno != EEXIST) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create the directory: %s"), dir,
				rm_strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int file_create(const char *path, const struct file_share *sh, struct rm_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, sh->mode);

	if (fd < 0) {
		int e = errno;

		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create: %s%s"), path, rm_strerror(e),
			e == EEXIST ? _(" (something is already there; choose a new name)") : "");
		errno = e;
		return -1;
	}
	if (apply_share(fd, sh) < 0) {
		int e = errno;

		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot set the group or mode: %s"), path,
			rm_strerror(e));
		close(fd);
		unlink(path);
		errno = e;
		return -1;
	}
	return fd;
}

int file_temp_beside(const char *target, const struct file_share *sh, char **tmp,
		     struct rm_error *err)
{
	const char *slash = strrchr(target, '/');
	struct buf b = { 0 };
	int fd;

	*tmp = NULL;
	if (slash)
		buf_printf(&b, "%.*s/.%s.XXXXXX", (int)(slash - target), target, slash + 1);
	else
		buf_printf(&b, ".%s.XXXXXX", target);
	if (b.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	/* mkstemp: O_CREAT | O_EXCL, mode 0600, a name nobody could guess */
	fd = mkstemp(b.s);
	if (fd < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create a temporary file beside it: %s"),
			target, rm_strerror(errno));
		buf_free(&b);
		return -1;
	}
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 || apply_share(fd, sh) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot set the group or mode: %s"), b.s,
			rm_strerror(errno));
		close(fd);
		unlink(b.s);
		buf_free(&b);
		return -1;
	}
	*tmp = buf_take(&b);
	return fd;
}

int file_sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, rc;

	if (!slash)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = strndup(path, (size_t)(slash - path));
	if (!dir) {
		errno = ENOMEM;
		return -1;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	/* some file systems cannot sync a directory: nothing more to do */
	if (rc < 0 && (errno == EINVAL || errno == EROFS))
		rc = 0;
	close(fd);
	return rc;
}

int file_commit(int fd, const char *tmp, const char *target, int replace, struct rm_error *err)
{
	int rc;

	if (fsync(fd) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), target, rm_strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), target, rm_strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (replace) {
		rc = rename(tmp, target);
	} else {
		/* link() refuses an existing TARGET, atomically; file systems
		 * without hard links get a check and a rename instead */
		rc = link(tmp, target);
		if (rc == 0) {
			unlink(tmp);
		} else if (errno == EPERM || errno == EOPNOTSUPP || errno == EXDEV) {
			if (file_exists(target)) {
				errno = EEXIST;
				rc = -1;
			} else {
				rc = rename(tmp, target);
			}
		}
	}
	if (rc < 0) {
		int e = errno;

		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create: %s%s"), target, rm_strerror(e),
			e == EEXIST ? _(" (something is already there; choose a new name)") : "");
		unlink(tmp);
		errno = e;
		return -1;
	}
	/* the file is complete and in place; a directory that cannot be
	 * synced only makes the new name less durable on a crash */
	(void)file_sync_parent(target);
	return 0;
}

int file_temp_dir_beside(const char *target, const struct file_share *sh, char **tmp,
			 struct rm_error *err)
{
	const char *slash = NULL, *p;
	struct buf b = { 0 };
	size_t len = strlen(target);
	mode_t mode = sh->mode | ((sh->mode & 0444) >> 2);   /* x where r */

	*tmp = NULL;
	while (len > 1 && target[len - 1] == '/')
		len--;   /* "out/" names the directory "out" */
	for (p = target; p < target + len; p++)
		if (*p == '/')
			slash = p;
	if (slash)
		buf_printf(&b, "%.*s/.%.*s.XXXXXX", (int)(slash - target), target,
			   (int)(len - (size_t)(slash - target) - 1), slash + 1);
	else
		buf_printf(&b, ".%.*s.XXXXXX", (int)len, target);
	if (b.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	if (!mkdtemp(b.s)) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create a temporary directory beside it: %s"),
			target, rm_strerror(errno));
		buf_free(&b);
		return -1;
	}
	if ((sh->gid != (gid_t)-1 && chown(b.s, (uid_t)-1, sh->gid) < 0) ||
	    chmod(b.s, sh->gid != (gid_t)-1 ? 02000 | mode : mode) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot set the group or mode: %s"), b.s,
			rm_strerror(errno));
		rmdir(b.s);
		buf_free(&b);
		return -1;
	}
	*tmp = buf_take(&b);
	return 0;
}

void file_remove_dir(const char *tmp)
{
	DIR *d = opendir(tmp);
	struct dirent *e;

	if (d) {
		int fd = dirfd(d);

		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				unlinkat(fd, e->d_name, 0);
		closedir(d);
	}
	rmdir(tmp);
}

int file_commit_dir(const char *tmp, const char *target, struct rm_error *err)
{
	int fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) < 0) {
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), target, rm_strerror(errno));
		if (fd >= 0)
			close(fd);
		file_remove_dir(tmp);
		return -1;
	}
	close(fd);
	/* rename() puts a directory only over an empty one: never over files */
	if (rename(tmp, target) < 0) {
		int e = errno;

		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot create: %s%s"), target, rm_strerror(e),
			e == ENOTEMPTY || e == EEXIST || e == ENOTDIR
			? _(" (something is already there; choose a new name)") : "");
		file_remove_dir(tmp);
		return -1;
	}
	(void)file_sync_parent(target);   /* (as in file_commit) */
	return 0;
}

int file_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int file_open_own(const char *path, int flags, struct rm_error *err)
{
	char via[64];
	struct stat sb;
	int pfd, fd;

	/* O_PATH: closing it drops no POSIX lock of this process (a hard link
	 * to the database or its -shm planted under PATH would otherwise
	 * take SQLite's locks with it, as any open and close of it does) */
	pfd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (pfd < 0) {
		int e = errno;

		rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(pfd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_nlink != 1 ||
	    sb.st_uid != geteuid()) {
		int link = S_ISLNK(sb.st_mode);

		close(pfd);
		if (link)
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path,
				_("it is a symbolic link"));
		else
			rm_fail(err, RM_EXIT_RUNTIME,
				_("%s: not used: it is not a plain file of yours"), path);
		errno = link ? ELOOP : EPERM;
		return -1;
	}
	/* the very file checked, whatever the name points to now */
	snprintf(via, sizeof via, "/proc/self/fd/%d", pfd);
	fd = open(via, flags | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;

		close(pfd);
		rm_fail(err, RM_EXIT_RUNTIME, "%s: %s", path, rm_strerror(e));
		errno = e;
		return -1;
	}
	close(pfd);
	return fd;
}

int file_append_private(const char *path, const struct file_share *sh, const char *text,
			size_t len, struct rm_error *err)
{
	int fd, e, created = 0;

	/* a new file of ours, or else the user's own plain file already there */
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, sh->mode);
	if (fd < 0 && errno != EEXIST) {
		e = errno;
		rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path, rm_strerror(e));
		errno = e;
		return -1;
	}
	if (fd < 0) {
		fd = file_open_own(path, O_WRONLY | O_APPEND | O_NONBLOCK, err);
		if (fd < 0)
			return -1;
	} else {
		created = 1;
		if (apply_share(fd, sh) < 0)
			goto fail;
	}
	if (file_write_all(fd, text, len) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	if (created)
		unlink(path);   /* no empty file that would look like a kept text */
	rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path, rm_strerror(e));
	errno = e;
	return -1;
}

void file_share_sidecars(const char *path)
{
	static const char *const suffixes[] = { "-wal", "-shm" };
	struct stat db, sb;
	size_t i;

	if (stat(path, &db) < 0)
		return;
	/* By path, never through a descriptor: closing any descriptor of a
	 * file drops every POSIX lock this process holds on it, SQLite's own
	 * locks on the -shm among them.  lchown follows no symlink, nor does
	 * fchmodat with AT_SYMLINK_NOFOLLOW (glibc goes through O_PATH). */
	for (i = 0; i < 2; i++) {
		char *name = file_with_suffix(path, suffixes[i]);

		if (name && lstat(name, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid()) {
			if (sb.st_gid != db.st_gid)
				(void)lchown(name, (uid_t)-1, db.st_gid);
			/* the database's mode, narrowed or widened since */
			if ((sb.st_mode & 0777) != (db.st_mode & 0666))
				(void)fchmodat(AT_FDCWD, name, db.st_mode & 0666, AT_SYMLINK_NOFOLLOW);
		}
		free(name);
	}
}

void file_precreate_sidecars(const char *path)
{
	static const char *const suffixes[] = { "-wal", "-shm" };
	struct file_share sh;
	struct stat db;
	size_t i;

	if (stat(path, &db) < 0 || !(db.st_mode & 0070))
		return;   /* (one user's database: SQLite's own are right) */
	sh.gid = db.st_gid;
	sh.mode = db.st_mode & 0666;
	for (i = 0; i < 2; i++) {
		char *name = file_with_suffix(path, suffixes[i]);
		int fd = name ? open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
				     sh.mode) : -1;

		/* a new file: nobody, this process included, has it open, so
		 * closing it here drops no lock */
		if (fd >= 0) {
			(void)apply_share(fd, &sh);
			close(fd);
		}
		free(name);
	}
}
