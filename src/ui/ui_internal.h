/* ui_internal.h -- what the reader's screens share, and only that: the
 * loop's state (struct ui: the open cable, the list of cables, the status
 * line), the screens' entry points, and the painters.  Each screen
 * (ui/screens/, one file, or the reader's four with their private
 * reader.h) keeps its own state in its screen (s->state, made by
 * ui_screen), which no other screen sees; its keys are its SECTION and
 * rows in keys.def.  ui.c runs the loop and the global actions; ui_term.c
 * sets the terminal up and puts it back; ui_stats.c keeps the timings;
 * ui_paint.c draws text and colours in a screen's rectangle and paints
 * the status line; ui_dump.c writes the screen for the tests.  The models
 * they show (views/: view, clist, pane, flow, lineedit, layout, status)
 * know no ncurses. */
#ifndef PILCROW_UI_INTERNAL_H
#define PILCROW_UI_INTERNAL_H

#include "ui/ui_curses.h"

#include <stdbool.h>
#include <stdio.h>

#include "base/buf.h"
#include "views/clist.h"
#include "corpus/corpus.h"
#include "search/filter.h"
#include "views/flow.h"
#include "ui/keys.h"
#include "views/layout.h"
#include "views/hits.h"
#include "views/lineedit.h"
#include "views/marklist.h"
#include "report/overview.h"
#include "views/screen.h"
#include "ui/settings.h"
#include "ui/ui.h"
#include "views/view.h"

/* Colour pairs; in monochrome they stay 0 and attributes carry the meaning. */
enum pair {
	PAIR_NONE = 0,
	PAIR_BANNER = 1,                      /* + level: 1..5 */
	PAIR_MARK = PAIR_BANNER + LEVEL_COUNT, /* + level */
	PAIR_LABEL = PAIR_MARK + LEVEL_COUNT,
	PAIR_SECTION,
	PAIR_MATCH,
	PAIR_STATUS,
	PAIR_TITLE,
	PAIR_DELETED,                         /* a comparison's words out, and in */
	PAIR_INSERTED,
	PAIR_COUNT
};

struct ui;

/* What a prompt does with the line when Enter takes it. */
typedef void (*prompt_done_fn)(struct ui *u, char kind, const char *text);

struct stats;

struct ui {
	bool text_started;           /* the full-text index looked for */
	double filter_t0;            /* when the filter being applied was set */
	struct corpus *corpus;
	const struct ui_opts *o;
	bool color;
	bool has_list;           /* several cables: the list is the first screen */
	bool quit;

	struct status status;    /* the status line's message of the moment */
	struct view v;           /* the open cable (it says things through &status) */
	struct clist list;

	struct screens stack;
	struct screen **screens; /* every screen made so far (ui_screen) */
	size_t nscreens, cap_screens;

	MEVENT mouse;            /* the event of the last KEY_MOUSE */
	size_t problems_told;    /* the corpus problems already shown in the status */
	double next_watch;       /* when the inputs are looked at again (ms) */
	struct stats *stats;
	const struct settings *set;  /* the config file's */
	int pair_extra[PAIR_COUNT];  /* the attributes the config adds to a pair */
};

/* ui_screen.c: the screen of @ops, made (with its state) the first time it is asked
 * for: a screen is its file, its ops and its rows in keys.def. */
struct screen *ui_screen(struct ui *u, const struct screen_ops *ops);
/* The same when it was made, else NULL; its state, or NULL. */
struct screen *ui_screen_of(const struct ui *u, const struct screen_ops *ops);
void *ui_state(const struct ui *u, const struct screen_ops *ops);
/* Every screen made, and its state, let go (at the end). */
void ui_screens_free(struct ui *u);

/* Every screen's ops, as keys.def names them. */
#define SCREEN(where, name, title, ops) extern const struct screen_ops ops;
#include "ui/keys.def"
#undef SCREEN

/* ui_links.c: opens corpus entry @entry in the reader, which comes to the
 * top, where it was left last time (--fresh: at its start); where the
 * open cable is now, kept in the workspace */
bool ui_open_cable(struct ui *u, size_t entry);
void ui_keep_spot(struct ui *u);

/* ui_links.c: once the corpus is whole, the open cable's references and
 * citing cables, which can be followed */
void reader_make_links(struct ui *u);
/* ui_neighbours.c: the cable a screen opened from the list or the reader
 * is about: the reader's when it is on top, else the list's selected one;
 * -1 when there is none. */
long ui_asked_entry(struct ui *u);
/* ui_versions.c: the reader shows the cable's next version (D), at the
 * same paragraph. */
void reader_next_version(struct ui *u);
/* The same as ui_open_cable, from another screen: Backspace goes back
 * there, not to a cable read before. */
bool ui_open_cable_anew(struct ui *u, size_t entry);
/* The same from the list (Enter, J, K, the hits): the words of the list's
 * filter become the reader's search, every match highlighted, n going to
 * the first; says how many. */
bool ui_open_from_list(struct ui *u, size_t entry);
/* The reader shows the whole header (a hit in it), from its top. */
void reader_show_header(struct ui *u);

/* ui_list.c: the list's filter, as --filter sets it; what it came to,
 * once applied; a filter being applied stopped (false: none was) */
void ui_list_filter(struct ui *u, const char *text);
/* ui_work.c: a change to the workspace said, and why it will not be kept
 * (or waits) when it will not */
void ui_said_kept(struct ui *u, const char *what);
/* ui.c: true while the full-text index is being made or checked */
bool ui_text_index_busy(const struct ui *u);
void ui_list_done(struct ui *u);
/* ui_list.c: the list of these inputs as it was left (the cable, the
 * filter, the order; unless --fresh, --filter or --id); kept at the end */
void ui_list_restore(struct ui *u);
/* ui_list.c: a filter on the workspace (marked ...) made again once it changed */
void ui_list_workspace(struct ui *u);
void ui_list_keep(struct ui *u);

bool ui_list_cancel(struct ui *u);
/* ui_bulk.c: M, C, N in the list: every listed cable marked, put into a
 * collection, noted ('m', 'c', 'n'), after asking; u takes the last back
 * (false: the list changed since, or nothing to take back); at the end */
void ui_bulk_start(struct ui *u, char kind);
bool ui_bulk_undo(struct ui *u);
void ui_bulk_free(void);
/* ui_searches.c: = in the list, the filter and the order saved */
void ui_search_save(struct ui *u);
/* ui_complete.c: Tab in the list's filter prompt (a prompt_words_fn) */
size_t ui_filter_words(struct ui *u, const char *word, char ***cands, struct buf *info);
/* ui_list.c: the list's filter narrowed by @term (the overview's Enter) */
void ui_list_narrow(struct ui *u, const char *term);

/* ui_prompt.c: a line typed over the status line; the kinds are the
 * reader's / and :, the list's f and / ('l'), a note ('a'), a
 * collection's name ('c'), a file to export to ('e').  Tab completes from
 * @names when the prompt open is given them (prompt_names). */
void prompt_open(struct ui *u, char kind, const char *label, const char *start, prompt_done_fn done);
void prompt_names(struct ui *u, size_t (*names)(struct ui *u, const char *const **names));
/* Tab completes the line's last word from what @words gives for it: the
 * words that may stand there (into @cands, made with xstrdup, the
 * caller's to free), and a line for the reader above the prompt (@info:
 * the candidates with their counts).  How many. */
typedef size_t (*prompt_words_fn)(struct ui *u, const char *word, char ***cands, struct buf *info);
void prompt_words(struct ui *u, prompt_words_fn words);
/* The prompt open again on a line Enter could not take: @text kept, the
 * cursor at byte @at (the fault), @error said whole above it. */
void prompt_fault(struct ui *u, char kind, const char *label, const char *text, size_t at, const char *error,
		  prompt_done_fn done);

/* ui_work.c: a note (a line; in $EDITOR), a collection, copying the
 * paragraph (@quote) or its citation, the citation of the list's cable */
void reader_note(struct ui *u);
void reader_note_editor(struct ui *u);
void reader_collect(struct ui *u);
void reader_copy(struct ui *u, bool quote);
void list_copy_cite(struct ui *u, size_t entry);
void list_note(struct ui *u);
void list_note_editor(struct ui *u);
void list_collect(struct ui *u);
struct cite_src;
void ui_copy_cite(struct ui *u, const struct cite_src *s, bool quote);


/* ui_paint.c: says something on the status line, until the next key */
void ui_say(struct ui *u, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* ui_paint.c: the painters draw in the rectangle of the screen being
 * drawn (set here by screens_draw), in coordinates within it, clipped */
void paint_area(struct rect r);
/* Clears that rectangle. */
void paint_erase(void);
void ui_colors(struct ui *u);
int ui_level_attr(const struct ui *u, enum level l, bool banner);
int pair_attr(const struct ui *u, enum pair p, int mono);
int paint_put(int y, int x, int w, struct str s, int attr);
int put_c(int y, int x, int w, const char *s, int attr);
struct str paint_clean(struct buf *b, struct str s);
void paint_fill(int y, int x, int w, int attr);
/* Over a line drawn at @y, @x (@w columns) showing @shown, the part of
 * [@from, @to) it shows painted again with @attr (a match, a pick). */
void paint_over(int y, int x, int w, struct str shown, const char *from, const char *to, int attr);
void paint_thousands(char *out, size_t size, size_t n);
/* Like paint_put(), but text that does not fit ends with an ellipsis. */
int put_cut(int y, int x, int w, struct str s, int attr);
/* The status bar of a full screen at row @y: @left (sanitised here), and
 * at the right the message of the moment, or else @hint. */
/* The status line, in @r: @left, then the status message (bold, never
 * left out: cut after @left when it does not fit) or, with no message,
 * @hint when it fits whole.  Every screen's status line is painted here. */
void status_line(const struct ui *u, const struct rect *r, struct str left, const char *hint);
/* Says the terminal is too small to draw on. */
void too_small(void);
/* The same when the screen is below 20x6 (or @also): true when it said so. */
bool screen_too_small(bool also);

/* ui_term.c */
bool ui_locale(void);
bool ui_term_start(struct ui *u);
void ui_term_end(void);
/* Sends @bytes to the terminal beside ncurses' output (OSC 52). */
bool ui_term_write(const char *bytes, size_t n);

/* ui_dump.c: the screen as plain text (and the styles, when @styles). */
bool screen_dump(const char *path, bool styles);

#endif
