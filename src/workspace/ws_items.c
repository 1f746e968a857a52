/* ws_items.c -- marks, notes and collections: each change one commit,
 * made in the cache too */
#include "config.h"
#include "workspace/ws_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/cable.h"
#include "base/buf.h"
#include "doc/cite.h"
#include "base/util.h"

void ws_about(struct ws_about *a, const struct cable *c, int para, struct str text)
{
	struct cite_src s;

	cite_about(&s, c, para, text);
	*a = (struct ws_about){ s.id, s.date, s.origin, s.origin_name, s.subject, s.classification,
				s.address, s.marking, s.text };
}

/* What the item is on, kept beside it (in the same transaction). */
static void keep_about(struct workspace *w, const struct ws_about *a)
{
	char *text = xstrndup(a->text.p ? a->text.p : "", a->text.n);

	ws_change(w, WS_CABLE_PUT, "tttttt", a->id, a->date, a->origin, a->origin_name, a->subject, a->classification);
	if (*a->address)
		ws_change(w, WS_PARA_PUT, "tttt", a->id, a->address, a->marking, text);
	free(text);
}

bool ws_marked(const struct workspace *w, const char *id, const char *address)
{
	struct wc_cable *c = wc_find(w, str_c(id));
	struct wc_addr *a = c ? wc_addr(c, address, false) : NULL;

	return a && (a->bits & WS_MARKED);
}

bool ws_noted(const struct workspace *w, const char *id, const char *address)
{
	struct wc_cable *c = wc_find(w, str_c(id));
	struct wc_addr *a = c ? wc_addr(c, address, false) : NULL;

	return a && (a->bits & WS_NOTED);
}

void ws_cable_collections(const struct workspace *w, const char *id, struct buf *out)
{
	const struct wc_cable *c = wc_find(w, str_c(id));
	const char *names[64];
	size_t n = 0;

	for (size_t j = 0; c && j < c->ncolls && n < 64; j++)
		names[n++] = w->colls[c->colls[j]];
	/* in the order of the names */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
			const char *t = names[k];

			names[k] = names[k - 1];
			names[k - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%s", i ? ", " : "", names[i]);
}

size_t ws_mark_count(const struct workspace *w, const char *id)
{
	const struct wc_cable *c = wc_find(w, str_c(id));
	size_t n = 0;

	for (size_t i = 0; c && i < c->naddrs; i++)
		n += (c->addrs[i].bits & WS_MARKED) != 0;
	return n;
}

static bool item_has(struct workspace *w, const char *name, const char *id, const char *address)
{
	sqlite3_stmt *st = ws_stmt(w, WS_ITEM_HAS, "ttt", name, id, address);
	int rc = st ? sqlite3_step(st) : sqlite3_errcode(w->db);

	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ws_met(w, rc);
	return rc == SQLITE_ROW;
}

/* Adds or takes @a out of collection @name, in the database and the cache. */
static bool set_item(struct workspace *w, const struct ws_about *a, const char *name, bool on)
{
	struct wc_cable *c;

	ws_begin(w);
	if (on) {
		keep_about(w, a);
		ws_change(w, WS_MARK_ADD, "tttl", name, a->id, a->address, ws_now());
	} else {
		ws_change(w, WS_MARK_DEL, "ttt", name, a->id, a->address);
	}
	ws_commit(w);
	c = wc_get(w, a->id);
	if (strcmp(name, WS_MARKS) == 0) {
		struct wc_addr *x = wc_addr(c, a->address, true);

		x->bits = on ? x->bits | WS_MARKED : x->bits & ~(unsigned)WS_MARKED;
	} else {
		bool still = on;

		/* still in the collection through another paragraph? */
		if (!on) {
			sqlite3_stmt *any;

			if (sqlite3_prepare_v2(w->db, "SELECT 1 FROM item WHERE collection = ?1 AND cable = ?2 LIMIT 1", -1,
					       &any, NULL) == SQLITE_OK) {
				sqlite3_bind_text(any, 1, name, -1, SQLITE_STATIC);
				sqlite3_bind_text(any, 2, a->id, -1, SQLITE_STATIC);
				still = sqlite3_step(any) == SQLITE_ROW;
				sqlite3_finalize(any);
			}
		}
		wc_set_coll(w, c, name, still);
	}
	wc_flags(w, c);
	return on;
}

bool ws_mark_toggle(struct workspace *w, const struct ws_about *a)
{
	return set_item(w, a, WS_MARKS, !ws_marked(w, a->id, a->address));
}

bool ws_collect_toggle(struct workspace *w, const struct ws_about *a, const char *name)
{
	if (strcasecmp(name, WS_MARKS) == 0)
		return ws_mark_toggle(w, a);
	return set_item(w, a, name, !item_has(w, name, a->id, a->address));
}

void ws_collect_move(struct workspace *w, const struct ws_about *a, const char *from, const char *to)
{
	const char *t = strcasecmp(to, WS_MARKS) == 0 ? WS_MARKS : to;

	ws_begin(w);
	ws_change(w, WS_ITEM_MOVE, "tttt", from, a->id, a->address, t);
	/* a paragraph in no collection (a note alone) is put into it */
	if (!item_has(w, t, a->id, a->address)) {
		keep_about(w, a);
		ws_change(w, WS_MARK_ADD, "tttl", t, a->id, a->address, ws_now());
	}
	ws_commit(w);
	/* the cache from the database: a move may leave one set and join another */
	wc_load(w);
}

const char *ws_note(const struct workspace *cw, const char *id, const char *address)
{
	struct workspace *w = (struct workspace *)cw;
	struct wc_cable *c = wc_find(w, str_c(id));
	struct wc_addr *a = c ? wc_addr(c, address, false) : NULL;
	sqlite3_stmt *st;
	const char *text = NULL;
	int rc;

	if (!a || !(a->bits & WS_NOTED))
		return NULL;
	st = ws_stmt(w, WS_NOTE_GET, "tt", id, address);
	rc = st ? sqlite3_step(st) : sqlite3_errcode(w->db);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		buf_clear(&w->note);
		buf_add(&w->note, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
		buf_addc(&w->note, '\0');
		text = w->note.p;
	}
	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ws_met(w, rc);
	return text;
}

void ws_note_set(struct workspace *w, const struct ws_about *a, const char *text)
{
	struct wc_cable *c;
	struct wc_addr *x;

	ws_begin(w);
	if (text && *text) {
		keep_about(w, a);
		ws_change(w, WS_NOTE_PUT, "tttl", a->id, a->address, text, ws_now());
	} else {
		ws_change(w, WS_NOTE_DEL, "tt", a->id, a->address);
	}
	ws_commit(w);
	c = wc_get(w, a->id);
	x = wc_addr(c, a->address, true);
	x->bits = text && *text ? x->bits | WS_NOTED : x->bits & ~(unsigned)WS_NOTED;
	wc_flags(w, c);
}

size_t ws_collections(struct workspace *w, const char *const **names)
{
	size_t n = 0;
	bool marks = false;

	for (size_t k = 0; k < w->ncables && !marks; k++)
		marks = (w->cables[k].flags & WS_MARKED) != 0;
	grow_array((void **)&w->names, &w->cap_names, w->ncolls + 1, sizeof(*w->names));
	for (size_t k = 0; k < w->ncolls; k++) {
		if (marks && strcmp(w->colls[k], WS_MARKS) > 0) {
			w->names[n++] = WS_MARKS;
			marks = false;
		}
		w->names[n++] = w->colls[k];
	}
	if (marks)
		w->names[n++] = WS_MARKS;
	*names = w->names;
	return n;
}

void ws_complete(struct workspace *w, const struct cable *c, struct str (*text)(void *ud, int para), void *ud)
{
	static const char *const sql =
		"SELECT address FROM item WHERE cable = ?1 AND address <> ''"
		" AND address NOT IN (SELECT address FROM para WHERE cable = ?1)"
		" UNION SELECT address FROM note WHERE cable = ?1 AND address <> ''"
		" AND address NOT IN (SELECT address FROM para WHERE cable = ?1)"
		" UNION SELECT '' WHERE NOT EXISTS (SELECT 1 FROM cable WHERE id = ?1)";
	char missing[64][24];
	size_t n = 0;
	sqlite3_stmt *st;

	if (!c->id[0] || !(ws_cable_flags(w, str_c(c->id)) & (WS_MARKED | WS_NOTED | WS_COLLECTED)))
		return;
	if (sqlite3_prepare_v2(w->db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
		snprintf(missing[n++], sizeof(missing[0]), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!n)
		return;
	/* what the items are on, from the cable now open: one commit */
	ws_begin(w);
	for (size_t k = 0; k < n; k++) {
		const struct paragraph *p = *missing[k] ? cable_para_by_address(c, str_c(missing[k])) : NULL;
		struct ws_about a;

		if (*missing[k] && !p)
			continue;
		ws_about(&a, c, p ? (int)(p - c->paras) : -1, p ? text(ud, (int)(p - c->paras)) : STR_NULL);
		keep_about(w, &a);
	}
	ws_commit(w);
}

struct cite_src ws_cite_about(const struct ws_about *a)
{
	return (struct cite_src){ a->id, a->date, a->origin, a->origin_name, a->subject, a->classification,
				  a->address, a->marking, a->text };
}

struct cite_src ws_cite_item(const struct ws_item *it)
{
	return (struct cite_src){ it->id, it->date, it->origin, it->origin_name, it->subject, it->classification,
				  it->address, it->marking, str_c(it->text) };
}

struct ws_about ws_about_item(const struct ws_item *it)
{
	return (struct ws_about){ it->id, it->date, it->origin, it->origin_name, it->subject, it->classification,
				  it->address, it->marking, str_c(it->text) };
}

bool ws_notes_match(const struct workspace *cw, struct str id, bool (*match)(const char *note, const void *ud),
		    const void *ud)
{
	struct wc_cable *c = wc_find((struct workspace *)cw, id);
	char idc[64];

	if (!c || !(c->flags & WS_NOTED) || id.n >= sizeof(idc))
		return false;
	snprintf(idc, sizeof(idc), "%.*s", (int)id.n, id.p);
	for (size_t i = 0; i < c->naddrs; i++) {
		const char *note;

		if (!(c->addrs[i].bits & WS_NOTED))
			continue;
		note = ws_note(cw, idc, c->addrs[i].a);
		if (note && match(note, ud))
			return true;
	}
	return false;
}
