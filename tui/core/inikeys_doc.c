/* inikeys_doc.c - the key table (inikeys.c) as documentation, and the
 * checks that the man page routemap.ini(5) and the sample office file
 * config/routemap.ini say what the table says.  Run by man/inikeys.c
 * (make man-ini, make lint-man) and by the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_loader.h"

#define BEGIN_MARK ".\\\" INI-KEYS-BEGIN"
#define END_MARK ".\\\" INI-KEYS-END"

/* S as roff text: "-" as "\-", "\" as "\e", a leading "." or "'" kept
 * from being a request. */
static void roff_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
	}
}

/* The default of K in words, into BUF (SIZE bytes). */
static const char *default_text(const struct ini_key *k, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	if (k->def_doc)
		return k->def_doc;
	if (k->def)
		return *k->def ? k->def : "empty";
	if (k->type == INI_NAME_LIST && k->apply == apply_aar) {
		for (i = 0; i < ini_nbuiltin_templates && used < size; i++)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
						 ini_builtin_templates[i].name);
		return buf;
	}
	if (k->type == INI_NAME_LIST && k->builtin) {
		for (i = 0; i < k->nbuiltin && used < size; i++)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
						 k->builtin[i].code);
		return buf;
	}
	if (k->builtin)
		return "the built-in list below";
	return "none";
}

/* One row as a roff paragraph: the key, its kind and default, its help and
 * what is allowed. */
static void roff_row(FILE *out, const struct ini_key *k)
{
	char buf[512];
	size_t i;

	fprintf(out, ".TP\n.B \"[%s] %s\"\n", k->section, k->key);
	roff_text(out, ini_type_name(k->type));
	if (k->flags & INI_REQUIRED) {
		fputs(", required.\n", out);
	} else {
		fputs("; default: ", out);
		roff_text(out, default_text(k, buf, sizeof buf));
		fputs(".\n", out);
	}
	snprintf(buf, sizeof buf, "%s", k->help);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	roff_text(out, buf);
	fputs(".\n", out);
	if (k->words) {
		fputs("One of:", out);
		for (i = 0; k->words[i]; i++)
			fprintf(out, "%s %s", i ? "," : "", k->words[i]);
		fputs(".\n", out);
	} else if (k->expect) {
		fputs("Allowed: ", out);
		roff_text(out, k->expect);
		fputs(".\n", out);
	}
}

void ini_print_roff(FILE *out)
{
	size_t i;

	for (i = 0; i < ini_nkeys; i++)
		roff_row(out, &ini_keys[i]);
}

/* The table's name of a section of the man page or the file: template.X is
 * template.NAME.  NULL when the table has no such section. */
static const char *table_section(const char *name)
{
	const struct ini_section *s = ini_section_find(name);

	if (!s)
		return NULL;
	return (s->flags & INI_SEC_PREFIX) ? TEMPLATE_PREFIX "NAME" : s->name;
}

/* A seen (section, key) pair, for the checks. */
struct seen {
	char sec[80];
	char key[80];
};

static int seen_has(const struct seen *v, size_t n, const char *sec, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].sec, sec) == 0 && (!key || strcmp(v[i].key, key) == 0))
			return 1;
	return 0;
}

/* The text between the markers in MAN against ini_print_roff. */
static int check_man_list(const char *man, FILE *err)
{
	const char *b = strstr(man, BEGIN_MARK), *e = strstr(man, END_MARK);
	char *want = NULL;
	size_t wlen = 0;
	FILE *f;
	int bad = 0;

	if (!b || !e || e < b) {
		fprintf(err, "routemap.ini.5: no %s ... %s lines around the key list\n",
			BEGIN_MARK, END_MARK);
		return 1;
	}
	b = strchr(b, '\n');
	b = b ? b + 1 : e;
	f = open_memstream(&want, &wlen);
	if (!f)
		return 1;
	ini_print_roff(f);
	fclose(f);
	if (wlen != (size_t)(e - b) || memcmp(want, b, wlen) != 0) {
		fprintf(err, "routemap.ini.5: the key list between the INI-KEYS lines is not "
			"the key table's (tui/core/inikeys.c); run make man-ini\n");
		bad = 1;
	}
	free(want);
	return bad;
}

/* The ".SS [section]" and ".TP/.B key" of SECTIONS AND KEYS into V (room
 * for MAX); returns how many, or MAX + 1 when there are too many. */
static size_t man_described(const char *man, struct seen *v, size_t max, FILE *err, int *bad)
{
	const char *p = strstr(man, "\n.SH SECTIONS AND KEYS");
	char sec[80] = "";
	int after_tp = 0;
	size_t n = 0;

	if (!p) {
		fprintf(err, "routemap.ini.5: no SECTIONS AND KEYS\n");
		(*bad)++;
		return 0;
	}
	for (p++; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		size_t len = strcspn(p, "\n");
		char line[256];

		snprintf(line, sizeof line, "%.*s", (int)(len < 255 ? len : 255), p);
		if (strncmp(line, ".SH ", 4) == 0 && strcmp(line, ".SH SECTIONS AND KEYS") != 0)
			break;
		if (strncmp(line, ".SS [", 5) == 0) {
			const char *t;

			line[strcspn(line, "]")] = '\0';
			t = table_section(line + 5);
			snprintf(sec, sizeof sec, "%s", t ? t : "");
			if (!t) {
				fprintf(err, "routemap.ini.5: section [%s] is not in the key table\n",
					line + 5);
				(*bad)++;
			} else if (n < max) {
				snprintf(v[n].sec, sizeof v[n].sec, "%s", sec);
				v[n++].key[0] = '\0';
			}
		} else if (strncmp(line, ".SS ", 4) == 0) {
			sec[0] = '\0';
		} else if (after_tp && sec[0] && strncmp(line, ".B ", 3) == 0 && n < max) {
			snprintf(v[n].sec, sizeof v[n].sec, "%s", sec);
			snprintf(v[n].key, sizeof v[n].key, "%.79s", line + 3);
			n++;
		}
		after_tp = strncmp(line, ".TP", 3) == 0;
	}
	return n;
}

/* Whether the "Kinds of values" subsection of MAN defines KIND with a
 * ".TP" then ".I KIND" entry. */
static int kind_described(const char *man, const char *kind)
{
	const char *p = strstr(man, "\n.SS Kinds of values\n"), *end;
	char want[64];

	if (!p)
		return 0;
	p++;
	end = strstr(p, "\n.S");
	snprintf(want, sizeof want, "\n.TP\n.I %s\n", kind);
	for (p = strstr(p, want); p; p = strstr(p + 1, want))
		if (!end || p < end)
			return 1;
	return 0;
}

/* Every kind of value a row of the table uses must be defined in MAN's
 * "Kinds of values"; returns how many are not, each named on ERR. */
static int check_man_kinds(const char *man, FILE *err)
{
	int used[INI_TYPE_COUNT] = { 0 }, bad = 0;
	size_t i;

	for (i = 0; i < ini_nkeys; i++)
		used[ini_keys[i].type] = 1;
	for (i = 0; i < INI_TYPE_COUNT; i++)
		if (used[i] && !kind_described(man, ini_type_name((enum ini_type)i))) {
			fprintf(err, "routemap.ini.5: the kind of value \"%s\" is used by the key "
				"table but not defined under Kinds of values (.TP then .I %s)\n",
				ini_type_name((enum ini_type)i), ini_type_name((enum ini_type)i));
			bad++;
		}
	return bad;
}

int ini_check_man(const char *man, FILE *err)
{
	struct seen v[256];
	size_t n, i;
	int bad = check_man_list(man, err) + check_man_kinds(man, err);

	n = man_described(man, v, NELEM(v), err, &bad);
	for (i = 0; i < ini_nsections; i++) {
		const char *sec = (ini_sections[i].flags & INI_SEC_PREFIX) ?
			TEMPLATE_PREFIX "NAME" : ini_sections[i].name;

		if (!seen_has(v, n, sec, "")) {
			fprintf(err, "routemap.ini.5: no .SS [%s] for the table's section\n", sec);
			bad++;
		}
	}
	for (i = 0; i < ini_nkeys; i++) {
		const struct ini_key *k = &ini_keys[i];

		if (!(k->flags & INI_PATTERN) && !seen_has(v, n, k->section, k->key)) {
			fprintf(err, "routemap.ini.5: [%s] %s is in the key table but not "
				"described (.TP then .B %s)\n", k->section, k->key, k->key);
			bad++;
		}
	}
	for (i = 0; i < n; i++)
		if (v[i].key[0] && !ini_key_find(v[i].sec, v[i].key)) {
			fprintf(err, "routemap.ini.5: [%s] %s is described but not in the key "
				"table\n", v[i].sec, v[i].key);
			bad++;
		}
	return bad;
}

/* The values of the sample CFG against the built-in DEF: the same keys in
 * the same order, the same values outside INI_SEC_SAMPLE sections. */
static int check_sample_values(const struct config *cfg, const struct config *def,
			       const char *path, FILE *err)
{
	size_t i;
	int bad = 0;

	if (cfg->nentries != def->nentries) {
		fprintf(err, "%s: %zu values, the built-in configuration has %zu\n", path,
			cfg->nentries, def->nentries);
		return 1;
	}
	for (i = 0; i < cfg->nentries; i++) {
		const struct cfg_entry *a = &cfg->entries[i], *b = &def->entries[i];
		const struct ini_section *s = ini_section_find(a->section);

		if (strcmp(a->section, b->section) != 0 || strcmp(a->key, b->key) != 0) {
			fprintf(err, "%s: [%s] %s where the table has [%s] %s\n", path,
				a->section, a->key, b->section, b->key);
			return bad + 1;
		}
		if (s && !(s->flags & INI_SEC_SAMPLE) && strcmp(a->value, b->value) != 0) {
			fprintf(err, "%s:%d: [%s] %s = %s, but its default is %s\n", path,
				a->line, a->section, a->key, a->value, b->value);
			bad++;
		}
	}
	return bad;
}

/* The keys of the sample's text, set or in "; key = example" comments,
 * into V (room for MAX); a commented key the table lacks is an error. */
static size_t sample_keys(FILE *f, const char *path, struct seen *v, size_t max, int *bad,
			  FILE *err)
{
	char line[1100], sec[80] = "";
	size_t n = 0;
	int lineno = 0;

	while (fgets(line, sizeof line, f)) {
		char *p = line, *eq;
		size_t klen;
		int comment = 0;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (*p == '[') {
			const char *t;

			p[strcspn(p, "]")] = '\0';
			t = table_section(p + 1);
			snprintf(sec, sizeof sec, "%s", t ? t : "");
			continue;
		}
		if (*p == ';') {
			comment = 1;
			for (p++; *p == ' '; p++)
				;
		}
		eq = strstr(p, " = ");
		klen = eq ? (size_t)(eq - p) : 0;
		if (!sec[0] || klen == 0 || klen >= sizeof v->key || strspn(p,
		    "abcdefghijklmnopqrstuvwxyz0123456789_.") != klen)
			continue;
		*eq = '\0';
		if (comment && !ini_key_find(sec, p)) {
			fprintf(err, "%s:%d: [%s] %s is shown but is not in the key table\n",
				path, lineno, sec, p);
			(*bad)++;
		}
		if (n < max) {
			snprintf(v[n].sec, sizeof v[n].sec, "%s", sec);
			snprintf(v[n].key, sizeof v[n].key, "%.79s", p);
			n++;
		}
	}
	return n;
}

int ini_check_sample(const char *path, FILE *err)
{
	struct config cfg, def;
	struct rm_error e;
	struct seen v[512];
	size_t n, i;
	FILE *f;
	int bad = 0;

	memset(&e, 0, sizeof e);
	if (config_load(&cfg, path, &e) < 0) {
		fprintf(err, "%s\n", e.msg);
		return 1;
	}
	if (config_defaults(&def, &e) < 0) {
		config_free(&cfg);
		fprintf(err, "%s\n", e.msg);
		return 1;
	}
	bad += check_sample_values(&cfg, &def, path, err);
	config_free(&cfg);
	config_free(&def);
	f = fopen(path, "r");
	if (!f) {
		fprintf(err, "%s: cannot open\n", path);
		return bad + 1;
	}
	n = sample_keys(f, path, v, NELEM(v), &bad, err);
	fclose(f);
	for (i = 0; i < ini_nkeys; i++) {
		const struct ini_key *k = &ini_keys[i];

		if (!(k->flags & INI_PATTERN) && !seen_has(v, n, k->section, k->key)) {
			fprintf(err, "%s: [%s] %s is in the key table but the sample does not "
				"show it (set, or as \"; %s = ...\")\n", path, k->section, k->key,
				k->key);
			bad++;
		}
	}
	return bad;
}
