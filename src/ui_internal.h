/* ui_internal.h -- what the reader's files share: ui.c (the loop and the
 * keys), ui_draw.c (the panes), script.c (scripted runs and screen dumps) */
#ifndef PILCROW_UI_INTERNAL_H
#define PILCROW_UI_INTERNAL_H

#define _XOPEN_SOURCE_EXTENDED 1
#if defined HAVE_NCURSESW_CURSES_H
#include <ncursesw/curses.h>
#elif defined HAVE_NCURSES_H
#include <ncurses.h>
#else
#include <curses.h>
#endif

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "corpus.h"
#include "filter.h"
#include "layout.h"
#include "ui.h"
#include "view.h"

#ifndef CTRL
#define CTRL(c) ((c) & 0x1f)
#endif

enum action {
#define KEY(a, where, keys, help, ...) ACT_##a,
#include "keys.def"
#undef KEY
	ACT_COUNT,
	ACT_NONE = -1
};

/* Where a key acts (keys.def). */
enum where { LIST, READER, BOTH };

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
	PAIR_COUNT
};

enum mode { MODE_NORMAL, MODE_PROMPT, MODE_MENU, MODE_HELP };

enum view_screen { SCREEN_LIST, SCREEN_READER };

/* The cable list: the corpus entries that pass the filter, in order. */
struct clist {
	uint32_t *rows;
	size_t n, cap;
	size_t sel, top, h;
	struct cfilter filter;
	enum sort_key sort;
	bool reverse;
	size_t counted;          /* corpus_count() when the rows were made */
	double made_at;          /* when (ms) */
};

/* A reference or a citing cable in the header, that can be opened. */
struct link {
	size_t entry;
	int line;                /* its first header line */
	int lines;
};

struct menu_item {
	struct filter filter;
	char label[64];
	size_t count;
};

struct ui {
	struct view v;
	struct corpus *corpus;
	const struct ui_opts *o;
	bool color;
	struct layout lay;
	enum mode mode;
	enum view_screen screen;
	bool has_list;           /* several cables: the list is the first screen */
	struct clist list;

	/* cables opened through links, to go back to */
	size_t *history;
	size_t nhistory, cap_history;
	struct link *links;
	size_t nlinks, cap_links;
	int link_sel;            /* -1: none */
	int header_top;          /* first header line shown below the banner */

	/* prompt: "/" or ":" and what was typed */
	char prompt_kind;
	char input[256];
	size_t ninput;

	/* a count typed before Enter: "12" then Enter jumps to 12 */
	char count[8];

	/* the filter menu */
	struct menu_item items[2 * LEVEL_COUNT + 2];
	int nitems, menu_sel;

	int help_top;
	bool quit;

	/* PILCROW_STATS: the peak of anonymous memory, sampled */
	size_t problems_told;    /* the corpus problems already shown in the status */

	bool stats;
	long rss_peak_kb;
	double step_max_ms;      /* the longest indexing step: what a key may wait */

	/* header lines for the current width (built each draw) */
	struct buf hbuf;
	struct hline {
		size_t label_off, label_len, off, len;
		int link;        /* the link this line shows, or -1 */
	} *hlines;
	size_t nhlines, cap_hlines;
};

/* ui_draw.c */
void ui_colors(struct ui *u);
void ui_draw(struct ui *u);
int ui_level_attr(const struct ui *u, enum level l, bool banner);

/* ui.c: indexes everything now (the scripts' "wait-index"). */
void ui_wait_index(struct ui *u);
/* Indexes @n more cables (the scripted "index" command). */
void ui_index_records(struct ui *u, size_t n);

/* script.c */
bool script_active(void);
bool script_start(void);               /* reads PILCROW_SCRIPT; false on error */
/* The next key from the script, like get_wch(); ERR at the end. */
int script_next(struct ui *u, wint_t *ch);
void script_finish(void);
/* The mouse event of the last click or wheel command. */
bool script_mouse(MEVENT *ev);
/* Dumps the screen as plain text (and the styles, when @styles). */
bool screen_dump(const char *path, bool styles);

#endif
