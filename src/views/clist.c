/* clist.c -- the cable list's model */
#include "config.h"
#include "views/clist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/fts/fts.h"
#include "base/util.h"

void clist_init(struct clist *l, struct corpus *corpus)
{
	memset(l, 0, sizeof(*l));
	l->corpus = corpus;
	l->made_at = -1;
	pane_init(&l->pane, false);
}

void clist_free(struct clist *l)
{
	clist_cancel(l);
	cfilter_free(&l->filter);
	free(l->rows);
	l->rows = NULL;
	l->n = l->cap = 0;
	while (l->nundo)
		clist_forget(l);
	free(l->undo);
	l->undo = NULL;
	l->cap_undo = 0;
}

bool clist_plain(const struct clist *l)
{
	return cfilter_empty(&l->filter) && l->sort == SORT_INPUT && !l->reverse;
}

long clist_entry(const struct clist *l)
{
	return l->n ? (long)l->rows[l->sel < l->n ? l->sel : l->n - 1] : -1;
}

bool clist_select_entry(struct clist *l, size_t entry)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->rows[i] == (uint32_t)entry) {
			l->sel = i;
			return true;
		}
	}
	return false;
}

/* The widest id from row @from on. */
static void measure_ids(struct clist *l, size_t from)
{
	for (size_t i = from; i < l->n; i++) {
		int w = (int)strlen(corpus_str(l->corpus, corpus_entry(l->corpus, l->rows[i])->id));

		if (w > l->id_w)
			l->id_w = w;
	}
	l->id_w_upto = l->n;
}

/* The query done: its rows are the list's, its filter the list's filter. */
static void take_rows(struct clist *l, size_t count)
{
	long keep = clist_entry(l);
	const struct cfilter *f = l->has_pending ? &l->pending : &l->filter;

	free(l->rows);
	l->rows = l->q.rows;
	l->n = l->q.n;
	l->cap = l->q.cap;
	l->q.rows = NULL;
	l->gave_up = cfilter_gave_up(f);
	if (l->has_pending) {
		cfilter_free(&l->filter);
		l->filter = l->pending;
		memset(&l->pending, 0, sizeof(l->pending));
		l->has_pending = false;
	}
	corpus_query_free(&l->q);
	l->busy = false;
	l->id_w = 0;
	measure_ids(l, 0);
	l->id_w_upto = 0;
	l->counted = count;
	l->made_at = now_ms();
	l->sel = 0;
	if (keep >= 0)
		clist_select_entry(l, (size_t)keep);
}

/* Starts applying @f (the list's filter, or l->pending); a filter without
 * text is applied at once. */
static void start_query(struct clist *l, const struct cfilter *f)
{
	size_t count = corpus_count(l->corpus);

	corpus_query_free(&l->q);
	corpus_query_start(&l->q, f, l->sort, l->reverse);
	l->q.one_per_cable = true;
	l->busy = true;
	l->counted = count;
	if (!cfilter_needs_text(f)) {
		while (!corpus_query_step(l->corpus, &l->q, 1e12, 0))
			;
		take_rows(l, count);
	}
}

bool clist_step(struct clist *l, double budget_ms, size_t most)
{
	if (!l->busy || !corpus_query_step(l->corpus, &l->q, budget_ms, most))
		return false;
	take_rows(l, l->counted);
	return true;
}

const char *clist_cancel(struct clist *l)
{
	static char text[512];

	if (!l->busy)
		return NULL;
	snprintf(text, sizeof(text), "%s", l->has_pending ? l->pending.text : l->filter.text ? l->filter.text : "");
	corpus_query_free(&l->q);
	if (l->has_pending)
		cfilter_free(&l->pending);
	l->has_pending = false;
	l->busy = false;
	return text;
}

int clist_progress(const struct clist *l)
{
	size_t n = l->q.has_only ? l->q.nonly : corpus_count(l->corpus);

	return !l->busy || !n ? 100 : (int)(l->q.next * 100 / n);
}

void clist_make(struct clist *l)
{
	size_t count = corpus_count(l->corpus);
	long keep = clist_entry(l);
	bool was_plain = l->id_w_upto && l->id_w_upto <= l->n;

	if (l->has_pending || !clist_plain(l)) {
		start_query(l, l->has_pending ? &l->pending : &l->filter);
		return;
	}
	clist_cancel(l);
	{
		/* as read: the rows are the entries themselves, one a cable
		 * (a later version is its first version's row) */
		bool dups = corpus_has_dups(l->corpus);
		size_t k = 0;

		grow_array((void **)&l->rows, &l->cap, count ? count : 1, sizeof(*l->rows));
		if (l->n > count)
			l->n = 0;
		for (size_t i = 0; i < count; i++)
			if (!dups || corpus_version_head(l->corpus, i) == i)
				l->rows[k++] = (uint32_t)i;
		l->n = k;
		/* as read, the rows only grow: measure the new ones */
		if (!was_plain)
			l->id_w = 0, l->id_w_upto = 0;
		measure_ids(l, l->id_w_upto);
	}
	l->counted = count;
	l->made_at = now_ms();
	l->sel = 0;
	if (keep >= 0)
		clist_select_entry(l, (size_t)keep);
}

void clist_grow(struct clist *l)
{
	size_t count = corpus_count(l->corpus);

	if (l->busy || (count == l->counted && !(corpus_done(l->corpus) && l->made_at < 0)))
		return;
	if (clist_plain(l) || corpus_done(l->corpus) || now_ms() - l->made_at > 500)
		clist_make(l);
}

void clist_move(struct clist *l, long delta)
{
	long s = (long)l->sel + delta;

	if (!l->n)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)l->n)
		s = (long)l->n - 1;
	l->sel = (size_t)s;
}

bool clist_set_filter(struct clist *l, const char *text, char *err, size_t errsize)
{
	struct cfilter f;

	if (!cfilter_parse(&f, text, err, errsize))
		return false;
	clist_cancel(l);
	if (f.sort >= 0) {
		l->sort = (enum sort_key)f.sort;
		l->reverse = f.reverse;
	}
	if (cfilter_empty(&f)) {
		cfilter_free(&l->filter);
		l->filter = f;
		clist_make(l);
		return true;
	}
	l->pending = f;
	l->has_pending = true;
	start_query(l, &l->pending);
	return true;
}

bool clist_narrow(struct clist *l, const char *text, char *err, size_t errsize)
{
	char *both;
	bool ok;

	if (cfilter_empty(&l->filter))
		return clist_set_filter(l, text, err, errsize);
	both = xasprintf("%s %s", l->filter.text, text);
	ok = clist_set_filter(l, both, err, errsize);
	free(both);
	return ok;
}

void clist_sort_next(struct clist *l)
{
	l->sort = (enum sort_key)((l->sort + 1) % SORT_COUNT);
	/* relevance only where the text index scores the filter's words */
	if (l->sort == SORT_RELEVANCE && !fts_can_rank(l->corpus, &l->filter))
		l->sort = (enum sort_key)((l->sort + 1) % SORT_COUNT);
	l->filter.sort = -1;    /* the order is the list's now */
	clist_make(l);
}

void clist_set_sort(struct clist *l, enum sort_key k, bool reverse)
{
	l->sort = k < SORT_COUNT ? k : SORT_INPUT;
	l->reverse = reverse;
	l->filter.sort = -1;
	clist_make(l);
}

void clist_reverse(struct clist *l)
{
	l->reverse = !l->reverse;
	clist_make(l);
}

struct pane *clist_pane(struct clist *l)
{
	l->pane.n = (long)l->n;
	l->pane.sel = l->n ? (long)(l->sel < l->n ? l->sel : l->n - 1) : -1;
	return &l->pane;
}

void clist_moved(struct clist *l)
{
	if (l->pane.sel >= 0)
		l->sel = (size_t)l->pane.sel;
}

void clist_scroll(struct clist *l, size_t h)
{
	clist_pane(l);
	pane_resize(&l->pane, (long)l->n, h ? (int)h : 1);
	clist_moved(l);
}

void clist_remember(struct clist *l)
{
	struct clist_state *st;

	if (l->nundo == CLIST_UNDO_MAX) {
		free(l->undo[0].filter);
		memmove(l->undo, l->undo + 1, (l->nundo - 1) * sizeof(*l->undo));
		l->nundo--;
	}
	grow_array((void **)&l->undo, &l->cap_undo, l->nundo + 1, sizeof(*l->undo));
	st = &l->undo[l->nundo++];
	/* a filter being applied is the one asked for */
	st->filter = xstrdup(l->has_pending && l->pending.text ? l->pending.text : l->filter.text ? l->filter.text : "");
	st->sort = l->sort;
	st->reverse = l->reverse;
	st->entry = clist_entry(l);
}

void clist_forget(struct clist *l)
{
	if (l->nundo)
		free(l->undo[--l->nundo].filter);
}

bool clist_undo(struct clist *l)
{
	struct clist_state st;
	char err[256];

	if (!l->nundo)
		return false;
	st = l->undo[--l->nundo];
	if (!clist_set_filter(l, st.filter, err, sizeof(err)))
		clist_set_filter(l, "", err, sizeof(err));
	if (l->sort != st.sort || l->reverse != st.reverse)
		clist_set_sort(l, st.sort, st.reverse);
	if (st.entry >= 0)
		clist_select_entry(l, (size_t)st.entry);
	free(st.filter);
	return true;
}
