/* thread.h -- a cable's thread (corpus.h's corpus_thread) as rows: a tree
 * in the manner of mutt's threads, a row a cable (date, post, id, level,
 * subject; a REF the inputs do not hold with its id and the REF as written), what the
 * cable cites above what cites it, a fan of more than THREAD_FAN cables a
 * row a post that opens; branches that fold.  The same rows written for
 * pipes (--thread), and the thread as JSON, every node and every edge. */
#ifndef PILCROW_THREAD_H
#define PILCROW_THREAD_H

#include <stdbool.h>

#include "base/buf.h"
#include "corpus/corpus.h"

#define THREAD_FAN 12

enum thread_row_kind { TR_TITLE, TR_NODE, TR_GROUP };

struct thread_row {
	enum thread_row_kind kind;
	size_t at;               /* TR_NODE: the node; TR_GROUP: the group; TR_TITLE: 0 cites, 1 cited by */
	char prefix[128];        /* the tree's lines before it */
};

/* The cables of one post among a fan, a row that opens. */
struct thread_group {
	size_t parent;           /* the node of the fan */
	bool up;
	uint32_t origin;         /* 0: the REFs not in the inputs */
	size_t *nodes, n;
	uint32_t from, to;       /* their dates, minutes */
	bool open;
};

struct thread_view {
	const struct thread *t;
	size_t *first, *kids;    /* node p's children: kids[first[p] .. first[p + 1]] */
	struct thread_group *g;
	size_t ng;
	bool *folded;            /* by node: its branch hidden */
	char **written;          /* by node: a REF the inputs do not hold as written, or NULL */
	size_t nwritten;
	/* reading them in steps (thread_refs_step) */
	struct corpus_parser *wparser;
	const struct cable *wcable;
	long wparsed;
	size_t wnext, wparses;
	struct thread_row *rows;
	size_t nrows, cap;
};

/* The rows of @t, every branch open and every fan in groups, closed. */
void thread_view_make(struct thread_view *v, const struct corpus *c, const struct thread *t);
/* The rows again, after a fold or a group changed. */
void thread_view_rows(struct thread_view *v);
void thread_view_free(struct thread_view *v);

/* The REFs of @t the inputs do not hold, as the cable citing each writes
 * it ("ROME 451"), by node (NULL for the others and past the bound):
 * read from the citing cables, each parsed by a parser of its own (the
 * reader's cables stay in the cache), THREAD_REF_PARSES at most. */
#define THREAD_REF_PARSES 200
char **thread_refs_written(const struct corpus *c, const struct thread *t);
void thread_refs_free(char **w, size_t n);
/* The same into @v (made without them, the screen's rows at once) for
 * @budget_ms, between keys; true once every one is read. */
bool thread_refs_step(struct thread_view *v, const struct corpus *c, double budget_ms);

/* A node's row as text: "2006-01-02  STATE  06STATE100  U    SUBJECT";
 * one the inputs do not hold, its id and the REF as written (@written). */
void thread_node_text(struct buf *out, const struct corpus *c, const struct thread_node *n, const char *written);
/* A group's row: "ROME  3 cables, 2006-01-04 – 2006-01-15". */
void thread_group_text(struct buf *out, const struct corpus *c, const struct thread_group *g);
/* What the rows show: "3 levels each way at most, 16 cables". */
void thread_said(struct buf *out, const struct thread *t);

void thread_text(struct buf *out, const struct corpus *c, const struct thread *t);
void thread_json(struct buf *out, const struct corpus *c, const struct thread *t);

#endif
