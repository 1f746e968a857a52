/* cite.c -- citations from a template */
#include "config.h"
#include "doc/cite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "doc/cable.h"
#include "doc/marking.h"
#include "base/text.h"
#include "base/util.h"

void cite_url(char *out, size_t n, const char *id)
{
	snprintf(out, n, "https://wikileaks.org/plusd/cables/%s_a.html", id);
}

static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
				      "August", "September", "October", "November", "December" };

/* The date of @iso, false when it is none. */
static bool ymd(const char *iso, int *y, int *m, int *d)
{
	return iso && sscanf(iso, "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

void cite_long_date(char *out, size_t n, const char *iso)
{
	int y, m, d;

	if (!ymd(iso, &y, &m, &d)) {
		snprintf(out, n, "%s", "");
		return;
	}
	snprintf(out, n, "%d %s %d", d, months[m - 1], y);
}

int cite_year(const char *id, const char *iso)
{
	int y, m, d;

	if (ymd(iso, &y, &m, &d))
		return y;
	/* the id's first two digits: cables run from the 1960s to 2010 */
	if (id && id[0] >= '0' && id[0] <= '9' && id[1] >= '0' && id[1] <= '9') {
		y = (id[0] - '0') * 10 + (id[1] - '0');
		return y >= 50 ? 1900 + y : 2000 + y;
	}
	return 0;
}

/* The dates of the styles: mdy "October 6, 2004", md "October 6", ap
 * "Oct. 6, 2004" (AP abbreviates the months of more than five letters). */
static void style_date(char *out, size_t n, const char *kind, const struct cite_src *s)
{
	static const char *const ap[] = { "Jan.", "Feb.", "March", "April", "May", "June", "July",
					  "Aug.", "Sept.", "Oct.", "Nov.", "Dec." };
	int y, m, d, year = cite_year(s->id, s->date);

	if (!ymd(s->date, &y, &m, &d)) {
		if (kind[0] == 'm' && kind[1] == 'd' && !kind[2])
			snprintf(out, n, "%s", "");
		else if (year)
			snprintf(out, n, "%d", year);
		else
			snprintf(out, n, "%s", "");
	} else if (kind[0] == 'a') {
		snprintf(out, n, "%s %d, %d", ap[m - 1], d, y);
	} else if (kind[2]) {
		snprintf(out, n, "%s %d, %d", months[m - 1], d, y);
	} else {
		snprintf(out, n, "%s %d", months[m - 1], d);
	}
}

const struct cite_style cite_styles[] = {
	{ "chicago-note",
	  "{origin}, \xE2\x80\x9C{subject},\xE2\x80\x9D cable {id}, {mdy}{, para}, WikiLeaks, {url}." },
	{ "chicago-bibliography",
	  "{origin}. \xE2\x80\x9C{subject}.\xE2\x80\x9D Cable {id}{, mdy}. WikiLeaks. {url}." },
	{ "author-date",
	  "{origin}. {year}. \xE2\x80\x9C{subject}.\xE2\x80\x9D Cable {id}{, md}. WikiLeaks. {url}." },
	{ "ap", "{origin} cable {id}, dated {apdate}{, para}, released by WikiLeaks" },
	{ NULL, NULL }
};

const char *cite_template(const char *tmpl)
{
	for (size_t i = 0; tmpl && cite_styles[i].name; i++)
		if (strcmp(tmpl, cite_styles[i].name) == 0)
			return cite_styles[i].tmpl;
	return tmpl;
}

/* "HOCHIMINH CITY" -> "Hochiminh City" */
static void title_case(char *out, size_t n, const char *s)
{
	size_t k = 0;
	bool start = true;

	for (; *s && k + 1 < n; s++) {
		char ch = *s;

		out[k++] = start ? (char)to_upper((unsigned char)ch)
				 : (ch >= 'A' && ch <= 'Z') ? (char)(ch | 0x20) : ch;
		start = ch == ' ' || ch == '-';
	}
	out[k] = '\0';
}

void cite_origin_name(char *out, size_t n, const char *origin, const char *from)
{
	static const struct {
		const char *word, *name;
	} kinds[] = { { "AMEMBASSY ", "Embassy " }, { "AMCONSUL ", "Consulate " }, { "USMISSION ", "Mission " },
		      { "AMCONSULATE ", "Consulate " }, { "USEU ", "Mission to the EU " } };
	char place[128];

	for (size_t i = 0; from && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t w = strlen(kinds[i].word);

		if (strncmp(from, kinds[i].word, w) == 0 && from[w]) {
			title_case(place, sizeof(place), from + w);
			snprintf(out, n, "%s%s", kinds[i].name, place);
			return;
		}
	}
	if (origin && strcmp(origin, "STATE") == 0) {
		snprintf(out, n, "Secretary of State");
		return;
	}
	title_case(out, n, origin ? origin : "");
}

/* Appends @s with no control character: a line break, a tab or a line or
 * paragraph separator is a blank, the rest that text.c will not show (C0,
 * DEL, C1, every bidirectional control and direction mark) is left out,
 * and runs of blanks are one. */
void cite_clean(struct buf *out, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	while (p < end) {
		ucs4_t uc;
		int len;

		if (*p < 0x80) {
			uc = *p;
			len = 1;
		} else {
			len = u8_mbtouc(&uc, p, (size_t)(end - p));
			if (uc == 0xFFFD && (len < 3 || memcmp(p, "\xEF\xBF\xBD", 3) != 0)) {
				p += len;       /* not UTF-8: left out */
				continue;
			}
		}
		if (uc == '\n' || uc == '\t' || uc == '\r' || uc == ' ' || uc == 0x2028 || uc == 0x2029) {
			if (out->n && out->p[out->n - 1] != ' ')
				buf_addc(out, ' ');
		} else if (!(uc < 0x20 || uc == 0x7F || text_unsafe_char(uc))) {
			buf_add(out, (const char *)p, (size_t)len);
		}
		p += len;
	}
}

/* The value of field @name, or NULL when there is no such field. */
static bool field(const struct cite_src *s, const char *cite, const char *name, size_t len, struct buf *v)
{
	char tmp[256];

#define IS(x) (len == sizeof(x) - 1 && memcmp(name, x, len) == 0)
	buf_clear(v);
	if (IS("origin")) {
		if (s->origin_name && *s->origin_name)
			buf_adds(v, s->origin_name);
		else {
			cite_origin_name(tmp, sizeof(tmp), s->origin, NULL);
			buf_adds(v, tmp);
		}
	} else if (IS("id")) {
		buf_adds(v, s->id ? s->id : "");
	} else if (IS("date")) {
		int y = cite_year(s->id, s->date);

		/* with no date in the cable, its year is its id's */
		cite_long_date(tmp, sizeof(tmp), s->date);
		if (*tmp)
			buf_adds(v, tmp);
		else if (y)
			buf_printf(v, "%d", y);
	} else if (IS("year")) {
		int y = cite_year(s->id, s->date);

		if (y)
			buf_printf(v, "%d", y);
	} else if (IS("mdy") || IS("md") || IS("apdate")) {
		char kind[8];

		snprintf(kind, sizeof(kind), "%.*s", (int)len, name);
		style_date(tmp, sizeof(tmp), kind, s);
		buf_adds(v, tmp);
	} else if (IS("iso")) {
		snprintf(tmp, sizeof(tmp), "%.10s", s->date ? s->date : "");
		buf_adds(v, tmp);
	} else if (IS("para")) {
		if (s->address && *s->address) {
			buf_printf(v, "\xC2\xB6%s", s->address);
			if (s->marking && *s->marking)
				buf_printf(v, " (%s)", s->marking);
		}
	} else if (IS("url")) {
		cite_url(tmp, sizeof(tmp), s->id ? s->id : "");
		buf_adds(v, tmp);
	} else if (IS("subject")) {
		buf_adds(v, s->subject ? s->subject : "");
	} else if (IS("classification")) {
		buf_adds(v, s->classification ? s->classification : "");
	} else if (IS("text") && cite) {
		buf_addstr(v, s->text.p ? s->text : STR_NULL);
	} else if (IS("cite") && cite) {
		buf_adds(v, cite);
	} else {
		return false;
	}
#undef IS
	return true;
}

/* Fills @tmpl; @cite is what {cite} stands for (NULL: no such field).
 * False at an unknown field, whose name goes to @bad. */
static bool fill(struct buf *out, const char *tmpl, const struct cite_src *s, const char *cite, char *bad, size_t nbad)
{
	struct buf v = { 0 }, raw = { 0 };
	bool ok = true;

	for (const char *p = tmpl; *p;) {
		const char *open = strchr(p, '{'), *close, *name;

		if (!open) {
			buf_adds(&raw, p);
			break;
		}
		buf_add(&raw, p, (size_t)(open - p));
		close = strchr(open, '}');
		if (!close) {
			buf_adds(&raw, open);
			break;
		}
		/* {PREFIX NAME}: the name is the last word */
		for (name = close; name > open + 1 && ((name[-1] >= 'a' && name[-1] <= 'z')); name--)
			;
		if (!field(s, cite, name, (size_t)(close - name), &v)) {
			if (bad && ok)
				snprintf(bad, nbad, "%.*s", (int)(close - open - 1), open + 1);
			ok = false;
		} else if (v.n) {
			buf_add(&raw, open + 1, (size_t)(name - open - 1));
			buf_add(&raw, v.p, v.n);
		}
		p = close + 1;
	}
	cite_clean(out, raw.p ? raw.p : "", raw.n);
	buf_free(&v);
	buf_free(&raw);
	return ok;
}

void cite_make(struct buf *out, const char *tmpl, const struct cite_src *s)
{
	fill(out, tmpl && *tmpl ? cite_template(tmpl) : CITE_DEFAULT, s, NULL, NULL, 0);
}

void cite_quote(struct buf *out, const char *quote, const char *tmpl, const struct cite_src *s)
{
	struct buf c = { 0 };

	cite_make(&c, tmpl, s);
	buf_addc(&c, '\0');
	fill(out, quote && *quote ? quote : QUOTE_DEFAULT, s, c.p, NULL, 0);
	buf_free(&c);
}

bool cite_check(const char *tmpl, bool quote, char *err, size_t errsize)
{
	struct cite_src s = { "04ROME3933", "2004-10-06", "ROME", "", "", "", "3", "C", STR_LIT("text") };
	struct buf out = { 0 };
	char bad[64] = "";
	bool ok = fill(&out, quote ? tmpl : cite_template(tmpl), &s, quote ? "cite" : NULL, bad, sizeof(bad));

	buf_free(&out);
	if (!ok)
		snprintf(err, errsize,
			 "unknown field {%s} (fields: origin id date iso year mdy md apdate para url subject "
			 "classification%s; or a style: chicago-note chicago-bibliography author-date ap)",
			 bad, quote ? " text cite" : "");
	return ok;
}

static const char *field_c(char *out, size_t n, struct str s)
{
	snprintf(out, n, "%.*s", (int)MIN(s.n, n - 1), s.p ? s.p : "");
	return out;
}

/* The strings of a cite_about live here (one cable, one paragraph at a
 * time), a set for each thread: the writers of --text --cite run on every
 * core, and one set for all gave a cable another's date. */
static _Thread_local struct {
	char date[24], origin[64], origin_name[128], subject[600], classification[80], marking[64];
} about_buf;

void cite_about(struct cite_src *a, const struct cable *c, int para, struct str text)
{
	memset(a, 0, sizeof(*a));
	a->id = c->id;
	a->date = field_c(about_buf.date, sizeof(about_buf.date), str_c(c->date));
	a->origin = field_c(about_buf.origin, sizeof(about_buf.origin), c->origin.text);
	a->origin_name = field_c(about_buf.origin_name, sizeof(about_buf.origin_name), c->origin_name.text);
	if (!*a->origin_name) {
		char from[128];

		field_c(from, sizeof(from), c->routing.from.text);
		cite_origin_name(about_buf.origin_name, sizeof(about_buf.origin_name), a->origin, from);
	}
	a->subject = field_c(about_buf.subject, sizeof(about_buf.subject), c->subject.text);
	a->classification = field_c(about_buf.classification, sizeof(about_buf.classification),
				    c->classification.text);
	a->address = "";
	a->marking = "";
	if (para >= 0 && (size_t)para < c->nparas) {
		a->address = c->paras[para].address;
		marking_format_portion(&c->paras[para].marking, about_buf.marking, sizeof(about_buf.marking));
		a->marking = about_buf.marking;
		a->text = text;
	}
}
