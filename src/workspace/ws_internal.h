/* ws_internal.h -- what the workspace's files share: the connection, its
 * statements, and what this session knows of the cables (the cache the
 * screens ask, many times a redraw) */
#ifndef PILCROW_WS_INTERNAL_H
#define PILCROW_WS_INTERNAL_H

#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>

#include "base/buf.h"
#include "workspace/workspace.h"

/* The statements, prepared once (and again after a move to memory). */
enum ws_stmt {
	WS_MARK_ADD, WS_MARK_DEL, WS_CABLE_PUT, WS_PARA_PUT, WS_NOTE_PUT, WS_NOTE_DEL, WS_NOTE_GET,
	WS_ITEM_HAS, WS_ITEM_MOVE, WS_SPOT_PUT, WS_PLACE_GET, WS_PLACE_PUT, WS_HIST_GET, WS_HIST_PUT,
	WS_HIST_TRIM, WS_SEARCH_PUT, WS_SEARCH_DEL, WS_SEARCH_RENAME, WS_STMT_COUNT
};

/* A paragraph of a cable that holds something: marked, noted. */
struct wc_addr {
	char a[24];
	unsigned bits;           /* WS_MARKED | WS_NOTED */
};

struct wc_cable {
	char *id;
	unsigned flags;          /* enum in workspace.h */
	struct wc_addr *addrs;
	size_t naddrs, cap_addrs;
	uint16_t *colls;         /* the collections it is in (ws->colls) */
	size_t ncolls, cap_colls;
	struct ws_spot spot;     /* where it was left (WS_OPENED) */
};

/* A change as it was asked for: the statement and its arguments, kept
 * until its transaction is in the file (ws_wait.c). */
#define WS_ARGS 8
struct ws_op {
	enum ws_stmt s;
	char types[WS_ARGS + 1];
	char *t[WS_ARGS];
	int64_t l[WS_ARGS];
};
struct ws_txn {
	struct ws_op *ops;
	size_t n, cap;
};

struct workspace {
	sqlite3 *db;             /* the file, or a copy in memory (see below) */
	char path[PATH_MAX];
	char notice[3 * PATH_MAX + 200];
	char unsaved[PATH_MAX + 100];
	int data_version;
	unsigned gen;            /* counts the changes this session has seen */
	sqlite3_stmt *st[WS_STMT_COUNT];

	/* the transaction being made, its changes kept to be made again
	 * (in memory, or in the file once it is free) */
	bool in_txn;
	int depth;               /* ws_begin()s not yet committed (a batch holds the outer one) */
	struct ws_txn cur;
	/* waiting for a lock another process holds: @db is a copy in memory
	 * with this session's changes, @file the file, @queue the
	 * transactions not yet in it (ws_wait.c) */
	sqlite3 *file;
	struct ws_txn *queue;
	size_t nqueue, cap_queue;
	char waiting[PATH_MAX + 100];
	bool unready;            /* @file still to be made ready (ws_ready_file) */
	bool recovering;         /* a recovery is under way: no second one */

	/* the cache: cables by the hash of their id (open addressing; a
	 * slot holds the cable's index + 1) */
	struct wc_cable *cables;
	size_t ncables, cap_cables;
	uint32_t *slots;
	size_t nslots;
	char **colls;            /* the collections' names, sorted */
	size_t ncolls, cap_colls;
	const char **names;      /* ws_collections()'s answer */
	size_t cap_names;
	struct buf note;         /* ws_note()'s answer, whole however long */
};

/* workspace.c: statement @s, reset and bound to @types ('t' a string,
 * 'i' an int, 'l' an int64), one argument each */
sqlite3_stmt *ws_stmt(struct workspace *w, enum ws_stmt s, const char *types, ...);
/* The SQL of statement @s. */
const char *ws_sql(enum ws_stmt s);
/* Runs a change, inside the transaction begun by ws_begin() or in one of
 * its own.  A lock another process holds is waited for in the background
 * (ws_wait.c); a disk that refuses moves the workspace to memory.  Either
 * way the change is made.  False when it could not be made at all. */
bool ws_change(struct workspace *w, enum ws_stmt s, const char *types, ...);
void ws_begin(struct workspace *w);
void ws_commit(struct workspace *w);
int64_t ws_now(void);
/* Binds @op's arguments to @st, and runs it: the SQLite result. */
int ws_run_op(sqlite3_stmt *st, const struct ws_op *op);
/* A copy in memory of what @from holds (NULL when nothing could be read),
 * brought to this pilcrow's schema. */
sqlite3 *ws_memory_copy(sqlite3 *from);
/* The workspace in memory: a copy of @db (may be NULL), else of its file
 * read alone (WAL needs its -shm written even to read; the old journal
 * mode may bar a reader while the lock is held), else an empty one. */
sqlite3 *ws_memory_of(struct workspace *w, sqlite3 *db);
void ws_finalize_all(struct workspace *w);
bool ws_make_schema(sqlite3 *db, int from);
/* Does @rc say the database is damaged? */
bool ws_is_damage(int rc);

/* Moves the workspace into memory for the rest of the session (what the
 * file holds copied when it can be read), @why said by ws_unsaved(). */
int ws_to_memory(struct workspace *w, const char *why);

/* How long a change waits for another session's lock before the work
 * goes on in memory (ws_wait.c). */
#define WS_LOCK_WAIT_MS 200

/* ws_open.c */
enum ws_opened { WS_OPEN_OK, WS_OPEN_BAD, WS_OPEN_NEWER, WS_OPEN_BUSY, WS_OPEN_REFUSED };
/* Opens w->path into w->db, its schema brought up to date; says why not. */
enum ws_opened ws_open_file(struct workspace *w, char *why, size_t n);
int ws_read_int(sqlite3 *db, const char *sql, int *rc);
/* Makes the file ready for this pilcrow (WAL, synchronous commits, the
 * schema brought up to date), trying @tries times when a lock is held:
 * SQLITE_OK or what refused; *version the schema version it had. */
int ws_ready_file(sqlite3 *db, int tries, int *version);
/* The file opened to be read only (when it can be read at all), for a
 * workspace whose directory or disk refuses writes; @damaged: a damaged
 * file, its schema read however it can. */
sqlite3 *ws_open_readonly(const char *path, bool damaged);

/* ws_wait.c: the changes kept while another process holds the lock */
void wq_record(struct ws_txn *t, enum ws_stmt s, const char *types, va_list ap);
void wq_clear(struct ws_txn *t);
/* Starts waiting: the file copied into memory, the work goes on there. */
void wq_start(struct workspace *w);
/* The same at the open, when the lock is held before the file could be
 * made ready: it is made ready once the lock is free. */
void wq_start_unready(struct workspace *w);
/* The transaction just made in memory joins the queue. */
void wq_keep(struct workspace *w);
/* Writes the queue into the file when the lock is free, waiting at most
 * @wait_ms for it; true when nothing is left waiting. */
bool wq_flush(struct workspace *w, int wait_ms);
void wq_free(struct workspace *w);
/* The changes a session killed while it waited had kept: made now, and
 * counted. */
size_t wq_orphans(struct workspace *w);

/* ws_recover.c: the file set aside (@why) and a new one opened, with what
 * can still be read of the old when @salvage; the result of the new
 * open, and why it failed. */
enum ws_opened ws_replace(struct workspace *w, const char *why, bool salvage, char *err, size_t n);
/* When a read met damage (@rc): the file replaced, what can be read of
 * it kept; true when it was (the caller reads again). */
bool ws_recover(struct workspace *w, int rc);
/* What a read met (@rc): damage recovered, the cache read again. */
void ws_met(struct workspace *w, int rc);

/* ws_cache.c */
struct wc_cable *wc_find(const struct workspace *w, struct str id);
struct wc_cable *wc_get(struct workspace *w, const char *id);
struct wc_addr *wc_addr(struct wc_cable *c, const char *address, bool add);
void wc_set_coll(struct workspace *w, struct wc_cable *c, const char *name, bool in);
void wc_flags(struct workspace *w, struct wc_cable *c);   /* and counts a change */
/* reads the cache from the database: SQLITE_OK, or the error met */
int wc_load(struct workspace *w);
void wc_free(struct workspace *w);

#endif
