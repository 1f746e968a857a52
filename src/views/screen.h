/* screen.h -- the screens of the reader and the stack they sit on, in the
 * spirit of tig's view_ops, with recalculation kept apart from painting:
 *
 *   open    the screen is pushed
 *   handle  a key: true when the screen took it, false to pass it on
 *   recalc  geometry and everything derived from it, for a rectangle;
 *           the only place that clamps, wraps and scrolls
 *   draw    paints from the state recalc left; changes nothing
 *   cursor  where the terminal cursor rests (for screen readers); without
 *           it, on the selected row of s->pane
 *   pane    the pane the movement keys move (pane.h), made current; NULL
 *           when they move nothing here (without it: s->pane)
 *   moved   after a movement key moved that pane: the screen takes its
 *           new selection
 *   busy    it has work to do between keys (the hits found in steps): the
 *           loop does not wait for a key
 *   idle    that work, for about @budget_ms
 *   refresh what it shows changed under it (another session wrote the
 *           workspace): read it again
 *   close   the screen is popped
 *   start   opens it: what the actions of open_on do, from whatever
 *           screen passes them on (open_on: action numbers, ended by -1)
 *   init    its own state, just made (zeroed), is set up, and s->pane
 *   free    what the screen's own state (s->state) holds is let go, at
 *           the end (the state itself is freed by the caller)
 *
 * A key goes to the top screen first; what it passes on goes to the
 * global actions (the caller's).  An overlay (the prompt, the menu) is
 * drawn over the screens below it; a full screen hides them.  No ncurses
 * here: the stack is tested without a terminal. */
#ifndef PILCROW_SCREEN_H
#define PILCROW_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "views/layout.h"
#include "views/pane.h"

/* A key as the terminal gave it: a character, or (is_key) a KEY_* code. */
struct key {
	int code;
	bool is_key;
};

struct screen;

struct screen_ops {
	const char *name;
	int keys;          /* the key table's section for this screen (keys.h) */
	size_t state_size; /* its own state, made zeroed with the screen (0: none) */
	bool overlay;
	void (*open)(void *ctx, struct screen *s);
	bool (*handle)(void *ctx, struct screen *s, struct key k);
	void (*recalc)(void *ctx, struct screen *s, struct rect r);
	void (*draw)(const void *ctx, const struct screen *s);
	bool (*cursor)(const void *ctx, const struct screen *s, int *y, int *x);
	struct pane *(*pane)(void *ctx, struct screen *s);
	void (*moved)(void *ctx, struct screen *s);
	void (*refresh)(void *ctx, struct screen *s);
	bool (*busy)(const void *ctx, const struct screen *s);
	void (*idle)(void *ctx, struct screen *s, double budget_ms);
	void (*close)(void *ctx, struct screen *s);
	void (*init)(struct screen *s);
	void (*start)(void *ctx);
	const int *open_on;
	void (*free)(void *state);
};

struct screen {
	const struct screen_ops *ops;
	int keys;          /* the key table's section for this screen (keys.h) */
	void *state;       /* the screen's own, which no other screen sees */
	struct rect r;     /* the rectangle of its last recalc: it draws there,
			    * in coordinates within it, and its cursor is in it */
	struct pane *pane; /* its one pane, in its state (init), or NULL */
	int pane_y;        /* the pane's first row in the rectangle */
};

#define SCREENS_MAX 8

struct screens {
	struct screen *s[SCREENS_MAX];
	int n;
	void *ctx;         /* handed to every op */
	/* called before each draw with the screen's rectangle: the painter
	 * (the caller's) clips and places what the screen draws in it */
	void (*area)(struct rect r);
};

void screens_init(struct screens *st, void *ctx);

/* Pushes @s (calling its open); false when the stack is full. */
bool screens_push(struct screens *st, struct screen *s);

/* Pops the top screen (calling its close); false when the stack is empty. */
bool screens_pop(struct screens *st);

/* The top screen, or NULL. */
struct screen *screens_top(const struct screens *st);

/* The top screen that is not an overlay: the one a key acts on when the
 * overlays pass it on, or NULL. */
struct screen *screens_base(const struct screens *st);

/* Is @s on the stack? */
bool screens_has(const struct screens *st, const struct screen *s);

/* Gives @k to the top screen; true when it took it. */
bool screens_handle(struct screens *st, struct key k);

/* Recalculates, then draws, the screens that show: the base and the
 * overlays above it, bottom up, each in @r. */
void screens_recalc(struct screens *st, struct rect r);
void screens_draw(const struct screens *st);

/* A movement key that no screen took: the top screen's pane moves (an
 * overlay's keys never move the screen below it).  True when it had one. */
bool screens_move(struct screens *st, enum move m);

/* The screen among @all (@n of them, NULL ones skipped) that @action
 * opens (its open_on) is started; false when none is. */
bool screens_start(const struct screen_ops *const *all, int n, int action, void *ctx);

/* Does a screen on the stack have work between keys?  That work done, on
 * every such screen, for about @budget_ms each: false when there was none. */
bool screens_busy(const struct screens *st);
bool screens_idle(struct screens *st, double budget_ms);

/* Every screen on the stack that has refresh, refreshed. */
void screens_refresh(struct screens *st);

/* Where the cursor rests: the topmost screen that says. */
bool screens_cursor(const struct screens *st, int *y, int *x);

#endif
