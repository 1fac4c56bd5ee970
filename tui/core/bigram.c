/* bigram.c - the search index's tokenizer: every two code points.
 *
 * Thai is written without spaces between words, so the search index
 * cannot cut texts into words; it indexes every pair of neighbouring code
 * points instead ("ตำบล" is ตำ ำบ บล).  A query of two code points or
 * more is then one FTS5 phrase of its pairs, which matches where the
 * pairs stand side by side: exactly where the query is a substring.  One
 * pair is the shortest query the index answers (SQLite's trigram
 * tokenizer needs three, and a two-letter Thai word had to scan every
 * text).  Latin letters fold to lower case (ASCII and Latin-1), so that
 * a search minds no case, as lower() does for the one-letter scan. */
#include <string.h>

#include "routemap/schema.h"

/* A byte that starts no valid UTF-8 sequence stands for itself as a
 * code point no text holds (U+DC80-U+DCFF, as Python's surrogateescape),
 * so that it neither folds nor matches a real letter. */
#define STRAY(b) (0xDC00u | (b))

/* The code point at S (N bytes left) and its length in bytes. */
static unsigned next_cp(const unsigned char *s, int n, int *len)
{
	unsigned c = s[0];
	int need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
	int i;

	*len = 1;
	if (need == 0)
		return c;
	if (need < 0 || need >= n)
		return STRAY(s[0]);
	c &= 0x3Fu >> need;
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return STRAY(s[0]);
		c = c << 6 | (s[i] & 0x3Fu);
	}
	/* overlong forms and surrogates are stray bytes too */
	if (c < (need == 1 ? 0x80u : need == 2 ? 0x800u : 0x10000u) || (c >= 0xD800 && c <= 0xDFFF) ||
	    c > 0x10FFFF)
		return STRAY(s[0]);
	*len = need + 1;
	return c;
}

/* C in lower case, for Latin letters; OUT gets its UTF-8 (at most 4
 * bytes); returns their number. */
static int fold_put(unsigned c, char *out)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		c += 0x20;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (char)(0x80 | (c >> 6 & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The tokenizer keeps no state: any non-NULL handle will do. */
static int bigram_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static char handle;

	(void)ctx;
	(void)argv;
	if (argc)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&handle;
	return SQLITE_OK;
}

static void bigram_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

/* Emit each pair of neighbouring code points of TEXT (N bytes) as a
 * token, with the byte range it covers. */
static int bigram_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
			   int (*token)(void *ctx, int tflags, const char *t, int nt, int start,
					int end))
{
	const unsigned char *s = (const unsigned char *)text;
	int at = 0, len1, len2, rc = SQLITE_OK;
	unsigned c1;

	(void)tok;
	(void)flags;
	if (n <= 0)
		return SQLITE_OK;
	c1 = next_cp(s, n, &len1);
	while (rc == SQLITE_OK && at + len1 < n) {
		unsigned c2 = next_cp(s + at + len1, n - at - len1, &len2);
		char pair[8];
		int k = fold_put(c1, pair);

		k += fold_put(c2, pair + k);
		rc = token(ctx, 0, pair, k, at, at + len1 + len2);
		at += len1;
		c1 = c2;
		len1 = len2;
	}
	return rc;
}

int schema_search_tokenizer(sqlite3 *db)
{
	static fts5_tokenizer bigram = { bigram_create, bigram_delete, bigram_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	int rc;

	/* SQLite hands out its FTS5 interface through a pointer-typed
	 * parameter of fts5() */
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (!api || api->iVersion < 2)
		return -1;
	rc = api->xCreateTokenizer(api, "rm_bigram", NULL, &bigram, NULL);
	return rc == SQLITE_OK ? 0 : -1;
}
