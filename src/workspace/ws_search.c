/* ws_search.c -- saved searches: a filter and an order under a name, kept
 * in the workspace like the marks (a change committed before the key that
 * made it returns) */
#include "config.h"
#include "workspace/ws_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static void row(sqlite3_stmt *st, struct ws_search *s)
{
	const char *name = (const char *)sqlite3_column_text(st, 0), *filter = (const char *)sqlite3_column_text(st, 1),
		   *sort = (const char *)sqlite3_column_text(st, 2);

	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name ? name : "");
	snprintf(s->filter, sizeof(s->filter), "%s", filter ? filter : "");
	snprintf(s->sort, sizeof(s->sort), "%s", sort ? sort : "");
	s->reverse = sqlite3_column_int(st, 3) != 0;
}

size_t ws_searches(struct workspace *w, struct ws_search **out)
{
	sqlite3_stmt *st = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (!w || sqlite3_prepare_v2(w->db, "SELECT name, filter, sort, reverse FROM search ORDER BY name COLLATE NOCASE",
				     -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return 0;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		grow_array((void **)out, &cap, n + 1, sizeof(**out));
		row(st, &(*out)[n++]);
	}
	sqlite3_finalize(st);
	return n;
}

bool ws_has_searches(struct workspace *w)
{
	sqlite3_stmt *st = NULL;
	bool any = false;

	if (w && sqlite3_prepare_v2(w->db, "SELECT 1 FROM search LIMIT 1", -1, &st, NULL) == SQLITE_OK)
		any = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return any;
}

bool ws_search_get(struct workspace *w, const char *name, struct ws_search *s)
{
	sqlite3_stmt *st = NULL;
	bool found = false;

	if (!w || sqlite3_prepare_v2(w->db, "SELECT name, filter, sort, reverse FROM search WHERE name = ?1", -1, &st,
				     NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return false;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		row(st, s);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

void ws_search_put(struct workspace *w, const struct ws_search *s)
{
	ws_begin(w);
	ws_change(w, WS_SEARCH_PUT, "tttil", s->name, s->filter, s->sort, (int)s->reverse, ws_now());
	ws_commit(w);
}

void ws_search_del(struct workspace *w, const char *name)
{
	ws_begin(w);
	ws_change(w, WS_SEARCH_DEL, "t", name);
	ws_commit(w);
}

bool ws_search_rename(struct workspace *w, const char *from, const char *to)
{
	struct ws_search taken;

	if (strcasecmp(from, to) != 0 && ws_search_get(w, to, &taken))
		return false;
	ws_begin(w);
	ws_change(w, WS_SEARCH_RENAME, "tt", from, to);
	ws_commit(w);
	return true;
}
