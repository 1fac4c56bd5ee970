/* i18n.c - finding the message catalogue. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routemap/buf.h"
#include "routemap/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* Does DIR (LEN bytes) + SUFFIX hold the Thai catalogue?  Then *OUT gets
 * that directory (malloc'd). */
static int find_catalogue(const char *dir, size_t len, const char *suffix, char **out)
{
	struct buf b = { 0 };
	struct stat sb;
	size_t keep;

	buf_add(&b, dir, len);
	buf_puts(&b, suffix);
	keep = b.len;
	buf_puts(&b, "/th/LC_MESSAGES/routemap.mo");
	if (b.oom || stat(b.s, &sb) != 0) {
		buf_free(&b);
		return 0;
	}
	b.s[keep] = '\0';
	*out = buf_take(&b);
	return *out != NULL;
}

void i18n_init(const char *language)
{
	char exe[PATH_MAX], *dir = NULL;
	ssize_t n;

	/* gettext honours LANGUAGE in any locale but plain C; the screens need
	 * a UTF-8 locale anyway, and C.UTF-8 is on every Debian machine. */
	setenv("LANGUAGE", language, 1);
	if (!find_catalogue(LOCALEDIR, strlen(LOCALEDIR), "", &dir)) {
		/* Run from the source tree: build/routemap or ./routemap. */
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			const char *slash;

			exe[n] = '\0';
			slash = strrchr(exe, '/');
			if (slash && !find_catalogue(exe, (size_t)(slash - exe), "/locale", &dir))
				find_catalogue(exe, (size_t)(slash - exe), "/build/locale", &dir);
		}
	}
	bindtextdomain("routemap", dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("routemap", "UTF-8");
	textdomain("routemap");
	free(dir);
}
