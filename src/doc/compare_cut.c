/* compare_cut.c -- a text of a cable cut for the comparison (compare.h):
 * its blocks (the subject, section titles, paragraphs with their marking,
 * the trailer, the signer, or the whole text), each block's words with
 * their form as compared (quotes made straight, x's as one, the subject's
 * and signer's case folded), and its redaction runs. */
#include "config.h"
#include "doc/compare_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* ------------------------------------------------------------ words */

uint64_t compare_hash(const char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}


/* The quote of the three bytes at @p made straight, or 0. */
char compare_straight_quote(const char *p, size_t left)
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
		any = compare_straight_quote(w.p + i, w.n - i) != 0;
	for (size_t i = 0; i < w.n && fold && !any; i++)
		any = is_upper((unsigned char)w.p[i]);
	if (!any)
		return w;
	out = arena_alloc(ar, w.n + 1);
	for (size_t i = 0; i < w.n; i++) {
		char q = compare_straight_quote(w.p + i, w.n - i);

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
	t->h = compare_hash(t->norm.p, t->norm.n, HASH_START);
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
		b->h = compare_hash(s->t[i].norm.p, s->t[i].norm.n, b->h) * 31 + 1;
		b->hraw = compare_hash(s->t[i].raw.p, s->t[i].raw.n, b->hraw) * 31 + 1;
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

void compare_cut_side(struct compare *cmp, struct cmp_side *s, const struct cable *c)
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

