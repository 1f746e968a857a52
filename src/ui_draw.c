/* ui_draw.c -- the panes: header, paragraph list, detail, status bar, and
 * the help screen and filter menu over them.  Every piece of cable text
 * reaching ncurses has been through text_sanitize(). */
#include "config.h"
#include "ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "marking.h"
#include "text.h"

static const struct {
	enum where where;
	const char *keys, *help;
} key_rows[] = {
#define KEY(a, where, keys, help, ...) { where, keys, help },
#include "keys.def"
#undef KEY
};

/* ---------------------------------------------------------------- colours */

void ui_colors(struct ui *u)
{
	/* UNCLASSIFIED green, SBU magenta, CONFIDENTIAL blue, SECRET red,
	 * TOP SECRET orange (yellow with 8 colours) */
	short fg[LEVEL_COUNT] = { COLOR_WHITE, COLOR_GREEN, COLOR_MAGENTA, COLOR_BLUE, COLOR_RED, COLOR_YELLOW };
	short text_on[LEVEL_COUNT] = { COLOR_BLACK, COLOR_BLACK, COLOR_WHITE, COLOR_WHITE, COLOR_WHITE, COLOR_BLACK };

	u->color = false;
	if (u->o->no_color || (getenv("NO_COLOR") && getenv("NO_COLOR")[0]) || !has_colors())
		return;
	if (start_color() != OK)
		return;
	use_default_colors();
	if (COLORS >= 256) {
		fg[LEVEL_TS] = 208;   /* orange */
		fg[LEVEL_C] = 27;     /* a blue that reads on dark and light */
		fg[LEVEL_S] = 160;
		fg[LEVEL_U] = 28;
	}
	for (int l = 0; l < LEVEL_COUNT; l++) {
		init_pair((short)(PAIR_BANNER + l), text_on[l], fg[l]);
		init_pair((short)(PAIR_MARK + l), l ? fg[l] : -1, -1);
	}
	init_pair(PAIR_LABEL, COLOR_CYAN, -1);
	init_pair(PAIR_SECTION, COLOR_YELLOW, -1);
	init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	u->color = true;
}

static int pair_attr(const struct ui *u, enum pair p, int mono)
{
	return u->color ? (int)COLOR_PAIR(p) : mono;
}

int ui_level_attr(const struct ui *u, enum level l, bool banner)
{
	if (banner)
		return (u->color ? (int)COLOR_PAIR(PAIR_BANNER + l) : (int)A_REVERSE) | (int)A_BOLD;
	return (u->color && l ? (int)COLOR_PAIR(PAIR_MARK + l) : 0) | (int)A_BOLD;
}

/* ---------------------------------------------------------------- text */

/* Draws sanitised @s at (@y, @x) in at most @w columns; returns the columns used. */
static int put(int y, int x, int w, struct str s, int attr)
{
	int used = 0;
	size_t n;

	if (w <= 0 || !s.n)
		return 0;
	n = text_fit(s, w, &used);
	if (!n)
		return 0;
	attron(attr);
	mvaddnstr(y, x, s.p, (int)n);
	attroff(attr);
	return used;
}

static int put_c(int y, int x, int w, const char *s, int attr)
{
	return put(y, x, w, str_c(s), attr);
}

/* Sanitises model text @s (no newlines) into @b; returns it. */
static struct str clean(struct buf *b, struct str s)
{
	buf_clear(b);
	text_sanitize(s, b, 0);
	return buf_str(b);
}

static void fill(int y, int x, int w, int attr)
{
	if (w <= 0)
		return;
	attron(attr);
	mvhline(y, x, ' ', w);
	attroff(attr);
}

/* ---------------------------------------------------------------- header */

enum { H_TEXT, H_TAG };

static void hline_add(struct ui *u, const char *label, struct str text, int link)
{
	struct hline *h;

	grow_array((void **)&u->hlines, &u->cap_hlines, u->nhlines + 1, sizeof(*u->hlines));
	h = &u->hlines[u->nhlines++];
	h->label_off = u->hbuf.n;
	buf_adds(&u->hbuf, label);
	h->label_len = strlen(label);
	h->off = u->hbuf.n;
	buf_addstr(&u->hbuf, text);
	h->len = text.n;
	h->link = link;
}

struct wrap_into {
	struct ui *u;
	const char *label;
	bool first;
	int link;
};

static void wrap_line(struct str line, void *ud)
{
	struct wrap_into *w = ud;

	hline_add(w->u, w->first ? w->label : "", line, w->link);
	w->first = false;
}

/* One header field: its label, then its text wrapped under it. */
static void header_field(struct ui *u, const char *label, struct str text, int width, int link)
{
	struct buf b = { 0 };
	struct wrap_into w = { u, label, true, link };
	size_t first = u->nhlines;

	if (!text.n)
		return;
	text_wrap(clean(&b, text), width, wrap_line, &w);
	if (link >= 0) {
		u->links[link].line = (int)first;
		u->links[link].lines = (int)(u->nhlines - first);
	}
	buf_free(&b);
}

#define LABEL_W 10
/* Citing cables shown at most, around the selected one. */
#define CITED_SHOWN 4

/* The link a reference of the open cable leads to, or -1. */
static int ref_link(const struct ui *u, const struct reference *r)
{
	long e = r->id.n ? corpus_find(u->corpus, r->id.p) : -1;

	for (size_t k = 0; e >= 0 && k < u->nlinks; k++)
		if (u->links[k].entry == (size_t)e)
			return (int)k;
	return -1;
}

/* Builds the header's lines for the open cable at width @cols. */
static void header_lines(struct ui *u, int cols)
{
	const struct cable *c = u->v.c;
	struct buf t = { 0 };
	int width = cols - LABEL_W > 10 ? cols - LABEL_W : 10;
	size_t nrefs_linked = 0, ncited, first_cited;

	u->nhlines = 0;
	buf_clear(&u->hbuf);
	if (!c)
		return;
	for (size_t k = 0; k < u->nlinks; k++)
		u->links[k].line = -1;
	header_field(u, "Subject", c->subject.text, width, -1);
	describe_tags(&t, c);
	header_field(u, "TAGS", buf_str(&t), width, -1);
	/* one line a reference: the ones in the corpus can be opened (r, Enter) */
	for (size_t i = 0; i < c->nrefs; i++) {
		int link = ref_link(u, &c->refs[i]);

		buf_clear(&t);
		describe_ref(&t, &c->refs[i]);
		if (link >= 0) {
			buf_adds(&t, " \xE2\x8F\x8E");   /* a return sign: Enter opens it */
			nrefs_linked++;
		}
		header_field(u, i ? "" : "REF", buf_str(&t), width, link);
	}
	/* the cables that cite this one, a few at a time */
	first_cited = nrefs_linked;
	ncited = u->nlinks - first_cited;
	if (ncited) {
		size_t from = 0;

		if (u->link_sel >= (int)first_cited)
			from = (size_t)u->link_sel - first_cited;
		if (from + CITED_SHOWN > ncited)
			from = ncited > CITED_SHOWN ? ncited - CITED_SHOWN : 0;
		for (size_t k = from; k < ncited && k < from + CITED_SHOWN; k++) {
			const struct centry *e = corpus_entry(u->corpus, u->links[first_cited + k].entry);
			char label[32];

			buf_clear(&t);
			buf_printf(&t, "%s  %s", corpus_str(u->corpus, e->id), corpus_str(u->corpus, e->subject));
			snprintf(label, sizeof(label), k == from ? "Cited by" : "");
			hline_add(u, label, str_make(t.p, text_fit(buf_str(&t), width, NULL)), (int)(first_cited + k));
			u->links[first_cited + k].line = (int)u->nhlines - 1;
			u->links[first_cited + k].lines = 1;
		}
		if (ncited > CITED_SHOWN) {
			buf_clear(&t);
			buf_printf(&t, "(%zu cables cite this one; r walks them)", ncited);
			hline_add(u, "", buf_str(&t), -1);
		}
	} else if (!corpus_done(u->corpus)) {
		hline_add(u, "Cited by", STR_LIT("(still indexing)"), -1);
	}
	buf_clear(&t);
	describe_classified_by(&t, c);
	header_field(u, "Class. by", buf_str(&t), width, -1);
	buf_clear(&t);
	describe_declassify(&t, c);
	header_field(u, "Declass.", buf_str(&t), width, -1);
	buf_clear(&t);
	if (c->origin_name.text.n)
		buf_addstr(&t, c->origin_name.text);
	if (c->routing.from.text.n)
		buf_printf(&t, "%sFM %.*s", t.n ? "; " : "", (int)c->routing.from.text.n, c->routing.from.text.p);
	header_field(u, "From", buf_str(&t), width, -1);
	buf_free(&t);
}

static void draw_banner(struct ui *u, int y, int w)
{
	const struct cable *c = u->v.c;
	char banner[160], right[48];
	struct buf b = { 0 };
	int attr = ui_level_attr(u, c->marking.level, true), x;

	fill(y, 0, w, attr);
	if (c->marking.level)
		marking_format_banner(&c->marking, banner, sizeof(banner));
	else
		snprintf(banner, sizeof(banner), "NO CLASSIFICATION FOUND");
	{
		/* REL TO countries come from the cable: sanitise them too */
		struct buf cl = { 0 };

		x = 1 + put(y, 1, w - 2, clean(&cl, str_c(banner)), attr);
		buf_free(&cl);
	}
	buf_printf(&b, "  %s", c->id[0] ? c->id : "(no id)");
	if (c->origin.text.n)
		buf_printf(&b, "  %.*s", (int)c->origin.text.n, c->origin.text.p);
	if (c->date[0])
		buf_printf(&b, "  %s", c->date);
	if (c->partial)
		buf_adds(&b, "  PARTIAL EXTRACT");
	{
		struct buf cl = { 0 };

		x += put(y, x, w - x - 1, clean(&cl, buf_str(&b)), attr & ~A_BOLD);
		buf_free(&cl);
	}
	if (u->has_list && u->list.n > 1) {
		int rw;

		snprintf(right, sizeof(right), "cable %zu/%zu ", u->list.sel + 1, u->list.n);
		rw = (int)strlen(right);
		if (x + rw + 1 < w)
			put_c(y, w - rw, rw, right, attr & ~A_BOLD);
	}
	buf_free(&b);
}

static void draw_header(struct ui *u, const struct rect *r)
{
	int shown = r->h - 1, top;

	draw_banner(u, r->y, r->w);
	/* keep the selected link in view */
	top = u->header_top;
	if (u->link_sel >= 0 && u->links[u->link_sel].line >= 0) {
		int l = u->links[u->link_sel].line, n = u->links[u->link_sel].lines;

		if (l < top)
			top = l;
		if (l + n > top + shown)
			top = l + n - shown;
	}
	if (top > (int)u->nhlines - shown)
		top = (int)u->nhlines - shown;
	if (top < 0)
		top = 0;
	u->header_top = top;
	for (int i = 0; i < shown && (size_t)(top + i) < u->nhlines; i++) {
		const struct hline *h = &u->hlines[top + i];
		bool more = i == shown - 1 && (size_t)(top + i + 1) < u->nhlines;
		int attr = 0;

		if (h->link >= 0)
			attr = h->link == u->link_sel ? A_REVERSE | A_BOLD : A_UNDERLINE;
		put(r->y + 1 + i, 0, LABEL_W - 1, str_make(u->hbuf.p + h->label_off, h->label_len),
		    pair_attr(u, PAIR_LABEL, A_BOLD));
		put(r->y + 1 + i, LABEL_W, r->w - LABEL_W - (more ? 2 : 0), str_make(u->hbuf.p + h->off, h->len), attr);
		if (more)
			put_c(r->y + 1 + i, r->w - 1, 1, "\xE2\x80\xA6", A_BOLD);   /* more: H collapses */
	}
}

/* ---------------------------------------------------------------- list */

struct hl {
	int y, x0, w;          /* where the text starts on screen */
	struct str shown;      /* the text drawn, as a slice of the paragraph's text */
	const char *base;      /* the paragraph's text */
	int attr;
};

/* Re-draws the parts of a drawn line that a match covers. */
static void highlight(const struct match *m, bool current, void *ud)
{
	struct hl *h = ud;
	const char *ms = h->base + m->start, *me = ms + m->len;
	const char *ls = h->shown.p, *le = ls + h->shown.n;
	int col;

	if (me <= ls || ms >= le)
		return;
	if (ms < ls)
		ms = ls;
	if (me > le)
		me = le;
	col = text_width(str_make(ls, (size_t)(ms - ls)));
	if (col >= h->w)
		return;
	put(h->y, h->x0 + col, h->w - col, str_make(ms, (size_t)(me - ms)),
	    (h->attr & ~A_REVERSE) | (current ? A_REVERSE | A_BOLD : A_UNDERLINE | A_BOLD) |
	    (h->attr & A_REVERSE ? A_UNDERLINE : 0));
}

static void draw_list(struct ui *u, const struct rect *r)
{
	struct view *v = &u->v;
	int numw = 1, textw = r->w - 1;
	struct buf line = { 0 };

	for (size_t i = 0; v->c && i < v->c->nparas; i++)
		if ((int)strlen(v->c->paras[i].address) > numw)
			numw = (int)strlen(v->c->paras[i].address);
	for (int k = 0; k < r->h; k++) {
		int ri = v->list_top + k, y = r->y + k, x = 0;
		const struct row *row;

		if (ri >= (int)v->nrows) {
			if (ri == 0 && k == 0)
				put_c(y, 1, textw - 1, v->c && v->c->nparas ? "(no paragraph passes the filter)"
									: "(no paragraphs)", A_DIM);
			continue;
		}
		row = &v->rows[ri];
		if (row->kind == ROW_SECTION) {
			struct buf b = { 0 };
			int attr = pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD;

			x = put_c(y, 0, textw, "\xE2\x94\x80 ", attr);
			x += put(y, x, textw - x, clean(&b, v->c->sections[row->index].title), attr);
			attron(attr);
			for (x += 1; x < textw; x++)
				mvaddstr(y, x, "\xE2\x94\x80");
			attroff(attr);
			buf_free(&b);
			continue;
		}
		{
			int i = row->index;
			const struct paragraph *p = &v->c->paras[i];
			bool sel = i == v->sel;
			int base = sel ? (v->detail_focus ? A_BOLD | A_UNDERLINE : A_REVERSE) : 0;
			char num[48], mark[96];
			struct str t = view_text(v, i);
			struct hl h;
			size_t n;

			if (sel)
				fill(y, 0, textw, base);
			x = put_c(y, 0, 1, view_is_marked(v, i) ? "*" : " ", base | A_BOLD);
			snprintf(num, sizeof(num), "\xC2\xB6%-*s ", MIN(numw, 12), p->address);
			x += put_c(y, x, textw - x, num, base);
			if (p->marking.level) {
				marking_format_portion(&p->marking, mark, sizeof(mark));
				x += put_c(y, x, textw - x, "(", base);
				x += put_c(y, x, textw - x, mark, base | ui_level_attr(u, p->marking.level, false));
				x += put_c(y, x, textw - x, ") ", base);
			}
			/* the first words: newlines shown as spaces */
			buf_clear(&line);
			n = MIN(t.n, (size_t)(textw * 4 + 8));
			buf_add(&line, t.p, n);
			for (size_t k2 = 0; k2 < line.n; k2++)
				if (line.p[k2] == '\n')
					line.p[k2] = ' ';
			{
				int avail = textw - x, used;
				size_t fit = text_fit(buf_str(&line), avail, &used);
				bool cut = fit < line.n || n < t.n;

				if (cut && avail > 1)
					fit = text_fit(buf_str(&line), avail - 1, &used);
				put(y, x, avail, str_make(line.p, fit), base);
				if (cut && avail > 1)
					put_c(y, x + used, 1, "\xE2\x80\xA6", base);
				h.y = y;
				h.x0 = x;
				h.w = used;
				h.shown = str_make(t.p, fit);
				h.base = t.p;
				h.attr = base;
				if (v->re)
					view_matches_in(v, i, highlight, &h);
			}
		}
	}
	/* the scroll indicator, in the last column */
	if (v->list_top > 0)
		put_c(r->y, r->w - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (v->list_top + r->h < (int)v->nrows)
		put_c(r->y + r->h - 1, r->w - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_free(&line);
}

/* ---------------------------------------------------------------- detail */

static void draw_detail(struct ui *u, const struct rect *r)
{
	struct view *v = &u->v;
	const struct paragraph *p;
	char title[128], mark[96], pos[48];
	int attr = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD, x;
	struct buf b = { 0 };
	struct str t;

	fill(r->y, r->x, r->w, attr);
	if (v->sel < 0) {
		put_c(r->y, r->x + 1, r->w - 1, "no paragraph selected", attr);
		return;
	}
	p = &v->c->paras[v->sel];
	snprintf(title, sizeof(title), " \xC2\xB6%s", p->address);
	x = r->x + put_c(r->y, r->x, r->w, title, attr);
	if (p->marking.level) {
		marking_format_portion(&p->marking, mark, sizeof(mark));
		x += put_c(r->y, x, r->x + r->w - x, " (", attr);
		x += put_c(r->y, x, r->x + r->w - x, mark, attr);
		x += put_c(r->y, x, r->x + r->w - x, ")", attr);
	}
	if (p->section >= 0) {
		x += put_c(r->y, x, r->x + r->w - x, "  ", attr);
		x += put(r->y, x, r->x + r->w - x, clean(&b, v->c->sections[p->section].title), attr & ~A_BOLD);
	}
	v->detail_w = r->w - 1;
	v->detail_h = r->h - 1;
	view_wrap(v);
	view_scroll_detail(v, 0);
	if ((int)v->nwlines > v->detail_h && v->detail_h > 0) {
		int last = MIN((int)v->nwlines, v->detail_top + v->detail_h);

		snprintf(pos, sizeof(pos), " %d-%d/%zu ", v->detail_top + 1, last, v->nwlines);
		if (x + (int)strlen(pos) < r->x + r->w)
			put_c(r->y, r->x + r->w - (int)strlen(pos), (int)strlen(pos), pos, attr & ~A_BOLD);
	}
	t = view_text(v, v->sel);
	for (int k = 0; k < v->detail_h; k++) {
		int li = v->detail_top + k, y = r->y + 1 + k, used;
		struct hl h;

		if (li >= (int)v->nwlines)
			break;
		used = put(y, r->x, r->w - 1, v->wlines[li], 0);
		h.y = y;
		h.x0 = r->x;
		h.w = used;
		h.shown = v->wlines[li];
		h.base = t.p;
		h.attr = 0;
		if (v->re)
			view_matches_in(v, v->sel, highlight, &h);
	}
	if (v->detail_top > 0)
		put_c(r->y + 1, r->x + r->w - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (v->detail_top + v->detail_h < (int)v->nwlines)
		put_c(r->y + r->h - 1, r->x + r->w - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_free(&b);
}

/* ---------------------------------------------------------------- status */

static void draw_status(struct ui *u, const struct rect *r)
{
	struct view *v = &u->v;
	int attr = pair_attr(u, PAIR_STATUS, A_REVERSE), x;
	struct buf b = { 0 };
	char name[96];

	fill(r->y, 0, r->w, attr);
	if (u->mode == MODE_PROMPT) {
		struct buf in = { 0 };

		buf_addc(&b, u->prompt_kind);
		text_sanitize(str_make(u->input, u->ninput), &in, 0);
		buf_addstr(&b, buf_str(&in));
		put(r->y, 0, r->w, buf_str(&b), attr);
		buf_free(&in);
		buf_free(&b);
		return;
	}
	if (v->sel >= 0)
		buf_printf(&b, " \xC2\xB6%s/%s", v->c->paras[v->sel].address,
			   v->c->paras[v->c->nparas - 1].address);
	else if (v->c)
		buf_printf(&b, " %zu paragraphs", v->c->nparas);
	if (u->count[0])
		buf_printf(&b, "  go to \xC2\xB6%s", u->count);
	if (v->filter.mode != FILTER_ALL || v->filter.marked_only) {
		view_filter_name(v, name, sizeof(name));
		buf_printf(&b, "  filter: %s", name);
	}
	if (v->re)
		buf_printf(&b, "  /%s", v->pattern);
	if (v->detail_focus)
		buf_adds(&b, "  [detail]");
	{
		/* the pattern was typed, the rest comes from the cable: sanitise it all */
		struct buf cl = { 0 };

		x = put(r->y, 0, r->w, clean(&cl, buf_str(&b)), attr);
		buf_free(&cl);
	}
	if (v->msg[0]) {
		struct buf m = { 0 };
		int mw;

		text_sanitize(str_c(v->msg), &m, 0);
		mw = text_width(buf_str(&m));
		/* right-aligned when it fits, else after the position */
		if (x + 2 + mw <= r->w)
			put(r->y, r->w - mw - 1 > x + 2 ? r->w - mw - 1 : x + 2, r->w - x - 2, buf_str(&m), attr | A_BOLD);
		else
			put(r->y, x + 2, r->w - x - 2, buf_str(&m), attr | A_BOLD);
		buf_free(&m);
	} else if (x + 10 < r->w) {
		put_c(r->y, r->w - 8, 8, "? help ", attr);
	}
	buf_free(&b);
}

/* ---------------------------------------------------------------- overlays */

static void draw_help(struct ui *u)
{
	static const char *const titles[] = { "In the cable list", "In the reader", "Everywhere" };
	int rows = LINES, cols = COLS, y = 2, n = 0, nkeys = (int)(sizeof(key_rows) / sizeof(key_rows[0]));
	int body = rows - 3, max_top;
	struct {
		const char *keys, *help;
		bool title;
	} lines[128];

	/* the rows of keys.def, a title before each group */
	for (int i = 0; i < nkeys && n < 126; i++) {
		if (i == 0 || key_rows[i].where != key_rows[i - 1].where) {
			lines[n].keys = titles[key_rows[i].where];
			lines[n].help = "";
			lines[n++].title = true;
		}
		lines[n].keys = key_rows[i].keys;
		lines[n].help = key_rows[i].help;
		lines[n++].title = false;
	}
	max_top = n - body > 0 ? n - body : 0;
	if (u->help_top > max_top)
		u->help_top = max_top;
	if (u->help_top < 0)
		u->help_top = 0;
	erase();
	fill(0, 0, cols, pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD);
	put_c(0, 1, cols - 1, "pilcrow keys", pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD);
	for (int i = u->help_top; i < n && y < rows - 1; i++, y++) {
		if (lines[i].title) {
			put_c(y, 1, cols - 1, lines[i].keys, pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD);
			continue;
		}
		put_c(y, 3, 18, lines[i].keys, A_BOLD);
		put_c(y, 23, cols - 23, lines[i].help, 0);
	}
	if (u->help_top > 0)
		put_c(2, cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (u->help_top < max_top)
		put_c(rows - 2, cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	fill(rows - 1, 0, cols, pair_attr(u, PAIR_STATUS, A_REVERSE));
	put_c(rows - 1, 1, cols - 1, "q, Esc or ? closes; j/k scroll", pair_attr(u, PAIR_STATUS, A_REVERSE));
}

/* ---------------------------------------------------------------- cable list */

/* "251,287" */
static void thousands(char *out, size_t size, size_t n)
{
	char tmp[32];
	size_t len, k = 0;

	snprintf(tmp, sizeof(tmp), "%zu", n);
	len = strlen(tmp);
	for (size_t i = 0; i < len && k + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = tmp[i];
	}
	out[k] = '\0';
}

static void draw_cable_list(struct ui *u)
{
	struct clist *l = &u->list;
	int rows = LINES, cols = COLS, h = rows - 2, title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	char all[32], shown[32];
	struct buf b = { 0 }, cl = { 0 };
	int idw = 18, datew = cols >= 60 ? 10 : 0, originw = cols >= 80 ? 14 : 0, classw = 10, x;
	uint64_t done, total;

	l->h = (size_t)(h > 0 ? h : 1);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->h)
		l->top = l->sel - l->h + 1;
	if (l->top + l->h > l->n)
		l->top = l->n > l->h ? l->n - l->h : 0;
	/* the title bar */
	fill(0, 0, cols, title);
	thousands(all, sizeof(all), corpus_count(u->corpus));
	buf_printf(&b, " pilcrow  %s cable%s", all, corpus_count(u->corpus) == 1 ? "" : "s");
	if (l->sort != SORT_INPUT || l->reverse)
		buf_printf(&b, "  sorted by %s%s", sort_name(l->sort), l->reverse ? ", reversed" : "");
	if (!cfilter_empty(&l->filter))
		buf_printf(&b, "  filter: %s", l->filter.text);
	put(0, 0, cols, clean(&cl, buf_str(&b)), title);
	/* the rows: id, date, origin, classification (coloured, and written), subject */
	for (int k = 0; k < h; k++) {
		size_t ri = l->top + (size_t)k;
		const struct centry *e;
		int y = 1 + k, attr;
		char date[11], mark[96];

		if (ri >= l->n) {
			if (ri == 0 && k == 0)
				put_c(y, 1, cols - 1, corpus_done(u->corpus) ? "(no cable passes the filter)"
									 : "(no cable yet: still reading)", A_DIM);
			continue;
		}
		e = corpus_entry(u->corpus, l->rows[ri]);
		attr = ri == l->sel ? A_REVERSE : 0;
		if (attr)
			fill(y, 0, cols, attr);
		x = 1;
		put(y, x, MIN(idw, cols - x), clean(&cl, str_c(corpus_str(u->corpus, e->id))), attr | A_BOLD);
		x += idw + 1;
		if (datew && x < cols) {
			minutes_date(e->date, date);
			put_c(y, x, MIN(datew, cols - x), date, attr);
			x += datew + 2;
		}
		if (originw && x < cols) {
			put(y, x, MIN(originw, cols - x), clean(&cl, str_c(corpus_str(u->corpus, e->origin))), attr);
			x += originw + 1;
		}
		if (x < cols) {
			struct marking m = { (enum level)e->level, e->caveats, STR_NULL };

			if (e->level)
				marking_format_portion(&m, mark, sizeof(mark));
			else
				snprintf(mark, sizeof(mark), "-");
			put_c(y, x, MIN(classw, cols - x), mark, attr | ui_level_attr(u, (enum level)e->level, false));
			x += classw + 1;
		}
		if (x < cols)
			put(y, x, cols - x, clean(&cl, str_c(corpus_str(u->corpus, e->subject))), attr);
	}
	if (l->top > 0)
		put_c(1, cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (l->top + l->h < l->n)
		put_c(rows - 2, cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	/* the status bar: how many pass, indexing progress, messages */
	buf_clear(&b);
	thousands(shown, sizeof(shown), l->n);
	if (l->n)
		buf_printf(&b, " %zu/%s", l->sel + 1, shown);
	if (!cfilter_empty(&l->filter))
		buf_printf(&b, "  %s of %s", shown, all);
	corpus_progress(u->corpus, &done, &total);
	if (!corpus_done(u->corpus))
		buf_printf(&b, "  reading %d%%", total ? (int)(done * 100 / total) : 0);
	if (corpus_problems(u->corpus))
		buf_printf(&b, "  %zu problem%s (listed on exit)", corpus_problems(u->corpus),
			   corpus_problems(u->corpus) == 1 ? "" : "s");
	if (u->mode == MODE_PROMPT) {
		buf_clear(&b);
		buf_addc(&b, u->prompt_kind == 'f' ? ' ' : '/');
		if (u->prompt_kind == 'f')
			buf_adds(&b, "filter: ");
		buf_add(&b, u->input, u->ninput);
	}
	fill(rows - 1, 0, cols, pair_attr(u, PAIR_STATUS, A_REVERSE));
	x = put(rows - 1, 0, cols, clean(&cl, buf_str(&b)), pair_attr(u, PAIR_STATUS, A_REVERSE));
	if (u->mode != MODE_PROMPT) {
		struct str m = u->v.msg[0] ? clean(&cl, str_c(u->v.msg)) : STR_LIT("? help ");
		int mw = text_width(m);

		if (x + 2 < cols)
			put(rows - 1, cols - mw - 1 > x + 2 ? cols - mw - 1 : x + 2, cols - x - 2, m,
			    pair_attr(u, PAIR_STATUS, A_REVERSE) | (u->v.msg[0] ? A_BOLD : 0));
		move(1 + (int)(l->sel - l->top), 0);
	} else {
		move(rows - 1, MIN(text_width(clean(&cl, buf_str(&b))), cols - 1));
	}
	buf_free(&b);
	buf_free(&cl);
}

static void draw_menu(struct ui *u)
{
	int w = 36, h = u->nitems + 4, y0, x0;

	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	y0 = (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	for (int y = 0; y < h; y++)
		fill(y0 + y, x0, w, A_REVERSE);
	put_c(y0, x0 + 1, w - 2, "Filter by marking", A_REVERSE | A_BOLD);
	for (int i = 0; i < u->nitems && 2 + i < h - 1; i++) {
		char line[96];
		int attr = i == u->menu_sel ? A_BOLD : A_REVERSE;

		snprintf(line, sizeof(line), "%d  %-22s %5zu", i + 1, u->items[i].label, u->items[i].count);
		fill(y0 + 2 + i, x0 + 1, w - 2, attr);
		put_c(y0 + 2 + i, x0 + 2, w - 3, line, attr);
	}
	if (h >= 4)
		put_c(y0 + h - 1, x0 + 1, w - 2, "Enter picks, Esc cancels", A_REVERSE);
}

/* ---------------------------------------------------------------- all */

void ui_draw(struct ui *u)
{
	struct view *v = &u->v;
	int header_h;

	erase();
	if (u->mode == MODE_HELP) {
		draw_help(u);
		move(LINES - 1, 0);
		return;
	}
	if (u->screen == SCREEN_LIST) {
		if (LINES < LAYOUT_MIN_ROWS || COLS < LAYOUT_MIN_COLS) {
			put_c(0, 0, COLS, "terminal too small", A_BOLD);
			if (LINES > 1)
				put_c(1, 0, COLS, "pilcrow needs 20x6", 0);
			move(0, 0);
			return;
		}
		draw_cable_list(u);
		return;
	}
	header_lines(u, COLS);
	header_h = v->header_collapsed ? 1 : 1 + (int)u->nhlines;
	layout_compute(&u->lay, LINES, COLS, header_h);
	if (u->lay.too_small) {
		put_c(0, 0, COLS, "terminal too small", A_BOLD);
		if (LINES > 1)
			put_c(1, 0, COLS, "pilcrow needs 20x6", 0);
		move(0, 0);
		return;
	}
	if (!v->c) {
		put_c(0, 0, COLS, "no cables", A_BOLD);
		return;
	}
	v->list_h = u->lay.list.h;
	view_scroll_list(v);
	draw_header(u, &u->lay.header);
	draw_list(u, &u->lay.list);
	if (u->lay.wide) {
		/* the rule between the panes (box drawing, as the text is UTF-8) */
		attron(A_DIM);
		for (int k = 0; k < u->lay.list.h; k++)
			mvaddstr(u->lay.list.y + k, u->lay.list.w, "\xE2\x94\x82");
		attroff(A_DIM);
	}
	draw_detail(u, &u->lay.detail);
	draw_status(u, &u->lay.status);
	if (u->mode == MODE_MENU)
		draw_menu(u);
	/* the terminal cursor sits on the selected row, for screen readers */
	if (u->mode == MODE_PROMPT) {
		struct buf in = { 0 };

		text_sanitize(str_make(u->input, u->ninput), &in, 0);
		move(u->lay.status.y, MIN(1 + text_width(buf_str(&in)), COLS - 1));
		buf_free(&in);
	} else if (v->detail_focus) {
		move(u->lay.detail.y + 1 < LINES ? u->lay.detail.y + 1 : u->lay.detail.y, u->lay.detail.x);
	} else {
		int row = v->sel >= 0 ? view_row_of(v, v->sel) - v->list_top : 0;

		move(u->lay.list.y + (row >= 0 && row < u->lay.list.h ? row : 0), 0);
	}
}
