/* lineedit.c -- the prompts' line editor */
#include "config.h"
#include "views/lineedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "base/util.h"

/* Room for @n bytes and the NUL. */
static void reserve(struct lineedit *l, size_t n)
{
	if (n + 1 > l->cap) {
		size_t cap = l->cap ? l->cap : 64;

		while (cap < n + 1)
			cap *= 2;
		l->s = xrealloc(l->s, cap);
		l->cap = cap;
	}
}

void line_set(struct lineedit *l, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	reserve(l, n);
	memmove(l->s, s ? s : "", n);
	l->s[n] = '\0';
	l->n = l->cur = n;
}

void line_free(struct lineedit *l)
{
	free(l->s);
	memset(l, 0, sizeof(*l));
}

bool line_insert(struct lineedit *l, uint32_t ch)
{
	uint8_t mb[6];
	int k = ch >= 0x20 && ch != 0x7F ? u8_uctomb(mb, ch, sizeof(mb)) : -1;

	if (k <= 0)
		return false;
	reserve(l, l->n + (size_t)k);
	memmove(l->s + l->cur + k, l->s + l->cur, l->n - l->cur + 1);
	memcpy(l->s + l->cur, mb, (size_t)k);
	l->n += (size_t)k;
	l->cur += (size_t)k;
	return true;
}

/* The start of the character before @at. */
static size_t before(const struct lineedit *l, size_t at)
{
	ucs4_t uc;
	const uint8_t *p = u8_prev(&uc, (const uint8_t *)l->s + at, (const uint8_t *)l->s);

	return p ? (size_t)(p - (const uint8_t *)l->s) : 0;
}

/* The start of the character after @at. */
static size_t after(const struct lineedit *l, size_t at)
{
	int k = at < l->n ? u8_mblen((const uint8_t *)l->s + at, l->n - at) : 0;

	return at + (k > 0 ? (size_t)k : at < l->n ? 1 : 0);
}

static void cut(struct lineedit *l, size_t from, size_t to)
{
	if (!l->s)
		return;
	memmove(l->s + from, l->s + to, l->n - to + 1);
	l->n -= to - from;
	l->cur = from;
}

void line_left(struct lineedit *l)
{
	l->cur = before(l, l->cur);
}

void line_right(struct lineedit *l)
{
	l->cur = after(l, l->cur);
}

void line_home(struct lineedit *l)
{
	l->cur = 0;
}

void line_end(struct lineedit *l)
{
	l->cur = l->n;
}

bool line_backspace(struct lineedit *l)
{
	if (!l->cur)
		return false;
	cut(l, before(l, l->cur), l->cur);
	return true;
}

void line_delete(struct lineedit *l)
{
	size_t at = l->cur;

	if (at < l->n)
		cut(l, at, after(l, at));
}

void line_kill_word(struct lineedit *l)
{
	size_t from = l->cur;

	while (from && l->s[from - 1] == ' ')
		from--;
	while (from && l->s[from - 1] != ' ')
		from--;
	cut(l, from, l->cur);
}

void line_kill_start(struct lineedit *l)
{
	cut(l, 0, l->cur);
}

void line_kill_end(struct lineedit *l)
{
	if (!l->s)
		return;
	l->n = l->cur;
	l->s[l->n] = '\0';
}

void history_add(struct history *h, const char *s)
{
	if (*s && !(h->n && strcmp(h->items[h->n - 1], s) == 0)) {
		if (h->n == HISTORY_MAX) {
			free(h->items[0]);
			memmove(h->items, h->items + 1, (HISTORY_MAX - 1) * sizeof(*h->items));
			h->n--;
		}
		h->items[h->n++] = xstrdup(s);
	}
	h->pos = h->n;
}

void history_walk(struct history *h, struct lineedit *l, int dir)
{
	size_t to;

	if (h->pos > h->n)
		h->pos = h->n;
	if (dir < 0 ? h->pos == 0 : h->pos >= h->n)
		return;
	if (h->pos == h->n) {
		free(h->draft);
		h->draft = xstrdup(l->s ? l->s : "");
	}
	to = dir < 0 ? h->pos - 1 : h->pos + 1;
	h->pos = to;
	line_set(l, to == h->n ? h->draft : h->items[to]);
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->draft);
	h->draft = NULL;
	h->n = h->pos = 0;
}
