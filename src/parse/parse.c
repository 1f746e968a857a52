/* parse.c -- the parser's driver: lines, the preamble (five metadata lines,
 * partial-extract note, routing header, classification line), the header,
 * the body or the list's part of it, and the final reconciliation of what
 * the text and the container say (parse_reconcile.c). */
#include "config.h"
#include "parse/parse_lines.h"
#include "parse/parse_reconcile.h"

#include <string.h>

/* Any recognisable cable structure makes a text a cable, an excerpt too: a
 * classification line (or a lone classification at the top or the foot), a
 * header label, a routing header, a numbered paragraph with its portion
 * marking, the signer and the telegram's last lines, the container's id.
 * Plain prose has none of these. */
static bool has_structure(const struct parser *p, const struct record_meta *m)
{
	const struct cable *c = p->c;

	if (p->have_class_line || m->id.n || p->seen_main || c->routing.present || p->footer_id.n || p->saw_classby ||
	    c->partial || c->nrefs || c->classified_by.text.n || c->signer.text.n || c->ntrailer)
		return true;
	for (size_t i = 0; i < c->nparas; i++)
		if (c->paras[i].number_as_written.n && c->paras[i].marking.level)
			return true;
	return false;
}

/* The first line of the body with words on it, from @p->body_start, or
 * an empty string. */
static struct str first_body_line(const struct parser *p)
{
	for (size_t i = p->body_start; i < p->nlines; i++)
		if (!line_blank(p, i) && !is_page_break(line_str(p, i), p->station))
			return line_str(p, i);
	return STR_NULL;
}

/* Does a line of the body's first block (its lines to the first blank
 * one, eight at most) hold @word? */
static bool first_block_has(const struct parser *p, const char *word)
{
	size_t i = p->body_start, seen = 0;

	while (i < p->nlines && (line_blank(p, i) || is_page_break(line_str(p, i), p->station)))
		i++;
	for (; i < p->nlines && seen < 8 && !line_blank(p, i); i++, seen++)
		if (str_ifind(line_str(p, i), word) >= 0)
			return true;
	return false;
}

/* "1. (U) CLASSIFIED BY ...": older cables put it in the first paragraph,
 * which the body's parse has read. */
static void first_para_classby(struct parser *p)
{
	struct cable *c = p->c;

	if (c->nparas && (!c->classified_by.text.n || !c->reasons.text.n) && classby_starts(c->paras[0].text)) {
		p->saw_classby = true;
		parse_classby(p, c->paras[0].text);
		if (c->classified_by.at.off == SPAN_NONE)
			c->classified_by.at = c->paras[0].at;
		if (c->reasons.at.off == SPAN_NONE)
			c->reasons.at = c->paras[0].at;
	}
}

/* What parse() reads: everything; the header alone (the text may stop
 * anywhere); or what the list index keeps (the header, a Classified By in
 * the first paragraph, and the signer when @text is the whole record). */
enum parse_mode { PARSE_ALL, PARSE_HEADER, PARSE_LIST_WHOLE, PARSE_LIST_HEAD };

/* The list index's part of the body: the paragraphs only when the first
 * one holds a Classified By line (rare, and cheaper than reading every
 * body), and the signer when the text is the whole record. */
static void list_body(struct parser *p, enum parse_mode mode)
{
	struct cable *c = p->c;

	/* the gate is wider than the rule ("1.(U) Classified by", "1. (C)"
	 * alone on its line): first_para_classby() decides as for the whole
	 * cable */
	if ((!c->classified_by.text.n || !c->reasons.text.n) && first_block_has(p, "CLASSIFIED")) {
		p->no_tail = mode == PARSE_LIST_HEAD;
		/* the paragraphs are read to the text's end: past a cut too */
		line_read(p, p->nlines);
		parse_body(p);
		first_para_classby(p);
	} else if (mode == PARSE_LIST_WHOLE) {
		parse_tail(p);
	}
}

static bool parse(struct cable *c, struct str text, const struct record_meta *meta, enum parse_mode mode,
		  bool *header_cut, bool *cut_seen, bool *body_seen)
{
	struct parser p;
	struct line first_lines[PARSER_LINES];
	struct record_meta m = *meta;
	struct str long_date = STR_NULL;
	bool recognised;

	cable_reset(c);
	/* the list index keeps no warnings: it need not write them */
	c->quiet = mode == PARSE_LIST_WHOLE || mode == PARSE_LIST_HEAD;
	memset(&p, 0, sizeof(p));
	parser_lines_init(&p, first_lines);
	p.c = c;
	if (text.n > CABLE_MAX_TEXT)
		text.n = CABLE_MAX_TEXT;
	c->text = arena_strdup(&c->arena, text);
	c->path = arena_strdup(&c->arena, m.path);
	c->offset = m.offset;
	c->length = m.length;
	c->format = m.format;
	p.t = c->text.p;
	p.n = c->text.n;
	p.year = -1;
	for (size_t i = 0; i < m.nnotes; i++)
		cable_warn(c, "%.*s", (int)m.notes[i].n, m.notes[i].p);
	if (m.cut) {
		c->partial = true;
		cable_caution(c, "the record is cut off at the end of the input: its text stops there");
	}

	parse_split_lines(&p);
	if (cut_seen) {
		/* the last line is the cut's */
		*cut_seen = false;
		p.cut_seen = cut_seen;
		p.cut_span = p.nlines ? p.nlines - 1 : 0;
	}
	parse_preamble(&p, &m, &long_date);
	if (!m.id.n)
		find_footer(&p);
	file_name_id(&p, &m);
	early_station(&p, &m);
	p.year = year_of(&p, &m, long_date);
	p.meta = &m;
	parse_header(&p);
	if (mode == PARSE_ALL) {
		parse_body(&p);
		first_para_classby(&p);
	} else if (mode != PARSE_HEADER) {
		bool *seen = p.cut_seen, in_body = false;

		/* what the paragraphs read for a Classified By see of the cut,
		 * told apart */
		if (seen && body_seen)
			p.cut_seen = &in_body;
		list_body(&p, mode);
		p.cut_seen = seen;
		if (body_seen)
			*body_seen = in_body;
		/* the text stops before the body begins: the header may go on */
		if (header_cut)
			*header_cut = mode == PARSE_LIST_HEAD && !first_body_line(&p).n;
	}

	finish_id(&p, &m);
	finish_origin(&p);
	if (m.origin_name.n)
		set_container(&c->origin_name, m.origin_name, &p);
	finish_classification(&p, &m);
	finish_date(&p, &m, long_date);
	if (!c->subject.text.n && m.subject.n) {
		struct str s = str_trim(m.subject);

		if (s.n && s.p[s.n - 1] == '\\') {
			s.n--;
			cable_warn(c, "the page's subject is cut short");
		}
		set_container(&c->subject, s, &p);
		if (m.subject.p >= p.t && m.subject.p < p.t + p.n)
			c->subject.at = text_span(&p, m.subject);
	}
	finish_refs(&p, &m);

	recognised = has_structure(&p, &m);
	parser_lines_free(&p);
	buf_free(&p.scratch);
	buf_free(&p.noyear);
	buf_free(&p.earlier);
	buf_free(&p.notcable);
	buf_free(&p.undated);
	return recognised;
}

bool parse_cable(struct cable *c, struct str text, const struct record_meta *meta)
{
	return parse(c, text, meta, PARSE_ALL, NULL, NULL, NULL);
}

bool parse_cable_header(struct cable *c, struct str text, const struct record_meta *meta)
{
	return parse(c, text, meta, PARSE_HEADER, NULL, NULL, NULL);
}

bool parse_cable_list(struct cable *c, struct str text, bool whole, const struct record_meta *meta,
		      bool *header_cut)
{
	if (header_cut)
		*header_cut = false;
	return parse(c, text, meta, whole ? PARSE_LIST_WHOLE : PARSE_LIST_HEAD, header_cut, NULL, NULL);
}

bool parse_cable_list_cut(struct cable *c, struct str text, const struct record_meta *meta, bool *header_cut,
			  bool *cut_seen, bool *body_seen)
{
	*header_cut = false;
	return parse(c, text, meta, PARSE_LIST_HEAD, header_cut, cut_seen, body_seen);
}

void parse_cable_tail(struct cable *c, struct str tail, bool cut)
{
	parse_cable_tail_cut(c, tail, cut, NULL);
}

void parse_cable_tail_cut(struct cable *c, struct str tail, bool cut, bool *cut_seen)
{
	struct parser p;
	struct line first_lines[PARSER_LINES];
	struct str station = c->origin.text;
	size_t ntrailer = c->ntrailer;

	memset(&p, 0, sizeof(p));
	parser_lines_init(&p, first_lines);
	p.c = c;
	p.t = tail.p;
	p.n = tail.n;
	p.year = -1;
	str_cpy(p.station, sizeof(p.station), station);
	for (char *k = p.station; *k; k++)
		*k = (char)to_upper((unsigned char)*k);
	parse_split_lines(&p);
	/* when @cut, the first line is the end of one cut in two, whose end
	 * is what the signer's lines are read beside */
	(void)cut;
	if (cut_seen) {
		/* the first line is the cut's */
		*cut_seen = false;
		p.cut_seen = cut_seen;
		p.cut_from = 1;
		p.cut_span = SIZE_MAX - 1;
	}
	parse_tail(&p);
	/* the name into the cable's own memory: @tail is the caller's */
	c->signer.text = keep(&p, c->signer.text);
	c->signer.at = (struct span){ SPAN_NONE, 0 };
	c->ntrailer = ntrailer;         /* lines of @tail, not kept */
	parser_lines_free(&p);
	buf_free(&p.scratch);
}
