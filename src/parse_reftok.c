/* parse_reftok.c -- one REF item read as tokens, in the grammar of a cable
 * reference: an optional year, a station (a known post in any of its
 * written forms, in any case, misspelt by a letter), one serial or a list
 * of them ("STATE 188314, 259032", "ROME 2764 AND 2765", "LIMA 512/498"),
 * an optional year after it; the year also in parentheses ("STATE (02)
 * 118843", "ASUNCION 701 (08)"), with hyphens ("4471-05", "09-ROME-4471"),
 * in four digits before or after; the serial before the post; a portion
 * marking glued to the serial ("(S)01187").  What holds numbers and names
 * no cable (a report, an e-mail of a date) is said to be so. */
#include "config.h"
#include "parse_refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "ids.h"
#include "stations.h"

static bool ref_stopword(struct str w)
{
#define W(s) { s, sizeof(s) - 1 }
	static const struct {
		const char *w;
		size_t n;
	} stop[] = { W("AND"), W("OF"), W("THE"), W("NOTAL"), W("EMAIL"), W("E-MAIL"), W("EMAILS"),
		     W("E-MAILS"), W("TELCON"), W("MEMCON"), W("DATED"), W("ON"), W("IN"), W("FROM"), W("TO"),
		     W("PARA"), W("PARAS"), W("PARAGRAPH"), W("REFTEL"), W("REF"), W("SEPTEL"), W("CIRCULAR"),
		     W("SECTION"), W("NO"), W("FAX"), W("LETTER"), W("MEETING"), W("CABLE"), W("TEL"), W("RPT"),
		     W("DTD"), W("DTG"), W("REPORT"), W("PAGE"), W("PAGES"), W("IIR"), W("TD"), W("FBIS"),
		     W("NIACT"), W("IMMEDIATE"), W("EMBASSY"), W("AMEMBASSY"), W("CONSULATE"), W("AMCONSUL"),
		     W("USMISSION"), W("MISSION"), W("USINT"), W("POUCH"), W("SEPTELS"), W("REFTELS"),
		     W("UNCLASS"), W("UNCLAS"), W("UNCLASSIFIED"), W("CONFIDENTIAL"), W("SECRET"), W("NOFORN"),
		     W("SUBJ"), W("SUBJECT"), W("PREVIOUS"), W("POINTS"), W("OR"), W("FOR"), W("AT"),
		     W("BY"), W("VIA"), W("SEE"), W("ALSO"), W("NOTE"), W("NUMBER"), W("NR"), W("NUM") };
#undef W

	if (month_from_name(w))
		return true;
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (stop[i].n == w.n && str_ieq(w, stop[i].w))
			return true;
	return false;
}

/* Words after which a number counts something, and names no cable. */
static bool counting_word(struct str w)
{
	static const char *const words[] = { "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "SECTION", "PAGE", "PAGES",
					     "NO", "NR", "NUMBER", "ITEM", "POINT", "ARTICLE", "CHAPTER", "PERCENT",
					     "ANNEX", "TAB", "PART", "SPAN", "PHASE" };

	return STR_IEQ_ANY(w, words);
}

/* ------------------------------------------------------------ the tokens */

/* A REF item read as words and numbers: "09CAIRO0561" is three of them,
 * "HK05511" two, "#3565" and "O1512" numbers, "0TTAWA" a word, "(08)",
 * "'08" and "/08" years, "05/11/07" and "251847Z" dates (no cable). */
enum rkind { RK_WORD, RK_NUM, RK_YEAR, RK_YEAR_AFTER, RK_OTHER };

#define RTOK_MAX 128
#define RWORD_MAX 24

struct rtok {
	enum rkind kind;
	struct str s;            /* as written */
	char v[RWORD_MAX];       /* words: upper case, 0 read as O; numbers: digits */
	bool sep;                /* a comma, semicolon or list slash before it */
	bool caps;               /* a word written in capitals (or Capitalised) */
	bool particle;           /* "de", "da", "do", "del" of a station's name */
	bool used;               /* a serial or a year of a cable read */
};

struct toks {
	struct rtok t[RTOK_MAX];
	size_t n;
	bool sep;                /* a separator seen, for the next token */
};

static bool is_sep(char ch)
{
	return ch == ',' || ch == ';';
}

static void push(struct toks *k, enum rkind kind, struct str s)
{
	struct rtok *r;
	size_t m = 0;

	if (k->n >= RTOK_MAX || !s.n)
		return;
	r = &k->t[k->n++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->s = s;
	r->sep = k->sep;
	k->sep = false;
	for (size_t i = 0; i < s.n && m + 1 < RWORD_MAX; i++) {
		int ch = (unsigned char)s.p[i];

		if (kind == RK_WORD)
			r->v[m++] = (char)(ch == '0' ? 'O' : to_upper(ch));
		else if (is_digit(ch))
			r->v[m++] = (char)ch;
		else if (ch == 'O' || ch == 'o')
			r->v[m++] = '0';
	}
	r->v[m] = '\0';
	if (kind == RK_WORD) {
		bool upper_first = is_upper((unsigned char)s.p[0]) || s.p[0] == '0';

		r->caps = upper_first;
		r->particle = !upper_first && (str_eq_c(s, "de") || str_eq_c(s, "da") || str_eq_c(s, "do") ||
					       str_eq_c(s, "del") || str_eq_c(s, "des"));
	}
}

static bool all_digits(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (!is_digit((unsigned char)s.p[i]))
			return false;
	return s.n > 0;
}

static bool all_letters(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (!is_alpha((unsigned char)s.p[i]))
			return false;
	return s.n > 0;
}

static int year_of_digits(struct str s)
{
	int y = 0;

	if ((s.n != 2 && s.n != 4) || !all_digits(s))
		return -1;
	for (size_t i = 0; i < s.n; i++)
		y = y * 10 + (s.p[i] - '0');
	if (s.n == 2)
		return year_from_yy(y);
	return y >= 1940 && y <= 2030 ? y : -1;
}

static bool known_station_word(struct str w)
{
	char key[REF_KEY_MAX];

	station_key(w, key, sizeof(key));
	return station_known(key);
}

/* "4471-05", "05-4471", "09-ROME-4471", "ROME-09-4471": a cable written
 * with hyphens, read as its parts; false (and nothing read) for any other
 * hyphenated word ("CA-3400", "U-0011-06", "LEE-GOLDSTEIN"). */
static bool hyphen_parts(struct toks *k, struct str c)
{
	struct str part[4];
	size_t np = 0, serial = SIZE_MAX;
	const char *from = c.p, *end = c.p + c.n;

	while (from <= end && np < 4) {
		const char *h = memchr(from, '-', (size_t)(end - from));
		struct str s = str_make(from, h ? (size_t)(h - from) : (size_t)(end - from));

		part[np++] = s;
		if (!h)
			break;
		from = h + 1;
	}
	if (np < 2 || np > 3 || from < end)
		return false;
	for (size_t i = 0; i < np; i++) {
		if (all_digits(part[i])) {
			if (part[i].n >= 3 && part[i].n <= 7 && year_of_digits(part[i]) < 0 && serial == SIZE_MAX)
				serial = i;
			else if (year_of_digits(part[i]) < 0)
				return false;
		} else if (!all_letters(part[i]) || !known_station_word(part[i])) {
			return false;
		}
	}
	if (serial == SIZE_MAX)
		return false;
	for (size_t i = 0; i < np; i++) {
		if (!all_digits(part[i]))
			push(k, RK_WORD, part[i]);
		else if (i == serial)
			push(k, RK_NUM, part[i]);
		else if (i > serial)
			push(k, RK_YEAR_AFTER, part[i]);
		else if (i + 1 == serial)
			push(k, RK_YEAR, part[i]);
		else
			push(k, RK_NUM, part[i]);   /* a year before the station, read as such */
	}
	return true;
}

/* Splits one blank-separated chunk into tokens. */
static void chunk(struct toks *k, struct str c)
{
	size_t digits = 0, letters = 0, zeros = 0, slashes = 0, hyphens = 0, other = 0;

	while (c.n && (c.p[c.n - 1] == '.' || c.p[c.n - 1] == ')' || c.p[c.n - 1] == ':' || c.p[c.n - 1] == '('))
		c.n--;
	while (c.n && (c.p[0] == '(' || c.p[0] == '[' || c.p[0] == '#'))
		c = str_make(c.p + 1, c.n - 1);
	if (!c.n)
		return;
	for (size_t i = 0; i < c.n; i++) {
		int ch = (unsigned char)c.p[i];

		digits += is_digit(ch);
		zeros += ch == '0';
		letters += is_alpha(ch);
		slashes += ch == '/';
		hyphens += ch == '-';
		other += !is_digit(ch) && !is_alpha(ch) && ch != '\'' && ch != '/' && ch != '-';
	}
	if (c.p[0] == '\'' && digits == 2 && c.n == 3) {
		push(k, RK_YEAR, str_make(c.p + 1, 2));                 /* '08 */
		return;
	}
	if (hyphens && !other && !slashes && hyphen_parts(k, c))
		return;
	if (other || hyphens || slashes > 1 || (digits == 6 && c.n == 7 && (c.p[6] == 'Z' || c.p[6] == 'z'))) {
		push(k, RK_OTHER, c);                                   /* CA-3400, 05/11/07, 251847Z */
		return;
	}
	if (slashes == 1) {
		const char *sl = memchr(c.p, '/', c.n);
		struct str a = str_make(c.p, (size_t)(sl - c.p)), b = str_make(sl + 1, c.n - a.n - 1);

		if (a.n >= 2 && all_digits(a) && b.n == 2 && all_digits(b)) {          /* 00789/08 */
			push(k, RK_NUM, a);
			push(k, RK_YEAR_AFTER, b);
		} else if (a.n >= 3 && b.n >= 3 && all_digits(a) && all_digits(b)) {  /* 512/498 */
			push(k, RK_NUM, a);
			k->sep = true;
			push(k, RK_NUM, b);
		} else {
			push(k, RK_OTHER, c);
		}
		return;
	}
	if (!letters || (letters == 1 && (c.p[0] == 'O' || c.p[0] == 'o') && digits + 1 == c.n && digits >= 2)) {
		push(k, RK_NUM, c);                                     /* 3565, O1512 */
		return;
	}
	if (digits == zeros && letters >= 3) {
		push(k, RK_WORD, c);                                    /* 0TTAWA, COTON0U */
		return;
	}
	/* letters and digits glued: 09CAIRO0561, HK05511, 09DHAHRAN */
	for (size_t i = 0; i < c.n;) {
		size_t j = i;
		bool dig = is_digit((unsigned char)c.p[i]);

		while (j < c.n && (is_digit((unsigned char)c.p[j]) == dig || c.p[j] == '\''))
			j++;
		push(k, dig ? RK_NUM : RK_WORD, str_make(c.p + i, j - i));
		i = j;
	}
}

static void tokens(struct str item, struct toks *k)
{
	size_t i = 0, depth = 0;

	k->n = 0;
	k->sep = false;
	while (i < item.n) {
		size_t s;

		if (is_space((unsigned char)item.p[i])) {
			i++;
			continue;
		}
		if (is_sep(item.p[i])) {
			k->sep = true;
			i++;
			continue;
		}
		/* "(08)", "(99)": a year in parentheses */
		if (item.p[i] == '(' && i + 3 < item.n && is_digit((unsigned char)item.p[i + 1]) &&
		    is_digit((unsigned char)item.p[i + 2]) && item.p[i + 3] == ')') {
			push(k, k->n && k->t[k->n - 1].kind == RK_NUM && !k->sep ? RK_YEAR_AFTER : RK_YEAR,
			     str_make(item.p + i + 1, 2));
			i += 4;
			continue;
		}
		/* "(S)01187": a portion marking glued to the serial */
		if (item.p[i] == '(') {
			struct marking m;
			const char *e = paren_marking(str_make(item.p + i, item.n - i), 12, &m, NULL);

			if (e && e + 1 < item.p + item.n && is_digit((unsigned char)e[1])) {
				i = (size_t)(e + 1 - item.p);
				continue;
			}
		}
		s = i;
		while (i < item.n && !is_space((unsigned char)item.p[i]) && !is_sep(item.p[i]))
			i++;
		{
			/* "HANOI 60 (FEW CHANGES AT THE 9TH PLENUM)": what is in
			 * parentheses describes a cable, it names none */
			size_t before = k->n, opens = 0, closes = 0;

			for (size_t j = s; j < i; j++) {
				opens += item.p[j] == '(';
				closes += item.p[j] == ')';
			}
			chunk(k, str_make(item.p + s, i - s));
			if (depth || (opens > closes))
				for (size_t j = before; j < k->n; j++)
					k->t[j].kind = RK_OTHER;
			depth = opens > closes ? depth + (opens - closes) : (depth > closes - opens ? depth - (closes - opens) : 0);
		}
		if (i < item.n && is_sep(item.p[i])) {
			k->sep = true;
			i++;
		}
	}
}

/* ------------------------------------------------------------ the grammar */

/* A word that may be (a part of) a station's name: capitalised, or in
 * lower case when the words make a known station ("05 state 201650"). */
static bool station_word(const struct rtok *t)
{
	return t->kind == RK_WORD && t->s.n >= 2 && t->s.n < RWORD_MAX && !ref_stopword(t->s) &&
	       (is_alpha((unsigned char)t->s.p[0]) || t->s.p[0] == '0');
}

static int year_value(const char *v)
{
	return year_of_digits(str_c(v));
}

/* The station key of the words @t[a..b), known stations preferred
 * ("BISHTEK" is BISHKEK, "SAO PAUO" SAO PAULO), into @key. */
static void ref_station(struct parser *p, const struct rtok *t, size_t a, size_t b, char *key, size_t size)
{
	char words[96];
	size_t m = 0;
	const char *near;

	for (size_t i = a; i < b; i++) {
		size_t len = strlen(t[i].v);

		if (m + len + 2 < sizeof(words)) {
			if (m)
				words[m++] = ' ';
			memcpy(words + m, t[i].v, len);
			m += len;
		}
	}
	words[m] = '\0';
	station_key(str_make(words, m), key, size);
	if (!station_known(key) && (near = station_near(key)) != NULL) {
		cable_warn(p->c, "REF names the station \"%s\"; read as %s", words, near);
		snprintf(key, size, "%s", near);
	}
}

static bool all_caps(const struct rtok *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (!t[i].caps)
			return false;
	return true;
}

/* The station written in the words before @i (from *k on): its key, the
 * words a known station's when only some of them are ("MIX HANOI 537");
 * false when none names one (lower-case words must name a known one). */
static bool station_before(struct parser *p, const struct rtok *t, size_t *k, size_t i, char *key, size_t size)
{
	char tmp[REF_KEY_MAX];

	if (*k >= i)
		return false;
	ref_station(p, t, *k, i, key, size);
	if (station_known(key))
		return true;
	for (size_t a = *k + 1; a < i; a++) {
		ref_station(p, t, a, i, tmp, sizeof(tmp));
		if (station_known(tmp)) {
			snprintf(key, size, "%s", tmp);
			*k = a;
			return true;
		}
	}
	return all_caps(t, *k, i);
}

/* Where the words of a station that end just before @i start. */
static size_t words_back(const struct rtok *t, size_t i)
{
	size_t k = i;

	while (k > 0 && i - k < 4 &&
	       (station_word(&t[k - 1]) || (t[k - 1].particle && k >= 2 && station_word(&t[k - 2]))) &&
	       !(k < i && t[k].sep))
		k--;
	return k;
}

/* Words before a station that are not part of it ("INCSR BRAZIL 2008"),
 * and a number that is a year: a report, not a cable. */
static bool station_junk(const struct rtok *t, size_t k, size_t i)
{
	int v = atoi(t[i].v);

	return k > 0 && station_word(&t[k - 1]) && t[k - 1].caps && strlen(t[i].v) == 4 && v >= 1950 && v <= 2030;
}

static bool month_token(const struct rtok *t)
{
	return t->kind == RK_WORD && month_from_name(t->s);
}

/* "05/11/07", "9-22", "21-APR-2007", "1/4/07": a date, not a serial;
 * "TS-323-08A", "U-0011-06" are numbers of reports */
static bool date_like(struct str s)
{
	size_t parts = 0, longest = 0, shortest = SIZE_MAX;
	const char *from = s.p, *end = s.p + s.n;

	while (from <= end) {
		const char *q = from;
		struct str part;

		while (q < end && *q != '/' && *q != '-' && *q != '.')
			q++;
		part = str_make(from, (size_t)(q - from));
		if (!part.n || !(all_digits(part) || month_from_name(part)))
			return false;
		if (all_digits(part)) {
			longest = MAX(longest, part.n);
			shortest = MIN(shortest, part.n);
		}
		parts++;
		from = q + 1;
	}
	return parts >= 2 && parts <= 3 && longest <= 4 && shortest <= 2;
}

static size_t digit_count(struct str s)
{
	size_t d = 0;

	for (size_t i = 0; i < s.n; i++)
		d += is_digit((unsigned char)s.p[i]);
	return d;
}

/* Does the item hold a number that names something no hit took? */
static bool loose_number(const struct toks *k)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct rtok *t = &k->t[i];

		if (t->used)
			continue;
		if (t->kind == RK_OTHER) {
			if (digit_count(t->s) >= 3 && !date_like(t->s) &&
			    !(t->s.n == 7 && digit_count(t->s) == 6 && (t->s.p[6] == 'Z' || t->s.p[6] == 'z')))
				return true;
			continue;
		}
		if (t->kind != RK_NUM || strlen(t->v) < 2)
			continue;
		if ((i > 0 && (month_token(&k->t[i - 1]) || counting_word(k->t[i - 1].s))) ||
		    (i + 1 < k->n && (month_token(&k->t[i + 1]) || str_ieq(k->t[i + 1].s, "PERCENT"))))
			continue;
		/* a year before a station, or after a date */
		if (year_value(t->v) >= 0 &&
		    ((i + 1 < k->n && station_word(&k->t[i + 1])) || (i > 0 && k->t[i - 1].kind == RK_OTHER)))
			continue;
		return true;
	}
	return false;
}

static void add_hit(struct ref_read *out, const char *key, const struct rtok *serial, int year, struct str text,
		    bool own)
{
	struct ref_hit *h;

	if (out->nhits >= REF_HITS_MAX)
		return;
	h = &out->hit[out->nhits++];
	snprintf(h->station, sizeof(h->station), "%s", key);
	snprintf(h->serial, sizeof(h->serial), "%s", serial->v);
	h->year = year;
	h->text = text;
	h->station_own = own;
}

/* The year written after the serial at @i ("ASUNCION 701 (08)", "PANAMA
 * 00789/08", "AMMAN 07718 99,", "4471-05", "MOSCOW 03242 2008"): its
 * value, the token used; or -1. */
static int year_after(struct toks *k, size_t i)
{
	struct rtok *n = i + 1 < k->n ? &k->t[i + 1] : NULL;
	int y;

	if (!n || n->sep)
		return -1;
	if (n->kind == RK_YEAR_AFTER)
		y = year_value(n->v);
	else if (n->kind == RK_NUM && (strlen(n->v) == 2 || strlen(n->v) == 4) &&
		 (i + 2 >= k->n || k->t[i + 2].sep || !station_word(&k->t[i + 2])) &&
		 (strlen(n->v) == 4 || i + 2 >= k->n || k->t[i + 2].sep))
		y = year_value(n->v);
	else
		return -1;
	if (y >= 0)
		n->used = true;
	return y;
}

void ref_item_read(struct parser *p, struct str item, struct str label, struct ref_read *out)
{
	struct toks *k = xmalloc(sizeof(*k));
	struct rtok *t = k->t;
	char station[REF_KEY_MAX] = "";
	int year = -1;

	out->nhits = 0;
	out->loose = false;
	/* "A)STATE 70789" in item A: the label written twice, glued */
	if (label.n == 1 && item.n > 2 && to_upper((unsigned char)item.p[0]) == to_upper((unsigned char)label.p[0]) &&
	    (item.p[1] == ')' || item.p[1] == '.'))
		item = str_make(item.p + 2, item.n - 2);
	tokens(item, k);
	/* a second label inside the item: "A. (A) PARIS 7682", "A. A) ROME 2543" */
	if (k->n > 1 && t[0].kind == RK_WORD && t[0].s.n == 1 && label.n == 1 &&
	    to_upper((unsigned char)t[0].s.p[0]) == to_upper((unsigned char)label.p[0]))
		t[0].kind = RK_OTHER;
	for (size_t i = 0; i < k->n; i++) {
		size_t kk, si = i;
		int y = -1;
		char key[REF_KEY_MAX];
		bool continued = false, own = false, have = false;

		if (t[i].kind != RK_NUM || strlen(t[i].v) < 1 || strlen(t[i].v) > 7)
			continue;
		/* a year before the next station, not a serial: "05 ROME 2543" */
		if (i + 1 < k->n && station_word(&t[i + 1]) && year_value(t[i].v) >= 0)
			continue;
		/* a day or a year beside a month: a date */
		if ((i > 0 && month_token(&t[i - 1])) || (i + 1 < k->n && month_token(&t[i + 1])))
			continue;
		kk = words_back(t, i);
		if (kk < i && station_before(p, t, &kk, i, key, sizeof(key))) {
			have = true;
			if (kk > 0 && (t[kk - 1].kind == RK_YEAR || t[kk - 1].kind == RK_NUM) && !t[kk].sep) {
				y = year_value(t[kk - 1].v);
				if (y >= 0)
					t[kk - 1].used = true;
			}
		} else if (i >= 2 && !t[i].sep &&
			   (t[i - 1].kind == RK_YEAR || (t[i - 1].kind == RK_NUM && strlen(t[i - 1].v) == 2)) &&
			   year_value(t[i - 1].v) >= 0 && (kk = words_back(t, i - 1)) < i - 1 &&
			   station_before(p, t, &kk, i - 1, key, sizeof(key))) {
			/* the year between the station and the serial: "STATE (02)
			 * 118843", "ROME-09-4471" */
			have = true;
			y = year_value(t[i - 1].v);
			t[i - 1].used = true;
		} else if (station[0] && i > 0 &&
			   (t[i].sep || (t[i - 1].kind == RK_WORD && (str_ieq(t[i - 1].s, "AND") || str_ieq(t[i - 1].s, "&"))))) {
			/* "STATE 188314, 259032", "ROME 2764 AND 2765": the station before */
			memcpy(key, station, sizeof(key));
			y = year;
			continued = have = true;
		} else if (k->n == 1 && p->station[0]) {
			/* the item is a number alone: a cable of the citing station */
			snprintf(key, sizeof(key), "%s", p->station);
			continued = own = have = true;
		} else if (strlen(t[i].v) >= 3 && year_value(t[i].v) < 0 && i + 1 < k->n && station_word(&t[i + 1])) {
			/* the serial before the post: "1280 BRASILIA" */
			size_t e = i + 1;

			while (e < k->n && e < i + 4 && station_word(&t[e]) && !t[e].sep)
				e++;
			if ((e == k->n || t[e].sep) && !station_word(&t[e - 1]) == false) {
				ref_station(p, t, i + 1, e, key, sizeof(key));
				if (station_known(key)) {
					t[i].used = true;
					add_hit(out, key, &t[i], -1,
						str_make(t[i].s.p, (size_t)(t[e - 1].s.p + t[e - 1].s.n - t[i].s.p)), false);
					memcpy(station, key, sizeof(station));
					year = -1;
					i = e - 1;
				}
			}
			continue;
		}
		if (!have)
			continue;
		if (!continued && station_junk(t, kk, i))
			continue;
		{
			int ya = year_after(k, i);

			if (ya >= 0) {
				y = ya;
				i++;
			}
		}
		t[si].used = true;
		memcpy(station, key, sizeof(station));
		year = y;
		add_hit(out, key, &t[si], y,
			continued ? t[si].s : str_make(t[kk].s.p, (size_t)(t[si].s.p + t[si].s.n - t[kk].s.p)), own);
	}
	out->loose = loose_number(k);
	free(k);
}
