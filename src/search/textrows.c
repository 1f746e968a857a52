/* textrows.c -- a cable as the rows a text search reads. */
#include "config.h"
#include "search/textrows.h"

#include <string.h>

#include "base/util.h"

static bool ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of a hyphen at @i of @t that joins two letters, the line
 * break after it too ("COUNTER-" at a line's end); @i when none. */
static size_t hyphen_end(struct str t, size_t i)
{
	size_t k = i + 1;
	bool nl = false;

	if (i == 0 || t.p[i] != '-' || !ascii_letter(t.p[i - 1]))
		return i;
	while (k < t.n && (t.p[k] == ' ' || t.p[k] == '\t' || t.p[k] == '\r' || (t.p[k] == '\n' && !nl) ||
			   (nl && t.p[k] == ' '))) {
		nl |= t.p[k] == '\n';
		k++;
	}
	if (k < t.n && ascii_letter(t.p[k]) && (k == i + 1 || nl))
		return k;
	return i;
}

static bool word_byte(char c)
{
	return ascii_letter(c) || (unsigned char)c >= 0x80;
}

/* Words kept on each side of a hyphenated word, written again with it. */
#define WINDOW_WORDS 6

static bool blank_or_punct(char c)
{
	return !word_byte(c) && !(c >= '0' && c <= '9');
}

/* Where the @n-th word before @at starts (0 at the most). */
static size_t words_back(struct str t, size_t at, int n)
{
	while (n-- > 0 && at > 0) {
		while (at > 0 && blank_or_punct(t.p[at - 1]))
			at--;
		while (at > 0 && !blank_or_punct(t.p[at - 1]))
			at--;
	}
	return at;
}

/* Where the @n-th word after @at ends (the text's end at the most). */
static size_t words_on(struct str t, size_t at, int n)
{
	while (n-- > 0 && at < t.n) {
		while (at < t.n && blank_or_punct(t.p[at]))
			at++;
		while (at < t.n && !blank_or_punct(t.p[at]))
			at++;
	}
	return at;
}

/* Appends to @b, for each word of @t that holds a hyphen between two
 * letters, that word without its hyphens and the words around it
 * ("the counter-terrorism unit met" -> "\nthe counterterrorism unit met"),
 * so that the index, which splits at a hyphen, finds the joined word and
 * the phrases around it as the scan does. */
static void joined_words(struct str t, struct buf *b)
{
	size_t done = 0;        /* the text written again so far */

	for (size_t i = 1; i + 1 < t.n; i++) {
		size_t s, e, ws, we;

		if (hyphen_end(t, i) == i)
			continue;
		/* the word around it: letters (and bytes of letters past ASCII) and hyphens */
		s = i;
		while (s > 0 && (word_byte(t.p[s - 1]) || (t.p[s - 1] == '-' && s > 1 && word_byte(t.p[s - 2]))))
			s--;
		e = i;
		while (e < t.n) {
			size_t h = t.p[e] == '-' ? hyphen_end(t, e) : e;

			if (h != e)
				e = h;
			else if (word_byte(t.p[e]))
				e++;
			else
				break;
		}
		ws = words_back(t, s, WINDOW_WORDS);
		we = words_on(t, e, WINDOW_WORDS);
		if (ws < done)
			ws = done;      /* the windows of words close together run on */
		else
			buf_addc(b, '\n');
		for (size_t k = ws; k < we;) {
			size_t h = t.p[k] == '-' ? hyphen_end(t, k) : k;

			if (h != k) {
				k = h;      /* the hyphen, and the line break after it, out */
				continue;
			}
			buf_addc(b, t.p[k] == '\n' ? ' ' : t.p[k]);
			k++;
		}
		done = we;
		i = e;
	}
}

struct str text_row(struct str t, struct buf *b)
{
	size_t at;

	if (!memchr(t.p ? t.p : "", '-', t.n))
		return t;
	buf_clear(b);
	buf_addstr(b, t);
	buf_addc(b, '\n');
	at = b->n;
	joined_words(t, b);
	if (b->n == at)
		return t;
	return buf_str(b);
}

void text_rows(const struct cable *c, struct buf *scratch,
	       bool (*fn)(unsigned row, struct str text, void *ud), void *ud)
{
	struct buf tmp = { 0 };
	size_t np = c->nparas;

	if (np == 0) {
		fn(0, text_row(c->text, scratch), ud);
		return;
	}
	{
		/* the header, and the trailer after the last paragraph */
		const struct span *first = &c->paras[0].at, *last = &c->paras[np - 1].at;
		size_t head = MIN((size_t)first->off, c->text.n);
		size_t tail = MIN((size_t)last->off + last->len, c->text.n);

		buf_clear(&tmp);
		buf_add(&tmp, c->text.p, head);
		buf_addc(&tmp, '\n');
		buf_add(&tmp, c->text.p + tail, c->text.n - tail);
		if (!fn(0, text_row(buf_str(&tmp), scratch), ud))
			goto out;
	}
	for (size_t k = 0; k < np; k++) {
		struct str t = c->paras[k].text;

		if (k + 1 == TEXTROWS_MAX - 1 && np > k + 1) {
			/* the last row takes every paragraph left */
			buf_clear(&tmp);
			for (size_t j = k; j < np; j++) {
				buf_addstr(&tmp, c->paras[j].text);
				buf_adds(&tmp, "\n\n");
			}
			fn((unsigned)(k + 1), text_row(buf_str(&tmp), scratch), ud);
			break;
		}
		if (!fn((unsigned)(k + 1), text_row(t, scratch), ud))
			break;
	}
out:
	buf_free(&tmp);
}

struct row_marks text_para_marks(const struct paragraph *p)
{
	struct row_marks m = { p->marking.level ? 1u << p->marking.level : 0, p->marking.caveats };

	return m;
}

unsigned text_rows_count(const struct cable *c)
{
	return 1 + (unsigned)MIN(c->nparas, (size_t)TEXTROWS_MAX - 1);
}

struct row_marks text_row_marks(const struct cable *c, unsigned row)
{
	struct row_marks m = { 0, 0 };

	if (row == 0 || row > c->nparas)
		return m;
	/* the last row takes every paragraph left */
	for (size_t k = row - 1; k < (row + 1 == TEXTROWS_MAX ? c->nparas : (size_t)row); k++) {
		struct row_marks p = text_para_marks(&c->paras[k]);

		m.levels |= p.levels;
		m.caveats |= p.caveats;
	}
	return m;
}
