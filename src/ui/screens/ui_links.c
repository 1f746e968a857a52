/* ui_links.c -- the reader's ways from cable to cable: the references and
 * citing cables in the header (r, R, Enter), back to the cable left (with
 * its filter, selection and scroll), back to the list, and J and K along
 * the list */
#include "config.h"
#include "ui/screens/reader.h"

#include <string.h>

#include "base/util.h"
#include "ui/script.h"

/* Opens corpus entry @entry in the reader, which comes to the top. */
void ui_keep_spot(struct ui *u)
{
	struct view *v = &u->v;
	struct ws_spot s;

	if (!v->c || !v->c->id[0] || !screens_has(&u->stack, ui_screen_of(u, &reader_ops)))
		return;
	memset(&s, 0, sizeof(s));
	if (v->sel >= 0)
		snprintf(s.address, sizeof(s.address), "%s", v->c->paras[v->sel].address);
	s.list_top = v->list.top;
	s.detail_top = v->detail.top;
	ws_spot_set(v->ws, v->c->id, &s);
}

static struct str para_text(void *ud, int para)
{
	return view_text(ud, para);
}

/* A cable opened again: where it was left (unless --fresh). */
static void restore_spot(struct ui *u)
{
	struct view *v = &u->v;
	const struct paragraph *p;
	struct ws_spot s;

	if (u->o->fresh || !v->c->id[0] || !ws_spot_get(v->ws, v->c->id, &s) || !*s.address)
		return;
	p = cable_para_by_address(v->c, str_c(s.address));
	if (!p || !view_visible(v, (int)(p - v->c->paras)))
		return;
	view_select(v, (int)(p - v->c->paras));
	v->list.top = s.list_top;
	v->detail.top = s.detail_top;
	view_scroll_list(v);
}

bool ui_open_cable(struct ui *u, size_t entry)
{
	struct reader *rd = reader_of(u);
	const struct cable *c;

	ui_keep_spot(u);
	if (!view_open(&u->v, entry))
		return false;
	view_search_again(&u->v);
	ws_complete(u->v.ws, u->v.c, para_text, &u->v);
	restore_spot(u);
	c = u->v.c;
	rd->numw = 1;
	for (size_t i = 0; i < c->nparas; i++)
		if ((int)strlen(c->paras[i].address) > rd->numw)
			rd->numw = (int)strlen(c->paras[i].address);
	reader_make_links(u);
	while (screens_top(&u->stack) && screens_top(&u->stack) != ui_screen_of(u, &reader_ops) &&
	       screens_has(&u->stack, ui_screen_of(u, &reader_ops)))
		screens_pop(&u->stack);
	if (!screens_has(&u->stack, ui_screen_of(u, &reader_ops)))
		screens_push(&u->stack, ui_screen(u, &reader_ops));
	ui_keep_spot(u);         /* opened, now */
	return true;
}

static void add_link(struct reader *rd, size_t entry)
{
	grow_array((void **)&rd->links, &rd->cap_links, rd->nlinks + 1, sizeof(*rd->links));
	rd->links[rd->nlinks].entry = entry;
	rd->links[rd->nlinks].line = -1;
	rd->links[rd->nlinks].lines = 0;
	rd->nlinks++;
}

/* The references of the open cable that the corpus holds, then the cables
 * that cite it. */
void reader_make_links(struct ui *u)
{
	struct reader *rd = reader_of(u);
	const struct cable *c = u->v.c;
	const uint32_t *cited;
	size_t n;

	rd->nlinks = 0;
	rd->link_sel = -1;
	rd->link_shown = -1;
	rd->header.top = 0;
	if (!c)
		return;
	for (size_t i = 0; i < c->nrefs; i++) {
		bool moved;
		long e = c->refs[i].id.n ? corpus_ref_target(u->corpus, u->v.cur, c->refs[i].id.p, &moved) : -1;

		if (e >= 0)
			add_link(rd, (size_t)e);
	}
	n = corpus_cited_by(u->corpus, u->v.cur, &cited);
	for (size_t i = 0; i < n; i++)
		add_link(rd, cited[i]);
}

static const char *entry_id(const struct ui *u, size_t entry)
{
	return corpus_str(u->corpus, corpus_entry(u->corpus, entry)->id);
}

void reader_select_link(struct ui *u, int dir)
{
	struct reader *rd = reader_of(u);

	if (!rd->nlinks) {
		ui_say(u, corpus_done(u->corpus) ? "no reference or citing cable in this corpus"
						       : "no reference in the corpus yet (still indexing)");
		return;
	}
	u->v.header_collapsed = false;
	if (rd->link_sel < 0)
		rd->link_sel = dir > 0 ? 0 : (int)rd->nlinks - 1;
	else
		rd->link_sel = (int)((rd->link_sel + dir + (int)rd->nlinks) % (int)rd->nlinks);
	ui_say(u, "%s: Enter opens it", entry_id(u, rd->links[rd->link_sel].entry));
}

void reader_follow_link(struct ui *u)
{
	struct reader *rd = reader_of(u);
	struct visit from = { u->v.cur, u->v.filter, u->v.sel, u->v.list.top, u->v.detail.top };
	size_t to;

	if (rd->link_sel < 0 || (size_t)rd->link_sel >= rd->nlinks) {
		ui_say(u, "no reference selected: r selects one");
		return;
	}
	to = rd->links[rd->link_sel].entry;
	if (!ui_open_cable(u, to))
		return;
	grow_array((void **)&rd->history, &rd->cap_history, rd->nhistory + 1, sizeof(*rd->history));
	rd->history[rd->nhistory++] = from;
	/* the cable arrived at shows every paragraph: a filter chosen for the
	 * cable left would hide what the reference points to */
	if (from.filter.mode != FILTER_ALL || from.filter.marked_only) {
		view_set_filter(&u->v, (struct para_filter){ FILTER_ALL, LEVEL_NONE, false });
		ui_say(u, "opened %s, all paragraphs shown; Backspace goes back to the filter", entry_id(u, to));
		return;
	}
	ui_say(u, "opened %s; Backspace goes back", entry_id(u, to));
}

/* Back to the cable before, or to the list; with one cable open, q
 * (@may_quit) quits and Backspace says why it does nothing. */
void reader_go_back(struct ui *u, bool may_quit)
{
	struct reader *rd = reader_of(u);

	if (rd->nhistory) {
		struct visit b = rd->history[--rd->nhistory];
		struct view *v = &u->v;

		if (!ui_open_cable(u, b.entry))
			return;
		/* as it was left: the filter, the selection, the scroll */
		view_set_filter(v, b.filter);
		if (b.sel >= 0 && view_visible(v, b.sel))
			view_select(v, b.sel);
		v->list.top = b.list_top;
		v->detail.top = b.detail_top;
		ui_say(u, "back to %s", entry_id(u, b.entry));
		return;
	}
	if (u->has_list) {
		ui_keep_spot(u);
		screens_pop(&u->stack);
		return;
	}
	if (may_quit)
		u->quit = true;
	else
		ui_say(u, "only one cable is open: q quits");
}

void reader_walk_cables(struct ui *u, int dir)
{
	struct clist *l = &u->list;

	if (!u->has_list || l->n < 2) {
		ui_say(u, "only one cable is open");
		return;
	}
	if (dir > 0 ? l->sel + 1 >= l->n : l->sel == 0) {
		ui_say(u, dir > 0 ? "this is the last cable in the list" : "this is the first cable in the list");
		return;
	}
	l->sel += (size_t)(long)dir;
	if (ui_open_from_list(u, l->rows[l->sel]) && !u->v.words)
		ui_say(u, "cable %zu of %zu: %s", l->sel + 1, l->n, u->v.c->id[0] ? u->v.c->id : "(no id)");
}

/* Does cable @c hold a match of a findable term of @f in a paragraph? */
static bool holds_words(const struct cable *c, const struct cfilter *f)
{
	for (size_t k = 0; k < f->n; k++)
		for (size_t i = 0; cf_findable(&f->terms[k]) && i < c->nparas; i++)
			if (cfilter_para_ok_at(f, c, (long)i) && cf_find(&f->terms[k], c->paras[i].text, NULL, NULL))
				return true;
	return false;
}

/* The longest ) and ( look for a cable with matches. */
#define WALK_HITS_MS 2000

void reader_walk_hits(struct ui *u, int dir)
{
	struct clist *l = &u->list;
	double until = now_ms() + WALK_HITS_MS;
	size_t at = l->sel;

	if (!u->has_list || !cfilter_findable(&l->filter)) {
		ui_say(u, "the list's filter has no words to find: J and K go from cable to cable");
		return;
	}
	for (;;) {
		const struct cable *c;

		if (dir > 0 ? at + 1 >= l->n : at == 0) {
			ui_say(u, dir > 0 ? "no cable after this one in the list holds the list's words"
					  : "no cable before this one in the list holds the list's words");
			return;
		}
		at += (size_t)(long)dir;
		c = corpus_cable(u->corpus, l->rows[at]);
		if (c && holds_words(c, &l->filter))
			break;
		/* a scripted run (the tests) looks as far as it takes */
		if (now_ms() > until && !script_active()) {
			ui_say(u, "no cable with the list's words within %zu cables %s this one", dir > 0 ? at - l->sel : l->sel - at,
			       dir > 0 ? "after" : "before");
			return;
		}
	}
	l->sel = at;
	if (ui_open_from_list(u, l->rows[at]))
		view_search_next(&u->v, dir);
}


bool ui_open_cable_anew(struct ui *u, size_t entry)
{
	reader_of(u)->nhistory = 0;
	return ui_open_cable(u, entry);
}

bool ui_open_from_list(struct ui *u, size_t entry)
{
	struct view *v = &u->v;
	size_t paras = 0;

	if (!ui_open_cable_anew(u, entry))
		return false;
	if (!cfilter_findable(&u->list.filter))
		return true;
	view_search_filter(v, &u->list.filter);
	for (size_t k = 0; k < v->nmatches; k++)
		paras += !k || v->matches[k].para != v->matches[k - 1].para;
	if (v->nmatches)
		ui_say(u, "%zu match%s of the list's words in %zu paragraph%s: n goes to the first", v->nmatches,
		       v->nmatches == 1 ? "" : "es", paras, paras == 1 ? "" : "s");
	else
		ui_say(u, "the list's words are in no paragraph of this cable (in its header)");
	return true;
}

void reader_show_header(struct ui *u)
{
	struct reader *rd = reader_of(u);

	rd->header_full = true;
	rd->header.top = 0;
	u->v.header_collapsed = false;
}
