/* test_table.c - columns fitted into a width: codes never cut, titles
 * give way, columns left out before a code would be; rows cut to them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/table.h"
#include "routemap/text.h"

/* The plan list's columns: code 12, office 11, years 9, title 60 (least
 * 20), serves 12 (left out second), served by 13 (left out first). */
static void plan_cols(struct table_col *c)
{
	static const struct table_col init[] = {
		{ 12, 12, 0, 0, 0 }, { 11, 11, 0, 0, 0 }, { 9, 9, 0, 0, 0 },
		{ 60, 20, 0, 0, 0 }, { 12, 12, 2, 0, 0 }, { 13, 13, 3, 0, 0 },
	};

	memcpy(c, init, sizeof init);
}

static void test_fit(void **state)
{
	struct table_col c[6];

	(void)state;
	/* all fit: 12+11+9+60+12+13 and five gaps of 2 = 127 */
	plan_cols(c);
	assert_int_equal(table_fit(c, 6, 200, 2), 127);
	assert_int_equal(c[3].width, 60);
	assert_int_equal(c[5].width, 13);
	/* 120: the title gives 7 */
	plan_cols(c);
	assert_int_equal(table_fit(c, 6, 120, 2), 120);
	assert_int_equal(c[3].width, 53);
	assert_int_equal(c[0].width, 12);
	/* 80: with all six the title would need 80-67 = 13 < 20: "served
	 * by" goes, and the title gets 80 - (12+11+9+12) - 4*2 = 28 */
	plan_cols(c);
	assert_int_equal(table_fit(c, 6, 80, 2), 80);
	assert_int_equal(c[5].width, -1);
	assert_int_equal(c[4].width, 12);
	assert_int_equal(c[3].width, 28);
	/* 60: "serves" goes too: 60 - (12+11+9) - 3*2 = 22 */
	plan_cols(c);
	assert_int_equal(table_fit(c, 6, 60, 2), 60);
	assert_int_equal(c[4].width, -1);
	assert_int_equal(c[3].width, 22);
	/* 40: nothing more may go; the title at its 20, codes whole: 12+11+9
	 * +20+3*2 = 58, wider than asked */
	plan_cols(c);
	assert_int_equal(table_fit(c, 6, 40, 2), 58);
	assert_int_equal(c[0].width, 12);
	assert_int_equal(c[3].width, 20);
	/* a name that gives way late: the title first, then a column left
	 * out, and only then the name.  code 8, name 12 (least 5), date 12
	 * (left out), title 30 (least 10), gap 2 */
	{
		struct table_col d[4] = { { 8, 0, 0, 0, 0 }, { 12, 5, 0, 0, 1 }, { 12, 0, 1, 0, 0 },
					  { 30, 10, 0, 0, 0 } };

		/* 8+12+12+30+6 = 68; at 50 the title gives 18 to 12 */
		assert_int_equal(table_fit(d, 4, 50, 2), 50);
		assert_int_equal(d[3].width, 12);
		assert_int_equal(d[1].width, 12);
		/* at 40: title 10 makes 46; the date goes, and code, name and
		 * two gaps leave the title 40 - 24 = 16 */
		assert_int_equal(table_fit(d, 4, 40, 2), 40);
		assert_int_equal(d[2].width, -1);
		assert_int_equal(d[1].width, 12);
		assert_int_equal(d[3].width, 16);
		/* at 30: title 10 makes 34, nothing to leave out: the name gives 4 */
		assert_int_equal(table_fit(d, 4, 30, 2), 30);
		assert_int_equal(d[3].width, 10);
		assert_int_equal(d[1].width, 8);
	}
	/* a text column before the title gives way only after the title */
	{
		struct table_col d[3] = { { 8, 8, 0, 0, 0 }, { 30, 10, 0, 0, 0 }, { 30, 10, 0, 0, 0 } };

		assert_int_equal(table_fit(d, 3, 50, 1), 50);
		assert_int_equal(d[2].width, 10);
		assert_int_equal(d[1].width, 30);
		assert_int_equal(table_fit(d, 3, 40, 1), 40);
		assert_int_equal(d[1].width, 20);
	}
}

/* A row printed into fitted widths: the code whole, the title cut after
 * a word with "…", a left-out column gone with its gap. */
static void test_row_cut(void **state)
{
	const char *cells[4] = { "A-BNG-CDC-70-2", "แผนที่ทางเดินยุทธศาสตร์", "x", "47" };
	const int width[4] = { 14, 12, -1, 3 };
	char line[256];
	FILE *f = fmemopen(line, sizeof line, "w");

	(void)state;
	assert_non_null(f);
	table_txt_row_cut(f, cells, 4, width, 1u << 3, 0);
	table_txt_row_cut(f, cells, 4, width, 1u << 3, 1);
	fclose(f);
	/* 12 columns: "แผนที่ทางเดิน" (10) and "…", then a space of padding */
	assert_string_equal(line, "A-BNG-CDC-70-2  แผนที่ทางเดิน…    47\n"
				  "A-BNG-CDC-70-2  แผนที่ทาง...     47\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_row_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
