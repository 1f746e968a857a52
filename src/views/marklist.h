/* marklist.h -- the marks browser's model (no ncurses): the items of one
 * collection (or all of them), grouped by cable, as the lines the screen
 * shows -- a cable's line, then each item's, then its note's */
#ifndef PILCROW_MARKLIST_H
#define PILCROW_MARKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "search/search.h"
#include "workspace/workspace.h"

/* The first characters of a paragraph the browser keeps (a line shows fewer). */
#define MARKLIST_TEXT 400

enum ml_kind { ML_CABLE, ML_ITEM, ML_NOTE };

struct ml_line {
	enum ml_kind kind;
	size_t item;            /* the item (the cable's first, for ML_CABLE) */
};

struct marklist {
	struct arena arena;
	struct ws_item *items;   /* their strings in the arena */
	size_t n, cap;
	struct ml_line *lines;
	size_t nlines, cap_lines;
	size_t cables;
	const struct search *only;   /* the items whose text or note it matches, or NULL: all */
};

/* Reads the items of @collection (NULL: every mark, member and note); with
 * m->only, those whose paragraph or note it matches. */
void marklist_load(struct marklist *m, struct workspace *w, const char *collection);
void marklist_free(struct marklist *m);

/* The line of the @k-th item (-1 when there is none); the item line at or
 * after line @from in direction @dir, or -1. */
long marklist_item_line(const struct marklist *m, size_t k);
long marklist_next_item(const struct marklist *m, long from, int dir);

#endif
