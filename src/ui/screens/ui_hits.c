/* ui_hits.c -- the search results (Tab in the list): every hit of the
 * filter's words in the listed cables, a line each -- id, date, ¶ and
 * marking, and the words around the match, aligned on it (a keyword in
 * context) -- found in steps between keys; Enter opens the cable at the
 * hit, and back comes to the same hit */
#include "config.h"
#include "ui/ui_internal.h"

#include <string.h>

#include "base/text.h"

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
/* The search results screen. */
struct hitscreen {
	struct hits h;
	bool done;
	int cols;
	struct pane pane;        /* the hits, a row each */
	struct list_columns cols_at;
};

static struct hitscreen *state_of(struct ui *u)
{
	return ui_screen(u, &hits_ops)->state;
}

static void hits_open(void *ctx)
{
	struct ui *u = ctx;
	struct hitscreen *hs = state_of(u);

	if (u->list.busy) {
		ui_say(u, "the filter is still being applied: Tab again when it is done");
		return;
	}
	if (!hits_possible(&u->list.filter)) {
		ui_say(u, "no words to find in the filter: a bare word, a \"phrase\", text=... or text~...");
		return;
	}
	hits_start(&hs->h, u->corpus, &u->list.filter, u->list.rows, u->list.n);
	hs->done = hits_step(&hs->h, 50);
	pane_init(&hs->pane, false);
	hs->pane.n = (long)hs->h.n;
	pane_select(&hs->pane, 0);
	screens_push(&u->stack, ui_screen(u, &hits_ops));
}

/* The hits are found between keys, a step at a time. */
static bool hits_busy(const void *ctx, const struct screen *s)
{
	const struct hitscreen *hs = s->state;

	(void)ctx;
	return !hs->done;
}

static void hits_idle(void *ctx, struct screen *s, double budget_ms)
{
	struct hitscreen *hs = s->state;

	(void)ctx;
	hs->done = hits_step(&hs->h, budget_ms);
}

static void open_hit(struct ui *u)
{
	struct hitscreen *hs = ui_state(u, &hits_ops);
	const struct hit_row *r;
	struct view *v = &u->v;
	char n[32];

	if (hs->pane.sel < 0 || (size_t)hs->pane.sel >= hs->h.n)
		return;
	r = &hs->h.hit[hs->pane.sel];
	clist_select_entry(&u->list, r->entry);
	if (!ui_open_from_list(u, r->entry))
		return;
	paint_thousands(n, sizeof(n), hs->h.n);
	if (r->para < 0) {
		/* in the header: the cable from its top, the header whole */
		reader_show_header(u);
		ui_say(u, "hit %d of %s is in the header: Backspace goes back to the hits", (int)hs->pane.sel + 1, n);
		return;
	}
	if (!view_visible(v, r->para))
		view_set_filter(v, (struct para_filter){ FILTER_ALL, LEVEL_NONE, false });
	if (!view_search_at(v, r->para, r->start))
		view_select(v, r->para);
	ui_say(u, "hit %d of %s: Backspace goes back to the hits", (int)hs->pane.sel + 1, n);
}

static bool hits_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct hitscreen *hs = ui_state(u, &hits_ops);

	(void)s;
	(void)hs;
	switch (keys_action(k, HITS, false)) {
	case ACT_HITS_OPEN: open_hit(u); return true;
	case ACT_HITS_CLOSE: screens_pop(&u->stack); return true;
	default: return false;
	}
}

static void hits_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct hitscreen *hs = ui_state(u, &hits_ops);

	(void)s;
	hs->cols = r.w;
	layout_list(&hs->cols_at, r.w, u->list.id_w);
	pane_resize(&hs->pane, (long)hs->h.n, r.h - 2);
}

/* The context of @r in @w columns, aligned so that the match starts at
 * column @at: the words before cut from the left. */
static void draw_context(const struct ui *u, int y, int x, int w, const struct hit_row *r, int attr)
{
	struct str before = str_make(r->text, r->before), match = str_make(r->text + r->before, r->match);
	struct str after = str_c(r->text + r->before + r->match);
	int at = w * 2 / 5, bw = text_width(before), used;

	/* the words before: their end, right against the match */
	while (bw > at && before.n) {
		size_t k = 1;

		while (k < before.n && ((unsigned char)before.p[k] & 0xC0) == 0x80)
			k++;
		before = str_make(before.p + k, before.n - k);
		bw = text_width(before);
	}
	paint_put(y, x + at - bw, bw, before, attr);
	used = paint_put(y, x + at, w - at, match, (u->color ? (int)COLOR_PAIR(PAIR_MATCH) : A_REVERSE) | A_BOLD);
	put_cut(y, x + at + used, w - at - used, after, attr);
}

static void hits_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct hitscreen *hs = ui_state(u, &hits_ops);
	const struct list_columns *c = &hs->cols_at;
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 }, cl = { 0 };
	char n1[32], n2[32];

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, hs->cols, title);
	paint_thousands(n1, sizeof(n1), hs->h.n);
	paint_thousands(n2, sizeof(n2), hs->h.cables);
	buf_printf(&b, " %s hit%s in %s cable%s", n1, hs->h.n == 1 ? "" : "s", n2, hs->h.cables == 1 ? "" : "s");
	if (!hs->done)
		buf_printf(&b, "  reading %d%%", hs->h.nrows ? (int)(hs->h.next * 100 / hs->h.nrows) : 100);
	if (hs->h.full)
		buf_printf(&b, " (the first %d)", HITS_MAX);
	buf_printf(&b, "  filter: %s", u->list.filter.text);
	put_cut(0, 0, hs->cols, paint_clean(&cl, buf_str(&b)), title);
	for (int k = 0; k < hs->pane.h && (size_t)(hs->pane.top + k) < hs->h.n; k++) {
		const struct hit_row *r = &hs->h.hit[hs->pane.top + k];
		const struct centry *e = corpus_entry(u->corpus, r->entry);
		int y = 1 + k, attr = hs->pane.top + k == hs->pane.sel ? A_REVERSE : 0, x;
		char date[11], where[64];

		if (attr)
			paint_fill(y, 0, hs->cols, attr);
		put_cut(y, c->id_x, c->id_w, paint_clean(&cl, str_c(corpus_str(u->corpus, e->id))), attr | A_BOLD);
		x = c->id_x + c->id_w + 2;
		if (c->date_w) {
			minutes_date(e->date, date);
			put_c(y, x, 10, date, attr);
			x += 12;
		}
		if (r->para < 0)
			snprintf(where, sizeof(where), "header");
		else
			snprintf(where, sizeof(where), "\xC2\xB6%s%s%s%s", r->address, r->marking[0] ? " (" : "",
				 r->marking, r->marking[0] ? ")" : "");
		put_cut(y, x, 14, str_c(where), attr);
		x += 15;
		if (x + 10 < hs->cols)
			draw_context(u, y, x, hs->cols - x - 1, r, attr);
	}
	if (!hs->h.n)
		put_c(1, 1, hs->cols - 1, hs->done ? "(no hit)" : "(no hit yet: still reading)", A_DIM);
	buf_clear(&b);
	if (hs->h.n)
		buf_printf(&b, " %ld/%s", hs->pane.sel + 1, n1);
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, hs->cols }, buf_str(&b), "Enter opens, Tab: the cables ");
	buf_free(&b);
	buf_free(&cl);
}

static void hits_close(void *ctx, struct screen *s)
{
	struct hitscreen *hs = s->state;

	(void)ctx;
	hits_free(&hs->h);
}

static void hits_state_free(void *state)
{
	struct hitscreen *hs = state;

	hits_free(&hs->h);
}

static void hits_init(struct screen *s)
{
	s->pane = &((struct hitscreen *)s->state)->pane;
	s->pane_y = 1;
}

const struct screen_ops hits_ops = {
	.name = "hits",
	.keys = HITS,
	.init = hits_init,
	.start = hits_open,
	.busy = hits_busy,
	.idle = hits_idle,
	.open_on = (const int[]){ ACT_LIST_HITS, -1 },
	.state_size = sizeof(struct hitscreen),
	.handle = hits_handle,
	.recalc = hits_recalc,
	.draw = hits_draw,
	.free = hits_state_free,
	.close = hits_close,
};
