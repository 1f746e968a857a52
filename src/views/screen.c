/* screen.c -- the stack of screens */
#include "config.h"
#include "views/screen.h"

#include <stddef.h>

void screens_init(struct screens *st, void *ctx)
{
	st->n = 0;
	st->ctx = ctx;
	st->area = NULL;
}

bool screens_push(struct screens *st, struct screen *s)
{
	if (st->n >= SCREENS_MAX)
		return false;
	st->s[st->n++] = s;
	if (s->ops->open)
		s->ops->open(st->ctx, s);
	return true;
}

bool screens_pop(struct screens *st)
{
	struct screen *s;

	if (!st->n)
		return false;
	s = st->s[--st->n];
	if (s->ops->close)
		s->ops->close(st->ctx, s);
	return true;
}

struct screen *screens_top(const struct screens *st)
{
	return st->n ? st->s[st->n - 1] : NULL;
}

/* The index of the lowest screen that shows. */
static int first_shown(const struct screens *st)
{
	int i = st->n - 1;

	while (i > 0 && st->s[i]->ops->overlay)
		i--;
	return i;
}

struct screen *screens_base(const struct screens *st)
{
	return st->n ? st->s[first_shown(st)] : NULL;
}

bool screens_has(const struct screens *st, const struct screen *s)
{
	for (int i = 0; i < st->n; i++)
		if (st->s[i] == s)
			return true;
	return false;
}

bool screens_handle(struct screens *st, struct key k)
{
	struct screen *s = screens_top(st);

	return s && s->ops->handle && s->ops->handle(st->ctx, s, k);
}

bool screens_start(const struct screen_ops *const *all, int n, int action, void *ctx)
{
	for (int i = 0; i < n; i++) {
		const struct screen_ops *ops = all[i];

		for (const int *o = ops && ops->start ? ops->open_on : NULL; o && *o >= 0; o++)
			if (*o == action) {
				ops->start(ctx);
				return true;
			}
	}
	return false;
}

bool screens_busy(const struct screens *st)
{
	for (int i = 0; i < st->n; i++)
		if (st->s[i]->ops->busy && st->s[i]->ops->busy(st->ctx, st->s[i]))
			return true;
	return false;
}

bool screens_idle(struct screens *st, double budget_ms)
{
	bool any = false;

	for (int i = 0; i < st->n; i++)
		if (st->s[i]->ops->busy && st->s[i]->ops->busy(st->ctx, st->s[i]) && st->s[i]->ops->idle) {
			st->s[i]->ops->idle(st->ctx, st->s[i], budget_ms);
			any = true;
		}
	return any;
}

void screens_refresh(struct screens *st)
{
	for (int i = 0; i < st->n; i++)
		if (st->s[i]->ops->refresh)
			st->s[i]->ops->refresh(st->ctx, st->s[i]);
}

bool screens_move(struct screens *st, enum move m)
{
	struct screen *s = screens_top(st);
	struct pane *p;

	if (!s || s->ops->overlay || m == MOVE_NONE)
		return false;
	p = s->ops->pane ? s->ops->pane(st->ctx, s) : s->pane;
	if (!p)
		return false;
	if (pane_move(p, m) && s->ops->moved)
		s->ops->moved(st->ctx, s);
	return true;
}

void screens_recalc(struct screens *st, struct rect r)
{
	for (int i = st->n ? first_shown(st) : 0; i < st->n; i++) {
		st->s[i]->r = r;
		if (st->s[i]->ops->recalc)
			st->s[i]->ops->recalc(st->ctx, st->s[i], r);
	}
}

void screens_draw(const struct screens *st)
{
	for (int i = st->n ? first_shown(st) : 0; i < st->n; i++) {
		if (st->area)
			st->area(st->s[i]->r);
		if (st->s[i]->ops->draw)
			st->s[i]->ops->draw(st->ctx, st->s[i]);
	}
}

/* Where @s puts the cursor: its own say, or the selected row of its pane. */
static bool cursor_of(const struct screens *st, const struct screen *s, int *y, int *x)
{
	const struct pane *p = s->pane;

	if (s->ops->cursor)
		return s->ops->cursor(st->ctx, s, y, x);
	if (!p)
		return false;
	*x = 0;
	*y = s->pane_y + (p->sel >= p->top && p->sel < p->top + p->h ? (int)(p->sel - p->top) : 0);
	return true;
}

bool screens_cursor(const struct screens *st, int *y, int *x)
{
	for (int i = st->n - 1; i >= 0; i--) {
		if (cursor_of(st, st->s[i], y, x)) {
			*y += st->s[i]->r.y;
			*x += st->s[i]->r.x;
			return true;
		}
		if (!st->s[i]->ops->overlay)
			break;
	}
	return false;
}
