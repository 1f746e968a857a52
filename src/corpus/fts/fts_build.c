/* fts_build.c -- the full-text index built on worker threads (one shard
 * each, a run of the corpus's entries: each cable parsed, its rows added),
 * its list index saved beside it, its checksums written, then the whole put
 * under its name; and the checksums checked again before a first use.  For
 * a corpus under FTS_AUTO_MIN cables, the same rows into shards in memory. */
#include "config.h"
#include "corpus/fts/fts_internal.h"
#include "corpus/threads.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/corpus_internal.h"
#include "corpus/corpus_store.h"
#include "parse/parse.h"
#include "search/textrows.h"

void fts_fmt(char *out, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(out, n, f, ap);
	va_end(ap);
}

/* One shard's builder: its run of entries, its parser. */
struct worker {
	struct corpus *c;
	struct fts *t;
	size_t from, to, k;
	struct fts_shard *shard;
	struct buf scratch, marks;
	const struct cable *cab;        /* the cable whose rows are added */
	int64_t base;
	bool ok, changed;
	pthread_t th;
	char err[256];
};

static bool add_row(unsigned row, struct str text, void *ud)
{
	struct worker *w = ud;

	fts_marks_text(text_row_marks(w->cab, row), &w->marks);
	if (row == 0) {
		/* the levels of all the paragraphs (para= alone: fts_union_text) */
		struct row_marks all = { 0, 0 };

		for (unsigned r = 1; r < text_rows_count(w->cab); r++)
			all.levels |= text_row_marks(w->cab, r).levels;
		fts_union_text(all, &w->marks);
	}
	if (!fts_shard_add(w->shard, w->base + row, text, buf_str(&w->marks))) {
		w->ok = false;
		return false;
	}
	return true;
}

static void *worker_run(void *ud)
{
	struct worker *w = ud;
	struct corpus_parser *p = corpus_parser_new(w->c);

	w->ok = true;
	for (size_t i = w->from; i < w->to && w->ok && !atomic_load(&w->t->cancel); i++) {
		const struct cable *cab;

		atomic_fetch_add(&w->t->done, 1);
		/* the dump changed under the builder: what it would index is
		 * not the file any more (a look every 256 cables, an fstat) */
		if ((i - w->from) % 256 == 0 && corpus_inputs_changed(w->c)) {
			fts_fmt(w->err, sizeof(w->err), "the dump changed while it was indexed");
			w->changed = true;
			break;
		}
		/* on disk, a dump's records; in memory, every cable */
		if ((!w->t->memory && corpus_entry(w->c, i)->format != FORMAT_CSV) || !(cab = corpus_parser_get(p, i)))
			continue;
		w->base = (int64_t)i * FTS_ROWS;
		w->cab = cab;
		text_rows(cab, &w->scratch, add_row, w);
	}
	if (w->changed)
		w->ok = false;
	else if (!w->ok)
		fts_fmt(w->err, sizeof(w->err), "cannot write the index: %s", fts_shard_error(w->shard));
	corpus_parser_free(p);
	buf_free(&w->scratch);
	buf_free(&w->marks);
	return NULL;
}

/* The workers @w[0..@ns), on as many threads (this one the first's). */
static void run_workers(struct worker *w, size_t ns)
{
	for (size_t k = 1; k < ns; k++)
		thread_start(&w[k].th, worker_run, &w[k]);
	worker_run(&w[0]);
	for (size_t k = 1; k < ns; k++)
		pthread_join(w[k].th, NULL);
}

/* The workers of the @ns shards, each its run of the entries and its
 * shard (in directory @dir, or in memory when NULL); false (t->err) when
 * one cannot be made. */
static bool make_workers(struct corpus *c, struct fts *t, struct worker *w, size_t ns, const char *dir)
{
	char name[FTS_PATH];

	memset(w, 0, ns * sizeof(*w));
	for (size_t k = 0; k < ns; k++) {
		w[k].c = c;
		w[k].t = t;
		w[k].k = k;
		w[k].from = c->n * k / ns;
		w[k].to = c->n * (k + 1) / ns;
		if (dir)
			fts_shard_path(name, sizeof(name), dir, k);
		else
			fts_shard_name(t, k, name, sizeof(name));
		w[k].shard = fts_shard_create(name, t->err, sizeof(t->err));
		if (!w[k].shard)
			return false;
	}
	return true;
}

/* A shard once its worker is done: false when it is given up (abandoned)
 * because it or another failed (said in t->err) or the build was cancelled. */
static bool shard_kept(struct fts *t, struct worker *w)
{
	if (t->ok && !w->ok) {
		fts_fmt(t->err, sizeof(t->err), "%s", w->err);
		t->ok = false;
	}
	if (!t->ok || atomic_load(&t->cancel)) {
		fts_shard_abandon(w->shard);
		return false;
	}
	return true;
}

/* The index in memory: the same rows, in shards of SQLite's memory, kept
 * open for the asking (t->mem); nothing written, nothing to check. */
void *fts_memory_run(void *ud)
{
	struct corpus *c = ud;
	struct fts *t = c->text;
	struct worker w[FTS_SHARDS_MAX];
	size_t ns = t->nshards;

	t->ok = make_workers(c, t, w, ns, NULL);
	if (t->ok)
		run_workers(w, ns);
	atomic_store(&t->merging, 1);
	for (size_t k = 0; k < ns; k++) {
		if (!w[k].shard || !shard_kept(t, &w[k]))
			continue;
		t->mem[k] = fts_shard_keep(w[k].shard, t->err, sizeof(t->err));
		t->ok = t->mem[k] != NULL;
	}
	if (atomic_load(&t->cancel))
		t->ok = false;
	for (size_t k = 0; k < ns && !t->ok; k++) {
		fts_shard_close_kept(t->mem[k]);
		t->mem[k] = NULL;
	}
	t->finished_at = now_ms();
	atomic_store(&t->finished, 1);
	return NULL;
}

void fts_shard_path(char *out, size_t n, const char *dir, size_t k)
{
	fts_fmt(out, n, "%s/text-%zu.db", dir, k);
}

void fts_shard_name(const struct fts *t, size_t k, char *out, size_t n)
{
	if (t->memory)
		fts_fmt(out, n, "file:/pilcrow-%ld-%p-%zu?vfs=memdb", (long)getpid(), (const void *)t, k);
	else
		fts_shard_path(out, n, t->final, k);
}

/* The size, mtime, ctime and inode of each shard, as the checked file keeps them. */
void fts_file_stamp(const char *path, const char *label, struct buf *out)
{
	struct stat st;

	if (stat(path, &st) != 0)
		memset(&st, 0, sizeof(st));
	/* the change time too: a file written in place and given its old
	 * modification time back is not the file that was checked (no one
	 * can set the change time back) */
	buf_printf(out, "%s %lld %lld.%09ld %lld.%09ld %llu\n", label, (long long)st.st_size,
		   (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec,
		   (long)st.st_ctim.tv_nsec, (unsigned long long)st.st_ino);
}

void fts_shard_stamp(const struct fts *t, const char *dir, struct buf *out)
{
	char p[FTS_PATH], label[32];

	for (size_t k = 0; k < t->nshards; k++) {
		fts_shard_path(p, sizeof(p), dir, k);
		fts_fmt(label, sizeof(label), "%zu", k);
		fts_file_stamp(p, label, out);
	}
	fts_fmt(p, sizeof(p), "%s/list.db", dir);
	fts_file_stamp(p, "list", out);
}

void *fts_build_run(void *ud)
{
	struct corpus *c = ud;
	struct fts *t = c->text;
	struct worker w[FTS_SHARDS_MAX];
	struct buf meta = { 0 }, stamp = { 0 };
	size_t ns = t->nshards;
	char p[FTS_PATH];

	memset(w, 0, sizeof(w));
	/* the list index first: the next open loads it instead of reading */
	fts_fmt(p, sizeof(p), "%s/list.db", t->part);
	t->ok = corpus_store_save(c, p, t->err, sizeof(t->err)) && make_workers(c, t, w, ns, t->part);
	if (t->ok)
		run_workers(w, ns);
	atomic_store(&t->merging, 1);
	buf_printf(&meta, "%s\nkey %s\nentries %zu\nshards %zu\n%s", FTS_META_VERSION, t->key, c->n, ns, t->desc);
	for (size_t k = 0; k < ns; k++) {
		char e[256];

		if (!w[k].shard || !shard_kept(t, &w[k]))
			continue;
		if (!fts_shard_finish(w[k].shard, e, sizeof(e))) {
			fts_fmt(t->err, sizeof(t->err), "cannot write the index: %s", e);
			t->ok = false;
		}
	}
	for (size_t k = 0; k < ns && t->ok && !atomic_load(&t->cancel); k++) {
		uint64_t sum, size;

		fts_shard_path(p, sizeof(p), t->part, k);
		if (!files_checksum(p, &sum, &size)) {
			fts_fmt(t->err, sizeof(t->err), "cannot read back %s", p);
			t->ok = false;
		}
		buf_printf(&meta, "shard %zu %llu %016llx\n", k, (unsigned long long)size, (unsigned long long)sum);
	}
	if (t->ok) {
		uint64_t sum, size;

		fts_fmt(p, sizeof(p), "%s/list.db", t->part);
		t->ok = files_checksum(p, &sum, &size);
		buf_printf(&meta, "list %llu %016llx\n", (unsigned long long)size, (unsigned long long)sum);
	}
	if (atomic_load(&t->cancel))
		t->ok = false;
	if (t->ok && corpus_inputs_changed(c)) {
		/* changed after the last look: an index not of the file as it is */
		fts_fmt(t->err, sizeof(t->err), "the dump changed while it was indexed");
		t->ok = false;
	}
	if (t->ok) {
		/* complete: the meta file, then the directory under its name */
		fts_fmt(p, sizeof(p), "%s/meta", t->part);
		fts_shard_stamp(t, t->part, &stamp);
		if (!files_write(p, meta.p)) {
			fts_fmt(t->err, sizeof(t->err), "cannot write %s", p);
			t->ok = false;
		} else {
			fts_fmt(p, sizeof(p), "%s/checked", t->part);
			files_write(p, stamp.p);
			if (rename(t->part, t->final) != 0) {
				fts_fmt(t->err, sizeof(t->err), "cannot put the index in place at %s", t->final);
				t->ok = false;
			}
		}
	}
	if (!t->ok)
		files_remove_dir(t->part);   /* a half-built index is never kept */
	buf_free(&meta);
	buf_free(&stamp);
	t->finished_at = now_ms();
	atomic_store(&t->finished, 1);
	return NULL;
}

bool fts_read_meta(struct corpus *c, struct fts *t, const char *dir, char *meta, size_t n)
{
	char p[FTS_PATH], want[128];
	const char *s;
	size_t entries = 0, shards = 0;

	fts_fmt(p, sizeof(p), "%s/meta", dir);
	if (!files_read(p, meta, n))
		return false;
	fts_fmt(want, sizeof(want), "%s\nkey %s\n", FTS_META_VERSION, t->key);
	if (strncmp(meta, want, strlen(want)) != 0)
		return false;
	s = strstr(meta, "\nentries ");
	if (!s || sscanf(s, "\nentries %zu\nshards %zu", &entries, &shards) != 2)
		return false;
	if (entries != c->n || shards == 0 || shards > FTS_SHARDS_MAX)
		return false;
	t->nshards = shards;
	/* every shard there, of the size it was made */
	for (size_t k = 0; k < shards; k++) {
		char tag[64], sp[FTS_PATH];
		unsigned long long size;
		struct stat st;

		fts_fmt(tag, sizeof(tag), "\nshard %zu ", k);
		s = strstr(meta, tag);
		fts_shard_path(sp, sizeof(sp), dir, k);
		if (!s || sscanf(s + strlen(tag), "%llu", &size) != 1 || stat(sp, &st) != 0 ||
		    (unsigned long long)st.st_size != size)
			return false;
	}
	return true;
}

void *fts_check_run(void *ud)
{
	struct corpus *c = ud;
	struct fts *t = c->text;
	char meta[16384];

	t->ok = fts_read_meta(c, t, t->final, meta, sizeof(meta));
	for (size_t k = 0; k < t->nshards && t->ok && !atomic_load(&t->cancel); k++) {
		char p[FTS_PATH], tag[128];
		uint64_t sum, size;

		fts_shard_path(p, sizeof(p), t->final, k);
		t->ok = files_checksum(p, &sum, &size);
		fts_fmt(tag, sizeof(tag), "\nshard %zu %llu %016llx\n", k, (unsigned long long)size,
			 (unsigned long long)sum);
		t->ok = t->ok && strstr(meta, tag) != NULL;
		atomic_store(&t->done, (k + 1) * t->total / t->nshards);
	}
	if (t->ok && !atomic_load(&t->cancel)) {
		/* and the list saved with them: the checked stamp vouches for all */
		char p[FTS_PATH], tag[128];
		uint64_t sum, size;

		fts_fmt(p, sizeof(p), "%s/list.db", t->final);
		t->ok = files_checksum(p, &sum, &size);
		fts_fmt(tag, sizeof(tag), "\nlist %llu %016llx\n", (unsigned long long)size, (unsigned long long)sum);
		t->ok = t->ok && strstr(meta, tag) != NULL;
	}
	if (!t->ok)
		fts_fmt(t->err, sizeof(t->err), "its checksums do not match");
	t->finished_at = now_ms();
	atomic_store(&t->finished, 1);
	return NULL;
}

