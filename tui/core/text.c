/* text.c - the Thai text engine: UTF-8, display widths and grapheme
 * clusters computed without the process locale, wrapping by columns, Thai
 * word breaks, input order and collation (libthai), Thai digits, numbers
 * and dates.  Cutting to fit is in textcut.c.
 *
 * Invalid UTF-8 bytes are never fatal here: each one counts as a cluster of
 * one byte and one column (the renderer shows it as a replacement glyph).
 */
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <wchar.h>

#include <thai/thbrk.h>
#include <thai/thcoll.h>
#include <thai/thinp.h>
#include <thai/thwbrk.h>
#include <thai/thwchar.h>

#include "routemap/escape.h"
#include "routemap/text.h"

/* ---------------------------------------------------------------- UTF-8 */

int utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int n, i;

	if (len == 0)
		return -1;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1;
	}
	if (len < (size_t)n)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

int utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

long utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0)
			return (long)i;
		i += (size_t)n;
	}
	return -1;
}

/* Decode at S (LEN > 0 bytes) for walking: an invalid byte yields U+FFFD
 * and a length of 1. */
static int decode_lax(const char *s, size_t len, uint32_t *cp)
{
	int n = utf8_decode(s, len, cp);

	if (n < 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* --------------------------------------------------------------- widths */

struct range { uint32_t lo, hi; };

/* The two tables below hold what glibc 2.36's wcwidth says under a UTF-8
 * locale (Unicode 15.0), so that our layout agrees with what ncurses draws
 * while not depending on the process locale.  Sorted, not overlapping. */

/* Zero-width code points: combining marks (general categories Mn and Me),
 * Hangul medial vowels and final consonants, and invisible format
 * characters such as U+200B..U+200F and U+FEFF. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x07A6, 0x07B0 },
	{ 0x07EB, 0x07F3 }, { 0x07FD, 0x07FD }, { 0x0816, 0x0819 },
	{ 0x081B, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082D },
	{ 0x0859, 0x085B }, { 0x0898, 0x089F }, { 0x08CA, 0x08E1 },
	{ 0x08E3, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C },
	{ 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09BC, 0x09BC },
	{ 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 },
	{ 0x09FE, 0x09FE }, { 0x0A01, 0x0A02 }, { 0x0A3C, 0x0A3C },
	{ 0x0A41, 0x0A42 }, { 0x0A47, 0x0A48 }, { 0x0A4B, 0x0A4D },
	{ 0x0A51, 0x0A51 }, { 0x0A70, 0x0A71 }, { 0x0A75, 0x0A75 },
	{ 0x0A81, 0x0A82 }, { 0x0ABC, 0x0ABC }, { 0x0AC1, 0x0AC5 },
	{ 0x0AC7, 0x0AC8 }, { 0x0ACD, 0x0ACD }, { 0x0AE2, 0x0AE3 },
	{ 0x0AFA, 0x0AFF }, { 0x0B01, 0x0B01 }, { 0x0B3C, 0x0B3C },
	{ 0x0B3F, 0x0B3F }, { 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B4D },
	{ 0x0B55, 0x0B56 }, { 0x0B62, 0x0B63 }, { 0x0B82, 0x0B82 },
	{ 0x0BC0, 0x0BC0 }, { 0x0BCD, 0x0BCD }, { 0x0C00, 0x0C00 },
	{ 0x0C04, 0x0C04 }, { 0x0C3C, 0x0C3C }, { 0x0C3E, 0x0C40 },
	{ 0x0C46, 0x0C48 }, { 0x0C4A, 0x0C4D }, { 0x0C55, 0x0C56 },
	{ 0x0C62, 0x0C63 }, { 0x0C81, 0x0C81 }, { 0x0CBC, 0x0CBC },
	{ 0x0CBF, 0x0CBF }, { 0x0CC6, 0x0CC6 }, { 0x0CCC, 0x0CCD },
	{ 0x0CE2, 0x0CE3 }, { 0x0D00, 0x0D01 }, { 0x0D3B, 0x0D3C },
	{ 0x0D41, 0x0D44 }, { 0x0D4D, 0x0D4D }, { 0x0D62, 0x0D63 },
	{ 0x0D81, 0x0D81 }, { 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD4 },
	{ 0x0DD6, 0x0DD6 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC },
	{ 0x0EC8, 0x0ECD }, { 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 },
	{ 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 }, { 0x0F71, 0x0F7E },
	{ 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 }, { 0x0F8D, 0x0F97 },
	{ 0x0F99, 0x0FBC }, { 0x0FC6, 0x0FC6 }, { 0x102D, 0x1030 },
	{ 0x1032, 0x1037 }, { 0x1039, 0x103A }, { 0x103D, 0x103E },
	{ 0x1058, 0x1059 }, { 0x105E, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108D, 0x108D },
	{ 0x109D, 0x109D }, { 0x1160, 0x11FF }, { 0x135D, 0x135F },
	{ 0x1712, 0x1714 }, { 0x1732, 0x1733 }, { 0x1752, 0x1753 },
	{ 0x1772, 0x1773 }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD },
	{ 0x180B, 0x180F }, { 0x1885, 0x1886 }, { 0x18A9, 0x18A9 },
	{ 0x1920, 0x1922 }, { 0x1927, 0x1928 }, { 0x1932, 0x1932 },
	{ 0x1939, 0x193B }, { 0x1A17, 0x1A18 }, { 0x1A1B, 0x1A1B },
	{ 0x1A56, 0x1A56 }, { 0x1A58, 0x1A5E }, { 0x1A60, 0x1A60 },
	{ 0x1A62, 0x1A62 }, { 0x1A65, 0x1A6C }, { 0x1A73, 0x1A7C },
	{ 0x1A7F, 0x1A7F }, { 0x1AB0, 0x1ACE }, { 0x1B00, 0x1B03 },
	{ 0x1B34, 0x1B34 }, { 0x1B36, 0x1B3A }, { 0x1B3C, 0x1B3C },
	{ 0x1B42, 0x1B42 }, { 0x1B6B, 0x1B73 }, { 0x1B80, 0x1B81 },
	{ 0x1BA2, 0x1BA5 }, { 0x1BA8, 0x1BA9 }, { 0x1BAB, 0x1BAD },
	{ 0x1BE6, 0x1BE6 }, { 0x1BE8, 0x1BE9 }, { 0x1BED, 0x1BED },
	{ 0x1BEF, 0x1BF1 }, { 0x1C2C, 0x1C33 }, { 0x1C36, 0x1C37 },
	{ 0x1CD0, 0x1CD2 }, { 0x1CD4, 0x1CE0 }, { 0x1CE2, 0x1CE8 },
	{ 0x1CED, 0x1CED }, { 0x1CF4, 0x1CF4 }, { 0x1CF8, 0x1CF9 },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206F }, { 0x20D0, 0x20F0 },
	{ 0x2CEF, 0x2CF1 }, { 0x2D7F, 0x2D7F }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xA66F, 0xA672 },
	{ 0xA674, 0xA67D }, { 0xA69E, 0xA69F }, { 0xA6F0, 0xA6F1 },
	{ 0xA802, 0xA802 }, { 0xA806, 0xA806 }, { 0xA80B, 0xA80B },
	{ 0xA825, 0xA826 }, { 0xA82C, 0xA82C }, { 0xA8C4, 0xA8C5 },
	{ 0xA8E0, 0xA8F1 }, { 0xA8FF, 0xA8FF }, { 0xA926, 0xA92D },
	{ 0xA947, 0xA951 }, { 0xA980, 0xA982 }, { 0xA9B3, 0xA9B3 },
	{ 0xA9B6, 0xA9B9 }, { 0xA9BC, 0xA9BD }, { 0xA9E5, 0xA9E5 },
	{ 0xAA29, 0xAA2E }, { 0xAA31, 0xAA32 }, { 0xAA35, 0xAA36 },
	{ 0xAA43, 0xAA43 }, { 0xAA4C, 0xAA4C }, { 0xAA7C, 0xAA7C },
	{ 0xAAB0, 0xAAB0 }, { 0xAAB2, 0xAAB4 }, { 0xAAB7, 0xAAB8 },
	{ 0xAABE, 0xAABF }, { 0xAAC1, 0xAAC1 }, { 0xAAEC, 0xAAED },
	{ 0xAAF6, 0xAAF6 }, { 0xABE5, 0xABE5 }, { 0xABE8, 0xABE8 },
	{ 0xABED, 0xABED }, { 0xD7B0, 0xD7C6 }, { 0xD7CB, 0xD7FB },
	{ 0xFB1E, 0xFB1E }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB }, { 0x101FD, 0x101FD },
	{ 0x102E0, 0x102E0 }, { 0x10376, 0x1037A }, { 0x10A01, 0x10A03 },
	{ 0x10A05, 0x10A06 }, { 0x10A0C, 0x10A0F }, { 0x10A38, 0x10A3A },
	{ 0x10A3F, 0x10A3F }, { 0x10AE5, 0x10AE6 }, { 0x10D24, 0x10D27 },
	{ 0x10EAB, 0x10EAC }, { 0x10F46, 0x10F50 }, { 0x10F82, 0x10F85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107F, 0x11081 }, { 0x110B3, 0x110B6 },
	{ 0x110B9, 0x110BA }, { 0x110C2, 0x110C2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112B }, { 0x1112D, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111B6, 0x111BE }, { 0x111C9, 0x111CC },
	{ 0x111CF, 0x111CF }, { 0x1122F, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123E, 0x1123E }, { 0x112DF, 0x112DF },
	{ 0x112E3, 0x112EA }, { 0x11300, 0x11301 }, { 0x1133B, 0x1133C },
	{ 0x11340, 0x11340 }, { 0x11366, 0x1136C }, { 0x11370, 0x11374 },
	{ 0x11438, 0x1143F }, { 0x11442, 0x11444 }, { 0x11446, 0x11446 },
	{ 0x1145E, 0x1145E }, { 0x114B3, 0x114B8 }, { 0x114BA, 0x114BA },
	{ 0x114BF, 0x114C0 }, { 0x114C2, 0x114C3 }, { 0x115B2, 0x115B5 },
	{ 0x115BC, 0x115BD }, { 0x115BF, 0x115C0 }, { 0x115DC, 0x115DD },
	{ 0x11633, 0x1163A }, { 0x1163D, 0x1163D }, { 0x1163F, 0x11640 },
	{ 0x116AB, 0x116AB }, { 0x116AD, 0x116AD }, { 0x116B0, 0x116B5 },
	{ 0x116B7, 0x116B7 }, { 0x1171D, 0x1171F }, { 0x11722, 0x11725 },
	{ 0x11727, 0x1172B }, { 0x1182F, 0x11837 }, { 0x11839, 0x1183A },
	{ 0x1193B, 0x1193C }, { 0x1193E, 0x1193E }, { 0x11943, 0x11943 },
	{ 0x119D4, 0x119D7 }, { 0x119DA, 0x119DB }, { 0x119E0, 0x119E0 },
	{ 0x11A01, 0x11A0A }, { 0x11A33, 0x11A38 }, { 0x11A3B, 0x11A3E },
	{ 0x11A47, 0x11A47 }, { 0x11A51, 0x11A56 }, { 0x11A59, 0x11A5B },
	{ 0x11A8A, 0x11A96 }, { 0x11A98, 0x11A99 }, { 0x11C30, 0x11C36 },
	{ 0x11C38, 0x11C3D }, { 0x11C3F, 0x11C3F }, { 0x11C92, 0x11CA7 },
	{ 0x11CAA, 0x11CB0 }, { 0x11CB2, 0x11CB3 }, { 0x11CB5, 0x11CB6 },
	{ 0x11D31, 0x11D36 }, { 0x11D3A, 0x11D3A }, { 0x11D3C, 0x11D3D },
	{ 0x11D3F, 0x11D45 }, { 0x11D47, 0x11D47 }, { 0x11D90, 0x11D91 },
	{ 0x11D95, 0x11D95 }, { 0x11D97, 0x11D97 }, { 0x11EF3, 0x11EF4 },
	{ 0x13430, 0x13438 }, { 0x16AF0, 0x16AF4 }, { 0x16B30, 0x16B36 },
	{ 0x16F4F, 0x16F4F }, { 0x16F8F, 0x16F92 }, { 0x16FE4, 0x16FE4 },
	{ 0x1BC9D, 0x1BC9E }, { 0x1BCA0, 0x1BCA3 }, { 0x1CF00, 0x1CF2D },
	{ 0x1CF30, 0x1CF46 }, { 0x1D167, 0x1D169 }, { 0x1D173, 0x1D182 },
	{ 0x1D185, 0x1D18B }, { 0x1D1AA, 0x1D1AD }, { 0x1D242, 0x1D244 },
	{ 0x1DA00, 0x1DA36 }, { 0x1DA3B, 0x1DA6C }, { 0x1DA75, 0x1DA75 },
	{ 0x1DA84, 0x1DA84 }, { 0x1DA9B, 0x1DA9F }, { 0x1DAA1, 0x1DAAF },
	{ 0x1E000, 0x1E006 }, { 0x1E008, 0x1E018 }, { 0x1E01B, 0x1E021 },
	{ 0x1E023, 0x1E024 }, { 0x1E026, 0x1E02A }, { 0x1E130, 0x1E136 },
	{ 0x1E2AE, 0x1E2AE }, { 0x1E2EC, 0x1E2EF }, { 0x1E8D0, 0x1E8D6 },
	{ 0x1E944, 0x1E94A }, { 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F },
	{ 0xE0100, 0xE01EF },
};

/* East Asian Wide and Fullwidth code points (2 columns): CJK, Hangul
 * syllables, fullwidth forms, most emoji. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x2E99 },
	{ 0x2E9B, 0x2EF3 }, { 0x2F00, 0x2FD5 }, { 0x2FF0, 0x2FFB },
	{ 0x3000, 0x3029 }, { 0x302E, 0x303E }, { 0x3041, 0x3096 },
	{ 0x309B, 0x30FF }, { 0x3105, 0x312F }, { 0x3131, 0x318E },
	{ 0x3190, 0x31E3 }, { 0x31F0, 0x321E }, { 0x3220, 0xA48C },
	{ 0xA490, 0xA4C6 }, { 0xA960, 0xA97C }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFA6D }, { 0xFA70, 0xFAD9 }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE52 }, { 0xFE54, 0xFE66 }, { 0xFE68, 0xFE6B },
	{ 0xFF01, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE3 },
	{ 0x16FF0, 0x16FF1 }, { 0x17000, 0x187F7 }, { 0x18800, 0x18CD5 },
	{ 0x18D00, 0x18D08 }, { 0x1AFF0, 0x1AFF3 }, { 0x1AFF5, 0x1AFFB },
	{ 0x1AFFD, 0x1AFFE }, { 0x1B000, 0x1B122 }, { 0x1B150, 0x1B152 },
	{ 0x1B164, 0x1B167 }, { 0x1B170, 0x1B2FB }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B }, { 0x1F240, 0x1F248 },
	{ 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 }, { 0x1F300, 0x1F320 },
	{ 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 },
	{ 0x1F3A0, 0x1F3CA }, { 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 },
	{ 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E }, { 0x1F440, 0x1F440 },
	{ 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E },
	{ 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 },
	{ 0x1F5A4, 0x1F5A4 }, { 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 },
	{ 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6D7 },
	{ 0x1F6DD, 0x1F6DF }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F7F0, 0x1F7F0 }, { 0x1F90C, 0x1F93A },
	{ 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FA74 },
	{ 0x1FA78, 0x1FA7C }, { 0x1FA80, 0x1FA86 }, { 0x1FA90, 0x1FAAC },
	{ 0x1FAB0, 0x1FABA }, { 0x1FAC0, 0x1FAC5 }, { 0x1FAD0, 0x1FAD9 },
	{ 0x1FAE0, 0x1FAE7 }, { 0x1FAF0, 0x1FAF6 }, { 0x20000, 0x2A6DF },
	{ 0x2A700, 0x2B738 }, { 0x2B740, 0x2B81D }, { 0x2B820, 0x2CEA1 },
	{ 0x2CEB0, 0x2EBE0 }, { 0x2F800, 0x2FA1D }, { 0x30000, 0x3134A },
};

static int in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (cp < t[0].lo || cp > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int text_is_mark(uint32_t cp)
{
	return cp >= 0x0300 && in_table(cp, zero_width, NELEM(zero_width));
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x7F)
		return cp >= 0x20;
	if (is_control(cp) || text_is_mark(cp))
		return 0;
	if (cp >= 0x1100 && in_table(cp, wide, NELEM(wide)))
		return 2;
	return 1;
}

/* A mark that is drawn (not an invisible format character): the ones that
 * need a dotted circle when they have no base. */
int text_is_visible_mark(uint32_t cp)
{
	static const struct range invisible[] = {
		{ 0x061C, 0x061C }, { 0x180B, 0x180F }, { 0x200B, 0x200F },
		{ 0x202A, 0x202E }, { 0x2060, 0x206F }, { 0xFE00, 0xFE0F },
		{ 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB }, { 0x1BCA0, 0x1BCA3 },
		{ 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
	};

	return text_is_mark(cp) && !in_table(cp, invisible, NELEM(invisible));
}

/* Thai SARA AM and Lao AM: spacing, but part of the syllable before. */
static int is_sara_am(uint32_t cp)
{
	return cp == 0x0E33 || cp == 0x0EB3;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

int text_width_n(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;

	if (len == (size_t)-1)
		len = strlen(s);
	while (i < len && w < INT_MAX - 2) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0) {
			w++;
			i++;
		} else {
			w += text_cp_width(cp);
			i += (size_t)n;
		}
	}
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, (size_t)-1);
}

/* ------------------------------------------------------------- clusters */

/* A cluster is a base with the marks after it; SARA AM (and marks after
 * it) join a Thai or Lao base.  A control character, a space, an invalid
 * byte and a mark with no base (at the start or after a space or a control)
 * are clusters of their own. */
size_t text_cluster_len(const char *s, size_t len)
{
	uint32_t base, cp;
	size_t i;
	int n;

	if (len == 0)
		return 0;
	n = utf8_decode(s, len, &base);
	if (n < 0)
		return 1;
	i = (size_t)n;
	if (is_control(base) || is_space(base) || text_is_mark(base))
		return i;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0)
			break;
		if (!text_is_mark(cp) &&
		    !(is_sara_am(cp) && base >= 0x0E00 && base <= 0x0EFF))
			break;
		i += (size_t)n;
	}
	return i;
}

/* ---------------------------------------------------------- word breaks */

static ThBrk *brk_cache;
static int brk_tried;

static void brk_free(void)
{
	if (brk_cache)
		th_brk_delete(brk_cache);
	brk_cache = NULL;
}

/* libthai's word breaker with its default dictionary, loaded once (it is
 * slow to load) and freed at exit.  NULL when it cannot be loaded: then
 * only spaces break. */
static ThBrk *get_brk(void)
{
	if (!brk_tried) {
		brk_tried = 1;
		brk_cache = th_brk_new(NULL);
		if (brk_cache)
			atexit(brk_free);
	}
	return brk_cache;
}

/* A word of a paragraph: bytes [start, end), no spaces inside. */
struct word {
	size_t start, end;
};

/* Split the paragraph P (LEN bytes, no newline) into words: runs of
 * non-space characters cut at libthai's word boundaries (only where a
 * cluster ends).  Returns a malloc'd array (count in *N; caller frees) or
 * NULL when out of memory. */
static struct word *split_words(const char *p, size_t len, size_t *n)
{
	wchar_t *wc = NULL;
	size_t *off = NULL, nwc = 0, i, nw = 0, next_brk = 0;
	unsigned char *brk_at = NULL;   /* byte offsets where a break may be */
	struct word *w = NULL;
	int *pos = NULL;
	ThBrk *brk;

	*n = 0;
	wc = malloc((len + 1) * sizeof *wc);
	off = malloc((len + 1) * sizeof *off);
	brk_at = calloc(len + 1, 1);
	w = malloc((len + 1) * sizeof *w);
	if (!wc || !off || !brk_at || !w)
		goto fail;
	for (i = 0; i < len; ) {
		uint32_t cp;
		int k = decode_lax(p + i, len - i, &cp);

		off[nwc] = i;
		wc[nwc++] = (cp == 0) ? 0xFFFD : (wchar_t)cp;
		i += (size_t)k;
	}
	off[nwc] = len;
	wc[nwc] = 0;

	brk = get_brk();
	if (brk && nwc > 0) {
		int m, j;

		pos = malloc((nwc + 1) * sizeof *pos);
		if (!pos)
			goto fail;
		m = th_brk_wc_find_breaks(brk, wc, pos, nwc + 1);
		for (j = 0; j < m; j++)
			if (pos[j] > 0 && (size_t)pos[j] < nwc)
				brk_at[off[pos[j]]] = 1;
	}

	/* Walk cluster by cluster, opening a word at a non-space cluster
	 * after a space or at a libthai break. */
	i = 0;
	while (i < len) {
		size_t c = text_cluster_len(p + i, len - i);
		uint32_t cp;

		decode_lax(p + i, len - i, &cp);
		if (is_space(cp)) {
			next_brk = 1;
		} else {
			if (nw == 0 || next_brk || brk_at[i]) {
				w[nw].start = i;
				nw++;
			}
			w[nw - 1].end = i + c;
			next_brk = 0;
		}
		i += c;
	}
	free(wc);
	free(off);
	free(brk_at);
	free(pos);
	*n = nw;
	return w;
fail:
	free(wc);
	free(off);
	free(brk_at);
	free(pos);
	free(w);
	return NULL;
}

/* A growing line buffer. */
struct linebuf {
	char *s;
	size_t len, cap;
	int width;
};

static int lb_add(struct linebuf *b, const char *src, size_t n, int w)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *t;

		while (cap < b->len + n + 1)
			cap *= 2;
		t = realloc(b->s, cap);
		if (!t)
			return -1;
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->len, src, n);
	b->len += n;
	b->s[b->len] = '\0';
	b->width += w;
	return 0;
}

/* Move the line in B (possibly empty) to the end of OUT. */
static int lines_push(struct text_lines *out, struct linebuf *b)
{
	char **v = realloc(out->v, (out->n + 1) * sizeof *v);

	if (!v)
		return -1;
	out->v = v;
	if (!b->s) {
		b->s = malloc(1);
		if (!b->s)
			return -1;
		b->s[0] = '\0';
	}
	out->v[out->n++] = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	b->width = 0;
	return 0;
}

/* Wrap one paragraph P (LEN bytes, no newline) into OUT: always at least
 * one line.  The paragraph's leading spaces are kept when they fit before
 * the first word; spaces where a line breaks are dropped. */
static int wrap_para(const char *p, size_t len, int cols, struct text_lines *out)
{
	struct linebuf b = { NULL, 0, 0, 0 };
	struct word *w;
	size_t nw, k, gap_start = 0;

	w = split_words(p, len, &nw);
	if (!w)
		return -1;
	for (k = 0; k < nw; k++) {
		const char *ws = p + w[k].start;
		size_t wl = w[k].end - w[k].start;
		int ww = text_width_n(ws, wl);
		int gw = text_width_n(p + gap_start, w[k].start - gap_start);

		if (b.width + gw + ww <= cols) {
			if (lb_add(&b, p + gap_start, w[k].start - gap_start, gw) < 0 ||
			    lb_add(&b, ws, wl, ww) < 0)
				goto fail;
		} else {
			size_t i = 0;

			if (b.len > 0 && lines_push(out, &b) < 0)
				goto fail;
			/* the word alone on a line, split between clusters
			 * when wider than a line */
			while (i < wl) {
				size_t c = text_cluster_len(ws + i, wl - i);
				int cw = text_width_n(ws + i, c);

				if (b.len > 0 && b.width + cw > cols &&
				    lines_push(out, &b) < 0)
					goto fail;
				if (lb_add(&b, ws + i, c, cw) < 0)
					goto fail;
				i += c;
			}
		}
		gap_start = w[k].end;
	}
	if (lines_push(out, &b) < 0)
		goto fail;
	free(w);
	return 0;
fail:
	free(b.s);
	free(w);
	return -1;
}

/* Empty input gives no lines; otherwise each '\n' ends a paragraph and
 * every paragraph gives at least one line, so "\n" gives two empty lines
 * and "abc\n" gives "abc" and "".  A CR before a newline is dropped.  A
 * single cluster wider than COLS (a CJK character at COLS 1) still gets a
 * line of its own. */
int text_wrap(const char *s, int cols, struct text_lines *out)
{
	size_t len = strlen(s), i = 0;

	out->v = NULL;
	out->n = 0;
	if (cols < 1)
		cols = 1;
	if (len == 0)
		return 0;
	for (;;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, pend = end;

		if (nl && pend > i && s[pend - 1] == '\r')
			pend--;
		if (wrap_para(s + i, pend - i, cols, out) < 0) {
			text_lines_free(out);
			return -1;
		}
		if (!nl)
			break;
		i = end + 1;
	}
	return 0;
}

void text_lines_free(struct text_lines *lines)
{
	size_t i;

	for (i = 0; i < lines->n; i++)
		free(lines->v[i]);
	free(lines->v);
	lines->v = NULL;
	lines->n = 0;
}

size_t *text_word_starts(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, cnt = 0, cap = 16;
	size_t *v = malloc(cap * sizeof *v);

	*n = 0;
	if (!v)
		return NULL;
	for (;;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, nw, k;
		struct word *w = split_words(s + i, end - i, &nw);

		if (!w) {
			free(v);
			return NULL;
		}
		for (k = 0; k < nw; k++) {
			if (cnt == cap) {
				size_t *t = realloc(v, 2 * cap * sizeof *v);

				if (!t) {
					free(w);
					free(v);
					return NULL;
				}
				v = t;
				cap *= 2;
			}
			v[cnt++] = i + w[k].start;
		}
		free(w);
		if (!nl)
			break;
		i = end + 1;
	}
	*n = cnt;
	return v;
}

int text_is_mark_base(uint32_t cp)
{
	return !is_space(cp) && !is_control(cp) && !text_is_mark(cp);
}

/* ------------------------------------------------------- marks, input */

char *text_show_marks(const char *s)
{
	size_t len = strlen(s), i = 0, pos = 0;
	/* a circle (3 bytes) goes before a mark of 2 bytes or more; an escape
	 * takes at most 8 bytes for one byte */
	char *out = malloc(len * 8 + 4);
	int has_base = 0, marks = 0;

	if (!out)
		return NULL;
	while (i < len) {
		char esc[12];
		uint32_t cp;
		size_t e;
		int k = (int)escape_next(s + i, len - i, ESC_NL_SPACE, esc, &e);

		if (e) {
			/* data never reaches the terminal as a control */
			memcpy(out + pos, esc, e);
			pos += e;
			i += (size_t)k;
			has_base = 0;
			continue;
		}
		utf8_decode(s + i, len - i, &cp);
		if (text_is_visible_mark(cp)) {
			/* no base, or a cell full of marks already: a circle */
			if (!has_base || marks == TEXT_CELL_MARKS) {
				pos += (size_t)utf8_encode(0x25CC, out + pos);
				marks = 0;
			}
			has_base = 1;
			marks++;
		} else {
			has_base = !is_space(cp) && !is_control(cp);
			marks = 0;
		}
		memcpy(out + pos, s + i, (size_t)k);
		pos += (size_t)k;
		i += (size_t)k;
	}
	out[pos] = '\0';
	return out;
}

/* Refusals follow libthai's strict level (WTT 2.0): both its basic and
 * strict levels refuse a tone or an above/below vowel with no consonant and
 * two tone marks in a row; strict also refuses a leading vowel typed twice
 * ("เเ" for "แ") and a following vowel after a leading vowel. */
int text_input_accepts(uint32_t prev, uint32_t next)
{
	thchar_t p, c;

	if (next < 0x0E00 || next > 0x0E7F)
		return 1;
	c = th_uni2tis((thwchar_t)next);
	if (c == THCHAR_ERR)
		return 1;   /* unassigned in the Thai block: not our business */
	p = th_uni2tis((thwchar_t)prev);
	if (p == THCHAR_ERR)
		p = 'A';    /* some other script: no Thai base */
	return th_isaccept(p, c, ISC_STRICT) != 0;
}

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

/* ------------------------------------------------------------ collation */

/* Convert S (LEN bytes of UTF-8) to TIS-620 in DST (LEN + 1 bytes) for
 * th_strcoll: characters outside TIS-620 (and invalid bytes) become 0xFF
 * (libthai's THCHAR_ERR), which then compare equal to each other; the
 * string stops at a NUL.  DST holds LEN + COLLATE_PAD bytes. */
#define COLLATE_PAD 4   /* NULs after the text: see to_tis */

static void to_tis(const char *s, size_t len, unsigned char *dst)
{
	size_t i = 0, pos = 0;

	while (i < len) {
		uint32_t cp;
		int k = decode_lax(s + i, len - i, &cp);

		if (cp == 0)
			break;
		dst[pos++] = cp > 0xFFFF ? 0xFF : th_uni2tis((thwchar_t)cp);
		i += (size_t)k;
	}
	/* th_strcoll looks past the end after a leading vowel followed by
	 * tone marks only ("ก่เ"): NULs there, not whatever the buffer held */
	memset(dst + pos, 0, COLLATE_PAD);
}

/* libthai 0.1.29 declares th_wcstrcoll in <thai/thwcoll.h> but does not
 * export it from the shared library, so the strings go through TIS-620
 * and th_strcoll. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned char abuf[256], bbuf[256], *ta = abuf, *tb = bbuf;
	int r = 0;

	if (alen + COLLATE_PAD > sizeof abuf)
		ta = malloc(alen + COLLATE_PAD);
	if (blen + COLLATE_PAD > sizeof bbuf)
		tb = malloc(blen + COLLATE_PAD);
	if (ta && tb) {
		to_tis(a, alen, ta);
		to_tis(b, blen, tb);
		r = th_strcoll(ta, tb);
	}
	if (ta != abuf)
		free(ta);
	if (tb != bbuf)
		free(tb);
	if (r == 0) {
		r = memcmp(a, b, alen < blen ? alen : blen);
		if (r == 0)
			r = (alen > blen) - (alen < blen);
	}
	return r < 0 ? -1 : r > 0;
}

