/* stack.c - the views of each section, a stack: pushed by Enter (through
 * the router), popped by q; the section switch; telling the views that
 * the data or the screen's size changed. */
#include <stdlib.h>
#include <string.h>

#include "routemap/ui.h"
#include "shell.h"

/* The view on top of the current section, or NULL. */
struct view *ui_top_view(struct ui *ui)
{
	int d = ui->depth[ui->section];

	return d > 0 ? ui->stack[ui->section][d - 1] : NULL;
}

static void view_free(struct view *v)
{
	if (v) {
		v->ops->free(v);
		free(v);
	}
}

void ui_push(struct ui *ui, struct view *view)
{
	int *d = &ui->depth[ui->section];

	if (!view)
		return;
	if (*d == UI_STACK) {
		/* Deep enough: the oldest view above the section's list goes. */
		view_free(ui->stack[ui->section][1]);
		memmove(&ui->stack[ui->section][1], &ui->stack[ui->section][2],
			(UI_STACK - 2) * sizeof ui->stack[0][0]);
		(*d)--;
	}
	ui->stack[ui->section][(*d)++] = view;
}

void ui_pop(struct ui *ui)
{
	int *d = &ui->depth[ui->section];

	if (*d > 1)
		view_free(ui->stack[ui->section][--(*d)]);
}

void ui_section(struct ui *ui, enum ui_section s)
{
	ui->section = s;
	if (ui->depth[s] == 0)
		ui_open_root(ui, s);
}

void ui_close_views(struct ui *ui)
{
	int s;

	for (s = 0; s < UI_SECTIONS; s++)
		while (ui->depth[s] > 0)
			view_free(ui->stack[s][--ui->depth[s]]);
}

void ui_resize(struct ui *ui)
{
	int s, d;

	getmaxyx(stdscr, ui->lines, ui->cols);
	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++) {
			struct view *v = ui->stack[s][d];

			if (v->ops->resize)
				v->ops->resize(v, ui);
		}
}

void ui_changed(struct ui *ui)
{
	struct view *top = ui_top_view(ui);
	int s, d;

	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++)
			ui->stack[s][d]->stale = 1;
	/* the one on the screen now; the others when they come back */
	if (top && top->stale) {
		top->stale = 0;
		if (top->ops->reload)
			top->ops->reload(top, ui);
	}
}

void ui_others_changed(struct ui *ui)
{
	struct view *top = ui_top_view(ui);
	int s, d;

	for (s = 0; s < UI_SECTIONS; s++)
		for (d = 0; d < ui->depth[s]; d++)
			if (ui->stack[s][d] != top)
				ui->stack[s][d]->stale = 1;
}

