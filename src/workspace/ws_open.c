/* ws_open.c -- opening the workspace: where it is, its file checked
 * (cut short, a damaged header), WAL, the schema brought up to date, the
 * old marks file imported; a file that cannot be written read alone. */
#include "config.h"
#include "workspace/ws_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "workspace/dbfile.h"
#include "base/util.h"

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

int ws_read_int(sqlite3 *db, const char *sql, int *rc)
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

/* Puts the database in WAL mode: SQLITE_OK when it is, SQLITE_BUSY when
 * another process holds the lock the change needs (tried @tries times, 20
 * ms apart: another session opening it at the same moment), else
 * SQLITE_READONLY (a directory that cannot be written keeps the old mode,
 * and tells so at once). */
static int wal_on(sqlite3 *db, int tries)
{
	char mode[16];

	for (int k = 0; k < tries; k++) {
		if (k)
			usleep(20000);
		read_text(db, "PRAGMA journal_mode", mode, sizeof(mode));
		if (strcmp(mode, "wal") == 0)
			return SQLITE_OK;
		read_text(db, "PRAGMA journal_mode = WAL", mode, sizeof(mode));
		if (strcmp(mode, "wal") == 0)
			return SQLITE_OK;
		if (*mode)
			return SQLITE_READONLY;     /* refused, not busy */
	}
	return SQLITE_BUSY;
}

int ws_ready_file(sqlite3 *db, int tries, int *version)
{
	int rc, v = ws_read_int(db, "PRAGMA user_version", &rc);

	*version = v;
	if (rc != SQLITE_OK)
		return rc;
	if (v > WS_SCHEMA || v < 0)
		return SQLITE_OK;               /* the caller sees it */
	/* WAL: readers and the writer of several sessions do not wait on
	 * each other; FULL: each commit is on the disk before it returns */
	if ((rc = wal_on(db, tries)) != SQLITE_OK)
		return rc;
	if (sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
		return SQLITE_READONLY;
	if (v < WS_SCHEMA && !ws_make_schema(db, v < 0 ? 0 : v)) {
		rc = sqlite3_errcode(db);
		/* another session may have made it meanwhile */
		if (ws_read_int(db, "PRAGMA user_version", &rc) != WS_SCHEMA)
			return rc ? rc : SQLITE_READONLY;
	}
	return SQLITE_OK;
}

/* "file:PATH?QUERY", the path's own '%', '?' and '#' escaped. */
static char *uri(const char *path, const char *query)
{
	struct buf b = { 0 };

	buf_adds(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	buf_printf(&b, "?%s", query);
	buf_addc(&b, '\0');
	return b.p;
}

sqlite3 *ws_open_readonly(const char *path, bool damaged)
{
	/* read only as SQLite can (it may need the -shm written), else as a
	 * file no one changes (no -shm; a log left by a crash is not read) */
	static const char *const how[] = { "mode=ro", "immutable=1" };

	for (size_t k = 0; k < sizeof(how) / sizeof(how[0]); k++) {
		char *name = uri(path, how[k]);
		sqlite3 *db = NULL;
		int rc = sqlite3_open_v2(name, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);

		free(name);
		/* a damaged file: its schema read even where a statement of it
		 * is damaged (nothing is written through this connection) */
		if (rc == SQLITE_OK && damaged)
			sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
		if (rc == SQLITE_OK && sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
			return db;
		sqlite3_close(db);
	}
	return NULL;
}

/* An open or a read refused although the directory and the file may be
 * written: damage, when SQLite's quick check of the file finds it (run
 * here, on the error path, not at every start). */
static bool refused_by_damage(struct workspace *w, int rc, char *why, size_t n)
{
	char dir[PATH_MAX], *slash, res[200] = "";
	sqlite3 *ro;
	sqlite3_stmt *st;
	struct stat sb;

	if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED || stat(w->path, &sb) != 0 || sb.st_size == 0)
		return false;
	snprintf(dir, sizeof(dir), "%s", w->path);
	if ((slash = strrchr(dir, '/')))
		*slash = '\0';
	else
		snprintf(dir, sizeof(dir), ".");
	if (access(dir, W_OK) != 0 || access(w->path, W_OK) != 0)
		return false;
	/* the file as it is (no -shm, no log), checked as SQLite can */
	{
		char *name = uri(w->path, "immutable=1");

		rc = sqlite3_open_v2(name, &ro, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(name);
	}
	if (rc == SQLITE_OK && sqlite3_prepare_v2(ro, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(res, sizeof(res), "%s", (const char *)sqlite3_column_text(st, 0));
		else
			dbfile_errmsg(ro, res, sizeof(res));
		sqlite3_finalize(st);
	} else {
		if (ro)
			dbfile_errmsg(ro, res, sizeof(res));
		else
			snprintf(res, sizeof(res), "%s", sqlite3_errstr(rc));
	}
	sqlite3_close(ro);
	if (strcmp(res, "ok") == 0)
		return false;
	snprintf(why, n, "damaged (%s)", res);
	return true;
}

enum ws_opened ws_open_file(struct workspace *w, char *why, size_t n)
{
	int rc, v;
	char check_why[96];

	w->db = NULL;
	/* the file, damaged where a look shows it: cut short, its header
	 * (a check of every page, PRAGMA quick_check, took 2 ms of the 5 the
	 * startup may cost at 10,000 marks; damage elsewhere is met when the
	 * pages are read, and the file recovered then) */
	if (dbfile_damaged(w->path, false, check_why, sizeof(check_why))) {
		snprintf(why, n, "%s", check_why);
		return WS_OPEN_BAD;
	}
	/* one thread uses a workspace: no mutex on each call (a tenth of reading it) */
	rc = sqlite3_open_v2(w->path, &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		goto refused;
	/* another session opening it at the same moment: a second */
	sqlite3_busy_timeout(w->db, 1000);
	rc = ws_ready_file(w->db, 50, &v);
	if (ws_is_damage(rc)) {
		snprintf(why, n, "damaged (%s)", sqlite3_errstr(rc));
		return WS_OPEN_BAD;
	}
	if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) {
		/* a lock held longer: the session waits for it (ws_wait.c) */
		snprintf(why, n, "%s is locked by another process", w->path);
		return WS_OPEN_BUSY;
	}
	if (rc != SQLITE_OK)
		goto refused;
	/* a schema version no pilcrow will reach is a damaged header */
	if (v > WS_SCHEMA && v < 1000) {
		snprintf(why, n, "made by a newer pilcrow (schema %d; this one knows %d)", v, WS_SCHEMA);
		return WS_OPEN_NEWER;
	}
	if (v > WS_SCHEMA || v < 0) {
		snprintf(why, n, "a damaged header (schema version %d)", v);
		return WS_OPEN_BAD;
	}
	/* a change waits this long for another session's commit, then goes
	 * on in memory until the lock is free (ws_wait.c): a key never waits */
	sqlite3_busy_timeout(w->db, WS_LOCK_WAIT_MS);
	return WS_OPEN_OK;
refused:
	if (refused_by_damage(w, rc, why, n))
		return WS_OPEN_BAD;
	{
		char dir[PATH_MAX], *slash;

		snprintf(dir, sizeof(dir), "%s", w->path);
		if ((slash = strrchr(dir, '/')))
			*slash = '\0';
		if ((rc & 0xFF) == SQLITE_FULL)
			snprintf(why, n, "%s is full", dir);
		else if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
			snprintf(why, n, "%s is locked by another process", w->path);
		else if ((rc & 0xFF) == SQLITE_READONLY || (rc & 0xFF) == SQLITE_CANTOPEN || (rc & 0xFF) == SQLITE_PERM)
			snprintf(why, n, "%s cannot be written", access(dir, W_OK) ? dir : w->path);
		else
			snprintf(why, n, "%s: %s", w->path, sqlite3_errstr(rc));
	}
	return WS_OPEN_REFUSED;
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
	ws_begin(w);
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
	ws_commit(w);
	if (n && !*w->notice)
		snprintf(w->notice, sizeof(w->notice), "%zu marks imported from %s (the file is left as it was)", n, old);
	return n;
}

struct workspace *ws_open(const char *path, const char *old_marks)
{
	struct workspace *w = xcalloc(1, sizeof(*w));
	char why[PATH_MAX + 100], def[PATH_MAX];
	enum ws_opened r = WS_OPEN_REFUSED;
	int rc;

	if (!path)
		path = ws_default_path(def, sizeof(def));
	if (path) {
		snprintf(w->path, sizeof(w->path), "%s", path);
		make_parents(w->path);
		r = ws_open_file(w, why, sizeof(why));
		/* damaged: set aside, what can be read of it kept in a new one;
		 * a newer pilcrow's: set aside, left as it is */
		if (r == WS_OPEN_BAD || r == WS_OPEN_NEWER)
			r = ws_replace(w, why, r == WS_OPEN_BAD, why, sizeof(why));
	} else {
		snprintf(why, sizeof(why), "neither XDG_DATA_HOME nor HOME is set");
	}
	if (r == WS_OPEN_BUSY) {
		wq_start_unready(w);
		wc_load(w);
	} else if (r != WS_OPEN_OK) {
		ws_to_memory(w, why);
		wc_load(w);
	} else {
		/* damage the open did not see shows when the cache is read;
		 * the cache once more when something came in since */
		bool again = ws_recover(w, wc_load(w));

		again = wq_orphans(w) > 0 || again;
		if (import_marks(w, old_marks) || again)
			wc_load(w);
	}
	w->data_version = ws_read_int(w->db, "PRAGMA data_version", &rc);
	return w;
}
