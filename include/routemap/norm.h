/* norm.h - one version of a norm set (ค่ากลาง) with its items by group,
 * and what changed between two versions of a set. */
#ifndef ROUTEMAP_NORM_H
#define ROUTEMAP_NORM_H

#include <stddef.h>

#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/store.h"

/* A group of a norm set (a key activity, a PMQA category). */
struct norm_group_info {
	char *code;     /* as stored: "social_measure", "1" */
	char *label;    /* as the office reads it: [key_activities] for key
	                 * activities, else the stored label */
};

/* One expected task of a version. */
struct norm_entry {
	char *code, *text;
	char *evidence;    /* NULL when none */
	double weight;
	size_t group;      /* index into the version's groups */
};

/* One version of a norm set. */
struct norm_version {
	char *code, *title, *office_code, *office_name;
	char *issued;      /* ISO date, or NULL */
	char *source;      /* NULL when none */
	char *grouping;    /* the grouping of groups.csv: "key_activity" */
	char *versions;    /* every version of the set, ", "-joined, oldest first */
	int version;
	int levels;        /* 1: answered in levels (PMQA; norm_set.scale) */
	struct norm_group_info *groups;   /* those holding items, in the grouping's order */
	size_t ngroups;
	struct norm_entry *items;         /* by group, then as issued */
	size_t nitems;
};

/* norm_version_load's return when the set or the version does not exist
 * (ERR then says what does). */
#define NORM_MISSING (-2)

/* SQL: the place of norm item I's group (I: the item row's name) among
 * the groups, for ORDER BY: the order of the office that made the
 * groups (norm_group.position), else the groups' row order. */
#define NORM_GROUP_ORDER(i)                                                         \
	"(SELECT coalesce(g_.position, g_.id) FROM norm_group g_ WHERE g_.id = " i ".group_id), " \
	i ".group_id"

/* Load version VERSION (0: the newest) of norm set CODE into V, groups
 * labelled as CFG names the key activities.  Returns 0; NORM_MISSING with
 * ERR naming the sets or versions there are; -1 with ERR on a database
 * error.  On success the caller frees V with norm_version_free; on failure
 * there is nothing to free. */
int norm_version_load(struct store *st, const struct config *cfg, const char *code, int version,
		      struct norm_version *v, struct rm_error *err);
void norm_version_free(struct norm_version *v);

/* What happened to one item code between two versions. */
enum norm_change {
	NORM_ADDED,       /* only in the newer */
	NORM_REMOVED,     /* only in the older */
	NORM_CHANGED,     /* in both, different */
};

/* Which fields of a changed item differ (bits of norm_diff_row.fields). */
enum {
	NORM_FIELD_TEXT = 1u << 0,
	NORM_FIELD_WEIGHT = 1u << 1,
	NORM_FIELD_GROUP = 1u << 2,      /* compared by group code */
	NORM_FIELD_EVIDENCE = 1u << 3,
};

/* One item that differs.  OLD and NEW point into the two versions given
 * to norm_diff (OLD NULL for an added item, NEW NULL for a removed one)
 * and live as long as they do. */
struct norm_diff_row {
	enum norm_change change;
	unsigned fields;                 /* NORM_FIELD_* bits; 0 unless changed */
	const struct norm_entry *old, *new;
};

struct norm_diff {
	struct norm_diff_row *rows;      /* removed (in OLD's order), then changed
	                                  * and added (in NEW's order) */
	size_t n;
	int added, removed, changed, unchanged;
};

/* Match the items of OLD and NEW by item code into D.  Returns 0, or -1
 * with ERR when out of memory (nothing to free then).  The caller frees
 * D with norm_diff_free, before OLD and NEW. */
int norm_diff(const struct norm_version *old, const struct norm_version *new,
	      struct norm_diff *d, struct rm_error *err);
void norm_diff_free(struct norm_diff *d);

#endif
