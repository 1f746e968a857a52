/* compare.c -- two texts of one cable compared: the blocks aligned, the
 * words between aligned blocks diffed, the hunks counted (compare.h; the
 * texts cut by compare_cut.c).
 *
 * The word diff is Myers' O(ND) algorithm, hand-written: no library of the
 * design card diffs sequences of words, and the bound on D it allows (the
 * fall back to whole blocks past COMPARE_EDITS_MAX) is what keeps a
 * hostile pair cheap. */
#include "config.h"
#include "doc/compare_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* ------------------------------------------------------------ the word diff */

static bool tok_eq(const struct cmp_tok *a, const struct cmp_tok *b)
{
	return a->h == b->h && str_eq(a->norm, b->norm);
}

static void push_edit(struct compare *cmp, enum cmp_op op, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct cmp_edit *e;

	if (a1 == a0 && b1 == b0)
		return;
	if (cmp->ne > cmp->efloor) {
		e = &cmp->e[cmp->ne - 1];
		if (e->op == op && e->a1 == a0 && e->b1 == b0) {
			e->a1 = a1;
			e->b1 = b1;
			return;
		}
	}
	grow_array((void **)&cmp->e, &cmp->cape, cmp->ne + 1, sizeof(*cmp->e));
	cmp->e[cmp->ne++] = (struct cmp_edit){ op, a0, a1, b0, b1 };
}

/* One step of the script, found walking back: kept in reverse. */
struct step {
	enum cmp_op op;
	size_t a, b;
};

/* Myers over a[0,n) and b[0,m) (already offset); the steps into *out in
 * reverse order.  False past @dmax edits. */
static bool myers(const struct cmp_tok *a, size_t n, const struct cmp_tok *b, size_t m, size_t dmax,
		  struct step **out, size_t *nout)
{
	long off;
	long *v;
	long *trace = NULL;
	size_t cap = 0, used = 0, steps_cap = 0;
	long dfound = -1, x, y;

	if (dmax > n + m)
		dmax = n + m;
	off = (long)dmax + 1;
	v = xcalloc(2 * (size_t)off + 1, sizeof(*v));
	for (long d = 0; d <= (long)dmax && dfound < 0; d++) {
		for (long k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			y = x - k;
			while (x < (long)n && y < (long)m && tok_eq(&a[x], &b[y]))
				x++, y++;
			v[off + k] = x;
			if (x >= (long)n && y >= (long)m) {
				dfound = d;
				break;
			}
		}
		/* V of this d, for the walk back */
		grow_array((void **)&trace, &cap, used + (size_t)(2 * d + 1), sizeof(*trace));
		memcpy(trace + used, v + off - d, (size_t)(2 * d + 1) * sizeof(*trace));
		used += (size_t)(2 * d + 1);
	}
	free(v);
	if (dfound < 0) {
		free(trace);
		return false;
	}
	*nout = 0;
	x = (long)n;
	y = (long)m;
	for (long d = dfound; d >= 0; d--) {
		long k = x - y, pk, px, py, mx, my;
		const long *pv = d ? trace + (size_t)((d - 1) * (d - 1)) + (d - 1) : NULL; /* V of d-1, at k=0 */

		if (d == 0) {
			pk = 0, px = 0, py = 0, mx = 0, my = 0;
		} else {
			if (k == -d || (k != d && pv[k - 1] < pv[k + 1])) {
				pk = k + 1;
				px = pv[pk];
				py = px - pk;
				mx = px, my = py + 1;
			} else {
				pk = k - 1;
				px = pv[pk];
				py = px - pk;
				mx = px + 1, my = py;
			}
		}
		grow_array((void **)out, &steps_cap, *nout + (size_t)(x - mx) + 2, sizeof(**out));
		while (x > mx && y > my) {
			x--, y--;
			(*out)[(*nout)++] = (struct step){ OP_SAME, (size_t)x, (size_t)y };
		}
		if (d == 0)
			break;
		if (mx > px)
			(*out)[(*nout)++] = (struct step){ OP_DEL, (size_t)px, (size_t)py };
		else
			(*out)[(*nout)++] = (struct step){ OP_INS, (size_t)px, (size_t)py };
		x = px;
		y = py;
	}
	free(trace);
	return true;
}

/* Words a[a0,a1) against b[b0,b1) into edits; false when too large. */
static bool diff_words(struct compare *cmp, size_t a0, size_t a1, size_t b0, size_t b1)
{
	const struct cmp_tok *ta = cmp->a.t, *tb = cmp->b.t;
	size_t pre = 0, suf = 0, ns = 0;
	struct step *st = NULL;

	while (a0 + pre < a1 && b0 + pre < b1 && tok_eq(&ta[a0 + pre], &tb[b0 + pre]))
		pre++;
	while (a1 - suf > a0 + pre && b1 - suf > b0 + pre && tok_eq(&ta[a1 - suf - 1], &tb[b1 - suf - 1]))
		suf++;
	if (a1 - a0 - pre - suf > COMPARE_WORDS_MAX || b1 - b0 - pre - suf > COMPARE_WORDS_MAX)
		return false;
	/* one side used up by the ends alike: no search */
	if ((a0 + pre == a1 - suf || b0 + pre == b1 - suf) ) {
		push_edit(cmp, OP_SAME, a0, a0 + pre, b0, b0 + pre);
		push_edit(cmp, OP_DEL, a0 + pre, a1 - suf, b0 + pre, b0 + pre);
		push_edit(cmp, OP_INS, a1 - suf, a1 - suf, b0 + pre, b1 - suf);
		push_edit(cmp, OP_SAME, a1 - suf, a1, b1 - suf, b1);
		return true;
	}
	if (!myers(ta + a0 + pre, a1 - a0 - pre - suf, tb + b0 + pre, b1 - b0 - pre - suf, COMPARE_EDITS_MAX,
		   &st, &ns))
		return false;
	push_edit(cmp, OP_SAME, a0, a0 + pre, b0, b0 + pre);
	for (size_t i = ns; i-- > 0;) {
		size_t x = a0 + pre + st[i].a, y = b0 + pre + st[i].b;

		if (st[i].op == OP_SAME)
			push_edit(cmp, OP_SAME, x, x + 1, y, y + 1);
		else if (st[i].op == OP_DEL)
			push_edit(cmp, OP_DEL, x, x + 1, y, y);
		else
			push_edit(cmp, OP_INS, x, x, y, y + 1);
	}
	push_edit(cmp, OP_SAME, a1 - suf, a1, b1 - suf, b1);
	free(st);
	return true;
}

/* ------------------------------------------------------------ hunks */

static struct cmp_hunk *new_hunk(struct compare *cmp, enum cmp_kind kind, size_t a0, size_t a1, size_t b0,
				 size_t b1)
{
	struct cmp_hunk *h;

	grow_array((void **)&cmp->h, &cmp->caph, cmp->nh + 1, sizeof(*cmp->h));
	h = &cmp->h[cmp->nh++];
	memset(h, 0, sizeof(*h));
	h->kind = kind;
	h->a0 = a0, h->a1 = a1, h->b0 = b0, h->b1 = b1;
	h->e0 = h->e1 = cmp->ne;
	cmp->efloor = cmp->ne;
	return h;
}

static size_t word_of(const struct cmp_side *s, size_t block, bool end)
{
	return end ? s->b[block - 1].t1 : s->b[block].t0;
}

/* The quote marks that differ between two words equal but for them. */
static size_t quotes_changed(struct str a, struct str b)
{
	size_t ca = 0, cb = 0;

	if (str_eq(a, b))
		return 0;
	for (size_t i = 0; i < a.n; i++)
		ca += compare_straight_quote(a.p + i, a.n - i) != 0;
	for (size_t i = 0; i < b.n; i++)
		cb += compare_straight_quote(b.p + i, b.n - i) != 0;
	return ca > cb ? ca - cb : cb > ca ? cb - ca : 1;
}

/* Are @a and @b the same once their quotes are made straight? */
static bool same_but_quotes(struct str a, struct str b)
{
	size_t i = 0, j = 0;

	while (i < a.n && j < b.n) {
		char qa = compare_straight_quote(a.p + i, a.n - i), qb = compare_straight_quote(b.p + j, b.n - j);

		if ((qa ? qa : a.p[i]) != (qb ? qb : b.p[j]))
			return false;
		i += qa ? 3 : 1;
		j += qb ? 3 : 1;
	}
	return i == a.n && j == b.n;
}

/* The redaction runs an edit's words start (or, kept, start on one side
 * only): counted so that added - lifted is always runs(b) - runs(a). */
static void count_edit(const struct compare *cmp, struct cmp_hunk *h, const struct cmp_edit *e)
{
	if (e->op == OP_DEL) {
		h->del += e->a1 - e->a0;
		for (size_t i = e->a0; i < e->a1; i++)
			h->lifted += cmp->a.t[i].run_start;
	} else if (e->op == OP_INS) {
		h->ins += e->b1 - e->b0;
		for (size_t i = e->b0; i < e->b1; i++)
			h->added += cmp->b.t[i].run_start;
	} else {
		for (size_t i = 0; i < e->a1 - e->a0; i++) {
			const struct cmp_tok *ta = &cmp->a.t[e->a0 + i], *tb = &cmp->b.t[e->b0 + i];

			h->added += tb->run_start && !ta->run_start;
			h->lifted += ta->run_start && !tb->run_start;
			if (str_eq(ta->raw, tb->raw))
				continue;
			if (ta->redact && tb->redact)
				h->xforms++;
			else if (same_but_quotes(ta->raw, tb->raw))
				h->quotes += quotes_changed(ta->raw, tb->raw);
			else
				h->cased++;
		}
	}
}

static void whole_stretch(struct compare *cmp, struct cmp_hunk *h)
{
	size_t a0 = h->a0 < h->a1 ? word_of(&cmp->a, h->a0, false) : 0, a1 = h->a0 < h->a1 ? word_of(&cmp->a, h->a1, true) : 0;
	size_t b0 = h->b0 < h->b1 ? word_of(&cmp->b, h->b0, false) : 0, b1 = h->b0 < h->b1 ? word_of(&cmp->b, h->b1, true) : 0;

	push_edit(cmp, OP_DEL, a0, a1, b0, b0);
	push_edit(cmp, OP_INS, a1, a1, b0, b1);
}

/* The words of blocks a[a0,a1) against b[b0,b1), as one hunk. */
static void compare_stretch(struct compare *cmp, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct cmp_hunk *h;
	enum cmp_kind kind;
	size_t wa0, wa1, wb0, wb1;

	if (a0 == a1 && b0 == b1)
		return;
	kind = a0 == a1 ? CMP_ADDED : b0 == b1 ? CMP_WITHHELD : CMP_CHANGED;
	h = new_hunk(cmp, kind, a0, a1, b0, b1);
	if (kind == CMP_CHANGED) {
		wa0 = word_of(&cmp->a, a0, false), wa1 = word_of(&cmp->a, a1, true);
		wb0 = word_of(&cmp->b, b0, false), wb1 = word_of(&cmp->b, b1, true);
		if (!diff_words(cmp, wa0, wa1, wb0, wb1)) {
			h = &cmp->h[cmp->nh - 1];
			cmp->ne = h->e0;
			h->kind = CMP_WHOLE;
			whole_stretch(cmp, h);
		}
	} else {
		whole_stretch(cmp, h);
	}
	h = &cmp->h[cmp->nh - 1];
	h->e1 = cmp->ne;
	for (size_t i = h->e0; i < h->e1; i++)
		count_edit(cmp, h, &cmp->e[i]);
	if (h->kind == CMP_CHANGED) {
		h->breaks = a1 - a0 != b1 - b0;
		if (!h->del && !h->ins)
			h->kind = CMP_LAYOUT;
	}
	if (a1 - a0 == 1 && b1 - b0 == 1) {
		const struct cmp_block *ba = &cmp->a.b[a0], *bb = &cmp->b.b[b0];

		h->wrapped = ba->lines && bb->lines && ba->lines != bb->lines;
		h->markers = ba->kind == CB_PARA && bb->kind == CB_PARA && ba->p->number && bb->p->number &&
			     ba->pilcrow != bb->pilcrow;
		if (h->kind == CMP_CHANGED && !h->del && !h->ins)
			h->kind = CMP_LAYOUT;
		if (h->kind == CMP_LAYOUT && !h->quotes && !h->cased && !h->xforms && !h->wrapped && !h->markers && !h->breaks)
			h->kind = CMP_SAME;
	}
}

/* ------------------------------------------------------------ alignment */

/* An open-addressed table from a 64-bit key to a count and a position. */
struct slot {
	uint64_t key;
	uint32_t count, at;
	bool used;
};

static size_t table_size(size_t n)
{
	size_t m = 16;

	while (m < n * 2 + 1)
		m *= 2;
	return m;
}

static struct slot *table_get(struct slot *t, size_t m, uint64_t key, bool add)
{
	size_t k = (size_t)(key ^ (key >> 29)) & (m - 1);

	while (t[k].used && t[k].key != key)
		k = (k + 1) & (m - 1);
	if (!t[k].used) {
		if (!add)
			return NULL;
		t[k].used = true;
		t[k].key = key;
	}
	return &t[k];
}

static uint64_t label_key(const struct cmp_block *b)
{
	return compare_hash(b->label, strlen(b->label), HASH_START + (uint64_t)b->kind * 7919);
}

/* The pairs (i, j) of blocks taken as the same: for each block of a, the
 * block of b with the same words found once on each side, else the block
 * of b with its label; then the longest run of pairs in order on both
 * sides (patience's longest increasing subsequence). */
static size_t anchors(const struct compare *cmp, size_t **pi, size_t **pj)
{
	const struct cmp_side *a = &cmp->a, *b = &cmp->b;
	size_t m = table_size(a->nb + b->nb), nc = 0, len = 0;
	struct slot *ca = xcalloc(m, sizeof(*ca)), *cb = xcalloc(m, sizeof(*cb));
	struct slot *la = xcalloc(m, sizeof(*la)), *lb = xcalloc(m, sizeof(*lb));
	size_t *ci = xmalloc((a->nb + 1) * sizeof(*ci)), *cj = xmalloc((a->nb + 1) * sizeof(*cj));
	size_t *tails = xmalloc((a->nb + 1) * sizeof(*tails)), *prev = xmalloc((a->nb + 1) * sizeof(*prev));
	uint8_t *taken = xcalloc(b->nb + 1, 1);

	for (size_t i = 0; i < a->nb; i++) {
		struct slot *s = table_get(ca, m, a->b[i].h, true);

		s->count++, s->at = (uint32_t)i;
		s = table_get(la, m, label_key(&a->b[i]), true);
		s->count++, s->at = (uint32_t)i;
	}
	for (size_t j = 0; j < b->nb; j++) {
		struct slot *s = table_get(cb, m, b->b[j].h, true);

		s->count++, s->at = (uint32_t)j;
		s = table_get(lb, m, label_key(&b->b[j]), true);
		s->count++, s->at = (uint32_t)j;
	}
	/* the same words first, so that a paragraph numbered again still
	 * meets its text */
	for (size_t i = 0; i < a->nb; i++) {
		const struct slot *sa = table_get(ca, m, a->b[i].h, false), *sb = table_get(cb, m, a->b[i].h, false);

		ci[i] = SIZE_MAX;
		if (a->b[i].t1 > a->b[i].t0 && sa && sb && sa->count == 1 && sb->count == 1) {
			ci[i] = sb->at;
			taken[sb->at] = 1;
		}
	}
	for (size_t i = 0; i < a->nb; i++) {
		const struct slot *sa, *sb;

		if (ci[i] != SIZE_MAX)
			continue;
		sa = table_get(la, m, label_key(&a->b[i]), false);
		sb = table_get(lb, m, label_key(&a->b[i]), false);
		if (sa && sb && sa->count == 1 && sb->count == 1 && !taken[sb->at])
			ci[i] = sb->at;
	}
	/* the longest increasing run of j over i */
	for (size_t i = 0; i < a->nb; i++) {
		size_t lo = 0, hi = len;

		if (ci[i] == SIZE_MAX)
			continue;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (ci[tails[mid]] < ci[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tails[lo - 1] : SIZE_MAX;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	nc = len;
	if (len) {
		size_t i = tails[len - 1];

		for (size_t k = len; k-- > 0; i = prev[i]) {
			cj[k] = ci[i];
			tails[k] = i;
		}
	}
	free(ca), free(cb), free(la), free(lb), free(ci), free(prev), free(taken);
	*pi = tails;
	*pj = cj;
	return nc;
}

void compare_cables(struct compare *cmp, const struct cable *a, const struct cable *b)
{
	size_t *ai, *bj, n, pa = 0, pb = 0;

	memset(cmp, 0, sizeof(*cmp));
	compare_cut_side(cmp, &cmp->a, a);
	compare_cut_side(cmp, &cmp->b, b);
	n = anchors(cmp, &ai, &bj);
	for (size_t k = 0; k <= n; k++) {
		size_t ea = k < n ? ai[k] : cmp->a.nb, eb = k < n ? bj[k] : cmp->b.nb;

		compare_stretch(cmp, pa, ea, pb, eb);
		if (k < n)
			compare_stretch(cmp, ea, ea + 1, eb, eb + 1);
		pa = ea + 1;
		pb = eb + 1;
	}
	free(ai);
	free(bj);
	cmp->routing_a = a->routing.present;
	cmp->routing_b = b->routing.present;
	cmp->same_words = true;
	for (size_t i = 0; i < cmp->nh; i++) {
		const struct cmp_hunk *h = &cmp->h[i];

		cmp->added += h->added;
		cmp->lifted += h->lifted;
		cmp->quotes += h->quotes;
		cmp->cased += h->cased;
		cmp->xforms += h->xforms;
		cmp->wrapped += h->wrapped;
		cmp->markers += h->markers;
		cmp->breaks += h->breaks;
		cmp->whole += h->kind == CMP_WHOLE;
		cmp->withheld += h->kind == CMP_WITHHELD ? h->a1 - h->a0 : 0;
		cmp->only_b += h->kind == CMP_ADDED ? h->b1 - h->b0 : 0;
		cmp->changed += h->kind == CMP_CHANGED || h->kind == CMP_WHOLE;
		if (h->del || h->ins)
			cmp->same_words = false;
	}
}

void compare_free(struct compare *cmp)
{
	free(cmp->a.b);
	free(cmp->a.t);
	free(cmp->b.b);
	free(cmp->b.t);
	free(cmp->h);
	free(cmp->e);
	arena_free(&cmp->arena);
	memset(cmp, 0, sizeof(*cmp));
}
