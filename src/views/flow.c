/* flow.c -- the continuous view */
#include "config.h"
#include "views/flow.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

void flow_free(struct flow *f)
{
	free(f->shown);
	for (size_t i = 0; i < sizeof(f->cache) / sizeof(f->cache[0]); i++)
		free(f->cache[i].lines);
	memset(f, 0, sizeof(*f));
}

void flow_setup(struct flow *f, const struct str *head, size_t nhead, int w, int h)
{
	f->head = head;
	f->nhead = nhead;
	f->w = w < 1 ? 1 : w;
	f->h = h < 1 ? 1 : h;
}

static int nblocks(const struct view *v)
{
	return 1 + (int)v->nrows;
}

static void add_wrap(struct str line, void *ud)
{
	struct flow_wrap *c = ud;

	grow_array((void **)&c->lines, &c->cap, c->n + 1, sizeof(*c->lines));
	c->lines[c->n++] = line;
}

/* Paragraph @para wrapped at f->w, from the cache or made now. */
static const struct flow_wrap *wrapped(struct flow *f, struct view *v, int para)
{
	struct str t = view_text(v, para);
	struct flow_wrap *c = &f->cache[0];

	for (size_t i = 0; i < sizeof(f->cache) / sizeof(f->cache[0]); i++) {
		struct flow_wrap *k = &f->cache[i];

		if (k->lines && k->para == para && k->w == f->w && k->text == t.p) {
			k->used = ++f->clock;
			return k;
		}
		if (k->used < c->used)
			c = k;
	}
	c->para = para;
	c->w = f->w;
	c->text = t.p;
	c->n = 0;
	c->used = ++f->clock;
	text_wrap(t, f->w, add_wrap, c);
	if (!c->lines)
		grow_array((void **)&c->lines, &c->cap, 1, sizeof(*c->lines));
	return c;
}

/* Wraps block @b into f->wrap (paragraphs) and returns its lines: a
 * paragraph is its title, its wrapped text and a blank line. */
static int block_lines(struct flow *f, struct view *v, int b)
{
	const struct row *r;

	if (b == 0)
		return (int)f->nhead + (f->nhead ? 1 : 0);   /* and a blank */
	r = &v->rows[b - 1];
	if (r->kind == ROW_SECTION)
		return 1;
	f->wrap = wrapped(f, v, r->index);
	return 1 + (int)f->wrap->n + 1;
}

/* Line @k of block @b, wrapped by block_lines() just before. */
static struct flow_line line_of(const struct flow *f, const struct view *v, int b, int k)
{
	const struct row *r;

	if (b == 0)
		return (struct flow_line){ k < (int)f->nhead ? FLOW_HEAD : FLOW_BLANK, k,
					   k < (int)f->nhead ? f->head[k] : STR_NULL };
	r = &v->rows[b - 1];
	if (r->kind == ROW_SECTION)
		return (struct flow_line){ FLOW_SECTION, r->index, STR_NULL };
	if (k == 0)
		return (struct flow_line){ FLOW_TITLE, r->index, STR_NULL };
	if (k - 1 < (int)f->wrap->n)
		return (struct flow_line){ FLOW_TEXT, r->index, f->wrap->lines[k - 1] };
	return (struct flow_line){ FLOW_BLANK, r->index, STR_NULL };
}

/* Moves @p down by @n lines; false when the flow ends first (p is then
 * past the last line). */
static bool forward(struct flow *f, struct view *v, struct flow_pos *p, int n)
{
	while (p->block < nblocks(v)) {
		int lines = block_lines(f, v, p->block);

		if (p->line + n < lines) {
			p->line += n;
			return true;
		}
		n -= lines - p->line;
		p->block++;
		p->line = 0;
	}
	return false;
}

/* Lines from @p to the end, counting at most @most. */
static int lines_after(struct flow *f, struct view *v, struct flow_pos p, int most)
{
	int n = 0;

	for (int b = p.block; b < nblocks(v) && n < most; b++)
		n += block_lines(f, v, b) - (b == p.block ? p.line : 0);
	return n;
}

/* The top one line up, over blocks of no line (a header of none); false
 * at the start. */
static bool step_back(struct flow *f, struct view *v)
{
	while (f->top.line == 0) {
		if (f->top.block == 0)
			return false;
		f->top.block--;
		f->top.line = block_lines(f, v, f->top.block);
	}
	f->top.line--;
	return true;
}

void flow_start(struct flow *f)
{
	f->top = (struct flow_pos){ 0, 0 };
}

void flow_end(struct flow *f, struct view *v)
{
	int need = f->h;

	/* back from the end until h lines are below the top */
	f->top = (struct flow_pos){ nblocks(v), 0 };
	while (need > 0 && step_back(f, v))
		need--;
}

void flow_scroll(struct flow *f, struct view *v, int delta)
{
	if (delta > 0) {
		struct flow_pos p = f->top;

		/* never past the point where the last line is at the bottom */
		if (lines_after(f, v, p, delta + f->h) <= f->h)
			return;
		if (!forward(f, v, &p, delta) || lines_after(f, v, p, f->h) < f->h) {
			flow_end(f, v);
			return;
		}
		f->top = p;
		return;
	}
	for (int n = -delta; n > 0 && step_back(f, v); n--)
		;
}

void flow_show_para(struct flow *f, const struct view *v, int para)
{
	int row = view_row_of(v, para);

	if (row < 0)
		return;
	f->top = (struct flow_pos){ row + 1, 0 };
	/* the section heading above it, when it has one */
	if (row > 0 && v->rows[row - 1].kind == ROW_SECTION)
		f->top.block = row;
}

int flow_fill(struct flow *f, struct view *v)
{
	struct flow_pos p = f->top;
	int para = -1;

	f->nshown = 0;
	grow_array((void **)&f->shown, &f->cap_shown, (size_t)f->h, sizeof(*f->shown));
	while ((int)f->nshown < f->h && p.block < nblocks(v)) {
		int lines = block_lines(f, v, p.block);

		for (; p.line < lines && (int)f->nshown < f->h; p.line++) {
			struct flow_line l = line_of(f, v, p.block, p.line);

			if (para < 0 && (l.kind == FLOW_TEXT || l.kind == FLOW_TITLE))
				para = l.index;
			f->shown[f->nshown++] = l;
		}
		if (p.line >= lines) {
			p.block++;
			p.line = 0;
		}
	}
	f->at_end = p.block >= nblocks(v);
	/* the header fills the view: the reader is before the first paragraph */
	for (size_t r = 0; para < 0 && f->top.block == 0 && r < v->nrows; r++)
		if (v->rows[r].kind == ROW_PARA)
			para = v->rows[r].index;
	return para;
}
