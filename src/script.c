/* script.c -- scripted runs for the screen tests, like tig's: with
 * PILCROW_SCRIPT=FILE the keys come from FILE, one command a line, and the
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
 * <Esc> <Tab> <BS> <Space> <F1> <C-x> <lt> (a '<'). */
#include "config.h"
#include "ui_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define QUEUE_MAX 4096

static FILE *script;
static const char *script_path;
static size_t lineno;
static bool active;
static struct {
	wint_t ch;
	bool is_key;
} queue[QUEUE_MAX];
static size_t qhead, qlen;

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
}

static void push(wint_t ch, bool is_key)
{
	if (qhead + qlen < QUEUE_MAX) {
		queue[qhead + qlen].ch = ch;
		queue[qhead + qlen].is_key = is_key;
		qlen++;
	}
}

static const struct {
	const char *name;
	int code;
	bool is_key;
} names[] = {
	{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true }, { "Left", KEY_LEFT, true },
	{ "Right", KEY_RIGHT, true }, { "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Home", KEY_HOME, true }, { "End", KEY_END, true }, { "F1", KEY_F(1), true },
	{ "BS", KEY_BACKSPACE, true }, { "Enter", '\r', false }, { "Esc", 27, false },
	{ "Tab", '\t', false }, { "Space", ' ', false }, { "lt", '<', false },
};

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

			if (!e)
				fail("a key name without its '>'");
			if (n == 3 && s[1] == 'C' && s[2] == '-') {
				push((wint_t)CTRL(s[3]), false);
				found = true;
			}
			for (size_t i = 0; !found && i < sizeof(names) / sizeof(names[0]); i++) {
				if (strlen(names[i].name) == n && strncmp(names[i].name, s + 1, n) == 0) {
					push((wint_t)names[i].code, names[i].is_key);
					found = true;
				}
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
			n = mbrtowc(&wc, s, strlen(s), &st);
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

static char *dump_path(const char *name)
{
	const char *dir = getenv("PILCROW_DUMP_DIR");

	return xasprintf("%s%s%s", dir ? dir : "", dir ? "/" : "", name);
}

/* The mouse event the script made, handed out by script_mouse(). */
static MEVENT pending_mouse;
static bool have_mouse;

static void mouse(mmask_t what, int y, int x)
{
	memset(&pending_mouse, 0, sizeof(pending_mouse));
	pending_mouse.y = y;
	pending_mouse.x = x;
	pending_mouse.bstate = what;
	have_mouse = true;
}

bool script_mouse(MEVENT *ev)
{
	if (!have_mouse)
		return false;
	*ev = pending_mouse;
	have_mouse = false;
	return true;
}

int script_next(struct ui *u, wint_t *ch)
{
	char line[4096];

	for (;;) {
		char *arg, *nl;

		if (qlen) {
			*ch = queue[qhead].ch;
			bool is_key = queue[qhead].is_key;

			qhead++;
			qlen--;
			if (!qlen)
				qhead = 0;
			return is_key ? KEY_CODE_YES : OK;
		}
		if (!script || !fgets(line, sizeof(line), script))
			return ERR;
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
			int rows, cols;

			if (sscanf(arg, "%d %d", &rows, &cols) != 2 || rows < 1 || cols < 1 || rows > 1000 ||
			    cols > 1000)
				fail("size wants ROWS COLS");
			resize_term(rows, cols);
			*ch = KEY_RESIZE;
			return KEY_CODE_YES;
		} else if (strcmp(line, "dump") == 0 || strcmp(line, "dump-styles") == 0) {
			char *path = dump_path(arg);

			if (!screen_dump(path, strcmp(line, "dump-styles") == 0))
				fail("cannot write the dump");
			free(path);
		} else if (strcmp(line, "wait-index") == 0) {
			ui_wait_index(u);
			*ch = KEY_RESIZE;      /* a no-op key: the screen is drawn again */
			return KEY_CODE_YES;
		} else if (strcmp(line, "index") == 0) {
			char *end;
			unsigned long n = strtoul(arg, &end, 10);

			if (end == arg || *end)
				fail("index wants a number of cables");
			ui_index_records(u, n);
			*ch = KEY_RESIZE;
			return KEY_CODE_YES;
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
				mouse(BUTTON1_CLICKED, y, x);
			} else {
				if (sscanf(arg, "%7s %d %d", dir, &y, &x) != 3)
					fail("wheel wants up|down ROW COL");
				mouse(strcmp(dir, "up") == 0 ? BUTTON4_PRESSED : BUTTON5_PRESSED, y, x);
			}
			*ch = KEY_MOUSE;
			return KEY_CODE_YES;
		} else {
			fail("an unknown command");
		}
	}
}

/* ------------------------------------------------------------ dumps */

static const char *pair_name(short p)
{
	static const char *const lv[LEVEL_COUNT] = { "none", "U", "SBU", "C", "S", "TS" };
	static char tmp[32];

	if (p >= PAIR_BANNER && p < PAIR_BANNER + LEVEL_COUNT)
		snprintf(tmp, sizeof(tmp), "banner-%s", lv[p - PAIR_BANNER]);
	else if (p >= PAIR_MARK && p < PAIR_MARK + LEVEL_COUNT)
		snprintf(tmp, sizeof(tmp), "mark-%s", lv[p - PAIR_MARK]);
	else if (p == PAIR_LABEL)
		return "label";
	else if (p == PAIR_SECTION)
		return "section";
	else if (p == PAIR_MATCH)
		return "match";
	else if (p == PAIR_STATUS)
		return "status";
	else if (p == PAIR_TITLE)
		return "title";
	else
		snprintf(tmp, sizeof(tmp), "pair%d", p);
	return tmp;
}

static void style_name(attr_t a, short p, char *out, size_t size)
{
	char pair[64] = "";

	/* the pair's name and its colours: foreground/background, -1 the default */
	if (p) {
		short fg = 0, bg = 0;

		pair_content(p, &fg, &bg);
		snprintf(pair, sizeof(pair), "%s[%d/%d]", pair_name(p), fg, bg);
	}
	snprintf(out, size, "%s%s%s%s%s", pair, (a & A_BOLD) ? " bold" : "",
		 (a & A_REVERSE) ? " reverse" : "", (a & A_UNDERLINE) ? " underline" : "",
		 (a & A_DIM) ? " dim" : "");
}

bool screen_dump(const char *path, bool styles)
{
	FILE *f = fopen(path, "w");
	wchar_t *w = xcalloc((size_t)COLS + 1, sizeof(*w));

	if (!f) {
		free(w);
		return false;
	}
	for (int y = 0; y < LINES; y++) {
		char mb[MB_LEN_MAX * 1024];
		size_t n = 0;
		mbstate_t st;
		int got = mvwinnwstr(curscr, y, 0, w, COLS);

		memset(&st, 0, sizeof(st));
		for (int i = 0; i < got && n + MB_LEN_MAX < sizeof(mb); i++) {
			size_t k = wcrtomb(mb + n, w[i], &st);

			if (k == (size_t)-1)
				mb[n++] = '?';
			else
				n += k;
		}
		while (n && mb[n - 1] == ' ')
			n--;
		fwrite(mb, 1, n, f);
		fputc('\n', f);
	}
	if (styles) {
		fputs("--- styles (row: columns style)\n", f);
		for (int y = 0; y < LINES; y++) {
			int start = 0;
			char prev[96] = "", cur[96];

			for (int x = 0; x <= COLS; x++) {
				if (x < COLS) {
					cchar_t cc;
					wchar_t wc[CCHARW_MAX + 1];
					attr_t a = 0;
					short p = 0;

					mvwin_wch(curscr, y, x, &cc);
					getcchar(&cc, wc, &a, &p, NULL);
					style_name(a & (A_BOLD | A_REVERSE | A_UNDERLINE | A_DIM), p, cur, sizeof(cur));
				}
				if (x == COLS || strcmp(cur, prev) != 0) {
					if (x > 0 && prev[0])
						fprintf(f, "%d: %d-%d %s\n", y, start, x - 1,
							prev[0] == ' ' ? prev + 1 : prev);
					start = x;
					snprintf(prev, sizeof(prev), "%s", cur);
				}
			}
		}
	}
	free(w);
	return fclose(f) == 0;
}
