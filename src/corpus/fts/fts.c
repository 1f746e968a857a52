/* fts.c -- a corpus's full-text index: finding it, its states
 * (building, waiting for another process, checking, ready, off and why),
 * setting a damaged one aside, asking it for a filter's words. */
#include "config.h"
#include "corpus/fts/fts.h"
#include "corpus/threads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/corpus_internal.h"
#include "corpus/corpus_store.h"
#include "corpus/fts/fts_internal.h"

static size_t cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > FTS_SHARDS_MAX ? FTS_SHARDS_MAX : (size_t)n;
}

static void start_job(struct corpus *c, enum job job)
{
	struct fts *t = c->text;

	t->job = job;
	atomic_store(&t->done, 0);
	atomic_store(&t->merging, 0);
	atomic_store(&t->finished, 0);
	atomic_store(&t->cancel, 0);
	t->total = c->n;
	t->err[0] = '\0';
	t->started = now_ms();
	if (thread_start(&t->th, job == JOB_BUILD ? fts_build_run : job == JOB_MEMORY ? fts_memory_run : fts_check_run,
			 c) != 0) {
		t->job = JOB_NONE;
		t->state = FTS_OFF;
		fts_fmt(t->reason, sizeof(t->reason), "cannot start a thread for the index");
	}
}

static void look(struct corpus *c, bool build);
static void set_aside(struct corpus *c, const char *why);

static void open_ready(struct corpus *c)
{
	struct fts *t = c->text;
	char *paths[FTS_SHARDS_MAX], buf[FTS_SHARDS_MAX][FTS_PATH], err[512];

	for (size_t k = 0; k < t->nshards; k++) {
		fts_shard_path(buf[k], sizeof(buf[k]), t->final, k);
		paths[k] = buf[k];
	}
	t->ti = fts_shards_open(paths, t->nshards, err, sizeof(err));
	if (t->ti) {
		t->state = FTS_READY;
	} else {
		/* a shard SQLite cannot open (a damaged schema, not a database):
		 * set aside, and built again when we may (searches scan meanwhile) */
		set_aside(c, err);
		look(c, t->may_build);
	}
}

/* A damaged index: set aside, and built again when we may. */
static void set_aside(struct corpus *c, const char *why)
{
	struct fts *t = c->text;
	char to[FTS_PATH];

	fts_shards_close(t->ti);
	t->ti = NULL;
	if (t->memory) {
		fts_fmt(t->reason, sizeof(t->reason), "the text index in memory failed (%s): searches scan", why);
		t->state = FTS_OFF;
		return;
	}
	if (files_set_aside(t->dir, t->key, to, sizeof(to)))
		fts_fmt(t->reason, sizeof(t->reason), "the text index was damaged (%s): set aside as %s", why, to);
	else
		fts_fmt(t->reason, sizeof(t->reason), "the text index is damaged (%s) and cannot be set aside", why);
	t->state = FTS_OFF;
}

void fts_damaged(struct corpus *c, const char *why)
{
	if (!c->text || c->text->state != FTS_READY)
		return;         /* set aside already, by another answer */
	set_aside(c, why);
	if (!c->text->memory)
		look(c, c->text->may_build);
}

/* A corpus under FTS_AUTO_MIN cables, in the reader: an index in memory,
 * built in the background (a shard a core, a core for each 200 cables at
 * least), so that words answer at once and sort=relevance works. */
static void memory_start(struct corpus *c)
{
	struct fts *t = c->text;
	size_t want = (c->n + 199) / 200;

	if (!c->n || c->st.changed)
		return;
	t->memory = true;
	t->nshards = cores() < want ? cores() : want;
	t->state = FTS_BUILDING;
	start_job(c, JOB_MEMORY);
}

/* The index in memory built: in use, or off and why. */
static void memory_done(struct corpus *c)
{
	struct fts *t = c->text;
	char *names[FTS_SHARDS_MAX], buf[FTS_SHARDS_MAX][FTS_PATH], err[512];

	t->job = JOB_NONE;
	for (size_t k = 0; k < t->nshards; k++) {
		fts_shard_name(t, k, buf[k], sizeof(buf[k]));
		names[k] = buf[k];
	}
	t->ti = t->ok ? fts_shards_open(names, t->nshards, err, sizeof(err)) : NULL;
	if (t->ti) {
		t->state = FTS_READY;
		return;
	}
	t->state = FTS_OFF;
	fts_fmt(t->reason, sizeof(t->reason), "no text index in memory (%s): searches scan", t->ok ? err : t->err);
}

/* Finds the index, or starts building it when @build. */
static void look(struct corpus *c, bool build)
{
	struct fts *t = c->text;
	char meta[16384], stamp[4096];
	struct buf now = { 0 };
	struct stat st;

	if (stat(t->final, &st) == 0) {
		if (!fts_read_meta(c, t, t->final, meta, sizeof(meta))) {
			char p[FTS_PATH];

			fts_fmt(p, sizeof(p), "%s/meta", t->final);
			if (files_read(p, meta, sizeof(meta)) && strncmp(meta, FTS_META_FAMILY, strlen(FTS_META_FAMILY)) == 0 &&
			    strncmp(meta, FTS_META_VERSION "\n", strlen(FTS_META_VERSION) + 1) != 0) {
				/* an index of another pilcrow's making: no damage, made anew */
				fts_shards_close(t->ti);
				t->ti = NULL;
				files_remove_dir(t->final);
				t->state = FTS_OFF;
			} else {
				set_aside(c, "it is not whole, or not of these files");
			}
			if (!build)
				return;
		} else {
			/* checked before, and not touched since: used at once */
			char p[FTS_PATH];

			fts_fmt(p, sizeof(p), "%s/checked", t->final);
			fts_shard_stamp(t, t->final, &now);
			if (files_read(p, stamp, sizeof(stamp)) && now.p && strcmp(stamp, now.p) == 0) {
				buf_free(&now);
				open_ready(c);
				return;
			}
			buf_free(&now);
			t->state = FTS_CHECKING;
			start_job(c, JOB_CHECK);
			return;
		}
	}
	if (!build) {
		if (t->state != FTS_OFF)
			t->state = FTS_NONE;
		return;
	}
	fts_cache_sweep(t->dir, t->key);
	t->lockfd = fts_cache_lock(t->dir, t->key);
	if (t->lockfd < 0) {
		/* another pilcrow builds it: scan meanwhile, look again later */
		t->state = FTS_WAITING;
		t->next_look = now_ms() + 1000;
		return;
	}
	if (stat(t->final, &st) == 0) {
		/* it was finished while we took the lock */
		fts_cache_unlock(t->lockfd);
		t->lockfd = -1;
		look(c, false);
		return;
	}
	fts_fmt(t->part, sizeof(t->part), "%s/%s.part-%ld", t->dir, t->key, (long)getpid());
	files_remove_dir(t->part);
	if (mkdir(t->part, 0700) != 0) {
		fts_cache_unlock(t->lockfd);
		t->lockfd = -1;
		t->state = FTS_OFF;
		fts_fmt(t->reason, sizeof(t->reason), "cannot make %s: searches scan", t->part);
		return;
	}
	t->nshards = cores();
	t->state = FTS_BUILDING;
	start_job(c, JOB_BUILD);
}

void fts_use_saved(struct corpus *c, bool yes)
{
	c->load_saved = yes ? fts_load_list : NULL;
}

void fts_start(struct corpus *c, bool build, bool autobuild)
{
	struct fts *t;
	char *paths[64], err[512];
	size_t np = 0;
	const char *min = getenv("PILCROW_INDEX_MIN");
	size_t want = min && *min ? strtoul(min, NULL, 10) : FTS_AUTO_MIN;

	if (c->text || !c->done)
		return;
	t = c->text = xcalloc(1, sizeof(*t));
	c->text_free = fts_free;
	t->lockfd = -1;
	/* only a dump (or its pieces) has an index on disk; a smaller
	 * corpus, in the reader, one in memory */
	for (size_t i = 0; i < c->nsrc; i++) {
		if (c->src[i].kind == SRC_STITCH)
			continue;
		if (c->src[i].kind != SRC_CSV || strcmp(c->src[i].path, "-") == 0 || np == 64) {
			t->state = FTS_NONE;
			if (autobuild && c->n < want)
				memory_start(c);
			return;
		}
		paths[np++] = c->src[i].path;
	}
	if (np == 0 || c->n == 0)
		return;
	if (!build && !(autobuild && c->n >= want))
		build = false;
	else
		build = true;
	if (c->st.changed) {
		/* its list is of a file that is no more: no index is made or
		 * used until it is opened again (said where one would be made;
		 * the change itself was said as it was seen) */
		t->state = FTS_OFF;
		if (build)
			fts_fmt(t->reason, sizeof(t->reason), "the dump changed while it was read: no text index of it until "
							  "it is opened again; searches scan");
		return;
	}
	if (!files_cache_dir(t->dir, sizeof(t->dir), err, sizeof(err)) ||
	    !fts_cache_key(paths, np, t->key, t->desc, sizeof(t->desc), err, sizeof(err))) {
		t->state = FTS_OFF;
		fts_fmt(t->reason, sizeof(t->reason), "no text index (%s): searches scan", err);
		return;
	}
	fts_fmt(t->final, sizeof(t->final), "%s/%s", t->dir, t->key);
	t->may_build = build;
	look(c, build);
	/* no index of this dump on disk, and none to be built */
	if (t->state == FTS_NONE && autobuild && c->n < want)
		memory_start(c);
}

bool fts_poll(struct corpus *c)
{
	struct fts *t = c->text;

	if (!t)
		return false;
	if (t->state == FTS_WAITING && now_ms() >= t->next_look) {
		struct stat st;

		t->next_look = now_ms() + 1000;
		if (stat(t->final, &st) == 0) {
			look(c, false);
			return true;
		}
		/* the other one stopped without finishing: build it here, or scan */
		look(c, t->may_build);
		return t->state != FTS_WAITING;
	}
	if (t->job == JOB_NONE || !atomic_load(&t->finished))
		return false;
	pthread_join(t->th, NULL);
	t->took = t->finished_at - t->started;
	if (t->job == JOB_MEMORY) {
		memory_done(c);
	} else if (t->job == JOB_BUILD) {
		fts_cache_unlock(t->lockfd);
		t->lockfd = -1;
		t->job = JOB_NONE;
		if (t->ok) {
			open_ready(c);
		} else {
			t->state = FTS_OFF;
			fts_fmt(t->reason, sizeof(t->reason), "no text index (%s): searches scan", t->err);
		}
	} else {
		t->job = JOB_NONE;
		if (t->ok) {
			char p[FTS_PATH];
			struct buf now = { 0 };

			fts_fmt(p, sizeof(p), "%s/checked", t->final);
			fts_shard_stamp(t, t->final, &now);
			files_write(p, now.p);
			buf_free(&now);
			open_ready(c);
		} else {
			set_aside(c, t->err);
			look(c, t->may_build);
		}
	}
	return true;
}

enum fts_state fts_state(const struct corpus *c)
{
	return c->text ? c->text->state : FTS_NONE;
}

int fts_percent(const struct corpus *c)
{
	const struct fts *t = c->text;

	if (!t || !t->total)
		return 0;
	return (int)(atomic_load(&((struct fts *)t)->done) * 100 / t->total);
}

bool fts_merging(const struct corpus *c)
{
	return c->text && c->text->state == FTS_BUILDING && atomic_load(&c->text->merging);
}

double fts_took_ms(const struct corpus *c)
{
	return c->text && c->text->state == FTS_READY ? c->text->took : 0;
}

const char *fts_reason(const struct corpus *c)
{
	return c->text ? c->text->reason : "";
}

const char *fts_dir(const struct corpus *c)
{
	return c->text && c->text->state == FTS_READY ? c->text->final : "";
}

void fts_wait(struct corpus *c, void (*progress)(int percent, void *ud), void *ud)
{
	while (c->text && (c->text->job != JOB_NONE || c->text->state == FTS_WAITING)) {
		if (progress && c->text->state == FTS_BUILDING)
			progress(fts_percent(c), ud);
		if (!fts_poll(c))
			usleep(50 * 1000);
	}
}

void fts_free(struct corpus *c)
{
	struct fts *t = c->text;

	if (!t)
		return;
	fts_job_quiesce();
	if (t->job != JOB_NONE) {
		atomic_store(&t->cancel, 1);
		pthread_join(t->th, NULL);
		if (t->job == JOB_BUILD)
			files_remove_dir(t->part);
	}
	fts_shards_close(t->ti);
	t->ti = NULL;
	for (size_t k = 0; k < FTS_SHARDS_MAX; k++)
		fts_shard_close_kept(t->mem[k]);        /* the index in memory goes with them */
	fts_cache_unlock(t->lockfd);
	free(t);
	c->text = NULL;
}

bool fts_load_list(struct corpus *c)
{
	char *paths[64], dir[FTS_PATH], key[17], err[512], p[FTS_PATH], tag[128];
	char *desc = xmalloc(8192), *meta = xmalloc(16384), checked[4096];
	uint64_t sum, size;
	struct buf stamp = { 0 };
	bool ok = false;

	if (c->nsrc == 0 || c->nsrc > 64)
		goto out;
	for (size_t i = 0; i < c->nsrc; i++) {
		if (c->src[i].kind != SRC_PENDING || strcmp(c->src[i].path, "-") == 0)
			goto out;
		paths[i] = c->src[i].path;
	}
	/* quietly: no cache, or no index of these files, is no list to load */
	if (!files_cache_dir(dir, sizeof(dir), err, sizeof(err)) ||
	    !fts_cache_key(paths, c->nsrc, key, desc, 8192, err, sizeof(err)))
		goto out;
	fts_fmt(p, sizeof(p), "%s/%s/meta", dir, key);
	fts_fmt(tag, sizeof(tag), "%s\nkey %s\n", FTS_META_VERSION, key);
	if (!files_read(p, meta, 16384) || strncmp(meta, tag, strlen(tag)) != 0)
		goto out;
	fts_fmt(p, sizeof(p), "%s/%s/checked", dir, key);
	if (!files_read(p, checked, sizeof(checked)))
		checked[0] = '\0';
	fts_fmt(p, sizeof(p), "%s/%s/list.db", dir, key);
	fts_file_stamp(p, "list", &stamp);
	/* checked before and not touched since, or its checksum right: a
	 * list that is not as it was made is read again from the dump */
	*err = '\0';
	if (!checked[0] || !stamp.p || !strstr(checked, stamp.p)) {
		if (!files_checksum(p, &sum, &size))
			goto out;
		fts_fmt(tag, sizeof(tag), "\nlist %llu %016llx\n", (unsigned long long)size, (unsigned long long)sum);
		if (!strstr(meta, tag))
			fts_fmt(err, sizeof(err), "its checksum is wrong");
	}
	ok = !*err && corpus_store_load(c, p, err, sizeof(err));
	if (!ok && *err) {
		/* damaged: the index it belongs to is set aside (built again
		 * as the dump is read), and that is said */
		char to[FTS_PATH], line[FTS_PATH * 2 + 600];

		if (files_set_aside(dir, key, to, sizeof(to)))
			fts_fmt(line, sizeof(line), "pilcrow: the saved list of these files was damaged (%s): set aside as %s, "
						"read again from the files", err, to);
		else
			fts_fmt(line, sizeof(line), "pilcrow: the saved list of these files is damaged (%s): read again from the files",
			    err);
		keep_message(line, c);
	}
out:
	buf_free(&stamp);
	free(desc);
	free(meta);
	return ok;
}

/* ---------------------------------------------------------------- asking */

bool fts_can_rank(const struct corpus *c, const struct cfilter *f)
{
	char q[2048];

	if (fts_state(c) != FTS_READY)
		return false;
	for (size_t i = 0; i < f->n; i++) {
		const struct cf_term *t = &f->terms[i];

		if (!cf_reads_text(t) || t->negate || t->op == CF_NE || !t->words || !t->pattern)
			continue;
		if (t->field == CF_NEAR ? fts_near_query(t->pattern, t->near_dist, q, sizeof(q))
					: fts_query(t->pattern, q, sizeof(q)))
			return true;
	}
	return false;
}
