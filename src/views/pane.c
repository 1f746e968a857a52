/* pane.c -- the one scrolling list (pane.h) */
#include "config.h"
#include "views/pane.h"

#include <string.h>

void pane_init(struct pane *p, bool text)
{
	memset(p, 0, sizeof(*p));
	p->sel = -1;
	p->h = 1;
	p->text = text;
}

long pane_delta(enum move m, int h)
{
	long page = h > 1 ? h - 1 : 1, half = h / 2 > 0 ? h / 2 : 1;

	switch (m) {
	case MOVE_DOWN: return 1;
	case MOVE_UP: return -1;
	case MOVE_PAGE_DOWN: return page;
	case MOVE_PAGE_UP: return -page;
	case MOVE_HALF_DOWN: return half;
	case MOVE_HALF_UP: return -half;
	default: return 0;
	}
}

static bool is_item(const struct pane *p, long row)
{
	return row >= 0 && row < p->n && (!p->item || p->item(p->ud, row));
}

/* The first row at or after @from going in @dir that can be selected, or -1. */
static long item_from(const struct pane *p, long from, int dir)
{
	for (long r = from; r >= 0 && r < p->n; r += dir)
		if (is_item(p, r))
			return r;
	return -1;
}

/* The row nearest @to that can be selected: going in @dir first, then back. */
static long nearest(const struct pane *p, long to, int dir)
{
	long r;

	if (to >= p->n)
		to = p->n - 1;
	if (to < 0)
		to = 0;
	r = item_from(p, to, dir);
	return r >= 0 ? r : item_from(p, to, -dir);
}

/* A text's last top: the one that puts its last line at the bottom. */
static long last_top(const struct pane *p)
{
	long top = p->n;
	int filled = 0;

	while (top > 0) {
		int k = p->lines ? p->lines(p->ud, top - 1) : 1;

		if (filled + k > p->h)
			break;
		filled += k;
		top--;
	}
	if (top == p->n)
		top = p->n - 1;
	return top > 0 ? top : 0;
}

void pane_scroll(struct pane *p)
{
	if (p->h < 1)
		p->h = 1;
	if (p->text) {
		long last = last_top(p);

		if (p->top > last)
			p->top = last;
		if (p->top < 0)
			p->top = 0;
		return;
	}
	if (!is_item(p, p->sel))
		p->sel = p->n ? nearest(p, p->sel < 0 ? 0 : p->sel, 1) : -1;
	if (p->sel >= 0) {
		/* the heading above the first row under it shows with it */
		if (p->sel > 0 && !is_item(p, p->sel - 1) && p->top >= p->sel)
			p->top = p->sel - 1;
		if (p->sel < p->top)
			p->top = p->sel;
		if (p->sel >= p->top + p->h)
			p->top = p->sel - p->h + 1;
	}
	if (p->top > p->n - p->h)
		p->top = p->n - p->h;
	if (p->top < 0)
		p->top = 0;
}

bool pane_move(struct pane *p, enum move m)
{
	long sel = p->sel, top = p->top, d = pane_delta(m, p->h);

	if (p->text) {
		if (m == MOVE_FIRST)
			p->top = 0;
		else if (m == MOVE_LAST)
			p->top = p->n;
		else
			p->top += d;
	} else if (p->n) {
		if (m == MOVE_FIRST)
			p->sel = item_from(p, 0, 1);
		else if (m == MOVE_LAST)
			p->sel = item_from(p, p->n - 1, -1);
		else if (p->sel < 0)
			p->sel = item_from(p, 0, 1);
		else
			p->sel = nearest(p, p->sel + d, d < 0 ? -1 : 1);
	}
	pane_scroll(p);
	return p->sel != sel || p->top != top;
}

void pane_resize(struct pane *p, long n, int h)
{
	p->n = n;
	p->h = h;
	pane_scroll(p);
}

void pane_select(struct pane *p, long row)
{
	p->sel = p->n ? nearest(p, row, 1) : -1;
	pane_scroll(p);
}

long pane_row_at(const struct pane *p, int y)
{
	long row = p->top + y;

	return y >= 0 && y < p->h && row < p->n ? row : -1;
}

bool pane_wheel(struct pane *p, int dir)
{
	long sel = p->sel, top = p->top;

	if (p->text)
		p->top += 3 * dir;
	else if (p->sel >= 0)
		p->sel = nearest(p, p->sel + 3 * dir, dir);
	pane_scroll(p);
	return p->sel != sel || p->top != top;
}

bool pane_more_above(const struct pane *p)
{
	return p->top > 0;
}

bool pane_more_below(const struct pane *p)
{
	return p->text ? p->top < last_top(p) : p->top + p->h < p->n;
}
