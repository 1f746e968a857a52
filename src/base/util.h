/* util.h -- allocation that never returns NULL, fatal errors, small helpers */
#ifndef PILCROW_UTIL_H
#define PILCROW_UTIL_H

#include <stddef.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* Sets the function run before a fatal exit (the UI restores the terminal). */
void util_set_fatal_hook(void (*hook)(void));

/* Prints "pilcrow: MSG" on stderr, runs the fatal hook and exits with status 1. */
NORETURN void die(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Allocators: on failure they call die(), never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Returns a newly allocated string formatted like printf. */
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Milliseconds of a monotonic clock. */
double now_ms(void);

/* Grows *p (an array of elem-sized items with capacity *cap) to hold need items. */
void grow_array(void **p, size_t *cap, size_t need, size_t elem);
/* Cuts *p (capacity *cap) to its @n items (one at least), once no more come. */
void trim_array(void **p, size_t *cap, size_t n, size_t elem);

#endif
