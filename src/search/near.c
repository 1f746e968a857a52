/* near.c -- near= for the scan. */
#include "config.h"
#include "search/near.h"

#include <stdlib.h>

#include "base/text.h"
#include "base/util.h"

/* The words of a text: where each starts and ends, in bytes. */
struct words {
	size_t *start, *end;
	size_t n, cap;
};

static void split(struct str t, struct words *w)
{
	for (size_t i = 0; i < t.n;) {
		size_t k = text_word_char(t.p + i, t.n - i), s = i;

		if (!k) {
			i++;
			continue;
		}
		while (i < t.n && (k = text_word_char(t.p + i, t.n - i)) > 0)
			i += k;
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 256;
			w->start = xrealloc(w->start, w->cap * sizeof(*w->start));
			w->end = xrealloc(w->end, w->cap * sizeof(*w->end));
		}
		w->start[w->n] = s;
		w->end[w->n++] = i;
	}
}

/* The positions (word numbers) where one word of the pattern is found. */
struct hits {
	const struct words *w;
	size_t *pos;
	size_t n, cap;
};

static void found(size_t start, size_t len, void *ud)
{
	struct hits *h = ud;
	size_t lo = 0, hi = h->w->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->w->start[mid] < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* one word of the text, whole: a match over a hyphen (counter-terrorism
	 * for counterterrorism) is counted where the index counts it, at the
	 * row's end where the joined word is written */
	if (lo == h->w->n || h->w->start[lo] != start || h->w->end[lo] != start + len)
		return;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->pos = xrealloc(h->pos, h->cap * sizeof(*h->pos));
	}
	h->pos[h->n++] = lo;
}

/* The windows of @text that hold each of the @n words within @dist words,
 * through @fn (word numbers); stops at the first when @first.  How many. */
static size_t windows(struct search *const *words, size_t n, int dist, struct str text, bool first,
		      void (*fn)(const struct words *w, size_t lo, size_t hi, void *ud), void *ud)
{
	struct words w = { 0 };
	struct hits h[NEAR_WORDS];
	size_t at[NEAR_WORDS] = { 0 }, count = 0;
	bool all = true;

	if (n == 0 || n > NEAR_WORDS)
		return 0;
	split(text, &w);
	for (size_t k = 0; k < n; k++) {
		h[k] = (struct hits){ &w, NULL, 0, 0 };
		if (all)
			search_all(words[k], text, (size_t)-1, found, &h[k]);
		all = all && h[k].n > 0;
	}
	/* the smallest window holding one position of each word: move up the
	 * lowest of the positions looked at, until one list runs out; after a
	 * window, every list moves past its end */
	while (all) {
		size_t lo = 0, hi = 0;

		for (size_t k = 0; k < n; k++) {
			if (h[k].pos[at[k]] < h[lo].pos[at[lo]])
				lo = k;
			if (h[k].pos[at[k]] > h[hi].pos[at[hi]])
				hi = k;
		}
		if ((long)h[hi].pos[at[hi]] - (long)h[lo].pos[at[lo]] - 1 <= (long)dist) {
			size_t end = h[hi].pos[at[hi]];

			count++;
			if (fn)
				fn(&w, h[lo].pos[at[lo]], end, ud);
			if (first)
				break;
			for (size_t k = 0; k < n && all; k++) {
				while (at[k] < h[k].n && h[k].pos[at[k]] <= end)
					at[k]++;
				all = at[k] < h[k].n;
			}
		} else if (++at[lo] == h[lo].n) {
			break;
		}
	}
	for (size_t k = 0; k < n; k++)
		free(h[k].pos);
	free(w.start);
	free(w.end);
	return count;
}

bool near_match(struct search *const *words, size_t n, int dist, struct str text)
{
	return windows(words, n, dist, text, true, NULL, NULL) > 0;
}

struct to_bytes {
	void (*fn)(size_t start, size_t len, void *ud);
	void *ud;
};

static void in_bytes(const struct words *w, size_t lo, size_t hi, void *ud)
{
	struct to_bytes *b = ud;

	b->fn(w->start[lo], w->end[hi] - w->start[lo], b->ud);
}

size_t near_windows(struct search *const *words, size_t n, int dist, struct str text,
		    void (*fn)(size_t start, size_t len, void *ud), void *ud)
{
	struct to_bytes b = { fn, ud };

	return windows(words, n, dist, text, false, in_bytes, &b);
}
