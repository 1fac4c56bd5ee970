/* conflicts.c - `routemap conflicts`: the records changed on both sides
 * since the last exchange (exchange.h), listed, shown field by field with
 * ours beside theirs, and decided: keep ours, or take theirs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/cli.h"
#include "routemap/exchange.h"
#include "routemap/table.h"
#include "routemap/text.h"

enum { L_ID, L_OFFICE, L_RECORD, L_FOUND, L_HERE, L_THERE, L_STATUS, L_COUNT };

/* What a conflict's status is called. */
static const char *status_word(enum exchange_conflict_status s)
{
	return s == EXCHANGE_OPEN ? _("open") : s == EXCHANGE_KEPT ? _("ours kept")
								    : _("theirs taken");
}

/* "WHO, WHEN" of one side into OUT: when in the Buddhist Era. */
static void who_when(const char *who, const char *at, char *out, size_t size)
{
	char when[96] = "";

	if (at)
		text_format_timestamp(at, when, sizeof when);
	snprintf(out, size, "%s%s%s", who ? who : "?", *when ? ", " : "", when);
}

struct listing {
	struct store *st;
	struct table t;
	int all;
	struct rm_error *err;
	int failed;
};

static int list_one(void *arg, const struct exchange_conflict *c)
{
	struct listing *l = arg;
	char id[32], found[96], here[192], there[192], *title = NULL;
	const char *cells[L_COUNT];

	if (exchange_conflict_title(l->st, c, &title, l->err) < 0) {
		l->failed = 1;
		return 1;
	}
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	text_format_timestamp(c->found_at, found, sizeof found);
	who_when(c->local_who, c->local_at, here, sizeof here);
	who_when(c->remote_who, c->remote_at, there, sizeof there);
	cells[L_ID] = id;
	cells[L_OFFICE] = c->peer;
	cells[L_RECORD] = title;
	cells[L_FOUND] = found;
	cells[L_HERE] = here;
	cells[L_THERE] = there;
	cells[L_STATUS] = status_word(c->status);
	table_add(&l->t, cells);
	free(title);
	return 0;
}

static int list_conflicts(struct cli *cli, struct store *st, int all, struct rm_error *err)
{
	const char *head[L_COUNT] = { "#", _("office"), _("record"), _("found"),
				      _("changed here by"), _("changed there by"), _("status") };
	struct listing l = { st, { 0 }, all, err, 0 };

	(void)cli;
	table_init(&l.t, all ? L_COUNT : L_COUNT - 1, head);
	l.t.right = 1u;
	if (exchange_conflicts(st, !all, list_one, &l, err) < 0 || l.failed) {
		table_free(&l.t);
		return -1;
	}
	if (l.t.nrows <= 1)
		puts(all ? _("No conflicts have been found.")
			 : _("No open conflicts: nothing to decide."));
	else
		table_print_txt(&l.t, stdout, 1);
	table_free(&l.t);
	return 0;
}

/* The lines of `conflicts show`: who changed it on each side, then every
 * field, ours beside theirs, "*" before those that differ. */
static int show_conflict(struct store *st, const struct exchange_conflict *c,
			 struct rm_error *err)
{
	const char *head[4] = { "", _("field"), _("ours (here)"), _("theirs") };
	struct exchange_field *v;
	struct table t;
	char *title, line[256];
	size_t n, i;

	if (exchange_conflict_title(st, c, &title, err) < 0)
		return -1;
	printf(_("Conflict %lld: %s\n"), (long long)c->id, title);
	free(title);
	text_format_timestamp(c->found_at, line, sizeof line);
	printf(_("  from %s (part %lld), found %s\n"), c->peer, c->seq, line);
	who_when(c->local_who, c->local_at, line, sizeof line);
	printf(c->local ? _("  here:  changed by %s\n") : _("  here:  deleted by %s\n"), line);
	who_when(c->remote_who, c->remote_at, line, sizeof line);
	printf(c->remote ? _("  there: changed by %s\n") : _("  there: deleted by %s\n"), line);
	if (c->status != EXCHANGE_OPEN) {
		who_when(c->resolved_by, c->resolved_at, line, sizeof line);
		printf(_("  decided: %s, by %s\n"), status_word(c->status), line);
	}
	if (exchange_conflict_fields(st, c, &v, &n, err) < 0)
		return -1;
	putchar('\n');
	table_init(&t, 4, head);
	for (i = 0; i < n; i++) {
		const char *cells[4] = { v[i].differs ? "*" : "", v[i].label,
					 v[i].ours ? v[i].ours : "—",
					 v[i].theirs ? v[i].theirs : "—" };

		table_add(&t, cells);
	}
	table_print_txt(&t, stdout, 1);
	table_free(&t);
	exchange_fields_free(v, n);
	if (c->status == EXCHANGE_OPEN)
		printf(_("\n* differs.  Keep ours: routemap conflicts keep %lld; take theirs: "
			 "routemap conflicts take %lld\n"), (long long)c->id, (long long)c->id);
	return 0;
}

/* Conflict number ARG into *ID; 0, or the usage error's status. */
static int conflict_number(const char *what, const char *arg, sqlite3_int64 *id)
{
	long long n;

	if (!arg)
		return cli_usage("conflicts", _("%s: which conflict? (its number, from "
						"routemap conflicts)"), what);
	if (text_parse_int(arg, &n) < 0 || n < 1)
		return cli_usage("conflicts", _("\"%s\" is not a conflict's number"), arg);
	*id = n;
	return 0;
}

/* conflicts show|keep|take N. */
static int one_conflict(struct cli *cli, const char *what, sqlite3_int64 id)
{
	struct rm_error err = { 0, "" };
	struct exchange_conflict c;
	struct store st;
	int write = strcmp(what, "show") != 0, rc;

	if (cli_open(cli, &st, write ? CLI_WRITE : CLI_READ, &err) < 0)
		return cli_report(&err);
	rc = write ? exchange_resolve(&st, NULL, id, strcmp(what, "take") == 0 ? EXCHANGE_TAKE
									     : EXCHANGE_KEEP, &err)
		   : 0;
	if (rc == CHANGE_OK || rc == CHANGE_NONE) {
		rc = exchange_conflict_get(&st, id, &c, &err);
		if (rc == 1)
			rc = rm_fail(&err, RM_EXIT_RUNTIME, _("there is no conflict %lld"),
				     (long long)id);
		if (rc == 0 && write) {
			char *title = NULL;

			rc = exchange_conflict_title(&st, &c, &title, &err);
			if (rc == 0)
				printf(c.status == EXCHANGE_TAKEN ? _("theirs taken: %s\n")
								  : _("ours kept: %s\n"), title);
			free(title);
		} else if (rc == 0) {
			rc = show_conflict(&st, &c, &err);
		}
		exchange_conflict_free(&c);
	}
	store_close(&st);
	return rc == 0 ? 0 : cli_report(&err);
}

int cmd_conflicts(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	sqlite3_int64 id = 0;
	int all = 0, rc;

	if (argc > 1 && cli_is_help(argv[1])) {
		puts(_("usage: routemap conflicts [--all] | conflicts show|keep|take N"));
		return 0;
	}
	if (argc > 1 && (strcmp(argv[1], "show") == 0 || strcmp(argv[1], "keep") == 0 ||
			 strcmp(argv[1], "take") == 0)) {
		if (argc > 3)
			return cli_usage("conflicts", _("\"%s\": one conflict at a time"), argv[3]);
		rc = conflict_number(argv[1], argc > 2 ? argv[2] : NULL, &id);
		return rc ? rc : one_conflict(cli, argv[1], id);
	}
	if (argc > 1 && strcmp(argv[1], "--all") == 0)
		all = 1;
	if (argc > 1 + all)
		return cli_usage("conflicts", _("\"%s\": expected --all, or show, keep or take and "
						"a conflict's number"), argv[1 + all]);
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	rc = list_conflicts(cli, &st, all, &err);
	store_close(&st);
	return rc == 0 ? 0 : cli_report(&err);
}
