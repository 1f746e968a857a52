/* workspace.h -- the reader's own work, kept between sessions: marks,
 * notes, collections, where each cable and each dump was left, and the
 * prompts' history.
 *
 * One SQLite database, $XDG_DATA_HOME/pilcrow/workspace.db (or
 * ~/.local/share/pilcrow/workspace.db; PILCROW_WORKSPACE names another),
 * in WAL mode.  Every change is committed before the call returns, so a
 * crash or a kill loses nothing that was said done; several pilcrow
 * sessions share the file, and each sees the others' changes once
 * ws_refresh() finds the database changed (PRAGMA data_version).
 *
 * Marks and the rest follow the cable (its id), whatever file it was read
 * from.  Marks are the collection named "marks".  What a mark or a note
 * is on is kept with it (the cable's date, origin, subject, the
 * paragraph's marking and text), so that the marks browser and the
 * exports need no dump.
 *
 * A lock another process holds is a wait, not a failure: the session goes
 * on with a copy in memory, keeps its changes, and writes them into the
 * file as soon as the lock is free (ws_waiting() says so meanwhile).
 * A damaged workspace (cut short, a damaged header, damage met while it
 * is read) is set aside as workspace.db.bad-DATE, and what SQLite can
 * still read of it is copied into a new one (ws_notice() says what);
 * one made by a newer pilcrow is set aside whole.  One that cannot be
 * written (a read-only or full directory) is read as it is and kept in
 * memory for the session, and ws_unsaved() says why. */
#ifndef PILCROW_WORKSPACE_H
#define PILCROW_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/cite.h"
#include "base/str.h"

#define WS_MARKS "marks"            /* the collection m adds to */
#define WS_SCHEMA 3                  /* the schema this pilcrow writes */

struct workspace;
struct cable;

/* Opens the workspace (never fails: see above).  @path NULL: the default
 * place.  The old marks file (pilcrow 0.x: $XDG_DATA_HOME/pilcrow/marks,
 * or @old_marks) is imported once, then left as it is. */
struct workspace *ws_open(const char *path, const char *old_marks);
void ws_close(struct workspace *w);

/* The default file, or NULL when neither XDG_DATA_HOME nor HOME is set;
 * the old marks file (PILCROW_MARKS names another). */
const char *ws_default_path(char *out, size_t n);
const char *ws_old_marks(char *out, size_t n);

/* Something to tell once (set aside, imported), or "". */
const char *ws_notice(const struct workspace *w);
/* Why the changes will not be saved, or "" while they are. */
const char *ws_unsaved(const struct workspace *w);
const char *ws_path(const struct workspace *w);
/* While another process holds the lock: why the changes wait, or "". */
const char *ws_waiting(const struct workspace *w);
/* What to say beside a change: ws_unsaved(), else ws_waiting(), or "". */
const char *ws_caveat(const struct workspace *w);
/* The changes waiting for the lock; writes them when it is free, waiting
 * at most @wait_ms for it: true when nothing waits any more. */
size_t ws_pending(const struct workspace *w);
bool ws_flush(struct workspace *w, int wait_ms);
/* Once the changes that waited are written: what to say (once). */
bool ws_saved_late(struct workspace *w, char *out, size_t n);

/* Looks whether another session changed the workspace; when it did, what
 * this one knows is read again and true returned.  Cheap: call it before
 * each redraw. */
bool ws_refresh(struct workspace *w);

/* A number that changes with every change this session makes or sees. */
unsigned ws_generation(const struct workspace *w);

/* What a cable holds in the workspace (bits). */
enum { WS_MARKED = 1, WS_NOTED = 2, WS_OPENED = 4, WS_COLLECTED = 8 };
unsigned ws_cable_flags(const struct workspace *w, struct str id);
bool ws_in_collection(const struct workspace *w, struct str id, const char *name);

/* Does a note on cable @id (on the whole cable or a paragraph) satisfy
 * @match? */
bool ws_notes_match(const struct workspace *w, struct str id, bool (*match)(const char *note, const void *ud),
		    const void *ud);

/* ---- saved searches (ws_search.c): a filter and an order under a name */
struct ws_search {
	char name[128];
	char filter[4096];       /* as the user wrote it */
	char sort[16];           /* the order, as a word of sort= ("date") */
	bool reverse;
};
/* Every saved search, by name (*@out made here, the caller's to free). */
size_t ws_searches(struct workspace *w, struct ws_search **out);
bool ws_has_searches(struct workspace *w);
bool ws_search_get(struct workspace *w, const char *name, struct ws_search *s);
/* Saves @s, in place of one of the same name. */
void ws_search_put(struct workspace *w, const struct ws_search *s);
void ws_search_del(struct workspace *w, const char *name);
/* False when @to is taken. */
bool ws_search_rename(struct workspace *w, const char *from, const char *to);

/* Many changes as one transaction (a change to every listed cable): one
 * commit, at ws_batch_end. */
void ws_batch_begin(struct workspace *w);
void ws_batch_end(struct workspace *w);

/* ---- marks, notes, collections (ws_items.c) */

/* What an item is on: the cable, and the paragraph (address "" for the
 * whole cable).  ws_about() fills it from a parsed cable. */
struct ws_about {
	const char *id, *date, *origin, *origin_name, *subject, *classification;
	const char *address, *marking;
	struct str text;         /* the paragraph's text, sanitised */
};
void ws_about(struct ws_about *a, const struct cable *c, int para, struct str text);

bool ws_marked(const struct workspace *w, const char *id, const char *address);
size_t ws_mark_count(const struct workspace *w, const char *id);
bool ws_noted(const struct workspace *w, const char *id, const char *address);
/* The collections (not marks) cable @id is in, ", " between, added to @out. */
struct buf;
void ws_cable_collections(const struct workspace *w, const char *id, struct buf *out);
/* Marks or unmarks; returns the new state. */
bool ws_mark_toggle(struct workspace *w, const struct ws_about *a);

/* The cable @c now open completes what the items on it lack (the marks
 * of the old marks file, kept without their text): @text gives a
 * paragraph's sanitised text. */
void ws_complete(struct workspace *w, const struct cable *c, struct str (*text)(void *ud, int para), void *ud);

/* The note on a paragraph ("" address: the cable), or NULL. */
const char *ws_note(const struct workspace *w, const char *id, const char *address);
/* Sets the note; an empty text removes it. */
void ws_note_set(struct workspace *w, const struct ws_about *a, const char *text);

/* Puts the paragraph (or the cable) into collection @name, or takes it
 * out when it is there; returns the new state. */
bool ws_collect_toggle(struct workspace *w, const struct ws_about *a, const char *name);
/* Moves an item from collection @from (NULL: from every one it is in)
 * to @to. */
void ws_collect_move(struct workspace *w, const struct ws_about *a, const char *from, const char *to);
/* The collections' names, sorted ("marks" among them when it has items);
 * the array and its strings are the workspace's until the next change. */
size_t ws_collections(struct workspace *w, const char *const **names);

/* The items (marks, collections' members, notes) one at a time, by cable
 * (date, then id) and address: @collection NULL for all of them; the
 * paragraph's text cut at @text_max characters (0: whole). */
struct ws_item {
	const char *id, *date, *origin, *origin_name, *subject, *classification;
	const char *address, *marking, *text, *note;
	const char *collections;     /* the collections it is in, ", " between */
};
typedef bool (*ws_item_fn)(const struct ws_item *it, void *ud);

/* What an item or an about is, for cite.h, and an item as an about. */
struct cite_src ws_cite_about(const struct ws_about *a);
struct cite_src ws_cite_item(const struct ws_item *it);
struct ws_about ws_about_item(const struct ws_item *it);
size_t ws_items(struct workspace *w, const char *collection, size_t text_max, ws_item_fn fn, void *ud);

/* ---- where things were left, the prompts' history (ws_state.c) */

struct ws_spot {
	char address[24];
	int list_top, detail_top;
};
/* Where cable @id was left; false when it was never opened. */
bool ws_spot_get(const struct workspace *w, const char *id, struct ws_spot *s);
void ws_spot_set(struct workspace *w, const char *id, const struct ws_spot *s);

/* Where the list of the inputs @key was left: the last cable, filter and order. */
struct ws_place {
	char cable[64];
	char filter[512];
	int sort;
	bool reverse;
	bool reading;            /* the cable was open in the reader */
};
bool ws_place_get(struct workspace *w, const char *key, struct ws_place *p);
void ws_place_set(struct workspace *w, const char *key, const struct ws_place *p);

/* The lines typed at prompt @kind, oldest first, at most @most. */
void ws_history(struct workspace *w, char kind, size_t most, void (*fn)(const char *line, void *ud), void *ud);
void ws_history_add(struct workspace *w, char kind, const char *line);

#endif
