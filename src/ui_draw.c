/* ui_draw.c -- the panes: header, paragraph list, detail, status bar, and
 * the help screen and filter menu over them.  Every piece of cable text
 * reaching ncurses has been through text_sanitize(). */
#include "config.h"
#include "ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "text.h"

static const struct {
	const char *keys, *help;
} key_rows[] = {
#define KEY(a, keys, help, ...) { keys, help },
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

static void hline_add(struct ui *u, const char *label, struct str text, int kind)
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
	h->kind = kind;
}

struct wrap_into {
	struct ui *u;
	const char *label;
	bool first;
};

static void wrap_line(struct str line, void *ud)
{
	struct wrap_into *w = ud;

	hline_add(w->u, w->first ? w->label : "", line, H_TEXT);
	w->first = false;
}

/* One header field: its label, then its text wrapped under it. */
static void header_field(struct ui *u, const char *label, struct str text, int width)
{
	struct buf b = { 0 };
	struct wrap_into w = { u, label, true };

	if (!text.n)
		return;
	text_wrap(clean(&b, text), width, wrap_line, &w);
	buf_free(&b);
}

#define LABEL_W 10

/* Builds the header's lines for the open cable at width @cols. */
static void header_lines(struct ui *u, int cols)
{
	const struct cable *c = u->v.c;
	struct buf t = { 0 };
	int width = cols - LABEL_W > 10 ? cols - LABEL_W : 10;

	u->nhlines = 0;
	buf_clear(&u->hbuf);
	if (!c)
		return;
	header_field(u, "Subject", c->subject.text, width);
	describe_tags(&t, c);
	header_field(u, "TAGS", buf_str(&t), width);
	buf_clear(&t);
	for (size_t i = 0; i < c->nrefs; i++) {
		if (i)
			buf_adds(&t, " \xC2\xB7 ");
		describe_ref(&t, &c->refs[i]);
	}
	header_field(u, "REF", buf_str(&t), width);
	buf_clear(&t);
	describe_classified_by(&t, c);
	header_field(u, "Class. by", buf_str(&t), width);
	buf_clear(&t);
	describe_declassify(&t, c);
	header_field(u, "Declass.", buf_str(&t), width);
	buf_clear(&t);
	if (c->origin_name.text.n)
		buf_addstr(&t, c->origin_name.text);
	if (c->routing.from.text.n)
		buf_printf(&t, "%sFM %.*s", t.n ? "; " : "", (int)c->routing.from.text.n, c->routing.from.text.p);
	header_field(u, "From", buf_str(&t), width);
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
	if (u->v.lib->n > 1) {
		int rw;

		snprintf(right, sizeof(right), "cable %zu/%zu ", u->v.cur + 1, u->v.lib->n);
		rw = (int)strlen(right);
		if (x + rw + 1 < w)
			put_c(y, w - rw, rw, right, attr & ~A_BOLD);
	}
	buf_free(&b);
}

static void draw_header(struct ui *u, const struct rect *r)
{
	draw_banner(u, r->y, r->w);
	for (int i = 1; i < r->h && (size_t)(i - 1) < u->nhlines; i++) {
		const struct hline *h = &u->hlines[i - 1];
		bool last = i == r->h - 1 && (size_t)i < u->nhlines;

		put(r->y + i, 0, LABEL_W - 1, str_make(u->hbuf.p + h->label_off, h->label_len),
		    pair_attr(u, PAIR_LABEL, A_BOLD));
		put(r->y + i, LABEL_W, r->w - LABEL_W - (last ? 2 : 0), str_make(u->hbuf.p + h->off, h->len), 0);
		if (last)
			put_c(r->y + i, r->w - 1, 1, "\xE2\x80\xA6", A_BOLD);   /* more: H collapses */
	}
}

/* ---------------------------------------------------------------- list */

static int digits(int n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

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
		if (digits(v->c->paras[i].number) > numw)
			numw = digits(v->c->paras[i].number);
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
			if (p->number > 0)
				snprintf(num, sizeof(num), "\xC2\xB6%-*d ", MIN(numw, 12), p->number);
			else
				snprintf(num, sizeof(num), "%-*s ", MIN(numw, 12) + 1, "-");
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
	if (p->number > 0)
		snprintf(title, sizeof(title), " \xC2\xB6%d", p->number);
	else
		snprintf(title, sizeof(title), " before \xC2\xB6" "1");
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
	if (v->sel >= 0 && v->c->paras[v->sel].number > 0)
		buf_printf(&b, " \xC2\xB6%d/%d", v->c->paras[v->sel].number,
			   v->c->nparas ? v->c->paras[v->c->nparas - 1].number : 0);
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
	int rows = LINES, cols = COLS, y = 2, n = (int)(sizeof(key_rows) / sizeof(key_rows[0]));
	int body = rows - 3, max_top = n - body > 0 ? n - body : 0;

	if (u->help_top > max_top)
		u->help_top = max_top;
	if (u->help_top < 0)
		u->help_top = 0;
	erase();
	fill(0, 0, cols, pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD);
	put_c(0, 1, cols - 1, "pilcrow keys", pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD);
	for (int i = u->help_top; i < n && y < rows - 1; i++, y++) {
		put_c(y, 2, 18, key_rows[i].keys, A_BOLD);
		put_c(y, 22, cols - 22, key_rows[i].help, 0);
	}
	if (u->help_top > 0)
		put_c(2, cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (u->help_top < max_top)
		put_c(rows - 2, cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	fill(rows - 1, 0, cols, pair_attr(u, PAIR_STATUS, A_REVERSE));
	put_c(rows - 1, 1, cols - 1, "q, Esc or ? closes; j/k scroll", pair_attr(u, PAIR_STATUS, A_REVERSE));
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
