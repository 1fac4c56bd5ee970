/* bundle.c - routemap bundle create|apply|list|show|forget: exchange
 * between offices by file (exchange.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/cli.h"
#include "routemap/exchange.h"
#include "routemap/text.h"

static int usage(void)
{
	fputs(_("usage: routemap bundle create --to OFFICE FILE\n"
		"       routemap bundle apply FILE...\n"
		"       routemap bundle list [OFFICE]\n"
		"       routemap bundle show FILE\n"
		"       routemap bundle forget OFFICE\n"
		"Exchange with an office above or below this one by file: create writes\n"
		"what OFFICE should receive since the last bundle it acknowledged; apply\n"
		"applies a bundle all or nothing (again: nothing changes); list shows what\n"
		"was sent and received; show reads a bundle's header; forget drops the\n"
		"exchange state of an office whose database was replaced.\n"), stdout);
	return 0;
}

/* "first–last" of a bundle's parts, or "none", into OUT. */
static void parts_text(long long first, long long last, char *out, size_t size)
{
	if (!first && !last)
		snprintf(out, size, "%s", _("no parts"));
	else if (first == last)
		snprintf(out, size, _("part %lld"), first);
	else
		snprintf(out, size, _("parts %lld-%lld"), first, last);
}

void cli_print_exchange(const struct exchange_summary *s, int received)
{
	char parts[64];
	size_t i;
	int any = 0;

	if (received && !s->applied_from) {
		printf(_("from %s: no new parts"), s->head.sender);
		if (s->skipped)
			printf(_(", %lld already applied before"), s->skipped);
	} else if (received) {
		parts_text(s->applied_from, s->applied_to, parts, sizeof parts);
		printf(_("from %s: applied %s"), s->head.sender, parts);
		if (s->skipped)
			printf(_(", %lld already applied before"), s->skipped);
	} else {
		parts_text(s->head.first_seq, s->head.last_seq, parts, sizeof parts);
		printf(_("to %s: %s"), s->head.receiver, parts);
	}
	fputs("\n", stdout);
	for (i = 0; i < s->nkinds; i++) {
		const struct exchange_count *c = &s->kinds[i];

		if (!c->inserted && !c->updated && !c->deleted && !c->conflicts)
			continue;
		any = 1;
		printf("  %s: ", exchange_kind_label(c->kind));
		printf(_("%lld new, %lld changed, %lld deleted"), c->inserted, c->updated, c->deleted);
		if (c->conflicts)
			printf(_(", %lld conflicts"), c->conflicts);
		fputs("\n", stdout);
	}
	if (!any)
		printf("  %s\n", received ? _("nothing changed here") : _("nothing new to send"));
	if (s->total.conflicts)
		printf(_("%lld conflicts kept our records; see \"routemap conflicts\"\n"),
		       s->total.conflicts);
}

static int do_create(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct exchange_summary sum = { 0 };
	const char *to = NULL, *file = NULL;
	struct store st;
	int i, rc;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			to = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("bundle create", _("unknown option %s"), argv[i]);
		else if (!file)
			file = argv[i];
		else
			return cli_usage("bundle create", _("one FILE only"));
	}
	if (!to || !*to || !file)
		return cli_usage("bundle create", _("give --to OFFICE and FILE"));
	if (cli_open(cli, &st, CLI_WRITE, &err) < 0)
		return cli_report(&err);
	rc = exchange_create(&st, &cli->cfg, to, file, &sum, &err);
	store_close(&st);
	if (rc < 0) {
		exchange_summary_free(&sum);
		return cli_report(&err);
	}
	printf(_("wrote %s\n"), file);
	cli_print_exchange(&sum, 0);
	exchange_summary_free(&sum);
	return 0;
}

static int do_apply(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	int i, status = 0;

	if (argc < 3)
		return cli_usage("bundle apply", _("give one FILE or more"));
	for (i = 2; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("bundle apply", _("unknown option %s"), argv[i]);
	if (cli_open(cli, &st, CLI_WRITE, &err) < 0)
		return cli_report(&err);
	for (i = 2; i < argc; i++) {
		struct exchange_summary sum = { 0 };

		if (exchange_apply(&st, &cli->cfg, argv[i], &sum, &err) < 0) {
			status = cli_report(&err);
			err.status = 0;
		} else {
			cli_print_exchange(&sum, 1);
		}
		exchange_summary_free(&sum);
	}
	store_close(&st);
	return status;
}

static int print_peer(void *arg, const struct exchange_peer *p)
{
	char when[64];

	(void)arg;
	text_format_timestamp(p->last_at, when, sizeof when);
	printf(_("%s: sent up to part %lld (acknowledged %lld), received up to part %lld; last %s\n"),
	       p->office, p->sent, p->acked, p->received, when);
	return 0;
}

static int print_log(void *arg, const struct exchange_log *l)
{
	char when[64], parts[64];

	(void)arg;
	text_format_timestamp(l->at, when, sizeof when);
	parts_text(l->first_seq, l->last_seq, parts, sizeof parts);
	printf("  %s  %-6s %s  %s  %s",
	       when, strcmp(l->direction, "sent") == 0 ? _("sent") : _("received"), l->peer,
	       parts, l->who);
	printf(_("  %lld changes"), l->changes);
	if (l->conflicts)
		printf(_(", %lld conflicts"), l->conflicts);
	if (l->file)
		printf("  %s", l->file);
	fputs("\n", stdout);
	return 0;
}

static int do_list(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	const char *peer = argc > 2 ? argv[2] : NULL;
	int rc;

	if (argc > 3)
		return cli_usage("bundle list", _("one OFFICE at most"));
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	rc = exchange_peer_each(&st, print_peer, NULL, &err);
	if (rc == 0)
		rc = exchange_log_each(&st, peer, print_log, NULL, &err);
	store_close(&st);
	return rc < 0 ? cli_report(&err) : 0;
}

static int do_show(int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct exchange_header h;
	char when[64], parts[64];

	if (argc != 3)
		return cli_usage("bundle show", _("give one FILE"));
	if (exchange_peek(argv[2], &h, &err) < 0)
		return cli_report(&err);
	text_format_timestamp(h.created, when, sizeof when);
	parts_text(h.first_seq, h.last_seq, parts, sizeof parts);
	printf(_("from %s to %s: %s; acknowledges part %lld of ours\n"), h.sender, h.receiver,
	       parts, h.ack);
	printf(_("made by %s, %s\n"), h.created_by, when);
	return 0;
}

static int do_forget(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	int rc;

	if (argc != 3)
		return cli_usage("bundle forget", _("give one OFFICE"));
	if (cli_open(cli, &st, CLI_WRITE, &err) < 0)
		return cli_report(&err);
	rc = exchange_forget(&st, argv[2], &err);
	store_close(&st);
	if (rc < 0)
		return cli_report(&err);
	printf(_("forgot the exchange with %s: the next bundle to it carries everything\n"),
	       argv[2]);
	return 0;
}

int cmd_bundle(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || cli_is_help(argv[1]))
		return argc < 2 ? cli_usage("bundle", _("give create, apply, list, show or forget"))
				: usage();
	if (strcmp(argv[1], "create") == 0)
		return do_create(cli, argc, argv);
	if (strcmp(argv[1], "apply") == 0)
		return do_apply(cli, argc, argv);
	if (strcmp(argv[1], "list") == 0)
		return do_list(cli, argc, argv);
	if (strcmp(argv[1], "show") == 0)
		return do_show(argc, argv);
	if (strcmp(argv[1], "forget") == 0)
		return do_forget(cli, argc, argv);
	return cli_usage("bundle", _("unknown subcommand %s (create, apply, list, show, forget)"),
			 argv[1]);
}
