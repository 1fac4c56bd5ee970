/* test_escape.c - what text may be stored, and how what must not reach a
 * terminal is shown instead: in a string, and through the stream that
 * batch commands print to (with characters cut between two writes). */
#include "helpers.h"
#include "routemap/escape.h"

/* escape_find_unclean on S: expect the offending character at byte OFF
 * (or none when OFF is -1). */
static void unclean(const char *s, unsigned flags, long off, uint32_t cp)
{
	size_t at = 99;
	uint32_t got = 0;
	int r = escape_find_unclean(s, strlen(s), flags, &at, &got);

	if (off < 0) {
		assert_int_equal(r, 0);
		return;
	}
	assert_int_equal(r, 1);
	assert_int_equal(at, (size_t)off);
	assert_int_equal(got, cp);
}

static void test_what_may_be_stored(void **state)
{
	(void)state;
	/* text: Thai with a zero-width space (a Thai word break) is fine */
	unclean("ศูนย์เด็กเล็ก\xE2\x80\x8Bปลอดโรค", 0, -1, 0);
	unclean("บรรทัด\nสอง", CLEAN_MULTILINE, -1, 0);
	unclean("บรรทัด\nสอง", 0, 18, '\n');
	unclean("แดง\x1b[31m", 0, 9, 0x1B);
	unclean("ก\tข", CLEAN_MULTILINE, 3, '\t');
	unclean("ก\xC2\x85", CLEAN_MULTILINE, 3, 0x85);          /* C1 NEL */
	unclean("ก\xE2\x80\xAEข", 0, 3, 0x202E);                 /* RLO */
	unclean("ก\xE2\x81\xA6ข", 0, 3, 0x2066);                 /* LRI */
	unclean("ก\xE2\x80\xA8ข", CLEAN_MULTILINE, 3, 0x2028);   /* LS */
	unclean("\x7f", 0, 0, 0x7F);
	/* codes: no invisible or space character but the plain space */
	unclean("KKN-CDC-2568", CLEAN_CODE, -1, 0);
	unclean("แผน ๑", CLEAN_CODE, -1, 0);
	unclean("T-1\xC2\xA0", CLEAN_CODE, 3, 0xA0);              /* NBSP */
	unclean("T\xE2\x80\x8B-1", CLEAN_CODE, 1, 0x200B);        /* ZWSP */
	unclean("T\xE2\x80\x8D-1", CLEAN_CODE, 1, 0x200D);        /* ZWJ */
	unclean("\xEF\xBB\xBFT-1", CLEAN_CODE, 0, 0xFEFF);        /* BOM */
	unclean("T\xC2\xAD" "1", CLEAN_CODE, 1, 0xAD);            /* soft hyphen */
	unclean("T\t1", CLEAN_CODE, 1, '\t');
	unclean("T\xE3\x80\x80" "1", CLEAN_CODE, 1, 0x3000);      /* ideographic space */
}

static void escaped(const char *s, unsigned flags, const char *want)
{
	char *got = escape_text(s, flags);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_what_reaches_a_terminal(void **state)
{
	(void)state;
	escaped("\x1b[2J\x1b[31mแดง\x07", 0, "^[[2J^[[31mแดง^G");
	escaped("ก\xC2\x9B" "31mข", 0, "ก<U+009B>31mข");
	escaped("ก\xE2\x80\xAEขค", 0, "ก<U+202E>ขค");
	escaped("หนึ่ง\nสอง\r", 0, "หนึ่ง\\nสอง\\r");             /* a message: one line */
	escaped("หนึ่ง\nสอง\r", ESC_NL_KEEP, "หนึ่ง\nสอง^M");    /* printed lines */
	escaped("ก\tข", ESC_NL_KEEP, "ก^Iข");
	escaped("หนึ่ง\nสอง\tสาม", ESC_NL_SPACE, "หนึ่ง สอง สาม"); /* a table cell */
	escaped("T-1\xC2\xA0", 0, "T-1\xC2\xA0");                /* data: as it is */
	escaped("T-1\xC2\xA0", ESC_INVISIBLE, "T-1<U+00A0>");    /* a message: seen */
	escaped("\xEF\xBB\xBFรหัส", ESC_INVISIBLE, "<U+FEFF>รหัส");
	escaped("ก\xFF\xC0", 0, "ก\\xFF\\xC0");                  /* no character */
	escaped("ค่ากลาง", ESC_INVISIBLE, "ค่ากลาง");
}

/* Whatever is written to the stream, in whatever pieces, comes out with
 * the same escapes as escape_text(ESC_NL_KEEP) gives the whole. */
static void test_stream_in_pieces(void **state)
{
	static const char text[] = "หัวข้อ\x1b]0;title\x07 ก\xE2\x80\xAEข\nบรรทัด\x9b สอง\xC2\x85\n";
	char *want = escape_text(text, ESC_NL_KEEP), *out = NULL;
	size_t len = 0, cut;

	(void)state;
	assert_non_null(want);
	/* the raw 0x9b is no character: \x9B */
	assert_non_null(strstr(want, "\\x9B"));
	for (cut = 1; cut < sizeof text - 1; cut++) {
		FILE *under = open_memstream(&out, &len), *f;

		assert_non_null(under);
		f = escape_stream(under);
		assert_non_null(f);
		assert_int_equal(fwrite(text, 1, cut, f), cut);
		fflush(f);   /* the cut reaches the stream as two writes */
		assert_int_equal(fwrite(text + cut, 1, sizeof text - 1 - cut, f),
				 sizeof text - 1 - cut);
		assert_int_equal(fclose(f), 0);
		fclose(under);
		assert_string_equal(out, want);
		free(out);
		out = NULL;
	}
	free(want);
}

/* Marks in batch output sit where the screens put them: one with no base
 * on a dotted circle, the fifth of a cell on another. */
static void test_stream_marks(void **state)
{
	static const char text[] = "\u0E48ก \u0E34\nก\u0E34\u0E48\u0E49\u0E4A\u0E4B\u0E4C";
	char *out = NULL;
	size_t len = 0;
	FILE *under, *f;

	(void)state;
	under = open_memstream(&out, &len);
	assert_non_null(under);
	f = escape_stream(under);
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	fclose(under);
	assert_string_equal(out, "\u25CC\u0E48ก \u25CC\u0E34\nก\u0E34\u0E48\u0E49\u0E4A\u25CC\u0E4B\u0E4C");
	free(out);
}

/* Windows-874 that happens to be valid UTF-8 ("ลดลง" as C5 B4 C5 A7). */
static void test_windows_874_read_as_utf8(void **state)
{
	size_t off = 99;

	(void)state;
	assert_int_equal(escape_find_tis620("12 \xC5\xB4\xC5\xA7", 7, &off), 1);
	assert_int_equal(off, 3);
	assert_int_equal(escape_has_thai("\xC5\xB4\xC5\xA7", 4), 0);
	assert_int_equal(escape_has_thai("ลดลง", strlen("ลดลง")), 1);
	/* "รถ" saved as TIS-620 (C3 B6) reads as "ö" */
	assert_int_equal(escape_find_tis620("\xC3\xB6", 2, &off), 1);
	/* ASCII, and a Latin letter whose second byte TIS-620 leaves unused */
	assert_int_equal(escape_find_tis620("plain", 5, &off), 0);
	assert_int_equal(escape_find_tis620("\xC3\x9F", 2, &off), 0);   /* ß: 0x9F */
	/* real text of other languages: Latin letters along, or signs only */
	assert_int_equal(escape_find_tis620("Caf\xC3\xA9", 5, &off), 0);   /* Café */
	assert_int_equal(escape_find_tis620("25\xC2\xB0" "C", 5, &off), 0); /* 25°C */
	assert_int_equal(escape_find_tis620("\xC2\xB1" "5%", 4, &off), 0);  /* ±5% */
	assert_int_equal(escape_find_tis620("\xC2\xBD", 2, &off), 0);      /* ½ */
	/* one English word does not hide the garbled Thai before it:
	 * "ลดลง GPS" in Windows-874 reads as "Ŵŧ GPS"; also after it */
	assert_int_equal(escape_find_tis620("\xC5\xB4\xC5\xA7 GPS", 8, &off), 1);
	assert_int_equal(off, 0);
	assert_int_equal(escape_find_tis620("GPS\n\xC5\xB4\xC5\xA7", 8, &off), 1);
	assert_int_equal(off, 4);
	/* but a word with Latin letters in it is a word of its own, and a
	 * character TIS-620 cannot be (the ellipsis, E2 80 A6) is UTF-8 */
	assert_int_equal(escape_find_tis620("Caf\xC3\xA9 25\xC2\xB0" "C", 9, &off), 0);
	assert_int_equal(escape_find_tis620("\xC5\xB4\xC5\xA7\xE2\x80\xA6", 7, &off), 0);
	/* ...wherever it stands, also after the word that looked garbled
	 * (U+0301, CC 81, found by the fuzzer) */
	assert_int_equal(escape_find_tis620("\xC5\xB4\xC5\xA7 GPS\xCC\x81", 10, &off), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_what_may_be_stored),
		cmocka_unit_test(test_what_reaches_a_terminal),
		cmocka_unit_test(test_stream_in_pieces),
		cmocka_unit_test(test_stream_marks),
		cmocka_unit_test(test_windows_874_read_as_utf8),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}
