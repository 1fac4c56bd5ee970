/* office.c - init's part about the office itself: the INI's office goes
 * into its database, and init says what it did. */
#include <stdio.h>

#include "routemap/cli.h"
#include "routemap/office.h"

int cli_register_office(struct cli *cli, struct store *st)
{
	struct rm_error err = { 0, "" };
	struct office_registration r;
	const struct config *c = &cli->cfg;

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
		printf(_("office %s: name, short name, level and parent set as the INI file says "
			 "(the change log keeps what they were)\n"), c->office_code);
	if (r.parent_missing)
		printf(_("the parent office %s is not in the database; importing an offices.csv "
			 "that holds it, then init again, links it\n"), c->office_parent);
	return 0;
}
