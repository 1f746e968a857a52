/* people.c -- the people and offices a cable names, one spelling each */
#include "config.h"
#include "doc/people.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "base/util.h"

/* The words a routing line puts after the office: how fast it must go. */
static bool precedence_word(struct str w)
{
	static const char *const words[] = { "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "NIACT", "CRITIC" };

	return STR_IEQ_ANY(w, words);
}

/* @s in upper case with single blanks into @out (emptied), ends trimmed;
 * a name beyond ASCII ("Ríce") through libunistring's full case mapping. */
static void upper_words(struct str s, struct buf *out)
{
	bool blank = false;
	unsigned char high = 0;
	char *o;

	buf_clear(out);
	s = str_trim(s);
	/* room for all of it at once: this runs for every name of every
	 * cable the list reads */
	buf_reserve(out, s.n + 1);
	o = out->p;
	for (size_t i = 0; i < s.n; i++) {
		unsigned char ch = (unsigned char)s.p[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			blank = true;
			continue;
		}
		if (blank && o > out->p)
			*o++ = ' ';
		blank = false;
		high |= ch;
		*o++ = (char)to_upper(ch);
	}
	out->n = (size_t)(o - out->p);
	out->p[out->n] = '\0';
	if (high & 0x80) {
		size_t n = 0;
		uint8_t *up = u8_toupper((const uint8_t *)out->p, out->n, NULL, NULL, NULL, &n);

		if (up) {
			buf_clear(out);
			buf_add(out, up, n);
			free(up);
		}
	}
}

/* The last word of @s (a blank before it), or @s. */
static struct str last_word(struct str s)
{
	size_t k = s.n;

	if (!s.n)
		return s;
	while (k > 0 && s.p[k - 1] != ' ')
		k--;
	return str_make(s.p + k, s.n - k);
}

static bool all_digits(struct str w)
{
	for (size_t i = 0; i < w.n; i++)
		if (!is_digit((unsigned char)w.p[i]))
			return false;
	return w.n > 0;
}

/* A byte taken off a name's ends: punctuation, and a NUL, as no name
 * ends with one (a switch: every name of every cable comes here). */
static bool name_punct(char ch)
{
	switch (ch) {
	case '.': case ',': case ';': case ':': case '-': case '/': case '\0':
		return true;
	default:
		return false;
	}
}

/* Punctuation taken off a name's ends: "POPPER.", "(SIGNED) ..." stays. */
static struct str trim_punct(struct str s)
{
	while (s.n && name_punct(s.p[s.n - 1]))
		s.n--;
	while (s.n && name_punct(s.p[0])) {
		s.p++;
		s.n--;
	}
	return str_trim(s);
}

/* A person tag in upper case, its initials' dots kept ("DOE, JOHN Q."). */
static struct str upper_name(struct str raw, struct buf *out)
{
	upper_words(raw, out);
	return out->n ? buf_str(out) : STR_NULL;
}

struct str people_plain_name(struct str raw, struct buf *out)
{
	upper_words(raw, out);
	if (!out->n)
		return STR_NULL;    /* none (and no pointer into nothing) */
	return trim_punct(buf_str(out));
}

/* people_addressee's answers, by what it was asked less a serial at its
 * end: the same few dozen addressees (SECSTATE WASHDC, the posts of a
 * region) stand in most cables' routing, each with the serial of that
 * cable, and cleaning each again was a twelfth of the list's read of a
 * header.  The cleaning takes a last word of digits off whatever it is,
 * unless nothing stands before it once the routing indicator is off
 * ("RUEHC/ 1378" is "1378"): an answer found with a serial that is not
 * the serial itself holds for the same words with any serial, and
 * without one; any other answer only for the same bytes.  Direct-mapped
 * by a hash of the words, a set for each thread (the list's workers),
 * both sides at most ADDR_MEMO_BYTES long. */
#define ADDR_MEMO_SLOTS 512
#define ADDR_MEMO_BYTES 62
static _Thread_local struct addr_memo {
	uint8_t nkey, nout;     /* nkey 0: empty */
	bool any_serial;        /* the answer holds whatever serial follows */
	char key[ADDR_MEMO_BYTES], out[ADDR_MEMO_BYTES];
} addr_memo[ADDR_MEMO_SLOTS];

/* @raw less its serial (the digits that end it after spaces, a byte that
 * is no blank before them: else upper_words keeps the digits alone), its
 * length; *@serial the digits, or empty (the length is @raw's). */
static size_t addressee_words(struct str raw, struct str *serial)
{
	size_t k = raw.n, d;

	*serial = STR_NULL;
	while (k > 0 && is_digit((unsigned char)raw.p[k - 1]))
		k--;
	d = k;
	while (k > 0 && raw.p[k - 1] == ' ')
		k--;
	if (d == raw.n || d == k)
		return raw.n;
	for (size_t i = 0; i < k; i++)
		if (!is_space((unsigned char)raw.p[i])) {
			*serial = str_make(raw.p + d, raw.n - d);
			return k;
		}
	return raw.n;
}

struct str people_addressee(struct str raw, struct buf *out)
{
	struct str serial, s;
	size_t n = addressee_words(raw, &serial);
	struct addr_memo *m;
	uint32_t h = 2166136261u;
	bool any;

	if (!n || n > ADDR_MEMO_BYTES)
		return people_addressee_uncached(raw, out);
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)raw.p[i]) * 16777619u;
	m = &addr_memo[(h ^ (h >> 16)) & (ADDR_MEMO_SLOTS - 1)];
	if (m->nkey == n && memcmp(m->key, raw.p, n) == 0 && (m->any_serial || !serial.n)) {
		buf_clear(out);
		buf_add(out, m->out, m->nout);
		return m->nout ? buf_str(out) : STR_NULL;
	}
	s = people_addressee_uncached(raw, out);
	any = serial.n && !(s.n == serial.n && memcmp(s.p, serial.p, s.n) == 0);
	/* kept: an answer for any serial, or for these bytes, which have none */
	if (s.n <= ADDR_MEMO_BYTES && (any || !serial.n)) {
		m->nkey = (uint8_t)n;
		memcpy(m->key, raw.p, n);
		m->any_serial = any;
		m->nout = (uint8_t)s.n;
		if (s.n)
			memcpy(m->out, s.p, s.n);
	}
	return s;
}

struct str people_addressee_uncached(struct str raw, struct buf *out)
{
	struct str s;
	size_t k = 0;

	upper_words(raw, out);
	if (!out->n)
		return STR_NULL;
	s = buf_str(out);
	/* the routing indicator: "RUEHC/", "RHEHNSC/", letters and digits to a slash */
	while (k < s.n && k < 9 && (is_upper((unsigned char)s.p[k]) || is_digit((unsigned char)s.p[k])))
		k++;
	if (k >= 4 && k < s.n && s.p[k] == '/' && s.p[0] == 'R')
		s = str_trim(str_make(s.p + k + 1, s.n - k - 1));
	/* the precedence and the serial: "IMMEDIATE 7701", "PRIORITY 0000" */
	for (;;) {
		struct str w = last_word(s);

		if (w.n == s.n || !(precedence_word(w) || all_digits(w)))
			break;
		s = str_trim(str_make(s.p, s.n - w.n));
	}
	/* one spelling of the capital: "SECDEF WASHINGTON DC" is "SECDEF WASHDC" */
	size_t cut = str_iends(s, " WASHINGTON DC") ? 14 : str_iends(s, " WASHINGTON D.C.") ? 16 : 0;

	if (cut) {
		struct buf tmp = { 0 };

		buf_add(&tmp, s.p, s.n - cut);
		buf_adds(&tmp, " WASHDC");
		buf_clear(out);
		buf_add(out, tmp.p, tmp.n);
		buf_free(&tmp);
		s = buf_str(out);
	}
	return trim_punct(s);
}

/* What people_each() gathers: the values so far, to give each once. */
struct gather {
	struct buf seen;        /* the values given, each ended by a NUL */
	size_t n;
	void (*fn)(struct str value, void *ud);
	void *ud;
};

static void give(struct gather *g, char role, struct str name)
{
	char v[PEOPLE_NAME_MAX + 3];
	size_t n;

	if (!name.n || g->n >= PEOPLE_MAX || memchr(name.p, '\0', name.n))
		return;
	/* a name past PEOPLE_NAME_MAX bytes is no name but text the parser
	 * took for one: cut, the same for the list and the cable */
	n = MIN(name.n, (size_t)PEOPLE_NAME_MAX);
	v[0] = role;
	v[1] = ':';
	memcpy(v + 2, name.p, n);
	v[n + 2] = '\0';
	for (size_t at = 0; at < g->seen.n; at += strlen(g->seen.p + at) + 1)
		if (strcmp(g->seen.p + at, v) == 0)
			return;
	buf_add(&g->seen, v, n + 3);
	g->n++;
	g->fn(str_make(v, n + 2), g->ud);
}

static void give_addressees(struct gather *g, char role, const struct field *f, size_t n, struct buf *scratch)
{
	for (size_t i = 0; i < n; i++)
		give(g, role, people_addressee(f[i].text, scratch));
}

void people_each(const struct cable *c, struct buf *scratch, void (*fn)(struct str value, void *ud), void *ud)
{
	struct gather g = { { 0 }, 0, fn, ud };

	give(&g, ROLE_SIGNER, people_plain_name(c->signer.text, scratch));
	give(&g, ROLE_CLASSIFIER, people_plain_name(c->classified_by.text, scratch));
	give(&g, ROLE_FROM, people_addressee(c->routing.from.text, scratch));
	for (size_t i = 0; i < c->ntags; i++)
		if (memchr(c->tags[i].text.p, ',', c->tags[i].text.n))
			give(&g, ROLE_PERSON, upper_name(c->tags[i].text, scratch));
	give_addressees(&g, ROLE_TO, c->routing.to, c->routing.nto, scratch);
	give_addressees(&g, ROLE_INFO, c->routing.info, c->routing.ninfo, scratch);
	buf_free(&g.seen);
}
