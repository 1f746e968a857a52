/* ui_thread.c -- a cable's thread (t in the list and in the reader): the
 * cable, what it cites and what cites it, as a tree in the manner of
 * mutt's threads (report/thread.h's rows).  Enter opens a cable (Backspace
 * comes back) or opens a post's group of a fan; Left folds a branch,
 * Right unfolds it; J and K walk the thread's cables in date order; + goes
 * a level further and takes twice the cables.  The thread is bounded (corpus.h's THREAD_DEPTH and
 * THREAD_MOST), so it is made at once, between two keys. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "report/thread.h"

#define THREAD_DEPTH_MOST 12
#define THREAD_SIZE_MOST 16000  /* cables, after + as often as it goes */

struct thread_screen {
	struct thread t;
	struct thread_view v;
	size_t entry;            /* the cable the thread is of */
	int depth;
	size_t most;             /* cables at most */
	size_t *by_date;         /* the nodes of cables, in date order (J, K) */
	size_t ndated;
	int cols;
	struct pane pane;        /* the rows; the titles cannot be selected */
};

static struct thread_screen *state_of(struct ui *u)
{
	return ui_screen(u, &thread_ops)->state;
}

static bool is_row(const void *ud, long row)
{
	const struct thread_screen *g = ud;

	return g->v.rows[row].kind != TR_TITLE;
}

/* The nodes' order by their cables' dates: the corpus and the thread. */
struct date_order {
	const struct corpus *c;
	const struct thread *t;
};

static int by_date(const void *pa, const void *pb, void *ud)
{
	const struct date_order *o = ud;
	const struct centry *a = corpus_entry(o->c, (size_t)o->t->n[*(const size_t *)pa].entry);
	const struct centry *b = corpus_entry(o->c, (size_t)o->t->n[*(const size_t *)pb].entry);

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return (*(const size_t *)pa > *(const size_t *)pb) - (*(const size_t *)pa < *(const size_t *)pb);
}

/* The row of node @k (-1 when hidden). */
static long row_of_node(const struct thread_screen *g, size_t k)
{
	for (size_t i = 0; i < g->v.nrows; i++)
		if (g->v.rows[i].kind == TR_NODE && g->v.rows[i].at == k)
			return (long)i;
	return -1;
}

static void rows_again(struct thread_screen *g, long keep_node)
{
	thread_view_rows(&g->v);
	g->pane.n = (long)g->v.nrows;
	if (keep_node >= 0 && row_of_node(g, (size_t)keep_node) >= 0)
		pane_select(&g->pane, row_of_node(g, (size_t)keep_node));
	else
		pane_select(&g->pane, MIN(g->pane.sel, g->pane.n - 1));
	pane_scroll(&g->pane);
}

static void make(struct ui *u, struct thread_screen *g)
{
	thread_view_free(&g->v);
	thread_free(&g->t);
	free(g->by_date);
	corpus_thread(u->corpus, g->entry, g->depth, g->most, &g->t);
	thread_view_make(&g->v, u->corpus, &g->t);
	g->by_date = xcalloc(g->t.nn ? g->t.nn : 1, sizeof(*g->by_date));
	g->ndated = 0;
	for (size_t k = 0; k < g->t.nn; k++)
		if (g->t.n[k].entry >= 0 && !g->t.n[k].again)
			g->by_date[g->ndated++] = k;
	qsort_r(g->by_date, g->ndated, sizeof(*g->by_date), by_date, &(struct date_order){ u->corpus, &g->t });
	pane_init(&g->pane, false);
	g->pane.item = is_row;
	g->pane.ud = g;
	g->pane.n = (long)g->v.nrows;
	pane_select(&g->pane, 0);
}

static void thread_open(void *ctx)
{
	struct ui *u = ctx;
	struct thread_screen *g = state_of(u);
	long e = ui_asked_entry(u);

	if (e < 0) {
		ui_say(u, "no cable whose thread to show");
		return;
	}
	g->entry = (size_t)e;
	g->depth = THREAD_DEPTH;
	g->most = THREAD_MOST;
	make(u, g);
	screens_push(&u->stack, ui_screen(u, &thread_ops));
	if (g->t.nn <= 1)
		ui_say(u, "%s cites no cable and none cites it, in what was read",
		       corpus_str(u->corpus, corpus_entry(u->corpus, g->entry)->id));
}

/* The node selected, or -1 (a group, a title). */
static long selected_node(const struct thread_screen *g)
{
	const struct thread_row *r = g->pane.sel >= 0 ? &g->v.rows[g->pane.sel] : NULL;

	return r && r->kind == TR_NODE ? (long)r->at : -1;
}

/* Opens every fold and group on the way to node @k. */
static void reveal(struct thread_screen *g, size_t k)
{
	for (long p = g->t.n[k].parent; p >= 0; p = g->t.n[p].parent)
		g->v.folded[p] = false;
	for (size_t i = 0; i < g->v.ng; i++)
		for (size_t j = 0; j < g->v.g[i].n; j++)
			for (long p = (long)k; p >= 0; p = g->t.n[p].parent)
				if (g->v.g[i].nodes[j] == (size_t)p)
					g->v.g[i].open = true;
}

static void walk(struct thread_screen *g, int dir)
{
	long k = selected_node(g);
	size_t at = 0;

	if (!g->ndated)
		return;
	if (k >= 0 && g->t.n[k].entry >= 0) {
		/* the cable's place in date order (a node met again: its first) */
		for (size_t i = 0; i < g->ndated; i++)
			if (g->t.n[g->by_date[i]].entry == g->t.n[k].entry)
				at = i;
		if ((dir > 0 && at + 1 >= g->ndated) || (dir < 0 && at == 0))
			return;
		at = dir > 0 ? at + 1 : at - 1;
	}
	reveal(g, g->by_date[at]);
	rows_again(g, (long)g->by_date[at]);
}

static void enter(struct ui *u, struct thread_screen *g)
{
	const struct thread_row *r = g->pane.sel >= 0 ? &g->v.rows[g->pane.sel] : NULL;
	long e;

	if (!r)
		return;
	if (r->kind == TR_GROUP) {
		g->v.g[r->at].open = !g->v.g[r->at].open;
		rows_again(g, -1);
		return;
	}
	if (r->kind != TR_NODE)
		return;
	e = g->t.n[r->at].entry;
	if (e < 0) {
		ui_say(u, "%s is not in what was read: open the file or dump that holds it",
		       corpus_str(u->corpus, g->t.n[r->at].ref));
		return;
	}
	clist_select_entry(&u->list, (size_t)e);
	if (ui_open_cable_anew(u, (size_t)e))
		ui_say(u, "%s: Backspace goes back to the thread", corpus_str(u->corpus, corpus_entry(u->corpus, (size_t)e)->id));
}

static bool thread_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct thread_screen *g = ui_state(u, &thread_ops);
	long node = selected_node(g);

	(void)s;
	switch (keys_action(k, THREAD, false)) {
	case ACT_THREAD_OPEN: enter(u, g); break;
	case ACT_THREAD_FOLD:
	case ACT_THREAD_UNFOLD:
		if (node >= 0) {
			g->v.folded[node] = keys_action(k, THREAD, false) == ACT_THREAD_FOLD;
			rows_again(g, node);
		} else if (g->pane.sel >= 0 && g->v.rows[g->pane.sel].kind == TR_GROUP) {
			g->v.g[g->v.rows[g->pane.sel].at].open = keys_action(k, THREAD, false) == ACT_THREAD_UNFOLD;
			rows_again(g, -1);
		}
		break;
	case ACT_THREAD_NEXT: walk(g, 1); break;
	case ACT_THREAD_PREV: walk(g, -1); break;
	case ACT_THREAD_MORE:
		if (!g->t.cut) {
			ui_say(u, "the whole thread is shown");
		} else if (g->depth >= THREAD_DEPTH_MOST && g->most >= THREAD_SIZE_MOST) {
			ui_say(u, "%d levels each way and %d cables at most", THREAD_DEPTH_MOST, THREAD_SIZE_MOST);
		} else {
			/* a level further, and twice the cables */
			g->depth = MIN(g->depth + 1, THREAD_DEPTH_MOST);
			g->most = MIN(g->most * 2, (size_t)THREAD_SIZE_MOST);
			make(u, g);
			ui_say(u, "%d levels each way, %zu cables at most", g->depth, g->most);
		}
		break;
	case ACT_THREAD_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void thread_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct thread_screen *g = ui_state(u, &thread_ops);

	(void)s;
	g->cols = r.w;
	pane_resize(&g->pane, (long)g->v.nrows, r.h - 2);
}

static void thread_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct thread_screen *g = ui_state(u, &thread_ops);
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 }, cl = { 0 };

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, g->cols, title);
	buf_printf(&b, " Thread of %s  ", corpus_str(u->corpus, corpus_entry(u->corpus, g->entry)->id));
	thread_said(&b, &g->t);
	if (g->t.cut)
		buf_adds(&b, "; + for more");
	put_cut(0, 0, g->cols, paint_clean(&cl, buf_str(&b)), title);
	for (int k = 0; k < g->pane.h && g->pane.top + k < (long)g->v.nrows; k++) {
		const struct thread_row *r = &g->v.rows[g->pane.top + k];
		int y = 1 + k, attr = g->pane.top + k == g->pane.sel ? A_REVERSE : 0, x;

		if (r->kind == TR_TITLE) {
			put_c(y, 1, g->cols - 1, r->at ? "cited by" : "cites", pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD);
			continue;
		}
		if (attr)
			paint_fill(y, 0, g->cols, attr);
		x = 1 + put_c(y, 1, g->cols - 2, r->prefix, attr | A_DIM);
		buf_clear(&b);
		if (r->kind == TR_GROUP) {
			buf_adds(&b, g->v.g[r->at].open ? "\xE2\x96\xBE " : "\xE2\x96\xB8 ");
			thread_group_text(&b, u->corpus, &g->v.g[r->at]);
			put_cut(y, x, g->cols - x - 1, buf_str(&b), attr | A_BOLD);
			continue;
		}
		if (g->v.folded[r->at] && g->v.first[r->at + 1] > g->v.first[r->at])
			buf_adds(&b, "\xE2\x96\xB8 ");
		thread_node_text(&b, u->corpus, &g->t.n[r->at],
				 g->v.written && r->at < g->v.nwritten ? g->v.written[r->at] : NULL);
		put_cut(y, x, g->cols - x - 1, paint_clean(&cl, buf_str(&b)),
			attr | (g->t.n[r->at].entry < 0 || g->t.n[r->at].again ? A_DIM : 0) | (r->at == 0 ? A_BOLD : 0));
	}
	if (pane_more_above(&g->pane))
		put_c(1, g->cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&g->pane))
		put_c(s->r.h - 2, g->cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_clear(&b);
	{
		long node = selected_node(g);

		/* the cable selected, and its place by date (what J and K walk) */
		for (size_t i = 0; node >= 0 && g->t.n[node].entry >= 0 && i < g->ndated; i++)
			if (g->t.n[g->by_date[i]].entry == g->t.n[node].entry) {
				buf_printf(&b, " %s, %zu of %zu by date ",
					   corpus_str(u->corpus, corpus_entry(u->corpus, (size_t)g->t.n[node].entry)->id), i + 1,
					   g->ndated);
				break;
			}
	}
	buf_adds(&b, " Enter opens  Left/Right fold  J/K by date");
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, g->cols }, buf_str(&b), "q closes ");
	buf_free(&b);
	buf_free(&cl);
}

static void thread_free_state(void *state)
{
	struct thread_screen *g = state;

	thread_view_free(&g->v);
	thread_free(&g->t);
	free(g->by_date);
}

static void thread_init(struct screen *s)
{
	s->pane = &((struct thread_screen *)s->state)->pane;
	s->pane_y = 1;
}

/* The REFs not in the inputs read as written, a few parses between keys. */
static bool thread_busy(const void *ctx, const struct screen *s)
{
	const struct thread_screen *g = s->state;

	(void)ctx;
	return g->t.nn && g->v.wnext < g->t.nn;
}

static void thread_idle(void *ctx, struct screen *s, double budget_ms)
{
	struct ui *u = ctx;
	struct thread_screen *g = s->state;

	thread_refs_step(&g->v, u->corpus, budget_ms);
}

const struct screen_ops thread_ops = {
	.busy = thread_busy,
	.idle = thread_idle,
	.name = "thread",
	.keys = THREAD,
	.init = thread_init,
	.free = thread_free_state,
	.start = thread_open,
	.open_on = (const int[]){ ACT_LIST_THREAD, ACT_THREAD, -1 },
	.state_size = sizeof(struct thread_screen),
	.handle = thread_handle,
	.recalc = thread_recalc,
	.draw = thread_draw,
};
