/* ui_bulk.c -- a change to every cable the list shows: M marks each
 * whole cable, C puts them all into a collection, N gives each the same
 * note.  Each says how many and asks first; each is one transaction of the
 * workspace, and u takes it back as one step (the cables it changed, and
 * the notes they had). */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

/* The last change to every listed cable, as u takes it back. */
static struct {
	char kind;               /* 'm', 'c', 'n'; 0: none */
	char name[128];          /* the collection */
	char **ids, **notes;     /* the cables changed; for a note, the one they had (NULL: none) */
	size_t n, cap;
	size_t list_undo;        /* the list's undo depth then: a later change of the list comes first */
} last;

static void forget(void)
{
	for (size_t i = 0; i < last.n; i++) {
		free(last.ids[i]);
		free(last.notes ? last.notes[i] : NULL);
	}
	free(last.ids);
	free(last.notes);
	memset(&last, 0, sizeof(last));
}

/* What the workspace keeps of a whole cable, from the list index alone. */
static void about(struct ui *u, size_t entry, struct ws_about *a, char date[11])
{
	const struct centry *e = corpus_entry(u->corpus, entry);

	memset(a, 0, sizeof(*a));
	minutes_date(e->date, date);
	a->id = corpus_str(u->corpus, e->id);
	a->date = date;
	a->origin = corpus_str(u->corpus, e->origin);
	a->origin_name = corpus_str(u->corpus, e->origin_name);
	a->subject = corpus_str(u->corpus, e->subject);
	a->classification = e->level ? level_name((enum level)e->level) : "";
	a->address = "";
	a->marking = "";
	a->text = STR_NULL;
}

static void keep(const char *id, const char *note)
{
	grow_array((void **)&last.ids, &last.cap, last.n + 1, sizeof(*last.ids));
	last.notes = xrealloc(last.notes, last.cap * sizeof(*last.notes));
	last.ids[last.n] = xstrdup(id);
	last.notes[last.n] = note ? xstrdup(note) : NULL;
	last.n++;
}

/* Does it to every listed cable (@what: the collection, or the note). */
static void apply(struct ui *u, char kind, const char *what)
{
	struct workspace *w = u->v.ws;
	const struct clist *l = &u->list;
	struct ws_about a;
	char date[11];

	forget();
	last.kind = kind;
	snprintf(last.name, sizeof(last.name), "%s", kind == 'c' ? what : "");
	last.list_undo = l->nundo;
	ws_batch_begin(w);
	for (size_t i = 0; i < l->n; i++) {
		about(u, l->rows[i], &a, date);
		if (kind == 'm' && !ws_marked(w, a.id, "")) {
			ws_mark_toggle(w, &a);
			keep(a.id, NULL);
		} else if (kind == 'c' && !ws_in_collection(w, str_c(a.id), what)) {
			ws_collect_toggle(w, &a, what);
			keep(a.id, NULL);
		} else if (kind == 'n') {
			keep(a.id, ws_note(w, a.id, ""));
			ws_note_set(w, &a, what);
		}
	}
	ws_batch_end(w);
	ui_say(u, "%zu cable%s %s (u takes it back)", last.n, last.n == 1 ? "" : "s",
	       kind == 'm' ? "marked" : kind == 'c' ? "put into the collection" : "noted");
	ui_list_workspace(u);
}

static void confirm_done(struct ui *u, char kind, const char *text)
{
	(void)kind;
	if (text[0] == 'y' || text[0] == 'Y')
		apply(u, 'm', "");
	else
		ui_say(u, "nothing marked");
}

static void collection_done(struct ui *u, char kind, const char *text)
{
	(void)kind;
	if (*text)
		apply(u, 'c', text);
}

static void note_done(struct ui *u, char kind, const char *text)
{
	(void)kind;
	if (*text)
		apply(u, 'n', text);
}

static size_t collection_names(struct ui *u, const char *const **names)
{
	return ws_collections(u->v.ws, names);
}

void ui_bulk_start(struct ui *u, char kind)
{
	char label[160], n[32];

	if (!u->list.n) {
		ui_say(u, "no cable in the list");
		return;
	}
	if (!u->v.ws) {
		ui_say(u, "no workspace: nothing can be kept");
		return;
	}
	paint_thousands(n, sizeof(n), u->list.n);
	if (kind == 'm') {
		snprintf(label, sizeof(label), " mark each of the %s cable%s listed? (y/n) ", n, u->list.n == 1 ? "" : "s");
		prompt_open(u, 'y', label, "", confirm_done);
	} else if (kind == 'c') {
		snprintf(label, sizeof(label), " put the %s cable%s listed into collection (Tab completes): ", n,
			 u->list.n == 1 ? "" : "s");
		prompt_open(u, 'c', label, "", collection_done);
		prompt_names(u, collection_names);
	} else {
		snprintf(label, sizeof(label), " the same note on each of the %s cable%s listed: ", n,
			 u->list.n == 1 ? "" : "s");
		prompt_open(u, 'a', label, "", note_done);
	}
}

bool ui_bulk_undo(struct ui *u)
{
	struct workspace *w = u->v.ws;
	struct ws_about a;
	char date[11];
	size_t n = last.n;

	/* the list changed since: that change is taken back first */
	if (!last.kind || u->list.nundo != last.list_undo)
		return false;
	ws_batch_begin(w);
	for (size_t i = 0; i < last.n; i++) {
		long e = corpus_find(u->corpus, last.ids[i]);

		if (e < 0)
			continue;
		about(u, (size_t)e, &a, date);
		if (last.kind == 'm' && ws_marked(w, a.id, ""))
			ws_mark_toggle(w, &a);
		else if (last.kind == 'c' && ws_in_collection(w, str_c(a.id), last.name))
			ws_collect_toggle(w, &a, last.name);
		else if (last.kind == 'n')
			ws_note_set(w, &a, last.notes[i] ? last.notes[i] : "");
	}
	ws_batch_end(w);
	ui_say(u, "taken back: %zu cable%s as they were", n, n == 1 ? "" : "s");
	forget();
	ui_list_workspace(u);
	return true;
}

void ui_bulk_free(void)
{
	forget();
}
