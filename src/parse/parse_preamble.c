/* parse_preamble.c -- what comes before the header: the five metadata lines,
 * the partial-extract note, the routing header (precedence and date-time
 * group, FM, TO, INFO) and the classification line, spaced out, lower-cased
 * or glued to the line before it. */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

#include "base/dates.h"
#include "doc/ids.h"

/* ------------------------------------------------------------ the preamble */

static bool is_partial_note(struct str s)
{
	return str_istarts(s, "This record is a partial extract");
}

/* "R 271517Z OCT 09", "P R 281848Z DEC 66", "0 241208Z OCT 79", "061601Z MAY 78" */
static bool is_precedence_line(struct str s, struct str *prec, struct str *dtg)
{
	size_t i = 0;
	char iso[ISO_DATE_MAX];

	while (i < s.n && i < 6 && (s.p[i] == 'Z' || s.p[i] == 'O' || s.p[i] == 'P' || s.p[i] == 'R' ||
				    s.p[i] == 'Y' || s.p[i] == '0' || s.p[i] == ' ')) {
		if (s.p[i] == '0' && i + 1 < s.n && s.p[i + 1] != ' ')
			break;
		i++;
	}
	struct str rest = str_make(s.p + i, s.n - i);

	if (!date_from_dtg(rest, iso))
		return false;
	if (prec)
		*prec = str_trim(str_make(s.p, i));
	/* the group starts the rest, read once */
	if (dtg)
		*dtg = dtg_extent(rest);
	return true;
}

/* A word that may be a cable id: a digit first, no blank, 6 to 40 bytes. */
static bool id_like(struct str s)
{
	return s.n >= 6 && s.n <= 40 && !memchr(s.p, ' ', s.n) && is_digit((unsigned char)s.p[0]);
}

/* True when @s has the shape of a cable id ("09NAIROBI2497"). */
static bool id_shaped(struct str s)
{
	char canon[ID_MAX];
	bool odd;

	if (!id_like(s))
		return false;
	id_canonical(s, canon, &odd);
	return !odd;
}

/* The five metadata lines some copies start with: id (of any shape),
 * subject, date, classification, origin. */
static size_t five_lines(struct parser *p, size_t i, struct record_meta *m, struct str *date)
{
	char iso[ISO_DATE_MAX];
	struct str id;

	if (!lines_from(p, i, 5))
		return i;
	id = line_str(p, i);
	if (!id_like(id) || !date_from_long(line_str(p, i + 2), iso))
		return i;
	if (!m->id.n)
		m->id = id;
	if (!m->subject.n)
		m->subject = line_str(p, i + 1);
	*date = line_str(p, i + 2);
	if (!m->classification.n)
		m->classification = line_str(p, i + 3);
	if (!m->origin_name.n)
		m->origin_name = line_str(p, i + 4);
	return i + 5;
}

/* The metadata some copies carry inside the text, from the database the
 * pages were made from: a row ("12/16/2009 14:15", the id, "Embassy
 * Nairobi", the classification, "09NAIROBI2487|09STATE122115"), or labelled
 * lines ("ID: 248711", "ORIGIN: 10BERLIN180", "DATE: 2010-02-12 17:09:00",
 * "SOURCE: Embassy Berlin", "CLASSIFICATION: CONFIDENTIAL", "MISC: ...",
 * "DESTINATION: ...").  Returns the lines taken, 0 when none. */
static size_t db_metadata(struct parser *p, size_t i, struct record_meta *m, struct str *date)
{
	static const struct str labels[] = { STR_INIT("ID: "), STR_INIT("ORIGIN: "), STR_INIT("DATE: "),
					     STR_INIT("SOURCE: "), STR_INIT("CLASSIFICATION: "), STR_INIT("MISC: "),
					     STR_INIT("DESTINATION: ") };
	struct str s = line_str(p, i);
	char iso[ISO_DATE_MAX];

	if (s.n == 1 && s.p[0] == '>')
		return 1;   /* the row's start as the page shows it */
	if (date_from_csv(s, iso) && lines_from(p, i, 4) && id_shaped(line_str(p, i + 1))) {
		size_t k = 4;

		*date = s;
		if (!m->id.n)
			m->id = line_str(p, i + 1);
		if (!m->origin_name.n)
			m->origin_name = line_str(p, i + 2);
		if (!m->classification.n)
			m->classification = line_str(p, i + 3);
		if (lines_from(p, i, 5) && (id_shaped(line_str(p, i + 4)) || memchr(line_str(p, i + 4).p, '|',
										   line_str(p, i + 4).n))) {
			if (!m->refs.n)
				m->refs = line_str(p, i + 4);
			k++;
		}
		return k;
	}
	for (size_t l = 0; l < sizeof(labels) / sizeof(labels[0]); l++) {
		size_t n = labels[l].n;
		struct str v;

		/* every line of the preamble comes here: the first letter first */
		if (s.n < n || s.p[0] != labels[l].p[0] || memcmp(s.p, labels[l].p, n) != 0)
			continue;
		v = str_trim(str_make(s.p + n, s.n - n));
		if (l == 1 && id_shaped(v) && !m->id.n)
			m->id = v;
		else if (l == 2 && date_from_html(v, iso, &(bool){ false }))
			*date = v;
		else if (l == 3 && !m->origin_name.n)
			m->origin_name = v;
		else if (l == 4 && !m->classification.n)
			m->classification = v;
		return 1;
	}
	return 0;
}

enum route_list { ROUTE_NONE, ROUTE_TO, ROUTE_INFO };

static void add_route(struct parser *p, enum route_list which, struct str s)
{
	struct cable *c = p->c;
	struct field *f;

	s = str_trim(s);
	if (!s.n)
		return;
	if (which == ROUTE_TO)
		f = cable_add_field(c, &c->routing.to, &c->routing.nto, &c->cap_to);
	else
		f = cable_add_field(c, &c->routing.info, &c->routing.ninfo, &c->cap_info);
	f->text = s;
	f->at = text_span(p, s);
}

static bool starts_word(struct str s, const char *w)
{
	size_t n = strlen(w);

	return s.n >= n && memcmp(s.p, w, n) == 0 && (s.n == n || s.p[n] == ' ');
}

/* Routing lines: FM, TO, INFO and their continuations, the precedence line. */
static bool routing_line(struct parser *p, struct str s, enum route_list *active, bool *fm)
{
	struct cable *c = p->c;
	struct str prec, dtg;

	s = strip_site_date(s);
	if (starts_word(s, "FM")) {
		c->routing.from.text = str_trim(str_make(s.p + 2, s.n - 2));
		c->routing.from.at = text_span(p, c->routing.from.text);
		c->routing.present = true;
		*fm = true;
		*active = ROUTE_NONE;
		return true;
	}
	if (starts_word(s, "TO") && (*fm || !c->routing.nto)) {
		add_route(p, ROUTE_TO, str_make(s.p + 2, s.n - 2));
		*active = ROUTE_TO;
		return true;
	}
	if (starts_word(s, "INFO") && *fm) {
		add_route(p, ROUTE_INFO, str_make(s.p + 4, s.n - 4));
		*active = ROUTE_INFO;
		return true;
	}
	if (is_precedence_line(s, &prec, &dtg)) {
		if (!c->routing.dtg.text.n) {
			c->routing.precedence.text = prec;
			c->routing.precedence.at = text_span(p, prec);
			c->routing.dtg.text = dtg;
			c->routing.dtg.at = text_span(p, dtg);
		}
		c->routing.present = true;
		*active = ROUTE_NONE;
		return true;
	}
	if (starts_word(s, "DE") && !p->de_serial.n) {
		/* "DE RUEHLP #0096/01 0231326": the serial after the '#' */
		const char *hash = memchr(s.p, '#', s.n);

		if (hash) {
			size_t k = (size_t)(hash - s.p) + 1, e = k;

			while (e < s.n && is_digit((unsigned char)s.p[e]))
				e++;
			if (e - k >= 2 && e - k <= 8)
				p->de_serial = str_make(s.p + k, e - k);
		}
	}
	if (str_istarts(s, "VZCZC") || starts_word(s, "DE") || starts_word(s, "ZNY") ||
	    starts_word(s, "ZNR") || starts_word(s, "ACTION") || starts_word(s, "PAGE") ||
	    starts_word(s, "INFO") || starts_word(s, "BT") || str_istarts(s, "----")) {
		*active = ROUTE_NONE;
		return true;
	}
	if (*active != ROUTE_NONE) {
		add_route(p, *active, s);
		return true;
	}
	return false;
}

/* A line of running text, as no routing line is: lower case, or the
 * punctuation of sentences ("THE TALKS WILL GO ON.", "ALL ACTS, METHODS"). */
static bool prose_like(struct str s)
{
	char last = s.n ? s.p[s.n - 1] : ' ';

	if (!memchr(s.p, ' ', s.n))
		return false;
	return str_count_lower(s, 3) >= 3 || last == '.' || last == ',' || last == ';' || last == '"' || last == '?' ||
	       last == '!' || str_find(s, ", ") >= 0 || str_find(s, ". ") >= 0;
}

/* "PP RUEHAG RUEHAO RUEHBC", "RUEHROV RUEHTRO": precedence and routing
 * indicators, words of capitals that start with R (RUEH, RHEH, RUCN). */
static bool routing_indicators(struct str s)
{
	struct str rest = s, w;
	size_t n = 0, ind = 0;

	while (str_next_word(&rest, &w)) {
		n++;
		if (w.n >= 4 && w.p[0] == 'R' && is_upper((unsigned char)w.p[1]))
			ind++;
	}
	return n && ind * 2 >= n;
}

/* Do routing lines (a precedence line, FM) follow within a few lines? */
static bool routing_follows(struct parser *p, size_t i)
{
	/* the lines of routing indicators ("PP RUEHAG RUEHAO ...") may come
	 * first, many of them: look on until a header label or text */
	for (size_t seen = 0; i < p->nlines && seen < 24; i++) {
		struct str s = line_str(p, i);

		if (line_blank(p, i))
			continue;
		seen++;
		if (starts_word(s, "FM") || is_precedence_line(s, NULL, NULL))
			return true;
		if (line_has_label(s) || prose_like(s) ||
		    (seen > 3 && !str_istarts(s, "VZCZC") && !starts_word(s, "DE") && !starts_word(s, "ZNY") &&
		     !starts_word(s, "ZNR") && !routing_indicators(s)))
			return false;
	}
	return false;
}

static void take_class_line(struct parser *p, const struct classline *cl)
{
	p->have_class_line = true;
	p->class_text = cl->level;
	p->class_station = cl->station;
	p->class_serial = cl->serial;
	p->class_year = cl->year;
	p->class_repaired = cl->repaired;
	p->header_rest = cl->rest;
	p->c->part = cl->part;
}

/* No line with the station and serial came: a lone level at the top
 * ("SECRET//NOFORN"), as a copy may give it, is the classification. */
static void take_lone_level(struct parser *p, struct str lone)
{
	struct classline cl;

	memset(&cl, 0, sizeof(cl));
	cl.level = cl.whole = lone;
	take_class_line(p, &cl);
}

/* A lone level ("CONFIDENTIAL", "UNCLASSIFIED PTQ5647") on a page header. */
static bool lone_level(struct str s)
{
	struct marking mm;
	struct str w = s;
	const char *sp = memchr(s.p, ' ', s.n);

	if (sp)
		w = str_make(s.p, (size_t)(sp - s.p));
	return marking_parse_classification(w, &mm) && s.n < 40;
}

/* The classification the preamble found, when it found one: a page's
 * classification line above the routing, or else a lone level. */
static void take_found(struct parser *p, const struct classline *first, const struct str *lone)
{
	if (first)
		take_class_line(p, first);
	else if (lone)
		take_lone_level(p, *lone);
}

/* A copy forwarded from a mail system ("Diana T Fritz 03/21/2007 05:47:09
 * PM From DB/Inbox: Search Results", a summary of the cable, its handling
 * lines): the cable starts at its routing.  True while line @s is still
 * the mail's (*@forwarded set from its first line on; left set at the
 * routing, for the caller to start afresh). */
static bool mail_folder(struct str s)
{
	/* "DB/Inbox" in any case, found from its slash: every routing line
	 * is read here, and few have one */
	for (const char *q = s.p; (q = memchr(q, '/', (size_t)(s.p + s.n - q))); q++)
		if (q - s.p >= 2 && str_ieq(str_make(q - 2, 2), "DB") &&
		    str_istarts(str_make(q + 1, (size_t)(s.p + s.n - q - 1)), "Inbox"))
			return true;
	return false;
}

static bool forwarded_copy(struct cable *c, struct str s, bool *forwarded)
{
	if (mail_folder(s)) {
		*forwarded = true;
		cable_warn(c, "a copy forwarded from a mail system: the cable is read from its routing header on");
	}
	return *forwarded && !str_istarts(s, "VZCZC");
}

void parse_preamble(struct parser *p, struct record_meta *m, struct str *long_date)
{
	struct cable *c = p->c;
	enum route_list active = ROUTE_NONE;
	bool fm = false;
	size_t i = 0, last = 0;
	struct classline cl, first = { 0 };
	struct marker mk;
	struct str lone = STR_NULL;
	bool have_first = false, have_lone = false, prose = false, forwarded = false;
	int after_fm = 0;

	while (i < p->nlines && line_blank(p, i))
		i++;
	i = five_lines(p, i, m, long_date);
	last = i;
	for (; i < p->nlines && i < 4000; i++) {
		struct str s = line_str(p, i);
		struct str id;
		long at;

		if (line_blank(p, i)) {
			active = ROUTE_NONE;
			continue;
		}
		if (forwarded_copy(c, s, &forwarded))
			continue;
		if (forwarded) {
			/* its routing: the cable starts here */
			forwarded = prose = have_first = have_lone = false;
		}
		/* after running text only a classification line starts the cable */
		if (prose && !match_class_line(s, &cl))
			continue;
		{
			size_t k = db_metadata(p, i, m, long_date);

			if (k) {
				i += k - 1;
				last = i + 1;
				continue;
			}
		}
		if (is_partial_note(s)) {
			c->partial = true;
			c->partial_at = text_span(p, s);
			last = i + 1;
			continue;
		}
		if (is_footer(s, &id)) {
			p->footer_id = id;
			last = i + 1;
			continue;
		}
		if (match_class_line(s, &cl)) {
			if (!routing_follows(p, i + 1)) {
				take_class_line(p, &cl);
				p->header_start = i + 1;
				return;
			}
			/* a page header above the routing: the real one comes later */
			if (!have_first) {
				first = cl;
				have_first = true;
			}
			last = i + 1;
			continue;
		}
		if (line_has_label(s) || (read_marker(s, &mk) && (mk.k == 1 || mk.has_mark))) {
			take_found(p, have_first ? &first : NULL, have_lone ? &lone : NULL);
			p->header_start = i;
			return;
		}
		if (is_site_date_line(s)) {
			last = i + 1;
			continue;
		}
		at = find_glued_class_line(s, &cl);
		if (at >= 0) {
			routing_line(p, str_make(s.p, (size_t)at), &active, &fm);
			take_class_line(p, &cl);
			cable_warn(c, "the classification line was glued to the line before it; split");
			p->header_start = i + 1;
			return;
		}
		if (routing_line(p, s, &active, &fm)) {
			last = i + 1;
			continue;
		}
		if (lone_level(s)) {
			if (!have_lone) {
				lone = s;
				have_lone = true;
			}
			last = i + 1;
			continue;
		}
		/* after the routing, a few lines of notes may stand before the
		 * classification line ("NOTE - DO NOT PUBLISH ..."); more is text */
		if (s.n > 100 || (fm && ++after_fm > 6))
			break;
		/* text: a classification alone below it is a page's foot, not the cable's head */
		prose |= prose_like(s);
	}
	take_found(p, have_first ? &first : NULL, have_lone ? &lone : NULL);
	p->header_start = last;
}
