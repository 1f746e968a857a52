/* near.h -- near= for the scan: do the words all stand within @dist words
 * of each other in a text, counted as the full-text index's NEAR counts
 * them (the words between the first and the last, at most @dist)?  A word
 * is one word of the text (letters and digits), found by the matching
 * rules (case, diacritics; a prefix*). */
#ifndef PILCROW_NEAR_H
#define PILCROW_NEAR_H

#include <stdbool.h>
#include <stddef.h>

#include "search/search.h"
#include "base/str.h"

/* Words a near= term takes at most. */
#define NEAR_WORDS 8
/* The distance when none is given. */
#define NEAR_DEFAULT 10

bool near_match(struct search *const *words, size_t n, int dist, struct str text);

/* Each window of @text that satisfies near= (from the first of its words
 * to the end of the last), in order and not overlapping, through @fn
 * (bytes of @text); how many. */
size_t near_windows(struct search *const *words, size_t n, int dist, struct str text,
		    void (*fn)(size_t start, size_t len, void *ud), void *ud);

#endif
