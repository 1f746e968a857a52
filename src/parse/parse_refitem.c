/* parse_refitem.c -- one REF item read in the grammar of a cable
 * reference: an optional year, a station (a known post in any of its
 * written forms, in any case, misspelt by a letter or cut short), one
 * serial or a list of them ("STATE 188314, 259032", "ROME 2764 AND 2765",
 * "LIMA 512/498"), an optional year after it; the year also between the
 * station and the serial ("STATE (02) 118843"); the serial before the post;
 * a telegram of the citing post ("EMBTEL 123").  What holds numbers and
 * names no cable (a report, an e-mail of a date) is said to be so.  The
 * tokens are parse_reftok.c's. */
#include "config.h"
#include "parse/parse_refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "doc/ids.h"
#include "doc/stations.h"

/* A word that may be (a part of) a station's name: capitalised, or in
 * lower case when the words make a known station ("05 state 201650"). */
static bool station_word(const struct rtok *t)
{
	return t->kind == RK_WORD && t->s.n >= 2 && t->s.n < RWORD_MAX && !ref_stopword(t->s) &&
	       (is_alpha((unsigned char)t->s.p[0]) || t->s.p[0] == '0');
}

static int year_value(const char *v)
{
	return ref_year_of(str_c(v));
}

/* The year written before a post: two or four digits, or two behind a
 * stray zero ("094 QUITO 841" is 1994, as written; a serial before a post
 * has no leading zero). */
static int year_before_value(const char *v)
{
	if (strlen(v) == 3 && v[0] == '0')
		return year_value(v + 1);
	return year_value(v);
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
	if (station_known(key))
		return;
	/* "BISHTEK" a letter from BISHKEK; "RIO DE JAN" cut short */
	if ((near = station_near(key)) != NULL || (near = station_prefix(key)) != NULL) {
		cable_warn(p->c, "REF names the station \"%s\"; read as %s", words, near);
		str_cpy(key, size, str_c(near));
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
			str_cpy(key, size, str_c(tmp));
			*k = a;
			return true;
		}
	}
	return all_caps(t, *k, i);
}

/* "EMBTEL", "CONTEL", "MYTEL", "OURTEL": the citing post's own telegram. */
static bool own_telegram(const struct rtok *t)
{
	return t->kind == RK_WORD && (str_ieq(t->s, "EMBTEL") || str_ieq(t->s, "CONTEL") || str_ieq(t->s, "MYTEL") ||
				      str_ieq(t->s, "OURTEL") || str_ieq(t->s, "USMISSIONTEL"));
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
	return t->kind == RK_WORD && t->month;
}

/* Does the item hold a number that names something no hit took? */
static bool loose_number(const struct toks *k)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct rtok *t = &k->t[i];

		if (t->used)
			continue;
		if (t->kind == RK_OTHER) {
			if (ref_digit_count(t->s) >= 3 && !ref_date_like(t->s) &&
			    !(t->s.n == 7 && ref_digit_count(t->s) == 6 && (t->s.p[6] == 'Z' || t->s.p[6] == 'z')))
				return true;
			continue;
		}
		if (t->kind != RK_NUM || strlen(t->v) < 2)
			continue;
		if ((i > 0 && (month_token(&k->t[i - 1]) || ref_counting_word(k->t[i - 1].s))) ||
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
	/* copies, not snprintf: this runs for every REF of the dump */
	memcpy(h->station, key, MIN(strlen(key) + 1, sizeof(h->station)));
	h->station[sizeof(h->station) - 1] = '\0';
	memcpy(h->serial, serial->v, MIN(strlen(serial->v) + 1, sizeof(h->serial)));
	h->serial[sizeof(h->serial) - 1] = '\0';
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
	struct toks toks, *k = &toks;
	struct rtok *t = k->t;
	char station[REF_KEY_MAX] = "";
	int year = -1;

	out->nhits = 0;
	out->loose = false;
	/* "A)STATE 70789" in item A: the label written twice, glued */
	if (label.n == 1 && item.n > 2 && to_upper((unsigned char)item.p[0]) == to_upper((unsigned char)label.p[0]) &&
	    (item.p[1] == ')' || item.p[1] == '.'))
		item = str_make(item.p + 2, item.n - 2);
	ref_tokens(item, k);
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
		if (i + 1 < k->n && station_word(&t[i + 1]) && year_before_value(t[i].v) >= 0)
			continue;
		/* a day or a year beside a month: a date */
		if ((i > 0 && month_token(&t[i - 1])) || (i + 1 < k->n && month_token(&t[i + 1])))
			continue;
		kk = words_back(t, i);
		if (kk + 1 == i && own_telegram(&t[kk]) && p->station[0]) {
			/* "EMBTEL 1234", "CONTEL 56": a telegram of the citing post */
			str_cpy(key, sizeof(key), str_c(p->station));
			own = have = true;
		} else if (kk < i && station_before(p, t, &kk, i, key, sizeof(key))) {
			have = true;
			if (kk > 0 && (t[kk - 1].kind == RK_YEAR || t[kk - 1].kind == RK_NUM) && !t[kk].sep) {
				y = year_before_value(t[kk - 1].v);
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
			str_cpy(key, sizeof(key), str_c(p->station));
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
}
