/* ws_state.c -- where each cable and each list was left, and the prompts'
 * history */
#include "config.h"
#include "workspace/ws_internal.h"

#include <stdio.h>
#include <string.h>

bool ws_spot_get(const struct workspace *w, const char *id, struct ws_spot *s)
{
	const struct wc_cable *c = wc_find(w, str_c(id));

	if (!c || !(c->flags & WS_OPENED))
		return false;
	*s = c->spot;
	return true;
}

void ws_spot_set(struct workspace *w, const char *id, const struct ws_spot *s)
{
	struct wc_cable *c = wc_get(w, id);

	if ((c->flags & WS_OPENED) && strcmp(c->spot.address, s->address) == 0 && c->spot.list_top == s->list_top &&
	    c->spot.detail_top == s->detail_top)
		return;
	ws_change(w, WS_SPOT_PUT, "ttiil", id, s->address, s->list_top, s->detail_top, ws_now());
	c->spot = *s;
	c->flags |= WS_OPENED;
	w->gen++;
}

bool ws_place_get(struct workspace *w, const char *key, struct ws_place *p)
{
	sqlite3_stmt *st = ws_stmt(w, WS_PLACE_GET, "t", key);
	bool found = false;

	int rc = st ? sqlite3_step(st) : sqlite3_errcode(w->db);

	memset(p, 0, sizeof(*p));
	if (rc == SQLITE_ROW) {
		const char *cable = (const char *)sqlite3_column_text(st, 0);
		const char *filter = (const char *)sqlite3_column_text(st, 1);

		snprintf(p->cable, sizeof(p->cable), "%s", cable ? cable : "");
		snprintf(p->filter, sizeof(p->filter), "%s", filter ? filter : "");
		p->sort = sqlite3_column_int(st, 2);
		p->reverse = sqlite3_column_int(st, 3) != 0;
		p->reading = sqlite3_column_int(st, 4) != 0;
		found = true;
	}
	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ws_met(w, rc);
	return found;
}

void ws_place_set(struct workspace *w, const char *key, const struct ws_place *p)
{
	ws_change(w, WS_PLACE_PUT, "tttiiil", key, p->cable, p->filter, p->sort, (int)p->reverse, (int)p->reading,
		  ws_now());
}

void ws_history(struct workspace *w, char kind, size_t most, void (*fn)(const char *line, void *ud), void *ud)
{
	char k[2] = { kind, '\0' };
	sqlite3_stmt *st = ws_stmt(w, WS_HIST_GET, "ti", k, (int)most);

	int rc = st ? SQLITE_ROW : sqlite3_errcode(w->db);

	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_text(st, 0))
			fn((const char *)sqlite3_column_text(st, 0), ud);
	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		ws_met(w, rc);
}

void ws_history_add(struct workspace *w, char kind, const char *line)
{
	char k[2] = { kind, '\0' };

	if (!line || !*line)
		return;
	ws_change(w, WS_HIST_PUT, "ttl", k, line, ws_now());
	ws_change(w, WS_HIST_TRIM, "t", k);
}
