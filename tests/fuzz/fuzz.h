/* fuzz.h - what the libFuzzer harnesses of tests/fuzz/ share: the entry
 * points libFuzzer calls, a check that aborts with its place and
 * condition (so that libFuzzer saves the input as a crash), and small
 * helpers over UTF-8.
 */
#ifndef ROUTEMAP_FUZZ_H
#define ROUTEMAP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routemap/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Report a broken property and abort: libFuzzer then writes the input
 * to a crash-* file. */
static inline _Noreturn void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	fflush(stderr);
	abort();
}

#define CHECK(cond) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, #cond); \
	} while (0)

/* A malloc'd NUL-terminated copy of DATA (SIZE bytes); a NUL inside ends
 * the string early, as it would for any C caller.  Aborts when out of
 * memory (libFuzzer's -malloc_limit_mb is what stops runaway sizes). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* True when S (LEN bytes) is valid UTF-8. */
static inline int fuzz_valid_utf8(const char *s, size_t len)
{
	return utf8_invalid_at(s, len) < 0;
}

/* True when S (LEN bytes) holds code point CP anywhere in [LO, HI]. */
static inline int fuzz_has_cp_in(const char *s, size_t len, uint32_t lo, uint32_t hi)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0) {
			i++;
			continue;
		}
		if (cp >= lo && cp <= hi)
			return 1;
		i += (size_t)n;
	}
	return 0;
}

#endif
