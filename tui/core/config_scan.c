/* config_scan.c - steps 1 and 2 of loading an office INI file.
 *
 *  1. We read the file ourselves: strip a UTF-8 BOM, refuse NUL bytes,
 *     invalid UTF-8 and lines over iniparser's limit, and scan its lines the
 *     way iniparser 4.1 does (continuation lines, comments, quotes) to learn
 *     the line of every section and key, to find duplicates and syntax
 *     errors, and to refuse names the key table (inikeys.c) does not know,
 *     with a "did you mean".
 *  2. iniparser reads the values (quotes, inline comments).  Its messages go
 *     to our callback, never to stderr.
 *
 * iniparser 4.1 can only load a file by its name, and takes a BOM for part
 * of the first line; so a file with a BOM, or one that is not a regular
 * file (a pipe cannot be read twice), is given to it as a private
 * temporary copy without the BOM.  Every other file is read in place.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/action.h"
#include "config_loader.h"
#include "routemap/i18n.h"
#include "routemap/text.h"

/* Read PATH into a malloc'd, NUL-terminated buffer (caller frees). */
static int file_read(struct loader *ld, char **data, size_t *len)
{
	FILE *f;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	*data = NULL;
	*len = 0;
	f = fopen(ld->path, "rb");
	if (!f)
		return ld_fail_line(ld, 0, _("cannot open: %s"), rm_strerror(errno));
	for (;;) {
		size_t got;

		if (cap - n < 4096) {
			char *p;

			cap = cap ? cap * 2 : 8192;
			p = realloc(buf, cap + 1);
			if (!p) {
				free(buf);
				fclose(f);
				ld->oom = 1;
				return ld_oom(ld);
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > INI_FILE_MAX) {
			free(buf);
			fclose(f);
			return ld_fail_line(ld, 0, _("the file is larger than %d bytes; an office "
					 "INI file is a few kilobytes"), INI_FILE_MAX);
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		return ld_fail_line(ld, 0, _("cannot read: %s"), rm_strerror(e ? e : EIO));
	}
	fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* Check one physical line: no NUL byte, valid UTF-8. */
static int check_line_bytes(struct loader *ld, int lineno, const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const unsigned char *u = (const unsigned char *)p + i;
		int n;

		if (*u == '\0')
			return ld_fail_line(ld, lineno, _("a NUL byte at byte %zu; this is not a "
					 "text file"), i + 1);
		{
			uint32_t cp;

			n = utf8_decode(p + i, len - i, &cp);
		}
		if (n < 0)
			return ld_fail_line(ld, lineno, _("invalid UTF-8 (byte 0x%02X at byte %zu "
					 "of the line); save the file as UTF-8"), *u, i + 1);
		i += (size_t)n;
	}
	return 0;
}

/* The names of the table's sections into NAMES (room for ini_nsections +
 * 2, NULL-terminated): the template.NAME section as TMPL, or left out when
 * TMPL is NULL.  Returns how many. */
static size_t section_names(const char **names, const char *tmpl)
{
	size_t i, n = 0;

	for (i = 0; i < ini_nsections; i++)
		if (!(ini_sections[i].flags & INI_SEC_PREFIX))
			names[n++] = ini_sections[i].name;
		else if (tmpl)
			names[n++] = tmpl;
	names[n] = NULL;
	return n;
}

/* An unknown section: say the nearest name, or list them. */
static int fail_unknown_section(struct loader *ld, int line, const char *name)
{
	const char *cand[64];
	char tmpl[TEMPLATE_PREFIX_LEN + NAME_MAX_LEN + 1], list[512];
	const char *dot = strchr(name, '.');
	const char *best;
	size_t n = section_names(cand, NULL);

	/* "[templates.mine]" is most likely "[template.mine]". */
	if (dot && strlen(dot + 1) <= NAME_MAX_LEN) {
		snprintf(tmpl, sizeof tmpl, "%s%s", TEMPLATE_PREFIX, dot + 1);
		cand[n++] = tmpl;
		cand[n] = NULL;
	}
	best = ini_nearest(name, cand, n);
	if (best)
		return ld_fail_line(ld, line, _("unknown section [%s]; did you mean [%s]?"), name, best);
	section_names(cand, TEMPLATE_PREFIX "NAME");
	return ld_fail_line(ld, line, _("unknown section [%s]; expected %s"), name,
			    ini_join_or(cand, list, sizeof list));
}

/* An unknown key in a section with a fixed set of keys. */
static int fail_unknown_key(struct loader *ld, int line, const char *sec, const char *key,
			    const char *const *names)
{
	char list[512];
	const char *best = ini_nearest(key, names, 0);

	if (best)
		return ld_fail_key(ld, line, sec, key, _("unknown key; did you mean %s?"), best);
	return ld_fail_key(ld, line, sec, key, _("unknown key; expected %s"),
			ini_join_or(names, list, sizeof list));
}


/* The fixed keys of section SEC (as ini_sections names it), in table order,
 * into NAMES (room for MAX - 1 and the NULL).  Returns how many. */
static size_t fixed_keys(const char *sec, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < ini_nkeys && n + 1 < max; i++)
		if (strcmp(ini_keys[i].section, sec) == 0)
			names[n++] = ini_keys[i].key;
	names[n] = NULL;
	return n;
}

/* [key_activities]: a code. */
int check_code_key(struct loader *ld, int line, const char *sec, const char *key)
{
	if (!ini_valid_name(key))
		return ld_fail_key(ld, line, sec, key, _("not a valid code; expected "
				   "a lowercase letter, then letters a-z, digits or _ "
				   "(e.g. social_measure = มาตรการทางสังคม)"));
	return 0;
}

/* [support_frames]: a frame number. */
int check_frame_key(struct loader *ld, int line, const char *sec, const char *key)
{
	if (ini_frame_number(key) < 0)
		return ld_fail_key(ld, line, sec, key, _("not a frame number; expected "
				   "the numbers 1, 2, 3 … (up to %d) without gaps "
				   "(e.g. 1 = การประเมินผล ป้อนกลับ และเสนอนโยบาย)"), FRAME_MAX);
	return 0;
}

/* [slm]: columns, or column.KEY. */
int check_slm_key(struct loader *ld, int line, const char *sec, const char *key)
{
	const char *names[16];

	if (strcmp(key, "columns") == 0)
		return 0;
	if (strncmp(key, "column.", 7) == 0) {
		if (!ini_valid_name(key + 7))
			return ld_fail_key(ld, line, sec, key, _("not a valid column "
					   "key; expected column.KEY where KEY is a lowercase "
					   "letter, then letters a-z, digits or _"));
		return 0;
	}
	if (ini_nearest(key, (const char *const[]){ "columns", NULL }, 0))
		return ld_fail_key(ld, line, sec, key, _("unknown key; did you mean columns?"));
	fixed_keys("slm", names, NELEM(names));
	return fail_unknown_key(ld, line, sec, key, names);
}

/* [template.NAME]: title, sections, or a section key. */
int check_template_key(struct loader *ld, int line, const char *sec, const char *key)
{
	const char *names[16];
	size_t n = 0, i;

	if (strcmp(key, "sections") == 0 || strcmp(key, "title") == 0)
		return 0;
	if (!ini_valid_name(key)) {
		for (i = 0; i < ini_nkeys && n + 1 < NELEM(names); i++)
			if (strcmp(ini_keys[i].section, TEMPLATE_PREFIX "NAME") == 0 &&
			    !(ini_keys[i].flags & INI_PATTERN))
				names[n++] = ini_keys[i].key;
		names[n] = NULL;
		if (ini_nearest(key, names, 0))
			return ld_fail_key(ld, line, sec, key,
					   _("unknown key; did you mean sections?"));
		return ld_fail_key(ld, line, sec, key, _("not a valid key; expected "
				   "sections, or a section key (a lowercase letter, then "
				   "letters a-z, digits or _) with its label"));
	}
	return 0;
}

/* [keys]: an action of the action table. */
int check_action_key(struct loader *ld, int line, const char *sec, const char *key)
{
	const char *names[ACT_COUNT + 1];
	const char *best;
	char list[900];
	size_t i;

	if (action_from_name(key) >= 0)
		return 0;
	for (i = 0; i < ACT_COUNT; i++)
		names[i] = action_table[i].name;
	names[ACT_COUNT] = NULL;
	best = ini_nearest(key, names, 0);
	if (best)
		return ld_fail_key(ld, line, sec, key, _("unknown action; did you mean %s?"), best);
	return ld_fail_key(ld, line, sec, key, _("unknown action; expected one of %s"),
			   ini_join_or(names, list, sizeof list));
}

/* Check the name of KEY in section SEC, as the scanner meets it. */
static int check_key_name(struct loader *ld, int line, const struct scan_sec *sec,
			  const char *key)
{
	const char *names[32];

	if (sec->def->check_key)
		return sec->def->check_key(ld, line, sec->name, key);
	fixed_keys(sec->def->name, names, NELEM(names));
	return ini_word_index(key, names) < 0 ?
		fail_unknown_key(ld, line, sec->name, key, names) : 0;
}

/* A "[section]" line: S (LEN bytes, trimmed) starts with '['. */
static int scan_section(struct loader *ld, int lineno, const char *s, size_t len,
			size_t *cur)
{
	const char *b, *e;
	char *name;
	size_t i;
	const struct ini_section *def;

	if (s[len - 1] != ']')
		return ld_fail_line(ld, lineno, _("syntax error: a section line must end with ], "
				 "as in [office]"));
	b = s + 1;
	e = s + len - 1;
	while (b < e && ini_is_space(*b))
		b++;
	while (e > b && ini_is_space(e[-1]))
		e--;
	if (b == e)
		return ld_fail_line(ld, lineno, _("syntax error: empty section name []; "
				 "expected a name, as in [office]"));
	if (memchr(b, '[', (size_t)(e - b)) || memchr(b, ']', (size_t)(e - b)))
		return ld_fail_line(ld, lineno, _("syntax error: a section name cannot contain "
				 "[ or ]; expected a name, as in [office]"));
	name = ld_strndup(ld, b, (size_t)(e - b));
	if (!name)
		return ld_oom(ld);
	for (i = 0; name[i]; i++)
		if (name[i] >= 'A' && name[i] <= 'Z')
			name[i] = (char)(name[i] - 'A' + 'a');
	for (i = 0; i < ld->nsecs; i++) {
		if (strcmp(ld->secs[i].name, name) == 0) {
			int first = ld->secs[i].line;

			ld_fail_line(ld, lineno, _("section [%s] appears twice (first on line %d); "
				  "put all its keys under one [%s]"), name, first, name);
			free(name);
			return -1;
		}
	}
	def = ini_section_find(name);
	if (!def) {
		fail_unknown_section(ld, lineno, name);
		free(name);
		return -1;
	}
	if ((def->flags & INI_SEC_PREFIX) && !ini_valid_name(name + TEMPLATE_PREFIX_LEN)) {
		ld_fail_line(ld, lineno, _("section [%s]: not a valid template name; expected "
			  "[template.NAME] where NAME is a lowercase letter, then letters "
			  "a-z, digits or _"), name);
		free(name);
		return -1;
	}
	if (ld_grow(ld, (void **)&ld->secs, ld->nsecs, sizeof *ld->secs) < 0) {
		free(name);
		return ld_oom(ld);
	}
	ld->secs[ld->nsecs].name = name;
	ld->secs[ld->nsecs].def = def;
	ld->secs[ld->nsecs].line = lineno;
	*cur = ld->nsecs++;
	return 0;
}

/* A "key = value" line: S (LEN bytes, trimmed) has an '=' at EQ. */
static int scan_key_line(struct loader *ld, int lineno, const char *s, size_t len,
			 const char *eq, size_t cur)
{
	const char *kb = s, *ke = eq, *v = eq + 1, *end = s + len;
	char *key;
	size_t i;

	while (ke > kb && ini_is_space(ke[-1]))
		ke--;
	if (ke == kb)
		return ld_fail_line(ld, lineno, _("syntax error: no key name before =; expected "
				 "key = value"));
	while (v < end && ini_is_space(*v))
		v++;
	if (v < end && (*v == '"' || *v == '\'')) {
		const char *q = memchr(v + 1, *v, (size_t)(end - v - 1));

		if (!q)
			return ld_fail_line(ld, lineno, _("syntax error: the value has no closing %c"),
					 *v);
		for (q++; q < end && ini_is_space(*q); q++)
			;
		if (q < end && *q != ';' && *q != '#')
			return ld_fail_line(ld, lineno, _("syntax error: text after the closing quote; "
					 "only a comment (; or #) may follow it"));
	}
	if (cur == (size_t)-1)
		return ld_fail_line(ld, lineno, _("syntax error: a key before the first section; "
				 "put it under a [section] line"));
	key = ld_strndup(ld, kb, (size_t)(ke - kb));
	if (!key)
		return ld_oom(ld);
	for (i = 0; key[i]; i++)
		if (key[i] >= 'A' && key[i] <= 'Z')
			key[i] = (char)(key[i] - 'A' + 'a');
	for (i = 0; i < ld->nkeys; i++) {
		if (ld->keys[i].sec == cur && strcmp(ld->keys[i].key, key) == 0) {
			ld_fail_key(ld, lineno, ld->secs[cur].name, key, _("given twice (first on "
				 "line %d); iniparser would silently keep the last one, so "
				 "remove one of them"), ld->keys[i].line);
			free(key);
			return -1;
		}
	}
	if (check_key_name(ld, lineno, &ld->secs[cur], key) < 0) {
		free(key);
		return -1;
	}
	if (ld_grow(ld, (void **)&ld->keys, ld->nkeys, sizeof *ld->keys) < 0) {
		free(key);
		return ld_oom(ld);
	}
	ld->keys[ld->nkeys].sec = cur;
	ld->keys[ld->nkeys].key = key;
	ld->keys[ld->nkeys].line = lineno;
	ld->nkeys++;
	return 0;
}

/* One logical line (continuations joined), starting on line LINENO. */
static int scan_logical(struct loader *ld, int lineno, const char *s, size_t len,
			size_t *cur)
{
	const char *eq;

	while (len > 0 && ini_is_space(*s)) {
		s++;
		len--;
	}
	if (len == 0 || *s == ';' || *s == '#')
		return 0;
	if (*s == '[')
		return scan_section(ld, lineno, s, len, cur);
	eq = memchr(s, '=', len);
	if (!eq)
		return ld_fail_line(ld, lineno, _("syntax error: expected [section], key = value, "
				 "or a comment starting with ; or #"));
	return scan_key_line(ld, lineno, s, len, eq, *cur);
}

/* Scan TEXT (LEN bytes, BOM already removed) line by line, as iniparser
 * 4.1 reads it: a line ending in "\" (after trailing blanks) continues on
 * the next one; blanks are trimmed; ';' and '#' start a comment line. */
static int scan_text(struct loader *ld, const char *text, size_t len)
{
	char logical[INI_LINE_MAX + 1];
	const char *p = text, *end = text + len;
	size_t llen = 0, cur = (size_t)-1;
	int lineno = 0, start = 0, joined = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t plen = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		if (plen > INI_LINE_MAX)
			return ld_fail_line(ld, lineno, _("the line is %zu bytes long; the limit is %d "
					 "bytes per line (iniparser's limit)"), plen, INI_LINE_MAX);
		if (llen + plen > INI_LINE_MAX)
			return ld_fail_line(ld, lineno, _("the line joined by \\ from line %d is %zu "
					 "bytes long; the limit is %d bytes (iniparser's limit)"),
					 start, llen + plen, INI_LINE_MAX);
		if (check_line_bytes(ld, lineno, p, plen) < 0)
			return -1;
		if (!joined)
			start = lineno;
		memcpy(logical + llen, p, plen);
		llen += plen;
		p = nl ? nl + 1 : end;
		while (llen > 0 && ini_is_space(logical[llen - 1]))
			llen--;
		if (llen > 0 && logical[llen - 1] == '\\') {
			size_t i = 0;

			while (i < llen && ini_is_space(logical[i]))
				i++;
			if (!joined && (logical[i] == ';' || logical[i] == '#'))
				return ld_fail_line(ld, lineno, _("a comment line ends with \\, which "
						 "would join the next line to the comment; remove the \\"));
			llen--;
			joined = 1;
			continue;
		}
		joined = 0;
		if (scan_logical(ld, start, logical, llen, &cur) < 0)
			return -1;
		llen = 0;
	}
	if (joined)
		return ld_fail_line(ld, lineno, _("the last line ends with \\ (continued on the next "
				 "line) but no line follows; remove the \\"));
	return 0;
}

/* ---- Step 2: iniparser ------------------------------------------------- */

/* iniparser's last complaint; its callback has no context pointer. */
static char ini_complaint[512];

__attribute__((format(printf, 1, 2)))
static int ini_error_cb(const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (ini_complaint[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_complaint, sizeof ini_complaint, fmt, ap);
	va_end(ap);
	/* One line: "syntax error in F (3):\n-> text" becomes "... (3): -> text". */
	for (n = 0; ini_complaint[n]; n++)
		if (ini_complaint[n] == '\n')
			ini_complaint[n] = ' ';
	while (n > 0 && ini_complaint[n - 1] == ' ')
		ini_complaint[--n] = '\0';
	return 0;
}

/* Create a private temporary file (mode 0600) in DIR; its malloc'd name
 * goes to *NAME.  Returns the descriptor, or -1 with errno set. */
static int temp_open(const char *dir, char **name)
{
	size_t size = strlen(dir) + sizeof "/routemap-ini-XXXXXX";
	char *tmpl = malloc(size);
	int fd;

	*name = NULL;
	if (!tmpl) {
		errno = ENOMEM;
		return -1;
	}
	snprintf(tmpl, size, "%s/routemap-ini-XXXXXX", dir);
	fd = mkstemp(tmpl);
	if (fd < 0) {
		int e = errno;

		free(tmpl);
		errno = e;
		return -1;
	}
	*name = tmpl;
	return fd;
}

/* Write TEXT (LEN bytes) to a private temporary file in $TMPDIR, or in /tmp
 * when that fails; its malloc'd name goes to *NAME (caller unlinks and
 * frees). */
static int write_temp(struct loader *ld, const char *text, size_t len, char **name)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;
	int fd = -1, e;

	if (dir && *dir)
		fd = temp_open(dir, &tmp);
	if (fd < 0) {
		dir = "/tmp";
		fd = temp_open(dir, &tmp);
	}
	if (fd < 0) {
		e = errno;
		return ld_fail_line(ld, 0, _("cannot make a temporary copy without the byte order "
				 "mark in %s: %s"), dir, rm_strerror(e));
	}
	while (len > 0) {
		ssize_t w = write(fd, text, len);

		if (w < 0) {
			e = errno;
			if (e == EINTR)
				continue;
			close(fd);
			goto fail;
		}
		text += w;
		len -= (size_t)w;
	}
	if (close(fd) < 0) {
		e = errno;
		goto fail;
	}
	*name = tmp;
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return ld_fail_line(ld, 0, _("cannot write a temporary copy in %s: %s"), dir, rm_strerror(e));
}

/* Let iniparser read the values.  It gets a BOM-less temporary copy when
 * the file had a BOM or is not a regular file (a pipe cannot be read
 * twice); otherwise the file itself. */
static int ini_load(struct loader *ld, const char *text, size_t len, int copy)
{
	char *tmp = NULL;
	const char *from = ld->path;

	if (copy) {
		if (write_temp(ld, text, len, &tmp) < 0)
			return -1;
		from = tmp;
	}
	ini_complaint[0] = '\0';
	iniparser_set_error_callback(ini_error_cb);
	ld->dict = iniparser_load(from);
	iniparser_set_error_callback(NULL);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (!ld->dict)
		return ld_fail_line(ld, 0, _("iniparser could not read the file: %s"),
				 ini_complaint[0] ? ini_complaint : _("no reason given"));
	return 0;
}

/* The scanned line of SEC/KEY, 0 when the file does not have it. */
int ld_scan_line(const struct loader *ld, const char *sec, const char *key)
{
	size_t i;

	for (i = 0; i < ld->nkeys; i++)
		if (strcmp(ld->secs[ld->keys[i].sec].name, sec) == 0 &&
		    strcmp(ld->keys[i].key, key) == 0)
			return ld->keys[i].line;
	return 0;
}

const struct scan_sec *ld_section_find(const struct loader *ld, const char *sec)
{
	size_t i;

	for (i = 0; i < ld->nsecs; i++)
		if (strcmp(ld->secs[i].name, sec) == 0)
			return &ld->secs[i];
	return NULL;
}

/* The value of SEC/KEY from iniparser, NULL when the file does not set it;
 * its line goes to *LINE (0 when absent).  The string belongs to the
 * dictionary. */
const char *ld_value(struct loader *ld, const char *sec, const char *key, int *line)
{
	char full[2 * (INI_LINE_MAX + 2)];
	const char *v;

	*line = ld->dict ? ld_scan_line(ld, sec, key) : 0;
	if (*line == 0)
		return NULL;
	snprintf(full, sizeof full, "%s:%s", sec, key);
	v = iniparser_getstring(ld->dict, full, NULL);
	if (!v) {
		/* Our scanner and iniparser disagree: the file changed under us. */
		ld_fail_key(ld, *line, sec, key, _("iniparser did not read this value; was the "
			 "file changed while it was being read?"));
		return NULL;
	}
	return v;
}

/* Record that SEC/KEY's effective value comes from line LINE. */
void ld_mark(struct loader *ld, const char *sec, const char *key, int line)
{
	char *s, *k;

	if (line <= 0)
		return;
	if (ld_grow(ld, (void **)&ld->origins, ld->norigins, sizeof *ld->origins) < 0)
		return;
	s = ld_strdup(ld, sec);
	k = ld_strdup(ld, key);
	if (!s || !k) {
		free(s);
		free(k);
		return;
	}
	ld->origins[ld->norigins].section = s;
	ld->origins[ld->norigins].key = k;
	ld->origins[ld->norigins].line = line;
	ld->norigins++;
}

int ld_origin_line(const struct loader *ld, const char *sec, const char *key)
{
	size_t i;

	for (i = ld->norigins; i-- > 0;)
		if (strcmp(ld->origins[i].section, sec) == 0 &&
		    strcmp(ld->origins[i].key, key) == 0)
			return ld->origins[i].line;
	return 0;
}


/* Read ld->path, scan it and let iniparser read it. */
int ld_read_file(struct loader *ld)
{
	struct stat st;
	char *data = NULL;
	const char *text;
	size_t len = 0;
	int has_bom, rc = -1;

	if (file_read(ld, &data, &len) < 0)
		return -1;
	text = data;
	has_bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	if (has_bom) {
		text += 3;
		len -= 3;
	}
	if (scan_text(ld, text, len) == 0 &&
	    ini_load(ld, text, len, has_bom || stat(ld->path, &st) != 0 ||
		     !S_ISREG(st.st_mode)) == 0)
		rc = 0;
	free(data);
	return rc;
}
