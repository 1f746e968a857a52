/* parse_tail.c -- the end of a cable: the signer ("SEMBLER", "GILLESPIE##",
 * "BEIRUT MINIMIZE CONSIDERED. EAGLETON", a name followed by the
 * classification line again in the old layout) and the lines after the
 * text: NNNN, footers, notes of the communications centre, the
 * declassification note. */
#include "config.h"
#include "parse_lines.h"

#include <string.h>

static bool is_footer_line(struct str s)
{
	size_t i = 0;

	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	return i == 4 && str_find(s, " - ") > 4 && s.n < 80;
}

/* Lines after the signer, or after the last paragraph: NNNN, footers, notes. */
static bool is_trailer(struct str s)
{
	static const char *const exact[] = { "NNNN", "NNN", "BT", "#", "UNQUOTE", "END OF MESSAGE",
					     "SIPDIS", "ADP000", "ZZ", "//END//" };

	if (STR_IEQ_ANY(s, exact) || str_istarts(s, "NOTE BY OC/T") || str_istarts(s, "NOTE BY OCT") ||
	    is_footer_line(s) || is_level_only(s) || str_istarts(s, "XMT ") || str_istarts(s, "NOTE: NOT PASSED") ||
	    str_istarts(s, "Declassified/Released"))
		return true;
	/* "Review 30 JUN 2006", the second line of the note above */
	if (str_istarts(s, "Review ") && s.n < 24 && is_digit((unsigned char)s.p[s.n - 1]))
		return true;
	/* "#", "###", a stray ">" left by a web page */
	for (size_t i = 0; i < s.n; i++)
		if (is_alpha((unsigned char)s.p[i]) || is_digit((unsigned char)s.p[i]) || s.n > 4)
			return false;
	return true;
}

/* Lines that stand just before the signer: EXEMPT, GDS, MINIMIZE CONSIDERED. */
static bool is_pre_signer(struct str s)
{
	struct marker m;

	if (read_marker(s, &m))
		return false;
	return str_ieq(s, "EXEMPT") || str_ieq(s, "GDS") || str_istarts(s, "XGDS") ||
	       (s.n < 50 && str_ifind(s, "MINIMIZE CONSIDERED") >= 0) || str_ieq(s, "NOFORN");
}

static bool signer_word(struct str w)
{
	static const char *const stop[] = { "END", "TEXT", "COMMENT", "SUMMARY", "UNQUOTE", "QUOTE",
					    "SIPDIS", "NNNN", "BT", "NOFORN", "CONFIDENTIAL", "SECRET",
					    "UNCLASSIFIED", "EXEMPT", "GDS", "NOTE", "THANKS", "REGARDS",
					    "MINIMIZE", "CONSIDERED", "DECONTROL", "CLASSIFIED", "BY" };

	if (w.n < 2 || !is_upper((unsigned char)w.p[0]))
		return false;
	for (size_t i = 0; i < w.n; i++) {
		int ch = (unsigned char)w.p[i];

		if (!(is_alpha(ch) || ch == '\'' || ch == '-' || (ch == '.' && i > 0)))
			return false;
	}
	return !STR_IEQ_ANY(w, stop);
}

/* A signer line: one to three capitalised words, alone on its line. */
static bool signer_line(struct str s, struct str *name, struct str *prefix)
{
	size_t words = 0, phrase;
	static const char *const ends[] = { "MINIMIZE CONSIDERED", "END OF TEXT", "END COMMENT" };
	struct str w;
	long mc = -1;

	*prefix = STR_NULL;
	while (s.n && (s.p[s.n - 1] == '#' || s.p[s.n - 1] == ' '))
		s.n--;
	/* "BEIRUT MINIMIZE CONSIDERED. EAGLETON", "... REPORT.  END OF TEXT. BAKER" */
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]) && mc < 0; k++) {
		mc = str_ifind(s, ends[k]);
		phrase = strlen(ends[k]);
	}
	if (mc >= 0) {
		const char *e = s.p + mc + phrase;

		while (e < s.p + s.n && (*e == '.' || *e == ' '))
			e++;
		*prefix = str_make(s.p, (size_t)(e - s.p));
		s = str_make(e, (size_t)(s.p + s.n - e));
	}
	if (s.n == 0 || s.n > 40 || s.p[s.n - 1] == '.')
		return false;
	for (struct str rest = s; str_next_word(&rest, &w); words++)
		if (!signer_word(w))
			return false;
	if (words < 1 || words > 3)
		return false;
	*name = s;
	return true;
}

static void add_trailer(struct parser *p, struct str s)
{
	struct cable *c = p->c;
	struct field *f = cable_add_field(c, &c->trailer, &c->ntrailer, &c->cap_trailer);

	f->text = s;
	f->at = text_span(p, s);
}

/* A line of text in upper and lower case: after it, a name in capitals
 * alone on its line is no more text, but the signer. */
static bool mixed_case(struct str s)
{
	return str_count_lower(s, 2) >= 2;
}

/* A database row glued on after the text cuts it there: what follows is
 * the row's fields and the text again. */
static void cut_db_row(struct parser *p)
{
	size_t from;

	if (p->body_start >= p->nlines)
		return;
	/* one look over the whole text first: most have no row */
	from = p->lines[p->body_start].off;
	if (db_row_in(str_make(p->t + from, p->n - from)) == SIZE_MAX)
		return;
	for (size_t i = p->body_start; i < p->nlines; i++) {
		size_t at = db_row_in(line_str(p, i));

		if (at == SIZE_MAX)
			continue;
		while (at > 0 && p->t[p->lines[i].off + at - 1] == ' ')
			at--;
		p->lines[i].len = (uint32_t)at;
		cable_warn(p->c, "a database row glued to the end of the text was left out, with the %zu lines after it",
			   p->nlines - i - 1);
		p->nlines = i + 1;
		return;
	}
}

/* Finds the signer and trailer lines; returns the line where the body ends. */
size_t parse_tail(struct parser *p)
{
	struct cable *c = p->c;
	size_t i, first_trailer;
	struct str name, prefix;

	cut_db_row(p);
	i = p->nlines;
	first_trailer = p->nlines;
	while (i > p->body_start) {
		struct str s = line_str(p, i - 1);

		if (line_blank(p, i - 1) || is_page_break(s, p->lines[i - 1].indent) || is_trailer(s)) {
			if (!line_blank(p, i - 1))
				first_trailer = i - 1;
			i--;
			continue;
		}
		break;
	}
	if (i > p->body_start && signer_line(line_str(p, i - 1), &name, &prefix)) {
		size_t j = i - 1;

		while (j > p->body_start && line_blank(p, j - 1))
			j--;
		if (j == p->body_start || j < i - 1 || prefix.n || ends_sentence(line_str(p, j - 1)) ||
		    is_pre_signer(line_str(p, j - 1)) ||
		    (mixed_case(line_str(p, j - 1)) && !mixed_case(name))) {
			c->signer.text = name;
			c->signer.at = text_span(p, name);
			struct marker mk;

			if (prefix.n > 48 || (prefix.n && str_ifind(prefix, "MINIMIZE") < 0) ||
			    (prefix.n && read_marker(prefix, &mk))) {
				/* "... END COMMENT. BLAIR": the line is the text's, but for the name */
				struct str head = str_trim(prefix);

				p->lines[i - 1].len = (uint32_t)(head.p + head.n - (p->t + p->lines[i - 1].off));
				goto trailer;
			}
			if (prefix.n)
				add_trailer(p, str_trim(prefix));
			i--;
			while (i > p->body_start &&
			       (line_blank(p, i - 1) || is_pre_signer(line_str(p, i - 1)))) {
				if (!line_blank(p, i - 1))
					add_trailer(p, line_str(p, i - 1));
				i--;
			}
		}
	}
trailer:
	for (size_t k = first_trailer; k < p->nlines; k++)
		if (!line_blank(p, k) && !is_page_break(line_str(p, k), p->lines[k].indent))
			add_trailer(p, line_str(p, k));
	return i;
}
