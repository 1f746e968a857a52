/* reader.h -- the reader screen's own state and the functions its files
 * share (ui_reader.c: keys and geometry; ui_draw.c: painting; ui_header.c:
 * the header's lines; ui_links.c: from cable to cable).  No other screen
 * includes this: they reach the reader through ui_internal.h. */
#ifndef PILCROW_READER_H
#define PILCROW_READER_H

#include "ui/ui_internal.h"
#include "doc/sentences.h"

/* A reference or a citing cable in the header, that can be opened. */
struct link {
	size_t entry;
	int line;                /* its first header line */
	int lines;
};

/* A cable left by following a reference, and how it was left. */
struct visit {
	size_t entry;
	struct para_filter filter;
	int sel, list_top, detail_top;
};

/* A header line: its label and text in the reader's hbuf. */
struct hline {
	size_t label_off, label_len, off, len;
	int link;                /* the link this line shows, or -1 */
};

/* The reader screen's own state, beside the view (the model). */
struct reader {
	struct layout lay;
	struct visit *history;
	size_t nhistory, cap_history;
	struct link *links;
	size_t nlinks, cap_links;
	int link_sel;            /* -1: none */
	struct pane header;      /* the header's lines below the banner, a text */
	bool header_full;        /* H: the whole header, scrolled, over the panes */
	bool flow_on;            /* v: the whole cable as one text in the detail */
	bool flow_whole;         /* V: the flow over the whole screen, no list */
	bool flow_whole_chosen;  /* V said so (else: the config's set flow) */
	/* s: the sentences of a paragraph picked for a quote (ui_pick.c) */
	struct pick {
		bool on;
		int para;
		struct sentence *s;
		unsigned char *dropped;  /* per sentence: left out, an ellipsis */
		size_t n, cap;
		int first, last, cursor;
	} pick;
	struct flow flow;
	int flow_sel;            /* the paragraph the flow last showed */
	struct str *flow_head;   /* the header's lines for the flow */
	size_t cap_flow_head;
	int link_shown;          /* the link last scrolled into view */
	/* the detail's height wanted: the longest visible paragraph wrapped
	 * (recalc), and what it was measured for */
	int fit_lines, fit_w;
	size_t fit_entry, fit_rows;
	struct para_filter fit_filter;
	const struct cable *fit_cable;
	char count[8];           /* a number typed before Enter */
	int numw;                /* the widest paragraph address */
	struct buf hbuf;         /* the header's lines for the width (recalc) */
	struct hline *hlines;
	size_t nhlines, cap_hlines;
	struct buf note;         /* the selected paragraph's note (recalc), a line of the detail */
	/* where the open cable is in the list (recalc): its row, or -1 when
	 * the list does not hold it; for the entry and the list it was
	 * looked for in */
	long list_pos;
	size_t list_pos_entry;
	double list_pos_made;
};

/* The reader's state, made with its screen. */
static inline struct reader *reader_of(const struct ui *u)
{
	/* made on first use; drawing (a const ui) finds it made */
	return ui_screen((struct ui *)u, &reader_ops)->state;
}

/* ui_links.c: the references and citing cables of the open cable; r and
 * R; Enter on one; Backspace (q: @may_quit, with one cable); J and K */
void reader_select_link(struct ui *u, int dir);
void reader_follow_link(struct ui *u);
void reader_go_back(struct ui *u, bool may_quit);
void reader_walk_cables(struct ui *u, int dir);
/* ) and (: the next (previous) listed cable whose paragraphs hold the
 * list's words, at its first (last) match */
void reader_walk_hits(struct ui *u, int dir);
/* ui_pick.c: s starts picking sentences in the selected paragraph; the
 * keys while picking (false: not picking); what a drawn line of paragraph
 * @para (@shown, a slice of its text @base, at @y, @x, @w columns) shows
 * of the pick, painted over it; its end */
void reader_pick_start(struct ui *u);
bool reader_pick_key(struct ui *u, struct key k);
void reader_pick_paint(const struct ui *u, int para, int y, int x, int w, struct str shown, const char *base);
void reader_pick_free(struct reader *rd);

/* The header's labels take this many columns. */
#define LABEL_W 10

/* ui_header.c: the header's lines at @cols columns */
void header_lines(struct ui *u, int cols);

/* ui_draw.c: the reader's draw */
void reader_draw(const void *ctx, const struct screen *s);

#endif
