/* corpus_index.c -- the index built from the inputs, in steps that never
 * keep a key waiting: a dump is scanned once for its records' columns and
 * the SUBJECT and TAGS lines (never the body), files are parsed whole, a
 * cold disk is asked to read ahead; then who cites whom. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "source/csv.h"
#include "base/dates.h"
#include "source/decode.h"
#include "doc/ids.h"
#include "doc/marking.h"
#include "parse/parse.h"
#include "doc/tags.h"
#include "base/util.h"


/* ---------------------------------------------------------------- quick */

/* The index reads a dump at the speed of memory: the container's columns
 * and the first few kilobytes of the text go through the parser's header
 * reader (parse_cable_header, the one the reader uses), so the list and
 * the reader never disagree; the paragraphs are parsed when a cable is
 * opened. */

/* The signer of a record too long to be read whole, from its last
 * TAIL_BYTES (escaped): the text's last lines, the first of them perhaps
 * from its middle (a paragraph can be one line of many kilobytes, and the
 * name the end of it), never from inside an escape or a character. */
static bool tail_read(struct head_reader *hr, struct cable *cab, struct str body, size_t bytes, bool *cut_seen)
{
	struct str tail = body, text;
	const char *note;
	size_t skip = 0;

	if (tail.n > bytes) {
		size_t at = body.n - bytes, bs = 0;

		/* an odd run of backslashes before it: the last escapes this byte */
		while (bs < at && body.p[at - 1 - bs] == '\\')
			bs++;
		if (bs & 1)
			at++;
		tail = str_make(body.p + at, body.n - at);
	}
	buf_clear(&hr->tbuf);
	csv_unescape(&hr->tbuf, tail);
	if (!hr->tbuf.n)
		return false;   /* no text: no signer (and no buffer yet) */
	while (skip < hr->tbuf.n && skip < 3 && ((unsigned char)hr->tbuf.p[skip] & 0xC0) == 0x80)
		skip++;
	if (decode_utf8(str_make(hr->tbuf.p + skip, hr->tbuf.n - skip), &hr->dec, &text, &note) != DECODE_OK ||
	    text.p != hr->tbuf.p + skip)
		return false;
	parse_cable_tail_cut(cab, text, tail.n < body.n, cut_seen);
	return true;
}

/* Can the end of @body be read from its last TAIL_FIRST bytes first?  The
 * bytes before them in the last TAIL_BYTES, and their own first 16, are
 * ASCII (the shorter end is the longer one's last lines, decoded alike)
 * with no '/' (the longer end holds no database row the shorter does not
 * start: a row is found from its date's first '/', a few bytes into it,
 * and a '/' of the text is a '/' of the record). */
static bool tail_first_fits(struct str body)
{
	struct str before;

	if (body.n <= TAIL_BYTES)
		return false;
	before = str_make(body.p + body.n - TAIL_BYTES, TAIL_BYTES - TAIL_FIRST + 16);
	return decode_is_ascii(before) && !memchr(before.p, '/', before.n);
}

/* The signer from the record's end: its last TAIL_FIRST bytes first, and
 * its last TAIL_BYTES when the parse read the line they cut, or asked for
 * lines before it (parse_cable_tail_cut).  The cable's signer and mark of
 * a partial text are put back as they were before reading it again (its
 * trailer parse_cable_tail puts back itself). */
static void tail_signer(struct head_reader *hr, struct cable *cab, struct str body)
{
	if (tail_first_fits(body)) {
		struct field signer = cab->signer;
		bool partial = cab->partial, seen = false;

		if (!tail_read(hr, cab, body, TAIL_FIRST, &seen) || !seen)
			return;
		cab->signer = signer;
		cab->partial = partial;
	}
	tail_read(hr, cab, body, TAIL_BYTES, NULL);
}

/* The columns of a record and the start of its text, as the reader puts
 * it together ("header\n\nbody": the header column holds the routing
 * lines), at most @bytes of the header column and @body_bytes of the
 * body, into c->hbuf; @offs: where each column starts, offs[CSV_HEADER]
 * the text.  *@whole when nothing was left out. */
static void csv_head(struct head_reader *hr, const struct csv_raw *raw, size_t bytes, size_t body_bytes, size_t *offs,
		     bool *whole)
{
	struct buf *h = &hr->hbuf;
	struct str body = raw->f[CSV_BODY];

	buf_clear(h);
	for (size_t i = 0; i < CSV_HEADER; i++) {
		offs[i] = h->n;
		csv_unescape(h, raw->f[i]);
	}
	offs[CSV_HEADER] = h->n;
	*whole = body.n <= body_bytes;
	if (raw->nfields > CSV_HEADER) {
		struct str head = raw->f[CSV_HEADER];

		*whole = *whole && head.n <= bytes;
		csv_unescape(h, str_make(head.p, MIN(head.n, bytes)));
	}
	buf_add(h, "\n\n", 2);
	csv_unescape(h, str_make(body.p, MIN(body.n, body_bytes)));
}

/* The first cut as the dump has needed it so far (a reader starts at 0). */
static size_t first_bytes(const struct head_reader *hr)
{
	return hr->first_bytes ? hr->first_bytes : HEADER_FIRST;
}

/* Where to cut @raw's body first, or 0: not before HEADER_BYTES.  The head
 * cut there must be the start of the one cut at HEADER_BYTES, decoded
 * alike: the bytes between are ASCII, and the longer head is the shorter
 * one and more lines (an escape or a character cut in two at the first
 * cut changes only its last line). */
static size_t first_cut(struct head_reader *hr, const struct csv_raw *raw)
{
	struct str body = raw->f[CSV_BODY];
	size_t at = first_bytes(hr);

	if (body.n <= HEADER_BYTES)
		return 0;
	if (at >= HEADER_BYTES) {
		/* the headers were too long for it: read whole, and tried again
		 * a step shorter after a while */
		if (++hr->first_run < 64)
			return 0;
		at = hr->first_bytes = HEADER_BYTES - HEADER_STEP;
		hr->first_run = 0;
	}
	return decode_is_ascii(str_make(body.p + at, HEADER_BYTES - at)) ? at : 0;
}

/* The first cut was enough (@enough) or not: a step longer after a miss,
 * a step shorter after 32 hits in a row. */
static void first_cut_learn(struct head_reader *hr, bool enough)
{
	size_t at = first_bytes(hr);

	if (!enough) {
		hr->first_bytes = at + HEADER_STEP;
		hr->first_run = 0;
	} else if (++hr->first_run >= 32 && at > HEADER_FIRST) {
		hr->first_bytes = at - HEADER_STEP;
		hr->first_run = 0;
	}
}

/* One record of a dump: its columns and the start of its text, never all
 * of it: the header (more of the text when the header goes on past
 * HEADER_BYTES) and the signer's lines at its end, read into @cab.  Safe
 * on any thread with a reader of its own (corpus_par.c). */
enum head_read read_csv_head(struct head_reader *hr, struct cable *cab, const char *path, uint64_t base,
			     const struct csv_raw *raw)
{
	struct buf *h = &hr->hbuf;
	size_t offs[CSV_HEADER + 1], bytes = HEADER_BYTES;
	struct str f[CSV_HEADER], text, after;
	struct record_meta m;
	const char *note;
	bool whole, more;
	/* a long record's body is read to HEADER_FIRST bytes first, and to
	 * HEADER_BYTES only when the parse read the line the cut ends or asked
	 * past it (parse_cable_list_cut): the same entry, for half the bytes
	 * most records' heads were read for, split into lines and checked */
	size_t cut = first_cut(hr, raw);
	bool first = cut != 0;

	for (;;) {
		csv_head(hr, raw, bytes, first ? cut : bytes, offs, &whole);
		/* not plain UTF-8: the careful way, through the reader */
		if (decode_utf8(buf_str(h), &hr->dec, &text, &note) != DECODE_OK || text.p != h->p) {
			if (first) {
				first = false;   /* perhaps a character cut in two */
				continue;
			}
			return HEAD_SLOW;
		}
		for (size_t i = 0; i < CSV_HEADER; i++)
			f[i] = str_trim(str_make(h->p + offs[i], offs[i + 1] - offs[i]));
		memset(&m, 0, sizeof(m));
		m.format = FORMAT_CSV;
		m.path = str_c(path);
		m.offset = raw->offset + base;
		m.length = raw->length;
		m.id = f[CSV_ID];
		m.created = f[CSV_CREATED];
		m.origin_name = f[CSV_ORIGIN];
		m.classification = f[CSV_CLASS];
		m.refs = f[CSV_REFS];
		m.no_ref_ids = (hr->leave & LIST_NO_REFS) != 0;
		/* the text after the columns */
		after = str_make(h->p + offs[CSV_HEADER], h->n - offs[CSV_HEADER]);
		if (first) {
			bool seen, body_seen, ok = parse_cable_list_cut(cab, after, &m, &more, &seen, &body_seen);

			first = false;
			first_cut_learn(hr, !seen && !body_seen && !more);
			if (seen || body_seen || more)
				continue;
			if (!ok)
				return HEAD_NOT;
			break;
		}
		if (whole) {
			if (!parse_cable_list(cab, after, true, &m, &more))
				return HEAD_NOT;
			break;
		}
		{
			/* the header read whole, however long ("INFO LOG-00 ..."
			 * lines before it, a routing of sixty addressees in the
			 * text): read on while its parse read where the cut falls;
			 * the paragraphs read for a Classified By in the first
			 * one are not worth the rest of the record */
			bool seen, body_seen, ok = parse_cable_list_cut(cab, after, &m, &more, &seen, &body_seen);

			if (!seen && !more) {
				if (!ok)
					return HEAD_NOT;
				break;
			}
		}
		bytes = bytes < HEADER_BYTES_MORE ? HEADER_BYTES_MORE : SIZE_MAX;
	}
	/* the signer is the list's for its people only */
	if (!whole && !(hr->leave & LIST_NO_PEOPLE))
		tail_signer(hr, cab, raw->f[CSV_BODY]);
	return HEAD_OK;
}

void index_csv_record(struct corpus *c, uint32_t si, const struct csv_raw *raw)
{
	switch (read_csv_head(&c->hr, &c->scratch, c->src[si].path, c->src[si].base, raw)) {
	case HEAD_OK: add_entry(c, &c->scratch, si, raw->offset, raw->length); break;
	case HEAD_SLOW: index_csv_slow(c, si, raw); break;
	case HEAD_NOT: break;
	}
}

/* A record that is not plain UTF-8: the careful way, through the reader. */
void index_csv_slow(struct corpus *c, uint32_t si, const struct csv_raw *raw)
{
	struct csource *s = &c->src[si];
	size_t before = c->n;

	c->target = &c->scratch;
	c->header_only = true;
	c->target_ok = false;
	source_reader_csv_record(c->reader, s->path,
				 str_make(s->l.data.p + raw->offset, raw->length), raw->offset + s->base);
	if (c->target_ok && c->n == before)
		add_entry(c, &c->scratch, si, raw->offset, raw->length);
}

static void index_file(struct corpus *c, uint32_t si)
{
	struct csource *s = &c->src[si];

	c->target = &c->scratch;
	c->header_only = false;
	c->target_ok = false;
	source_reader_buffer(c->reader, s->path, s->l.data, s->l.mapped);
	if (c->target_ok)
		add_entry(c, &c->scratch, si, 0, s->l.data.n);
}

/* Before the scan reads a dump's bytes at @at, they should be in memory:
 * on a cold cache a page fault waits for the disk, and a key would wait
 * with it.  So the disk is asked to read ahead (MADV_WILLNEED, which does not
 * wait), mincore() tells how far the pages have come, and the step waits
 * for them in naps of a millisecond, never past @deadline.  False when the
 * step should end and let the keyboard in.  The kernel may read less than
 * it is asked, so a wait asks again; and should the pages never come, the
 * scan reads on and lets the fault wait. */
#define AHEAD_NEED ((size_t)1 << 20)        /* resident ahead of the scan */
#define AHEAD_ASK ((size_t)32 << 20)        /* asked of the disk ahead */
#define AHEAD_PIECE ((size_t)8 << 20)       /* one request, one mincore() */
#define AHEAD_GIVE_UP_MS 200.0

static void ask_ahead(struct csource *s, size_t from, size_t page)
{
	size_t size = s->l.data.n, until = MIN(from + AHEAD_ASK, size);

	if (s->readahead < from)
		s->readahead = from / page * page;
	while (s->readahead < until) {
		size_t len = MIN(AHEAD_PIECE, until - s->readahead);

		madvise((void *)(s->l.data.p + s->readahead), len, MADV_WILLNEED);
		s->readahead += len;
	}
}

bool wait_resident(struct csource *s, size_t at, double deadline)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), size = s->l.data.n;
	size_t need = MIN(at + AHEAD_NEED, s->cut_at ? MIN(s->cut_at, size) : size);
	unsigned char vec[AHEAD_PIECE / 4096];

	if (need <= s->resident)
		return true;
	if (s->resident < at)
		s->resident = at / page * page;
	for (;;) {
		size_t from = s->resident / page * page, len = MIN(AHEAD_PIECE, size - from);
		size_t before = s->resident;

		if (page < 4096 || mincore((void *)(s->l.data.p + from), len, vec) != 0)
			return true;        /* cannot tell: read on, the faults will wait */
		for (size_t i = 0; i * page < len && vec[i] & 1; i++)
			s->resident = MIN(from + (i + 1) * page, size);
		ask_ahead(s, s->resident, page);
		if (need <= s->resident)
			return true;
		/* how long nothing came is kept across steps: a step shorter
		 * than the give-up time must not wait for ever */
		if (s->resident > before)
			s->stalled_since = 0;
		else if (!s->stalled_since)
			s->stalled_since = now_ms();
		else if (now_ms() - s->stalled_since > AHEAD_GIVE_UP_MS)
			return true;
		if (now_ms() >= deadline)
			return false;
		/* the first piece may have been cut short: ask for it again */
		madvise((void *)(s->l.data.p + from), len, MADV_WILLNEED);
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
}

static bool index_run(struct corpus *c, double deadline, size_t upto);

bool corpus_index_step(struct corpus *c, double budget_ms)
{
	return index_run(c, now_ms() + budget_ms, SIZE_MAX);
}

bool corpus_index_records(struct corpus *c, size_t n)
{
	return index_run(c, HUGE_VAL, c->n + n);
}

/* Indexes until @deadline, or until the index holds @upto cables. */
/* A record joined across two pieces, or cut off at the end of the last:
 * a source of its own, holding a copy of its bytes. */
static void index_stitched(struct corpus *c, const struct dump_item *it)
{
	struct csource *s;
	struct csv_raw raw;
	struct csv r;
	const char *err;
	char *copy = xmalloc(it->bytes.n + 1);

	memcpy(copy, it->bytes.p, it->bytes.n);
	copy[it->bytes.n] = '\0';
	grow_array((void **)&c->src, &c->cap_src, c->nsrc + 1, sizeof(*c->src));
	s = &c->src[c->nsrc++];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(it->path);
	s->kind = SRC_STITCH;
	s->l.mem = copy;
	s->l.data = str_make(copy, it->bytes.n);
	s->base = it->offset;
	csv_open(&r, s->l.data);
	if (csv_next_raw(&r, &raw, &err) != CSV_OK && !csv_cut_raw(s->l.data, &raw))
		return;
	raw.offset = 0;
	raw.length = it->bytes.n;
	index_csv_record(c, (uint32_t)(c->nsrc - 1), &raw);
}

static void index_item(struct corpus *c, uint32_t si, const struct dump_item *it)
{
	if (it->kind == DUMP_PROBLEM) {
		source_report(&c->st, it->path, "%s", it->msg);
		c->st.problems++;
	} else if (it->joined || it->cut) {
		index_stitched(c, it);
	} else {
		index_csv_record(c, si, &it->raw);
	}
}

/* The record left open at the end of the last piece, as far as it goes. */
static void finish_dump(struct corpus *c)
{
	struct dump_item it;

	if (dump_finish(c->dump, &it))
		index_item(c, 0, &it);
}

/* Indexes until @deadline, or until the index holds @upto cables. */
/* The records of the dump piece @si read, until @deadline or until the
 * index holds @upto cables (false: come back to it), or to the piece's end
 * (true), which is where a cut seen under the reading ends it too. */
static bool index_piece(struct corpus *c, uint32_t si, double deadline, size_t upto)
{
	struct csource *s;
	/* on every core, unless a number of cables is asked for (a scripted
	 * test): the batches on their way first, then one at a time */
	bool par = upto == SIZE_MAX && par_start(c);

	if (!par)
		par_drain(c);
	/* read to its end, the batches on their way still coming in */
	if (c->par_draining) {
		if (!par_drain_until(c, deadline))
			return false;
		c->par_draining = false;
		return true;
	}
	for (int k = 0;; k++) {
		struct dump_item it;
		size_t before = dump_at(c->dump);
		bool more;

		if (((k & 31) == 31 && now_ms() > deadline) || c->n >= upto) {
			par_step_end(c, deadline);
			return false;
		}
		if (par && (k & 255) == 255)
			par_step_end(c, deadline);
		/* the piece in stretches, split by the workers */
		if (par) {
			enum par_stretch st = par_stretch(c, si, deadline);

			if (st == PAR_YIELD) {
				par_step_end(c, deadline);
				return false;
			}
			if (st == PAR_AGAIN)
				continue;
		}
		/* every batch on its way: the oldest waited for, not past the step */
		if (par && !par_room(c, deadline)) {
			par_step_end(c, deadline);
			return false;
		}
		s = &c->src[si];
		/* the file looked at again at each step's start and every
		 * 32 records: a cut seen ahead of the reading is read on to,
		 * the record across it cut off there */
		if ((k & 31) == 0 && source_watch(c, s) && s->cut_at > dump_at(c->dump))
			dump_end_at(c->dump, s->cut_at);
		/* met (its pages lost under the reading): nothing
		 * past it is the file's */
		if (source_cut_before(c, s, dump_at(c->dump))) {
			dump_drop(c->dump);
			break;      /* nothing past the cut is the file's */
		}
		if (s->l.mapped && !wait_resident(s, before, deadline)) {
			par_step_end(c, deadline);
			return false;
		}
		more = dump_next(c->dump, &it);
		c->bytes_done += dump_at(c->dump) - before;
		if (source_cut_before(c, &c->src[si], dump_at(c->dump))) {
			dump_drop(c->dump);
			break;
		}
		if (!more)
			break;
		if (par && it.kind == DUMP_RECORD && !it.joined && !it.cut) {
			par_add(c, si, &it.raw);
			continue;       /* its pages given back once it is in */
		}
		par_drain(c);
		index_item(c, si, &it);
		s = &c->src[si];
		if (s->l.mapped && it.kind == DUMP_RECORD && !it.joined && !it.cut &&
		    it.offset - s->released > RELEASE_STEP) {
			size_t page = (size_t)sysconf(_SC_PAGESIZE);
			size_t to = (it.offset / page) * page;

			madvise((void *)(s->l.data.p + s->released), to - s->released, MADV_DONTNEED);
			s->released = to;
		}
	}
	if (par) {
		c->par_draining = true;
		if (!par_drain_until(c, deadline))
			return false;
		c->par_draining = false;
	}
	par_drain(c);
	return true;
}

static bool index_run(struct corpus *c, double deadline, size_t upto)
{
	if (c->done)
		return true;
	if (c->load_saved && !c->saved_tried) {
		c->saved_tried = true;
		if (c->next == 0 && c->load_saved(c)) {
			c->list_saved = true;
			return true;
		}
	}
	while (c->next < c->nsrc) {
		uint32_t si = (uint32_t)c->next;
		struct csource *s = &c->src[si];

		if (s->kind == SRC_STITCH) {
			c->next++;
			continue;
		}
		if (s->kind == SRC_PENDING) {
			if (!source_load(s->path, &s->l, &c->st)) {
				s->kind = SRC_FAILED;
				c->next++;
				continue;
			}
			if (s->size == 0)
				c->bytes_total += s->l.data.n;
			/* the next piece of a dump goes on with the record left open */
			if (dump_open(c->dump) && !dump_continues(c->dump, s->path, s->l.data)) {
				finish_dump(c);
				s = &c->src[si];
			}
			if (dump_open(c->dump) || source_is_csv(s->l.data)) {
				s->kind = SRC_CSV;
				dump_piece(c->dump, s->path, s->l.data);
				pool_expect(c, c->bytes_total - c->bytes_done);   /* this piece and the ones after it */
				if (s->l.mapped)
					madvise((void *)s->l.data.p, s->l.data.n, MADV_SEQUENTIAL);
			} else {
				s->kind = SRC_FILE;
				index_file(c, si);
				c->bytes_done += s->l.data.n;
				/* a file is read again when opened; standard input is kept */
				if (strcmp(s->path, "-") != 0)
					source_unload(&c->src[si].l);
				c->next++;
				if (now_ms() > deadline || c->n >= upto)
					break;
				continue;
			}
		}
		if (s->kind == SRC_CSV) {
			if (!index_piece(c, si, deadline, upto))
				goto out;
			/* the dump stays mapped: its cables are opened from it */
			c->next++;
		}
	}
	if (c->next >= c->nsrc)
		finish_dump(c);
out:
	if (c->next >= c->nsrc && !c->done && c->n < upto)
		c->done = build_cited_by(c, deadline);
	if (c->done && !c->pool_done)
		corpus_pool_done(c);
	return c->done;
}

bool corpus_done(const struct corpus *c)
{
	return c->done;
}

size_t corpus_count(const struct corpus *c)
{
	return c->n;
}

size_t corpus_problems(const struct corpus *c)
{
	return c->st.problems;
}

size_t corpus_watch(struct corpus *c)
{
	for (size_t i = 0; i < c->nsrc; i++)
		if (c->src[i].l.mapped)
			source_watch(c, &c->src[i]);
	return c->st.changed;
}

bool corpus_inputs_changed(const struct corpus *c)
{
	for (size_t i = 0; i < c->nsrc; i++) {
		size_t now;

		if (c->src[i].l.mapped && source_changed(&c->src[i].l, &now) != SOURCE_SAME)
			return true;
	}
	return false;
}

void corpus_progress(const struct corpus *c, uint64_t *done, uint64_t *total)
{
	*done = c->bytes_done;
	*total = c->bytes_total > c->bytes_done ? c->bytes_total : c->bytes_done;
}
