/* parse_reftok.c -- a REF item cut into tokens: words, numbers and years,
 * "09CAIRO0561" three of them, "HK05511" two, "#3565" and "O1512" numbers,
 * "0TTAWA" a word, "(08)", "'08" and "/08" years, a cable written with
 * hyphens ("4471-05", "09-ROME-4471") read as its parts, "LIMA 512/498" as
 * a list, a portion marking glued to a serial ("(S)01187") left out;
 * "05/11/07" and "251847Z" dates and times, no cable.  The grammar of the
 * tokens is parse_refitem.c's. */
#include "config.h"
#include "parse/parse_refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "doc/ids.h"
#include "doc/stations.h"

static int cmp_word(const void *a, const void *b)
{
	return strcmp((const char *)a, *(const char *const *)b);
}

bool ref_stopword(struct str w)
{
	/* sorted, for bisection: this runs on every word of every REF */
	static const char *const stop[] = {
		"ALSO", "AMCONSUL", "AMEMBASSY", "AND", "AT", "BY", "CABLE", "CIRCULAR", "CONFIDENTIAL",
		"CONSULATE", "DATED", "DTD", "DTG", "E-MAIL", "E-MAILS", "EMAIL", "EMAILS", "EMBASSY", "FAX",
		"FBIS", "FOR", "FROM", "IIR", "IMMEDIATE", "IN", "LETTER", "MEETING", "MEMCON", "MISSION",
		"NIACT", "NO", "NOFORN", "NOTAL", "NOTE", "NR", "NUM", "NUMBER", "OF", "ON", "OR", "PAGE",
		"PAGES", "PARA", "PARAGRAPH", "PARAS", "POINTS", "POUCH", "PREVIOUS", "REF", "REFTEL", "REFTELS",
		"REPORT", "RPT", "SECRET", "SECTION", "SEE", "SEPTEL", "SEPTELS", "SUBJ", "SUBJECT", "TD", "TEL",
		"TELCON", "THE", "TO", "UNCLAS", "UNCLASS", "UNCLASSIFIED", "USINT", "USMISSION", "VIA",
	};
	char up[16];

	if (month_from_name(w))
		return true;
	if (w.n == 0 || w.n >= sizeof(up))
		return false;
	for (size_t i = 0; i < w.n; i++)
		up[i] = (char)to_upper((unsigned char)w.p[i]);
	up[w.n] = '\0';
	return bsearch(up, stop, sizeof(stop) / sizeof(stop[0]), sizeof(stop[0]), cmp_word) != NULL;
}

/* Words after which a number counts something, and names no cable. */
bool ref_counting_word(struct str w)
{
	static const char *const words[] = { "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "SECTION", "PAGE", "PAGES",
					     "NO", "NR", "NUMBER", "ITEM", "POINT", "ARTICLE", "CHAPTER", "PERCENT",
					     "ANNEX", "TAB", "PART", "SPAN", "PHASE" };

	return STR_IEQ_ANY(w, words);
}

/* ------------------------------------------------------------ the tokens */

static bool is_sep(char ch)
{
	return ch == ',' || ch == ';';
}

static void push(struct toks *k, enum rkind kind, struct str s)
{
	struct rtok *r;
	size_t m = 0;

	if (k->n >= RTOK_MAX || !s.n)
		return;
	r = &k->t[k->n++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->s = s;
	r->sep = k->sep;
	k->sep = false;
	for (size_t i = 0; i < s.n && m + 1 < RWORD_MAX; i++) {
		int ch = (unsigned char)s.p[i];

		if (kind == RK_WORD)
			r->v[m++] = (char)(ch == '0' ? 'O' : to_upper(ch));
		else if (is_digit(ch))
			r->v[m++] = (char)ch;
		else if (ch == 'O' || ch == 'o')
			r->v[m++] = '0';
	}
	r->v[m] = '\0';
	if (kind == RK_WORD) {
		bool upper_first = is_upper((unsigned char)s.p[0]) || s.p[0] == '0';

		r->caps = upper_first;
		r->particle = !upper_first && (str_eq_c(s, "de") || str_eq_c(s, "da") || str_eq_c(s, "do") ||
					       str_eq_c(s, "del") || str_eq_c(s, "des"));
		r->month = s.n >= 3 && s.n <= 9 && month_from_name(s);
	}
}

static bool all_digits(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (!is_digit((unsigned char)s.p[i]))
			return false;
	return s.n > 0;
}

static bool all_letters(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (!is_alpha((unsigned char)s.p[i]))
			return false;
	return s.n > 0;
}

int ref_year_of(struct str s)
{
	int y = 0;

	if ((s.n != 2 && s.n != 4) || !all_digits(s))
		return -1;
	for (size_t i = 0; i < s.n; i++)
		y = y * 10 + (s.p[i] - '0');
	if (s.n == 2)
		return year_from_yy(y);
	return y >= 1940 && y <= 2030 ? y : -1;
}

static bool known_station_word(struct str w)
{
	char key[REF_KEY_MAX];

	station_key(w, key, sizeof(key));
	return station_known(key);
}

/* "4471-05", "05-4471", "09-ROME-4471", "ROME-09-4471": a cable written
 * with hyphens, read as its parts; false (and nothing read) for any other
 * hyphenated word ("CA-3400", "U-0011-06", "LEE-GOLDSTEIN"). */
static bool hyphen_parts(struct toks *k, struct str c)
{
	struct str part[4];
	size_t np = 0, serial = SIZE_MAX;
	const char *from = c.p, *end = c.p + c.n;

	for (;;) {
		const char *h = memchr(from, '-', (size_t)(end - from));

		if (np == 3)
			return false;   /* four parts or more */
		part[np++] = str_make(from, h ? (size_t)(h - from) : (size_t)(end - from));
		if (!h)
			break;
		from = h + 1;
	}
	if (np < 2)
		return false;
	for (size_t i = 0; i < np; i++) {
		if (all_digits(part[i])) {
			if (part[i].n >= 3 && part[i].n <= 7 && ref_year_of(part[i]) < 0 && serial == SIZE_MAX)
				serial = i;
			else if (ref_year_of(part[i]) < 0)
				return false;
		} else if (!all_letters(part[i]) || !known_station_word(part[i])) {
			return false;
		}
	}
	if (serial == SIZE_MAX)
		return false;
	for (size_t i = 0; i < np; i++) {
		if (!all_digits(part[i]))
			push(k, RK_WORD, part[i]);
		else if (i == serial)
			push(k, RK_NUM, part[i]);
		else if (i > serial)
			push(k, RK_YEAR_AFTER, part[i]);
		else if (i + 1 == serial)
			push(k, RK_YEAR, part[i]);
		else
			push(k, RK_NUM, part[i]);   /* a year before the station, read as such */
	}
	return true;
}

/* Splits one blank-separated chunk into tokens. */
static void chunk(struct toks *k, struct str c)
{
	size_t digits = 0, letters = 0, zeros = 0, slashes = 0, hyphens = 0, other = 0;

	while (c.n && (c.p[c.n - 1] == '.' || c.p[c.n - 1] == ')' || c.p[c.n - 1] == ':' || c.p[c.n - 1] == '('))
		c.n--;
	while (c.n && (c.p[0] == '(' || c.p[0] == '[' || c.p[0] == '#'))
		c = str_make(c.p + 1, c.n - 1);
	if (!c.n)
		return;
	for (size_t i = 0; i < c.n; i++) {
		int ch = (unsigned char)c.p[i];

		digits += is_digit(ch);
		zeros += ch == '0';
		letters += is_alpha(ch);
		slashes += ch == '/';
		hyphens += ch == '-';
		other += !is_digit(ch) && !is_alpha(ch) && ch != '\'' && ch != '/' && ch != '-';
	}
	if (c.p[0] == '\'' && digits == 2 && c.n == 3) {
		push(k, RK_YEAR, str_make(c.p + 1, 2));                 /* '08 */
		return;
	}
	if (hyphens && !other && !slashes && hyphen_parts(k, c))
		return;
	if (other || hyphens || slashes > 1 || (digits == 6 && c.n == 7 && (c.p[6] == 'Z' || c.p[6] == 'z'))) {
		push(k, RK_OTHER, c);                                   /* CA-3400, 05/11/07, 251847Z */
		return;
	}
	if (slashes == 1) {
		const char *sl = memchr(c.p, '/', c.n);
		struct str a = str_make(c.p, (size_t)(sl - c.p)), b = str_make(sl + 1, c.n - a.n - 1);

		if (a.n >= 2 && all_digits(a) && b.n == 2 && all_digits(b)) {          /* 00789/08 */
			push(k, RK_NUM, a);
			push(k, RK_YEAR_AFTER, b);
		} else if (a.n >= 3 && b.n >= 3 && all_digits(a) && all_digits(b)) {  /* 512/498 */
			push(k, RK_NUM, a);
			k->sep = true;
			push(k, RK_NUM, b);
		} else {
			push(k, RK_OTHER, c);
		}
		return;
	}
	if (!letters || (letters == 1 && (c.p[0] == 'O' || c.p[0] == 'o') && digits + 1 == c.n && digits >= 2)) {
		push(k, RK_NUM, c);                                     /* 3565, O1512 */
		return;
	}
	if (digits == zeros && letters >= 3) {
		push(k, RK_WORD, c);                                    /* 0TTAWA, COTON0U */
		return;
	}
	/* letters and digits glued: 09CAIRO0561, HK05511, 09DHAHRAN */
	for (size_t i = 0; i < c.n;) {
		size_t j = i;
		bool dig = is_digit((unsigned char)c.p[i]);

		while (j < c.n && (is_digit((unsigned char)c.p[j]) == dig || c.p[j] == '\''))
			j++;
		push(k, dig ? RK_NUM : RK_WORD, str_make(c.p + i, j - i));
		i = j;
	}
}

void ref_tokens(struct str item, struct toks *k)
{
	size_t i = 0, depth = 0;

	k->n = 0;
	k->sep = false;
	while (i < item.n) {
		size_t s;

		if (is_space((unsigned char)item.p[i])) {
			i++;
			continue;
		}
		if (is_sep(item.p[i])) {
			k->sep = true;
			i++;
			continue;
		}
		/* "(08)", "(99)": a year in parentheses */
		if (item.p[i] == '(' && i + 3 < item.n && is_digit((unsigned char)item.p[i + 1]) &&
		    is_digit((unsigned char)item.p[i + 2]) && item.p[i + 3] == ')') {
			push(k, k->n && k->t[k->n - 1].kind == RK_NUM && !k->sep ? RK_YEAR_AFTER : RK_YEAR,
			     str_make(item.p + i + 1, 2));
			i += 4;
			continue;
		}
		/* "(S)01187": a portion marking glued to the serial */
		if (item.p[i] == '(') {
			struct marking m;
			const char *e = paren_marking(str_make(item.p + i, item.n - i), 12, &m, NULL);

			if (e && e + 1 < item.p + item.n && is_digit((unsigned char)e[1])) {
				i = (size_t)(e + 1 - item.p);
				continue;
			}
		}
		s = i;
		while (i < item.n && !is_space((unsigned char)item.p[i]) && !is_sep(item.p[i]))
			i++;
		{
			/* "HANOI 60 (FEW CHANGES AT THE 9TH PLENUM)": what is in
			 * parentheses describes a cable, it names none */
			size_t before = k->n, opens = 0, closes = 0;

			for (size_t j = s; j < i; j++) {
				opens += item.p[j] == '(';
				closes += item.p[j] == ')';
			}
			chunk(k, str_make(item.p + s, i - s));
			if (depth || (opens > closes))
				for (size_t j = before; j < k->n; j++)
					k->t[j].kind = RK_OTHER;
			depth = opens > closes ? depth + (opens - closes) : (depth > closes - opens ? depth - (closes - opens) : 0);
		}
		if (i < item.n && is_sep(item.p[i])) {
			k->sep = true;
			i++;
		}
	}
}

/* "05/11/07", "9-22", "21-APR-2007", "1/4/07": a date, not a serial;
 * "TS-323-08A", "U-0011-06" are numbers of reports */
bool ref_date_like(struct str s)
{
	size_t parts = 0, longest = 0, shortest = SIZE_MAX;
	const char *from = s.p, *end = s.p + s.n;

	while (from <= end) {
		const char *q = from;
		struct str part;

		while (q < end && *q != '/' && *q != '-' && *q != '.')
			q++;
		part = str_make(from, (size_t)(q - from));
		if (!part.n || !(all_digits(part) || month_from_name(part)))
			return false;
		if (all_digits(part)) {
			longest = MAX(longest, part.n);
			shortest = MIN(shortest, part.n);
		}
		parts++;
		from = q + 1;
	}
	return parts >= 2 && parts <= 3 && longest <= 4 && shortest <= 2;
}

size_t ref_digit_count(struct str s)
{
	size_t d = 0;

	for (size_t i = 0; i < s.n; i++)
		d += is_digit((unsigned char)s.p[i]);
	return d;
}
