/* str.c -- counted string helpers */
#include "config.h"
#include "base/str.h"

bool str_next_word(struct str *rest, struct str *word)
{
	size_t i = 0, j;

	while (i < rest->n && (rest->p[i] == ' ' || rest->p[i] == '\t'))
		i++;
	if (i == rest->n) {
		*rest = str_make(rest->p + i, 0);
		return false;
	}
	j = i;
	while (j < rest->n && rest->p[j] != ' ' && rest->p[j] != '\t')
		j++;
	*word = str_make(rest->p + i, j - i);
	*rest = str_make(rest->p + j, rest->n - j);
	return true;
}

struct str str_trim(struct str s)
{
	while (s.n && is_space((unsigned char)s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && is_space((unsigned char)s.p[s.n - 1]))
		s.n--;
	return s;
}

/* Is byte @x @y, or, @y a letter, that letter in the other case?  The
 * same byte first (the parser's words and most headers are capitals);
 * setting 0x20 makes only the two cases of a letter one byte. */
static inline bool same_folded(unsigned char x, unsigned char y)
{
	return x == y || (is_alpha(y) && (x | 0x20) == (y | 0x20));
}

bool str_ieq(struct str a, const char *b)
{
	size_t i;

	/* no strlen: word lists are matched against every line */
	for (i = 0; i < a.n; i++)
		if (!b[i] || !same_folded((unsigned char)a.p[i], (unsigned char)b[i]))
			return false;
	return b[i] == '\0';
}

bool str_iends(struct str s, const char *suffix)
{
	size_t n = strlen(suffix);

	return s.n >= n && str_ieq(str_make(s.p + s.n - n, n), suffix);
}

bool str_one_edit(struct str a, const char *b)
{
	size_t bn = strlen(b), i = 0, j = 0, edits = 0;

	if (a.n > bn + 1 || bn > a.n + 1)
		return false;
	while (i < a.n && j < bn && edits <= 1) {
		if (to_upper((unsigned char)a.p[i]) == (unsigned char)b[j]) {
			i++;
			j++;
			continue;
		}
		edits++;
		if (a.n > bn)
			i++;
		else if (bn > a.n)
			j++;
		else {
			i++;
			j++;
		}
	}
	edits += (a.n - i) + (bn - j);
	return edits == 1;
}

size_t str_count_lower(struct str s, size_t enough)
{
	size_t n = 0;

	for (size_t i = 0; i < s.n && n < enough; i++)
		n += is_lower((unsigned char)s.p[i]);
	return n;
}

bool str_ieq_any(struct str s, const char *const *words, size_t n)
{
	/* the first letters first: most words of a list differ there.  A
	 * letter is matched in either case by setting 0x20 on both sides
	 * (only the two cases of a letter become the same byte); any other
	 * byte only by itself */
	unsigned char c0 = s.n ? (unsigned char)s.p[0] : 0, fold = is_alpha(c0) ? 0x20 : 0;

	c0 |= fold;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)words[i][0] | fold) == c0 && str_ieq(s, words[i]))
			return true;
	return false;
}

bool str_istarts(struct str s, const char *prefix)
{
	size_t i;

	/* no strlen: this runs at every position of every header line */
	for (i = 0; prefix[i]; i++)
		if (i >= s.n || !same_folded((unsigned char)s.p[i], (unsigned char)prefix[i]))
			return false;
	return true;
}

long str_ifind(struct str s, const char *needle)
{
	size_t n = strlen(needle);
	int first;

	if (n == 0)
		return 0;
	first = to_upper((unsigned char)needle[0]);
	for (size_t i = 0; i + n <= s.n; i++)
		if (to_upper((unsigned char)s.p[i]) == first &&
		    str_istarts(str_make(s.p + i + 1, s.n - i - 1), needle + 1))
			return (long)i;
	return -1;
}

long str_find(struct str s, const char *needle)
{
	size_t n = strlen(needle);
	const char *q;

	if (n == 0)
		return 0;
	if (!s.n)
		return -1;
	/* memmem: linear, where a loop of memchr and memcmp slows on a common first byte */
	q = memmem(s.p, s.n, needle, n);
	return q ? (long)(q - s.p) : -1;
}
