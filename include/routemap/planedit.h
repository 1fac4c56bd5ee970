/* planedit.h - changing a plan and its route map: a plan made or
 * deleted, an objective (a box) added, deleted, moved within its band or
 * to another band, a cause -> effect link added or taken away.  Each one
 * is one change_run step (one undo), and each says in words what it
 * refused ("plan P already has an objective P1"), never SQLite's words.
 * The screens (plans.c, mapview.c) and the forms of planform.c call
 * these; no curses here. */
#ifndef ROUTEMAP_PLANEDIT_H
#define ROUTEMAP_PLANEDIT_H

#include "routemap/change.h"
#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* A new plan: its code, its office's code, title, destination statement
 * (NULL: none), fiscal years from and to (Buddhist Era), the code of the
 * plan it serves (NULL: none). */
struct plan_head {
	const char *code, *office, *title, *destination, *serves;
	int fy_from, fy_to;
};

/* Make plan P as one step of U.  Returns CHANGE_OK, or CHANGE_ERROR with
 * ERR in words (the code already used, no such office or plan served,
 * the years the wrong way round). */
int plan_create(struct store *st, struct undo_log *u, const struct plan_head *p,
		struct rm_error *err);

/* Delete plan CODE with its objectives, their links, indicators and SLM
 * rows, as one step of U (undo brings them all back).  Returns CHANGE_OK
 * or CHANGE_ERROR with ERR. */
int plan_delete(struct store *st, struct undo_log *u, const char *code, struct rm_error *err);

/* FY_FROM .. FY_TO as years of a plan: each 2400 to 2800 (Buddhist Era),
 * FY_TO not before FY_FROM.  0, or -1 with ERR in words. */
int plan_years_check(long long fy_from, long long fy_to, struct rm_error *err);

/* Is CODE the code of a plan already?  0 when not; 1 with ERR in words
 * when it is ("a plan X already exists"); -1 with ERR when the database
 * fails. */
int plan_code_used(struct store *st, const char *code, struct rm_error *err);

/* Is CODE the code of another objective (not OBJECTIVE, an id) of
 * OBJECTIVE's plan?  0 when not; 1 with ERR in words when it is; -1 with
 * ERR when the database fails. */
int objective_code_used(struct store *st, sqlite3_int64 objective, const char *code,
			struct rm_error *err);

/* Add objective CODE titled TITLE in band LEVEL of plan PLAN, after every
 * box of the plan (the last of its band), as one step of U.  Returns
 * CHANGE_OK, or CHANGE_ERROR with ERR ("plan X already has an objective
 * P1", no such plan). */
int objective_create(struct store *st, struct undo_log *u, const char *plan, const char *code,
		     enum map_level level, const char *title, struct rm_error *err);

/* Delete objective CODE of plan PLAN with its links (and its indicators,
 * SLM rows and the projects' ties to it) as one step of U; the plan's
 * boxes are numbered again.  CHANGE_OK, or CHANGE_ERROR with ERR. */
int objective_delete(struct store *st, struct undo_log *u, const char *plan, const char *code,
		     struct rm_error *err);

/* Move objective CODE of plan PLAN one place left (DIR -1) or right (DIR
 * 1) within its band, as one step of U: every objective of the plan gets
 * its position 1..n in the new order.  CHANGE_OK; CHANGE_NONE when it is
 * already at that end of its band (nothing written); CHANGE_ERROR with
 * ERR. */
int objective_move(struct store *st, struct undo_log *u, const char *plan, const char *code,
		   int dir, struct rm_error *err);

/* Move objective CODE of plan PLAN to band LEVEL, the last box there, as
 * one step of U (positions numbered again).  CHANGE_NONE when it is in
 * LEVEL already; CHANGE_OK; CHANGE_ERROR with ERR. */
int objective_move_to(struct store *st, struct undo_log *u, const char *plan, const char *code,
		      enum map_level level, struct rm_error *err);

/* The link cause FROM -> effect TO (objective codes of plan PLAN): added
 * when it is not there, taken away when it is, as one step of U.  *ADDED
 * (if not NULL) gets 1 when added, 0 when taken away.  CHANGE_OK, or
 * CHANGE_ERROR with ERR (a box linked to itself, no such objective). */
int link_toggle(struct store *st, struct undo_log *u, const char *plan, const char *from,
		const char *to, int *added, struct rm_error *err);

#endif
