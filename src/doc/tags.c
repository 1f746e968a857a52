/* tags.c -- the TAGS vocabulary, and reading a TAGS field with it
 *
 * A TAGS field is a list of codes (PREL, IT, UNSC), multi-word subject tags
 * (IRAQI FREEDOM, COUNTRY CLEARANCE), and names of people after OVIP (BIDEN
 * JOSEPH, or "(STEINBERG, JAMES B.)"), separated by blanks or commas, and
 * damaged in the ways real cables are: codes run together (ETRDEINVPGOV),
 * the page headers of an old multi-page telegram inside the list (SECRET
 * PAGE 02 ROME 03067 211833Z), the whole list again on every page, typos
 * (MOPPS).  The vocabulary tells a code from a word and one tag from two. */
#include "config.h"
#include "doc/tags.h"

#include <string.h>

static int cmp_tag(struct str a, const char *b)
{
	size_t i;

	for (i = 0; i < a.n && b[i]; i++) {
		int x = to_upper((unsigned char)a.p[i]), y = (unsigned char)b[i];

		if (x != y)
			return x - y;
	}
	if (i < a.n)
		return 1;
	return b[i] ? -1 : 0;
}

const struct tag_entry *tags_lookup(struct str tag)
{
	size_t lo = 0, hi = tag_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_tag(tag, tag_table[mid].tag);

		if (c == 0)
			return &tag_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t tags_multiword(const struct str *words, size_t n)
{
	size_t best = 0;

	if (n < 2)
		return 0;
	for (size_t m = 0; m < tag_nmulti; m++) {
		const char *p = tag_table[tag_multi[m]].tag;
		size_t k = 0;
		bool ok = true;

		/* the first letter first: it tells most tags apart */
		if (!words[0].n || to_upper((unsigned char)words[0].p[0]) != (unsigned char)p[0])
			continue;
		while (ok) {
			size_t len = strcspn(p, " ");

			if (k >= n || words[k].n != len) {
				ok = false;
				break;
			}
			for (size_t i = 0; i < len && ok; i++)
				ok = to_upper((unsigned char)words[k].p[i]) == (unsigned char)p[i];
			if (!ok)
				break;
			k++;
			p += len;
			if (!*p)
				break;
			p++;
		}
		if (ok && k > best)
			best = k;
	}
	return best;
}

/* ------------------------------------------------------------ the reading */

#define MAX_TOKENS 256
#define MAX_SEEN 128
#define TAG_MAX 160

struct tok {
	struct str s;       /* as written; for a group, what is inside the parentheses */
	struct str src;     /* as written, parentheses included */
	bool comma;         /* a comma or semicolon stands before it */
	bool group;         /* "(...)" */
};

struct reader {
	void (*fn)(const struct tag_read *t, void *ud);
	void *ud;
	unsigned notes;
	char seen[MAX_SEEN][TAG_MAX];
	size_t nseen;
};

/* A word of letters (and the ' - . of names), no digits. */
static bool plain_word(const struct tok *t)
{
	if (t->group || !t->s.n)
		return false;
	for (size_t i = 0; i < t->s.n; i++) {
		int ch = (unsigned char)t->s.p[i];

		if (!(is_alpha(ch) || ch == '\'' || ch == '-' || ch == '.' || ch >= 0x80))
			return false;
	}
	return is_alpha((unsigned char)t->s.p[0]) || (unsigned char)t->s.p[0] >= 0x80;
}

/* A code as the cables write them: two to four capitals. */
static bool code_like(struct str s)
{
	if (s.n < 2 || s.n > 4)
		return false;
	for (size_t i = 0; i < s.n; i++)
		if (!is_upper((unsigned char)s.p[i]))
			return false;
	return true;
}

static struct str no_dot(struct str s)
{
	while (s.n > 1 && s.p[s.n - 1] == '.')
		s.n--;
	return s;
}

static bool known(struct str s)
{
	return tags_lookup(no_dot(s)) != NULL;
}

/* "02", "03067", "211833Z": the numbers of a page header, never tags. */
static bool number_like(struct str s)
{
	size_t d = 0;

	while (d < s.n && is_digit((unsigned char)s.p[d]))
		d++;
	return d > 0 && (d == s.n || (d + 1 == s.n && (s.p[d] == 'Z' || s.p[d] == 'z')));
}

static size_t tokenize(const struct str *pieces, size_t np, struct tok *t)
{
	size_t n = 0;
	bool comma = false;

	for (size_t k = 0; k < np; k++) {
		struct str s = pieces[k];
		size_t i = 0;

		while (i < s.n && n < MAX_TOKENS) {
			char ch = s.p[i];

			if (ch == ',' || ch == ';') {
				comma = true;
				i++;
				continue;
			}
			if (is_space((unsigned char)ch)) {
				i++;
				continue;
			}
			if (ch == '(') {
				const char *close = memchr(s.p + i, ')', s.n - i);
				size_t e = close ? (size_t)(close - s.p) : s.n;

				t[n].src = str_make(s.p + i, (close ? e + 1 : e) - i);
				t[n].s = str_trim(str_make(s.p + i + 1, e - i - 1));
				t[n].group = true;
				i = close ? e + 1 : e;
			} else {
				size_t st = i;

				while (i < s.n && !is_space((unsigned char)s.p[i]) && s.p[i] != ',' && s.p[i] != ';' &&
				       s.p[i] != '(')
					i++;
				t[n].s = t[n].src = str_make(s.p + st, i - st);
				t[n].group = false;
			}
			t[n].comma = comma;
			comma = false;
			if (t[n].s.n)
				n++;
		}
	}
	return n;
}

/* Upper case, blanks made one, into @out (TAG_MAX). */
static size_t normalise(struct str s, char *out)
{
	size_t n = 0;
	bool space = false;

	for (size_t i = 0; i < s.n && n + 2 < TAG_MAX; i++) {
		int ch = (unsigned char)s.p[i];

		if (is_space(ch)) {
			space = true;
			continue;
		}
		if (space && n)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)to_upper(ch);
	}
	n = utf8_drop_partial(out, n);
	out[n] = '\0';
	return n;
}

static void emit(struct reader *r, const char *text, size_t n, struct str src, unsigned note, struct str near,
		 struct str whole)
{
	struct tag_read t;

	for (size_t i = 0; i < r->nseen; i++) {
		if (strcmp(r->seen[i], text) == 0) {
			r->notes |= TAGS_REPEATED;
			return;
		}
	}
	if (r->nseen < MAX_SEEN)
		memcpy(r->seen[r->nseen++], text, n + 1);
	if (str_has_lower(src))
		note |= TAGS_LOWER;
	r->notes |= note;
	t.text = str_make(text, n);
	t.src = src;
	t.note = note;
	t.near = near;
	t.whole = whole;
	r->fn(&t, r->ud);
}

static void emit_str(struct reader *r, struct str s, struct str src, unsigned note)
{
	char tmp[TAG_MAX];

	emit(r, tmp, normalise(s, tmp), src, note, STR_NULL, STR_NULL);
}

/* Tokens @i to @j - 1 as one tag, blanks between them. */
static void emit_run(struct reader *r, const struct tok *t, size_t i, size_t j, unsigned note, bool person)
{
	char tmp[TAG_MAX];
	size_t n = 0;

	for (size_t k = i; k < j; k++) {
		char one[TAG_MAX];
		/* the last word loses a stray period, an initial keeps its own
		 * ("DOE, JOHN Q.") */
		bool initial = person && t[k].s.n == 2 && t[k].s.p[1] == '.';
		size_t m = normalise(k + 1 == j && !initial ? no_dot(t[k].s) : t[k].s, one);

		if (k > i && person && k == i + 1 && n + 1 < TAG_MAX)
			tmp[n++] = ',';     /* "BIDEN, JOSEPH" */
		if (k > i && n + 1 < TAG_MAX)
			tmp[n++] = ' ';
		if (n + m + 1 < TAG_MAX) {
			memcpy(tmp + n, one, m);
			n += m;
		}
	}
	n = utf8_drop_partial(tmp, n);
	tmp[n] = '\0';
	emit(r, tmp, n, str_make(t[i].src.p, (size_t)(t[j - 1].src.p + t[j - 1].src.n - t[i].src.p)), note,
	     STR_NULL, STR_NULL);
}

/* Splits a word of capitals into known codes, the fewest pieces, at least
 * one of them a four-letter subject code ("ETRDEINVPGOVCS" -> ETRD EINV
 * PGOV CS); returns the number of pieces (0: it does not split), their
 * lengths in @len. */
#define SPLIT_MAX 48
static size_t split_run(struct str w, size_t *len)
{
	unsigned char best[SPLIT_MAX + 1], from[SPLIT_MAX + 1];
	bool long_piece[SPLIT_MAX + 1];
	size_t n = w.n, k;

	if (n < 6 || n > SPLIT_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_upper((unsigned char)w.p[i]))
			return 0;
	memset(best, 0xFF, sizeof(best));
	memset(long_piece, 0, sizeof(long_piece));
	best[0] = 0;
	for (size_t i = 2; i <= n; i++) {
		for (size_t l = 2; l <= 8 && l <= i; l++) {
			size_t s = i - l;

			if (best[s] == 0xFF || !tags_lookup(str_make(w.p + s, l)))
				continue;
			if (best[s] + 1 < best[i] || (best[s] + 1 == best[i] && l >= 4 && !long_piece[i])) {
				best[i] = (unsigned char)(best[s] + 1);
				from[i] = (unsigned char)s;
				long_piece[i] = long_piece[s] || l >= 4;
			}
		}
	}
	if (best[n] == 0xFF || best[n] < 2 || !long_piece[n])
		return 0;
	k = best[n];
	for (size_t i = n, p = k; i > 0; i = from[i])
		len[--p] = i - from[i];
	return k;
}

/* The one known tag (four letters or more) one letter from @w: one
 * changed, added or left out ("MOPPS": MOPS, "UNDESCO": UNESCO); NULL when
 * none or more than one is. */
static const char *near_tag(struct str w)
{
	const char *found = NULL;

	for (size_t t = 0; t < tag_count; t++) {
		const char *b = tag_table[t].tag;

		if (strlen(b) >= 4 && !strchr(b, ' ') && str_one_edit(w, b)) {
			if (found)
				return NULL;
			found = b;
		}
	}
	return found;
}

/* The multi-word tag of the vocabulary that starts at token @i, as a number of tokens. */
static size_t multi_at(const struct tok *t, size_t n, size_t i)
{
	struct str words[5];
	size_t k = 0;

	while (i + k < n && k < 5 && plain_word(&t[i + k]) && (k == 0 || !t[i + k].comma)) {
		words[k] = t[i + k].s;
		k++;
	}
	return tags_multiword(words, k);
}

/* A person written with its comma, "DOE, JANE" or "DOE, JOHN Q.", at @i:
 * where it ends (the next person's surname, before its own comma, is not
 * its), or @i. */
static size_t person_at(const struct tok *t, size_t n, size_t i)
{
	size_t j = i + 1;

	if (j >= n || !t[j].comma || t[i].group || !plain_word(&t[i]) || known(t[i].s) || !plain_word(&t[j]) ||
	    known(t[j].s))
		return i;
	j++;
	while (j < n && !t[j].comma && plain_word(&t[j]) && !known(t[j].s) &&
	       !(j + 1 < n && t[j + 1].comma && plain_word(&t[j + 1]) && !known(t[j + 1].s)))
		j++;
	return j;
}

/* A multi-word tag whose last word has the next code glued to it ("IRAQI
 * FREEDOMKDEM"): its number of tokens, *glued the length of the code(s)
 * after it; 0 when none. */
static size_t multi_glued(const struct tok *t, size_t n, size_t i, size_t *glued)
{
	struct str words[5];
	size_t k = 0;

	while (i + k < n && k < 5 && plain_word(&t[i + k]) && (k == 0 || !t[i + k].comma)) {
		words[k] = t[i + k].s;
		k++;
	}
	for (size_t m = 2; m <= k; m++) {
		struct str last = words[m - 1];
		size_t len[SPLIT_MAX];

		for (size_t cut = 2; cut + 2 <= last.n; cut++) {
			struct str rest = str_make(last.p + cut, last.n - cut);

			words[m - 1] = str_make(last.p, cut);
			if (tags_multiword(words, m) == m && (known(rest) || split_run(rest, len))) {
				*glued = rest.n;
				return m;
			}
		}
		words[m - 1] = last;
	}
	return 0;
}

/* Tokens from @i that are words the vocabulary does not know, up to a comma. */
static size_t unknown_run(const struct tok *t, size_t n, size_t i)
{
	size_t j = i;
	size_t len[SPLIT_MAX];

	while (j < n && plain_word(&t[j]) && (j == i || !t[j].comma) && !known(t[j].s) &&
	       !split_run(t[j].s, len) && (j == i || multi_at(t, n, j) < 2) && !str_ieq(t[j].s, "SIPDIS"))
		j++;
	return j;
}

/* "IRAQI FREEDOMKDEM": the multi-word tag of the @k tokens at @i, then
 * the code glued to its end (@glued bytes), one tag or several run
 * together. */
static void emit_glued(struct reader *r, struct tok *t, size_t i, size_t k, size_t glued)
{
	struct tok last = t[i + k - 1];
	struct str code = str_make(last.s.p + last.s.n - glued, glued);
	size_t npieces, len[SPLIT_MAX];
	char tmp[TAG_MAX];

	t[i + k - 1].s.n -= glued;
	t[i + k - 1].src.n -= glued;
	emit_run(r, t, i, i + k, TAGS_RUN_TOGETHER, false);
	t[i + k - 1] = last;
	if (known(code)) {
		emit(r, tmp, normalise(code, tmp), code, TAGS_RUN_TOGETHER, STR_NULL, last.s);
	} else {
		size_t at = 0;

		npieces = split_run(code, len);
		for (size_t q = 0; q < npieces; q++) {
			struct str piece = str_make(code.p + at, len[q]);

			emit(r, tmp, normalise(piece, tmp), piece, TAGS_RUN_TOGETHER, STR_NULL, last.s);
			at += len[q];
		}
	}
}

/* Tags run together ("PRELPGOV"): the @k pieces of @s, each its tag. */
static void emit_split(struct reader *r, struct str s, size_t k, const size_t *len)
{
	size_t at = 0;

	for (size_t p = 0; p < k; p++) {
		struct str piece = str_make(s.p + at, len[p]);
		char tmp[TAG_MAX];

		emit(r, tmp, normalise(piece, tmp), piece, TAGS_RUN_TOGETHER, STR_NULL, s);
		at += len[p];
	}
}

/* One unknown code or word, kept as written, or corrected when it is a
 * long word a letter away from a known tag. */
static void emit_unknown(struct reader *r, const struct tok *tk)
{
	char tmp[TAG_MAX];
	struct str s = tk->s;
	size_t m = normalise(no_dot(s), tmp);
	const char *near = plain_word(tk) ? near_tag(no_dot(s)) : NULL;

	if (near && no_dot(s).n >= 6) {
		/* a long word is no code of its own: "UNDESCO" is UNESCO
		 * (a short one may be: MTCR beside MTCRE, KDEV beside KDEM) */
		emit(r, near, strlen(near), tk->src, TAGS_CORRECTED, str_make(tmp, m), STR_NULL);
	} else {
		emit(r, tmp, m, tk->src, near ? TAGS_TYPO : 0, near ? str_c(near) : STR_NULL, STR_NULL);
	}
}

unsigned tags_read(const struct str *pieces, size_t np, void (*fn)(const struct tag_read *t, void *ud), void *ud)
{
	struct tok t[MAX_TOKENS];
	struct reader r;
	size_t n = tokenize(pieces, np, t), i = 0;
	bool after_ovip = false;

	r.fn = fn;
	r.ud = ud;
	r.notes = 0;
	r.nseen = 0;
	while (i < n) {
		struct str s = t[i].s;
		size_t k, len[SPLIT_MAX];
		bool was_ovip = after_ovip;

		after_ovip = false;
		if (!t[i].group && number_like(s)) {
			i++;
			continue;
		}
		if (!t[i].group && str_ieq(s, "SIPDIS")) {
			struct tag_read sip = { s, t[i].src, TAGS_SIPDIS, STR_NULL, STR_NULL };

			r.notes |= TAGS_SIPDIS;
			fn(&sip, ud);
			i++;
			continue;
		}
		if (t[i].group) {
			/* "(STEINBERG, JAMES B.)": one tag, a person after OVIP */
			emit_str(&r, s, t[i].src, was_ovip ? TAGS_PERSON : 0);
			i++;
			continue;
		}
		k = multi_at(t, n, i);
		if (k >= 2) {
			emit_run(&r, t, i, i + k, 0, false);
			i += k;
			continue;
		}
		if (known(s)) {
			emit_str(&r, no_dot(s), t[i].src, 0);
			after_ovip = str_ieq(no_dot(s), "OVIP");
			i++;
			continue;
		}
		{
			size_t glued = 0;

			k = multi_glued(t, n, i, &glued);
			if (k) {
				emit_glued(&r, t, i, k, glued);
				i += k;
				continue;
			}
		}
		k = str_has_lower(s) ? 0 : split_run(s, len);
		if (k) {
			emit_split(&r, s, k, len);
			i++;
			continue;
		}
		k = was_ovip ? person_at(t, n, i) : i;
		if (k > i + 1) {
			/* "DOE, JANE ROE, RICHARD": each person with its comma */
			emit_run(&r, t, i, k, TAGS_PERSON, true);
			after_ovip = true;     /* the next may be a person too */
			i = k;
			continue;
		}
		k = unknown_run(t, n, i);
		if (was_ovip && k > i) {
			/* "BIDEN JOSEPH": the surname, then the given names */
			emit_run(&r, t, i, k, TAGS_PERSON, true);
			i = k;
			continue;
		}
		if (k > i + 1 && !code_like(s)) {
			/* words, not codes: one multi-word tag ("BILATERAL RELATIONS") */
			emit_run(&r, t, i, k, 0, false);
			i = k;
			continue;
		}
		emit_unknown(&r, &t[i]);
		i++;
	}
	return r.notes;
}
