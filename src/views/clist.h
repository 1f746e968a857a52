/* clist.h -- the cable list's model: the corpus entries that pass the
 * filter, in the chosen order, with a selection and a scroll.  No ncurses
 * here, like view.h for the reader: tested without a terminal. */
#ifndef PILCROW_CLIST_H
#define PILCROW_CLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"
#include "search/filter.h"
#include "views/pane.h"

struct clist {
	struct corpus *corpus;
	uint32_t *rows;          /* entries, in order */
	size_t n, cap;
	size_t sel;              /* the selected row */
	struct pane pane;        /* the rows shown (the pane's top and h) */
	struct cfilter filter;
	enum sort_key sort;
	bool reverse;
	int id_w;                /* the widest id among the rows */
	size_t id_w_upto;        /* rows measured for id_w (in a list as read) */
	size_t counted;          /* corpus_count() when the rows were made */
	double made_at;          /* when (ms), or -1 before the first time */

	/* a filter that reads the cables' text is applied in steps: the rows
	 * shown stay until it is done (clist_step), or cancelled */
	bool busy;
	struct cquery q;
	struct cfilter pending;  /* the filter being applied, if a new one */
	bool has_pending;
	size_t gave_up;          /* cables the pattern gave up on, last time */
	unsigned ws_gen;         /* the workspace's generation the rows were made at */

	/* the list's states before each change of filter or order, the last
	 * last (clist_remember, clist_undo) */
	struct clist_state {
		char *filter;
		enum sort_key sort;
		bool reverse;
		long entry;      /* the cable selected, or -1 */
	} *undo;
	size_t nundo, cap_undo;
};

void clist_init(struct clist *l, struct corpus *corpus);
void clist_free(struct clist *l);

/* Remakes the rows (after a filter, a sort, or more indexing), keeping the
 * selected cable selected. */
void clist_make(struct clist *l);

/* While indexing: new cables join the list as they come (a filtered or
 * sorted list is remade now and then, and at the end). */
void clist_grow(struct clist *l);

/* Moves the selection by @delta rows, within the list. */
void clist_move(struct clist *l, long delta);

/* Selects the row of corpus entry @entry; false when it is not listed. */
bool clist_select_entry(struct clist *l, size_t entry);

/* The selected entry, or -1 when the list is empty. */
long clist_entry(const struct clist *l);

/* Replaces the filter with @text ("" clears it).  On a syntax error keeps
 * the filter and writes the message to @err. */
bool clist_set_filter(struct clist *l, const char *text, char *err, size_t errsize);

/* Adds the terms of @text to the filter (what / in the list does). */
bool clist_narrow(struct clist *l, const char *text, char *err, size_t errsize);

/* Goes on with a filter being applied, for @budget_ms or @most cables
 * (not 0); true when it is done and the rows are new. */
bool clist_step(struct clist *l, double budget_ms, size_t most);

/* Stops the filter being applied; the list stays as it was.  Returns the
 * filter's text (until the next call), or NULL when none was running. */
const char *clist_cancel(struct clist *l);

/* How far the filter being applied has got, in percent. */
int clist_progress(const struct clist *l);

/* The next sort key; the order reversed. */
void clist_sort_next(struct clist *l);
void clist_reverse(struct clist *l);
void clist_set_sort(struct clist *l, enum sort_key k, bool reverse);

/* Keeps the selection among the @h rows shown. */
void clist_scroll(struct clist *l, size_t h);

/* The list as a pane, its selection the list's (for the movement keys);
 * the pane moved: its row becomes the selection. */
struct pane *clist_pane(struct clist *l);
void clist_moved(struct clist *l);

/* Is the list as read: no filter, no sort? */
bool clist_plain(const struct clist *l);

/* The list's state (filter, order, selection) kept, before a change; the
 * change that failed forgotten; the last state kept made the list's again
 * (false: none is kept).  CLIST_UNDO_MAX states are kept at most. */
#define CLIST_UNDO_MAX 100
void clist_remember(struct clist *l);
void clist_forget(struct clist *l);
bool clist_undo(struct clist *l);

#endif
