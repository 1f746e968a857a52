/* ws_internal.h -- what the workspace's files share: the connection, its
 * statements, and what this session knows of the cables (the cache the
 * screens ask, many times a redraw) */
#ifndef PILCROW_WS_INTERNAL_H
#define PILCROW_WS_INTERNAL_H

#include <limits.h>
#include <sqlite3.h>

#include "buf.h"
#include "workspace.h"

/* The statements, prepared once (and again after a move to memory). */
enum ws_stmt {
	WS_MARK_ADD, WS_MARK_DEL, WS_CABLE_PUT, WS_PARA_PUT, WS_NOTE_PUT, WS_NOTE_DEL, WS_NOTE_GET,
	WS_ITEM_HAS, WS_ITEM_MOVE, WS_SPOT_PUT, WS_PLACE_GET, WS_PLACE_PUT, WS_HIST_GET, WS_HIST_PUT,
	WS_HIST_TRIM, WS_STMT_COUNT
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

struct workspace {
	sqlite3 *db;
	char path[PATH_MAX];
	char notice[3 * PATH_MAX + 200];
	char unsaved[PATH_MAX + 100];
	int data_version;
	unsigned gen;            /* counts the changes this session has seen */
	sqlite3_stmt *st[WS_STMT_COUNT];

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
/* Runs a change (a statement bound by ws_stmt, or NULL and @sql), and
 * commits it; on a write error the workspace moves to memory and the
 * change is made there.  False when it could not be made at all. */
bool ws_change(struct workspace *w, enum ws_stmt s, const char *types, ...);
bool ws_exec(struct workspace *w, const char *sql);
int64_t ws_now(void);

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
