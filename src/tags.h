/* tags.h -- the TAGS vocabulary (data/tags.tsv, compiled in) */
#ifndef PILCROW_TAGS_H
#define PILCROW_TAGS_H

#include <stddef.h>
#include "str.h"

struct tag_entry {
	const char *tag;      /* "PREL", "IT", "IRAQI FREEDOM" */
	const char *kind;     /* "subject", "country", "organisation", "program" */
	const char *meaning;  /* "External political relations" */
};

/* Sorted by tag (bytewise). */
extern const struct tag_entry tag_table[];
extern const size_t tag_count;

/* Returns the entry for @tag (any case), or NULL. */
const struct tag_entry *tags_lookup(struct str tag);

/* How many of @words, from the first, make one multi-word tag the vocabulary
 * knows ("IRAQI" "FREEDOM" -> 2); 0 when they do not. */
size_t tags_multiword(const struct str *words, size_t n);

#endif
