/* test_map.c - the route map picture: bands in order with their labels,
 * every box inside the width, the demo map on one 80x24 screen, lines
 * between bands drawn as worked out by hand, text where lines would
 * cross, ASCII when asked. */
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

static void render(struct fixture *f, const char *plan, int width, int height, int ascii,
		   struct plan_map *m, struct map_view *v)
{
	struct rm_error err = { 0, "" };

	assert_int_equal(plan_map_load(&f->st, plan, m, &err), 0);
	if (map_render(m, &f->cfg, width, height, ascii, v, &err) != 0)
		fail_msg("render: %s", err.msg);
}

/* M laid out again, at another width or height. */
static void render_again(struct fixture *f, const struct plan_map *m, int width, int height,
			 int ascii, struct map_view *v)
{
	struct rm_error err = { 0, "" };

	if (map_render(m, &f->cfg, width, height, ascii, v, &err) != 0)
		fail_msg("render: %s", err.msg);
}

/* How many times NEEDLE is in HAY. */
static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

/* The link FROM -> TO of M (by code), or -1. */
static int link_of(const struct plan_map *m, const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < m->nlinks; i++)
		if (!strcmp(m->objectives[m->links[i].from].code, from) &&
		    !strcmp(m->objectives[m->links[i].to].code, to))
			return (int)i;
	return -1;
}

static void test_demo_fits_80x24(void **state)
{
	struct fixture *f = *state;
	struct plan_map m;
	struct map_view v;
	char *text;
	size_t i;
	int level;

	/* 24 rows less the title, message and hint lines and three above the map */
	render(f, "KKN-CDC-2568", 80, 18, 0, &m, &v);
	assert_int_equal(v.nboxes, 11);
	assert_true(v.canvas.h <= 18);
	assert_int_equal(v.detail, MAP_ONE_LINE);
	/* people at the top, foundation at the bottom, each label at the left
	 * of its band's first row */
	assert_true(v.band_y[LEVEL_PEOPLE] < v.band_y[LEVEL_STAKEHOLDER]);
	assert_true(v.band_y[LEVEL_STAKEHOLDER] < v.band_y[LEVEL_PROCESS]);
	assert_true(v.band_y[LEVEL_PROCESS] < v.band_y[LEVEL_FOUNDATION]);
	for (level = 0; level < LEVEL_COUNT; level++) {
		char *row = canvas_row(&v.canvas, v.band_y[level]);

		assert_memory_equal(row, f->cfg.level_label[level], strlen(f->cfg.level_label[level]));
		free(row);
	}
	text = canvas_text(&v.canvas);
	for (i = 0; i < v.nboxes; i++) {
		const struct map_box *b = &v.boxes[i];
		const struct map_objective *o = &m.objectives[b->objective];
		char top[32];

		/* right of the labels, inside the width, within its band */
		assert_true(b->x >= v.label_w && b->x + b->w <= 80);
		assert_int_equal(b->h, 3);
		assert_true(b->y >= v.band_y[o->level]);
		assert_true(b->y + b->h <= v.band_y[o->level] + v.band_h[o->level]);
		snprintf(top, sizeof top, "┌─ %s ─", o->code);
		assert_non_null(strstr(text, top));
	}
	/* one title line each, cut after a whole word with "…", the link's
	 * text at the right */
	assert_non_null(strstr(text, "│ ผู้ปกครองและครู…  →P2 │"));
	/* lines where they can be drawn: S1, S2 and S3 up to P2, R3 to S2, F2
	 * to R1, F3 to R2; F1 -> R3 crosses both of the last two, and R1 -> S3
	 * crosses R3 -> S2: text, as are links within a band or over one */
	assert_int_equal(count(text, "▲"), 4);
	assert_true(v.drawn[link_of(&m, "S1", "P2")] && v.drawn[link_of(&m, "S3", "P2")]);
	assert_true(v.drawn[link_of(&m, "R3", "S2")] && v.drawn[link_of(&m, "F2", "R1")]);
	assert_false(v.drawn[link_of(&m, "F1", "R3")] || v.drawn[link_of(&m, "R1", "S3")]);
	assert_false(v.drawn[link_of(&m, "R2", "P1")] || v.drawn[link_of(&m, "P1", "P2")]);
	assert_int_equal(count(text, "→"), 4);
	assert_non_null(strstr(text, "→R3"));
	assert_non_null(strstr(text, "→S3"));
	free(text);
	map_view_free(&v);

	/* with no height given: whole titles, wrapped at word boundaries */
	render_again(f, &m, 80, 0, 0, &v);
	assert_int_equal(v.detail, MAP_FULL);
	text = canvas_text(&v.canvas);
	assert_non_null(strstr(text, "ยุทธศาสตร์"));
	assert_null(strstr(text, "ยุทธศา\n"));
	assert_null(strstr(text, "…"));
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
	char *text;

	render(f, "KKN-CDC-2568", MAP_MIN_WIDTH, 0, 1, &m, &v);
	text = canvas_text(&v.canvas);
	assert_null(strstr(text, "─"));
	assert_null(strstr(text, "→"));
	assert_null(strstr(text, "▲"));
	assert_non_null(strstr(text, "+- P1 -"));
	assert_non_null(strstr(text, "->P2"));
	/* one box a row at the narrowest: eleven boxes, eleven top borders;
	 * lines only between a band's last box and the next one's first:
	 * S1 up to P2, R1 to S3, F1 to R3 */
	assert_int_equal(count(text, "+- "), 11);
	assert_int_equal(count(text, "^"), 3);
	free(text);
	map_view_free(&v);
	assert_int_equal(map_render(&m, &f->cfg, MAP_MIN_WIDTH - 1, 0, 1, &v, &err), -1);
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

/* ---- small maps drawn by hand ---- */

/* A plan of objectives "CODE:level:title" and links "FROM>TO", built in
 * memory (nothing of it to free). */
struct hand_map {
	struct plan_map m;
	struct map_objective o[16];
	struct map_link l[16];
};

static size_t hand_index(const struct hand_map *h, const char *code, size_t len)
{
	size_t i;

	for (i = 0; i < h->m.nobjectives; i++)
		if (strlen(h->o[i].code) == len && !strncmp(h->o[i].code, code, len))
			return i;
	fail_msg("no objective %.*s", (int)len, code);
	return 0;
}

static void hand_build(struct hand_map *h, const char *const *objectives, const char *const *links)
{
	static char store[16][3][128];
	size_t i;

	memset(h, 0, sizeof *h);
	for (i = 0; objectives[i]; i++) {
		char *a = store[i][0], *b, *c;

		snprintf(a, sizeof store[i][0], "%s", objectives[i]);
		b = strchr(a, ':');
		*b++ = '\0';
		c = strchr(b, ':');
		*c++ = '\0';
		h->o[i].code = a;
		h->o[i].title = c;
		h->o[i].level = !strcmp(b, "people") ? LEVEL_PEOPLE : !strcmp(b, "stakeholder") ?
			LEVEL_STAKEHOLDER : !strcmp(b, "process") ? LEVEL_PROCESS : LEVEL_FOUNDATION;
	}
	h->m.objectives = h->o;
	h->m.nobjectives = i;
	for (i = 0; links && links[i]; i++) {
		const char *gt = strchr(links[i], '>');

		h->l[i].from = hand_index(h, links[i], (size_t)(gt - links[i]));
		h->l[i].to = hand_index(h, gt + 1, strlen(gt + 1));
	}
	h->m.links = h->l;
	h->m.nlinks = i;
}

/* Short ASCII band labels, so pictures can be worked out by hand. */
static int setup_labels(void **state)
{
	static const char *const labels[LEVEL_COUNT] = {
		[LEVEL_PEOPLE] = "Ppl", [LEVEL_STAKEHOLDER] = "Stk",
		[LEVEL_PROCESS] = "Prc", [LEVEL_FOUNDATION] = "Fnd",
	};
	struct fixture *f = fixture_new();
	int i;

	for (i = 0; i < LEVEL_COUNT; i++) {
		free(f->cfg.level_label[i]);
		f->cfg.level_label[i] = strdup(labels[i]);
	}
	*state = f;
	return 0;
}

static int teardown_labels(void **state)
{
	struct fixture *f = *state;

	config_free(&f->cfg);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* The canvas is exactly the rows WANT (NULL-terminated). */
static void assert_picture(const struct canvas *c, const char *const *want)
{
	int y;

	for (y = 0; want[y]; y++) {
		char *row;

		if (y >= c->h)
			fail_msg("the picture has %d rows, %d wanted", c->h, y + 1);
		row = canvas_row(c, y);
		if (strcmp(row, want[y]) != 0)
			fail_msg("row %d:\n  got  [%s]\n  want [%s]", y, row, want[y]);
		free(row);
	}
	assert_int_equal(c->h, y);
}

static void test_lines_by_hand(void **state)
{
	/* 40 columns: labels 3 + a blank, two boxes of 17 two apart.  P1's
	 * arrow goes at the column of its border nearest both causes: its
	 * last but one (18), where S1's line comes straight up; S2's joins it
	 * from the first column right of its code (30). */
	static const char *const objectives[] = {
		"P1:people:a", "P2:people:b", "S1:stakeholder:c", "S2:stakeholder:d", NULL,
	};
	static const char *const links[] = { "S1>P1", "S2>P1", NULL };
	static const char *const want[] = {
		"Ppl ┌─ P1 ──────────┐  ┌─ P2 ──────────┐",
		"    │ a             │  │ b             │",
		"    └───────────────┘  └───────────────┘",
		"                  ▲",
		"                  ├───────────┐",
		"Stk ┌─ S1 ────────┴─┐  ┌─ S2 ─┴────────┐",
		"    │ c             │  │ d             │",
		"    └───────────────┘  └───────────────┘",
		"",
		"Prc",
		"",
		"Fnd",
		NULL,
	};
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct hand_map h;
	struct map_view v;

	hand_build(&h, objectives, links);
	assert_int_equal(map_render(&h.m, &f->cfg, 40, 0, 0, &v, &err), 0);
	assert_picture(&v.canvas, want);
	assert_true(v.drawn[0] && v.drawn[1]);
	assert_int_equal(v.label_w, 4);
	map_view_free(&v);
}

static void test_lines_down_and_ascii(void **state)
{
	/* an effect below its cause: the arrow points down at it, from the
	 * middle of the columns both borders offer (11..37 of S1's, right of
	 * its code), and the cause's bottom border has a junction there */
	static const char *const objectives[] = { "P1:people:a", "S1:stakeholder:c", NULL };
	static const char *const links[] = { "P1>S1", NULL };
	static const char *const want[] = {
		"Ppl ┌─ P1 ─────────────────────────────┐",
		"    │ a                                │",
		"    └────────────────┬─────────────────┘",
		"                     │",
		"                     ▼",
		"Stk ┌─ S1 ─────────────────────────────┐",
		"    │ c                                │",
		"    └──────────────────────────────────┘",
		"", "Prc", "", "Fnd", NULL,
	};
	static const char *const want_ascii[] = {
		"Ppl +- P1 -----------------------------+",
		"    | a                                |",
		"    +----------------+-----------------+",
		"                     |",
		"                     v",
		"Stk +- S1 -----------------------------+",
		NULL,
	};
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct hand_map h;
	struct map_view v;
	int y;

	hand_build(&h, objectives, links);
	assert_int_equal(map_render(&h.m, &f->cfg, 40, 0, 0, &v, &err), 0);
	assert_picture(&v.canvas, want);
	map_view_free(&v);
	assert_int_equal(map_render(&h.m, &f->cfg, 40, 0, 1, &v, &err), 0);
	for (y = 0; want_ascii[y]; y++) {
		char *row = canvas_row(&v.canvas, y);

		assert_string_equal(row, want_ascii[y]);
		free(row);
	}
	map_view_free(&v);
}

static void test_crossing_falls_back_to_text(void **state)
{
	/* S1 -> P2 and S2 -> P1 cross whatever the columns: the first link
	 * gets its line, the second is told in S2's box */
	static const char *const objectives[] = {
		"P1:people:a", "P2:people:b", "S1:stakeholder:c", "S2:stakeholder:d", NULL,
	};
	static const char *const links[] = { "S1>P2", "S2>P1", NULL };
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct hand_map h;
	struct map_view v;
	char *text;

	hand_build(&h, objectives, links);
	assert_int_equal(map_render(&h.m, &f->cfg, 40, 0, 0, &v, &err), 0);
	assert_true(v.drawn[0]);
	assert_false(v.drawn[1]);
	text = canvas_text(&v.canvas);
	assert_int_equal(count(text, "▲"), 1);
	assert_non_null(strstr(text, "│ →P1 "));
	assert_null(strstr(text, "→P2"));
	/* S1's line leaves its top border, P2's arrow is under P2 */
	assert_int_equal(count(text, "┴"), 1);
	free(text);
	map_view_free(&v);
}

static void test_labels_break_at_spaces(void **state)
{
	/* 40 columns: the labels' column at most a fifth of them, 8 and a
	 * blank.  Words go to the next row whole; a word too wide, or the
	 * rest on a band's last row, is cut with "…" */
	static const char *const objectives[] = { "P1:people:a", NULL };
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct hand_map h;
	struct map_view v;
	const char *want[] = { "Learning", "and", "growth" };
	int i;

	free(f->cfg.level_label[LEVEL_PEOPLE]);
	f->cfg.level_label[LEVEL_PEOPLE] = strdup("Learning and growth");
	free(f->cfg.level_label[LEVEL_PROCESS]);
	f->cfg.level_label[LEVEL_PROCESS] = strdup("กระบวนการ");
	free(f->cfg.level_label[LEVEL_FOUNDATION]);
	f->cfg.level_label[LEVEL_FOUNDATION] = strdup("Learning and growth");
	hand_build(&h, objectives, NULL);
	assert_int_equal(map_render(&h.m, &f->cfg, 40, 0, 0, &v, &err), 0);
	assert_int_equal(v.label_w, 9);
	for (i = 0; i < 3; i++) {
		char *row = canvas_row(&v.canvas, i);

		assert_int_equal(strncmp(row, want[i], strlen(want[i])), 0);
		assert_true(row[strlen(want[i])] == ' ');
		free(row);
	}
	/* empty bands: one row each */
	{
		char *row = canvas_row(&v.canvas, v.band_y[LEVEL_PROCESS]);

		assert_string_equal(row, "กระบวนก…");
		free(row);
		row = canvas_row(&v.canvas, v.band_y[LEVEL_FOUNDATION]);
		assert_string_equal(row, "Learnin…");
		free(row);
	}
	map_view_free(&v);
}

static void test_four_by_four_fits(void **state)
{
	static const char *const objectives[] = {
		"P1:people:ผู้ปกครองและครูพี่เลี้ยงมีพฤติกรรมป้องกันโรคติดต่อที่ถูกต้อง",
		"P2:people:เด็กเล็กได้รับการดูแลตามมาตรฐานศูนย์เด็กเล็กปลอดโรค",
		"P3:people:ชุมชนร่วมเฝ้าระวังโรคมือ เท้า ปาก",
		"P4:people:ประชาชนเข้าถึงบริการสุขภาพ",
		"S1:stakeholder:องค์กรปกครองส่วนท้องถิ่นจัดสรรงบประมาณ",
		"S2:stakeholder:กองทุนฯ ตำบลสนับสนุนโครงการที่ผ่านค่ากลาง",
		"S3:stakeholder:รพ.สต. เป็นพี่เลี้ยงด้านวิชาการแก่ศูนย์เด็กเล็ก",
		"S4:stakeholder:โรงเรียนร่วมคัดกรองเด็ก",
		"R1:process:มีระบบเฝ้าระวังและคัดกรองโรคติดต่อในศูนย์เด็กเล็กทุกวัน",
		"R2:process:สื่อสารความเสี่ยงถึงผู้ปกครองอย่างต่อเนื่อง",
		"R3:process:จัดการค่ากลางและติดตามประเมินผลโครงการ",
		"R4:process:ประสานงานกับภาคีเครือข่าย",
		"F1:foundation:บุคลากรมีสมรรถนะในการสร้างและใช้แผนที่ทางเดินยุทธศาสตร์",
		"F2:foundation:มีระบบข้อมูลสารสนเทศโรคติดต่อในเด็ก",
		"F3:foundation:มีการจัดการความรู้และแลกเปลี่ยนเรียนรู้",
		"F4:foundation:มีงบประมาณเพียงพอ",
		NULL,
	};
	static const char *const links[] = {
		"S1>P1", "S2>P2", "S3>P3", "S4>P4", "R1>S1", "R2>S2", "R3>S3", "R4>S4",
		"F1>R1", "F2>R2", "F3>R3", "F4>R4", NULL,
	};
	struct fixture *f = *state;
	struct rm_error err = { 0, "" };
	struct hand_map h;
	struct map_view v;
	char *text;
	size_t i;

	hand_build(&h, objectives, links);
	/* 80x24: 18 rows for the map.  Four bands of one-line boxes (3 rows)
	 * and three gaps of two rows: 18 */
	assert_int_equal(map_render(&h.m, &f->cfg, 80, 18, 0, &v, &err), 0);
	assert_int_equal(v.canvas.h, 18);
	assert_int_equal(v.detail, MAP_ONE_LINE);
	text = canvas_text(&v.canvas);
	for (i = 0; i < 16; i++) {
		char top[32];

		snprintf(top, sizeof top, "┌─ %s ─", h.o[i].code);
		assert_non_null(strstr(text, top));
		assert_true(v.boxes[i].x + v.boxes[i].w <= 80);
	}
	/* four boxes a row: each band one row of them */
	for (i = 0; i < LEVEL_COUNT; i++)
		assert_int_equal(v.band_h[i], 3);
	/* every box over the one it leads to: twelve straight lines */
	assert_int_equal(count(text, "▲"), 12);
	assert_null(strstr(text, "→"));
	assert_non_null(strstr(text, "…"));
	free(text);
	map_view_free(&v);
	/* four rows more: two title lines a box; none: whole titles */
	assert_int_equal(map_render(&h.m, &f->cfg, 80, 22, 0, &v, &err), 0);
	assert_int_equal(v.detail, MAP_TWO_LINES);
	assert_int_equal(v.canvas.h, 22);
	map_view_free(&v);
	assert_int_equal(map_render(&h.m, &f->cfg, 80, 0, 0, &v, &err), 0);
	assert_int_equal(v.detail, MAP_FULL);
	assert_true(v.canvas.h > 22);
	map_view_free(&v);
	/* too little room even for one line a box: as tall as it needs */
	assert_int_equal(map_render(&h.m, &f->cfg, 80, 10, 0, &v, &err), 0);
	assert_int_equal(v.detail, MAP_ONE_LINE);
	assert_int_equal(v.canvas.h, 18);
	map_view_free(&v);
}

static void test_frame_glyphs(void **state)
{
	(void)state;
	assert_string_equal(map_frame_glyph("┌", FRAME_CAUSE, 0), "┏");
	assert_string_equal(map_frame_glyph("┴", FRAME_CAUSE, 0), "┸");
	assert_string_equal(map_frame_glyph("─", FRAME_EFFECT, 0), "═");
	assert_string_equal(map_frame_glyph("┬", FRAME_EFFECT, 0), "╥");
	assert_string_equal(map_frame_glyph("─", FRAME_PLAIN, 0), "─");
	assert_string_equal(map_frame_glyph("P", FRAME_CAUSE, 0), "P");
	assert_string_equal(map_frame_glyph("+", FRAME_CAUSE, 1), "#");
	assert_string_equal(map_frame_glyph("|", FRAME_CAUSE, 1), "#");
	assert_string_equal(map_frame_glyph("-", FRAME_EFFECT, 1), "=");
	assert_string_equal(map_frame_glyph("|", FRAME_EFFECT, 1), "|");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_fits_80x24, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ascii_and_narrow, fixture_setup_demo, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lines_by_hand, setup_labels, teardown_labels),
		cmocka_unit_test_setup_teardown(test_lines_down_and_ascii, setup_labels, teardown_labels),
		cmocka_unit_test_setup_teardown(test_crossing_falls_back_to_text, setup_labels,
						teardown_labels),
		cmocka_unit_test_setup_teardown(test_labels_break_at_spaces, setup_labels,
						teardown_labels),
		cmocka_unit_test_setup_teardown(test_four_by_four_fits, setup_labels, teardown_labels),
		cmocka_unit_test(test_frame_glyphs),
		cmocka_unit_test(test_canvas_keeps_clusters),
	};

	return cmocka_run_group_tests_name("map", tests, NULL, NULL);
}
