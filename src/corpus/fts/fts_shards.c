/* fts_shards.c -- the full-text index's files (SQLite FTS5). */
#include "config.h"
#include "corpus/fts/fts_shards.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workspace/dbfile.h"
#include "base/util.h"

/* Rows between commits while building: large transactions are what makes
 * FTS5 fast to fill (its pending terms are flushed at each commit). */
#define ROWS_PER_COMMIT 20000

/* x: a row's text; m: its markings, as words (fts_marks_text) */
#define SCHEMA "CREATE VIRTUAL TABLE t USING fts5(x, m, content='', " \
	"tokenize='unicode61 remove_diacritics 2')"

/* Once, before SQLite is used: no statistics on memory, which would take
 * a global lock on every allocation and make the builders wait on each
 * other; and no locking of a connection, which one thread uses. */
static pthread_once_t configured = PTHREAD_ONCE_INIT;

static void configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_initialize();
}

struct fts_shard {
	sqlite3 *db;
	sqlite3_stmt *ins;
	size_t pending;
	char err[256];
};

static bool exec(sqlite3 *db, const char *sql, char *err, size_t errsize)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	if (msg)
		dbfile_clean(msg, err, errsize);
	else
		dbfile_errmsg(db, err, errsize);
	sqlite3_free(msg);
	return false;
}

/* A shard in memory (memdb): no file to look at. */
static bool in_memory(const char *path)
{
	return strncmp(path, "file:", 5) == 0;
}

struct fts_shard *fts_shard_create(const char *path, char *err, size_t errsize)
{
	struct fts_shard *s = xcalloc(1, sizeof(*s));

	pthread_once(&configured, configure);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		dbfile_errmsg(s->db, err, errsize);
		goto fail;
	}
	/* nothing to keep if the build stops: the file is not yet the index
	 * (and one in memory is read by other connections once built) */
	if (!exec(s->db, in_memory(path) ? "PRAGMA journal_mode=OFF;" : "PRAGMA locking_mode=EXCLUSIVE;", err, errsize) ||
	    !exec(s->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16384;"
		  "PRAGMA page_size=8192;" SCHEMA ";"
		  /* terms gathered in memory up to 32 MB before a segment is
		   * written, and the segments merged once, at the end (a third
		   * faster than merging as they come, on the 256 MB dump) */
		  "INSERT INTO t(t, rank) VALUES('hashsize', 33554432);"
		  "INSERT INTO t(t, rank) VALUES('automerge', 0);"
		  "INSERT INTO t(t, rank) VALUES('crisismerge', 64); BEGIN", err, errsize))
		goto fail;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO t(rowid, x, m) VALUES(?, ?, ?)", -1, &s->ins, NULL) != SQLITE_OK) {
		dbfile_errmsg(s->db, err, errsize);
		goto fail;
	}
	return s;
fail:
	sqlite3_close(s->db);
	free(s);
	return NULL;
}

bool fts_shard_add(struct fts_shard *s, int64_t rowid, struct str text, struct str marks)
{
	sqlite3_bind_int64(s->ins, 1, rowid);
	sqlite3_bind_text(s->ins, 2, text.p ? text.p : "", (int)text.n, SQLITE_STATIC);
	sqlite3_bind_text(s->ins, 3, marks.p ? marks.p : "", (int)marks.n, SQLITE_STATIC);
	if (sqlite3_step(s->ins) != SQLITE_DONE) {
		dbfile_errmsg(s->db, s->err, sizeof(s->err));
		sqlite3_reset(s->ins);
		return false;
	}
	sqlite3_reset(s->ins);
	if (++s->pending >= ROWS_PER_COMMIT) {
		s->pending = 0;
		if (!exec(s->db, "COMMIT; BEGIN", s->err, sizeof(s->err)))
			return false;
	}
	return true;
}

const char *fts_shard_error(const struct fts_shard *s)
{
	return s->err;
}

/* The segments merged into one (the fastest to ask) and the words kept in
 * order, for a prefix to be asked in pieces (listing them from FTS5 reads
 * every word's rows as well); then, for a file, the pages the merge freed
 * given back, which are nearly half of it. */
static bool complete(struct fts_shard *s, bool vacuum, char *err, size_t errsize)
{
	bool ok = true;

	if (s->err[0]) {
		snprintf(err, errsize, "%s", s->err);
		ok = false;
	}
	sqlite3_finalize(s->ins);
	s->ins = NULL;
	ok = ok && exec(s->db, "COMMIT; INSERT INTO t(t) VALUES('optimize');"
			"CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, 'row');"
			"CREATE TABLE w(term TEXT PRIMARY KEY) WITHOUT ROWID;"
			"INSERT INTO w SELECT term FROM temp.v; DROP TABLE temp.v", err, errsize);
	return ok && (!vacuum || exec(s->db, "VACUUM", err, errsize));
}

bool fts_shard_finish(struct fts_shard *s, char *err, size_t errsize)
{
	bool ok = complete(s, true, err, errsize);

	if (sqlite3_close(s->db) != SQLITE_OK && ok) {
		dbfile_errmsg(s->db, err, errsize);
		ok = false;
	}
	free(s);
	return ok;
}

struct sqlite3 *fts_shard_keep(struct fts_shard *s, char *err, size_t errsize)
{
	sqlite3 *db = s->db;

	if (!complete(s, false, err, errsize)) {
		sqlite3_close(db);
		db = NULL;
	}
	free(s);
	return db;
}

void fts_shard_close_kept(struct sqlite3 *db)
{
	sqlite3_close(db);
}

void fts_shard_abandon(struct fts_shard *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->ins);
	sqlite3_close(s->db);
	free(s);
}

/* ---------------------------------------------------------------- reading */

struct fts_shards {
	sqlite3 **db;
	sqlite3_stmt **q, **qs;     /* rows; rows and scores */
	sqlite3_stmt **words;       /* the vocabulary, made when first asked */
	size_t n;
};

static struct fts_shards *shards_new(size_t n)
{
	struct fts_shards *t = xcalloc(1, sizeof(*t));

	pthread_once(&configured, configure);
	t->db = xcalloc(n, sizeof(*t->db));
	t->q = xcalloc(n, sizeof(*t->q));
	t->qs = xcalloc(n, sizeof(*t->qs));
	t->words = xcalloc(n, sizeof(*t->words));
	t->n = n;
	return t;
}

/* Shard @i's questions, made ready; false (@err) when they cannot be. */
static bool prepare(struct fts_shards *t, size_t i, const char *name, char *err, size_t errsize)
{
	char msg[256];

	if (sqlite3_prepare_v2(t->db[i], "SELECT rowid FROM t WHERE t MATCH ?", -1, &t->q[i], NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(t->db[i], "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?", -1, &t->qs[i], NULL) == SQLITE_OK)
		return true;
	snprintf(err, errsize, "%s: %s", name, dbfile_errmsg(t->db[i], msg, sizeof(msg)));
	return false;
}

struct fts_shards *fts_shards_open(char *const *paths, size_t n, char *err, size_t errsize)
{
	struct fts_shards *t = shards_new(n);

	for (size_t i = 0; i < n; i++) {
		char why[128];

		/* the cheap look first: a shard cut short, grown or with its
		 * header overwritten is damaged before SQLite reads a page */
		if (!in_memory(paths[i]) && dbfile_damaged(paths[i], true, why, sizeof(why))) {
			snprintf(err, errsize, "%s: %s", paths[i], why);
			fts_shards_close(t);
			return NULL;
		}
		if (sqlite3_open_v2(paths[i], &t->db[i], SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
		    !prepare(t, i, paths[i], err, errsize)) {
			if (sqlite3_errcode(t->db[i]) != SQLITE_OK && !t->q[i])
				snprintf(err, errsize, "%s: %s", paths[i], dbfile_errmsg(t->db[i], why, sizeof(why)));
			fts_shards_close(t);
			return NULL;
		}
	}
	return t;
}

void fts_shards_close(struct fts_shards *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		sqlite3_finalize(t->q[i]);
		sqlite3_finalize(t->qs[i]);
		sqlite3_finalize(t->words[i]);
		sqlite3_close(t->db[i]);
	}
	free(t->db);
	free(t->q);
	free(t->qs);
	free(t->words);
	free(t);
}


/* ---------------------------------------------------------------- in pieces */

static int look_at_cancel(void *ud)
{
	return atomic_load((atomic_int *)ud) != 0;
}

void fts_shards_cancel_on(struct fts_shards *t, atomic_int *cancel)
{
	/* every 1000 steps of SQLite's machine: a few microseconds */
	for (size_t i = 0; i < t->n; i++)
		sqlite3_progress_handler(t->db[i], 1000, look_at_cancel, cancel);
}

void fts_shards_hold(struct fts_shards *t, bool hold)
{
	for (size_t i = 0; i < t->n; i++)
		sqlite3_exec(t->db[i], hold ? "BEGIN" : "COMMIT", NULL, NULL, NULL);
}

size_t fts_shards_shards(const struct fts_shards *t)
{
	return t->n;
}

/* What a failed step means: cancelled, a query that is not one, damage. */
static enum fts_result failed(sqlite3 *db, char *err, size_t errsize)
{
	int ext = sqlite3_extended_errcode(db);

	dbfile_errmsg(db, err, errsize);
	if ((ext & 0xFF) == SQLITE_INTERRUPT)
		return FTS_CANCELLED;
	return (ext & 0xFF) == SQLITE_ERROR ? FTS_SYNTAX : FTS_BROKEN;
}

/* A statement stepped as far as it went (@rc its last step), made ready
 * for the next question: FTS_OK at its end, else what failed. */
static enum fts_result stepped(sqlite3 *db, sqlite3_stmt *st, int rc, char *err, size_t errsize)
{
	enum fts_result r = rc == SQLITE_DONE ? FTS_OK : failed(db, err, errsize);

	sqlite3_reset(st);
	return r;
}

enum fts_result fts_shards_shard_rows(struct fts_shards *t, size_t k, const char *q, bool score,
				 void (*fn)(int64_t row, double score, void *ud), void *ud, char *err, size_t errsize)
{
	sqlite3_stmt *st = score ? t->qs[k] : t->q[k];
	int rc;

	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), score ? sqlite3_column_double(st, 1) : 0, ud);
	return stepped(t->db[k], st, rc, err, errsize);
}

enum fts_result fts_shards_shard_words(struct fts_shards *t, size_t k, const char *prefix, const char *after, size_t max,
				  struct buf *out, size_t *n, char *err, size_t errsize)
{
	size_t plen = strlen(prefix);
	char *upto = xmalloc(plen + 2), *from = NULL;
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (!t->words[k]) {
		/* the words the shard keeps, in order (fts_shard_finish) */
		if (sqlite3_prepare_v2(t->db[k], "SELECT term FROM w WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3",
				       -1, &t->words[k], NULL) != SQLITE_OK) {
			free(upto);
			return failed(t->db[k], err, errsize);
		}
	}
	st = t->words[k];
	/* the words that begin with the prefix lie between it and the prefix
	 * followed by 0xFF, a byte no UTF-8 holds; one lower bound, so that
	 * SQLite seeks to it: the word after @after is at least @after and a
	 * byte 0x01 (no word holds a control character) */
	memcpy(upto, prefix, plen);
	upto[plen] = (char)0xFF;
	upto[plen + 1] = '\0';
	if (*after) {
		size_t an = strlen(after);

		from = xmalloc(an + 2);
		memcpy(from, after, an);
		from[an] = '\x01';
		from[an + 1] = '\0';
	}
	sqlite3_bind_text(st, 1, from ? from : prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, upto, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(st, 0);
		int wn = sqlite3_column_bytes(st, 0);

		if (!w || (size_t)wn < plen || memcmp(w, prefix, plen) != 0)
			continue;
		buf_add(out, w, (size_t)wn);
		buf_addc(out, '\0');
		(*n)++;
	}
	free(upto);
	free(from);
	return stepped(t->db[k], st, rc, err, errsize);
}

/* fts_shards_query's rows gathered, grown as they come. */
struct gathered {
	int64_t **rows;
	double **score;
	size_t *n, *cap;
};

static void gather(int64_t row, double score, void *ud)
{
	struct gathered *g = ud;

	if (*g->n == *g->cap) {
		*g->cap = *g->cap ? *g->cap * 2 : 1024;
		*g->rows = xrealloc(*g->rows, *g->cap * sizeof(**g->rows));
		if (g->score)
			*g->score = xrealloc(*g->score, *g->cap * sizeof(**g->score));
	}
	(*g->rows)[*g->n] = row;
	if (g->score)
		(*g->score)[*g->n] = score;
	(*g->n)++;
}

enum fts_result fts_shards_query(struct fts_shards *t, const char *q, int64_t **rows, double **score, size_t *n,
			    size_t *cap, char *err, size_t errsize)
{
	struct gathered g = { rows, score, n, cap };

	*n = 0;
	/* the shards hold consecutive runs of entries: their rows in shard
	 * order are in order */
	for (size_t k = 0; k < t->n; k++) {
		enum fts_result r = fts_shards_shard_rows(t, k, q, score != NULL, gather, &g, err, errsize);

		if (r != FTS_OK)
			return r;
	}
	return FTS_OK;
}
