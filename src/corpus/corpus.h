/* corpus.h -- many cables at once: a compact index built incrementally (one
 * pass over the bytes, the header of each cable read, never its body), full
 * parses on demand with a small cache, filters, sorting, and the links
 * between cables (REF and cited-by). */
#ifndef PILCROW_CORPUS_H
#define PILCROW_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/cable.h"
#include "search/filter.h"

/* One cable in the index: 56 bytes; the strings are offsets into a pool
 * where each appears once. */
struct centry {
	uint64_t offset;        /* the record in its file */
	uint32_t length;
	uint32_t source;        /* which file */
	uint32_t id, subject, origin, origin_name;   /* pool offsets */
	uint32_t tags, refs;    /* positions in the list pool: count, then offsets */
	uint32_t people;        /* ... of its people and offices (people.h: "S:POPPER") */
	uint32_t date;          /* minutes since 1900-01-01, 0 when unknown */
	uint8_t level, caveats, format;
	uint8_t part;           /* the section its text starts ("SECTION 02 OF 03": 2), 0 when not said */
};

struct corpus;

struct corpus *corpus_new(void);
void corpus_free(struct corpus *c);

/* True when the list index is the saved one, not read from the inputs. */
bool corpus_list_saved(const struct corpus *c);

/* Names the inputs; the reading happens in corpus_index_step(). */
void corpus_add_paths(struct corpus *c, char *const *paths, size_t n);

/* Indexes for about @budget_ms milliseconds; true once everything is. */
bool corpus_index_step(struct corpus *c, double budget_ms);
/* Indexes @n more cables (or to the end), however long it takes: for the
 * scripted tests, which must not depend on the machine's speed. */
bool corpus_index_records(struct corpus *c, size_t n);
bool corpus_done(const struct corpus *c);

/* Cables indexed so far; files or records that could not be read. */
size_t corpus_count(const struct corpus *c);
size_t corpus_problems(const struct corpus *c);

/* The inputs looked at again (an fstat each): the ones cut short, grown or
 * written to since they were opened are reported once.  Returns how many
 * changes have been found while the corpus was read or used. */
size_t corpus_watch(struct corpus *c);

/* Has an input changed since it was opened?  Only looks (safe from the
 * index builder's threads); reports nothing. */
bool corpus_inputs_changed(const struct corpus *c);
/* Bytes of input read so far, and in all (for progress). */
void corpus_progress(const struct corpus *c, uint64_t *done, uint64_t *total);

const struct centry *corpus_entry(const struct corpus *c, size_t i);
/* A pool string ("" for offset 0). */
const char *corpus_str(const struct corpus *c, uint32_t off);
/* The tags of entry @i, as pool offsets; returns how many. */
size_t corpus_tags(const struct corpus *c, size_t i, const uint32_t **offs);
/* The people and offices of entry @i (people.h), as pool offsets;
 * returns how many. */
size_t corpus_people(const struct corpus *c, size_t i, const uint32_t **offs);
/* The ids entry @i's references name, as pool offsets; returns how many. */
size_t corpus_refs(const struct corpus *c, size_t i, const uint32_t **offs);

/* The entry with canonical id @id, or -1. */
long corpus_find(const struct corpus *c, const char *id);

/* The entry the reference @ref (a canonical id) of entry @citing leads to:
 * that cable, unless it is dated after the citing one (a reference never
 * leads to a later cable); then the cable of the year before with the same
 * station and serial, when the corpus holds one not later (*moved set);
 * else -1. */
long corpus_ref_target(const struct corpus *c, size_t citing, const char *ref, bool *moved);

/* The cables around entry @i (corpus_near.c): of the same post (the
 * station of its id), the @k before it and the @k after it by year, then
 * serial as a number (the nearest first); its other cables of the same
 * day (by id); the other records of its id (the sections of a telegram
 * given apart).  Empty for an id without a post and a serial. */
struct neighbours {
	uint32_t *before, *after, *day, *same_id;
	size_t nbefore, nafter, nday, nsame;
};
/* The file entry @i was read from. */
const char *corpus_entry_path(const struct corpus *c, size_t i);
/* Was entry @i's record read before its dump was cut short under the
 * reading, and does it start past the cut, so that none of it is the
 * file's any more (corpus_watch tells of a cut)?  A record across the cut
 * is still the file's, cut off, as a fresh read gives it. */
bool corpus_entry_cut(const struct corpus *c, size_t i);

/* The texts of one cable given more than once (corpus_versions.c): the
 * records of one id that start at the same section (the sections of a
 * telegram given apart are not versions of each other).  The versions of
 * entry @i, itself among them, in the order of the inputs, into @out (at
 * most @max); returns how many there are. */
size_t corpus_versions(struct corpus *c, size_t i, uint32_t *out, size_t max);
/* The first version of entry @i's cable: the row the list shows for it. */
size_t corpus_version_head(struct corpus *c, size_t i);
/* Does any cable have more than one record? */
bool corpus_has_dups(struct corpus *c);
/* How many records are a later version of a cable (not its list row). */
size_t corpus_later_versions(struct corpus *c);

void corpus_neighbours(const struct corpus *c, size_t i, size_t k, struct neighbours *out);
void neighbours_free(struct neighbours *n);

/* A cable's thread (corpus_thread.c): the cable (node 0), then what it
 * cites (nodes root_cites to root_cited: depth -1, -2 ...), then what
 * cites it (from root_cited: depth 1, 2 ...), each node's children right
 * after it, @depth levels each way at most and @most cables in all.  A
 * REF the corpus does not hold is a node of entry -1 (@ref its id); a
 * cable met again is a node (again) not followed; @more: it has links
 * past the bounds.  The cited-by side needs the index complete. */
struct thread_node {
	long entry;              /* -1: not in the corpus */
	uint32_t ref;            /* entry -1: the id as cited (a pool offset) */
	int depth;               /* < 0: cited; > 0: citing; 0: the cable */
	long parent;             /* the node it hangs from, -1 for node 0 */
	bool again;              /* a node before is this cable: not followed */
	bool more;               /* links past the depth or the size */
};

struct thread {
	struct thread_node *n;
	size_t nn, cap;
	size_t root_cites, root_cited;   /* where each branch starts in @n */
	size_t cables;           /* distinct cables of the corpus in it */
	int depth;
	bool cut;                /* some node has links past the bounds */
};

#define THREAD_DEPTH 3
#define THREAD_MOST 500

void corpus_thread(const struct corpus *c, size_t i, int depth, size_t most, struct thread *t);
void thread_free(struct thread *t);

/* A pass over every cable in the order of the inputs (--json) is past
 * entry @i: the pages of its dump before it are given back, so that the
 * pass's memory stays flat (they are read again should it be opened). */
void corpus_pass_done(struct corpus *c, size_t i);

/* The entries that cite entry @i (built once the index is complete). */
size_t corpus_cited_by(const struct corpus *c, size_t i, const uint32_t **list);

/* The whole cable @i, parsed (kept in a small cache: valid until the next
 * calls push it out; the last few opened stay). NULL when it cannot be read. */
const struct cable *corpus_cable(struct corpus *c, size_t i);

/* Parsing cables on other threads than the corpus's: each thread a parser
 * of its own, the corpus complete and only read meanwhile.  The cable
 * returned is valid until the parser's next call.  NULL when it cannot be
 * read. */
struct corpus_parser;
struct corpus_parser *corpus_parser_new(const struct corpus *c);
const struct cable *corpus_parser_get(struct corpus_parser *p, size_t i);
void corpus_parser_free(struct corpus_parser *p);

/* The entries passing @f (NULL: all), in the order of @key, into *out
 * (reallocated); returns how many.  A text filter reads every cable. */
size_t corpus_select(struct corpus *c, const struct cfilter *f, enum sort_key key, bool reverse,
		     uint32_t **out, size_t *cap);

/* The same made in steps, so that a text filter over the whole corpus
 * never holds a key up: start, then step until it says done (the rows are
 * then sorted), or free it halfway to cancel. */
struct cquery {
	const struct cfilter *f;
	enum sort_key key;
	bool reverse;
	size_t next;             /* the next entry to look at */
	uint32_t *rows;
	size_t n, cap;
	/* the text terms the full-text index answers (fts.h), asked
	 * on a thread of their own; once answered, when a term that must
	 * hold was, only the entries in @only can pass */
	struct fts_job *job;
	bool asked;              /* the answer has come and was taken */
	uint32_t *only;
	size_t nonly;
	bool has_only;
	bool answered;           /* the index answered every term: an entry
				  * passes when the answer says so, unread */
	bool planned, text;      /* text: some term is still to be read in the cables */
	unsigned fields;         /* the fields the filter looks at (1 << enum cf_field) */
	struct cf_memo *memo;    /* the people terms' answers, by value */
	uint8_t **threads;       /* thread= terms: by term, the entries in the thread (1), else NULL */
	size_t nthreads;         /* ... for the filter's terms */
	/* one row a cable: a later version that passes gives its first
	 * version's row (corpus_versions()), once */
	bool one_per_cable;
	uint8_t *seen;           /* then: the rows given, a bit an entry */
	size_t seen_n;
	bool reorder;            /* a row came out of the inputs' order */
};

/* What a list read for one run may leave out, when nothing of the run
 * asks it (the command line's passes, corpus_list_needs): the people and
 * offices of each cable (and so its signer, at its record's end), the ids
 * its references name (and so who cites whom, and threads).  Set before
 * the inputs are read; a list read so is never saved. */
enum { LIST_NO_PEOPLE = 1, LIST_NO_REFS = 2 };
void corpus_list_lean(struct corpus *c, unsigned leave);
/* What a run that chooses with @f (NULL: all), and looks at people
 * (@people: the overview's tallies) or references (@refs: threads) itself,
 * lets its list leave out. */
unsigned corpus_list_needs(const struct cfilter *f, bool people, bool refs);

/* The reader's workspace, which filters may ask (marked, noted ...). */
struct workspace;
void corpus_set_workspace(struct corpus *c, const struct workspace *ws);

void corpus_query_start(struct cquery *q, const struct cfilter *f, enum sort_key key, bool reverse);
/* Looks at entries for @budget_ms (at least one; at most @most when not 0);
 * true when every entry has been seen. */
bool corpus_query_step(struct corpus *c, struct cquery *q, double budget_ms, size_t most);
void corpus_query_free(struct cquery *q);

const char *sort_name(enum sort_key k);

/* Problems met while reading, one line each, for after the screen closes. */
size_t corpus_messages(const struct corpus *c, const char *const **lines);

#endif
