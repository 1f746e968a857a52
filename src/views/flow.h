/* flow.h -- the continuous view: the open cable as one text, its header
 * then every paragraph the filter shows (each under its ¶ and marking, the
 * section headings between), scrolled by lines like less.  Paragraphs are
 * wrapped only when they come into view, so a cable of 100,000 paragraphs
 * scrolls as fast as a short one.  No ncurses here. */
#ifndef PILCROW_FLOW_H
#define PILCROW_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "views/view.h"

/* Where the flow's top line is: block 0 is the header, block k (k >= 1)
 * the view's row k - 1 (a section heading or a paragraph). */
struct flow_pos {
	int block, line;
};

enum flow_kind { FLOW_HEAD, FLOW_SECTION, FLOW_TITLE, FLOW_TEXT, FLOW_BLANK };

struct flow_line {
	enum flow_kind kind;
	int index;         /* FLOW_HEAD: header line; SECTION: section; TITLE/TEXT/BLANK: paragraph */
	struct str text;   /* FLOW_TEXT: a slice of view_text(); FLOW_HEAD: the header line */
};

struct flow {
	struct flow_pos top;
	int w, h;                     /* the width wrapped at, the lines shown */
	const struct str *head;       /* the header's lines, made by the screen */
	size_t nhead;
	struct flow_line *shown;      /* the h lines from top (flow_fill) */
	size_t nshown, cap_shown;
	/* paragraphs wrapped lately, so that scrolling through a long one
	 * wraps it once: the one block_lines() gave last is *wrap */
	struct flow_wrap {
		int para, w;
		const char *text;
		struct str *lines;
		size_t n, cap;
		unsigned long used;
	} cache[4];
	const struct flow_wrap *wrap;
	unsigned long clock;
	bool at_end;                  /* the last line is shown */
};

void flow_free(struct flow *f);

/* The flow at @w columns and @h lines, with @nhead header lines. */
void flow_setup(struct flow *f, const struct str *head, size_t nhead, int w, int h);

/* Scrolls by @delta lines (clamped at the start and the end). */
void flow_scroll(struct flow *f, struct view *v, int delta);

/* The top at the start; at the end (the last line at the bottom). */
void flow_start(struct flow *f);
void flow_end(struct flow *f, struct view *v);

/* Puts paragraph @para's title at the top. */
void flow_show_para(struct flow *f, const struct view *v, int para);

/* Makes the h lines from the top (f->shown), and returns the paragraph
 * the reader is in: the first one whose text shows, or -1. */
int flow_fill(struct flow *f, struct view *v);

#endif
