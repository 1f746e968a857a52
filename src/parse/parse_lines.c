/* parse_lines.c -- the line helpers every stage of the parser uses: the
 * lines themselves, copies and joined wraps, paragraph-number markers,
 * page breaks and page headers, lone classification lines and footers.
 * Nothing here calls a stage: the driver (parse.c) calls the stages
 * (parse_preamble.c, parse_header.c with parse_refs.c, parse_body.c), and
 * they call down to this file. */
#include "config.h"
#include "parse/parse_lines.h"

#include <stdlib.h>
#include <string.h>

struct str keep(struct parser *p, struct str s)
{
	return arena_strdup(&p->c->arena, s);
}

struct str join_wrapped(struct parser *p, struct str s)
{
	struct buf *b = &p->scratch;
	bool space = false;

	s = str_trim(s);
	if (!memchr(s.p, '\n', s.n) && !memchr(s.p, '\r', s.n) && !memchr(s.p, '\t', s.n))
		return s;
	buf_clear(b);
	for (size_t i = 0; i < s.n; i++) {
		char ch = s.p[i];

		if (ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t') {
			space = true;
			continue;
		}
		if (space && b->n)
			buf_addc(b, ' ');
		space = false;
		buf_addc(b, ch);
	}
	return keep(p, buf_str(b));
}

void parse_split_lines(struct parser *p)
{
	/* the blanks a line's end loses, one look each: most lines of a
	 * cable end with one or two */
	static const bool trailing[256] = { [' '] = true, ['\t'] = true, ['\r'] = true };
	const char *t = p->t;
	size_t n = p->n, start = 0;

	while (start < n) {
		const char *nl = memchr(t + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - t) : n, s = start, e = end;
		struct line *l;

		while (e > s && trailing[(unsigned char)t[e - 1]])
			e--;
		while (s < e && (t[s] == ' ' || t[s] == '\t'))
			s++;
		if (p->nlines == p->cap_lines) {
			size_t cap = p->cap_lines ? p->cap_lines * 2 : 256;

			if (p->lines_heap) {
				p->lines = xrealloc(p->lines, cap * sizeof(*p->lines));
			} else {
				struct line *heap = xmalloc(cap * sizeof(*p->lines));

				if (p->nlines)
					memcpy(heap, p->lines, p->nlines * sizeof(*p->lines));
				p->lines = heap;
				p->lines_heap = true;
			}
			p->cap_lines = cap;
		}
		l = &p->lines[p->nlines++];
		l->off = (uint32_t)s;
		l->len = (uint32_t)(e - s);
		l->indent = (uint32_t)(s - start);
		start = end + 1;
	}
}

/* "2004ROME03933 - Classification: CONFIDENTIAL", "2000HOCHI00838 - UNCLASSIFIED" */
bool is_footer(struct str s, struct str *id)
{
	size_t i = 0;

	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	if (i != 4)
		return false;
	while (i < s.n && is_upper((unsigned char)s.p[i]))
		i++;
	if (i == 4)
		return false;
	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	if (i + 3 > s.n || memcmp(s.p + i, " - ", 3) != 0 || !is_digit((unsigned char)s.p[i - 1]))
		return false;
	if (id)
		*id = str_make(s.p, i);
	return true;
}

bool read_marker(struct str s, struct marker *m)
{
	size_t i = 0, d0, close;
	bool true_pilcrow = false;

	memset(m, 0, sizeof(*m));
	if (s.n >= 2 && s.p[0] == '-' && s.p[1] == ' ') {
		m->dash = true;
		i = 1;
		while (i < s.n && s.p[i] == ' ')
			i++;
	}
	if (is_pilcrow_at(s, i)) {
		m->pilcrow = true_pilcrow = true;
		m->pilcrow_at = str_make(s.p + i, 2);
		i += 2;
	} else if (i + 1 < s.n && s.p[i] == '\\' && (s.p[i + 1] == 'P' || s.p[i + 1] == 'p')) {
		m->pilcrow = true;
		m->pilcrow_at = str_make(s.p + i, 2);
		i += 2;
	}
	while (m->pilcrow && i < s.n && s.p[i] == ' ')
		i++;
	/* any number the text gives, up to nine digits (an int holds it) */
	d0 = i;
	while (i < s.n && is_digit((unsigned char)s.p[i]) && i - d0 < 10)
		i++;
	if (i == d0 || i - d0 > 9)
		return false;
	m->k = 0;
	for (size_t k = d0; k < i; k++)
		m->k = m->k * 10 + (s.p[k] - '0');
	m->written = true_pilcrow && !m->dash ? str_make(s.p + d0, i - d0) : str_make(s.p, i);
	if (i < s.n && (s.p[i] == '.' || s.p[i] == ')')) {
		m->paren = s.p[i] == ')';
		i++;
		if (!m->paren && i + 1 < s.n && s.p[i] == '.' && s.p[i + 1] == ' ')
			i++;   /* "3.. (SBU)" */
		if (i < s.n && is_digit((unsigned char)s.p[i]))
			return false;     /* 1.4, 10.30 */
	} else if (!(m->pilcrow && (i == s.n || s.p[i] == ' '))) {
		return false;
	}
	while (i < s.n && (s.p[i] == ' ' || s.p[i] == '\t'))
		i++;
	/* the portion marking: "(C)", "(S//NF)", or "C)" with its parenthesis lost */
	if (i < s.n && s.p[i] == '(') {
		const char *e = paren_marking(str_make(s.p + i, s.n - i), 48, &m->mark, &m->entire);

		if (e) {
			m->has_mark = true;
			m->mark_written = str_trim(str_make(s.p + i + 1, (size_t)(e - s.p) - i - 1));
			i = (size_t)(e - s.p) + 1;
		}
	} else if (i < s.n && is_upper((unsigned char)s.p[i])) {
		for (close = i; close < s.n && close - i < 12 && s.p[close] != ')' && s.p[close] != ' '; close++)
			;
		if (close < s.n && s.p[close] == ')' &&
		    marking_parse_portion(str_make(s.p + i, close - i), &m->mark, &m->entire)) {
			m->has_mark = m->bare_mark = true;
			m->mark_written = str_make(s.p + i, close - i);
			i = close + 1;
		}
	}
	while (i < s.n && (s.p[i] == ' ' || s.p[i] == '\t'))
		i++;
	m->rest = str_make(s.p + i, s.n - i);
	return true;
}

/* A line that holds only a classification ("CONFIDENTIAL", " CONFIDENTIAL PTQ1865"):
 * the page headers and footers of old telegrams. */
bool is_level_only(struct str s)
{
	static const char *const words[] = { "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "TOP",
					     "LIMITED", "OFFICIAL", "USE", "NOFORN", "SENSITIVE", "EFTO" };
	struct marking m;
	size_t i = 0;

	/* cheap tests first: this runs on every line */
	if (s.n == 0 || s.n > 48 ||
	    !letter_in((unsigned char)s.p[0], LETTER('U') | LETTER('C') | LETTER('S') | LETTER('T') | LETTER('L')))
		return false;
	{
		const char *sp = memchr(s.p, ' ', s.n);
		struct str first = str_make(s.p, sp ? (size_t)(sp - s.p) : s.n);

		if (first.n != 1 && !str_ieq(first, "UNCLASSIFIED") && !str_ieq(first, "UNCLAS") &&
		    !str_ieq(first, "CONFIDENTIAL") && !str_ieq(first, "SECRET") && !str_ieq(first, "TOP") &&
		    !str_ieq(first, "LIMITED"))
			return false;
	}
	if (!marking_parse_classification(s, &m))
		return false;
	while (i < s.n) {
		size_t j = i, letters = 0, digits = 0;
		bool known = false;

		while (j < s.n && s.p[j] != ' ') {
			letters += is_upper((unsigned char)s.p[j]);
			digits += is_digit((unsigned char)s.p[j]);
			j++;
		}
		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
			known |= str_eq_c(str_make(s.p + i, j - i), words[w]);
		/* a one-letter word is a spaced-out level: "C O N F I D E N T I A L" */
		if (!known && !(j - i == 1 && letters == 1) &&
		    !(letters >= 2 && letters <= 4 && digits >= 3 && letters + digits == j - i))
			return false;
		i = j;
		while (i < s.n && s.p[i] == ' ')
			i++;
	}
	return true;
}

/* The WikiLeaks pages glue a date like "Friday, 23 February 2001, 15:53" to a line. */
struct str strip_site_date(struct str s)
{
	static const char *const days[] = { "Monday, ", "Tuesday, ", "Wednesday, ", "Thursday, ",
					    "Friday, ", "Saturday, ", "Sunday, " };

	/* it ends with the time: "..., 15:53" */
	if (s.n < 20 || s.p[s.n - 3] != ':')
		return s;
	for (size_t d = 0; d < sizeof(days) / sizeof(days[0]); d++) {
		long at = str_find(s, days[d]);

		if (at >= 0 && s.n - (size_t)at < 48)
			return str_trim(str_make(s.p, (size_t)at));
	}
	return s;
}

bool is_site_date_line(struct str s)
{
	return s.n && strip_site_date(s).n == 0;
}

bool is_redacted(struct str s)
{
	size_t x = 0;

	for (size_t i = 0; i < s.n; i++)
		x += s.p[i] == 'X';
	return s.n >= 4 && x == s.n;
}

const char *paren_marking(struct str s, size_t window, struct marking *m, bool *entire)
{
	const char *e;

	if (!s.n || s.p[0] != '(')
		return NULL;
	e = memchr(s.p, ')', MIN(s.n, window));
	if (!e || !marking_parse_portion(str_make(s.p + 1, (size_t)(e - s.p) - 1), m, entire))
		return NULL;
	return e;
}

bool ends_sentence(struct str s)
{
	char ch;

	if (!s.n)
		return true;
	ch = s.p[s.n - 1];
	return ch == '.' || ch == '!' || ch == '?' || ch == ')' || ch == '"' || ch == '\'' || ch == ':' ||
	       ch == ';' || (s.n >= 2 && (unsigned char)s.p[s.n - 2] == 0xE2);   /* closing quote */
}

/* ------------------------------------------------------------ page headers
 *
 * One recogniser for every place a page header stands: its own line, the
 * start of a line of text, glued inside a line, inside a header field or a
 * REF block.  Two forms:
 *   STATION 00001187 002 OF 003    the station cut to ten letters or not,
 *                                  in any case ("Rome 00000097 002 of 005",
 *                                  "UNVIE VIEN 00000285  001.2 OF 036")
 *   [LEVEL] PAGE 02 STATION 01196 01 OF 02 082030Z
 *                                  the old telegrams' (its date-time group
 *                                  ends it; at a line's start, anything
 *                                  after "PAGE 02" does) */

static bool word_char(int ch)
{
	return is_alpha(ch) || ch == '\'';
}

/* The letters of the words @s[a..b), upper case, into @out. */
static void squeeze_words(struct str s, size_t a, size_t b, char *out, size_t size)
{
	size_t m = 0;

	for (size_t i = a; i < b && m + 1 < size; i++)
		if (is_alpha((unsigned char)s.p[i]))
			out[m++] = (char)to_upper((unsigned char)s.p[i]);
	out[m] = '\0';
}

/* The station of a page header, before its serial at @d: where it starts,
 * or SIZE_MAX.  The words that are a piece of the cable's own station
 * (@station, "UNVIEVIENNA": "UNVIE VIEN", "DUBAI" of RPODUBAI), else
 * words in capitals, else one Capitalised word ("Rome"). */
static size_t station_back(struct str s, size_t from, size_t d, const char *station)
{
	size_t starts[4], ends[4], nw = 0, k = d;
	char key[64];

	if (k == from || s.p[k - 1] != ' ')
		return SIZE_MAX;
	while (k > from && s.p[k - 1] == ' ')
		k--;
	while (nw < 4 && k > from) {
		size_t e = k;

		if (s.p[k - 1] == '.')
			k--;            /* "ST." */
		while (k > from && word_char((unsigned char)s.p[k - 1]))
			k--;
		if (k == e || !is_alpha((unsigned char)s.p[k]))
			break;
		starts[nw] = k;
		ends[nw++] = e;
		if (k == from || s.p[k - 1] != ' ')
			break;
		while (k > from && s.p[k - 1] == ' ')
			k--;
	}
	if (!nw)
		return SIZE_MAX;
	if (station && station[0]) {
		for (size_t j = nw; j > 0; j--) {
			squeeze_words(s, starts[j - 1], ends[0], key, sizeof(key));
			if ((strlen(key) >= 3 || strcmp(key, station) == 0) && strstr(station, key))
				return starts[j - 1];
		}
	}
	{
		size_t caps = 0;

		for (; caps < nw && caps < 3; caps++) {
			bool upper = true;

			for (size_t i = starts[caps]; i < ends[caps]; i++)
				upper &= !is_lower((unsigned char)s.p[i]);
			if (!upper)
				break;
		}
		if (caps)
			return starts[caps - 1];
	}
	return is_upper((unsigned char)s.p[starts[0]]) ? starts[0] : SIZE_MAX;
}

static size_t skip_blanks(struct str s, size_t i)
{
	while (i < s.n && s.p[i] == ' ')
		i++;
	return i;
}

static size_t digits_at(struct str s, size_t i)
{
	size_t k = i;

	while (k < s.n && is_digit((unsigned char)s.p[k]))
		k++;
	return k - i;
}

/* "002 OF 003", "001.2 of 036" at @i: where it ends, or 0. */
static size_t page_count_at(struct str s, size_t i)
{
	size_t k = i, d = digits_at(s, i);

	if (d < 2 || d > 3)
		return 0;
	k += d;
	if (k + 1 < s.n && s.p[k] == '.' && is_digit((unsigned char)s.p[k + 1]))
		k += 1 + digits_at(s, k + 1);
	if (k + 4 > s.n || s.p[k] != ' ')
		return 0;
	k = skip_blanks(s, k);
	if (k + 3 > s.n || to_upper((unsigned char)s.p[k]) != 'O' || to_upper((unsigned char)s.p[k + 1]) != 'F' ||
	    s.p[k + 2] != ' ')
		return 0;
	k = skip_blanks(s, k + 2);
	d = digits_at(s, k);
	if (d < 2 || d > 3 || (k + d < s.n && (is_alpha((unsigned char)s.p[k + d]) || is_digit((unsigned char)s.p[k + d]))))
		return 0;
	return k + d;
}

/* The first form, its serial of eight digits at @d: [start, *end), or SIZE_MAX. */
static size_t station_form(struct str s, size_t from, size_t d, const char *station, size_t *end)
{
	size_t e, start;

	if (digits_at(s, d) != 8 || (d > from && is_digit((unsigned char)s.p[d - 1])))
		return SIZE_MAX;
	e = page_count_at(s, skip_blanks(s, d + 8));
	if (!e || s.p[d + 8] != ' ')
		return SIZE_MAX;
	start = station_back(s, from, d, station);
	if (start == SIZE_MAX)
		return SIZE_MAX;
	*end = e;
	return start;
}

static bool level_word_at(struct str s, size_t i, size_t *after)
{
	static const char *const words[] = { "CONFIDENTIAL ", "SECRET ", "UNCLASSIFIED ", "UNCLAS ",
					     "LIMITED OFFICIAL USE " };

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t n = strlen(words[k]);

		if (i + n <= s.n && memcmp(s.p + i, words[k], n) == 0) {
			*after = skip_blanks(s, i + n);
			return true;
		}
	}
	return false;
}

/* The second form at @i ("PAGE 02 ..."): where it ends, or 0.  At a
 * line's start (@whole) the page number is enough; inside a line its
 * date-time group must end it. */
static size_t page_form(struct str s, size_t i, bool whole)
{
	size_t k = i, d;

	if (k + 7 > s.n || memcmp(s.p + k, "PAGE ", 5) != 0)
		return 0;
	k = skip_blanks(s, k + 5);
	d = digits_at(s, k);
	if (d < 1 || d > 3)
		return 0;
	k += d;
	/* up to the date-time group "082030Z" */
	for (size_t j = k, words = 0; j < s.n && words < 16; words++) {
		size_t w;

		j = skip_blanks(s, j);
		w = j;
		while (w < s.n && s.p[w] != ' ')
			w++;
		if (w - j == 7 && digits_at(s, j) == 6 && (s.p[j + 6] == 'Z' || s.p[j + 6] == 'z'))
			return w;
		j = w;
	}
	return whole ? s.n : 0;
}

static size_t header_in(struct str s, size_t from, size_t *len, const char *station, bool page_too)
{
	const char *end = s.p + s.n;
	const char *z = s.p + from, *pg = s.p + from;

	/* every header of the first form holds an eight-digit serial padded
	 * with zeros ("00001187"), the second "PAGE ": look for "0" and "P",
	 * each with its own memchr, kept from one look to the next */
	z = memchr(z, '0', (size_t)(end - z));
	pg = page_too ? memchr(pg, 'P', (size_t)(end - pg)) : NULL;
	while (z || pg) {
		size_t at, e, start;

		if (pg && (!z || pg < z)) {
			size_t a = (size_t)(pg - s.p), lw;

			pg = pg + 1 < end ? memchr(pg + 1, 'P', (size_t)(end - pg - 1)) : NULL;
			if (a + 5 > s.n || memcmp(s.p + a + 1, "AGE ", 4) != 0 || (a > from && s.p[a - 1] != ' ') ||
			    !(e = page_form(s, a, a == from)))
				continue;
			/* a level word before it belongs to it */
			for (size_t b = from; b < a; b++)
				if ((b == from || s.p[b - 1] == ' ') && level_word_at(s, b, &lw) && lw == a) {
					a = b;
					break;
				}
			*len = e - a;
			return a;
		}
		at = (size_t)(z - s.p);
		if (at + 1 >= s.n || z[1] != '0') {
			z = z + 1 < end ? memchr(z + 1, '0', (size_t)(end - z - 1)) : NULL;
			continue;
		}
		while (at > from && is_digit((unsigned char)s.p[at - 1]))
			at--;
		start = station_form(s, from, at, station, &e);
		if (start == SIZE_MAX) {
			const char *next = s.p + at + digits_at(s, at);

			z = next < end ? memchr(next, '0', (size_t)(end - next)) : NULL;
			continue;
		}
		*len = e - start;
		return start;
	}
	return SIZE_MAX;
}

size_t page_header_in(struct str s, size_t from, size_t *len, const char *station)
{
	return header_in(s, from, len, station, true);
}

size_t station_header_in(struct str s, size_t from, size_t *len, const char *station)
{
	return header_in(s, from, len, station, false);
}

struct str page_rest(struct str s, const char *station)
{
	size_t len, at = page_header_in(s, 0, &len, station);

	if (at != 0)
		return STR_NULL;
	return str_trim(str_make(s.p + len, s.n - len));
}

bool page_break_line(struct str s, const char *station)
{
	size_t len, lw;

	if (!is_upper((unsigned char)s.p[0]))
		return page_header_in(s, 0, &len, station) == 0 && len == s.n;
	if (s.p[0] == 'P' && s.n >= 7 && memcmp(s.p, "PAGE ", 5) == 0 && is_digit((unsigned char)s.p[5]))
		return true;
	if (is_level_only(s))
		return true;
	/* "CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02" */
	if (s.n > 1 && is_upper((unsigned char)s.p[1]) && is_upper((unsigned char)s.p[0]) &&
	    letter_in((unsigned char)s.p[0], LETTER('C') | LETTER('S') | LETTER('U') | LETTER('L')) && level_word_at(s, 0, &lw) &&
	    page_form(s, lw, true))
		return true;
	/* "ROME 00001187 002 OF 003" ends with the page count, and holds the
	 * eight-digit serial's zeros */
	if (!is_digit((unsigned char)s.p[s.n - 1]) || !memchr(s.p, '0', s.n))
		return false;
	return page_header_in(s, 0, &len, station) == 0 && len == s.n;
}

size_t db_row_in(struct str s)
{
	const char *slash = s.n ? memchr(s.p, '/', s.n) : NULL;

	/* "0 03/13/2008 9871 PGOV,PREL,PHUM,PINR,LY": found from its date's first '/' */
	for (; slash; slash = memchr(slash + 1, '/', (size_t)(s.p + s.n - slash - 1))) {
		size_t at = (size_t)(slash - s.p), i, k, d, tags = 0;

		if (slash + 1 >= s.p + s.n)
			break;
		for (i = at; i > 0 && is_digit((unsigned char)s.p[i - 1]) && at - i < 2; i--)
			;
		if (i == at || i < 2 || s.p[i - 1] != ' ')
			continue;
		/* the row's first field, a small number, before the date */
		for (k = i - 1; k > 0 && is_digit((unsigned char)s.p[k - 1]) && i - 1 - k < 3; k--)
			;
		if (k == i - 1 || k == 0 || s.p[k - 1] != ' ')
			continue;
		/* the date, then a number */
		for (d = i; d < s.n && (is_digit((unsigned char)s.p[d]) || s.p[d] == '/'); d++)
			;
		if (d - i < 8 || d - i > 10 || d >= s.n || s.p[d] != ' ')
			continue;
		for (i = d + 1; i < s.n && is_digit((unsigned char)s.p[i]); i++)
			;
		if (i == d + 1 || i >= s.n || s.p[i] != ' ')
			continue;
		/* the tags, with commas and no blanks */
		for (i++; i < s.n;) {
			for (d = i; d < s.n && is_upper((unsigned char)s.p[d]); d++)
				;
			if (d - i < 2 || d - i > 6)
				break;
			tags++;
			i = d;
			if (i < s.n && s.p[i] == ',') {
				i++;
				continue;
			}
			break;
		}
		if (tags >= 2 && i < s.n && s.p[i] == ' ')
			return k;
	}
	return SIZE_MAX;
}
