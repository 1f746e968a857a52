/* fts_internal.h -- what the full-text index's two files share:
 * fts.c (finding the index, its states, asking it) and
 * fts_build.c (the background jobs: building it on worker threads, checking
 * its checksums). */
#ifndef PILCROW_FTS_INTERNAL_H
#define PILCROW_FTS_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "corpus/fts/fts.h"
#include "corpus/fts/fts_cache.h"
#include "corpus/fts/fts_shards.h"
#include "base/util.h"

/* 2: the saved list carries the checksum of its contents; 3: each shard
 * keeps its words in order (a prefix asked in pieces); 4: each row its
 * paragraph's markings (para=); 5: the list saved with it holds each
 * cable's people and offices (corpus_store.c's version 5), and row 0 the
 * levels of all the cable's paragraphs (para= alone) */
#define FTS_META_VERSION "pilcrow text index 5"
#define FTS_META_FAMILY "pilcrow text index "
#define FTS_SHARDS_MAX 8

/* JOB_MEMORY: an index in memory, for a corpus under FTS_AUTO_MIN cables */
enum job { JOB_NONE, JOB_BUILD, JOB_CHECK, JOB_MEMORY };

/* snprintf for paths and messages, cut where they do not fit (a path
 * longer than PATH_MAX is not one that can be opened anyway) */
void fts_fmt(char *out, size_t n, const char *f, ...) PRINTF_LIKE(3, 4);

struct fts {
	enum fts_state state;
	char dir[FTS_PATH], key[17], desc[8192];
	char final[FTS_PATH], part[FTS_PATH];
	char reason[512];
	int lockfd;
	bool may_build;         /* asked to build it when it is missing or damaged */
	bool memory;            /* the index is in memory (JOB_MEMORY): no file */
	struct sqlite3 *mem[FTS_SHARDS_MAX];   /* its builders' connections, kept
						 * open: the shards live while they do */
	size_t nshards;
	struct fts_shards *ti;
	double next_look;

	/* the background job: the thread writes these, the loop reads them */
	enum job job;
	pthread_t th;
	atomic_size_t done;
	atomic_int finished, cancel;
	atomic_int merging;     /* the rows are in: the segments are being merged */
	double started, took;   /* when the job began; how long it took (ms) */
	double finished_at;     /* when it ended (the thread writes it before finished) */
	size_t total;
	bool ok;
	char err[512];
};


/* The index met damage (@why): set aside, and built again when it may be. */
void fts_damaged(struct corpus *c, const char *why);

/* fts_build.c: the jobs, run on a thread of their own with the corpus
 * (complete, read only) as argument; they set ok, err and finished */
void *fts_build_run(void *corpus);
void *fts_memory_run(void *corpus);
void *fts_check_run(void *corpus);

/* The path of shard @k in @dir; the size, mtime and inode of each shard
 * and of the list (the checked file's lines); of one file, as "LABEL ...". */
void fts_shard_path(char *out, size_t n, const char *dir, size_t k);
/* Shard @k of @t: its file, or its name in memory. */
void fts_shard_name(const struct fts *t, size_t k, char *out, size_t n);
void fts_shard_stamp(const struct fts *t, const char *dir, struct buf *out);
void fts_file_stamp(const char *path, const char *label, struct buf *out);

/* Reads the meta file of @dir into @meta: true when it is of these inputs
 * (t->key, the corpus's count) and its shards are all there, of their size. */
bool fts_read_meta(struct corpus *c, struct fts *t, const char *dir, char *meta, size_t n);

#endif
