/* parse_number.c -- paragraph numbers: the true number of a marker read
 * in its sequence (the ¶ sign read as a "1", numbers skipped, written
 * twice, started again inside a quoted text), and every paragraph's
 * address. */
#include "config.h"
#include "parse/parse_body.h"

#include <string.h>

/* Does a line ahead, apart from the text before it (after a blank line, a
 * rule or a heading), start with the number @k, before one starts with
 * @stop?  The numbering a marker would open goes on, then. */
static bool number_ahead(struct parser *p, const struct body *b, long k, long stop)
{
	bool apart = false;

	for (size_t i = b->line + 1; i < b->end && i < b->line + 600; i++) {
		struct str s = line_str(p, i);
		struct marker m;

		if (line_blank(p, i) || is_rule(s)) {
			apart = true;
			continue;
		}
		if (apart && read_marker(s, &m)) {
			if (m.k == k)
				return true;
			if (m.k == stop)
				return false;
		}
		/* after a heading, or a whole paragraph on one line */
		apart = (heading_like(s) && s.n < 60) || (s.n > 100 && ends_sentence(s));
	}
	return false;
}

/* The next marker ahead written "1" + @k: the ¶ signs read as "1" throughout. */
static bool mangled_ahead(struct parser *p, const struct body *b, long k)
{
	for (size_t i = b->line + 1; i < b->end && i < b->line + 600; i++) {
		struct marker m;

		if (!line_blank(p, i) && read_marker(line_str(p, i), &m)) {
			long v = 0;
			struct str d = m.written;

			while (d.n && !is_digit((unsigned char)d.p[0]))
				d = str_make(d.p + 1, d.n - 1);
			if (d.n < 2 || d.p[0] != '1')
				continue;
			for (size_t j = 1; j < d.n; j++)
				v = v * 10 + (d.p[j] - '0');
			return v == k;
		}
	}
	return false;
}

/* Text that starts a paragraph: a capital, a marking, a quote. */
static bool paragraph_start(struct str rest)
{
	return rest.n && (is_upper((unsigned char)rest.p[0]) || rest.p[0] == '(' || rest.p[0] == '"' ||
			  (unsigned char)rest.p[0] >= 0x80);
}

/* The ¶ sign read as a "1": "11." is ¶1, "18." is ¶8 (not when the ¶ is
 * there), when @m so read is the number expected. */
static bool mangled_one(struct parser *p, struct body *b, const struct marker *m, bool warn)
{
	struct cable *c = p->c;
	long e = b->expected;

	if (m->written.n >= 2 && !is_pilcrow_at(m->pilcrow_at, 0)) {
		struct str d = m->written;

		while (d.n && !is_digit((unsigned char)d.p[0])) {
			d.p++;
			d.n--;
		}
		if (d.n >= 2 && d.p[0] == '1' && d.p[1] != '0') {
			long v = 0;

			for (size_t i = 1; i < d.n; i++)
				v = v * 10 + (d.p[i] - '0');
			/* the reading must hold for the marker after it too, but
			 * for the first paragraph ("11." "12." ... in a whole text) */
			if (v == e && (e == 1 || b->mangled_said || mangled_ahead(p, b, e + 1))) {
				if (warn && !b->mangled_said) {
					cable_warn(c, "paragraph signs read as \"1\" (\"%.*s.\" is ¶%ld); numbers taken from the sequence",
						   (int)m->written.n, m->written.p, e);
					b->mangled_said = true;
				}
				return true;
			}
		}
	}
	return false;
}

/* A number written again (kept as written, its address its own): said. */
static int numbered_again(struct cable *c, const struct marker *m, long e, bool warn, enum take *take)
{
	if (warn)
		cable_warn(c, "¶%ld is numbered again after ¶%ld; kept as written, its address is its own", m->k, e - 1);
	*take = TAKE_AGAIN;
	return (int)m->k;
}

int body_decide(struct parser *p, struct body *b, const struct marker *m, bool fresh, bool warn,
		enum take *take)
{
	struct cable *c = p->c;
	long e = b->expected;
	/* a ¶ sign before the number is the web copies' own (they put one
	 * before any number that starts a line; the dump has none): no
	 * evidence, so that every copy of a cable reads the same */
	bool marked = m->has_mark;

	/* the line stands apart from the text before it */
	bool apart = b->pending_blank || b->cur < 0 ||
		     (b->prev.n && (is_rule(b->prev) || heading_like(b->prev) ||
				    (b->prev.n > 100 && ends_sentence(b->prev))));   /* a paragraph a line */

	*take = TAKE_NEXT;
	/* "1) ... 2) ..." inside paragraphs numbered "1." "2.": a list */
	if (m->paren && b->taken && b->with_paren * 2 < b->taken)
		return 0;
	if (m->k == e)
		return (int)e;
	if (mangled_one(p, b, m, warn))
		return (int)e;
	/* the first paragraph numbered further on: marked, in an excerpt, or
	 * after the paragraphs before it were redacted whole */
	if (e == 1 && m->k > 1 &&
	    ((b->cur < 0 && ((marked && m->k <= 30) || (b->excerpt && m->k <= 999))) ||
	     (fresh && m->k <= 30 && b->prev.n && is_redacted(b->prev)))) {
		if (warn)
			cable_warn(c, "the first paragraph is numbered %ld", m->k);
		return (int)m->k;
	}
	/* a jump forward: a few numbers, or more for a marked paragraph */
	if (m->k > e && fresh && ((m->k <= e + 3 && (marked || m->k == e + 1 || (apart && paragraph_start(m->rest)))) ||
				  (m->has_mark && m->k <= e + 20) || (m->has_mark && apart && m->k <= e + 50) ||

				  /* the paragraphs between redacted whole by the publisher */
				  (is_redacted(b->prev) && m->k <= e + 20))) {
		if (warn)
			cable_warn(c, "paragraph numbers skip from %ld to %ld", e - 1, m->k);
		return (int)m->k;
	}
	/* the number just read written again after a blank line, with or
	 * without its ¶ sign or marking (a page adds the sign, a dump does
	 * not: both must give the same addresses); not the last item of a
	 * list inside the paragraph ("1." "2." "3." inside ¶3) */
	if (fresh && b->pending_blank && e > 1 && m->k == e - 1 && b->inner != m->k - 1 && !m->paren) {
		return numbered_again(c, m, e, warn, take);
	}
	/* unmarked numbers apart from the text, read the same with or without
	 * a page's ¶ signs: a numbering that starts again ("1." then "2."
	 * ahead), a number written again with the next one ahead, or a
	 * paragraph out of its order ("6." then "5.") */
	/* the run written again goes on: "16." "17." again after ¶19, then "18." */
	if (b->again_next && m->k == b->again_next && m->k < e && fresh && !m->paren && paragraph_start(m->rest)) {
		*take = TAKE_AGAIN;
		return (int)m->k;
	}
	if (!marked && fresh && apart && e > 1 && !m->paren && paragraph_start(m->rest)) {
		/* (not after "POINTS:": a list of its own) */
		if (m->k == 1 && e > 2 && !b->outer && !str_iends(str_trim(b->prev), ":") && number_ahead(p, b, 2, e)) {
			if (warn)
				cable_warn(c, "the paragraph numbers start again at 1 after ¶%ld (a quoted text?); kept as written",
					   e - 1);
			*take = TAKE_RESTART;
			return 1;
		}
		if (m->k >= 2 && m->k < e && b->inner != m->k - 1 && (m->k >= e - 3 || number_ahead(p, b, m->k + 1, e))) {
			return numbered_again(c, m, e, warn, take);
		}
	}
	if (!fresh || !marked || e <= 1 || m->k < 1)
		return 0;
	/* a cable that writes ¶ before its paragraphs numbers lists inside them without */

	/* a numbering that started again goes back to the outer one */
	if (b->outer && m->k == b->outer) {
		*take = TAKE_RESUME;
		return (int)m->k;
	}
	/* "1." again after ¶4: a text quoted inside the cable numbers its own */
	if (m->k == 1 && e > 2 && !b->outer) {
		if (warn)
			cable_warn(c, "the paragraph numbers start again at 1 after ¶%ld (a quoted text?); kept as written",
				   e - 1);
		*take = TAKE_RESTART;
		return 1;
	}
	/* "12. (C)" twice, "4. (S)" after ¶6: a number written again */
	if (m->k < e) {
		return numbered_again(c, m, e, warn, take);
	}
	return 0;
}

/* Letters for the @k-th block under one number: a..z, aa, ab, ... */
static void suffix_letters(size_t k, char *out, size_t size)
{
	char tmp[8];
	size_t n = 0;

	do {
		tmp[n++] = (char)('a' + k % 26);
		k = k / 26;
	} while (k-- && n < sizeof(tmp));
	for (size_t i = 0; i < n && i + 1 < size; i++)
		out[i] = tmp[n - 1 - i];
	out[MIN(n, size - 1)] = '\0';
}

/* Writes "@n@suffix" into @out (ADDRESS_MAX); no printf, as it runs for
 * every paragraph of the dump. */
static void address(char *out, unsigned n, const char *suffix)
{
	char tmp[12];
	size_t k = sizeof(tmp), m = 0;

	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n && k);
	while (k < sizeof(tmp) && m + 1 < ADDRESS_MAX)
		out[m++] = tmp[k++];
	for (size_t i = 0; suffix[i] && m + 1 < ADDRESS_MAX; i++)
		out[m++] = suffix[i];
	out[m] = '\0';
}

/* Every paragraph its own address: "N" for the first written N, the
 * number before it and a letter for the rest ("0a", "4b"); position for a
 * cable that numbers nothing. */
void assign_addresses(struct cable *c, bool numbered)
{
	int base = 0, top = 0;
	unsigned *used;       /* letters given under each number */
	bool *taken;          /* the plain number given already */

	if (!numbered) {
		for (size_t i = 0; i < c->nparas; i++)
			address(c->paras[i].address, (unsigned)MIN(i + 1, (size_t)999999999), "");
		return;
	}
	for (size_t i = 0; i < c->nparas; i++)
		top = MAX(top, c->paras[i].number);
	used = arena_alloc(&c->arena, ((size_t)top + 1) * sizeof(*used));
	taken = arena_alloc(&c->arena, ((size_t)top + 1) * sizeof(*taken));
	memset(used, 0, ((size_t)top + 1) * sizeof(*used));
	memset(taken, 0, ((size_t)top + 1) * sizeof(*taken));
	for (size_t i = 0; i < c->nparas; i++) {
		struct paragraph *para = &c->paras[i];
		char suffix[8];

		if (para->number > 0 && !taken[para->number]) {
			taken[para->number] = true;
			base = para->number;
			address(para->address, (unsigned)base, "");
			continue;
		}
		if (para->number > 0)
			base = para->number;
		suffix_letters((size_t)used[base]++, suffix, sizeof(suffix));
		address(para->address, (unsigned)base, suffix);
	}
}

