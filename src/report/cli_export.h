/* cli_export.h -- the cables a filter chose from a corpus, written for pipes
 * (--json, --text, --grep) on every core: batches of cables parsed and
 * written into buffers by worker threads, the buffers put out in order, so
 * the output is the same as one thread's. */
#ifndef PILCROW_CLI_EXPORT_H
#define PILCROW_CLI_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "corpus/corpus.h"
#include "search/search.h"

struct cli_out {
	bool json;                  /* else text */
	int width;                  /* --text */
	const char *id;             /* --id: only that cable */
	const char *grep;           /* --grep: the hits, not the cables (words, or ~REGEX) */
	bool cite;                  /* --cite: each cable's citation before its text */
	const struct cfilter *filter;   /* --grep: its para= terms keep the hits in such paragraphs */
	/* after each round: how many of the cables are done (or NULL) */
	void (*progress)(size_t done, void *ud);
	void *progress_ud;
};

struct cli_result {
	size_t written;             /* cables written (with a hit, for --grep) */
	size_t hits;
	size_t gave_up;             /* cables --grep's pattern gave up on (PCRE2's limits) */
	bool write_failed;
};

/* Writes the @n entries @rows of @c (complete) to @f. */
void cli_export(struct corpus *c, const uint32_t *rows, size_t n, const struct cli_out *o, FILE *f,
		struct cli_result *r);

#endif
