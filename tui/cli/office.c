/* office.c - init's part about the office itself: the INI's office goes
 * into its database, and init says what it did. */
#include <stdio.h>

#include "routemap/cli.h"
#include "routemap/office.h"

/* The fields of CHANGED (OFFICE_*) in words, "name, parent", into BUF. */
static const char *changed_words(unsigned changed, char *buf, size_t size)
{
	static const struct {
		unsigned bit;
		const char *word;
	} fields[] = {
		{ OFFICE_NAME, N_("name") }, { OFFICE_SHORT, N_("short name") },
		{ OFFICE_LEVEL, N_("level of the office") }, { OFFICE_PARENT, N_("parent office") },
	};
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if ((changed & fields[i].bit) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? _(", ") : "", _(fields[i].word));
	return buf;
}

int cli_register_office(struct cli *cli, struct store *st)
{
	struct rm_error err = { 0, "" };
	struct office_registration r;
	const struct config *c = &cli->cfg;
	char words[256];

	/* the demo's offices come from its CSV; the built-in office has no
	 * INI file to say who it is */
	if (cli->demo || !cli->config_path)
		return 0;
	if (office_register(st, c, &r, &err) < 0)
		return cli_report(&err);
	if (r.outcome == OFFICE_ADDED)
		printf(_("office %s (%s) registered in the database\n"), c->office_code,
		       c->office_name);
	else if (r.outcome == OFFICE_UPDATED)
		printf(_("office %s: %s set as the INI file says (the change log keeps what "
			 "they were)\n"), c->office_code, changed_words(r.changed, words, sizeof words));
	if (r.parent_missing)
		printf(_("the parent office %s is not in the database; importing an offices.csv "
			 "that holds it, then init again, links it\n"), c->office_parent);
	return 0;
}
