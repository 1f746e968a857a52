/* ws_cache.c -- what this session knows of the workspace's cables: the
 * screens ask it for every row they draw and a list filter for every
 * cable of the corpus, which a query each would make slow.  Read whole
 * from the database when it opens and when another session changed it;
 * this session's own changes are made here as they are committed.
 *
 * Hand-written: the cables by id in an open-addressing table (FNV-1a).
 * SQLite answers a lookup in microseconds, which a filter over 251,287
 * cables turns into half a second; libc's hsearch is one table a process. */
#include "config.h"
#include "workspace/ws_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

static uint32_t hash_id(struct str id)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < id.n; i++)
		h = (h ^ (unsigned char)id.p[i]) * 16777619u;
	return h;
}

struct wc_cable *wc_find(const struct workspace *w, struct str id)
{
	if (!w || !w->nslots)
		return NULL;
	for (size_t i = hash_id(id) & (w->nslots - 1);; i = (i + 1) & (w->nslots - 1)) {
		uint32_t s = w->slots[i];
		struct wc_cable *c;

		if (!s)
			return NULL;
		c = &w->cables[s - 1];
		if (strlen(c->id) == id.n && memcmp(c->id, id.p, id.n) == 0)
			return c;
	}
}

static void place(struct workspace *w, size_t k)
{
	struct str id = str_c(w->cables[k].id);
	size_t i = hash_id(id) & (w->nslots - 1);

	while (w->slots[i])
		i = (i + 1) & (w->nslots - 1);
	w->slots[i] = (uint32_t)k + 1;
}

struct wc_cable *wc_get(struct workspace *w, const char *id)
{
	struct wc_cable *c = wc_find(w, str_c(id));

	if (c)
		return c;
	if ((w->ncables + 1) * 2 > w->nslots) {
		free(w->slots);
		w->nslots = w->nslots ? w->nslots * 2 : 256;
		w->slots = xcalloc(w->nslots, sizeof(*w->slots));
		for (size_t k = 0; k < w->ncables; k++)
			place(w, k);
	}
	grow_array((void **)&w->cables, &w->cap_cables, w->ncables + 1, sizeof(*w->cables));
	c = &w->cables[w->ncables];
	memset(c, 0, sizeof(*c));
	c->id = xstrdup(id);
	place(w, w->ncables++);
	return c;
}

struct wc_addr *wc_addr(struct wc_cable *c, const char *address, bool add)
{
	struct wc_addr *a;

	for (size_t i = 0; i < c->naddrs; i++)
		if (strcmp(c->addrs[i].a, address) == 0)
			return &c->addrs[i];
	if (!add)
		return NULL;
	grow_array((void **)&c->addrs, &c->cap_addrs, c->naddrs + 1, sizeof(*c->addrs));
	a = &c->addrs[c->naddrs++];
	memset(a, 0, sizeof(*a));
	snprintf(a->a, sizeof(a->a), "%s", address);
	return a;
}

static size_t coll_index(struct workspace *w, const char *name)
{
	size_t lo = 0, hi = w->ncolls;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(w->colls[mid], name);

		if (!d)
			return mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* a new name, in its place; the cables' indexes after it move up */
	grow_array((void **)&w->colls, &w->cap_colls, w->ncolls + 1, sizeof(*w->colls));
	memmove(&w->colls[lo + 1], &w->colls[lo], (w->ncolls - lo) * sizeof(*w->colls));
	w->colls[lo] = xstrdup(name);
	w->ncolls++;
	for (size_t k = 0; k < w->ncables; k++)
		for (size_t j = 0; j < w->cables[k].ncolls; j++)
			if (w->cables[k].colls[j] >= lo)
				w->cables[k].colls[j]++;
	return lo;
}

void wc_set_coll(struct workspace *w, struct wc_cable *c, const char *name, bool in)
{
	size_t k = coll_index(w, name);

	for (size_t j = 0; j < c->ncolls; j++)
		if (c->colls[j] == k) {
			if (!in)
				c->colls[j] = c->colls[--c->ncolls];
			return;
		}
	if (!in)
		return;
	grow_array((void **)&c->colls, &c->cap_colls, c->ncolls + 1, sizeof(*c->colls));
	c->colls[c->ncolls++] = (uint16_t)k;
}

/* The cable's flags from its paragraphs (the opened bit is its own). */
void wc_flags(struct workspace *w, struct wc_cable *c)
{
	w->gen++;
	c->flags &= WS_OPENED;
	for (size_t i = 0; i < c->naddrs; i++)
		c->flags |= c->addrs[i].bits;
	if (c->ncolls)
		c->flags |= WS_COLLECTED;
}

void wc_free(struct workspace *w)
{
	for (size_t k = 0; k < w->ncables; k++) {
		free(w->cables[k].id);
		free(w->cables[k].addrs);
		free(w->cables[k].colls);
	}
	free(w->cables);
	free(w->slots);
	for (size_t k = 0; k < w->ncolls; k++)
		free(w->colls[k]);
	free(w->colls);
	free(w->names);
	w->names = NULL;
	w->cap_names = 0;
	w->cables = NULL;
	w->slots = NULL;
	w->colls = NULL;
	w->ncables = w->cap_cables = w->nslots = w->ncolls = w->cap_colls = 0;
}

int wc_load(struct workspace *w)
{
	static const char *const sql =
		"SELECT 0, cable, address, collection, 0, 0 FROM item"
		" UNION ALL SELECT 1, cable, address, NULL, 0, 0 FROM note"
		" UNION ALL SELECT 2, cable, address, NULL, list_top, detail_top FROM reading";
	sqlite3_stmt *st;
	int rc;

	wc_free(w);
	if ((rc = sqlite3_prepare_v2(w->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(st, 0);
		const char *id = (const char *)sqlite3_column_text(st, 1);
		const char *a = (const char *)sqlite3_column_text(st, 2);
		struct wc_cable *c;

		if (!id)
			continue;
		c = wc_get(w, id);
		if (kind == 2) {
			c->flags |= WS_OPENED;
			snprintf(c->spot.address, sizeof(c->spot.address), "%s", a ? a : "");
			c->spot.list_top = sqlite3_column_int(st, 4);
			c->spot.detail_top = sqlite3_column_int(st, 5);
		} else if (kind == 1) {
			wc_addr(c, a ? a : "", true)->bits |= WS_NOTED;
		} else {
			const char *coll = (const char *)sqlite3_column_text(st, 3);

			if (coll && strcmp(coll, WS_MARKS) == 0)
				wc_addr(c, a ? a : "", true)->bits |= WS_MARKED;
			else if (coll)
				wc_set_coll(w, c, coll, true);
		}
	}
	sqlite3_finalize(st);
	for (size_t k = 0; k < w->ncables; k++)
		wc_flags(w, &w->cables[k]);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

unsigned ws_cable_flags(const struct workspace *w, struct str id)
{
	const struct wc_cable *c = wc_find(w, id);

	return c ? c->flags : 0;
}

bool ws_in_collection(const struct workspace *w, struct str id, const char *name)
{
	const struct wc_cable *c = wc_find(w, id);

	if (!c)
		return false;
	if (strcasecmp(name, WS_MARKS) == 0)
		return (c->flags & WS_MARKED) != 0;
	for (size_t j = 0; j < c->ncolls; j++)
		if (strcasecmp(w->colls[c->colls[j]], name) == 0)
			return true;
	return false;
}

unsigned ws_generation(const struct workspace *w)
{
	return w ? w->gen : 0;
}
