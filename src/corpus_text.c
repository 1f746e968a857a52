/* corpus_text.c -- a corpus's full-text index: finding it, building it in
 * the background, checking it, asking it. */
#include "config.h"
#include "corpus_text.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "corpus_internal.h"
#include "corpus_store.h"
#include "parse.h"
#include "textcache.h"
#include "textrows.h"
#include "tindex.h"
#include "util.h"

#define META_VERSION "pilcrow text index 1"
#define SHARDS_MAX 8

enum job { JOB_NONE, JOB_BUILD, JOB_CHECK };

/* snprintf for paths and messages, cut where they do not fit (a path
 * longer than PATH_MAX is not one that can be opened anyway) */
static void fmt(char *out, size_t n, const char *f, ...) PRINTF_LIKE(3, 4);
static void fmt(char *out, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(out, n, f, ap);
	va_end(ap);
}

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
	size_t total;
	bool ok;
	char err[512];
};

/* One shard's builder: its run of entries, its parser. */
struct worker {
	struct corpus *c;
	struct ctext *t;
	size_t from, to, k;
	struct tshard *shard;
	struct cable cable;
	bool parsed;
	struct buf scratch;
	int64_t base;
	bool ok;
	pthread_t th;
	char err[256];
};

static void drop_report(const char *line, void *ud)
{
	(void)line;
	(void)ud;       /* the main reading told it already */
}

static bool worker_parsed(struct str text, const struct record_meta *meta, void *ud)
{
	struct worker *w = ud;

	w->parsed = parse_cable(&w->cable, text, meta);
	return true;
}

static bool add_row(unsigned row, struct str text, void *ud)
{
	struct worker *w = ud;

	if (!tshard_add(w->shard, w->base + row, text)) {
		w->ok = false;
		return false;
	}
	return true;
}

static void *worker_run(void *ud)
{
	struct worker *w = ud;
	struct corpus *c = w->c;
	struct source_stats st;
	struct source_reader *r;

	memset(&st, 0, sizeof(st));
	st.report = drop_report;
	r = source_reader_new(worker_parsed, w, &st);
	cable_init(&w->cable);
	w->ok = true;
	for (size_t i = w->from; i < w->to && w->ok && !atomic_load(&w->t->cancel); i++) {
		const struct centry *e = &c->e[i];
		const struct csource *s = &c->src[e->source];

		atomic_fetch_add(&w->t->done, 1);
		if (e->format != FORMAT_CSV || !s->l.data.p || e->offset + e->length > s->l.data.n)
			continue;
		w->parsed = false;
		source_reader_csv_record(r, s->path, str_make(s->l.data.p + e->offset, e->length),
					 e->offset + s->base);
		if (!w->parsed)
			continue;
		w->base = (int64_t)i * TINDEX_ROWS;
		text_rows(&w->cable, &w->scratch, add_row, w);
	}
	if (!w->ok)
		fmt(w->err, sizeof(w->err), "cannot write the index: %s", "the disk may be full");
	source_reader_free(r);
	cable_free(&w->cable);
	buf_free(&w->scratch);
	return NULL;
}

static void shard_path(char *out, size_t n, const char *dir, size_t k)
{
	fmt(out, n, "%s/text-%zu.db", dir, k);
}

/* The size, mtime and inode of each shard, as the checked file keeps them. */
static void shard_stamp(const struct ctext *t, const char *dir, struct buf *out)
{
	for (size_t k = 0; k < t->nshards; k++) {
		char p[TEXTCACHE_PATH];
		struct stat st;

		shard_path(p, sizeof(p), dir, k);
		if (stat(p, &st) != 0)
			memset(&st, 0, sizeof(st));
		buf_printf(out, "%zu %lld %lld.%09ld %llu\n", k, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			   (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
	}
}

static void *build_run(void *ud)
{
	struct corpus *c = ud;
	struct ctext *t = c->text;
	struct worker w[SHARDS_MAX];
	struct buf meta = { 0 }, stamp = { 0 };
	size_t ns = t->nshards;
	char p[TEXTCACHE_PATH];

	memset(w, 0, sizeof(w));
	t->ok = true;
	/* the list index first: the next open loads it instead of reading */
	fmt(p, sizeof(p), "%s/list.db", t->part);
	t->ok = corpus_store_save(c, p, t->err, sizeof(t->err));
	for (size_t k = 0; k < ns && t->ok; k++) {
		w[k].c = c;
		w[k].t = t;
		w[k].k = k;
		w[k].from = c->n * k / ns;
		w[k].to = c->n * (k + 1) / ns;
		shard_path(p, sizeof(p), t->part, k);
		w[k].shard = tshard_create(p, t->err, sizeof(t->err));
		if (!w[k].shard)
			t->ok = false;
	}
	if (t->ok) {
		for (size_t k = 1; k < ns; k++)
			pthread_create(&w[k].th, NULL, worker_run, &w[k]);
		worker_run(&w[0]);
		for (size_t k = 1; k < ns; k++)
			pthread_join(w[k].th, NULL);
	}
	buf_printf(&meta, "%s\nkey %s\nentries %zu\nshards %zu\n%s", META_VERSION, t->key, c->n, ns, t->desc);
	for (size_t k = 0; k < ns; k++) {
		char e[256];

		if (!w[k].shard)
			continue;
		if (t->ok && !w[k].ok) {
			fmt(t->err, sizeof(t->err), "%s", w[k].err);
			t->ok = false;
		}
		if (!t->ok || atomic_load(&t->cancel)) {
			tshard_abandon(w[k].shard);
			continue;
		}
		if (!tshard_finish(w[k].shard, e, sizeof(e))) {
			fmt(t->err, sizeof(t->err), "cannot write the index: %s", e);
			t->ok = false;
		}
	}
	for (size_t k = 0; k < ns && t->ok && !atomic_load(&t->cancel); k++) {
		uint64_t sum, size;

		shard_path(p, sizeof(p), t->part, k);
		if (!textcache_checksum(p, &sum, &size)) {
			fmt(t->err, sizeof(t->err), "cannot read back %s", p);
			t->ok = false;
		}
		buf_printf(&meta, "shard %zu %llu %016llx\n", k, (unsigned long long)size, (unsigned long long)sum);
	}
	if (t->ok) {
		uint64_t sum, size;

		fmt(p, sizeof(p), "%s/list.db", t->part);
		t->ok = textcache_checksum(p, &sum, &size);
		buf_printf(&meta, "list %llu %016llx\n", (unsigned long long)size, (unsigned long long)sum);
	}
	if (atomic_load(&t->cancel))
		t->ok = false;
	if (t->ok) {
		/* complete: the meta file, then the directory under its name */
		fmt(p, sizeof(p), "%s/meta", t->part);
		shard_stamp(t, t->part, &stamp);
		if (!textcache_write(p, meta.p)) {
			fmt(t->err, sizeof(t->err), "cannot write %s", p);
			t->ok = false;
		} else {
			fmt(p, sizeof(p), "%s/checked", t->part);
			textcache_write(p, stamp.p);
			if (rename(t->part, t->final) != 0) {
				fmt(t->err, sizeof(t->err), "cannot put the index in place at %s", t->final);
				t->ok = false;
			}
		}
	}
	if (!t->ok)
		textcache_remove(t->part);   /* a half-built index is never kept */
	buf_free(&meta);
	buf_free(&stamp);
	atomic_store(&t->finished, 1);
	return NULL;
}

/* Reads the meta file of @dir: true when it is of these inputs and whole. */
static bool read_meta(struct corpus *c, struct ctext *t, const char *dir, char *meta, size_t n)
{
	char p[TEXTCACHE_PATH], want[128];
	const char *s;
	size_t entries = 0, shards = 0;

	fmt(p, sizeof(p), "%s/meta", dir);
	if (!textcache_read(p, meta, n))
		return false;
	fmt(want, sizeof(want), "%s\nkey %s\n", META_VERSION, t->key);
	if (strncmp(meta, want, strlen(want)) != 0)
		return false;
	s = strstr(meta, "\nentries ");
	if (!s || sscanf(s, "\nentries %zu\nshards %zu", &entries, &shards) != 2)
		return false;
	if (entries != c->n || shards == 0 || shards > SHARDS_MAX)
		return false;
	t->nshards = shards;
	/* every shard there, of the size it was made */
	for (size_t k = 0; k < shards; k++) {
		char tag[64], sp[TEXTCACHE_PATH];
		unsigned long long size;
		struct stat st;

		fmt(tag, sizeof(tag), "\nshard %zu ", k);
		s = strstr(meta, tag);
		shard_path(sp, sizeof(sp), dir, k);
		if (!s || sscanf(s + strlen(tag), "%llu", &size) != 1 || stat(sp, &st) != 0 ||
		    (unsigned long long)st.st_size != size)
			return false;
	}
	return true;
}

static void *check_run(void *ud)
{
	struct corpus *c = ud;
	struct ctext *t = c->text;
	char meta[16384];

	t->ok = read_meta(c, t, t->final, meta, sizeof(meta));
	for (size_t k = 0; k < t->nshards && t->ok && !atomic_load(&t->cancel); k++) {
		char p[TEXTCACHE_PATH], tag[128];
		uint64_t sum, size;

		shard_path(p, sizeof(p), t->final, k);
		t->ok = textcache_checksum(p, &sum, &size);
		fmt(tag, sizeof(tag), "\nshard %zu %llu %016llx\n", k, (unsigned long long)size,
			 (unsigned long long)sum);
		t->ok = t->ok && strstr(meta, tag) != NULL;
		atomic_store(&t->done, (k + 1) * t->total / t->nshards);
	}
	if (!t->ok)
		fmt(t->err, sizeof(t->err), "its checksums do not match");
	atomic_store(&t->finished, 1);
	return NULL;
}

static size_t cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > SHARDS_MAX ? SHARDS_MAX : (size_t)n;
}

static void start_job(struct corpus *c, enum job job)
{
	struct ctext *t = c->text;

	t->job = job;
	atomic_store(&t->done, 0);
	atomic_store(&t->finished, 0);
	atomic_store(&t->cancel, 0);
	t->total = c->n;
	t->err[0] = '\0';
	if (pthread_create(&t->th, NULL, job == JOB_BUILD ? build_run : check_run, c) != 0) {
		t->job = JOB_NONE;
		t->state = CT_OFF;
		fmt(t->reason, sizeof(t->reason), "cannot start a thread for the index");
	}
}

static void open_ready(struct corpus *c)
{
	struct ctext *t = c->text;
	char *paths[SHARDS_MAX], buf[SHARDS_MAX][TEXTCACHE_PATH], err[512];

	for (size_t k = 0; k < t->nshards; k++) {
		shard_path(buf[k], sizeof(buf[k]), t->final, k);
		paths[k] = buf[k];
	}
	t->ti = tindex_open(paths, t->nshards, err, sizeof(err));
	if (t->ti) {
		t->state = CT_READY;
	} else {
		t->state = CT_OFF;
		fmt(t->reason, sizeof(t->reason), "the text index cannot be opened (%s): searches scan", err);
	}
}

/* A damaged index: set aside, and built again when we may. */
static void set_aside(struct corpus *c, const char *why)
{
	struct ctext *t = c->text;
	char to[TEXTCACHE_PATH];

	tindex_close(t->ti);
	t->ti = NULL;
	if (textcache_set_aside(t->dir, t->key, to, sizeof(to)))
		fmt(t->reason, sizeof(t->reason), "the text index was damaged (%s): set aside as %s", why, to);
	else
		fmt(t->reason, sizeof(t->reason), "the text index is damaged (%s) and cannot be set aside", why);
	t->state = CT_OFF;
}

/* Finds the index, or starts building it when @build. */
static void look(struct corpus *c, bool build)
{
	struct ctext *t = c->text;
	char meta[16384], stamp[4096];
	struct buf now = { 0 };
	struct stat st;

	if (stat(t->final, &st) == 0) {
		if (!read_meta(c, t, t->final, meta, sizeof(meta))) {
			set_aside(c, "it is not whole, or not of these files");
			if (!build)
				return;
		} else {
			/* checked before, and not touched since: used at once */
			char p[TEXTCACHE_PATH];

			fmt(p, sizeof(p), "%s/checked", t->final);
			shard_stamp(t, t->final, &now);
			if (textcache_read(p, stamp, sizeof(stamp)) && now.p && strcmp(stamp, now.p) == 0) {
				buf_free(&now);
				open_ready(c);
				return;
			}
			buf_free(&now);
			t->state = CT_CHECKING;
			start_job(c, JOB_CHECK);
			return;
		}
	}
	if (!build) {
		if (t->state != CT_OFF)
			t->state = CT_NONE;
		return;
	}
	textcache_sweep(t->dir, t->key);
	t->lockfd = textcache_lock(t->dir, t->key);
	if (t->lockfd < 0) {
		/* another pilcrow builds it: scan meanwhile, look again later */
		t->state = CT_WAITING;
		t->next_look = now_ms() + 1000;
		return;
	}
	if (stat(t->final, &st) == 0) {
		/* it was finished while we took the lock */
		textcache_unlock(t->lockfd);
		t->lockfd = -1;
		look(c, false);
		return;
	}
	fmt(t->part, sizeof(t->part), "%s/%s.part-%ld", t->dir, t->key, (long)getpid());
	textcache_remove(t->part);
	if (mkdir(t->part, 0700) != 0) {
		textcache_unlock(t->lockfd);
		t->lockfd = -1;
		t->state = CT_OFF;
		fmt(t->reason, sizeof(t->reason), "cannot make %s: searches scan", t->part);
		return;
	}
	t->nshards = cores();
	t->state = CT_BUILDING;
	start_job(c, JOB_BUILD);
}

void corpus_text_start(struct corpus *c, bool build, bool autobuild)
{
	struct ctext *t;
	char *paths[64], err[512];
	size_t np = 0;
	const char *min = getenv("PILCROW_INDEX_MIN");
	size_t want = min && *min ? strtoul(min, NULL, 10) : CT_AUTO_MIN;

	if (c->text || !c->done)
		return;
	t = c->text = xcalloc(1, sizeof(*t));
	t->lockfd = -1;
	/* only a dump (or its pieces) has an index */
	for (size_t i = 0; i < c->nsrc; i++) {
		if (c->src[i].kind == SRC_STITCH)
			continue;
		if (c->src[i].kind != SRC_CSV || strcmp(c->src[i].path, "-") == 0 || np == 64) {
			t->state = CT_NONE;
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
	if (!textcache_dir(t->dir, sizeof(t->dir), err, sizeof(err)) ||
	    !textcache_key(paths, np, t->key, t->desc, sizeof(t->desc), err, sizeof(err))) {
		t->state = CT_OFF;
		fmt(t->reason, sizeof(t->reason), "no text index (%s): searches scan", err);
		return;
	}
	fmt(t->final, sizeof(t->final), "%s/%s", t->dir, t->key);
	t->may_build = build;
	look(c, build);
}

bool corpus_text_poll(struct corpus *c)
{
	struct ctext *t = c->text;

	if (!t)
		return false;
	if (t->state == CT_WAITING && now_ms() >= t->next_look) {
		struct stat st;

		t->next_look = now_ms() + 1000;
		if (stat(t->final, &st) == 0) {
			look(c, false);
			return true;
		}
		/* the other one stopped without finishing: build it here, or scan */
		look(c, t->may_build);
		return t->state != CT_WAITING;
	}
	if (t->job == JOB_NONE || !atomic_load(&t->finished))
		return false;
	pthread_join(t->th, NULL);
	if (t->job == JOB_BUILD) {
		textcache_unlock(t->lockfd);
		t->lockfd = -1;
		t->job = JOB_NONE;
		if (t->ok) {
			open_ready(c);
		} else {
			t->state = CT_OFF;
			fmt(t->reason, sizeof(t->reason), "no text index (%s): searches scan", t->err);
		}
	} else {
		t->job = JOB_NONE;
		if (t->ok) {
			char p[TEXTCACHE_PATH];
			struct buf now = { 0 };

			fmt(p, sizeof(p), "%s/checked", t->final);
			shard_stamp(t, t->final, &now);
			textcache_write(p, now.p);
			buf_free(&now);
			open_ready(c);
		} else {
			set_aside(c, t->err);
			look(c, t->may_build);
		}
	}
	return true;
}

enum ctext_state corpus_text_state(const struct corpus *c)
{
	return c->text ? c->text->state : CT_NONE;
}

int corpus_text_percent(const struct corpus *c)
{
	const struct ctext *t = c->text;

	if (!t || !t->total)
		return 0;
	return (int)(atomic_load(&((struct ctext *)t)->done) * 100 / t->total);
}

const char *corpus_text_reason(const struct corpus *c)
{
	return c->text ? c->text->reason : "";
}

const char *corpus_text_dir(const struct corpus *c)
{
	return c->text && c->text->state == CT_READY ? c->text->final : "";
}

void corpus_text_wait(struct corpus *c, void (*progress)(int percent, void *ud), void *ud)
{
	while (c->text && (c->text->job != JOB_NONE || c->text->state == CT_WAITING)) {
		if (progress && c->text->state == CT_BUILDING)
			progress(corpus_text_percent(c), ud);
		if (!corpus_text_poll(c))
			usleep(50 * 1000);
	}
}

void corpus_text_free(struct corpus *c)
{
	struct ctext *t = c->text;

	if (!t)
		return;
	if (t->job != JOB_NONE) {
		atomic_store(&t->cancel, 1);
		pthread_join(t->th, NULL);
		if (t->job == JOB_BUILD)
			textcache_remove(t->part);
	}
	textcache_unlock(t->lockfd);
	tindex_close(t->ti);
	free(t);
	c->text = NULL;
}

bool corpus_text_load_list(struct corpus *c)
{
	char *paths[64], dir[TEXTCACHE_PATH], key[17], err[512], p[TEXTCACHE_PATH], tag[128];
	char *desc = xmalloc(8192), *meta = xmalloc(16384);
	uint64_t sum, size;
	bool ok = false;

	if (c->nsrc == 0 || c->nsrc > 64)
		goto out;
	for (size_t i = 0; i < c->nsrc; i++) {
		if (c->src[i].kind != SRC_PENDING || strcmp(c->src[i].path, "-") == 0)
			goto out;
		paths[i] = c->src[i].path;
	}
	/* quietly: no cache, or no index of these files, is no list to load */
	if (!textcache_dir(dir, sizeof(dir), err, sizeof(err)) ||
	    !textcache_key(paths, c->nsrc, key, desc, 8192, err, sizeof(err)))
		goto out;
	fmt(p, sizeof(p), "%s/%s/meta", dir, key);
	fmt(tag, sizeof(tag), "%s\nkey %s\n", META_VERSION, key);
	if (!textcache_read(p, meta, 16384) || strncmp(meta, tag, strlen(tag)) != 0)
		goto out;
	fmt(p, sizeof(p), "%s/%s/list.db", dir, key);
	if (!textcache_checksum(p, &sum, &size))
		goto out;
	fmt(tag, sizeof(tag), "\nlist %llu %016llx\n", (unsigned long long)size, (unsigned long long)sum);
	/* a list that is not as it was made is read again from the dump */
	if (!strstr(meta, tag))
		goto out;
	ok = corpus_store_load(c, p);
out:
	free(desc);
	free(meta);
	return ok;
}

/* ---------------------------------------------------------------- asking */

/* The length of the word character at @s (a letter or digit), or 0. */
static size_t word_char(const char *s, size_t n)
{
	ucs4_t uc;
	int len;

	if ((unsigned char)*s < 0x80)
		return ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')) ? 1 : 0;
	len = u8_mbtouc(&uc, (const uint8_t *)s, n);
	if (len <= 0 || uc == 0xFFFD)
		return 0;
	return uc_is_general_category(uc, UC_CATEGORY_L) || uc_is_general_category(uc, UC_CATEGORY_N) ? (size_t)len : 0;
}

bool corpus_text_query(const char *pattern, char *out, size_t n)
{
	struct buf q = { 0 };
	const char *p = pattern;
	bool ok = true;

	if (strncmp(p, "(?-i)", 5) == 0)
		return false;   /* case asked for: the index folds it */
	while (ok) {
		const char *bar = strchr(p, '|'), *end = bar ? bar : p + strlen(p);
		size_t words = 0;
		bool prefix = false;

		if (q.n)
			buf_adds(&q, " OR ");
		buf_addc(&q, '"');
		for (const char *s = p; s < end && ok;) {
			size_t w = word_char(s, (size_t)(end - s));

			if (!w) {
				if (*s == '*')
					ok = words > 0 && !prefix && (s + 1 == end || word_char(s + 1, (size_t)(end - s - 1)) == 0);
				if (*s == '*')
					prefix = true;
				s++;
				continue;
			}
			if (prefix)
				ok = false;     /* a prefix before another word: the index cannot */
			if (words++)
				buf_addc(&q, ' ');
			while (s < end && (w = word_char(s, (size_t)(end - s))) > 0) {
				buf_add(&q, s, w);
				s += w;
			}
		}
		buf_addc(&q, '"');
		if (prefix)
			buf_addc(&q, '*');
		if (!words)
			ok = false;
		if (!bar)
			break;
		p = bar + 1;
	}
	ok = ok && q.n < n;
	if (ok)
		fmt(out, n, "%s", q.p);
	buf_free(&q);
	return ok;
}

bool corpus_text_can_rank(const struct corpus *c, const struct cfilter *f)
{
	char q[2048];

	if (corpus_text_state(c) != CT_READY)
		return false;
	for (size_t i = 0; i < f->n; i++) {
		const struct cf_term *t = &f->terms[i];

		if (!cf_reads_text(t) || t->negate || t->op == CF_NE || !t->words || !t->pattern)
			continue;
		if (t->field == CF_NEAR ? corpus_text_near_query(t->pattern, t->near_dist, q, sizeof(q))
					: corpus_text_query(t->pattern, q, sizeof(q)))
			return true;
	}
	return false;
}

bool corpus_text_near_query(const char *words, int dist, char *out, size_t n)
{
	struct buf q = { 0 };
	bool ok = strncmp(words, "(?-i)", 5) != 0;

	buf_adds(&q, "NEAR(");
	for (const char *w = words; *w && ok;) {
		const char *e = w + strcspn(w, " \t");
		size_t k;

		if (e == w) {
			w++;
			continue;
		}
		if (q.n > 5)
			buf_addc(&q, ' ');
		buf_addc(&q, '"');
		for (const char *s = w; s < e; s += k) {
			k = word_char(s, (size_t)(e - s));
			if (!k) {
				/* only a * at the end: a prefix */
				ok = *s == '*' && s + 1 == e;
				break;
			}
			buf_add(&q, s, k);
		}
		buf_addc(&q, '"');
		if (e > w && e[-1] == '*')
			buf_addc(&q, '*');
		w = e;
	}
	buf_printf(&q, ", %d)", dist);
	ok = ok && q.n < n;
	if (ok)
		snprintf(out, n, "%s", q.p);
	buf_free(&q);
	return ok;
}

bool corpus_text_term(struct corpus *c, const struct cf_term *t, uint32_t **entries, double **score,
		      size_t *n)
{
	struct ctext *x = c->text;
	char q[2048], err[512];
	int64_t *rows = NULL;
	double *sc = NULL;
	size_t nr = 0, cap = 0, m = 0;
	enum tq_result r;

	*n = 0;
	if (!x || x->state != CT_READY || !cf_reads_text(t) || !t->words || !t->pattern)
		return false;
	if (t->field == CF_NEAR ? !corpus_text_near_query(t->pattern, t->near_dist, q, sizeof(q))
				: !corpus_text_query(t->pattern, q, sizeof(q)))
		return false;
	r = tindex_query(x->ti, q, &rows, score ? &sc : NULL, &nr, &cap, err, sizeof(err));
	if (r != TQ_OK) {
		free(rows);
		free(sc);
		if (r == TQ_BROKEN)
			set_aside(c, err);
		return false;
	}
	*entries = xmalloc((nr ? nr : 1) * sizeof(**entries));
	if (score)
		*score = xmalloc((nr ? nr : 1) * sizeof(**score));
	for (size_t i = 0; i < nr; i++) {
		uint32_t e = tindex_entry(rows[i]);

		if (e >= c->n)
			continue;       /* not of this corpus: never answered */
		if (m && (*entries)[m - 1] == e) {
			if (score && sc[i] < (*score)[m - 1])
				(*score)[m - 1] = sc[i];
			continue;
		}
		(*entries)[m] = e;
		if (score)
			(*score)[m] = sc[i];
		m++;
	}
	*n = m;
	free(rows);
	free(sc);
	return true;
}
