/* ui_original.c -- the original: the record's text as pilcrow read it from the
 * file (the CSV field unquoted, the page's cable text, the text file as it
 * is), line by line with its line numbers, a long line broken at a blank
 * (a continuation marked ↪ in the gutter), never reflowed, so that a quote
 * can be checked against it.  The lines of the selected paragraph are
 * marked in the gutter, and the reader's search (its pattern, or the
 * list's words) is highlighted.  Control characters are shown as
 * pictures, as everywhere. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* The screen's own state (no other screen sees it), made when it first
 * opens and reached through its screen. */
/* The original text of the open cable, as lines. */
struct original {
	uint32_t *starts;        /* where each line starts in cable->text */
	size_t n, cap;
	const struct cable *c;   /* the cable whose text it is */
	struct pane pane;        /* the lines, a text (a long line takes several rows) */
	size_t para_first, para_last;  /* the selected paragraph's lines, or -1 */
	int rows, cols, gutter;
	/* the reader's search in the text: each match, in order */
	struct hl_span {
		uint32_t start, len;
	} *spans;
	size_t nspans, cap_spans;
};

static struct original *state_of(struct ui *u)
{
	return ui_screen(u, &original_ops)->state;
}

static size_t original_line_of(const struct original *r, uint32_t off)
{
	size_t lo = 0, hi = r->n;

	/* the last line that starts at or before @off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Line @i of the text, without its line end. */
static struct str line_at(const struct original *r, const struct cable *c, size_t i)
{
	size_t end = i + 1 < r->n ? r->starts[i + 1] : c->text.n;
	struct str line = str_make(c->text.p + r->starts[i], end - r->starts[i]);

	while (line.n && (line.p[line.n - 1] == '\n' || line.p[line.n - 1] == '\r'))
		line.n--;
	return line;
}

/* How much of @t goes on a row of @w columns (@used of them): all of it
 * when it fits, else up to the last blank that fits; a word wider than
 * the row is broken where the row ends. */
static size_t row_fit(struct str t, int w, int *used)
{
	size_t fit = text_fit(t, w, used), b;

	if (!fit && t.n)
		fit = 1;
	if (fit >= t.n)
		return fit;
	for (b = fit; b > 0 && t.p[b - 1] != ' ' && t.p[b - 1] != '\t'; b--)
		;
	if (b > 0) {
		fit = b;
		*used = text_width(str_make(t.p, fit));
	}
	return fit;
}

/* The screen rows line @i takes, broken at @w columns. */
static int rows_of(const struct original *r, const struct cable *c, size_t i, int w)
{
	struct buf b = { 0 };
	struct str t = paint_clean(&b, line_at(r, c, i));
	int rows = 0, used;

	do {
		size_t fit = row_fit(t, w, &used);

		t = str_make(t.p + fit, t.n - fit);
		rows++;
	} while (t.n);
	buf_free(&b);
	return rows;
}

static void add_span(size_t start, size_t len, void *ud)
{
	struct original *r = ud;

	grow_array((void **)&r->spans, &r->cap_spans, r->nspans + 1, sizeof(*r->spans));
	r->spans[r->nspans++] = (struct hl_span){ (uint32_t)start, (uint32_t)len };
}

static int span_order(const void *a, const void *b)
{
	const struct hl_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* With para= in the filter, only the spans in a paragraph at that marking
 * (the spans in order, the paragraphs too). */
static void keep_para_spans(struct original *r, const struct cfilter *f)
{
	const struct cable *c = r->c;
	size_t kept = 0, p = 0;

	if (!cfilter_has_para(f))
		return;
	for (size_t i = 0; i < r->nspans; i++) {
		uint32_t at = r->spans[i].start;

		while (p < c->nparas && (size_t)c->paras[p].at.off + c->paras[p].at.len <= at)
			p++;
		if (p < c->nparas && c->paras[p].at.off <= at && cfilter_para_ok_at(f, c, (long)p))
			r->spans[kept++] = r->spans[i];
	}
	r->nspans = kept;
}

/* The reader's search, found in the whole text: a phrase may run over a
 * line's end. */
static void find_spans(struct original *r, const struct view *v)
{
	r->nspans = 0;
	if (v->words) {
		for (size_t k = 0; k < v->words->n; k++)
			if (cf_findable(&v->words->terms[k]))
				cf_find(&v->words->terms[k], r->c->text, add_span, r);
		if (r->nspans > 1)
			qsort(r->spans, r->nspans, sizeof(*r->spans), span_order);
		keep_para_spans(r, v->words);
	} else if (v->re) {
		search_all(v->re, r->c->text, 100000, add_span, r);
	}
}

/* Underlines what the spans cover of the row drawn at @y, @x: @shown,
 * which starts at byte @at of the text. */
static void draw_spans(const struct original *r, int y, int x, struct str shown, size_t at)
{
	size_t lo = 0, hi = r->nspans;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->spans[mid].start + r->spans[mid].len <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < r->nspans && r->spans[k].start < at + shown.n; k++) {
		size_t s = MAX((size_t)r->spans[k].start, at), e = MIN((size_t)r->spans[k].start + r->spans[k].len,
								    at + shown.n);
		int col = text_width(str_make(shown.p, s - at));

		paint_put(y, x + col, text_width(shown) - col + 1, str_make(shown.p + (s - at), e - s),
			  A_UNDERLINE | A_BOLD);
	}
}

static bool original_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct original *r = ui_state(u, &original_ops);

	(void)s;
	switch (keys_action(k, ORIGINAL, false)) {
	case ACT_RAW_PARA:
		if (r->para_first != (size_t)-1)
			r->pane.top = (long)r->para_first;
		break;
	case ACT_RAW_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

/* A line's rows, for the pane: broken at the text's width. */
static int original_lines(const void *ud, long row)
{
	const struct original *r = ud;
	int w = r->cols - r->gutter - 1;

	return w < 1 ? 1 : rows_of(r, r->c, (size_t)row, w);
}

static void original_open(void *ctx)
{
	struct ui *u = ctx;
	struct original *r = state_of(u);
	const struct cable *c = u->v.c;
	const struct paragraph *p = u->v.sel >= 0 ? &c->paras[u->v.sel] : NULL;

	if (!c)
		return;
	r->n = 0;
	grow_array((void **)&r->starts, &r->cap, 1, sizeof(*r->starts));
	r->starts[r->n++] = 0;
	for (size_t i = 0; i < c->text.n; i++) {
		if (c->text.p[i] != '\n' || i + 1 >= c->text.n)
			continue;
		grow_array((void **)&r->starts, &r->cap, r->n + 1, sizeof(*r->starts));
		r->starts[r->n++] = (uint32_t)(i + 1);
	}
	r->para_first = r->para_last = (size_t)-1;
	if (p && p->at.off != SPAN_NONE && p->at.off != SPAN_CONTAINER) {
		r->para_first = original_line_of(r, p->at.off);
		r->para_last = original_line_of(r, p->at.off + (p->at.len ? p->at.len - 1 : 0));
	}
	pane_init(&r->pane, true);
	r->pane.lines = original_lines;
	r->pane.ud = r;
	r->c = c;
	find_spans(r, &u->v);
	r->pane.top = r->para_first != (size_t)-1 && r->para_first > 2 ? (long)r->para_first - 2 : 0;
	screens_push(&u->stack, ui_screen(u, &original_ops));
	if (r->para_first != (size_t)-1)
		ui_say(u, "\xC2\xB6%s is at line %zu of %zu", p->address, r->para_first + 1, r->n);
	else
		ui_say(u, "%zu lines", r->n);
}


static void original_recalc(void *ctx, struct screen *s, struct rect rc)
{
	struct ui *u = ctx;
	struct original *r = ui_state(u, &original_ops);
	char num[32];

	(void)s;
	r->rows = rc.h - 2 > 1 ? rc.h - 2 : 1;
	r->cols = rc.w;
	snprintf(num, sizeof(num), "%zu", r->n);
	r->gutter = (int)strlen(num) + 2;
	/* never past the top that puts the last line at the bottom */
	pane_resize(&r->pane, (long)r->n, r->rows);
}

static void original_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct original *r = ui_state(u, &original_ops);
	const struct cable *c = u->v.c;
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	int textw = r->cols - r->gutter - 1, y = 1;
	struct buf b = { 0 }, cl = { 0 };
	size_t top = (size_t)r->pane.top, last = top;

	paint_erase();
	if (screen_too_small(textw < 4))
		return;
	paint_fill(0, 0, r->cols, title);
	buf_printf(&b, " The original  %s  %.*s", c->id[0] ? c->id : "(no id)", (int)c->path.n, c->path.p);
	if (c->format == FORMAT_CSV)
		buf_printf(&b, ", the record at byte %llu", (unsigned long long)c->offset);
	put_cut(0, 0, r->cols, paint_clean(&cl, buf_str(&b)), title);
	for (size_t i = top; i < r->n && y <= r->rows; i++) {
		struct str line = line_at(r, c, i);
		bool in_para = r->para_first != (size_t)-1 && i >= r->para_first && i <= r->para_last;
		char num[32], cont[32];
		struct str t;
		bool first = true, clean;

		last = i;
		snprintf(num, sizeof(num), "%*zu%s", r->gutter - 2, i + 1, in_para ? "\xE2\x96\x8C" : " ");
		snprintf(cont, sizeof(cont), "%*s\xE2\x86\xAA%s", r->gutter - 3, "", in_para ? "\xE2\x96\x8C" : " ");
		t = paint_clean(&cl, line);
		/* the search's matches are placed by the text's bytes: on a line
		 * the painter shows as it is */
		clean = t.n == line.n && memcmp(t.p, line.p, t.n) == 0;
		/* a long line goes on under itself, broken at a blank: never
		 * reflowed, never cut */
		do {
			int used;
			size_t fit = row_fit(t, textw, &used);

			put_c(y, 0, r->gutter, first ? num : cont, first && !in_para ? A_DIM : A_BOLD);
			paint_put(y, r->gutter, textw, str_make(t.p, fit), in_para ? A_BOLD : 0);
			if (clean && r->nspans)
				draw_spans(r, y, r->gutter, str_make(t.p, fit),
					   r->starts[i] + (size_t)(t.p - cl.p));
			t = str_make(t.p + fit, t.n - fit);
			first = false;
			y++;
		} while (t.n && y <= r->rows);
	}
	buf_clear(&b);
	buf_printf(&b, " lines %zu-%zu of %zu", r->n ? top + 1 : 0, r->n ? last + 1 : 0, r->n);
	if (r->para_first != (size_t)-1)
		buf_printf(&b, "  \xC2\xB6%s: lines %zu-%zu (p)", c->paras[u->v.sel].address, r->para_first + 1,
			   r->para_last + 1);
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, r->cols }, buf_str(&b), "q closes ");
	buf_free(&b);
	buf_free(&cl);
}

static bool original_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	(void)ctx;
	(void)s;
	*y = 1;
	*x = 0;
	return true;
}

static void original_free(void *state)
{
	struct original *r = state;

	free(r->starts);
	free(r->spans);
}

static void original_init(struct screen *s)
{
	s->pane = &((struct original *)s->state)->pane;
}

const struct screen_ops original_ops = {
	.name = "original",
	.keys = ORIGINAL,
	.init = original_init,
	.start = original_open,
	.open_on = (const int[]){ ACT_ORIGINAL, -1 },
	.state_size = sizeof(struct original),
	.handle = original_handle,
	.recalc = original_recalc,
	.draw = original_draw,
	.cursor = original_cursor,
	.free = original_free,
};
