/* recover.h - where text that could not be saved goes.
 *
 * Each user has a recovery file of their own beside the database,
 * DATABASE.USER.recovered.txt (mode 0600, 0660 for a shared group),
 * appended to and synced, never through a symlink or into another user's
 * file (files.h).  When that cannot be written (a read-only directory, a
 * full disk, something planted under its name), the text goes to
 * $XDG_STATE_HOME/routemap/PATH.recovered.txt (~/.local/state/...; PATH
 * the database's whole path with '/' as '%'), and
 * when that fails too the caller keeps it and prints it on exit.
 */
#ifndef ROUTEMAP_RECOVER_H
#define ROUTEMAP_RECOVER_H

#include "routemap/error.h"
#include "routemap/files.h"

/* The two places for USER's text of the database DB_PATH, malloc'd
 * (either may be NULL when out of memory or without a home). */
void recover_paths(const char *db_path, const char *user, char **beside, char **state);

/* Append one entry to USER's recovery file: a line "---- TIME  USER  WHAT"
 * and TEXT.  *WHERE gets the path written (malloc'd).  Returns 0, or -1
 * with ERR saying why neither place could be written (TEXT is then the
 * caller's to keep). */
int recover_save(const char *db_path, const char *user, const struct file_share *share,
		 const char *what, const char *text, char **where, struct rm_error *err);

/* The recovery file of USER for DB_PATH that holds something, if any:
 * returns 1 with *PATH (malloc'd) and *ENTRIES (how many texts), else 0. */
int recover_find(const char *db_path, const char *user, char **path, int *entries);

#endif
