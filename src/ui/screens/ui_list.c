/* ui_list.c -- the cable list screen: one row a cable (id, date, origin,
 * classification, subject) over the list model (clist.h) */
#include "config.h"
#include "ui/ui_internal.h"
#include "corpus/fts/fts.h"

#include <stdlib.h>
#include <string.h>

#include "doc/marking.h"
#include "base/text.h"

/* The list screen's own state. */
struct list_screen {
	struct list_columns cols;   /* its columns (recalc) */
	bool fresh_asked;           /* R was pressed: R again starts clean */
};

/* ------------------------------------------------------------ filters */

static void set_filter(struct ui *u, const char *text, bool narrow)
{
	struct clist *l = &u->list;
	char err[256];

	clist_remember(l);      /* u takes it back */
	if (!(narrow ? clist_narrow(l, text, err, sizeof(err)) : clist_set_filter(l, text, err, sizeof(err)))) {
		clist_forget(l);
		ui_say(u, "filter: %s", err);
		return;
	}
	if (l->busy)
		ui_say(u, "reading the cables' text: Esc cancels");
	else
		ui_list_done(u);
}

void ui_list_done(struct ui *u)
{
	struct clist *l = &u->list;

	if (cfilter_empty(&l->filter))
		ui_say(u, "filter cleared");
	else if (l->gave_up)
		ui_say(u, "the pattern gave up on %zu cable%s: too costly there", l->gave_up,
			 l->gave_up == 1 ? "" : "s");
	else if (!l->n)
		ui_say(u, "no cable passes the filter%s", corpus_done(u->corpus) ? "" : " yet");
}

bool ui_list_cancel(struct ui *u)
{
	const char *text = clist_cancel(&u->list);
	char err[256];

	if (!text)
		return false;
	/* a filter run again over the cables read since it was set: stopped,
	 * it would run again as soon as more are read; the list goes back to
	 * what it was before it, as it does for a filter stopped the first
	 * time */
	if (!cfilter_empty(&u->list.filter) && !corpus_done(u->corpus))
		clist_set_filter(&u->list, "", err, sizeof(err));
	ui_say(u, "cancelled: %s; the list is as it was", text);
	return true;
}

void ui_list_filter(struct ui *u, const char *text)
{
	set_filter(u, text, false);
}

/* A row of the overview chosen: the filter narrowed to it. */
void ui_list_narrow(struct ui *u, const char *term)
{
	set_filter(u, term, true);
	if (status_empty(&u->status))
		ui_say(u, "narrowed to %s", term);
}

static void list_prompt_done(struct ui *u, char kind, const char *text)
{
	struct cfilter f;
	char err[256];
	size_t at = 0;

	if (kind == 'l') {
		/* / narrows the filter there is, with a term on the subject */
		char *term;

		if (!*text)
			return;
		term = xasprintf(strchr(text, '\'') ? "subject~\"%s\"" : "subject~'%s'", text);
		if (cfilter_parse(&f, term, err, sizeof(err))) {
			cfilter_free(&f);
			set_filter(u, term, true);
		} else {
			prompt_fault(u, 'l', "/", text, strlen(text), err, list_prompt_done);
		}
		free(term);
		return;
	}
	/* a filter that does not parse: the prompt again, the line kept, the
	 * cursor at the term at fault, the error said whole */
	if (!cfilter_parse_at(&f, text, err, sizeof(err), &at)) {
		prompt_fault(u, 'f', " filter: ", text, at, err, list_prompt_done);
		prompt_words(u, ui_filter_words);
		return;
	}
	cfilter_free(&f);
	set_filter(u, text, false);
}

/* ------------------------------------------------------------ keys */

static void mouse_event(struct ui *u)
{
	const MEVENT *ev = &u->mouse;
	struct clist *l = &u->list;
	struct pane *p = clist_pane(l);
	long row = pane_row_at(p, ev->y - 1);

	if (ui_screen_of(u, &list_ops)->r.h < LAYOUT_MIN_ROWS || ui_screen_of(u, &list_ops)->r.w < LAYOUT_MIN_COLS)
		return;
	if (ev->bstate & BUTTON4_PRESSED)
		pane_wheel(p, -1);
	else if (ev->bstate & BUTTON5_PRESSED)
		pane_wheel(p, 1);
	else if ((ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && row >= 0)
		pane_select(p, row);
	clist_moved(l);
}

static void say_sort(struct ui *u)
{
	ui_say(u, "sorted by %s%s", sort_name(u->list.sort), u->list.reverse ? ", reversed" : "");
}

/* R asks first: R again clears the filter and the order. */
static void fresh(struct ui *u, struct list_screen *ls, bool asked)
{
	struct clist *l = &u->list;

	if (!asked) {
		ls->fresh_asked = true;
		ui_say(u, "R again: no filter, file order (u takes it back)");
		return;
	}
	set_filter(u, "", false);
	if (l->sort != SORT_INPUT || l->reverse)
		clist_set_sort(l, SORT_INPUT, false);
	clist_move(l, -(long)l->n);
	ui_say(u, "a clean start: no filter, file order, the first cable (u takes it back)");
}

static void undo(struct ui *u)
{
	struct clist *l = &u->list;

	if (!clist_undo(l)) {
		ui_say(u, "no change of the list to take back");
		return;
	}
	if (l->busy)
		ui_say(u, "back: %s (reading the cables' text: Esc cancels)",
		       l->pending.text && *l->pending.text ? l->pending.text : "no filter");
	else
		ui_say(u, "back: %s, %s%s", cfilter_empty(&l->filter) ? "no filter" : l->filter.text, sort_name(l->sort),
		       l->reverse ? " reversed" : "");
}

static bool list_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct clist *l = &u->list;
	struct list_screen *ls = s->state;
	bool asked = ls->fresh_asked;

	ls->fresh_asked = false;
	switch (keys_action(k, LIST, true)) {
	case ACT_LIST_OPEN:
		if (l->n) {
			ui_open_from_list(u, l->rows[l->sel]);
		}
		break;
	case ACT_LIST_SORT:
		clist_remember(l);
		clist_sort_next(l);
		say_sort(u);
		break;
	case ACT_LIST_REVERSE:
		clist_remember(l);
		clist_reverse(l);
		say_sort(u);
		break;
	case ACT_LIST_UNDO:
		if (!ui_bulk_undo(u))
			undo(u);
		break;
	case ACT_LIST_MARK_ALL: ui_bulk_start(u, 'm'); break;
	case ACT_LIST_SAVE: ui_search_save(u); break;
	case ACT_LIST_COLLECT_ALL: ui_bulk_start(u, 'c'); break;
	case ACT_LIST_NOTE_ALL: ui_bulk_start(u, 'n'); break;
	case ACT_LIST_FILTER: {
		/* the filter there is, and a space: typing adds a term */
		char *start = xasprintf("%s%s", l->filter.text ? l->filter.text : "",
					cfilter_empty(&l->filter) ? "" : " ");

		prompt_open(u, 'f', " filter: ", start, list_prompt_done);
		prompt_words(u, ui_filter_words);
		free(start);
		break;
	}
	case ACT_LIST_SEARCH: prompt_open(u, 'l', "/", "", list_prompt_done); break;
	case ACT_LIST_CLEAR: set_filter(u, "", false); break;
	case ACT_LIST_CITE:
		if (l->n)
			list_copy_cite(u, l->rows[l->sel]);
		break;
	case ACT_LIST_NOTE: list_note(u); break;
	case ACT_LIST_NOTE_EDITOR: list_note_editor(u); break;
	case ACT_LIST_COLLECT: list_collect(u); break;
	case ACT_LIST_FRESH: fresh(u, ls, asked); break;
	case ACT_LIST_QUIT: u->quit = true; break;
	case ACT_MOUSE: mouse_event(u); break;
	default: return false;
	}
	return true;
}

/* ------------------------------------------------------------ the workspace changed */

void ui_list_workspace(struct ui *u)
{
	struct clist *l = &u->list;
	unsigned gen = ws_generation(u->v.ws);
	bool reads = false;

	if (l->ws_gen == gen)
		return;
	l->ws_gen = gen;
	for (size_t i = 0; i < l->filter.n; i++)
		reads = reads || cf_reads_workspace(&l->filter.terms[i]);
	/* marked, noted, opened, collection=: the rows again (the selection kept) */
	if (reads && !l->busy && u->has_list)
		clist_make(l);
}

/* ------------------------------------------------------------ where it was left */

void ui_list_restore(struct ui *u)
{
	const struct ui_opts *o = u->o;
	struct ws_place p;
	struct buf said = { 0 };
	long e;

	if (!u->has_list || o->fresh || (o->filter && *o->filter) || o->id || !o->place_key ||
	    !ws_place_get(u->v.ws, o->place_key, &p))
		return;
	if (*p.filter)
		ui_list_filter(u, p.filter);
	if (p.sort != SORT_INPUT || p.reverse)
		clist_set_sort(&u->list, (enum sort_key)p.sort, p.reverse);
	/* the cable: read up to it, as --id does */
	while (*p.cable && corpus_find(u->corpus, p.cable) < 0 && !corpus_index_step(u->corpus, 50))
		;
	clist_grow(&u->list);
	e = *p.cable ? corpus_find(u->corpus, p.cable) : -1;
	buf_adds(&said, "as left");
	/* the list first, the cable selected: Enter goes back into it where
	 * it was left (a reader may want the list, or another cable) */
	if (e >= 0 && clist_select_entry(&u->list, (size_t)e))
		buf_printf(&said, ": %s%s", p.cable, p.reading ? "; Enter returns to it where you left it" : "");
	/* the filter and the order are in the title bar */
	buf_adds(&said, " (R: a clean start)");
	ui_say(u, "%s", said.p);
	buf_free(&said);
}

void ui_list_keep(struct ui *u)
{
	struct clist *l = &u->list;
	struct ws_place p;

	if (!u->has_list || !u->o->place_key)
		return;
	memset(&p, 0, sizeof(p));
	if (l->n)
		snprintf(p.cable, sizeof(p.cable), "%s", corpus_str(u->corpus, corpus_entry(u->corpus, l->rows[l->sel])->id));
	snprintf(p.filter, sizeof(p.filter), "%s", l->filter.text && !l->busy ? l->filter.text : "");
	p.sort = l->sort;
	p.reverse = l->reverse;
	p.reading = screens_has(&u->stack, ui_screen_of(u, &reader_ops));
	ws_place_set(u->v.ws, u->o->place_key, &p);
}

/* ------------------------------------------------------------ geometry */

static void list_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;

	clist_scroll(&u->list, r.h - 2 > 0 ? (size_t)(r.h - 2) : 1);
	layout_list(&((struct list_screen *)s->state)->cols, r.w, u->list.id_w);
}

static bool list_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	const struct ui *u = ctx;

	*x = 0;
	*y = s->r.h < LAYOUT_MIN_ROWS || s->r.w < LAYOUT_MIN_COLS ? 0 : 1 + (int)(u->list.sel - u->list.pane.top);
	return true;
}

/* ------------------------------------------------------------ drawing */

/* What the workspace holds of cable @id, in words: "  • 2 marked ✎ noted · opened". */
static void workspace_words(const struct ui *u, struct buf *b, const char *id)
{
	unsigned flags = ws_cable_flags(u->v.ws, str_c(id));
	size_t n = ws_mark_count(u->v.ws, id);

	if (n)
		buf_printf(b, "  \xE2\x80\xA2 %zu marked", n);
	if (flags & WS_NOTED)
		buf_printf(b, "  \xE2\x9C\x8E noted");
	if (flags & WS_COLLECTED) {
		buf_adds(b, "  in ");
		ws_cable_collections(u->v.ws, id, b);
	}
	if (flags & WS_OPENED)
		buf_printf(b, "  \xC2\xB7 opened");
}

/* The list's status line: how many pass, the reading and indexing
 * progress, problems, the message. */
static void list_status(const struct ui *u, int rows, int cols, const char *all)
{
	const struct clist *l = &u->list;
	struct buf b = { 0 };
	char shown[32];
	uint64_t done, total;

	/* the status bar: how many pass, indexing progress, messages */
	paint_thousands(shown, sizeof(shown), l->n);
	if (l->n)
		buf_printf(&b, " %zu/%s", l->sel + 1, shown);
	if (l->n)
		workspace_words(u, &b, corpus_str(u->corpus, corpus_entry(u->corpus, l->rows[l->sel])->id));
	if (!cfilter_empty(&l->filter))
		buf_printf(&b, "  %s of %s  filter: %s", shown, all, l->filter.text);
	if (l->busy)
		buf_printf(&b, "  filtering %d%% (Esc cancels)", clist_progress(l));
	corpus_progress(u->corpus, &done, &total);
	if (!corpus_done(u->corpus))
		buf_printf(&b, "  reading %d%%", total ? (int)(done * 100 / total) : 0);
	else if (fts_merging(u->corpus))
		buf_printf(&b, "  indexing text: merging");
	else if (fts_state(u->corpus) == FTS_BUILDING)
		buf_printf(&b, "  indexing text %d%%", fts_percent(u->corpus));
	else if (fts_state(u->corpus) == FTS_CHECKING)
		buf_printf(&b, "  checking the text index %d%%", fts_percent(u->corpus));
	if (corpus_problems(u->corpus))
		buf_printf(&b, "  %zu problem%s (listed on exit)", corpus_problems(u->corpus),
			   corpus_problems(u->corpus) == 1 ? "" : "s");
	status_line(u, &(struct rect){ rows - 1, 0, 1, cols }, buf_str(&b), "? help ");
	buf_free(&b);
}

static void list_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct clist *l = &u->list;
	int rows = s->r.h, cols = s->r.w, h = rows - 2, title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	char all[32];
	struct buf b = { 0 }, cl = { 0 };
	const struct list_columns *c = &((const struct list_screen *)s->state)->cols;
	bool dups;
	size_t later;
	char texts[32];

	paint_erase();
	if (screen_too_small(false))
		return;
	dups = corpus_has_dups(u->corpus);
	/* the title bar */
	paint_fill(0, 0, cols, title);
	/* one row a cable: its versions are texts of it, counted apart */
	later = dups ? corpus_later_versions(u->corpus) : 0;
	paint_thousands(all, sizeof(all), corpus_count(u->corpus) - later);
	buf_printf(&b, " pilcrow  %s cable%s", all, corpus_count(u->corpus) - later == 1 ? "" : "s");
	if (later) {
		paint_thousands(texts, sizeof(texts), corpus_count(u->corpus));
		buf_printf(&b, " (%s texts)", texts);
	}
	if (l->sort != SORT_INPUT || l->reverse)
		buf_printf(&b, "  sorted by %s%s", sort_name(l->sort), l->reverse ? ", reversed" : "");
	if (!cfilter_empty(&l->filter))
		buf_printf(&b, "  filter: %s", l->filter.text);
	paint_put(0, 0, cols, paint_clean(&cl, buf_str(&b)), title);
	/* the rows: id, date, origin, classification (coloured, and written), subject */
	for (int k = 0; k < h; k++) {
		size_t ri = (size_t)l->pane.top + (size_t)k;
		const struct centry *e;
		int y = 1 + k, attr;
		unsigned flags;
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
			paint_fill(y, 0, cols, attr);
		/* what the reader did with it, before the id: a note, marks,
		 * opened (the words in the status bar for the selected one) */
		flags = ws_cable_flags(u->v.ws, str_c(corpus_str(u->corpus, e->id)));
		if (flags & (WS_NOTED | WS_MARKED | WS_OPENED))
			put_c(y, 0, 1, flags & WS_NOTED ? "\xE2\x9C\x8E" : flags & WS_MARKED ? "\xE2\x80\xA2" : "\xC2\xB7",
			      attr | (flags & (WS_NOTED | WS_MARKED) ? A_BOLD : A_DIM));
		/* cut with an ellipsis, never silently */
		put_cut(y, c->id_x, c->id_w, paint_clean(&cl, str_c(corpus_str(u->corpus, e->id))), attr | A_BOLD);
		if (c->date_w) {
			minutes_date(e->date, date);
			put_c(y, c->date_x, c->date_w, date, attr);
		}
		if (c->origin_w)
			put_cut(y, c->origin_x, c->origin_w, paint_clean(&cl, str_c(corpus_str(u->corpus, e->origin))), attr);
		if (c->class_w) {
			struct marking m = { (enum level)e->level, e->caveats, STR_NULL };

			if (e->level)
				marking_format_portion(&m, mark, sizeof(mark));
			else
				snprintf(mark, sizeof(mark), "-");
			put_cut(y, c->class_x, c->class_w, str_c(mark), attr | ui_level_attr(u, (enum level)e->level, false));
		}
		if (c->subject_w) {
			int sx = c->subject_x, sw = c->subject_w - 1;   /* the last column: the scroll marks */
			size_t nv = dups ? corpus_versions(u->corpus, l->rows[ri], NULL, 0) : 0;

			/* one row a cable: how many texts of it the inputs hold */
			if (nv > 1 && sw > 16) {
				char said[48];

				snprintf(said, sizeof(said), "(%zu versions) ", nv);
				sx += put_c(y, sx, sw, said, attr | A_BOLD);
				sw = c->subject_x + c->subject_w - 1 - sx;
			}
			put_cut(y, sx, sw, paint_clean(&cl, str_c(corpus_str(u->corpus, e->subject))), attr);
		}
	}
	if (pane_more_above(&l->pane))
		put_c(1, cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&l->pane))
		put_c(rows - 2, cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	list_status(u, rows, cols, all);
	buf_free(&b);
	buf_free(&cl);
}

static struct pane *list_pane(void *ctx, struct screen *s)
{
	struct ui *u = ctx;

	(void)s;
	return clist_pane(&u->list);
}

static void list_moved(void *ctx, struct screen *s)
{
	struct ui *u = ctx;

	(void)s;
	clist_moved(&u->list);
}

const struct screen_ops list_ops = {
	.name = "list",
	.keys = LIST,
	.state_size = sizeof(struct list_screen),
	.handle = list_handle,
	.recalc = list_recalc,
	.draw = list_draw,
	.cursor = list_cursor,
	.pane = list_pane,
	.moved = list_moved,
};
