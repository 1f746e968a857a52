/* script.c -- scripted runs for the screen tests, like tig's: with
 * PILCROW_SCRIPT=FILE the input comes from FILE, one command a line, and the
 * screen goes to /dev/null (or to $PILCROW_TERM_OUT, for the tests that
 * check the bytes sent to the terminal).  A command is read only when the reader waits
 * for a key, so a test never sleeps.
 *
 *   keys jjk<Down><C-d>     keystrokes (blanks ignored; <Space> for a space)
 *   type /Massolo<Enter>    keystrokes, blanks included
 *   size 24 80              the terminal is now 24 rows by 80 columns
 *   dump NAME               the screen as text, to $PILCROW_DUMP_DIR/NAME
 *   dump-styles NAME        the same, then the colours and attributes
 *   click ROW COL           a mouse click
 *   wheel up|down ROW COL   the mouse wheel
 *   wait-index              index everything before the next command
 *   index N                 index N more cables (with PILCROW_INDEX_FIRST=N,
 *                           only N are indexed before the first screen)
 *   run COMMAND             runs COMMAND with the shell (to change a file
 *                           under the reader); fails the script if it fails
 *   # ...                   a comment
 *
 * Key names: <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Enter>
 * <Esc> <Tab> <BS> <Del> <Space> <F1> <C-x> <lt> (a '<'). */
#include "config.h"
#include "ui/script.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/keys.h"
#include "base/util.h"

static FILE *script;
static const char *script_path;
static size_t lineno;
static bool active;
/* the keys of the last keys or type line, however long */
static struct qkey {
	wint_t ch;
	bool is_key;
} *queue;
static size_t qhead, qlen, qcap;
static char *line;
static size_t line_cap;

bool script_active(void)
{
	return active;
}

bool script_start(void)
{
	script_path = getenv("PILCROW_SCRIPT");
	script = fopen(script_path, "r");
	if (!script) {
		fprintf(stderr, "pilcrow: %s: %s\n", script_path, strerror(errno));
		return false;
	}
	active = true;
	return true;
}

void script_finish(void)
{
	if (script)
		fclose(script);
	script = NULL;
	free(queue);
	queue = NULL;
	qhead = qlen = qcap = 0;
	free(line);
	line = NULL;
	line_cap = 0;
}

static void push(wint_t ch, bool is_key)
{
	grow_array((void **)&queue, &qcap, qhead + qlen + 1, sizeof(*queue));
	queue[qhead + qlen].ch = ch;
	queue[qhead + qlen].is_key = is_key;
	qlen++;
}

static void fail(const char *what)
{
	fprintf(stderr, "pilcrow: %s:%zu: %s\n", script_path, lineno, what);
	exit(2);
}

/* Queues the keys written in @s. */
static void parse_keys(const char *s, bool blanks)
{
	while (*s) {
		if (*s == '<') {
			const char *e = strchr(s, '>');
			size_t n = e ? (size_t)(e - s - 1) : 0;
			bool found = false;

			int code;
			bool is_key;

			if (!e)
				fail("a key name without its '>'");
			if (keys_name(s + 1, n, &code, &is_key)) {
				push((wint_t)code, is_key);
				found = true;
			}
			if (!found)
				fail("an unknown key name");
			s = e + 1;
			continue;
		}
		if ((*s == ' ' || *s == '\t') && !blanks) {
			s++;
			continue;
		}
		{
			mbstate_t st;
			wchar_t wc;
			size_t n;

			memset(&st, 0, sizeof(st));
			n = mbrtowc(&wc, s, strnlen(s, MB_LEN_MAX), &st);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				push((wint_t)(unsigned char)*s, false);
				n = 1;
			} else {
				push((wint_t)wc, false);
			}
			s += n;
		}
	}
}

static void dump_path(const char *name, char *out, size_t size)
{
	const char *dir = getenv("PILCROW_DUMP_DIR");

	snprintf(out, size, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
}

static void mouse(struct script_event *ev, mmask_t what, int y, int x)
{
	memset(&ev->mouse, 0, sizeof(ev->mouse));
	ev->mouse.y = y;
	ev->mouse.x = x;
	ev->mouse.bstate = what;
	ev->kind = SCRIPT_MOUSE;
}

void script_next(struct script_event *ev)
{
	for (;;) {
		char *arg, *nl;

		if (qlen) {
			ev->kind = SCRIPT_KEY;
			ev->key.code = (int)queue[qhead].ch;
			ev->key.is_key = queue[qhead].is_key;
			qhead++;
			qlen--;
			if (!qlen)
				qhead = 0;
			return;
		}
		ev->kind = SCRIPT_END;
		if (!script || getline(&line, &line_cap, script) < 0)
			return;
		lineno++;
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		arg = strchr(line, ' ');
		if (arg)
			*arg++ = '\0';
		else
			arg = line + strlen(line);
		if (strcmp(line, "keys") == 0) {
			parse_keys(arg, false);
		} else if (strcmp(line, "type") == 0) {
			parse_keys(arg, true);
		} else if (strcmp(line, "size") == 0) {
			if (sscanf(arg, "%d %d", &ev->rows, &ev->cols) != 2 || ev->rows < 1 || ev->cols < 1 ||
			    ev->rows > 1000 || ev->cols > 1000)
				fail("size wants ROWS COLS");
			ev->kind = SCRIPT_RESIZE;
			return;
		} else if (strcmp(line, "dump") == 0 || strcmp(line, "dump-styles") == 0) {
			dump_path(arg, ev->path, sizeof(ev->path));
			ev->styles = strcmp(line, "dump-styles") == 0;
			ev->kind = SCRIPT_DUMP;
			return;
		} else if (strcmp(line, "wait-index") == 0) {
			ev->kind = SCRIPT_WAIT_INDEX;
			return;
		} else if (strcmp(line, "index") == 0) {
			char *end;

			ev->n = strtoul(arg, &end, 10);
			if (end == arg || *end)
				fail("index wants a number of cables");
			ev->kind = SCRIPT_INDEX;
			return;
		} else if (strcmp(line, "run") == 0) {
			fflush(NULL);
			if (!*arg || system(arg) != 0)
				fail("the command failed");
		} else if (strcmp(line, "click") == 0 || strcmp(line, "wheel") == 0) {
			int y, x;
			char dir[8] = "";

			if (strcmp(line, "click") == 0) {
				if (sscanf(arg, "%d %d", &y, &x) != 2)
					fail("click wants ROW COL");
				mouse(ev, BUTTON1_CLICKED, y, x);
			} else {
				if (sscanf(arg, "%7s %d %d", dir, &y, &x) != 3)
					fail("wheel wants up|down ROW COL");
				mouse(ev, strcmp(dir, "up") == 0 ? BUTTON4_PRESSED : BUTTON5_PRESSED, y, x);
			}
			return;
		} else {
			fail("an unknown command");
		}
	}
}

