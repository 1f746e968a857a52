/* buf.h -- growable byte buffer */
#ifndef PILCROW_BUF_H
#define PILCROW_BUF_H

#include <stddef.h>
#include "base/str.h"
#include "base/util.h"

struct buf {
	char *p;
	size_t n, cap;
};

/* Makes room for @extra more bytes. */
void buf_reserve(struct buf *b, size_t extra);

static inline void buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->n < n + 1)
		buf_reserve(b, n + 1);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static inline void buf_addc(struct buf *b, char c)
{
	if (b->cap - b->n < 2)
		buf_reserve(b, 2);
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

static inline void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static inline void buf_addstr(struct buf *b, struct str s)
{
	buf_add(b, s.p, s.n);
}

void buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);

static inline struct str buf_str(const struct buf *b)
{
	return str_make(b->p, b->n);
}

static inline void buf_clear(struct buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void buf_free(struct buf *b);

#endif
