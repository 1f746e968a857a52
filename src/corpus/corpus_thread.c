/* corpus_thread.c -- a cable's thread: what it cites (its REFs, and what
 * they cite, ...) and what cites it (and what cites those, ...), as far as
 * the corpus reaches, to a depth and a size.  A tree in the order it is
 * drawn: the cable, then the branch of what it cites, then the branch of
 * what cites it, each node's children after it.  A cable met again (a
 * cycle, a cable cited twice, a self-reference) is a node once more but
 * not followed. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct walk {
	const struct corpus *c;
	struct thread *t;
	uint8_t *seen;           /* by entry: already a node */
	int depth;
	size_t most;
};

static size_t add_node(struct walk *w, long entry, uint32_t ref, int depth, long parent)
{
	struct thread *t = w->t;
	struct thread_node *n;

	grow_array((void **)&t->n, &t->cap, t->nn + 1, sizeof(*t->n));
	n = &t->n[t->nn];
	memset(n, 0, sizeof(*n));
	n->entry = entry;
	n->ref = ref;
	n->depth = depth;
	n->parent = parent;
	if (entry >= 0) {
		n->again = w->seen[entry];
		w->seen[entry] = 1;
		if (!n->again)
			t->cables++;
	}
	return t->nn++;
}

/* The links of node @at's cable one way (@up: what it cites), each a
 * child, and theirs after each, depth first. */
static void grow(struct walk *w, size_t at, bool up)
{
	const struct corpus *c = w->c;
	long entry = w->t->n[at].entry;
	int depth = w->t->n[at].depth;
	const uint32_t *links;
	size_t n;

	if (entry < 0 || (w->t->n[at].again && at != 0))
		return;
	n = up ? corpus_refs(c, (size_t)entry, &links) : corpus_cited_by(c, (size_t)entry, &links);
	if (!n)
		return;
	if ((up ? -depth : depth) >= w->depth || w->t->cables >= w->most) {
		w->t->n[at].more = true;
		w->t->cut = true;
		return;
	}
	for (size_t k = 0; k < n; k++) {
		long target = (long)links[k];
		uint32_t ref = 0;
		size_t child;

		if (up) {
			bool moved;

			ref = links[k];
			target = corpus_ref_target(c, (size_t)entry, corpus_str(c, ref), &moved);
			/* a cable that cites itself: drawn once more, not followed */
			if (target < 0 && ref == c->e[entry].id)
				target = entry;
		}
		if (w->t->cables >= w->most && (target < 0 || !w->seen[target])) {
			w->t->n[at].more = true;
			w->t->cut = true;
			break;
		}
		child = add_node(w, target, ref, depth + (up ? -1 : 1), (long)at);
		grow(w, child, up);
	}
}

void corpus_thread(const struct corpus *c, size_t i, int depth, size_t most, struct thread *t)
{
	struct walk w = { c, t, NULL, depth > 0 ? depth : 1, most ? most : 1 };

	memset(t, 0, sizeof(*t));
	t->depth = w.depth;
	if (i >= c->n)
		return;
	w.seen = xcalloc(c->n, 1);
	add_node(&w, (long)i, 0, 0, -1);
	t->root_cites = t->nn;
	grow(&w, 0, true);
	t->root_cited = t->nn;
	grow(&w, 0, false);
	free(w.seen);
}

void thread_free(struct thread *t)
{
	free(t->n);
	memset(t, 0, sizeof(*t));
}
