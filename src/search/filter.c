/* filter.c -- the corpus filter language applied: does a cable pass? */
#include "config.h"
#include "search/filter.h"
#include "search/near.h"
#include "search/textrows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "doc/compare.h"
#include "doc/ids.h"
#include "doc/people.h"
#include "base/util.h"
#include "workspace/workspace.h"

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

/* Does @note hold the words (or the expression) of a note= term? */
static bool note_matches(const char *note, const void *ud)
{
	return re_match(ud, str_c(note));
}

/* ---------------------------------------------------------------- people */

struct cf_memo {
	uint64_t *key;          /* (term << 32 | value's key) + 1; 0 is empty */
	uint8_t *val;
	size_t cap, n;
};

struct cf_memo *cf_memo_new(void)
{
	return xcalloc(1, sizeof(struct cf_memo));
}

void cf_memo_free(struct cf_memo *m)
{
	if (!m)
		return;
	free(m->key);
	free(m->val);
	free(m);
}

static size_t memo_slot(const struct cf_memo *m, uint64_t key)
{
	size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> 20) & (m->cap - 1);

	while (m->key[h] && m->key[h] != key)
		h = (h + 1) & (m->cap - 1);
	return h;
}

static void memo_put(struct cf_memo *m, uint64_t key, bool v)
{
	size_t h;

	if ((m->n + 1) * 2 > m->cap) {
		struct cf_memo big = { 0 };

		big.cap = m->cap ? m->cap * 2 : 1024;
		big.key = xcalloc(big.cap, sizeof(*big.key));
		big.val = xcalloc(big.cap, sizeof(*big.val));
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i]) {
				h = memo_slot(&big, m->key[i]);
				big.key[h] = m->key[i];
				big.val[h] = m->val[i];
			}
		big.n = m->n;
		free(m->key);
		free(m->val);
		*m = big;
	}
	h = memo_slot(m, key);
	if (!m->key[h])
		m->n++;
	m->key[h] = key;
	m->val[h] = v;
}

/* 1 or 0 when @key's answer is known, else -1. */
static int memo_get(const struct cf_memo *m, uint64_t key)
{
	size_t h;

	if (!m->cap)
		return -1;
	h = memo_slot(m, key);
	return m->key[h] ? m->val[h] : -1;
}

/* The roles (people.h) of the values a people field looks at. */
static const char *field_roles(enum cf_field f)
{
	switch (f) {
	case CF_SIGNER: return "S";
	case CF_CLASSIFIED_BY: return "C";
	case CF_FROM: return "F";
	case CF_TO: return "T";
	case CF_INFO: return "I";
	case CF_ADDRESSEE: return "TI";
	case CF_PERSON: return "P";
	default: return "";
	}
}

/* Does name @v pass people term @t: its expression, or every word of one
 * of its alternatives? */
static bool name_holds(const struct cf_term *t, struct str v)
{
	size_t w = 0;

	if (t->op == CF_RE)
		return re_match(t->re, v);
	for (size_t k = 0; k < t->nalt; k++) {
		bool all = true;

		for (size_t j = 0; j < t->alt[k].words && all; j++)
			all = re_match(t->near[w + j], v);
		if (all)
			return true;
		w += t->alt[k].words;
	}
	return false;
}

/* Does a value of @s of the kind term @t (number @ti) asks for pass it? */
static bool people_match(const struct cf_term *t, const struct cf_subject *s, size_t ti)
{
	const char *roles = field_roles(t->field);

	for (size_t i = 0; i < s->npeople; i++) {
		struct str v = s->people[i];
		uint64_t key;
		int known;

		if (!people_role(v) || !strchr(roles, people_role(v)))
			continue;
		if (!s->memo || !s->people_keys) {
			if (name_holds(t, people_name(v)))
				return true;
			continue;
		}
		key = ((uint64_t)ti << 32 | s->people_keys[i]) + 1;
		known = memo_get(s->memo, key);
		if (known < 0) {
			known = name_holds(t, people_name(v));
			memo_put(s->memo, key, known);
		}
		if (known)
			return true;
	}
	return false;
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
	case CF_COLLECTION:
		return s->ws && ws_in_collection(s->ws, s->id, a->value);
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
	case CF_SERIAL: {
		char id[ID_MAX];
		long serial;

		snprintf(id, sizeof(id), "%.*s", (int)MIN(s->id.n, sizeof(id) - 1), s->id.p ? s->id.p : "");
		serial = id_serial(id);
		return serial >= 0 && (uint32_t)serial >= a->date_lo && (uint32_t)serial <= a->date_hi &&
		       (!a->value[0] || str_ieq(id_station(id), a->value));
	}
	case CF_CITES:
		for (size_t i = 0; i < s->nrefs; i++)
			if (str_ieq(s->refs[i], a->value))
				return true;
		return false;
	case CF_CITED_BY:
		return s->cites && s->cites(s->cites_ud, str_c(a->value), s->id);
	case CF_THREAD:
		return false;   /* term_match asks s->in_thread */
	case CF_VERSIONS:
		return cmp(t->op == CF_NE ? CF_EQ : t->op, (long)s->versions, (long)a->date_lo);
	case CF_REDACTED:
		return false;   /* term_match reads the cable */
	case CF_SUBJECT:
	case CF_TEXT:
	case CF_NEAR:
	case CF_PARA:
	case CF_SIGNER:
	case CF_CLASSIFIED_BY:
	case CF_FROM:
	case CF_TO:
	case CF_INFO:
	case CF_ADDRESSEE:
	case CF_PERSON:
	case CF_SORT:
	case CF_MARKED:
	case CF_NOTED:
	case CF_OPENED:
	case CF_NOTE:
		return false;
	}
	return false;
}

bool cf_para_holds(const struct cf_term *t, struct row_marks m)
{
	enum cf_op op = t->op == CF_NE ? CF_EQ : t->op;

	for (size_t k = 0; k < t->nalt; k++) {
		const struct cf_alt *a = &t->alt[k];

		if ((m.caveats & a->caveat) != a->caveat)
			continue;
		for (int l = LEVEL_U; l < LEVEL_COUNT; l++)
			if ((m.levels >> l & 1) && cmp(op, l, a->level))
				return true;
	}
	return false;
}

/* A para= term words must stand under: one that must hold. */
static bool row_condition(const struct cf_term *t)
{
	return t->field == CF_PARA && !t->negate && t->op != CF_NE;
}

bool cfilter_has_para(const struct cfilter *f)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (row_condition(&f->terms[i]))
			return true;
	return false;
}

bool cfilter_para_ok(const struct cfilter *f, struct row_marks m)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (row_condition(&f->terms[i]) && !cf_para_holds(&f->terms[i], m))
			return false;
	return true;
}

bool cfilter_para_ok_at(const struct cfilter *f, const struct cable *c, long para)
{
	unsigned row = para < 0 ? 0 : (unsigned)MIN((size_t)para + 1, (size_t)TEXTROWS_MAX - 1);

	return !cfilter_has_para(f) || cfilter_para_ok(f, text_row_marks(c, row));
}

/* The rows of a cable the words of a term are looked for in: those whose
 * markings pass the filter's para= terms. */
struct rows_match {
	const struct cf_term *t;
	const struct cfilter *f;
	const struct cable *c;
	bool any;
	size_t gave_up;         /* the searches the limits stopped, before */
};

static bool row_match(unsigned row, struct str text, void *ud)
{
	struct rows_match *m = ud;

	if (!cfilter_para_ok(m->f, text_row_marks(m->c, row)))
		return true;
	if (m->t->field == CF_NEAR) {
		m->any = near_match(m->t->near, m->t->nnear, m->t->near_dist, text);
		return !m->any;
	}
	m->any = re_match(m->t->re, text);
	/* a pattern too costly for a row is given up for the cable: it
	 * counts once, the cable does not match */
	return !m->any && search_gave_up(m->t->re) == m->gave_up;
}

/* The cable of @s: parsed when it must be, NULL when there is none to read. */
static const struct cable *cable_of(const struct cf_subject *s)
{
	return s->cable ? s->cable : s->parse ? s->parse(s->parse_ud) : NULL;
}

/* Do the words of @t (a text term, or near=) match in the rows of @s's
 * cable that @f's para= terms let them?  (In the text given when there is
 * no cable to read and no para= term.) */
static bool words_match(const struct cfilter *f, const struct cf_term *t, const struct cf_subject *s)
{
	struct rows_match m = { t, f, NULL, false, t->re ? search_gave_up(t->re) : 0 };
	struct buf scratch = { 0 };
	bool near = t->field == CF_NEAR;

	/* bytes without the longest word of every phrase: no need to parse */
	if (s->text_plain && t->pre && !re_match(t->pre, s->text))
		return false;
	m.c = cable_of(s);
	if (!m.c) {
		if (s->parse || cfilter_has_para(f))
			return false;
		return near ? near_match(t->near, t->nnear, t->near_dist, s->text) : re_match(t->re, s->text);
	}
	text_rows(m.c, &scratch, row_match, &m);
	buf_free(&scratch);
	return m.any;
}

/* Does a row of @s's cable have markings that pass para= term @t? */
static bool para_match(const struct cf_term *t, const struct cf_subject *s)
{
	const struct cable *c = cable_of(s);
	unsigned n = c ? text_rows_count(c) : 0;

	for (unsigned row = 1; row < n; row++)
		if (cf_para_holds(t, text_row_marks(c, row)))
			return true;
	return false;
}

/* Does term @t (number @ti of its filter) hold for @s? */
static bool term_match(const struct cfilter *f, const struct cf_term *t, const struct cf_subject *s, size_t ti)
{
	bool r = false;
	int known;

	if (cf_reads_text(t) && s->known && (known = s->known(s->known_ud, ti)) >= 0) {
		r = known == 1;
	} else if (t->field == CF_NEAR) {
		r = words_match(f, t, s);
	} else if (t->field == CF_PARA) {
		r = para_match(t, s);
	} else if (t->field == CF_ID && t->ids.n) {
		char id[ID_MAX];

		snprintf(id, sizeof(id), "%.*s", (int)MIN(s->id.n, sizeof(id) - 1), s->id.p ? s->id.p : "");
		r = idlist_has(&t->ids, id);
	} else if (t->field == CF_THREAD) {
		r = s->in_thread && s->in_thread(s->in_thread_ud, ti);
	} else if (t->field == CF_REDACTED) {
		const struct cable *c = s->cable ? s->cable : s->parse ? s->parse(s->parse_ud) : NULL;

		r = c && compare_has_redaction(c);
	} else if (cf_people_field(t->field)) {
		r = people_match(t, s, ti);
	} else if (t->field == CF_NOTE) {
		r = s->ws && ws_notes_match(s->ws, s->id, note_matches, t->re);
	} else if (t->re) {
		if (t->field == CF_ORIGIN)
			r = re_match(t->re, s->origin) || re_match(t->re, s->origin_name);
		else if (t->field == CF_ID)
			r = re_match(t->re, s->id);
		else
			r = t->field == CF_SUBJECT ? re_match(t->re, s->subject)
			    : t->words ? words_match(f, t, s) : re_match(t->re, s->text);
	} else if (t->field == CF_MARKED || t->field == CF_NOTED || t->field == CF_OPENED) {
		unsigned bit = t->field == CF_MARKED ? WS_MARKED : t->field == CF_NOTED ? WS_NOTED : WS_OPENED;

		r = s->ws && (ws_cable_flags(s->ws, s->id) & bit);
	} else {
		for (size_t k = 0; k < t->nalt && !r; k++)
			r = alt_match(t, &t->alt[k], s);
	}
	if (t->op == CF_NE)
		r = !r;
	return t->negate ? !r : r;
}

bool cf_findable(const struct cf_term *t)
{
	if (t->negate || t->op == CF_NE)
		return false;
	return (t->field == CF_TEXT && t->re) || (t->field == CF_NEAR && t->nnear);
}

static void counted(size_t start, size_t len, void *ud)
{
	(void)start;
	(void)len;
	(void)ud;
}

size_t cf_find(const struct cf_term *t, struct str text, void (*fn)(size_t start, size_t len, void *ud), void *ud)
{
	if (!fn)
		fn = counted;           /* only how many */
	if (t->field == CF_NEAR)
		return near_windows(t->near, t->nnear, t->near_dist, text, fn, ud);
	return search_all(t->re, text, (size_t)-1, fn, ud);
}

bool cfilter_findable(const struct cfilter *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (cf_findable(&f->terms[i]))
			return true;
	return false;
}

bool cfilter_match(const struct cfilter *f, const struct cf_subject *s)
{
	/* the terms on the text last: the others are cheap, and may spare
	 * reading it */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < f->n; i++)
			if (cf_reads_text(&f->terms[i]) == (pass == 1) && !term_match(f, &f->terms[i], s, i))
				return false;
	return true;
}

/* The people of a cable, each ended by a NUL in @all. */
struct people_kept {
	struct buf all;
	size_t n;
};

static void person_kept(struct str value, void *ud)
{
	struct people_kept *k = ud;

	buf_add(&k->all, value.p, value.n);
	buf_addc(&k->all, '\0');
	k->n++;
}

bool cfilter_match_cable(const struct cfilter *f, const struct cable *c)
{
	struct people_kept kept = { { 0 }, 0 };
	struct buf scratch = { 0 };
	struct str people[PEOPLE_MAX];
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
	people_each(c, &scratch, person_kept, &kept);
	for (size_t i = 0, at = 0; i < kept.n && i < PEOPLE_MAX; i++) {
		people[i] = str_c(kept.all.p + at);
		at += people[i].n + 1;
	}
	s.people = people;
	s.npeople = MIN(kept.n, (size_t)PEOPLE_MAX);
	ok = cfilter_match(f, &s);
	buf_free(&scratch);
	buf_free(&kept.all);
	if (tags != few)
		free(tags);
	if (refs != fewrefs)
		free(refs);
	return ok;
}
