/* widget.c - curses faces of struct edit: a single-line field and a text
 * area drawn from the model's layout, keys mapped onto its operations
 * (with the terminal's Ctrl-Left / Ctrl-Right found at run time), and the
 * text handed to $VISUAL / $EDITOR and taken back.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE   /* mkstemps */
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "routemap/edit.h"
#include "routemap/files.h"
#include "routemap/i18n.h"
#include "routemap/text.h"
#include "routemap/ui.h"
#include "routemap/widget.h"

/* ------------------------------------------------------------ drawing */

/* Set W's attributes to ATTR (colour pair included). */
static void set_attr(WINDOW *w, attr_t attr)
{
	wattr_set(w, attr, (short)PAIR_NUMBER(attr), NULL);
}

/* Draw S[0, LEN) (whole clusters, WIDTH columns as edit_width counts
 * them) at W's cursor, then spaces up to COLS columns. */
static void put_slice(WINDOW *w, const char *s, size_t len, int width, int cols, attr_t attr)
{
	int y, x;

	getyx(w, y, x);
	if (len > 0 && width <= cols) {
		char *r = edit_render(s, len);

		if (r) {
			waddstr(w, r);
			free(r);
		} else {
			width = 0;
		}
	} else {
		width = 0;
	}
	if (width < cols)
		mvwhline(w, y, x + width, (chtype)' ' | (chtype)attr, cols - width);
}

void widget_field_draw(WINDOW *w, int y, int x, int width, struct edit *e, attr_t attr,
		       int focused)
{
	struct edit_view v;
	attr_t old_attr;
	short old_pair;

	if (width <= 0)
		return;
	edit_field_view(e, width, &v);
	wattr_get(w, &old_attr, &old_pair, NULL);
	set_attr(w, attr);
	wmove(w, y, x);
	put_slice(w, edit_text(e) + v.start, v.end - v.start, v.width, width, attr);
	wattr_set(w, old_attr, old_pair, NULL);
	if (focused)
		wmove(w, y, x + (v.cursor_col < width ? v.cursor_col : width - 1));
}

void widget_area_draw(WINDOW *w, int y, int x, int width, int height, struct edit *e,
		      attr_t attr, int focused)
{
	const struct edit_layout *l;
	size_t top = 0, crow = 0, r;
	int ccol = 0, ok;
	attr_t old_attr;
	short old_pair;

	if (width <= 0 || height <= 0)
		return;
	edit_set_wrap(e, width, height);
	ok = edit_area_view(e, height, &top, &crow, &ccol) == 0;
	l = ok ? edit_layout(e) : NULL;
	wattr_get(w, &old_attr, &old_pair, NULL);
	set_attr(w, attr);
	for (r = 0; r < (size_t)height; r++) {
		wmove(w, y + (int)r, x);
		if (l && top + r < l->n) {
			const struct edit_line *ln = &l->v[top + r];

			put_slice(w, edit_text(e) + ln->start, ln->end - ln->start, ln->width,
				  width, attr);
		} else {
			put_slice(w, "", 0, 0, width, attr);
		}
	}
	wattr_set(w, old_attr, old_pair, NULL);
	if (focused && l)
		wmove(w, y + (int)(crow - top), x + (ccol < width ? ccol : width - 1));
}

/* --------------------------------------------------------------- keys */

/* Key codes of Ctrl-Left / Ctrl-Right / Ctrl-Home / Ctrl-End, 0 when the
 * terminal has none. */
static int code_ctrl_left, code_ctrl_right, code_ctrl_home, code_ctrl_end;
static int keys_ready;

/* The key code get_wch returns for the terminfo string capability CAP, or
 * 0. */
static int cap_code(const char *cap)
{
	char *s = tigetstr(cap);
	int k;

	if (!s || s == (char *)-1)
		return 0;
	k = key_defined(s);
	return k > 0 ? k : 0;
}

/* A key code that no key of this terminal uses, for our own
 * definitions. */
static int free_code(void)
{
	static int next = KEY_MAX + 0x400;

	while (next < KEY_MAX + 0x800 && has_key(next))
		next++;
	return next++;
}

/* Make every sequence of SEQS that the terminal does not know yet report
 * *CODE (taken from free_code when still 0). */
static void define_fallbacks(const char *const *seqs, int *code)
{
	for (; *seqs; seqs++) {
		if (key_defined(*seqs) != 0)
			continue;   /* taken, or a prefix of a longer key */
		if (*code <= 0)
			*code = free_code();
		define_key(*seqs, *code);
	}
}

void widget_keys_init(void)
{
	/* xterm and most today; old xterm; rxvt; PuTTY's default, where Ctrl
	 * flips between the cursor key modes: only where the terminal
	 * description leaves the sequence free */
	static const char *const left[] = {
		"\033[1;5D", "\033[5D", "\033Od", "\033[D", "\033OD", NULL,
	};
	static const char *const right[] = {
		"\033[1;5C", "\033[5C", "\033Oc", "\033[C", "\033OC", NULL,
	};

	/* Home and End as PuTTY (by default), rxvt, xterm and the Linux
	 * console send them, whatever TERM says */
	static const char *const home[] = {
		"\033[1~", "\033[7~", "\033[H", "\033OH", NULL,
	};
	static const char *const end[] = {
		"\033[4~", "\033[8~", "\033[F", "\033OF", NULL,
	};
	static const char *const ctrl_home[] = { "\033[1;5H", NULL };
	static const char *const ctrl_end[] = { "\033[1;5F", NULL };
	int k_home = KEY_HOME, k_end = KEY_END;

	if (keys_ready)
		return;
	keys_ready = 1;
	code_ctrl_left = cap_code("kLFT5");
	code_ctrl_right = cap_code("kRIT5");
	code_ctrl_home = cap_code("kHOM5");
	code_ctrl_end = cap_code("kEND5");
	define_fallbacks(left, &code_ctrl_left);
	define_fallbacks(right, &code_ctrl_right);
	define_fallbacks(home, &k_home);
	define_fallbacks(end, &k_end);
	define_fallbacks(ctrl_home, &code_ctrl_home);
	define_fallbacks(ctrl_end, &code_ctrl_end);
}

int widget_ctrl_arrow(int status, wint_t ch)
{
	widget_keys_init();
	if (status != KEY_CODE_YES)
		return 0;
	if (code_ctrl_left > 0 && (int)ch == code_ctrl_left)
		return -1;
	if (code_ctrl_right > 0 && (int)ch == code_ctrl_right)
		return 1;
	return 0;
}

/* The result of a cursor move. */
static int moved(int r)
{
	return r == EDIT_NOMEM ? WIDGET_REFUSED : WIDGET_MOVED;
}

/* The result of Up, Down, PgUp, PgDn: at an edge the caller may use the
 * key (to move to another field). */
static int moved_vertical(int r)
{
	if (r == EDIT_UNCHANGED)
		return WIDGET_IGNORED;
	return moved(r);
}

/* The result of an edit. */
static int edited(int r)
{
	switch (r) {
	case EDIT_OK:
		return WIDGET_CHANGED;
	case EDIT_MOVED:
	case EDIT_UNCHANGED:
		return WIDGET_MOVED;
	default:
		return WIDGET_REFUSED;
	}
}

static int enter(struct edit *e)
{
	if (!(e->flags & EDIT_MULTILINE))
		return WIDGET_DONE;
	return edited(edit_insert(e, '\n'));
}

/* A named key (get_wch said KEY_CODE_YES). */
static int named_key(struct edit *e, int k)
{
	switch (k) {
	case KEY_LEFT:
		return moved(edit_left(e));
	case KEY_RIGHT:
		return moved(edit_right(e));
	case KEY_HOME:
		return moved(edit_home(e));
	case KEY_END:
		return moved(edit_end(e));
	case KEY_UP:
		return moved_vertical(edit_up(e));
	case KEY_DOWN:
		return moved_vertical(edit_down(e));
	case KEY_PPAGE:
		return moved_vertical(edit_page_up(e));
	case KEY_NPAGE:
		return moved_vertical(edit_page_down(e));
	case KEY_BACKSPACE:
		return edited(edit_backspace(e));
	case KEY_DC:
		return edited(edit_delete(e));
	case KEY_ENTER:
		return enter(e);
	default:
		break;
	}
	if (code_ctrl_left > 0 && k == code_ctrl_left)
		return moved(edit_word_left(e));
	if (code_ctrl_right > 0 && k == code_ctrl_right)
		return moved(edit_word_right(e));
	if (code_ctrl_home > 0 && k == code_ctrl_home)
		return moved(edit_set_cursor(e, 0));
	if (code_ctrl_end > 0 && k == code_ctrl_end)
		return moved(edit_set_cursor(e, edit_len(e)));
	return WIDGET_IGNORED;
}

int widget_key(struct edit *e, int status, wint_t ch)
{
	widget_keys_init();
	if (status == KEY_CODE_YES)
		return named_key(e, (int)ch);
	if (status != OK)
		return WIDGET_IGNORED;
	switch (ch) {
	case 27:
		return WIDGET_CANCEL;
	case 5:   /* Ctrl-E */
		return WIDGET_EXTERNAL;
	case 21:  /* Ctrl-U */
		return edited(edit_kill_line(e, 0));
	case 11:  /* Ctrl-K */
		return edited(edit_kill_line(e, 1));
	case '\n':
	case '\r':
		return enter(e);
	case 127:
	case 8:
		return edited(edit_backspace(e));
	default:
		break;
	}
	if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0))
		return WIDGET_IGNORED;   /* Tab, Ctrl-L, Ctrl-C...: the caller's */
	return edited(edit_insert(e, (uint32_t)ch));
}

/* ---------------------------------------------------- external editor */

#define MAX_ARGS 32
#define MAX_FILE (16 * 1024 * 1024)

/* Read the file PATH into a malloc'd buffer (*LEN bytes, NUL added).
 * NULL with errno set on error (EFBIG when over MAX_FILE). */
static char *read_file(const char *path, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC), saved;

	if (fd < 0)
		return NULL;
	buf = malloc(cap);
	if (!buf)
		goto fail;
	for (;;) {
		ssize_t k;

		if (n + 1 >= cap) {
			char *t;

			if (cap > MAX_FILE) {
				errno = EFBIG;
				goto fail;
			}
			t = realloc(buf, cap * 2);
			if (!t)
				goto fail;
			buf = t;
			cap *= 2;
		}
		k = read(fd, buf + n, cap - n - 1);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	saved = errno;
	free(buf);
	close(fd);
	errno = saved;
	return NULL;
}

/* Split the editor command CMD (modified in place) on spaces into ARGV,
 * then FILE; returns the count, 0 when CMD has no words. */
static int split_command(char *cmd, const char *file, char **argv)
{
	int n = 0;
	char *p = cmd;

	while (*p && n < MAX_ARGS - 2) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (n == 0)
		return 0;
	argv[n++] = (char *)file;
	argv[n] = NULL;
	return n;
}

/* Wait for the editor PID into *STATUS.  When the program is told to end
 * meanwhile (the line dropped), the editor is told too (SIGHUP: editors
 * save or keep what they can) and given five seconds, then stopped: one
 * that ignores the hang-up must not keep the text waiting for ever. */
static int wait_editor(pid_t pid, int *status)
{
	long long deadline = 0;

	for (;;) {
		/* told before the wait began (during the exec pipe's read):
		 * a blocking wait would not see it */
		pid_t r = waitpid(pid, status, deadline || ui_stopping() ? WNOHANG : 0);

		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (ui_stopping() && !deadline) {
			kill(pid, SIGHUP);
			deadline = ui_now_ms() + 5000;
		} else if (deadline && ui_now_ms() > deadline) {
			kill(pid, SIGKILL);
			deadline = ui_now_ms() + 60000;   /* (it cannot refuse that) */
		}
		if (deadline)
			usleep(100000);
	}
}

/* Run ARGV with the terminal, ignoring the keyboard's signals meanwhile as
 * system() does.  Returns the wait status, or -1 with an errno; a failed
 * exec comes back as errno through a close-on-exec pipe. */
static int run_editor(char *const *argv, int *exec_errno)
{
	struct sigaction ign, old_int, old_quit;
	int pfd[2], status = -1, err = 0;
	pid_t pid;

	*exec_errno = 0;
	if (pipe(pfd) < 0)
		return -1;
	if (fcntl(pfd[1], F_SETFD, FD_CLOEXEC) < 0 || fcntl(pfd[0], F_SETFD, FD_CLOEXEC) < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		int e;

		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		close(pfd[0]);
		execvp(argv[0], argv);
		e = errno;
		if (write(pfd[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	if (pid < 0) {
		err = errno;
	} else {
		close(pfd[1]);
		pfd[1] = -1;
		while (read(pfd[0], exec_errno, sizeof *exec_errno) < 0 && errno == EINTR)
			;
		if (wait_editor(pid, &status) < 0) {
			err = errno;
			status = -1;
		}
	}
	close(pfd[0]);
	if (pfd[1] >= 0)
		close(pfd[1]);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (status == -1)
		errno = err;
	return status;
}

/* True when S is NULL or has only spaces and tabs. */
static int blank(const char *s)
{
	return !s || s[strspn(s, " \t")] == '\0';
}

/* The message for an edit_import refusal of BUF at AT. */
static void import_message(int r, const char *buf, size_t at, char *errbuf, size_t errsize)
{
	size_t i, line = 1;

	for (i = 0; i < at; i++)
		line += buf[i] == '\n';
	switch (r) {
	case EDIT_IMPORT_UTF8:
		snprintf(errbuf, errsize, _("line %zu: the text is not UTF-8; nothing was changed"),
			 line);
		break;
	case EDIT_IMPORT_NUL:
		snprintf(errbuf, errsize, _("line %zu: the text has a NUL byte; nothing was changed"),
			 line);
		break;
	case EDIT_IMPORT_CONTROL:
		snprintf(errbuf, errsize,
			 _("line %zu: the text has a control character; nothing was changed"), line);
		break;
	case EDIT_IMPORT_NUMBER:
		snprintf(errbuf, errsize, "%s", _("this field takes a number; nothing was changed"));
		break;
	case EDIT_IMPORT_LONG:
		snprintf(errbuf, errsize, "%s", _("the text is too long; nothing was changed"));
		break;
	case EDIT_IMPORT_ENCODING:
		snprintf(errbuf, errsize, _("line %zu: this looks like Thai saved as Windows-874, not "
					    "UTF-8; nothing was changed"), line);
		break;
	default:
		snprintf(errbuf, errsize, "%s", _("out of memory; nothing was changed"));
		break;
	}
}

/* A private temporary file (mode 0600) in $TMPDIR or /tmp holding E's
 * text and the newline editors expect at the end; its name into PATH
 * (SIZE bytes).  Returns 0, or -1 with a message in ERRBUF and no file
 * left behind. */
static int write_temp(const struct edit *e, char *path, size_t size, char *errbuf,
		      size_t errsize)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	if ((size_t)snprintf(path, size, "%s/routemap-XXXXXX.txt", dir) >= size) {
		snprintf(errbuf, errsize, "%s", _("the temporary directory name is too long"));
		return -1;
	}
	fd = mkstemps(path, 4);
	if (fd < 0) {
		snprintf(errbuf, errsize, _("%s: cannot create a temporary file: %s"), dir,
			 rm_strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) < 0 || file_write_all(fd, edit_text(e), edit_len(e)) < 0 ||
	    file_write_all(fd, "\n", 1) < 0) {
		snprintf(errbuf, errsize, _("%s: cannot write: %s"), path, rm_strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	if (close(fd) < 0) {
		snprintf(errbuf, errsize, _("%s: cannot write: %s"), path, rm_strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

/* Take into E what the editor EDITOR left in PATH after it ended with
 * STATUS (waitpid's).  Returns as widget_external_edit does; *KEEP is
 * set when the file must stay (its text was not taken; ERRBUF says so). */
static int take_back(struct edit *e, const char *path, int status, const char *editor,
		     char *errbuf, size_t errsize, int *keep)
{
	char *buf, *text = NULL;
	size_t len = 0, at = 0;
	int failed, unchanged, r, ret = -1;

	buf = read_file(path, &len);
	if (!buf) {
		snprintf(errbuf, errsize, _("%s: cannot read: %s"), path,
			 errno == EFBIG ? _("the file is too large") : rm_strerror(errno));
		*keep = 1;
		return -1;
	}
	failed = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	unchanged = len == edit_len(e) + 1 && memcmp(buf, edit_text(e), edit_len(e)) == 0;
	/* An editor that says it failed (vi's :cq) is not taken at its word,
	 * unless the line dropped (SIGHUP): then what it left is saved. */
	if (failed && !ui_stopping()) {
		if (unchanged)
			snprintf(errbuf, errsize, _("%s did not finish normally; nothing was changed"),
				 editor);
		else
			snprintf(errbuf, errsize, _("%s did not finish normally, so its text was not "
						    "taken; it is kept in %s"), editor, path);
		*keep = !unchanged;
		free(buf);
		return -1;
	}
	r = edit_import(e, buf, len, &text, &at);
	if (r != EDIT_IMPORT_OK) {
		size_t n;

		import_message(r, buf, at, errbuf, errsize);
		n = strlen(errbuf);
		snprintf(errbuf + n, errsize - n, _("; the text is kept in %s"), path);
		*keep = 1;
	} else {
		switch (edit_set_text(e, text)) {
		case EDIT_OK:
			ret = 0;
			break;
		case EDIT_UNCHANGED:
			ret = 1;
			break;
		default:
			snprintf(errbuf, errsize, _("out of memory; the text is kept in %s"), path);
			*keep = 1;
			break;
		}
	}
	free(buf);
	free(text);
	return ret;
}

int widget_external_edit(struct edit *e, char *errbuf, size_t errsize)
{
	const char *cmd = getenv("VISUAL");
	char path[4096], *cmdbuf = NULL, *argv[MAX_ARGS];
	int status, exec_errno = 0, ret = -1, keep = 0;

	if (errsize > 0)
		errbuf[0] = '\0';
	if (blank(cmd))
		cmd = getenv("EDITOR");
	if (blank(cmd))
		cmd = "vi";
	if (write_temp(e, path, sizeof path, errbuf, errsize) < 0)
		return -1;
	cmdbuf = strdup(cmd);
	if (!cmdbuf || split_command(cmdbuf, path, argv) == 0) {
		snprintf(errbuf, errsize, "%s", _("out of memory; nothing was changed"));
		goto out;
	}

	def_prog_mode();
	endwin();
	status = run_editor(argv, &exec_errno);
	if (status == -1)
		exec_errno = errno;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();

	if (status == -1 || exec_errno != 0)
		snprintf(errbuf, errsize, _("cannot run %s: %s"), argv[0], rm_strerror(exec_errno));
	else
		ret = take_back(e, path, status, argv[0], errbuf, errsize, &keep);
out:
	if (!keep)
		unlink(path);
	free(cmdbuf);
	return ret;
}
