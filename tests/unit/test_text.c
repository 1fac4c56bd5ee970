/* test_text.c - the Thai text engine: widths, clusters, truncation,
 * wrapping, word starts, input order, digits, numbers, collation, dates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "routemap/text.h"

#define LONG_TH "การประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอครั้งที่หนึ่ง" \
	"ประจำปีงบประมาณสองพันห้าร้อยหกสิบเก้าณห้องประชุมโรงพยาบาลส่งเสริมสุขภาพตำบล"
#define MIXED "ศพด. 18 แห่ง ใน 2569 (ร้อยละ 73.5)"

static int starts_with_mark(const char *s)
{
	uint32_t cp;

	if (utf8_decode(s, strlen(s), &cp) < 0)
		return 0;
	return text_is_mark(cp) || cp == 0x0E33;
}

/* ------------------------------------------------------------- UTF-8 */

static void test_utf8(void **state)
{
	uint32_t cp;
	char buf[4];

	(void)state;
	assert_int_equal(utf8_decode("ก", 3, &cp), 3);
	assert_int_equal(cp, 0x0E01);
	assert_int_equal(utf8_decode("ก", 2, &cp), -1);        /* truncated */
	assert_int_equal(utf8_decode("\xC0\x80", 2, &cp), -1); /* overlong */
	assert_int_equal(utf8_decode("\xE0\x80\x81", 3, &cp), -1);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), -1); /* surrogate */
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), -1);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_encode(0x0E33, buf), 3);
	assert_memory_equal(buf, "ำ", 3);
	assert_int_equal(utf8_encode('A', buf), 1);
	assert_int_equal(utf8_encode(0x1F600, buf), 4);
	assert_int_equal(utf8_invalid_at("ค่ากลาง", strlen("ค่ากลาง")), -1);
	assert_int_equal(utf8_invalid_at("กข\xFFค", 7), 6);
	assert_int_equal(utf8_invalid_at("ก\xE0\xB8", 5), 3);
}

/* ------------------------------------------------------------ widths */

static void test_cp_width(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('A'), 1);
	assert_int_equal(text_cp_width(0x0E01), 1);  /* ก */
	assert_int_equal(text_cp_width(0x0E33), 1);  /* SARA AM */
	assert_int_equal(text_cp_width(0x0E40), 1);  /* leading vowel เ */
	assert_int_equal(text_cp_width(0x0E31), 0);  /* MAI HAN-AKAT */
	assert_int_equal(text_cp_width(0x0E34), 0);
	assert_int_equal(text_cp_width(0x0E3A), 0);
	assert_int_equal(text_cp_width(0x0E47), 0);
	assert_int_equal(text_cp_width(0x0E48), 0);  /* MAI EK */
	assert_int_equal(text_cp_width(0x0E4E), 0);
	assert_int_equal(text_cp_width(0x0E50), 1);  /* ๐ */
	assert_int_equal(text_cp_width(0x0EB4), 0);  /* Lao vowel sign I */
	assert_int_equal(text_cp_width(0x0301), 0);
	assert_int_equal(text_cp_width(0x200B), 0);
	assert_int_equal(text_cp_width(0xFE0F), 0);
	assert_int_equal(text_cp_width(0x4E00), 2);
	assert_int_equal(text_cp_width(0xAC00), 2);
	assert_int_equal(text_cp_width(0xFF21), 2);
	assert_int_equal(text_cp_width(0x1F600), 2);
	assert_int_equal(text_cp_width(0x07), 0);
	assert_int_equal(text_cp_width('\t'), 0);
	assert_int_equal(text_cp_width(0x85), 0);
	assert_true(text_is_mark(0x0E49));
	assert_false(text_is_mark(0x0E33));
	assert_false(text_is_mark(0x0E01));
}

static void test_width_thai(void **state)
{
	(void)state;
	assert_int_equal(text_width("ค่ากลาง"), 6);
	assert_int_equal(text_width("ที่"), 1);
	assert_int_equal(text_width("น้ำ"), 2);
	assert_int_equal(text_width("กำ"), 2);
	assert_int_equal(text_width("เปิ่น"), 3);
	assert_int_equal(text_width("ปัจจัยแห่งความสำเร็จ"), 16);
	assert_int_equal(text_width(MIXED), 32);
	assert_int_equal(text_width("๒๕๖๙"), 4);
	assert_int_equal(text_width("中文ไทย"), 7);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width_n("ค่ากลาง", 6), 1);   /* ค่ only */
	assert_int_equal(text_width("ก\xFF"), 2);          /* bad byte: 1 */
}

/* The widths do not follow the process locale, and they agree with glibc's
 * wcwidth under a UTF-8 locale over the Thai block. */
static void test_width_locale(void **state)
{
	uint32_t cp;

	(void)state;
	setlocale(LC_ALL, "C");
	assert_int_equal(text_width("ค่ากลาง"), 6);
	if (setlocale(LC_ALL, "C.UTF-8")) {
		for (cp = 0x0E01; cp <= 0x0E5B; cp++) {
			int g = wcwidth((wchar_t)cp);

			if (g >= 0)
				assert_int_equal(text_cp_width(cp), g);
		}
		assert_int_equal(text_cp_width(0x1F600), wcwidth(0x1F600));
		assert_int_equal(text_cp_width(0x0301), wcwidth(0x0301));
	}
	setlocale(LC_ALL, "C");
}

/* ---------------------------------------------------------- clusters */

/* Split S into clusters, joined by '|'. */
static void clusters(const char *s, char *out, size_t size)
{
	size_t len = strlen(s), i = 0, pos = 0;

	out[0] = '\0';
	while (i < len) {
		size_t c = text_cluster_len(s + i, len - i);

		assert_true(c > 0);
		pos += (size_t)snprintf(out + pos, size - pos, "%s%.*s",
					i ? "|" : "", (int)c, s + i);
		assert_true(pos < size);
		i += c;
	}
}

static void test_clusters(void **state)
{
	char buf[512];

	(void)state;
	clusters("น้ำท่วม", buf, sizeof buf);
	assert_string_equal(buf, "น้ำ|ท่|ว|ม");
	clusters("สำ", buf, sizeof buf);
	assert_string_equal(buf, "สำ");
	clusters("กำ", buf, sizeof buf);
	assert_string_equal(buf, "กำ");
	clusters("ที่", buf, sizeof buf);
	assert_string_equal(buf, "ที่");
	clusters("เปิ่น", buf, sizeof buf);
	assert_string_equal(buf, "เ|ปิ่|น");
	clusters("ค่ากลาง", buf, sizeof buf);
	assert_string_equal(buf, "ค่|า|ก|ล|า|ง");
	clusters("ปัจจัยแห่งความสำเร็จ", buf, sizeof buf);
	assert_string_equal(buf, "ปั|จ|จั|ย|แ|ห่|ง|ค|ว|า|ม|สำ|เ|ร็|จ");
	/* orphan marks stand alone */
	clusters("่ก", buf, sizeof buf);
	assert_string_equal(buf, "่|ก");
	clusters("ก ้ข", buf, sizeof buf);
	assert_string_equal(buf, "ก| |้|ข");
	clusters("ก\n่", buf, sizeof buf);
	assert_string_equal(buf, "ก|\n|่");
	clusters("e\xCC\x81x", buf, sizeof buf);   /* e + combining acute */
	assert_string_equal(buf, "e\xCC\x81|x");
	clusters("A\xFF" "ก", buf, sizeof buf);
	assert_string_equal(buf, "A|\xFF|ก");
	assert_int_equal(text_cluster_len("", 0), 0);
	assert_int_equal(text_cluster_len("น้ำ", 3), 3);   /* LEN is a limit */
}

static void test_fit(void **state)
{
	int w = -1;

	(void)state;
	assert_int_equal(text_fit("น้ำท่วม", 1, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit("น้ำท่วม", 2, &w), strlen("น้ำ"));
	assert_int_equal(w, 2);
	assert_int_equal(text_fit("น้ำท่วม", 3, &w), strlen("น้ำท่"));
	assert_int_equal(w, 3);
	assert_int_equal(text_fit("น้ำท่วม", 99, &w), strlen("น้ำท่วม"));
	assert_int_equal(w, 5);
	assert_int_equal(text_fit("ที่", 0, NULL), 0);
}

/* -------------------------------------------------------- truncation */

static void test_truncate(void **state)
{
	char out[128];

	(void)state;
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 1, 1, 0), 1);
	assert_string_equal(out, "…");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 2, 1, 0), 2);
	assert_string_equal(out, "… ");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 2, 0, 0), 1);
	assert_string_equal(out, "…");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 3, 1, 0), 3);
	assert_string_equal(out, "น้ำ…");
	/* ASCII: three dots, so only one column is left for "น้ำ" (two) */
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 4, 1, 1), 4);
	assert_string_equal(out, "... ");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 2, 0, 1), 2);
	assert_string_equal(out, "..");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 5, 1, 0), 5);
	assert_string_equal(out, "น้ำท่วม");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 8, 1, 0), 8);
	assert_string_equal(out, "น้ำท่วม   ");
	assert_int_equal(text_truncate(out, sizeof out, "น้ำท่วม", 8, 0, 0), 5);
	assert_string_equal(out, "น้ำท่วม");
	assert_int_equal(text_truncate(out, sizeof out, "ที่", 0, 1, 0), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_truncate(out, sizeof out, "中文字", 4, 1, 0), 4);
	assert_string_equal(out, "中… ");
	/* a buffer too small for the text cuts it between clusters, and says
	 * so: "ค่" (6 bytes) and "…" (3) and the NUL fit in 12, "ค่า" does not */
	assert_int_equal(text_truncate(out, 12, "ค่ากลาง", 10, 0, 0), 2);
	assert_string_equal(out, "ค่…");
	assert_int_equal(text_truncate(out, 8, "ค่ากลาง", 10, 0, 0), 1);
	assert_string_equal(out, "…");
	assert_int_equal(text_truncate(out, 3, "ค่ากลาง", 10, 1, 0), 2);
	assert_string_equal(out, "  ");
}

/* A cut ends after a whole word when that keeps two thirds of the room,
 * never with a space or a lone leading vowel before the ellipsis.
 * (Widths: แผนที่ 4, ทาง 3, เดิน 3, ยุทธศาสตร์ 8; libthai's words.) */
static void test_truncate_words(void **state)
{
	static const char *const map = "แผนที่ทางเดินยุทธศาสตร์";
	char out[128];

	(void)state;
	/* room 11: "แผนที่ทางเดินยุ" fits, the word ends after "เดิน" (10) */
	assert_int_equal(text_truncate(out, sizeof out, map, 12, 0, 0), 11);
	assert_string_equal(out, "แผนที่ทางเดิน…");
	/* room 8 ends on the leading vowel of "เดิน": back to "ทาง" */
	assert_int_equal(text_truncate(out, sizeof out, map, 9, 0, 0), 8);
	assert_string_equal(out, "แผนที่ทาง…");
	assert_int_equal(text_truncate(out, sizeof out, map, 6, 0, 0), 5);
	assert_string_equal(out, "แผนที่…");
	/* ASCII: room 9 ends inside "เดิน"; "ทาง" ends at 7 >= 2/3 of 9 */
	assert_int_equal(text_truncate(out, sizeof out, map, 12, 1, 1), 12);
	assert_string_equal(out, "แผนที่ทาง...  ");
	/* "คณะ|กรรมการ": room 4 keeps "คณะ" (3 >= 8/3) */
	assert_int_equal(text_truncate(out, sizeof out, "คณะกรรมการ", 5, 0, 0), 4);
	assert_string_equal(out, "คณะ…");
	/* one word wider than the room: cut between clusters, but not after
	 * the leading vowel of "เรียน" */
	assert_int_equal(text_truncate(out, sizeof out, "โรงเรียน", 5, 0, 0), 4);
	assert_string_equal(out, "โรง…");
	assert_int_equal(text_truncate(out, sizeof out, "โรงเรียน", 2, 1, 0), 2);
	assert_string_equal(out, "… ");
	/* room 11 ends with a word; room 12 and 13 would end in the space or
	 * in "ใ": both go back to "แห่ง", no space before the ellipsis */
	assert_int_equal(text_truncate(out, sizeof out, MIXED, 12, 1, 0), 12);
	assert_string_equal(out, "ศพด. 18 แห่ง…");
	assert_int_equal(text_truncate(out, sizeof out, MIXED, 13, 1, 0), 13);
	assert_string_equal(out, "ศพด. 18 แห่ง… ");
	assert_int_equal(text_truncate(out, sizeof out, MIXED, 14, 1, 0), 14);
	assert_string_equal(out, "ศพด. 18 แห่ง…  ");
	/* a word whose start is less than two thirds in (at 2 of room 7):
	 * cut between clusters, "ประชา" being 5 columns */
	assert_int_equal(text_truncate(out, sizeof out, "ก ประชาสัมพันธ์", 8, 0, 0), 8);
	assert_string_equal(out, "ก ประชา…");
}

/* Is byte AT of S where a word ends: the end, a space next, or a word
 * starting there (one of the N word starts V of S)? */
static int word_ends_at(const char *s, size_t at, const size_t *v, size_t n)
{
	size_t k;
	int yes = s[at] == '\0' || s[at] == ' ';

	for (k = 0; k < n; k++)
		yes |= v[k] == at;
	return yes;
}

/* S cut at COLS columns (ASCII or not), its N word starts STARTS: exactly
 * that width; cut only with an ellipsis after a whole word when a word
 * ends in the last third of the room; never a leading vowel or a space
 * before it. */
static void check_cut_width(const char *s, const size_t *starts, size_t nstarts, int cols,
			    int ascii)
{
	const char *ell = ascii ? "..." : "…", *e;
	char out[512];
	size_t kept, len = strlen(s), b;
	int room = cols - (ascii ? 3 : 1), wb, best = 0;
	uint32_t last;

	assert_int_equal(text_truncate(out, sizeof out, s, cols, 1, ascii), cols);
	assert_int_equal(text_width(out), cols);
	if (text_width(s) <= cols) {
		assert_memory_equal(out, s, len);
		return;
	}
	e = strstr(out, ell);
	assert_non_null(e);
	kept = (size_t)(e - out);
	assert_memory_equal(out, s, kept);
	assert_int_equal(strspn(e + strlen(ell), " "), strlen(e + strlen(ell)));
	if (kept == 0)
		return;
	/* the last character kept */
	for (b = kept - 1; b > 0 && ((unsigned char)out[b] & 0xC0) == 0x80; b--)
		;
	utf8_decode(out + b, kept - b, &last);
	assert_false(last == ' ' || (last >= 0x0E40 && last <= 0x0E44));
	assert_false(starts_with_mark(s + kept));
	/* the widest word end within the room */
	for (b = 1; b <= len; b++)
		if ((b == len || text_cluster_len(s + b, len - b) > 0) &&
		    word_ends_at(s, b, starts, nstarts) &&
		    (wb = text_width_n(s, b)) <= room &&
		    wb > best && s[b - 1] != ' ')
			best = wb;
	if (3 * best >= 2 * room)
		assert_int_equal(text_width_n(s, kept), best);
}

/* A title cut at each width a screen or a line of output may give it
 * (60 to 83 columns and the narrower columns in them). */
static void test_truncate_widths(void **state)
{
	static const char *const titles[] = {
		"แผนที่ทางเดินยุทธศาสตร์การป้องกันควบคุมโรคติดต่อในศูนย์เด็กเล็ก จังหวัดขอนแก่น",
		"AAR การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาองค์การ PMQA ที่ขนอม",
		LONG_TH,
	};
	size_t k;
	int cols, ascii;

	(void)state;
	for (k = 0; k < sizeof titles / sizeof *titles; k++) {
		size_t nstarts, *starts = text_word_starts(titles[k], &nstarts);

		assert_non_null(starts);
		for (ascii = 0; ascii <= 1; ascii++)
			for (cols = 4; cols <= 83; cols++)
				check_cut_width(titles[k], starts, nstarts, cols, ascii);
		free(starts);
	}
}

/* Every width from 0 to 25, padded: exactly that many columns, the text a
 * prefix of the input that ends between clusters. */
static void test_truncate_exact(void **state)
{
	static const char *const inputs[] = {
		"ปัจจัยแห่งความสำเร็จ", "น้ำท่วม", "เปิ่น", MIXED, "中文ภาษาไทย",
	};
	char out[256];
	size_t k;
	int cols;

	(void)state;
	for (k = 0; k < sizeof inputs / sizeof *inputs; k++) {
		const char *s = inputs[k];

		for (cols = 0; cols <= 25; cols++) {
			size_t len = strlen(s), b = 0, c;
			const char *rest;

			assert_int_equal(text_truncate(out, sizeof out, s, cols, 1, 0), cols);
			assert_int_equal(text_width(out), cols);
			assert_int_equal(utf8_invalid_at(out, strlen(out)), -1);
			/* the longest whole-cluster prefix of S that OUT starts
			 * with; after it only an ellipsis and spaces */
			while (b < len && (c = text_cluster_len(s + b, len - b)) > 0 &&
			       strncmp(out, s, b + c) == 0)
				b += c;
			rest = out + b;
			if (strncmp(rest, "…", strlen("…")) == 0)
				rest += strlen("…");
			assert_int_equal(strspn(rest, " "), strlen(rest));
			assert_true(b == len || strstr(out, "…") != NULL || cols == 0);
		}
	}
}

/* ----------------------------------------------------------- wrapping */

static void assert_lines(const struct text_lines *l, const char *const *want, size_t n)
{
	size_t i;

	assert_int_equal(l->n, n);
	for (i = 0; i < n; i++)
		assert_string_equal(l->v[i], want[i]);
}

static void test_wrap_words(void **state)
{
	struct text_lines l;

	(void)state;
	assert_int_equal(text_wrap("ปัจจัยแห่งความสำเร็จ", 10, &l), 0);
	{
		static const char *const w[] = { "ปัจจัยแห่ง", "ความสำเร็จ" };
		assert_lines(&l, w, 2);
	}
	text_lines_free(&l);

	assert_int_equal(text_wrap("ปัจจัยแห่งความสำเร็จ", 5, &l), 0);
	{
		static const char *const w[] = { "ปัจจัย", "แห่ง", "ความ", "สำเร็จ" };
		assert_lines(&l, w, 4);
	}
	text_lines_free(&l);

	assert_int_equal(text_wrap("ปัจจัยแห่งความสำเร็จ", 80, &l), 0);
	{
		static const char *const w[] = { "ปัจจัยแห่งความสำเร็จ" };
		assert_lines(&l, w, 1);
	}
	text_lines_free(&l);

	/* spaces at a break are dropped */
	assert_int_equal(text_wrap("น้ำท่วม   ถนนขาด", 5, &l), 0);
	{
		static const char *const w[] = { "น้ำท่วม", "ถนน", "ขาด" };
		assert_lines(&l, w, 3);
	}
	text_lines_free(&l);
}

static void test_wrap_no_spaces(void **state)
{
	struct text_lines l;
	char joined[1024] = "";
	size_t i;

	(void)state;
	assert_int_equal(text_wrap(LONG_TH, 10, &l), 0);
	assert_true(l.n > 5);
	for (i = 0; i < l.n; i++) {
		assert_true(text_width(l.v[i]) <= 10);
		assert_true(l.v[i][0] != '\0');
		assert_false(starts_with_mark(l.v[i]));
		strcat(joined, l.v[i]);
	}
	assert_string_equal(joined, LONG_TH);
	text_lines_free(&l);

	/* a word wider than the line is split between clusters */
	assert_int_equal(text_wrap("สำเร็จ", 2, &l), 0);
	{
		static const char *const w[] = { "สำ", "เร็", "จ" };
		assert_lines(&l, w, 3);
	}
	text_lines_free(&l);
	assert_int_equal(text_wrap("น้ำท่วม", 1, &l), 0);
	{
		/* น้ำ is 2 columns: alone on its line all the same */
		static const char *const w[] = { "น้ำ", "ท่", "ว", "ม" };
		assert_lines(&l, w, 4);
	}
	text_lines_free(&l);
}

static void test_wrap_mixed(void **state)
{
	struct text_lines l;
	size_t i;
	int cols;

	(void)state;
	assert_int_equal(text_wrap(MIXED, 12, &l), 0);
	{
		static const char *const w[] = {
			"ศพด. 18 แห่ง", "ใน 2569", "(ร้อยละ 73.5)",
		};
		assert_lines(&l, w, 3);
	}
	text_lines_free(&l);

	for (cols = 1; cols <= 40; cols++) {
		assert_int_equal(text_wrap(MIXED " " LONG_TH " ๑๒๓ abc", cols, &l), 0);
		for (i = 0; i < l.n; i++) {
			size_t len = strlen(l.v[i]);

			if (cols >= 2)
				assert_true(text_width(l.v[i]) <= cols);
			assert_false(starts_with_mark(l.v[i]));
			assert_true(len == 0 || (l.v[i][0] != ' ' && l.v[i][len - 1] != ' '));
		}
		text_lines_free(&l);
	}

	assert_int_equal(text_wrap("abcdefghij", 4, &l), 0);
	{
		static const char *const w[] = { "abcd", "efgh", "ij" };
		assert_lines(&l, w, 3);
	}
	text_lines_free(&l);
}

static void test_wrap_newlines(void **state)
{
	struct text_lines l;

	(void)state;
	assert_int_equal(text_wrap("", 10, &l), 0);
	assert_int_equal(l.n, 0);
	text_lines_free(&l);

	assert_int_equal(text_wrap("\n", 10, &l), 0);
	{
		static const char *const w[] = { "", "" };
		assert_lines(&l, w, 2);
	}
	text_lines_free(&l);

	assert_int_equal(text_wrap("กรม\n\nขอนแก่น\r\nเขต", 10, &l), 0);
	{
		static const char *const w[] = { "กรม", "", "ขอนแก่น", "เขต" };
		assert_lines(&l, w, 4);
	}
	text_lines_free(&l);

	assert_int_equal(text_wrap("  ย่อหน้า", 10, &l), 0);
	{
		static const char *const w[] = { "  ย่อหน้า" };
		assert_lines(&l, w, 1);
	}
	text_lines_free(&l);
}

static void test_word_starts(void **state)
{
	size_t n, *v;

	(void)state;
	v = text_word_starts("ปัจจัยแห่งความสำเร็จ", &n);
	assert_non_null(v);
	assert_int_equal(n, 4);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], strlen("ปัจจัย"));
	assert_int_equal(v[2], strlen("ปัจจัยแห่ง"));
	assert_int_equal(v[3], strlen("ปัจจัยแห่งความ"));
	free(v);

	v = text_word_starts("  กรม  abc\nเขต", &n);
	assert_non_null(v);
	assert_int_equal(n, 3);
	assert_int_equal(v[0], 2);
	assert_int_equal(v[1], strlen("  กรม  "));
	assert_int_equal(v[2], strlen("  กรม  abc\n"));
	free(v);

	v = text_word_starts("", &n);
	assert_non_null(v);
	assert_int_equal(n, 0);
	free(v);
}

/* ------------------------------------------------- marks, input order */

static void test_show_marks(void **state)
{
	char *s;

	(void)state;
	s = text_show_marks("่ก");
	assert_string_equal(s, "◌่ก");
	free(s);
	s = text_show_marks("ราคา ้ำ");
	assert_string_equal(s, "ราคา ◌้ำ");
	free(s);
	s = text_show_marks("น้ำ ที่");
	assert_string_equal(s, "น้ำ ที่");
	free(s);
	s = text_show_marks("ั");
	assert_string_equal(s, "◌ั");
	free(s);
	s = text_show_marks("a\xE2\x80\x8B b");    /* ZWSP: no circle */
	assert_string_equal(s, "a\xE2\x80\x8B b");
	free(s);
	s = text_show_marks("");
	assert_string_equal(s, "");
	free(s);
	/* a cell holds four marks: the fifth and sixth go on a circle */
	s = text_show_marks("ก\u0E34\u0E48\u0E49\u0E4A\u0E4B\u0E4Cข");
	assert_string_equal(s, "ก\u0E34\u0E48\u0E49\u0E4A\u25CC\u0E4B\u0E4Cข");
	free(s);
	/* nine marks: four on the base, four on a circle, one on another */
	s = text_show_marks("e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309");
	assert_string_equal(s, "e\u0301\u0302\u0303\u0304\u25CC\u0305\u0306\u0307\u0308"
			       "\u25CC\u0309");
	free(s);
	/* exactly four: no circle */
	s = text_show_marks("e\u0301\u0302\u0303\u0304 ");
	assert_string_equal(s, "e\u0301\u0302\u0303\u0304 ");
	free(s);
}

/* Typing S one code point at a time is accepted throughout. */
static int typed_ok(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t prev = 0, cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);

		assert_true(n > 0);
		if (!text_input_accepts(prev, cp))
			return 0;
		prev = cp;
		i += (size_t)n;
	}
	return 1;
}

static void test_input_order(void **state)
{
	(void)state;
	assert_true(typed_ok("น้ำ"));
	assert_true(typed_ok("ที่"));
	assert_true(typed_ok("เปิ่น"));
	assert_true(typed_ok("กำ"));
	assert_true(typed_ok("ค่ากลาง"));
	assert_true(typed_ok("ปัจจัยแห่งความสำเร็จ"));
	assert_true(typed_ok(MIXED));
	assert_true(typed_ok("โรงพยาบาลส่งเสริมสุขภาพตำบล"));
	/* a tone mark with no consonant */
	assert_false(text_input_accepts(0, 0x0E48));
	assert_false(text_input_accepts(' ', 0x0E48));
	assert_false(text_input_accepts('A', 0x0E49));
	assert_false(text_input_accepts(0x4E00, 0x0E49));
	assert_false(text_input_accepts(0x0E40, 0x0E48));   /* เ + ่ */
	/* two tone marks, two above vowels, a vowel after the tone */
	assert_false(text_input_accepts(0x0E48, 0x0E49));
	assert_false(text_input_accepts(0x0E48, 0x0E48));
	assert_false(text_input_accepts(0x0E34, 0x0E34));
	assert_false(text_input_accepts(0x0E48, 0x0E34));
	/* strict: เ typed twice for แ */
	assert_false(text_input_accepts(0x0E40, 0x0E40));
	/* non-Thai input is never refused */
	assert_true(text_input_accepts(0x0E48, 'a'));
	assert_true(text_input_accepts(0x0E48, 0x4E00));
	assert_true(text_input_accepts(0, '1'));
}

/* ---------------------------------------------------- digits, numbers */

static void test_digits(void **state)
{
	char *s;

	(void)state;
	s = text_ascii_digits("พ.ศ. ๒๕๖๙ ร้อยละ ๗๓.๕");
	assert_string_equal(s, "พ.ศ. 2569 ร้อยละ 73.5");
	free(s);
	s = text_ascii_digits("");
	assert_string_equal(s, "");
	free(s);
}

static void test_parse_int(void **state)
{
	static const char *const bad[] = {
		"", "   ", "12abc", "1e5", "0x10", "1.5", "1 2", "-", "+",
		"๑๒ก", "ห้า", "١٢", "9223372036854775808",
		"-9223372036854775809", "99999999999999999999", "--1", "1,000",
	};
	long long v;
	size_t i;

	(void)state;
	assert_int_equal(text_parse_int("42", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(text_parse_int(" 42\t", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(text_parse_int("๔๒", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(text_parse_int("042", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(text_parse_int("-๑๘", &v), 0);
	assert_int_equal(v, -18);
	assert_int_equal(text_parse_int("+7", &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(text_parse_int("9223372036854775807", &v), 0);
	assert_true(v == 9223372036854775807LL);
	assert_int_equal(text_parse_int("-9223372036854775808", &v), 0);
	assert_true(v == -9223372036854775807LL - 1);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		v = 12345;
		assert_int_equal(text_parse_int(bad[i], &v), -1);
		assert_true(v == 12345);
	}
}

static void test_parse_number(void **state)
{
	static const char *const bad[] = {
		"", " ", "1e5", "inf", "nan", "INF", "0x10", "1.", ".5", "1,5",
		"73.5%", "๗๓.", "1.2.3", "- 1",
	};
	char huge[420];
	double d;
	size_t i;

	(void)state;
	assert_int_equal(text_parse_number("73.5", &d), 0);
	assert_true(d == 73.5);
	assert_int_equal(text_parse_number(" ๗๓.๕ ", &d), 0);
	assert_true(d == 73.5);
	assert_int_equal(text_parse_number("-0.25", &d), 0);
	assert_true(d == -0.25);
	assert_int_equal(text_parse_number("042", &d), 0);
	assert_true(d == 42.0);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(text_parse_number(bad[i], &d), -1);
	memset(huge, '9', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	assert_int_equal(text_parse_number(huge, &d), -1);   /* overflows */
}

/* ---------------------------------------------------------- collation */

static int cmp_coll(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return text_collate(x, strlen(x), y, strlen(y));
}

static void test_collate_thai(void **state)
{
	const char *v[] = { "ไก่", "กา", "ขอนแก่น", "เขต", "กรม", "ค่ากลาง" };
	static const char *const want[] = {
		"กรม", "กา", "ไก่", "ขอนแก่น", "เขต", "ค่ากลาง",
	};
	size_t i;

	(void)state;
	qsort(v, sizeof v / sizeof *v, sizeof *v, cmp_coll);
	for (i = 0; i < sizeof v / sizeof *v; i++)
		assert_string_equal(v[i], want[i]);
	assert_int_equal(text_collate("กา", strlen("กา"), "กา", strlen("กา")), 0);
	assert_true(text_collate("ก", 3, "ก่", 6) < 0);
	assert_true(text_collate("กา", 6, "กาก", 9) < 0);
}

/* Mixed scripts: no crash, and a total order (antisymmetric, transitive,
 * equal only for equal bytes). */
static void test_collate_mixed(void **state)
{
	static const char *const v[] = {
		"", "abc", "ABC", "123", "๑๒๓", "中文", "中", "é", "e\xCC\x81",
		"กรม", "ก", "ก่", "ก้", "a b", "X-1", "x", "\xFF", "ก\xFF",
		MIXED, "😀", "ศพด. 18", "ศพด. ๑๘", "ร.พ.สต.", "รพ.สต.",
	};
	size_t n = sizeof v / sizeof *v, i, j, k;
	char big[600];

	(void)state;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int ij = text_collate(v[i], strlen(v[i]), v[j], strlen(v[j]));
			int ji = text_collate(v[j], strlen(v[j]), v[i], strlen(v[i]));

			assert_int_equal(ij, -ji);
			assert_int_equal(ij == 0, i == j);
			for (k = 0; k < n; k++) {
				int jk = text_collate(v[j], strlen(v[j]), v[k], strlen(v[k]));
				int ik = text_collate(v[i], strlen(v[i]), v[k], strlen(v[k]));

				if (ij < 0 && jk < 0)
					assert_true(ik < 0);
			}
		}
	}
	/* long strings go through the heap */
	for (i = 0; i + 3 < sizeof big; i += 3)
		memcpy(big + i, "ก", 3);
	big[i] = '\0';
	assert_true(text_collate(big, strlen(big), "ข", 3) < 0);
	assert_true(text_collate("ข", 3, big, strlen(big)) > 0);
}

/* -------------------------------------------------------------- dates */

/* One typed date and the Gregorian day it names, worked out by hand
 * (BE = CE + 543). */
struct date_case {
	const char *typed;
	int year, month, day;
};

static void test_parse_date(void **state)
{
	static const struct date_case good[] = {
		{ "2569-01-15", 2026, 1, 15 },       /* ISO in the Buddhist Era */
		{ "2026-01-15", 2026, 1, 15 },       /* ISO in the Common Era */
		{ "15/1/2569", 2026, 1, 15 },
		{ "15/01/69", 2026, 1, 15 },         /* two digits: BE 25xx */
		{ "15 ม.ค. 2569", 2026, 1, 15 },
		{ "15 มกราคม 2569", 2026, 1, 15 },
		{ "15 ม.ค. 69", 2026, 1, 15 },
		{ "15/1/2026", 2026, 1, 15 },
		{ "๑๕/๑/๒๕๖๙", 2026, 1, 15 },         /* Thai digits, each form */
		{ "๒๕๖๙-๐๑-๑๕", 2026, 1, 15 },
		{ "๑๕ ม.ค. ๖๙", 2026, 1, 15 },
		{ "๑๕ มกราคม ๒๕๖๙", 2026, 1, 15 },
		{ " 15/1/2569\t", 2026, 1, 15 },     /* blanks around */
		{ "15ม.ค.2569", 2026, 1, 15 },        /* no spaces */
		{ "15 มค 2569", 2026, 1, 15 },        /* no dots */
		{ "15 ม.ค. พ.ศ. 2569", 2026, 1, 15 }, /* the era said */
		{ "15 ม.ค. ค.ศ. 2026", 2026, 1, 15 },
		{ "15 Jan 2026", 2026, 1, 15 },       /* as the Gregorian calendar shows */
		{ "15 january 2026", 2026, 1, 15 },
		{ "15-1-2569", 2026, 1, 15 },
		{ "15.1.2569", 2026, 1, 15 },
		{ "29 ก.พ. 2567", 2024, 2, 29 },      /* 2567 BE = 2024, a leap year */
		{ "29/2/2000", 2000, 2, 29 },
		{ "1 ต.ค. 2568", 2025, 10, 1 },
		{ "30 พฤศจิกายน 2569", 2026, 11, 30 },
		{ "31 ธ.ค. 2743", 2200, 12, 31 },     /* the last BE year */
		{ "1/1/2443", 1900, 1, 1 },           /* the first BE year */
		{ "1/1/1900", 1900, 1, 1 },
		{ "31/12/2200", 2200, 12, 31 },
		{ "1 มี.ค. 00", 1957, 3, 1 },         /* 2500 BE */
		{ "9 เม.ย. 99", 2056, 4, 9 },         /* 2599 BE */
		{ "1 มิ.ย. 2569", 2026, 6, 1 },
		{ "1 ส.ค. 2569", 2026, 8, 1 },
		{ "15 มกรา 69", 2026, 1, 15 },        /* the month as it is said */
		{ "15 กุมภา 2569", 2026, 2, 15 },
		{ "15 / 1 / 2569", 2026, 1, 15 },     /* spaces around the separators */
		{ "2569 - 01 - 15", 2026, 1, 15 },
	};
	static const char *const bad[] = {
		"", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
		"2023-02-29", "2566-02-29", "2443-02-29", "26-01-2020x",
		"2026-01-20x", "2026-04-31", "0000-01-01",
		"๒๕๖๙-๐๑", "2026-01-2๐๐",
		"0069-01-15", "15/1/0069", "2399-01-15", "15/1/2399",   /* no era of ours */
		"15/1/1899", "15/1/2201", "15/1/2442", "15/1/2744",
		"15/1/569", "15/1/20269", "15 ม.ค.", "15 มกร 2569",
		"15/1-2569", "15 ม.ค. พ.ศ. 2026", "15 ม.ค. ค.ศ. 2569",
		"15 ม.ค. 2569 10:00", "ม.ค. 15 2569", "115/1/2569", "15//2569",
		"30 ก.พ. 2569", "31 เม.ย. 2569",
		"15 ...ม.ค 69", "15 ม..ค. 69", "15 .ม.ค. 69", "15 ม.ค.. 69",   /* stray dots */
		"15 / 1 - 2569", "15 1 2569",
	};
	struct text_date d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof *good; i++) {
		memset(&d, 0, sizeof d);
		if (text_parse_date(good[i].typed, &d) != 0)
			fail_msg("refused \"%s\"", good[i].typed);
		if (d.year != good[i].year || d.month != good[i].month || d.day != good[i].day)
			fail_msg("\"%s\" read as %d-%d-%d", good[i].typed, d.year, d.month, d.day);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		if (text_parse_date(bad[i], &d) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
}

/* Whatever is shown is accepted back: the displayed form in both eras,
 * the editing form, the ISO form, for every month of a leap year. */
static void test_date_round_trip(void **state)
{
	struct text_date d, back;
	char shown[64];
	int m, era, day;

	(void)state;
	for (m = 1; m <= 12; m++)
		for (day = 1; day <= 29; day += 28)
			for (era = 0; era <= 1; era++) {
				d.year = 2024;
				d.month = m;
				d.day = day;
				text_format_date(&d, era, shown, sizeof shown);
				assert_int_equal(text_parse_date(shown, &back), 0);
				assert_memory_equal(&d, &back, sizeof d);
				text_format_typed(&d, era, shown, sizeof shown);
				assert_int_equal(text_parse_date(shown, &back), 0);
				assert_memory_equal(&d, &back, sizeof d);
				text_format_iso(&d, shown, sizeof shown);
				assert_int_equal(text_parse_date(shown, &back), 0);
				assert_memory_equal(&d, &back, sizeof d);
			}
	d.year = 2026;
	d.month = 1;
	d.day = 5;
	text_format_typed(&d, 1, shown, sizeof shown);
	assert_string_equal(shown, "5/1/2569");
	text_format_typed(&d, 0, shown, sizeof shown);
	assert_string_equal(shown, "5/1/2026");
}

static void test_format_date(void **state)
{
	static const char *const months[] = {
		"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
	};
	struct text_date d = { 2026, 1, 20 };
	char buf[64], want[64];
	int m;

	(void)state;
	text_format_date(&d, 1, buf, sizeof buf);
	assert_string_equal(buf, "20 ม.ค. 2569");
	text_format_date(&d, 0, buf, sizeof buf);
	assert_string_equal(buf, "20 Jan 2026");
	text_format_iso(&d, buf, sizeof buf);
	assert_string_equal(buf, "2026-01-20");
	for (m = 1; m <= 12; m++) {
		d.month = m;
		d.day = 1;
		text_format_date(&d, 1, buf, sizeof buf);
		snprintf(want, sizeof want, "1 %s 2569", months[m - 1]);
		assert_string_equal(buf, want);
	}
	d.month = 12;
	d.day = 31;
	text_format_date(&d, 0, buf, sizeof buf);
	assert_string_equal(buf, "31 Dec 2026");
}

static void test_fiscal_year(void **state)
{
	struct text_date a = { 2025, 10, 1 }, b = { 2026, 9, 30 }, c = { 2026, 10, 1 };
	struct text_date e = { 2025, 9, 30 }, f = { 2026, 1, 20 };

	(void)state;
	assert_int_equal(text_fiscal_year(&a), 2569);
	assert_int_equal(text_fiscal_year(&b), 2569);
	assert_int_equal(text_fiscal_year(&c), 2570);
	assert_int_equal(text_fiscal_year(&e), 2568);
	assert_int_equal(text_fiscal_year(&f), 2569);
}

/* Numbers written for export: plain decimals, the fewest digits that read
 * back to the same double (worked out by hand: 0.1 + 0.2 is the double
 * 0.3000000000000000444..., whose shortest exact form has 17 digits). */
static void test_format_number(void **state)
{
	static const struct { double v; const char *want; } cases[] = {
		{ 0.00001, "0.00001" },
		{ 73.5, "73.5" },
		{ 42, "42" },
		{ -0.5, "-0.5" },
		{ 0, "0" },
		{ 1.0 / 3, "0.3333333333333333" },
		{ 0.1 + 0.2, "0.30000000000000004" },
		{ 12345678901234567.0, "12345678901234568" },   /* the nearest double */
		{ 9007199254740992.0, "9007199254740992" },     /* 2^53 */
		{ 9007199254740993.0, "9007199254740992" },     /* rounds to 2^53 */
		{ 1e21, "1000000000000000000000" },
		{ 1234567.125, "1234567.125" },
		{ 0.000000123, "0.000000123" },
	};
	char out[400];
	double back;
	size_t i;
	unsigned seed = 2569;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(text_format_number(cases[i].v, out, sizeof out), 0);
		assert_string_equal(out, cases[i].want);
	}
	/* every double comes back exactly through text_parse_number, which
	 * takes no exponent: so none was written */
	for (i = 0; i < 20000; i++) {
		union { double d; uint64_t u; } x;

		seed = seed * 1103515245u + 12345u;
		x.u = ((uint64_t)seed << 32) ^ (uint64_t)(seed * 2654435761u) ^ ((uint64_t)i << 17);
		if (!isfinite(x.d))
			continue;
		assert_int_equal(text_format_number(x.d, out, sizeof out), 0);
		assert_int_equal(text_parse_number(out, &back), 0);
		assert_true(back == x.d);
	}
	assert_int_equal(text_format_number(5e-324, out, sizeof out), 0);
	assert_int_equal(text_parse_number(out, &back), 0);
	assert_true(back == 5e-324);
	assert_int_equal(text_format_number(1.0 / 0.0, out, sizeof out), -1);
	/* what was typed, kept exactly or not */
	assert_int_equal(text_parse_number("73.50", &back), 0);
	assert_true(text_number_exact("73.50", back));
	assert_int_equal(text_parse_number("๐๐๑๒.๕", &back), 0);
	assert_true(text_number_exact("๐๐๑๒.๕", back));
	assert_int_equal(text_parse_number("0.1", &back), 0);
	assert_true(text_number_exact("0.1", back));
	assert_int_equal(text_parse_number("9007199254740992", &back), 0);
	assert_true(text_number_exact("9007199254740992", back));
	assert_int_equal(text_parse_number("9007199254740993", &back), 0);
	assert_false(text_number_exact("9007199254740993", back));
	assert_int_equal(text_parse_number("0.10000000000000000555", &back), 0);
	assert_false(text_number_exact("0.10000000000000000555", back));
	assert_int_equal(text_format_number(73.5, out, 3), -1);
}

/* What the fuzzer found (tests/fuzz): each case worked out by hand. */
static void test_fuzz_findings(void **state)
{
	struct text_date d;
	char out[32];
	int ab, ba;

	(void)state;
	/* a Buddhist year whose Gregorian year reads as Buddhist again would
	 * read back as another year: the two eras' spans never overlap */
	assert_int_equal(text_parse_date("4200-12-31", &d), -1);
	assert_int_equal(text_parse_date("2943-12-31", &d), -1);
	assert_int_equal(text_parse_date("2743-12-31", &d), 0);   /* 2200 CE */
	assert_int_equal(d.year, 2200);
	text_format_iso(&d, out, sizeof out);
	assert_string_equal(out, "2200-12-31");
	assert_int_equal(text_parse_date(out, &d), 0);
	assert_int_equal(d.year, 2200);
	/* a leading vowel after tone marks only: libthai read past the end,
	 * and the order came out both ways */
	ab = text_collate("ก่เ", strlen("ก่เ"), "ก้เ", strlen("ก้เ"));
	ba = text_collate("ก้เ", strlen("ก้เ"), "ก่เ", strlen("ก่เ"));
	assert_int_equal(ab, -ba);
	assert_true(ab != 0);
	/* a text that fits the columns but not the buffer is cut, and the
	 * ellipsis takes its columns too: "นน้" is 2 columns, "..." 3 */
	assert_int_equal(text_truncate(out, 7, "นน้", 3, 0, 1), 3);
	assert_string_equal(out, "...");
	assert_int_equal(text_truncate(out, 7, "นน้", 3, 0, 0), 2);
	assert_string_equal(out, "น…");
	/* a buffer that runs out before a zero-width part: never wider than
	 * asked ("a" 1 + " " 1 = 2 columns; no room for the ellipsis) */
	assert_true(text_truncate(out, 4, "a \u0E48", 2, 0, 1) <= 2);
	assert_true(text_width(out) <= 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width_thai),
		cmocka_unit_test(test_width_locale),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_truncate_exact),
		cmocka_unit_test(test_truncate_words),
		cmocka_unit_test(test_truncate_widths),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_no_spaces),
		cmocka_unit_test(test_wrap_mixed),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_word_starts),
		cmocka_unit_test(test_show_marks),
		cmocka_unit_test(test_input_order),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_fuzz_findings),
		cmocka_unit_test(test_collate_thai),
		cmocka_unit_test(test_collate_mixed),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_fiscal_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
