/* parse_refs.c -- REF lists: lettered (A. B) (C)) or numbered items, over
 * several lines, with stray pilcrows, "AND 2764" reusing the station before,
 * missing years, and references that are not cables at all. */
#include "config.h"
#include "parse_lines.h"

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
	bool sep;                /* a comma or semicolon before it */
	bool caps;               /* a word written in capitals (or Capitalised) */
	bool particle;           /* "de", "da", "do", "del" of a station's name */
};

static bool is_sep(char ch)
{
	return ch == ',' || ch == ';';
}

static void push(struct rtok *t, size_t *n, enum rkind k, struct str s, bool *sep)
{
	struct rtok *r;
	size_t m = 0;

	if (*n >= RTOK_MAX || !s.n)
		return;
	r = &t[(*n)++];
	memset(r, 0, sizeof(*r));
	r->kind = k;
	r->s = s;
	r->sep = *sep;
	*sep = false;
	for (size_t i = 0; i < s.n && m + 1 < RWORD_MAX; i++) {
		int ch = (unsigned char)s.p[i];

		if (k == RK_WORD)
			r->v[m++] = (char)(ch == '0' ? 'O' : to_upper(ch));
		else if (is_digit(ch))
			r->v[m++] = (char)ch;
		else if (ch == 'O' || ch == 'o')
			r->v[m++] = '0';
	}
	r->v[m] = '\0';
	if (k == RK_WORD) {
		bool upper_first = is_upper((unsigned char)s.p[0]) || s.p[0] == '0';

		r->caps = upper_first;
		r->particle = !upper_first && (str_eq_c(s, "de") || str_eq_c(s, "da") || str_eq_c(s, "do") ||
					       str_eq_c(s, "del") || str_eq_c(s, "des"));
	}
}

/* Splits one blank-separated chunk into tokens. */
static void chunk(struct str c, struct rtok *t, size_t *n, bool *sep)
{
	size_t digits = 0, letters = 0, zeros = 0, slashes = 0, other = 0;

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
		other += !is_digit(ch) && !is_alpha(ch) && ch != '\'' && ch != '/';
	}
	if (c.p[0] == '\'' && digits == 2 && c.n == 3) {
		push(t, n, RK_YEAR, str_make(c.p + 1, 2), sep);         /* '08 */
		return;
	}
	if (other || slashes > 1 || (digits == 6 && c.n == 7 && (c.p[6] == 'Z' || c.p[6] == 'z'))) {
		push(t, n, RK_OTHER, c, sep);                           /* CA-3400, 05/11/07, 251847Z */
		return;
	}
	if (slashes == 1) {
		const char *sl = memchr(c.p, '/', c.n);
		size_t a = (size_t)(sl - c.p);

		if (a >= 2 && digits == c.n - 1 && c.n - a - 1 == 2) {  /* 00789/08 */
			push(t, n, RK_NUM, str_make(c.p, a), sep);
			push(t, n, RK_YEAR_AFTER, str_make(sl + 1, 2), sep);
		} else {
			push(t, n, RK_OTHER, c, sep);
		}
		return;
	}
	if (!letters || (letters == 1 && (c.p[0] == 'O' || c.p[0] == 'o') && digits + 1 == c.n && digits >= 2)) {
		push(t, n, RK_NUM, c, sep);                             /* 3565, O1512 */
		return;
	}
	if (digits == zeros && letters >= 3) {
		push(t, n, RK_WORD, c, sep);                            /* 0TTAWA, COTON0U */
		return;
	}
	/* letters and digits glued: 09CAIRO0561, HK05511, 09DHAHRAN */
	for (size_t i = 0; i < c.n;) {
		size_t j = i;
		bool dig = is_digit((unsigned char)c.p[i]);

		while (j < c.n && (is_digit((unsigned char)c.p[j]) == dig || c.p[j] == '\''))
			j++;
		push(t, n, dig ? RK_NUM : RK_WORD, str_make(c.p + i, j - i), sep);
		i = j;
	}
}

static size_t tokens(struct str item, struct rtok *t)
{
	size_t n = 0, i = 0, depth = 0;
	bool sep = false;

	while (i < item.n) {
		size_t s;

		if (is_space((unsigned char)item.p[i])) {
			i++;
			continue;
		}
		if (is_sep(item.p[i])) {
			sep = true;
			i++;
			continue;
		}
		/* "(08)", "(99)": a year in parentheses */
		if (item.p[i] == '(' && i + 3 < item.n && is_digit((unsigned char)item.p[i + 1]) &&
		    is_digit((unsigned char)item.p[i + 2]) && item.p[i + 3] == ')') {
			push(t, &n, n && t[n - 1].kind == RK_NUM && !sep ? RK_YEAR_AFTER : RK_YEAR,
			     str_make(item.p + i + 1, 2), &sep);
			i += 4;
			continue;
		}
		s = i;
		while (i < item.n && !is_space((unsigned char)item.p[i]) && !is_sep(item.p[i]))
			i++;
		{
			/* "HANOI 60 (FEW CHANGES AT THE 9TH PLENUM)": what is in
			 * parentheses describes a cable, it names none */
			size_t before = n, opens = 0, closes = 0;

			for (size_t k = s; k < i; k++) {
				opens += item.p[k] == '(';
				closes += item.p[k] == ')';
			}
			chunk(str_make(item.p + s, i - s), t, &n, &sep);
			if (depth || (opens > closes))
				for (size_t k = before; k < n; k++)
					t[k].kind = RK_OTHER;
			depth = opens > closes ? depth + (opens - closes) : (depth > closes - opens ? depth - (closes - opens) : 0);
		}
		if (i < item.n && is_sep(item.p[i])) {
			sep = true;
			i++;
		}
	}
	return n;
}

static bool station_tok(const struct rtok *t)
{
	return t->kind == RK_WORD && t->caps && t->s.n >= 2 && t->s.n < RWORD_MAX && !ref_stopword(t->s);
}

static int year_value(const char *v)
{
	size_t n = strlen(v);
	int y = 0;

	if (n != 2 && n != 4)
		return -1;
	for (size_t i = 0; i < n; i++)
		y = y * 10 + (v[i] - '0');
	if (n == 2)
		return year_from_yy(y);
	return y >= 1940 && y <= 2030 ? y : -1;
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

/* The station words @t[*k..i) name no known station: the last of them
 * may ("MIX HANOI 537", "INCSR BRAZIL 2008"); then *k moves to them. */
static void known_suffix(struct parser *p, const struct rtok *t, size_t *k, size_t i, char *key, size_t size)
{
	char tmp[48];

	for (size_t a = *k + 1; a < i; a++) {
		ref_station(p, t, a, i, tmp, sizeof(tmp));
		if (station_known(tmp)) {
			snprintf(key, size, "%s", tmp);
			*k = a;
			return;
		}
	}
}

/* Words before a station that are not part of it ("INCSR BRAZIL 2008"),
 * and a number that is a year: a report, not a cable. */
static bool station_junk(const struct rtok *t, size_t k, size_t i)
{
	int v = atoi(t[i].v);

	return k > 0 && t[k - 1].kind == RK_WORD && station_tok(&t[k - 1]) && strlen(t[i].v) == 4 && v >= 1950 &&
	       v <= 2030;
}

static void ref_ids(struct parser *p, size_t first, struct str item, struct str label)
{
	struct cable *c = p->c;
	struct rtok t[RTOK_MAX];
	size_t nt, i;
	char station[48] = "", id[ID_MAX];
	int year = -1;
	bool used_first = false;

	/* "A)STATE 70789" in item A: the label written twice, glued */
	if (label.n == 1 && item.n > 2 && to_upper((unsigned char)item.p[0]) == to_upper((unsigned char)label.p[0]) &&
	    (item.p[1] == ')' || item.p[1] == '.'))
		item = str_make(item.p + 2, item.n - 2);
	nt = tokens(item, t);
	/* a second label inside the item: "A. (A) PARIS 7682", "A. A) ROME 2543" */
	if (nt > 1 && t[0].kind == RK_WORD && t[0].s.n == 1 && label.n == 1 && to_upper((unsigned char)t[0].s.p[0]) ==
	    to_upper((unsigned char)label.p[0]))
		t[0].kind = RK_OTHER;
	for (i = 0; i < nt; i++) {
		size_t k, si = i;
		int y = -1;
		char key[48];
		struct str text;
		bool continued = false;

		if (t[i].kind != RK_NUM || strlen(t[i].v) < 1 || strlen(t[i].v) > 7)
			continue;
		/* a year before the next station, not a serial: "05 ROME 2543" */
		if (i + 1 < nt && station_tok(&t[i + 1]) && year_value(t[i].v) >= 0)
			continue;
		k = i;
		while (k > 0 && i - k < 4 && (station_tok(&t[k - 1]) || (t[k - 1].particle && k >= 2 && station_tok(&t[k - 2]))) &&
		       !(k < i && t[k].sep))
			k--;
		if (k < i) {
			if (k > 0 && (t[k - 1].kind == RK_YEAR || t[k - 1].kind == RK_NUM))
				y = year_value(t[k - 1].v);
			ref_station(p, t, k, i, key, sizeof(key));
			if (!station_known(key))
				known_suffix(p, t, &k, i, key, sizeof(key));
		} else if (station[0] && i > 0 &&
			   (t[i].sep || (t[i - 1].kind == RK_WORD && str_ieq(t[i - 1].s, "AND")))) {
			/* "STATE 188314, 259032", "ROME 2764 AND 2765": the station before */
			memcpy(key, station, sizeof(key));
			y = year;
			continued = true;
		} else if (nt == 1 && (p->class_station.n || p->file_id[0])) {
			/* the item is a number alone: a cable of the citing station */
			if (p->class_station.n)
				station_key(p->class_station, key, sizeof(key));
			else
				station_key(id_station(p->file_id), key, sizeof(key));
			continued = true;
		} else {
			continue;
		}
		if (k < i && station_junk(t, k, i))
			continue;
		/* a year after the serial: "ASUNCION 701 (08)", "PANAMA 00789/08", "AMMAN 07718 99," */
		if (i + 1 < nt && (t[i + 1].kind == RK_YEAR_AFTER ||
				   (t[i + 1].kind == RK_NUM && strlen(t[i + 1].v) == 2 && !t[i + 1].sep &&
				    (i + 2 >= nt || t[i + 2].sep)))) {
			y = year_value(t[i + 1].v);
			i++;
		}
		if (y < 0) {
			if (p->year < 0)
				continue;
			y = p->year;
			if (p->noyear.n)
				buf_adds(&p->noyear, ", ");
			buf_printf(&p->noyear, "%s %s", key, t[si].v);
		}
		if (!id_from_parts(y, str_c(key), str_c(t[si].v), id))
			continue;
		memcpy(station, key, sizeof(station));
		year = y;
		text = continued ? t[si].s : str_make(t[k].s.p, (size_t)(t[si].s.p + t[si].s.n - t[k].s.p));
		if (!used_first) {
			c->refs[first].id = keep(p, str_c(id));
			used_first = true;
		} else {
			struct reference *r = cable_add_ref(c);

			r->label = label;
			r->text = text;
			r->at = text_span(p, r->text);
			r->id = keep(p, str_c(id));
		}
	}
}

static void add_ref(struct parser *p, struct str label, struct str item)
{
	struct cable *c = p->c;
	struct reference *r;

	item = str_trim(item);
	while (item.n && (item.p[item.n - 1] == ';' || item.p[item.n - 1] == ','))
		item.n--;
	item = str_trim(item);
	if (!item.n)
		return;
	r = cable_add_ref(c);
	r->label = label;
	r->at = text_span(p, item);
	r->text = join_wrapped(p, item);
	ref_ids(p, c->nrefs - 1, r->text, label);
}

/* A REF label at @i: "A.", "B)", "(C)", "¶B." (a stray pilcrow), "1.".
 * Sets where the label starts, the label character, and the item text. */
static bool ref_label_at(struct str v, size_t i, char want, size_t *lstart, size_t *letter,
			 size_t *text)
{
	size_t k = i;

	if (i > 0 && !(v.p[i - 1] == ' ' || v.p[i - 1] == ';' || v.p[i - 1] == ',' ||
		       v.p[i - 1] == '\n' || v.p[i - 1] == '\t'))
		return false;
	if (is_pilcrow_at(v, k))
		k += 2;
	if (k < v.n && (v.p[k] == '(' || v.p[k] == '[') && k + 2 < v.n && to_upper((unsigned char)v.p[k + 1]) == want &&
	    (v.p[k + 2] == ')' || v.p[k + 2] == ']')) {
		*lstart = i;
		*letter = k + 1;
		*text = k + 3;
		return true;
	}
	if (k + 1 < v.n && to_upper((unsigned char)v.p[k]) == want &&
	    (v.p[k + 1] == '.' || v.p[k + 1] == ')' || (v.p[k + 1] == ':' && is_upper((unsigned char)v.p[k]))) &&
	    (k + 2 >= v.n || v.p[k + 2] == ' ' || is_upper((unsigned char)v.p[k + 2]) ||
	     is_digit((unsigned char)v.p[k + 2]) || v.p[k + 2] == '\n')) {
		*lstart = i;
		*letter = k;
		*text = k + 2;
		return true;
	}
	return false;
}

void parse_refs(struct parser *p, struct str v)
{
	size_t lstarts[27], starts[27], letters[27], n = 0;
	size_t lstart, letter, text;
	char stray[27];
	size_t nstray = 0;

	/* lettered items (A. B. C.), or else numbered ones (1. 2. 3.), in sequence */
	for (size_t i = 0; i < v.n && n < 26; i++) {
		if (ref_label_at(v, i, (char)('A' + n), &lstart, &letter, &text)) {
			if (is_pilcrow_at(v, lstart))
				stray[nstray++] = (char)('A' + n);
			lstarts[n] = lstart;
			letters[n] = letter;
			starts[n] = text;
			n++;
			i = text - 1;
		}
	}
	if (n == 0) {
		size_t k = 0;

		for (size_t j = 0; j < v.n && k < 9; j++) {
			if (!ref_label_at(v, j, (char)('1' + k), &lstart, &letter, &text))
				continue;
			lstarts[k] = lstart;
			letters[k] = letter;
			starts[k] = text;
			k++;
			j = text - 1;
		}
		if (k >= 2)
			n = k;
	}
	if (nstray == 1)
		cable_warn(p->c, "a stray pilcrow before REF %c; removed", stray[0]);
	else if (nstray)
		cable_warn(p->c, "stray pilcrows before REF %c to %c; removed", stray[0], stray[nstray - 1]);
	if (n) {
		/* "REF: 09 STATE 96625; A. A)STATE 70789": what comes before the first label */
		if (str_trim(str_make(v.p, lstarts[0])).n)
			add_ref(p, STR_NULL, str_make(v.p, lstarts[0]));
		for (size_t k = 0; k < n; k++) {
			size_t end = k + 1 < n ? lstarts[k + 1] : v.n;

			add_ref(p, str_make(v.p + letters[k], 1), str_make(v.p + starts[k], end - starts[k]));
		}
		return;
	}
	/* no labels: items split by ';' */
	while (v.n) {
		const char *semi = memchr(v.p, ';', v.n);
		size_t len = semi ? (size_t)(semi - v.p) : v.n;

		add_ref(p, STR_NULL, str_make(v.p, len));
		v = semi ? str_make(semi + 1, v.n - len - 1) : STR_NULL;
	}
}

/* "POLITICAL MINISTER COUNSELOR TOM COUNTRYMAN, REASONS 1.4" and variants. */
