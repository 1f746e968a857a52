/* ui_versions.c -- two texts of one cable compared (d in the list and in
 * the reader): the summary of what changed, then each paragraph that
 * changed with its words out "[-…-]" and in "{+…+}", in colour and as
 * text, the paragraphs alike folded into one line.  Layout differences
 * (quotes, wrapping, ¶ against 1., x's) are folded too until z shows
 * them.  Tab compares the next pair when there are three versions or
 * more; Enter reads the second at the paragraph selected (▸).
 *
 * The comparison (doc/compare.h) is made once when the screen opens, its
 * words copied into the screen's own buffer (the cables stay in the
 * corpus's cache only a while); the lines are wrapped again on a resize. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "doc/compare.h"

#define VERSIONS_MAX 64

enum vkind { VK_PLAIN, VK_DEL, VK_INS, VK_LABEL, VK_MARKER, VK_NOTE, VK_HEAD, VK_SUMMARY };

/* A word, a marker or a label: its text in the screen's buffer. */
struct vseg {
	size_t off, len;
	uint8_t kind;
	bool space;              /* a blank before it */
	bool newline;            /* it starts a line (a block, a hunk) */
	int32_t hunk;            /* the hunk it belongs to, -1 */
};

struct vline {
	size_t s0, s1;           /* its segments */
	int indent;
};

struct versions_screen {
	uint32_t v[VERSIONS_MAX];
	size_t nv, pair;         /* the versions; the pair shown: v[pair] against v[pair + 1] */
	bool layout;             /* z: layout differences shown */
	struct buf text;
	struct vseg *seg;
	size_t nseg, capseg;
	char (*addr)[ADDRESS_MAX];   /* by hunk: the second version's first paragraph in it */
	size_t capaddr;
	struct vline *line;
	size_t nline, capline;
	char id[64];
	int cols;
	struct pane pane;
};

static struct versions_screen *state_of(struct ui *u)
{
	return ui_screen(u, &versions_ops)->state;
}

static void seg_add(struct versions_screen *g, struct str s, enum vkind kind, bool space, bool newline, int hunk)
{
	struct vseg *v;

	grow_array((void **)&g->seg, &g->capseg, g->nseg + 1, sizeof(*g->seg));
	v = &g->seg[g->nseg++];
	v->off = g->text.n;
	v->len = s.n;
	v->kind = (uint8_t)kind;
	v->space = space;
	v->newline = newline;
	v->hunk = hunk;
	buf_addstr(&g->text, s);
}

/* The words of a text as segments of one kind (the summary, a note). */
static void words_add(struct versions_screen *g, struct str t, enum vkind kind, bool newline)
{
	struct str rest = t, w;
	bool first = true;

	while (str_next_word(&rest, &w)) {
		seg_add(g, w, kind, !first, newline && first, -1);
		first = false;
	}
}

struct builder {
	struct versions_screen *g;
	const struct compare *cmp;
	enum cmp_piece prev;     /* the piece added last */
	int hunk;
};

/* A piece of a hunk shown (compare_walk) as a segment. */
static void piece_add(enum cmp_piece piece, enum cmp_op op, struct str text, void *ud)
{
	struct builder *b = ud;

	switch (piece) {
	case CP_LABEL:
		seg_add(b->g, text, VK_LABEL, false, true, b->hunk);
		break;
	case CP_OPEN:
		seg_add(b->g, op == OP_DEL ? STR_LIT("[-") : STR_LIT("{+"), VK_MARKER, true, false, b->hunk);
		break;
	case CP_CLOSE:
		seg_add(b->g, op == OP_DEL ? STR_LIT("-]") : STR_LIT("+}"), VK_MARKER, false, false, b->hunk);
		break;
	case CP_WORD:
		seg_add(b->g, text, op == OP_DEL ? VK_DEL : op == OP_INS ? VK_INS : VK_PLAIN, b->prev != CP_OPEN, false,
			b->hunk);
		break;
	}
	b->prev = piece;
}

static void hunk_add(struct builder *b, const struct cmp_hunk *h)
{
	const struct compare *cmp = b->cmp;
	struct buf head = { 0 };

	compare_hunk_label(cmp, h, &head);
	switch (h->kind) {
	case CMP_WITHHELD: buf_printf(&head, ": only in version %zu", b->g->pair + 1); break;
	case CMP_ADDED: buf_printf(&head, ": only in version %zu", b->g->pair + 2); break;
	case CMP_WHOLE: buf_adds(&head, ": too long to compare word by word"); break;
	case CMP_LAYOUT: buf_adds(&head, ": layout only"); break;
	default: break;
	}
	/* a paragraph changed: its label heads it; else a line says what */
	if (h->kind != CMP_CHANGED || h->a1 - h->a0 != 1 || h->b1 - h->b0 != 1 ||
	    strcmp(cmp->a.b[h->a0].label, cmp->b.b[h->b0].label) != 0)
		seg_add(b->g, buf_str(&head), VK_HEAD, false, true, b->hunk);
	buf_free(&head);
	b->prev = CP_CLOSE;
	compare_walk(cmp, h, b->g->layout, piece_add, b);
}

/* "¶6–¶9: the same" for a run of hunks alike. */
static void same_add(struct versions_screen *g, const struct compare *cmp, size_t h0, size_t h1)
{
	struct buf t = { 0 };
	struct cmp_hunk all;

	if (h0 >= h1)
		return;
	all = cmp->h[h0];
	all.a1 = cmp->h[h1 - 1].a1;
	all.b1 = cmp->h[h1 - 1].b1;
	compare_hunk_label(cmp, &all, &t);
	buf_adds(&t, ": the same");
	seg_add(g, buf_str(&t), VK_NOTE, false, true, -1);
	buf_free(&t);
}

static void name_add(struct versions_screen *g, const char *which, const struct cable *c)
{
	struct buf t = { 0 };

	buf_printf(&t, "%s ", which);
	compare_version_name(&t, c->path, c->format, c->offset, false);
	words_add(g, buf_str(&t), VK_SUMMARY, true);
	buf_free(&t);
}

/* The comparison of the pair shown, as segments. */
static bool build(struct ui *u, struct versions_screen *g)
{
	const struct cable *ca, *cb;
	struct compare cmp;
	struct buf t = { 0 };
	struct builder b = { g, &cmp, CP_CLOSE, -1 };
	size_t same_from = 0;

	g->nseg = 0;
	buf_clear(&g->text);
	ca = corpus_cable(u->corpus, g->v[g->pair]);
	cb = ca ? corpus_cable(u->corpus, g->v[g->pair + 1]) : NULL;
	/* the second parse may have pushed the first out of the cache */
	if (cb && ca != corpus_cable(u->corpus, g->v[g->pair]))
		ca = NULL;
	if (!ca || !cb) {
		ui_say(u, "a version of %s could not be read again", g->id);
		return false;
	}
	compare_cables(&cmp, ca, cb);
	buf_printf(&t, "Version %zu:", g->pair + 1);
	name_add(g, t.p, ca);
	buf_clear(&t);
	buf_printf(&t, "Version %zu:", g->pair + 2);
	name_add(g, t.p, cb);
	buf_clear(&t);
	{
		char n1[24], n2[24];

		snprintf(n1, sizeof(n1), "version %zu", g->pair + 1);
		snprintf(n2, sizeof(n2), "version %zu", g->pair + 2);
		compare_summary(&cmp, &t, n1, n2);
	}
	words_add(g, buf_str(&t), VK_SUMMARY, true);
	buf_clear(&t);
	buf_printf(&t, "Redaction runs: %zu and %zu (%zu added, %zu lifted)", cmp.a.runs, cmp.b.runs, cmp.added,
		   cmp.lifted);
	words_add(g, buf_str(&t), VK_SUMMARY, true);
	for (size_t k = 0; k < cmp.nh; k++) {
		const struct cmp_hunk *h = &cmp.h[k];

		if (h->kind == CMP_SAME || (h->kind == CMP_LAYOUT && !g->layout))
			continue;
		same_add(g, &cmp, same_from, k);
		same_from = k + 1;
		b.hunk = (int)k;
		grow_array((void **)&g->addr, &g->capaddr, k + 1, sizeof(*g->addr));
		g->addr[b.hunk][0] = '\0';
		for (size_t bi = h->b0; bi < h->b1 && !g->addr[b.hunk][0]; bi++)
			if (cmp.b.b[bi].kind == CB_PARA)
				snprintf(g->addr[b.hunk], sizeof(g->addr[0]), "%s", cmp.b.b[bi].p->address);
		hunk_add(&b, h);
	}
	same_add(g, &cmp, same_from, cmp.nh);
	compare_free(&cmp);
	buf_free(&t);
	return true;
}

/* The segments laid into lines of @w columns. */
static void wrap(struct versions_screen *g, int w)
{
	int x = 0, indent = 0;

	g->nline = 0;
	if (w < 10)
		w = 10;
	for (size_t i = 0; i < g->nseg; i++) {
		const struct vseg *s = &g->seg[i];
		int sw = text_width(str_make(g->text.p + s->off, s->len)) + (s->space ? 1 : 0), need = sw;

		/* an opening marker stays with the word after it */
		if (s->kind == VK_MARKER && i + 1 < g->nseg && !g->seg[i + 1].space && !g->seg[i + 1].newline)
			need += text_width(str_make(g->text.p + g->seg[i + 1].off, g->seg[i + 1].len));
		if (s->newline || !g->nline || (x + need > w && x > indent)) {
			if (s->newline)
				indent = s->kind == VK_LABEL ? 4 : s->kind == VK_SUMMARY ? 2 : 0;
			grow_array((void **)&g->line, &g->capline, g->nline + 1, sizeof(*g->line));
			g->line[g->nline++] = (struct vline){ i, i, s->newline ? 0 : indent };
			x = s->newline ? 0 : indent;
			sw -= s->space ? 1 : 0;
		}
		if (s->kind == VK_LABEL)
			sw = 4 > sw ? 4 : sw + 1;
		x += sw;
		g->line[g->nline - 1].s1 = i + 1;
	}
	pane_resize(&g->pane, (int)g->nline, g->pane.h);
}

static void versions_start(void *ctx)
{
	struct ui *u = ctx;
	struct versions_screen *g = state_of(u);
	long e = ui_asked_entry(u);

	if (e < 0) {
		ui_say(u, "no cable to compare");
		return;
	}
	g->nv = corpus_versions(u->corpus, (size_t)e, g->v, VERSIONS_MAX);
	snprintf(g->id, sizeof(g->id), "%s", corpus_str(u->corpus, corpus_entry(u->corpus, (size_t)e)->id));
	if (g->nv < 2) {
		ui_say(u, "%s has one text in what was read: nothing to compare", g->id);
		return;
	}
	if (g->nv > VERSIONS_MAX)
		g->nv = VERSIONS_MAX;
	/* the version read first, against the one after it */
	g->pair = 0;
	for (size_t i = 0; i + 1 < g->nv; i++)
		if (g->v[i] == (uint32_t)e)
			g->pair = i;
	g->layout = false;
	if (!build(u, g))
		return;
	pane_init(&g->pane, false);
	g->pane.n = 0;
	screens_push(&u->stack, ui_screen(u, &versions_ops));
}

static void rebuild(struct ui *u, struct versions_screen *g)
{
	if (build(u, g)) {
		wrap(g, g->cols - 2);
		pane_select(&g->pane, 0);
	}
}

static void open_top(struct ui *u, struct versions_screen *g)
{
	size_t e = g->v[g->pair + 1];
	int hunk = -1;

	/* the first hunk at or under the line selected with a paragraph
	 * of the second version */
	for (size_t l = (size_t)(g->pane.sel > 0 ? g->pane.sel : 0); l < g->nline && hunk < 0; l++)
		for (size_t i = g->line[l].s0; i < g->line[l].s1 && hunk < 0; i++)
			if (g->seg[i].hunk >= 0 && g->addr[g->seg[i].hunk][0])
				hunk = g->seg[i].hunk;
	if (!ui_open_cable_anew(u, e))
		return;
	if (hunk >= 0 && g->addr[hunk][0])
		view_jump(&u->v, g->addr[hunk]);
	ui_say(u, "version %zu of %s: Backspace goes back to the comparison", g->pair + 2, g->id);
}

void reader_next_version(struct ui *u)
{
	uint32_t v[VERSIONS_MAX];
	size_t n, k = 0;
	char id[64], at[ADDRESS_MAX] = "";

	if (!u->v.c)
		return;
	snprintf(id, sizeof(id), "%s", u->v.c->id);
	if (u->v.sel >= 0)
		snprintf(at, sizeof(at), "%s", u->v.c->paras[u->v.sel].address);
	n = corpus_versions(u->corpus, u->v.cur, v, VERSIONS_MAX);
	if (n < 2) {
		ui_say(u, "%s has one text in what was read", id);
		return;
	}
	if (n > VERSIONS_MAX)
		n = VERSIONS_MAX;
	while (k < n && v[k] != u->v.cur)
		k++;
	k = k < n ? (k + 1) % n : 0;
	/* the same paragraph address, when this version has it */
	if (!ui_open_cable(u, v[k]))
		return;
	if (*at && !view_jump(&u->v, at))
		ui_say(u, "version %zu of %zu of %s: it has no ¶%s", k + 1, n, id, at);
	else
		ui_say(u, "version %zu of %zu of %s", k + 1, n, id);
}

static bool versions_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct versions_screen *g = ui_state(u, &versions_ops);

	(void)s;
	switch (keys_action(k, VERSIONS, false)) {
	case ACT_VERSIONS_LAYOUT:
		g->layout = !g->layout;
		rebuild(u, g);
		ui_say(u, g->layout ? "layout differences shown" : "layout differences folded");
		break;
	case ACT_VERSIONS_NEXT:
		g->pair = g->pair + 2 < g->nv ? g->pair + 1 : 0;
		rebuild(u, g);
		if (g->nv == 2)
			ui_say(u, "%s has two versions: this is the only pair", g->id);
		break;
	case ACT_VERSIONS_OPEN: open_top(u, g); break;
	case ACT_VERSIONS_CLOSE: screens_pop(&u->stack); break;
	default: return false;
	}
	return true;
}

static void versions_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct versions_screen *g = ui_state(u, &versions_ops);

	(void)s;
	g->cols = r.w;
	g->pane.h = r.h - 2;
	wrap(g, r.w - 2);
	pane_resize(&g->pane, (int)g->nline, r.h - 2);
}

static int kind_attr(const struct ui *u, enum vkind k)
{
	switch (k) {
	case VK_DEL: return pair_attr(u, PAIR_DELETED, A_UNDERLINE);
	case VK_INS: return pair_attr(u, PAIR_INSERTED, A_BOLD);
	case VK_MARKER: return A_BOLD;
	case VK_LABEL: return pair_attr(u, PAIR_LABEL, A_BOLD);
	case VK_NOTE: return A_DIM;
	case VK_HEAD: return pair_attr(u, PAIR_SECTION, A_BOLD) | A_BOLD;
	case VK_SUMMARY: return A_BOLD;
	default: return 0;
	}
}

static void versions_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct versions_screen *g = ui_state(u, &versions_ops);
	int title = pair_attr(u, PAIR_TITLE, A_REVERSE) | A_BOLD;
	struct buf b = { 0 }, cl = { 0 };

	paint_erase();
	if (screen_too_small(false))
		return;
	paint_fill(0, 0, g->cols, title);
	buf_printf(&b, " Versions of %s: %zu against %zu of %zu%s", g->id, g->pair + 1, g->pair + 2, g->nv,
		   g->layout ? " (layout shown)" : "");
	put_cut(0, 0, g->cols, paint_clean(&cl, buf_str(&b)), title);
	for (int k = 0; k < g->pane.h && (size_t)(g->pane.top + k) < g->nline; k++) {
		const struct vline *l = &g->line[g->pane.top + k];
		int y = 1 + k, x = 1 + l->indent;

		/* the line Enter reads from */
		if (g->pane.top + k == g->pane.sel)
			put_c(y, 0, 1, "\xE2\x96\xB8", A_BOLD);

		for (size_t i = l->s0; i < l->s1 && x < g->cols - 1; i++) {
			const struct vseg *sg = &g->seg[i];
			struct str t = paint_clean(&cl, str_make(g->text.p + sg->off, sg->len));

			if (sg->space && i > l->s0)
				x++;
			x += put_cut(y, x, g->cols - 1 - x, t, kind_attr(u, (enum vkind)sg->kind));
			if (sg->kind == VK_LABEL)
				x = x < 1 + 4 ? 1 + 4 : x + 1;
		}
	}
	if (pane_more_above(&g->pane))
		put_c(1, g->cols - 1, 1, "\xE2\x96\xB2", A_BOLD);
	if (pane_more_below(&g->pane))
		put_c(s->r.h - 2, g->cols - 1, 1, "\xE2\x96\xBC", A_BOLD);
	status_line(u, &(struct rect){ s->r.h - 1, 0, 1, g->cols },
		    str_c(g->layout ? " z folds the layout  Enter reads the 2nd" : " z shows the layout  Enter reads the 2nd"),
		    "q closes ");
	buf_free(&b);
	buf_free(&cl);
}

static void versions_free_state(void *state)
{
	struct versions_screen *g = state;

	buf_free(&g->text);
	free(g->seg);
	free(g->line);
	free(g->addr);
}

static void versions_init(struct screen *s)
{
	s->pane = &((struct versions_screen *)s->state)->pane;
	s->pane_y = 1;
}

const struct screen_ops versions_ops = {
	.name = "versions",
	.keys = VERSIONS,
	.init = versions_init,
	.free = versions_free_state,
	.start = versions_start,
	.open_on = (const int[]){ ACT_LIST_VERSIONS, ACT_VERSIONS, -1 },
	.state_size = sizeof(struct versions_screen),
	.handle = versions_handle,
	.recalc = versions_recalc,
	.draw = versions_draw,
};
