/* corpus_cited.c -- who cites whom: every cable's references looked up
 * once the corpus is read (the references listed as the entries were
 * added, cite_note), each cable's citing cables in the order a reader
 * follows them. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "doc/ids.h"

/* Citing cables in the order a reader follows them: by date (a cable
 * without one last), then by id with its serial as a number
 * (09BRASILIA35 before 09BRASILIA1094). */
static int cmp_citing(const void *pa, const void *pb, void *ud)
{
	const struct corpus *c = ud;
	const struct centry *x = &c->e[*(const uint32_t *)pa], *y = &c->e[*(const uint32_t *)pb];

	if ((!x->date) != (!y->date))
		return x->date ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return id_compare(corpus_str(c, x->id), corpus_str(c, y->id));
}

/* Who cites whom, in steps of @deadline like the indexing: every cable's
 * references listed as it was added (pass 0, cite_note: on the corpus's
 * thread while the workers read on), what each names found and counted
 * (pass 1), the lists filled (pass 2), then each cable's citing cables put
 * in order.  True when done.  Pass 1 looks each reference up in the table of
 * ids, a cache miss for the slot and one for the entry: the ones ahead
 * are asked of the memory first (at the dump's 750,000 references this
 * pass was the whole of the list's last 60 ms, every worker idle). */
#define CITE_AHEAD 16

static void cite_prefetch(const struct corpus *c, size_t q)
{
	const struct hslot *slot;

	if (q + CITE_AHEAD < c->cite_nrefs)
		pool_prefetch(c, c->cite_hash[q + CITE_AHEAD], FETCH_ID_SLOT);
	if (q + CITE_AHEAD / 2 < c->cite_nrefs && c->nids) {
		slot = &c->ids[c->cite_hash[q + CITE_AHEAD / 2] & (c->nids - 1)];
		if (slot->val)
			__builtin_prefetch(&c->e[slot->val - 1]);
	}
}

bool build_cited_by(struct corpus *c, double deadline)
{
	if (c->cite_pass == 0) {
		c->cite_count = xcalloc(c->n + 1, sizeof(*c->cite_count));
		c->cite_pass = 1;
	}
	/* both passes walk the references as cite_note listed them: every
	 * cable's, in order, but those interned as nothing; pass 2 in the
	 * order of the citing cables, as the lists were (the sort below is
	 * by date, and cables of one date keep this order) */
	while (c->cite_pass < 3) {
		for (; c->cite_i < c->n; c->cite_i++) {
			size_t i = c->cite_i;
			const uint32_t *refs;
			size_t n = list_get(c, c->e[i].refs, &refs);

			if ((i & 1023) == 1023 && now_ms() > deadline)
				return false;
			for (size_t k = 0; k < n && c->cite_k < c->cite_nrefs; k++) {
				bool moved;
				int32_t t;

				if (!refs[k])
					continue;
				if (c->cite_pass == 1) {
					cite_prefetch(c, c->cite_k);
					t = (int32_t)ref_target_at(c, i, refs[k], c->cite_hash[c->cite_k], &moved);
					c->cite_hash[c->cite_k] = (uint32_t)t;
					if (t >= 0)
						c->cite_count[t]++;
				} else if ((t = (int32_t)c->cite_hash[c->cite_k]) >= 0) {
					c->cited[c->cited_at[t] + c->cite_count[t]++] = (uint32_t)i;
				}
				c->cite_k++;
			}
		}
		if (c->cite_pass == 1) {
			size_t total = 0;

			c->cited_at = xcalloc(c->n + 1, sizeof(*c->cited_at));
			for (size_t i = 0; i < c->n; i++) {
				c->cited_at[i] = (uint32_t)total;
				total += c->cite_count[i];
			}
			c->cited_at[c->n] = (uint32_t)total;
			c->cited = xcalloc(total ? total : 1, sizeof(*c->cited));
			memset(c->cite_count, 0, (c->n + 1) * sizeof(*c->cite_count));
		}
		c->cite_pass++;
		c->cite_i = c->cite_k = 0;
	}
	for (size_t j = 0; j < c->n; j++)
		if (c->cited_at[j + 1] - c->cited_at[j] > 1)
			qsort_r(c->cited + c->cited_at[j], c->cited_at[j + 1] - c->cited_at[j], sizeof(*c->cited), cmp_citing,
				c);
	free(c->cite_count);
	c->cite_count = NULL;
	free(c->cite_hash);
	c->cite_hash = NULL;
	c->cite_nrefs = c->cite_cap = 0;
	return true;
}

size_t corpus_cited_by(const struct corpus *c, size_t i, const uint32_t **list)
{
	if (!c->cited_at || i >= c->n) {
		*list = NULL;
		return 0;
	}
	*list = c->cited + c->cited_at[i];
	return c->cited_at[i + 1] - c->cited_at[i];
}
