/* fts_query.c -- a filter's words as FTS5 queries: each phrase its words
 * in quotes (the index's tokenizer splits them as the matching rules do),
 * | between phrases OR, a final * a prefix; near= as NEAR().  And the
 * markings of a row as the index keeps them (its column m: a word a level,
 * lvs, a word a caveat, cvnoforn), with para= as questions on them. */
#include "config.h"
#include "corpus/fts/fts.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "doc/marking.h"

bool fts_query(const char *pattern, char *out, size_t n)
{
	struct buf q = { 0 };
	const char *p = pattern;
	bool ok = true;

	if (strncmp(p, "(?-i)", 5) == 0)
		return false;   /* case asked for: the index folds it */
	while (ok) {
		const char *bar = strchr(p, '|'), *end = bar ? bar : p + strlen(p);
		size_t words = 0;
		bool prefix = false;

		if (q.n)
			buf_adds(&q, " OR ");
		buf_addc(&q, '"');
		for (const char *s = p; s < end && ok;) {
			size_t w = text_word_char(s, (size_t)(end - s));

			if (!w) {
				if (*s == '*')
					ok = words > 0 && !prefix && (s + 1 == end || text_word_char(s + 1, (size_t)(end - s - 1)) == 0);
				if (*s == '*')
					prefix = true;
				s++;
				continue;
			}
			if (prefix)
				ok = false;     /* a prefix before another word: the index cannot */
			if (words++)
				buf_addc(&q, ' ');
			while (s < end && (w = text_word_char(s, (size_t)(end - s))) > 0) {
				buf_add(&q, s, w);
				s += w;
			}
		}
		buf_addc(&q, '"');
		if (prefix)
			buf_addc(&q, '*');
		if (!words)
			ok = false;
		if (!bar)
			break;
		p = bar + 1;
	}
	ok = ok && q.n < n;
	if (ok)
		snprintf(out, n, "%s", q.p);
	buf_free(&q);
	return ok;
}

bool fts_near_query(const char *words, int dist, char *out, size_t n)
{
	struct buf q = { 0 };
	bool ok = strncmp(words, "(?-i)", 5) != 0;

	buf_adds(&q, "NEAR(");
	for (const char *w = words; *w && ok;) {
		const char *e = w + strcspn(w, " \t");
		size_t k;

		if (e == w) {
			w++;
			continue;
		}
		if (q.n > 5)
			buf_addc(&q, ' ');
		buf_addc(&q, '"');
		for (const char *s = w; s < e; s += k) {
			k = text_word_char(s, (size_t)(e - s));
			if (!k) {
				/* only a * at the end: a prefix */
				ok = *s == '*' && s + 1 == e;
				break;
			}
			buf_add(&q, s, k);
		}
		buf_addc(&q, '"');
		if (e > w && e[-1] == '*')
			buf_addc(&q, '*');
		w = e;
	}
	buf_printf(&q, ", %d)", dist);
	ok = ok && q.n < n;
	if (ok)
		snprintf(out, n, "%s", q.p);
	buf_free(&q);
	return ok;
}

/* The word of level @l (after @prefix: "u" for a cable's paragraphs
 * together), and of caveat @bit, in the column m. */
static void level_word_of(struct buf *b, const char *prefix, int l)
{
	buf_adds(b, prefix);
	buf_adds(b, "lv");
	for (const char *p = level_abbrev((enum level)l); *p; p++)
		buf_addc(b, (char)(*p | 0x20));
}

static void level_word(struct buf *b, int l)
{
	level_word_of(b, "", l);
}

static void caveat_word(struct buf *b, unsigned bit)
{
	buf_adds(b, "cv");
	for (const char *p = caveat_name(bit); *p; p++)
		if (*p != ' ')
			buf_addc(b, (char)(*p | 0x20));
}

void fts_marks_text(struct row_marks m, struct buf *out)
{
	buf_clear(out);
	for (int l = LEVEL_U; l < LEVEL_COUNT; l++)
		if (m.levels >> l & 1) {
			if (out->n)
				buf_addc(out, ' ');
			level_word(out, l);
		}
	for (unsigned bit = 1; bit && bit <= CAVEAT_REL; bit <<= 1)
		if (m.caveats & bit) {
			if (out->n)
				buf_addc(out, ' ');
			caveat_word(out, bit);
		}
	buf_addc(out, '\0');
	out->n--;
}

void fts_union_text(struct row_marks m, struct buf *out)
{
	for (int l = LEVEL_U; l < LEVEL_COUNT; l++)
		if (m.levels >> l & 1) {
			if (out->n)
				buf_addc(out, ' ');
			level_word_of(out, "u", l);
		}
}

/* para= term @t as a question on the column m: each alternative its
 * levels ORed, and its caveats; the alternatives ORed.  @whole: of the
 * cable's paragraphs together (row 0's words), when no alternative has a
 * caveat (a caveat must be of the paragraph of the level). */
static bool para_query(const struct cf_term *t, struct buf *out, bool whole)
{
	enum cf_op op = t->op == CF_NE ? CF_EQ : t->op;

	buf_addc(out, '(');
	for (size_t k = 0; k < t->nalt; k++) {
		const struct cf_alt *a = &t->alt[k];
		size_t levels = 0;

		buf_adds(out, k ? " OR ((" : "((");
		for (int l = LEVEL_U; l < LEVEL_COUNT; l++) {
			bool in = op == CF_EQ ? l == a->level : op == CF_LT ? l < a->level : op == CF_LE ? l <= a->level
				: op == CF_GT ? l > a->level : op == CF_GE && l >= a->level;

			if (!in)
				continue;
			if (levels++)
				buf_adds(out, " OR ");
			level_word_of(out, whole ? "u" : "", l);
		}
		if (!levels)
			return false;   /* para>TS: no level is */
		buf_addc(out, ')');
		for (unsigned bit = 1; bit && bit <= CAVEAT_REL; bit <<= 1)
			if (a->caveat & bit) {
				buf_adds(out, " AND ");
				caveat_word(out, bit);
			}
		buf_addc(out, ')');
	}
	buf_addc(out, ')');
	return true;
}

bool fts_para_query(const struct cf_term *t, char *out, size_t n)
{
	struct buf q = { 0 };
	bool ok, whole = true;

	for (size_t k = 0; k < t->nalt; k++)
		whole = whole && !t->alt[k].caveat;
	buf_adds(&q, "m : ");
	ok = para_query(t, &q, whole) && q.n < n;
	if (ok)
		snprintf(out, n, "%.*s", (int)q.n, q.p);
	buf_free(&q);
	return ok;
}

bool fts_row_condition(const struct cfilter *f, char *out, size_t n)
{
	struct buf q = { 0 };
	bool ok = true;

	for (size_t i = 0; i < f->n && ok; i++) {
		const struct cf_term *t = &f->terms[i];

		if (t->field != CF_PARA || t->negate || t->op == CF_NE)
			continue;
		buf_adds(&q, q.n ? " AND m : " : "m : ");
		ok = para_query(t, &q, false);
	}
	ok = ok && q.n < n;
	if (ok)
		snprintf(out, n, "%.*s", (int)q.n, q.p ? q.p : "");
	buf_free(&q);
	return ok;
}
