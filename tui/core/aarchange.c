/* aarchange.c - the changes to an AAR that change_field cannot make by
 * itself: a new record, a section's first text, the tags, what the record
 * reviews, follow-up actions added and deleted.  Each is one change_run
 * step that refuses to overwrite what someone else changed meanwhile. */
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "aar_int.h"

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int bad_date(struct rm_error *err, const char *typed)
{
	return rm_fail(err, RM_EXIT_RUNTIME,
		       _("\"%s\" is not a date: %s"), typed, text_date_forms());
}

/* ERR says who last changed what SQL finds for ID (a change-log row's who
 * and at), and that nothing was written.  Returns CHANGE_CONFLICT. */
static int conflict(struct store *st, const char *sql, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, id);
	return change_blame(stmt, err);
}

static const char conflict_aar[] =
	"SELECT who, at FROM change_log WHERE tbl = 'aar' AND row_id = ?1 ORDER BY id DESC LIMIT 1";
static const char conflict_tags[] =
	"SELECT who, at FROM change_log WHERE tbl = 'aar_tag'"
	" AND json_extract(coalesce(new, old), '$.aar_id') = ?1 ORDER BY id DESC LIMIT 1";
static const char conflict_sections[] =
	"SELECT who, at FROM change_log WHERE tbl = 'aar_section'"
	" AND json_extract(coalesce(new, old), '$.aar_id') = ?1 ORDER BY id DESC LIMIT 1";

static int gone(struct rm_error *err)
{
	rm_fail(err, RM_EXIT_RUNTIME, _("the record is gone: someone deleted it"));
	return CHANGE_ERROR;
}

/* 1 when AAR ID exists, 0 when not, -1 on error. */
static int aar_exists(struct store *st, sqlite3_int64 id, struct rm_error *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM aar WHERE id = ?1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, _("cannot read the AAR"));
}

/* ---- a new record ---- */

struct create_args {
	const struct config *cfg;
	const struct aar_new *a;
	const char *iso;
	sqlite3_int64 id;
	char *code;
};

static int create_work(struct store *st, void *arg, struct rm_error *err)
{
	struct create_args *c = arg;
	const struct aar_new *a = c->a;
	const char *subject = strcmp(a->subject_kind, "event") == 0 ? NULL : a->subject;
	sqlite3_stmt *stmt;
	struct buf base = { 0 };
	int rc;

	if (aar_check_subject(st, a->subject_kind, subject, err) < 0)
		return CHANGE_ERROR;
	/* AAR-KKN-PHO-25690120 (the day in the Buddhist Era, as offices
	 * number their papers), then -2, -3... on the same day */
	buf_printf(&base, "AAR-%s-%d%.2s%.2s", c->cfg->office_code, atoi(c->iso) + 543,
		   c->iso + 5, c->iso + 8);
	free(c->code);
	c->code = NULL;
	rc = base.oom ? rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"))
		      : store_unique_code(st, "aar", base.s, &c->code, err);
	buf_free(&base);
	if (rc < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "INSERT INTO aar(code, template, date, title, subject_kind, subject)"
			     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_text(stmt, 1, c->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, a->template_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, c->iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, a->subject_kind, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 6, subject);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	c->id = sqlite3_last_insert_rowid(st->db);
	return CHANGE_OK;
}

/* Today's date, ISO, into OUT (at least 11 bytes). */
static void today(char *out, size_t size)
{
	struct text_date d;

	text_today(&d);
	text_format_iso(&d, out, size);
}

int aar_create(struct store *st, struct undo_log *u, const struct config *cfg,
	       const struct aar_new *a, sqlite3_int64 *id, char **code, struct rm_error *err)
{
	struct create_args c = { cfg, a, NULL, 0, NULL };
	char iso[32];
	int rc;

	*id = 0;
	*code = NULL;
	if (!config_template(cfg, a->template_name)) {
		struct buf names = { 0 };
		size_t i;

		for (i = 0; i < cfg->ntemplates; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", cfg->templates[i].name);
		rm_fail(err, RM_EXIT_RUNTIME, _("unknown template \"%s\"; this office has %s"),
			a->template_name ? a->template_name : "", names.s ? names.s : _("none"));
		buf_free(&names);
		return CHANGE_ERROR;
	}
	if (!filled(a->title))
		return rm_fail(err, RM_EXIT_RUNTIME, _("an AAR needs a title"));
	if (!a->date || !*a->date)
		today(iso, sizeof iso);
	else if (aar_parse_date(a->date, iso, sizeof iso) < 0)
		return bad_date(err, a->date);
	if (!aar_known_kind(a->subject_kind))
		return aar_check_subject(st, a->subject_kind, NULL, err);
	c.iso = iso;
	rc = change_run(st, u, NULL, create_work, &c, err);
	if (rc == CHANGE_OK) {
		*id = c.id;
		*code = c.code;
	} else {
		free(c.code);
	}
	return rc;
}

/* ---- what it reviews ---- */

struct subject_args {
	sqlite3_int64 id;
	const char *expected_kind, *expected_subject, *kind, *subject;
};

static int subject_work(struct store *st, void *arg, struct rm_error *err)
{
	struct subject_args *a = arg;
	sqlite3_stmt *stmt = store_prepare(st, "SELECT subject_kind, subject FROM aar WHERE id = ?1",
					   err);
	int rc, differs;

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->id);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return rc == SQLITE_DONE ? gone(err) : store_fail(st, err, _("cannot read the AAR"));
	}
	differs = !same((const char *)sqlite3_column_text(stmt, 0), a->expected_kind) ||
		  !same((const char *)sqlite3_column_text(stmt, 1), a->expected_subject);
	sqlite3_finalize(stmt);
	if (differs)
		return conflict(st, conflict_aar, a->id, err);
	if (same(a->kind, a->expected_kind) && same(a->subject, a->expected_subject))
		return CHANGE_NONE;
	if (aar_check_subject(st, a->kind, a->subject, err) < 0)
		return CHANGE_ERROR;
	stmt = store_prepare(st, "UPDATE aar SET subject_kind = ?2, subject = ?3 WHERE id = ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->id);
	sqlite3_bind_text(stmt, 2, a->kind, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, a->subject);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? CHANGE_OK : store_fail(st, err, _("cannot save"));
}

int aar_set_subject(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		    const char *expected_kind, const char *expected_subject, const char *kind,
		    const char *subject, struct rm_error *err)
{
	struct subject_args a = { aar_id, expected_kind, expected_subject, kind, subject };

	if (kind && strcmp(kind, "event") == 0)
		a.subject = NULL;
	return change_run(st, u, NULL, subject_work, &a, err);
}

/* ---- tags ---- */

struct tags_args {
	sqlite3_int64 id;
	const char *expected;
	char **tags;            /* the new ones, trimmed, without repeats */
	size_t ntags;
};

/* The tags of ;-list S, each trimmed, without empty or repeated ones, into
 * A.  Returns 0, or -1 when out of memory. */
static int split_tags(const char *s, struct tags_args *a)
{
	while (s && *s) {
		const char *end = strchr(s, ';'), *p = s, *q;
		size_t i, len;
		char **slot;

		if (!end)
			end = s + strlen(s);
		q = end;
		while (p < q && strchr(" \t", *p))
			p++;
		while (q > p && strchr(" \t", q[-1]))
			q--;
		len = (size_t)(q - p);
		for (i = 0; i < a->ntags; i++)
			if (strlen(a->tags[i]) == len && memcmp(a->tags[i], p, len) == 0)
				break;
		if (len > 0 && i == a->ntags) {
			if (!(slot = array_grow(&a->tags, &a->ntags, sizeof *slot)))
				return -1;
			if (!(*slot = strndup(p, len)))
				return -1;
		}
		s = *end ? end + 1 : end;
	}
	return 0;
}

static int tags_work(struct store *st, void *arg, struct rm_error *err)
{
	struct tags_args *a = arg;
	struct buf joined = { 0 };
	sqlite3_stmt *stmt;
	char *now = NULL;
	size_t i;
	int rc, oom = 0, unchanged;

	rc = aar_exists(st, a->id, err);
	if (rc <= 0)
		return rc < 0 ? CHANGE_ERROR : gone(err);
	stmt = store_prepare(st, "SELECT group_concat(tag, '; ') FROM (SELECT tag FROM aar_tag"
			     " WHERE aar_id = ?1 ORDER BY id)", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		now = store_col_dup(stmt, 0, &oom);
	sqlite3_finalize(stmt);
	if (oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	rc = same(now, a->expected);
	for (i = 0; i < a->ntags; i++)
		buf_printf(&joined, "%s%s", i ? "; " : "", a->tags[i]);
	unchanged = same(now, joined.s);
	oom = joined.oom;
	free(now);
	buf_free(&joined);
	if (oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	if (!rc)
		return conflict(st, conflict_tags, a->id, err);
	if (unchanged)
		return CHANGE_NONE;
	stmt = store_prepare(st, "DELETE FROM aar_tag WHERE aar_id = ?1", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	stmt = store_prepare(st, "INSERT INTO aar_tag(aar_id, tag) VALUES (?1, ?2)", err);
	if (!stmt)
		return CHANGE_ERROR;
	for (i = 0; i < a->ntags; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, a->id);
		sqlite3_bind_text(stmt, 2, a->tags[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			sqlite3_finalize(stmt);
			return store_fail(st, err, _("cannot save"));
		}
	}
	sqlite3_finalize(stmt);
	return CHANGE_OK;
}

int aar_set_tags(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		 const char *expected, const char *tags, struct rm_error *err)
{
	struct tags_args a = { aar_id, expected, NULL, 0 };
	size_t i;
	int rc;

	if (split_tags(tags, &a) < 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	else
		rc = change_run(st, u, NULL, tags_work, &a, err);
	for (i = 0; i < a.ntags; i++)
		free(a.tags[i]);
	free(a.tags);
	return rc;
}

/* ---- sections ---- */

struct section_args {
	sqlite3_int64 aar_id;
	const char *section, *expected, *text;
	sqlite3_int64 id;       /* the row found or made */
	int found;              /* it was there already */
	char **current;
};

/* The first save of a section: make its row with the text, unless
 * someone made it meanwhile (then change_field takes over). */
static int section_work(struct store *st, void *arg, struct rm_error *err)
{
	struct section_args *a = arg;
	sqlite3_stmt *stmt;
	int rc;

	stmt = store_prepare(st, "SELECT id FROM aar_section WHERE aar_id = ?1 AND section = ?2", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->aar_id);
	sqlite3_bind_text(stmt, 2, a->section, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		a->found = 1;
		a->id = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return CHANGE_NONE;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot read the AAR"));
	rc = aar_exists(st, a->aar_id, err);
	if (rc <= 0)
		return rc < 0 ? CHANGE_ERROR : gone(err);
	if (!same(a->expected, "")) {
		/* the form showed a text, and now there is none: someone undid it */
		if (a->current && !(*a->current = strdup("")))
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
		return conflict(st, conflict_sections, a->aar_id, err);
	}
	if (same(a->text, ""))
		return CHANGE_NONE;
	stmt = store_prepare(st, "INSERT INTO aar_section(aar_id, section, text) VALUES (?1, ?2, ?3)",
			     err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->aar_id);
	sqlite3_bind_text(stmt, 2, a->section, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, a->text, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	a->id = sqlite3_last_insert_rowid(st->db);
	return CHANGE_OK;
}

int aar_section_save(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		     const char *section, sqlite3_int64 *section_id, const char *expected,
		     const char *text, char **current, struct rm_error *err)
{
	struct section_args a = { aar_id, section, expected, text, 0, 0, current };
	int rc;

	if (current)
		*current = NULL;
	if (*section_id > 0)
		return change_field(st, u, "aar_section.text", *section_id, expected, text, current,
				    err);
	rc = change_run(st, u, NULL, section_work, &a, err);
	if (a.found) {
		*section_id = a.id;
		return change_field(st, u, "aar_section.text", a.id, expected, text, current, err);
	}
	if (rc == CHANGE_OK) {
		*section_id = a.id;
		/* the typing that follows undoes together with this first save */
		if (change_merge_as(u, "aar_section.text", a.id) < 0)
			return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	}
	return rc;
}

/* ---- follow-up actions ---- */

struct action_args {
	sqlite3_int64 aar_id;
	const char *action, *owner, *due;
	sqlite3_int64 id;
};

static int action_add_work(struct store *st, void *arg, struct rm_error *err)
{
	struct action_args *a = arg;
	sqlite3_stmt *stmt;
	int rc = aar_exists(st, a->aar_id, err);

	if (rc <= 0)
		return rc < 0 ? CHANGE_ERROR : gone(err);
	stmt = store_prepare(st, "INSERT INTO aar_action(aar_id, action, owner, due, status)"
			     " VALUES (?1, ?2, ?3, ?4, 'open')", err);
	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, a->aar_id);
	sqlite3_bind_text(stmt, 2, a->action, -1, SQLITE_STATIC);
	store_bind_text_or_null(stmt, 3, a->owner);
	store_bind_text_or_null(stmt, 4, a->due);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot save"));
	a->id = sqlite3_last_insert_rowid(st->db);
	return CHANGE_OK;
}

int aar_action_add(struct store *st, struct undo_log *u, sqlite3_int64 aar_id,
		   const char *action, const char *owner, const char *due, sqlite3_int64 *id,
		   struct rm_error *err)
{
	struct action_args a = { aar_id, action, owner, NULL, 0 };
	char iso[32];
	int rc;

	if (id)
		*id = 0;
	if (!filled(action))
		return rm_fail(err, RM_EXIT_RUNTIME, _("a follow-up action needs its text"));
	if (filled(due)) {
		if (aar_parse_date(due, iso, sizeof iso) < 0)
			return bad_date(err, due);
		a.due = iso;
	}
	if (!filled(owner))
		a.owner = NULL;
	rc = change_run(st, u, NULL, action_add_work, &a, err);
	if (rc == CHANGE_OK && id)
		*id = a.id;
	return rc;
}

static int action_delete_work(struct store *st, void *arg, struct rm_error *err)
{
	const sqlite3_int64 *id = arg;
	sqlite3_stmt *stmt = store_prepare(st, "DELETE FROM aar_action WHERE id = ?1", err);
	int rc;

	if (!stmt)
		return CHANGE_ERROR;
	sqlite3_bind_int64(stmt, 1, *id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, _("cannot delete"));
	return sqlite3_changes(st->db) ? CHANGE_OK : gone(err);
}

int aar_action_delete(struct store *st, struct undo_log *u, sqlite3_int64 id,
		      struct rm_error *err)
{
	return change_run(st, u, NULL, action_delete_work, &id, err);
}
