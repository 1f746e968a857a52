/* fts_query.c -- a filter's words as FTS5 queries: each phrase its words
 * in quotes (the index's tokenizer splits them as the matching rules do),
 * | between phrases OR, a final * a prefix; near= as NEAR(). */
#include "config.h"
#include "corpus/fts/fts.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"

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

