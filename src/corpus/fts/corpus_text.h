/* corpus_text.h -- a corpus's full-text index: found in the cache for its
 * inputs (textcache.h), or built there in the background on as many
 * threads as the machine has cores (one shard each, tindex.h) while the
 * reader stays usable; until it is complete and checked, a text filter
 * scans, by the same rules and with the same answers. */
#ifndef PILCROW_CORPUS_TEXT_H
#define PILCROW_CORPUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "search/filter.h"

struct corpus;

enum ctext_state {
	CT_NONE,        /* no index: not asked for, or not a dump */
	CT_BUILDING,    /* being built here (corpus_text_percent) */
	CT_WAITING,     /* another pilcrow builds it */
	CT_CHECKING,    /* found, its checksums being checked */
	CT_READY,       /* in use */
	CT_OFF,         /* cannot be had: corpus_text_reason() says why */
};

/* Cables a dump must have for its index to be built on its own. */
#define CT_AUTO_MIN 5000

/* Looks for the index of the corpus's inputs once the corpus is read;
 * builds it when @build (or in the background when the corpus has at
 * least PILCROW_INDEX_MIN cables, CT_AUTO_MIN by default, and @autobuild). */
void corpus_text_start(struct corpus *c, bool build, bool autobuild);

/* Looks at the background work; true when the state changed. */
bool corpus_text_poll(struct corpus *c);

enum ctext_state corpus_text_state(const struct corpus *c);
int corpus_text_percent(const struct corpus *c);
const char *corpus_text_reason(const struct corpus *c);
/* While building: the rows are in, the index is being merged into one. */
bool corpus_text_merging(const struct corpus *c);
/* The index's directory ("" when none). */
const char *corpus_text_dir(const struct corpus *c);

/* Waits for the background work to end, calling @progress now and then. */
void corpus_text_wait(struct corpus *c, void (*progress)(int percent, void *ud), void *ud);

/* ---- asking the index a filter's words, on a thread of its own */
struct tjob;

/* Starts asking the text terms of @f the index can answer (with their
 * BM25 scores when @scores); NULL when there is no index ready or no term
 * it can answer: those are read in the cables. */
struct tjob *corpus_text_ask(struct corpus *c, const struct cfilter *f, bool scores);
/* Waits at most @ms for the answer; true once it has come. */
bool tjob_wait(struct tjob *j, double ms);
/* Takes the answer that has come: damage the index met is dealt with (it
 * is set aside, to be built again; false: nothing was answered). */
bool corpus_text_answer(struct corpus *c, struct tjob *j);
/* Was term @term of the filter answered?  Then does entry @e pass every
 * term answered?  (A term that must hold was answered: only the entries
 * tjob_entries lists, ascending, can pass.)  The sum of the answered
 * terms' best scores for @e (lower is more relevant). */
bool tjob_answered(const struct tjob *j, size_t term);
bool tjob_passes(const struct tjob *j, uint32_t e);
bool tjob_positive(const struct tjob *j);
size_t tjob_entries(const struct tjob *j, uint32_t **out);
double tjob_score(const struct tjob *j, uint32_t e);
/* Gives the asking up (or lets go of the answer): at once; the thread
 * ends at its next look at the cancel flag, and frees what it holds. */
void tjob_drop(struct tjob *j);
/* Waits until every thread asking has ended (they were dropped). */
void tjob_quiesce(void);

/* The FTS5 query for the words of @pattern (a filter's words: phrases, |
 * between them, prefix*); false when the index cannot answer it.
 * Exposed for the tests. */
bool corpus_text_query(const char *pattern, char *out, size_t n);

/* True when the index can order the cables passing @f by relevance (it is
 * ready, and a term that must hold is words it answers). */
bool corpus_text_can_rank(const struct corpus *c, const struct cfilter *f);

/* The same for near=: NEAR("w1" "w2"*, @dist). */
bool corpus_text_near_query(const char *words, int dist, char *out, size_t n);

/* The corpus loads the list index saved with the text index of its
 * inputs instead of reading them, when there is one and it is whole (off
 * by default): it is then complete at once. */
void corpus_text_use_saved(struct corpus *c, bool yes);

/* That loading, called by the corpus before it reads its inputs. */
bool corpus_text_load_list(struct corpus *c);

/* Stops the background work and closes the index (corpus_free). */
void corpus_text_free(struct corpus *c);

#endif
