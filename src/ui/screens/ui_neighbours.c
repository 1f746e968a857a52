/* ui_neighbours.c -- the cables around one (p in the list and in the
 * reader): of the same post, the five before and the five after it by
 * serial (years crossing), the post's other cables of the same day, and
 * the other records of its id (the sections of a telegram given apart).
 * A row a cable; Enter opens it, Backspace comes back here. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "doc/ids.h"

#define NEAR_K 5                 /* serials before and after */

struct near_line {
	const char *title;       /* a group's title, or NULL */
	long entry;              /* the cable of the row */
	bool self;               /* the cable the view is of */
};

struct near_screen {
	struct neighbours nb;
	size_t entry;            /* the cable the view is of */
	struct near_line *lines;
	int n, cols;
	size_t cap;
	struct pane pane;        /* the rows; the titles cannot be selected */
};

static struct near_screen *state_of(struct ui *u)
{
	return ui_screen(u, &neighbours_ops)->state;
}

static void add_line(struct near_screen *g, const char *title, long entry, bool self)
{
	grow_array((void **)&g->lines, &g->cap, (size_t)g->n + 1, sizeof(*g->lines));
	g->lines[g->n++] = (struct near_line){ title, entry, self };
}

static bool is_row(const void *ud, long row)
{
	const struct near_screen *g = ud;

	return !g->lines[row].title;
}

long ui_asked_entry(struct ui *u)
{
	if (screens_top(&u->stack) == ui_screen_of(u, &reader_ops) && u->v.c)
		return (long)u->v.cur;
	return clist_entry(&u->list);
}

static void near_open(void *ctx)
{
	struct ui *u = ctx;
	struct near_screen *g = state_of(u);
	long e = ui_asked_entry(u);

	if (e < 0) {
		ui_say(u, "no cable to look around");
		return;
	}
	neighbours_free(&g->nb);
	corpus_neighbours(u->corpus, (size_t)e, NEAR_K, &g->nb);
	g->entry = (size_t)e;
	g->n = 0;
	if (g->nb.nbefore || g->nb.nafter) {
		add_line(g, "The post's serials around it (years crossing)", -1, false);
		for (size_t i = g->nb.nbefore; i > 0; i--)
			add_line(g, NULL, g->nb.before[i - 1], false);
		add_line(g, NULL, e, true);
		for (size_t i = 0; i < g->nb.nafter; i++)
			add_line(g, NULL, g->nb.after[i], false);
	}
	if (g->nb.nday) {
		add_line(g, "The post's other cables of the same day", -1, false);
		for (size_t i = 0; i < g->nb.nday; i++)
			add_line(g, NULL, g->nb.day[i], false);
	}
	if (g->nb.nsame) {
		add_line(g, "Other records of the same id (sections given apart)", -1, false);
		for (size_t i = 0; i < g->nb.nsame; i++)
			add_line(g, NULL, g->nb.same_id[i], false);
	}
	pane_init(&g->pane, false);
	g->pane.item = is_row;
	g->pane.ud = g;
	g->pane.n = g->n;
	pane_select(&g->pane, 0);
	/* the cable itself selected, among its serials */
	for (int i = 0; i < g->n; i++)
		if (g->lines[i].self)
			pane_select(&g->pane, i);
	screens_push(&u->stack, ui_screen(u, &neighbours_ops));
	if (!g->n)
		ui_say(u, "%s has no neighbour in what was read (its id gives no post and serial, or none is near)",
		       corpus_str(u->corpus, corpus_entry(u->corpus, (size_t)e)->id));
}

static void open_row(struct ui *u, struct near_screen *g)
{
	size_t e;

	if (g->pane.sel < 0 || g->lines[g->pane.sel].entry < 0)
		return;
	e = (size_t)g->lines[g->pane.sel].entry;
	clist_select_entry(&u->list, e);
	if (ui_open_cable_anew(u, e))
		ui_say(u, "%s: Backspace goes back to its neighbours", corpus_str(u->corpus, corpus_entry(u->corpus, e)->id));
}

static bool near_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct near_screen *g = ui_state(u, &neighbours_ops);

	(void)s;
	switch (keys_action(k, NEIGHBOURS, false)) {
	case ACT_NEAR_OPEN: open_row(u, g); break;
	case ACT_NEAR_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void near_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct near_screen *g = ui_state(u, &neighbours_ops);

	(void)s;
	g->cols = r.w;
	pane_resize(&g->pane, g->n, r.h - 2);
}

static void near_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct near_screen *g = ui_state(u, &neighbours_ops);
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	const struct centry *me = corpus_entry(u->corpus, g->entry);
	struct buf b = { 0 }, cl = { 0 };

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, g->cols, title);
	buf_printf(&b, " Neighbours of %s", me ? corpus_str(u->corpus, me->id) : "");
	put_cut(0, 0, g->cols, paint_clean(&cl, buf_str(&b)), title);
	for (int k = 0; k < g->pane.h && g->pane.top + k < g->n; k++) {
		const struct near_line *l = &g->lines[g->pane.top + k];
		const struct centry *e;
		int y = 1 + k, attr = g->pane.top + k == g->pane.sel ? A_REVERSE : 0;
		char date[11];

		if (l->title) {
			put_c(y, 1, g->cols - 1, l->title, pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD);
			continue;
		}
		e = corpus_entry(u->corpus, (size_t)l->entry);
		if (attr)
			paint_fill(y, 0, g->cols, attr);
		minutes_date(e->date, date);
		put_c(y, 1, 2, l->self ? "\xE2\x96\xB8" : " ", attr | A_BOLD);
		put_cut(y, 3, 22, str_c(corpus_str(u->corpus, e->id)), attr | (l->self ? A_BOLD : 0));
		put_c(y, 26, 10, date[0] ? date : "", attr);
		put_c(y, 38, 4, level_abbrev((enum level)e->level), attr);
		put_cut(y, 43, g->cols - 44, paint_clean(&cl, str_c(corpus_str(u->corpus, e->subject))), attr);
	}
	if (pane_more_above(&g->pane))
		put_c(1, g->cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&g->pane))
		put_c(s->r.h - 2, g->cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, g->cols }, str_c(" Enter opens the cable"), "q closes ");
	buf_free(&b);
	buf_free(&cl);
}

static void near_free_state(void *state)
{
	struct near_screen *g = state;

	neighbours_free(&g->nb);
	free(g->lines);
}

static void near_init(struct screen *s)
{
	s->pane = &((struct near_screen *)s->state)->pane;
	s->pane_y = 1;
}

const struct screen_ops neighbours_ops = {
	.name = "nearby",
	.keys = NEIGHBOURS,
	.init = near_init,
	.free = near_free_state,
	.start = near_open,
	.open_on = (const int[]){ ACT_LIST_NEIGHBOURS, ACT_NEIGHBOURS, -1 },
	.state_size = sizeof(struct near_screen),
	.handle = near_handle,
	.recalc = near_recalc,
	.draw = near_draw,
};
