/* test_edit.c - the editing model: Thai typing order, Backspace and Delete
 * on clusters, cursor moves by cluster, word and line, number fields, the
 * field's horizontal scroll and the text area's wrapping and scrolling. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/edit.h"
#include "routemap/text.h"

#define LONG_TH "การประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอครั้งที่หนึ่ง" \
	"ประจำปีงบประมาณสองพันห้าร้อยหกสิบเก้าณห้องประชุมโรงพยาบาลส่งเสริมสุขภาพตำบล"
#define SENTENCE "โครงการส่งเสริมสุขภาพผู้สูงอายุ ปี ๒๕๖๙ ณ ตำบลน้ำท่วม " \
	"อำเภอเมือง จังหวัดสกลนคร เพื่อลดความเสี่ยงโรคเรื้อรังในชุมชน"
#define MIXED "ศพด. 18 แห่ง ใน 2569 (ร้อยละ 73.5)"
#define SUCCESS "ปัจจัยแห่งความสำเร็จ"

/* ----------------------------------------------------------- helpers */

static struct edit *new_edit(unsigned flags, size_t max)
{
	struct edit *e = malloc(sizeof *e);

	assert_non_null(e);
	assert_int_equal(edit_init(e, flags, max), 0);
	return e;
}

static void drop_edit(struct edit *e)
{
	edit_free(e);
	free(e);
}

/* Type the UTF-8 string S code point by code point; every one must be
 * accepted and leave the cursor at a cluster boundary. */
static void type(struct edit *e, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		assert_true(n > 0);
		if (edit_insert(e, cp) != EDIT_OK)
			fail_msg("refused U+%04X at byte %zu of \"%s\"", (unsigned)cp, i, s);
		i += (size_t)n;
	}
}

/* Decode the single code point in S. */
static uint32_t cp_of(const char *s)
{
	uint32_t cp;

	assert_int_equal(utf8_decode(s, strlen(s), &cp), (int)strlen(s));
	return cp;
}

/* True when POS is a cluster boundary of S. */
static int is_boundary(const char *s, size_t pos)
{
	size_t len = strlen(s), i = 0;

	while (i < pos)
		i += text_cluster_len(s + i, len - i);
	return i == pos;
}

static void set(struct edit *e, const char *s)
{
	int r = edit_set_text(e, s);

	assert_true(r == EDIT_OK || r == EDIT_UNCHANGED);
}

/* ------------------------------------------------------------ typing */

static void test_type_nam(void **state)
{
	struct edit *e = new_edit(0, 0);
	struct edit_view v;

	(void)state;
	assert_int_equal(edit_insert(e, 0x0E19), EDIT_OK);   /* น */
	assert_int_equal(edit_cursor(e), 3);
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_OK);   /* ้ */
	assert_int_equal(edit_cursor(e), 6);
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_OK);   /* ำ */
	assert_string_equal(edit_text(e), "น้ำ");
	assert_int_equal(edit_cursor(e), strlen("น้ำ"));
	assert_int_equal(edit_width(edit_text(e), edit_len(e)), 2);
	edit_field_view(e, 10, &v);
	assert_int_equal(v.cursor_col, 2);
	assert_int_equal(v.width, 2);

	/* the same in the middle of a word: the cursor stays after the
	 * cluster it joined */
	set(e, "นท่วม");
	assert_int_equal(edit_set_cursor(e, 3), EDIT_MOVED);
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_OK);
	assert_int_equal(edit_cursor(e), 6);
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_OK);
	assert_string_equal(edit_text(e), "น้ำท่วม");
	assert_int_equal(edit_cursor(e), strlen("น้ำ"));
	assert_true(is_boundary(edit_text(e), edit_cursor(e)));
	drop_edit(e);
}

static void test_refuse_orphan_tone(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	unsigned long g = edit_generation(e);

	(void)state;
	assert_int_equal(edit_insert(e, 0x0E48), EDIT_REFUSED);   /* ่ first */
	assert_int_equal(edit_insert(e, 0x0E34), EDIT_REFUSED);   /* ิ first */
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_REFUSED);   /* ำ first: it needs a syllable */
	assert_int_equal(edit_len(e), 0);
	assert_int_equal(edit_generation(e), g);
	type(e, "ก ");
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_REFUSED);   /* after a space */
	type(e, "\n");
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_REFUSED);   /* at a line start */
	assert_int_equal(edit_insert(e, 0x0301), EDIT_REFUSED);   /* any mark */
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_REFUSED);   /* nor ำ */
	assert_string_equal(edit_text(e), "ก \n");
	type(e, "น");
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_OK);        /* น ำ: นำ */
	assert_int_equal(edit_backspace(e), EDIT_OK);
	/* a leading vowel typed twice for แ */
	type(e, "เ");
	assert_int_equal(edit_insert(e, 0x0E40), EDIT_REFUSED);
	drop_edit(e);
}

static void test_refuse_two_tones(void **state)
{
	struct edit *e = new_edit(0, 0);

	(void)state;
	type(e, "ก่");
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_REFUSED);
	assert_int_equal(edit_insert(e, 0x0E48), EDIT_REFUSED);
	assert_string_equal(edit_text(e), "ก่");
	set(e, "ที่");
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_REFUSED);
	set(e, "น้ำ");
	assert_int_equal(edit_insert(e, 0x0E48), EDIT_REFUSED);   /* after SARA AM */
	assert_string_equal(edit_text(e), "น้ำ");
	drop_edit(e);
}

static void test_refuse_controls(void **state)
{
	struct edit *field = new_edit(0, 0), *area = new_edit(EDIT_MULTILINE, 0);

	(void)state;
	assert_int_equal(edit_insert(field, '\n'), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, '\t'), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, 0x1B), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, 0x7F), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, 0x85), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, 0xD800), EDIT_REFUSED);
	assert_int_equal(edit_insert(field, 0), EDIT_REFUSED);
	assert_int_equal(edit_len(field), 0);
	assert_int_equal(edit_insert(area, '\n'), EDIT_OK);
	assert_int_equal(edit_insert(area, '\r'), EDIT_REFUSED);
	/* bidi overrides and isolates, the line and paragraph separators */
	assert_int_equal(edit_insert(area, 0x202E), EDIT_REFUSED);
	assert_int_equal(edit_insert(area, 0x2066), EDIT_REFUSED);
	assert_int_equal(edit_insert(area, 0x2028), EDIT_REFUSED);
	assert_string_equal(edit_text(area), "\n");
	drop_edit(field);
	drop_edit(area);
}

static void test_max_chars(void **state)
{
	struct edit *e = new_edit(0, 3);

	(void)state;
	type(e, "น้ำ");   /* three code points */
	assert_int_equal(edit_insert(e, 0x0E01), EDIT_REFUSED);
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_int_equal(edit_insert(e, 0x0E33), EDIT_OK);
	assert_string_equal(edit_text(e), "น้ำ");
	drop_edit(e);
}

/* ------------------------------------------------- Backspace, Delete */

static void test_backspace(void **state)
{
	struct edit *e = new_edit(0, 0);
	unsigned long g;

	(void)state;
	type(e, "ที่");
	g = edit_generation(e);
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ที");   /* the mark went, not the consonant */
	assert_int_equal(edit_cursor(e), strlen("ที"));
	assert_true(edit_generation(e) != g);
	/* retype the right tone mark */
	assert_int_equal(edit_insert(e, 0x0E49), EDIT_OK);
	assert_string_equal(edit_text(e), "ที้");
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ท");
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "");
	assert_int_equal(edit_backspace(e), EDIT_UNCHANGED);

	/* in the middle: the cluster before the cursor loses its last mark */
	set(e, "น้ำท่วม");
	edit_set_cursor(e, strlen("น้ำท่"));
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "น้ำทวม");
	assert_int_equal(edit_cursor(e), strlen("น้ำท"));

	/* an orphan mark that joins the cluster before: the cursor goes
	 * after the whole cluster */
	set(e, "ก ่ข");
	edit_set_cursor(e, strlen("ก "));
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ก่ข");
	assert_int_equal(edit_cursor(e), strlen("ก่"));

	/* an invalid byte goes alone */
	set(e, "ก\xFF");
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ก");
	drop_edit(e);
}

static void test_delete(void **state)
{
	struct edit *e = new_edit(0, 0);

	(void)state;
	set(e, "น้ำท่วม");
	edit_home(e);
	assert_int_equal(edit_delete(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ท่วม");   /* น ้ ำ all gone */
	assert_int_equal(edit_len(e), strlen("น้ำท่วม") - 9);
	assert_int_equal(edit_cursor(e), 0);
	assert_int_equal(edit_delete(e), EDIT_OK);
	assert_string_equal(edit_text(e), "วม");
	edit_end(e);
	assert_int_equal(edit_delete(e), EDIT_UNCHANGED);
	drop_edit(e);
}

/* A consonant typed before a mark standing alone joins it into one
 * cluster; Backspace then takes back the consonant typed, not the mark. */
static void test_typed_before_orphan(void **state)
{
	struct edit *e = new_edit(0, 0);

	(void)state;
	set(e, "\u0E48ab");                 /* ่ at the start: an orphan */
	edit_set_cursor(e, 0);
	assert_int_equal(edit_insert(e, 0x0E01), EDIT_OK);     /* ก */
	assert_string_equal(edit_text(e), "ก\u0E48ab");
	assert_int_equal(edit_cursor(e), 6);                    /* after ก่ */
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "\u0E48ab");          /* the orphan stays */
	assert_int_equal(edit_cursor(e), 0);
	/* typed in order, Backspace takes the last code point as ever */
	set(e, "");
	assert_int_equal(edit_insert(e, 0x0E01), EDIT_OK);
	assert_int_equal(edit_insert(e, 0x0E48), EDIT_OK);
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "ก");
	/* after a move the insert is no longer "just typed" */
	set(e, "\u0E48ab");
	edit_set_cursor(e, 0);
	assert_int_equal(edit_insert(e, 0x0E01), EDIT_OK);
	edit_right(e);                                           /* after a */
	edit_left(e);                                            /* back after ก่ */
	assert_int_equal(edit_backspace(e), EDIT_OK);
	assert_string_equal(edit_text(e), "กab");                /* the last code point */
	drop_edit(e);
}

/* Ctrl-U and Ctrl-K take the cursor's line on one side; a date typed
 * over the old one starts from an empty field. */
static void test_kill_line(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);

	(void)state;
	set(e, "20/10/2553");
	assert_int_equal(edit_kill_line(e, 0), EDIT_OK);
	assert_string_equal(edit_text(e), "");
	assert_int_equal(edit_kill_line(e, 0), EDIT_UNCHANGED);
	/* "น้ำ\nท่วมทุ่ง": the cursor after ท่วม on the second line, which
	 * starts at byte 10 (น ้ ำ 9, the break 1); ท ่ ว ม are 12 bytes */
	set(e, "น้ำ\nท่วมทุ่ง");
	edit_set_cursor(e, 10 + 12);
	assert_int_equal(edit_kill_line(e, 0), EDIT_OK);
	assert_string_equal(edit_text(e), "น้ำ\nทุ่ง");
	assert_int_equal(edit_cursor(e), 10);
	assert_int_equal(edit_kill_line(e, 1), EDIT_OK);
	assert_string_equal(edit_text(e), "น้ำ\n");
	assert_int_equal(edit_kill_line(e, 1), EDIT_UNCHANGED);
	edit_home(e);    /* the first line's end stops at its break */
	edit_set_cursor(e, 0);
	assert_int_equal(edit_kill_line(e, 1), EDIT_OK);
	assert_string_equal(edit_text(e), "\n");
	drop_edit(e);
}

/* -------------------------------------------------------------- moves */

static void test_left_right_clusters(void **state)
{
	struct edit *e = new_edit(0, 0);
	const size_t stops[] = { 0, 3, 12, 15 };   /* เ|ปิ่|น */
	size_t i;

	(void)state;
	set(e, "เปิ่น");
	edit_home(e);
	for (i = 1; i < 4; i++) {
		assert_int_equal(edit_right(e), EDIT_MOVED);
		assert_int_equal(edit_cursor(e), stops[i]);
	}
	assert_int_equal(edit_right(e), EDIT_UNCHANGED);
	for (i = 3; i-- > 0; ) {
		assert_int_equal(edit_left(e), EDIT_MOVED);
		assert_int_equal(edit_cursor(e), stops[i]);
	}
	assert_int_equal(edit_left(e), EDIT_UNCHANGED);

	/* a cursor put inside a cluster moves to its end */
	assert_int_equal(edit_set_cursor(e, 6), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), 12);
	assert_int_equal(edit_set_cursor(e, 999), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), 15);
	drop_edit(e);
}

static void test_word_moves(void **state)
{
	struct edit *e = new_edit(0, 0);
	const char *words[] = { "ปัจจัย", "แห่ง", "ความ", "สำเร็จ" };
	size_t stops[5], i;

	(void)state;
	stops[0] = 0;
	for (i = 0; i < 4; i++)
		stops[i + 1] = stops[i] + strlen(words[i]);
	set(e, SUCCESS);
	edit_home(e);
	for (i = 1; i <= 4; i++) {
		assert_int_equal(edit_word_right(e), EDIT_MOVED);
		assert_int_equal(edit_cursor(e), stops[i]);
	}
	assert_int_equal(edit_word_right(e), EDIT_UNCHANGED);
	for (i = 4; i-- > 0; ) {
		assert_int_equal(edit_word_left(e), EDIT_MOVED);
		assert_int_equal(edit_cursor(e), stops[i]);
	}
	assert_int_equal(edit_word_left(e), EDIT_UNCHANGED);

	/* from inside a word: to its start, to the next one */
	edit_set_cursor(e, stops[1] + strlen("แห่"));
	assert_int_equal(edit_word_left(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), stops[1]);
	edit_set_cursor(e, stops[1] + strlen("แห่"));
	assert_int_equal(edit_word_right(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), stops[2]);
	drop_edit(e);
}

/* ----------------------------------------------------- number fields */

static void test_number_thai_digits(void **state)
{
	struct edit *e = new_edit(EDIT_NUMBER, 0);
	double d = 0;

	(void)state;
	type(e, "๑๒.๕");
	assert_string_equal(edit_text(e), "๑๒.๕");
	assert_int_equal(text_parse_number(edit_text(e), &d), 0);
	assert_true(d > 12.49 && d < 12.51);
	assert_int_equal(edit_insert(e, cp_of("ก")), EDIT_REFUSED);
	assert_int_equal(edit_insert(e, '.'), EDIT_REFUSED);    /* one point */
	assert_int_equal(edit_insert(e, ' '), EDIT_REFUSED);
	assert_int_equal(edit_insert(e, '-'), EDIT_REFUSED);    /* not here */
	assert_int_equal(edit_insert(e, cp_of("ๅ")), EDIT_REFUSED);
	edit_home(e);
	assert_int_equal(edit_insert(e, '-'), EDIT_OK);        /* leading sign */
	assert_int_equal(edit_home(e), EDIT_MOVED);
	assert_int_equal(edit_insert(e, '5'), EDIT_REFUSED);    /* before the sign */
	assert_int_equal(edit_insert(e, '+'), EDIT_REFUSED);    /* a second sign */
	assert_string_equal(edit_text(e), "-๑๒.๕");
	assert_int_equal(text_parse_number(edit_text(e), &d), 0);
	assert_true(d < -12.49 && d > -12.51);
	edit_end(e);
	type(e, "0");
	assert_string_equal(edit_text(e), "-๑๒.๕0");
	drop_edit(e);
}

static void test_mixed(void **state)
{
	struct edit *e = new_edit(0, 0);
	size_t n, i, *ws;

	(void)state;
	type(e, MIXED);
	assert_string_equal(edit_text(e), MIXED);
	assert_int_equal(edit_width(edit_text(e), edit_len(e)), 32);
	/* Ctrl-Left from the end visits every word start */
	ws = text_word_starts(MIXED, &n);
	assert_non_null(ws);
	assert_true(n >= 7);
	for (i = n; i-- > 0; ) {
		assert_int_equal(edit_word_left(e), EDIT_MOVED);
		assert_int_equal(edit_cursor(e), ws[i]);
	}
	free(ws);
	/* Latin and digits still move one character at a time */
	edit_home(e);
	for (i = 0; i < 4; i++)
		edit_right(e);
	assert_int_equal(edit_cursor(e), strlen("ศพด."));
	edit_right(e);
	edit_right(e);
	assert_int_equal(edit_cursor(e), strlen("ศพด. 1"));
	type(e, "๐");
	assert_string_equal(edit_text(e), "ศพด. 1๐8 แห่ง ใน 2569 (ร้อยละ 73.5)");
	drop_edit(e);
}

/* ---------------------------------------------------- the field view */

/* Check the view of E in COLS columns: clusters never split, the cursor
 * inside with its cell. */
static void check_field(struct edit *e, int cols)
{
	const char *s = edit_text(e);
	struct edit_view v;

	edit_field_view(e, cols, &v);
	assert_true(is_boundary(s, v.start));
	assert_true(is_boundary(s, v.end));
	assert_true(v.start <= edit_cursor(e));
	assert_true(edit_cursor(e) <= v.end);
	assert_true(v.width <= cols);
	assert_int_equal(v.width, edit_width(s + v.start, v.end - v.start));
	assert_int_equal(v.cursor_col, edit_width(s + v.start, edit_cursor(e) - v.start));
	assert_true(v.cursor_col < cols);
	/* nothing fits after the visible part */
	if (v.end < edit_len(e)) {
		size_t c = text_cluster_len(s + v.end, edit_len(e) - v.end);

		assert_true(v.width + edit_width(s + v.end, c) > cols);
	}
	/* the visible part neither starts nor ends with a lone mark */
	if (v.end > v.start) {
		uint32_t cp;

		utf8_decode(s + v.start, v.end - v.start, &cp);
		assert_false(text_is_mark(cp));
		assert_false(cp == 0x0E33);
	}
}

static void test_field_scroll(void **state)
{
	struct edit *e = new_edit(0, 0);
	struct edit_view v;
	int moves = 0;

	(void)state;
	type(e, SENTENCE);
	check_field(e, 10);
	edit_field_view(e, 10, &v);
	assert_int_equal(v.end, edit_len(e));      /* at the end: the tail */
	assert_int_equal(v.cursor_col, v.width);
	edit_home(e);
	check_field(e, 10);
	edit_field_view(e, 10, &v);
	assert_int_equal(v.start, 0);
	while (edit_right(e) == EDIT_MOVED) {
		check_field(e, 10);
		moves++;
	}
	assert_true(moves > 40);
	while (edit_left(e) == EDIT_MOVED)
		check_field(e, 10);
	while (edit_word_right(e) == EDIT_MOVED)
		check_field(e, 10);
	while (edit_word_left(e) == EDIT_MOVED)
		check_field(e, 10);
	edit_end(e);
	check_field(e, 10);
	/* deleting from the end pulls the text back into view */
	while (edit_len(e) > strlen("โครงการส่ง")) {
		assert_int_equal(edit_backspace(e), EDIT_OK);
		check_field(e, 10);
	}
	edit_field_view(e, 10, &v);
	assert_int_equal(v.start, 0);
	assert_string_equal(edit_text(e), "โครงการส่ง");
	/* a narrow field still shows the cursor */
	edit_home(e);
	check_field(e, 1);
	edit_end(e);
	check_field(e, 2);
	drop_edit(e);
}

/* --------------------------------------------------- the text area */

/* Check that the layout L of S covers S exactly, every line within COLS
 * columns (unless it is one cluster wider than that) and between
 * clusters. */
static void check_layout(const char *s, const struct edit_layout *l, int cols)
{
	size_t len = strlen(s), i, pos = 0;
	char *joined = malloc(len + 1);

	assert_non_null(joined);
	assert_true(l->n >= 1);
	for (i = 0; i < l->n; i++) {
		const struct edit_line *ln = &l->v[i];

		assert_true(ln->start <= ln->end);
		assert_true(is_boundary(s, ln->start));
		assert_true(is_boundary(s, ln->end));
		assert_int_equal(ln->width, edit_width(s + ln->start, ln->end - ln->start));
		/* only a single cluster (น้ำ at 1 column) may be wider */
		if (cols > 0 && ln->width > cols)
			assert_int_equal(ln->start + text_cluster_len(s + ln->start, len - ln->start),
					 ln->end);
		memcpy(joined + pos, s + ln->start, ln->end - ln->start);
		pos += ln->end - ln->start;
		if (ln->hard && i + 1 < l->n) {
			assert_int_equal(s[ln->end], '\n');
			joined[pos++] = '\n';
		} else if (i + 1 < l->n) {
			assert_int_equal(l->v[i + 1].start, ln->end);
		}
	}
	assert_true(l->v[l->n - 1].hard);
	joined[pos] = '\0';
	assert_string_equal(joined, s);
	free(joined);
}

static void test_wrap_no_spaces(void **state)
{
	struct edit_layout l;
	size_t n, i, k, *ws;

	(void)state;
	assert_int_equal(edit_wrap(LONG_TH, 12, &l), 0);
	check_layout(LONG_TH, &l, 12);
	assert_true(l.n >= 9);
	/* lines break between words: every word of the text is at most 12
	 * columns wide, so every line start is a word start */
	ws = text_word_starts(LONG_TH, &n);
	assert_non_null(ws);
	for (i = 0; i < l.n; i++) {
		int found = 0;

		for (k = 0; k < n; k++)
			found |= ws[k] == l.v[i].start;
		if (!found)
			fail_msg("line %zu starts inside a word", i);
	}
	free(ws);
	edit_layout_free(&l);

	/* hard line breaks are kept, empty lines too */
	assert_int_equal(edit_wrap("ก\n\nข", 12, &l), 0);
	assert_int_equal(l.n, 3);
	check_layout("ก\n\nข", &l, 12);
	edit_layout_free(&l);
	assert_int_equal(edit_wrap("", 12, &l), 0);
	assert_int_equal(l.n, 1);
	edit_layout_free(&l);

	/* a word wider than the line is split between clusters */
	assert_int_equal(edit_wrap("น้ำท่วม", 2, &l), 0);
	check_layout("น้ำท่วม", &l, 2);
	edit_layout_free(&l);

	/* a cluster of no width (a joiner) does not carry a wider one past
	 * the edge: at one column the joiner (3 bytes, 0 columns) is a line
	 * of its own, the wide ideograph (2 columns) the next, and as that
	 * line is full the cursor after it has an empty line of its own */
	assert_int_equal(edit_wrap("\u200D\u4E2D", 1, &l), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].end, 3);
	assert_int_equal(l.v[0].width, 0);
	assert_int_equal(l.v[1].start, 3);
	assert_int_equal(l.v[1].width, 2);
	assert_int_equal(l.v[2].start, 6);
	assert_int_equal(l.v[2].end, 6);
	assert_true(l.v[2].hard);
	edit_layout_free(&l);
}

static void test_wrap_spaces(void **state)
{
	const char *s = SENTENCE "\n\n" MIXED "\n";
	struct edit_layout l;
	int cols;

	(void)state;
	for (cols = 1; cols <= 40; cols++) {
		assert_int_equal(edit_wrap(s, cols, &l), 0);
		check_layout(s, &l, cols);
		edit_layout_free(&l);
	}
	/* a space stays at the end of the line it follows */
	assert_int_equal(edit_wrap("ความ สำเร็จ", 6, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, strlen("ความ "));
	edit_layout_free(&l);
	/* not wrapped: only hard lines */
	assert_int_equal(edit_wrap(s, 0, &l), 0);
	assert_int_equal(l.n, 4);
	check_layout(s, &l, 0);
	edit_layout_free(&l);
}

static void test_area_up_down(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	const struct edit_layout *l;
	size_t row, start;
	int col;

	(void)state;
	set(e, LONG_TH);
	edit_set_wrap(e, 12, 4);
	l = edit_layout(e);
	assert_non_null(l);
	check_layout(LONG_TH, l, 12);
	/* column 3 of line 1 */
	edit_set_cursor(e, edit_layout_offset(l, edit_text(e), 1, 3));
	row = edit_layout_row(l, edit_text(e), edit_cursor(e), &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 3);
	start = edit_cursor(e);
	while (edit_down(e) == EDIT_MOVED) {
		size_t row2;
		int col2;

		l = edit_layout(e);
		row2 = edit_layout_row(l, edit_text(e), edit_cursor(e), &col2);
		assert_int_equal(row2, ++row);
		assert_int_equal(col2, 3);   /* every line here is wider than 3 */
		assert_true(is_boundary(edit_text(e), edit_cursor(e)));
	}
	assert_int_equal(row, l->n - 1);
	while (edit_up(e) == EDIT_MOVED)
		row--;
	assert_int_equal(row, 0);
	edit_down(e);
	assert_int_equal(edit_cursor(e), start);
	drop_edit(e);
}

static void test_area_goal_column(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	const struct edit_layout *l;
	size_t row;
	int col;

	(void)state;
	set(e, "สวัสดีครับ\nกข\nประชาชนทุกคน");
	edit_set_wrap(e, 40, 10);
	edit_home(e);
	edit_set_cursor(e, strlen("สวัสดี"));   /* column 4 */
	l = edit_layout(e);
	edit_layout_row(l, edit_text(e), edit_cursor(e), &col);
	assert_int_equal(col, 4);
	assert_int_equal(edit_down(e), EDIT_MOVED);   /* short line: its end */
	assert_int_equal(edit_cursor(e), strlen("สวัสดีครับ\nกข"));
	assert_int_equal(edit_down(e), EDIT_MOVED);   /* column 4 again */
	row = edit_layout_row(edit_layout(e), edit_text(e), edit_cursor(e), &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 4);
	assert_int_equal(edit_down(e), EDIT_UNCHANGED);
	/* a move by other means forgets the goal column */
	edit_left(e);
	edit_up(e);
	edit_layout_row(edit_layout(e), edit_text(e), edit_cursor(e), &col);
	assert_int_equal(col, 2);
	/* Home and End of a hard line */
	edit_up(e);
	assert_int_equal(edit_home(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), 0);
	assert_int_equal(edit_end(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), strlen("สวัสดีครับ"));
	drop_edit(e);
}

static void test_area_soft_lines(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	const struct edit_layout *l;
	size_t row;
	int col;

	(void)state;
	set(e, SUCCESS);
	edit_set_wrap(e, 10, 3);
	l = edit_layout(e);
	check_layout(SUCCESS, l, 10);
	assert_int_equal(l->n, 2);   /* ปัจจัยแห่ง (7) | ความสำเร็จ (9) */
	assert_int_equal(l->v[0].end, strlen("ปัจจัยแห่ง"));
	/* End on a wrapped line stops before its last cluster, Home goes
	 * back to its start */
	edit_set_cursor(e, 0);
	assert_int_equal(edit_end(e), EDIT_MOVED);
	row = edit_layout_row(l, edit_text(e), edit_cursor(e), &col);
	assert_int_equal(row, 0);
	assert_int_equal(edit_cursor(e), strlen("ปัจจัยแห่"));
	assert_int_equal(col, 6);
	assert_int_equal(edit_home(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), 0);
	drop_edit(e);

	/* a paragraph that fills its last line: the cursor at its end goes
	 * on a line of its own, never past the width */
	e = new_edit(EDIT_MULTILINE, 0);
	set(e, "กขค");
	edit_set_wrap(e, 3, 3);
	l = edit_layout(e);
	assert_int_equal(l->n, 2);
	row = edit_layout_row(l, edit_text(e), edit_cursor(e), &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	assert_int_equal(edit_up(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), 0);
	drop_edit(e);
}

static void test_area_scroll(void **state)
{
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	size_t top, row, n;
	int col;

	(void)state;
	set(e, LONG_TH "\n" SENTENCE);
	edit_set_wrap(e, 12, 3);
	n = edit_layout(e)->n;
	assert_int_equal(edit_area_view(e, 3, &top, &row, &col), 0);
	assert_int_equal(row, n - 1);   /* the cursor is at the end */
	assert_int_equal(top, n - 3);
	edit_set_cursor(e, 0);
	while (1) {
		assert_int_equal(edit_area_view(e, 3, &top, &row, &col), 0);
		assert_true(top <= row && row < top + 3);
		assert_true(col < 12);
		if (edit_down(e) != EDIT_MOVED)
			break;
	}
	assert_int_equal(top, n - 3);
	while (edit_page_up(e) == EDIT_MOVED) {
		assert_int_equal(edit_area_view(e, 3, &top, &row, &col), 0);
		assert_true(top <= row && row < top + 3);
	}
	assert_int_equal(row, 0);
	assert_int_equal(top, 0);
	/* shrinking text leaves no empty rows below */
	set(e, "ก\nข");
	assert_int_equal(edit_area_view(e, 3, &top, &row, &col), 0);
	assert_int_equal(top, 0);
	drop_edit(e);
}

static void test_field_up_down(void **state)
{
	struct edit *e = new_edit(0, 0);

	(void)state;
	set(e, SUCCESS);
	assert_int_equal(edit_up(e), EDIT_UNCHANGED);
	assert_int_equal(edit_down(e), EDIT_UNCHANGED);
	assert_int_equal(edit_home(e), EDIT_MOVED);
	assert_int_equal(edit_end(e), EDIT_MOVED);
	assert_int_equal(edit_cursor(e), strlen(SUCCESS));
	drop_edit(e);
}

/* ----------------------------------------------- rendering, counter */

static void test_render(void **state)
{
	const char *cases[] = {
		"่ก", "ก ้ข", "ก\tข", "ก\x01ข", "ก\xFFข", "ก\r", "\xE2\x80\x8Bก", "ค่ากลาง",
		"ก\x1b[2Jข", "ก\xE2\x80\xAEขค", "ก\xC2\x9B" "31mข", "ก\x7F",
	};
	/* a control, a bidi override and a C1 control stored by another
	 * program are drawn as visible escapes, never sent as they are */
	const char *want[] = {
		"◌่ก", "ก ◌้ข", "ก ข", "ก^Aข", "ก\\xFFข", "ก",
		"\xE2\x80\x8Bก", "ค่ากลาง",
		"ก^[[2Jข", "ก<U+202E>ขค", "ก<U+009B>31mข", "ก^?",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *r = edit_render(cases[i], strlen(cases[i]));

		assert_non_null(r);
		assert_string_equal(r, want[i]);
		/* what is drawn is as wide as the layout says */
		assert_int_equal(text_width(r), edit_width(cases[i], strlen(cases[i])));
		free(r);
	}
}

static void test_generation(void **state)
{
	struct edit *e = new_edit(0, 0);
	unsigned long g0 = edit_generation(e), g1;

	(void)state;
	assert_int_equal(edit_set_text(e, "ค่ากลาง"), EDIT_OK);
	g1 = edit_generation(e);
	assert_true(g1 != g0);
	edit_home(e);
	edit_right(e);
	edit_word_right(e);
	assert_int_equal(edit_insert(e, 0x0E48), EDIT_REFUSED);
	assert_int_equal(edit_generation(e), g1);
	assert_int_equal(edit_set_text(e, "ค่ากลาง"), EDIT_UNCHANGED);
	assert_int_equal(edit_generation(e), g1);
	type(e, "ก");
	assert_true(edit_generation(e) != g1);
	drop_edit(e);
}

/* ------------------------------------------------------ external text */

/* Import BUF (LEN bytes) into an edit with FLAGS and MAX; expect STATUS,
 * and WANT when it is EDIT_IMPORT_OK, or the offset AT otherwise. */
static void import_case(unsigned flags, size_t max, const char *buf, size_t len, int status,
			const char *want, size_t want_at)
{
	struct edit *e = new_edit(flags, max);
	char *out = (char *)"unset";
	size_t at = 99;

	assert_int_equal(edit_import(e, buf, len, &out, &at), status);
	if (status == EDIT_IMPORT_OK) {
		assert_non_null(out);
		assert_string_equal(out, want);
		free(out);
	} else {
		assert_null(out);
		assert_int_equal(at, want_at);
	}
	drop_edit(e);
}

#define IMPORT(flags, max, lit, status, want, at) \
	import_case(flags, max, lit, sizeof lit - 1, status, want, at)

static void test_import(void **state)
{
	(void)state;
	IMPORT(EDIT_MULTILINE, 0, "บันทึก\nบรรทัดสอง\n", EDIT_IMPORT_OK, "บันทึก\nบรรทัดสอง", 0);
	IMPORT(EDIT_MULTILINE, 0, "ก\r\nข\r\n", EDIT_IMPORT_OK, "ก\nข", 0);
	IMPORT(EDIT_MULTILINE, 0, "ก\n\n", EDIT_IMPORT_OK, "ก\n", 0);   /* one newline goes */
	IMPORT(EDIT_MULTILINE, 0, "", EDIT_IMPORT_OK, "", 0);
	IMPORT(EDIT_MULTILINE, 0, "ก\tข", EDIT_IMPORT_OK, "ก    ข", 0);   /* an indent */
	IMPORT(0, 0, "หนึ่ง\nสอง\n", EDIT_IMPORT_OK, "หนึ่ง สอง", 0);
	IMPORT(0, 0, "ก\xFF", EDIT_IMPORT_UTF8, NULL, 3);
	IMPORT(0, 0, "ก\0ข", EDIT_IMPORT_NUL, NULL, 3);
	IMPORT(0, 0, "ก\x1B[31m", EDIT_IMPORT_CONTROL, NULL, 3);
	IMPORT(EDIT_MULTILINE, 0, "ก\rข", EDIT_IMPORT_CONTROL, NULL, 3);
	IMPORT(0, 0, "ก\xC2\x85", EDIT_IMPORT_CONTROL, NULL, 3);
	/* a bidi override after a tab: the offset is in the file as saved */
	IMPORT(EDIT_MULTILINE, 0, "\tก\xE2\x80\xAEข", EDIT_IMPORT_CONTROL, NULL, 4);
	IMPORT(EDIT_MULTILINE, 0, "ก\r\nข\xE2\x81\xA6", EDIT_IMPORT_CONTROL, NULL, 8);
	/* "ลดลง" saved by an editor as Windows-874, valid UTF-8 by chance */
	IMPORT(EDIT_MULTILINE, 0, "\xC5\xB4\xC5\xA7\n", EDIT_IMPORT_ENCODING, NULL, 0);
	IMPORT(EDIT_MULTILINE, 0, "25\xC2\xB0" "C\n", EDIT_IMPORT_OK, "25°C", 0);
	IMPORT(EDIT_NUMBER, 0, "๑๒.๕\n", EDIT_IMPORT_OK, "๑๒.๕", 0);
	IMPORT(EDIT_NUMBER, 0, "-73.5", EDIT_IMPORT_OK, "-73.5", 0);
	IMPORT(EDIT_NUMBER, 0, "12ก", EDIT_IMPORT_NUMBER, NULL, 0);
	IMPORT(EDIT_NUMBER, 0, "1.2.3", EDIT_IMPORT_NUMBER, NULL, 0);
	IMPORT(EDIT_NUMBER, 0, "1 2", EDIT_IMPORT_NUMBER, NULL, 0);
	IMPORT(0, 3, "น้ำ\n", EDIT_IMPORT_OK, "น้ำ", 0);
	IMPORT(0, 3, "น้ำท", EDIT_IMPORT_LONG, NULL, 0);
}

/* Random Thai typing and editing: the cursor is always between clusters
 * and the layouts always cover the text. */
static void test_random_edits(void **state)
{
	static const char *keys[] = {
		"ก", "น", "ท", "เ", "แ", "า", "ำ", "ิ", "ี", "ั", "ุ", "่", "้", "็", "์",
		" ", "\n", "๑", "1", "a",
	};
	struct edit *e = new_edit(EDIT_MULTILINE, 0);
	unsigned long seed = 2569;
	int i;

	(void)state;
	edit_set_wrap(e, 7, 3);
	for (i = 0; i < 3000; i++) {
		unsigned r;
		size_t top, row;
		int col;
		struct edit_view v;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		r = (unsigned)(seed >> 33);
		switch (r % 12) {
		case 0: edit_backspace(e); break;
		case 1: edit_delete(e); break;
		case 2: edit_left(e); break;
		case 3: edit_right(e); break;
		case 4: edit_up(e); break;
		case 5: edit_down(e); break;
		case 6: edit_word_left(e); break;
		case 7: edit_end(e); break;
		default:
			edit_insert(e, cp_of(keys[(r / 12) % (sizeof keys / sizeof keys[0])]));
		}
		assert_true(is_boundary(edit_text(e), edit_cursor(e)));
		assert_int_equal(utf8_invalid_at(edit_text(e), edit_len(e)), -1);
		assert_int_equal(edit_area_view(e, 3, &top, &row, &col), 0);
		assert_true(top <= row && row < top + 3);
		assert_true(col < 7);
		if (i % 50 == 0)
			check_layout(edit_text(e), edit_layout(e), 7);
		edit_field_view(e, 5, &v);
		assert_true(v.start <= edit_cursor(e) && edit_cursor(e) <= v.end);
	}
	drop_edit(e);
}

/* Found by the fuzzer: a zero-width character at the end, the cursor
 * before it, in a field just wide enough: the cursor's own cell must
 * still show ("ab " is 3 columns, the cursor at byte 3 needs a 4th...
 * so the view scrolls; cursor_col stays below 3). */
static void test_cursor_cell_before_zero_width_end(void **state)
{
	struct edit *e = new_edit(0, 0);

	(void)state;
	assert_int_equal(edit_set_text(e, "ab \u200B"), EDIT_OK);
	edit_set_cursor(e, 3);
	e->hscroll = 3;   /* scrolled right, as typing at the end leaves it */
	check_field(e, 3);
	e->hscroll = 0;
	check_field(e, 3);
	drop_edit(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_nam),
		cmocka_unit_test(test_cursor_cell_before_zero_width_end),
		cmocka_unit_test(test_refuse_orphan_tone),
		cmocka_unit_test(test_refuse_two_tones),
		cmocka_unit_test(test_refuse_controls),
		cmocka_unit_test(test_max_chars),
		cmocka_unit_test(test_backspace),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_kill_line),
		cmocka_unit_test(test_typed_before_orphan),
		cmocka_unit_test(test_left_right_clusters),
		cmocka_unit_test(test_word_moves),
		cmocka_unit_test(test_number_thai_digits),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_field_scroll),
		cmocka_unit_test(test_wrap_no_spaces),
		cmocka_unit_test(test_wrap_spaces),
		cmocka_unit_test(test_area_up_down),
		cmocka_unit_test(test_area_goal_column),
		cmocka_unit_test(test_area_soft_lines),
		cmocka_unit_test(test_area_scroll),
		cmocka_unit_test(test_field_up_down),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_random_edits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
