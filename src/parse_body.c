/* parse_body.c -- paragraphs (with the true number inferred from the
 * sequence when the marker is mangled), portion markings, section headings,
 * SUMMARY ... END SUMMARY, page breaks, the signer and the trailer lines. */
#include "config.h"
#include "parse_internal.h"

#include <string.h>

/* ---------------------------------------------------------------- the tail */

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

	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (str_ieq(s, exact[i]))
			return true;
	if (str_istarts(s, "NOTE BY OC/T") || str_istarts(s, "NOTE BY OCT") || is_footer_line(s) ||
	    is_level_only(s) || str_istarts(s, "XMT ") || str_istarts(s, "NOTE: NOT PASSED") ||
	    str_istarts(s, "Declassified/Released") || str_istarts(s, "DECLASSIFIED/RELEASED"))
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
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (str_ieq(w, stop[i]))
			return false;
	return true;
}

/* A signer line: one to three capitalised words, alone on its line. */
static bool signer_line(struct str s, struct str *name, struct str *prefix)
{
	size_t words = 0, phrase;
	struct str w;
	long mc;

	*prefix = STR_NULL;
	while (s.n && (s.p[s.n - 1] == '#' || s.p[s.n - 1] == ' '))
		s.n--;
	/* "BEIRUT MINIMIZE CONSIDERED. EAGLETON", "... REPORT.  END OF TEXT. BAKER" */
	mc = str_ifind(s, "MINIMIZE CONSIDERED");
	phrase = 19;
	if (mc < 0) {
		mc = str_ifind(s, "END OF TEXT");
		phrase = 11;
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

static bool ends_sentence(struct str s)
{
	char ch;

	if (!s.n)
		return true;
	ch = s.p[s.n - 1];
	return ch == '.' || ch == '!' || ch == '?' || ch == ')' || ch == '"' || ch == '\'' || ch == ':' ||
	       ch == ';' || (s.n >= 2 && (unsigned char)s.p[s.n - 2] == 0xE2);   /* closing quote */
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
	size_t lower = 0;

	for (size_t i = 0; i < s.n; i++)
		lower += is_lower((unsigned char)s.p[i]);
	return lower >= 2;
}

/* Finds the signer and trailer lines; returns the line where the body ends. */
static size_t find_tail(struct parser *p)
{
	struct cable *c = p->c;
	size_t i = p->nlines, first_trailer = p->nlines;
	struct str name, prefix;

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
	for (size_t k = first_trailer; k < p->nlines; k++)
		if (!line_blank(p, k) && !is_page_break(line_str(p, k), p->lines[k].indent))
			add_trailer(p, line_str(p, k));
	return i;
}

/* ------------------------------------------------------------ paragraphs */

struct body {
	int expected;            /* the next paragraph number */
	bool numbered;           /* the cable numbers its paragraphs */
	bool uses_marks;
	int unnumbered;          /* paragraphs numbered by position */
	long cur;                /* index of the open paragraph, or -1 */
	bool pending_blank, after_break;
	struct str prev;         /* the last line appended */
	const char *first, *last;/* span of the open paragraph */
	int section;             /* current section index */
	int saved_section;       /* the section before SUMMARY */
	bool in_summary;
	bool have_entire;
	struct marking entire;
	bool mangled_said;       /* the mangled-marker repair was reported */
};

/* The true number of a paragraph marker, or 0 when the line is not one. */
static int decide(struct parser *p, struct body *b, const struct marker *m, bool fresh,
		  bool warn)
{
	struct cable *c = p->c;
	long e = b->expected;

	if (m->k == e)
		return (int)e;
	/* the ¶ sign read as a "1": "11." is ¶1, "18." is ¶8 */
	if (m->written.n >= 2) {
		struct str d = m->written;

		while (d.n && !is_digit((unsigned char)d.p[0])) {
			d.p++;
			d.n--;
		}
		if (d.n >= 2 && d.p[0] == '1' && d.p[1] != '0') {
			long v = 0;

			for (size_t i = 1; i < d.n; i++)
				v = v * 10 + (d.p[i] - '0');
			if (v == e) {
				if (warn && !b->mangled_said) {
					cable_warn(c, "paragraph signs read as \"1\" (\"%.*s.\" is ¶%ld); numbers taken from the sequence",
						   (int)m->written.n, m->written.p, e);
					b->mangled_said = true;
				}
				return (int)e;
			}
		}
	}
	if (e == 1 && b->cur < 0 && (m->has_mark || m->pilcrow) && m->k > 1 && m->k <= 30) {
		if (warn)
			cable_warn(c, "the first paragraph is numbered %ld", m->k);
		return (int)m->k;
	}
	if (m->k > e && m->k <= e + 3 && fresh && (m->has_mark || m->pilcrow || m->k == e + 1)) {
		if (warn)
			cable_warn(c, "paragraph numbers skip from %ld to %ld", e - 1, m->k);
		return (int)m->k;
	}
	return 0;
}

static bool is_rule(struct str s)
{
	size_t dashes = 0;

	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '-' || s.p[i] == '=' || s.p[i] == '_')
			dashes++;
		else if (s.p[i] != ' ')
			return false;
	}
	return dashes >= 3;
}

/* Where a rule glued to the end of a heading starts ("NO-NONSENSE STYLE -----"), or s.n. */
static size_t rule_suffix(struct str s)
{
	size_t e = s.n, dashes = 0;

	while (e > 0 && (s.p[e - 1] == '-' || s.p[e - 1] == ' ')) {
		dashes += s.p[e - 1] == '-';
		e--;
	}
	return dashes >= 5 && e > 0 && s.p[e] == ' ' ? e : s.n;
}

static size_t next_content(struct parser *p, size_t i, size_t end)
{
	while (i < end && (line_blank(p, i) || is_page_break(line_str(p, i), p->lines[i].indent)))
		i++;
	return i;
}

static bool all_caps(struct str s)
{
	bool letters = false;

	for (size_t i = 0; i < s.n; i++) {
		if (is_lower((unsigned char)s.p[i]))
			return false;
		letters |= is_upper((unsigned char)s.p[i]);
	}
	return letters;
}

static size_t word_count(struct str s)
{
	size_t n = 0;
	struct str w;

	while (str_next_word(&s, &w))
		n++;
	return n;
}

/* A row of a table ("FOREIGN GRANTS AND LOANS   13.8   15.7"): not a heading. */
static bool looks_tabular(struct str s)
{
	size_t digits = 0, letters = 0;

	if (str_find(s, "   ") >= 0 && rule_suffix(s) == s.n)
		return true;
	for (size_t i = 0; i < s.n; i++) {
		digits += is_digit((unsigned char)s.p[i]);
		letters += is_alpha((unsigned char)s.p[i]);
	}
	return digits * 2 > letters;
}

/* Is line @i a section heading?  Sets *next to the line after it (and after its rule). */
static bool heading_at(struct parser *p, struct body *b, size_t i, size_t end, size_t *next)
{
	struct str s = line_str(p, i);
	struct marker m;
	size_t k;
	char last;

	if (s.n == 0 || s.n > 80 || s.p[0] == '(' || s.p[0] == '"' || is_rule(s) ||
	    read_marker(s, &m) || is_page_break(s, p->lines[i].indent))
		return false;
	last = s.p[s.n - 1];
	if (last == '.' || last == ',' || last == ';' || looks_tabular(s))
		return false;
	if (rule_suffix(s) < s.n) {
		*next = i + 1;
		return true;
	}
	if (i + 1 < end && is_rule(line_str(p, i + 1))) {
		*next = i + 2;
		return true;
	}
	if (i + 1 < end && !line_blank(p, i + 1))
		return false;
	k = next_content(p, i + 1, end);
	if (k >= end)
		return false;
	if (read_marker(line_str(p, k), &m)) {
		if (decide(p, b, &m, true, false)) {
			*next = i + 1;
			return true;
		}
	}
	if (!b->numbered && word_count(s) <= 8 && (all_caps(s) || last == ':') && s.n <= 60) {
		*next = i + 1;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------ the machine */

static bool starts_summary(struct str s)
{
	size_t k;

	if (str_istarts(s, "BEGIN SUMMARY"))
		return true;
	if (str_istarts(s, "SUMMARY"))
		k = 7;
	else if (str_istarts(s, "SUMMAY"))
		k = 6;
	else
		return false;
	return k == s.n || s.p[k] == ':' || s.p[k] == '.' || s.p[k] == ' ' || s.p[k] == '-';
}

static bool section_is_summary(const struct cable *c, int section)
{
	return section >= 0 && str_ifind(c->sections[section].title, "SUMMAR") >= 0;
}

static int add_section(struct parser *p, struct str title)
{
	struct section *sec = cable_add_section(p->c);

	title.n = rule_suffix(title);
	title = str_trim(title);
	sec->title = title;
	sec->at = text_span(p, title);
	return (int)p->c->nsections - 1;
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
	buf_clear(&p->scratch);
	buf_addstr(&p->scratch, first_text);
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
		buf_addstr(t, s);
	} else if (b->pending_blank) {
		buf_add(t, "\n\n", 2);
		if (indent >= 4)
			for (uint32_t k = 0; k < MIN(indent, 40u); k++)
				buf_addc(t, ' ');
		buf_addstr(t, s);
	} else {
		char pl = prev.n ? prev.p[prev.n - 1] : ' ';
		bool hyphen = prev.n >= 2 && pl == '-' && is_alpha((unsigned char)prev.p[prev.n - 2]) &&
			      s.n && is_alpha((unsigned char)s.p[0]);

		if (list_item(s) || (indent >= 4 && prev.n < 45)) {
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
		buf_addstr(t, s);
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
	bool entire = false;

	if (s.n < 3 || s.n > 40 || s.p[0] != '(' || str_ifind(s, "ENTIRE TEXT") < 0)
		return false;
	const char *e = memchr(s.p, ')', s.n);

	if (!e)
		return false;
	if (marking_parse_portion(str_make(s.p + 1, (size_t)(e - s.p) - 1), m, &entire) && entire)
		return true;
	return marking_parse_portion(str_make(s.p + 1, (size_t)(e - s.p) - 1), m, NULL);
}

void parse_body(struct parser *p)
{
	struct cable *c = p->c;
	struct body b;
	size_t end = find_tail(p), i;

	memset(&b, 0, sizeof(b));
	b.expected = 1;
	b.cur = -1;
	b.section = b.saved_section = -1;
	p->body_end = end;

	/* does the cable number its paragraphs at all? */
	for (i = p->body_start; i < end && !b.numbered; i++) {
		struct marker m;

		if (p->t[p->lines[i].off] <= '9' && read_marker(line_str(p, i), &m) &&
		    (m.k == 1 || m.k == 11 || ((m.has_mark || m.pilcrow) && m.k <= 3)))
			b.numbered = true;
	}
	if (!b.numbered && end > p->body_start)
		cable_warn(c, "the paragraphs are not numbered; numbered in order");

	for (i = p->body_start; i < end; i++) {
		struct str s = line_str(p, i);
		struct marker m;
		size_t next;
		int number;

		if (line_blank(p, i)) {
			if (b.cur >= 0 && !b.after_break)
				b.pending_blank = true;
			continue;
		}
		if (is_page_break(s, p->lines[i].indent)) {
			/* the blank lines around a page break are not the text's */
			if (b.pending_blank && b.prev.n && ends_sentence(b.prev)) {
				b.after_break = false;
			} else {
				b.pending_blank = false;
				b.after_break = true;
			}
			s = page_rest(s);
			if (!s.n)
				continue;
		}
		b.after_break = false;
		if (str_ieq(s, "SIPDIS")) {
			cable_warn(c, "a SIPDIS line inside the text was left out");
			continue;
		}
		if (str_istarts(s, "SIPDIS ") && s.n > 7 && s.p[7] != ' ') {
			/* the caption pasted over the start of a line of text */
			cable_warn(c, "SIPDIS glued to the start of a line of text; removed");
			s = str_make(s.p + 7, s.n - 7);
		}
		if (is_pilcrow_at(s, 0) && s.n > 4 && is_upper((unsigned char)s.p[2]) &&
		    (s.p[3] == '.' || s.p[3] == ')')) {
			cable_warn(c, "a stray pilcrow before the lettered item \"%c.\"; removed", s.p[2]);
			s = str_make(s.p + 2, s.n - 2);
		}
		if (entire_line(s, &b.entire) && b.cur < 0) {
			b.have_entire = true;
			continue;
		}
		if (is_rule(s)) {
			size_t k = next_content(p, i + 1, end);

			/* the rule above a heading ("-------\nSummary\n-------") */
			if (k < end && k + 1 < end && heading_at(p, &b, k, end, &next) && k == i + 1)
				continue;
			if (b.cur < 0 || b.prev.n == 0)
				continue;
		}
		if (p->t[p->lines[i].off] <= '\\' && read_marker(s, &m)) {
			bool fresh = b.pending_blank || b.cur < 0 || !b.prev.n || ends_sentence(b.prev);

			number = decide(p, &b, &m, fresh, true);
			if (number > 0) {
				open_para(p, &b, number, &m, m.rest, s);
				b.expected = number + 1;
				continue;
			}
			if (m.pilcrow) {
				/* a ¶ sign wrongly put before a number in running text */
				cable_warn(c, "a stray pilcrow before \"%.*s\" in the text; removed",
					   (int)MIN(m.written.n, 12), m.written.p);
				s = str_make(m.pilcrow_at.p + m.pilcrow_at.n, s.n - (size_t)(m.pilcrow_at.p + m.pilcrow_at.n - s.p));
			}
		}
		if ((b.pending_blank || b.cur < 0 || !b.prev.n) && heading_at(p, &b, i, end, &next)) {
			close_para(p, &b);
			b.section = add_section(p, s);
			b.in_summary = false;
			i = next - 1;
			continue;
		}
		if (b.cur < 0 || (!b.numbered && b.pending_blank)) {
			int n = b.numbered ? 0 : ++b.unnumbered;
			struct marker um;

			memset(&um, 0, sizeof(um));
			um.written = STR_NULL;
			/* an unnumbered paragraph may still carry its marking: "(U) text" */
			if (s.n > 3 && s.p[0] == '(') {
				const char *e = memchr(s.p, ')', MIN(s.n, (size_t)48));

				if (e && marking_parse_portion(str_make(s.p + 1, (size_t)(e - s.p) - 1), &um.mark,
							       &um.entire)) {
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
}
