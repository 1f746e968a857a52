/* marklist.c -- the marks browser's model */
#include "config.h"
#include "views/marklist.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static const char *keep(struct arena *a, const char *s)
{
	return arena_strdup(a, str_c(s ? s : "")).p;
}

static void add_line(struct marklist *m, enum ml_kind kind, size_t item)
{
	grow_array((void **)&m->lines, &m->cap_lines, m->nlines + 1, sizeof(*m->lines));
	m->lines[m->nlines++] = (struct ml_line){ kind, item };
}

static void found(size_t start, size_t len, void *ud)
{
	(void)start;
	(void)len;
	(void)ud;
}

static bool one(const struct ws_item *it, void *ud)
{
	struct marklist *m = ud;
	struct ws_item *x;
	size_t k = m->n;

	if (m->only && !search_all(m->only, str_c(it->text ? it->text : ""), 1, found, NULL) &&
	    !search_all(m->only, str_c(it->note ? it->note : ""), 1, found, NULL))
		return true;

	grow_array((void **)&m->items, &m->cap, m->n + 1, sizeof(*m->items));
	x = &m->items[m->n++];
	/* the cable's strings once: the items of a cable follow each other */
	if (k && strcmp(m->items[k - 1].id, it->id) == 0) {
		*x = m->items[k - 1];
	} else {
		x->id = keep(&m->arena, it->id);
		x->date = keep(&m->arena, it->date);
		x->origin = keep(&m->arena, it->origin);
		x->origin_name = keep(&m->arena, it->origin_name);
		x->subject = keep(&m->arena, it->subject);
		x->classification = keep(&m->arena, it->classification);
		m->cables++;
		add_line(m, ML_CABLE, k);
	}
	x->address = keep(&m->arena, it->address);
	x->marking = keep(&m->arena, it->marking);
	x->text = keep(&m->arena, it->text);
	x->note = keep(&m->arena, it->note);
	x->collections = keep(&m->arena, it->collections);
	add_line(m, ML_ITEM, k);
	if (*x->note)
		add_line(m, ML_NOTE, k);
	return true;
}

void marklist_load(struct marklist *m, struct workspace *w, const char *collection)
{
	arena_reset(&m->arena);
	m->n = m->nlines = m->cables = 0;
	ws_items(w, collection, MARKLIST_TEXT, one, m);
}

void marklist_free(struct marklist *m)
{
	arena_free(&m->arena);
	free(m->items);
	free(m->lines);
	memset(m, 0, sizeof(*m));
}

long marklist_item_line(const struct marklist *m, size_t k)
{
	for (size_t i = 0; i < m->nlines; i++)
		if (m->lines[i].kind == ML_ITEM && m->lines[i].item == k)
			return (long)i;
	return -1;
}

long marklist_next_item(const struct marklist *m, long from, int dir)
{
	for (long i = from; i >= 0 && (size_t)i < m->nlines; i += dir)
		if (m->lines[i].kind == ML_ITEM)
			return i;
	return -1;
}
