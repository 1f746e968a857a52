/* test_pane.c -- the one scrolling list (views/pane.h), and the movement
 * keys going to the top screen's pane (screens_move) */
#include "config.h"
#include "testlib.h"

#include "views/pane.h"
#include "views/screen.h"

/* Rows 0, 4 and 8 are headings; every other row is an item. */
static bool not_heading(const void *ud, long row)
{
	(void)ud;
	return row % 4 != 0;
}

/* Row 2 of a text takes three screen lines. */
static int tall_row(const void *ud, long row)
{
	(void)ud;
	return row == 2 ? 3 : 1;
}

static void paging_rule(void **state)
{
	(void)state;
	assert_int_equal(pane_delta(MOVE_DOWN, 10), 1);
	assert_int_equal(pane_delta(MOVE_UP, 10), -1);
	/* a page keeps one row in view; half a page is half */
	assert_int_equal(pane_delta(MOVE_PAGE_DOWN, 10), 9);
	assert_int_equal(pane_delta(MOVE_PAGE_UP, 10), -9);
	assert_int_equal(pane_delta(MOVE_HALF_DOWN, 10), 5);
	assert_int_equal(pane_delta(MOVE_HALF_UP, 10), -5);
	/* never less than a row */
	assert_int_equal(pane_delta(MOVE_PAGE_DOWN, 1), 1);
	assert_int_equal(pane_delta(MOVE_HALF_UP, 1), -1);
	assert_int_equal(pane_delta(MOVE_FIRST, 10), 0);
}

static void list_moves(void **state)
{
	struct pane p;

	(void)state;
	pane_init(&p, false);
	pane_resize(&p, 100, 10);
	assert_int_equal(p.sel, 0);
	assert_true(pane_move(&p, MOVE_DOWN));
	assert_int_equal(p.sel, 1);
	assert_true(pane_move(&p, MOVE_UP));
	assert_int_equal(p.sel, 0);
	/* at the top, up changes nothing */
	assert_false(pane_move(&p, MOVE_UP));
	pane_move(&p, MOVE_PAGE_DOWN);
	assert_int_equal(p.sel, 9);
	assert_int_equal(p.top, 0);
	pane_move(&p, MOVE_DOWN);
	/* the selection stays in view: the list scrolls by a row */
	assert_int_equal(p.sel, 10);
	assert_int_equal(p.top, 1);
	pane_move(&p, MOVE_LAST);
	assert_int_equal(p.sel, 99);
	assert_int_equal(p.top, 90);
	assert_false(pane_move(&p, MOVE_DOWN));
	pane_move(&p, MOVE_HALF_UP);
	assert_int_equal(p.sel, 94);
	pane_move(&p, MOVE_FIRST);
	assert_int_equal(p.sel, 0);
	assert_int_equal(p.top, 0);
	/* the list shrinks under the selection: it comes back in range, and
	 * no empty rows show below the last one */
	pane_move(&p, MOVE_LAST);
	pane_resize(&p, 20, 10);
	assert_int_equal(p.sel, 19);
	assert_int_equal(p.top, 10);
	/* the terminal grows taller: the top comes up to fill it */
	pane_resize(&p, 20, 15);
	assert_int_equal(p.top, 5);
	/* empty: nothing selected */
	pane_resize(&p, 0, 15);
	assert_int_equal(p.sel, -1);
	assert_int_equal(p.top, 0);
	assert_false(pane_move(&p, MOVE_DOWN));
}

static void headings(void **state)
{
	struct pane p;

	(void)state;
	pane_init(&p, false);
	p.item = not_heading;
	pane_resize(&p, 12, 3);
	/* a heading is never selected: the first item is */
	assert_int_equal(p.sel, 1);
	assert_int_equal(p.top, 0);
	pane_move(&p, MOVE_DOWN);
	pane_move(&p, MOVE_DOWN);
	assert_int_equal(p.sel, 3);
	/* down from 3 skips the heading at 4 */
	pane_move(&p, MOVE_DOWN);
	assert_int_equal(p.sel, 5);
	assert_int_equal(p.top, 3);
	/* going up to the first item under a heading shows the heading */
	pane_move(&p, MOVE_DOWN);
	pane_move(&p, MOVE_DOWN);
	pane_move(&p, MOVE_DOWN);
	assert_int_equal(p.sel, 9);
	pane_move(&p, MOVE_UP);
	pane_move(&p, MOVE_UP);
	pane_move(&p, MOVE_UP);
	assert_int_equal(p.sel, 5);
	assert_int_equal(p.top, 4);
	pane_move(&p, MOVE_LAST);
	assert_int_equal(p.sel, 11);
	pane_move(&p, MOVE_FIRST);
	assert_int_equal(p.sel, 1);
	assert_int_equal(p.top, 0);
	/* a click on a heading selects the item under it */
	pane_select(&p, 8);
	assert_int_equal(p.sel, 9);
	assert_int_equal(pane_row_at(&p, 0), p.top);
	assert_int_equal(pane_row_at(&p, 3), -1);
	/* the wheel: three rows */
	pane_select(&p, 1);
	assert_true(pane_wheel(&p, 1));
	assert_int_equal(p.sel, 5);
}

static void text_moves(void **state)
{
	struct pane p;

	(void)state;
	pane_init(&p, true);
	pane_resize(&p, 30, 10);
	assert_int_equal(p.sel, -1);
	assert_false(pane_more_above(&p));
	assert_true(pane_more_below(&p));
	pane_move(&p, MOVE_PAGE_DOWN);
	assert_int_equal(p.top, 9);
	pane_move(&p, MOVE_LAST);
	/* the last line at the bottom, never past it */
	assert_int_equal(p.top, 20);
	assert_false(pane_more_below(&p));
	assert_false(pane_move(&p, MOVE_DOWN));
	pane_move(&p, MOVE_HALF_UP);
	assert_int_equal(p.top, 15);
	pane_move(&p, MOVE_FIRST);
	assert_int_equal(p.top, 0);
	assert_false(pane_move(&p, MOVE_UP));
	/* shorter than the pane: nothing to scroll */
	pane_resize(&p, 4, 10);
	assert_false(pane_move(&p, MOVE_DOWN));
	assert_int_equal(p.top, 0);
	/* rows of several lines: the last top keeps the last line at the bottom */
	pane_init(&p, true);
	p.lines = tall_row;
	pane_resize(&p, 5, 5);
	pane_move(&p, MOVE_LAST);
	assert_int_equal(p.top, 2);
	assert_false(pane_move(&p, MOVE_DOWN));
	pane_resize(&p, 5, 3);
	pane_move(&p, MOVE_LAST);
	assert_int_equal(p.top, 3);
}

/* ------------------------------------------------------------ screens_move */

static struct pane shared;
static int moved;

static struct pane *s_pane(void *ctx, struct screen *s)
{
	(void)ctx;
	(void)s;
	return &shared;
}

static void s_moved(void *ctx, struct screen *s)
{
	(void)ctx;
	(void)s;
	moved++;
}

static const struct screen_ops list_ops = { .name = "list", .pane = s_pane, .moved = s_moved };
static const struct screen_ops bare_ops = { .name = "bare" };
static const struct screen_ops over_ops = { .name = "over", .overlay = true };

static void movement_keys(void **state)
{
	struct screens st;
	struct screen l = { .ops = &list_ops }, b = { .ops = &bare_ops }, o = { .ops = &over_ops };

	(void)state;
	pane_init(&shared, false);
	pane_resize(&shared, 50, 10);
	moved = 0;
	screens_init(&st, NULL);
	assert_false(screens_move(&st, MOVE_DOWN));
	screens_push(&st, &l);
	assert_true(screens_move(&st, MOVE_DOWN));
	assert_int_equal(shared.sel, 1);
	assert_int_equal(moved, 1);
	/* nothing moved: the screen is not told */
	screens_move(&st, MOVE_FIRST);
	screens_move(&st, MOVE_UP);
	assert_int_equal(moved, 2);
	/* an overlay's keys never move the screen below it */
	screens_push(&st, &o);
	assert_false(screens_move(&st, MOVE_DOWN));
	assert_int_equal(shared.sel, 0);
	screens_pop(&st);
	/* a screen without a pane: the keys move nothing */
	screens_push(&st, &b);
	assert_false(screens_move(&st, MOVE_DOWN));
	assert_int_equal(shared.sel, 0);
}

static int started, refreshed, work_left;

static bool s_busy(const void *ctx, const struct screen *s)
{
	(void)ctx;
	(void)s;
	return work_left > 0;
}

static void s_idle(void *ctx, struct screen *s, double budget_ms)
{
	(void)ctx;
	(void)s;
	(void)budget_ms;
	work_left--;
}

static void s_start(void *ctx)
{
	(void)ctx;
	started++;
}

static void s_refresh(void *ctx, struct screen *s)
{
	(void)ctx;
	(void)s;
	refreshed++;
}

/* A screen is opened by the actions it names, from whatever screen passed
 * them on; what changed under the screens is told to those on the stack;
 * the work a screen has between keys is done while it is on the stack. */
static void opening_and_refreshing(void **state)
{
	const struct screen_ops a_ops = { .name = "a", .start = s_start, .open_on = (const int[]){ 3, 7, -1 },
					  .refresh = s_refresh };
	const struct screen_ops b_ops = { .name = "b", .refresh = s_refresh, .busy = s_busy, .idle = s_idle };
	const struct screen_ops *const all[] = { NULL, &b_ops, &a_ops };
	struct screens st;
	struct screen a = { .ops = &a_ops }, b = { .ops = &b_ops };

	(void)state;
	started = refreshed = 0;
	assert_true(screens_start(all, 3, 7, NULL));
	assert_true(screens_start(all, 3, 3, NULL));
	assert_false(screens_start(all, 3, 4, NULL));
	assert_false(screens_start(all, 3, -1, NULL));
	assert_int_equal(started, 2);
	screens_init(&st, NULL);
	screens_refresh(&st);
	screens_push(&st, &b);
	screens_push(&st, &a);
	screens_refresh(&st);
	assert_int_equal(refreshed, 2);
	/* work between keys: done while a screen on the stack has some */
	work_left = 2;
	assert_true(screens_busy(&st));
	assert_true(screens_idle(&st, 10));
	assert_true(screens_idle(&st, 10));
	assert_false(screens_busy(&st));
	assert_false(screens_idle(&st, 10));
	assert_int_equal(work_left, 0);
	/* a screen off the stack does no work */
	screens_pop(&st);
	screens_pop(&st);
	work_left = 1;
	assert_false(screens_busy(&st));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paging_rule),
		cmocka_unit_test(list_moves),
		cmocka_unit_test(headings),
		cmocka_unit_test(text_moves),
		cmocka_unit_test(movement_keys),
		cmocka_unit_test(opening_and_refreshing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
