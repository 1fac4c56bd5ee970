/* cli.h - the batch commands (tui/cli/) and what main.c hands them. */
#ifndef ROUTEMAP_CLI_H
#define ROUTEMAP_CLI_H

#include <stdio.h>

#include "routemap/config.h"
#include "routemap/error.h"
#include "routemap/i18n.h"
#include "routemap/store.h"


struct cli {
	struct config cfg;
	char *config_path;      /* the INI file read, or NULL (built-in) */
	char *db_path;          /* resolved database path (malloc'd) */
	int readonly;           /* -r */
	int ascii;              /* --ascii or [ui] line_drawing = ascii */
	int demo;               /* --demo */
	FILE *raw_out;          /* standard output as it is; stdout itself
				   escapes what must not reach a terminal */
	const char *prog;
};

/* What a command does with the database. */
enum cli_access {
	CLI_READ,      /* only reads: opened read-only, never created */
	CLI_WRITE,     /* changes data (never with -r); creates a missing file */
	CLI_INIT,      /* routemap init: may also make an empty file a database */
	CLI_SCREENS,   /* the screens: read-only when the user may not write */
};

/* Open the office database for a command.  With --demo an empty database
 * gets the sample data first; a migration is reported on stderr (but for
 * the screens, which say so themselves).  Returns 0, or -1 with ERR. */
int cli_open(struct cli *cli, struct store *st, enum cli_access access, struct rm_error *err);

/* Each command: ARGV[0] is the command's name.  Returns the exit status;
 * errors are printed as "routemap: WHERE: WHAT". */
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_show(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);
int cmd_config(struct cli *cli, int argc, char **argv);
/* conflicts [--all] | conflicts show|keep|take N (tui/cli/conflicts.c). */
int cmd_conflicts(struct cli *cli, int argc, char **argv);
int cmd_search(struct cli *cli, int argc, char **argv);
int cmd_diff(struct cli *cli, int argc, char **argv);
int cmd_bundle(struct cli *cli, int argc, char **argv);
/* sync USER@HOST[:OFFICE] | sync --serve [--peer OFFICE] (sync.c). */
int cmd_sync(struct cli *cli, int argc, char **argv);
int cmd_summary(struct cli *cli);
/* show norm CODE ...: ARGV[0] is "norm".  Returns the exit status. */
int cli_show_norm(struct cli *cli, int argc, char **argv);

/* Print the support requests of entry ENTRY (an id; 0: none) and their
 * answers under an item of `show assessment`, wrapped to WIDTH.  Returns
 * 0, or -1 with ERR. */
int cli_show_requests(const struct cli *cli, struct store *st, sqlite3_int64 entry, int width,
		      struct rm_error *err);

struct exchange_summary;
/* Print on stdout what one bundle moved (RECEIVED: applied here, else
 * written for the peer): the parts, then per kind the records new,
 * changed and deleted, and the conflicts, in Thai. */
void cli_print_exchange(const struct exchange_summary *s, int received);

/* Print "routemap: MESSAGE" for ERR, on one line with controls and
 * invisible characters escaped, and return its exit status. */
int cli_report(const struct rm_error *err);
/* Print a usage error "routemap: COMMAND: WHAT" and return 2. */
int cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when ARG is -h or --help. */
int cli_is_help(const char *arg);

/* Print "LABEL TEXT" on stdout with TEXT wrapped at Thai word breaks to
 * WIDTH columns, later lines under the text's first column; nothing when
 * TEXT is NULL or empty (or, silently, when memory runs out). */
void cli_print_wrapped(const char *label, const char *text, int width);

/* Output width for drawings: --width N, else the terminal's, else 80. */
int cli_width(const char *arg, int *width);
/* The width a list's lines are fitted to: ARG (--width) when given, else
 * the terminal's when standard output is one, else 0: no limit, every
 * line whole for the program that reads it.  0, or an exit status. */
int cli_line_width(const char *arg, int *width);

/* init's registration of the INI's own office in ST (not for --demo nor
 * the built-in office), and a line on what it did.  Returns 0, or the
 * exit status with the error printed. */
int cli_register_office(struct cli *cli, struct store *st);

/* Load the embedded demo data into an empty database. */
int cli_load_demo(struct cli *cli, struct store *st, struct rm_error *err);

#endif
