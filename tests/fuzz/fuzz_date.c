/* fuzz_date.c - libFuzzer harness of the dates of the Thai text engine
 * (text.h) and of aar_parse_date (aar.h).
 *
 * The input, as a C string, is a typed date.  On input shaped
 * "YYYY-MM-DD" (ASCII or Thai digits, spaces and tabs around)
 * text_parse_date must agree with a plain reference reading (a year from
 * 2443 to 2743 is Buddhist Era, from 1900 to 2200 Gregorian, others
 * refused); any date it accepts must lie from 1900 to 2200 CE, format into
 * the documented buffer sizes without overflow, read back to itself from
 * every form it is shown or offered in (ISO, "20 ม.ค. 2569", "20 Jan 2026",
 * "20/1/2569"), and fall in a sane fiscal year; aar_parse_date must give
 * the same ISO text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "routemap/aar.h"
#include "routemap/text.h"

/* The value of an ASCII or Thai digit (U+0E50..U+0E59) at S (LEN bytes)
 * with its length in *N, or -1. */
static int ref_digit(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 1 && u[0] >= '0' && u[0] <= '9') {
		*n = 1;
		return u[0] - '0';
	}
	if (len >= 3 && u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
		*n = 3;
		return u[2] - 0x90;
	}
	return -1;
}

/* NDIG digits at S[*I] (up to LEN) into *V. */
static int ref_number(const char *s, size_t len, size_t *i, int ndig, int *v)
{
	int k;

	*v = 0;
	for (k = 0; k < ndig; k++) {
		size_t n;
		int d = ref_digit(s + *i, len - *i, &n);

		if (d < 0)
			return -1;
		*v = *v * 10 + d;
		*i += n;
	}
	return 0;
}

/* The reference reading of a typed "YYYY-MM-DD", written from text.h's
 * promise rather than from date.c: returns 0 with the Gregorian date in *D,
 * -1 for input of another shape, -2 for an impossible date or a year in
 * neither era. */
static int ref_parse(const char *s, struct text_date *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t b = 0, e = strlen(s), i;
	int y, m, dd, leap, dim;

	while (b < e && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	i = b;
	if (ref_number(s, e, &i, 4, &y) < 0 || i >= e || s[i++] != '-' ||
	    ref_number(s, e, &i, 2, &m) < 0 || i >= e || s[i++] != '-' ||
	    ref_number(s, e, &i, 2, &dd) < 0 || i != e)
		return -1;
	if (y >= 2443 && y <= 2743)
		y -= 543;
	else if (y < 1900 || y > 2200)
		return -2;
	if (m < 1 || m > 12)
		return -2;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	dim = m == 2 && leap ? 29 : mdays[m - 1];
	if (dd < 1 || dd > dim)
		return -2;
	d->year = y;
	d->month = m;
	d->day = dd;
	return 0;
}

/* Format D into heap buffers of every size from 0 to FULL bytes, so that
 * ASan sees a write past the end; the FULL-byte result goes to OUT.  ERA:
 * -1 for ISO, else text_format_date's BUDDHIST. */
static void format_all_sizes(const struct text_date *d, int era, char *out, size_t full)
{
	size_t size;

	for (size = 0; size <= full; size++) {
		char *buf = malloc(size ? size : 1);

		if (!buf)
			abort();
		if (era < 0)
			text_format_iso(d, buf, size);
		else
			text_format_date(d, era, buf, size);
		if (size > 0) {
			CHECK(strlen(buf) < size);
			if (size == full)
				memcpy(out, buf, full);
		}
		free(buf);
	}
}

/* One typed date: the parser against the reference, then the formats,
 * the ISO round trip, the fiscal year and aar_parse_date. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	struct text_date d, ref, back;
	char iso[11], shown[40], want[40], typed[12];
	int ok, ref_ok, era;

	memset(&d, 0x55, sizeof d);
	ok = text_parse_date(s, &d);
	ref_ok = ref_parse(s, &ref);
	CHECK(ok == 0 || ok == -1);
	/* on ISO-shaped input the two agree */
	if (ref_ok != -1)
		CHECK((ok == 0) == (ref_ok == 0));
	/* aar_parse_date takes what text_parse_date takes */
	CHECK((aar_parse_date(s, typed, sizeof typed) == 0) == (ok == 0));
	if (ok < 0) {
		free(s);
		return 0;
	}
	if (ref_ok == 0)
		CHECK(d.year == ref.year && d.month == ref.month && d.day == ref.day);
	CHECK(d.year >= 1900 && d.year <= 2200);

	/* "YYYY-MM-DD" in exactly 11 bytes; the documented minimum of
	 * aar_parse_date */
	format_all_sizes(&d, -1, iso, sizeof iso);
	CHECK(strlen(iso) == 10);
	snprintf(want, sizeof want, "%04d-%02d-%02d", d.year, d.month, d.day);
	CHECK(strcmp(iso, want) == 0);
	CHECK(strcmp(typed, iso) == 0);

	/* what is stored reads back as the same day */
	CHECK(text_parse_date(iso, &back) == 0);
	CHECK(back.year == d.year && back.month == d.month && back.day == d.day);

	/* "20 ม.ค. 2569" / "20 Jan 2026": day, a month name, the year of
	 * the era; 32 bytes are plenty */
	for (era = 0; era <= 1; era++) {
		int day = 0, year = 0;
		const char *sp;

		format_all_sizes(&d, era, shown, 32);
		CHECK(fuzz_valid_utf8(shown, strlen(shown)));
		CHECK(sscanf(shown, "%d ", &day) == 1 && day == d.day);
		sp = strrchr(shown, ' ');
		CHECK(sp != NULL && sscanf(sp + 1, "%d", &year) == 1);
		CHECK(year == (era ? d.year + 543 : d.year));
		/* what is shown and what is offered for editing read back */
		CHECK(text_parse_date(shown, &back) == 0);
		CHECK(back.year == d.year && back.month == d.month && back.day == d.day);
		text_format_typed(&d, era, want, sizeof want);
		CHECK(text_parse_date(want, &back) == 0);
		CHECK(back.year == d.year && back.month == d.month && back.day == d.day);
	}

	/* the Thai fiscal year starts on 1 October and is Buddhist Era */
	CHECK(text_fiscal_year(&d) == d.year + 543 + (d.month >= 10));
	free(s);
	return 0;
}
