/* workspace.c -- the workspace's database: opening it, its schema and the
 * migrations, setting a bad one aside, moving to memory when the disk
 * refuses, and the statements the rest runs */
#include "config.h"
#include "ws_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "textcache.h"
#include "util.h"

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
	[WS_HIST_TRIM] = "DELETE FROM history WHERE kind = ?1 AND line NOT IN"
			 " (SELECT line FROM history WHERE kind = ?1 ORDER BY at DESC LIMIT 200)",
};

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

/* $XDG_DATA_HOME/pilcrow/NAME, or ~/.local/share/pilcrow/NAME. */
static const char *data_file(char *out, size_t n, const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(out, n, "%s/pilcrow/%s", xdg, name);
	else if (home && home[0])
		snprintf(out, n, "%s/.local/share/pilcrow/%s", home, name);
	else
		return NULL;
	return out;
}

const char *ws_default_path(char *out, size_t n)
{
	return data_file(out, n, "workspace.db");
}

const char *ws_old_marks(char *out, size_t n)
{
	const char *env = getenv("PILCROW_MARKS");

	if (!env)
		return data_file(out, n, "marks");
	snprintf(out, n, "%s", env);
	return out;
}

static void finalize_all(struct workspace *w)
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

sqlite3_stmt *ws_stmt(struct workspace *w, enum ws_stmt s, const char *types, ...)
{
	va_list ap;

	if (!w->st[s] && sqlite3_prepare_v3(w->db, stmt_sql[s], -1, SQLITE_PREPARE_PERSISTENT, &w->st[s], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(w->st[s]);
	sqlite3_clear_bindings(w->st[s]);
	va_start(ap, types);
	bind_args(w->st[s], types, ap);
	va_end(ap);
	return w->st[s];
}

static int read_int(sqlite3 *db, const char *sql, int *rc);

static bool exec_quiet(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static bool make_schema(sqlite3 *db, int from)
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

/* Moves the workspace into memory for the rest of the session, with what
 * the file held when it can still be read. */
static void to_memory(struct workspace *w, const char *why)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;

	if (!*w->unsaved)
		snprintf(w->unsaved, sizeof(w->unsaved), "marks will not be saved: %s", why);
	finalize_all(w);
	sqlite3_open(":memory:", &mem);
	if (w->db && (b = sqlite3_backup_init(mem, "main", w->db, "main"))) {
		sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	}
	sqlite3_close(w->db);
	w->db = mem;
	{
		int rc, v = read_int(mem, "PRAGMA user_version", &rc);

		if (v >= 0 && v < WS_SCHEMA)
			make_schema(mem, v);
	}
	if (!exec_quiet(mem, "SELECT count(*) FROM item") || !exec_quiet(mem, "SELECT count(*) FROM note")) {
		/* nothing readable came: a new schema */
		sqlite3_close(mem);
		sqlite3_open(":memory:", &w->db);
		make_schema(w->db, 0);
	}
}

/* Is @rc the disk refusing a write (rather than a mistake of the statement)? */
static bool disk_refused(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_READONLY: case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_PERM:
	case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_CORRUPT: case SQLITE_NOTADB:
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
	case SQLITE_BUSY: case SQLITE_LOCKED:
		snprintf(why, sizeof(why), "%s is locked by another process", w->path);
		break;
	case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM:
		snprintf(why, sizeof(why), "%s cannot be written", access(dir, W_OK) ? dir : w->path);
		break;
	default: snprintf(why, sizeof(why), "%s: %s", w->path, sqlite3_errstr(rc)); break;
	}
	return why;
}

bool ws_change(struct workspace *w, enum ws_stmt s, const char *types, ...)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		sqlite3_stmt *st;
		va_list ap;
		int rc;

		if (!w->st[s] && sqlite3_prepare_v3(w->db, stmt_sql[s], -1, SQLITE_PREPARE_PERSISTENT, &w->st[s], NULL) != SQLITE_OK)
			rc = sqlite3_errcode(w->db);
		else {
			st = w->st[s];
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			va_start(ap, types);
			bind_args(st, types, ap);
			va_end(ap);
			rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc == SQLITE_DONE || rc == SQLITE_ROW)
				return true;
		}
		if (!disk_refused(rc) || attempt)
			return false;
		to_memory(w, refusal(w, rc));
	}
	return false;
}

bool ws_exec(struct workspace *w, const char *sql)
{
	int rc = sqlite3_exec(w->db, sql, NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return true;
	if (!disk_refused(rc))
		return false;
	to_memory(w, refusal(w, rc));
	return sqlite3_exec(w->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* Renames the workspace (and its -wal and -shm) to PATH.bad-DATE, by the
 * text index's own setting aside: never deleted, the reader may want it
 * back. */
static bool set_aside(struct workspace *w, const char *why)
{
	char dir[PATH_MAX], to[TEXTCACHE_PATH], from2[PATH_MAX + 8], to2[TEXTCACHE_PATH + 8];
	const char *base = strrchr(w->path, '/');
	struct stat st;

	snprintf(dir, sizeof(dir), "%.*s", base ? (int)(base - w->path) : 1, base ? w->path : ".");
	if (!textcache_set_aside(dir, base ? base + 1 : w->path, to, sizeof(to)))
		return false;
	for (int k = 0; k < 2; k++) {
		snprintf(from2, sizeof(from2), "%s%s", w->path, k ? "-shm" : "-wal");
		snprintf(to2, sizeof(to2), "%s%s", to, k ? "-shm" : "-wal");
		if (stat(from2, &st) == 0)
			rename(from2, to2);
	}
	snprintf(w->notice, sizeof(w->notice), "%s: %s; set aside as %s, a new one made", w->path, why, to);
	return true;
}

static void make_parents(const char *path)
{
	char tmp[PATH_MAX];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(tmp, 0700);
		*p = '/';
	}
}

static int read_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	int v = -1;

	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		v = sqlite3_column_int(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* One row's text of @sql into @out ("" when none). */
static void read_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Puts the database in WAL mode; true when it is.  Another session
 * opening it at the same moment may hold the lock the change needs: tried
 * again for a second then (a directory that cannot be written keeps the
 * old mode, and tells so at once). */
static bool wal_on(sqlite3 *db)
{
	char mode[16];

	for (int k = 0; k < 50; k++) {
		read_text(db, "PRAGMA journal_mode", mode, sizeof(mode));
		if (strcmp(mode, "wal") == 0)
			return true;
		read_text(db, "PRAGMA journal_mode = WAL", mode, sizeof(mode));
		if (strcmp(mode, "wal") == 0)
			return true;
		if (*mode)
			return false;       /* refused, not busy */
		usleep(20000);
	}
	return false;
}

/* Is the database file shorter than its header says?  Only when the
 * header's count is current (SQLite's "version-valid-for" is the change
 * counter) and no write-ahead log holds pages of it. */
static bool cut_short(const char *path, char *why, size_t n)
{
	unsigned char h[100];
	char wal[PATH_MAX + 8];
	struct stat st, ws;
	FILE *f = fopen(path, "rb");
	size_t got = f ? fread(h, 1, sizeof(h), f) : 0;
	unsigned long page, pages;

	if (f)
		fclose(f);
	if (got < sizeof(h) || stat(path, &st) != 0)
		return false;                   /* new, or not a database: met elsewhere */
	snprintf(wal, sizeof(wal), "%s-wal", path);
	if (stat(wal, &ws) == 0 && ws.st_size > 0)
		return false;
	page = (unsigned long)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 | (unsigned long)h[30] << 8 | h[31];
	if (!pages || memcmp(h + 24, h + 92, 4) != 0)
		return false;
	if ((unsigned long long)st.st_size >= (unsigned long long)pages * page)
		return false;
	snprintf(why, n, "%llu of %llu bytes", (unsigned long long)st.st_size, (unsigned long long)pages * page);
	return true;
}

enum opened { OPEN_OK, OPEN_BAD, OPEN_REFUSED };

/* Opens the file and brings its schema to this pilcrow's; says why not. */
static enum opened open_file(struct workspace *w, char *why, size_t n)
{
	int rc, v;
	char check_why[96];

	/* one thread uses a workspace: no mutex on each call (a tenth of reading it) */
	rc = sqlite3_open_v2(w->path, &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(why, n, "%s", refusal(w, rc));
		return OPEN_REFUSED;
	}
	sqlite3_busy_timeout(w->db, 5000);
	v = read_int(w->db, "PRAGMA user_version", &rc);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
		snprintf(why, n, "not a workspace (%s)", sqlite3_errstr(rc));
		return OPEN_BAD;
	}
	if (rc != SQLITE_OK) {
		snprintf(why, n, "%s", refusal(w, rc));
		return OPEN_REFUSED;
	}
	if (v > WS_SCHEMA) {
		snprintf(why, n, "made by a newer pilcrow (schema %d; this one knows %d)", v, WS_SCHEMA);
		return OPEN_BAD;
	}
	/* cut short: the pages the header counts are not all in the file (a
	 * check of every page, PRAGMA quick_check, took 2 ms of the 5 the
	 * startup may cost at 10,000 marks; damage elsewhere is met when the
	 * pages are read, and refused then) */
	if (cut_short(w->path, check_why, sizeof(check_why))) {
		snprintf(why, n, "cut short (%s)", check_why);
		return OPEN_BAD;
	}
	/* WAL: readers and the writer of several sessions do not wait on
	 * each other; FULL: each commit is on the disk before it returns */
	if (!wal_on(w->db) || !exec_quiet(w->db, "PRAGMA synchronous = FULL")) {
		snprintf(why, n, "%s", refusal(w, SQLITE_READONLY));
		return OPEN_REFUSED;
	}
	if (v < WS_SCHEMA && !make_schema(w->db, v < 0 ? 0 : v)) {
		rc = sqlite3_errcode(w->db);
		/* another session may have made it meanwhile */
		if (read_int(w->db, "PRAGMA user_version", &rc) != WS_SCHEMA) {
			snprintf(why, n, "%s", refusal(w, rc ? rc : SQLITE_READONLY));
			return OPEN_REFUSED;
		}
	}
	return OPEN_OK;
}

/* The marks file of earlier pilcrows: "ID<tab>3,4,0a" a line. */
static size_t import_marks(struct workspace *w, const char *old)
{
	FILE *f;
	char line[4096];
	size_t n = 0;
	sqlite3_stmt *st;
	int done;

	if (!old || !*old)
		return 0;
	if (sqlite3_prepare_v2(w->db, "SELECT 1 FROM meta WHERE key = 'marks-imported'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	done = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (done || !(f = fopen(old, "r")))
		return 0;
	if (!ws_exec(w, "BEGIN IMMEDIATE")) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t'), *p;

		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		for (p = tab + 1; *p;) {
			char a[24];
			size_t k = 0;

			while (p[k] && ((p[k] >= '0' && p[k] <= '9') || (p[k] >= 'a' && p[k] <= 'z')))
				k++;
			if (!k)
				break;
			snprintf(a, sizeof(a), "%.*s", (int)MIN(k, sizeof(a) - 1), p);
			if (ws_change(w, WS_MARK_ADD, "tttl", WS_MARKS, line, a, ws_now()))
				n++;
			p += k;
			while (*p == ',' || *p == ' ')
				p++;
		}
	}
	fclose(f);
	if ((st = NULL, sqlite3_prepare_v2(w->db, "INSERT OR REPLACE INTO meta(key, value) VALUES('marks-imported', ?1)",
					   -1, &st, NULL)) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, old, -1, SQLITE_TRANSIENT);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (ws_exec(w, "COMMIT") && n && !*w->notice)
		snprintf(w->notice, sizeof(w->notice), "%zu marks imported from %s (the file is left as it was)", n, old);
	return n;
}

struct workspace *ws_open(const char *path, const char *old_marks)
{
	struct workspace *w = xcalloc(1, sizeof(*w));
	char why[PATH_MAX + 100], def[PATH_MAX];
	enum opened r = OPEN_REFUSED;
	int rc;

	if (!path)
		path = ws_default_path(def, sizeof(def));
	if (path) {
		snprintf(w->path, sizeof(w->path), "%s", path);
		make_parents(w->path);
		r = open_file(w, why, sizeof(why));
		if (r == OPEN_BAD) {
			sqlite3_close(w->db);
			w->db = NULL;
			if (set_aside(w, why)) {
				r = open_file(w, why, sizeof(why));
			} else {
				snprintf(why, sizeof(why), "%s cannot be set aside: %s", w->path, strerror(errno));
				r = OPEN_REFUSED;
			}
		}
	} else {
		snprintf(why, sizeof(why), "neither XDG_DATA_HOME nor HOME is set");
	}
	/* damage the open did not see shows when the cache is read */
	rc = SQLITE_OK;
	if (r == OPEN_OK && ((rc = wc_load(w)) == SQLITE_CORRUPT || rc == SQLITE_NOTADB)) {
		finalize_all(w);
		sqlite3_close(w->db);
		w->db = NULL;
		snprintf(why, sizeof(why), "damaged (%s)", sqlite3_errstr(rc));
		r = set_aside(w, why) ? open_file(w, why, sizeof(why)) : OPEN_REFUSED;
	}
	if (r != OPEN_OK)
		to_memory(w, why);
	/* the cache once more when something came in since (or the file
	 * was set aside, or the workspace moved to memory) */
	if (r != OPEN_OK || rc != SQLITE_OK || import_marks(w, old_marks))
		wc_load(w);
	w->data_version = read_int(w->db, "PRAGMA data_version", &rc);
	return w;
}

void ws_close(struct workspace *w)
{
	if (!w)
		return;
	finalize_all(w);
	sqlite3_close(w->db);
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

const char *ws_path(const struct workspace *w)
{
	return w->path;
}

bool ws_refresh(struct workspace *w)
{
	int rc, v = read_int(w->db, "PRAGMA data_version", &rc);

	if (rc != SQLITE_OK || v == w->data_version)
		return false;
	w->data_version = v;
	wc_load(w);
	return true;
}
