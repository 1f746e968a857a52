/* hits.h -- the search results: every hit of the filter's text terms in
 * the cables the list shows, each with its paragraph and the words around
 * it, found in steps between keys (each cable parsed, its paragraphs
 * searched by the matching rules).  No ncurses here. */
#ifndef PILCROW_HITS_H
#define PILCROW_HITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/cable.h"
#include "corpus/corpus.h"
#include "search/filter.h"

/* Hits kept at most. */
#define HITS_MAX 200000

struct hit_row {
	uint32_t entry;
	int para;                     /* -1: in the header */
	uint32_t start, len;          /* the match in the paragraph's text */
	char address[ADDRESS_MAX];
	char marking[24];
	char *text;                   /* the words before, the match, the words after */
	uint32_t before, match;       /* their lengths in text */
};

struct hits {
	struct corpus *corpus;
	const struct cfilter *filter; /* its text terms are searched */
	uint32_t *rows;               /* the cables, in the list's order (a copy) */
	size_t nrows, next;
	struct hit_row *hit;
	size_t n, cap, cables;        /* hits, and the cables they are in */
	bool full;                    /* HITS_MAX reached */
	const char *pattern;          /* the first term's text, for the reader's search */
	bool words;                   /* it is words, not an expression */
};

/* Starts looking in the @n cables @rows for the text terms of @f. */
void hits_start(struct hits *h, struct corpus *c, const struct cfilter *f, const uint32_t *rows, size_t n);

/* Looks for @budget_ms (at least one cable); true when every cable was read. */
bool hits_step(struct hits *h, double budget_ms);

/* Does @f have a text term to find? */
bool hits_possible(const struct cfilter *f);

void hits_free(struct hits *h);

#endif
