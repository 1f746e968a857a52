/* compare_internal.h -- what the comparison's files share (compare.c
 * aligns and diffs, compare_cut.c cuts a text into blocks and words). */
#ifndef PILCROW_COMPARE_INTERNAL_H
#define PILCROW_COMPARE_INTERNAL_H

#include "doc/compare.h"

#define HASH_START 0xcbf29ce484222325ULL

/* FNV-1a of @p over @h. */
uint64_t compare_hash(const char *p, size_t n, uint64_t h);
/* The quote of the three bytes at @p made straight (curly quotes,
 * primes), or 0. */
char compare_straight_quote(const char *p, size_t left);
/* @c cut into @s's blocks and words, its redactions marked. */
void compare_cut_side(struct compare *cmp, struct cmp_side *s, const struct cable *c);

#endif
