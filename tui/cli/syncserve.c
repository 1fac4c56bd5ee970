/* syncserve.c - `routemap sync --serve [--peer OFFICE]`: the other end of
 * `routemap sync`, run by ssh (usually as the forced command of the
 * sending office's key).  One framed bundle in on standard input; the
 * bundle back, framed, on standard output, or the refusal framed (the
 * protocol is described in sync.h).  Writes nothing but a private
 * temporary directory, which it removes, and the office database. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "routemap/cli.h"
#include "routemap/exchange.h"
#include "routemap/sync.h"
#include "synccli.h"

/* The bundle IN (already read), unless --peer says another office must
 * send: applied, and the bundle back to its sender made into OUT.  SUM
 * gets what the apply moved.  Returns 0, or -1 with ERR. */
static int serve_bundle(struct cli *cli, struct store *st, const char *peer, const char *in,
			const char *out, struct exchange_summary *sum, struct rm_error *err)
{
	struct exchange_summary back;
	struct exchange_header h;
	int rc;

	if (exchange_peek(in, &h, err) < 0)
		return -1;
	if (peer && strcmp(h.sender, peer) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("this key may only bring bundles from %s; "
			       "this one is from %s and was not applied"), peer, h.sender);
	if (exchange_apply(st, &cli->cfg, in, sum, err) < 0)
		return -1;
	memset(&back, 0, sizeof back);
	rc = exchange_create(st, &cli->cfg, h.sender, out, &back, err);
	exchange_summary_free(&back);
	return rc;
}

/* Read --peer OFFICE from ARGV (after "--serve") into *PEER.  0, or the
 * usage error's status. */
static int serve_args(int argc, char **argv, const char **peer)
{
	*peer = NULL;
	if (argc == 1)
		return 0;
	if (argc == 3 && strcmp(argv[1], "--peer") == 0) {
		if (sync_office_ok(argv[2])) {
			*peer = argv[2];
			return 0;
		}
		return cli_usage("sync --serve", _("--peer: \"%s\" is not an office code"), argv[2]);
	}
	return cli_usage("sync --serve", _("expected nothing or --peer OFFICE after --serve"));
}

int sync_serve(struct cli *cli, int argc, char **argv)
{
	static const char *const names[] = { "in.bundle", "out.bundle", NULL };
	struct exchange_summary sum;
	struct rm_error err = { 0, "" }, werr = { 0, "" };
	char dir[4096] = "", in[4200], out[4200];
	const char *peer;
	struct store st;
	int rc, opened = 0;

	rc = serve_args(argc, argv, &peer);
	if (rc)
		return rc;
	/* ssh's forced command often runs in the C locale: Thai needs UTF-8 */
	if (MB_CUR_MAX == 1)
		setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	memset(&sum, 0, sizeof sum);
	rc = -1;
	if (cli_open(cli, &st, CLI_WRITE, &err) == 0 && (opened = 1) &&
	    sync_tempdir(dir, sizeof dir, &err) == 0) {
		snprintf(in, sizeof in, "%s/%s", dir, names[0]);
		snprintf(out, sizeof out, "%s/%s", dir, names[1]);
		if (sync_read_request(STDIN_FILENO, in, &err) == 0 &&
		    serve_bundle(cli, &st, peer, in, out, &sum, &err) == 0)
			rc = 0;
	}
	if (rc == 0 && sync_write_ok(STDOUT_FILENO, out, &werr) < 0)
		rc = cli_report(&werr);   /* the client is gone; said here */
	else if (rc < 0 && sync_write_error(STDOUT_FILENO, err.status ? err.status : 1,
					    err.msg) < 0)
		cli_report(&err);
	if (rc == 0 && sum.total.conflicts)
		fprintf(stderr, ngettext("routemap: %s: %lld record was changed on both sides; "
					 "it is kept as it is there: see routemap conflicts there\n",
					 "routemap: %s: %lld records were changed on both sides; "
					 "they are kept as they are there: see routemap conflicts there\n",
					 (unsigned long)sum.total.conflicts),
			cli->cfg.office_code, sum.total.conflicts);
	if (dir[0])
		sync_tempdir_remove(dir, names);
	if (opened)
		store_close(&st);
	exchange_summary_free(&sum);
	return rc == 0 ? 0 : rc > 0 ? rc : err.status ? err.status : 1;
}
