/* mapguard.h -- files that change underneath a mapping.  A mapped file cut
 * short by another program raises SIGBUS when its lost pages are read; the
 * fatal-signal handler asks mapguard_rescue() first, which puts blank pages
 * where the lost ones were, so the reading goes on (it sees NUL bytes) and
 * the reader can say what happened instead of dying. */
#ifndef PILCROW_MAPGUARD_H
#define PILCROW_MAPGUARD_H

#include <stdbool.h>
#include <stddef.h>

/* Watches the mapping @p of @n bytes (at most MAPGUARD_MAX at once; more
 * are mapped unwatched). */
#define MAPGUARD_MAX 64
void mapguard_add(const void *p, size_t n);
void mapguard_remove(const void *p);

/* For the signal handler: true when @addr lies in a watched mapping and
 * blank pages now stand from there to its end.  Async-signal-safe. */
bool mapguard_rescue(const void *addr);

/* How many rescues there have been: a cheap test for "anything new?". */
unsigned mapguard_rescues(void);

/* The offset in mapping @p from which the file was found missing, or
 * (size_t)-1 while nothing is. */
size_t mapguard_cut(const void *p);

#endif
