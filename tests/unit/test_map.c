/* test_map.c - the route map picture: bands in order, every box inside
 * the width, every objective and link shown, ASCII when asked. */
#include "helpers.h"
#include "routemap/map.h"
#include "routemap/text.h"

/* The whole canvas as text, rows joined by newlines (malloc'd). */
static char *canvas_text(const struct canvas *c)
{
	size_t cap = 1, len = 0;
	char *all = calloc(1, 1);
	int y;

	for (y = 0; y < c->h; y++) {
		char *row = canvas_row(c, y);
		size_t n = strlen(row);

		assert_true(text_width(row) <= c->w);
		cap = len + n + 2;
		all = realloc(all, cap);
		memcpy(all + len, row, n);
		len += n;
		all[len++] = '\n';
		all[len] = '\0';
		free(row);
	}
	return all;
}

static void render(struct fixture *f, const char *plan, int width, int ascii, struct plan_map *m,
		   struct map_view *v)
{
	struct rm_error err = { 0, "" };

	assert_int_equal(plan_map_load(&f->st, plan, m, &err), 0);
	if (map_render(m, &f->cfg, width, ascii, v, &err) != 0)
		fail_msg("render: %s", err.msg);
}

static void test_bands_boxes_and_links(void **state)
{
	struct fixture *f = *state;
	struct plan_map m;
	struct map_view v;
	char *text;
	size_t i;

	render(f, "KKN-CDC-2568", 80, 0, &m, &v);
	assert_int_equal(v.nboxes, 11);
	/* people at the top, foundation at the bottom */
	assert_true(v.band_y[LEVEL_PEOPLE] < v.band_y[LEVEL_STAKEHOLDER]);
	assert_true(v.band_y[LEVEL_STAKEHOLDER] < v.band_y[LEVEL_PROCESS]);
	assert_true(v.band_y[LEVEL_PROCESS] < v.band_y[LEVEL_FOUNDATION]);
	text = canvas_text(&v.canvas);
	assert_non_null(strstr(text, "── ประชาชน ──"));
	assert_non_null(strstr(text, "── พื้นฐาน ──"));
	for (i = 0; i < v.nboxes; i++) {
		const struct map_box *b = &v.boxes[i];
		const struct map_objective *o = &m.objectives[b->objective];
		int band = v.band_y[o->level];

		/* inside the width, below its own band, above the next one down */
		assert_true(b->x >= 0 && b->x + b->w <= 80);
		assert_true(b->y > band);
		if (o->level > LEVEL_FOUNDATION)
			assert_true(b->y + b->h <= v.band_y[o->level - 1]);
	}
	/* every objective's code starts a box; the links read as arrows */
	assert_non_null(strstr(text, "┌─ F1 ─"));
	assert_non_null(strstr(text, "→R3"));
	assert_non_null(strstr(text, "→S3"));
	/* S2 and S3 face P2 across the stakeholder band's line: an arrow each */
	{
		char *band = strstr(text, "── ภาคี"), *end = strchr(band, '\n'), *p;
		int arrows = 0;

		for (p = band; (p = strstr(p, "↑")) != NULL && p < end; p++)
			arrows++;
		assert_int_equal(arrows, 2);
	}
	/* titles wrapped at word boundaries, not cut */
	assert_non_null(strstr(text, "ยุทธศาสตร์"));
	assert_null(strstr(text, "ยุทธศา\n"));
	free(text);
	map_view_free(&v);
	plan_map_free(&m);
}

static void test_ascii_and_narrow(void **state)
{
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct plan_map m;
	struct map_view v;
	char *text, *p;

	render(f, "KKN-CDC-2568", MAP_MIN_WIDTH, 1, &m, &v);
	text = canvas_text(&v.canvas);
	assert_null(strstr(text, "─"));
	assert_null(strstr(text, "→"));
	assert_non_null(strstr(text, "+- P1 -"));
	assert_non_null(strstr(text, "->P2"));
	/* one box a row at the narrowest: eleven boxes, eleven top borders */
	{
		int tops = 0;

		for (p = text; (p = strstr(p, "+- ")) != NULL; p++)
			tops++;
		assert_int_equal(tops, 11);
	}
	free(text);
	map_view_free(&v);
	assert_int_equal(map_render(&m, &f->cfg, MAP_MIN_WIDTH - 1, 1, &v, &err), -1);
	assert_int_equal(err.status, RM_EXIT_USAGE);
	plan_map_free(&m);
}

static void test_canvas_keeps_clusters(void **state)
{
	struct canvas c = { 6, 0, NULL };
	char *row;

	(void)state;
	assert_int_equal(canvas_grow(&c, 1), 0);
	/* น้ำท่วม is 4 columns: น้ำ takes 2, ท่ and ว and ม one each */
	assert_int_equal(canvas_put(&c, 0, 0, "น้ำท่วมหนัก", 3, CELL_TEXT), 3);
	row = canvas_row(&c, 0);
	assert_string_equal(row, "น้ำท่");
	free(row);
	/* a lone tone mark is drawn on a dotted circle */
	assert_int_equal(canvas_put(&c, 4, 0, "่", 2, CELL_TEXT), 1);
	row = canvas_row(&c, 0);
	assert_string_equal(row, "น้ำท่ ◌่");
	free(row);
	canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bands_boxes_and_links, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ascii_and_narrow, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test(test_canvas_keeps_clusters),
	};

	return cmocka_run_group_tests_name("map", tests, NULL, NULL);
}
