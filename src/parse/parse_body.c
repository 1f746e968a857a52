/* parse_body.c -- paragraphs (with the true number inferred from the
 * sequence when the marker is mangled, numbers written twice, numberings
 * that start again inside a quoted text), each with its address; portion
 * markings, section headings, SUMMARY ... END SUMMARY, page breaks and the
 * page headers glued into lines.  The signer and the last lines are
 * parse_tail.c's. */
#include "config.h"
#include "parse/parse_body.h"

#include "base/dates.h"

#include <stdio.h>
#include <string.h>

/* Does the line end with a word a number goes with ("on October", "see
 * para", "No.")?  Then a "¶16." below it is the number, a ¶ sign wrongly
 * put before it, and no paragraph. */
static bool number_follows(struct str s)
{
	static const char *const words[] = { "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "NO.", "NR.", "NUMBER",
					     "RESOLUTION", "PAGE", "SECTION", "ARTICLE", "CHAPTER" };
	size_t j = s.n;
	struct str w;

	while (j > 0 && s.p[j - 1] != ' ')
		j--;
	w = str_make(s.p + j, s.n - j);
	return month_from_name(w) || (w.n == 4 && w.p[3] == '.' && month_from_name(str_make(w.p, 3))) ||
	       STR_IEQ_ANY(w, words);
}

/* A cheap look at the first byte before read_marker(): a digit, "-",
 * "\\P" (any byte up to @upto) or the lead byte of "¶" (any byte past
 * ASCII).  Compared as unsigned: a test on a plain char let the "¶" lines
 * through only where char is signed. */
static bool may_start_marker(struct str s, char upto)
{
	unsigned char ch = s.n ? (unsigned char)s.p[0] : 0;

	return s.n && (ch <= (unsigned char)upto || ch >= 0x80);
}

/* A ¶ sign wrongly put before a number in running text: @s goes on from
 * @after, the line is running text, and the sign's removal is said
 * (quoting @what). */
static struct str drop_stray_sign(struct cable *c, struct body *b, struct str s, const char *after,
				  struct str what)
{
	cable_warn(c, "a stray pilcrow before \"%.*s\" in the text; removed", (int)MIN(what.n, (size_t)12), what.p);
	b->stray_sign = true;
	return str_make(after, s.n - (size_t)(after - s.p));
}

/* The cable's subject written again: "SUBJECT: IRAN VIEW FROM BAKU: ..." */
static bool subject_again(const struct cable *c, struct str s)
{
	struct str v, sub = c->subject.text;
	size_t i = 0, j = 0, same = 0;

	if (!str_istarts(s, "SUBJECT:") || !sub.n)
		return false;
	v = str_trim(str_make(s.p + 8, s.n - 8));
	/* the same letters, blanks and case aside, for 24 of them (or all) */
	while (i < v.n && j < sub.n && same < 24) {
		if (!is_alpha((unsigned char)v.p[i]) && !is_digit((unsigned char)v.p[i])) {
			i++;
			continue;
		}
		if (!is_alpha((unsigned char)sub.p[j]) && !is_digit((unsigned char)sub.p[j])) {
			j++;
			continue;
		}
		if (to_upper((unsigned char)v.p[i]) != to_upper((unsigned char)sub.p[j]))
			return false;
		i++;
		j++;
		same++;
	}
	return same >= 12 || (same && j == sub.n);
}

/* Appends @s to the paragraph, without the page headers glued into it. */
static void add_text(struct parser *p, struct body *b, struct str s)
{
	size_t len, at;

	if (!b->any_header) {
		buf_addstr(&p->scratch, s);
		return;
	}
	while ((at = page_header_in(s, 0, &len, p->station)) != SIZE_MAX) {
		struct str before = str_trim(str_make(s.p, at));

		buf_addstr(&p->scratch, before);
		s = str_trim(str_make(s.p + at + len, s.n - at - len));
		if (before.n && s.n)
			buf_addc(&p->scratch, ' ');
		b->page_headers++;
	}
	buf_addstr(&p->scratch, s);
}

static void close_para(struct parser *p, struct body *b)
{
	struct cable *c = p->c;
	struct paragraph *para;
	struct str t;

	if (b->cur < 0)
		return;
	para = &c->paras[b->cur];
	t = str_trim(buf_str(&p->scratch));
	para->text = keep(p, t);
	para->at = text_span(p, str_make(b->first, (size_t)(b->last - b->first)));
	if (b->in_summary) {
		long at = str_ifind(t, "END SUMMARY");

		if (at < 0)
			at = str_ifind(t, "END OF SUMMARY");
		if (at >= 0) {
			b->in_summary = false;
			b->section = b->saved_section;
		}
	}
	if (para->number == 0 && !para->text.n && !para->marking.level)
		c->nparas--;
	b->cur = -1;
	buf_clear(&p->scratch);
	b->prev = STR_NULL;
}

static void open_para(struct parser *p, struct body *b, int number, const struct marker *m,
		      struct str first_text, struct str line)
{
	struct cable *c = p->c;
	struct paragraph *para;

	close_para(p, b);
	para = cable_add_para(c);
	b->cur = (long)c->nparas - 1;
	para->number = number;
	if (m) {
		para->number_as_written = m->written;
		if (m->has_mark) {
			para->marking = m->mark;
			para->marking_as_written = m->mark_written;
			if (m->bare_mark)
				cable_warn(c, "¶%d's marking \"%.*s)\" lacks its opening parenthesis", number,
					   (int)m->mark_written.n, m->mark_written.p);
			if (m->entire && !b->have_entire) {
				b->have_entire = true;
				b->entire = m->mark;
				b->entire.rel = STR_NULL;
			}
		}
	}
	{
		struct marking em;
		long at = first_text.n < 48 && !b->have_entire ? str_ifind(first_text, "ENTIRE TEXT") : -1;

		if (at > 0) {
			struct str lvl = str_trim(str_make(first_text.p, (size_t)at));

			while (lvl.n && (lvl.p[lvl.n - 1] == '-' || lvl.p[lvl.n - 1] == ' '))
				lvl.n--;
			if (lvl.n && lvl.p[0] == '(' && lvl.p[lvl.n - 1] == ')') {
				lvl.p++;
				lvl.n -= 2;
			}
			if (marking_parse_portion(lvl, &em, NULL) || marking_parse_classification(lvl, &em)) {
				b->have_entire = true;
				b->entire = em;
				b->entire.rel = STR_NULL;
			}
		}
	}
	if (starts_summary(first_text) && !section_is_summary(c, b->section)) {
		b->saved_section = b->section;
		b->section = add_section(p, str_make(first_text.p, str_istarts(first_text, "BEGIN ")
								       ? 13 : (str_istarts(first_text, "SUMMAY") ? 6 : 7)));
		c->sections[b->section].title = STR_LIT("Summary");
		b->in_summary = true;
	}
	para->section = b->section;
	b->first = line.p;
	b->last = line.p + line.n;
	b->inner = 0;
	buf_clear(&p->scratch);
	add_text(p, b, first_text);
	b->prev = first_text.n ? line : STR_NULL;
	b->pending_blank = false;
}

static bool list_item(struct str s)
{
	if (!s.n)
		return false;
	if (s.p[0] == '-' || s.p[0] == '*' || s.p[0] == '=' ||
	    ((unsigned char)s.p[0] == 0xE2 && s.n > 2 && (unsigned char)s.p[1] == 0x80))
		return true;
	if (s.n >= 3 && s.p[0] == '(' && (is_alpha((unsigned char)s.p[1]) || is_digit((unsigned char)s.p[1])) &&
	    s.p[2] == ')')
		return true;
	if (s.n >= 3 && (is_upper((unsigned char)s.p[0]) || is_digit((unsigned char)s.p[0])) &&
	    (s.p[1] == '.' || s.p[1] == ')') && s.p[2] == ' ')
		return true;
	return false;
}

/* Appends a line to the open paragraph, joining hard wraps. */
static void append_line(struct parser *p, struct body *b, struct str s, uint32_t indent)
{
	struct buf *t = &p->scratch;
	struct str prev = b->prev;

	if (t->n == 0) {
		add_text(p, b, s);
	} else if (b->pending_blank) {
		buf_add(t, "\n\n", 2);
		if (indent >= 4)
			for (uint32_t k = 0; k < MIN(indent, 40u); k++)
				buf_addc(t, ' ');
		add_text(p, b, s);
	} else {
		char pl = prev.n ? prev.p[prev.n - 1] : ' ';
		bool hyphen = prev.n >= 2 && pl == '-' && is_alpha((unsigned char)prev.p[prev.n - 2]) &&
			      s.n && is_alpha((unsigned char)s.p[0]);
		bool item = list_item(s) && !b->stray_sign;
		bool goes_on = !ends_sentence(prev) && s.n &&
			       (is_lower((unsigned char)s.p[0]) || b->stray_sign || (prev.n > 100 && !item));

		if (goes_on && !hyphen) {
			/* a sentence goes on over the line end, whatever the layout
			 * (an indented line after a page break, a long line cut) */
			buf_addc(t, ' ');
		} else if (item || (indent >= 4 && prev.n < 45)) {
			buf_addc(t, '\n');
			for (uint32_t k = 0; indent >= 4 && k < MIN(indent, 40u); k++)
				buf_addc(t, ' ');
		} else if (hyphen) {
			/* "JURIS-" + "DICTION": the line break goes, the hyphen stays */
		} else if (prev.n > 100) {
			buf_addc(t, '\n');
		} else if (prev.n >= 45 || (s.n && is_lower((unsigned char)s.p[0])) || !ends_sentence(prev)) {
			buf_addc(t, ' ');
		} else {
			buf_addc(t, '\n');
		}
		add_text(p, b, s);
	}
	b->prev = s;
	b->last = s.p + s.n;
	b->pending_blank = false;
}

static void apply_entire(struct parser *p, struct body *b)
{
	struct cable *c = p->c;
	size_t n = 0;

	if (!b->have_entire)
		return;
	for (size_t i = 0; i < c->nparas; i++) {
		if (c->paras[i].marking.level == LEVEL_NONE) {
			c->paras[i].marking = b->entire;
			n++;
		}
	}
	if (n)
		cable_warn(c, "the marking for the entire text (%s) was given to %zu unmarked paragraph%s",
			   level_abbrev(b->entire.level), n, n == 1 ? "" : "s");
}

/* A line that marks the whole text: "(C - ENTIRE TEXT)", "(U) ENTIRE TEXT." */
static bool entire_line(struct str s, struct marking *m)
{
	return s.n >= 3 && s.n <= 40 && str_ifind(s, "ENTIRE TEXT") >= 0 && paren_marking(s, s.n, m, NULL);
}

/* Before the lines: the glued page headers looked for once over the whole
 * text, and whether the cable numbers its paragraphs at all. */
static void body_begin(struct parser *p, struct body *b, size_t end)
{
	struct cable *c = p->c;
	size_t i;

	memset(b, 0, sizeof(*b));
	b->expected = 1;
	b->cur = -1;
	/* one look over the whole text, so that a line of it need not be looked at */
	if (end > p->body_start) {
		struct str text = str_make(p->t + p->lines[p->body_start].off, p->n - p->lines[p->body_start].off);
		size_t at = 0, len;

		/* page headers alone on their lines are page breaks; only the
		 * glued ones count (those of the old telegrams, "PAGE 02 ...",
		 * stand at a line's start: page breaks too) */
		while (!b->any_header && (at = station_header_in(text, at, &len, p->station)) != SIZE_MAX) {
			size_t a = at, e = at + len;

			while (a > 0 && (text.p[a - 1] == ' ' || text.p[a - 1] == '\t'))
				a--;
			while (e < text.n && (text.p[e] == ' ' || text.p[e] == '\t' || text.p[e] == '\r'))
				e++;
			b->any_header = !((a == 0 || text.p[a - 1] == '\n') && (e == text.n || text.p[e] == '\n'));
			at += len;
		}
	}
	b->section = b->saved_section = -1;
	p->body_end = end;

	/* does the cable number its paragraphs at all? */
	for (i = p->body_start; i < end && !b->numbered; i++) {
		struct marker m;

		if (may_start_marker(line_str(p, i), '9') && read_marker(line_str(p, i), &m) &&
		    (m.k == 1 || m.k == 11 || (m.has_mark && m.k <= 30) ||
		     (m.k <= 3 && (i == p->body_start || line_blank(p, i - 1) || is_redacted(line_str(p, i - 1))))))
			b->numbered = true;
	}
	/* an excerpt may start at any paragraph: "4. We look forward ..." */
	b->excerpt = !p->seen_main && !p->have_class_line && !c->routing.present;
	if (!b->numbered && b->excerpt) {
		size_t k = next_content(p, p->body_start, end);
		struct marker m;

		b->numbered = k < end && read_marker(line_str(p, k), &m) && m.k >= 1 && m.k <= 999;
	}
	if (!b->numbered && end > p->body_start)
		cable_warn(c, "the paragraphs are not numbered; addressed by position");
}

/* What a line of the text is before its words: a blank, a page break and
 * what stands under it, SIPDIS, a stray pilcrow, a rule; @s is what is
 * left of it.  False when nothing is (the line is done). */
static bool body_line(struct parser *p, struct body *b, size_t i, size_t end, bool broke, struct str *s)
{
	struct cable *c = p->c;
	size_t next;

	if (line_blank(p, i)) {
		if (b->cur >= 0 && !b->after_break)
			b->pending_blank = true;
		return false;
	}
	if (is_page_break(*s, p->station)) {
		/* the blank lines around a page break are not the text's */
		if (b->pending_blank && b->prev.n && ends_sentence(b->prev)) {
			b->after_break = false;
		} else {
			b->pending_blank = false;
			b->after_break = true;
		}
		*s = page_rest(*s, p->station);
		if (!s->n)
			return false;
	}
	b->after_break = false;
	if (broke && subject_again(c, *s)) {
		/* "SUBJECT: ..." under the page header, as each page of a
		 * telegram repeats it: the page header's, not the text's */
		b->page_headers++;
		b->after_break = true;
		return false;
	}
	{
		/* "BRASILIA 00001378 003.2 OF 003 the current legislation ...":
		 * a page header, the text going on after it */
		size_t len;

		if (b->any_header && page_header_in(*s, 0, &len, p->station) == 0) {
			*s = str_trim(str_make(s->p + len, s->n - len));
			b->page_headers++;
			if (b->prev.n && !ends_sentence(b->prev))
				b->pending_blank = false;
			if (!s->n)
				return false;
		}
	}
	/* (the first letter first: these run on every line) */
	if ((s->p[0] | 0x20) == 's' && str_ieq(*s, "SIPDIS")) {
		cable_warn(c, "a SIPDIS line inside the text was left out");
		return false;
	}
	if ((s->p[0] | 0x20) == 's' && str_istarts(*s, "SIPDIS ") && s->n > 7 && s->p[7] != ' ') {
		/* the caption pasted over the start of a line of text */
		cable_warn(c, "SIPDIS glued to the start of a line of text; removed");
		*s = str_make(s->p + 7, s->n - 7);
	}
	if (is_pilcrow_at(*s, 0) && s->n > 4 && is_upper((unsigned char)s->p[2]) &&
	    (s->p[3] == '.' || s->p[3] == ')')) {
		cable_warn(c, "a stray pilcrow before the lettered item \"%c.\"; removed", s->p[2]);
		*s = str_make(s->p + 2, s->n - 2);
	}
	if (entire_line(*s, &b->entire) && b->cur < 0) {
		b->have_entire = true;
		return false;
	}
	if ((s->p[0] == '-' || s->p[0] == '=' || s->p[0] == '_') && is_rule(*s)) {
		size_t k = next_content(p, i + 1, end);

		/* the rule above a heading ("-------\nSummary\n-------") */
		if (k < end && k + 1 < end && heading_at(p, b, k, end, &next) && k == i + 1)
			return false;
		if (b->cur < 0 || b->prev.n == 0)
			return false;
	}
	return true;
}

/* A paragraph marker at the start of the line ("3. (C)"): true when it
 * opened a paragraph; else what it leaves of @s. */
static bool body_marker(struct parser *p, struct body *b, bool broke, struct str *s)
{
	struct cable *c = p->c;
	struct marker m;
	int number;

	if (may_start_marker(*s, '\\') && read_marker(*s, &m)) {
		/* a marker starts a paragraph after a blank line or a sentence's
		 * end; after a page break, one with its portion marking does */
		bool fresh = b->pending_blank || b->cur < 0 || !b->prev.n || ends_sentence(b->prev) || is_redacted(b->prev) ||
			     is_rule(b->prev) ||
			     ((broke || is_rule(b->prev) || heading_like(b->prev)) && m.has_mark) ||
			     (m.has_mark && m.k >= b->expected && m.k <= b->expected + 3 && !number_follows(b->prev));

		/* "... posed in paragraph" / "3.": the number the sentence
		 * goes on with, a blank line or a page between them */
		if (fresh && b->prev.n && !ends_sentence(b->prev) && number_follows(b->prev) && !m.has_mark) {
			fresh = false;
			b->pending_blank = false;   /* the sentence goes on over the gap */
		}

		enum take take;

		number = body_decide(p, b, &m, fresh, true, &take);
		if (number > 0) {
			b->taken++;
			b->with_pilcrow += m.pilcrow;
			b->with_paren += m.paren;
			open_para(p, b, number, &m, m.rest, *s);
			if (take == TAKE_RESTART)
				b->outer = b->expected;
			else if (take == TAKE_RESUME)
				b->outer = 0;
			if (take != TAKE_AGAIN)
				b->expected = number + 1;
			b->again_next = take == TAKE_AGAIN ? number + 1 : 0;
			return true;
		}
		b->inner = m.k;
		if (m.pilcrow)
			*s = drop_stray_sign(c, b, *s, m.pilcrow_at.p + m.pilcrow_at.n, m.written);
	} else if (is_pilcrow_at(*s, 0) && s->n > 2 && is_digit((unsigned char)s->p[2])) {
		/* "¶3, the third ...": no marker at all */
		*s = drop_stray_sign(c, b, *s, s->p + 2, str_make(s->p + 2, s->n - 2));
	}
	return false;
}

void parse_body(struct parser *p)
{
	struct cable *c = p->c;
	struct body b;
	size_t end = p->no_tail ? p->nlines : parse_tail(p), i;

	body_begin(p, &b, end);
	for (i = p->body_start; i < end; i++) {
		struct str s = line_str(p, i);
		size_t next;
		bool broke = b.after_break;   /* the line comes after a page break */

		b.stray_sign = false;
		b.line = i;
		b.end = end;

		if (!body_line(p, &b, i, end, broke, &s))
			continue;
		if (body_marker(p, &b, broke, &s))
			continue;
		if ((b.pending_blank || b.cur < 0 || !b.prev.n ||
		     (s.n < 60 && i + 1 < end && is_rule(line_str(p, i + 1)))) &&
		    heading_at(p, &b, i, end, &next)) {
			close_para(p, &b);
			b.section = add_section(p, s);
			b.in_summary = false;
			i = next - 1;
			continue;
		}
		if (b.cur < 0 || (!b.numbered && b.pending_blank)) {
			int n = 0;
			struct marker um;

			memset(&um, 0, sizeof(um));
			um.written = STR_NULL;
			/* an unnumbered paragraph may still carry its marking: "(U) text" */
			if (s.n > 3) {
				const char *e = paren_marking(s, 48, &um.mark, &um.entire);

				if (e) {
					um.has_mark = true;
					um.mark_written = str_trim(str_make(s.p + 1, (size_t)(e - s.p) - 1));
					s = str_trim(str_make(e + 1, (size_t)(s.p + s.n - e - 1)));
				}
			}
			if (b.cur >= 0 && b.numbered) {
				append_line(p, &b, s, p->lines[i].indent);
				continue;
			}
			open_para(p, &b, n, &um, s, line_str(p, i));
			continue;
		}
		append_line(p, &b, s, p->lines[i].indent);
	}
	close_para(p, &b);
	apply_entire(p, &b);
	assign_addresses(c, b.numbered);
	if (b.page_headers)
		cable_warn(c, "%zu page header%s inside the text left out", b.page_headers,
			   b.page_headers == 1 ? "" : "s");
}
