/* view_search.c -- the reader's search in the open cable: every match,
 * the current one, and n and N counting what the filter lets them show */
#include "config.h"
#include "views/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* Matches kept at most, over a whole cable. */
#define MAX_MATCHES 100000

struct collect {
	struct view *v;
	int para;
};

static void add_match(size_t start, size_t len, void *ud)
{
	struct collect *c = ud;
	struct view *v = c->v;

	grow_array((void **)&v->matches, &v->cap_matches, v->nmatches + 1, sizeof(*v->matches));
	v->matches[v->nmatches].para = c->para;
	v->matches[v->nmatches].start = start;
	v->matches[v->nmatches].len = len;
	v->nmatches++;
}

/* Scrolls the detail so that match @m is in view. */
static void show_match(struct view *v, const struct match *m)
{
	struct str t = view_text(v, m->para);

	view_select(v, m->para);
	view_wrap(v);
	for (size_t l = 0; l < v->nwlines; l++) {
		size_t end = (size_t)(v->wlines[l].p - t.p) + v->wlines[l].n;

		if (m->start <= end) {
			if ((int)l < v->detail.top || (int)l >= v->detail.top + v->detail.h)
				v->detail.top = (int)l - v->detail.h / 3;
			view_scroll_detail(v, 0);
			return;
		}
	}
}

/* Says which match is current, counting only the matches the filter
 * shows, and how many it hides. */
static void say_match(struct view *v, const char *before)
{
	size_t shown = 0, at = 0;

	for (size_t k = 0; k < v->nmatches; k++) {
		if (!view_visible(v, v->matches[k].para))
			continue;
		shown++;
		if ((long)k <= v->cur_match)
			at = shown;
	}
	if (shown == v->nmatches && v->words)
		view_say(v, "%smatch %zu of %zu of the list's words", before, at, shown);
	else if (shown == v->nmatches)
		view_say(v, "%smatch %zu of %zu for /%s", before, at, shown, v->pattern);
	else
		view_say(v, "%smatch %zu of %zu shown, %zu hidden by the filter", before, at, shown,
			 v->nmatches - shown);
}

/* The longest a search of one cable may take. */
#define SEARCH_MS 1000

static void search_with(struct view *v, const char *pattern, bool words);

void view_search(struct view *v, const char *pattern)
{
	search_with(v, pattern, false);
}

void view_search_words(struct view *v, const char *words)
{
	search_with(v, words, true);
}

bool view_search_at(struct view *v, int para, size_t start)
{
	for (size_t k = 0; k < v->nmatches; k++) {
		if (v->matches[k].para == para && v->matches[k].start == start && view_visible(v, para)) {
			v->cur_match = (long)k;
			show_match(v, &v->matches[k]);
			return true;
		}
	}
	return false;
}

bool view_searching(const struct view *v)
{
	return v->re || v->words;
}

static int by_start(const void *a, const void *b)
{
	const struct match *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start ? 1 : x->len < y->len ? -1 : x->len > y->len;
}

/* The matches of paragraph @i: the pattern's, or every findable term's of
 * the filter, in the order they stand. */
static void para_matches(struct view *v, int i)
{
	struct collect c = { v, i };
	struct str t = view_text(v, i);
	size_t first = v->nmatches;

	if (!v->words) {
		search_all(v->re, t, MAX_MATCHES - v->nmatches, add_match, &c);
		return;
	}
	if (!cfilter_para_ok_at(v->words, v->c, i))
		return;         /* para=: not a paragraph at that marking */
	for (size_t k = 0; k < v->words->n && v->nmatches < MAX_MATCHES; k++)
		if (cf_findable(&v->words->terms[k]))
			cf_find(&v->words->terms[k], t, add_match, &c);
	if (v->nmatches - first > 1)
		qsort(v->matches + first, v->nmatches - first, sizeof(*v->matches), by_start);
}

/* Every match in the cable, a second at most: a pattern that runs away on
 * every paragraph of a long cable must not freeze the reader.  The
 * paragraph it stopped at, or NULL. */
static const char *find_all(struct view *v)
{
	double until = now_ms() + SEARCH_MS;

	v->nmatches = 0;
	v->cur_match = -1;
	for (size_t i = 0; v->c && i < v->c->nparas && v->nmatches < MAX_MATCHES; i++) {
		para_matches(v, (int)i);
		if (now_ms() > until && i + 1 < v->c->nparas)
			return v->c->paras[i].address;
	}
	return NULL;
}

static void clear(struct view *v)
{
	search_free(v->re);
	v->re = NULL;
	v->words = NULL;
	v->pattern[0] = '\0';
	v->nmatches = 0;
	v->cur_match = -1;
}

void view_search_filter(struct view *v, const struct cfilter *f)
{
	clear(v);
	if (!f || !cfilter_findable(f))
		return;
	v->words = f;
	snprintf(v->pattern, sizeof(v->pattern), "%s", f->text ? f->text : "");
	v->pattern_words = true;
	/* every match highlighted, none current: n goes to the first */
	find_all(v);
}

/* The first match in paragraph @para or after it: the matches are in
 * paragraph order, found by bisection. */
static size_t first_in(const struct view *v, int para)
{
	size_t lo = 0, hi = v->nmatches;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->matches[mid].para < para)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool view_para_matches(const struct view *v, int para)
{
	size_t k = first_in(v, para);

	return k < v->nmatches && v->matches[k].para == para;
}

static void search_with(struct view *v, const char *pattern, bool words)
{
	const char *stopped = NULL;
	char err[200];
	struct search *re;

	if (!pattern[0]) {
		clear(v);
		view_say(v, "search cleared");
		return;
	}
	re = words ? search_new_words(pattern, err, sizeof(err)) : search_new(pattern, err, sizeof(err));
	if (!re) {
		view_say(v, "bad pattern: %s", err);
		return;
	}
	clear(v);
	v->re = re;
	v->pattern_words = words;
	snprintf(v->pattern, sizeof(v->pattern), "%s", pattern);
	stopped = find_all(v);
	if (stopped) {
		view_say(v, "search stopped at \xC2\xB6%s after a second: the pattern is too costly (%zu matches before)",
			 stopped, v->nmatches);
		if (!v->nmatches)
			return;
	} else if (search_gave_up(re)) {
		view_say(v, "the pattern gave up on %zu paragraph%s: too costly there", search_gave_up(re),
			 search_gave_up(re) == 1 ? "" : "s");
		if (!v->nmatches)
			return;
	}
	if (!v->nmatches) {
		view_say(v, "no match for /%s", pattern);
		return;
	}
	/* the first match at or after the selection, in a visible paragraph */
	for (size_t k = 0; k < v->nmatches; k++) {
		if (v->matches[k].para >= v->sel && view_visible(v, v->matches[k].para)) {
			v->cur_match = (long)k;
			break;
		}
	}
	if (v->cur_match < 0) {
		v->cur_match = -1;
		view_search_next(v, 1);
		return;
	}
	show_match(v, &v->matches[v->cur_match]);
	if (!stopped && !search_gave_up(re))
		say_match(v, "");
}

/* The last match (@dir > 0) or the first one a paragraph shown holds, or -1. */
static long last_shown(const struct view *v, int dir)
{
	long n = (long)v->nmatches;

	for (long k = dir > 0 ? n - 1 : 0; k >= 0 && k < n; k -= dir)
		if (view_visible(v, v->matches[k].para))
			return k;
	return -1;
}

void view_search_next(struct view *v, int dir)
{
	long k, n = (long)v->nmatches;
	bool wrapped = false;

	if (!view_searching(v)) {
		view_say(v, "no search yet: / starts one");
		return;
	}
	if (!n) {
		if (v->words)
			view_say(v, "the list's words are in no paragraph of this cable");
		else
			view_say(v, "no match for /%s", v->pattern);
		return;
	}
	k = v->cur_match;
	/* the list's words stop at the last match: the next cable with some
	 * is a key away */
	if (v->words && k >= 0 && (dir > 0 ? last_shown(v, 1) <= k : last_shown(v, -1) >= k)) {
		view_say(v, dir > 0 ? "the last match of the list's words in this cable: ) goes to the next cable with some"
				    : "the first match of the list's words in this cable: ( goes to the cable before with some");
		return;
	}
	if (v->words && k < 0 && dir < 0)
		k = n;                  /* none current: N goes to the last */
	for (long step = 0; step < n; step++) {
		k += dir;
		if (k >= n) {
			k = 0;
			wrapped = true;
		} else if (k < 0) {
			k = n - 1;
			wrapped = true;
		}
		if (view_visible(v, v->matches[k].para))
			break;
	}
	if (!view_visible(v, v->matches[k].para)) {
		view_say(v, "every match for /%s is hidden by the filter", v->pattern);
		return;
	}
	v->cur_match = k;
	show_match(v, &v->matches[k]);
	say_match(v, !wrapped ? "" : dir > 0 ? "wrapped to the top: " : "wrapped to the bottom: ");
}

void view_matches_in(const struct view *v, int para_i, void (*fn)(const struct match *m, bool current, void *ud),
		     void *ud)
{
	for (size_t k = first_in(v, para_i); k < v->nmatches && v->matches[k].para == para_i; k++)
		fn(&v->matches[k], (long)k == v->cur_match, ud);
}

void view_search_again(struct view *v)
{
	char pattern[sizeof(v->pattern)];

	if (v->words) {
		view_search_filter(v, v->words);
		return;
	}
	if (!v->re)
		return;
	snprintf(pattern, sizeof(pattern), "%s", v->pattern);
	search_with(v, pattern, v->pattern_words);
	status_clear(v->status);
}
