/* date.c - dates as Thai offices write them, and as routemap shows them.
 *
 * Stored dates are ISO and Gregorian ("2026-01-15"); people type the day
 * first, the month as a number or by its Thai name, the year in the
 * Buddhist Era, often in two digits, sometimes in Thai digits.  The reader
 * below takes all of that; what it cannot place in one era it refuses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "routemap/i18n.h"
#include "routemap/text.h"

#define BE_OFFSET 543
#define CE_FIRST 1900
#define CE_LAST 2200

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* The names a month goes by, dots left out: Thai short, long and spoken
 * ("มกรา"), English short and long (the Gregorian calendar shows
 * "20 Jan 2026"). */
#define MONTH_NAMES 5
static const char *const month_names[12][MONTH_NAMES] = {
	{ "มค", "มกราคม", "มกรา", "jan", "january" },
	{ "กพ", "กุมภาพันธ์", "กุมภา", "feb", "february" },
	{ "มีค", "มีนาคม", "มีนา", "mar", "march" },
	{ "เมย", "เมษายน", "เมษา", "apr", "april" },
	{ "พค", "พฤษภาคม", "พฤษภา", "may", "may" },
	{ "มิย", "มิถุนายน", "มิถุนา", "jun", "june" },
	{ "กค", "กรกฎาคม", "กรกฎา", "jul", "july" },
	{ "สค", "สิงหาคม", "สิงหา", "aug", "august" },
	{ "กย", "กันยายน", "กันยา", "sep", "september" },
	{ "ตค", "ตุลาคม", "ตุลา", "oct", "october" },
	{ "พย", "พฤศจิกายน", "พฤศจิกา", "nov", "november" },
	{ "ธค", "ธันวาคม", "ธันวา", "dec", "december" },
};

enum era { ERA_ANY, ERA_BE, ERA_CE };

/* A reading position in the typed date (ASCII digits by now). */
struct scan {
	const char *p, *end;
};

static int at_digit(const struct scan *s)
{
	return s->p < s->end && *s->p >= '0' && *s->p <= '9';
}

static void skip_spaces(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
}

/* The digits at S (1 to 4 of them) as a number, their count in *NDIG; -1
 * when there are none or more than 4. */
static int read_number(struct scan *s, int *ndig)
{
	int v = 0;

	*ndig = 0;
	while (at_digit(s)) {
		if (++*ndig > 4)
			return -1;
		v = v * 10 + (*s->p++ - '0');
	}
	return *ndig ? v : -1;
}

/* The word at S (up to a digit or a space), lower-cased ASCII, the dots
 * of an abbreviation ("ม.ค.") left out, into OUT.  0, or -1 when there is
 * none, it is too long, or a dot stands first or after another. */
static int read_word(struct scan *s, char *out, size_t size)
{
	size_t n = 0;
	char last = 0;

	while (s->p < s->end && !at_digit(s) && *s->p != ' ' && *s->p != '\t') {
		char c = *s->p++;

		if (c == '.') {
			if (!n || last == '.')
				return -1;
			last = c;
			continue;
		}
		last = c;
		if (n + 1 >= size)
			return -1;
		out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	return n ? 0 : -1;
}

static int month_by_name(const char *word)
{
	int m, k;

	for (m = 0; m < 12; m++)
		for (k = 0; k < MONTH_NAMES; k++)
			if (strcmp(word, month_names[m][k]) == 0)
				return m + 1;
	return -1;
}

/* The era WORD names (ERA_BE, ERA_CE), or -1. */
static int era_by_name(const char *word)
{
	if (!strcmp(word, "พศ") || !strcmp(word, "be"))
		return ERA_BE;
	if (!strcmp(word, "คศ") || !strcmp(word, "ce") || !strcmp(word, "ad"))
		return ERA_CE;
	return -1;
}

/* The Gregorian year of Y written in NDIG digits in ERA, or -1 when it is
 * in no era of ours: two digits are Buddhist 25xx, four are Buddhist from
 * 2443 to 2743 and Gregorian from 1900 to 2200. */
static int gregorian_year(int y, int ndig, enum era era)
{
	if (ndig == 2)
		return era == ERA_CE ? 2000 + y : 2500 + y - BE_OFFSET;
	if (ndig != 4)
		return -1;
	if (era != ERA_CE && y >= CE_FIRST + BE_OFFSET && y <= CE_LAST + BE_OFFSET)
		return y - BE_OFFSET;
	if (era != ERA_BE && y >= CE_FIRST && y <= CE_LAST)
		return y;
	return -1;
}

/* SEP (one of - / .) with spaces around it, as the separator at S: the
 * first of a date (*SEP 0 on entry, set here) or the same again.  0, or
 * -1 when there is none or another. */
static int read_separator(struct scan *s, char *sep)
{
	skip_spaces(s);
	if (s->p >= s->end || (*s->p != '-' && *s->p != '/' && *s->p != '.') ||
	    (*sep && *s->p != *sep))
		return -1;
	*sep = *s->p++;
	skip_spaces(s);
	return 0;
}

/* "2569-01-15", "2026/1/15": the year first, then month and day. */
static int read_year_first(struct scan *s, int *y, int *ny, int *m, int *d)
{
	char sep = 0;
	int n;

	*y = read_number(s, ny);
	if (*ny != 4 || read_separator(s, &sep) < 0)
		return -1;
	*m = read_number(s, &n);
	if (n > 2 || read_separator(s, &sep) < 0)
		return -1;
	*d = read_number(s, &n);
	return n > 2 || s->p != s->end ? -1 : 0;
}

/* "15/1/2569", "15-01-69", "15 ม.ค. 2569", "15 มกราคม พ.ศ. 2569": the day
 * first, the month by number or name, perhaps an era, the year. */
static int read_day_first(struct scan *s, int *y, int *ny, int *m, int *d, enum era *era)
{
	char word[64];
	int n;

	*d = read_number(s, &n);
	if (n > 2 || s->p >= s->end)
		return -1;
	skip_spaces(s);
	if (s->p < s->end && (*s->p == '/' || *s->p == '-' || *s->p == '.')) {
		char sep = 0;

		if (read_separator(s, &sep) < 0)
			return -1;
		*m = read_number(s, &n);
		if (n > 2 || read_separator(s, &sep) < 0)
			return -1;
	} else {
		if (read_word(s, word, sizeof word) < 0 || (*m = month_by_name(word)) < 0)
			return -1;
		skip_spaces(s);
		if (!at_digit(s)) {
			int e;

			if (read_word(s, word, sizeof word) < 0 || (e = era_by_name(word)) < 0)
				return -1;
			*era = (enum era)e;
			skip_spaces(s);
		}
	}
	*y = read_number(s, ny);
	return *y < 0 || s->p != s->end ? -1 : 0;
}

int text_parse_date(const char *typed, struct text_date *d)
{
	char *ascii = text_ascii_digits(typed);
	struct scan s;
	enum era era = ERA_ANY;
	int y, ny = 0, m = 0, dd = 0, rc;
	size_t i;

	if (!ascii)
		return -1;
	s.p = ascii;
	s.end = ascii + strlen(ascii);
	skip_spaces(&s);
	while (s.end > s.p && (s.end[-1] == ' ' || s.end[-1] == '\t'))
		s.end--;
	for (i = 0; s.p + i < s.end && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		;
	rc = i == 4 ? read_year_first(&s, &y, &ny, &m, &dd)
		    : read_day_first(&s, &y, &ny, &m, &dd, &era);
	free(ascii);
	if (rc < 0 || (y = gregorian_year(y, ny, era)) < 0)
		return -1;
	if (m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m))
		return -1;
	d->year = y;
	d->month = m;
	d->day = dd;
	return 0;
}

const char *text_date_forms(void)
{
	return _("write it as 15/1/2569, 15 ม.ค. 2569 or 2569-01-15 (a year from 2443 to 2743 BE, "
		 "or 1900 to 2200 CE)");
}

static int buddhist_era = 1;

void text_calendar(int buddhist)
{
	buddhist_era = buddhist;
}

int text_calendar_buddhist(void)
{
	return buddhist_era;
}

int text_format_time(time_t t, char *out, size_t size)
{
	struct tm local;
	struct text_date d;
	char date[64];

	if (!localtime_r(&t, &local))
		return -1;
	d.year = local.tm_year + 1900;
	d.month = local.tm_mon + 1;
	d.day = local.tm_mday;
	text_format_date(&d, buddhist_era, date, sizeof date);
	snprintf(out, size, "%s %02d:%02d", date, local.tm_hour, local.tm_min);
	return 0;
}

void text_format_timestamp(const char *at, char *out, size_t size)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (!at || sscanf(at, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
			  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, size, "%s", at ? at : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (t == (time_t)-1 || text_format_time(t, out, size) < 0)
		snprintf(out, size, "%s", at);
}

void text_format_iso(const struct text_date *d, char *out, size_t size)
{
	snprintf(out, size, "%04d-%02d-%02d", d->year, d->month, d->day);
}

void text_format_typed(const struct text_date *d, int buddhist, char *out, size_t size)
{
	snprintf(out, size, "%d/%d/%d", d->day, d->month, buddhist ? d->year + BE_OFFSET : d->year);
}

void text_format_date(const struct text_date *d, int buddhist, char *out, size_t size)
{
	static const char *const th[] = {
		"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
	};
	static const char *const en[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	};
	int m = d->month >= 1 && d->month <= 12 ? d->month - 1 : 0;

	if (buddhist)
		snprintf(out, size, "%d %s %d", d->day, th[m], d->year + BE_OFFSET);
	else
		snprintf(out, size, "%d %s %d", d->day, en[m], d->year);
}

void text_format_stored_date(const char *iso, int buddhist, char *out, size_t size)
{
	struct text_date d;

	if (!iso || text_parse_date(iso, &d) < 0)
		snprintf(out, size, "%s", iso ? iso : "");
	else
		text_format_date(&d, buddhist, out, size);
}

int text_fiscal_year(const struct text_date *d)
{
	return (d->month >= 10 ? d->year + 1 : d->year) + BE_OFFSET;
}

void text_today(struct text_date *d)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}
