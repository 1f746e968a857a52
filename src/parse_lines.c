/* parse_lines.c -- the line helpers every stage of the parser uses: the
 * lines themselves, copies and joined wraps, paragraph-number markers,
 * page breaks and page headers, lone classification lines and footers.
 * Nothing here calls a stage: the driver (parse.c) calls the stages
 * (parse_preamble.c, parse_header.c with parse_refs.c, parse_body.c), and
 * they call down to this file. */
#include "config.h"
#include "parse_lines.h"

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
	const char *t = p->t;
	size_t n = p->n, start = 0;

	while (start < n) {
		const char *nl = memchr(t + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - t) : n, s = start, e = end;
		struct line *l;

		while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
			e--;
		while (s < e && (t[s] == ' ' || t[s] == '\t'))
			s++;
		if (p->nlines == p->cap_lines) {
			size_t cap = p->cap_lines ? p->cap_lines * 2 : 256;

			p->lines = xrealloc(p->lines, cap * sizeof(*p->lines));
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
	d0 = i;
	while (i < s.n && is_digit((unsigned char)s.p[i]) && i - d0 < 5)
		i++;
	if (i == d0 || i - d0 > 4)
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
	if (s.n == 0 || s.n > 48 || !strchr("UCSTLucstl", s.p[0]))
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

/* What follows a page header that has text glued to it
 * ("PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) COMMENT: ..."), or "". */
struct str page_rest(struct str s)
{
	if (s.n < 7 || memcmp(s.p, "PAGE ", 5) != 0)
		return STR_NULL;
	for (size_t i = 5; i + 7 <= s.n; i++) {
		size_t k = 0;

		while (i + k < s.n && is_digit((unsigned char)s.p[i + k]))
			k++;
		if (k == 6 && i + 6 < s.n && s.p[i + 6] == 'Z' && s.p[i - 1] == ' ' &&
		    (i + 7 == s.n || s.p[i + 7] == ' '))
			return str_trim(str_make(s.p + i + 7, s.n - i - 7));
		i += k;
	}
	return STR_NULL;
}

bool is_page_break(struct str s, uint32_t indent)
{
	size_t i = 0, digits;

	/* every form starts with a capital and ends with a digit or a letter */
	if (s.n == 0 || !is_upper((unsigned char)s.p[0]))
		return false;
	if (s.n >= 7 && memcmp(s.p, "PAGE ", 5) == 0 && is_digit((unsigned char)s.p[5]))
		return true;
	if (s.n > 80)
		return false;
	if (is_level_only(s))
		return true;
	/* "ROME 00001187 002 OF 003" ends with the page count */
	if (!is_digit((unsigned char)s.p[s.n - 1]))
		return false;
	/* "ROME 00001187 002 OF 003", "UNVIE VIEN 00000285  001.2 OF 036" */
	if (!is_upper((unsigned char)s.p[0]))
		return false;
	while (i < s.n && (is_upper((unsigned char)s.p[i]) || s.p[i] == ' '))
		i++;
	digits = 0;
	while (i < s.n && is_digit((unsigned char)s.p[i])) {
		i++;
		digits++;
	}
	if (digits != 8)
		return false;
	while (i < s.n && s.p[i] == ' ')
		i++;
	digits = 0;
	while (i < s.n && (is_digit((unsigned char)s.p[i]) || s.p[i] == '.')) {
		i++;
		digits++;
	}
	return digits >= 3 && i + 3 <= s.n && memcmp(s.p + i, " OF", 3) == 0;
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

/* A page header ends at " OF 003": walking back from @of (the offset of
 * that " OF "), where it starts, or SIZE_MAX when what stands before is
 * not "STATION 00001187 002". */
static size_t page_header_back(struct str s, size_t of)
{
	size_t k = of, d;

	/* the page: "002", "003.2" */
	while (k > 0 && (is_digit((unsigned char)s.p[k - 1]) || s.p[k - 1] == '.'))
		k--;
	if (of - k < 3 || k == 0 || s.p[k - 1] != ' ')
		return SIZE_MAX;
	while (k > 0 && s.p[k - 1] == ' ')
		k--;
	/* the serial: eight digits */
	for (d = k; d > 0 && is_digit((unsigned char)s.p[d - 1]); d--)
		;
	if (k - d != 8 || d < 2 || s.p[d - 1] != ' ')
		return SIZE_MAX;
	/* the station: words of capitals */
	k = d - 1;
	while (k > 0 && (is_upper((unsigned char)s.p[k - 1]) || s.p[k - 1] == ' ' || s.p[k - 1] == '.' ||
			 s.p[k - 1] == '\''))
		k--;
	while (k < d && s.p[k] == ' ')
		k++;
	if (k >= d - 1 || !is_upper((unsigned char)s.p[k]))
		return SIZE_MAX;
	return k;
}

size_t page_header_in(struct str s, size_t from, size_t *len)
{
	const char *p = s.p + from, *end = s.p + s.n;

	/* every page header holds an eight-digit serial padded with zeros
	 * ("00001187"): look for its "000", rare in text, so that a line costs
	 * one memchr */
	while (p < end && (p = memchr(p, '0', (size_t)(end - p))) != NULL) {
		const char *q = p, *e;
		size_t start, of, d;

		if (p + 2 >= end || p[1] != '0' || p[2] != '0') {
			p++;
			continue;
		}
		while (q > s.p + from && is_digit((unsigned char)q[-1]))
			q--;
		for (e = p; e < end && is_digit((unsigned char)*e); e++)
			;
		p = e;
		if (e - q != 8)
			continue;
		/* "  002 OF 003" after it */
		while (e < end && *e == ' ')
			e++;
		while (e < end && (is_digit((unsigned char)*e) || *e == '.'))
			e++;
		if (end - e < 4 || memcmp(e, " OF ", 4) != 0)
			continue;
		of = (size_t)(e - s.p);
		start = page_header_back(s, of);
		if (start == SIZE_MAX || start < from)
			continue;
		for (e = s.p + of + 4; e < end && *e == ' '; e++)
			;
		for (d = (size_t)(e - s.p); d < s.n && is_digit((unsigned char)s.p[d]); d++)
			;
		if (d - (size_t)(e - s.p) >= 3 && (d == s.n || s.p[d] == ' ')) {
			*len = d - start;
			return start;
		}
	}
	return SIZE_MAX;
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
