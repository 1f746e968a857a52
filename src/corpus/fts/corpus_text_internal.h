/* corpus_text_internal.h -- what the full-text index's two files share:
 * corpus_text.c (finding the index, its states, asking it) and
 * textbuild.c (the background jobs: building it on worker threads, checking
 * its checksums). */
#ifndef PILCROW_CORPUS_TEXT_INTERNAL_H
#define PILCROW_CORPUS_TEXT_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "corpus/fts/corpus_text.h"
#include "corpus/fts/textcache.h"
#include "corpus/fts/tindex.h"
#include "base/util.h"

/* 2: the saved list carries the checksum of its contents; 3: each shard
 * keeps its words in order (a prefix asked in pieces) */
#define META_VERSION "pilcrow text index 3"
#define META_FAMILY "pilcrow text index "
#define SHARDS_MAX 8

enum job { JOB_NONE, JOB_BUILD, JOB_CHECK };

/* snprintf for paths and messages, cut where they do not fit (a path
 * longer than PATH_MAX is not one that can be opened anyway) */
void fmt(char *out, size_t n, const char *f, ...) PRINTF_LIKE(3, 4);

struct ctext {
	enum ctext_state state;
	char dir[TEXTCACHE_PATH], key[17], desc[8192];
	char final[TEXTCACHE_PATH], part[TEXTCACHE_PATH];
	char reason[512];
	int lockfd;
	bool may_build;         /* asked to build it when it is missing or damaged */
	size_t nshards;
	struct tindex *ti;
	double next_look;

	/* the background job: the thread writes these, the loop reads them */
	enum job job;
	pthread_t th;
	atomic_size_t done;
	atomic_int finished, cancel;
	atomic_int merging;     /* the rows are in: the segments are being merged */
	size_t total;
	bool ok;
	char err[512];
};


/* The index met damage (@why): set aside, and built again when it may be. */
void corpus_text_damaged(struct corpus *c, const char *why);

/* textbuild.c: the jobs, run on a thread of their own with the corpus
 * (complete, read only) as argument; they set ok, err and finished */
void *text_build_run(void *corpus);
void *text_check_run(void *corpus);

/* The path of shard @k in @dir; the size, mtime and inode of each shard
 * and of the list (the checked file's lines); of one file, as "LABEL ...". */
void shard_path(char *out, size_t n, const char *dir, size_t k);
void shard_stamp(const struct ctext *t, const char *dir, struct buf *out);
void file_stamp(const char *path, const char *label, struct buf *out);

/* Reads the meta file of @dir into @meta: true when it is of these inputs
 * (t->key, the corpus's count) and its shards are all there, of their size. */
bool read_meta(struct corpus *c, struct ctext *t, const char *dir, char *meta, size_t n);

#endif
