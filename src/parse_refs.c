/* parse_refs.c -- REF lists: lettered (A. B) (C)) or numbered items, over
 * several lines, with stray pilcrows, "AND 2764" reusing the station before,
 * missing years, and references that are not cables at all. */
#include "config.h"
#include "parse_internal.h"

#include <string.h>

#include "dates.h"
#include "ids.h"

static bool ref_stopword(struct str w)
{
#define W(s) { s, sizeof(s) - 1 }
	static const struct {
		const char *w;
		size_t n;
	} stop[] = { W("AND"), W("OF"), W("THE"), W("NOTAL"), W("EMAIL"), W("E-MAIL"), W("TELCON"),
		     W("MEMCON"), W("DATED"), W("ON"), W("IN"), W("FROM"), W("TO"), W("PARA"), W("PARAS"),
		     W("PARAGRAPH"), W("REFTEL"), W("REF"), W("SEPTEL"), W("CIRCULAR"), W("SECTION"),
		     W("NO"), W("FAX"), W("LETTER"), W("MEETING"), W("CABLE"), W("TEL"), W("RPT"), W("DTD"),
		     W("PAGE"), W("PAGES"), W("IIR"), W("TD"), W("FBIS"), W("NIACT"), W("IMMEDIATE"),
		     W("EMBASSY"), W("AMEMBASSY"), W("CONSULATE"), W("AMCONSUL"), W("USMISSION"),
		     W("MISSION"), W("USINT"), W("POUCH"), W("SEPTELS"), W("REFTELS") };
#undef W

	if (w.n == 3 && month_from_name(w))
		return true;
	if (w.n >= 4 && w.n <= 9 && month_from_name(w))
		return true;
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (stop[i].n == w.n && str_ieq(w, stop[i].w))
			return true;
	return false;
}

static bool all_digits(struct str w)
{
	if (!w.n)
		return false;
	for (size_t i = 0; i < w.n; i++)
		if (!is_digit((unsigned char)w.p[i]))
			return false;
	return true;
}

static bool station_word(struct str w)
{
	if (w.n < 2 || w.n > 20)
		return false;
	for (size_t i = 0; i < w.n; i++)
		if (!is_upper((unsigned char)w.p[i]))
			return false;
	return !ref_stopword(w);
}

static struct str trim_punct(struct str w)
{
	while (w.n && (w.p[w.n - 1] == '.' || w.p[w.n - 1] == ',' || w.p[w.n - 1] == ';' ||
		       w.p[w.n - 1] == ')' || w.p[w.n - 1] == ':'))
		w.n--;
	return w;
}

static void ref_ids(struct parser *p, size_t first, struct str item, struct str label)
{
	struct cable *c = p->c;
	struct str tok[96];
	size_t nt = 0, i = 0;
	struct str station = STR_NULL;
	int year = -1;
	bool used_first = false;

	while (i < item.n && nt < 96) {
		while (i < item.n && (item.p[i] == ' ' || item.p[i] == '\n' || item.p[i] == '\t'))
			i++;
		size_t s = i;

		while (i < item.n && !(item.p[i] == ' ' || item.p[i] == '\n' || item.p[i] == '\t'))
			i++;
		if (i > s)
			tok[nt++] = str_make(item.p + s, i - s);
	}
	for (i = 0; i < nt; i++) {
		struct str num = trim_punct(tok[i]);
		size_t k = i;
		int y = -1;
		struct str st = STR_NULL;
		bool continued = false;
		char id[ID_MAX];

		if (!all_digits(num) || num.n > 7 || tok[i].p[0] == '(')
			continue;
		/* station words right before the number */
		while (k > 0 && i - k < 4 && station_word(tok[k - 1]))
			k--;
		if (k < i) {
			st = str_make(tok[k].p, (size_t)(tok[i - 1].p + tok[i - 1].n - tok[k].p));
			if (k > 0 && all_digits(tok[k - 1]) && (tok[k - 1].n == 2 || tok[k - 1].n == 4)) {
				struct str yw = tok[k - 1];

				y = yw.n == 2 ? year_from_yy((yw.p[0] - '0') * 10 + (yw.p[1] - '0'))
					      : (yw.p[0] - '0') * 1000 + (yw.p[1] - '0') * 100 +
						(yw.p[2] - '0') * 10 + (yw.p[3] - '0');
			}
		} else if (station.n && i > 0 && num.n >= 2 &&
			   (str_ieq(tok[i - 1], "AND") || tok[i - 1].p[tok[i - 1].n - 1] == ',')) {
			st = station;       /* "AND 2764" reuses the station before */
			y = year;
			continued = true;
		} else {
			continue;
		}
		if (y < 0) {
			if (p->year < 0)
				continue;
			y = p->year;
			if (p->noyear.n)
				buf_adds(&p->noyear, ", ");
			buf_printf(&p->noyear, "%.*s", (int)MIN((size_t)40, (size_t)(num.p + num.n - st.p)), st.p);
		}
		if (!id_from_parts(y, st, num, id))
			continue;
		station = st;
		year = y;
		if (!used_first) {
			c->refs[first].id = keep(p, str_c(id));
			used_first = true;
		} else {
			struct reference *r = cable_add_ref(c);

			r->label = label;
			r->text = continued ? num : str_make(st.p, (size_t)(num.p + num.n - st.p));
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
	if (k < v.n && v.p[k] == '(' && k + 2 < v.n && to_upper((unsigned char)v.p[k + 1]) == want &&
	    v.p[k + 2] == ')') {
		*lstart = i;
		*letter = k + 1;
		*text = k + 3;
		return true;
	}
	if (k + 1 < v.n && to_upper((unsigned char)v.p[k]) == want && (v.p[k + 1] == '.' || v.p[k + 1] == ')') &&
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
