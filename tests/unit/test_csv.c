/* test_csv.c - the RFC 4180 reader and writer, with Thai fixtures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/csv.h"

/* Read all of IN (LEN bytes) and describe it in OUT: each record's fields
 * joined by '|', each field prefixed with its line as "L:", records ended
 * by ";".  Returns what the last csv_read returned (0 or -1). */
static int dump(const char *in, size_t len, char *out, size_t size, struct rm_error *err)
{
	struct csv_reader r;
	size_t pos = 0, i;
	int rc;

	out[0] = '\0';
	if (csv_reader_init(&r, "หน่วย.csv", in, len, err) < 0)
		return -1;
	while ((rc = csv_read(&r, err)) == 1) {
		for (i = 0; i < r.nfields; i++) {
			assert_int_equal(strlen(r.fields[i].text), r.fields[i].len);
			pos += (size_t)snprintf(out + pos, size - pos, "%s%d:%s",
						i ? "|" : "", r.fields[i].line,
						r.fields[i].text);
			assert_true(pos < size);
		}
		pos += (size_t)snprintf(out + pos, size - pos, ";");
		assert_true(pos < size);
	}
	csv_reader_free(&r);
	return rc;
}

#define DUMP(in, out, err) dump(in, strlen(in), out, sizeof out, err)

static void test_plain(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP("รหัส,ชื่อ,อำเภอ\n10001,รพ.สต.บ้านโนน,เมืองขอนแก่น\n",
			      out, &err), 0);
	assert_string_equal(out, "1:รหัส|1:ชื่อ|1:อำเภอ;"
			    "2:10001|2:รพ.สต.บ้านโนน|2:เมืองขอนแก่น;");
}

static void test_quotes(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP("\"ศพด. \"\"ดอกคูน\"\"\",\"ก\"\n", out, &err), 0);
	assert_string_equal(out, "1:ศพด. \"ดอกคูน\"|1:ก;");
	assert_int_equal(DUMP("\"\"\"\",\"\"\n", out, &err), 0);
	assert_string_equal(out, "1:\"|1:;");
}

static void test_commas_newlines_inside(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP("\"ขอนแก่น, ชัยภูมิ\",\"บรรทัดแรก\r\nบรรทัดสอง\",ค่า\r\n"
			      "ต่อ,ไป,\"ก\nข\"\n",
			      out, &err), 0);
	assert_string_equal(out, "1:ขอนแก่น, ชัยภูมิ|1:บรรทัดแรก\nบรรทัดสอง|2:ค่า;"
			    "3:ต่อ|3:ไป|3:ก\nข;");
}

static void test_crlf_and_cr(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP("ก,ข\r\nค,ง\r\n", out, &err), 0);
	assert_string_equal(out, "1:ก|1:ข;2:ค|2:ง;");
	assert_int_equal(DUMP("ก,ข\rค,ง\r", out, &err), 0);
	assert_string_equal(out, "1:ก|1:ข;2:ค|2:ง;");
}

static void test_bom(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP("\xEF\xBB\xBFชื่อ,ค่า\r\nน้ำ,๑๒\r\n", out, &err), 0);
	assert_string_equal(out, "1:ชื่อ|1:ค่า;2:น้ำ|2:๑๒;");
	assert_int_equal(DUMP("\xEF\xBB\xBF", out, &err), 0);
	assert_string_equal(out, "");
}

static void test_invalid_utf8(void **state)
{
	char out[1024];
	struct rm_error err = { 0, "" };

	(void)state;
	/* a Thai letter cut short, in field 2 of line 2 */
	assert_int_equal(DUMP("ชื่อ,ค่า\nกรม,ก\xE0\xB8\n", out, &err), -1);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_non_null(strstr(err.msg, "หน่วย.csv:2:2: invalid UTF-8"));
	/* TIS-620 "กา" on line 4 (a quoted line break counts), field 3 */
	assert_int_equal(DUMP("ก,ข,ค\n\"ง\nจ\",ฉ,ช\nซ,ฌ,\xA1\xD2\n", out, &err), -1);
	assert_non_null(strstr(err.msg, "หน่วย.csv:4:3: invalid UTF-8"));
	assert_non_null(strstr(err.msg, "0xA1"));
	/* a comma inside quotes does not count as a new field */
	assert_int_equal(DUMP("\"ก,ข\",\xFF\n", out, &err), -1);
	assert_non_null(strstr(err.msg, "หน่วย.csv:1:2: invalid UTF-8"));
	/* UTF-16 saved by a spreadsheet */
	assert_int_equal(dump("\xFF\xFE" "a\0", 4, out, sizeof out, &err), -1);
	assert_non_null(strstr(err.msg, "หน่วย.csv:1:1: invalid UTF-8"));
	assert_int_equal(dump("ก,a\0b\n", 8, out, sizeof out, &err), -1);
	assert_non_null(strstr(err.msg, "หน่วย.csv:1:2: NUL byte"));
}

static void test_unterminated(void **state)
{
	char out[1024];
	struct rm_error err = { 0, "" };

	(void)state;
	assert_int_equal(DUMP("ก,ข\nค,\"ง\nจ,ฉ\n", out, &err), -1);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_string_equal(err.msg,
			    "หน่วย.csv:2:2: unterminated quoted field (opened here)");
	assert_int_equal(DUMP("\"", out, &err), -1);
	assert_string_equal(err.msg,
			    "หน่วย.csv:1:1: unterminated quoted field (opened here)");
}

static void test_stray_quote(void **state)
{
	char out[1024];
	struct rm_error err = { 0, "" };

	(void)state;
	assert_int_equal(DUMP("ก,ข\nค,ศพด. \"ดอกคูน\"\n", out, &err), -1);
	assert_int_equal(err.status, RM_EXIT_RUNTIME);
	assert_non_null(strstr(err.msg, "หน่วย.csv:2:2: quote inside an unquoted field"));
	assert_int_equal(DUMP("ก, \"ข\"\n", out, &err), -1);
	assert_non_null(strstr(err.msg, "หน่วย.csv:1:2: quote inside an unquoted field"));
	assert_int_equal(DUMP("ก\n\"ข\"ค,ง\n", out, &err), -1);
	assert_string_equal(err.msg,
			    "หน่วย.csv:2:1: text after the closing quote of a field");
	assert_int_equal(DUMP("ก,\"ข\nค\" ,ง\n", out, &err), -1);
	assert_string_equal(err.msg,
			    "หน่วย.csv:2:2: text after the closing quote of a field");
}

static void test_empty_fields(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	assert_int_equal(DUMP(",,\n", out, &err), 0);
	assert_string_equal(out, "1:|1:|1:;");
	assert_int_equal(DUMP("ก,,ข,\n", out, &err), 0);
	assert_string_equal(out, "1:ก|1:|1:ข|1:;");
	assert_int_equal(DUMP("\"\"\n", out, &err), 0);
	assert_string_equal(out, "1:;");
}

static void test_lines(void **state)
{
	char out[1024];
	struct rm_error err;

	(void)state;
	/* last line without a newline */
	assert_int_equal(DUMP("ก,ข\nค,ง", out, &err), 0);
	assert_string_equal(out, "1:ก|1:ข;2:ค|2:ง;");
	/* a blank line in the middle is a record with one empty field */
	assert_int_equal(DUMP("ก\n\nข\n", out, &err), 0);
	assert_string_equal(out, "1:ก;2:;3:ข;");
	/* blank lines at the end are no records */
	assert_int_equal(DUMP("ก\n\n\r\n\n", out, &err), 0);
	assert_string_equal(out, "1:ก;");
	assert_int_equal(DUMP("", out, &err), 0);
	assert_string_equal(out, "");
	assert_int_equal(DUMP("\n", out, &err), 0);
	assert_string_equal(out, "");
}

static void test_record_line(void **state)
{
	static const char in[] = "\"ก\nข\",ค\nง,จ\n";
	struct csv_reader r;
	struct rm_error err;

	(void)state;
	assert_int_equal(csv_reader_init(&r, "x.csv", in, strlen(in), &err), 0);
	assert_int_equal(csv_read(&r, &err), 1);
	assert_int_equal(r.record_line, 1);
	assert_int_equal(r.fields[1].line, 2);
	assert_int_equal(csv_read(&r, &err), 1);
	assert_int_equal(r.record_line, 3);
	assert_string_equal(r.fields[0].text, "ง");
	assert_int_equal(csv_read(&r, &err), 0);
	assert_int_equal(csv_read(&r, &err), 0);
	csv_reader_free(&r);
}

/* Many records of many fields: the store and field array grow. */
static void test_big(void **state)
{
	size_t size = 200 * 60 * 40, pos = 0, n = 0;
	char *in = malloc(size);
	struct csv_reader r;
	struct rm_error err;
	int i, j;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < 200; i++) {
		for (j = 0; j < 60; j++)
			pos += (size_t)snprintf(in + pos, size - pos, "%s\"น้ำ %d,%d\"",
						j ? "," : "", i, j);
		in[pos++] = '\n';
	}
	assert_int_equal(csv_reader_init(&r, "big.csv", in, pos, &err), 0);
	while (csv_read(&r, &err) == 1) {
		char want[64];

		assert_int_equal(r.nfields, 60);
		snprintf(want, sizeof want, "น้ำ %zu,59", n);
		assert_string_equal(r.fields[59].text, want);
		assert_int_equal(r.fields[0].line, (int)n + 1);
		n++;
	}
	assert_int_equal(n, 200);
	csv_reader_free(&r);
	free(in);
}

/* Write FIELDS (N of them) as one record into a malloc'd string. */
static char *write_record(const char *const *fields, size_t n)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	for (i = 0; i < n; i++)
		csv_write_field(f, fields[i], i == 0);
	csv_write_end(f);
	fclose(f);
	return buf;
}

static void test_writer(void **state)
{
	static const char *const plain[] = { "กรม", "ค่ากลาง", "๑๒" };
	static const char *const tricky[] = {
		"ศพด. \"ดอกคูน\"", "ขอนแก่น, ชัยภูมิ", "บรรทัดแรก\nบรรทัดสอง",
		" นำหน้า", "ตามหลัง ", "", "\r", "\"", ",",
	};
	char *s;

	(void)state;
	s = write_record(plain, 3);
	assert_string_equal(s, "กรม,ค่ากลาง,๑๒\n");
	free(s);
	s = write_record(tricky, sizeof tricky / sizeof *tricky);
	assert_string_equal(s, "\"ศพด. \"\"ดอกคูน\"\"\",\"ขอนแก่น, ชัยภูมิ\","
			    "\"บรรทัดแรก\nบรรทัดสอง\",\" นำหน้า\",\"ตามหลัง \",,"
			    "\"\r\",\"\"\"\",\",\"\n");
	free(s);
}

static void roundtrip(const char *const *fields, size_t n)
{
	char *s = write_record(fields, n);
	struct csv_reader r;
	struct rm_error err;
	size_t i;

	assert_int_equal(csv_reader_init(&r, "rt.csv", s, strlen(s), &err), 0);
	assert_int_equal(csv_read(&r, &err), 1);
	assert_int_equal(r.nfields, n);
	for (i = 0; i < n; i++)
		assert_string_equal(r.fields[i].text, fields[i]);
	assert_int_equal(csv_read(&r, &err), 0);
	csv_reader_free(&r);
	free(s);
}

static void test_roundtrip(void **state)
{
	static const char *const tricky[] = {
		"ศพด. \"ดอกคูน\"", "ขอนแก่น, ชัยภูมิ", "บรรทัดแรก\nบรรทัดสอง",
		" นำหน้า", "ตามหลัง ", "", "\"\"", ",,", "\"น้ำ\"", "่ลอย",
		"ร้อยละ 73.5", "=1+1",
	};
	static const char *const one_empty[] = { "" };
	static const char *const empties[] = { "", "", "" };
	static const char *const quote_start[] = { "\"ก", "ข\"" };

	(void)state;
	roundtrip(tricky, sizeof tricky / sizeof *tricky);
	roundtrip(one_empty, 1);
	roundtrip(empties, 3);
	roundtrip(quote_start, 2);
}

/* A field that starts with U+FEFF is quoted, so that as the first field
 * of a file it is not read as a byte order mark (found by the fuzzer). */
static void test_leading_bom_field(void **state)
{
	static const char *const fields[] = { "\xEF\xBB\xBFรหัส", "ชื่อ" };
	struct rm_error err = { 0, "" };
	struct csv_reader r;
	char *s = write_record(fields, 2);

	(void)state;
	assert_string_equal(s, "\"\xEF\xBB\xBFรหัส\",ชื่อ\n");
	assert_int_equal(csv_reader_init(&r, "bom.csv", s, strlen(s), &err), 0);
	assert_int_equal(csv_read(&r, &err), 1);
	assert_string_equal(r.fields[0].text, "\xEF\xBB\xBFรหัส");
	csv_reader_free(&r);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_leading_bom_field),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_commas_newlines_inside),
		cmocka_unit_test(test_crlf_and_cr),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_record_line),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
