/* view.h -- the reader's state and what each key does to it; no ncurses
 * here, so it is tested through scripted runs and reasons in plain C.
 * The paragraph list is a filtered adapter over the cable: rows for the
 * paragraphs that pass, with section headings as separator rows. */
#ifndef PILCROW_VIEW_H
#define PILCROW_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "doc/cable.h"
#include "corpus/corpus.h"
#include "views/pane.h"
#include "views/status.h"
#include "workspace/workspace.h"
#include "search/filter.h"
#include "search/search.h"

enum para_filter_mode {
	FILTER_ALL,        /* every paragraph */
	FILTER_EXACT,      /* marked exactly at a level */
	FILTER_AT_LEAST,   /* a level and above */
	FILTER_UNMARKED,   /* paragraphs without a marking */
};

struct para_filter {
	enum para_filter_mode mode;
	enum level level;
	bool marked_only;  /* only the reader's marked paragraphs */
};

enum row_kind { ROW_SECTION, ROW_PARA };

struct row {
	enum row_kind kind;
	int index;         /* paragraph or section index */
};

struct match {
	int para;
	size_t start, len; /* in the paragraph's sanitised text */
};

struct view {
	struct corpus *corpus;
	struct workspace *ws;    /* the reader's marks, notes, collections */
	size_t cur;              /* the open cable's entry in the corpus */
	const struct cable *c;   /* the open cable, or NULL */

	struct row *rows;
	size_t nrows, cap_rows;
	int sel;                 /* the selected paragraph, or -1 */
	/* the paragraph list, over rows (its selection is sel's row; the
	 * headings cannot be selected), and the detail, a text over the
	 * selected paragraph's wrapped lines */
	struct pane list, detail;
	int detail_w;
	bool detail_focus, header_collapsed;
	struct para_filter filter;

	struct str *clean;       /* sanitised paragraph texts (lazily) */
	struct arena clean_arena;

	int wrap_para, wrap_w;   /* the wrapped lines of the detail */
	struct str *wlines;
	size_t nwlines, cap_wlines;

	struct search *re;
	char pattern[256];
	bool pattern_words;      /* the pattern is words, not an expression */
	const struct cfilter *words;   /* or the search is the findable terms of
				 * a filter (the list's, when it opened the
				 * cable), kept by its owner */
	struct match *matches;
	size_t nmatches, cap_matches;
	long cur_match;          /* index into matches, or -1 */

	struct status *status;   /* where the reader says what a key did: the UI's */
};

void view_init(struct view *v, struct corpus *corpus, struct workspace *ws, struct status *status);
void view_free(struct view *v);

/* Opens entry @i of the corpus; keeps the filter (view_search_again() makes
 * the search there is over it).  Returns
 * false (and says why) when the cable cannot be read. */
bool view_open(struct view *v, size_t i);

/* Says something on the status line (v->status) until the next key. */
void view_say(struct view *v, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* The sanitised text of paragraph @i (newlines kept). */
struct str view_text(struct view *v, int i);

/* The same text as view_text() last made it, for drawing, which changes
 * nothing (the screen's recalc makes the texts it will show); empty when
 * it was not made. */
struct str view_text_made(const struct view *v, int i);

/* Does paragraph @i pass the filter? */
bool view_visible(const struct view *v, int i);

/* Row of paragraph @i in the list, or -1 when it is hidden. */
int view_row_of(const struct view *v, int i);

/* Selection moves; each keeps the list scrolled to show it. */
void view_select(struct view *v, int para);
void view_move(struct view *v, int delta);
void view_first(struct view *v);
void view_last(struct view *v);
bool view_jump(struct view *v, const char *address);
void view_section(struct view *v, int dir);
void view_same_marking(struct view *v, int dir);

/* Detail scrolling (lines); clamped. */
void view_scroll_detail(struct view *v, int delta);

/* The detail's wrapped lines for the selection at v->detail_w. */
void view_wrap(struct view *v);

/* Filters. */
void view_set_filter(struct view *v, struct para_filter f);
void view_filter_name(const struct view *v, char *out, size_t size);

/* Counts of paragraphs per level in the open cable (index LEVEL_NONE: unmarked). */
void view_level_counts(const struct view *v, size_t counts[LEVEL_COUNT]);

/* Marks.  view_about() says what paragraph @para (-1: the cable) is, for
 * the workspace. */
void view_about(struct view *v, int para, struct ws_about *a);
void view_toggle_mark(struct view *v);
bool view_is_marked(const struct view *v, int para);
bool view_is_noted(const struct view *v, int para);

/* Search: compiles @pattern, finds every match, goes to the first one at or
 * after the selection.  An empty pattern clears the search. */
void view_search(struct view *v, const char *pattern);
void view_search_next(struct view *v, int dir);

/* The same for words and phrases (the filter's text terms). */
void view_search_words(struct view *v, const char *words);

/* The search made of the findable terms of @f (cf_findable: words,
 * phrases, prefixes, text=, text~, near= windows): the matches are those
 * the hits view finds in the paragraphs.  The first is current, quietly
 * (the reader says how many when it opens the cable).  @f stays its
 * owner's; NULL, or a filter with no such term, clears it. */
void view_search_filter(struct view *v, const struct cfilter *f);

/* Is there a search (a pattern, or a filter's words)? */
bool view_searching(const struct view *v);

/* Does paragraph @para hold a match? */
bool view_para_matches(const struct view *v, int para);

/* Makes the match at @start of paragraph @para the current one, and shows
 * it; false when the search has none there. */
bool view_search_at(struct view *v, int para, size_t start);

/* The search there is, made again (quietly) over the cable now open. */
void view_search_again(struct view *v);

/* Matches in paragraph @para, through @fn. */
void view_matches_in(const struct view *v, int para, void (*fn)(const struct match *m, bool current, void *ud),
		     void *ud);

/* Keeps the selection within the list's rows. */
void view_scroll_list(struct view *v);

/* The list's pane moved (a key, the mouse): its row becomes the selection. */
void view_list_moved(struct view *v);

#endif
