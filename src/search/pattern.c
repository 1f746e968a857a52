/* pattern.c -- the matching rules, written out as PCRE2 patterns.  Hand-
 * written: PCRE2 has no accent-insensitive matching, and folding every
 * text before matching would cost a copy of the corpus per search and
 * break the offsets the reader highlights. */
#include "config.h"
#include "search/pattern.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"

/* The accented forms of a Latin letter, lower and upper case (UTF-8). */
static const struct {
	char letter;
	const char *lower, *upper;
} accents[] = {
	{ 'a', "\xC3\xA0\xC3\xA1\xC3\xA2\xC3\xA3\xC3\xA4\xC3\xA5\xC4\x81\xC4\x83\xC4\x85",
	  "\xC3\x80\xC3\x81\xC3\x82\xC3\x83\xC3\x84\xC3\x85\xC4\x80\xC4\x82\xC4\x84" },
	{ 'c', "\xC3\xA7\xC4\x87\xC4\x89\xC4\x8B\xC4\x8D", "\xC3\x87\xC4\x86\xC4\x88\xC4\x8A\xC4\x8C" },
	{ 'd', "\xC4\x8F\xC4\x91", "\xC4\x8E\xC4\x90" },
	{ 'e', "\xC3\xA8\xC3\xA9\xC3\xAA\xC3\xAB\xC4\x93\xC4\x95\xC4\x97\xC4\x99\xC4\x9B",
	  "\xC3\x88\xC3\x89\xC3\x8A\xC3\x8B\xC4\x92\xC4\x94\xC4\x96\xC4\x98\xC4\x9A" },
	{ 'g', "\xC4\x9D\xC4\x9F\xC4\xA1\xC4\xA3", "\xC4\x9C\xC4\x9E\xC4\xA0\xC4\xA2" },
	{ 'i', "\xC3\xAC\xC3\xAD\xC3\xAE\xC3\xAF\xC4\xA9\xC4\xAB\xC4\xAD\xC4\xAF\xC4\xB1",
	  "\xC3\x8C\xC3\x8D\xC3\x8E\xC3\x8F\xC4\xA8\xC4\xAA\xC4\xAC\xC4\xAE\xC4\xB0" },
	{ 'l', "\xC4\xBA\xC4\xBC\xC4\xBE\xC5\x82", "\xC4\xB9\xC4\xBB\xC4\xBD\xC5\x81" },
	{ 'n', "\xC3\xB1\xC5\x84\xC5\x86\xC5\x88", "\xC3\x91\xC5\x83\xC5\x85\xC5\x87" },
	{ 'o', "\xC3\xB2\xC3\xB3\xC3\xB4\xC3\xB5\xC3\xB6\xC3\xB8\xC5\x8D\xC5\x8F\xC5\x91",
	  "\xC3\x92\xC3\x93\xC3\x94\xC3\x95\xC3\x96\xC3\x98\xC5\x8C\xC5\x8E\xC5\x90" },
	{ 'r', "\xC5\x95\xC5\x97\xC5\x99", "\xC5\x94\xC5\x96\xC5\x98" },
	{ 's', "\xC5\x9B\xC5\x9D\xC5\x9F\xC5\xA1", "\xC5\x9A\xC5\x9C\xC5\x9E\xC5\xA0" },
	{ 't', "\xC5\xA3\xC5\xA5\xC5\xA7", "\xC5\xA2\xC5\xA4\xC5\xA6" },
	{ 'u', "\xC3\xB9\xC3\xBA\xC3\xBB\xC3\xBC\xC5\xA9\xC5\xAB\xC5\xAD\xC5\xAF\xC5\xB1\xC5\xB3",
	  "\xC3\x99\xC3\x9A\xC3\x9B\xC3\x9C\xC5\xA8\xC5\xAA\xC5\xAC\xC5\xAE\xC5\xB0\xC5\xB2" },
	{ 'y', "\xC3\xBD\xC3\xBF\xC5\xB7", "\xC3\x9D\xC5\xB8\xC5\xB6" },
	{ 'z', "\xC5\xBA\xC5\xBC\xC5\xBE", "\xC5\xB9\xC5\xBB\xC5\xBD" },
};

/* Any of the apostrophes, or a comma between two letters (in expressions). */
#define APOSTROPHE "(?:['\\x{2019}\\x{2018}`\\x{B4}]|(?<=\\pL),(?=\\pL))"
/* A run of blanks and line breaks (in expressions). */
#define BLANKS "[\\s\\x{A0}]+"
/* Between the words of a phrase: whatever is not a word -- blanks, line
 * breaks, punctuation, an apostrophe (Berlusconi's, Berlusconi,s).  The
 * same split as the full-text index's tokenizer (letters and digits make
 * words), so that both give the same answers. */
#define BETWEEN "[^\\pL\\pN]+"
/* Inside a word, between two letters: a hyphen, at a line's end or not
 * (counter-terrorism, counter-\nterrorism are found by counterterrorism). */
#define HYPHEN "(?:-(?:[ \\t]*\\r?\\n\\s*)?)?"

/* Writes ASCII letter @c as the class of its accented forms (or as it is). */
static void letter(struct buf *out, char c, bool in_class)
{
	char low = (char)(c | 0x20);

	for (size_t i = 0; i < sizeof(accents) / sizeof(accents[0]); i++) {
		if (accents[i].letter != low)
			continue;
		if (!in_class)
			buf_addc(out, '[');
		buf_addc(out, c);
		buf_adds(out, c == low ? accents[i].lower : accents[i].upper);
		if (!in_class)
			buf_addc(out, ']');
		return;
	}
	buf_addc(out, c);
}

/* The ASCII letter whose accented form is the UTF-8 @s (@n bytes), or 0. */
static char accented_base(const char *s, size_t n)
{
	if (n != 2)
		return 0;
	for (size_t i = 0; i < sizeof(accents) / sizeof(accents[0]); i++) {
		for (int up = 0; up < 2; up++) {
			const char *forms = up ? accents[i].upper : accents[i].lower;

			for (size_t k = 0; forms[k] && forms[k + 1]; k += 2)
				if (forms[k] == s[0] && forms[k + 1] == s[1])
					return up ? (char)(accents[i].letter - 32) : accents[i].letter;
		}
	}
	return 0;
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Words and phrases, as words: the pattern's letters and digits in order,
 * whatever is not a word between them (one or more of it), from a word's
 * start to a word's end; a * at a word's end is a prefix. */
static void literal(const char *s, struct buf *out, bool ascii)
{
	size_t n = strlen(s);
	bool open = false, gap = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '*' && open) {
			buf_adds(out, "[\\pL\\pN]*");
			continue;
		}
		if (!text_word_char(s + i, n - i)) {
			gap = open;
			continue;
		}
		if (!open)
			buf_adds(out, "(?<![\\pL\\pN])");
		else if (gap)
			buf_adds(out, BETWEEN);
		else if (is_letter(s[i - 1]) && is_letter((char)c))
			buf_adds(out, HYPHEN);
		gap = false;
		open = true;
		if (is_letter((char)c) && ascii)
			buf_addc(out, (char)c);
		else if (is_letter((char)c))
			letter(out, (char)c, false);
		else if (c < 0x80)
			buf_addc(out, (char)c);
		else {
			/* a letter outside ASCII: an accented Latin letter stands for
			 * its letter (Vélez finds VELEZ); another as written
			 * (caseless in PCRE2) */
			size_t k = i + 1;
			char base;

			while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
				k++;
			base = accented_base(s + i, k - i);
			if (base && ascii)
				buf_addc(out, base);
			else if (base)
				letter(out, base, false);
			else
				buf_add(out, s + i, k - i);
			i = k - 1;
		}
	}
	if (open)
		buf_adds(out, "(?![\\pL\\pN])");
	else
		buf_adds(out, "(*FAIL)");
}

/* A regular expression: its letters take their accented forms, its blanks
 * any run of blanks, its apostrophes any apostrophe; escapes, classes'
 * ranges and the (?...) of groups are left as written. */
static void regex(const char *s, struct buf *out)
{
	bool in_class = false;

	for (size_t i = 0; s[i]; i++) {
		char c = s[i];

		if (c == '\\' && s[i + 1]) {
			buf_addc(out, c);
			buf_addc(out, s[++i]);
			/* \p{..}, \x{..}, \N{..}: the braces too */
			if (strchr("pPxNgk", s[i]) && s[i + 1] == '{') {
				while (s[i + 1] && s[i] != '}')
					buf_addc(out, s[++i]);
			}
			continue;
		}
		if (in_class) {
			if (c == ']')
				in_class = false;
			/* a range's ends stay as they are */
			if (is_letter(c) && s[i + 1] != '-' && !(i > 0 && s[i - 1] == '-'))
				letter(out, c, true);
			else
				buf_addc(out, c);
			continue;
		}
		if (c == '[') {
			in_class = true;
			buf_addc(out, c);
			if (s[i + 1] == '^')
				buf_addc(out, s[++i]);
			if (s[i + 1] == ']')
				buf_addc(out, s[++i]);
			continue;
		}
		if (c == '(' && s[i + 1] == '?') {
			/* (?i) (?-i) (?: (?= (?<name> ...: copied to the next ':', ')' or '>' */
			buf_addc(out, c);
			while (s[i + 1] && !strchr(":)>=!", s[i]))
				buf_addc(out, s[++i]);
			continue;
		}
		if (c == '{' ) {
			/* a repeat count */
			while (s[i] && s[i] != '}')
				buf_addc(out, s[i++]);
			if (s[i])
				buf_addc(out, s[i]);
			else
				break;
			continue;
		}
		if (c == ' ') {
			while (s[i + 1] == ' ')
				i++;
			buf_adds(out, BLANKS);
		} else if (c == '\'') {
			buf_adds(out, APOSTROPHE);
		} else if (is_letter(c)) {
			letter(out, c, false);
		} else {
			buf_addc(out, c);
		}
	}
}

bool pattern_compile(const char *user, bool literal_words, struct buf *out)
{
	return pattern_compile_for(user, literal_words, false, out);
}

bool pattern_compile_for(const char *user, bool literal_words, bool ascii, struct buf *out)
{
	bool exact = strncmp(user, "(?-i)", 5) == 0;

	buf_clear(out);
	if (exact) {
		buf_adds(out, "(?-i)");
		user += 5;
	}
	if (literal_words && strchr(user, '|')) {
		/* phrases, | between them: any of them */
		char part[512];
		const char *p = user;

		buf_adds(out, "(?:");
		for (;;) {
			const char *bar = strchr(p, '|');
			size_t n = bar ? (size_t)(bar - p) : strlen(p);

			snprintf(part, sizeof(part), "%.*s", (int)(n < sizeof(part) ? n : sizeof(part) - 1), p);
			literal(part, out, ascii);
			if (!bar)
				break;
			buf_addc(out, '|');
			p = bar + 1;
		}
		buf_addc(out, ')');
	} else if (literal_words)
		literal(user, out, ascii);
	else
		regex(user, out);
	return exact;
}

bool pattern_longest_words(const char *user, struct buf *out)
{
	const char *p = user;

	buf_clear(out);
	if (strncmp(p, "(?-i)", 5) == 0) {
		buf_adds(out, "(?-i)");
		p += 5;
	}
	for (;;) {
		const char *bar = strchr(p, '|'), *end = bar ? bar : p + strlen(p);
		const char *best = NULL;
		size_t best_n = 0;

		for (const char *s = p; s < end;) {
			const char *w = s;
			size_t k;

			while (s < end && (k = text_word_char(s, (size_t)(end - s))) > 0)
				s += k;
			if (s == w) {
				s++;
				continue;
			}
			if (s < end && *s == '*')
				s++;        /* a prefix stays one */
			if ((size_t)(s - w) > best_n) {
				best = w;
				best_n = (size_t)(s - w);
			}
		}
		if (!best)
			return false;
		buf_add(out, best, best_n);
		if (!bar)
			break;
		buf_addc(out, '|');
		p = bar + 1;
	}
	return true;
}
