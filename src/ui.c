/* ui.c -- the reader's loop: the terminal, the keys, the modes (prompt,
 * filter menu, help) */
#include "config.h"
#include "ui_internal.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

static const struct binding {
	enum action a;
	int codes[4];
} bindings[] = {
#define KEY(a, keys, help, ...) { ACT_##a, { __VA_ARGS__ } },
#include "keys.def"
#undef KEY
};

static volatile sig_atomic_t got_signal;
static bool screen_up;
static SCREEN *screen;

static void restore_terminal(void)
{
	if (screen_up) {
		screen_up = false;
		endwin();
	}
}

static void on_signal(int sig)
{
	got_signal = sig;
}

static enum action action_of(int code)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		for (size_t k = 0; k < 4 && bindings[i].codes[k]; k++)
			if (bindings[i].codes[k] == code)
				return bindings[i].a;
	return ACT_NONE;
}

/* ------------------------------------------------------------ the menu */

static void open_menu(struct ui *u)
{
	struct view *v = &u->v;
	size_t counts[LEVEL_COUNT], total = 0;

	view_level_counts(v, counts);
	u->nitems = 0;
	for (int l = LEVEL_U; l < LEVEL_COUNT; l++) {
		struct menu_item *it;

		if (!counts[l])
			continue;
		it = &u->items[u->nitems++];
		it->filter = (struct filter){ FILTER_EXACT, (enum level)l, v->filter.marked_only };
		snprintf(it->label, sizeof(it->label), "%s only", level_abbrev((enum level)l));
		it->count = counts[l];
	}
	if (counts[LEVEL_NONE]) {
		struct menu_item *it = &u->items[u->nitems++];

		it->filter = (struct filter){ FILTER_UNMARKED, LEVEL_NONE, v->filter.marked_only };
		snprintf(it->label, sizeof(it->label), "unmarked only");
		it->count = counts[LEVEL_NONE];
	}
	/* "and above" for each level present but the lowest */
	for (int l = LEVEL_COUNT - 1; l > LEVEL_NONE; l--)
		total += counts[l];
	for (int l = LEVEL_U, first = 1; l < LEVEL_COUNT; l++) {
		size_t above = 0;

		if (!counts[l])
			continue;
		for (int k = l; k < LEVEL_COUNT; k++)
			above += counts[k];
		if (first) {
			first = 0;
			if (above == total && l == LEVEL_U)
				continue;
		}
		struct menu_item *it = &u->items[u->nitems++];

		it->filter = (struct filter){ FILTER_AT_LEAST, (enum level)l, v->filter.marked_only };
		snprintf(it->label, sizeof(it->label), "%s and above", level_abbrev((enum level)l));
		it->count = above;
	}
	{
		struct menu_item *it = &u->items[u->nitems++];

		it->filter = (struct filter){ FILTER_ALL, LEVEL_NONE, v->filter.marked_only };
		snprintf(it->label, sizeof(it->label), "all");
		it->count = v->c ? v->c->nparas : 0;
	}
	u->menu_sel = 0;
	u->mode = MODE_MENU;
}

static void menu_key(struct ui *u, int code, bool is_key)
{
	if (!is_key && code >= '1' && code <= '9' && code - '1' < u->nitems) {
		u->menu_sel = code - '1';
		code = '\r';
	}
	if (!is_key && (code == 'j' || code == CTRL('n')))
		code = KEY_DOWN, is_key = true;
	if (!is_key && (code == 'k' || code == CTRL('p')))
		code = KEY_UP, is_key = true;
	if (is_key && code == KEY_DOWN)
		u->menu_sel = (u->menu_sel + 1) % u->nitems;
	else if (is_key && code == KEY_UP)
		u->menu_sel = (u->menu_sel + u->nitems - 1) % u->nitems;
	else if ((!is_key && (code == '\r' || code == '\n')) || (is_key && code == KEY_ENTER)) {
		u->mode = MODE_NORMAL;
		view_set_filter(&u->v, u->items[u->menu_sel].filter);
		if (!u->v.msg[0])
			view_say(&u->v, "%zu paragraph%s shown", u->items[u->menu_sel].count,
				 u->items[u->menu_sel].count == 1 ? "" : "s");
	} else if (!is_key && (code == 27 || code == 'q' || code == 'f')) {
		u->mode = MODE_NORMAL;
	}
}

/* ------------------------------------------------------------ the prompt */

static void open_prompt(struct ui *u, char kind)
{
	u->mode = MODE_PROMPT;
	u->prompt_kind = kind;
	u->ninput = 0;
	u->input[0] = '\0';
}

static void prompt_done(struct ui *u)
{
	struct view *v = &u->v;

	u->mode = MODE_NORMAL;
	u->input[u->ninput] = '\0';
	if (u->prompt_kind == '/') {
		if (u->ninput)
			view_search(v, u->input);
		else if (v->re)
			view_search_next(v, 1);
	} else {
		char *end;
		long n = strtol(u->input, &end, 10);

		if (u->ninput && *end == '\0' && n >= 0 && n < 100000)
			view_jump(v, (int)n);
		else if (u->ninput)
			view_say(v, "not a paragraph number: %s", u->input);
	}
}

static void prompt_key(struct ui *u, wint_t ch, bool is_key)
{
	if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
		prompt_done(u);
	} else if (!is_key && ch == 27) {
		u->mode = MODE_NORMAL;
	} else if ((is_key && ch == KEY_BACKSPACE) || (!is_key && (ch == 127 || ch == 8))) {
		/* back one character, not one byte */
		while (u->ninput && ((unsigned char)u->input[u->ninput - 1] & 0xC0) == 0x80)
			u->ninput--;
		if (u->ninput)
			u->ninput--;
		else
			u->mode = MODE_NORMAL;
	} else if (!is_key && ch == CTRL('u')) {
		u->ninput = 0;
	} else if (!is_key && ch >= 0x20 && ch != 0x7F) {
		char mb[8];
		size_t n = 0;

		/* UTF-8 by hand: the locale may not be UTF-8 in a test */
		if (ch < 0x80) {
			mb[n++] = (char)ch;
		} else if (ch < 0x800) {
			mb[n++] = (char)(0xC0 | (ch >> 6));
			mb[n++] = (char)(0x80 | (ch & 0x3F));
		} else if (ch < 0x10000) {
			mb[n++] = (char)(0xE0 | (ch >> 12));
			mb[n++] = (char)(0x80 | ((ch >> 6) & 0x3F));
			mb[n++] = (char)(0x80 | (ch & 0x3F));
		} else if (ch < 0x110000) {
			mb[n++] = (char)(0xF0 | (ch >> 18));
			mb[n++] = (char)(0x80 | ((ch >> 12) & 0x3F));
			mb[n++] = (char)(0x80 | ((ch >> 6) & 0x3F));
			mb[n++] = (char)(0x80 | (ch & 0x3F));
		}
		if (u->ninput + n < sizeof(u->input)) {
			memcpy(u->input + u->ninput, mb, n);
			u->ninput += n;
		}
	}
}

/* ------------------------------------------------------------ the mouse */

static void mouse_event(struct ui *u)
{
	MEVENT ev;
	struct view *v = &u->v;
	const struct rect *l = &u->lay.list, *d = &u->lay.detail;
	bool in_list, in_detail;

	if (script_active() ? !script_mouse(&ev) : getmouse(&ev) != OK)
		return;
	if (u->lay.too_small)
		return;
	in_list = ev.y >= l->y && ev.y < l->y + l->h && ev.x >= l->x && ev.x < l->x + l->w;
	in_detail = ev.y >= d->y && ev.y < d->y + d->h && ev.x >= d->x && ev.x < d->x + d->w;
	if (ev.bstate & (BUTTON4_PRESSED)) {
		if (in_detail)
			view_scroll_detail(v, -3);
		else
			view_move(v, -3);
	} else if (ev.bstate & (BUTTON5_PRESSED)) {
		if (in_detail)
			view_scroll_detail(v, 3);
		else
			view_move(v, 3);
	} else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) {
		if (in_list) {
			int ri = v->list_top + ev.y - l->y;

			if (ri >= 0 && ri < (int)v->nrows) {
				/* a heading row selects the paragraph under it */
				while (ri < (int)v->nrows && v->rows[ri].kind != ROW_PARA)
					ri++;
				if (ri < (int)v->nrows)
					view_select(v, v->rows[ri].index);
			}
			v->detail_focus = false;
		} else if (in_detail) {
			v->detail_focus = true;
		}
	}
}

/* ------------------------------------------------------------ the keys */

static int page(const struct view *v, int div)
{
	int h = v->detail_h > 1 ? v->detail_h : 1;

	return h / div > 0 ? h / div : 1;
}

static void do_action(struct ui *u, enum action a)
{
	struct view *v = &u->v;

	switch (a) {
	case ACT_NEXT:
		if (v->detail_focus)
			view_scroll_detail(v, 1);
		else
			view_move(v, 1);
		break;
	case ACT_PREV:
		if (v->detail_focus)
			view_scroll_detail(v, -1);
		else
			view_move(v, -1);
		break;
	case ACT_PAGE_DOWN:
		view_scroll_detail(v, page(v, 1) > 1 ? page(v, 1) - 1 : 1);
		break;
	case ACT_PAGE_UP:
		view_scroll_detail(v, -(page(v, 1) > 1 ? page(v, 1) - 1 : 1));
		break;
	case ACT_HALF_DOWN:
		if (v->detail_focus)
			view_scroll_detail(v, page(v, 2));
		else
			view_move(v, v->list_h / 2 > 0 ? v->list_h / 2 : 1);
		break;
	case ACT_HALF_UP:
		if (v->detail_focus)
			view_scroll_detail(v, -page(v, 2));
		else
			view_move(v, -(v->list_h / 2 > 0 ? v->list_h / 2 : 1));
		break;
	case ACT_FIRST:
		view_first(v);
		break;
	case ACT_LAST:
		view_last(v);
		break;
	case ACT_JUMP:
		open_prompt(u, ':');
		break;
	case ACT_NEXT_SECTION:
		view_section(v, 1);
		break;
	case ACT_PREV_SECTION:
		view_section(v, -1);
		break;
	case ACT_NEXT_SAME:
		view_same_marking(v, 1);
		break;
	case ACT_PREV_SAME:
		view_same_marking(v, -1);
		break;
	case ACT_FOCUS:
		v->detail_focus = !v->detail_focus;
		break;
	case ACT_SEARCH:
		open_prompt(u, '/');
		break;
	case ACT_SEARCH_NEXT:
		view_search_next(v, 1);
		break;
	case ACT_SEARCH_PREV:
		view_search_next(v, -1);
		break;
	case ACT_FILTER:
		if (v->c)
			open_menu(u);
		break;
	case ACT_UNFILTER:
		view_set_filter(v, (struct filter){ FILTER_ALL, LEVEL_NONE, false });
		view_say(v, "filters cleared");
		break;
	case ACT_MARK:
		view_toggle_mark(v);
		break;
	case ACT_MARKED_ONLY: {
		struct filter f = v->filter;

		f.marked_only = !f.marked_only;
		if (f.marked_only && v->c && !marks_count(v->marks, v->c->id)) {
			view_say(v, "no marked paragraph in this cable: m marks one");
			break;
		}
		view_set_filter(v, f);
		if (!v->msg[0])
			view_say(v, f.marked_only ? "showing the marked paragraphs" : "showing all paragraphs");
		break;
	}
	case ACT_NEXT_CABLE:
	case ACT_PREV_CABLE:
		if (v->lib->n < 2) {
			view_say(v, "only one cable is open");
		} else if (a == ACT_NEXT_CABLE ? v->cur + 1 >= v->lib->n : v->cur == 0) {
			view_say(v, a == ACT_NEXT_CABLE ? "this is the last cable" : "this is the first cable");
		} else {
			view_open(v, a == ACT_NEXT_CABLE ? v->cur + 1 : v->cur - 1);
			view_say(v, "cable %zu of %zu: %s", v->cur + 1, v->lib->n, v->c->id[0] ? v->c->id : "(no id)");
		}
		break;
	case ACT_HEADER:
		v->header_collapsed = !v->header_collapsed;
		break;
	case ACT_HELP:
		u->mode = MODE_HELP;
		u->help_top = 0;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_QUIT:
		u->quit = true;
		break;
	case ACT_MOUSE:
		mouse_event(u);
		break;
	case ACT_COUNT:
	case ACT_NONE:
		break;
	}
}

static void help_key(struct ui *u, int code, bool is_key)
{
	enum action a = action_of(code);

	if (!is_key && (code == 'q' || code == 27 || code == '?'))
		u->mode = MODE_NORMAL;
	else if (is_key && code == KEY_F(1))
		u->mode = MODE_NORMAL;
	else if (a == ACT_NEXT)
		u->help_top++;
	else if (a == ACT_PREV)
		u->help_top--;
	else if (a == ACT_PAGE_DOWN || a == ACT_HALF_DOWN)
		u->help_top += LINES / 2;
	else if (a == ACT_PAGE_UP || a == ACT_HALF_UP)
		u->help_top -= LINES / 2;
	else if (a == ACT_FIRST)
		u->help_top = 0;
	else if (a == ACT_LAST)
		u->help_top = 1000;
}

static void handle_key(struct ui *u, wint_t ch, bool is_key)
{
	struct view *v = &u->v;
	int code = (int)ch;

	if (is_key && code == KEY_RESIZE)
		return;
	v->msg[0] = '\0';
	switch (u->mode) {
	case MODE_PROMPT:
		prompt_key(u, ch, is_key);
		return;
	case MODE_MENU:
		menu_key(u, code, is_key);
		return;
	case MODE_HELP:
		help_key(u, code, is_key);
		return;
	case MODE_NORMAL:
		break;
	}
	/* a number typed, then Enter, jumps to that paragraph */
	if (!is_key && code >= '0' && code <= '9') {
		size_t n = strlen(u->count);

		if (n + 1 < sizeof(u->count)) {
			u->count[n] = (char)code;
			u->count[n + 1] = '\0';
		}
		return;
	}
	if (u->count[0]) {
		if ((!is_key && (code == '\r' || code == '\n')) || (is_key && code == KEY_ENTER)) {
			view_jump(v, atoi(u->count));
			u->count[0] = '\0';
			return;
		}
		u->count[0] = '\0';
		if (!is_key && code == 27)
			return;
	}
	if (!is_key && code == 27)
		return;
	if (!is_key && code > 0x7F)
		return;
	{
		enum action a = action_of(code);

		if (a == ACT_NONE) {
			if (!is_key && code >= 0x20 && code < 0x7F)
				view_say(v, "'%c' does nothing here: ? lists the keys", code);
			return;
		}
		do_action(u, a);
	}
}

/* ------------------------------------------------------------ the loop */

static bool utf8_locale(void)
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

static bool start_screen(struct ui *u)
{
	FILE *in = NULL, *out = NULL;
	const char *term = getenv("TERM");

	if (script_active()) {
		out = fopen("/dev/null", "w");
		in = fopen("/dev/null", "r");
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
	screen = newterm(term, out, in);
	if (!screen) {
		fprintf(stderr, "pilcrow: cannot use the terminal '%s'\n", term ? term : "(unset)");
		return false;
	}
	set_term(screen);
	screen_up = true;
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

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int ui_run(struct library *lib, const struct ui_opts *o)
{
	struct ui u;
	struct marks *marks;
	struct sigaction sa;
	const char *timing = getenv("PILCROW_TIMING");
	double *samples = NULL;
	size_t nsamples = 0, cap = 0;
	int status = 0;

	if (!utf8_locale())
		fprintf(stderr, "pilcrow: no UTF-8 locale; text may show wrongly\n");
	if (getenv("PILCROW_SCRIPT") && !script_start())
		return 2;
	memset(&u, 0, sizeof(u));
	u.o = o;
	marks = marks_load(getenv("PILCROW_MARKS") ? getenv("PILCROW_MARKS") : marks_default_path());
	view_init(&u.v, lib, marks);
	if (!start_screen(&u)) {
		view_free(&u.v);
		marks_free(marks);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	while (!u.quit) {
		wint_t ch;
		int r;
		double t0;

		ui_draw(&u);
		doupdate();
		refresh();
		if (script_active())
			r = script_next(&u, &ch);
		else
			r = get_wch(&ch);
		if (got_signal) {
			status = 128 + (int)got_signal;
			break;
		}
		if (r == ERR) {
			if (script_active())
				break;      /* the script is over */
			if (errno == EINTR)
				continue;
			continue;
		}
		t0 = now();
		handle_key(&u, ch, r == KEY_CODE_YES);
		if (timing) {
			ui_draw(&u);
			refresh();
			grow_array((void **)&samples, &cap, nsamples + 1, sizeof(*samples));
			samples[nsamples++] = now() - t0;
		}
	}
	restore_terminal();
	delscreen(screen);
	screen = NULL;
	script_finish();
	if (timing && nsamples) {
		FILE *f = fopen(timing, "w");

		if (f) {
			for (size_t i = 0; i < nsamples; i++)
				fprintf(f, "%.9f\n", samples[i]);
			fclose(f);
		}
	}
	free(samples);
	if (!marks_save(marks))
		fprintf(stderr, "pilcrow: could not save the marks: %s\n", strerror(errno));
	marks_free(marks);
	view_free(&u.v);
	buf_free(&u.hbuf);
	free(u.hlines);
	return status;
}
