/* requests.c - an item's support requests in `show assessment`: what is
 * needed, from whom, the frame, the baht asked, and the answer. */
#include <stdio.h>
#include <string.h>

#include "routemap/buf.h"
#include "routemap/cli.h"
#include "routemap/i18n.h"
#include "routemap/support.h"

/* "needed [from: the fund] [frame 3] [25000 baht]" into B. */
static void request_line(const struct cli *cli, const struct support_request *r, struct buf *b)
{
	buf_puts(b, r->needed);
	if (r->source) {
		const char *from = config_label(&cli->cfg.support_sources, r->source);

		buf_puts(b, " [");
		buf_printf(b, _("from: %s"), from ? from : r->source);
		buf_puts(b, "]");
	}
	if (r->frame) {
		buf_puts(b, " [");
		buf_printf(b, _("frame %s"), r->frame);
		buf_puts(b, "]");
	}
	if (r->amount) {
		buf_puts(b, " [");
		buf_printf(b, _("%s baht"), r->amount);
		buf_puts(b, "]");
	}
}

int cli_show_requests(const struct cli *cli, struct store *st, sqlite3_int64 entry, int width,
		      struct rm_error *err)
{
	struct support_request *v;
	char label[128], answer[4096];
	size_t n, i;

	if (!entry)
		return 0;
	if (support_requests_load(st, entry, &v, &n, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct buf b = { 0 };

		request_line(cli, &v[i], &b);
		snprintf(label, sizeof label, "      %s", _("support:"));
		cli_print_wrapped(label, b.s, width);
		buf_free(&b);
		support_answer_text(&cli->cfg, &v[i], answer, sizeof answer);
		snprintf(label, sizeof label, "      %s", _("answer:"));
		cli_print_wrapped(label, answer, width);
	}
	support_requests_free(v, n);
	return 0;
}
