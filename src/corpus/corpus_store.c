/* corpus_store.c -- the list index saved beside the text index (a SQLite
 * file of blobs: the entries, the strings, the tables, who cites whom, the
 * sources and what was said while reading), so that a second open of a
 * dump has its full count and every filter at once instead of a scan. */
#include "config.h"
#include "corpus/corpus_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus_internal.h"
#include "workspace/dbfile.h"
#include "doc/marking.h"
#include "base/files.h"
#include "base/util.h"

/* 4: the blobs' checksum kept beside them, checked at every load;
 * 5: each cable's people and offices (people.h) */
#define STORE_VERSION 6

/* The numbers the blobs' sizes come from. */
struct counts {
	uint64_t version, n, pool, nslots, used_slots, nlists, nids, ncited, nsrc, problems, bytes_total;
};

#define SUM_SEED 0x6c6973742d737566u

static bool put(sqlite3_stmt *st, const char *name, const void *p, size_t n)
{
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 2, p ? p : "", n, SQLITE_STATIC);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

bool corpus_store_save(const struct corpus *c, const char *path, char *err, size_t errsize)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct counts k;
	struct buf src = { 0 }, msgs = { 0 };
	bool ok;

	/* a list read for one run (corpus_list_lean) is not the list */
	if (c->hr.leave) {
		snprintf(err, errsize, "%s: the list was read without people or references: not saved", path);
		return false;
	}
	memset(&k, 0, sizeof(k));
	k.version = STORE_VERSION;
	k.n = c->n;
	k.pool = c->pool.n;
	k.nlists = c->nlists;
	k.nids = c->nids;
	k.ncited = c->cited_at ? c->cited_at[c->n] : 0;
	k.nsrc = c->nsrc;
	k.problems = c->st.problems;
	k.bytes_total = c->bytes_total;
	/* each source: its kind, where its record starts, its path, for a
	 * record joined across pieces its bytes and the piece it starts in
	 * (its path is that piece's: the same files may be named otherwise
	 * next time, from another folder) */
	for (size_t i = 0; i < c->nsrc; i++) {
		const struct csource *s = &c->src[i];
		uint64_t v[5] = { (uint64_t)s->kind, s->base, strlen(s->path),
				  s->kind == SRC_STITCH ? s->l.data.n : 0, UINT64_MAX };

		for (size_t j = 0; s->kind == SRC_STITCH && j < i && v[4] == UINT64_MAX; j++)
			if (c->src[j].kind != SRC_STITCH && strcmp(c->src[j].path, s->path) == 0)
				v[4] = j;
		buf_add(&src, v, sizeof(v));
		buf_add(&src, s->path, v[2]);
		if (v[3])
			buf_add(&src, s->l.data.p, v[3]);
	}
	for (size_t i = 0; i < c->nmsgs; i++) {
		buf_adds(&msgs, c->msgs[i]);
		buf_addc(&msgs, '\n');
	}
	ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
	     sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
			  "CREATE TABLE blob(name TEXT PRIMARY KEY, data BLOB); BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_prepare_v2(db, "INSERT INTO blob VALUES(?, ?)", -1, &st, NULL) == SQLITE_OK;
	ok = ok && put(st, "counts", &k, sizeof(k));
	ok = ok && put(st, "entries", c->e, c->n * sizeof(*c->e));
	ok = ok && put(st, "pool", c->pool.p, c->pool.n);
	ok = ok && put(st, "lists", c->lists, c->nlists * sizeof(*c->lists));
	ok = ok && put(st, "ids", c->ids, c->nids * sizeof(*c->ids));
	ok = ok && put(st, "cited_at", c->cited_at, c->cited_at ? (c->n + 1) * sizeof(*c->cited_at) : 0);
	ok = ok && put(st, "cited", c->cited, k.ncited * sizeof(*c->cited));
	ok = ok && put(st, "sources", src.p, src.n);
	ok = ok && put(st, "messages", msgs.p, msgs.n);
	{
		/* the checksum of every blob, in this order */
		uint64_t h = SUM_SEED;

		h = files_mix(h, &k, sizeof(k));
		h = files_mix(h, c->e, c->n * sizeof(*c->e));
		h = files_mix(h, c->pool.p, c->pool.n);
		h = files_mix(h, c->lists, c->nlists * sizeof(*c->lists));
		h = files_mix(h, c->ids, c->nids * sizeof(*c->ids));
		h = files_mix(h, c->cited_at, c->cited_at ? (c->n + 1) * sizeof(*c->cited_at) : 0);
		h = files_mix(h, c->cited, k.ncited * sizeof(*c->cited));
		h = files_mix(h, src.p, src.n);
		h = files_mix(h, msgs.p, msgs.n);
		ok = ok && put(st, "sum", &h, sizeof(h));
	}
	ok = ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
	if (!ok) {
		char msg[256];

		snprintf(err, errsize, "cannot save the list index: %s", dbfile_errmsg(db, msg, sizeof(msg)));
	}
	sqlite3_finalize(st);
	if (sqlite3_close(db) != SQLITE_OK)
		ok = false;
	buf_free(&src);
	buf_free(&msgs);
	return ok;
}

/* Blob @name, read straight into memory of its own (no copy in SQLite's
 * cache on the way: the list of the whole corpus is tens of megabytes);
 * its size in *n.  NULL when it is missing or not @want bytes long. */
static void *get(sqlite3 *db, sqlite3_stmt *st, const char *name, size_t want, size_t *n)
{
	void *p = NULL;
	sqlite3_blob *b = NULL;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 row = sqlite3_column_int64(st, 0);
		size_t len = (size_t)sqlite3_column_int64(st, 1);

		if ((want == (size_t)-1 || len == want) && len < INT32_MAX &&
		    sqlite3_blob_open(db, "main", "blob", "data", row, 0, &b) == SQLITE_OK) {
			p = xmalloc(len ? len : 1);
			if (len && sqlite3_blob_read(b, p, (int)len, 0) != SQLITE_OK) {
				free(p);
				p = NULL;
			}
			*n = len;
		}
		sqlite3_blob_close(b);
	}
	sqlite3_reset(st);
	return p;
}

/* Is everything the loaded blobs point at inside them?  Every offset and
 * length of the list is checked here, once, so that nothing after need
 * doubt them; the first that is not, in @why. */
static bool store_valid(const struct counts *k, const struct corpus *t, const char *src, size_t nsrc_len,
			char *why, size_t n)
{
	if (!k->pool || t->pool.p[0] || t->pool.p[k->pool - 1]) {
		snprintf(why, n, "its strings are not whole");
		return false;
	}
	if (!k->nlists || t->lists[0] != 0) {
		snprintf(why, n, "its lists are not whole");
		return false;
	}
	for (size_t i = 0; i < k->n; i++) {
		const struct centry *e = &t->e[i];
		uint32_t lists[3] = { e->tags, e->refs, e->people };

		if (e->id >= k->pool || e->subject >= k->pool || e->origin >= k->pool || e->origin_name >= k->pool ||
		    e->source >= k->nsrc || e->level >= LEVEL_COUNT || e->format > FORMAT_CSV) {
			snprintf(why, n, "entry %zu is out of its bounds", i);
			return false;
		}
		for (int j = 0; j < 3; j++) {
			uint32_t at = lists[j];

			if (!at)
				continue;
			if (at >= k->nlists || t->lists[at] > k->nlists - at - 1) {
				snprintf(why, n, "entry %zu: a list out of its bounds", i);
				return false;
			}
			for (uint32_t m = 0; m < t->lists[at]; m++)
				if (t->lists[at + 1 + m] >= k->pool) {
					snprintf(why, n, "entry %zu: a list out of its bounds", i);
					return false;
				}
		}
	}
	if (k->nids & (k->nids - 1)) {
		snprintf(why, n, "its table of ids is not whole");
		return false;
	}
	for (size_t i = 0; i < k->nids; i++)
		if (t->ids[i].val > k->n) {
			snprintf(why, n, "its table of ids is out of its bounds");
			return false;
		}
	if (t->cited_at[0] != 0 || t->cited_at[k->n] != k->ncited) {
		snprintf(why, n, "who cites whom is not whole");
		return false;
	}
	for (size_t i = 0; i < k->n; i++)
		if (t->cited_at[i] > t->cited_at[i + 1]) {
			snprintf(why, n, "who cites whom is out of its bounds");
			return false;
		}
	for (size_t i = 0; i < k->ncited; i++)
		if (t->cited[i] >= k->n) {
			snprintf(why, n, "who cites whom is out of its bounds");
			return false;
		}
	(void)src;
	(void)nsrc_len;
	return true;
}

/* A saved list as read, before the corpus takes it. */
struct saved {
	struct counts *k;
	struct corpus tmp;          /* its arrays */
	char *src, *msgs;           /* the sources, the messages */
	size_t nsrc_len, nmsgs;
	uint64_t *sum;
};

static void saved_free(struct saved *sv)
{
	free(sv->tmp.e);
	free(sv->tmp.pool.p);
	free(sv->tmp.lists);
	free(sv->tmp.ids);
	free(sv->tmp.cited_at);
	free(sv->tmp.cited);
	free(sv->src);
	free(sv->msgs);
	free(sv->k);
	free(sv->sum);
}

/* Its parts read, each of the size its counts give; false (and why) when
 * one is missing, absurd or of another size. */
static bool read_parts(sqlite3 *db, sqlite3_stmt *st, struct saved *sv, char *why, size_t whysize)
{
	struct counts *k;
	size_t len = 0;

	k = sv->k = get(db, st, "counts", sizeof(*k), &len);
	if (!k || k->version != STORE_VERSION) {
		snprintf(why, whysize, k ? "it is of another version" : "its counts are missing");
		return false;
	}
	/* sizes a damaged count would make absurd are refused before any
	 * memory is asked for them */
	if (k->n >= UINT32_MAX || k->pool >= UINT32_MAX || k->nlists >= UINT32_MAX || k->nids >= UINT32_MAX ||
	    k->ncited >= UINT32_MAX || k->nsrc >= UINT32_MAX) {
		snprintf(why, whysize, "its counts are damaged");
		return false;
	}
	sv->tmp.e = get(db, st, "entries", k->n * sizeof(*sv->tmp.e), &len);
	sv->tmp.pool.p = get(db, st, "pool", k->pool, &len);
	sv->tmp.lists = get(db, st, "lists", k->nlists * sizeof(*sv->tmp.lists), &len);
	sv->tmp.ids = get(db, st, "ids", k->nids * sizeof(*sv->tmp.ids), &len);
	sv->tmp.cited_at = get(db, st, "cited_at", (k->n + 1) * sizeof(*sv->tmp.cited_at), &len);
	sv->tmp.cited = get(db, st, "cited", k->ncited * sizeof(*sv->tmp.cited), &len);
	sv->src = get(db, st, "sources", (size_t)-1, &sv->nsrc_len);
	sv->msgs = get(db, st, "messages", (size_t)-1, &sv->nmsgs);
	sv->sum = get(db, st, "sum", sizeof(*sv->sum), &len);
	if (!sv->tmp.e || !sv->tmp.pool.p || !sv->tmp.lists || !sv->tmp.ids || !sv->tmp.cited_at || !sv->tmp.cited ||
	    !sv->src || !sv->msgs || !sv->sum) {
		snprintf(why, whysize, "a part of it is missing or not of its size");
		return false;
	}
	return true;
}

/* The checksum covers the contents, whatever the file's dates say. */
static bool sum_right(const struct saved *sv)
{
	const struct counts *k = sv->k;
	uint64_t h = SUM_SEED;

	h = files_mix(h, k, sizeof(*k));
	h = files_mix(h, sv->tmp.e, k->n * sizeof(*sv->tmp.e));
	h = files_mix(h, sv->tmp.pool.p, k->pool);
	h = files_mix(h, sv->tmp.lists, k->nlists * sizeof(*sv->tmp.lists));
	h = files_mix(h, sv->tmp.ids, k->nids * sizeof(*sv->tmp.ids));
	h = files_mix(h, sv->tmp.cited_at, (k->n + 1) * sizeof(*sv->tmp.cited_at));
	h = files_mix(h, sv->tmp.cited, k->ncited * sizeof(*sv->tmp.cited));
	h = files_mix(h, sv->src, sv->nsrc_len);
	h = files_mix(h, sv->msgs, sv->nmsgs);
	return h == *sv->sum;
}

/* The sources named must be as many as were saved (the key of the index
 * says they are the same files, in the same order, whatever their names);
 * the records joined across pieces come after them.  Each named one is
 * loaded into @loads, and each entry must lie inside its source. */
static bool sources_fit(struct corpus *c, const struct saved *sv, struct loaded *loads, char *why, size_t whysize)
{
	const struct counts *k = sv->k;
	size_t named = c->nsrc, at = 0, bad = SIZE_MAX;
	uint64_t *size;

	for (size_t i = 0; i < k->nsrc; i++) {
		uint64_t v[5];

		if (at + sizeof(v) > sv->nsrc_len)
			return false;
		memcpy(v, sv->src + at, sizeof(v));
		at += sizeof(v);
		if (at + v[2] + v[3] > sv->nsrc_len)
			return false;
		if (v[0] == SRC_STITCH) {
			if (i < named)
				return false;
		} else if (i >= named || v[0] != SRC_CSV) {
			return false;
		}
		at += v[2] + v[3];
	}
	if (at != sv->nsrc_len || named > k->nsrc)
		return false;
	for (size_t i = 0; i < named; i++)
		if (!source_load(c->src[i].path, &loads[i], &c->st) || !loads[i].mapped)
			return false;
	/* each record inside its source */
	size = xcalloc(k->nsrc + 1, sizeof(*size));
	at = 0;
	for (size_t i = 0; i < k->nsrc; i++) {
		uint64_t v[5];

		memcpy(v, sv->src + at, sizeof(v));
		size[i] = i < named ? loads[i].data.n : v[3];
		at += sizeof(v) + v[2] + v[3];
	}
	for (size_t i = 0; i < k->n && bad == SIZE_MAX; i++)
		if (sv->tmp.e[i].offset > size[sv->tmp.e[i].source] ||
		    sv->tmp.e[i].length > size[sv->tmp.e[i].source] - sv->tmp.e[i].offset)
			bad = i;
	free(size);
	if (bad != SIZE_MAX) {
		snprintf(why, whysize, "entry %zu lies outside its file", bad);
		return false;
	}
	return true;
}

/* All there: the corpus takes the sources (the named ones loaded, the
 * joined records copied) and the arrays. */
static void take(struct corpus *c, struct saved *sv, struct loaded *loads)
{
	const struct counts *k = sv->k;
	size_t named = c->nsrc, at = 0;

	for (size_t i = 0; i < k->nsrc; i++) {
		uint64_t v[5];
		struct csource *s;

		memcpy(v, sv->src + at, sizeof(v));
		at += sizeof(v);
		if (i >= named) {
			grow_array((void **)&c->src, &c->cap_src, c->nsrc + 1, sizeof(*c->src));
			s = &c->src[c->nsrc++];
			memset(s, 0, sizeof(*s));
			if (v[4] < named) {
				s->path = xstrdup(c->src[v[4]].path);
			} else {
				s->path = xmalloc(v[2] + 1);
				memcpy(s->path, sv->src + at, v[2]);
				s->path[v[2]] = '\0';
			}
			s->l.mem = xmalloc(v[3] + 1);
			memcpy(s->l.mem, sv->src + at + v[2], v[3]);
			((char *)s->l.mem)[v[3]] = '\0';
			s->l.data = str_make(s->l.mem, v[3]);
		} else {
			s = &c->src[i];
			s->l = loads[i];
			memset(&loads[i], 0, sizeof(loads[i]));
		}
		s->kind = (enum src_kind)v[0];
		s->base = v[1];
		at += v[2] + v[3];
	}
	free(c->e);
	c->e = sv->tmp.e;
	c->n = c->cap = k->n;
	buf_free(&c->pool);
	c->pool.p = sv->tmp.pool.p;
	c->pool.n = c->pool.cap = k->pool;
	corpus_pool_done(c);        /* nothing more is read: no table of strings */
	free(c->lists);
	c->lists = sv->tmp.lists;
	c->nlists = c->cap_lists = k->nlists;
	free(c->ids);
	c->ids = sv->tmp.ids;
	c->nids = k->nids;
	c->ndups = c->nby_first = 0;
	c->dups_unknown = true;     /* not saved: found again when asked */
	c->cited_at = sv->tmp.cited_at;
	c->cited = sv->tmp.cited;
	memset(&sv->tmp, 0, sizeof(sv->tmp));
	for (char *line = sv->msgs, *nl;
	     line < sv->msgs + sv->nmsgs && (nl = memchr(line, '\n', (size_t)(sv->msgs + sv->nmsgs - line)));
	     line = nl + 1) {
		*nl = '\0';
		keep_message(line, c);
	}
	c->st.problems = k->problems;
	c->bytes_total = c->bytes_done = k->bytes_total;
	c->next = c->nsrc;
	c->done = true;
}

bool corpus_store_load(struct corpus *c, const char *path, char *why, size_t whysize)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct saved sv;
	struct loaded *loads = NULL;
	bool ok = false;

	memset(&sv, 0, sizeof(sv));
	*why = '\0';
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid, length(data) FROM blob WHERE name = ?", -1, &st, NULL) != SQLITE_OK) {
		char msg[256];

		snprintf(why, whysize, "it cannot be read: %s", dbfile_errmsg(db, msg, sizeof(msg)));
		goto out;
	}
	if (!read_parts(db, st, &sv, why, whysize))
		goto out;
	if (!sum_right(&sv)) {
		snprintf(why, whysize, "its checksum is wrong");
		goto out;
	}
	if (!store_valid(sv.k, &sv.tmp, sv.src, sv.nsrc_len, why, whysize))
		goto out;
	loads = xcalloc(sv.k->nsrc + 1, sizeof(*loads));
	if (!sources_fit(c, &sv, loads, why, whysize))
		goto out;
	take(c, &sv, loads);
	ok = true;
out:
	if (loads)
		for (size_t i = 0; i < sv.k->nsrc; i++)
			source_unload(&loads[i]);
	free(loads);
	saved_free(&sv);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ok;
}
