/* aarchoose.c - the choices an AAR is made of: its template, and what it
 * reviews (a kind, then the record), each in a list over the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/aar.h"
#include "routemap/buf.h"
#include "routemap/i18n.h"
#include "routemap/ui.h"
#include "aarchoose.h"

#define NKINDS (sizeof aar_kinds / sizeof aar_kinds[0])

int aar_choose_template(struct ui *ui)
{
	const struct config *cfg = ui->cfg;
	const char **labels;
	size_t i, at = 0;
	int t;

	if (!cfg->ntemplates || !(labels = calloc(cfg->ntemplates, sizeof *labels))) {
		ui_error(ui, "%s", _("out of memory"));
		return -2;
	}
	/* each template with its sections, so the choice needs no manual */
	for (i = 0; i < cfg->ntemplates; i++) {
		const struct cfg_template *tp = &cfg->templates[i];
		struct buf b = { 0 };
		size_t k;

		buf_printf(&b, "%s (%s): ", config_template_title(cfg, tp->name), tp->name);
		for (k = 0; k < tp->sections.n; k++)
			buf_printf(&b, "%s%s", k ? " · " : "", tp->sections.v[k].label);
		labels[i] = buf_take(&b);
		if (cfg->aar_default && strcmp(tp->name, cfg->aar_default) == 0)
			at = i;
	}
	t = ui_choose(ui, _("New AAR: which template?"), labels, cfg->ntemplates, at);
	for (i = 0; i < cfg->ntemplates; i++)
		free((char *)labels[i]);
	free(labels);
	return t;
}

/* Let the user choose what an AAR reviews: a kind, then (but for an event)
 * the record, starting from KIND0 and SUBJECT0.  Esc in the records goes
 * back to the kinds.  Returns 0 with *KIND (static) and *SUBJECT (malloc'd,
 * NULL for an event), or -1 when the user cancelled. */
int aar_choose_subject(struct ui *ui, const char *kind0, const char *subject0,
		       const char **kind, char **subject)
{
	const char *kinds[NKINDS];
	size_t i, at = 0;

	*kind = NULL;
	*subject = NULL;
	for (i = 0; i < NKINDS; i++) {
		kinds[i] = aar_kind_label(aar_kinds[i]);
		if (kind0 && strcmp(kind0, aar_kinds[i]) == 0)
			at = i;
	}
	for (;;) {
		struct rm_error err = { 0, "" };
		struct aar_subject *v;
		const char **labels;
		struct buf title = { 0 };
		size_t n, sel = 0;
		int k, s;

		k = ui_choose(ui, _("What does it review?"), kinds, NKINDS, at);
		if (k < 0)
			return -1;
		at = (size_t)k;
		if (strcmp(aar_kinds[k], "event") == 0) {
			*kind = aar_kinds[k];
			return 0;
		}
		if (aar_subjects(ui->st, aar_kinds[k], &v, &n, &err) < 0) {
			ui_error(ui, "%s", err.msg);
			return -1;
		}
		if (n == 0) {
			ui_error(ui, _("there is no %s yet; choose another kind"), kinds[k]);
			continue;
		}
		labels = calloc(n, sizeof *labels);
		if (!labels) {
			aar_subjects_free(v, n);
			ui_error(ui, "%s", _("out of memory"));
			return -1;
		}
		for (i = 0; i < n; i++) {
			struct buf b = { 0 };

			buf_printf(&b, "%s  %s", v[i].code, v[i].title ? v[i].title : "");
			labels[i] = buf_take(&b);
			if (subject0 && strcmp(v[i].code, subject0) == 0)
				sel = i;
		}
		buf_printf(&title, _("Which %s?"), kinds[k]);
		s = ui_choose(ui, title.s ? title.s : "", labels, n, sel);
		buf_free(&title);
		for (i = 0; i < n; i++)
			free((char *)labels[i]);
		free(labels);
		if (s >= 0) {
			*kind = aar_kinds[k];
			*subject = strdup(v[s].code);
		}
		aar_subjects_free(v, n);
		if (s >= 0)
			return *subject ? 0 : -1;
	}
}
