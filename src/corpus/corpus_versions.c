/* corpus_versions.c -- the texts of one cable given more than once: a
 * dump record and a page of it, two snapshots of a page.  The id table
 * keeps an id's first entry; each later record of the id is noted here as
 * it is read (a saved list notes none: they are found again, one pass over
 * the ids, the first time they are asked for).  Versions are the records
 * of one id that start at the same section: a record that says SECTION 01
 * and one that says no section both start the cable (a later layout may
 * have left the line out); SECTION 02 given apart is another part. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void dup_add(struct corpus *c, uint32_t e, uint32_t first)
{
	grow_array((void **)&c->dups, &c->cap_dups, c->ndups + 1, sizeof(*c->dups));
	c->dups[c->ndups++] = (struct dup){ e, first };
}

static int by_first(const void *pa, const void *pb)
{
	const struct dup *a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return (a->e > b->e) - (a->e < b->e);
}

static void ready(struct corpus *c)
{
	if (c->dups_unknown) {
		c->dups_unknown = false;
		c->ndups = 0;
		for (size_t i = 0; i < c->n; i++) {
			long f = corpus_find(c, corpus_str(c, c->e[i].id));

			if (f >= 0 && (size_t)f != i)
				dup_add(c, (uint32_t)i, (uint32_t)f);
		}
	}
	if (c->nby_first != c->ndups) {
		c->dups_by_first = xrealloc(c->dups_by_first, (c->ndups ? c->ndups : 1) * sizeof(*c->dups_by_first));
		memcpy(c->dups_by_first, c->dups, c->ndups * sizeof(*c->dups));
		qsort(c->dups_by_first, c->ndups, sizeof(*c->dups), by_first);
		c->nby_first = c->ndups;
	}
}

bool corpus_has_dups(struct corpus *c)
{
	ready(c);
	return c->ndups > 0;
}

/* The id's first entry for entry @i: itself unless it is a later record. */
static size_t first_of(const struct corpus *c, size_t i)
{
	size_t lo = 0, hi = c->ndups;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->dups[mid].e < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->ndups && c->dups[lo].e == i ? c->dups[lo].first : i;
}

static unsigned start_of(const struct corpus *c, size_t e)
{
	return c->e[e].part <= 1 ? 0 : c->e[e].part;
}

size_t corpus_versions(struct corpus *c, size_t i, uint32_t *out, size_t max)
{
	size_t first, lo = 0, hi, n = 0;

	if (i >= c->n)
		return 0;
	ready(c);
	first = first_of(c, i);
	if (start_of(c, first) == start_of(c, i)) {
		if (n < max)
			out[n] = (uint32_t)first;
		n++;
	}
	hi = c->ndups;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->dups_by_first[mid].first < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->ndups && c->dups_by_first[lo].first == first; lo++) {
		uint32_t e = c->dups_by_first[lo].e;

		if (start_of(c, e) != start_of(c, i))
			continue;
		if (n < max)
			out[n] = e;
		n++;
	}
	return n;
}

size_t corpus_later_versions(struct corpus *c)
{
	ready(c);
	/* counted again only when more records of an id were met */
	if (c->later_at != c->ndups) {
		c->later = 0;
		for (size_t k = 0; k < c->ndups; k++)
			c->later += corpus_version_head(c, c->dups[k].e) != c->dups[k].e;
		c->later_at = c->ndups;
	}
	return c->later;
}

size_t corpus_version_head(struct corpus *c, size_t i)
{
	uint32_t head;

	if (i >= c->n)
		return i;
	ready(c);
	if (!c->ndups || !corpus_versions(c, i, &head, 1))
		return i;
	return head;
}
