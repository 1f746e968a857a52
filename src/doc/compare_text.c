/* compare_text.c -- a comparison said: its summary line, the labels of its
 * hunks, and the text for pipes in the manner of git diff --word-diff. */
#include "config.h"
#include "doc/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

/* Blocks b0 to b1 named by their paragraphs when they hold some (a
 * section title is named by its paragraphs), else by their labels. */
static void block_range(const struct cmp_side *s, size_t b0, size_t b1, struct buf *out)
{
	size_t p0 = b0, p1 = b1;

	if (b0 >= b1) {
		buf_adds(out, "—");
		return;
	}
	while (p0 < b1 && s->b[p0].kind != CB_PARA)
		p0++;
	while (p1 > p0 && s->b[p1 - 1].kind != CB_PARA)
		p1--;
	if (p0 < p1 && (s->b[b0].kind == CB_SECTION || s->b[b1 - 1].kind == CB_SECTION)) {
		b0 = p0;
		b1 = p1;
	}
	text_sanitize(str_c(s->b[b0].label), out, 0);
	if (b1 - b0 > 1) {
		buf_adds(out, "–");
		text_sanitize(str_c(s->b[b1 - 1].label), out, 0);
	}
}

void compare_hunk_label(const struct compare *cmp, const struct cmp_hunk *h, struct buf *out)
{
	bool same = h->a1 - h->a0 == h->b1 - h->b0;

	for (size_t i = 0; same && i < h->a1 - h->a0; i++)
		same = strcmp(cmp->a.b[h->a0 + i].label, cmp->b.b[h->b0 + i].label) == 0;
	if (h->kind == CMP_WITHHELD || (same && h->a1 > h->a0)) {
		block_range(&cmp->a, h->a0, h->a1, out);
	} else if (h->kind == CMP_ADDED) {
		block_range(&cmp->b, h->b0, h->b1, out);
	} else {
		block_range(&cmp->a, h->a0, h->a1, out);
		buf_adds(out, " → ");
		block_range(&cmp->b, h->b0, h->b1, out);
	}
}

/* The blocks of a side that keep none of their words. */
static uint8_t *gone_blocks(const struct compare *cmp, bool side_b)
{
	const struct cmp_side *s = side_b ? &cmp->b : &cmp->a;
	uint8_t *gone = xcalloc(s->nb + 1, 1);

	for (size_t k = 0; k < cmp->nh; k++) {
		const struct cmp_hunk *h = &cmp->h[k];
		size_t b0 = side_b ? h->b0 : h->a0, b1 = side_b ? h->b1 : h->a1;

		if (h->kind == CMP_SAME || h->kind == CMP_LAYOUT)
			continue;
		for (size_t b = b0; b < b1; b++)
			gone[b] = s->b[b].t1 > s->b[b].t0;
		for (size_t i = h->e0; i < h->e1; i++) {
			const struct cmp_edit *e = &cmp->e[i];
			size_t t0 = side_b ? e->b0 : e->a0, t1 = side_b ? e->b1 : e->a1;

			if (e->op != OP_SAME)
				continue;
			for (size_t t = t0; t < t1; t++)
				gone[s->t[t].block] = 0;
		}
	}
	return gone;
}

/* "¶1, ¶3–¶5": the paragraphs flagged, runs of neighbours joined. */
static size_t list_paras(const struct cmp_side *s, const uint8_t *flag, struct buf *out)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nb; i++) {
		size_t j = i;

		if (!flag[i] || s->b[i].kind != CB_PARA)
			continue;
		/* the run goes on over flagged paragraphs and the section
		 * titles between them */
		for (size_t k = i + 1; k < s->nb && (flag[k] || s->b[k].kind == CB_SECTION); k++)
			if (flag[k] && s->b[k].kind == CB_PARA)
				j = k;
		buf_adds(out, n++ ? ", " : "");
		text_sanitize(str_c(s->b[i].label), out, 0);
		if (j > i) {
			buf_adds(out, "–");
			text_sanitize(str_c(s->b[j].label), out, 0);
		}
		i = j;
	}
	return n;
}

static void sep(struct buf *out, size_t start)
{
	if (out->n > start)
		buf_adds(out, "; ");
}

static const char *plural(size_t n, const char *one, const char *more)
{
	return n == 1 ? one : more;
}

static void said_redactions(const struct compare *cmp, struct buf *out, size_t start)
{
	for (size_t k = 0; k < cmp->nh; k++) {
		const struct cmp_hunk *h = &cmp->h[k];

		if (!h->added && !h->lifted)
			continue;
		sep(out, start);
		compare_hunk_label(cmp, h, out);
		buf_adds(out, ": ");
		if (h->added)
			buf_printf(out, "%zu %s added", h->added, plural(h->added, "redaction", "redactions"));
		if (h->added && h->lifted)
			buf_adds(out, ", ");
		if (h->lifted)
			buf_printf(out, "%zu %s lifted", h->lifted, plural(h->lifted, "redaction", "redactions"));
	}
}

/* Words that changed otherwise than into a redaction or out of one. */
static bool plain_change(const struct compare *cmp, const struct cmp_hunk *h)
{
	size_t ins_plain = 0, del_plain = 0;

	for (size_t i = h->e0; i < h->e1; i++) {
		const struct cmp_edit *e = &cmp->e[i];

		for (size_t t = e->b0; e->op == OP_INS && t < e->b1; t++)
			ins_plain += !cmp->b.t[t].redact;
		for (size_t t = e->a0; e->op == OP_DEL && t < e->a1; t++)
			del_plain += !cmp->a.t[t].redact;
	}
	/* words out with a redaction in: redacted; without: changed */
	return ins_plain || (del_plain && !h->added);
}

static void said_words(const struct compare *cmp, const uint8_t *gone_a, const uint8_t *gone_b, struct buf *out,
		       size_t start)
{
	size_t n = 0;

	for (size_t k = 0; k < cmp->nh; k++) {
		const struct cmp_hunk *h = &cmp->h[k];
		bool partial = false;

		if (h->kind == CMP_WHOLE) {
			sep(out, start);
			compare_hunk_label(cmp, h, out);
			buf_adds(out, ": too long to compare word by word");
			continue;
		}
		if (h->kind != CMP_CHANGED)
			continue;
		/* words changed in a block that keeps some: not said by
		 * withheld or only-in */
		for (size_t b = h->a0; b < h->a1 && !partial; b++)
			partial = !gone_a[b];
		for (size_t b = h->b0; b < h->b1 && !partial; b++)
			partial = !gone_b[b];
		if (!partial || (h->del + h->ins == 0) || !plain_change(cmp, h))
			continue;
		if (!n++) {
			sep(out, start);
			buf_adds(out, "words changed in ");
		} else {
			buf_adds(out, ", ");
		}
		compare_hunk_label(cmp, h, out);
	}
}

void compare_summary(const struct compare *cmp, struct buf *out, const char *na, const char *nb)
{
	size_t start = out->n;
	uint8_t *gone_a = gone_blocks(cmp, false), *gone_b = gone_blocks(cmp, true);
	struct buf list = { 0 };

	said_redactions(cmp, out, start);
	if (list_paras(&cmp->a, gone_a, &list)) {
		sep(out, start);
		buf_printf(out, "%s withheld in %s", list.p, nb);
	}
	buf_clear(&list);
	if (list_paras(&cmp->b, gone_b, &list)) {
		sep(out, start);
		buf_printf(out, "%s only in %s", list.p, nb);
	}
	said_words(cmp, gone_a, gone_b, out, start);
	if (cmp->same_words) {
		sep(out, start);
		buf_adds(out, "the same words");
	}
	if (cmp->cased) {
		sep(out, start);
		buf_printf(out, "letter case changed in %zu %s of the subject or signer", cmp->cased,
			   plural(cmp->cased, "word", "words"));
	}
	if (cmp->xforms) {
		sep(out, start);
		buf_printf(out, "%zu %s written with other x's", cmp->xforms, plural(cmp->xforms, "redaction", "redactions"));
	}
	if (cmp->quotes) {
		sep(out, start);
		buf_printf(out, "%zu quote %s changed", cmp->quotes, plural(cmp->quotes, "mark", "marks"));
	}
	if (cmp->wrapped) {
		sep(out, start);
		buf_printf(out, "%zu %s wrapped differently", cmp->wrapped, plural(cmp->wrapped, "paragraph", "paragraphs"));
	}
	if (cmp->breaks) {
		sep(out, start);
		buf_printf(out, "paragraph breaks differ in %zu %s", cmp->breaks, plural(cmp->breaks, "place", "places"));
	}
	if (cmp->markers) {
		sep(out, start);
		buf_printf(out, "%zu paragraph %s written ¶ against 1.", cmp->markers,
			   plural(cmp->markers, "number", "numbers"));
	}
	if (cmp->routing_a != cmp->routing_b) {
		sep(out, start);
		buf_printf(out, "routing header only in %s", cmp->routing_a ? na : nb);
	}
	buf_free(&list);
	free(gone_a);
	free(gone_b);
}

/* ------------------------------------------------------------ a hunk shown */

struct walk {
	enum cmp_op open;        /* the marker open, or OP_SAME */
	const char *label;       /* the block label given last */
	compare_piece_fn fn;
	void *ud;
};

static void walk_close(struct walk *w)
{
	if (w->open != OP_SAME)
		w->fn(CP_CLOSE, w->open, STR_NULL, w->ud);
	w->open = OP_SAME;
}

static void walk_word(struct walk *w, enum cmp_op op, const struct cmp_side *s, size_t t, bool label)
{
	const struct cmp_tok *tok = &s->t[t];
	const struct cmp_block *b = &s->b[tok->block];

	if (tok->block_start && label && (!w->label || strcmp(w->label, b->label) != 0)) {
		walk_close(w);
		/* a section's title is its words: the sign alone before them */
		w->fn(CP_LABEL, op, str_c(b->kind == CB_SECTION ? "§" : b->label), w->ud);
		w->label = b->label;
	}
	if (op != w->open) {
		walk_close(w);
		if (op != OP_SAME)
			w->fn(CP_OPEN, op, STR_NULL, w->ud);
		w->open = op;
	}
	w->fn(CP_WORD, op, tok->raw, w->ud);
}

void compare_walk(const struct compare *cmp, const struct cmp_hunk *h, bool layout, compare_piece_fn fn, void *ud)
{
	struct walk w = { OP_SAME, NULL, fn, ud };

	for (size_t i = h->e0; i < h->e1; i++) {
		const struct cmp_edit *e = &cmp->e[i];

		for (size_t t = e->a0; e->op == OP_DEL && t < e->a1; t++)
			walk_word(&w, OP_DEL, &cmp->a, t, true);
		for (size_t t = e->b0; e->op == OP_INS && t < e->b1; t++)
			walk_word(&w, OP_INS, &cmp->b, t, true);
		for (size_t k = 0; e->op == OP_SAME && k < e->a1 - e->a0; k++) {
			size_t ta = e->a0 + k, tb = e->b0 + k;

			if (layout && !str_eq(cmp->a.t[ta].raw, cmp->b.t[tb].raw)) {
				walk_word(&w, OP_DEL, &cmp->a, ta, true);
				walk_word(&w, OP_INS, &cmp->b, tb, !cmp->a.t[ta].block_start);
			} else {
				walk_word(&w, OP_SAME, &cmp->b, tb, true);
			}
		}
	}
	walk_close(&w);
}

/* ------------------------------------------------------------ for pipes */

struct writer {
	struct buf *out;
	enum cmp_piece prev;     /* the piece written last */
	bool first;
};

static void write_piece(enum cmp_piece piece, enum cmp_op op, struct str text, void *ud)
{
	struct writer *w = ud;

	switch (piece) {
	case CP_LABEL:
		if (!w->first)
			buf_addc(w->out, '\n');
		text_sanitize(text, w->out, 0);
		break;
	case CP_OPEN:
		buf_adds(w->out, op == OP_DEL ? " [-" : " {+");
		break;
	case CP_CLOSE:
		buf_adds(w->out, op == OP_DEL ? "-]" : "+}");
		break;
	case CP_WORD:
		if (w->prev != CP_OPEN)
			buf_addc(w->out, ' ');
		/* a cable's word is never written raw to a terminal */
		if (text_is_clean(text, 0))
			buf_addstr(w->out, text);
		else
			text_sanitize(text, w->out, 0);
		break;
	}
	w->prev = piece;
	w->first = false;
}

static void write_hunk(struct writer *w, const struct compare *cmp, const struct cmp_hunk *h, bool layout)
{
	buf_adds(w->out, "@@ ");
	compare_hunk_label(cmp, h, w->out);
	switch (h->kind) {
	case CMP_WITHHELD: buf_adds(w->out, " (withheld)"); break;
	case CMP_ADDED: buf_adds(w->out, " (added)"); break;
	case CMP_WHOLE: buf_adds(w->out, " (too long to compare word by word)"); break;
	case CMP_LAYOUT: buf_adds(w->out, " (layout only)"); break;
	default: break;
	}
	buf_adds(w->out, " @@\n");
	w->first = true;
	w->prev = CP_CLOSE;
	compare_walk(cmp, h, layout, write_piece, w);
	buf_addc(w->out, '\n');
}

void compare_write(const struct compare *cmp, struct buf *out, bool layout)
{
	struct writer w = { out, CP_CLOSE, true };

	for (size_t k = 0; k < cmp->nh; k++) {
		const struct cmp_hunk *h = &cmp->h[k];

		if (h->kind == CMP_SAME || (h->kind == CMP_LAYOUT && !layout))
			continue;
		write_hunk(&w, cmp, h, layout);
	}
}

/* A date in a file's name ("2010-12-03-9b83283.html"), when it has one. */
static bool name_date(const char *name, char out[11])
{
	for (const char *p = name; *p; p++) {
		if (!is_digit((unsigned char)p[0]) || (p > name && is_digit((unsigned char)p[-1])))
			continue;
		if (strlen(p) >= 10 && is_digit((unsigned char)p[1]) && is_digit((unsigned char)p[2]) &&
		    is_digit((unsigned char)p[3]) && p[4] == '-' && is_digit((unsigned char)p[5]) &&
		    is_digit((unsigned char)p[6]) && p[7] == '-' && is_digit((unsigned char)p[8]) &&
		    is_digit((unsigned char)p[9]) && !is_digit((unsigned char)p[10]) &&
		    (p[0] == '1' || p[0] == '2') && (p[5] == '0' || (p[5] == '1' && p[6] <= '2')) && p[8] <= '3') {
			memcpy(out, p, 10);
			out[10] = '\0';
			return true;
		}
	}
	return false;
}

void compare_version_name(struct buf *out, struct str where, enum cable_format format, uint64_t offset,
			  bool whole_path)
{
	char path[4096], date[11];
	const char *base;

	snprintf(path, sizeof(path), "%.*s", (int)(where.n < sizeof(path) ? where.n : sizeof(path) - 1),
		 where.n ? where.p : "");
	if (!*path)
		snprintf(path, sizeof(path), "-");
	base = strrchr(path, '/');
	buf_adds(out, cable_format_name(format));
	if (name_date(base ? base + 1 : path, date))
		buf_printf(out, ", %s", date);
	buf_printf(out, ", %s", whole_path || !base ? path : base + 1);
	if (offset)
		buf_printf(out, " at byte %llu", (unsigned long long)offset);
}
