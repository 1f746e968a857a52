/* arena.c -- bump allocator */
#include "config.h"
#include "base/arena.h"
#include "base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

static struct arena_block *block_new(size_t size, struct arena_block *next)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = next;
	b->size = size;
	b->used = 0;
	return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

	if (need < n)
		die("out of memory (%zu bytes)", n);
	if (!b || b->size - b->used < need) {
		if (need > ARENA_BLOCK / 4) {
			/* A large object gets a block of its own, kept behind the
			 * current one so the current block's free space is not lost. */
			struct arena_block *big = block_new(need, NULL);

			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			big->used = need;
			a->used_total += need;
			return big->data;
		}
		b = a->head = block_new(ARENA_BLOCK, b);
	}
	void *p = b->data + b->used;
	b->used += need;
	a->used_total += need;
	return p;
}

struct str arena_strdup(struct arena *a, struct str s)
{
	char *p = arena_alloc(a, s.n + 1);

	if (s.n)
		memcpy(p, s.p, s.n);
	p[s.n] = '\0';
	return str_make(p, s.n);
}

void *arena_grow(struct arena *a, void *old, size_t n, size_t need, size_t elem)
{
	void *p;

	if (need && elem > SIZE_MAX / need)
		die("out of memory (array of %zu items)", need);
	p = arena_alloc(a, need * elem);
	if (n && old)
		memcpy(p, old, n * elem);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_block *b = a->head, *keep = NULL;

	while (b) {
		struct arena_block *next = b->next;

		if (!keep && b->size == ARENA_BLOCK) {
			keep = b;
		} else {
			free(b);
		}
		b = next;
	}
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->used_total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_total = 0;
}
