/* ui_pick.c -- quoting part of a paragraph: s picks the sentence at the
 * top of the detail (or at the current match), j and k add the sentence
 * after or before, h and l move the cursor among those picked, x drops
 * the one at the cursor (a run of dropped sentences becomes "…"), and y
 * copies the quote with its citation.  The quote is the text as written,
 * its line breaks made spaces; set apostrophes = fixed turns a cable's
 * ",s" into "'s" in it, and only that. */
#include "config.h"
#include "ui/screens/reader.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

/* The sentence that holds byte @at of the text (the last one before it
 * when it falls between two). */
static int sentence_at(const struct pick *p, size_t at)
{
	int k = 0;

	while ((size_t)k + 1 < p->n && p->s[k + 1].start <= at)
		k++;
	return k;
}

void reader_pick_start(struct ui *u)
{
	struct reader *rd = reader_of(u);
	struct pick *p = &rd->pick;
	struct view *v = &u->v;
	struct str t;
	size_t n, at = 0;

	if (!v->c || v->sel < 0)
		return;
	t = view_text(v, v->sel);
	n = sentences_split(t, NULL, 0);
	if (!n) {
		ui_say(u, "no sentence in this paragraph");
		return;
	}
	if (n > p->cap) {
		p->s = xrealloc(p->s, n * sizeof(*p->s));
		p->dropped = xrealloc(p->dropped, n);
		p->cap = n;
	}
	p->n = sentences_split(t, p->s, n);
	memset(p->dropped, 0, n);
	/* the sentence at the current match, else at the detail's top line */
	view_wrap(v);
	if (v->cur_match >= 0 && v->matches[v->cur_match].para == v->sel)
		at = v->matches[v->cur_match].start;
	else if (v->detail.top > 0 && (size_t)v->detail.top < v->nwlines)
		at = (size_t)(v->wlines[v->detail.top].p - t.p);
	p->para = v->sel;
	p->first = p->last = p->cursor = sentence_at(p, at);
	p->on = true;
	ui_say(u, "picking sentences: j, k add one; h, l move; x drops; y copies; Esc stops");
}

/* The quote: the sentences picked, a run of dropped ones an ellipsis. */
static void quote_of(const struct ui *u, const struct pick *p, struct str t, struct buf *out)
{
	bool gap = false;

	for (int k = p->first; k <= p->last; k++) {
		if (p->dropped[k]) {
			gap = true;
			continue;
		}
		if (gap && out->n)
			buf_adds(out, " \xE2\x80\xA6");
		if (out->n)
			buf_addc(out, ' ');
		gap = false;
		sentences_quote(out, str_make(t.p + p->s[k].start, p->s[k].len), u->set && u->set->apostrophes);
	}
}

static void copy(struct ui *u, struct pick *p)
{
	struct view *v = &u->v;
	struct buf q = { 0 };
	struct ws_about a;
	struct cite_src s;

	quote_of(u, p, view_text(v, p->para), &q);
	view_about(v, p->para, &a);
	s = ws_cite_about(&a);
	s.text = buf_str(&q);
	ui_copy_cite(u, &s, true);
	buf_free(&q);
	p->on = false;
}

static void say(struct ui *u, const struct pick *p)
{
	int picked = 0, dropped = 0;

	for (int k = p->first; k <= p->last; k++)
		p->dropped[k] ? dropped++ : picked++;
	ui_say(u, "%d sentence%s picked%s%.0d%s: y copies, Esc stops", picked, picked == 1 ? "" : "s",
	       dropped ? ", " : "", dropped, dropped ? " dropped" : "");
}

/* x: the sentence at the cursor dropped (or taken back); dropping the
 * first or the last one picked leaves it out of the pick. */
static void drop(struct pick *p)
{
	if (p->first == p->last)
		return;
	if (p->cursor == p->first || p->cursor == p->last) {
		if (p->cursor == p->first)
			p->cursor = ++p->first;
		else
			p->cursor = --p->last;
		return;
	}
	p->dropped[p->cursor] = !p->dropped[p->cursor];
}

bool reader_pick_key(struct ui *u, struct key k)
{
	struct pick *p = &reader_of(u)->pick;
	enum action a;

	if (!p->on)
		return false;
	if (p->para != u->v.sel) {
		p->on = false;
		return false;
	}
	a = keys_action(k, PICK, false);
	switch (a) {
	case ACT_PICK_MORE:
		if ((size_t)p->last + 1 < p->n)
			p->cursor = ++p->last;
		break;
	case ACT_PICK_EARLIER:
		if (p->first > 0)
			p->cursor = --p->first;
		break;
	case ACT_PICK_LEFT:
		if (p->cursor > p->first)
			p->cursor--;
		break;
	case ACT_PICK_RIGHT:
		if (p->cursor < p->last)
			p->cursor++;
		break;
	case ACT_PICK_DROP: drop(p); break;
	case ACT_PICK_COPY: copy(u, p); return true;
	case ACT_PICK_CANCEL:
		p->on = false;
		ui_say(u, "picking stopped");
		return true;
	default:
		/* the keys of every screen still act (help, quit); the rest wait */
		if (keys_action(k, ANY, false) != ACT_NONE && keys_move(keys_action(k, ANY, false)) == MOVE_NONE)
			return false;
		ui_say(u, "picking sentences: y copies, Esc stops (? lists the keys)");
		return true;
	}
	say(u, p);
	return true;
}

void reader_pick_paint(const struct ui *u, int para, int y, int x, int w, struct str shown, const char *base)
{
	const struct pick *p = &reader_of(u)->pick;

	if (!p->on || p->para != para || !shown.p || !base)
		return;
	for (int k = p->first; k <= p->last; k++) {
		const char *ms = base + p->s[k].start;
		int attr = p->dropped[k] ? A_DIM : A_REVERSE;

		if (k == p->cursor)
			attr |= A_BOLD | A_UNDERLINE;
		paint_over(y, x, w, shown, ms, ms + p->s[k].len, attr);
	}
}

void reader_pick_free(struct reader *rd)
{
	free(rd->pick.s);
	free(rd->pick.dropped);
}
