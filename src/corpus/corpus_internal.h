/* corpus_internal.h -- what the corpus's files share: the index and its
 * sources.  corpus_pool.c: the strings, lists and ids; corpus.c: the
 * entries, opening a cable; corpus_index.c: reading the inputs into the
 * index, in steps, and who cites whom; corpus_select.c: filtering and
 * sorting; fts.c and corpus_store.c: the full-text index and the
 * list index saved with it. */
#ifndef PILCROW_CORPUS_INTERNAL_H
#define PILCROW_CORPUS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "corpus/corpus.h"
#include "source/dump.h"
#include "source/source.h"

/* Parsed cables kept at once. */
#define CACHE_N 16
/* Bytes of a record's body read for its header. */
#define HEADER_BYTES 3072
/* ... first, for most headers end before (the rest read only when the
 * header's parse reached the end of these: read_csv_head), and the steps
 * by which that grows for a dump whose headers are longer. */
#define HEADER_FIRST 1024
#define HEADER_STEP 512
/* ... when the header goes on past them. */
#define HEADER_BYTES_MORE (8 * HEADER_BYTES)
/* ... and of its end, for the signer, when it is longer: first its last
 * TAIL_FIRST (read_csv_head). */
#define TAIL_BYTES 2048
#define TAIL_FIRST 512
/* How much of a dump is indexed before its pages are given back. */
#define RELEASE_STEP ((size_t)8 * 1024 * 1024)

/* SRC_STITCH: a record of a dump joined across two pieces, or cut off at
 * the end of the last, kept in a copy of its own */
enum src_kind { SRC_PENDING, SRC_CSV, SRC_FILE, SRC_FAILED, SRC_STITCH };

struct csource {
	char *path;
	enum src_kind kind;
	struct loaded l;        /* kept for a dump (mapped) and for standard input */
	uint64_t base;          /* SRC_STITCH: where the record starts in its piece */
	size_t released;
	size_t passed;          /* a whole pass over it (corpus_pass_done): given back up to here */
	size_t resident;        /* the dump's bytes known to be in memory */
	bool cut;               /* the file was cut short while mapped (reported) */
	size_t cut_at;          /* where a look at it found it ending, or 0 */
	bool change_said;       /* its growth or a write to it reported */
	double stalled_since;   /* the read-ahead has brought nothing since (ms), or 0 */
	size_t readahead;       /* asked for up to here */
	uint64_t size;
};

struct cache_slot {
	size_t entry;
	struct cable *c;
	unsigned long used;
};

/* A slot of the two hash tables (interned strings, ids): open addressing,
 * the hash kept beside the value so that growing a table touches neither
 * the strings nor the entries (at 251,287 cables that is the difference
 * between a 50 ms pause and a 5 ms one).  val 0 is an empty slot. */
struct hslot {
	uint32_t hash, val;
};

/* The buffers of one reader of records' headers (corpus_index.c): one on
 * the corpus's thread, one each worker's (corpus_par.c). */
struct head_reader {
	struct buf hbuf, tbuf, dec;
	/* the first cut of a long record's body (0: HEADER_FIRST), as the
	 * dump's headers have needed it: read_csv_head */
	size_t first_bytes;
	unsigned first_run;      /* records since it last changed */
	unsigned leave;          /* what the list leaves out (LIST_NO_PEOPLE ...) */
};

/* A record of an id met before: its entry, and the id's first entry. */
struct dup {
	uint32_t e, first;
};

struct corpus {
	const struct workspace *ws;      /* for the filters' marked, noted ... */
	struct csource *src;
	size_t nsrc, cap_src, next;
	struct centry *e;
	size_t n, cap;

	struct buf pool;                 /* NUL-terminated strings; offset 0 is "" */
	struct hslot *slots;             /* interned strings: pool offsets by hash */
	size_t nslots, used_slots;
	bool pool_done;                  /* the corpus is read: no table, strings only kept */
	uint32_t *lists;                 /* tags and refs: count, then offsets */
	size_t nlists, cap_lists;
	struct hslot *ids;               /* entry + 1 by the hash of its id */
	size_t nids;

	/* the later records of an id (corpus_versions.c), by entry; and
	 * the same sorted by the id's first entry */
	struct dup *dups, *dups_by_first;
	size_t ndups, cap_dups, nby_first;
	bool dups_unknown;               /* a saved list: found on first need */
	size_t later, later_at;          /* later versions, counted when there were later_at dups */

	uint32_t *cited_at, *cited;      /* who cites whom, once indexed */
	/* building cited_at and cited: the references listed as the entries
	 * are added (add_packed: pass 0), then after the last record, in
	 * steps too, pass 1 finds what each names and counts, pass 2 fills */
	uint32_t *cite_count;
	int cite_pass;
	/* the pool_hash of every cable's references, in order (but those
	 * interned as nothing), each replaced by the entry it names in pass 1
	 * (-1: none): 4 bytes a reference */
	uint32_t *cite_hash;
	size_t cite_nrefs, cite_cap;
	size_t cite_i, cite_k;           /* passes 1 and 2: the next cable, its first reference */
	bool done;

	uint64_t bytes_done, bytes_total;
	struct dump *dump;               /* the dump being indexed, across its pieces */
	struct source_stats st;
	struct source_reader *reader;
	struct cable scratch;
	struct cable *scan;               /* a text filter's cable, parsed */
	struct head_reader hr;           /* the list's header reader, on this thread */
	struct corpus_par *par;          /* the workers reading a dump's headers (corpus_par.c), or NULL */
	bool par_draining;               /* a piece read to its end, its batches still coming in */
	struct buf fbuf, pbuf;
	struct cable *target;            /* where the reader's callback parses to */
	bool target_ok;
	bool header_only;
	uint32_t target_source;

	struct cache_slot cache[CACHE_N];
	unsigned long tick;

	char **msgs;
	size_t nmsgs, cap_msgs;

	struct fts *text;              /* the full-text index (fts.c) */
	/* set by the full-text index (fts.c), which sits above the
	 * corpus: loading the list index saved with it, and stopping its work
	 * before the corpus goes */
	bool (*load_saved)(struct corpus *c);
	void (*text_free)(struct corpus *c);
	bool saved_tried;                /* the saved list looked for */
	bool list_saved;                 /* loaded it */
};

/* The hash of the tables of strings and ids (FNV-1a; the saved list keeps
 * the ids' hashes: it changes with the saved list's version). */
static inline uint32_t pool_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* corpus.c: the pool of strings (each once), lists of them, the ids */
uint32_t pool_add(struct corpus *c, struct str s);
uint32_t intern(struct corpus *c, struct str s);
uint32_t intern_hashed(struct corpus *c, struct str s, uint32_t h);
/* Fetched ahead for a string or id of hash @h: the slot of the id, or of
 * the string, or (the slot come) the string it holds. */
enum pool_fetch { FETCH_ID_SLOT, FETCH_SLOT, FETCH_STRING };
void pool_prefetch(const struct corpus *c, uint32_t h, enum pool_fetch what);
/* corpus_ref_target of a reference interned at @ref_off, of pool_hash @h */
long ref_target_at(const struct corpus *c, size_t citing, uint32_t ref_off, uint32_t h, bool *moved);
uint32_t list_add(struct corpus *c, const uint32_t *items, size_t n);
/* Gives the table of interned strings back (a fifth of the index's memory)
 * once nothing more is read. */
void corpus_pool_done(struct corpus *c);
size_t list_get(const struct corpus *c, uint32_t at, const uint32_t **items);
/* @h: pool_hash of @id */
void id_insert(struct corpus *c, const char *id, uint32_t h, uint32_t entry);
/* corpus_cited.c: who cites whom, in steps until @deadline (now_ms's
 * clock); true when done */
bool build_cited_by(struct corpus *c, double deadline);
/* The tables of strings and ids made ready for a dump of @bytes more. */
void pool_expect(struct corpus *c, uint64_t bytes);
/* corpus_versions.c: entry @e's id was met first at entry @first */
void dup_add(struct corpus *c, uint32_t e, uint32_t first);

/* Keeps a report line for after the screen closes (the corpus's sink, c->st.report). */
void keep_message(const char *line, void *ud);

/* corpus_index.c: one record of a dump read (its header, its signer)
 * into @cab; HEAD_SLOW: not plain UTF-8, for the careful way
 * (index_csv_slow, on the corpus's thread). */
struct csv_raw;
enum head_read { HEAD_OK, HEAD_NOT, HEAD_SLOW };
enum head_read read_csv_head(struct head_reader *hr, struct cable *cab, const char *path, uint64_t base,
			     const struct csv_raw *raw);
void index_csv_record(struct corpus *c, uint32_t si, const struct csv_raw *raw);
void index_csv_slow(struct corpus *c, uint32_t si, const struct csv_raw *raw);

/* corpus_par.c: a dump's records read on every core.  par_start makes
 * the workers (false: one core, or PILCROW_WORKERS=1); par_add hands a
 * plain record of piece @si on; par_step_end gives the batch begun to the
 * workers and adds the batches done until @deadline; par_drain waits for every one, as
 * before anything the scanner meets but a plain record; par_free ends
 * the workers. */
bool par_start(struct corpus *c);
/* par_room: room for another record, the oldest batch waited for until
 * @deadline (false: the step should end); par_drain_until: every batch
 * in, or false at @deadline (the next step goes on with it). */
bool par_room(struct corpus *c, double deadline);
bool par_drain_until(struct corpus *c, double deadline);
void par_add(struct corpus *c, uint32_t si, const struct csv_raw *raw);
/* par_stretch: the workers split the piece @si into records too, a
 * stretch each (from a record start the corpus's thread finds to the
 * next): PAR_AGAIN, a stretch handed on or added; PAR_YIELD, the step
 * should end; PAR_RECORD, none on its way: the corpus's thread reads the
 * next record itself (the piece's start and end, a stretch that was not
 * plain records, a file cut short). */
enum par_stretch { PAR_AGAIN, PAR_YIELD, PAR_RECORD };
enum par_stretch par_stretch(struct corpus *c, uint32_t si, double deadline);
void par_step_end(struct corpus *c, double deadline);
void par_drain(struct corpus *c);
void par_free(struct corpus *c);

/* A new entry for @cab, read from @source at @offset. */
void add_entry(struct corpus *c, const struct cable *cab, uint32_t source, uint64_t offset, uint64_t length);
/* The same in two halves, the first safe on any thread: @cab's fields
 * packed onto @out (@scratch the caller's); a packed entry added (returns
 * the bytes it took). */
void pack_entry(const struct cable *cab, struct buf *out, struct buf *scratch, unsigned leave);
/* A packed entry's slots (@strings: the strings in them) fetched ahead
 * of add_packed. */
void prefetch_packed(const struct corpus *c, const char *packed, bool strings);
size_t add_packed(struct corpus *c, const char *packed, uint32_t source, uint64_t offset, uint64_t length);

/* corpus.c: the bytes of record @i (a slice of its mapped dump, or its
 * file loaded into @tmp); entry @i parsed for a scan, in a cable of the
 * scan's own so that the reader's stay in the cache */
bool record_bytes(struct corpus *c, size_t i, struct loaded *tmp, struct str *out);
const struct cable *scan_cable(struct corpus *c, size_t i);

/* True when the mapped dump of @s was cut short by another program before
 * byte @upto; said once. */
bool source_cut_before(struct corpus *c, struct csource *s, size_t upto);

/* Looks at the mapped file of @s again (an fstat): cut short, grown or
 * written to since it was opened is reported once and counted
 * (st.changed); a cut is where its cables end.  True when it was cut. */
bool source_watch(struct corpus *c, struct csource *s);

/* corpus_index.c: the pages of @s's mapped file from byte @at on, a
 * megabyte of them, in memory, waited for in naps until @deadline
 * (false: the step should end). */
bool wait_resident(struct csource *s, size_t at, double deadline);

#endif
