/* sentences.c -- a paragraph's sentences (sentences.h).  Hand-written:
 * libunistring's word and line breaking know nothing of sentences, and a
 * general sentence breaker does not know that "Dep. FM" or "U.S." go on. */
#include "config.h"
#include "doc/sentences.h"

#include <string.h>
#include <strings.h>

#include "base/buf.h"

/* Words that end in a full stop and do not end a sentence, as cables write
 * them (compared without case, the stop left out). */
static const char *const abbreviations[] = {
	"adm", "amb", "apr", "assoc", "asst", "aug", "brig", "capt", "cdr", "cmdr", "co", "col", "corp", "cpl",
	"dec", "dep", "dept", "dir", "dr", "e.g", "esp", "etc", "feb", "fig", "gen", "gov", "govt", "hon", "i.e",
	"inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "msgr", "no",
	"nos", "nov", "oct", "para", "paras", "pp", "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept",
	"sgt", "sr", "st", "supt", "u.k", "u.n", "u.s", "u.s.g", "usg", "vs", "viz",
};

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does the word that ends at @end (the byte before the stop) keep the
 * sentence going: an abbreviation, an initial, a list's number or letter? */
static int keeps_going(struct str t, size_t end, size_t sentence_start)
{
	size_t w = end;
	char word[16];
	size_t n;

	while (w > sentence_start && !is_blank((unsigned char)t.p[w - 1]) && t.p[w - 1] != '(' && t.p[w - 1] != '"')
		w--;
	n = end - w;
	if (n == 0)
		return 0;
	/* an initial (J.), a dotted abbreviation (U.S.) */
	if (n == 1 && is_upper((unsigned char)t.p[w]))
		return 1;
	if (n >= 3 && t.p[end - 2] == '.' && is_alpha((unsigned char)t.p[end - 1]))
		return 1;
	/* a list's number or letter opening the sentence: "1.", "b." */
	if (w == sentence_start && n <= 3) {
		size_t k = w;

		while (k < end && t.p[k] >= '0' && t.p[k] <= '9')
			k++;
		if (k == end || (n == 1 && is_alpha((unsigned char)t.p[w])))
			return 1;
	}
	if (n >= sizeof(word))
		return 0;
	memcpy(word, t.p + w, n);
	word[n] = '\0';
	for (size_t i = 0; i < sizeof(abbreviations) / sizeof(abbreviations[0]); i++)
		if (strcasecmp(word, abbreviations[i]) == 0)
			return 1;
	return 0;
}

/* What may start a sentence after the blanks that follow a stop. */
static int opens(int c)
{
	return is_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == '(' || c == '[' || c == '\'' || c >= 0x80;
}

size_t sentences_split(struct str t, struct sentence *out, size_t max)
{
	size_t n = 0, i = 0, start;

	while (i < t.n && is_blank((unsigned char)t.p[i]))
		i++;
	start = i;
	while (i < t.n) {
		char c = t.p[i];
		size_t end, next;

		if (c != '.' && c != '?' && c != '!') {
			i++;
			continue;
		}
		end = i + 1;
		/* the closing quotes and brackets go with the sentence */
		while (end < t.n && (t.p[end] == '"' || t.p[end] == ')' || t.p[end] == '\'' || t.p[end] == ']'))
			end++;
		next = end;
		while (next < t.n && is_blank((unsigned char)t.p[next]))
			next++;
		if ((next < t.n && (next == end || !opens((unsigned char)t.p[next]))) ||
		    (c == '.' && keeps_going(t, i, start))) {
			i = end;
			continue;
		}
		if (n < max)
			out[n] = (struct sentence){ start, end - start };
		n++;
		i = start = next;
	}
	/* the words after the last stop are a sentence too */
	if (start < t.n) {
		size_t end = t.n;

		while (end > start && is_blank((unsigned char)t.p[end - 1]))
			end--;
		if (end > start) {
			if (n < max)
				out[n] = (struct sentence){ start, end - start };
			n++;
		}
	}
	return n;
}

void sentences_quote(struct buf *out, struct str s, int apostrophes)
{
	int blank = 0;

	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];

		if (is_blank((unsigned char)c)) {
			blank = 1;
			continue;
		}
		if (blank && out->n)
			buf_addc(out, ' ');
		blank = 0;
		/* "Cabinet,s decision": the telegraph's apostrophe */
		if (apostrophes && c == ',' && i > 0 && is_alpha((unsigned char)s.p[i - 1]) && i + 1 < s.n &&
		    s.p[i + 1] == 's' && (i + 2 >= s.n || !is_alpha((unsigned char)s.p[i + 2])))
			c = '\'';
		buf_addc(out, c);
	}
}
