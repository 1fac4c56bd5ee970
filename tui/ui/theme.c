/* theme.c - colours, or bold, reverse and underline where there are none. */
#include "routemap/ui.h"

enum {
	PAIR_TITLE = 1, PAIR_TAB, PAIR_ERROR, PAIR_HEADING, PAIR_SELECTED, PAIR_BAND,
	PAIR_CODE, PAIR_LINK, PAIR_CAUSE, PAIR_EFFECT, PAIR_BAR, PAIR_DIM,
};

void theme_init(struct theme *t, int color, int ascii)
{
	int i;

	t->ascii = ascii;
	t->color = color && has_colors() && start_color() == OK;
	for (i = 0; i < T_COUNT; i++)
		t->attr[i] = A_NORMAL;
	if (!t->color) {
		/* Monochrome: every distinction still visible. */
		t->attr[T_TITLE] = A_REVERSE;
		t->attr[T_TAB] = A_REVERSE;
		t->attr[T_TAB_ACTIVE] = A_BOLD | A_UNDERLINE;
		t->attr[T_ERROR] = A_BOLD | A_REVERSE;
		t->attr[T_HINT_KEY] = A_BOLD;
		t->attr[T_HEADING] = A_BOLD;
		t->attr[T_SELECTED] = A_REVERSE;
		t->attr[T_BAND] = A_BOLD;
		t->attr[T_CODE] = A_BOLD;
		t->attr[T_DIM] = A_DIM;
		t->attr[T_BOX_SELECTED] = A_REVERSE | A_BOLD;
		t->attr[T_BOX_CAUSE] = A_UNDERLINE | A_BOLD;
		t->attr[T_BOX_EFFECT] = A_UNDERLINE;   /* not bold: a code is bold */
		t->attr[T_BAR_FULL] = A_REVERSE;
		return;
	}
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_TAB, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_HEADING, COLOR_CYAN, -1);
	init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_BAND, COLOR_CYAN, -1);
	init_pair(PAIR_CODE, COLOR_YELLOW, -1);
	init_pair(PAIR_LINK, COLOR_GREEN, -1);
	init_pair(PAIR_CAUSE, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_EFFECT, COLOR_BLACK, COLOR_GREEN);
	init_pair(PAIR_BAR, COLOR_GREEN, -1);
	init_pair(PAIR_DIM, COLOR_BLUE, -1);
	t->attr[T_TITLE] = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
	t->attr[T_TAB] = COLOR_PAIR(PAIR_TITLE);
	t->attr[T_TAB_ACTIVE] = COLOR_PAIR(PAIR_TAB) | A_BOLD;
	t->attr[T_ERROR] = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	t->attr[T_HINT_KEY] = COLOR_PAIR(PAIR_HEADING) | A_BOLD;
	t->attr[T_HEADING] = COLOR_PAIR(PAIR_HEADING) | A_BOLD;
	t->attr[T_SELECTED] = COLOR_PAIR(PAIR_SELECTED);
	t->attr[T_BAND] = COLOR_PAIR(PAIR_BAND) | A_BOLD;
	t->attr[T_CODE] = COLOR_PAIR(PAIR_CODE) | A_BOLD;
	t->attr[T_LINK] = COLOR_PAIR(PAIR_LINK);
	t->attr[T_DIM] = COLOR_PAIR(PAIR_DIM);
	/* the marks on the map without bold: going from one to another is
	 * then a change of colour only, the shortest sequence */
	t->attr[T_BOX_SELECTED] = COLOR_PAIR(PAIR_SELECTED);
	t->attr[T_BOX_CAUSE] = COLOR_PAIR(PAIR_CAUSE);
	t->attr[T_BOX_EFFECT] = COLOR_PAIR(PAIR_EFFECT);
	t->attr[T_BAR_FULL] = COLOR_PAIR(PAIR_BAR) | A_BOLD;
	t->attr[T_BAR_EMPTY] = COLOR_PAIR(PAIR_DIM);
}
