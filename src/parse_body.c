/* parse_body.c -- paragraphs (with the true number inferred from the
 * sequence when the marker is mangled, numbers written twice, numberings
 * that start again inside a quoted text), each with its address; portion
 * markings, section headings, SUMMARY ... END SUMMARY, page breaks and the
 * page headers glued into lines.  The signer and the last lines are
 * parse_tail.c's. */
#include "config.h"
#include "parse_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ paragraphs */

struct body {
	int expected;            /* the next paragraph number */
	bool numbered;           /* the cable numbers its paragraphs */
	bool uses_marks;
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
	size_t page_headers;     /* page headers taken out of lines of text */
	bool any_header;         /* the text holds a page header inside a line at all */
	long outer;              /* inside a numbering that started again: the
				  * outer one's next number, else 0 */
	bool excerpt;            /* no header: the text may start at any paragraph */
	size_t with_pilcrow, taken;  /* paragraphs opened by a marker, and with a ¶ sign */
	size_t with_paren;       /* ... and written "1)" */
};

/* How decide() read a marker. */
enum take { TAKE_NEXT, TAKE_AGAIN, TAKE_RESTART, TAKE_RESUME };

/* The true number of a paragraph marker, or 0 when the line is not one. */
static int decide(struct parser *p, struct body *b, const struct marker *m, bool fresh,
		  bool warn, enum take *take)
{
	struct cable *c = p->c;
	long e = b->expected;
	bool marked = m->has_mark || m->pilcrow;

	*take = TAKE_NEXT;
	/* "1) ... 2) ..." inside paragraphs numbered "1." "2.": a list */
	if (m->paren && b->taken && b->with_paren * 2 < b->taken)
		return 0;
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
	if (e == 1 && b->cur < 0 && m->k > 1 && ((marked && m->k <= 30) || (b->excerpt && m->k <= 999))) {
		if (warn)
			cable_warn(c, "the first paragraph is numbered %ld", m->k);
		return (int)m->k;
	}
	/* a jump forward: a few numbers, or more for a marked paragraph */
	if (m->k > e && fresh && ((m->k <= e + 3 && (marked || m->k == e + 1)) || (m->has_mark && m->k <= e + 20) ||
				  (m->has_mark && m->pilcrow && m->k <= e + 50))) {
		if (warn)
			cable_warn(c, "paragraph numbers skip from %ld to %ld", e - 1, m->k);
		return (int)m->k;
	}
	if (!fresh || !marked || e <= 1 || m->k < 1)
		return 0;
	/* a cable that writes ¶ before its paragraphs numbers lists inside them without */
	if (!m->pilcrow && b->with_pilcrow * 2 > b->taken)
		return 0;
	/* a numbering that started again goes back to the outer one */
	if (b->outer && m->k == b->outer) {
		*take = TAKE_RESUME;
		return (int)m->k;
	}
	/* "1." again after ¶4: a text quoted inside the cable numbers its own */
	if (m->k == 1 && e > 2 && !b->outer) {
		if (warn)
			cable_warn(c, "the paragraph numbers start again at 1 after ¶%ld (a quoted text?); kept as written",
				   e - 1);
		*take = TAKE_RESTART;
		return 1;
	}
	/* "12. (C)" twice, "4. (S)" after ¶6: a number written again */
	if (m->k < e) {
		if (warn)
			cable_warn(c, "¶%ld is numbered again after ¶%ld; kept as written, its address is its own",
				   m->k, e - 1);
		*take = TAKE_AGAIN;
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

/* A short line of a title's shape ("U.S. - EU Summit"): after it, a
 * marked paragraph starts even without a blank line between. */
static bool heading_like(struct str s)
{
	return s.n && s.n <= 60 && is_upper((unsigned char)s.p[0]) && s.p[s.n - 1] != ',' &&
	       s.p[s.n - 1] != '-' && word_count(s) <= 8;
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
		enum take take;

		if (decide(p, b, &m, true, false, &take)) {
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

/* Appends @s to the paragraph, without the page headers glued into it. */
static void add_text(struct parser *p, struct body *b, struct str s)
{
	size_t len, at;

	if (!b->any_header) {
		buf_addstr(&p->scratch, s);
		return;
	}
	while ((at = page_header_in(s, 0, &len)) != SIZE_MAX) {
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
		bool goes_on = !ends_sentence(prev) && s.n &&
			       (is_lower((unsigned char)s.p[0]) || (prev.n > 100 && !list_item(s)));

		if (goes_on && !hyphen) {
			/* a sentence goes on over the line end, whatever the layout
			 * (an indented line after a page break, a long line cut) */
			buf_addc(t, ' ');
		} else if (list_item(s) || (indent >= 4 && prev.n < 45)) {
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

/* Letters for the @k-th block under one number: a..z, aa, ab, ... */
static void suffix_letters(size_t k, char *out, size_t size)
{
	char tmp[8];
	size_t n = 0;

	do {
		tmp[n++] = (char)('a' + k % 26);
		k = k / 26;
	} while (k-- && n < sizeof(tmp));
	for (size_t i = 0; i < n && i + 1 < size; i++)
		out[i] = tmp[n - 1 - i];
	out[MIN(n, size - 1)] = '\0';
}

/* Writes "@n@suffix" into @out (ADDRESS_MAX); no printf, as it runs for
 * every paragraph of the dump. */
static void address(char *out, unsigned n, const char *suffix)
{
	char tmp[12];
	size_t k = sizeof(tmp), m = 0;

	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n && k);
	while (k < sizeof(tmp) && m + 1 < ADDRESS_MAX)
		out[m++] = tmp[k++];
	for (size_t i = 0; suffix[i] && m + 1 < ADDRESS_MAX; i++)
		out[m++] = suffix[i];
	out[m] = '\0';
}

/* Every paragraph its own address: "N" for the first written N, the
 * number before it and a letter for the rest ("0a", "4b"); position for a
 * cable that numbers nothing. */
static void assign_addresses(struct cable *c, bool numbered)
{
	int base = 0, top = 0;
	unsigned *used;       /* letters given under each number */
	bool *taken;          /* the plain number given already */

	if (!numbered) {
		for (size_t i = 0; i < c->nparas; i++)
			address(c->paras[i].address, (unsigned)MIN(i + 1, (size_t)999999999), "");
		return;
	}
	for (size_t i = 0; i < c->nparas; i++)
		top = MAX(top, c->paras[i].number);
	used = arena_alloc(&c->arena, ((size_t)top + 1) * sizeof(*used));
	taken = arena_alloc(&c->arena, ((size_t)top + 1) * sizeof(*taken));
	memset(used, 0, ((size_t)top + 1) * sizeof(*used));
	memset(taken, 0, ((size_t)top + 1) * sizeof(*taken));
	for (size_t i = 0; i < c->nparas; i++) {
		struct paragraph *para = &c->paras[i];
		char suffix[8];

		if (para->number > 0 && !taken[para->number]) {
			taken[para->number] = true;
			base = para->number;
			address(para->address, (unsigned)base, "");
			continue;
		}
		if (para->number > 0)
			base = para->number;
		suffix_letters((size_t)used[base]++, suffix, sizeof(suffix));
		address(para->address, (unsigned)base, suffix);
	}
}

void parse_body(struct parser *p)
{
	struct cable *c = p->c;
	struct body b;
	size_t end = parse_tail(p), i;

	memset(&b, 0, sizeof(b));
	b.expected = 1;
	b.cur = -1;
	/* one look over the whole text, so that a line of it need not be looked at */
	if (end > p->body_start) {
		struct str text = str_make(p->t + p->lines[p->body_start].off, p->n - p->lines[p->body_start].off);
		size_t at = 0, len;

		/* page headers alone on their lines are page breaks; only the glued ones count */
		while (!b.any_header && (at = page_header_in(text, at, &len)) != SIZE_MAX) {
			size_t a = at, e = at + len;

			while (a > 0 && (text.p[a - 1] == ' ' || text.p[a - 1] == '\t'))
				a--;
			while (e < text.n && (text.p[e] == ' ' || text.p[e] == '\t' || text.p[e] == '\r'))
				e++;
			b.any_header = !((a == 0 || text.p[a - 1] == '\n') && (e == text.n || text.p[e] == '\n'));
			at += len;
		}
	}
	b.section = b.saved_section = -1;
	p->body_end = end;

	/* does the cable number its paragraphs at all? */
	for (i = p->body_start; i < end && !b.numbered; i++) {
		struct marker m;

		if (p->t[p->lines[i].off] <= '9' && read_marker(line_str(p, i), &m) &&
		    (m.k == 1 || m.k == 11 || ((m.has_mark || m.pilcrow) && m.k <= 3)))
			b.numbered = true;
	}
	/* an excerpt may start at any paragraph: "4. We look forward ..." */
	b.excerpt = !p->seen_main && !p->have_class_line && !c->routing.present;
	if (!b.numbered && b.excerpt) {
		size_t k = next_content(p, p->body_start, end);
		struct marker m;

		b.numbered = k < end && read_marker(line_str(p, k), &m) && m.k >= 1 && m.k <= 999;
	}
	if (!b.numbered && end > p->body_start)
		cable_warn(c, "the paragraphs are not numbered; addressed by position");

	for (i = p->body_start; i < end; i++) {
		struct str s = line_str(p, i);
		struct marker m;
		size_t next;
		int number;
		bool broke = b.after_break;   /* the line comes after a page break */

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
		{
			/* "BRASILIA 00001378 003.2 OF 003 the current legislation ...":
			 * a page header, the text going on after it */
			size_t len;

			if (b.any_header && page_header_in(s, 0, &len) == 0) {
				s = str_trim(str_make(s.p + len, s.n - len));
				b.page_headers++;
				if (b.prev.n && !ends_sentence(b.prev))
					b.pending_blank = false;
				if (!s.n)
					continue;
			}
		}
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
			/* a marker starts a paragraph after a blank line or a sentence's
			 * end; after a page break, one with its portion marking does */
			bool fresh = b.pending_blank || b.cur < 0 || !b.prev.n || ends_sentence(b.prev) ||
				     ((broke || is_rule(b.prev) || heading_like(b.prev) || m.pilcrow) && m.has_mark);

			enum take take;

			number = decide(p, &b, &m, fresh, true, &take);
			if (number > 0) {
				b.taken++;
				b.with_pilcrow += m.pilcrow;
				b.with_paren += m.paren;
				open_para(p, &b, number, &m, m.rest, s);
				if (take == TAKE_RESTART)
					b.outer = b.expected;
				else if (take == TAKE_RESUME)
					b.outer = 0;
				if (take != TAKE_AGAIN)
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
	assign_addresses(c, b.numbered);
	if (b.page_headers)
		cable_warn(c, "%zu page header%s inside the text left out", b.page_headers,
			   b.page_headers == 1 ? "" : "s");
}
