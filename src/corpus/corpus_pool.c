/* corpus_pool.c -- a corpus's strings, each kept once (interned in an
 * open-addressing table), lists of them (the TAGS and REFs of a cable),
 * and the table of ids. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "base/util.h"

/* ------------------------------------------------------------------ strings */

uint32_t pool_add(struct corpus *c, struct str s)
{
	uint32_t off;

	if (!s.n)
		return 0;
	if (c->pool.n + s.n + 1 >= UINT32_MAX)
		die("the corpus is too large for the index (4 GB of strings)");
	off = (uint32_t)c->pool.n;
	buf_add(&c->pool, s.p, s.n);
	buf_addc(&c->pool, '\0');
	return off;
}

/* A table of @m slots, zeroed by writing it, in huge pages where the
 * system gives them on asking (transparent huge pages, "madvise").  Its
 * slots are read before they are written, at random: left to calloc, the
 * first read of each page mapped the shared zero page, and the first write
 * replaced it, a fault and a flush of every core's TLB, the workers' too:
 * 5,000 of them for the dump's 20 MB of tables, a third of the time to the
 * first screen, and still 45 ms of it where the system had no huge page to
 * give.  Written first, each page is a fresh one, which no core has seen:
 * nothing to flush, and every page is written soon anyway. */
#define HUGE_PAGE ((uintptr_t)2 << 20)

static struct hslot *table_new(size_t m)
{
	struct hslot *t = xmalloc(m * sizeof(*t));
#ifdef MADV_HUGEPAGE
	uintptr_t from = ((uintptr_t)t + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t to = ((uintptr_t)t + m * sizeof(*t)) & ~(HUGE_PAGE - 1);

	if (to > from)
		madvise((void *)from, to - from, MADV_HUGEPAGE);
#endif
	memset(t, 0, m * sizeof(*t));
	return t;
}

static void htab_resize(struct hslot **t, size_t *n, size_t m)
{
	struct hslot *old = *t;

	*t = table_new(m);
	for (size_t i = 0; i < *n; i++) {
		size_t k;

		if (!old[i].val)
			continue;
		k = old[i].hash & (m - 1);
		while ((*t)[k].val)
			k = (k + 1) & (m - 1);
		(*t)[k] = old[i];
	}
	free(old);
	*n = m;
}

/* Doubles the table *t of *n slots (1024 at first). */
static void htab_grow(struct hslot **t, size_t *n)
{
	htab_resize(t, n, *n ? *n * 2 : 1024);
}

/* A dump of @bytes is to be read: the two tables made the size it will
 * want (a cable of a dump is about 7 kB, with about four distinct strings
 * to intern), so that none is doubled halfway, all its entries placed
 * again in one step: at a million cables that step took 211 ms.  The
 * pages of a table nobody has written yet cost no memory. */
void pool_expect(struct corpus *c, uint64_t bytes)
{
	size_t strings = (size_t)(bytes / 2100), ids = (size_t)(bytes / 7500) + c->n;
	size_t m = 1024;

	while (m < strings * 2 && m < ((size_t)1 << 28))
		m *= 2;
	if (!c->pool_done && m > c->nslots)
		htab_resize(&c->slots, &c->nslots, m);
	for (m = 1024; m < ids * 2 && m < ((size_t)1 << 28);)
		m *= 2;
	if (m > c->nids)
		htab_resize(&c->ids, &c->nids, m);
}

/* The pool offset of @s (its pool_hash @h), added once. */
uint32_t intern_hashed(struct corpus *c, struct str s, uint32_t h)
{
	size_t k;

	if (!s.n)
		return 0;
	/* the table is given back once the corpus is read (corpus_pool_done):
	 * a string after that is only kept */
	if (c->pool_done)
		return pool_add(c, s);
	if ((c->used_slots + 1) * 2 > c->nslots)
		htab_grow(&c->slots, &c->nslots);
	k = h & (c->nslots - 1);
	while (c->slots[k].val) {
		const char *have = c->pool.p + c->slots[k].val;

		if (c->slots[k].hash == h && strnlen(have, s.n + 1) == s.n && memcmp(have, s.p, s.n) == 0)
			return c->slots[k].val;
		k = (k + 1) & (c->nslots - 1);
	}
	c->slots[k].hash = h;
	c->slots[k].val = pool_add(c, s);
	c->used_slots++;
	return c->slots[k].val;
}

uint32_t intern(struct corpus *c, struct str s)
{
	return intern_hashed(c, s, pool_hash(s.p, s.n));
}

/* What a string or an id of hash @h will be looked for at, asked of the
 * memory ahead of its turn: add_packed's strings fall at random places of
 * tables of megabytes, and of the pool, each a cache miss, which fetching
 * the next entries' slots (then, those come, their strings) overlaps with
 * this one's work. */
void pool_prefetch(const struct corpus *c, uint32_t h, enum pool_fetch what)
{
	const struct hslot *slot;

	switch (what) {
	case FETCH_ID_SLOT:
		if (c->nids)
			__builtin_prefetch(&c->ids[h & (c->nids - 1)]);
		break;
	case FETCH_SLOT:
		if (c->nslots && !c->pool_done)
			__builtin_prefetch(&c->slots[h & (c->nslots - 1)]);
		break;
	case FETCH_STRING:
		if (!c->nslots || c->pool_done)
			break;
		slot = &c->slots[h & (c->nslots - 1)];
		if (slot->val && slot->hash == h)
			__builtin_prefetch(c->pool.p + slot->val);
		break;
	}
}

const char *corpus_str(const struct corpus *c, uint32_t off)
{
	return off && off < c->pool.n ? c->pool.p + off : "";
}

uint32_t list_add(struct corpus *c, const uint32_t *items, size_t n)
{
	uint32_t at;

	if (!n)
		return 0;
	/* room for the "none" slot at 0, the count and the items */
	grow_array((void **)&c->lists, &c->cap_lists, c->nlists + n + 2, sizeof(*c->lists));
	if (c->nlists == 0)
		c->lists[c->nlists++] = 0;   /* position 0 means "none" */
	at = (uint32_t)c->nlists;
	c->lists[c->nlists++] = (uint32_t)n;
	memcpy(c->lists + c->nlists, items, n * sizeof(*items));
	c->nlists += n;
	return at;
}

size_t list_get(const struct corpus *c, uint32_t at, const uint32_t **items)
{
	if (!at) {
		*items = NULL;
		return 0;
	}
	*items = c->lists + at + 1;
	return c->lists[at];
}

size_t corpus_tags(const struct corpus *c, size_t i, const uint32_t **offs)
{
	return list_get(c, c->e[i].tags, offs);
}

size_t corpus_people(const struct corpus *c, size_t i, const uint32_t **offs)
{
	return list_get(c, c->e[i].people, offs);
}

size_t corpus_refs(const struct corpus *c, size_t i, const uint32_t **offs)
{
	return list_get(c, c->e[i].refs, offs);
}

/* ---------------------------------------------------------------- ids */

void id_insert(struct corpus *c, const char *id, uint32_t h, uint32_t entry)
{
	size_t k;

	if (!*id)
		return;
	if ((c->n + 1) * 2 > c->nids)
		htab_grow(&c->ids, &c->nids);
	k = h & (c->nids - 1);
	while (c->ids[k].val) {
		if (c->ids[k].hash == h && strcmp(corpus_str(c, c->e[c->ids[k].val - 1].id), id) == 0) {
			/* the same id twice: the first stays, the other is noted */
			dup_add(c, entry, c->ids[k].val - 1);
			return;
		}
		k = (k + 1) & (c->nids - 1);
	}
	c->ids[k].hash = h;
	c->ids[k].val = entry + 1;
}

/* The entry of @id (its pool_hash @h), or -1.  @off: the pool offset @id
 * was interned at, or 0: while the table of strings is kept one string has
 * one offset, and an entry whose id is at @off is the one without its
 * string read (a cache miss fewer, for each of the dump's references). */
static long find_id(const struct corpus *c, const char *id, uint32_t off, uint32_t h)
{
	size_t k;

	if (!c->nids || !id || !*id)
		return -1;
	k = h & (c->nids - 1);
	while (c->ids[k].val) {
		uint32_t at = c->e[c->ids[k].val - 1].id;

		if (c->ids[k].hash == h && ((off && at == off) || strcmp(corpus_str(c, at), id) == 0))
			return (long)c->ids[k].val - 1;
		k = (k + 1) & (c->nids - 1);
	}
	return -1;
}

long corpus_find(const struct corpus *c, const char *id)
{
	return id ? find_id(c, id, 0, pool_hash(id, strlen(id))) : -1;
}

/* The entry a reference @ref of @citing names (its pool offset @off, or
 * 0; its pool_hash @h), as corpus_ref_target says. */
static long ref_target(const struct corpus *c, size_t citing, const char *ref, uint32_t off, uint32_t h,
		       bool *moved)
{
	long e = find_id(c, ref, off, h);
	uint32_t when = citing < c->n ? c->e[citing].date : 0;
	char before[64];
	long b;
	int yy;

	*moved = false;
	if (e < 0 || (size_t)e == citing)
		return -1;
	/* dates of minutes: a day later is later; the same day is not */
	if (!when || !c->e[e].date || c->e[e].date / 1440 <= when / 1440)
		return e;
	/* "ROME 451" cited by ROME 97 of January: the year before's, when the
	 * corpus holds it and it is not later too */
	if (strlen(ref) < 3 || !is_digit((unsigned char)ref[0]) || !is_digit((unsigned char)ref[1]))
		return -1;
	yy = ((ref[0] - '0') * 10 + (ref[1] - '0') + 99) % 100;
	snprintf(before, sizeof(before), "%02d%s", yy, ref + 2);
	b = corpus_find(c, before);
	if (b < 0 || (size_t)b == citing || (c->e[b].date && c->e[b].date / 1440 > when / 1440))
		return -1;
	*moved = true;
	return b;
}

long ref_target_at(const struct corpus *c, size_t citing, uint32_t ref_off, uint32_t h, bool *moved)
{
	return ref_target(c, citing, corpus_str(c, ref_off), c->pool_done ? 0 : ref_off, h, moved);
}

long corpus_ref_target(const struct corpus *c, size_t citing, const char *ref, bool *moved)
{
	*moved = false;
	return ref ? ref_target(c, citing, ref, 0, pool_hash(ref, strlen(ref)), moved) : -1;
}

void corpus_pool_done(struct corpus *c)
{
	free(c->slots);
	c->slots = NULL;
	c->nslots = c->used_slots = 0;
	c->pool_done = true;
	/* the arrays grown by doubling cut to what they hold (a quarter of
	 * the list's memory at most), and the freed memory given back */
	trim_array((void **)&c->e, &c->cap, c->n, sizeof(*c->e));
	trim_array((void **)&c->pool.p, &c->pool.cap, c->pool.n, 1);
	trim_array((void **)&c->lists, &c->cap_lists, c->nlists, sizeof(*c->lists));
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
