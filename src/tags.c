/* tags.c -- the TAGS vocabulary */
#include "config.h"
#include "tags.h"

#include <string.h>

static int cmp_tag(struct str a, const char *b)
{
	size_t i;

	for (i = 0; i < a.n && b[i]; i++) {
		int x = to_upper((unsigned char)a.p[i]), y = (unsigned char)b[i];

		if (x != y)
			return x - y;
	}
	if (i < a.n)
		return 1;
	return b[i] ? -1 : 0;
}

const struct tag_entry *tags_lookup(struct str tag)
{
	size_t lo = 0, hi = tag_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_tag(tag, tag_table[mid].tag);

		if (c == 0)
			return &tag_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t tags_multiword(const struct str *words, size_t n)
{
	size_t best = 0;

	static size_t multi[64], nmulti;
	static bool indexed;

	if (n < 2)
		return 0;
	if (!indexed) {
		/* the few multi-word tags, found once */
		for (size_t t = 0; t < tag_count && nmulti < 64; t++)
			if (strchr(tag_table[t].tag, ' '))
				multi[nmulti++] = t;
		indexed = true;
	}
	for (size_t m = 0; m < nmulti; m++) {
		const char *p = tag_table[multi[m]].tag;
		size_t k = 0;
		bool ok = true;

		while (ok) {
			size_t len = strcspn(p, " ");

			if (k >= n || words[k].n != len) {
				ok = false;
				break;
			}
			for (size_t i = 0; i < len && ok; i++)
				ok = to_upper((unsigned char)words[k].p[i]) == (unsigned char)p[i];
			if (!ok)
				break;
			k++;
			p += len;
			if (!*p)
				break;
			p++;
		}
		if (ok && k > best)
			best = k;
	}
	return best;
}
