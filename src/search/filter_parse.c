/* filter_parse.c -- the corpus filter language read: terms, fields,
 * operators, values and their alternatives, words and expressions,
 * near= and sort=; an unknown field names the nearest one. */
#include "config.h"
#include "search/filter.h"
#include "base/minutes.h"
#include "search/near.h"
#include "search/pattern.h"

#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "doc/ids.h"
#include "doc/marking.h"
#include "base/util.h"

static const struct {
	const char *name;
	enum cf_field field;
} fields[] = {
	{ "level", CF_LEVEL }, { "caveat", CF_CAVEAT }, { "origin", CF_ORIGIN }, { "tag", CF_TAG },
	{ "date", CF_DATE }, { "id", CF_ID }, { "subject", CF_SUBJECT }, { "text", CF_TEXT },
	{ "cites", CF_CITES }, { "cited-by", CF_CITED_BY }, { "near", CF_NEAR }, { "sort", CF_SORT },
	{ "collection", CF_COLLECTION }, { "note", CF_NOTE }, { "para", CF_PARA }, { "signer", CF_SIGNER },
	{ "classified-by", CF_CLASSIFIED_BY }, { "from", CF_FROM }, { "to", CF_TO }, { "info", CF_INFO },
	{ "addressee", CF_ADDRESSEE }, { "person", CF_PERSON }, { "serial", CF_SERIAL }, { "thread", CF_THREAD },
	{ "versions", CF_VERSIONS },
};

#define FIELD_NAMES "level caveat origin tag date id subject text cites cited-by near para signer classified-by " \
	"from to info addressee person serial thread versions sort collection note"

/* The terms that are a word alone: what the reader did with a cable. */
static const struct {
	const char *name;
	enum cf_field field;
} flags[] = { { "marked", CF_MARKED }, { "noted", CF_NOTED }, { "opened", CF_OPENED }, { "redacted", CF_REDACTED } };

static const unsigned caveat_bits[] = { CAVEAT_NOFORN, CAVEAT_FOUO, CAVEAT_ORCON, CAVEAT_PROPIN,
					CAVEAT_NODIS, CAVEAT_EXDIS, CAVEAT_LIMDIS, CAVEAT_REL };

static bool ops_for(enum cf_field f, enum cf_op op)
{
	if (op == CF_RE)
		return f == CF_SUBJECT || f == CF_TEXT || f == CF_ORIGIN || f == CF_ID || f == CF_NOTE ||
		       cf_people_field(f);
	if (f == CF_NEAR || f == CF_SORT)
		return op == CF_EQ;
	if (f == CF_COLLECTION || f == CF_NOTE || cf_people_field(f))
		return op == CF_EQ || op == CF_NE;
	if (op == CF_EQ || op == CF_NE)
		return true;
	return f == CF_LEVEL || f == CF_DATE || f == CF_PARA || f == CF_VERSIONS;
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
		idlist_free(&f->terms[i].ids);
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

/* A number of at most 9 digits at *@p, into *@out. */
static bool serial_number(const char **p, uint32_t *out)
{
	const char *s = *p;
	uint32_t v = 0;

	while (*s >= '0' && *s <= '9' && s - *p < 9)
		v = v * 10 + (uint32_t)(*s++ - '0');
	if (s == *p || (*s >= '0' && *s <= '9'))
		return false;
	*out = v;
	*p = s;
	return true;
}

/* serial=ROME:3900..3950, serial=ROME:3933, serial=3900..3950: the post
 * (its key, as ids write it, into a->value later; "" for any) and the
 * serials from and to. */
static bool serial_range(const char *v, struct cf_alt *a, char *err, size_t errsize)
{
	const char *colon = strchr(v, ':'), *p = colon ? colon + 1 : v;

	if (!serial_number(&p, &a->date_lo))
		goto bad;
	a->date_hi = a->date_lo;
	if (p[0] == '.' && p[1] == '.') {
		p += 2;
		if (!serial_number(&p, &a->date_hi))
			goto bad;
	}
	if (*p || a->date_hi < a->date_lo)
		goto bad;
	return true;
bad:
	snprintf(err, errsize, "'%s' is not a post's serials (serial=ROME:3900..3950, serial=ROME:3933)", v);
	return false;
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
	} else if (t->field == CF_PARA) {
		/* para=S, para=S//NF, para=SECRET */
		struct marking m = { LEVEL_NONE, 0, { NULL, 0 } };

		m.level = level_from_name(str_c(v));
		if (m.level == LEVEL_NONE && (!marking_parse_portion(str_c(v), &m, NULL) || m.level == LEVEL_NONE)) {
			snprintf(err, errsize, "'%s' is not a paragraph's marking (para=S, para>=C, para=S//NF)", v);
			return false;
		}
		a->level = (int)m.level;
		a->caveat = m.caveats;
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
	} else if (t->field == CF_SERIAL) {
		if (!serial_range(v, a, err, errsize))
			return false;
	} else if (t->field == CF_VERSIONS) {
		const char *q = v;

		if (!serial_number(&q, &a->date_lo) || *q) {
			snprintf(err, errsize, "'%s' is not a number of versions (versions>1, versions=2)", v);
			return false;
		}
	} else if (t->field == CF_DATE) {
		if (!minutes_range(v, &a->date_lo, &a->date_hi)) {
			snprintf(err, errsize, "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", v);
			return false;
		}
	}
	if (t->field == CF_SERIAL) {
		/* the post as ids write it ("HO CHI MINH CITY" is HOCHIMINHCITY) */
		const char *colon = strchr(v, ':');
		char key[64];

		station_key(str_make(v, colon ? (size_t)(colon - v) : 0), key, sizeof(key));
		a->value = xstrdup(key);
	} else if (t->field == CF_CITES || t->field == CF_CITED_BY || t->field == CF_THREAD) {
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

/* The words of sort=KEY; the first of each order is the one written. */
static const struct {
	const char *name;
	enum sort_key key;
} sort_words[] = { { "file", SORT_INPUT }, { "date", SORT_DATE }, { "id", SORT_ID }, { "origin", SORT_ORIGIN },
		   { "level", SORT_LEVEL }, { "relevance", SORT_RELEVANCE }, { "input", SORT_INPUT },
		   { "classification", SORT_LEVEL } };

bool sort_key_parse(const char *v, enum sort_key *key)
{
	for (size_t i = 0; i < sizeof(sort_words) / sizeof(sort_words[0]); i++)
		if (strcasecmp(v, sort_words[i].name) == 0) {
			*key = sort_words[i].key;
			return true;
		}
	return false;
}

const char *sort_key_word(enum sort_key key)
{
	for (size_t i = 0; i < sizeof(sort_words) / sizeof(sort_words[0]); i++)
		if (sort_words[i].key == key)
			return sort_words[i].name;
	return "file";
}

/* sort=KEY, sort=-KEY (reversed) */
static bool sort_value(struct cfilter *f, const char *v, char *err, size_t errsize)
{
	enum sort_key key;

	if (sort_key_parse(v + (*v == '-'), &key)) {
		f->sort = (int)key;
		f->reverse = *v == '-';
		return true;
	}
	snprintf(err, errsize, "unknown order 'sort=%.20s' (sort=file date id origin level relevance, -date reversed)", v);
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

/* A name of the people fields (signer=Popper, to="USUN NEW YORK",
 * person="Steinberg, James"): one search for each of its words, which
 * must all stand in a value; each alternative's words follow the one
 * before's in t->near (alt[k].words of them). */
static bool name_alt(struct cf_term *t, const char *name, const char *v, char *err, size_t errsize)
{
	struct cf_alt *a = &t->alt[t->nalt];
	char word[128], rerr[200];
	const char *p = v;

	while (*p) {
		size_t n = 0;

		/* a word: letters, digits, any byte of a letter beyond ASCII, and
		 * an apostrophe, a hyphen or a final * within it */
		while (*p && !(is_alpha((unsigned char)*p) || is_digit((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		while (*p && (is_alpha((unsigned char)*p) || is_digit((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
			      ((*p == '\'' || *p == '-') && n) || (*p == '*' && n))) {
			if (n + 1 < sizeof(word))
				word[n++] = *p;
			p++;
		}
		word[n] = '\0';
		if (!n)
			continue;
		if (t->nnear == NEAR_WORDS * CF_ALTS) {
			snprintf(err, errsize, "'%s=' takes %d words at most", name, NEAR_WORDS * CF_ALTS);
			return false;
		}
		t->near[t->nnear] = search_new_words(word, rerr, sizeof(rerr));
		if (!t->near[t->nnear]) {
			snprintf(err, errsize, "bad word in '%s=': %s", name, rerr);
			return false;
		}
		t->nnear++;
		a->words++;
	}
	if (!a->words) {
		snprintf(err, errsize, "'%s%s' wants a name, not '%.40s'", name, op_name(t->op), v);
		return false;
	}
	a->value = xstrdup(v);
	t->nalt++;
	return true;
}

/* Said in @err, and false (the helpers of cfilter_parse). */
#define NO(...) do { snprintf(err, errsize, __VA_ARGS__); return false; } while (0)

/* The field named @name into @t; else, said, the nearest name. */
static bool field_named(struct cf_term *t, const char *name, char *err, size_t errsize)
{
	bool known = false;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(name, fields[i].name) == 0) {
			t->field = fields[i].field;
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
			NO("unknown field '%s': did you mean '%s'? (fields: " FIELD_NAMES ")", name, near);
		NO("unknown field '%s' (fields: " FIELD_NAMES ")", name);
	}
	return true;
}

/* The operator at *@p, for the field of @t (named @name). */
static bool read_op(struct cf_term *t, const char **pp, const char *name, char *err, size_t errsize)
{
	const char *p = *pp;

	if (p[0] == '>' && p[1] == '=') { t->op = CF_GE; p += 2; }
	else if (p[0] == '<' && p[1] == '=') { t->op = CF_LE; p += 2; }
	else if (p[0] == '!' && p[1] == '=') { t->op = CF_NE; p += 2; }
	else if (p[0] == '=') { t->op = CF_EQ; p++; }
	else if (p[0] == '<') { t->op = CF_LT; p++; }
	else if (p[0] == '>') { t->op = CF_GT; p++; }
	else if (p[0] == '~') { t->op = CF_RE; p++; }
	else
		NO("'%s' wants an operator (= != < <= > >= ~), not '%.10s'", name, p);
	if (!ops_for(t->field, t->op))
		NO("'%s' cannot be compared with '%s'", name, op_name(t->op));
	*pp = p;
	return true;
}

/* The value of a term read: near=, words and patterns, or alternatives. */
static bool term_value(struct cf_term *t, const char *name, char *value, char *err, size_t errsize)
{
	if (t->field == CF_NEAR) {
		if (!near_term(t, value, err, errsize))
			return false;
	} else if (t->field == CF_ID && value[0] == '@' && t->op != CF_RE) {
		/* id=@FILE: the ids a colleague sent, a line each */
		if (t->op != CF_EQ && t->op != CF_NE)
			NO("'id=@FILE' goes with = and !=");
		if (!idlist_read(&t->ids, value + 1, err, errsize))
			return false;
	} else if (t->op == CF_RE || t->field == CF_SUBJECT || t->field == CF_TEXT || t->field == CF_NOTE) {
		if (!words_term(t, name, value, err, errsize))
			return false;
	} else {
		/* alternatives: tag=PREL|PGOV */
		char *v = value;

		for (;;) {
			char *bar = strchr(v, '|');

			if (bar && t->op != CF_EQ && t->op != CF_NE)
				NO("'|' goes with = and != only, not with '%s%s'", name, op_name(t->op));
			if (bar)
				*bar = '\0';
			if (t->nalt == CF_ALTS)
				NO("'%s' takes %d alternatives at most", name, CF_ALTS);
			if (cf_people_field(t->field)) {
				if (!t->near)
					t->near = xcalloc(NEAR_WORDS * CF_ALTS, sizeof(*t->near));
				if (!name_alt(t, name, v, err, errsize))
					return false;
			} else if (!read_alt(t, name, v, err, errsize)) {
				return false;
			}
			if (!bar)
				break;
			v = bar + 1;
		}
	}
	return true;
}

/* What a term that failed holds, freed. */
static void term_free(struct cf_term *t)
{
	for (size_t k = 0; k < t->nalt; k++)
		free(t->alt[k].value);
	search_free(t->re);
	search_free(t->pre);
	for (size_t k = 0; k < t->nnear; k++)
		search_free(t->near[k]);
	free(t->near);
	free(t->pattern);
	idlist_free(&t->ids);
}

#undef NO

#define ERR(...) do { snprintf(err, errsize, __VA_ARGS__); goto fail; } while (0)

bool cfilter_parse(struct cfilter *f, const char *s, char *err, size_t errsize)
{
	size_t at;

	return cfilter_parse_at(f, s, err, errsize, &at);
}

bool cfilter_parse_at(struct cfilter *f, const char *s, char *err, size_t errsize, size_t *at)
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
		*at = (size_t)(p - s);
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
		/* marked, noted, opened: alone, not the words of the text
		 * (text=marked is the word) */
		if (nn && (!*p || *p == ' ' || *p == '\t')) {
			for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
				if (strcmp(name, flags[i].name) == 0) {
					t.field = flags[i].field;
					t.op = CF_EQ;
					known = true;
				}
			if (known)
				goto add;
		}
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
		if (!field_named(&t, name, err, errsize))
			goto fail;
		if (!read_op(&t, &p, name, err, errsize))
			goto fail;
		if (!read_value(&p, value, sizeof(value), &quoted, err, errsize, name))
			goto fail;
		if (t.field == CF_SORT) {
			if (!sort_value(f, value, err, errsize))
				goto fail;
			continue;       /* the order, not a condition */
		}
		if (!term_value(&t, name, value, err, errsize))
			goto fail;
add:
		grow_array((void **)&f->terms, &cap, f->n + 1, sizeof(*f->terms));
		f->terms[f->n++] = t;
		continue;
fail:
		term_free(&t);
		cfilter_free(f);
		return false;
	}
	return true;
}
