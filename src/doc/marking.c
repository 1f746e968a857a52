/* marking.c -- classification levels and caveats */
#include "config.h"
#include "doc/marking.h"

#include <stdio.h>
#include <string.h>

static const char *const abbrevs[LEVEL_COUNT] = { "", "U", "SBU", "C", "S", "TS" };
static const char *const names[LEVEL_COUNT] = {
	"", "UNCLASSIFIED", "SENSITIVE BUT UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"
};

const char *level_abbrev(enum level l)
{
	return (unsigned)l < LEVEL_COUNT ? abbrevs[l] : "";
}

const char *level_name(enum level l)
{
	return (unsigned)l < LEVEL_COUNT ? names[l] : "";
}

static const struct {
	const char *word;
	enum level level;
} level_words[] = {
	{ "U", LEVEL_U }, { "UNCLASSIFIED", LEVEL_U }, { "UNCLAS", LEVEL_U },
	{ "SBU", LEVEL_SBU }, { "LOU", LEVEL_SBU }, { "FOUO", LEVEL_SBU },
	{ "C", LEVEL_C }, { "CONFIDENTIAL", LEVEL_C },
	{ "S", LEVEL_S }, { "SECRET", LEVEL_S },
	{ "TS", LEVEL_TS }, { "TOP SECRET", LEVEL_TS }, { "TOPSECRET", LEVEL_TS },
};

enum level level_from_name(struct str s)
{
	s = str_trim(s);
	for (size_t i = 0; i < sizeof(level_words) / sizeof(level_words[0]); i++)
		if (str_ieq(s, level_words[i].word))
			return level_words[i].level;
	return LEVEL_NONE;
}

const char *caveat_name(unsigned bit)
{
	switch (bit) {
	case CAVEAT_NOFORN: return "NOFORN";
	case CAVEAT_FOUO: return "FOUO";
	case CAVEAT_ORCON: return "ORCON";
	case CAVEAT_PROPIN: return "PROPIN";
	case CAVEAT_NODIS: return "NODIS";
	case CAVEAT_EXDIS: return "EXDIS";
	case CAVEAT_LIMDIS: return "LIMDIS";
	case CAVEAT_REL: return "REL TO";
	default: return "";
	}
}

/* Copies @s upper-cased into @out, joining spaced-out letters
 * ("C O N F I D E N T I A L" -> "CONFIDENTIAL"); returns the length. */
static size_t squeeze(struct str s, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < s.n && n + 1 < size; i++) {
		int c = (unsigned char)s.p[i];

		/* a space between two single letters: "X Y" where X and Y stand alone */
		if (c == ' ' && i > 0 && i + 1 < s.n && is_alpha((unsigned char)s.p[i - 1]) &&
		    is_alpha((unsigned char)s.p[i + 1]) &&
		    (i < 2 || s.p[i - 2] == ' ') &&
		    (i + 2 >= s.n || !is_alpha((unsigned char)s.p[i + 2])))
			continue;
		out[n++] = (char)to_upper(c);
	}
	out[n] = '\0';
	return n;
}

/* Token reader over an upper-case buffer: words split by space, '/', ',', '-', '(' and ')'. */
static bool next_word(const char **pp, const char **w, size_t *wn)
{
	const char *p = *pp;

	while (*p && (*p == ' ' || *p == '/' || *p == ',' || *p == '-' || *p == '(' ||
		      *p == ')' || *p == '\t' || *p == ';' || *p == ':' || *p == '.'))
		p++;
	if (!*p)
		return false;
	*w = p;
	while (*p && !(*p == ' ' || *p == '/' || *p == ',' || *p == '-' || *p == '(' ||
		       *p == ')' || *p == '\t' || *p == ';' || *p == ':' || *p == '.'))
		p++;
	*wn = (size_t)(p - *w);
	*pp = p;
	return true;
}

static bool word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* The dissemination controls written out, the same in banners and in
 * portion markings: their caveat bit, or 0. */
static unsigned control_word(const char *w, size_t wn)
{
	static const struct {
		const char *word;
		unsigned caveat;
	} words[] = {
		{ "ORCON", CAVEAT_ORCON }, { "PROPIN", CAVEAT_PROPIN }, { "NODIS", CAVEAT_NODIS },
		{ "EXDIS", CAVEAT_EXDIS }, { "LIMDIS", CAVEAT_LIMDIS },
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (word_is(w, wn, words[i].word))
			return words[i].caveat;
	return 0;
}

bool marking_parse_classification(struct str s, struct marking *m)
{
	char tmp[256];
	const char *p = tmp, *w;
	size_t wn;
	struct marking r = { LEVEL_NONE, 0, STR_NULL };
	bool sensitive = false;

	squeeze(str_trim(s), tmp, sizeof(tmp));
	while (next_word(&p, &w, &wn)) {
		/* spaced-out letters run a caveat on: "S E C R E T N O F O R N" */
		if (wn > 6 && memcmp(w + wn - 6, "NOFORN", 6) == 0) {
			r.caveats |= CAVEAT_NOFORN;
			wn -= 6;
		}
		if (word_is(w, wn, "TOP") || word_is(w, wn, "TOPSECRET")) {
			const char *q = p, *w2;
			size_t n2;

			if (word_is(w, wn, "TOPSECRET") ||
			    (next_word(&q, &w2, &n2) && word_is(w2, n2, "SECRET"))) {
				if (r.level < LEVEL_TS)
					r.level = LEVEL_TS;
				if (!word_is(w, wn, "TOPSECRET"))
					p = q;
			}
		} else if (word_is(w, wn, "SECRET")) {
			if (r.level < LEVEL_S)
				r.level = LEVEL_S;
		} else if (word_is(w, wn, "CONFIDENTIAL")) {
			if (r.level < LEVEL_C)
				r.level = LEVEL_C;
		} else if (word_is(w, wn, "UNCLASSIFIED") || word_is(w, wn, "UNCLAS")) {
			if (r.level < LEVEL_U)
				r.level = LEVEL_U;
		} else if (word_is(w, wn, "LIMITED")) {
			const char *q = p, *w2;
			size_t n2;

			if (next_word(&q, &w2, &n2) && word_is(w2, n2, "OFFICIAL") && r.level < LEVEL_SBU)
				r.level = LEVEL_SBU;
		} else if (word_is(w, wn, "SBU")) {
			if (r.level < LEVEL_SBU)
				r.level = LEVEL_SBU;
		} else if (word_is(w, wn, "SENSITIVE")) {
			sensitive = true;
		} else if (word_is(w, wn, "FOUO") || word_is(w, wn, "FOR")) {
			if (word_is(w, wn, "FOUO") || strstr(p, "OFFICIAL USE ONLY") == p + 1)
				r.caveats |= CAVEAT_FOUO;
		} else if (word_is(w, wn, "NOFORN") || word_is(w, wn, "NF")) {
			r.caveats |= CAVEAT_NOFORN;
		} else if (control_word(w, wn)) {
			r.caveats |= control_word(w, wn);
		} else if (word_is(w, wn, "REL")) {
			r.caveats |= CAVEAT_REL;
		}
	}
	if (r.level == LEVEL_NONE)
		return false;
	if (r.level == LEVEL_U && (sensitive || (r.caveats & CAVEAT_FOUO)))
		r.level = LEVEL_SBU;
	/* REL TO countries: point into the caller's string */
	if (r.caveats & CAVEAT_REL) {
		long at = str_ifind(s, "REL TO");

		if (at >= 0) {
			struct str rest = str_make(s.p + at + 6, s.n - (size_t)at - 6);
			long end = str_find(rest, "//");

			if (end >= 0)
				rest.n = (size_t)end;
			r.rel = str_trim(rest);
		}
	}
	*m = r;
	return true;
}

bool marking_parse_portion(struct str s, struct marking *m, bool *entire)
{
	char tmp[96];
	const char *p = tmp, *w;
	size_t wn;
	struct marking r = { LEVEL_NONE, 0, STR_NULL };
	bool in_rel = false, is_entire = false, first = true;

	s = str_trim(s);
	if (s.n == 0 || s.n >= sizeof(tmp) || memchr(s.p, '(', s.n) || memchr(s.p, ')', s.n))
		return false;
	for (size_t i = 0; i < s.n; i++)
		tmp[i] = (char)to_upper((unsigned char)s.p[i]);
	tmp[s.n] = '\0';

	while (next_word(&p, &w, &wn)) {
		if (first) {
			/* the level comes first */
			first = false;
			if (word_is(w, wn, "TOP")) {
				const char *q = p, *w2;
				size_t n2;

				if (!next_word(&q, &w2, &n2) || !word_is(w2, n2, "SECRET"))
					return false;
				p = q;
				r.level = LEVEL_TS;
				continue;
			}
			r.level = level_from_name(str_make(w, wn));
			if (r.level == LEVEL_NONE)
				return false;
			if (word_is(w, wn, "FOUO"))
				r.caveats |= CAVEAT_FOUO;
			continue;
		}
		if (in_rel) {
			/* countries after REL TO: trigraphs, or names ("LIBYA") */
			bool letters = wn >= 2 && wn <= 24;

			for (size_t k = 0; k < wn && letters; k++)
				letters = is_upper((unsigned char)w[k]);
			if (letters)
				continue;
			return false;
		}
		if (word_is(w, wn, "NF") || word_is(w, wn, "NOFORN") || word_is(w, wn, "N")) {
			r.caveats |= CAVEAT_NOFORN;
		} else if (word_is(w, wn, "FOUO")) {
			r.caveats |= CAVEAT_FOUO;
			if (r.level == LEVEL_U)
				r.level = LEVEL_SBU;
		} else if (word_is(w, wn, "OC")) {
			r.caveats |= CAVEAT_ORCON;
		} else if (word_is(w, wn, "PR")) {
			r.caveats |= CAVEAT_PROPIN;
		} else if (control_word(w, wn)) {
			r.caveats |= control_word(w, wn);
		} else if (word_is(w, wn, "SBU") || word_is(w, wn, "SENSITIVE")) {
			if (r.level == LEVEL_U)
				r.level = LEVEL_SBU;
		} else if (word_is(w, wn, "REL")) {
			const char *q = p, *w2;
			size_t n2;

			r.caveats |= CAVEAT_REL;
			if (next_word(&q, &w2, &n2) && word_is(w2, n2, "TO"))
				p = q;
			/* countries follow, in the caller's string */
			r.rel = str_trim(str_make(s.p + (p - tmp), s.n - (size_t)(p - tmp)));
			in_rel = true;
		} else if (word_is(w, wn, "ENTIRE")) {
			const char *q = p, *w2;
			size_t n2;

			if (next_word(&q, &w2, &n2) && word_is(w2, n2, "TEXT"))
				p = q;
			is_entire = true;
		} else {
			return false;
		}
	}
	if (r.level == LEVEL_NONE)
		return false;
	if (entire)
		*entire = is_entire;
	*m = r;
	return true;
}

/* Appends @t to out[*n] (size @size), truncating. */
static void add(char *out, size_t size, size_t *n, const char *t, size_t len)
{
	if (*n + len >= size)
		len = *n + 1 < size ? size - *n - 1 : 0;
	memcpy(out + *n, t, len);
	*n += len;
	out[*n] = '\0';
}

/* No printf: this runs for every paragraph of a 1.9 GB dump. */
static void format_marking(const struct marking *m, char *out, size_t size, bool banner)
{
	size_t n = 0;
	const char *lvl = banner ? level_name(m->level) : level_abbrev(m->level);

	if (!size)
		return;
	out[0] = '\0';
	if (banner && m->level == LEVEL_SBU)
		lvl = "UNCLASSIFIED";
	add(out, size, &n, lvl, strlen(lvl));
	for (unsigned bit = 1; bit <= CAVEAT_REL; bit <<= 1) {
		const char *name;

		if (!(m->caveats & bit))
			continue;
		name = caveat_name(bit);
		if (!banner && bit == CAVEAT_NOFORN)
			name = "NF";
		if (banner && m->level == LEVEL_SBU && bit == CAVEAT_FOUO)
			name = "FOR OFFICIAL USE ONLY";
		add(out, size, &n, "//", 2);
		add(out, size, &n, name, strlen(name));
		if (bit == CAVEAT_REL && m->rel.n) {
			add(out, size, &n, " ", 1);
			add(out, size, &n, m->rel.p, m->rel.n);
		}
	}
	if (banner && m->level == LEVEL_SBU && !(m->caveats & CAVEAT_FOUO))
		add(out, size, &n, "//SBU", 5);
}

void marking_format_portion(const struct marking *m, char *out, size_t size)
{
	format_marking(m, out, size, false);
}

void marking_format_banner(const struct marking *m, char *out, size_t size)
{
	format_marking(m, out, size, true);
}

void marking_format_classification(const struct marking *m, char *out, size_t size)
{
	size_t n = 0;
	const char *lvl = m->level == LEVEL_SBU ? "UNCLASSIFIED" : level_name(m->level);

	if (!size)
		return;
	out[0] = '\0';
	add(out, size, &n, lvl, strlen(lvl));
	if (m->level == LEVEL_SBU)
		add(out, size, &n, "//FOR OFFICIAL USE ONLY", 23);
	if (m->level && (m->caveats & CAVEAT_NOFORN))
		add(out, size, &n, "//NOFORN", 8);
}
