/* parse_header.c -- the header fields between the classification line and
 * the first paragraph: captions, E.O. and DECL, TAGS, SUBJECT, REF and
 * Classified By, in any order, wrapped, glued together on one line, or
 * misspelt. */
#include "config.h"
#include "parse/parse_header.h"

#include <string.h>

#include "base/dates.h"
#include "base/entity.h"
#include "doc/ids.h"

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

/* ------------------------------------------------------------ the machine */

/* The marker @m at the start of @rest opens prose, not an item: its
 * marking and the words after it read as a marked paragraph. */
static bool marked_prose_after(struct str rest, struct marker m)
{
	const char *open = memchr(rest.p, '(', (size_t)(m.rest.p - rest.p));

	return open && marked_prose(str_make(open, (size_t)(rest.p + rest.n - open)));
}

/* Where text that is no reference starts inside a REF value: a portion
 * marking before prose, a caveat sentence, DERIVED FROM; else v.n. */
static size_t ref_tail_at(struct str v)
{
	for (size_t i = 1; i < v.n; i++) {
		struct str rest = str_make(v.p + i, v.n - i);

		if (v.p[i - 1] != ' ' && v.p[i - 1] != '\n')
			continue;
		if ((v.p[i] == '(' && marked_prose(rest)) || caveat_sentence(rest) || str_istarts(rest, "DERIVED FROM"))
			return i;
		/* "... AND PREVIOUS 1. (SBU) On September 6 ...": a paragraph */
		if (is_digit((unsigned char)v.p[i])) {
			struct marker m;

			if (read_marker(rest, &m) && m.has_mark && !m.bare_mark && m.rest.n && marked_prose_after(rest, m))
				return i;
		}
	}
	return v.n;
}

static void close_field(struct parser *p, struct pending *pd)
{
	struct cable *c = p->c;
	struct str v;

	if (pd->lbl == LBL_NONE)
		return;
	p->field_src = str_make(pd->start, (size_t)(pd->end - pd->start));
	if (pd->typo && pd->lbl != LBL_TAGS)
		cable_warn(c, "header label written \"%.*s\"; read as %s", (int)MIN(str_trim(pd->label).n, 24),
			   str_trim(pd->label).p,
			   pd->lbl == LBL_SUBJECT ? "SUBJECT" : pd->lbl == LBL_REF ? "REF" : pd->lbl == LBL_CLASSBY
			   ? "Classified By" : "a label");
	if (pd->np <= 1) {
		v = str_trim(str_make(pd->start, (size_t)(pd->end - pd->start)));
	} else {
		/* lines joined; REF keeps the line breaks that separate its items */
		struct buf b = { 0 };

		for (size_t i = 0; i < pd->np; i++) {
			if (i && (pd->lbl == LBL_CLASSBY || pd->lbl == LBL_SUBJECT) && broken_word(p, pd->pieces[i - 1], pd->pieces[i]))
				cable_warn(c, "a word broken at the end of a line was joined (\"%.*s\")",
					   (int)MIN(pd->pieces[i].n, 12), pd->pieces[i].p);
			else if (i)
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
		parse_tags(p, pd->pieces, pd->np, pd->typo, pd->label);
		break;
	case LBL_SUBJECT:
		p->seen_main = true;
		if (c->subject.text.n) {
			cable_warn(c, "a second SUBJECT line; kept the first");
			break;
		}
		parse_subject(p, v);
		break;
	case LBL_REF: {
		/* what the page joined to the list: "... 1460 (U) THIS CABLE IS
		 * SENSITIVE ...", "... 67 DERIVED FROM: ..." is no reference */
		size_t cut = ref_tail_at(v);

		if (cut < v.n) {
			add_caption(p, str_make(v.p + cut, v.n - cut));
			v = str_trim(str_make(v.p, cut));
		}
		buf_clear(&p->noyear);
		buf_clear(&p->earlier);
		buf_clear(&p->notcable);
		buf_clear(&p->undated);
		parse_refs(p, v);
		if (p->undated.n)
			cable_warn(c, "REF without a year, and the cable gives none: no id for %.*s",
				   (int)MIN(p->undated.n, (size_t)300), p->undated.p);
		if (p->noyear.n)
			cable_warn(c, "REF without a year, took the cable's (%d): %.*s", p->year,
				   (int)MIN(p->noyear.n, (size_t)300), p->noyear.p);
		if (p->earlier.n)
			cable_warn(c, "REF without a year, took the year before the cable's (%d): the cable's own would make "
				   "a later cable of this post: %.*s", p->year - 1, (int)MIN(p->earlier.n, (size_t)300),
				   p->earlier.p);
		if (p->notcable.n)
			cable_warn(c, "REF not read as a cable: %.*s", (int)MIN(p->notcable.n, (size_t)600),
				   p->notcable.p);
		break;
	}
	case LBL_CLASSBY:
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
	pd->caps = !str_has_lower(value);
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

	if (marked_prose(str_make(s.p + k, s.n - k)))
		return false;
	if (k + 3 < s.n && (s.p[k] == '(' || s.p[k] == '[') && is_upper((unsigned char)s.p[k + 1]) &&
	    (s.p[k + 2] == ')' || s.p[k + 2] == ']'))
		return true;   /* "(B) STATE 123", "[B] ..." */
	return k + 2 < s.n && is_upper((unsigned char)s.p[k]) &&
	       (s.p[k + 1] == '.' || s.p[k + 1] == ')' || s.p[k + 1] == ':') && s.p[k + 2] == ' ';
}

/* A Classified By line cut before its reasons by a blank line or a page
 * break: the reasons come on the next line of text. */
static bool classby_goes_on(struct parser *p, const struct pending *pd, size_t i)
{
	struct str last = pd->np ? str_trim(pd->pieces[pd->np - 1]) : STR_NULL, s;

	while (last.n && (last.p[last.n - 1] == ':' || last.p[last.n - 1] == ','))
		last = str_trim(str_make(last.p, last.n - 1));
	if (!(str_iends(last, "REASON") || str_iends(last, "REASONS") || str_iends(last, " FOR") ||
	      str_iends(last, " E.O.") || str_iends(last, " EO")))
		return false;
	while (i < p->nlines && (line_blank(p, i) || is_page_break(line_str(p, i), p->station)))
		i++;
	if (i >= p->nlines)
		return false;
	s = line_str(p, i);
	return s.n >= 3 && s.p[0] == '1' && s.p[1] == '.' && s.p[2] >= '4' && s.p[2] <= '6';
}

/* A header field broken over a blank line (a page break the copy lost):
 * the next line goes on with it when it has the field's shape and a label
 * stands on it or comes right after it. */
static bool field_goes_on(struct parser *p, const struct pending *pd, size_t i)
{
	struct str s, last = pd->np ? str_trim(pd->pieces[pd->np - 1]) : STR_NULL;
	size_t j;
	bool digit = false;

	/* past blank lines and the page break that made them */
	while (i < p->nlines && (line_blank(p, i) || (is_page_break(line_str(p, i), p->station) &&
						      !page_rest(line_str(p, i), p->station).n)))
		i++;
	if (i >= p->nlines)
		return false;
	s = line_str(p, i);
	if (label_at(s, true, &(size_t){ 0 }, &(bool){ false }) != LBL_NONE)
		return false;   /* the next field: the most common line there */
	{
		long mid = find_midline(s, 0);
		struct str head = mid >= 0 ? str_make(s.p, (size_t)mid) : s;

		if (head.n > 160 || body_marker(s) || marked_prose(s) || caveat_sentence(s) ||
		    label_at(s, true, &(size_t){ 0 }, &(bool){ false }) != LBL_NONE || str_count_lower(head, 4) >= 4)
			return false;
	}
	for (size_t k = 0; k < s.n && !digit; k++)
		digit = is_digit((unsigned char)s.p[k]);
	if (pd->lbl == LBL_REF && !digit)
		return false;
	if (pd->lbl == LBL_REF && last.n &&
	    (last.p[last.n - 1] == ',' || last.p[last.n - 1] == ';' || str_iends(last, " AND")))
		return true;
	if (pd->lbl == LBL_SUBJECT && !pd->caps)
		return false;
	if (find_midline(s, 0) >= 0)
		return true;
	for (j = i + 1; j < p->nlines && line_blank(p, j); j++)
		;
	return j < p->nlines && line_has_label(line_str(p, j)) && !body_marker(line_str(p, j));
}

/* Does an E.O., TAGS or SUBJECT label come within the next few lines? */
static bool label_follows(struct parser *p, size_t i)
{
	for (size_t seen = 0; i < p->nlines && seen < 24; i++) {
		size_t skip;
		bool typo;
		enum label l;

		if (line_blank(p, i))
			continue;
		seen++;
		l = label_at(line_str(p, i), true, &skip, &typo);
		if (l == LBL_EO || l == LBL_TAGS || l == LBL_SUBJECT)
			return true;
		/* or inside a line the copy joined: "STATE FOR ... EO 12958 DECL: ..." */
		{
			struct str s = line_str(p, i);
			long k = find_midline(s, 0);

			if (k >= 0) {
				l = label_at(str_make(s.p + k, s.n - (size_t)k), false, &skip, &typo);
				if (l == LBL_EO || l == LBL_TAGS || l == LBL_SUBJECT)
					return true;
			}
		}
	}
	return false;
}

/* Does a header label (REF, Classified By, ...) come within the next two lines? */
static bool label_soon(struct parser *p, size_t i)
{
	for (size_t seen = 0; i < p->nlines && seen < 2; i++) {
		if (line_blank(p, i))
			continue;
		seen++;
		if (line_has_label(line_str(p, i)))
			return true;
	}
	return false;
}

/* The value of the field being read holds nothing yet ("SUBJECT:" alone). */
static bool pending_empty(const struct pending *pd)
{
	for (size_t i = 0; i < pd->np; i++)
		if (str_trim(pd->pieces[i]).n)
			return false;
	return true;
}

static void add_piece(struct pending *pd, struct str s)
{
	pd->end = s.p + s.n;
	if (pd->np < MAX_PIECES)
		pd->pieces[pd->np++] = s;
	else
		pd->pieces[MAX_PIECES - 1] = str_make(pd->pieces[MAX_PIECES - 1].p,
						     (size_t)(pd->end - pd->pieces[MAX_PIECES - 1].p));
}

static bool has_digit(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (is_digit((unsigned char)s.p[i]))
			return true;
	return false;
}

/* Does line @s go on with the field being read? */
static bool continues(const struct pending *pd, struct str s)
{
	struct str last = pd->np ? str_trim(pd->pieces[pd->np - 1]) : STR_NULL;
	struct classline cl;

	if (match_class_line(s, &cl))
		return false;
	switch (pd->lbl) {
	case LBL_SUBJECT:
		return pending_empty(pd) || !(pd->caps && mostly_lower(s));
	case LBL_TAGS:
		/* capitals, or any words after a list that ends with a comma */
		return (tag_like(s) || (last.n && last.p[last.n - 1] == ',')) && !is_caption_word(s);
	case LBL_REF:
		/* after a complete item ("... 1234", "... AND PREVIOUS"), a line of
		 * prose with no number in it is the text, not more of the list */
		if (last.n && (is_digit((unsigned char)last.p[last.n - 1]) || str_iends(last, "PREVIOUS") ||
			       last.p[last.n - 1] == ')') && str_count_lower(s, 12) >= 12 && !has_digit(s))
			return false;
		return !marked_prose(s) && !caveat_sentence(s) && !str_istarts(s, "DERIVED FROM");
	case LBL_CLASSBY:
		return !marked_prose(s) && !caveat_sentence(s) && !str_istarts(s, "DERIVED FROM");
	default:
		return false;
	}
}

/* One piece of header line @i (the line, or a part of it between page
 * headers): false when the header has ended before it. */
static bool header_line(struct parser *p, struct pending *pd, size_t i, struct str s, size_t *captions)
{
	struct classline cl;
	bool labelled;   /* a label starts the line */

	if (body_marker(s))
		return false;
	labelled = label_at(s, true, &(size_t){ 0 }, &(bool){ false }) != LBL_NONE;
	if (pd->lbl != LBL_NONE && !labelled) {
		if (continues(pd, s)) {
			long k = find_midline(s, 0);

			if (pending_empty(pd))
				pd->caps = !mostly_lower(s);
			add_piece(pd, k >= 0 ? str_make(s.p, (size_t)k) : s);
			if (k < 0)
				return true;
			/* a label later on the line: "... SUBJECT GOES ON REF: A. ..." */
			close_field(p, pd);
			header_piece(p, pd, str_make(s.p + k, s.n - (size_t)k), false);
			return true;
		}
		close_field(p, pd);
	}
	if (s.n >= 20 && s.p[s.n - 3] == ':' && is_site_date_line(s))
		return true;   /* "Friday, 18 December 2009, 11:04": the header given again below */
	if (p->saw_classby && !p->c->reasons.text.n && str_istarts(s, "REASON") &&
	    (s.n > 6 && (s.p[6] == ':' || s.p[6] == ' ' || s.p[6] == 'S' || s.p[6] == 's'))) {
		/* "REASONS: 1.5 (B) AND (D)." after a page break under Classified By */
		close_field(p, pd);
		parse_reasons(p, s);
		return true;
	}
	if ((p->seen_main || p->c->nrefs || p->saw_classby) && (str_istarts(s, "DERIVED FROM") || caveat_sentence(s))) {
		/* "DERIVED FROM: DSCG 05-1 B, D", "(U) THIS CABLE IS SENSITIVE BUT
		 * UNCLASSIFIED ...": the header's, before the first paragraph */
		close_field(p, pd);
		add_caption(p, s);
		return true;
	}
	if (p->seen_main && match_class_line(s, &cl)) {
		/* the classification line again (a second page, or the header
		 * given twice): what follows it is header, captions first */
		close_field(p, pd);
		p->seen_main = false;
		if (cl.rest.n)
			header_piece(p, pd, cl.rest, true);
		return true;
	}
	if (!p->seen_main && !labelled && find_midline(s, 0) < 0) {
		/* before E.O./TAGS/SUBJECT: captions ("SIPDIS", "STATE FOR EUR/RUS")
		 * when a label follows closely; else the text has begun (an excerpt
		 * of the body, a cable without a header) */
		if (!is_caption_word(s) && (*captions >= 16 || !label_follows(p, i + 1)))
			return false;
		(*captions)++;
	}
	if (p->seen_main && s.n < 100 && !line_has_label(s) && label_soon(p, i + 1)) {
		/* a line between the fields ("SENSITIVE BUT UNCLASSIFIED--PLEASE
		 * PROTECT ACCORDINGLY"), more of them below: a caption */
		close_field(p, pd);
		add_caption(p, s);
		return true;
	}
	return header_piece(p, pd, s, true);
}

void parse_header(struct parser *p)
{
	struct pending pd;
	size_t i = p->header_start, captions = 0;

	memset(&pd, 0, sizeof(pd));
	if (p->header_rest.n)
		header_piece(p, &pd, p->header_rest, true);
	for (; i < p->nlines; i++) {
		struct str s = line_str(p, i), stop = STR_NULL;
		size_t at, len;
		bool more = true;

		if (line_blank(p, i)) {
			/* REF items may stand apart: "REF: A. ...", blank, "B. ..." */
			if (pd.lbl == LBL_REF && next_is_ref_item(p, i + 1))
				continue;
			/* "Classified By: ..., REASONS", a page break, "1.4 (B) AND (D)." */
			if (pd.lbl == LBL_CLASSBY && classby_goes_on(p, &pd, i + 1))
				continue;
			/* a field broken over a blank line */
			if ((pd.lbl == LBL_REF || pd.lbl == LBL_SUBJECT) && !pending_empty(&pd) && field_goes_on(p, &pd, i + 1))
				continue;
			/* "SUBJECT:" alone, the subject on a line of its own below */
			if (pd.lbl == LBL_SUBJECT && pending_empty(&pd))
				continue;
			close_field(p, &pd);
			continue;
		}
		if (is_page_break(s, p->station)) {
			s = page_rest(s, p->station);
			if (!s.n)
				continue;
		}
		/* a page header inside the line ("REF: A. 08 BRASILIA 175 BRASILIA
		 * 00000034 001.2 OF 005"): the line is the pieces around it */
		/* (every form holds a zero: "00000034", "PAGE 02") */
		while (more && memchr(s.p, '0', s.n) && (at = page_header_in(s, 0, &len, p->station)) != SIZE_MAX) {
			struct str before = str_trim(str_make(s.p, at)), hdr = str_make(s.p + at, len);

			cable_warn(p->c, "a page header inside a header line was left out (\"%.*s\")",
				   (int)MIN(hdr.n, 60), hdr.p);
			if (before.n && !(more = header_line(p, &pd, i, before, &captions))) {
				stop = before;
				break;
			}
			s = str_trim(str_make(s.p + at + len, s.n - at - len));
		}
		if (more && s.n && !(more = header_line(p, &pd, i, s, &captions)))
			stop = s;
		if (!more) {
			/* the header ended inside the line (after a page header):
			 * the body starts with the piece it ended at */
			if (stop.n && stop.p > line_str(p, i).p) {
				p->lines[i].off = (uint32_t)(stop.p - p->t);
				p->lines[i].len = (uint32_t)stop.n;
				p->lines[i].indent = 0;
			}
			break;
		}
	}
	close_field(p, &pd);
	p->body_start = i;
}
