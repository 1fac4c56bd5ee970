/* search.c - "/" finds records through the full-text index; n and N step
 * through what it found; the list of results; Enter on a hit opens its
 * record. */
#include <stdlib.h>
#include <string.h>

#include "routemap/i18n.h"
#include "routemap/lookup.h"
#include "routemap/ui.h"
#include "views.h"
#include "routemap/vocab.h"

/* Hits a page loads: two screenfuls, so that a move down does not ask
 * for the next page at once; the first page, one screenful, so that the
 * results show as soon as a screen of them is found. */
static size_t page_size(const struct ui *ui)
{
	return ui->lines > 0 ? (size_t)ui->lines * 2 : 48;
}

static size_t first_page_size(const struct ui *ui)
{
	return ui->lines > 0 ? (size_t)ui->lines : 24;
}

void ui_search(struct ui *ui)
{
	struct rm_error err = { 0, "" };
	struct search_hit *hits = NULL;
	size_t n = 0;
	int more = 0;
	char *q = ui_prompt(ui, "/", NULL, 0);

	if (!q)
		return;
	if (!*q) {
		free(q);
		return;
	}
	/* the first page only: the rest as the user goes down */
	if (store_search_page(ui->st, q, 0, first_page_size(ui), &hits, &n, &more, &err) < 0) {
		ui_error(ui, "%s", err.msg);
		free(q);
		return;
	}
	if (n == 0) {
		ui_error(ui, _("nothing holds \"%s\""), q);
		free(q);
		store_search_free(hits, n);
		return;
	}
	free(ui->query);
	store_search_free(ui->hits, ui->nhits);
	ui->query = q;
	ui->hits = hits;
	ui->nhits = n;
	ui->hits_more = more;
	ui->hit = 0;
	ui_open(ui, VIEW_RESULTS, NULL, NULL);
}

int ui_search_more(struct ui *ui, size_t upto)
{
	struct rm_error err = { 0, "" };

	while (ui->hits_more && upto >= ui->nhits) {
		size_t want = page_size(ui);

		/* in pages of at most a thousand, even when all are wanted */
		if (upto - ui->nhits + 1 > want)
			want = upto - ui->nhits + 1 < 1000 ? upto - ui->nhits + 1 : 1000;
		if (store_search_page(ui->st, ui->query, ui->hits[ui->nhits - 1].doc, want, &ui->hits,
				      &ui->nhits, &ui->hits_more, &err) < 0) {
			ui_error(ui, "%s", err.msg);
			return -1;
		}
	}
	return 0;
}

void ui_search_step(struct ui *ui, int dir)
{
	if (!ui->nhits) {
		ui_message(ui, "%s", _("no search yet: press / to search"));
		return;
	}
	if (dir > 0 && ui->hit + 1 >= ui->nhits && ui_search_more(ui, ui->hit + 1) < 0)
		return;
	/* round from the first to the last: every hit is read */
	if (dir < 0 && ui->hit == 0 && ui->hits_more && ui_search_more(ui, (size_t)-1) < 0)
		return;
	ui->hit = (ui->hit + ui->nhits + (size_t)(dir > 0 ? 1 : ui->nhits - 1)) % ui->nhits;
	if (ui->hits_more)
		ui_message(ui, _("%zu of %zu so far for \"%s\""), ui->hit + 1, ui->nhits, ui->query);
	else
		ui_message(ui, _("%zu of %zu for \"%s\""), ui->hit + 1, ui->nhits, ui->query);
	ui_open_hit(ui, &ui->hits[ui->hit]);
}

/* Split "A/B" at its last slash: *A and *B malloc'd; B is NULL without one. */
static int split_ref(const char *ref, char **a, char **b)
{
	const char *slash = strrchr(ref, '/');

	*b = NULL;
	*a = slash ? strndup(ref, (size_t)(slash - ref)) : strdup(ref);
	if (slash)
		*b = strdup(slash + 1);
	return *a && (!slash || *b) ? 0 : -1;
}

void ui_open_hit(struct ui *ui, const struct search_hit *hit)
{
	char *a = NULL, *b = NULL;

	if (split_ref(hit->ref, &a, &b) < 0) {
		ui_error(ui, "%s", _("out of memory"));
		goto out;
	}
	if (strcmp(hit->kind, "plan") == 0) {
		ui_go(ui, VIEW_MAP, &(struct ui_place){ .code = hit->ref });
	} else if (strcmp(hit->kind, "objective") == 0 && b) {
		ui_go(ui, VIEW_MAP, &(struct ui_place){ .code = a, .part = b });
	} else if (strcmp(hit->kind, "indicator") == 0 && b) {
		ui_go(ui, VIEW_OBJECTIVE, &(struct ui_place){ .code = a, .part = b });
	} else if (strcmp(hit->kind, "project") == 0) {
		struct rm_error err = { 0, "" };
		char *plan, *objective;
		int r = project_place(ui->st, hit->ref, &plan, &objective, &err);

		if (r == 0) {
			ui_go(ui, objective ? VIEW_OBJECTIVE : VIEW_MAP,
			      &(struct ui_place){ .code = plan, .part = objective });
		} else if (r > 0) {
			ui_message(ui, _("project %s serves no plan"), hit->ref);
		} else {
			ui_error(ui, "%s", err.msg);
		}
		free(plan);
		free(objective);
	} else if (strcmp(hit->kind, "assessment_entry") == 0) {
		ui_go(ui, VIEW_CHECKLIST, &(struct ui_place){ .code = a, .part = b });
	} else if (strcmp(hit->kind, "support_request") == 0 && b) {
		/* the item's form, where its requests are, over its checklist */
		if (ui_go(ui, VIEW_CHECKLIST, &(struct ui_place){ .code = a, .part = b }) == 0)
			ui_open(ui, VIEW_ITEM, a, b);
	} else if (strcmp(hit->kind, "norm_set") == 0 || strcmp(hit->kind, "norm_item") == 0) {
		ui_go(ui, VIEW_ASSESSMENTS, NULL);
		ui_message(ui, _("norm set %s: its assessments are listed here"), a);
	} else if (strcmp(hit->kind, "aar_section") == 0 && b) {
		/* at the section found */
		ui_go(ui, VIEW_AAR, &(struct ui_place){ .code = a, .part = b });
	} else if (strcmp(hit->kind, "aar_action") == 0) {
		/* at the follow-up action found */
		ui_go(ui, VIEW_AAR, &(struct ui_place){ .code = a, .row = hit->src });
	} else if (strncmp(hit->kind, "aar", 3) == 0) {
		ui_go(ui, VIEW_AAR, &(struct ui_place){ .code = a });
	}
out:
	free(a);
	free(b);
}

/* ---- search results ---- */

struct results {
	struct ui_list l;
};

static void results_draw(struct view *v, struct ui *ui, int top, int height)
{
	struct results *p = v->data;
	const char *head[] = { _("kind"), _("record"), _("text") };
	struct table_col c[3] = { { 0 } };
	char title[600];
	int widths[3], k;
	size_t i;
	int y;

	if (ui->hits_more)
		snprintf(title, sizeof title, _("%zu found so far for \"%s\"; more as you go down"),
			 ui->nhits, ui->query ? ui->query : "");
	else
		snprintf(title, sizeof title, _("%zu found for \"%s\""), ui->nhits,
			 ui->query ? ui->query : "");
	ui_put(top, 0, title, ui->cols, ui->theme.attr[T_HEADING], 0);
	p->l.n = ui->nhits;
	p->l.sel = ui->hit < p->l.n ? ui->hit : 0;
	ui_list_scroll(&p->l, height - 2);
	/* the kind and the record whole, for the hits on screen */
	c[2].min = 20;
	for (k = 0; k < 3; k++)
		ui_measure(&c[k], head[k]);
	for (i = p->l.top; i < p->l.n && i < p->l.top + (size_t)(height > 2 ? height - 2 : 0); i++) {
		ui_measure(&c[0], vocab_kind(ui->hits[i].kind));
		ui_measure(&c[1], ui->hits[i].ref);
	}
	c[2].want = c[2].min;   /* (the last column takes the rest) */
	ui_fit(ui, c, 3, widths);
	ui_heading_row(ui, top + 1, head, widths, 3);
	for (i = p->l.top, y = top + 2; i < p->l.n && y < top + height; i++, y++) {
		const struct search_hit *h = &ui->hits[i];
		const char *cells[3];

		cells[0] = vocab_kind(h->kind);
		cells[1] = h->ref;
		cells[2] = h->text;
		ui_row(ui, y, cells, widths, 3, i == p->l.sel ? ui->theme.attr[T_SELECTED] : A_NORMAL);
	}
}

static int results_act(struct view *v, struct ui *ui, enum action a)
{
	struct results *p = v->data;

	p->l.n = ui->nhits;
	p->l.sel = ui->hit;
	if (ui->hits_more && a == ACT_LAST) {
		/* asked for the end: every hit is read */
		ui_search_more(ui, (size_t)-1);
		p->l.n = ui->nhits;
	} else if (ui->hits_more && (a == ACT_MOVE_DOWN || a == ACT_PAGE_DOWN)) {
		/* a move down that would come within a screen of the end of
		 * what is loaded reads the next page first, so the move itself
		 * is whole */
		size_t step = a == ACT_MOVE_DOWN ? 1 : (p->l.height > 1 ? (size_t)p->l.height - 1 : 1);
		size_t want = p->l.sel + step + (size_t)(p->l.height > 0 ? p->l.height : 1);

		if (want >= ui->nhits)
			ui_search_more(ui, want);
		p->l.n = ui->nhits;
	}
	if (ui_list_act(&p->l, a)) {
		ui->hit = p->l.sel;
		return 1;
	}
	if (a == ACT_OPEN && p->l.n) {
		ui_open_hit(ui, &ui->hits[ui->hit]);
		return 1;
	}
	return 0;
}

static void results_free(struct view *v)
{
	free(v->data);
}

static const enum action results_actions[] = {
	ACT_OPEN, ACT_SEARCH_NEXT, ACT_SEARCH_PREV, ACT_BACK, ACT_COUNT
};

static const struct view_ops results_ops = {
	.name = N_("search"),
	.draw = results_draw,
	.act = results_act,
	.free = results_free,
	.actions = results_actions,
};

struct view *view_results_new(struct ui *ui, const struct ui_place *at)
{
	struct results *p = calloc(1, sizeof *p);

	(void)ui;
	(void)at;
	return p ? ui_view_new(&results_ops, p) : NULL;
}
