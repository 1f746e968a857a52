/* ui.c -- the reader's loop: the terminal, the keys, the modes (prompt,
 * filter menu, help) */
#include "config.h"
#include "ui_internal.h"
#include "term.h"

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
	enum where where;
	int codes[6];
} bindings[] = {
#define KEY(a, where, keys, help, ...) { ACT_##a, where, { __VA_ARGS__ } },
#include "keys.def"
#undef KEY
};

static bool screen_up;
static SCREEN *screen;
static FILE *script_in, *script_out;     /* the stand-in terminal of a scripted run */

static void restore_terminal(void)
{
	if (screen_up) {
		screen_up = false;
		term_forget();
		endwin();
	}
}

/* The action of @code on @screen. */
static enum action action_of(int code, enum view_screen where)
{
	enum where here = where == SCREEN_LIST ? LIST : READER;

	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++) {
		if (bindings[i].where != here && bindings[i].where != BOTH)
			continue;
		for (size_t k = 0; k < 6 && bindings[i].codes[k]; k++)
			if (bindings[i].codes[k] == code)
				return bindings[i].a;
	}
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

/* ------------------------------------------------------------ the list */

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static bool list_plain(const struct clist *l)
{
	return cfilter_empty(&l->filter) && l->sort == SORT_INPUT && !l->reverse;
}

/* Remakes the rows (after a filter, a sort, or more indexing), keeping the
 * selected cable selected. */
static void list_make(struct ui *u)
{
	struct clist *l = &u->list;
	size_t count = corpus_count(u->corpus);
	long keep = l->n ? (long)l->rows[l->sel < l->n ? l->sel : l->n - 1] : -1;

	if (list_plain(l)) {
		/* as read: the rows are the entries themselves */
		grow_array((void **)&l->rows, &l->cap, count ? count : 1, sizeof(*l->rows));
		for (size_t i = l->n < count ? l->n : 0; i < count; i++)
			l->rows[i] = (uint32_t)i;
		if (l->n > count)
			l->n = 0;
		for (size_t i = l->n; i < count; i++)
			l->rows[i] = (uint32_t)i;
		l->n = count;
	} else {
		l->n = corpus_select(u->corpus, &l->filter, l->sort, l->reverse, &l->rows, &l->cap);
	}
	l->counted = count;
	l->made_at = now_ms();
	l->sel = 0;
	for (size_t i = 0; keep >= 0 && i < l->n; i++) {
		if (l->rows[i] == (uint32_t)keep) {
			l->sel = i;
			break;
		}
	}
}

/* While indexing: new cables join the list as they come. */
static void list_grow(struct ui *u)
{
	struct clist *l = &u->list;
	size_t count = corpus_count(u->corpus);

	if (count == l->counted && !(corpus_done(u->corpus) && l->made_at < 0))
		return;
	/* a filtered or sorted list is remade now and then, and at the end */
	if (list_plain(l) || corpus_done(u->corpus) || now_ms() - l->made_at > 500)
		list_make(u);
}

static void list_move(struct ui *u, long delta)
{
	struct clist *l = &u->list;
	long s = (long)l->sel + delta;

	if (!l->n)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)l->n)
		s = (long)l->n - 1;
	l->sel = (size_t)s;
}

static void list_set_filter(struct ui *u, const char *text)
{
	struct cfilter f;
	char err[256];

	if (!cfilter_parse(&f, text, err, sizeof(err))) {
		view_say(&u->v, "filter: %s", err);
		return;
	}
	cfilter_free(&u->list.filter);
	u->list.filter = f;
	list_make(u);
	if (cfilter_empty(&f))
		view_say(&u->v, "filter cleared");
	else if (!u->list.n)
		view_say(&u->v, "no cable passes the filter%s", corpus_done(u->corpus) ? "" : " yet");
}

/* ------------------------------------------------------------ links */

static void add_link(struct ui *u, size_t entry)
{
	grow_array((void **)&u->links, &u->cap_links, u->nlinks + 1, sizeof(*u->links));
	u->links[u->nlinks].entry = entry;
	u->links[u->nlinks].line = -1;
	u->links[u->nlinks].lines = 0;
	u->nlinks++;
}

/* The references of the open cable that the corpus holds, then the cables
 * that cite it. */
static void make_links(struct ui *u)
{
	const struct cable *c = u->v.c;
	const uint32_t *cited;
	size_t n;

	u->nlinks = 0;
	u->link_sel = -1;
	u->header_top = 0;
	if (!c)
		return;
	for (size_t i = 0; i < c->nrefs; i++) {
		long e = c->refs[i].id.n ? corpus_find(u->corpus, c->refs[i].id.p) : -1;

		if (e >= 0 && (size_t)e != u->v.cur)
			add_link(u, (size_t)e);
	}
	n = corpus_cited_by(u->corpus, u->v.cur, &cited);
	for (size_t i = 0; i < n; i++)
		add_link(u, cited[i]);
}

static bool open_cable(struct ui *u, size_t entry)
{
	if (!view_open(&u->v, entry))
		return false;
	u->screen = SCREEN_READER;
	make_links(u);
	return true;
}

static void go_back(struct ui *u)
{
	if (u->nhistory) {
		size_t e = u->history[--u->nhistory];

		open_cable(u, e);
		view_say(&u->v, "back to %s", corpus_str(u->corpus, corpus_entry(u->corpus, e)->id));
		return;
	}
	if (u->has_list) {
		u->screen = SCREEN_LIST;
		return;
	}
	u->quit = true;
}

static void follow_link(struct ui *u)
{
	size_t from = u->v.cur, to;

	if (u->link_sel < 0 || (size_t)u->link_sel >= u->nlinks) {
		view_say(&u->v, "no reference selected: r selects one");
		return;
	}
	to = u->links[u->link_sel].entry;
	if (!open_cable(u, to))
		return;
	grow_array((void **)&u->history, &u->cap_history, u->nhistory + 1, sizeof(*u->history));
	u->history[u->nhistory++] = from;
	view_say(&u->v, "opened %s; Backspace goes back", corpus_str(u->corpus, corpus_entry(u->corpus, to)->id));
}

static void select_link(struct ui *u, int dir)
{
	if (!u->nlinks) {
		view_say(&u->v, corpus_done(u->corpus) ? "no reference or citing cable in this corpus"
						       : "no reference in the corpus yet (still indexing)");
		return;
	}
	u->v.header_collapsed = false;
	if (u->link_sel < 0)
		u->link_sel = dir > 0 ? 0 : (int)u->nlinks - 1;
	else
		u->link_sel = (int)((u->link_sel + dir + (int)u->nlinks) % (int)u->nlinks);
	view_say(&u->v, "%s: Enter opens it", corpus_str(u->corpus, corpus_entry(u->corpus, u->links[u->link_sel].entry)->id));
}

/* ------------------------------------------------------------ the prompt */

static void open_prompt(struct ui *u, char kind, const char *start)
{
	u->mode = MODE_PROMPT;
	u->prompt_kind = kind;
	snprintf(u->input, sizeof(u->input), "%s", start ? start : "");
	u->ninput = strlen(u->input);
}

static void prompt_done(struct ui *u)
{
	struct view *v = &u->v;

	u->mode = MODE_NORMAL;
	u->input[u->ninput] = '\0';
	if (u->screen == SCREEN_LIST) {
		if (u->prompt_kind == '/') {
			char f[400];

			snprintf(f, sizeof(f), "subject~'%s'", u->input);
			list_set_filter(u, u->ninput ? f : "");
		} else {
			list_set_filter(u, u->input);
		}
		return;
	}
	if (u->prompt_kind == '/') {
		if (u->ninput)
			view_search(v, u->input);
		else if (v->re)
			view_search_next(v, 1);
	} else {
		/* ":12", ":4a": a paragraph's address */
		size_t k = 0;

		while (k < u->ninput && u->input[k] >= '0' && u->input[k] <= '9')
			k++;
		while (k > 0 && k < u->ninput && ((u->input[k] >= 'a' && u->input[k] <= 'z') ||
						  (u->input[k] >= 'A' && u->input[k] <= 'Z')))
			k++;
		if (u->ninput && k == u->ninput && u->ninput < ADDRESS_MAX)
			view_jump(v, u->input);
		else if (u->ninput)
			view_say(v, "not a paragraph address: %s", u->input);
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
	if (u->screen == SCREEN_LIST) {
		long row = (long)u->list.top + ev.y - 1;

		if (ev.bstate & BUTTON4_PRESSED)
			list_move(u, -3);
		else if (ev.bstate & BUTTON5_PRESSED)
			list_move(u, 3);
		else if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && ev.y >= 1 && row < (long)u->list.n)
			u->list.sel = (size_t)row;
		return;
	}
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

static void walk_cables(struct ui *u, int dir)
{
	struct clist *l = &u->list;

	if (!u->has_list || l->n < 2) {
		view_say(&u->v, "only one cable is open");
		return;
	}
	if (dir > 0 ? l->sel + 1 >= l->n : l->sel == 0) {
		view_say(&u->v, dir > 0 ? "this is the last cable in the list" : "this is the first cable in the list");
		return;
	}
	l->sel += (size_t)(long)dir;
	u->nhistory = 0;
	if (open_cable(u, l->rows[l->sel]))
		view_say(&u->v, "cable %zu of %zu: %s", l->sel + 1, l->n, u->v.c->id[0] ? u->v.c->id : "(no id)");
}

static void do_action(struct ui *u, enum action a)
{
	struct view *v = &u->v;
	struct clist *l = &u->list;
	long half = l->h / 2 > 0 ? (long)l->h / 2 : 1;

	switch (a) {
	case ACT_LIST_DOWN: list_move(u, 1); break;
	case ACT_LIST_UP: list_move(u, -1); break;
	case ACT_LIST_PGDN: list_move(u, l->h > 1 ? (long)l->h - 1 : 1); break;
	case ACT_LIST_PGUP: list_move(u, -(l->h > 1 ? (long)l->h - 1 : 1)); break;
	case ACT_LIST_HALFDN: list_move(u, half); break;
	case ACT_LIST_HALFUP: list_move(u, -half); break;
	case ACT_LIST_FIRST: list_move(u, -(long)l->n); break;
	case ACT_LIST_LAST: list_move(u, (long)l->n); break;
	case ACT_LIST_OPEN:
		if (l->n) {
			u->nhistory = 0;
			open_cable(u, l->rows[l->sel]);
		}
		break;
	case ACT_LIST_SORT:
		l->sort = (enum sort_key)((l->sort + 1) % SORT_COUNT);
		list_make(u);
		view_say(v, "sorted by %s%s", sort_name(l->sort), l->reverse ? ", reversed" : "");
		break;
	case ACT_LIST_REVERSE:
		l->reverse = !l->reverse;
		list_make(u);
		view_say(v, "sorted by %s%s", sort_name(l->sort), l->reverse ? ", reversed" : "");
		break;
	case ACT_LIST_FILTER:
		open_prompt(u, 'f', l->filter.text ? l->filter.text : "");
		break;
	case ACT_LIST_SEARCH:
		open_prompt(u, '/', "");
		break;
	case ACT_LIST_CLEAR:
		list_set_filter(u, "");
		break;
	case ACT_LIST_QUIT:
		u->quit = true;
		break;
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
	case ACT_FIRST: view_first(v); break;
	case ACT_LAST: view_last(v); break;
	case ACT_JUMP: open_prompt(u, ':', ""); break;
	case ACT_NEXT_SECTION: view_section(v, 1); break;
	case ACT_PREV_SECTION: view_section(v, -1); break;
	case ACT_NEXT_SAME: view_same_marking(v, 1); break;
	case ACT_PREV_SAME: view_same_marking(v, -1); break;
	case ACT_FOCUS: v->detail_focus = !v->detail_focus; break;
	case ACT_SEARCH: open_prompt(u, '/', ""); break;
	case ACT_SEARCH_NEXT: view_search_next(v, 1); break;
	case ACT_SEARCH_PREV: view_search_next(v, -1); break;
	case ACT_FILTER:
		if (v->c)
			open_menu(u);
		break;
	case ACT_UNFILTER:
		view_set_filter(v, (struct filter){ FILTER_ALL, LEVEL_NONE, false });
		view_say(v, "filters cleared");
		break;
	case ACT_MARK: view_toggle_mark(v); break;
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
	case ACT_NEXT_LINK: select_link(u, 1); break;
	case ACT_PREV_LINK: select_link(u, -1); break;
	case ACT_FOLLOW: follow_link(u); break;
	case ACT_BACK: go_back(u); break;
	case ACT_NEXT_CABLE: walk_cables(u, 1); break;
	case ACT_PREV_CABLE: walk_cables(u, -1); break;
	case ACT_HEADER: v->header_collapsed = !v->header_collapsed; break;
	case ACT_HELP:
		u->mode = MODE_HELP;
		u->help_top = 0;
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_QUIT: u->quit = true; break;
	case ACT_MOUSE: mouse_event(u); break;
	case ACT_COUNT:
	case ACT_NONE:
		break;
	}
}

static void help_key(struct ui *u, int code, bool is_key)
{
	enum action a = action_of(code, SCREEN_READER);

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
	enum action a;

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
	if (u->screen == SCREEN_READER) {
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
				view_jump(v, u->count);
				u->count[0] = '\0';
				return;
			}
			u->count[0] = '\0';
			if (!is_key && code == 27)
				return;
		}
	}
	if (!is_key && code == 27) {
		if (u->screen == SCREEN_READER && u->link_sel >= 0)
			u->link_sel = -1;
		return;
	}
	if (!is_key && code > 0x7F)
		return;
	a = action_of(code, u->screen);
	if (a == ACT_NONE) {
		if (!is_key && code >= 0x20 && code < 0x7F)
			view_say(v, "'%c' does nothing here: ? lists the keys", code);
		return;
	}
	do_action(u, a);
}

/* ------------------------------------------------------------ the loop */

static long rss_anon_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "RssAnon:", 8) == 0)
			kb = atol(line + 8);
	fclose(f);
	return kb;
}

/* Samples the anonymous memory (the heap and the index, not the mapped
 * files) for PILCROW_STATS. */
static void note_rss(struct ui *u)
{
	long kb;

	if (!u->stats)
		return;
	kb = rss_anon_kb();
	if (kb > u->rss_peak_kb)
		u->rss_peak_kb = kb;
}

/* A problem met since the last look (a file cut short, a cable that
 * cannot be read) is told in the status bar as well as on exit. */
static void tell_problems(struct ui *u)
{
	const char *const *lines;
	size_t n = corpus_messages(u->corpus, &lines);

	if (n <= u->problems_told)
		return;
	u->problems_told = n;
	if (strncmp(lines[n - 1], "pilcrow: ", 9) == 0)
		view_say(&u->v, "%s", lines[n - 1] + 9);
	else
		view_say(&u->v, "%s", lines[n - 1]);
}

/* One step of indexing, between keys: INDEX_STEP_MS of work at most (and
 * one record more), so that a key never waits longer than that. */
#define INDEX_STEP_MS 15

static bool index_step(struct ui *u)
{
	double t0 = now_ms();
	bool done = corpus_index_step(u->corpus, INDEX_STEP_MS);

	if (now_ms() - t0 > u->step_max_ms)
		u->step_max_ms = now_ms() - t0;
	note_rss(u);
	return done;
}

/* What more cables in the index change on the screen: the list grows, and
 * once the index is whole the cable read gets its links and cited-by. */
static void indexed_more(struct ui *u)
{
	list_grow(u);
	if (corpus_done(u->corpus) && u->screen == SCREEN_READER)
		make_links(u);
}

void ui_index_records(struct ui *u, size_t n)
{
	corpus_index_records(u->corpus, n);
	note_rss(u);
	indexed_more(u);
}

void ui_wait_index(struct ui *u)
{
	while (!index_step(u))
		;
	indexed_more(u);
}

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

static bool start_screen(struct ui *u)
{
	FILE *in = NULL, *out = NULL;
	const char *term = getenv("TERM");

	if (script_active()) {
		/* the bytes meant for the terminal: nowhere, or where a test
		 * can check that no control sequence from a cable is in them */
		out = script_out = fopen(getenv("PILCROW_TERM_OUT") ? getenv("PILCROW_TERM_OUT") : "/dev/null", "w");
		in = script_in = fopen("/dev/null", "r");
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
	screen = newterm(term, out, in);
	if (!screen) {
		fprintf(stderr, "pilcrow: cannot use the terminal '%s'\n", term ? term : "(unset)");
		return false;
	}
	set_term(screen);
	screen_up = true;
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

/* The anonymous memory in use now, for the statistics (kB). */
int ui_run(struct corpus *corpus, const struct ui_opts *o)
{
	struct ui u;
	struct marks *marks;
	const char *timing = getenv("PILCROW_TIMING"), *stats = getenv("PILCROW_STATS");
	double *samples = NULL, t_start = now_ms(), t_first = -1, t_indexed = -1;
	size_t nsamples = 0, cap = 0;
	int status = 0;

	if (!utf8_locale())
		fprintf(stderr, "pilcrow: no UTF-8 locale; text may show wrongly\n");
	if (getenv("PILCROW_SCRIPT") && !script_start())
		return 2;
	memset(&u, 0, sizeof(u));
	u.o = o;
	u.corpus = corpus;
	u.stats = stats != NULL;
	u.link_sel = -1;
	u.list.made_at = -1;
	marks = marks_load(getenv("PILCROW_MARKS") ? getenv("PILCROW_MARKS") : marks_default_path());
	view_init(&u.v, corpus, marks);

	/* the first screen comes quickly: index a little, then show it (a
	 * scripted test may ask for an exact number of cables instead) */
	if (script_active() && getenv("PILCROW_INDEX_FIRST")) {
		corpus_index_records(corpus, strtoul(getenv("PILCROW_INDEX_FIRST"), NULL, 10));
	} else {
		double until = now_ms() + 100;

		while (!corpus_index_step(corpus, 20) && now_ms() < until)
			;
	}
	if (o->id) {
		/* --id: index until that cable is found */
		while (corpus_find(corpus, o->id) < 0 && !corpus_index_step(corpus, 50))
			;
	}
	if (!corpus_count(corpus) && corpus_done(corpus)) {
		status = 1;
		goto done;
	}
	u.has_list = !corpus_done(corpus) || corpus_count(corpus) > 1;
	list_make(&u);
	if (o->filter && *o->filter)
		list_set_filter(&u, o->filter);
	if (o->id) {
		long e = corpus_find(corpus, o->id);

		if (e < 0) {
			fprintf(stderr, "pilcrow: no cable %s in what was read\n", o->id);
			status = 1;
			goto done;
		}
		for (size_t i = 0; i < u.list.n; i++)
			if (u.list.rows[i] == (uint32_t)e)
				u.list.sel = i;
		open_cable(&u, (size_t)e);
	} else if (!u.has_list) {
		open_cable(&u, 0);
	}
	if (!start_screen(&u)) {
		status = 1;
		goto done;
	}
	term_quit_handlers();

	while (!u.quit) {
		wint_t ch;
		int r;
		double t0;

		tell_problems(&u);
		ui_draw(&u);
		refresh();
		if (t_first < 0)
			t_first = now_ms() - t_start;
		note_rss(&u);
		if (script_active()) {
			r = script_next(&u, &ch);
		} else if (!corpus_done(corpus)) {
			/* index while the keyboard is quiet: a key never waits long */
			timeout(0);
			r = get_wch(&ch);
			if (r == ERR && !term_quit_signal()) {
				index_step(&u);
				indexed_more(&u);
				continue;
			}
		} else {
			timeout(-1);
			r = get_wch(&ch);
		}
		if (corpus_done(corpus) && t_indexed < 0)
			t_indexed = now_ms() - t_start;
		if (term_quit_signal()) {
			status = 128 + term_quit_signal();
			break;
		}
		if (r == ERR) {
			if (script_active())
				break;      /* the script is over */
			continue;
		}
		t0 = now_ms();
		handle_key(&u, ch, r == KEY_CODE_YES);
		if (timing) {
			ui_draw(&u);
			refresh();
			grow_array((void **)&samples, &cap, nsamples + 1, sizeof(*samples));
			samples[nsamples++] = (now_ms() - t0) / 1e3;
		}
	}
	restore_terminal();
	delscreen(screen);
	if (script_out)
		fclose(script_out);
	if (script_in)
		fclose(script_in);
	script_out = script_in = NULL;
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
	if (stats) {
		FILE *f = fopen(stats, "w");

		if (f) {
			fprintf(f, "first_screen_ms %.1f\nindexed_ms %.1f\ncables %zu\nrss_anon_peak_kb %ld\n"
				"index_step_max_ms %.1f\n", t_first, t_indexed, corpus_count(corpus), u.rss_peak_kb,
				u.step_max_ms);
			fclose(f);
		}
	}
	free(samples);
	if (!marks_save(marks))
		fprintf(stderr, "pilcrow: could not save the marks: %s\n", strerror(errno));
done:
	marks_free(marks);
	view_free(&u.v);
	cfilter_free(&u.list.filter);
	free(u.list.rows);
	free(u.history);
	free(u.links);
	buf_free(&u.hbuf);
	free(u.hlines);
	return status;
}
