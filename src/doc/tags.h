/* tags.h -- the TAGS vocabulary (data/tags.tsv, compiled in), and reading a
 * TAGS field with it: multi-word tags, person tags, codes run together,
 * page headers and repeats, typos. */
#ifndef PILCROW_TAGS_H
#define PILCROW_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include "base/str.h"

struct tag_entry {
	const char *tag;      /* "PREL", "IT", "IRAQI FREEDOM" */
	const char *kind;     /* "subject", "country", "organisation", "program", "office", "region" */
	const char *meaning;  /* "External political relations", or "" when not recorded */
};

/* Sorted by tag (bytewise). */
extern const struct tag_entry tag_table[];
extern const size_t tag_count;
/* The multi-word tags, as places in tag_table. */
extern const size_t tag_multi[];
extern const size_t tag_nmulti;

/* Returns the entry for @tag (any case), or NULL. */
const struct tag_entry *tags_lookup(struct str tag);

/* How many of @words, from the first, make one multi-word tag the vocabulary
 * knows ("IRAQI" "FREEDOM" -> 2); 0 when they do not. */
size_t tags_multiword(const struct str *words, size_t n);

/* What tags_read() noticed, for the caller's warnings. */
enum {
	TAGS_SIPDIS = 1 << 0,      /* SIPDIS inside the field: a caption, not a tag */
	TAGS_RUN_TOGETHER = 1 << 1,/* codes written without a separator, split */
	TAGS_TYPO = 1 << 2,        /* one letter from a known tag; kept as written */
	TAGS_REPEATED = 1 << 3,    /* written again (page by page); kept once */
	TAGS_LOWER = 1 << 5,       /* written in lower case; upper-cased */
	TAGS_PERSON = 1 << 6,      /* a person's name ("BIDEN, JOSEPH") */
	TAGS_CORRECTED = 1 << 7,   /* a long word a letter from a known tag: read as it */
};

struct tag_read {
	struct str text;    /* the tag, normalised: upper case, "BIDEN, JOSEPH" */
	struct str src;     /* where it stands in the pieces (for a run-together
			     * code, the part of the word it came from) */
	unsigned note;      /* TAGS_... for this tag */
	struct str near;    /* with TAGS_TYPO: the known tag it is one letter from;
			     * with TAGS_CORRECTED: the word as written */
	struct str whole;   /* with TAGS_RUN_TOGETHER: the word as written */
};

/* Reads a TAGS field written over @n pieces (its lines, in order, without
 * the label), calling @fn once for each tag in order, each tag once (and
 * with note TAGS_SIPDIS for a SIPDIS among them).  The strings passed are
 * valid during the call.  Returns every note given. */
unsigned tags_read(const struct str *pieces, size_t n, void (*fn)(const struct tag_read *t, void *ud), void *ud);

#endif
