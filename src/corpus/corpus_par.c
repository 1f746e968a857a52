/* corpus_par.c -- a dump's list index read on every core.  The corpus's
 * thread splits the dump into records (dump.c: the scanner that also
 * joins pieces and resynchronises after damage) and hands them on in
 * batches; each worker reads its batch's headers with a header reader of
 * its own (read_csv_head: the reader's header parse, the one the single
 * thread uses) and packs each entry (pack_entry); the corpus's thread
 * takes the batches back in file order and adds their entries
 * (add_packed: the interned strings are its own).  What the scanner meets
 * that is no plain record (a record across two pieces, one cut off, a
 * problem to report) waits until every batch before it is in, and is
 * handled as on one core: the entries, their order and the messages are
 * one core's (tests/parallel.sh holds 1, 2 and 8 workers to the same
 * bytes).  The work goes on between the corpus's steps: keys never wait
 * for a batch but at a piece's end. */
#include "config.h"
#include "corpus/corpus_internal.h"
#include "corpus/threads.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif
#include <unistd.h>

#include "base/util.h"
#include "source/csv.h"

#define PAR_BATCH 256            /* records a batch: about 3 ms of a worker's */
#define PAR_SLOTS 6              /* batches on their way at most */
#define PAR_WORKERS_MAX 8

enum { B_FREE, B_QUEUED, B_WORKING, B_DONE };

struct par_rec {
	struct csv_raw raw;
	size_t packed_at;        /* its packed entry in the batch's out */
	uint8_t result;          /* enum head_read */
};

struct par_batch {
	int state;
	uint32_t si;
	const char *path;        /* its piece's, copied: the corpus's sources may grow */
	uint64_t base;
	struct par_rec *rec;
	size_t n;
	struct buf out;
};

struct corpus_par {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t th[PAR_WORKERS_MAX];
	size_t nth;
	struct par_batch b[PAR_SLOTS];
	size_t head, tail;       /* the oldest batch not added; the next to fill (counting up) */
	bool filling;            /* b[tail % PAR_SLOTS] is being filled */
	bool stop;
};

static void *worker(void *arg)
{
	struct corpus_par *p = arg;
	struct head_reader hr;
	struct cable cab;
	struct buf scratch = { 0 };

	memset(&hr, 0, sizeof(hr));
	cable_init(&cab);
#ifdef __linux__
	/* below the corpus's thread, which answers the keys: a worker that
	 * shares its core never makes a key wait (Linux sets a thread's own
	 * niceness) */
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 5);
#endif
	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct par_batch *b = NULL;

		for (size_t k = p->head; k < p->tail && !b; k++)
			if (p->b[k % PAR_SLOTS].state == B_QUEUED)
				b = &p->b[k % PAR_SLOTS];
		if (!b) {
			if (p->stop)
				break;
			pthread_cond_wait(&p->work, &p->mu);
			continue;
		}
		b->state = B_WORKING;
		pthread_mutex_unlock(&p->mu);
		buf_clear(&b->out);
		for (size_t i = 0; i < b->n; i++) {
			struct par_rec *r = &b->rec[i];

			r->result = (uint8_t)read_csv_head(&hr, &cab, b->path, b->base, &r->raw);
			r->packed_at = b->out.n;
			if (r->result == HEAD_OK)
				pack_entry(&cab, &b->out, &scratch);
		}
		pthread_mutex_lock(&p->mu);
		b->state = B_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	cable_free(&cab);
	buf_free(&hr.hbuf);
	buf_free(&hr.tbuf);
	buf_free(&hr.dec);
	buf_free(&scratch);
	return NULL;
}

/* How many workers read a dump: PILCROW_WORKERS (the tests), else the
 * cores; one means no worker (the corpus's thread alone). */
static size_t workers_wanted(void)
{
	const char *env = getenv("PILCROW_WORKERS");
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (env && atoi(env) > 0)
		return (size_t)MIN(atoi(env), PAR_WORKERS_MAX);
	return cores < 2 ? 1 : (size_t)MIN(cores, (long)PAR_WORKERS_MAX);
}

bool par_start(struct corpus *c)
{
	struct corpus_par *p;
	size_t want;

	if (c->par)
		return true;
	want = workers_wanted();
	if (want < 2)
		return false;
	p = xcalloc(1, sizeof(*p));
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	for (size_t k = 0; k < PAR_SLOTS; k++)
		p->b[k].rec = xmalloc(PAR_BATCH * sizeof(*p->b[k].rec));
	for (size_t k = 0; k < want; k++)
		if (thread_start(&p->th[p->nth], worker, p) == 0)
			p->nth++;
	c->par = p;
	if (!p->nth) {
		par_free(c);
		return false;
	}
	return true;
}

/* The pages of piece @si before @to given back (as the single thread does
 * behind its reading), once no batch on its way reads them. */
static void release_to(struct corpus *c, uint32_t si, size_t to)
{
	struct csource *s = &c->src[si];
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (!s->l.mapped || to <= s->released + RELEASE_STEP)
		return;
	to = to / page * page;
	madvise((void *)(s->l.data.p + s->released), to - s->released, MADV_DONTNEED);
	s->released = to;
}

/* The batch at the head added to the corpus, in the order of its records. */
static void add_batch(struct corpus *c, struct par_batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct par_rec *r = &b->rec[i];

		/* the file cut short under the reading: what a worker read past
		 * the cut was blank pages, nothing of the file's */
		if (source_cut_before(c, &c->src[b->si], r->raw.offset + r->raw.length))
			break;
		if (r->result == HEAD_OK)
			add_packed(c, b->out.p + r->packed_at, b->si, r->raw.offset, r->raw.length);
		else if (r->result == HEAD_SLOW)
			index_csv_slow(c, b->si, &r->raw);
	}
	if (b->n)
		release_to(c, b->si, b->rec[0].raw.offset);
	b->n = 0;
}

/* The batches done, from the oldest, added (not past @deadline: adding a
 * batch takes a millisecond); with @wait, every batch given out waited
 * for and added. */
static void take_done(struct corpus *c, bool wait, double deadline)
{
	struct corpus_par *p = c->par;

	pthread_mutex_lock(&p->mu);
	while (p->head < p->tail) {
		struct par_batch *b = &p->b[p->head % PAR_SLOTS];

		if (!wait && now_ms() > deadline)
			break;
		if (b->state != B_DONE) {
			if (!wait)
				break;
			pthread_cond_wait(&p->done, &p->mu);
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		add_batch(c, b);
		pthread_mutex_lock(&p->mu);
		b->state = B_FREE;
		p->head++;
	}
	pthread_mutex_unlock(&p->mu);
}

/* The batch being filled given to the workers. */
static void hand_on(struct corpus_par *p)
{
	if (!p->filling)
		return;
	pthread_mutex_lock(&p->mu);
	p->b[p->tail % PAR_SLOTS].state = B_QUEUED;
	p->tail++;
	p->filling = false;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

void par_add(struct corpus *c, uint32_t si, const struct csv_raw *raw)
{
	struct corpus_par *p = c->par;
	struct par_batch *b;

	if (p->filling && p->b[p->tail % PAR_SLOTS].si != si)
		hand_on(p);
	if (!p->filling) {
		/* every slot on its way: the oldest waited for */
		if (p->tail - p->head == PAR_SLOTS)
			take_done(c, false, HUGE_VAL);
		while (p->tail - p->head == PAR_SLOTS) {
			pthread_mutex_lock(&p->mu);
			while (p->b[p->head % PAR_SLOTS].state != B_DONE)
				pthread_cond_wait(&p->done, &p->mu);
			pthread_mutex_unlock(&p->mu);
			take_done(c, false, HUGE_VAL);
		}
		b = &p->b[p->tail % PAR_SLOTS];
		b->si = si;
		b->path = c->src[si].path;
		b->base = c->src[si].base;
		b->n = 0;
		p->filling = true;
	}
	b = &p->b[p->tail % PAR_SLOTS];
	b->rec[b->n++].raw = *raw;
	if (b->n == PAR_BATCH)
		hand_on(p);
}

/* Waits for a batch to be done until @deadline (ms, now_ms's clock);
 * false when the deadline came first. */
static bool wait_done(struct corpus_par *p, double deadline)
{
	double left = deadline - now_ms();
	struct timespec ts;
	bool ok;

	if (left <= 0)
		return false;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)(left / 1000);
	ts.tv_nsec += (long)((left - (double)(long)(left / 1000) * 1000) * 1e6);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&p->mu);
	ok = p->b[p->head % PAR_SLOTS].state == B_DONE || pthread_cond_timedwait(&p->done, &p->mu, &ts) == 0;
	pthread_mutex_unlock(&p->mu);
	return ok || now_ms() < deadline;
}

bool par_room(struct corpus *c, double deadline)
{
	struct corpus_par *p = c->par;

	if (p->filling || p->tail - p->head < PAR_SLOTS)
		return true;
	take_done(c, false, deadline);
	while (p->tail - p->head == PAR_SLOTS) {
		if (!wait_done(p, deadline))
			return false;
		take_done(c, false, deadline);
	}
	return true;
}

bool par_drain_until(struct corpus *c, double deadline)
{
	struct corpus_par *p = c->par;

	if (!p)
		return true;
	hand_on(p);
	take_done(c, false, deadline);
	while (p->head < p->tail) {
		if (!wait_done(p, deadline))
			return false;
		take_done(c, false, deadline);
	}
	return true;
}

void par_step_end(struct corpus *c, double deadline)
{
	if (!c->par)
		return;
	hand_on(c->par);
	take_done(c, false, deadline);
}

void par_drain(struct corpus *c)
{
	if (!c->par)
		return;
	hand_on(c->par);
	take_done(c, true, HUGE_VAL);
}

void par_free(struct corpus *c)
{
	struct corpus_par *p = c->par;

	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (size_t k = 0; k < p->nth; k++)
		pthread_join(p->th[k], NULL);
	for (size_t k = 0; k < PAR_SLOTS; k++) {
		free(p->b[k].rec);
		buf_free(&p->b[k].out);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	free(p);
	c->par = NULL;
}
