/* ui_draw.c -- paints the reader: the banner and header, the paragraph
 * list, the detail, the status bar.  It reads what the reader's recalc
 * (ui_reader.c) left and changes nothing.  Every piece of cable text
 * reaching ncurses has been through text_sanitize(). */
#include "config.h"
#include "ui/screens/reader.h"

#include <stdlib.h>
#include <string.h>

#include "doc/marking.h"
#include "base/text.h"

/* ---------------------------------------------------------------- header */

static void draw_banner(const struct ui *u, int y, int w)
{
	const struct cable *c = u->v.c;
	char banner[160], right[96];
	struct buf b = { 0 };
	int attr = ui_level_attr(u, c->marking.level, true), x;

	paint_fill(y, 0, w, attr);
	if (c->marking.level)
		marking_format_banner(&c->marking, banner, sizeof(banner));
	else
		snprintf(banner, sizeof(banner), "NO CLASSIFICATION FOUND");
	{
		/* REL TO countries come from the cable: sanitise them too */
		struct buf cl = { 0 };

		x = 1 + paint_put(y, 1, w - 2, paint_clean(&cl, str_c(banner)), attr);
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

		x += paint_put(y, x, w - x - 1, paint_clean(&cl, buf_str(&b)), attr & ~A_BOLD);
		buf_free(&cl);
	}
	if (u->has_list && u->list.n > 1 && reader_of(u)->list_pos >= 0) {
		char at[32], of[32];
		int rw;

		/* the cable on screen (one followed by a REF too), as the list has it */
		paint_thousands(at, sizeof(at), (size_t)reader_of(u)->list_pos + 1);
		paint_thousands(of, sizeof(of), u->list.n);
		snprintf(right, sizeof(right), "cable %s/%s ", at, of);
		rw = (int)strlen(right);
		if (x + rw + 1 < w)
			put_c(y, w - rw, rw, right, attr & ~A_BOLD);
	}
	buf_free(&b);
}

static void draw_header(const struct ui *u, const struct rect *r)
{
	const struct reader *rd = reader_of(u);
	int shown = r->h - 1, top;

	draw_banner(u, r->y, r->w);
	top = rd->header.top;
	for (int i = 0; i < shown && (size_t)(top + i) < rd->nhlines; i++) {
		const struct hline *h = &rd->hlines[top + i];
		bool more = i == shown - 1 && (size_t)(top + i + 1) < rd->nhlines;
		int attr = 0;

		if (h->link >= 0)
			attr = h->link == rd->link_sel ? A_REVERSE | A_BOLD : A_UNDERLINE;
		paint_put(r->y + 1 + i, 0, LABEL_W - 1, str_make(rd->hbuf.p + h->label_off, h->label_len),
		    pair_attr(u, PAIR_LABEL, A_BOLD));
		paint_put(r->y + 1 + i, LABEL_W, r->w - LABEL_W - (more ? 2 : 0), str_make(rd->hbuf.p + h->off, h->len), attr);
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
	const struct hl *h = ud;
	const char *ms = h->base + m->start;

	paint_over(h->y, h->x0, h->w, h->shown, ms, ms + m->len,
		   (h->attr & ~A_REVERSE) | (current ? A_REVERSE | A_BOLD : A_UNDERLINE | A_BOLD) |
			   (h->attr & A_REVERSE ? A_UNDERLINE : 0));
}

/* "─ Summary ─────": a section's heading across @w columns. */
static void draw_heading(const struct ui *u, int y, int x0, int w, int section)
{
	struct buf b = { 0 };
	int attr = pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD, x;

	x = x0 + put_c(y, x0, w, "\xE2\x94\x80 ", attr);
	x += paint_put(y, x, x0 + w - x, paint_clean(&b, u->v.c->sections[section].title), attr);
	for (x += 1; x < x0 + w; x++)
		put_c(y, x, 1, "\xE2\x94\x80", attr);
	buf_free(&b);
}

static void draw_list(const struct ui *u, const struct rect *r)
{
	const struct view *v = &u->v;
	int numw = reader_of(u)->numw, textw = r->w - 1;
	struct buf line = { 0 };

	for (int k = 0; k < r->h; k++) {
		int ri = v->list.top + k, y = r->y + k, x = 0;
		const struct row *row;

		if (ri >= (int)v->nrows) {
			if (ri == 0 && k == 0)
				put_c(y, 1, textw - 1, v->c && v->c->nparas ? "(no paragraph passes the filter)"
									: "(no paragraphs)", A_DIM);
			continue;
		}
		row = &v->rows[ri];
		if (row->kind == ROW_SECTION) {
			draw_heading(u, y, 0, textw, row->index);
			continue;
		}
		{
			int i = row->index;
			const struct paragraph *p = &v->c->paras[i];
			bool sel = i == v->sel, matched = view_searching(v) && view_para_matches(v, i);
			int base = sel ? (v->detail_focus ? A_BOLD | A_UNDERLINE : A_REVERSE) : 0;
			char num[48], mark[96];
			struct str t = view_text_made(v, i);
			struct hl h;
			size_t n;

			if (sel)
				paint_fill(y, 0, textw, base);
			/* the reader's own: a note (✎), a mark (*); else a match of
			 * the search in the paragraph (›), whose number is then
			 * underlined as the matches are */
			x = put_c(y, 0, 1, view_is_noted(v, i) ? "\xE2\x9C\x8E" : view_is_marked(v, i) ? "*" : matched ? "\xE2\x80\xBA" : " ",
				  base | A_BOLD);
			snprintf(num, sizeof(num), "\xC2\xB6%-*s ", MIN(numw, 12), p->address);
			x += put_c(y, x, textw - x, num, base | (matched ? A_UNDERLINE | A_BOLD : 0));
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
				paint_put(y, x, avail, str_make(line.p, fit), base);
				if (cut && avail > 1)
					put_c(y, x + used, 1, "\xE2\x80\xA6", base);
				h.y = y;
				h.x0 = x;
				h.w = used;
				h.shown = str_make(t.p, fit);
				h.base = t.p;
				h.attr = base;
				if (view_searching(v))
					view_matches_in(v, i, highlight, &h);
			}
		}
	}
	/* the scroll indicator, in the last column */
	if (v->list.top > 0)
		put_c(r->y, r->w - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (v->list.top + r->h < (int)v->nrows)
		put_c(r->y + r->h - 1, r->w - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_free(&line);
}

/* ---------------------------------------------------------------- detail */

static void draw_detail(const struct ui *u, const struct rect *r)
{
	const struct reader *rd = reader_of(u);
	const struct view *v = &u->v;
	const struct paragraph *p;
	char title[128], mark[96], pos[48];
	int attr = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD, x;
	struct buf b = { 0 };
	struct str t;

	if (v->sel < 0) {
		paint_fill(r->y, r->x, r->w, attr);
		put_c(r->y, r->x + 1, r->w - 1, "no paragraph selected", attr);
		return;
	}
	p = &v->c->paras[v->sel];
	/* the title in the colour of the paragraph's own marking */
	if (p->marking.level)
		attr = ui_level_attr(u, p->marking.level, true);
	paint_fill(r->y, r->x, r->w, attr);
	snprintf(title, sizeof(title), " \xC2\xB6%s", p->address);
	x = r->x + put_c(r->y, r->x, r->w, title, attr);
	if (p->marking.level) {
		marking_format_portion(&p->marking, mark, sizeof(mark));
		x += put_c(r->y, x, r->x + r->w - x, " (", attr);
		x += put_c(r->y, x, r->x + r->w - x, mark, attr);
		x += put_c(r->y, x, r->x + r->w - x, ")", attr);
	}
	if (view_is_marked(v, v->sel))
		x += put_c(r->y, x, r->x + r->w - x, "  marked", attr);
	if (p->section >= 0) {
		x += put_c(r->y, x, r->x + r->w - x, "  ", attr);
		x += paint_put(r->y, x, r->x + r->w - x, paint_clean(&b, v->c->sections[p->section].title), attr & ~A_BOLD);
	}
	if ((int)v->nwlines > v->detail.h && v->detail.h > 0) {
		int top = (int)v->detail.top, last = MIN((int)v->nwlines, top + v->detail.h);

		snprintf(pos, sizeof(pos), " %d-%d/%zu ", top + 1, last, v->nwlines);
		if (x + (int)strlen(pos) < r->x + r->w)
			put_c(r->y, r->x + r->w - (int)strlen(pos), (int)strlen(pos), pos, attr & ~A_BOLD);
	}
	t = view_text_made(v, v->sel);
	for (int k = 0; k < v->detail.h; k++) {
		int li = v->detail.top + k, y = r->y + 1 + k, used;
		struct hl h;

		if (li >= (int)v->nwlines)
			break;
		used = paint_put(y, r->x, r->w - 1, v->wlines[li], 0);
		h.y = y;
		h.x0 = r->x;
		h.w = used;
		h.shown = v->wlines[li];
		h.base = t.p;
		h.attr = 0;
		if (view_searching(v))
			view_matches_in(v, v->sel, highlight, &h);
		reader_pick_paint(u, v->sel, y, r->x, used, v->wlines[li], t.p);
	}
	if (pane_more_above(&v->detail))
		put_c(r->y + 1, r->x + r->w - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&v->detail))
		put_c(r->y + v->detail.h, r->x + r->w - 1, 1, "\xE2\x96\xBC", A_BOLD);
	/* the note, on the detail's last line */
	if (rd->note.n && v->detail.h < r->h - 1) {
		int y = r->y + r->h - 1;

		x = r->x + put_c(y, r->x, r->w, "\xE2\x9C\x8E ", A_BOLD);
		put_cut(y, x, r->x + r->w - x - 1, paint_clean(&b, buf_str(&rd->note)), A_BOLD);
	}
	buf_free(&b);
}

/* ---------------------------------------------------------------- flow */

/* The continuous view in the detail's place: the header, then every
 * paragraph under its ¶ and marking. */
static void draw_flow(const struct ui *u, const struct rect *r)
{
	const struct reader *rd = reader_of(u);
	const struct view *v = &u->v;
	const struct flow *f = &rd->flow;
	int attr = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	char title[96];

	paint_fill(r->y, r->x, r->w, attr);
	put_c(r->y, r->x, r->w, " The whole cable", attr);
	if (v->sel >= 0) {
		snprintf(title, sizeof(title), " \xC2\xB6%s of %zu%s ", v->c->paras[v->sel].address, v->c->nparas,
			 f->at_end ? ", the end" : "");
		put_c(r->y, r->x + r->w - text_width(str_c(title)), text_width(str_c(title)), title, attr & ~A_BOLD);
	}
	for (size_t k = 0; k < f->nshown; k++) {
		const struct flow_line *l = &f->shown[k];
		int y = r->y + 1 + (int)k;

		switch (l->kind) {
		case FLOW_HEAD: {
			const struct hline *h = &rd->hlines[l->index];

			paint_put(y, r->x, LABEL_W - 1, str_make(rd->hbuf.p + h->label_off, h->label_len),
			    pair_attr(u, PAIR_LABEL, A_BOLD));
			paint_put(y, r->x + LABEL_W, r->w - LABEL_W, l->text, 0);
			break;
		}
		case FLOW_SECTION:
			draw_heading(u, y, r->x, r->w - 1, l->index);
			break;
		case FLOW_TITLE: {
			const struct paragraph *p = &v->c->paras[l->index];
			char mark[96];
			int x = r->x;

			snprintf(title, sizeof(title), "%s\xC2\xB6%s", view_is_marked(v, l->index) ? "*" : "",
				 p->address);
			x += put_c(y, x, r->w - 1, title, A_BOLD);
			if (p->marking.level) {
				marking_format_portion(&p->marking, mark, sizeof(mark));
				x += put_c(y, x, r->x + r->w - x, " (", A_BOLD);
				x += put_c(y, x, r->x + r->w - x, mark, ui_level_attr(u, p->marking.level, false));
				put_c(y, x, r->x + r->w - x, ")", A_BOLD);
			}
			break;
		}
		case FLOW_TEXT: {
			struct hl h = { y, r->x, 0, l->text, view_text_made(v, l->index).p, 0 };

			h.w = paint_put(y, r->x, r->w - 1, l->text, 0);
			if (view_searching(v) && h.base)
				view_matches_in(v, l->index, highlight, &h);
			reader_pick_paint(u, l->index, y, r->x, h.w, l->text, h.base);
			break;
		}
		case FLOW_BLANK:
			break;
		}
	}
	if (f->top.block > 0 || f->top.line > 0)
		put_c(r->y + 1, r->x + r->w - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (!f->at_end)
		put_c(r->y + r->h - 1, r->x + r->w - 1, 1, "\xE2\x96\xBC", A_BOLD);
}

/* ---------------------------------------------------------------- status */

static void draw_status(const struct ui *u, const struct rect *r)
{
	const struct reader *rd = reader_of(u);
	const struct view *v = &u->v;
	struct buf b = { 0 };
	char name[96];

	if (v->sel >= 0)
		buf_printf(&b, " \xC2\xB6%s/%s", v->c->paras[v->sel].address,
			   v->c->paras[v->c->nparas - 1].address);
	else if (v->c)
		buf_printf(&b, " %zu paragraphs", v->c->nparas);
	if (rd->count[0])
		buf_printf(&b, "  go to \xC2\xB6%s", rd->count);
	if (v->filter.mode != FILTER_ALL || v->filter.marked_only) {
		view_filter_name(v, name, sizeof(name));
		buf_printf(&b, "  filter: %s", name);
	}
	if (v->words)
		buf_adds(&b, "  the list's words");
	else if (v->re)
		buf_printf(&b, "  /%s", v->pattern);
	if (v->detail_focus)
		buf_adds(&b, "  [detail]");
	if (v->ws && *ws_waiting(v->ws))
		buf_adds(&b, "  waiting for the workspace");
	/* the pattern was typed, the rest comes from the cable: the painter
	 * sanitises it all */
	status_line(u, r, buf_str(&b), "? help ");
	buf_free(&b);
}

/* ---------------------------------------------------------------- all */

void reader_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct view *v = &u->v;
	const struct layout *lay = &reader_of(u)->lay;

	paint_erase();
	if (lay->too_small) {
		too_small();
		return;
	}
	if (!v->c) {
		put_c(0, 0, s->r.w, "no cables", A_BOLD);
		return;
	}
	draw_header(u, &lay->header);
	if (reader_of(u)->header_full && !v->header_collapsed) {
		draw_status(u, &lay->status);
		return;
	}
	draw_list(u, &lay->list);
	if (lay->wide) {
		/* the rule between the panes (box drawing, as the text is UTF-8) */
		for (int k = 0; k < lay->list.h; k++)
			put_c(lay->list.y + k, lay->list.w, 1, "\xE2\x94\x82", A_DIM);
	}
	if (reader_of(u)->flow_on)
		draw_flow(u, &lay->detail);
	else
		draw_detail(u, &lay->detail);
	draw_status(u, &lay->status);
}
