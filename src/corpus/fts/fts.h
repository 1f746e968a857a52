/* fts.h -- a corpus's full-text index: found in the cache for its
 * inputs (fts_cache.h), or built there in the background on as many
 * threads as the machine has cores (one shard each, fts_shards.h) while the
 * reader stays usable; until it is complete and checked, a text filter
 * scans, by the same rules and with the same answers. */
#ifndef PILCROW_FTS_H
#define PILCROW_FTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "search/filter.h"

struct corpus;

enum fts_state {
	FTS_NONE,        /* no index: not asked for, or not a dump */
	FTS_BUILDING,    /* being built here (fts_percent) */
	FTS_WAITING,     /* another pilcrow builds it */
	FTS_CHECKING,    /* found, its checksums being checked */
	FTS_READY,       /* in use */
	FTS_OFF,         /* cannot be had: fts_reason() says why */
};

/* Cables a dump must have for its index to be built on its own. */
#define FTS_AUTO_MIN 5000

/* Looks for the index of the corpus's inputs once the corpus is read;
 * builds it when @build (or in the background when the corpus has at
 * least PILCROW_INDEX_MIN cables, FTS_AUTO_MIN by default, and @autobuild).
 * With @autobuild, a corpus under that (a folder, files, a small dump
 * with no index on disk) gets an index in memory, built in the background. */
void fts_start(struct corpus *c, bool build, bool autobuild);

/* Looks at the background work; true when the state changed. */
bool fts_poll(struct corpus *c);

enum fts_state fts_state(const struct corpus *c);
int fts_percent(const struct corpus *c);
const char *fts_reason(const struct corpus *c);
/* How long the index in use took to build or check here (ms; 0: none). */
double fts_took_ms(const struct corpus *c);
/* While building: the rows are in, the index is being merged into one. */
bool fts_merging(const struct corpus *c);
/* The index's directory ("" when none). */
const char *fts_dir(const struct corpus *c);

/* Waits for the background work to end, calling @progress now and then. */
void fts_wait(struct corpus *c, void (*progress)(int percent, void *ud), void *ud);

/* ---- asking the index a filter's words, on a thread of its own */
struct fts_job;

/* Starts asking the text terms of @f the index can answer (with their
 * BM25 scores when @scores); NULL when there is no index ready or no term
 * it can answer: those are read in the cables. */
struct fts_job *fts_ask(struct corpus *c, const struct cfilter *f, bool scores);
/* Waits at most @ms for the answer; true once it has come. */
bool fts_job_wait(struct fts_job *j, double ms);
/* Takes the answer that has come: damage the index met is dealt with (it
 * is set aside, to be built again; false: nothing was answered). */
bool fts_answer(struct corpus *c, struct fts_job *j);
/* Was term @term of the filter answered?  Then does entry @e pass every
 * term answered?  (A term that must hold was answered: only the entries
 * fts_job_entries lists, ascending, can pass.)  The sum of the answered
 * terms' best scores for @e (lower is more relevant). */
bool fts_job_answered(const struct fts_job *j, size_t term);
bool fts_job_passes(const struct fts_job *j, uint32_t e);
bool fts_job_positive(const struct fts_job *j);
size_t fts_job_entries(const struct fts_job *j, uint32_t **out);
double fts_job_score(const struct fts_job *j, uint32_t e);
/* Gives the asking up (or lets go of the answer): at once; the thread
 * ends at its next look at the cancel flag, and frees what it holds. */
void fts_job_drop(struct fts_job *j);
/* Waits until every thread asking has ended (they were dropped). */
void fts_job_quiesce(void);

/* The FTS5 query for the words of @pattern (a filter's words: phrases, |
 * between them, prefix*); false when the index cannot answer it.
 * Exposed for the tests. */
bool fts_query(const char *pattern, char *out, size_t n);

/* True when the index can order the cables passing @f by relevance (it is
 * ready, and a term that must hold is words it answers). */
bool fts_can_rank(const struct corpus *c, const struct cfilter *f);

/* The same for near=: NEAR("w1" "w2"*, @dist). */
bool fts_near_query(const char *words, int dist, char *out, size_t n);

/* The markings of a row as the index keeps them, in its column m (a word
 * a level, "lvs", a word a caveat, "cvnoforn"), into @out. */
void fts_marks_text(struct row_marks m, struct buf *out);
/* Row 0's column m also holds the levels of all the cable's paragraphs
 * ("ulvs ulvc"), appended to @out: a para= without caveats asks those, a
 * row a cable, not the rows of every paragraph at the level. */
void fts_union_text(struct row_marks m, struct buf *out);
/* para= term @t as an FTS5 question on that column ("m : ((lvs OR lvts)
 * AND cvnoforn)", or "m : ((ulvs OR ulvts))" without caveats); false when
 * no level can pass it. */
bool fts_para_query(const struct cf_term *t, char *out, size_t n);
/* What every row holding the words must be, by the para= terms of @f that
 * must hold ("m : (...) AND m : (...)"; "" when none); false when one
 * cannot be asked. */
bool fts_row_condition(const struct cfilter *f, char *out, size_t n);

/* The corpus loads the list index saved with the text index of its
 * inputs instead of reading them, when there is one and it is whole (off
 * by default): it is then complete at once. */
void fts_use_saved(struct corpus *c, bool yes);

/* That loading, called by the corpus before it reads its inputs. */
bool fts_load_list(struct corpus *c);

/* Stops the background work and closes the index (corpus_free). */
void fts_free(struct corpus *c);

#endif
