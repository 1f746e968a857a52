/* ui_searches.c -- the saved searches (L in the list, and the first
 * screen when the inputs are opened with searches saved and no --filter),
 * in the manner of notmuch's hello screen: each search a row, its name,
 * how many of the cables read it finds, its filter and order.  The counts
 * come one at a time between keys (a key never waits for them).  Enter
 * applies one to the list, d deletes it, r renames it.  = in the list
 * saves the list's filter and order under a name. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"

struct searches {
	struct ws_search *s;
	long *count;             /* -1: not yet; -2: the filter does not parse */
	size_t n, next;          /* next: the search being counted */
	struct cquery q;         /* its count, a step between keys */
	struct cfilter f;
	bool counting;
	struct pane pane;
	int cols;
	char pending[128];       /* the search a yes/no or a new name is for */
};

/* A change said, and why it will not be kept (or waits) when it will not. */
static void said(struct ui *u, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void said(struct ui *u, const char *fmt, ...)
{
	char what[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ui_said_kept(u, what);
}

static struct searches *state_of(struct ui *u)
{
	return ui_screen(u, &searches_ops)->state;
}

static void stop_counting(struct searches *ss)
{
	if (!ss->counting)
		return;
	corpus_query_free(&ss->q);
	cfilter_free(&ss->f);
	ss->counting = false;
}

static void load(struct ui *u, struct searches *ss)
{
	stop_counting(ss);
	free(ss->s);
	free(ss->count);
	ss->n = ws_searches(u->v.ws, &ss->s);
	ss->count = xmalloc((ss->n ? ss->n : 1) * sizeof(*ss->count));
	for (size_t i = 0; i < ss->n; i++)
		ss->count[i] = -1;
	ss->next = 0;
	ss->pane.n = (long)ss->n;
}

static void searches_open(void *ctx)
{
	struct ui *u = ctx;
	struct searches *ss = state_of(u);

	load(u, ss);
	if (!ss->n) {
		ui_say(u, "no saved search yet: = in the list saves its filter and order under a name");
		return;
	}
	pane_init(&ss->pane, false);
	ss->pane.n = (long)ss->n;
	pane_select(&ss->pane, 0);
	screens_push(&u->stack, ui_screen(u, &searches_ops));
}

/* The counts, a step of one search's query between keys (the text index
 * answers on a thread of its own, a scan reads a few cables a step), once
 * every cable has been read; a search with words waits while the text
 * index is being made or checked (a scan of a dump would take longer),
 * the others are counted meanwhile. */
static bool can_count(const struct ui *u, const struct searches *ss, size_t i)
{
	struct cfilter f;
	char err[256];
	bool words;

	if (ss->count[i] != -1)
		return false;
	if (!cfilter_parse(&f, ss->s[i].filter, err, sizeof(err)))
		return true;    /* said at once: it does not parse */
	words = cfilter_needs_text(&f);
	cfilter_free(&f);
	return !words || !ui_text_index_busy(u);
}

static bool next_to_count(const struct ui *u, const struct searches *ss, size_t *at)
{
	if (!corpus_done(u->corpus))
		return false;
	if (ss->counting) {
		*at = ss->next;
		return true;
	}
	for (size_t i = 0; i < ss->n; i++)
		if (can_count(u, ss, i)) {
			*at = i;
			return true;
		}
	return false;
}

static bool searches_busy(const void *ctx, const struct screen *s)
{
	size_t at;

	return next_to_count(ctx, s->state, &at);
}

static void searches_idle(void *ctx, struct screen *s, double budget_ms)
{
	struct ui *u = ctx;
	struct searches *ss = s->state;
	double until = now_ms() + budget_ms;

	while (next_to_count(u, ss, &ss->next)) {
		if (!ss->counting) {
			char err[256];

			if (!cfilter_parse(&ss->f, ss->s[ss->next].filter, err, sizeof(err))) {
				ss->count[ss->next] = -2;
				continue;
			}
			ss->f.sort = -1;        /* a count needs no order */
			corpus_query_start(&ss->q, &ss->f, SORT_INPUT, false);
			ss->counting = true;
		}
		if (!corpus_query_step(u->corpus, &ss->q, until > now_ms() ? until - now_ms() : 0, 0))
			return;
		ss->count[ss->next] = (long)ss->q.n;
		stop_counting(ss);
		if (now_ms() >= until)
			return;
	}
}

/* Enter: the search's filter and order, as one step u takes back. */
static void apply(struct ui *u, const struct ws_search *s)
{
	struct clist *l = &u->list;
	enum sort_key key = SORT_INPUT;
	struct cfilter f;
	char name[128], err[256];

	if (!cfilter_parse(&f, s->filter, err, sizeof(err))) {
		ui_say(u, "the saved search %s: %s", s->name, err);
		return;
	}
	cfilter_free(&f);
	snprintf(name, sizeof(name), "%s", s->name);
	sort_key_parse(s->sort, &key);
	while (screens_top(&u->stack) && screens_top(&u->stack) != ui_screen_of(u, &list_ops))
		screens_pop(&u->stack);
	status_clear(&u->status);
	ui_list_filter(u, s->filter);
	if (l->sort != key || l->reverse != s->reverse)
		clist_set_sort(l, key, s->reverse);
	if (status_empty(&u->status))
		ui_say(u, "the saved search %s", name);
}

static void delete_done(struct ui *u, char kind, const char *text)
{
	struct searches *ss = state_of(u);

	(void)kind;
	if (text[0] != 'y' && text[0] != 'Y') {
		ui_say(u, "nothing deleted");
		return;
	}
	ws_search_del(u->v.ws, ss->pending);
	said(u, "the saved search %s deleted", ss->pending);
	load(u, ss);
	if (!ss->n)
		screens_pop(&u->stack);
}

static void rename_done(struct ui *u, char kind, const char *text)
{
	struct searches *ss = state_of(u);
	char err[200];

	if (!*text || strcmp(text, ss->pending) == 0)
		return;
	if (!ws_search_rename(u->v.ws, ss->pending, text)) {
		snprintf(err, sizeof(err), "a saved search is called %s already: another name", text);
		prompt_fault(u, kind, " rename to: ", text, strlen(text), err, rename_done);
		return;
	}
	said(u, "%s is now %s", ss->pending, text);
	load(u, ss);
}

static bool searches_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct searches *ss = s->state;
	const struct ws_search *cur = ss->pane.sel >= 0 && (size_t)ss->pane.sel < ss->n ? &ss->s[ss->pane.sel] : NULL;
	char label[200];

	switch (keys_action(k, SEARCHES, false)) {
	case ACT_SEARCHES_APPLY:
		if (cur)
			apply(u, cur);
		break;
	case ACT_SEARCHES_DELETE:
		if (!cur)
			break;
		snprintf(ss->pending, sizeof(ss->pending), "%s", cur->name);
		snprintf(label, sizeof(label), " delete the saved search %s? (y/n) ", cur->name);
		prompt_open(u, 'y', label, "", delete_done);
		break;
	case ACT_SEARCHES_RENAME:
		if (!cur)
			break;
		snprintf(ss->pending, sizeof(ss->pending), "%s", cur->name);
		prompt_open(u, 's', " rename to: ", cur->name, rename_done);
		break;
	case ACT_SEARCHES_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void searches_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct searches *ss = s->state;

	(void)ctx;
	ss->cols = r.w;
	pane_resize(&ss->pane, (long)ss->n, r.h - 2);
}

static void searches_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct searches *ss = s->state;
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 }, cl = { 0 };
	char n[32];

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, ss->cols, title);
	paint_thousands(n, sizeof(n), corpus_count(u->corpus));
	if (!corpus_done(u->corpus))
		buf_printf(&b, " Saved searches  %zu   counted once the cables are read (%s so far)", ss->n, n);
	else
		buf_printf(&b, " Saved searches  %zu   found in the %s cable%s read%s", ss->n, n,
			   corpus_count(u->corpus) == 1 ? "" : "s",
			   ui_text_index_busy(u) ? "; words once the text index is ready" : "");
	put_cut(0, 0, ss->cols, str_c(b.p), title);
	for (int k = 0; k < ss->pane.h && ss->pane.top + k < (long)ss->n; k++) {
		size_t i = (size_t)(ss->pane.top + k);
		int y = 1 + k, attr = (long)i == ss->pane.sel ? A_REVERSE : 0, x;

		if (attr)
			paint_fill(y, 0, ss->cols, attr);
		put_cut(y, 1, 20, paint_clean(&cl, str_c(ss->s[i].name)), attr | A_BOLD);
		if (ss->count[i] >= 0)
			paint_thousands(n, sizeof(n), (size_t)ss->count[i]);
		snprintf(n + (ss->count[i] >= 0 ? strlen(n) : 0), sizeof(n) - (ss->count[i] >= 0 ? strlen(n) : 0), "%s",
			 ss->count[i] == -1 ? "\xE2\x80\xA6" : ss->count[i] == -2 ? "bad filter" : "");
		put_c(y, 22 + 10 - text_width(str_c(n)), 10, n, attr);
		x = 34;
		buf_clear(&b);
		buf_adds(&b, *ss->s[i].filter ? ss->s[i].filter : "(no filter)");
		if (ss->s[i].sort[0] && strcmp(ss->s[i].sort, "file") != 0)
			buf_printf(&b, "  by %s%s", ss->s[i].sort, ss->s[i].reverse ? ", reversed" : "");
		else if (ss->s[i].reverse)
			buf_adds(&b, "  reversed");
		put_cut(y, x, ss->cols - x - 1, paint_clean(&cl, buf_str(&b)), attr);
	}
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, ss->cols }, str_c(""),
		    "Enter applies, d deletes, r renames, q: the list ");
	buf_free(&b);
	buf_free(&cl);
}

static void searches_init(struct screen *s)
{
	s->pane = &((struct searches *)s->state)->pane;
	s->pane_y = 1;
}

static void searches_free(void *state)
{
	struct searches *ss = state;

	stop_counting(ss);
	free(ss->s);
	free(ss->count);
}

const struct screen_ops searches_ops = {
	.name = "searches",
	.keys = SEARCHES,
	.state_size = sizeof(struct searches),
	.init = searches_init,
	.free = searches_free,
	.start = searches_open,
	.open_on = (const int[]){ ACT_LIST_SEARCHES, -1 },
	.busy = searches_busy,
	.idle = searches_idle,
	.handle = searches_handle,
	.recalc = searches_recalc,
	.draw = searches_draw,
};

/* = in the list: the filter and the order saved under a name; a name
 * taken asks before replacing. */
static struct ws_search saving;

static void replace_done(struct ui *u, char kind, const char *text)
{
	(void)kind;
	if (text[0] != 'y' && text[0] != 'Y') {
		ui_say(u, "not saved: %s is kept as it was", saving.name);
		return;
	}
	ws_search_put(u->v.ws, &saving);
	said(u, "saved as %s (L lists the saved searches)", saving.name);
}

static void save_done(struct ui *u, char kind, const char *text)
{
	const struct clist *l = &u->list;
	struct ws_search old;
	char label[300];

	(void)kind;
	if (!*text)
		return;
	memset(&saving, 0, sizeof(saving));
	snprintf(saving.name, sizeof(saving.name), "%s", text);
	snprintf(saving.filter, sizeof(saving.filter), "%s", l->filter.text ? l->filter.text : "");
	snprintf(saving.sort, sizeof(saving.sort), "%s", sort_key_word(l->sort));
	saving.reverse = l->reverse;
	if (ws_search_get(u->v.ws, text, &old)) {
		snprintf(label, sizeof(label), " replace the saved search %s (%.120s)? (y/n) ", old.name,
			 *old.filter ? old.filter : "no filter");
		prompt_open(u, 'y', label, "", replace_done);
		return;
	}
	ws_search_put(u->v.ws, &saving);
	said(u, "saved as %s (L lists the saved searches)", saving.name);
}

void ui_search_save(struct ui *u)
{
	if (!u->v.ws) {
		ui_say(u, "no workspace: nothing can be saved");
		return;
	}
	prompt_open(u, 's', " save the filter and the order as: ", "", save_done);
}
