/* view.c -- the reader's state and what each key does to it */
#include "config.h"
#include "views/view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"

void view_say(struct view *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_vsay(v->status, fmt, ap);
	va_end(ap);
}

static bool row_is_para(const void *ud, long row)
{
	const struct view *v = ud;

	return v->rows[row].kind == ROW_PARA;
}

void view_init(struct view *v, struct corpus *corpus, struct workspace *ws, struct status *status)
{
	memset(v, 0, sizeof(*v));
	v->status = status;
	v->corpus = corpus;
	v->ws = ws;
	v->sel = -1;
	v->cur_match = -1;
	v->wrap_para = -1;
	pane_init(&v->list, false);
	v->list.item = row_is_para;
	v->list.ud = v;
	pane_init(&v->detail, true);
	v->detail_w = 40;
}

void view_free(struct view *v)
{
	free(v->rows);
	free(v->wlines);
	free(v->matches);
	free(v->clean);
	arena_free(&v->clean_arena);
	search_free(v->re);
	memset(v, 0, sizeof(*v));
}

struct str view_text(struct view *v, int i)
{
	if (!v->c || i < 0 || (size_t)i >= v->c->nparas)
		return STR_NULL;
	if (!v->clean[i].p) {
		struct str t = v->c->paras[i].text;

		if (text_is_clean(t, SANITIZE_KEEP_NEWLINES)) {
			v->clean[i] = t;
		} else {
			struct buf b = { 0 };

			text_sanitize(t, &b, SANITIZE_KEEP_NEWLINES);
			v->clean[i] = arena_strdup(&v->clean_arena, buf_str(&b));
			buf_free(&b);
		}
	}
	return v->clean[i];
}

struct str view_text_made(const struct view *v, int i)
{
	if (!v->c || i < 0 || (size_t)i >= v->c->nparas || !v->clean[i].p)
		return STR_NULL;
	return v->clean[i];
}

static const struct paragraph *para(const struct view *v, int i)
{
	return &v->c->paras[i];
}

bool view_is_marked(const struct view *v, int i)
{
	return v->ws && v->c->id[0] && ws_marked(v->ws, v->c->id, para(v, i)->address);
}

bool view_visible(const struct view *v, int i)
{
	const struct para_filter *f = &v->filter;
	enum level l = para(v, i)->marking.level;

	if (f->marked_only && !view_is_marked(v, i))
		return false;
	switch (f->mode) {
	case FILTER_EXACT:
		return l == f->level;
	case FILTER_AT_LEAST:
		return l != LEVEL_NONE && l >= f->level;
	case FILTER_UNMARKED:
		return l == LEVEL_NONE;
	case FILTER_ALL:
		break;
	}
	return true;
}

static void add_row(struct view *v, enum row_kind kind, int index)
{
	grow_array((void **)&v->rows, &v->cap_rows, v->nrows + 1, sizeof(*v->rows));
	v->rows[v->nrows].kind = kind;
	v->rows[v->nrows].index = index;
	v->nrows++;
}

/* The list adapter: the paragraphs that pass, a heading row where the
 * section changes. */
static void rebuild(struct view *v)
{
	int section = -1;

	v->nrows = 0;
	if (!v->c)
		return;
	for (size_t i = 0; i < v->c->nparas; i++) {
		const struct paragraph *p = para(v, (int)i);

		if (!view_visible(v, (int)i))
			continue;
		if (p->section != section && p->section >= 0)
			add_row(v, ROW_SECTION, p->section);
		section = p->section;
		add_row(v, ROW_PARA, (int)i);
	}
}

int view_row_of(const struct view *v, int i)
{
	for (size_t r = 0; r < v->nrows; r++)
		if (v->rows[r].kind == ROW_PARA && v->rows[r].index == i)
			return (int)r;
	return -1;
}

void view_scroll_list(struct view *v)
{
	v->list.n = (long)v->nrows;
	v->list.sel = v->sel >= 0 ? view_row_of(v, v->sel) : -1;
	pane_scroll(&v->list);
}

void view_list_moved(struct view *v)
{
	if (v->list.sel >= 0 && (size_t)v->list.sel < v->nrows && v->rows[v->list.sel].kind == ROW_PARA)
		view_select(v, v->rows[v->list.sel].index);
}

void view_select(struct view *v, int i)
{
	if (i != v->sel) {
		v->sel = i;
		v->detail.top = 0;
	}
	view_scroll_list(v);
}

/* The first visible paragraph at or after @i going in @dir, or -1. */
static int visible_from(const struct view *v, int i, int dir)
{
	for (; v->c && i >= 0 && (size_t)i < v->c->nparas; i += dir)
		if (view_visible(v, i))
			return i;
	return -1;
}

bool view_open(struct view *v, size_t i)
{
	const struct cable *c = corpus_cable(v->corpus, i);

	if (!c) {
		const struct centry *e = corpus_entry(v->corpus, i);

		view_say(v, "%s cannot be read (the messages are listed again when pilcrow quits)",
			 e ? corpus_str(v->corpus, e->id) : "this cable");
		return false;
	}
	v->cur = i;
	v->c = c;
	free(v->clean);
	arena_reset(&v->clean_arena);
	v->clean = xcalloc(v->c->nparas ? v->c->nparas : 1, sizeof(*v->clean));
	v->wrap_para = -1;
	v->list.top = 0;
	v->detail.top = 0;
	v->sel = -1;
	rebuild(v);
	view_select(v, visible_from(v, 0, 1));
	return true;
}

void view_move(struct view *v, int delta)
{
	int dir = delta < 0 ? -1 : 1, i = v->sel, last = v->sel;

	if (!v->c || !v->c->nparas)
		return;
	for (int step = 0; step < abs(delta); step++) {
		int next = visible_from(v, i + dir, dir);

		if (next < 0)
			break;
		i = last = next;
	}
	if (last < 0)
		last = visible_from(v, 0, 1);
	view_select(v, last);
}

void view_first(struct view *v)
{
	view_select(v, visible_from(v, 0, 1));
}

void view_last(struct view *v)
{
	if (v->c && v->c->nparas)
		view_select(v, visible_from(v, (int)v->c->nparas - 1, -1));
}

bool view_jump(struct view *v, const char *address)
{
	char name[96];
	const struct paragraph *p;

	if (!v->c)
		return false;
	p = cable_para_by_address(v->c, str_c(address));
	if (p) {
		int i = (int)(p - v->c->paras);

		if (!view_visible(v, i)) {
			view_filter_name(v, name, sizeof(name));
			view_say(v, "\xC2\xB6%s is hidden by the filter (%s); F shows all", p->address, name);
			return false;
		}
		view_select(v, i);
		return true;
	}
	view_say(v, "there is no \xC2\xB6%s in this cable", address);
	return false;
}

void view_section(struct view *v, int dir)
{
	int i = v->sel, section;

	if (!v->c || i < 0)
		return;
	section = para(v, i)->section;
	for (i += dir; i >= 0 && (size_t)i < v->c->nparas; i += dir) {
		if (!view_visible(v, i) || para(v, i)->section == section)
			continue;
		/* going back, land on the first paragraph of that section */
		if (dir < 0) {
			int s = para(v, i)->section, j = i;

			while (j - 1 >= 0 && para(v, j - 1)->section == s)
				j--;
			i = visible_from(v, j, 1);
		}
		view_select(v, i);
		return;
	}
	view_say(v, dir > 0 ? "no section after this one" : "no section before this one");
}

void view_same_marking(struct view *v, int dir)
{
	int i = v->sel;
	enum level l;

	if (!v->c || i < 0)
		return;
	l = para(v, i)->marking.level;
	for (i += dir; i >= 0 && (size_t)i < v->c->nparas; i += dir) {
		if (view_visible(v, i) && para(v, i)->marking.level == l) {
			view_select(v, i);
			return;
		}
	}
	view_say(v, "no %s paragraph %s this one", l ? level_abbrev(l) : "unmarked",
		 dir > 0 ? "after" : "before");
}

static void add_wline(struct str line, void *ud)
{
	struct view *v = ud;

	grow_array((void **)&v->wlines, &v->cap_wlines, v->nwlines + 1, sizeof(*v->wlines));
	v->wlines[v->nwlines++] = line;
}

void view_wrap(struct view *v)
{
	if (v->wrap_para == v->sel && v->wrap_w == v->detail_w)
		return;
	v->nwlines = 0;
	v->wrap_para = v->sel;
	v->wrap_w = v->detail_w;
	v->detail.n = 0;
	if (v->sel >= 0)
		text_wrap(view_text(v, v->sel), v->detail_w < 1 ? 1 : v->detail_w, add_wline, v);
	v->detail.n = (long)v->nwlines;
}

void view_scroll_detail(struct view *v, int delta)
{
	view_wrap(v);
	v->detail.top += delta;
	pane_scroll(&v->detail);
}

/* ------------------------------------------------------------- filters */

void view_filter_name(const struct view *v, char *out, size_t size)
{
	const struct para_filter *f = &v->filter;
	const char *marked = f->marked_only ? "marked" : "";

	switch (f->mode) {
	case FILTER_EXACT:
		snprintf(out, size, "%s%s%s only", marked, *marked ? ", " : "", level_abbrev(f->level));
		break;
	case FILTER_AT_LEAST:
		snprintf(out, size, "%s%s%s and above", marked, *marked ? ", " : "", level_abbrev(f->level));
		break;
	case FILTER_UNMARKED:
		snprintf(out, size, "%s%sunmarked only", marked, *marked ? ", " : "");
		break;
	case FILTER_ALL:
		snprintf(out, size, "%s", f->marked_only ? "marked only" : "none");
		break;
	}
}

void view_set_filter(struct view *v, struct para_filter f)
{
	int keep = v->sel;
	char name[96];

	v->filter = f;
	rebuild(v);
	if (!v->c)
		return;
	/* keep the selection when it still passes, else the nearest that does */
	if (keep < 0 || !view_visible(v, keep)) {
		int after = visible_from(v, keep < 0 ? 0 : keep, 1);

		keep = after >= 0 ? after : visible_from(v, keep < 0 ? 0 : keep, -1);
	}
	v->sel = -2;
	view_select(v, keep);
	view_filter_name(v, name, sizeof(name));
	if (!v->nrows)
		view_say(v, "no paragraph passes the filter (%s); F shows all", name);
}

void view_level_counts(const struct view *v, size_t counts[LEVEL_COUNT])
{
	memset(counts, 0, LEVEL_COUNT * sizeof(*counts));
	for (size_t i = 0; v->c && i < v->c->nparas; i++)
		counts[v->c->paras[i].marking.level]++;
}

/* --------------------------------------------------------------- marks */

bool view_is_noted(const struct view *v, int i)
{
	return v->ws && v->c->id[0] && ws_noted(v->ws, v->c->id, para(v, i)->address);
}

void view_about(struct view *v, int para, struct ws_about *a)
{
	ws_about(a, v->c, para, para >= 0 ? view_text(v, para) : STR_NULL);
}

void view_toggle_mark(struct view *v)
{
	struct ws_about a;
	bool on;

	if (!v->c || v->sel < 0 || !v->ws)
		return;
	if (!v->c->id[0]) {
		view_say(v, "this cable has no id: its paragraphs cannot be marked");
		return;
	}
	view_about(v, v->sel, &a);
	on = ws_mark_toggle(v->ws, &a);
	if (*ws_caveat(v->ws))
		view_say(v, "\xC2\xB6%s %s; %s", para(v, v->sel)->address, on ? "marked" : "unmarked", ws_caveat(v->ws));
	else
		view_say(v, "\xC2\xB6%s %s (%zu marked in this cable)", para(v, v->sel)->address,
			 on ? "marked" : "unmarked", ws_mark_count(v->ws, v->c->id));
	if (v->filter.marked_only) {
		int keep = v->sel;

		rebuild(v);
		if (!view_visible(v, keep)) {
			int next = visible_from(v, keep, 1);

			keep = next >= 0 ? next : visible_from(v, keep, -1);
		}
		v->sel = -2;
		view_select(v, keep);
	}
}
