/* parse_preamble.c -- what comes before the header: the five metadata lines,
 * the partial-extract note, the routing header (precedence and date-time
 * group, FM, TO, INFO) and the classification line, spaced out, lower-cased
 * or glued to the line before it. */
#include "config.h"
#include "parse_internal.h"

#include <string.h>

#include "dates.h"
#include "ids.h"

/* ------------------------------------------------------ classification line */

struct classline {
	struct str level;    /* "C O N F I D E N T I A L" as written */
	struct str station;  /* "HO CHI MINH CITY" as written */
	struct str serial;   /* "000838" */
	struct str year;     /* "75" in "CONFIDENTIAL 75 LIBREVILLE 1895" */
	struct str rest;     /* what follows the serial on the same line */
	struct str whole;
};

static const char *const level_words[] = {
	"TOP SECRET", "TOPSECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS",
	"LIMITED OFFICIAL USE",
};

static const char *const class_caveats[] = {
	"NOFORN", "EFTO", "SENSITIVE", "SBU", "FOUO", "EXDIS", "NODIS", "LIMDIS", "STADIS", "NOFORN//",
};

#define SQUEEZE_MAX 240

/* Upper-case copy of the start of @s with spaced-out letters joined and
 * runs of blanks made one; pos[k] is the offset in @s of up[k]. */
static size_t squeeze_line(struct str s, char *up, uint32_t *pos)
{
	size_t k = 0;

	for (size_t i = 0; i < s.n && k + 1 < SQUEEZE_MAX; i++) {
		int c = (unsigned char)s.p[i];

		if (c == ' ' || c == '\t') {
			bool single_before = i > 0 && is_alpha((unsigned char)s.p[i - 1]) &&
					     (i < 2 || s.p[i - 2] == ' ');
			bool single_after = i + 1 < s.n && is_alpha((unsigned char)s.p[i + 1]) &&
					    (i + 2 >= s.n || !is_alpha((unsigned char)s.p[i + 2]));

			if (single_before && single_after)
				continue;
			if (k && up[k - 1] == ' ')
				continue;
			c = ' ';
		}
		up[k] = (char)to_upper(c);
		pos[k] = (uint32_t)i;
		k++;
	}
	up[k] = '\0';
	pos[k] = (uint32_t)(k ? pos[k - 1] + 1 : 0);
	return k;
}

static bool word_at(const char *up, size_t i, const char *w)
{
	size_t n = strlen(w);

	return strncmp(up + i, w, n) == 0 &&
	       (up[i + n] == '\0' || up[i + n] == ' ' || up[i + n] == '/' || up[i + n] == ',');
}

static size_t skip_digits(const char *up, size_t i)
{
	while (is_digit((unsigned char)up[i]))
		i++;
	return i;
}

static bool match_class_line(struct str s, struct classline *cl)
{
	/* every classification starts with one of these letters: most lines go here */
	if (!s.n || !strchr("UCSTLucstl", s.p[0]))
		return false;
	{
	char up[SQUEEZE_MAX + 1];
	uint32_t pos[SQUEEZE_MAX + 1];
	size_t n = squeeze_line(s, up, pos), i = 0, level_end, st, se, d;
	bool found = false;

	for (size_t w = 0; w < sizeof(level_words) / sizeof(level_words[0]) && !found; w++) {
		size_t k = strlen(level_words[w]);

		if (word_at(up, 0, level_words[w])) {
			i = k;
			found = true;
		} else if (strncmp(up, level_words[w], k) == 0) {
			/* spaced-out letters run the caveat on: "S E C R E T N O F O R N" */
			for (size_t c = 0; c < sizeof(class_caveats) / sizeof(class_caveats[0]); c++) {
				if (word_at(up, k, class_caveats[c])) {
					i = k + strlen(class_caveats[c]);
					found = true;
					break;
				}
			}
		}
	}
	if (!found)
		return false;
	/* caveats: "//NOFORN", " NOFORN", " E F T O" */
	for (;;) {
		if (up[i] == '/') {
			while (up[i] == '/')
				i++;
			while (up[i] && up[i] != ' ' && up[i] != '/')
				i++;
			continue;
		}
		if (up[i] == ' ') {
			bool cav = false;

			for (size_t w = 0; w < sizeof(class_caveats) / sizeof(class_caveats[0]); w++) {
				if (word_at(up, i + 1, class_caveats[w])) {
					i += 1 + strlen(class_caveats[w]);
					cav = true;
					break;
				}
			}
			if (cav)
				continue;
		}
		break;
	}
	level_end = i;
	/* SECTION 01 OF 03 */
	if (strncmp(up + i, " SECTION ", 9) == 0) {
		size_t j = skip_digits(up, i + 9);

		if (j > i + 9 && strncmp(up + j, " OF ", 4) == 0) {
			size_t k = skip_digits(up, j + 4);

			if (k > j + 4)
				i = k;
		}
	}
	if (up[i] != ' ')
		return false;
	i++;
	/* an optional two-digit year before the station */
	cl->year = STR_NULL;
	d = skip_digits(up, i);
	if (d == i + 2 && up[d] == ' ' && is_upper((unsigned char)up[d + 1])) {
		cl->year = str_make(s.p + pos[i], 2);
		i = d + 1;
	}
	/* station: one to five words of letters */
	st = i;
	se = i;
	for (int words = 0; words < 5; words++) {
		size_t j = i;

		if (!is_upper((unsigned char)up[j]))
			break;
		while (is_upper((unsigned char)up[j]) || up[j] == '\'' || up[j] == '.' || up[j] == '-')
			j++;
		if (up[j] != ' ')
			break;
		if (word_at(up, i, "SECTION") || word_at(up, i, "PAGE"))
			return false;
		se = j;
		i = j + 1;
		if (is_digit((unsigned char)up[i]))
			break;
	}
	if (se == st || !is_digit((unsigned char)up[i]))
		return false;
	d = skip_digits(up, i);
	if (d - i < 2 || d - i > 8 || (up[d] != '\0' && up[d] != ' '))
		return false;
	cl->whole = s;
	cl->level = str_trim(str_make(s.p, pos[level_end]));
	cl->station = str_make(s.p + pos[st], pos[se] - pos[st]);
	cl->serial = str_make(s.p + pos[i], d - i);
	if (d < n)
		cl->rest = str_trim(str_make(s.p + pos[d], s.n - pos[d]));
	else
		cl->rest = STR_NULL;
	/* squeezing stops after SQUEEZE_MAX characters: the rest is header text */
	if (d >= n && n + 1 >= SQUEEZE_MAX && pos[d] < s.n)
		cl->rest = str_trim(str_make(s.p + pos[d], s.n - pos[d]));
	return true;
	}
}

/* Looks for a classification line glued to the end of another line
 * ("...KABUL 0106UNCLAS SECTION 01 OF 02 DUSHANBE 000575"). */
static long find_glued_class_line(struct str s, struct classline *cl)
{
	static const char *const starts[] = { "UNCLAS", "CONFIDENTIAL", "C O N F", "SECRET",
					      "S E C R", "TOP SECRET", "LIMITED OFFICIAL" };

	/* a classification line ends with its serial number */
	if (s.n < 10 || !is_digit((unsigned char)s.p[s.n - 1]))
		return -1;

	for (size_t i = 1; i < s.n; i++) {
		char ch = s.p[i];

		if (ch != 'U' && ch != 'C' && ch != 'S' && ch != 'T' && ch != 'L')
			continue;
		for (size_t w = 0; w < sizeof(starts) / sizeof(starts[0]); w++) {
			size_t k = strlen(starts[w]);

			if (i + k <= s.n && memcmp(s.p + i, starts[w], k) == 0 &&
			    match_class_line(str_make(s.p + i, s.n - i), cl))
				return (long)i;
		}
	}
	return -1;
}

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
	if (dtg)
		dtg_find(rest, dtg);
	return true;
}

/* The WikiLeaks pages glue a date like "Friday, 23 February 2001, 15:53" to a line. */
static struct str strip_site_date(struct str s)
{
	static const char *const days[] = { "Monday, ", "Tuesday, ", "Wednesday, ", "Thursday, ",
					    "Friday, ", "Saturday, ", "Sunday, " };

	/* it ends with the time: "..., 15:53" */
	if (s.n < 20 || s.p[s.n - 3] != ':')
		return s;
	for (size_t d = 0; d < sizeof(days) / sizeof(days[0]); d++) {
		long at = str_find(s, days[d]);

		if (at >= 0 && s.n - (size_t)at < 48)
			return str_trim(str_make(s.p, (size_t)at));
	}
	return s;
}

static bool is_site_date_line(struct str s)
{
	return s.n && strip_site_date(s).n == 0;
}

/* The five metadata lines some copies start with: id, subject, date,
 * classification, origin. */
static size_t five_lines(struct parser *p, size_t i, struct record_meta *m, struct str *date)
{
	char iso[ISO_DATE_MAX];
	struct str id;
	bool odd;
	char canon[ID_MAX];

	if (i + 5 > p->nlines)
		return i;
	id = line_str(p, i);
	if (id.n < 6 || id.n > 40 || memchr(id.p, ' ', id.n) || !is_digit((unsigned char)id.p[0]) ||
	    !date_from_long(line_str(p, i + 2), iso))
		return i;
	id_canonical(id, canon, &odd);
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

/* True for a line that starts the header proper (E.O., TAGS, SUBJECT ...). */
static bool header_label_line(struct str s)
{
	return str_istarts(s, "E.O.") || str_istarts(s, "EO 1") || str_istarts(s, "E.O 1") ||
	       str_istarts(s, "TAGS") || str_istarts(s, "SUBJECT:") || str_istarts(s, "SUBJ:") ||
	       str_istarts(s, "REF:") || str_istarts(s, "CLASSIFIED BY");
}

/* Do routing lines (a precedence line, FM) follow within a few lines? */
static bool routing_follows(struct parser *p, size_t i)
{
	for (size_t seen = 0; i < p->nlines && seen < 3; i++) {
		struct str s = line_str(p, i);

		if (line_blank(p, i))
			continue;
		seen++;
		if (starts_word(s, "FM") || is_precedence_line(s, NULL, NULL))
			return true;
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
	p->header_rest = cl->rest;
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

void parse_preamble(struct parser *p, struct record_meta *m, struct str *long_date)
{
	struct cable *c = p->c;
	enum route_list active = ROUTE_NONE;
	bool fm = false;
	size_t i = 0, last = 0;
	struct classline cl, first;
	struct marker mk;
	struct str lone = STR_NULL;
	bool have_first = false, have_lone = false;

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
		if (header_label_line(s) || (read_marker(s, &mk) && (mk.k == 1 || mk.has_mark))) {
			if (have_first)
				take_class_line(p, &first);
			else if (have_lone)
				take_lone_level(p, lone);
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
		/* a lone level ("CONFIDENTIAL", "UNCLASSIFIED PTQ5647") on a page header */
		{
			struct marking mm;
			struct str w = s;
			const char *sp = memchr(s.p, ' ', s.n);

			if (sp)
				w = str_make(s.p, (size_t)(sp - s.p));
			if (marking_parse_classification(w, &mm) && s.n < 40) {
				if (!have_lone) {
					lone = s;
					have_lone = true;
				}
				last = i + 1;
				continue;
			}
		}
		if (s.n > 100 || fm)
			break;
	}
	if (have_first)
		take_class_line(p, &first);
	else if (have_lone)
		take_lone_level(p, lone);
	p->header_start = last;
}
