/* ui_help.c -- the help screen: the key table (keys.def), the keys of the
 * screen it was opened from first */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
/* The help's lines: a title before each section, then its rows. */
struct help_line {
	const char *keys, *help;
	bool title;
};

#define HELP_LINES_MAX 256
#define HELP_BOUND_MAX 48        /* the config's bind lines the help shows */

/* A row on screen: a line's keys and the first part of its description,
 * or a part of the description wrapped under it. */
struct help_row {
	int line;
	bool first;
	struct str part;
};

struct help {
	struct pane pane;        /* the rows, a text */
	struct help_row *rows;   /* the lines with their descriptions wrapped (recalc) */
	size_t nrows, cap_rows;
	int wrapped_at;          /* the width they were wrapped at, 0: not yet */
	enum where first;        /* the keys of the screen below, listed first */
	struct help_line lines[HELP_LINES_MAX];   /* made when it opens */
	char bound[HELP_BOUND_MAX][2][200];       /* the config's keys: name, what */
	int n;
};

static struct help *state_of(struct ui *u)
{
	return ui_screen(u, &help_ops)->state;
}

static int help_lines(enum where first, struct help_line *out, int room)
{
	enum where order[WHERE_COUNT];
	int n = 0, no = 0;

	order[no++] = first;
	if (first != ANY)
		order[no++] = ANY;
	for (int w = 0; w < WHERE_COUNT; w++)
		if (w != (int)first && w != ANY)
			order[no++] = (enum where)w;
	for (int k = 0; k < no; k++) {
		bool titled = false;

		for (size_t i = 0; i < nkey_rows && n < room - 1; i++) {
			if (key_rows[i].where != order[k])
				continue;
			if (!titled) {
				out[n++] = (struct help_line){ where_titles[order[k]], "", true };
				titled = true;
			}
			out[n++] = (struct help_line){ key_rows[i].keys, key_rows[i].help, false };
		}
	}
	return n;
}

/* The config's bind lines first, under a title of their own: the table
 * below them shows the keys as they come. */
static int bound_lines(struct ui *u, struct help_line *out)
{
	struct help *h = ui_state(u, &help_ops);
	int n = 0;

	if (!u->set || !u->set->nbinds)
		return 0;
	out[n++] = (struct help_line){ "Your keys (the config file)", "", true };
	for (size_t i = 0; i < u->set->nbinds && i < HELP_BOUND_MAX; i++) {
		const struct binding_set *b = &u->set->binds[i];
		struct buf name = { 0 };

		settings_key_name(&name, b->code);
		buf_addc(&name, '\0');
		snprintf(h->bound[i][0], sizeof(h->bound[i][0]), "%s", name.p);
		snprintf(h->bound[i][1], sizeof(h->bound[i][1]), "%s: %s", where_names[b->where],
			 b->action < 0 ? "does nothing" : key_rows[b->action].help);
		out[n++] = (struct help_line){ h->bound[i][0], h->bound[i][1], false };
		buf_free(&name);
	}
	return n;
}

static void help_open(void *ctx)
{
	struct ui *u = ctx;
	struct help *h = state_of(u);
	struct screen *below = screens_top(&u->stack);
	int nb;

	h->first = below ? (enum where)below->keys : ANY;
	nb = bound_lines(u, h->lines);
	h->n = nb + help_lines(h->first, h->lines + nb, HELP_LINES_MAX - nb);
	h->wrapped_at = 0;
	pane_init(&h->pane, true);
	screens_push(&u->stack, ui_screen(u, &help_ops));
}

static bool help_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;

	(void)s;
	switch (keys_action(k, HELP, false)) {
	case ACT_HELP_CLOSE: screens_pop(&u->stack); break;
	default: return false;    /* the movement keys, Q and Ctrl-L still act */
	}
	return true;
}

/* The keys' column, and where the descriptions start. */
#define HELP_KEYS_X 3
#define HELP_KEYS_W 20
#define HELP_TEXT_X 24

struct wrap_into {
	struct help *h;
	int line;
	bool first;
};

static void add_row(struct str part, void *ud)
{
	struct wrap_into *w = ud;
	struct help *h = w->h;

	grow_array((void **)&h->rows, &h->cap_rows, h->nrows + 1, sizeof(*h->rows));
	h->rows[h->nrows++] = (struct help_row){ w->line, w->first, part };
	w->first = false;
}

/* The descriptions wrapped at @w columns: never cut. */
static void wrap_rows(struct help *h, int w)
{
	h->nrows = 0;
	h->wrapped_at = w;
	for (int i = 0; i < h->n; i++) {
		struct wrap_into into = { h, i, true };

		if (h->lines[i].title || !*h->lines[i].help)
			add_row(str_c(""), &into);
		else
			text_wrap(str_c(h->lines[i].help), w, add_row, &into);
	}
}

static void help_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct help *h = s->state;
	/* the last column holds the scroll marks */
	int w = r.w - HELP_TEXT_X - 1 > 10 ? r.w - HELP_TEXT_X - 1 : 10;

	(void)ctx;
	if (h->wrapped_at != w)
		wrap_rows(h, w);
	pane_resize(&h->pane, (long)h->nrows, r.h - 3);
}

static void help_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct help *h = ui_state(u, &help_ops);
	const struct help_line *lines = h->lines;
	int rows = s->r.h, cols = s->r.w, y = 2;
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;

	paint_erase();
	paint_fill(0, 0, cols, title);
	put_c(0, 1, cols - 1, "pilcrow keys", title);
	for (long k = h->pane.top; k < (long)h->nrows && y < rows - 1; k++, y++) {
		const struct help_row *row = &h->rows[k];
		const struct help_line *l = &lines[row->line];

		if (l->title) {
			put_c(y, 1, cols - 1, l->keys, pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD);
			continue;
		}
		if (row->first)
			put_c(y, HELP_KEYS_X, HELP_KEYS_W, l->keys, A_BOLD);
		paint_put(y, HELP_TEXT_X, cols - HELP_TEXT_X - 1, row->part, 0);
	}
	if (pane_more_above(&h->pane))
		put_c(2, cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&h->pane))
		put_c(rows - 2, cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	status_line(u, &(struct rect){ rows - 1, 0, 1, cols }, str_c(" q, Esc or ? closes; j/k scroll"), NULL);
}

static bool help_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	(void)ctx;
	*y = s->r.h - 1;
	*x = 0;
	return true;
}

static void help_free(void *state)
{
	struct help *h = state;

	free(h->rows);
}

static void help_init(struct screen *s)
{
	s->pane = &((struct help *)s->state)->pane;
}

const struct screen_ops help_ops = {
	.name = "help",
	.keys = HELP,
	.init = help_init,
	.free = help_free,
	.start = help_open,
	.open_on = (const int[]){ ACT_HELP, -1 },
	.state_size = sizeof(struct help),
	.handle = help_handle,
	.recalc = help_recalc,
	.draw = help_draw,
	.cursor = help_cursor,
};
