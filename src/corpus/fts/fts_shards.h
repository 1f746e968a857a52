/* fts_shards.h -- the full-text index's files: SQLite FTS5 tables of rows
 * (textrows.h), one file a shard, built by one writer each and queried
 * together.  A row is two columns: x its text, m its paragraph's markings
 * as words.  A row's id is the entry's number times FTS_ROWS plus the
 * row's, so a hit knows its cable and its paragraph.  The tables are
 * contentless (the text stays in the dump) and split words as the
 * matching rules do: letters and digits make words, case and diacritics
 * do not count (unicode61, remove_diacritics 2). */
#ifndef PILCROW_FTS_SHARDS_H
#define PILCROW_FTS_SHARDS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"

#define FTS_ROWS 4096

static inline uint32_t fts_shards_entry(int64_t rowid)
{
	return (uint32_t)(rowid / FTS_ROWS);
}

static inline unsigned fts_shards_row(int64_t rowid)
{
	return (unsigned)(rowid % FTS_ROWS);
}

/* ---- writing one shard */
struct fts_shard;

struct fts_shard *fts_shard_create(const char *path, char *err, size_t errsize);
/* Adds row @rowid, its text and its markings (fts_marks_text); commits
 * now and then.  False on an error (disk full). */
bool fts_shard_add(struct fts_shard *s, int64_t rowid, struct str text, struct str marks);
/* Why the last fts_shard_add() failed. */
const char *fts_shard_error(const struct fts_shard *s);
/* Commits, merges the segments into one, closes; false on an error (the
 * message in @err).  @s is freed either way. */
bool fts_shard_finish(struct fts_shard *s, char *err, size_t errsize);
/* Closes without finishing (the file is to be removed). */
void fts_shard_abandon(struct fts_shard *s);
/* An index in memory (a shard created by a name of SQLite's memdb,
 * "file:/NAME?vfs=memdb", which every connection of the process shares):
 * finished as fts_shard_finish() does, but kept open and given back, for
 * it lives while a connection to it does; NULL on an error (@err).  @s is
 * freed either way. */
struct sqlite3;
struct sqlite3 *fts_shard_keep(struct fts_shard *s, char *err, size_t errsize);
/* Closes one of those, not adopted. */
void fts_shard_close_kept(struct sqlite3 *db);

/* ---- reading the shards together */
struct fts_shards;

/* Opens the @n shard files @paths (or names of shards in memory), read only; NULL (and @err) when one
 * cannot be opened or is not an index. */
struct fts_shards *fts_shards_open(char *const *paths, size_t n, char *err, size_t errsize);
void fts_shards_close(struct fts_shards *t);

enum fts_result { FTS_OK, FTS_SYNTAX, FTS_BROKEN, FTS_CANCELLED };

/* The rows matching FTS5 expression @q, ascending, into *rows (grown);
 * with @score, their BM25 scores beside them (lower is better).
 * FTS_SYNTAX: @q is not a query (err says why); FTS_BROKEN: a file is
 * damaged or cannot be read (err says which). */
enum fts_result fts_shards_query(struct fts_shards *t, const char *q, int64_t **rows, double **score, size_t *n,
			    size_t *cap, char *err, size_t errsize);

/* ---- asking shard by shard, in pieces, from a thread of the asker's own
 * (a struct fts_shards is one thread's at a time) */

/* From now on SQLite looks at *@cancel between its steps: once it is set,
 * what is being asked ends with FTS_CANCELLED. */
void fts_shards_cancel_on(struct fts_shards *t, atomic_int *cancel);
size_t fts_shards_shards(const struct fts_shards *t);
/* Holds a read of every shard open while many questions are asked (one
 * lock for them all, not one each), or lets it go. */
void fts_shards_hold(struct fts_shards *t, bool hold);

/* Calls @fn with each row of shard @k matching FTS5 expression @q,
 * ascending (and its BM25 score when @score, else 0). */
enum fts_result fts_shards_shard_rows(struct fts_shards *t, size_t k, const char *q, bool score,
				 void (*fn)(int64_t row, double score, void *ud), void *ud, char *err, size_t errsize);

/* The words of shard @k that begin with @prefix (as the index folded
 * them: lower-case ASCII is what this is asked with), after @after ("" for
 * the first), at most @max, each NUL-ended in @out; *@n gets how many. */
enum fts_result fts_shards_shard_words(struct fts_shards *t, size_t k, const char *prefix, const char *after, size_t max,
				  struct buf *out, size_t *n, char *err, size_t errsize);

#endif
