/* ui_menu.c -- the filter menu: the markings of the open cable, each with
 * its count, over the reader (an overlay screen) */
#include "config.h"
#include "ui/ui_internal.h"

#include <string.h>

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
struct menu_item {
	struct para_filter filter;
	char label[64];
	size_t count;
};

struct menu {
	struct menu_item items[2 * LEVEL_COUNT + 2];
	int n, sel;
	struct rect box;
};

static struct menu *state_of(struct ui *u)
{
	return ui_screen(u, &menu_ops)->state;
}

static struct menu_item *item(struct menu *m)
{
	return &m->items[m->n++];
}

static void menu_open(void *ctx)
{
	struct ui *u = ctx;
	struct view *v = &u->v;
	struct menu *m = state_of(u);
	size_t counts[LEVEL_COUNT], total = 0;
	bool mo = v->filter.marked_only;
	struct menu_item *it;

	if (!v->c)
		return;
	view_level_counts(v, counts);
	m->n = 0;
	for (int l = LEVEL_U; l < LEVEL_COUNT; l++) {
		if (!counts[l])
			continue;
		it = item(m);
		it->filter = (struct para_filter){ FILTER_EXACT, (enum level)l, mo };
		snprintf(it->label, sizeof(it->label), "%s only", level_abbrev((enum level)l));
		it->count = counts[l];
	}
	if (counts[LEVEL_NONE]) {
		it = item(m);
		it->filter = (struct para_filter){ FILTER_UNMARKED, LEVEL_NONE, mo };
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
		it = item(m);
		it->filter = (struct para_filter){ FILTER_AT_LEAST, (enum level)l, mo };
		snprintf(it->label, sizeof(it->label), "%s and above", level_abbrev((enum level)l));
		it->count = above;
	}
	it = item(m);
	it->filter = (struct para_filter){ FILTER_ALL, LEVEL_NONE, mo };
	snprintf(it->label, sizeof(it->label), "all");
	it->count = v->c ? v->c->nparas : 0;
	m->sel = 0;
	screens_push(&u->stack, ui_screen(u, &menu_ops));
}

static void pick(struct ui *u, int i)
{
	const struct menu *m = ui_state(u, &menu_ops);
	const struct menu_item *it = &m->items[i];

	screens_pop(&u->stack);
	view_set_filter(&u->v, it->filter);
	if (status_empty(&u->status))
		ui_say(u, "%zu paragraph%s shown", it->count, it->count == 1 ? "" : "s");
}

static bool menu_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct menu *m = ui_state(u, &menu_ops);

	(void)s;
	switch (keys_action(k, MENU, false)) {
	case ACT_MENU_DOWN: m->sel = (m->sel + 1) % m->n; break;
	case ACT_MENU_UP: m->sel = (m->sel + m->n - 1) % m->n; break;
	case ACT_MENU_PICK_N:
		if (k.code - '1' < m->n)
			pick(u, k.code - '1');
		break;
	case ACT_MENU_PICK: pick(u, m->sel); break;
	case ACT_MENU_CANCEL: screens_pop(&u->stack); break;
	default: break;
	}
	/* the menu is modal: no key reaches the reader under it */
	return true;
}

static void menu_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct menu *m = s->state;
	struct rect *b = &m->box;

	(void)ctx;
	b->w = r.w < 36 ? r.w : 36;
	b->h = r.h < m->n + 4 ? r.h : m->n + 4;
	b->y = (r.h - b->h) / 2;        /* within the screen's rectangle */
	b->x = (r.w - b->w) / 2;
}

static void menu_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct menu *m = ui_state(u, &menu_ops);
	const struct rect *b = &m->box;

	(void)s;
	for (int y = 0; y < b->h; y++)
		paint_fill(b->y + y, b->x, b->w, A_REVERSE);
	put_c(b->y, b->x + 1, b->w - 2, "Filter by marking", A_REVERSE | A_BOLD);
	for (int i = 0; i < m->n && 2 + i < b->h - 1; i++) {
		char line[96];
		int attr = i == m->sel ? A_BOLD : A_REVERSE;

		snprintf(line, sizeof(line), "%d  %-22s %5zu", i + 1, m->items[i].label, m->items[i].count);
		paint_fill(b->y + 2 + i, b->x + 1, b->w - 2, attr);
		put_c(b->y + 2 + i, b->x + 2, b->w - 3, line, attr);
	}
	if (b->h >= 4)
		put_c(b->y + b->h - 1, b->x + 1, b->w - 2, "Enter picks, Esc cancels", A_REVERSE);
}

const struct screen_ops menu_ops = {
	.name = "menu",
	.keys = MENU,
	.start = menu_open,
	.open_on = (const int[]){ ACT_FILTER, -1 },
	.state_size = sizeof(struct menu),
	.overlay = true,
	.handle = menu_handle,
	.recalc = menu_recalc,
	.draw = menu_draw,
};
