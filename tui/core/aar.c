/* aar.c - one AAR record for its form: what kinds of record an AAR
 * reviews and the subjects to choose from, the record loaded with its
 * sections (the template's, in order) and follow-up actions.  The changes
 * change_field cannot make by itself are in aarchange.c. */
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/vocab.h"
#include "aar_int.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

const char *const aar_kinds[5] = { "plan", "objective", "project", "assessment", "event" };

const char *aar_kind_label(const char *kind)
{
	/* the records an AAR reviews are named as everywhere; an event is
	 * no record */
	if (kind && strcmp(kind, "event") == 0)
		/* TRANSLATORS: what an AAR reviews when it is no plan, project... */
		return _("event or activity");
	return kind ? vocab_kind(kind) : "";
}

/* Per kind of subject: every record to choose from (code, title), and the
 * title of the one called ?1. */
static const struct subject_sql {
	const char *kind, *list, *one;
} subject_sql[] = {
	{ "plan", "SELECT code, title FROM plan ORDER BY code",
	  "SELECT title FROM plan WHERE code = ?1" },
	{ "objective",
	  "SELECT p.code || '/' || o.code, o.title FROM objective o JOIN plan p ON p.id = o.plan_id"
	  " ORDER BY p.code, o.id",
	  "SELECT o.title FROM objective o JOIN plan p ON p.id = o.plan_id"
	  " WHERE p.code || '/' || o.code = ?1" },
	{ "project", "SELECT code, title FROM project ORDER BY fiscal_year DESC, code",
	  "SELECT title FROM project WHERE code = ?1" },
	{ "assessment",
	  "SELECT a.code, s.title || ' · ' || coalesce(o.short_name, o.name) FROM assessment a"
	  " JOIN norm_set s ON s.id = a.set_id JOIN office o ON o.id = a.office_id ORDER BY a.code",
	  "SELECT s.title || ' · ' || coalesce(o.short_name, o.name) FROM assessment a"
	  " JOIN norm_set s ON s.id = a.set_id JOIN office o ON o.id = a.office_id"
	  " WHERE a.code = ?1" },
};

static const struct subject_sql *find_kind(const char *kind)
{
	size_t i;

	for (i = 0; kind && i < N(subject_sql); i++)
		if (strcmp(kind, subject_sql[i].kind) == 0)
			return &subject_sql[i];
	return NULL;
}

int aar_known_kind(const char *kind)
{
	return kind && (strcmp(kind, "event") == 0 || find_kind(kind));
}

int aar_parse_date(const char *typed, char *out, size_t size)
{
	struct text_date d;

	if (!typed || text_parse_date(typed, &d) < 0)
		return -1;
	text_format_iso(&d, out, size);
	return 0;
}

/* The title of SUBJECT of KIND into *TITLE (malloc'd; NULL when there is
 * no such record).  Returns 0 or -1 with ERR. */
static int subject_title(struct store *st, const char *kind, const char *subject, char **title,
			 struct rm_error *err)
{
	const struct subject_sql *q = find_kind(kind);
	sqlite3_stmt *stmt;
	int oom = 0, rc;

	*title = NULL;
	if (!q || !subject)
		return 0;
	stmt = store_prepare(st, q->one, err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*title = store_col_dup(stmt, 0, &oom);
	sqlite3_finalize(stmt);
	if (oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot look up the subject"));
	return 0;
}

/* Check that KIND and SUBJECT name something an AAR can review. */
int aar_check_subject(struct store *st, const char *kind, const char *subject,
			 struct rm_error *err)
{
	char *title;

	if (!aar_known_kind(kind))
		return rm_fail(err, RM_EXIT_RUNTIME, _("\"%s\" is not something an AAR reviews; "
			       "expected plan, objective, project, assessment or event"),
			       kind ? kind : "");
	if (strcmp(kind, "event") == 0)
		return 0;
	if (!filled(subject))
		return rm_fail(err, RM_EXIT_RUNTIME, _("an AAR of a %s names the %s's code"),
			       aar_kind_label(kind), aar_kind_label(kind));
	if (subject_title(st, kind, subject, &title, err) < 0)
		return -1;
	if (!title)
		return rm_fail(err, RM_EXIT_RUNTIME, _("unknown %s %s"), aar_kind_label(kind), subject);
	free(title);
	return 0;
}

/* ---- loading ---- */

void aar_record_free(struct aar_record *r)
{
	size_t i;

	free(r->code);
	free(r->title);
	free(r->date);
	free(r->template_name);
	free(r->subject_kind);
	free(r->subject);
	free(r->subject_title);
	free(r->facilitator);
	free(r->participants);
	free(r->tags);
	for (i = 0; i < r->nsections; i++) {
		free(r->sections[i].key);
		free(r->sections[i].label);
		free(r->sections[i].text);
	}
	free(r->sections);
	for (i = 0; i < r->nactions; i++) {
		free(r->actions[i].action);
		free(r->actions[i].owner);
		free(r->actions[i].due);
		free(r->actions[i].status);
	}
	free(r->actions);
	memset(r, 0, sizeof *r);
}

/* Append a section KEY labelled LABEL with no row yet to R. */
static struct aar_section *add_section(struct aar_record *r, const char *key, const char *label)
{
	struct aar_section *s = array_grow(&r->sections, &r->nsections, sizeof *s);

	if (!s)
		return NULL;
	s->key = strdup(key);
	s->label = strdup(label);
	s->text = strdup("");
	return s->key && s->label && s->text ? s : NULL;
}

static int load_sections(struct store *st, const struct config *cfg, struct aar_record *r,
			 struct rm_error *err)
{
	const struct cfg_template *t = config_template(cfg, r->template_name);
	sqlite3_stmt *stmt;
	size_t i;
	int rc = SQLITE_DONE, oom = 0;

	for (i = 0; t && i < t->sections.n; i++)
		if (!add_section(r, t->sections.v[i].code, t->sections.v[i].label))
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	stmt = store_prepare(st, "SELECT id, section, text FROM aar_section WHERE aar_id = ?1"
			     " ORDER BY id", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, r->id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 1);
		struct aar_section *s = NULL;

		for (i = 0; i < r->nsections && !s; i++)
			if (strcmp(r->sections[i].key, key) == 0)
				s = &r->sections[i];
		/* a section the template no longer names: shown after, by its key */
		if (!s && !(s = add_section(r, key, key))) {
			oom = 1;
			break;
		}
		s->id = sqlite3_column_int64(stmt, 0);
		free(s->text);
		s->text = store_col_dup(stmt, 2, &oom);
	}
	return store_finish(st, stmt, rc, oom, err);
}

static int load_actions(struct store *st, struct aar_record *r, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id, action, owner, due, status FROM aar_action"
					   " WHERE aar_id = ?1 ORDER BY id", err);
	int oom = 0, rc = SQLITE_DONE;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, r->id);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct aar_followup *x = array_grow(&r->actions, &r->nactions, sizeof *x);

		if (!x) {
			oom = 1;
			break;
		}
		x->id = sqlite3_column_int64(stmt, 0);
		x->action = store_col_dup(stmt, 1, &oom);
		x->owner = store_col_dup(stmt, 2, &oom);
		x->due = store_col_dup(stmt, 3, &oom);
		x->status = store_col_dup(stmt, 4, &oom);
	}
	return store_finish(st, stmt, rc, oom, err);
}

int aar_load(struct store *st, const struct config *cfg, const char *code,
	     struct aar_record *r, struct rm_error *err)
{
	sqlite3_stmt *stmt;
	int oom = 0, rc;

	memset(r, 0, sizeof *r);
	stmt = store_prepare(st, "SELECT id, code, title, date, template, subject_kind, subject,"
			     " facilitator, participants, (SELECT group_concat(tag, '; ') FROM"
			     " (SELECT tag FROM aar_tag WHERE aar_id = a.id ORDER BY id))"
			     " FROM aar a WHERE code = ?1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, _("cannot read the AAR"));
		rm_fail(err, RM_EXIT_RUNTIME, _("there is no AAR %s (deleted, or its adding undone)"),
			code);
		return AAR_MISSING;
	}
	r->id = sqlite3_column_int64(stmt, 0);
	r->code = store_col_dup(stmt, 1, &oom);
	r->title = store_col_dup(stmt, 2, &oom);
	r->date = store_col_dup(stmt, 3, &oom);
	r->template_name = store_col_dup(stmt, 4, &oom);
	r->subject_kind = store_col_dup(stmt, 5, &oom);
	r->subject = store_col_dup(stmt, 6, &oom);
	r->facilitator = store_col_dup(stmt, 7, &oom);
	r->participants = store_col_dup(stmt, 8, &oom);
	r->tags = store_col_dup(stmt, 9, &oom);
	sqlite3_finalize(stmt);
	if (oom) {
		aar_record_free(r);
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	if (subject_title(st, r->subject_kind, r->subject, &r->subject_title, err) < 0 ||
	    load_sections(st, cfg, r, err) < 0 || load_actions(st, r, err) < 0) {
		aar_record_free(r);
		return -1;
	}
	return 0;
}

int aar_lookup_id(struct store *st, const char *code, sqlite3_int64 *id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT id FROM aar WHERE code = ?1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the AAR"));
	return rm_fail(err, RM_EXIT_RUNTIME, _("there is no AAR %s (deleted, or its adding undone)"),
		       code);
}

/* ---- subjects ---- */

void aar_subjects_free(struct aar_subject *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].title);
	}
	free(v);
}

int aar_subjects(struct store *st, const char *kind, struct aar_subject **v, size_t *n,
		 struct rm_error *err)
{
	const struct subject_sql *q = find_kind(kind);
	sqlite3_stmt *stmt;
	int oom = 0, rc = SQLITE_DONE;

	*v = NULL;
	*n = 0;
	if (!q)
		return aar_known_kind(kind) ? 0 : aar_check_subject(st, kind, NULL, err);
	stmt = store_prepare(st, q->list, err);
	if (!stmt)
		return -1;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct aar_subject *s = array_grow(v, n, sizeof *s);

		if (!s) {
			oom = 1;
			break;
		}
		s->code = store_col_dup(stmt, 0, &oom);
		s->title = store_col_dup(stmt, 1, &oom);
	}
	sqlite3_finalize(stmt);
	if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		aar_subjects_free(*v, *n);
		*v = NULL;
		*n = 0;
		return oom ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"))
			   : store_fail(st, err, _("cannot look up the subject"));
	}
	return 0;
}
