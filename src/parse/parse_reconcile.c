/* parse_reconcile.c -- after the text's parse, what the text and the
 * container say reconciled: the id (the container's, the classification
 * line's, a footer's, the file name's), the station, the level and its
 * caveats, the date, the references the container lists. */
#include "config.h"
#include "parse/parse_reconcile.h"

#include <stdio.h>
#include <string.h>

#include "base/dates.h"
#include "doc/ids.h"

void find_footer(struct parser *p)
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

/* A date of the metadata lines some copies carry: "Fri Feb 23 00:00:00
 * +0100 2001", "12/16/2009 14:15", "2010-02-12 17:09:00". */
static bool text_date(struct str s, char iso[ISO_DATE_MAX])
{
	bool suspect;

	return s.n && (date_from_long(s, iso) || date_from_csv(s, iso) || date_from_html(s, iso, &suspect));
}

/* The year four digits at @d write ("2004-10-06", "2004ROME03933"). */
static int four_digit_year(const char *d)
{
	return (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
}

int year_of(struct parser *p, const struct record_meta *m, struct str long_date)
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
		return four_digit_year(iso);
	if (p->footer_id.n)
		return four_digit_year(p->footer_id.p);
	if (p->c->routing.dtg.text.n && date_from_dtg(p->c->routing.dtg.text, iso))
		return four_digit_year(iso);
	if (text_date(long_date, iso))
		return four_digit_year(iso);
	if (p->class_year.n == 2)
		return year_from_yy((p->class_year.p[0] - '0') * 10 + (p->class_year.p[1] - '0'));
	if (p->file_id[0]) {
		/* the last witness: a file named after the cable */
		p->year_from_file = true;
		return year_from_yy(id_year(p->file_id));
	}
	return -1;
}

void set_container(struct field *f, struct str s, struct parser *p)
{
	f->text = keep(p, str_trim(s));
	f->at = (struct span){ SPAN_CONTAINER, 0 };
}

/* The id a file name of cable-id shape gives ("07TBILISI1732.txt"), or "". */
void file_name_id(struct parser *p, const struct record_meta *m)
{
	struct str base = m->path;
	const char *slash, *dot;
	bool odd;

	p->file_id[0] = '\0';
	while (base.n && (slash = memchr(base.p, '/', base.n)))
		base = str_make(slash + 1, base.n - (size_t)(slash + 1 - base.p));
	dot = base.n ? memchr(base.p, '.', base.n) : NULL;   /* a record may come with no path */
	if (dot)
		base.n = (size_t)(dot - base.p);
	if (base.n < 5 || base.n >= ID_MAX || !is_digit((unsigned char)base.p[0]))
		return;
	id_canonical(base, p->file_id, &odd);
	if (odd || id_year(p->file_id) < 0)
		p->file_id[0] = '\0';
	else
		p->file_base = base;
}

/* The cable's station as early as the header is read (page headers repeat
 * it): the classification line's, else the record's id, the footer's, the
 * file name's; and its serial (p->serial), for the years of its REFs. */
void early_station(struct parser *p, const struct record_meta *m)
{
	char canon[ID_MAX];
	bool odd;
	struct str st = STR_NULL;

	if (p->have_class_line && p->class_station.n && !is_redacted(p->class_station)) {
		station_key(p->class_station, p->station, sizeof(p->station));
		p->serial = 0;
		for (size_t i = 0; i < p->class_serial.n && is_digit((unsigned char)p->class_serial.p[i]) && i < 9; i++)
			p->serial = p->serial * 10 + (p->class_serial.p[i] - '0');
		return;
	}
	canon[0] = '\0';
	if (m->id.n)
		id_canonical(m->id, canon, &odd);
	else if (p->footer_id.n)
		id_canonical(p->footer_id, canon, &odd);
	else if (p->file_id[0])
		str_cpy(canon, sizeof(canon), str_c(p->file_id));
	if (canon[0]) {
		st = id_station(canon);
		/* the serial that tells a later REF: the text's or its record's;
		 * a file's name is a reader's label, too weak a witness to move
		 * a REF to another year */
		p->serial = m->id.n || p->footer_id.n ? atol(st.p + st.n) : 0;
	}
	str_cpy(p->station, sizeof(p->station), st);
}

/* A footer cuts the station to six letters ("2004CARACA02200 -"): the
 * classification line, with the same serial, has it whole. */
static void footer_station(struct parser *p)
{
	struct cable *c = p->c;
	char key[48], made[ID_MAX];
	struct str st = id_station(c->id);

	if (!p->have_class_line || !p->class_station.n || st.n != 6 || p->year < 0)
		return;
	station_key(p->class_station, key, sizeof(key));
	if (strlen(key) <= 6 || strncmp(key, st.p, 6) != 0 ||
	    !id_from_parts(p->year, p->class_station, p->class_serial, made) ||
	    strcmp(made + 2 + strlen(key), st.p + st.n) != 0)
		return;
	str_cpy(c->id, sizeof(c->id), str_c(made));
}

/* Do the routing header's serial (its last four digits: "DE RUEHBJ
 * #3571" for BEIJING 023571) and the classification line's agree? */
static bool serials_agree(struct str de, struct str serial)
{
	size_t i = de.n, j = serial.n;

	while (i > 0 && j > 0) {
		if (de.p[i - 1] != serial.p[j - 1])
			return false;
		i--;
		j--;
	}
	while (i > 0 && de.p[i - 1] == '0')
		i--;
	return i == 0;
}

/* The station an FM line names: "AMEMBASSY LA PAZ" -> "LA PAZ". */
static struct str fm_station(struct str from)
{
	static const char *const prefixes[] = { "AMEMBASSY ", "AMCONSUL ", "AMCONGEN ", "USMISSION ", "USDEL ",
						"AMEMB " };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (str_istarts(from, prefixes[i]))
			return str_trim(str_make(from.p + strlen(prefixes[i]), from.n - strlen(prefixes[i])));
	if (str_istarts(from, "SECSTATE"))
		return STR_LIT("SECSTATE");
	return from;
}

void finish_id(struct parser *p, const struct record_meta *m)
{
	struct cable *c = p->c;
	bool odd = false;
	char made[ID_MAX];

	if (m->id.n) {
		set_container(&c->id_as_written, m->id, p);
		if (m->id.p >= p->t && m->id.p < p->t + p->n)   /* five-line variant */
			c->id_as_written.at = text_span(p, m->id);
		id_canonical(c->id_as_written.text, c->id, &odd);
	} else if (p->footer_id.n) {
		c->id_as_written.text = p->footer_id;
		c->id_as_written.at = text_span(p, p->footer_id);
		id_canonical(p->footer_id, c->id, &odd);
		footer_station(p);
	} else if (p->have_class_line && p->class_station.n && p->class_serial.n) {
		struct str w = str_make(p->class_station.p,
					(size_t)(p->class_serial.p + p->class_serial.n - p->class_station.p));
		bool have_year = p->year >= 0 && !p->year_from_file;
		struct str station = p->class_station;

		/* "XXXXXXXXXXXX 000004": the station redacted; the FM line names it */
		if (is_redacted(station) && c->routing.from.text.n) {
			station = fm_station(c->routing.from.text);
			cable_warn(c, "the classification line's station is redacted; took the FM line's (%.*s)",
				   (int)MIN(station.n, 40), station.p);
		}

		c->id_as_written.text = w;
		c->id_as_written.at = text_span(p, w);
		if (p->de_serial.n && !serials_agree(p->de_serial, p->class_serial))
			cable_caution(c, "the routing header (DE #%.*s) and the classification line (%.*s) name two cables; "
				   "the text may be another cable's", (int)p->de_serial.n, p->de_serial.p, (int)MIN(w.n, 60), w.p);
		id_from_parts(have_year ? p->year : 0, station, p->class_serial, made);
		if (have_year) {
			str_cpy(c->id, sizeof(c->id), str_c(made));
		} else if (p->file_id[0] && strcmp(p->file_id + 2, made + 2) == 0) {
			str_cpy(c->id, sizeof(c->id), str_c(p->file_id));
			cable_warn(c, "the text gives no year for the id; took the file name's (%s)", p->file_id);
		} else {
			str_cpy(c->id, sizeof(c->id), str_c(made + 2));
			if (p->file_id[0])
				cable_warn(c, "no year for the id: the cable gives no date (the file name names %s)",
					   p->file_id);
			else
				cable_warn(c, "no year for the id: the cable gives no date");
		}
	} else if (p->de_serial.n && c->routing.from.text.n && p->year >= 0 && !p->year_from_file &&
		   id_from_parts(p->year, fm_station(c->routing.from.text), p->de_serial, made)) {
		/* no classification line: the routing header names the station and the serial */
		str_cpy(c->id, sizeof(c->id), str_c(made));
		c->id_as_written.text = str_make(p->de_serial.p - 1, p->de_serial.n + 1);
		c->id_as_written.at = text_span(p, c->id_as_written.text);
		cable_warn(c, "no id on a classification line: the id is made from the routing header (FM %.*s, DE #%.*s)",
			   (int)MIN(c->routing.from.text.n, 60), c->routing.from.text.p, (int)p->de_serial.n,
			   p->de_serial.p);
	} else if (p->file_id[0]) {
		str_cpy(c->id, sizeof(c->id), str_c(p->file_id));
		set_container(&c->id_as_written, p->file_base, p);
		cable_warn(c, "the text names no id; took the file name's (%s)", p->file_id);
	}
	if (odd)
		cable_warn(c, "the id %.*s does not have the usual shape; kept as written",
			   (int)c->id_as_written.text.n, c->id_as_written.text.p);
	p->id_odd = odd;
}

void finish_origin(struct parser *p)
{
	struct cable *c = p->c;
	char key[64];
	struct str st = id_station(c->id);

	if (p->have_class_line && p->class_station.n && !is_redacted(p->class_station)) {
		str_cpy(key, sizeof(key), str_c(p->station));   /* the class line's, made early */
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
		cable_caution(c, "the text's classification line names %.*s %.*s, not %s",
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
	return str_has_lower(s);
}

/* A caveat written after the subject, as a sentence before the first
 * paragraph ("SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY"), says how
 * to handle the text; the captions above the fields give the marking. */
static bool caveat_after_fields(const struct cable *c, const struct field *cap)
{
	return c->subject.text.n && c->subject.at.off < SPAN_CONTAINER && cap->at.off < SPAN_CONTAINER &&
	       cap->at.off > c->subject.at.off;
}

void finish_classification(struct parser *p, const struct record_meta *m)
{
	struct cable *c = p->c;
	struct marking text_mark = { 0 }, cont = { 0 };
	bool have_text = false, have_cont = false;
	char norm[64];

	if (p->have_class_line)
		have_text = marking_parse_classification(p->class_repaired ? str_c(p->class_repaired) : p->class_text,
							 &text_mark);
	if (have_text && p->class_repaired)
		cable_warn(c, "the classification line \"%.*s\" has lost a letter; read as %s",
			   (int)MIN(p->class_text.n, 40), p->class_text.p, p->class_repaired);
	if (m->classification.n)
		have_cont = marking_parse_classification(m->classification, &cont);
	/* as written: the text's own line, else the container's words */
	if (have_text) {
		c->classification_as_written.text = p->class_text;
		c->classification_as_written.at = text_span(p, p->class_text);
	} else if (m->classification.n) {
		set_container(&c->classification_as_written, m->classification, p);
	}
	if (have_cont) {
		c->marking = cont;
		if (cont.rel.n)
			c->marking.rel = keep(p, cont.rel);
		if (have_text && text_mark.level != cont.level &&
		    !(text_mark.level == LEVEL_U && cont.level == LEVEL_SBU))
			cable_caution(c, "the text is marked %s but the record says %s; kept the record's",
				   level_name(text_mark.level), level_name(cont.level));
	} else if (have_text) {
		c->marking = text_mark;
		if (spaced_or_lower(p->class_text) && !p->class_repaired)
			cable_warn(c, "classification line written \"%.*s\"; read as %s",
				   (int)MIN(p->class_text.n, 40), p->class_text.p, level_name(text_mark.level));
	} else if (m->classification.n) {
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
		else if ((str_ieq(cap, "SENSITIVE") || str_ieq(cap, "SBU") ||
			  str_istarts(cap, "SENSITIVE BUT UNCLAS")) && c->marking.level == LEVEL_U &&
			 !caveat_after_fields(c, &c->captions[i]))
			c->marking.level = LEVEL_SBU;
	}
	/* the subject's marking is the head's too: "SUBJECT: (C/NF) ..." */
	c->marking.caveats |= c->subject_marking.caveats & CAVEAT_NOFORN;
	/* no line gives the classification: the highest portion marking does
	 * (NOFORN stays the head's to give, as in the corpus) */
	if (!c->marking.level) {
		enum level top = c->subject_marking.level;

		for (size_t i = 0; i < c->nparas; i++)
			if (c->paras[i].marking.level > top)
				top = c->paras[i].marking.level;
		if (top) {
			c->marking.level = top;
			cable_warn(c, "no classification line: the classification is the highest portion marking's (%s)",
				   level_name(top));
		}
	}
	/* the full, normalised form, from every witness together */
	if (c->marking.level) {
		marking_format_classification(&c->marking, norm, sizeof(norm));
		c->classification.text = keep(p, str_c(norm));
		c->classification.at = c->classification_as_written.at;
	}
}

void finish_date(struct parser *p, const struct record_meta *m, struct str long_date)
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
	} else if (text_date(long_date, cont)) {
		snprintf(c->date, sizeof(c->date), "%s", cont);
		c->date_as_written.text = long_date;
		c->date_as_written.at = text_span(p, long_date);
	}
}

/* The references cables.csv lists that the REF line did not name. */
void finish_refs(struct parser *p, const struct record_meta *m)
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

