/* textnum.c - numbers as people write them: Thai or ASCII digits read
 * strictly, whatever the process locale, and written back as the fewest
 * plain digits that read back to the same value. */
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/text.h"
#include "text_int.h"

/* ------------------------------------------------------ digits, numbers */

/* The value of an ASCII or Thai digit at S (LEN bytes) with its byte
 * length in *N, or -1. */
static int digit_at(const char *s, size_t len, size_t *n)
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

char *text_ascii_digits(const char *s)
{
	size_t len = strlen(s), i = 0, pos = 0;
	char *out = malloc(len + 1);

	if (!out)
		return NULL;
	while (i < len) {
		size_t n;
		int d = digit_at(s + i, len - i, &n);

		if (d >= 0 && n == 3) {
			out[pos++] = (char)('0' + d);
			i += 3;
		} else {
			out[pos++] = s[i++];
		}
	}
	out[pos] = '\0';
	return out;
}

/* Turn S into "[-]DIGITS[.DIGITS]" in ASCII in OUT (SIZE bytes): surrounding
 * spaces dropped, Thai digits mapped, '+' dropped.  ALLOW_POINT: a decimal
 * part is allowed.  Returns 0 or -1 when S is not such a number. */
static int normalize_number(const char *s, int allow_point, char *out, size_t size)
{
	size_t len = strlen(s), i = 0, pos = 0, n;
	int digits = 0, d;

	while (i < len && is_space((unsigned char)s[i]))
		i++;
	while (len > i && is_space((unsigned char)s[len - 1]))
		len--;
	if (i < len && (s[i] == '+' || s[i] == '-')) {
		if (s[i] == '-')
			out[pos++] = '-';
		i++;
	}
	while (i < len && (d = digit_at(s + i, len - i, &n)) >= 0) {
		if (pos + 2 > size)
			return -1;
		out[pos++] = (char)('0' + d);
		digits++;
		i += n;
	}
	if (digits == 0)
		return -1;
	if (allow_point && i < len && s[i] == '.') {
		int frac = 0;

		out[pos++] = '.';
		i++;
		while (i < len && (d = digit_at(s + i, len - i, &n)) >= 0) {
			if (pos + 2 > size)
				return -1;
			out[pos++] = (char)('0' + d);
			frac++;
			i += n;
		}
		if (frac == 0)
			return -1;
	}
	if (i != len || pos + 1 > size)
		return -1;
	out[pos] = '\0';
	return 0;
}

int text_parse_int(const char *s, long long *out)
{
	char buf[64];
	const char *p;
	long long v = 0;
	int neg;

	if (normalize_number(s, 0, buf, sizeof buf) < 0)
		return -1;
	neg = buf[0] == '-';
	for (p = buf + neg; *p; p++) {
		int d = *p - '0';

		/* accumulate negatively: LLONG_MIN has no positive twin */
		if (v < (LLONG_MIN + d) / 10)
			return -1;
		v = v * 10 - d;
	}
	if (!neg) {
		if (v == LLONG_MIN)
			return -1;
		v = -v;
	}
	*out = v;
	return 0;
}

/* strtod in the "C" locale whatever LC_NUMERIC the program runs under. */
int text_parse_number(const char *s, double *out)
{
	static locale_t c_loc;
	locale_t old;
	char buf[512], *end;
	double v;

	if (normalize_number(s, 1, buf, sizeof buf) < 0)
		return -1;
	if (!c_loc) {
		c_loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
		if (!c_loc)
			return -1;
	}
	old = uselocale(c_loc);
	v = strtod(buf, &end);
	uselocale(old);
	if (*end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int text_format_number(double v, char *out, size_t size)
{
	static locale_t c_loc;
	char sci[40], digits[24], *e;
	locale_t old;
	size_t nd = 0, pos = 0, i;
	int p, exp10;
	double back = 0;

	if (size < 2 || !isfinite(v))
		return -1;
	if (v == 0) {
		snprintf(out, size, "0");
		return 0;
	}
	if (!c_loc) {
		c_loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
		if (!c_loc)
			return -1;
	}
	old = uselocale(c_loc);
	/* the fewest significant digits that read back to the same double */
	for (p = 1; p <= 17; p++) {
		snprintf(sci, sizeof sci, "%.*e", p - 1, v);
		back = strtod(sci, NULL);
		if (back == v)
			break;
	}
	uselocale(old);
	/* "-d.ddde[+-]XX" into its digits and exponent */
	for (i = sci[0] == '-'; sci[i] && sci[i] != 'e'; i++)
		if (sci[i] >= '0' && sci[i] <= '9' && nd < sizeof digits)
			digits[nd++] = sci[i];
	e = strchr(sci, 'e');
	if (!e || nd == 0)
		return -1;
	exp10 = atoi(e + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	/* sign, digits, zeros and the point: at most 1 + 17 + 330 + 2 */
	if (size < nd + (size_t)(exp10 < 0 ? -exp10 : exp10) + 4)
		return -1;
	if (v < 0)
		out[pos++] = '-';
	if (exp10 < 0) {
		out[pos++] = '0';
		out[pos++] = '.';
		for (p = exp10 + 1; p < 0; p++)
			out[pos++] = '0';
		memcpy(out + pos, digits, nd);
		pos += nd;
	} else {
		for (i = 0; i < nd || (int)i <= exp10; i++) {
			if ((int)i == exp10 + 1)
				out[pos++] = '.';
			out[pos++] = i < nd ? digits[i] : '0';
		}
	}
	out[pos] = '\0';
	return 0;
}

int text_number_exact(const char *s, double v)
{
	char in[512], out[400], *p, *dot;
	size_t n;

	if (normalize_number(s, 1, in, sizeof in) < 0 || text_format_number(v, out, sizeof out) < 0)
		return 0;
	/* the typed number written the way text_format_number writes it: no
	 * leading zeros, no trailing zeros after the point, no "-0" */
	p = in;
	if (*p == '-' || *p == '+')
		p++;
	while (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		memmove(p, p + 1, strlen(p));
	dot = strchr(p, '.');
	if (dot) {
		n = strlen(p);
		while (n > 0 && p[n - 1] == '0')
			p[--n] = '\0';
		if (n > 0 && p[n - 1] == '.')
			p[--n] = '\0';
	}
	if (strcmp(p, "0") == 0)
		return strcmp(out, "0") == 0;
	if (in[0] == '+')
		memmove(in, in + 1, strlen(in));
	return strcmp(in, out) == 0;
}

/* ---------------------------------------------------------------- baht */

int text_parse_baht(const char *s, double *out)
{
	char plain[256];
	size_t len = strlen(s), i = 0, o = 0, n;
	int group = 0, commas = 0, point = 0;
	double v;

	while (i < len) {
		if (s[i] == ',') {
			/* a comma closes a thousands group: 1-3 digits first, then 3 */
			if (point || group == 0 || group > 3 || (commas && group != 3))
				return -1;
			commas++;
			group = 0;
			i++;
			continue;
		}
		if (s[i] == '-')
			return -1;
		if (s[i] == '.') {
			if (commas && group != 3)
				return -1;
			point = 1;
		}
		else if (!point && digit_at(s + i, len - i, &n) >= 0)
			group++;
		n = digit_at(s + i, len - i, &n) >= 0 ? n : 1;
		if (o + n + 1 > sizeof plain)
			return -1;
		memcpy(plain + o, s + i, n);
		o += n;
		i += n;
	}
	plain[o] = '\0';
	if (commas && !point && group != 3)
		return -1;
	if (text_parse_number(plain, &v) < 0 || v < 0 || !text_number_exact(plain, v))
		return -1;
	*out = v;
	return 0;
}

void text_format_baht(double baht, char *out, size_t size)
{
	long long satang = llround(fabs(baht) * 100);
	char digits[32];
	size_t len, i, o = 0;

	if (size == 0)
		return;
	if (baht < 0 && satang && size > 1)
		out[o++] = '-';
	snprintf(digits, sizeof digits, "%lld", satang / 100);
	len = strlen(digits);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	if (satang % 100 && o + 4 < size)
		snprintf(out + o, size - o, ".%02lld", satang % 100);
}
