/* parse_fields.c -- the values of the header fields (E.O. and DECL, the
 * captions, SUBJECT) and the shapes of the lines the header machine
 * (parse_header.c) meets: a word broken at a fixed width, a list of tags,
 * a portion marking before prose, a caveat written as a sentence. */
#include "config.h"
#include "parse/parse_header.h"

#include <string.h>

#include "base/dates.h"
#include "base/entity.h"
#include "doc/ids.h"
#include "doc/stations.h"

/* Sets @f to @s; when @s is a joined copy, the span is the whole field's. */
void set_field(struct parser *p, struct field *f, struct str s)
{
	f->text = s;
	f->at = text_span(p, s);
	if (f->at.off == SPAN_NONE)
		f->at = text_span(p, p->field_src);
}

/* The declassification part: "DECL: 10/06/2014", "N/A", "OADR", "X1". */
void parse_decl(struct parser *p, struct str v)
{
	struct cable *c = p->c;
	char iso[ISO_DATE_MAX];

	v = str_make(v.p + skip_sep(v, 0), v.n - skip_sep(v, 0));
	if (str_istarts(v, "DECL")) {
		size_t k = 4;

		while (k < v.n && is_alpha((unsigned char)v.p[k]))
			k++;        /* DECLASSIFY */
		if (k + 3 <= v.n && str_istarts(str_make(v.p + k, v.n - k), " ON"))
			k += 3;
		k = skip_sep(v, k);
		v = str_make(v.p + k, v.n - k);
	}
	v = str_trim(v);
	while (v.n && (v.p[v.n - 1] == '.' || v.p[v.n - 1] == ','))
		v.n--;
	if (!v.n || c->declassify.text.n)
		return;
	if (date_from_decl(v, iso)) {
		c->declassify.text = keep(p, str_c(iso));
		c->declassify.at = text_span(p, v);
	} else {
		set_field(p, &c->declassify, join_wrapped(p, v));
		c->declassify.at = text_span(p, v);
	}
}

/* "12958: DECL: 10/06/2014", "12958 DECL: 02/22/2011", "12958: N/A", "11652: NGDS" */
void parse_eo(struct parser *p, struct str v)
{
	struct cable *c = p->c;
	size_t i = 0;

	while (i < v.n && is_digit((unsigned char)v.p[i]))
		i++;
	if (!c->eo.text.n)
		set_field(p, &c->eo, str_make(v.p, i));
	parse_decl(p, str_make(v.p + i, v.n - i));
}

/* The caption words, each a caption of its own. */
static const char *const caption_words[] = { "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS",
					     "LIMDIS", "STADIS", "CHEROKEE", "EFTO" };

void add_caption(struct parser *p, struct str s)
{
	struct cable *c = p->c;
	bool all_known = true;
	struct str rest, w;

	s = str_trim(s);
	if (!s.n)
		return;
	/* "SIPDIS SIPDIS" and "NOFORN SIPDIS" are several captions */
	for (rest = s; all_known && str_next_word(&rest, &w);)
		all_known = STR_IEQ_ANY(w, caption_words);
	if (!all_known) {
		set_field(p, cable_add_field(c, &c->captions, &c->ncaptions, &c->cap_captions), s);
		return;
	}
	for (rest = s; str_next_word(&rest, &w);)
		set_field(p, cable_add_field(c, &c->captions, &c->ncaptions, &c->cap_captions), w);
}

/* A caption word alone, or one of the caption lines written together. */
bool is_caption_word(struct str s)
{
	struct str rest = s, w;
	size_t words = 0;

	if (str_ieq(s, "E F T O"))
		return true;
	/* one caption word, or a line of them ("SIPDIS NOFORN") */
	while (str_next_word(&rest, &w)) {
		if (!STR_IEQ_ANY(w, caption_words))
			return false;
		words++;
	}
	return words > 0;
}

/* SUBJECT, tidied by subject_tidy(); the repairs said. */
void parse_subject(struct parser *p, struct str v)
{
	struct cable *c = p->c;
	struct str s = join_wrapped(p, v), at;
	unsigned notes;

	s = subject_tidy(s, &p->scratch, &c->subject_marking, &at, &notes);
	if (c->subject_marking.rel.n)
		c->subject_marking.rel = keep(p, c->subject_marking.rel);
	if (at.n)
		c->subject_marking_at = text_span(p, at);
	if (p->scratch.p && s.p >= p->scratch.p && s.p <= p->scratch.p + p->scratch.n)
		s = keep(p, s);
	if (notes & SUBJECT_BACKSLASHES)
		cable_warn(c, "backslashes at the line ends of the subject left out");
	if (notes & SUBJECT_CAPTION)
		cable_warn(c, "a handling caption (\"Sensitive but unclassified\") after the subject left out");
	if (notes & SUBJECT_ENTITIES)
		cable_warn(c, "HTML character references in the subject decoded");
	if (notes & SUBJECT_TWICE)
		cable_warn(c, "\"SUBJECT:\" written twice");
	set_field(p, &c->subject, s);
}

/* The length of the line that holds @s as it stands in the text, its
 * trailing blanks counted. */
static size_t raw_line_length(const struct parser *p, struct str s)
{
	const char *start = s.p, *end = s.p + s.n, *text_end = p->t + p->n;

	while (start > p->t && start[-1] != '\n')
		start--;
	while (end < text_end && *end != '\n' && *end != '\r')
		end++;
	return (size_t)(end - start);
}

static bool short_word(struct str w)
{
	static const char *const words[] = { "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
					     "per", "the", "to", "with" };

	return STR_IEQ_ANY(w, words);
}

/* A line cut in the middle of a word at a fixed width, as some copies of
 * the header lines are at 72 columns ("...Charles O. Blah" / "a, E.O.
 * 12958", "...ECONOMIC AFFAIR" / "S ROBERT LUKE", "...for re" / "ason
 * 1.4"): the line is full, it ends inside a word, and the next begins
 * with the rest of it. */
bool broken_word(const struct parser *p, struct str prev, struct str next)
{
	size_t k = 0, j;
	struct str last;

	if (raw_line_length(p, prev) < 70)
		return false;
	prev = str_trim(prev);
	next = str_trim(next);
	if (!prev.n || !next.n || !is_alpha((unsigned char)prev.p[prev.n - 1]))
		return false;
	for (j = prev.n; j > 0 && is_alpha((unsigned char)prev.p[j - 1]); j--)
		;
	last = str_make(prev.p + j, prev.n - j);
	while (k < next.n && is_alpha((unsigned char)next.p[k]))
		k++;
	if (k < next.n && !(next.p[k] == ' ' || next.p[k] == ',' || next.p[k] == '.' || next.p[k] == ';'))
		return false;
	if (short_word(last))
		return false;
	/* "Blah" + "a,", "re" + "ason", "Reas" + "ons": the rest in lower case */
	if (is_lower((unsigned char)next.p[0]) && (k <= 4 || (k <= 6 && last.n <= 3)))
		return true;
	/* "AFFAIR" + "S ROBERT": one capital that is no word */
	return k == 1 && next.p[0] != 'A' && next.p[0] != 'I' && is_upper((unsigned char)next.p[0]) &&
	       is_upper((unsigned char)prev.p[prev.n - 1]);
}

bool tag_like(struct str s)
{
	if (s.n > 80)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		int ch = (unsigned char)s.p[i];

		if (!(is_upper(ch) || is_digit(ch) || ch == ' ' || ch == ',' || ch == ';' || ch == '-' ||
		      ch == '/'))
			return false;
	}
	return true;
}

bool mostly_lower(struct str s)
{
	return str_count_lower(s, 3) >= 3;
}

/* A line that starts with a portion marking and prose after it ("(SBU)
 * Poloff delivered ...", "(U) THIS CABLE IS ..."): a paragraph, no REF
 * item "(C) ROME 123" (an item holds a number early on). */
/* A word that is a known post ("Rome"). */
static bool known_post(struct str w)
{
	char key[48];

	station_key(w, key, sizeof(key));
	return station_known(key);
}

bool marked_prose(struct str s)
{
	struct marking m;
	const char *e = paren_marking(s, 16, &m, NULL);
	struct str rest, w;
	size_t words = 0;

	if (!e)
		return false;
	rest = str_make(e + 1, (size_t)(s.p + s.n - e - 1));
	while (words < 4 && str_next_word(&rest, &w)) {
		/* "(SBU) On September 6": a word in mixed case first, no post's */
		if (words == 0 && str_count_lower(w, 1) && is_upper((unsigned char)w.p[0]) && !known_post(w))
			return str_next_word(&rest, &w);
		if (is_digit((unsigned char)w.p[0]))
			return false;
		words++;
	}
	return words >= 2;
}

/* A handling caveat written as a sentence of its own: "(U) THIS CABLE IS
 * SENSITIVE BUT UNCLASSIFIED ...", "Sensitive but unclassified; not for
 * Internet distribution." */
bool caveat_sentence(struct str s)
{
	struct marking m;
	const char *e;

	/* "(", "THIS", "SENSITIVE", "NOT", "PLEASE", "FOR": anything else is told at once */
	if (!s.n || !(s.p[0] == '(' || letter_in((unsigned char)s.p[0], LETTER('T') | LETTER('S') | LETTER('N') |
									 LETTER('P') | LETTER('F'))))
		return false;
	e = paren_marking(s, 16, &m, NULL);

	if (e)
		s = str_trim(str_make(e + 1, (size_t)(s.p + s.n - e - 1)));
	return str_istarts(s, "THIS CABLE IS SENSITIVE") || str_istarts(s, "THIS MESSAGE IS SENSITIVE") ||
	       str_istarts(s, "SENSITIVE BUT UNCLAS") || str_istarts(s, "NOT FOR INTERNET") ||
	       str_istarts(s, "THIS CABLE IS CLASSIFIED") || str_istarts(s, "PLEASE PROTECT ACCORDINGLY") ||
	       str_istarts(s, "FOR OFFICIAL USE ONLY");
}
