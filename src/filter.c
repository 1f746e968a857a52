/* filter.c -- the corpus filter language */
#include "config.h"
#include "filter.h"
#include "near.h"
#include "pattern.h"
#include "textrows.h"

#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ids.h"
#include "util.h"

static const struct {
	const char *name;
	enum cf_field field;
} fields[] = {
	{ "level", CF_LEVEL }, { "caveat", CF_CAVEAT }, { "origin", CF_ORIGIN }, { "tag", CF_TAG },
	{ "date", CF_DATE }, { "id", CF_ID }, { "subject", CF_SUBJECT }, { "text", CF_TEXT },
	{ "cites", CF_CITES }, { "cited-by", CF_CITED_BY }, { "near", CF_NEAR }, { "sort", CF_SORT },
};

#define FIELD_NAMES "level caveat origin tag date id subject text cites cited-by near sort"

static const unsigned caveat_bits[] = { CAVEAT_NOFORN, CAVEAT_FOUO, CAVEAT_ORCON, CAVEAT_PROPIN,
					CAVEAT_NODIS, CAVEAT_EXDIS, CAVEAT_LIMDIS, CAVEAT_REL };

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days from 1900-01-01 to y-m-d (a closed formula: this runs for every cable). */
static uint32_t days(int y, int m, int d)
{
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int py = y - 1;
	uint32_t n = (uint32_t)((y - 1900) * 365 + (py / 4 - 1899 / 4) - (py / 100 - 1899 / 100) +
				(py / 400 - 1899 / 400));

	n += (uint32_t)before[m - 1] + (m > 2 && leap(y) ? 1 : 0);
	return n + (uint32_t)(d - 1);
}

static int digits_at(const char *s, int k)
{
	int v = 0;

	for (int i = 0; i < k; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

uint32_t date_minutes(const char *iso)
{
	int y, m, d, hh = 0, mi = 0;

	/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM..." as the parser writes them */
	if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	y = digits_at(iso, 4);
	m = digits_at(iso + 5, 2);
	d = digits_at(iso + 8, 2);
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	if (iso[10] == 'T' && strlen(iso) >= 16) {
		hh = digits_at(iso + 11, 2);
		mi = digits_at(iso + 14, 2);
		if (hh < 0 || mi < 0)
			hh = mi = 0;
	}
	return days(y, m, d) * 1440u + (uint32_t)(hh * 60 + mi) + 1;
}

void minutes_date(uint32_t minutes, char out[11])
{
	uint32_t d;
	int y = 1900, m = 1;

	if (!minutes) {
		out[0] = '\0';
		return;
	}
	d = (minutes - 1) / 1440;
	while (d >= (uint32_t)(leap(y) ? 366 : 365)) {
		d -= leap(y) ? 366 : 365;
		y++;
	}
	while (d >= (uint32_t)month_days(y, m)) {
		d -= (uint32_t)month_days(y, m);
		m++;
	}
	d++;
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + (int)d / 10);
	out[9] = (char)('0' + (int)d % 10);
	out[10] = '\0';
}

/* "2005", "2005-06", "2005-06-30": the first and last minute of that span. */
static bool date_range(const char *v, uint32_t *lo, uint32_t *hi)
{
	int y, m = 0, d = 0, n;
	char extra;

	n = sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &extra);
	if (n < 1 || n > 3 || y < 1900 || y > 2199 || (n >= 2 && (m < 1 || m > 12)))
		return false;
	if (n == 3 && (d < 1 || d > month_days(y, m)))
		return false;
	/* the text must be exactly the date */
	if (strlen(v) != (size_t)(n == 1 ? 4 : n == 2 ? 7 : 10) && !(n == 2 && strlen(v) == 6) &&
	    !(n == 3 && strlen(v) >= 8 && strlen(v) <= 10))
		return false;
	if (n == 1) {
		*lo = days(y, 1, 1) * 1440u + 1;
		*hi = days(y, 12, 31) * 1440u + 1440;
	} else if (n == 2) {
		*lo = days(y, m, 1) * 1440u + 1;
		*hi = days(y, m, month_days(y, m)) * 1440u + 1440;
	} else {
		*lo = days(y, m, d) * 1440u + 1;
		*hi = days(y, m, d) * 1440u + 1440;
	}
	return true;
}

static bool ops_for(enum cf_field f, enum cf_op op)
{
	if (op == CF_RE)
		return f == CF_SUBJECT || f == CF_TEXT || f == CF_ORIGIN || f == CF_ID;
	if (f == CF_NEAR || f == CF_SORT)
		return op == CF_EQ;
	if (op == CF_EQ || op == CF_NE)
		return true;
	return f == CF_LEVEL || f == CF_DATE;
}

static const char *op_name(enum cf_op op)
{
	static const char *const names[] = { "=", "!=", "<", "<=", ">", ">=", "~" };

	return names[op];
}

void cfilter_free(struct cfilter *f)
{
	for (size_t i = 0; i < f->n; i++) {
		for (size_t k = 0; k < f->terms[i].nalt; k++)
			free(f->terms[i].alt[k].value);
		search_free(f->terms[i].re);
		search_free(f->terms[i].pre);
		for (size_t k = 0; k < f->terms[i].nnear; k++)
			search_free(f->terms[i].near[k]);
		free(f->terms[i].near);
		free(f->terms[i].pattern);
	}
	free(f->terms);
	free(f->text);
	memset(f, 0, sizeof(*f));
}

/* The edits from @a to @b (Levenshtein), for "did you mean". */
static size_t edits(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), row[32];

	if (na >= 31 || nb >= 31)
		return 99;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[nb];
}

/* Reads the value at *@p (quoted, or up to a blank) into @value. */
static bool read_value(const char **p, char *value, size_t size, bool *quoted, char *err, size_t errsize,
		       const char *name)
{
	const char *s = *p;
	size_t nv = 0;

	/* up to a blank outside quotes; a quote opens a quoted part at the
	 * start and after a | (velez|"u.s. side", "a"|"b"), and is an
	 * apostrophe inside a word (Berlusconi's) */
	*quoted = false;
	while (*s && *s != ' ' && *s != '\t') {
		char q = 0;

		if ((*s == '"' || *s == '\'') && (nv == 0 || value[nv - 1] == '|')) {
			q = *s++;
			*quoted = true;
		}
		while (*s && (q ? *s != q : (*s != ' ' && *s != '\t' && !((*s == '"' || *s == '\'') && nv &&
									   value[nv - 1] == '|')))) {
			if (nv + 1 >= size) {
				snprintf(err, errsize, "the value of '%s' is too long (at most %zu bytes)", name, size - 1);
				return false;
			}
			value[nv++] = *s++;
		}
		if (q && *s != q) {
			snprintf(err, errsize, "a quote is not closed in the value of '%s'", name);
			return false;
		}
		if (q)
			s++;
	}
	value[nv] = '\0';
	*p = s;
	return true;
}

/* One alternative of a field's value, checked and made ready. */
static bool read_alt(struct cf_term *t, const char *name, char *v, char *err, size_t errsize)
{
	struct cf_alt *a = &t->alt[t->nalt];

	if (!*v) {
		snprintf(err, errsize, "'%s%s' wants a value", name, op_name(t->op));
		return false;
	}
	if (t->field == CF_LEVEL) {
		a->level = level_from_name(str_c(v));
		if (a->level == LEVEL_NONE) {
			snprintf(err, errsize, "unknown level '%s' (levels: U SBU C S TS)", v);
			return false;
		}
	} else if (t->field == CF_CAVEAT) {
		for (size_t i = 0; i < sizeof(caveat_bits) / sizeof(caveat_bits[0]); i++)
			if (str_ieq(str_c(v), caveat_name(caveat_bits[i])) ||
			    (caveat_bits[i] == CAVEAT_NOFORN && str_ieq(str_c(v), "NF")) ||
			    (caveat_bits[i] == CAVEAT_REL && str_ieq(str_c(v), "REL")))
				a->caveat = caveat_bits[i];
		if (!a->caveat) {
			snprintf(err, errsize,
				 "unknown caveat '%s' (caveats: NOFORN FOUO ORCON PROPIN NODIS EXDIS LIMDIS REL)", v);
			return false;
		}
	} else if (t->field == CF_DATE) {
		if (!date_range(v, &a->date_lo, &a->date_hi)) {
			snprintf(err, errsize, "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", v);
			return false;
		}
	}
	if (t->field == CF_CITES || t->field == CF_CITED_BY) {
		char id[ID_MAX], up[ID_MAX];
		size_t k = 0;
		bool odd;

		for (; v[k] && k + 1 < sizeof(up); k++)
			up[k] = (char)to_upper((unsigned char)v[k]);
		up[k] = '\0';
		id_canonical(str_c(up), id, &odd);
		a->value = xstrdup(id);
	} else {
		for (char *c = v; *c; c++)
			*c = (char)to_upper((unsigned char)*c);
		a->value = xstrdup(v);
	}
	t->nalt++;
	return true;
}

/* The value of subject= and text=: words and phrases, | between them. */
static bool words_term(struct cf_term *t, const char *name, const char *v, char *err, size_t errsize)
{
	char rerr[200];

	if (!*v) {
		snprintf(err, errsize, "'%s%s' wants a value", name, op_name(t->op));
		return false;
	}
	t->re = t->op == CF_RE ? search_new(v, rerr, sizeof(rerr)) : search_new_words(v, rerr, sizeof(rerr));
	t->pattern = xstrdup(v);
	t->words = t->op != CF_RE;
	if (t->words && t->re && t->field == CF_TEXT) {
		struct buf longest = { 0 };

		if (pattern_longest_words(v, &longest))
			t->pre = search_new_words_ascii(longest.p, rerr, sizeof(rerr));
		buf_free(&longest);
	}
	if (!t->re) {
		snprintf(err, errsize, "bad pattern in '%s%s': %s", name, op_name(t->op), rerr);
		return false;
	}
	return true;
}

/* sort=KEY */
static bool sort_value(struct cfilter *f, const char *v, char *err, size_t errsize)
{
	static const struct {
		const char *name;
		enum sort_key key;
	} keys[] = { { "file", SORT_INPUT }, { "input", SORT_INPUT }, { "date", SORT_DATE }, { "id", SORT_ID },
		     { "origin", SORT_ORIGIN }, { "level", SORT_LEVEL }, { "classification", SORT_LEVEL },
		     { "relevance", SORT_RELEVANCE } };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcasecmp(v, keys[i].name) == 0) {
			f->sort = (int)keys[i].key;
			return true;
		}
	snprintf(err, errsize, "unknown order 'sort=%.20s' (sort=file date id origin level relevance)", v);
	return false;
}

/* near="WORD WORD ...[/N]": two words or more, each a word (a prefix*). */
static bool near_term(struct cf_term *t, char *v, char *err, size_t errsize)
{
	char *slash = strrchr(v, '/'), *save = NULL, rerr[200];

	t->near_dist = NEAR_DEFAULT;
	if (slash) {
		char *end;
		long d = strtol(slash + 1, &end, 10);

		if (end == slash + 1 || *end || d < 0 || d > 1000) {
			snprintf(err, errsize, "near= takes /N, a number of words from 0 to 1000, not '%.20s'", slash);
			return false;
		}
		t->near_dist = (int)d;
		*slash = '\0';
	}
	t->pattern = xstrdup(v);
	t->words = true;
	t->near = xcalloc(NEAR_WORDS, sizeof(*t->near));
	for (char *w = strtok_r(v, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		size_t n = strlen(w);

		for (size_t i = 0; i < n; i++)
			if (!((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z') && !(w[i] >= '0' && w[i] <= '9') &&
			    (unsigned char)w[i] < 0x80 && !(w[i] == '*' && i + 1 == n && i > 0)) {
				snprintf(err, errsize, "near= takes words (letters and digits, a * at the end), not '%.40s'", w);
				return false;
			}
		if (t->nnear == NEAR_WORDS) {
			snprintf(err, errsize, "near= takes %d words at most", NEAR_WORDS);
			return false;
		}
		t->near[t->nnear] = search_new_words(w, rerr, sizeof(rerr));
		if (!t->near[t->nnear]) {
			snprintf(err, errsize, "bad word in 'near=': %s", rerr);
			return false;
		}
		t->nnear++;
	}
	if (t->nnear < 2) {
		snprintf(err, errsize, "near= wants two words or more, as near=\"iran nuclear\"");
		return false;
	}
	{
		/* the bytes of a record must hold its longest word (the scan) */
		char *w = t->pattern, *best = w;
		size_t bn = 0;

		for (char *e; *w; w = *e ? e + 1 : e) {
			e = w + strcspn(w, " \t");
			if ((size_t)(e - w) > bn) {
				bn = (size_t)(e - w);
				best = w;
			}
		}
		best = xstrndup(best, bn);
		t->pre = search_new_words_ascii(best, rerr, sizeof(rerr));
		free(best);
	}
	return true;
}

#define ERR(...) do { snprintf(err, errsize, __VA_ARGS__); goto fail; } while (0)

bool cfilter_parse(struct cfilter *f, const char *s, char *err, size_t errsize)
{
	const char *p = s;
	size_t cap = 0;

	memset(f, 0, sizeof(*f));
	f->sort = -1;
	f->text = xstrdup(s);
	for (;;) {
		char name[16], value[512];
		size_t nn = 0;
		struct cf_term t;
		const char *start;
		bool known = false, quoted;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		memset(&t, 0, sizeof(t));
		if ((*p == '!' || *p == '-') && p[1] && p[1] != ' ' && p[1] != '=') {
			t.negate = true;
			p++;
		}
		start = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (nn && *p == '-')) {
			if (nn + 1 < sizeof(name))
				name[nn++] = (char)(*p | 0x20);
			p++;
		}
		name[nn] = '\0';
		/* a bare word or a quoted phrase: the text */
		if (!nn || !*p || !strchr("=!<>~", *p)) {
			bool word = false;

			p = start;
			t.field = CF_TEXT;
			t.op = CF_EQ;
			if (!read_value(&p, value, sizeof(value), &quoted, err, errsize, "text"))
				goto fail;
			for (const char *c = value; *c && !quoted; c++)
				word |= (*c >= '0' && *c <= '9') || ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') ||
					(unsigned char)*c >= 0x80;
			if (!quoted && (!word || strchr("=!<>~", value[0])))
				ERR("'%.20s' is neither a word, a \"phrase\" nor a term such as level>=C (fields: "
				    FIELD_NAMES ")", value);
			if (!words_term(&t, "text", value, err, errsize))
				goto fail;
			goto add;
		}
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (strcmp(name, fields[i].name) == 0) {
				t.field = fields[i].field;
				known = true;
			}
		if (!known) {
			const char *near = NULL;
			size_t best = 3;

			for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
				if (edits(name, fields[i].name) < best) {
					best = edits(name, fields[i].name);
					near = fields[i].name;
				}
			if (near)
				ERR("unknown field '%s': did you mean '%s'? (fields: " FIELD_NAMES ")", name, near);
			ERR("unknown field '%s' (fields: " FIELD_NAMES ")", name);
		}
		if (p[0] == '>' && p[1] == '=') { t.op = CF_GE; p += 2; }
		else if (p[0] == '<' && p[1] == '=') { t.op = CF_LE; p += 2; }
		else if (p[0] == '!' && p[1] == '=') { t.op = CF_NE; p += 2; }
		else if (p[0] == '=') { t.op = CF_EQ; p++; }
		else if (p[0] == '<') { t.op = CF_LT; p++; }
		else if (p[0] == '>') { t.op = CF_GT; p++; }
		else if (p[0] == '~') { t.op = CF_RE; p++; }
		else
			ERR("'%s' wants an operator (= != < <= > >= ~), not '%.10s'", name, p);
		if (!ops_for(t.field, t.op))
			ERR("'%s' cannot be compared with '%s'", name, op_name(t.op));
		if (!read_value(&p, value, sizeof(value), &quoted, err, errsize, name))
			goto fail;
		if (t.field == CF_SORT) {
			if (!sort_value(f, value, err, errsize))
				goto fail;
			continue;       /* the order, not a condition */
		}
		if (t.field == CF_NEAR) {
			if (!near_term(&t, value, err, errsize))
				goto fail;
		} else if (t.op == CF_RE || t.field == CF_SUBJECT || t.field == CF_TEXT) {
			if (!words_term(&t, name, value, err, errsize))
				goto fail;
		} else {
			/* alternatives: tag=PREL|PGOV */
			char *v = value;

			for (;;) {
				char *bar = strchr(v, '|');

				if (bar && t.op != CF_EQ && t.op != CF_NE)
					ERR("'|' goes with = and != only, not with '%s%s'", name, op_name(t.op));
				if (bar)
					*bar = '\0';
				if (t.nalt == CF_ALTS)
					ERR("'%s' takes %d alternatives at most", name, CF_ALTS);
				if (!read_alt(&t, name, v, err, errsize))
					goto fail;
				if (!bar)
					break;
				v = bar + 1;
			}
		}
add:
		grow_array((void **)&f->terms, &cap, f->n + 1, sizeof(*f->terms));
		f->terms[f->n++] = t;
		continue;
fail:
		for (size_t k = 0; k < t.nalt; k++)
			free(t.alt[k].value);
		search_free(t.re);
		search_free(t.pre);
		for (size_t k = 0; k < t.nnear; k++)
			search_free(t.near[k]);
		free(t.near);
		free(t.pattern);
		cfilter_free(f);
		return false;
	}
	return true;
}

bool cfilter_needs_text(const struct cfilter *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (cf_reads_text(&f->terms[i]))
			return true;
	return false;
}

static bool cmp(enum cf_op op, long a, long b)
{
	switch (op) {
	case CF_EQ: return a == b;
	case CF_NE: return a != b;
	case CF_LT: return a < b;
	case CF_LE: return a <= b;
	case CF_GT: return a > b;
	case CF_GE: return a >= b;
	case CF_RE: break;
	}
	return false;
}

size_t cfilter_gave_up(const struct cfilter *f)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += search_gave_up(f->terms[i].re);
	return n;
}

static void found(size_t start, size_t len, void *ud)
{
	(void)start;
	(void)len;
	*(bool *)ud = true;
}

static bool re_match(const struct search *re, struct str s)
{
	bool any = false;

	search_all(re, s, 1, found, &any);
	return any;
}

/* Case-insensitive substring. */
static bool contains(struct str hay, const char *needle)
{
	return str_ifind(hay, needle) >= 0;
}

/* Does alternative @a of term @t hold? */
static bool alt_match(const struct cf_term *t, const struct cf_alt *a, const struct cf_subject *s)
{
	switch (t->field) {
	case CF_LEVEL:
		return s->level && cmp(t->op == CF_NE ? CF_EQ : t->op, s->level, a->level);
	case CF_CAVEAT:
		return (s->caveats & a->caveat) != 0;
	case CF_ORIGIN:
		return str_ieq(s->origin, a->value) || contains(s->origin_name, a->value);
	case CF_TAG:
		for (size_t i = 0; i < s->ntags; i++)
			if (str_ieq(s->tags[i], a->value))
				return true;
		return false;
	case CF_DATE:
		if (!s->date)
			return false;
		switch (t->op) {
		case CF_EQ:
		case CF_NE: return s->date >= a->date_lo && s->date <= a->date_hi;
		case CF_LT: return s->date < a->date_lo;
		case CF_LE: return s->date <= a->date_hi;
		case CF_GT: return s->date > a->date_hi;
		case CF_GE: return s->date >= a->date_lo;
		case CF_RE: return false;
		}
		return false;
	case CF_ID:
		return str_ieq(s->id, a->value);
	case CF_CITES:
		for (size_t i = 0; i < s->nrefs; i++)
			if (str_ieq(s->refs[i], a->value))
				return true;
		return false;
	case CF_CITED_BY:
		return s->cites && s->cites(s->cites_ud, str_c(a->value), s->id);
	case CF_SUBJECT:
	case CF_TEXT:
	case CF_NEAR:
	case CF_SORT:
		return false;
	}
	return false;
}

struct rows_match {
	const struct search *re;
	bool any;
	size_t gave_up;         /* the searches the limits stopped, before */
};

static bool row_match(unsigned row, struct str text, void *ud)
{
	struct rows_match *m = ud;

	(void)row;
	m->any = re_match(m->re, text);
	/* a pattern too costly for a row is given up for the cable: it
	 * counts once, the cable does not match */
	return !m->any && search_gave_up(m->re) == m->gave_up;
}

struct rows_near {
	const struct cf_term *t;
	bool any;
};

static bool row_near(unsigned row, struct str text, void *ud)
{
	struct rows_near *m = ud;

	(void)row;
	m->any = near_match(m->t->near, m->t->nnear, m->t->near_dist, text);
	return !m->any;
}

/* Do the words of @t (a text term, or near=) match in the rows of @s's
 * cable?  (In the text given when there is no cable to read.) */
static bool words_match(const struct cf_term *t, const struct cf_subject *s)
{
	struct rows_match m = { t->re, false, t->re ? search_gave_up(t->re) : 0 };
	struct rows_near nm = { t, false };
	struct buf scratch = { 0 };
	const struct cable *c = s->cable;
	bool near = t->field == CF_NEAR;

	/* bytes without the longest word of every phrase: no need to parse */
	if (s->text_plain && t->pre && !re_match(t->pre, s->text))
		return false;
	if (!c && s->parse)
		c = s->parse(s->parse_ud);
	if (!c) {
		if (s->parse)
			return false;
		return near ? near_match(t->near, t->nnear, t->near_dist, s->text) : re_match(t->re, s->text);
	}
	if (near)
		text_rows(c, &scratch, row_near, &nm);
	else
		text_rows(c, &scratch, row_match, &m);
	buf_free(&scratch);
	return near ? nm.any : m.any;
}

/* Does term @t (number @ti of its filter) hold for @s? */
static bool term_match(const struct cf_term *t, const struct cf_subject *s, size_t ti)
{
	bool r = false;
	int known;

	if (cf_reads_text(t) && s->known && (known = s->known(s->known_ud, ti)) >= 0) {
		r = known == 1;
	} else if (t->field == CF_NEAR) {
		r = words_match(t, s);
	} else if (t->re) {
		if (t->field == CF_ORIGIN)
			r = re_match(t->re, s->origin) || re_match(t->re, s->origin_name);
		else if (t->field == CF_ID)
			r = re_match(t->re, s->id);
		else
			r = t->field == CF_SUBJECT ? re_match(t->re, s->subject)
			    : t->words ? words_match(t, s) : re_match(t->re, s->text);
	} else {
		for (size_t k = 0; k < t->nalt && !r; k++)
			r = alt_match(t, &t->alt[k], s);
	}
	if (t->op == CF_NE)
		r = !r;
	return t->negate ? !r : r;
}

bool cfilter_match(const struct cfilter *f, const struct cf_subject *s)
{
	/* the terms on the text last: the others are cheap, and may spare
	 * reading it */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < f->n; i++)
			if (cf_reads_text(&f->terms[i]) == (pass == 1) && !term_match(&f->terms[i], s, i))
				return false;
	return true;
}

bool cfilter_match_cable(const struct cfilter *f, const struct cable *c)
{
	struct cf_subject s;
	struct str few[64], *tags = c->ntags <= 64 ? few : xmalloc(c->ntags * sizeof(*tags));
	struct str fewrefs[64], *refs = c->nrefs <= 64 ? fewrefs : xmalloc(c->nrefs * sizeof(*refs));
	bool ok;

	memset(&s, 0, sizeof(s));
	s.level = c->marking.level;
	s.caveats = c->marking.caveats;
	s.origin = c->origin.text;
	s.origin_name = c->origin_name.text;
	s.id = str_c(c->id);
	s.subject = c->subject.text;
	s.text = c->text;
	s.cable = c;
	s.date = date_minutes(c->date);
	for (size_t i = 0; i < c->ntags; i++)
		tags[i] = c->tags[i].text;
	s.tags = tags;
	s.ntags = c->ntags;
	for (size_t i = 0; i < c->nrefs; i++)
		refs[i] = c->refs[i].id;
	s.refs = refs;
	s.nrefs = c->nrefs;
	ok = cfilter_match(f, &s);
	if (tags != few)
		free(tags);
	if (refs != fewrefs)
		free(refs);
	return ok;
}
