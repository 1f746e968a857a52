/* buf.c -- growable byte buffer */
#include "config.h"
#include "base/buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void buf_reserve(struct buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 256;

	if (extra > SIZE_MAX - b->n)
		die("out of memory (buffer of %zu bytes)", b->n);
	while (cap - b->n < extra) {
		if (cap > SIZE_MAX / 2)
			die("out of memory (buffer of %zu bytes)", b->n);
		cap *= 2;
	}
	if (cap != b->cap) {
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
