/* ui_reader.c -- the reader screen: one cable's keys, its links (the
 * references and citing cables in the header), the cables left by
 * following them, and the geometry (recalc) that ui_draw.c paints */
#include "config.h"
#include "ui/screens/reader.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* ------------------------------------------------------------ the prompt */

static void reader_prompt_done(struct ui *u, char kind, const char *text)
{
	struct view *v = &u->v;
	size_t n = strlen(text), k = 0;

	if (kind == '/') {
		if (n)
			view_search(v, text);
		else if (view_searching(v))
			view_search_next(v, 1);
		return;
	}
	/* ":12", ":4a": a paragraph's address */
	while (k < n && text[k] >= '0' && text[k] <= '9')
		k++;
	while (k > 0 && k < n && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z')))
		k++;
	if (n && k == n && n < ADDRESS_MAX)
		view_jump(v, text);
	else if (n)
		ui_say(u, "not a paragraph address: %s", text);
}

/* ------------------------------------------------------------ the mouse */

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

static void mouse_event(struct ui *u)
{
	struct reader *rd = reader_of(u);
	const MEVENT *ev = &u->mouse;
	struct view *v = &u->v;
	const struct rect *l = &rd->lay.list, *d = &rd->lay.detail;
	bool in_list = inside(l, ev->y, ev->x), in_detail = inside(d, ev->y, ev->x);

	if (rd->lay.too_small)
		return;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int dir = ev->bstate & BUTTON4_PRESSED ? -1 : 1;

		if (in_detail) {
			view_wrap(v);
			pane_wheel(&v->detail, dir);
		} else {
			pane_wheel(&v->list, dir);
			view_list_moved(v);
		}
	} else if (ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) {
		if (in_list) {
			long row = pane_row_at(&v->list, ev->y - l->y);

			/* a heading row selects the paragraph under it */
			if (row >= 0) {
				pane_select(&v->list, row);
				view_list_moved(v);
			}
			v->detail_focus = false;
		} else if (in_detail) {
			v->detail_focus = true;
		}
	}
}

/* ------------------------------------------------------------ the keys */

static void toggle_marked_only(struct ui *u)
{
	struct view *v = &u->v;
	struct para_filter f = v->filter;

	f.marked_only = !f.marked_only;
	if (f.marked_only && v->c && !ws_mark_count(v->ws, v->c->id)) {
		ui_say(u, "no marked paragraph in this cable: m marks one");
		return;
	}
	view_set_filter(v, f);
	if (status_empty(&u->status))
		ui_say(u, f.marked_only ? "showing the marked paragraphs" : "showing all paragraphs");
}

/* H: folded (a third of the screen at most) -> the whole header -> the
 * banner only -> folded. */
static void cycle_header(struct ui *u)
{
	struct reader *rd = reader_of(u);
	struct view *v = &u->v;

	if (rd->header_full) {
		rd->header_full = false;
		v->header_collapsed = true;
		ui_say(u, "header collapsed: H unfolds it");
	} else if (v->header_collapsed) {
		v->header_collapsed = false;
		ui_say(u, "header folded: H shows all of it");
	} else {
		rd->header_full = true;
		rd->header.top = 0;
		ui_say(u, "the whole header: j/k and Space scroll it, H folds it away");
	}
}

/* In the continuous view the movement keys scroll the whole cable (the
 * flow wraps as it goes: not a pane, but paged by the panes' rule). */
static void flow_move(struct ui *u, enum move m)
{
	struct flow *f = &reader_of(u)->flow;

	if (m == MOVE_FIRST)
		flow_start(f);
	else if (m == MOVE_LAST)
		flow_end(f, &u->v);
	else {
		if (m == MOVE_PAGE_DOWN && f->at_end)
			ui_say(u, "the end of the cable");
		flow_scroll(f, &u->v, (int)pane_delta(m, f->h));
	}
}

/* V: the flow over the whole screen, or beside the paragraph list; it
 * opens the flow when it is not open. */
static void toggle_flow_whole(struct ui *u)
{
	struct reader *rd = reader_of(u);

	rd->flow_whole = !rd->flow_whole;
	rd->flow_whole_chosen = true;
	if (!rd->flow_on) {
		rd->flow_on = true;
		flow_show_para(&rd->flow, &u->v, u->v.sel);
		rd->flow_sel = u->v.sel;
	}
	ui_say(u, rd->flow_whole ? "the whole cable over the whole screen (V: the list beside it)"
				 : "the whole cable beside the paragraph list (V: the whole screen)");
}

static void toggle_flow(struct ui *u)
{
	struct reader *rd = reader_of(u);

	rd->flow_on = !rd->flow_on;
	/* set flow = whole: v opens it over the whole screen, until V says */
	if (rd->flow_on && !rd->flow_whole_chosen)
		rd->flow_whole = u->set && u->set->flow_whole;
	if (rd->flow_on) {
		flow_show_para(&rd->flow, &u->v, u->v.sel);
		rd->flow_sel = u->v.sel;
		ui_say(u, "the whole cable: Space and b page, v goes back to the panes");
	} else {
		ui_say(u, "the paragraph list and its detail");
	}
}

/* Space: the detail pages down, and at the end of a paragraph goes on to
 * the next one. */
static void page_down(struct ui *u)
{
	struct view *v = &u->v;

	view_wrap(v);
	if (!pane_move(&v->detail, MOVE_PAGE_DOWN) && v->detail.top + v->detail.h >= v->detail.n) {
		int was = v->sel;

		view_move(v, 1);
		if (v->sel == was)
			ui_say(u, "the end of the cable");
	}
}

/* The pane the movement keys move: the whole header (H), the detail
 * (Tab), or the paragraph list. */
static struct pane *reader_pane(void *ctx, struct screen *s)
{
	struct ui *u = ctx;
	struct view *v = &u->v;

	(void)s;
	if (reader_of(u)->header_full && !v->header_collapsed)
		return &reader_of(u)->header;
	if (v->detail_focus) {
		view_wrap(v);
		return &v->detail;
	}
	return &v->list;
}

static void reader_moved(void *ctx, struct screen *s)
{
	struct ui *u = ctx;

	(void)s;
	if (reader_pane(ctx, s) == &u->v.list)
		view_list_moved(&u->v);
}

/* The movements that are not the focused pane's: the flow; Space and b
 * page the detail whatever the focus; g and G go to a paragraph from the
 * detail too.  False: the pane moves (screens_move). */
static bool reader_move(struct ui *u, enum move m)
{
	struct reader *rd = reader_of(u);
	struct view *v = &u->v;

	if (rd->header_full && !v->header_collapsed)
		return false;
	if (rd->flow_on) {
		flow_move(u, m);
		return true;
	}
	switch (m) {
	case MOVE_PAGE_DOWN: page_down(u); return true;
	case MOVE_PAGE_UP:
		view_wrap(v);
		pane_move(&v->detail, m);
		return true;
	case MOVE_FIRST:
	case MOVE_LAST:
		pane_move(&v->list, m);
		view_list_moved(v);
		return true;
	default: return false;
	}
}

static bool reader_keys(struct ui *u, struct key k)
{
	struct reader *rd = reader_of(u);
	struct view *v = &u->v;
	enum action a;

	if (reader_pick_key(u, k))
		return true;
	a = keys_action(k, READER, true);

	if (a == ACT_DIGIT) {
		size_t n = strlen(rd->count);

		if (n + 1 < sizeof(rd->count)) {
			rd->count[n] = (char)k.code;
			rd->count[n + 1] = '\0';
		}
		return true;
	}
	if (rd->count[0]) {
		char typed[sizeof(rd->count)];

		memcpy(typed, rd->count, sizeof(typed));
		rd->count[0] = '\0';
		if (a == ACT_FOLLOW) {
			view_jump(v, typed);
			return true;
		}
		if (a == ACT_CANCEL)
			return true;
	}
	if (keys_move(a) != MOVE_NONE)
		return reader_move(u, keys_move(a));
	switch (a) {
	case ACT_JUMP: prompt_open(u, ':', ":", "", reader_prompt_done); break;
	case ACT_NEXT_SECTION: view_section(v, 1); break;
	case ACT_PREV_SECTION: view_section(v, -1); break;
	case ACT_NEXT_SAME: view_same_marking(v, 1); break;
	case ACT_PREV_SAME: view_same_marking(v, -1); break;
	case ACT_FOCUS: v->detail_focus = !v->detail_focus; break;
	case ACT_FLOW: toggle_flow(u); break;
	case ACT_FLOW_WHOLE: toggle_flow_whole(u); break;
	case ACT_PICK: reader_pick_start(u); break;
	case ACT_SEARCH: prompt_open(u, '/', "/", "", reader_prompt_done); break;
	case ACT_SEARCH_NEXT: view_search_next(v, 1); break;
	case ACT_SEARCH_PREV: view_search_next(v, -1); break;
	case ACT_UNFILTER:
		view_set_filter(v, (struct para_filter){ FILTER_ALL, LEVEL_NONE, false });
		ui_say(u, "filters cleared");
		break;
	case ACT_MARK: view_toggle_mark(v); break;
	case ACT_MARKED_ONLY: toggle_marked_only(u); break;
	case ACT_NOTE: reader_note(u); break;
	case ACT_NOTE_EDITOR: reader_note_editor(u); break;
	case ACT_COLLECT: reader_collect(u); break;
	case ACT_COPY: reader_copy(u, true); break;
	case ACT_COPY_CITE: reader_copy(u, false); break;
	case ACT_NEXT_LINK: reader_select_link(u, 1); break;
	case ACT_PREV_LINK: reader_select_link(u, -1); break;
	case ACT_FOLLOW: reader_follow_link(u); break;
	case ACT_BACK: reader_go_back(u, false); break;
	case ACT_CLOSE: reader_go_back(u, true); break;
	case ACT_NEXT_CABLE: reader_walk_cables(u, 1); break;
	case ACT_PREV_CABLE: reader_walk_cables(u, -1); break;
	case ACT_NEXT_HIT_CABLE: reader_walk_hits(u, 1); break;
	case ACT_PREV_HIT_CABLE: reader_walk_hits(u, -1); break;
	case ACT_HEADER: cycle_header(u); break;
	case ACT_NEXT_VERSION: reader_next_version(u); break;
	case ACT_CANCEL: rd->link_sel = -1; break;
	case ACT_MOUSE: mouse_event(u); break;
	default: return false;
	}
	return true;
}

static bool reader_handle(void *ctx, struct screen *s, struct key k)
{
	(void)s;
	return reader_keys(ctx, k);
}

/* ------------------------------------------------------------ geometry */

/* Keeps the selected link in view, and the header's scroll in range. */
static void header_scroll(struct reader *rd)
{
	int shown = rd->lay.header.h - 1;
	long top = rd->header.top;

	if (rd->link_sel >= 0 && rd->links[rd->link_sel].line >= 0 && rd->link_sel != rd->link_shown) {
		int l = rd->links[rd->link_sel].line, n = rd->links[rd->link_sel].lines;

		if (l < top)
			top = l;
		if (l + n > top + shown)
			top = l + n - shown;
	}
	rd->link_shown = rd->link_sel;
	rd->header.text = true;
	rd->header.top = top;
	pane_resize(&rd->header, (long)rd->nhlines, shown);
}

/* The detail is wrapped at a readable measure on a wide terminal. */
/* The detail's measure: 100 columns, or the config's set width. */
#define DETAIL_MEASURE (u->set ? u->set->width : 100)
/* Paragraphs measured at most for the detail's height (a cable of many
 * short paragraphs keeps the default split past them). */
#define FIT_PARAS 2000

static void count_line(struct str line, void *ud)
{
	(void)line;
	(*(int *)ud)++;
}

/* The rows the detail wants: its title and the longest visible paragraph,
 * wrapped at @w; @enough stops the count. */
static int detail_want(struct ui *u, int w, int enough)
{
	struct reader *rd = reader_of(u);
	struct view *v = &u->v;
	int most = 0, seen = 0;

	if (rd->fit_cable == v->c && rd->fit_entry == v->cur && rd->fit_w == w && rd->fit_rows == v->nrows &&
	    rd->fit_filter.mode == v->filter.mode && rd->fit_filter.level == v->filter.level &&
	    rd->fit_filter.marked_only == v->filter.marked_only)
		return rd->fit_lines;
	for (size_t r = 0; r < v->nrows && most < enough; r++) {
		int lines = 0;

		if (v->rows[r].kind != ROW_PARA)
			continue;
		if (++seen > FIT_PARAS) {
			most = enough;
			break;
		}
		text_wrap(view_text(v, v->rows[r].index), w, count_line, &lines);
		if (lines > most)
			most = lines;
	}
	rd->fit_cable = v->c;
	rd->fit_entry = v->cur;
	rd->fit_w = w;
	rd->fit_rows = v->nrows;
	rd->fit_filter = v->filter;
	rd->fit_lines = 1 + most;
	return rd->fit_lines;
}

/* The texts of the paragraph list's rows shown, made for the draw. */
static void list_texts(struct view *v)
{
	for (int k = 0; k < v->list.h && v->list.top + k < (int)v->nrows; k++)
		if (v->rows[v->list.top + k].kind == ROW_PARA)
			view_text(v, v->rows[v->list.top + k].index);
}

/* The continuous view: the header (as the header pane would show it all)
 * then the paragraphs, in the detail; the paragraph list follows. */
static void flow_recalc(struct ui *u)
{
	struct reader *rd = reader_of(u);
	struct view *v = &u->v;
	int para;

	grow_array((void **)&rd->flow_head, &rd->cap_flow_head, rd->nhlines + 1, sizeof(*rd->flow_head));
	for (size_t i = 0; i < rd->nhlines; i++)
		rd->flow_head[i] = str_make(rd->hbuf.p + rd->hlines[i].off, rd->hlines[i].len);
	v->detail_w = MIN(rd->lay.detail.w - 1, DETAIL_MEASURE);
	v->detail.h = rd->lay.detail.h - 1;
	flow_setup(&rd->flow, rd->flow_head, rd->nhlines, v->detail_w, v->detail.h);
	/* a key that chose a paragraph (], n, :12, a click) moves the text there */
	if (v->sel != rd->flow_sel && v->sel >= 0)
		flow_show_para(&rd->flow, v, v->sel);
	if (rd->flow.top.block > (int)v->nrows)
		flow_end(&rd->flow, v);
	para = flow_fill(&rd->flow, v);
	if (para >= 0)
		v->sel = para;
	rd->flow_sel = v->sel;
	v->list.h = rd->lay.list.h;
	view_scroll_list(v);
	list_texts(v);
}

/* The widest the paragraph list's rows would be (the mark, the number,
 * the marking, the first words), for the panes side by side: a list of
 * short paragraphs wants no more than it has. */
static int list_want(struct ui *u, int cols)
{
	struct view *v = &u->v;
	int most = 0, numw = reader_of(u)->numw;

	for (size_t r = 0; r < v->nrows && r < FIT_PARAS; r++) {
		const struct paragraph *p;
		struct str t;
		int w;

		if (v->rows[r].kind != ROW_PARA)
			continue;
		p = &v->c->paras[v->rows[r].index];
		t = view_text(v, v->rows[r].index);
		/* " ¶12 (S//NF) " and the text on one line, a screen at most */
		w = 3 + MIN(numw, 12) + 1 + (p->marking.level ? 12 : 0) +
		    text_width(str_make(t.p, MIN(t.n, (size_t)cols)));
		if (w > most)
			most = w;
	}
	return most;
}

/* Where the open cable is in the list, looked for again when the cable or
 * the list changed (a cable followed by a REF is not the one selected). */
static void find_in_list(struct ui *u, struct reader *rd)
{
	const struct clist *l = &u->list;

	if (rd->list_pos_entry == u->v.cur && rd->list_pos_made == l->made_at && rd->list_pos_made != 0)
		return;
	rd->list_pos_entry = u->v.cur;
	rd->list_pos_made = l->made_at;
	rd->list_pos = -1;
	if (l->sel < l->n && l->rows[l->sel] == u->v.cur)
		rd->list_pos = (long)l->sel;
	for (size_t i = 0; i < l->n && rd->list_pos < 0; i++)
		if (l->rows[i] == u->v.cur)
			rd->list_pos = (long)i;
}

static void reader_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct reader *rd = s->state;
	struct view *v = &u->v;

	if (v->c)
		find_in_list(u, rd);
	if (rd->flow_on) {
		/* the header pane is the banner; the header's lines open the
		 * flow, at the detail's width */
		layout_compute(&rd->lay, r.h, r.w, 1);
		if (rd->flow_whole)
			layout_whole(&rd->lay);
		if (rd->lay.too_small || !v->c)
			return;
		header_lines(u, rd->lay.wide ? rd->lay.detail.w : r.w);
		flow_recalc(u);
		return;
	}
	header_lines(u, r.w);
	layout_compute(&rd->lay, r.h, r.w, v->header_collapsed ? 1 : 1 + (int)rd->nhlines);
	if (rd->lay.too_small || !v->c)
		return;
	if (rd->lay.wide)
		layout_fit_wide(&rd->lay, DETAIL_MEASURE, list_want(u, r.w));
	v->detail_w = MIN(rd->lay.detail.w - 1, DETAIL_MEASURE);
	if (!rd->lay.wide)
		layout_fit(&rd->lay, (int)v->nrows, detail_want(u, v->detail_w < 1 ? 1 : v->detail_w, rd->lay.detail.h));
	if (rd->header_full && !v->header_collapsed) {
		/* the whole header, over the panes (they keep their sizes) */
		rd->lay.header.h = r.h - 1;
	}
	header_scroll(rd);
	v->list.h = rd->lay.list.h;
	view_scroll_list(v);
	v->detail.h = rd->lay.detail.h - 1;
	/* a note takes the detail's last line */
	buf_clear(&rd->note);
	if (v->sel >= 0 && v->c->id[0] && view_is_noted(v, v->sel)) {
		const char *note = ws_note(v->ws, v->c->id, v->c->paras[v->sel].address);

		buf_adds(&rd->note, note ? note : "");
		if (v->detail.h > 1)
			v->detail.h--;
	}
	view_wrap(v);
	view_scroll_detail(v, 0);
	/* the texts the draw shows */
	list_texts(v);
	view_text(v, v->sel);
}

static bool reader_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	const struct ui *u = ctx;
	const struct view *v = &u->v;
	const struct layout *lay = &reader_of(u)->lay;
	int row;

	(void)s;
	*y = *x = 0;
	if (lay->too_small || !v->c)
		return true;
	if (reader_of(u)->header_full && !v->header_collapsed) {
		*y = 1;
		return true;
	}
	if (v->detail_focus) {
		*y = lay->detail.y + 1 < lay->rows ? lay->detail.y + 1 : lay->detail.y;
		*x = lay->detail.x;
		return true;
	}
	/* the terminal cursor sits on the selected row, for screen readers */
	row = v->sel >= 0 ? view_row_of(v, v->sel) - v->list.top : 0;
	*y = lay->list.y + (row >= 0 && row < lay->list.h ? row : 0);
	return true;
}

static void reader_init(struct screen *s)
{
	struct reader *rd = s->state;

	rd->link_sel = -1;
	pane_init(&rd->header, true);
}

static void reader_free(void *state)
{
	struct reader *rd = state;

	free(rd->history);
	free(rd->links);
	buf_free(&rd->hbuf);
	buf_free(&rd->note);
	free(rd->hlines);
	free(rd->flow_head);
	flow_free(&rd->flow);
	reader_pick_free(rd);
}

const struct screen_ops reader_ops = {
	.name = "reader",
	.keys = READER,
	.state_size = sizeof(struct reader),
	.init = reader_init,
	.free = reader_free,
	.handle = reader_handle,
	.recalc = reader_recalc,
	.draw = reader_draw,
	.cursor = reader_cursor,
	.pane = reader_pane,
	.moved = reader_moved,
};
