/* parse.c -- the parser's driver: lines, the preamble (five metadata lines,
 * partial-extract note, routing header, classification line) and the final
 * reconciliation of what the text and the container say. */
#include "config.h"
#include "parse_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "ids.h"

void record_note(struct record_meta *m, const char *note)
{
	if (m->nnotes < sizeof(m->notes) / sizeof(m->notes[0]))
		m->notes[m->nnotes++] = str_c(note);
}

struct str keep(struct parser *p, struct str s)
{
	return arena_strdup(&p->c->arena, s);
}

struct str join_wrapped(struct parser *p, struct str s)
{
	struct buf *b = &p->scratch;
	bool space = false;

	s = str_trim(s);
	if (!memchr(s.p, '\n', s.n) && !memchr(s.p, '\r', s.n) && !memchr(s.p, '\t', s.n))
		return s;
	buf_clear(b);
	for (size_t i = 0; i < s.n; i++) {
		char ch = s.p[i];

		if (ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t') {
			space = true;
			continue;
		}
		if (space && b->n)
			buf_addc(b, ' ');
		space = false;
		buf_addc(b, ch);
	}
	return keep(p, buf_str(b));
}

/* ------------------------------------------------------------------ lines */

static void split_lines(struct parser *p)
{
	const char *t = p->t;
	size_t n = p->n, start = 0;

	while (start < n) {
		const char *nl = memchr(t + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - t) : n, s = start, e = end;
		struct line *l;

		while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
			e--;
		while (s < e && (t[s] == ' ' || t[s] == '\t'))
			s++;
		if (p->nlines == p->cap_lines) {
			size_t cap = p->cap_lines ? p->cap_lines * 2 : 256;

			p->lines = xrealloc(p->lines, cap * sizeof(*p->lines));
			p->cap_lines = cap;
		}
		l = &p->lines[p->nlines++];
		l->off = (uint32_t)s;
		l->len = (uint32_t)(e - s);
		l->indent = (uint32_t)(s - start);
		start = end + 1;
	}
}

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

/* Looks for a classification line glued to the end of another line
 * ("...KABUL 0106UNCLAS SECTION 01 OF 02 DUSHANBE 000575"). */
static long find_glued_class_line(struct str s, struct classline *cl)
{
	static const char *const starts[] = { "UNCLAS", "CONFIDENTIAL", "C O N F", "SECRET",
					      "S E C R", "TOP SECRET", "LIMITED OFFICIAL" };

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

/* "2004ROME03933 - Classification: CONFIDENTIAL", "2000HOCHI00838 - UNCLASSIFIED" */
static bool is_footer(struct str s, struct str *id)
{
	size_t i = 0;

	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	if (i != 4)
		return false;
	while (i < s.n && is_upper((unsigned char)s.p[i]))
		i++;
	if (i == 4)
		return false;
	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	if (i + 3 > s.n || memcmp(s.p + i, " - ", 3) != 0 || !is_digit((unsigned char)s.p[i - 1]))
		return false;
	if (id)
		*id = str_make(s.p, i);
	return true;
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

static void parse_preamble(struct parser *p, struct record_meta *m, struct str *long_date)
{
	struct cable *c = p->c;
	enum route_list active = ROUTE_NONE;
	bool fm = false;
	size_t i = 0, last = 0;
	struct classline cl, first;
	struct marker mk;
	bool have_first = false;

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
				last = i + 1;
				continue;
			}
		}
		if (s.n > 100 || fm)
			break;
	}
	if (have_first)
		take_class_line(p, &first);
	p->header_start = last;
}

/* ------------------------------------------------------------- reconciling */

static void find_footer(struct parser *p)
{
	size_t seen = 0;

	for (size_t i = p->nlines; i > 0 && seen < 12; i--) {
		struct str id;

		if (line_blank(p, i - 1))
			continue;
		seen++;
		if (is_footer(line_str(p, i - 1), &id)) {
			p->footer_id = id;
			return;
		}
	}
}

static int year_of(struct parser *p, const struct record_meta *m, struct str long_date)
{
	char iso[ISO_DATE_MAX], canon[ID_MAX];
	bool odd, suspect;

	if (m->id.n) {
		id_canonical(m->id, canon, &odd);
		if (!odd && id_year(canon) >= 0)
			return year_from_yy(id_year(canon));
	}
	if (m->created.n && ((m->format == FORMAT_CSV && date_from_csv(m->created, iso)) ||
			     (m->format == FORMAT_HTML && date_from_html(m->created, iso, &suspect))))
		return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	if (p->footer_id.n) {
		struct str f = p->footer_id;

		return (f.p[0] - '0') * 1000 + (f.p[1] - '0') * 100 + (f.p[2] - '0') * 10 + (f.p[3] - '0');
	}
	if (p->c->routing.dtg.text.n && date_from_dtg(p->c->routing.dtg.text, iso))
		return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	if (long_date.n && date_from_long(long_date, iso))
		return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	if (p->class_year.n == 2)
		return year_from_yy((p->class_year.p[0] - '0') * 10 + (p->class_year.p[1] - '0'));
	return -1;
}

static void set_container(struct field *f, struct str s, struct parser *p)
{
	f->text = keep(p, str_trim(s));
	f->at = (struct span){ SPAN_CONTAINER, 0 };
}

static void finish_id(struct parser *p, const struct record_meta *m)
{
	struct cable *c = p->c;
	bool odd = false;

	if (m->id.n) {
		set_container(&c->id_as_written, m->id, p);
		if (m->id.p >= p->t && m->id.p < p->t + p->n)   /* five-line variant */
			c->id_as_written.at = text_span(p, m->id);
		id_canonical(c->id_as_written.text, c->id, &odd);
	} else if (p->footer_id.n) {
		c->id_as_written.text = p->footer_id;
		c->id_as_written.at = text_span(p, p->footer_id);
		id_canonical(p->footer_id, c->id, &odd);
	} else if (p->have_class_line && id_from_parts(p->year, p->class_station, p->class_serial, c->id)) {
		struct str w = str_make(p->class_station.p,
					(size_t)(p->class_serial.p + p->class_serial.n - p->class_station.p));

		c->id_as_written.text = w;
		c->id_as_written.at = text_span(p, w);
	} else if (p->have_class_line) {
		struct str w = str_make(p->class_station.p,
					(size_t)(p->class_serial.p + p->class_serial.n - p->class_station.p));

		c->id_as_written.text = w;
		c->id_as_written.at = text_span(p, w);
		cable_warn(c, "no year for the id: the cable gives no date");
		id_from_parts(0, p->class_station, p->class_serial, c->id);
		memmove(c->id, c->id + 2, strlen(c->id + 2) + 1);
	}
	if (odd)
		cable_warn(c, "the id %.*s does not have the usual shape; kept as written",
			   (int)c->id_as_written.text.n, c->id_as_written.text.p);
	p->id_odd = odd;
}

static void finish_origin(struct parser *p)
{
	struct cable *c = p->c;
	char key[64];
	struct str st = id_station(c->id);

	if (p->have_class_line) {
		station_key(p->class_station, key, sizeof(key));
		if (!c->id[0] || p->id_odd || (st.n == strlen(key) && memcmp(st.p, key, st.n) == 0)) {
			char up[64];
			size_t n = MIN(p->class_station.n, sizeof(up) - 1);
			bool lower = false;

			for (size_t i = 0; i < n; i++) {
				lower |= is_lower((unsigned char)p->class_station.p[i]);
				up[i] = (char)to_upper((unsigned char)p->class_station.p[i]);
			}
			c->origin.text = lower ? keep(p, str_make(up, n)) : p->class_station;
			c->origin.at = text_span(p, p->class_station);
			return;
		}
		cable_warn(c, "the text's classification line names %.*s %.*s, not %s",
			   (int)p->class_station.n, p->class_station.p, (int)p->class_serial.n,
			   p->class_serial.p, c->id);
	}
	if (st.n) {
		c->origin.text = keep(p, st);
		c->origin.at = (struct span){ SPAN_CONTAINER, 0 };
	}
}

static bool spaced_or_lower(struct str s)
{
	for (size_t i = 0; i + 2 < s.n; i++)
		if (is_alpha((unsigned char)s.p[i]) && s.p[i + 1] == ' ' && is_alpha((unsigned char)s.p[i + 2]) &&
		    (i == 0 || s.p[i - 1] == ' ') && (i + 3 >= s.n || s.p[i + 3] == ' '))
			return true;
	for (size_t i = 0; i < s.n; i++)
		if (is_lower((unsigned char)s.p[i]))
			return true;
	return false;
}

static void finish_classification(struct parser *p, const struct record_meta *m)
{
	struct cable *c = p->c;
	struct marking text_mark = { 0 }, cont = { 0 };
	bool have_text = false;

	if (p->have_class_line)
		have_text = marking_parse_classification(p->class_text, &text_mark);
	if (m->classification.n && marking_parse_classification(m->classification, &cont)) {
		set_container(&c->classification, m->classification, p);
		c->marking = cont;
		if (cont.rel.n)
			c->marking.rel = keep(p, cont.rel);
		if (have_text && text_mark.level != cont.level &&
		    !(text_mark.level == LEVEL_U && cont.level == LEVEL_SBU))
			cable_warn(c, "the text is marked %s but the record says %s; kept the record's",
				   level_name(text_mark.level), level_name(cont.level));
	} else if (have_text) {
		c->classification.at = text_span(p, p->class_text);
		if (spaced_or_lower(p->class_text)) {
			char tmp[64];

			marking_format_banner(&(struct marking){ text_mark.level, 0, STR_NULL }, tmp,
					      sizeof(tmp));
			if (text_mark.level == LEVEL_U && str_istarts(p->class_text, "U N C L A S") &&
			    !str_istarts(p->class_text, "U N C L A S S"))
				snprintf(tmp, sizeof(tmp), "UNCLAS");
			c->classification.text = keep(p, str_c(tmp));
			cable_warn(c, "classification line written \"%.*s\"; read as %s",
				   (int)MIN(p->class_text.n, 40), p->class_text.p, tmp);
		} else {
			c->classification.text = p->class_text;
		}
		c->marking = text_mark;
	} else if (m->classification.n) {
		set_container(&c->classification, m->classification, p);
		cable_warn(c, "classification \"%.*s\" not understood", (int)MIN(m->classification.n, 60),
			   m->classification.p);
	}
	if (have_text)
		c->marking.caveats |= text_mark.caveats & ~(unsigned)CAVEAT_REL;
	/* captions carry caveats too */
	for (size_t i = 0; i < c->ncaptions; i++) {
		struct str cap = c->captions[i].text;

		if (str_ieq(cap, "NOFORN"))
			c->marking.caveats |= CAVEAT_NOFORN;
		else if (str_ieq(cap, "EXDIS"))
			c->marking.caveats |= CAVEAT_EXDIS;
		else if (str_ieq(cap, "NODIS"))
			c->marking.caveats |= CAVEAT_NODIS;
		else if (str_ieq(cap, "LIMDIS"))
			c->marking.caveats |= CAVEAT_LIMDIS;
		else if (str_ieq(cap, "SENSITIVE") && c->marking.level == LEVEL_U)
			c->marking.level = LEVEL_SBU;
	}
}

static void finish_date(struct parser *p, const struct record_meta *m, struct str long_date)
{
	struct cable *c = p->c;
	char cont[ISO_DATE_MAX] = "", dtg[ISO_DATE_MAX] = "";
	bool suspect = false, have_dtg;

	have_dtg = c->routing.dtg.text.n && date_from_dtg(c->routing.dtg.text, dtg);
	if (m->created.n) {
		bool ok = m->format == FORMAT_CSV ? date_from_csv(m->created, cont)
			  : date_from_html(m->created, cont, &suspect);

		if (!ok) {
			cable_warn(c, "the record's date \"%.*s\" is not a date", (int)MIN(m->created.n, 40),
				   m->created.p);
			cont[0] = '\0';
		}
		set_container(&c->date_as_written, m->created, p);
	}
	if (cont[0] && suspect && have_dtg && strncmp(cont, dtg, 10) == 0) {
		snprintf(c->date, sizeof(c->date), "%s", dtg);
		cable_warn(c, "the page's time %.5s repeats the hour; took the date-time group's",
			   cont + 11);
	} else if (cont[0] && suspect && !have_dtg) {
		snprintf(c->date, sizeof(c->date), "%.10s", cont);
		cable_warn(c, "the page's time %.5s repeats the hour; kept only the date", cont + 11);
	} else if (cont[0]) {
		snprintf(c->date, sizeof(c->date), "%s", cont);
	} else if (have_dtg) {
		snprintf(c->date, sizeof(c->date), "%s", dtg);
		c->date_as_written = c->routing.dtg;
	} else if (long_date.n && date_from_long(long_date, cont)) {
		snprintf(c->date, sizeof(c->date), "%s", cont);
		c->date_as_written.text = long_date;
		c->date_as_written.at = text_span(p, long_date);
	}
}

/* The references cables.csv lists that the REF line did not name. */
static void finish_refs(struct parser *p, const struct record_meta *m)
{
	struct cable *c = p->c;
	struct str s = m->refs;

	while (s.n) {
		const char *bar = memchr(s.p, '|', s.n);
		struct str one = str_trim(str_make(s.p, bar ? (size_t)(bar - s.p) : s.n));
		char canon[ID_MAX];
		bool odd, found = false;

		s = bar ? str_make(bar + 1, s.n - (size_t)(bar - s.p) - 1) : STR_NULL;
		if (!one.n)
			continue;
		id_canonical(one, canon, &odd);
		for (size_t i = 0; i < c->nrefs && !found; i++)
			found = str_eq_c(c->refs[i].id, canon);
		if (!found) {
			struct reference *r = cable_add_ref(c);

			r->text = keep(p, one);
			r->id = keep(p, str_c(canon));
			r->at = (struct span){ SPAN_CONTAINER, 0 };
		}
	}
}

bool parse_cable(struct cable *c, struct str text, const struct record_meta *meta)
{
	struct parser p;
	struct record_meta m = *meta;
	struct str long_date = STR_NULL;
	bool recognised;

	cable_reset(c);
	memset(&p, 0, sizeof(p));
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

	split_lines(&p);
	parse_preamble(&p, &m, &long_date);
	if (!m.id.n)
		find_footer(&p);
	p.year = year_of(&p, &m, long_date);
	p.meta = &m;
	parse_header(&p);
	parse_body(&p);

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

	recognised = p.have_class_line || m.id.n || p.seen_main || c->routing.present ||
		     p.footer_id.n || c->partial;
	free(p.lines);
	buf_free(&p.scratch);
	buf_free(&p.noyear);
	return recognised;
}
