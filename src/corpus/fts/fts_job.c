/* fts_job.c -- a filter's words asked of the full-text index on a thread
 * of their own, so that no key waits for an answer and Esc drops it at
 * once.  Each term's answer is folded, as it comes, into one set of the
 * entries that pass every term answered so far (a bit an entry), so that
 * memory follows the corpus and the largest answer, never the number of
 * terms.  A prefix that stands for very many words is asked in pieces of
 * its words (the shard's vocabulary, in order), each piece a short
 * question that the cancel flag can end between two: FTS5 merges all the
 * words of a prefix in one call, which nothing can interrupt. */
#include "config.h"
#include "corpus/fts/fts_internal.h"
#include "corpus/threads.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus/corpus_internal.h"
#include "search/filter.h"

/* Words a piece: few enough that a piece takes milliseconds, many enough
 * that a prefix of a few thousand words is a few dozen pieces. */
#define PIECE_WORDS 64

struct tterm {
	size_t index;           /* in the filter */
	char *q;                /* its FTS5 query (of the column x; para=: of m) */
	bool whole;             /* near=, para=: asked whole, not an alternative at a time */
	bool para;              /* para=: asked as it is */
	bool negative;          /* it must not hold (-word, !=) */
	bool implied;           /* para=: held by every cable the words' rows give
				 * (they stand in such a paragraph): not asked */
	bool answered;
};

struct fts_job {
	atomic_int refs, cancel, done;
	pthread_t th;
	size_t n;               /* the corpus's entries when asked */
	struct tterm *terms;
	size_t nterms;
	bool *answered;         /* by the filter's term number */
	size_t nfilter;
	char *cond;             /* what a row holding the words must be (para=), or NULL */
	char *paths[FTS_SHARDS_MAX];
	size_t nshards;
	bool scores, positive;
	uint64_t *pass, *bits;  /* passing every term so far; this term's */
	double *score, *tscore; /* the sum of the terms' scores; this term's best */
	uint32_t *touched;      /* this term's entries (for its scores) */
	size_t ntouched, cap_touched;
	bool broken;
	char err[512];
};

/* Threads still running, dropped or not: waited for when the index closes. */
static atomic_int running;

/* The threads that have ended, to be joined: each is joinable, so that
 * its stack and its thread-local memory are given back before pilcrow
 * ends (a detached thread may still be ending then). */
static pthread_mutex_t ended_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t *ended;
static size_t nended, cap_ended;

static void thread_ended(pthread_t th)
{
	pthread_mutex_lock(&ended_lock);
	grow_array((void **)&ended, &cap_ended, nended + 1, sizeof(*ended));
	ended[nended++] = th;
	pthread_mutex_unlock(&ended_lock);
}

/* Joins the threads that have ended (each a moment from its end). */
static void join_ended(void)
{
	pthread_mutex_lock(&ended_lock);
	for (size_t i = 0; i < nended; i++)
		pthread_join(ended[i], NULL);
	nended = 0;
	if (!atomic_load(&running)) {
		free(ended);
		ended = NULL;
		cap_ended = 0;
	}
	pthread_mutex_unlock(&ended_lock);
}

static void job_free(struct fts_job *j)
{
	for (size_t i = 0; i < j->nterms; i++)
		free(j->terms[i].q);
	free(j->terms);
	free(j->answered);
	free(j->cond);
	for (size_t k = 0; k < j->nshards; k++)
		free(j->paths[k]);
	free(j->pass);
	free(j->bits);
	free(j->score);
	free(j->tscore);
	free(j->touched);
	free(j);
}

static void job_unref(struct fts_job *j)
{
	if (atomic_fetch_sub(&j->refs, 1) == 1)
		job_free(j);
}

static void add_row(int64_t row, double score, void *ud)
{
	struct fts_job *j = ud;
	uint32_t e = fts_shards_entry(row);
	uint64_t bit;

	if (e >= j->n)
		return;                 /* not of this corpus: never answered */
	bit = (uint64_t)1 << (e % 64);
	if (!(j->bits[e / 64] & bit)) {
		j->bits[e / 64] |= bit;
		if (j->scores) {
			grow_array((void **)&j->touched, &j->cap_touched, j->ntouched + 1, sizeof(*j->touched));
			j->touched[j->ntouched++] = e;
			j->tscore[e] = score;
		}
	} else if (j->scores && score < j->tscore[e]) {
		j->tscore[e] = score;   /* the entry's best paragraph */
	}
}

/* A single word with a * after it, ASCII: "word"* -> word (lower-cased as
 * the index folds it) into @w.  Other prefixes are asked whole. */
static bool lone_prefix(const char *alt, size_t len, char *w, size_t wsize)
{
	size_t k = 0;

	if (len < 4 || alt[0] != '"' || alt[len - 2] != '"' || alt[len - 1] != '*' || len - 3 >= wsize)
		return false;
	for (size_t i = 1; i < len - 2; i++) {
		unsigned char ch = (unsigned char)alt[i];

		if (ch >= 0x80 || ch == ' ' || ch == '"')
			return false;
		w[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	w[k] = '\0';
	return k > 0;
}

/* The rows of shard @k matching @expr: words, in the column of the text,
 * in a row whose markings pass the filter's para= terms; para=, as it is. */
static enum fts_result rows_of(struct fts_job *j, struct fts_shards *ti, size_t k, const struct tterm *t, const char *expr)
{
	char *q = t->para ? NULL
			  : j->cond ? xasprintf("x : (%s) AND %s", expr, j->cond) : xasprintf("x : (%s)", expr);
	enum fts_result r = fts_shards_shard_rows(ti, k, q ? q : expr, j->scores, add_row, j, j->err, sizeof(j->err));

	free(q);
	return r;
}

/* One alternative of a term (a phrase, or a prefix) on shard @k. */
static enum fts_result ask_alt(struct fts_job *j, struct fts_shards *ti, size_t k, const struct tterm *t,
			       const char *alt, size_t len)
{
	char *q = xmalloc(len + 1), word[256];
	struct buf words = { 0 }, piece = { 0 };
	enum fts_result r;
	size_t got;
	char *after = xstrdup("");

	memcpy(q, alt, len);
	q[len] = '\0';
	if (t->para || !lone_prefix(alt, len, word, sizeof(word))) {
		r = rows_of(j, ti, k, t, q);
		goto out;
	}
	r = fts_shards_shard_words(ti, k, word, after, PIECE_WORDS + 1, &words, &got, j->err, sizeof(j->err));
	if (r != FTS_OK || got <= PIECE_WORDS) {
		/* few words: FTS5's own prefix is as quick */
		if (r == FTS_OK)
			r = rows_of(j, ti, k, t, q);
		goto out;
	}
	/* many: in pieces, each its words ORed */
	for (;;) {
		const char *w = words.p;

		buf_clear(&piece);
		for (size_t i = 0; i < got && i < PIECE_WORDS; i++) {
			if (i)
				buf_adds(&piece, " OR ");
			buf_addc(&piece, '"');
			buf_adds(&piece, w);
			buf_addc(&piece, '"');
			free(after);
			after = xstrdup(w);
			w += strlen(w) + 1;
		}
		buf_addc(&piece, '\0');
		if (atomic_load(&j->cancel)) {
			r = FTS_CANCELLED;
			break;
		}
		r = rows_of(j, ti, k, t, piece.p);
		if (r != FTS_OK || got <= PIECE_WORDS)
			break;
		buf_clear(&words);
		r = fts_shards_shard_words(ti, k, word, after, PIECE_WORDS + 1, &words, &got, j->err, sizeof(j->err));
		if (r != FTS_OK || got == 0)
			break;
	}
out:
	buf_free(&words);
	buf_free(&piece);
	free(after);
	free(q);
	return r;
}

/* Term @t on every shard, its alternatives (" OR " between quoted
 * phrases: no quote holds one) one by one; its entries into j->bits. */
static enum fts_result ask_term(struct fts_job *j, struct fts_shards *ti, const struct tterm *t)
{
	size_t words = (j->n + 63) / 64;

	memset(j->bits, 0, words * sizeof(*j->bits));
	j->ntouched = 0;
	for (size_t k = 0; k < fts_shards_shards(ti); k++) {
		const char *p = t->q;

		while (*p) {
			const char *end = p;
			bool quoted = false;
			enum fts_result r;

			if (t->whole) {
				end = p + strlen(p);
			} else {
				for (; *end && (quoted || strncmp(end, " OR ", 4) != 0); end++)
					if (*end == '"')
						quoted = !quoted;
			}
			r = ask_alt(j, ti, k, t, p, (size_t)(end - p));
			if (r != FTS_OK)
				return r;
			if (atomic_load(&j->cancel))
				return FTS_CANCELLED;
			p = *end ? end + 4 : end;
		}
	}
	return FTS_OK;
}

/* This term's answer into the set that passes them all. */
static void fold(struct fts_job *j, const struct tterm *t)
{
	size_t words = (j->n + 63) / 64;

	for (size_t w = 0; w < words; w++)
		j->pass[w] &= t->negative ? ~j->bits[w] : j->bits[w];
	if (!t->negative) {
		j->positive = true;
		/* the words order the cables, not where they stand */
		for (size_t i = 0; j->scores && !t->para && i < j->ntouched; i++)
			j->score[j->touched[i]] += j->tscore[j->touched[i]];
	}
}

static void *job_run(void *ud)
{
	struct fts_job *j = ud;
	char err[512];
	struct fts_shards *ti = fts_shards_open(j->paths, j->nshards, err, sizeof(err));

	if (!ti) {
		j->broken = true;
		fts_fmt(j->err, sizeof(j->err), "%s", err);
	}
	if (ti) {
		fts_shards_cancel_on(ti, &j->cancel);
		fts_shards_hold(ti, true);
	}
	for (size_t i = 0; ti && i < j->nterms && !atomic_load(&j->cancel); i++) {
		enum fts_result r = j->terms[i].implied ? FTS_OK : ask_term(j, ti, &j->terms[i]);

		if (r == FTS_OK && j->terms[i].implied) {
			j->terms[i].answered = true;
			j->answered[j->terms[i].index] = true;
			continue;
		}

		if (r == FTS_OK) {
			j->terms[i].answered = true;
			j->answered[j->terms[i].index] = true;
			fold(j, &j->terms[i]);
		} else if (r == FTS_BROKEN) {
			j->broken = true;
			break;
		} else if (r == FTS_CANCELLED) {
			break;
		}
		/* FTS_SYNTAX: this term is read in the cables */
	}
	if (ti)
		fts_shards_hold(ti, false);
	fts_shards_close(ti);
	atomic_store(&j->done, 1);
	job_unref(j);
	thread_ended(pthread_self());
	atomic_fetch_sub(&running, 1);
	return NULL;
}

struct fts_job *fts_ask(struct corpus *c, const struct cfilter *f, bool scores)
{
	struct fts *x = c->text;
	struct fts_job *j;
	size_t words = (c->n + 63) / 64;
	char q[2048];

	join_ended();    /* the threads of the questions before */
	if (!x || x->state != FTS_READY || !f)
		return NULL;
	j = xcalloc(1, sizeof(*j));
	j->terms = xcalloc(f->n ? f->n : 1, sizeof(*j->terms));
	j->answered = xcalloc(f->n ? f->n : 1, sizeof(*j->answered));
	j->nfilter = f->n;
	if (cfilter_has_para(f)) {
		/* the words stand in a paragraph at that marking: every row asked
		 * is one whose markings pass the para= terms */
		if (fts_row_condition(f, q, sizeof(q)))
			j->cond = xstrdup(q);   /* else none can be asked: the words are read */
	}
	for (size_t i = 0; i < f->n; i++) {
		const struct cf_term *t = &f->terms[i];

		if (t->field == CF_PARA) {
			if (!fts_para_query(t, q, sizeof(q)))
				continue;
		} else if (!cf_reads_text(t) || !t->words || !t->pattern || (cfilter_has_para(f) && !j->cond)) {
			continue;
		} else if (t->field == CF_NEAR ? !fts_near_query(t->pattern, t->near_dist, q, sizeof(q))
					       : !fts_query(t->pattern, q, sizeof(q))) {
			continue;
		}
		j->terms[j->nterms].index = i;
		j->terms[j->nterms].whole = t->field == CF_NEAR || t->field == CF_PARA;
		j->terms[j->nterms].para = t->field == CF_PARA;
		j->terms[j->nterms].q = xstrdup(q);
		j->terms[j->nterms].negative = t->negate != (t->op == CF_NE);
		j->nterms++;
	}
	if (!j->nterms) {
		job_free(j);
		return NULL;
	}
	/* para>=S iran: a cable with Iran in a SECRET paragraph has a SECRET
	 * paragraph, so the para= terms the words stand under need no question
	 * of their own (on the whole dump, the rows of every SECRET paragraph) */
	for (size_t i = 0; j->cond && i < j->nterms; i++) {
		const struct cf_term *t = &f->terms[j->terms[i].index];

		if (!j->terms[i].para || t->negate || t->op == CF_NE)
			continue;
		for (size_t k = 0; k < j->nterms; k++)
			if (!j->terms[k].para && !j->terms[k].negative)
				j->terms[i].implied = true;
	}
	j->n = c->n;
	j->scores = scores;
	j->pass = xmalloc((words ? words : 1) * sizeof(*j->pass));
	memset(j->pass, 0xFF, (words ? words : 1) * sizeof(*j->pass));
	j->bits = xcalloc(words ? words : 1, sizeof(*j->bits));
	if (scores) {
		j->score = xcalloc(c->n ? c->n : 1, sizeof(*j->score));
		j->tscore = xcalloc(c->n ? c->n : 1, sizeof(*j->tscore));
	}
	j->nshards = x->nshards;
	for (size_t k = 0; k < x->nshards; k++) {
		char p[FTS_PATH];

		fts_shard_name(x, k, p, sizeof(p));
		j->paths[k] = xstrdup(p);
	}
	/* one reference the asker's, one the thread's: whichever ends last frees */
	atomic_store(&j->refs, 2);
	atomic_fetch_add(&running, 1);
	if (thread_start(&j->th, job_run, j) != 0) {
		atomic_fetch_sub(&running, 1);
		job_free(j);
		return NULL;
	}
	return j;
}

bool fts_job_wait(struct fts_job *j, double ms)
{
	double until = now_ms() + ms;

	while (!atomic_load(&j->done)) {
		if (now_ms() >= until)
			return false;
		nanosleep(&(struct timespec){ 0, 500000 }, NULL);
	}
	return true;
}

bool fts_answer(struct corpus *c, struct fts_job *j)
{
	if (!j->broken)
		return true;
	/* damage met while it answered: the query reads the cables, the
	 * index is set aside and built again in the background */
	fts_damaged(c, j->err);
	for (size_t i = 0; i < j->nterms; i++)
		j->terms[i].answered = false;
	memset(j->answered, 0, j->nfilter * sizeof(*j->answered));
	j->positive = false;
	return false;
}

bool fts_job_answered(const struct fts_job *j, size_t term)
{
	return term < j->nfilter && j->answered[term];
}

bool fts_job_passes(const struct fts_job *j, uint32_t e)
{
	return e < j->n && (j->pass[e / 64] >> (e % 64) & 1);
}

bool fts_job_positive(const struct fts_job *j)
{
	return j->positive;
}

size_t fts_job_entries(const struct fts_job *j, uint32_t **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	for (size_t w = 0; w < (j->n + 63) / 64; w++) {
		uint64_t bits = j->pass[w];

		while (bits) {
			uint32_t e = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));

			bits &= bits - 1;
			if (e >= j->n)
				break;
			grow_array((void **)out, &cap, n + 1, sizeof(**out));
			(*out)[n++] = e;
		}
	}
	return n;
}

double fts_job_score(const struct fts_job *j, uint32_t e)
{
	return j->score && e < j->n ? j->score[e] : 0;
}

void fts_job_drop(struct fts_job *j)
{
	if (!j)
		return;
	atomic_store(&j->cancel, 1);
	job_unref(j);
}

void fts_job_quiesce(void)
{
	/* each looks at its cancel flag between SQLite's steps: milliseconds */
	while (atomic_load(&running) > 0)
		nanosleep(&(struct timespec){ 0, 500000 }, NULL);
	join_ended();
}
