/* parse_header.c -- the header fields between the classification line and
 * the first paragraph: captions, E.O. and DECL, TAGS, SUBJECT, REF and
 * Classified By, in any order, wrapped, glued together on one line, or
 * misspelt. */
#include "config.h"
#include "parse_internal.h"

#include <string.h>

#include "dates.h"
#include "ids.h"
#include "tags.h"

enum label { LBL_NONE, LBL_EO, LBL_DECL, LBL_TAGS, LBL_SUBJECT, LBL_REF, LBL_CLASSBY, LBL_SUMMARY };

#define MAX_PIECES 64

struct pending {
	enum label lbl;
	const char *start, *end;     /* the span in the text */
	struct str pieces[MAX_PIECES];  /* the lines of the value, page lines left out */
	size_t np;
	struct str label;   /* the label as written */
	bool typo;
	bool caps;          /* a SUBJECT whose first line has no lower case */
};

static bool at_word_end(struct str s, size_t k)
{
	return k >= s.n || !is_alpha((unsigned char)s.p[k]);
}

/* Length of the blanks, colons and dashes after a label. */
static size_t skip_sep(struct str s, size_t k)
{
	while (k < s.n && (s.p[k] == ' ' || s.p[k] == ':' || s.p[k] == '\t' || s.p[k] == ';'))
		k++;
	return k;
}

/* "E.O. 12958", "EO 12958", "E.o. 12958", "E. O. 12356", "E.0. 12958" */
static bool eo_label(struct str s, size_t *skip)
{
	static const char *const forms[] = { "E.O.", "E. O.", "E.0.", "E.O", "EO" };

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		size_t k = strlen(forms[f]);

		if (str_istarts(s, forms[f])) {
			size_t v = skip_sep(s, k);

			if (v > k - (forms[f][k - 1] == '.') && v < s.n && is_digit((unsigned char)s.p[v])) {
				*skip = v;
				return true;
			}
		}
	}
	return false;
}

static enum label label_at(struct str s, bool line_start, size_t *skip, bool *typo)
{
#define W(word, lbl, typo, colon) { word, sizeof(word) - 1, lbl, typo, colon }
	static const struct {
		const char *word;
		size_t len;
		enum label lbl;
		bool typo, colon;   /* colon: needs ':' right after */
	} words[] = {
		W("TAGS", LBL_TAGS, false, false), W("TAGES", LBL_TAGS, true, false),
		W("TAG", LBL_TAGS, true, true), W("TAS", LBL_TAGS, true, true),
		W("TGS", LBL_TAGS, true, false), W("TAGSS", LBL_TAGS, true, false),
		W("SUBJECT", LBL_SUBJECT, false, false), W("SUBJ", LBL_SUBJECT, false, true),
		W("SUBJET", LBL_SUBJECT, true, true),
		W("REFTELS", LBL_REF, false, true), W("REFTEL", LBL_REF, false, true),
		W("REFERENCES", LBL_REF, false, true), W("REFERENCE", LBL_REF, false, true),
		W("REFS", LBL_REF, false, false), W("REF", LBL_REF, false, false),
		W("DECL", LBL_DECL, false, true),
	};
#undef W
	size_t k;

	*typo = false;
	if (eo_label(s, skip))
		return LBL_EO;
	if (!line_start) {
		/* inside a line only the unmistakable forms count */
		if (str_istarts(s, "TAGS:") || str_istarts(s, "SUBJECT:") || str_istarts(s, "SUBJ:")) {
			*skip = skip_sep(s, str_istarts(s, "SUBJ:") ? 5 : (str_istarts(s, "TAGS:") ? 5 : 8));
			return str_istarts(s, "TAGS:") ? LBL_TAGS : LBL_SUBJECT;
		}
		return LBL_NONE;
	}
	/* "(U) Classified by ..." */
	k = 0;
	if (s.n > 4 && s.p[0] == '(') {
		const char *close = memchr(s.p, ')', MIN(s.n, 8));

		if (close)
			k = (size_t)(close - s.p) + 1;
		while (k < s.n && s.p[k] == ' ')
			k++;
	}
	if (str_istarts(str_make(s.p + k, s.n - k), "CLASSIFIED BY")) {
		*skip = skip_sep(s, k + 13);
		return LBL_CLASSBY;
	}
	if (str_istarts(s, "DECLASSIFY ON")) {
		*skip = skip_sep(s, 13);
		return LBL_DECL;
	}
	if (str_istarts(s, "SUMMARY") && at_word_end(s, 7))
		return LBL_SUMMARY;
	if (str_istarts(s, "BEGIN SUMMARY") || str_istarts(s, "SUMMAY:"))
		return LBL_SUMMARY;
	/* every label here starts with T, S, R or D */
	if (!s.n || !strchr("TSRDtsrd", s.p[0]))
		return LBL_NONE;
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		size_t n = words[w].len;

		if (to_upper((unsigned char)s.p[0]) != words[w].word[0] || !str_istarts(s, words[w].word) ||
		    !at_word_end(s, n))
			continue;
		if (n < s.n && s.p[n] == '(' && str_istarts(str_make(s.p + n, s.n - n), "(S)"))
			n += 3;   /* REF(S): */
		if (words[w].colon && (n >= s.n || s.p[n] != ':'))
			continue;
		if (!words[w].colon && n < s.n && !(s.p[n] == ':' || s.p[n] == ' ' || s.p[n] == ',' ||
						   s.p[n] == ';' || s.p[n] == '-' || s.p[n] == '.'))
			continue;
		/* "SUBJECT" and "REF" without a colon must be followed by capitals */
		if (n < s.n && s.p[n] == ' ' && (words[w].lbl == LBL_SUBJECT || words[w].lbl == LBL_REF)) {
			size_t v = skip_sep(s, n);

			if (v < s.n && is_lower((unsigned char)s.p[v]))
				continue;
		}
		k = n;
		while (k < s.n && (s.p[k] == ' ' || s.p[k] == ':' || s.p[k] == ',' || s.p[k] == ';' ||
				   s.p[k] == '-' || s.p[k] == '.'))
			k++;
		*skip = k;
		*typo = words[w].typo || (n < s.n && s.p[n] != ':' && words[w].lbl == LBL_TAGS);
		return words[w].lbl;
	}
	return LBL_NONE;
}

/* Offset of the next label inside @s after @from, or -1. */
static long find_midline(struct str s, size_t from)
{
	size_t skip;
	bool typo;

	for (size_t i = from; i + 4 < s.n; i++) {
		if (s.p[i] != ' ')
			continue;
		struct str rest = str_make(s.p + i + 1, s.n - i - 1);
		char ch = (char)to_upper((unsigned char)rest.p[0]);

		if ((ch == 'E' || ch == 'T' || ch == 'S') && label_at(rest, false, &skip, &typo) != LBL_NONE)
			return (long)i + 1;
	}
	return -1;
}

/* ------------------------------------------------------------------ fields */

/* Sets @f to @s; when @s is a joined copy, the span is the whole field's. */
static void set_field(struct parser *p, struct field *f, struct str s)
{
	f->text = s;
	f->at = text_span(p, s);
	if (f->at.off == SPAN_NONE)
		f->at = text_span(p, p->field_src);
}

/* The declassification part: "DECL: 10/06/2014", "N/A", "OADR", "X1". */
static void parse_decl(struct parser *p, struct str v)
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
static void parse_eo(struct parser *p, struct str v)
{
	struct cable *c = p->c;
	size_t i = 0;

	while (i < v.n && is_digit((unsigned char)v.p[i]))
		i++;
	if (!c->eo.text.n)
		set_field(p, &c->eo, str_make(v.p, i));
	parse_decl(p, str_make(v.p + i, v.n - i));
}

static void add_caption(struct parser *p, struct str s)
{
	static const char *const known[] = { "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS",
					     "LIMDIS", "STADIS", "CHEROKEE", "EFTO" };
	struct cable *c = p->c;
	bool all_known = true;
	struct str rest, w;

	s = str_trim(s);
	if (!s.n)
		return;
	/* "SIPDIS SIPDIS" and "NOFORN SIPDIS" are several captions */
	for (rest = s; all_known && str_next_word(&rest, &w);) {
		bool k = false;

		for (size_t j = 0; j < sizeof(known) / sizeof(known[0]); j++)
			k |= str_ieq(w, known[j]);
		all_known = k;
	}
	if (!all_known) {
		set_field(p, cable_add_field(c, &c->captions, &c->ncaptions, &c->cap_captions), s);
		return;
	}
	for (rest = s; str_next_word(&rest, &w);)
		set_field(p, cable_add_field(c, &c->captions, &c->ncaptions, &c->cap_captions), w);
}

static bool is_caption_word(struct str s)
{
	static const char *const words[] = { "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS",
					     "LIMDIS", "STADIS", "CHEROKEE", "EFTO", "E F T O",
					     "SIPDIS SIPDIS", "NOFORN SIPDIS", "SENSITIVE SIPDIS" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (str_ieq(s, words[i]))
			return true;
	return false;
}

/* TAGS: space- or comma-separated, multi-word tags from the vocabulary,
 * SIPDIS inside, lower case in some copies. */
static void parse_tags(struct parser *p, struct str v, bool typo, struct str label)
{
	struct cable *c = p->c;
	struct str words[256];
	bool comma_before[256];
	size_t nw = 0, i = 0;
	bool lower = false, comma = false;

	if (typo)
		cable_warn(c, "TAGS label written \"%.*s\"", (int)MIN(label.n, 12), label.p);
	while (i < v.n && nw < 256) {
		while (i < v.n && (v.p[i] == ' ' || v.p[i] == ',' || v.p[i] == ';' || v.p[i] == '\n' ||
				   v.p[i] == '\r' || v.p[i] == '\t')) {
			comma |= v.p[i] == ',' || v.p[i] == ';';
			i++;
		}
		if (i >= v.n)
			break;
		size_t s = i;

		while (i < v.n && !(v.p[i] == ' ' || v.p[i] == ',' || v.p[i] == ';' || v.p[i] == '\n' ||
				    v.p[i] == '\r' || v.p[i] == '\t'))
			i++;
		words[nw] = str_make(v.p + s, i - s);
		comma_before[nw] = comma;
		comma = false;
		nw++;
	}
	for (i = 0; i < nw; i++) {
		struct str w = words[i];
		size_t take = 1;

		if (str_ieq(w, "SIPDIS")) {
			add_caption(p, w);
			cable_warn(c, "SIPDIS inside the TAGS; moved to the captions");
			continue;
		}
		/* multi-word tags known to the vocabulary, not split by commas */
		size_t run = 1;

		while (i + run < nw && !comma_before[i + run] && run < 4)
			run++;
		take = tags_multiword(words + i, run);
		if (!take)
			take = 1;
		struct str whole = str_make(w.p, (size_t)(words[i + take - 1].p + words[i + take - 1].n - w.p));
		struct field *f = cable_add_field(c, &c->tags, &c->ntags, &c->cap_tags);
		bool has_lower = false;

		for (size_t k = 0; k < whole.n; k++)
			has_lower |= is_lower((unsigned char)whole.p[k]);
		f->at = text_span(p, whole);
		if (has_lower || take > 1) {
			char tmp[128];
			size_t n = 0;

			for (size_t k = 0; k < whole.n && n + 1 < sizeof(tmp); k++) {
				char ch = whole.p[k];

				if (is_space((unsigned char)ch)) {
					if (n && tmp[n - 1] != ' ')
						tmp[n++] = ' ';
					continue;
				}
				tmp[n++] = (char)to_upper((unsigned char)ch);
			}
			f->text = keep(p, str_make(tmp, utf8_drop_partial(tmp, n)));
			lower |= has_lower;
		} else {
			f->text = whole;
		}
		i += take - 1;
	}
	if (lower)
		cable_warn(c, "TAGS written in lower case; upper-cased");
}

/* "A. STATE 12345 B. ROME 3900", "A)STATE 198912", "09 DUSHANBE 406",
 * "STATE 272523; USUN 6028", "AND 2764" after a station. */
static void parse_classby(struct parser *p, struct str orig)
{
	struct cable *c = p->c;
	long at;
	struct str by, why = STR_NULL, v;

	v = join_wrapped(p, orig);
	while (str_istarts(v, "CLASSIFIED BY")) {
		v = str_make(v.p + 13, v.n - 13);
		v = str_make(v.p + skip_sep(v, 0), v.n - skip_sep(v, 0));
		cable_warn(c, "\"Classified by\" written twice");
	}
	at = str_ifind(v, "REASON");
	if (at >= 0) {
		size_t k = (size_t)at + 6;

		if (k < v.n && (v.p[k] == 'S' || v.p[k] == 's'))
			k++;
		k = skip_sep(v, k);
		why = str_make(v.p + k, v.n - k);
		by = str_make(v.p, (size_t)at);
	} else {
		/* no word "reasons": the reasons start at "1.4" */
		by = v;
		for (size_t i = 0; i + 2 < v.n; i++) {
			if (v.p[i] == '1' && v.p[i + 1] == '.' && is_digit((unsigned char)v.p[i + 2]) &&
			    (i == 0 || v.p[i - 1] == ' ' || v.p[i - 1] == ',')) {
				why = str_make(v.p + i, v.n - i);
				by = str_make(v.p, i);
				break;
			}
		}
	}
	by = str_trim(by);
	for (;;) {
		while (by.n && (by.p[by.n - 1] == ',' || by.p[by.n - 1] == ';' || by.p[by.n - 1] == '.' ||
				by.p[by.n - 1] == ' ' || by.p[by.n - 1] == ':' || by.p[by.n - 1] == '-'))
			by.n--;
		if (by.n > 4 && str_ieq(str_make(by.p + by.n - 4, 4), " FOR")) {
			by.n -= 4;
			continue;
		}
		break;
	}
	/* keep "E." of an initial but not the sentence's full stop */
	if (by.n && v.n > by.n && by.p[by.n] == '.' && by.n >= 2 && by.p[by.n - 2] == ' ')
		by.n++;
	why = str_trim(why);
	while (why.n && (why.p[why.n - 1] == '.' || why.p[why.n - 1] == ','))
		why.n--;
	set_field(p, &c->classified_by, by);
	set_field(p, &c->reasons, why);
}

/* ------------------------------------------------------------ the machine */

static void close_field(struct parser *p, struct pending *pd)
{
	struct cable *c = p->c;
	struct str v;

	if (pd->lbl == LBL_NONE)
		return;
	p->field_src = str_make(pd->start, (size_t)(pd->end - pd->start));
	if (pd->np <= 1) {
		v = str_trim(str_make(pd->start, (size_t)(pd->end - pd->start)));
	} else {
		/* lines joined; REF keeps the line breaks that separate its items */
		struct buf b = { 0 };

		for (size_t i = 0; i < pd->np; i++) {
			if (i)
				buf_addc(&b, pd->lbl == LBL_REF ? '\n' : ' ');
			buf_addstr(&b, pd->pieces[i]);
		}
		v = str_trim(keep(p, buf_str(&b)));
		buf_free(&b);
	}
	switch (pd->lbl) {
	case LBL_EO:
		p->seen_main = true;
		parse_eo(p, v);
		break;
	case LBL_DECL:
		parse_decl(p, v);
		break;
	case LBL_TAGS:
		p->seen_main = true;
		if (c->ntags)
			cable_warn(c, "a second TAGS line; its tags were added");
		parse_tags(p, v, pd->typo, pd->label);
		break;
	case LBL_SUBJECT:
		p->seen_main = true;
		if (c->subject.text.n) {
			cable_warn(c, "a second SUBJECT line; kept the first");
			break;
		}
		set_field(p, &c->subject, join_wrapped(p, v));
		break;
	case LBL_REF:
		buf_clear(&p->noyear);
		parse_refs(p, v);
		if (p->noyear.n)
			cable_warn(c, "REF without a year, took the cable's (%d): %.*s", p->year,
				   (int)MIN(p->noyear.n, (size_t)300), p->noyear.p);
		break;
	case LBL_CLASSBY:
		if (!c->classified_by.text.n)
			parse_classby(p, v);
		break;
	case LBL_NONE:
	case LBL_SUMMARY:
		break;
	}
	pd->lbl = LBL_NONE;
}

static void open_field(struct pending *pd, enum label l, struct str label, struct str value, bool typo)
{
	pd->lbl = l;
	pd->label = label;
	pd->start = value.p;
	pd->end = value.p + value.n;
	pd->pieces[0] = value;
	pd->np = 1;
	pd->typo = typo;
	pd->caps = true;
	for (size_t i = 0; i < value.n; i++)
		if (is_lower((unsigned char)value.p[i]))
			pd->caps = false;
}

/* Handles one line (or the rest of the classification line); returns false
 * when the line is not header material. */
static bool header_piece(struct parser *p, struct pending *pd, struct str s, bool line_start)
{
	size_t skip;
	bool typo;
	enum label l = label_at(s, line_start, &skip, &typo);

	if (l == LBL_SUMMARY)
		return false;
	if (l == LBL_NONE) {
		long k = find_midline(s, 0);
		struct str head = k >= 0 ? str_make(s.p, (size_t)k) : s;

		if (p->seen_main && !is_caption_word(str_trim(head)) && k < 0)
			return false;
		close_field(p, pd);
		add_caption(p, head);
		if (k < 0)
			return true;
		s = str_make(s.p + k, s.n - (size_t)k);
		l = label_at(s, false, &skip, &typo);
	}
	while (l != LBL_NONE && l != LBL_SUMMARY) {
		struct str label = str_make(s.p, skip);
		struct str value = str_make(s.p + skip, s.n - skip);
		long k = find_midline(value, 0);

		close_field(p, pd);
		if (k >= 0) {
			open_field(pd, l, label, str_make(value.p, (size_t)k), typo);
			close_field(p, pd);
			s = str_make(value.p + k, value.n - (size_t)k);
			l = label_at(s, false, &skip, &typo);
			continue;
		}
		open_field(pd, l, label, value, typo);
		break;
	}
	return true;
}

static bool tag_like(struct str s)
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

static bool mostly_lower(struct str s)
{
	size_t lower = 0;

	for (size_t i = 0; i < s.n; i++)
		lower += is_lower((unsigned char)s.p[i]);
	return lower >= 3;
}

/* Does a paragraph start on this line?  Only clear markers count here. */
static bool body_marker(struct str s)
{
	struct marker m;

	return read_marker(s, &m) && (m.has_mark || m.pilcrow || m.k == 1 || m.k == 11);
}

/* Is the next non-blank line a lettered REF item ("B. ROME 123", "¶C. ...")? */
static bool next_is_ref_item(struct parser *p, size_t i)
{
	while (i < p->nlines && line_blank(p, i))
		i++;
	if (i >= p->nlines)
		return false;
	struct str s = line_str(p, i);
	size_t k = is_pilcrow_at(s, 0) ? 2 : 0;

	return k + 2 < s.n && is_upper((unsigned char)s.p[k]) && (s.p[k + 1] == '.' || s.p[k + 1] == ')') &&
	       s.p[k + 2] == ' ';
}

/* Does an E.O., TAGS or SUBJECT label come within the next few lines? */
static bool label_follows(struct parser *p, size_t i)
{
	for (size_t seen = 0; i < p->nlines && seen < 12; i++) {
		size_t skip;
		bool typo;
		enum label l;

		if (line_blank(p, i))
			continue;
		seen++;
		l = label_at(line_str(p, i), true, &skip, &typo);
		if (l == LBL_EO || l == LBL_TAGS || l == LBL_SUBJECT)
			return true;
	}
	return false;
}

void parse_header(struct parser *p)
{
	struct pending pd;
	size_t i = p->header_start, captions = 0;

	memset(&pd, 0, sizeof(pd));
	if (p->header_rest.n)
		header_piece(p, &pd, p->header_rest, true);
	for (; i < p->nlines; i++) {
		struct str s = line_str(p, i);

		if (line_blank(p, i)) {
			/* REF items may stand apart: "REF: A. ...", blank, "B. ..." */
			if (pd.lbl == LBL_REF && next_is_ref_item(p, i + 1))
				continue;
			close_field(p, &pd);
			continue;
		}
		if (is_page_break(s, p->lines[i].indent)) {
			s = page_rest(s);
			if (!s.n)
				continue;
		}
		if (body_marker(s))
			break;
		if (pd.lbl != LBL_NONE) {
			size_t skip;
			bool typo;
			enum label l = label_at(s, true, &skip, &typo);

			if (l == LBL_NONE) {
				bool cont = false;

				switch (pd.lbl) {
				case LBL_SUBJECT:
					cont = !(pd.caps && mostly_lower(s));
					break;
				case LBL_TAGS:
					cont = tag_like(s) && !is_caption_word(s);
					break;
				case LBL_REF:
				case LBL_CLASSBY:
					cont = true;
					break;
				default:
					break;
				}
				if (cont) {
					pd.end = s.p + s.n;
					if (pd.np < MAX_PIECES)
						pd.pieces[pd.np++] = s;
					else
						pd.pieces[MAX_PIECES - 1] = str_make(pd.pieces[MAX_PIECES - 1].p,
										     (size_t)(pd.end - pd.pieces[MAX_PIECES - 1].p));
					continue;
				}
				close_field(p, &pd);
			}
		}
		if (!p->seen_main && label_at(s, true, &(size_t){ 0 }, &(bool){ false }) == LBL_NONE &&
		    find_midline(s, 0) < 0) {
			/* before E.O./TAGS/SUBJECT: captions, short and mostly capitals,
			 * or anything when a label follows closely */
			if ((s.n > 100 || captions >= 16 || (mostly_lower(s) && !is_caption_word(s))) &&
			    !label_follows(p, i + 1))
				break;
			captions++;
		}
		if (!header_piece(p, &pd, s, true))
			break;
	}
	close_field(p, &pd);
	p->body_start = i;
}
