/* grep.h -- hits in context: each match of a search in a cable's
 * paragraphs as one line (a keyword-in-context concordance), for
 * pilcrow --grep and the search results */
#ifndef PILCROW_GREP_H
#define PILCROW_GREP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "search/filter.h"
#include "search/search.h"

/* Bytes of context on each side of a match, at most. */
#define GREP_CONTEXT 60

/* One hit: the paragraph, and the words around the match on one line. */
struct hit {
	int para;
	size_t start, len;           /* the match in the paragraph's text */
	struct buf before, match, after;   /* sanitised, blanks made single spaces */
};

/* Calls @fn for each match of @re in the paragraphs of @c; returns how many. */
size_t grep_cable(const struct cable *c, const struct search *re, void (*fn)(const struct hit *h, void *ud),
		  void *ud);

/* The same for a filter's findable term (cf_findable: words, an
 * expression, near=, whose every window is a hit). */
size_t grep_cable_term(const struct cable *c, const struct cf_term *t, void (*fn)(const struct hit *h, void *ud),
		       void *ud);

/* "04ROME3933 ¶3 (C): …before [match] after…" */
void grep_line(struct buf *out, const struct cable *c, const struct hit *h);

/* The same as one JSON object (a line). */
void grep_json(struct buf *out, const struct cable *c, const struct hit *h);

#endif
