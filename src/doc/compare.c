/* compare.c -- two texts of one cable compared: blocks and words, the
 * blocks aligned, the words between aligned blocks diffed (compare.h).
 *
 * The word diff is Myers' O(ND) algorithm, hand-written: no library of the
 * design card diffs sequences of words, and the bound on D it allows (the
 * fall back to whole blocks past COMPARE_EDITS_MAX) is what keeps a
 * hostile pair cheap. */
#include "config.h"
#include "doc/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* ------------------------------------------------------------ words */

static uint64_t hash64(const char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_START 0xcbf29ce484222325ULL

/* The quote of the three bytes at @p made straight, or 0. */
static char straight_quote(const char *p, size_t left)
{
	if (left < 3 || (unsigned char)p[0] != 0xE2 || (unsigned char)p[1] != 0x80)
		return 0;
	switch ((unsigned char)p[2]) {
	case 0x98: case 0x99: case 0xB2: return '\'';  /* ‘ ’ ′ */
	case 0x9C: case 0x9D: case 0xB3: return '"';   /* “ ” ″ */
	default: return 0;
	}
}

static struct str normalise(struct arena *ar, struct str w, bool fold)
{
	char *out;
	size_t n = 0;
	bool any = false;

	for (size_t i = 0; i + 2 < w.n && !any; i++)
		any = straight_quote(w.p + i, w.n - i) != 0;
	for (size_t i = 0; i < w.n && fold && !any; i++)
		any = is_upper((unsigned char)w.p[i]);
	if (!any)
		return w;
	out = arena_alloc(ar, w.n + 1);
	for (size_t i = 0; i < w.n; i++) {
		char q = straight_quote(w.p + i, w.n - i);

		if (q) {
			out[n++] = q;
			i += 2;
		} else {
			out[n++] = fold && is_upper((unsigned char)w.p[i]) ? (char)(w.p[i] - 'A' + 'a') : w.p[i];
		}
	}
	out[n] = '\0';
	return str_make(out, n);
}

static bool is_word_char(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c >= 0x80;
}

/* @w without the punctuation around it, and a possessive 's. */
static struct str core_of(struct str w)
{
	while (w.n && !is_word_char((unsigned char)w.p[0]))
		w.p++, w.n--;
	while (w.n && !is_word_char((unsigned char)w.p[w.n - 1]))
		w.n--;
	if (w.n > 2 && w.p[w.n - 2] == '\'' && (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
		w.n -= 2;
	else if (w.n > 4 && memcmp(w.p + w.n - 4, "\xE2\x80\x99", 3) == 0 &&
		 (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
		w.n -= 4;
	return w;
}

bool compare_is_xword(struct str w)
{
	w = core_of(w);
	if (w.n < 3)
		return false;
	for (size_t i = 0; i < w.n; i++)
		if (w.p[i] != 'x' && w.p[i] != 'X')
			return false;
	return true;
}

/* Does the bracketed note that ends with word @w say words were taken
 * out ("removed]", "REDACTED].")? */
static bool ends_removal_note(struct str w)
{
	static const char *const said[] = { "removed", "redacted", "withheld", "deleted" };

	while (w.n && w.p[w.n - 1] != ']')
		w.n--;
	if (!w.n)
		return false;
	w.n--;
	for (size_t i = 0; i < sizeof(said) / sizeof(*said); i++)
		if (str_iends(w, said[i]))
			return true;
	return false;
}

static void add_word(struct compare *cmp, struct cmp_side *s, struct str w)
{
	struct cmp_tok *t;

	grow_array((void **)&s->t, &s->capt, s->nt + 1, sizeof(*s->t));
	t = &s->t[s->nt++];
	memset(t, 0, sizeof(*t));
	t->raw = w;
	if (compare_is_xword(w)) {
		/* x's stand for words whatever their number or case */
		struct str core = core_of(w);
		size_t pre = (size_t)(core.p - w.p), post = w.n - pre - core.n;
		char *m = arena_alloc(&cmp->arena, pre + 3 + post + 1);

		memcpy(m, w.p, pre);
		memcpy(m + pre, "xxx", 3);
		memcpy(m + pre + 3, core.p + core.n, post);
		m[pre + 3 + post] = '\0';
		t->norm = str_make(m, pre + 3 + post);
	} else {
		t->norm = normalise(&cmp->arena, w, s->b[s->nb - 1].kind == CB_SUBJECT || s->b[s->nb - 1].kind == CB_SIGNER);
	}
	t->h = hash64(t->norm.p, t->norm.n, HASH_START);
	t->block = (uint32_t)s->nb - 1;
}

/* The words of @text: between blanks, line ends and no-break spaces. */
static size_t blank_at(struct str t, size_t i)
{
	if (is_space((unsigned char)t.p[i]))
		return 1;
	if ((unsigned char)t.p[i] == 0xC2 && i + 1 < t.n && (unsigned char)t.p[i + 1] == 0xA0)
		return 2;
	return 0;
}

static void add_words(struct compare *cmp, struct cmp_side *s, struct str text)
{
	size_t i = 0, b;

	while (i < text.n) {
		size_t j = i;

		if ((b = blank_at(text, i)) != 0) {
			i += b;
			continue;
		}
		while (j < text.n && !blank_at(text, j))
			j++;
		add_word(cmp, s, str_make(text.p + i, j - i));
		i = j;
	}
}

static struct cmp_block *open_block(struct cmp_side *s, enum cmp_block_kind kind)
{
	struct cmp_block *b;

	grow_array((void **)&s->b, &s->capb, s->nb + 1, sizeof(*s->b));
	b = &s->b[s->nb++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->t0 = s->nt;
	return b;
}

static uint32_t lines_of(const struct cable *c, struct span at)
{
	uint32_t n = 1;

	if (at.off >= c->text.n || at.len > c->text.n - at.off)
		return 0;
	for (uint32_t i = 0; i < at.len; i++)
		n += c->text.p[at.off + i] == '\n';
	return n;
}

static void close_block(struct cmp_side *s)
{
	struct cmp_block *b = &s->b[s->nb - 1];

	b->t1 = s->nt;
	b->h = HASH_START;
	b->hraw = HASH_START;
	for (size_t i = b->t0; i < b->t1; i++) {
		b->h = hash64(s->t[i].norm.p, s->t[i].norm.n, b->h) * 31 + 1;
		b->hraw = hash64(s->t[i].raw.p, s->t[i].raw.n, b->hraw) * 31 + 1;
	}
	if (b->t1 > b->t0)
		s->t[b->t0].block_start = true;
}

static void text_block(struct compare *cmp, struct cmp_side *s, enum cmp_block_kind kind, const char *label,
		       struct str text)
{
	struct cmp_block *b;

	if (!text.n)
		return;
	b = open_block(s, kind);
	snprintf(b->label, sizeof(b->label), "%s", label);
	add_words(cmp, s, text);
	close_block(s);
}

/* A paragraph's number written with a sign (¶, \P, PARA), not as "1.":
 * the sign before its number in the source, or in the number as kept. */
static bool pilcrow_number(const struct cable *c, const struct paragraph *p)
{
	struct str n = p->number_as_written;

	if (p->at.off < c->text.n && p->at.len <= c->text.n - p->at.off) {
		struct str s = str_make(c->text.p + p->at.off, p->at.len < 12 ? p->at.len : 12);

		if (str_find(s, "\xC2\xB6") >= 0 || str_find(s, "\\P") >= 0 || str_istarts(s, "PARA"))
			return true;
	}
	return n.n && !is_digit((unsigned char)n.p[0]);
}

static void mark_redactions(struct cmp_side *s)
{
	for (size_t i = 0; i < s->nt; i++) {
		struct cmp_tok *t = &s->t[i];

		if (compare_is_xword(t->raw)) {
			t->redact = true;
		} else if (t->raw.n && t->raw.p[0] == '[') {
			/* "[Source removed]": a note of a few words */
			for (size_t j = i; j < s->nt && j < i + 6; j++) {
				if (j > i && s->t[j].block_start)
					break;
				if (memchr(s->t[j].raw.p, ']', s->t[j].raw.n)) {
					if (ends_removal_note(s->t[j].raw))
						for (size_t k = i; k <= j; k++)
							s->t[k].redact = true;
					break;
				}
			}
		}
	}
	for (size_t i = 0; i < s->nt; i++) {
		struct cmp_tok *t = &s->t[i];

		t->run_start = t->redact && (t->block_start || i == 0 || !s->t[i - 1].redact);
		s->runs += t->run_start;
	}
}

static void cut_side(struct compare *cmp, struct cmp_side *s, const struct cable *c)
{
	int section = -1;

	s->c = c;
	text_block(cmp, s, CB_SUBJECT, "Subject", c->subject.text);
	for (size_t i = 0; i < c->nparas; i++) {
		const struct paragraph *p = &c->paras[i];
		struct cmp_block *b;

		if (p->section >= 0 && p->section != section && (size_t)p->section < c->nsections) {
			char label[sizeof(b->label)];
			struct str t = c->sections[p->section].title;

			snprintf(label, sizeof(label), "§ %.*s", (int)(t.n > 40 ? 40 : t.n), t.p);
			/* the label's cut must not split a character */
			label[utf8_drop_partial(label, strlen(label))] = '\0';
			text_block(cmp, s, CB_SECTION, label, t);
		}
		section = p->section;
		b = open_block(s, CB_PARA);
		b->p = p;
		snprintf(b->label, sizeof(b->label), "¶%s", p->address);
		b->lines = lines_of(c, p->at);
		b->pilcrow = pilcrow_number(c, p);
		if (p->marking_as_written.n) {
			char *m = arena_alloc(&cmp->arena, p->marking_as_written.n + 3);

			m[0] = '(';
			memcpy(m + 1, p->marking_as_written.p, p->marking_as_written.n);
			m[p->marking_as_written.n + 1] = ')';
			m[p->marking_as_written.n + 2] = '\0';
			add_word(cmp, s, str_make(m, p->marking_as_written.n + 2));
		}
		add_words(cmp, s, p->text);
		close_block(s);
	}
	/* no paragraph found: the whole text, as one block */
	if (!c->nparas)
		text_block(cmp, s, CB_TEXT, "Text", c->text);
	if (c->ntrailer) {
		open_block(s, CB_TRAILER);
		snprintf(s->b[s->nb - 1].label, sizeof(s->b[0].label), "Trailer");
		for (size_t i = 0; i < c->ntrailer; i++)
			add_words(cmp, s, c->trailer[i].text);
		close_block(s);
		if (s->b[s->nb - 1].t1 == s->b[s->nb - 1].t0)
			s->nb--;
	}
	text_block(cmp, s, CB_SIGNER, "Signer", c->signer.text);
	mark_redactions(s);
}

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
		ca += straight_quote(a.p + i, a.n - i) != 0;
	for (size_t i = 0; i < b.n; i++)
		cb += straight_quote(b.p + i, b.n - i) != 0;
	return ca > cb ? ca - cb : cb > ca ? cb - ca : 1;
}

/* Are @a and @b the same once their quotes are made straight? */
static bool same_but_quotes(struct str a, struct str b)
{
	size_t i = 0, j = 0;

	while (i < a.n && j < b.n) {
		char qa = straight_quote(a.p + i, a.n - i), qb = straight_quote(b.p + j, b.n - j);

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
	return hash64(b->label, strlen(b->label), HASH_START + (uint64_t)b->kind * 7919);
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
	cut_side(cmp, &cmp->a, a);
	cut_side(cmp, &cmp->b, b);
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

/* A redaction among the words of @text: x's, or a note in brackets that
 * ends with removed (a few words at most). */
static bool text_redacted(struct str text)
{
	size_t i = 0, open = SIZE_MAX, words = 0;

	while (i < text.n) {
		size_t j = i, b = blank_at(text, i);
		struct str w;

		if (b) {
			i += b;
			continue;
		}
		while (j < text.n && !blank_at(text, j))
			j++;
		w = str_make(text.p + i, j - i);
		if (compare_is_xword(w))
			return true;
		if (w.p[0] == '[') {
			open = i;
			words = 0;
		}
		if (open != SIZE_MAX && ++words <= 6 && memchr(w.p, ']', w.n)) {
			if (ends_removal_note(w))
				return true;
			open = SIZE_MAX;
		}
		i = j;
	}
	return false;
}

bool compare_has_redaction(const struct cable *c)
{
	if (text_redacted(c->subject.text) || text_redacted(c->signer.text))
		return true;
	for (size_t i = 0; i < c->nsections; i++)
		if (text_redacted(c->sections[i].title))
			return true;
	for (size_t i = 0; i < c->nparas; i++)
		if (text_redacted(c->paras[i].text))
			return true;
	for (size_t i = 0; i < c->ntrailer; i++)
		if (text_redacted(c->trailer[i].text))
			return true;
	return false;
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
