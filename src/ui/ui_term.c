/* ui_term.c -- the terminal: the locale, the screen set up for the reader
 * (or a stand-in for a scripted run), and put back however pilcrow ends */
#include "config.h"
#include "ui/ui_internal.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/script.h"
#include "ui/term.h"
#include "base/util.h"

static bool screen_up;
static SCREEN *screen;
static FILE *term_in, *term_out;     /* the stand-in terminal of a scripted run */
static FILE *term_to;                /* where the terminal's bytes go */

static void restore_terminal(void)
{
	if (screen_up) {
		screen_up = false;
		term_forget();
		endwin();
	}
}

bool ui_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return true;
	/* cables are shown as UTF-8 whatever the locale says */
	return setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8") ||
	       setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* What undoes the screen's setup, from terminfo, for term.c to write
 * should a fatal signal leave no time for endwin(). */
static const char *restore_bytes(bool mouse)
{
	static char b[256];
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	size_t n = 0;

	b[0] = '\0';
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		const char *s = tigetstr(caps[i]);

		if (s && s != (char *)-1 && n + strlen(s) < sizeof(b)) {
			memcpy(b + n, s, strlen(s) + 1);
			n += strlen(s);
		}
		/* the mouse is let go before the screen is left */
		if (mouse && i == 2 && tigetstr("kmous") && tigetstr("kmous") != (char *)-1 &&
		    n + 16 < sizeof(b)) {
			memcpy(b + n, "\033[?1000l", 9);
			n += 8;
		}
	}
	return b;
}

bool ui_term_start(struct ui *u)
{
	FILE *in = NULL, *out = NULL;
	const char *term = getenv("TERM");

	if (script_active()) {
		/* the bytes meant for the terminal: nowhere, or where a test
		 * can check that no control sequence from a cable is in them */
		out = term_out = fopen(getenv("PILCROW_TERM_OUT") ? getenv("PILCROW_TERM_OUT") : "/dev/null", "w");
		in = term_in = fopen("/dev/null", "r");
		if (!term || !*term)
			term = "xterm-256color";
	} else {
		out = stdout;
		/* the cables may have come on standard input: keys come from the terminal */
		in = isatty(STDIN_FILENO) ? stdin : fopen("/dev/tty", "r");
	}
	if (!in || !out) {
		fprintf(stderr, "pilcrow: no terminal to read keys from\n");
		return false;
	}
	/* the modes as the shell left them, before ncurses changes any */
	if (!script_active())
		term_save(isatty(fileno(in)) ? fileno(in) : fileno(out));
	term_to = out;
	screen = newterm(term, out, in);
	if (!screen) {
		fprintf(stderr, "pilcrow: cannot use the terminal '%s'\n", term ? term : "(unset)");
		return false;
	}
	set_term(screen);
	screen_up = true;
	/* a terminal that cannot place the cursor (TERM=dumb, a printer) would
	 * show a blank screen or garbage: say so and stop */
	if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
		restore_terminal();
		fprintf(stderr, "pilcrow: the terminal '%s' cannot place the cursor; use --text, or a terminal such as xterm\n",
			term ? term : "(unset)");
		return false;
	}
	if (!script_active())
		term_set_restore(restore_bytes(!u->o->no_mouse));
	util_set_fatal_hook(restore_terminal);
	atexit(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	ui_colors(u);
	if (!u->o->no_mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	return true;
}

bool ui_term_write(const char *bytes, size_t n)
{
	if (!term_to)
		return false;
	fflush(term_to);
	return fwrite(bytes, 1, n, term_to) == n && fflush(term_to) == 0;
}

void ui_term_end(void)
{
	restore_terminal();
	if (screen)
		delscreen(screen);
	if (term_out)
		fclose(term_out);
	if (term_in)
		fclose(term_in);
	term_out = term_in = term_to = NULL;
	screen = NULL;
}
