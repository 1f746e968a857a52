/* ui_marks.c -- the marks browser (w): every marked or noted paragraph
 * across the corpus, grouped by cable (id, date, origin, subject), each
 * with its address, marking, first words and note; a chooser of the
 * collections at the top.  Enter opens the cable there; d unmarks, a
 * edits the note, c moves it to another collection, e exports. */
#include "config.h"
#include "ui/ui_internal.h"
#include "base/files.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/cite.h"
#include "base/text.h"
#include "workspace/ws_export.h"

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
/* The marks browser: the items of the collection chosen at its top. */
struct markscreen {
	struct marklist ml;
	int coll;                /* -1: all; else the index in ws_collections() */
	char coll_name[128];     /* "" for all */
	struct pane pane;        /* the lines of ml; a cable's line cannot be selected */
	int cols;
	struct search *re;       /* /: only the items it matches (NULL: all) */
	char pattern[256];
};

static struct markscreen *state_of(struct ui *u)
{
	return ui_screen(u, &marks_ops)->state;
}

static const char *chosen(const struct ui *u)
{
	const struct markscreen *ms = ui_state(u, &marks_ops);

	return ms->coll < 0 ? NULL : ms->coll_name;
}

/* The collection shown by number (-1 all), kept by name. */
static void choose(struct ui *u, int k)
{
	struct markscreen *ms = ui_state(u, &marks_ops);
	const char *const *names;
	size_t n = ws_collections(u->v.ws, &names);

	if (k >= (int)n)
		k = -1;
	if (k < -1)
		k = (int)n - 1;
	ms->coll = k;
	snprintf(ms->coll_name, sizeof(ms->coll_name), "%s", k >= 0 ? names[k] : "");
}

static void marks_reload(struct ui *u)
{
	struct markscreen *ms = ui_state(u, &marks_ops);
	const char *const *names;
	size_t n = ws_collections(u->v.ws, &names);
	long keep = ms->pane.sel;

	/* the collection chosen, where it is now (gone: all) */
	ms->coll = -1;
	for (size_t i = 0; *ms->coll_name && i < n; i++)
		if (strcmp(names[i], ms->coll_name) == 0)
			ms->coll = (int)i;
	if (ms->coll < 0)
		ms->coll_name[0] = '\0';
	ms->ml.only = ms->re;
	marklist_load(&ms->ml, u->v.ws, chosen(u));
	ms->pane.n = (long)ms->ml.nlines;
	pane_select(&ms->pane, keep);
}

static bool is_item(const void *ud, long row)
{
	const struct markscreen *ms = ud;

	return ms->ml.lines[row].kind == ML_ITEM;
}

static void marks_open(void *ctx)
{
	struct ui *u = ctx;
	struct markscreen *ms = state_of(u);

	if (screens_has(&u->stack, ui_screen_of(u, &marks_ops))) {
		while (screens_top(&u->stack) != ui_screen_of(u, &marks_ops))
			screens_pop(&u->stack);
	} else {
		screens_push(&u->stack, ui_screen(u, &marks_ops));
	}
	pane_init(&ms->pane, false);
	ms->pane.item = is_item;
	ms->pane.ud = ms;
	marks_reload(u);
}

static const struct ws_item *selected(const struct ui *u)
{
	const struct markscreen *ms = ui_state(u, &marks_ops);

	if (ms->pane.sel < 0 || (size_t)ms->pane.sel >= ms->ml.nlines)
		return NULL;
	return &ms->ml.items[ms->ml.lines[ms->pane.sel].item];
}

static void open_item(struct ui *u)
{
	const struct ws_item *it = selected(u);
	long e;

	if (!it)
		return;
	e = corpus_find(u->corpus, it->id);
	if (e < 0) {
		ui_say(u, "%s is not in what was read: open the file or dump that holds it", it->id);
		return;
	}
	clist_select_entry(&u->list, (size_t)e);
	if (!ui_open_cable_anew(u, (size_t)e))
		return;
	if (*it->address && !view_jump(&u->v, it->address))
		return;
	ui_say(u, "%s%s%s: Backspace goes back to the marks", it->id, *it->address ? " \xC2\xB6" : "",
		 it->address);
}

static void remove_item(struct ui *u)
{
	const struct ws_item *it = selected(u);
	struct ws_about a;
	char where[80];

	if (!it)
		return;
	a = ws_about_item(it);
	snprintf(where, sizeof(where), "%s%s%s", it->id, *it->address ? " \xC2\xB6" : "", it->address);
	if (chosen(u)) {
		ws_collect_toggle(u->v.ws, &a, chosen(u));
		ui_say(u, "%s taken out of '%s'", where, chosen(u));
	} else if (ws_marked(u->v.ws, it->id, it->address)) {
		ws_mark_toggle(u->v.ws, &a);
		ui_say(u, "%s unmarked", where);
	} else if (*it->collections) {
		ui_say(u, "%s is in %s: choose it at the top to take it out", where, it->collections);
		return;
	} else {
		ui_say(u, "%s has a note only: a, then an empty line, removes it", where);
		return;
	}
	marks_reload(u);
}

static void note_done(struct ui *u, char kind, const char *text)
{
	const struct ws_item *it = selected(u);
	struct ws_about a;

	(void)kind;
	if (!it)
		return;
	a = ws_about_item(it);
	ws_note_set(u->v.ws, &a, text);
	ui_say(u, "note on %s%s%s %s", it->id, *it->address ? " \xC2\xB6" : "", it->address,
		 *text ? "kept" : "removed");
	marks_reload(u);
}

static size_t collection_names(struct ui *u, const char *const **names)
{
	return ws_collections(u->v.ws, names);
}

static void move_done(struct ui *u, char kind, const char *text)
{
	const struct ws_item *it = selected(u);
	const char *from;
	struct ws_about a;

	(void)kind;
	if (!it || !*text)
		return;
	/* from the collection shown; in all, from every one it is in */
	from = chosen(u);
	a = ws_about_item(it);
	ws_collect_move(u->v.ws, &a, from, text);
	ui_say(u, "%s%s%s moved to '%.60s'", it->id, *it->address ? " \xC2\xB6" : "", it->address, text);
	marks_reload(u);
}

/* e: the format from the file's name. */
/* /: the items whose paragraph or note matches (nothing typed: all). */
static void search_done(struct ui *u, char kind, const char *text)
{
	struct markscreen *ms = state_of(u);
	struct search *re = NULL;
	char err[200];

	if (*text && !(re = search_new(text, err, sizeof(err)))) {
		prompt_fault(u, kind, "/", text, strlen(text), err, search_done);
		return;
	}
	search_free(ms->re);
	ms->re = re;
	snprintf(ms->pattern, sizeof(ms->pattern), "%s", text);
	ms->pane.sel = ms->pane.top = 0;
	marks_reload(u);
	if (!re)
		ui_say(u, "every mark and note");
	else if (!ms->ml.n)
		ui_say(u, "no mark or note matches /%s (/ and Enter: all)", text);
	else
		ui_say(u, "%zu mark%s or note%s match /%s (/ and Enter: all)", ms->ml.n, ms->ml.n == 1 ? "" : "s",
		       ms->ml.n == 1 ? "" : "s", text);
}

#define EXPORT_LABEL " export to (.md .json .bib .txt .jsonl): "

static void export_done(struct ui *u, char kind, const char *text)
{
	static const struct {
		const char *ext, *format;
	} exts[] = { { ".md", "markdown" }, { ".markdown", "markdown" }, { ".json", "csl-json" },
		     { ".bib", "bibtex" }, { ".txt", "text" }, { ".jsonl", "jsonl" } };
	const char *format = NULL, *dot = strrchr(text, '.');
	struct buf out = { 0 };
	char err[4200], path[4096];
	size_t n;

	if (!*text)
		return;
	for (size_t i = 0; dot && i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcasecmp(dot, exts[i].ext) == 0)
			format = exts[i].format;
	/* what cannot be done keeps the line for its mending */
	if (!format) {
		prompt_fault(u, kind, EXPORT_LABEL, text, strlen(text),
			     "the name says the format: .md, .json (CSL-JSON), .bib, .txt or .jsonl", export_done);
		return;
	}
	if (!files_user_path(text, path, sizeof(path), err, sizeof(err))) {
		prompt_fault(u, kind, EXPORT_LABEL, text, 0, err, export_done);
		return;
	}
	n = ws_export(u->v.ws, format, chosen(u), u->set ? u->set->citation : NULL, &out);
	if (ws_write_file(path, &out, NULL, 0, err, sizeof(err)))
		ui_say(u, "%zu item%s written to %s (%s)", n, n == 1 ? "" : "s", path, format);
	else
		prompt_fault(u, kind, EXPORT_LABEL, text, strlen(text), err, export_done);
	buf_free(&out);
}

static void copy_item(struct ui *u)
{
	const struct ws_item *it = selected(u);
	struct cite_src s;

	if (!it)
		return;
	s = ws_cite_item(it);
	ui_copy_cite(u, &s, *it->text);
}

static bool marks_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct markscreen *ms = ui_state(u, &marks_ops);
	const struct ws_item *it = selected(u);
	char label[96];
	const char *note;

	(void)s;
	switch (keys_action(k, MARKS, false)) {
	case ACT_MARKS_OPEN: open_item(u); break;
	case ACT_MARKS_NEXT_COLL:
	case ACT_MARKS_PREV_COLL:
		choose(u, ms->coll + (keys_action(k, MARKS, false) == ACT_MARKS_NEXT_COLL ? 1 : -1));
		ms->pane.sel = ms->pane.top = 0;
		marks_reload(u);
		break;
	case ACT_MARKS_REMOVE: remove_item(u); break;
	case ACT_MARKS_NOTE:
		if (!it)
			break;
		note = it->note;
		if (strchr(note, '\n')) {
			ui_say(u, "this note is more than a line: open the cable and edit it with A");
			break;
		}
		snprintf(label, sizeof(label), " note on %s%s%s: ", it->id, *it->address ? " \xC2\xB6" : "", it->address);
		prompt_open(u, 'a', label, note, note_done);
		break;
	case ACT_MARKS_MOVE:
		if (!it)
			break;
		prompt_open(u, 'c', " move to collection (Tab completes): ", "", move_done);
		prompt_names(u, collection_names);
		break;
	case ACT_MARKS_COPY: copy_item(u); break;
	case ACT_MARKS_SEARCH: prompt_open(u, '/', "/", ms->pattern, search_done); break;
	case ACT_MARKS_EXPORT:
		prompt_open(u, 'e', EXPORT_LABEL, "", export_done);
		break;
	case ACT_MARKS_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void marks_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct markscreen *ms = ui_state(u, &marks_ops);

	(void)s;
	/* the title, the chooser, the lines, the status bar */
	ms->cols = r.w;
	pane_resize(&ms->pane, (long)ms->ml.nlines, r.h - 3);
}

/* The chooser: all, then each collection; the one shown in reverse. */
static void draw_chooser(const struct ui *u, int y)
{
	const struct markscreen *ms = ui_state(u, &marks_ops);
	const char *const *names;
	size_t n = ws_collections(u->v.ws, &names);
	struct buf cl = { 0 };
	int x = 1;

	x += put_c(y, x, ms->cols - x, "collection: ", A_DIM);
	for (int k = -1; k < (int)n && x < ms->cols - 1; k++) {
		const char *name = k < 0 ? "all" : names[k];
		bool on = k == ms->coll;

		/* the one shown in brackets too: not only by its colour */
		x += put_c(y, x, ms->cols - x, on ? "[" : " ", A_BOLD);
		x += paint_put(y, x, ms->cols - x, paint_clean(&cl, str_c(name)), on ? A_REVERSE | A_BOLD : 0);
		x += put_c(y, x, ms->cols - x, on ? "] " : "  ", A_BOLD);
	}
	buf_free(&cl);
}

static void draw_line(const struct ui *u, int y, const struct ml_line *l, bool sel)
{
	const struct markscreen *ms = ui_state(u, &marks_ops);
	const struct ws_item *it = &ms->ml.items[l->item];
	int w = ms->cols, attr = sel ? A_REVERSE : 0, x;
	struct buf cl = { 0 }, b = { 0 };

	if (sel)
		paint_fill(y, 0, w, attr);
	switch (l->kind) {
	case ML_CABLE:
		x = 1 + paint_put(y, 1, w - 1, paint_clean(&cl, str_c(it->id)), A_BOLD);
		buf_printf(&b, " %.10s  %s  ", *it->date ? it->date : "(no date)", *it->origin ? it->origin : "-");
		x += paint_put(y, x, w - x, str_c(b.p), 0);
		put_cut(y, x, w - x - 1, paint_clean(&cl, str_c(it->subject)), 0);
		break;
	case ML_ITEM:
		if (*it->address)
			buf_printf(&b, "\xC2\xB6%s%s%s%s", it->address, *it->marking ? " (" : "", it->marking,
				   *it->marking ? ")" : "");
		else
			buf_adds(&b, "the cable");
		x = 3 + put_c(y, 3, 16, b.p, attr | A_BOLD);
		x = x < 20 ? 20 : x + 1;
		if (*it->collections && strcmp(it->collections, WS_MARKS) != 0) {
			buf_clear(&b);
			buf_printf(&b, "[%s] ", it->collections);
			x += put_cut(y, x, (w - x) / 3, paint_clean(&cl, str_c(b.p)), attr | A_DIM);
		}
		/* a paragraph marked before its text was kept (the old marks
		 * file) has it once its cable is opened */
		put_cut(y, x, w - x - 1,
			paint_clean(&cl, str_c(*it->text || !*it->address ? it->text : "(the text comes once the cable is opened)")),
			attr);
		break;
	case ML_NOTE:
		x = 20 + put_c(y, 20, 2, "\xE2\x9C\x8E ", attr | A_BOLD);
		put_cut(y, x, w - x - 1, paint_clean(&cl, str_c(it->note)), attr);
		break;
	}
	buf_free(&b);
	buf_free(&cl);
}

static void marks_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct markscreen *ms = ui_state(u, &marks_ops);
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 };
	size_t items = 0;

	paint_erase();
	if (screen_too_small(false))
		return;
	for (size_t i = 0; i < ms->ml.nlines; i++)
		items += ms->ml.lines[i].kind == ML_ITEM;
	paint_fill(0, 0, ms->cols, title);
	buf_printf(&b, " Marks and notes  %zu in %zu cable%s", items, ms->ml.cables, ms->ml.cables == 1 ? "" : "s");
	if (ms->re)
		buf_printf(&b, "  /%s", ms->pattern);
	put_cut(0, 0, ms->cols, str_c(b.p), title);
	draw_chooser(u, 1);
	for (int k = 0; k < ms->pane.h && (size_t)(ms->pane.top + k) < ms->ml.nlines; k++)
		draw_line(u, 2 + k, &ms->ml.lines[ms->pane.top + k], ms->pane.top + k == ms->pane.sel);
	if (!ms->ml.nlines)
		put_c(2, 1, ms->cols - 1, ms->coll < 0 ? "(nothing marked or noted yet: m marks a paragraph, a notes it)"
						       : "(nothing in this collection)", A_DIM);
	if (pane_more_above(&ms->pane))
		put_c(2, ms->cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&ms->pane))
		put_c(s->r.h - 2, ms->cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	buf_clear(&b);
	if (*ws_caveat(u->v.ws))
		buf_printf(&b, " %s", ws_caveat(u->v.ws));
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, ms->cols }, buf_str(&b), "Enter opens, d unmarks, Tab: collections ");
	buf_free(&b);
}

static void marks_state_free(void *state)
{
	struct markscreen *ms = state;

	marklist_free(&ms->ml);
	search_free(ms->re);
}

static void marks_refresh(void *ctx, struct screen *s)
{
	(void)s;
	marks_reload(ctx);
}

static void marks_init(struct screen *s)
{
	s->pane = &((struct markscreen *)s->state)->pane;
	s->pane_y = 2;
}

const struct screen_ops marks_ops = {
	.name = "marks",
	.keys = MARKS,
	.init = marks_init,
	.start = marks_open,
	.refresh = marks_refresh,
	.open_on = (const int[]){ ACT_LIST_MARKS, ACT_MARKS, -1 },
	.state_size = sizeof(struct markscreen),
	.handle = marks_handle,
	.recalc = marks_recalc,
	.draw = marks_draw,
	.free = marks_state_free,
};
