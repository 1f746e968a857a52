/* arena.h -- bump allocator: everything a cable owns is freed at once */
#ifndef PILCROW_ARENA_H
#define PILCROW_ARENA_H

#include <stddef.h>
#include "base/str.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used_total;
};

/* Returns @n bytes aligned for any object; never NULL. */
void *arena_alloc(struct arena *a, size_t n);

/* Returns a NUL-terminated copy of @s inside the arena. */
struct str arena_strdup(struct arena *a, struct str s);

/* Returns a copy of @n items of @elem bytes grown to hold @need items. */
void *arena_grow(struct arena *a, void *old, size_t n, size_t need, size_t elem);

/* Frees every block but the first, and makes the arena empty for reuse. */
void arena_reset(struct arena *a);

/* Frees everything. */
void arena_free(struct arena *a);

#endif
