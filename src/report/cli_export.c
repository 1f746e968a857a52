/* cli_export.c -- the chosen cables written on every core. */
#include "config.h"
#include "report/cli_export.h"
#include "corpus/threads.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "doc/export.h"
#include "report/grep.h"
#include "base/util.h"

/* Cables a batch holds: a few milliseconds of work, so that the cores
 * end together (batches of a round each, started and joined together,
 * left a core idle a seventh of the time while the other finished its
 * larger one). */
#define BATCH 128
#define WORKERS_MAX 8
/* Batches on their way (taken, not yet put out) for each worker: their
 * output waits in memory for the ones before it. */
#define AHEAD_PER_WORKER 4
#define SLOTS (WORKERS_MAX * AHEAD_PER_WORKER)
/* Below this many cables one thread does it all. */
#define PARALLEL_MIN 2048

/* Between two cables of --text. */
#define TEXT_SEPARATOR "\n\f\n"

enum { B_FREE, B_TAKEN, B_DONE };

struct batch {
	const uint32_t *rows;
	size_t n;
	struct buf out;
	size_t written, hits, gave_up;
	int state;
};

/* The batches, taken by the workers in order and put out in order by the
 * calling thread, which works too while the next to put out is not done. */
struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const uint32_t *rows;
	size_t n;
	size_t next;            /* the next batch to take */
	size_t head;            /* the next to put out */
	size_t nb, ahead;       /* batches in all; on their way at most */
	bool stop;
	struct batch b[SLOTS];
};

struct worker {
	struct corpus *c;
	const struct cli_out *o;
	struct corpus_parser *p;
	struct batch *b;
	const struct cable *cur;
	struct search *grep;    /* a search of its own: its match data are not to share */
	size_t kept;            /* the hits of the cable written */
	struct queue *q;
	pthread_t th;
};

static void one_hit(const struct hit *h, void *ud)
{
	struct worker *w = ud;

	if (w->o->filter && !cfilter_para_ok_at(w->o->filter, w->cur, h->para))
		return;         /* para=: not a paragraph at that marking */
	w->kept++;
	if (w->o->json)
		grep_json(&w->b->out, w->cur, h);
	else
		grep_line(&w->b->out, w->cur, h);
}

/* Writes cable @c into the batch; in text, every cable after a separator
 * (the first of the whole output loses its own when it is put out). */
static void emit(struct worker *w, const struct cable *c)
{
	struct batch *b = w->b;

	if (w->o->id && strcmp(c->id, w->o->id) != 0)
		return;
	w->cur = c;
	if (w->o->grep) {
		if (!w->grep)
			return;     /* it compiled once already: it cannot fail now but for memory */
		size_t before = search_gave_up(w->grep);

		w->kept = 0;
		grep_cable(c, w->grep, one_hit, w);
		b->gave_up += search_gave_up(w->grep) != before;
		b->hits += w->kept;
		if (!w->kept)
			return;
	} else if (w->o->json) {
		export_json(&b->out, c);
	} else {
		buf_adds(&b->out, TEXT_SEPARATOR);
		if (w->o->cite)
			export_cite(&b->out, c);
		export_text(&b->out, c, w->o->width);
	}
	b->written++;
}

static void run_batch(struct worker *w)
{
	for (size_t i = 0; i < w->b->n; i++) {
		const struct cable *c = corpus_parser_get(w->p, w->b->rows[i]);

		if (c)
			emit(w, c);
	}
}

/* The next batch taken (the queue's lock held): false when none is left,
 * or none may be taken before the oldest is put out. */
static bool take(struct queue *q, struct worker *w)
{
	struct batch *b;

	if (q->stop || q->next >= q->nb || q->next - q->head >= q->ahead)
		return false;
	b = &q->b[q->next % SLOTS];
	b->rows = q->rows + q->next * BATCH;
	b->n = MIN((size_t)BATCH, q->n - q->next * BATCH);
	b->state = B_TAKEN;
	q->next++;
	w->b = b;
	return true;
}

/* The batch taken, done (the lock held on both sides). */
static void work(struct queue *q, struct worker *w)
{
	pthread_mutex_unlock(&q->mu);
	run_batch(w);
	pthread_mutex_lock(&q->mu);
	w->b->state = B_DONE;
	pthread_cond_broadcast(&q->cv);
}

static void *worker_main(void *ud)
{
	struct worker *w = ud;
	struct queue *q = w->q;

	pthread_mutex_lock(&q->mu);
	while (!q->stop && q->next < q->nb) {
		if (take(q, w))
			work(q, w);
		else
			pthread_cond_wait(&q->cv, &q->mu);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}
/* Puts batch @b out, after @r->written cables. */
static void put_out(const struct cli_out *o, struct batch *b, FILE *f, struct cli_result *r)
{
	struct str s = buf_str(&b->out);

	if (!o->json && !o->grep && r->written == 0 && b->written)
		s = str_make(s.p + strlen(TEXT_SEPARATOR), s.n - strlen(TEXT_SEPARATOR));
	if (s.n && !r->write_failed && fwrite(s.p, 1, s.n, f) != s.n)
		r->write_failed = true;
	r->written += b->written;
	r->hits += b->hits;
	r->gave_up += b->gave_up;
	buf_clear(&b->out);
	b->written = b->hits = b->gave_up = 0;
}

void cli_export(struct corpus *c, const uint32_t *rows, size_t n, const struct cli_out *o, FILE *f,
		struct cli_result *r)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nw;

	/* PILCROW_WORKERS=N: that many (1 to 8), whatever the cores and the
	 * cables, so that the tests can hold every count to one's output */
	if (getenv("PILCROW_WORKERS") && atoi(getenv("PILCROW_WORKERS")) > 0)
		nw = (size_t)MIN(atoi(getenv("PILCROW_WORKERS")), WORKERS_MAX);
	else
		nw = n < PARALLEL_MIN || cores < 2 ? 1 : cores > WORKERS_MAX ? WORKERS_MAX : (size_t)cores;
	struct worker w[WORKERS_MAX];
	struct queue *q = xcalloc(1, sizeof(*q));
	bool started[WORKERS_MAX] = { false };

	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->cv, NULL);
	q->rows = rows;
	q->n = n;
	q->nb = (n + BATCH - 1) / BATCH;
	q->ahead = nw * AHEAD_PER_WORKER;
	for (size_t k = 0; k < nw; k++) {
		char err[256];

		w[k] = (struct worker){ c, o, corpus_parser_new(c), NULL, NULL, NULL, 0, q, 0 };
		if (o->grep)
			w[k].grep = o->grep[0] == '~' ? search_new(o->grep + 1, err, sizeof(err))
						      : search_new_words(o->grep, err, sizeof(err));
	}
	for (size_t k = 1; k < nw; k++)
		started[k] = thread_start(&w[k].th, worker_main, &w[k]) == 0;
	/* this thread puts the batches out in order, and takes one itself
	 * while the oldest is not done (all of them, with no other thread) */
	pthread_mutex_lock(&q->mu);
	while (q->head < q->nb && !r->write_failed) {
		struct batch *b = &q->b[q->head % SLOTS];

		if (b->state == B_DONE) {
			pthread_mutex_unlock(&q->mu);
			put_out(o, b, f, r);
			/* the dump's pages read by the batches so far: given back */
			corpus_pass_done(c, b->rows[b->n - 1]);
			if (o->progress)
				o->progress((size_t)(b->rows - rows) + b->n, o->progress_ud);
			pthread_mutex_lock(&q->mu);
			b->state = B_FREE;
			q->head++;
			pthread_cond_broadcast(&q->cv);
		} else if (take(q, &w[0])) {
			work(q, &w[0]);
		} else {
			pthread_cond_wait(&q->cv, &q->mu);
		}
	}
	q->stop = true;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
	for (size_t k = 1; k < nw; k++)
		if (started[k])
			pthread_join(w[k].th, NULL);
	for (size_t k = 0; k < nw; k++) {
		corpus_parser_free(w[k].p);
		search_free(w[k].grep);
	}
	for (size_t k = 0; k < SLOTS; k++)
		buf_free(&q->b[k].out);
	pthread_cond_destroy(&q->cv);
	pthread_mutex_destroy(&q->mu);
	free(q);
}
