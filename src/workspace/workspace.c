/* workspace.c -- the workspace's database: its schema and the
 * migrations, the statements the rest runs, and where a change goes: the
 * file, a copy in memory while another process holds the lock (ws_wait.c),
 * or memory for the rest of the session when the disk refuses.  Opening
 * is ws_open.c's, recovering a damaged file ws_recover.c's. */
#include "config.h"
#include "workspace/ws_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"

/* The schema, one step a version: a new workspace runs them all, an older
 * one the steps it lacks (the tests make a version 1 and open it). */
static const char *const migrations[WS_SCHEMA] = {
	/* 1: marks alone, as the marks file had them */
	"CREATE TABLE mark(cable TEXT NOT NULL, address TEXT NOT NULL, at INTEGER NOT NULL,"
	" PRIMARY KEY(cable, address)) WITHOUT ROWID;",
	/* 2: collections (marks are one), notes, what they are on, where
	 * things were left, the prompts' history */
	"CREATE TABLE cable(id TEXT PRIMARY KEY, date TEXT, origin TEXT, origin_name TEXT, subject TEXT,"
	" classification TEXT) WITHOUT ROWID;"
	"CREATE TABLE para(cable TEXT NOT NULL, address TEXT NOT NULL, marking TEXT, text TEXT,"
	" PRIMARY KEY(cable, address)) WITHOUT ROWID;"
	"CREATE TABLE item(collection TEXT NOT NULL, cable TEXT NOT NULL, address TEXT NOT NULL,"
	" at INTEGER NOT NULL, PRIMARY KEY(collection, cable, address)) WITHOUT ROWID;"
	"CREATE INDEX item_cable ON item(cable, address);"
	"INSERT INTO item(collection, cable, address, at) SELECT 'marks', cable, address, at FROM mark;"
	"DROP TABLE mark;"
	"CREATE TABLE note(cable TEXT NOT NULL, address TEXT NOT NULL, text TEXT NOT NULL,"
	" at INTEGER NOT NULL, PRIMARY KEY(cable, address)) WITHOUT ROWID;"
	"CREATE TABLE reading(cable TEXT PRIMARY KEY, address TEXT, list_top INTEGER, detail_top INTEGER,"
	" at INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE place(inputs TEXT PRIMARY KEY, cable TEXT, filter TEXT, sort INTEGER,"
	" reverse INTEGER, reading INTEGER, at INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE history(kind TEXT NOT NULL, line TEXT NOT NULL, at INTEGER NOT NULL,"
	" PRIMARY KEY(kind, line)) WITHOUT ROWID;"
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;",
	/* 3: saved searches */
	"CREATE TABLE search(name TEXT PRIMARY KEY COLLATE NOCASE, filter TEXT NOT NULL, sort TEXT NOT NULL,"
	" reverse INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;",
};

static const char *const stmt_sql[WS_STMT_COUNT] = {
	[WS_MARK_ADD] = "INSERT OR IGNORE INTO item(collection, cable, address, at) VALUES(?1, ?2, ?3, ?4)",
	[WS_MARK_DEL] = "DELETE FROM item WHERE collection = ?1 AND cable = ?2 AND address = ?3",
	[WS_CABLE_PUT] = "INSERT OR REPLACE INTO cable(id, date, origin, origin_name, subject, classification)"
			 " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[WS_PARA_PUT] = "INSERT OR REPLACE INTO para(cable, address, marking, text) VALUES(?1, ?2, ?3, ?4)",
	[WS_NOTE_PUT] = "INSERT OR REPLACE INTO note(cable, address, text, at) VALUES(?1, ?2, ?3, ?4)",
	[WS_NOTE_DEL] = "DELETE FROM note WHERE cable = ?1 AND address = ?2",
	[WS_NOTE_GET] = "SELECT text FROM note WHERE cable = ?1 AND address = ?2",
	[WS_ITEM_HAS] = "SELECT 1 FROM item WHERE collection = ?1 AND cable = ?2 AND address = ?3",
	[WS_ITEM_MOVE] = "UPDATE OR REPLACE item SET collection = ?4 WHERE (?1 IS NULL OR collection = ?1) AND cable = ?2"
			 " AND address = ?3",
	[WS_SPOT_PUT] = "INSERT OR REPLACE INTO reading(cable, address, list_top, detail_top, at) VALUES(?1, ?2, ?3, ?4, ?5)",
	[WS_PLACE_GET] = "SELECT cable, filter, sort, reverse, reading FROM place WHERE inputs = ?1",
	[WS_PLACE_PUT] = "INSERT OR REPLACE INTO place(inputs, cable, filter, sort, reverse, reading, at)"
			 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[WS_HIST_GET] = "SELECT line FROM (SELECT line, at FROM history WHERE kind = ?1 ORDER BY at DESC LIMIT ?2)"
			" ORDER BY at",
	[WS_HIST_PUT] = "INSERT OR REPLACE INTO history(kind, line, at) VALUES(?1, ?2, ?3)",
	[WS_SEARCH_PUT] = "INSERT OR REPLACE INTO search(name, filter, sort, reverse, at) VALUES(?1, ?2, ?3, ?4, ?5)",
	[WS_SEARCH_DEL] = "DELETE FROM search WHERE name = ?1",
	[WS_SEARCH_RENAME] = "UPDATE search SET name = ?2 WHERE name = ?1",
	[WS_HIST_TRIM] = "DELETE FROM history WHERE kind = ?1 AND line NOT IN"
			 " (SELECT line FROM history WHERE kind = ?1 ORDER BY at DESC LIMIT 200)",
};

const char *ws_sql(enum ws_stmt s)
{
	return stmt_sql[s];
}

int64_t ws_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	/* milliseconds, and never twice the same in a session: the order of
	 * the history and of the items is the order they were made in */
	static int64_t last;
	int64_t t = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;

	if (t <= last)
		t = last + 1;
	last = t;
	return t;
}

void ws_finalize_all(struct workspace *w)
{
	for (int i = 0; i < WS_STMT_COUNT; i++) {
		sqlite3_finalize(w->st[i]);
		w->st[i] = NULL;
	}
}

static void bind_args(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		if (types[i] == 't') {
			const char *s = va_arg(ap, const char *);

			if (s)
				sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, i + 1);
		} else if (types[i] == 'i') {
			sqlite3_bind_int(st, i + 1, va_arg(ap, int));
		} else {
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		}
	}
}

/* Statement @s on the connection in use, prepared once. */
static sqlite3_stmt *prepared(struct workspace *w, enum ws_stmt s)
{
	if (!w->st[s] && sqlite3_prepare_v3(w->db, stmt_sql[s], -1, SQLITE_PREPARE_PERSISTENT, &w->st[s], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(w->st[s]);
	sqlite3_clear_bindings(w->st[s]);
	return w->st[s];
}

sqlite3_stmt *ws_stmt(struct workspace *w, enum ws_stmt s, const char *types, ...)
{
	sqlite3_stmt *st = prepared(w, s);
	va_list ap;

	if (!st)
		return NULL;
	va_start(ap, types);
	bind_args(st, types, ap);
	va_end(ap);
	return st;
}

int ws_run_op(sqlite3_stmt *st, const struct ws_op *op)
{
	int rc;

	for (int i = 0; op->types[i]; i++) {
		if (op->types[i] == 't') {
			if (op->t[i])
				sqlite3_bind_text(st, i + 1, op->t[i], -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, i + 1);
		} else {
			sqlite3_bind_int64(st, i + 1, op->l[i]);
		}
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

static int read_version(sqlite3 *db)
{
	int rc;

	return ws_read_int(db, "PRAGMA user_version", &rc);
}

static bool exec_quiet(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

bool ws_make_schema(sqlite3 *db, int from)
{
	char v[48];

	if (!exec_quiet(db, "BEGIN IMMEDIATE"))
		return false;
	for (int k = from; k < WS_SCHEMA; k++)
		if (!exec_quiet(db, migrations[k])) {
			exec_quiet(db, "ROLLBACK");
			return false;
		}
	snprintf(v, sizeof(v), "PRAGMA user_version = %d", WS_SCHEMA);
	if (!exec_quiet(db, v) || !exec_quiet(db, "COMMIT")) {
		exec_quiet(db, "ROLLBACK");
		return false;
	}
	return true;
}

sqlite3 *ws_memory_copy(sqlite3 *from)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	int rc = SQLITE_ERROR, v;

	if (sqlite3_open(":memory:", &mem) != SQLITE_OK) {
		sqlite3_close(mem);
		return NULL;
	}
	if (from && (b = sqlite3_backup_init(mem, "main", from, "main"))) {
		rc = sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	}
	v = read_version(mem);
	if (rc != SQLITE_DONE || v < 0 || (v < WS_SCHEMA && !ws_make_schema(mem, v)) ||
	    !exec_quiet(mem, "SELECT count(*) FROM item") || !exec_quiet(mem, "SELECT count(*) FROM note")) {
		/* nothing readable came */
		sqlite3_close(mem);
		return NULL;
	}
	return mem;
}

sqlite3 *ws_memory_of(struct workspace *w, sqlite3 *db)
{
	sqlite3 *mem = db ? ws_memory_copy(db) : NULL;

	if (!mem) {
		sqlite3 *ro = ws_open_readonly(w->path, false);

		mem = ro ? ws_memory_copy(ro) : NULL;
		sqlite3_close(ro);
	}
	if (!mem) {
		sqlite3_open(":memory:", &mem);
		ws_make_schema(mem, 0);
	}
	return mem;
}

/* Makes the changes of the transaction under way again, on the connection
 * now in use (after a move to memory); the result of the last. */
static int replay(struct workspace *w)
{
	int rc = SQLITE_DONE;

	if (!exec_quiet(w->db, "BEGIN IMMEDIATE"))
		return SQLITE_ERROR;
	w->in_txn = true;
	for (size_t i = 0; i < w->cur.n; i++) {
		sqlite3_stmt *st = prepared(w, w->cur.ops[i].s);

		rc = st ? ws_run_op(st, &w->cur.ops[i]) : SQLITE_ERROR;
	}
	return rc;
}

/* Moves the workspace into memory for the rest of the session, with what
 * the file held when it can still be read, and the transaction under way
 * made again there. */
int ws_to_memory(struct workspace *w, const char *why)
{
	bool txn = w->in_txn;
	sqlite3 *mem;

	if (!*w->unsaved)
		snprintf(w->unsaved, sizeof(w->unsaved), "marks will not be saved: %s", why);
	if (txn)
		exec_quiet(w->db, "ROLLBACK");
	ws_finalize_all(w);
	mem = ws_memory_of(w, w->db);
	sqlite3_close(w->db);
	w->db = mem;
	w->in_txn = false;
	return txn ? replay(w) : SQLITE_DONE;
}

static bool is_busy(int rc)
{
	return (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED;
}

bool ws_is_damage(int rc)
{
	return (rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB;
}

/* Is @rc the disk refusing a write (rather than a mistake of the statement)? */
static bool disk_refused(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_READONLY: case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_PERM:
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		return true;
	default:
		return false;
	}
}

static const char *refusal(struct workspace *w, int rc)
{
	static char why[PATH_MAX + 80];
	char dir[PATH_MAX], *slash;

	snprintf(dir, sizeof(dir), "%s", w->path);
	if ((slash = strrchr(dir, '/')))
		*slash = '\0';
	switch (rc & 0xFF) {
	case SQLITE_FULL: snprintf(why, sizeof(why), "%s is full", dir); break;
	case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM:
		snprintf(why, sizeof(why), "%s cannot be written", access(dir, W_OK) ? dir : w->path);
		break;
	default: snprintf(why, sizeof(why), "%s: %s", w->path, sqlite3_errstr(rc)); break;
	}
	return why;
}

/* A write the file refused: a lock is waited for (the work goes on in
 * memory meanwhile), anything else moves the session to memory.  The
 * transaction under way is made again where the work goes on. */
static int refused(struct workspace *w, int rc)
{
	if (is_busy(rc) && !w->file && !*w->unsaved) {
		wq_start(w);
		return w->in_txn ? replay(w) : SQLITE_DONE;
	}
	if (is_busy(rc) || disk_refused(rc))
		return ws_to_memory(w, refusal(w, rc));
	return rc;
}

void ws_begin(struct workspace *w)
{
	int rc;

	/* inside a batch: its transaction holds this change too */
	if (w->depth++ > 0)
		return;
	wq_clear(&w->cur);
	w->in_txn = false;
	rc = sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		refused(w, rc);
		rc = sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	}
	w->in_txn = rc == SQLITE_OK;
}

void ws_commit(struct workspace *w)
{
	int rc;

	if (w->depth > 0 && --w->depth > 0)
		return;
	if (w->in_txn) {
		rc = sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK && refused(w, rc) == SQLITE_DONE)
			sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL);
		w->in_txn = false;
		if (w->file) {
			wq_keep(w);
			wq_flush(w, 0);     /* the lock may be free already */
		}
	}
	wq_clear(&w->cur);
}

bool ws_change(struct workspace *w, enum ws_stmt s, const char *types, ...)
{
	bool own = !w->in_txn;
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	if (own)
		ws_begin(w);
	va_start(ap, types);
	wq_record(&w->cur, s, types, ap);
	va_end(ap);
	st = prepared(w, s);
	rc = st ? ws_run_op(st, &w->cur.ops[w->cur.n - 1]) : sqlite3_errcode(w->db);
	if (rc != SQLITE_DONE)
		rc = refused(w, rc);
	if (own)
		ws_commit(w);
	return rc == SQLITE_DONE;
}

void ws_close(struct workspace *w)
{
	if (!w)
		return;
	if (w->file)
		wq_flush(w, 0);
	ws_finalize_all(w);
	sqlite3_close(w->db);
	sqlite3_close(w->file);
	wq_free(w);
	wq_clear(&w->cur);
	free(w->cur.ops);
	wc_free(w);
	buf_free(&w->note);
	free(w);
}

const char *ws_notice(const struct workspace *w)
{
	return w->notice;
}

const char *ws_unsaved(const struct workspace *w)
{
	return w->unsaved;
}

const char *ws_waiting(const struct workspace *w)
{
	return w->file ? w->waiting : "";
}

const char *ws_caveat(const struct workspace *w)
{
	return *w->unsaved ? w->unsaved : ws_waiting(w);
}

const char *ws_path(const struct workspace *w)
{
	return w->path;
}

bool ws_refresh(struct workspace *w)
{
	int rc, v;

	if (w->file) {
		/* the lock may be free: what waits written, the file read again */
		wq_flush(w, 0);
		return !w->file;
	}
	v = ws_read_int(w->db, "PRAGMA data_version", &rc);
	if (rc != SQLITE_OK || v == w->data_version)
		return false;
	w->data_version = v;
	if (ws_recover(w, wc_load(w)))
		wc_load(w);
	return true;
}

void ws_batch_begin(struct workspace *w)
{
	if (w)
		ws_begin(w);
}

void ws_batch_end(struct workspace *w)
{
	if (w)
		ws_commit(w);
}
