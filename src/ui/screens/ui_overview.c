/* ui_overview.c -- the corpus at a glance (o in the list): for the cables
 * the list shows, how many a year as bars, the top origins, the top TAGS
 * with their meanings, the levels and caveats, the signers, classifiers,
 * addressees and people; Enter on a row narrows the
 * list's filter to it, like the faceted browsing of the web viewers */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
/* The overview screen: the facets as rows, every origin and TAG (the list
 * scrolls to the last). */
struct overview_line {
	const char *title;       /* a section's title, or NULL */
	const struct facet *facet;
	bool bar;
	int labw;                /* its section's labels: 20 columns, or as wide as the widest (to 48) */
};

struct overview_screen {
	struct overview ov;
	struct overview_line *lines;
	int n, cols;
	size_t cap;
	struct pane pane;        /* the rows; the section titles cannot be selected */
};

static struct overview_screen *state_of(struct ui *u)
{
	return ui_screen(u, &overview_ops)->state;
}

static void add_line(struct overview_screen *g, const char *title, const struct facet *f, bool bar)
{
	grow_array((void **)&g->lines, &g->cap, (size_t)g->n + 1, sizeof(*g->lines));
	g->lines[g->n++] = (struct overview_line){ title, f, bar, 20 };
}

static void section(struct overview_screen *g, const char *title, const struct facet *f, size_t n, bool bar)
{
	if (!n)
		return;
	int labw = 20;

	add_line(g, title, NULL, false);
	for (size_t i = 0; i < n; i++)
		if (!f[i].empty_run)
			labw = MAX(labw, MIN(text_width(str_c(f[i].label)), 48));
	for (size_t i = 0; i < n; i++) {
		add_line(g, NULL, &f[i], bar);
		g->lines[g->n - 1].labw = labw;
	}
}

static bool is_facet(const void *ud, long row)
{
	const struct overview_screen *g = ud;

	return g->lines[row].facet && !g->lines[row].facet->empty_run;
}

static void overview_open(void *ctx)
{
	struct ui *u = ctx;
	struct overview_screen *g = state_of(u);
	const struct overview *o = &g->ov;

	overview_free(&g->ov);
	overview_make(&g->ov, u->corpus, u->list.rows, u->list.n, OVERVIEW_ALL);
	g->n = 0;
	section(g, o->by_month ? "Cables a month" : "Cables a year", o->spans, o->nspans, true);
	section(g, "Origins", o->origins, o->norigins, false);
	section(g, "TAGS", o->tags, o->ntags, false);
	section(g, "Levels", o->levels, o->nlevels, false);
	section(g, "Caveats", o->caveats, o->ncaveats, false);
	for (int w = 0; w < WHO_COUNT; w++)
		section(g, overview_who_title(o, w), o->who[w], o->nwho[w], false);
	pane_init(&g->pane, false);
	g->pane.item = is_facet;
	g->pane.ud = g;
	g->pane.n = g->n;
	pane_select(&g->pane, 0);
	screens_push(&u->stack, ui_screen(u, &overview_ops));
	if (!u->list.n)
		ui_say(u, "no cable passes the filter");
}

static bool overview_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct overview_screen *g = ui_state(u, &overview_ops);

	(void)s;
	switch (keys_action(k, OVERVIEW, false)) {
	case ACT_GLANCE_PICK:
		if (g->pane.sel >= 0) {
			char term[sizeof(g->lines[0].facet->term)];

			snprintf(term, sizeof(term), "%s", g->lines[g->pane.sel].facet->term);
			screens_pop(&u->stack);
			ui_list_narrow(u, term);
		}
		break;
	case ACT_GLANCE_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void overview_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct overview_screen *g = ui_state(u, &overview_ops);

	(void)s;
	g->cols = r.w;
	pane_resize(&g->pane, g->n, r.h - 2);
}

static void overview_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct overview_screen *g = ui_state(u, &overview_ops);
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 }, cl = { 0 };
	char n[32];

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, g->cols, title);
	paint_thousands(n, sizeof(n), g->ov.cables);
	buf_printf(&b, " Overview  %s cable%s", n, g->ov.cables == 1 ? "" : "s");
	if (g->ov.undated)
		buf_printf(&b, " (%zu without a date)", g->ov.undated);
	if (!cfilter_empty(&u->list.filter))
		buf_printf(&b, "  filter: %s", u->list.filter.text);
	put_cut(0, 0, g->cols, paint_clean(&cl, buf_str(&b)), title);
	for (int k = 0; k < g->pane.h && g->pane.top + k < g->n; k++) {
		const struct overview_line *l = &g->lines[g->pane.top + k];
		int y = 1 + k, attr = g->pane.top + k == g->pane.sel ? A_REVERSE : 0, x, labw;

		if (!l->facet) {
			put_c(y, 1, g->cols - 1, l->title, pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD);
			continue;
		}
		if (attr)
			paint_fill(y, 0, g->cols, attr);
		if (l->facet->empty_run) {
			/* a run of years without a cable: one row, not chosen */
			put_c(y, 3, 20, l->facet->label, A_DIM);
			put_c(y, 24 + 10 - 4, 4, "none", A_DIM);
			continue;
		}
		paint_thousands(n, sizeof(n), l->facet->count);
		labw = MIN(l->labw, g->cols / 2 - 4);
		put_cut(y, 3, labw, paint_clean(&cl, str_c(l->facet->label)), attr | A_BOLD);
		x = 4 + labw;
		put_c(y, x + 10 - (int)strlen(n), (int)strlen(n), n, attr);
		x += 12;
		if (l->bar) {
			buf_clear(&b);
			overview_bar(&b, l->facet->count, g->ov.most_span, g->cols - x - 2 > 4 ? g->cols - x - 2 : 4);
			paint_put(y, x, g->cols - x - 1, buf_str(&b), attr | pair_attr(u, PAIR_LABEL, 0));
		} else if (l->facet->meaning) {
			put_cut(y, x, g->cols - x - 1, str_c(l->facet->meaning), attr);
		}
	}
	if (pane_more_above(&g->pane))
		put_c(1, g->cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&g->pane))
		put_c(s->r.h - 2, g->cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_clear(&b);
	if (g->pane.sel >= 0)
		buf_printf(&b, " Enter narrows the list to %s", g->lines[g->pane.sel].facet->term);
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, g->cols }, buf_str(&b), "q closes ");
	buf_free(&b);
	buf_free(&cl);
}

static void overview_free_state(void *state)
{
	struct overview_screen *g = state;

	overview_free(&g->ov);
	free(g->lines);
}

static void overview_init(struct screen *s)
{
	s->pane = &((struct overview_screen *)s->state)->pane;
	s->pane_y = 1;
}

const struct screen_ops overview_ops = {
	.name = "overview",
	.keys = OVERVIEW,
	.init = overview_init,
	.free = overview_free_state,
	.start = overview_open,
	.open_on = (const int[]){ ACT_LIST_OVERVIEW, -1 },
	.state_size = sizeof(struct overview_screen),
	.handle = overview_handle,
	.recalc = overview_recalc,
	.draw = overview_draw,
};
