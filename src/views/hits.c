/* hits.c -- the search results */
#include "config.h"
#include "views/hits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/grep.h"
#include "doc/marking.h"
#include "base/util.h"

bool hits_possible(const struct cfilter *f)
{
	return cfilter_findable(f);
}

void hits_start(struct hits *h, struct corpus *c, const struct cfilter *f, const uint32_t *rows, size_t n)
{
	hits_free(h);
	h->corpus = c;
	h->filter = f;
	/* the list's rows may be remade while the hits are read: a copy */
	h->rows = xmalloc((n ? n : 1) * sizeof(*h->rows));
	if (n)
		memcpy(h->rows, rows, n * sizeof(*rows));
	h->nrows = n;
	h->pattern = NULL;
	for (size_t i = 0; i < f->n && !h->pattern; i++)
		if (cf_findable(&f->terms[i])) {
			h->pattern = f->terms[i].pattern;
			h->words = f->terms[i].words;
		}
}

struct collect {
	struct hits *h;
	uint32_t entry;
	const struct cable *c;
};

static void keep(const struct hit *g, void *ud)
{
	struct collect *k = ud;
	struct hits *h = k->h;
	struct hit_row *r;
	const struct paragraph *p = g->para >= 0 ? &k->c->paras[g->para] : NULL;

	/* para=: only in a paragraph at that marking */
	if (!cfilter_para_ok_at(h->filter, k->c, g->para))
		return;
	if (h->n >= HITS_MAX) {
		h->full = true;
		return;
	}
	grow_array((void **)&h->hit, &h->cap, h->n + 1, sizeof(*h->hit));
	r = &h->hit[h->n++];
	memset(r, 0, sizeof(*r));
	r->entry = k->entry;
	r->para = g->para;
	r->start = (uint32_t)g->start;
	r->len = (uint32_t)g->len;
	/* a hit in the header has no paragraph: address "" */
	snprintf(r->address, sizeof(r->address), "%s", p ? p->address : "");
	if (p && p->marking.level)
		marking_format_portion(&p->marking, r->marking, sizeof(r->marking));
	r->before = (uint32_t)g->before.n;
	r->match = (uint32_t)g->match.n;
	r->text = xasprintf("%.*s%.*s%.*s", (int)g->before.n, g->before.p ? g->before.p : "", (int)g->match.n,
			    g->match.p ? g->match.p : "", (int)g->after.n, g->after.p ? g->after.p : "");
}

bool hits_step(struct hits *h, double budget_ms)
{
	double until = now_ms() + budget_ms;

	while (h->next < h->nrows && !h->full) {
		uint32_t e = h->rows[h->next++];
		const struct cable *c = corpus_cable(h->corpus, e);
		size_t before = h->n;

		if (c) {
			struct collect k = { h, e, c };

			for (size_t i = 0; i < h->filter->n; i++)
				if (cf_findable(&h->filter->terms[i]))
					grep_cable_term(c, &h->filter->terms[i], keep, &k);
		}
		if (h->n > before)
			h->cables++;
		if (now_ms() >= until)
			break;
	}
	return h->next >= h->nrows || h->full;
}

void hits_free(struct hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->hit[i].text);
	free(h->hit);
	free(h->rows);
	h->rows = NULL;
	h->hit = NULL;
	h->n = h->cap = h->cables = h->next = 0;
	h->full = false;
}
