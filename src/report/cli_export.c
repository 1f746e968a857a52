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

/* Cables a batch holds: enough work to be worth a thread (tens of
 * milliseconds), little enough memory (a few megabytes of output). */
#define BATCH 512
#define WORKERS_MAX 8
/* Below this many cables one thread does it all. */
#define PARALLEL_MIN 2048

/* Between two cables of --text. */
#define TEXT_SEPARATOR "\n\f\n"

struct batch {
	const uint32_t *rows;
	size_t n;
	struct buf out;
	size_t written, hits, gave_up;
};

struct worker {
	struct corpus *c;
	const struct cli_out *o;
	struct corpus_parser *p;
	struct batch *b;
	const struct cable *cur;
	struct search *grep;    /* a search of its own: its match data are not to share */
	size_t kept;            /* the hits of the cable written */
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

static void *run_batch(void *ud)
{
	struct worker *w = ud;

	for (size_t i = 0; i < w->b->n; i++) {
		const struct cable *c = corpus_parser_get(w->p, w->b->rows[i]);

		if (c)
			emit(w, c);
	}
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
	struct batch b[WORKERS_MAX];

	memset(r, 0, sizeof(*r));
	memset(b, 0, sizeof(b));
	for (size_t k = 0; k < nw; k++) {
		char err[256];

		w[k] = (struct worker){ c, o, corpus_parser_new(c), &b[k], NULL, NULL, 0, 0 };
		if (o->grep)
			w[k].grep = o->grep[0] == '~' ? search_new(o->grep + 1, err, sizeof(err))
						      : search_new_words(o->grep, err, sizeof(err));
	}
	/* a round: a batch for each worker, the batches put out in order */
	for (size_t at = 0; at < n && !r->write_failed;) {
		size_t used = 0;

		for (; used < nw && at < n; used++) {
			b[used].rows = rows + at;
			b[used].n = n - at < BATCH ? n - at : BATCH;
			at += b[used].n;
		}
		{
			bool started[WORKERS_MAX] = { false };

			for (size_t k = 1; k < used; k++)
				started[k] = thread_start(&w[k].th, run_batch, &w[k]) == 0;
			run_batch(&w[0]);
			for (size_t k = 1; k < used; k++) {
				if (started[k])
					pthread_join(w[k].th, NULL);
				else
					run_batch(&w[k]);   /* no thread to be had: here */
			}
		}
		for (size_t k = 0; k < used; k++)
			put_out(o, &b[k], f, r);
		/* the dump's pages read by the round: given back */
		if (at)
			corpus_pass_done(c, rows[at - 1]);
		if (o->progress)
			o->progress(at, o->progress_ud);
	}
	for (size_t k = 0; k < nw; k++) {
		corpus_parser_free(w[k].p);
		search_free(w[k].grep);
		buf_free(&b[k].out);
	}
}
