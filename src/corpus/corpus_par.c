/* corpus_par.c -- a dump's list index read on every core.  The corpus's
 * thread cuts a piece of the dump into stretches of about PAR_STRETCH
 * bytes, each from a record start it finds (csv_find_start: a line that
 * starts a record) to the next, and hands them on in file order; a worker
 * splits its stretch into records (csv_next_raw, the scanner of dump.c),
 * reads their headers with a header reader of its own (read_csv_head: the
 * reader's header parse, the one the single thread uses) and packs each
 * entry (pack_entry); the corpus's thread takes the stretches back in file
 * order, adds their entries (add_packed: the interned strings are its
 * own) and moves the dump's reading past them (dump_skip).  A stretch
 * whose bytes were not records and nothing else, ending where the next
 * starts (a damaged record, a line inside a text that looked like a
 * record's start, the piece's end inside a record), is read again by the
 * corpus's thread through the dump, record by record, as on one core, and
 * the stretches after it are dropped; so are the piece's start and end.
 * Records that thread reads go to the workers in batches to be parsed
 * (par_add); what is no plain record (a record across two pieces, one cut
 * off, a problem to report) waits until every batch before it is in.
 * The entries, their order and the messages are one core's
 * (tests/parallel.sh holds 1, 2 and 8 workers to the same bytes).  The
 * work goes on between the corpus's steps: keys never wait for a batch
 * but at a piece's end. */
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
#include "source/dump.h"

#define PAR_BATCH 256            /* records a batch: about 3 ms of a worker's */
#define PAR_STRETCH ((size_t)2 << 20) /* bytes a stretch: about 270 records, as many ms */
#define PAR_STRETCH_FIRST ((size_t)128 << 10) /* the first of a piece: its records soon on the screen */
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
	bool stretch;            /* bytes from..to of @piece, for the worker to split */
	bool plain;              /* stretch: records and nothing else, the last ending at @to */
	bool dropped;            /* a stretch after one that was not plain: not added */
	uint32_t si;
	const char *path;        /* its piece's, copied: the corpus's sources may grow */
	uint64_t base;
	struct str piece;        /* stretch: the piece as the dump reads it */
	size_t from, to;
	struct par_rec *rec;
	size_t n, cap;
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
	unsigned leave;          /* what the list leaves out (corpus_list_lean) */
	/* the stretches of the piece being read (the corpus's thread's) */
	uint32_t si;
	struct str piece;
	size_t stretches;        /* on their way, ahead of the dump's reading */
	size_t next;             /* where the next one starts */
	size_t size;             /* its bytes: doubled from PAR_STRETCH_FIRST to PAR_STRETCH */
	size_t records_until;    /* a stretch that was not plain: read record by record to here */
};

/* Worker's state: its header reader, the cable it reads into. */
struct reading {
	struct head_reader hr;
	struct cable cab;
	struct buf scratch;
};

/* Record @i of batch @b read and packed. */
static void read_rec(struct reading *rd, struct par_batch *b, size_t i)
{
	struct par_rec *r = &b->rec[i];

	r->result = (uint8_t)read_csv_head(&rd->hr, &rd->cab, b->path, b->base, &r->raw);
	r->packed_at = b->out.n;
	if (r->result == HEAD_OK)
		pack_entry(&rd->cab, &b->out, &rd->scratch, rd->hr.leave);
}

/* The records of stretch @b, split as the dump would split them (the same
 * scanner on the same bytes from the same start), each read as soon as it
 * is split, while its bytes are still in the cache; plain when each is
 * whole and the last ends where the next stretch starts (else nothing of
 * it is kept). */
static void read_stretch(struct reading *rd, struct par_batch *b)
{
	struct csv r;
	const char *err;

	csv_open(&r, b->piece);
	r.p = b->piece.p + b->from;
	b->n = 0;
	b->plain = true;
	while ((size_t)(r.p - r.base) < b->to) {
		if (b->n == b->cap) {
			b->cap *= 2;
			b->rec = xrealloc(b->rec, b->cap * sizeof(*b->rec));
		}
		if (csv_next_raw(&r, &b->rec[b->n].raw, &err) != CSV_OK) {
			b->plain = false;
			break;
		}
		read_rec(rd, b, b->n++);
	}
	if (!b->plain || (size_t)(r.p - r.base) != b->to) {
		b->plain = false;
		b->n = 0;
	}
}

static void *worker(void *arg)
{
	struct corpus_par *p = arg;
	struct reading rd;

	memset(&rd, 0, sizeof(rd));
	rd.hr.leave = p->leave;
	cable_init(&rd.cab);
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
		if (b->dropped) {
			b->n = 0;
			b->state = B_DONE;
			pthread_cond_broadcast(&p->done);
			continue;
		}
		b->state = B_WORKING;
		pthread_mutex_unlock(&p->mu);
		buf_clear(&b->out);
		if (b->stretch)
			read_stretch(&rd, b);
		else
			for (size_t i = 0; i < b->n; i++)
				read_rec(&rd, b, i);
		pthread_mutex_lock(&p->mu);
		b->state = B_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	cable_free(&rd.cab);
	buf_free(&rd.hr.hbuf);
	buf_free(&rd.hr.tbuf);
	buf_free(&rd.hr.dec);
	buf_free(&rd.scratch);
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
	for (size_t k = 0; k < PAR_SLOTS; k++) {
		p->b[k].cap = PAR_BATCH;
		p->b[k].rec = xmalloc(PAR_BATCH * sizeof(*p->b[k].rec));
	}
	p->leave = c->hr.leave;
	for (size_t k = 0; k < want; k++)
		if (thread_start(&p->th[p->nth], worker, p) == 0)
			p->nth++;
	p->si = UINT32_MAX;      /* no piece read yet */
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

static void drop_after(struct corpus_par *p, size_t k);

/* The batch at the head added to the corpus, in the order of its records;
 * a stretch moves the dump's reading past it, or, not plain, has the
 * corpus's thread read it record by record. */
static void add_batch(struct corpus *c, struct par_batch *b)
{
	struct corpus_par *p = c->par;

	if (b->stretch) {
		p->stretches--;
		if (b->dropped)
			return;
		/* (a file cut short under the reading: the dump's way says so
		 * where one core would) */
		if (!b->plain || dump_at(c->dump) != b->from || source_cut_before(c, &c->src[b->si], b->to)) {
			p->records_until = b->to;
			p->next = p->piece.n;   /* none handed on until the dump has read it */
			drop_after(p, p->head);
			return;
		}
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct par_rec *r = &b->rec[i];

		/* the file cut short under the reading: what a worker read past
		 * the cut was blank pages, nothing of the file's */
		if (source_cut_before(c, &c->src[b->si], r->raw.offset + r->raw.length))
			break;
		/* the slots of the entry after next, the strings of the next */
		if (i + 2 < b->n && r[2].result == HEAD_OK)
			prefetch_packed(c, b->out.p + r[2].packed_at, false);
		if (i + 1 < b->n && r[1].result == HEAD_OK)
			prefetch_packed(c, b->out.p + r[1].packed_at, true);
		if (r->result == HEAD_OK)
			add_packed(c, b->out.p + r->packed_at, b->si, r->raw.offset, r->raw.length);
		else if (r->result == HEAD_SLOW)
			index_csv_slow(c, b->si, &r->raw);
	}
	if (b->stretch) {
		dump_skip(c->dump, b->to, b->n);
		c->bytes_done += b->to - b->from;
	}
	if (b->n)
		release_to(c, b->si, b->rec[0].raw.offset);
	b->n = 0;
}

/* The stretches handed on after batch @k dropped: they start where the
 * one that was not plain said the next would. */
static void drop_after(struct corpus_par *p, size_t k)
{
	pthread_mutex_lock(&p->mu);
	for (size_t j = k + 1; j < p->tail; j++)
		p->b[j % PAR_SLOTS].dropped = true;
	pthread_mutex_unlock(&p->mu);
}

/* The batches done, from the oldest, added (not past @deadline: adding a
 * batch takes a millisecond); none is waited for (wait_done). */
static void take_done(struct corpus *c, double deadline)
{
	struct corpus_par *p = c->par;

	pthread_mutex_lock(&p->mu);
	while (p->head < p->tail) {
		struct par_batch *b = &p->b[p->head % PAR_SLOTS];

		if (now_ms() > deadline || b->state != B_DONE)
			break;
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
		par_room(c, HUGE_VAL);      /* every slot on its way: the oldest waited for */
		b = &p->b[p->tail % PAR_SLOTS];
		b->stretch = b->dropped = false;
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

/* Waits for a batch to be done until @deadline (ms, now_ms's clock;
 * HUGE_VAL: for as long as it takes); false when the deadline came
 * first. */
static bool wait_done(struct corpus_par *p, double deadline)
{
	double left = deadline - now_ms();
	struct timespec ts;
	bool ok = true;

	if (left <= 0)
		return false;
	pthread_mutex_lock(&p->mu);
	if (p->b[p->head % PAR_SLOTS].state != B_DONE) {
		if (isinf(deadline)) {
			pthread_cond_wait(&p->done, &p->mu);
		} else {
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += (time_t)(left / 1000);
			ts.tv_nsec += (long)((left - (double)(long)(left / 1000) * 1000) * 1e6);
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			ok = pthread_cond_timedwait(&p->done, &p->mu, &ts) == 0;
		}
	}
	pthread_mutex_unlock(&p->mu);
	return ok || now_ms() < deadline;
}

bool par_room(struct corpus *c, double deadline)
{
	struct corpus_par *p = c->par;

	if (p->filling || p->tail - p->head < PAR_SLOTS)
		return true;
	take_done(c, deadline);
	while (p->tail - p->head == PAR_SLOTS) {
		if (!wait_done(p, deadline))
			return false;
		take_done(c, deadline);
	}
	return true;
}

/* The next stretch of piece @si handed on: from where the last ended to
 * the first record start past its size. */
static enum par_stretch hand_stretch(struct corpus *c, uint32_t si, double deadline)
{
	struct corpus_par *p = c->par;
	struct csource *s = &c->src[si];
	size_t want = p->next + p->size, to = p->piece.n;
	struct par_batch *b;

	if (want < p->piece.n) {
		if (!wait_resident(s, want, deadline))
			return PAR_YIELD;
		to = csv_find_start(p->piece, want, SIZE_MAX);
		if (to == SIZE_MAX || to <= p->next)
			to = p->piece.n;    /* (never a stretch of nothing: the reading goes on) */
	}
	b = &p->b[p->tail % PAR_SLOTS];
	b->stretch = true;
	b->dropped = false;
	b->si = si;
	b->path = s->path;
	b->base = s->base;
	b->piece = p->piece;
	b->from = p->next;
	b->to = to;
	b->n = 0;
	p->next = to;
	p->size = MIN(p->size * 2, PAR_STRETCH);
	p->stretches++;
	p->filling = true;
	hand_on(p);
	take_done(c, deadline);
	return PAR_AGAIN;
}

enum par_stretch par_stretch(struct corpus *c, uint32_t si, double deadline)
{
	struct corpus_par *p = c->par;
	struct csource *s = &c->src[si];

	if (p->si != si) {
		p->si = si;
		p->records_until = 0;
		p->size = PAR_STRETCH_FIRST;
	}
	if (!p->stretches) {
		/* none on its way: stretches start at the dump's reading, when
		 * it reads a mapped piece past its start, uncut */
		if (!s->l.mapped || s->cut_at || dump_at(c->dump) < p->records_until ||
		    !dump_scannable(c->dump, &p->piece) || dump_at(c->dump) >= p->piece.n)
			return PAR_RECORD;
		p->next = dump_at(c->dump);
	}
	hand_on(p);         /* a batch of records being filled goes first */
	if (p->next < p->piece.n && p->tail - p->head < PAR_SLOTS) {
		/* the file looked at again at each stretch: a cut ahead of the
		 * reading ends the stretches (those on their way are added,
		 * or read again where they cross it, below) */
		if (source_watch(c, s) && s->cut_at > dump_at(c->dump))
			dump_end_at(c->dump, s->cut_at);
		if (!s->cut_at)
			return hand_stretch(c, si, deadline);
		p->next = p->piece.n;
	}
	/* every stretch handed on, or no room: the oldest waited for */
	take_done(c, deadline);
	if (p->head < p->tail && !wait_done(p, deadline))
		return PAR_YIELD;
	take_done(c, deadline);
	return PAR_AGAIN;
}

bool par_drain_until(struct corpus *c, double deadline)
{
	struct corpus_par *p = c->par;

	if (!p)
		return true;
	hand_on(p);
	take_done(c, deadline);
	while (p->head < p->tail) {
		if (!wait_done(p, deadline))
			return false;
		take_done(c, deadline);
	}
	return true;
}

void par_step_end(struct corpus *c, double deadline)
{
	if (!c->par)
		return;
	hand_on(c->par);
	take_done(c, deadline);
}

void par_drain(struct corpus *c)
{
	par_drain_until(c, HUGE_VAL);
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
