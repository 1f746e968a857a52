/* pane.h -- the one scrolling list of the reader: the cable list, the
 * paragraphs and the detail, the hits, the marks, the overview, the help
 * and the original are each a pane.  A pane is rows, a selection (or, for
 * a text, none: moving scrolls it), and the rows shown; the movement keys
 * are one set of actions (keys.def: next, prev, page-down ...) that move
 * any pane the same way, and pane_scroll() is the only place that keeps a
 * selection in view.  No ncurses here: tested without a terminal. */
#ifndef PILCROW_PANE_H
#define PILCROW_PANE_H

#include <stdbool.h>

/* The generic movements, as the keys give them. */
enum move {
	MOVE_NONE = -1,
	MOVE_DOWN, MOVE_UP,              /* a row */
	MOVE_PAGE_DOWN, MOVE_PAGE_UP,    /* the rows shown, less one kept in view */
	MOVE_HALF_DOWN, MOVE_HALF_UP,    /* half the rows shown */
	MOVE_FIRST, MOVE_LAST
};

struct pane {
	long n;          /* rows */
	long sel;        /* the selected row; -1: none (a text pane has none) */
	long top;        /* the first row shown */
	int h;           /* the rows shown (at least 1) */
	bool text;       /* a text: moving scrolls it, nothing is selected */
	/* Rows that cannot be selected (a heading; NULL: every row can).  A
	 * heading is kept in view above the first row under it. */
	bool (*item)(const void *ud, long row);
	/* The screen lines a row takes (NULL: one): a text never scrolls past
	 * the top that puts its last line at the bottom. */
	int (*lines)(const void *ud, long row);
	const void *ud;
};

/* An empty pane: a list with a selection, or (@text) a text. */
void pane_init(struct pane *p, bool text);

/* How many rows a move goes in a pane of @h rows shown (the one paging
 * rule, for the scrolled views that are not panes as well): 1, h - 1, or
 * h / 2, at least 1; negative going up.  0 for FIRST and LAST. */
long pane_delta(enum move m, int h);

/* Moves the selection (a text: the top) and keeps it in view; true when
 * something changed. */
bool pane_move(struct pane *p, enum move m);

/* The pane now has @n rows of which @h show: the selection and the top
 * are kept in range and in view. */
void pane_resize(struct pane *p, long n, int h);

/* The selection in range, a selectable row, and in view; the top in
 * range.  Every pane's scroll goes through here. */
void pane_scroll(struct pane *p);

/* Selects row @row (the nearest row that can be, going down) and shows it. */
void pane_select(struct pane *p, long row);

/* The row at line @y of the pane (0: its first), or -1. */
long pane_row_at(const struct pane *p, int y);

/* The mouse wheel: three rows in @dir. */
bool pane_wheel(struct pane *p, int dir);

/* Is the first row shown, the last? (the ▲ ▼ of a scrolled screen) */
bool pane_more_above(const struct pane *p);
bool pane_more_below(const struct pane *p);

#endif
