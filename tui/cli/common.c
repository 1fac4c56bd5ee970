/* common.c - what every batch command shares: opening the database,
 * printing errors, the demo data, the output width. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "routemap/cli.h"
#include "routemap/schema.h"
#include "routemap/escape.h"
#include "routemap/map.h"
#include "routemap/text.h"
#include "routemap/transfer.h"

/* Print "routemap: MSG" on one line, every control and invisible
 * character in it shown as an escape (data may be quoted in it). */
static void say(const char *msg)
{
	char *shown = escape_text(msg, ESC_INVISIBLE);

	fprintf(stderr, "routemap: %s\n", shown ? shown : msg);
	free(shown);
}

int cli_report(const struct rm_error *err)
{
	say(err->msg[0] ? err->msg : _("failed"));
	return err->status ? err->status : RM_EXIT_RUNTIME;
}

int cli_usage(const char *command, const char *fmt, ...)
{
	char msg[1024];
	int n;
	va_list ap;

	n = snprintf(msg, sizeof msg, "%s: ", command);
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	say(msg);
	return RM_EXIT_USAGE;
}

int cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int cli_width(const char *arg, int *width)
{
	struct winsize ws;
	long long w;

	if (arg) {
		if (text_parse_int(arg, &w) < 0 || w < MAP_MIN_WIDTH || w > 1000)
			return cli_usage("--width", _("\"%s\": expected a number of columns from %d to 1000"),
					 arg, MAP_MIN_WIDTH);
		*width = (int)w;
		return 0;
	}
	*width = 80;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= MAP_MIN_WIDTH)
		*width = ws.ws_col;
	return 0;
}

int cli_line_width(const char *arg, int *width)
{
	if (!arg && !isatty(STDOUT_FILENO)) {
		*width = 0;    /* into a pipe or a file: every line whole */
		return 0;
	}
	return cli_width(arg, width);
}

int cli_load_demo(struct cli *cli, struct store *st, struct rm_error *err)
{
	struct transfer_file files[32];
	size_t n;
	long long offices = transfer_count(st, 0, err);

	if (offices < 0)
		return -1;
	if (offices > 0)
		return 0;
	n = transfer_demo_files(files, sizeof files / sizeof files[0]);
	if (transfer_import(st, &cli->cfg, files, n, err) < 0) {
		rm_error_prefix(err, _("demo data"));
		return -1;
	}
	return 0;
}

/* store's on_wait for batch commands: another user holds the database.
 * Said once on a terminal, after two seconds; the command goes on waiting
 * up to [database] wait. */
static int say_waiting(void *arg, long waited_ms)
{
	int *said = arg;

	if (waited_ms >= 2000 && !*said && isatty(STDERR_FILENO)) {
		fprintf(stderr, "%s\n", _("routemap: waiting for another user to finish a change..."));
		*said = 1;
	}
	return 1;
}

/* store's on_progress for batch commands: one line on the terminal,
 * rewritten in place ("importing 45% · 120,000 records · 20,000 a
 * second"), cleared at the end.  Installed only when stderr is a
 * terminal and CI is not set. */
static void say_progress(void *arg, const char *what, long long rows, int permille)
{
	const struct store *st = arg;
	struct timespec ts;
	long long ms;
	char line[256];
	int n;

	if (!what) {
		fputs("\r\033[K", stderr);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);   /* the store's clock */
	ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 - st->progress_start;
	if (ms <= 0)
		ms = 1;
	n = snprintf(line, sizeof line, "routemap: %s", what);
	if (permille >= 0 && n > 0 && n < (int)sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, " %d%%", permille / 10);
	if (n > 0 && n < (int)sizeof line) {
		if (rows >= 0)
			snprintf(line + n, sizeof line - (size_t)n, _(" · %lld records · %lld a second"),
				 rows, rows * 1000 / ms);
		else
			snprintf(line + n, sizeof line - (size_t)n, _(" · %lld s"), ms / 1000);
	}
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
}

/* A writer keeps the coverage shares in its office's partial weight,
 * counted again when the INI changed it: a write command waits for the
 * lock as for any write; the screens do not wait (another user's long
 * import must not keep them from opening) and, when the lock is taken,
 * sort by coverage afresh until the next time.  0, or -1 with ERR. */
static int keep_coverage_weight(struct cli *cli, struct store *st, enum cli_access access,
				struct rm_error *err)
{
	int wait = st->wait_ms, rc;

	if (access != CLI_WRITE && access != CLI_SCREENS)
		return 0;
	if (access == CLI_SCREENS)
		st->wait_ms = 0;
	rc = schema_coverage_weight(st->db, cli->cfg.partial_weight, 1);
	st->wait_ms = wait;
	if (access == CLI_SCREENS)
		st->wait_gave_up = 0;   /* not waiting was the plan */
	if (rc >= 0 || access == CLI_SCREENS)
		return 0;
	return store_fail(st, err, _("cannot count the coverage by the INI's partial weight"));
}

int cli_open(struct cli *cli, struct store *st, enum cli_access access, struct rm_error *err)
{
	static int said;
	int flags = 0;

	if (cli->readonly) {
		if (access == CLI_WRITE || access == CLI_INIT)
			return rm_fail(err, RM_EXIT_USAGE,
				       _("-r: this command changes the database; drop -r to run it"));
		flags = STORE_READONLY | STORE_SMALL_CACHE;
	} else if (!cli->demo) {
		/* the demo database is made and filled on first use */
		static const int by_access[] = {
			[CLI_READ] = STORE_READ | STORE_SMALL_CACHE, [CLI_WRITE] = 0,
			[CLI_INIT] = STORE_INIT,
			[CLI_SCREENS] = STORE_READ_FALLBACK | STORE_SMALL_CACHE,
		};

		flags = by_access[access];
	}
	if (store_open(st, cli->db_path, cli->cfg.db_shared_group, flags, err) < 0)
		return -1;
	st->wait_ms = cli->cfg.db_wait * 1000;
	st->on_wait = say_waiting;
	st->wait_arg = &said;
	if (!st->readonly && keep_coverage_weight(cli, st, access, err) < 0) {
		store_close(st);
		return -1;
	}
	if (isatty(STDERR_FILENO) && !getenv("CI"))
		st->on_progress = say_progress;
	st->progress_arg = st;
	if (st->migrated_from >= 0 && access != CLI_SCREENS) {
		char *path = escape_text(st->path, ESC_INVISIBLE);

		fprintf(stderr, _("routemap: %s: the database was brought up to schema version %d "
				  "(it was %d)\n"), path ? path : "?", store_schema_version(st),
			st->migrated_from);
		free(path);
	}
	if (cli->demo && !cli->readonly && cli_load_demo(cli, st, err) < 0) {
		store_close(st);
		return -1;
	}
	return 0;
}

void cli_print_wrapped(const char *label, const char *text, int width)
{
	int lw = text_width(label), indent = lw ? lw + 1 : 0;
	struct text_lines lines;
	size_t i;

	if (!text || !*text)
		return;
	if (text_wrap(text, width - indent > 10 ? width - indent : 10, &lines) < 0)
		return;
	for (i = 0; i < lines.n; i++)
		printf("%s%*s%s\n", i == 0 ? label : "", i == 0 ? (lw ? 1 : 0) : indent, "",
		       lines.v[i]);
	text_lines_free(&lines);
}
