/* tindex.h -- the full-text index's files: SQLite FTS5 tables of rows
 * (textrows.h), one file a shard, built by one writer each and queried
 * together.  A row's id is the entry's number times TINDEX_ROWS plus the
 * row's, so a hit knows its cable and its paragraph.  The tables are
 * contentless (the text stays in the dump) and split words as the
 * matching rules do: letters and digits make words, case and diacritics
 * do not count (unicode61, remove_diacritics 2). */
#ifndef PILCROW_TINDEX_H
#define PILCROW_TINDEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"

#define TINDEX_ROWS 4096

static inline uint32_t tindex_entry(int64_t rowid)
{
	return (uint32_t)(rowid / TINDEX_ROWS);
}

static inline unsigned tindex_row(int64_t rowid)
{
	return (unsigned)(rowid % TINDEX_ROWS);
}

/* ---- writing one shard */
struct tshard;

struct tshard *tshard_create(const char *path, char *err, size_t errsize);
/* Adds row @rowid; commits now and then.  False on an error (disk full). */
bool tshard_add(struct tshard *s, int64_t rowid, struct str text);
/* Why the last tshard_add() failed. */
const char *tshard_error(const struct tshard *s);
/* Commits, merges the segments into one, closes; false on an error (the
 * message in @err).  @s is freed either way. */
bool tshard_finish(struct tshard *s, char *err, size_t errsize);
/* Closes without finishing (the file is to be removed). */
void tshard_abandon(struct tshard *s);

/* ---- reading the shards together */
struct tindex;

/* Opens the @n shard files @paths, read only; NULL (and @err) when one
 * cannot be opened or is not an index. */
struct tindex *tindex_open(char *const *paths, size_t n, char *err, size_t errsize);
void tindex_close(struct tindex *t);

enum tq_result { TQ_OK, TQ_SYNTAX, TQ_BROKEN, TQ_CANCELLED };

/* The rows matching FTS5 expression @q, ascending, into *rows (grown);
 * with @score, their BM25 scores beside them (lower is better).
 * TQ_SYNTAX: @q is not a query (err says why); TQ_BROKEN: a file is
 * damaged or cannot be read (err says which). */
enum tq_result tindex_query(struct tindex *t, const char *q, int64_t **rows, double **score, size_t *n,
			    size_t *cap, char *err, size_t errsize);

/* ---- asking shard by shard, in pieces, from a thread of the asker's own
 * (a struct tindex is one thread's at a time) */

/* From now on SQLite looks at *@cancel between its steps: once it is set,
 * what is being asked ends with TQ_CANCELLED. */
void tindex_cancel_on(struct tindex *t, atomic_int *cancel);
size_t tindex_shards(const struct tindex *t);
/* Holds a read of every shard open while many questions are asked (one
 * lock for them all, not one each), or lets it go. */
void tindex_hold(struct tindex *t, bool hold);

/* Calls @fn with each row of shard @k matching FTS5 expression @q,
 * ascending (and its BM25 score when @score, else 0). */
enum tq_result tindex_shard_rows(struct tindex *t, size_t k, const char *q, bool score,
				 void (*fn)(int64_t row, double score, void *ud), void *ud, char *err, size_t errsize);

/* The words of shard @k that begin with @prefix (as the index folded
 * them: lower-case ASCII is what this is asked with), after @after ("" for
 * the first), at most @max, each NUL-ended in @out; *@n gets how many. */
enum tq_result tindex_shard_words(struct tindex *t, size_t k, const char *prefix, const char *after, size_t max,
				  struct buf *out, size_t *n, char *err, size_t errsize);

#endif
