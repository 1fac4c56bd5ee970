/* data.c - the commands that move data: init, import, export, check,
 * backup. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/escape.h"
#include "routemap/cli.h"
#include "routemap/files.h"
#include "routemap/schema.h"
#include "routemap/table.h"
#include "routemap/text.h"
#include "routemap/transfer.h"
#include "routemap/vocab.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	int rc;

	if (argc > 1) {
		if (cli_is_help(argv[1])) {
			fputs(_("usage: routemap init\n"
				"Create the office database, or bring an older one up to date;\n"
				"print its path and schema version.  The office of the INI file is\n"
				"registered in it (added, or brought in line with the file).\n"), stdout);
			return 0;
		}
		return cli_usage("init", _("takes no arguments"));
	}
	if (cli_open(cli, &st, CLI_INIT, &err) < 0)
		return cli_report(&err);
	printf("%s\n", st.path);
	printf(_("schema version %d\n"), store_schema_version(&st));
	rc = cli_register_office(cli, &st);
	store_close(&st);
	return rc;
}

/* Read the whole file PATH into *DATA (malloc'd). */
static int read_file(const char *path, char **data, size_t *len, struct rm_error *err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;

	*data = NULL;
	if (!f)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot read: %s"), path, rm_strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot read: %s"), path, rm_strerror(errno));
	}
	fclose(f);
	*len = b.len;
	*data = buf_take(&b);
	if (!*data)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: out of memory"), path);
	return 0;
}

/* The known KIND.csv files in DIR; any other .csv file is an error (a
 * misnamed file would otherwise be skipped without a word). */
static int collect_dir(const char *dir, struct transfer_file *files, char **names,
		       char **datas, size_t *n, struct rm_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	*n = 0;
	if (!d)
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot open the directory: %s"), dir,
			       rm_strerror(errno));
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		struct buf path = { 0 };
		char kind[128];
		int k;

		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0 || len - 4 >= sizeof kind)
			continue;
		memcpy(kind, e->d_name, len - 4);
		kind[len - 4] = '\0';
		buf_printf(&path, "%s/%s", dir, e->d_name);
		k = transfer_kind_from_name(kind);
		if (k < 0) {
			rc = rm_fail(err, RM_EXIT_RUNTIME,
				     _("%s: not a known kind of record; files are named KIND.csv with "
				     "KIND one of offices, plans, objectives, links, indicators, "
				     "slm_cells, projects, groups, norm_sets, norm_items, support_frames, "
				     "assessments, assessment_entries, aars, aar_sections, aar_actions"),
				     path.s);
		} else if (*n >= transfer_nkinds()) {
			rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: too many files"), dir);
		} else {
			files[*n].kind = k;
			names[*n] = buf_take(&path);
			files[*n].name = names[*n];
			rc = read_file(names[*n], &datas[*n], &files[*n].len, err);
			files[*n].data = datas[*n];
			(*n)++;
		}
		buf_free(&path);
	}
	closedir(d);
	if (rc == 0 && *n == 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: no KIND.csv files to import"), dir);
	return rc;
}

/* The encodings import --encoding takes, and glibc iconv's name for each
 * (NULL: already UTF-8). */
static const struct encoding {
	const char *name;
	const char *iconv;
} encodings[] = {
	{ "utf-8", NULL }, { "windows-874", "CP874" }, { "cp874", "CP874" },
	{ "tis-620", "TIS-620" },
};

/* Convert F's data (from ENC) to UTF-8 in a new buffer *DATA (malloc'd;
 * the old one is freed).  A byte the encoding does not have is refused
 * with the line it is on. */
static int to_utf8(const struct encoding *enc, struct transfer_file *f, char **data,
		   struct rm_error *err)
{
	iconv_t cd = iconv_open("UTF-8", enc->iconv);
	size_t inleft = f->len, outleft = 3 * f->len + 4, i;
	char *in = *data, *out = malloc(outleft), *o = out;
	int line = 1;

	if (cd == (iconv_t)-1 || !out) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		free(out);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot convert from %s: %s"), f->name,
			       enc->name, rm_strerror(errno));
	}
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		int e = errno;

		for (i = 0; i < (size_t)(in - *data); i++)
			line += (*data)[i] == '\n';
		iconv_close(cd);
		free(out);
		if (e == EILSEQ || e == EINVAL)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s:%d: byte 0x%02X is not %s; is the file in another encoding?"),
				       f->name, line, (unsigned char)*in, enc->name);
		return rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot convert from %s: %s"), f->name,
			       enc->name, rm_strerror(e));
	}
	iconv_close(cd);
	free(*data);
	*data = out;
	f->data = out;
	f->len = (size_t)(o - out);
	return 0;
}

/* The options and arguments of routemap import (ARGC, ARGV): the
 * --encoding into *ENC (NULL when not given), --update and --dry-run into
 * *FLAGS (TRANSFER_*), DIR or KIND FILE into
 * ARGS[1..*NARGS].  Returns -1 to go on, or the status to exit with
 * (after the help, or a usage error). */
static int import_options(int argc, char **argv, const struct encoding **enc, char **args,
			  int *nargs, unsigned *flags)
{
	int a;

	for (a = 1; a < argc; a++) {
		if (cli_is_help(argv[a])) {
			fputs(_("usage: routemap import [--update] [--dry-run] [--encoding ENCODING] DIR\n"
				"       routemap import [--update] [--dry-run] [--encoding ENCODING] KIND FILE\n"
				"Load CSV files: every KIND.csv in DIR, or one FILE of KIND.\n"
				"All or nothing: the first bad field stops the import and nothing changes.\n"
				"--update: change the records whose code (or key) is there, add the others;\n"
				"          delete nothing; print what changed.\n"
				"--dry-run: print the same, change nothing.\n"
				"ENCODING: utf-8 (the default), windows-874 or tis-620.\n"), stdout);
			return 0;
		}
		if (strcmp(argv[a], "--update") == 0) {
			*flags |= TRANSFER_UPDATE;
		} else if (strcmp(argv[a], "--dry-run") == 0) {
			*flags |= TRANSFER_DRY_RUN;
		} else if (strcmp(argv[a], "--encoding") == 0 && a + 1 < argc) {
			size_t e;

			for (e = 0; e < sizeof encodings / sizeof encodings[0]; e++)
				if (strcasecmp(argv[a + 1], encodings[e].name) == 0)
					*enc = &encodings[e];
			if (!*enc)
				return cli_usage("import", _("--encoding %s: expected utf-8, windows-874 or "
							     "tis-620"), argv[a + 1]);
			a++;
		} else if (argv[a][0] == '-' && argv[a][1]) {
			return cli_usage("import", _("%s: unknown option (or its value is missing)"),
					 argv[a]);
		} else if (*nargs < 3) {
			args[++*nargs] = argv[a];
		} else {
			return cli_usage("import", _("expected DIR or KIND FILE"));
		}
	}
	return -1;
}

/* Read the files ARGC, ARGV name (ARGV[1] a directory, or ARGV[1] a kind
 * and ARGV[2] its file) into FILES, *N of them, their names and data
 * malloc'd into NAMES and DATAS (caller frees).  Returns -1 to go on,
 * with *RC -1 and ERR when one could not be read; or the status of a
 * usage error to exit with. */
static int import_read(int argc, char **argv, struct transfer_file *files, char **names,
		       char **datas, size_t *n, int *rc, struct rm_error *err)
{
	if (argc == 2) {
		struct stat sb;

		if (stat(argv[1], &sb) < 0 || !S_ISDIR(sb.st_mode))
			return cli_usage("import", _("%s: not a directory; use import DIR or import KIND FILE"),
					 argv[1]);
		if (collect_dir(argv[1], files, names, datas, n, err) < 0)
			*rc = -1;
	} else if (argc == 3) {
		files[0].kind = transfer_kind_from_name(argv[1]);
		if (files[0].kind < 0)
			return cli_usage("import", _("unknown kind \"%s\"; expected offices, plans, "
					 "objectives, links, indicators, slm_cells, projects, groups, "
					 "norm_sets, norm_items, support_frames, assessments, "
					 "assessment_entries, aars, aar_sections or aar_actions"), argv[1]);
		files[0].name = argv[2];
		*n = 1;
		if (read_file(argv[2], &datas[0], &files[0].len, err) < 0)
			*rc = -1;
		files[0].data = datas[0];
	} else {
		return cli_usage("import", _("expected DIR or KIND FILE"));
	}
	return -1;
}

/* VALUE (a CSV value) as the report shows it: escaped, "" when empty,
 * malloc'd (NULL out of memory). */
static char *shown_value(const char *value)
{
	return *value ? escape_text(value, ESC_INVISIBLE) : strdup("\"\"");
}

/* The changes of import --update to F: one line per record, its name
 * padded to the widest, then each changed column "old → new". */
static void print_changes(const struct transfer_file *f)
{
	int w = 0, n;
	size_t i, j;

	for (i = 0; i < f->nchanges; i++) {
		char *name = escape_text(f->changes[i].record, ESC_INVISIBLE);

		if (name && (n = text_width(name)) > w)
			w = n;
		free(name);
	}
	for (i = 0; i < f->nchanges; i++) {
		const struct transfer_change *ch = &f->changes[i];
		char *name = escape_text(ch->record, ESC_INVISIBLE);

		if (!name)
			continue;
		printf("  %s%*s", name, w - text_width(name), "");
		for (j = 0; j < ch->nfields; j++) {
			char *old = shown_value(ch->fields[j].old), *new = shown_value(ch->fields[j].new);

			printf("%s %s: %s → %s", j ? ";" : "", ch->fields[j].column, old ? old : "",
			       new ? new : "");
			free(old);
			free(new);
		}
		printf("\n");
		free(name);
	}
}

/* What import --update (or --dry-run) did to the N FILES: per kind its
 * counts, then its changed records; with TRANSFER_DRY_RUN in FLAGS a last
 * line saying nothing was changed. */
static void print_update_report(const struct transfer_file *files, size_t n, unsigned flags)
{
	size_t i;

	for (i = 0; i < n; i++) {
		/* TRANSLATORS: "plan: 1 added, 2 updated, 5 unchanged" */
		printf(_("%s: %zu added, %zu updated, %zu unchanged\n"),
		       vocab_kind(transfer_kind_name((size_t)files[i].kind)), files[i].added,
		       files[i].updated, files[i].unchanged);
		print_changes(&files[i]);
	}
	if (flags & TRANSFER_DRY_RUN)
		fputs(_("--dry-run: nothing was changed\n"), stdout);
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	struct transfer_file files[32];
	char *names[32] = { 0 }, *datas[32] = { 0 };
	struct rm_error err = { 0, "" };
	const struct encoding *enc = NULL;
	struct store st;
	char *args[4];
	size_t n = 0, i;
	unsigned flags = 0;
	int rc = 0, nargs = 0, status;

	memset(files, 0, sizeof files);
	status = import_options(argc, argv, &enc, args, &nargs, &flags);
	if (status >= 0)
		return status;
	args[0] = argv[0];
	status = import_read(nargs + 1, args, files, names, datas, &n, &rc, &err);
	if (status >= 0)
		return status;
	for (i = 0; rc == 0 && enc && i < n; i++) {
		files[i].utf8 = 1;
		if (enc->iconv && to_utf8(enc, &files[i], &datas[i], &err) < 0)
			rc = -1;
	}
	if (rc == 0 && cli_open(cli, &st, CLI_WRITE, &err) == 0) {
		rc = transfer_import_with(&st, &cli->cfg, files, n, flags, &err);
		store_close(&st);
	} else {
		rc = -1;
	}
	if (rc == 0 && flags) {
		print_update_report(files, n, flags);
	} else if (rc == 0) {
		/* TRANSLATORS: followed by kinds of records and their counts, "plan 2". */
		fputs(_("imported:"), stdout);
		for (i = 0; i < n; i++)
			printf("%s %s %zu", i ? "," : "", vocab_kind(transfer_kind_name((size_t)files[i].kind)),
			       files[i].rows);
		printf("\n");
	}
	for (i = 0; i < n; i++) {
		transfer_changes_free(&files[i]);
		free(names[i]);
		free(datas[i]);
	}
	return rc == 0 ? 0 : cli_report(&err);
}

/* Write KIND into the new file DIR/KIND.csv (DIR: our temporary
 * directory), synced. */
static int export_kind(struct store *st, const char *dir, size_t kind,
		       const struct file_share *share, struct rm_error *err)
{
	struct buf path = { 0 };
	FILE *f;
	int fd, rc = -1;

	buf_printf(&path, "%s/%s.csv", dir, transfer_kind_name(kind));
	if (path.oom)
		return rm_fail(err, RM_EXIT_RUNTIME, _("out of memory"));
	fd = file_create(path.s, share, err);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		if (fd >= 0) {
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path.s, rm_strerror(errno));
			close(fd);
		}
		buf_free(&path);
		return -1;
	}
	if (transfer_export(st, NULL, kind, FORMAT_CSV, f, err) == 0) {
		if (fflush(f) != 0 || ferror(f) || fsync(fd) != 0)
			rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path.s, rm_strerror(errno));
		else
			rc = 0;
	}
	if (fclose(f) != 0 && rc == 0)
		rc = rm_fail(err, RM_EXIT_RUNTIME, _("%s: cannot write: %s"), path.s, rm_strerror(errno));
	buf_free(&path);
	return rc;
}

/* Every kind into DIR as KIND.csv: written into a new directory beside it
 * and renamed to DIR only when every file is complete and synced, so
 * that DIR never holds a mix of old and new files or half an export.
 * DIR must not exist or be an empty directory. */
static int export_dir(struct store *st, const char *dir, const struct file_share *share,
		      struct rm_error *err)
{
	struct stat sb;
	char *tmp;
	size_t k;

	if (lstat(dir, &sb) == 0) {
		DIR *d = S_ISDIR(sb.st_mode) ? opendir(dir) : NULL;
		struct dirent *e;
		int empty = d != NULL;

		while (d && (e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				empty = 0;
		if (d)
			closedir(d);
		if (!empty)
			return rm_fail(err, RM_EXIT_RUNTIME,
				       _("%s: already there and not an empty directory; export into a "
					 "new directory"), dir);
	}
	if (file_temp_dir_beside(dir, share, &tmp, err) < 0)
		return -1;
	/* one read transaction: the files agree with each other even while
	 * others write (readers do not wait, and so see changes between
	 * statements) */
	if (store_exec(st, "BEGIN", err) < 0) {
		file_remove_dir(tmp);
		free(tmp);
		return -1;
	}
	for (k = 0; k < transfer_nkinds(); k++)
		if (export_kind(st, tmp, k, share, err) < 0) {
			store_rollback(st);
			file_remove_dir(tmp);
			free(tmp);
			return -1;
		}
	store_rollback(st);   /* (nothing was written: the end of the snapshot) */
	k = (size_t)file_commit_dir(tmp, dir, err);
	free(tmp);
	return (int)k;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	enum transfer_format format = FORMAT_CSV;
	struct rm_error err = { 0, "" };
	const char *kind = NULL, *dir = NULL;
	struct store st;
	int i, k = -1, rc = 0;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(_("usage: routemap export KIND [--format csv|md|txt]\n"
				"       routemap export --dir DIR\n"
				"Write every record of KIND to standard output (CSV imports back),\n"
				"or every kind into DIR as KIND.csv.\n"), stdout);
			return 0;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			const char *f = argv[++i];

			if (strcmp(f, "csv") == 0)
				format = FORMAT_CSV;
			else if (strcmp(f, "md") == 0)
				format = FORMAT_MD;
			else if (strcmp(f, "txt") == 0)
				format = FORMAT_TXT;
			else
				return cli_usage("export", _("--format %s: expected csv, md or txt"), f);
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (argv[i][0] == '-') {
			return cli_usage("export", _("%s: unknown option (or its value is missing)"), argv[i]);
		} else if (!kind) {
			kind = argv[i];
		} else {
			return cli_usage("export", _("%s: one kind at a time"), argv[i]);
		}
	}
	if (dir && kind)
		return cli_usage("export", _("give either KIND or --dir DIR"));
	if (!dir && !kind)
		return cli_usage("export", _("expected KIND or --dir DIR; see routemap export --help"));
	if (kind && (k = transfer_kind_from_name(kind)) < 0)
		return cli_usage("export", _("unknown kind \"%s\"; expected offices, plans, objectives, "
				 "links, indicators, slm_cells, projects, groups, norm_sets, norm_items, "
				 "support_frames, assessments, assessment_entries, aars, aar_sections "
				 "or aar_actions"), kind);
	if (dir && format != FORMAT_CSV)
		return cli_usage("export", _("--dir writes CSV only"));
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	if (dir) {
		struct file_share share;

		rc = file_share_for_group(cli->cfg.db_shared_group, &share, &err);
		if (rc == 0)
			rc = export_dir(&st, dir, &share, &err);
	} else {
		/* CSV into a file or a pipe is data, written as it is */
		FILE *out = format == FORMAT_CSV && !isatty(fileno(cli->raw_out)) ? cli->raw_out
										: stdout;

		rc = transfer_export(&st, &cli->cfg, (size_t)k, format, out, &err);
		if (rc == 0 && (fflush(out) != 0 || ferror(out)))
			rc = rm_fail(&err, RM_EXIT_RUNTIME, _("standard output: cannot write"));
	}
	store_close(&st);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = rm_fail(&err, RM_EXIT_RUNTIME, _("standard output: cannot write"));
	return rc == 0 ? 0 : cli_report(&err);
}

/* How many records of each kind ST holds, a kind a line, its name in the
 * office's words and the count aligned on the right.  0, or -1 with ERR. */
static int print_counts(struct store *st, struct rm_error *err)
{
	long long counts[64];
	char nums[64][24];
	size_t k, n = transfer_nkinds() < 64 ? transfer_nkinds() : 64;
	int width[2] = { 0, 0 }, pass;

	for (k = 0; k < n; k++) {
		counts[k] = transfer_count(st, k, err);
		if (counts[k] < 0)
			return -1;
		snprintf(nums[k], sizeof nums[k], "%lld", counts[k]);
	}
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < n; k++) {
			const char *cells[2] = { vocab_kind(transfer_kind_name(k)), nums[k] };

			if (pass)
				table_txt_row(stdout, cells, 2, width, 1u << 1);
			else
				table_txt_measure(cells, 2, width);
		}
	return 0;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct store st;
	char *report = NULL;
	int rc;

	if (argc > 1) {
		if (cli_is_help(argv[1])) {
			fputs(_("usage: routemap check\n"
				"Check the database's integrity and foreign keys; print the schema\n"
				"version and how many records of each kind it holds.\n"), stdout);
			return 0;
		}
		return cli_usage("check", _("takes no arguments"));
	}
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	rc = store_check(&st, &report, &err);
	if (rc < 0) {
		store_close(&st);
		return cli_report(&err);
	}
	printf(_("database: %s\n"), st.path);
	printf(_("schema version: %d (this program: %d)\n"), store_schema_version(&st),
	       schema_latest());
	/* The problems are SQLite's own words; "ok" is ours. */
	printf(_("integrity: %s\n"), rc == 0 ? _("ok") : report);
	free(report);
	if (print_counts(&st, &err) < 0) {
		store_close(&st);
		return cli_report(&err);
	}
	store_close(&st);
	return rc == 0 ? 0 : RM_EXIT_RUNTIME;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct rm_error err = { 0, "" };
	struct file_share share;
	struct store st;
	int rc;

	if (argc == 2 && cli_is_help(argv[1])) {
		fputs(_("usage: routemap backup FILE\n"
			"Copy the database into the new FILE through SQLite's online backup;\n"
			"safe while others work in it.\n"), stdout);
		return 0;
	}
	if (argc != 2)
		return cli_usage("backup", _("expected one FILE to write"));
	if (cli_open(cli, &st, CLI_READ, &err) < 0)
		return cli_report(&err);
	/* the office's group when it names one, else the database file's */
	rc = *cli->cfg.db_shared_group ? file_share_for_group(cli->cfg.db_shared_group, &share, &err)
				       : file_share_like(st.path, &share, &err);
	if (rc == 0)
		rc = store_backup(&st, argv[1], &share, &err);
	store_close(&st);
	if (rc < 0)
		return cli_report(&err);
	printf("%s\n", argv[1]);
	return 0;
}
