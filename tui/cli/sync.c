/* sync.c - `routemap sync USER@HOST[:OFFICE]`: the bundle for the other
 * office goes over ssh to `routemap sync --serve` there (syncserve.c),
 * which applies it and answers with its bundle for us; we apply that and
 * say what moved each way.  ssh runs from an argument vector (fork and
 * execvp), never through a shell here; the framing is in core/sync*.c. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/cli.h"
#include "routemap/exchange.h"
#include "routemap/sync.h"
#include "synccli.h"

/* A private directory for the bundles of one sync (mode 0700). */
int sync_tempdir(char *dir, size_t size, struct rm_error *err)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, size, "%s/routemap-sync.XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return rm_fail(err, RM_EXIT_RUNTIME, _("cannot make a temporary directory: %s"),
			       strerror(errno));
	return 0;
}

/* Remove the files NAMES (NULL-terminated) from DIR, then DIR. */
void sync_tempdir_remove(const char *dir, const char *const *names)
{
	char path[4200];

	for (; *names; names++) {
		snprintf(path, sizeof path, "%s/%s", dir, *names);
		unlink(path);
	}
	rmdir(dir);
}

/* A pipe whose ends close on exec. */
static int cloexec_pipe(int fd[2])
{
	if (pipe(fd) < 0)
		return -1;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Start ARGV[0] with ARGV, its standard input and output pipes to us
 * (*TO, *FROM); its standard error is ours.  Returns its pid, or -1 with
 * ERR (exec failures are said here: the child reports errno through a
 * close-on-exec pipe). */
static pid_t spawn(char **argv, int *to, int *from, struct rm_error *err)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, report[2] = { -1, -1 }, child_errno = 0;
	pid_t pid;

	if (cloexec_pipe(in) < 0 || cloexec_pipe(out) < 0 || cloexec_pipe(report) < 0)
		goto fail;
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		if (dup2(in[0], STDIN_FILENO) >= 0 && dup2(out[1], STDOUT_FILENO) >= 0)
			execvp(argv[0], argv);
		child_errno = errno;
		if (write(report[1], &child_errno, sizeof child_errno) < 0)
			_exit(127);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(report[1]);
	while (read(report[0], &child_errno, sizeof child_errno) < 0 && errno == EINTR)
		;
	close(report[0]);
	if (child_errno) {
		close(in[1]);
		close(out[0]);
		waitpid(pid, NULL, 0);
		return rm_fail(err, RM_EXIT_RUNTIME, _("cannot run %s: %s (set [exchange] ssh in "
			       "the office file)"), argv[0], strerror(child_errno));
	}
	*to = in[1];
	*from = out[0];
	return pid;
fail:
	rm_fail(err, RM_EXIT_RUNTIME, _("cannot start %s: %s"), argv[0], strerror(errno));
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (out[i] >= 0)
			close(out[i]);
		if (report[i] >= 0)
			close(report[i]);
	}
	return -1;
}

/* ssh's end: its exit status (0..255), or 255 + signal. */
static int wait_status(pid_t pid)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : 256 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
}

/* Send the file OUT to the other end through ssh (ARGV) and take its
 * answer into the file IN.  Returns 0; or -1 with ERR (status 1) saying
 * whether ssh failed (its status; what it said went to our standard
 * error) or the other office refused, and why. */
static int exchange_over_ssh(char **argv, const struct sync_target *t, const char *out,
			     const char *in, struct rm_error *err)
{
	struct rm_error werr = { 0, "" }, rerr = { 0, "" };
	char message[SYNC_MESSAGE_MAX + 2];
	int to = -1, from = -1, status = 0, got_any = 0, rc, wrote, ssh_status;
	pid_t pid = spawn(argv, &to, &from, err);

	if (pid < 0)
		return -1;
	/* the other end may refuse before it has read everything: a write
	 * that fails is then explained by its answer */
	wrote = sync_write_request(to, out, &werr);
	close(to);
	rc = sync_read_reply(from, in, &status, message, sizeof message, &got_any, &rerr);
	close(from);
	ssh_status = wait_status(pid);
	if (rc == 1)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s refused the bundle: %s"),
			       t->office, message);
	if (rc == 0 && wrote == 0)
		return 0;
	if (ssh_status != 0 && !got_any)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s %s ended with status %d; what it said, "
			       "if anything, is above"), argv[0], t->address, ssh_status);
	*err = rc < 0 ? rerr : werr;
	rm_error_prefix(err, "%s %s", argv[0], t->address);
	return -1;
}

/* Whether S moved anything: records added, changed or deleted. */
static long long moved(const struct exchange_summary *s)
{
	return s->total.inserted + s->total.updated + s->total.deleted;
}

/* One line per kind that moved in S, under a line saying which way. */
static void say_moved(const char *heading, const struct exchange_summary *s)
{
	size_t i;

	printf("%s\n", heading);
	for (i = 0; i < s->nkinds; i++) {
		const struct exchange_count *k = &s->kinds[i];

		if (!k->inserted && !k->updated && !k->deleted && !k->conflicts)
			continue;
		printf(_("  %s: %lld added, %lld changed, %lld deleted"),
		       exchange_kind_label(k->kind), k->inserted, k->updated, k->deleted);
		if (k->conflicts)
			printf(ngettext(", %lld in conflict", ", %lld in conflict",
					(unsigned long)k->conflicts), k->conflicts);
		putchar('\n');
	}
	if (!moved(s) && !s->total.conflicts)
		printf("  %s\n", _("nothing new"));
}

/* What moved both ways, and where the conflicts are. */
static void say_sync(const char *office, const struct exchange_summary *sent,
		     const struct exchange_summary *got)
{
	char heading[256];

	if (!moved(sent) && !moved(got) && !got->total.conflicts) {
		printf(_("nothing moved between here and %s: both are up to date\n"), office);
		return;
	}
	snprintf(heading, sizeof heading, _("sent to %s:"), office);
	say_moved(heading, sent);
	snprintf(heading, sizeof heading, _("received from %s:"), office);
	say_moved(heading, got);
	if (got->skipped)
		printf(ngettext("  (%lld part had been applied before)\n",
				"  (%lld parts had been applied before)\n",
				(unsigned long)got->skipped), got->skipped);
	if (got->total.conflicts)
		printf(ngettext("%lld record was changed on both sides: it is kept as it is here; "
				"see routemap conflicts\n",
				"%lld records were changed on both sides: they are kept as they are "
				"here; see routemap conflicts\n", (unsigned long)got->total.conflicts),
		       got->total.conflicts);
}

/* The bundle IN came from OFFICE (not another office answering there). */
static int check_sender(const char *in, const char *office, struct rm_error *err)
{
	struct exchange_header h;

	if (exchange_peek(in, &h, err) < 0)
		return -1;
	if (strcmp(h.sender, office) != 0)
		return rm_fail(err, RM_EXIT_RUNTIME, _("the answer is a bundle from %s, not from %s; "
			       "check the address and the office"), h.sender, office);
	return 0;
}

/* The sync itself, once the target and ssh's words are known. */
static int sync_run(struct cli *cli, const struct sync_target *t, char **argv)
{
	static const char *const names[] = { "out.bundle", "in.bundle", NULL };
	struct exchange_summary sent, got;
	struct rm_error err = { 0, "" };
	char dir[4096], out[4200], in[4200];
	struct store st;
	int rc = -1;

	memset(&sent, 0, sizeof sent);
	memset(&got, 0, sizeof got);
	if (cli_open(cli, &st, CLI_WRITE, &err) < 0)
		return cli_report(&err);
	if (sync_tempdir(dir, sizeof dir, &err) < 0) {
		store_close(&st);
		return cli_report(&err);
	}
	snprintf(out, sizeof out, "%s/%s", dir, names[0]);
	snprintf(in, sizeof in, "%s/%s", dir, names[1]);
	if (exchange_create(&st, &cli->cfg, t->office, out, &sent, &err) == 0 &&
	    exchange_over_ssh(argv, t, out, in, &err) == 0 &&
	    check_sender(in, t->office, &err) == 0 &&
	    exchange_apply(&st, &cli->cfg, in, &got, &err) == 0) {
		say_sync(t->office, &sent, &got);
		rc = 0;
	}
	sync_tempdir_remove(dir, names);
	store_close(&st);
	exchange_summary_free(&sent);
	exchange_summary_free(&got);
	return rc == 0 ? 0 : cli_report(&err);
}

static int sync_help(void)
{
	fputs(_("usage: routemap sync USER@HOST[:OFFICE]\n"
		"       routemap sync --serve [--peer OFFICE]\n"
		"Send the other office what it has not had yet and take what it has for us,\n"
		"over ssh: its machine runs routemap sync --serve (the forced command of our\n"
		"key there).  OFFICE is the other office's code; without it, the parent\n"
		"office of the INI file.  [exchange] in the INI file says which ssh to run,\n"
		"its options and the routemap there; see routemap(1), EXCHANGE BETWEEN\n"
		"OFFICES.\n"
		"  --serve        the other end: one bundle in on standard input, the bundle\n"
		"                 back on standard output\n"
		"  --peer OFFICE  with --serve: take bundles from OFFICE only\n"), stdout);
	return 0;
}

int cmd_sync(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct sync_target t;
	char **ssh;
	int rc;

	if (argc == 2 && cli_is_help(argv[1]))
		return sync_help();
	if (argc >= 2 && strcmp(argv[1], "--serve") == 0)
		return sync_serve(cli, argc - 1, argv + 1);
	if (argc != 2)
		return cli_usage("sync", _("expected one USER@HOST[:OFFICE]; see routemap sync "
				 "--help"));
	if (sync_target_parse(argv[1], &t, &err) < 0)
		return cli_usage("sync", "%s", err.msg);
	if (!t.office[0]) {
		if (!cli->cfg.office_parent || !*cli->cfg.office_parent)
			return cli_usage("sync", _("%s: no office after the address and no parent "
					 "office in the INI file; write USER@HOST:OFFICE"), argv[1]);
		snprintf(t.office, sizeof t.office, "%s", cli->cfg.office_parent);
	}
	ssh = sync_ssh_argv(&cli->cfg, getenv("ROUTEMAP_SSH"), &t, &err);
	if (!ssh)
		return cli_report(&err);
	signal(SIGPIPE, SIG_IGN);
	rc = sync_run(cli, &t, ssh);
	sync_argv_free(ssh);
	return rc;
}
